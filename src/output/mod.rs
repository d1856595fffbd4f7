//! Outputs: cleaned copies (written atomically), the JSON Lines report, the summary, `explain`.

mod atomic;
mod check_format;
mod explain;
mod json_string;
mod report;
mod summary;
#[cfg(target_os = "linux")]
mod unnamed;

pub use atomic::{write_atomic, AtomicFile};
pub use check_format::{to_json as check_json, write_check};
pub use explain::{write_explanation, write_explanation_json};
pub use json_string::write_json_str;
pub use report::{ReportRecord, ReportWriter};
pub use summary::{ErrorKind, Summary};
