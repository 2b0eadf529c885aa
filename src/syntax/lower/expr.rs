//! Expressions, by precedence climbing (pest's Pratt parser), lowest first:
//! `or`; `and`; `not`; comparisons and `in`; `+ -`; `* / × ÷`; unary `-`.

use super::Lower;
use crate::source::Spanned;
use crate::syntax::ast::{BinaryOp, Expr, ExprKind, PathStep, UnaryOp};
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
    /// An `expr`.
    pub(super) fn expr(&mut self, pair: Pair<'_, Rule>) -> Expr {
        self.expr_pairs(pair.into_inner())
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
            Rule::expr => return self.expr(pair),
            Rule::list => ExprKind::List(pair.into_inner().map(|e| self.expr(e)).collect()),
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
