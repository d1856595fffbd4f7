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
            line: removal.line,
            category: removal.category.as_str(),
            rule: removal.rule,
            score: removal.score,
            text: &removal.text,
        }
    }
}

/// Streams records to a file (published atomically at `finish`), to stderr, or nowhere.
pub enum ReportWriter {
    File(AtomicFile),
    Stderr(io::Stderr),
    Nowhere,
}

impl ReportWriter {
    pub fn to_file(path: &Path) -> io::Result<ReportWriter> {
        Ok(ReportWriter::File(AtomicFile::create(path)?))
    }

    /// Append the removals of one document.
    pub fn write_document(&mut self, path: &str, removals: &[Removal]) -> io::Result<()> {
        let out: &mut dyn Write = match self {
            ReportWriter::File(f) => f,
            ReportWriter::Stderr(e) => e,
            ReportWriter::Nowhere => return Ok(()),
        };
        for removal in removals {
            serde_json::to_writer(&mut *out, &ReportRecord::new(path, removal))?;
            out.write_all(b"\n")?;
        }
        Ok(())
    }

    pub fn finish(self) -> io::Result<()> {
        match self {
            ReportWriter::File(f) => f.commit(),
            ReportWriter::Stderr(mut e) => e.flush(),
            ReportWriter::Nowhere => Ok(()),
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
    }
}
