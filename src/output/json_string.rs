//! JSON string writing, byte for byte as `serde_json` writes a `str`, eight bytes at a time.
//!
//! Every cleaned JSON Lines record writes its whole text back as a JSON string, and every
//! report record its line: `serde_json` looks each byte up in an escape table, about ten
//! instructions a byte of text. Here the bytes that need no escape, nearly all of them, are
//! found a machine word at a time and copied in runs.

const LOW: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// Append `text` as a JSON string (quotes included) to `out`, as `serde_json::to_writer`
/// writes it: `"` and `\` escaped with a backslash, `\b \t \n \f \r` by name, other control
/// characters as `\u00XX` (lowercase hex), everything else as it is.
pub fn write_json_str(out: &mut Vec<u8>, text: &str) {
    let bytes = text.as_bytes();
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    let mut start = 0;
    while let Some(at) = next_escape(bytes, start) {
        out.extend_from_slice(&bytes[start..at]);
        push_escape(out, bytes[at]);
        start = at + 1;
    }
    out.extend_from_slice(&bytes[start..]);
    out.push(b'"');
}

/// The first byte at or after `from` that JSON escapes.
#[inline]
fn next_escape(bytes: &[u8], from: usize) -> Option<usize> {
    let mut at = from;
    while let Some(chunk) = bytes.get(at..at + 8) {
        let x = u64::from_le_bytes(chunk.try_into().unwrap());
        // The lowest byte flagged by each test is exact (a borrow only runs upwards, from a
        // byte that is flagged rightly), so the lowest flag of the three is the first byte
        // to escape; `& !x` drops bytes >= 0x80.
        let quote = x ^ (LOW * u64::from(b'"'));
        let backslash = x ^ (LOW * u64::from(b'\\'));
        let flags =
            (x.wrapping_sub(LOW * 0x20) | quote.wrapping_sub(LOW) | backslash.wrapping_sub(LOW))
                & !x
                & HIGH;
        if flags != 0 {
            let first = at + (flags.trailing_zeros() / 8) as usize;
            debug_assert!(needs_escape(bytes[first]));
            return Some(first);
        }
        at += 8;
    }
    bytes[at..]
        .iter()
        .position(|&b| needs_escape(b))
        .map(|i| at + i)
}

#[inline]
fn needs_escape(b: u8) -> bool {
    b < 0x20 || b == b'"' || b == b'\\'
}

fn push_escape(out: &mut Vec<u8>, b: u8) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    match b {
        b'"' => out.extend_from_slice(b"\\\""),
        b'\\' => out.extend_from_slice(b"\\\\"),
        b'\n' => out.extend_from_slice(b"\\n"),
        b'\r' => out.extend_from_slice(b"\\r"),
        b'\t' => out.extend_from_slice(b"\\t"),
        0x08 => out.extend_from_slice(b"\\b"),
        0x0C => out.extend_from_slice(b"\\f"),
        _ => out.extend_from_slice(&[
            b'\\',
            b'u',
            b'0',
            b'0',
            HEX[usize::from(b >> 4)],
            HEX[usize::from(b & 0xF)],
        ]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn ours(text: &str) -> Vec<u8> {
        let mut out = b"x".to_vec();
        write_json_str(&mut out, text);
        out.split_off(1)
    }

    #[test]
    fn every_byte_value_at_every_position_of_a_word_is_written_as_serde_json_does() {
        for c in (0u32..0x100).filter_map(char::from_u32) {
            for len in 0..20 {
                for at in 0..len {
                    let mut text: Vec<char> = "abcdefghijklmnopqrst".chars().take(len).collect();
                    text[at] = c;
                    let text: String = text.into_iter().collect();
                    assert_eq!(ours(&text), serde_json::to_vec(&text).unwrap(), "{text:?}");
                }
            }
        }
    }

    proptest! {
        #[test]
        fn any_text_is_written_as_serde_json_does(text in "(?s).{0,200}") {
            prop_assert_eq!(ours(&text), serde_json::to_vec(&text).unwrap());
        }

        #[test]
        fn control_heavy_text_is_written_as_serde_json_does(
            text in "[\\x00-\\x21\"\\\\a\u{e9}\u{7f}]{0,64}"
        ) {
            prop_assert_eq!(ours(&text), serde_json::to_vec(&text).unwrap());
        }
    }
}
