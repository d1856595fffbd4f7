//! Detectors: each family finds suspect lines and records findings; none of them removes anything.
//!
//! A finding says "line i looks like chaff of this kind, by this rule, with this strength".
//! The decision stage ([`crate::decide`]) weighs findings against the line's own prose
//! signal and its position relative to the main body, so the report can explain every drop.

mod bio;
mod caption;
mod cards;
mod dup;
mod lower;
mod matcher;
mod nav;
pub mod patterns;
mod program;
mod promo;
mod teaser;
mod titled;
mod word_answers;

use crate::doc::Document;
use serde::Serialize;
use std::fmt;

pub use dup::REPEAT as DUPLICATE;
pub use matcher::{Matcher, Scope as MatchScope};
pub use nav::{is_date_stamp, names_a_date};
pub use teaser::is_teaser_marker;

/// What kind of chaff a rule catches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Category {
    Promo,
    Caption,
    Teaser,
    Navigation,
    Duplicate,
}

impl Category {
    pub const ALL: [Category; 5] = [
        Category::Promo,
        Category::Caption,
        Category::Teaser,
        Category::Navigation,
        Category::Duplicate,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Category::Promo => "promo",
            Category::Caption => "caption",
            Category::Teaser => "teaser",
            Category::Navigation => "navigation",
            Category::Duplicate => "duplicate",
        }
    }

    pub fn parse(name: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.as_str() == name)
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A stable rule id with its category and a one-line description for `dehusk rules`.
#[derive(Debug, PartialEq, Eq)]
pub struct Rule {
    pub id: &'static str,
    pub category: Category,
    pub about: &'static str,
}

/// One detector's opinion about one line.
#[derive(Debug, Clone, Copy)]
pub struct Finding {
    /// Index of the line in [`Document::lines`] (0-based).
    pub line: usize,
    pub rule: &'static Rule,
    /// Strength of the evidence in [0, 1]: 1 means the pattern alone settles it.
    pub score: f32,
    /// Another line this finding depends on (the earlier copy of a repeated line).
    pub related: Option<usize>,
}

impl Finding {
    pub fn new(line: usize, rule: &'static Rule, score: f32) -> Finding {
        Finding {
            line,
            rule,
            score,
            related: None,
        }
    }
}

/// A family of rules that looks at a whole document and records findings.
pub trait Detector: Send + Sync {
    /// Short family name (`promo`, `caption`, ...).
    fn family(&self) -> &'static str;
    /// Every rule this family can fire, for `dehusk rules`.
    fn rules(&self) -> &'static [&'static Rule];
    /// Append findings for `doc` to `out`.
    fn detect(&self, doc: &Document, out: &mut Vec<Finding>);
}

/// Every detector, in a fixed order (the order findings are recorded in).
pub fn all_detectors() -> &'static [&'static dyn Detector] {
    &[
        &promo::Promo,
        &caption::Caption,
        &teaser::Teaser,
        &cards::Cards,
        &titled::Titled,
        &bio::Bio,
        &nav::Nav,
        &dup::Dup,
    ]
}

/// Every rule a detector can fire, in catalogue order.
pub fn detector_rules() -> impl Iterator<Item = &'static Rule> {
    all_detectors()
        .iter()
        .flat_map(|d| d.rules().iter().copied())
}

/// Run every detector over `doc`.
pub fn detect_all(doc: &Document) -> Vec<Finding> {
    let mut findings = Vec::new();
    for detector in all_detectors() {
        detector.detect(doc, &mut findings);
    }
    findings
}

#[cfg(test)]
pub(crate) mod testing {
    use super::*;
    use crate::doc::StopwordSet;

    /// Findings of `detector` on `text`, as (1-based line, rule id) pairs.
    pub fn fired(detector: &dyn Detector, text: &str) -> Vec<(usize, &'static str)> {
        let doc = Document::parse(text.as_bytes(), StopwordSet::shared());
        let mut out = Vec::new();
        detector.detect(&doc, &mut out);
        out.iter().map(|f| (f.line + 1, f.rule.id)).collect()
    }

    /// Calls `f` on every line of the bundled and shared texts; returns how many there were.
    pub fn for_each_line(mut f: impl FnMut(&str)) -> usize {
        let mut lines = 0;
        for file in crate::test_texts::bundled()
            .into_iter()
            .chain(crate::test_texts::shared())
        {
            let text = String::from_utf8_lossy(&std::fs::read(&file).unwrap()).into_owned();
            text.lines().for_each(&mut f);
            lines += text.lines().count();
        }
        lines
    }

    /// Rule ids fired on a single-line document.
    pub fn fired_on_line(detector: &dyn Detector, line: &str) -> Vec<&'static str> {
        fired(detector, line)
            .into_iter()
            .map(|(_, id)| id)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn rule_ids_are_unique_and_prefixed_by_their_family() {
        let mut seen = HashSet::new();
        for detector in all_detectors() {
            for rule in detector.rules() {
                assert!(seen.insert(rule.id), "duplicate rule id {}", rule.id);
                let family = rule.id.split('.').next().unwrap();
                assert!(
                    !family.is_empty() && rule.id.contains('.'),
                    "bad id {}",
                    rule.id
                );
            }
        }
    }
}
