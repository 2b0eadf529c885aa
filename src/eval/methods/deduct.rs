//! `deduct D per S above|below T`: 每超过一个百分点扣 D 分，扣完为止.

use super::{arith, Computed};
use crate::check::policy::{DeductFrom, DeductRule};
use crate::decimal::{Dec, Ratio};
use crate::scorecard::{DeductWorking, Figure, Problem, Shown, Working};
use crate::syntax::ast::Partial;
use crate::value::TargetForm;

/// Steps = how far B is beyond the threshold ÷ S, counted exactly, or a partial step as a
/// whole one (up) or as none (down); score = w − D × steps, never below the floor.
/// `threshold` and `step` are already in B's unit.
pub fn deduct(
    rule: &DeductRule,
    form: TargetForm,
    threshold: &Figure,
    step: &Figure,
    b: &Figure,
    w: Dec,
) -> Result<Computed, Problem> {
    let above = matches!(rule.from, DeductFrom::Above(_));
    let beyond = if above {
        b.value.checked_sub(threshold.value)
    } else {
        threshold.value.checked_sub(b.value)
    }
    .map_err(arith(|| format!("{b} − {threshold}")))?;
    if beyond <= Dec::ZERO {
        return Ok(Computed::new(
            Working::Met {
                form,
                a: Shown::Figure(threshold.clone()),
                b: Some(Shown::Figure(b.clone())),
            },
            w,
        ));
    }
    let exact_steps = beyond
        .checked_div(step.value)
        .map_err(arith(|| format!("{beyond} ÷ {step}")))?;
    let steps = match rule.partial {
        Partial::Exact => exact_steps,
        Partial::Up => exact_steps.ceil(),
        Partial::Down => exact_steps.floor(),
    };
    let deducted = rule
        .amount
        .checked_mul(steps)
        .map_err(arith(|| format!("{} × {steps}", rule.amount)))?;
    // Counted exactly, w − D × beyond ÷ S divides once, last: a step of 3% or an actual
    // that is itself an exact ratio would otherwise round before the subtraction.
    let exact = match rule.partial {
        Partial::Exact => exactly(rule, threshold, step, b, w, above).ok(),
        Partial::Up | Partial::Down => None,
    };
    let exact = match exact {
        Some(exact) => exact,
        None => w
            .checked_sub(deducted)
            .map_err(arith(|| format!("{w} − {deducted}")))?,
    }
    .max(rule.floor);
    Ok(Computed::new(
        Working::Deduct(Box::new(DeductWorking {
            threshold: threshold.clone(),
            b: b.clone(),
            above,
            beyond,
            step: step.clone(),
            steps,
            partial: rule.partial,
            amount: rule.amount,
            deducted,
            w,
            floor: rule.floor,
        })),
        exact,
    ))
}

/// (w × S − D × beyond) ÷ S, with beyond = ±(B − T) as an exact ratio.
fn exactly(
    rule: &DeductRule,
    threshold: &Figure,
    step: &Figure,
    b: &Figure,
    w: Dec,
    above: bool,
) -> Result<Dec, crate::decimal::ArithError> {
    let beyond = if above {
        b.ratio().checked_sub(threshold.ratio())?
    } else {
        threshold.ratio().checked_sub(b.ratio())?
    };
    let deducted = Ratio::whole(rule.amount)
        .checked_mul(beyond)?
        .checked_div(step.ratio())?;
    Ratio::whole(w).checked_sub(deducted)?.value()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::Unit;

    fn pct(v: &str) -> Figure {
        Figure::new(v.parse().unwrap(), Unit::Percent)
    }

    fn rule(amount: &str, partial: Partial) -> DeductRule {
        DeductRule {
            amount: amount.parse().unwrap(),
            step: Dec::ONE,
            step_unit: Unit::Percent,
            from: DeductFrom::Above(None),
            partial,
            floor: Dec::ZERO,
        }
    }

    fn score(r: &DeductRule, b: &str) -> String {
        deduct(
            r,
            TargetForm::AtMost,
            &pct("100"),
            &pct("1"),
            &pct(b),
            Dec::from_int(2),
        )
        .unwrap()
        .exact
        .to_string()
    }

    #[test]
    fn partial_points_count_as_the_policy_says() {
        // policy-2021 §2: 100.5% deducts 0.1 (0.2 per point, counted exactly)
        assert_eq!(score(&rule("0.2", Partial::Exact), "100.5"), "1.9");
        assert_eq!(score(&rule("0.2", Partial::Up), "100.5"), "1.8");
        assert_eq!(score(&rule("0.2", Partial::Down), "100.5"), "2");
        assert_eq!(score(&rule("0.2", Partial::Exact), "100"), "2");
        assert_eq!(score(&rule("0.2", Partial::Exact), "103.25"), "1.35");
    }

    #[test]
    fn deductions_stop_at_the_floor() {
        // 扣完为止: 20 points over at 0.2 each would be −2
        assert_eq!(score(&rule("0.2", Partial::Exact), "120"), "0");
        assert_eq!(score(&rule("0.2", Partial::Exact), "150"), "0");
    }
}
