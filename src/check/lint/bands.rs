//! Band tables: actuals that fall in no band (a gap), in two (an overlap), or at an end
//! two bands share and both or neither include.

use super::{Lint, LintKind};
use crate::check::methods::band_interval;
use crate::decimal::Dec;
use crate::interval::End;
use crate::source::Span;
use crate::syntax::ast::{Band, Method, RuleFile};
use crate::value::Unit;

pub fn bands(file: &RuleFile, out: &mut Vec<Lint>) {
    for method in super::methods(file) {
        if let Method::Bands(bands) = &method.node {
            table(bands, out);
        }
    }
}

fn table(bands: &[Band], out: &mut Vec<Lint>) {
    // Ends in different units would need the policy's conversions: left to the evaluator.
    let units: Vec<&Unit> = bands
        .iter()
        .flat_map(|b| [&b.lower, &b.upper])
        .flatten()
        .map(|e| &e.value.node.unit)
        .collect();
    let Some(unit) = units.first().copied() else {
        return;
    };
    if units.iter().any(|u| *u != unit) {
        return;
    }
    // An empty band is the checker's error already.
    let intervals: Vec<_> = bands.iter().map(|b| (band_interval(b), b.span)).collect();
    if intervals.iter().any(|(i, _)| i.is_empty()) {
        return;
    }
    let mut sorted: Vec<(Option<End>, Option<End>, Span)> = intervals
        .iter()
        .map(|(i, span)| (i.low, i.high, *span))
        .collect();
    // lowest lower end first; an open lower end (−∞) before any figure
    sorted.sort_by(|a, b| match (a.0, b.0) {
        (None, None) => std::cmp::Ordering::Equal,
        (None, Some(_)) => std::cmp::Ordering::Less,
        (Some(_), None) => std::cmp::Ordering::Greater,
        (Some(x), Some(y)) => x.at.cmp(&y.at).then(y.inclusive.cmp(&x.inclusive)),
    });
    let show = |d: Dec| format!("{d}{unit}");
    // How far the bands so far reach: None before the first, Some(None) once unbounded.
    let mut reach: Option<(Option<End>, Span)> = None;
    for (lower, upper, span) in sorted {
        match (&reach, lower) {
            (None, Some(low)) => {
                if low.at > Dec::ZERO || !low.inclusive && low.at == Dec::ZERO {
                    let bracket = if low.inclusive { "<" } else { "<=" };
                    out.push(Lint::new(
                        LintKind::BandGap {
                            gap: format!("0{unit} <= B {bracket} {}", show(low.at)),
                        },
                        span,
                    ));
                }
            }
            (None, None) => {}
            (Some((None, first)), _) => {
                out.push(overlap(lower, upper, unit).related(*first).at(span));
            }
            (Some((Some(high), first)), None) => {
                out.push(
                    overlap(None, lowest(*high, upper), unit)
                        .related(*first)
                        .at(span),
                );
            }
            (Some((Some(high), first)), Some(low)) => {
                if low.at < high.at {
                    out.push(
                        overlap(Some(low), lowest(*high, upper), unit)
                            .related(*first)
                            .at(span),
                    );
                } else if low.at == high.at && low.inclusive && high.inclusive {
                    out.push(
                        Lint::new(
                            LintKind::BandEndUnclear {
                                end: show(low.at),
                                both: true,
                            },
                            span,
                        )
                        .related(*first),
                    );
                } else if low.at == high.at && !low.inclusive && !high.inclusive {
                    out.push(
                        Lint::new(
                            LintKind::BandEndUnclear {
                                end: show(low.at),
                                both: false,
                            },
                            span,
                        )
                        .related(*first),
                    );
                } else if low.at > high.at {
                    let from = if high.inclusive { "<" } else { "<=" };
                    let to = if low.inclusive { "<" } else { "<=" };
                    out.push(
                        Lint::new(
                            LintKind::BandGap {
                                gap: format!("{} {from} B {to} {}", show(high.at), show(low.at)),
                            },
                            span,
                        )
                        .related(*first),
                    );
                }
            }
        }
        // the reach moves to the higher upper end
        reach = Some(match (&reach, upper) {
            (Some((None, s)), _) => (None, *s),
            (_, None) => (None, span),
            (None, Some(u)) => (Some(u), span),
            (Some((Some(h), s)), Some(u)) => {
                if u.at > h.at || (u.at == h.at && u.inclusive && !h.inclusive) {
                    (Some(u), span)
                } else {
                    (Some(*h), *s)
                }
            }
        });
    }
    if let Some((Some(high), span)) = reach {
        let op = if high.inclusive { ">" } else { ">=" };
        out.push(Lint::new(
            LintKind::BandGap {
                gap: format!("B {op} {}", show(high.at)),
            },
            span,
        ));
    }
}

/// The lower of two upper ends (an open end is +∞).
fn lowest(high: End, upper: Option<End>) -> Option<End> {
    match upper {
        Some(u) if u.at < high.at => Some(u),
        _ => Some(high),
    }
}

/// Two bands that both take the actuals from `lower` to `upper`.
fn overlap(lower: Option<End>, upper: Option<End>, unit: &Unit) -> Lint {
    let show = |e: Option<End>| e.map_or_else(|| "…".to_string(), |e| format!("{}{unit}", e.at));
    Lint::new(
        LintKind::BandOverlap {
            overlap: format!("{} – {}", show(lower), show(upper)),
        },
        Span::default(),
    )
}

impl Lint {
    fn at(mut self, span: Span) -> Lint {
        self.span = span;
        self
    }
}
