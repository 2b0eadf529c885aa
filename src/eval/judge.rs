//! Applying auditor judgements ([`crate::judgement`]) while scoring. A judgement applies
//! only to the indicator it names, only to one scored by a vocabulary, and only inside the
//! band of its word's class (an unknown word's band is the whole [0, points]: the auditor
//! decides its class). Every other judgement is an error, and any error refuses the whole
//! file: a score is never half-judged.

use crate::check::names;
use crate::check::policy::ShareRule;
use crate::decimal::Dec;
use crate::interval::Interval;
use crate::judgement::{Judgement, Judgements};
use crate::report::Report;
use crate::syntax::ast::Achievement;

/// Why a judgements file was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JudgementError {
    /// Index of the judgement in the file (none for the file as a whole).
    pub index: Option<usize>,
    /// Byte range in the judgements file (the judgement's indicator name).
    pub span: (usize, usize),
    pub kind: JudgementErrorKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum JudgementErrorKind {
    /// The file names another report.
    OtherReport { unit: String, year: i32 },
    /// Two judgements for one indicator.
    Duplicate { name: String },
    /// No indicator of the report has this name.
    UnknownIndicator {
        name: String,
        suggestion: Option<String>,
    },
    /// The indicator is not scored by a vocabulary's bands.
    NotBanded { name: String },
    /// The score lies outside the band of the indicator's word.
    OutsideBand {
        name: String,
        word: String,
        class: Option<Achievement>,
        band: Band,
        score: Dec,
    },
}

/// A judgement's band: the class's shares of the indicator's points, as scores.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Band {
    /// The scores a judgement may set.
    pub scores: Interval,
    /// The class's shares, in percent.
    pub shares: Interval,
    /// The points of the indicator.
    pub points: Dec,
}

impl Band {
    /// A class's share of `points`, as scores.
    pub fn of(share: &ShareRule, points: Dec) -> Band {
        let per_cent = points.checked_div(Dec::HUNDRED).unwrap_or(Dec::ZERO);
        let scores = share
            .band
            .scaled(per_cent)
            .unwrap_or(Interval::point(Dec::ZERO));
        Band {
            scores,
            shares: share.band,
            points,
        }
    }

    /// [0, points]: an unknown word's band.
    pub fn whole(points: Dec) -> Band {
        Band {
            scores: Interval::closed(Dec::ZERO, points),
            shares: Interval::closed(Dec::ZERO, Dec::HUNDRED),
            points,
        }
    }

    pub fn contains(&self, score: Dec) -> bool {
        self.scores.contains(score)
    }

    /// `[4.2, 5.6)`.
    pub fn show(&self) -> String {
        self.scores.show()
    }
}

/// The judgements of one evaluation: which were used, and what went wrong.
pub struct Judge<'j> {
    judgements: Option<&'j Judgements>,
    used: Vec<bool>,
    pub errors: Vec<JudgementError>,
}

impl<'j> Judge<'j> {
    /// No judgements.
    pub fn none() -> Judge<'static> {
        Judge {
            judgements: None,
            used: Vec::new(),
            errors: Vec::new(),
        }
    }

    /// Judgements for `report`: refused whole if they name another report; a second
    /// judgement of one indicator is an error.
    pub fn new(judgements: &'j Judgements, report: &Report) -> Judge<'j> {
        let mut judge = Judge {
            judgements: Some(judgements),
            used: vec![false; judgements.judgements.len()],
            errors: Vec::new(),
        };
        if let Some(named) = &judgements.report {
            if names::key(&named.unit) != names::key(&report.unit) || named.year != report.year {
                judge.errors.push(JudgementError {
                    index: None,
                    span: (0, 0),
                    kind: JudgementErrorKind::OtherReport {
                        unit: named.unit.clone(),
                        year: named.year,
                    },
                });
            }
        }
        for (i, j) in judgements.judgements.iter().enumerate() {
            let key = names::key(&j.indicator);
            if judgements.judgements[..i]
                .iter()
                .any(|earlier| names::key(&earlier.indicator) == key)
            {
                judge.errors.push(judge.error(
                    i,
                    JudgementErrorKind::Duplicate {
                        name: j.indicator.clone(),
                    },
                ));
            }
        }
        judge
    }

    fn error(&self, index: usize, kind: JudgementErrorKind) -> JudgementError {
        let span = self
            .judgements
            .and_then(|j| j.spans.get(index).copied())
            .unwrap_or((0, 0));
        JudgementError {
            index: Some(index),
            span,
            kind,
        }
    }

    /// The judgement of an indicator known by these names (policy's and report's), marked
    /// used. The names are asked for only when there are judgements.
    #[inline]
    pub fn take<'n>(
        &mut self,
        names_of: impl FnOnce() -> [&'n str; 2],
    ) -> Option<(usize, &'j Judgement)> {
        let judgements = self.judgements?;
        self.take_from(judgements, names_of())
    }

    fn take_from(
        &mut self,
        judgements: &'j Judgements,
        names_of: [&str; 2],
    ) -> Option<(usize, &'j Judgement)> {
        let keys: Vec<String> = names_of.iter().map(|n| names::key(n)).collect();
        let (i, j) = judgements
            .judgements
            .iter()
            .enumerate()
            .find(|(_, j)| keys.contains(&names::key(&j.indicator)))?;
        self.used[i] = true;
        Some((i, j))
    }

    /// A judgement on an indicator that is not scored by bands.
    pub fn not_banded(&mut self, index: usize, name: &str) {
        let error = self.error(
            index,
            JudgementErrorKind::NotBanded {
                name: name.to_string(),
            },
        );
        self.errors.push(error);
    }

    /// Checks a judgement against a band: its score, or an error naming the band.
    pub fn within(
        &mut self,
        index: usize,
        judgement: &Judgement,
        word: &str,
        class: Option<Achievement>,
        band: Band,
    ) -> Option<Dec> {
        let score = judgement.score.value;
        if band.contains(score) {
            return Some(score);
        }
        let kind = JudgementErrorKind::OutsideBand {
            name: judgement.indicator.clone(),
            word: word.to_string(),
            class,
            band,
            score,
        };
        let error = self.error(index, kind);
        self.errors.push(error);
        None
    }

    /// Every error, including judgements that named no indicator of the report. The report's
    /// indicator names are asked for only when there are judgements (for suggestions).
    pub fn finish<'n>(
        mut self,
        indicator_names: impl FnOnce() -> Vec<&'n str>,
    ) -> Vec<JudgementError> {
        let Some(judgements) = self.judgements else {
            return self.errors;
        };
        let indicator_names = indicator_names();
        for (i, j) in judgements.judgements.iter().enumerate() {
            if !self.used[i] && !self.errors.iter().any(|e| e.index == Some(i)) {
                let suggestion = names::closest(&j.indicator, indicator_names.iter().copied());
                let error = self.error(
                    i,
                    JudgementErrorKind::UnknownIndicator {
                        name: j.indicator.clone(),
                        suggestion,
                    },
                );
                self.errors.push(error);
            }
        }
        self.errors.sort_by_key(|e| e.span);
        self.errors
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bands_of_ten_hao_wen_in_points() {
        // 较及时 on 7 points: partly, [60%, 80%) → [4.2, 5.6)
        use crate::interval::End;
        let partly = ShareRule {
            band: Interval::new(
                Some(End::new(Dec::from_int(60), true)),
                Some(End::new(Dec::from_int(80), false)),
            ),
            default: Dec::from_int(60),
        };
        let band = Band::of(&partly, Dec::from_int(7));
        assert_eq!(band.show(), "[4.2, 5.6)");
        assert!(band.contains("4.2".parse().unwrap()));
        assert!(band.contains("5.59".parse().unwrap()));
        assert!(!band.contains("5.6".parse().unwrap()));
        assert!(!band.contains(Dec::from_int(6)));
        assert!(!band.contains("4.19".parse().unwrap()));
        assert_eq!(Band::whole(Dec::from_int(7)).show(), "[0, 7]");
    }
}
