//! Linux unnamed files (`O_TMPFILE`): written in the target folder with no name, then given
//! the target's name by one `linkat`.
//!
//! Why: a named temp file costs two directory updates per output (create the temp name,
//! then rename it over the target), and on a corpus of small documents those updates are
//! most of the system time (issue #5). An unnamed file is only linked, once, when it is
//! whole; it never shows up in a listing, and a crash or a second Ctrl-C leaves nothing
//! behind because the kernel frees a file that has no name when it is closed.
//! Where the filesystem or kernel has no `O_TMPFILE`, or `/proc` is missing (the link goes
//! through `/proc/self/fd`), callers fall back to a named temp file.

use rustix::fs::{linkat, openat, AtFlags, Mode, OFlags, CWD};
use rustix::io::Errno;
use std::fs::File;
use std::io;
use std::os::fd::AsRawFd;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::OnceLock;

/// Set once a filesystem refused `O_TMPFILE`: later files skip the attempt. Falling back
/// is always correct, so a process writing to several filesystems loses at most the saving.
static REFUSED: AtomicBool = AtomicBool::new(false);

/// An unnamed file open for writing in `dir`, or `None` when unnamed files are not
/// available there (the caller then makes a named temp file, whose error, if any, is the
/// one reported). A missing `dir` is a `NotFound` error, so the caller can create it.
pub fn create_in(dir: &Path) -> io::Result<Option<File>> {
    if REFUSED.load(Ordering::Relaxed) || !proc_fd_available() {
        return Ok(None);
    }
    let flags = OFlags::WRONLY | OFlags::TMPFILE | OFlags::CLOEXEC;
    // 0666 less the umask, as for any file the tool creates.
    match openat(CWD, dir, flags, Mode::from_raw_mode(0o666)) {
        Ok(fd) => Ok(Some(File::from(fd))),
        Err(Errno::NOENT) => Err(Errno::NOENT.into()),
        // No O_TMPFILE on this filesystem (EOPNOTSUPP), or a kernel that predates it and
        // reads the flag as O_DIRECTORY (EISDIR) or rejects it (EINVAL).
        Err(Errno::OPNOTSUPP | Errno::ISDIR | Errno::INVAL) => {
            REFUSED.store(true, Ordering::Relaxed);
            Ok(None)
        }
        // Permissions, a read-only or full filesystem: the named temp file meets the same
        // and says so in the usual words.
        Err(_) => Ok(None),
    }
}

/// Give `file` (from [`create_in`]) the name `target`. `Ok(false)` when `target` exists:
/// a link never replaces a file, so the caller links a temp name and renames it over.
pub fn link(file: &File, target: &Path) -> io::Result<bool> {
    match linkat(CWD, fd_path(file), CWD, target, AtFlags::SYMLINK_FOLLOW) {
        Ok(()) => Ok(true),
        Err(Errno::EXIST) => Ok(false),
        Err(e) => Err(e.into()),
    }
}

/// The path that names an open file's inode, which `linkat` can link without privileges
/// (linking the descriptor itself, `AT_EMPTY_PATH`, needs `CAP_DAC_READ_SEARCH`).
fn fd_path(file: &File) -> String {
    format!("/proc/self/fd/{}", file.as_raw_fd())
}

fn proc_fd_available() -> bool {
    static AVAILABLE: OnceLock<bool> = OnceLock::new();
    *AVAILABLE.get_or_init(|| Path::new("/proc/self/fd").is_dir())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn an_unnamed_file_is_invisible_until_linked_and_refuses_to_replace() {
        let dir = tempfile::tempdir().unwrap();
        let Some(mut file) = create_in(dir.path()).unwrap() else {
            // This filesystem has no O_TMPFILE: the named fallback is tested in atomic.rs.
            return;
        };
        file.write_all(b"whole\n").unwrap();
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
        let target = dir.path().join("out.txt");
        assert!(link(&file, &target).unwrap());
        assert_eq!(std::fs::read(&target).unwrap(), b"whole\n");
        assert!(!link(&file, &target).unwrap(), "an existing name is kept");
    }

    #[test]
    fn a_missing_folder_is_not_found() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("no/such");
        match create_in(&missing) {
            Err(e) => assert_eq!(e.kind(), io::ErrorKind::NotFound),
            Ok(None) => {} // unnamed files unavailable: nothing was tried
            Ok(Some(_)) => panic!("created a file in a missing folder"),
        }
    }
}
