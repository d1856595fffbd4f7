//! Compression by file name: plain, gzip (multi-member) or zstd, for reading and writing shards.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Write};
use std::path::Path;

/// How a shard's bytes are stored on disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compression {
    None,
    Gzip,
    Zstd,
}

/// Read buffer for shards: large enough to amortise syscalls and decoder calls.
const BUFFER: usize = 256 * 1024;

impl Compression {
    /// From the last extension: `.gz` is gzip, `.zst` is zstd, anything else is plain.
    pub fn of(path: &Path) -> Compression {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().to_ascii_lowercase())
            .unwrap_or_default();
        if name.ends_with(".gz") {
            Compression::Gzip
        } else if name.ends_with(".zst") {
            Compression::Zstd
        } else {
            Compression::None
        }
    }

    /// A buffered reader of the decompressed bytes. Gzip uses the multi-member decoder so a
    /// shard made of concatenated gzip streams is read to its end.
    pub fn open(self, path: &Path) -> io::Result<Box<dyn BufRead + Send>> {
        let file = File::open(path)?;
        Ok(match self {
            Compression::None => Box::new(BufReader::with_capacity(BUFFER, file)),
            Compression::Gzip => {
                let decoder =
                    flate2::read::MultiGzDecoder::new(BufReader::with_capacity(BUFFER, file));
                Box::new(BufReader::with_capacity(BUFFER, decoder))
            }
            Compression::Zstd => Box::new(BufReader::with_capacity(
                BUFFER,
                zstd::stream::read::Decoder::new(file)?,
            )),
        })
    }

    /// Wrap `inner` in an encoder of this kind; [`Encoder::finish`] writes the trailer and
    /// hands `inner` back so the caller can commit it.
    pub fn encoder<W: Write>(self, inner: W) -> io::Result<Encoder<W>> {
        Ok(match self {
            Compression::None => Encoder::Plain(inner),
            Compression::Gzip => Encoder::Gzip(flate2::write::GzEncoder::new(
                inner,
                flate2::Compression::default(),
            )),
            Compression::Zstd => Encoder::Zstd(zstd::stream::write::Encoder::new(inner, 3)?),
        })
    }
}

/// A writer that compresses like the input shard did.
pub enum Encoder<W: Write> {
    Plain(W),
    Gzip(flate2::write::GzEncoder<W>),
    Zstd(zstd::stream::write::Encoder<'static, W>),
}

impl<W: Write> Encoder<W> {
    /// Finish the compressed stream and return the inner writer.
    pub fn finish(self) -> io::Result<W> {
        match self {
            Encoder::Plain(w) => Ok(w),
            Encoder::Gzip(e) => e.finish(),
            Encoder::Zstd(e) => e.finish(),
        }
    }
}

impl<W: Write> Write for Encoder<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Encoder::Plain(w) => w.write(buf),
            Encoder::Gzip(e) => e.write(buf),
            Encoder::Zstd(e) => e.write(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Encoder::Plain(w) => w.flush(),
            Encoder::Gzip(e) => e.flush(),
            Encoder::Zstd(e) => e.flush(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    fn round_trip(kind: Compression, name: &str) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(name);
        let mut enc = kind.encoder(Vec::new()).unwrap();
        enc.write_all(b"{\"text\":\"a\"}\n{\"text\":\"b\"}\n")
            .unwrap();
        std::fs::write(&path, enc.finish().unwrap()).unwrap();
        assert_eq!(Compression::of(&path), kind);
        let mut back = String::new();
        kind.open(&path).unwrap().read_to_string(&mut back).unwrap();
        assert_eq!(back, "{\"text\":\"a\"}\n{\"text\":\"b\"}\n");
    }

    #[test]
    fn every_kind_round_trips() {
        round_trip(Compression::None, "s.jsonl");
        round_trip(Compression::Gzip, "s.jsonl.gz");
        round_trip(Compression::Zstd, "s.jsonl.zst");
    }

    #[test]
    fn concatenated_gzip_members_are_all_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("two.jsonl.gz");
        let mut bytes = Vec::new();
        for part in ["first\n", "second\n"] {
            let mut enc = Compression::Gzip.encoder(Vec::new()).unwrap();
            enc.write_all(part.as_bytes()).unwrap();
            bytes.extend(enc.finish().unwrap());
        }
        std::fs::write(&path, bytes).unwrap();
        let mut back = String::new();
        Compression::Gzip
            .open(&path)
            .unwrap()
            .read_to_string(&mut back)
            .unwrap();
        assert_eq!(back, "first\nsecond\n");
    }
}
