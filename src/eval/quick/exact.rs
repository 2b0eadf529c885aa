//! Arithmetic on a quotient, in place. A division that does not end keeps its exact ratio
//! beside its decimal, and arithmetic on it computes on with the ratio
//! ([`crate::eval::quantity`]): `executed ÷ budget × 100%` is the decimal of
//! `executed × 100 ÷ budget` when that one ends. This is the same arithmetic, step by step,
//! with borrowed units and without building values; an error of any kind answers [`Slow`],
//! and the general evaluator words it.

use super::{align, eval, figure, product, quotient, Slow};
use crate::check::expr::{CExpr, CKind};
use crate::check::units::{Relation, UnitTable};
use crate::decimal::{ArithError, Dec, Ratio};
use crate::eval::board::CheckFacts;
use crate::syntax::ast::BinaryOp;
use crate::value::Unit;

/// A figure and the exact ratio behind it when its decimal had to be rounded
/// ([`crate::eval::quantity::Num`], its unit borrowed).
#[derive(Clone, Copy, Debug)]
pub struct Exact<'x> {
    pub value: Dec,
    pub unit: &'x Unit,
    exact: Option<Ratio>,
}

impl<'x> Exact<'x> {
    fn pair(&self) -> (Dec, &'x Unit) {
        (self.value, self.unit)
    }

    fn ratio(&self) -> Ratio {
        self.exact.unwrap_or(Ratio::whole(self.value))
    }

    /// `Num::with_exact`: a ratio that ends is the value; one that does not is kept.
    fn with_exact(mut self, exact: Result<Ratio, ArithError>) -> Self {
        (self.value, self.exact) = crate::eval::quantity::kept_exact(self.value, exact);
        self
    }

    fn normalized(self) -> Self {
        Exact {
            value: self.value.normalized(),
            ..self
        }
    }
}

/// `l op r` for `+ − × ÷` where either side carries a quotient ([`CExpr::quotient`]), as
/// `quantity::{add, sub, mul, div}` compute it; `None` when a side is absent.
pub fn arith<'x>(
    op: BinaryOp,
    l: &'x CExpr,
    r: &'x CExpr,
    facts: &'x CheckFacts<'_, '_, '_>,
    units: &UnitTable,
) -> Result<Option<Exact<'x>>, Slow> {
    let (a, b) = (operand(l, facts, units)?, operand(r, facts, units)?);
    let (Some(a), Some(b)) = (a, b) else {
        return Ok(None);
    };
    let inexact = a.exact.is_some() || b.exact.is_some();
    let plain = |(value, unit)| Exact {
        value,
        unit,
        exact: None,
    };
    Ok(Some(match op {
        BinaryOp::Add | BinaryOp::Sub => {
            let add = op == BinaryOp::Add;
            let (x, y, unit) = align(a.pair(), b.pair(), units)?;
            let v = if add {
                x.checked_add(y)
            } else {
                x.checked_sub(y)
            };
            let n = plain((v.map_err(|_| Slow)?, unit));
            if !inexact {
                return Ok(Some(n));
            }
            n.with_exact(converted(&a, &b, units).and_then(|y| {
                if add {
                    a.ratio().checked_add(y)
                } else {
                    a.ratio().checked_sub(y)
                }
            }))
        }
        BinaryOp::Mul => {
            let n = plain(product(a.pair(), b.pair())?);
            let n = if inexact {
                let per_cent = matches!(
                    (a.unit, b.unit),
                    (Unit::Percent, Unit::Percent | Unit::Named(_))
                        | (Unit::Named(_), Unit::Percent)
                );
                n.with_exact(a.ratio().checked_mul(b.ratio()).and_then(|r| {
                    if per_cent {
                        r.checked_div(Ratio::whole(Dec::HUNDRED))
                    } else {
                        Ok(r)
                    }
                }))
            } else {
                n
            };
            n.normalized()
        }
        _ => {
            let n = plain(quotient(a.pair(), b.pair(), units)?);
            let hundredfold = matches!(
                (a.unit, b.unit),
                (Unit::None | Unit::Named(_), Unit::Percent)
            );
            let numerator = if hundredfold {
                a.ratio().checked_mul(Ratio::whole(Dec::HUNDRED))
            } else {
                Ok(a.ratio())
            };
            let denominator = match (a.unit, b.unit) {
                (Unit::Named(_), Unit::Named(_)) => converted(&a, &b, units),
                _ => Ok(b.ratio()),
            };
            let exact = numerator.and_then(|n| denominator.and_then(|d| n.checked_div(d)));
            n.with_exact(exact).normalized()
        }
    }))
}

/// A side of the arithmetic: more arithmetic on a quotient, or a figure read in place
/// (which has no ratio of its own); `None` when absent.
fn operand<'x>(
    e: &'x CExpr,
    facts: &'x CheckFacts<'_, '_, '_>,
    units: &UnitTable,
) -> Result<Option<Exact<'x>>, Slow> {
    match &e.kind {
        CKind::Binary(
            op @ (BinaryOp::Add | BinaryOp::Sub | BinaryOp::Mul | BinaryOp::Div),
            l,
            r,
        ) if e.quotient => arith(*op, l, r, facts, units),
        // `abs`, `min`, `max`, `if` or `−` over a quotient: left to the evaluator
        _ if e.quotient => Err(Slow),
        _ => Ok(figure(eval(e, facts, units)?).map(|(value, unit)| Exact {
            value,
            unit,
            exact: None,
        })),
    }
}

/// `quantity::converted`: the second's exact ratio in the first's unit.
fn converted(a: &Exact<'_>, b: &Exact<'_>, units: &UnitTable) -> Result<Ratio, ArithError> {
    match super::relate(a.unit, b.unit, units) {
        Relation::Convert(factor) => b.ratio().checked_mul(Ratio::whole(factor)),
        _ => Ok(b.ratio()),
    }
}
