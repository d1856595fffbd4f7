//! The per-character feature loop as it was before the fused pass: the tests' oracle.
//!
//! Kept verbatim (two passes: characters, then words) so `features.rs` can be checked
//! against it on every line of the samples, fixtures and evaluation inputs.

use super::chars::{class, ALPHABETIC, NUMERIC, UPPERCASE, WHITESPACE};
use super::features::LineFeatures;
use super::lang::StopwordSet;
use super::tokens::{is_unspaced_script, words};

pub(crate) fn measure(
    text: &str,
    stopwords: &StopwordSet,
    masks: &mut Vec<u32>,
    keys: &mut String,
) -> LineFeatures {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return LineFeatures {
            blank: true,
            ..Default::default()
        };
    }
    let mut chars = 0usize;
    let (mut digits, mut symbols, mut nonspace, mut unspaced) = (0usize, 0usize, 0usize, 0usize);
    let mut separators = 0usize;
    let mut prev = ' ';
    let mut digit_run = 0usize;
    let mut inner_sentences = 0usize;
    let mut after_stop = false;
    for c in trimmed.chars() {
        chars += 1;
        let props = class(c);
        let white = props & WHITESPACE != 0;
        if !white {
            nonspace += 1;
            if props & NUMERIC != 0 {
                digits += 1;
            } else if props & ALPHABETIC == 0 {
                symbols += 1;
            }
            if is_unspaced_script(c) {
                unspaced += 1;
            }
        }
        match c {
            '|' | '»' | '›' | '•' | '·' | '◦' | '▸' | '►' => separators += 1,
            '>' | '/' if prev == ' ' => separators += 1,
            _ => {}
        }
        if after_stop && props & UPPERCASE != 0 {
            inner_sentences += 1;
        }
        if !white {
            after_stop = false;
        }
        // "in der 89. Minute", "am 3. Mai": a full stop after one or two digits is an
        // ordinal; after a year ("in 2019. The") it ends a sentence.
        let ordinal = prev == '.' && (1..=2).contains(&digit_run);
        if matches!(prev, '.' | '!' | '?' | '。' | '！' | '？') && c == ' ' && !ordinal {
            after_stop = true;
        }
        if matches!(c, '。' | '！' | '？') {
            inner_sentences += 1;
        }
        if c != '.' {
            digit_run = if c.is_ascii_digit() { digit_run + 1 } else { 0 };
        }
        prev = c;
    }

    let mut word_total = 0usize;
    let mut alpha_words = 0usize;
    let mut capitalised = 0usize;
    let mut first_word = true;
    for word in words(trimmed) {
        let first = word.chars().next().unwrap_or(' ');
        let cjk = if word.is_ascii() {
            0
        } else {
            word.chars().filter(|&c| is_unspaced_script(c)).count()
        };
        word_total += if cjk == 0 { 1 } else { cjk.div_ceil(2).max(1) };
        if first.is_alphabetic() && cjk == 0 {
            alpha_words += 1;
            if first.is_uppercase() {
                capitalised += 1;
            }
        }
        if !first_word {
            keys.push(' ');
        }
        first_word = false;
        let start = keys.len();
        keys.extend(word.chars().flat_map(char::to_lowercase));
        masks.push(stopwords.mask(&keys[start..]));
    }

    let last_meaningful = trimmed.chars().rev().find(|c| {
        !matches!(
            c,
            '"' | '\'' | '”' | '’' | '»' | '«' | ')' | ']' | '“' | '*'
        )
    });
    let ends_sentence = matches!(
        last_meaningful,
        Some('.' | '!' | '?' | '…' | ':' | ';' | '。' | '！' | '？')
    );
    let starts_upper = trimmed
        .chars()
        .find(|c| c.is_alphabetic())
        .map(|c| c.is_uppercase() || !c.is_lowercase())
        .unwrap_or(false);
    // No non-ASCII character lowercases to these ASCII letters, so an ASCII-insensitive
    // search finds exactly what a search in `trimmed.to_lowercase()` would.
    let has_url = contains_ascii_nocase(trimmed, b"http://")
        || contains_ascii_nocase(trimmed, b"https://")
        || contains_ascii_nocase(trimmed, b"www.")
        || (trimmed.contains('@') && trimmed.contains('.'));

    let ratio = |n: usize, d: usize| if d == 0 { 0.0 } else { n as f32 / d as f32 };
    LineFeatures {
        blank: false,
        chars,
        words: word_total,
        stopwords: 0,
        ends_sentence,
        inner_sentences,
        starts_upper,
        title_case_ratio: ratio(capitalised, alpha_words),
        digit_ratio: ratio(digits, nonspace),
        symbol_ratio: ratio(symbols, nonspace),
        separators,
        has_url,
        unspaced: unspaced * 2 > nonspace,
    }
}

/// True when `needle` (lowercase ASCII, first byte a letter) occurs in `text`, ignoring
/// ASCII case. memchr finds the candidates for the first byte.
fn contains_ascii_nocase(text: &str, needle: &[u8]) -> bool {
    let hay = text.as_bytes();
    let first = needle[0];
    memchr::memchr2_iter(first, first.to_ascii_uppercase(), hay).any(|i| {
        hay.len() - i >= needle.len() && hay[i..i + needle.len()].eq_ignore_ascii_case(needle)
    })
}

mod tests {
    use super::super::features::LineFeatures;
    use super::super::lang::StopwordSet;
    use super::super::word_facts::{content_kind, WordFacts};
    use std::path::Path;

    fn features(text: &str) -> LineFeatures {
        let set = StopwordSet::shared();
        LineFeatures::compute(text, set, None)
    }

    #[test]
    fn prose_has_stopwords_and_ends_like_a_sentence() {
        let f = features("The minister said that the plan was not ready. It will come later.");
        assert!(f.ends_sentence);
        assert!(f.stopword_ratio() > 0.3);
        assert_eq!(f.inner_sentences, 1);
        assert!(f.starts_upper);
    }

    #[test]
    fn menus_have_separators_and_title_case() {
        let f = features("Home | News | Sport | Weather");
        assert_eq!(f.separators, 3);
        assert!(f.title_case_ratio > 0.99);
        assert!(!f.ends_sentence);
    }

    #[test]
    fn ordinals_are_not_sentence_ends() {
        assert_eq!(
            features("Jubel nach dem Siegtreffer in der 89. Minute.").inner_sentences,
            0
        );
        assert_eq!(
            features("Es regnete. Dann kam die Sonne.").inner_sentences,
            1
        );
    }

    #[test]
    fn blank_lines_are_flagged() {
        assert!(features("   \t").blank);
    }

    #[test]
    fn quotes_after_the_full_stop_still_end_a_sentence() {
        assert!(features("He said “it is over.”").ends_sentence);
    }

    #[test]
    fn url_markers_are_found_in_any_case() {
        assert!(features("See HTTPS://Example.org").has_url);
        assert!(features("WWW.EXAMPLE.COM").has_url);
        assert!(!features("http:/ not quite ww.").has_url);
    }

    #[test]
    fn urls_and_digits_are_measured() {
        let f = features("Visit www.example.com 2024");
        assert!(f.has_url);
        assert!(f.digit_ratio > 0.1);
    }

    /// The fused pass against the two-pass oracle: features, keys and masks of one line.
    fn same_as_reference(line: &str) {
        let set = StopwordSet::shared();
        let mut facts = WordFacts::default();
        let (mut ref_masks, mut ref_keys) = (Vec::new(), String::new());
        let got = LineFeatures::measure(line, set, &mut facts);
        let want = super::measure(line, set, &mut ref_masks, &mut ref_keys);
        assert_eq!(got, want, "{line:?}");
        assert_eq!(facts.keys, ref_keys, "{line:?}");
        let masks: Vec<u32> = facts
            .masks
            .iter()
            .map(|&m| m & content_kind::LANGUAGES)
            .collect();
        assert_eq!(masks, ref_masks, "{line:?}");
        let kinds: Vec<u8> = facts.masks.iter().map(|&m| content_kind::of(m)).collect();
        // A key length kept with a word is its key's (the topic words slice by it).
        for (word, &m) in facts.keys.split(' ').zip(&facts.masks) {
            let len = content_kind::key_len(m);
            assert!(len == 0 || len == word.len(), "{line:?} {word:?}");
        }
        // The content words read off the keys are the topic tokenizer's.
        if !kinds.contains(&content_kind::OTHER) {
            let from_keys: Vec<&str> = facts
                .keys
                .split(' ')
                .zip(&kinds)
                .filter(|(_, &k)| k == content_kind::KEY)
                .map(|(w, _)| w)
                .collect();
            assert_eq!(from_keys, super::super::content_words(line), "{line:?}");
        }
    }

    #[test]
    fn the_fused_pass_agrees_with_the_reference_on_tricky_lines() {
        for line in [
            "",
            "  \t ",
            "Straße, café—naïve 2024! 日本語の文章です ٣٤ x_y",
            "\u{fffd}bad\u{fffd} ok𝔘nicode tail",
            "Es regnete. Dann kam die Sonne. Am 3. Mai. In 2019. The end",
            "ΟΔΟΣ İstanbul \u{212a}elvin ǅemal ⅠⅡ Ⓐlice",
            "Home | News › Sport • Weather · x > y / z",
            "他说：“好。”然后走了！真的？",
            "«Zitat» (Klammer) „Anführung“ …",
            "See HTTPS://Example.org or mail a@b.c",
            "http://x",
            "hTTp:/",
            "xhttps://",
            ":// www",
            "wWw.",
            "ww.w. www",
            "http:/ not quite ww.",
            // Only one of an address's marks, or a byte sharing a mark's bit (0x00 with `@`,
            // 0x0e with `.`, 0x1a with `:`).
            "user@host",
            "a.b and c@d",
            "\u{0}x.y",
            "www\u{e}x",
            "https\u{1a}//x",
            "mail at home. www",
            "xWWW.y w.ww.",
            ".www",
        ] {
            same_as_reference(line);
        }
    }

    /// Every line of the samples, fixtures and (when present) the shared evaluation inputs.
    #[test]
    fn the_fused_pass_agrees_with_the_reference_on_real_text() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = Vec::new();
        for dir in ["samples", "tests/fixtures", "../shared"] {
            crate::test_texts::text_files(&root.join(dir), &mut files);
        }
        assert!(!files.is_empty());
        for file in files {
            let bytes = std::fs::read(&file).unwrap();
            for line in String::from_utf8_lossy(&bytes).lines() {
                same_as_reference(line);
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        #[test]
        fn the_fused_pass_agrees_with_the_reference_on_random_text(line in "\\PC{0,40}") {
            same_as_reference(&line);
        }
    }
}
