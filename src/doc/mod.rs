//! Document and Line: the raw bytes of one document split into lines, each with its text and features.
//!
//! A line owns no bytes: it points into the input buffer, so a kept line is written back
//! byte for byte (terminator included) and nothing is re-encoded. Heuristics read a lossily
//! decoded view of each line; invalid UTF-8 never reaches the output through them.

mod chars;
mod content;
mod features;
#[cfg(test)]
mod features_ref;
mod interner;
mod lang;
mod letters;
mod lines;
mod tokens;
mod word_facts;
mod word_keys;

pub(crate) use chars::{ascii_lowercase_u64, changes_when_lowercased, decode as decode_char};
pub use content::ContentWords;
pub use features::LineFeatures;
pub use lang::{Language, StopwordSet};
use lines::LineTexts;
pub use lines::{split_lines, MAX_ANALYSED_LINE};
pub use tokens::{
    content_words, for_each_content_word, normalize_for_match, push_lowercase, word_count, words,
};
pub(crate) use word_facts::content_kind;
use word_facts::WordFacts;

use std::borrow::Cow;
use std::sync::{Arc, OnceLock};

/// One input line: its bytes without the terminator, the terminator, and its decoded text.
#[derive(Debug)]
pub struct Line<'a> {
    /// 1-based line number in the input document.
    pub number: usize,
    /// Bytes of the line without its terminator.
    pub raw: &'a [u8],
    /// The terminator as found: `\n`, `\r\n`, `\r`, or empty on a last line without one.
    pub terminator: &'a [u8],
    /// Lossy UTF-8 view used by the heuristics (borrowed when the bytes are valid UTF-8); only
    /// the first [`MAX_ANALYSED_LINE`] bytes of a longer line.
    pub text: Cow<'a, str>,
    /// Shape features computed once.
    pub features: LineFeatures,
    /// Where [`Line::trimmed`] starts and ends in `text`, found once: every detector family
    /// asks for it, some several times a line, and trimming reads characters at both ends.
    trim: (u32, u32),
}

impl Line<'_> {
    /// True when the line holds nothing but whitespace.
    pub fn is_blank(&self) -> bool {
        self.features.blank
    }

    /// The text without surrounding whitespace.
    pub fn trimmed(&self) -> &str {
        &self.text[self.trim.0 as usize..self.trim.1 as usize]
    }
}

/// `text.trim()`, answered from the two end bytes when both are printable ASCII (most
/// lines): `trim` decodes a character at each end and asks the Unicode whitespace table.
#[inline]
fn trim(text: &str) -> &str {
    let bytes = text.as_bytes();
    let printable = |b: u8| b > b' ' && b < 0x7f;
    match (bytes.first(), bytes.last()) {
        (Some(&first), Some(&last)) if printable(first) && printable(last) => text,
        _ => text.trim(),
    }
}

/// A document: its lines and document-level facts the detectors share.
#[derive(Debug)]
pub struct Document<'a> {
    pub lines: Vec<Line<'a>>,
    /// The dominant language guessed from stopword hits, if any.
    pub language: Option<Language>,
    /// Every word's stopword mask and content kind (one `u32`), and every line's [`normalize_for_match`]
    /// key, back to back; where each line's words and key end.
    facts: WordFacts,
    word_ends: Vec<u32>,
    key_ends: Vec<u32>,
    /// Content words per line, tokenized on first use (see [`Document::content_words`]).
    content: OnceLock<Arc<ContentWords>>,
}

impl<'a> Document<'a> {
    /// Split `bytes` into lines (on `\n`, `\r\n` or a lone `\r`) and compute features.
    ///
    /// One pass tokenizes every line once: the stopword mask of each word feeds both the
    /// language guess (the first `lang::VOTERS` words) and the per-line stopword count.
    pub fn parse(bytes: &'a [u8], stopwords: &StopwordSet) -> Document<'a> {
        let raw_lines = split_lines(bytes);
        let mut texts = LineTexts::of(bytes);
        let mut facts = WordFacts::with_capacity(bytes.len());
        let mut ends: Vec<u32> = Vec::with_capacity(raw_lines.len());
        let mut key_ends: Vec<u32> = Vec::with_capacity(raw_lines.len());
        let mut lines: Vec<Line<'a>> = raw_lines
            .into_iter()
            .enumerate()
            .map(|(index, (raw, terminator))| {
                let text = texts.next(raw, terminator);
                let trimmed = trim(&text);
                let features = LineFeatures::measure_trimmed(trimmed, stopwords, &mut facts);
                if raw.len() > MAX_ANALYSED_LINE && !features.blank {
                    // Two long lines that share their first bytes are not copies: the key
                    // ends with a hash of the whole line.
                    let hash = xxhash_rust::xxh3::xxh3_64(raw);
                    facts.keys.push_str(&format!(" \u{1}{hash:016x}"));
                }
                ends.push(facts.masks.len() as u32);
                key_ends.push(facts.keys.len() as u32);
                // At most MAX_ANALYSED_LINE bytes (and a few for a replaced character).
                let start = trimmed.as_ptr() as usize - text.as_ptr() as usize;
                let trim = (start as u32, (start + trimmed.len()) as u32);
                Line {
                    number: index + 1,
                    raw,
                    terminator,
                    text,
                    features,
                    trim,
                }
            })
            .collect();
        let language = lang::guess_from_masks(&facts.masks);
        let mut start = 0;
        for (line, &end) in lines.iter_mut().zip(&ends) {
            let masks = &facts.masks[start..end as usize];
            line.features.stopwords = features::count_stopwords(masks, language);
            start = end as usize;
        }
        Document {
            lines,
            language,
            facts,
            word_ends: ends,
            key_ends,
            content: OnceLock::new(),
        }
    }

    /// Line `index`'s words: each one's stopword mask with its [`content_kind`] in the top
    /// byte, in order.
    pub(crate) fn word_facts(&self, index: usize) -> &[u32] {
        let start = index
            .checked_sub(1)
            .map_or(0, |p| self.word_ends[p] as usize);
        let end = self.word_ends[index] as usize;
        &self.facts.masks[start..end]
    }

    /// Line `index` as [`normalize_for_match`] gives it, computed once at parse time.
    pub fn match_key(&self, index: usize) -> &str {
        let start = index
            .checked_sub(1)
            .map_or(0, |p| self.key_ends[p] as usize);
        &self.facts.keys[start..self.key_ends[index] as usize]
    }

    /// The significant content words of every line, computed once and shared.
    pub fn content_words(&self) -> Arc<ContentWords> {
        self.content
            .get_or_init(|| Arc::new(ContentWords::build(self)))
            .clone()
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_numbers_lines_from_one_and_decodes_lossily() {
        let sw = StopwordSet::shared();
        let doc = Document::parse(b"hello\n\xff\xfe bad\n", sw);
        assert_eq!(doc.len(), 2);
        assert_eq!(doc.lines[1].number, 2);
        assert_eq!(doc.lines[1].raw, b"\xff\xfe bad");
        assert!(doc.lines[1].text.contains('\u{fffd}'));
    }

    #[test]
    fn long_lines_are_read_up_to_the_cap_and_keep_their_bytes() {
        let sw = StopwordSet::shared();
        let mut long = "é".repeat(MAX_ANALYSED_LINE).into_bytes();
        long.extend_from_slice(b"\nnext\n");
        let doc = Document::parse(&long, sw);
        assert_eq!(doc.lines[0].raw.len(), 2 * MAX_ANALYSED_LINE);
        let text = &doc.lines[0].text;
        assert!(text.len() <= MAX_ANALYSED_LINE && text.len() >= MAX_ANALYSED_LINE - 3);
        assert!(!text.contains('\u{fffd}'), "no character is split");
        assert_eq!(doc.lines[1].text, "next");
    }

    #[test]
    fn long_lines_with_the_same_start_have_different_keys() {
        let sw = StopwordSet::shared();
        let start = "word ".repeat(MAX_ANALYSED_LINE / 5 + 10);
        let text = format!("{start}one\n{start}two\n{start}one\n");
        let doc = Document::parse(text.as_bytes(), sw);
        assert_ne!(doc.match_key(0), doc.match_key(1));
        assert_eq!(doc.match_key(0), doc.match_key(2));
    }

    #[test]
    fn parsed_features_equal_features_computed_alone() {
        let text = "Der Hund ist nicht in dem Haus.\nHome | News\n\nUnd er war auch nicht bei der Katze, aber die Maus schon.\r\n";
        let sw = StopwordSet::shared();
        let doc = Document::parse(text.as_bytes(), sw);
        assert_eq!(doc.language.map(Language::code), Some("de"));
        for line in &doc.lines {
            assert_eq!(
                line.features,
                LineFeatures::compute(&line.text, sw, doc.language)
            );
        }
    }

    #[test]
    fn trim_is_str_trim_whatever_the_end_bytes() {
        let ends = [
            "", " ", "\t", "\u{a0}", "\u{3000}", "\u{85}", "x", "!", "~", "\u{7f}", "é", "\u{1}",
        ];
        for first in ends {
            for last in ends {
                for middle in ["", "a", " mid dle "] {
                    let text = format!("{first}{middle}{last}");
                    let want = text.trim();
                    assert_eq!(trim(&text), want, "{text:?}");
                    assert_eq!(trim(&text).as_ptr(), want.as_ptr(), "{text:?}");
                }
            }
        }
    }

    /// `trimmed` is the line's `text.trim()`, the same slice (the matcher caches lines by
    /// place), for whitespace of any kind, invalid UTF-8 and an over-long line.
    #[test]
    fn trimmed_is_the_trimmed_text() {
        let mut input: Vec<u8> = "  plain  \n\u{a0}\u{2003}Zürich\u{3000}\n\t\r\n\n x\u{85}\n"
            .as_bytes()
            .to_vec();
        input.extend_from_slice(b" bad \xff\xfe bytes \n\xc3");
        input.extend_from_slice(&b" long".repeat(MAX_ANALYSED_LINE / 4));
        input.extend_from_slice(b"\r\n \x85 \n");
        let doc = Document::parse(&input, StopwordSet::shared());
        assert!(doc.lines.len() >= 8);
        for line in &doc.lines {
            let trim = line.text.trim();
            assert_eq!(line.trimmed(), trim);
            assert_eq!(line.trimmed().as_ptr(), trim.as_ptr());
        }
    }
}
