//! The founding seed documents from the shared folder (`DEHUSK_SHARED` if set, else `../shared` beside the crate, else `/work/shared`), checked line by line like the golden fixtures; skipped with a message when the folder is absent.

mod labelled;

use labelled::{check, parse_tsv, render, KnownFailing};
use std::path::PathBuf;

/// The seeds folder, if one can be found. `DEHUSK_SHARED`, when set, is the only place looked at.
fn seeds_dir() -> Option<PathBuf> {
    let candidates = match std::env::var_os("DEHUSK_SHARED") {
        Some(shared) => vec![PathBuf::from(shared)],
        None => vec![
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"),
            PathBuf::from("/work/shared"),
        ],
    };
    candidates
        .into_iter()
        .map(|shared| shared.join("seeds"))
        .find(|seeds| seeds.join("labels").is_dir())
}

#[test]
fn seed_documents_keep_content_and_drop_chaff() {
    let Some(seeds) = seeds_dir() else {
        println!("seeds: no shared/seeds folder found (set DEHUSK_SHARED); skipped");
        return;
    };
    let mut labels: Vec<PathBuf> = std::fs::read_dir(seeds.join("labels"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "tsv"))
        .collect();
    labels.sort();
    assert!(
        !labels.is_empty(),
        "{} holds no label files",
        seeds.join("labels").display()
    );

    let mut failures = Vec::new();
    let (mut checked, mut wrong) = (0, 0);
    for label_path in &labels {
        let stem = label_path
            .file_stem()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        let input_path = seeds.join("input").join(format!("{stem}.txt"));
        let input =
            std::fs::read(&input_path).unwrap_or_else(|e| panic!("{}: {e}", input_path.display()));
        let file = parse_tsv(&std::fs::read_to_string(label_path).unwrap())
            .unwrap_or_else(|e| panic!("{}: {e}", label_path.display()));
        assert_eq!(
            file.known_failing,
            KnownFailing::None,
            "{stem}: seeds are never tolerated"
        );

        // The labels must describe the input as it is, line for line.
        let text = String::from_utf8_lossy(&input);
        let lines: Vec<&str> = text
            .lines()
            .map(|l| l.strip_suffix('\r').unwrap_or(l))
            .collect();
        assert_eq!(
            lines.len(),
            file.lines.len(),
            "{stem}: the labels do not cover the input line for line"
        );
        for (line, label) in lines.iter().zip(&file.lines) {
            assert_eq!(
                *line, label.text,
                "{stem}:{}: label text differs from the input",
                label.line
            );
        }

        let mistakes = check(&input, &file.lines);
        checked += file.lines.iter().filter(|l| l.label != "blank").count();
        wrong += mistakes.len();
        if mistakes.is_empty() {
            println!("{stem}: ok");
        } else {
            failures.push(render(&stem, &mistakes));
        }
    }
    println!("seeds: {}/{checked} labelled lines right", checked - wrong);
    assert!(
        failures.is_empty(),
        "seed mistakes ({wrong} of {checked} lines):\n{}",
        failures.join("\n")
    );
}
