//! `policy "…" { year … kind … full_marks … rescale … round … grades … }`.

use super::Lower;
use crate::decimal::RoundMode;
use crate::source::Spanned;
use crate::syntax::ast::{Grade, PolicyHeader, RoundAt, Setting};
use crate::syntax::error::SyntaxError;
use crate::syntax::grammar::Rule;
use pest::iterators::Pair;

impl Lower {
    pub(super) fn policy(&mut self, pair: Pair<'_, Rule>) -> PolicyHeader {
        let span = self.span(&pair);
        let mut inner = pair.into_inner();
        // INVARIANT: the grammar puts the policy's name first.
        let name = match inner.next() {
            Some(p) => self.string(p),
            None => Spanned::new(String::new(), span),
        };
        let settings = inner.map(|setting| self.setting(setting)).collect();
        PolicyHeader {
            name,
            settings,
            span,
        }
    }

    fn setting(&mut self, pair: Pair<'_, Rule>) -> Spanned<Setting> {
        let span = self.span(&pair);
        let setting = match pair.as_rule() {
            Rule::years => self.years(pair),
            Rule::kind => Setting::Kind(self.first_string(pair)),
            Rule::full_marks => Setting::FullMarks(self.first_decimal(pair)),
            Rule::budget_unit => {
                let unit = pair.into_inner().next().map(|p| self.name(p));
                Setting::BudgetUnit(unit.unwrap_or_else(|| Spanned::new(String::new(), span)))
            }
            Rule::rounding => self.rounding(pair),
            Rule::grades => Setting::Grades(pair.into_inner().map(|g| self.grade(g)).collect()),
            _ => Setting::Rescale,
        };
        Spanned::new(setting, span)
    }

    fn years(&mut self, pair: Pair<'_, Rule>) -> Setting {
        let mut years = pair.into_inner().map(|p| self.year(p));
        let from = years.next().unwrap_or_default();
        Setting::Years {
            from,
            to: years.next(),
        }
    }

    fn year(&mut self, pair: Pair<'_, Rule>) -> Spanned<i32> {
        let span = self.span(&pair);
        match pair.as_str().parse::<i32>() {
            Ok(y) if (1900..=2200).contains(&y) => Spanned::new(y, span),
            _ => {
                self.errors.push(SyntaxError::BadYear {
                    span,
                    text: pair.as_str().to_string(),
                });
                Spanned::new(0, span)
            }
        }
    }

    fn rounding(&mut self, pair: Pair<'_, Rule>) -> Setting {
        let mut at = Spanned::new(RoundAt::Indicator, self.span(&pair));
        let mut places = Spanned::new(2, at.span);
        let mut mode = Spanned::new(RoundMode::HalfUp, at.span);
        for part in pair.into_inner() {
            let span = self.span(&part);
            match part.as_rule() {
                Rule::round_at => {
                    let where_ = if part.as_str() == "total" {
                        RoundAt::Total
                    } else {
                        RoundAt::Indicator
                    };
                    at = Spanned::new(where_, span);
                }
                Rule::int => match part.as_str().parse::<u32>() {
                    Ok(n) if n <= 28 => places = Spanned::new(n, span),
                    _ => self.errors.push(SyntaxError::TooManyPlaces {
                        span,
                        places: part.as_str().to_string(),
                    }),
                },
                Rule::round_mode => {
                    let m = match part.as_str() {
                        "half_even" => RoundMode::HalfEven,
                        "down" => RoundMode::Down,
                        "up" => RoundMode::Up,
                        _ => RoundMode::HalfUp,
                    };
                    mode = Spanned::new(m, span);
                }
                _ => {}
            }
        }
        Setting::Round { at, places, mode }
    }

    fn grade(&mut self, pair: Pair<'_, Rule>) -> Grade {
        let span = self.span(&pair);
        let mut inner = pair.into_inner();
        let name = match inner.next() {
            Some(p) => self.name(p),
            None => Spanned::new(String::new(), span),
        };
        let min = inner.next().map(|p| self.decimal(p));
        Grade { name, min, span }
    }

    pub(super) fn first_string(&mut self, pair: Pair<'_, Rule>) -> Spanned<String> {
        let span = self.span(&pair);
        match pair.into_inner().next() {
            Some(p) => self.string(p),
            None => Spanned::new(String::new(), span),
        }
    }

    pub(super) fn first_decimal(&mut self, pair: Pair<'_, Rule>) -> Spanned<crate::decimal::Dec> {
        let span = self.span(&pair);
        match pair.into_inner().next() {
            Some(p) => self.decimal(p),
            None => Spanned::new(crate::decimal::Dec::ZERO, span),
        }
    }
}
