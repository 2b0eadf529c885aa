//! Running the policy's checks (§4 findings) over the scored report.
//!
//! A check that fires keeps the figures its messages show (each expression evaluated once,
//! for both languages), not the messages: they are worded when the scorecard is rendered,
//! in the language asked for (crate::output::human::message).

use super::board::{Binding, Board, CheckFacts, IndicatorFacts};
use super::expr::{self, Val};
use super::prepare::calc_failure;
use super::quick::{self, Quick, Slow};
use crate::check::expr::{CExpr, CKind};
use crate::check::fields::{Field, IndicatorField};
use crate::check::policy::{CheckRule, Conjunct};
use crate::check::units::UnitTable;
use crate::decimal::Dec;
use crate::limits::MAX_FINDINGS;
use crate::scorecard::{
    CalcError, EngineFinding, Figure, Figures, Finding, FindingMessage, FindingSubject,
    IndicatorScore, Shown,
};
use crate::syntax::ast::{BinaryOp, Domain, Severity};
use crate::value::Unit;
use std::borrow::Cow;
use std::cmp::Ordering;

/// Every check over its domain, in the order the rule file writes them. Beyond
/// [`MAX_FINDINGS`] the checks' findings are counted and not kept, and one more says how
/// many.
#[inline(never)] // its own frame in a profile: the checks' cost, measured apart
pub fn run<'a>(board: &Board<'_, 'a>, findings: &mut Vec<Finding<'a>>) {
    let units = &board.policy.units;
    let mut kept = 0;
    let mut more = 0;
    for (index, check) in board.policy.checks.iter().enumerate() {
        // Most bindings pass; only a check that fires builds its finding.
        let mut one = |binding, own, read| {
            let facts = CheckFacts { board, binding };
            match verdict(check, &facts, own, read, units) {
                Verdict::Passes => {}
                _ if kept == MAX_FINDINGS => more += 1,
                Verdict::Fires => {
                    fired(findings, index, check, &facts, own, units);
                    kept += 1;
                }
                Verdict::Incomplete(shown, error) => {
                    findings.push(incomplete(check, &facts, shown, error));
                    kept += 1;
                }
            }
        };
        match check.domain {
            None => one(Binding::Report, None, None),
            Some(Domain::Indicator) => {
                // The checked indicator is looked up once, for every guard of the check; the
                // first guard, read in a loop of its own kind, stops most indicators before
                // the check is evaluated at all (a false guard makes the whole `and` false),
                // the second one stops more, and neither is read again for the others.
                let each = |i, own, read| one(Binding::Indicator(i), Some(own), read);
                match check.when_conjuncts.first() {
                    Some(Conjunct::Is(f, yes)) => indicators(
                        board,
                        check,
                        |(s, x)| quick::truth(s, x, *f).map(|b| b == *yes),
                        each,
                    ),
                    Some(Conjunct::Present(f)) => {
                        indicators(board, check, |(s, x)| Some(quick::present(s, x, *f)), each)
                    }
                    Some(Conjunct::FormIn(forms)) => indicators(
                        board,
                        check,
                        |(s, _)| s.form.map(|f| forms[f as usize]),
                        each,
                    ),
                    _ => each_indicator(board, each),
                }
            }
            Some(Domain::BudgetRow) => {
                for i in 0..board.report.budget.len() {
                    one(Binding::Row(i), None, None);
                }
            }
            Some(Domain::BudgetParent) => {
                for k in 0..board.budget.parents.len() {
                    one(Binding::Parent(k), None, None);
                }
            }
            Some(Domain::Section) => {
                for k in 0..board.sections.len() {
                    one(Binding::Section(k), None, None);
                }
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

/// Every indicator whose first two guards (the first as `first` reads it) are not false (a
/// false one means the check passes), with its index and what they read ([`Read`]).
#[inline]
fn indicators<'c, 'b, 'a>(
    board: &'c Board<'b, 'a>,
    check: &CheckRule,
    first: impl Fn(Own<'c, 'b, 'a>) -> Option<bool>,
    mut each: impl FnMut(usize, Own<'c, 'b, 'a>, Option<Read>),
) {
    let units = &board.policy.units;
    let second = check.when_conjuncts.get(1);
    for (i, own) in board.indicators.iter().zip(board.facts).enumerate() {
        let read = match (first(own), second) {
            (Some(false), _) => None,
            (value, None) => Some((1, value.is_some())),
            (value, Some(second)) => match read_guard(second, own, units) {
                Some(Some(false)) => None,
                Some(next) => Some((2, value.is_some() && next.is_some())),
                None => Some((1, value.is_some())),
            },
        };
        if let Some(read) = read {
            each(i, own, Some(read));
        } else {
            #[cfg(test)]
            tests::agree_stopped(check, board, i, own);
        }
    }
}

/// Every indicator, with its index, for a check whose first conjunct is not read apart.
#[inline]
fn each_indicator<'c, 'b, 'a>(
    board: &'c Board<'b, 'a>,
    mut each: impl FnMut(usize, Own<'c, 'b, 'a>, Option<Read>),
) {
    for (i, own) in board.indicators.iter().zip(board.facts).enumerate() {
        each(i, own, None);
    }
}

/// The first conjuncts of `when` read already: how many, and whether every one of them is
/// true (else one is absent; none is false).
type Read = (usize, bool);

/// The checked indicator, with what checks read of it beyond its scorecard entry.
type Own<'c, 'b, 'a> = (&'c IndicatorScore<'a>, &'c IndicatorFacts<'b>);

/// What a check says of one binding.
enum Verdict {
    /// Nothing to report: its `when` does not hold, or its `require` does.
    Passes,
    /// It fires.
    Fires,
    /// Its condition cannot be decided: the expression with its figures, and why.
    Incomplete(String, CalcError),
}

/// Whether a check fires for one binding. Conditions are read in place (super::quick)
/// where they can be; anything else, and every error, is evaluated again by the general
/// evaluator. `read` is what the first conjuncts of `when` gave, where the caller has read
/// them already.
fn verdict(
    check: &CheckRule,
    facts: &CheckFacts<'_, '_, '_>,
    own: Option<Own<'_, '_, '_>>,
    read: Option<Read>,
    units: &UnitTable,
) -> Verdict {
    #[cfg(test)]
    tests::agree_check(check, facts, own, read, units);
    let incomplete = |(shown, error)| Verdict::Incomplete(shown, error);
    if let Some(when) = &check.when {
        match conjunction(&check.when_conjuncts, read, facts, own, units) {
            Ok(Some(true)) => {}
            Ok(_) => return Verdict::Passes,
            Err(Slow) => match expr::eval(when, facts, units) {
                Ok(Val::Bool(true)) => {}
                Ok(_) => return Verdict::Passes,
                Err(e) => return incomplete(calc_failure(&e)),
            },
        }
    }
    if let Some(require) = &check.require {
        match conjunction(&check.require_conjuncts, None, facts, own, units) {
            Ok(Some(true)) => return Verdict::Passes,
            Ok(Some(false)) => {}
            // an absent condition is reported with its figures, by the general evaluator
            _ => match expr::eval(require, facts, units) {
                Ok(Val::Bool(true)) => return Verdict::Passes,
                Ok(Val::Bool(false)) => {}
                Ok(_) => {
                    return incomplete((expr::show(require, facts, units), CalcError::Missing))
                }
                Err(e) => return incomplete(calc_failure(&e)),
            },
        }
    }
    Verdict::Fires
}

/// The value of a condition kept as its conjuncts (`CheckRule::when_conjuncts`), read in
/// place one by one as `and` reads them: a false one makes it false and stops it; else it is
/// true when every one is, and absent (`None`) when one is absent. A guard on the checked
/// indicator (`own`) or budget row is answered by reading its fields. `read` is what the
/// first conjuncts gave, where they were read already.
fn conjunction(
    conjuncts: &[Conjunct],
    read: Option<Read>,
    facts: &CheckFacts<'_, '_, '_>,
    own: Option<Own<'_, '_, '_>>,
    units: &UnitTable,
) -> Result<Option<bool>, Slow> {
    if conjuncts.is_empty() {
        return Err(Slow);
    }
    let (mut all_true, rest) = match read {
        None => (true, conjuncts),
        Some((n, all_true)) => (all_true, conjuncts.get(n..).unwrap_or_default()),
    };
    for c in rest {
        match conjunct(c, facts, own, units)? {
            Some(true) => {}
            Some(false) => return Ok(Some(false)),
            None => all_true = false,
        }
    }
    Ok(all_true.then_some(true))
}

/// One conjunct: true, false or absent. Its own function: inlined into the loop over
/// conjuncts, the fields it may read were addressed before every loop, for one or two turns.
#[inline(never)]
fn conjunct(
    conjunct: &Conjunct,
    facts: &CheckFacts<'_, '_, '_>,
    own: Option<Own<'_, '_, '_>>,
    units: &UnitTable,
) -> Result<Option<bool>, Slow> {
    match (conjunct, own) {
        (Conjunct::Expr(e), _) => expression(e, facts, units),
        (guard, Some(own)) => read_guard(guard, own, units).ok_or(Slow),
        (guard, None) => row_guard(guard, facts, units),
    }
}

/// A guard on the checked budget row, by reading its field, as [`quick::eval`] reads the
/// conjunct.
#[inline(never)]
fn row_guard(
    guard: &Conjunct,
    facts: &CheckFacts<'_, '_, '_>,
    units: &UnitTable,
) -> Result<Option<bool>, Slow> {
    let Binding::Row(i) = facts.binding else {
        return Err(Slow);
    };
    let board = facts.board;
    let field = |f| {
        board.report.budget.get(i).map_or(Quick::Absent, |r| {
            quick::row(r, f, &board.policy.budget_unit)
        })
    };
    match guard {
        Conjunct::RowPresent(f) => Ok(Some(!matches!(field(*f), Quick::Absent))),
        Conjunct::RowAgainst(op, f, n, unit) => {
            quick::against(*op, field(*f), Quick::Num(*n, unit), units)
        }
        _ => Err(Slow),
    }
}

/// A conjunct kept as an expression, read in place. Its own function: the guards, most of
/// the conjuncts, are read without the frame evaluating an expression needs.
#[inline(never)]
fn expression(
    e: &CExpr,
    facts: &CheckFacts<'_, '_, '_>,
    units: &UnitTable,
) -> Result<Option<bool>, Slow> {
    match quick::eval(e, facts, units)? {
        Quick::Bool(b) => Ok(Some(b)),
        Quick::Absent => Ok(None),
        _ => Err(Slow),
    }
}

/// A guard on the checked indicator, by reading its fields: true, false or absent (`None`
/// for a conjunct that is not a guard, and for one left to the evaluator). The common guards
/// read a field or two here; the others have functions of their own, which keep this
/// one's frame small.
#[inline(always)]
fn read_guard(
    guard: &Conjunct,
    (s, x): Own<'_, '_, '_>,
    units: &UnitTable,
) -> Option<Option<bool>> {
    Some(match guard {
        Conjunct::Present(f) => Some(quick::present(s, x, *f)),
        Conjunct::Is(f, yes) => quick::truth(s, x, *f).map(|b| b == *yes),
        Conjunct::FormIn(forms) => s.form.map(|f| forms[f as usize]),
        Conjunct::Compare(op, f, g) => compare(s, (*op, *f, *g)),
        Conjunct::OneOf(f, texts) => one_of(s, *f, texts),
        Conjunct::Equal(eq, f, g) => return equal((s, x), (*eq, *f, *g), units),
        Conjunct::Scaled(op, f, g, n, unit) => {
            return scaled((s, x), (*op, *f, *g, *n, unit), units)
        }
        Conjunct::RowPresent(_) | Conjunct::RowAgainst(..) | Conjunct::Expr(_) => return None,
    })
}

/// `indicator.f < indicator.g` or another comparison of plain figures
/// ([`Conjunct::Compare`]), as `Dec` orders them (digits at one scale). Its own function:
/// [`read_guard`], inlined into the guard loops, stays small.
#[inline(never)]
fn compare(
    s: &IndicatorScore<'_>,
    (op, f, g): (BinaryOp, IndicatorField, IndicatorField),
) -> Option<bool> {
    let (a, b) = (quick::plain(s, f)?, quick::plain(s, g)?);
    Some(holds(op, a.cmp(&b)))
}

/// `indicator.f in ("a", "b")` ([`Conjunct::OneOf`]).
#[inline(never)]
fn one_of(s: &IndicatorScore<'_>, f: IndicatorField, texts: &[String]) -> Option<bool> {
    quick::text(s, f).map(|t| texts.iter().any(|x| x == t))
}

/// `indicator.f == indicator.g` or `!=` ([`Conjunct::Equal`]), as [`quick::eval`] reads it.
#[inline(never)]
fn equal(
    (s, x): Own<'_, '_, '_>,
    (eq, f, g): (bool, IndicatorField, IndicatorField),
    units: &UnitTable,
) -> Option<Option<bool>> {
    let (a, b) = (
        quick::indicator(s, x, f).ok()?,
        quick::indicator(s, x, g).ok()?,
    );
    Some(quick::equal(a, b, units).ok()?.map(|same| same == eq))
}

/// `indicator.f >= indicator.g × n` ([`Conjunct::Scaled`]), as [`quick::eval`] reads it.
#[inline(never)]
fn scaled(
    (s, x): Own<'_, '_, '_>,
    (op, f, g, n, unit): (BinaryOp, IndicatorField, IndicatorField, Dec, &Unit),
    units: &UnitTable,
) -> Option<Option<bool>> {
    quick::scaled(s, x, op, (f, g), (n, unit), units).ok()
}

/// Whether a comparison holds of two figures so ordered.
fn holds(op: BinaryOp, ord: Ordering) -> bool {
    match op {
        BinaryOp::Eq => ord.is_eq(),
        BinaryOp::Ne => ord.is_ne(),
        BinaryOp::Lt => ord.is_lt(),
        BinaryOp::Le => ord.is_le(),
        BinaryOp::Gt => ord.is_gt(),
        _ => ord.is_ge(),
    }
}

/// A value read in place, as a message shows it.
fn quick_shown(q: Quick<'_>) -> Shown {
    match q {
        Quick::Num(value, Unit::None) => Shown::Number(value),
        Quick::Num(value, unit) => Shown::Figure(Figure::new(value, unit.clone())),
        Quick::Bool(b) => Shown::Bool(b),
        Quick::Text(t) => Shown::Text(t.into()),
        Quick::Written(v) => Shown::Text(v.text.to_short()),
        Quick::Absent => Shown::Absent,
    }
}

/// A figure of a message over indicators that reads only the checked indicator, as
/// [`quick::eval`] and [`quick_shown`] give it, read from its fields: one of its fields, or
/// the sum or difference of two of its plain figures (`indicator.self_score -
/// indicator.score`), most of the figures findings show. `None` for any other expression,
/// and where the evaluator is needed.
#[inline]
fn own_figure(e: &CExpr, (s, x): Own<'_, '_, '_>) -> Option<Shown> {
    match own_number(e, s) {
        Some(n) => Some(n.map_or(Shown::Absent, Shown::Number)),
        None => match &e.kind {
            CKind::Field(Field::Indicator(f)) => quick::indicator(s, x, *f).ok().map(quick_shown),
            _ => None,
        },
    }
}

/// A figure of [`own_figure`] that is a plain number of the checked indicator, or the sum or
/// difference of two (`Some(None)` when one is absent); `None` for any other.
#[inline]
fn own_number(e: &CExpr, s: &IndicatorScore<'_>) -> Option<Option<Dec>> {
    let plain = |e: &CExpr| match &e.kind {
        CKind::Field(Field::Indicator(f)) => quick::plain_field(s, *f),
        _ => None,
    };
    match &e.kind {
        CKind::Binary(op @ (BinaryOp::Add | BinaryOp::Sub), l, r) => {
            Some(match (plain(l)?, plain(r)?) {
                (Some(a), Some(b)) => Some(match op {
                    BinaryOp::Add => a.checked_add(b).ok()?,
                    _ => a.checked_sub(b).ok()?,
                }),
                _ => None,
            })
        }
        _ => plain(e),
    }
}

/// The figures of a check's messages, each evaluated once, written into the finding that
/// keeps them (`kept`, made as no figures in place): in place where they are few plain
/// numbers of the checked indicator ([`Figures::Numbers`]).
fn write_figures(
    kept: &mut Figures,
    check: &CheckRule,
    facts: &CheckFacts<'_, '_, '_>,
    own: Option<Own<'_, '_, '_>>,
    units: &UnitTable,
) {
    let exprs = &check.figures;
    if let (Some((s, _)), true, Figures::Numbers(len, numbers)) =
        (own, exprs.len() <= Figures::IN_PLACE, &mut *kept)
    {
        *len = exprs.len() as u8;
        let mut read = numbers.iter_mut().zip(exprs);
        if read.all(|(n, e)| own_number(e, s).map(|v| *n = v).is_some()) {
            return;
        }
    }
    let figure = |e| match own.and_then(|own| own_figure(e, own)) {
        Some(shown) => shown,
        None => match quick::eval(e, facts, units) {
            Ok(q) => quick_shown(q),
            Err(Slow) => match expr::eval(e, facts, units) {
                Ok(v) => shown(&v),
                Err(err) => Shown::Failed(calc_failure(&err).0),
            },
        },
    };
    // Gathered where they are kept: a list gathered apart was copied in, with the bytes
    // around it, while it was still being stored.
    *kept = Figures::Shown(Vec::with_capacity(exprs.len()));
    if let Figures::Shown(all) = kept {
        all.extend(exprs.iter().map(figure));
    }
}

/// No figures, kept in place: what [`write_figures`] writes over.
const NO_FIGURES: Figures = Figures::Numbers(0, [None; Figures::IN_PLACE]);

/// The figures of a check's messages, as [`write_figures`] writes them.
#[cfg(test)]
fn figures(
    check: &CheckRule,
    facts: &CheckFacts<'_, '_, '_>,
    own: Option<Own<'_, '_, '_>>,
    units: &UnitTable,
) -> Figures {
    let mut figures = NO_FIGURES;
    write_figures(&mut figures, check, facts, own, units);
    figures
}

/// A value as a message shows it, kept as data.
fn shown(v: &Val<'_>) -> Shown {
    match v {
        Val::Num(n) => Shown::figure(n.figure()),
        Val::Bool(b) => Shown::Bool(*b),
        Val::Text(t) => Shown::Text(t.as_ref().into()),
        Val::Written(v) => Shown::Text(v.text.to_short()),
        Val::List(items) => Shown::List(items.iter().map(shown).collect()),
        Val::Absent => Shown::Absent,
    }
}

/// The finding of a check that fired, pushed where it is kept: the figures its messages
/// show, each evaluated once for both languages. It is kept first, without its subject and
/// figures, which are then written into it: made apart, the finding (216 bytes) was copied
/// into the findings while its parts were still being stored, and copied again before.
#[inline(never)]
fn fired<'a>(
    findings: &mut Vec<Finding<'a>>,
    index: usize,
    check: &'a CheckRule,
    facts: &CheckFacts<'_, '_, 'a>,
    own: Option<Own<'_, '_, 'a>>,
    units: &UnitTable,
) {
    // Made once there is room for it (not pushed, which makes it first and copies it in).
    findings.extend(std::iter::once_with(|| Finding {
        severity: check.severity,
        code: Cow::Borrowed(check.code.as_str()),
        subject: FindingSubject::default(),
        message: FindingMessage::Check {
            check: index,
            figures: NO_FIGURES,
        },
        rule: Some(check.span),
    }));
    if let Some(Finding {
        subject,
        message: FindingMessage::Check { figures, .. },
        ..
    }) = findings.last_mut()
    {
        // the checked indicator is at hand: named without looking it up again
        match own {
            Some((s, _)) => subject.indicator = Some(s.name.clone()),
            None => name(subject, facts),
        }
        write_figures(figures, check, facts, own, units);
    }
}

/// The finding of a check whose condition could not be decided: the expression with its
/// figures, and why.
#[cold]
#[inline(never)]
fn incomplete<'a>(
    check: &'a CheckRule,
    facts: &CheckFacts<'_, '_, 'a>,
    shown: String,
    error: CalcError,
) -> Finding<'a> {
    let engine = EngineFinding::CheckIncomplete {
        check: check.title.clone(),
        shown,
        error,
    };
    Finding {
        severity: check.severity,
        code: Cow::Borrowed(engine.code()),
        subject: subject(facts),
        message: FindingMessage::Engine(engine),
        rule: Some(check.span),
    }
}

/// What a check's finding is about: its binding, named.
fn subject<'a>(facts: &CheckFacts<'_, '_, 'a>) -> FindingSubject<'a> {
    let mut subject = FindingSubject::default();
    name(&mut subject, facts);
    subject
}

/// Names a check's binding in the subject of its finding (`to`, made with none).
#[inline]
fn name<'a>(to: &mut FindingSubject<'a>, facts: &CheckFacts<'_, '_, 'a>) {
    let board = facts.board;
    match facts.binding {
        Binding::Indicator(i) => to.indicator = board.indicators.get(i).map(|s| s.name.clone()),
        Binding::Row(i) => {
            to.budget_row = board
                .report
                .budget
                .get(i)
                .map(|r| Cow::Borrowed(r.item.as_str()))
        }
        Binding::Parent(k) => {
            to.budget_row = board.budget.parents.get(k).map(|p| Cow::Borrowed(p.0))
        }
        Binding::Section(k) => to.section = board.sections.get(k).map(|s| s.name.clone()),
        Binding::Report => {}
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

    use super::super::board::{Binding, Board, CheckFacts};
    use super::super::expr::{self, Val};
    use super::super::quick::{self, Quick};
    use super::generate;
    use super::{conjunction, figures, own_figure, quick_shown, shown, Own, Read};
    use crate::check::expr::CExpr;
    use crate::check::policy::CheckRule;
    use crate::check::units::UnitTable;
    use crate::eval::prepare::calc_failure;
    use crate::report::Report;
    use crate::scorecard::Shown;
    use crate::source::Sources;
    use std::cell::RefCell;

    thread_local! {
        static CHECKED: RefCell<(usize, Vec<String>)> = const { RefCell::new((0, Vec::new())) };
    }

    /// Records whether the quick path, where it answers, gives what the evaluator gives: for
    /// every expression of the check, and for its conditions read as conjuncts.
    pub fn agree_check(
        check: &CheckRule,
        facts: &CheckFacts<'_, '_, '_>,
        own: Option<Own<'_, '_, '_>>,
        read: Option<Read>,
        units: &UnitTable,
    ) {
        if read.is_some() {
            let whole = conjunction(&check.when_conjuncts, None, facts, own, units);
            let rest = conjunction(&check.when_conjuncts, read, facts, own, units);
            record(whole == rest, || {
                format!(
                    "{}: first guards {read:?}, {rest:?} for {whole:?}",
                    check.id
                )
            });
        }
        for e in check
            .when
            .iter()
            .chain(&check.require)
            .chain(&check.figures)
        {
            agree(e, facts, units);
        }
        let kept = figures(check, facts, own, units);
        for (i, e) in check.figures.iter().enumerate() {
            let slow = match quick::eval(e, facts, units) {
                Ok(q) => quick_shown(q),
                Err(_) => match expr::eval(e, facts, units) {
                    Ok(v) => shown(&v),
                    Err(err) => Shown::Failed(calc_failure(&err).0),
                },
            };
            let kept = kept.get(i);
            record(kept.as_deref() == Some(&slow), || {
                format!("figure {e:?} of {} kept as {kept:?} for {slow:?}", check.id)
            });
            let Some(fast) = own.and_then(|own| own_figure(e, own)) else {
                continue;
            };
            record(fast == slow, || {
                format!("figure {e:?} of {}: {fast:?} for {slow:?}", check.id)
            });
        }
        for (e, conjuncts) in [
            (&check.when, &check.when_conjuncts),
            (&check.require, &check.require_conjuncts),
        ] {
            let (Some(e), Ok(q)) = (e, conjunction(conjuncts, None, facts, own, units)) else {
                continue;
            };
            let slow = expr::eval(e, facts, units);
            let same = match (q, &slow) {
                (Some(a), Ok(Val::Bool(b))) => a == *b,
                (None, Ok(Val::Absent)) => true,
                _ => false,
            };
            record(same, || {
                format!("conjuncts of {}: quick {q:?}, slow {slow:?}", check.id)
            });
        }
    }

    /// An indicator stopped by the check's first guards: the evaluator finds its `when`
    /// false too (and the check's expressions agree as everywhere).
    pub fn agree_stopped(check: &CheckRule, board: &Board<'_, '_>, i: usize, own: Own<'_, '_, '_>) {
        let facts = CheckFacts {
            board,
            binding: Binding::Indicator(i),
        };
        let units = &board.policy.units;
        agree_check(check, &facts, Some(own), None, units);
        let slow = check
            .when
            .as_ref()
            .map(|when| expr::eval(when, &facts, units));
        record(matches!(slow, Some(Ok(Val::Bool(false)))), || {
            format!("{} stopped by its first guards, slow {slow:?}", check.id)
        });
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
        policy_of(path, &std::fs::read_to_string(path).ok()?)
    }

    fn policy_of(path: &str, text: &str) -> Option<crate::check::Policy> {
        let mut sources = Sources::new();
        let id = sources.add(path, text);
        let file = crate::syntax::parse(id, text).ok()?;
        crate::check::check(sources, id, &file).ok()
    }

    /// Checks with arithmetic on quotients, in every place a check has expressions, for the
    /// eval fixtures' shared policy: thirds that add up exactly, a rate computed on, a
    /// converted unit. Where the exact ratio changes a decimal (`x ÷ 3 × 3` is x, not
    /// x − 0.00…1), the quick path must change it the same way.
    const QUOTIENT_CHECKS: &str = r#"
check thirds "三分" {
  for each budget row
  when row.budget / 3 * 3 == row.budget or row.executed / row.budget * 100% - row.rate < 1%
  require row.executed / 3 + row.executed / 6 == row.executed / 2
  else warning "{row.budget / 3 * 3} {row.executed / row.budget * 100% - row.rate} {(row.executed + 1) / (row.budget - row.executed) * 100%} {row.executed / 3 + row.executed / 6} {row.executed / 7 * 7 - row.executed} {round(row.executed / 3 * 100%, 1)}"
}
check converted "换算" {
  for each budget row
  require row.budget / 3 * 3 >= 0 and row.executed / 30000 * 3 * 10000 / 1元 >= 0
  else warning "{row.budget / 3万元 * 3} {row.budget / 7 - row.executed / 7} {row.budget / 3 * 2 + row.executed / 3}"
}
check row_guards "行守卫" {
  for each budget row
  when present(row.rate) and row.executed >= 1万元 and row.rate < 100% and row.budget != 0
  require row.item != "合计" and row.points <= 3 and row.self_score == row.points
  else warning "{row.rate}"
}
check points_thirds "分值三分" {
  for each indicator
  when present(indicator.points) and indicator.points / 3 * 3 == indicator.points
  require indicator.score / 7 * 7 - indicator.points / 3 >= 0 - indicator.points
  else warning "{indicator.score / 7 * 7} {indicator.points / 3 * 3 - indicator.points} {indicator.score * 100% / indicator.points}"
}
"#;

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
        let mut policies: Vec<_> = policies.iter().filter_map(|p| policy(p)).collect();
        assert!(policies.len() >= 4);
        let base = std::fs::read_to_string(format!("{eval}/base.pr")).unwrap();
        let quotients = policy_of("quotients.pr", &format!("{base}{QUOTIENT_CHECKS}"));
        policies.push(quotients.expect("the quotient checks check"));
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
