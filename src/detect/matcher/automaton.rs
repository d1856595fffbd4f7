//! A set's automaton: the stored NFA searched by a lazy DFA with a cache per thread, and
//! the mapping of a non-ASCII line onto the alphabet bytes the automata read.

use super::{generated, program};
use regex_automata::hybrid::dfa::{Cache, DFA};
use regex_automata::util::pool::Pool;
use regex_automata::{Anchored, Input};
use std::panic::{RefUnwindSafe, UnwindSafe};

type NewCache = Box<dyn Fn() -> Cache + Send + Sync + UnwindSafe + RefUnwindSafe>;

/// A set's lazy DFA over its stored NFA, searched forwards or, for a reversed set, backwards.
pub(super) struct Automaton {
    pub(super) dfa: DFA,
    /// Built from a reversed NFA (see `build.rs`): searched backwards, anchored at the end.
    pub(super) reverse: bool,
    /// One lazy-DFA cache per thread, as `regex::Regex` keeps them.
    caches: Pool<Cache, NewCache>,
}

/// Room for each lazy DFA's states, per thread. A set that outgrows it has its cache cleared
/// and its states rebuilt over and over (`nav.notice` once spent most of a run so, at the
/// 2 MiB default, before its phrases with bounded gaps moved to a set of their own). Every
/// set now fits in 2 MiB on every text we have; the rest is headroom, and a cache grows only
/// as far as its set needs. The test `no_set_outgrows_its_lazy_dfa_cache` keeps it so.
const CACHE_CAPACITY: usize = 8 << 20;

impl Automaton {
    pub(super) fn new(program: &[u8]) -> Automaton {
        let nfa = program::decode(program);
        let reverse = nfa.is_reverse();
        let dfa = DFA::builder()
            .configure(DFA::config().cache_capacity(CACHE_CAPACITY))
            .build_from_nfa(nfa)
            .expect("a byte NFA without Unicode look-around");
        let for_caches = dfa.clone();
        Automaton {
            dfa,
            reverse,
            caches: Pool::new(Box::new(move || for_caches.create_cache())),
        }
    }

    pub(super) fn is_match(&self, haystack: &[u8]) -> bool {
        self.is_match_with(&mut self.caches.get(), haystack)
    }

    /// [`Automaton::is_match`] with the caller's cache.
    pub(super) fn is_match_with(&self, cache: &mut Cache, haystack: &[u8]) -> bool {
        let input = Input::new(haystack).earliest(true);
        // A lazy DFA fails only with quit bytes or a cache give-up limit; neither is set.
        let found = if self.reverse {
            // Every match of a reversed set ends at the end of the line.
            self.dfa
                .try_search_rev(cache, &input.anchored(Anchored::Yes))
        } else {
            self.dfa.try_search_fwd(cache, &input)
        };
        found
            .expect("lazy DFA without quit bytes or give-up limit")
            .is_some()
    }
}

/// Replace each character of `text` (UTF-8) by its alphabet byte (ASCII stays itself).
pub(super) fn map_to_alphabet(text: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len());
    let mut at = 0;
    while at < text.len() {
        // Scraped text is mostly ASCII even in German or French: copy ASCII runs whole,
        // finding their end eight bytes at a time.
        let mut end = at;
        while end + 8 <= text.len() {
            let word = u64::from_le_bytes(text[end..end + 8].try_into().expect("8 bytes"));
            let high = word & 0x8080_8080_8080_8080;
            if high != 0 {
                end += high.trailing_zeros() as usize / 8;
                break;
            }
            end += 8;
        }
        while end < text.len() && text[end].is_ascii() {
            end += 1;
        }
        out.extend_from_slice(&text[at..end]);
        at = end;
        if at < text.len() {
            // The matcher is given the bytes of a `str`: the character is whole and valid,
            // so it is decoded without validating it again (`str::from_utf8` was ~46
            // instructions a character).
            out.push(alphabet_byte(crate::doc::decode_char(text, at)));
            at += utf8_len(text[at]);
        }
    }
    out
}

/// Length of the UTF-8 sequence that starts with `lead`.
fn utf8_len(lead: u8) -> usize {
    match lead {
        0xF0.. => 4,
        0xE0.. => 3,
        _ => 2,
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
