//! Gathering what an indicator is scored from: its points, its target (fixed or written),
//! its actual (written, or derived from the report), and its methods. Every written value
//! is parsed here, once.

use super::budget::BudgetView;
use super::expr::{self, Facts, Val};
use super::placement::{Placement, RuleRef};
use super::quantity::{Num, NumError};
use crate::check::fields::{Field, IndicatorField, ReportField, RowField};
use crate::check::policy::{Derived, IndicatorId, MethodTable, Policy};
use crate::decimal::Dec;
use crate::report::{BudgetRow, IndicatorRow, Report};
use crate::scorecard::CalcError;
use crate::source::Span;
use crate::value::{self, Quantity, Unit, Value, ValueErrorKind, ValueKind};
use std::borrow::Cow;

/// A written value: absent (no such field), read, or unreadable (its text, borrowed from
/// the report).
pub type Written<'a> = Option<Result<Value, Unread<'a>>>;

/// A cell that is not a value: its text as written (trimmed) and why.
#[derive(Clone, Copy, Debug)]
pub struct Unread<'a> {
    pub text: &'a str,
    pub why: ValueErrorKind,
}

/// A derived actual and its working, or the expression with its figures and why it could
/// not be computed.
pub type DerivedActual = Result<(Num, String), (String, CalcError)>;

/// One indicator, ready to score. Names and texts are borrowed from the report and the
/// policy.
pub struct Prepared<'a> {
    pub placement: Placement,
    pub name: &'a str,
    pub group: Option<&'a str>,
    pub row: Option<&'a IndicatorRow>,
    pub points: Option<Dec>,
    /// The policy's own target, when it fixes one (else the report's is scored against).
    pub fixed_target: Option<&'a Value>,
    /// The target as written, as the scorecard shows it: the report's cell (trimmed).
    pub target_text: Option<&'a str>,
    pub target_written: Written<'a>,
    pub actual_written: Written<'a>,
    /// The actual as written, as the scorecard shows it: the report's cell (trimmed), or
    /// the execution item's rate with its percent sign.
    pub actual_text: Option<Cow<'a, str>>,
    /// The derived actual and its working, or the expression with its figures and why it
    /// could not be computed. Boxed: only the few derived actuals of a report have one, and
    /// every indicator's `Prepared` is built, moved and read while it is scored.
    pub derived: Option<Box<DerivedActual>>,
    /// The rule's `actual = …`, when the actual is derived.
    pub derived_rule: Option<&'a Derived>,
    pub methods: &'a MethodTable,
    /// The indicator's rule in the rule file.
    pub rule: Span,
    /// The unit's own score: the row's 自评分 (the total budget row's 得分 for the execution).
    pub self_score: Option<Dec>,
}

impl<'a> Prepared<'a> {
    /// The target scored against: the policy's, else the report's.
    pub fn target(&self) -> Option<Result<&Value, Unread<'_>>> {
        match self.fixed_target {
            Some(fixed) => Some(Ok(fixed)),
            None => self
                .target_written
                .as_ref()
                .map(|w| w.as_ref().map_err(|u| *u)),
        }
    }

    pub fn target_fixed(&self) -> bool {
        self.fixed_target.is_some()
    }
}

/// Reads a cell, trimmed ([`value::trimmed`]), as a value.
fn read(text: Option<&str>) -> Written<'_> {
    text.map(|t| {
        value::parse(t).map_err(|e| Unread {
            text: t,
            why: e.kind,
        })
    })
}

/// A placed indicator, ready to score, pushed onto `prepared` (the execution item, when
/// placed, comes from [`prepare_execution`]).
///
/// Pushed here rather than returned: a `Prepared` is over 350 bytes, and returning it as an
/// option to an iterator that pushed it copied it three times.
pub fn prepare<'a>(
    policy: &'a Policy,
    report: &'a Report,
    budget: &BudgetView<'a>,
    placement: Placement,
    prepared: &mut Vec<Prepared<'a>>,
) {
    let row = placement.row.and_then(|i| report.indicators.get(i));
    // Each cell is trimmed once: its value, an unreadable cell and the scorecard keep the
    // same text.
    let target_text = row.and_then(|r| r.target.as_deref()).map(value::trimmed);
    let target_written = read(target_text);
    let actual_cell = row.and_then(|r| r.actual.as_deref()).map(value::trimmed);
    let actual_written = read(actual_cell);
    let actual_text = actual_cell.map(Cow::Borrowed);
    let declared = row.and_then(|r| r.points.as_ref()).map(|a| a.value);
    let self_score = row.and_then(|r| r.self_score.as_ref()).map(|a| a.value);
    prepared.push(match placement.rule {
        RuleRef::Named(id) => {
            let rule = &policy.indicators[id.0];
            let group = rule
                .group
                .map(|g| policy.groups[g.0].name.as_str())
                .or_else(|| row.and_then(|r| r.level2.as_deref()));
            Prepared {
                placement,
                name: &rule.name.node,
                group,
                row,
                points: rule.points.map(|p| p.node).or(declared),
                fixed_target: rule.target.as_ref().map(|t| &t.node),
                target_text,
                target_written,
                actual_written,
                actual_text,
                derived: None,
                derived_rule: rule.actual.as_ref(),
                methods: &rule.methods,
                rule: rule.span,
                self_score,
            }
        }
        RuleRef::Open(o) => {
            let rule = &policy.open[o];
            Prepared {
                placement,
                name: row.map_or("", |r| r.name.as_str()),
                group: row
                    .and_then(|r| r.level2.as_deref())
                    .filter(|g| !g.trim().is_empty()),
                row,
                points: declared,
                fixed_target: None,
                target_text,
                target_written,
                actual_written,
                actual_text,
                derived: None,
                derived_rule: rule.actual.as_ref(),
                methods: &rule.methods,
                rule: rule.span,
                self_score,
            }
        }
        RuleRef::Execution => {
            prepared.extend(prepare_execution(policy, report, budget));
            return;
        }
    });
}

/// The execution item: its points, target and derived actual from the policy; what the unit
/// wrote on the budget table's total row (its 执行率 and 得分) to be checked against it.
pub fn prepare_execution<'a>(
    policy: &'a Policy,
    report: &'a Report,
    budget: &BudgetView<'a>,
) -> Option<Prepared<'a>> {
    let rule = policy.execution.as_ref()?;
    let total = budget.total.and_then(|i| report.budget.get(i));
    let written_rate = total.and_then(|r| r.rate.as_ref()).map(|rate| {
        let text = format!("{}%", rate.text.trim());
        Value {
            text: text.as_str().into(),
            kind: ValueKind::Quantity(Quantity {
                comparison: None,
                number: rate.value,
                unit: Unit::Percent,
                measured: None,
            }),
        }
    });
    Some(Prepared {
        placement: Placement {
            rule: RuleRef::Execution,
            row: None,
            section: None,
        },
        name: &rule.name.node,
        group: None,
        row: None,
        points: Some(rule.points.node),
        fixed_target: Some(&rule.target.node),
        target_text: None,
        target_written: None,
        actual_text: written_rate
            .as_ref()
            .map(|v| Cow::Owned(v.text.to_string())),
        actual_written: written_rate.map(Ok),
        derived: None,
        derived_rule: rule.actual.as_ref(),
        methods: &rule.methods,
        rule: rule.span,
        self_score: total.and_then(|r| r.self_score.as_ref()).map(|a| a.value),
    })
}

/// Computes every derived actual: named indicators in the checker's order (each after the
/// actuals it reads), then those of `any indicator` rules.
pub fn derive(
    policy: &Policy,
    report: &Report,
    budget: &BudgetView<'_>,
    prepared: &mut [Prepared<'_>],
) {
    let index_of = |id: IndicatorId, prepared: &[Prepared<'_>]| {
        prepared
            .iter()
            .position(|p| p.placement.rule == RuleRef::Named(id))
    };
    let mut order: Vec<usize> = policy
        .derived_order
        .iter()
        .filter_map(|id| index_of(*id, prepared))
        .collect();
    order.extend((0..prepared.len()).filter(|&i| {
        matches!(
            prepared[i].placement.rule,
            RuleRef::Open(_) | RuleRef::Execution
        ) && prepared[i].derived_rule.is_some()
    }));
    for i in order {
        let Some(expr) = prepared[i].derived_rule.map(|d| &d.expr) else {
            continue;
        };
        let facts = DerivedFacts {
            policy,
            report,
            budget,
            prepared,
        };
        let result = match expr::eval(expr, &facts, &policy.units) {
            Ok(Val::Num(n)) => Ok((
                n.clone(),
                format!(
                    "{} = {}{}",
                    expr::show(expr, &facts, &policy.units),
                    n.value.approx(),
                    n.unit
                ),
            )),
            Ok(Val::Written(v)) if v.quantity().is_some() => {
                let q = v
                    .quantity()
                    .map(|q| {
                        let (number, unit) = q.reading();
                        Num::new(number, unit.clone())
                    })
                    .unwrap_or(Num::plain(Dec::ZERO));
                Ok((q, v.text.to_string()))
            }
            Ok(_) => Err((expr::show(expr, &facts, &policy.units), CalcError::Missing)),
            Err(e) => Err(calc_failure(&e)),
        };
        prepared[i].derived = Some(Box::new(result));
    }
}

/// The expression with its figures, and why it failed.
pub fn calc_failure(e: &expr::ExprError) -> (String, CalcError) {
    let error = match &e.kind {
        NumError::Arith(a) => super::methods::calc_error(*a),
        NumError::Units { left, right } => CalcError::Units {
            left: left.to_string(),
            right: right.to_string(),
        },
    };
    (e.shown.clone(), error)
}

/// What a derived actual reads: the budget table, the report's identity, and other
/// indicators' targets and actuals.
struct DerivedFacts<'p, 'a> {
    policy: &'p Policy,
    report: &'p Report,
    budget: &'p BudgetView<'p>,
    prepared: &'p [Prepared<'a>],
}

impl Facts for DerivedFacts<'_, '_> {
    fn field(&self, field: &Field) -> Result<Val<'_>, NumError> {
        match field {
            Field::BudgetTotal(f) => Ok(self
                .budget
                .total
                .and_then(|i| self.report.budget.get(i))
                .map_or(Val::Absent, |r| row_field(r, *f, &self.policy.budget_unit))),
            Field::BudgetItem(item, f) => Ok(self
                .budget
                .find(self.report, item)
                .map_or(Val::Absent, |r| row_field(r, *f, &self.policy.budget_unit))),
            Field::Report(f) => Ok(report_identity(self.report, *f)),
            Field::BudgetUnder(group, f) => match self.budget.under(self.report, group) {
                Some((name, rows)) => super::budget::group_field(
                    self.report,
                    Cow::Owned(name),
                    &rows,
                    *f,
                    &self.policy.budget_unit,
                ),
                None => Ok(Val::Absent),
            },
            Field::Named(id, f) => {
                let Some(p) = self
                    .prepared
                    .iter()
                    .find(|p| p.placement.rule == RuleRef::Named(*id))
                else {
                    return Ok(Val::Absent);
                };
                fn written<'v>(w: Option<Result<&'v Value, Unread<'_>>>) -> Val<'v> {
                    match w {
                        Some(Ok(v)) if !v.is_blank() => Val::Written(v),
                        _ => Val::Absent,
                    }
                }
                fn of<'v, 't>(w: &'v Written<'t>) -> Option<Result<&'v Value, Unread<'t>>> {
                    w.as_ref().map(|r| r.as_ref().map_err(|u| *u))
                }
                Ok(match f {
                    IndicatorField::Actual => match p.derived.as_deref() {
                        Some(Ok((n, _))) => Val::Num(n.clone()),
                        Some(Err(_)) => Val::Absent,
                        None => written(of(&p.actual_written)),
                    },
                    IndicatorField::Target => written(p.target()),
                    IndicatorField::TargetWritten => written(of(&p.target_written)),
                    _ => written(of(&p.actual_written)),
                })
            }
            _ => Ok(Val::Absent),
        }
    }
}

/// A field of a budget row.
pub fn row_field<'r>(row: &'r BudgetRow, field: RowField, money: &Unit) -> Val<'r> {
    let amount = |a: &Option<crate::report::Amount>, unit: Unit| {
        a.as_ref()
            .map_or(Val::Absent, |a| Val::Num(Num::new(a.value, unit)))
    };
    match field {
        RowField::Item => Val::Text(Cow::Borrowed(&row.item)),
        RowField::Parent => row
            .parent
            .as_deref()
            .map_or(Val::Absent, |p| Val::Text(Cow::Borrowed(p))),
        RowField::Budget => Val::Num(Num::new(row.budget.value, money.clone())),
        RowField::Executed => Val::Num(Num::new(row.executed.value, money.clone())),
        RowField::Rate => amount(&row.rate, Unit::Percent),
        RowField::Points => amount(&row.points, Unit::None),
        RowField::SelfScore => amount(&row.self_score, Unit::None),
    }
}

/// The report's identity fields; totals are not known to a derived actual.
pub fn report_identity(report: &Report, field: ReportField) -> Val<'_> {
    fn text(t: &Option<String>) -> Val<'_> {
        t.as_deref()
            .map_or(Val::Absent, |t| Val::Text(Cow::Borrowed(t)))
    }
    match field {
        ReportField::Unit => Val::Text(Cow::Borrowed(&report.unit)),
        ReportField::Year => Val::Num(Num::plain(Dec::from_int(report.year as i64))),
        ReportField::Kind => text(&report.kind),
        ReportField::Project => text(&report.project),
        ReportField::SelfTotal => report
            .self_total
            .as_ref()
            .map_or(Val::Absent, |a| Val::Num(Num::plain(a.value))),
        _ => Val::Absent,
    }
}
