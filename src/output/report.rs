//! The JSON Lines report: one object per removed line, in path then line order.

use super::AtomicFile;
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
        for removal in removals {
            self.emit(&ReportRecord::new(path, removal))?;
        }
        Ok(())
    }

    /// Append the removals of one JSON Lines record (`record` is its 1-based line in the shard).
    pub fn write_record(
        &mut self,
        path: &str,
        record: u64,
        id: &serde_json::Value,
        removals: &[Removal],
    ) -> io::Result<()> {
        for removal in removals {
            self.emit(&ReportRecord {
                record: Some(record),
                id: Some(id),
                ..ReportRecord::new(path, removal)
            })?;
        }
        Ok(())
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

    fn emit(&mut self, entry: &ReportRecord) -> io::Result<()> {
        let out: &mut dyn Write = match self {
            ReportWriter::File(f) => f,
            ReportWriter::Stderr(e) => e,
            ReportWriter::Sample { limit, records } => {
                if records.len() < *limit {
                    // Through the text form, so an f32 score stays 0.999 rather than 0.99900001.
                    records.push(serde_json::from_str(&serde_json::to_string(entry)?)?);
                }
                return Ok(());
            }
            ReportWriter::Nowhere => return Ok(()),
        };
        // Rendered whole first: serde_json writes a record in many small pieces, each of
        // which would be a call through `dyn Write` into the buffered file.
        let mut line = Vec::with_capacity(RECORD_CAPACITY + entry.text.len() + entry.path.len());
        serde_json::to_writer(&mut line, entry)?;
        line.push(b'\n');
        out.write_all(&line)
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
}
