//! Per-line shape features (length, stopword density, punctuation, case, digits), computed once.

use super::chars::{
    class, decode, ALPHABETIC, ALPHANUMERIC, ASCII, LOWERCASE, LOWERS, NUMERIC, UPPERCASE,
    WHITESPACE,
};
use super::lang::{Language, StopwordSet};
use super::tokens::is_unspaced_script;
use super::word_facts::{OpenWord, WordFacts, WordTally};

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
        let mut facts = WordFacts::default();
        let mut features = LineFeatures::measure(text, stopwords, &mut facts);
        features.stopwords = count_stopwords(&facts.masks, language);
        features
    }

    /// Every feature but `stopwords`, which needs the document language: the stopword mask
    /// of each word is appended to `out.masks` instead (see [`count_stopwords`]), so the
    /// language guess and the count share one lookup per word. The line's lowercased words,
    /// space-separated (its [`super::normalize_for_match`] key), are appended to `out.keys`,
    /// and what the topic tokenizer makes of each word to `out.kinds`.
    ///
    /// One pass over the characters finds the words too (a word is a run of alphanumeric
    /// characters, as [`super::words`] has it), so each character is decoded and classified
    /// once; ASCII bytes skip decoding. `features_ref.rs` keeps the two-pass version the
    /// tests compare with.
    pub(crate) fn measure(text: &str, stopwords: &StopwordSet, out: &mut WordFacts) -> Self {
        Self::measure_trimmed(text.trim(), stopwords, out)
    }

    /// [`LineFeatures::measure`] of a line already trimmed (the parse keeps the trimmed
    /// text for [`super::Line::trimmed`] and trims each line once).
    pub(crate) fn measure_trimmed(
        trimmed: &str,
        stopwords: &StopwordSet,
        out: &mut WordFacts,
    ) -> Self {
        if trimmed.is_empty() {
            return LineFeatures {
                blank: true,
                ..Default::default()
            };
        }
        let bytes = trimmed.as_bytes();
        let mut chars = 0usize;
        let (mut digits, mut symbols, mut nonspace, mut unspaced) =
            (0usize, 0usize, 0usize, 0usize);
        let mut separators = 0usize;
        let mut prev = ' ';
        // Whether `prev` is a sentence mark: found where such a character is read, so the
        // space after a letter (most spaces) tests one flag.
        let mut prev_stop = false;
        let mut digit_run = 0usize;
        let mut inner_sentences = 0usize;
        let mut after_stop = false;
        let mut starts_upper = None;
        let mut words = WordTally::default();
        let mut word: Option<OpenWord> = None;
        let mut at = 0;
        while at < bytes.len() {
            let b = bytes[at];
            if b.is_ascii_alphabetic() {
                // A run of ASCII letters, most of the bytes of prose, is taken at once: after
                // its first letter (which may open a word, be the line's first letter or
                // start a sentence) they change only the counts: no letter is a digit,
                // symbol, separator or sentence mark.
                let run = ascii_letters(&bytes[at..]);
                let upper = b.is_ascii_uppercase();
                starts_upper.get_or_insert(upper);
                if after_stop && upper {
                    inner_sentences += 1;
                }
                let open = word.get_or_insert(OpenWord::at(at, ASCII[b as usize]));
                open.chars += run;
                open.alpha = true;
                chars += run;
                nonspace += run;
                digit_run = 0;
                after_stop = false;
                at += run;
                // Only a space, a full stop and the sentence marks are asked of `prev`: any
                // letter stands for the run's last one.
                prev = 'a';
                prev_stop = false;
                continue;
            }
            if b == b' ' {
                // The space between words, the commonest byte after letters, is the only
                // character that can start a new sentence; otherwise it only closes a word.
                chars += 1;
                if let Some(open) = word.take() {
                    words.add(trimmed, at, &open, stopwords, out);
                }
                // "in der 89. Minute", "am 3. Mai": a full stop after one or two digits is
                // an ordinal; after a year ("in 2019. The") it ends a sentence.
                if prev_stop && !(prev == '.' && (1..=2).contains(&digit_run)) {
                    after_stop = true;
                }
                digit_run = 0;
                prev = ' ';
                prev_stop = false;
                at += 1;
                continue;
            }
            let (c, props, len) = if b < 0x80 {
                (b as char, ASCII[b as usize], 1)
            } else {
                let c = decode(bytes, at);
                (c, class(c), c.len_utf8())
            };
            chars += 1;
            let white = props & WHITESPACE != 0;
            let cjk = b >= 0x80 && is_unspaced_script(c);
            if !white {
                nonspace += 1;
                if props & NUMERIC != 0 {
                    digits += 1;
                } else if props & ALPHABETIC == 0 {
                    symbols += 1;
                }
                if cjk {
                    unspaced += 1;
                }
            }
            if starts_upper.is_none() && props & ALPHABETIC != 0 {
                // `c.is_uppercase() || !c.is_lowercase()` of the first letter.
                starts_upper = Some(props & UPPERCASE != 0 || props & LOWERCASE == 0);
            }
            // Separators and sentence marks: ASCII has three, tested first; most characters
            // here are spaces and first letters, which need none of the tests below.
            if b < 0x80 {
                if c == '|' || (matches!(c, '>' | '/') && prev == ' ') {
                    separators += 1;
                }
            } else {
                if matches!(c, '»' | '›' | '•' | '·' | '◦' | '▸' | '►') {
                    separators += 1;
                }
                if matches!(c, '。' | '！' | '？') {
                    inner_sentences += 1;
                }
            }
            if after_stop && props & UPPERCASE != 0 {
                inner_sentences += 1;
            }
            if !white {
                after_stop = false;
            }
            if c != '.' {
                digit_run = if c.is_ascii_digit() { digit_run + 1 } else { 0 };
            }
            prev = c;
            prev_stop = matches!(c, '.' | '!' | '?' | '。' | '！' | '？');
            if props & ALPHANUMERIC != 0 {
                let open = word.get_or_insert(OpenWord::at(at, props));
                open.chars += 1;
                open.alpha |= props & ALPHABETIC != 0;
                if b >= 0x80 {
                    open.ascii = false;
                    open.cjk += usize::from(cjk);
                    open.sigma |= c == 'Σ';
                    open.lowers |= props & LOWERS != 0;
                }
            } else if let Some(open) = word.take() {
                words.add(trimmed, at, &open, stopwords, out);
            }
            at += len;
        }
        if let Some(open) = word.take() {
            words.add(trimmed, trimmed.len(), &open, stopwords, out);
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
        // No non-ASCII character lowercases to these ASCII letters, so an ASCII-insensitive
        // search finds exactly what a search in `trimmed.to_lowercase()` would. An ASCII
        // character is found as a byte: memchr's SIMD search, where `str::contains` took
        // ~330 instructions a line.
        let has_url = has_web_address(bytes)
            || (memchr::memchr(b'@', bytes).is_some() && memchr::memchr(b'.', bytes).is_some());

        let ratio = |n: usize, d: usize| if d == 0 { 0.0 } else { n as f32 / d as f32 };
        LineFeatures {
            blank: false,
            chars,
            words: words.total,
            stopwords: 0,
            ends_sentence,
            inner_sentences,
            starts_upper: starts_upper.unwrap_or(false),
            title_case_ratio: ratio(words.capitalised, words.alpha),
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

/// How many bytes at the start of `bytes` are ASCII letters, eight at a time: a run of
/// letters is six bytes on average, which a byte loop took about thirty instructions for.
#[inline]
fn ascii_letters(bytes: &[u8]) -> usize {
    const LOW: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut n = 0;
    while let Some(chunk) = bytes.get(n..n + 8) {
        let x = u64::from_le_bytes(chunk.try_into().unwrap());
        // Per byte below 0x80: fold case (only letters become 'a'..='z' this way), then the
        // high bit of `h + (0x80 - b'a')` says >= 'a' and of `h + (0x80 - b'{')` says > 'z';
        // no sum carries into the next byte.
        let h = (x | (0x20 * LOW)) & !HIGH;
        let letters = (h + (0x80 - 0x61) * LOW) & !(h + (0x80 - 0x7B) * LOW) & !x & HIGH;
        let others = !letters & HIGH;
        if others != 0 {
            return n + (others.trailing_zeros() / 8) as usize;
        }
        n += 8;
    }
    n + bytes[n..]
        .iter()
        .take_while(|b| b.is_ascii_alphabetic())
        .count()
}

/// Words whose mask lists `language` (or any language when it is unknown).
pub(crate) fn count_stopwords(masks: &[u32], language: Option<Language>) -> usize {
    match language {
        Some(lang) => masks.iter().filter(|&&m| m & lang.bit() != 0).count(),
        None => masks.iter().filter(|&&m| m != 0).count(),
    }
}

/// True when `text` holds `http://`, `https://` or `www.` in any ASCII case: found from their
/// rare punctuation (`:` and `.`, one memchr each) rather than from `h` and `w`, which are
/// common letters; the same answer as searching for each of the three (`features_ref.rs`).
fn has_web_address(text: &[u8]) -> bool {
    let before = |at: usize, word: &[u8]| {
        at >= word.len() && text[at - word.len()..at].eq_ignore_ascii_case(word)
    };
    memchr::memchr_iter(b':', text).any(|at| {
        text[at + 1..].starts_with(b"//") && (before(at, b"http") || before(at, b"https"))
    }) || memchr::memchr_iter(b'.', text).any(|at| before(at, b"www"))
}

#[cfg(test)]
mod tests {
    use super::ascii_letters;

    fn by_bytes(bytes: &[u8]) -> usize {
        bytes.iter().take_while(|b| b.is_ascii_alphabetic()).count()
    }

    #[test]
    fn ascii_letters_counts_like_a_byte_loop_for_every_byte_and_position() {
        for len in 0..20 {
            for stop in 0..len {
                for b in 0..=255u8 {
                    let mut bytes: Vec<u8> = (0..len).map(|i| b"aZqMz"[i % 5]).collect();
                    bytes[stop] = b;
                    assert_eq!(ascii_letters(&bytes), by_bytes(&bytes), "{bytes:?}");
                }
            }
        }
        let all: Vec<u8> = (0..=255).collect();
        for start in 0..all.len() {
            assert_eq!(ascii_letters(&all[start..]), by_bytes(&all[start..]));
        }
    }
}
