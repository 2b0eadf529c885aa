//! `check id "title" { for each … when … require … else warning "…" en "…" }`.

use super::Lower;
use crate::source::Spanned;
use crate::syntax::ast::{Check, Domain, Message, MessagePart, Severity};
use crate::syntax::grammar::Rule;
use pest::iterators::Pair;

impl Lower {
    pub(super) fn check(&mut self, pair: Pair<'_, Rule>) -> Check {
        let span = self.span(&pair);
        let empty = || Spanned::new(String::new(), span);
        let mut check = Check {
            id: empty(),
            title: empty(),
            domain: None,
            when: None,
            require: None,
            severity: Spanned::new(Severity::Warning, span),
            message: Message {
                parts: Vec::new(),
                span,
            },
            message_en: None,
            span,
        };
        for part in pair.into_inner() {
            match part.as_rule() {
                Rule::ident => check.id = Spanned::new(part.as_str().to_string(), self.span(&part)),
                Rule::string => check.title = self.string(part),
                Rule::check_domain => {
                    check.domain = part.into_inner().next().map(|d| self.domain(d))
                }
                Rule::check_when => check.when = part.into_inner().next().map(|e| self.expr(e)),
                Rule::check_require => {
                    check.require = part.into_inner().next().map(|e| self.expr(e))
                }
                Rule::check_raise => {
                    for raise in part.into_inner() {
                        match raise.as_rule() {
                            Rule::severity => check.severity = self.severity(raise),
                            _ if check.message.parts.is_empty() && check.message_en.is_none() => {
                                check.message = self.message(raise)
                            }
                            _ => check.message_en = Some(self.message(raise)),
                        }
                    }
                }
                _ => {}
            }
        }
        check
    }

    fn domain(&mut self, pair: Pair<'_, Rule>) -> Spanned<Domain> {
        let span = self.span(&pair);
        let domain = match pair.into_inner().next().map(|p| p.as_rule()) {
            Some(Rule::domain_budget_row) => Domain::BudgetRow,
            Some(Rule::domain_budget_parent) => Domain::BudgetParent,
            Some(Rule::domain_section) => Domain::Section,
            _ => Domain::Indicator,
        };
        Spanned::new(domain, span)
    }

    /// A `message`: literal text and `{expr}` figures.
    fn message(&mut self, pair: Pair<'_, Rule>) -> Message {
        let span = self.span(&pair);
        let mut parts = Vec::new();
        for part in pair.into_inner() {
            match part.as_rule() {
                Rule::message_text => {
                    let start = part.as_span().start();
                    let text = self.unescape(part.as_str(), start);
                    parts.push(MessagePart::Text(text));
                }
                _ => {
                    if let Some(e) = part.into_inner().next() {
                        parts.push(MessagePart::Expr(self.expr(e)));
                    }
                }
            }
        }
        Message { parts, span }
    }
}
