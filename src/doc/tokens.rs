//! Word tokens as the heuristics see them: Unicode alphanumeric runs, with CJK text counted per character.

/// True for scripts written without spaces between words (Han, Kana, Hangul syllables are
/// spaced, but a Hangul run is still short enough per word that treating it as spaced works).
pub fn is_unspaced_script(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF   // Hiragana, Katakana
        | 0x3400..=0x4DBF // CJK extension A
        | 0x4E00..=0x9FFF // CJK unified ideographs
        | 0xF900..=0xFAFF // CJK compatibility ideographs
        | 0x0E00..=0x0E7F // Thai
    )
}

/// Alphanumeric runs (`\w+` without the underscore), in order.
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// A length in words that is fair across scripts: spaced words count one each, and a run
/// of unspaced script counts one word per two characters (a typical CJK word length).
pub fn word_count(text: &str) -> usize {
    let mut count = 0;
    for word in words(text) {
        let unspaced = word.chars().filter(|&c| is_unspaced_script(c)).count();
        count += if unspaced == 0 {
            1
        } else {
            unspaced.div_ceil(2).max(1)
        };
    }
    count
}

/// Lowercased content-bearing tokens for topic overlap: words of three or more letters, and
/// character bigrams of unspaced scripts. Stopwords are removed by the caller.
pub fn content_words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for word in words(text) {
        let chars: Vec<char> = word.chars().collect();
        if chars.iter().any(|&c| is_unspaced_script(c)) {
            for pair in chars.windows(2) {
                out.push(pair.iter().collect());
            }
        } else if chars.len() >= 3 && chars.iter().any(|c| c.is_alphabetic()) {
            out.push(word.to_lowercase());
        }
    }
    out
}

/// Lowercase, drop everything but letters and digits, single spaces: the key used to spot
/// the same line printed twice with different punctuation or spacing.
pub fn normalize_for_match(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in words(text) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_split_on_punctuation_and_keep_unicode_letters() {
        let got: Vec<_> = words("Straße, café—naïve 2024!").collect();
        assert_eq!(got, vec!["Straße", "café", "naïve", "2024"]);
    }

    #[test]
    fn cjk_runs_count_per_two_characters() {
        assert_eq!(word_count("日本語の文章です"), 4);
        assert_eq!(word_count("two words"), 2);
    }

    #[test]
    fn normalization_ignores_case_spacing_and_punctuation() {
        assert_eq!(
            normalize_for_match("  Hello,   World! "),
            normalize_for_match("hello world")
        );
    }

    #[test]
    fn content_words_skip_short_tokens_and_number_only_tokens() {
        assert_eq!(
            content_words("A cat on the 2024 mat"),
            vec!["cat", "the", "mat"]
        );
    }
}
