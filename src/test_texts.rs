//! The text files unit tests read: the bundled samples and fixtures, and the shared seeds and
//! evaluation inputs when `../shared` (or `DEHUSK_SHARED`) is there.

use std::path::{Path, PathBuf};

/// `.txt` and `.tsv` files under `dir`, recursively (none when it is absent).
pub fn text_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            text_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "txt" || e == "tsv") {
            out.push(path);
        }
    }
}

/// The samples and the test fixtures, sorted.
pub fn bundled() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    text_files(&root.join("samples"), &mut files);
    text_files(&root.join("tests/fixtures"), &mut files);
    files.sort();
    files
}

/// The seeds and every evaluation set's dev inputs, sorted; empty without the shared folder.
pub fn shared() -> Vec<PathBuf> {
    let shared = std::env::var_os("DEHUSK_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"));
    let mut files = Vec::new();
    text_files(&shared.join("seeds"), &mut files);
    if let Ok(sets) = std::fs::read_dir(shared.join("eval")) {
        for set in sets.flatten() {
            text_files(&set.path().join("dev/input"), &mut files);
        }
    }
    files.sort();
    files
}
