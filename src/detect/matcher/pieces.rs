//! Which sets' required words a line may hold, found in one pass over the line: every
//! set's pieces (see `Stored::pieces`) in hashed tables behind a filter on letter classes.

use super::generated;
use crate::doc::ascii_lowercase_u64;
use std::sync::OnceLock;

/// The bits (by place in `PROGRAMS`) of the sets whose pieces `text` holds, in any ASCII case.
pub(super) fn holds(text: &[u8]) -> u32 {
    static WORDS: OnceLock<Words> = OnceLock::new();
    WORDS.get_or_init(Words::new).scan(text)
}

/// Every set's required pieces in two hashed tables (three- and five-byte pieces), so that
/// one pass over a line finds the sets that may match it.
pub(super) struct Words {
    short: Table,
    long: Table,
    /// One bit per four [`LETTER_CLASS`]es: set when some piece ends in four bytes of those
    /// classes (the last four bytes of a five-byte piece, or a three-byte piece after any
    /// byte or at the start of the line). A position whose bit is clear ends no piece, and
    /// most positions of prose are such, so the hashed tables are looked up only at the
    /// others (128 KB; with three classes, 4 KB, a third of all positions got through).
    /// A fixed size, so that indexing it with a window of classes needs no bounds check.
    ends: Box<[u64; ENDS_WORDS]>,
}

/// Words of [`Words::ends`].
const ENDS_WORDS: usize = (1 << (ENDS_CLASSES * CLASS_BITS)) / 64;

/// Bits of a class in [`Words::ends`], and classes per entry.
const CLASS_BITS: u32 = 5;
const ENDS_CLASSES: u32 = 4;

/// A byte's class for [`Words::ends`]: ASCII letters by letter in either case, the space
/// alone, other bytes in four classes. Bytes that share a class only let more positions
/// through to the exact lookups.
static LETTER_CLASS: [u8; 256] = {
    let mut classes = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        classes[b] = if byte.is_ascii_alphabetic() {
            byte.to_ascii_lowercase() - b'a' + 1
        } else if byte == b' ' {
            27
        } else {
            28 + (byte & 3)
        };
        b += 1;
    }
    classes
};

/// Each byte's [`LETTER_CLASS`] in the top class of a window, where [`Window::push`] puts
/// the newest byte: shifting the window right drops its oldest class, so keeping it up
/// takes a shift and an or, without a mask.
static NEWEST_CLASS: [u32; 256] = {
    let mut classes = [0u32; 256];
    let mut b = 0;
    while b < 256 {
        classes[b] = (LETTER_CLASS[b] as u32) << ((ENDS_CLASSES - 1) * CLASS_BITS);
        b += 1;
    }
    classes
};

/// The classes of the last [`ENDS_CLASSES`] bytes read, the newest in the top bits and 0
/// for a place before the line's start: an index into [`Words::ends`].
#[derive(Clone, Copy, Default)]
struct Window(u32);

impl Window {
    #[inline]
    fn push(self, byte: u8) -> Window {
        Window(self.0 >> CLASS_BITS | NEWEST_CLASS[usize::from(byte)])
    }
}

/// Hashed pieces of one length: for each slot, the bits of the sets that require a piece
/// hashed there (a collision only lets a line through to the automaton), and a bit per slot
/// that says whether any set does: 8 KB that stay in the L1 cache while most bytes of a line
/// look up nothing else. Fixed sizes, so that a slot indexes them without bounds checks.
struct Table {
    sets: Box<[u32; SLOTS]>,
    used: Box<[u64; SLOTS / 64]>,
}

impl Table {
    fn new() -> Table {
        Table {
            sets: boxed_array(),
            used: boxed_array(),
        }
    }

    fn insert(&mut self, piece: u64, set: u32) {
        let slot = slot(piece);
        self.sets[slot] |= set;
        self.used[slot / 64] |= 1 << (slot % 64);
    }

    #[inline]
    fn get(&self, piece: u64) -> u32 {
        let slot = slot(piece);
        if self.used[slot / 64] & 1 << (slot % 64) == 0 {
            0
        } else {
            self.sets[slot]
        }
    }
}

/// A zeroed array on the heap (too big for the stack in a debug build).
fn boxed_array<T: Copy + Default, const N: usize>() -> Box<[T; N]> {
    vec![T::default(); N]
        .into_boxed_slice()
        .try_into()
        .unwrap_or_else(|_| unreachable!("a vector of N elements"))
}

const SLOT_BITS: u32 = 16;
const SLOTS: usize = 1 << SLOT_BITS;
const SHORT_MASK: u64 = 0xFF_FFFF;
const LONG_MASK: u64 = 0xFF_FFFF_FFFF;

fn slot(piece: u64) -> usize {
    (piece.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - SLOT_BITS)) as usize
}

impl Words {
    fn new() -> Words {
        let (mut short, mut long) = (Table::new(), Table::new());
        let mut ends: Box<[u64; ENDS_WORDS]> = boxed_array();
        for (index, stored) in generated::PROGRAMS.iter().enumerate() {
            for piece in stored.pieces {
                let end = piece[piece.len().saturating_sub(4)..]
                    .iter()
                    .fold(Window::default(), |window, &b| window.push(b));
                // A three-byte piece: any class before it, or none (0) at the line's start.
                let before = if piece.len() < 4 { 1 << CLASS_BITS } else { 1 };
                for lead in 0..before {
                    let end = end.0 | lead;
                    ends[end as usize / 64] |= 1 << (end % 64);
                }
                let key = piece.iter().fold(0u64, |k, &b| k << 8 | u64::from(b));
                let table = if piece.len() == 3 {
                    &mut short
                } else {
                    &mut long
                };
                table.insert(key, super::bit_of(index));
            }
        }
        Words { short, long, ends }
    }

    /// False when no piece ends in the last four bytes of the classes `window`.
    #[inline]
    fn may_end_piece(&self, window: Window) -> bool {
        // The modulo changes no index of a window (below 1 << 20); it spares a bounds check.
        self.ends[window.0 as usize / 64 % ENDS_WORDS] & 1 << (window.0 % 64) != 0
    }

    /// The bits of the sets whose pieces `text` holds, in any ASCII case. Only the classes
    /// are kept up per byte; the few positions that pass [`Words::ends`] read their piece
    /// back from the line.
    fn scan(&self, text: &[u8]) -> u32 {
        let mut window = Window::default();
        let mut holds = 0;
        // The loop every byte of every line goes through, so four bytes a turn on one
        // counter: the turn's bounds check and count cost less spread over more bytes.
        let mut at = 0;
        while let Some(&[b0, b1, b2, b3]) = text.get(at..at + 4) {
            for (k, byte) in [b0, b1, b2, b3].into_iter().enumerate() {
                window = window.push(byte);
                if self.may_end_piece(window) {
                    holds |= self.pieces_ending_at(text, at + k);
                }
            }
            at += 4;
        }
        for (at, &byte) in text.iter().enumerate().skip(at) {
            window = window.push(byte);
            if self.may_end_piece(window) {
                holds |= self.pieces_ending_at(text, at);
            }
        }
        holds
    }

    /// The bits of the sets with a piece that ends at `at` in `text`.
    fn pieces_ending_at(&self, text: &[u8], at: usize) -> u32 {
        let key = key_ending_at(text, at);
        let short = match at >= 2 {
            true => self.short.get(key & SHORT_MASK),
            false => 0,
        };
        let long = match at >= 4 {
            true => self.long.get(key & LONG_MASK),
            false => 0,
        };
        short | long
    }
}

/// The bytes of `text` up to and including `at` (the last eight at most) in ASCII lower
/// case, the last in the low byte: a piece's key is its low three or five bytes.
#[inline]
fn key_ending_at(text: &[u8], at: usize) -> u64 {
    let word = match at.checked_sub(7) {
        Some(start) => u64::from_be_bytes(text[start..=at].try_into().expect("eight bytes")),
        None => text[..=at]
            .iter()
            .fold(0, |key, &b| key << 8 | u64::from(b)),
    };
    ascii_lowercase_u64(word)
}

/// Every set's required characters (`Stored::chars`).
pub(super) struct CharWords {
    /// Each character with the bits of the sets that require it.
    chars: Vec<(&'static str, u32)>,
    /// The bits of every set that has required characters.
    pub(super) sets: u32,
}

impl CharWords {
    pub(super) fn get() -> &'static CharWords {
        static CHARS: OnceLock<CharWords> = OnceLock::new();
        CHARS.get_or_init(|| {
            let mut chars: Vec<(&'static str, u32)> = Vec::new();
            for (index, stored) in generated::PROGRAMS.iter().enumerate() {
                for &c in stored.chars {
                    match chars.iter_mut().find(|(known, _)| *known == c) {
                        Some((_, sets)) => *sets |= super::bit_of(index),
                        None => chars.push((c, super::bit_of(index))),
                    }
                }
            }
            let sets = chars.iter().fold(0, |all, (_, sets)| all | sets);
            CharWords { chars, sets }
        })
    }

    /// The bits of the sets among `want` one of whose required characters `text` holds.
    pub(super) fn held_in(&self, text: &[u8], want: u32) -> u32 {
        self.chars
            .iter()
            .filter(|&&(c, sets)| sets & want != 0 && super::holds_char(text, c))
            .fold(0, |holds, (_, sets)| holds | sets & want)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::testing::for_each_line;
    use proptest::prelude::*;
    use std::sync::LazyLock;

    static WORDS: LazyLock<Words> = LazyLock::new(Words::new);

    /// Each byte's ASCII lower case (low byte) and [`LETTER_CLASS`] (high byte): one load per
    /// byte of the scan instead of a load and a case fold.
    static LOWER_AND_CLASS: [u16; 256] = {
        let mut both = [0u16; 256];
        let mut b = 0;
        while b < 256 {
            both[b] = (LETTER_CLASS[b] as u16) << 8 | (b as u8).to_ascii_lowercase() as u16;
            b += 1;
        }
        both
    };

    /// The scan as it was before keys were read back from the line: a rolling key kept
    /// up at every byte.
    fn scan_with_a_rolling_key(words: &Words, text: &[u8]) -> u32 {
        let (mut key, mut classes) = (0u64, 0u32);
        text.iter().enumerate().fold(0, |holds, (at, &byte)| {
            let both = LOWER_AND_CLASS[byte as usize];
            key = key << 8 | u64::from(both & 0xFF);
            classes = classes >> CLASS_BITS | u32::from(both >> 8) << (3 * CLASS_BITS);
            let end = words.may_end_piece(Window(classes));
            let short = match end && at >= 2 {
                true => words.short.get(key & SHORT_MASK),
                false => 0,
            };
            let long = match end && at >= 4 {
                true => words.long.get(key & LONG_MASK),
                false => 0,
            };
            holds | short | long
        })
    }

    #[test]
    fn finds_the_pieces_a_rolling_key_finds_on_the_bundled_texts() {
        let lines = for_each_line(|line| {
            let line = line.as_bytes();
            assert_eq!(WORDS.scan(line), scan_with_a_rolling_key(&WORDS, line));
        });
        assert!(lines > 100, "found the samples and fixtures");
    }

    /// Pieces of the sets in any case, and other bytes between them.
    fn fragment() -> impl Strategy<Value = Vec<u8>> {
        static PIECES: LazyLock<Vec<&'static [u8]>> = LazyLock::new(|| {
            generated::PROGRAMS
                .iter()
                .flat_map(|stored| stored.pieces.iter().copied())
                .collect()
        });
        let cased = |(piece, upper): (&[u8], u8)| -> Vec<u8> {
            let flip = |(at, &b): (usize, &u8)| match upper >> (at % 8) & 1 {
                1 => b.to_ascii_uppercase(),
                _ => b,
            };
            piece.iter().enumerate().map(flip).collect()
        };
        prop_oneof![
            3 => (proptest::sample::select(PIECES.clone()), any::<u8>()).prop_map(cased),
            2 => proptest::collection::vec(any::<u8>(), 1..4),
            1 => Just(b" ".to_vec()),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]
        #[test]
        fn finds_the_pieces_a_rolling_key_finds_in_any_bytes(
            fragments in proptest::collection::vec(fragment(), 0..10),
        ) {
            let text = fragments.concat();
            prop_assert_eq!(WORDS.scan(&text), scan_with_a_rolling_key(&WORDS, &text));
        }
    }
}
