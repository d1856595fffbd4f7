//! Criterion benchmarks (bytes/s) of the per-document pipeline and of each stage and detector family.
//!
//! Input: 200 documents (about 2 MB) from the seeded benchmark corpus generator
//! (`examples/gen_bench_corpus.rs`, seed 42), plus the bundled samples. Run with
//! `cargo bench --bench pipeline` (add `-- detect` to run one group). Whole-process
//! numbers (file I/O, report, threads) come from `scripts/bench/whole.py`. The `matchers`
//! group times the start-up cost of each detector pattern set (issue #5).

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use dehusk::decide::decide;
use dehusk::detect::{all_detectors, detect_all, patterns, Matcher};
use dehusk::doc::{Document, StopwordSet};
use dehusk::{clean_document, Mode};
use std::hint::black_box;
use std::path::Path;

#[path = "../examples/gen_bench_corpus.rs"]
#[allow(dead_code)]
mod gen;

/// Generated documents, then every bundled sample.
fn corpus() -> Vec<Vec<u8>> {
    let mut rng = gen::Rng(42);
    let mut docs: Vec<Vec<u8>> = (0..200)
        .map(|_| gen::next_document(&mut rng).into_bytes())
        .collect();
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    let mut stack = vec![samples];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut paths: Vec<_> = entries.flatten().map(|e| e.path()).collect();
        paths.sort();
        for path in paths {
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "txt") {
                docs.extend(std::fs::read(&path).ok());
            }
        }
    }
    docs
}

fn total(docs: &[Vec<u8>]) -> u64 {
    docs.iter().map(|d| d.len() as u64).sum()
}

fn pipeline(c: &mut Criterion) {
    let docs = corpus();
    // Compile the regexes and build the stopword set outside the measurement.
    clean_document(&docs[0], Mode::Balanced);
    let mut group = c.benchmark_group("pipeline");
    group.throughput(Throughput::Bytes(total(&docs)));
    group.sample_size(10);
    group.bench_function("clean_document", |b| {
        b.iter(|| {
            for doc in &docs {
                black_box(clean_document(doc, Mode::Balanced));
            }
        })
    });
    group.bench_function("parse", |b| {
        b.iter(|| {
            for doc in &docs {
                black_box(Document::parse(doc, StopwordSet::shared()));
            }
        })
    });
    let parsed: Vec<Document> = docs
        .iter()
        .map(|d| Document::parse(d, StopwordSet::shared()))
        .collect();
    let findings: Vec<_> = parsed.iter().map(detect_all).collect();
    group.bench_function("decide", |b| {
        b.iter(|| {
            for (doc, found) in parsed.iter().zip(&findings) {
                // A fresh parse each time would measure parsing; the topic cache is kept.
                black_box(decide(doc, found, Mode::Balanced));
            }
        })
    });
    group.finish();

    let mut group = c.benchmark_group("detect");
    group.throughput(Throughput::Bytes(total(&docs)));
    group.sample_size(10);
    for detector in all_detectors() {
        group.bench_with_input(
            BenchmarkId::from_parameter(detector.family()),
            &parsed,
            |b, parsed| {
                let mut out = Vec::new();
                b.iter(|| {
                    for doc in parsed {
                        out.clear();
                        detector.detect(doc, &mut out);
                    }
                    black_box(out.len())
                })
            },
        );
    }
    group.finish();
}

/// First use of each pattern set, the fixed cost a process pays per set: decoding its stored
/// program and starting a lazy DFA (`program/<set>`), against compiling the set with the
/// `regex` crate, which is what every process did before (`regex/<set>`).
fn matchers(c: &mut Criterion) {
    let mut group = c.benchmark_group("matchers");
    group.sample_size(10);
    group.warm_up_time(std::time::Duration::from_millis(500));
    group.measurement_time(std::time::Duration::from_secs(2));
    for &set in patterns::ALL {
        group.bench_function(BenchmarkId::new("program", set.name), |b| {
            b.iter(|| black_box(Matcher::new(set).is_match("")))
        });
        group.bench_function(BenchmarkId::new("regex", set.name), |b| {
            b.iter(|| {
                let built = regex::RegexBuilder::new(&set.regex_text())
                    .case_insensitive(set.case_insensitive)
                    .size_limit(1 << 24)
                    .build();
                black_box(built.is_ok())
            })
        });
    }
    group.finish();
}

criterion_group!(benches, pipeline, matchers);
criterion_main!(benches);
