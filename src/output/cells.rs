//! The figures of a scorecard row as every renderer shows them: points, score and points lost
//! at the policy's places, a blank for nothing lost, and "not scored" for a row without points.

use crate::check::Policy;
use crate::decimal::Dec;
use crate::i18n::Ui;
use crate::scorecard::IndicatorScore;

/// Points, score and points lost of one row, as text.
pub struct Cells {
    pub points: String,
    pub score: String,
    pub lost: String,
}

/// The places scores are shown with: the policy's rounding of indicators, else two.
pub fn places(policy: &Policy) -> u32 {
    policy.round_indicator.map_or(2, |r| r.places)
}

pub fn cells(row: &IndicatorScore, places: u32, ui: Ui) -> Cells {
    let figure = |d: Dec| d.to_string_places(places);
    let (score, lost) = match (row.score, row.lost) {
        (Some(s), Some(l)) => (
            figure(s),
            if l.is_zero() {
                String::new()
            } else {
                figure(l)
            },
        ),
        _ => (ui.not_scored(), String::new()),
    };
    let points = row.points.map_or_else(|| "—".to_string(), figure);
    Cells {
        points,
        score,
        lost,
    }
}
