//! Prose score: how much a line, on its own, reads like running article text (log-odds style).
//!
//! Positive means "sentence-like": long, full of function words, closed by punctuation.
//! Negative means "label-like": short, title-cased, separated by pipes, full of digits.

use crate::doc::{Language, LineFeatures};

/// A log-odds-like score; 0 is undecided, roughly within [-6, 6].
pub fn prose_score(f: &LineFeatures, language: Option<Language>) -> f32 {
    let language_known = language.is_some();
    let capitalises_nouns = language.is_some_and(|l| l.code() == "de");
    if f.blank {
        return 0.0;
    }
    let w = f.words;
    let mut q = match w {
        0 => -3.5,
        1..=2 => -2.5,
        3..=5 => -1.5,
        6..=9 => -0.5,
        10..=19 => 0.5,
        20..=39 => 1.5,
        _ => 2.5,
    };
    if language_known && !f.unspaced && w >= 4 {
        q += ((f.stopword_ratio() - 0.2) * 8.0).clamp(-2.0, 2.0);
    }
    if f.ends_sentence {
        q += 1.0;
    } else if w >= 6 {
        q -= 0.5;
    }
    q += (f.inner_sentences as f32 * 0.3).min(1.0);
    // German capitalises every noun, so title case says nothing about a German line.
    if w >= 3 && f.title_case_ratio > 0.6 && !capitalises_nouns {
        q -= 1.0;
    }
    q -= (f.separators as f32 * 0.7).min(2.5);
    if f.digit_ratio > 0.25 {
        q -= 1.0;
    }
    if f.has_url {
        q -= 0.5;
    }
    if f.symbol_ratio > 0.2 {
        q -= 1.0;
    }
    q
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::{LineFeatures, StopwordSet};

    fn score(text: &str) -> f32 {
        let set = StopwordSet::shared();
        let lang = set.guess_language(std::iter::once(
            "the of and to in is that it was for on are with as".as_bytes(),
        ));
        prose_score(&LineFeatures::compute(text, set, lang), lang)
    }

    #[test]
    fn sentences_score_above_menus() {
        let sentence = score("The minister told lawmakers on Tuesday that the plan was likely to be delayed until the spring.");
        assert!(sentence > 2.0, "{sentence}");
        assert!(score("Home | World | Business | Sport") < -2.0);
        assert!(score("Privacy Policy") < -1.0);
    }

    #[test]
    fn short_lines_are_undecided_or_negative() {
        assert!(score("Deepening bonds") < 0.0);
    }
}
