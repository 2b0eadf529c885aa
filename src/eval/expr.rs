//! Evaluating checked expressions against a report.
//!
//! A figure the report does not give is [`Val::Absent`]. Arithmetic and comparisons with an
//! absent figure are absent; `false and …` is false and `true or …` is true whatever the
//! other side; `present(x)` says whether x is there. A `when` that is absent does not hold;
//! a `require` that is absent cannot be decided and is reported (crate::eval::checks).

use super::quantity::{self, Num, NumError};
use crate::check::expr::{CExpr, CKind, Func};
use crate::check::fields::Field;
use crate::check::units::UnitTable;
use crate::decimal::Dec;
use crate::source::Span;
use crate::syntax::ast::BinaryOp;
use crate::value::{Comparison, Unit, Value, ValueKind};
use std::borrow::Cow;
use std::cmp::Ordering;
use std::fmt::Write;

/// A value at run time. Text and values as written are borrowed from the report, the
/// scorecard or the rule file where they can be: a check reads every indicator, and
/// copying each name and value it looks at was most of the cost of running checks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Val<'a> {
    Num(Num),
    Bool(bool),
    Text(Cow<'a, str>),
    /// A target or actual as written.
    Written(&'a Value<'a>),
    List(Vec<Val<'a>>),
    Absent,
}

/// Why an expression has no value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExprError {
    pub span: Span,
    pub kind: NumError,
    /// The expression as written, with its figures: `1 ÷ 0`.
    pub shown: String,
}

/// What an expression can read.
pub trait Facts {
    fn field(&self, field: &Field) -> Result<Val<'_>, NumError>;
}

impl Val<'_> {
    /// The figure and its unit, borrowed, when this is a number or a quantity as written
    /// (the comparison of a claimed bound is dropped: `>=85%` reads as 85%).
    fn figure(&self) -> Option<(Dec, &Unit)> {
        match self {
            Val::Num(n) => Some((n.value, &n.unit)),
            Val::Written(v) => match &v.kind {
                ValueKind::Quantity(q) => Some(q.reading()),
                _ => None,
            },
            _ => None,
        }
    }

    /// The figure, as a number of its own (with its exact ratio, when it has one).
    fn num(&self) -> Option<Num> {
        match self {
            Val::Num(n) => Some(n.clone()),
            _ => self.figure().map(|(v, u)| Num::new(v, u.clone())),
        }
    }

    /// A view of this value that borrows from it.
    pub fn borrowed(&self) -> Val<'_> {
        match self {
            Val::Num(n) => Val::Num(n.clone()),
            Val::Bool(b) => Val::Bool(*b),
            Val::Text(t) => Val::Text(Cow::Borrowed(t.as_ref())),
            Val::Written(v) => Val::Written(v),
            Val::List(items) => Val::List(items.iter().map(Val::borrowed).collect()),
            Val::Absent => Val::Absent,
        }
    }

    /// For messages: a figure with its unit (cut and marked `…` when long), text as is.
    pub fn show(&self) -> String {
        let mut out = String::new();
        self.show_into(&mut out);
        out
    }

    /// [`Val::show`], appended to `out`.
    pub fn show_into(&self, out: &mut String) {
        match self {
            Val::Num(n) => figure_into(n.value, &n.unit, out),
            Val::Bool(b) => {
                let _ = write!(out, "{b}");
            }
            Val::Text(t) => out.push_str(t),
            Val::Written(v) => out.push_str(&v.text),
            Val::List(items) => {
                out.push('(');
                separated(items, out, Val::show_into);
                out.push(')');
            }
            Val::Absent => out.push('—'),
        }
    }
}

/// A figure as a working shows it (`85.50…%`, [`Dec::approx`] and its unit), appended to
/// `out`.
pub fn figure_into(value: Dec, unit: &Unit, out: &mut String) {
    value.approx_into(out);
    out.push_str(unit.as_str());
}

/// Evaluates an expression.
pub fn eval<'a>(
    expr: &'a CExpr,
    facts: &'a dyn Facts,
    units: &UnitTable,
) -> Result<Val<'a>, ExprError> {
    let fail = |kind: NumError| ExprError {
        span: expr.span,
        kind,
        shown: show(expr, facts, units),
    };
    Ok(match &expr.kind {
        CKind::Number(n, unit) => Val::Num(Num::new(*n, unit.clone())),
        CKind::Text(t) => Val::Text(Cow::Borrowed(t)),
        CKind::Bool(b) => Val::Bool(*b),
        CKind::Field(field) => facts.field(field).map_err(fail)?,
        CKind::Not(e) => match eval(e, facts, units)? {
            Val::Bool(b) => Val::Bool(!b),
            _ => Val::Absent,
        },
        CKind::Neg(e) => match eval(e, facts, units)?.num() {
            Some(n) => Val::Num(n.negated().map_err(|e| fail(e.into()))?),
            None => Val::Absent,
        },
        CKind::Binary(op, l, r) => binary(*op, l, r, facts, units).map_err(fail)?,
        CKind::Call(func, args) => call(*func, args, facts, units).map_err(fail)?,
        CKind::List(items) => Val::List(
            items
                .iter()
                .map(|i| eval(i, facts, units))
                .collect::<Result<_, _>>()?,
        ),
        CKind::If(c, a, b) => match eval(c, facts, units)? {
            Val::Bool(true) => eval(a, facts, units)?,
            Val::Bool(false) => eval(b, facts, units)?,
            _ => Val::Absent,
        },
    })
}

fn binary<'a>(
    op: BinaryOp,
    l: &'a CExpr,
    r: &'a CExpr,
    facts: &'a dyn Facts,
    units: &UnitTable,
) -> Result<Val<'a>, NumError> {
    let sub = |e: &'a CExpr| eval(e, facts, units).map_err(|e| e.kind);
    match op {
        BinaryOp::And | BinaryOp::Or => {
            let stop = op == BinaryOp::Or;
            let left = sub(l)?;
            if matches!(left, Val::Bool(b) if b == stop) {
                return Ok(left);
            }
            let right = sub(r)?;
            Ok(match (left, right) {
                (_, Val::Bool(b)) if b == stop => Val::Bool(stop),
                (Val::Bool(_), Val::Bool(_)) => Val::Bool(!stop),
                _ => Val::Absent,
            })
        }
        BinaryOp::In => {
            let left = sub(l)?;
            // A list written in the rule file is read item by item, without collecting it.
            let mut absent = false;
            let mut seen = |item: &Val<'_>| -> Result<bool, NumError> {
                match equal(&left, item, units)? {
                    Some(true) => return Ok(true),
                    None => absent = true,
                    Some(false) => {}
                }
                Ok(false)
            };
            let found = match &r.kind {
                CKind::List(items) => {
                    let mut found = false;
                    for item in items {
                        if seen(&sub(item)?)? {
                            found = true;
                            break;
                        }
                    }
                    found
                }
                _ => match sub(r)? {
                    Val::List(items) => {
                        let mut found = false;
                        for item in &items {
                            if seen(item)? {
                                found = true;
                                break;
                            }
                        }
                        found
                    }
                    _ => return Ok(Val::Absent),
                },
            };
            Ok(if found {
                Val::Bool(true)
            } else if absent {
                Val::Absent
            } else {
                Val::Bool(false)
            })
        }
        BinaryOp::Eq | BinaryOp::Ne => {
            let eq = equal(&sub(l)?, &sub(r)?, units)?;
            Ok(eq.map_or(Val::Absent, |eq| Val::Bool(eq == (op == BinaryOp::Eq))))
        }
        BinaryOp::Lt | BinaryOp::Le | BinaryOp::Gt | BinaryOp::Ge => {
            let (left, right) = (sub(l)?, sub(r)?);
            let (Some(a), Some(b)) = (left.figure(), right.figure()) else {
                return Ok(Val::Absent);
            };
            let (x, y) = quantity::compare(a, b, units)?;
            let ord = x.cmp(&y);
            Ok(Val::Bool(match op {
                BinaryOp::Lt => ord == Ordering::Less,
                BinaryOp::Le => ord != Ordering::Greater,
                BinaryOp::Gt => ord == Ordering::Greater,
                _ => ord != Ordering::Less,
            }))
        }
        BinaryOp::Add | BinaryOp::Sub | BinaryOp::Mul | BinaryOp::Div => {
            let (Some(a), Some(b)) = (sub(l)?.num(), sub(r)?.num()) else {
                return Ok(Val::Absent);
            };
            Ok(Val::Num(match op {
                BinaryOp::Add => quantity::add(&a, &b, units)?,
                BinaryOp::Sub => quantity::sub(&a, &b, units)?,
                BinaryOp::Mul => quantity::mul(&a, &b)?,
                _ => quantity::div(&a, &b, units)?,
            }))
        }
    }
}

/// Equality: figures by value (in one unit), targets and actuals by meaning
/// ([`Value::same_target_as`]), a written quantity against a figure by its number.
fn equal(a: &Val<'_>, b: &Val<'_>, units: &UnitTable) -> Result<Option<bool>, NumError> {
    Ok(Some(match (a, b) {
        (Val::Absent, _) | (_, Val::Absent) => return Ok(None),
        (Val::Written(x), Val::Written(y)) => x.same_target_as(y),
        (Val::Written(w), Val::Num(n)) | (Val::Num(n), Val::Written(w)) => match &w.kind {
            ValueKind::Quantity(q) if matches!(q.comparison, None | Some(Comparison::Equal)) => {
                let (x, y) = quantity::compare((n.value, &n.unit), q.reading(), units)?;
                x == y
            }
            _ => false,
        },
        (Val::Num(x), Val::Num(y)) => {
            let (x, y) = quantity::compare((x.value, &x.unit), (y.value, &y.unit), units)?;
            x == y
        }
        (Val::Text(t), Val::Written(w)) | (Val::Written(w), Val::Text(t)) => *t == *w.text,
        (x, y) => x == y,
    }))
}

fn call<'a>(
    func: Func,
    args: &'a [CExpr],
    facts: &'a dyn Facts,
    units: &UnitTable,
) -> Result<Val<'a>, NumError> {
    let sub = |e: &'a CExpr| eval(e, facts, units).map_err(|e| e.kind);
    if func == Func::Present {
        return Ok(Val::Bool(match args.first() {
            Some(arg) => !matches!(sub(arg)?, Val::Absent),
            None => false,
        }));
    }
    // Every argument is read (an error in any is the call's error), then any that is not a
    // number makes the call absent; no list of arguments is built.
    let mut first: Option<Num> = None;
    let mut second: Option<Num> = None;
    let mut absent = false;
    for (i, arg) in args.iter().enumerate() {
        let Some(n) = sub(arg)?.num() else {
            absent = true;
            break;
        };
        match i {
            0 => first = Some(n),
            1 => second = Some(n),
            _ => {}
        }
    }
    let Some(first) = first.filter(|_| !absent) else {
        return Ok(Val::Absent);
    };
    Ok(Val::Num(match func {
        Func::Round(places, mode) => Num::new(first.value.round(places, mode), first.unit),
        Func::RoundLike => {
            // INVARIANT: the checker gives round_like exactly two arguments.
            let places = second.map_or(0, |written| written.value.scale());
            Num::new(
                first.value.round(places, crate::decimal::RoundMode::HalfUp),
                first.unit,
            )
        }
        Func::Abs if first.value.is_negative() => first.negated()?,
        Func::Abs => first,
        Func::Min | Func::Max => {
            let mut best = first;
            for arg in &args[1..] {
                // INVARIANT: every argument was read as a number above.
                let Some(n) = sub(arg)?.num() else {
                    return Ok(Val::Absent);
                };
                let (x, y, unit, _) = quantity::align(&best, &n, units)?;
                let pick_new = if func == Func::Min { y < x } else { y > x };
                // the one picked, with its exact ratio when no unit was converted
                let (picked, value) = if pick_new { (&n, y) } else { (&best, x) };
                best = if picked.unit == unit {
                    picked.clone()
                } else {
                    Num::new(value, unit)
                };
            }
            best
        }
        // INVARIANT: `present` returned above, before its argument was read as a number.
        Func::Present => return Ok(Val::Absent),
    }))
}

/// The expression with the report's figures in place of its names:
/// `budget.total.executed / budget.total.budget * 100%` → `7255205.14元 ÷ 8485146元 × 100%`.
pub fn show(expr: &CExpr, facts: &dyn Facts, units: &UnitTable) -> String {
    let mut out = String::new();
    show_into(expr, facts, units, &mut out);
    out
}

/// [`show`], appended to `out`: the whole expression is written into one string, not a
/// string for each of its parts.
pub fn show_into(expr: &CExpr, facts: &dyn Facts, units: &UnitTable, out: &mut String) {
    match &expr.kind {
        CKind::Number(n, unit) => figure_into(*n, unit, out),
        CKind::Text(t) => {
            let _ = write!(out, "\"{t}\"");
        }
        CKind::Bool(b) => {
            let _ = write!(out, "{b}");
        }
        CKind::Field(f) => match facts.field(f) {
            Ok(v) => v.show_into(out),
            Err(_) => out.push('—'),
        },
        CKind::Not(e) => {
            out.push_str("not ");
            show_into(e, facts, units, out);
        }
        CKind::Neg(e) => {
            out.push('−');
            wrap_into(e, 7, facts, units, out);
        }
        CKind::Binary(op, l, r) => {
            let p = op.precedence();
            wrap_into(l, p, facts, units, out);
            out.push(' ');
            out.push_str(op.symbol());
            out.push(' ');
            wrap_into(r, p + 1, facts, units, out);
        }
        CKind::Call(func, args) => {
            let name = match func {
                Func::Min => "min",
                Func::Max => "max",
                Func::Abs => "abs",
                Func::Present => "present",
                Func::RoundLike => "round_like",
                Func::Round(..) => "round",
            };
            out.push_str(name);
            out.push('(');
            // `round` shows its first argument and its places.
            let shown = match func {
                Func::Round(..) => &args[..args.len().min(1)],
                _ => &args[..],
            };
            separated(shown, out, |a, out| show_into(a, facts, units, out));
            if let Func::Round(places, _) = func {
                if !shown.is_empty() {
                    out.push_str(", ");
                }
                let _ = write!(out, "{places}");
            }
            out.push(')');
        }
        CKind::List(items) => {
            out.push('(');
            separated(items, out, |i, out| show_into(i, facts, units, out));
            out.push(')');
        }
        // The branch that was taken, when the condition can be decided.
        CKind::If(c, a, b) => match eval(c, facts, units) {
            Ok(Val::Bool(true)) => show_into(a, facts, units, out),
            Ok(Val::Bool(false)) => show_into(b, facts, units, out),
            _ => {
                out.push_str("if ");
                show_into(c, facts, units, out);
                out.push_str(" then ");
                show_into(a, facts, units, out);
                out.push_str(" else ");
                show_into(b, facts, units, out);
            }
        },
    }
}

/// Each item shown into `out`, with `, ` between them.
fn separated<T>(items: &[T], out: &mut String, mut show: impl FnMut(&T, &mut String)) {
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        show(item, out);
    }
}

/// [`show_into`], in brackets when the expression binds more loosely than `min`.
fn wrap_into(e: &CExpr, min: u8, facts: &dyn Facts, units: &UnitTable, out: &mut String) {
    match &e.kind {
        CKind::Binary(op, ..) if op.precedence() < min => {
            out.push('(');
            show_into(e, facts, units, out);
            out.push(')');
        }
        _ => show_into(e, facts, units, out),
    }
}
