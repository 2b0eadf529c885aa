//! Section sums, the raw total, rescaling to full marks, and the grade.

use super::board::Totals;
use super::EvalError;
use crate::check::policy::{Policy, SectionId};
use crate::decimal::Dec;
use crate::scorecard::{IndicatorScore, SectionScore};
use std::borrow::Cow;
use sum::Sum;

mod sum;

/// The section sums, added up as the indicators are scored, while each entry is at hand
/// (rather than in two passes over the entries afterwards), each in report order; and from
/// them the totals.
///
/// Indicators come section after section (placements are sorted by section), so the raw
/// total and the maximum add the sections' scores and points in turn, then the execution
/// item's: while the sections' sums are still sums of digits, the totals are their sums
/// ([`sum::merged`]), not added again term by term. Otherwise (a term the digits could not
/// take, an indicator out of section order or in none) they are added up from the entries,
/// one by one, as before.
pub struct Tally {
    /// Per section, in the policy's order: indicators placed, points, score, points lost.
    sections: Vec<(usize, Sum, Sum, Sum)>,
    /// The section of the last indicator added.
    last: usize,
    /// Whether every indicator so far was in a section, each in one not before the last's.
    in_order: bool,
}

impl Tally {
    pub fn new(policy: &Policy) -> Tally {
        Tally {
            sections: vec![(0, Sum::new(), Sum::new(), Sum::new()); policy.sections.len()],
            last: 0,
            in_order: true,
        }
    }

    /// An indicator placed in `section` (or in none).
    pub fn add(&mut self, s: &IndicatorScore<'_>, section: Option<SectionId>) {
        let Some((id, sum)) =
            section.and_then(|SectionId(id)| Some(id).zip(self.sections.get_mut(id)))
        else {
            self.in_order = false;
            return;
        };
        if id < self.last {
            self.in_order = false;
        }
        self.last = id;
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

    /// The sections' figures, then the totals of `indicators` (every one added, in order)
    /// and the execution item, last: an overflow of a section's sum is told first, then of
    /// the raw total, of the maximum, of the total.
    pub fn finish<'a>(
        self,
        policy: &'a Policy,
        indicators: &[IndicatorScore<'_>],
        execution: Option<&IndicatorScore<'_>>,
    ) -> Result<(Vec<SectionScore<'a>>, Totals<'a>), EvalError> {
        let overflow = |_| EvalError::Overflow { what: "section" };
        let merged = |part: fn(&(usize, Sum, Sum, Sum)) -> &Sum| {
            if self.in_order {
                sum::merged(self.sections.iter().map(part))
            } else {
                None
            }
        };
        let (mut raw, mut max) = match merged(|s| &s.2).zip(merged(|s| &s.1)) {
            Some(totals) => totals,
            None => {
                let (mut raw, mut max) = (Sum::new(), Sum::new());
                for s in indicators {
                    total(&mut raw, &mut max, s);
                }
                (raw, max)
            }
        };
        if let Some(s) = execution {
            total(&mut raw, &mut max, s);
        }
        let sections = policy
            .sections
            .iter()
            .zip(self.sections)
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
            .collect::<Result<Vec<_>, _>>()?;
        Ok((sections, totals(policy, raw, max)?))
    }
}

/// A scored indicator's score and points, into the raw total and the maximum.
fn total(raw: &mut Sum, max: &mut Sum, s: &IndicatorScore<'_>) {
    if let Some(score) = s.score {
        raw.add(score);
        if let Some(points) = s.points {
            max.add(points);
        }
    }
}

/// Raw total, maximum, total (rescaled when the policy says so and the maximum is not full
/// marks), grade. A maximum of 0 cannot be rescaled: the total is 0.
fn totals(policy: &Policy, raw: Sum, max: Sum) -> Result<Totals<'_>, EvalError> {
    let overflow = |what| move |_| EvalError::Overflow { what };
    // An overflow of the raw total is told first.
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
