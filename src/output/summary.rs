//! Run totals: files, lines and bytes in and out, removals per category and rule, errors by kind.

use crate::detect::Category;
use crate::pipeline::Removal;
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// Why a file could not be cleaned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ErrorKind {
    /// Could not be opened or read (permissions, vanished, I/O error).
    Unreadable,
    /// NUL bytes near the start: not text.
    Binary,
    /// Larger than --max-file-bytes: copied through untouched.
    TooLarge,
    /// The cleaned copy could not be written.
    WriteFailed,
    /// Two inputs would write the same output file.
    OutputCollision,
    /// A path given on the command line does not exist, or a followed symlink dangles.
    NotFound,
    /// A JSON Lines record that is not a JSON object (or not UTF-8): passed through.
    BadJson,
    /// A JSON Lines record without the text field: passed through.
    MissingText,
    /// A JSON Lines record whose text field is not a string: passed through.
    TextNotString,
    /// With --follow, a symlink leads back to one of its own ancestors.
    SymlinkLoop,
    /// Without --follow, a symlink to a folder or to a file to clean: left alone (skipped, not an error).
    Symlink,
}

impl ErrorKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::Unreadable => "unreadable",
            ErrorKind::Binary => "binary",
            ErrorKind::TooLarge => "too_large",
            ErrorKind::WriteFailed => "write_failed",
            ErrorKind::OutputCollision => "output_collision",
            ErrorKind::NotFound => "not_found",
            ErrorKind::BadJson => "bad_json",
            ErrorKind::MissingText => "missing_text",
            ErrorKind::TextNotString => "text_not_string",
            ErrorKind::SymlinkLoop => "symlink_loop",
            ErrorKind::Symlink => "symlink",
        }
    }
}

/// Totals over a run; adding documents in any order gives the same totals.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Summary {
    pub files: u64,
    pub documents: u64,
    pub lines_in: u64,
    pub lines_out: u64,
    pub bytes_in: u64,
    pub bytes_out: u64,
    pub removed_by_category: BTreeMap<&'static str, u64>,
    pub removed_by_rule: BTreeMap<&'static str, u64>,
    pub errors: BTreeMap<&'static str, u64>,
    pub skipped: BTreeMap<&'static str, u64>,
    /// Processed but left untouched on purpose (a JSONL record over --max-doc-bytes).
    pub warnings: BTreeMap<&'static str, u64>,
}

impl Summary {
    /// Count one cleaned document.
    pub fn add_document(
        &mut self,
        bytes_in: usize,
        bytes_out: usize,
        lines_in: usize,
        lines_out: usize,
        removals: &[Removal],
    ) {
        self.documents += 1;
        self.bytes_in += bytes_in as u64;
        self.bytes_out += bytes_out as u64;
        self.lines_in += lines_in as u64;
        self.lines_out += lines_out as u64;
        for removal in removals {
            *self
                .removed_by_category
                .entry(removal.category.as_str())
                .or_default() += 1;
            *self.removed_by_rule.entry(removal.rule).or_default() += 1;
        }
    }

    /// Count removals known only by rule (a streamed file's spooled records).
    pub fn add_rule_counts(
        &mut self,
        by_rule: &std::collections::BTreeMap<&'static str, (crate::detect::Category, u64)>,
    ) {
        for (&rule, &(category, count)) in by_rule {
            *self
                .removed_by_category
                .entry(category.as_str())
                .or_default() += count;
            *self.removed_by_rule.entry(rule).or_default() += count;
        }
    }

    pub fn add_error(&mut self, kind: ErrorKind) {
        *self.errors.entry(kind.as_str()).or_default() += 1;
    }

    pub fn add_skipped(&mut self, kind: ErrorKind) {
        *self.skipped.entry(kind.as_str()).or_default() += 1;
    }

    pub fn add_warning(&mut self, kind: ErrorKind) {
        *self.warnings.entry(kind.as_str()).or_default() += 1;
    }

    pub fn error_count(&self) -> u64 {
        self.errors.values().sum()
    }

    pub fn removed_lines(&self) -> u64 {
        self.removed_by_category.values().sum()
    }

    /// The summary file's content: deterministic (no timings, no thread count).
    pub fn to_json(&self, options: serde_json::Value) -> serde_json::Value {
        let mut by_category = serde_json::Map::new();
        for category in Category::ALL {
            let n = self
                .removed_by_category
                .get(category.as_str())
                .copied()
                .unwrap_or(0);
            by_category.insert(category.as_str().into(), n.into());
        }
        serde_json::json!({
            "version": env!("CARGO_PKG_VERSION"),
            "options": options,
            "files": self.files,
            "documents": self.documents,
            "lines_in": self.lines_in,
            "lines_out": self.lines_out,
            "lines_removed": self.removed_lines(),
            "bytes_in": self.bytes_in,
            "bytes_out": self.bytes_out,
            "removed_by_category": by_category,
            "removed_by_rule": self.removed_by_rule,
            "errors": self.errors,
            "skipped": self.skipped,
            "warnings": self.warnings,
        })
    }

    /// A few lines for a person, printed on stderr at the end of a run.
    pub fn human(&self, seconds: f64) -> String {
        let mut s = String::new();
        let mb = self.bytes_in as f64 / 1e6;
        let rate = if seconds > 0.0 { mb / seconds } else { 0.0 };
        let _ = writeln!(
            s,
            "dehusk: {} files, {} documents, {:.1} MB in {:.2}s ({:.1} MB/s)",
            self.files, self.documents, mb, seconds, rate
        );
        let share = if self.lines_in > 0 {
            100.0 * self.removed_lines() as f64 / self.lines_in as f64
        } else {
            0.0
        };
        let cats = counts(&self.removed_by_category);
        let _ = writeln!(
            s,
            "dehusk: removed {} of {} lines ({share:.1}%){}{cats}",
            self.removed_lines(),
            self.lines_in,
            if cats.is_empty() { "" } else { ": " },
        );
        if !self.errors.is_empty() {
            let _ = writeln!(
                s,
                "dehusk: {} errors: {}",
                self.error_count(),
                counts(&self.errors)
            );
        }
        if !self.skipped.is_empty() {
            let _ = writeln!(s, "dehusk: skipped on purpose: {}", counts(&self.skipped));
        }
        if !self.warnings.is_empty() {
            let _ = writeln!(
                s,
                "dehusk: warnings (passed through untouched): {}",
                counts(&self.warnings)
            );
        }
        s
    }
}

/// `name count` pairs joined with commas, for the human summary.
fn counts(map: &BTreeMap<&'static str, u64>) -> String {
    let pairs: Vec<String> = map.iter().map(|(k, n)| format!("{k} {n}")).collect();
    pairs.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn totals_and_json_shape() {
        let mut summary = Summary::default();
        let removal = Removal {
            line: 1,
            category: Category::Promo,
            rule: "promo.ad_label",
            score: 0.9,
            text: "Ad".into(),
        };
        summary.files = 1;
        summary.add_document(10, 4, 3, 2, &[removal]);
        summary.add_error(ErrorKind::Binary);
        summary.add_skipped(ErrorKind::Symlink);
        let json = summary.to_json(serde_json::json!({}));
        assert_eq!(json["lines_removed"], 1);
        assert_eq!(json["removed_by_category"]["promo"], 1);
        assert_eq!(json["removed_by_category"]["caption"], 0);
        assert_eq!(json["removed_by_rule"]["promo.ad_label"], 1);
        assert_eq!(json["errors"]["binary"], 1);
        assert_eq!(json["skipped"]["symlink"], 1);
        let human = summary.human(1.0);
        assert!(human.contains("1 errors: binary 1"), "{human}");
        assert!(human.contains("skipped on purpose: symlink 1"), "{human}");
    }
}
