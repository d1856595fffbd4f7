//! Tables and ingredient lists right beside the body: runs of rows that carry figures.

use super::body::BodyItem;
use crate::doc::Document;

/// Rows with figures a table or ingredient list beside the body needs to join it, and the
/// figure-free lines (a table's subheads, a recipe step's title) it may hold in a row.
const MIN_ROWS: usize = 4;
const ROW_GAP: usize = 3;

/// A table or ingredient list right beside the body (results, recipe quantities, prices): rows
/// that carry figures, one after another from the body's edge, possibly with a few short
/// figure-free lines (column heads, step titles) between them. Such rows score as non-prose and
/// would be dropped with the menus around them; figures are what menus do not have.
/// `items` run outwards from the body's edge. Returns the lines of the run, or none when it
/// holds fewer than [`MIN_ROWS`] rows.
pub(super) fn structured_rows(
    doc: &Document,
    items: &[&BodyItem],
    finding_score: &dyn Fn(usize) -> f32,
) -> Vec<usize> {
    let mut taken = Vec::new();
    let (mut rows, mut gap, mut end) = (0usize, 0usize, 0usize);
    for item in items {
        let line = &doc.lines[item.line];
        let f = &line.features;
        if item.wall
            || item.suspect
            || finding_score(item.line) >= 0.5
            || f.words > 50
            || f.separators > 0
        {
            break;
        }
        let text = line.trimmed();
        // Dated lines are an archive or a list of posts, not a table the article holds.
        let row = has_quantity(text) && !crate::detect::names_a_date(text);
        if row {
            rows += 1;
            gap = 0;
            taken.push(item.line);
            end = taken.len();
        } else {
            gap += 1;
            if gap > ROW_GAP || f.words > 12 || f.separators > 0 {
                break;
            }
            taken.push(item.line);
        }
    }
    taken.truncate(end);
    // A headline list whose titles mention a price now and then is not a table: rows must be
    // a third of the run (a recipe alternates quantities with step titles and tips).
    if rows >= MIN_ROWS && rows * 3 >= taken.len() {
        taken
    } else {
        Vec::new()
    }
}

/// Whether `text` holds a figure that is not a year: a quantity, a rank, a score, a price.
fn has_quantity(text: &str) -> bool {
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|run| !run.is_empty())
        .any(|run| !(run.len() == 4 && (run.starts_with("19") || run.starts_with("20"))))
}
