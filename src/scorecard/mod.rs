//! The result of scoring one report: figures, the working behind every score, and the
//! findings. Plain data: the renderers of crate::output word it in Chinese or English.

mod finding;
mod working;

pub use finding::{EngineFinding, Finding, FindingMessage, FindingSubject};
pub use working::{CalcError, Figure, Judged, Problem, Working};

use crate::decimal::Dec;
use crate::source::Span;
use crate::syntax::ast::Severity;
use crate::value::TargetForm;

/// One report, scored.
#[derive(Clone, Debug)]
pub struct Scorecard {
    pub policy: PolicyIdentity,
    pub report: ReportIdentity,
    pub sections: Vec<SectionScore>,
    pub indicators: Vec<IndicatorScore>,
    /// The scored budget execution row, when the policy scores it. Its points and score are
    /// in the totals; it belongs to no section.
    pub execution: Option<IndicatorScore>,
    /// Sum of the scores of the scored indicators.
    pub raw_total: Dec,
    /// Sum of their points.
    pub max_points: Dec,
    pub full_marks: Dec,
    /// Whether the total was rescaled to full marks (按百分制折算).
    pub rescaled: bool,
    pub total: Dec,
    pub grade: String,
    pub self_total: Option<Dec>,
    pub findings: Vec<Finding>,
}

/// Which policy scored the report.
#[derive(Clone, Debug)]
pub struct PolicyIdentity {
    pub name: String,
    /// The rule file as the user named it.
    pub file: String,
    /// SHA-256 of the rule file's text.
    pub sha256: String,
}

/// Which report was scored.
#[derive(Clone, Debug)]
pub struct ReportIdentity {
    pub unit: String,
    pub year: i32,
    pub kind: Option<String>,
    pub project: Option<String>,
}

/// A section's figures.
#[derive(Clone, Debug)]
pub struct SectionScore {
    pub name: String,
    /// How many of the report's indicators are placed in it.
    pub indicators: usize,
    pub points: Dec,
    pub score: Dec,
    pub lost: Dec,
    pub expected_points: Option<Dec>,
}

/// One indicator, scored (or not, when it has no points).
#[derive(Clone, Debug)]
pub struct IndicatorScore {
    pub name: String,
    /// The section it is placed in (none for the execution row).
    pub section: Option<String>,
    pub group: Option<String>,
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
    pub target: Option<String>,
    pub target_written: Option<String>,
    pub target_fixed: bool,
    /// The policy fixes the target and the unit wrote a different one (by meaning, not by
    /// spelling: `>= 85%` and `≥85%` are the same).
    pub target_differs: bool,
    /// The actual scored: as written, or computed (`85.50…%`).
    pub actual: Option<String>,
    pub actual_written: Option<String>,
    pub actual_derived: bool,
    /// The derived actual's working: `7255205.14元 ÷ 8485146元 × 100% = 85.50…%`.
    pub derivation: Option<String>,
    pub self_score: Option<Dec>,
    pub reason: Option<String>,
    pub working: Working,
    /// The score before rounding.
    pub exact: Option<Dec>,
    /// The rule that decided the score: the method, or the setting that applied.
    pub rule: Span,
    /// A second place in the rule file worth showing (the derived actual's expression).
    pub also: Option<Span>,
}

impl Scorecard {
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
