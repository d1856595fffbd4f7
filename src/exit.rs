//! Exit codes, documented once here and in the README.

/// What the process exit status means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitCode {
    /// Everything was processed.
    Success = 0,
    /// Reserved for checks that find too much chaff (`dehusk check`).
    Findings = 1,
    /// A usage error, or at least one file could not be processed (the others were).
    Error = 2,
    /// Stopped by Ctrl-C or SIGTERM: no report; complete outputs only; rerun to finish.
    Interrupted = 130,
}

impl From<ExitCode> for std::process::ExitCode {
    fn from(code: ExitCode) -> Self {
        std::process::ExitCode::from(code as u8)
    }
}
