//! The stored form of a compiled pattern set: a Thompson NFA written out as `u32` words.
//!
//! `build.rs` compiles every set into an NFA once, at build time, and [`encode`]s it; at run
//! time [`decode`] replays the states into `regex_automata`'s NFA builder, which costs
//! microseconds where compiling the patterns cost ~130 ms (issue #5). Both sides include this
//! file, so the format has one definition; `build.rs` also checks that decoding gives back the
//! very NFA it encoded.
//!
//! Layout, in little-endian `u32` words: `[states, start_anchored, start_unanchored,
//! pattern_start, reverse]`, then per state a tag
//! and its operands, in state-id order (so the builder hands out the same ids):
//! `0 k (range next)*k` byte transitions (`range` = `start | end << 8`), `1 look next`,
//! `2 k alternate*k` a union in priority order, `3` fail, `4` match.

use regex_automata::nfa::thompson::{Builder, State, Transition, NFA};
use regex_automata::util::{look::Look, primitives::StateID};
use regex_automata::PatternID;

const TRANSITIONS: u32 = 0;
const LOOK: u32 = 1;
const UNION: u32 = 2;
const FAIL: u32 = 3;
const MATCH: u32 = 4;

/// Words before the first state.
const HEADER: usize = 5;

/// Write `nfa` (one pattern, no capture groups); panics on any other kind of NFA.
#[allow(dead_code)] // only build.rs encodes
pub fn encode(nfa: &NFA) -> Vec<u8> {
    assert_eq!(nfa.pattern_len(), 1, "one pattern per program");
    let start = nfa
        .start_pattern(PatternID::ZERO)
        .expect("pattern 0 exists");
    let mut words = vec![
        nfa.states().len() as u32,
        nfa.start_anchored().as_u32(),
        nfa.start_unanchored().as_u32(),
        start.as_u32(),
        u32::from(nfa.is_reverse()),
    ];
    for state in nfa.states() {
        match state {
            State::ByteRange { trans } => push_transitions(&mut words, std::slice::from_ref(trans)),
            State::Sparse(sparse) => push_transitions(&mut words, &sparse.transitions),
            State::Look { look, next } => words.extend([LOOK, look.as_repr(), next.as_u32()]),
            State::Union { alternates } => {
                words.extend([UNION, alternates.len() as u32]);
                words.extend(alternates.iter().map(|id| id.as_u32()));
            }
            State::BinaryUnion { alt1, alt2 } => {
                words.extend([UNION, 2, alt1.as_u32(), alt2.as_u32()])
            }
            State::Fail => words.push(FAIL),
            State::Match { .. } => words.push(MATCH),
            State::Dense(_) | State::Capture { .. } => {
                panic!("unexpected NFA state {state:?}: captures must be off")
            }
        }
    }
    words.iter().flat_map(|w| w.to_le_bytes()).collect()
}

#[allow(dead_code)]
fn push_transitions(words: &mut Vec<u32>, list: &[Transition]) {
    words.extend([TRANSITIONS, list.len() as u32]);
    for t in list {
        words.extend([u32::from(t.start) | u32::from(t.end) << 8, t.next.as_u32()]);
    }
}

/// Whether the NFA that [`encode`] wrote is reversed, without rebuilding it.
#[allow(dead_code)] // only the matcher asks
pub fn is_reverse(program: &[u8]) -> bool {
    program[4 * 4..5 * 4] != [0; 4]
}

/// Rebuild the NFA that [`encode`] wrote; panics on anything else.
pub fn decode(program: &[u8]) -> NFA {
    let words: Vec<u32> = program
        .chunks_exact(4)
        .map(|w| u32::from_le_bytes([w[0], w[1], w[2], w[3]]))
        .collect();
    let id = |w: u32| StateID::new(w as usize).expect("state id in range");
    let mut builder = Builder::new();
    builder.set_utf8(false);
    builder.set_reverse(words[4] != 0);
    let built = "a program that encode wrote";
    builder.start_pattern().expect(built);
    let mut at = HEADER;
    for _ in 0..words[0] {
        let added = match words[at] {
            TRANSITIONS => {
                let count = words[at + 1] as usize;
                let list: Vec<Transition> = words[at + 2..at + 2 + 2 * count]
                    .chunks_exact(2)
                    .map(|pair| Transition {
                        start: pair[0] as u8,
                        end: (pair[0] >> 8) as u8,
                        next: id(pair[1]),
                    })
                    .collect();
                at += 2 + 2 * count;
                match list[..] {
                    [single] => builder.add_range(single),
                    _ => builder.add_sparse(list),
                }
            }
            LOOK => {
                let look = Look::from_repr(words[at + 1]).expect(built);
                at += 3;
                builder.add_look(id(words[at - 1]), look)
            }
            UNION => {
                let count = words[at + 1] as usize;
                let alternates = words[at + 2..at + 2 + count].iter().map(|&w| id(w));
                at += 2 + count;
                builder.add_union(alternates.collect())
            }
            FAIL => {
                at += 1;
                builder.add_fail()
            }
            MATCH => {
                at += 1;
                builder.add_match()
            }
            tag => panic!("unknown program word {tag} at {at}"),
        };
        added.expect(built);
    }
    builder.finish_pattern(id(words[3])).expect(built);
    builder.build(id(words[1]), id(words[2])).expect(built)
}
