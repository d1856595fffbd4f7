//! The progress bar: bytes cleaned against a total that a second walk counts in the background.
//!
//! The run starts cleaning at once instead of walking the whole corpus first; the bar shows
//! bytes and files done, and gains its total and ETA when the counting walk is through.

use crate::config::Config;
use crate::shard::Shard;
use crate::walk::Walked;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// A bar on stderr when progress is asked for (a terminal), a hidden one otherwise.
pub(super) fn bar(config: &Config) -> ProgressBar {
    if !config.progress {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    bar.set_style(
        ProgressStyle::with_template(
            "{spinner} [{elapsed_precise}] {wide_bar} {msg} {bytes}/{total_bytes} {binary_bytes_per_sec} ETA {eta}",
        )
        .expect("valid progress template"),
    );
    bar
}

/// Files and bytes of this shard's jobs, counted by a walk of their own.
#[derive(Default)]
pub(super) struct Totals {
    /// Files to clean; 0 until the count is through.
    files: AtomicUsize,
    /// Set when the run is over: the count stops where it is.
    stop: AtomicBool,
}

impl Totals {
    /// Walk `items` to the end (or until [`Totals::stop`]) and give `bar` its length.
    pub fn count(
        &self,
        items: impl Iterator<Item = Walked>,
        shard: Option<Shard>,
        bar: &ProgressBar,
    ) {
        let (mut files, mut bytes) = (0usize, 0u64);
        for (k, job) in items.filter_map(Walked::into_job).enumerate() {
            if self.stop.load(Ordering::Relaxed) {
                return;
            }
            if shard.is_none_or(|s| s.takes(k)) {
                files += 1;
                bytes += job.size;
            }
        }
        bar.set_length(bytes);
        self.files.store(files, Ordering::Relaxed);
    }

    pub fn stop(&self) {
        self.stop.store(true, Ordering::Relaxed);
    }

    /// The bar's message after `done` files.
    pub fn message(&self, done: usize) -> String {
        match self.files.load(Ordering::Relaxed) {
            0 => format!("{done} files"),
            files => format!("{done}/{files} files"),
        }
    }
}
