//! Integration tests that run the real `dehusk` binary on temp folders: tree mirroring, the report and summary, stdin mode, exit codes, `explain`, `rules`, walking rules, safety of inputs, and determinism across thread counts.

use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::SystemTime;

// ---------------------------------------------------------------------------------------------
// Harness
// ---------------------------------------------------------------------------------------------

/// A scratch folder; every command runs with it as the working directory, so paths in the
/// report are the short relative ones the test gave.
struct Dir {
    tmp: tempfile::TempDir,
}

/// What one run of the binary gave back.
#[derive(Debug)]
struct Run {
    code: i32,
    stdout: Vec<u8>,
    stderr: String,
}

impl Run {
    fn stdout_str(&self) -> String {
        String::from_utf8(self.stdout.clone()).expect("stdout is UTF-8")
    }

    #[track_caller]
    fn expect_code(&self, code: i32) -> &Run {
        assert_eq!(
            self.code,
            code,
            "unexpected exit code\n--- stdout\n{}\n--- stderr\n{}",
            String::from_utf8_lossy(&self.stdout),
            self.stderr
        );
        self
    }
}

impl Dir {
    fn new() -> Dir {
        Dir {
            tmp: tempfile::Builder::new()
                .prefix("dehusk-cli-")
                .tempdir()
                .expect("temp dir"),
        }
    }

    fn root(&self) -> &Path {
        self.tmp.path()
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.root().join(rel)
    }

    fn write(&self, rel: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let path = self.path(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, bytes).unwrap();
        path
    }

    fn read(&self, rel: &str) -> Vec<u8> {
        fs::read(self.path(rel)).unwrap_or_else(|e| panic!("reading {rel}: {e}"))
    }

    fn exists(&self, rel: &str) -> bool {
        self.path(rel).exists()
    }

    /// Run `dehusk ARGS` with stdin closed (so it is never a terminal and never blocks).
    fn run(&self, args: &[&str]) -> Run {
        self.run_with_stdin(args, None)
    }

    /// Run `dehusk ARGS`, feeding `input` on stdin when given.
    fn run_with_stdin(&self, args: &[&str], input: Option<&[u8]>) -> Run {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_dehusk"));
        cmd.args(args)
            .current_dir(self.root())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        cmd.stdin(if input.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        });
        let mut child = cmd.spawn().expect("spawn dehusk");
        if let Some(input) = input {
            let mut stdin = child.stdin.take().unwrap();
            let input = input.to_vec();
            // Write from a thread so a large input cannot deadlock against a full stdout pipe.
            std::thread::spawn(move || {
                let _ = stdin.write_all(&input);
            });
        }
        let out = child.wait_with_output().expect("wait for dehusk");
        Run {
            code: out.status.code().expect("dehusk exited by signal"),
            stdout: out.stdout,
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }

    /// Every file below `rel`, keyed by its path relative to `rel` (with `/`), with its bytes.
    fn files_under(&self, rel: &str) -> BTreeMap<String, Vec<u8>> {
        let base = self.path(rel);
        walkdir::WalkDir::new(&base)
            .into_iter()
            .map(|e| e.unwrap())
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                let key = e
                    .path()
                    .strip_prefix(&base)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                (key, fs::read(e.path()).unwrap())
            })
            .collect()
    }

    /// Names of the files below `rel`.
    fn names_under(&self, rel: &str) -> BTreeSet<String> {
        self.files_under(rel).into_keys().collect()
    }

    /// Bytes and modification time of every file below `rel`.
    fn snapshot(&self, rel: &str) -> BTreeMap<String, (Vec<u8>, SystemTime)> {
        let base = self.path(rel);
        self.files_under(rel)
            .into_iter()
            .map(|(k, bytes)| {
                let mtime = fs::symlink_metadata(base.join(&k))
                    .unwrap()
                    .modified()
                    .unwrap();
                (k, (bytes, mtime))
            })
            .collect()
    }

    fn report(&self, rel: &str) -> Vec<Value> {
        parse_jsonl(&self.read(rel))
    }

    fn summary(&self, rel: &str) -> Value {
        serde_json::from_slice(&self.read(rel)).expect("summary is JSON")
    }
}

fn parse_jsonl(bytes: &[u8]) -> Vec<Value> {
    String::from_utf8(bytes.to_vec())
        .expect("report is UTF-8")
        .lines()
        .map(|l| {
            serde_json::from_str(l).unwrap_or_else(|e| panic!("report line is not JSON ({e}): {l}"))
        })
        .collect()
}

/// Lines with their terminators (`\n` or `\r\n`; a last line may have none).
fn split_lines(bytes: &[u8]) -> Vec<&[u8]> {
    let mut lines = Vec::new();
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'\n' {
            lines.push(&bytes[start..=i]);
            start = i + 1;
        }
    }
    if start < bytes.len() {
        lines.push(&bytes[start..]);
    }
    lines
}

fn strip_terminator(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line)
}

fn is_blank(line: &[u8]) -> bool {
    strip_terminator(line)
        .iter()
        .all(|b| b.is_ascii_whitespace())
}

/// Line numbers the report lists for `path`.
fn removed_lines(report: &[Value], path: &str) -> BTreeSet<usize> {
    report
        .iter()
        .filter(|r| r["path"] == path)
        .map(|r| r["line"].as_u64().unwrap() as usize)
        .collect()
}

/// Check the report records of one document against its input and its cleaned copy:
/// each record points at a non-blank input line whose text it repeats, and the cleaned
/// copy holds exactly the other non-blank lines, byte for byte and in order.
#[track_caller]
fn check_document(path: &str, input: &[u8], output: &[u8], report: &[Value]) {
    let lines = split_lines(input);
    let removed = removed_lines(report, path);
    for record in report.iter().filter(|r| r["path"] == path) {
        let n = record["line"].as_u64().unwrap() as usize;
        assert!(
            n >= 1 && n <= lines.len(),
            "{path}: line {n} out of range 1..={}",
            lines.len()
        );
        let original = String::from_utf8_lossy(strip_terminator(lines[n - 1]));
        assert_eq!(
            record["text"].as_str().unwrap(),
            original,
            "{path}:{n}: report text differs from the input line"
        );
        assert!(
            !is_blank(lines[n - 1]),
            "{path}:{n}: a blank line is reported"
        );
    }
    let expected: Vec<&[u8]> = lines
        .iter()
        .enumerate()
        .filter(|(i, l)| !is_blank(l) && !removed.contains(&(i + 1)))
        .map(|(_, l)| *l)
        .collect();
    let got: Vec<&[u8]> = split_lines(output)
        .into_iter()
        .filter(|l| !is_blank(l))
        .collect();
    assert!(
        got == expected,
        "{path}: kept lines are not the unreported input lines, byte for byte\n--- expected\n{}\n--- got\n{}",
        String::from_utf8_lossy(&expected.concat()),
        String::from_utf8_lossy(&got.concat())
    );
}

// ---------------------------------------------------------------------------------------------
// Documents
// ---------------------------------------------------------------------------------------------

/// An English article with unmistakable chaff on lines 1, 4, 8 and 9.
const ARTICLE: &str = "\
Home | News | Sport | Weather
The harbour authority in Kellsby said on Thursday that it would dredge the main channel before the autumn storms, after two cargo ships ran aground there in the spring.
The work will close the inner basin to larger vessels for about six weeks, and fishing boats will be moved to a temporary mooring on the north quay.
Photo: Mara Lindqvist/Kellsby Gazette
Local traders said the closure came at a bad time, because the tourist season usually runs until the end of September and the ferries bring most of their customers.
The authority said the channel had silted up faster than expected and that the last survey found less than four metres of water at low tide in places.
Subscribe to our newsletter for the latest local news
Share on Facebook
© 2025 Kellsby Gazette. All rights reserved.
";

/// Line numbers of ARTICLE that any sane configuration must drop / keep.
const ARTICLE_CHAFF: [usize; 4] = [1, 4, 8, 9];
const ARTICLE_CONTENT: [usize; 4] = [2, 3, 5, 6];

/// A German article with a menu, a credit, a teaser header and a cookie line.
const ARTIKEL: &str = "\
Startseite > Regional > Nordstadt
Der Stadtrat von Nordstadt hat am Mittwoch beschlossen, die alte Eisenbahnbrücke über den Kanal bis zum Frühjahr für den Autoverkehr zu sperren.
Ein Gutachten hatte ergeben, dass mehrere Stahlträger stärker verrostet sind als bei der letzten Prüfung vor vier Jahren angenommen worden war.
Foto: dpa
Für Fußgänger und Radfahrer soll die Brücke während der Bauarbeiten auf einer Spur geöffnet bleiben, teilte die Stadtverwaltung mit.
Die Kosten der Sanierung werden auf rund zwei Millionen Euro geschätzt, einen Teil davon will das Land übernehmen.
Teilen auf Facebook
Diese Website verwendet Cookies. Mit der Nutzung stimmen Sie der Datenschutzerklärung zu.
";

const PLACES: [&str; 8] = [
    "Kellsby",
    "Marwick",
    "Dunholm",
    "Alderford",
    "Ravensey",
    "Thornbury",
    "Eastmere",
    "Holloway",
];
const THINGS: [&str; 8] = [
    "library",
    "swimming pool",
    "bus depot",
    "market hall",
    "fire station",
    "town museum",
    "ferry pier",
    "water works",
];

/// The i-th document of a varied tree: topics, lengths, chaff kinds, languages and line
/// endings differ from one to the next; a few are degenerate on purpose.
fn varied_document(i: usize) -> Vec<u8> {
    match i {
        7 => return Vec::new(),
        19 => return b"Home | News | Contact\nShare on Facebook\n".to_vec(),
        29 => return b"Just one short line without a terminator".to_vec(),
        _ => {}
    }
    if i % 6 == 2 {
        let text = ARTIKEL.replace("Nordstadt", PLACES[i % 8]);
        return if i % 4 == 0 {
            text.replace('\n', "\r\n").into_bytes()
        } else {
            text.into_bytes()
        };
    }
    let place = PLACES[i % 8];
    let thing = THINGS[(i / 3) % 8];
    let mut lines: Vec<String> = Vec::new();
    if i % 2 == 0 {
        lines.push("Home | News | Sport | Weather | Contact".into());
    }
    if i % 5 == 1 {
        lines.push("Skip to content".into());
    }
    let paragraphs = [
        format!("The council in {place} voted on Monday to rebuild the old {thing}, which has been closed since a storm damaged its roof two winters ago."),
        format!("Officials said the work would start in the spring and take about eighteen months, and that the {thing} would reopen with longer hours."),
        format!("Some residents of {place} had asked for the money to go to road repairs instead, but the vote passed by a clear majority."),
        format!("A spokesperson for the {place} council said that the design had been changed after a public meeting last year, when people asked for more daylight inside."),
        format!("The budget for the {thing} includes a grant from the regional government, which will cover almost half of the cost according to the plans."),
        format!("Builders who worked on the last renovation in {place} said the foundations were sound and that most of the damage was to the upper floors."),
    ];
    let count = 2 + i % 5;
    for (k, p) in paragraphs.iter().take(count).enumerate() {
        lines.push(p.clone());
        if i % 3 == 0 {
            lines.push(String::new());
        }
        if k == 0 && i % 4 == 1 {
            lines.push(format!("Photo: {place} Herald/Staff"));
        }
        if k == 1 && i % 7 == 4 {
            lines.push("Advertisement".into());
        }
    }
    if i % 4 == 1 {
        lines.push(format!("Photo: {place} Herald/Staff"));
    }
    if i % 3 == 1 {
        lines.push("Share on Facebook".into());
        lines.push("Share on Twitter".into());
    }
    if i % 5 == 3 {
        lines.push("Sign up for our newsletter to get the latest news every morning".into());
    }
    lines.push(format!("© 2025 {place} Herald. All rights reserved."));
    let newline = if i % 5 == 0 { "\r\n" } else { "\n" };
    let mut text = lines.join(newline);
    if i % 9 != 8 {
        text.push_str(newline);
    }
    text.into_bytes()
}

fn varied_tree(dir: &Dir, root: &str, count: usize) {
    for i in 0..count {
        let rel = match i % 4 {
            0 => format!("{root}/doc{i:02}.txt"),
            1 => format!("{root}/world/doc{i:02}.txt"),
            2 => format!("{root}/world/europe/doc{i:02}.txt"),
            _ => format!("{root}/local/{}/doc{i:02}.txt", i % 3),
        };
        dir.write(&rel, varied_document(i));
    }
}

// ---------------------------------------------------------------------------------------------
// Tree mirroring and inputs
// ---------------------------------------------------------------------------------------------

#[test]
fn a_folder_is_mirrored_into_out_with_its_nested_layout() {
    let dir = Dir::new();
    dir.write("in/top.txt", ARTICLE);
    dir.write("in/sub/mid.txt", ARTICLE);
    dir.write("in/sub/deep/er/bottom.txt", ARTIKEL);
    dir.write("in/sub/notes.md", ARTICLE);
    dir.run(&["clean", "in", "--out", "out", "--quiet"])
        .expect_code(0);

    let expected: BTreeSet<String> = [
        "top.txt",
        "sub/mid.txt",
        "sub/deep/er/bottom.txt",
        "dehusk-report.jsonl",
        "dehusk-summary.json",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    assert_eq!(dir.names_under("out"), expected);
    let report = dir.report("out/dehusk-report.jsonl");
    for (input, output) in [
        ("in/top.txt", "out/top.txt"),
        ("in/sub/mid.txt", "out/sub/mid.txt"),
        ("in/sub/deep/er/bottom.txt", "out/sub/deep/er/bottom.txt"),
    ] {
        check_document(input, &dir.read(input), &dir.read(output), &report);
    }
}

#[test]
fn a_single_file_goes_to_out_under_its_file_name() {
    let dir = Dir::new();
    dir.write("in/a/b/story.txt", ARTICLE);
    dir.run(&["clean", "in/a/b/story.txt", "--out", "out", "--quiet"])
        .expect_code(0);
    assert_eq!(
        dir.names_under("out"),
        ["story.txt", "dehusk-report.jsonl", "dehusk-summary.json"]
            .iter()
            .map(|s| s.to_string())
            .collect()
    );
    let report = dir.report("out/dehusk-report.jsonl");
    assert!(
        report.iter().all(|r| r["path"] == "in/a/b/story.txt"),
        "{report:?}"
    );
    check_document(
        "in/a/b/story.txt",
        ARTICLE.as_bytes(),
        &dir.read("out/story.txt"),
        &report,
    );
}

#[test]
fn several_roots_each_mirror_below_out() {
    let dir = Dir::new();
    dir.write("one/x.txt", ARTICLE);
    dir.write("two/y/z.txt", ARTIKEL);
    dir.write("loose.txt", ARTICLE);
    dir.run(&[
        "clean",
        "one",
        "two",
        "loose.txt",
        "--out",
        "out",
        "--quiet",
    ])
    .expect_code(0);
    let names = dir.names_under("out");
    for name in ["x.txt", "y/z.txt", "loose.txt"] {
        assert!(names.contains(name), "{name} missing from {names:?}");
    }
    let summary = dir.summary("out/dehusk-summary.json");
    assert_eq!(summary["files"], 3);
    assert_eq!(summary["documents"], 3);
}

#[test]
fn two_inputs_writing_the_same_copy_is_an_error_and_the_first_is_still_written() {
    let dir = Dir::new();
    dir.write("one/x.txt", ARTICLE);
    dir.write("two/x.txt", ARTIKEL);
    let run = dir.run(&["clean", "one", "two", "--out", "out", "--quiet"]);
    run.expect_code(2);
    assert!(run.stderr.contains("two/x.txt"), "{}", run.stderr);
    let report = dir.report("out/dehusk-report.jsonl");
    check_document(
        "one/x.txt",
        ARTICLE.as_bytes(),
        &dir.read("out/x.txt"),
        &report,
    );
    assert_eq!(
        dir.summary("out/dehusk-summary.json")["errors"]["output_collision"],
        1
    );
}

#[test]
fn only_the_chosen_extensions_are_taken() {
    let dir = Dir::new();
    dir.write("in/a.txt", ARTICLE);
    dir.write("in/b.md", ARTICLE);
    dir.write("in/sub/c.MD", ARTICLE);
    dir.write("in/d.text", ARTICLE);
    dir.write("in/e", ARTICLE);

    dir.run(&["clean", "in", "--out", "default", "--quiet"])
        .expect_code(0);
    assert!(dir.exists("default/a.txt"));
    assert!(
        !dir.exists("default/b.md") && !dir.exists("default/d.text") && !dir.exists("default/e")
    );

    dir.run(&["clean", "in", "--out", "md", "--ext", "md", "--quiet"])
        .expect_code(0);
    let names = dir.names_under("md");
    assert!(
        names.contains("b.md") && names.contains("sub/c.MD"),
        "{names:?}"
    );
    assert!(
        !names.contains("a.txt") && !names.contains("d.text"),
        "{names:?}"
    );

    dir.run(&[
        "clean", "in", "--out", "two", "--ext", "md,.text", "--quiet",
    ])
    .expect_code(0);
    let names = dir.names_under("two");
    assert!(
        names.contains("b.md") && names.contains("d.text"),
        "{names:?}"
    );
    assert!(!names.contains("a.txt"), "{names:?}");
}

#[test]
fn hidden_files_and_folders_are_skipped() {
    let dir = Dir::new();
    dir.write("in/visible.txt", ARTICLE);
    dir.write("in/.hidden.txt", ARTICLE);
    dir.write("in/.cache/inside.txt", ARTICLE);
    dir.write("in/sub/.also-hidden.txt", ARTICLE);
    dir.run(&["clean", "in", "--out", "out", "--quiet"])
        .expect_code(0);
    let names = dir.names_under("out");
    assert!(names.contains("visible.txt"));
    assert!(
        names
            .iter()
            .all(|n| !n.contains("hidden") && !n.contains("inside")),
        "{names:?}"
    );
    let report = dir.report("out/dehusk-report.jsonl");
    assert!(
        report.iter().all(|r| r["path"] == "in/visible.txt"),
        "{report:?}"
    );
    assert_eq!(dir.summary("out/dehusk-summary.json")["files"], 1);
}

#[cfg(unix)]
#[test]
fn symlinks_inside_a_walked_folder_are_not_followed() {
    use std::os::unix::fs::symlink;
    let dir = Dir::new();
    dir.write("in/real.txt", ARTICLE);
    dir.write("elsewhere/target.txt", ARTICLE);
    dir.write("elsewhere/folder/deep.txt", ARTICLE);
    symlink(dir.path("elsewhere/target.txt"), dir.path("in/link.txt")).unwrap();
    symlink(dir.path("elsewhere/folder"), dir.path("in/linked-folder")).unwrap();
    dir.run(&["clean", "in", "--out", "out", "--quiet"])
        .expect_code(0);
    let names = dir.names_under("out");
    assert!(names.contains("real.txt"));
    assert!(!names.contains("link.txt"), "{names:?}");
    assert!(
        names.iter().all(|n| !n.starts_with("linked-folder")),
        "{names:?}"
    );
    assert_eq!(dir.summary("out/dehusk-summary.json")["files"], 1);
}

#[test]
fn an_output_folder_inside_the_input_is_not_read_back() {
    let dir = Dir::new();
    dir.write("in/a.txt", ARTICLE);
    dir.write("in/sub/b.txt", ARTIKEL);
    dir.run(&["clean", "in", "--out", "in/cleaned", "--quiet"])
        .expect_code(0);
    let first = dir.files_under("in/cleaned");
    dir.run(&["clean", "in", "--out", "in/cleaned", "--quiet"])
        .expect_code(0);
    let second = dir.files_under("in/cleaned");
    assert_eq!(
        first.keys().collect::<Vec<_>>(),
        second.keys().collect::<Vec<_>>()
    );
    assert_eq!(first, second, "a second run changed the output");
    assert!(!dir.exists("in/cleaned/cleaned"));
    let report = dir.report("in/cleaned/dehusk-report.jsonl");
    assert!(
        report
            .iter()
            .all(|r| !r["path"].as_str().unwrap().contains("cleaned")),
        "{report:?}"
    );
    assert_eq!(dir.summary("in/cleaned/dehusk-summary.json")["files"], 2);
}

#[test]
fn a_copy_is_never_written_over_its_own_input() {
    let dir = Dir::new();
    dir.write("in/a.txt", ARTICLE);
    dir.write("in/b.txt", ARTIKEL);
    let before = dir.snapshot("in");
    let run = dir.run(&["clean", "in/a.txt", "in/b.txt", "--out", "in", "--quiet"]);
    run.expect_code(2);
    // The whole run is refused before anything is written, naming the first such input.
    assert!(
        run.stderr.contains("in/a.txt") && run.stderr.contains("would overwrite"),
        "{}",
        run.stderr
    );
    let after: BTreeMap<_, _> = dir
        .snapshot("in")
        .into_iter()
        .filter(|(k, _)| k.ends_with(".txt"))
        .collect();
    assert_eq!(after, before, "an input file was overwritten");
    // The same folder given as input and output is not walked at all.
    dir.run(&["clean", "in", "--out", "in", "--quiet"]);
    let after: BTreeMap<_, _> = dir
        .snapshot("in")
        .into_iter()
        .filter(|(k, _)| k.ends_with(".txt"))
        .collect();
    assert_eq!(after, before, "an input file was overwritten");
}

#[test]
fn inputs_are_never_modified_and_nothing_is_written_beside_them() {
    let dir = Dir::new();
    varied_tree(&dir, "in", 12);
    dir.write("in/blob.txt", b"binary\0data");
    let before = dir.snapshot("in");
    dir.run(&["clean", "in", "--out", "out", "--quiet"])
        .expect_code(2);
    dir.run(&["clean", "in", "--out", "dry", "--dry-run", "--quiet"])
        .expect_code(2);
    dir.run(&["explain", "in/doc00.txt"]).expect_code(0);
    let _ = dir.run_with_stdin(&["clean", "-"], Some(&dir.read("in/doc00.txt")));
    assert_eq!(
        dir.snapshot("in"),
        before,
        "the input tree changed (bytes, mtimes or file set)"
    );
}

#[test]
fn no_temp_files_are_left_behind() {
    let dir = Dir::new();
    varied_tree(&dir, "in", 10);
    dir.write("in/blob.txt", b"binary\0data");
    dir.run(&["clean", "in", "--out", "out", "--quiet"])
        .expect_code(2);
    dir.run(&[
        "clean",
        "in",
        "--out",
        "in/inner",
        "--quiet",
        "--skip-binary",
    ])
    .expect_code(0);
    dir.run(&["clean", "in", "--out", "dry", "--dry-run", "--quiet"])
        .expect_code(2);
    dir.run(&[
        "clean",
        "in",
        "--dry-run",
        "--report",
        "r/report.jsonl",
        "--quiet",
    ])
    .expect_code(2);
    let leftovers: Vec<String> = walkdir::WalkDir::new(dir.root())
        .min_depth(1)
        .into_iter()
        .map(|e| e.unwrap())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".dehusk") || n.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "temp files left: {leftovers:?}");
}

// ---------------------------------------------------------------------------------------------
// Cleaned copies
// ---------------------------------------------------------------------------------------------

#[test]
fn clear_chaff_goes_and_article_lines_stay() {
    let dir = Dir::new();
    dir.write("in/a.txt", ARTICLE);
    dir.run(&["clean", "in", "--out", "out", "--quiet"])
        .expect_code(0);
    let report = dir.report("out/dehusk-report.jsonl");
    let removed = removed_lines(&report, "in/a.txt");
    for n in ARTICLE_CHAFF {
        assert!(
            removed.contains(&n),
            "chaff line {n} was kept; removed: {removed:?}"
        );
    }
    for n in ARTICLE_CONTENT {
        assert!(!removed.contains(&n), "article line {n} was removed");
    }
    check_document(
        "in/a.txt",
        ARTICLE.as_bytes(),
        &dir.read("out/a.txt"),
        &report,
    );
}

#[test]
fn crlf_input_keeps_crlf_and_kept_lines_are_byte_identical() {
    let dir = Dir::new();
    let crlf = ARTICLE.replace('\n', "\r\n");
    // Last line without a terminator, and one line with a stray invalid byte.
    let mut input = crlf.trim_end_matches("\r\n").as_bytes().to_vec();
    let marker = b"fishing boats";
    let at = input
        .windows(marker.len())
        .position(|w| w == marker)
        .unwrap();
    input.splice(at..at, [0xFFu8, b' ']);
    dir.write("in/crlf.txt", &input);
    dir.run(&["clean", "in", "--out", "out", "--quiet"])
        .expect_code(0);
    let output = dir.read("out/crlf.txt");
    let report = dir.report("out/dehusk-report.jsonl");
    assert!(
        !removed_lines(&report, "in/crlf.txt").is_empty(),
        "nothing was removed"
    );
    check_document("in/crlf.txt", &input, &output, &report);
    for line in split_lines(&output) {
        assert!(
            line.ends_with(b"\r\n"),
            "a kept line lost its CRLF: {:?}",
            String::from_utf8_lossy(line)
        );
    }
    assert!(
        output.windows(2).any(|w| w == [0xFF, b' ']),
        "the invalid byte was not kept as is"
    );
}

#[test]
fn a_removal_between_paragraphs_leaves_one_blank_line() {
    let dir = Dir::new();
    let p1 = "The harbour authority in Kellsby said on Thursday that it would dredge the main channel before the autumn storms, after two cargo ships ran aground there.\n";
    let p2 = "Local traders said the closure came at a bad time, because the tourist season usually runs until the end of September and the ferries bring most customers.\n";
    let p3 = "The authority said the channel had silted up faster than expected and that the last survey found less than four metres of water at low tide in places.\n";
    let input = format!("Home | News | Sport\n\n\n{p1}\nShare on Facebook\n\n{p2}\n\n{p3}\n\n© 2025 Kellsby Gazette. All rights reserved.\n");
    dir.write("in/a.txt", &input);
    dir.run(&["clean", "in", "--out", "out", "--quiet"])
        .expect_code(0);
    let output = String::from_utf8(dir.read("out/a.txt")).unwrap();
    // Leading and trailing blanks left by removals go; the gap around the removed share
    // button keeps one blank; the untouched double blank between p2 and p3 stays.
    assert_eq!(output, format!("{p1}\n{p2}\n\n{p3}"));
}

// ---------------------------------------------------------------------------------------------
// Report and summary
// ---------------------------------------------------------------------------------------------

fn rule_list(dir: &Dir) -> Vec<(String, String, String)> {
    let run = dir.run(&["rules"]);
    run.expect_code(0);
    run.stdout_str()
        .lines()
        .map(|l| {
            let mut parts = l.split_whitespace();
            let id = parts.next().expect("rule id").to_string();
            let category = parts.next().expect("category").to_string();
            let about = parts.collect::<Vec<_>>().join(" ");
            (id, category, about)
        })
        .collect()
}

#[test]
fn report_records_have_every_field_and_point_at_the_removed_input_line() {
    let dir = Dir::new();
    varied_tree(&dir, "in", 16);
    dir.write("in/a.txt", ARTICLE);
    dir.run(&["clean", "in", "--out", "out", "--quiet"])
        .expect_code(0);
    let report = dir.report("out/dehusk-report.jsonl");
    assert!(
        report.len() >= 20,
        "suspiciously few removals: {}",
        report.len()
    );
    let rules: BTreeMap<String, String> = rule_list(&dir)
        .into_iter()
        .map(|(id, cat, _)| (id, cat))
        .collect();
    for record in &report {
        let object = record.as_object().expect("each record is an object");
        let keys: BTreeSet<&str> = object.keys().map(|k| k.as_str()).collect();
        for field in ["path", "line", "category", "rule", "score", "text"] {
            assert!(keys.contains(field), "field {field} missing in {record}");
        }
        let rule = record["rule"].as_str().unwrap();
        assert_eq!(
            rules.get(rule).map(String::as_str),
            record["category"].as_str(),
            "rule {rule} is not listed by `dehusk rules` with this category: {record}"
        );
        let score = record["score"].as_f64().expect("score is a number");
        assert!((0.0..=1.0).contains(&score), "score out of range: {record}");
        assert!(record["line"].as_u64().unwrap() >= 1);
    }
    // Sorted by path, then line, with no record twice.
    let keys: Vec<(String, u64)> = report
        .iter()
        .map(|r| {
            (
                r["path"].as_str().unwrap().to_string(),
                r["line"].as_u64().unwrap(),
            )
        })
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(
        keys, sorted,
        "report is not sorted by path then line (or has duplicates)"
    );

    for (rel, input) in dir.files_under("in") {
        let path = format!("in/{rel}");
        check_document(&path, &input, &dir.read(&format!("out/{rel}")), &report);
    }
}

#[test]
fn the_report_can_be_moved_with_report_file() {
    let dir = Dir::new();
    dir.write("in/a.txt", ARTICLE);
    dir.run(&[
        "clean",
        "in",
        "--out",
        "out",
        "--report",
        "elsewhere/r.jsonl",
        "--quiet",
    ])
    .expect_code(0);
    assert!(!dir.exists("out/dehusk-report.jsonl"));
    assert!(dir.exists("out/dehusk-summary.json"));
    let report = dir.report("elsewhere/r.jsonl");
    check_document(
        "in/a.txt",
        ARTICLE.as_bytes(),
        &dir.read("out/a.txt"),
        &report,
    );
    assert!(!report.is_empty());
}

#[test]
fn summary_counts_agree_with_the_files_and_the_report() {
    let dir = Dir::new();
    varied_tree(&dir, "in", 12);
    dir.run(&[
        "clean",
        "in",
        "--out",
        "out",
        "--quiet",
        "--mode",
        "precision",
    ])
    .expect_code(0);
    let summary = dir.summary("out/dehusk-summary.json");
    let report = dir.report("out/dehusk-report.jsonl");
    let inputs = dir.files_under("in");
    let outputs: Vec<Vec<u8>> = inputs
        .keys()
        .map(|k| dir.read(&format!("out/{k}")))
        .collect();

    assert_eq!(summary["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(summary["options"]["mode"], "precision");
    assert_eq!(summary["options"]["dry_run"], false);
    assert_eq!(summary["files"], 12);
    assert_eq!(summary["documents"], 12);
    let bytes_in: usize = inputs.values().map(Vec::len).sum();
    let bytes_out: usize = outputs.iter().map(Vec::len).sum();
    let lines_in: usize = inputs.values().map(|b| split_lines(b).len()).sum();
    let lines_out: usize = outputs.iter().map(|b| split_lines(b).len()).sum();
    assert_eq!(summary["bytes_in"], bytes_in);
    assert_eq!(summary["bytes_out"], bytes_out);
    assert_eq!(summary["lines_in"], lines_in);
    assert_eq!(summary["lines_out"], lines_out);
    assert_eq!(summary["lines_removed"], report.len());

    let by_category = summary["removed_by_category"].as_object().unwrap();
    let categories: BTreeSet<&str> = by_category.keys().map(String::as_str).collect();
    assert_eq!(
        categories,
        ["caption", "duplicate", "navigation", "promo", "teaser"]
            .into_iter()
            .collect()
    );
    for (category, n) in by_category {
        let counted = report
            .iter()
            .filter(|r| r["category"] == category.as_str())
            .count();
        assert_eq!(
            n.as_u64().unwrap() as usize,
            counted,
            "removed_by_category[{category}]"
        );
    }
    let by_rule = summary["removed_by_rule"].as_object().unwrap();
    for (rule, n) in by_rule {
        let counted = report.iter().filter(|r| r["rule"] == rule.as_str()).count();
        assert_eq!(
            n.as_u64().unwrap() as usize,
            counted,
            "removed_by_rule[{rule}]"
        );
    }
    assert_eq!(
        by_rule.values().map(|v| v.as_u64().unwrap()).sum::<u64>() as usize,
        report.len()
    );
    assert!(summary["errors"].as_object().unwrap().is_empty());
    assert!(summary["skipped"].as_object().unwrap().is_empty());
}

#[test]
fn a_human_summary_goes_to_stderr_unless_quiet() {
    let dir = Dir::new();
    dir.write("in/a.txt", ARTICLE);
    let loud = dir.run(&["clean", "in", "--out", "out"]);
    loud.expect_code(0);
    assert!(
        loud.stderr.contains("1 files") && loud.stderr.contains("removed"),
        "{}",
        loud.stderr
    );
    assert!(loud.stdout.is_empty());
    let quiet = dir.run(&["clean", "in", "--out", "out2", "--quiet"]);
    quiet.expect_code(0);
    assert_eq!(quiet.stderr, "");
    assert!(quiet.stdout.is_empty());
}

#[test]
fn dry_run_writes_the_report_and_summary_but_no_copies() {
    let dir = Dir::new();
    varied_tree(&dir, "in", 8);
    dir.run(&["clean", "in", "--out", "out", "--dry-run", "--quiet"])
        .expect_code(0);
    assert_eq!(
        dir.names_under("out"),
        ["dehusk-report.jsonl", "dehusk-summary.json"]
            .iter()
            .map(|s| s.to_string())
            .collect()
    );
    assert!(!dir.report("out/dehusk-report.jsonl").is_empty());
    let summary = dir.summary("out/dehusk-summary.json");
    assert_eq!(summary["options"]["dry_run"], true);
    assert_eq!(summary["documents"], 8);

    // Without --out, a report file is enough, and nothing else appears.
    let before = dir.names_under(".");
    dir.run(&[
        "clean",
        "in",
        "--dry-run",
        "--report",
        "only.jsonl",
        "--quiet",
    ])
    .expect_code(0);
    let mut after = dir.names_under(".");
    assert!(after.remove("only.jsonl"));
    assert_eq!(before, after);
    assert_eq!(dir.read("only.jsonl"), dir.read("out/dehusk-report.jsonl"));
}

#[test]
fn modes_drop_nested_sets_of_lines() {
    let dir = Dir::new();
    dir.write("in/a.txt", ARTICLE);
    dir.write("in/b.txt", ARTIKEL);
    let mut sets = Vec::new();
    for mode in ["precision", "balanced", "recall"] {
        let out = format!("out-{mode}");
        dir.run(&["clean", "in", "--out", &out, "--mode", mode, "--quiet"])
            .expect_code(0);
        assert_eq!(
            dir.summary(&format!("{out}/dehusk-summary.json"))["options"]["mode"],
            mode
        );
        let report = dir.report(&format!("{out}/dehusk-report.jsonl"));
        let set: BTreeSet<(String, u64)> = report
            .iter()
            .map(|r| {
                (
                    r["path"].as_str().unwrap().to_string(),
                    r["line"].as_u64().unwrap(),
                )
            })
            .collect();
        sets.push(set);
    }
    assert!(
        sets[1].is_subset(&sets[0]),
        "balanced drops a line precision keeps"
    );
    assert!(
        sets[2].is_subset(&sets[1]),
        "recall drops a line balanced keeps"
    );
}

// ---------------------------------------------------------------------------------------------
// Determinism
// ---------------------------------------------------------------------------------------------

#[test]
fn one_and_two_threads_give_byte_identical_outputs_and_report() {
    let dir = Dir::new();
    varied_tree(&dir, "tree", 40);
    dir.run(&["clean", "tree", "--out", "j1", "-j1", "--quiet"])
        .expect_code(0);
    dir.run(&["clean", "tree", "--out", "j2", "-j2", "--quiet"])
        .expect_code(0);
    let one = dir.files_under("j1");
    let two = dir.files_under("j2");
    assert_eq!(one.len(), 42, "40 copies plus report and summary");
    assert_eq!(
        one.keys().collect::<Vec<_>>(),
        two.keys().collect::<Vec<_>>()
    );
    for (name, bytes) in &one {
        assert!(bytes == &two[name], "{name} differs between -j1 and -j2");
    }
    // The tree exercises every invariant too.
    let report = parse_jsonl(&one["dehusk-report.jsonl"]);
    for (rel, input) in dir.files_under("tree") {
        check_document(&format!("tree/{rel}"), &input, &one[&rel], &report);
    }
}

#[test]
fn the_bundled_samples_clean_without_errors_and_each_loses_chaff() {
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    let dir = Dir::new();
    let samples_arg = samples.to_str().unwrap();
    dir.run(&["clean", samples_arg, "--out", "out", "--quiet"])
        .expect_code(0);
    let report = dir.report("out/dehusk-report.jsonl");
    let inputs: Vec<PathBuf> = walkdir::WalkDir::new(&samples)
        .into_iter()
        .map(|e| e.unwrap().into_path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    assert!(
        inputs.len() >= 5,
        "expected at least 5 samples, found {}",
        inputs.len()
    );
    for input in inputs {
        let rel = input
            .strip_prefix(&samples)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let display = input.to_string_lossy().into_owned();
        assert!(
            !removed_lines(&report, &display).is_empty(),
            "{rel}: nothing removed"
        );
        check_document(
            &display,
            &fs::read(&input).unwrap(),
            &dir.read(&format!("out/{rel}")),
            &report,
        );
    }
}

// ---------------------------------------------------------------------------------------------
// stdin mode
// ---------------------------------------------------------------------------------------------

#[test]
fn clean_dash_reads_stdin_and_writes_the_cleaned_text_to_stdout() {
    let dir = Dir::new();
    dir.write("in/a.txt", ARTICLE);
    dir.run(&["clean", "in/a.txt", "--out", "out", "--quiet"])
        .expect_code(0);
    let expected = dir.read("out/a.txt");

    let run = dir.run_with_stdin(&["clean", "-"], Some(ARTICLE.as_bytes()));
    run.expect_code(0);
    assert_eq!(run.stdout, expected);
    assert_eq!(
        run.stderr, "",
        "nothing on stderr unless the report is asked for"
    );
    assert_eq!(
        dir.names_under("."),
        [
            "in/a.txt",
            "out/a.txt",
            "out/dehusk-report.jsonl",
            "out/dehusk-summary.json"
        ]
        .iter()
        .map(|s| s.to_string())
        .collect()
    );
}

#[test]
fn clean_without_paths_reads_piped_stdin() {
    let dir = Dir::new();
    let dash = dir.run_with_stdin(&["clean", "-"], Some(ARTIKEL.as_bytes()));
    dash.expect_code(0);
    let bare = dir.run_with_stdin(&["clean"], Some(ARTIKEL.as_bytes()));
    bare.expect_code(0);
    assert_eq!(bare.stdout, dash.stdout);
    assert_eq!(bare.stderr, "");
    assert!(bare.stdout.len() < ARTIKEL.len() && !bare.stdout.is_empty());
}

#[test]
fn report_dash_sends_the_stdin_report_to_stderr() {
    let dir = Dir::new();
    dir.write("in/a.txt", ARTICLE);
    dir.run(&["clean", "in/a.txt", "--out", "out", "--quiet"])
        .expect_code(0);
    let file_report = dir.report("out/dehusk-report.jsonl");

    let run = dir.run_with_stdin(&["clean", "-", "--report", "-"], Some(ARTICLE.as_bytes()));
    run.expect_code(0);
    assert_eq!(run.stdout, dir.read("out/a.txt"));
    let records = parse_jsonl(run.stderr.as_bytes());
    assert_eq!(records.len(), file_report.len());
    for (from_stdin, from_file) in records.iter().zip(&file_report) {
        assert_eq!(from_stdin["path"], "-");
        for field in ["line", "category", "rule", "score", "text"] {
            assert_eq!(from_stdin[field], from_file[field], "{field}");
        }
    }
    assert!(
        !run.stdout.windows(7).any(|w| w == b"\"rule\":"),
        "report leaked into stdout"
    );
}

#[test]
fn binary_stdin_is_an_error_and_passes_through() {
    let dir = Dir::new();
    let run = dir.run_with_stdin(&["clean", "-"], Some(b"abc\0def\n"));
    run.expect_code(2);
    assert!(run.stderr.contains("binary"), "{}", run.stderr);
}

// ---------------------------------------------------------------------------------------------
// Exit codes and errors
// ---------------------------------------------------------------------------------------------

#[test]
fn a_missing_path_fails_the_run_but_the_other_files_are_cleaned() {
    let dir = Dir::new();
    dir.write("in/a.txt", ARTICLE);
    dir.write("more/b.txt", ARTIKEL);
    let run = dir.run(&[
        "clean",
        "in",
        "no-such-file.txt",
        "more",
        "--out",
        "out",
        "--quiet",
    ]);
    run.expect_code(2);
    assert!(run.stderr.contains("no-such-file.txt"), "{}", run.stderr);
    assert!(dir.exists("out/a.txt") && dir.exists("out/b.txt"));
    let summary = dir.summary("out/dehusk-summary.json");
    assert_eq!(summary["errors"]["not_found"], 1);
    assert_eq!(summary["documents"], 2);
    let report = dir.report("out/dehusk-report.jsonl");
    check_document(
        "more/b.txt",
        ARTIKEL.as_bytes(),
        &dir.read("out/b.txt"),
        &report,
    );
}

#[test]
fn usage_errors_exit_2_and_write_nothing() {
    let dir = Dir::new();
    dir.write("in/a.txt", ARTICLE);
    dir.write("a-file", "x");
    let cases: &[&[&str]] = &[
        &["clean", "in"],                                   // no --out
        &["clean", "in", "--out", "o", "--bogus"],          // unknown flag
        &["clean", "in", "--out", "o", "-j", "0"],          // zero threads
        &["clean", "in", "--out", "o", "--mode", "greedy"], // unknown mode
        &["clean", "-", "in", "--out", "o"],                // stdin mixed with paths
        &["clean", "in", "--out", "a-file"],                // --out is a file
        &["frobnicate"],                                    // unknown subcommand
        &[],                                                // no subcommand
        &["explain"],                                       // explain without a file
    ];
    for args in cases {
        let before = dir.names_under(".");
        let run = dir.run(args);
        assert_eq!(run.code, 2, "{args:?}: exit {}\n{}", run.code, run.stderr);
        assert!(!run.stderr.is_empty(), "{args:?}: no message");
        assert_eq!(dir.names_under("."), before, "{args:?} wrote files");
    }
    let no_out = dir.run(&["clean", "in"]);
    assert!(no_out.stderr.contains("--out"), "{}", no_out.stderr);
}

#[test]
fn success_exits_0() {
    let dir = Dir::new();
    dir.write("in/a.txt", ARTICLE);
    dir.run(&["clean", "in", "--out", "out", "--quiet"])
        .expect_code(0);
    dir.run(&["rules"]).expect_code(0);
    dir.run(&["explain", "in/a.txt"]).expect_code(0);
    dir.run(&["--version"]).expect_code(0);
}

#[test]
fn a_binary_file_fails_with_its_path_named_unless_skip_binary() {
    let dir = Dir::new();
    dir.write("in/a.txt", ARTICLE);
    dir.write("in/sub/image.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    let run = dir.run(&["clean", "in", "--out", "out", "--quiet"]);
    run.expect_code(2);
    assert!(
        run.stderr.contains("image.txt"),
        "the message does not name the file: {}",
        run.stderr
    );
    assert!(dir.exists("out/a.txt"));
    assert!(!dir.exists("out/sub/image.txt"));
    let summary = dir.summary("out/dehusk-summary.json");
    assert_eq!(summary["errors"]["binary"], 1);
    assert_eq!(summary["documents"], 1);
    let report = dir.report("out/dehusk-report.jsonl");
    assert!(report.iter().all(|r| r["path"] == "in/a.txt"));

    let skipped = dir.run(&["clean", "in", "--out", "out2", "--quiet", "--skip-binary"]);
    skipped.expect_code(0);
    assert!(!skipped.stderr.contains("image.txt"), "{}", skipped.stderr);
    assert!(dir.exists("out2/a.txt") && !dir.exists("out2/sub/image.txt"));
    let summary = dir.summary("out2/dehusk-summary.json");
    assert_eq!(summary["skipped"]["binary"], 1);
    assert!(summary["errors"].as_object().unwrap().is_empty());
}

// ---------------------------------------------------------------------------------------------
// explain and rules
// ---------------------------------------------------------------------------------------------

/// (line number, verdict, rule) for every row of `explain` output.
fn explain_rows(stdout: &str) -> Vec<(usize, String, String)> {
    stdout
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| {
            let mut parts = l.split_whitespace();
            let n = parts
                .next()
                .unwrap()
                .parse()
                .unwrap_or_else(|_| panic!("row without a line number: {l}"));
            let verdict = parts.next().unwrap_or("").to_string();
            let rule = if verdict == "DROP" {
                parts.next().unwrap_or("").to_string()
            } else {
                String::new()
            };
            (n, verdict, rule)
        })
        .collect()
}

#[test]
fn explain_gives_every_line_a_verdict_that_matches_clean() {
    let dir = Dir::new();
    let input = ARTICLE.replace("Photo: Mara", "\nPhoto: Mara");
    dir.write("in/a.txt", &input);
    dir.run(&["clean", "in/a.txt", "--out", "out", "--quiet"])
        .expect_code(0);
    let report = dir.report("out/dehusk-report.jsonl");

    let run = dir.run(&["explain", "in/a.txt"]);
    run.expect_code(0);
    let stdout = run.stdout_str();
    assert!(stdout.starts_with("# language: en"), "{stdout}");
    let rows = explain_rows(&stdout);
    let numbers: Vec<usize> = rows.iter().map(|r| r.0).collect();
    assert_eq!(
        numbers,
        (1..=input.lines().count()).collect::<Vec<_>>(),
        "one row per line, in order"
    );
    for (n, verdict, rule) in &rows {
        let record = report.iter().find(|r| r["line"] == *n);
        match record {
            Some(record) => {
                assert_eq!(verdict, "DROP", "line {n}");
                assert_eq!(record["rule"], rule.as_str(), "line {n}");
            }
            None => assert!(
                ["keep", "blank", "-blank"].contains(&verdict.as_str()),
                "line {n}: {verdict}"
            ),
        }
    }
    // Each row shows the line's text.
    let row2 = stdout
        .lines()
        .find(|l| l.trim_start().starts_with("2 "))
        .unwrap();
    assert!(row2.contains("The harbour authority"), "{row2}");

    let dropped = dir.run(&["explain", "in/a.txt", "--dropped"]);
    dropped.expect_code(0);
    let dropped_rows = explain_rows(&dropped.stdout_str());
    assert!(
        dropped_rows.iter().all(|r| r.1 == "DROP"),
        "{}",
        dropped.stdout_str()
    );
    let dropped_numbers: BTreeSet<usize> = dropped_rows.iter().map(|r| r.0).collect();
    assert_eq!(dropped_numbers, removed_lines(&report, "in/a.txt"));
}

#[test]
fn explain_reads_stdin_and_names_a_missing_file() {
    let dir = Dir::new();
    dir.write("a.txt", ARTICLE);
    let from_file = dir.run(&["explain", "a.txt"]);
    let from_stdin = dir.run_with_stdin(&["explain", "-"], Some(ARTICLE.as_bytes()));
    from_stdin.expect_code(0);
    assert_eq!(from_stdin.stdout, from_file.stdout);

    let missing = dir.run(&["explain", "nope.txt"]);
    missing.expect_code(2);
    assert!(missing.stderr.contains("nope.txt"), "{}", missing.stderr);
    assert!(missing.stdout.is_empty());
}

#[test]
fn rules_lists_unique_ids_in_known_categories() {
    let dir = Dir::new();
    let rules = rule_list(&dir);
    assert!(rules.len() >= 5, "{rules:?}");
    let mut seen = BTreeSet::new();
    let mut categories = BTreeSet::new();
    for (id, category, about) in &rules {
        assert!(seen.insert(id.clone()), "rule {id} listed twice");
        let prefix = match category.as_str() {
            "promo" => "promo.",
            "caption" => "caption.",
            "teaser" => "teaser.",
            "navigation" => "nav.",
            "duplicate" => "duplicate.",
            other => panic!("rule {id} has unknown category {other}"),
        };
        assert!(
            id.starts_with(prefix),
            "rule {id} does not carry its category prefix {prefix}"
        );
        assert!(
            about.split_whitespace().count() >= 3,
            "rule {id} has no description"
        );
        categories.insert(category.clone());
    }
    assert_eq!(
        categories.len(),
        5,
        "every category has a rule: {categories:?}"
    );
    assert!(seen.contains("caption.agency_credit"));
}
