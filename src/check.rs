//! `dehusk check`: a CI gate. Cleans in memory, writes nothing, and compares the share of
//! removed lines (overall and per category) with thresholds.
//!
//! Exit codes: 0 when every threshold holds, 1 when one is exceeded, 2 on a usage error or
//! when an input could not be processed (errors win over findings).

use crate::cli::CorpusArgs;
use crate::config::{resolve_corpus, Config, ReportTarget, Source};
use crate::decide::Mode;
use crate::detect::Category;
use crate::exit::ExitCode;
use crate::output::Summary;
use clap::Args;
use std::path::PathBuf;

/// How many removals `--format github` annotates.
pub const ANNOTATIONS: usize = 50;

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Files and folders to check (plain text and JSONL shards, as `clean` takes them).
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,

    /// Fail when more than this share of all lines would be removed (1 disables).
    #[arg(long, value_name = "SHARE", default_value_t = 0.2)]
    pub max_removed_share: f64,

    /// Fail when a category's removed lines exceed this share of all lines, e.g. promo=0,caption=0.05.
    #[arg(long, value_name = "CATEGORY=SHARE", value_delimiter = ',', value_parser = parse_category_limit)]
    pub max_category: Vec<(Category, f64)>,

    /// Output: a human summary, one JSON object, or GitHub workflow annotations.
    #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
    pub format: CheckFormat,

    /// File extensions taken when walking folders.
    #[arg(long, value_name = "EXT", value_delimiter = ',', default_value = crate::cli::DEFAULT_EXTENSIONS)]
    pub ext: Vec<String>,

    /// How eager to drop (as for `clean`).
    #[arg(long, value_enum, default_value_t = Mode::Balanced)]
    pub mode: Mode,

    /// Worker threads [default: all cores].
    #[arg(short = 'j', long, value_name = "N")]
    pub threads: Option<usize>,

    /// Files larger than this are not checked and count as errors.
    #[arg(long, value_name = "BYTES", default_value_t = 256 * 1024 * 1024)]
    pub max_file_bytes: u64,

    /// Check only this worker's share of the inputs: file k of the sorted list goes to shard k mod N.
    #[arg(long, value_name = "I/N")]
    pub shard: Option<crate::shard::Shard>,

    #[command(flatten)]
    pub corpus: CorpusArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CheckFormat {
    Text,
    Json,
    Github,
}

/// `promo=0.05` -> (Promo, 0.05).
pub fn parse_category_limit(value: &str) -> Result<(Category, f64), String> {
    let (name, share) = value
        .split_once('=')
        .ok_or("expected CATEGORY=SHARE, e.g. promo=0")?;
    let names: Vec<&str> = Category::ALL.iter().map(|c| c.as_str()).collect();
    let category = Category::parse(name.trim())
        .ok_or_else(|| format!("unknown category `{name}` (one of {})", names.join(", ")))?;
    let share: f64 = share
        .trim()
        .parse()
        .map_err(|_| format!("`{share}` is not a number"))?;
    if !(0.0..=1.0).contains(&share) {
        return Err(format!("share {share} is not between 0 and 1"));
    }
    Ok((category, share))
}

/// One threshold and how the run measured against it.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Threshold {
    /// `removed_share` or a category name.
    pub name: String,
    pub limit: f64,
    pub value: f64,
    pub lines: u64,
    pub ok: bool,
}

/// What `check` found.
#[derive(Debug)]
pub struct CheckResult {
    pub summary: Summary,
    pub thresholds: Vec<Threshold>,
    /// The first removals, as report records.
    pub findings: Vec<serde_json::Value>,
}

impl CheckResult {
    pub fn exit_code(&self) -> ExitCode {
        if self.summary.error_count() > 0 {
            ExitCode::Error
        } else if self.thresholds.iter().any(|t| !t.ok) {
            ExitCode::Findings
        } else {
            ExitCode::Success
        }
    }
}

/// The `clean` settings `check` runs with: nothing written, report kept in memory.
pub fn config(args: &CheckArgs) -> Result<Config, String> {
    if !(0.0..=1.0).contains(&args.max_removed_share) {
        return Err("--max-removed-share must be between 0 and 1".into());
    }
    if args.paths.iter().any(|p| p.as_os_str() == "-") {
        return Err("check reads files and folders, not stdin".into());
    }
    let source = Source::Paths(args.paths.clone());
    let (records, corpus) = resolve_corpus(&args.corpus, None, &source)?;
    let threads = crate::config::resolve_threads(args.threads)?;
    Ok(Config {
        source,
        out_dir: None,
        report: ReportTarget::Sample(ANNOTATIONS),
        summary: None,
        extensions: args
            .ext
            .iter()
            .map(|e| e.trim().trim_start_matches('.').to_ascii_lowercase())
            .collect(),
        mode: args.mode,
        threads,
        dry_run: true,
        progress: false,
        quiet: true,
        skip_binary: false,
        max_file_bytes: args.max_file_bytes,
        records,
        corpus,
        shard: args.shard,
        skip_existing: false,
        // check reads what clean reads by default: no symlinks followed, UTF-8 text.
        follow: false,
        encoding: None,
    })
}

/// Run the check; Err only when the run itself cannot proceed.
pub fn run_check(args: &CheckArgs, config: &Config) -> std::io::Result<CheckResult> {
    let result = crate::run::run_clean(config)?;
    let summary = result.summary;
    let share = |lines: u64| {
        if summary.lines_in == 0 {
            0.0
        } else {
            lines as f64 / summary.lines_in as f64
        }
    };
    let mut thresholds = Vec::new();
    let removed = summary.removed_lines();
    let value = share(removed);
    thresholds.push(Threshold {
        name: "removed_share".into(),
        limit: args.max_removed_share,
        value,
        lines: removed,
        ok: value <= args.max_removed_share,
    });
    for &(category, limit) in &args.max_category {
        let lines = summary
            .removed_by_category
            .get(category.as_str())
            .copied()
            .unwrap_or(0);
        let value = share(lines);
        let ok = if limit == 0.0 {
            lines == 0
        } else {
            value <= limit
        };
        thresholds.push(Threshold {
            name: category.as_str().into(),
            limit,
            value,
            lines,
            ok,
        });
    }
    Ok(CheckResult {
        summary,
        thresholds,
        findings: result.sample,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn category_limits_parse_and_reject_nonsense() {
        assert_eq!(parse_category_limit("promo=0"), Ok((Category::Promo, 0.0)));
        assert_eq!(
            parse_category_limit(" caption = 0.05"),
            Ok((Category::Caption, 0.05))
        );
        assert!(parse_category_limit("promo")
            .unwrap_err()
            .contains("CATEGORY=SHARE"));
        assert!(parse_category_limit("adverts=0.1")
            .unwrap_err()
            .contains("unknown category"));
        assert!(parse_category_limit("promo=x").is_err());
        assert!(parse_category_limit("promo=1.5").is_err());
    }
}
