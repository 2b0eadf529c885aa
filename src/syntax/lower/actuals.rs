//! `actuals { not_done "未开展" "未完成" empty  claimed_bound as_bound }`.

use super::Lower;
use crate::source::Spanned;
use crate::syntax::ast::{Actuals, ActualsSetting, ClaimedMode};
use crate::syntax::grammar::Rule;
use pest::iterators::Pair;

impl Lower {
    pub(super) fn actuals(&mut self, pair: Pair<'_, Rule>) -> Actuals {
        let span = self.span(&pair);
        let settings = pair.into_inner().map(|s| self.actuals_setting(s)).collect();
        Actuals { settings, span }
    }

    fn actuals_setting(&mut self, pair: Pair<'_, Rule>) -> ActualsSetting {
        let span = self.span(&pair);
        match pair.as_rule() {
            Rule::not_done => {
                let mut words = Vec::new();
                let mut empty = None;
                for part in pair.into_inner() {
                    match part.as_rule() {
                        Rule::empty_actual => empty = Some(self.span(&part)),
                        _ => words.push(self.string(part)),
                    }
                }
                ActualsSetting::NotDone { words, empty, span }
            }
            _ => {
                let mode = match pair.into_inner().next() {
                    Some(p) if p.as_str() == "zero" => {
                        Spanned::new(ClaimedMode::Zero, self.span(&p))
                    }
                    Some(p) => Spanned::new(ClaimedMode::AsBound, self.span(&p)),
                    None => Spanned::new(ClaimedMode::AsBound, span),
                };
                ActualsSetting::ClaimedBound(mode)
            }
        }
    }
}
