//! Where a run of ASCII letters ends, sixteen or eight bytes at a time: most bytes of prose
//! are such runs, and the parse takes each run at once.

/// How many bytes at the start of `bytes` are ASCII letters, eight at a time: a run of
/// letters is six bytes on average, which a byte loop took about thirty instructions for.
#[inline]
pub(super) fn ascii_letters(bytes: &[u8]) -> usize {
    const LOW: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut n = 0;
    #[cfg(target_arch = "x86_64")]
    while let Some(chunk) = bytes.get(n..n + 16) {
        let letters = sse2::ascii_letters_16(chunk.try_into().unwrap());
        if letters < 16 {
            return n + letters;
        }
        n += 16;
    }
    while let Some(chunk) = bytes.get(n..n + 8) {
        let x = u64::from_le_bytes(chunk.try_into().unwrap());
        // Per byte below 0x80: fold case (only letters become 'a'..='z' this way), then the
        // high bit of `h + (0x80 - b'a')` says >= 'a' and of `h + (0x80 - b'{')` says > 'z';
        // no sum carries into the next byte.
        let h = (x | (0x20 * LOW)) & !HIGH;
        let letters = (h + (0x80 - 0x61) * LOW) & !(h + (0x80 - 0x7B) * LOW) & !x & HIGH;
        let others = !letters & HIGH;
        if others != 0 {
            return n + (others.trailing_zeros() / 8) as usize;
        }
        n += 8;
    }
    n + bytes[n..]
        .iter()
        .take_while(|b| b.is_ascii_alphabetic())
        .count()
}

/// Sixteen bytes at once where the line has them: most runs of letters end in the first
/// sixteen, which take one compare, where machine words took two and rebuilt four constants.
#[cfg(target_arch = "x86_64")]
mod sse2 {
    use std::arch::x86_64::{
        _mm_add_epi8, _mm_cmplt_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_or_si128,
        _mm_set1_epi8,
    };

    /// How many bytes at the start of `chunk` are ASCII letters.
    #[inline(always)]
    pub(super) fn ascii_letters_16(chunk: &[u8; 16]) -> usize {
        // SAFETY: SSE2 is part of every x86_64 target, so these intrinsics are available;
        // the unaligned load reads exactly the sixteen bytes of `chunk`.
        let letters = unsafe {
            let x = _mm_loadu_si128(chunk.as_ptr().cast());
            // Case folded (only letters become 'a'..='z' this way), then moved so that
            // 'a'..='z' are the 26 lowest signed bytes: -128..=-103.
            let folded = _mm_or_si128(x, _mm_set1_epi8(0x20));
            let moved = _mm_add_epi8(folded, _mm_set1_epi8(0x80u8.wrapping_sub(b'a') as i8));
            _mm_movemask_epi8(_mm_cmplt_epi8(moved, _mm_set1_epi8(-102))) as u32
        };
        (!letters | 0x1_0000).trailing_zeros() as usize
    }
}

#[cfg(test)]
mod tests {
    use super::ascii_letters;

    fn by_bytes(bytes: &[u8]) -> usize {
        bytes.iter().take_while(|b| b.is_ascii_alphabetic()).count()
    }

    #[test]
    fn ascii_letters_counts_like_a_byte_loop_for_every_byte_and_position() {
        // Past two chunks of sixteen, a machine word and a tail of bytes.
        for len in 0..44 {
            for stop in 0..len {
                for b in 0..=255u8 {
                    let mut bytes: Vec<u8> = (0..len).map(|i| b"aZqMz"[i % 5]).collect();
                    bytes[stop] = b;
                    assert_eq!(ascii_letters(&bytes), by_bytes(&bytes), "{bytes:?}");
                }
            }
        }
        let all: Vec<u8> = (0..=255).collect();
        for start in 0..all.len() {
            assert_eq!(ascii_letters(&all[start..]), by_bytes(&all[start..]));
        }
    }
}
