//! Lower-casing a mostly-ASCII line, as `str::to_lowercase` does it, for less work.

use crate::doc::{changes_when_lowercased, push_lowercase};

/// True when `text.to_lowercase()` differs from `text` in ASCII letters only: no other
/// character of it changes when lowercased. A case-insensitive set then answers for the
/// line as it stands as it would for its lowercase, with no copy to make.
pub fn lowers_as_ascii(text: &str) -> bool {
    text.chars()
        .all(|c| c.is_ascii() || !changes_when_lowercased(c))
}

/// Exactly `text.to_lowercase()`, through [`push_lowercase`], which copies ASCII runs whole
/// where `str::to_lowercase` takes every character after the first non-ASCII one through
/// the Unicode tables.
pub fn to_lowercase(text: &str) -> String {
    // A capital sigma lowers by what stands around it (final or not): the standard library
    // knows that rule, and no other character depends on its neighbours.
    if text.contains('Σ') {
        return text.to_lowercase();
    }
    let mut out = String::with_capacity(text.len());
    push_lowercase(text, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::testing::for_each_line;
    use proptest::prelude::*;

    #[test]
    fn lowers_as_the_standard_library_does_on_tricky_characters() {
        for text in [
            "",
            "ΣΑΣ ΟΔΟΣ. Σ",
            "ὈΔΥΣΣΕΎΣ",
            "İstanbul, Türkiye",
            "ẞTRASSE Straße",
            "\u{212a}elvin \u{17f}",
            "ǅemal Ǆ ǆ",
            "Ⅰ Ⅱ Ⓐ",
            "AÄBÖCÜ 12:30 Uhr",
        ] {
            assert_eq!(to_lowercase(text), text.to_lowercase(), "{text:?}");
        }
    }

    #[test]
    fn lowers_the_bundled_texts_as_the_standard_library_does() {
        let lines = for_each_line(|line| assert_eq!(to_lowercase(line), line.to_lowercase()));
        assert!(lines > 100, "found the samples and fixtures");
    }

    #[test]
    fn a_line_that_lowers_as_ascii_lowers_as_the_standard_library_does() {
        for text in [
            "Zürich, 12:30 Uhr",
            "„Berlin“ — 5. März",
            "İstanbul",
            "ΣΑΣ",
            "ẞ",
            "Ǆ",
        ] {
            assert_eq!(
                lowers_as_ascii(text),
                text.to_lowercase() == text.to_ascii_lowercase(),
                "{text:?}"
            );
        }
        for_each_line(|line| {
            if lowers_as_ascii(line) {
                assert_eq!(line.to_lowercase(), line.to_ascii_lowercase(), "{line:?}");
            }
        });
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]
        #[test]
        fn lowers_any_text_as_the_standard_library_does(
            text in "([A-Za-z0-9 .,:]{0,6}|[ΣσςΑİIıẞßǅǄ\u{212a}\u{17f}ÄÖÜ]|\\PC){0,12}",
        ) {
            prop_assert_eq!(to_lowercase(&text), text.to_lowercase());
            if lowers_as_ascii(&text) {
                prop_assert_eq!(text.to_lowercase(), text.to_ascii_lowercase());
            }
        }
    }
}
