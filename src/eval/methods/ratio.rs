//! Proportional (B ÷ A), reverse ratio (A ÷ B), reverse linear (1 − (B − A) ÷ A) and all or
//! nothing, on numeric targets.

use super::{arith, Computed};
use crate::decimal::{ArithError, Dec, Ratio};
use crate::scorecard::{Figure, Problem, Shown, Working};
use crate::value::TargetForm;

/// B ≥ A: w; otherwise w × B ÷ A. A target of 0 is met whatever the actual (policy-project
/// §3.1 "A = 0 → w"; policy-2021 §3.1 says it for B ≥ 0 and nothing of B below 0, where
/// w × B ÷ 0 has no value).
pub fn proportional(form: TargetForm, a: Figure, b: Figure, w: Dec) -> Result<Computed, Problem> {
    if b.value >= a.value || a.value.is_zero() {
        return Ok(met(form, a, b, w));
    }
    // w × B ÷ A, dividing once, last (B may be an exact ratio: decimal::Ratio)
    let exact = once(w, b.ratio(), Ratio::whole(a.value))
        .or_else(|_| w.checked_mul(b.value).and_then(|x| x.checked_div(a.value)))
        .map_err(arith(|| format!("{b} ÷ {a} × {w}")))?;
    Ok(Computed::new(Working::Proportional { b, a, w }, exact))
}

/// B ≤ A: w; otherwise w × A ÷ B.
pub fn reverse_ratio(form: TargetForm, a: Figure, b: Figure, w: Dec) -> Result<Computed, Problem> {
    if b.value <= a.value {
        return Ok(met(form, a, b, w));
    }
    // w × A ÷ B, dividing once, last
    let exact = once(w, Ratio::whole(a.value), b.ratio())
        .or_else(|_| w.checked_mul(a.value).and_then(|x| x.checked_div(b.value)))
        .map_err(arith(|| format!("{a} ÷ {b} × {w}")))?;
    Ok(Computed::new(Working::ReverseRatio { a, b, w }, exact))
}

/// B ≤ A: w; otherwise w × (1 − (B − A) ÷ A) = w × (2A − B) ÷ A, which is 0 from 2A on.
/// With A = 0, any B > 0 scores 0.
pub fn reverse_linear(form: TargetForm, a: Figure, b: Figure, w: Dec) -> Result<Computed, Problem> {
    if b.value <= a.value {
        return Ok(met(form, a, b, w));
    }
    if a.value.is_zero() {
        return Ok(Computed::new(Working::ReverseLinear { a, b, w }, Dec::ZERO));
    }
    // w × (2A − B) ÷ A, dividing once, last
    let exact = a
        .value
        .checked_add(a.value)
        .and_then(|two_a| Ratio::whole(two_a).checked_sub(b.ratio()))
        .and_then(|excess| once(w, excess, Ratio::whole(a.value)))
        .or_else(|_| {
            a.value
                .checked_add(a.value)
                .and_then(|two_a| two_a.checked_sub(b.value))
                .and_then(|x| w.checked_mul(x))
                .and_then(|x| x.checked_div(a.value))
        })
        .map_err(arith(|| format!("(1 − ({b} − {a}) ÷ {a}) × {w}")))?;
    Ok(Computed::new(
        Working::ReverseLinear { a, b, w },
        exact.max(Dec::ZERO),
    ))
}

/// Full points when the target is met, otherwise 0. `>=`, `=` and a bare number are met by
/// reaching A (exceeding an `=` target is not a miss); `>` by passing it; `<=` by staying
/// at or under it; `<` by staying under it.
pub fn all_or_nothing(form: TargetForm, strict: bool, a: Figure, b: Figure, w: Dec) -> Computed {
    let is_met = match (form, strict) {
        (TargetForm::AtMost, false) => b.value <= a.value,
        (TargetForm::AtMost, true) => b.value < a.value,
        (_, true) => b.value > a.value,
        (_, false) => b.value >= a.value,
    };
    if is_met {
        met(form, a, b, w)
    } else {
        Computed::new(
            Working::Missed {
                form,
                a: Shown::Figure(a),
                b: Shown::Figure(b),
            },
            Dec::ZERO,
        )
    }
}

/// w × x ÷ y with one division, last: x or y may be exact ratios whose decimals would have
/// been rounded (decimal::Ratio). An error when the ratio's figures overflow: the caller
/// then computes with the decimals, as it would without a ratio.
fn once(w: Dec, x: Ratio, y: Ratio) -> Result<Dec, ArithError> {
    Ratio::whole(w).checked_mul(x)?.checked_div(y)?.value()
}

fn met(form: TargetForm, a: Figure, b: Figure, w: Dec) -> Computed {
    Computed::new(
        Working::Met {
            form,
            a: Shown::Figure(a),
            b: Some(Shown::Figure(b)),
        },
        w,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::Unit;

    fn fig(v: &str, unit: &str) -> Figure {
        Figure::new(
            v.parse().unwrap(),
            if unit.is_empty() {
                Unit::None
            } else {
                Unit::Named(unit.into())
            },
        )
    }

    fn d(v: &str) -> Dec {
        v.parse().unwrap()
    }

    #[test]
    fn proportional_scores_the_share_of_the_target_reached() {
        // seed: 社会治理培训完成次数 >=14次, 4次, 2 points: 4 ÷ 14 × 2 = 0.571428…
        let c = proportional(TargetForm::AtLeast, fig("14", "次"), fig("4", "次"), d("2")).unwrap();
        assert_eq!(c.exact.to_string(), "0.5714285714285714285714285714");
        // reaching or passing the target scores full points
        assert_eq!(
            proportional(TargetForm::Equal, fig("5", "个"), fig("6", "个"), d("2"))
                .unwrap()
                .exact,
            d("2")
        );
        // a target of 0 is met by any B >= 0
        assert_eq!(
            proportional(TargetForm::AtLeast, fig("0", "场"), fig("0", "场"), d("1"))
                .unwrap()
                .exact,
            d("1")
        );
        // B < A = 0: still met (policy-project §3.1: A = 0 → w), never a division by zero;
        // found by the differential oracle, where it scored 0 with an arithmetic error
        assert_eq!(
            proportional(TargetForm::AtLeast, fig("0", "场"), fig("-1", "场"), d("1"))
                .unwrap()
                .exact,
            d("1")
        );
    }

    #[test]
    fn reverse_ratio_divides_the_target_by_the_actual() {
        // <= 5%, actual 8%, 4 points: 5 ÷ 8 × 4 = 2.5
        assert_eq!(
            reverse_ratio(TargetForm::AtMost, fig("5", ""), fig("8", ""), d("4"))
                .unwrap()
                .exact,
            d("2.5")
        );
        assert_eq!(
            reverse_ratio(TargetForm::AtMost, fig("5", ""), fig("5", ""), d("4"))
                .unwrap()
                .exact,
            d("4")
        );
    }

    #[test]
    fn reverse_linear_falls_to_zero_at_twice_the_target() {
        // <= 5%, actual 6%, 2 points: (1 − 1 ÷ 5) × 2 = 1.6
        assert_eq!(
            reverse_linear(TargetForm::AtMost, fig("5", ""), fig("6", ""), d("2"))
                .unwrap()
                .exact,
            d("1.6")
        );
        assert_eq!(
            reverse_linear(TargetForm::AtMost, fig("5", ""), fig("10", ""), d("2"))
                .unwrap()
                .exact,
            d("0")
        );
        assert_eq!(
            reverse_linear(TargetForm::AtMost, fig("5", ""), fig("12", ""), d("2"))
                .unwrap()
                .exact,
            d("0")
        );
        assert_eq!(
            reverse_linear(TargetForm::AtMost, fig("0", ""), fig("0.1", ""), d("2"))
                .unwrap()
                .exact,
            d("0")
        );
        assert_eq!(
            reverse_linear(TargetForm::AtMost, fig("0", ""), fig("0", ""), d("2"))
                .unwrap()
                .exact,
            d("2")
        );
    }

    #[test]
    fn all_or_nothing_follows_the_comparison() {
        assert_eq!(
            all_or_nothing(
                TargetForm::AtLeast,
                false,
                fig("14", ""),
                fig("14", ""),
                d("2")
            )
            .exact,
            d("2")
        );
        assert_eq!(
            all_or_nothing(
                TargetForm::AtLeast,
                true,
                fig("14", ""),
                fig("14", ""),
                d("2")
            )
            .exact,
            d("0")
        );
        assert_eq!(
            all_or_nothing(
                TargetForm::AtMost,
                false,
                fig("5", ""),
                fig("5.1", ""),
                d("2")
            )
            .exact,
            d("0")
        );
        assert_eq!(
            all_or_nothing(TargetForm::Equal, false, fig("5", ""), fig("6", ""), d("2")).exact,
            d("2")
        );
    }
}
