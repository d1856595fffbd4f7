//! Reading one input file whole, with as few system calls as `fs::read` makes.

use std::fs::File;
use std::io::{self, Read};

/// The whole of `file`, whose size was `size` when it was opened: one read for the size and
/// one that finds the end, as `fs::read` makes. `File::read_to_end` would ask the size again
/// (fstat and lseek), and a plain reader's `read_to_end` reads in 8 KiB steps.
pub(super) fn read_sized(file: &mut File, size: usize) -> io::Result<Vec<u8>> {
    let mut bytes = vec![0; size];
    let mut filled = 0;
    while filled < size {
        match file.read(&mut bytes[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    bytes.truncate(filled);
    if filled == size {
        // A file that grew since it was opened is read to its new end.
        file.take(u64::MAX).read_to_end(&mut bytes)?;
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Seek, Write};

    fn file_with(bytes: &[u8]) -> (tempfile::TempDir, File) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("in.txt");
        std::fs::write(&path, bytes).unwrap();
        let file = File::open(&path).unwrap();
        (dir, file)
    }

    #[test]
    fn reads_the_whole_file_at_its_size() {
        let text: Vec<u8> = (0..70_000u32).map(|i| (i % 251) as u8).collect();
        let (_dir, mut file) = file_with(&text);
        assert_eq!(read_sized(&mut file, text.len()).unwrap(), text);
        let (_dir, mut empty) = file_with(b"");
        assert!(read_sized(&mut empty, 0).unwrap().is_empty());
    }

    #[test]
    fn a_file_that_grew_or_shrank_since_its_size_was_taken_is_read_to_its_end() {
        let (_dir, mut file) = file_with(b"one\ntwo\nthree\n");
        assert_eq!(read_sized(&mut file, 4).unwrap(), b"one\ntwo\nthree\n");
        file.rewind().unwrap();
        assert_eq!(read_sized(&mut file, 100).unwrap(), b"one\ntwo\nthree\n");
    }

    #[test]
    fn a_read_error_is_returned() {
        let dir = tempfile::tempdir().unwrap();
        let mut write_only = File::create(dir.path().join("w.txt")).unwrap();
        write_only.write_all(b"data").unwrap();
        assert!(read_sized(&mut write_only, 4).is_err());
    }
}
