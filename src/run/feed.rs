//! The walk as the run sees it: this shard's jobs, with walk errors and skipped symlinks told and counted on the way.

use crate::output::{ErrorKind, Summary};
use crate::shard::Shard;
use crate::walk::{Job, Walked};
use indicatif::ProgressBar;

/// Skipped symlinks named one by one on stderr; past this many, the rest are only counted.
const SYMLINKS_NAMED: usize = 5;

/// Jobs of the walk for this run. Errors are printed as they are met and counted; with
/// `--shard`, only shard 0 tells and counts them, so merged shards count each once.
pub(super) struct Feed<I> {
    items: I,
    shard: Option<Shard>,
    /// Jobs walked so far, every shard's (the position that picks the shard).
    walked: usize,
    tells_walk: bool,
    errors: Vec<ErrorKind>,
    symlinks: usize,
    progress: ProgressBar,
}

impl<I: Iterator<Item = Walked>> Feed<I> {
    pub fn new(items: I, shard: Option<Shard>, progress: &ProgressBar) -> Feed<I> {
        Feed {
            items,
            shard,
            walked: 0,
            tells_walk: shard.is_none_or(|s| s.counts_walk_errors()),
            errors: Vec::new(),
            symlinks: 0,
            progress: progress.clone(),
        }
    }

    /// Add what the walk met to `summary`, and count the symlinks not named one by one
    /// (a million links make six lines).
    pub fn finish(self, summary: &mut Summary) {
        for kind in self.errors {
            summary.add_error(kind);
        }
        for _ in 0..self.symlinks {
            summary.add_skipped(ErrorKind::Symlink);
        }
        if self.symlinks > SYMLINKS_NAMED {
            eprintln!(
                "dehusk: note: and {} more symlinks not followed ({} in all, counted as skipped.symlink in the summary)",
                self.symlinks - SYMLINKS_NAMED,
                self.symlinks
            );
        }
    }
}

impl<I: Iterator<Item = Walked>> Iterator for Feed<I> {
    type Item = Job;

    fn next(&mut self) -> Option<Job> {
        loop {
            match self.items.next()? {
                Walked::Job(job) => {
                    let k = self.walked;
                    self.walked += 1;
                    if self.shard.is_none_or(|s| s.takes(k)) {
                        return Some(job);
                    }
                }
                Walked::Error(error) if self.tells_walk => {
                    self.progress.suspend(|| {
                        eprintln!("dehusk: error: {}: {}", error.display, error.message)
                    });
                    self.errors.push(error.kind);
                }
                Walked::SkippedSymlink(link) if self.tells_walk => {
                    self.symlinks += 1;
                    if self.symlinks <= SYMLINKS_NAMED {
                        self.progress.suspend(|| {
                            eprintln!(
                                "dehusk: note: {link}: symlink not followed (pass --follow to clean what it leads to)"
                            )
                        });
                    }
                }
                Walked::Error(_) | Walked::SkippedSymlink(_) => {}
            }
        }
    }
}
