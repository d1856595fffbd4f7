//! Caption family: photo captions and image credits (agency credits, "FILE PHOTO:", "Foto:").

use super::{matcher::Matcher, patterns, Category, Detector, Finding, Rule};
use crate::doc::Document;

pub static AGENCY_CREDIT: Rule = Rule {
    id: "caption.agency_credit",
    category: Category::Caption,
    about:
        "a photo credit line: REUTERS/Name, KCNA via REUTERS, (AP Photo/Name), Getty Images, dpa",
};
pub static CREDIT_LABEL: Rule = Rule {
    id: "caption.credit_label",
    category: Category::Caption,
    about: "a line led or closed by a credit label: Photo:, Image credit:, Foto:, Bild:, ©, (Source: ...)",
};
pub static PHOTO_DESCRIPTION: Rule = Rule {
    id: "caption.photo_description",
    category: Category::Caption,
    about: "a caption sentence: FILE PHOTO:, \"in this photo\", \"pictured\", a scene closed by Place Month D, YYYY.",
};
pub static NEXT_TO_CREDIT: Rule = Rule {
    id: "caption.next_to_credit",
    category: Category::Caption,
    about: "a descriptive line right before or after a photo credit (the caption the credit belongs to)",
};

pub static CLOSING_CREDIT: Rule = Rule {
    id: "caption.closing_credit",
    category: Category::Caption,
    about: "a caption closed by its credit after the last sentence: \"... last year. Photograph: Name/Agency\", \"... Foto: Name\", \"... febrero. EFE\"",
};

static RULES: &[&Rule] = &[
    &AGENCY_CREDIT,
    &CLOSING_CREDIT,
    &CREDIT_LABEL,
    &PHOTO_DESCRIPTION,
    &NEXT_TO_CREDIT,
];

static AGENCY: Matcher = Matcher::new(&patterns::caption::AGENCY);

static LABEL: Matcher = Matcher::new(&patterns::caption::LABEL);

/// A credit standing after a caption's last sentence. Prose never ends on "Photo: Name" or a
/// bare agency name after its full stop; a caption of any length does.
static CLOSING: Matcher = Matcher::new(&patterns::caption::CLOSING);

/// True when a sentence end, closing bracket or closing quote (`[.!?)»"”]`) stands right
/// before what may be a space. Every branch of [`CLOSING`] starts with one before `\s+`, and
/// most lines asked about hold none (a heading, a single sentence): there its automaton,
/// which reads back from the line's end, would read up to 60 characters to no avail. A
/// non-ASCII character after the mark counts as a space, so that no table of Unicode
/// spaces has to agree with the `regex` crate's.
fn has_mark_before_space(text: &str) -> bool {
    let bytes = text.as_bytes();
    let space_at = |at: usize| {
        bytes
            .get(at)
            .is_some_and(|&b| matches!(b, b'\t'..=b'\r' | b' ') || !b.is_ascii())
    };
    memchr::memchr3_iter(b'.', b'!', b'?', bytes)
        .chain(memchr::memchr2_iter(b')', b'"', bytes))
        .any(|at| space_at(at + 1))
        || (!text.is_ascii()
            && ["»", "”"].iter().any(|mark| {
                text.match_indices(mark)
                    .any(|(at, _)| space_at(at + mark.len()))
            }))
}

static DESCRIPTION: Matcher = Matcher::new(&patterns::caption::DESCRIPTION);

/// A Reuters/AP style scene caption ends on "<Place> <Month> <day>, <year>." with no preposition
/// before the date, unlike prose, which writes "on October 8, 2024".
static DATED_SCENE: Matcher = Matcher::new(&patterns::caption::DATED_SCENE);

/// True when a character that may be a digit stands right before a comma. Every match of
/// [`DATED_SCENE`] holds one (`\d{1,2},`, `\d` being any script's decimal digit, which
/// `char::is_numeric` includes): most lines that name a month are asked about without
/// running its automaton, which otherwise reads the whole line.
fn has_digit_before_comma(text: &str) -> bool {
    memchr::memchr_iter(b',', text.as_bytes()).any(|at| {
        // A comma is ASCII, so `at` is a character boundary.
        text[..at].chars().next_back().is_some_and(char::is_numeric)
    })
}

pub struct Caption;

impl Caption {
    fn classify(text: &str, words: usize) -> Option<(&'static Rule, f32)> {
        if words <= 14 && AGENCY.is_match(text) {
            return Some((&AGENCY_CREDIT, 0.95));
        }
        if words <= 60 && has_mark_before_space(text) && CLOSING.is_match(text) {
            return Some((&CLOSING_CREDIT, 0.85));
        }
        if words <= 40 && LABEL.is_match(text) {
            return Some((&CREDIT_LABEL, if words <= 15 { 0.9 } else { 0.6 }));
        }
        if words <= 80
            && (DESCRIPTION.is_match(text)
                || (has_digit_before_comma(text) && DATED_SCENE.is_match(text)))
        {
            return Some((&PHOTO_DESCRIPTION, 0.8));
        }
        None
    }
}

impl Detector for Caption {
    fn family(&self) -> &'static str {
        "caption"
    }

    fn rules(&self) -> &'static [&'static Rule] {
        RULES
    }

    fn detect(&self, doc: &Document, out: &mut Vec<Finding>) {
        let nonblank: Vec<usize> = doc.nonblank().collect();
        let mut credit_at = vec![false; doc.len()];
        let mut flagged = vec![false; doc.len()];
        let first = out.len();
        for &index in &nonblank {
            let line = &doc.lines[index];
            let words = line.features.words;
            if let Some((rule, score)) = Caption::classify(line.trimmed(), words) {
                credit_at[index] = std::ptr::eq(rule, &AGENCY_CREDIT)
                    || (std::ptr::eq(rule, &CREDIT_LABEL) && words <= 8);
                flagged[index] = true;
                out.push(Finding::new(index, rule, score));
            }
        }
        // The caption a credit belongs to sits right above it (below on a few sites).
        for (k, &index) in nonblank.iter().enumerate() {
            if !credit_at[index] {
                continue;
            }
            for (neighbour, above) in k
                .checked_sub(1)
                .map(|p| (p, true))
                .into_iter()
                .chain([(k + 1, false)])
            {
                let Some(&other) = nonblank.get(neighbour) else {
                    continue;
                };
                let f = &doc.lines[other].features;
                // A caption is one sentence; a paragraph above a source line is text.
                let one_sentence = f.inner_sentences == 0 && f.words <= 20;
                let score = if above && one_sentence { 0.75 } else { 0.5 };
                if !flagged[other] && (6..=60).contains(&f.words) {
                    flagged[other] = true;
                    out.push(Finding::new(other, &NEXT_TO_CREDIT, score));
                }
            }
        }
        // Sites print a caption twice (thumbnail and enlarged image): every copy is a caption.
        let captions: Vec<(&str, Finding)> = out[first..]
            .iter()
            .filter(|f| !credit_at[f.line] && f.score >= 0.7)
            .map(|f| (doc.match_key(f.line), *f))
            .collect();
        if captions.is_empty() {
            return;
        }
        for &index in &nonblank {
            if flagged[index] || doc.lines[index].features.words < 6 {
                continue;
            }
            let key = doc.match_key(index);
            if let Some((_, f)) = captions.iter().find(|(k, _)| *k == key) {
                out.push(Finding::new(index, f.rule, f.score));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::testing::{fired, fired_on_line};

    #[test]
    fn agency_credits() {
        for credit in [
            "REUTERS/Aziz Taher/File Photo",
            "KCNA via REUTERS",
            "REUTERS/Evelyn Hockstein",
            "(AP Photo/Jane Doe)",
            "AFP via Getty Images",
            "Jane Doe / Getty Images",
        ] {
            assert_eq!(
                fired_on_line(&Caption, credit),
                vec!["caption.agency_credit"],
                "{credit}"
            );
        }
    }

    #[test]
    fn captions_closed_by_their_credit() {
        for caption in [
            "Striking members of the union at the college last year. Photograph: Jane Roe/Getty Images",
            "Ein Blick auf die neue Brücke über den Fluss am Abend. Foto: Max Muster",
            "Un grupo de turistas, en el puerto el 11 de febrero pasado. EFE",
            "The old bridge seen from the north bank before the repairs began. Credit: City Archive",
            "Shares fell after the retailer reported its earnings. Photograph by Jane Roe/AFP/Getty Images",
            "How far can a paper kite fly on a calm day above the open fields of the county? (Photo: Getty Images)",
            "Der Fahrer wurde leicht verletzt. Es entstand ein Sachschaden. (Bild: Kantonspolizei)",
        ] {
            assert_eq!(
                fired_on_line(&Caption, caption),
                vec!["caption.closing_credit"],
                "{caption}"
            );
        }
        // A sentence that only mentions a photo, or ends on an agency it quotes, is prose.
        for prose in [
            "The council said the photo: a blurred image of the bridge, was taken in June and shared widely.",
            "The figures were first reported by the news agency AP on Monday evening.",
            "The mayor defended the plan at length (photo: page 3).",
        ] {
            assert!(fired_on_line(&Caption, prose).is_empty(), "{prose}");
        }
    }

    #[test]
    fn credit_labels_in_several_languages() {
        for credit in [
            "Photo: John Smith",
            "Image credit: NASA",
            "Foto: dpa",
            "Bild: Keystone",
            "© Jane Doe",
            "Image caption The minister waves to supporters outside the court",
            "Media caption Who is the minister?",
            "Image copyright Reuters",
        ] {
            assert_eq!(
                fired_on_line(&Caption, credit),
                vec!["caption.credit_label"],
                "{credit}"
            );
        }
    }

    #[test]
    fn scene_captions_with_a_trailing_date() {
        let line = "Supporters of the ruling party attend the final rally in Matola, Mozambique October 6, 2024.";
        assert_eq!(
            fired_on_line(&Caption, line),
            vec!["caption.photo_description"]
        );
        let prose = "The agreement was signed by both governments on October 6, 2024.";
        assert!(fired_on_line(&Caption, prose).is_empty());
    }

    /// The cheap test before [`DATED_SCENE`] must pass every line it matches, in any script.
    #[test]
    fn a_dated_scene_has_a_digit_before_a_comma() {
        for line in [
            "Supporters attend the final rally in Matola, Mozambique October 6, 2024.",
            "Supporters attend the final rally in Matola, Mozambique October \u{666}, \u{662}\u{660}\u{662}\u{664}.",
            "Rescuers search the rubble in Gaza City, Gaza Dec. \u{ff11}\u{ff12},  2023 REUTERS/Jane Roe",
        ] {
            assert!(DATED_SCENE.is_match(line), "{line}");
            assert!(has_digit_before_comma(line), "{line}");
        }
        assert!(!has_digit_before_comma(
            "Matola, Mozambique, October 6 2024"
        ));
    }

    /// The cheap test before [`CLOSING`] must pass every line it matches.
    #[test]
    fn a_closing_credit_has_a_mark_before_a_space() {
        let lines = crate::detect::testing::for_each_line(|line| {
            if CLOSING.is_match(line) {
                assert!(has_mark_before_space(line), "{line}");
            }
        });
        assert!(lines > 100, "found the samples and fixtures");
        for line in [
            "Crowds gather in the square. Photo: Jane Roe",
            "Crowds gather in the square!\tPhoto by Jane Roe",
            "Crowds gather in the square? Reuters",
            "Crowds gather in the square (left)\u{a0}Foto: Jane Roe",
            "Crowds gather in the square.\u{2009}Photo: Jane Roe",
            "\u{bb}Crowds gather\u{bb} Bild: Jane Roe",
            "\u{201c}Crowds gather\u{201d}\u{3000}Photo: Jane Roe",
            "\u{201c}Crowds gather\u{201d} (Photo: Jane Roe)",
            "\"Crowds gather\"\x0b(Photo by Jane Roe)",
        ] {
            assert!(CLOSING.is_match(line), "{line}");
            assert!(has_mark_before_space(line), "{line}");
        }
        for line in [
            "Crowds gather in the square",
            "Photo: Jane Roe",
            "Crowds gather in the square.",
            "A.B.C (left)x\u{bb}y\u{201d}",
        ] {
            assert!(!has_mark_before_space(line), "{line}");
        }
    }

    #[test]
    fn file_photo_prefix() {
        let line = "FILE PHOTO: A man walks past the central bank building in the capital.";
        assert_eq!(
            fired_on_line(&Caption, line),
            vec!["caption.photo_description"]
        );
    }

    #[test]
    fn the_line_above_a_credit_is_its_caption() {
        let text = "A crowd gathers outside the stadium before the final match begins\n\nREUTERS/Jane Roe\n";
        assert_eq!(
            fired(&Caption, text),
            vec![(3, "caption.agency_credit"), (1, "caption.next_to_credit")]
        );
    }

    #[test]
    fn prose_mentioning_an_agency_is_not_a_credit() {
        let line =
            "Reuters reported on Tuesday that the talks had stalled over the border question.";
        assert!(fired_on_line(&Caption, line).is_empty());
    }
}
