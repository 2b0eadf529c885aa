//! Figures with units at run time, and the arithmetic between them: the same unit algebra
//! the checker applies before a report is read (crate::check::expr), now with numbers.
//!
//! A bare number takes the other side's unit. Percent is a unit of its own that also acts
//! as a ratio: `0.855 × 100% = 85.5%`, `700人 × 130% = 910人`, `85.5% ÷ 100% = 0.855`.

use crate::check::units::{Relation, UnitTable};
use crate::decimal::{ArithError, Dec};
use crate::value::Unit;

/// A number and its unit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Num {
    pub value: Dec,
    pub unit: Unit,
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
        Num { value, unit }
    }

    pub fn plain(value: Dec) -> Num {
        Num {
            value,
            unit: Unit::None,
        }
    }
}

/// Both figures in one unit (the second converted into the first's), for adding or
/// comparing; also says when the units were only compatible.
pub fn align(a: &Num, b: &Num, units: &UnitTable) -> Result<(Dec, Dec, Unit, Relation), NumError> {
    let relation = units.relate(&a.unit, &b.unit);
    let unit = if a.unit == Unit::None {
        b.unit.clone()
    } else {
        a.unit.clone()
    };
    match relation {
        Relation::Same | Relation::Compatible(..) => Ok((a.value, b.value, unit, relation)),
        Relation::Convert(factor) => Ok((a.value, b.value.checked_mul(factor)?, unit, relation)),
        Relation::Mismatch => Err(NumError::Units {
            left: a.unit.clone(),
            right: b.unit.clone(),
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

pub fn add(a: &Num, b: &Num, units: &UnitTable) -> Result<Num, NumError> {
    let (x, y, unit, _) = align(a, b, units)?;
    Ok(Num::new(x.checked_add(y)?, unit))
}

pub fn sub(a: &Num, b: &Num, units: &UnitTable) -> Result<Num, NumError> {
    let (x, y, unit, _) = align(a, b, units)?;
    Ok(Num::new(x.checked_sub(y)?, unit))
}

pub fn mul(a: &Num, b: &Num) -> Result<Num, NumError> {
    product(a, b).map(normalized)
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

pub fn div(a: &Num, b: &Num, units: &UnitTable) -> Result<Num, NumError> {
    quotient(a, b, units).map(normalized)
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
    Num::new(n.value.normalized(), n.unit)
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
