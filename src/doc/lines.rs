//! A document's lines: where each ends, and the decoded text of each the heuristics read.

use std::borrow::Cow;

/// Bytes of a line the heuristics read. Past this a line is prose or garbage, never a menu or
/// a caption, and reading all of it (a 500 MB line) would cost memory many times its size.
pub const MAX_ANALYSED_LINE: usize = 64 * 1024;

/// The texts of a document's lines, given in order: borrowed from the document when all of
/// it is valid UTF-8, which one SIMD validation of the whole tells (`str::from_utf8` per line
/// went byte by byte near every non-ASCII character: 32 M instructions for 9 MB). A line ends
/// at an ASCII `\n` or `\r`, never inside a character, so each line of a valid document is
/// valid on its own; a document with a bad byte anywhere is read line by line.
pub(super) struct LineTexts<'a> {
    valid: Option<&'a str>,
    /// Where the next line starts.
    offset: usize,
}

impl<'a> LineTexts<'a> {
    pub fn of(bytes: &'a [u8]) -> LineTexts<'a> {
        LineTexts {
            valid: simdutf8::basic::from_utf8(bytes).ok(),
            offset: 0,
        }
    }

    /// The text of the line after the last one given: `raw`, ended by `terminator`.
    pub fn next(&mut self, raw: &'a [u8], terminator: &[u8]) -> Cow<'a, str> {
        let start = self.offset;
        self.offset += raw.len() + terminator.len();
        match self.valid {
            Some(doc) if raw.len() <= MAX_ANALYSED_LINE => {
                Cow::Borrowed(&doc[start..start + raw.len()])
            }
            _ => analysed_text(raw),
        }
    }
}

/// The lossy UTF-8 view of at most the first [`MAX_ANALYSED_LINE`] bytes, cut at a character
/// boundary. The output still gets the whole line.
fn analysed_text(raw: &[u8]) -> Cow<'_, str> {
    if raw.len() <= MAX_ANALYSED_LINE {
        // `from_utf8` validates ASCII a word at a time; the lossy path only for bad bytes.
        return match std::str::from_utf8(raw) {
            Ok(text) => Cow::Borrowed(text),
            Err(_) => String::from_utf8_lossy(raw),
        };
    }
    let mut cut = MAX_ANALYSED_LINE;
    // Step back over UTF-8 continuation bytes, at most three, so no character is split.
    while cut > MAX_ANALYSED_LINE - 3 && raw[cut] & 0xC0 == 0x80 {
        cut -= 1;
    }
    String::from_utf8_lossy(&raw[..cut])
}

/// Split into (line bytes, terminator bytes). A lone `\r` ends a line too (old Mac files).
pub fn split_lines(bytes: &[u8]) -> Vec<(&[u8], &[u8])> {
    let mut out = Vec::with_capacity(bytes.len() / 40 + 1);
    let mut start = 0;
    for i in memchr::memchr2_iter(b'\n', b'\r', bytes) {
        if i < start {
            // The `\n` of a `\r\n` pair, already consumed.
            continue;
        }
        let end = if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
            i + 2
        } else {
            i + 1
        };
        out.push((&bytes[start..i], &bytes[i..end]));
        start = end;
    }
    if start < bytes.len() {
        out.push((&bytes[start..], &bytes[bytes.len()..]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_every_terminator_kind_and_keeps_them() {
        let parts = split_lines(b"a\nb\r\nc\rd");
        let got: Vec<_> = parts
            .iter()
            .map(|(l, t)| (l.to_vec(), t.to_vec()))
            .collect();
        assert_eq!(
            got,
            vec![
                (b"a".to_vec(), b"\n".to_vec()),
                (b"b".to_vec(), b"\r\n".to_vec()),
                (b"c".to_vec(), b"\r".to_vec()),
                (b"d".to_vec(), b"".to_vec()),
            ]
        );
    }

    #[test]
    fn empty_input_has_no_lines_and_trailing_newline_adds_none() {
        assert!(split_lines(b"").is_empty());
        assert_eq!(split_lines(b"x\n").len(), 1);
        assert_eq!(split_lines(b"\n\n").len(), 2);
        assert_eq!(split_lines(b"\r\n\r\r\n\n").len(), 4);
    }

    #[test]
    fn lines_of_a_document_read_like_each_line_alone() {
        let long = "ü".repeat(MAX_ANALYSED_LINE);
        let docs: [&[u8]; 5] = [
            "Grüße\r\nà la\rcarte\n\n€ 5".as_bytes(),
            b"ok\n\xff bad\r\nok again\n",
            b"\xc3\n\xa9\r\n",
            long.as_bytes(),
            b"",
        ];
        for bytes in docs {
            let mut texts = LineTexts::of(bytes);
            for (raw, terminator) in split_lines(bytes) {
                assert_eq!(texts.next(raw, terminator), analysed_text(raw), "{raw:?}");
            }
        }
    }
}
