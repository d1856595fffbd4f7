//! Unicode character properties through one table lookup for the scripts most text uses.
//!
//! `char::is_alphabetic` and friends answer ASCII quickly but binary-search Unicode tables
//! for every other character, which made umlauts, accents and typographic quotes a top
//! cost of tokenizing German and French text. Below [`TABLE_END`] (Latin, Greek, Cyrillic,
//! Hebrew, Arabic, Indic scripts, punctuation) the properties come from a table built once
//! from the standard library's own answers, so results are identical by construction.

use std::sync::LazyLock;

pub const ALPHABETIC: u8 = 1;
pub const NUMERIC: u8 = 2;
pub const WHITESPACE: u8 = 4;
pub const UPPERCASE: u8 = 8;
pub const LOWERCASE: u8 = 16;
pub const ALPHANUMERIC: u8 = ALPHABETIC | NUMERIC;
/// `char::to_lowercase` gives something else than the character itself: a word without such
/// characters outside ASCII is lowercased by `make_ascii_lowercase`.
pub const LOWERS: u8 = 32;

/// Characters below this code point are answered from the table.
const TABLE_END: usize = 0x3000;

static TABLE: LazyLock<Box<[u8]>> = LazyLock::new(|| {
    (0..TABLE_END as u32)
        .map(|cp| char::from_u32(cp).map_or(0, compute))
        .collect()
});

fn compute(c: char) -> u8 {
    let mut bits = 0;
    for (yes, bit) in [
        (c.is_alphabetic(), ALPHABETIC),
        (c.is_numeric(), NUMERIC),
        (c.is_whitespace(), WHITESPACE),
        (c.is_uppercase(), UPPERCASE),
        (c.is_lowercase(), LOWERCASE),
        (!c.to_lowercase().eq([c]), LOWERS),
    ] {
        if yes {
            bits |= bit;
        }
    }
    bits
}

/// ASCII answers, known at compile time (no lazy initialisation check per character).
pub(crate) static ASCII: [u8; 128] = {
    let mut table = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        table[b] = match c {
            b'A'..=b'Z' => ALPHABETIC | UPPERCASE | LOWERS,
            b'a'..=b'z' => ALPHABETIC | LOWERCASE,
            b'0'..=b'9' => NUMERIC,
            b' ' | b'\t'..=b'\r' => WHITESPACE,
            _ => 0,
        };
        b += 1;
    }
    table
};

/// The property bits of `c` (see the constants above).
#[inline]
pub fn class(c: char) -> u8 {
    if let Some(&bits) = ASCII.get(c as usize) {
        return bits;
    }
    match TABLE.get(c as usize) {
        Some(&bits) => bits,
        None => compute(c),
    }
}

/// The character that starts at `at`, a lead byte of 0x80 or above in valid UTF-8 (what
/// `str::chars` would decode there, without its iterator around a per-byte loop).
#[inline]
pub fn decode(bytes: &[u8], at: usize) -> char {
    let lead = u32::from(bytes[at]);
    let next = |k: usize| u32::from(bytes[at + k]) & 0x3F;
    let cp = match lead {
        0xF0.. => (lead & 0x07) << 18 | next(1) << 12 | next(2) << 6 | next(3),
        0xE0.. => (lead & 0x0F) << 12 | next(1) << 6 | next(2),
        _ => (lead & 0x1F) << 6 | next(1),
    };
    char::from_u32(cp).unwrap_or(char::REPLACEMENT_CHARACTER)
}

/// True when `c.to_lowercase()` is not `c` alone.
#[inline]
pub fn changes_when_lowercased(c: char) -> bool {
    class(c) & LOWERS != 0
}

/// `char::is_alphanumeric`, fast for the common scripts.
#[inline]
pub fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    class(c) & ALPHANUMERIC != 0
}

/// The eight bytes of `x`, each as `u8::to_ascii_lowercase` makes it, at once: `A`..=`Z`
/// become `a`..=`z` and every other byte stays. The parse lowercases word keys with it and
/// the matcher its piece keys.
#[inline(always)]
pub(crate) fn ascii_lowercase_u64(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x80 * ONES;
    // Per byte below 0x80 (the high bit cleared first, so no sum carries into the next
    // byte): the high bit of `h + (0x80 - b'A')` says >= 'A' and of `h + (0x80 - b'[')`
    // says > 'Z'; bytes of 0x80 and above are excluded through `!x`.
    let h = x & !HIGH;
    let upper = (h + (0x80 - 0x41) * ONES) & !(h + (0x80 - 0x5B) * ONES) & !x & HIGH;
    // 0x80 >> 2 is 0x20, the case bit.
    x | (upper >> 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_lowercase_u64_maps_every_byte_at_every_position_like_the_standard_library() {
        for at in 0..8 {
            for b in 0..=255u8 {
                let mut bytes = *b"aZ\xc3\xa9Q@[`";
                bytes[at] = b;
                let mut want = bytes;
                want.make_ascii_lowercase();
                let got = ascii_lowercase_u64(u64::from_le_bytes(bytes)).to_le_bytes();
                assert_eq!(got, want, "{bytes:?}");
            }
        }
    }

    #[test]
    fn lower_cases_eight_bytes_as_to_ascii_lowercase_does() {
        for b in 0..=255u8 {
            for at in 0..8 {
                let word =
                    u64::from(b) << (8 * at) | 0x4180_5A5B_407A_C161 & !(0xFFu64 << (8 * at));
                let expected =
                    u64::from_le_bytes(word.to_le_bytes().map(|b| b.to_ascii_lowercase()));
                assert_eq!(ascii_lowercase_u64(word), expected, "{word:#x}");
            }
        }
    }

    #[test]
    fn the_table_agrees_with_the_standard_library_everywhere() {
        for cp in (0..0x11_0000u32).step_by(7).chain(0..0x400) {
            let Some(c) = char::from_u32(cp) else {
                continue;
            };
            let bits = class(c);
            assert_eq!(bits & ALPHABETIC != 0, c.is_alphabetic(), "{c:?}");
            assert_eq!(bits & NUMERIC != 0, c.is_numeric(), "{c:?}");
            assert_eq!(bits & WHITESPACE != 0, c.is_whitespace(), "{c:?}");
            assert_eq!(bits & UPPERCASE != 0, c.is_uppercase(), "{c:?}");
            assert_eq!(bits & LOWERCASE != 0, c.is_lowercase(), "{c:?}");
            assert_eq!(bits & LOWERS != 0, !c.to_lowercase().eq([c]), "{c:?}");
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
    }
}
