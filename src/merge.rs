//! `dehusk merge-reports`: the reports and summaries of shard runs, merged into the report and
//! summary of a single run over the same inputs.
//!
//! A single run writes report lines in (path, record, line) order, and every shard's report is
//! a subsequence of that order, so a k-way merge of the shard reports rebuilds it byte for byte
//! in O(shards) memory. Summaries are sums; the merge checks that the shards ran with the same
//! options and that every shard of `0..N` is there exactly once.

use crate::config::{REPORT_NAME, SUMMARY_NAME};
use crate::output::{write_atomic, AtomicFile, Summary};
use clap::Args;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

#[derive(Debug, Args)]
pub struct MergeArgs {
    /// Output folders of shard runs (each holds dehusk-summary*.json and dehusk-report*.jsonl).
    #[arg(required = true, value_name = "OUT_DIR")]
    pub dirs: Vec<PathBuf>,

    /// Folder for the merged dehusk-report.jsonl and dehusk-summary.json.
    #[arg(short, long, value_name = "DIR")]
    pub out: PathBuf,

    /// No closing summary on stderr.
    #[arg(short, long)]
    pub quiet: bool,
}

/// Summary keys that are not counts.
const NOT_COUNTS: [&str; 6] = [
    "version",
    "options",
    "path",
    "corpus",
    "shard",
    "lines_removed",
];

/// A summary key as the `&'static str` that [`Summary`] keeps (each distinct key leaked once).
fn intern(key: &str) -> &'static str {
    static KEYS: OnceLock<Mutex<BTreeSet<&'static str>>> = OnceLock::new();
    let mut keys = KEYS
        .get_or_init(Default::default)
        .lock()
        .expect("intern lock");
    if let Some(k) = keys.get(key) {
        return k;
    }
    let leaked: &'static str = Box::leak(key.to_owned().into_boxed_str());
    keys.insert(leaked);
    leaked
}

/// Add the counts of a summary file (or a resume marker) to `summary`.
pub fn absorb(summary: &mut Summary, json: &serde_json::Value) -> Result<(), String> {
    let object = json.as_object().ok_or("a summary is not a JSON object")?;
    for (key, value) in object {
        if NOT_COUNTS.contains(&key.as_str()) {
            continue;
        }
        let map = match key.as_str() {
            "removed_by_category" => &mut summary.removed_by_category,
            "removed_by_rule" => &mut summary.removed_by_rule,
            "errors" => &mut summary.errors,
            "skipped" => &mut summary.skipped,
            "warnings" => &mut summary.warnings,
            _ => {
                let n = value.as_u64().ok_or(format!("`{key}` is not a count"))?;
                let total = match key.as_str() {
                    "files" => &mut summary.files,
                    "documents" => &mut summary.documents,
                    "lines_in" => &mut summary.lines_in,
                    "lines_out" => &mut summary.lines_out,
                    "bytes_in" => &mut summary.bytes_in,
                    "bytes_out" => &mut summary.bytes_out,
                    _ => return Err(format!("unknown summary field `{key}`")),
                };
                *total += n;
                continue;
            }
        };
        let entries = value.as_object().ok_or(format!("`{key}` is not a map"))?;
        for (name, n) in entries {
            let n = n.as_u64().ok_or(format!("`{key}.{name}` is not a count"))?;
            if n > 0 {
                *map.entry(intern(name)).or_default() += n;
            }
        }
    }
    Ok(())
}

/// One shard run's outputs, found in an output folder.
struct Part {
    summary_path: PathBuf,
    report: PathBuf,
    json: serde_json::Value,
}

/// Every summary (`dehusk-summary.json` or `dehusk-summary.shard-*.json`) in `dir`, sorted.
fn find_parts(dir: &Path) -> Result<Vec<Part>, String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut names: Vec<String> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| {
            n == SUMMARY_NAME || (n.starts_with("dehusk-summary.shard-") && n.ends_with(".json"))
        })
        .collect();
    names.sort();
    if names.is_empty() {
        return Err(format!(
            "{}: no {SUMMARY_NAME} (nor a shard's) in it",
            dir.display()
        ));
    }
    let report_stem = REPORT_NAME.trim_end_matches(".jsonl");
    let summary_stem = SUMMARY_NAME.trim_end_matches(".json");
    names
        .into_iter()
        .map(|name| {
            let summary_path = dir.join(&name);
            let text = std::fs::read(&summary_path)
                .map_err(|e| format!("{}: {e}", summary_path.display()))?;
            let json = serde_json::from_slice(&text)
                .map_err(|e| format!("{}: {e}", summary_path.display()))?;
            let report = name.replacen(summary_stem, report_stem, 1) + "l";
            Ok(Part {
                report: dir.join(report),
                summary_path,
                json,
            })
        })
        .collect()
}

/// Same options everywhere, and either no shards or each of `0..N` exactly once.
fn check_parts(parts: &[Part]) -> Result<(), String> {
    let first = &parts[0];
    for part in &parts[1..] {
        if part.json["options"] != first.json["options"] {
            return Err(format!(
                "{} and {} were run with different options",
                first.summary_path.display(),
                part.summary_path.display()
            ));
        }
    }
    let shards: Vec<(u64, u64)> = parts
        .iter()
        .filter_map(|p| {
            Some((
                p.json["shard"]["index"].as_u64()?,
                p.json["shard"]["count"].as_u64()?,
            ))
        })
        .collect();
    if shards.is_empty() {
        return Ok(());
    }
    let count = shards[0].1;
    if shards.len() != parts.len() || shards.iter().any(|s| s.1 != count) {
        return Err("the summaries mix runs with different --shard counts (or none)".into());
    }
    let mut seen: BTreeMap<u64, usize> = BTreeMap::new();
    for (index, _) in &shards {
        *seen.entry(*index).or_default() += 1;
    }
    let missing: Vec<String> = (0..count)
        .filter(|i| !seen.contains_key(i))
        .map(|i| format!("{i}/{count}"))
        .collect();
    let twice: Vec<String> = seen
        .iter()
        .filter(|(_, n)| **n > 1)
        .map(|(i, _)| format!("{i}/{count}"))
        .collect();
    if !missing.is_empty() || !twice.is_empty() {
        return Err(format!(
            "shards missing: [{}], given more than once: [{}]",
            missing.join(", "),
            twice.join(", ")
        ));
    }
    Ok(())
}

/// Merge the parts found in `args.dirs` into `args.out`; Err is a message for the user.
pub fn run(args: &MergeArgs) -> Result<Summary, String> {
    let mut parts = Vec::new();
    for dir in &args.dirs {
        parts.extend(find_parts(dir)?);
    }
    check_parts(&parts)?;
    let report_out = args.out.join(REPORT_NAME);
    let target = report_out.canonicalize().ok();
    if parts
        .iter()
        .any(|p| target.is_some() && p.report.canonicalize().ok() == target)
    {
        return Err(format!(
            "--out {} would overwrite an input report",
            args.out.display()
        ));
    }
    let mut summary = Summary::default();
    for part in &parts {
        absorb(&mut summary, &part.json)
            .map_err(|e| format!("{}: {e}", part.summary_path.display()))?;
    }
    let mut writer =
        AtomicFile::create(&report_out).map_err(|e| format!("{}: {e}", report_out.display()))?;
    let reports: Vec<PathBuf> = parts.iter().map(|p| p.report.clone()).collect();
    crate::merge_report::merge(&reports, &mut writer)?;
    writer
        .commit()
        .map_err(|e| format!("{}: {e}", report_out.display()))?;
    let mut json = summary.to_json(parts[0].json["options"].clone());
    if let Some(corpus) = parts.iter().find_map(|p| p.json.get("corpus")) {
        json["corpus"] = corpus.clone();
    }
    let mut text = serde_json::to_vec_pretty(&json).map_err(|e| e.to_string())?;
    text.push(b'\n');
    let summary_out = args.out.join(SUMMARY_NAME);
    write_atomic(&summary_out, &text).map_err(|e| format!("{}: {e}", summary_out.display()))?;
    Ok(summary)
}
