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

/// One file to clean.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Job {
    /// Where to read it.
    pub input: PathBuf,
    /// Where its cleaned copy goes, relative to the output folder.
    pub relative: PathBuf,
    /// The input path as shown in messages and the report.
    pub display: String,
    /// Size when walked (for progress; the worker checks again).
    pub size: u64,
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
            let name = root
                .file_name()
                .map(PathBuf::from)
                .unwrap_or_else(|| PathBuf::from("stdin.txt"));
            jobs.push(Job {
                input: root.clone(),
                relative: name,
                display: display_root,
                size: meta.len(),
            });
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
            let relative = entry
                .path()
                .strip_prefix(root)
                .unwrap_or(entry.path())
                .to_path_buf();
            let size = entry.metadata().map(|m| m.len()).unwrap_or(0);
            jobs.push(Job {
                input: entry.path().to_path_buf(),
                relative,
                display: entry.path().to_string_lossy().into_owned(),
                size,
            });
        }
    }
    jobs.sort_by(|a, b| a.display.cmp(&b.display));
    jobs.dedup_by(|a, b| a.input == b.input);
    let mut taken = HashSet::new();
    jobs.retain(|job| {
        if taken.insert(job.relative.clone()) {
            return true;
        }
        errors.push(WalkError {
            display: job.display.clone(),
            kind: ErrorKind::OutputCollision,
            message: format!("another input already writes {}", job.relative.display()),
        });
        false
    });
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
