//! Command-line surface (clap derive): flags and help text only; `config` resolves them.

use crate::decide::Mode;
use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

/// Strip boilerplate from scraped text: navigation, promos, captions, teasers, duplicates.
///
/// dehusk reads plain-text documents (one block or paragraph per line), drops the lines that
/// are chaff, writes a cleaned copy of each document and a report saying, line by line, what
/// was removed and why.
#[derive(Debug, Parser)]
#[command(name = "dehusk", version, about, long_about = None, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Clean files and folders into --out, or stdin to stdout.
    Clean(CleanArgs),
    /// List every rule with its category and what it catches.
    Rules,
    /// Print every line of a document with its verdict, rule and score.
    Explain(ExplainArgs),
    /// CI gate: clean in memory, write nothing, exit 1 when too much would be removed.
    Check(crate::check::CheckArgs),
    /// Merge the reports and summaries of shard runs into those of a single run.
    MergeReports(crate::merge::MergeArgs),
}

#[derive(Debug, Args)]
pub struct CleanArgs {
    /// Files and folders to clean; `-` (or nothing, with piped stdin) reads one document from stdin.
    pub paths: Vec<PathBuf>,

    /// Folder for the cleaned copies, mirroring each input's layout below its root.
    #[arg(short, long, value_name = "DIR")]
    pub out: Option<PathBuf>,

    /// Where to write the JSON Lines report [default: DIR/dehusk-report.jsonl]; `-` for stderr.
    #[arg(long, value_name = "FILE")]
    pub report: Option<PathBuf>,

    /// File extensions taken when walking folders (comma-separated or repeated).
    #[arg(long, value_name = "EXT", value_delimiter = ',', default_value = DEFAULT_EXTENSIONS)]
    pub ext: Vec<String>,

    /// How eager to drop: precision drops when in doubt, recall only drops clear chaff.
    #[arg(long, value_enum, default_value_t = Mode::Balanced)]
    pub mode: Mode,

    /// Worker threads [default: all cores].
    #[arg(short = 'j', long, value_name = "N")]
    pub threads: Option<usize>,

    /// Write the report and summary only, no cleaned copies.
    #[arg(long)]
    pub dry_run: bool,

    /// No progress bar and no closing summary on stderr.
    #[arg(short, long)]
    pub quiet: bool,

    /// Skip binary files silently instead of counting them as errors.
    #[arg(long)]
    pub skip_binary: bool,

    /// Files larger than this are copied through untouched and counted as errors.
    #[arg(long, value_name = "BYTES", default_value_t = 256 * 1024 * 1024)]
    pub max_file_bytes: u64,

    /// Read every input (and stdin) as this format instead of going by file name.
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<crate::formats::InputFormat>,

    /// Clean only this worker's share of the inputs: file k of the sorted list goes to shard k mod N.
    #[arg(long, value_name = "I/N")]
    pub shard: Option<crate::shard::Shard>,

    /// Resumable run: skip files finished by an earlier run (marked under DIR/.dehusk-done).
    #[arg(long)]
    pub skip_existing: bool,

    /// Follow symbolic links when walking folders (loops are detected and reported).
    #[arg(long)]
    pub follow: bool,

    /// Encoding the heuristics read the input in (a WHATWG label such as windows-1252, latin1,
    /// utf-16le) [default: utf-8, or utf-16 by byte-order mark]. Output bytes are never transcoded.
    #[arg(long, value_name = "LABEL")]
    pub encoding: Option<String>,

    #[command(flatten)]
    pub corpus: CorpusArgs,
}

/// Plain text plus JSON Lines shards, compressed or not.
pub const DEFAULT_EXTENSIONS: &str = "txt,jsonl,jsonl.gz,jsonl.zst";

/// JSON Lines fields and the site-wide pass, shared by `clean` and `check`.
#[derive(Debug, Args)]
pub struct CorpusArgs {
    /// JSONL field holding the document text (CCNet: raw_content).
    #[arg(long, value_name = "NAME", default_value = "text")]
    pub text_field: String,

    /// JSONL field holding the document id, copied into the report.
    #[arg(long, value_name = "NAME", default_value = "id")]
    pub id_field: String,

    /// A JSONL record longer than this is passed through untouched (a warning).
    #[arg(long, value_name = "BYTES", default_value_t = crate::formats::DEFAULT_MAX_DOC_BYTES)]
    pub max_doc_bytes: u64,

    /// First count lines across the documents of each group (folder, or --group-field), then
    /// drop lines repeated site-wide (rule duplicate.site_wide).
    #[arg(long)]
    pub corpus_lines: bool,

    /// With --corpus-lines: a line must appear in at least this many documents of its group.
    #[arg(long, value_name = "N", default_value_t = 3)]
    pub min_repeats: u32,

    /// With --corpus-lines: ... and in at least this share of the group's documents.
    #[arg(long, value_name = "SHARE", default_value_t = 0.05)]
    pub min_share: f64,

    /// With --corpus-lines: JSONL field naming a record's group (e.g. domain) [default: the folder].
    #[arg(long, value_name = "NAME")]
    pub group_field: Option<String>,
}

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The document to explain (`-` for stdin).
    pub file: PathBuf,

    /// Mode whose verdicts to show.
    #[arg(long, value_enum, default_value_t = Mode::Balanced)]
    pub mode: Mode,

    /// Show only dropped lines.
    #[arg(long)]
    pub dropped: bool,

    /// One JSON object per line (line, keep, rule, category, score, prose, in_body, findings, text).
    #[arg(long)]
    pub json: bool,
}
