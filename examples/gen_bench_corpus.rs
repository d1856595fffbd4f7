//! Deterministic, seeded corpus generator for the throughput benchmark (`scripts/bench/`).
//!
//! Usage: `cargo run --release --example gen_bench_corpus -- OUT_DIR MEGABYTES [SEED]`
//!
//! Writes scraped-looking plain-text pages (menus, breadcrumbs, headline, standfirst,
//! captions with agency credits, ad labels, inline teasers, a "More from" block, newsletter
//! and cookie prompts, a legal footer) around article prose in English, German, French and
//! Spanish, about 70% German like the teb evaluation set. Documents vary from 2 KB to about
//! 60 KB, 500 per folder. The same seed always gives byte-identical files, so before/after
//! timings compare the same input. Only the standard library is used.

use std::fmt::Write as _;
use std::fs;
use std::path::Path;

/// SplitMix64: tiny, fast, and stable across Rust versions (unlike `std`'s hasher seeds).
pub struct Rng(pub u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, list: &'a str) -> &'a str {
        let n = list.split('|').count();
        list.split('|').nth(self.below(n)).unwrap_or("")
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

/// Words and page furniture of one language.
struct Lang {
    // Word lists are `|`-separated (French verbs hold spaces).
    stop: &'static str,
    nouns: &'static str,
    verbs: &'static str,
    menu: &'static str,
    more_from: &'static str,
    read_more: &'static str,
    newsletter: &'static str,
    cookie: &'static str,
    legal: &'static str,
    photo: &'static str,
}

static EN: Lang = Lang {
    stop: "the|of|and|to|in|that|it|was|for|on|with|as|by|at|from|their|has|had|not|but",
    nouns: "council|minister|bridge|election|market|village|company|court|river|budget|school|hospital|farmers|police|report|voters|summer|workers|government|festival",
    verbs: "said|approved|rejected|announced|expected|opened|closed|warned|reported|decided|promised|delayed",
    menu: "Home|News|World|Business|Sport|Culture|Opinion|Weather|Video|Podcasts",
    more_from: "More from The Daily Ledger",
    read_more: "Read more: ",
    newsletter: "Sign up for our daily newsletter and get the headlines in your inbox.",
    cookie: "We use cookies to improve your experience. By using this site you accept our cookie policy.",
    legal: "© 2024 Daily Ledger Media. All rights reserved.",
    photo: "Photo: ",
};

static DE: Lang = Lang {
    stop: "der|die|das|und|in|den|von|zu|mit|sich|auf|für|ist|nicht|auch|es|an|als|nach|über",
    nouns: "Gemeinderat|Ministerin|Brücke|Wahl|Markt|Dorf|Unternehmen|Gericht|Fluss|Haushalt|Schule|Krankenhaus|Bäuerinnen|Polizei|Bericht|Wähler|Sommer|Straße|Regierung|Fußgänger",
    verbs: "sagte|beschloss|lehnte|kündigte|erwartete|öffnete|schloss|warnte|berichtete|entschied|versprach|verschob",
    menu: "Startseite|Politik|Wirtschaft|Sport|Kultur|Meinung|Wetter|Video|Panorama|Digital",
    more_from: "Mehr zum Thema",
    read_more: "Lesen Sie auch: ",
    newsletter: "Jetzt abonnieren und keine Nachricht mehr verpassen.",
    cookie: "Diese Website verwendet Cookies. Mit der Nutzung sind Sie einverstanden.",
    legal: "© 2024 Tagesblatt Verlag GmbH. Alle Rechte vorbehalten.",
    photo: "Foto: ",
};

static FR: Lang = Lang {
    stop: "le|la|les|de|des|et|à|en|un|une|du|que|qui|dans|pour|pas|sur|au|par|avec",
    nouns: "conseil|ministre|pont|élection|marché|village|entreprise|tribunal|rivière|budget|école|hôpital|agriculteurs|police|rapport|électeurs|été|ouvriers|gouvernement|festival",
    verbs: "a dit|a approuvé|a rejeté|a annoncé|attendait|a ouvert|a fermé|a averti|a rapporté|a décidé|a promis|a reporté",
    menu: "Accueil|Actualités|Monde|Économie|Sport|Culture|Opinions|Météo|Vidéo|Podcasts",
    more_from: "À lire aussi",
    read_more: "Lire aussi : ",
    newsletter: "Inscrivez-vous à notre newsletter quotidienne.",
    cookie: "Ce site utilise des cookies. Politique de cookies et paramètres.",
    legal: "© 2024 Le Quotidien. Tous droits réservés.",
    photo: "Photo : ",
};

static ES: Lang = Lang {
    stop: "el|la|los|de|y|en|que|a|un|una|por|con|para|se|del|las|no|su|al|como",
    nouns: "consejo|ministra|puente|elección|mercado|pueblo|empresa|tribunal|río|presupuesto|escuela|hospital|agricultores|policía|informe|votantes|verano|trabajadores|gobierno|festival",
    verbs: "dijo|aprobó|rechazó|anunció|esperaba|abrió|cerró|advirtió|informó|decidió|prometió|aplazó",
    menu: "Inicio|Noticias|Mundo|Economía|Deportes|Cultura|Opinión|Tiempo|Vídeo|Podcasts",
    more_from: "Noticias relacionadas",
    read_more: "Lee también: ",
    newsletter: "Suscríbete a nuestro boletín diario.",
    cookie: "Utilizamos cookies propias y de terceros. Política de cookies.",
    legal: "© 2024 El Diario. Todos los derechos reservados.",
    photo: "Foto: ",
};

/// One sentence of `words` words mixing stopwords, nouns and verbs, capitalised and closed.
fn sentence(rng: &mut Rng, lang: &Lang, words: usize, out: &mut String) {
    for i in 0..words {
        let word = match rng.below(10) {
            0..=4 => rng.pick(lang.stop),
            5..=7 => rng.pick(lang.nouns),
            _ => rng.pick(lang.verbs),
        };
        if i == 0 {
            let mut chars = word.chars();
            if let Some(first) = chars.next() {
                out.extend(first.to_uppercase());
                out.push_str(chars.as_str());
            }
        } else {
            out.push(' ');
            out.push_str(word);
        }
        if i + 1 < words && rng.chance(6) {
            out.push(',');
        }
    }
    out.push_str(if rng.chance(90) { ". " } else { "? " });
}

fn paragraph(rng: &mut Rng, lang: &Lang, out: &mut String) {
    for _ in 0..1 + rng.below(5) {
        let n = 8 + rng.below(20);
        sentence(rng, lang, n, out);
    }
    out.pop();
    out.push('\n');
}

fn headline(rng: &mut Rng, lang: &Lang, out: &mut String) {
    let n = 4 + rng.below(6);
    sentence(rng, lang, n, out);
    out.truncate(out.len() - 2);
    out.push('\n');
}

/// One page: furniture around an article of `paragraphs` paragraphs.
pub fn document(rng: &mut Rng, paragraphs: usize) -> String {
    let lang = match rng.below(10) {
        0..=6 => &DE,
        7 => &EN,
        8 => &FR,
        _ => &ES,
    };
    let mut out = String::new();
    let menu_len = 4 + rng.below(6);
    let menu: Vec<&str> = lang.menu.split('|').cycle().take(menu_len).collect();
    out.push_str(&menu.join(if rng.chance(50) { " | " } else { "\n" }));
    out.push('\n');
    let _ = writeln!(
        out,
        "{} > {} > {}",
        lang.menu.split('|').next().unwrap_or(""),
        rng.pick(lang.menu),
        rng.pick(lang.nouns)
    );
    out.push('\n');
    headline(rng, lang, &mut out);
    paragraph(rng, lang, &mut out);
    for k in 0..paragraphs {
        out.push('\n');
        paragraph(rng, lang, &mut out);
        match rng.below(40) {
            0 => {
                headline(rng, lang, &mut out);
                out.push_str("REUTERS/Jane Roe/File Photo\n");
            }
            1 => {
                let _ = writeln!(
                    out,
                    "{}{} {}",
                    lang.photo,
                    rng.pick(lang.nouns),
                    rng.pick(lang.nouns)
                );
            }
            2 => out.push_str("Advertisement\n"),
            3 => {
                out.push_str(lang.read_more);
                headline(rng, lang, &mut out);
            }
            4 if k > 2 => {
                let copy = last_line(&out).to_string();
                let _ = writeln!(out, "{copy}");
            }
            _ => {}
        }
    }
    out.push('\n');
    out.push_str(lang.newsletter);
    out.push('\n');
    out.push_str(lang.more_from);
    out.push('\n');
    for _ in 0..2 + rng.below(4) {
        headline(rng, lang, &mut out);
    }
    out.push_str("Share on Facebook\nTweet\nWhatsApp\n");
    out.push_str(lang.cookie);
    out.push('\n');
    out.push_str(lang.legal);
    out.push('\n');
    out
}

/// The line written last, to print it again (a duplicated line).
fn last_line(text: &str) -> &str {
    text.trim_end().rsplit('\n').next().unwrap_or("")
}

/// The next document of the corpus: mostly short pages, a few long ones (5..80 paragraphs).
pub fn next_document(rng: &mut Rng) -> String {
    let paragraphs = if rng.chance(10) {
        40 + rng.below(40)
    } else {
        5 + rng.below(30)
    };
    document(rng, paragraphs)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() < 2 {
        eprintln!("usage: gen_bench_corpus OUT_DIR MEGABYTES [SEED]");
        std::process::exit(2);
    }
    let out = Path::new(&args[0]);
    let target: usize = args[1].parse::<usize>().expect("MEGABYTES is a number") << 20;
    let seed: u64 = args
        .get(2)
        .map_or(42, |s| s.parse().expect("SEED is a number"));
    let mut rng = Rng(seed);
    let (mut written, mut files) = (0usize, 0usize);
    while written < target {
        let doc = next_document(&mut rng);
        let dir = out.join(format!("d{:04}", files / 500));
        if files % 500 == 0 {
            fs::create_dir_all(&dir).expect("create output folder");
        }
        fs::write(dir.join(format!("doc{files:06}.txt")), &doc).expect("write document");
        written += doc.len();
        files += 1;
    }
    eprintln!("{files} documents, {written} bytes in {}", out.display());
}
