//! Checks (§4 findings): conditions and messages typed in the context of their domain.

use super::error::CheckError;
use super::expr::{CExpr, CKind, Func};
use super::expr::{Context, Scope};
use super::fields::{Field, IndicatorField, Ty, UnitTy};
use super::policy::{CheckRule, Conjunct, MessagePiece, Policy};
use super::Checker;
use crate::source::Span;
use crate::syntax::ast::{BinaryOp, Domain};
use crate::syntax::ast::{Item, Message, MessagePart, RuleFile};
use crate::value::TargetForm;
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
            let mut figures = Figures::default();
            let zh = pieces(&scope, &check.message, &mut figures, &mut self.errors);
            let en = check
                .message_en
                .as_ref()
                .map(|m| pieces(&scope, m, &mut figures, &mut self.errors));
            rules.push(CheckRule {
                id: check.id.node.clone(),
                code: format!("rules::{}", check.id.node),
                title: check.title.node.clone(),
                domain: check.domain.map(|d| d.node),
                when_conjuncts: when
                    .as_ref()
                    .map(|w| conjuncts(w, check.domain.map(|d| d.node)))
                    .unwrap_or_default(),
                require_conjuncts: require
                    .as_ref()
                    .map(|r| conjuncts(r, check.domain.map(|d| d.node)))
                    .unwrap_or_default(),
                when,
                require,
                severity: check.severity.node,
                message: zh,
                message_en: en,
                figures: figures.exprs,
                span: check.span,
            });
        }
        policy.checks = rules;
    }
}

/// The conjuncts of a condition, in the order `and` evaluates them (left to right); over
/// indicators, those that read only the checked indicator's own fields are kept as guards.
fn conjuncts(condition: &CExpr, domain: Option<Domain>) -> Vec<Conjunct> {
    let mut spine = Vec::new();
    let mut at = condition;
    while let CKind::Binary(BinaryOp::And, l, r) = &at.kind {
        spine.push(r.as_ref());
        at = l;
    }
    spine.push(at);
    spine
        .into_iter()
        .rev()
        .map(|e| {
            match domain {
                Some(Domain::Indicator) => guard(e),
                Some(Domain::BudgetRow) => row_guard(e),
                _ => None,
            }
            .unwrap_or_else(|| Conjunct::Expr(e.clone()))
        })
        .collect()
}

/// A conjunct that reads only the checked indicator, as a guard.
fn guard(e: &CExpr) -> Option<Conjunct> {
    let own = |e: &CExpr| match &e.kind {
        CKind::Field(Field::Indicator(f)) => Some(*f),
        _ => None,
    };
    Some(match &e.kind {
        CKind::Call(Func::Present, args) => match args.as_slice() {
            [arg] => Conjunct::Present(own(arg)?),
            _ => return None,
        },
        CKind::Field(Field::Indicator(f)) if truth(*f) => Conjunct::Is(*f, true),
        CKind::Not(inner) => Conjunct::Is(own(inner).filter(|f| truth(*f))?, false),
        CKind::Binary(BinaryOp::In, l, r) => {
            let field = own(l).filter(|f| f.ty() == Ty::Text)?;
            let CKind::List(items) = &r.kind else {
                return None;
            };
            let texts = items
                .iter()
                .map(|i| match &i.kind {
                    CKind::Text(t) => Some(t.clone()),
                    _ => None,
                })
                .collect::<Option<Vec<_>>>()?;
            if field == IndicatorField::Form {
                Conjunct::FormIn(TargetForm::ALL.map(|f| texts.iter().any(|t| t == f.keyword())))
            } else {
                Conjunct::OneOf(field, texts)
            }
        }
        CKind::Binary(op @ (BinaryOp::Lt | BinaryOp::Le | BinaryOp::Gt | BinaryOp::Ge), l, r)
            if scaled(r).is_some() =>
        {
            let (g, n, unit) = scaled(r)?;
            Conjunct::Scaled(*op, own(l).filter(|_| !l.quotient)?, g, n, unit)
        }
        CKind::Binary(op, l, r) if op.is_comparison() => {
            let (f, g) = (own(l)?, own(r)?);
            let plain = |f: IndicatorField| f.ty() == Ty::Number(UnitTy::Plain);
            match op {
                _ if plain(f) && plain(g) => Conjunct::Compare(*op, f, g),
                BinaryOp::Eq | BinaryOp::Ne => Conjunct::Equal(*op == BinaryOp::Eq, f, g),
                _ => return None,
            }
        }
        _ => return None,
    })
}

/// A conjunct that reads only a figure of the checked budget row, alone or against a
/// number, as a guard.
fn row_guard(e: &CExpr) -> Option<Conjunct> {
    let own = |e: &CExpr| match &e.kind {
        CKind::Field(Field::Row(f)) => Some(*f),
        _ => None,
    };
    Some(match &e.kind {
        CKind::Call(Func::Present, args) => match args.as_slice() {
            [arg] => Conjunct::RowPresent(own(arg)?),
            _ => return None,
        },
        CKind::Binary(op, l, r) if op.is_comparison() => {
            let f = own(l)?;
            match &r.kind {
                CKind::Number(n, unit) if !r.quotient => {
                    Conjunct::RowAgainst(*op, f, *n, unit.clone())
                }
                _ => return None,
            }
        }
        _ => return None,
    })
}

/// `indicator.g * number`, as its field and the number (neither side a quotient).
fn scaled(e: &CExpr) -> Option<(IndicatorField, crate::decimal::Dec, crate::value::Unit)> {
    let CKind::Binary(BinaryOp::Mul, l, r) = &e.kind else {
        return None;
    };
    match (&l.kind, &r.kind) {
        (CKind::Field(Field::Indicator(g)), CKind::Number(n, unit))
            if !l.quotient && !r.quotient =>
        {
            Some((*g, *n, unit.clone()))
        }
        _ => None,
    }
}

/// The truth fields of an indicator (always true or false, never absent).
fn truth(f: IndicatorField) -> bool {
    f.ty() == Ty::Bool
}

/// A check's figures, each expression once by its text in the rule file.
#[derive(Default)]
struct Figures {
    texts: Vec<String>,
    exprs: Vec<crate::check::expr::CExpr>,
}

/// A message's text and figures.
fn pieces(
    scope: &Scope<'_>,
    message: &Message,
    figures: &mut Figures,
    errors: &mut Vec<CheckError>,
) -> Vec<MessagePiece> {
    message
        .parts
        .iter()
        .filter_map(|part| match part {
            MessagePart::Text(t) => Some(MessagePiece::Text(t.clone())),
            MessagePart::Expr(e) => {
                let checked = scope.expr(e, errors)?;
                let text = scope.source_text(checked.span);
                let known = figures
                    .texts
                    .iter()
                    .position(|t| !t.is_empty() && *t == text);
                Some(MessagePiece::Figure(known.unwrap_or_else(|| {
                    figures.texts.push(text.to_string());
                    figures.exprs.push(checked);
                    figures.exprs.len() - 1
                })))
            }
        })
        .collect()
}
