//! One job: read the file, clean it (whole, or window by window when it is big) and write
//! its copy. Every failure becomes an [`Outcome`]; nothing here panics on bad input.

use super::input::with_file_bytes;
use crate::config::Config;
use crate::corpus::{group_key, pass::folder_of, CorpusIndex};
use crate::encoding;
use crate::output::{write_atomic, ErrorKind};
use crate::pipeline::Removal;
use crate::stream::{self, Spool, StreamError};
use crate::walk::Job;
use indicatif::ProgressBar;
use std::fs::File;
use std::io;

/// What happened to one file.
pub(super) enum Outcome {
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

/// Read, clean and write one file. Never panics on bad input; every failure is an outcome.
/// None when an interrupt stopped a streamed file halfway (nothing of it was published).
pub(super) fn process(
    job: &Job,
    config: &Config,
    corpus: Option<&CorpusIndex>,
    progress: &ProgressBar,
) -> Option<Outcome> {
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
    let result = with_file_bytes(file, size as usize, |bytes| {
        clean_bytes(job, bytes, config, corpus, target.as_deref())
    });
    match result {
        Ok(outcome) => outcome,
        Err(e) => failed(ErrorKind::Unreadable, e.to_string()),
    }
}

/// The read file `bytes` cleaned and written to `target` (none for a dry run).
fn clean_bytes(
    job: &Job,
    bytes: &[u8],
    config: &Config,
    corpus: Option<&CorpusIndex>,
    target: Option<&std::path::Path>,
) -> Outcome {
    if encoding::is_binary(bytes, config.encoding) {
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
            index.findings(group_key(&folder_of(&job.display())), bytes, opts)
        }
        _ => Vec::new(),
    };
    let cleaned = encoding::clean(bytes, config.mode, config.encoding, &extra);
    if let (Some(target), false) = (target, config.dry_run) {
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

/// A job that failed with `kind`, and the message saying why.
fn failed(kind: ErrorKind, message: String) -> Outcome {
    Outcome::Failed { kind, message }
}
