//! The JSON Lines report: one object per removed line, in path then line order.

use super::{write_json_str, AtomicFile};
use crate::pipeline::Removal;
use serde::Serialize;
use std::io::{self, Write};
use std::path::Path;

/// One report line.
#[derive(Debug, Serialize)]
pub struct ReportRecord<'a> {
    pub path: &'a str,
    /// JSON Lines only: the 1-based line of the shard holding the document.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub record: Option<u64>,
    /// JSON Lines only: the document's id field (null when it has none).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<&'a serde_json::Value>,
    /// 1-based line within the document's text.
    pub line: usize,
    pub category: &'static str,
    pub rule: &'static str,
    pub score: f32,
    pub text: &'a str,
}

impl<'a> ReportRecord<'a> {
    pub fn new(path: &'a str, removal: &'a Removal) -> Self {
        ReportRecord {
            path,
            record: None,
            id: None,
            line: removal.line,
            category: removal.category.as_str(),
            rule: removal.rule,
            score: removal.score,
            text: &removal.text,
        }
    }
}

/// Bytes of a rendered record besides its path and text (keys, rule, category, numbers).
const RECORD_CAPACITY: usize = 128;

/// Streams records to a file (published atomically at `finish`), to stderr, to memory, or nowhere.
pub enum ReportWriter {
    File(AtomicFile),
    Stderr(io::Stderr),
    /// Keep the first `limit` records in memory (for `dehusk check`).
    Sample {
        limit: usize,
        records: Vec<serde_json::Value>,
    },
    Nowhere,
}

impl ReportWriter {
    pub fn to_file(path: &Path) -> io::Result<ReportWriter> {
        Ok(ReportWriter::File(AtomicFile::create(path)?))
    }

    /// Append the removals of one document.
    pub fn write_document(&mut self, path: &str, removals: &[Removal]) -> io::Result<()> {
        self.emit(path, None, removals)
    }

    /// Append the removals of one JSON Lines record (`record` is its 1-based line in the shard).
    pub fn write_record(
        &mut self,
        path: &str,
        record: u64,
        id: &serde_json::Value,
        removals: &[Removal],
    ) -> io::Result<()> {
        self.emit(path, Some((record, id)), removals)
    }

    /// Append records already rendered as JSON lines (a streamed file's spool), in order.
    pub fn append_rendered(&mut self, rendered: impl io::BufRead) -> io::Result<()> {
        match self {
            ReportWriter::File(f) => io::copy(&mut io::BufReader::new(rendered), f).map(drop),
            ReportWriter::Stderr(e) => io::copy(&mut io::BufReader::new(rendered), e).map(drop),
            ReportWriter::Sample { limit, records } => {
                for line in rendered.lines() {
                    if records.len() >= *limit {
                        break;
                    }
                    records.push(serde_json::from_str(&line?)?);
                }
                Ok(())
            }
            ReportWriter::Nowhere => Ok(()),
        }
    }

    fn emit(
        &mut self,
        path: &str,
        shard: Option<(u64, &serde_json::Value)>,
        removals: &[Removal],
    ) -> io::Result<()> {
        if removals.is_empty() {
            return Ok(());
        }
        let out: &mut dyn Write = match self {
            ReportWriter::File(f) => f,
            ReportWriter::Stderr(e) => e,
            ReportWriter::Sample { limit, records } => {
                for removal in removals {
                    if records.len() >= *limit {
                        break;
                    }
                    let (record, id) = shard.map_or((None, None), |(r, id)| (Some(r), Some(id)));
                    let entry = ReportRecord {
                        record,
                        id,
                        ..ReportRecord::new(path, removal)
                    };
                    // Through the text form, so an f32 score stays 0.999 rather than 0.99900001.
                    records.push(serde_json::from_str(&serde_json::to_string(&entry)?)?);
                }
                return Ok(());
            }
            ReportWriter::Nowhere => return Ok(()),
        };
        let mut lines = Vec::new();
        render_document(&mut lines, path, shard, removals)?;
        out.write_all(&lines)
    }

    /// Publish the report; returns the kept records of a `Sample` (empty otherwise).
    pub fn finish(self) -> io::Result<Vec<serde_json::Value>> {
        match self {
            ReportWriter::File(f) => f.commit().map(|_| Vec::new()),
            ReportWriter::Stderr(mut e) => e.flush().map(|_| Vec::new()),
            ReportWriter::Sample { records, .. } => Ok(records),
            ReportWriter::Nowhere => Ok(Vec::new()),
        }
    }
}

/// The records of one document's removals, each as `serde_json` writes a [`ReportRecord`]
/// plus a newline, into one buffer: the path (and a shard's record and id) is escaped once
/// for the document rather than once per record, and the fixed keys are copied as they are.
fn render_document(
    out: &mut Vec<u8>,
    path: &str,
    shard: Option<(u64, &serde_json::Value)>,
    removals: &[Removal],
) -> io::Result<()> {
    let mut head = Vec::with_capacity(RECORD_CAPACITY + path.len());
    head.extend_from_slice(br#"{"path":"#);
    write_json_str(&mut head, path);
    if let Some((record, id)) = shard {
        head.extend_from_slice(br#","record":"#);
        head.extend_from_slice(itoa::Buffer::new().format(record).as_bytes());
        head.extend_from_slice(br#","id":"#);
        serde_json::to_writer(&mut head, id)?;
    }
    head.extend_from_slice(br#","line":"#);
    let text_bytes: usize = removals.iter().map(|r| r.text.len()).sum();
    out.reserve(removals.len() * (head.len() + RECORD_CAPACITY) + text_bytes);
    let mut numbers = itoa::Buffer::new();
    for removal in removals {
        out.extend_from_slice(&head);
        out.extend_from_slice(numbers.format(removal.line).as_bytes());
        out.extend_from_slice(br#","category":"#);
        write_json_str(out, removal.category.as_str());
        out.extend_from_slice(br#","rule":"#);
        write_json_str(out, removal.rule);
        out.extend_from_slice(br#","score":"#);
        serde_json::to_writer(&mut *out, &removal.score)?;
        out.extend_from_slice(br#","text":"#);
        write_json_str(out, &removal.text);
        out.extend_from_slice(b"}\n");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::Category;

    #[test]
    fn records_have_the_documented_fields_in_order() {
        let removal = Removal {
            line: 3,
            category: Category::Caption,
            rule: "caption.agency_credit",
            score: 0.95,
            text: "REUTERS/Jane Roe".into(),
        };
        let json = serde_json::to_string(&ReportRecord::new("a/b.txt", &removal)).unwrap();
        assert_eq!(
            json,
            r#"{"path":"a/b.txt","line":3,"category":"caption","rule":"caption.agency_credit","score":0.95,"text":"REUTERS/Jane Roe"}"#
        );
        let jsonl = ReportRecord {
            record: Some(12),
            id: Some(&serde_json::json!("d-1")),
            ..ReportRecord::new("s.jsonl", &removal)
        };
        assert!(serde_json::to_string(&jsonl)
            .unwrap()
            .starts_with(r#"{"path":"s.jsonl","record":12,"id":"d-1","line":3,"#));
    }

    #[test]
    fn documents_render_as_serde_json_writes_each_record() {
        let texts = [
            "plain",
            "quote \" and backslash \\ and slash /",
            "controls \u{0}\u{1}\u{8}\t\n\r\u{c}\u{1f}\u{7f}",
            "Zürich – 東京 – 🙂 – \u{2028}\u{2029} – \u{fffd}",
            "",
            "eight bytes, then a \"quote\" past the first word",
            "a backslash far along the line, after sixteen bytes \\",
            "a tab\tafter eight",
            "\u{7f} and ¡ and ÿ are not escaped, nor is / or \u{9f}",
        ];
        let categories = [Category::Caption, Category::Navigation, Category::Duplicate];
        let scores = [0.0, 0.999, 1.0, 0.5, 0.123, 0.1, f32::NAN, 1e-7];
        let removals: Vec<Removal> = (0..40)
            .map(|i| Removal {
                line: i * 997 + 1,
                category: categories[i % categories.len()],
                rule: ["caption.agency_credit", "nav.furniture"][i % 2],
                score: scores[i % scores.len()],
                text: texts[i % texts.len()].to_string(),
            })
            .collect();
        let ids = [
            serde_json::json!("d-1"),
            serde_json::json!(12),
            serde_json::Value::Null,
            serde_json::json!({"a": [1, "\"x\""]}),
        ];
        for path in ["a/b.txt", "dir \"q\"/ä\\b.txt", "-"] {
            for shard in [None, Some((1, &ids[0])), Some((u64::MAX, &ids[1]))]
                .into_iter()
                .chain(ids.iter().map(|id| Some((7, id))))
            {
                let mut expected = Vec::new();
                for removal in &removals {
                    let (record, id) = shard.map_or((None, None), |(r, id)| (Some(r), Some(id)));
                    let entry = ReportRecord {
                        record,
                        id,
                        ..ReportRecord::new(path, removal)
                    };
                    serde_json::to_writer(&mut expected, &entry).unwrap();
                    expected.push(b'\n');
                }
                let mut rendered = Vec::new();
                render_document(&mut rendered, path, shard, &removals).unwrap();
                assert_eq!(
                    String::from_utf8(rendered).unwrap(),
                    String::from_utf8(expected).unwrap()
                );
            }
        }
    }
}
