//! One input root walked in path byte order, one entry at a time: its jobs, errors and skipped symlinks.
//!
//! A folder's entries are sorted by name with a `/` after each folder's name, so that the
//! depth-first walk meets files in the byte order of their whole paths (`a-b/x` before `a/b`,
//! as '-' sorts before '/'): the order a sort of every path would give, without holding every
//! path. Only the folders on the current path are held, each with its sorted entries.

use super::{has_extension, Job, WalkError, Walked};
use crate::config::Config;
use crate::output::ErrorKind;
use std::cmp::Ordering;
use std::path::{Path, PathBuf};
use walkdir::{DirEntry, WalkDir};

type Entries = Box<dyn Iterator<Item = walkdir::Result<DirEntry>> + Send>;

/// What is left of one root.
pub(super) enum RootWalk {
    /// A root that is a file, or cannot be opened: one item, then nothing.
    One(Option<Walked>),
    /// A folder being walked.
    Tree {
        entries: Entries,
        display_root: String,
        extensions: Vec<String>,
        /// Whether jobs get their size: only the progress bar reads it, and it costs a
        /// stat per file.
        sizes: bool,
    },
}

impl RootWalk {
    /// Start walking `root`; `out_dir` (canonical) is never entered.
    pub fn new(root: &Path, config: &Config, out_dir: Option<&Path>) -> RootWalk {
        let display_root = root.to_string_lossy().into_owned();
        let meta = match std::fs::metadata(root) {
            Ok(m) => m,
            Err(e) => {
                let kind = if e.kind() == std::io::ErrorKind::NotFound {
                    ErrorKind::NotFound
                } else {
                    ErrorKind::Unreadable
                };
                return RootWalk::One(Some(Walked::Error(WalkError {
                    display: display_root,
                    kind,
                    message: e.to_string(),
                })));
            }
        };
        if meta.is_file() {
            // `clean dir/a.txt --out dir` is refused whole by `safety::check`, before anything
            // is written (the copy would overwrite the input).
            return RootWalk::One(Some(Walked::Job(Job::new(
                root.to_path_buf(),
                1,
                meta.len(),
            ))));
        }
        let follow = config.follow;
        let out_dir: Option<PathBuf> = out_dir.map(Path::to_path_buf);
        let entries = WalkDir::new(root)
            .follow_links(follow)
            .sort_by(move |a, b| path_order(a, b, follow))
            .into_iter()
            .filter_entry(move |entry| {
                let hidden =
                    entry.depth() > 0 && entry.file_name().to_string_lossy().starts_with('.');
                let is_out = entry.file_type().is_dir()
                    && out_dir
                        .as_ref()
                        .is_some_and(|o| entry.path().canonicalize().is_ok_and(|p| &p == o));
                !hidden && !is_out
            });
        RootWalk::Tree {
            entries: Box::new(entries),
            display_root,
            extensions: config.extensions.clone(),
            sizes: config.progress,
        }
    }
}

impl Iterator for RootWalk {
    type Item = Walked;

    fn next(&mut self) -> Option<Walked> {
        let (entries, display_root, extensions, sizes) = match self {
            RootWalk::One(item) => return item.take(),
            RootWalk::Tree {
                entries,
                display_root,
                extensions,
                sizes,
            } => (entries, display_root, extensions, *sizes),
        };
        for entry in entries {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => return Some(Walked::Error(walk_error(&e, display_root))),
            };
            // Only reached without --follow: a followed link reports its target's type.
            if entry.file_type().is_symlink() {
                if entry.path().is_dir() || has_extension(entry.path(), extensions) {
                    return Some(Walked::SkippedSymlink(
                        entry.path().to_string_lossy().into_owned(),
                    ));
                }
                continue;
            }
            if !entry.file_type().is_file() || !has_extension(entry.path(), extensions) {
                continue;
            }
            // A report (or shard report) from an earlier run is dehusk's own output, not a corpus shard.
            let name = entry.file_name().to_string_lossy();
            if entry.depth() > 0 && name.starts_with("dehusk-report") && name.ends_with(".jsonl") {
                continue;
            }
            // The walk root itself is a file only through a followed symlink: name it alone.
            let depth = entry.depth().max(1);
            let size = match sizes {
                true => entry.metadata().map(|m| m.len()).unwrap_or(0),
                false => 0,
            };
            return Some(Walked::Job(Job::new(entry.into_path(), depth, size)));
        }
        None
    }
}

/// Two entries of one folder in the byte order of the paths under them: a folder's name
/// is followed by `/` in every path below it. A symlink counts as the folder it leads to
/// only when links are followed (walkdir sorts before it follows them).
fn path_order(a: &DirEntry, b: &DirEntry, follow: bool) -> Ordering {
    let is_dir = |e: &DirEntry| {
        e.file_type().is_dir() || (follow && e.path_is_symlink() && e.path().is_dir())
    };
    let (a_slash, b_slash) = (is_dir(a).then_some(&b'/'), is_dir(b).then_some(&b'/'));
    let a_key = a.file_name().as_encoded_bytes().iter().chain(a_slash);
    let b_key = b.file_name().as_encoded_bytes().iter().chain(b_slash);
    a_key.cmp(b_key)
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
