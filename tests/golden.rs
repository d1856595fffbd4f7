//! Golden tests: the labelled fixtures in tests/fixtures/golden (seed TSV format) run through `dehusk::clean_document` in balanced mode; every content line must be kept and every chaff line dropped.

mod labelled;

use labelled::{check, parse_tsv, render, KnownFailing, Labelled, Mistake, LABELS};
use std::collections::BTreeSet;
use std::path::PathBuf;

fn fixture_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/golden")
}

/// (file name, contents) of every fixture, sorted by name.
fn fixtures() -> Vec<(String, String)> {
    let mut list: Vec<(String, String)> = std::fs::read_dir(fixture_dir())
        .expect("tests/fixtures/golden exists")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "tsv"))
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read_to_string(&p).unwrap(),
            )
        })
        .collect();
    list.sort();
    list
}

/// The document a fixture describes: its text column, one line each, `\n`-terminated.
fn document(lines: &[Labelled]) -> Vec<u8> {
    lines
        .iter()
        .flat_map(|l| format!("{}\n", l.text).into_bytes())
        .collect()
}

#[test]
fn golden_fixtures_keep_content_and_drop_chaff() {
    let fixtures = fixtures();
    assert!(
        fixtures.len() >= 6,
        "expected at least 6 golden fixtures, found {}",
        fixtures.len()
    );
    let mut failing = Vec::new();
    let mut tolerated = Vec::new();
    let mut checked = 0;
    for (name, content) in &fixtures {
        let file = parse_tsv(content).unwrap_or_else(|e| panic!("{name}: {e}"));
        let mistakes = check(&document(&file.lines), &file.lines);
        checked += file.lines.iter().filter(|l| l.label != "blank").count();
        let (known, new): (Vec<Mistake>, Vec<Mistake>) = mistakes
            .into_iter()
            .partition(|m| file.known_failing.tolerates(m.line));
        if !new.is_empty() {
            failing.push(render(name, &new));
        }
        if !known.is_empty() {
            tolerated.push(render(name, &known));
        }
        let fixed: Vec<usize> = match &file.known_failing {
            KnownFailing::None => Vec::new(),
            KnownFailing::All if known.is_empty() => vec![0],
            KnownFailing::All => Vec::new(),
            KnownFailing::Lines(lines) => lines
                .iter()
                .copied()
                .filter(|n| known.iter().all(|m| m.line != *n))
                .collect(),
        };
        if !fixed.is_empty() {
            println!("{name}: known-failing line(s) now right, update the marker: {fixed:?} (0 = whole file)");
        }
        if new.is_empty() && known.is_empty() {
            println!("{name}: ok");
        }
    }
    if !tolerated.is_empty() {
        println!(
            "\nknown-failing lines (reported, not failed):\n{}",
            tolerated.join("\n")
        );
    }
    assert!(
        failing.is_empty(),
        "golden mistakes ({checked} labelled lines checked):\n{}",
        failing.join("\n")
    );
}

#[test]
fn fixtures_are_well_formed_and_cover_every_category() {
    let mut seen = BTreeSet::new();
    for (name, content) in fixtures() {
        let file = parse_tsv(&content).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(
            file.lines.iter().any(|l| l.label == "content"),
            "{name} has no content line"
        );
        assert!(
            file.lines
                .iter()
                .any(|l| l.label != "content" && l.label != "blank"),
            "{name} has no chaff line"
        );
        seen.extend(file.lines.iter().map(|l| l.label.clone()));
    }
    let all: BTreeSet<String> = LABELS.iter().map(|s| s.to_string()).collect();
    assert_eq!(
        seen, all,
        "the golden fixtures must use every label at least once"
    );
}

#[test]
fn the_checker_reports_wrong_verdicts_in_both_directions() {
    let file = parse_tsv(
        "# a deliberately mislabelled document\nline\tlabel\ttext\n\
         1\tcontent\tShare on Facebook\n\
         2\tblank\t\n\
         3\tcontent\tThe harbour authority in Kellsby said on Thursday that it would dredge the main shipping channel before the autumn storms, after two cargo ships ran aground.\n\
         4\tpromo\tLocal traders said the closure came at a bad time, because the tourist season usually runs until the end of September and the ferries bring customers.\n\
         5\tcontent\tThe authority said the cost of the dredging would be met from its reserves and from a grant that the county council had agreed to pay last year.\n",
    )
    .unwrap();
    assert_eq!(file.known_failing, KnownFailing::None);
    let mistakes = check(&document(&file.lines), &file.lines);
    let lines: Vec<usize> = mistakes.iter().map(|m| m.line).collect();
    assert_eq!(lines, vec![1, 4], "{mistakes:?}");
    assert!(
        mistakes[0].verdict.starts_with("dropped by nav."),
        "{mistakes:?}"
    );
    assert_eq!(mistakes[1].verdict, "kept");
    assert!(render("x", &mistakes).contains("want promo"));
}

#[test]
fn malformed_label_files_are_rejected() {
    assert!(parse_tsv("line\tlabel\ttext\n1\tcontent\tHello there.\n").is_ok());
    let all = parse_tsv("# known-failing\nline\tlabel\ttext\n1\tcontent\tHello there.\n").unwrap();
    assert_eq!(all.known_failing, KnownFailing::All);
    let some = parse_tsv("# note\n# known-failing: 2, 3\nline\tlabel\ttext\n1\tcontent\ta\n2\tcontent\tb\n3\tcontent\tc\n").unwrap();
    assert_eq!(
        some.known_failing,
        KnownFailing::Lines([2, 3].into_iter().collect())
    );
    assert!(some.known_failing.tolerates(3) && !some.known_failing.tolerates(1));
    assert!(parse_tsv("# known-failing: 7\nline\tlabel\ttext\n1\tcontent\ta\n").is_err());
    assert!(parse_tsv("# known-failing: x\nline\tlabel\ttext\n1\tcontent\ta\n").is_err());
    assert!(parse_tsv("1\tcontent\tno header\n").is_err());
    assert!(parse_tsv("line\tlabel\ttext\n1\tfluff\tunknown label\n").is_err());
    assert!(parse_tsv("line\tlabel\ttext\n2\tcontent\tout of sequence\n").is_err());
    assert!(parse_tsv("line\tlabel\ttext\n1\tblank\tnot blank\n").is_err());
    assert!(parse_tsv("line\tlabel\ttext\n1\tcontent\n").is_err());
    assert!(parse_tsv("line\tlabel\ttext\n").is_err());
}
