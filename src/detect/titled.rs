//! Title-cased lines in English: a headline of another story ("Here Are The Top 5 Spots In
//! Detroit"), alone or run into its blurb, told apart from prose by capitalised function words.
//!
//! English headlines capitalise "The", "Of", "At", "Is" inside a line; an article's sentences
//! never do, except in a name or a quoted title. Two such words before the fourteenth word mark
//! a headline. Only English: German capitalises its polite "Sie"/"Ihr" and every noun, and the
//! other languages in the sets do not title-case their headlines.

use super::{Category, Detector, Finding, Rule};
use crate::doc::{Document, Language, StopwordSet};

pub static TITLE_CASE: Rule = Rule {
    id: "teaser.title_case",
    category: Category::Teaser,
    about: "an English title-cased headline, alone or run into its blurb (\"Say Cheese? Detroit's Top 3 Cheese Shops ...\")",
};

static RULES: &[&Rule] = &[&TITLE_CASE];

/// Words read from the start of a line.
const LEAD_WORDS: usize = 14;
/// Capitalised function words in the lead that make a headline.
const MIN_CAPITALISED: usize = 2;
/// Title-cased lines in a row that make a list of other stories, not a headline over a text,
/// and how many of them must be headlines by their function words.
const MIN_RUN: usize = 3;
const MIN_RUN_HEADLINES: usize = 2;
/// A lone title-cased line is evidence; a run of them settles.
const SCORE_ALONE: f32 = 0.6;
const SCORE_IN_RUN: f32 = 0.8;

/// Whether a line opens with a title-cased stretch (four of its first six words capitalised or
/// figures), the shape of a headline even without capitalised function words ("Say Cheese?
/// Detroit's Top 3 Cheese Shops ...").
fn opens_title_cased(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().take(6).collect();
    words.len() == 6
        && words
            .iter()
            .filter(|w| {
                w.trim_start_matches(|c: char| !c.is_alphanumeric())
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            })
            .count()
            >= 4
}

/// Function words written with a capital inside the first [`LEAD_WORDS`] words, not counting
/// a sentence's first word or "I".
fn capitalised_function_words(text: &str, english: Option<Language>) -> usize {
    let stopwords = StopwordSet::shared();
    let mut count = 0;
    let mut sentence_start = true;
    for token in text.split_whitespace().take(LEAD_WORDS) {
        let core = token.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'');
        let starts_upper = core.chars().next().is_some_and(char::is_uppercase);
        if !sentence_start
            && starts_upper
            && core != "I"
            && core.chars().skip(1).all(char::is_lowercase)
        {
            let lower = core.to_lowercase();
            if stopwords.is_stopword(&lower, english) {
                count += 1;
            }
        }
        sentence_start = token.ends_with(['.', '?', '!', ':', '"', '“', '—', '–', '|']);
    }
    count
}

pub struct Titled;

impl Detector for Titled {
    fn family(&self) -> &'static str {
        "titled"
    }

    fn rules(&self) -> &'static [&'static Rule] {
        RULES
    }

    fn detect(&self, doc: &Document, out: &mut Vec<Finding>) {
        if doc.language.map(|l| l.code()) != Some("en") {
            return;
        }
        // Per non-blank line: a headline (capitalised function words), or only title-cased at
        // its start, which joins a run of headlines but is nothing on its own.
        let lines: Vec<(usize, bool, bool)> = doc
            .nonblank()
            .map(|index| {
                let line = &doc.lines[index];
                let long = line.features.words >= 6;
                let text = line.trimmed();
                let headline =
                    long && capitalised_function_words(text, doc.language) >= MIN_CAPITALISED;
                (index, headline, long && opens_title_cased(text))
            })
            .collect();
        let mut k = 0;
        while k < lines.len() {
            let run = lines[k..]
                .iter()
                .take_while(|&&(_, headline, titled)| headline || titled)
                .count();
            let headlines = lines[k..k + run].iter().filter(|l| l.1).count();
            for &(index, headline, _) in &lines[k..k + run] {
                if run >= MIN_RUN && headlines >= MIN_RUN_HEADLINES {
                    out.push(Finding::new(index, &TITLE_CASE, SCORE_IN_RUN));
                } else if headline {
                    out.push(Finding::new(index, &TITLE_CASE, SCORE_ALONE));
                }
            }
            k += run.max(1);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::testing::fired;

    const PROSE: &str = "The council voted on Monday to close the old bridge for repairs, which are expected to take most of the summer.\nResidents who rely on the bridge said they had not been told how long the detour would add to their commute.\n";

    #[test]
    fn title_cased_headlines_and_blurbs_are_found() {
        let text = format!(
            "{PROSE}Here Are The Top Health And Fitness Deals In Detroit In the market for deals?\nThere's No Place Like A Michigan Cider Mill. Here's A Look At Some Favorites\n"
        );
        assert_eq!(
            fired(&Titled, &text),
            vec![(3, "teaser.title_case"), (4, "teaser.title_case")]
        );
    }

    #[test]
    fn a_run_of_title_cased_lines_is_a_list_of_stories() {
        // Two headlines by their function words and one only title-cased at its start: a list.
        let list = "The 4 Best Vegan Spots In Town We crunched the numbers to find the top vegan spots.\nSay Cheese? Our Town's Top 3 Cheese Shops Wondering where to find the best cheese near you?\nHere Are The Top Fitness Deals In Town In the market to save some money on fitness?\n";
        let hits = fired(&Titled, &format!("{PROSE}{list}"));
        assert_eq!(
            hits.iter().map(|&(line, _)| line).collect::<Vec<_>>(),
            vec![3, 4, 5]
        );
        let text = format!("{PROSE}{list}");
        let doc = Document::parse(text.as_bytes(), StopwordSet::shared());
        let mut out = Vec::new();
        Titled.detect(&doc, &mut out);
        assert!(out.iter().all(|f| f.score == SCORE_IN_RUN), "{out:?}");
        // One headline on its own stays evidence only.
        let mut alone = Vec::new();
        let text = format!("{PROSE}The 4 Best Vegan Spots In Town We crunched the numbers.\n");
        let doc = Document::parse(text.as_bytes(), StopwordSet::shared());
        Titled.detect(&doc, &mut alone);
        assert_eq!(alone.len(), 1);
        assert_eq!(alone[0].score, SCORE_ALONE);
    }

    #[test]
    fn sentences_and_names_are_not_headlines() {
        let text = format!(
            "{PROSE}She said The Times had asked her, and I think the answer surprised her.\nThe Bank of America report was published on Monday by the research team.\n"
        );
        // One capitalised function word mid-sentence ("The Times") is a name, not a headline;
        // "I" and sentence starts never count.
        assert!(fired(&Titled, &text).is_empty());
        assert!(fired(&Titled, PROSE).is_empty());
    }

    #[test]
    fn german_capitals_are_not_title_case() {
        let text = "Können Sie uns sagen, ob Ihre Bank Ihnen das Konto gekündigt hat?\nDer Rat hat am Montag beschlossen, die alte Brücke für die Reparatur zu schließen.\nDie Anwohner sagten, sie seien nicht informiert worden, wie lange die Umleitung dauert.\n";
        assert!(fired(&Titled, text).is_empty());
    }
}
