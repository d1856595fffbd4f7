//! What the matcher remembers per thread about the lines it was asked about: their
//! pieces, their mapped bytes, and the answers by place inside a [`Scope`].

use super::{generated, holds_char, map_to_alphabet, pieces, Compiled};
use foldhash::{HashMap, HashMapExt};
use std::cell::{Cell, RefCell};
use std::marker::PhantomData;
use std::sync::atomic::{AtomicU64, Ordering};

thread_local! {
    /// The lines asked about lately, by address and length: the detector families ask about
    /// the same lines in turn, each several matchers per line, and comparing bytes is cheaper
    /// than lower-casing or mapping a line again.
    pub(super) static LINES: RefCell<Lines> = RefCell::new(Lines {
        by_place: HashMap::new(),
        bytes: 0,
    });
    /// The last line longer than [`MAX_CACHED_LINE`].
    pub(super) static LONG_LINE: RefCell<Line> = RefCell::new(Line::new("", None));
    /// The text of the innermost live [`Scope`] on this thread (start and end address) and
    /// its generation; generation 0 when there is none.
    pub(super) static SCOPE: Cell<(usize, usize, u64)> = const { Cell::new((0, 0, 0)) };
    /// What the lines asked about lately inside a scope hold, one slot per hash of their
    /// place, so that the sets asked about them next answer without a lookup in [`LINES`].
    pub(super) static RECENT: [Cell<Last>; RECENT_LINES] =
        const { [const { Cell::new(Last::NONE) }; RECENT_LINES] };
}

/// Slots of [`RECENT`]: a few documents' lines (a document of the gen set has some
/// 45 non-blank lines), in 10 KB.
const RECENT_LINES: usize = 256;

/// The slot of [`RECENT`] for the line `text`: a hash of its place, as lines that start
/// near each other should not share one.
pub(super) fn recent_slot(text: &str) -> usize {
    let place = text.as_ptr() as u64 ^ (text.len() as u64).rotate_left(32);
    (place.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - RECENT_LINES.trailing_zeros())) as usize
}

/// A line asked about inside a scope: its place, the scope's generation (never 0 for a
/// live scope, so [`Last::NONE`] describes no line) and what [`Line`] knows of it.
/// A family asks several sets about a line in a row, and each family asks about every
/// line; most asks are answered by the line's pieces alone: this spares them the hashing
/// and borrowing (52 M of 1,964 M instructions on gen for the last line alone).
#[derive(Clone, Copy)]
pub(super) struct Last {
    at: usize,
    len: usize,
    scope: u64,
    holds: Option<u32>,
    ascii: bool,
}

impl Last {
    const NONE: Last = Last {
        at: 0,
        len: 0,
        scope: 0,
        holds: None,
        ascii: false,
    };

    pub(super) fn of(line: &Line, text: &str, scope: u64) -> Last {
        Last {
            at: text.as_ptr() as usize,
            len: text.len(),
            scope,
            holds: line.holds,
            ascii: line.ascii,
        }
    }

    /// The answer of `compiled` for `text` in scope `scope`, when this is that line and it
    /// needs neither a piece scan nor mapped bytes; `None` sends the caller to [`LINES`].
    pub(super) fn answer(self, compiled: &Compiled, text: &str, scope: u64) -> Option<bool> {
        if self.scope != scope || self.at != text.as_ptr() as usize || self.len != text.len() {
            return None;
        }
        if let Some(set) = compiled.required {
            // A non-ASCII line may still hold one of the set's characters.
            if self.holds? & set == 0 && (self.ascii || !compiled.chars) {
                return Some(false);
            }
        }
        self.ascii.then(|| compiled.is_match_ascii(text.as_bytes()))
    }
}

/// Generations handed to scopes, never reused, so an entry left by an earlier scope can
/// never pass for one of a later scope that happens to reuse its addresses.
static GENERATIONS: AtomicU64 = AtomicU64::new(1);

/// While a scope lives, a line inside its text is recognised by its place alone: the
/// scope borrows the text, so those bytes cannot change until it ends, and a line asked
/// about again (each detector family asks about every line, several sets each) needs
/// neither a copy of its bytes nor a comparison with them. Lines outside the text (a
/// lowercased copy, a test's string) are cached as before, by place and content.
///
/// Scopes nest (a thread may pick up another document's work while it waits) and must end
/// on the thread they began on, which `PhantomData<*const ()>` enforces (`!Send`).
pub struct Scope<'a> {
    previous: (usize, usize, u64),
    _text: PhantomData<&'a [u8]>,
    _this_thread: PhantomData<*const ()>,
}

impl<'a> Scope<'a> {
    pub fn enter(text: &'a [u8]) -> Scope<'a> {
        let generation = GENERATIONS.fetch_add(1, Ordering::Relaxed);
        let range = text.as_ptr_range();
        let previous = SCOPE.replace((range.start as usize, range.end as usize, generation));
        Scope {
            previous,
            _text: PhantomData,
            _this_thread: PhantomData,
        }
    }
}

impl Drop for Scope<'_> {
    fn drop(&mut self) {
        SCOPE.set(self.previous);
    }
}

/// The generation of the live [`Scope`] whose text holds all of `text`, if any: while it
/// lives, `text`'s place and this generation stand for its bytes (generations are never
/// reused), so an answer computed from them can be remembered by place.
pub(in crate::detect) fn scope_of(text: &str) -> Option<u64> {
    let (start, end, generation) = SCOPE.get();
    let at = text.as_ptr() as usize;
    (generation != 0 && at >= start && at + text.len() <= end).then_some(generation)
}

pub(super) struct Lines {
    pub(super) by_place: HashMap<(usize, usize), Line>,
    /// Bytes of text held in `by_place`.
    pub(super) bytes: usize,
}

/// Text kept before the cache starts afresh: a few documents' worth, so memory stays bounded
/// whatever the input (a line holds its text and, when not ASCII, its mapped bytes).
pub(super) const MAX_CACHED_BYTES: usize = 1 << 20;
/// A longer line is kept apart, the last one only.
pub(super) const MAX_CACHED_LINE: usize = 16 << 10;

pub(super) struct Line {
    /// A copy of the line's bytes when it was asked about outside any scope; empty inside
    /// one, where [`Line::scope`] vouches for them.
    pub(super) text: Vec<u8>,
    /// The generation of the scope the line was asked about in, 0 when none.
    pub(super) scope: u64,
    pub(super) ascii: bool,
    /// One bit per set (by place in `PROGRAMS`) whose required words the line holds, or all
    /// bits when it has a non-ASCII character that matches an ASCII letter (the Kelvin sign,
    /// the long s): found on first use, in one scan for all sets.
    pub(super) holds: Option<u32>,
    /// The bits of the sets whose required characters ([`Stored::chars`]) a non-ASCII line
    /// holds, among those of `chars_known`: a set's characters are looked for when it is
    /// asked about and [`Line::holds`] does not let it through.
    pub(super) chars: u32,
    pub(super) chars_known: u32,
    /// Each character replaced by its alphabet byte, for a non-ASCII line: made on first use.
    pub(super) mapped: Option<Vec<u8>>,
}

impl Line {
    pub(super) fn new(text: &str, scope: Option<u64>) -> Line {
        Line {
            text: match scope {
                Some(_) => Vec::new(),
                None => text.as_bytes().to_vec(),
            },
            scope: scope.unwrap_or(0),
            ascii: text.is_ascii(),
            holds: None,
            chars: 0,
            chars_known: 0,
            mapped: None,
        }
    }

    /// True when this entry describes `text`, asked about in `scope`.
    pub(super) fn describes(&self, text: &str, scope: Option<u64>) -> bool {
        match scope {
            Some(generation) => self.scope == generation,
            None => self.scope == 0 && self.text == text.as_bytes(),
        }
    }

    /// False when the line `text` holds none of the required words of the set with bit `set`.
    pub(super) fn may_hold(&mut self, text: &[u8], set: u32) -> bool {
        let ascii = self.ascii;
        let holds = *self.holds.get_or_insert_with(|| {
            let folds = !ascii
                && generated::FOLDS_TO_ASCII
                    .iter()
                    .any(|c| holds_char(text, c));
            if folds {
                return u32::MAX;
            }
            pieces::holds(text)
        });
        if holds & set != 0 {
            return true;
        }
        // Only a non-ASCII line can hold a required character; most sets have none, and
        // most lines are answered by their pieces before these are looked for.
        if ascii || pieces::CharWords::get().sets & set == 0 {
            return false;
        }
        if self.chars_known & set == 0 {
            self.chars |= pieces::CharWords::get().held_in(text, set);
            self.chars_known |= set;
        }
        self.chars & set != 0
    }

    /// The bytes the automata read for the line `text`.
    pub(super) fn haystack<'s>(&'s mut self, text: &'s [u8]) -> &'s [u8] {
        if self.ascii {
            return text;
        }
        self.mapped.get_or_insert_with(|| map_to_alphabet(text))
    }
}
