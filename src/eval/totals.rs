//! Section sums, the raw total, rescaling to full marks, and the grade.

use super::board::Totals;
use super::EvalError;
use crate::check::policy::{Policy, SectionId};
use crate::decimal::Dec;
use crate::scorecard::{IndicatorScore, SectionScore};
use std::borrow::Cow;

/// Sums per section, in the policy's order, added up in one pass over the indicators in
/// report order. `placed_in` gives each indicator's section.
pub fn sections<'a>(
    policy: &'a Policy,
    indicators: &[IndicatorScore<'a>],
    placed_in: &[Option<SectionId>],
) -> Result<Vec<SectionScore<'a>>, EvalError> {
    let mut out: Vec<SectionScore<'a>> = policy
        .sections
        .iter()
        .map(|section| SectionScore {
            name: Cow::Borrowed(section.name.as_str()),
            indicators: 0,
            points: Dec::ZERO,
            score: Dec::ZERO,
            lost: Dec::ZERO,
            expected_points: section.expected_points,
        })
        .collect();
    let overflow = |_| EvalError::Overflow { what: "section" };
    for (s, placed) in indicators.iter().zip(placed_in) {
        let Some(sum) = placed.and_then(|SectionId(id)| out.get_mut(id)) else {
            continue;
        };
        sum.indicators += 1;
        if let (Some(points), Some(_)) = (s.points, s.score) {
            sum.points = sum.points.checked_add(points).map_err(overflow)?;
        }
        if let Some(score) = s.score {
            sum.score = sum.score.checked_add(score).map_err(overflow)?;
        }
        if let Some(lost) = s.lost {
            sum.lost = sum.lost.checked_add(lost).map_err(overflow)?;
        }
    }
    Ok(out)
}

/// Raw total, maximum, total (rescaled when the policy says so and the maximum is not full
/// marks), grade. A maximum of 0 cannot be rescaled: the total is 0.
pub fn totals<'s, 'a: 's>(
    policy: &'a Policy,
    scored: impl Iterator<Item = &'s IndicatorScore<'a>>,
) -> Result<Totals<'a>, EvalError> {
    let overflow = |what| move |_| EvalError::Overflow { what };
    // Both sums in one pass, each in order; an overflow of the raw total is told first.
    let (mut raw, mut max) = (Ok(Dec::ZERO), Ok(Dec::ZERO));
    for s in scored {
        if let Some(score) = s.score {
            raw = raw.and_then(|sum: Dec| sum.checked_add(score));
            if let Some(points) = s.points {
                max = max.and_then(|sum: Dec| sum.checked_add(points));
            }
        }
    }
    let raw = raw.map_err(overflow("raw_total"))?;
    let max = max.map_err(overflow("max_points"))?;
    let full = policy.full_marks();
    let rescaled = policy.rescale.is_some() && max != full && !max.is_zero();
    let total = if rescaled {
        let exact = raw
            .checked_mul(full)
            .and_then(|x| x.checked_div(max))
            .map_err(overflow("total"))?;
        policy.round_total.map_or(exact, |r| r.apply(exact))
    } else {
        policy.round_total.map_or(raw, |r| r.apply(raw))
    };
    Ok(Totals {
        raw,
        max,
        total,
        grade: grade(policy, total),
        rescaled,
    })
}

fn grade(policy: &Policy, total: Dec) -> &str {
    policy
        .grades
        .iter()
        .find(|g| g.min.is_none_or(|min| total >= min))
        .map_or("", |g| g.name.as_str())
}
