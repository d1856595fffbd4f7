//! `--corpus-lines` on the generator's labelled sites: it must add recall without costing
//! precision, report `duplicate.site_wide`, give the same results on one thread and two,
//! and group JSONL records by `--group-field`.

mod common_corpus;

#[allow(dead_code)]
#[path = "../examples/synth/mod.rs"]
mod synth;

use common_corpus::{dehusk, report, stderr};

#[test]
fn the_corpus_pass_improves_recall_and_f1_on_generated_sites_and_is_thread_independent() {
    let dir = tempfile::tempdir().unwrap();
    synth::write_corpus(&dir.path().join("corpus"), 4, 12, 7).unwrap();
    let run = |out: &str, extra: &[&str]| {
        let args = [&["clean", "corpus", "--out", out, "-q"][..], extra].concat();
        let result = dehusk(dir.path(), &args, b"");
        assert_eq!(result.status.code(), Some(0), "{}", stderr(&result));
        synth::score::score(
            &dir.path().join("corpus"),
            &dir.path().join(out).join("dehusk-report.jsonl"),
        )
        .unwrap()
    };
    let base = run("base", &[]);
    let pass = run("pass", &["--corpus-lines", "-j1"]);
    assert!(
        pass.recall() > base.recall(),
        "recall {:.3} -> {:.3}",
        base.recall(),
        pass.recall()
    );
    assert!(
        pass.precision() >= base.precision() - 0.01,
        "precision {:.3} -> {:.3}",
        base.precision(),
        pass.precision()
    );
    assert!(
        pass.f1() > base.f1(),
        "f1 {:.3} -> {:.3}",
        base.f1(),
        pass.f1()
    );

    let records = report(&dir.path().join("pass/dehusk-report.jsonl"));
    let site_wide: Vec<_> = records
        .iter()
        .filter(|r| r["rule"] == "duplicate.site_wide")
        .collect();
    assert!(!site_wide.is_empty());
    assert!(site_wide.iter().all(|r| r["category"] == "duplicate"));
    // The site's stock body sentence stays wherever it is in under half of the site's documents.
    let stock = "Officials did not immediately respond to a request for comment on the matter.";
    for site in 0..4 {
        let folder = dir.path().join(format!("corpus/site-{site:02}"));
        let texts: Vec<String> = (0..12)
            .map(|d| std::fs::read_to_string(folder.join(format!("doc-{d:03}.txt"))).unwrap())
            .collect();
        let with_stock = texts
            .iter()
            .filter(|t| t.lines().any(|l| l == stock))
            .count();
        let prefix = format!("corpus/site-{site:02}/");
        let removed = records
            .iter()
            .filter(|r| r["text"] == stock && r["path"].as_str().unwrap().starts_with(&prefix))
            .count();
        if with_stock * 2 < texts.len() {
            assert_eq!(
                removed, 0,
                "site {site}: body prose in {with_stock} of 12 documents was removed"
            );
        }
    }
    run("pass2", &["--corpus-lines", "-j2"]);
    for name in [
        "dehusk-report.jsonl",
        "dehusk-summary.json",
        "site-00/doc-000.txt",
    ] {
        let one = std::fs::read(dir.path().join("pass").join(name)).unwrap();
        let two = std::fs::read(dir.path().join("pass2").join(name)).unwrap();
        assert!(one == two, "{name} differs between -j1 and -j2");
    }
    let summary: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dir.path().join("pass/dehusk-summary.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(summary["corpus"]["groups"], 4);
    assert_eq!(summary["options"]["corpus_lines"]["min_repeats"], 3);
}

#[test]
fn jsonl_records_are_grouped_by_the_group_field() {
    let dir = tempfile::tempdir().unwrap();
    synth::write_shard(&dir.path().join("shard.jsonl"), 3, 8, 3).unwrap();
    let out = dehusk(
        dir.path(),
        &[
            "clean",
            "shard.jsonl",
            "--out",
            "out",
            "--corpus-lines",
            "--group-field",
            "domain",
            "-q",
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let summary: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dir.path().join("out/dehusk-summary.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(summary["corpus"]["groups"], 3, "one group per domain");
    let records = report(&dir.path().join("out/dehusk-report.jsonl"));
    assert!(records
        .iter()
        .any(|r| r["rule"] == "duplicate.site_wide" && r["record"].as_u64().is_some()));
}

#[test]
fn the_corpus_pass_refuses_stdin_and_bad_settings() {
    let dir = tempfile::tempdir().unwrap();
    let out = dehusk(dir.path(), &["clean", "--corpus-lines", "-"], b"text\n");
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--corpus-lines needs files or folders"));
    std::fs::write(dir.path().join("a.txt"), "x\n").unwrap();
    let out = dehusk(
        dir.path(),
        &[
            "clean",
            "a.txt",
            "--out",
            "o",
            "--corpus-lines",
            "--min-repeats",
            "1",
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--min-repeats must be at least 2"));
}
