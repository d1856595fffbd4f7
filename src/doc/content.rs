//! Content words of every line as small integer ids, tokenized once per document.
//!
//! Topic overlap asks "how many of this line's content words does the body share?" several
//! times per line (trim, extend, decide). Tokenizing, lowercasing and hashing the line
//! again for each question was a quarter of the run time; here each line is tokenized once
//! and its words become `(id, multiplicity)` pairs, so a vocabulary is a `Vec<u32>` of
//! counts and an overlap is a few array reads.

use super::tokens::for_each_content_word;
use super::{content_kind, Document, Language, StopwordSet};
use foldhash::{HashMap, HashMapExt};

/// Where one line's words and text sit in the [`ContentWords`] buffers.
#[derive(Debug, Clone, Copy)]
struct LineSpan {
    pairs_end: u32,
    words: u32,
    text_start: u32,
    text_end: u32,
}

/// The significant (non-stopword) content words of each line of a document.
#[derive(Debug)]
pub struct ContentWords {
    language: Option<Language>,
    index: HashMap<Box<str>, u32>,
    /// Per line, `(id, multiplicity)` sorted by id, lines back to back.
    pairs: Vec<(u32, u32)>,
    lines: Vec<LineSpan>,
    /// A copy of every line's text, to recognise a line handed back as a `&str`.
    texts: String,
    by_address: HashMap<(usize, usize), u32>,
}

impl ContentWords {
    /// Tokenize every non-blank line of `doc` with the document language's stopwords.
    pub fn build(doc: &Document) -> ContentWords {
        let stopwords = StopwordSet::shared();
        let mut words = ContentWords {
            language: doc.language,
            index: HashMap::new(),
            pairs: Vec::new(),
            lines: Vec::with_capacity(doc.len()),
            texts: String::new(),
            by_address: HashMap::new(),
        };
        let (mut buf, mut ids) = (String::new(), Vec::new());
        for (i, line) in doc.lines.iter().enumerate() {
            let text: &str = &line.text;
            let text_start = words.texts.len() as u32;
            if !line.is_blank() {
                let (masks, kinds) = doc.word_facts(i);
                // OTHER is the largest kind; `max` is a plain loop, where `contains` calls
                // memchr, which costs more than these few bytes.
                if kinds.iter().max() == Some(&content_kind::OTHER) {
                    words.ids_of(text, stopwords, doc.language, &mut buf, &mut ids, true);
                } else {
                    words.ids_of_keys(doc.match_key(i), masks, kinds, doc.language, &mut ids);
                }
                words.push_pairs(&mut ids);
                words.texts.push_str(text);
                words
                    .by_address
                    .insert((text.as_ptr() as usize, text.len()), i as u32);
            }
            words.lines.push(LineSpan {
                pairs_end: words.pairs.len() as u32,
                words: ids.len() as u32,
                text_start,
                text_end: words.texts.len() as u32,
            });
            ids.clear();
        }
        words
    }

    /// Ids of the significant words of `text`, in order; unknown words get `u32::MAX`
    /// unless `add` gives them a new id.
    fn ids_of(
        &mut self,
        text: &str,
        stopwords: &StopwordSet,
        language: Option<Language>,
        buf: &mut String,
        out: &mut Vec<u32>,
        add: bool,
    ) {
        for_each_content_word(text, buf, |w| {
            if stopwords.is_stopword(w, language) {
                return;
            }
            out.push(self.id_of(w, add));
        });
    }

    /// The id of `word`: a new one when it is unknown and `add` says so, else `u32::MAX`.
    fn id_of(&mut self, word: &str, add: bool) -> u32 {
        match self.index.get(word) {
            Some(&id) => id,
            None if add => {
                let id = self.index.len() as u32;
                self.index.insert(word.into(), id);
                id
            }
            None => u32::MAX,
        }
    }

    /// [`Self::ids_of`] (adding new words) from the line's parse-time key and word facts:
    /// the same tokens, already lowercased, with their stopword masks already looked up.
    fn ids_of_keys(
        &mut self,
        key: &str,
        masks: &[u32],
        kinds: &[u8],
        language: Option<Language>,
        out: &mut Vec<u32>,
    ) {
        // A long line's key ends with a hash after its words; `masks` stops before it.
        // Words are split by hand: `str::split` calls memchr per word, slow for short words.
        let mut rest = key;
        for (&mask, &kind) in masks.iter().zip(kinds) {
            let end = rest.bytes().position(|b| b == b' ').unwrap_or(rest.len());
            let word = &rest[..end];
            rest = rest.get(end + 1..).unwrap_or("");
            let stopword = match language {
                Some(lang) => mask & lang.bit() != 0,
                None => mask != 0,
            };
            if kind != content_kind::KEY || stopword {
                continue;
            }
            out.push(self.id_of(word, true));
        }
    }

    /// Sort `ids` and append them to `pairs` as `(id, multiplicity)` runs.
    fn push_pairs(&mut self, ids: &mut [u32]) {
        ids.sort_unstable();
        let start = self.lines.last().map_or(0, |l| l.pairs_end as usize);
        for &id in ids.iter() {
            let in_line = self.pairs.len() > start;
            match self.pairs.last_mut() {
                Some((last, n)) if in_line && *last == id => *n += 1,
                _ => self.pairs.push((id, 1)),
            }
        }
    }

    /// Number of distinct words in the document (ids are below this).
    pub fn distinct(&self) -> usize {
        self.index.len()
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

    /// The line whose text is `text` (the same string slice, with the same content).
    pub fn find_line(&self, text: &str, language: Option<Language>) -> Option<usize> {
        if language != self.language {
            return None;
        }
        let &i = self.by_address.get(&(text.as_ptr() as usize, text.len()))?;
        let span = self.lines[i as usize];
        (&self.texts[span.text_start as usize..span.text_end as usize] == text)
            .then_some(i as usize)
    }

    /// Pairs for any text (unknown words share the id `u32::MAX`) and its number of words.
    pub fn pairs_of(&self, text: &str, language: Option<Language>) -> (Vec<(u32, u32)>, usize) {
        let mut ids = Vec::new();
        let mut buf = String::new();
        let stopwords = StopwordSet::shared();
        for_each_content_word(text, &mut buf, |w| {
            if !stopwords.is_stopword(w, language) {
                ids.push(self.index.get(w).copied().unwrap_or(u32::MAX));
            }
        });
        ids.sort_unstable();
        let mut pairs: Vec<(u32, u32)> = Vec::new();
        for &id in &ids {
            match pairs.last_mut() {
                Some((last, n)) if *last == id => *n += 1,
                _ => pairs.push((id, 1)),
            }
        }
        (pairs, ids.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_become_sorted_id_runs_and_are_found_again_by_their_text() {
        let text = "Bridge repairs bridge\n\nCouncil bridge\n";
        let doc = Document::parse(text.as_bytes(), StopwordSet::shared());
        let words = ContentWords::build(&doc);
        assert_eq!(words.distinct(), 3);
        let (pairs, n) = words.line(0);
        assert_eq!(n, 3);
        assert_eq!(pairs, &[(0, 2), (1, 1)]);
        assert_eq!(words.line(1), (&[][..], 0));
        assert_eq!(words.line(2).1, 2);
        assert_eq!(words.find_line(&doc.lines[2].text, doc.language), Some(2));
        let copy = doc.lines[2].text.to_string();
        assert_eq!(words.find_line(&copy, doc.language), None);
        assert_eq!(
            words.pairs_of(&copy, doc.language),
            (vec![(0, 1), (2, 1)], 2)
        );
        assert_eq!(
            words.pairs_of("zebra quagga", doc.language).0,
            vec![(u32::MAX, 2)]
        );
    }
}
