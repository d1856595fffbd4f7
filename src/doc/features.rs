//! Per-line shape features (length, stopword density, punctuation, case, digits), computed once.

use super::chars::{
    class, decode, ALPHABETIC, ALPHANUMERIC, ASCII, LOWERCASE, LOWERS, NUMERIC, UPPERCASE,
    WHITESPACE,
};
use super::lang::{Language, StopwordSet};
use super::letters::ascii_letters;
use super::tokens::is_unspaced_script;
use super::word_facts::{content_kind, OpenWord, WordFacts, WordTally};

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
    /// language guess and the count share one lookup per word, with what the topic
    /// tokenizer makes of the word in its top byte. The line's lowercased words,
    /// space-separated (its [`super::normalize_for_match`] key), are appended to `out.keys`.
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
        // `chars` and `nonspace` follow at the end from the bytes that are not a character's
        // first (only non-ASCII characters have them) and the whitespace characters, so a
        // run of letters changes no counter.
        let (mut continuation, mut white) = (0usize, 0usize);
        let (mut digits, mut symbols, mut unspaced) = (0usize, 0usize, 0usize);
        let mut separators = 0usize;
        let mut prev = ' ';
        // Whether `prev` is a sentence mark: found where such a character is read, so the
        // space after a letter (most spaces) tests one flag.
        let mut prev_stop = false;
        let mut digit_run = 0usize;
        let mut inner_sentences = 0usize;
        let mut after_stop = false;
        let mut words = WordTally::default();
        // ASCII punctuation seen, one bit per byte value modulo 64: which of the marks of an
        // address (`:`, `.`, `@`) the line can hold, so most lines skip their searches.
        let mut marks = 0u64;
        let mut at = 0;
        while at < bytes.len() {
            let b = bytes[at];
            if b == b' ' {
                // The space between words, the commonest byte after letters, is the only
                // character that can start a new sentence.
                white += 1;
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
            if props & ALPHANUMERIC != 0 {
                // A word: read to its end here, so the state of an open word lives in this
                // block. Only its first character can start a sentence; none of its
                // characters is whitespace, a symbol, a separator or a sentence mark.
                if after_stop && props & UPPERCASE != 0 {
                    inner_sentences += 1;
                }
                after_stop = false;
                let mut word = OpenWord::at(at, props);
                let mut b = b;
                loop {
                    if b.is_ascii_alphabetic() {
                        // A run of ASCII letters, most of the bytes of prose, is taken at once.
                        let run = ascii_letters(&bytes[at..]);
                        word.chars += run;
                        word.alpha = true;
                        digit_run = 0;
                        at += run;
                        // The run is maximal: the byte after it is no ASCII letter, so it
                        // skips that test (most words end here, at a space).
                        match bytes.get(at) {
                            Some(&next) => b = next,
                            None => break,
                        }
                    }
                    if b.is_ascii_digit() {
                        digits += 1;
                        digit_run += 1;
                        word.chars += 1;
                        at += 1;
                    } else if b >= 0x80 {
                        let c = decode(bytes, at);
                        let props = class(c);
                        if props & ALPHANUMERIC == 0 {
                            break;
                        }
                        if props & NUMERIC != 0 {
                            digits += 1;
                        }
                        let cjk = is_unspaced_script(c);
                        unspaced += usize::from(cjk);
                        digit_run = 0;
                        word.chars += 1;
                        word.alpha |= props & ALPHABETIC != 0;
                        word.ascii = false;
                        word.cjk += usize::from(cjk);
                        word.sigma |= c == 'Σ';
                        word.lowers |= props & LOWERS != 0;
                        continuation += c.len_utf8() - 1;
                        at += c.len_utf8();
                    } else {
                        break;
                    }
                    match bytes.get(at) {
                        Some(&next) => b = next,
                        None => break,
                    }
                }
                words.add(trimmed, at, &word, stopwords, out);
                prev_stop = false;
                // Most words end at a space, taken here: after a word it cannot start a
                // sentence (`prev_stop` is false), so it only counts.
                if bytes.get(at) == Some(&b' ') {
                    white += 1;
                    digit_run = 0;
                    prev = ' ';
                    at += 1;
                } else {
                    // Only a space, a full stop and the sentence marks are asked of `prev`:
                    // any letter or digit stands for the word's last character.
                    prev = 'a';
                }
                continue;
            }
            // Neither a space nor part of a word: punctuation, symbols, other whitespace.
            continuation += len - 1;
            if props & WHITESPACE != 0 {
                white += 1;
            } else {
                after_stop = false;
                // Not alphanumeric: a symbol, in an unspaced script or not.
                symbols += 1;
                if b >= 0x80 && is_unspaced_script(c) {
                    unspaced += 1;
                }
            }
            // Separators and sentence marks: ASCII has three, tested first.
            if b < 0x80 {
                // A full stop sets its mark only after "www": most lines have a full stop,
                // few an address, and the e-mail test below does not need the mark.
                if b != b'.' || (at >= 3 && bytes[at - 3..at].eq_ignore_ascii_case(b"www")) {
                    marks |= mark(b);
                }
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
            if c != '.' {
                digit_run = 0;
            }
            prev = c;
            prev_stop = matches!(c, '.' | '!' | '?' | '。' | '！' | '？');
            at += len;
        }
        let chars = bytes.len() - continuation;
        let nonspace = chars - white;

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
        let has_url = has_web_address(bytes, marks)
            || (marks & mark(b'@') != 0
                && memchr::memchr(b'@', bytes).is_some()
                && memchr::memchr(b'.', bytes).is_some());

        let ratio = |n: usize, d: usize| if d == 0 { 0.0 } else { n as f32 / d as f32 };
        LineFeatures {
            blank: false,
            chars,
            words: words.total,
            stopwords: 0,
            ends_sentence,
            inner_sentences,
            starts_upper: starts_upper(bytes),
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

/// Whether the first letter of `text` (valid UTF-8) is uppercase, or of a script without
/// case: `c.is_uppercase() || !c.is_lowercase()`; false without letters. Found apart from
/// the loop over the characters, where it was a test per run of letters, though the first
/// letter of a line is nearly always its first byte.
fn starts_upper(text: &[u8]) -> bool {
    let mut at = 0;
    while at < text.len() {
        let (props, len) = match text[at] {
            b if b < 0x80 => (ASCII[b as usize], 1),
            _ => {
                let c = decode(text, at);
                (class(c), c.len_utf8())
            }
        };
        if props & ALPHABETIC != 0 {
            return props & UPPERCASE != 0 || props & LOWERCASE == 0;
        }
        at += len;
    }
    false
}

/// Words whose mask lists `language` (or any language when it is unknown); the masks carry
/// their words' kinds above the language bits.
pub(crate) fn count_stopwords(masks: &[u32], language: Option<Language>) -> usize {
    match language {
        Some(lang) => masks.iter().filter(|&&m| m & lang.bit() != 0).count(),
        None => masks
            .iter()
            .filter(|&&m| m & content_kind::LANGUAGES != 0)
            .count(),
    }
}

/// The bit of `marks` (see [`LineFeatures::measure_trimmed`]) an ASCII byte sets. Bytes 64
/// apart share one: a false alarm only costs the exact search.
const fn mark(b: u8) -> u64 {
    1 << (b & 63)
}

/// True when `text` holds `http://`, `https://` or `www.` in any ASCII case: found from their
/// rare punctuation (`:` and `.`, one memchr each) rather than from `h` and `w`, which are
/// common letters; the same answer as searching for each of the three (`features_ref.rs`).
/// `marks` tells which of the two the line may hold (a `.` marks only after `www`); the other
/// is not searched for.
fn has_web_address(text: &[u8], marks: u64) -> bool {
    let before = |at: usize, word: &[u8]| {
        at >= word.len() && text[at - word.len()..at].eq_ignore_ascii_case(word)
    };
    (marks & mark(b':') != 0
        && memchr::memchr_iter(b':', text).any(|at| {
            text[at + 1..].starts_with(b"//") && (before(at, b"http") || before(at, b"https"))
        }))
        || (marks & mark(b'.') != 0 && memchr::memchr_iter(b'.', text).any(|at| before(at, b"www")))
}
