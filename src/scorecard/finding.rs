//! Findings: what the report gets wrong, or what the engine noticed. A finding never
//! changes a score.

use super::Figure;
use crate::decimal::Dec;
use crate::source::Span;
use crate::syntax::ast::Severity;
use crate::value::ShortStr;
use std::borrow::Cow;
use std::fmt;

/// One finding.
#[derive(Clone, Debug)]
pub struct Finding<'a> {
    pub severity: Severity,
    /// `rules::self_score` for the policy's checks, `perfrules::eval::…` for the engine's.
    pub code: Cow<'a, str>,
    pub subject: FindingSubject<'a>,
    pub message: FindingMessage,
    /// The rule (check, unit declaration …) that raised it.
    pub rule: Option<Span>,
}

/// What a finding is about.
#[derive(Clone, Debug, Default)]
pub struct FindingSubject<'a> {
    pub indicator: Option<Cow<'a, str>>,
    pub budget_row: Option<Cow<'a, str>>,
    pub section: Option<Cow<'a, str>>,
}

/// What a finding says, as data: the renderers word it in the language asked for
/// (crate::output::human::message).
#[derive(Clone, Debug)]
pub enum FindingMessage {
    /// A check of the rule file: which one (its index in the policy's checks), and the
    /// figures its messages show, one per expression (`CheckRule::figures`).
    Check { check: usize, figures: Figures },
    /// A finding of the engine, worded by the catalog.
    Engine(EngineFinding),
}

/// The figures a check's finding shows, one per expression of its messages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Figures {
    /// A few figures, each a bare number or nothing, as most findings show (points and
    /// scores): kept in place, in the room an engine's finding takes anyway, without an
    /// allocation. The first of the array, as many as the count says.
    Numbers(u8, [Option<Dec>; Figures::IN_PLACE]),
    /// Any figures.
    Shown(Vec<Shown>),
}

impl Figures {
    /// The most figures kept in place.
    pub const IN_PLACE: usize = 3;

    /// The `i`th figure.
    pub fn get(&self, i: usize) -> Option<Cow<'_, Shown>> {
        match self {
            Figures::Numbers(len, numbers) if i < usize::from(*len) => numbers
                .get(i)
                .map(|n| Cow::Owned(n.map_or(Shown::Absent, Shown::Number))),
            Figures::Numbers(..) => None,
            Figures::Shown(all) => all.get(i).map(Cow::Borrowed),
        }
    }
}

/// A figure or text as a message or a working shows it, kept as data until it is rendered:
/// a figure with its unit (`85.50…%`, cut and marked `…` when long), a bare number (shown as
/// a figure without a unit is), a text as written, a truth value, a list (`(a, b)`), nothing
/// (`—`), or an expression that could not be computed, shown with its figures (`[1 ÷ 0]`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Shown {
    Figure(Figure),
    /// A figure without a unit or an exact quotient ([`Shown::figure`] makes one of such a
    /// figure): most figures findings show (points and scores), made and dropped without
    /// a unit.
    Number(Dec),
    Text(ShortStr),
    Bool(bool),
    List(Vec<Shown>),
    Absent,
    Failed(String),
}

impl Shown {
    /// A figure as shown: a bare number without an exact quotient as [`Shown::Number`].
    pub fn figure(figure: Figure) -> Shown {
        match figure {
            Figure {
                value,
                unit: crate::value::Unit::None,
                exact: None,
            } => Shown::Number(value),
            figure => Shown::Figure(figure),
        }
    }
}

impl fmt::Display for Shown {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Shown::Figure(figure) => figure.fmt(f),
            Shown::Number(n) => f.write_str(&n.approx()),
            Shown::Text(text) => f.write_str(text),
            Shown::Bool(b) => b.fmt(f),
            Shown::List(items) => {
                f.write_str("(")?;
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    item.fmt(f)?;
                }
                f.write_str(")")
            }
            Shown::Absent => f.write_str("—"),
            Shown::Failed(shown) => write!(f, "[{shown}]"),
        }
    }
}

impl Finding<'_> {
    /// The same finding, owning its texts.
    pub fn into_owned(self) -> Finding<'static> {
        let owned = |t: Cow<'_, str>| Cow::Owned(t.into_owned());
        Finding {
            severity: self.severity,
            code: owned(self.code),
            subject: FindingSubject {
                indicator: self.subject.indicator.map(owned),
                budget_row: self.subject.budget_row.map(owned),
                section: self.subject.section.map(owned),
            },
            message: self.message,
            rule: self.rule,
        }
    }
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
