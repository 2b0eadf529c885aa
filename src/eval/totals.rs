//! Section sums, the raw total, rescaling to full marks, and the grade.

use super::board::Totals;
use super::EvalError;
use crate::check::policy::{Policy, SectionId};
use crate::decimal::Dec;
use crate::scorecard::{IndicatorScore, SectionScore};
use std::borrow::Cow;
use sum::Sum;

mod sum;

/// Sums per section, in the policy's order, added up in one pass over the indicators in
/// report order. `placed_in` gives each indicator's section.
pub fn sections<'a>(
    policy: &'a Policy,
    indicators: &[IndicatorScore<'a>],
    placed_in: &[Option<SectionId>],
) -> Result<Vec<SectionScore<'a>>, EvalError> {
    // Points, score and points lost of each section.
    let mut sums = vec![(0usize, Sum::new(), Sum::new(), Sum::new()); policy.sections.len()];
    for (s, placed) in indicators.iter().zip(placed_in) {
        let Some(sum) = placed.and_then(|SectionId(id)| sums.get_mut(id)) else {
            continue;
        };
        sum.0 += 1;
        if let (Some(points), Some(_)) = (s.points, s.score) {
            sum.1.add(points);
        }
        if let Some(score) = s.score {
            sum.2.add(score);
        }
        if let Some(lost) = s.lost {
            sum.3.add(lost);
        }
    }
    let overflow = |_| EvalError::Overflow { what: "section" };
    policy
        .sections
        .iter()
        .zip(sums)
        .map(|(section, (indicators, points, score, lost))| {
            Ok(SectionScore {
                name: Cow::Borrowed(section.name.as_str()),
                indicators,
                points: points.value().map_err(overflow)?,
                score: score.value().map_err(overflow)?,
                lost: lost.value().map_err(overflow)?,
                expected_points: section.expected_points,
            })
        })
        .collect()
}

/// Raw total, maximum, total (rescaled when the policy says so and the maximum is not full
/// marks), grade. A maximum of 0 cannot be rescaled: the total is 0.
pub fn totals<'s, 'a: 's>(
    policy: &'a Policy,
    scored: impl Iterator<Item = &'s IndicatorScore<'a>>,
) -> Result<Totals<'a>, EvalError> {
    let overflow = |what| move |_| EvalError::Overflow { what };
    // Both sums in one pass, each in order; an overflow of the raw total is told first.
    let (mut raw, mut max) = (Sum::new(), Sum::new());
    for s in scored {
        if let Some(score) = s.score {
            raw.add(score);
            if let Some(points) = s.points {
                max.add(points);
            }
        }
    }
    let raw = raw.value().map_err(overflow("raw_total"))?;
    let max = max.value().map_err(overflow("max_points"))?;
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
