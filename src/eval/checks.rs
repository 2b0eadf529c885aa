//! Running the policy's checks (§4 findings) over the scored report.
//!
//! A check that fires keeps the figures its messages show (each expression evaluated once,
//! for both languages), not the messages: they are worded when the scorecard is rendered,
//! in the language asked for (crate::output::human::message).

use super::board::{Binding, Board, CheckFacts};
use super::expr::{self, Val};
use super::prepare::calc_failure;
use crate::check::policy::CheckRule;
use crate::scorecard::{
    CalcError, EngineFinding, Figure, Finding, FindingMessage, FindingSubject, Shown,
};
use crate::syntax::ast::Domain;
use std::borrow::Cow;

/// Every check over its domain, in the order the rule file writes them.
pub fn run<'a>(board: &Board<'_, 'a>, findings: &mut Vec<Finding<'a>>) {
    for (index, check) in board.policy.checks.iter().enumerate() {
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
            if let Some(finding) = run_one(index, check, &facts) {
                findings.push(finding);
            }
        }
    }
}

fn run_one<'a>(
    index: usize,
    check: &'a CheckRule,
    facts: &CheckFacts<'_, '_, 'a>,
) -> Option<Finding<'a>> {
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
            Cow::Borrowed("perfrules::eval::check_incomplete"),
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
    let figures = check
        .figures
        .iter()
        .map(|e| match expr::eval(e, facts, units) {
            Ok(v) => shown(&v),
            Err(err) => Shown::Failed(calc_failure(&err).0),
        })
        .collect();
    Some(finding(
        check,
        facts,
        FindingMessage::Check {
            check: index,
            figures,
        },
        Cow::Borrowed(check.code.as_str()),
    ))
}

/// A value as a message shows it, kept as data.
fn shown(v: &Val<'_>) -> Shown {
    match v {
        Val::Num(n) => Shown::Figure(Figure {
            value: n.value,
            unit: n.unit.clone(),
        }),
        Val::Bool(b) => Shown::Bool(*b),
        Val::Text(t) => Shown::Text(t.as_ref().into()),
        Val::Written(v) => Shown::Text(v.text.clone()),
        Val::List(items) => Shown::List(items.iter().map(shown).collect()),
        Val::Absent => Shown::Absent,
    }
}

fn finding<'a>(
    check: &CheckRule,
    facts: &CheckFacts<'_, '_, 'a>,
    message: FindingMessage,
    code: Cow<'a, str>,
) -> Finding<'a> {
    let board = facts.board;
    let subject = match facts.binding {
        Binding::Indicator(i) => FindingSubject {
            indicator: board.indicators.get(i).map(|s| s.name.clone()),
            ..Default::default()
        },
        Binding::Row(i) => FindingSubject {
            budget_row: board
                .report
                .budget
                .get(i)
                .map(|r| Cow::Borrowed(r.item.as_str())),
            ..Default::default()
        },
        Binding::Parent(k) => FindingSubject {
            budget_row: board.budget.parents.get(k).map(|p| Cow::Borrowed(p.0)),
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
        code,
        subject,
        message,
        rule: Some(check.span),
    }
}
