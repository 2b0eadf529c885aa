//! `round(a ÷ b × 100%, p)`, a rate recomputed and rounded, in whole numbers. The evaluator
//! divides to 28 digits, keeps the exact ratio, multiplies, normalizes and rounds
//! ([`super::exact`], the same steps in place): some ten operations on 96-bit decimals, a
//! greatest common divisor and a division again to learn whether the quotient ends, for
//! every budget row. The rounded rate is `a × 100 × 10ᵖ ÷ b` rounded half up, one division
//! of 128-bit numbers, and the evaluator's decimal is within 10⁻²⁶ of the exact one: the two
//! round alike wherever the exact rate is farther than that from a half step (where the
//! evaluator would round up) and from a whole step (where the places it keeps depend on
//! whether the decimal ends). A rate too close to either, or figures outside what is
//! proved here, is left to the general arithmetic.

use crate::decimal::Dec;

/// The most places computed here.
const MAX_PLACES: u32 = 6;

/// The most places of either figure.
const MAX_SCALE: u32 = 10;

/// `round(a ÷ b × 100%, places)` (四舍五入) of two figures whose units divide to a bare
/// number, as the general arithmetic gives it, digits and places alike; `None` where this
/// does not decide it (the caller computes it step by step).
pub fn rounded_rate(a: Dec, b: Dec, places: u32) -> Option<Dec> {
    let ((x, s), (y, t)) = (a.to_parts(), b.to_parts());
    if x <= 0 || y <= 0 || s > MAX_SCALE || t > MAX_SCALE || places > MAX_PLACES {
        return None;
    }
    let (x, y) = (u64::try_from(x).ok()?, u64::try_from(y).ok()?);
    // a × 100 × 10ᵖ ÷ b, both sides as whole numbers: x·10^(t + 2 + p) ÷ y·10^s (at most
    // 10¹⁸ each, so a product of two 64-bit numbers)
    let num = u128::from(x) * u128::from(ten(t + 2 + places)?);
    let den = u128::from(y) * u128::from(ten(s)?);
    // in 64 bits where both fit (most amounts): a division of 128-bit numbers is a call
    let (whole, rest) = match (u64::try_from(num), u64::try_from(den)) {
        (Ok(n), Ok(d)) => (u128::from(n / d), u128::from(n % d)),
        _ => (num / den, num % den),
    };
    // bounds the evaluator's error, in steps of the last place, at 10⁻²⁶ × (10ᵖ + whole + 1)
    // (a quotient to 28 digits times 100, each step off by at most one unit of its last
    // digit); kept a million times further away than that: a distance d (in halves of
    // 1 ÷ den steps) is far when d × 10²⁰ > 2 × den × (10ᵖ + whole + 1), that is when
    // d > ⌊2 × den × (10ᵖ + whole + 1) ÷ 10²⁰⌋
    const MILLION_TIMES: u128 = 100_000_000_000_000_000_000;
    if whole >= MILLION_TIMES {
        return None;
    }
    let margin = den
        .checked_mul(2)?
        .checked_mul(u128::from(ten(places)?) + whole + 1)?;
    let near = if margin < MILLION_TIMES {
        0
    } else {
        margin / MILLION_TIMES
    };
    if rest == 0 {
        // the rate has `places` decimals or fewer: the evaluator's decimal is exact, and
        // rounding keeps it as normalized
        return Dec::from_parts(i128::try_from(whole).ok()?, places).map(Dec::normalized);
    }
    let half = (2 * rest).abs_diff(den);
    if half <= near || 2 * rest <= near || 2 * (den - rest) <= near {
        return None;
    }
    let up = u128::from(2 * rest > den);
    Dec::from_parts(i128::try_from(whole + up).ok()?, places)
}

/// 10ⁿ, for n up to 18 (the most places of a figure and of the rate, and two), so that a
/// product of two fits in 128 bits.
fn ten(n: u32) -> Option<u64> {
    if n > 18 {
        return None;
    }
    let power = crate::decimal::POWERS_OF_TEN.get(n as usize)?;
    u64::try_from(*power).ok()
}

#[cfg(test)]
mod tests {
    use super::rounded_rate;
    use crate::check::units::UnitTable;
    use crate::decimal::{Dec, RoundMode};
    use crate::eval::quantity::{div, mul, Num};
    use crate::value::Unit;

    /// The general arithmetic: `a ÷ b × 100%`, rounded.
    fn general(a: Dec, b: Dec, places: u32) -> Option<Dec> {
        let money = Unit::Named("元".into());
        let units = UnitTable::default();
        let q = div(&Num::new(a, money.clone()), &Num::new(b, money), &units).ok()?;
        let rate = mul(&q, &Num::new(Dec::HUNDRED, Unit::Percent)).ok()?;
        Some(rate.value.round(places, RoundMode::HalfUp))
    }

    fn same(a: Dec, b: Dec, places: u32) -> bool {
        match rounded_rate(a, b, places) {
            None => true,
            Some(fast) => {
                let slow = general(a, b, places).expect("the general arithmetic answers");
                assert_eq!(
                    format!("{fast:?}"),
                    format!("{slow:?}"),
                    "{a} ÷ {b} × 100%, {places} places"
                );
                true
            }
        }
    }

    #[test]
    fn the_rate_is_the_general_arithmetic_s_digit_for_digit() {
        let texts = [
            "0",
            "1",
            "2",
            "3",
            "7",
            "0.01",
            "0.5",
            "1.5",
            "3.33",
            "100",
            "6000",
            "5090",
            "8485146",
            "7255205.14",
            "111930",
            "126000",
            "12345.67",
            "99999.99",
            "0.001",
            "123456789012.34",
            "1000000",
            "1",
            "0.1234567891",
            "18446744073709551615",
            "12.345",
            "24.69",
            "8",
            "40",
            "1234.5",
            "9876543.21",
            "333",
            "999",
        ];
        let all: Vec<Dec> = texts.iter().map(|t| t.parse().unwrap()).collect();
        let mut decided = 0;
        for a in &all {
            for b in &all {
                for places in [0, 1, 2, 3, 6] {
                    assert!(same(*a, *b, places));
                    decided += usize::from(rounded_rate(*a, *b, places).is_some());
                }
            }
        }
        assert!(decided > 3000, "only {decided} decided");
        // a pseudo-random walk over amounts in cents
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..50_000 {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let executed = seed >> 34;
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let budget = (seed >> 34).max(1);
            let a = Dec::from_parts(i128::from(executed), 2).unwrap();
            let b = Dec::from_parts(i128::from(budget), (seed % 3) as u32).unwrap();
            assert!(same(a, b, 2));
        }
        // amounts whose rate falls on or next to a half step (x.xx5%) or a whole step
        let mut near = 0;
        for _ in 0..20_000 {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let budget = (seed >> 40).max(1) * 1000;
            let step = (seed >> 20) % 20_000;
            let nudge = (seed % 5) as i128 - 2;
            // budget × step ÷ 200000, in cents: a rate of step ÷ 2000 %
            let executed = i128::from(budget) * i128::from(step) / 200_000 + nudge;
            if executed <= 0 {
                continue;
            }
            let a = Dec::from_parts(executed, 2).unwrap();
            let b = Dec::from_parts(i128::from(budget), 2).unwrap();
            for places in [1, 2, 3] {
                assert!(same(a, b, places));
                near += usize::from(rounded_rate(a, b, places).is_some());
            }
        }
        assert!(near > 30_000, "only {near} decided near a step");
    }

    #[test]
    fn a_rate_on_a_half_step_or_near_one_is_left_to_the_general_arithmetic() {
        let d = |t: &str| t.parse::<Dec>().unwrap();
        // 12.345% exactly: on a half step at 2 places
        assert_eq!(rounded_rate(d("12.345"), d("100"), 2), None);
        assert_eq!(rounded_rate(d("12.345"), d("100"), 3), Some(d("12.345")));
        // 85.5% exactly is kept as the evaluator normalizes it
        assert_eq!(
            format!("{:?}", rounded_rate(d("855"), d("1000"), 2).unwrap()),
            "85.5"
        );
        // 1 ÷ 3: 33.33%
        assert_eq!(
            format!("{:?}", rounded_rate(d("1"), d("3"), 2).unwrap()),
            "33.33"
        );
        // 2 ÷ 3: 66.67%
        assert_eq!(
            format!("{:?}", rounded_rate(d("2"), d("3"), 2).unwrap()),
            "66.67"
        );
        assert_eq!(rounded_rate(d("0"), d("3"), 2), None);
        assert_eq!(rounded_rate(d("-1"), d("3"), 2), None);
    }
}
