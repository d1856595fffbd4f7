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

/// The same as [`write_explanation`], one JSON object per line, for scripts.
pub fn write_explanation_json(
    analysis: &Analysis,
    dropped_only: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    let Analysis {
        doc,
        findings,
        decision,
    } = analysis;
    for (index, (line, verdict)) in doc.lines.iter().zip(&decision.verdicts).enumerate() {
        if dropped_only && verdict.keep {
            continue;
        }
        let fired: Vec<serde_json::Value> = findings
            .iter()
            .filter(|f| f.line == index)
            .map(|f| serde_json::json!({"rule": f.rule.id, "score": round3(f.score)}))
            .collect();
        let record = serde_json::json!({
            "line": line.number,
            "keep": verdict.keep,
            "blank": line.is_blank(),
            "rule": verdict.rule.map(|r| r.id),
            "category": verdict.rule.map(|r| r.category.as_str()),
            "score": round3(verdict.score),
            "prose": round3(decision.prose[index]),
            "in_body": decision.in_body[index],
            "findings": fired,
            "text": line.text,
        });
        serde_json::to_writer(&mut *out, &record)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

fn round3(x: f32) -> f64 {
    (f64::from(x) * 1000.0).round() / 1000.0
}
