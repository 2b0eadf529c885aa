//! Section sums, the raw total, rescaling to full marks, and the grade.

use super::board::Totals;
use super::EvalError;
use crate::check::policy::{Policy, SectionId};
use crate::decimal::Dec;
use crate::scorecard::{IndicatorScore, SectionScore};
use std::borrow::Cow;

/// Sums per section, in the policy's order. `placed` gives each indicator's section.
pub fn sections<'a>(
    policy: &'a Policy,
    indicators: &[IndicatorScore<'a>],
    placed_in: &[Option<SectionId>],
) -> Result<Vec<SectionScore<'a>>, EvalError> {
    let mut out = Vec::with_capacity(policy.sections.len());
    for (id, section) in policy.sections.iter().enumerate() {
        let placed = || {
            indicators
                .iter()
                .zip(placed_in)
                .filter(move |(_, s)| **s == Some(SectionId(id)))
                .map(|(i, _)| i)
        };
        let sum = |pick: fn(&IndicatorScore) -> Option<Dec>| {
            Dec::sum(placed().filter_map(pick)).map_err(|_| EvalError::Overflow { what: "section" })
        };
        out.push(SectionScore {
            name: Cow::Borrowed(section.name.as_str()),
            indicators: placed().count(),
            points: sum(|s| s.points.filter(|_| s.score.is_some()))?,
            score: sum(|s| s.score)?,
            lost: sum(|s| s.lost)?,
            expected_points: section.expected_points,
        });
    }
    Ok(out)
}

/// Raw total, maximum, total (rescaled when the policy says so and the maximum is not full
/// marks), grade. A maximum of 0 cannot be rescaled: the total is 0.
pub fn totals<'s, 'a: 's>(
    policy: &'a Policy,
    scored: impl Iterator<Item = &'s IndicatorScore<'a>> + Clone,
) -> Result<Totals<'a>, EvalError> {
    let overflow = |what| move |_| EvalError::Overflow { what };
    let raw = Dec::sum(scored.clone().filter_map(|s| s.score)).map_err(overflow("raw_total"))?;
    let max = Dec::sum(
        scored
            .filter(|s| s.score.is_some())
            .filter_map(|s| s.points),
    )
    .map_err(overflow("max_points"))?;
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
