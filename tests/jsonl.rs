//! JSON Lines corpora end to end: plain, gzip and zstd shards, stdin streaming, field options,
//! broken and oversized records, and the byte-exact round trip of untouched fields.

mod common_corpus;

use common_corpus::{dehusk, record, report, stderr, stdout, BODY_1, BODY_2};
use std::io::{Read, Write};

fn shard_lines() -> String {
    format!("{}\nnot json at all\n{{\"id\":\"x\",\"body\":\"no text\"}}\n{{\"id\":\"n\",\"text\":42}}\n\n{}\n", record("a"), record("b"))
}

fn expected_clean(id: &str) -> String {
    let text = format!("{BODY_1}\n{BODY_2}\n");
    format!(
        r#"{{"id":"{id}","url":"https://news.example/{id}","text":{},"meta":{{"n":1.50e3,"tags":["a", "b"]}}}}"#,
        serde_json::to_string(&text).unwrap()
    )
}

fn expected_output() -> String {
    format!("{}\nnot json at all\n{{\"id\":\"x\",\"body\":\"no text\"}}\n{{\"id\":\"n\",\"text\":42}}\n\n{}\n", expected_clean("a"), expected_clean("b"))
}

#[test]
fn plain_gzip_and_zstd_shards_keep_name_compression_order_and_untouched_fields() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in/sub");
    std::fs::create_dir_all(&input).unwrap();
    let plain = shard_lines();
    std::fs::write(input.join("s.jsonl"), &plain).unwrap();
    // Two gzip members: the decoder must read past the first.
    let (first, second) = plain.split_at(plain.find("not json").unwrap());
    let mut gz = Vec::new();
    for part in [first, second] {
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        enc.write_all(part.as_bytes()).unwrap();
        gz.extend(enc.finish().unwrap());
    }
    std::fs::write(input.join("s.jsonl.gz"), gz).unwrap();
    std::fs::write(
        input.join("s.jsonl.zst"),
        zstd::encode_all(plain.as_bytes(), 3).unwrap(),
    )
    .unwrap();

    let out = dehusk(dir.path(), &["clean", "in", "--out", "out", "-q"], b"");
    assert_eq!(
        out.status.code(),
        Some(2),
        "broken records are errors: {}",
        stderr(&out)
    );
    let want = expected_output();
    assert_eq!(
        std::fs::read_to_string(dir.path().join("out/sub/s.jsonl")).unwrap(),
        want
    );
    let mut text = String::new();
    let gz = std::fs::File::open(dir.path().join("out/sub/s.jsonl.gz")).unwrap();
    flate2::read::MultiGzDecoder::new(gz)
        .read_to_string(&mut text)
        .unwrap();
    assert_eq!(text, want);
    let zst =
        zstd::decode_all(std::fs::File::open(dir.path().join("out/sub/s.jsonl.zst")).unwrap())
            .unwrap();
    assert_eq!(String::from_utf8(zst).unwrap(), want);
    assert_eq!(
        std::fs::read_to_string(input.join("s.jsonl")).unwrap(),
        plain,
        "inputs are never modified"
    );

    let err = stderr(&out);
    assert!(
        err.contains("in/sub/s.jsonl:2: invalid JSON object"),
        "{err}"
    );
    assert!(
        err.contains("in/sub/s.jsonl.zst:3: no field `text`"),
        "{err}"
    );
    assert!(
        err.contains("in/sub/s.jsonl.gz:4: field `text` is not a string"),
        "{err}"
    );
    let summary: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dir.path().join("out/dehusk-summary.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(
        summary["errors"],
        serde_json::json!({"bad_json": 3, "missing_text": 3, "text_not_string": 3})
    );
    assert_eq!(summary["documents"], 6);

    let records = report(&dir.path().join("out/dehusk-report.jsonl"));
    let first = &records[0];
    assert_eq!(first["path"], "in/sub/s.jsonl");
    assert_eq!(
        (
            first["record"].as_u64(),
            first["id"].as_str(),
            first["line"].as_u64()
        ),
        (Some(1), Some("a"), Some(1))
    );
    let keys: Vec<&str> = first
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        ["path", "record", "id", "line", "category", "rule", "score", "text"]
    );
    assert!(records
        .iter()
        .any(|r| r["record"] == 6 && r["id"] == "b" && r["line"] == 4));
}

#[test]
fn stdin_jsonl_streams_one_line_per_input_line_with_the_report_on_stderr() {
    let dir = tempfile::tempdir().unwrap();
    let out = dehusk(
        dir.path(),
        &["clean", "--format", "jsonl", "--report", "-", "-"],
        shard_lines().as_bytes(),
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stdout(&out), expected_output());
    let err = stderr(&out);
    assert!(
        err.contains(r#""path":"-","record":1,"id":"a","line":1"#),
        "{err}"
    );
    assert!(err.contains("-:2: invalid JSON object"), "{err}");
}

#[test]
fn field_options_pick_the_text_and_id_and_clean_stdin_exits_zero_when_all_is_well() {
    let dir = tempfile::tempdir().unwrap();
    let text = format!("Home\n{BODY_1}\n{BODY_2}\n");
    let line = format!(
        "{{\"digest\":\"sha1:9\",\"raw_content\":{},\"text\":\"left alone\"}}\n",
        serde_json::to_string(&text).unwrap()
    );
    let args = [
        "clean",
        "--format",
        "jsonl",
        "--text-field",
        "raw_content",
        "--id-field",
        "digest",
        "--report",
        "-",
        "-",
    ];
    let out = dehusk(dir.path(), &args, line.as_bytes());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let cleaned: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(cleaned["raw_content"], format!("{BODY_1}\n{BODY_2}\n"));
    assert_eq!(cleaned["text"], "left alone");
    assert!(stderr(&out).contains(r#""id":"sha1:9","line":1"#));
}

#[test]
fn an_oversized_record_passes_through_untouched_as_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let big = record("a-much-longer-id");
    let input = format!("{big}\n{}\n", record("s"));
    let limit = (big.len() - 1).to_string();
    let out = dehusk(
        dir.path(),
        &["clean", "--format", "jsonl", "--max-doc-bytes", &limit, "-"],
        input.as_bytes(),
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "a warning is not an error: {}",
        stderr(&out)
    );
    assert_eq!(stdout(&out), format!("{big}\n{}\n", expected_clean("s")));
    assert!(
        stderr(&out).contains("-:1: record over --max-doc-bytes"),
        "{}",
        stderr(&out)
    );
}
