//! Navigation family: menus, breadcrumbs, share/follow buttons, login, cookie and legal notices.

use super::{matcher::Matcher, patterns, Category, Detector, Finding, Rule};
use crate::doc::Document;
use std::cell::Cell;

pub static COOKIE: Rule = Rule {
    id: "nav.cookie_notice",
    category: Category::Navigation,
    about: "cookie and consent banners (cookies, consent, Datenschutz, accept all)",
};
pub static LEGAL: Rule = Rule {
    id: "nav.legal",
    category: Category::Navigation,
    about: "copyright and legal footer lines (©, all rights reserved, Impressum, terms of use, privacy policy)",
};
pub static SHARE: Rule = Rule {
    id: "nav.share_follow",
    category: Category::Navigation,
    about: "share and follow buttons (Share on Facebook, Tweet, WhatsApp, Follow us, Teilen)",
};
pub static LOGIN: Rule = Rule {
    id: "nav.account",
    category: Category::Navigation,
    about:
        "login, registration and account prompts (Sign in, Log in, Forgot your password?, Anmelden)",
};
pub static BREADCRUMB: Rule = Rule {
    id: "nav.breadcrumb",
    category: Category::Navigation,
    about: "menu and breadcrumb lines: items joined by |, », ›, >, • (Home > News > World)",
};
pub static FURNITURE: Rule = Rule {
    id: "nav.furniture",
    category: Category::Navigation,
    about: "page furniture words on their own: Menu, Search, Home, Skip to content, Print, Comments, Back to top",
};
pub static COMMENTS: Rule = Rule {
    id: "nav.comments",
    category: Category::Navigation,
    about: "comment section headers and forms (Leave a reply, 3 comments, Kommentar schreiben)",
};

static RULES: &[&Rule] = &[
    &DATELINE,
    &PLACEHOLDER,
    &NOTICE,
    &COOKIE,
    &LEGAL,
    &SHARE,
    &LOGIN,
    &BREADCRUMB,
    &FURNITURE,
    &COMMENTS,
];

static COOKIE_RE: Matcher = Matcher::new(&patterns::nav::COOKIE);

static CONSENT_RE: Matcher = Matcher::new(&patterns::nav::CONSENT);

static LEGAL_RE: Matcher = Matcher::new(&patterns::nav::LEGAL);

static LEGAL_NOTICE_RE: Matcher = Matcher::new(&patterns::nav::LEGAL_NOTICE);

static SHARE_RE: Matcher = Matcher::new(&patterns::nav::SHARE);

static LOGIN_RE: Matcher = Matcher::new(&patterns::nav::LOGIN);

static BREADCRUMB_RE: Matcher = Matcher::new(&patterns::nav::BREADCRUMB);

static FURNITURE_RE: Matcher = Matcher::new(&patterns::nav::FURNITURE);

/// "Next: <title of the following post>": a link to the neighbouring post, title and all.
static POST_LINK_RE: Matcher = Matcher::new(&patterns::nav::POST_LINK);

static COMMENTS_RE: Matcher = Matcher::new(&patterns::nav::COMMENTS);
static COMMENTS_SAYS_RE: Matcher = Matcher::new(&patterns::nav::COMMENTS_SAYS);

/// False only when `text` cannot match [`COMMENTS_SAYS_RE`], which ends with one of its
/// verbs after a space, then `:?\s*$`. Most lines end otherwise, and its automaton would
/// read them whole (a bounded run of letters, many states). Non-ASCII near the end (a
/// Unicode space, `napisał`, a long s that folds to `s`) is left to the automaton.
fn ends_with_says(text: &str) -> bool {
    const VERBS: [&[u8]; 7] = [
        b" says",
        b" sagt",
        b" schreibt",
        b" said",
        b" wrote",
        b" dice",
        b" dit",
    ];
    let bytes = text.as_bytes();
    let mut end = bytes.len();
    while end > 0
        && matches!(
            bytes[end - 1],
            b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r'
        )
    {
        end -= 1;
    }
    if end > 0 && bytes[end - 1] == b':' {
        end -= 1;
    }
    let tail = &bytes[end.saturating_sub(10)..];
    !tail.is_ascii()
        || VERBS.iter().any(|verb| {
            end >= verb.len() && bytes[end - verb.len()..end].eq_ignore_ascii_case(verb)
        })
}

static PLACEHOLDER_RE: Matcher = Matcher::new(&patterns::nav::PLACEHOLDER);

static NOTICE_RE: Matcher = Matcher::new(&patterns::nav::NOTICE);
static NOTICE_GAPS_RE: Matcher = Matcher::new(&patterns::nav::NOTICE_GAPS);

static DATE_WORD_RE: Matcher = Matcher::new(&patterns::nav::DATE_WORD);

static CALENDAR_WORD_RE: Matcher = Matcher::new(&patterns::nav::CALENDAR_WORD);

/// Whether `text` names a month or a weekday: a dated line, whatever else it holds.
pub fn names_a_date(text: &str) -> bool {
    crate::doc::words(text).any(|w| CALENDAR_WORD_RE.is_match(w))
}

/// A dateline says when or by whom: a time of day, or a by/updated/published word.
static DATELINE_MARK_RE: Matcher = Matcher::new(&patterns::nav::DATELINE_MARK);

pub static DATELINE: Rule = Rule {
    id: "nav.dateline",
    category: Category::Navigation,
    about:
        "date, time and byline lines (By Jane Doe | 3 May 2022, 11:37 pm | Aktualisiert am 4. Mai)",
};
pub static PLACEHOLDER: Rule = Rule {
    id: "nav.placeholder",
    category: Category::Navigation,
    about: "embedded-content and script placeholders (enable JavaScript, load external content, view this tweet)",
};

pub static NOTICE: Rule = Rule {
    id: "nav.site_notice",
    category: Category::Navigation,
    about: "stock site notices: spam-filter and captcha notes, form consent, liability disclaimers, empty event widgets, download links, donation appeals",
};

/// Slots of [`DATELINES`]: a few documents' short lines.
const DATELINE_SLOTS: usize = 256;

/// A remembered [`is_dateline`] answer: the line's place (address, length), the matcher
/// scope's generation and the answer.
type Dateline = (usize, usize, u64, bool);

thread_local! {
    /// The answers of [`is_dateline`] for lines asked about lately inside a matcher scope:
    /// cards asks about a document's short lines and nav about all of them, in turn
    /// (16.9 k repeated asks on the generated corpus, ~690 instructions each).
    static DATELINES: [Cell<Dateline>; DATELINE_SLOTS] =
        const { [const { Cell::new((0, 0, 0, false)) }; DATELINE_SLOTS] };
}

/// True for a short line made of date words, numbers and at most a name or two.
fn is_dateline(text: &str, words: usize) -> bool {
    if !(2..=14).contains(&words) {
        return false;
    }
    // Inside a scope a line's place and the scope's generation stand for its bytes.
    let Some(generation) = super::matcher::scope_of(text) else {
        return is_dateline_asked(text);
    };
    let at = text.as_ptr() as usize;
    let place = at as u64 ^ (text.len() as u64).rotate_left(32);
    let slot = (place.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - DATELINE_SLOTS.trailing_zeros()))
        as usize;
    DATELINES.with(|lines| {
        let (was_at, len, scope, answer) = lines[slot].get();
        if (was_at, len, scope) == (at, text.len(), generation) {
            return answer;
        }
        let answer = is_dateline_asked(text);
        lines[slot].set((at, text.len(), generation, answer));
        answer
    })
}

/// [`is_dateline`] for a line of two to fourteen words, asked afresh.
fn is_dateline_asked(text: &str) -> bool {
    // "— Name (@handle) October 9, 2018" closes an embedded post, which articles quote.
    if text.contains('@') {
        return false;
    }
    // The set is case-insensitive, so a line whose lowercase differs from it only in ASCII
    // letters matches as its lowercase would; asked as it stands, it is the document's own
    // line, which the matcher has seen already (no copy, no second scan or mapping).
    let stamped = if text.is_ascii() || super::lower::lowers_as_ascii(text) {
        DATELINE_MARK_RE.is_match(text)
    } else {
        DATELINE_MARK_RE.is_match(&super::lower::to_lowercase(text))
    };
    if !stamped {
        return false;
    }
    let (mut dated, mut numbers, mut capitalised) = (0usize, 0usize, 0usize);
    for word in crate::doc::words(text) {
        if word.chars().all(|c| c.is_ascii_digit()) {
            numbers += 1;
        } else if DATE_WORD_RE.is_match(word) {
            dated += 1;
        } else if word.chars().next().is_some_and(char::is_uppercase) {
            capitalised += 1;
        } else {
            return false;
        }
    }
    numbers >= 1 && dated >= 1 && capitalised <= 4 && numbers + dated >= 3
}

/// Numeric dates and times as one word: 19.11.2019, 2019-11-19, 11/19/19, 10:32.
static NUMERIC_DATE_RE: Matcher = Matcher::new(&patterns::nav::NUMERIC_DATE);

/// False for a word no match of [`NUMERIC_DATE_RE`] can be: each starts with `\d`, a decimal
/// digit of any script, which `char::is_numeric` includes. Most words of a short line start
/// with a letter, and asking the matcher about a word costs more than looking at it.
fn may_be_numeric_date(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_numeric)
}

/// True for a line that only stamps a date or time ("Tuesday November 19, 2019", "2 hours
/// ago", "19.11.2019 10:32"): a dateline, or date words and numbers alone.
pub fn is_date_stamp(text: &str, words: usize) -> bool {
    if !(1..=8).contains(&words) {
        return false;
    }
    if is_dateline(text, words) {
        return true;
    }
    let (mut dated, mut numbers) = (0usize, 0usize);
    let tokens = text
        .split_whitespace()
        .map(|t| t.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|t| !t.is_empty());
    for word in tokens {
        if may_be_numeric_date(word) && NUMERIC_DATE_RE.is_match(word) {
            dated += 2;
        } else if word.chars().all(|c| c.is_ascii_digit()) {
            numbers += 1;
        } else if super::word_answers::is_match(&DATE_WORD_RE, word) {
            dated += 1;
        } else {
            return false;
        }
    }
    dated >= 2 || (dated >= 1 && numbers >= 1)
}

pub struct Nav;

impl Nav {
    fn classify(text: &str, words: usize, separators: usize) -> Option<(&'static Rule, f32)> {
        if is_dateline(text, words) {
            return Some((&DATELINE, 0.8));
        }
        if words <= 40 && PLACEHOLDER_RE.is_match(text) {
            return Some((&PLACEHOLDER, 0.85));
        }
        if words <= 120 && CONSENT_RE.is_match(text) {
            return Some((&COOKIE, 0.9));
        }
        if words <= 120 && COOKIE_RE.is_match(text) {
            let score = match words {
                0..=40 => 0.9,
                41..=60 => 0.75,
                _ => 0.6,
            };
            return Some((&COOKIE, score));
        }
        if words <= 40
            && (COMMENTS_RE.is_match(text)
                || ends_with_says(text) && COMMENTS_SAYS_RE.is_match(text))
        {
            return Some((&COMMENTS, 0.85));
        }
        // Template phrases, specific enough that a long line is still the notice (after the
        // comments check: a comments header stays a header, for the comment logic).
        if words <= 120 && (NOTICE_RE.is_match(text) || NOTICE_GAPS_RE.is_match(text)) {
            return Some((&NOTICE, if words <= 60 { 0.9 } else { 0.8 }));
        }
        if (words <= 25 && LEGAL_RE.is_match(text))
            || (words <= 60 && LEGAL_NOTICE_RE.is_match(text))
        {
            return Some((&LEGAL, 0.85));
        }
        if words <= 12 && LOGIN_RE.is_match(text) {
            return Some((&LOGIN, 0.85));
        }
        if words <= 8 && SHARE_RE.is_match(text) {
            return Some((&SHARE, 0.85));
        }
        if words <= 5 && FURNITURE_RE.is_match(text) || words <= 16 && POST_LINK_RE.is_match(text) {
            return Some((&FURNITURE, 0.8));
        }
        if (separators >= 2 && words <= 40 && separators * 6 >= words)
            || BREADCRUMB_RE.is_match(text)
        {
            return Some((&BREADCRUMB, 0.75));
        }
        None
    }
}

impl Detector for Nav {
    fn family(&self) -> &'static str {
        "nav"
    }

    fn rules(&self) -> &'static [&'static Rule] {
        RULES
    }

    fn detect(&self, doc: &Document, out: &mut Vec<Finding>) {
        for (index, line) in doc.lines.iter().enumerate() {
            if line.is_blank() {
                continue;
            }
            let f = &line.features;
            if let Some((rule, score)) = Nav::classify(line.trimmed(), f.words, f.separators) {
                out.push(Finding::new(index, rule, score));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::testing::{fired_on_line, for_each_line};

    /// The gate in front of [`COMMENTS_SAYS_RE`] lets through every line the `regex` crate
    /// matches with the set: tricky endings, and every line and word of the bundled and
    /// shared texts with each ending appended.
    #[test]
    fn ends_with_says_lets_every_byline_through() {
        let reference = regex::RegexBuilder::new(&patterns::nav::COMMENTS_SAYS.regex_text())
            .case_insensitive(true)
            .build()
            .expect("built-in pattern must compile");
        let check = |line: &str| {
            if reference.is_match(line) {
                assert!(ends_with_says(line), "{line:?}");
            }
        };
        let endings = [
            " says:",
            " SAYS",
            " says: ",
            " says:\t\r\n",
            " Sagt",
            " schreibt:",
            " said",
            " wrote\u{a0}",
            " Dice:",
            " dit",
            " napisał:",
            " napisała",
            " \u{17f}ays:",
            " \u{17f}aid",
            " says\u{2003}",
            " says:\u{85}",
            " says :",
            " says\u{a0}:",
        ];
        for ending in endings {
            for start in ["Jane Doe", "Émilie", "- Zoë O'Brien", "x", ""] {
                check(&format!("{start}{ending}"));
            }
        }
        // Every verb the pattern lists, read from it: one added there but not to the gate
        // fails here.
        let branch = patterns::nav::COMMENTS_SAYS.branches[0];
        let (_, group) = branch.rsplit_once(" (?:").expect("the verb group");
        let (verbs, _) = group.split_once(')').expect("the verb group's end");
        for verb in verbs.split('|') {
            let line = format!("Jane Doe {verb}:");
            assert!(reference.is_match(&line), "{line:?}");
            check(&line);
        }
        assert!(ends_with_says("Jane Doe says:"));
        assert!(!ends_with_says("Jane Doe says more"));
        let files = crate::test_texts::bundled()
            .into_iter()
            .chain(crate::test_texts::shared());
        for file in files {
            let text = String::from_utf8_lossy(&std::fs::read(file).unwrap()).into_owned();
            for line in text.lines() {
                check(line.trim());
                for ending in endings {
                    let words: Vec<&str> = line.split_whitespace().take(6).collect();
                    check(&format!("{}{ending}", words.join(" ")));
                }
            }
        }
    }

    /// Remembered answers are those of a fresh ask: for every line and word count, asked
    /// twice in a scope, and again in a new scope over other bytes at the same place.
    #[test]
    fn remembered_datelines_are_answered_as_asked_afresh() {
        let mut text = String::from("Updated 12:30 pm, 5 March 2024\nThe council met on Monday.");
        for round in 0..2 {
            {
                let _scope = crate::detect::MatchScope::enter(text.as_bytes());
                for line in text.lines() {
                    for words in 0..16 {
                        let fresh = (2..=14).contains(&words) && is_dateline_asked(line);
                        assert_eq!(is_dateline(line, words), fresh, "{line:?} {words}");
                        assert_eq!(is_dateline(line, words), fresh, "{line:?} {words}");
                    }
                }
            }
            if round == 0 {
                // Same place and length, other bytes: a new scope must not reuse answers.
                let first = text.find('\n').unwrap();
                let other: String = "x".repeat(first);
                text.replace_range(..first, &other);
            }
        }
        assert!(!is_dateline_asked(&"x".repeat(30)));
        assert!(is_dateline_asked("Updated 12:30 pm, 5 March 2024"));
    }

    /// A line asked as it stands gets its lowercase's answer whenever only ASCII letters
    /// change when it is lowercased (the set is case-insensitive).
    #[test]
    fn the_dateline_mark_answers_a_line_as_its_lowercase() {
        let same = |line: &str| {
            if super::super::lower::lowers_as_ascii(line) {
                assert_eq!(
                    DATELINE_MARK_RE.is_match(line),
                    DATELINE_MARK_RE.is_match(&line.to_lowercase()),
                    "{line:?}"
                );
            }
        };
        for line in [
            "Veröffentlicht AM 5. März",
            "Aktualisiert: 12:30 UHR",
            "— Von Jörg",
        ] {
            same(line);
        }
        for_each_line(|line| {
            same(line.trim());
            crate::doc::words(line).for_each(same);
        });
    }

    /// The pre-check never turns away a word the matcher accepts: every character leading
    /// the shapes a numeric date takes, and every word of the bundled and shared texts.
    #[test]
    fn a_numeric_date_always_passes_its_pre_check() {
        let accepted = |word: &str| !NUMERIC_DATE_RE.is_match(word) || may_be_numeric_date(word);
        for c in (0..=char::MAX as u32).filter_map(char::from_u32) {
            for rest in [":30", ".11.2019"] {
                let word = format!("{c}{rest}");
                assert!(accepted(&word), "{word:?}");
            }
        }
        for_each_line(|line| {
            line.split_whitespace()
                .for_each(|w| assert!(accepted(w), "{w:?}"))
        });
        for date in [
            "19.11.2019",
            "2019-11-19",
            "11/19/19",
            "10:32",
            "١٩.١١.٢٠١٩",
        ] {
            assert!(
                NUMERIC_DATE_RE.is_match(date) && may_be_numeric_date(date),
                "{date}"
            );
        }
    }

    #[test]
    fn cookie_banners() {
        let line = "We use cookies to improve your experience. By using this site you accept our cookie policy.";
        assert_eq!(fired_on_line(&Nav, line), vec!["nav.cookie_notice"]);
        let de = "Diese Website verwendet Cookies. Mit der Nutzung sind Sie einverstanden.";
        assert_eq!(fired_on_line(&Nav, de), vec!["nav.cookie_notice"]);
    }

    #[test]
    fn legal_footers() {
        for line in [
            "© 2024 Acme Media. All rights reserved.",
            "Impressum",
            "Privacy Policy",
            "This document is subject to copyright. Apart from any fair dealing, no part may be \
             reproduced without the written permission.",
            "Citation: Ships that sail themselves (2024, March 3) retrieved 4 March 2024 from \
             https://example.org/news/ships.html",
        ] {
            assert_eq!(fired_on_line(&Nav, line), vec!["nav.legal"], "{line}");
        }
    }

    #[test]
    fn a_long_consent_banner_is_as_sure_as_a_short_one() {
        let banner = "We use cookies and other tracking technologies to improve your browsing \
                      experience on our site, show personalized content and targeted ads, \
                      analyze site traffic, and understand where our audience is coming from. \
                      To find out more or to opt out, please read our privacy policy, where you \
                      can also change your settings at any time you like.";
        assert!(Nav::classify(banner, 61, 0)
            .is_some_and(|(rule, score)| { std::ptr::eq(rule, &COOKIE) && score >= 0.9 }));
        let privacy = "Your privacy is important to us. We have updated our privacy policy to \
                       better explain how we use data on this site.";
        assert_eq!(fired_on_line(&Nav, privacy), vec!["nav.cookie_notice"]);
    }

    #[test]
    fn reuse_notices_count_in_a_full_paragraph_but_a_mention_does_not() {
        let notice = "This copy is for your personal, non-commercial use only. Distribution and \
                      use of this material are governed by our subscriber agreement and by \
                      copyright law. For non-personal use or to order multiple copies, please \
                      contact our reprints desk at the number below or visit our site today.";
        assert_eq!(fired_on_line(&Nav, notice), vec!["nav.legal"]);
        let mention = "Unter dem Motto „some rights reserved“ stehen die Lizenzen als Konzept \
                       zwischen dem traditionellen Urheberrecht bzw. Copyright (all rights \
                       reserved) und dem Public Domain, und sie werden seit Jahren von Autoren, \
                       Fotografen und Musikern genutzt.";
        assert!(fired_on_line(&Nav, mention).is_empty());
    }

    #[test]
    fn links_to_the_neighbouring_post_and_recipe_buttons() {
        for line in [
            "Next: Elegantly activating a virtualenv in a Dockerfile",
            "Vorschau auf den nächsten Artikel",
            "Previous post",
            "Jump to Recipe Print Recipe",
        ] {
            assert_eq!(fired_on_line(&Nav, line), vec!["nav.furniture"], "{line}");
        }
        let prose = "Next, the council will vote on the budget for the repairs in the spring.";
        assert!(fired_on_line(&Nav, prose).is_empty());
    }

    #[test]
    fn share_and_follow_buttons() {
        for line in [
            "Share on Facebook",
            "Tweet",
            "WhatsApp",
            "Follow us on Twitter",
            "Facebook Twitter Email",
            "Teilen Sie dies mit:",
            "Gefällt mir:",
        ] {
            assert_eq!(
                fired_on_line(&Nav, line),
                vec!["nav.share_follow"],
                "{line}"
            );
        }
    }

    #[test]
    fn account_prompts() {
        for line in ["Sign In", "Forgot your password? Get help", "Anmelden"] {
            assert_eq!(fired_on_line(&Nav, line), vec!["nav.account"], "{line}");
        }
    }

    #[test]
    fn breadcrumbs_and_menus() {
        assert_eq!(
            fired_on_line(&Nav, "Home > News > World"),
            vec!["nav.breadcrumb"]
        );
        assert_eq!(
            fired_on_line(&Nav, "Politics | Business | Sport | Culture"),
            vec!["nav.breadcrumb"]
        );
        assert_eq!(
            fired_on_line(&Nav, "Skip to content"),
            vec!["nav.furniture"]
        );
    }

    #[test]
    fn datelines_and_bylines() {
        for line in [
            "3 May, 2022, 11:37 pm",
            "By Jane Doe | November 20, 2019",
            "Aktualisiert am 4. Mai 2021 um 16:14 Uhr",
        ] {
            assert_eq!(fired_on_line(&Nav, line), vec!["nav.dateline"], "{line}");
        }
        assert!(
            fired_on_line(&Nav, "On 4 May 2021 the council voted to close the bridge").is_empty()
        );
    }

    #[test]
    fn date_stamps_are_dates_and_numbers_alone() {
        for stamp in [
            "Tuesday November 19, 2019",
            "2 hours ago",
            "19.11.2019, 10:32 Uhr",
            "vor 3 Stunden",
            "By Jane Roe | May 3, 2022",
        ] {
            assert!(
                is_date_stamp(stamp, crate::doc::word_count(stamp)),
                "{stamp}"
            );
        }
        for other in ["Eat every 2–3 hours", "Meal 1", "Jane Roe", "2019"] {
            assert!(
                !is_date_stamp(other, crate::doc::word_count(other)),
                "{other}"
            );
        }
    }

    #[test]
    fn stock_site_notices() {
        for notice in [
            "This site uses Akismet to reduce spam. Learn how your comment data is processed.",
            "This site is protected by reCAPTCHA and the Google Privacy Policy and Terms of Service apply.",
            "Trotz sorgfältiger inhaltlicher Kontrolle übernehme ich keine Haftung für die Inhalte externer Links.",
            "Es gibt derzeit keine bevorstehenden Veranstaltungen.",
            "Wyrażam zgodę na przetwarzanie danych osobowych",
            "Mit der Anmeldung stimme ich der Bearbeitung meiner Daten zu.",
            "Empfohlener redaktioneller Inhalt",
            "The Blog does not offer medical advice, services, or treatments to its readers.",
            "Wir sind spendenfinanziert. Unterstütze auch du uns mit einem Dauerauftrag!",
            "Speicherdauer: Daten auf Ihrem Endgerät bis zu zwei Jahre.",
            "Dieser Text wurde veröffentlicht unter der Lizenz CC-BY-NC-ND-4.0-DE.",
            "We want to hear what you think about this article. Submit a letter to the editor.",
            "Kommentieren Sie hier",
            "Quellenangaben:",
            "Diese Plattform wird betrieben vom",
            "Beitragsbild: Titelseite der Zeitung vom 2.4.2019",
            "Filed Under: Lunch, Sharing, Sides",
            "Weitere Informationen zum Coronavirus in Thüringen:",
            "Haben Sie Fragen zum Magazin?",
            "Alles über nachhaltige Wanderschuhe findest Du hier.",
            "filter_none WEITERE BEITRÄGE ZU DIESEM ARTIKEL",
            "Weitere Tourentipps in Schweden",
            "Ich bin damit einverstanden, dass mir externe Inhalte angezeigt werden.",
            "Benachrichtigung aktivieren Dürfen wir Sie in Ihrem Browser über die wichtigsten Nachrichten informieren?",
            "Ich freue mich über eure Kommentare, eine Antwort kann manchmal etwas länger dauern.",
        ] {
            assert_eq!(fired_on_line(&Nav, notice), vec!["nav.site_notice"], "{notice}");
        }
        // Advice and liability as the article's subject are not a notice.
        let prose = "The court ruled that the clinic had given poor medical advice to the patient.";
        assert!(fired_on_line(&Nav, prose).is_empty());
    }

    #[test]
    fn embedded_content_placeholders() {
        let line = "Wir respektieren deine Privatsphäre und stellen deshalb ohne dein Einverständnis keine Verbindung zu Twitter her.";
        assert_eq!(fired_on_line(&Nav, line), vec!["nav.placeholder"]);
        assert_eq!(
            fired_on_line(&Nav, "Please enable JavaScript to view the comments."),
            vec!["nav.placeholder"]
        );
        for notice in [
            "We've detected you are on Internet Explorer. For the best experience, please update to a modern browser.",
            "CHROME SAFARI FIREFOX",
        ] {
            assert_eq!(fired_on_line(&Nav, notice), vec!["nav.placeholder"], "{notice}");
        }
        assert_eq!(
            fired_on_line(
                &Nav,
                "This copy is for your personal, non-commercial use only. To order copies, visit our site."
            ),
            vec!["nav.legal"]
        );
    }

    #[test]
    fn comment_sections() {
        assert_eq!(fired_on_line(&Nav, "Reply"), vec!["nav.comments"]);
        assert_eq!(
            fired_on_line(&Nav, "10 thoughts on “Why the bridge will stay closed”"),
            vec!["nav.comments"]
        );
        assert_eq!(
            fired_on_line(&Nav, "Ein Gedanke zu „Die Brücke bleibt zu“"),
            vec!["nav.comments"]
        );
        assert_eq!(fired_on_line(&Nav, "Jane Doe says:"), vec!["nav.comments"]);
        assert_eq!(fired_on_line(&Nav, "Leave a Reply"), vec!["nav.comments"]);
        assert_eq!(fired_on_line(&Nav, "12 Comments"), vec!["nav.comments"]);
    }

    #[test]
    fn prose_that_mentions_sharing_is_kept() {
        let line =
            "Investors were told to share the losses, and the bank said it would follow up in May.";
        assert!(fired_on_line(&Nav, line).is_empty());
    }
}
