//! `vocabulary { achieved 100%: same_as_target "达成"  partly 60%: prefix "较" … }`.

use super::Lower;
use crate::source::Spanned;
use crate::syntax::ast::{Achievement, Bound, Share, Vocabulary, WordClass, WordPattern};
use crate::syntax::grammar::Rule;
use pest::iterators::Pair;

impl Lower {
    pub(super) fn vocabulary(&mut self, pair: Pair<'_, Rule>) -> Vocabulary {
        let span = self.span(&pair);
        let mut name = None;
        let mut classes = Vec::new();
        for part in pair.into_inner() {
            match part.as_rule() {
                Rule::label => name = Some(self.name(part)),
                _ => classes.push(self.word_class(part)),
            }
        }
        Vocabulary {
            name,
            classes,
            span,
        }
    }

    fn word_class(&mut self, pair: Pair<'_, Rule>) -> WordClass {
        let span = self.span(&pair);
        let mut class = Spanned::new(Achievement::Achieved, span);
        let mut share = Share::Fixed(Spanned::new(crate::decimal::Dec::HUNDRED, span));
        let mut patterns = Vec::new();
        for part in pair.into_inner() {
            match part.as_rule() {
                Rule::word_class_name => {
                    let c = match part.as_str() {
                        "partly" => Achievement::Partly,
                        "not_achieved" => Achievement::NotAchieved,
                        _ => Achievement::Achieved,
                    };
                    class = Spanned::new(c, self.span(&part));
                }
                Rule::share => share = self.share(part),
                _ => patterns.push(self.word_pattern(part)),
            }
        }
        WordClass {
            class,
            share,
            patterns,
            span,
        }
    }

    fn share(&mut self, pair: Pair<'_, Rule>) -> Share {
        let span = self.span(&pair);
        let Some(inner) = pair.into_inner().next() else {
            return Share::Fixed(Spanned::new(crate::decimal::Dec::ZERO, span));
        };
        match inner.as_rule() {
            Rule::share_band => {
                let mut low_inclusive = true;
                let mut high_inclusive = true;
                let mut figures = Vec::new();
                for part in inner.into_inner() {
                    match part.as_rule() {
                        Rule::band_open => low_inclusive = part.as_str() == "[",
                        Rule::band_close => high_inclusive = part.as_str() == "]",
                        _ => figures.push(self.percent_literal(part)),
                    }
                }
                let mut figures = figures.into_iter();
                let mut next = || {
                    figures
                        .next()
                        .unwrap_or_else(|| Spanned::new(crate::decimal::Dec::ZERO, span))
                };
                let low = Bound {
                    value: next(),
                    inclusive: low_inclusive,
                };
                let high = Bound {
                    value: next(),
                    inclusive: high_inclusive,
                };
                Share::Band {
                    low,
                    high,
                    default: next(),
                    span,
                }
            }
            _ => Share::Fixed(self.percent_literal(inner)),
        }
    }

    /// A `percent_literal`: the number before the `%`.
    pub(super) fn percent_literal(&mut self, pair: Pair<'_, Rule>) -> Spanned<crate::decimal::Dec> {
        let span = self.span(&pair);
        match pair.into_inner().find(|p| p.as_rule() == Rule::decimal) {
            Some(p) => Spanned::new(self.decimal(p).node, span),
            None => Spanned::new(crate::decimal::Dec::ZERO, span),
        }
    }

    fn word_pattern(&mut self, pair: Pair<'_, Rule>) -> Spanned<WordPattern> {
        let span = self.span(&pair);
        let Some(inner) = pair.into_inner().next() else {
            return Spanned::new(WordPattern::SameAsTarget, span);
        };
        let pattern = match inner.as_rule() {
            Rule::same_as_target => WordPattern::SameAsTarget,
            Rule::word_prefix => WordPattern::Prefix(self.first_string(inner).node),
            _ => WordPattern::Exact(self.string(inner).node),
        };
        Spanned::new(pattern, span)
    }
}
