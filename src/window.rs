//! Windows over huge documents: runs of whole lines, bounded in count and bytes, cleaned one
//! at a time so the analysis of a 2 GB file or of ten million tiny lines needs bounded memory.
//!
//! Analysis costs a few hundred bytes per line plus a few times the text, on top of the input
//! itself. A document that fits one window (every real article does, by orders of magnitude)
//! is cleaned whole, exactly as before; a bigger one is cut after a line terminator and each
//! window is cleaned as its own document. The cost: main-body location, topic and repeats are
//! judged within a window, not across the whole file.

use crate::detect::Finding;
use crate::pipeline::{Cleaned, Removal};

/// Most lines in one window.
pub const WINDOW_LINES: usize = 50_000;
/// Most bytes in one window, unless its single line is longer (a line is never cut).
pub const WINDOW_BYTES: usize = 8 << 20;

/// How line terminators are spelled: one byte per code unit, or two (UTF-16, either order).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Units {
    Bytes,
    Utf16 { big_endian: bool },
}

impl Units {
    fn width(self) -> usize {
        match self {
            Units::Bytes => 1,
            Units::Utf16 { .. } => 2,
        }
    }

    fn unit(self, bytes: &[u8], i: usize) -> Option<u16> {
        match self {
            Units::Bytes => bytes.get(i).map(|&b| u16::from(b)),
            Units::Utf16 { big_endian } => {
                let pair = bytes.get(i..i + 2)?;
                Some(if big_endian {
                    u16::from_be_bytes([pair[0], pair[1]])
                } else {
                    u16::from_le_bytes([pair[0], pair[1]])
                })
            }
        }
    }

    /// Position of the next `\n` or `\r` unit at or after `from` (a unit boundary).
    fn next_break(self, bytes: &[u8], from: usize) -> Option<usize> {
        match self {
            Units::Bytes => memchr::memchr2(b'\n', b'\r', &bytes[from..]).map(|i| from + i),
            Units::Utf16 { .. } => (from..bytes.len())
                .step_by(2)
                .find(|&i| matches!(self.unit(bytes, i), Some(0x0A | 0x0D))),
        }
    }
}

/// End of the window starting at `start` and its line count: after `WINDOW_LINES` lines, or
/// after the line that reaches `WINDOW_BYTES`, or at the end of `bytes`. A `\r\n` pair is
/// never split.
fn window_end(bytes: &[u8], start: usize, units: Units) -> (usize, usize) {
    let width = units.width();
    let (mut pos, mut lines) = (start, 0);
    while let Some(i) = units.next_break(bytes, pos) {
        let crlf = units.unit(bytes, i) == Some(0x0D) && units.unit(bytes, i + width) == Some(0x0A);
        pos = i + if crlf { 2 * width } else { width };
        lines += 1;
        if lines >= WINDOW_LINES || pos - start >= WINDOW_BYTES {
            return (pos, lines);
        }
    }
    (bytes.len(), lines + usize::from(pos < bytes.len()))
}

/// The window starting at `start` as (end, lines), if `bytes` holds all of it: a window that
/// runs to the end of `bytes` may go on in bytes not read yet, unless `at_end` says none come.
pub fn complete_window(
    bytes: &[u8],
    start: usize,
    units: Units,
    at_end: bool,
) -> Option<(usize, usize)> {
    let (end, lines) = window_end(bytes, start, units);
    (end < bytes.len() || at_end).then_some((end, lines))
}

/// Clean `bytes` window by window with `clean` and join the results as one document: the
/// output concatenated, removals numbered by their line in the whole document. `extra`
/// findings (line indices into the whole document) go to the window holding their line.
pub fn clean_in_windows(
    bytes: &[u8],
    units: Units,
    extra: &[Finding],
    mut clean: impl FnMut(&[u8], &[Finding]) -> Cleaned,
) -> Cleaned {
    // Fewer bytes than a window's line budget cannot hold more lines than it either.
    if bytes.len() <= WINDOW_BYTES.min(WINDOW_LINES) {
        return clean(bytes, extra);
    }
    let mut whole = Cleaned::default();
    let mut start = 0;
    while start < bytes.len() {
        let (end, lines) = window_end(bytes, start, units);
        let first = whole.lines_in;
        let shift = |f: &Finding| Finding {
            line: f.line - first,
            related: f.related.and_then(|r| r.checked_sub(first)),
            ..*f
        };
        let local: Vec<Finding> = extra
            .iter()
            .filter(|f| (first..first + lines).contains(&f.line))
            .map(shift)
            .collect();
        let part = clean(&bytes[start..end], &local);
        debug_assert_eq!(
            part.lines_in, lines,
            "window line count agrees with the parser"
        );
        if whole.output.is_empty() {
            // Reuse the first window's buffer: no copy when one window is the whole document.
            whole.output = part.output;
        } else {
            whole.output.extend_from_slice(&part.output);
        }
        append_removals(&mut whole.removals, part.removals, first);
        whole.lines_in += part.lines_in;
        whole.lines_out += part.lines_out;
        start = end;
    }
    whole
}

/// Append a window's removals, renumbered from the window's lines to the document's: the
/// window starts after `lines_before` lines.
pub fn append_removals(into: &mut Vec<Removal>, window: Vec<Removal>, lines_before: usize) {
    into.extend(window.into_iter().map(|mut removal| {
        removal.line += lines_before;
        removal
    }));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ends(bytes: &[u8], units: Units) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut start = 0;
        while start < bytes.len() {
            let (end, lines) = window_end(bytes, start, units);
            out.push((end, lines));
            start = end;
        }
        out
    }

    #[test]
    fn small_documents_are_one_window() {
        assert_eq!(ends(b"a\nb\r\nc", Units::Bytes), vec![(6, 3)]);
        assert_eq!(ends(b"a\n", Units::Bytes), vec![(2, 1)]);
    }

    #[test]
    fn many_lines_split_on_the_line_budget_and_never_inside_crlf() {
        let text = "x\r\n".repeat(WINDOW_LINES + 5);
        let got = ends(text.as_bytes(), Units::Bytes);
        assert_eq!(got, vec![(3 * WINDOW_LINES, WINDOW_LINES), (text.len(), 5)]);
    }

    #[test]
    fn a_long_line_fills_a_window_alone_and_is_never_cut() {
        let mut text = vec![b'a'; WINDOW_BYTES + 10];
        text.extend_from_slice(b"\nshort\nlast");
        let got = ends(&text, Units::Bytes);
        assert_eq!(got, vec![(WINDOW_BYTES + 11, 1), (text.len(), 2)]);
    }

    #[test]
    fn utf16_breaks_are_code_units_not_bytes() {
        let text: Vec<u8> = "a\nb"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes())
            .collect();
        // 0x0A00 read as little-endian is not a line feed.
        let units = Units::Utf16 { big_endian: false };
        assert_eq!(ends(&text, units), vec![(6, 2)]);
        assert_eq!(ends(&[0x00, 0x0A, 0x41, 0x00], units), vec![(4, 1)]);
    }

    #[test]
    fn windows_join_into_one_document_with_global_line_numbers() {
        let line = "Home\n";
        let text = line.repeat(WINDOW_LINES + 2);
        let mut calls = 0;
        let cleaned = clean_in_windows(text.as_bytes(), Units::Bytes, &[], |w, _| {
            calls += 1;
            let lines = w.iter().filter(|&&b| b == b'\n').count();
            Cleaned {
                output: w[..line.len()].to_vec(),
                removals: vec![crate::pipeline::Removal {
                    line: 2,
                    category: crate::detect::Category::Navigation,
                    rule: "nav.menu",
                    score: 1.0,
                    text: "Home".into(),
                }],
                lines_in: lines,
                lines_out: 1,
            }
        });
        assert_eq!(calls, 2);
        assert_eq!(cleaned.lines_in, WINDOW_LINES + 2);
        assert_eq!(cleaned.lines_out, 2);
        assert_eq!(cleaned.output, b"Home\nHome\n");
        let lines: Vec<usize> = cleaned.removals.iter().map(|r| r.line).collect();
        assert_eq!(lines, vec![2, WINDOW_LINES + 2]);
    }
}
