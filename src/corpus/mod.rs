//! Site-wide boilerplate (`--corpus-lines`): lines repeated across many documents of a group.
//!
//! A first pass ([`pass::build_index`]) hashes every document's normalised lines (lowercased,
//! digits folded, punctuation dropped; xxh3 seeded with the group) and counts, per hash, the
//! documents of the group holding it. The second pass asks [`CorpusIndex::findings`] for each
//! document's lines repeated in at least `min_repeats` documents and `min_share` of the
//! group, and hands them as `duplicate.site_wide` findings to the decision stage, which keeps
//! a line that is clearly prose of the main body. Counts are sums, so they do not depend on
//! the order documents are counted in, nor on the thread count.

pub mod pass;

use crate::detect::{Category, Finding, Rule};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use xxhash_rust::xxh3::{xxh3_64, xxh3_64_with_seed};

pub static SITE_WIDE: Rule = Rule {
    id: "duplicate.site_wide",
    category: Category::Duplicate,
    about: "a line repeated in many documents of the same site or folder (--corpus-lines): footers, follow-us lines, promos",
};

/// A line of the main body with at least this prose score is kept, unless it is dominant.
pub const PROSE_GUARD: f32 = 2.0;

/// A line in at least this share of its group's documents is chrome even when it reads as
/// prose ("X has covered the valley since 1958, and is funded by readers like you.").
pub const DOMINANT_SHARE: f64 = 0.5;

/// Finding score for a line in `share` of its group: 0.6 at 0%, 0.9 at the dominant share and above.
pub fn score_for(share: f64) -> f32 {
    (0.6 + 0.3 * (share / DOMINANT_SHARE).min(1.0)) as f32
}

/// Settings of the corpus pass.
#[derive(Debug, Clone, PartialEq)]
pub struct CorpusOptions {
    /// A line must appear in at least this many documents of its group.
    pub min_repeats: u32,
    /// ... and in at least this share of the group's documents.
    pub min_share: f64,
    /// JSONL field naming the group (a domain, say); records without it use the shard's folder.
    pub group_field: Option<String>,
}

/// A group's key: the hash of its name (a folder, or `field=value`).
pub fn group_key(name: &str) -> u64 {
    xxh3_64(name.as_bytes())
}

/// Lowercase, fold digits to `0`, drop punctuation and symbols, collapse spaces. None for a
/// line without a letter (blank lines, rules of dashes, bare numbers are not counted).
pub fn normalise(line: &str) -> Option<String> {
    let mut out = String::with_capacity(line.len());
    let mut letters = false;
    for c in line.chars() {
        if c.is_alphabetic() {
            letters = true;
            out.extend(c.to_lowercase());
        } else if c.is_numeric() {
            out.push('0');
        } else if c.is_whitespace() && !out.is_empty() && !out.ends_with(' ') {
            out.push(' ');
        }
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    letters.then_some(out)
}

/// Per line of `text` (0-based index), the line's key within `group`, when it has one.
pub fn line_keys(group: u64, text: &[u8]) -> impl Iterator<Item = (usize, u64)> + '_ {
    crate::doc::split_lines(text)
        .into_iter()
        .enumerate()
        .filter_map(move |(i, (raw, _))| {
            let norm = normalise(&String::from_utf8_lossy(raw))?;
            Some((i, xxh3_64_with_seed(norm.as_bytes(), group)))
        })
}

/// The distinct keys of one document, sorted: what the first pass counts.
pub fn document_keys(group: u64, text: &[u8]) -> Vec<u64> {
    let mut keys: Vec<u64> = line_keys(group, text).map(|(_, k)| k).collect();
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// Keys are xxh3 values already: hashing them again would only cost time.
#[derive(Default)]
pub struct PassThrough(u64);

impl Hasher for PassThrough {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        self.0 = bytes
            .iter()
            .fold(self.0, |h, &b| h.rotate_left(8) ^ u64::from(b));
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

type KeyMap<V> = HashMap<u64, V, BuildHasherDefault<PassThrough>>;

/// Document counts per line key and per group.
#[derive(Default)]
pub struct CorpusIndex {
    lines: KeyMap<u32>,
    groups: KeyMap<u32>,
}

impl CorpusIndex {
    /// Count one document of `group` with its distinct `keys` (from [`document_keys`]).
    pub fn add_document(&mut self, group: u64, keys: &[u64]) {
        *self.groups.entry(group).or_default() += 1;
        for &key in keys {
            let n = self.lines.entry(key).or_default();
            *n = n.saturating_add(1);
        }
    }

    /// Distinct (group, line) keys counted: what the pass's memory grows with.
    pub fn distinct_lines(&self) -> usize {
        self.lines.len()
    }

    pub fn groups(&self) -> usize {
        self.groups.len()
    }

    /// Site-wide findings for a document of `group`; the score grows with the share of the group.
    pub fn findings(&self, group: u64, text: &[u8], opts: &CorpusOptions) -> Vec<Finding> {
        let docs = self.groups.get(&group).copied().unwrap_or(0);
        if docs < opts.min_repeats {
            return Vec::new();
        }
        line_keys(group, text)
            .filter_map(|(line, key)| {
                let n = self.lines.get(&key).copied().unwrap_or(0);
                let share = f64::from(n) / f64::from(docs);
                (n >= opts.min_repeats && share >= opts.min_share)
                    .then(|| Finding::new(line, &SITE_WIDE, score_for(share)))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts() -> CorpusOptions {
        CorpusOptions {
            min_repeats: 3,
            min_share: 0.05,
            group_field: None,
        }
    }

    #[test]
    fn normalising_folds_case_digits_punctuation_and_spacing() {
        assert_eq!(
            normalise("  Follow us on TWITTER!  "),
            Some("follow us on twitter".into())
        );
        assert_eq!(normalise("© 2024 Acme, Inc."), normalise("© 2019 acme inc"));
        assert_eq!(normalise("---"), None);
        assert_eq!(normalise("2024"), None);
    }

    #[test]
    fn a_line_in_enough_documents_of_its_group_is_found_and_others_are_not() {
        let site = group_key("site-a");
        let other = group_key("site-b");
        let mut index = CorpusIndex::default();
        for i in 0..4 {
            let doc = format!(
                "Follow us on Twitter\nStory number {i} is about something else entirely.\n"
            );
            index.add_document(site, &document_keys(site, doc.as_bytes()));
        }
        index.add_document(other, &document_keys(other, b"Follow us on Twitter\n"));
        let text = b"Story one.\nFOLLOW US ON TWITTER.\n";
        let found = index.findings(site, text, &opts());
        assert_eq!(found.len(), 1);
        assert_eq!(
            (found[0].line, found[0].rule.id),
            (1, "duplicate.site_wide")
        );
        assert!((found[0].score - 0.9).abs() < 1e-6);
        assert!(
            index.findings(other, text, &opts()).is_empty(),
            "one document is below --min-repeats"
        );
        let strict = CorpusOptions {
            min_repeats: 5,
            ..opts()
        };
        assert!(index.findings(site, text, &strict).is_empty());
        // Digits fold, so the four story lines count as one line of site-a.
        assert_eq!((index.groups(), index.distinct_lines()), (2, 3));
    }

    #[test]
    fn counts_do_not_depend_on_the_order_documents_are_added() {
        let g = group_key("g");
        let docs: Vec<Vec<u64>> = ["a\nb\n", "b\nc\n", "a\nb\nb\n"]
            .iter()
            .map(|d| document_keys(g, d.as_bytes()))
            .collect();
        let mut forward = CorpusIndex::default();
        let mut backward = CorpusIndex::default();
        docs.iter().for_each(|k| forward.add_document(g, k));
        docs.iter().rev().for_each(|k| backward.add_document(g, k));
        let o = CorpusOptions {
            min_repeats: 2,
            min_share: 0.0,
            group_field: None,
        };
        let lines = |i: &CorpusIndex| {
            i.findings(g, b"a\nb\nc\n", &o)
                .iter()
                .map(|f| f.line)
                .collect::<Vec<_>>()
        };
        assert_eq!(lines(&forward), vec![0, 1], "c is in one document only");
        assert_eq!(lines(&forward), lines(&backward));
    }

    #[test]
    fn clear_body_prose_is_kept_unless_it_is_dominant() {
        let text = "Menu\nThe council voted on Monday to close the old bridge for repairs, which are expected to take most of the summer.\nResidents who rely on the bridge said they had not been told how long the detour would add to their commute.\n";
        let clean = |extra: &[Finding]| {
            crate::pipeline::clean_document_with(
                text.as_bytes(),
                crate::decide::Mode::Balanced,
                extra,
            )
        };
        // A sentence a few articles of the group share is body text: it stays.
        let minority = clean(&[Finding::new(1, &SITE_WIDE, score_for(0.2))]);
        assert!(minority.removals.iter().all(|r| r.line != 2));
        // Printed by most of the group, even a well-formed sentence is the site's.
        let dominant = clean(&[
            Finding::new(1, &SITE_WIDE, score_for(0.8)),
            Finding::new(0, &SITE_WIDE, score_for(0.1)),
        ]);
        assert!(dominant
            .removals
            .iter()
            .any(|r| r.line == 2 && r.rule == "duplicate.site_wide"));
        assert!(String::from_utf8(dominant.output)
            .unwrap()
            .starts_with("Residents who rely"));
    }
}
