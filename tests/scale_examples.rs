//! The Python examples of running at scale: the datatrove-style streaming step (standard
//! library only) and the PySpark mapper (opt-in: needs Java 17+ and pyspark).

mod common_corpus;

use common_corpus::{record, stderr};
use std::path::Path;
use std::process::Command;

fn example(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples")
        .join(name)
}

/// True when `python3` runs; the examples need nothing else from Python's side.
fn python() -> bool {
    let found = Command::new("python3").arg("--version").output().is_ok();
    if !found {
        eprintln!("SKIPPED: python3 not found");
    }
    found
}

#[test]
fn datatrove_style_step_streams_through_one_process() {
    if !python() {
        return;
    }
    let out = Command::new("python3")
        .arg(example("datatrove_style.py"))
        .args(["--dehusk", env!("CARGO_BIN_EXE_dehusk"), "--docs", "50"])
        .output()
        .expect("python3 runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{text}\n{}", stderr(&out));
    assert!(text.contains("50 documents streamed"), "{text}");
    assert!(text.contains("OK: same ids, order and text"), "{text}");
}

/// The PySpark example end to end on a small corpus. Needs Java 17+ and pyspark, so it only
/// runs on request: `cargo test --test scale_examples -- --ignored --nocapture`; it is skipped (with a
/// message) where either is missing.
#[test]
#[ignore = "needs Java 17+ and pyspark; run with -- --ignored"]
fn spark_example_matches_a_direct_run() {
    if !python() {
        return;
    }
    let script = example("spark/clean_corpus.py");
    let dir = tempfile::tempdir().unwrap();
    let shard: String = (0..400).map(|n| record(&format!("d{n}")) + "\n").collect();
    let corpus = dir.path().join("corpus.jsonl");
    std::fs::write(&corpus, shard).unwrap();
    let out = Command::new("python3")
        .arg(&script)
        .arg(&corpus)
        .args([
            "--dehusk",
            env!("CARGO_BIN_EXE_dehusk"),
            "--partitions",
            "4",
        ])
        .output()
        .expect("python3 runs");
    let (text, err) = (String::from_utf8_lossy(&out.stdout), stderr(&out));
    println!("{text}");
    if out.status.code() == Some(77) {
        eprintln!("SKIPPED spark example: {}", err.trim());
        return;
    }
    assert_eq!(out.status.code(), Some(0), "{text}\n{err}");
    assert!(text.contains("OK: identical"), "{text}");
}
