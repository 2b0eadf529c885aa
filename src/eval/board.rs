//! Everything scored so far, as checks read it: the indicators with their figures, the
//! sections, the totals, the report and its budget table.

use super::budget::{group_field, BudgetView};
use super::expr::{Facts, Val};
use super::placement::RuleRef;
use super::prepare::{report_identity, row_field};
use super::quantity::{Num, NumError};
use super::score::Seen;
use crate::check::fields::{
    Field, IndicatorField, ParentField, PolicyField, ReportField, SectionField,
};
use crate::check::policy::Policy;
use crate::decimal::Dec;
use crate::report::Report;
use crate::scorecard::{IndicatorScore, SectionScore};
use crate::value::{Unit, Value};
use std::borrow::Cow;

/// What checks read of a scored indicator beyond its scorecard entry, borrowed from the
/// prepared indicator.
pub struct IndicatorFacts<'p> {
    pub rule: RuleRef,
    pub target: Option<&'p Value<'p>>,
    pub target_written: Option<&'p Value<'p>>,
    pub actual: Seen<'p>,
    pub actual_written: Option<&'p Value<'p>>,
}

/// The totals of a report.
#[derive(Clone, Debug)]
pub struct Totals<'a> {
    pub raw: Dec,
    pub max: Dec,
    pub total: Dec,
    pub grade: &'a str,
    pub rescaled: bool,
}

/// What checks read, borrowed for `'b` from the evaluation; names and texts in it borrow from
/// the report and the policy for `'a`.
pub struct Board<'b, 'a> {
    pub policy: &'a Policy,
    pub report: &'a Report,
    pub budget: &'b BudgetView<'a>,
    pub indicators: &'b [IndicatorScore<'a>],
    pub facts: &'b [IndicatorFacts<'b>],
    /// The scored execution item, when the policy has one.
    pub execution: Option<(&'b IndicatorScore<'a>, &'b IndicatorFacts<'b>)>,
    pub sections: &'b [SectionScore<'a>],
    pub totals: &'b Totals<'a>,
}

/// What a check's name refers to.
#[derive(Clone, Copy, Debug)]
pub enum Binding {
    Report,
    Indicator(usize),
    Row(usize),
    Parent(usize),
    Section(usize),
}

/// A board seen from one binding.
pub struct CheckFacts<'c, 'b, 'a> {
    pub board: &'c Board<'b, 'a>,
    pub binding: Binding,
}

impl Facts for CheckFacts<'_, '_, '_> {
    fn field(&self, field: &Field) -> Result<Val<'_>, NumError> {
        let b = self.board;
        let money = &b.policy.budget_unit;
        Ok(match (field, self.binding) {
            (Field::Indicator(f), Binding::Indicator(i)) => self.indexed(i, *f),
            (Field::Named(id, f), _) => {
                match b.facts.iter().position(|x| x.rule == RuleRef::Named(*id)) {
                    Some(i) => self.indexed(i, *f),
                    None => Val::Absent,
                }
            }
            (Field::Execution(f), _) => b
                .execution
                .map_or(Val::Absent, |(s, x)| indicator(s, x, *f)),
            (Field::BudgetUnder(group, f), _) => match b.budget.under(b.report, group) {
                Some((name, rows)) => group_field(b.report, Cow::Owned(name), &rows, *f, money)?,
                None => Val::Absent,
            },
            (Field::NamedSection(id, f), _) => self.section(id.0, *f),
            (Field::Row(f), Binding::Row(i)) => b
                .report
                .budget
                .get(i)
                .map_or(Val::Absent, |r| row_field(r, *f, money)),
            (Field::BudgetTotal(f), _) => b
                .budget
                .total
                .and_then(|i| b.report.budget.get(i))
                .map_or(Val::Absent, |r| row_field(r, *f, money)),
            (Field::BudgetItem(item, f), _) => b
                .budget
                .find(b.report, item)
                .map_or(Val::Absent, |r| row_field(r, *f, money)),
            (Field::Parent(f), Binding::Parent(k)) => self.parent(k, *f)?,
            (Field::Section(f), Binding::Section(k)) => self.section(k, *f),
            (Field::Report(f), _) => self.report(*f),
            (Field::Policy(PolicyField::Name), _) => Val::Text(Cow::Borrowed(b.policy.name())),
            (Field::Policy(PolicyField::FullMarks), _) => {
                Val::Num(Num::plain(b.policy.full_marks()))
            }
            _ => Val::Absent,
        })
    }
}

impl CheckFacts<'_, '_, '_> {
    fn indexed(&self, i: usize, field: IndicatorField) -> Val<'_> {
        match (self.board.indicators.get(i), self.board.facts.get(i)) {
            (Some(s), Some(x)) => indicator(s, x, field),
            _ => Val::Absent,
        }
    }

    fn parent(&self, k: usize, field: ParentField) -> Result<Val<'_>, NumError> {
        let b = self.board;
        match b.budget.parents.get(k) {
            Some((name, rows)) => group_field(
                b.report,
                Cow::Borrowed(name),
                rows,
                field,
                &b.policy.budget_unit,
            ),
            None => Ok(Val::Absent),
        }
    }

    fn section(&self, k: usize, field: SectionField) -> Val<'_> {
        let Some(s) = self.board.sections.get(k) else {
            return Val::Absent;
        };
        let num = |d: Dec| Val::Num(Num::plain(d));
        match field {
            SectionField::Name => Val::Text(Cow::Borrowed(s.name.as_ref())),
            SectionField::Indicators => num(Dec::from_int(s.indicators as i64)),
            SectionField::Points => num(s.points),
            SectionField::Expected => s.expected_points.map_or(Val::Absent, num),
            SectionField::Score => num(s.score),
            SectionField::Lost => num(s.lost),
        }
    }

    fn report(&self, field: ReportField) -> Val<'_> {
        let t = self.board.totals;
        let num = |d: Dec| Val::Num(Num::new(d, Unit::None));
        match field {
            ReportField::RawTotal => num(t.raw),
            ReportField::MaxPoints => num(t.max),
            ReportField::Total => num(t.total),
            ReportField::Grade => Val::Text(Cow::Borrowed(t.grade)),
            _ => report_identity(self.board.report, field),
        }
    }
}

/// A field of a scored indicator (or of the execution item).
fn indicator<'a>(
    s: &'a IndicatorScore<'_>,
    x: &'a IndicatorFacts<'_>,
    field: IndicatorField,
) -> Val<'a> {
    let num = |d: Option<Dec>| d.map_or(Val::Absent, |d| Val::Num(Num::plain(d)));
    let written = |v: Option<&'a Value>| {
        v.filter(|v| !v.is_blank())
            .map_or(Val::Absent, Val::Written)
    };
    let text = |t: &'a Option<Cow<'_, str>>| {
        t.as_deref()
            .filter(|t| !crate::value::is_blank_text(t))
            .map_or(Val::Absent, |t| Val::Text(Cow::Borrowed(t)))
    };
    use IndicatorField::*;
    match field {
        Name => Val::Text(Cow::Borrowed(s.name.as_ref())),
        Section => text(&s.section),
        Group => text(&s.group),
        Points => num(s.points),
        Score => num(s.score),
        Lost => num(s.lost),
        SelfScore => num(s.self_score),
        Reason => text(&s.reason),
        Target => written(x.target),
        Actual => x.actual.val(),
        TargetWritten => written(x.target_written),
        ActualWritten => written(x.actual_written),
        Form => s
            .form
            .map_or(Val::Absent, |f| Val::Text(Cow::Borrowed(f.keyword()))),
        Method => s
            .method
            .map_or(Val::Absent, |m| Val::Text(Cow::Borrowed(m))),
        ActualClaimed => {
            Val::Bool(x.actual_written.is_some_and(Value::is_claimed_bound) && !s.actual_derived)
        }
        ActualDerived => Val::Bool(s.actual_derived),
        TargetFixed => Val::Bool(s.target_fixed),
    }
}
