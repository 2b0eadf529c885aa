//! Scoring methods: each must fit the form of the targets it scores, and its figures must
//! be in units the target can be compared with.

use super::error::CheckError;
use super::names;
use super::policy::{
    BandRule, DeductFrom, DeductRule, Method, MethodTable, ScoringRule, VocabularyId,
    VocabularyRule,
};
use super::units::{Relation, UnitTable};
use super::Checker;
use crate::decimal::Dec;
use crate::interval::{End, Interval};
use crate::source::{Span, Spanned};
use crate::syntax::ast::{self, Award, Defaults, Literal, Partial, Threshold};
use crate::value::{TargetForm, Unit};

/// What checking a method needs of the policy.
pub(super) struct MethodScope<'a> {
    pub units: &'a UnitTable,
    pub vocabularies: &'a [VocabularyRule],
}

/// Whether a method can score a target of this form.
pub fn fits(method: &ast::Method, form: TargetForm) -> bool {
    let numeric = matches!(
        form,
        TargetForm::AtLeast | TargetForm::Equal | TargetForm::AtMost
    );
    match method {
        ast::Method::AllOrNothing => true,
        ast::Method::Proportional
        | ast::Method::ReverseRatio
        | ast::Method::ReverseLinear
        | ast::Method::Bands(_) => numeric,
        ast::Method::Deduct(d) => match d.from {
            ast::DeductFrom::Late(_) => form == TargetForm::Deadline,
            _ => numeric,
        },
        ast::Method::Qualitative(_) => form == TargetForm::Word,
    }
}

impl Checker {
    /// A `default { … }` block as a method table.
    pub(super) fn defaults_table(
        &mut self,
        defaults: &[&Defaults],
        scope: &MethodScope<'_>,
    ) -> MethodTable {
        let mut table = MethodTable::default();
        let mut seen: Vec<(TargetForm, Span)> = Vec::new();
        for block in defaults {
            for entry in &block.methods {
                if let Some((_, first)) = seen.iter().find(|(f, _)| *f == entry.form.node) {
                    self.errors.push(CheckError::DuplicateSetting {
                        span: entry.form.span,
                        first: *first,
                        setting: entry.form.node.keyword(),
                    });
                    continue;
                }
                seen.push((entry.form.node, entry.form.span));
                if !fits(&entry.method.node, entry.form.node) {
                    self.errors.push(CheckError::MethodDoesNotFit {
                        span: entry.method.span,
                        method: keyword(&entry.method.node),
                        form: entry.form.node,
                    });
                    continue;
                }
                if let Some(method) = self.method(&entry.method, None, scope) {
                    let span = entry.form.span.to(entry.method.span);
                    table.set(
                        entry.form.node,
                        ScoringRule {
                            method,
                            span,
                            explicit: false,
                        },
                    );
                }
            }
        }
        table
    }

    /// An indicator's own `score …`: it fills the forms it fits (the target's form, when the
    /// policy fixes the target).
    pub(super) fn explicit_table(
        &mut self,
        score: &Spanned<ast::Method>,
        target: Option<&crate::value::Value>,
        scope: &MethodScope<'_>,
    ) -> MethodTable {
        let mut table = MethodTable::default();
        let target_unit = target.and_then(|t| t.quantity()).map(|q| &q.unit);
        let Some(method) = self.method(score, target_unit, scope) else {
            return table;
        };
        match target.and_then(|t| t.target_form()) {
            Some(form) => {
                if fits(&score.node, form) {
                    table.set(
                        form,
                        ScoringRule {
                            method,
                            span: score.span,
                            explicit: true,
                        },
                    );
                } else {
                    self.errors.push(CheckError::MethodDoesNotFit {
                        span: score.span,
                        method: keyword(&score.node),
                        form,
                    });
                }
            }
            None => {
                for form in TargetForm::ALL {
                    if fits(&score.node, form) {
                        table.set(
                            form,
                            ScoringRule {
                                method: method.clone(),
                                span: score.span,
                                explicit: true,
                            },
                        );
                    }
                }
            }
        }
        table
    }

    /// Checks a method's figures and resolves its vocabulary.
    pub(super) fn method(
        &mut self,
        method: &Spanned<ast::Method>,
        target_unit: Option<&Unit>,
        scope: &MethodScope<'_>,
    ) -> Option<Method> {
        Some(match &method.node {
            ast::Method::AllOrNothing => Method::AllOrNothing,
            ast::Method::Proportional => Method::Proportional,
            ast::Method::ReverseRatio => Method::ReverseRatio,
            ast::Method::ReverseLinear => Method::ReverseLinear,
            ast::Method::Deduct(d) => Method::Deduct(self.deduct(d, target_unit, scope)?),
            ast::Method::Bands(bands) => Method::Bands(self.bands(bands, target_unit, scope)?),
            ast::Method::Qualitative(name) => {
                Method::Qualitative(self.vocabulary_id(name.as_ref(), method.span, scope)?)
            }
        })
    }

    fn deduct(
        &mut self,
        d: &ast::Deduct,
        target_unit: Option<&Unit>,
        scope: &MethodScope<'_>,
    ) -> Option<DeductRule> {
        // INVARIANT: the grammar's `decimal` has no sign, so amounts, floors, points and
        // band awards are never negative; only a zero step needs refusing.
        if d.step.node.number <= Dec::ZERO {
            self.errors
                .push(CheckError::StepNotPositive { span: d.step.span });
        }
        let floor = d.floor.map_or(Dec::ZERO, |f| f.node);
        let from = match &d.from {
            ast::DeductFrom::Late(_) => DeductFrom::Late,
            ast::DeductFrom::Above(t) | ast::DeductFrom::Below(t) => {
                let threshold = match t {
                    Threshold::Target(_) => None,
                    Threshold::Literal(l) => {
                        self.literal_unit(l, scope);
                        self.same_units(&l.node.unit, &d.step.node.unit, d.step.span, scope);
                        Some((l.node.number, l.node.unit.clone()))
                    }
                };
                if let Some(unit) = target_unit {
                    self.same_units(unit, &d.step.node.unit, d.step.span, scope);
                }
                if !is_month(&d.step.node) {
                    self.literal_unit(&d.step, scope);
                }
                if matches!(d.from, ast::DeductFrom::Above(_)) {
                    DeductFrom::Above(threshold)
                } else {
                    DeductFrom::Below(threshold)
                }
            }
        };
        if matches!(from, DeductFrom::Late) && !is_month(&d.step.node) {
            self.errors.push(CheckError::UnitsDoNotMatch {
                span: d.step.span,
                left: "month".to_string(),
                right: d.step.node.unit.to_string(),
            });
        }
        Some(DeductRule {
            amount: d.amount.node,
            step: d.step.node.number,
            step_unit: d.step.node.unit.clone(),
            from,
            partial: d.partial.map_or(Partial::Exact, |p| p.node),
            floor,
        })
    }

    fn bands(
        &mut self,
        bands: &[ast::Band],
        target_unit: Option<&Unit>,
        scope: &MethodScope<'_>,
    ) -> Option<Vec<BandRule>> {
        let mut rules = Vec::new();
        for band in bands {
            for end in [&band.lower, &band.upper].into_iter().flatten() {
                self.literal_unit(&end.value, scope);
                if let Some(unit) = target_unit {
                    self.same_units(unit, &end.value.node.unit, end.value.span, scope);
                }
            }
            if band_interval(band).is_empty() {
                self.errors.push(CheckError::EmptyBand { span: band.span });
            }
            if let Award::Share(s) = band.award.node {
                if s > Dec::HUNDRED {
                    self.errors.push(CheckError::BadShare {
                        span: band.award.span,
                        problem: super::error::ShareProblem::OutOfRange,
                    });
                }
            }
            let end = |e: &Option<ast::BandEnd>| {
                e.as_ref()
                    .map(|e| (e.value.node.number, e.value.node.unit.clone(), e.inclusive))
            };
            rules.push(BandRule {
                lower: end(&band.lower),
                upper: end(&band.upper),
                award: band.award.node,
                span: band.span,
            });
        }
        Some(rules)
    }

    fn vocabulary_id(
        &mut self,
        name: Option<&Spanned<String>>,
        span: Span,
        scope: &MethodScope<'_>,
    ) -> Option<VocabularyId> {
        let wanted = name.map(|n| n.node.as_str());
        match scope
            .vocabularies
            .iter()
            .position(|v| v.name.as_deref() == wanted)
        {
            Some(i) => Some(VocabularyId(i)),
            None => {
                let candidates = scope.vocabularies.iter().filter_map(|v| v.name.as_deref());
                let suggestion = wanted.and_then(|w| names::closest(w, candidates));
                self.errors.push(CheckError::UnknownVocabulary {
                    span: name.map_or(span, |n| n.span),
                    name: wanted.map(str::to_string),
                    suggestion,
                });
                None
            }
        }
    }

    /// An error unless a literal's unit is declared.
    pub(super) fn literal_unit(&mut self, literal: &Spanned<Literal>, scope: &MethodScope<'_>) {
        if let Unit::Named(name) = &literal.node.unit {
            scope.units.require_declared(
                &Spanned::new(name.to_string(), literal.span),
                &mut self.errors,
            );
        }
    }

    fn same_units(&mut self, a: &Unit, b: &Unit, span: Span, scope: &MethodScope<'_>) {
        if scope.units.relate(a, b) == Relation::Mismatch {
            self.errors.push(CheckError::UnitsDoNotMatch {
                span,
                left: a.to_string(),
                right: b.to_string(),
            });
        }
    }
}

fn is_month(literal: &Literal) -> bool {
    literal.unit == Unit::Named("month".into())
}

/// The keyword of a method as written.
pub fn keyword(method: &ast::Method) -> &'static str {
    match method {
        ast::Method::AllOrNothing => "all_or_nothing",
        ast::Method::Proportional => "proportional",
        ast::Method::ReverseRatio => "reverse_ratio",
        ast::Method::ReverseLinear => "reverse_linear",
        ast::Method::Deduct(_) => "deduct",
        ast::Method::Bands(_) => "bands",
        ast::Method::Qualitative(_) => "qualitative",
    }
}

/// The interval of actuals a band written in a rule file holds (its ends' figures as written;
/// ends in different units are compared by the evaluator after conversion).
pub fn band_interval(band: &ast::Band) -> Interval {
    let end = |e: &Option<ast::BandEnd>| {
        e.as_ref()
            .map(|e| End::new(e.value.node.number, e.inclusive))
    };
    Interval::new(end(&band.lower), end(&band.upper))
}
