//! Reading a shard record by record with a cap on line length, so no line is ever held whole
//! when it is larger than `--max-doc-bytes` (such a line is streamed through instead).

use std::io::{self, BufRead, Write};

/// Records cleaned between two ordered writes.
pub const BATCH_RECORDS: usize = 1024;
/// Bytes of JSON read before a batch is cleaned, whatever its record count.
pub const BATCH_BYTES: usize = 32 * 1024 * 1024;

/// What the next line of a shard is.
#[derive(Debug, PartialEq, Eq)]
pub enum Next {
    /// A whole line, terminator included, within the cap.
    Line { record: u64, bytes: Vec<u8> },
    /// A line over the cap: `head` holds its first bytes; call [`RecordReader::finish_line`]
    /// to stream (or skip) the rest.
    TooLong { record: u64, head: Vec<u8> },
}

/// Lines of a decompressed shard, numbered from 1.
pub struct RecordReader<R: BufRead> {
    inner: R,
    cap: usize,
    record: u64,
    mid_line: bool,
}

impl<R: BufRead> RecordReader<R> {
    /// `max_line` caps a line's length without its terminator.
    pub fn new(inner: R, max_line: u64) -> Self {
        let cap = usize::try_from(max_line)
            .unwrap_or(usize::MAX)
            .saturating_add(2);
        RecordReader {
            inner,
            cap,
            record: 0,
            mid_line: false,
        }
    }

    /// The 1-based number of the last line returned.
    pub fn record(&self) -> u64 {
        self.record
    }

    /// The next line, or None at the end of the shard.
    pub fn next_line(&mut self) -> io::Result<Option<Next>> {
        assert!(!self.mid_line, "finish_line must follow a TooLong line");
        let mut buf = Vec::new();
        loop {
            let available = self.inner.fill_buf()?;
            if available.is_empty() {
                if buf.is_empty() {
                    return Ok(None);
                }
                break;
            }
            let room = self.cap - buf.len();
            match memchr::memchr(b'\n', available) {
                Some(i) if i < room => {
                    buf.extend_from_slice(&available[..=i]);
                    self.inner.consume(i + 1);
                    break;
                }
                _ => {
                    let take = available.len().min(room);
                    buf.extend_from_slice(&available[..take]);
                    self.inner.consume(take);
                    if buf.len() >= self.cap {
                        self.record += 1;
                        self.mid_line = true;
                        return Ok(Some(Next::TooLong {
                            record: self.record,
                            head: buf,
                        }));
                    }
                }
            }
        }
        self.record += 1;
        if content(&buf).len() > self.cap - 2 {
            return Ok(Some(Next::TooLong {
                record: self.record,
                head: buf,
            }));
        }
        Ok(Some(Next::Line {
            record: self.record,
            bytes: buf,
        }))
    }

    /// Copy the rest of a too-long line (through its newline) to `out`, or skip it.
    pub fn finish_line(&mut self, mut out: Option<&mut dyn Write>) -> io::Result<()> {
        while self.mid_line {
            let available = self.inner.fill_buf()?;
            if available.is_empty() {
                self.mid_line = false;
                break;
            }
            let (take, done) = match memchr::memchr(b'\n', available) {
                Some(i) => (i + 1, true),
                None => (available.len(), false),
            };
            if let Some(out) = out.as_deref_mut() {
                out.write_all(&available[..take])?;
            }
            self.inner.consume(take);
            self.mid_line = !done;
        }
        Ok(())
    }
}

/// Up to one batch of whole lines (record number, bytes with terminator).
pub struct Batch {
    pub lines: Vec<(u64, Vec<u8>)>,
    /// The too-long line that ended the batch: its number and first bytes.
    pub long: Option<(u64, Vec<u8>)>,
    /// True when the shard ended with this batch.
    pub end: bool,
}

/// Read the next batch: stops at [`BATCH_RECORDS`], [`BATCH_BYTES`], a too-long line or the end.
pub fn read_batch<R: BufRead>(reader: &mut RecordReader<R>) -> io::Result<Batch> {
    let mut batch = Batch {
        lines: Vec::new(),
        long: None,
        end: false,
    };
    let mut bytes = 0;
    while batch.lines.len() < BATCH_RECORDS && bytes < BATCH_BYTES {
        match reader.next_line()? {
            None => {
                batch.end = true;
                break;
            }
            Some(Next::Line {
                record,
                bytes: line,
            }) => {
                bytes += line.len();
                batch.lines.push((record, line));
            }
            Some(Next::TooLong { record, head }) => {
                batch.long = Some((record, head));
                break;
            }
        }
    }
    Ok(batch)
}

/// A line without its `\n` or `\r\n`.
pub fn content(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_within_the_cap_come_whole_and_numbered() {
        let mut r = RecordReader::new(&b"ab\r\n\ncd"[..], 4);
        assert_eq!(
            r.next_line().unwrap(),
            Some(Next::Line {
                record: 1,
                bytes: b"ab\r\n".to_vec()
            })
        );
        assert_eq!(
            r.next_line().unwrap(),
            Some(Next::Line {
                record: 2,
                bytes: b"\n".to_vec()
            })
        );
        assert_eq!(
            r.next_line().unwrap(),
            Some(Next::Line {
                record: 3,
                bytes: b"cd".to_vec()
            })
        );
        assert_eq!(r.next_line().unwrap(), None);
    }

    #[test]
    fn a_long_line_is_cut_at_the_cap_and_its_rest_streamed() {
        let input = b"0123456789\nok\n";
        let mut r = RecordReader::new(&input[..], 4);
        let Some(Next::TooLong { record: 1, head }) = r.next_line().unwrap() else {
            panic!("expected TooLong")
        };
        assert_eq!(head.len(), 6);
        let mut rest = Vec::new();
        r.finish_line(Some(&mut rest)).unwrap();
        assert_eq!([head, rest].concat(), b"0123456789\n");
        assert_eq!(
            r.next_line().unwrap(),
            Some(Next::Line {
                record: 2,
                bytes: b"ok\n".to_vec()
            })
        );
    }

    #[test]
    fn a_line_just_over_the_cap_is_too_long_even_when_read_whole() {
        let mut r = RecordReader::new(&b"abcde\n"[..], 4);
        assert!(matches!(
            r.next_line().unwrap(),
            Some(Next::TooLong { record: 1, .. })
        ));
        r.finish_line(None).unwrap();
        assert_eq!(r.next_line().unwrap(), None);
    }
}
