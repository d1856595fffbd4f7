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
                return Err("no input: give files or folders, or pipe a document into `dehusk clean -`".into());
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
                        return Err(format!("--out {} is an existing file, not a folder", out.display()));
                    }
                }
                let report = report_flag
                    .unwrap_or_else(|| ReportTarget::File(out.as_ref().expect("checked above").join(REPORT_NAME)));
                let summary = out.as_ref().map(|o| o.join(SUMMARY_NAME));
                (out, report, summary)
            }
        };

        let extensions = args
            .ext
            .iter()
            .map(|e| e.trim().trim_start_matches('.').to_ascii_lowercase())
            .filter(|e| !e.is_empty())
            .collect();
        let threads = match args.threads {
            Some(0) => return Err("--threads must be at least 1".into()),
            Some(n) => n,
            None => std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1),
        };
        let encoding = args.encoding.as_deref().map(crate::encoding::parse_label).transpose()?.flatten();
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
            "follow": self.follow,
            "encoding": self.encoding.map_or("utf-8", |e| e.name()),
        })
    }
}
