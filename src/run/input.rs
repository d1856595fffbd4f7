//! Reading one input file whole into a per-thread buffer, with as few system calls as
//! `fs::read` makes.

use std::cell::Cell;
use std::fs::File;
use std::io::{self, Read};

/// A buffer bigger than this is freed after its file rather than kept for the next one, so
/// a thread holds at most this much between files however big the files it has read.
const KEPT_BYTES: usize = 1 << 20;

thread_local! {
    /// The last file's buffer, kept for the next file on this thread. Its length is how much
    /// of it has ever been written (zeroed or read), so only growth is zeroed again.
    static SPARE: Cell<Vec<u8>> = const { Cell::new(Vec::new()) };
}

/// Calls `use_bytes` with the whole of `file`, whose size was `size` when it was opened: one
/// read for the size and one that finds the end, as `fs::read` makes. `File::read_to_end`
/// would ask the size again (fstat and lseek), and a plain reader's `read_to_end` reads in
/// 8 KiB steps.
///
/// The bytes live in a buffer reused across files on this thread: a fresh `vec![0; size]`
/// per file cost an allocation and zeroing every byte before the read overwrote it (~10 M
/// instructions for 9 MB). The buffer is taken out of its slot while in use, so a nested
/// call on the same thread gets a fresh one instead of sharing it.
pub(super) fn with_file_bytes<R>(
    mut file: File,
    size: usize,
    use_bytes: impl FnOnce(&[u8]) -> R,
) -> io::Result<R> {
    let mut buffer = SPARE.take();
    let read = read_sized(&mut file, size, &mut buffer);
    // Closed before the bytes are used, as the input is not needed again.
    drop(file);
    let result = read.map(|filled| use_bytes(&buffer[..filled]));
    if buffer.capacity() <= KEPT_BYTES {
        SPARE.set(buffer);
    }
    result
}

/// Reads `file` (of `size` bytes when opened) into the front of `buffer`; returns how many
/// bytes it holds. Bytes of `buffer` past that are left from earlier files.
fn read_sized(file: &mut File, size: usize, buffer: &mut Vec<u8>) -> io::Result<usize> {
    if buffer.len() < size {
        buffer.resize(size, 0);
    }
    let mut filled = 0;
    while filled < size {
        match file.read(&mut buffer[filled..size]) {
            Ok(0) => return Ok(filled),
            Ok(n) => filled += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    // One more read finds the end, into a small probe as `read_to_end` makes it; a file that
    // grew since it was opened is read to its new end.
    let mut probe = [0u8; 32];
    loop {
        match file.read(&mut probe) {
            Ok(0) => return Ok(filled),
            Ok(n) => {
                buffer.truncate(filled);
                buffer.extend_from_slice(&probe[..n]);
                file.take(u64::MAX).read_to_end(buffer)?;
                return Ok(buffer.len());
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
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

    fn read_whole(file: &mut File, size: usize) -> io::Result<Vec<u8>> {
        with_file_bytes(file.try_clone().unwrap(), size, <[u8]>::to_vec)
    }

    fn spare_capacity() -> usize {
        let spare = SPARE.take();
        let capacity = spare.capacity();
        SPARE.set(spare);
        capacity
    }

    #[test]
    fn reads_the_whole_file_at_its_size() {
        let text: Vec<u8> = (0..70_000u32).map(|i| (i % 251) as u8).collect();
        let (_dir, mut file) = file_with(&text);
        assert_eq!(read_whole(&mut file, text.len()).unwrap(), text);
        let (_dir, mut empty) = file_with(b"");
        assert!(read_whole(&mut empty, 0).unwrap().is_empty());
    }

    #[test]
    fn a_file_that_grew_or_shrank_since_its_size_was_taken_is_read_to_its_end() {
        let (_dir, mut file) = file_with(b"one\ntwo\nthree\n");
        assert_eq!(read_whole(&mut file, 4).unwrap(), b"one\ntwo\nthree\n");
        file.rewind().unwrap();
        assert_eq!(read_whole(&mut file, 100).unwrap(), b"one\ntwo\nthree\n");
        let long = b"x".repeat(100);
        let (_dir, mut file) = file_with(&long);
        assert_eq!(read_whole(&mut file, 3).unwrap(), long);
    }

    /// The reused buffer still holds the longer file's bytes; only the file's own are given.
    #[test]
    fn a_shorter_file_after_a_longer_one_gets_only_its_own_bytes() {
        let (_dir, mut long) = file_with(&b"long line\n".repeat(500));
        assert_eq!(read_whole(&mut long, 5000).unwrap().len(), 5000);
        for (text, size) in [(&b"short\n"[..], 6), (b"", 0), (b"grew past", 2)] {
            let (_dir, mut file) = file_with(text);
            assert_eq!(read_whole(&mut file, size).unwrap(), text);
        }
        assert!(spare_capacity() >= 5000, "the buffer is kept");
    }

    #[test]
    fn a_buffer_over_the_cap_is_freed_after_its_file() {
        let big = vec![b'a'; KEPT_BYTES + 1];
        let (_dir, mut file) = file_with(&big);
        assert_eq!(read_whole(&mut file, big.len()).unwrap(), big);
        assert_eq!(spare_capacity(), 0);
        let (_dir, mut file) = file_with(b"after\n");
        assert_eq!(read_whole(&mut file, 6).unwrap(), b"after\n");
    }

    /// A nested read on the same thread (as rayon may run another job while one waits) gets
    /// a buffer of its own.
    #[test]
    fn a_nested_read_does_not_share_the_buffer() {
        let (_dir, outer) = file_with(b"outer text\n");
        let (_dir2, mut inner) = file_with(b"inner\n");
        let got = with_file_bytes(outer.try_clone().unwrap(), 11, |bytes| {
            let nested = read_whole(&mut inner, 6).unwrap();
            (bytes.to_vec(), nested)
        })
        .unwrap();
        assert_eq!(got, (b"outer text\n".to_vec(), b"inner\n".to_vec()));
    }

    #[test]
    fn a_read_error_is_returned() {
        let dir = tempfile::tempdir().unwrap();
        let mut write_only = File::create(dir.path().join("w.txt")).unwrap();
        write_only.write_all(b"data").unwrap();
        assert!(read_whole(&mut write_only, 4).is_err());
    }
}
