//! File-system faults: unreadable files and folders, vanishing files, symlinks, unwritable or full output.

use crate::*;
use std::fs;
use std::os::unix::fs::{symlink, PermissionsExt};
use std::process::Command;

/// `cmd` run as an unprivileged user: as is when not root, through `setpriv` (user nobody)
/// when root; None (the test is skipped, saying why) when root has no way to drop privileges.
fn unprivileged(cmd: Command) -> Option<Command> {
    if !is_root() {
        return Some(cmd);
    }
    if Command::new("setpriv").arg("--version").output().is_err() {
        eprintln!("skipped: running as root without setpriv, so permission bits cannot be tested");
        return None;
    }
    let mut wrapped = Command::new("setpriv");
    wrapped
        .args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"])
        .arg(cmd.get_program())
        .args(cmd.get_args());
    Some(wrapped)
}

fn chmod(path: &Path, mode: u32) {
    fs::set_permissions(path, fs::Permissions::from_mode(mode)).unwrap();
}

#[test]
fn unreadable_files_and_folders_are_named_and_the_rest_is_cleaned() {
    let dir = tempfile::tempdir().unwrap();
    chmod(dir.path(), 0o755);
    let input = dir.path().join("in");
    put(&input, "a.txt", format!("{PROSE}\n").as_bytes());
    let secret = put(&input, "secret.txt", format!("{PROSE2}\n").as_bytes());
    put(&input, "locked/b.txt", format!("{PROSE}\n").as_bytes());
    chmod(&secret, 0o000);
    chmod(&input.join("locked"), 0o000);
    let out = dir.path().join("out");
    fs::create_dir(&out).unwrap();
    chmod(&out, 0o777);
    let mut cmd = dehusk();
    cmd.arg("clean")
        .arg("-q")
        .arg(&input)
        .arg("--out")
        .arg(&out);
    let Some(mut cmd) = unprivileged(cmd) else {
        return;
    };
    let run = cmd.output().unwrap();
    chmod(&input.join("locked"), 0o755);
    assert_eq!(code(&run), 2, "{}", stderr(&run));
    let err = stderr(&run);
    assert!(err.contains("secret.txt: Permission denied"), "{err}");
    assert!(err.contains("locked: Permission denied"), "{err}");
    assert_eq!(
        files(&out),
        ["a.txt", "dehusk-report.jsonl", "dehusk-summary.json"]
    );
    assert_eq!(summary(&out)["errors"]["unreadable"], 2);
}

#[test]
fn an_unwritable_output_folder_fails_clearly_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    chmod(dir.path(), 0o755);
    let input = dir.path().join("in");
    put(&input, "a.txt", format!("{PROSE}\n").as_bytes());
    let out = dir.path().join("out");
    fs::create_dir(&out).unwrap();
    chmod(&out, 0o555);
    let mut cmd = dehusk();
    cmd.arg("clean")
        .arg("-q")
        .arg(&input)
        .arg("--out")
        .arg(&out);
    let Some(mut cmd) = unprivileged(cmd) else {
        return;
    };
    let run = cmd.output().unwrap();
    assert_eq!(code(&run), 2);
    assert!(stderr(&run).contains(&format!(
        "cannot create the report {}",
        out.join("dehusk-report.jsonl").display()
    )));
    assert!(files(&out).is_empty());
}

#[test]
fn an_unwritable_output_path_fails_those_files_only() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    put(&input, "a.txt", format!("{PROSE}\n").as_bytes());
    put(&input, "sub/b.txt", format!("{PROSE2}\n").as_bytes());
    let out = dir.path().join("out");
    put(&out, "sub", b"a file where the copy needs a folder");
    let run = clean(&[&input, Path::new("--out"), &out]);
    assert_eq!(code(&run), 2);
    assert!(
        stderr(&run).contains(&format!("writing {}", out.join("sub/b.txt").display())),
        "{}",
        stderr(&run)
    );
    assert_eq!(summary(&out)["errors"]["write_failed"], 1);
    assert_eq!(
        fs::read_to_string(out.join("a.txt")).unwrap(),
        format!("{PROSE}\n")
    );
    assert_no_temp_files(&out);
}

#[test]
fn a_full_disk_fails_the_big_copy_leaves_no_temp_file_and_finishes_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    put(&input, "a.txt", format!("{PROSE}\n").as_bytes());
    let words = [
        "bridge", "council", "river", "summer", "repair", "detour", "budget", "traffic",
    ];
    let big: String = (0..3000)
        .map(|i| format!("The {} report on the {} and the {} was read aloud by the clerk at the evening meeting.\n", words[i % 8], words[(i / 8) % 8], words[(i / 64) % 8]))
        .collect();
    put(&input, "big.txt", big.as_bytes());
    put(&input, "z.txt", format!("{PROSE2}\n").as_bytes());
    let out = dir.path().join("out");
    // RLIMIT_FSIZE of 64 KiB stands in for a full disk; SIGXFSZ ignored so writes fail with EFBIG.
    let run = Command::new("bash")
        .arg("-c")
        .arg("trap '' XFSZ; ulimit -f 64; exec \"$0\" clean -q -j1 \"$1\" --out \"$2\"")
        .arg(env!("CARGO_BIN_EXE_dehusk"))
        .arg(&input)
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(code(&run), 2, "{}", stderr(&run));
    assert!(
        stderr(&run).contains(&format!("writing {}", out.join("big.txt").display())),
        "{}",
        stderr(&run)
    );
    let message = stderr(&run);
    assert!(message.contains("File too large"), "{message}");
    assert!(
        !message.contains(".dehusk-"),
        "names the target, not the removed temp file: {message}"
    );
    assert_eq!(
        files(&out),
        [
            "a.txt",
            "dehusk-report.jsonl",
            "dehusk-summary.json",
            "z.txt"
        ]
    );
    assert_eq!(summary(&out)["errors"]["write_failed"], 1);
}

/// The settings of `dehusk clean -q INPUT --out OUT`, for runs through the library.
fn library_config(input: &Path, out: &Path) -> dehusk::config::Config {
    use clap::Parser;
    let cli = dehusk::cli::Cli::parse_from([
        "dehusk",
        "clean",
        "-q",
        input.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    let dehusk::cli::Command::Clean(args) = cli.command else {
        panic!("clean parsed")
    };
    dehusk::config::Config::from_args(args, true).unwrap()
}

#[test]
fn a_file_vanishing_between_walk_and_clean_is_an_error_and_the_rest_completes() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    put(&input, "a.txt", format!("{PROSE}\n").as_bytes());
    let gone = put(&input, "b.txt", format!("{PROSE2}\n").as_bytes());
    put(&input, "c.txt", format!("{PROSE}\n").as_bytes());
    let out = dir.path().join("out");
    let config = library_config(&input, &out);
    let walked: Vec<_> = dehusk::walk::walk(std::slice::from_ref(&input), &config).collect();
    assert_eq!(walked.len(), 3);
    fs::remove_file(&gone).unwrap();
    let result = dehusk::run::run_jobs(|| walked.clone().into_iter(), &config).unwrap();
    assert_eq!(result.summary.errors.get("unreadable"), Some(&1));
    assert_eq!(result.summary.documents, 2);
    assert_eq!(
        files(&out),
        [
            "a.txt",
            "c.txt",
            "dehusk-report.jsonl",
            "dehusk-summary.json"
        ]
    );
}

#[test]
fn the_progress_bar_with_its_counting_walk_leaves_the_run_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    for i in 0..600 {
        put(
            &input,
            &format!("d{}/f{i:03}.txt", i % 7),
            format!("Home\n{PROSE}\n").as_bytes(),
        );
    }
    let run = |out: &Path, progress: bool| {
        let mut config = library_config(&input, out);
        config.progress = progress;
        let roots = [input.clone()];
        dehusk::run::run_jobs(|| dehusk::walk::walk(&roots, &config), &config).unwrap()
    };
    let (quiet, shown) = (dir.path().join("quiet"), dir.path().join("shown"));
    let (a, b) = (run(&quiet, false), run(&shown, true));
    assert_eq!(a.summary.documents, 600);
    assert_eq!(a.summary.documents, b.summary.documents);
    assert_eq!(
        fs::read(quiet.join("dehusk-report.jsonl")).unwrap(),
        fs::read(shown.join("dehusk-report.jsonl")).unwrap()
    );
}

#[test]
fn symlinks_left_alone_without_follow_are_named_and_counted_but_are_not_errors() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    put(&input, "a.txt", format!("{PROSE}\n").as_bytes());
    put(&input, "sub/b.txt", format!("{PROSE2}\n").as_bytes());
    symlink("sub/b.txt", input.join("alias.txt")).unwrap();
    symlink("sub", input.join("more")).unwrap();
    symlink("missing.txt", input.join("dangling.txt")).unwrap();
    // Not something --follow would clean: a link named like no input, to a file.
    symlink("a.txt", input.join("logo.png")).unwrap();

    let out = dir.path().join("out");
    let run = clean(&[&input, Path::new("--out"), &out]);
    assert_eq!(code(&run), 0, "a skipped symlink is not an error");
    let err = stderr(&run);
    for link in ["alias.txt", "dangling.txt", "more"] {
        let note = format!(
            "dehusk: note: {}: symlink not followed (pass --follow",
            input.join(link).display()
        );
        assert!(err.contains(&note), "{link}: {err}");
    }
    assert!(!err.contains("logo.png"), "{err}");
    assert_eq!(err.lines().count(), 3, "{err}");
    assert_eq!(summary(&out)["skipped"], serde_json::json!({"symlink": 3}));
    assert_eq!(summary(&out)["errors"], serde_json::json!({}));

    // Past five, the rest are counted in one line, however many there are.
    for i in 0..7 {
        symlink("a.txt", input.join(format!("copy{i}.txt"))).unwrap();
    }
    let many = dir.path().join("many");
    let run = clean(&[&input, Path::new("--out"), &many]);
    assert_eq!(code(&run), 0);
    let err = stderr(&run);
    assert_eq!(err.lines().count(), 6, "{err}");
    assert!(
        err.contains("dehusk: note: and 5 more symlinks not followed (10 in all, counted as skipped.symlink in the summary)"),
        "{err}"
    );
    assert_eq!(summary(&many)["skipped"]["symlink"], 10);

    // Without --quiet the closing summary says it too; with --follow nothing is skipped.
    let loud = dehusk()
        .args(["clean", input.to_str().unwrap(), "--out"])
        .arg(dir.path().join("loud"))
        .output()
        .unwrap();
    assert!(
        stderr(&loud).contains("dehusk: skipped on purpose: symlink 10"),
        "{}",
        stderr(&loud)
    );
    let followed = dir.path().join("followed");
    let run = clean_with(&[&input, Path::new("--out"), &followed], &["--follow"]);
    assert!(!stderr(&run).contains("not followed"), "{}", stderr(&run));
    assert_eq!(summary(&followed)["skipped"], serde_json::json!({}));
}

#[test]
fn symlinks_dangling_or_looping_are_reported_with_follow_and_skipped_without() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    put(&input, "a.txt", format!("{PROSE}\n").as_bytes());
    put(&input, "sub/b.txt", format!("{PROSE2}\n").as_bytes());
    symlink("missing.txt", input.join("dangling.txt")).unwrap();
    symlink("..", input.join("sub/up")).unwrap();
    symlink("sub/b.txt", input.join("alias.txt")).unwrap();

    let plain = dir.path().join("plain");
    let run = clean(&[&input, Path::new("--out"), &plain]);
    assert_eq!(
        code(&run),
        0,
        "symlinks are not followed by default: {}",
        stderr(&run)
    );
    assert_eq!(
        files(&plain),
        [
            "a.txt",
            "dehusk-report.jsonl",
            "dehusk-summary.json",
            "sub/b.txt"
        ]
    );

    let followed = dir.path().join("followed");
    let run = clean_with(&[&input, Path::new("--out"), &followed], &["--follow"]);
    assert_eq!(code(&run), 2);
    let err = stderr(&run);
    assert!(err.contains("dangling.txt: dangling symlink"), "{err}");
    assert!(err.contains("sub/up: symlink loop: leads back to"), "{err}");
    assert_eq!(
        files(&followed),
        [
            "a.txt",
            "alias.txt",
            "dehusk-report.jsonl",
            "dehusk-summary.json",
            "sub/b.txt"
        ]
    );
    assert_eq!(
        summary(&followed)["errors"],
        serde_json::json!({"not_found": 1, "symlink_loop": 1})
    );
    assert_eq!(summary(&followed)["options"]["follow"], true);
}
