//! Running the policy's checks (§4 findings) over the scored report.

use super::board::{Binding, Board, CheckFacts};
use super::expr::{self, Val};
use super::prepare::calc_failure;
use crate::check::policy::{CheckRule, MessagePiece};
use crate::limits::MAX_FINDINGS;
use crate::scorecard::CalcError;
use crate::scorecard::{EngineFinding, Finding, FindingMessage, FindingSubject};
use crate::syntax::ast::{Domain, Severity};

/// Every check over its domain, in the order the rule file writes them. Beyond
/// [`MAX_FINDINGS`] findings are counted and not kept, and one more says how many.
pub fn run(board: &Board<'_>) -> Vec<Finding> {
    let mut findings = Vec::new();
    let mut more = 0;
    for check in &board.policy.checks {
        for binding in bindings(board, check.domain) {
            let facts = CheckFacts { board, binding };
            if findings.len() < MAX_FINDINGS {
                findings.extend(run_one(check, &facts));
            } else if !matches!(outcome(check, &facts), Outcome::Holds) {
                more += 1;
            }
        }
    }
    if more > 0 {
        findings.push(Finding {
            severity: Severity::Error,
            code: EngineFinding::TooManyFindings { limit: 0, more }
                .code()
                .to_string(),
            subject: FindingSubject::default(),
            message: FindingMessage::Engine(EngineFinding::TooManyFindings {
                limit: MAX_FINDINGS,
                more,
            }),
            rule: None,
        });
    }
    findings
}

fn bindings(board: &Board<'_>, domain: Option<Domain>) -> Vec<Binding> {
    match domain {
        None => vec![Binding::Report],
        Some(Domain::Indicator) => (0..board.indicators.len())
            .map(Binding::Indicator)
            .collect(),
        Some(Domain::BudgetRow) => (0..board.report.budget.len()).map(Binding::Row).collect(),
        Some(Domain::BudgetParent) => (0..board.budget.parents.len())
            .map(Binding::Parent)
            .collect(),
        Some(Domain::Section) => (0..board.sections.len()).map(Binding::Section).collect(),
    }
}

/// What a check says of one binding.
enum Outcome {
    /// `when` does not hold, or `require` does.
    Holds,
    /// `require` does not hold: the check's finding.
    Raised,
    /// A figure it reads is missing or fails to compute: the condition with its figures.
    Incomplete(String, CalcError),
}

fn outcome(check: &CheckRule, facts: &CheckFacts<'_, '_>) -> Outcome {
    let units = &facts.board.policy.units;
    let failed = |e: &expr::ExprError| {
        let (shown, error) = calc_failure(e);
        Outcome::Incomplete(shown, error)
    };
    if let Some(when) = &check.when {
        match expr::eval(when, facts, units) {
            Ok(Val::Bool(true)) => {}
            Ok(_) => return Outcome::Holds,
            Err(e) => return failed(&e),
        }
    }
    if let Some(require) = &check.require {
        match expr::eval(require, facts, units) {
            Ok(Val::Bool(true)) => return Outcome::Holds,
            Ok(Val::Bool(false)) => {}
            Ok(_) => {
                return Outcome::Incomplete(expr::show(require, facts, units), CalcError::Missing)
            }
            Err(e) => return failed(&e),
        }
    }
    Outcome::Raised
}

fn run_one(check: &CheckRule, facts: &CheckFacts<'_, '_>) -> Option<Finding> {
    match outcome(check, facts) {
        Outcome::Holds => None,
        Outcome::Incomplete(shown, error) => {
            let engine = EngineFinding::CheckIncomplete {
                check: check.title.clone(),
                shown,
                error,
            };
            Some(finding(
                check,
                facts,
                FindingMessage::Engine(engine),
                "perfrules::eval::check_incomplete",
            ))
        }
        Outcome::Raised => {
            // The English message mostly shows the same expressions as the Chinese one: each
            // expression (by its text in the rule file) is evaluated once for both.
            let mut shown = Vec::new();
            let zh = message(&check.message, facts, &mut shown);
            let en = check
                .message_en
                .as_ref()
                .map(|m| message(m, facts, &mut shown));
            let code = format!("rules::{}", check.id);
            Some(finding(
                check,
                facts,
                FindingMessage::Check {
                    title: check.title.clone(),
                    zh,
                    en,
                },
                &code,
            ))
        }
    }
}

fn finding(
    check: &CheckRule,
    facts: &CheckFacts<'_, '_>,
    message: FindingMessage,
    code: &str,
) -> Finding {
    let board = facts.board;
    let subject = match facts.binding {
        Binding::Indicator(i) => FindingSubject {
            indicator: board.indicators.get(i).map(|s| s.name.clone()),
            ..Default::default()
        },
        Binding::Row(i) => FindingSubject {
            budget_row: board.report.budget.get(i).map(|r| r.item.clone()),
            ..Default::default()
        },
        Binding::Parent(k) => FindingSubject {
            budget_row: board.budget.parents.get(k).map(|p| p.0.clone()),
            ..Default::default()
        },
        Binding::Section(k) => FindingSubject {
            section: board.sections.get(k).map(|s| s.name.clone()),
            ..Default::default()
        },
        Binding::Report => FindingSubject::default(),
    };
    Finding {
        severity: check.severity,
        code: code.to_string(),
        subject,
        message,
        rule: Some(check.span),
    }
}

/// The message with its figures filled in; `shown` keeps each expression's text in the rule
/// file with what it showed, for the other language's message.
fn message<'p>(
    pieces: &'p [MessagePiece],
    facts: &CheckFacts<'_, 'p>,
    shown: &mut Vec<(&'p str, String)>,
) -> String {
    let units = &facts.board.policy.units;
    let sources = facts.board.policy.sources();
    let mut out = String::new();
    for piece in pieces {
        match piece {
            MessagePiece::Text(t) => out.push_str(t),
            MessagePiece::Expr(e) => {
                let text = sources.slice(e.span);
                match shown.iter().find(|(t, _)| !t.is_empty() && *t == text) {
                    Some((_, value)) => out.push_str(value),
                    None => {
                        let value = match expr::eval(e, facts, units) {
                            Ok(v) => v.show(),
                            Err(err) => format!("[{}]", calc_failure(&err).0),
                        };
                        out.push_str(&value);
                        shown.push((text, value));
                    }
                }
            }
        }
    }
    out
}
