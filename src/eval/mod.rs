//! Scoring a report by a checked policy: place each row under a rule, prepare its values,
//! compute derived actuals, score each indicator, total, then run the policy's checks.
//! Everything the report gets wrong is a finding in the scorecard; only a total too large
//! for a decimal stops evaluation.

mod board;
mod budget;
mod checks;
mod entry;
pub mod expr;
pub mod judge;
mod methods;
mod placement;
mod prepare;
pub mod quantity;
mod quick;
mod score;
mod totals;

use crate::check::Policy;
use crate::judgement::Judgements;
use crate::report::Report;
use crate::scorecard::{
    EngineFinding, Finding, FindingMessage, FindingSubject, PolicyIdentity, ReportIdentity,
    Scorecard,
};
use crate::syntax::ast::Severity;
use board::Board;
use placement::RuleRef;
use std::borrow::Cow;

/// Why a report could not be scored at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EvalError {
    /// A total is larger than a decimal can hold.
    Overflow { what: &'static str },
    /// The auditor's judgements do not fit the report: nothing is scored half-judged.
    Judgements(Vec<judge::JudgementError>),
}

/// Scores a report. The scorecard borrows its names and texts from the report and the policy
/// ([`Scorecard::into_owned`] copies them).
pub fn evaluate<'a>(policy: &'a Policy, report: &'a Report) -> Result<Scorecard<'a>, EvalError> {
    score_report(policy, report, judge::Judge::none())
}

/// Scores a report with an auditor's judgements of qualitative indicators.
pub fn evaluate_judged<'a>(
    policy: &'a Policy,
    report: &'a Report,
    judgements: &Judgements,
) -> Result<Scorecard<'a>, EvalError> {
    score_report(policy, report, judge::Judge::new(judgements, report))
}

fn score_report<'a>(
    policy: &'a Policy,
    report: &'a Report,
    mut judge: judge::Judge<'_>,
) -> Result<Scorecard<'a>, EvalError> {
    // About one finding per indicator is usual; room for them all at once.
    let mut findings = Vec::with_capacity(report.indicators.len() + 8);
    scope(policy, report, &mut findings);
    let budget = budget::BudgetView::new(report);
    if !report.budget.is_empty() && budget.rows_without_parent != 1 {
        let count = budget.rows_without_parent;
        findings.push(report_finding(
            Severity::Error,
            EngineFinding::TotalRow { count },
        ));
    }
    let placements = placement::place(policy, report, &mut findings);
    // Every indicator's cells are read before any is scored: a derived actual may read
    // another's. The rest of an indicator is looked up where it is scored.
    let mut cells = Vec::with_capacity(placements.len() + 1);
    cells.extend(placements.iter().map(|p| prepare::cells(report, *p)));
    // The execution item is scored with the indicators (its derived actual may read theirs),
    // then kept apart: it belongs to no section.
    cells.extend(prepare::execution_cells(policy, report, &budget));
    prepare::derive(policy, report, &budget, &mut cells);

    let mut indicators = Vec::with_capacity(cells.len());
    let mut facts = Vec::with_capacity(cells.len());
    let mut tally = totals::Tally::new(policy);
    // At most one execution item: its entry and facts, taken back out as soon as made.
    let mut execution = None;
    for c in &cells {
        // Borrowed where it was returned: moved out of its `Option`, the prepared indicator
        // (some 150 bytes) was copied as soon as it was written.
        let prepared = prepare::prepare(policy, report, &budget, c);
        let Some(p) = prepared.as_ref() else {
            continue;
        };
        // Scored straight into its entry: a score is a few hundred bytes, not moved twice.
        let scored = score::score(p, policy, report.year, &mut judge, &mut findings);
        entry::entry(p, scored, policy, &mut indicators, &mut facts);
        if c.placement.rule == RuleRef::Execution {
            execution = indicators.pop().zip(facts.pop());
        } else if let Some(s) = indicators.last() {
            tally.add(s, c.placement.section);
        }
        if let (Some(_), Some(Err(unread))) = (p.fixed_target, &c.target_written) {
            let finding = EngineFinding::UnreadableWrittenTarget {
                text: unread.text.to_string(),
            };
            findings.push(placement::engine(Severity::Warning, p.name, finding));
        }
    }
    let refused = judge.finish(|| {
        cells
            .iter()
            .map(|c| prepare::name(policy, report, c))
            .collect()
    });
    if !refused.is_empty() {
        return Err(EvalError::Judgements(refused));
    }
    let (sections, totals) =
        tally.finish(policy, &indicators, execution.as_ref().map(|(s, _)| s))?;
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
        execution: execution.as_ref().map(|(s, f)| (s, f)),
        sections: &sections,
        totals: &totals,
    };
    checks::run(&board, &mut findings);
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
    Ok(Scorecard {
        policy: PolicyIdentity {
            name: Cow::Borrowed(policy.name()),
            file: Cow::Borrowed(policy.file_name()),
            sha256: Cow::Borrowed(policy.sha256()),
        },
        report: ReportIdentity {
            unit: Cow::Borrowed(&report.unit),
            year: report.year,
            kind: report.kind.as_deref().map(Cow::Borrowed),
            project: report.project.as_deref().map(Cow::Borrowed),
        },
        sections,
        indicators,
        execution: execution.map(|(s, _)| s),
        raw_total: totals.raw,
        max_points: totals.max,
        full_marks: policy.full_marks(),
        rescaled: totals.rescaled,
        total: totals.total,
        grade: Cow::Borrowed(totals.grade),
        self_total: report.self_total.as_ref().map(|a| a.value),
        findings,
    })
}

/// Findings about whether the policy applies to this report at all.
fn scope(policy: &Policy, report: &Report, findings: &mut Vec<Finding<'_>>) {
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
}

fn report_finding(severity: Severity, finding: EngineFinding) -> Finding<'static> {
    Finding {
        severity,
        code: Cow::Borrowed(finding.code()),
        subject: FindingSubject::default(),
        message: FindingMessage::Engine(finding),
        rule: None,
    }
}
