//! The JSON result: a documented, stable shape (README, "The JSON result"). Every decimal is
//! a string, exact; fields keep this order.

use super::human::message;
use crate::check::Policy;
use crate::decimal::Dec;
use crate::i18n::{self, Lang};
use crate::scorecard::{Finding, IndicatorScore, Scorecard, SectionScore};
use crate::source::Span;
use crate::syntax::ast::Severity;
use serde::Serialize;

/// The version of this shape; it changes only when a field changes meaning or goes away.
pub const FORMAT: u32 = 1;

#[derive(Serialize)]
struct Result<'a> {
    perfrules: &'static str,
    format: u32,
    policy: PolicyView<'a>,
    report: ReportView<'a>,
    total: Dec,
    grade: &'a str,
    raw_total: Dec,
    max_points: Dec,
    full_marks: Dec,
    rescaled: bool,
    self_total: Option<Dec>,
    /// The scored budget execution row, for policies that score it: the same shape as an
    /// indicator, with no section.
    execution: Option<IndicatorView<'a>>,
    sections: Vec<SectionView<'a>>,
    indicators: Vec<IndicatorView<'a>>,
    findings: Vec<FindingView<'a>>,
    summary: Summary,
}

#[derive(Serialize)]
struct PolicyView<'a> {
    name: &'a str,
    file: &'a str,
    sha256: &'a str,
}

#[derive(Serialize)]
struct ReportView<'a> {
    unit: &'a str,
    year: i32,
    kind: Option<&'a str>,
    project: Option<&'a str>,
}

#[derive(Serialize)]
struct SectionView<'a> {
    name: &'a str,
    indicators: usize,
    points: Dec,
    score: Dec,
    lost: Dec,
    expected_points: Option<Dec>,
}

#[derive(Serialize)]
struct IndicatorView<'a> {
    name: &'a str,
    section: Option<&'a str>,
    group: Option<&'a str>,
    /// 0-based index of the report's indicator row.
    row: Option<usize>,
    points: Option<Dec>,
    score: Option<Dec>,
    lost: Option<Dec>,
    /// The score before it was kept in [0, points] and rounded.
    exact: Option<Dec>,
    method: Option<&'a str>,
    form: Option<&'static str>,
    target: Option<&'a str>,
    target_written: Option<&'a str>,
    target_fixed: bool,
    actual: Option<&'a str>,
    actual_written: Option<&'a str>,
    actual_derived: bool,
    derivation: Option<&'a str>,
    self_score: Option<Dec>,
    explanation: String,
    arithmetic: Option<String>,
    rule: Option<Place>,
}

#[derive(Serialize)]
struct FindingView<'a> {
    severity: Severity,
    code: &'a str,
    indicator: Option<&'a str>,
    budget_row: Option<&'a str>,
    section: Option<&'a str>,
    message: String,
    rule: Option<Place>,
}

/// A place in a rule file.
#[derive(Serialize)]
struct Place {
    file: String,
    line: usize,
    column: usize,
}

#[derive(Serialize)]
struct Summary {
    indicators: usize,
    lost_points: usize,
    errors: usize,
    warnings: usize,
    infos: usize,
}

/// The JSON text of a scorecard, pretty-printed.
pub fn render(card: &Scorecard, policy: &Policy, lang: Lang) -> String {
    // INVARIANT: the view holds only strings, numbers, booleans and nulls.
    serde_json::to_string_pretty(&view(card, policy, lang)).unwrap_or_default()
}

/// One line of a batch's JSON Lines: `{"source": "a.json", "result": {…}}`, the result in
/// the shape of [`render`], on one line.
pub fn render_line(source: &str, card: &Scorecard, policy: &Policy, lang: Lang) -> String {
    #[derive(Serialize)]
    struct Line<'a> {
        source: &'a str,
        result: Result<'a>,
    }
    let line = Line {
        source,
        result: view(card, policy, lang),
    };
    serde_json::to_string(&line).unwrap_or_default()
}

/// The line of a report that could not be scored:
/// `{"source": "b.json", "error": {"code": …, "message": …}}`.
pub fn render_failure_line(source: &str, code: &str, message: &str) -> String {
    #[derive(Serialize)]
    struct Problem<'a> {
        code: &'a str,
        message: &'a str,
    }
    #[derive(Serialize)]
    struct Line<'a> {
        source: &'a str,
        error: Problem<'a>,
    }
    let line = Line {
        source,
        error: Problem { code, message },
    };
    serde_json::to_string(&line).unwrap_or_default()
}

fn view<'a>(card: &'a Scorecard, policy: &Policy, lang: Lang) -> Result<'a> {
    let place = |span: Span| {
        policy.sources().get(span.source).map(|f| {
            let (line, column) = f.line_col(span.start);
            Place {
                file: f.name.clone(),
                line,
                column,
            }
        })
    };
    let count = |s: Severity| card.findings.iter().filter(|f| f.severity == s).count();
    Result {
        perfrules: env!("CARGO_PKG_VERSION"),
        format: FORMAT,
        policy: PolicyView {
            name: &card.policy.name,
            file: &card.policy.file,
            sha256: &card.policy.sha256,
        },
        report: ReportView {
            unit: &card.report.unit,
            year: card.report.year,
            kind: card.report.kind.as_deref(),
            project: card.report.project.as_deref(),
        },
        total: card.total,
        grade: &card.grade,
        raw_total: card.raw_total,
        max_points: card.max_points,
        full_marks: card.full_marks,
        rescaled: card.rescaled,
        self_total: card.self_total,
        execution: card.execution.as_ref().map(|s| indicator(s, lang, &place)),
        sections: card.sections.iter().map(section).collect(),
        indicators: card
            .indicators
            .iter()
            .map(|s| indicator(s, lang, &place))
            .collect(),
        findings: card
            .findings
            .iter()
            .map(|f| finding(f, policy, lang, &place))
            .collect(),
        summary: Summary {
            indicators: card.indicators.len(),
            lost_points: card
                .indicators
                .iter()
                .filter(|s| s.lost.is_some_and(|l| !l.is_zero()))
                .count(),
            errors: count(Severity::Error),
            warnings: count(Severity::Warning),
            infos: count(Severity::Info),
        },
    }
}

fn section<'s>(s: &'s SectionScore<'_>) -> SectionView<'s> {
    SectionView {
        name: &s.name,
        indicators: s.indicators,
        points: s.points,
        score: s.score,
        lost: s.lost,
        expected_points: s.expected_points,
    }
}

fn indicator<'a>(
    s: &'a IndicatorScore,
    lang: Lang,
    place: &dyn Fn(Span) -> Option<Place>,
) -> IndicatorView<'a> {
    let (explanation, _) = i18n::working(s, lang, false);
    let (_, arithmetic) = i18n::working(s, lang, true);
    IndicatorView {
        name: &s.name,
        section: s.section.as_deref(),
        group: s.group.as_deref(),
        row: s.row,
        points: s.points,
        score: s.score,
        lost: s.lost,
        exact: s.exact,
        method: s.method,
        form: s.form.map(|f| f.keyword()),
        target: s.target.as_deref(),
        target_written: s.target_written.as_deref(),
        target_fixed: s.target_fixed,
        actual: s.actual(),
        actual_written: s.actual_written.as_deref(),
        actual_derived: s.actual_derived,
        derivation: s.derivation(),
        self_score: s.self_score,
        explanation,
        arithmetic,
        rule: place(s.rule),
    }
}

fn finding<'a>(
    f: &'a Finding<'_>,
    policy: &Policy,
    lang: Lang,
    place: &dyn Fn(Span) -> Option<Place>,
) -> FindingView<'a> {
    FindingView {
        severity: f.severity,
        code: &f.code,
        indicator: f.subject.indicator.as_deref(),
        budget_row: f.subject.budget_row.as_deref(),
        section: f.subject.section.as_deref(),
        message: message(&f.message, policy, lang),
        rule: f.rule.and_then(place),
    }
}
