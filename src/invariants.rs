//! The promises a cleaned document keeps, checked from the outside (used by the fuzz target and property tests).
//!
//! [`verify`] needs only the input bytes and the [`Cleaned`] result: it does not trust the
//! pipeline's own bookkeeping, so a bug in rendering or reporting shows up as a violation.

use crate::doc::split_lines;
use crate::pipeline::Cleaned;
use std::collections::{BTreeMap, BTreeSet};

/// Check that `cleaned` is a faithful cleaning of `input`:
/// - the output is a concatenation of whole input lines (terminators included), in input order,
///   each byte-identical;
/// - every removal names a distinct input line (1-based, ascending) that is not blank;
/// - every non-blank input line is either in the output or in the removals, exactly once;
/// - the line counts agree with the input and output.
pub fn verify(input: &[u8], cleaned: &Cleaned) -> Result<(), String> {
    verify_with(input, cleaned, &|raw| {
        String::from_utf8_lossy(raw).into_owned()
    })
}

/// [`verify`] for a document read in an ASCII-compatible encoding: `decode` turns a line's
/// bytes into the text the report should show.
pub fn verify_with(
    input: &[u8],
    cleaned: &Cleaned,
    decode: &dyn Fn(&[u8]) -> String,
) -> Result<(), String> {
    const BOM: &[u8] = b"\xEF\xBB\xBF";
    let (body, output) = match input.strip_prefix(BOM) {
        Some(body) => {
            let output = cleaned.output.strip_prefix(BOM);
            (
                body,
                output.ok_or("the input's byte-order mark is missing from the output")?,
            )
        }
        None => (input, cleaned.output.as_slice()),
    };
    let lines = split_lines(body);
    if cleaned.lines_in != lines.len() {
        return Err(format!(
            "lines_in is {} but the input has {} lines",
            cleaned.lines_in,
            lines.len()
        ));
    }
    let (fewest, most) =
        subsequence(&lines, output).ok_or("the output is not a subsequence of the input lines")?;
    if !(fewest..=most).contains(&cleaned.lines_out) {
        return Err(format!(
            "lines_out is {} but the output holds {fewest}..={most} input lines",
            cleaned.lines_out
        ));
    }
    let mut removed = BTreeSet::new();
    let mut previous = 0;
    for removal in &cleaned.removals {
        if removal.line <= previous || removal.line > lines.len() {
            return Err(format!(
                "removal line {} is out of order or out of range",
                removal.line
            ));
        }
        previous = removal.line;
        let raw = lines[removal.line - 1].0;
        if decode(raw).trim().is_empty() {
            return Err(format!(
                "line {} is blank but reported as removed",
                removal.line
            ));
        }
        if removal.text != decode(raw) {
            return Err(format!(
                "removal text of line {} differs from the input line",
                removal.line
            ));
        }
        removed.insert(removal.line - 1);
    }
    let is_blank = |raw: &[u8]| decode(raw).trim().is_empty();
    let nonblank_in = lines.iter().filter(|(raw, _)| !is_blank(raw)).count();
    let nonblank_out = split_lines(output)
        .iter()
        .filter(|(raw, _)| !is_blank(raw))
        .count();
    if nonblank_out + removed.len() != nonblank_in {
        return Err(format!(
            "{nonblank_in} non-blank lines in, {nonblank_out} kept + {} reported: a line is lost or counted twice",
            removed.len()
        ));
    }
    Ok(())
}

/// True when `output` is a concatenation of whole lines of `input` (terminators included), in
/// input order, each byte-identical; a UTF-8 byte-order mark opening `input` must open `output`
/// too (it is put back even when line 1 is dropped). For cleaned texts checked without a
/// [`Cleaned`], such as a JSON Lines record's text field.
pub fn is_line_subsequence(input: &[u8], output: &[u8]) -> bool {
    const BOM: &[u8] = b"\xEF\xBB\xBF";
    let (input, output) = match input.strip_prefix(BOM) {
        Some(body) => match output.strip_prefix(BOM) {
            Some(output) => (body, output),
            None => return false,
        },
        None => (input, output),
    };
    subsequence(&split_lines(input), output).is_some()
}

/// If `output` is a concatenation of some of `lines` (each line + terminator) in order, the
/// fewest and most lines such a concatenation can have. Tracks every reachable output offset,
/// so a lone `\r` line followed by an empty `\n` line cannot be confused with one `\r\n` line.
fn subsequence(lines: &[(&[u8], &[u8])], output: &[u8]) -> Option<(usize, usize)> {
    let mut reachable: BTreeMap<usize, (usize, usize)> = [(0, (0, 0))].into();
    for (raw, terminator) in lines {
        let len = raw.len() + terminator.len();
        let steps: Vec<(usize, (usize, usize))> = reachable
            .iter()
            .filter(|(&at, _)| {
                let rest = &output[at..];
                rest.len() >= len
                    && rest.starts_with(raw)
                    && rest[raw.len()..].starts_with(terminator)
            })
            .map(|(&at, &(lo, hi))| (at + len, (lo + 1, hi + 1)))
            .collect();
        for (next, (lo, hi)) in steps {
            let range = reachable.entry(next).or_insert((lo, hi));
            *range = (range.0.min(lo), range.1.max(hi));
        }
    }
    reachable.get(&output.len()).copied()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::Category;
    use crate::pipeline::Removal;

    fn cleaned(
        output: &[u8],
        lines_in: usize,
        lines_out: usize,
        removed: &[(usize, &str)],
    ) -> Cleaned {
        let removals = removed
            .iter()
            .map(|&(line, text)| Removal {
                line,
                category: Category::Navigation,
                rule: "nav.x",
                score: 1.0,
                text: text.into(),
            })
            .collect();
        Cleaned {
            output: output.to_vec(),
            removals,
            lines_in,
            lines_out,
        }
    }

    #[test]
    fn accepts_a_faithful_cleaning_and_the_cr_ambiguity() {
        assert_eq!(
            verify(
                b"Home\nBody text.\n",
                &cleaned(b"Body text.\n", 2, 1, &[(1, "Home")])
            ),
            Ok(())
        );
        // "a\r" + "\n"-line kept after dropping "x": output "a\r\n" is still two input lines.
        assert_eq!(
            verify(b"a\rx\n\n", &cleaned(b"a\r\n", 3, 2, &[(2, "x")])),
            Ok(())
        );
        // A BOM-like sequence in a later line is an ordinary part of that line (found by fuzzing).
        let ok = cleaned(b"\xEF\xBB\xBFos", 2, 1, &[(1, "s")]);
        assert_eq!(verify(b"s\r\xEF\xBB\xBFos", &ok), Ok(()));
    }

    #[test]
    fn line_subsequences_keep_whole_lines_in_order_and_the_bom() {
        assert!(is_line_subsequence(b"a\nb\r\nc", b"a\nc"));
        assert!(is_line_subsequence(b"a\rx\n\n", b"a\r\n"));
        assert!(is_line_subsequence(
            b"\xEF\xBB\xBFa\nb\n",
            b"\xEF\xBB\xBFb\n"
        ));
        assert!(!is_line_subsequence(b"\xEF\xBB\xBFa\nb\n", b"b\n"));
        assert!(!is_line_subsequence(b"a\nb\n", b"b\na\n"));
        assert!(!is_line_subsequence(b"a\nb\n", b"a\nb"));
    }

    #[test]
    fn catches_lost_altered_and_double_counted_lines() {
        let input = b"Home\nBody text.\n";
        assert!(
            verify(input, &cleaned(b"", 2, 0, &[(1, "Home")])).is_err(),
            "a line vanished"
        );
        assert!(
            verify(input, &cleaned(b"Body text\n", 2, 1, &[(1, "Home")])).is_err(),
            "altered bytes"
        );
        assert!(verify(
            input,
            &cleaned(b"Body text.\n", 2, 1, &[(1, "Home"), (1, "Home")])
        )
        .is_err());
        assert!(verify(input, &cleaned(b"Home\nBody text.\n", 2, 2, &[(1, "Home")])).is_err());
        assert!(
            verify(
                b"\xEF\xBB\xBFHome\nBody.\n",
                &cleaned(b"Body.\n", 2, 1, &[(1, "Home")])
            )
            .is_err(),
            "lost BOM"
        );
    }
}
