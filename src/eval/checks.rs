//! Running the policy's checks (§4 findings) over the scored report.

use super::board::{Binding, Board, CheckFacts};
use super::expr::{self, Val};
use super::prepare::calc_failure;
use crate::check::policy::{CheckRule, MessagePiece};
use crate::scorecard::CalcError;
use crate::scorecard::{EngineFinding, Finding, FindingMessage, FindingSubject};
use crate::syntax::ast::Domain;

/// Every check over its domain, in the order the rule file writes them.
pub fn run(board: &Board<'_>) -> Vec<Finding> {
    let mut findings = Vec::new();
    for check in &board.policy.checks {
        let (count, binding): (usize, fn(usize) -> Binding) = match check.domain {
            None => (1, |_| Binding::Report),
            Some(Domain::Indicator) => (board.indicators.len(), Binding::Indicator),
            Some(Domain::BudgetRow) => (board.report.budget.len(), Binding::Row),
            Some(Domain::BudgetParent) => (board.budget.parents.len(), Binding::Parent),
            Some(Domain::Section) => (board.sections.len(), Binding::Section),
        };
        for i in 0..count {
            let facts = CheckFacts {
                board,
                binding: binding(i),
            };
            if let Some(finding) = run_one(check, &facts) {
                findings.push(finding);
            }
        }
    }
    findings
}

fn run_one(check: &CheckRule, facts: &CheckFacts<'_, '_>) -> Option<Finding> {
    let units = &facts.board.policy.units;
    let incomplete = |(shown, error): (String, CalcError)| {
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
    };
    if let Some(when) = &check.when {
        match expr::eval(when, facts, units) {
            Ok(Val::Bool(true)) => {}
            Ok(_) => return None,
            Err(e) => return incomplete(calc_failure(&e)),
        }
    }
    if let Some(require) = &check.require {
        match expr::eval(require, facts, units) {
            Ok(Val::Bool(true)) => return None,
            Ok(Val::Bool(false)) => {}
            Ok(_) => return incomplete((expr::show(require, facts, units), CalcError::Missing)),
            Err(e) => return incomplete(calc_failure(&e)),
        }
    }
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
