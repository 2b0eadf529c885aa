//! What a policy change does to reports: each report scored by the old and the new policy,
//! and for each indicator whose score moves, both scores and the rule change behind it
//! (the rule that decided the score, the fixed target, the fixed points). Plain data; the
//! renderers of crate::output word it.
//!
//! A report is scored by both policies whatever year or kind they name: last year's reports
//! are exactly what an auditor wants to try a new year's policy on. When a policy does not
//! name the report's year or kind, the diff says so ([`ReportDiff::outside`]) and scores it
//! anyway; the findings of either scoring are not compared.

use crate::check::Policy;
use crate::decimal::Dec;
use crate::eval::{evaluate, EvalError};
use crate::report::Report;
use crate::scorecard::{IndicatorScore, Scorecard};
use crate::source::Span;

/// A figure before and after.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change<T> {
    pub before: T,
    pub after: T,
}

impl<T: PartialEq> Change<T> {
    pub fn changed(&self) -> bool {
        self.before != self.after
    }
}

/// One report under both policies.
#[derive(Clone, Debug)]
pub struct ReportDiff {
    /// The report file as the user named it.
    pub file: String,
    pub unit: String,
    pub year: i32,
    /// Policies (`false` old, `true` new) whose years or kind do not cover the report.
    pub outside: Vec<Outside>,
    pub raw_total: Change<Dec>,
    pub max_points: Change<Dec>,
    pub total: Change<Dec>,
    pub grade: Change<String>,
    /// Indicators whose score moved, in the report's order.
    pub indicators: Vec<IndicatorChange>,
}

/// A policy that does not name the report's year (or kind).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outside {
    /// The new policy (else the old).
    pub new: bool,
    pub file: String,
    pub years: Option<(i32, i32)>,
    pub kind: Option<String>,
}

/// An indicator whose score moved.
#[derive(Clone, Debug)]
pub struct IndicatorChange {
    pub name: String,
    /// The section it stands in (none for a scored budget execution row).
    pub section: Option<String>,
    pub score: Change<Option<Dec>>,
    /// The score change, after − before (when both are scored).
    pub delta: Option<Dec>,
    /// What changed in the policy for this indicator, most telling first.
    pub causes: Vec<Cause>,
    /// The rule that decided the score under each policy.
    pub rule: Change<RuleRef>,
}

/// A change of the policy behind a score.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cause {
    /// Another rule decided the score (a method, a setting such as `claimed_bound`).
    Rule,
    /// The policy's fixed target changed.
    Target(Change<Option<String>>),
    /// The policy's fixed points changed.
    Points(Change<Option<Dec>>),
    /// The same rule, target and points: something it reads changed (a vocabulary, the
    /// units, rounding, a derived actual).
    Elsewhere,
}

/// Where a rule is written, and its line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuleRef {
    pub file: String,
    pub line: usize,
    pub column: usize,
    /// The source line, trimmed, its runs of spaces shortened.
    pub text: String,
}

impl RuleRef {
    pub fn of(policy: &Policy, span: Span) -> RuleRef {
        let sources = policy.sources();
        let Some(file) = sources.get(span.source) else {
            return RuleRef {
                file: String::new(),
                line: 0,
                column: 0,
                text: String::new(),
            };
        };
        let (line, column) = file.line_col(span.start);
        let source_line = file.text.lines().nth(line.saturating_sub(1)).unwrap_or("");
        let squeeze = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        // the comment of a rule's line often says what it means: keep it, set apart
        let text = match source_line.split_once(" #") {
            Some((code, comment)) if !code.contains('"') => {
                format!("{}  # {}", squeeze(code), squeeze(comment))
            }
            _ => squeeze(source_line),
        };
        RuleRef {
            file: file.name.clone(),
            line,
            column,
            text,
        }
    }

    /// `rules/2021.pr:55:13`.
    pub fn location(&self) -> String {
        format!("{}:{}:{}", self.file, self.line, self.column)
    }
}

/// A whole diff: every report, and what they add up to.
#[derive(Clone, Debug)]
pub struct PolicyDiff {
    pub reports: Vec<ReportDiff>,
}

impl PolicyDiff {
    /// Reports whose total, grade or any indicator's score changed.
    pub fn changed_reports(&self) -> usize {
        self.reports.iter().filter(|r| r.changed()).count()
    }

    pub fn changed_indicators(&self) -> usize {
        self.reports.iter().map(|r| r.indicators.len()).sum()
    }

    pub fn changed_grades(&self) -> usize {
        self.reports.iter().filter(|r| r.grade.changed()).count()
    }

    /// Whether any score moved: what a CI job asks.
    pub fn any_change(&self) -> bool {
        self.changed_reports() > 0
    }
}

impl ReportDiff {
    pub fn changed(&self) -> bool {
        !self.indicators.is_empty()
            || self.total.changed()
            || self.grade.changed()
            || self.raw_total.changed()
            || self.max_points.changed()
    }
}

/// Scores `report` by both policies and compares.
pub fn report(
    old: &Policy,
    new: &Policy,
    report: &Report,
    file: &str,
) -> Result<ReportDiff, EvalError> {
    let before = evaluate(old, report)?;
    let after = evaluate(new, report)?;
    let outside = [(false, old), (true, new)]
        .into_iter()
        .filter(|(_, p)| !covers(p, report))
        .map(|(new, p)| Outside {
            new,
            file: p.file_name().to_string(),
            years: p.years(),
            kind: p.kind().map(str::to_string),
        })
        .collect();
    Ok(ReportDiff {
        file: file.to_string(),
        unit: report.unit.clone(),
        year: report.year,
        outside,
        raw_total: Change {
            before: before.raw_total,
            after: after.raw_total,
        },
        max_points: Change {
            before: before.max_points,
            after: after.max_points,
        },
        total: Change {
            before: before.total,
            after: after.total,
        },
        grade: Change {
            before: before.grade.to_string(),
            after: after.grade.to_string(),
        },
        indicators: indicators(old, new, &before, &after),
    })
}

fn covers(policy: &Policy, report: &Report) -> bool {
    let year = policy
        .years()
        .is_none_or(|(from, to)| (from..=to).contains(&report.year));
    let kind = policy.kind().is_none_or(|k| {
        report.kind.as_deref().map(crate::check::names::key) == Some(crate::check::names::key(k))
    });
    year && kind
}

/// Indicators are matched by the report row they score, or by name when no row matched.
fn same(a: &IndicatorScore, b: &IndicatorScore) -> bool {
    match (a.row, b.row) {
        (Some(x), Some(y)) => x == y,
        _ => crate::check::names::key(&a.name) == crate::check::names::key(&b.name),
    }
}

fn indicators(
    old: &Policy,
    new: &Policy,
    before: &Scorecard,
    after: &Scorecard,
) -> Vec<IndicatorChange> {
    let mut out = Vec::new();
    let mut matched = vec![false; before.indicators.len()];
    for a in &after.indicators {
        let found = before
            .indicators
            .iter()
            .enumerate()
            .find(|(i, b)| !matched[*i] && same(b, a));
        let b = found.map(|(i, b)| {
            matched[i] = true;
            b
        });
        let score = Change {
            before: b.and_then(|b| b.score),
            after: a.score,
        };
        if !score.changed() {
            continue;
        }
        out.push(change(old, new, b, a, score));
    }
    // indicators the new policy no longer scores at all
    for (b, _) in before.indicators.iter().zip(&matched).filter(|(_, m)| !**m) {
        let score = Change {
            before: b.score,
            after: None,
        };
        if score.changed() {
            let rule = Change {
                before: RuleRef::of(old, b.rule),
                after: RuleRef::of(old, b.rule),
            };
            out.push(IndicatorChange {
                name: b.name.to_string(),
                section: b.section.as_deref().map(str::to_string),
                score,
                delta: None,
                causes: vec![Cause::Rule],
                rule,
            });
        }
    }
    out
}

fn change(
    old: &Policy,
    new: &Policy,
    b: Option<&IndicatorScore>,
    a: &IndicatorScore,
    score: Change<Option<Dec>>,
) -> IndicatorChange {
    let rule = Change {
        before: b.map_or_else(|| RuleRef::of(new, a.rule), |b| RuleRef::of(old, b.rule)),
        after: RuleRef::of(new, a.rule),
    };
    let mut causes = Vec::new();
    if let Some(b) = b {
        if rule.before.text != rule.after.text || rule.before.file != rule.after.file {
            causes.push(Cause::Rule);
        }
        let fixed = |s: &IndicatorScore| {
            s.target
                .as_deref()
                .map(str::to_string)
                .filter(|_| s.target_fixed)
        };
        let target = Change {
            before: fixed(b),
            after: fixed(a),
        };
        if target.changed() {
            causes.push(Cause::Target(target));
        }
        let points = Change {
            before: b.points,
            after: a.points,
        };
        if points.changed() {
            causes.push(Cause::Points(points));
        }
    } else {
        causes.push(Cause::Rule);
    }
    if causes.is_empty() {
        causes.push(Cause::Elsewhere);
    }
    IndicatorChange {
        name: a.name.to_string(),
        section: a.section.as_deref().map(str::to_string),
        delta: score
            .after
            .zip(score.before)
            .and_then(|(x, y)| x.checked_sub(y).ok()),
        score,
        causes,
        rule,
    }
}
