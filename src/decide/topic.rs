//! Topic coherence: how much of a line's vocabulary the rest of the main body shares.
//!
//! A blurb about another story shares few content words with the article; a genuine
//! paragraph shares many. Counts are leave-one-out so a line does not vouch for itself.

use crate::doc::{content_words, Document, Language, StopwordSet};
use std::collections::HashMap;

/// Content-word counts of the body, to score each line against.
pub struct Vocabulary {
    counts: HashMap<String, u32>,
}

impl Vocabulary {
    /// Vocabulary of the lines for which `in_body` is true.
    pub fn of_lines(doc: &Document, in_body: impl Fn(usize) -> bool) -> Vocabulary {
        let stopwords = StopwordSet::shared();
        let mut counts: HashMap<String, u32> = HashMap::new();
        for (index, line) in doc.lines.iter().enumerate() {
            if line.is_blank() || !in_body(index) {
                continue;
            }
            for word in significant_words(&line.text, stopwords, doc.language) {
                *counts.entry(word).or_default() += 1;
            }
        }
        Vocabulary { counts }
    }

    /// Share (0..1) of the line's content words found elsewhere in the body, and how many
    /// content words the line has. `line_in_body` removes the line's own contribution.
    pub fn overlap(
        &self,
        text: &str,
        line_in_body: bool,
        language: Option<Language>,
    ) -> (f32, usize) {
        let words = significant_words(text, StopwordSet::shared(), language);
        if words.is_empty() {
            return (0.0, 0);
        }
        let mut own: HashMap<&str, u32> = HashMap::new();
        if line_in_body {
            for w in &words {
                *own.entry(w.as_str()).or_default() += 1;
            }
        }
        let shared = words
            .iter()
            .filter(|w| {
                let total = self.counts.get(w.as_str()).copied().unwrap_or(0);
                total > own.get(w.as_str()).copied().unwrap_or(0)
            })
            .count();
        (shared as f32 / words.len() as f32, words.len())
    }
}

fn significant_words(
    text: &str,
    stopwords: &StopwordSet,
    language: Option<Language>,
) -> Vec<String> {
    content_words(text)
        .into_iter()
        .filter(|w| !stopwords.is_stopword(w, language))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn on_topic_lines_overlap_and_off_topic_lines_do_not() {
        let text = "North Korean troops were deployed to Russia, officials in Seoul said.\n\
                    Seoul believes the troops will fight for Russia in Ukraine.\n\
                    A celebrity chef opened a bakery selling croissants downtown.\n";
        let doc = Document::parse(text.as_bytes(), StopwordSet::shared());
        let vocab = Vocabulary::of_lines(&doc, |i| i < 2);
        let (on, _) = vocab.overlap(&doc.lines[1].text, true, doc.language);
        let (off, _) = vocab.overlap(&doc.lines[2].text, false, doc.language);
        assert!(on >= 0.5, "{on}");
        assert!(off < 0.1, "{off}");
    }
}
