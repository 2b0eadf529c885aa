//! A diagnostic for each indicator that lost points: it points at the rule that took them
//! and says, in the report's words, the target, the actual, the method and the arithmetic.

use super::diagnostic::Diag;
use crate::check::Policy;
use crate::i18n::{self, Lang, Ui};
use crate::scorecard::{IndicatorScore, Working};
use miette::Severity;

/// The code of a lost-point diagnostic: what took the points.
fn code(s: &IndicatorScore) -> String {
    let what = match &s.working {
        Working::NotDone { .. } => "not_done",
        Working::ClaimedZero { .. } => "claimed_bound",
        Working::NoRow => "missing_row",
        Working::Problem(p) => return p.code().to_string(),
        _ => s.method.unwrap_or("score"),
    };
    format!("perfrules::lost::{what}")
}

pub fn lost_points(s: &IndicatorScore, policy: &Policy, lang: Lang) -> Option<Diag> {
    let (points, score, lost) = (s.points?, s.score?, s.lost?);
    if lost.is_zero() {
        return None;
    }
    let ui = Ui(lang);
    let sources = policy.sources();
    let message = ui.lost_message(
        &s.name,
        &lost.to_string(),
        &points.to_string(),
        &score.to_string(),
    );
    let mut help = Vec::new();
    let shown = |v: Option<&str>| match v {
        None => "—".to_string(),
        Some(v) if v.trim().is_empty() => ui.empty(),
        Some(v) => v.to_string(),
    };
    let (target, actual) = (shown(s.target.as_deref()), shown(s.actual()));
    let (target, actual) = (target.as_str(), actual.as_str());
    let target_written = s.target_written.as_deref().filter(|_| s.target_differs);
    let actual_written = s.actual_written.as_deref().filter(|_| s.actual_derived);
    help.push(ui.target_actual(
        target,
        target_written,
        actual,
        s.actual_derived,
        actual_written,
    ));
    // A derivation that failed is told by the problem itself.
    if let (Some(derivation), Some(_)) = (s.derivation(), s.actual()) {
        help.push(ui.derivation(derivation));
    }
    if let Some(method) = s.method {
        help.push(ui.method(&i18n::method_name(method, lang)));
    }
    help.push(i18n::working(s, lang, false).0);
    let mut diag = Diag::over(sources, s.rule, &code(s), Severity::Advice, message).label(
        sources,
        s.rule,
        ui.scored_here(),
        true,
    );
    if let Some(also) = s.also() {
        diag = diag.label(sources, also, ui.derived_here(), false);
    }
    Some(diag.help(Some(help.join("\n"))))
}
