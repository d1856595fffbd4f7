//! Fuzz target: one document through the whole per-document pipeline, in every mode and encoding path.
//!
//! The first input byte picks the mode and how the document is read (default UTF-8 with BOM
//! sniffing, windows-1252, or UTF-16LE); the rest is the document. Besides "never panics", the
//! default path must keep every promise that `dehusk::invariants::verify` checks.
#![no_main]

use dehusk::{encoding, invariants, Mode};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, document)) = data.split_first() else {
        return;
    };
    let mode = [Mode::Precision, Mode::Balanced, Mode::Recall][usize::from(selector % 3)];
    match (selector / 3) % 3 {
        0 => {
            let cleaned = encoding::clean(document, mode, None, &[]);
            let utf16_bom =
                document.starts_with(&[0xFF, 0xFE]) || document.starts_with(&[0xFE, 0xFF]);
            if !utf16_bom {
                if let Err(violation) = invariants::verify(document, &cleaned) {
                    panic!("{violation}");
                }
            }
        }
        1 => {
            let cleaned = encoding::clean(document, mode, Some(encoding_rs::WINDOWS_1252), &[]);
            assert!(cleaned.output.len() <= document.len());
            assert_eq!(
                cleaned.lines_in,
                dehusk::doc::split_lines(
                    document
                        .strip_prefix(b"\xEF\xBB\xBF".as_slice())
                        .unwrap_or(document)
                )
                .len()
            );
        }
        _ => {
            let cleaned = encoding::clean(document, mode, Some(encoding_rs::UTF_16LE), &[]);
            assert!(cleaned.output.len() <= document.len());
        }
    }
});
