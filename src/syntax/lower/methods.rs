//! `default { … }` and the scoring methods: `proportional`, `deduct …`, `bands { … }` …

use super::Lower;
use crate::decimal::Dec;
use crate::source::Spanned;
use crate::syntax::ast::{
    Award, Band, BandEnd, Deduct, DeductFrom, DefaultMethod, Defaults, Literal, Method, Partial,
    Threshold,
};
use crate::syntax::grammar::Rule;
use crate::value::{TargetForm, Unit};
use pest::iterators::Pair;

impl Lower {
    pub(super) fn defaults(&mut self, pair: Pair<'_, Rule>) -> Defaults {
        let span = self.span(&pair);
        let methods = pair.into_inner().map(|m| self.default_method(m)).collect();
        Defaults { methods, span }
    }

    fn default_method(&mut self, pair: Pair<'_, Rule>) -> DefaultMethod {
        let span = self.span(&pair);
        let mut form = Spanned::new(TargetForm::AtLeast, span);
        let mut method = Spanned::new(Method::AllOrNothing, span);
        for part in pair.into_inner() {
            match part.as_rule() {
                Rule::target_form => form = self.target_form(part),
                _ => method = self.method(part),
            }
        }
        DefaultMethod { form, method }
    }

    pub(super) fn target_form(&mut self, pair: Pair<'_, Rule>) -> Spanned<TargetForm> {
        let form = match pair.as_str() {
            "equal" => TargetForm::Equal,
            "at_most" => TargetForm::AtMost,
            "deadline" => TargetForm::Deadline,
            "word" => TargetForm::Word,
            _ => TargetForm::AtLeast,
        };
        Spanned::new(form, self.span(&pair))
    }

    /// A `method`.
    pub(super) fn method(&mut self, pair: Pair<'_, Rule>) -> Spanned<Method> {
        let span = self.span(&pair);
        let Some(inner) = pair.into_inner().next() else {
            return Spanned::new(Method::AllOrNothing, span);
        };
        let method = match inner.as_rule() {
            Rule::proportional => Method::Proportional,
            Rule::reverse_ratio => Method::ReverseRatio,
            Rule::reverse_linear => Method::ReverseLinear,
            Rule::deduct => Method::Deduct(self.deduct(inner)),
            Rule::bands => Method::Bands(inner.into_inner().map(|b| self.band(b)).collect()),
            Rule::qualitative => {
                Method::Qualitative(inner.into_inner().next().map(|p| self.name(p)))
            }
            _ => Method::AllOrNothing,
        };
        Spanned::new(method, span)
    }

    fn deduct(&mut self, pair: Pair<'_, Rule>) -> Deduct {
        let span = self.span(&pair);
        let mut amount = Spanned::new(Dec::ZERO, span);
        let mut step = Spanned::new(
            Literal {
                number: Dec::ONE,
                unit: Unit::None,
            },
            span,
        );
        let mut from = DeductFrom::Late(span);
        let mut partial = None;
        let mut floor = None;
        for part in pair.into_inner() {
            match part.as_rule() {
                Rule::decimal => amount = self.decimal(part),
                Rule::deduct_step => step = self.deduct_step(part),
                Rule::deduct_from => from = self.deduct_from(part),
                Rule::deduct_option => {
                    for option in part.into_inner() {
                        match option.as_rule() {
                            Rule::deduct_partial => partial = Some(self.partial(option)),
                            _ => floor = Some(self.first_decimal(option)),
                        }
                    }
                }
                _ => {}
            }
        }
        Deduct {
            amount,
            step,
            from,
            partial,
            floor,
        }
    }

    /// `1%`, `1次`, or `1 month` (a literal with the unit `month`).
    fn deduct_step(&mut self, pair: Pair<'_, Rule>) -> Spanned<Literal> {
        let span = self.span(&pair);
        let is_month = pair.as_str().trim_end().ends_with("month");
        let mut literal = match pair.into_inner().next() {
            Some(p) => self.quantity_literal(p),
            None => Spanned::new(
                Literal {
                    number: Dec::ONE,
                    unit: Unit::None,
                },
                span,
            ),
        };
        if is_month {
            literal.node.unit = Unit::Named("month".into());
            literal.span = span;
        }
        literal
    }

    fn deduct_from(&mut self, pair: Pair<'_, Rule>) -> DeductFrom {
        let span = self.span(&pair);
        let mut above = true;
        let mut threshold = None;
        for part in pair.into_inner() {
            match part.as_rule() {
                Rule::deduct_late => return DeductFrom::Late(self.span(&part)),
                Rule::deduct_direction => above = part.as_str() == "above",
                _ => threshold = Some(self.threshold(part)),
            }
        }
        let threshold = threshold.unwrap_or(Threshold::Target(span));
        if above {
            DeductFrom::Above(threshold)
        } else {
            DeductFrom::Below(threshold)
        }
    }

    fn threshold(&mut self, pair: Pair<'_, Rule>) -> Threshold {
        let span = self.span(&pair);
        match pair.into_inner().next() {
            Some(p) if p.as_rule() == Rule::quantity_literal => {
                Threshold::Literal(self.quantity_literal(p))
            }
            _ => Threshold::Target(span),
        }
    }

    fn partial(&mut self, pair: Pair<'_, Rule>) -> Spanned<Partial> {
        let span = self.span(&pair);
        let partial = match pair.into_inner().next().map(|p| p.as_str()) {
            Some("up") => Partial::Up,
            Some("down") => Partial::Down,
            _ => Partial::Exact,
        };
        Spanned::new(partial, span)
    }

    fn band(&mut self, pair: Pair<'_, Rule>) -> Band {
        let span = self.span(&pair);
        let mut lower = None;
        let mut upper = None;
        let mut award = Spanned::new(Award::Points(Dec::ZERO), span);
        for part in pair.into_inner() {
            match part.as_rule() {
                Rule::band_range => (lower, upper) = self.band_range(part),
                _ => award = self.band_award(part),
            }
        }
        Band {
            lower,
            upper,
            award,
            span,
        }
    }

    fn band_range(&mut self, pair: Pair<'_, Rule>) -> (Option<BandEnd>, Option<BandEnd>) {
        let Some(inner) = pair.into_inner().next() else {
            return (None, None);
        };
        let between = inner.as_rule() == Rule::band_between;
        let mut ops = Vec::new();
        let mut figures = Vec::new();
        for part in inner.into_inner() {
            match part.as_rule() {
                Rule::quantity_literal => figures.push(self.quantity_literal(part)),
                _ => ops.push(part.as_str().to_string()),
            }
        }
        let mut figures = figures.into_iter();
        if between {
            // `low <(=) actual <(=) high`
            let low = figures.next().map(|value| BandEnd {
                value,
                inclusive: ops.first().is_some_and(|o| o == "<="),
            });
            let high = figures.next().map(|value| BandEnd {
                value,
                inclusive: ops.get(1).is_some_and(|o| o == "<="),
            });
            (low, high)
        } else {
            let end = figures.next();
            match ops.first().map(String::as_str) {
                Some(">=") => (
                    end.map(|value| BandEnd {
                        value,
                        inclusive: true,
                    }),
                    None,
                ),
                Some(">") => (
                    end.map(|value| BandEnd {
                        value,
                        inclusive: false,
                    }),
                    None,
                ),
                Some("<=") => (
                    None,
                    end.map(|value| BandEnd {
                        value,
                        inclusive: true,
                    }),
                ),
                _ => (
                    None,
                    end.map(|value| BandEnd {
                        value,
                        inclusive: false,
                    }),
                ),
            }
        }
    }

    fn band_award(&mut self, pair: Pair<'_, Rule>) -> Spanned<Award> {
        let span = self.span(&pair);
        match pair.into_inner().next() {
            Some(p) if p.as_rule() == Rule::band_share => {
                let share = p
                    .into_inner()
                    .next()
                    .map_or(Dec::ZERO, |p| self.percent_literal(p).node);
                Spanned::new(Award::Share(share), span)
            }
            Some(p) => Spanned::new(Award::Points(self.decimal(p).node), span),
            None => Spanned::new(Award::Points(Dec::ZERO), span),
        }
    }

    /// A `quantity_literal`: `100%`, `14次`, `0.2`.
    pub(super) fn quantity_literal(&mut self, pair: Pair<'_, Rule>) -> Spanned<Literal> {
        let span = self.span(&pair);
        let mut number = Dec::ZERO;
        let mut unit = Unit::None;
        for part in pair.into_inner() {
            match part.as_rule() {
                Rule::decimal => number = self.decimal(part).node,
                Rule::percent => unit = Unit::Percent,
                _ => unit = Unit::Named(part.as_str().into()),
            }
        }
        Spanned::new(Literal { number, unit }, span)
    }
}
