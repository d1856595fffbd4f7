//! The one place that removes: findings + prose shape + position + topic -> keep or drop.
//!
//! Every line gets a chaff score `z` (log-odds): its own prose score pulls it towards
//! keeping, detector findings and a position outside the main body push it towards
//! dropping, and topic overlap with the body settles prose lines near the edges. A line is
//! dropped when `z` passes the mode's threshold; the reason recorded is the strongest
//! finding, or a structural rule when no detector fired.

mod body;
mod locate;
mod prose;
mod topic;

pub use body::Body;
pub use prose::prose_score;

use crate::detect::{Category, Finding, Rule};
use crate::doc::{Document, Line};
use locate::{locate_body, BodyMap, Walls};

/// How eager to drop.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// Favour a clean output: drop a line when in doubt.
    Precision,
    /// The default trade-off.
    #[default]
    Balanced,
    /// Favour keeping every article line: drop only clear chaff.
    Recall,
}

impl Mode {
    /// A finding this strong drops its line whatever the context.
    fn settle(self) -> f32 {
        match self {
            Mode::Precision => 0.6,
            Mode::Balanced => 0.7,
            Mode::Recall => 0.85,
        }
    }

    fn threshold(self) -> f32 {
        match self {
            Mode::Precision => -1.6,
            Mode::Balanced => -0.8,
            Mode::Recall => 0.3,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Precision => "precision",
            Mode::Balanced => "balanced",
            Mode::Recall => "recall",
        }
    }
}

pub static OUTSIDE_BODY: Rule = Rule {
    id: "nav.outside_body",
    category: Category::Navigation,
    about: "a line that does not read as prose, before or after the main body (menus, headers, footers)",
};
pub static FRAGMENT: Rule = Rule {
    id: "nav.fragment",
    category: Category::Navigation,
    about: "a short non-prose line inside the body surrounded by other non-prose lines (a stray menu block)",
};
pub static OFF_TOPIC: Rule = Rule {
    id: "teaser.off_topic",
    category: Category::Teaser,
    about: "a paragraph at the edge of the body sharing almost no vocabulary with it (a story blurb or ad copy)",
};

pub static COMMENT_SECTION: Rule = Rule {
    id: "nav.comment_section",
    category: Category::Navigation,
    about: "readers' comments: the lines below a comments header that follows the article",
};

pub static ISOLATED: Rule = Rule {
    id: "nav.isolated",
    category: Category::Navigation,
    about: "a short line that does not read as prose, left alone between dropped lines (a leftover caption, link or headline of a removed block)",
};

/// The rules the decision stage itself can give as a reason.
pub static DECISION_RULES: &[&Rule] = &[
    &OUTSIDE_BODY,
    &FRAGMENT,
    &OFF_TOPIC,
    &COMMENT_SECTION,
    &ISOLATED,
];

/// The outcome for one line.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Verdict {
    pub keep: bool,
    /// Why it was dropped (None for kept lines and collapsed blank lines).
    pub rule: Option<&'static Rule>,
    /// Chaff probability in [0, 1].
    pub score: f32,
}

impl Verdict {
    /// A kept line before any weighing.
    pub const KEPT: Verdict = Verdict {
        keep: true,
        rule: None,
        score: 0.0,
    };
}

/// Verdicts for every line, plus the body that was found.
#[derive(Debug)]
pub struct Decision {
    pub verdicts: Vec<Verdict>,
    /// The main body segment (first to last line), if any prose was found.
    pub body: Option<Body>,
    /// Per line: inside the main body or a secondary block, after edge trimming and extension.
    pub in_body: Vec<bool>,
    /// Per-line prose score, kept for `explain`.
    pub prose: Vec<f32>,
}

/// A finding at least this strong counts as sure chaff when locating the body.
const SURE: f32 = 0.7;
/// Copies of a body prose line that make it a refrain of the text rather than a repeat.
const REFRAIN_COPIES: usize = 3;
/// Outside the body, prose beyond this score pulls harder towards keeping: a block of full
/// paragraphs the body search left out is more often a second part of the article (an
/// interview's closing section, a post's later paragraphs) than chaff.
const STRONG_PROSE: f32 = 3.5;
const STRONG_PROSE_PULL: f32 = 0.3;
/// Prose score below which a kept line between two dropped lines goes with them.
const ISOLATED_PROSE: f32 = 2.0;
/// A dropped fragment this short and this weakly scored, between two kept lines, stays.
const GAP_WORDS: usize = 4;
const GAP_SCORE: f32 = 0.8;
/// Words a "Label: value" row inside the body may hold.
const FACT_ROW_WORDS: usize = 12;

/// "Backzeit: etwa 15 Minuten", "Earcuff: Zoeca": a label of 2 to 40 characters that does not
/// open on a digit (a time of day, a list number), a colon, a space and a value.
fn is_fact_row(text: &str) -> bool {
    let text = text.trim_start_matches(|c: char| !c.is_alphanumeric());
    let Some(colon) = text.find(':') else {
        return false;
    };
    let label = &text[..colon];
    let value = &text[colon + 1..];
    let label_chars = label.chars().count();
    (2..=40).contains(&label_chars)
        && !label.starts_with(|c: char| c.is_ascii_digit())
        && value.starts_with(char::is_whitespace)
        && !value.trim().is_empty()
}

/// A short [`is_fact_row`] line: a fact the article lists, kept whatever its neighbours.
fn is_short_fact_row(line: &Line) -> bool {
    line.features.words <= FACT_ROW_WORDS && is_fact_row(line.trimmed())
}

/// Evidence that a line below a live comments header is chaff, in log-odds.
const COMMENT_EVIDENCE: f32 = 3.0;

/// Decide every line of `doc`.
pub fn decide(doc: &Document, findings: &[Finding], mode: Mode) -> Decision {
    let n = doc.len();
    let prose: Vec<f32> = doc
        .lines
        .iter()
        .map(|l| prose_score(&l.features, doc.language))
        .collect();
    let nonblank: Vec<usize> = doc.nonblank().collect();

    // Strongest finding per line, duplicates aside (they are settled after the rest).
    let mut strongest: Vec<Option<&Finding>> = vec![None; n];
    let mut repeat_of: Vec<Option<usize>> = vec![None; n];
    let mut site_wide: Vec<Option<&Finding>> = vec![None; n];
    let mut wall = vec![false; n];
    let mut suspect = vec![false; n];
    let mut comments = vec![false; n];
    let mut comment_cue = vec![false; n];
    for finding in findings {
        match finding.rule.id {
            "teaser.marker" => wall[finding.line] = true,
            "nav.comments" => {
                wall[finding.line] = true;
                comments[finding.line] = true;
                comment_cue[finding.line] = true;
            }
            "nav.dateline" => comment_cue[finding.line] = true,
            "teaser.after_marker" => suspect[finding.line] = true,
            _ => {}
        }
        if std::ptr::eq(finding.rule, &crate::corpus::SITE_WIDE) {
            site_wide[finding.line] = Some(finding);
            continue;
        }
        if finding.rule.category == Category::Duplicate {
            repeat_of[finding.line] = finding.related;
            continue;
        }
        let slot = &mut strongest[finding.line];
        if slot.is_none_or(|f| finding.score > f.score) {
            *slot = Some(finding);
        }
    }
    let finding_score = |i: usize| strongest[i].map_or(0.0, |f| f.score);
    // Evidence: the strongest finding counts fully, every other one on the same line by half.
    let mut evidence = vec![0.0f32; n];
    for finding in findings
        .iter()
        .filter(|f| f.rule.category != Category::Duplicate)
    {
        let weight = if strongest[finding.line].is_some_and(|s| std::ptr::eq(s, finding)) {
            1.0
        } else {
            0.5
        };
        evidence[finding.line] += weight * 6.0 * (finding.score - 0.3);
    }

    let BodyMap {
        body,
        member: in_body,
        vocabulary,
        comment_section,
        extended,
    } = locate_body(
        doc,
        &nonblank,
        &prose,
        &finding_score,
        &Walls {
            wall: &wall,
            suspect: &suspect,
            comments: &comments,
            comment_cue: &comment_cue,
        },
    );

    let threshold = mode.threshold();
    let settle = mode.settle();
    let mut verdicts = vec![Verdict::KEPT; n];
    for (k, &i) in nonblank.iter().enumerate() {
        let finding = strongest[i];
        if let Some(f) = finding.filter(|f| f.score >= settle) {
            verdicts[i] = Verdict {
                keep: false,
                rule: Some(f.rule),
                score: f.score,
            };
            continue;
        }
        let q = prose[i];
        let inside = in_body[i];
        // Outside the body, prose shape counts less: what settles a paragraph there is
        // whether it is about the same thing as the article.
        let mut z = if inside {
            -1.5 - 0.8 * q
        } else {
            2.0 - 0.4 * q - STRONG_PROSE_PULL * (q - STRONG_PROSE).max(0.0)
        };
        // Short lines take the colour of their neighbours (jusText's context rule).
        if q < 1.0 {
            let before = k.checked_sub(1).map(|p| prose[nonblank[p]]).unwrap_or(-2.0);
            let after = nonblank.get(k + 1).map(|&p| prose[p]).unwrap_or(-2.0);
            z -= 0.25 * (before.min(3.0) + after.min(3.0));
        }
        let (overlap, content_words) = vocabulary.overlap(i, inside);
        let off_topic = content_words >= 5 && overlap < 0.15;
        if off_topic && !inside {
            z += 2.0;
        } else if content_words >= 3 && overlap >= 0.4 {
            z -= if inside { 1.2 } else { 1.5 };
        }
        z += evidence[i];
        let score = sigmoid(z);
        if comment_section[i] {
            z += COMMENT_EVIDENCE;
        }
        // A headline or standfirst joined the body for being on topic; only a detector
        // finding can still take it out.
        if extended[i] && finding.is_none() {
            z = z.min(threshold - 0.1);
        }
        // A short "Label: value" row inside the body is a fact the article lists (a recipe's
        // baking time, a price, an address, a product's maker), not a stray menu item.
        if inside && finding.is_none() && !comment_section[i] && is_short_fact_row(&doc.lines[i]) {
            z = z.min(threshold - 0.1);
        }
        verdicts[i] = if z > threshold {
            let rule = match finding {
                Some(f) => f.rule,
                None if comment_section[i] => &COMMENT_SECTION,
                None if off_topic && q > 0.0 => &OFF_TOPIC,
                None if inside => &FRAGMENT,
                None => &OUTSIDE_BODY,
            };
            Verdict {
                keep: false,
                rule: Some(rule),
                score,
            }
        } else {
            Verdict {
                keep: true,
                rule: None,
                score,
            }
        };
    }

    // A repeat goes only when an earlier copy survives, so one copy always stays. A prose
    // line printed three or more times inside the body is a refrain of the text itself (the
    // same question put to each interviewee), not page furniture.
    let mut copies = vec![1usize; n];
    for &i in &nonblank {
        if let Some(previous) = repeat_of[i] {
            copies[i] = copies[previous] + 1;
        }
    }
    let mut refrain = vec![false; n];
    for &i in nonblank.iter().rev() {
        if let Some(previous) = repeat_of[i] {
            let total = copies[i].max(if refrain[i] { REFRAIN_COPIES } else { 0 });
            if total >= REFRAIN_COPIES && in_body[i] && in_body[previous] && prose[i] >= 1.0 {
                refrain[i] = true;
                refrain[previous] = true;
            }
        }
    }
    for &i in &nonblank {
        if let Some(previous) = repeat_of[i] {
            if verdicts[i].keep && verdicts[previous].keep && !refrain[i] {
                verdicts[i] = Verdict {
                    keep: false,
                    rule: Some(&crate::detect::DUPLICATE),
                    score: 0.9,
                };
            }
        }
    }

    // Site-wide lines (the corpus pass) are settled like repeats, after the weighing. A line
    // that is clearly prose of the main body stays unless most of its group prints it: a
    // stock sentence some articles share is text, a house note on most pages is not.
    for &i in &nonblank {
        let Some(f) = site_wide[i] else { continue };
        let body_prose =
            body.is_some_and(|b| b.contains(i)) && prose[i] >= crate::corpus::PROSE_GUARD;
        let dominant = f.score >= crate::corpus::score_for(crate::corpus::DOMINANT_SHARE);
        if verdicts[i].keep && (!body_prose || dominant) {
            verdicts[i] = Verdict {
                keep: false,
                rule: Some(f.rule),
                score: f.score,
            };
        }
    }

    drop_isolated(doc, &nonblank, &prose, &extended, &mut verdicts);
    fill_gaps(doc, &nonblank, &mut verdicts);
    collapse_blank_runs(doc, &mut verdicts);
    Decision {
        verdicts,
        body,
        in_body,
        prose,
    }
}

/// A kept line that does not read as prose, with the lines on both sides of it dropped, is
/// what is left of a removed block: a caption, a link or a headline among teasers. Fact rows
/// ("Ort: Berlin") are facts whatever surrounds them, and a headline that joined the body for
/// being on topic was kept on purpose: both stay.
fn drop_isolated(
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
fn fill_gaps(doc: &Document, nonblank: &[usize], verdicts: &mut [Verdict]) {
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
fn collapse_blank_runs(doc: &Document, verdicts: &mut [Verdict]) {
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

fn sigmoid(z: f32) -> f32 {
    1.0 / (1.0 + (-z).exp())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::detect_all;
    use crate::doc::StopwordSet;

    fn kept(text: &str) -> String {
        let doc = Document::parse(text.as_bytes(), StopwordSet::shared());
        let decision = decide(&doc, &detect_all(&doc), Mode::Balanced);
        doc.lines
            .iter()
            .zip(&decision.verdicts)
            .filter(|(_, v)| v.keep)
            .map(|(l, _)| format!("{}\n", l.text))
            .collect()
    }

    const ARTICLE: &str = "The league published its final standings on Sunday after the last race of the season was run in heavy rain.\nThe champion finished five points ahead of the runner-up, the closest margin the series has seen in a decade.\nOrganisers said the calendar for next season will again hold thirty-six races, starting in February.\n";

    #[test]
    fn an_article_cut_by_several_related_boxes_is_followed_run_by_run() {
        let first = "The council closed the old river bridge on Monday after engineers found cracks in two of its supports during a routine inspection.\nThe council said the bridge would stay closed while the engineers decide whether the supports can be repaired or must be replaced.\nResidents on both banks of the river now face a detour of several miles to reach the town centre and the railway station.\n";
        let boxed = "Related articles\nSchool opens a new sports hall for pupils\nLocal bakery wins a regional prize for bread\n";
        let second = "The engineers said the steel cables holding the deck showed corrosion, and the welding on two joints had failed the inspection.\nReplacing the steel cables would take the engineers most of the summer, according to the inspection report seen by the council.\n";
        let third = "Welding crews will test every joint of the steel cables first, the engineers said, before any decision on replacing the cables.\nThe welding tests on the corroded steel cables are expected to start next week and to last about a month, the engineers added.\n";
        let text = format!("{first}{boxed}{second}{boxed}{third}");
        let out = kept(&text);
        assert!(out.contains("Welding crews will test"), "{out}");
        assert!(out.contains("Replacing the steel cables"), "{out}");
        assert!(!out.contains("bakery"), "{out}");
    }

    #[test]
    fn a_table_beside_the_body_joins_it() {
        let table = "Pos. Driver Points Wins\n1 Jane Roe 5040 5\n2 Max Muster 5035 7\n3 Anna Nowak 5033 4\n4 John Doe 5027 6\n5 Mary Major 2380 2\n";
        let text = format!("Home\nNews\nSports\n{ARTICLE}{table}Contact\nPrivacy Policy\n");
        let out = kept(&text);
        assert!(out.contains("3 Anna Nowak 5033 4"), "{out}");
        assert!(out.contains("Pos. Driver Points Wins"), "{out}");
        assert!(!out.contains("Privacy Policy"), "{out}");
        assert!(!out.contains("Home"), "{out}");
    }

    #[test]
    fn dated_links_and_headline_lists_are_not_a_table() {
        let archive = "No. 34 of 8 November 2021\nNo. 32 of 5 November 2021\nNo. 31 of 3 November 2021\nNo. 30 of 1 November 2021\nNo. 29 of 29 October 2021\n";
        let out = kept(&format!("{ARTICLE}{archive}"));
        assert!(!out.contains("No. 31"), "{out}");
        let headlines = "2019 Playoff Picture\nJoin our Free $1,000,000 Challenge\nStars perform with the band\nOdds, cheat sheet, picks\nThe model simulated every game 10,000 times\nCoach tells story from the 90s\n";
        let out = kept(&format!("{ARTICLE}{headlines}"));
        assert!(!out.contains("10,000 times"), "{out}");
    }

    #[test]
    fn label_value_rows_inside_the_body_stay() {
        let rows = "Backzeit: etwa 15 Minuten\nHeißluft: etwa 180 °C\nEinschub: unteres Drittel\n";
        let text = format!("Home\nNews\n{ARTICLE}{rows}{ARTICLE}Contact\n");
        let out = kept(&text);
        assert!(out.contains("Backzeit: etwa 15 Minuten"), "{out}");
        assert!(out.contains("Einschub: unteres Drittel"), "{out}");
        assert!(!out.contains("Home"), "{out}");
        assert!(is_fact_row("Earcuff: Zoeca"));
        assert!(!is_fact_row("10:30 Uhr"));
        assert!(!is_fact_row("Weitere Informationen:"));
    }

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

    #[test]
    fn a_menu_around_an_article_is_dropped_and_the_article_kept() {
        let text = "Home\nNews\nSport\n\
            The council voted on Monday to close the old bridge for repairs, which are expected to take most of the summer.\n\
            Residents who rely on the bridge said they had not been told how long the detour would add to their commute.\n\
            Privacy Policy\nContact\n";
        assert_eq!(
            kept(text),
            "The council voted on Monday to close the old bridge for repairs, which are expected to take most of the summer.\n\
             Residents who rely on the bridge said they had not been told how long the detour would add to their commute.\n"
        );
    }

    #[test]
    fn a_repeated_line_keeps_its_first_kept_copy() {
        let text = "The council voted on Monday to close the old bridge for repairs over the summer months.\n\
                    The council voted on Monday to close the old bridge for repairs over the summer months.\n\
                    Residents said they had not been told how long the detour would take them each day.\n";
        let out = kept(text);
        assert_eq!(out.matches("The council voted").count(), 1);
    }
}
