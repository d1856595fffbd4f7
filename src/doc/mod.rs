//! Document and Line: the raw bytes of one document split into lines, each with its text and features.
//!
//! A line owns no bytes: it points into the input buffer, so a kept line is written back
//! byte for byte (terminator included) and nothing is re-encoded. Heuristics read a lossily
//! decoded view of each line; invalid UTF-8 never reaches the output through them.

mod features;
mod lang;
mod tokens;

pub use features::LineFeatures;
pub use lang::{Language, StopwordSet};
pub use tokens::{content_words, normalize_for_match, word_count, words};

use std::borrow::Cow;

/// One input line: its bytes without the terminator, the terminator, and its decoded text.
#[derive(Debug)]
pub struct Line<'a> {
    /// 1-based line number in the input document.
    pub number: usize,
    /// Bytes of the line without its terminator.
    pub raw: &'a [u8],
    /// The terminator as found: `\n`, `\r\n`, `\r`, or empty on a last line without one.
    pub terminator: &'a [u8],
    /// Lossy UTF-8 view used by the heuristics (borrowed when the bytes are valid UTF-8).
    pub text: Cow<'a, str>,
    /// Shape features computed once.
    pub features: LineFeatures,
}

impl Line<'_> {
    /// True when the line holds nothing but whitespace.
    pub fn is_blank(&self) -> bool {
        self.features.blank
    }

    /// The text without surrounding whitespace.
    pub fn trimmed(&self) -> &str {
        self.text.trim()
    }
}

/// A document: its lines and document-level facts the detectors share.
#[derive(Debug)]
pub struct Document<'a> {
    pub lines: Vec<Line<'a>>,
    /// The dominant language guessed from stopword hits, if any.
    pub language: Option<Language>,
}

impl<'a> Document<'a> {
    /// Split `bytes` into lines (on `\n`, `\r\n` or a lone `\r`) and compute features.
    pub fn parse(bytes: &'a [u8], stopwords: &StopwordSet) -> Document<'a> {
        let raw_lines = split_lines(bytes);
        let language = stopwords.guess_language(raw_lines.iter().map(|(raw, _)| *raw));
        let lines = raw_lines
            .into_iter()
            .enumerate()
            .map(|(index, (raw, terminator))| {
                let text = String::from_utf8_lossy(raw);
                let features = LineFeatures::compute(&text, stopwords, language);
                Line {
                    number: index + 1,
                    raw,
                    terminator,
                    text,
                    features,
                }
            })
            .collect();
        Document { lines, language }
    }

    /// Number of lines.
    pub fn len(&self) -> usize {
        self.lines.len()
    }

    /// True for a document without any line.
    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// Indices of the non-blank lines, in order.
    pub fn nonblank(&self) -> impl Iterator<Item = usize> + '_ {
        self.lines
            .iter()
            .enumerate()
            .filter(|(_, l)| !l.is_blank())
            .map(|(i, _)| i)
    }
}

/// Split into (line bytes, terminator bytes). A lone `\r` ends a line too (old Mac files).
pub fn split_lines(bytes: &[u8]) -> Vec<(&[u8], &[u8])> {
    let mut out = Vec::with_capacity(bytes.len() / 40 + 1);
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => {
                out.push((&bytes[start..i], &bytes[i..i + 1]));
                i += 1;
                start = i;
            }
            b'\r' => {
                let end = if bytes.get(i + 1) == Some(&b'\n') {
                    i + 2
                } else {
                    i + 1
                };
                out.push((&bytes[start..i], &bytes[i..end]));
                i = end;
                start = i;
            }
            _ => i += 1,
        }
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
    }

    #[test]
    fn parse_numbers_lines_from_one_and_decodes_lossily() {
        let sw = StopwordSet::shared();
        let doc = Document::parse(b"hello\n\xff\xfe bad\n", sw);
        assert_eq!(doc.len(), 2);
        assert_eq!(doc.lines[1].number, 2);
        assert_eq!(doc.lines[1].raw, b"\xff\xfe bad");
        assert!(doc.lines[1].text.contains('\u{fffd}'));
    }
}
