//! `dehusk explain`: every line with its verdict, rule, score and the signals behind it.

use crate::pipeline::Analysis;
use std::io::{self, Write};

/// Write one row per line: number, verdict, rule, score, prose score, body marker, text.
pub fn write_explanation(
    analysis: &Analysis,
    dropped_only: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    let Analysis {
        doc,
        findings,
        decision,
    } = analysis;
    let body = decision.body;
    writeln!(
        out,
        "# language: {}  body: {}",
        doc.language.map(|l| l.code()).unwrap_or("unknown"),
        body.map(|b| format!("lines {}-{}", b.start + 1, b.end + 1))
            .unwrap_or_else(|| "none".into())
    )?;
    writeln!(
        out,
        "# line  verdict  rule                          chaff  prose  | text"
    )?;
    for (index, (line, verdict)) in doc.lines.iter().zip(&decision.verdicts).enumerate() {
        if dropped_only && verdict.keep {
            continue;
        }
        if line.is_blank() {
            if !dropped_only {
                writeln!(
                    out,
                    "{:>6}  {:<7}",
                    line.number,
                    if verdict.keep { "blank" } else { "-blank" }
                )?;
            }
            continue;
        }
        let rule = verdict.rule.map(|r| r.id).unwrap_or("");
        let also: Vec<&str> = findings
            .iter()
            .filter(|f| f.line == index && Some(f.rule.id) != verdict.rule.map(|r| r.id))
            .map(|f| f.rule.id)
            .collect();
        let in_body = if decision.in_body[index] { '|' } else { ' ' };
        let text: String = line.text.chars().take(160).collect();
        writeln!(
            out,
            "{:>6}  {:<7}  {:<28}  {:>5.3}  {:>5.1} {in_body}| {}{}",
            line.number,
            if verdict.keep { "keep" } else { "DROP" },
            rule,
            verdict.score,
            decision.prose[index],
            text,
            if also.is_empty() {
                String::new()
            } else {
                format!("   [also: {}]", also.join(", "))
            }
        )?;
    }
    Ok(())
}
