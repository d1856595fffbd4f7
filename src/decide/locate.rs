//! Locating the main body: segments, walls, resumption, edge trimming and extension.
//!
//! The search itself is in `body.rs`; this file turns findings into its inputs and its
//! segments into per-line membership, with the vocabulary the body speaks.

use super::body::{self, activate_walls, find_segments, Body, BodyItem};
use super::rows::structured_rows;
use super::topic::Vocabulary;
use super::SURE;
use crate::doc::Document;

/// Secondary prose blocks join the body when this strong relative to the main one.
const SECONDARY_SHARE: f32 = 0.4;
/// Word-weighted topic overlap a block after a wall needs to continue the article.
const RESUME_OVERLAP: f32 = 0.22;
/// Prose words the rest of the body needs before an edge line can be called off-topic.
const MIN_TOPIC_WORDS: usize = 60;
/// Lines examined beyond each body edge for headline, standfirst or closing lines.
const EDGE_REACH: usize = 3;
/// Share of a line's content words the body must share for the line to join it at an edge.
const EDGE_OVERLAP: f32 = 0.35;

/// Where the body is, per line, and the vocabulary it speaks.
pub(super) struct BodyMap {
    /// The main segment's first and last line.
    pub(super) body: Option<Body>,
    /// In the body (main or secondary segment, edges included).
    pub(super) member: Vec<bool>,
    pub(super) vocabulary: Vocabulary,
    /// Below a live comments header.
    pub(super) comment_section: Vec<bool>,
    /// Joined the body at an edge for being on topic (headline, standfirst, closing line).
    pub(super) extended: Vec<bool>,
}

/// Per-line structure marks from the findings that shape the body search.
pub(super) struct Walls<'a> {
    /// Teaser or comments headers.
    pub(super) wall: &'a [bool],
    /// Lines announced by a teaser header.
    pub(super) suspect: &'a [bool],
    /// Comments headers.
    pub(super) comments: &'a [bool],
    /// Comment furniture: reply links, "X says:", timestamps.
    pub(super) comment_cue: &'a [bool],
}

/// Find the body segments, trim off-topic lines from their edges and extend them over
/// on-topic headline, standfirst and closing lines. Returns the main range, the per-line
/// membership and the body vocabulary.
pub(super) fn locate_body(
    doc: &Document,
    nonblank: &[usize],
    prose: &[f32],
    finding_score: &dyn Fn(usize) -> f32,
    walls: &Walls,
) -> BodyMap {
    let mut items: Vec<BodyItem> = nonblank
        .iter()
        .map(|&i| BodyItem {
            line: i,
            prose: prose[i],
            words: doc.lines[i].features.words,
            chaff: finding_score(i) >= SURE,
            wall: walls.wall[i],
            suspect: walls.suspect[i],
            comments: walls.comments[i],
            in_comment_section: false,
            comment_cue: walls.comment_cue[i],
        })
        .collect();
    activate_walls(&mut items);
    let segments = find_segments(&items, SECONDARY_SHARE);
    let mut member = vec![false; doc.len()];
    let Some(&(main_start, main_end)) = segments.iter().max_by_key(|(s, e)| {
        let words: usize = items[*s..=*e]
            .iter()
            .filter(|i| i.prose > 0.0)
            .map(|i| i.words)
            .sum();
        (words, usize::MAX - s)
    }) else {
        return BodyMap {
            body: None,
            member,
            vocabulary: Vocabulary::of_lines(doc, |_| false),
            comment_section: vec![false; doc.len()],
            extended: vec![false; doc.len()],
        };
    };
    for &(s, e) in &segments {
        for item in &items[s..=e] {
            member[item.line] = true;
        }
    }
    let vocabulary = Vocabulary::of_lines(doc, |i| {
        member[i] && prose[i] > 0.0 && finding_score(i) < SURE
    });
    let body_vocabulary = |member: &[bool]| {
        Vocabulary::of_lines(doc, |i| {
            member[i] && prose[i] > 0.0 && finding_score(i) < SURE
        })
    };
    resume_after_walls(&items, main_end, &vocabulary, &body_vocabulary, &mut member);
    let off_topic = |i: usize| {
        let (overlap, words) = vocabulary.overlap(i, true);
        words >= 5 && overlap < 0.12
    };
    let (mut first, mut last) = (main_start, main_end);
    // Trim: a blurb about another story glued to either end of the body.
    // A closing paragraph may widen the view (a genuine last paragraph is a known victim of
    // edge rules), so only lines that do not read as finished sentences are trimmed.
    // A body of a paragraph or two has too little vocabulary to call anything off-topic.
    let body_words: usize = items[main_start..=main_end]
        .iter()
        .filter(|i| i.prose > 0.0 && !i.chaff)
        .map(|i| i.words)
        .sum();
    let trimmable = |item: &BodyItem| {
        body_words >= MIN_TOPIC_WORDS + item.words
            && off_topic(item.line)
            && (item.prose < 2.0 || !doc.lines[item.line].features.ends_sentence)
    };
    while first < last && trimmable(&items[last]) {
        member[items[last].line] = false;
        last -= 1;
    }
    while first < last && trimmable(&items[first]) {
        member[items[first].line] = false;
        first += 1;
    }
    let vocabulary = Vocabulary::of_lines(doc, |i| {
        member[i] && prose[i] > 0.0 && finding_score(i) < SURE
    });
    // Lines outside the segments are not in the vocabulary, so no leave-one-out is needed.
    let on_topic = |i: usize, min: f32| {
        let (overlap, words) = vocabulary.overlap(i, false);
        words >= 3 && overlap >= min
    };

    // Extend: headline, standfirst or key-point bullets right above, closing lines right below.
    let extendable = |item: &BodyItem| {
        !item.wall
            && finding_score(item.line) < 0.5
            && doc.lines[item.line].features.separators == 0
            && item.words >= 2
    };
    // Sure chaff (a caption between headline and text) is stepped over, not counted.
    let mut extended = vec![false; doc.len()];
    let mut reach = EDGE_REACH;
    for item in items[..first].iter().rev() {
        if item.chaff && !item.wall {
            continue;
        }
        if reach == 0 || !(extendable(item) && on_topic(item.line, EDGE_OVERLAP)) {
            break;
        }
        member[item.line] = true;
        extended[item.line] = true;
        reach -= 1;
    }
    let mut reach = EDGE_REACH;
    for item in &items[last + 1..] {
        if item.chaff && !item.wall {
            continue;
        }
        if reach == 0 || item.suspect || !(extendable(item) && on_topic(item.line, EDGE_OVERLAP)) {
            break;
        }
        member[item.line] = true;
        extended[item.line] = true;
        reach -= 1;
    }
    // Tables and ingredient lists beside the body join it, row by row.
    for (side, outwards) in [(&items[..first], false), (&items[last + 1..], true)] {
        let run: Vec<&BodyItem> = if outwards {
            side.iter().collect()
        } else {
            side.iter().rev().collect()
        };
        for line in structured_rows(doc, &run, finding_score) {
            member[line] = true;
            extended[line] = true;
        }
    }
    let body = Body {
        start: items[first].line,
        end: items[last].line,
    };
    let mut comment_section = vec![false; doc.len()];
    for item in items.iter().filter(|i| i.in_comment_section) {
        comment_section[item.line] = true;
    }
    BodyMap {
        body: Some(body),
        member,
        vocabulary,
        comment_section,
        extended,
    }
}

/// An in-article "Related" box is a wall too, but the article goes on after it: a prose
/// block beyond a wall joins the body when its vocabulary is the article's, unlike the
/// blurbs about other stories that usually follow such a header.
fn resume_after_walls(
    items: &[BodyItem],
    main_end: usize,
    vocabulary: &Vocabulary,
    body_vocabulary: &dyn Fn(&[bool]) -> Vocabulary,
    member: &mut [bool],
) {
    // The body's vocabulary grows with every block that rejoins it: an article cut into
    // short runs by several in-article boxes is recognised run by run.
    let mut grown: Option<Vocabulary> = None;
    let mut k = main_end + 1;
    while k < items.len() {
        if !items[k].wall {
            k += 1;
            continue;
        }
        let from = k + 1;
        let to = items[from..]
            .iter()
            .position(|i| i.wall)
            .map_or(items.len(), |w| from + w);
        let values: Vec<f32> = items[from..to]
            .iter()
            .map(|i| {
                body::line_value(&BodyItem {
                    suspect: false,
                    ..*i
                })
            })
            .collect();
        if let Some((sum, s, e)) = body::best_segment(&values) {
            let (mut shared, mut total) = (0.0f32, 0usize);
            for item in &items[from + s..=from + e] {
                if item.prose > 0.0 && !item.chaff {
                    let (overlap, words) = grown
                        .as_ref()
                        .unwrap_or(vocabulary)
                        .overlap(item.line, false);
                    shared += overlap * words as f32;
                    total += words;
                }
            }
            if sum >= 30.0 && total > 0 && shared / total as f32 >= RESUME_OVERLAP {
                for item in &items[from + s..=from + e] {
                    member[item.line] = true;
                }
                grown = Some(body_vocabulary(member));
            }
        }
        k = to;
    }
}
