//! Runs the detector patterns: the automata `build.rs` compiled, searched by a lazy DFA.
//!
//! A [`Matcher`] answers `is_match` exactly as the `regex` crate would for its pattern set
//! (Unicode, case-insensitive unless the set says otherwise), without compiling any regular
//! expression at run time: the first call decodes the set's stored NFA (microseconds) and
//! builds a forward lazy DFA over it. A line is searched as it is when it is ASCII; otherwise
//! each character is first replaced by its alphabet byte (see `build.rs`). Only `is_match` is
//! offered: it needs no reverse automaton and no capture groups, which halves what a
//! `regex::Regex` would build.

use super::patterns::Patterns;
use super::program;
use regex_automata::hybrid::dfa::{Cache, DFA};
use regex_automata::util::pool::Pool;
use regex_automata::Input;
use std::cell::RefCell;
use std::panic::{RefUnwindSafe, UnwindSafe};
use std::sync::OnceLock;

mod generated {
    include!(concat!(env!("OUT_DIR"), "/programs.rs"));
}

/// A pattern set, compiled on first use.
pub struct Matcher {
    patterns: &'static Patterns,
    compiled: OnceLock<Compiled>,
}

type NewCache = Box<dyn Fn() -> Cache + Send + Sync + UnwindSafe + RefUnwindSafe>;

struct Compiled {
    dfa: DFA,
    /// One lazy-DFA cache per thread, as `regex::Regex` keeps them.
    caches: Pool<Cache, NewCache>,
}

thread_local! {
    /// The last non-ASCII line mapped to alphabet bytes: a detector asks several matchers
    /// about the same line in a row, and comparing bytes is cheaper than mapping again.
    static MAPPED: RefCell<Mapped> = const {
        RefCell::new(Mapped {
            text: Vec::new(),
            bytes: Vec::new(),
        })
    };
}

struct Mapped {
    text: Vec<u8>,
    bytes: Vec<u8>,
}

impl Matcher {
    pub const fn new(patterns: &'static Patterns) -> Matcher {
        Matcher {
            patterns,
            compiled: OnceLock::new(),
        }
    }

    /// True when any branch of the set matches somewhere in `text`.
    pub fn is_match(&self, text: &str) -> bool {
        let compiled = self.compiled.get_or_init(|| Compiled::new(self.patterns));
        if text.is_ascii() {
            return compiled.is_match(text.as_bytes());
        }
        MAPPED.with_borrow_mut(|mapped| {
            if mapped.text != text.as_bytes() {
                mapped.text.clear();
                mapped.text.extend_from_slice(text.as_bytes());
                map_to_alphabet(text, &mut mapped.bytes);
            }
            compiled.is_match(&mapped.bytes)
        })
    }
}

impl Compiled {
    fn new(patterns: &Patterns) -> Compiled {
        let nfa = program::decode(stored_program(patterns.name));
        let dfa = DFA::builder()
            .build_from_nfa(nfa)
            .expect("a byte NFA without Unicode look-around");
        let for_caches = dfa.clone();
        Compiled {
            dfa,
            caches: Pool::new(Box::new(move || for_caches.create_cache())),
        }
    }

    fn is_match(&self, haystack: &[u8]) -> bool {
        let mut cache = self.caches.get();
        let input = Input::new(haystack).earliest(true);
        // A lazy DFA fails only with quit bytes or a cache give-up limit; neither is set.
        self.dfa
            .try_search_fwd(&mut cache, &input)
            .expect("lazy DFA without quit bytes or give-up limit")
            .is_some()
    }
}

/// The program `build.rs` stored for set `name`.
fn stored_program(name: &str) -> &'static [u8] {
    generated::PROGRAMS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, program)| *program)
        .unwrap_or_else(|| panic!("no compiled program for pattern set {name}"))
}

/// Replace each character of `text` by its alphabet byte (ASCII stays itself).
fn map_to_alphabet(text: &str, out: &mut Vec<u8>) {
    out.clear();
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        // Scraped text is mostly ASCII even in German or French: copy ASCII runs whole.
        let ascii = bytes[at..].iter().take_while(|b| b.is_ascii()).count();
        out.extend_from_slice(&bytes[at..at + ascii]);
        at += ascii;
        if let Some(c) = text[at..].chars().next() {
            out.push(alphabet_byte(c));
            at += c.len_utf8();
        }
    }
}

fn alphabet_byte(c: char) -> u8 {
    let c = u32::from(c);
    match generated::ALPHABET_LOW.get(c as usize) {
        Some(&byte) => byte,
        None => {
            let run = generated::ALPHABET_STARTS.partition_point(|&s| s <= c) - 1;
            generated::ALPHABET_BYTES[run]
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::patterns::ALL;
    use proptest::prelude::*;
    use std::path::{Path, PathBuf};
    use std::sync::LazyLock;

    /// Every set as a matcher and as the `regex` crate compiles it (the reference).
    static BOTH: LazyLock<Vec<(Matcher, regex::Regex)>> = LazyLock::new(|| {
        ALL.iter()
            .map(|set| {
                let reference = regex::RegexBuilder::new(&set.regex_text())
                    .case_insensitive(set.case_insensitive)
                    .size_limit(1 << 24)
                    .build()
                    .expect("built-in pattern must compile");
                (Matcher::new(set), reference)
            })
            .collect()
    });

    /// Panics, naming the set, unless every matcher agrees with its reference on `text`.
    fn agree(text: &str) {
        for (matcher, reference) in BOTH.iter() {
            assert_eq!(
                matcher.is_match(text),
                reference.is_match(text),
                "{} on {text:?}",
                matcher.patterns.name
            );
        }
    }

    /// Lines and words of a text file, as the detectors see them (trimmed lines, single words).
    fn agree_on_file(path: &Path) -> usize {
        let bytes = std::fs::read(path).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        let mut checked = 0;
        for line in text.lines() {
            agree(line.trim());
            for word in line.split_whitespace() {
                agree(word);
            }
            checked += 1;
        }
        checked
    }

    fn text_files(dir: &Path, out: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                text_files(&path, out);
            } else if path.extension().is_some_and(|e| e == "txt" || e == "tsv") {
                out.push(path);
            }
        }
    }

    #[test]
    fn every_set_has_one_program() {
        let mut names: Vec<&str> = ALL.iter().map(|set| set.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), ALL.len(), "set names are unique");
        assert_eq!(generated::PROGRAMS.len(), ALL.len());
        for set in ALL {
            stored_program(set.name);
        }
    }

    #[test]
    fn agrees_with_the_regex_crate_on_tricky_characters() {
        for text in [
            "",
            "Jane Doe says:",
            "Jane Doe \u{17f}ays:",    // long s folds to s
            "\u{212a}CNA via REUTERS", // Kelvin sign folds to k
            "KCNA via REUTER\u{17f}",
            "Émilie Dubois dit :",
            "Zoë O'Brien-Łukasz napisała:",
            "\u{2160}\u{2161} says", // Roman numerals: cased but not letters
            "a\u{345} says:",        // a combining mark that folds to a letter
            "Ⓐlice says:",
            "© Jürgen Müller",
            "(c) ÄÖÜ ẞtraße",
            "Foto:\u{a0}dpa",
            "Home\u{2009}›\u{2009}News",
            "REUTERS/\u{1d400}bc", // a mathematical bold capital
            "Menü",
            "MENÜ",
            "cookies \u{1f36a} we use",
            "Mehr zum Thema",
            "weiterlesen mit\u{200b}",
            "Städte Märzrevolution März",
            "Updated 11:37 p.m. ET",
            "Matola, Mozambique October 6, 2024. REUTERS/Name",
            "İstanbul, Türkiye May 5, 2024.",
            "ǅemal Bijedić says:",
            "Ꭰ says:", // Cherokee: folds to a lower case outside ASCII
        ] {
            agree(text);
        }
    }

    #[test]
    fn agrees_with_the_regex_crate_on_the_bundled_texts() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = Vec::new();
        text_files(&root.join("samples"), &mut files);
        text_files(&root.join("tests/fixtures"), &mut files);
        let lines: usize = files.iter().map(|f| agree_on_file(f)).sum();
        assert!(lines > 100, "found the samples and fixtures");
    }

    /// The evaluation inputs and seeds, when the shared folder is there (~120k lines).
    #[test]
    fn agrees_with_the_regex_crate_on_the_shared_texts() {
        let shared = std::env::var_os("DEHUSK_SHARED")
            .map(PathBuf::from)
            .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"));
        let mut files = Vec::new();
        text_files(&shared.join("seeds"), &mut files);
        if let Ok(sets) = std::fs::read_dir(shared.join("eval")) {
            for set in sets.flatten() {
                text_files(&set.path().join("dev/input"), &mut files);
            }
        }
        if files.is_empty() {
            println!("matcher: no shared folder found (set DEHUSK_SHARED); skipped");
        }
        files.iter().for_each(|f| {
            agree_on_file(f);
        });
    }

    /// Pieces that steer random text towards the patterns: their literal words, and
    /// characters on both sides of every class edge that matters.
    fn piece() -> impl Strategy<Value = String> {
        static WORDS: LazyLock<Vec<String>> = LazyLock::new(|| {
            let mut words: Vec<String> = ALL
                .iter()
                .flat_map(|set| set.branches.iter())
                .flat_map(|p| {
                    p.split(|c: char| !c.is_alphabetic() && c != ' ' && c != '\'')
                        .map(str::to_owned)
                        .collect::<Vec<_>>()
                })
                .filter(|w| !w.trim().is_empty())
                .collect();
            words.sort();
            words.dedup();
            words
        });
        prop_oneof![
            4 => proptest::sample::select(WORDS.clone()),
            2 => "[ .,:;/|>»›•·→©()'!?&@#-]{1,3}",
            2 => "[0-9]{1,4}",
            1 => "[\u{17f}\u{212a}\u{212b}\u{130}\u{131}\u{345}\u{a0}\u{2009}\u{85}\u{2028}]",
            1 => "[ÄÖÜäöüßẞÉéèçñłŁęążźśćńóíáú]",
            1 => "\\PC",
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn agrees_with_the_regex_crate_on_random_text(
            pieces in proptest::collection::vec(piece(), 1..12),
            upper in any::<bool>(),
        ) {
            let text = pieces.concat();
            let text = if upper { text.to_uppercase() } else { text };
            agree(&text);
        }
    }
}
