//! Content words of every line as small integer ids, tokenized once per document.
//!
//! Topic overlap asks "how many of this line's content words does the body share?" several
//! times per line (trim, extend, decide). Tokenizing, lowercasing and hashing the line
//! again for each question was a quarter of the run time; here each line is tokenized once
//! and its words become `(id, multiplicity)` pairs, so a vocabulary is a `Vec<u32>` of
//! counts and an overlap is a few array reads.
//!
//! Callers ask by line index, so the word -> id map is needed only while building: its keys
//! borrow the document's parse-time keys instead of owning a copy of every word.

use super::interner::{Interner, Run};
use super::tokens::for_each_content_word;
use super::{content_kind, Document, StopwordSet};

/// Whether any word is [`content_kind::OTHER`]: the only kind with bit 1 set, so the
/// words' facts are OR-ed together and that one bit tested.
fn any_other(facts: &[u32]) -> bool {
    const _: () = assert!(
        content_kind::OTHER & 2 != 0 && content_kind::KEY & 2 == 0 && content_kind::NONE & 2 == 0
    );
    let any = facts.iter().fold(0, |any, &fact| any | fact);
    content_kind::of(any) & 2 != 0
}

/// Where one line's pairs end in [`ContentWords::pairs`], and its number of words.
#[derive(Debug, Clone, Copy)]
struct LineSpan {
    pairs_end: u32,
    words: u32,
}

/// The significant (non-stopword) content words of each line of a document.
#[derive(Debug)]
pub struct ContentWords {
    distinct: usize,
    /// Per line, `(id, multiplicity)` with each id once, in order of first occurrence; lines
    /// back to back.
    pairs: Vec<(u32, u32)>,
    lines: Vec<LineSpan>,
}

impl ContentWords {
    /// Tokenize every non-blank line of `doc` with the document language's stopwords.
    pub fn build(doc: &Document) -> ContentWords {
        let stopwords = StopwordSet::shared();
        // `None` (no language guessed) counts a word listed by any language as a stopword.
        let stop_bits = doc
            .language
            .map_or(content_kind::LANGUAGES, |lang| lang.bit());
        let mut ids = Interner::new(doc.facts.masks.len());
        let mut runs = LineRuns {
            pairs: Vec::with_capacity(doc.facts.masks.len()),
            ..LineRuns::default()
        };
        let mut lines = Vec::with_capacity(doc.len());
        let mut buf = String::new();
        for (i, line) in doc.lines.iter().enumerate() {
            let mut words = 0u32;
            if !line.is_blank() {
                let facts = doc.word_facts(i);
                runs.start_line();
                if any_other(facts) {
                    for_each_content_word(&line.text, &mut buf, |w| {
                        if stopwords.mask(w) & stop_bits == 0 {
                            runs.add(ids.run_of_owned(w.as_bytes()));
                            words += 1;
                        }
                    });
                } else {
                    // Only KEY words that are not stopwords count; each needs its place in
                    // the key all the same.
                    let mut key = KeyWords::new(doc.match_key(i).as_bytes());
                    for &fact in facts {
                        let word = key.next_word_of(content_kind::key_len(fact));
                        if content_kind::of(fact) == content_kind::KEY && fact & stop_bits == 0 {
                            runs.add(ids.run_of(word));
                            words += 1;
                        }
                    }
                }
            }
            lines.push(LineSpan {
                pairs_end: runs.pairs.len() as u32,
                words,
            });
        }
        ContentWords {
            distinct: ids.len(),
            pairs: runs.pairs,
            lines,
        }
    }

    /// Number of distinct words in the document (ids are below this).
    pub fn distinct(&self) -> usize {
        self.distinct
    }

    /// Line `i`'s `(id, multiplicity)` pairs and its number of words.
    pub fn line(&self, i: usize) -> (&[(u32, u32)], usize) {
        let start = i
            .checked_sub(1)
            .map_or(0, |p| self.lines[p].pairs_end as usize);
        let span = self.lines[i];
        (
            &self.pairs[start..span.pairs_end as usize],
            span.words as usize,
        )
    }
}

/// Collects each line's `(id, multiplicity)` pairs without sorting: each word's [`Run`]
/// tells the last line it was added to and where its pair sits.
#[derive(Default)]
struct LineRuns {
    pairs: Vec<(u32, u32)>,
    /// The current line, from 1 (a new word's run says line 0).
    line: u32,
}

impl LineRuns {
    fn start_line(&mut self) {
        self.line += 1;
    }

    // Called from two loops; left to itself the compiler stops inlining it (+15 M
    // instructions on the generated corpus).
    #[inline(always)]
    fn add(&mut self, run: &mut Run) {
        if run.line == self.line {
            self.pairs[run.pair as usize].1 += 1;
        } else {
            *run = Run {
                id: run.id,
                line: self.line,
                pair: self.pairs.len() as u32,
            };
            self.pairs.push((run.id, 1));
        }
    }
}

/// The space-separated words of a key, one after another. A long line's key ends with a
/// hash after its words, which the caller never asks for.
struct KeyWords<'d> {
    key: &'d [u8],
    at: usize,
}

impl<'d> KeyWords<'d> {
    fn new(key: &'d [u8]) -> KeyWords<'d> {
        KeyWords { key, at: 0 }
    }

    /// The next word, of `len` bytes when that is known (not 0): the parse's length of it.
    #[inline(always)]
    fn next_word_of(&mut self, len: usize) -> &'d [u8] {
        if len == 0 {
            return self.next_word();
        }
        let start = self.at;
        self.at += len + 1;
        &self.key[start..start + len]
    }

    /// The next word (empty past the end). Spaces are found eight bytes at a time: words
    /// are short, and `str::split` calls memchr per word, slow for short words.
    fn next_word(&mut self) -> &'d [u8] {
        let rest = &self.key[self.at.min(self.key.len())..];
        let end = space_in(rest).unwrap_or(rest.len());
        self.at += end + 1;
        &rest[..end]
    }
}

/// The index of the first space in `bytes`.
fn space_in(bytes: &[u8]) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let mut chunks = bytes.chunks_exact(8);
    let mut offset = 0;
    for chunk in &mut chunks {
        let word = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        let x = word ^ (ONES * u64::from(b' '));
        // A zero byte of `x` (a space) sets its high bit here; bytes above the first zero
        // may be flagged wrongly, but the lowest flag is always exact.
        let zero = x.wrapping_sub(ONES) & !x & HIGHS;
        if zero != 0 {
            return Some(offset + (zero.trailing_zeros() / 8) as usize);
        }
        offset += 8;
    }
    chunks
        .remainder()
        .iter()
        .position(|&b| b == b' ')
        .map(|p| offset + p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_become_id_runs_in_first_occurrence_order() {
        let text = "Bridge repairs bridge\n\nCouncil bridge\n";
        let doc = Document::parse(text.as_bytes(), StopwordSet::shared());
        let words = ContentWords::build(&doc);
        assert_eq!(words.distinct(), 3);
        let (pairs, n) = words.line(0);
        assert_eq!(n, 3);
        assert_eq!(pairs, &[(0, 2), (1, 1)]);
        assert_eq!(words.line(1), (&[][..], 0));
        assert_eq!(words.line(2), (&[(2, 1), (0, 1)][..], 2));
    }

    #[test]
    fn a_word_has_one_id_in_keyed_and_retokenized_lines() {
        // The second line holds unspaced script, so it is tokenized again from its text;
        // "tokyo" must keep the id it got from the first line's key, and the reverse.
        let text = "Tokyo tower visit\n東京 tokyo osaka\nOsaka castle\n";
        let doc = Document::parse(text.as_bytes(), StopwordSet::shared());
        let words = ContentWords::build(&doc);
        let ids = |i: usize| -> Vec<u32> { words.line(i).0.iter().map(|p| p.0).collect() };
        let (first, second, third) = (ids(0), ids(1), ids(2));
        assert_eq!(first.len(), 3);
        assert!(second.contains(&first[0]), "{first:?} {second:?}");
        assert_eq!(third.len(), 2);
        assert!(second.contains(&third[0]), "{second:?} {third:?}");
        assert_eq!(words.distinct(), 6);
    }

    #[test]
    fn repeated_words_add_up_within_a_line_only() {
        let text = "alpha beta alpha gamma alpha beta\nbeta alpha\n";
        let doc = Document::parse(text.as_bytes(), StopwordSet::shared());
        let words = ContentWords::build(&doc);
        assert_eq!(words.line(0), (&[(0, 3), (1, 2), (2, 1)][..], 6));
        assert_eq!(words.line(1), (&[(1, 1), (0, 1)][..], 2));
    }

    #[test]
    fn spaces_are_found_in_every_position_of_a_chunk_and_the_tail() {
        for len in 0..20 {
            for at in 0..len {
                let mut bytes = vec![b'x'; len];
                bytes[at] = b' ';
                assert_eq!(space_in(&bytes), Some(at), "{len} {at}");
                // A later space does not hide an earlier one.
                bytes[len - 1] = b' ';
                assert_eq!(space_in(&bytes), Some(at), "{len} {at}");
            }
            assert_eq!(space_in(&vec![b'x'; len]), None);
        }
        // Bytes next to a space's value (0x1f, 0x21) and high bytes are not spaces.
        assert_eq!(space_in(b"\x1f!\xe2\x80\xa0\x21\x1fab c"), Some(9));
    }

    #[test]
    fn any_other_finds_an_other_kind_in_every_position() {
        use content_kind::{KEY, LANGUAGES, NONE, OTHER, SHIFT};
        for len in 0..20 {
            // Language bits, all of them set, never read as a kind.
            let plain: Vec<u32> = (0..len)
                .map(|i| u32::from([NONE, KEY][i % 2]) << SHIFT | LANGUAGES)
                .collect();
            assert!(!any_other(&plain), "{len}");
            for at in 0..len {
                let mut kinds = plain.clone();
                kinds[at] = u32::from(OTHER) << SHIFT;
                assert!(any_other(&kinds), "{len} {at}");
            }
        }
    }

    #[test]
    fn key_words_walk_the_key_and_stop_empty() {
        let mut key = KeyWords::new(b"one two  three");
        assert_eq!(key.next_word(), b"one");
        assert_eq!(key.next_word(), b"two");
        assert_eq!(key.next_word(), b"");
        assert_eq!(key.next_word(), b"three");
        assert_eq!(key.next_word(), b"");
        assert_eq!(key.next_word(), b"");
    }
}
