//! The dehusk binary: parse flags, resolve the config, run, map the outcome to an exit code.

use clap::Parser;
use dehusk::cli::{Cli, Command, ExplainArgs};
use dehusk::config::Config;
use dehusk::output::write_explanation;
use dehusk::{all_rules, analyze, ExitCode};
use std::io::{self, IsTerminal, Read, Write};

fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    let code = match cli.command {
        Command::Clean(args) => clean(args),
        Command::Rules => rules(),
        Command::Explain(args) => explain(args),
    };
    code.into()
}

fn clean(args: dehusk::cli::CleanArgs) -> ExitCode {
    let config = match Config::from_args(args, io::stdin().is_terminal()) {
        Ok(c) => c,
        Err(message) => return usage_error(&message),
    };
    // Stdin mode keeps the default Ctrl-C (stop now): it writes no files to protect.
    if matches!(config.source, dehusk::config::Source::Paths(_)) {
        if let Err(message) = dehusk::interrupt::install() {
            eprintln!("dehusk: warning: {message}");
        }
    }
    match dehusk::run::run_clean(&config) {
        Ok(result) if result.summary.error_count() == 0 => ExitCode::Success,
        Ok(_) => ExitCode::Error,
        Err(e) if dehusk::interrupt::is_interrupt(&e) => {
            eprintln!("dehusk: {e}");
            ExitCode::Interrupted
        }
        Err(e) => {
            eprintln!("dehusk: error: {e}");
            ExitCode::Error
        }
    }
}

fn rules() -> ExitCode {
    let mut out = io::stdout().lock();
    for rule in all_rules() {
        if writeln!(out, "{:<30} {:<11} {}", rule.id, rule.category.as_str(), rule.about).is_err() {
            break;
        }
    }
    ExitCode::Success
}

fn explain(args: ExplainArgs) -> ExitCode {
    let bytes = if args.file.as_os_str() == "-" {
        let mut buf = Vec::new();
        io::stdin().lock().read_to_end(&mut buf).map(|_| buf)
    } else {
        std::fs::read(&args.file)
    };
    let bytes = match bytes {
        Ok(b) => b,
        Err(e) => {
            eprintln!("dehusk: error: {}: {e}", args.file.display());
            return ExitCode::Error;
        }
    };
    let analysis = analyze(&bytes, args.mode);
    let mut out = io::BufWriter::new(io::stdout().lock());
    let _ = write_explanation(&analysis, args.dropped, &mut out).and_then(|_| out.flush());
    ExitCode::Success
}

fn usage_error(message: &str) -> ExitCode {
    eprintln!("dehusk: error: {message}");
    eprintln!("Try 'dehusk clean --help'.");
    ExitCode::Error
}
