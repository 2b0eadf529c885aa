//! Scoring one prepared indicator: not done, then the target's form and its method, then the
//! method's working; the exact score is kept in [0, points] and rounded where the policy says.

use super::expr::Val;
use super::judge::{Band, Judge};
use super::methods::{self, Computed};
use super::placement::engine;
use super::prepare::{Cells, Prepared};
use super::quantity::{aligned, Num};
use crate::check::policy::{DeductFrom, Method, Policy, ScoringRule};
use crate::check::units::Relation;
use crate::decimal::Dec;
use crate::scorecard::{EngineFinding, Figure, Finding, Judged, Problem, Shown, Working};
use crate::source::Span;
use crate::syntax::ast::{ClaimedMode, Severity};
use crate::value::{Comparison, TargetForm, Unit, Value, ValueKind};

/// An indicator's score and what checks read of it.
pub struct Scored<'p> {
    pub working: Working,
    pub exact: Option<Dec>,
    pub score: Option<Dec>,
    /// The points less the score, found where both are at hand.
    pub lost: Option<Dec>,
    pub method: Option<&'static str>,
    pub form: Option<TargetForm>,
    pub rule: Span,
    /// The actual as scored: a figure in the target's unit, or the value as written.
    pub actual: Seen<'p>,
}

/// What stopped scoring early: a zero outcome with its working, or a problem. Boxed: it is
/// the error side of every step, and most indicators never stop.
struct Stop(Box<StopAt>);

struct StopAt {
    working: Working,
    rule: Span,
}

impl Stop {
    fn new(working: Working, rule: Span) -> Stop {
        Stop(Box::new(StopAt { working, rule }))
    }
}

/// The actual, before the method reads it.
#[derive(Clone, Copy)]
pub enum Actual<'p> {
    Figure(&'p Num),
    Written(&'p Value<'p>),
}

/// What the scorer has seen of the actual, kept as references (nothing to drop when it
/// sees more): the actual as scored, which checks read ([`super::board::IndicatorFacts`])
/// as it is, without a value made and dropped for every indicator.
#[derive(Clone, Copy)]
pub enum Seen<'p> {
    Absent,
    Read(Actual<'p>),
    /// The figure scored, in the target's unit.
    InUnit(Dec, &'p Unit),
}

impl<'p> Seen<'p> {
    /// The actual as scored, as the general evaluator reads it.
    pub fn val(self) -> Val<'p> {
        match self {
            Seen::Absent => Val::Absent,
            Seen::Read(Actual::Figure(n)) => Val::Num(n.clone()),
            Seen::Read(Actual::Written(v)) => Val::Written(v),
            Seen::InUnit(value, unit) => Val::Num(Num::new(value, unit.clone())),
        }
    }
}

/// Scores one indicator; its findings are added to `findings`.
pub fn score<'p, 'a>(
    p: &Prepared<'p, 'a>,
    policy: &'p Policy,
    year: i32,
    judge: &mut Judge<'_>,
    findings: &mut Vec<Finding<'a>>,
) -> Scored<'p> {
    // Points below zero are no points: nothing can be scored in [0, points].
    let w = match p.points {
        Some(w) if w.is_negative() => Err(EngineFinding::NegativePoints { points: w }),
        Some(w) => Ok(w),
        None => Err(EngineFinding::NoPoints),
    };
    let w = match w {
        Ok(w) => w,
        Err(why) => return not_scored(p, judge, why, findings),
    };
    let mut scorer = Scorer {
        p,
        policy,
        year,
        first_finding: findings.len(),
        findings,
        form: None,
        method: None,
        actual: Seen::Absent,
        rule: p.rule,
        judge,
        judgement_taken: false,
    };
    // The working stays where `run` put it until it moves into the score.
    let outcome = scorer.run(w);
    let (exact, rule) = match &outcome {
        Ok(computed) => (computed.exact, scorer.rule),
        Err(Stop(stop)) => {
            if let Working::Problem(problem) = &stop.working {
                let mut finding = engine(
                    Severity::Error,
                    p.name,
                    EngineFinding::Unscorable(problem.clone()),
                );
                finding.rule = Some(stop.rule);
                scorer.findings.push(finding);
            }
            (Dec::ZERO, stop.rule)
        }
    };
    // A judgement only a qualitative method takes; on any other indicator it is refused.
    if !scorer.judgement_taken {
        if let Some((i, _)) = scorer.judge.take(|| names_of(p)) {
            scorer.judge.not_banded(i, p.name);
        }
    }
    // Rounded once, as the policy says, and never above the points: where rounding would
    // pass them (points written with more places than scores are rounded to: 0.5 points,
    // scores to whole numbers), the score is the points themselves.
    // A met target's score is the points themselves (the same decimal): nothing to clamp.
    let kept = if exact.identical(w) {
        w
    } else {
        exact.clamp_to(Dec::ZERO, w)
    };
    let rounded = policy.round_indicator.map_or(kept, |r| r.apply(kept));
    let score = if rounded.identical(w) {
        w
    } else {
        rounded.min(w)
    };
    Scored {
        working: match outcome {
            Ok(computed) => computed.working,
            Err(Stop(stop)) => stop.working,
        },
        exact: Some(exact),
        score: Some(score),
        lost: w.checked_sub(score).ok(),
        method: scorer.method,
        form: scorer.form,
        rule,
        actual: scorer.actual,
    }
}

/// An indicator without points, or with points below zero: not scored, and an error finding
/// says why.
fn not_scored<'p, 'a>(
    p: &Prepared<'p, 'a>,
    judge: &mut Judge<'_>,
    why: EngineFinding,
    findings: &mut Vec<Finding<'a>>,
) -> Scored<'p> {
    if let Some((i, _)) = judge.take(|| names_of(p)) {
        judge.not_banded(i, p.name);
    }
    findings.push(engine(Severity::Error, p.name, why));
    Scored {
        working: Working::NotScored,
        exact: None,
        score: None,
        lost: None,
        method: None,
        form: None,
        rule: p.rule,
        actual: Seen::Absent,
    }
}

/// The names a judgement may use for an indicator: the policy's and the report row's (the
/// same twice when there is no row).
fn names_of<'a>(p: &Prepared<'_, 'a>) -> [&'a str; 2] {
    [p.name, p.row.map_or(p.name, |r| r.name.as_str())]
}

struct Scorer<'v, 'p, 'm, 'a, 'j, 'f> {
    p: &'v Prepared<'p, 'a>,
    policy: &'p Policy,
    year: i32,
    findings: &'f mut Vec<Finding<'a>>,
    /// Where this indicator's findings begin in `findings`.
    first_finding: usize,
    form: Option<TargetForm>,
    method: Option<&'static str>,
    judge: &'m mut Judge<'j>,
    judgement_taken: bool,
    actual: Seen<'p>,
    /// The scoring rule that scored the indicator (its method's), once one is chosen: kept
    /// here rather than returned beside the working, which would move the working again.
    rule: Span,
}

impl<'p, 'a: 'p> Scorer<'_, 'p, '_, 'a, '_, '_> {
    fn problem(&self, problem: Problem, rule: Span) -> Stop {
        Stop::new(Working::Problem(problem), rule)
    }

    fn run(&mut self, w: Dec) -> Result<Computed, Stop> {
        let actual = self.actual()?;
        let target: &'p Value<'p> = self.target()?;
        // INVARIANT: target() refuses blanks, so every target has a form.
        let form = target.target_form().unwrap_or(TargetForm::Word);
        self.form = Some(form);
        let Some(rule) = self.p.methods.get(form) else {
            return Err(self.problem(Problem::NoMethod { form }, self.p.rule));
        };
        self.method = Some(rule.method.keyword());
        self.rule = rule.span;
        if let Actual::Written(v) = &actual {
            if v.is_claimed_bound() && self.policy.claimed.node == ClaimedMode::Zero {
                return Err(Stop::new(
                    Working::ClaimedZero {
                        written: v.text.to_short(),
                    },
                    self.policy.claimed.span,
                ));
            }
        }
        match &rule.method {
            Method::Qualitative(id) => {
                self.qualitative(&self.policy.vocabularies[id.0], target, &actual, w, rule)
            }
            Method::AllOrNothing if form == TargetForm::Deadline => {
                self.deadline(target, &actual, w, rule, None)
            }
            Method::Deduct(d) if matches!(d.from, DeductFrom::Late) => {
                self.deadline(target, &actual, w, rule, Some(d))
            }
            _ => self.numeric(form, target, &actual, w, rule),
        }
    }

    /// The actual, or why there is nothing to score: no row, not done, unreadable.
    fn actual(&mut self) -> Result<Actual<'p>, Stop> {
        let p = self.p;
        let cells: &'p Cells<'_> = p.cells;
        if let Some(derived) = cells.derived.as_deref() {
            let span = p.derived_rule.map_or(p.rule, |d| d.span);
            return match derived {
                Ok((num, _)) => {
                    self.actual = Seen::Read(Actual::Figure(num));
                    Ok(Actual::Figure(num))
                }
                Err((shown, error)) => Err(self.problem(
                    Problem::Arithmetic {
                        shown: shown.clone(),
                        error: error.clone(),
                    },
                    span,
                )),
            };
        }
        // `None`: a row without an actual cell, read as a blank.
        let value: Option<&'p Value<'p>> = match &cells.actual_written {
            None if p.row.is_none() => return Err(Stop::new(Working::NoRow, p.rule)),
            None => None,
            Some(Err(unread)) => {
                return Err(self.problem(
                    Problem::Unreadable {
                        field: "actual",
                        text: unread.text.to_string(),
                        why: unread.why,
                    },
                    p.rule,
                ))
            }
            Some(Ok(v)) => Some(v),
        };
        let not_done = &self.policy.not_done;
        let not_done_rule = not_done.span.unwrap_or(p.rule);
        let kind = value.map_or(&ValueKind::Blank, |v| &v.kind);
        match (kind, value) {
            (ValueKind::Blank, _) if not_done.empty => {
                Err(Stop::new(Working::NotDone { word: None }, not_done_rule))
            }
            (ValueKind::Blank, _) | (_, None) => Err(self.problem(Problem::MissingActual, p.rule)),
            (ValueKind::Word(word), _) if not_done.words.iter().any(|w| w == word) => {
                Err(Stop::new(
                    Working::NotDone {
                        word: Some(word.clone()),
                    },
                    not_done_rule,
                ))
            }
            (_, Some(value)) => {
                self.actual = Seen::Read(Actual::Written(value));
                Ok(Actual::Written(value))
            }
        }
    }

    fn target(&self) -> Result<&'p Value<'p>, Stop> {
        match self.p.target() {
            Some(Ok(v)) if !v.is_blank() => Ok(v),
            Some(Err(unread)) => Err(self.problem(
                Problem::Unreadable {
                    field: "target",
                    text: unread.text.to_string(),
                    why: unread.why,
                },
                self.p.rule,
            )),
            _ => Err(self.problem(Problem::MissingTarget, self.p.rule)),
        }
    }

    fn mismatch(&self, target: &Value, actual: &Actual<'_>, rule: &ScoringRule) -> Stop {
        self.problem(
            Problem::KindMismatch {
                target: target.text.to_string(),
                actual: actual_text(actual),
            },
            rule.span,
        )
    }

    /// A word classed by the vocabulary, or judged by the auditor inside its class's band.
    fn qualitative(
        &mut self,
        vocabulary: &crate::check::policy::VocabularyRule,
        target: &Value,
        actual: &Actual<'_>,
        w: Dec,
        rule: &ScoringRule,
    ) -> Result<Computed, Stop> {
        let Some(word) = written(actual).and_then(|v| match &v.kind {
            ValueKind::Word(word) => Some(word),
            _ => None,
        }) else {
            return Err(self.mismatch(target, actual, rule));
        };
        let judgement = self.judge.take(|| names_of(self.p));
        self.judgement_taken = judgement.is_some();
        let classed = methods::classify(vocabulary, word, &target.text);
        let judged = judgement.and_then(|(i, j)| {
            // The band a judgement must lie in (computed only for a judged indicator).
            let band = match classed {
                Some((class, _)) => Band::of(&class.share, w),
                None => Band::whole(w),
            };
            let score = self
                .judge
                .within(i, j, word, classed.map(|(c, _)| c.class), band)?;
            Some(Judged {
                score,
                band: band.show(),
                note: j.note.clone(),
            })
        });
        match (classed, judged) {
            (Some((class, same)), judged) => methods::qualitative(class, same, word, w, judged)
                .map_err(|p| self.problem(p, rule.span)),
            (None, Some(judged)) => Ok(methods::judged_unknown(word, judged)),
            (None, None) => {
                Err(self.problem(Problem::UnknownWord { word: word.clone() }, rule.span))
            }
        }
    }

    fn deadline(
        &mut self,
        target: &Value,
        actual: &Actual<'_>,
        w: Dec,
        rule: &ScoringRule,
        deduct: Option<&crate::check::policy::DeductRule>,
    ) -> Result<Computed, Stop> {
        let (ValueKind::Period(a), Some(b)) = (
            &target.kind,
            written(actual).and_then(|v| match &v.kind {
                ValueKind::Period(b) => Some(b),
                _ => None,
            }),
        ) else {
            return Err(self.mismatch(target, actual, rule));
        };
        let text = &target.text;
        match deduct {
            None => Ok(methods::deadline_all_or_nothing(a, b, self.year, w, text)),
            Some(d) => methods::deadline_deduct(d, a, b, self.year, w, text)
                .map_err(|p| self.problem(p, rule.span)),
        }
    }

    /// Methods on numbers: A and B in one unit, then the method.
    fn numeric(
        &mut self,
        form: TargetForm,
        target: &'p Value,
        actual: &Actual<'p>,
        w: Dec,
        rule: &ScoringRule,
    ) -> Result<Computed, Stop> {
        let Some(q) = target.quantity() else {
            return Err(self.mismatch(target, actual, rule));
        };
        // A and B read in place: their units are copied only into the figures kept.
        let a = (q.number, &q.unit);
        let b = match actual {
            Actual::Figure(n) => (n.value, &n.unit),
            Actual::Written(v) => match &v.kind {
                ValueKind::Quantity(bq) => bq.reading(),
                _ => return Err(self.mismatch(target, actual, rule)),
            },
        };
        self.note_undeclared(a.1);
        // The same unit on both sides (most indicators) relates as itself: compared once,
        // not again in the unit table.
        let (a_value, b_value, relation) = if b.1 == a.1 {
            (a.0, b.0, Relation::Same)
        } else {
            self.note_undeclared(b.1);
            aligned(a, b, &self.policy.units).map_err(|_| {
                self.problem(
                    Problem::UnitMismatch {
                        target: target.text.to_string(),
                        actual: actual_text(actual),
                    },
                    rule.span,
                )
            })?
        };
        // A bare number takes the other side's unit.
        let unit = if matches!(a.1, Unit::None) { b.1 } else { a.1 };
        if let Relation::Compatible(severity, span) = relation {
            let mut finding = engine(
                severity,
                self.p.name,
                EngineFinding::CompatibleUnits {
                    target: target.text.to_string(),
                    actual: actual_text(actual),
                },
            );
            finding.rule = Some(span);
            self.findings.push(finding);
        }
        let fa = Figure::new(a_value, unit.clone());
        // a derived actual's exact ratio, converted as its value was
        let b_exact = match (&actual, &relation) {
            (Actual::Figure(n), Relation::Convert(factor)) => n
                .exact
                .and_then(|r| r.checked_mul(crate::decimal::Ratio::whole(*factor)).ok()),
            (Actual::Figure(n), _) => n.exact,
            _ => None,
        };
        let fb = Figure {
            value: b_value,
            unit: unit.clone(),
            exact: b_exact.map(Box::new),
        };
        self.actual = Seen::InUnit(b_value, unit);
        let strict = matches!(q.comparison, Some(Comparison::More | Comparison::Less));
        let in_unit = |n: (Dec, &Unit), s: &Self| -> Result<Figure, Stop> {
            aligned((Dec::ZERO, unit), n, &s.policy.units)
                .map(|(_, v, _)| Figure::new(v, unit.clone()))
                .map_err(|_| {
                    s.problem(
                        Problem::UnitMismatch {
                            target: target.text.to_string(),
                            actual: format!("{}{}", n.0, n.1),
                        },
                        rule.span,
                    )
                })
        };
        let computed = match &rule.method {
            Method::Proportional => methods::proportional(form, fa, fb, w),
            Method::ReverseRatio => methods::reverse_ratio(form, fa, fb, w),
            Method::ReverseLinear => methods::reverse_linear(form, fa, fb, w),
            Method::AllOrNothing => Ok(methods::all_or_nothing(form, strict, fa, fb, w)),
            Method::Deduct(d) => {
                let threshold = match &d.from {
                    DeductFrom::Above(Some((v, u))) | DeductFrom::Below(Some((v, u))) => {
                        in_unit((*v, u), self)?
                    }
                    _ => fa.clone(),
                };
                let step = in_unit((d.step, &d.step_unit), self)?;
                methods::deduct(d, form, &threshold, &step, &fb, w)
            }
            Method::Bands(bands) => {
                let mut ends = Vec::with_capacity(bands.len());
                for band in bands {
                    let end =
                        |e: &Option<(Dec, Unit, bool)>, s: &Self| -> Result<Option<Dec>, Stop> {
                            e.as_ref()
                                .map(|(v, u, _)| in_unit((*v, u), s).map(|f| f.value))
                                .transpose()
                        };
                    ends.push((end(&band.lower, self)?, end(&band.upper, self)?));
                }
                methods::bands(bands, &ends, &fb, w)
            }
            Method::Qualitative(_) => return Err(self.mismatch(target, actual, rule)),
        };
        let mut computed = computed.map_err(|p| self.problem(p, rule.span))?;
        // A met target is told with the actual as written (`1600人次`, `>=85%`, the
        // scorecard's own), or as derived, not as converted.
        if let Working::Met { b, .. } = &mut computed.working {
            let shown = match actual {
                Actual::Figure(n) => Some(Shown::Figure(n.figure())),
                Actual::Written(_) => None,
            };
            // The figure it replaces dropped as a figure: dropping it as any shown value
            // (a list among them) is a call.
            if let Some(Shown::Figure(figure)) = std::mem::replace(b, shown) {
                drop(figure);
            }
        }
        Ok(computed)
    }

    /// A warning for a unit the rule file does not declare, once per indicator. Told in
    /// place for a declared unit (nearly all); the warning is written out of line.
    #[inline]
    fn note_undeclared(&mut self, unit: &Unit) {
        if let Unit::Named(name) = unit {
            if !self.policy.units.knows(unit) {
                self.undeclared(name);
            }
        }
    }

    /// The warning for an undeclared unit, unless this indicator has it already.
    #[inline(never)]
    fn undeclared(&mut self, name: &crate::value::ShortStr) {
        let already = self.findings[self.first_finding..].iter().any(|f| matches!(&f.message, crate::scorecard::FindingMessage::Engine(EngineFinding::UndeclaredUnit { unit }) if unit == name));
        if !already {
            self.findings.push(engine(
                Severity::Warning,
                self.p.name,
                EngineFinding::UndeclaredUnit {
                    unit: name.to_string(),
                },
            ));
        }
    }
}

/// The actual as written, when it is not a figure.
fn written<'v>(actual: &'v Actual<'_>) -> Option<&'v Value<'v>> {
    match actual {
        Actual::Written(v) => Some(v),
        Actual::Figure(_) => None,
    }
}

/// The actual as a problem words it: its figure, or the text as written.
fn actual_text(actual: &Actual<'_>) -> String {
    match actual {
        Actual::Figure(n) => n.figure().to_string(),
        Actual::Written(v) => v.text.to_string(),
    }
}
