//! A matcher's answers about single words, remembered by the words' bytes.
//!
//! Some detectors ask a set about one word at a time: `nav::is_date_stamp` asks
//! `nav.date_word` about the first word of nearly every short line. Each word is a new place
//! for the matcher's line cache (a lookup, an insert, a line entry and, for a non-ASCII word,
//! a mapping), about 500 instructions an ask, while the words themselves recur from document
//! to document ("By", "Home", "Photo"). A set's answer depends on the bytes alone, so a word
//! of up to sixteen bytes is answered from a small table keyed by them.

use super::Matcher;
use foldhash::{HashMap, HashMapExt};
use std::cell::RefCell;

/// Longest word remembered: two machine words of key.
const MAX_WORD: usize = 16;
/// Entries kept before the table starts afresh, so memory stays bounded (~0.2 MB).
const MAX_ENTRIES: usize = 8192;

/// A remembered word: the asking set's address, the word's bytes (zero-padded) and length.
type Key = (usize, [u64; 2], u8);

thread_local! {
    static ANSWERS: RefCell<HashMap<Key, bool>> = RefCell::new(HashMap::new());
}

/// `set.is_match(word)`, remembered for short words.
pub fn is_match(set: &'static Matcher, word: &str) -> bool {
    if word.len() > MAX_WORD {
        return set.is_match(word);
    }
    let mut bytes = [0u8; MAX_WORD];
    bytes[..word.len()].copy_from_slice(word.as_bytes());
    let half = |at: usize| u64::from_le_bytes(bytes[at..at + 8].try_into().expect("8 bytes"));
    let key = (
        std::ptr::from_ref(set) as usize,
        [half(0), half(8)],
        word.len() as u8,
    );
    if let Some(answer) = ANSWERS.with_borrow(|answers| answers.get(&key).copied()) {
        return answer;
    }
    let answer = set.is_match(word);
    ANSWERS.with_borrow_mut(|answers| {
        if answers.len() >= MAX_ENTRIES {
            answers.clear();
        }
        answers.insert(key, answer);
    });
    answer
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::patterns;
    use crate::detect::testing::for_each_line;

    static DATE_WORD: Matcher = Matcher::new(&patterns::nav::DATE_WORD);

    /// Remembered answers are the matcher's, for every word of the bundled and shared texts
    /// asked twice, words that differ only past their first byte or in length, and a word
    /// too long to remember.
    #[test]
    fn remembered_answers_are_the_matchers() {
        let lines = for_each_line(|line| {
            for word in line.split_whitespace() {
                let expected = DATE_WORD.is_match(word);
                assert_eq!(is_match(&DATE_WORD, word), expected, "{word:?}");
                assert_eq!(is_match(&DATE_WORD, word), expected, "{word:?}");
            }
        });
        assert!(lines > 100, "found the samples and fixtures");
        for word in [
            "Mai",
            "Mais",
            "Ma",
            "May",
            "may",
            "MAY",
            "Mayo",
            "März",
            "mär",
            "Montag",
            "Montagabend",
            "",
            "januaryjanuaryjanuary",
            "Uhr",
            "Uhr\0",
        ] {
            assert_eq!(
                is_match(&DATE_WORD, word),
                DATE_WORD.is_match(word),
                "{word:?}"
            );
        }
    }
}
