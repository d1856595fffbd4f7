//! Beyond one machine: `--shard I/N`, `--skip-existing` resumes and `merge-reports`, checked
//! against a single-process run of the same corpus (the Python examples: tests/scale_examples.rs).

mod common_corpus;

use common_corpus::{dehusk, record, stderr, BODY_1, BODY_2};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

/// Plain files in two folders, JSONL shards (plain, gzip, one with a broken record), a binary.
fn corpus(root: &Path) {
    for (i, folder) in ["in/site-a", "in/site-b"].iter().enumerate() {
        std::fs::create_dir_all(root.join(folder)).unwrap();
        for n in 0..5 {
            let text = format!(
                "Home\nNews\nSport\n{BODY_1}\nDoc {i}-{n}: {BODY_2}\nFollow us on Twitter\nREUTERS/Jane Roe\n"
            );
            std::fs::write(root.join(folder).join(format!("p{n}.txt")), text).unwrap();
        }
    }
    let shard: String = (0..6).map(|n| record(&format!("r{n}")) + "\n").collect();
    std::fs::write(root.join("in/site-a/s1.jsonl"), &shard).unwrap();
    std::fs::write(
        root.join("in/site-b/s2.jsonl"),
        format!("{shard}not json\n"),
    )
    .unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(shard.as_bytes()).unwrap();
    std::fs::write(root.join("in/s3.jsonl.gz"), gz.finish().unwrap()).unwrap();
    std::fs::write(root.join("in/site-b/bin.txt"), b"\0\0binary").unwrap();
}

/// Every file under `dir` (relative path -> bytes), hidden resume markers left out.
fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            if name.starts_with('.') {
                continue;
            }
            if path.is_dir() {
                stack.push(path);
            } else {
                let rel = path
                    .strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .to_string();
                files.insert(rel, std::fs::read(&path).unwrap());
            }
        }
    }
    files
}

fn json(path: &Path) -> serde_json::Value {
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

/// The cleaned copies only (reports and summaries left out).
fn copies(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = tree(dir);
    files.retain(|name, _| !name.starts_with("dehusk-"));
    files
}

fn run(dir: &Path, args: &[&str]) -> std::process::Output {
    dehusk(dir, args, b"")
}

#[test]
fn three_shards_merged_equal_a_single_run() {
    for extra in [&[][..], &["--corpus-lines", "--min-repeats", "2"][..]] {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        corpus(d);
        let single = run(
            d,
            &[&["clean", "in", "missing", "--out", "one", "-q"], extra].concat(),
        );
        assert_eq!(single.status.code(), Some(2), "{}", stderr(&single));
        for i in 0..3 {
            let shard = format!("{i}/3");
            let args = [
                "clean", "in", "missing", "--out", "sh", "-q", "--shard", &shard,
            ];
            let out = run(d, &[&args[..], extra].concat());
            assert!(out.status.code() == Some(2) || out.status.code() == Some(0));
            // Every shard's files go to the same folder, each with its own report and summary.
            let summary = json(&d.join(format!("sh/dehusk-summary.shard-000{i}-of-0003.json")));
            assert_eq!(
                summary["shard"],
                serde_json::json!({"index": i, "count": 3})
            );
        }
        let merged = run(d, &["merge-reports", "sh", "--out", "merged"]);
        assert_eq!(merged.status.code(), Some(0), "{}", stderr(&merged));
        let want = std::fs::read(d.join("one/dehusk-report.jsonl")).unwrap();
        assert!(!want.is_empty());
        assert_eq!(
            std::fs::read(d.join("merged/dehusk-report.jsonl")).unwrap(),
            want
        );
        let one = json(&d.join("one/dehusk-summary.json"));
        assert_eq!(json(&d.join("merged/dehusk-summary.json")), one);
        assert_eq!(one["errors"]["not_found"], 1, "walk errors counted once");
        assert_eq!(copies(&d.join("sh")), copies(&d.join("one")));
    }
}

#[test]
fn shards_in_separate_folders_merge_and_incomplete_sets_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    corpus(d);
    run(d, &["clean", "in", "--out", "one", "-q"]);
    for i in 0..2 {
        let (shard, out) = (format!("{i}/2"), format!("part{i}"));
        run(d, &["clean", "in", "--out", &out, "-q", "--shard", &shard]);
    }
    let merged = run(d, &["merge-reports", "part1", "part0", "--out", "m"]);
    assert_eq!(merged.status.code(), Some(0), "{}", stderr(&merged));
    assert_eq!(
        std::fs::read(d.join("m/dehusk-report.jsonl")).unwrap(),
        std::fs::read(d.join("one/dehusk-report.jsonl")).unwrap()
    );

    let missing = run(d, &["merge-reports", "part0", "--out", "m2"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(
        stderr(&missing).contains("shards missing: [1/2]"),
        "{}",
        stderr(&missing)
    );
    let twice = run(
        d,
        &["merge-reports", "part0", "part0", "part1", "--out", "m2"],
    );
    assert!(
        stderr(&twice).contains("more than once: [0/2]"),
        "{}",
        stderr(&twice)
    );

    run(
        d,
        &[
            "clean",
            "in",
            "--out",
            "other",
            "-q",
            "--shard",
            "1/2",
            "--mode",
            "precision",
        ],
    );
    let mixed = run(d, &["merge-reports", "part0", "other", "--out", "m3"]);
    assert_eq!(mixed.status.code(), Some(2));
    assert!(
        stderr(&mixed).contains("different options"),
        "{}",
        stderr(&mixed)
    );
    assert!(!d.join("m2").exists() && !d.join("m3").exists());
}

#[test]
fn check_shards_add_up_to_the_whole_check() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    corpus(d);
    let removed = |args: &[&str]| {
        let out = run(d, &[&["check", "in", "--format", "json"], args].concat());
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        (
            v["lines_removed"].as_u64().unwrap(),
            v["files"].as_u64().unwrap(),
        )
    };
    let whole = removed(&[]);
    let parts: Vec<_> = (0..3)
        .map(|i| removed(&["--shard", &format!("{i}/3")]))
        .collect();
    assert!(whole.0 > 0);
    assert_eq!(parts.iter().map(|p| p.0).sum::<u64>(), whole.0);
    assert_eq!(parts.iter().map(|p| p.1).sum::<u64>(), whole.1);
}

#[test]
fn a_resumed_run_does_only_the_missing_files_and_reports_like_one_run() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    corpus(d);
    run(d, &["clean", "in", "--out", "one", "-q"]);
    let resumable = ["clean", "in", "--out", "r", "-q", "--skip-existing"];
    run(d, &resumable);
    assert_eq!(copies(&d.join("r")), copies(&d.join("one")));
    // A crash: two copies never written, no report or summary; a finished copy is marked so
    // that we can tell whether the rerun cleaned it again.
    std::fs::remove_file(d.join("r/site-a/p3.txt")).unwrap();
    std::fs::remove_file(d.join("r/site-b/s2.jsonl")).unwrap();
    std::fs::remove_file(d.join("r/dehusk-report.jsonl")).unwrap();
    std::fs::remove_file(d.join("r/dehusk-summary.json")).unwrap();
    std::fs::write(d.join("r/site-a/p1.txt"), "SENTINEL").unwrap();
    let rerun = run(d, &resumable);
    assert_eq!(rerun.status.code(), Some(2), "the binary file still counts");
    assert_eq!(
        std::fs::read(d.join("r/site-a/p1.txt")).unwrap(),
        b"SENTINEL"
    );
    let (mut got, want) = (copies(&d.join("r")), copies(&d.join("one")));
    got.insert("site-a/p1.txt".into(), want["site-a/p1.txt"].clone());
    assert_eq!(got, want, "the missing copies were written");
    assert_eq!(
        std::fs::read(d.join("r/dehusk-report.jsonl")).unwrap(),
        std::fs::read(d.join("one/dehusk-report.jsonl")).unwrap()
    );
    assert_eq!(
        json(&d.join("r/dehusk-summary.json")),
        json(&d.join("one/dehusk-summary.json"))
    );
    // Other options: the markers do not apply and every file is cleaned again.
    run(d, &[&resumable[..], &["--mode", "precision"]].concat());
    assert_ne!(
        std::fs::read(d.join("r/site-a/p1.txt")).unwrap(),
        b"SENTINEL"
    );
}

#[test]
fn usage_errors_name_the_flag() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    corpus(d);
    let bad = run(d, &["clean", "in", "--out", "o", "--shard", "3/3"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("out of range"), "{}", stderr(&bad));
    let dry = run(
        d,
        &[
            "clean",
            "in",
            "--dry-run",
            "--report",
            "r.jsonl",
            "--skip-existing",
        ],
    );
    assert_eq!(dry.status.code(), Some(2));
    assert!(
        stderr(&dry).contains("--skip-existing needs --out"),
        "{}",
        stderr(&dry)
    );
    let stdin = dehusk(
        d,
        &["clean", "--format", "jsonl", "--shard", "0/2", "-"],
        b"",
    );
    assert!(stderr(&stdin).contains("not stdin"), "{}", stderr(&stdin));
}
