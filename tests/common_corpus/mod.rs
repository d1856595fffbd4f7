//! Shared helpers for the JSONL, check and corpus integration tests: run the real binary.

#![allow(dead_code)]

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

/// An article body that the heuristics keep, and chrome that they drop.
pub const BODY_1: &str = "The council voted on Monday to close the old bridge for repairs, which are expected to take most of the summer.";
pub const BODY_2: &str =
    "Residents who rely on the bridge said they had not been told how long the detour would add to their commute.";

/// Run dehusk with `args` in `dir`, feeding `stdin`.
pub fn dehusk(dir: &Path, args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dehusk"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the dehusk binary runs");
    let mut input = child.stdin.take().expect("piped stdin");
    // A run that stops early (a usage error) closes stdin unread: not a test failure.
    let _ = input.write_all(stdin);
    drop(input);
    child.wait_with_output().expect("dehusk finishes")
}

pub fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The JSON Lines report at `path`, parsed.
pub fn report(path: &Path) -> Vec<serde_json::Value> {
    std::fs::read_to_string(path)
        .expect("the report exists")
        .lines()
        .map(|l| serde_json::from_str(l).expect("report lines are JSON"))
        .collect()
}

/// A JSONL record whose text is a menu line, two body lines and a credit line.
pub fn record(id: &str) -> String {
    let text = format!("Home\n{BODY_1}\n{BODY_2}\nREUTERS/Jane Roe\n");
    format!(
        r#"{{"id":"{id}","url":"https://news.example/{id}","text":{},"meta":{{"n":1.50e3,"tags":["a", "b"]}}}}"#,
        serde_json::to_string(&text).unwrap()
    )
}
