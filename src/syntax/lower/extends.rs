//! `override …` and `remove …`: the changes a file that extends another makes to it.

use super::Lower;
use crate::source::Spanned;
use crate::syntax::ast::{Overridden, Override, Remove, Removed};
use crate::syntax::grammar::Rule;
use pest::iterators::Pair;

impl Lower {
    /// `override indicator …`, `override check …`, `override vocabulary …`, `override default …`.
    pub(super) fn override_item(&mut self, pair: Pair<'_, Rule>) -> Option<Override> {
        let span = self.span(&pair);
        let inner = pair.into_inner().next()?;
        let what = match inner.as_rule() {
            Rule::indicator => Overridden::Indicator(self.indicator(inner)),
            Rule::check => Overridden::Check(self.check(inner)),
            Rule::vocabulary => Overridden::Vocabulary(self.vocabulary(inner)),
            _ => Overridden::Defaults(self.defaults(inner)),
        };
        Some(Override { what, span })
    }

    /// `remove indicator "…"`, `remove check id`, `remove default at_least` …
    pub(super) fn remove_item(&mut self, pair: Pair<'_, Rule>) -> Option<Remove> {
        let span = self.span(&pair);
        let inner = pair.into_inner().next()?;
        let rule = inner.as_rule();
        let what = match rule {
            Rule::remove_check => {
                let id = inner.into_inner().next()?;
                Removed::Check(Spanned::new(id.as_str().to_string(), self.span(&id)))
            }
            Rule::remove_vocabulary => {
                Removed::Vocabulary(inner.into_inner().next().map(|p| self.name(p)))
            }
            Rule::remove_default => {
                let form = inner.into_inner().next()?;
                Removed::Default(self.target_form(form))
            }
            _ => {
                let name = self.first_string(inner);
                match rule {
                    Rule::remove_indicator => Removed::Indicator(name),
                    Rule::remove_group => Removed::Group(name),
                    _ => Removed::Section(name),
                }
            }
        };
        Some(Remove { what, span })
    }
}
