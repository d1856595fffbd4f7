//! The walk's order against a sort of every path, its merge of several roots, and extensions.

use super::*;
use clap::Parser;
use std::fs;

fn config(extra: &[&str]) -> Config {
    let mut argv = vec!["dehusk", "clean", "-q", "in", "--out", "/nonexistent/out"];
    argv.extend_from_slice(extra);
    let cli = crate::cli::Cli::parse_from(argv);
    let crate::cli::Command::Clean(args) = cli.command else {
        unreachable!()
    };
    Config::from_args(args, false).unwrap()
}

/// The input paths of a walk's jobs, in walk order.
fn jobs(paths: &[PathBuf], config: &Config) -> Vec<PathBuf> {
    walk(paths, config)
        .filter_map(Walked::into_job)
        .map(|job| job.input)
        .collect()
}

/// Names whose order changes when a '/' follows one of them: ' ', '-', '.' and '0' sort
/// around '/' (0x2F), and "a" is a prefix of all of them.
const NAMES: [&str; 6] = ["a", "a b", "a-b", "a.b", "a0", "b"];

/// A tree where each name is a folder at one level and a file at another, three deep.
fn tricky_tree(root: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for (i, top) in NAMES.iter().enumerate() {
        let top_dir = root.join(top);
        if i % 2 == 0 {
            fs::create_dir_all(&top_dir).unwrap();
            for (j, mid) in NAMES.iter().enumerate() {
                let mid_dir = top_dir.join(mid);
                if (i + j) % 3 == 0 {
                    fs::create_dir_all(&mid_dir).unwrap();
                    for leaf in NAMES {
                        let file = mid_dir.join(format!("{leaf}.txt"));
                        fs::write(&file, "x\n").unwrap();
                        files.push(file);
                    }
                } else {
                    let file = top_dir.join(format!("{mid}.txt"));
                    fs::write(&file, "x\n").unwrap();
                    files.push(file);
                }
            }
        } else {
            let file = root.join(format!("{top}.txt"));
            fs::write(&file, "x\n").unwrap();
            files.push(file);
            // A file named like the folder, no extension: not a job, but a name to sort.
            fs::write(root.join(top), "x\n").unwrap();
        }
    }
    files.sort_by(|a, b| a.as_os_str().cmp(b.as_os_str()));
    files
}

#[test]
fn a_folder_is_walked_in_the_byte_order_of_whole_paths() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("in");
    let want = tricky_tree(&root);
    assert!(want.len() > 50, "{}", want.len());
    assert_eq!(jobs(std::slice::from_ref(&root), &config(&[])), want);
    // `a-b/x` before `a/b`: the case a walk sorted by name alone gets wrong.
    let order = |name: &str| want.iter().position(|p| p.starts_with(root.join(name)));
    assert!(order("a-b") < order("a"), "{want:?}");
}

#[cfg(unix)]
#[test]
fn a_followed_link_to_a_folder_sorts_as_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("in");
    fs::create_dir_all(root.join("real")).unwrap();
    fs::write(root.join("real/x.txt"), "x\n").unwrap();
    fs::write(root.join("link-z.txt"), "x\n").unwrap();
    std::os::unix::fs::symlink("real", root.join("link")).unwrap();
    let walked = jobs(std::slice::from_ref(&root), &config(&["--follow"]));
    let mut want = vec![
        root.join("link/x.txt"),
        root.join("link-z.txt"),
        root.join("real/x.txt"),
    ];
    want.sort_by(|a, b| a.as_os_str().cmp(b.as_os_str()));
    assert_eq!(walked, want);
}

#[test]
fn several_roots_merge_in_path_order_and_take_a_file_once() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    for (root, names) in [(&a, ["1.txt", "3.txt"]), (&b, ["2.txt", "4.txt"])] {
        fs::create_dir_all(root.join("sub")).unwrap();
        for name in names {
            fs::write(root.join("sub").join(name), "x\n").unwrap();
        }
    }
    // `a` twice and one of its files again: each file once, in order.
    let roots = [b.clone(), a.clone(), a.join("sub/3.txt"), a.clone()];
    let walked = jobs(&roots, &config(&[]));
    let want = [
        a.join("sub/1.txt"),
        a.join("sub/3.txt"),
        b.join("sub/2.txt"),
        b.join("sub/4.txt"),
    ];
    assert_eq!(walked, want);
}

#[test]
fn two_inputs_with_one_output_path_keep_the_first_and_report_the_second() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    for root in [&a, &b] {
        fs::create_dir_all(root).unwrap();
        fs::write(root.join("same.txt"), "x\n").unwrap();
    }
    fs::write(b.join("other.txt"), "x\n").unwrap();
    let walked: Vec<Walked> = walk(&[b.clone(), a.clone()], &config(&[])).collect();
    let collision = WalkError {
        display: b.join("same.txt").to_string_lossy().into_owned(),
        kind: ErrorKind::OutputCollision,
        message: "another input already writes same.txt".into(),
    };
    // -q: no progress bar, so the walk takes no sizes.
    let job = |p: PathBuf| Walked::Job(Job::new(p, 1, 0));
    assert_eq!(
        walked,
        [
            job(a.join("same.txt")),
            job(b.join("other.txt")),
            Walked::Error(collision),
        ]
    );
}

#[test]
fn path_hashes_differ_for_different_paths_and_agree_for_equal_ones() {
    let seen: HashSet<u128> = (0..10_000)
        .map(|i| path_hash(Path::new(&format!("d{}/f{i}.txt", i % 7))))
        .collect();
    assert_eq!(seen.len(), 10_000);
    // As `Path` compares: by components.
    assert_eq!(
        path_hash(Path::new("a/b.txt")),
        path_hash(Path::new("a//b.txt"))
    );
}

#[test]
fn extension_match_is_case_insensitive_and_compound_aware() {
    let exts = vec!["txt".to_string(), "jsonl.gz".to_string()];
    assert!(has_extension(Path::new("a/B.TXT"), &exts));
    assert!(has_extension(Path::new("shard.jsonl.gz"), &exts));
    assert!(!has_extension(Path::new("notes.text"), &exts));
    assert!(!has_extension(Path::new(".txt"), &exts));
    assert!(!has_extension(Path::new("atxt"), &exts));
}

#[test]
fn jobs_carry_their_size_only_for_the_progress_bar() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("sub")).unwrap();
    fs::write(dir.path().join("sub/a.txt"), "four").unwrap();
    fs::write(dir.path().join("b.txt"), "seven!!").unwrap();
    let sizes = |progress: bool| -> Vec<u64> {
        let mut config = config(&[]);
        config.progress = progress;
        walk(&[dir.path().to_path_buf()], &config)
            .filter_map(Walked::into_job)
            .map(|job| job.size)
            .collect()
    };
    assert_eq!(sizes(true), [7, 4]);
    assert_eq!(sizes(false), [0, 0]);
}
