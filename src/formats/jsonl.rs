//! One JSON Lines record: parse it keeping every field's raw JSON, clean its text, render it back.
//!
//! Only the text field is re-encoded; every other field (numbers, nested objects, escapes) is
//! copied byte for byte in its original order, and a record whose text comes out unchanged
//! is passed through as it came.

use super::RecordOptions;
use crate::output::ErrorKind;
use serde::de::{Deserializer, MapAccess, Visitor};
use serde_json::value::RawValue;
use std::fmt;

/// A parsed record: its fields in order as raw JSON, and the decoded text.
#[derive(Debug)]
pub struct Record<'a> {
    fields: Vec<(String, &'a RawValue)>,
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
    let line = std::str::from_utf8(line).map_err(|e| {
        bad(
            ErrorKind::BadJson,
            format!("not valid UTF-8 ({e}); passed through unchanged"),
        )
    })?;
    let fields = parse_fields(line)
        .map_err(|e| bad(ErrorKind::BadJson, format!("{e}; passed through unchanged")))?;
    let text_index = fields
        .iter()
        .position(|(k, _)| *k == opts.text_field)
        .ok_or_else(|| {
            bad(
                ErrorKind::MissingText,
                format!("no field `{}`; passed through unchanged", opts.text_field),
            )
        })?;
    let text: String = serde_json::from_str(fields[text_index].1.get()).map_err(|_| {
        bad(
            ErrorKind::TextNotString,
            format!(
                "field `{}` is not a string; passed through unchanged",
                opts.text_field
            ),
        )
    })?;
    let id = field_value(&fields, &opts.id_field);
    Ok(Record {
        fields,
        text_index,
        text,
        id,
    })
}

/// The value of `name` in a parsed field list, if any (the last one wins, as in JSON parsers).
fn field_value(fields: &[(String, &RawValue)], name: &str) -> Option<serde_json::Value> {
    let raw = fields.iter().rev().find(|(k, _)| k == name)?.1;
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

    /// The record with its text replaced by `text`, every other field as it was.
    pub fn render(&self, text: &str) -> Vec<u8> {
        let mut out = Vec::with_capacity(text.len() + 64);
        out.push(b'{');
        for (i, (key, raw)) in self.fields.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            serde_json::to_writer(&mut out, key).expect("writing to a Vec cannot fail");
            out.push(b':');
            if i == self.text_index {
                serde_json::to_writer(&mut out, text).expect("writing to a Vec cannot fail");
            } else {
                out.extend_from_slice(raw.get().as_bytes());
            }
        }
        out.push(b'}');
        out
    }
}

/// The top-level object's entries, in order, values left as raw JSON.
fn parse_fields(line: &str) -> Result<Vec<(String, &RawValue)>, String> {
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
    type Value = Vec<(String, &'de RawValue)>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut fields = Vec::with_capacity(map.size_hint().unwrap_or(8));
        while let Some(entry) = map.next_entry::<String, &'de RawValue>()? {
            fields.push(entry);
        }
        Ok(fields)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts() -> RecordOptions {
        RecordOptions::default()
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
    fn broken_records_say_what_is_wrong() {
        let kind = |line: &[u8]| parse_record(line, &opts()).unwrap_err().kind;
        assert_eq!(kind(b"{\"text\": \"unterminated"), ErrorKind::BadJson);
        assert_eq!(kind(b"[1, 2]"), ErrorKind::BadJson);
        assert_eq!(kind(b"{\"text\":\"a\"} trailing"), ErrorKind::BadJson);
        assert_eq!(kind(b"{\"text\":\"\xff\"}"), ErrorKind::BadJson);
        assert_eq!(kind(b"{\"body\":\"a\"}"), ErrorKind::MissingText);
        assert_eq!(kind(b"{\"text\":null}"), ErrorKind::TextNotString);
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
