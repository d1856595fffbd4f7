//! Stopword lists per language and a document-level language guess from stopword hits.
//!
//! Stopword density is the best language-neutral-ish sign of running prose: menus and
//! headlines are made of nouns, sentences are glued by function words. The lists come from
//! the `stop-words` crate (NLTK lists where it has them, stopwords-iso for the rest).

use super::word_keys::{KeyTable, SHORT_KEY};
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
    table: KeyTable,
    /// The few entries longer than [`SHORT_KEY`] bytes (no common word is).
    long: HashMap<String, u32>,
}

impl StopwordSet {
    /// The process-wide set, built on first use.
    pub fn shared() -> &'static StopwordSet {
        static SET: OnceLock<StopwordSet> = OnceLock::new();
        SET.get_or_init(StopwordSet::build)
    }

    fn build() -> StopwordSet {
        let words = stopword_masks();
        let mut short: Vec<(&str, u32)> = Vec::new();
        let mut long = HashMap::new();
        for (word, &mask) in &words {
            if word.len() <= SHORT_KEY {
                short.push((word, mask));
            } else {
                long.insert(word.clone(), mask);
            }
        }
        // Entries inserted first sit in their own slot: shorter words are the commoner ones.
        short.sort_unstable_by_key(|&(word, _)| (word.len(), word));
        StopwordSet {
            table: KeyTable::build(&short),
            long,
        }
    }

    /// Bitmask of languages listing `lowercase_word` (0 when none).
    #[inline]
    pub fn mask(&self, lowercase_word: &str) -> u32 {
        let word = lowercase_word.as_bytes();
        if word.len() <= SHORT_KEY {
            self.table.get(word)
        } else {
            self.long_mask(lowercase_word)
        }
    }

    /// [`Self::mask`] of the word of `len` bytes, at most [`SHORT_KEY`], whose
    /// [`padded_key`](super::word_keys::padded_key) is `key`.
    #[inline]
    pub(super) fn mask_of_key(&self, key: [u64; 2], len: usize) -> u32 {
        debug_assert!(len <= SHORT_KEY);
        self.table.get_key(key, len as u32)
    }

    /// [`Self::mask`] of a word longer than any common one, out of line so `mask` inlines.
    #[cold]
    #[inline(never)]
    fn long_mask(&self, lowercase_word: &str) -> u32 {
        self.long.get(lowercase_word).copied().unwrap_or(0)
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

/// Bytes of a mask that hold language bits.
const LANGUAGE_BYTES: usize = CODES.len().div_ceil(8);
// The parse keeps a word's content kind in the byte above them.
const _: () = assert!(CODES.len() <= super::content_kind::SHIFT as usize);

/// Byte `b` spread over a machine word: byte `i` of `SPREAD[b]` is bit `i` of `b`.
static SPREAD: [u64; 256] = {
    let mut spread = [0u64; 256];
    let mut b = 0;
    while b < 256 {
        let mut bit = 0;
        while bit < 8 {
            spread[b] |= ((b as u64 >> bit) & 1) << (8 * bit);
            bit += 1;
        }
        b += 1;
    }
    spread
};

/// Words that vote on the document language.
pub(crate) const VOTERS: usize = 4000;

/// The language most of the first [`VOTERS`] word masks vote for (ties go to the earlier
/// language in [`CODES`]), when it has at least five votes.
pub(crate) fn guess_from_masks(masks: &[u32]) -> Option<Language> {
    let mut votes = [0u32; 32];
    // Byte counters, eight languages to a machine word: a mask adds one table entry per byte
    // of languages, where a loop over its bits took six instructions a bit (a stopword is
    // listed by three languages on average). They are emptied before a byte can overflow.
    for chunk in masks[..masks.len().min(VOTERS)].chunks(u8::MAX as usize) {
        let mut counters = [0u64; LANGUAGE_BYTES];
        for &mask in chunk {
            for (at, counter) in counters.iter_mut().enumerate() {
                *counter += SPREAD[(mask >> (8 * at)) as u8 as usize];
            }
        }
        for (at, counter) in counters.iter().enumerate() {
            for (byte, count) in counter.to_le_bytes().into_iter().enumerate() {
                votes[8 * at + byte] += u32::from(count);
            }
        }
    }
    let (best, &hits) = votes[..CODES.len()]
        .iter()
        .enumerate()
        .max_by_key(|(i, v)| (**v, usize::MAX - i))?;
    (hits >= 5).then_some(Language(best as u8))
}

/// Lowercased word -> bitmask of the [`CODES`] languages listing it, single words only.
fn stopword_masks() -> HashMap<String, u32> {
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
    words
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

    /// The answer of the map the table is built from, which is what `mask` must say.
    fn expected(words: &HashMap<String, u32>, word: &str) -> u32 {
        words.get(word).copied().unwrap_or(0)
    }

    #[test]
    fn the_table_answers_like_the_map_for_every_entry_and_near_misses() {
        let set = StopwordSet::shared();
        let words = stopword_masks();
        assert!(
            words.keys().any(|w| w.len() > SHORT_KEY),
            "long entries are tested"
        );
        assert!(
            words.keys().any(|w| !w.is_ascii()),
            "non-ASCII entries are tested"
        );
        let mut probes: Vec<String> = vec![String::new(), "x".repeat(40), "\u{0}".into()];
        for word in words.keys() {
            probes.push(word.clone());
            // The same bytes but one, one more or one fewer: what a packed key could confuse.
            let bytes = word.as_bytes();
            for at in 0..bytes.len() {
                let mut changed = bytes.to_vec();
                changed[at] ^= 0x01;
                probes.extend(String::from_utf8(changed).ok());
                let mut shorter = bytes.to_vec();
                shorter.remove(at);
                probes.extend(String::from_utf8(shorter).ok());
            }
            probes.push(format!("{word}s"));
            probes.push(format!("a{word}"));
            probes.push(format!("{word}\u{0}"));
            probes.push(format!("{word}é"));
            probes.push(word.to_uppercase());
        }
        for probe in &probes {
            assert_eq!(set.mask(probe), expected(&words, probe), "{probe:?}");
        }
    }

    #[test]
    fn words_of_every_length_up_to_the_key_size_and_beyond_are_told_apart() {
        let set = StopwordSet::shared();
        let words = stopword_masks();
        for len in 0..=SHORT_KEY + 8 {
            for fill in [b'a', b'e', b'z', 0] {
                let word: String = (0..len).map(|i| char::from(fill + (i % 3) as u8)).collect();
                assert_eq!(set.mask(&word), expected(&words, &word), "{word:?}");
            }
        }
    }

    /// The votes of a loop over each mask's bits, which `guess_from_masks` must match.
    fn guess_by_bits(masks: &[u32]) -> Option<Language> {
        let mut votes = [0u32; 32];
        for &mask in &masks[..masks.len().min(VOTERS)] {
            for (bit, vote) in votes.iter_mut().enumerate() {
                *vote += (mask >> bit) & 1;
            }
        }
        let (best, &hits) = votes[..CODES.len()]
            .iter()
            .enumerate()
            .max_by_key(|(i, v)| (**v, usize::MAX - i))?;
        (hits >= 5).then_some(Language(best as u8))
    }

    #[test]
    fn byte_counters_vote_like_a_loop_over_the_bits() {
        let all = (1u32 << CODES.len()) - 1;
        // Long runs of one language overflow a byte counter unless it is emptied in time.
        let mut masks: Vec<u32> = vec![1 << 21; 300];
        masks.extend(std::iter::repeat_n(1 << 3 | 1 << 9, 600));
        masks.extend(std::iter::repeat_n(all, 260));
        for i in 0..5000u32 {
            masks.push(i.wrapping_mul(2_654_435_761) & all);
        }
        for end in [
            0,
            1,
            4,
            5,
            255,
            256,
            600,
            1200,
            3999,
            4000,
            4001,
            masks.len(),
        ] {
            let got = guess_from_masks(&masks[..end]);
            assert_eq!(got, guess_by_bits(&masks[..end]), "{end}");
        }
        for bit in 0..CODES.len() {
            let one = vec![1u32 << bit; 700];
            assert_eq!(guess_from_masks(&one), Some(Language(bit as u8)));
        }
    }

    fn guess_lang(text: &str) -> Option<Language> {
        StopwordSet::shared().guess_language(std::iter::once(text.as_bytes()))
    }
}
