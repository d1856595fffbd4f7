//! The I/O floor of `dehusk clean DIR --out OUT -j1`: the same files read and written the same
//! way, with no cleaning at all (`scripts/bench/whole.py` prints it as its own row).
//!
//! Usage: `cargo run --release --example copy_floor -- IN_DIR OUT_DIR`
//!
//! Walks `IN_DIR` in file-name order, skipping hidden entries, and for every `.txt` or `.jsonl`
//! file (a shard is copied as it is) reads it whole, writes it to `OUT_DIR/<relative path>`
//! through dehusk's own atomic writer (`src/output/atomic.rs`, the one `clean` uses) and appends
//! one JSON line to `OUT_DIR/report.jsonl`, on one thread. No run of `clean` on the same files and filesystem can be faster than this,
//! so it shows how much of a run's time is the filesystem's and how much is dehusk's.

use std::fs::{self, File};
use std::io::{BufWriter, Write};
use std::path::Path;
use walkdir::WalkDir;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, output] = args.as_slice() else {
        eprintln!("usage: copy_floor IN_DIR OUT_DIR");
        std::process::exit(2);
    };
    let (input, output) = (Path::new(input), Path::new(output));
    fs::create_dir_all(output).expect("create OUT_DIR");
    let mut report = BufWriter::new(File::create(output.join("report.jsonl")).expect("report"));
    let (mut files, mut bytes) = (0usize, 0usize);
    let entries = WalkDir::new(input)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in entries {
        let entry = entry.expect("walk");
        let path = entry.path();
        if !entry.file_type().is_file()
            || path.extension().is_none_or(|x| x != "txt" && x != "jsonl")
        {
            continue;
        }
        let data = fs::read(path).expect("read");
        let relative = path.strip_prefix(input).expect("under IN_DIR");
        dehusk::output::write_atomic(&output.join(relative), &data).expect("write");
        writeln!(
            report,
            "{{\"path\":{:?},\"bytes\":{}}}",
            relative,
            data.len()
        )
        .expect("report");
        files += 1;
        bytes += data.len();
    }
    report.flush().expect("report");
    eprintln!("copied {files} files, {bytes} bytes");
}
