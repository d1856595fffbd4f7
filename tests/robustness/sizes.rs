//! Size cases, small versions (the big ones are scripts/reliability/sizes.sh): no timing assertions.

use crate::*;
use std::fs;

#[test]
fn a_five_megabyte_single_line_is_cleaned_whole() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    let line: String = "lorem ipsum dolor sit amet ".repeat(5 * 1024 * 1024 / 27);
    put(&input, "one-line.txt", line.as_bytes());
    let out = dir.path().join("out");
    let run = clean(&[&input, Path::new("--out"), &out]);
    assert_eq!(code(&run), 0, "{}", stderr(&run));
    let cleaned = fs::read(out.join("one-line.txt")).unwrap();
    assert!(
        cleaned.is_empty() || cleaned == line.as_bytes(),
        "a line is kept whole or dropped whole"
    );
    assert_eq!(summary(&out)["lines_in"], 1);
}

#[test]
fn a_document_longer_than_one_window_is_reported_with_its_own_line_numbers() {
    // 120,000 lines span three analysis windows (see dehusk::window): chaff is found in each,
    // and every report line number points at the input line it names.
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    let lines: Vec<String> = (0..40_000)
        .flat_map(|i| {
            [
                format!("{PROSE} Report number {i} followed the vote."),
                "Share on Facebook".to_string(),
                format!("{PROSE2} Section {i} was closed."),
            ]
        })
        .collect();
    let doc: String = lines.iter().map(|l| format!("{l}\r\n")).collect();
    put(&input, "long.txt", doc.as_bytes());
    let out = dir.path().join("out");
    let run = clean(&[&input, Path::new("--out"), &out]);
    assert_eq!(code(&run), 0, "{}", stderr(&run));
    let records = report(&out);
    let last = records.iter().map(|r| r["line"].as_u64().unwrap()).max();
    assert!(last > Some(100_000), "chaff in the last window is found");
    for record in &records {
        let line = record["line"].as_u64().unwrap() as usize;
        assert_eq!(record["text"], lines[line - 1].as_str(), "line {line}");
    }
    let cleaned = fs::read_to_string(out.join("long.txt")).unwrap();
    assert!(cleaned.lines().all(|l| !l.starts_with("Share on")));
    assert_eq!(
        cleaned.matches("\r\n").count() + records.len(),
        lines.len(),
        "every line is kept or reported"
    );
}

/// 10 MiB with a BOM and CRLF endings, two thirds chaff: over the streaming threshold, several
/// windows, and more than 100,000 removals.
fn big_document() -> Vec<u8> {
    let mut doc = b"\xEF\xBB\xBF".to_vec();
    let mut i = 0usize;
    while doc.len() < 10 * 1024 * 1024 {
        let line = match i % 6 {
            0 => format!("{PROSE} Report number {i} followed the vote."),
            1..=4 => "Share on Facebook".to_string(),
            _ => format!("{PROSE2} Section {i} was closed."),
        };
        doc.extend_from_slice(line.as_bytes());
        doc.extend_from_slice(b"\r\n");
        i += 1;
    }
    doc
}

#[test]
fn a_big_pipe_streams_through_stdin_as_if_cleaned_whole() {
    use std::io::Write;
    let doc = big_document();
    let mut child = dehusk()
        .args(["clean", "-", "--report", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let feed = {
        let doc = doc.clone();
        std::thread::spawn(move || stdin.write_all(&doc))
    };
    let run = child.wait_with_output().unwrap();
    feed.join().unwrap().unwrap();
    assert_eq!(code(&run), 0);
    let expected = dehusk::encoding::clean(&doc, dehusk::Mode::Balanced, None, &[]);
    assert!(
        run.stdout == expected.output,
        "stdout equals the in-memory output"
    );
    let records = String::from_utf8(run.stderr).unwrap();
    assert_eq!(records.lines().count(), expected.removals.len());
    let last: serde_json::Value = serde_json::from_str(records.lines().last().unwrap()).unwrap();
    assert_eq!(last["line"], expected.removals.last().unwrap().line);
}

#[test]
fn a_file_streamed_from_disk_comes_out_as_if_cleaned_whole() {
    // Over 8 MiB the binary reads, cleans and writes window by window, and past 100,000
    // removals spools report records to a temp file: outputs, report and summary must equal
    // the library's in-memory result for the same bytes (BOM and CRLF included).
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    let doc = big_document();
    put(&input, "big.txt", &doc);
    let out = dir.path().join("out");
    let run = clean(&[&input, Path::new("--out"), &out]);
    assert_eq!(code(&run), 0, "{}", stderr(&run));

    let expected = dehusk::encoding::clean(&doc, dehusk::Mode::Balanced, None, &[]);
    assert!(
        expected.removals.len() > 100_000,
        "enough removals to spool"
    );
    assert!(
        fs::read(out.join("big.txt")).unwrap() == expected.output,
        "streamed output equals the in-memory one"
    );
    let records = report(&out);
    assert_eq!(records.len(), expected.removals.len());
    for (record, removal) in records.iter().zip(&expected.removals) {
        assert_eq!(record["line"], removal.line);
        assert_eq!(record["rule"], removal.rule);
        assert_eq!(record["text"], removal.text.as_str());
    }
    let s = summary(&out);
    assert_eq!(s["lines_removed"], expected.removals.len());
    assert_eq!(s["lines_in"], expected.lines_in);
    assert_eq!(s["bytes_in"], doc.len());
    assert_eq!(s["bytes_out"], expected.output.len());
    assert_eq!(
        fs::read_dir(&out).unwrap().count(),
        3,
        "the copy, the report and the summary: no spool or temp file left"
    );
}

#[test]
fn two_hundred_thousand_tiny_lines_are_all_accounted_for() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    let doc: String = (0..200_000).map(|i| format!("{}\n", i % 97)).collect();
    put(&input, "tiny.txt", doc.as_bytes());
    let out = dir.path().join("out");
    let run = clean(&[&input, Path::new("--out"), &out]);
    assert_eq!(code(&run), 0, "{}", stderr(&run));
    let s = summary(&out);
    assert_eq!(s["lines_in"], 200_000);
    let out_lines = fs::read_to_string(out.join("tiny.txt"))
        .unwrap()
        .lines()
        .count() as u64;
    assert_eq!(s["lines_out"], out_lines);
    assert_eq!(
        s["lines_removed"].as_u64().unwrap() + out_lines,
        200_000,
        "no blank lines here: all dropped are reported"
    );
}

#[test]
fn five_thousand_empty_files_each_get_an_empty_copy() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    for i in 0..5000 {
        put(&input, &format!("d{}/f{i:05}.txt", i % 10), b"");
    }
    let out = dir.path().join("out");
    let run = clean_with(&[&input, Path::new("--out"), &out], &["-j2"]);
    assert_eq!(code(&run), 0, "{}", stderr(&run));
    assert_eq!(summary(&out)["documents"], 5000);
    let copies = files(&out);
    assert_eq!(copies.len(), 5002);
    assert!(copies
        .iter()
        .filter(|f| f.ends_with(".txt"))
        .all(|f| fs::metadata(out.join(f)).unwrap().len() == 0));
}

#[test]
fn files_over_the_size_limit_are_copied_through_and_counted() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    let big = format!("Home\n{PROSE}\n").repeat(100);
    put(&input, "big.txt", big.as_bytes());
    put(&input, "small.txt", format!("Home\n{PROSE}\n").as_bytes());
    let out = dir.path().join("out");
    let run = clean_with(
        &[&input, Path::new("--out"), &out],
        &["--max-file-bytes", "1000"],
    );
    assert_eq!(code(&run), 2);
    assert!(
        stderr(&run).contains(&format!(
            "big.txt: {} bytes is over --max-file-bytes 1000",
            big.len()
        )),
        "{}",
        stderr(&run)
    );
    assert_eq!(
        fs::read(out.join("big.txt")).unwrap(),
        big.as_bytes(),
        "copied through byte for byte"
    );
    assert_eq!(
        fs::read_to_string(out.join("small.txt")).unwrap(),
        format!("{PROSE}\n")
    );
    assert_eq!(summary(&out)["errors"]["too_large"], 1);
}
