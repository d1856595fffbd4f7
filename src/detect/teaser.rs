//! Teaser family: "More from X" / "Related" / "Lesen Sie auch" markers and the blurbs after them.
//!
//! The marker is certain; the lines after it are only suspects (`teaser.after_marker`), and
//! the decision stage keeps those that read like the article itself (same vocabulary).

use super::{regex_any, Category, Detector, Finding, Rule};
use crate::doc::Document;
use regex::Regex;
use std::sync::LazyLock;

pub static MARKER: Rule = Rule {
    id: "teaser.marker",
    category: Category::Teaser,
    about: "a header announcing other stories: More from X, Related, Read more, Recommended, Lesen Sie auch",
};
pub static AFTER_MARKER: Rule = Rule {
    id: "teaser.after_marker",
    category: Category::Teaser,
    about: "a line in the block that follows a teaser header (story blurbs and headlines)",
};
pub static INLINE_LINK: Rule = Rule {
    id: "teaser.inline_link",
    category: Category::Teaser,
    about:
        "a pointer to another story inside the text: \"Read more: <headline>\", \"ALSO READ | ...\"",
};

static RULES: &[&Rule] = &[&MARKER, &AFTER_MARKER, &INLINE_LINK];

/// Lines after a marker that stay suspect; a teaser block rarely runs longer.
const BLOCK_REACH: usize = 40;

static MARKER_RE: LazyLock<Regex> = LazyLock::new(|| {
    regex_any(&[
        r"^\W*(?:more|latest|top|other|further) (?:from|on|in|about|stories|news|articles|headlines|videos|reading|coverage)\b",
        r"^\W*(?:about the author|über (?:den autor|die autorin)|zur person|zum autor|o autorze|sobre el autor|à propos de l'auteur|l'auteur|sull'autore)\W*$",
        r"^\W*(?:related|recommended|suggested|popular|trending|featured)(?: (?:articles?|stories|posts?|content|coverage|news|reading|topics|videos|links|for you|now))?\W*$",
        r"^\W*(?:read|see|watch) (?:more|next|also|this next)\W*$",
        r"^\W*(?:you (?:may|might|could) (?:also )?(?:like|enjoy|be interested in)|we recommend|recommended for you|don't miss|editor'?s picks?|most (?:read|popular|viewed|shared|commented)|top stories|in case you missed it|around the web|from (?:our|the) (?:partners|network|web))\b",
        r"^\W*(?:mehr zum thema|mehr (?:aus|von|zu|über)\b|weitere (?:artikel|beiträge|nachrichten|meldungen|themen|news)|lesen sie (?:auch|mehr|hier)|auch interessant|das (?:könnte|dürfte) sie (?:auch )?interessieren|meistgelesen|meist gelesen|ähnliche (?:artikel|beiträge|themen)|verwandte (?:artikel|beiträge|themen)|empfehlungen|unsere empfehlung|top-?themen|aktuelle (?:artikel|beiträge|nachrichten)|neueste (?:artikel|beiträge)|das könnte dich auch interessieren)\b",
        r"^\W*(?:noticias relacionadas|art[ií]culos relacionados|te puede interesar|tambi[eé]n te puede interesar|lo m[aá]s (?:le[ií]do|visto)|m[aá]s noticias|lee (?:tambi[eé]n|m[aá]s)|relacionad[oa]s)\b",
        r"^\W*(?:à lire (?:aussi|également)|lire (?:aussi|la suite)|sur le même (?:sujet|thème)|articles? similaires|les plus lus|voir aussi|à voir aussi|dans la même rubrique)\b",
        r"^\W*(?:zobacz (?:też|także|również)|czytaj (?:też|także|również|więcej)|polecamy|podobne artykuły|najczęściej czytane|więcej (?:informacji|artykułów))(?:\W|$)",
        r"^\W*(?:leggi anche|articoli correlati|potrebbe interessarti|lees ook|gerelateerd|meer nieuws|leia também|veja também|relacionados)\b",
    ])
});

static INLINE_RE: LazyLock<Regex> = LazyLock::new(|| {
    regex_any(&[
        r"^\W*(?:read more|read also|also read|read next|see also|see more|don't miss|related|related article|more|watch|listen|also|lesen sie auch|lesen sie mehr|mehr dazu|mehr zum thema|auch interessant|siehe auch|lee también|lea también|ver también|lire aussi|à lire aussi|lire également|voir aussi|czytaj (?:też|także|również)|zobacz (?:też|także|również)|leggi anche|lees ook|leia também|veja também)\s*[:|>»›-]+\s*\S",
    ])
});

/// True when `text` is a short header announcing a block of other stories.
pub fn is_teaser_marker(text: &str, words: usize) -> bool {
    words <= 8 && MARKER_RE.is_match(text)
}

pub struct Teaser;

impl Detector for Teaser {
    fn family(&self) -> &'static str {
        "teaser"
    }

    fn rules(&self) -> &'static [&'static Rule] {
        RULES
    }

    fn detect(&self, doc: &Document, out: &mut Vec<Finding>) {
        let nonblank: Vec<usize> = doc.nonblank().collect();
        let mut block_until = 0usize;
        for (k, &index) in nonblank.iter().enumerate() {
            let line = &doc.lines[index];
            let words = line.features.words;
            if words <= 30 && INLINE_RE.is_match(line.trimmed()) {
                out.push(Finding::new(index, &INLINE_LINK, 0.85));
            } else if is_teaser_marker(line.trimmed(), words) {
                out.push(Finding::new(index, &MARKER, 0.9));
                block_until = k + BLOCK_REACH;
            } else if k <= block_until && block_until > 0 {
                out.push(Finding::new(index, &AFTER_MARKER, 0.5));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::testing::{fired, fired_on_line};

    #[test]
    fn markers_in_several_languages() {
        for marker in [
            "More from GZERO Media",
            "Related Articles",
            "You may also like",
            "Mehr zum Thema",
            "Das könnte Sie auch interessieren",
            "Noticias relacionadas",
            "À lire aussi",
            "Czytaj także",
        ] {
            assert_eq!(
                fired_on_line(&Teaser, marker),
                vec!["teaser.marker"],
                "{marker}"
            );
        }
    }

    #[test]
    fn a_long_sentence_starting_like_a_marker_is_not_one() {
        let line = "More from the minister's speech was expected, but he left the stage early without comment.";
        assert!(fired_on_line(&Teaser, line).is_empty());
    }

    #[test]
    fn lines_after_a_marker_are_suspects() {
        let text = "Body text here.\n\nMore from Acme News\n\nFirst blurb about another story.\nSecond blurb.\n";
        assert_eq!(
            fired(&Teaser, text),
            vec![
                (3, "teaser.marker"),
                (5, "teaser.after_marker"),
                (6, "teaser.after_marker")
            ]
        );
    }

    #[test]
    fn inline_read_more_links() {
        assert_eq!(
            fired_on_line(&Teaser, "Read more: Why the central bank held rates"),
            vec!["teaser.inline_link"]
        );
        assert_eq!(
            fired_on_line(&Teaser, "Lesen Sie auch: Der Streit um die Rente"),
            vec!["teaser.inline_link"]
        );
    }
}
