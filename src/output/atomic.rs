//! Atomic writes: data goes to a file no reader can see, which one step then publishes under
//! its final name.
//!
//! A reader (or a crash) never sees half a file: either the old state or the whole new file.
//! On Linux the file being written has no name at all (see `unnamed.rs`) and is linked into
//! place; elsewhere, or where the filesystem has no unnamed files, it is a named temp file in
//! the target folder, renamed over the target.

use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use tempfile::TempPath;

/// Write `bytes` to `path` atomically, creating parent folders as needed.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = AtomicFile::create(path)?;
    file.write_all(bytes)?;
    file.commit()
}

/// A file being written: invisible under its final name until [`AtomicFile::commit`].
/// Dropped without commit, it is gone.
pub struct AtomicFile {
    target: PathBuf,
    /// Writes go to the plain file, so their errors are the OS's (tempfile's own wrapper would
    /// name the temp path, which no longer exists when the message is shown).
    writer: BufWriter<File>,
    /// Declared after `writer`: a named temp file is deleted once the file is closed.
    pending: Pending,
}

/// How the file being written will be published.
enum Pending {
    /// It has no name yet (Linux `O_TMPFILE`): nothing to delete if it is dropped.
    #[cfg(target_os = "linux")]
    Unnamed,
    /// A named temp file, renamed over the target.
    Named(TrackedTemp),
}

/// A named temp file, deleted when dropped unless persisted, and known to the interrupt
/// handler while it exists.
struct TrackedTemp {
    temp: TempPath,
    /// Declared last: dropped once the temp file is published or deleted.
    _tracked: Tracked,
}

/// Keeps the temp file known to the interrupt handler while it exists.
struct Tracked(PathBuf);

impl Drop for Tracked {
    fn drop(&mut self) {
        crate::interrupt::untrack(&self.0);
    }
}

/// A named temp file made by `make`, known to the interrupt handler until the returned
/// [`Tracked`] is dropped (after the file is published or deleted).
fn make_tracked<R>(
    make: impl FnOnce() -> io::Result<tempfile::NamedTempFile<R>>,
) -> io::Result<(tempfile::NamedTempFile<R>, Tracked)> {
    let named = crate::interrupt::create_tracked(make, |t: &tempfile::NamedTempFile<R>| t.path())?;
    let tracked = Tracked(named.path().to_path_buf());
    Ok((named, tracked))
}

/// The prefix and suffix of named temp files, which tests look for.
fn temp_builder() -> tempfile::Builder<'static, 'static> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(".dehusk-").suffix(".tmp");
    // tempfile creates 0600 files; outputs get the usual 0666 less the umask instead.
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    builder
}

impl AtomicFile {
    pub fn create(path: &Path) -> io::Result<AtomicFile> {
        Self::create_with(path, cfg!(target_os = "linux"))
    }

    /// [`AtomicFile::create`], with unnamed files allowed or not (tests take both ways).
    fn create_with(path: &Path, unnamed: bool) -> io::Result<AtomicFile> {
        let parent = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        let open = || -> io::Result<(File, Pending)> {
            #[cfg(target_os = "linux")]
            if unnamed {
                if let Some(file) = super::unnamed::create_in(parent)? {
                    return Ok((file, Pending::Unnamed));
                }
            }
            let _ = unnamed;
            let (named, _tracked) = make_tracked(|| temp_builder().tempfile_in(parent))?;
            let (file, temp) = named.into_parts();
            Ok((file, Pending::Named(TrackedTemp { temp, _tracked })))
        };
        // Most folders exist already (every file after the first in a folder): try first and
        // create the folders only when missing, which saves two syscalls per file.
        let (file, pending) = match open() {
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                fs::create_dir_all(parent)?;
                open()?
            }
            other => other?,
        };
        Ok(AtomicFile {
            target: path.to_path_buf(),
            writer: BufWriter::with_capacity(64 * 1024, file),
            pending,
        })
    }

    /// Flush, sync nothing more than the OS does, and publish under the target name.
    pub fn commit(self) -> io::Result<()> {
        let file = self.writer.into_inner().map_err(|e| e.into_error())?;
        match self.pending {
            #[cfg(target_os = "linux")]
            Pending::Unnamed => {
                if super::unnamed::link(&file, &self.target)? {
                    return Ok(());
                }
                // The target exists (a rerun into the same folder): a link cannot replace
                // it, so the file gets a temp name that one rename moves over it.
                let parent = self.target.parent().unwrap_or(Path::new("."));
                let (named, _tracked) =
                    make_tracked(|| temp_builder().make_in(parent, |temp| link_new(&file, temp)))?;
                named
                    .into_temp_path()
                    .persist(&self.target)
                    .map_err(|e| e.error)?;
                Ok(())
            }
            Pending::Named(named) => {
                drop(file);
                named.temp.persist(&self.target).map_err(|e| e.error)?;
                Ok(())
            }
        }
    }
}

/// Link `file` under the new name `temp`; an existing name is `AlreadyExists`, on which
/// tempfile picks another.
#[cfg(target_os = "linux")]
fn link_new(file: &File, temp: &Path) -> io::Result<()> {
    match super::unnamed::link(file, temp)? {
        true => Ok(()),
        false => Err(io::ErrorKind::AlreadyExists.into()),
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.writer.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.writer.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Both ways of writing: unnamed first (where the platform has it), then named.
    const WAYS: [bool; 2] = [true, false];

    fn names(dir: &Path) -> Vec<std::ffi::OsString> {
        let mut names: Vec<_> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn writes_whole_file_and_leaves_no_temp_behind() {
        for unnamed in WAYS {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("a/b/out.txt");
            let mut file = AtomicFile::create_with(&path, unnamed).unwrap();
            file.write_all(b"hello\n").unwrap();
            file.commit().unwrap();
            assert_eq!(fs::read(&path).unwrap(), b"hello\n");
            assert_eq!(names(path.parent().unwrap()), ["out.txt"], "{unnamed}");
        }
    }

    #[test]
    fn an_existing_file_is_replaced_whole_and_no_temp_is_left() {
        for unnamed in WAYS {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("out.txt");
            fs::write(&path, b"old and longer\n").unwrap();
            let mut file = AtomicFile::create_with(&path, unnamed).unwrap();
            file.write_all(b"new\n").unwrap();
            assert_eq!(fs::read(&path).unwrap(), b"old and longer\n", "not yet");
            file.commit().unwrap();
            assert_eq!(fs::read(&path).unwrap(), b"new\n", "{unnamed}");
            assert_eq!(names(dir.path()), ["out.txt"], "{unnamed}");
        }
    }

    #[test]
    fn an_uncommitted_file_vanishes() {
        for unnamed in WAYS {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("out.txt");
            {
                let mut file = AtomicFile::create_with(&path, unnamed).unwrap();
                file.write_all(b"partial").unwrap();
            }
            assert!(!path.exists());
            assert!(names(dir.path()).is_empty(), "{unnamed}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn outputs_get_0666_less_the_umask_either_way() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let mode = |unnamed: bool, name: &str| {
            let path = dir.path().join(name);
            AtomicFile::create_with(&path, unnamed)
                .unwrap()
                .commit()
                .unwrap();
            fs::metadata(&path).unwrap().permissions().mode() & 0o777
        };
        assert_eq!(mode(true, "a"), mode(false, "b"));
    }
}
