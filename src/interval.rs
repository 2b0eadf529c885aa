//! Intervals of figures whose ends are included or not: a class's share of points
//! (`[60%, 80%)`), a judgement's band in points (`[4.2, 5.6)`), a band of actuals
//! (`80% <= actual < 90%`). One definition of "lies in", "is empty" and how it is shown.

use crate::decimal::Dec;

/// One end of an interval: a figure and whether the interval includes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct End {
    pub at: Dec,
    pub inclusive: bool,
}

/// The figures between two ends; a missing end leaves that side open (−∞ or +∞).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Interval {
    pub low: Option<End>,
    pub high: Option<End>,
}

impl End {
    pub fn new(at: Dec, inclusive: bool) -> End {
        End { at, inclusive }
    }
}

impl Interval {
    pub fn new(low: Option<End>, high: Option<End>) -> Interval {
        Interval { low, high }
    }

    /// `[low, high]`.
    pub fn closed(low: Dec, high: Dec) -> Interval {
        Interval::new(Some(End::new(low, true)), Some(End::new(high, true)))
    }

    /// The single figure `[x, x]`.
    pub fn point(x: Dec) -> Interval {
        Interval::closed(x, x)
    }

    /// Whether `x` lies in the interval.
    pub fn contains(&self, x: Dec) -> bool {
        let above = self
            .low
            .is_none_or(|l| if l.inclusive { x >= l.at } else { x > l.at });
        let below = self
            .high
            .is_none_or(|h| if h.inclusive { x <= h.at } else { x < h.at });
        above && below
    }

    /// Whether no figure lies in it: `90 <= x < 80`, `(5, 5]`.
    pub fn is_empty(&self) -> bool {
        match (self.low, self.high) {
            (Some(l), Some(h)) => l.at > h.at || (l.at == h.at && !(l.inclusive && h.inclusive)),
            _ => false,
        }
    }

    /// Both ends multiplied by `factor` (a share of points → points).
    pub fn scaled(&self, factor: Dec) -> Option<Interval> {
        let scale = |e: Option<End>| -> Option<Option<End>> {
            match e {
                None => Some(None),
                Some(e) => Some(Some(End::new(
                    e.at.checked_mul(factor).ok()?.normalized(),
                    e.inclusive,
                ))),
            }
        };
        Some(Interval::new(scale(self.low)?, scale(self.high)?))
    }

    /// `[4.2, 5.6)`, `[90, ∞)`, with `suffix` after each figure (`%`).
    pub fn show_with(&self, suffix: &str) -> String {
        let low = self.low.map_or_else(
            || "(−∞".to_string(),
            |l| format!("{}{}{suffix}", if l.inclusive { "[" } else { "(" }, l.at),
        );
        let high = self.high.map_or_else(
            || "∞)".to_string(),
            |h| format!("{}{suffix}{}", h.at, if h.inclusive { "]" } else { ")" }),
        );
        format!("{low}, {high}")
    }

    pub fn show(&self) -> String {
        self.show_with("")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Dec {
        s.parse().unwrap()
    }

    #[test]
    fn ends_are_included_or_not_as_written() {
        // [60%, 80%): the "partly" band of 财预〔2020〕10号
        let partly = Interval::new(
            Some(End::new(d("60"), true)),
            Some(End::new(d("80"), false)),
        );
        assert!(partly.contains(d("60")) && partly.contains(d("79.99")));
        assert!(!partly.contains(d("80")) && !partly.contains(d("59.99")));
        assert_eq!(partly.show_with("%"), "[60%, 80%)");
        // on 7 points: [4.2, 5.6)
        assert_eq!(partly.scaled(d("0.07")).unwrap().show(), "[4.2, 5.6)");
        let open = Interval::new(Some(End::new(d("90"), true)), None);
        assert!(open.contains(d("1000")));
        assert_eq!(open.show(), "[90, ∞)");
    }

    #[test]
    fn empty_intervals() {
        assert!(Interval::new(
            Some(End::new(d("90"), true)),
            Some(End::new(d("80"), false))
        )
        .is_empty());
        assert!(
            Interval::new(Some(End::new(d("5"), false)), Some(End::new(d("5"), true))).is_empty()
        );
        assert!(!Interval::point(d("5")).is_empty());
        assert!(!Interval::new(None, Some(End::new(d("5"), false))).is_empty());
    }
}
