//! Deadlines: met when the actual period ends no later than the target's; optionally a
//! deduction per month late.

use super::{arith, Computed};
use crate::check::policy::DeductRule;
use crate::decimal::Dec;
use crate::scorecard::{Problem, Shown, Working};
use crate::value::AsWritten;
use crate::value::{Period, TargetForm};

/// Met → w, late → 0.
pub fn deadline_all_or_nothing(
    target: &Period,
    actual: &Period,
    year: i32,
    w: Dec,
    target_text: &AsWritten<'_>,
) -> Computed {
    if actual.ends_by(target, year) {
        Computed::new(
            Working::Met {
                form: TargetForm::Deadline,
                a: Shown::Text(target_text.to_short()),
                // The actual as written: the scorecard's own (`IndicatorScore::actual_written`).
                b: None,
            },
            w,
        )
    } else {
        Computed::new(
            Working::Late {
                target_end: target.end(year),
                actual_end: actual.end(year),
            },
            Dec::ZERO,
        )
    }
}

/// Met → w; late → w − D × months late, where each month or part of a month counts.
pub fn deadline_deduct(
    rule: &DeductRule,
    target: &Period,
    actual: &Period,
    year: i32,
    w: Dec,
    target_text: &AsWritten<'_>,
) -> Result<Computed, Problem> {
    if actual.ends_by(target, year) {
        return Ok(deadline_all_or_nothing(
            target,
            actual,
            year,
            w,
            target_text,
        ));
    }
    let (target_end, actual_end) = (target.end(year), actual.end(year));
    let months = target_end.months_until(actual_end).max(1);
    let step = rule.step.to_i64().filter(|s| *s > 0).unwrap_or(1);
    // months ≥ 1 and step ≥ 1: a ceiling division that cannot overflow, whatever the step.
    let steps = Dec::from_int((months - 1) / step + 1);
    let deducted = rule
        .amount
        .checked_mul(steps)
        .map_err(arith(|| format!("{} × {steps}", rule.amount)))?;
    let exact = w
        .checked_sub(deducted)
        .map_err(arith(|| format!("{w} − {deducted}")))?
        .max(rule.floor);
    Ok(Computed::new(
        Working::DeductLate {
            target_end,
            actual_end,
            months,
            amount: rule.amount,
            deducted,
            w,
            floor: rule.floor,
        },
        exact,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::PeriodSpan;

    fn month(m: u32) -> Period {
        Period {
            span: PeriodSpan::Month {
                year: None,
                month: m,
            },
            by: false,
        }
    }

    #[test]
    fn a_deadline_is_met_by_ending_no_later() {
        let w = Dec::ONE;
        assert_eq!(
            deadline_all_or_nothing(&month(11), &month(10), 2021, w, &"11月".into()).exact,
            w
        );
        assert_eq!(
            deadline_all_or_nothing(&month(11), &month(12), 2021, w, &"11月".into()).exact,
            Dec::ZERO
        );
    }

    #[test]
    fn months_late_are_deducted() {
        let rule = DeductRule {
            amount: "0.5".parse().unwrap(),
            step: Dec::ONE,
            step_unit: crate::value::Unit::Named("month".into()),
            from: crate::check::policy::DeductFrom::Late,
            partial: crate::syntax::ast::Partial::Exact,
            floor: Dec::ZERO,
        };
        let score = |m| {
            deadline_deduct(
                &rule,
                &month(9),
                &month(m),
                2021,
                Dec::from_int(2),
                &"9月".into(),
            )
            .unwrap()
            .exact
            .to_string()
        };
        assert_eq!(score(9), "2");
        assert_eq!(score(10), "1.5");
        assert_eq!(score(12), "0.5");
        assert_eq!(
            deadline_deduct(
                &rule,
                &month(1),
                &month(12),
                2021,
                Dec::from_int(2),
                &"".into()
            )
            .unwrap()
            .exact
            .to_string(),
            "0"
        );
    }
}
