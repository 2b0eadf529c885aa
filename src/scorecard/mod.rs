//! The result of scoring one report: figures, the working behind every score, and the
//! findings. Plain data: the renderers of crate::output word it in Chinese or English.
//!
//! A scorecard borrows its names and texts from the report and the policy it was scored
//! from (`'a`), and keeps figures as numbers with their units: nothing is copied or worded
//! until it is rendered. [`Scorecard::into_owned`] makes one that outlives them.

mod finding;
mod working;

pub use finding::{EngineFinding, Figures, Finding, FindingMessage, FindingSubject, Shown};
pub use working::{CalcError, DeductWorking, Figure, Judged, Problem, Working};

use crate::decimal::Dec;
use crate::source::Span;
use crate::syntax::ast::Severity;
use crate::value::TargetForm;
use std::borrow::Cow;

/// One report, scored.
#[derive(Clone, Debug)]
pub struct Scorecard<'a> {
    pub policy: PolicyIdentity<'a>,
    pub report: ReportIdentity<'a>,
    pub sections: Vec<SectionScore<'a>>,
    pub indicators: Vec<IndicatorScore<'a>>,
    /// The scored budget execution row, when the policy scores it. Its points and score are
    /// in the totals; it belongs to no section.
    pub execution: Option<IndicatorScore<'a>>,
    /// Sum of the scores of the scored indicators.
    pub raw_total: Dec,
    /// Sum of their points.
    pub max_points: Dec,
    pub full_marks: Dec,
    /// Whether the total was rescaled to full marks (按百分制折算).
    pub rescaled: bool,
    pub total: Dec,
    pub grade: Cow<'a, str>,
    pub self_total: Option<Dec>,
    pub findings: Vec<Finding<'a>>,
}

/// Which policy scored the report.
#[derive(Clone, Debug)]
pub struct PolicyIdentity<'a> {
    pub name: Cow<'a, str>,
    /// The rule file as the user named it.
    pub file: Cow<'a, str>,
    /// SHA-256 of the rule file's text.
    pub sha256: Cow<'a, str>,
}

/// Which report was scored.
#[derive(Clone, Debug)]
pub struct ReportIdentity<'a> {
    pub unit: Cow<'a, str>,
    pub year: i32,
    pub kind: Option<Cow<'a, str>>,
    pub project: Option<Cow<'a, str>>,
}

/// A section's figures.
#[derive(Clone, Debug)]
pub struct SectionScore<'a> {
    pub name: Cow<'a, str>,
    /// How many of the report's indicators are placed in it.
    pub indicators: usize,
    pub points: Dec,
    pub score: Dec,
    pub lost: Dec,
    pub expected_points: Option<Dec>,
}

/// One indicator, scored (or not, when it has no points).
#[derive(Clone, Debug)]
pub struct IndicatorScore<'a> {
    pub name: Cow<'a, str>,
    /// The section it is placed in (none for the execution row).
    pub section: Option<Cow<'a, str>>,
    pub group: Option<Cow<'a, str>>,
    /// Index of the report's row, when the report has one.
    pub row: Option<usize>,
    /// `None` when neither the policy nor the report gives points: not scored.
    pub points: Option<Dec>,
    pub score: Option<Dec>,
    pub lost: Option<Dec>,
    /// The method that scored it (its keyword), when one did.
    pub method: Option<&'static str>,
    pub form: Option<TargetForm>,
    /// The target scored against, as written in the rule file or the report.
    pub target: Option<Cow<'a, str>>,
    pub target_written: Option<Cow<'a, str>>,
    pub target_fixed: bool,
    /// The policy fixes the target and the unit wrote a different one (by meaning, not by
    /// spelling: `>= 85%` and `≥85%` are the same).
    pub target_differs: bool,
    /// The actual as written in the report (the execution item's: the budget table's rate).
    /// The actual scored is [`IndicatorScore::actual`].
    pub actual_written: Option<Cow<'a, str>>,
    /// The policy derives the actual: then `derived` says how.
    pub actual_derived: bool,
    /// The derived actual and its working, when the policy derives the actual. Boxed: few
    /// indicators have one, and an entry is written for every indicator of every report.
    pub derived: Option<Box<Derivation>>,
    pub self_score: Option<Dec>,
    pub reason: Option<Cow<'a, str>>,
    pub working: Working,
    /// The score before rounding.
    pub exact: Option<Dec>,
    /// The rule that decided the score: the method, or the setting that applied.
    pub rule: Span,
}

/// An indicator's derived actual, as the scorecard shows it.
#[derive(Clone, Debug)]
pub struct Derivation {
    /// The actual computed (`85.50…%`); none when it could not be.
    pub actual: Option<String>,
    /// Its working: `7255205.14元 ÷ 8485146元 × 100% = 85.50…%`; or, when it could not be
    /// computed, the expression with its figures.
    pub working: Option<String>,
    /// The expression's place in the rule file, a second place worth showing (none when it
    /// is the rule that decided the score).
    pub also: Option<Span>,
}

/// A borrowed text, copied.
fn owned(text: Cow<'_, str>) -> Cow<'static, str> {
    Cow::Owned(text.into_owned())
}

impl Scorecard<'_> {
    /// The same scorecard, owning every text it borrowed from the report and the policy:
    /// for keeping scorecards after their reports are gone (a batch's workbook).
    pub fn into_owned(self) -> Scorecard<'static> {
        Scorecard {
            policy: PolicyIdentity {
                name: owned(self.policy.name),
                file: owned(self.policy.file),
                sha256: owned(self.policy.sha256),
            },
            report: ReportIdentity {
                unit: owned(self.report.unit),
                year: self.report.year,
                kind: self.report.kind.map(owned),
                project: self.report.project.map(owned),
            },
            sections: self
                .sections
                .into_iter()
                .map(SectionScore::into_owned)
                .collect(),
            indicators: self
                .indicators
                .into_iter()
                .map(IndicatorScore::into_owned)
                .collect(),
            execution: self.execution.map(IndicatorScore::into_owned),
            raw_total: self.raw_total,
            max_points: self.max_points,
            full_marks: self.full_marks,
            rescaled: self.rescaled,
            total: self.total,
            grade: owned(self.grade),
            self_total: self.self_total,
            findings: self.findings.into_iter().map(Finding::into_owned).collect(),
        }
    }

    /// How many indicators could not be scored for want of points (not in the totals).
    pub fn unscored(&self) -> usize {
        self.indicators
            .iter()
            .filter(|i| i.points.is_none())
            .count()
    }

    /// Findings of at least this severity (`Error` counts only errors).
    pub fn count_at_least(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity <= severity)
            .count()
    }
}

impl SectionScore<'_> {
    pub fn into_owned(self) -> SectionScore<'static> {
        SectionScore {
            name: owned(self.name),
            indicators: self.indicators,
            points: self.points,
            score: self.score,
            lost: self.lost,
            expected_points: self.expected_points,
        }
    }
}

impl IndicatorScore<'_> {
    pub fn into_owned(self) -> IndicatorScore<'static> {
        IndicatorScore {
            name: owned(self.name),
            section: self.section.map(owned),
            group: self.group.map(owned),
            row: self.row,
            points: self.points,
            score: self.score,
            lost: self.lost,
            method: self.method,
            form: self.form,
            target: self.target.map(owned),
            target_written: self.target_written.map(owned),
            target_fixed: self.target_fixed,
            target_differs: self.target_differs,
            actual_written: self.actual_written.map(owned),
            actual_derived: self.actual_derived,
            derived: self.derived,
            self_score: self.self_score,
            reason: self.reason.map(owned),
            working: self.working,
            exact: self.exact,
            rule: self.rule,
        }
    }

    /// The actual scored: as written, or derived (`85.50…%`; none when it could not be).
    pub fn actual(&self) -> Option<&str> {
        match &self.derived {
            Some(d) => d.actual.as_deref(),
            None => self.actual_written.as_deref(),
        }
    }

    /// The derived actual's working ([`Derivation::working`]).
    pub fn derivation(&self) -> Option<&str> {
        self.derived.as_ref().and_then(|d| d.working.as_deref())
    }

    /// A second place in the rule file worth showing: the derived actual's expression.
    pub fn also(&self) -> Option<Span> {
        self.derived.as_ref().and_then(|d| d.also)
    }
}
