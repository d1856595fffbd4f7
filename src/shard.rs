//! `--shard I/N`: one worker's share of the inputs, so N independent workers cover a corpus once.
//!
//! The sorted job list (the order a single run uses) is dealt round-robin: job k goes to
//! shard k mod N. Every worker walks the same inputs, so each computes the same list and the
//! shards are disjoint and together complete, with no coordination between workers.

use std::fmt;
use std::str::FromStr;

/// This worker's shard: `index` in `0..count`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    pub index: usize,
    pub count: usize,
}

impl FromStr for Shard {
    type Err = String;

    /// `3/16` (0-based index, as a Slurm array `--array=0-15` hands out).
    fn from_str(value: &str) -> Result<Shard, String> {
        let (index, count) = value
            .split_once('/')
            .ok_or("expected I/N, e.g. 0/4 (0-based shard index / shard count)")?;
        let index: usize = index
            .trim()
            .parse()
            .map_err(|_| format!("shard index `{index}` is not a whole number"))?;
        let count: usize = count
            .trim()
            .parse()
            .map_err(|_| format!("shard count `{count}` is not a whole number"))?;
        if count == 0 {
            return Err("the shard count must be at least 1".into());
        }
        if index >= count {
            return Err(format!(
                "shard index {index} is out of range: indices run from 0 to {}",
                count - 1
            ));
        }
        Ok(Shard { index, count })
    }
}

impl fmt::Display for Shard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.index, self.count)
    }
}

impl Shard {
    /// Whether the k-th (0-based) item of the walk belongs to this shard: shard k mod N.
    pub fn takes(&self, k: usize) -> bool {
        k % self.count == self.index
    }

    /// The suffix of this shard's report and summary names: `shard-0003-of-0016`.
    pub fn suffix(&self) -> String {
        format!("shard-{:04}-of-{:04}", self.index, self.count)
    }

    /// Whether this shard counts problems met before the split (walk errors): shard 0 only,
    /// so merged shard summaries count each of them once, as a single run does.
    pub fn counts_walk_errors(&self) -> bool {
        self.index == 0
    }

    /// The summary's `shard` entry, read back by `merge-reports`.
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::json!({"index": self.index, "count": self.count})
    }
}

/// `dehusk-report.jsonl` for a whole run, `dehusk-report.shard-0003-of-0016.jsonl` for a shard.
pub fn file_name(base: &str, shard: Option<Shard>) -> String {
    match (shard, base.rsplit_once('.')) {
        (Some(s), Some((stem, ext))) => format!("{stem}.{}.{ext}", s.suffix()),
        _ => base.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_rejects() {
        assert_eq!(
            "3/16".parse(),
            Ok(Shard {
                index: 3,
                count: 16
            })
        );
        assert_eq!(" 0 / 1 ".parse(), Ok(Shard { index: 0, count: 1 }));
        assert!("4/4".parse::<Shard>().unwrap_err().contains("out of range"));
        assert!("0/0".parse::<Shard>().is_err());
        assert!("1".parse::<Shard>().unwrap_err().contains("I/N"));
        assert!("a/2".parse::<Shard>().is_err());
    }

    #[test]
    fn shards_are_disjoint_and_complete() {
        let items: Vec<usize> = (0..10).collect();
        let mut seen = Vec::new();
        for index in 0..3 {
            let shard = Shard { index, count: 3 };
            let part: Vec<usize> = items.iter().copied().filter(|&k| shard.takes(k)).collect();
            assert!(part.iter().all(|k| k % 3 == index));
            seen.extend(part);
        }
        seen.sort();
        assert_eq!(seen, items);
    }

    #[test]
    fn names_carry_the_shard() {
        let s = Some(Shard {
            index: 3,
            count: 16,
        });
        assert_eq!(
            file_name("dehusk-report.jsonl", s),
            "dehusk-report.shard-0003-of-0016.jsonl"
        );
        assert_eq!(
            file_name("dehusk-summary.json", None),
            "dehusk-summary.json"
        );
    }
}
