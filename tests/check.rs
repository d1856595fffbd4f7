//! `dehusk check`: each exit code (0 clean, 1 over a threshold, 2 errors) and each output format.

mod common_corpus;

use common_corpus::{dehusk, record, stdout, BODY_1, BODY_2};
use std::path::Path;

/// A folder with one chaff-heavy plain document and one JSONL shard; returns its file list.
fn setup(dir: &Path) -> Vec<String> {
    let docs = dir.join("docs");
    std::fs::create_dir_all(&docs).unwrap();
    std::fs::write(
        docs.join("a.txt"),
        format!("Home\n{BODY_1}\n{BODY_2}\nREUTERS/Jane Roe\n"),
    )
    .unwrap();
    std::fs::write(docs.join("b.jsonl"), format!("{}\n", record("r1"))).unwrap();
    listing(dir)
}

fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = walk(dir)
        .iter()
        .map(|p| p.strip_prefix(dir).unwrap().display().to_string())
        .collect();
    names.sort();
    names
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    std::fs::read_dir(dir)
        .unwrap()
        .flat_map(|e| {
            let path = e.unwrap().path();
            if path.is_dir() {
                walk(&path)
            } else {
                vec![path]
            }
        })
        .collect()
}

#[test]
fn within_thresholds_exits_zero_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let before = setup(dir.path());
    let out = dehusk(
        dir.path(),
        &["check", "docs", "--max-removed-share", "0.9"],
        b"",
    );
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let text = stdout(&out);
    assert!(
        text.contains("2 files, 2 documents, 4 of 8 lines would be removed"),
        "{text}"
    );
    assert!(
        text.contains("ok   removed_share: 50.00% (4 lines), limit 90.00%"),
        "{text}"
    );
    assert_eq!(listing(dir.path()), before, "check writes nothing");
}

#[test]
fn over_a_threshold_exits_one_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    setup(dir.path());
    let args = [
        "check",
        "docs",
        "--max-removed-share",
        "0.9",
        "--max-category",
        "caption=0,navigation=0.5",
    ];
    let text = dehusk(dir.path(), &args, b"");
    assert_eq!(text.status.code(), Some(1));
    assert!(
        stdout(&text).contains("FAIL caption: 25.00% (2 lines), limit 0.00%"),
        "{}",
        stdout(&text)
    );
    assert!(
        stdout(&text).contains("ok   navigation: 25.00% (2 lines), limit 50.00%"),
        "{}",
        stdout(&text)
    );

    let json = dehusk(
        dir.path(),
        &[&args[..], &["--format", "json"]].concat(),
        b"",
    );
    assert_eq!(json.status.code(), Some(1));
    let result: serde_json::Value = serde_json::from_str(&stdout(&json)).unwrap();
    assert_eq!(result["ok"], false);
    assert_eq!(result["exit_code"], 1);
    assert_eq!(result["lines_removed"], 4);
    assert_eq!(
        result["thresholds"][1],
        serde_json::json!({"name": "caption", "limit": 0.0, "value": 0.25, "lines": 2, "ok": false})
    );
    assert_eq!(result["first_findings"][0]["path"], "docs/a.txt");

    let github = dehusk(
        dir.path(),
        &[&args[..], &["--format", "github"]].concat(),
        b"",
    );
    assert_eq!(github.status.code(), Some(1));
    let lines: Vec<String> = stdout(&github).lines().map(String::from).collect();
    assert!(
        lines[0].starts_with("::warning file=docs/a.txt,line=1,title=dehusk nav."),
        "{}",
        lines[0]
    );
    // The score is the heuristics' business; the annotation must carry one.
    assert!(
        lines[1].contains("title=dehusk caption.agency_credit::caption line removed, score 0.")
            && lines[1].ends_with(": REUTERS/Jane Roe"),
        "{}",
        lines[1]
    );
    assert!(lines.iter().any(|l| l.starts_with("::warning file=docs/b.jsonl,line=1,title=dehusk caption.agency_credit::caption line removed (document line 4)")));
    assert_eq!(
        lines.iter().filter(|l| l.starts_with("::warning ")).count(),
        4
    );
    assert!(
        lines
            .iter()
            .any(|l| l == "::error::FAIL caption: 25.00%25 (2 lines), limit 0.00%25"),
        "{lines:?}"
    );
}

#[test]
fn the_github_format_annotates_at_most_fifty_findings() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    std::fs::create_dir_all(&docs).unwrap();
    let shard: String = (0..30)
        .map(|i| format!("{}\n", record(&format!("r{i}"))))
        .collect();
    std::fs::write(docs.join("many.jsonl"), shard).unwrap();
    let out = dehusk(dir.path(), &["check", "docs", "--format", "github"], b"");
    assert_eq!(
        out.status.code(),
        Some(1),
        "60 of 120 lines is over the default 20%"
    );
    let warnings = stdout(&out)
        .lines()
        .filter(|l| l.starts_with("::warning "))
        .count();
    assert_eq!(warnings, 50);
    assert!(
        stdout(&out).contains("::error::FAIL removed_share: 50.00%25 (60 lines), limit 20.00%25")
    );
}

#[test]
fn errors_exit_two_even_when_thresholds_hold() {
    let dir = tempfile::tempdir().unwrap();
    setup(dir.path());
    std::fs::write(dir.path().join("docs/broken.jsonl"), "{not json\n").unwrap();
    let out = dehusk(
        dir.path(),
        &[
            "check",
            "docs",
            "--max-removed-share",
            "1",
            "--format",
            "json",
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(2));
    let result: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(result["errors"]["bad_json"], 1);
    let missing = dehusk(dir.path(), &["check", "nowhere"], b"");
    assert_eq!(missing.status.code(), Some(2));
    assert!(stdout(&missing).contains("ERROR 1 inputs could not be checked: not_found 1"));
    let usage = dehusk(
        dir.path(),
        &["check", "docs", "--max-category", "adverts=0"],
        b"",
    );
    assert_eq!(
        usage.status.code(),
        Some(2),
        "clap rejects an unknown category"
    );
}
