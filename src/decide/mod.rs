//! The one place that removes: findings + prose shape + position + topic -> keep or drop.
//!
//! Every line gets a chaff score `z` (log-odds): its own prose score pulls it towards
//! keeping, detector findings and a position outside the main body push it towards
//! dropping, and topic overlap with the body settles prose lines near the edges. A line is
//! dropped when `z` passes the mode's threshold; the reason recorded is the strongest
//! finding, or a structural rule when no detector fired.

mod body;
mod locate;
mod passes;
mod prose;
mod rows;
mod topic;
mod verdict;

pub use body::Body;
pub use prose::prose_score;
pub use verdict::{
    Decision, Mode, Verdict, COMMENT_SECTION, DECISION_RULES, FRAGMENT, ISOLATED, OFF_TOPIC,
    OUTSIDE_BODY,
};

use crate::detect::{Category, Finding};
use crate::doc::{Document, Line};
use locate::{locate_body, BodyMap, Walls};
use passes::{collapse_blank_runs, drop_isolated, fill_gaps};

/// A finding at least this strong counts as sure chaff when locating the body.
const SURE: f32 = 0.7;
/// Copies of a body prose line that make it a refrain of the text rather than a repeat.
const REFRAIN_COPIES: usize = 3;
/// Outside the body, prose beyond this score pulls harder towards keeping: a block of full
/// paragraphs the body search left out is more often a second part of the article (an
/// interview's closing section, a post's later paragraphs) than chaff.
const STRONG_PROSE: f32 = 3.5;
const STRONG_PROSE_PULL: f32 = 0.3;
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
    // Per-line tables of one type share an allocation: a document allocated a dozen of
    // them, at ~300 instructions each.
    let mut found: Vec<Option<&Finding>> = vec![None; 2 * n];
    let (strongest, site_wide) = found.split_at_mut(n);
    let mut repeat_of: Vec<Option<usize>> = vec![None; n];
    let mut any_repeat = false;
    let mut marks = vec![false; 4 * n];
    let (wall, marks) = marks.split_at_mut(n);
    let (suspect, marks) = marks.split_at_mut(n);
    let (comments, comment_cue) = marks.split_at_mut(n);
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
            any_repeat |= finding.related.is_some();
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
            wall,
            suspect,
            comments,
            comment_cue,
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
    // Most documents have no repeat; they skip the tallies.
    if any_repeat {
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
    fn a_repeated_line_keeps_one_copy_and_a_refrain_keeps_all() {
        let line = "Organisers said the calendar for next season will again hold thirty-six races, starting in February.\n";
        let out = kept(&format!("{ARTICLE}{line}{ARTICLE}"));
        // Two copies: the later one goes.
        assert_eq!(out.matches("The league published").count(), 1, "{out}");
        // Three copies of a body prose line are a refrain of the text: all stay.
        assert_eq!(out.matches(line).count(), 3, "{out}");
        // Without repeats nothing is settled as one.
        assert_eq!(kept(ARTICLE), ARTICLE);
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
