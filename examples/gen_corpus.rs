//! Generate a labelled synthetic corpus of several sites, or score a dehusk report against it.
//!
//! ```sh
//! cargo run --release --example gen_corpus -- --out DIR --sites 6 --docs-per-site 50 --seed 1
//! cargo run --release --example gen_corpus -- --out shard.jsonl --jsonl --sites 10 --docs-per-site 1000
//! cargo run --release --example gen_corpus -- --score DIR --report OUT/dehusk-report.jsonl
//! ```

mod synth;

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let value = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let number = |flag: &str, default: u64| value(flag).map_or(Ok(default), |v| v.parse::<u64>());
    let (Ok(sites), Ok(docs), Ok(seed)) = (
        number("--sites", 6),
        number("--docs-per-site", 50),
        number("--seed", 1),
    ) else {
        eprintln!("gen_corpus: --sites, --docs-per-site and --seed take whole numbers");
        return ExitCode::from(2);
    };
    let result = if let Some(corpus) = value("--score") {
        let Some(report) = value("--report") else {
            eprintln!("gen_corpus: --score DIR needs --report FILE");
            return ExitCode::from(2);
        };
        synth::score::score(&PathBuf::from(corpus), &PathBuf::from(report)).map(|s| {
            println!(
                "precision {:.3}  recall {:.3}  f1 {:.3}  (tp {} fp {} fn {})",
                s.precision(),
                s.recall(),
                s.f1(),
                s.true_pos,
                s.false_pos,
                s.false_neg
            );
        })
    } else if let Some(out) = value("--out") {
        let out = PathBuf::from(out);
        if args.iter().any(|a| a == "--jsonl") {
            synth::write_shard(&out, sites as usize, docs as usize, seed)
        } else {
            synth::write_corpus(&out, sites as usize, docs as usize, seed)
        }
    } else {
        eprintln!("usage: gen_corpus --out DIR [--jsonl] [--sites N] [--docs-per-site N] [--seed N] | --score DIR --report FILE");
        return ExitCode::from(2);
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gen_corpus: {e}");
            ExitCode::from(2)
        }
    }
}
