//! One document through the whole pipeline: parse, detect, decide, render the cleaned bytes.

use crate::decide::DECISION_RULES;
use crate::decide::{decide, Decision, Mode};
use crate::detect::{detect_all, Category, Finding, MatchScope, Rule};
use crate::doc::{Document, StopwordSet};
use crate::window::{clean_in_windows, Units};

/// One removed line, as the report shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Removal {
    /// 1-based line number in the input.
    pub line: usize,
    pub category: Category,
    pub rule: &'static str,
    /// Chaff probability in [0, 1], rounded to three decimals.
    pub score: f32,
    /// The line as the heuristics read it (invalid UTF-8 shown as U+FFFD).
    pub text: String,
}

/// The cleaned copy of a document and what was removed from it.
#[derive(Debug, Default, Clone)]
pub struct Cleaned {
    pub output: Vec<u8>,
    pub removals: Vec<Removal>,
    pub lines_in: usize,
    pub lines_out: usize,
}

/// Everything the pipeline knows about a document, for `explain`.
pub struct Analysis<'a> {
    pub doc: Document<'a>,
    pub findings: Vec<Finding>,
    pub decision: Decision,
}

/// Parse, detect and decide, keeping every intermediate result.
pub fn analyze(bytes: &[u8], mode: Mode) -> Analysis<'_> {
    let _lines = MatchScope::enter(bytes);
    let doc = Document::parse(bytes, StopwordSet::shared());
    let findings = detect_all(&doc);
    let decision = decide(&doc, &findings, mode);
    Analysis {
        doc,
        findings,
        decision,
    }
}

/// Clean one document: kept lines are copied byte for byte, terminators included.
pub fn clean_document(bytes: &[u8], mode: Mode) -> Cleaned {
    clean_document_with(bytes, mode, &[])
}

/// Clean one document with findings from outside it (the corpus pass's `duplicate.site_wide`)
/// handed to the decision stage beside the detectors' own. See [`crate::corpus`].
///
/// A huge document is cleaned in windows of whole lines (see [`crate::window`]).
pub fn clean_document_with(bytes: &[u8], mode: Mode, extra: &[Finding]) -> Cleaned {
    clean_in_windows(bytes, Units::Bytes, extra, |window, extra| {
        clean_window(window, mode, extra)
    })
}

fn clean_window(bytes: &[u8], mode: Mode, extra: &[Finding]) -> Cleaned {
    // The matchers may recognise this window's lines by place while it is searched.
    let _lines = MatchScope::enter(bytes);
    let doc = Document::parse(bytes, StopwordSet::shared());
    let mut findings = detect_all(&doc);
    findings.extend_from_slice(extra);
    let decision = decide(&doc, &findings, mode);
    render(&doc, &decision)
}

/// Kept lines byte for byte; removals with the rule the decision stage gave.
fn render(doc: &Document, decision: &Decision) -> Cleaned {
    let capacity = doc
        .lines
        .iter()
        .map(|l| l.raw.len() + l.terminator.len())
        .sum();
    render_lines(
        doc.lines.iter().map(|l| (l.raw, l.terminator)),
        capacity,
        doc,
        decision,
    )
}

/// Render from `raw` (each line's bytes and terminator, aligned with `doc.lines`): the input's
/// own bytes, also when the heuristics read a decoded copy (`--encoding`).
pub(crate) fn render_lines<'a>(
    raw: impl Iterator<Item = (&'a [u8], &'a [u8])>,
    capacity: usize,
    doc: &Document,
    decision: &Decision,
) -> Cleaned {
    // Sized once: pushed one by one, the removals grew their vector three times a document.
    let removed = decision
        .verdicts
        .iter()
        .filter(|v| !v.keep && v.rule.is_some())
        .count();
    let mut cleaned = Cleaned {
        output: Vec::with_capacity(capacity),
        removals: Vec::with_capacity(removed),
        lines_in: doc.len(),
        ..Default::default()
    };
    for ((bytes, terminator), (line, verdict)) in raw.zip(doc.lines.iter().zip(&decision.verdicts))
    {
        if verdict.keep {
            cleaned.output.extend_from_slice(bytes);
            cleaned.output.extend_from_slice(terminator);
            cleaned.lines_out += 1;
        } else if let Some(rule) = verdict.rule {
            cleaned.removals.push(Removal {
                line: line.number,
                category: rule.category,
                rule: rule.id,
                score: (verdict.score * 1000.0).round() / 1000.0,
                text: line.text.trim_end_matches(['\r', '\n']).to_string(),
            });
        }
    }
    cleaned
}

/// Every rule dehusk can report, detectors first, then the decision stage's own.
pub fn all_rules() -> Vec<&'static Rule> {
    crate::detect::detector_rules()
        .chain(DECISION_RULES.iter().copied())
        .chain(std::iter::once(&crate::corpus::SITE_WIDE))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kept_lines_are_byte_identical_with_their_terminators() {
        let input = b"Home\r\nThe council voted on Monday to close the old bridge for repairs, which are expected to take most of the summer.\r\nResidents who rely on the bridge said they had not been told how long the detour would add to their commute.\r\n";
        let cleaned = clean_document(input, Mode::Balanced);
        let text = String::from_utf8(cleaned.output).unwrap();
        assert!(text.starts_with("The council"));
        assert!(text.ends_with("commute.\r\n"));
        assert_eq!(cleaned.removals.len(), 1);
        assert_eq!(cleaned.removals[0].line, 1);
    }

    #[test]
    fn empty_input_gives_empty_output() {
        let cleaned = clean_document(b"", Mode::Balanced);
        assert!(cleaned.output.is_empty());
        assert_eq!(cleaned.lines_in, 0);
    }

    #[test]
    fn every_rule_is_listed_once() {
        let rules = all_rules();
        let mut ids: Vec<_> = rules.iter().map(|r| r.id).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), rules.len());
        assert!(ids.contains(&"caption.agency_credit"));
        assert!(ids.contains(&"nav.outside_body"));
        assert!(ids.contains(&"duplicate.site_wide"));
    }
}
