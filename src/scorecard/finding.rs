//! Findings: what the report gets wrong, or what the engine noticed. A finding never
//! changes a score.

use crate::decimal::Dec;
use crate::source::Span;
use crate::syntax::ast::Severity;

/// One finding.
#[derive(Clone, Debug)]
pub struct Finding {
    pub severity: Severity,
    /// `rules::self_score` for the policy's checks, `perfrules::eval::…` for the engine's.
    pub code: String,
    pub subject: FindingSubject,
    pub message: FindingMessage,
    /// The rule (check, unit declaration …) that raised it.
    pub rule: Option<Span>,
}

/// What a finding is about.
#[derive(Clone, Debug, Default)]
pub struct FindingSubject {
    pub indicator: Option<String>,
    pub budget_row: Option<String>,
    pub section: Option<String>,
}

/// The words of a finding.
#[derive(Clone, Debug)]
pub enum FindingMessage {
    /// A check of the rule file: its message with the figures filled in.
    Check {
        title: String,
        zh: String,
        en: Option<String>,
    },
    /// A finding of the engine, worded by the catalog.
    Engine(EngineFinding),
}

/// What the engine notices while scoring.
#[derive(Clone, Debug)]
pub enum EngineFinding {
    /// A report row no rule of the policy matches.
    UnmatchedRow {
        level1: String,
        suggestion: Option<String>,
    },
    /// An indicator the policy names that no report row matches.
    MissingRow { needed: bool },
    /// Two report rows match the same indicator; the second is not scored.
    DuplicateRow { first_row: usize },
    /// The report puts a named indicator under another level-1 heading.
    MisplacedRow { written: String, policy: String },
    /// Neither the policy nor the report gives points.
    NoPoints,
    /// The report declares points below zero: not scored.
    NegativePoints { points: Dec },
    /// The indicator scored 0 because of a problem (see the scorecard's working).
    Unscorable(super::Problem),
    /// 人 and 人次, scored as comparable.
    CompatibleUnits { target: String, actual: String },
    /// A unit the rule file does not declare.
    UndeclaredUnit { unit: String },
    /// The unit wrote a target the grammar cannot read, where the policy fixes its own.
    UnreadableWrittenTarget { text: String },
    /// A check whose condition reads a figure the report does not give, or fails to compute:
    /// `shown` is the condition with the report's figures.
    CheckIncomplete {
        check: String,
        shown: String,
        error: super::CalcError,
    },
    /// The report's year is not one the policy applies to.
    YearOutside { year: i32, from: i32, to: i32 },
    /// The report's kind is not the policy's.
    KindOutside {
        kind: Option<String>,
        expected: String,
    },
    /// The budget table has no total row (a row without a parent), or several.
    TotalRow { count: usize },
    /// No indicator has points: the total cannot be rescaled.
    NothingToScore,
    /// The unit's total differs from the recomputed one.
    SelfTotal { written: Dec, computed: Dec },
    /// The checks raised more findings than [`crate::limits::MAX_FINDINGS`]: the first
    /// `limit` are listed, `more` were counted and not kept.
    TooManyFindings { limit: usize, more: usize },
}

impl EngineFinding {
    /// The code: `perfrules::eval::<name>`.
    pub fn code(&self) -> &'static str {
        match self {
            EngineFinding::UnmatchedRow { .. } => "perfrules::eval::unmatched_row",
            EngineFinding::MissingRow { .. } => "perfrules::eval::missing_row",
            EngineFinding::DuplicateRow { .. } => "perfrules::eval::duplicate_row",
            EngineFinding::MisplacedRow { .. } => "perfrules::eval::misplaced_row",
            EngineFinding::NoPoints => "perfrules::eval::no_points",
            EngineFinding::NegativePoints { .. } => "perfrules::eval::negative_points",
            EngineFinding::Unscorable(p) => p.code(),
            EngineFinding::CompatibleUnits { .. } => "perfrules::eval::compatible_units",
            EngineFinding::UndeclaredUnit { .. } => "perfrules::eval::undeclared_unit",
            EngineFinding::UnreadableWrittenTarget { .. } => "perfrules::eval::unreadable_value",
            EngineFinding::CheckIncomplete { .. } => "perfrules::eval::check_incomplete",
            EngineFinding::YearOutside { .. } => "perfrules::eval::year_outside_policy",
            EngineFinding::KindOutside { .. } => "perfrules::eval::kind_outside_policy",
            EngineFinding::TotalRow { .. } => "perfrules::eval::total_row",
            EngineFinding::NothingToScore => "perfrules::eval::nothing_to_score",
            EngineFinding::SelfTotal { .. } => "perfrules::eval::self_total",
            EngineFinding::TooManyFindings { .. } => "perfrules::eval::too_many_findings",
        }
    }
}

impl super::Problem {
    pub fn code(&self) -> &'static str {
        use super::Problem::*;
        match self {
            UnitMismatch { .. } => "perfrules::eval::unit_mismatch",
            KindMismatch { .. } => "perfrules::eval::kind_mismatch",
            UnknownWord { .. } => "perfrules::eval::unknown_word",
            MissingTarget => "perfrules::eval::missing_target",
            MissingActual => "perfrules::eval::missing_actual",
            NoMethod { .. } => "perfrules::eval::no_method",
            Unreadable { .. } => "perfrules::eval::unreadable_value",
            Arithmetic { .. } => "perfrules::eval::arithmetic",
            NoBand { .. } => "perfrules::eval::no_band",
        }
    }
}
