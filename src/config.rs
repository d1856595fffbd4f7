//! Resolved settings: raw flags turned once into what the run needs, with usage errors caught here.

use crate::cli::CleanArgs;
use crate::decide::Mode;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

/// File names dehusk writes into the output folder.
pub const REPORT_NAME: &str = "dehusk-report.jsonl";
pub const SUMMARY_NAME: &str = "dehusk-summary.json";

/// Where the report goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReportTarget {
    File(PathBuf),
    Stderr,
    /// Keep the first N records in memory (`dehusk check`).
    Sample(usize),
    Nowhere,
}

/// What `clean` works on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// One document on stdin, cleaned text to stdout.
    Stdin,
    /// Files and folders, cleaned copies under `out`.
    Paths(Vec<PathBuf>),
}

/// Everything a `clean` run needs, resolved.
#[derive(Debug, Clone)]
pub struct Config {
    pub source: Source,
    pub out_dir: Option<PathBuf>,
    pub report: ReportTarget,
    pub summary: Option<PathBuf>,
    pub extensions: Vec<String>,
    pub mode: Mode,
    pub threads: usize,
    pub dry_run: bool,
    pub progress: bool,
    pub quiet: bool,
    pub skip_binary: bool,
    pub max_file_bytes: u64,
    /// How JSON Lines shards are read.
    pub records: crate::formats::RecordOptions,
    /// `--corpus-lines` settings, when the site-wide pass is on.
    pub corpus: Option<crate::corpus::CorpusOptions>,
    /// `--shard I/N`: this worker's share of the sorted inputs.
    pub shard: Option<crate::shard::Shard>,
    /// `--skip-existing`: replay files finished by an earlier run (see `resume`).
    pub skip_existing: bool,
    /// Follow symbolic links while walking.
    pub follow: bool,
    /// Declared input encoding; None reads UTF-8 (or UTF-16 by byte-order mark).
    pub encoding: Option<&'static encoding_rs::Encoding>,
}

impl Config {
    /// Resolve `clean` flags; `stdin_is_terminal` decides what an empty path list means.
    pub fn from_args(args: CleanArgs, stdin_is_terminal: bool) -> Result<Config, String> {
        let stdin_requested = args.paths.iter().any(|p| p == Path::new("-"));
        let source = if stdin_requested {
            if args.paths.len() > 1 {
                return Err("`-` (stdin) cannot be mixed with other paths".into());
            }
            Source::Stdin
        } else if args.paths.is_empty() {
            if stdin_is_terminal {
                return Err(
                    "no input: give files or folders, or pipe a document into `dehusk clean -`"
                        .into(),
                );
            }
            Source::Stdin
        } else {
            Source::Paths(args.paths)
        };

        let report_flag = args.report.map(|p| {
            if p == Path::new("-") {
                ReportTarget::Stderr
            } else {
                ReportTarget::File(p)
            }
        });
        let (out_dir, report, summary) = match &source {
            Source::Stdin => (None, report_flag.unwrap_or(ReportTarget::Nowhere), None),
            Source::Paths(_) => {
                let out = match (args.out, args.dry_run, &report_flag) {
                    (Some(out), _, _) => Some(out),
                    (None, true, Some(_)) => None,
                    (None, _, _) => {
                        return Err("--out DIR is required (or --dry-run with --report FILE)".into())
                    }
                };
                if let Some(out) = &out {
                    if out.is_file() {
                        return Err(format!(
                            "--out {} is an existing file, not a folder",
                            out.display()
                        ));
                    }
                }
                let name = |base| crate::shard::file_name(base, args.shard);
                let report = report_flag.unwrap_or_else(|| {
                    ReportTarget::File(out.as_ref().expect("checked above").join(name(REPORT_NAME)))
                });
                let summary = out.as_ref().map(|o| o.join(name(SUMMARY_NAME)));
                (out, report, summary)
            }
        };

        let extensions = args
            .ext
            .iter()
            .map(|e| e.trim().trim_start_matches('.').to_ascii_lowercase())
            .filter(|e| !e.is_empty())
            .collect();
        let threads = resolve_threads(args.threads)?;
        let (records, corpus) = resolve_corpus(&args.corpus, args.format, &source)?;
        if args.skip_existing && (out_dir.is_none() || args.dry_run) {
            return Err("--skip-existing needs --out DIR (and no --dry-run)".into());
        }
        if args.shard.is_some() && source == Source::Stdin {
            return Err("--shard splits files and folders, not stdin".into());
        }
        let encoding = args
            .encoding
            .as_deref()
            .map(crate::encoding::parse_label)
            .transpose()?
            .flatten();
        Ok(Config {
            source,
            out_dir,
            report,
            summary,
            extensions,
            mode: args.mode,
            threads,
            dry_run: args.dry_run,
            progress: !args.quiet && std::io::stderr().is_terminal(),
            quiet: args.quiet,
            skip_binary: args.skip_binary,
            max_file_bytes: args.max_file_bytes,
            records,
            corpus,
            shard: args.shard,
            skip_existing: args.skip_existing,
            follow: args.follow,
            encoding,
        })
    }

    /// The options worth recording in the summary (thread count left out: it changes nothing).
    pub fn options_json(&self) -> serde_json::Value {
        serde_json::json!({
            "mode": self.mode.as_str(),
            "extensions": self.extensions,
            "dry_run": self.dry_run,
            "skip_binary": self.skip_binary,
            "max_file_bytes": self.max_file_bytes,
            "text_field": self.records.text_field,
            "id_field": self.records.id_field,
            "max_doc_bytes": self.records.max_doc_bytes,
            "corpus_lines": self.corpus.as_ref().map(|c| serde_json::json!({
                "min_repeats": c.min_repeats,
                "min_share": c.min_share,
                "group_field": c.group_field,
            })),
            "follow": self.follow,
            "encoding": self.encoding.map_or("utf-8", |e| e.name()),
        })
    }
}

/// JSONL and corpus-pass flags, checked: the corpus pass needs files (it reads them twice).
pub fn resolve_corpus(
    args: &crate::cli::CorpusArgs,
    forced: Option<crate::formats::InputFormat>,
    source: &Source,
) -> Result<
    (
        crate::formats::RecordOptions,
        Option<crate::corpus::CorpusOptions>,
    ),
    String,
> {
    let records = crate::formats::RecordOptions {
        forced,
        text_field: args.text_field.clone(),
        id_field: args.id_field.clone(),
        max_doc_bytes: args.max_doc_bytes,
    };
    if !args.corpus_lines {
        return Ok((records, None));
    }
    if *source == Source::Stdin {
        return Err("--corpus-lines needs files or folders: it reads every document twice".into());
    }
    if args.min_repeats < 2 {
        return Err("--min-repeats must be at least 2".into());
    }
    if !(0.0..=1.0).contains(&args.min_share) {
        return Err("--min-share must be between 0 and 1".into());
    }
    let corpus = crate::corpus::CorpusOptions {
        min_repeats: args.min_repeats,
        min_share: args.min_share,
        group_field: args.group_field.clone(),
    };
    Ok((records, Some(corpus)))
}

/// `-j N` resolved: at least one thread; all cores when not given.
pub fn resolve_threads(requested: Option<usize>) -> Result<usize, String> {
    match requested {
        Some(0) => Err("--threads must be at least 1".into()),
        Some(n) => Ok(n),
        None => Ok(std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)),
    }
}
