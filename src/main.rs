//! The dehusk binary: parse flags, resolve the config, run, map the outcome to an exit code.

use clap::Parser;
use dehusk::cli::{Cli, Command, ExplainArgs};
use dehusk::config::Config;
use dehusk::output::{write_explanation, write_explanation_json};
use dehusk::{all_rules, analyze, ExitCode};
use std::io::{self, IsTerminal, Read, Write};

fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    let code = match cli.command {
        Command::Clean(args) => clean(args),
        Command::Rules => rules(),
        Command::Explain(args) => explain(args),
        Command::Check(args) => check(args),
        Command::MergeReports(args) => merge_reports(args),
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
        if writeln!(
            out,
            "{:<30} {:<11} {}",
            rule.id,
            rule.category.as_str(),
            rule.about
        )
        .is_err()
        {
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
    let written = if args.json {
        write_explanation_json(&analysis, args.dropped, &mut out)
    } else {
        write_explanation(&analysis, args.dropped, &mut out)
    };
    let _ = written.and_then(|_| out.flush());
    ExitCode::Success
}

fn check(args: dehusk::check::CheckArgs) -> ExitCode {
    let config = match dehusk::check::config(&args) {
        Ok(c) => c,
        Err(message) => return usage_error_for("check", &message),
    };
    match dehusk::check::run_check(&args, &config) {
        Ok(result) => {
            let mut out = io::stdout().lock();
            let _ = dehusk::output::write_check(&result, args.format, &mut out)
                .and_then(|_| out.flush());
            result.exit_code()
        }
        Err(e) => {
            eprintln!("dehusk: error: {e}");
            ExitCode::Error
        }
    }
}

fn merge_reports(args: dehusk::merge::MergeArgs) -> ExitCode {
    match dehusk::merge::run(&args) {
        Ok(summary) => {
            if !args.quiet {
                let (files, docs) = (summary.files, summary.documents);
                let out = args.out.display();
                eprintln!("dehusk: merged into {out}: {files} files, {docs} documents");
                for line in summary.human(0.0).lines().skip(1) {
                    eprintln!("{line}");
                }
            }
            ExitCode::Success
        }
        Err(message) => {
            eprintln!("dehusk: error: {message}");
            ExitCode::Error
        }
    }
}

fn usage_error(message: &str) -> ExitCode {
    usage_error_for("clean", message)
}

fn usage_error_for(command: &str, message: &str) -> ExitCode {
    eprintln!("dehusk: error: {message}");
    eprintln!("Try 'dehusk {command} --help'.");
    ExitCode::Error
}
