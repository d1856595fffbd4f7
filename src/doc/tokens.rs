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
pub fn words(text: &str) -> Words<'_> {
    Words { text, at: 0 }
}

/// Iterator behind [`words`]: walks bytes, decoding only non-ASCII characters, which makes
/// it several times faster than `str::split` with a `char` predicate on Latin text.
pub struct Words<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Words<'a> {
    /// Length in bytes of the character at `i` when it is alphanumeric, else None.
    #[inline]
    fn alnum_at(&self, i: usize) -> Option<usize> {
        let b = self.text.as_bytes()[i];
        if b < 0x80 {
            return b.is_ascii_alphanumeric().then_some(1);
        }
        let c = self.text[i..].chars().next()?;
        super::chars::is_alphanumeric(c).then_some(c.len_utf8())
    }

    /// Length in bytes of the character at `i`.
    #[inline]
    fn char_len_at(&self, i: usize) -> usize {
        match self.text.as_bytes()[i] {
            b if b < 0x80 => 1,
            b if b >= 0xF0 => 4,
            b if b >= 0xE0 => 3,
            _ => 2,
        }
    }
}

impl<'a> Iterator for Words<'a> {
    type Item = &'a str;

    #[inline]
    fn next(&mut self) -> Option<&'a str> {
        let len = self.text.len();
        while self.at < len {
            if let Some(n) = self.alnum_at(self.at) {
                let start = self.at;
                self.at += n;
                while self.at < len {
                    match self.alnum_at(self.at) {
                        Some(n) => self.at += n,
                        None => break,
                    }
                }
                return Some(&self.text[start..self.at]);
            }
            self.at += self.char_len_at(self.at);
        }
        None
    }
}

/// Append `word` lowercased character by character (`char::to_lowercase`) to `out`: what
/// `str::to_lowercase` gives for any text without a capital sigma (the one character that
/// lowers by its neighbours).
#[inline]
pub fn push_lowercase(word: &str, out: &mut String) {
    // Scraped text is mostly ASCII even in a word or line that is not: ASCII runs are
    // copied and lowered whole, and only the other characters go through the tables.
    let mut rest = word;
    while !rest.is_empty() {
        let run = rest
            .bytes()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        let start = out.len();
        out.push_str(&rest[..run]);
        out[start..].make_ascii_lowercase();
        rest = &rest[run..];
        let mut chars = rest.chars();
        if let Some(c) = chars.next() {
            out.extend(c.to_lowercase());
            rest = chars.as_str();
        }
    }
}

/// A length in words that is fair across scripts: spaced words count one each, and a run
/// of unspaced script counts one word per two characters (a typical CJK word length).
pub fn word_count(text: &str) -> usize {
    let mut count = 0;
    for word in words(text) {
        if word.is_ascii() {
            count += 1;
            continue;
        }
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
    let mut buf = String::new();
    for_each_content_word(text, &mut buf, |w| out.push(w.to_string()));
    out
}

/// [`content_words`] without allocating: `f` sees each token, built in `buf`.
pub fn for_each_content_word(text: &str, buf: &mut String, mut f: impl FnMut(&str)) {
    for word in words(text) {
        if word.is_ascii() {
            if word.len() >= 3 && word.bytes().any(|b| b.is_ascii_alphabetic()) {
                buf.clear();
                push_lowercase(word, buf);
                f(buf);
            }
            continue;
        }
        if word.chars().any(is_unspaced_script) {
            let mut chars = word.chars();
            let mut prev = chars.next();
            for c in chars {
                buf.clear();
                buf.extend(prev);
                buf.push(c);
                f(buf);
                prev = Some(c);
            }
        } else if word.chars().nth(2).is_some() && word.chars().any(char::is_alphabetic) {
            buf.clear();
            if word.contains('Σ') {
                // `str::to_lowercase` knows the final sigma; per-character lowering does not.
                buf.push_str(&word.to_lowercase());
            } else {
                push_lowercase(word, buf);
            }
            f(buf);
        }
    }
}

/// Lowercase, drop everything but letters and digits, single spaces: the key used to spot
/// the same line printed twice with different punctuation or spacing.
pub fn normalize_for_match(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in words(text) {
        if !out.is_empty() {
            out.push(' ');
        }
        push_lowercase(word, &mut out);
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
    fn words_match_a_split_on_non_alphanumeric_characters() {
        for text in [
            "",
            "  ",
            "a",
            "Straße, café—naïve 2024! 日本語の文章です ٣٤ x_y",
            "\u{fffd}bad\u{fffd} ok𝔘nicode tail",
        ] {
            let expected: Vec<&str> = text
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .collect();
            assert_eq!(words(text).collect::<Vec<_>>(), expected, "{text}");
        }
    }

    #[test]
    fn content_words_lower_like_str_to_lowercase_and_pair_cjk() {
        let got = content_words("ΟΔΟΣ Straße 東京都");
        assert_eq!(
            got,
            vec![
                "ΟΔΟΣ".to_lowercase(),
                "straße".into(),
                "東京".into(),
                "京都".into()
            ]
        );
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
