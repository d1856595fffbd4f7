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
        for index in doc.nonblank() {
            let line = &doc.lines[index];
            if line.features.words >= 6
                && capitalised_function_words(line.trimmed(), doc.language) >= MIN_CAPITALISED
            {
                out.push(Finding::new(index, &TITLE_CASE, 0.6));
            }
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
