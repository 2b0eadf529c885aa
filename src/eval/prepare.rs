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
use crate::value::{self, AsWritten, Quantity, Unit, Value, ValueErrorKind, ValueKind};
use std::borrow::Cow;

/// A written value: absent (no such field), read, or unreadable (its text, borrowed from
/// the report).
pub type Written<'a> = Option<Result<Value<'a>, Unread<'a>>>;

/// A cell that is not a value: its text as written (trimmed) and why.
#[derive(Clone, Copy, Debug)]
pub struct Unread<'a> {
    pub text: &'a str,
    pub why: ValueErrorKind,
}

/// A derived actual and its working, or the expression with its figures and why it could
/// not be computed.
pub type DerivedActual = Result<(Num, String), (String, CalcError)>;

/// What an indicator's cells say, read once and kept while the report is scored: checks
/// read these values after every indicator is scored, and derived actuals read other
/// indicators' before any is. Only what must outlive scoring is kept here; the rest of an
/// indicator ([`Prepared`]) is looked up again when it is scored, which is cheaper than
/// keeping and moving it (a few hundred bytes an indicator).
pub struct Cells<'a> {
    pub placement: Placement,
    /// The target as written, as the scorecard shows it: the report's cell (trimmed).
    pub target_text: Option<&'a str>,
    /// The actual as written: the report's cell (trimmed).
    pub actual_text: Option<&'a str>,
    pub target_written: Written<'a>,
    pub actual_written: Written<'a>,
    /// The derived actual and its working, or the expression with its figures and why it
    /// could not be computed. Boxed: only the few derived actuals of a report have one.
    pub derived: Option<Box<DerivedActual>>,
}

/// One indicator, ready to score: its cells, and names and texts borrowed from the report and
/// the policy. Built where it is scored, never stored.
pub struct Prepared<'c, 'a> {
    pub cells: &'c Cells<'a>,
    pub name: &'a str,
    pub group: Option<&'a str>,
    pub row: Option<&'a IndicatorRow>,
    pub points: Option<Dec>,
    /// The policy's own target, when it fixes one (else the report's is scored against).
    pub fixed_target: Option<&'a Value<'static>>,
    /// The actual as written, as the scorecard shows it: the report's cell (trimmed), or
    /// the execution item's rate with its percent sign.
    pub actual_text: Option<Cow<'a, str>>,
    /// The rule's `actual = …`, when the actual is derived.
    pub derived_rule: Option<&'a Derived>,
    pub methods: &'a MethodTable,
    /// The indicator's rule in the rule file.
    pub rule: Span,
    /// The unit's own score: the row's 自评分 (the total budget row's 得分 for the execution).
    pub self_score: Option<Dec>,
}

impl<'c, 'a> Prepared<'c, 'a> {
    /// The target scored against: the policy's, else the report's.
    pub fn target(&self) -> Option<Result<&'c Value<'a>, Unread<'a>>> {
        target_of(self.fixed_target, self.cells)
    }

    pub fn target_fixed(&self) -> bool {
        self.fixed_target.is_some()
    }
}

/// The target scored against: the policy's, else the report's.
fn target_of<'c, 'a>(
    fixed: Option<&'a Value<'static>>,
    cells: &'c Cells<'a>,
) -> Option<Result<&'c Value<'a>, Unread<'a>>> {
    match fixed {
        Some(fixed) => Some(Ok(fixed)),
        None => cells
            .target_written
            .as_ref()
            .map(|w| w.as_ref().map_err(|u| *u)),
    }
}

/// Reads a cell, trimmed ([`value::Trimmed`]), as a value.
fn read(cell: Option<value::Trimmed<'_>>) -> Written<'_> {
    let cell = cell?;
    let text = cell.as_str();
    value::parse_trimmed_or(
        cell,
        |v| Some(Ok(v)),
        |e| Some(Err(Unread { text, why: e.kind })),
    )
}

/// The report row of a placed indicator, if it has one.
fn row_of(report: &Report, placement: Placement) -> Option<&IndicatorRow> {
    placement.row.and_then(|i| report.indicators.get(i))
}

/// A placed row's cells, read (the execution item, which no row places, has its own:
/// [`execution_cells`]). Returned for the list of cells to be extended with, one for each
/// placement. The compiler still makes each apart and copies its 248 bytes in (measured:
/// one copy per indicator); reading the values into cells pushed first avoids the copy but
/// took more instructions than it saved in time (README, "Performance", ninth round).
/// Inlined into the scoring loop, its one caller, in whichever codegen unit that lands.
#[inline]
pub fn cells<'a>(report: &'a Report, placement: Placement) -> Cells<'a> {
    let row = row_of(report, placement);
    // Each cell is trimmed once: its value, an unreadable cell and the scorecard keep the
    // same text.
    let target_text = row
        .and_then(|r| r.target.as_deref())
        .map(value::Trimmed::new);
    let actual_text = row
        .and_then(|r| r.actual.as_deref())
        .map(value::Trimmed::new);
    Cells {
        placement,
        target_text: target_text.map(value::Trimmed::as_str),
        actual_text: actual_text.map(value::Trimmed::as_str),
        target_written: read(target_text),
        actual_written: read(actual_text),
        derived: None,
    }
}

/// The execution item's cells: what the unit wrote on the budget table's total row (its
/// 执行率), to be checked against the policy's derived actual.
pub fn execution_cells<'a>(
    policy: &'a Policy,
    report: &'a Report,
    budget: &BudgetView<'a>,
) -> Option<Cells<'a>> {
    policy.execution.as_ref()?;
    let total = budget.total.and_then(|i| report.budget.get(i));
    let written_rate = total.and_then(|r| r.rate.as_ref()).map(|rate| {
        let text = format!("{}%", rate.text.trim());
        Value {
            text: AsWritten::Kept(text.as_str().into()),
            kind: ValueKind::Quantity(Quantity {
                comparison: None,
                number: rate.value,
                unit: Unit::Percent,
                measured: None,
            }),
        }
    });
    Some(Cells {
        placement: Placement {
            rule: RuleRef::Execution,
            row: None,
            section: None,
        },
        target_text: None,
        actual_text: None,
        target_written: None,
        actual_written: written_rate.map(Ok),
        derived: None,
    })
}

/// The rule's `actual = …`, when the indicator's actual is derived.
fn derived_rule(policy: &Policy, rule: RuleRef) -> Option<&Derived> {
    match rule {
        RuleRef::Named(id) => policy.indicators[id.0].actual.as_ref(),
        RuleRef::Open(o) => policy.open[o].actual.as_ref(),
        RuleRef::Execution => policy.execution.as_ref()?.actual.as_ref(),
    }
}

/// An indicator's name: its rule's, or its row's for an `any indicator` rule.
pub fn name<'a>(policy: &'a Policy, report: &'a Report, cells: &Cells<'a>) -> &'a str {
    let placement = cells.placement;
    match placement.rule {
        RuleRef::Named(id) => &policy.indicators[id.0].name.node,
        RuleRef::Open(_) => row_of(report, placement).map_or("", |r| r.name.as_str()),
        RuleRef::Execution => policy.execution.as_ref().map_or("", |e| &e.name.node),
    }
}

/// An indicator ready to score: its cells, with its points, target, texts and methods from
/// the policy and the report. `None` only for execution cells of a policy without an
/// execution item, which [`execution_cells`] never makes. Inlined into the scoring loop,
/// its one caller, in whichever codegen unit that lands.
#[inline]
pub fn prepare<'c, 'a>(
    policy: &'a Policy,
    report: &'a Report,
    budget: &BudgetView<'a>,
    cells: &'c Cells<'a>,
) -> Option<Prepared<'c, 'a>> {
    let placement = cells.placement;
    let row = row_of(report, placement);
    let actual_text = cells.actual_text.map(Cow::Borrowed);
    let declared = row.and_then(|r| r.points.as_ref()).map(|a| a.value);
    let self_score = row.and_then(|r| r.self_score.as_ref()).map(|a| a.value);
    match placement.rule {
        RuleRef::Named(id) => {
            let rule = &policy.indicators[id.0];
            let group = rule
                .group
                .map(|g| policy.groups[g.0].name.as_str())
                .or_else(|| row.and_then(|r| r.level2.as_deref()));
            Some(Prepared {
                cells,
                name: &rule.name.node,
                group,
                row,
                points: rule.points.map(|p| p.node).or(declared),
                fixed_target: rule.target.as_ref().map(|t| &t.node),
                actual_text,
                derived_rule: rule.actual.as_ref(),
                methods: &rule.methods,
                rule: rule.span,
                self_score,
            })
        }
        RuleRef::Open(o) => {
            let rule = &policy.open[o];
            Some(Prepared {
                cells,
                name: row.map_or("", |r| r.name.as_str()),
                // A group of white space only is none.
                group: row
                    .and_then(|r| r.level2.as_deref())
                    .filter(|g| !value::is_blank_text(g)),
                row,
                points: declared,
                fixed_target: None,
                actual_text,
                derived_rule: rule.actual.as_ref(),
                methods: &rule.methods,
                rule: rule.span,
                self_score,
            })
        }
        RuleRef::Execution => prepare_execution(policy, report, budget, cells),
    }
}

/// The execution item: its points, target and derived actual from the policy; what the unit
/// wrote on the budget table's total row (its 执行率 and 得分) to be checked against it.
fn prepare_execution<'c, 'a>(
    policy: &'a Policy,
    report: &'a Report,
    budget: &BudgetView<'a>,
    cells: &'c Cells<'a>,
) -> Option<Prepared<'c, 'a>> {
    let rule = policy.execution.as_ref()?;
    let total = budget.total.and_then(|i| report.budget.get(i));
    let actual_text = match &cells.actual_written {
        Some(Ok(rate)) => Some(Cow::Owned(rate.text.to_string())),
        _ => None,
    };
    Some(Prepared {
        cells,
        name: &rule.name.node,
        group: None,
        row: None,
        points: Some(rule.points.node),
        fixed_target: Some(&rule.target.node),
        actual_text,
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
    prepared: &mut [Cells<'_>],
) {
    let index_of = |id: IndicatorId, prepared: &[Cells<'_>]| {
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
        let rule = prepared[i].placement.rule;
        !matches!(rule, RuleRef::Named(_)) && derived_rule(policy, rule).is_some()
    }));
    for i in order {
        let Some(expr) = derived_rule(policy, prepared[i].placement.rule).map(|d| &d.expr) else {
            continue;
        };
        let facts = DerivedFacts {
            policy,
            report,
            budget,
            prepared,
        };
        let result = match expr::eval(expr, &facts, &policy.units) {
            Ok(Val::Num(n)) => {
                // Room for a usual working (two figures, a percent and the result) at once,
                // rather than grown figure by figure.
                let mut shown = String::with_capacity(WORKING);
                expr::show_into(expr, &facts, &policy.units, &mut shown);
                shown.push_str(" = ");
                expr::figure_into(n.value, &n.unit, &mut shown);
                Ok((n.clone(), shown))
            }
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

/// The room made for a derived actual's working: `7255205.14 ÷ 8485146 × 100% =
/// 85.50…%` and the like fit.
const WORKING: usize = 64;

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
    prepared: &'p [Cells<'a>],
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
                fn written<'v>(w: Option<Result<&'v Value<'v>, Unread<'_>>>) -> Val<'v> {
                    match w {
                        Some(Ok(v)) if !v.is_blank() => Val::Written(v),
                        _ => Val::Absent,
                    }
                }
                fn of<'v, 't>(w: &'v Written<'t>) -> Option<Result<&'v Value<'t>, Unread<'t>>> {
                    w.as_ref().map(|r| r.as_ref().map_err(|u| *u))
                }
                Ok(match f {
                    IndicatorField::Actual => match p.derived.as_deref() {
                        Some(Ok((n, _))) => Val::Num(n.clone()),
                        Some(Err(_)) => Val::Absent,
                        None => written(of(&p.actual_written)),
                    },
                    IndicatorField::Target => {
                        let fixed = self.policy.indicators[id.0].target.as_ref();
                        written(target_of(fixed.map(|t| &t.node), p))
                    }
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
