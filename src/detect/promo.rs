//! Promo family: calls to action, ads, sponsored blurbs, newsletter / app / donation prompts.

use super::{matcher::Matcher, patterns, Category, Detector, Finding, Rule};
use crate::doc::Document;

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

static PAYWALL_RE: Matcher = Matcher::new(&patterns::promo::PAYWALL);

static PITCH_RE: Matcher = Matcher::new(&patterns::promo::PITCH);

static CTA: Matcher = Matcher::new(&patterns::promo::CALL_TO_ACTION);

static NEWSLETTER_RE: Matcher = Matcher::new(&patterns::promo::NEWSLETTER);

static AD_LABEL_RE: Matcher = Matcher::new(&patterns::promo::AD_LABEL);

static SPONSORED_TAIL_RE: Matcher = Matcher::new(&patterns::promo::SPONSORED_TAIL);

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
            } else if words <= 80 && PITCH_RE.is_match(text) {
                out.push(Finding::new(index, &PAYWALL, 0.85));
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
    fn catches_affiliate_disclosures_tip_lines_and_sign_up_reassurances() {
        for (line, rule) in [
            (
                "If you buy something through this post, Acme may get a share of the sale.",
                "promo.paywall",
            ),
            (
                "Join our Space Forums to keep talking space! Have a news tip? Let us know.",
                "promo.call_to_action",
            ),
            (
                "No spam, we promise. You can unsubscribe at any time.",
                "promo.newsletter",
            ),
            ("Jederzeit abmelden", "promo.newsletter"),
        ] {
            assert_eq!(fired_on_line(&Promo, line), vec![rule], "{line}");
        }
        let long = "If you enjoyed this article, we have a proposition for you: join our club. \
                    Members get all of our content, including the magazine, with no paywalls and \
                    no ads, plus access to our writers in exclusive calls and early looks at the \
                    stories we publish every week of the year.";
        let doc = Document::parse(long.as_bytes(), crate::doc::StopwordSet::shared());
        let mut findings = Vec::new();
        Promo.detect(&doc, &mut findings);
        assert!(findings
            .iter()
            .any(|f| f.rule.id == "promo.paywall" && f.score >= 0.85));
        // The words in a story are not the pitch.
        for line in [
            "She said she would never buy something she could not repair herself.",
            "The forum was held in the town hall, and the mayor spoke about spam calls.",
        ] {
            assert!(fired_on_line(&Promo, line).is_empty(), "{line}");
        }
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
