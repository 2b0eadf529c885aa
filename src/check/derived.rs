//! Derived actuals (`actual = …`): typed as numbers in a unit the target can be compared
//! with, and ordered so that each is computed after the actuals it reads; a cycle is an
//! error.

use super::error::{CheckError, TypeHint};
use super::expr::{Context, Scope};
use super::fields::{Ty, UnitTy};
use super::policy::{Derived, IndicatorId, Policy};
use super::structure::{Owner, PendingDerived};
use super::units::Relation;
use super::Checker;
use crate::value::Unit;

impl Checker {
    pub(super) fn derived_actuals(&mut self, pending: Vec<PendingDerived>, policy: &mut Policy) {
        let mut resolved = Vec::new();
        {
            let scope = Scope::new(policy, Context::Derived);
            for p in pending {
                let Some(expr) = scope.expr(&p.expr, &mut self.errors) else {
                    continue;
                };
                match &expr.ty {
                    Ty::Number(unit) => {
                        if let Some(target) = &p.target_unit {
                            self.derived_unit(unit, target, &policy.units, expr.span);
                        }
                    }
                    Ty::Value => {}
                    other => self.errors.push(CheckError::TypeMismatch {
                        span: expr.span,
                        operator: "actual =".into(),
                        left: super::expr::describe(other),
                        right: String::new(),
                        hint: None,
                    }),
                }
                resolved.push((
                    p.owner,
                    Derived {
                        span: p.expr.span,
                        expr,
                    },
                ));
            }
        }
        for (owner, derived) in resolved {
            match owner {
                Owner::Indicator(id) => policy.indicators[id.0].actual = Some(derived),
                Owner::Open(i) => policy.open[i].actual = Some(derived),
                Owner::Execution => {
                    if let Some(e) = policy.execution.as_mut() {
                        e.actual = Some(derived);
                    }
                }
            }
        }
        policy.derived_order = self.order(policy);
    }

    fn derived_unit(
        &mut self,
        actual: &UnitTy,
        target: &Unit,
        units: &super::units::UnitTable,
        span: crate::source::Span,
    ) {
        let actual_unit = match actual {
            UnitTy::Plain => Some(Unit::None),
            UnitTy::Percent => Some(Unit::Percent),
            UnitTy::Named(n) => Some(Unit::Named(n.into())),
            UnitTy::Bare | UnitTy::Unknown => None,
        };
        let Some(actual_unit) = actual_unit else {
            return;
        };
        let clash = match (target, &actual_unit) {
            (Unit::Percent, Unit::None) => true,
            (Unit::None, _) => false,
            _ => units.relate(target, &actual_unit) == Relation::Mismatch,
        };
        if clash {
            let hint = (*target == Unit::Percent).then_some(TypeHint::MultiplyByHundredPercent);
            self.errors.push(CheckError::DerivedUnit {
                span,
                target: target.to_string(),
                actual: if actual_unit == Unit::None {
                    String::new()
                } else {
                    actual_unit.to_string()
                },
            });
            let _ = hint;
        }
    }

    /// Derived indicators, each after the derived actuals it reads.
    fn order(&mut self, policy: &Policy) -> Vec<IndicatorId> {
        #[derive(Clone, Copy, PartialEq)]
        enum Mark {
            New,
            Visiting,
            Done,
        }
        let n = policy.indicators.len();
        let mut marks = vec![Mark::New; n];
        let mut order = Vec::new();
        let deps = |id: IndicatorId| -> Vec<IndicatorId> {
            let mut out = Vec::new();
            if let Some(d) = &policy.indicators[id.0].actual {
                d.expr.actuals_read(&mut out);
            }
            out.retain(|dep| policy.indicators[dep.0].actual.is_some());
            out
        };
        for start in 0..n {
            if policy.indicators[start].actual.is_none() || marks[start] != Mark::New {
                continue;
            }
            // iterative depth-first search: (node, next dependency index)
            let mut stack = vec![(IndicatorId(start), 0usize)];
            marks[start] = Mark::Visiting;
            while let Some((node, next)) = stack.last().copied() {
                let node_deps = deps(node);
                if let Some(dep) = node_deps.get(next).copied() {
                    if let Some(top) = stack.last_mut() {
                        top.1 += 1;
                    }
                    match marks[dep.0] {
                        Mark::New => {
                            marks[dep.0] = Mark::Visiting;
                            stack.push((dep, 0));
                        }
                        Mark::Visiting => {
                            let names = stack
                                .iter()
                                .map(|(i, _)| policy.indicators[i.0].name.node.clone())
                                .collect();
                            let span = policy.indicators[dep.0]
                                .actual
                                .as_ref()
                                .map_or(policy.indicators[dep.0].span, |d| d.span);
                            self.errors.push(CheckError::DerivedCycle { span, names });
                            marks[dep.0] = Mark::Done;
                        }
                        Mark::Done => {}
                    }
                } else {
                    marks[node.0] = Mark::Done;
                    order.push(node);
                    stack.pop();
                }
            }
        }
        order
    }
}
