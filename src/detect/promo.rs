//! Promo family: calls to action, ads, sponsored blurbs, newsletter / app / donation prompts.

use super::{regex_any, Category, Detector, Finding, Rule};
use crate::doc::Document;
use regex::Regex;
use std::sync::LazyLock;

pub static CALL_TO_ACTION: Rule = Rule {
    id: "promo.call_to_action",
    category: Category::Promo,
    about: "an imperative pitch: claim / get / start / try ... free, subscribe, sign up, download the app",
};
pub static AD_LABEL: Rule = Rule {
    id: "promo.ad_label",
    category: Category::Promo,
    about:
        "an advertising label on its own: Advertisement, Sponsored, Anzeige, Werbung, Publicidad",
};
pub static NEWSLETTER: Rule = Rule {
    id: "promo.newsletter",
    category: Category::Promo,
    about: "newsletter, subscription and membership prompts in several languages",
};
pub static SPONSORED_TAIL: Rule = Rule {
    id: "promo.sponsored_paragraph",
    category: Category::Promo,
    about: "a paragraph that closes on a pitch (\"Learn more about ...\", \"Read more about ... here.\")",
};

pub static PAYWALL: Rule = Rule {
    id: "promo.paywall",
    category: Category::Promo,
    about: "paywall and support appeals: continue reading with a subscription, disable your ad blocker, support us",
};

static RULES: &[&Rule] = &[
    &CALL_TO_ACTION,
    &AD_LABEL,
    &NEWSLETTER,
    &SPONSORED_TAIL,
    &PAYWALL,
];

static PAYWALL_RE: LazyLock<Regex> = LazyLock::new(|| {
    regex_any(&[
        r"\b(?:continue|keep) reading\b.{0,40}\b(?:subscri|sign|log|account|free)",
        r"\balready (?:a )?(?:subscriber|member)\b|\bsubscribe to (?:read|continue|unlock)\b|\bsubscribers only\b",
        r"\bunlimited (?:digital )?access\b|\bthis (?:article|content) is (?:for|available to|reserved for) (?:subscribers|members)\b",
        r"\b(?:ad[- ]?blocker|adblock(?:er)?|werbeblocker|bloqueador de anuncios|bloqueur de publicité)\b",
        r"\brel(?:y|ies) on (?:\w+ )?(?:advertising|advertisements|ads|reader support)\b",
        r"\bweiterlesen mit\b|\bjetzt weiterlesen\b|\blesen sie weiter mit\b|\bwählen sie ihren zugang\b|\bzugang (?:wählen|sichern)\b|\bplus-artikel\b|\be-paper\b|\bdigital-?abo\b",
        r"\b(?:unterstützen sie|unterstütze) (?:uns|unsere arbeit|unabhängigen journalismus)\b|\bsupport (?:us|our work|our journalism|independent journalism|the \w+)\W*$",
        r"\baffiliate(?:[- ]links?|[- ]partnerships?| commission)\b|\b(?:may|might|can) earn (?:a )?(?:small )?commission\b|\berhält\b.{0,40}\bprovision\b|\bprovision vom händler\b|\bpartnerlinks?\b",
        r"\bif you (?:enjoyed|liked|value|appreciate) (?:this|our) (?:article|story|journalism|content|work)\b|\bmembers get (?:all|unlimited|access)\b",
        r"\bsuscr[ií]bete para (?:seguir|continuar) leyendo\b|\babonnez-vous pour (?:lire|continuer)\b|\bcet article est réservé aux abonnés\b",
    ])
});

static CTA: LazyLock<Regex> = LazyLock::new(|| {
    regex_any(&[
        r"\bclaim your (?:free|gift|bonus|\w+ free)\b",
        r"\bstart your [\w ]{0,30}journey\b",
        r"\b(?:get|grab|unlock|claim) (?:your|a|\d+%?) (?:free|exclusive|bonus|discount)",
        r"\bfree (?:shares|trial|stock|gift)\b",
        r"\b(?:download|get) (?:the|our) (?:free )?app\b",
        r"\bavailable on the app store\b|\bget it on google play\b",
        r"\b(?:sign up|register) (?:now|today|for free|here)\b",
        r"\btry (?:it )?(?:for )?free\b|\bstart (?:your )?free trial\b",
        r"\b(?:support|fund) (?:our|independent|quality) journalism\b",
        r"\b(?:donate|make a donation|become a (?:member|supporter|patron))\b",
        r"\bjetzt (?:kostenlos |gratis )?(?:testen|bestellen|sichern|herunterladen|spenden|unterstützen)\b",
        r"\b(?:gratis|kostenlos) (?:testen|downloaden|herunterladen)\b",
        r"\bapp (?:herunterladen|laden)\b",
        r"\b(?:descarga|descargue) (?:la|nuestra) app\b|\btéléchargez (?:l'|notre )app",
        r"\b(?:shop now|buy now|order now|jetzt kaufen|compra ahora|achetez maintenant)\b",
        r"\buse (?:code|promo code)\b|\bgutscheincode\b",
        // "Liked this article?": the appeal that precedes a share, donate or follow button.
        r"\b(?:dieser|der|unser) (?:artikel|beitrag|text) gefällt (?:dir|ihnen)\b|\b(?:hat (?:dir|ihnen)|(?:dir|ihnen) hat) (?:der|dieser|unser) (?:artikel|beitrag|text) gefallen\b|\bgefällt (?:dir|ihnen) (?:der|dieser|unser|unsere)\b",
        r"\b(?:did you|do you) (?:enjoy|like) this (?:article|post|story|recipe)\b|^\W*(?:enjoyed|liked) this (?:article|post|story|recipe)\b|\bte ha gustado (?:este|el) (?:art[ií]culo|post)\b|\bcet article vous a plu\b",
    ])
});

static NEWSLETTER_RE: LazyLock<Regex> = LazyLock::new(|| {
    regex_any(&[
        r"\bnewsletter\b",
        r"\bsubscribe (?:now|today|here|to (?:our|the))\b|\bsubscribe\s*$",
        r"^\s*subscribe\b",
        r"\b(?:sign up|signup) for (?:our|the|free|daily|weekly)\b",
        r"\b(?:delivered|straight) to your inbox\b|\bin your inbox\b",
        r"\bjetzt abonnieren\b|\babonnieren sie\b|\bjetzt (?:registrieren|anmelden)\b",
        r"\b(?:abo|abonnement) (?:abschließen|testen)\b|\bprobeabo\b",
        r"\bsuscr[ií]b(?:e|ete|ase)\b|\bbolet[ií]n\b",
        r"\b(?:beiträge|artikel|neuigkeiten|news) per e-?mail\b|\be-?mail-adresse eingeben\b|\benter your e-?mail (?:address )?(?:below|here)\b",
        r"\breceive (?:a|our) (?:daily|weekly|free)\b|\bget (?:our|the) (?:daily|weekly) (?:newsletter|digest|briefing|email)\b|\benter your e-?mail\b",
        r"\bsubskrypc|\bzapraszamy (?:też |także )?do (?:subskrypcji|prenumeraty)\b|\bdirekt in (?:dein|ihr) postfach\b",
        r"\babonnez-vous\b|\binscrivez-vous\b",
        r"\bzapisz si[eę] (?:do|na) newsletter\b|\bzaprenumeruj\b",
        r"\biscriviti\b",
        r"\b(?:send|e-?mail|notify) me (?:an )?(?:e-?mail )?(?:every|for every|of|about|when there is a) new (?:post|article)s?\b",
    ])
});

static AD_LABEL_RE: LazyLock<Regex> = LazyLock::new(|| {
    regex_any(&[
        r"^\W*(?:advertisement|advertising|advert|ad|ads|sponsored(?: content| post| by .*)?|paid (?:post|content|partner(?:ship)?)|promoted(?: content| by .*)?|partner content|anzeige|werbung|publicidad|publicité|pubblicità|reklama|advertentie)\W*$",
        r"^\W*(?:story continues below (?:this )?advertisement|continue reading below|artikel wird unter der anzeige fortgesetzt|weiter nach der anzeige|article continues below)\W*$",
    ])
});

static SPONSORED_TAIL_RE: LazyLock<Regex> = LazyLock::new(|| {
    regex_any(&[
        r"(?:^|[.!?]\s+)(?:learn more|find out more|read more|discover more|click here|see more)\b[^.!?]{0,90}[.!?]?\s*$",
        r"(?:^|[.!?]\s+)(?:mehr erfahren|jetzt mehr erfahren|hier klicken|mehr infos?)\b[^.!?]{0,90}[.!?]?\s*$",
    ])
});

pub struct Promo;

impl Detector for Promo {
    fn family(&self) -> &'static str {
        "promo"
    }

    fn rules(&self) -> &'static [&'static Rule] {
        RULES
    }

    fn detect(&self, doc: &Document, out: &mut Vec<Finding>) {
        for (index, line) in doc.lines.iter().enumerate() {
            if line.is_blank() {
                continue;
            }
            let text = line.trimmed();
            let words = line.features.words;
            if words <= 6 && AD_LABEL_RE.is_match(text) {
                out.push(Finding::new(index, &AD_LABEL, 0.95));
            } else if words <= 40 && PAYWALL_RE.is_match(text) {
                let score = if words <= 25 { 0.85 } else { 0.6 };
                out.push(Finding::new(index, &PAYWALL, score));
            } else if CTA.is_match(text) {
                // A pitch inside a long paragraph is weaker evidence than a short pitch line.
                let score = if words <= 25 { 0.9 } else { 0.55 };
                out.push(Finding::new(index, &CALL_TO_ACTION, score));
            } else if NEWSLETTER_RE.is_match(text) {
                let score = if words <= 25 { 0.85 } else { 0.45 };
                out.push(Finding::new(index, &NEWSLETTER, score));
            } else if words >= 25 && SPONSORED_TAIL_RE.is_match(text) {
                out.push(Finding::new(index, &SPONSORED_TAIL, 0.6));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::testing::fired_on_line;

    #[test]
    fn catches_the_founding_promo() {
        let line = "Start your investing journey with a gift! Claim your free Webull shares";
        assert_eq!(fired_on_line(&Promo, line), vec!["promo.call_to_action"]);
    }

    #[test]
    fn catches_ad_labels_in_several_languages() {
        for label in [
            "Advertisement",
            "ANZEIGE",
            "Sponsored by Acme",
            "Publicidad",
            "- Werbung -",
        ] {
            assert_eq!(
                fired_on_line(&Promo, label),
                vec!["promo.ad_label"],
                "{label}"
            );
        }
    }

    #[test]
    fn catches_liked_this_article_appeals() {
        for line in [
            "Dieser Artikel gefällt Ihnen?",
            "Dir hat der Artikel gefallen? Jetzt teilen...",
            "Did you enjoy this article? Share it with a friend.",
            "¿Te ha gustado este artículo?",
        ] {
            assert_eq!(
                fired_on_line(&Promo, line),
                vec!["promo.call_to_action"],
                "{line}"
            );
        }
        // Liking something inside an article is not an appeal.
        let prose = "Die Besucher sagten, dass ihnen der neue Park am Fluss sehr gut gefällt.";
        assert!(fired_on_line(&Promo, prose).is_empty());
    }

    #[test]
    fn catches_newsletter_prompts() {
        assert_eq!(
            fired_on_line(
                &Promo,
                "Sign up for our daily newsletter and get the news in your inbox."
            ),
            vec!["promo.newsletter"]
        );
        assert_eq!(
            fired_on_line(&Promo, "Jetzt abonnieren und weiterlesen"),
            vec!["promo.newsletter"]
        );
        assert_eq!(
            fired_on_line(&Promo, "Send me email every new post."),
            vec!["promo.newsletter"]
        );
    }

    #[test]
    fn catches_a_sponsored_paragraph_closing_on_a_pitch() {
        let line = "Acme is investing in towns across the country, training workers and building \
                    new plants, and it expects to create many thousands of jobs over the coming \
                    decade. Learn more about Acme's commitment to local manufacturing.";
        assert_eq!(
            fired_on_line(&Promo, line),
            vec!["promo.sponsored_paragraph"]
        );
    }

    #[test]
    fn leaves_ordinary_prose_alone() {
        let line =
            "The minister said the free trade agreement would be signed next week in Brussels.";
        assert!(fired_on_line(&Promo, line).is_empty());
        assert!(fired_on_line(
            &Promo,
            "He subscribed to the theory that markets self-correct."
        )
        .is_empty());
    }
}
