//! Figures with units at run time, and the arithmetic between them: the same unit algebra
//! the checker applies before a report is read (crate::check::expr), now with numbers.
//!
//! A bare number takes the other side's unit. Percent is a unit of its own that also acts
//! as a ratio: `0.855 × 100% = 85.5%`, `700人 × 130% = 910人`, `85.5% ÷ 100% = 0.855`.

use crate::check::units::{Relation, UnitTable};
use crate::decimal::{ArithError, Dec, Ratio};
use crate::value::Unit;

/// A number and its unit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Num {
    pub value: Dec,
    pub unit: Unit,
    /// The exact quotient behind `value`, when `value` had to be rounded (a derived actual's
    /// `executed ÷ budget` of 5090 and 6000): a score computed from it divides once, last
    /// ([`Ratio`]). `None` when `value` is exact.
    pub exact: Option<Ratio>,
}

/// Why two figures cannot be combined.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NumError {
    Arith(ArithError),
    /// Units that do not combine this way.
    Units {
        left: Unit,
        right: Unit,
    },
}

impl From<ArithError> for NumError {
    fn from(e: ArithError) -> NumError {
        NumError::Arith(e)
    }
}

impl Num {
    pub fn new(value: Dec, unit: Unit) -> Num {
        Num {
            value,
            unit,
            exact: None,
        }
    }

    pub fn plain(value: Dec) -> Num {
        Num::new(value, Unit::None)
    }

    /// The value as an exact ratio (over 1 when the value is exact).
    pub fn ratio(&self) -> Ratio {
        self.exact.unwrap_or(Ratio::whole(self.value))
    }

    /// Keeps `exact` when it says more than the value does ([`kept_exact`]).
    fn with_exact(mut self, exact: Result<Ratio, ArithError>) -> Num {
        (self.value, self.exact) = kept_exact(self.value, exact);
        self
    }

    /// The figure as a working or a message shows it, with its exact ratio.
    pub fn figure(&self) -> crate::scorecard::Figure {
        crate::scorecard::Figure {
            value: self.value,
            unit: self.unit.clone(),
            exact: self.exact.map(Box::new),
        }
    }

    /// The negation, exactly.
    pub fn negated(&self) -> Result<Num, ArithError> {
        let value = Dec::ZERO.checked_sub(self.value)?;
        Ok(Num {
            value,
            unit: self.unit.clone(),
            exact: self.exact.map(Ratio::negated),
        })
    }
}

/// Both figures in one unit (the second converted into the first's), for adding or
/// comparing; also says when the units were only compatible.
pub fn align(a: &Num, b: &Num, units: &UnitTable) -> Result<(Dec, Dec, Unit, Relation), NumError> {
    let (x, y, relation) = aligned((a.value, &a.unit), (b.value, &b.unit), units)?;
    let unit = if a.unit == Unit::None {
        b.unit.clone()
    } else {
        a.unit.clone()
    };
    Ok((x, y, unit, relation))
}

/// [`align`] of figures read in place, without making a unit for the result: the values in
/// the first's unit (a bare number takes the other's) and how the units relate.
pub fn aligned(
    a: (Dec, &Unit),
    b: (Dec, &Unit),
    units: &UnitTable,
) -> Result<(Dec, Dec, Relation), NumError> {
    let relation = units.relate(a.1, b.1);
    match relation {
        Relation::Same | Relation::Compatible(..) => Ok((a.0, b.0, relation)),
        Relation::Convert(factor) => Ok((a.0, b.0.checked_mul(factor)?, relation)),
        Relation::Mismatch => Err(NumError::Units {
            left: a.1.clone(),
            right: b.1.clone(),
        }),
    }
}

/// Two figures in one unit (the second converted into the first's), to compare them; the
/// same as [`align`] without making a unit for the result.
pub fn compare(
    a: (Dec, &Unit),
    b: (Dec, &Unit),
    units: &UnitTable,
) -> Result<(Dec, Dec), NumError> {
    match units.relate(a.1, b.1) {
        Relation::Same | Relation::Compatible(..) => Ok((a.0, b.0)),
        Relation::Convert(factor) => Ok((a.0, b.0.checked_mul(factor)?)),
        Relation::Mismatch => Err(NumError::Units {
            left: a.1.clone(),
            right: b.1.clone(),
        }),
    }
}

/// The second figure's exact ratio in the first's unit, as [`align`] converts its value.
fn converted(a: &Num, b: &Num, units: &UnitTable) -> Result<Ratio, ArithError> {
    match units.relate(&a.unit, &b.unit) {
        Relation::Convert(factor) => b.ratio().checked_mul(Ratio::whole(factor)),
        _ => Ok(b.ratio()),
    }
}

pub fn add(a: &Num, b: &Num, units: &UnitTable) -> Result<Num, NumError> {
    let (x, y, unit, _) = align(a, b, units)?;
    let sum = Num::new(x.checked_add(y)?, unit);
    Ok(if a.exact.is_some() || b.exact.is_some() {
        sum.with_exact(converted(a, b, units).and_then(|y| a.ratio().checked_add(y)))
    } else {
        sum
    })
}

pub fn sub(a: &Num, b: &Num, units: &UnitTable) -> Result<Num, NumError> {
    let (x, y, unit, _) = align(a, b, units)?;
    let difference = Num::new(x.checked_sub(y)?, unit);
    Ok(if a.exact.is_some() || b.exact.is_some() {
        difference.with_exact(converted(a, b, units).and_then(|y| a.ratio().checked_sub(y)))
    } else {
        difference
    })
}

pub fn mul(a: &Num, b: &Num) -> Result<Num, NumError> {
    let product = product(a, b)?;
    let product = if a.exact.is_some() || b.exact.is_some() {
        let per_cent = matches!(
            (&a.unit, &b.unit),
            (Unit::Percent, Unit::Percent | Unit::Named(_)) | (Unit::Named(_), Unit::Percent)
        );
        let exact = a.ratio().checked_mul(b.ratio()).and_then(|r| {
            if per_cent {
                r.checked_div(Ratio::whole(Dec::HUNDRED))
            } else {
                Ok(r)
            }
        });
        product.with_exact(exact)
    } else {
        product
    };
    Ok(normalized(product))
}

fn product(a: &Num, b: &Num) -> Result<Num, NumError> {
    let product = a.value.checked_mul(b.value)?;
    let per_cent = Dec::hundredth;
    Ok(match (&a.unit, &b.unit) {
        (Unit::None, u) | (u, Unit::None) => Num::new(product, u.clone()),
        (Unit::Percent, Unit::Percent) => Num::new(per_cent(product)?, Unit::Percent),
        (Unit::Percent, Unit::Named(u)) | (Unit::Named(u), Unit::Percent) => {
            Num::new(per_cent(product)?, Unit::Named(u.clone()))
        }
        (Unit::Named(_), Unit::Named(_)) => {
            return Err(NumError::Units {
                left: a.unit.clone(),
                right: b.unit.clone(),
            })
        }
    })
}

/// The quotient; when its decimal does not end, the exact ratio goes with it.
pub fn div(a: &Num, b: &Num, units: &UnitTable) -> Result<Num, NumError> {
    let quotient = quotient(a, b, units)?;
    let hundredfold = matches!(
        (&a.unit, &b.unit),
        (Unit::None | Unit::Named(_), Unit::Percent)
    );
    let numerator = if hundredfold {
        a.ratio().checked_mul(Ratio::whole(Dec::HUNDRED))
    } else {
        Ok(a.ratio())
    };
    let denominator = match (&a.unit, &b.unit) {
        (Unit::Named(_), Unit::Named(_)) => converted(a, b, units),
        _ => Ok(b.ratio()),
    };
    let exact = numerator.and_then(|n| denominator.and_then(|d| n.checked_div(d)));
    Ok(normalized(quotient.with_exact(exact)))
}

fn quotient(a: &Num, b: &Num, units: &UnitTable) -> Result<Num, NumError> {
    let hundredfold = |v: Dec| v.checked_mul(Dec::HUNDRED);
    Ok(match (&a.unit, &b.unit) {
        (u, Unit::None) => Num::new(a.value.checked_div(b.value)?, u.clone()),
        (Unit::None, Unit::Percent) => Num::plain(hundredfold(a.value)?.checked_div(b.value)?),
        (Unit::Percent, Unit::Percent) => Num::plain(a.value.checked_div(b.value)?),
        (Unit::Named(u), Unit::Percent) => Num::new(
            hundredfold(a.value)?.checked_div(b.value)?,
            Unit::Named(u.clone()),
        ),
        (Unit::Named(_), Unit::Named(_)) => {
            let (x, y, _, _) = align(a, b, units)?;
            Num::plain(x.checked_div(y)?)
        }
        _ => {
            return Err(NumError::Units {
                left: a.unit.clone(),
                right: b.unit.clone(),
            })
        }
    })
}

/// Products and quotients carry no places of their own: `0.4517 × 100%` is `45.17%`.
fn normalized(n: Num) -> Num {
    Num {
        value: n.value.normalized(),
        ..n
    }
}

/// A computed figure's value and the exact ratio it keeps: a quotient that does not end is
/// kept beside the value; one that ends is the value, exactly (1 ÷ 3 + 1 ÷ 6 is 0.5, not
/// 0.4999…9). A ratio that overflowed is dropped; the value stands, as it would without one.
pub(crate) fn kept_exact(value: Dec, exact: Result<Ratio, ArithError>) -> (Dec, Option<Ratio>) {
    match exact {
        Ok(r) if r.ends() => (r.value().unwrap_or(value), None),
        Ok(r) => (value, Some(r)),
        Err(_) => (value, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(v: &str, unit: Unit) -> Num {
        Num::new(v.parse().unwrap(), unit)
    }

    fn named(u: &str) -> Unit {
        Unit::Named(u.into())
    }

    #[test]
    fn percent_is_a_unit_that_acts_as_a_ratio() {
        let units = UnitTable::default();
        let ratio = div(
            &n("7255205.14", named("元")),
            &n("8485146", named("元")),
            &units,
        )
        .unwrap();
        assert_eq!(ratio.unit, Unit::None);
        let rate = mul(&ratio, &n("100", Unit::Percent)).unwrap();
        assert_eq!(rate.unit, Unit::Percent);
        assert_eq!(
            rate.value
                .round(2, crate::decimal::RoundMode::HalfUp)
                .to_string(),
            "85.5"
        );
        assert_eq!(
            mul(&n("700", named("人")), &n("130", Unit::Percent)).unwrap(),
            n("910", named("人"))
        );
        assert_eq!(
            div(&n("85.5", Unit::Percent), &n("100", Unit::Percent), &units).unwrap(),
            n("0.855", Unit::None)
        );
    }

    #[test]
    fn a_quotient_that_does_not_end_keeps_its_exact_ratio_through_the_arithmetic() {
        let units = UnitTable::default();
        // 5090元 ÷ 6000元 × 100% = 84.8333…%, exactly 509 ÷ 6 %
        let rate = mul(
            &div(&n("5090", named("元")), &n("6000", named("元")), &units).unwrap(),
            &n("100", Unit::Percent),
        )
        .unwrap();
        assert_eq!(rate.unit, Unit::Percent);
        let exact = rate.exact.expect("kept");
        assert_eq!(
            exact
                .checked_mul(Ratio::whole(n("3", Unit::None).value))
                .unwrap()
                .checked_div(Ratio::whole(Dec::HUNDRED))
                .unwrap()
                .value()
                .unwrap()
                .to_string(),
            "2.545"
        );
        // a quotient that ends needs none
        assert_eq!(
            div(&n("1", Unit::None), &n("8", Unit::None), &units)
                .unwrap()
                .exact,
            None
        );
        // thirds add up exactly: 1 ÷ 3 + 1 ÷ 6 = 0.5, and say so
        let third = div(&n("1", Unit::None), &n("3", Unit::None), &units).unwrap();
        let sixth = div(&n("1", Unit::None), &n("6", Unit::None), &units).unwrap();
        let half = add(&third, &sixth, &units).unwrap();
        assert_eq!(half.exact, None);
        assert_eq!(half.value.to_string(), "0.5");
    }

    #[test]
    fn a_bare_number_takes_the_other_side_s_unit_and_units_that_differ_are_refused() {
        let units = UnitTable::default();
        assert_eq!(
            add(&n("1", Unit::None), &n("2", Unit::Percent), &units).unwrap(),
            n("3", Unit::Percent)
        );
        assert!(matches!(
            add(&n("1", named("次")), &n("2", Unit::Percent), &units),
            Err(NumError::Units { .. })
        ));
        assert!(matches!(
            mul(&n("1", named("次")), &n("2", named("次"))),
            Err(NumError::Units { .. })
        ));
        assert!(matches!(
            div(&n("1", Unit::None), &n("0", Unit::None), &units),
            Err(NumError::Arith(ArithError::DivisionByZero))
        ));
    }
}
