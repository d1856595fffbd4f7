//! Per-line shape features (length, stopword density, punctuation, case, digits), computed once.

use super::chars::{class, ALPHABETIC, NUMERIC, UPPERCASE, WHITESPACE};
use super::lang::{Language, StopwordSet};
use super::tokens::{is_unspaced_script, push_lowercase, words};

/// What a line looks like, independent of its neighbours.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LineFeatures {
    /// Only whitespace.
    pub blank: bool,
    /// Characters of the trimmed text.
    pub chars: usize,
    /// Words (see [`super::word_count`]).
    pub words: usize,
    /// Words that are stopwords of the document language.
    pub stopwords: usize,
    /// Ends like a sentence: `.`, `!`, `?`, `…`, `:` or `;`, possibly followed by quotes or brackets.
    pub ends_sentence: bool,
    /// Sentence ends inside the line (". X"), a sign of running prose.
    pub inner_sentences: usize,
    /// First letter is uppercase (or the script has no case).
    pub starts_upper: bool,
    /// Share of alphabetic words that start with an uppercase letter.
    pub title_case_ratio: f32,
    /// Share of non-space characters that are digits.
    pub digit_ratio: f32,
    /// Share of non-space characters that are neither letters nor digits.
    pub symbol_ratio: f32,
    /// Menu separators between items: `|`, `»`, `›`, `•`, `·`, ` > `, ` / `.
    pub separators: usize,
    /// Mentions a URL or an e-mail address.
    pub has_url: bool,
    /// Text is mostly in a script without word spaces (Chinese, Japanese, Thai).
    pub unspaced: bool,
}

impl LineFeatures {
    pub fn compute(text: &str, stopwords: &StopwordSet, language: Option<Language>) -> Self {
        let mut masks = Vec::new();
        let mut features = LineFeatures::measure(text, stopwords, &mut masks, &mut String::new());
        features.stopwords = count_stopwords(&masks, language);
        features
    }

    /// Every feature but `stopwords`, which needs the document language: the stopword mask
    /// of each word is appended to `masks` instead (see [`count_stopwords`]), so the
    /// language guess and the count share one lookup per word. The line's lowercased words,
    /// space-separated (its [`super::normalize_for_match`] key), are appended to `keys`.
    pub(crate) fn measure(
        text: &str,
        stopwords: &StopwordSet,
        masks: &mut Vec<u32>,
        keys: &mut String,
    ) -> Self {
        let trimmed = text.trim();
        if trimmed.is_empty() {
            return LineFeatures {
                blank: true,
                ..Default::default()
            };
        }
        let mut chars = 0usize;
        let (mut digits, mut symbols, mut nonspace, mut unspaced) =
            (0usize, 0usize, 0usize, 0usize);
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
            push_lowercase(word, keys);
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

    /// Share of words that are stopwords.
    pub fn stopword_ratio(&self) -> f32 {
        if self.words == 0 {
            0.0
        } else {
            self.stopwords as f32 / self.words as f32
        }
    }
}

/// Words whose mask lists `language` (or any language when it is unknown).
pub(crate) fn count_stopwords(masks: &[u32], language: Option<Language>) -> usize {
    match language {
        Some(lang) => masks.iter().filter(|&&m| m & lang.bit() != 0).count(),
        None => masks.iter().filter(|&&m| m != 0).count(),
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
