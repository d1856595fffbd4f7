//! Output placement checks: the cleaned copies, report and summary must never replace an input.
//!
//! Run after the walk, before anything is written. The walk already skips an output folder
//! that sits inside an input folder, so earlier outputs are not read back as inputs; these
//! checks refuse the layouts where writing would overwrite an input file.

use crate::config::{Config, ReportTarget};
use crate::walk::Job;
use std::path::{Path, PathBuf};

/// Refuse (with a message naming the paths) any layout where an output lands on an input.
pub fn check(paths: &[PathBuf], jobs: &[Job], config: &Config) -> Result<(), String> {
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
        if paths.iter().any(|root| nested(root, out)) {
            if let Some(job) = jobs
                .iter()
                .find(|job| same_file(job.input(), &out.join(job.relative())))
            {
                return Err(format!(
                    "the cleaned copy of {} would overwrite that input file (--out {}); choose another folder",
                    job.display(),
                    out.display()
                ));
            }
        }
    }
    let report = match &config.report {
        ReportTarget::File(path) => Some(path.clone()),
        _ => None,
    };
    for file in report.iter().chain(&config.summary) {
        // Only an existing file can be an input; the walked size narrows the candidates cheaply.
        let Ok(meta) = std::fs::metadata(file) else {
            continue;
        };
        if let Some(job) = jobs
            .iter()
            .find(|job| job.size == meta.len() && same_file(job.input(), file))
        {
            return Err(format!(
                "{} is an input file and cannot also receive the report or summary",
                job.display()
            ));
        }
    }
    Ok(())
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
