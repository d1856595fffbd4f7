//! Files too big to hold whole: read, cleaned and written window by window, so memory stays
//! bounded by one window (or the longest line) whatever the file size.
//!
//! A file over [`STREAM_ABOVE`] bytes is read in blocks; each complete window of whole lines
//! (see [`crate::window`]) is cleaned as the in-memory path would clean it, its kept lines go
//! straight to the atomic output file, and its removals are kept for the report. Past
//! [`SPILL_AT`] removals they are rendered as report records into an unnamed temp file (gone
//! when closed, even after a crash) that the report writer copies in order.

use crate::config::Config;
use crate::detect::{Category, Finding};
use crate::encoding::{is_binary, Reading};
use crate::output::{AtomicFile, ErrorKind, ReportRecord};
use crate::pipeline::Removal;
use crate::window::{append_removals, complete_window, WINDOW_BYTES};
use std::collections::BTreeMap;
use std::fs::File;
use std::io::{self, BufWriter, Read, Seek, Write};
use std::path::Path;

/// Files bigger than one window are streamed; smaller ones are read whole.
pub const STREAM_ABOVE: u64 = WINDOW_BYTES as u64;
/// Removals held in memory before they are spilled to the spool file.
pub const SPILL_AT: usize = 100_000;
/// Bytes read at a time.
const BLOCK: usize = 4 << 20;

/// A streamed file's totals and removals (earlier ones in `spool`, the rest in `removals`).
pub struct Streamed {
    pub bytes_in: usize,
    pub bytes_out: usize,
    pub lines_in: usize,
    pub lines_out: usize,
    pub removals: Vec<Removal>,
    pub spool: Option<Spool>,
}

/// Report records already rendered to a temp file, with their counts for the summary.
pub struct Spool {
    file: BufWriter<File>,
    pub by_rule: BTreeMap<&'static str, (Category, u64)>,
}

impl Spool {
    /// The rendered records, from the start.
    pub fn into_reader(self) -> io::Result<impl io::BufRead> {
        let mut file = self.file.into_inner().map_err(|e| e.into_error())?;
        file.rewind()?;
        Ok(io::BufReader::new(file))
    }
}

/// Why a streamed file was not cleaned.
pub enum StreamError {
    /// NUL bytes at the start; holds the bytes read so far, so a pipe can pass them through.
    Binary(Vec<u8>),
    Failed(ErrorKind, String),
    /// Ctrl-C between two windows: nothing was published.
    Interrupted,
}

/// Clean the file at `input` into `target` (None: count only). `extra_for` gives the corpus
/// findings of one window of UTF-8 lines, indexed within the window; `progress` hears the
/// bytes of each window cleaned.
pub fn clean_file(
    input: &Path,
    display: &str,
    target: Option<&Path>,
    config: &Config,
    extra_for: &dyn Fn(&[u8]) -> Vec<Finding>,
    progress: &dyn Fn(usize),
) -> Result<Streamed, StreamError> {
    let file =
        File::open(input).map_err(|e| StreamError::Failed(ErrorKind::Unreadable, e.to_string()))?;
    let write_failed = |path: &Path, e: io::Error| {
        StreamError::Failed(
            ErrorKind::WriteFailed,
            format!("writing {}: {e}", path.display()),
        )
    };
    let mut out = None;
    let spool_dir = target.and_then(Path::parent);
    let done = clean_stream(
        file,
        display,
        spool_dir,
        config,
        extra_for,
        progress,
        |bytes| {
            if let Some(path) = target {
                if out.is_none() {
                    out = Some(AtomicFile::create(path).map_err(|e| write_failed(path, e))?);
                }
                let out = out.as_mut().expect("created above");
                out.write_all(bytes).map_err(|e| write_failed(path, e))?;
            }
            Ok(())
        },
    )?;
    if let (Some(path), Some(out)) = (target, out) {
        out.commit().map_err(|e| write_failed(path, e))?;
    }
    Ok(done)
}

/// Clean everything `input` yields, handing the cleaned bytes to `emit` window by window
/// (the BOM first, then each window's kept lines). Spooled records go to `spool_dir`, else
/// to the temp folder. A binary input is refused before anything is emitted.
pub fn clean_stream(
    mut input: impl Read,
    display: &str,
    spool_dir: Option<&Path>,
    config: &Config,
    extra_for: &dyn Fn(&[u8]) -> Vec<Finding>,
    progress: &dyn Fn(usize),
    mut emit: impl FnMut(&[u8]) -> Result<(), StreamError>,
) -> Result<Streamed, StreamError> {
    let unreadable = |e: io::Error| StreamError::Failed(ErrorKind::Unreadable, e.to_string());
    let mut buf = Vec::with_capacity(2 * BLOCK);
    let mut at_end = fill(&mut input, &mut buf).map_err(unreadable)?;
    if is_binary(&buf, config.encoding) {
        return Err(StreamError::Binary(buf));
    }
    let reading = Reading::of(&buf, config.encoding);
    let mut done = Streamed {
        bytes_in: 0,
        bytes_out: reading.bom,
        lines_in: 0,
        lines_out: 0,
        removals: Vec::new(),
        spool: None,
    };
    let mut start = reading.bom;
    emit(&buf[..start])?;
    loop {
        while let Some((end, _)) = complete_window(&buf, start, reading.units, at_end) {
            if end == start {
                break;
            }
            if crate::interrupt::requested() {
                return Err(StreamError::Interrupted);
            }
            let window = &buf[start..end];
            let extra = if reading.is_utf8() {
                extra_for(window)
            } else {
                Vec::new()
            };
            let part = reading.clean_body(window, config.mode, &extra);
            emit(&part.output)?;
            append_removals(&mut done.removals, part.removals, done.lines_in);
            done.lines_in += part.lines_in;
            done.lines_out += part.lines_out;
            done.bytes_out += part.output.len();
            if done.removals.len() >= SPILL_AT {
                spill(&mut done, display, spool_dir).map_err(|e| {
                    StreamError::Failed(ErrorKind::WriteFailed, format!("spooling the report: {e}"))
                })?;
            }
            progress(end - start);
            start = end;
        }
        done.bytes_in += start;
        if at_end {
            break;
        }
        buf.drain(..start);
        start = 0;
        at_end = fill(&mut input, &mut buf).map_err(unreadable)?;
    }
    done.bytes_in += buf.len() - start;
    Ok(done)
}

/// Append up to [`BLOCK`] bytes; true when the input has no more.
fn fill(input: &mut impl Read, buf: &mut Vec<u8>) -> io::Result<bool> {
    let read = input.take(BLOCK as u64).read_to_end(buf)?;
    Ok(read < BLOCK)
}

/// Render the held removals into the spool (in `dir`, else in the temp folder) and count
/// them for the summary.
fn spill(done: &mut Streamed, display: &str, dir: Option<&Path>) -> io::Result<()> {
    if done.spool.is_none() {
        let dir = dir.map_or_else(std::env::temp_dir, Path::to_path_buf);
        done.spool = Some(Spool {
            file: BufWriter::new(tempfile::tempfile_in(dir)?),
            by_rule: BTreeMap::new(),
        });
    }
    let spool = done.spool.as_mut().expect("spool just created");
    for removal in done.removals.drain(..) {
        serde_json::to_writer(&mut spool.file, &ReportRecord::new(display, &removal))?;
        spool.file.write_all(b"\n")?;
        spool
            .by_rule
            .entry(removal.rule)
            .or_insert((removal.category, 0))
            .1 += 1;
    }
    Ok(())
}
