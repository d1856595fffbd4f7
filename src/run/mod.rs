//! The `clean` run: sorted jobs, cleaned in parallel chunks, results gathered in order.
//!
//! Workers read, clean and write each file's copy; the report records of a chunk are
//! written in job order while the workers clean the next chunk, so the report is identical
//! whatever the thread count and memory stays bounded by two chunks of documents.

use crate::config::{Config, ReportTarget, Source};
use crate::corpus::CorpusIndex;
use crate::interrupt;
use crate::output::{write_atomic, ErrorKind, ReportWriter, Summary};
use crate::stream::{self, StreamError};
use crate::walk::{walk, Job, Walked};
use collect::Collected;
use feed::Feed;
use process::{process, Outcome};
use rayon::prelude::*;
use std::io::{self, Write};
use std::time::Instant;

mod collect;
mod feed;
mod input;
mod process;
mod progress;

/// Jobs cleaned between two ordered flushes of the report.
const CHUNK: usize = 256;

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
