//! Per-word facts gathered while a line is measured: its key, stopword mask and content kind.
//!
//! [`super::LineFeatures::measure`] finds the words in its one pass over the characters;
//! what it learns about each word is kept here so later stages (the topic tokens in
//! `content.rs`) need not tokenize, lowercase and look up the line again.

use super::chars::{ascii_lowercase_u64, ALPHABETIC, UPPERCASE};
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

impl OpenWord {
    /// A word whose first character, with properties `first`, starts at byte `start`.
    #[inline(always)]
    pub fn at(start: usize, first: u8) -> OpenWord {
        OpenWord {
            start,
            first,
            ascii: true,
            cjk: 0,
            chars: 0,
            alpha: false,
            sigma: false,
            lowers: false,
        }
    }
}

/// What [`super::for_each_content_word`] makes of a word, so the topic tokens can be read
/// off the parse-time keys instead of tokenizing every line again. Kept in the top byte of
/// the word's stopword mask (see [`WordFacts::masks`]).
pub(crate) mod content_kind {
    /// Where a word's kind sits in its entry of [`super::WordFacts::masks`].
    pub const SHIFT: u32 = 24;
    /// The bits of an entry that are its stopword mask; the languages fit below [`SHIFT`].
    pub const LANGUAGES: u32 = (1 << SHIFT) - 1;

    /// Where the length of a word's key sits, above its kind: 0 when the parse did not
    /// take the word from its lowercased window (the key is then found by its space).
    pub const KEY_LEN_SHIFT: u32 = SHIFT + 2;

    /// The kind held in an entry of [`super::WordFacts::masks`].
    #[inline]
    pub fn of(fact: u32) -> u8 {
        (fact >> SHIFT) as u8 & 3
    }

    /// The length of the word's key, when the entry holds it (else 0).
    #[inline]
    pub fn key_len(fact: u32) -> usize {
        (fact >> KEY_LEN_SHIFT) as usize
    }

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
        // The stopword key comes from the lowercased window still in registers when the
        // word took that path, rather than from reloading and slicing the key just stored.
        let key = if !open.lowers {
            // SAFETY: the parse starts a word where it read a character's first byte and
            // ends it where it read the next one (or at the line's end).
            unsafe { push_ascii_lowercase(text, open.start, end, &mut out.keys) }
        } else {
            push_lowercase(&text[open.start..end], &mut out.keys);
            None
        };
        // A key cut from the window (at most 16 bytes) has the word's length; the topic
        // words then find it in the line's key without searching for its space.
        let (mask, key_len) = match key {
            Some(key) => (stopwords.mask_of_key(key, len), len as u32),
            None => (stopwords.mask(&out.keys[start..]), 0),
        };
        // As `for_each_content_word` decides, from the same characters.
        let kind = if open.ascii {
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
        };
        // One push a word: the kind and the key's length ride in the mask's unused top byte.
        out.masks.push(
            mask | u32::from(kind) << content_kind::SHIFT | key_len << content_kind::KEY_LEN_SHIFT,
        );
    }
}

/// Bytes lowercased at once: two machine words cover a word of this length, and all but the
/// last word of most lines have at least this many bytes of their line from their start on.
const WINDOW: usize = 16;

/// Append the word `text[start..end]` with its ASCII letters lowercased to `out`: the word's
/// lowercase when no other character of it lowercases to another (most words of Latin,
/// Cyrillic or Greek text are lowercase after their first letter). A fixed [`WINDOW`] of the
/// line is lowercased in two machine words, stored whole and cut back to the word: a few
/// instructions where `push_str`, `make_ascii_lowercase` and `truncate` on the `String`
/// checked capacity and character boundaries and lowered byte by byte (~80 per word).
/// Returns the word's [`padded_key`](super::word_keys::padded_key) when it was cut from the
/// window (a word of at most [`WINDOW`] bytes, as are all stopwords of the table).
///
/// # Safety
///
/// `start` and `end` must be character boundaries of `text`. The parse knows they are, and
/// checking it again here (as indexing the `str` did) cost ~13 instructions a word.
#[inline(always)]
unsafe fn push_ascii_lowercase(
    text: &str,
    start: usize,
    end: usize,
    out: &mut String,
) -> Option<[u64; 2]> {
    let bytes = text.as_bytes();
    let len = end.wrapping_sub(start);
    // SAFETY: the bytes kept below lie between two character boundaries, so they are valid
    // UTF-8, and they are appended with `A`..=`Z` mapped to `a`..=`z`: ASCII bytes replaced
    // by ASCII bytes in valid UTF-8 leave it valid (`ascii_lowercase_u64` and
    // `make_ascii_lowercase` agree byte for byte, see the tests). Window bytes past the word,
    // which may end inside a character, are cut off by the `truncate` before `out` is used.
    let keys = unsafe { out.as_mut_vec() };
    let at = keys.len();
    // The window is sliced without the word: bounds are still checked (two compares), the
    // boundaries are the caller's promise.
    let window = bytes
        .get(start..)
        .and_then(|rest| rest.first_chunk::<WINDOW>());
    match window {
        Some(window) if len <= WINDOW => {
            let lowered = lowercase_window(window);
            keys.extend_from_slice(&lowered);
            keys.truncate(at + len);
            // The bytes past the word cleared: its zero-padded first sixteen bytes.
            let keep = KEEP[len];
            let (low, high) = lowered.split_at(8);
            Some([
                u64::from_le_bytes(low.try_into().unwrap()) & keep[0],
                u64::from_le_bytes(high.try_into().unwrap()) & keep[1],
            ])
        }
        _ => {
            keys.extend(bytes[start..end].iter().map(|b| b.to_ascii_lowercase()));
            None
        }
    }
}

/// Per length up to [`WINDOW`]: the bytes of a window's two machine words that are the
/// word's (a table, as computing the two masks took a dozen instructions).
static KEEP: [[u64; 2]; WINDOW + 1] = {
    let mut keep = [[0u64; 2]; WINDOW + 1];
    let mut n = 1;
    while n <= WINDOW {
        keep[n] = if n <= 8 {
            [u64::MAX >> (64 - 8 * n), 0]
        } else {
            [u64::MAX, u64::MAX >> (128 - 8 * n)]
        };
        n += 1;
    }
    keep
};

/// `window` with its ASCII capitals lowercased, eight bytes at a time.
#[inline(always)]
fn lowercase_window(window: &[u8; WINDOW]) -> [u8; WINDOW] {
    let (low, high) = window.split_at(8);
    let mut out = [0u8; WINDOW];
    out[..8].copy_from_slice(
        &ascii_lowercase_u64(u64::from_le_bytes(low.try_into().unwrap())).to_le_bytes(),
    );
    out[8..].copy_from_slice(
        &ascii_lowercase_u64(u64::from_le_bytes(high.try_into().unwrap())).to_le_bytes(),
    );
    out
}

/// Per word of the lines measured, back to back: its stopword mask (all languages) and
/// [`content_kind`]; and the lines' keys (see [`super::normalize_for_match`]).
#[derive(Debug, Default)]
pub(crate) struct WordFacts {
    /// Per word, its stopword mask in the low bits ([`content_kind::LANGUAGES`]) and its
    /// [`content_kind`] in the top byte ([`content_kind::of`]).
    pub masks: Vec<u32>,
    pub keys: String,
}

impl WordFacts {
    pub fn with_capacity(bytes: usize) -> WordFacts {
        WordFacts {
            masks: Vec::with_capacity(bytes / 6 + 1),
            keys: String::with_capacity(bytes),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::word_keys::padded_key;
    use super::*;

    #[test]
    fn push_ascii_lowercase_appends_the_word_lowercased_for_every_length_and_tail() {
        let line = "Gr\u{fc}\u{df}E aus K\u{f6}LN und ABCDEFGHIJKLMNOPQRSTUVWXYZ \u{e9}t\u{e9} Z";
        let bounds: Vec<usize> = (0..=line.len())
            .filter(|&i| line.is_char_boundary(i))
            .collect();
        for &start in &bounds {
            for &end in bounds.iter().filter(|&&e| e >= start) {
                let mut out = String::from("x ");
                // SAFETY: both ends are character boundaries of `line`.
                let key = unsafe { push_ascii_lowercase(line, start, end, &mut out) };
                let mut want = line[start..end].to_string();
                want.make_ascii_lowercase();
                assert_eq!(out, format!("x {want}"));
                if let Some(key) = key {
                    assert_eq!(key, padded_key(want.as_bytes()), "{want:?}");
                } else {
                    assert!(want.len() > WINDOW || line.len() - start < WINDOW);
                }
            }
        }
    }
}
