//! The k-way merge behind `merge-reports`: sorted report files into one, lines copied verbatim.
//!
//! A run's report is ordered by (path, record, line): jobs are sorted by display path, shards
//! are read record by record and removals come in line order. Each input is checked to be in
//! that order, and the output keeps every line's bytes (scores are not re-printed).

use serde::Deserialize;
use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};

/// The fields of a report line that order it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
struct Key {
    path: String,
    #[serde(default)]
    record: Option<u64>,
    line: u64,
}

/// One input report being read.
struct Source {
    path: PathBuf,
    lines: std::io::Lines<BufReader<std::fs::File>>,
    number: usize,
}

impl Source {
    /// The next line and its key; None at the end.
    fn next(&mut self) -> Result<Option<(Key, String)>, String> {
        let Some(line) = self.lines.next() else {
            return Ok(None);
        };
        self.number += 1;
        let at = || format!("{}:{}", self.path.display(), self.number);
        let line = line.map_err(|e| format!("{}: {e}", at()))?;
        let key: Key =
            serde_json::from_str(&line).map_err(|e| format!("{}: not a report line: {e}", at()))?;
        Ok(Some((key, line)))
    }
}

/// Merge `reports` (each sorted) into `out`. A missing report is an error: a shard whose
/// summary exists always writes one, even empty.
pub fn merge(reports: &[PathBuf], out: &mut impl Write) -> Result<(), String> {
    let mut sources = Vec::new();
    for path in reports {
        let file = std::fs::File::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
        sources.push(Source {
            path: path.clone(),
            lines: BufReader::new(file).lines(),
            number: 0,
        });
    }
    let mut heap = BinaryHeap::new();
    for (i, source) in sources.iter_mut().enumerate() {
        if let Some((key, line)) = source.next()? {
            heap.push(Reverse((key, i, line)));
        }
    }
    let write_err = |e: std::io::Error| format!("writing the merged report: {e}");
    while let Some(Reverse((key, i, line))) = heap.pop() {
        out.write_all(line.as_bytes()).map_err(write_err)?;
        out.write_all(b"\n").map_err(write_err)?;
        if let Some((next, text)) = sources[i].next()? {
            if next < key {
                return Err(out_of_order(&sources[i].path, sources[i].number));
            }
            heap.push(Reverse((next, i, text)));
        }
    }
    Ok(())
}

fn out_of_order(path: &Path, number: usize) -> String {
    format!(
        "{}:{number}: report lines out of (path, record, line) order; was it written by dehusk clean?",
        path.display()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(path: &str, record: Option<u64>, line: u64) -> String {
        let mut v = serde_json::json!({"path": path, "line": line, "score": 0.9});
        if let Some(r) = record {
            v["record"] = r.into();
        }
        serde_json::to_string(&v).unwrap()
    }

    #[test]
    fn interleaves_sorted_inputs_and_rejects_unsorted_ones() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.jsonl");
        let b = dir.path().join("b.jsonl");
        let want = [
            line("d/a.txt", None, 1),
            line("d/a.txt", None, 4),
            line("d/b.jsonl", Some(2), 1),
            line("d/b.jsonl", Some(10), 3),
            line("d/c.txt", None, 2),
        ];
        std::fs::write(&a, format!("{}\n{}\n{}\n", want[0], want[1], want[4])).unwrap();
        std::fs::write(&b, format!("{}\n{}\n", want[2], want[3])).unwrap();
        let mut out = Vec::new();
        merge(&[a.clone(), b.clone()], &mut out).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), want.join("\n") + "\n");

        std::fs::write(&b, format!("{}\n{}\n", want[3], want[2])).unwrap();
        let err = merge(&[a, b], &mut Vec::new()).unwrap_err();
        assert!(err.contains("out of"), "{err}");
    }
}
