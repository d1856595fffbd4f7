//! Output placement: --out equal to or inside an input folder, --out naming a file, reports on inputs.

use crate::*;
use std::fs;

fn tree(root: &Path) {
    put(root, "a.txt", format!("Home\n{PROSE}\n").as_bytes());
    put(
        root,
        "sub/b.txt",
        format!("{PROSE2}\nShare on Facebook\n").as_bytes(),
    );
}

fn snapshot(root: &Path) -> Vec<(String, Vec<u8>)> {
    files(root)
        .into_iter()
        .map(|f| (f.clone(), fs::read(root.join(&f)).unwrap()))
        .collect()
}

#[test]
fn out_equal_to_the_input_folder_is_refused_and_nothing_is_touched() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    tree(&input);
    let before = snapshot(&input);
    let run = clean(&[&input, Path::new("--out"), &input]);
    assert_eq!(code(&run), 2);
    assert!(
        stderr(&run).contains("is the input folder"),
        "{}",
        stderr(&run)
    );
    assert_eq!(snapshot(&input), before);
    // The same folder spelled differently is still the same folder.
    let run = clean(&[&input, Path::new("--out"), &input.join("sub/..")]);
    assert_eq!(code(&run), 2);
    assert_eq!(snapshot(&input), before);
}

#[test]
fn out_as_the_folder_of_an_input_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    tree(&input);
    let before = snapshot(&input);
    let run = clean(&[&input.join("a.txt"), Path::new("--out"), &input]);
    assert_eq!(code(&run), 2);
    // Refused by the walk (the copy) or by the placement check (the report): either way named.
    assert!(stderr(&run).contains("would overwrite"), "{}", stderr(&run));
    assert_eq!(snapshot(&input), before);
}

#[test]
fn out_inside_an_input_folder_is_never_read_back() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    tree(&input);
    let out = input.join("cleaned");
    for _ in 0..2 {
        let run = clean(&[&input, Path::new("--out"), &out]);
        assert_eq!(code(&run), 0, "{}", stderr(&run));
        assert_eq!(
            summary(&out)["files"],
            2,
            "the second run does not take its own outputs as inputs"
        );
        assert!(report(&out)
            .iter()
            .all(|r| !r["path"].as_str().unwrap().contains("cleaned")));
    }
    assert_eq!(
        files(&out),
        [
            "a.txt",
            "dehusk-report.jsonl",
            "dehusk-summary.json",
            "sub/b.txt"
        ]
    );
}

#[test]
fn out_naming_an_existing_file_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    tree(&input);
    let file = put(dir.path(), "existing.txt", b"keep me");
    let run = clean(&[&input, Path::new("--out"), &file]);
    assert_eq!(code(&run), 2);
    assert!(
        stderr(&run).contains("is an existing file, not a folder"),
        "{}",
        stderr(&run)
    );
    assert_eq!(fs::read(&file).unwrap(), b"keep me");
}

#[test]
fn a_report_hard_linked_to_an_input_is_refused_and_an_unrelated_old_one_is_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    tree(&input);
    let before = snapshot(&input);
    let out = dir.path().join("out");
    // Outside every input folder, but the same file as one input.
    let linked = dir.path().join("linked-report.jsonl");
    fs::hard_link(input.join("a.txt"), &linked).unwrap();
    let run = clean_with(
        &[&input, Path::new("--out"), &out],
        &["--report", linked.to_str().unwrap()],
    );
    assert_eq!(code(&run), 2, "{}", stderr(&run));
    assert!(
        stderr(&run)
            .contains("a.txt is an input file and cannot also receive the report or summary"),
        "{}",
        stderr(&run)
    );
    assert_eq!(snapshot(&input), before);
    // An old report outside the inputs is simply written again.
    let old = put(dir.path(), "old-report.jsonl", b"old\n");
    let run = clean_with(
        &[&input, Path::new("--out"), &out],
        &["--report", old.to_str().unwrap()],
    );
    assert_eq!(code(&run), 0, "{}", stderr(&run));
    let written = fs::read_to_string(&old).unwrap();
    assert!(written.contains("a.txt"), "{written}");
    assert!(!written.starts_with("old"), "{written}");
}

#[test]
fn a_report_or_out_path_that_is_an_input_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    tree(&input);
    let before = snapshot(&input);
    let out = dir.path().join("out");
    let run = clean_with(
        &[&input, Path::new("--out"), &out],
        &["--report", input.join("a.txt").to_str().unwrap()],
    );
    assert_eq!(code(&run), 2);
    assert!(
        stderr(&run).contains("cannot also receive the report"),
        "{}",
        stderr(&run)
    );
    assert_eq!(snapshot(&input), before);
    // An input folder inside the output folder, whose mirror path is itself.
    let outer = dir.path().join("outer");
    put(&outer, "x.txt", format!("{PROSE}\n").as_bytes());
    let run = clean(&[&outer.join("x.txt"), Path::new("--out"), &outer]);
    assert_eq!(code(&run), 2);
    assert_eq!(
        fs::read_to_string(outer.join("x.txt")).unwrap(),
        format!("{PROSE}\n")
    );
}
