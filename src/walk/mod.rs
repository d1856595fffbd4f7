//! Inputs to jobs: walk folders (sorted, no hidden files, symlinks only with --follow), map each file to its output path.
//!
//! The walk is a stream: jobs are handed out as they are found, in the byte order of their
//! paths, so a run over millions of files never holds their list.
//!
//! Without --follow, a symlink met in a folder is left alone but not silently: one that leads to
//! a folder, or whose name carries a cleaned extension, is handed out as [`Walked::SkippedSymlink`] so the run
//! can count it and tell the user that --follow would take it in.

mod root;

use crate::config::Config;
use crate::output::ErrorKind;
use root::RootWalk;
use std::collections::{HashSet, VecDeque};
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};

/// One file to clean. A job keeps one path and derives the rest from it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Job {
    /// Where to read it.
    input: PathBuf,
    /// Trailing components of `input` that make the output path.
    relative_components: usize,
    /// Size when walked, for the progress bar only (0 when the bar is off, which saves a
    /// stat per file; the worker takes the size from the file it opens).
    pub size: u64,
}

impl Job {
    /// A job for `input`, whose last `relative_components` components name its copy.
    pub fn new(input: PathBuf, relative_components: usize, size: u64) -> Job {
        Job {
            input,
            relative_components,
            size,
        }
    }

    /// Where to read it.
    pub fn input(&self) -> &Path {
        &self.input
    }

    /// Where its cleaned copy goes, relative to the output folder.
    pub fn relative(&self) -> &Path {
        let root = self
            .input
            .ancestors()
            .nth(self.relative_components)
            .unwrap_or(Path::new(""));
        self.input.strip_prefix(root).unwrap_or(&self.input)
    }

    /// The input path as shown in messages and the report.
    pub fn display(&self) -> String {
        self.input.to_string_lossy().into_owned()
    }
}

/// A problem met while walking, reported against a path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WalkError {
    pub display: String,
    pub kind: ErrorKind,
    pub message: String,
}

/// One thing a walk meets, in walk order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Walked {
    /// A file to clean.
    Job(Job),
    /// A problem, reported against a path.
    Error(WalkError),
    /// A symlink not followed (no --follow) that leads to a folder or is named like a cleaned
    /// file, dangling ones included: its display path.
    SkippedSymlink(String),
}

impl Walked {
    /// The job, when this is one.
    pub fn into_job(self) -> Option<Job> {
        match self {
            Walked::Job(job) => Some(job),
            _ => None,
        }
    }
}

/// Every file of `paths` in byte order of their paths, with what was met on the way, one at a
/// time: memory holds the folders being walked, not the corpus (each folder's entries sorted as `root.rs` says).
///
/// Several roots are merged by path: a file reached from two roots is taken once, and a
/// second input with the same output path is an error. Only then does the walk remember
/// anything per file: a 128-bit hash of each output path.
pub struct Walk {
    roots: Vec<RootWalk>,
    /// Each root's next job, once started.
    heads: Vec<Option<Job>>,
    started: bool,
    /// Errors and symlinks met while looking for the next jobs, handed out first.
    notes: VecDeque<Walked>,
    /// With several roots: the last job's path, the output paths taken, the symlinks named.
    merge: Option<Merge>,
}

#[derive(Default)]
struct Merge {
    last: Option<PathBuf>,
    taken: HashSet<u128>,
    symlinks: HashSet<String>,
}

/// Start walking `paths` for `config` (nothing is read before the first item is asked for,
/// except each root's type).
pub fn walk(paths: &[PathBuf], config: &Config) -> Walk {
    let out_dir = config.out_dir.as_ref().and_then(|o| o.canonicalize().ok());
    Walk {
        roots: paths
            .iter()
            .map(|root| RootWalk::new(root, config, out_dir.as_deref()))
            .collect(),
        heads: vec![None; paths.len()],
        started: false,
        notes: VecDeque::new(),
        merge: (paths.len() > 1).then(Merge::default),
    }
}

impl Walk {
    /// Advance root `i` to its next job, queueing what it meets before it.
    fn fill(&mut self, i: usize) {
        self.heads[i] = None;
        for item in self.roots[i].by_ref() {
            match item {
                Walked::Job(job) => {
                    self.heads[i] = Some(job);
                    return;
                }
                Walked::SkippedSymlink(link) => {
                    // Roots that overlap meet the same link twice.
                    if self
                        .merge
                        .as_mut()
                        .is_none_or(|m| m.symlinks.insert(link.clone()))
                    {
                        self.notes.push_back(Walked::SkippedSymlink(link));
                    }
                }
                error => self.notes.push_back(error),
            }
        }
    }
}

impl Iterator for Walk {
    type Item = Walked;

    fn next(&mut self) -> Option<Walked> {
        if !self.started {
            self.started = true;
            for i in 0..self.roots.len() {
                self.fill(i);
            }
        }
        loop {
            if let Some(note) = self.notes.pop_front() {
                return Some(note);
            }
            // The first of the smallest paths: ties go to the earlier root.
            let i = (0..self.heads.len())
                .filter(|&i| self.heads[i].is_some())
                .min_by(|&a, &b| {
                    let path = |i: usize| self.heads[i].as_ref().map(|j| j.input.as_os_str());
                    path(a).cmp(&path(b))
                })?;
            let job = self.heads[i].take()?;
            self.fill(i);
            let Some(merge) = &mut self.merge else {
                return Some(Walked::Job(job));
            };
            if merge.last.as_ref() == Some(&job.input) {
                continue;
            }
            merge.last = Some(job.input.clone());
            // Under one root every input has its own relative path; only several roots can collide.
            if !merge.taken.insert(path_hash(job.relative())) {
                return Some(Walked::Error(WalkError {
                    display: job.display(),
                    kind: ErrorKind::OutputCollision,
                    message: format!("another input already writes {}", job.relative().display()),
                }));
            }
            return Some(Walked::Job(job));
        }
    }
}

/// Two independent 64-bit hashes of `path` (as `Path` compares: by components): a false
/// collision needs both to agree, about one chance in 2^128 per pair.
fn path_hash(path: &Path) -> u128 {
    let mut first = DefaultHasher::new();
    path.hash(&mut first);
    let mut second = DefaultHasher::new();
    0x9e37_79b9_u32.hash(&mut second);
    path.hash(&mut second);
    (u128::from(first.finish()) << 64) | u128::from(second.finish())
}

/// True when the file name ends in one of `extensions` (`txt`, or a compound one like `jsonl.gz`).
pub fn has_extension(path: &Path, extensions: &[String]) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    extensions.iter().any(|ext| {
        name.len() > ext.len() + 1
            && name.ends_with(ext.as_str())
            && name[..name.len() - ext.len()].ends_with('.')
    })
}

#[cfg(test)]
mod tests;
