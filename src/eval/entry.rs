//! A scored indicator as the scorecard shows it, and as checks read it.

use super::board::IndicatorFacts;
use super::prepare::{Prepared, Written};
use super::score::Scored;
use crate::check::Policy;
use crate::scorecard::{Derivation, IndicatorScore};
use crate::value::Value;
use std::borrow::Cow;

/// The scorecard entry and the facts checks read, for a prepared and scored indicator (or
/// the execution item), pushed onto `entries` and `facts`. The entry's names and texts are
/// borrowed from the report and the policy; only a derived actual is written out.
///
/// Pushed here rather than returned: an entry is some 450 bytes, and returning it as a pair
/// moved it twice more.
pub fn entry<'p, 'a>(
    p: &Prepared<'p, 'a>,
    scored: Scored<'p>,
    policy: &'a Policy,
    entries: &mut Vec<IndicatorScore<'a>>,
    facts: &mut Vec<IndicatorFacts<'p>>,
) {
    let value = |w: &'p Written<'_>| w.as_ref().and_then(|r| r.as_ref().ok());
    let cells = p.cells;
    let row = p.row;
    // The scorecard borrows the report's cells, trimmed once by prepare; the policy's own
    // target is borrowed from the policy.
    let target_written = cells.target_text.map(Cow::Borrowed);
    let target = match p.fixed_target {
        Some(fixed) => Some(Cow::Borrowed(fixed.text.as_str())),
        None => target_written.clone(),
    };
    let target_differs = matches!((p.fixed_target, &cells.target_written), (Some(t), Some(Ok(w))) if !w.is_blank() && !w.same_target_as(t));
    // Only a derived actual is written out: its figure and working.
    let derived = p.derived_rule.map(|rule| {
        let (actual, working) = match cells.derived.as_deref() {
            Some(Ok((n, working))) => (
                Some({
                    let mut actual = String::new();
                    super::expr::figure_into(n.value, &n.unit, &mut actual);
                    actual
                }),
                Some(working.clone()),
            ),
            Some(Err((shown, _))) => (None, Some(shown.clone())),
            None => (None, None),
        };
        Box::new(Derivation {
            actual,
            working,
            also: Some(rule.span).filter(|s| *s != scored.rule),
        })
    });
    entries.push(IndicatorScore {
        name: Cow::Borrowed(p.name),
        section: cells
            .placement
            .section
            .map(|s| Cow::Borrowed(policy.sections[s.0].name.as_str())),
        group: p.group.map(Cow::Borrowed),
        row: cells.placement.row,
        points: p.points,
        score: scored.score,
        lost: scored.lost,
        method: scored.method,
        form: scored.form,
        target,
        target_written,
        target_fixed: p.target_fixed(),
        target_differs,
        actual_written: p.actual_text.clone(),
        actual_derived: derived.is_some(),
        derived,
        self_score: p.self_score,
        reason: row
            .and_then(|r| r.reason.as_deref())
            .filter(|r| !crate::value::is_blank_text(r))
            .map(Cow::Borrowed),
        working: scored.working,
        exact: scored.exact,
        rule: scored.rule,
    });
    let target: Option<&'p Value> = match p.fixed_target {
        Some(fixed) => Some(fixed),
        None => value(&cells.target_written),
    };
    facts.push(IndicatorFacts {
        rule: cells.placement.rule,
        target,
        target_written: value(&cells.target_written),
        actual: scored.actual,
        actual_written: value(&cells.actual_written),
    });
}
