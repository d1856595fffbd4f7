//! Cleaning JSON Lines: whole shards in bounded parallel batches, or stdin line by line.
//!
//! A shard is read in batches of at most [`super::reader::BATCH_RECORDS`] records or [`super::reader::BATCH_BYTES`]
//! bytes; each batch is cleaned in parallel and written (output lines, report records,
//! messages) in record order, so results do not depend on the thread count and memory
//! stays bounded by one batch.

use super::reader::{content, read_batch, Batch, Next, RecordReader};
use super::record::{process_record, settle, too_long, RecordOutcome};
use super::Compression;
use crate::config::Config;
use crate::corpus::CorpusIndex;
use crate::output::{AtomicFile, ErrorKind, ReportWriter, Summary};
use crate::walk::Job;
use rayon::prelude::*;
use std::io::{self, Write};

/// What a shard is cleaned with, whatever it is read from.
struct Cleaner<'c> {
    path: &'c str,
    config: &'c Config,
    corpus: Option<&'c CorpusIndex>,
    pool: &'c rayon::ThreadPool,
    report: &'c mut ReportWriter,
    summary: &'c mut Summary,
    /// Receives each stderr message (errors and warnings), in record order.
    notes: &'c mut dyn FnMut(String),
}

/// How reading a shard ended.
enum Ended {
    /// Read to the end; the first failed write to the output, if any.
    Complete(Option<io::Error>),
    /// Reading failed (already noted and counted): the output must not be kept.
    ReadFailed,
}

impl Cleaner<'_> {
    /// Read, clean in parallel batches and write in record order. Err only when the report
    /// cannot be written.
    fn run<R: io::BufRead>(
        &mut self,
        reader: &mut RecordReader<R>,
        mut sink: Option<&mut dyn Write>,
    ) -> io::Result<Ended> {
        let path = self.path;
        let folder = crate::corpus::pass::folder_of(path);
        let mut write_err: Option<io::Error> = None;
        loop {
            let Batch {
                lines: batch,
                long,
                end,
            } = match read_batch(reader) {
                Ok(b) => b,
                Err(e) => {
                    (self.notes)(format!(
                        "dehusk: error: {path}: after record {}: {e}; no output written",
                        reader.record()
                    ));
                    self.summary.add_error(ErrorKind::Unreadable);
                    return Ok(Ended::ReadFailed);
                }
            };
            let (config, corpus) = (self.config, self.corpus);
            let outcomes: Vec<RecordOutcome> = self.pool.install(|| {
                batch
                    .par_iter()
                    .map(|(_, line)| process_record(content(line), config, corpus, &folder))
                    .collect()
            });
            for ((record, line), outcome) in batch.iter().zip(&outcomes) {
                let (parts, note) =
                    settle(outcome, line, *record, path, self.report, self.summary)?;
                if let Some(note) = note {
                    (self.notes)(note);
                }
                for part in parts {
                    if let (Some(sink), None) = (sink.as_mut(), &write_err) {
                        write_err = sink.write_all(part).err();
                    }
                }
            }
            let Some((record, head)) = long else {
                if end {
                    return Ok(Ended::Complete(write_err));
                }
                continue;
            };
            let note = too_long(path, record, self.config, self.summary);
            (self.notes)(note);
            let out = sink.as_mut().map(|s| {
                write_err = write_err.take().or_else(|| s.write_all(&head).err());
                &mut **s
            });
            if let Err(e) = reader.finish_line(out) {
                (self.notes)(format!(
                    "dehusk: error: {path}: in record {record}: {e}; no output written"
                ));
                self.summary.add_error(ErrorKind::Unreadable);
                return Ok(Ended::ReadFailed);
            }
        }
    }
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
    let display = job.display();
    let path = display.as_str();
    let compression = Compression::of(job.input());
    let input = match compression.open(job.input()) {
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
        .map(|o| o.join(job.relative()));
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
    let mut reader = RecordReader::new(input, config.records.max_doc_bytes);
    let ended = Cleaner {
        path,
        config,
        corpus,
        pool,
        report,
        summary: &mut *summary,
        notes: &mut |note| eprintln!("{note}"),
    }
    .run(&mut reader, sink.as_mut().map(|s| s as &mut dyn Write))?;
    let committed = match (sink, ended) {
        (_, Ended::ReadFailed) | (None, _) => Ok(()),
        (Some(_), Ended::Complete(Some(e))) => Err(e),
        (Some(sink), Ended::Complete(None)) => sink.finish().and_then(|f| f.commit()),
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

/// A shard cleaned in memory by [`clean_shard_bytes`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CleanedShard {
    /// The output shard: one line per input line, in order.
    pub output: Vec<u8>,
    /// What a run would print on stderr for this shard (errors and warnings), in record order.
    pub messages: Vec<String>,
}

/// Clean a whole (decompressed) shard held in memory exactly as a run cleans a shard file,
/// with `pool`'s threads: same batches, same output bytes, same report records and summary
/// counts (the caller counts the file itself). No file system, nothing printed; Err only
/// when `report` cannot be written. For tests, fuzzing and embedding.
pub fn clean_shard_bytes(
    input: &[u8],
    path: &str,
    config: &Config,
    pool: &rayon::ThreadPool,
    report: &mut ReportWriter,
    summary: &mut Summary,
) -> io::Result<CleanedShard> {
    let mut output = Vec::with_capacity(input.len());
    let mut messages = Vec::new();
    let mut reader = RecordReader::new(input, config.records.max_doc_bytes);
    let ended = Cleaner {
        path,
        config,
        corpus: None,
        pool,
        report,
        summary,
        notes: &mut |note| messages.push(note),
    }
    .run(&mut reader, Some(&mut output))?;
    match ended {
        Ended::Complete(None) => Ok(CleanedShard { output, messages }),
        Ended::Complete(Some(e)) => unreachable!("writing to a Vec cannot fail: {e}"),
        Ended::ReadFailed => unreachable!("reading a slice cannot fail"),
    }
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
                let (parts, note) = settle(&outcome, &bytes, record, "-", report, summary)?;
                if let Some(note) = note {
                    eprintln!("{note}");
                }
                for part in parts {
                    out.write_all(part)?;
                }
            }
            Next::TooLong { record, head } => {
                eprintln!("{}", too_long("-", record, config, summary));
                out.write_all(&head)?;
                reader.finish_line(Some(&mut out))?;
            }
        }
        out.flush()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    const BODY: &str = "The council voted on Monday to close the old bridge for repairs, which are expected to take most of the summer.";

    fn config() -> Config {
        let cli = crate::cli::Cli::parse_from(["dehusk", "clean", "-q", "--format", "jsonl", "-"]);
        let crate::cli::Command::Clean(args) = cli.command else {
            unreachable!()
        };
        Config::from_args(args, false).unwrap()
    }

    fn clean(input: &str) -> (CleanedShard, Summary, Vec<serde_json::Value>) {
        clean_with(input, &config(), 1)
    }

    fn clean_with(
        input: &str,
        config: &Config,
        threads: usize,
    ) -> (CleanedShard, Summary, Vec<serde_json::Value>) {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap();
        let mut report = ReportWriter::Sample {
            limit: usize::MAX,
            records: Vec::new(),
        };
        let mut summary = Summary::default();
        let cleaned = clean_shard_bytes(
            input.as_bytes(),
            "s.jsonl",
            config,
            &pool,
            &mut report,
            &mut summary,
        )
        .unwrap();
        (cleaned, summary, report.finish().unwrap())
    }

    #[test]
    fn a_shard_in_memory_is_cleaned_line_by_line_with_messages_kept() {
        let text = serde_json::to_string(&format!("Home\n{BODY}\n")).unwrap();
        let input = format!("{{\"id\": 1, \"text\": {text}}}\r\nnot json\n\n{{\"text\": 3}}");
        let (cleaned, summary, report) = clean(&input);
        let body = serde_json::to_string(&format!("{BODY}\n")).unwrap();
        assert_eq!(
            String::from_utf8(cleaned.output).unwrap(),
            format!("{{\"id\": 1, \"text\": {body}}}\r\nnot json\n\n{{\"text\": 3}}")
        );
        assert_eq!(cleaned.messages.len(), 2);
        assert!(cleaned.messages[0].starts_with("dehusk: error: s.jsonl:2: invalid JSON"));
        assert!(cleaned.messages[1].starts_with("dehusk: error: s.jsonl:4: field `text`"));
        assert_eq!(summary.documents, 1);
        assert_eq!(summary.error_count(), 2);
        assert_eq!(report.len(), 1);
        assert_eq!(report[0]["record"], 1);
        assert_eq!(report[0]["text"], "Home");
    }

    /// Batches end at the record cap and at each too-long line, whose rest is copied before
    /// the next batch is read: a shard of several batches comes out in order, and the same
    /// whatever the thread count.
    #[test]
    fn a_shard_of_several_batches_comes_out_the_same_with_one_or_two_threads() {
        let mut config = config();
        config.records.max_doc_bytes = 1_000;
        let long = format!("{{\"text\": \"{}\"}}", "x".repeat(3_000));
        let lines: Vec<String> = (0..2_600)
            .map(|i| match i {
                _ if i % 900 == 450 => long.clone(),
                _ if i % 97 == 3 => "not json".to_string(),
                _ => {
                    let text = serde_json::to_string(&format!("Home\n{BODY} {i}\n")).unwrap();
                    format!("{{\"id\": {i}, \"text\": {text}}}")
                }
            })
            .collect();
        let input = lines.join("\n") + "\n";
        let (one, one_summary, one_report) = clean_with(&input, &config, 1);
        let (two, two_summary, two_report) = clean_with(&input, &config, 2);
        assert_eq!(one, two);
        assert_eq!(one_summary, two_summary);
        assert_eq!(one_report, two_report);

        let output = String::from_utf8(one.output).unwrap();
        let out_lines: Vec<&str> = output.lines().collect();
        assert_eq!(out_lines.len(), 2_600);
        assert_eq!(out_lines[450], long);
        assert_eq!(out_lines[2_250], long);
        assert_eq!(out_lines[3], "not json");
        let last: serde_json::Value = serde_json::from_str(out_lines[2_599]).unwrap();
        assert_eq!(last["text"], format!("{BODY} 2599\n"));
        let dropped = 2_600 - 3 - 27;
        assert_eq!(one_report.len(), dropped);
        assert_eq!(one_report[dropped - 1]["record"], 2_600);
        assert_eq!(one.messages.len(), 3 + 27);
    }

    #[test]
    fn a_byte_order_mark_opening_the_text_stays_first_as_in_a_plain_file() {
        let text = serde_json::to_string(&format!("\u{feff}Home\n{BODY}\n")).unwrap();
        let (cleaned, _, report) = clean(&format!("{{\"text\":{text}}}\n"));
        let line = String::from_utf8(cleaned.output).unwrap();
        let record: serde_json::Value = serde_json::from_str(&line).unwrap();
        assert_eq!(record["text"], format!("\u{feff}{BODY}\n"));
        assert_eq!(report[0]["text"], "Home");
    }
}
