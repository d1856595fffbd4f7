//! Output placement checks: the cleaned copies, report and summary must never replace an input.
//!
//! Run after the walk, before anything is written. The walk already skips an output folder
//! that sits inside an input folder, so earlier outputs are not read back as inputs; these
//! checks refuse the layouts where writing would overwrite an input file.

use crate::config::{Config, ReportTarget};
use crate::walk::Walked;
use std::path::{Path, PathBuf};

/// Refuse (with a message naming the paths) any layout where an output lands on an input.
/// `walk` is started only when some layout needs the input files looked at one by one.
pub fn check<I: Iterator<Item = Walked>>(
    paths: &[PathBuf],
    config: &Config,
    walk: impl FnOnce() -> I,
) -> Result<(), String> {
    let out = config
        .out_dir
        .as_ref()
        .filter(|_| !config.dry_run)
        .and_then(|o| o.canonicalize().ok());
    if let Some(out) = &out {
        for root in paths {
            if root.is_dir() && root.canonicalize().is_ok_and(|r| &r == out) {
                return Err(format!(
                    "--out {} is the input folder {} itself: the cleaned copies would overwrite the inputs; choose another folder",
                    out.display(),
                    root.display()
                ));
            }
        }
    }
    let copies_at_risk = out.filter(|out| paths.iter().any(|root| nested(root, out)));
    let report = match &config.report {
        ReportTarget::File(path) => Some(path),
        _ => None,
    };
    // Only an existing file can be an input; one outside every input folder only through a
    // link.
    let outputs: Vec<(&PathBuf, std::fs::Metadata)> = report
        .into_iter()
        .chain(&config.summary)
        .filter_map(|file| Some((file, std::fs::metadata(file).ok()?)))
        .filter(|(file, meta)| may_be_input(file, meta, paths, config.follow))
        .collect();
    if copies_at_risk.is_none() && outputs.is_empty() {
        return Ok(());
    }
    // The first output (report, then summary) that is an input, named once the walk shows
    // no cleaned copy overwrites an input, which is told first.
    let mut taken: Vec<Option<String>> = vec![None; outputs.len()];
    for item in walk() {
        let Some(job) = item.into_job() else { continue };
        if let Some(out) = &copies_at_risk {
            if same_file(job.input(), &out.join(job.relative())) {
                return Err(format!(
                    "the cleaned copy of {} would overwrite that input file (--out {}); choose another folder",
                    job.display(),
                    out.display()
                ));
            }
        }
        for ((_, meta), taken) in outputs.iter().zip(&mut taken) {
            let is_file = || std::fs::metadata(job.input()).is_ok_and(|m| same_inode(&m, meta));
            if taken.is_none() && is_file() {
                *taken = Some(job.display());
            }
        }
    }
    match taken.into_iter().flatten().next() {
        Some(input) => Err(format!(
            "{input} is an input file and cannot also receive the report or summary"
        )),
        None => Ok(()),
    }
}

/// Whether the existing output `file` could be one of the inputs: it lies in an input folder
/// (or is an input file), has other hard links, or links in the folders are followed.
fn may_be_input(file: &Path, meta: &std::fs::Metadata, paths: &[PathBuf], follow: bool) -> bool {
    if follow || links(meta) > 1 {
        return true;
    }
    let Ok(file) = file.canonicalize() else {
        return true;
    };
    paths
        .iter()
        .filter_map(|root| root.canonicalize().ok())
        .any(|root| file.starts_with(&root))
}

#[cfg(unix)]
fn links(meta: &std::fs::Metadata) -> u64 {
    std::os::unix::fs::MetadataExt::nlink(meta)
}

#[cfg(not(unix))]
fn links(_: &std::fs::Metadata) -> u64 {
    2
}

/// True when `root` (a folder, or a file's folder) and `out` contain one another.
fn nested(root: &Path, out: &Path) -> bool {
    let base = if root.is_dir() {
        root.canonicalize()
    } else {
        root.parent().unwrap_or(Path::new(".")).canonicalize()
    };
    base.is_ok_and(|b| b.starts_with(out) || out.starts_with(&b))
}

/// Both paths exist and are the same file (same device and inode: catches links too).
fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::metadata(a), std::fs::metadata(b)) {
        (Ok(x), Ok(y)) => same_inode(&x, &y),
        _ => false,
    }
}

#[cfg(unix)]
fn same_inode(a: &std::fs::Metadata, b: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    a.dev() == b.dev() && a.ino() == b.ino()
}

#[cfg(not(unix))]
fn same_inode(_: &std::fs::Metadata, _: &std::fs::Metadata) -> bool {
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hard_links_and_the_same_path_are_the_same_file() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.txt");
        std::fs::write(&a, "x").unwrap();
        std::fs::hard_link(&a, dir.path().join("b.txt")).unwrap();
        std::fs::write(dir.path().join("c.txt"), "x").unwrap();
        assert!(same_file(&a, &dir.path().join("./a.txt")));
        assert!(same_file(&a, &dir.path().join("b.txt")));
        assert!(!same_file(&a, &dir.path().join("c.txt")));
        assert!(!same_file(&a, &dir.path().join("missing.txt")));
    }

    #[test]
    fn nesting_is_seen_both_ways() {
        let dir = tempfile::tempdir().unwrap();
        let (inner, other) = (dir.path().join("in/out"), dir.path().join("other"));
        std::fs::create_dir_all(&inner).unwrap();
        std::fs::create_dir_all(&other).unwrap();
        let root = dir.path().join("in");
        assert!(nested(&root, &inner.canonicalize().unwrap()));
        assert!(nested(&inner, &root.canonicalize().unwrap()));
        assert!(!nested(&other, &inner.canonicalize().unwrap()));
    }
}
