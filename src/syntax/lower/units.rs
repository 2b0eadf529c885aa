//! `units { 次 份  万元 = 10000 元  人 ~ 人次 warning }`.

use super::Lower;
use crate::source::Spanned;
use crate::syntax::ast::{Severity, UnitStatement, Units};
use crate::syntax::grammar::Rule;
use pest::iterators::Pair;

impl Lower {
    pub(super) fn units(&mut self, pair: Pair<'_, Rule>) -> Units {
        let span = self.span(&pair);
        let statements = pair.into_inner().map(|s| self.unit_statement(s)).collect();
        Units { statements, span }
    }

    fn unit_statement(&mut self, pair: Pair<'_, Rule>) -> UnitStatement {
        let span = self.span(&pair);
        let rule = pair.as_rule();
        let mut inner = pair.into_inner();
        let next_name =
            |l: &mut Lower, inner: &mut pest::iterators::Pairs<'_, Rule>| match inner.next() {
                Some(p) => l.name(p),
                None => Spanned::new(String::new(), span),
            };
        match rule {
            Rule::unit_compatible => {
                let a = next_name(self, &mut inner);
                let b = next_name(self, &mut inner);
                let severity = inner
                    .next()
                    .map_or(Spanned::new(Severity::Warning, span), |p| self.severity(p));
                UnitStatement::Compatible {
                    a,
                    b,
                    severity,
                    span,
                }
            }
            Rule::unit_conversion => {
                let unit = next_name(self, &mut inner);
                let factor = match inner.next() {
                    Some(p) => self.decimal(p),
                    None => Spanned::new(crate::decimal::Dec::ONE, span),
                };
                let base = next_name(self, &mut inner);
                UnitStatement::Convert {
                    unit,
                    factor,
                    base,
                    span,
                }
            }
            _ => UnitStatement::Declare(next_name(self, &mut inner)),
        }
    }

    pub(super) fn severity(&mut self, pair: Pair<'_, Rule>) -> Spanned<Severity> {
        let severity = match pair.as_str() {
            "error" => Severity::Error,
            "info" => Severity::Info,
            _ => Severity::Warning,
        };
        Spanned::new(severity, self.span(&pair))
    }
}
