//! Checks read in place: the common expressions of a check's condition evaluated without
//! building a value. A check runs over every indicator of every report, so its conditions
//! are the hottest code of scoring; [`super::expr::eval`] builds a [`Val`] for every node,
//! with its unit, and that was most of the cost of running checks.
//!
//! [`eval`] computes exactly what [`super::expr::eval`] computes, for the expressions it
//! reads: figures are a decimal and a borrowed unit, texts and values as written are
//! borrowed, and nothing is allocated. Whatever it does not read quickly — an error of any
//! kind (its message needs the expression with its figures), a list outside `in`, `min` and
//! `max`, a budget row looked up by name or a sum under a heading — answers [`Slow`], and
//! the caller evaluates the whole expression again by [`super::expr::eval`]. Evaluation has
//! no side effects, so doing it again gives the answer the slow path would have given.

mod exact;
mod rate;

use super::board::{Binding, CheckFacts, IndicatorFacts};
use super::placement::RuleRef;
use super::score::{self, Seen};
use crate::check::expr::{CExpr, CKind, Func};
use crate::check::fields::{
    Field, IndicatorField, ParentField, PolicyField, ReportField, RowField, SectionField,
};
use crate::check::units::{Relation, UnitTable};
use crate::decimal::{Dec, RoundMode, POWERS_OF_TEN};
use crate::report::BudgetRow;
use crate::scorecard::{IndicatorScore, SectionScore};
use crate::syntax::ast::BinaryOp;
use crate::value::{Comparison, Unit, Value, ValueKind};

/// A value read in place: the same values as [`Val`], borrowed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Quick<'x> {
    Num(Dec, &'x Unit),
    Bool(bool),
    Text(&'x str),
    Written(&'x Value<'x>),
    Absent,
}

/// This expression is left to [`super::expr::eval`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Slow;

static NONE: Unit = Unit::None;
static PERCENT: Unit = Unit::Percent;

type Answer<'x> = Result<Quick<'x>, Slow>;

/// Evaluates a check's expression in place, or answers [`Slow`]. A field of the checked
/// indicator or row, and a number, are read here, without entering [`node`]: they are most
/// of the leaves, and most figures a message shows.
#[inline]
pub fn eval<'x>(
    expr: &'x CExpr,
    facts: &'x CheckFacts<'_, '_, '_>,
    units: &UnitTable,
) -> Answer<'x> {
    match (&expr.kind, facts.binding) {
        (CKind::Field(Field::Indicator(f)), Binding::Indicator(i)) => indexed(facts, i, *f),
        (CKind::Field(Field::Row(f)), Binding::Row(i)) => {
            Ok(facts.board.report.budget.get(i).map_or(Quick::Absent, |r| {
                row(r, *f, &facts.board.policy.budget_unit)
            }))
        }
        (CKind::Number(n, unit), _) => Ok(Quick::Num(*n, unit)),
        _ => node(expr, facts, units),
    }
}

/// [`eval`] of any expression.
fn node<'x>(expr: &'x CExpr, facts: &'x CheckFacts<'_, '_, '_>, units: &UnitTable) -> Answer<'x> {
    Ok(match &expr.kind {
        CKind::Number(n, unit) => Quick::Num(*n, unit),
        CKind::Text(t) => Quick::Text(t),
        CKind::Bool(b) => Quick::Bool(*b),
        CKind::Field(field) => read(facts, field)?,
        CKind::Not(e) => match eval(e, facts, units)? {
            Quick::Bool(b) => Quick::Bool(!b),
            _ => Quick::Absent,
        },
        CKind::Neg(e) => match figure(eval(e, facts, units)?) {
            Some((v, unit)) => Quick::Num(Dec::ZERO.checked_sub(v).map_err(|_| Slow)?, unit),
            None => Quick::Absent,
        },
        CKind::Binary(op, l, r) => binary(*op, l, r, facts, units)?,
        CKind::Call(func, args) => call(*func, args, facts, units)?,
        CKind::List(_) => return Err(Slow),
        CKind::If(c, a, b) => match eval(c, facts, units)? {
            Quick::Bool(true) => eval(a, facts, units)?,
            Quick::Bool(false) => eval(b, facts, units)?,
            _ => Quick::Absent,
        },
    })
}

/// The figure of a number, or of a quantity as written (its reading).
fn figure(q: Quick<'_>) -> Option<(Dec, &Unit)> {
    match q {
        Quick::Num(v, u) => Some((v, u)),
        Quick::Written(v) => match &v.kind {
            ValueKind::Quantity(q) => Some(q.reading()),
            _ => None,
        },
        _ => None,
    }
}

fn binary<'x>(
    op: BinaryOp,
    l: &'x CExpr,
    r: &'x CExpr,
    facts: &'x CheckFacts<'_, '_, '_>,
    units: &UnitTable,
) -> Answer<'x> {
    match op {
        BinaryOp::And | BinaryOp::Or => {
            let stop = op == BinaryOp::Or;
            let left = eval(l, facts, units)?;
            if matches!(left, Quick::Bool(b) if b == stop) {
                return Ok(left);
            }
            Ok(match (left, eval(r, facts, units)?) {
                (_, Quick::Bool(b)) if b == stop => Quick::Bool(stop),
                (Quick::Bool(_), Quick::Bool(_)) => Quick::Bool(!stop),
                _ => Quick::Absent,
            })
        }
        BinaryOp::In => {
            let left = eval(l, facts, units)?;
            let CKind::List(items) = &r.kind else {
                return Err(Slow);
            };
            let mut absent = false;
            for item in items {
                match equal(left, eval(item, facts, units)?, units)? {
                    Some(true) => return Ok(Quick::Bool(true)),
                    None => absent = true,
                    Some(false) => {}
                }
            }
            Ok(if absent {
                Quick::Absent
            } else {
                Quick::Bool(false)
            })
        }
        BinaryOp::Eq | BinaryOp::Ne => {
            let (a, b) = (eval(l, facts, units)?, eval(r, facts, units)?);
            Ok(equal(a, b, units)?
                .map_or(Quick::Absent, |eq| Quick::Bool(eq == (op == BinaryOp::Eq))))
        }
        BinaryOp::Lt | BinaryOp::Le | BinaryOp::Gt | BinaryOp::Ge => {
            ordered(op, l, r, facts, units)
        }
        BinaryOp::Add | BinaryOp::Sub | BinaryOp::Mul | BinaryOp::Div => {
            arith(op, l, r, facts, units, true)
        }
    }
}

/// `<`, `<=`, `>`, `>=`. Each kind of operator has a function of its own: a small frame for
/// the nodes that are most of a condition.
#[inline(never)]
fn ordered<'x>(
    op: BinaryOp,
    l: &'x CExpr,
    r: &'x CExpr,
    facts: &'x CheckFacts<'_, '_, '_>,
    units: &UnitTable,
) -> Answer<'x> {
    let (left, right) = (compared(l, facts, units)?, compared(r, facts, units)?);
    Ok(against(op, left, right, units)?.map_or(Quick::Absent, Quick::Bool))
}

/// A comparison (`==`, `!=`, `<`, `<=`, `>`, `>=`) of two values read, as [`binary`] and
/// [`ordered`] decide it: `None` when it is absent.
pub fn against(
    op: BinaryOp,
    a: Quick<'_>,
    b: Quick<'_>,
    units: &UnitTable,
) -> Result<Option<bool>, Slow> {
    if let BinaryOp::Eq | BinaryOp::Ne = op {
        return Ok(equal(a, b, units)?.map(|eq| eq == (op == BinaryOp::Eq)));
    }
    let (Some(a), Some(b)) = (figure(a), figure(b)) else {
        return Ok(None);
    };
    let (x, y) = compare(a, b, units)?;
    let ord = x.cmp(&y);
    Ok(Some(match op {
        BinaryOp::Lt => ord.is_lt(),
        BinaryOp::Le => ord.is_le(),
        BinaryOp::Gt => ord.is_gt(),
        _ => ord.is_ge(),
    }))
}

/// A side of a comparison, which reads only its value: a product or quotient (`target ×
/// 130%`) is left with the places its arithmetic gave it.
fn compared<'x>(e: &'x CExpr, facts: &'x CheckFacts<'_, '_, '_>, units: &UnitTable) -> Answer<'x> {
    match &e.kind {
        CKind::Binary(op @ (BinaryOp::Mul | BinaryOp::Div), l, r) => {
            arith(*op, l, r, facts, units, false)
        }
        _ => eval(e, facts, units),
    }
}

/// `+ − × ÷`. A product or quotient has no places of its own (`0.4517 × 100%` is `45.17%`):
/// normalized, unless only its value is read (`normalize` false).
#[inline(never)]
fn arith<'x>(
    op: BinaryOp,
    l: &'x CExpr,
    r: &'x CExpr,
    facts: &'x CheckFacts<'_, '_, '_>,
    units: &UnitTable,
    normalize: bool,
) -> Answer<'x> {
    // arithmetic on a quotient computes on with its exact ratio (CExpr::quotient)
    if l.quotient || r.quotient {
        return Ok(exact::arith(op, l, r, facts, units)?
            .map_or(Quick::Absent, |n| Quick::Num(n.value, n.unit)));
    }
    let (left, right) = (eval(l, facts, units)?, eval(r, facts, units)?);
    let (Some(a), Some(b)) = (figure(left), figure(right)) else {
        return Ok(Quick::Absent);
    };
    let (v, unit) = match op {
        BinaryOp::Add | BinaryOp::Sub => {
            let (x, y, unit) = align(a, b, units)?;
            let v = if op == BinaryOp::Add {
                x.checked_add(y)
            } else {
                x.checked_sub(y)
            };
            (v.map_err(|_| Slow)?, unit)
        }
        BinaryOp::Mul => product(a, b)?,
        _ => quotient(a, b, units)?,
    };
    let normalized = match op {
        BinaryOp::Mul | BinaryOp::Div if normalize => v.normalized(),
        _ => v,
    };
    Ok(Quick::Num(normalized, unit))
}

/// [`UnitTable::relate`], told at once of two figures that carry the same unit, not only
/// an equal one (two amounts of the budget table, in the policy's budget unit): named units
/// are otherwise compared by their names.
#[inline]
fn relate(a: &Unit, b: &Unit, units: &UnitTable) -> Relation {
    if std::ptr::eq(a, b) {
        Relation::Same
    } else {
        units.relate(a, b)
    }
}

/// [`super::quantity::compare`], or [`Slow`] for units that do not compare.
fn compare(a: (Dec, &Unit), b: (Dec, &Unit), units: &UnitTable) -> Result<(Dec, Dec), Slow> {
    match relate(a.1, b.1, units) {
        Relation::Same | Relation::Compatible(..) => Ok((a.0, b.0)),
        Relation::Convert(factor) => Ok((a.0, b.0.checked_mul(factor).map_err(|_| Slow)?)),
        Relation::Mismatch => Err(Slow),
    }
}

/// [`super::quantity::align`]: both in the first's unit (a bare number takes the other's).
fn align<'u>(
    a: (Dec, &'u Unit),
    b: (Dec, &'u Unit),
    units: &UnitTable,
) -> Result<(Dec, Dec, &'u Unit), Slow> {
    let unit = if *a.1 == Unit::None { b.1 } else { a.1 };
    let (x, y) = compare(a, b, units)?;
    Ok((x, y, unit))
}

/// [`super::quantity::mul`] before normalizing.
fn product<'u>(a: (Dec, &'u Unit), b: (Dec, &'u Unit)) -> Result<(Dec, &'u Unit), Slow> {
    let product = a.0.checked_mul(b.0).map_err(|_| Slow)?;
    let (unit, per_cent) = product_unit(a.1, b.1)?;
    Ok((
        if per_cent {
            product.hundredth().map_err(|_| Slow)?
        } else {
            product
        },
        unit,
    ))
}

/// The unit of a product, and whether it is a hundredth of the product of the figures (a
/// percent times a percent or a named unit).
fn product_unit<'u>(a: &'u Unit, b: &'u Unit) -> Result<(&'u Unit, bool), Slow> {
    Ok(match (a, b) {
        (Unit::None, u) | (u, Unit::None) => (u, false),
        (Unit::Percent, Unit::Percent) => (&PERCENT, true),
        (Unit::Percent, u @ Unit::Named(_)) | (u @ Unit::Named(_), Unit::Percent) => (u, true),
        (Unit::Named(_), Unit::Named(_)) => return Err(Slow),
    })
}

/// [`super::quantity::div`] before normalizing.
fn quotient<'u>(
    a: (Dec, &'u Unit),
    b: (Dec, &'u Unit),
    units: &UnitTable,
) -> Result<(Dec, &'u Unit), Slow> {
    let div = |x: Dec, y: Dec| x.checked_div(y).map_err(|_| Slow);
    let hundredfold = |v: Dec| v.checked_mul(Dec::HUNDRED).map_err(|_| Slow);
    Ok(match (a.1, b.1) {
        (u, Unit::None) => (div(a.0, b.0)?, u),
        (Unit::None, Unit::Percent) => (div(hundredfold(a.0)?, b.0)?, &NONE),
        (Unit::Percent, Unit::Percent) => (div(a.0, b.0)?, &NONE),
        (u @ Unit::Named(_), Unit::Percent) => (div(hundredfold(a.0)?, b.0)?, u),
        (Unit::Named(_), Unit::Named(_)) => {
            let (x, y, _) = align(a, b, units)?;
            (div(x, y)?, &NONE)
        }
        _ => return Err(Slow),
    })
}

/// [`super::expr`]'s equality, in place.
pub fn equal(a: Quick<'_>, b: Quick<'_>, units: &UnitTable) -> Result<Option<bool>, Slow> {
    Ok(Some(match (a, b) {
        (Quick::Absent, _) | (_, Quick::Absent) => return Ok(None),
        (Quick::Written(x), Quick::Written(y)) => x.same_target_as(y),
        (Quick::Written(w), Quick::Num(v, u)) | (Quick::Num(v, u), Quick::Written(w)) => {
            match &w.kind {
                ValueKind::Quantity(q)
                    if matches!(q.comparison, None | Some(Comparison::Equal)) =>
                {
                    let (x, y) = compare((v, u), q.reading(), units)?;
                    x.cmp(&y).is_eq()
                }
                _ => false,
            }
        }
        (Quick::Num(x, xu), Quick::Num(y, yu)) => {
            let (x, y) = compare((x, xu), (y, yu), units)?;
            x.cmp(&y).is_eq()
        }
        (Quick::Text(t), Quick::Written(w)) | (Quick::Written(w), Quick::Text(t)) => *t == *w.text,
        (x, y) => x == y,
    }))
}

fn call<'x>(
    func: Func,
    args: &'x [CExpr],
    facts: &'x CheckFacts<'_, '_, '_>,
    units: &UnitTable,
) -> Answer<'x> {
    if func == Func::Present {
        return Ok(Quick::Bool(match args.first() {
            Some(arg) => !matches!(eval(arg, facts, units)?, Quick::Absent),
            None => false,
        }));
    }
    if matches!(func, Func::Min | Func::Max) {
        return Err(Slow);
    }
    if let (Func::Round(places, RoundMode::HalfUp), [rate, _]) = (func, args) {
        if let Some(rounded) = rounded_rate(rate, places, facts, units)? {
            return Ok(Quick::Num(rounded, &PERCENT));
        }
    }
    let mut first = None;
    let mut second = None;
    for (i, arg) in args.iter().enumerate() {
        let Some(n) = figure(eval(arg, facts, units)?) else {
            return Ok(Quick::Absent);
        };
        match i {
            0 => first = Some(n),
            1 => second = Some(n),
            _ => {}
        }
    }
    let Some((v, unit)) = first else {
        return Ok(Quick::Absent);
    };
    Ok(Quick::Num(
        match func {
            Func::Round(places, mode) => v.round(places, mode),
            // INVARIANT: the checker gives round_like exactly two arguments.
            Func::RoundLike => v.round(second.map_or(0, |(w, _)| w.scale()), RoundMode::HalfUp),
            Func::Abs => v.abs(),
            _ => return Err(Slow),
        },
        unit,
    ))
}

/// `a ÷ b × 100%` rounded half up to `places` ([`rate::rounded_rate`]), when the two
/// figures are read and their units divide to a bare number; `None` for anything else, and
/// where that does not decide it.
fn rounded_rate(
    e: &CExpr,
    places: u32,
    facts: &CheckFacts<'_, '_, '_>,
    units: &UnitTable,
) -> Result<Option<Dec>, Slow> {
    let CKind::Binary(BinaryOp::Mul, quotient, hundred) = &e.kind else {
        return Ok(None);
    };
    let (CKind::Binary(BinaryOp::Div, a, b), CKind::Number(n, Unit::Percent)) =
        (&quotient.kind, &hundred.kind)
    else {
        return Ok(None);
    };
    if a.quotient || b.quotient || n.cmp(&Dec::HUNDRED).is_ne() {
        return Ok(None);
    }
    let (Some((x, xu)), Some((y, yu))) = (
        figure(eval(a, facts, units)?),
        figure(eval(b, facts, units)?),
    ) else {
        return Ok(None);
    };
    let bare = match (xu, yu) {
        (Unit::None, Unit::None) | (Unit::Percent, Unit::Percent) => true,
        (Unit::Named(_), Unit::Named(_)) => matches!(
            relate(xu, yu, units),
            Relation::Same | Relation::Compatible(..)
        ),
        _ => false,
    };
    Ok(bare.then(|| rate::rounded_rate(x, y, places)).flatten())
}

/// A field of the board, in place ([`CheckFacts`]'s `field`).
fn read<'x>(facts: &'x CheckFacts<'_, '_, '_>, field: &Field) -> Answer<'x> {
    let b = facts.board;
    let money = &b.policy.budget_unit;
    Ok(match (field, facts.binding) {
        (Field::Indicator(f), Binding::Indicator(i)) => indexed(facts, i, *f)?,
        (Field::Named(id, f), _) => {
            match b.facts.iter().position(|x| x.rule == RuleRef::Named(*id)) {
                Some(i) => indexed(facts, i, *f)?,
                None => Quick::Absent,
            }
        }
        (Field::Execution(f), _) => match b.execution {
            Some((s, x)) => indicator(s, x, *f)?,
            None => Quick::Absent,
        },
        (Field::BudgetUnder(..) | Field::BudgetItem(..), _) => return Err(Slow),
        (Field::NamedSection(id, f), _) => section(b.sections.get(id.0), *f),
        (Field::Row(f), Binding::Row(i)) => b
            .report
            .budget
            .get(i)
            .map_or(Quick::Absent, |r| row(r, *f, money)),
        (Field::BudgetTotal(f), _) => b
            .budget
            .total
            .and_then(|i| b.report.budget.get(i))
            .map_or(Quick::Absent, |r| row(r, *f, money)),
        (Field::Parent(f), Binding::Parent(k)) => match b.budget.parents.get(k) {
            Some((name, rows)) => {
                let sum = |pick: fn(&BudgetRow) -> Dec| {
                    Dec::sum(
                        rows.iter()
                            .filter_map(|&i| b.report.budget.get(i))
                            .map(pick),
                    )
                    .map(|total| Quick::Num(total, money))
                    .map_err(|_| Slow)
                };
                match f {
                    ParentField::Name => Quick::Text(name),
                    ParentField::Budget => sum(|r| r.budget.value)?,
                    ParentField::Executed => sum(|r| r.executed.value)?,
                    ParentField::Rows => Quick::Num(Dec::from_int(rows.len() as i64), &NONE),
                }
            }
            None => Quick::Absent,
        },
        (Field::Section(f), Binding::Section(k)) => section(b.sections.get(k), *f),
        (Field::Report(f), _) => {
            let t = b.totals;
            let report = b.report;
            let text = |t: &'x Option<String>| t.as_deref().map_or(Quick::Absent, Quick::Text);
            match f {
                ReportField::RawTotal => Quick::Num(t.raw, &NONE),
                ReportField::MaxPoints => Quick::Num(t.max, &NONE),
                ReportField::Total => Quick::Num(t.total, &NONE),
                ReportField::Grade => Quick::Text(t.grade),
                ReportField::Unit => Quick::Text(&report.unit),
                ReportField::Year => Quick::Num(Dec::from_int(i64::from(report.year)), &NONE),
                ReportField::Kind => text(&report.kind),
                ReportField::Project => text(&report.project),
                ReportField::SelfTotal => report
                    .self_total
                    .as_ref()
                    .map_or(Quick::Absent, |a| Quick::Num(a.value, &NONE)),
            }
        }
        (Field::Policy(PolicyField::Name), _) => Quick::Text(b.policy.name()),
        (Field::Policy(PolicyField::FullMarks), _) => Quick::Num(b.policy.full_marks(), &NONE),
        _ => Quick::Absent,
    })
}

fn indexed<'x>(facts: &'x CheckFacts<'_, '_, '_>, i: usize, field: IndicatorField) -> Answer<'x> {
    match (facts.board.indicators.get(i), facts.board.facts.get(i)) {
        (Some(s), Some(x)) => indicator(s, x, field),
        _ => Ok(Quick::Absent),
    }
}

fn section<'x>(s: Option<&'x SectionScore<'_>>, field: SectionField) -> Quick<'x> {
    let Some(s) = s else {
        return Quick::Absent;
    };
    let num = |d: Dec| Quick::Num(d, &NONE);
    match field {
        SectionField::Name => Quick::Text(&s.name),
        SectionField::Indicators => num(Dec::from_int(s.indicators as i64)),
        SectionField::Points => num(s.points),
        SectionField::Expected => s.expected_points.map_or(Quick::Absent, num),
        SectionField::Score => num(s.score),
        SectionField::Lost => num(s.lost),
    }
}

/// A field of a budget row, in place.
pub fn row<'x>(row: &'x BudgetRow, field: RowField, money: &'x Unit) -> Quick<'x> {
    let amount = |a: &'x Option<crate::report::Amount>, unit: &'x Unit| {
        a.as_ref()
            .map_or(Quick::Absent, |a| Quick::Num(a.value, unit))
    };
    match field {
        RowField::Item => Quick::Text(&row.item),
        RowField::Parent => row.parent.as_deref().map_or(Quick::Absent, Quick::Text),
        RowField::Budget => Quick::Num(row.budget.value, money),
        RowField::Executed => Quick::Num(row.executed.value, money),
        RowField::Rate => amount(&row.rate, &PERCENT),
        RowField::Points => amount(&row.points, &NONE),
        RowField::SelfScore => amount(&row.self_score, &NONE),
    }
}

/// A field of a scored indicator (or of the execution item), as [`super::board`] reads it.
pub fn indicator<'x>(
    s: &'x IndicatorScore<'_>,
    x: &'x IndicatorFacts<'_>,
    field: IndicatorField,
) -> Answer<'x> {
    let num = |d: Option<Dec>| d.map_or(Quick::Absent, |d| Quick::Num(d, &NONE));
    let written = |v: Option<&'x Value>| {
        v.filter(|v| !v.is_blank())
            .map_or(Quick::Absent, Quick::Written)
    };
    let text = |t: &'x Option<std::borrow::Cow<'_, str>>| {
        t.as_deref()
            .filter(|t| !crate::value::is_blank_text(t))
            .map_or(Quick::Absent, Quick::Text)
    };
    use IndicatorField::*;
    Ok(match field {
        Name => Quick::Text(&s.name),
        Section => text(&s.section),
        Group => text(&s.group),
        Points => num(s.points),
        Score => num(s.score),
        Lost => num(s.lost),
        SelfScore => num(s.self_score),
        Reason => text(&s.reason),
        Target => written(x.target),
        Actual => match x.actual {
            // a derived actual that is an exact ratio: the general evaluator computes with it
            Seen::Read(score::Actual::Figure(n)) if n.exact.is_some() => return Err(Slow),
            Seen::Read(score::Actual::Figure(n)) => Quick::Num(n.value, &n.unit),
            Seen::Read(score::Actual::Written(v)) => Quick::Written(v),
            Seen::InUnit(value, unit) => Quick::Num(value, unit),
            Seen::Absent => Quick::Absent,
        },
        TargetWritten => written(x.target_written),
        ActualWritten => written(x.actual_written),
        Form => s.form.map_or(Quick::Absent, |f| Quick::Text(f.keyword())),
        Method => s.method.map_or(Quick::Absent, Quick::Text),
        ActualClaimed => {
            Quick::Bool(x.actual_written.is_some_and(Value::is_claimed_bound) && !s.actual_derived)
        }
        ActualDerived => Quick::Bool(s.actual_derived),
        TargetFixed => Quick::Bool(s.target_fixed),
    })
}

/// Whether a field of a scored indicator has a value (`present(indicator.f)`): what
/// [`indicator`] reads, without building it.
pub fn present(s: &IndicatorScore<'_>, x: &IndicatorFacts<'_>, field: IndicatorField) -> bool {
    let written = |v: Option<&Value>| v.is_some_and(|v| !v.is_blank());
    let text = |t: &Option<std::borrow::Cow<'_, str>>| {
        t.as_deref()
            .is_some_and(|t| !crate::value::is_blank_text(t))
    };
    use IndicatorField::*;
    match field {
        Name | ActualClaimed | ActualDerived | TargetFixed => true,
        Section => text(&s.section),
        Group => text(&s.group),
        Points => s.points.is_some(),
        Score => s.score.is_some(),
        Lost => s.lost.is_some(),
        SelfScore => s.self_score.is_some(),
        Reason => text(&s.reason),
        Target => written(x.target),
        Actual => !matches!(x.actual, Seen::Absent),
        TargetWritten => written(x.target_written),
        ActualWritten => written(x.actual_written),
        Form => s.form.is_some(),
        Method => s.method.is_some(),
    }
}

/// A truth field of a scored indicator, as [`indicator`] reads it (`None` for any other).
pub fn truth(
    s: &IndicatorScore<'_>,
    x: &IndicatorFacts<'_>,
    field: IndicatorField,
) -> Option<bool> {
    Some(match field {
        IndicatorField::ActualClaimed => {
            x.actual_written.is_some_and(Value::is_claimed_bound) && !s.actual_derived
        }
        IndicatorField::ActualDerived => s.actual_derived,
        IndicatorField::TargetFixed => s.target_fixed,
        _ => return None,
    })
}

/// A text field of a scored indicator, as [`indicator`] reads it (`None` when absent, and
/// for a field that is not text).
pub fn text<'x>(s: &'x IndicatorScore<'_>, field: IndicatorField) -> Option<&'x str> {
    let text = |t: &'x Option<std::borrow::Cow<'_, str>>| {
        t.as_deref().filter(|t| !crate::value::is_blank_text(t))
    };
    match field {
        IndicatorField::Name => Some(&s.name),
        IndicatorField::Section => text(&s.section),
        IndicatorField::Group => text(&s.group),
        IndicatorField::Reason => text(&s.reason),
        IndicatorField::Form => s.form.map(|f| f.keyword()),
        IndicatorField::Method => s.method,
        _ => None,
    }
}

/// `indicator.f op indicator.g × n` (`Conjunct::Scaled`), as [`ordered`] computes it: the
/// product before the order (it may answer [`Slow`] whatever the other side), `None` when a
/// side is absent.
pub fn scaled(
    s: &IndicatorScore<'_>,
    x: &IndicatorFacts<'_>,
    op: BinaryOp,
    (f, g): (IndicatorField, IndicatorField),
    factor: (Dec, &Unit),
    units: &UnitTable,
) -> Result<Option<bool>, Slow> {
    let a = figure_field(s, x, f)?;
    let Some(b) = figure_field(s, x, g)? else {
        return Ok(None);
    };
    let (unit, per_cent) = product_unit(b.1, factor.1)?;
    let exact = a.and_then(|a| match relate(a.1, unit, units) {
        Relation::Same | Relation::Compatible(..) => order_product(a.0, (b.0, factor.0), per_cent),
        _ => None,
    });
    let ord = match exact {
        Some(ord) => ord,
        None => {
            let product = product(b, factor)?;
            let Some(a) = a else {
                return Ok(None);
            };
            let (x, y) = compare(a, product, units)?;
            x.cmp(&y)
        }
    };
    Ok(Some(match op {
        BinaryOp::Lt => ord.is_lt(),
        BinaryOp::Le => ord.is_le(),
        BinaryOp::Gt => ord.is_gt(),
        _ => ord.is_ge(),
    }))
}

/// The figure of a field of a scored indicator, as `figure(indicator(s, x, field)?)` reads
/// it, without building its value: `None` where it has none.
#[inline(always)]
fn figure_field<'x>(
    s: &'x IndicatorScore<'_>,
    x: &'x IndicatorFacts<'_>,
    field: IndicatorField,
) -> Result<Option<(Dec, &'x Unit)>, Slow> {
    let quantity = |v: Option<&'x Value>| match v.map(|v| &v.kind) {
        Some(ValueKind::Quantity(q)) => Some(q.reading()),
        _ => None,
    };
    Ok(match field {
        IndicatorField::Actual => match x.actual {
            Seen::Read(score::Actual::Figure(n)) if n.exact.is_some() => return Err(Slow),
            Seen::Read(score::Actual::Figure(n)) => Some((n.value, &n.unit)),
            Seen::Read(score::Actual::Written(v)) => quantity(Some(v)),
            Seen::InUnit(value, unit) => Some((value, unit)),
            Seen::Absent => None,
        },
        IndicatorField::Target => quantity(x.target),
        IndicatorField::TargetWritten => quantity(x.target_written),
        IndicatorField::ActualWritten => quantity(x.actual_written),
        _ => plain(s, field).map(|v| (v, &NONE)),
    })
}

/// The order of `a` against the product `b × n` (a hundredth of it when `per_cent`), as
/// decimals order it, of the decimal [`product`] computes, where that decimal is the exact
/// product (its digits fit, at 28 places or fewer); `None` elsewhere. Whole numbers in
/// place of two decimal multiplications.
fn order_product(a: Dec, (b, n): (Dec, Dec), per_cent: bool) -> Option<std::cmp::Ordering> {
    let ((x, s), (y, t), (m, u)) = (a.to_parts(), b.to_parts(), n.to_parts());
    let scale = t + u + if per_cent { 2 } else { 0 };
    // digits of 63 bits or fewer (most figures) multiply without overflow in 128 bits
    let small = |v: i128| v.unsigned_abs() < 1 << 63;
    let digits = if small(y) && small(m) {
        y * m
    } else {
        y.checked_mul(m)?
    };
    if scale > 28 || digits.unsigned_abs() >= 1 << 96 {
        return None;
    }
    let up = |v: i128, places: u32| {
        let ten = POWERS_OF_TEN.get(places as usize)?;
        // below 2⁹⁶ times 10⁹ or less: below 2¹²⁶
        if places <= 9 && v.unsigned_abs() < 1 << 96 {
            Some(v * ten)
        } else {
            v.checked_mul(*ten)
        }
    };
    Some(if s <= scale {
        up(x, scale - s)?.cmp(&digits)
    } else {
        x.cmp(&up(digits, s - scale)?)
    })
}

/// A plain figure of a scored indicator, as [`indicator`] reads it (`Some(None)` when
/// absent; `None` for a field that is not a plain figure).
#[inline]
pub fn plain_field(s: &IndicatorScore<'_>, field: IndicatorField) -> Option<Option<Dec>> {
    Some(match field {
        IndicatorField::Points => s.points,
        IndicatorField::Score => s.score,
        IndicatorField::Lost => s.lost,
        IndicatorField::SelfScore => s.self_score,
        _ => return None,
    })
}

/// A plain figure of a scored indicator, as [`indicator`] reads it (`None` when absent,
/// and for a field that is not a plain figure).
pub fn plain(s: &IndicatorScore<'_>, field: IndicatorField) -> Option<Dec> {
    plain_field(s, field).flatten()
}

#[cfg(test)]
mod tests {
    use super::{order_product, product, NONE, PERCENT};
    use crate::decimal::Dec;

    #[test]
    fn a_product_is_ordered_as_its_decimal_is() {
        let texts = [
            "0",
            "1",
            "1.30",
            "130",
            "-2.5",
            "0.001",
            "7255205.14",
            "99.99",
            "1.3",
            "79228162514264337593543950335",
            "0.0000000000000000000000000001",
            "910",
            "700",
            "12345678901234567890.12345678",
            "45.17",
            "3",
        ];
        let all: Vec<Dec> = texts.iter().map(|t| t.parse().unwrap()).collect();
        let mut decided = 0;
        for a in &all {
            for b in &all {
                for n in &all {
                    for (unit, per_cent) in [(&NONE, false), (&PERCENT, true)] {
                        let Some(fast) = order_product(*a, (*b, *n), per_cent) else {
                            continue;
                        };
                        decided += 1;
                        let (p, _) = product((*b, &PERCENT), (*n, unit)).unwrap();
                        assert_eq!(fast, a.cmp(&p), "{a:?} against {b:?} × {n:?} {unit:?}");
                    }
                }
            }
        }
        assert!(decided > 4000, "only {decided}");
    }
}
