//! Finished jobs, taken in job order: their report records, the summary, the resume
//! journal and the progress bar.

use super::process::Outcome;
use super::progress;
use crate::output::{ReportWriter, Summary};
use crate::walk::Job;
use indicatif::ProgressBar;
use std::io;

/// Where finished jobs go, in job order: the report, the summary, the resume journal and
/// the progress bar.
pub(super) struct Collected<'a> {
    pub(super) report: &'a mut ReportWriter,
    pub(super) summary: &'a mut Summary,
    pub(super) resume: Option<&'a crate::resume::Resume>,
    pub(super) progress: &'a ProgressBar,
    pub(super) totals: &'a progress::Totals,
    pub(super) files_done: usize,
}

impl Collected<'_> {
    /// Report a cleaned chunk, job by job.
    pub(super) fn add_chunk(&mut self, chunk: &[Job], outcomes: Vec<Outcome>) -> io::Result<()> {
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
    pub(super) fn advance(&mut self, job: &Job) {
        self.files_done += 1;
        self.progress.inc(job.size);
        if !self.progress.is_hidden() {
            self.progress
                .set_message(self.totals.message(self.files_done));
        }
    }
}
