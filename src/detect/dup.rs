//! Duplicate family: a line printed again later in the same document (a caption shown twice).
//!
//! The detector only links each repeat to its previous copy; the decision stage drops a
//! repeat only when that copy is kept, so the one instance that survives is never lost.

use super::{Category, Detector, Finding, Rule};
use crate::doc::Document;
use foldhash::{HashMap, HashMapExt};

pub static REPEAT: Rule = Rule {
    id: "duplicate.repeat",
    category: Category::Duplicate,
    about: "the same line (ignoring case, spacing and punctuation) already appeared earlier in the document",
};

static RULES: &[&Rule] = &[&REPEAT];

pub struct Dup;

impl Detector for Dup {
    fn family(&self) -> &'static str {
        "duplicate"
    }

    fn rules(&self) -> &'static [&'static Rule] {
        RULES
    }

    fn detect(&self, doc: &Document, out: &mut Vec<Finding>) {
        // Keys borrow the document's parse-time normalized text: no allocation per line.
        let mut last_seen: HashMap<&str, usize> = HashMap::with_capacity(doc.len());
        for (index, line) in doc.lines.iter().enumerate() {
            if line.is_blank() || line.features.words == 0 {
                continue;
            }
            let key = doc.match_key(index);
            if let Some(previous) = last_seen.insert(key, index) {
                out.push(Finding {
                    related: Some(previous),
                    ..Finding::new(index, &REPEAT, 0.9)
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::testing::fired;

    #[test]
    fn repeats_link_to_their_previous_copy_ignoring_trailing_space_and_case() {
        let text = "A caption about a meeting. \nA caption about a meeting.\nother\nA CAPTION about a meeting\n";
        assert_eq!(
            fired(&Dup, text),
            vec![(2, "duplicate.repeat"), (4, "duplicate.repeat")]
        );
        let doc = crate::doc::Document::parse(text.as_bytes(), crate::doc::StopwordSet::shared());
        let mut out = Vec::new();
        Dup.detect(&doc, &mut out);
        assert_eq!(out[1].related, Some(1));
    }

    #[test]
    fn punctuation_only_lines_are_not_duplicates() {
        assert!(fired(&Dup, "***\n***\n").is_empty());
    }
}
