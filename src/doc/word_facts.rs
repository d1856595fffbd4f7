//! Per-word facts gathered while a line is measured: its key, stopword mask and content kind.
//!
//! [`super::LineFeatures::measure`] finds the words in its one pass over the characters;
//! what it learns about each word is kept here so later stages (the topic tokens in
//! `content.rs`) need not tokenize, lowercase and look up the line again.

use super::chars::{ALPHABETIC, UPPERCASE};
use super::lang::StopwordSet;
use super::tokens::push_lowercase;

/// A word being read: where it starts, its first character's properties, whether it is
/// ASCII and how many characters of unspaced script it holds.
pub(super) struct OpenWord {
    pub start: usize,
    pub first: u8,
    pub ascii: bool,
    pub cjk: usize,
    /// Characters, and whether any is a letter or a capital sigma (for [`ContentKind`]).
    pub chars: usize,
    pub alpha: bool,
    pub sigma: bool,
    /// Some non-ASCII character of it lowercases to something else ([`super::chars::LOWERS`]).
    pub lowers: bool,
}

/// What [`super::for_each_content_word`] makes of a word, so the topic tokens can be read
/// off the parse-time keys instead of tokenizing every line again.
pub(crate) mod content_kind {
    /// Not a content word (too short, or no letter).
    pub const NONE: u8 = 0;
    /// One content word: the word's key (lowercased) as it stands.
    pub const KEY: u8 = 1;
    /// Unspaced script (character pairs) or a capital sigma (`str::to_lowercase`): the
    /// line is tokenized again.
    pub const OTHER: u8 = 2;
}

/// Word counts of a line, and each word's key and stopword mask as they are found.
#[derive(Default)]
pub(super) struct WordTally {
    pub total: usize,
    pub alpha: usize,
    pub capitalised: usize,
    /// Words seen (`total` counts unspaced script per two characters).
    total_words: usize,
}

impl WordTally {
    /// Count the word `text[open.start..end]` and append its key, mask and kind to `out`.
    #[inline(always)]
    pub fn add(
        &mut self,
        text: &str,
        end: usize,
        open: &OpenWord,
        stopwords: &StopwordSet,
        out: &mut WordFacts,
    ) {
        let cjk = if open.ascii { 0 } else { open.cjk };
        self.total += if cjk == 0 { 1 } else { cjk.div_ceil(2).max(1) };
        if open.first & ALPHABETIC != 0 && cjk == 0 {
            self.alpha += 1;
            if open.first & UPPERCASE != 0 {
                self.capitalised += 1;
            }
        }
        if self.total_words > 0 {
            out.keys.push(' ');
        }
        self.total_words += 1;
        let start = out.keys.len();
        let len = end - open.start;
        if !open.lowers {
            push_ascii_lowercase(text, open.start, end, &mut out.keys);
        } else {
            push_lowercase(&text[open.start..end], &mut out.keys);
        }
        out.masks.push(stopwords.mask(&out.keys[start..]));
        // As `for_each_content_word` decides, from the same characters.
        out.kinds.push(if open.ascii {
            if len >= 3 && open.alpha {
                content_kind::KEY
            } else {
                content_kind::NONE
            }
        } else if open.cjk > 0 || (open.sigma && open.chars >= 3 && open.alpha) {
            content_kind::OTHER
        } else if open.chars >= 3 && open.alpha {
            content_kind::KEY
        } else {
            content_kind::NONE
        });
    }
}

/// Bytes copied at once for an ASCII word that has at least this many bytes of its line
/// from its start on (all but the last word of most lines).
const WINDOW: usize = 16;

/// Append the word `text[start..end]` with its ASCII letters lowercased to `out`: the word's
/// lowercase when no other character of it lowercases to another (most words of Latin,
/// Cyrillic or Greek text are lowercase after their first letter). A copy of a fixed
/// [`WINDOW`] of the line, lowercased whole and cut back to the word, compiles to a few vector
/// instructions, where copying the word's own length called memcpy and lowered it byte by byte.
#[inline]
fn push_ascii_lowercase(text: &str, start: usize, end: usize, out: &mut String) {
    let at = out.len();
    match text.get(start..start + WINDOW) {
        Some(window) if end - start <= WINDOW => {
            out.push_str(window);
            // Bytes past the word may be any characters: only their ASCII letters change,
            // and the cut below drops them.
            out[at..at + WINDOW].make_ascii_lowercase();
            out.truncate(at + (end - start));
        }
        _ => {
            out.push_str(&text[start..end]);
            out[at..].make_ascii_lowercase();
        }
    }
}

/// Per word of the lines measured, back to back: its stopword mask (all languages) and
/// [`content_kind`]; and the lines' keys (see [`super::normalize_for_match`]).
#[derive(Debug, Default)]
pub(crate) struct WordFacts {
    pub masks: Vec<u32>,
    pub kinds: Vec<u8>,
    pub keys: String,
}

impl WordFacts {
    pub fn with_capacity(bytes: usize) -> WordFacts {
        WordFacts {
            masks: Vec::with_capacity(bytes / 6 + 1),
            kinds: Vec::with_capacity(bytes / 6 + 1),
            keys: String::with_capacity(bytes),
        }
    }
}
