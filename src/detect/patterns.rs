//! Every detector pattern as plain data, one [`Patterns`] set per matcher.
//!
//! The patterns are written for Unicode, case-insensitive matching (except where a set says
//! otherwise), and a set matches a line exactly when the `regex` crate says its
//! [`Patterns::regex_text`] does. They are not compiled at run time: that took ~130 ms per
//! process (issue #5). `build.rs` includes this file (so it must not use anything else of the
//! crate), rewrites each set into an equivalent NFA over a small byte alphabet and stores it
//! in the binary; `src/detect/matcher.rs` runs it.
//!
//! `\b` is always an ASCII word boundary: a Unicode boundary makes the regex engine leave its
//! fast DFA for a slow NFA on any non-ASCII line (measured: 60% of run time on German text),
//! and the byte alphabet could not express it. Patterns therefore avoid `\b` next to a
//! non-ASCII letter and use `(?:\W|$)` there instead.

/// One matcher: a line matches when any branch matches somewhere in it.
pub struct Patterns {
    /// Stable id (`family.name`): the key of the compiled automaton.
    pub name: &'static str,
    /// Match letters in any case (Unicode simple case folding, as the `regex` crate does).
    pub case_insensitive: bool,
    pub branches: &'static [&'static str],
}

impl Patterns {
    /// The set as one regular expression for the `regex` crate: branches joined by `|`,
    /// each `\b` turned into the ASCII `(?-u:\b)`. Apply [`Patterns::case_insensitive`]
    /// with the builder.
    pub fn regex_text(&self) -> String {
        self.branches
            .iter()
            .map(|p| format!("(?:{})", p.replace(r"\b", r"(?-u:\b)")))
            .collect::<Vec<_>>()
            .join("|")
    }
}

/// Every set, each once.
pub const ALL: &[&Patterns] = &[
    &promo::PAYWALL,
    &promo::PITCH,
    &promo::CALL_TO_ACTION,
    &promo::NEWSLETTER,
    &promo::AD_LABEL,
    &promo::SPONSORED_TAIL,
    &caption::AGENCY,
    &caption::LABEL,
    &caption::CLOSING,
    &caption::DESCRIPTION,
    &caption::DATED_SCENE,
    &teaser::POSTED_AGO,
    &teaser::MARKER,
    &teaser::INLINE,
    &nav::COOKIE,
    &nav::CONSENT,
    &nav::LEGAL,
    &nav::LEGAL_NOTICE,
    &nav::SHARE,
    &nav::LOGIN,
    &nav::BREADCRUMB,
    &nav::FURNITURE,
    &nav::POST_LINK,
    &nav::COMMENTS,
    &nav::COMMENTS_SAYS,
    &nav::PLACEHOLDER,
    &nav::NOTICE,
    &nav::NOTICE_GAPS,
    &nav::DATE_WORD,
    &nav::CALENDAR_WORD,
    &nav::DATELINE_MARK,
    &nav::NUMERIC_DATE,
    &bio::BIO_ANY_GAP,
    &bio::BIO,
];

/// Promo family: calls to action, ad labels, newsletter, paywall and sponsored-paragraph pitches.
pub mod promo {
    use super::Patterns;

    pub const PAYWALL: Patterns = Patterns {
        name: "promo.paywall",
        case_insensitive: true,
        branches: &[
            r"\b(?:continue|keep) reading\b.{0,40}\b(?:subscri|sign|log|account|free)",
            r"\balready (?:a )?(?:subscriber|member)\b|\bsubscribe to (?:read|continue|unlock)\b|\bsubscribers only\b",
            r"\bunlimited (?:digital )?access\b|\bthis (?:article|content) is (?:for|available to|reserved for) (?:subscribers|members)\b",
            r"\b(?:ad[- ]?blocker|adblock(?:er)?|werbeblocker|bloqueador de anuncios|bloqueur de publicité)\b",
            r"\brel(?:y|ies) on (?:\w+ )?(?:advertising|advertisements|ads|reader support)\b",
            r"\bweiterlesen mit\b|\bjetzt weiterlesen\b|\blesen sie weiter mit\b|\bwählen sie ihren zugang\b|\bzugang (?:wählen|sichern)\b|\bplus-artikel\b|\be-paper\b|\bdigital-?abo\b",
            r"\b(?:unterstützen sie|unterstütze) (?:uns|unsere arbeit|unabhängigen journalismus)\b|\bsupport (?:us|our work|our journalism|independent journalism|the \w+)\W*$",
            r"\baffiliate(?:[- ]links?|[- ]partnerships?| commission)\b|\b(?:may|might|can) earn (?:a )?(?:small )?commission\b|\berhält\b.{0,40}\bprovision\b|\bprovision vom händler\b|\bpartnerlinks?\b",
            r"\bsuscr[ií]bete para (?:seguir|continuar) leyendo\b|\babonnez-vous pour (?:lire|continuer)\b|\bcet article est réservé aux abonnés\b",
        ],
    };

    /// Pitches whose wording no article uses: sure in a paragraph of any reasonable length
    /// ("If you enjoyed this article, we have a proposition for you: Join ... Members get ...").
    pub const PITCH: Patterns = Patterns {
        name: "promo.pitch",
        case_insensitive: true,
        branches: &[
            r"\bif you (?:enjoyed|liked|value|appreciate) (?:this|our) (?:article|story|journalism|content|work)\b|\bmembers get (?:all|unlimited|access)\b",
            // Affiliate disclosures: "If you buy something through this post, X may get a share of the sale."
            r"\bif you (?:buy|purchase) (?:something|anything|a product|products) (?:through|from|via|using) (?:this|our|the|these|links)\b|\b(?:may|might) (?:get|receive|earn|collect) a (?:share|portion|percentage|cut|small share) (?:of|from) (?:the )?(?:sales?|revenue)\b",
        ],
    };

    pub const CALL_TO_ACTION: Patterns = Patterns {
        name: "promo.call_to_action",
        case_insensitive: true,
        branches: &[
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
            r"\bjoin (?:our|the) (?:\w+ ){0,3}forums?\b|\b(?:have|got) a news tip\b|\bsend us (?:a|your) (?:news )?tips?\b",
            // "Liked this article?": the appeal that precedes a share, donate or follow button.
            r"\b(?:dieser|der|unser) (?:artikel|beitrag|text) gefällt (?:dir|ihnen)\b|\b(?:hat (?:dir|ihnen)|(?:dir|ihnen) hat) (?:der|dieser|unser) (?:artikel|beitrag|text) gefallen\b|\bgefällt (?:dir|ihnen) (?:der|dieser|unser|unsere)\b",
            r"\b(?:did you|do you) (?:enjoy|like) this (?:article|post|story|recipe)\b|^\W*(?:enjoyed|liked) this (?:article|post|story|recipe)\b|\bte ha gustado (?:este|el) (?:art[ií]culo|post)\b|\bcet article vous a plu\b",
        ],
    };

    pub const NEWSLETTER: Patterns = Patterns {
        name: "promo.newsletter",
        case_insensitive: true,
        branches: &[
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
            // The reassurance under a sign-up box.
            r"\b(?:you can )?unsubscribe (?:at any time|anytime)\b|\bno spam\b|\bwe(?:'ll| will)? never (?:share|sell) your (?:details|e-?mail|data|information|address)\b|\bjederzeit (?:wieder )?(?:abbestellen|abmelden|kündbar)\b|\bdésinscri\w* à tout moment\b|\bdarte de baja en cualquier momento\b",
        ],
    };

    pub const AD_LABEL: Patterns = Patterns {
        name: "promo.ad_label",
        case_insensitive: true,
        branches: &[
            r"^\W*(?:advertisement|advertising|advert|ad|ads|sponsored(?: content| post| by .*)?|paid (?:post|content|partner(?:ship)?)|promoted(?: content| by .*)?|partner content|anzeige|werbung|publicidad|publicité|pubblicità|reklama|advertentie)\W*$",
            r"^\W*(?:story continues below (?:this )?advertisement|continue reading below|artikel wird unter der anzeige fortgesetzt|weiter nach der anzeige|article continues below)\W*$",
        ],
    };

    pub const SPONSORED_TAIL: Patterns = Patterns {
        name: "promo.sponsored_tail",
        case_insensitive: true,
        branches: &[
            r"(?:^|[.!?]\s+)(?:learn more|find out more|read more|discover more|click here|see more)\b[^.!?]{0,90}[.!?]?\s*$",
            r"(?:^|[.!?]\s+)(?:mehr erfahren|jetzt mehr erfahren|hier klicken|mehr infos?)\b[^.!?]{0,90}[.!?]?\s*$",
        ],
    };
}

/// Caption family: agency credits, credit labels and caption sentences.
pub mod caption {
    use super::Patterns;

    macro_rules! agencies {
        () => {
            r"(?:reuters|ap|afp|getty images|getty|epa|efe|dpa|kcna|xinhua|ansa|anp|pa|pap|apa|keystone|imago|picture alliance|shutterstock|istock|bloomberg|sipa|tass|ria novosti|yonhap|kyodo|aap|upi|ddp|abaca|zuma press|alamy|wikimedia commons|unsplash|pexels)"
        };
    }

    pub const AGENCY: Patterns = Patterns {
        name: "caption.agency",
        case_insensitive: true,
        branches: &[
            // REUTERS/Aziz Taher/File Photo, AFP/Name, EPA-EFE/Name
            concat!(r"\b", agencies!(), r"(?:-\w+)?\s*/\s*\p{Lu}"),
            // KCNA via REUTERS, AFP via Getty Images
            concat!(r"\bvia ", agencies!(), r"\s*\)?\s*$"),
            // (AP Photo/Name), (Photo by Name/Getty Images)
            r"\(\s*(?:ap|afp|reuters|ansa|epa|dpa)? ?photo(?:s)?(?:\s*/|\s+by\b)",
            concat!(r"^\W*(?:\p{Lu}[\w.'-]*\s+){1,4}/\s*", agencies!(), r"\W*$"),
            concat!(r"^\W*", agencies!(), r"\W*$"),
            r"\bgetty images\b\s*\)?\s*$",
            r"/\s*(?:file photo|handout|pool|archiv|archivbild)\s*\)?\s*$",
        ],
    };

    pub const LABEL: Patterns = Patterns {
        name: "caption.label",
        case_insensitive: true,
        branches: &[
            r"^\W*(?:photo|photos|photograph|picture|image|images|illustration|video|graphic|grafik|credit|credits|source|foto|fotos|bild|bilder|quelle|imagen|fuente|zdjęcie|źródło|fot\.|crédit|crédito|photo credit|image credit|image source|bildquelle|fotoquelle|bildnachweis|fotonachweis)\s*:\s*\S",
            r"^\W*(?:photo|image|picture|foto|bild) (?:by|courtesy|credit|von|de|:)\b",
            r"^\s*(?:©|\(c\)|copyright)\s*\p{L}",
            r"\((?:photo|foto|bild|image|picture|imagen|credit|quelle|source)\s*:\s*[^)]{2,60}\)\s*$",
            r"(?:\||/|–|-)\s*(?:foto|bild|photo|quelle)\s*:\s*[^|]{2,60}$",
            r"^\W*(?:pictured|above|top|below|left|right|main image|header image|featured image|in pictures)\s*:\s",
            // Caption and credit labels a page prints before the caption text.
            r"^\W*(?:image|media|video) (?:caption|copyright)\b",
            // A credit closing a caption: "... Pennsylvania © Noah Addis", "... / (C) Kab Niang".
            r"(?:©|\(c\))\s*\p{Lu}[\p{L}.'-]*(?:[ /-]+\p{L}[\p{L}.'-]*){0,4}\s*\)?\s*$",
            r"\bcc[- ]by(?:-[a-z]{2})*(?:[ -]\d\.\d)?\b|\bflickr\b|\bcreative commons\b|\bwikimedia commons\b",
        ],
    };

    /// A credit standing after a caption's last sentence. Prose never ends on "Photo: Name" or a
    /// bare agency name after its full stop; a caption of any length does.
    pub const CLOSING: Patterns = Patterns {
        name: "caption.closing",
        case_insensitive: true,
        branches: &[
            r"[.!?)»\x22”]\s+(?:photograph|photo|photos|foto|fotos|bild|image|illustration|composite|picture|credit|imagen|zdjęcie|fot\.)\s*:\s*[^.!?]{2,60}$",
            r"[.!?]\s+(?:efe|afp|ap|dpa|reuters|epa|ansa|xinhua|getty images)\s*$",
            r"[.!?)»\x22”]\s+(?:photograph|photo|photos|image|illustration|foto) (?:by|von|de|par)\s+[^.!?]{2,60}$",
            r"[.!?»\x22”]\s+\((?:photograph|photo|photos|foto|fotos|bild|image|picture|imagen|zdjęcie|photo credit|image credit)\s*(?::|by|von|de)\s*[^()]{2,60}\)\s*$",
        ],
    };

    pub const DESCRIPTION: Patterns = Patterns {
        name: "caption.description",
        case_insensitive: true,
        branches: &[
            r"^\W*file photo\b",
            r"\bin this (?:file |handout |undated |still |screen ?grab |photo ?illustration )?(?:photo|picture|image|handout photo|photograph)\b",
            r"\bphoto (?:released|taken|distributed|provided|obtained) by\b",
            r"\b(?:is|are) (?:seen|pictured|shown) (?:in|at|during|on|as)\b",
            r"\bposes? for (?:a )?(?:photo|picture|portrait)s?\b",
            r"\b(?:im|auf dem) bild\b|\bdas (?:foto|bild) zeigt\b",
        ],
    };

    /// A Reuters/AP style scene caption ends on `"<Place> <Month> <day>, <year>."` with no preposition
    /// before the date, unlike prose, which writes "on October 8, 2024".
    pub const DATED_SCENE: Patterns = Patterns {
        name: "caption.dated_scene",
        case_insensitive: false,
        branches: &[
            r"(?:\p{Lu}[\w.'-]*,?|U\.S\.,?)\s+(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?\s+\d{1,2},\s+\d{4}\.?(?:\s+(?:REUTERS|Reuters|AP|AFP|EPA|Getty Images)(?:/\S.*)?)?\s*$",
        ],
    };
}

/// Teaser family: headers announcing other stories and inline "Read more:" pointers.
pub mod teaser {
    use super::Patterns;

    /// Words in a line that ends on how long ago it was posted. An article's sentence ends on a
    /// full stop, not on "3 hours ago"; a story list item does.
    pub const POSTED_AGO: Patterns = Patterns {
        name: "teaser.posted_ago",
        case_insensitive: true,
        branches: &[
            r"\w\W+(?:~\s*)?(?:\d+|an?|one)\s+(?:min(?:ute)?s?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago\s*$",
            r"\w\W+vor\s+(?:\d+|einer?|einem)\s+(?:minuten?|stunden?|tag(?:en)?|wochen?|monat(?:en)?|jahr(?:en)?)\s*$",
            r"\w\W+hace\s+(?:\d+|una?)\s+(?:minutos?|horas?|d[ií]as?|semanas?|mes(?:es)?|años?)\s*$",
            r"\w\W+il y a\s+(?:\d+|une?)\s+(?:minutes?|heures?|jours?|semaines?|mois|ans?)\s*$",
        ],
    };

    pub const MARKER: Patterns = Patterns {
        name: "teaser.marker",
        case_insensitive: true,
        branches: &[
            r"^\W*(?:more|latest|top|other|further) (?:from|on|in|about|stories|news|articles|headlines|videos|reading|coverage)\b",
            r"^\W*(?:about the author|über (?:den autor|die autorin)|zur person|zum autor|o autorze|sobre el autor|à propos de l'auteur|l'auteur|sull'autore)\W*$",
            r"^\W*(?:related|recommended|suggested|popular|trending|featured)(?: (?:articles?|stories|posts?|content|coverage|news|reading|topics|videos|links|for you|now))?\W*$",
            r"^\W*(?:read|see|watch) (?:more|next|also|this next)\W*$",
            r"^\W*(?:you (?:may|might|could) (?:also )?(?:like|enjoy|be interested in)|we recommend|recommended for you|don't miss|editor'?s picks?|most (?:read|popular|viewed|shared|commented)|top stories|in case you missed it|around the web|from (?:our|the) (?:partners|network|web))\b",
            r"^\W*(?:mehr zum thema|mehr (?:aus|von|zu|über)\b|weitere (?:artikel|beiträge|nachrichten|meldungen|themen|news)|lesen sie (?:auch|mehr|hier)|auch interessant|das (?:könnte|dürfte) sie (?:auch )?interessieren|(?:die )?meist ?gelesen(?:e|en)?|noch mehr (?:infos|artikel|beiträge|tipps|rezepte|themen)|hier gibt(?:'|’)?s (?:noch )?mehr\b|ähnliche (?:artikel|beiträge|themen)|verwandte (?:artikel|beiträge|themen)|empfehlungen|unsere empfehlung|top-?themen|aktuelle (?:artikel|beiträge|nachrichten)|neueste (?:artikel|beiträge)|das könnte dich auch interessieren|beliebte (?:beiträge|artikel|posts)|mehr themen)\b",
            r"^\W*(?:noticias relacionadas|art[ií]culos relacionados|te puede interesar|tambi[eé]n te puede interesar|lo m[aá]s (?:le[ií]do|visto)|m[aá]s noticias|lee (?:tambi[eé]n|m[aá]s)|relacionad[oa]s)\b",
            r"^\W*(?:à lire (?:aussi|également)|lire (?:aussi|la suite)|sur le même (?:sujet|thème)|articles? similaires|les plus lus|voir aussi|à voir aussi|dans la même rubrique)\b",
            r"^\W*(?:zobacz (?:też|także|również)|czytaj (?:też|także|również|więcej)|polecamy|podobne artykuły|najczęściej czytane|więcej (?:informacji|artykułów))(?:\W|$)",
            r"^\W*(?:leggi anche|articoli correlati|potrebbe interessarti|lees ook|gerelateerd|meer nieuws|leia também|veja também|relacionados)\b",
        ],
    };

    pub const INLINE: Patterns = Patterns {
        name: "teaser.inline",
        case_insensitive: true,
        branches: &[
            r"^\W*(?:read more|read also|also read|read next|see also|see more|don't miss|related|related article|more|watch|listen|also|lesen sie auch|lesen sie mehr|mehr dazu|mehr zum thema|auch interessant|siehe auch|lee también|lea también|ver también|lire aussi|à lire aussi|lire également|voir aussi|czytaj (?:też|także|również)|zobacz (?:też|także|również)|leggi anche|lees ook|leia também|veja também)\s*[:|>»›-]+\s*\S",
        ],
    };
}

/// Navigation family: cookie, legal, share, login, menu, comment, placeholder and dateline lines.
pub mod nav {
    use super::Patterns;

    /// Words that make up a dateline or byline: numbers aside, these and names are all it holds.
    /// Month and weekday names in the sets' languages, one word each.
    const MONTHS: &str = r"^(?:jan(?:uary|uar)?|feb(?:ruary|ruar)?|mar(?:ch)?|märz|apr(?:il)?|may|mai|june?|juni|july?|juli|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|okt(?:ober)?|nov(?:ember)?|dec(?:ember)?|dez(?:ember)?|jänner|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre|stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|października|listopada|grudnia)$";

    const WEEKDAYS: &str = r"^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)$|^(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lunes|martes|miércoles|jueves|viernes|sábado|domingo|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)$";

    pub const COOKIE: Patterns = Patterns {
        name: "nav.cookie",
        case_insensitive: true,
        branches: &[
            r"\bcookies?\b.{0,80}\b(?:use|uses|using|accept|consent|settings|policy|einverstanden|verwendet|nutzt|akzeptieren|utiliza|utilizamos|utilise|utilisons|używa|zgod)",
            r"\b(?:we|this (?:site|website)) uses? cookies\b",
            r"\b(?:use|uses|using|korzystamy z|używamy|utilizamos|utilisons|utilizziamo|verwenden|nutzen|setzen)\W+(?:\w+\W+){0,3}(?:cookies?|plików cookie)\b",
            r"\b(?:accept|reject|allow) (?:all )?cookies\b|\bcookie (?:settings|policy|preferences|banner|notice|richtlinie|einstellungen|hinweis)\b",
            r"\b(?:alle )?(?:cookies )?akzeptieren\b|\bzustimmen und weiter\b|\beinwilligung\b.{0,40}\bwiderrufen\b",
            r"\bconsent (?:preferences|settings|management)\b|\bmanage (?:consent|preferences)\b",
            r"\bpolítica de cookies\b|\bpolitique (?:de|relative aux) cookies\b|\bpliki cookies?\b",
        ],
    };

    /// The sentences only a consent banner says: sure at any length a banner has.
    pub const CONSENT: Patterns = Patterns {
        name: "nav.consent",
        case_insensitive: true,
        branches: &[
            r"\b(?:we|this (?:site|website)) uses? cookies\b|\bwe use cookies and (?:other|similar)\b|\b(?:diese|unsere) (?:website|webseite|seite) (?:verwendet|nutzt) cookies\b|\bwir (?:verwenden|nutzen|setzen) cookies\b",
            r"\byour privacy is important to us\b|\bwe(?: have|'ve) updated our privacy (?:policy|notice)\b|\bihre privatsphäre ist uns wichtig\b",
        ],
    };

    pub const LEGAL: Patterns = Patterns {
        name: "nav.legal",
        case_insensitive: true,
        branches: &[
            r"^\W*(?:©|\(c\)|copyright)\s*(?:\d{4}|\p{L})",
            r"\bfor (?:your )?personal,? non-?commercial use only\b|\ball rights reserved\b|\balle rechte vorbehalten\b|\btodos los derechos reservados\b|\btous droits réservés\b|\bwszelkie prawa zastrzeżone\b|\btutti i diritti riservati\b",
            r"^\W*(?:impressum|imprint|datenschutz(?:erklärung)?|privacy(?: policy| notice| settings)?|terms(?: of (?:use|service))?(?: and conditions)?|agb|nutzungsbedingungen|disclaimer|haftungsausschluss|sitemap|mediadaten|aviso legal|política de privacidad|mentions légales|polityka prywatności|regulamin|contact(?: us)?|kontakt|about(?: us)?|über uns|careers|jobs|advertise(?: with us)?|werben|accessibility|barrierefreiheit)\W*$",
        ],
    };

    /// Rights and reuse notices: phrases no article sentence uses, so they count in a
    /// paragraph of any reasonable length ("This copy is for your personal, non-commercial
    /// use only. Distribution and use of this material are governed by ...").
    pub const LEGAL_NOTICE: Patterns = Patterns {
        name: "nav.legal_notice",
        case_insensitive: true,
        branches: &[
            r"\bfor (?:your )?personal,? non-?commercial use only\b|\bsubject to copyright\b|\bno part (?:of (?:this|the) [\w ]{2,30} )?may be reproduced\b|\bmay not be (?:reproduced|republished|redistributed|copied)\b(?:[^.]{0,40}\bwithout\b)",
            // Said, not mentioned: the reservation closes its sentence or the line.
            r"(?:\ball rights reserved|\balle rechte vorbehalten|\btodos los derechos reservados|\btous droits réservés|\bwszelkie prawa zastrzeżone|\btutti i diritti riservati)\s*(?:[.|]|$)",
            // A citation block for the page itself: "Citation: <title> (2019, November 18) retrieved 20 November 2019 from https://...".
            r"\bretrieved (?:on )?\d{1,2} \p{L}+ \d{4} from\b|^\W*cite this (?:article|page)\W*$",
        ],
    };

    pub const SHARE: Patterns = Patterns {
        name: "nav.share",
        case_insensitive: true,
        branches: &[
            r"^\W*(?:share|teilen|compartir|partager|udostępnij|condividi|delen|tweet|pin it|e-?mail|print|drucken|whatsapp|facebook|twitter|x|linkedin|pinterest|reddit|telegram|xing|flipboard|messenger|copy link|link kopieren|imprimir|imprimer)(?:\s+(?:on|this|via|auf|per|en|sur|it|article|artikel|story|page|link)\b.{0,30})?\W*$",
            r"^\W*(?:share|teilen)\s+(?:on|this|via|auf|per)\b",
            // WordPress's "Share this:" / "Like this:" headers, as sites translate them.
            r"^\W*(?:teilen sie dies mit|teile dies mit|gefällt mir|like this|me gusta|j'aime|compartir esto|partager cette page|udostępnij to)\W*$",
            r"\bfollow (?:us|me)\b|\bfolgen sie uns\b|\bfolge uns\b|\bsíguenos\b|\bsuivez-nous\b|\bobserwuj nas\b|\bseguici\b",
            r"^\W*(?:(?:facebook|twitter|instagram|youtube|linkedin|pinterest|whatsapp|tiktok|xing|telegram|e-?mail|rss)\W*){2,}$",
        ],
    };

    pub const LOGIN: Patterns = Patterns {
        name: "nav.login",
        case_insensitive: true,
        branches: &[
            r"^\W*(?:sign in|sign up|log ?in|log ?out|register|my account|create an account|anmelden|abmelden|einloggen|registrieren|mein konto|iniciar sesión|regístrate|se connecter|connexion|mon compte|zaloguj(?: się)?|zarejestruj(?: się)?|accedi|registrati)\W*$",
            r"\bforgot (?:your )?password\b|\bpasswort vergessen\b|\bwelcome!? log into your account\b|\b(?:your|dein|ihr) (?:username|password|passwort|benutzername)\b",
            r"^\W*(?:sign in|log in|anmelden|einloggen)\s+(?:or|oder|to|und|/)\b",
        ],
    };

    pub const BREADCRUMB: Patterns = Patterns {
        name: "nav.breadcrumb",
        case_insensitive: true,
        branches: &[
            r"^\W*(?:home|startseite|inicio|accueil|strona główna|start)\s*(?:[>»›/|•·]|→)",
        ],
    };

    pub const FURNITURE: Patterns = Patterns {
        name: "nav.furniture",
        case_insensitive: true,
        branches: &[
            r"^\W*(?:menu|menü|navigation|search|suche|suchen|buscar|rechercher|szukaj|home|startseite|inicio|accueil|skip to (?:main )?content|skip to navigation|jump to navigation|zum inhalt springen|direkt zum inhalt|back to top|nach oben|zurück|weiter|next|previous|prev|close|schließen|open|more|mehr|show more|load more|mehr laden|mehr anzeigen|ver más|voir plus|toggle navigation|main menu|hauptmenü|advertisement|top|startseite)\W*$",
            r"^\W*(?:\d+\s+)?(?:comments?|kommentare?|comentarios?|commentaires?|komentarz[ey]?)\W*$",
            // Links to the neighbouring post, and a recipe page's jump buttons.
            r"^\W*(?:vorschau auf den nächsten artikel|next (?:post|article|story)|previous (?:post|article|story)|nächster (?:artikel|beitrag)|vorheriger (?:artikel|beitrag)|article (?:suivant|précédent)|(?:siguiente|anterior) (?:artículo|entrada)|(?:artículo|entrada) (?:siguiente|anterior))\W*$",
            r"^\W*(?:jump to recipe|print recipe|zum rezept|rezept drucken)\b",
        ],
    };

    /// `"Next: <title of the following post>"`: a link to the neighbouring post, title and all.
    pub const POST_LINK: Patterns = Patterns {
        name: "nav.post_link",
        case_insensitive: true,
        branches: &[
            r"^\W*(?:next|previous|prev|nächster|vorheriger|voriger)(?: (?:post|article|artikel|beitrag|story))?\s*[:»›>]\s*\S",
        ],
    };

    pub const COMMENTS: Patterns = Patterns {
        name: "nav.comments",
        case_insensitive: true,
        branches: &[
            r"^\W*(?:leave a (?:reply|comment)|post a comment|add a comment|write a comment|join the (?:conversation|discussion)|kommentar (?:schreiben|verfassen|hinzufügen)|schreibe(?:n sie)? einen kommentar|deja (?:un|tu) comentario|laisser un commentaire|dodaj komentarz|lascia un commento)\b",
            r"\byour email address will not be published\b|\bihre e-mail-adresse wird nicht veröffentlicht\b|\brequired fields are marked\b|\berforderliche felder sind\b",
            r"^\W*\d+\s+(?:comments?|kommentare?|reactions|antworten|replies)\W*$",
            // WordPress's comments header: "10 thoughts on “Title”", "Ein Gedanke zu „Titel“".
            r"^\W*(?:\d+|one|two|three|ein|eine|zwei|drei|un|una|une|deux)\s+(?:thoughts?|responses?|comments?|replies|reactions|gedanken?|kommentare?|antworten|comentarios?|respuestas?|commentaires?|réponses?|komentarz[ey]?)\s+(?:on|to|zu|auf|a|en|sur|sobre|do)\s+[\x22“„«‘'‚]",
            r"^\W*(?:reply|antworten|responder|répondre|odpowiedz|rispondi|cancel reply|antwort abbrechen|log in to reply|melden|report comment)\W*$",
            r"^\W*(?:hier ist )?(?:ihre|deine) meinung(?: ist)? gefragt\W*$|^\W*(?:what do you think|tell us what you think|was meinen sie|was denkst du)\W*\??\W*$",
            r"\bkommentarfunktion\b|\bcomments? (?:are|is) (?:closed|moderated)\b|\bkommentare sind (?:geschlossen|deaktiviert)\b|\bnetiquette\b|\bsave my name, email\b|\bnotify me of (?:follow-up|new) (?:comments|posts)\b|\bbenachrichtige mich\b",
        ],
    };

    /// A comment's byline ("Jane Doe says:"), apart from [`COMMENTS`]: its bounded run of
    /// letters multiplied the states of every other comments branch, and only a line that
    /// ends with one of its verbs can match it (see `nav::ends_with_says`).
    pub const COMMENTS_SAYS: Patterns = Patterns {
        name: "nav.comments_says",
        case_insensitive: true,
        branches: &[
            r"^\W*[\p{L}][\p{L} .'-]{1,40} (?:says|sagt|schreibt|said|wrote|dice|dit|napisał|napisała):?\s*$",
        ],
    };

    pub const PLACEHOLDER: Patterns = Patterns {
        name: "nav.placeholder",
        case_insensitive: true,
        branches: &[
            r"\b(?:please )?(?:enable|activate|aktivieren sie) javascript\b|\bjavascript (?:is )?(?:disabled|deaktiviert|required)\b|\bmüssen sie javascript\b",
            r"\bkeine verbindung zu (?:twitter|facebook|youtube|instagram|x)\b|\bohne (?:dein|ihr) einverständnis\b|\bexterne(?:n|r)? inhalte?\b.{0,60}\b(?:laden|anzeigen|zustimm|aktivier)",
            r"\b(?:to )?(?:view|see|load|display) this (?:content|video|tweet|post|embed)\b|\bthis (?:content|embed|video) is (?:hosted|provided) by\b",
            r"\byour browser does(?: not|n't) support\b|\bihr browser unterstützt\b|\biframe\b|<script\b|<div\b",
            // Browser notices: "We've detected you are on Internet Explorer ... update to a modern browser".
            r"\bwe(?:'ve| have) detected (?:that )?you(?:'re| are) (?:on|using)\b|\bplease (?:update|upgrade) (?:to )?(?:a (?:modern|newer|supported) browser|your browser)\b",
            r"^\W*(?:(?:chrome|safari|firefox|edge|opera|internet explorer)\W*){2,}$",
        ],
    };

    /// Stock notices that site software and legal templates print under or beside an article:
    /// spam-filter and captcha notes, form consent, liability disclaimers, empty widgets,
    /// push-notification prompts, download links, donation appeals. Each phrase is specific
    /// enough to settle a line of any length.
    pub const NOTICE: Patterns = Patterns {
        name: "nav.notice",
        case_insensitive: true,
        branches: &[
            r"\bprotected by recaptcha\b|\bgoogle (?:privacy policy|datenschutzerklärung) (?:and|und) (?:terms of service|nutzungsbedingungen)\b",
            r"\b(?:this|diese) (?:site|website|webseite) (?:uses|verwendet|nutzt) akismet\b|\bwie (?:deine|ihre) kommentardaten verarbeitet werden\b|\bhow your comment data is processed\b",
            r"\bkeine haftung für (?:die )?inhalte (?:externer|fremder|verlinkter) (?:links|seiten|webseiten)\b|\btrotz sorgfältiger inhaltlicher kontrolle\b",
            r"\bwyrażam zgodę na\b|\badministratorem (?:twoich |moich |pani/pana |państwa )?danych(?: osobowych)? jest\b",
            r"\bmit (?:der|ihrer|deiner) anmeldung (?:stimme|erkläre|willige) (?:ich|sie|du)\b|\bich (?:stimme|willige) (?:der|in die) (?:verarbeitung|bearbeitung|nutzung) meiner (?:daten|personenbezogenen daten)\b",
            r"\bkeine bevorstehenden veranstaltungen\b|\bno upcoming events\b",
            r"^\W*empfohlener redaktioneller inhalt\W*$",
            r"\b(?:does not|do not|doesn't|don't|is not intended to) (?:offer|provide|give|constitute|replace) (?:professional )?(?:medical|legal|financial) advice\b",
            r"\bwir sind spendenfinanziert\b|\bunterstütze (?:auch )?(?:du )?uns\b",
            r"\b(?:antwort abbrechen|cancel reply|annuler la réponse|cancelar respuesta)\b|\bfreue mich über (?:eure|deine|ihre|jeden|jede) kommentar|\bfür links auf dieser seite erhält\b",
            r"\bals pdf herunterladen\b|\bdownload \(\d+(?:[.,]\d+)? ?[kmg]b\)",
            r"\bzum vergrößern (?:auf das bild )?klicken\b|\bclick (?:on the image |on the picture )?to enlarge\b|\bklicken sie (?:auf das bild )?zum vergrößern\b",
            r"\bkönnen sie hier mit uns in kontakt treten\b|\bfüllen sie bitte die nachstehenden felder aus\b",
            // Appeals to the reader to write in, and a blogger's greeting.
            r"\bsubmit a letter to the editor\b|\bwe want to hear what you think\b|\bteilen sie uns ihre erfahrungen mit\b|^\W*kommentieren sie hier\W*$|^\W*was sind cookies\W*$|\bthank you (?:so much )?for (?:dropping|stopping) by\b",
            // Source-list headers, operator notes and newsletter pitches.
            r"^\W*(?:quellen(?:angaben)?|quellen und [\w ]+|sources)\s*:|\b(?:diese (?:plattform|website|webseite|seite) wird betrieben (?:von|vom)|this (?:site|website) is (?:operated|run) by)\b|\bimmer aktuell informiert\b",
            // Post furniture: the featured-image credit and the category line.
            r"^\W*(?:beitragsbild|titelbild|headerbild|artikelbild|vorschaubild)\s*:|^\W*(?:veröffentlicht in|posted in|filed under|kategorien?|categories|publié dans|publicado en)\s*:|\bglad you(?:'ve| have)? (?:stopped|dropped) by\b",
            // Contact and more-information prompts, e-mail capture, shop delivery notes.
            r"^\W*more information\s*:\s*$|\benter your e-?mail (?:address )?below\b|\blieferung ist (?:für sie |für dich )?kostenlos\b|\bkostenlose lieferung\b|\bversandkostenfrei\b",
            // Link pointers: "Alles über X findest Du hier.", "mehr Kolumnen".
            r"^\W*mehr (?:kolumnen|artikel|beiträge|news|nachrichten|videos|rezepte|themen|tipps)\W*$|\berhalten sie antworten auf ihre fragen\b",
            // More-from-us headers that carry other words before them, and a blog's publishing note.
            r"\bweitere beiträge zu diesem artikel\b|^\W*weitere pressemitteilungen\b|^\W*interessantes aus unsere[mn]?\b|\bwe publish new (?:recipes|posts|articles) (?:weekly|daily|every)\b|\bso keep checking back\b",
            // Pointers to the rest of a series or to more tips.
            r"\bread the rest of (?:the|this|our)\b|^\W*weitere [\w-]*tipps\b",
            // Licence statements about the page itself.
            r"\b(?:veröffentlicht|lizenziert|steht|stehen) unter (?:einer|der) (?:lizenz|creative commons|cc)|\b(?:licensed|published|available) under (?:a |the )?(?:creative commons|cc[- ]by)|\bthis (?:work|article|text|post) is licensed under\b",
            // Consent dialogs list each service with the same field labels.
            r"^\W*(?:zweck|verarbeitungsvorgänge|speicherdauer|rechtsgrundlage(?: für die (?:datenverarbeitung|datenübermittlung)[^:]{0,20})?|folgen der nichteinwilligung|gemeinsamer verantwortlicher|retention period|storage duration|legal basis(?: for processing)?)\s*:",
            r"\bswitch zum einwilligen\b|\bich bin damit einverstanden, dass mir externe inhalte angezeigt werden\b|\bsofern sie ihre datenschutzeinstellungen ändern möchten\b|\bthe administrator of your personal data\b",
        ],
    };

    /// The notices whose words may stand apart ("by clicking ..., you agree"). Kept out of
    /// [`NOTICE`]: each bounded gap multiplies the states of every other unanchored phrase
    /// in the same automaton, and together they outgrew the lazy DFA's cache.
    pub const NOTICE_GAPS: Patterns = Patterns {
        name: "nav.notice_gaps",
        case_insensitive: true,
        branches: &[
            r"\bper kontaktformular\b.{0,60}\b(?:angaben|daten)\b",
            r"\bby (?:clicking|subscribing|signing up|submitting)[^.]{0,60}, you (?:agree|consent|acknowledge)\b",
            r"\bbenachrichtigung(?:en)? aktivieren\b.{0,80}\bbrowser\b|\bin ihrem browser\b.{0,60}\bbenachrichtig",
            r"^\W*haben sie (?:noch )?fragen\b[^.!?]{0,50}\?\s*$|^\W*(?:weitere|mehr) informationen\b[^.!?]{0,60}:\s*$",
            r"^[^.!?]{0,80}\b(?:findest du|finden sie|findet ihr) hier\W*$",
            r"\bdatenschutzrechtliche verantwortliche\b.{0,80}\bwürde gerne\b",
        ],
    };

    pub const DATE_WORD: Patterns = Patterns {
        name: "nav.date_word",
        case_insensitive: true,
        branches: &[
            MONTHS,
            WEEKDAYS,
            r"^(?:am|um|uhr|at|on|pm|a|p|m|by|von|par|por|de|le|el|updated|published|posted|aktualisiert|veröffentlicht|erschienen|stand|publié|mis|jour|publicado|actualizado|min|read|lesezeit|minutes?|minuten|ago|vor|hours?|stunden|days?|tagen?|weeks?|wochen|months?|monaten?|years?|jahren?|hace|il|y|utc|gmt|cet|cest|est|edt|pst|bst)$",
        ],
    };

    pub const CALENDAR_WORD: Patterns = Patterns {
        name: "nav.calendar_word",
        case_insensitive: true,
        branches: &[MONTHS, WEEKDAYS],
    };

    /// A dateline says when or by whom: a time of day, or a by/updated/published word.
    pub const DATELINE_MARK: Patterns = Patterns {
        name: "nav.dateline_mark",
        case_insensitive: true,
        branches: &[
            r"\d{1,2}[:.]\d{2}\s*(?:am|pm|uhr|h)?\b|\b(?:am|pm)\b|\buhr\b",
            r"^\W*(?:by|von|par|por|di|door)\s|\b(?:updated|published|posted|aktualisiert|veröffentlicht|erschienen|stand|publié|publicado|actualizado|min read|lesezeit|ago)\b|^\W*(?:vor|hace|il y a)\s+\d",
        ],
    };

    /// Numeric dates and times as one word: 19.11.2019, 2019-11-19, 11/19/19, 10:32.
    pub const NUMERIC_DATE: Patterns = Patterns {
        name: "nav.numeric_date",
        case_insensitive: true,
        branches: &[r"^(?:\d{1,4}[./-]\d{1,2}[./-]\d{2,4}|\d{1,2}:\d{2})\.?$"],
    };
}

/// Author bios: a name, then what the person does.
pub mod bio {
    use super::Patterns;

    /// The name and verb that open a bio.
    macro_rules! opening {
        () => {
            concat!(
                r"^\W*[\w.'-]+(?:\s+(?:van|von|de|der|da|del|di|le|la)?\s*[\w.'-]+){1,2}(?:\s*\(@\w+\))?,?\s+",
                r"(?:is|ist|arbeitet|schreibt|lehrt|beschäftigt sich|es|est|jest|lives|writes|covers|works)\b",
            )
        };
    }

    /// The job that closes a bio.
    macro_rules! job {
        () => {
            concat!(
                r"(?:writer|journalist|editor|contributor|reporter|correspondent|columnist|author|blogger|freelancer|producer|photographer|",
                r"redakteur(?:in)?|autor(?:in)?|journalist(?:in)?|korrespondent(?:in)?|chefredakteur(?:in)?|fotograf(?:in)?|volontär(?:in)?|moderator(?:in)?|",
                r"redaktor\w*|dziennikar\w*|periodista|redactor(?:a)?|journaliste|rédact(?:eur|rice)|head of|gründer(?:in)?|founder)\b",
            )
        };
    }

    pub const BIO: Patterns = Patterns {
        name: "bio.bio",
        case_insensitive: true,
        branches: &[concat!(opening!(), r"(?:\W+\w+){0,20}?\W+", job!())],
    };

    /// [`BIO`] with any number of words between verb and job: every line [`BIO`] matches
    /// matches it, so it is asked first and [`BIO`] only of the lines it lets through. Its
    /// unbounded gap needs a few lazy-DFA states where the count to twenty needed many.
    pub const BIO_ANY_GAP: Patterns = Patterns {
        name: "bio.bio_any_gap",
        case_insensitive: true,
        branches: &[concat!(opening!(), r"(?:\W+\w+)*?\W+", job!())],
    };
}
