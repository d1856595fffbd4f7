//! Property tests (proptest) for JSON Lines shards: only the text value changes, by whole lines.
//!
//! Records are generated as `serde_json` values (random keys, nested arrays and objects, numbers,
//! strings with escapes, control characters, BMP and non-BMP characters) around a text field
//! made of scraped lines, and written the way real shards are written: compact or with spaces,
//! characters raw or as `\uXXXX` escapes (surrogate pairs beyond the BMP), `\/`, exponents on
//! numbers, padding around the object, `\n` or `\r\n` between records. The writer knows where
//! it put the text value, so each output line is checked against the input bytes, not against
//! the reader's own parse. Shards go through `formats::shard::clean_shard_bytes`, the path a run
//! takes for a shard file.

mod scraped;

use clap::Parser;
use dehusk::config::Config;
use dehusk::formats::shard::{clean_shard_bytes, CleanedShard};
use dehusk::invariants::is_line_subsequence;
use dehusk::output::{ReportWriter, Summary};
use dehusk::Mode;
use proptest::prelude::*;
use scraped::LINES;
use serde_json::Value;
use std::fmt::Write as _;
use std::ops::Range;
use std::sync::OnceLock;

/// Characters that exercise JSON escaping: quotes, backslash, slash, control characters,
/// non-ASCII in the BMP, beyond it (surrogate pairs), a BOM and the JavaScript line separators.
const TRICKY: &[char] = &[
    'a',
    'Z',
    ' ',
    '"',
    '\\',
    '/',
    '\u{0}',
    '\u{8}',
    '\t',
    '\u{c}',
    '\u{1f}',
    '\u{7f}',
    'é',
    'ß',
    '–',
    '中',
    '\u{feff}',
    '\u{2028}',
    '\u{2029}',
    '😀',
    '𝔘',
    '\u{10ffff}',
];

fn tricky_string(max: usize) -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::collection::vec(prop::sample::select(TRICKY), 0..max)
            .prop_map(|cs| cs.into_iter().collect::<String>()),
        1 => prop::collection::vec(any::<char>(), 0..max).prop_map(|cs| cs.into_iter().collect()),
    ]
}

/// Any JSON value, nested up to three levels.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        tricky_string(12).prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::from),
            prop::collection::vec((tricky_string(6), inner), 0..4)
                .prop_map(|entries| Value::Object(entries.into_iter().collect())),
        ]
    })
}

/// A document text: scraped lines and free text with every terminator, maybe a BOM.
fn text() -> impl Strategy<Value = String> {
    let line = prop_oneof![
        5 => prop::sample::select(LINES).prop_map(str::to_string),
        1 => tricky_string(30).prop_map(|s| s.replace(['\n', '\r'], " ")),
    ];
    let terminator = prop::sample::select(vec!["\n", "\n", "\r\n", "\r"]);
    (
        any::<bool>(),
        prop::collection::vec((line, terminator), 0..14),
        any::<bool>(),
    )
        .prop_map(|(bom, lines, last)| {
            String::from_utf8(scraped::assemble(bom, lines, last)).expect("UTF-8 lines")
        })
}

/// How one record is written: spacing, escapes and number spellings, from a seed.
struct Writer {
    out: String,
    state: u64,
    colon: &'static str,
    comma: &'static str,
}

impl Writer {
    fn new(seed: u64) -> Writer {
        let mut writer = Writer {
            out: String::new(),
            state: seed | 1,
            colon: ":",
            comma: ",",
        };
        (writer.colon, writer.comma) = [(":", ","), (": ", ", "), (" : ", " , ")][writer.pick(3)];
        writer
    }

    /// xorshift64: the writer's own choices, reproducible from the generated seed.
    fn pick(&mut self, n: usize) -> usize {
        self.state ^= self.state << 13;
        self.state ^= self.state >> 7;
        self.state ^= self.state << 17;
        (self.state % n as u64) as usize
    }

    fn string(&mut self, s: &str) {
        self.out.push('"');
        for c in s.chars() {
            let escape_anyway = self.pick(3) == 0;
            match c {
                '"' => self.out.push_str("\\\""),
                '\\' => self.out.push_str("\\\\"),
                '/' if escape_anyway => self.out.push_str("\\/"),
                '\n' if escape_anyway => self.out.push_str("\\n"),
                '\r' if escape_anyway => self.out.push_str("\\r"),
                '\t' if escape_anyway => self.out.push_str("\\t"),
                '\u{8}' if escape_anyway => self.out.push_str("\\b"),
                '\u{c}' if escape_anyway => self.out.push_str("\\f"),
                c if (c as u32) < 0x20 || (escape_anyway && !c.is_ascii()) => {
                    let mut units = [0u16; 2];
                    for unit in c.encode_utf16(&mut units) {
                        if self.pick(2) == 0 {
                            let _ = write!(self.out, "\\u{unit:04x}");
                        } else {
                            let _ = write!(self.out, "\\u{unit:04X}");
                        }
                    }
                }
                c => self.out.push(c),
            }
        }
        self.out.push('"');
    }

    fn value(&mut self, value: &Value) {
        match value {
            Value::String(s) => self.string(s),
            Value::Number(n) => {
                let n = n.to_string();
                let exponent = if n.contains(['e', 'E']) {
                    ""
                } else {
                    ["", "", "e0", "E+0", "e-0"][self.pick(5)]
                };
                self.out.push_str(&n);
                self.out.push_str(exponent);
            }
            Value::Array(items) => {
                self.out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        self.out.push_str(self.comma);
                    }
                    self.value(item);
                }
                self.out.push(']');
            }
            Value::Object(entries) => {
                let entries: Vec<(&String, &Value)> = entries.iter().collect();
                self.object(&entries, None);
            }
            other => self.out.push_str(&other.to_string()),
        }
    }

    /// An object; when `text` is Some((index, text)), that text is written as field `text` at
    /// position `index`, and the byte range of its value is returned.
    fn object(
        &mut self,
        entries: &[(&String, &Value)],
        text: Option<(usize, &str)>,
    ) -> Option<Range<usize>> {
        self.out.push('{');
        let mut span = None;
        let count = entries.len() + usize::from(text.is_some());
        let mut rest = entries.iter();
        for i in 0..count {
            if i > 0 {
                self.out.push_str(self.comma);
            }
            match text {
                Some((at, text)) if at == i => {
                    self.string("text");
                    self.out.push_str(self.colon);
                    let start = self.out.len();
                    self.string(text);
                    span = Some(start..self.out.len());
                }
                _ => {
                    let (key, value) = rest.next().expect("one entry per position");
                    self.string(key);
                    self.out.push_str(self.colon);
                    self.value(value);
                }
            }
        }
        self.out.push('}');
        span
    }
}

/// A generated record: its line (no terminator), where its text value stands, and its text.
#[derive(Debug, Clone)]
struct Line {
    bytes: Vec<u8>,
    span: Range<usize>,
    text: String,
}

fn record() -> impl Strategy<Value = Line> {
    (
        prop::collection::vec((tricky_string(8), json_value()), 0..6),
        any::<prop::sample::Index>(),
        text(),
        any::<u64>(),
        prop::sample::select(vec!["", "", " ", "\t "]),
    )
        .prop_map(|(fields, at, text, seed, pad)| {
            let fields: Vec<(&String, &Value)> = fields
                .iter()
                .filter(|(key, _)| key != "text")
                .map(|(k, v)| (k, v))
                .collect();
            let at = at.index(fields.len() + 1);
            let mut writer = Writer::new(seed);
            writer.out.push_str(pad);
            let span = writer
                .object(&fields, Some((at, &text)))
                .expect("text written");
            writer.out.push_str(pad);
            Line {
                bytes: writer.out.into_bytes(),
                span,
                text,
            }
        })
}

/// A shard: records, maybe with blank lines between, joined by `\n` or `\r\n`.
fn shard(records: Range<usize>) -> impl Strategy<Value = (Vec<Option<Line>>, Vec<u8>)> {
    let entry = prop_oneof![8 => record().prop_map(Some), 1 => Just(None)];
    (
        prop::collection::vec(entry, records),
        prop::sample::select(vec!["\n", "\r\n"]),
        any::<bool>(),
    )
        .prop_map(|(lines, terminator, last)| {
            let mut bytes = Vec::new();
            for (i, line) in lines.iter().enumerate() {
                if let Some(line) = line {
                    bytes.extend_from_slice(&line.bytes);
                }
                // A blank last line exists only with its terminator.
                if i + 1 < lines.len() || last || line.is_none() {
                    bytes.extend_from_slice(terminator.as_bytes());
                }
            }
            (lines, bytes)
        })
}

fn mode() -> impl Strategy<Value = Mode> {
    prop::sample::select(vec![Mode::Precision, Mode::Balanced, Mode::Recall])
}

/// `dehusk clean -q --format jsonl -` in `mode`.
fn config(mode: Mode) -> Config {
    static BASE: OnceLock<Config> = OnceLock::new();
    let mut config = BASE
        .get_or_init(|| {
            let cli =
                dehusk::cli::Cli::parse_from(["dehusk", "clean", "-q", "--format", "jsonl", "-"]);
            let dehusk::cli::Command::Clean(args) = cli.command else {
                unreachable!()
            };
            Config::from_args(args, false).unwrap()
        })
        .clone();
    config.mode = mode;
    config
}

fn pool(threads: usize) -> &'static rayon::ThreadPool {
    static POOLS: [OnceLock<rayon::ThreadPool>; 2] = [OnceLock::new(), OnceLock::new()];
    POOLS[threads - 1].get_or_init(|| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap()
    })
}

/// Clean a shard in memory: output and messages, every report record, the summary.
fn clean(
    bytes: &[u8],
    mode: Mode,
    threads: usize,
) -> (CleanedShard, Vec<serde_json::Value>, Summary) {
    let mut report = ReportWriter::Sample {
        limit: usize::MAX,
        records: Vec::new(),
    };
    let mut summary = Summary::default();
    let cleaned = clean_shard_bytes(
        bytes,
        "s.jsonl",
        &config(mode),
        pool(threads),
        &mut report,
        &mut summary,
    )
    .unwrap();
    (cleaned, report.finish().unwrap(), summary)
}

/// Lines without their `\n` or `\r\n`.
fn lines(bytes: &[u8]) -> Vec<&[u8]> {
    bytes
        .split_inclusive(|&b| b == b'\n')
        .map(dehusk::formats::reader::content)
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn only_the_text_value_changes_and_it_keeps_whole_lines_in_order(
        (records, bytes) in shard(1..12),
        mode in mode(),
    ) {
        let (cleaned, report, summary) = clean(&bytes, mode, 1);
        prop_assert!(cleaned.messages.is_empty(), "{:?}", cleaned.messages);
        let (input, output) = (lines(&bytes), lines(&cleaned.output));
        prop_assert_eq!(input.len(), records.len());
        prop_assert_eq!(output.len(), records.len());
        let mut changed = 0u64;
        for (i, record) in records.iter().enumerate() {
            let (line, out) = (input[i], output[i]);
            let Some(record) = record else {
                prop_assert!(out.is_empty(), "a blank line stays blank");
                continue;
            };
            prop_assert_eq!(line, record.bytes.as_slice());
            let (head, tail) = (&line[..record.span.start], &line[record.span.end..]);
            prop_assert!(out.len() >= head.len() + tail.len());
            prop_assert!(out.starts_with(head), "bytes before the text value changed:\n{}\n{}",
                String::from_utf8_lossy(line), String::from_utf8_lossy(out));
            prop_assert!(out.ends_with(tail), "bytes after the text value changed:\n{}\n{}",
                String::from_utf8_lossy(line), String::from_utf8_lossy(out));
            let value = &out[head.len()..out.len() - tail.len()];
            let new_text: String = serde_json::from_slice(value).expect("the text value is a JSON string");
            prop_assert!(is_line_subsequence(record.text.as_bytes(), new_text.as_bytes()),
                "not whole input lines in order: {:?} -> {:?}", record.text, new_text);
            if new_text == record.text {
                prop_assert_eq!(out, line, "an unchanged text leaves the record byte-identical");
            } else {
                changed += 1;
            }
        }
        let documents = records.iter().flatten().count() as u64;
        prop_assert_eq!(summary.documents, documents);
        prop_assert_eq!(summary.error_count(), 0);
        prop_assert_eq!(report.len() as u64, summary.removed_lines());
        prop_assert!(changed <= documents);
    }

    #[test]
    fn arbitrary_byte_lines_never_panic_and_count_as_broken_unless_they_are_records(
        entries in prop::collection::vec(prop_oneof![
            3 => prop::collection::vec(any::<u8>(), 0..60)
                .prop_map(|b| b.into_iter().filter(|&c| c != b'\n').collect::<Vec<u8>>()),
            1 => record().prop_map(|r| r.bytes),
        ], 1..20),
    ) {
        let bytes = entries.join(&b'\n');
        let (cleaned, _, summary) = clean(&bytes, Mode::Balanced, 1);
        let (mut documents, mut broken) = (0u64, 0u64);
        let output = lines(&cleaned.output);
        prop_assert_eq!(output.len(), lines(&bytes).len());
        for (i, line) in lines(&bytes).into_iter().enumerate() {
            if line.iter().all(u8::is_ascii_whitespace) {
                prop_assert_eq!(output[i], line);
                continue;
            }
            let parsed = serde_json::from_slice::<serde_json::Map<String, Value>>(line);
            match parsed.ok().and_then(|map| map.get("text").map(Value::is_string)) {
                Some(true) => documents += 1,
                _ => {
                    prop_assert_eq!(output[i], line, "a broken line passes through byte for byte");
                    broken += 1;
                }
            }
        }
        prop_assert_eq!(summary.documents, documents);
        prop_assert_eq!(summary.error_count(), broken);
        prop_assert_eq!(cleaned.messages.len() as u64, broken);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 6, ..ProptestConfig::default() })]

    /// Past 1024 records a shard is cleaned in several batches.
    #[test]
    fn one_and_two_threads_clean_a_shard_identically((_records, bytes) in shard(0..1400), mode in mode()) {
        let one = clean(&bytes, mode, 1);
        let two = clean(&bytes, mode, 2);
        prop_assert!(one.0 == two.0, "output or messages differ between 1 and 2 threads");
        prop_assert_eq!(one.1, two.1);
        prop_assert_eq!(one.2, two.2);
    }
}
