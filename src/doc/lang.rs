//! Stopword lists per language and a document-level language guess from stopword hits.
//!
//! Stopword density is the best language-neutral-ish sign of running prose: menus and
//! headlines are made of nouns, sentences are glued by function words. The lists come from
//! the `stop-words` crate (NLTK lists where it has them, stopwords-iso for the rest).

use foldhash::{HashMap, HashMapExt};
use std::sync::OnceLock;

/// The languages dehusk has stopwords for; the index is the bit in [`StopwordSet`] masks.
const CODES: &[&str] = &[
    "en", "de", "fr", "es", "it", "nl", "pt", "pl", "ru", "cs", "sv", "da", "no", "fi", "hu", "ro",
    "tr", "sk", "hr", "sl", "ca", "id",
];

/// A language known to the stopword set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Language(u8);

impl Language {
    /// ISO 639-1 code.
    pub fn code(self) -> &'static str {
        CODES[self.0 as usize]
    }

    pub(crate) fn bit(self) -> u32 {
        1 << self.0
    }
}

/// Lowercased word -> bitmask of the languages listing it as a stopword.
#[derive(Debug)]
pub struct StopwordSet {
    words: HashMap<String, u32>,
    /// Length in bytes of the longest entry.
    longest: usize,
    /// One bit per [`shape`] of some entry: a word whose shape's bit is clear is no entry,
    /// which is most content words, told without hashing them.
    shapes: Vec<u64>,
}

/// Bits of a word's shape: its length, first byte and last byte, each cut to a few bits
/// (words that share a shape only go on to the hash lookup).
const SHAPE_BITS: u32 = 16;

#[inline]
fn shape(word: &[u8]) -> usize {
    let (first, last) = match word {
        [first, .., last] => (*first, *last),
        [only] => (*only, *only),
        [] => (0, 0),
    };
    (word.len() & 0xF) << 12 | usize::from(first & 0x3F) << 6 | usize::from(last & 0x3F)
}

impl StopwordSet {
    /// The process-wide set, built on first use.
    pub fn shared() -> &'static StopwordSet {
        static SET: OnceLock<StopwordSet> = OnceLock::new();
        SET.get_or_init(StopwordSet::build)
    }

    fn build() -> StopwordSet {
        let mut words: HashMap<String, u32> = HashMap::new();
        for (index, code) in CODES.iter().enumerate() {
            let Some(list) = stop_words::lookup(code) else {
                continue;
            };
            for word in list {
                // Keep single-word entries only: the heuristics look words up one by one.
                if word.chars().all(char::is_alphabetic) {
                    *words.entry(word.to_lowercase()).or_default() |= 1 << index;
                }
            }
        }
        // Hashing a long token costs more than rejecting it: no stopword is longer than this.
        let longest = words.keys().map(String::len).max().unwrap_or(0);
        let mut shapes = vec![0u64; (1 << SHAPE_BITS) / 64];
        for word in words.keys() {
            let at = shape(word.as_bytes());
            shapes[at / 64] |= 1 << (at % 64);
        }
        StopwordSet {
            words,
            longest,
            shapes,
        }
    }

    /// Bitmask of languages listing `lowercase_word` (0 when none).
    #[inline]
    pub fn mask(&self, lowercase_word: &str) -> u32 {
        if lowercase_word.len() > self.longest {
            return 0;
        }
        let at = shape(lowercase_word.as_bytes());
        if self.shapes[at / 64] & 1 << (at % 64) == 0 {
            return 0;
        }
        self.words.get(lowercase_word).copied().unwrap_or(0)
    }

    /// True when `lowercase_word` is a stopword of `language`, or of any language when unknown.
    pub fn is_stopword(&self, lowercase_word: &str, language: Option<Language>) -> bool {
        let mask = self.mask(lowercase_word);
        match language {
            Some(lang) => mask & lang.bit() != 0,
            None => mask != 0,
        }
    }

    /// Guess the dominant language from the first few thousand words of the lines given.
    /// Each word votes for every language listing it; the winner needs a clear lead.
    pub fn guess_language<'b>(&self, lines: impl Iterator<Item = &'b [u8]>) -> Option<Language> {
        let mut masks = Vec::new();
        let mut lower = String::new();
        'lines: for raw in lines {
            let text = String::from_utf8_lossy(raw);
            for word in super::words(&text) {
                if masks.len() == VOTERS {
                    break 'lines;
                }
                lower.clear();
                super::tokens::push_lowercase(word, &mut lower);
                masks.push(self.mask(&lower));
            }
        }
        guess_from_masks(&masks)
    }
}

/// Words that vote on the document language.
pub(crate) const VOTERS: usize = 4000;

/// The language most of the first [`VOTERS`] word masks vote for (ties go to the earlier
/// language in [`CODES`]), when it has at least five votes.
pub(crate) fn guess_from_masks(masks: &[u32]) -> Option<Language> {
    let mut votes = [0u32; CODES.len()];
    for &mask in masks.iter().take(VOTERS) {
        let mut bits = mask;
        while bits != 0 {
            votes[bits.trailing_zeros() as usize] += 1;
            bits &= bits - 1;
        }
    }
    let (best, &hits) = votes
        .iter()
        .enumerate()
        .max_by_key(|(i, v)| (**v, usize::MAX - i))?;
    (hits >= 5).then_some(Language(best as u8))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn guess(text: &str) -> Option<&'static str> {
        StopwordSet::shared()
            .guess_language(text.lines().map(str::as_bytes))
            .map(Language::code)
    }

    #[test]
    fn guesses_common_languages_from_prose() {
        assert_eq!(
            guess("The cat sat on the mat and it was not happy with the weather."),
            Some("en")
        );
        assert_eq!(
            guess("Der Hund ist nicht in dem Haus, aber er war auch nicht bei der Katze."),
            Some("de")
        );
        assert_eq!(
            guess("Le chat est sur la table et il ne veut pas que nous le voyions."),
            Some("fr")
        );
    }

    #[test]
    fn no_guess_without_enough_function_words() {
        assert_eq!(guess("Home News Sport"), None);
    }

    #[test]
    fn stopword_lookup_respects_the_language() {
        let set = StopwordSet::shared();
        let de =
            guess_lang("Der Hund ist nicht in dem Haus, aber er war auch nicht bei der Katze.");
        assert!(set.is_stopword("und", de));
        assert!(!set.is_stopword("the", de));
        assert!(set.is_stopword("the", None));
    }

    fn guess_lang(text: &str) -> Option<Language> {
        StopwordSet::shared().guess_language(std::iter::once(text.as_bytes()))
    }
}
