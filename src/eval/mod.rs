//! Scoring a report by a checked policy: place each row under a rule, prepare its values,
//! compute derived actuals, score each indicator, total, then run the policy's checks.
//! Everything the report gets wrong is a finding in the scorecard; only a total too large
//! for a decimal stops evaluation.

mod board;
mod budget;
mod checks;
pub mod expr;
mod methods;
mod placement;
mod prepare;
pub mod quantity;
mod score;
mod totals;

use crate::check::Policy;
use crate::report::Report;
use crate::scorecard::{
    EngineFinding, Finding, FindingMessage, FindingSubject, IndicatorScore, PolicyIdentity,
    ReportIdentity, Scorecard, Working,
};
use crate::syntax::ast::Severity;
use board::{Board, IndicatorFacts};

/// Why a report could not be scored at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EvalError {
    /// A total is larger than a decimal can hold.
    Overflow { what: &'static str },
}

/// Scores a report.
pub fn evaluate(policy: &Policy, report: &Report) -> Result<Scorecard, EvalError> {
    let mut findings = scope(policy, report);
    let budget = budget::BudgetView::new(report);
    if !report.budget.is_empty() && budget.rows_without_parent != 1 {
        findings.push(report_finding(
            Severity::Error,
            EngineFinding::TotalRow {
                count: budget.rows_without_parent,
            },
        ));
    }
    let placements = placement::place(policy, report, &mut findings);
    let mut prepared: Vec<_> = placements
        .iter()
        .map(|p| prepare::prepare(policy, report, *p))
        .collect();
    prepare::derive(policy, report, &budget, &mut prepared);

    let mut indicators = Vec::with_capacity(prepared.len());
    let mut facts = Vec::with_capacity(prepared.len());
    for p in &prepared {
        let scored = score::score(p, policy, report.year);
        findings.extend(scored.findings);
        if let (true, Some(Err(text))) = (p.target_fixed, &p.target_written) {
            let finding = EngineFinding::UnreadableWrittenTarget { text: text.clone() };
            findings.push(placement::engine(Severity::Warning, &p.name, finding));
        }
        let written = |w: &prepare::Written| w.as_ref().and_then(|r| r.as_ref().ok()).cloned();
        let text = |w: &prepare::Written| {
            w.as_ref()
                .map(|r| r.as_ref().map_or_else(|t| t.clone(), |v| v.text.clone()))
        };
        indicators.push(IndicatorScore {
            name: p.name.clone(),
            section: policy.sections[p.placement.section.0].name.clone(),
            group: p.group.clone(),
            row: p.placement.row,
            points: p.points,
            score: scored.score,
            lost: p.points.zip(scored.score).and_then(|(w, s)| w.checked_sub(s).ok()),
            method: scored.method,
            form: scored.form,
            target: text(&p.target),
            target_written: text(&p.target_written),
            target_fixed: p.target_fixed,
            target_differs: p.target_fixed && matches!((&p.target, &p.target_written), (Some(Ok(t)), Some(Ok(w))) if !w.is_blank() && !w.same_target_as(t)),
            actual: match (&p.derived, p.derived_expr) {
                (Some(Ok((n, _))), _) => Some(format!("{}{}", n.value.approx(), n.unit)),
                (None, None) => text(&p.actual_written),
                _ => None,
            },
            actual_written: text(&p.actual_written),
            actual_derived: p.derived_expr.is_some(),
            derivation: p.derived.as_ref().map(|d| d.as_ref().map_or_else(|(shown, _)| shown.clone(), |(_, w)| w.clone())),
            self_score: p.row.and_then(|r| r.self_score.as_ref()).map(|a| a.value),
            reason: p.row.and_then(|r| r.reason.clone()).filter(|r| !r.trim().is_empty()),
            working: scored.working,
            exact: scored.exact,
            rule: scored.rule,
            also: p.derived_span.filter(|s| *s != scored.rule),
        });
        facts.push(IndicatorFacts {
            rule: p.placement.rule,
            target: written(&p.target),
            target_written: written(&p.target_written),
            actual: scored.actual,
            actual_written: written(&p.actual_written),
        });
    }
    let sections = totals::sections(policy, &placements, &indicators)?;
    let totals = totals::totals(policy, &indicators)?;
    if totals.max.is_zero() && policy.rescale.is_some() {
        findings.push(report_finding(
            Severity::Error,
            EngineFinding::NothingToScore,
        ));
    }
    let board = Board {
        policy,
        report,
        budget: &budget,
        indicators: &indicators,
        facts: &facts,
        sections: &sections,
        totals: &totals,
    };
    findings.extend(checks::run(&board));
    if let Some(written) = report.self_total.as_ref().map(|a| a.value) {
        if written != totals.total {
            findings.push(report_finding(
                Severity::Warning,
                EngineFinding::SelfTotal {
                    written,
                    computed: totals.total,
                },
            ));
        }
    }
    debug_assert!(indicators
        .iter()
        .all(|s| !matches!(s.working, Working::NotScored) || s.score.is_none()));
    Ok(Scorecard {
        policy: PolicyIdentity {
            name: policy.name().to_string(),
            file: policy.file_name().to_string(),
            sha256: policy.sha256().to_string(),
        },
        report: ReportIdentity {
            unit: report.unit.clone(),
            year: report.year,
            kind: report.kind.clone(),
            project: report.project.clone(),
        },
        sections,
        indicators,
        raw_total: totals.raw,
        max_points: totals.max,
        full_marks: policy.full_marks(),
        rescaled: totals.rescaled,
        total: totals.total,
        grade: totals.grade,
        self_total: report.self_total.as_ref().map(|a| a.value),
        findings,
    })
}

/// Findings about whether the policy applies to this report at all.
fn scope(policy: &Policy, report: &Report) -> Vec<Finding> {
    let mut findings = Vec::new();
    if let Some((from, to)) = policy.years() {
        if report.year < from || report.year > to {
            findings.push(report_finding(
                Severity::Warning,
                EngineFinding::YearOutside {
                    year: report.year,
                    from,
                    to,
                },
            ));
        }
    }
    if let Some(expected) = policy.kind() {
        if report.kind.as_deref().map(crate::check::names::key)
            != Some(crate::check::names::key(expected))
        {
            findings.push(report_finding(
                Severity::Warning,
                EngineFinding::KindOutside {
                    kind: report.kind.clone(),
                    expected: expected.to_string(),
                },
            ));
        }
    }
    findings
}

fn report_finding(severity: Severity, finding: EngineFinding) -> Finding {
    Finding {
        severity,
        code: finding.code().to_string(),
        subject: FindingSubject::default(),
        message: FindingMessage::Engine(finding),
        rule: None,
    }
}
