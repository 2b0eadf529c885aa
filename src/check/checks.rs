//! Checks (§4 findings): conditions and messages typed in the context of their domain.

use super::error::CheckError;
use super::expr::{Context, Scope};
use super::policy::{CheckRule, MessagePiece, Policy};
use super::Checker;
use crate::source::Span;
use crate::syntax::ast::{Item, Message, MessagePart, RuleFile};
use std::collections::HashMap;

impl Checker {
    pub(super) fn checks(&mut self, file: &RuleFile, policy: &mut Policy) {
        let mut ids: HashMap<&str, Span> = HashMap::new();
        let mut rules = Vec::new();
        for item in &file.items {
            let Item::Check(check) = item else { continue };
            if rules.len() == crate::limits::MAX_CHECKS {
                self.errors.push(CheckError::TooManyChecks {
                    span: check.id.span,
                    limit: crate::limits::MAX_CHECKS,
                });
                break;
            }
            if let Some(first) = ids.insert(&check.id.node, check.id.span) {
                self.errors.push(CheckError::DuplicateCheck {
                    span: check.id.span,
                    first,
                    id: check.id.node.clone(),
                });
            }
            let scope = Scope::new(policy, Context::Check(check.domain.map(|d| d.node)));
            let condition = |expr: &Option<crate::syntax::ast::Expr>,
                             errors: &mut Vec<CheckError>| {
                let checked = expr.as_ref().and_then(|e| scope.expr(e, errors));
                if let Some(c) = &checked {
                    scope.condition(c, errors);
                }
                checked
            };
            let when = condition(&check.when, &mut self.errors);
            let require = condition(&check.require, &mut self.errors);
            let message = message(&scope, &check.message, &mut self.errors);
            let message_en = check
                .message_en
                .as_ref()
                .map(|m| message_fn(&scope, m, &mut self.errors));
            rules.push(CheckRule {
                id: check.id.node.clone(),
                title: check.title.node.clone(),
                domain: check.domain.map(|d| d.node),
                when,
                require,
                severity: check.severity.node,
                message,
                message_en,
                span: check.span,
            });
        }
        policy.checks = rules;
    }
}

fn message(
    scope: &Scope<'_>,
    message: &Message,
    errors: &mut Vec<CheckError>,
) -> Vec<MessagePiece> {
    message_fn(scope, message, errors)
}

fn message_fn(
    scope: &Scope<'_>,
    message: &Message,
    errors: &mut Vec<CheckError>,
) -> Vec<MessagePiece> {
    message
        .parts
        .iter()
        .filter_map(|part| match part {
            MessagePart::Text(t) => Some(MessagePiece::Text(t.clone())),
            MessagePart::Expr(e) => scope.expr(e, errors).map(MessagePiece::Expr),
        })
        .collect()
}
