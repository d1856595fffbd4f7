//! Input formats: plain-text documents, or JSON Lines shards (plain, gzip, zstd) of many documents.
//!
//! A file's format comes from its name (`.jsonl`, `.jsonl.gz`, `.jsonl.zst` are shards,
//! anything else is one plain-text document) unless `--format` forces it.

pub mod compress;
pub mod jsonl;
pub mod reader;
pub mod record;
pub mod shard;
mod unescape;

pub use compress::Compression;

use std::path::Path;

/// `--format` of `clean`: how to read inputs whatever their names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum InputFormat {
    /// One plain-text document per file (or on stdin).
    Text,
    /// JSON Lines: one document per line, its text in --text-field.
    Jsonl,
}

/// The default for `--max-doc-bytes`: 16 MiB.
pub const DEFAULT_MAX_DOC_BYTES: u64 = 16 * 1024 * 1024;

/// How JSON Lines records are read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordOptions {
    /// `--format`, when given.
    pub forced: Option<InputFormat>,
    /// Field holding the document text (`text`; CCNet uses `raw_content`).
    pub text_field: String,
    /// Field holding the document id, copied into report records.
    pub id_field: String,
    /// A record (JSON line) longer than this is passed through untouched, with a warning.
    pub max_doc_bytes: u64,
}

impl Default for RecordOptions {
    fn default() -> Self {
        RecordOptions {
            forced: None,
            text_field: "text".into(),
            id_field: "id".into(),
            max_doc_bytes: DEFAULT_MAX_DOC_BYTES,
        }
    }
}

impl RecordOptions {
    /// True when `path` is read as a JSON Lines shard.
    pub fn is_jsonl(&self, path: &Path) -> bool {
        match self.forced {
            Some(forced) => forced == InputFormat::Jsonl,
            None => is_jsonl_name(path),
        }
    }
}

/// `.jsonl`, `.jsonl.gz` or `.jsonl.zst` (any case).
pub fn is_jsonl_name(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    [".jsonl", ".jsonl.gz", ".jsonl.zst"]
        .iter()
        .any(|ext| name.len() > ext.len() && name.ends_with(ext))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shards_are_recognised_by_name_unless_forced() {
        let mut opts = RecordOptions::default();
        assert!(opts.is_jsonl(Path::new("a/part-0001.JSONL.GZ")));
        assert!(opts.is_jsonl(Path::new("b.jsonl.zst")));
        assert!(!opts.is_jsonl(Path::new("notes.txt")));
        assert!(!opts.is_jsonl(Path::new(".jsonl")));
        opts.forced = Some(InputFormat::Jsonl);
        assert!(opts.is_jsonl(Path::new("notes.txt")));
        opts.forced = Some(InputFormat::Text);
        assert!(!opts.is_jsonl(Path::new("b.jsonl")));
    }
}
