//! Topic coherence: how much of a line's vocabulary the rest of the main body shares.
//!
//! A blurb about another story shares few content words with the article; a genuine
//! paragraph shares many. Counts are leave-one-out so a line does not vouch for itself.

use crate::doc::{ContentWords, Document};
use std::sync::Arc;

/// Content-word counts of the body, to score each line against.
pub struct Vocabulary {
    /// Occurrences in the body per word id of `words`.
    counts: Vec<u32>,
    words: Arc<ContentWords>,
}

impl Vocabulary {
    /// Vocabulary of the lines for which `in_body` is true.
    pub fn of_lines(doc: &Document, in_body: impl Fn(usize) -> bool) -> Vocabulary {
        let words = doc.content_words();
        let mut counts = vec![0u32; words.distinct()];
        for (index, line) in doc.lines.iter().enumerate() {
            if line.is_blank() || !in_body(index) {
                continue;
            }
            for &(id, n) in words.line(index).0 {
                counts[id as usize] += n;
            }
        }
        Vocabulary { counts, words }
    }

    /// Share (0..1) of line `line`'s content words found elsewhere in the body, and how
    /// many content words the line has. `line_in_body` removes the line's own contribution.
    pub fn overlap(&self, line: usize, line_in_body: bool) -> (f32, usize) {
        let (pairs, total) = self.words.line(line);
        self.share(pairs, total, line_in_body)
    }

    /// Leave one out: a word is shared when the body holds more copies than the line.
    fn share(&self, pairs: &[(u32, u32)], total: usize, line_in_body: bool) -> (f32, usize) {
        if total == 0 {
            return (0.0, 0);
        }
        let shared: u32 = pairs
            .iter()
            .filter(|&&(id, n)| {
                let count = self.counts.get(id as usize).copied().unwrap_or(0);
                count > if line_in_body { n } else { 0 }
            })
            .map(|&(_, n)| n)
            .sum();
        (shared as f32 / total as f32, total)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::StopwordSet;

    #[test]
    fn on_topic_lines_overlap_and_off_topic_lines_do_not() {
        let text = "North Korean troops were deployed to Russia, officials in Seoul said.\n\
                    Seoul believes the troops will fight for Russia in Ukraine.\n\
                    A celebrity chef opened a bakery selling croissants downtown.\n";
        let doc = Document::parse(text.as_bytes(), StopwordSet::shared());
        let vocab = Vocabulary::of_lines(&doc, |i| i < 2);
        let (on, _) = vocab.overlap(1, true);
        let (off, _) = vocab.overlap(2, false);
        assert!(on >= 0.5, "{on}");
        assert!(off < 0.1, "{off}");
    }

    #[test]
    fn a_line_does_not_vouch_for_itself() {
        let text =
            "Bridge repairs bridge closure\nBridge council meeting\nUnrelated words entirely\n";
        let doc = Document::parse(text.as_bytes(), StopwordSet::shared());
        let vocab = Vocabulary::of_lines(&doc, |i| i < 2);
        // "bridge" x2 is the line's own; only the third copy in line 2 makes it shared.
        assert_eq!(vocab.overlap(0, true), (0.5, 4));
        assert_eq!(vocab.overlap(2, false), (0.0, 3));
    }
}
