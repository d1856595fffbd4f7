//! Line-labelled documents (`line<TAB>label<TAB>text` TSV, the seed format) and the check that runs
//! `dehusk::clean_document` on them: content lines must be kept, chaff lines dropped.

// Shared by several test binaries; each uses a different part of it.
#![allow(dead_code)]

use dehusk::{clean_document, Mode};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

/// Labels a TSV may use; every one but `content` and `blank` names chaff.
pub const LABELS: [&str; 7] = [
    "content",
    "blank",
    "promo",
    "caption",
    "teaser",
    "navigation",
    "duplicate",
];

/// The marker line (before the header) that makes a fixture "report but do not fail":
/// `# known-failing` tolerates mistakes on any line, `# known-failing: 4 9 12` only on the
/// listed lines (so the lines that are right today stay guarded).
pub const KNOWN_FAILING: &str = "# known-failing";

/// Which mistakes a fixture tolerates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KnownFailing {
    None,
    All,
    Lines(BTreeSet<usize>),
}

impl KnownFailing {
    pub fn tolerates(&self, line: usize) -> bool {
        match self {
            KnownFailing::None => false,
            KnownFailing::All => true,
            KnownFailing::Lines(lines) => lines.contains(&line),
        }
    }
}

/// One labelled line.
#[derive(Debug, Clone)]
pub struct Labelled {
    pub line: usize,
    pub label: String,
    pub text: String,
}

/// A parsed label file.
#[derive(Debug)]
pub struct LabelFile {
    pub known_failing: KnownFailing,
    pub lines: Vec<Labelled>,
}

/// Parse a label TSV: optional `#` comment lines, the header `line<TAB>label<TAB>text`, then one row
/// per document line, numbered 1, 2, 3, ... with a known label.
pub fn parse_tsv(content: &str) -> Result<LabelFile, String> {
    let mut known_failing = KnownFailing::None;
    let mut rows = content.lines().enumerate().peekable();
    while let Some(&(_, row)) = rows.peek() {
        if !row.starts_with('#') {
            break;
        }
        if let Some(rest) = row.trim().strip_prefix(KNOWN_FAILING) {
            known_failing = match rest.strip_prefix(':') {
                None if rest.is_empty() => KnownFailing::All,
                None => return Err(format!("unreadable marker {row:?}")),
                Some(list) => KnownFailing::Lines(
                    list.split([' ', ','])
                        .filter(|n| !n.is_empty())
                        .map(|n| {
                            n.parse()
                                .map_err(|_| format!("bad line number {n:?} in {row:?}"))
                        })
                        .collect::<Result<_, _>>()?,
                ),
            };
        }
        rows.next();
    }
    match rows.next() {
        Some((_, "line\tlabel\ttext")) => {}
        other => {
            return Err(format!(
                "expected the header `line<TAB>label<TAB>text`, found {other:?}"
            ))
        }
    }
    let mut lines = Vec::new();
    for (index, row) in rows {
        let mut fields = row.splitn(3, '\t');
        let (Some(number), Some(label), Some(text)) = (fields.next(), fields.next(), fields.next())
        else {
            return Err(format!(
                "row {}: expected three tab-separated fields: {row:?}",
                index + 1
            ));
        };
        let number: usize = number
            .parse()
            .map_err(|_| format!("row {}: bad line number {number:?}", index + 1))?;
        if number != lines.len() + 1 {
            return Err(format!(
                "row {}: line {number} out of sequence (expected {})",
                index + 1,
                lines.len() + 1
            ));
        }
        if !LABELS.contains(&label) {
            return Err(format!("line {number}: unknown label {label:?}"));
        }
        if (label == "blank") != text.trim().is_empty() {
            return Err(format!(
                "line {number}: label {label} does not match the text {text:?}"
            ));
        }
        lines.push(Labelled {
            line: number,
            label: label.to_string(),
            text: text.to_string(),
        });
    }
    if lines.is_empty() {
        return Err("no labelled lines".into());
    }
    if let KnownFailing::Lines(listed) = &known_failing {
        if let Some(n) = listed.iter().find(|&&n| n == 0 || n > lines.len()) {
            return Err(format!("known-failing line {n} is not in the document"));
        }
    }
    Ok(LabelFile {
        known_failing,
        lines,
    })
}

/// A line whose verdict disagrees with its label.
#[derive(Debug, Clone)]
pub struct Mistake {
    pub line: usize,
    pub label: String,
    /// `kept`, or `dropped by RULE (category)`.
    pub verdict: String,
    pub text: String,
}

/// Clean `document` in balanced mode and compare every non-blank labelled line's fate with
/// its label. `labels[i]` must describe line `i + 1` of `document`.
pub fn check(document: &[u8], labels: &[Labelled]) -> Vec<Mistake> {
    let cleaned = clean_document(document, Mode::Balanced);
    let removed: BTreeMap<usize, String> = cleaned
        .removals
        .iter()
        .map(|r| (r.line, format!("dropped by {} ({})", r.rule, r.category)))
        .collect();
    labels
        .iter()
        .filter(|l| l.label != "blank")
        .filter_map(|l| {
            let dropped = removed.get(&l.line);
            let wrong = (l.label == "content") == dropped.is_some();
            wrong.then(|| Mistake {
                line: l.line,
                label: l.label.clone(),
                verdict: dropped.cloned().unwrap_or_else(|| "kept".into()),
                text: l.text.clone(),
            })
        })
        .collect()
}

/// All mistakes of one document, one per row, ready to print.
pub fn render(name: &str, mistakes: &[Mistake]) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{name}: {} wrong line(s)", mistakes.len());
    for m in mistakes {
        let text: String = m.text.chars().take(110).collect();
        let _ = writeln!(
            out,
            "  {:>4}  want {:<10}  got {:<45}  | {text}",
            m.line, m.label, m.verdict
        );
    }
    out
}
