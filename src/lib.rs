//! dehusk strips boilerplate from scraped plain text, line by line, and says why.
//!
//! The pipeline for one document: [`doc::Document::parse`] splits the bytes into lines and
//! computes each line's shape features (length, stopword density, punctuation, case) and
//! the document language; every [`detect::Detector`] family (promo, caption, teaser,
//! navigation, duplicate) records findings without removing anything; [`decide::decide`]
//! weighs findings against each line's prose score, its position relative to the main body
//! (the densest run of prose) and its topic overlap with that body, and is the only stage
//! that drops lines; [`pipeline::clean_document`] renders the kept lines byte for byte and
//! lists every removal with its rule, category, score and line number. [`run::run_clean`]
//! walks files and folders ([`walk::walk`] hands out files in path order as it finds them),
//! cleans them in parallel chunks and writes the copies, the JSON Lines report and the summary.
//!
//! ```
//! use dehusk::{clean_document, Mode};
//! let text = "Home\nNews\nThe council voted on Monday to close the old bridge for repairs, which are expected to take most of the summer.\nResidents who rely on the bridge said they had not been told how long the detour would add to their commute.\nREUTERS/Jane Roe\n";
//! let cleaned = clean_document(text.as_bytes(), Mode::Balanced);
//! assert!(String::from_utf8(cleaned.output).unwrap().starts_with("The council voted"));
//! assert!(cleaned.removals.iter().any(|r| r.rule == "caption.agency_credit"));
//! ```

pub mod check;
pub mod cli;
pub mod config;
pub mod corpus;
pub mod decide;
pub mod detect;
pub mod doc;
pub mod encoding;
pub mod exit;
pub mod formats;
pub mod interrupt;
pub mod invariants;
pub mod merge;
pub mod merge_report;
pub mod output;
pub mod pipeline;
pub mod resume;
pub mod run;
pub mod safety;
pub mod shard;
pub mod stream;
#[cfg(test)]
mod test_texts;
pub mod walk;
pub mod window;

pub use decide::Mode;
pub use detect::Category;
pub use exit::ExitCode;
pub use pipeline::{all_rules, analyze, clean_document, clean_document_with, Cleaned, Removal};
