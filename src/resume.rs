//! `--skip-existing`: resumable runs. Each finished file leaves a marker, and a rerun replays
//! the markers of finished files instead of cleaning them again.
//!
//! For an input whose copy is `OUT/REL`, the marker is `OUT/.dehusk-done/REL.summary.json`
//! (the file's own counts, its display path and the run's options) beside
//! `OUT/.dehusk-done/REL.report.jsonl` (its report lines). Both are written after the copy's
//! atomic rename, the marker last, so a marker always stands for a complete copy. A rerun
//! replays a file when its marker and its copy exist and the marker's path and options match
//! the current run: the report lines are copied into the new report and the counts added to
//! the new summary, so a resumed run writes the same report and summary as an uninterrupted
//! one. The folder is hidden, so a later walk over OUT never takes it for input.

use crate::config::Config;
use crate::output::{write_atomic, ReportWriter, Summary};
use crate::walk::Job;
use std::io::{self, Write};
use std::path::PathBuf;

/// The hidden folder under `--out` holding the markers.
pub const DONE_DIR: &str = ".dehusk-done";

/// Errors after which a file's copy may be missing or stale: no marker then.
const UNFINISHED: [&str; 3] = ["unreadable", "write_failed", "not_found"];

/// Markers of one `--skip-existing` run.
pub struct Resume {
    out: PathBuf,
    options: serde_json::Value,
}

impl Resume {
    /// The resume state of a run, when `--skip-existing` is on.
    pub fn new(config: &Config) -> Option<Resume> {
        let out = config.out_dir.as_ref().filter(|_| config.skip_existing)?;
        Some(Resume {
            out: out.clone(),
            options: config.options_json(),
        })
    }

    fn marker(&self, job: &Job, suffix: &str) -> PathBuf {
        let mut name = job.relative().as_os_str().to_os_string();
        name.push(suffix);
        self.out.join(DONE_DIR).join(name)
    }

    /// The marker of a finished file: present, for this input and these options, copy in place.
    pub fn done(&self, job: &Job) -> Option<serde_json::Value> {
        let text = std::fs::read(self.marker(job, ".summary.json")).ok()?;
        let marker: serde_json::Value = serde_json::from_slice(&text).ok()?;
        let same = marker["path"] == job.display().as_str() && marker["options"] == self.options;
        (same && self.out.join(job.relative()).is_file()).then_some(marker)
    }

    /// Replay a finished file into the report and summary; false when it is not finished.
    pub fn replay(
        &self,
        job: &Job,
        report: &mut ReportWriter,
        summary: &mut Summary,
    ) -> io::Result<bool> {
        let Some(marker) = self.done(job) else {
            return Ok(false);
        };
        let mut lines = match std::fs::File::open(self.marker(job, ".report.jsonl")) {
            Ok(f) => f,
            Err(_) => return Ok(false),
        };
        crate::merge::absorb(summary, &marker).map_err(io::Error::other)?;
        match report {
            ReportWriter::File(f) => io::copy(&mut lines, f).map(|_| ()),
            ReportWriter::Stderr(e) => io::copy(&mut lines, e).map(|_| ()),
            ReportWriter::Sample { .. } | ReportWriter::Nowhere => Ok(()),
        }?;
        Ok(true)
    }

    /// Run `work` for one file with its own report and counts, then mark it finished and
    /// append both to the run's report and summary.
    fn track<F>(
        &self,
        job: &Job,
        report: &mut ReportWriter,
        summary: &mut Summary,
        work: F,
    ) -> io::Result<()>
    where
        F: FnOnce(&mut ReportWriter, &mut Summary) -> io::Result<()>,
    {
        let lines_path = self.marker(job, ".report.jsonl");
        let mut lines = ReportWriter::to_file(&lines_path)?;
        let mut part = Summary::default();
        work(&mut lines, &mut part)?;
        lines.finish()?;
        let mut marker = part.to_json(self.options.clone());
        marker["path"] = job.display().as_str().into();
        crate::merge::absorb(summary, &marker).map_err(io::Error::other)?;
        if !UNFINISHED.iter().any(|k| part.errors.contains_key(k)) {
            let mut text = serde_json::to_vec(&marker)?;
            text.push(b'\n');
            write_atomic(&self.marker(job, ".summary.json"), &text)?;
        }
        let mut lines = std::fs::File::open(&lines_path)?;
        match report {
            ReportWriter::File(f) => io::copy(&mut lines, f).map(|_| ()),
            ReportWriter::Stderr(e) => io::copy(&mut lines, e).and_then(|_| e.flush()),
            ReportWriter::Sample { .. } | ReportWriter::Nowhere => Ok(()),
        }
    }
}

/// Run `work` for one file: directly, or tracked with a marker when resuming is on.
pub fn record<F>(
    resume: Option<&Resume>,
    job: &Job,
    report: &mut ReportWriter,
    summary: &mut Summary,
    work: F,
) -> io::Result<()>
where
    F: FnOnce(&mut ReportWriter, &mut Summary) -> io::Result<()>,
{
    match resume {
        None => work(report, summary),
        Some(resume) => resume.track(job, report, summary, work),
    }
}
