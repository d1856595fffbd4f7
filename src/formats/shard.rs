//! Cleaning JSON Lines: whole shards in bounded parallel batches, or stdin line by line.
//!
//! A shard is read in batches of at most [`super::reader::BATCH_RECORDS`] records or [`super::reader::BATCH_BYTES`]
//! bytes; each batch is cleaned in parallel and written (output lines, report records,
//! messages) in record order, so results do not depend on the thread count and memory
//! stays bounded by one batch.

use super::jsonl::{parse_record, BadRecord, Record};
use super::reader::{content, read_batch, Batch, Next, RecordReader};
use super::Compression;
use crate::config::Config;
use crate::corpus::{group_key, CorpusIndex};
use crate::output::{AtomicFile, ErrorKind, ReportWriter, Summary};
use crate::pipeline::{clean_document_with, Removal};
use crate::walk::Job;
use rayon::prelude::*;
use std::io::{self, Write};

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
    let cleaned = clean_document_with(record.text.as_bytes(), config.mode, &extra);
    let stats = [
        record.text.len(),
        cleaned.output.len(),
        cleaned.lines_in,
        cleaned.lines_out,
    ];
    let output = (cleaned.output != record.text.as_bytes())
        .then(|| record.render(&String::from_utf8_lossy(&cleaned.output)));
    let id = record.id.unwrap_or(serde_json::Value::Null);
    RecordOutcome::Cleaned {
        output,
        id,
        removals: cleaned.removals,
        stats,
    }
}

/// Account for one outcome: message, report, summary; returns the bytes to write.
fn settle<'a>(
    outcome: &'a RecordOutcome,
    line: &'a [u8],
    record: u64,
    path: &str,
    report: &mut ReportWriter,
    summary: &mut Summary,
) -> io::Result<Vec<&'a [u8]>> {
    Ok(match outcome {
        RecordOutcome::Cleaned {
            output: Some(bytes),
            id,
            removals,
            stats,
        } => {
            report.write_record(path, record, id, removals)?;
            summary.add_document(stats[0], stats[1], stats[2], stats[3], removals);
            vec![bytes.as_slice(), &line[content(line).len()..]]
        }
        RecordOutcome::Cleaned {
            output: None,
            stats,
            ..
        } => {
            summary.add_document(stats[0], stats[1], stats[2], stats[3], &[]);
            vec![line]
        }
        RecordOutcome::Broken(bad) => {
            eprintln!("dehusk: error: {path}:{record}: {}", bad.message);
            summary.add_error(bad.kind);
            vec![line]
        }
        RecordOutcome::Blank => vec![line],
    })
}

fn too_long(path: &str, record: u64, config: &Config, summary: &mut Summary) {
    eprintln!(
        "dehusk: warning: {path}:{record}: record over --max-doc-bytes {}; passed through untouched",
        config.records.max_doc_bytes
    );
    summary.add_warning(ErrorKind::TooLarge);
}

/// Clean one shard into its output (same name and compression). Per-shard problems are
/// counted in `summary`; Err only when the report cannot be written.
pub fn process_shard(
    job: &Job,
    config: &Config,
    corpus: Option<&CorpusIndex>,
    pool: &rayon::ThreadPool,
    report: &mut ReportWriter,
    summary: &mut Summary,
) -> io::Result<()> {
    let path = job.display.as_str();
    let compression = Compression::of(&job.input);
    let input = match compression.open(&job.input) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("dehusk: error: {path}: {e}");
            summary.add_error(ErrorKind::Unreadable);
            return Ok(());
        }
    };
    let target = config
        .out_dir
        .as_ref()
        .filter(|_| !config.dry_run)
        .map(|o| o.join(&job.relative));
    let mut sink = match target
        .as_ref()
        .map(|t| AtomicFile::create(t).and_then(|f| compression.encoder(f)))
    {
        None => None,
        Some(Ok(sink)) => Some(sink),
        Some(Err(e)) => {
            eprintln!(
                "dehusk: error: {path}: writing {}: {e}",
                target.as_ref().expect("some").display()
            );
            summary.add_error(ErrorKind::WriteFailed);
            return Ok(());
        }
    };
    let folder = crate::corpus::pass::folder_of(path);
    let mut reader = RecordReader::new(input, config.records.max_doc_bytes);
    let mut write_err: Option<io::Error> = None;
    loop {
        let Batch {
            lines: batch,
            long,
            end,
        } = match read_batch(&mut reader) {
            Ok(b) => b,
            Err(e) => {
                eprintln!(
                    "dehusk: error: {path}: after record {}: {e}; no output written",
                    reader.record()
                );
                summary.add_error(ErrorKind::Unreadable);
                return Ok(());
            }
        };
        let outcomes: Vec<RecordOutcome> = pool.install(|| {
            batch
                .par_iter()
                .map(|(_, line)| process_record(content(line), config, corpus, &folder))
                .collect()
        });
        for ((record, line), outcome) in batch.iter().zip(&outcomes) {
            for part in settle(outcome, line, *record, path, report, summary)? {
                if let (Some(sink), None) = (sink.as_mut(), &write_err) {
                    write_err = sink.write_all(part).err();
                }
            }
        }
        let Some((record, head)) = long else {
            if end {
                break;
            }
            continue;
        };
        too_long(path, record, config, summary);
        let out = sink.as_mut().map(|s| {
            write_err = write_err.take().or_else(|| s.write_all(&head).err());
            s as &mut dyn Write
        });
        if let Err(e) = reader.finish_line(out) {
            eprintln!("dehusk: error: {path}: in record {record}: {e}; no output written");
            summary.add_error(ErrorKind::Unreadable);
            return Ok(());
        }
    }
    let committed = match (sink, write_err) {
        (None, _) => Ok(()),
        (Some(_), Some(e)) => Err(e),
        (Some(sink), None) => sink.finish().and_then(|f| f.commit()),
    };
    if let Err(e) = committed {
        eprintln!(
            "dehusk: error: {path}: writing {}: {e}",
            target.as_ref().expect("some").display()
        );
        summary.add_error(ErrorKind::WriteFailed);
    }
    Ok(())
}

/// `clean --format jsonl -`: one output line per input line, flushed as it goes.
pub fn run_stdin(
    config: &Config,
    report: &mut ReportWriter,
    summary: &mut Summary,
) -> io::Result<()> {
    let mut reader = RecordReader::new(io::stdin().lock(), config.records.max_doc_bytes);
    let mut out = io::stdout().lock();
    while let Some(next) = reader.next_line()? {
        match next {
            Next::Line { record, bytes } => {
                let outcome = process_record(content(&bytes), config, None, "-");
                for part in settle(&outcome, &bytes, record, "-", report, summary)? {
                    out.write_all(part)?;
                }
            }
            Next::TooLong { record, head } => {
                too_long("-", record, config, summary);
                out.write_all(&head)?;
                reader.finish_line(Some(&mut out))?;
            }
        }
        out.flush()?;
    }
    Ok(())
}
