//! `dehusk check` output: a human summary, one JSON object, or GitHub workflow annotations.

use crate::check::{CheckFormat, CheckResult};
use serde_json::Value;
use std::io::{self, Write};

/// Write `result` in `format`.
pub fn write_check(
    result: &CheckResult,
    format: CheckFormat,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        CheckFormat::Text => write_text(result, out),
        CheckFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &to_json(result))?;
            writeln!(out)
        }
        CheckFormat::Github => write_github(result, out),
    }
}

/// The machine-readable result.
pub fn to_json(result: &CheckResult) -> Value {
    let s = &result.summary;
    serde_json::json!({
        "ok": result.thresholds.iter().all(|t| t.ok) && s.error_count() == 0,
        "exit_code": result.exit_code() as u8,
        "files": s.files,
        "documents": s.documents,
        "lines_in": s.lines_in,
        "lines_removed": s.removed_lines(),
        "removed_by_category": s.removed_by_category,
        "removed_by_rule": s.removed_by_rule,
        "thresholds": result.thresholds,
        "errors": s.errors,
        "warnings": s.warnings,
        "first_findings": result.findings,
    })
}

fn verdict_lines(result: &CheckResult) -> Vec<String> {
    let s = &result.summary;
    let mut lines = vec![format!(
        "dehusk check: {} files, {} documents, {} of {} lines would be removed",
        s.files,
        s.documents,
        s.removed_lines(),
        s.lines_in
    )];
    for t in &result.thresholds {
        lines.push(format!(
            "{} {}: {:.2}% ({} lines), limit {:.2}%",
            if t.ok { "ok  " } else { "FAIL" },
            t.name,
            100.0 * t.value,
            t.lines,
            100.0 * t.limit
        ));
    }
    if s.error_count() > 0 {
        let kinds: Vec<String> = s.errors.iter().map(|(k, n)| format!("{k} {n}")).collect();
        lines.push(format!(
            "ERROR {} inputs could not be checked: {}",
            s.error_count(),
            kinds.join(", ")
        ));
    }
    lines
}

fn write_text(result: &CheckResult, out: &mut dyn Write) -> io::Result<()> {
    for line in verdict_lines(result) {
        writeln!(out, "{line}")?;
    }
    Ok(())
}

fn write_github(result: &CheckResult, out: &mut dyn Write) -> io::Result<()> {
    for finding in &result.findings {
        let text = |key: &str| finding[key].as_str().unwrap_or("").to_string();
        let line = finding
            .get("record")
            .unwrap_or(&finding["line"])
            .as_u64()
            .unwrap_or(1);
        let where_ = match finding.get("record") {
            Some(_) => format!(" (document line {})", finding["line"]),
            None => String::new(),
        };
        writeln!(
            out,
            "::warning file={},line={line},title={}::{} line removed{where_}, score {}: {}",
            property(&text("path")),
            property(&format!("dehusk {}", text("rule"))),
            data(&text("category")),
            finding["score"],
            data(&text("text"))
        )?;
    }
    let level = match result.exit_code() {
        crate::exit::ExitCode::Success => "notice",
        _ => "error",
    };
    for line in verdict_lines(result) {
        writeln!(out, "::{level}::{}", data(&line))?;
    }
    Ok(())
}

/// Escape a workflow command message.
fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escape a workflow command property value.
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workflow_command_values_are_escaped() {
        assert_eq!(data("50%\nnext"), "50%25%0Anext");
        assert_eq!(property("a:b,c"), "a%3Ab%2Cc");
    }
}
