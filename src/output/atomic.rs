//! Atomic writes: data goes to a temp file in the target folder, then one rename publishes it.
//!
//! A reader (or a crash) never sees half a file: either the old state or the whole new file.

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
/// Dropped without commit, the temp file is removed.
pub struct AtomicFile {
    target: PathBuf,
    /// Writes go to the plain file, so their errors are the OS's (tempfile's own wrapper would
    /// name the temp path, which no longer exists when the message is shown).
    writer: BufWriter<File>,
    /// Deletes the temp file when dropped unless it was persisted.
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

impl AtomicFile {
    pub fn create(path: &Path) -> io::Result<AtomicFile> {
        let parent = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        let make = || {
            let mut builder = tempfile::Builder::new();
            builder.prefix(".dehusk-").suffix(".tmp");
            // tempfile creates 0600 files; outputs get the usual 0666 less the umask instead.
            #[cfg(unix)]
            builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
            builder.tempfile_in(parent)
        };
        // Most folders exist already (every file after the first in a folder): try first and
        // create the folders only when missing, which saves two syscalls per file.
        let make_in_place = || match make() {
            Ok(named) => Ok(named),
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                fs::create_dir_all(parent)?;
                make()
            }
            Err(e) => Err(e),
        };
        let named =
            crate::interrupt::create_tracked(make_in_place, |t: &tempfile::NamedTempFile| {
                t.path()
            })?;
        let (file, temp) = named.into_parts();
        let tracked = Tracked(temp.to_path_buf());
        let writer = BufWriter::with_capacity(64 * 1024, file);
        Ok(AtomicFile {
            target: path.to_path_buf(),
            writer,
            temp,
            _tracked: tracked,
        })
    }

    /// Flush, sync nothing more than the OS does, and rename into place.
    pub fn commit(self) -> io::Result<()> {
        self.writer.into_inner().map_err(|e| e.into_error())?;
        self.temp.persist(&self.target).map_err(|e| e.error)?;
        Ok(())
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

    #[test]
    fn writes_whole_file_and_leaves_no_temp_behind() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a/b/out.txt");
        write_atomic(&path, b"hello\n").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"hello\n");
        let names: Vec<_> = fs::read_dir(path.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("out.txt")]);
    }

    #[test]
    fn an_uncommitted_file_vanishes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.txt");
        {
            let mut file = AtomicFile::create(&path).unwrap();
            file.write_all(b"partial").unwrap();
        }
        assert!(!path.exists());
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
    }
}
