//! Fuzz target: a JSON Lines shard through the record reader and cleaner, checking that nothing is lost.
//!
//! The first input byte picks the mode and `--max-doc-bytes` (the default, or 64 or 512 bytes so
//! that over-long records are streamed through as well); the rest is the shard. The whole shard
//! goes through `formats::shard::clean_shard_bytes`, the path a run takes for a shard file
//! (batches, parallel cleaning, ordered writes, report, summary), and each line is then checked
//! on its own against `formats::jsonl::parse_record` and the document pipeline:
//! - nothing panics, and there is one output line per input line with its own terminator;
//! - a blank line or an over-long record is passed through byte for byte (the latter warned);
//! - a broken record (not UTF-8, not one JSON object, no text field, text not a string) is passed
//!   through byte for byte and counted as an error with a message naming its record number;
//! - a record rendered with its own text is its line, byte for byte;
//! - a record whose text comes out unchanged is its line, byte for byte; otherwise the output
//!   differs from the line only inside the text value: every key and every other value keeps its
//!   bytes, and the new text is the pipeline's cleaning of the old one (whole lines in order,
//!   `invariants::verify`);
//! - the summary and the report count exactly those documents, errors, warnings and removals.
#![no_main]

use clap::Parser;
use dehusk::config::Config;
use dehusk::formats::jsonl::parse_record;
use dehusk::formats::reader::content;
use dehusk::formats::shard::clean_shard_bytes;
use dehusk::output::{ReportWriter, Summary};
use dehusk::{encoding, invariants, Mode};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

/// `dehusk clean -q --format jsonl -`, resolved once.
fn base_config() -> &'static Config {
    static CONFIG: OnceLock<Config> = OnceLock::new();
    CONFIG.get_or_init(|| {
        let cli = dehusk::cli::Cli::parse_from(["dehusk", "clean", "-q", "--format", "jsonl", "-"]);
        let dehusk::cli::Command::Clean(args) = cli.command else {
            unreachable!("clean parsed")
        };
        Config::from_args(args, false).expect("valid flags")
    })
}

fn pool() -> &'static rayon::ThreadPool {
    static POOL: OnceLock<rayon::ThreadPool> = OnceLock::new();
    POOL.get_or_init(|| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .build()
            .expect("a thread pool")
    })
}

/// Lines as the record reader cuts them: up to and including each `\n`.
fn lines(bytes: &[u8]) -> Vec<&[u8]> {
    bytes.split_inclusive(|&b| b == b'\n').collect()
}

fuzz_target!(|data: &[u8]| {
    let Some((&selector, shard)) = data.split_first() else {
        return;
    };
    let mut config = base_config().clone();
    config.mode = [Mode::Precision, Mode::Balanced, Mode::Recall][usize::from(selector % 3)];
    config.records.max_doc_bytes =
        [config.records.max_doc_bytes, 64, 512][usize::from(selector / 3 % 3)];

    let mut report = ReportWriter::Sample {
        limit: usize::MAX,
        records: Vec::new(),
    };
    let mut summary = Summary::default();
    let cleaned = clean_shard_bytes(shard, "f.jsonl", &config, pool(), &mut report, &mut summary)
        .expect("an in-memory report cannot fail");
    let report = report.finish().expect("an in-memory report cannot fail");

    let (input, output) = (lines(shard), lines(&cleaned.output));
    assert_eq!(input.len(), output.len(), "one output line per input line");
    let (mut documents, mut broken, mut long, mut removals) = (0u64, 0u64, 0u64, 0usize);
    let mut messages = cleaned.messages.iter();
    for (i, (line, out)) in input.iter().zip(&output).enumerate() {
        let number = i + 1;
        let (text_in, text_out) = (content(line), content(out));
        assert_eq!(
            &line[text_in.len()..],
            &out[text_out.len()..],
            "record {number}: terminator changed"
        );
        if text_in.len() as u64 > config.records.max_doc_bytes {
            assert_eq!(
                line, out,
                "record {number}: an over-long record is passed through"
            );
            long += 1;
            let message = messages.next().expect("a warning for an over-long record");
            assert!(message.contains(&format!("f.jsonl:{number}: record over --max-doc-bytes")));
            continue;
        }
        if text_in.iter().all(u8::is_ascii_whitespace) {
            assert_eq!(line, out, "record {number}: a blank line is passed through");
            continue;
        }
        let record = match parse_record(text_in, &config.records) {
            Ok(record) => record,
            Err(bad) => {
                assert_eq!(
                    line, out,
                    "record {number}: a broken record is passed through"
                );
                broken += 1;
                let message = messages.next().expect("an error for a broken record");
                assert!(message.starts_with(&format!("dehusk: error: f.jsonl:{number}: ")));
                assert!(message.ends_with(&bad.message), "{message}");
                continue;
            }
        };
        documents += 1;
        assert_eq!(
            record.render(&record.text),
            text_in,
            "record {number}: its own text renders its line"
        );
        for name in ["id", "text", "url"] {
            let _ = record.field_string(name);
        }
        let direct = encoding::clean(
            record.text.as_bytes(),
            config.mode,
            Some(encoding_rs::UTF_8),
            &[],
        );
        if let Err(violation) = invariants::verify(record.text.as_bytes(), &direct) {
            panic!("record {number}: {violation}");
        }
        removals += direct.removals.len();
        if direct.output == record.text.as_bytes() {
            assert_eq!(
                line, out,
                "record {number}: unchanged text, unchanged record"
            );
            continue;
        }
        let new_text = std::str::from_utf8(&direct.output).expect("whole lines of a str");
        let again = parse_record(text_out, &config.records).expect("a cleaned record parses");
        assert_eq!(again.text, new_text, "record {number}: the cleaned text");
        assert!(invariants::is_line_subsequence(
            record.text.as_bytes(),
            again.text.as_bytes()
        ));
        let (before, after): (Vec<_>, Vec<_>) =
            (record.raw_fields().collect(), again.raw_fields().collect());
        assert_eq!(before.len(), after.len(), "record {number}: same fields");
        let text_at = before
            .iter()
            .rposition(|(k, _)| *k == config.records.text_field)
            .expect("a text field");
        for (j, (b, a)) in before.iter().zip(&after).enumerate() {
            assert_eq!(b.0, a.0, "record {number}: key {j} changed");
            if j != text_at {
                assert_eq!(b.1, a.1, "record {number}: field {:?} changed", b.0);
            }
        }
        let span = record.text_span();
        assert!(
            text_out.starts_with(&text_in[..span.start]),
            "record {number}: bytes before the text changed"
        );
        assert!(
            text_out.ends_with(&text_in[span.end..]),
            "record {number}: bytes after the text changed"
        );
        assert_eq!(
            serde_json::from_slice::<String>(
                &text_out[span.start..text_out.len() - (text_in.len() - span.end)]
            )
            .ok()
            .as_deref(),
            Some(new_text),
            "record {number}: the spliced value is the cleaned text as JSON"
        );
    }
    assert!(
        messages.next().is_none(),
        "no message beyond errors and warnings"
    );
    assert_eq!(summary.documents, documents);
    assert_eq!(summary.error_count(), broken);
    assert_eq!(summary.warnings.values().sum::<u64>(), long);
    assert_eq!(report.len(), removals, "every removal reported once");
    assert_eq!(summary.removed_lines(), removals as u64);
});
