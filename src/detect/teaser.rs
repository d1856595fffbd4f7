//! Teaser family: "More from X" / "Related" / "Lesen Sie auch" markers and the blurbs after them.
//!
//! The marker is certain; the lines after it are only suspects (`teaser.after_marker`), and
//! the decision stage keeps those that read like the article itself (same vocabulary).

use super::{matcher::Matcher, patterns, Category, Detector, Finding, Rule};
use crate::doc::Document;

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

pub static HEADLINE_LIST: Rule = Rule {
    id: "teaser.headline_list",
    category: Category::Teaser,
    about: "five or more headline-shaped lines in a row (a carousel or list of other stories)",
};

pub static STAMPED_HEADLINE: Rule = Rule {
    id: "teaser.stamped_headline",
    category: Category::Teaser,
    about: "a headline closed by how long ago it was posted (\"Apple working on new apps ~11 hours ago\"): an item in a list of other stories",
};

static RULES: &[&Rule] = &[
    &MARKER,
    &AFTER_MARKER,
    &INLINE_LINK,
    &HEADLINE_LIST,
    &STAMPED_HEADLINE,
];

/// Words in a line that ends on how long ago it was posted. An article's sentence ends on a
/// full stop, not on "3 hours ago"; a story list item does.
static POSTED_AGO_RE: Matcher = Matcher::new(&patterns::teaser::POSTED_AGO);

/// Headlines in a row that make a list of links rather than subheads of one article.
const HEADLINE_RUN: usize = 5;

/// A headline: a few words, no full stop, no list bullet, no menu separators. Headlines may
/// ask or exclaim; an article's sentences end with a full stop.
fn is_headline_shaped(text: &str, f: &crate::doc::LineFeatures) -> bool {
    // Looked for only once the measured features allow a headline: most lines fail those,
    // and the search for ". " reads the whole line.
    let bullet = || {
        text.starts_with(['-', '*', '•', '–', '·'])
            || text
                .split_once(". ")
                .is_some_and(|(n, _)| n.len() <= 3 && n.chars().all(|c| c.is_ascii_digit()))
    };
    // List items and table rows are not headlines: they introduce with a colon, carry
    // figures and units, or start in lower case.
    (4..=16).contains(&f.words)
        && f.inner_sentences == 0
        && f.separators == 0
        && f.starts_upper
        && f.digit_ratio <= 0.15
        && f.symbol_ratio <= 0.1
        && !bullet()
        && !text
            .trim_end_matches(['"', '\'', '”', '’', ')'])
            .ends_with(['.', ';', ',', ':'])
}

/// Lines after a marker that stay suspect; a teaser block rarely runs longer.
const BLOCK_REACH: usize = 40;

static MARKER_RE: Matcher = Matcher::new(&patterns::teaser::MARKER);

static INLINE_RE: Matcher = Matcher::new(&patterns::teaser::INLINE);

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
        let mut run: Vec<usize> = Vec::new();
        for &index in nonblank.iter().chain(std::iter::once(&usize::MAX)) {
            let shaped = doc
                .lines
                .get(index)
                .is_some_and(|l| is_headline_shaped(l.trimmed(), &l.features));
            if shaped {
                run.push(index);
                continue;
            }
            if run.len() >= HEADLINE_RUN {
                out.extend(run.iter().map(|&i| Finding::new(i, &HEADLINE_LIST, 0.75)));
            }
            run.clear();
        }
        let mut block_until = 0usize;
        for (k, &index) in nonblank.iter().enumerate() {
            let line = &doc.lines[index];
            let words = line.features.words;
            if words <= 30 && INLINE_RE.is_match(line.trimmed()) {
                out.push(Finding::new(index, &INLINE_LINK, 0.85));
            } else if (4..=25).contains(&words) && POSTED_AGO_RE.is_match(line.trimmed()) {
                out.push(Finding::new(index, &STAMPED_HEADLINE, 0.8));
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
    fn headlines_stamped_with_their_age_are_list_items() {
        for line in [
            "Apple working on new media apps for Windows ~11 hours ago",
            "Stadtrat beschließt neue Regeln für die Brücke vor 3 Stunden",
            "How the council plans to pay for the bridge repairs 2 days ago",
        ] {
            assert_eq!(
                fired_on_line(&Teaser, line),
                vec!["teaser.stamped_headline"],
                "{line}"
            );
        }
        for prose in [
            "The storm reached the coast three days ago, and the clean-up began 2 days ago.",
            "3 hours ago",
        ] {
            assert!(fired_on_line(&Teaser, prose).is_empty(), "{prose}");
        }
    }

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
            "Die meistgelesenen Artikel bei Sport",
            "Meistgelesen",
            "Noch mehr Infos für dich",
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
    fn a_run_of_headlines_is_a_list_of_other_stories() {
        let list = "How Jack Ma changed China\nHuawei says ban won't make America safe\n\
                    This is China's answer to the electric car\nWhat you need to know about Tencent\n\
                    Why fast food chains will do anything to win\n";
        assert_eq!(fired(&Teaser, list).len(), 5);
        let four = list.lines().take(4).collect::<Vec<_>>().join("\n");
        assert!(fired(&Teaser, &four).is_empty());
        let bullets = "- South Korea reports troop losses in the east\n- The alliance deepens with new arms\n\
                       - Sanctions are undermined on the peninsula\n- Tensions rise along the border again\n\
                       - Talks stall over the weekend in the capital\n";
        assert!(fired(&Teaser, bullets).is_empty());
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
