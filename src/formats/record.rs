//! One record of a shard: parsed, cleaned as a document, and accounted for in the report
//! and summary.

use super::jsonl::{parse_record, BadRecord, Record};
use super::reader::content;
use crate::config::Config;
use crate::corpus::{group_key, CorpusIndex};
use crate::output::{ErrorKind, ReportWriter, Summary};
use crate::pipeline::Removal;
use std::io;

/// What became of one line of a shard.
pub enum RecordOutcome {
    /// Cleaned; `output` is None when the record passes through unchanged.
    Cleaned {
        output: Option<Vec<u8>>,
        id: serde_json::Value,
        removals: Vec<Removal>,
        stats: [usize; 4],
    },
    /// Not a usable record: passed through, counted as an error.
    Broken(BadRecord),
    /// An empty line: passed through, not a document.
    Blank,
}

/// The group a record is counted in by the corpus pass: `field=value`, or the shard's folder.
pub fn group_of(record: &Record, config: &Config, folder: &str) -> u64 {
    let field = config
        .corpus
        .as_ref()
        .and_then(|c| c.group_field.as_deref());
    match field.and_then(|f| record.field_string(f).map(|v| format!("{f}={v}"))) {
        Some(name) => group_key(&name),
        None => group_key(folder),
    }
}

/// Clean one JSON line (terminator excluded).
pub fn process_record(
    line: &[u8],
    config: &Config,
    corpus: Option<&CorpusIndex>,
    folder: &str,
) -> RecordOutcome {
    if line.iter().all(u8::is_ascii_whitespace) {
        return RecordOutcome::Blank;
    }
    let record = match parse_record(line, &config.records) {
        Ok(r) => r,
        Err(bad) => return RecordOutcome::Broken(bad),
    };
    let extra = match (corpus, &config.corpus) {
        (Some(index), Some(opts)) => index.findings(
            group_of(&record, config, folder),
            record.text.as_bytes(),
            opts,
        ),
        _ => Vec::new(),
    };
    // As for a plain file: a leading byte-order mark is kept out of the heuristics and put
    // back first even when line 1 is dropped.
    let cleaned = crate::encoding::clean(
        record.text.as_bytes(),
        config.mode,
        Some(encoding_rs::UTF_8),
        &extra,
    );
    let stats = [
        record.text.len(),
        cleaned.output.len(),
        cleaned.lines_in,
        cleaned.lines_out,
    ];
    // The text was valid UTF-8 and kept lines are its bytes, so the output is too; one SIMD
    // check says so (`from_utf8_lossy` validated byte by byte: 4% of a JSON Lines run).
    let output =
        (cleaned.output != record.text.as_bytes()).then(|| {
            match simdutf8::basic::from_utf8(&cleaned.output) {
                Ok(text) => record.render(text),
                Err(_) => record.render(&String::from_utf8_lossy(&cleaned.output)),
            }
        });
    let id = record.id.unwrap_or(serde_json::Value::Null);
    RecordOutcome::Cleaned {
        output,
        id,
        removals: cleaned.removals,
        stats,
    }
}

/// Account for one outcome in the report and summary; returns the bytes to write and the
/// message for stderr, if any.
pub(super) fn settle<'a>(
    outcome: &'a RecordOutcome,
    line: &'a [u8],
    record: u64,
    path: &str,
    report: &mut ReportWriter,
    summary: &mut Summary,
) -> io::Result<(Vec<&'a [u8]>, Option<String>)> {
    Ok(match outcome {
        RecordOutcome::Cleaned {
            output: Some(bytes),
            id,
            removals,
            stats,
        } => {
            report.write_record(path, record, id, removals)?;
            summary.add_document(stats[0], stats[1], stats[2], stats[3], removals);
            (vec![bytes.as_slice(), &line[content(line).len()..]], None)
        }
        RecordOutcome::Cleaned {
            output: None,
            stats,
            ..
        } => {
            summary.add_document(stats[0], stats[1], stats[2], stats[3], &[]);
            (vec![line], None)
        }
        RecordOutcome::Broken(bad) => {
            summary.add_error(bad.kind);
            let message = format!("dehusk: error: {path}:{record}: {}", bad.message);
            (vec![line], Some(message))
        }
        RecordOutcome::Blank => (vec![line], None),
    })
}

/// Count a record over --max-doc-bytes; returns its warning.
pub(super) fn too_long(path: &str, record: u64, config: &Config, summary: &mut Summary) -> String {
    summary.add_warning(ErrorKind::TooLarge);
    format!(
        "dehusk: warning: {path}:{record}: record over --max-doc-bytes {}; passed through untouched",
        config.records.max_doc_bytes
    )
}
