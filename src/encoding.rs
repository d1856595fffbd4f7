//! Text encodings: let the heuristics read a declared encoding while kept lines stay the input's own bytes.
//!
//! dehusk never transcodes its output. By default a document is read as UTF-8 (invalid
//! sequences become U+FFFD for the heuristics only). With `--encoding LABEL` (any WHATWG
//! label: `windows-1252`, `latin1`, `iso-8859-2`, `shift_jis`, `utf-16le`, ...) each line is
//! decoded in that encoding for the heuristics, and the verdicts are applied to the original
//! bytes. A file starting with a UTF-16 byte-order mark is read as UTF-16 even without the
//! flag. A byte-order mark is kept at the start of the output even when line 1 is dropped.

use crate::decide::Mode;
use crate::detect::Finding;
use crate::pipeline::{analyze, clean_document_with, Cleaned};
use crate::window::{clean_in_windows, Units};
use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8};

/// Resolve a `--encoding` label; `None` means the default (UTF-8).
pub fn parse_label(label: &str) -> Result<Option<&'static Encoding>, String> {
    match Encoding::for_label(label.trim().as_bytes()) {
        Some(enc) if enc == UTF_8 => Ok(None),
        Some(enc) if enc == encoding_rs::REPLACEMENT => {
            Err(format!("--encoding {label}: this encoding cannot be decoded safely (WHATWG maps it to replacement)"))
        }
        Some(enc) => Ok(Some(enc)),
        None => Err(format!("--encoding {label}: unknown encoding label (try utf-8, windows-1252, latin1, utf-16le)")),
    }
}

/// The encoding a document is read in: the declared one, else UTF-16 by its BOM, else UTF-8.
fn effective(bytes: &[u8], declared: Option<&'static Encoding>) -> &'static Encoding {
    let by_bom = match bytes {
        [0xFF, 0xFE, ..] => UTF_16LE,
        [0xFE, 0xFF, ..] => UTF_16BE,
        _ => UTF_8,
    };
    declared.unwrap_or(by_bom)
}

/// Length of the byte-order mark that starts `bytes` in `encoding`, if any.
fn bom_len(bytes: &[u8], encoding: &'static Encoding) -> usize {
    let bom: &[u8] = if encoding == UTF_16LE {
        &[0xFF, 0xFE]
    } else if encoding == UTF_16BE {
        &[0xFE, 0xFF]
    } else {
        &[0xEF, 0xBB, 0xBF]
    };
    if bytes.starts_with(bom) {
        bom.len()
    } else {
        0
    }
}

/// True when the document is not text: NUL bytes in the first 8 KiB (UTF-16 has them by design,
/// so there a NUL code unit counts instead).
pub fn is_binary(bytes: &[u8], declared: Option<&'static Encoding>) -> bool {
    let probe = &bytes[..bytes.len().min(8192)];
    match effective(bytes, declared) {
        enc if enc == UTF_16LE || enc == UTF_16BE => {
            probe.chunks_exact(2).any(|unit| unit == [0, 0])
        }
        // memchr's SIMD search: `contains` went through core's word-at-a-time memchr,
        // ~7 K instructions for the 8 KiB of every document.
        _ => memchr::memchr(0, probe).is_some(),
    }
}

/// Clean one document read in `declared` (None: UTF-8, or UTF-16 by BOM). Kept lines are the
/// input's bytes with their terminators; the report text is the decoded line.
///
/// `extra` are findings from outside the document (the corpus pass); they apply to UTF-8
/// input, where their line numbers are the document's own.
pub fn clean(
    bytes: &[u8],
    mode: Mode,
    declared: Option<&'static Encoding>,
    extra: &[Finding],
) -> Cleaned {
    let reading = Reading::of(bytes, declared);
    let (bom, body) = bytes.split_at(reading.bom);
    let mut cleaned = reading.clean_body(body, mode, extra);
    if !bom.is_empty() {
        cleaned.output.splice(0..0, bom.iter().copied());
    }
    cleaned
}

/// How a document is read, settled from its first bytes: the encoding, how its line breaks
/// are spelled, and the length of its byte-order mark.
#[derive(Debug, Clone, Copy)]
pub struct Reading {
    pub encoding: &'static Encoding,
    pub units: Units,
    pub bom: usize,
}

impl Reading {
    /// `start` is the document's first bytes (a BOM is at most three of them).
    pub fn of(start: &[u8], declared: Option<&'static Encoding>) -> Reading {
        let encoding = effective(start, declared);
        let units = match encoding {
            e if e == UTF_16LE => Units::Utf16 { big_endian: false },
            e if e == UTF_16BE => Units::Utf16 { big_endian: true },
            _ => Units::Bytes,
        };
        Reading {
            encoding,
            units,
            bom: bom_len(start, encoding),
        }
    }

    /// Clean `body` (whole lines, no BOM). `extra` findings apply to UTF-8 input only.
    pub fn clean_body(&self, body: &[u8], mode: Mode, extra: &[Finding]) -> Cleaned {
        if self.encoding == UTF_8 {
            return clean_document_with(body, mode, extra);
        }
        clean_in_windows(body, self.units, &[], |window, _| {
            clean_decoded(window, mode, self.encoding)
        })
    }

    pub fn is_utf8(&self) -> bool {
        self.encoding == UTF_8
    }
}

/// Decode each line for the heuristics, then apply their verdicts to the original lines.
fn clean_decoded(bytes: &[u8], mode: Mode, encoding: &'static Encoding) -> Cleaned {
    let lines = split_units(
        bytes,
        if encoding == UTF_16LE || encoding == UTF_16BE {
            2
        } else {
            1
        },
        encoding,
    );
    let mut text = String::with_capacity(bytes.len() + lines.len());
    for (raw, _) in &lines {
        let (decoded, _) = encoding.decode_without_bom_handling(raw);
        // A stateful encoding could in theory yield a line break: keep the line count aligned.
        text.extend(
            decoded
                .chars()
                .map(|c| if c == '\n' || c == '\r' { ' ' } else { c }),
        );
        text.push('\n');
    }
    let analysis = analyze(text.as_bytes(), mode);
    assert_eq!(
        analysis.doc.len(),
        lines.len(),
        "decoded lines stay aligned with the input lines"
    );
    crate::pipeline::render_lines(
        lines.iter().copied(),
        bytes.len(),
        &analysis.doc,
        &analysis.decision,
    )
}

/// Split into (line, terminator) on LF, CR LF and lone CR, reading code units of `width` bytes
/// (1, or 2 for UTF-16 in the encoding's byte order). A trailing odd byte stays in the last line.
fn split_units<'a>(
    bytes: &'a [u8],
    width: usize,
    encoding: &'static Encoding,
) -> Vec<(&'a [u8], &'a [u8])> {
    let unit = |i: usize| -> Option<u16> {
        match (width, bytes.get(i..i + width)?) {
            (1, [b]) => Some(u16::from(*b)),
            (_, [a, b]) if encoding == UTF_16BE => Some(u16::from_be_bytes([*a, *b])),
            (_, [a, b]) => Some(u16::from_le_bytes([*a, *b])),
            _ => None,
        }
    };
    let mut out = Vec::new();
    let (mut start, mut i) = (0, 0);
    while let Some(u) = unit(i) {
        let end = match u {
            0x0A => i + width,
            0x0D if unit(i + width) == Some(0x0A) => i + 2 * width,
            0x0D => i + width,
            _ => {
                i += width;
                continue;
            }
        };
        out.push((&bytes[start..i], &bytes[i..end]));
        start = end;
        i = end;
    }
    if start < bytes.len() {
        out.push((&bytes[start..], &bytes[bytes.len()..]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_resolve_and_unknown_ones_are_refused() {
        assert_eq!(parse_label("utf-8").unwrap(), None);
        assert_eq!(
            parse_label("latin1").unwrap(),
            Some(encoding_rs::WINDOWS_1252)
        );
        assert_eq!(parse_label("UTF-16LE").unwrap(), Some(UTF_16LE));
        assert!(parse_label("klingon").is_err());
        assert!(parse_label("iso-2022-kr").is_err());
    }

    #[test]
    fn utf16_lines_split_on_code_units_not_bytes() {
        let bytes: Vec<u8> = "a\r\nb\nc"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes())
            .collect();
        let lines = split_units(&bytes, 2, UTF_16LE);
        let terms: Vec<usize> = lines.iter().map(|(_, t)| t.len()).collect();
        assert_eq!(terms, vec![4, 2, 0]);
        assert_eq!(lines[2].0, b"c\0");
        // 0x0A00 in little-endian is not a line feed.
        assert_eq!(split_units(&[0x00, 0x0A, 0x41, 0x00], 2, UTF_16LE).len(), 1);
    }

    #[test]
    fn binary_probe_knows_utf16() {
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("hi\n".encode_utf16().flat_map(|u| u.to_le_bytes()))
            .collect();
        assert!(!is_binary(&utf16, None));
        assert!(is_binary(b"x\0y", None));
        assert!(is_binary(&[0x41, 0x00, 0x00, 0x00], Some(UTF_16LE)));
        let mut late = vec![b'a'; 8192 + 10];
        late.push(0);
        assert!(!is_binary(&late, None), "only the first 8 KiB are probed");
    }
}
