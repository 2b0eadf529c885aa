//! Resolving and typing expressions. Every path is resolved to a [`Field`] of the context
//! it is written in, every function to a [`Func`], and units are checked wherever both
//! sides are known before a report is read.

use super::error::{CheckError, NameSpace, TypeHint};
use super::fields::*;
use super::names;
use super::policy::{IndicatorId, Policy, SectionId};
use super::units::{Relation, UnitTable};
use crate::decimal::{Dec, RoundMode};
use crate::source::Span;
use crate::syntax::ast::{BinaryOp, Domain, Expr, ExprKind, PathStep, UnaryOp};
use crate::value::Unit;

/// A checked expression.
#[derive(Clone, Debug)]
pub struct CExpr {
    pub kind: CKind,
    pub span: Span,
    pub ty: Ty,
    /// Whether its figure may be a quotient that does not end: a division, or arithmetic,
    /// `abs`, `min`, `max` or `if` over one. The evaluator keeps such a quotient's exact ratio
    /// (crate::eval::quantity::Num::exact); the in-place reader of checks, which keeps
    /// decimals only, leaves arithmetic on it to the evaluator. Known from the tree, so
    /// decided here once.
    pub quotient: bool,
}

#[derive(Clone, Debug)]
pub enum CKind {
    Number(Dec, Unit),
    Text(String),
    Bool(bool),
    Field(Field),
    Not(Box<CExpr>),
    Neg(Box<CExpr>),
    Binary(BinaryOp, Box<CExpr>, Box<CExpr>),
    Call(Func, Vec<CExpr>),
    List(Vec<CExpr>),
    If(Box<CExpr>, Box<CExpr>, Box<CExpr>),
}

/// A function of the rule language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Func {
    Min,
    Max,
    /// `round(x, places)` (四舍五入), or `round(x, places, "half_even")`.
    Round(u32, RoundMode),
    /// `round_like(x, written)`: x rounded (四舍五入) to as many places as `written` was
    /// written with, to compare a recomputed figure with one a unit wrote (`85.5` vs `85.50…`).
    RoundLike,
    Abs,
    /// `present(x)`: whether the report gives x.
    Present,
}

const FUNCTIONS: &[&str] = &["min", "max", "round", "round_like", "abs", "present"];

/// Where an expression is written, which decides what it may read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Context {
    /// `actual = …` of an indicator: the budget table, the report's identity and other
    /// indicators' targets and actuals.
    Derived,
    /// A check, over a domain or over the whole report.
    Check(Option<Domain>),
}

/// What resolution needs of the policy being checked.
pub struct Scope<'a> {
    pub context: Context,
    indicators: &'a super::names::NameIndex<IndicatorId>,
    indicator_names: Vec<&'a str>,
    sections: &'a super::names::NameIndex<SectionId>,
    section_names: Vec<&'a str>,
    /// Whether the policy scores the budget execution row (`execution.*` can be read).
    has_execution: bool,
    money: &'a Unit,
    units: &'a UnitTable,
    sources: &'a crate::source::Sources,
}

impl<'a> Scope<'a> {
    /// The names an expression written in `context` may read, from the policy as built so far.
    pub fn new(policy: &'a Policy, context: Context) -> Scope<'a> {
        Scope {
            context,
            indicators: &policy.indicator_index,
            indicator_names: policy
                .indicators
                .iter()
                .map(|i| i.name.node.as_str())
                .collect(),
            sections: &policy.section_index,
            section_names: policy.sections.iter().map(|s| s.name.as_str()).collect(),
            has_execution: policy.execution.is_some(),
            money: &policy.budget_unit,
            units: &policy.units,
            sources: &policy.sources,
        }
    }
}

impl Scope<'_> {
    /// The text of the rule file at `span` (an expression as written).
    pub fn source_text(&self, span: Span) -> &str {
        self.sources.slice(span)
    }

    /// Resolves and types an expression, recording every problem in `errors`.
    pub fn expr(&self, expr: &Expr, errors: &mut Vec<CheckError>) -> Option<CExpr> {
        let span = expr.span;
        let (kind, ty) = match &expr.kind {
            ExprKind::Literal(l) => {
                if let Unit::Named(name) = &l.unit {
                    self.units.require_declared(
                        &crate::source::Spanned::new(name.to_string(), span),
                        errors,
                    );
                }
                (
                    CKind::Number(l.number, l.unit.clone()),
                    Ty::Number(UnitTy::of(&l.unit)),
                )
            }
            ExprKind::Text(t) => (CKind::Text(t.clone()), Ty::Text),
            ExprKind::Bool(b) => (CKind::Bool(*b), Ty::Bool),
            ExprKind::Path(steps) => {
                let field = self.path(steps, span, errors)?;
                let ty = self.field_ty(&field);
                (CKind::Field(field), ty)
            }
            ExprKind::Unary(op, operand) => {
                let operand = self.expr(operand, errors)?;
                match op {
                    UnaryOp::Not => {
                        self.condition(&operand, errors);
                        (CKind::Not(Box::new(operand)), Ty::Bool)
                    }
                    UnaryOp::Neg => {
                        let ty = self.number_ty(&operand, "-", errors);
                        (CKind::Neg(Box::new(operand)), ty)
                    }
                }
            }
            ExprKind::Binary(op, l, r) => {
                let l = self.expr(l, errors);
                let r = self.expr(r, errors);
                let (l, r) = (l?, r?);
                let ty = self.binary_ty(*op, &l, &r, span, errors);
                (CKind::Binary(*op, Box::new(l), Box::new(r)), ty)
            }
            ExprKind::Call { name, args } => {
                let args: Vec<Option<CExpr>> = args.iter().map(|a| self.expr(a, errors)).collect();
                let args: Vec<CExpr> = args.into_iter().collect::<Option<_>>()?;
                let (func, ty) = self.call(&name.node, name.span, &args, span, errors)?;
                (CKind::Call(func, args), ty)
            }
            ExprKind::List(items) => {
                let items: Vec<Option<CExpr>> =
                    items.iter().map(|a| self.expr(a, errors)).collect();
                (
                    CKind::List(items.into_iter().collect::<Option<_>>()?),
                    Ty::List,
                )
            }
            ExprKind::If(c, a, b) => {
                let (c, a, b) = (
                    self.expr(c, errors),
                    self.expr(a, errors),
                    self.expr(b, errors),
                );
                let (c, a, b) = (c?, a?, b?);
                self.condition(&c, errors);
                let ty = self.branches_ty(&a, &b, span, errors);
                (CKind::If(Box::new(c), Box::new(a), Box::new(b)), ty)
            }
        };
        let quotient = carries_quotient(&kind);
        Some(CExpr {
            kind,
            span,
            ty,
            quotient,
        })
    }

    /// A condition (`when`, `require`, `and`, `or`, `not`) must be true or false.
    pub fn condition(&self, expr: &CExpr, errors: &mut Vec<CheckError>) {
        if expr.ty != Ty::Bool {
            errors.push(CheckError::NotACondition {
                span: expr.span,
                found: describe(&expr.ty),
            });
        }
    }

    /// The type of `if … then a else b`: both branches must agree.
    fn branches_ty(&self, a: &CExpr, b: &CExpr, span: Span, errors: &mut Vec<CheckError>) -> Ty {
        match (&a.ty, &b.ty) {
            (Ty::Number(x), Ty::Number(y)) => match self.unify(x, y) {
                Ok(u) => Ty::Number(u),
                Err(hint) => {
                    errors.push(CheckError::TypeMismatch {
                        span,
                        operator: "if".into(),
                        left: describe(&a.ty),
                        right: describe(&b.ty),
                        hint,
                    });
                    Ty::Number(UnitTy::Unknown)
                }
            },
            (Ty::Value, other) | (other, Ty::Value) => other.clone(),
            (x, y) if x == y => x.clone(),
            _ => {
                errors.push(CheckError::TypeMismatch {
                    span,
                    operator: "if".into(),
                    left: describe(&a.ty),
                    right: describe(&b.ty),
                    hint: None,
                });
                a.ty.clone()
            }
        }
    }

    fn roots(&self) -> Vec<&'static str> {
        let mut roots = vec!["budget", "report"];
        match self.context {
            Context::Derived => roots.push("indicator"),
            Context::Check(domain) => {
                roots.push("policy");
                roots.push("indicator");
                roots.push("sections");
                if self.has_execution {
                    roots.push("execution");
                }
                if let Some(d) = domain {
                    if d != Domain::Indicator {
                        roots.push(binding(d));
                    }
                }
            }
        }
        roots
    }

    fn path(&self, steps: &[PathStep], span: Span, errors: &mut Vec<CheckError>) -> Option<Field> {
        let mut steps = steps.iter().peekable();
        let (root, root_span) = match steps.next() {
            Some(PathStep::Field(f)) => (f.node.as_str(), f.span),
            _ => return None,
        };
        let domain = match self.context {
            Context::Check(d) => d,
            Context::Derived => None,
        };
        let bound = |d: Domain| domain == Some(d);
        let field = match root {
            "budget" => return self.budget_path(steps, span, errors),
            "indicator" => match steps.next() {
                Some(PathStep::Key(name)) => {
                    let id = self.named_indicator(&name.node, name.span, errors)?;
                    let field = self.leaf(steps.next(), span, INDICATOR_FIELDS, errors)?;
                    if self.context == Context::Derived
                        && !DERIVED_INDICATOR_FIELDS.contains(&field)
                    {
                        errors.push(not_bound(span, "indicator.*", "derived"));
                        return None;
                    }
                    Field::Named(id, field)
                }
                step => {
                    if !bound(Domain::Indicator) {
                        errors.push(not_bound(root_span, "indicator", self.context_name()));
                        return None;
                    }
                    Field::Indicator(self.leaf(step, span, INDICATOR_FIELDS, errors)?)
                }
            },
            "row" if bound(Domain::BudgetRow) => {
                Field::Row(self.leaf(steps.next(), span, ROW_FIELDS, errors)?)
            }
            "parent" if bound(Domain::BudgetParent) => {
                Field::Parent(self.leaf(steps.next(), span, PARENT_FIELDS, errors)?)
            }
            "section" if bound(Domain::Section) => {
                Field::Section(self.leaf(steps.next(), span, SECTION_FIELDS, errors)?)
            }
            "row" | "parent" | "section" => {
                errors.push(not_bound(root_span, root, self.context_name()));
                return None;
            }
            "report" => {
                let field = self.leaf(steps.next(), span, REPORT_FIELDS, errors)?;
                if self.context == Context::Derived && !DERIVED_REPORT_FIELDS.contains(&field) {
                    errors.push(not_bound(span, "report.*", "derived"));
                    return None;
                }
                Field::Report(field)
            }
            "policy" if self.context != Context::Derived => {
                Field::Policy(self.leaf(steps.next(), span, POLICY_FIELDS, errors)?)
            }
            "execution" if self.context != Context::Derived => {
                if !self.has_execution {
                    errors.push(CheckError::NoExecution { span: root_span });
                    return None;
                }
                Field::Execution(self.leaf(steps.next(), span, INDICATOR_FIELDS, errors)?)
            }
            "sections" if self.context != Context::Derived => match steps.next() {
                Some(PathStep::Key(name)) => {
                    let Some(id) = self.sections.get(&names::key(&name.node)) else {
                        let suggestion =
                            names::closest(&name.node, self.section_names.iter().copied());
                        errors.push(CheckError::UnknownSection {
                            span: name.span,
                            name: name.node.clone(),
                            suggestion,
                        });
                        return None;
                    };
                    Field::NamedSection(*id, self.leaf(steps.next(), span, SECTION_FIELDS, errors)?)
                }
                other => {
                    errors.push(match other {
                        Some(step) => self.no_such_field(step, span, &[]),
                        None => CheckError::UnknownName {
                            span,
                            name: "sections".into(),
                            kind: NameSpace::Field,
                            suggestion: None,
                        },
                    });
                    return None;
                }
            },
            _ => {
                let suggestion = names::closest(root, self.roots());
                errors.push(CheckError::UnknownName {
                    span: root_span,
                    name: root.to_string(),
                    kind: NameSpace::Root,
                    suggestion,
                });
                return None;
            }
        };
        if let Some(extra) = steps.next() {
            errors.push(self.no_such_field(extra, span, &[]));
            return None;
        }
        Some(field)
    }

    fn context_name(&self) -> &'static str {
        match self.context {
            Context::Derived => "derived",
            Context::Check(None) => "report",
            Context::Check(Some(d)) => binding(d),
        }
    }

    /// `budget.total.executed`, `budget["财政拨款"].rate`, and the sums of the rows under a
    /// row or heading: `budget.total.under.budget`, `budget.under["资金来源"].executed`.
    fn budget_path<'s>(
        &self,
        mut steps: std::iter::Peekable<impl Iterator<Item = &'s PathStep>>,
        span: Span,
        errors: &mut Vec<CheckError>,
    ) -> Option<Field> {
        let row = steps.next();
        let is_under =
            |s: Option<&&PathStep>| matches!(s, Some(PathStep::Field(f)) if f.node == "under");
        let group = match row {
            Some(PathStep::Field(f)) if f.node == "total" && is_under(steps.peek()) => {
                Some(BudgetGroup::Total)
            }
            Some(PathStep::Key(item)) if is_under(steps.peek()) => {
                Some(BudgetGroup::Item(item.node.clone()))
            }
            Some(PathStep::Field(f)) if f.node == "under" => match steps.next() {
                Some(PathStep::Key(heading)) => {
                    let field = self.leaf(steps.next(), span, PARENT_FIELDS, errors)?;
                    return self.end_of_path(
                        steps.next(),
                        span,
                        errors,
                        Field::BudgetUnder(BudgetGroup::Heading(heading.node.clone()), field),
                    );
                }
                other => {
                    errors.push(match other {
                        Some(step) => self.no_such_field(step, span, &[]),
                        None => CheckError::UnknownName {
                            span,
                            name: "under".into(),
                            kind: NameSpace::Field,
                            suggestion: None,
                        },
                    });
                    return None;
                }
            },
            _ => None,
        };
        if let Some(group) = group {
            steps.next(); // `under`
            let field = self.leaf(steps.next(), span, PARENT_FIELDS, errors)?;
            return self.end_of_path(steps.next(), span, errors, Field::BudgetUnder(group, field));
        }
        let field = self.leaf(steps.next(), span, ROW_FIELDS, errors);
        let result = match row {
            Some(PathStep::Field(f)) if f.node == "total" => Field::BudgetTotal(field?),
            Some(PathStep::Key(item)) => Field::BudgetItem(item.node.clone(), field?),
            other => {
                errors.push(match other {
                    Some(step) => self.no_such_field(step, span, &["total"]),
                    None => CheckError::UnknownName {
                        span,
                        name: "budget".into(),
                        kind: NameSpace::Field,
                        suggestion: Some("budget.total".into()),
                    },
                });
                return None;
            }
        };
        self.end_of_path(steps.next(), span, errors, result)
    }

    /// A path ends at its field: a further step is an error.
    fn end_of_path(
        &self,
        extra: Option<&PathStep>,
        span: Span,
        errors: &mut Vec<CheckError>,
        field: Field,
    ) -> Option<Field> {
        if let Some(extra) = extra {
            errors.push(self.no_such_field(extra, span, &[]));
            return None;
        }
        Some(field)
    }

    /// The last step of a path: a field from `table`.
    fn leaf<T: Copy>(
        &self,
        step: Option<&PathStep>,
        span: Span,
        table: &[(&str, T)],
        errors: &mut Vec<CheckError>,
    ) -> Option<T> {
        match step {
            Some(PathStep::Field(f)) => match table.iter().find(|(name, _)| *name == f.node) {
                Some((_, field)) => Some(*field),
                None => {
                    let names: Vec<&str> = table.iter().map(|(n, _)| *n).collect();
                    errors.push(self.no_such_field(step?, span, &names));
                    None
                }
            },
            Some(other) => {
                let names: Vec<&str> = table.iter().map(|(n, _)| *n).collect();
                errors.push(self.no_such_field(other, span, &names));
                None
            }
            None => {
                errors.push(CheckError::UnknownName {
                    span,
                    name: String::new(),
                    kind: NameSpace::Field,
                    suggestion: None,
                });
                None
            }
        }
    }

    fn no_such_field(&self, step: &PathStep, _span: Span, candidates: &[&str]) -> CheckError {
        let (name, span) = match step {
            PathStep::Field(f) => (f.node.clone(), f.span),
            PathStep::Key(k) => (format!("[\"{}\"]", k.node), k.span),
        };
        let suggestion = names::closest(&name, candidates.iter().copied());
        CheckError::UnknownName {
            span,
            name,
            kind: NameSpace::Field,
            suggestion,
        }
    }

    fn named_indicator(
        &self,
        name: &str,
        span: Span,
        errors: &mut Vec<CheckError>,
    ) -> Option<IndicatorId> {
        match self.indicators.get(&names::key(name)) {
            Some(id) => Some(*id),
            None => {
                let suggestion = names::closest(name, self.indicator_names.iter().copied());
                errors.push(CheckError::UnknownIndicator {
                    span,
                    name: name.to_string(),
                    suggestion,
                });
                None
            }
        }
    }

    fn field_ty(&self, field: &Field) -> Ty {
        match field {
            Field::Indicator(f) | Field::Named(_, f) => f.ty(),
            Field::Row(f) | Field::BudgetTotal(f) | Field::BudgetItem(_, f) => f.ty(self.money),
            Field::Parent(f) => f.ty(self.money),
            Field::Section(f) => f.ty(),
            Field::Report(f) => f.ty(),
            Field::Policy(f) => f.ty(),
            Field::BudgetUnder(_, f) => f.ty(self.money),
            Field::Execution(f) => f.ty(),
            Field::NamedSection(_, f) => f.ty(),
        }
    }

    /// The unit type of an operand of arithmetic; an error for text, truth values, lists.
    fn number_ty(&self, e: &CExpr, operator: &str, errors: &mut Vec<CheckError>) -> Ty {
        match &e.ty {
            Ty::Number(u) => Ty::Number(u.clone()),
            Ty::Value => Ty::Number(UnitTy::Unknown),
            other => {
                errors.push(CheckError::TypeMismatch {
                    span: e.span,
                    operator: operator.to_string(),
                    left: describe(other),
                    right: String::new(),
                    hint: None,
                });
                Ty::Number(UnitTy::Unknown)
            }
        }
    }

    fn unit_of(&self, e: &CExpr, operator: &str, errors: &mut Vec<CheckError>) -> UnitTy {
        match self.number_ty(e, operator, errors) {
            Ty::Number(u) => u,
            _ => UnitTy::Unknown,
        }
    }

    fn binary_ty(
        &self,
        op: BinaryOp,
        l: &CExpr,
        r: &CExpr,
        span: Span,
        errors: &mut Vec<CheckError>,
    ) -> Ty {
        let mismatch = |hint| CheckError::TypeMismatch {
            span,
            operator: op.symbol().to_string(),
            left: describe(&l.ty),
            right: describe(&r.ty),
            hint,
        };
        match op {
            BinaryOp::And | BinaryOp::Or => {
                self.condition(l, errors);
                self.condition(r, errors);
                Ty::Bool
            }
            BinaryOp::In => {
                if r.ty != Ty::List {
                    errors.push(mismatch(None));
                }
                Ty::Bool
            }
            BinaryOp::Eq | BinaryOp::Ne => {
                match (&l.ty, &r.ty) {
                    (Ty::Number(a), Ty::Number(b)) => {
                        if let Err(hint) = self.unify(a, b) {
                            errors.push(mismatch(hint));
                        }
                    }
                    (Ty::Value, _) | (_, Ty::Value) => {}
                    (a, b) if a == b => {}
                    _ => errors.push(mismatch(None)),
                }
                Ty::Bool
            }
            BinaryOp::Lt | BinaryOp::Le | BinaryOp::Gt | BinaryOp::Ge => {
                let (a, b) = (
                    self.unit_of(l, op.symbol(), errors),
                    self.unit_of(r, op.symbol(), errors),
                );
                if let Err(hint) = self.unify(&a, &b) {
                    errors.push(mismatch(hint));
                }
                Ty::Bool
            }
            BinaryOp::Add | BinaryOp::Sub => {
                let (a, b) = (
                    self.unit_of(l, op.symbol(), errors),
                    self.unit_of(r, op.symbol(), errors),
                );
                match self.unify(&a, &b) {
                    Ok(u) => Ty::Number(u),
                    Err(hint) => {
                        errors.push(mismatch(hint));
                        Ty::Number(UnitTy::Unknown)
                    }
                }
            }
            BinaryOp::Mul | BinaryOp::Div => {
                let (a, b) = (
                    self.unit_of(l, op.symbol(), errors),
                    self.unit_of(r, op.symbol(), errors),
                );
                let product = if op == BinaryOp::Mul {
                    self.mul(&a, &b)
                } else {
                    self.div(&a, &b)
                };
                match product {
                    Some(u) => Ty::Number(u),
                    None => {
                        errors.push(mismatch(None));
                        Ty::Number(UnitTy::Unknown)
                    }
                }
            }
        }
    }

    /// The unit two figures share when added or compared; `Err` with a hint when they
    /// cannot be.
    fn unify(&self, a: &UnitTy, b: &UnitTy) -> Result<UnitTy, Option<TypeHint>> {
        use UnitTy::*;
        match (a, b) {
            (Unknown, _) | (_, Unknown) => Ok(Unknown),
            (Bare, x) | (x, Bare) => Ok(x.clone()),
            (Plain, Plain) => Ok(Plain),
            (Percent, Percent) => Ok(Percent),
            (Plain, Percent) | (Percent, Plain) => Err(Some(TypeHint::MultiplyByHundredPercent)),
            (Named(x), Named(y)) => match self
                .units
                .relate(&Unit::Named(x.into()), &Unit::Named(y.into()))
            {
                Relation::Mismatch => Err(None),
                _ => Ok(a.clone()),
            },
            _ => Err(None),
        }
    }

    fn mul(&self, a: &UnitTy, b: &UnitTy) -> Option<UnitTy> {
        use UnitTy::*;
        Some(match (a, b) {
            (Unknown, _) | (_, Unknown) => Unknown,
            (Bare, Bare) => Bare,
            (Bare | Plain, x) | (x, Bare | Plain) => x.clone(),
            (Percent, Percent) => Percent,
            (Percent, Named(u)) | (Named(u), Percent) => Named(u.clone()),
            (Named(_), Named(_)) => return None,
        })
    }

    fn div(&self, a: &UnitTy, b: &UnitTy) -> Option<UnitTy> {
        use UnitTy::*;
        Some(match (a, b) {
            (Unknown, _) | (_, Unknown) => Unknown,
            (Bare, Bare) => Bare,
            (x, Bare | Plain) => x.clone(),
            (Bare | Plain, Percent) | (Percent, Percent) => Plain,
            (Named(u), Percent) => Named(u.clone()),
            (Named(x), Named(y)) => match self
                .units
                .relate(&Unit::Named(x.into()), &Unit::Named(y.into()))
            {
                Relation::Mismatch => return None,
                _ => Plain,
            },
            (Bare | Plain | Percent, Named(_)) => return None,
        })
    }

    fn call(
        &self,
        name: &str,
        name_span: Span,
        args: &[CExpr],
        span: Span,
        errors: &mut Vec<CheckError>,
    ) -> Option<(Func, Ty)> {
        let arity = |expected: &'static str, ok: bool, errors: &mut Vec<CheckError>| {
            if !ok {
                errors.push(CheckError::WrongArity {
                    span,
                    function: name.to_string(),
                    expected,
                    found: args.len(),
                });
            }
            ok
        };
        match name {
            "min" | "max" => {
                if !arity("2+", args.len() >= 2, errors) {
                    return None;
                }
                let mut unit = UnitTy::Bare;
                for a in args {
                    let u = self.unit_of(a, name, errors);
                    match self.unify(&unit, &u) {
                        Ok(joined) => unit = joined,
                        Err(hint) => errors.push(CheckError::TypeMismatch {
                            span: a.span,
                            operator: name.to_string(),
                            left: describe(&Ty::Number(unit.clone())),
                            right: describe(&a.ty),
                            hint,
                        }),
                    }
                }
                Some((
                    if name == "min" { Func::Min } else { Func::Max },
                    Ty::Number(unit),
                ))
            }
            "round" => {
                if !arity("2–3", (2..=3).contains(&args.len()), errors) {
                    return None;
                }
                let places = match &args[1].kind {
                    CKind::Number(n, Unit::None) => n.to_i64().filter(|p| (0..=28).contains(p)),
                    _ => None,
                };
                let Some(places) = places else {
                    errors.push(CheckError::BadArgument {
                        span: args[1].span,
                        function: name.into(),
                        problem: "places",
                    });
                    return None;
                };
                let mode = match args.get(2).map(|a| &a.kind) {
                    None => RoundMode::HalfUp,
                    Some(CKind::Text(t)) if t == "half_up" => RoundMode::HalfUp,
                    Some(CKind::Text(t)) if t == "half_even" => RoundMode::HalfEven,
                    Some(CKind::Text(t)) if t == "down" => RoundMode::Down,
                    Some(CKind::Text(t)) if t == "up" => RoundMode::Up,
                    Some(_) => {
                        errors.push(CheckError::BadArgument {
                            span: args[2].span,
                            function: name.into(),
                            problem: "mode",
                        });
                        return None;
                    }
                };
                let ty = self.number_ty(&args[0], name, errors);
                Some((Func::Round(places as u32, mode), ty))
            }
            "abs" => {
                if !arity("1", args.len() == 1, errors) {
                    return None;
                }
                Some((Func::Abs, self.number_ty(&args[0], name, errors)))
            }
            "present" => {
                if !arity("1", args.len() == 1, errors) {
                    return None;
                }
                Some((Func::Present, Ty::Bool))
            }
            "round_like" => {
                if !arity("2", args.len() == 2, errors) {
                    return None;
                }
                let ty = self.number_ty(&args[0], name, errors);
                self.number_ty(&args[1], name, errors);
                Some((Func::RoundLike, ty))
            }
            _ => {
                let suggestion = names::closest(name, FUNCTIONS.iter().copied());
                errors.push(CheckError::UnknownName {
                    span: name_span,
                    name: name.to_string(),
                    kind: NameSpace::Function,
                    suggestion,
                });
                None
            }
        }
    }
}

fn not_bound(span: Span, name: &str, context: &'static str) -> CheckError {
    CheckError::NotBoundHere {
        span,
        name: name.to_string(),
        context,
    }
}

/// A type in the words of a message (`a percentage`, `text`), language-neutral keys that
/// the catalog words.
pub fn describe(ty: &Ty) -> String {
    match ty {
        Ty::Number(UnitTy::Bare) => "number".into(),
        Ty::Number(UnitTy::Plain) => "plain".into(),
        Ty::Number(UnitTy::Percent) => "percent".into(),
        Ty::Number(UnitTy::Named(u)) => format!("unit:{u}"),
        Ty::Number(UnitTy::Unknown) => "number".into(),
        Ty::Bool => "bool".into(),
        Ty::Text => "text".into(),
        Ty::Value => "value".into(),
        Ty::List => "list".into(),
    }
}

/// [`CExpr::quotient`] of a node, from its children's. Its own function: `expr` recurses, and
/// its frame is what a deep expression multiplies.
fn carries_quotient(kind: &CKind) -> bool {
    match kind {
        CKind::Binary(BinaryOp::Div, ..) => true,
        CKind::Binary(BinaryOp::Add | BinaryOp::Sub | BinaryOp::Mul, l, r) => {
            l.quotient || r.quotient
        }
        CKind::Neg(x) => x.quotient,
        CKind::Call(Func::Abs | Func::Min | Func::Max, args) => args.iter().any(|a| a.quotient),
        CKind::If(_, a, b) => a.quotient || b.quotient,
        _ => false,
    }
}

impl CExpr {
    /// Every named indicator whose actual this expression reads, for ordering derived actuals.
    pub fn actuals_read(&self, out: &mut Vec<IndicatorId>) {
        match &self.kind {
            CKind::Field(Field::Named(id, IndicatorField::Actual)) => out.push(*id),
            CKind::Not(e) | CKind::Neg(e) => e.actuals_read(out),
            CKind::Binary(_, l, r) => {
                l.actuals_read(out);
                r.actuals_read(out);
            }
            CKind::Call(_, args) | CKind::List(args) => {
                args.iter().for_each(|a| a.actuals_read(out))
            }
            CKind::If(c, a, b) => {
                c.actuals_read(out);
                a.actuals_read(out);
                b.actuals_read(out);
            }
            _ => {}
        }
    }
}
