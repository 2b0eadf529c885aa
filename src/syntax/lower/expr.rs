//! Expressions, by precedence climbing (pest's Pratt parser), lowest first:
//! `or`; `and`; `not`; comparisons and `in`; `+ -`; `* / × ÷`; unary `-`.
//!
//! A whole expression is measured before it is lowered, without recursion; one deeper than
//! [`MAX_EXPR_DEPTH`] is refused, so that lowering, the checker and the evaluator, which
//! recurse over it, stay within the stack.

use super::Lower;
use crate::limits::MAX_EXPR_DEPTH;
use crate::source::{Span, Spanned};
use crate::syntax::ast::{BinaryOp, Expr, ExprKind, PathStep, UnaryOp};
use crate::syntax::error::{Nesting, SyntaxError};
use crate::syntax::grammar::Rule;
use pest::iterators::{Pair, Pairs};
use pest::pratt_parser::{Assoc, Op, PrattParser};
use std::cell::RefCell;
use std::sync::OnceLock;

fn pratt() -> &'static PrattParser<Rule> {
    static PRATT: OnceLock<PrattParser<Rule>> = OnceLock::new();
    PRATT.get_or_init(|| {
        PrattParser::new()
            .op(Op::infix(Rule::op_or, Assoc::Left))
            .op(Op::infix(Rule::op_and, Assoc::Left))
            .op(Op::prefix(Rule::op_not))
            .op(Op::infix(Rule::op_in, Assoc::Left)
                | Op::infix(Rule::op_eq, Assoc::Left)
                | Op::infix(Rule::op_ne, Assoc::Left)
                | Op::infix(Rule::op_lt, Assoc::Left)
                | Op::infix(Rule::op_le, Assoc::Left)
                | Op::infix(Rule::op_gt, Assoc::Left)
                | Op::infix(Rule::op_ge, Assoc::Left))
            .op(Op::infix(Rule::op_add, Assoc::Left) | Op::infix(Rule::op_sub, Assoc::Left))
            .op(Op::infix(Rule::op_mul, Assoc::Left) | Op::infix(Rule::op_div, Assoc::Left))
            .op(Op::prefix(Rule::op_neg))
    })
}

impl Lower {
    /// An `expr`. A whole expression (not one nested in another) is measured first.
    pub(super) fn expr(&mut self, pair: Pair<'_, Rule>) -> Expr {
        if self.in_expr {
            return self.expr_pairs(pair.into_inner());
        }
        if let Some(span) = self.too_deep(&pair) {
            self.errors.push(SyntaxError::TooDeep {
                span,
                limit: MAX_EXPR_DEPTH,
                nesting: Nesting::Expression,
            });
            return Expr {
                kind: ExprKind::Bool(false),
                span: self.span(&pair),
            };
        }
        self.in_expr = true;
        let expr = self.expr_pairs(pair.into_inner());
        self.in_expr = false;
        expr
    }

    /// Where an expression passes [`MAX_EXPR_DEPTH`]: the start of the first part found
    /// deeper. The depth is an upper bound of the syntax tree's, computed with an explicit
    /// stack: an `expr` is one level below the one it stands in, plus one per operator
    /// among its terms (`a + b + c` is a tree 3 deep, `not not x` too); a call, a list or
    /// an `if` adds one more for the expressions it holds.
    fn too_deep(&self, pair: &Pair<'_, Rule>) -> Option<Span> {
        let mut stack = vec![(pair.clone(), 0usize)];
        while let Some((expr, outer)) = stack.pop() {
            let operators = expr
                .clone()
                .into_inner()
                .filter(|p| is_operator(p.as_rule()))
                .count();
            let depth = outer + operators + 1;
            if depth > MAX_EXPR_DEPTH {
                let start = expr.as_span().start();
                let first_char = expr.as_str().chars().next().map_or(0, char::len_utf8);
                return Some(Span::new(self.source, start, start + first_char));
            }
            // Pushed right to left, so that the leftmost part too deep is the one found.
            let mut nested = Vec::new();
            for child in expr.into_inner() {
                match child.as_rule() {
                    // brackets around one expression are a level of their own, no more
                    Rule::bracketed if child.clone().into_inner().count() == 1 => {
                        nested.extend(child.into_inner().map(|p| (p, depth)))
                    }
                    Rule::bracketed | Rule::call | Rule::conditional => nested.extend(
                        child
                            .into_inner()
                            .filter(|p| p.as_rule() == Rule::expr)
                            .map(|p| (p, depth + 1)),
                    ),
                    _ => {}
                }
            }
            stack.extend(nested.into_iter().rev());
        }
        None
    }

    fn expr_pairs(&mut self, pairs: Pairs<'_, Rule>) -> Expr {
        // The three closures of the Pratt parser each need the lowering state.
        let this = RefCell::new(self);
        let expr = pratt()
            .map_primary(|primary| this.borrow_mut().operand(primary))
            .map_prefix(|op, rhs| {
                let span = this.borrow().span(&op).to(rhs.span);
                let op = if op.as_rule() == Rule::op_not {
                    UnaryOp::Not
                } else {
                    UnaryOp::Neg
                };
                Expr {
                    kind: ExprKind::Unary(op, Box::new(rhs)),
                    span,
                }
            })
            .map_infix(|lhs, op, rhs| {
                let span = lhs.span.to(rhs.span);
                let op = binary_op(op.as_rule());
                Expr {
                    kind: ExprKind::Binary(op, Box::new(lhs), Box::new(rhs)),
                    span,
                }
            })
            .parse(pairs);
        expr
    }

    fn operand(&mut self, pair: Pair<'_, Rule>) -> Expr {
        let span = self.span(&pair);
        let kind = match pair.as_rule() {
            Rule::bracketed => {
                let mut items: Vec<Expr> = pair.into_inner().map(|e| self.expr(e)).collect();
                if items.len() == 1 {
                    // brackets around one expression: the expression itself
                    if let Some(only) = items.pop() {
                        return only;
                    }
                }
                ExprKind::List(items)
            }
            Rule::conditional => {
                let mut parts = pair
                    .into_inner()
                    .filter(|p| p.as_rule() == Rule::expr)
                    .map(|e| self.expr(e));
                let mut next = || {
                    Box::new(parts.next().unwrap_or(Expr {
                        kind: ExprKind::Bool(false),
                        span,
                    }))
                };
                let (c, a, b) = (next(), next(), next());
                ExprKind::If(c, a, b)
            }
            Rule::call => self.call(pair),
            Rule::quantity_literal => ExprKind::Literal(self.quantity_literal(pair).node),
            Rule::string => ExprKind::Text(self.string(pair).node),
            Rule::boolean => ExprKind::Bool(pair.as_str().starts_with('t')),
            _ => ExprKind::Path(self.path(pair)),
        };
        Expr { kind, span }
    }

    fn call(&mut self, pair: Pair<'_, Rule>) -> ExprKind {
        let span = self.span(&pair);
        let mut inner = pair.into_inner();
        let name = match inner.next() {
            Some(p) => Spanned::new(p.as_str().to_string(), self.span(&p)),
            None => Spanned::new(String::new(), span),
        };
        ExprKind::Call {
            name,
            args: inner.map(|e| self.expr(e)).collect(),
        }
    }

    fn path(&mut self, pair: Pair<'_, Rule>) -> Vec<PathStep> {
        let mut steps = Vec::new();
        for part in pair.into_inner() {
            match part.as_rule() {
                Rule::ident => steps.push(PathStep::Field(Spanned::new(
                    part.as_str().to_string(),
                    self.span(&part),
                ))),
                Rule::path_step => {
                    if let Some(step) = part.into_inner().next() {
                        steps.push(match step.as_rule() {
                            Rule::string => PathStep::Key(self.string(step)),
                            _ => PathStep::Field(Spanned::new(
                                step.as_str().to_string(),
                                self.span(&step),
                            )),
                        });
                    }
                }
                _ => {}
            }
        }
        steps
    }
}

/// A prefix or infix operator of an `expr`.
fn is_operator(rule: Rule) -> bool {
    matches!(
        rule,
        Rule::op_not
            | Rule::op_neg
            | Rule::op_or
            | Rule::op_and
            | Rule::op_in
            | Rule::op_eq
            | Rule::op_ne
            | Rule::op_le
            | Rule::op_ge
            | Rule::op_lt
            | Rule::op_gt
            | Rule::op_add
            | Rule::op_sub
            | Rule::op_mul
            | Rule::op_div
    )
}

fn binary_op(rule: Rule) -> BinaryOp {
    match rule {
        Rule::op_or => BinaryOp::Or,
        Rule::op_and => BinaryOp::And,
        Rule::op_in => BinaryOp::In,
        Rule::op_eq => BinaryOp::Eq,
        Rule::op_ne => BinaryOp::Ne,
        Rule::op_lt => BinaryOp::Lt,
        Rule::op_le => BinaryOp::Le,
        Rule::op_gt => BinaryOp::Gt,
        Rule::op_ge => BinaryOp::Ge,
        Rule::op_add => BinaryOp::Add,
        Rule::op_sub => BinaryOp::Sub,
        Rule::op_mul => BinaryOp::Mul,
        _ => BinaryOp::Div,
    }
}
