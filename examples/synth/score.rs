//! Precision and recall of line removal: a report's removed lines against the labels.

use std::collections::HashSet;
use std::path::Path;

/// Counts over non-blank lines; chaff is the positive class.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub struct Scores {
    pub true_pos: usize,
    pub false_pos: usize,
    pub false_neg: usize,
}

impl Scores {
    pub fn precision(&self) -> f64 {
        self.true_pos as f64 / (self.true_pos + self.false_pos).max(1) as f64
    }
    pub fn recall(&self) -> f64 {
        self.true_pos as f64 / (self.true_pos + self.false_neg).max(1) as f64
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// Score `report` (dehusk-report.jsonl of a run over `corpus`) against the `.labels` files.
pub fn score(corpus: &Path, report: &Path) -> std::io::Result<Scores> {
    let mut removed: HashSet<(String, usize)> = HashSet::new();
    for line in std::fs::read_to_string(report)?.lines() {
        let record: serde_json::Value =
            serde_json::from_str(line).map_err(std::io::Error::other)?;
        let path = site_and_file(Path::new(record["path"].as_str().unwrap_or_default()));
        removed.insert((path, record["line"].as_u64().unwrap_or(0) as usize));
    }
    let mut scores = Scores::default();
    for site in sorted_entries(corpus)? {
        for file in sorted_entries(&site)? {
            if file.extension().is_none_or(|e| e != "labels") {
                continue;
            }
            let doc = site_and_file(&file.with_extension("txt"));
            for (i, label) in std::fs::read_to_string(&file)?.lines().enumerate() {
                let dropped = removed.contains(&(doc.clone(), i + 1));
                match (label, dropped) {
                    ("chaff", true) => scores.true_pos += 1,
                    ("chaff", false) => scores.false_neg += 1,
                    ("keep", true) => scores.false_pos += 1,
                    _ => {}
                }
            }
        }
    }
    Ok(scores)
}

/// `site-NN/doc-NNN.txt`: how a report path and a labels path meet, whatever the root.
fn site_and_file(path: &Path) -> String {
    let parts: Vec<_> = path
        .components()
        .rev()
        .take(2)
        .map(|c| c.as_os_str().to_string_lossy())
        .collect();
    format!(
        "{}/{}",
        parts.get(1).map_or("", |p| p),
        parts.first().map_or("", |p| p)
    )
}

fn sorted_entries(dir: &Path) -> std::io::Result<Vec<std::path::PathBuf>> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    entries.sort();
    Ok(entries)
}
