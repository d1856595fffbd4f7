//! Passes over the verdicts once every line is weighed: leftovers of removed blocks go,
//! weak gaps inside the body come back, and blank runs a removal left collapse.

use super::{is_short_fact_row, Verdict, FRAGMENT, ISOLATED};
use crate::doc::Document;

/// Prose score below which a kept line between two dropped lines goes with them.
const ISOLATED_PROSE: f32 = 2.0;
/// A dropped fragment this short and this weakly scored, between two kept lines, stays.
const GAP_WORDS: usize = 4;
const GAP_SCORE: f32 = 0.8;

/// A kept line that does not read as prose, with the lines on both sides of it dropped, is
/// what is left of a removed block: a caption, a link or a headline among teasers. Fact rows
/// ("Ort: Berlin") are facts whatever surrounds them, and a headline that joined the body for
/// being on topic was kept on purpose: both stay.
pub(super) fn drop_isolated(
    doc: &Document,
    nonblank: &[usize],
    prose: &[f32],
    extended: &[bool],
    verdicts: &mut [Verdict],
) {
    let kept: Vec<bool> = nonblank.iter().map(|&i| verdicts[i].keep).collect();
    for (k, &i) in nonblank.iter().enumerate() {
        let alone = kept[k]
            && !k.checked_sub(1).is_some_and(|p| kept[p])
            && !kept.get(k + 1).copied().unwrap_or(false);
        if alone && prose[i] < ISOLATED_PROSE && !extended[i] && !is_short_fact_row(&doc.lines[i]) {
            verdicts[i] = Verdict {
                keep: false,
                rule: Some(&ISOLATED),
                score: verdicts[i].score.max(0.5),
            };
        }
    }
}

/// The other way round: a word or two inside the body that no detector flagged, dropped
/// only for its shape, with kept lines on both sides, is part of the text around it (a
/// list item, a table cell, a name under a quote). Only weak drops are restored.
pub(super) fn fill_gaps(doc: &Document, nonblank: &[usize], verdicts: &mut [Verdict]) {
    let kept: Vec<bool> = nonblank.iter().map(|&i| verdicts[i].keep).collect();
    for (k, &i) in nonblank.iter().enumerate() {
        let v = verdicts[i];
        let between = k > 0 && kept[k - 1] && kept.get(k + 1).copied().unwrap_or(false);
        if between
            && v.rule.is_some_and(|r| std::ptr::eq(r, &FRAGMENT))
            && v.score < GAP_SCORE
            && doc.lines[i].features.words <= GAP_WORDS
        {
            verdicts[i] = Verdict {
                keep: true,
                rule: None,
                score: v.score,
            };
        }
    }
}

/// Blank lines between two kept lines stay as they were unless something between those
/// lines was dropped; then the gap keeps one blank line. Blank lines before the first or
/// after the last kept line go when a removal left them there.
pub(super) fn collapse_blank_runs(doc: &Document, verdicts: &mut [Verdict]) {
    let mut gap: Vec<usize> = Vec::new();
    let mut dropped_in_gap = false;
    let mut seen_kept = false;
    for (i, line) in doc.lines.iter().enumerate() {
        if line.is_blank() {
            gap.push(i);
            continue;
        }
        if verdicts[i].keep {
            if dropped_in_gap {
                let keep_first = seen_kept;
                for (j, &b) in gap.iter().enumerate() {
                    verdicts[b].keep = keep_first && j == 0;
                }
            }
            gap.clear();
            dropped_in_gap = false;
            seen_kept = true;
        } else {
            dropped_in_gap = true;
        }
    }
    if dropped_in_gap || !seen_kept {
        for &b in &gap {
            verdicts[b].keep = seen_kept && !dropped_in_gap;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decide::OUTSIDE_BODY;
    use crate::doc::StopwordSet;

    #[test]
    fn a_short_line_left_between_dropped_lines_goes() {
        let doc = Document::parse(
            b"Home\nRelated headline about another story\nContact\nOrt: Berlin\nImpressum\n",
            StopwordSet::shared(),
        );
        let nonblank: Vec<usize> = doc.nonblank().collect();
        let prose: Vec<f32> = vec![-2.0, 0.5, -2.0, -1.0, -2.0];
        let mut verdicts = vec![Verdict::KEPT; doc.len()];
        for i in [0, 2, 4] {
            verdicts[i].keep = false;
        }
        drop_isolated(&doc, &nonblank, &prose, &[false; 5], &mut verdicts);
        let keeps: Vec<bool> = verdicts.iter().map(|v| v.keep).collect();
        assert_eq!(keeps, vec![false, false, false, true, false]);
        // A paragraph between two dropped lines is not a leftover.
        let mut verdicts = vec![Verdict::KEPT; doc.len()];
        verdicts[0].keep = false;
        verdicts[2].keep = false;
        drop_isolated(
            &doc,
            &nonblank,
            &[-2.0, 4.0, -2.0, -1.0, -2.0],
            &[false; 5],
            &mut verdicts,
        );
        assert!(verdicts[1].keep);
    }

    #[test]
    fn a_weak_fragment_between_kept_lines_stays() {
        let doc = Document::parse(
            b"First line\nHL7\nThird line\nMenu\n",
            StopwordSet::shared(),
        );
        let nonblank: Vec<usize> = doc.nonblank().collect();
        let weak = Verdict {
            keep: false,
            rule: Some(&FRAGMENT),
            score: 0.5,
        };
        let mut verdicts = vec![Verdict::KEPT, weak, Verdict::KEPT, weak];
        fill_gaps(&doc, &nonblank, &mut verdicts);
        let keeps: Vec<bool> = verdicts.iter().map(|v| v.keep).collect();
        assert_eq!(keeps, vec![true, true, true, false]);
        // A detector's finding is not second-guessed.
        let mut verdicts = vec![
            Verdict::KEPT,
            Verdict {
                rule: Some(&OUTSIDE_BODY),
                ..weak
            },
            Verdict::KEPT,
            weak,
        ];
        fill_gaps(&doc, &nonblank, &mut verdicts);
        assert!(!verdicts[1].keep);
    }

    #[test]
    fn blank_runs_left_by_a_removal_collapse_to_one() {
        let doc = Document::parse(b"a\n\nb\n\n\nc\n", StopwordSet::shared());
        let mut verdicts = vec![Verdict::KEPT; doc.len()];
        verdicts[2].keep = false; // drop "b"
        collapse_blank_runs(&doc, &mut verdicts);
        let keeps: Vec<bool> = verdicts.iter().map(|v| v.keep).collect();
        assert_eq!(keeps, vec![true, true, false, false, false, true]);
    }

    #[test]
    fn untouched_blank_runs_stay_as_they_were() {
        let doc = Document::parse(b"a\n\n\nb\n", StopwordSet::shared());
        let mut verdicts = vec![Verdict::KEPT; doc.len()];
        collapse_blank_runs(&doc, &mut verdicts);
        assert!(verdicts.iter().all(|v| v.keep));
    }

    #[test]
    fn leading_blanks_left_by_a_removal_go() {
        let doc = Document::parse(b"menu\n\nText\n", StopwordSet::shared());
        let mut verdicts = vec![Verdict::KEPT; doc.len()];
        verdicts[0].keep = false;
        collapse_blank_runs(&doc, &mut verdicts);
        assert_eq!(
            verdicts.iter().map(|v| v.keep).collect::<Vec<_>>(),
            vec![false, false, true]
        );
    }
}
