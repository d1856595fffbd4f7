//! One JSON Lines record: parse it keeping every field's raw JSON, clean its text, render it back.
//!
//! Only the text field's value is re-encoded, spliced in where it stood: everything else on the
//! line (keys as written, spacing, numbers, nested objects, escapes, field order) is copied byte
//! for byte, and a record whose text comes out unchanged is passed through as it came.

use super::RecordOptions;
use crate::output::ErrorKind;
use serde::de::{Deserializer, MapAccess, Visitor};
use serde::Deserialize;
use serde_json::value::RawValue;
use std::borrow::Cow;
use std::fmt;
use std::ops::Range;

/// A parsed record: its line, its fields in order as raw JSON, and the decoded text.
#[derive(Debug)]
pub struct Record<'a> {
    line: &'a str,
    fields: Vec<(Key<'a>, &'a RawValue)>,
    text_index: usize,
    /// The decoded text field.
    pub text: String,
    /// The id field, when present.
    pub id: Option<serde_json::Value>,
}

/// Why a line is not a usable record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadRecord {
    pub kind: ErrorKind,
    pub message: String,
}

/// Parse one JSON line (without its terminator).
pub fn parse_record<'a>(line: &'a [u8], opts: &RecordOptions) -> Result<Record<'a>, BadRecord> {
    let bad = |kind, message: String| BadRecord { kind, message };
    // SIMD validation first (std's took 2% of a JSON Lines run); std's, only for a line that
    // fails, says where.
    let valid = simdutf8::basic::from_utf8(line).ok();
    let line = valid
        .map_or_else(|| std::str::from_utf8(line), Ok)
        .map_err(|e| {
            bad(
                ErrorKind::BadJson,
                format!("not valid UTF-8 ({e}); passed through unchanged"),
            )
        })?;
    let fields = parse_fields(line)
        .map_err(|e| bad(ErrorKind::BadJson, format!("{e}; passed through unchanged")))?;
    // With the key repeated, the last one is the text (JSON parsers keep the last value).
    let text_index = fields
        .iter()
        .rposition(|(k, _)| *k.0 == *opts.text_field)
        .ok_or_else(|| {
            bad(
                ErrorKind::MissingText,
                format!("no field `{}`; passed through unchanged", opts.text_field),
            )
        })?;
    let raw_text = fields[text_index].1.get();
    let decoded = super::unescape::decode_json_str(raw_text).map(Ok);
    let text: String = decoded
        .unwrap_or_else(|| serde_json::from_str(raw_text))
        .map_err(|e| {
            let field = &opts.text_field;
            if raw_text.starts_with('"') {
                // A string with a lone surrogate escape (`"\ud800"`): valid JSON, not Unicode.
                bad(
                    ErrorKind::BadJson,
                    format!("field `{field}` is not valid Unicode ({e}); passed through unchanged"),
                )
            } else {
                bad(
                    ErrorKind::TextNotString,
                    format!("field `{field}` is not a string; passed through unchanged"),
                )
            }
        })?;
    let id = field_value(&fields, &opts.id_field);
    Ok(Record {
        line,
        fields,
        text_index,
        text,
        id,
    })
}

/// The value of `name` in a parsed field list, if any (the last one wins, as in JSON parsers).
fn field_value(fields: &[(Key, &RawValue)], name: &str) -> Option<serde_json::Value> {
    let raw = fields.iter().rev().find(|(k, _)| k.0 == name)?.1;
    serde_json::from_str(raw.get()).ok()
}

impl Record<'_> {
    /// The string form of field `name` (a string as is, anything else as its JSON), for grouping.
    pub fn field_string(&self, name: &str) -> Option<String> {
        match field_value(&self.fields, name)? {
            serde_json::Value::String(s) => Some(s),
            other => Some(other.to_string()),
        }
    }

    /// The fields in order: each key (decoded) and its value's JSON as written on the line.
    pub fn raw_fields(&self) -> impl Iterator<Item = (&str, &str)> {
        self.fields.iter().map(|(k, raw)| (k.0.as_ref(), raw.get()))
    }

    /// Where the text field's JSON value (quotes included) stands in the line, in bytes.
    pub fn text_span(&self) -> Range<usize> {
        let raw = self.fields[self.text_index].1.get();
        // A borrowed RawValue is a slice of the line it was parsed from.
        let start = (raw.as_ptr() as usize)
            .checked_sub(self.line.as_ptr() as usize)
            .filter(|start| start + raw.len() <= self.line.len())
            .expect("the raw text value lies within its line");
        start..start + raw.len()
    }

    /// The line with the text field's value replaced by `text` (JSON-encoded); every other
    /// byte as it was. With the record's own text, the line itself.
    pub fn render(&self, text: &str) -> Vec<u8> {
        if text == self.text {
            return self.line.as_bytes().to_vec();
        }
        let span = self.text_span();
        // Escapes make the text longer in JSON: at least one byte for each line break, so an
        // eighth more keeps most records from growing the buffer while it is written.
        let json_text = text.len() + text.len() / 8 + 16;
        let mut out = Vec::with_capacity(self.line.len() - span.len() + json_text);
        out.extend_from_slice(&self.line.as_bytes()[..span.start]);
        crate::output::write_json_str(&mut out, text);
        out.extend_from_slice(&self.line.as_bytes()[span.end..]);
        out
    }
}

/// The top-level object's entries, in order, values left as raw JSON.
fn parse_fields(line: &str) -> Result<Vec<(Key<'_>, &RawValue)>, String> {
    let mut de = serde_json::Deserializer::from_str(line);
    let fields = (&mut de)
        .deserialize_map(FieldsVisitor)
        .map_err(|e| describe(&e))?;
    de.end().map_err(|e| describe(&e))?;
    Ok(fields)
}

fn describe(e: &serde_json::Error) -> String {
    format!("invalid JSON object ({e})")
}

struct FieldsVisitor;

impl<'de> Visitor<'de> for FieldsVisitor {
    type Value = Vec<(Key<'de>, &'de RawValue)>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut fields = Vec::with_capacity(map.size_hint().unwrap_or(8));
        while let Some(entry) = map.next_entry::<Key<'de>, &'de RawValue>()? {
            fields.push(entry);
        }
        Ok(fields)
    }
}

/// A field's key: borrowed from the line unless it holds an escape (most keys), where a
/// `String` per key was an allocation per field of every record. `borrow` is needed: a bare
/// `Cow<str>` always deserializes owned.
#[derive(Debug, Deserialize)]
struct Key<'a>(#[serde(borrow)] Cow<'a, str>);

#[cfg(test)]
mod tests {
    use super::*;

    fn opts() -> RecordOptions {
        RecordOptions::default()
    }

    /// Keys are slices of the line unless they hold an escape; both read the same.
    #[test]
    fn plain_keys_are_borrowed_and_escaped_keys_decoded() {
        let line = br#"{"url":"x","t\u0065xt":"a","text":"b"}"#;
        let record = parse_record(line, &opts()).unwrap();
        let keys: Vec<_> = record.fields.iter().map(|(k, _)| &k.0).collect();
        assert!(matches!(keys[0], Cow::Borrowed("url")));
        assert!(matches!(keys[1], Cow::Owned(k) if k == "text"));
        assert!(matches!(keys[2], Cow::Borrowed("text")));
        assert_eq!(record.text, "b", "the last of two equal keys is the text");
    }

    #[test]
    fn only_the_text_changes_and_other_fields_keep_their_bytes_and_order() {
        let line = br#"{"url":"http://x/a?b=1","n":1.50e3,"text":"Home\nBody","meta":{"z":[1, 2],"a":"\u00e9"},"id":7}"#;
        let record = parse_record(line, &opts()).unwrap();
        assert_eq!(record.text, "Home\nBody");
        assert_eq!(record.id, Some(serde_json::json!(7)));
        let out = String::from_utf8(record.render("Body")).unwrap();
        assert_eq!(
            out,
            r#"{"url":"http://x/a?b=1","n":1.50e3,"text":"Body","meta":{"z":[1, 2],"a":"\u00e9"},"id":7}"#
        );
    }

    #[test]
    fn keys_spacing_and_escapes_around_the_text_keep_their_bytes() {
        // Python's json.dumps spacing, an escaped key, a surrogate pair, padding around the object.
        let line = " {\"t\\u00ecd\": \"\\ud83d\\ude00\", \"text\" : \"Home\\nBody\\u00e9\" , \"n\": [1, {\"a\": null}]} ";
        let record = parse_record(line.as_bytes(), &opts()).unwrap();
        assert_eq!(record.text, "Home\nBody\u{e9}");
        assert_eq!(&line[record.text_span()], "\"Home\\nBody\\u00e9\"");
        assert_eq!(record.render(&record.text), line.as_bytes());
        let out = String::from_utf8(record.render("Body\u{e9}")).unwrap();
        assert_eq!(
            out,
            line.replace("\"Home\\nBody\\u00e9\"", "\"Body\u{e9}\"")
        );
        let keys: Vec<&str> = record.raw_fields().map(|(k, _)| k).collect();
        assert_eq!(keys, ["t\u{ec}d", "text", "n"]);
    }

    #[test]
    fn a_repeated_text_key_cleans_the_last_value_as_json_readers_see_it() {
        let line = br#"{"text":"first","id":1,"text":"Home\nBody"}"#;
        let record = parse_record(line, &opts()).unwrap();
        assert_eq!(record.text, "Home\nBody");
        assert_eq!(
            record.render("Body"),
            br#"{"text":"first","id":1,"text":"Body"}"#
        );
    }

    #[test]
    fn broken_records_say_what_is_wrong() {
        let kind = |line: &[u8]| parse_record(line, &opts()).unwrap_err().kind;
        assert_eq!(kind(b"{\"text\": \"unterminated"), ErrorKind::BadJson);
        assert_eq!(kind(b"[1, 2]"), ErrorKind::BadJson);
        assert_eq!(kind(b"{\"text\":\"a\"} trailing"), ErrorKind::BadJson);
        assert_eq!(kind(b"{\"text\":\"\xff\"}"), ErrorKind::BadJson);
        assert_eq!(kind(b"{\"body\":\"a\"}"), ErrorKind::MissingText);
        assert_eq!(kind(b"{\"text\":null}"), ErrorKind::TextNotString);
        let lone = parse_record(br#"{"text":"a\ud800"}"#, &opts()).unwrap_err();
        assert_eq!(lone.kind, ErrorKind::BadJson);
        assert!(
            lone.message.contains("not valid Unicode"),
            "{}",
            lone.message
        );
        let err = parse_record(b"{\"body\":\"a\"}", &opts()).unwrap_err();
        assert!(err.message.contains("no field `text`"), "{}", err.message);
    }

    #[test]
    fn the_text_field_name_is_configurable_and_groups_read_any_value() {
        let o = RecordOptions {
            text_field: "raw_content".into(),
            id_field: "digest".into(),
            ..opts()
        };
        let record = parse_record(
            br#"{"digest":"sha1:x","raw_content":"a","domain":"ex.org","n":3}"#,
            &o,
        )
        .unwrap();
        assert_eq!(record.text, "a");
        assert_eq!(record.id, Some(serde_json::json!("sha1:x")));
        assert_eq!(record.field_string("domain").as_deref(), Some("ex.org"));
        assert_eq!(record.field_string("n").as_deref(), Some("3"));
        assert_eq!(record.field_string("missing"), None);
    }
}
