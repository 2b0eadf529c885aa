//! A scored indicator as the scorecard shows it, and as checks read it.

use super::board::IndicatorFacts;
use super::prepare::{Prepared, Written};
use super::score::Scored;
use crate::check::Policy;
use crate::scorecard::IndicatorScore;

/// The scorecard entry and the facts checks read, for a prepared and scored indicator (or
/// the execution item).
pub fn entry<'p>(
    p: &'p Prepared<'_>,
    scored: Scored<'p>,
    policy: &Policy,
) -> (IndicatorScore, IndicatorFacts<'p>) {
    let value = |w: &'p Written| w.as_ref().and_then(|r| r.as_ref().ok());
    let text = |w: &Written| {
        w.as_ref().map(|r| {
            r.as_ref()
                .map_or_else(|t| t.clone(), |v| v.text.to_string())
        })
    };
    let target_differs = p.target_fixed
        && matches!((&p.target, &p.target_written), (Some(Ok(t)), Some(Ok(w))) if !w.is_blank() && !w.same_target_as(t));
    let actual = match (&p.derived, p.derived_expr) {
        (Some(Ok((n, _))), _) => Some(format!("{}{}", n.value.approx(), n.unit)),
        (None, None) => text(&p.actual_written),
        _ => None,
    };
    let score = IndicatorScore {
        name: p.name.clone(),
        section: p
            .placement
            .section
            .map(|s| policy.sections[s.0].name.clone()),
        group: p.group.clone(),
        row: p.placement.row,
        points: p.points,
        score: scored.score,
        lost: p
            .points
            .zip(scored.score)
            .and_then(|(w, s)| w.checked_sub(s).ok()),
        method: scored.method,
        form: scored.form,
        target: text(&p.target),
        target_written: text(&p.target_written),
        target_fixed: p.target_fixed,
        target_differs,
        actual,
        actual_written: text(&p.actual_written),
        actual_derived: p.derived_expr.is_some(),
        derivation: p.derived.as_ref().map(|d| {
            d.as_ref()
                .map_or_else(|(shown, _)| shown.clone(), |(_, w)| w.clone())
        }),
        self_score: p.self_score,
        reason: p
            .row
            .and_then(|r| r.reason.clone())
            .filter(|r| !r.trim().is_empty()),
        working: scored.working,
        exact: scored.exact,
        rule: scored.rule,
        also: p.derived_span.filter(|s| *s != scored.rule),
    };
    let facts = IndicatorFacts {
        rule: p.placement.rule,
        target: value(&p.target),
        target_written: value(&p.target_written),
        actual: scored.actual,
        actual_written: value(&p.actual_written),
    };
    (score, facts)
}
