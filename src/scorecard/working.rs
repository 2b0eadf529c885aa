//! The working behind a score: what the method computed, with the figures it used.

use super::Shown;
use crate::decimal::Dec;
use crate::syntax::ast::{Achievement, Award, Partial};
use crate::value::{Date, ShortStr, TargetForm, Unit, ValueErrorKind};
use std::fmt;

/// A figure with its unit: `14次`, `85.50…%`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Figure {
    pub value: Dec,
    pub unit: Unit,
    /// The exact quotient behind `value` when `value` had to be rounded (a derived actual):
    /// the methods divide once, last, with it. Boxed: few figures have one, and a figure is
    /// in most workings, which are moved while an indicator is scored.
    pub exact: Option<Box<crate::decimal::Ratio>>,
}

impl Figure {
    pub fn new(value: Dec, unit: Unit) -> Figure {
        Figure {
            value,
            unit,
            exact: None,
        }
    }

    /// The figure as an exact ratio (over 1 when `value` is exact).
    pub fn ratio(&self) -> crate::decimal::Ratio {
        self.exact
            .as_deref()
            .copied()
            .unwrap_or(crate::decimal::Ratio::whole(self.value))
    }
}

impl fmt::Display for Figure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", self.value.approx(), self.unit)
    }
}

/// How an indicator's score came about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Working {
    /// The target was met: full points. `a` and `b` as shown (`14次`, `16次`). `b` is `None`
    /// when it is the actual as written, which the scorecard keeps once, borrowed from the
    /// report ([`super::IndicatorScore::actual_written`]): a copy of it in every met working
    /// cost about 2% of the time to score (README, "Performance", eleventh round).
    Met {
        form: TargetForm,
        a: Shown,
        b: Option<Shown>,
    },
    /// `B ÷ A × w` (proportional).
    Proportional { b: Figure, a: Figure, w: Dec },
    /// `A ÷ B × w` (reverse ratio).
    ReverseRatio { a: Figure, b: Figure, w: Dec },
    /// `(1 − (B − A) ÷ A) × w`, 0 from B = 2A on (reverse linear).
    ReverseLinear { a: Figure, b: Figure, w: Dec },
    /// `w − D × steps`, steps = how far B is beyond the threshold ÷ the step. Boxed: it is
    /// the largest working by far and few indicators deduct, and every indicator's working
    /// is moved several times while it is scored.
    Deduct(Box<DeductWorking>),
    /// A deadline missed by whole months, `w − D × months`.
    DeductLate {
        target_end: Date,
        actual_end: Date,
        months: i64,
        amount: Dec,
        deducted: Dec,
        w: Dec,
        floor: Dec,
    },
    /// The band the actual falls in.
    Band {
        b: Figure,
        band: String,
        award: Award,
        w: Dec,
    },
    /// A qualitative actual: its class and share of points.
    Qualitative {
        word: ShortStr,
        class: Achievement,
        share: Dec,
        w: Dec,
        same_as_target: bool,
        /// The auditor's judgement inside the class's band, when there is one. Boxed: few
        /// indicators are judged, and every working is moved while it is scored.
        judged: Option<Box<Judged>>,
    },
    /// A word no class holds, scored by the auditor's judgement (its band is [0, w]).
    JudgedUnknown { word: ShortStr, judged: Box<Judged> },
    /// The target was missed and the method gives nothing for a miss.
    Missed {
        form: TargetForm,
        a: Shown,
        b: Shown,
    },
    /// The deadline was missed.
    Late { target_end: Date, actual_end: Date },
    /// The actual says the work was not done (`未开展`, an empty cell): 0 on any target.
    NotDone { word: Option<ShortStr> },
    /// An actual written as a bound, which the policy scores 0.
    ClaimedZero { written: ShortStr },
    /// No report row for an indicator the policy names.
    NoRow,
    /// Something kept the indicator from being scored: 0 points, and an error finding.
    Problem(Problem),
    /// No points from the policy or the report: not scored, not in the totals.
    NotScored,
}

/// The working of a deduction: `w − D × steps`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeductWorking {
    pub threshold: Figure,
    pub b: Figure,
    pub above: bool,
    pub beyond: Dec,
    pub step: Figure,
    pub steps: Dec,
    pub partial: Partial,
    pub amount: Dec,
    pub deducted: Dec,
    pub w: Dec,
    pub floor: Dec,
}

/// An auditor's judgement as applied: the score it set, the band it had to lie in, why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Judged {
    pub score: Dec,
    /// `[4.2, 5.6)`
    pub band: String,
    pub note: String,
}

/// Why a computation has no result.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CalcError {
    Overflow,
    DivisionByZero,
    /// Figures in units that do not combine this way.
    Units {
        left: String,
        right: String,
    },
    /// A figure it needs is not in the report.
    Missing,
}

/// Why an indicator scored 0 without a method's working.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// `>=14次` against `100%`.
    UnitMismatch {
        target: String,
        actual: String,
    },
    /// A word or period where the target needs a number, and the like.
    KindMismatch {
        target: String,
        actual: String,
    },
    /// A word no class of the vocabulary holds.
    UnknownWord {
        word: ShortStr,
    },
    MissingTarget,
    MissingActual,
    /// No method for this form of target.
    NoMethod {
        form: TargetForm,
    },
    /// A value the grammar cannot read.
    Unreadable {
        field: &'static str,
        text: String,
        why: ValueErrorKind,
    },
    /// A computation failed: `shown` is the formula with its figures (`-1份 ÷ 0份 × 2`).
    Arithmetic {
        shown: String,
        error: CalcError,
    },
    /// An actual in no band of a `bands` method.
    NoBand {
        actual: String,
    },
}
