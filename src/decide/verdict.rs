//! What the decision stage gives each line: the modes, the verdicts, and the rules the stage
//! itself can name as a reason.

use super::Body;
use crate::detect::{Category, Rule};

/// How eager to drop.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// Favour a clean output: drop a line when in doubt.
    Precision,
    /// The default trade-off.
    #[default]
    Balanced,
    /// Favour keeping every article line: drop only clear chaff.
    Recall,
}

impl Mode {
    /// A finding this strong drops its line whatever the context.
    pub(super) fn settle(self) -> f32 {
        match self {
            Mode::Precision => 0.6,
            Mode::Balanced => 0.7,
            Mode::Recall => 0.85,
        }
    }

    pub(super) fn threshold(self) -> f32 {
        match self {
            Mode::Precision => -1.6,
            Mode::Balanced => -0.8,
            Mode::Recall => 0.3,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Precision => "precision",
            Mode::Balanced => "balanced",
            Mode::Recall => "recall",
        }
    }
}

pub static OUTSIDE_BODY: Rule = Rule {
    id: "nav.outside_body",
    category: Category::Navigation,
    about: "a line that does not read as prose, before or after the main body (menus, headers, footers)",
};
pub static FRAGMENT: Rule = Rule {
    id: "nav.fragment",
    category: Category::Navigation,
    about: "a short non-prose line inside the body surrounded by other non-prose lines (a stray menu block)",
};
pub static OFF_TOPIC: Rule = Rule {
    id: "teaser.off_topic",
    category: Category::Teaser,
    about: "a paragraph at the edge of the body sharing almost no vocabulary with it (a story blurb or ad copy)",
};

pub static COMMENT_SECTION: Rule = Rule {
    id: "nav.comment_section",
    category: Category::Navigation,
    about: "readers' comments: the lines below a comments header that follows the article",
};

pub static ISOLATED: Rule = Rule {
    id: "nav.isolated",
    category: Category::Navigation,
    about: "a short line that does not read as prose, left alone between dropped lines (a leftover caption, link or headline of a removed block)",
};

/// The rules the decision stage itself can give as a reason.
pub static DECISION_RULES: &[&Rule] = &[
    &OUTSIDE_BODY,
    &FRAGMENT,
    &OFF_TOPIC,
    &COMMENT_SECTION,
    &ISOLATED,
];

/// The outcome for one line.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Verdict {
    pub keep: bool,
    /// Why it was dropped (None for kept lines and collapsed blank lines).
    pub rule: Option<&'static Rule>,
    /// Chaff probability in [0, 1].
    pub score: f32,
}

impl Verdict {
    /// A kept line before any weighing.
    pub const KEPT: Verdict = Verdict {
        keep: true,
        rule: None,
        score: 0.0,
    };
}

/// Verdicts for every line, plus the body that was found.
#[derive(Debug)]
pub struct Decision {
    pub verdicts: Vec<Verdict>,
    /// The main body segment (first to last line), if any prose was found.
    pub body: Option<Body>,
    /// Per line: inside the main body or a secondary block, after edge trimming and extension.
    pub in_body: Vec<bool>,
    /// Per-line prose score, kept for `explain`.
    pub prose: Vec<f32>,
}
