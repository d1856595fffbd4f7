//! A small seeded grammar: site chrome and article sentences, varied enough that article
//! lines almost never repeat while each site's chrome repeats on most of its pages.

/// splitmix64: tiny, seedable, the same on every platform.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x5DEE_CE66_D1CE_4E5B)
    }
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    pub fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
}

const PLACES: &[&str] = &[
    "North", "River", "Oak", "Silver", "Harbor", "Lake", "Stone", "Maple", "Cedar", "Granite",
];
const PAPERS: &[&str] = &[
    "Courier",
    "Ledger",
    "Gazette",
    "Tribune",
    "Observer",
    "Herald",
    "Chronicle",
    "Sentinel",
];
const SECTIONS: &[&str] = &[
    "Home",
    "News",
    "Local",
    "Business",
    "Sports",
    "Opinion",
    "Culture",
    "Weather",
    "Obituaries",
    "Events",
    "Podcasts",
    "Video",
    "Science",
    "Health",
    "Education",
    "Real Estate",
];

/// Article topics: the nouns a story keeps coming back to.
pub const TOPICS: &[&[&str]] = &[
    &[
        "bridge",
        "repairs",
        "detour",
        "engineers",
        "traffic",
        "contractor",
    ],
    &[
        "school",
        "budget",
        "teachers",
        "classrooms",
        "parents",
        "district",
    ],
    &[
        "river",
        "flooding",
        "levee",
        "residents",
        "sandbags",
        "rainfall",
    ],
    &[
        "market",
        "farmers",
        "stalls",
        "vegetables",
        "customers",
        "square",
    ],
    &["hospital", "wing", "nurses", "patients", "surgeons", "beds"],
    &[
        "library",
        "books",
        "readers",
        "archive",
        "volunteers",
        "shelves",
    ],
    &["stadium", "team", "season", "coach", "supporters", "match"],
    &["bus", "route", "drivers", "fares", "commuters", "timetable"],
    &[
        "orchard", "harvest", "growers", "frost", "apples", "pickers",
    ],
    &[
        "factory", "workers", "shifts", "orders", "machines", "union",
    ],
];

const WHO: &[&str] = &[
    "The mayor",
    "A spokeswoman for the county",
    "Local officials",
    "The committee",
    "Several neighbours",
    "The head of the agency",
    "An independent review",
    "Two council members",
    "The regional board",
    "Critics",
];
const VERBS: &[&str] = &[
    "said that",
    "warned that",
    "argued that",
    "confirmed that",
    "told reporters that",
    "insisted that",
    "acknowledged that",
    "suggested that",
    "announced that",
    "explained that",
];
const CLAIMS: &[&str] = &[
    "the {0} would need far more money than planned",
    "work on the {0} could start before the end of {m}",
    "the {1} had been ignored for too long",
    "most {2} were unaware of the changes to the {0}",
    "a new plan for the {1} would be published in {m}",
    "the cost of the {0} had doubled since {y}",
    "nobody had asked the {2} what they wanted from the {1}",
    "the {3} expected a decision about the {0} within weeks",
    "the {1} was in better shape than many had feared",
    "the {4} would be consulted again about the {5}",
];
const TAILS: &[&str] = &[
    "",
    ", although the details were still being worked out",
    ", according to documents seen by this newspaper",
    ", a point repeated at a public meeting on {d}",
    ", even if the timetable slips again",
    " after months of delays",
    ", which surprised some of those present",
];
const MONTHS: &[&str] = &[
    "January",
    "March",
    "April",
    "June",
    "August",
    "September",
    "October",
    "December",
];
const DAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];

fn fill(template: &str, topic: &[&str], rng: &mut Rng) -> String {
    let mut s = template.to_string();
    for (i, word) in topic.iter().enumerate() {
        s = s.replace(&format!("{{{i}}}"), word);
    }
    s = s
        .replace("{m}", rng.pick(MONTHS))
        .replace("{d}", rng.pick(DAYS));
    s.replace("{y}", &(2009 + rng.below(14)).to_string())
}

/// One sentence about `topic`.
pub fn sentence(topic: &[&str], rng: &mut Rng) -> String {
    let claim = fill(rng.pick(CLAIMS), topic, rng);
    let tail = fill(rng.pick(TAILS), topic, rng);
    format!("{} {} {claim}{tail}.", rng.pick(WHO), rng.pick(VERBS))
}

/// A paragraph of two to four sentences.
pub fn paragraph(topic: &[&str], rng: &mut Rng) -> String {
    let n = 2 + rng.below(3);
    (0..n)
        .map(|_| sentence(topic, rng))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A headline: a few capitalised words about the topic.
pub fn headline(topic: &[&str], rng: &mut Rng) -> String {
    let noun = rng.pick(topic);
    let verb = rng.pick(&[
        "faces new delay",
        "wins reprieve",
        "divides opinion",
        "gets green light",
        "costs soar",
    ]);
    format!(
        "{}{} {verb} in {}",
        noun[..1].to_uppercase(),
        &noun[1..],
        rng.pick(MONTHS)
    )
}

/// One site's chrome.
pub struct Site {
    pub name: String,
    pub domain: String,
    pub menu: Vec<String>,
    pub follow: String,
    pub promo: String,
    pub newsletter: String,
    pub house_note: String,
    pub stock_sentence: String,
    pub footer: Vec<String>,
}

impl Site {
    pub fn new(index: usize, rng: &mut Rng) -> Site {
        let place = PLACES[index % PLACES.len()];
        let paper = PAPERS[(index * 3 + rng.below(2)) % PAPERS.len()];
        let name = format!("The {place} {paper}");
        let domain = format!("{}{}.example", place.to_lowercase(), paper.to_lowercase());
        let mut menu: Vec<String> = (0..5 + rng.below(4))
            .map(|_| rng.pick(SECTIONS).to_string())
            .collect();
        menu.dedup();
        if rng.chance(0.5) {
            menu = vec![menu.join(" | ")];
        }
        let year = 1950 + rng.below(60);
        Site {
            follow: format!("Follow the {place} {paper} on Facebook, X and Instagram"),
            promo: format!("Support local reporting: become a {paper} member from {} a month", 3 + rng.below(5)),
            newsletter: format!("Get the {place} {paper} morning briefing in your inbox every weekday."),
            house_note: format!(
                "The {place} {paper} has reported on {place} and the surrounding valley since {year}, and our newsroom is funded by readers like you."
            ),
            stock_sentence: "Officials did not immediately respond to a request for comment on the matter.".into(),
            footer: vec![
                format!("© {} {place} Media Group. All rights reserved.", 2020 + rng.below(5)),
                "Privacy policy".into(),
                "Terms of use".into(),
                format!("Contact the {paper}"),
            ],
            menu,
            name,
            domain,
        }
    }
}
