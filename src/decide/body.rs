//! Main body: the densest run of prose, found as a maximum-sum segment over the lines.
//!
//! Each line adds its words when it reads as prose and subtracts a penalty when it does not,
//! so menus and footers around the article push the edges in, while a caption or subhead
//! between two paragraphs costs less than the paragraphs gain. A teaser header met after
//! the article has started is a wall: "More from X" nearly always means the article is over.

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

/// What the body search needs to know about one non-blank line.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BodyItem {
    pub line: usize,
    /// Prose score of the line.
    pub prose: f32,
    pub words: usize,
    /// A detector is sure the line is chaff: it counts as non-prose whatever its shape.
    pub chaff: bool,
    /// A teaser or comments header: nothing after it joins the body before it.
    pub wall: bool,
    /// Announced by an earlier header as a teaser: weak evidence of body.
    pub suspect: bool,
    /// A comments header ("12 Comments", "Leave a reply"); also a wall.
    pub comments: bool,
    /// Set by [`activate_walls`]: below a live comments header.
    pub in_comment_section: bool,
    /// Comment furniture: a reply link, "X says:", a timestamp.
    pub comment_cue: bool,
}

/// A wall is a line no segment may cross.
const WALL: f32 = -1.0e6;

/// Value of one line for the max-sum search.
pub fn line_value(item: &BodyItem) -> f32 {
    if item.wall {
        return WALL;
    }
    let non_prose = -(3.0 + item.words as f32 * 0.5);
    if item.chaff {
        return non_prose;
    }
    if item.prose > 0.0 {
        let gain = item.words as f32 * (item.prose / 3.0).min(1.0);
        if item.suspect {
            gain * 0.3
        } else {
            gain
        }
    } else {
        non_prose * (-item.prose / 2.0).clamp(0.5, 1.5)
    }
}

/// Best segment (sum, first item, last item) of `values`, or None when nothing is positive.
pub fn best_segment(values: &[f32]) -> Option<(f32, usize, usize)> {
    let mut best: Option<(f32, usize, usize)> = None;
    let mut run_sum = 0.0f32;
    let mut run_start = 0usize;
    for (k, &value) in values.iter().enumerate() {
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
    best
}

/// Walls only count once the article has begun: a "Comments" menu item or a video
/// carousel above the article is no end. The article's start is taken from a first search
/// that ignores walls.
pub fn activate_walls(items: &mut [BodyItem]) {
    let open: Vec<BodyItem> = items
        .iter()
        .map(|i| BodyItem { wall: false, ..*i })
        .collect();
    let values: Vec<f32> = open.iter().map(line_value).collect();
    let mut start = best_segment(&values).map_or(items.len(), |(_, s, _)| s);
    // Comments can outweigh the article. When the first search starts right below a
    // comments header, that block is the comments and the article is above the header.
    let lookback = start.saturating_sub(COMMENTS_LOOKBACK);
    if let Some(header) = items[lookback..start]
        .iter()
        .rposition(|i| i.comments)
        .map(|k| lookback + k)
    {
        if let Some((sum, earlier, _)) = best_segment(&values[..header]) {
            if sum >= MIN_ARTICLE {
                start = earlier;
            }
        }
    }
    // Below a live comments header, everything up to the next header is the comment
    // section: it counts as chaff for the body, however well written.
    // A "12 comments" link under the headline heads no section: a real one shows comment
    // furniture (reply links, "X says:", timestamps) right below its header.
    let cues: Vec<bool> = (0..items.len())
        .map(|k| {
            items[k + 1..]
                .iter()
                .take(COMMENT_CUE_REACH)
                .filter(|i| i.comment_cue)
                .count()
                >= 2
        })
        .collect();
    let mut in_comments = false;
    for (k, item) in items.iter_mut().enumerate() {
        item.wall &= k > start;
        if item.wall {
            in_comments = item.comments && cues[k];
        } else if in_comments {
            item.chaff = true;
            item.in_comment_section = true;
        }
    }
}

/// Lines below a comments header searched for comment furniture.
const COMMENT_CUE_REACH: usize = 30;
/// Lines between a comments header and the start of the block it heads.
const COMMENTS_LOOKBACK: usize = 8;
/// Prose (in weighted words) a block above a comments header needs to be the article.
const MIN_ARTICLE: f32 = 60.0;

/// The main segment and any secondary segment on the same side of every wall that is at
/// least `share` as strong (articles split by a gallery or a table), as item ranges.
pub fn find_segments(items: &[BodyItem], share: f32) -> Vec<(usize, usize)> {
    let values: Vec<f32> = items.iter().map(line_value).collect();
    let Some((best, start, end)) = best_segment(&values) else {
        return Vec::new();
    };
    let mut segments = vec![(start, end)];
    // Look left and right of the main segment, stopping at the first wall.
    let left_from = values[..start]
        .iter()
        .rposition(|&v| v == WALL)
        .map_or(0, |w| w + 1);
    let right_to = values[end + 1..]
        .iter()
        .position(|&v| v == WALL)
        .map_or(values.len(), |w| end + 1 + w);
    let mut pending = vec![(left_from, start), (end + 1, right_to)];
    while let Some((lo, hi)) = pending.pop() {
        if lo >= hi {
            continue;
        }
        if let Some((sum, s, e)) = best_segment(&values[lo..hi]) {
            if sum >= best * share && sum >= 30.0 {
                segments.push((lo + s, lo + e));
                pending.push((lo, lo + s));
                pending.push((lo + e + 1, hi));
            }
        }
    }
    segments.sort_unstable();
    segments
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(line: usize, prose: f32, words: usize) -> BodyItem {
        BodyItem {
            line,
            prose,
            words,
            chaff: false,
            wall: false,
            suspect: false,
            comments: false,
            in_comment_section: false,
            comment_cue: false,
        }
    }

    #[test]
    fn the_prose_run_wins_over_menus_on_both_sides() {
        let items = [
            item(0, -2.5, 1),
            item(1, -2.5, 2),
            item(2, 3.0, 40),
            item(3, -1.5, 3),
            item(4, 3.0, 35),
            item(5, -2.5, 1),
        ];
        assert_eq!(find_segments(&items, 0.4), vec![(2, 4)]);
    }

    #[test]
    fn no_prose_means_no_body() {
        assert!(find_segments(&[item(0, -2.0, 1), item(1, -1.0, 2)], 0.4).is_empty());
        assert!(find_segments(&[], 0.4).is_empty());
    }

    #[test]
    fn a_wall_after_the_article_stops_the_body() {
        let mut items = vec![
            item(0, 3.0, 60),
            item(1, 3.0, 60),
            item(2, -0.5, 4),
            item(3, 3.0, 70),
            item(4, 3.0, 70),
        ];
        // The blurbs after the header outweigh the article, but the detector marks them suspect.
        items[2].wall = true;
        items[3].suspect = true;
        items[4].suspect = true;
        activate_walls(&mut items);
        assert_eq!(find_segments(&items, 0.4), vec![(0, 1)]);
    }

    #[test]
    fn a_wall_before_any_prose_is_only_a_menu_item() {
        let mut items = vec![item(0, -0.5, 1), item(1, 3.0, 60), item(2, 3.0, 60)];
        items[0].wall = true;
        activate_walls(&mut items);
        assert!(!items[0].wall);
    }

    #[test]
    fn comments_longer_than_the_article_do_not_become_the_body() {
        let mut items = vec![item(0, 3.0, 50), item(1, 3.0, 50), item(2, -1.0, 3)];
        items[2].wall = true;
        items[2].comments = true;
        items.extend((3..12).map(|i| item(i, 3.0, 40)));
        items.extend((12..14).map(|i| BodyItem {
            comment_cue: true,
            ..item(i, -2.0, 2)
        }));
        activate_walls(&mut items);
        assert_eq!(find_segments(&items, 0.4), vec![(0, 1)]);
    }

    #[test]
    fn a_second_strong_block_joins_the_body() {
        let mut items = vec![item(0, 3.0, 80), item(1, 3.0, 80)];
        // A gallery of thirty short widget lines costs more than the second block gains.
        items.extend((2..32).map(|i| item(i, -2.5, 2)));
        items.extend([item(32, 3.0, 70), item(33, 3.0, 60)]);
        assert_eq!(find_segments(&items, 0.4), vec![(0, 1), (32, 33)]);
    }
}
