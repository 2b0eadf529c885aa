//! `bands { actual >= 90%: 5  80% <= actual < 90%: 4 … }`.

use super::{arith, Computed};
use crate::check::policy::BandRule;
use crate::decimal::Dec;
use crate::interval::{End, Interval};
use crate::scorecard::{Figure, Problem, Working};
use crate::syntax::ast::Award;
use crate::value::Unit;

/// The first band B falls in decides the score: its points, or its share of w. The ends of
/// each band come converted into B's unit (`ends`). A B in no band is a problem.
pub fn bands(
    rules: &[BandRule],
    ends: &[(Option<Dec>, Option<Dec>)],
    b: &Figure,
    w: Dec,
) -> Result<Computed, Problem> {
    for (rule, (lower, upper)) in rules.iter().zip(ends) {
        let end = |at: &Option<Dec>, written: &Option<(Dec, Unit, bool)>| match (at, written) {
            (Some(at), Some((_, _, inclusive))) => Some(End::new(*at, *inclusive)),
            _ => None,
        };
        if Interval::new(end(lower, &rule.lower), end(upper, &rule.upper)).contains(b.value) {
            let exact = match rule.award {
                Award::Points(p) => p,
                Award::Share(s) => w
                    .checked_mul(s)
                    .and_then(|x| x.checked_div(Dec::HUNDRED))
                    .map_err(arith(|| format!("{w} × {s}%")))?,
            };
            let band = describe(rule);
            return Ok(Computed::new(
                Working::Band {
                    b: b.clone(),
                    band,
                    award: rule.award,
                    w,
                },
                exact,
            ));
        }
    }
    Err(Problem::NoBand {
        actual: b.to_string(),
    })
}

/// `80% ≤ B < 90%`.
pub fn describe(rule: &BandRule) -> String {
    let end = |(v, u, _): &(Dec, Unit, bool)| format!("{v}{u}");
    match (&rule.lower, &rule.upper) {
        (Some(l), Some(u)) => format!(
            "{} {} B {} {}",
            end(l),
            if l.2 { "≤" } else { "<" },
            if u.2 { "≤" } else { "<" },
            end(u)
        ),
        (Some(l), None) => format!("B {} {}", if l.2 { "≥" } else { ">" }, end(l)),
        (None, Some(u)) => format!("B {} {}", if u.2 { "≤" } else { "<" }, end(u)),
        (None, None) => "B".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pct(v: &str) -> (Dec, Unit, bool) {
        (v.parse().unwrap(), Unit::Percent, true)
    }

    #[test]
    fn the_first_band_that_holds_decides_and_ends_are_explicit() {
        // 重点支出安排率 ≥90% → 5; 80%(含)–90% → 4; 60%(含)–80% → 3; below 60% → 0
        let band = |lower: Option<(Dec, Unit, bool)>,
                    upper: Option<(Dec, Unit, bool)>,
                    points: &str| BandRule {
            lower,
            upper,
            award: Award::Points(points.parse().unwrap()),
            span: Default::default(),
        };
        let exclusive = |mut e: (Dec, Unit, bool)| {
            e.2 = false;
            e
        };
        let rules = vec![
            band(Some(pct("90")), None, "5"),
            band(Some(pct("80")), Some(exclusive(pct("90"))), "4"),
            band(Some(pct("60")), Some(exclusive(pct("80"))), "3"),
            band(None, Some(exclusive(pct("60"))), "0"),
        ];
        let ends: Vec<_> = rules
            .iter()
            .map(|r| (r.lower.as_ref().map(|l| l.0), r.upper.as_ref().map(|u| u.0)))
            .collect();
        let score = |b: &str| {
            bands(
                &rules,
                &ends,
                &Figure::new(b.parse().unwrap(), Unit::Percent),
                Dec::from_int(5),
            )
            .unwrap()
            .exact
            .to_string()
        };
        assert_eq!(score("95"), "5");
        assert_eq!(score("90"), "5");
        assert_eq!(score("89.99"), "4");
        assert_eq!(score("80"), "4");
        assert_eq!(score("79.5"), "3");
        assert_eq!(score("59.99"), "0");
    }
}
