//! The `clean` run: sorted jobs, cleaned in parallel chunks, results gathered in order.
//!
//! Workers read, clean and write each file's copy; the report records of a chunk are
//! written in job order while the workers clean the next chunk, so the report is identical
//! whatever the thread count and memory stays bounded by two chunks of documents.

use crate::config::{Config, ReportTarget, Source};
use crate::corpus::{group_key, pass::folder_of, CorpusIndex};
use crate::encoding;
use crate::interrupt;
use crate::output::{write_atomic, ErrorKind, ReportWriter, Summary};
use crate::pipeline::Removal;
use crate::stream::{self, Spool, StreamError};
use crate::walk::{walk, Job, Walked};
use feed::Feed;
use indicatif::ProgressBar;
use input::read_sized;
use rayon::prelude::*;
use std::fs::File;
use std::io::{self, Write};
use std::time::Instant;

mod feed;
mod input;
mod progress;

/// Jobs cleaned between two ordered flushes of the report.
const CHUNK: usize = 256;

/// What happened to one file.
enum Outcome {
    Cleaned {
        bytes_in: usize,
        bytes_out: usize,
        lines_in: usize,
        lines_out: usize,
        removals: Vec<Removal>,
        /// A streamed file's earlier removals, already rendered (see [`crate::stream`]).
        spool: Option<Spool>,
    },
    Failed {
        kind: ErrorKind,
        message: String,
    },
    Skipped {
        kind: ErrorKind,
    },
}

/// Totals of a finished run.
pub struct RunResult {
    pub summary: Summary,
    /// The first report records, when the report target is a sample (`dehusk check`).
    pub sample: Vec<serde_json::Value>,
}

/// Run `clean` as configured. Returns Err only when the run itself cannot proceed
/// (the report or summary cannot be written); per-file problems are counted instead.
pub fn run_clean(config: &Config) -> io::Result<RunResult> {
    match &config.source {
        Source::Stdin => run_stdin(config),
        Source::Paths(paths) => run_paths(paths, config),
    }
}

fn run_stdin(config: &Config) -> io::Result<RunResult> {
    if config.records.forced == Some(crate::formats::InputFormat::Jsonl) {
        let mut summary = Summary {
            files: 1,
            ..Default::default()
        };
        let mut report = open_report(config)?;
        crate::formats::shard::run_stdin(config, &mut report, &mut summary)?;
        let sample = report.finish()?;
        return Ok(RunResult { summary, sample });
    }
    let mut summary = Summary {
        files: 1,
        ..Default::default()
    };
    let mut report = open_report(config)?;
    let mut stdout = io::stdout().lock();
    let no_corpus = |_: &[u8]| Vec::new();
    // Cleaned window by window: a pipe of any length streams through in bounded memory.
    let streamed = stream::clean_stream(
        io::stdin().lock(),
        "-",
        None,
        config,
        &no_corpus,
        &|_| {},
        |b| {
            stdout
                .write_all(b)
                .map_err(|e| StreamError::Failed(ErrorKind::WriteFailed, e.to_string()))
        },
    );
    match streamed {
        Ok(done) => {
            stdout.flush()?;
            if let Some(spool) = done.spool {
                summary.add_rule_counts(&spool.by_rule);
                report.append_rendered(spool.into_reader()?)?;
            }
            report.write_document("-", &done.removals)?;
            summary.add_document(
                done.bytes_in,
                done.bytes_out,
                done.lines_in,
                done.lines_out,
                &done.removals,
            );
        }
        Err(StreamError::Binary(start)) => {
            if !config.skip_binary {
                eprintln!("dehusk: error: -: binary input (NUL bytes), passed through unchanged");
                summary.add_error(ErrorKind::Binary);
            }
            stdout.write_all(&start)?;
            io::copy(&mut io::stdin().lock(), &mut stdout)?;
            stdout.flush()?;
        }
        Err(StreamError::Failed(_, message)) => return Err(io::Error::other(message)),
        Err(StreamError::Interrupted) => return Err(interrupt::error()),
    }
    let sample = report.finish()?;
    Ok(RunResult { summary, sample })
}

fn run_paths(paths: &[std::path::PathBuf], config: &Config) -> io::Result<RunResult> {
    crate::safety::check(paths, config, || walk(paths, config)).map_err(io::Error::other)?;
    run_jobs(|| walk(paths, config), config)
}

/// Clean the jobs of a walk, counting what the walk met too. `walk` starts a walk; the run
/// walks once to clean, once more (before) for the corpus pass of `--corpus-lines`, and once
/// more (alongside) for the progress bar's total. Public so tests can change the file system
/// between a walk and the run (a file vanishing mid-run).
pub fn run_jobs<W, I>(walk: W, config: &Config) -> io::Result<RunResult>
where
    W: Fn() -> I + Sync,
    I: Iterator<Item = Walked> + Send,
{
    let started = Instant::now();
    let mut summary = Summary::default();
    let mut report = open_report(config)?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(config.threads)
        .build()
        .map_err(|e| io::Error::other(e.to_string()))?;

    // The corpus pass counts the whole corpus, whatever the shard: same verdicts as one run.
    let corpus = config.corpus.as_ref().map(|_| {
        let jobs = walk().filter_map(Walked::into_job);
        crate::corpus::pass::build_index(jobs, config, &pool)
    });
    let resume = crate::resume::Resume::new(config);
    let progress = progress::bar(config);
    let totals = progress::Totals::default();
    let mut feed = Feed::new(walk(), config.shard, &progress);
    let cleaned = std::thread::scope(|scope| {
        if config.progress {
            scope.spawn(|| totals.count(walk(), config.shard, &progress));
        }
        let mut collected = Collected {
            report: &mut report,
            summary: &mut summary,
            resume: resume.as_ref(),
            progress: &progress,
            totals: &totals,
            files_done: 0,
        };
        let cleaned = clean_jobs(&mut feed, config, corpus.as_ref(), &pool, &mut collected);
        totals.stop();
        cleaned
    });
    feed.finish(&mut summary);
    cleaned?;
    progress.finish_and_clear();
    if interrupt::requested() {
        return Err(interrupt::error());
    }
    let sample = report.finish()?;
    if let Some(path) = &config.summary {
        let mut json = summary.to_json(config.options_json());
        if let Some(index) = &corpus {
            json["corpus"] = serde_json::json!({"groups": index.groups(), "distinct_lines": index.distinct_lines()});
        }
        if let Some(shard) = config.shard {
            json["shard"] = shard.to_json();
        }
        let mut text = serde_json::to_vec_pretty(&json)?;
        text.push(b'\n');
        write_atomic(path, &text)?;
    }
    if !config.quiet {
        eprint!("{}", summary.human(started.elapsed().as_secs_f64()));
        if let Some(index) = &corpus {
            eprintln!(
                "dehusk: corpus pass: {} groups, {} distinct lines",
                index.groups(),
                index.distinct_lines()
            );
        }
    }
    Ok(RunResult { summary, sample })
}

/// Clean every job of `jobs` in chunks, reporting each chunk in job order while the workers
/// clean the next one, so they do not wait for the report at every chunk.
fn clean_jobs(
    jobs: &mut impl Iterator<Item = Job>,
    config: &Config,
    corpus: Option<&CorpusIndex>,
    pool: &rayon::ThreadPool,
    collected: &mut Collected,
) -> io::Result<()> {
    let resume = collected.resume;
    let done = |job: &Job| resume.is_some_and(|r| r.done(job).is_some());
    let progress = collected.progress;
    let mut jobs = jobs.peekable();
    let mut pending: Option<(Vec<Job>, Vec<Outcome>)> = None;
    while let Some(job) = jobs.next() {
        // After an interrupt no new file is started; the run stops with what is complete.
        if interrupt::requested() {
            break;
        }
        let jsonl = config.records.is_jsonl(job.input());
        if done(&job) || jsonl {
            // These write to the report at once: the chunk before them goes first.
            if let Some((chunk, outcomes)) = pending.take() {
                collected.add_chunk(&chunk, outcomes)?;
            }
        }
        if let Some(resume) = resume {
            if resume.replay(&job, collected.report, collected.summary)? {
                collected.advance(&job);
                continue;
            }
        }
        if jsonl {
            let Collected {
                report, summary, ..
            } = &mut *collected;
            progress.suspend(|| {
                crate::resume::record(resume, &job, report, summary, |report, summary| {
                    summary.files += 1;
                    crate::formats::shard::process_shard(
                        &job, config, corpus, pool, report, summary,
                    )
                })
            })?;
            collected.advance(&job);
            continue;
        }
        // A chunk of plain files: up to the next shard or finished file.
        let mut chunk = vec![job];
        while chunk.len() < CHUNK {
            match jobs.next_if(|j| !config.records.is_jsonl(j.input()) && !done(j)) {
                Some(job) => chunk.push(job),
                None => break,
            }
        }
        let previous = pending.take();
        let (outcomes, reported) = pool.install(|| {
            rayon::join(
                || {
                    chunk
                        .par_iter()
                        .map(|job| {
                            if interrupt::requested() {
                                return None;
                            }
                            process(job, config, corpus, progress)
                        })
                        .collect::<Option<Vec<Outcome>>>()
                },
                || match previous {
                    Some((chunk, outcomes)) => collected.add_chunk(&chunk, outcomes),
                    None => Ok(()),
                },
            )
        });
        reported?;
        let Some(outcomes) = outcomes else { break };
        pending = Some((chunk, outcomes));
    }
    // What was cleaned is reported, also when an interrupt stopped the run.
    if let Some((chunk, outcomes)) = pending.take() {
        collected.add_chunk(&chunk, outcomes)?;
    }
    Ok(())
}

/// Read, clean and write one file. Never panics on bad input; every failure is an outcome.
/// None when an interrupt stopped a streamed file halfway (nothing of it was published).
fn process(
    job: &Job,
    config: &Config,
    corpus: Option<&CorpusIndex>,
    progress: &ProgressBar,
) -> Option<Outcome> {
    let failed = |kind, message: String| Outcome::Failed { kind, message };
    // Opened once: its size comes from the open file, not from a lookup by path first.
    let file = match File::open(job.input()) {
        Ok(file) => file,
        Err(e) => return Some(failed(ErrorKind::Unreadable, e.to_string())),
    };
    let size = match file.metadata() {
        Ok(m) => m.len(),
        Err(e) => return Some(failed(ErrorKind::Unreadable, e.to_string())),
    };
    if size <= config.max_file_bytes && size > stream::STREAM_ABOVE {
        drop(file);
        return process_streamed(job, config, corpus, progress);
    }
    Some(process_whole(job, file, config, corpus, size))
}

/// A file bigger than one window, cleaned window by window from disk.
fn process_streamed(
    job: &Job,
    config: &Config,
    corpus: Option<&CorpusIndex>,
    progress: &ProgressBar,
) -> Option<Outcome> {
    let target = config.out_dir.as_ref().map(|o| o.join(job.relative()));
    let target = target.as_deref().filter(|_| !config.dry_run);
    let group = group_key(&folder_of(&job.display()));
    let extra_for = |window: &[u8]| match (corpus, &config.corpus) {
        (Some(index), Some(opts)) => index.findings(group, window, opts),
        _ => Vec::new(),
    };
    // The bar moves window by window; the main loop counts the whole file when it records
    // the outcome, so this preview is taken back at the end.
    let shown = std::cell::Cell::new(0u64);
    let on_window = |bytes: usize| {
        progress.inc(bytes as u64);
        shown.set(shown.get() + bytes as u64);
    };
    let result = stream::clean_file(
        job.input(),
        &job.display(),
        target,
        config,
        &extra_for,
        &on_window,
    );
    progress.dec(shown.get());
    match result {
        Ok(done) => Some(Outcome::Cleaned {
            bytes_in: done.bytes_in,
            bytes_out: done.bytes_out,
            lines_in: done.lines_in,
            lines_out: done.lines_out,
            removals: done.removals,
            spool: done.spool,
        }),
        Err(StreamError::Binary(_)) if config.skip_binary => Some(Outcome::Skipped {
            kind: ErrorKind::Binary,
        }),
        Err(StreamError::Binary(_)) => Some(Outcome::Failed {
            kind: ErrorKind::Binary,
            message: "binary file (NUL bytes near the start), skipped".into(),
        }),
        Err(StreamError::Failed(kind, message)) => Some(Outcome::Failed { kind, message }),
        Err(StreamError::Interrupted) => None,
    }
}

/// A file read whole, cleaned and written in one go.
fn process_whole(
    job: &Job,
    mut file: File,
    config: &Config,
    corpus: Option<&CorpusIndex>,
    size: u64,
) -> Outcome {
    let failed = |kind, message: String| Outcome::Failed { kind, message };
    let target = config.out_dir.as_ref().map(|o| o.join(job.relative()));
    if size > config.max_file_bytes {
        if let (Some(target), false) = (&target, config.dry_run) {
            if let Err(e) = copy_atomic(&mut file, target) {
                return failed(
                    ErrorKind::WriteFailed,
                    format!("copying a too-large file: {e}"),
                );
            }
        }
        return failed(
            ErrorKind::TooLarge,
            format!(
                "{size} bytes is over --max-file-bytes {}; copied through unchanged",
                config.max_file_bytes
            ),
        );
    }
    let bytes = match read_sized(&mut file, size as usize) {
        Ok(bytes) => bytes,
        Err(e) => return failed(ErrorKind::Unreadable, e.to_string()),
    };
    drop(file);
    if encoding::is_binary(&bytes, config.encoding) {
        if config.skip_binary {
            return Outcome::Skipped {
                kind: ErrorKind::Binary,
            };
        }
        return failed(
            ErrorKind::Binary,
            "binary file (NUL bytes near the start), skipped".into(),
        );
    }
    let extra = match (corpus, &config.corpus) {
        (Some(index), Some(opts)) => {
            index.findings(group_key(&folder_of(&job.display())), &bytes, opts)
        }
        _ => Vec::new(),
    };
    let cleaned = encoding::clean(&bytes, config.mode, config.encoding, &extra);
    if let (Some(target), false) = (&target, config.dry_run) {
        if let Err(e) = write_atomic(target, &cleaned.output) {
            return failed(
                ErrorKind::WriteFailed,
                format!("writing {}: {e}", target.display()),
            );
        }
    }
    Outcome::Cleaned {
        bytes_in: bytes.len(),
        bytes_out: cleaned.output.len(),
        lines_in: cleaned.lines_in,
        lines_out: cleaned.lines_out,
        removals: cleaned.removals,
        spool: None,
    }
}

fn copy_atomic(source: &mut File, to: &std::path::Path) -> io::Result<()> {
    let mut target = crate::output::AtomicFile::create(to)?;
    io::copy(source, &mut target)?;
    target.commit()
}

fn open_report(config: &Config) -> io::Result<ReportWriter> {
    match &config.report {
        ReportTarget::File(path) => ReportWriter::to_file(path).map_err(|e| {
            io::Error::new(
                e.kind(),
                format!("cannot create the report {}: {e}", path.display()),
            )
        }),
        ReportTarget::Stderr => Ok(ReportWriter::Stderr(io::stderr())),
        ReportTarget::Sample(limit) => Ok(ReportWriter::Sample {
            limit: *limit,
            records: Vec::new(),
        }),
        ReportTarget::Nowhere => Ok(ReportWriter::Nowhere),
    }
}

/// Where finished jobs go, in job order: the report, the summary, the resume journal and
/// the progress bar.
struct Collected<'a> {
    report: &'a mut ReportWriter,
    summary: &'a mut Summary,
    resume: Option<&'a crate::resume::Resume>,
    progress: &'a ProgressBar,
    totals: &'a progress::Totals,
    files_done: usize,
}

impl Collected<'_> {
    /// Report a cleaned chunk, job by job.
    fn add_chunk(&mut self, chunk: &[Job], outcomes: Vec<Outcome>) -> io::Result<()> {
        for (job, outcome) in chunk.iter().zip(outcomes) {
            let progress = self.progress;
            crate::resume::record(
                self.resume,
                job,
                self.report,
                self.summary,
                |report, summary| {
                    summary.files += 1;
                    match outcome {
                        Outcome::Cleaned {
                            bytes_in,
                            bytes_out,
                            lines_in,
                            lines_out,
                            removals,
                            spool,
                        } => {
                            if let Some(spool) = spool {
                                summary.add_rule_counts(&spool.by_rule);
                                report.append_rendered(spool.into_reader()?)?;
                            }
                            report.write_document(&job.display(), &removals)?;
                            summary
                                .add_document(bytes_in, bytes_out, lines_in, lines_out, &removals);
                        }
                        Outcome::Failed { kind, message } => {
                            progress.suspend(|| {
                                eprintln!("dehusk: error: {}: {message}", job.display())
                            });
                            summary.add_error(kind);
                        }
                        Outcome::Skipped { kind } => summary.add_skipped(kind),
                    }
                    Ok(())
                },
            )?;
            self.advance(job);
        }
        Ok(())
    }

    /// Count `job` as finished on the progress bar.
    fn advance(&mut self, job: &Job) {
        self.files_done += 1;
        self.progress.inc(job.size);
        if !self.progress.is_hidden() {
            self.progress
                .set_message(self.totals.message(self.files_done));
        }
    }
}
