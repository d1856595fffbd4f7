//! Author bios: "Jane Roe is a reporter for the Daily Planet.", "Max Muster ist Redakteur bei
//! ...": a line that opens on a person's name and says what the person does for a living.
//!
//! A bio reads like prose and sits inside or right after the article, so shape and position
//! cannot tell it apart; its opening can. A name of two or three capitalised words, a
//! present-tense copula or a "works/writes/teaches" verb, and a job in journalism or publishing
//! within the next twenty words. Past tense is left alone: "Jane Roe was a journalist ..." is
//! how an obituary, which is the article, begins. On the dev sets every such line was
//! boilerplate (10 AEB lines, 6 TEB lines, none holding a "with" snippet). An article sentence rarely opens on a bare name followed by
//! the person's job title; when it does ("The Wikileaks founder always argued ..."), the line
//! starts with an article, which the name pattern refuses.

use super::{matcher::Matcher, patterns, Category, Detector, Finding, Rule};
use crate::doc::Document;

pub static AUTHOR_BIO: Rule = Rule {
    id: "promo.author_bio",
    category: Category::Promo,
    about: "an author bio: a name, then what the person does (\"Jane Roe is a reporter for ...\", \"Max Muster ist Redakteur bei ...\")",
};

static RULES: &[&Rule] = &[&AUTHOR_BIO];

/// Words a bio may run to; a longer line is a paragraph that happens to open on a name.
const MAX_WORDS: usize = 80;

/// Case-insensitive as a whole, so the name's capitals are checked in code.
static BIO_RE: Matcher = Matcher::new(&patterns::bio::BIO);
/// Asked before [`BIO_RE`]: it matches every line that does, with far fewer states.
static BIO_ANY_GAP_RE: Matcher = Matcher::new(&patterns::bio::BIO_ANY_GAP);

/// Words that open a sentence about something, not a person's name.
const NOT_A_NAME: &[&str] = &[
    "the", "a", "an", "this", "that", "die", "der", "das", "ein", "eine", "el", "la", "le", "les",
    "los", "las", "un", "une", "una",
];

/// Whether the line opens on two capitalised words that are not an article: a name.
fn opens_on_a_name(text: &str) -> bool {
    let mut words = text
        .split_whitespace()
        .map(|w| w.trim_start_matches(|c: char| !c.is_alphanumeric()));
    let first = words.next().unwrap_or("");
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    capitalised(first) && !is_not_a_name(first) && words.next().is_some_and(capitalised)
}

/// Whether `word` lower-cases to one of [`NOT_A_NAME`], without lower-casing it: those are
/// ASCII without a `k`, and the only character outside ASCII that lower-cases to ASCII
/// alone is the Kelvin sign (to `k`), so only an ASCII word can, in any ASCII case.
fn is_not_a_name(word: &str) -> bool {
    NOT_A_NAME.iter().any(|w| word.eq_ignore_ascii_case(w))
}

pub struct Bio;

impl Detector for Bio {
    fn family(&self) -> &'static str {
        "bio"
    }

    fn rules(&self) -> &'static [&'static Rule] {
        RULES
    }

    fn detect(&self, doc: &Document, out: &mut Vec<Finding>) {
        for index in doc.nonblank() {
            let line = &doc.lines[index];
            let text = line.trimmed();
            if (6..=MAX_WORDS).contains(&line.features.words)
                && opens_on_a_name(text)
                && BIO_ANY_GAP_RE.is_match(text)
                && BIO_RE.is_match(text)
            {
                out.push(Finding::new(index, &AUTHOR_BIO, 0.8));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::testing::{fired_on_line, for_each_line};

    /// [`is_not_a_name`] says what lower-casing the word and looking it up said, on the
    /// grounds its comment gives and on every word of the bundled and shared texts.
    #[test]
    fn a_word_is_not_a_name_as_its_lower_case_says() {
        for c in (0..=char::MAX as u32).filter_map(char::from_u32) {
            let ascii = c.to_lowercase().all(|l| l.is_ascii());
            assert!(!ascii || c.is_ascii() || c == '\u{212a}', "{c:?}");
        }
        assert!(NOT_A_NAME.iter().all(|w| w.is_ascii() && !w.contains('k')));
        let agree = |word: &str| {
            let by_lower_case = NOT_A_NAME.contains(&word.to_lowercase().as_str());
            assert_eq!(is_not_a_name(word), by_lower_case, "{word:?}");
        };
        for_each_line(|line| line.split_whitespace().for_each(agree));
        ["The", "THE", "Ein", "eIn", "\u{212a}", "Dİe", "Una"]
            .into_iter()
            .for_each(agree);
    }

    /// [`BIO_ANY_GAP_RE`] lets through every line the `regex` crate matches with [`BIO_RE`]'s
    /// set: bios with twenty and twenty-one words before the job, and every line of the
    /// bundled and shared texts, whole and behind a bio's opening.
    #[test]
    fn any_gap_lets_every_bio_through() {
        let reference = regex::RegexBuilder::new(&patterns::bio::BIO.regex_text())
            .case_insensitive(true)
            .build()
            .expect("built-in pattern must compile");
        let mut let_through = 0;
        let mut check = |line: &str| {
            if reference.is_match(line) {
                assert!(BIO_ANY_GAP_RE.is_match(line), "{line:?}");
                let_through += 1;
            }
        };
        let gap = |words: usize| vec!["very"; words].join(" ");
        for words in [0, 1, 19, 20, 21, 40] {
            for opening in [
                "Jane Roe is a",
                "Jane van der Roe (@jr) writes",
                "Zoë Łódź ist",
            ] {
                for job in [
                    "reporter.",
                    "Redakteurin bei X",
                    "rédactrice",
                    "head of news",
                ] {
                    check(&format!("{opening} {} {job}", gap(words)));
                    check(&format!("- {opening}, {} — {job}", gap(words)));
                }
            }
        }
        for_each_line(|line| {
            check(line.trim());
            check(&format!("Jane Roe is {}", line.trim()));
        });
        assert!(let_through > 50, "{let_through}");
    }

    #[test]
    fn bios_in_several_languages() {
        for bio in [
            "Jane Roe is a reporter for the Daily Planet.",
            "Jane Roe (@janeroe) is a contributor at the Planet and the host of a daily podcast.",
            "Max Muster ist Head of Social bei der Zeitung. Wenn er nicht schreibt, wandert er.",
            "Anna Nowak jest dziennikarką i autorką dwóch książek o mieście.",
        ] {
            assert_eq!(fired_on_line(&Bio, bio), vec!["promo.author_bio"], "{bio}");
        }
    }

    #[test]
    fn article_sentences_about_people_are_not_bios() {
        for prose in [
            "The Wikileaks founder always argued that his fear of extradition was the reason.",
            "Best Buy is where you can find the Founders Edition, as well as cards from others.",
            "Jane Roe said the council had not told residents how long the detour would last.",
            "Mayor Jane Roe is expected to announce the repairs on Monday, her office said.",
            // An obituary's lead is in the past tense; a bio under an article is present.
            "Jane Roe was a journalist and author who covered the city council for forty years.",
        ] {
            assert!(fired_on_line(&Bio, prose).is_empty(), "{prose}");
        }
    }
}
