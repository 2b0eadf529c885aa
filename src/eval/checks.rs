//! Running the policy's checks (§4 findings) over the scored report.
//!
//! A check that fires keeps the figures its messages show (each expression evaluated once,
//! for both languages), not the messages: they are worded when the scorecard is rendered,
//! in the language asked for (crate::output::human::message).

use super::board::{Binding, Board, CheckFacts};
use super::expr::{self, Val};
use super::prepare::calc_failure;
use super::quick::{self, Quick, Slow};
use crate::check::fields::IndicatorField;
use crate::check::policy::{CheckRule, Conjunct};
use crate::check::units::UnitTable;
use crate::limits::MAX_FINDINGS;
use crate::scorecard::{
    CalcError, EngineFinding, Figure, Finding, FindingMessage, FindingSubject, Shown,
};
use crate::syntax::ast::{BinaryOp, Domain, Severity};
use std::borrow::Cow;

/// Every check over its domain, in the order the rule file writes them. Beyond
/// [`MAX_FINDINGS`] the checks' findings are counted and not kept, and one more says how
/// many.
pub fn run<'a>(board: &Board<'_, 'a>, findings: &mut Vec<Finding<'a>>) {
    let mut kept = 0;
    let mut more = 0;
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
            match run_one(index, check, &facts) {
                Some(finding) if kept < MAX_FINDINGS => {
                    findings.push(finding);
                    kept += 1;
                }
                Some(_) => more += 1,
                None => {}
            }
        }
    }
    if more > 0 {
        let why = EngineFinding::TooManyFindings {
            limit: MAX_FINDINGS,
            more,
        };
        findings.push(Finding {
            severity: Severity::Error,
            code: Cow::Borrowed(why.code()),
            subject: FindingSubject::default(),
            message: FindingMessage::Engine(why),
            rule: None,
        });
    }
}

fn run_one<'a>(
    index: usize,
    check: &'a CheckRule,
    facts: &CheckFacts<'_, '_, 'a>,
) -> Option<Finding<'a>> {
    let units = &facts.board.policy.units;
    #[cfg(test)]
    {
        for e in check
            .when
            .iter()
            .chain(&check.require)
            .chain(&check.figures)
        {
            tests::agree(e, facts, units);
        }
        if let (Some(when), Ok(h)) = (&check.when, holds(check, facts, units)) {
            let slow = expr::eval(when, facts, units);
            let same = matches!(&slow, Ok(v) if (*v == Val::Bool(true)) == h);
            tests::record(same, || {
                format!("when of {}: quick {h}, slow {slow:?}", check.id)
            });
        }
    }
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
    // Conditions are read in place (super::quick) where they can be; anything else, and
    // every error, is evaluated again by the general evaluator.
    if let Some(when) = &check.when {
        match holds(check, facts, units) {
            Ok(true) => {}
            Ok(false) => return None,
            Err(Slow) => match expr::eval(when, facts, units) {
                Ok(Val::Bool(true)) => {}
                Ok(_) => return None,
                Err(e) => return incomplete(calc_failure(&e)),
            },
        }
    }
    if let Some(require) = &check.require {
        match conjunction(&check.require_conjuncts, facts, units) {
            Ok(Quick::Bool(true)) => return None,
            Ok(Quick::Bool(false)) => {}
            _ => match expr::eval(require, facts, units) {
                Ok(Val::Bool(true)) => return None,
                Ok(Val::Bool(false)) => {}
                Ok(_) => {
                    return incomplete((expr::show(require, facts, units), CalcError::Missing))
                }
                Err(e) => return incomplete(calc_failure(&e)),
            },
        }
    }
    let figures = check
        .figures
        .iter()
        .map(|e| match quick::eval(e, facts, units) {
            Ok(q) => quick_shown(q),
            Err(Slow) => match expr::eval(e, facts, units) {
                Ok(v) => shown(&v),
                Err(err) => Shown::Failed(calc_failure(&err).0),
            },
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

/// The value of a condition kept as its conjuncts (`CheckRule::when_conjuncts`), read in
/// place one by one as `and` reads them (a false one stops it); a guard on the checked
/// indicator is answered by reading its fields.
fn conjunction<'x>(
    conjuncts: &'x [Conjunct],
    facts: &'x CheckFacts<'_, '_, '_>,
    units: &UnitTable,
) -> Result<Quick<'x>, Slow> {
    let indicator = match facts.binding {
        Binding::Indicator(i) => facts.board.indicators.get(i).zip(facts.board.facts.get(i)),
        _ => None,
    };
    let mut so_far: Option<Quick<'x>> = None;
    for conjunct in conjuncts {
        let value = match (conjunct, indicator) {
            (Conjunct::Expr(e), _) => quick::eval(e, facts, units)?,
            (guard, Some((s, x))) => {
                let field = |f: &IndicatorField| quick::indicator(s, x, *f);
                match guard {
                    Conjunct::Present(f) => Quick::Bool(!matches!(field(f)?, Quick::Absent)),
                    Conjunct::Is(f, yes) => match field(f)? {
                        Quick::Bool(b) => Quick::Bool(b == *yes),
                        _ => Quick::Absent,
                    },
                    Conjunct::OneOf(f, texts) => match field(f)? {
                        Quick::Text(t) => Quick::Bool(texts.iter().any(|x| x == t)),
                        _ => Quick::Absent,
                    },
                    Conjunct::Compare(op, f, g) => match (field(f)?, field(g)?) {
                        (Quick::Num(a, _), Quick::Num(b, _)) => Quick::Bool(match op {
                            BinaryOp::Eq => a == b,
                            BinaryOp::Ne => a != b,
                            BinaryOp::Lt => a < b,
                            BinaryOp::Le => a <= b,
                            BinaryOp::Gt => a > b,
                            _ => a >= b,
                        }),
                        _ => Quick::Absent,
                    },
                    Conjunct::Expr(_) => return Err(Slow),
                }
            }
            _ => return Err(Slow),
        };
        let value = match (so_far, value) {
            (None, value) => value,
            (Some(_), Quick::Bool(false)) => Quick::Bool(false),
            (Some(Quick::Bool(_)), Quick::Bool(_)) => Quick::Bool(true),
            _ => Quick::Absent,
        };
        if matches!(value, Quick::Bool(false)) {
            return Ok(value);
        }
        so_far = Some(value);
    }
    so_far.ok_or(Slow)
}

/// Whether a check's `when` holds ([`conjunction`]).
fn holds(
    check: &CheckRule,
    facts: &CheckFacts<'_, '_, '_>,
    units: &UnitTable,
) -> Result<bool, Slow> {
    conjunction(&check.when_conjuncts, facts, units).map(|v| matches!(v, Quick::Bool(true)))
}

/// A value read in place, as a message shows it.
fn quick_shown(q: Quick<'_>) -> Shown {
    match q {
        Quick::Num(value, unit) => Shown::Figure(Figure::new(value, unit.clone())),
        Quick::Bool(b) => Shown::Bool(b),
        Quick::Text(t) => Shown::Text(t.into()),
        Quick::Written(v) => Shown::Text(v.text.clone()),
        Quick::Absent => Shown::Absent,
    }
}

/// A value as a message shows it, kept as data.
fn shown(v: &Val<'_>) -> Shown {
    match v {
        Val::Num(n) => Shown::Figure(n.figure()),
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

/// The corpus generator, for the test below.
#[cfg(test)]
#[path = "../../examples/corpus/generate.rs"]
mod generate;

#[cfg(test)]
mod tests {
    //! The quick path agrees with the general evaluator on every expression of every check it
    //! reads, over the rule files, the examples, the eval fixtures and a generated corpus.

    use super::super::board::CheckFacts;
    use super::super::expr::{self, Val};
    use super::super::quick::{self, Quick};
    use super::generate;
    use crate::check::expr::CExpr;
    use crate::check::units::UnitTable;
    use crate::report::Report;
    use crate::source::Sources;
    use std::cell::RefCell;

    thread_local! {
        static CHECKED: RefCell<(usize, Vec<String>)> = const { RefCell::new((0, Vec::new())) };
    }

    /// Records whether the quick path, where it answers, gives what the evaluator gives.
    pub fn agree(e: &CExpr, facts: &CheckFacts<'_, '_, '_>, units: &UnitTable) {
        let Ok(q) = quick::eval(e, facts, units) else {
            return;
        };
        let slow = expr::eval(e, facts, units);
        let same = match (q, &slow) {
            (Quick::Num(a, u), Ok(Val::Num(n))) => {
                format!("{a:?}") == format!("{:?}", n.value) && *u == n.unit
            }
            (Quick::Bool(a), Ok(Val::Bool(b))) => a == *b,
            (Quick::Text(a), Ok(Val::Text(b))) => a == b.as_ref(),
            (Quick::Written(a), Ok(Val::Written(b))) => a == *b,
            (Quick::Absent, Ok(Val::Absent)) => true,
            _ => false,
        };
        record(same, || format!("{e:?}\nquick: {q:?}\nslow: {slow:?}"));
    }

    /// Counts one comparison, and keeps what disagreed.
    pub fn record(same: bool, what: impl FnOnce() -> String) {
        CHECKED.with(|c| {
            let mut c = c.borrow_mut();
            c.0 += 1;
            if !same {
                c.1.push(what());
            }
        });
    }

    /// A rule file's policy (none for one that builds on another, `extends`).
    fn policy(path: &str) -> Option<crate::check::Policy> {
        let text = std::fs::read_to_string(path).ok()?;
        let mut sources = Sources::new();
        let id = sources.add(path, text.as_str());
        let file = crate::syntax::parse(id, &text).ok()?;
        crate::check::check(sources, id, &file).ok()
    }

    #[test]
    fn the_quick_path_agrees_with_the_evaluator() {
        let root = env!("CARGO_MANIFEST_DIR");
        let mut policies: Vec<String> = ["rules/2021.pr", "rules/2022.pr", "rules/2022-project.pr"]
            .iter()
            .map(|p| format!("{root}/{p}"))
            .collect();
        let mut reports: Vec<String> = Vec::new();
        for dir in ["examples", "tests/fixtures/project"] {
            for entry in std::fs::read_dir(format!("{root}/{dir}")).unwrap() {
                let path = entry.unwrap().path();
                if path.extension().is_some_and(|e| e == "json") {
                    reports.push(std::fs::read_to_string(path).unwrap());
                }
            }
        }
        let eval = format!("{root}/tests/fixtures/eval");
        policies.push(format!("{eval}/base.pr"));
        for entry in std::fs::read_dir(&eval).unwrap() {
            let path = entry.unwrap().path();
            if path.join("rules.pr").exists() {
                policies.push(path.join("rules.pr").display().to_string());
            }
            if path.join("report.json").exists() {
                reports.push(std::fs::read_to_string(path.join("report.json")).unwrap());
            }
        }
        for i in 0..60 {
            reports.push(generate::report(7, i, generate::Kind::Department2021));
            reports.push(generate::report(7, i, generate::Kind::Project));
        }
        let policies: Vec<_> = policies.iter().filter_map(|p| policy(p)).collect();
        assert!(policies.len() >= 4);
        for policy in &policies {
            for text in &reports {
                if let Ok(report) = Report::from_json(text) {
                    let _ = crate::eval::evaluate(policy, &report);
                }
            }
        }
        let (checked, disagreements) = CHECKED.with(|c| c.borrow().clone());
        assert!(checked > 10_000, "only {checked} expressions checked");
        assert!(
            disagreements.is_empty(),
            "{} of {checked}:\n{}",
            disagreements.len(),
            disagreements.join("\n\n")
        );
    }
}
