//! Navigation family: menus, breadcrumbs, share/follow buttons, login, cookie and legal notices.

use super::{regex_any, Category, Detector, Finding, Rule};
use crate::doc::Document;
use regex::Regex;
use std::sync::LazyLock;

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
    &COOKIE,
    &LEGAL,
    &SHARE,
    &LOGIN,
    &BREADCRUMB,
    &FURNITURE,
    &COMMENTS,
];

static COOKIE_RE: LazyLock<Regex> = LazyLock::new(|| {
    regex_any(&[
        r"\bcookies?\b.{0,80}\b(?:use|uses|using|accept|consent|settings|policy|einverstanden|verwendet|nutzt|akzeptieren|utiliza|utilizamos|utilise|utilisons|używa|zgod)",
        r"\b(?:we|this (?:site|website)) uses? cookies\b",
        r"\b(?:use|uses|using|korzystamy z|używamy|utilizamos|utilisons|utilizziamo|verwenden|nutzen|setzen)\W+(?:\w+\W+){0,3}(?:cookies?|plików cookie)\b",
        r"\b(?:accept|reject|allow) (?:all )?cookies\b|\bcookie (?:settings|policy|preferences|banner|notice|richtlinie|einstellungen|hinweis)\b",
        r"\b(?:alle )?(?:cookies )?akzeptieren\b|\bzustimmen und weiter\b|\beinwilligung\b.{0,40}\bwiderrufen\b",
        r"\bconsent (?:preferences|settings|management)\b|\bmanage (?:consent|preferences)\b",
        r"\bpolítica de cookies\b|\bpolitique (?:de|relative aux) cookies\b|\bpliki cookies?\b",
    ])
});

static LEGAL_RE: LazyLock<Regex> = LazyLock::new(|| {
    regex_any(&[
        r"^\W*(?:©|\(c\)|copyright)\s*(?:\d{4}|\p{L})",
        r"\bfor (?:your )?personal,? non-?commercial use only\b|\ball rights reserved\b|\balle rechte vorbehalten\b|\btodos los derechos reservados\b|\btous droits réservés\b|\bwszelkie prawa zastrzeżone\b|\btutti i diritti riservati\b",
        r"^\W*(?:impressum|imprint|datenschutz(?:erklärung)?|privacy(?: policy| notice| settings)?|terms(?: of (?:use|service))?(?: and conditions)?|agb|nutzungsbedingungen|disclaimer|haftungsausschluss|sitemap|mediadaten|aviso legal|política de privacidad|mentions légales|polityka prywatności|regulamin|contact(?: us)?|kontakt|about(?: us)?|über uns|careers|jobs|advertise(?: with us)?|werben|accessibility|barrierefreiheit)\W*$",
    ])
});

static SHARE_RE: LazyLock<Regex> = LazyLock::new(|| {
    regex_any(&[
        r"^\W*(?:share|teilen|compartir|partager|udostępnij|condividi|delen|tweet|pin it|e-?mail|print|drucken|whatsapp|facebook|twitter|x|linkedin|pinterest|reddit|telegram|xing|flipboard|messenger|copy link|link kopieren|imprimir|imprimer)(?:\s+(?:on|this|via|auf|per|en|sur|it|article|artikel|story|page|link)\b.{0,30})?\W*$",
        r"^\W*(?:share|teilen)\s+(?:on|this|via|auf|per)\b",
        // WordPress's "Share this:" / "Like this:" headers, as sites translate them.
        r"^\W*(?:teilen sie dies mit|teile dies mit|gefällt mir|like this|me gusta|j'aime|compartir esto|partager cette page|udostępnij to)\W*$",
        r"\bfollow (?:us|me)\b|\bfolgen sie uns\b|\bfolge uns\b|\bsíguenos\b|\bsuivez-nous\b|\bobserwuj nas\b|\bseguici\b",
        r"^\W*(?:(?:facebook|twitter|instagram|youtube|linkedin|pinterest|whatsapp|tiktok|xing|telegram|e-?mail|rss)\W*){2,}$",
    ])
});

static LOGIN_RE: LazyLock<Regex> = LazyLock::new(|| {
    regex_any(&[
        r"^\W*(?:sign in|sign up|log ?in|log ?out|register|my account|create an account|anmelden|abmelden|einloggen|registrieren|mein konto|iniciar sesión|regístrate|se connecter|connexion|mon compte|zaloguj(?: się)?|zarejestruj(?: się)?|accedi|registrati)\W*$",
        r"\bforgot (?:your )?password\b|\bpasswort vergessen\b|\bwelcome!? log into your account\b|\b(?:your|dein|ihr) (?:username|password|passwort|benutzername)\b",
        r"^\W*(?:sign in|log in|anmelden|einloggen)\s+(?:or|oder|to|und|/)\b",
    ])
});

static BREADCRUMB_RE: LazyLock<Regex> = LazyLock::new(|| {
    regex_any(&[r"^\W*(?:home|startseite|inicio|accueil|strona główna|start)\s*(?:[>»›/|•·]|→)"])
});

static FURNITURE_RE: LazyLock<Regex> = LazyLock::new(|| {
    regex_any(&[
        r"^\W*(?:menu|menü|navigation|search|suche|suchen|buscar|rechercher|szukaj|home|startseite|inicio|accueil|skip to (?:main )?content|skip to navigation|jump to navigation|zum inhalt springen|direkt zum inhalt|back to top|nach oben|zurück|weiter|next|previous|prev|close|schließen|open|more|mehr|show more|load more|mehr laden|mehr anzeigen|ver más|voir plus|toggle navigation|main menu|hauptmenü|advertisement|top|startseite)\W*$",
        r"^\W*(?:\d+\s+)?(?:comments?|kommentare?|comentarios?|commentaires?|komentarz[ey]?)\W*$",
        // Links to the neighbouring post, and a recipe page's jump buttons.
        r"^\W*(?:vorschau auf den nächsten artikel|next (?:post|article|story)|previous (?:post|article|story)|nächster (?:artikel|beitrag)|vorheriger (?:artikel|beitrag)|article (?:suivant|précédent)|(?:siguiente|anterior) (?:artículo|entrada)|(?:artículo|entrada) (?:siguiente|anterior))\W*$",
        r"^\W*(?:jump to recipe|print recipe|zum rezept|rezept drucken)\b",
    ])
});

/// "Next: <title of the following post>": a link to the neighbouring post, title and all.
static POST_LINK_RE: LazyLock<Regex> = LazyLock::new(|| {
    regex_any(&[
        r"^\W*(?:next|previous|prev|nächster|vorheriger|voriger)(?: (?:post|article|artikel|beitrag|story))?\s*[:»›>]\s*\S",
    ])
});

static COMMENTS_RE: LazyLock<Regex> = LazyLock::new(|| {
    regex_any(&[
        r"^\W*(?:leave a (?:reply|comment)|post a comment|add a comment|write a comment|join the (?:conversation|discussion)|kommentar (?:schreiben|verfassen|hinzufügen)|schreibe(?:n sie)? einen kommentar|deja (?:un|tu) comentario|laisser un commentaire|dodaj komentarz|lascia un commento)\b",
        r"\byour email address will not be published\b|\bihre e-mail-adresse wird nicht veröffentlicht\b|\brequired fields are marked\b|\berforderliche felder sind\b",
        r"^\W*\d+\s+(?:comments?|kommentare?|reactions|antworten|replies)\W*$",
        // WordPress's comments header: "10 thoughts on “Title”", "Ein Gedanke zu „Titel“".
        r"^\W*(?:\d+|one|two|three|ein|eine|zwei|drei|un|una|une|deux)\s+(?:thoughts?|responses?|comments?|replies|reactions|gedanken?|kommentare?|antworten|comentarios?|respuestas?|commentaires?|réponses?|komentarz[ey]?)\s+(?:on|to|zu|auf|a|en|sur|sobre|do)\s+[\x22“„«‘'‚]",
        r"^\W*(?:reply|antworten|responder|répondre|odpowiedz|rispondi|cancel reply|antwort abbrechen|log in to reply|melden|report comment)\W*$",
        r"^\W*(?:hier ist )?(?:ihre|deine) meinung(?: ist)? gefragt\W*$|^\W*(?:what do you think|tell us what you think|was meinen sie|was denkst du)\W*\??\W*$",
        r"^\W*[\p{L}][\p{L} .'-]{1,40} (?:says|sagt|schreibt|said|wrote|dice|dit|napisał|napisała):?\s*$",
        r"\bkommentarfunktion\b|\bcomments? (?:are|is) (?:closed|moderated)\b|\bkommentare sind (?:geschlossen|deaktiviert)\b|\bnetiquette\b|\bsave my name, email\b|\bnotify me of (?:follow-up|new) (?:comments|posts)\b|\bbenachrichtige mich\b",
    ])
});

static PLACEHOLDER_RE: LazyLock<Regex> = LazyLock::new(|| {
    regex_any(&[
        r"\b(?:please )?(?:enable|activate|aktivieren sie) javascript\b|\bjavascript (?:is )?(?:disabled|deaktiviert|required)\b|\bmüssen sie javascript\b",
        r"\bkeine verbindung zu (?:twitter|facebook|youtube|instagram|x)\b|\bohne (?:dein|ihr) einverständnis\b|\bexterne(?:n|r)? inhalte?\b.{0,60}\b(?:laden|anzeigen|zustimm|aktivier)",
        r"\b(?:to )?(?:view|see|load|display) this (?:content|video|tweet|post|embed)\b|\bthis (?:content|embed|video) is (?:hosted|provided) by\b",
        r"\byour browser does(?: not|n't) support\b|\bihr browser unterstützt\b|\biframe\b|<script\b|<div\b",
        // Browser notices: "We've detected you are on Internet Explorer ... update to a modern browser".
        r"\bwe(?:'ve| have) detected (?:that )?you(?:'re| are) (?:on|using)\b|\bplease (?:update|upgrade) (?:to )?(?:a (?:modern|newer|supported) browser|your browser)\b",
        r"^\W*(?:(?:chrome|safari|firefox|edge|opera|internet explorer)\W*){2,}$",
    ])
});

/// Words that make up a dateline or byline: numbers aside, these and names are all it holds.
/// Month and weekday names in the sets' languages, one word each.
const MONTHS: &str = r"^(?:jan(?:uary|uar)?|feb(?:ruary|ruar)?|mar(?:ch)?|märz|apr(?:il)?|may|mai|june?|juni|july?|juli|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|okt(?:ober)?|nov(?:ember)?|dec(?:ember)?|dez(?:ember)?|jänner|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre|stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|października|listopada|grudnia)$";
const WEEKDAYS: &str = r"^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)$|^(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lunes|martes|miércoles|jueves|viernes|sábado|domingo|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)$";

static DATE_WORD_RE: LazyLock<Regex> = LazyLock::new(|| {
    regex_any(&[
        MONTHS,
        WEEKDAYS,
        r"^(?:am|um|uhr|at|on|pm|a|p|m|by|von|par|por|de|le|el|updated|published|posted|aktualisiert|veröffentlicht|erschienen|stand|publié|mis|jour|publicado|actualizado|min|read|lesezeit|minutes?|minuten|ago|vor|hours?|stunden|days?|tagen?|weeks?|wochen|months?|monaten?|years?|jahren?|hace|il|y|utc|gmt|cet|cest|est|edt|pst|bst)$",
    ])
});

static CALENDAR_WORD_RE: LazyLock<Regex> = LazyLock::new(|| regex_any(&[MONTHS, WEEKDAYS]));

/// Whether `text` names a month or a weekday: a dated line, whatever else it holds.
pub fn names_a_date(text: &str) -> bool {
    crate::doc::words(text).any(|w| CALENDAR_WORD_RE.is_match(w))
}

/// A dateline says when or by whom: a time of day, or a by/updated/published word.
static DATELINE_MARK_RE: LazyLock<Regex> = LazyLock::new(|| {
    regex_any(&[
        r"\d{1,2}[:.]\d{2}\s*(?:am|pm|uhr|h)?\b|\b(?:am|pm)\b|\buhr\b",
        r"^\W*(?:by|von|par|por|di|door)\s|\b(?:updated|published|posted|aktualisiert|veröffentlicht|erschienen|stand|publié|publicado|actualizado|min read|lesezeit|ago)\b|^\W*(?:vor|hace|il y a)\s+\d",
    ])
});

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

/// True for a short line made of date words, numbers and at most a name or two.
fn is_dateline(text: &str, words: usize) -> bool {
    // "— Name (@handle) October 9, 2018" closes an embedded post, which articles quote.
    if !(2..=14).contains(&words) || text.contains('@') {
        return false;
    }
    let lower = text.to_lowercase();
    let stamped = DATELINE_MARK_RE.is_match(&lower);
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
static NUMERIC_DATE_RE: LazyLock<Regex> =
    LazyLock::new(|| regex_any(&[r"^(?:\d{1,4}[./-]\d{1,2}[./-]\d{2,4}|\d{1,2}:\d{2})\.?$"]));

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
        if NUMERIC_DATE_RE.is_match(word) {
            dated += 2;
        } else if word.chars().all(|c| c.is_ascii_digit()) {
            numbers += 1;
        } else if DATE_WORD_RE.is_match(word) {
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
        if words <= 120 && COOKIE_RE.is_match(text) {
            let score = match words {
                0..=40 => 0.9,
                41..=60 => 0.75,
                _ => 0.6,
            };
            return Some((&COOKIE, score));
        }
        if words <= 40 && COMMENTS_RE.is_match(text) {
            return Some((&COMMENTS, 0.85));
        }
        if words <= 25 && LEGAL_RE.is_match(text) {
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
    use crate::detect::testing::fired_on_line;

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
        ] {
            assert_eq!(fired_on_line(&Nav, line), vec!["nav.legal"], "{line}");
        }
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
