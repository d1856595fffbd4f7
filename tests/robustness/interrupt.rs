//! Ctrl-C mid-run: only complete copies are left, no temp files, no report; a rerun completes the job.

use crate::*;
use std::fs;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A tree big enough that a run takes a few seconds: 400 documents of about 60 KB.
fn big_tree(root: &Path) {
    let words = [
        "bridge", "council", "river", "summer", "repair", "detour", "budget", "traffic", "school",
        "market",
    ];
    for file in 0..400 {
        let doc: String = (0..500)
            .map(|i| {
                let w = |k: usize| words[(file * 7 + i / k) % words.len()];
                format!("Home | News | Sport\nThe {} plan for the {} and the {} was read out by the clerk at the {} meeting.\n", w(1), w(3), w(7), w(11))
            })
            .collect();
        put(
            root,
            &format!("d{}/doc{file:03}.txt", file % 4),
            doc.as_bytes(),
        );
    }
}

fn spawn_clean(input: &Path, out: &Path) -> Child {
    dehusk()
        .args(["clean", "-q", "-j2"])
        .arg(input)
        .arg("--out")
        .arg(out)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// Wait until `out` holds at least one finished copy, then send SIGINT `times` times.
fn interrupt_when_started(child: &Child, out: &Path, times: usize) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while !files(out)
        .iter()
        .any(|f| f.ends_with(".txt") && !f.contains(".dehusk-"))
    {
        assert!(Instant::now() < deadline, "the run never produced a copy");
        std::thread::sleep(Duration::from_millis(5));
    }
    for _ in 0..times {
        let sent = Command::new("kill")
            .args(["-INT", &child.id().to_string()])
            .status()
            .unwrap();
        assert!(sent.success());
        std::thread::sleep(Duration::from_millis(2));
    }
}

#[test]
fn ctrl_c_leaves_only_complete_copies_and_a_rerun_completes() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    big_tree(&input);
    let out = dir.path().join("out");
    let child = spawn_clean(&input, &out);
    interrupt_when_started(&child, &out, 1);
    let run = child.wait_with_output().unwrap();
    assert_eq!(code(&run), 130, "{}", stderr(&run));
    assert!(stderr(&run).contains("interrupted"), "{}", stderr(&run));
    assert_no_temp_files(&out);
    let partial: Vec<(String, Vec<u8>)> = files(&out)
        .into_iter()
        .map(|f| (f.clone(), fs::read(out.join(&f)).unwrap()))
        .collect();
    assert!(
        !partial.iter().any(|(f, _)| f.starts_with("dehusk-")),
        "no report or summary after an interrupt"
    );
    assert!(
        partial.len() < 400,
        "the run stopped early ({} copies)",
        partial.len()
    );

    let rerun = clean(&[&input, Path::new("--out"), &out]);
    assert_eq!(code(&rerun), 0, "{}", stderr(&rerun));
    assert_eq!(summary(&out)["documents"], 400);
    for (name, bytes) in &partial {
        assert_eq!(
            &fs::read(out.join(name)).unwrap(),
            bytes,
            "{name} was complete before the rerun"
        );
    }
}

#[test]
fn a_second_ctrl_c_stops_at_once_and_still_leaves_no_temp_file() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    big_tree(&input);
    let out = dir.path().join("out");
    let child = spawn_clean(&input, &out);
    interrupt_when_started(&child, &out, 2);
    let run = child.wait_with_output().unwrap();
    assert_eq!(code(&run), 130, "{}", stderr(&run));
    assert_no_temp_files(&out);
    assert!(!out.join("dehusk-report.jsonl").exists());
}
