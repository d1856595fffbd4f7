//! Topic coherence: how much of a line's vocabulary the rest of the main body shares.
//!
//! A blurb about another story shares few content words with the article; a genuine
//! paragraph shares many. Counts are leave-one-out so a line does not vouch for itself.

use crate::doc::{for_each_content_word, Document, Language, StopwordSet};
use foldhash::{HashMap, HashMapExt};
use std::cell::RefCell;

/// Content-word counts of the body, to score each line against.
pub struct Vocabulary {
    counts: HashMap<Box<str>, u32>,
}

/// Reused buffers for [`Vocabulary::overlap`]: the line's words, back to back, and their spans.
#[derive(Default)]
struct Scratch {
    word: String,
    text: String,
    spans: Vec<(u32, u32)>,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::default();
}

impl Vocabulary {
    /// Vocabulary of the lines for which `in_body` is true.
    pub fn of_lines(doc: &Document, in_body: impl Fn(usize) -> bool) -> Vocabulary {
        let stopwords = StopwordSet::shared();
        let mut counts: HashMap<Box<str>, u32> = HashMap::new();
        let mut buf = String::new();
        for (index, line) in doc.lines.iter().enumerate() {
            if line.is_blank() || !in_body(index) {
                continue;
            }
            for_each_significant_word(&line.text, stopwords, doc.language, &mut buf, |word| {
                match counts.get_mut(word) {
                    Some(count) => *count += 1,
                    None => {
                        counts.insert(word.into(), 1);
                    }
                }
            });
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
        SCRATCH.with_borrow_mut(|scratch| self.overlap_in(scratch, text, line_in_body, language))
    }

    fn overlap_in(
        &self,
        scratch: &mut Scratch,
        text: &str,
        line_in_body: bool,
        language: Option<Language>,
    ) -> (f32, usize) {
        let Scratch {
            word,
            text: all,
            spans,
        } = scratch;
        all.clear();
        spans.clear();
        for_each_significant_word(text, StopwordSet::shared(), language, word, |w| {
            let start = all.len() as u32;
            all.push_str(w);
            spans.push((start, all.len() as u32));
        });
        if spans.is_empty() {
            return (0.0, 0);
        }
        let get = |&(s, e): &(u32, u32)| &all[s as usize..e as usize];
        let count = |w: &str| self.counts.get(w).copied().unwrap_or(0);
        let shared = if line_in_body {
            // Leave one out: a word is shared when the body has more copies than the line.
            spans.sort_unstable_by(|a, b| get(a).cmp(get(b)));
            let mut shared = 0;
            let mut k = 0;
            while k < spans.len() {
                let w = get(&spans[k]);
                let run = spans[k..].iter().take_while(|s| get(s) == w).count();
                if count(w) > run as u32 {
                    shared += run;
                }
                k += run;
            }
            shared
        } else {
            spans.iter().filter(|s| count(get(s)) > 0).count()
        };
        (shared as f32 / spans.len() as f32, spans.len())
    }
}

/// Content words of `text` that are not stopwords of `language`.
fn for_each_significant_word(
    text: &str,
    stopwords: &StopwordSet,
    language: Option<Language>,
    buf: &mut String,
    mut f: impl FnMut(&str),
) {
    for_each_content_word(text, buf, |w| {
        if !stopwords.is_stopword(w, language) {
            f(w);
        }
    });
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

    #[test]
    fn a_line_does_not_vouch_for_itself() {
        let text =
            "Bridge repairs bridge closure\nBridge council meeting\nUnrelated words entirely\n";
        let doc = Document::parse(text.as_bytes(), StopwordSet::shared());
        let vocab = Vocabulary::of_lines(&doc, |i| i < 2);
        // "bridge" x2 is the line's own; only the third copy in line 2 makes it shared.
        assert_eq!(
            vocab.overlap(&doc.lines[0].text, true, doc.language),
            (0.5, 4)
        );
        assert_eq!(
            vocab.overlap(&doc.lines[2].text, false, doc.language),
            (0.0, 3)
        );
    }
}
