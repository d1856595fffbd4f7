//! A JSON string value decoded in one pass over its escapes, as `serde_json` decodes it.
//!
//! The text field of a record was already checked as JSON when the line's fields were split
//! (quotes, escapes, no raw control characters); what is left is to decode it. Runs between
//! backslashes are copied whole, found with memchr, where `serde_json::from_str` took about
//! five instructions a byte. Anything unusual (a lone surrogate, a malformed escape) is left
//! to `serde_json`, whose error message the caller reports.

/// `raw`, a value `serde_json` accepted as raw JSON, decoded when it is a string; None when
/// it is not a string, or `serde_json` must decide (it reports the error).
pub(super) fn decode_json_str(raw: &str) -> Option<String> {
    let inner = raw.strip_prefix('"')?.strip_suffix('"')?;
    let bytes = inner.as_bytes();
    let mut out = String::with_capacity(inner.len());
    let mut start = 0;
    while let Some(found) = memchr::memchr(b'\\', &bytes[start..]) {
        let at = start + found;
        // Both ends are ASCII bytes, so character boundaries.
        out.push_str(&inner[start..at]);
        let escape = *bytes.get(at + 1)?;
        start = at + 2;
        let c = match escape {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let high = hex4(bytes.get(start..start + 4)?)?;
                start += 4;
                match high {
                    0xD800..=0xDBFF => {
                        if bytes.get(start..start + 2)? != b"\\u" {
                            return None;
                        }
                        let low = hex4(bytes.get(start + 2..start + 6)?)?;
                        if !(0xDC00..=0xDFFF).contains(&low) {
                            return None;
                        }
                        start += 6;
                        char::from_u32(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))?
                    }
                    0xDC00..=0xDFFF => return None,
                    _ => char::from_u32(high)?,
                }
            }
            _ => return None,
        };
        out.push(c);
    }
    out.push_str(&inner[start..]);
    Some(out)
}

/// Four hex digits, either case.
fn hex4(digits: &[u8]) -> Option<u32> {
    digits.iter().try_fold(0u32, |value, &d| {
        let digit = (d as char).to_digit(16)?;
        Some(value * 16 + digit)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// What `parse_record` would get from `serde_json` for a raw value it accepted.
    fn check(raw: &str) {
        let accepted: Result<&serde_json::value::RawValue, _> = serde_json::from_str(raw);
        if accepted.is_err() {
            return;
        }
        let serde: Option<String> = serde_json::from_str(raw).ok();
        match decode_json_str(raw) {
            Some(ours) => assert_eq!(Some(ours), serde, "{raw:?}"),
            // Left to serde_json: only what it refuses or what is not a string.
            None => assert!(serde.is_none() || !raw.starts_with('"'), "{raw:?}"),
        }
    }

    #[test]
    fn escapes_surrogates_and_malformed_values_decode_as_serde_json_decodes_them() {
        for raw in [
            r#""""#,
            r#""plain""#,
            r#""a\nb\t\"q\" \\ \/ \b\f\r""#,
            r#""\u00e9\u00E9\u4e2d\u0000\u001f""#,
            r#""\ud83d\ude00 pair""#,
            r#""\ud83d alone""#,
            r#""\ude00 low alone""#,
            r#""\ud83d\u0041 high then not low""#,
            r#""\ud83d\ud83d two highs""#,
            r#""tail \u12""#,
            "\"caf\u{e9} \u{4e2d}\u{6587} \u{1f600}\"",
            "42",
            "null",
            r#"["a"]"#,
        ] {
            check(raw);
        }
        assert_eq!(
            decode_json_str(r#""\ud83d\ude00\n""#).as_deref(),
            Some("\u{1f600}\n")
        );
        assert_eq!(decode_json_str(r#""\ud83d alone""#), None);
    }

    proptest! {
        #[test]
        fn any_encoded_text_decodes_to_itself(text in "(?s).{0,120}") {
            let raw = serde_json::to_string(&text).unwrap();
            prop_assert_eq!(decode_json_str(&raw), Some(text));
        }

        #[test]
        fn random_escape_soup_decodes_as_serde_json_decodes_it(
            parts in proptest::collection::vec(
                prop_oneof![
                    Just("\\n".to_string()),
                    Just("\\\"".to_string()),
                    Just("\\\\".to_string()),
                    Just("\u{e9}x".to_string()),
                    "\\\\u[0-9a-fA-F]{4}",
                    "\\\\u[dD][89abAB][0-9a-f]{2}",
                    "\\\\u[dD][c-fC-F][0-9a-f]{2}",
                    "[a-z ]{0,5}",
                ],
                0..12,
            )
        ) {
            check(&format!("\"{}\"", parts.concat()));
        }
    }
}
