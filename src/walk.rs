//! Inputs to jobs: walk folders (sorted, no hidden files, symlinks only with --follow), map each file to its output path.
//!
//! Without --follow, a symlink met in a folder is left alone but not silently: one that leads to
//! a folder, or whose name carries a cleaned extension, is listed in [`WalkNotes`] so the run
//! can count it and tell the user that --follow would take it in.

use crate::config::Config;
use crate::output::ErrorKind;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

/// One file to clean. A walk of a million files holds a million jobs, so a job keeps one
/// path and derives the rest from it (about 100 bytes a job instead of 370).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Job {
    /// Where to read it.
    input: PathBuf,
    /// Trailing components of `input` that make the output path.
    relative_components: usize,
    /// Size when walked (for progress; the worker checks again).
    pub size: u64,
}

impl Job {
    /// A job for `input`, whose last `relative_components` components name its copy.
    pub fn new(input: PathBuf, relative_components: usize, size: u64) -> Job {
        Job {
            input,
            relative_components,
            size,
        }
    }

    /// Where to read it.
    pub fn input(&self) -> &Path {
        &self.input
    }

    /// Where its cleaned copy goes, relative to the output folder.
    pub fn relative(&self) -> &Path {
        let root = self
            .input
            .ancestors()
            .nth(self.relative_components)
            .unwrap_or(Path::new(""));
        self.input.strip_prefix(root).unwrap_or(&self.input)
    }

    /// The input path as shown in messages and the report.
    pub fn display(&self) -> String {
        self.input.to_string_lossy().into_owned()
    }
}

/// A problem met while walking, reported against a path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WalkError {
    pub display: String,
    pub kind: ErrorKind,
    pub message: String,
}

/// What a walk met besides the jobs.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct WalkNotes {
    /// Problems, each reported against a path.
    pub errors: Vec<WalkError>,
    /// Symlinks not followed (no --follow) that lead to a folder or are named like a cleaned
    /// file, dangling ones included; display paths, sorted.
    pub skipped_symlinks: Vec<String>,
}

/// All jobs for `paths`, sorted by display path, plus what was met on the way.
pub fn collect_jobs(paths: &[PathBuf], config: &Config) -> (Vec<Job>, WalkNotes) {
    let mut jobs = Vec::new();
    let mut errors = Vec::new();
    let mut skipped_symlinks = Vec::new();
    let out_dir = config.out_dir.as_ref().and_then(|o| o.canonicalize().ok());
    for root in paths {
        let display_root = root.to_string_lossy().into_owned();
        let meta = match std::fs::metadata(root) {
            Ok(m) => m,
            Err(e) => {
                let kind = if e.kind() == std::io::ErrorKind::NotFound {
                    ErrorKind::NotFound
                } else {
                    ErrorKind::Unreadable
                };
                errors.push(WalkError {
                    display: display_root,
                    kind,
                    message: e.to_string(),
                });
                continue;
            }
        };
        if meta.is_file() {
            // `clean dir/a.txt --out dir` is refused whole by `safety::check`, before anything
            // is written (the copy would overwrite the input).
            jobs.push(Job::new(root.clone(), 1, meta.len()));
            continue;
        }
        let walker = WalkDir::new(root)
            .follow_links(config.follow)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|entry| {
                let hidden =
                    entry.depth() > 0 && entry.file_name().to_string_lossy().starts_with('.');
                let is_out = entry.file_type().is_dir()
                    && out_dir
                        .as_ref()
                        .is_some_and(|o| entry.path().canonicalize().is_ok_and(|p| &p == o));
                !hidden && !is_out
            });
        for entry in walker {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    errors.push(walk_error(&e, &display_root));
                    continue;
                }
            };
            // Only reached without --follow: a followed link reports its target's type.
            if entry.file_type().is_symlink() {
                if entry.path().is_dir() || has_extension(entry.path(), &config.extensions) {
                    skipped_symlinks.push(entry.path().to_string_lossy().into_owned());
                }
                continue;
            }
            if !entry.file_type().is_file() || !has_extension(entry.path(), &config.extensions) {
                continue;
            }
            // A report (or shard report) from an earlier run is dehusk's own output, not a corpus shard.
            let name = entry.file_name().to_string_lossy();
            if entry.depth() > 0 && name.starts_with("dehusk-report") && name.ends_with(".jsonl") {
                continue;
            }
            // The walk root itself is a file only through a followed symlink: name it alone.
            let depth = entry.depth().max(1);
            let size = entry.metadata().map(|m| m.len()).unwrap_or(0);
            jobs.push(Job::new(entry.into_path(), depth, size));
        }
    }
    // Byte order of the paths: the order of their display strings for UTF-8 names.
    jobs.sort_by(|a, b| a.input.as_os_str().cmp(b.input.as_os_str()));
    jobs.dedup_by(|a, b| a.input == b.input);
    // Under one root every input has its own relative path; only several roots can collide.
    if paths.len() > 1 {
        let mut taken = HashSet::new();
        jobs.retain(|job| {
            if taken.insert(job.relative().to_path_buf()) {
                return true;
            }
            errors.push(WalkError {
                display: job.display(),
                kind: ErrorKind::OutputCollision,
                message: format!("another input already writes {}", job.relative().display()),
            });
            false
        });
    }
    skipped_symlinks.sort();
    skipped_symlinks.dedup();
    (
        jobs,
        WalkNotes {
            errors,
            skipped_symlinks,
        },
    )
}

/// Name what went wrong: a symlink loop (with --follow), a dangling symlink, or an unreadable entry.
fn walk_error(e: &walkdir::Error, display_root: &str) -> WalkError {
    let display = e
        .path()
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_else(|| display_root.to_string());
    let dangling = e.path().is_some_and(|p| p.is_symlink() && !p.exists());
    let (kind, message) = match (e.loop_ancestor(), e.io_error()) {
        (Some(ancestor), _) => (
            ErrorKind::SymlinkLoop,
            format!("symlink loop: leads back to {}", ancestor.display()),
        ),
        (None, Some(_)) if dangling => (
            ErrorKind::NotFound,
            "dangling symlink: its target does not exist".to_string(),
        ),
        (None, Some(io)) => (ErrorKind::Unreadable, io.to_string()),
        (None, None) => (ErrorKind::Unreadable, e.to_string()),
    };
    WalkError {
        display,
        kind,
        message,
    }
}

/// True when the file name ends in one of `extensions` (`txt`, or a compound one like `jsonl.gz`).
pub fn has_extension(path: &Path, extensions: &[String]) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    extensions.iter().any(|ext| {
        name.len() > ext.len() + 1
            && name.ends_with(ext.as_str())
            && name[..name.len() - ext.len()].ends_with('.')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extension_match_is_case_insensitive_and_compound_aware() {
        let exts = vec!["txt".to_string(), "jsonl.gz".to_string()];
        assert!(has_extension(Path::new("a/B.TXT"), &exts));
        assert!(has_extension(Path::new("shard.jsonl.gz"), &exts));
        assert!(!has_extension(Path::new("notes.text"), &exts));
        assert!(!has_extension(Path::new(".txt"), &exts));
        assert!(!has_extension(Path::new("atxt"), &exts));
    }
}
