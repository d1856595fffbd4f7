//! Robustness tests (issue 6): bad input, file-system faults, output placement, interrupts, sizes.
//!
//! Each test runs the real binary on a temp tree (or the library where a fault must be timed
//! exactly) and checks the message, the exit code, the outputs and that no temp file is left.
//! Long size, soak and fuzz runs live in scripts/reliability/ (see docs/RELIABILITY.md).

mod robustness {
    pub mod faults;
    pub mod inputs;
    pub mod interrupt;
    pub mod layout;
    pub mod sizes;
}

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A prose line the heuristics keep.
pub const PROSE: &str = "The council voted on Monday to close the old bridge for repairs, which are expected to take most of the summer.";
/// A second prose line on the same topic.
pub const PROSE2: &str = "Residents who rely on the bridge said they had not been told how long the detour would add to their commute.";

/// The dehusk binary built for these tests.
pub fn dehusk() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_dehusk"));
    cmd.env_remove("RUST_LOG");
    cmd
}

/// Run `dehusk clean ARGS... -q` and return its output.
pub fn clean(args: &[&Path]) -> Output {
    let mut cmd = dehusk();
    cmd.arg("clean").arg("-q").args(args);
    cmd.output().expect("dehusk runs")
}

/// Like [`clean`] with extra string flags after the paths.
pub fn clean_with(args: &[&Path], flags: &[&str]) -> Output {
    let mut cmd = dehusk();
    cmd.arg("clean").arg("-q").args(args).args(flags);
    cmd.output().expect("dehusk runs")
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

pub fn code(output: &Output) -> i32 {
    output.status.code().unwrap_or(-1)
}

/// Write `bytes` at `root/relative`, creating folders.
pub fn put(root: &Path, relative: &str, bytes: &[u8]) -> PathBuf {
    let path = root.join(relative);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(&path, bytes).unwrap();
    path
}

/// Every file below `root`, relative and sorted (hidden ones included).
pub fn files(root: &Path) -> Vec<String> {
    let mut all: Vec<String> = walk(root)
        .iter()
        .map(|p| p.strip_prefix(root).unwrap().to_string_lossy().into_owned())
        .collect();
    all.sort();
    all
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for entry in entries.flatten() {
        let path = entry.path();
        if entry.file_type().map(|t| t.is_dir()).unwrap_or(false) {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}

/// Panic if a dehusk temp file survived anywhere below `root`.
pub fn assert_no_temp_files(root: &Path) {
    let left: Vec<String> = files(root)
        .into_iter()
        .filter(|f| f.contains(".dehusk-") && f.ends_with(".tmp"))
        .collect();
    assert!(left.is_empty(), "temp files left behind: {left:?}");
}

/// The summary written by a run into `out`.
pub fn summary(out: &Path) -> serde_json::Value {
    let text = fs::read_to_string(out.join("dehusk-summary.json")).expect("summary written");
    serde_json::from_str(&text).expect("summary is JSON")
}

/// The report records written by a run into `out`.
pub fn report(out: &Path) -> Vec<serde_json::Value> {
    let text = fs::read_to_string(out.join("dehusk-report.jsonl")).expect("report written");
    text.lines()
        .map(|l| serde_json::from_str(l).expect("each report line is JSON"))
        .collect()
}

/// True when running as root, where permission bits do not stop reads or writes.
pub fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|o| o.stdout.starts_with(b"0\n"))
        .unwrap_or(false)
}
