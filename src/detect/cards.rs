//! Card lists: other stories laid out as repeating cards (headline, author, date, blurb), found
//! by their period rather than by any words, so it works in every language.
//!
//! An article's paragraphs vary in shape and length; a list of story cards repeats the same
//! sequence of line shapes at a fixed period, and each card carries a date stamp. A period of
//! 2 to 6 non-blank lines, repeated at least three times, with a date and a headline in every
//! card, is a card list.

use super::nav::is_date_stamp;
use super::{Category, Detector, Finding, Rule};
use crate::doc::{Document, LineFeatures};

pub static CARD_LIST: Rule = Rule {
    id: "teaser.card_list",
    category: Category::Teaser,
    about: "lists of other stories as repeating cards (headline, author, date, blurb)",
};

static RULES: &[&Rule] = &[&CARD_LIST];

/// Shortest and longest card, in non-blank lines.
const PERIODS: std::ops::RangeInclusive<usize> = 2..=6;
/// Cards in a row before the run counts as a list.
const MIN_CARDS: usize = 3;

/// The shape of a line, coarse enough that two cards of one list look alike.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    Date,
    Byline,
    Short,
    Headline,
    Prose,
    Other,
}

/// "By Jane Roe", "Von Max Muster": a by-word and two to four capitalised names, nothing else.
fn is_byline(text: &str, words: usize) -> bool {
    if !(3..=5).contains(&words) {
        return false;
    }
    let mut tokens = text.split_whitespace();
    let by = tokens.next().unwrap_or("").to_lowercase();
    ["by", "von", "par", "por", "di", "door", "przez"].contains(&by.as_str())
        && tokens.all(|t| t.chars().next().is_some_and(char::is_uppercase))
}

fn shape(text: &str, f: &LineFeatures) -> Shape {
    if is_date_stamp(text, f.words) {
        Shape::Date
    } else if is_byline(text, f.words) {
        Shape::Byline
    } else if (2..=16).contains(&f.words) && text.ends_with('?') {
        // A question is how many headlines are written ("Who Owns the Company?").
        Shape::Headline
    } else if f.words <= 3 && !f.ends_sentence {
        Shape::Short
    } else if f.ends_sentence && f.words >= 8 {
        Shape::Prose
    } else if (4..=16).contains(&f.words) && !f.ends_sentence {
        Shape::Headline
    } else {
        Shape::Other
    }
}

/// A card pattern: a date or a byline, and a headline. A date beside prose alone is how a
/// live blog stamps its entries, which are the article.
fn is_card(pattern: &[Shape]) -> bool {
    (pattern.contains(&Shape::Date) || pattern.contains(&Shape::Byline))
        && pattern.contains(&Shape::Headline)
}

pub struct Cards;

impl Detector for Cards {
    fn family(&self) -> &'static str {
        "cards"
    }

    fn rules(&self) -> &'static [&'static Rule] {
        RULES
    }

    fn detect(&self, doc: &Document, out: &mut Vec<Finding>) {
        let nonblank: Vec<usize> = doc.nonblank().collect();
        let shapes: Vec<Shape> = nonblank
            .iter()
            .map(|&i| shape(doc.lines[i].trimmed(), &doc.lines[i].features))
            .collect();
        let mut k = 0;
        while k < shapes.len() {
            // The longest periodic run starting here, over every period.
            let best = PERIODS
                .filter(|&p| k + p <= shapes.len() && is_card(&shapes[k..k + p]))
                .map(|p| {
                    let same = (k..shapes.len() - p)
                        .take_while(|&j| shapes[j] == shapes[j + p])
                        .count();
                    (p, same + p)
                })
                .filter(|&(p, span)| span >= MIN_CARDS * p)
                .max_by_key(|&(p, span)| (span, std::cmp::Reverse(p)));
            match best {
                Some((_, span)) => {
                    out.extend(
                        nonblank[k..k + span]
                            .iter()
                            .map(|&i| Finding::new(i, &CARD_LIST, 0.8)),
                    );
                    k += span;
                }
                None => k += 1,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::testing::fired;

    const CARD: &str = "Why the bridge will stay closed until the autumn repairs end\n\nJane Roe\n\nTuesday November 19, 2019\n\nThe council has not said when the detour signs will come down again.\n\n";

    #[test]
    fn repeating_dated_cards_are_a_list() {
        let text = format!("{CARD}{CARD}{CARD}");
        let hits = fired(&Cards, &text);
        assert_eq!(hits.len(), 12, "{hits:?}");
        assert!(hits.iter().all(|&(_, id)| id == "teaser.card_list"));
    }

    #[test]
    fn cards_signed_by_a_byline_are_a_list_too() {
        let card = "Politics\n\nWho Pays for the Bridge Repairs?\n\nBy Jane Roe\n\nThe council has not said when the detour signs will come down again.\n\n";
        let hits = fired(&Cards, &card.repeat(3));
        assert_eq!(hits.len(), 12, "{hits:?}");
        // A byline over an article with subheads is not periodic.
        let article = "By Jane Roe\n\nThe council voted on Monday to close the old bridge for repairs.\n\nWhat happens next?\n\nThe works start in June, the mayor said. They will take most of the summer.\n\nResidents were not told how long the detour would add to their commute.\n";
        assert!(fired(&Cards, article).is_empty());
    }

    #[test]
    fn two_cards_are_not_yet_a_list() {
        assert!(fired(&Cards, &format!("{CARD}{CARD}")).is_empty());
    }

    #[test]
    fn undated_alternation_is_an_article_with_subheads() {
        let section = "How the repairs will be paid for\n\nThe council will pay for the repairs from its road budget, it said on Monday.\n\n";
        assert!(fired(&Cards, &section.repeat(5)).is_empty());
    }

    #[test]
    fn a_live_blog_with_varying_entries_is_not_periodic() {
        let text = "10:32 am\nThe council opened the meeting with a minute of silence for the victims.\n10:40 am\nThe mayor spoke first. She said the bridge would reopen in the autumn.\nResidents in the gallery applauded when she finished her remarks.\n10:55 am\nA vote is expected within the hour, officials said in a short statement.\n11:05 am\nThe vote passed by nine votes to two after a short debate.\nTwo members abstained and asked for the minutes to record their reasons.\nThe session closed at noon.\n";
        assert!(fired(&Cards, text).is_empty());
        let entry =
            "10:32 am\nThe council opened the meeting with a minute of silence for the victims.\n";
        assert!(fired(&Cards, &entry.repeat(6)).is_empty());
    }
}
