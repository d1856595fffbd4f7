//! Bad input: empty and blank files, line endings, BOMs, invalid UTF-8, legacy encodings, binary files.

use crate::*;
use std::fs;

#[test]
fn empty_blank_and_unterminated_files_come_out_as_they_should() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    put(&input, "empty.txt", b"");
    put(&input, "blank.txt", b"   \n\t\n\n");
    let unterminated = format!("{PROSE}\n{PROSE2}");
    put(&input, "unterminated.txt", unterminated.as_bytes());
    let out = dir.path().join("out");
    let run = clean(&[&input, Path::new("--out"), &out]);
    assert_eq!(code(&run), 0, "{}", stderr(&run));
    assert_eq!(fs::read(out.join("empty.txt")).unwrap(), b"");
    let blank = fs::read(out.join("blank.txt")).unwrap();
    assert!(
        blank.iter().all(u8::is_ascii_whitespace) && blank.len() <= 7,
        "blank file stays blank: {blank:?}"
    );
    assert_eq!(
        fs::read_to_string(out.join("unterminated.txt")).unwrap(),
        unterminated,
        "no newline is added"
    );
    assert_eq!(summary(&out)["documents"], 3);
}

#[test]
fn crlf_and_lone_cr_endings_are_kept_on_kept_lines() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    put(
        &input,
        "crlf.txt",
        format!("Home\r\n{PROSE}\r\n{PROSE2}\r\n").as_bytes(),
    );
    put(
        &input,
        "cr.txt",
        format!("Home\r{PROSE}\r{PROSE2}\r").as_bytes(),
    );
    put(
        &input,
        "mixed.txt",
        format!("{PROSE}\r\n{PROSE2}\r").as_bytes(),
    );
    let out = dir.path().join("out");
    let run = clean(&[&input, Path::new("--out"), &out]);
    assert_eq!(code(&run), 0, "{}", stderr(&run));
    assert_eq!(
        fs::read_to_string(out.join("crlf.txt")).unwrap(),
        format!("{PROSE}\r\n{PROSE2}\r\n")
    );
    assert_eq!(
        fs::read_to_string(out.join("cr.txt")).unwrap(),
        format!("{PROSE}\r{PROSE2}\r")
    );
    assert_eq!(
        fs::read_to_string(out.join("mixed.txt")).unwrap(),
        format!("{PROSE}\r\n{PROSE2}\r")
    );
    let records = report(&out);
    assert!(
        records
            .iter()
            .all(|r| !r["text"].as_str().unwrap().contains('\r')),
        "terminators stay out of the report"
    );
}

#[test]
fn a_utf8_bom_is_kept_even_when_line_one_is_dropped() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    put(
        &input,
        "dropped.txt",
        format!("\u{feff}Home\n{PROSE}\n{PROSE2}\n").as_bytes(),
    );
    put(
        &input,
        "kept.txt",
        format!("\u{feff}{PROSE}\n{PROSE2}\n").as_bytes(),
    );
    let out = dir.path().join("out");
    let run = clean(&[&input, Path::new("--out"), &out]);
    assert_eq!(code(&run), 0, "{}", stderr(&run));
    assert_eq!(
        fs::read_to_string(out.join("dropped.txt")).unwrap(),
        format!("\u{feff}{PROSE}\n{PROSE2}\n")
    );
    assert_eq!(
        fs::read_to_string(out.join("kept.txt")).unwrap(),
        format!("\u{feff}{PROSE}\n{PROSE2}\n")
    );
    let records = report(&out);
    assert_eq!(
        records[0]["text"], "Home",
        "the BOM is not part of the reported text"
    );
}

#[test]
fn invalid_utf8_lines_are_written_back_byte_for_byte_and_reported_safely() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    let mut doc = b"Home \xff\xfe\x00\n".to_vec();
    doc[7] = b'!'; // no NUL: this is text with invalid bytes, not binary
    let kept = format!("{PROSE} Caf\u{e9}").into_bytes();
    let mut kept_latin1 = kept.clone();
    kept_latin1.truncate(kept.len() - 2);
    kept_latin1.extend_from_slice(b"\xe9 \xc3\x28\x80");
    doc.extend_from_slice(&kept_latin1);
    doc.extend_from_slice(format!("\n{PROSE2}\n").as_bytes());
    put(&input, "bad.txt", &doc);
    let out = dir.path().join("out");
    let run = clean(&[&input, Path::new("--out"), &out]);
    assert_eq!(code(&run), 0, "{}", stderr(&run));
    let cleaned = fs::read(out.join("bad.txt")).unwrap();
    assert!(
        cleaned
            .windows(kept_latin1.len())
            .any(|w| w == kept_latin1.as_slice()),
        "invalid bytes kept as they were"
    );
    assert!(!cleaned.starts_with(b"Home"));
    let records = report(&out);
    assert_eq!(records[0]["line"], 1);
    assert_eq!(
        records[0]["text"], "Home \u{fffd}\u{fffd}!",
        "undecodable bytes show as U+FFFD in valid JSON"
    );
}

#[test]
fn a_declared_legacy_encoding_reads_properly_without_transcoding() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    // windows-1252: \xe9 is é, \x96 an en dash, \x92 a right quote.
    let doc = [
        b"Caf\xe9 \x96 Men\xfc\n".as_slice(),
        PROSE.as_bytes(),
        b" It\x92s late.\n",
        PROSE2.as_bytes(),
        b"\n",
    ]
    .concat();
    put(&input, "legacy.txt", &doc);
    let (plain, declared) = (dir.path().join("plain"), dir.path().join("declared"));
    assert_eq!(code(&clean(&[&input, Path::new("--out"), &plain])), 0);
    let run = clean_with(
        &[&input, Path::new("--out"), &declared],
        &["--encoding", "windows-1252"],
    );
    assert_eq!(code(&run), 0, "{}", stderr(&run));
    let cleaned = fs::read(declared.join("legacy.txt")).unwrap();
    assert_eq!(
        cleaned,
        doc[doc.iter().position(|&b| b == b'\n').unwrap() + 1..],
        "kept lines are the input bytes"
    );
    assert_eq!(
        report(&declared)[0]["text"],
        "Caf\u{e9} \u{2013} Men\u{fc}",
        "the report text is decoded"
    );
    assert_eq!(
        report(&plain)[0]["text"],
        "Caf\u{fffd} \u{fffd} Men\u{fffd}",
        "undeclared: shown safely"
    );
    assert_eq!(summary(&declared)["options"]["encoding"], "windows-1252");
    let bad = clean_with(
        &[&input, Path::new("--out"), &dir.path().join("x")],
        &["--encoding", "no-such-thing"],
    );
    assert_eq!(code(&bad), 2);
    assert!(stderr(&bad).contains("unknown encoding label"));
}

#[test]
fn utf16_with_a_bom_is_text_not_binary_and_stays_utf16() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    let utf16 = |s: &str| -> Vec<u8> { s.encode_utf16().flat_map(|u| u.to_le_bytes()).collect() };
    let doc = [
        vec![0xFF, 0xFE],
        utf16(&format!("Home\r\n{PROSE}\r\n{PROSE2}\r\n")),
    ]
    .concat();
    put(&input, "wide.txt", &doc);
    let out = dir.path().join("out");
    let run = clean(&[&input, Path::new("--out"), &out]);
    assert_eq!(code(&run), 0, "{}", stderr(&run));
    let expected = [vec![0xFF, 0xFE], utf16(&format!("{PROSE}\r\n{PROSE2}\r\n"))].concat();
    assert_eq!(fs::read(out.join("wide.txt")).unwrap(), expected);
    assert_eq!(report(&out)[0]["text"], "Home");
}

#[test]
fn binary_files_are_named_counted_and_fail_the_run_unless_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    put(&input, "a.txt", format!("{PROSE}\n").as_bytes());
    put(&input, "image.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    let out = dir.path().join("out");
    let run = clean(&[&input, Path::new("--out"), &out]);
    assert_eq!(code(&run), 2);
    assert!(
        stderr(&run).contains("image.txt: binary file"),
        "{}",
        stderr(&run)
    );
    assert_eq!(summary(&out)["errors"]["binary"], 1);
    assert_eq!(
        files(&out),
        ["a.txt", "dehusk-report.jsonl", "dehusk-summary.json"],
        "no copy of the binary file"
    );

    let skipped = dir.path().join("skipped");
    let run = clean_with(&[&input, Path::new("--out"), &skipped], &["--skip-binary"]);
    assert_eq!(code(&run), 0, "{}", stderr(&run));
    assert_eq!(summary(&skipped)["skipped"]["binary"], 1);
    assert_eq!(summary(&skipped)["errors"], serde_json::json!({}));
}

#[test]
fn binary_stdin_passes_through_with_exit_2() {
    use std::io::Write;
    let mut child = dehusk()
        .args(["clean", "-", "-q"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(b"ab\0cd").unwrap();
    let run = child.wait_with_output().unwrap();
    assert_eq!(code(&run), 2);
    assert_eq!(run.stdout, b"ab\0cd");
    assert!(stderr(&run).contains("binary input"));
}
