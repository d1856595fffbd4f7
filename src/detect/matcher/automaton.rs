//! A set's automaton: its full DFA stored at build time or, when that would be too big, its
//! stored NFA searched by a lazy DFA with a cache per thread; and the mapping of a non-ASCII
//! line onto the alphabet bytes the automata read.

use super::{generated, program};
use regex_automata::dfa::{dense, Automaton as _};
use regex_automata::hybrid::dfa::{Cache, DFA};
use regex_automata::util::pool::Pool;
use regex_automata::util::{primitives::StateID, start};
use regex_automata::{Anchored, Input};
use std::panic::{RefUnwindSafe, UnwindSafe};

type NewCache = Box<dyn Fn() -> Cache + Send + Sync + UnwindSafe + RefUnwindSafe>;

/// A set's automaton, searched forwards or, for a reversed set, backwards.
pub(super) struct Automaton {
    engine: Engine,
    /// Built from a reversed NFA (see `build.rs`): searched backwards, anchored at the end.
    pub(super) reverse: bool,
}

enum Engine {
    /// The full DFA `build.rs` stored, read in place, and its start state for a whole line
    /// (nothing before it for `\b` to look at), found once.
    Dense { dfa: Dense, start: StateID },
    /// A lazy DFA over the stored NFA, for a set whose full DFA would be too big.
    Lazy {
        dfa: DFA,
        /// One lazy-DFA cache per thread, as `regex::Regex` keeps them.
        caches: Pool<Cache, NewCache>,
    },
}

/// Room for each lazy DFA's states, per thread. A set that outgrows it has its cache cleared
/// and its states rebuilt over and over (`nav.notice` once spent most of a run so, at the
/// 2 MiB default, before its phrases with bounded gaps moved to a set of their own). Every
/// set now fits in 2 MiB on every text we have; the rest is headroom, and a cache grows only
/// as far as its set needs. The test `no_set_outgrows_its_lazy_dfa_cache` keeps it so.
const CACHE_CAPACITY: usize = 8 << 20;

impl Automaton {
    /// The set's automaton from its stored NFA and, when it has one, its full DFA (`dense`).
    pub(super) fn new(program: &'static [u8], dense: &'static [u8]) -> Automaton {
        let reverse = program::is_reverse(program);
        if let Some(engine) = Engine::dense(dense, reverse) {
            return Automaton { engine, reverse };
        }
        let nfa = program::decode(program);
        let dfa = DFA::builder()
            .configure(DFA::config().cache_capacity(CACHE_CAPACITY))
            .build_from_nfa(nfa)
            .expect("a byte NFA without Unicode look-around");
        let for_caches = dfa.clone();
        Automaton {
            engine: Engine::Lazy {
                dfa,
                caches: Pool::new(Box::new(move || for_caches.create_cache())),
            },
            reverse,
        }
    }

    pub(super) fn is_match(&self, haystack: &[u8]) -> bool {
        match &self.engine {
            Engine::Dense { dfa, start } if self.reverse => {
                dense_match::<true>(dfa, *start, haystack)
            }
            Engine::Dense { dfa, start } => dense_match::<false>(dfa, *start, haystack),
            Engine::Lazy { caches, .. } => self.is_match_with(&mut caches.get(), haystack),
        }
    }

    /// The lazy DFA, for a set without a full DFA.
    #[cfg(test)]
    pub(super) fn lazy(&self) -> Option<&DFA> {
        match &self.engine {
            Engine::Lazy { dfa, .. } => Some(dfa),
            Engine::Dense { .. } => None,
        }
    }

    /// [`Automaton::is_match`] of a lazy DFA with the caller's cache.
    pub(super) fn is_match_with(&self, cache: &mut Cache, haystack: &[u8]) -> bool {
        let Engine::Lazy { dfa, .. } = &self.engine else {
            return self.is_match(haystack);
        };
        let input = Input::new(haystack).earliest(true);
        // A lazy DFA fails only with quit bytes or a cache give-up limit; neither is set.
        let found = if self.reverse {
            // Every match of a reversed set ends at the end of the line.
            dfa.try_search_rev(cache, &input.anchored(Anchored::Yes))
        } else {
            dfa.try_search_fwd(cache, &input)
        };
        found
            .expect("lazy DFA without quit bytes or give-up limit")
            .is_some()
    }
}

impl Engine {
    /// The full DFA in `bytes`, or `None` when there is none (or it does not read back, as
    /// on a big-endian target: the lazy DFA answers alike).
    fn dense(bytes: &'static [u8], reverse: bool) -> Option<Engine> {
        if bytes.is_empty() {
            return None;
        }
        // SAFETY: `bytes` are what `to_bytes_little_endian` of this very `regex_automata`
        // (one version in Cargo.lock for the build script and the binary) wrote in
        // `build.rs`, included unchanged, which is the trusted source the unchecked read
        // asks for; the header (label, endianness, version, alignment) is still checked.
        // `from_bytes` would also check every transition, ~7 M instructions for the sets a
        // small file reaches, a third of its start-up; the test
        // `every_full_dfa_passes_the_checked_read` runs those checks on every set instead.
        let (dfa, _) = unsafe { dense::DFA::from_bytes_unchecked(bytes) }.ok()?;
        // A whole line is searched: nothing before (or, backwards, after) it.
        let anchored = if reverse { Anchored::Yes } else { Anchored::No };
        let start = dfa
            .start_state(&start::Config::new().anchored(anchored))
            .ok()?;
        Some(Engine::Dense { dfa, start })
    }
}

type Dense = dense::DFA<&'static [u32]>;

/// Whether `dfa`, from `start`, reaches a match on `bytes` (read from the end when
/// `REVERSE`): the earliest-match search of `regex_automata` without its per-call set-up
/// (an `Input`, the start state looked up by the byte before the span). A match state is
/// entered one byte after the match ends, or on the end of input; the DFAs have no quit
/// bytes, so a special state that is neither a match nor dead (a start or accelerated
/// state) is read through like any other. Four bytes a turn, to spare the loop's own
/// instructions.
#[inline(always)]
fn dense_match<const REVERSE: bool>(dfa: &Dense, start: StateID, bytes: &[u8]) -> bool {
    let found = if REVERSE {
        let chunks = bytes.rchunks_exact(4);
        let first = chunks.remainder().iter().rev().copied();
        dense_walk(dfa, start, chunks.map(|c| [c[3], c[2], c[1], c[0]]), first)
    } else {
        let chunks = bytes.chunks_exact(4);
        let last = chunks.remainder().iter().copied();
        dense_walk(dfa, start, chunks.map(|c| [c[0], c[1], c[2], c[3]]), last)
    };
    found.unwrap_or_else(|state| dfa.is_match_state(dfa.next_eoi_state(state)))
}

/// [`dense_match`] over the line's bytes in reading order, four at a time then the rest:
/// the answer once a match or dead state is entered, else the state after the last byte.
#[inline(always)]
fn dense_walk(
    dfa: &Dense,
    start: StateID,
    fours: impl Iterator<Item = [u8; 4]>,
    rest: impl Iterator<Item = u8>,
) -> Result<bool, StateID> {
    let mut state = start;
    macro_rules! step {
        ($byte:expr) => {
            // SAFETY: `state` is `start` or the target of a transition, and a DFA written
            // by `to_bytes_little_endian` (see `Engine::dense`) holds only valid state ids
            // there.
            state = unsafe { dfa.next_state_unchecked(state, $byte) };
            if dfa.is_special_state(state) {
                if dfa.is_match_state(state) {
                    return Ok(true);
                }
                if dfa.is_dead_state(state) {
                    return Ok(false);
                }
            }
        };
    }
    for [a, b, c, d] in fours {
        step!(a);
        step!(b);
        step!(c);
        step!(d);
    }
    for byte in rest {
        step!(byte);
    }
    Err(state)
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
