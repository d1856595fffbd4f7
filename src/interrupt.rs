//! Ctrl-C and SIGTERM: stop cleanly, leaving only complete output files behind.
//!
//! The first signal sets a flag: no new file is started, files being written are finished
//! (each is published atomically or not at all), the report is discarded, and the run ends
//! with exit code 130. A rerun redoes the whole job. A second signal gives up at once, after
//! deleting the named temp files that are still open (unnamed ones, see `output/unnamed.rs`,
//! vanish with the process), so even then nothing half-written remains.

use std::collections::HashSet;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Mutex, Once};

static REQUESTED: AtomicBool = AtomicBool::new(false);
static SIGNALS: AtomicUsize = AtomicUsize::new(0);
static OPEN_TEMPS: TempRegistry = TempRegistry::new();
static INSTALL: Once = Once::new();

/// Exit status after an interrupt (128 + SIGINT, as shells report it).
pub const EXIT_STATUS: u8 = 130;

/// Install the handler (once per process; later calls do nothing). Returns an error message
/// if the platform refused, in which case Ctrl-C keeps its default behaviour.
pub fn install() -> Result<(), String> {
    let mut result = Ok(());
    INSTALL.call_once(|| {
        result = ctrlc::set_handler(on_signal).map_err(|e| format!("cannot handle Ctrl-C: {e}"));
    });
    result
}

fn on_signal() {
    REQUESTED.store(true, Ordering::SeqCst);
    if SIGNALS.fetch_add(1, Ordering::SeqCst) == 0 {
        eprintln!(
            "\ndehusk: interrupted: finishing the files in progress (Ctrl-C again to stop at once)"
        );
        return;
    }
    OPEN_TEMPS.remove_all();
    eprintln!("\ndehusk: interrupted twice: stopped at once, temp files removed");
    std::process::exit(i32::from(EXIT_STATUS));
}

/// True once an interrupt was requested.
pub fn requested() -> bool {
    REQUESTED.load(Ordering::SeqCst)
}

/// The error a run returns when it stopped on an interrupt; `main` maps it to [`EXIT_STATUS`].
pub fn error() -> io::Error {
    io::Error::new(
        io::ErrorKind::Interrupted,
        "interrupted: no report written; rerun to complete the job",
    )
}

/// True when `error` is the one [`error`] makes.
pub fn is_interrupt(error: &io::Error) -> bool {
    error.kind() == io::ErrorKind::Interrupted
}

/// Remember a temp file being written, so a second signal can delete it.
pub fn track(path: &Path) {
    OPEN_TEMPS.insert(path);
}

/// Create a temp file with `make` and register it while holding the registry, so a second
/// signal's cleanup either runs first (and creation is refused) or sees the new file: none
/// slips between creation and registration.
pub fn create_tracked<T>(
    make: impl FnOnce() -> io::Result<T>,
    path_of: impl Fn(&T) -> &Path,
) -> io::Result<T> {
    OPEN_TEMPS.create(make, path_of)
}

/// Forget a temp file that was published or removed.
pub fn untrack(path: &Path) {
    OPEN_TEMPS.remove(path);
}

/// Paths of temp files still being written. Once emptied by [`TempRegistry::remove_all`] it is
/// closed: a temp file created afterwards (by a worker racing the exit) is deleted at once.
struct TempRegistry(Mutex<(bool, Option<HashSet<PathBuf>>)>);

impl TempRegistry {
    const fn new() -> Self {
        TempRegistry(Mutex::new((false, None)))
    }

    fn insert(&self, path: &Path) {
        if let Ok(mut guard) = self.0.lock() {
            let (closed, open) = &mut *guard;
            if *closed {
                let _ = std::fs::remove_file(path);
            } else {
                open.get_or_insert_with(HashSet::new)
                    .insert(path.to_path_buf());
            }
        }
    }

    fn create<T>(
        &self,
        make: impl FnOnce() -> io::Result<T>,
        path_of: impl Fn(&T) -> &Path,
    ) -> io::Result<T> {
        let mut guard = self.0.lock().map_err(|_| error())?;
        let (closed, open) = &mut *guard;
        if *closed {
            return Err(error());
        }
        let made = make()?;
        open.get_or_insert_with(HashSet::new)
            .insert(path_of(&made).to_path_buf());
        Ok(made)
    }

    fn remove(&self, path: &Path) {
        if let Ok(mut guard) = self.0.lock() {
            if let Some(set) = guard.1.as_mut() {
                set.remove(path);
            }
        }
    }

    /// Delete every registered file and close the registry; returns how many were removed.
    fn remove_all(&self) -> usize {
        let Ok(mut guard) = self.0.lock() else {
            return 0;
        };
        guard.0 = true;
        guard
            .1
            .take()
            .unwrap_or_default()
            .iter()
            .filter(|path| std::fs::remove_file(path).is_ok())
            .count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tracked_temps_are_removed_and_untracked_ones_kept() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a.tmp"), dir.path().join("b.tmp"));
        std::fs::write(&a, "partial").unwrap();
        std::fs::write(&b, "published").unwrap();
        let registry = TempRegistry::new();
        registry.insert(&a);
        registry.insert(&b);
        registry.remove(&b);
        assert_eq!(registry.remove_all(), 1);
        assert!(!a.exists());
        assert!(b.exists());
        let late = dir.path().join("late.tmp");
        std::fs::write(&late, "racing the exit").unwrap();
        registry.insert(&late);
        assert!(
            !late.exists(),
            "a closed registry deletes new temp files at once"
        );
        assert!(is_interrupt(&error()));
    }
}
