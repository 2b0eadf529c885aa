//! What reading a chain of rule files refuses: a file it cannot read, a path outside the
//! folder, a chain that goes round, and changes to things the extended file does not have.

use crate::source::Span;

/// One problem of a file's `extends`, `override` or `remove`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExtendsError {
    /// `extends "2020.pr"` and there is no such file (or it cannot be read).
    NotFound {
        span: Span,
        path: String,
        reason: String,
    },
    /// `extends "/etc/2021.pr"`, `extends "../2021.pr"`: only files in this file's folder
    /// or below it may be extended.
    Outside { span: Span, path: String },
    /// `a.pr` extends `b.pr`, which extends `a.pr`.
    Cycle { span: Span, chain: Vec<String> },
    /// A chain of more than [`crate::limits::MAX_EXTENDS_CHAIN`] files.
    ChainTooLong { span: Span, limit: usize },
    /// `override indicator "任务完成率"` when the extended files have no such indicator (or
    /// the file extends nothing).
    NothingToOverride {
        span: Span,
        what: Thing,
        name: String,
        suggestion: Option<String>,
        extends: bool,
    },
    /// `remove …` of something the extended files do not have.
    NothingToRemove {
        span: Span,
        what: Thing,
        name: String,
        suggestion: Option<String>,
        extends: bool,
    },
    /// `remove group "…"` when groups of that name stand in several sections.
    AmbiguousGroup {
        span: Span,
        name: String,
        sections: Vec<String>,
    },
}

/// What an `override` or `remove` names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Thing {
    Indicator,
    Group,
    Section,
    Check,
    Vocabulary,
    Default,
}

impl Thing {
    /// The keyword of the rule language.
    pub fn keyword(self) -> &'static str {
        match self {
            Thing::Indicator => "indicator",
            Thing::Group => "group",
            Thing::Section => "section",
            Thing::Check => "check",
            Thing::Vocabulary => "vocabulary",
            Thing::Default => "default",
        }
    }
}

impl ExtendsError {
    pub fn span(&self) -> Span {
        match self {
            ExtendsError::NotFound { span, .. }
            | ExtendsError::Outside { span, .. }
            | ExtendsError::Cycle { span, .. }
            | ExtendsError::ChainTooLong { span, .. }
            | ExtendsError::NothingToOverride { span, .. }
            | ExtendsError::NothingToRemove { span, .. }
            | ExtendsError::AmbiguousGroup { span, .. } => *span,
        }
    }

    /// The diagnostic code: `perfrules::extends::<name>`.
    pub fn code(&self) -> &'static str {
        match self {
            ExtendsError::NotFound { .. } => "perfrules::extends::not_found",
            ExtendsError::Outside { .. } => "perfrules::extends::outside",
            ExtendsError::Cycle { .. } => "perfrules::extends::cycle",
            ExtendsError::ChainTooLong { .. } => "perfrules::extends::chain_too_long",
            ExtendsError::NothingToOverride { .. } => "perfrules::extends::nothing_to_override",
            ExtendsError::NothingToRemove { .. } => "perfrules::extends::nothing_to_remove",
            ExtendsError::AmbiguousGroup { .. } => "perfrules::extends::ambiguous_group",
        }
    }
}
