//! Main body: the densest run of prose, found as a maximum-sum segment over the lines.
//!
//! Each line adds its words when it reads as prose and subtracts a penalty when it does not,
//! so menus and footers around the article push the edges in, while a caption or subhead
//! between two paragraphs costs less than the paragraphs gain.

/// Inclusive range of line indices holding the main body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Body {
    pub start: usize,
    pub end: usize,
}

impl Body {
    pub fn contains(&self, index: usize) -> bool {
        self.start <= index && index <= self.end
    }
}

/// `items` are (line index, prose score, words) for the non-blank lines, in order.
pub fn find_body(items: &[(usize, f32, usize)]) -> Option<Body> {
    let mut best: Option<(f32, usize, usize)> = None;
    let mut run_sum = 0.0f32;
    let mut run_start = 0usize;
    for (k, &(_, q, words)) in items.iter().enumerate() {
        let value = line_value(q, words);
        if run_sum <= 0.0 {
            run_sum = value;
            run_start = k;
        } else {
            run_sum += value;
        }
        if run_sum > 0.0 && best.is_none_or(|(b, _, _)| run_sum > b) {
            best = Some((run_sum, run_start, k));
        }
    }
    best.map(|(_, s, e)| Body { start: items[s].0, end: items[e].0 })
}

fn line_value(q: f32, words: usize) -> f32 {
    if q > 0.0 {
        words as f32 * (q / 3.0).min(1.0)
    } else {
        -(3.0 + words as f32 * 0.5) * (-q / 2.0).clamp(0.5, 1.5)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_prose_run_wins_over_menus_on_both_sides() {
        let items = [
            (0, -2.5, 1),
            (1, -2.5, 2),
            (2, 3.0, 40),
            (3, -1.5, 3),
            (4, 3.0, 35),
            (5, -2.5, 1),
            (6, -2.5, 2),
        ];
        assert_eq!(find_body(&items), Some(Body { start: 2, end: 4 }));
    }

    #[test]
    fn no_prose_means_no_body() {
        assert_eq!(find_body(&[(0, -2.0, 1), (1, -1.0, 2)]), None);
        assert_eq!(find_body(&[]), None);
    }
}
