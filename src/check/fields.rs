//! The names an expression may read: the bindings of each context and their fields.

use crate::syntax::ast::Domain;
use crate::value::Unit;

/// A figure or text of the report or of a scored indicator that an expression reads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Field {
    /// The indicator a check runs over: `indicator.score`.
    Indicator(IndicatorField),
    /// A named indicator: `indicator["任务完成率"].actual`.
    Named(super::policy::IndicatorId, IndicatorField),
    /// The budget row a check runs over: `row.rate`.
    Row(RowField),
    /// The budget table's total row (the row with no parent): `budget.total.executed`.
    BudgetTotal(RowField),
    /// A budget row by its item: `budget["财政拨款"].executed`.
    BudgetItem(String, RowField),
    /// The rows under a row or a heading, summed: `budget.total.under.executed`,
    /// `budget.under["资金来源"].budget`.
    BudgetUnder(BudgetGroup, ParentField),
    /// The scored budget execution row: `execution.score`.
    Execution(IndicatorField),
    /// A section by name: `sections["服务对象"].indicators`.
    NamedSection(super::policy::SectionId, SectionField),
    /// The heading budget rows stand under: `parent.budget` (the sum of its rows).
    Parent(ParentField),
    /// The section a check runs over.
    Section(SectionField),
    Report(ReportField),
    Policy(PolicyField),
}

/// A field of a scored indicator.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum IndicatorField {
    Name,
    Section,
    Group,
    Points,
    Score,
    Lost,
    SelfScore,
    Reason,
    Target,
    Actual,
    TargetWritten,
    ActualWritten,
    Form,
    Method,
    ActualClaimed,
    ActualDerived,
    TargetFixed,
}

/// Whose rows `under` sums: those whose parent is the total row's item, a row's item, or a
/// heading that is not itself a row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BudgetGroup {
    Total,
    Item(String),
    Heading(String),
}

/// A field of a budget row.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RowField {
    Item,
    Parent,
    Budget,
    Executed,
    Rate,
    Points,
    SelfScore,
}

/// A field of a budget heading: sums over the rows under it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ParentField {
    Name,
    Budget,
    Executed,
    Rows,
}

/// A field of a scored section.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SectionField {
    Name,
    /// How many of the report's indicators are placed in it.
    Indicators,
    Points,
    Expected,
    Score,
    Lost,
}

/// A field of the report and its totals.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ReportField {
    Unit,
    Year,
    Kind,
    Project,
    RawTotal,
    MaxPoints,
    Total,
    Grade,
    SelfTotal,
}

/// A setting of the policy.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PolicyField {
    Name,
    FullMarks,
}

/// The static type of an expression.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Ty {
    Number(UnitTy),
    Bool,
    Text,
    /// A target or actual: a quantity, period or word, known only when a report is read.
    Value,
    List,
}

/// The unit of a number, as far as the checker knows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UnitTy {
    /// A bare number written in the rule file (`0`, `2`): it takes the other side's unit.
    Bare,
    /// A computed ratio or count: no unit.
    Plain,
    Percent,
    Named(String),
    /// Not known before a report is read.
    Unknown,
}

impl UnitTy {
    pub fn of(unit: &Unit) -> UnitTy {
        match unit {
            Unit::None => UnitTy::Bare,
            Unit::Percent => UnitTy::Percent,
            Unit::Named(n) => UnitTy::Named(n.to_string()),
        }
    }
}

pub const INDICATOR_FIELDS: &[(&str, IndicatorField)] = &[
    ("name", IndicatorField::Name),
    ("section", IndicatorField::Section),
    ("group", IndicatorField::Group),
    ("points", IndicatorField::Points),
    ("score", IndicatorField::Score),
    ("lost", IndicatorField::Lost),
    ("self_score", IndicatorField::SelfScore),
    ("reason", IndicatorField::Reason),
    ("target", IndicatorField::Target),
    ("actual", IndicatorField::Actual),
    ("target_written", IndicatorField::TargetWritten),
    ("actual_written", IndicatorField::ActualWritten),
    ("form", IndicatorField::Form),
    ("method", IndicatorField::Method),
    ("actual_claimed", IndicatorField::ActualClaimed),
    ("actual_derived", IndicatorField::ActualDerived),
    ("target_fixed", IndicatorField::TargetFixed),
];

/// What a derived actual may read of another indicator: its values, not its score (scores
/// are computed after every actual).
pub const DERIVED_INDICATOR_FIELDS: &[IndicatorField] = &[
    IndicatorField::Target,
    IndicatorField::Actual,
    IndicatorField::TargetWritten,
    IndicatorField::ActualWritten,
];

pub const ROW_FIELDS: &[(&str, RowField)] = &[
    ("item", RowField::Item),
    ("parent", RowField::Parent),
    ("budget", RowField::Budget),
    ("executed", RowField::Executed),
    ("rate", RowField::Rate),
    ("points", RowField::Points),
    ("self_score", RowField::SelfScore),
];

pub const PARENT_FIELDS: &[(&str, ParentField)] = &[
    ("name", ParentField::Name),
    ("budget", ParentField::Budget),
    ("executed", ParentField::Executed),
    ("rows", ParentField::Rows),
];

pub const SECTION_FIELDS: &[(&str, SectionField)] = &[
    ("name", SectionField::Name),
    ("indicators", SectionField::Indicators),
    ("points", SectionField::Points),
    ("expected", SectionField::Expected),
    ("score", SectionField::Score),
    ("lost", SectionField::Lost),
];

pub const REPORT_FIELDS: &[(&str, ReportField)] = &[
    ("unit", ReportField::Unit),
    ("year", ReportField::Year),
    ("kind", ReportField::Kind),
    ("project", ReportField::Project),
    ("raw_total", ReportField::RawTotal),
    ("max_points", ReportField::MaxPoints),
    ("total", ReportField::Total),
    ("grade", ReportField::Grade),
    ("self_total", ReportField::SelfTotal),
];

/// What a derived actual may read of the report: the totals come after every actual.
pub const DERIVED_REPORT_FIELDS: &[ReportField] = &[
    ReportField::Unit,
    ReportField::Year,
    ReportField::Kind,
    ReportField::Project,
];

pub const POLICY_FIELDS: &[(&str, PolicyField)] = &[
    ("name", PolicyField::Name),
    ("full_marks", PolicyField::FullMarks),
];

impl IndicatorField {
    pub fn ty(self) -> Ty {
        use IndicatorField::*;
        match self {
            Name | Section | Group | Reason | Form | Method => Ty::Text,
            Points | Score | Lost | SelfScore => Ty::Number(UnitTy::Plain),
            Target | Actual | TargetWritten | ActualWritten => Ty::Value,
            ActualClaimed | ActualDerived | TargetFixed => Ty::Bool,
        }
    }
}

impl RowField {
    pub fn ty(self, money: &Unit) -> Ty {
        match self {
            RowField::Item | RowField::Parent => Ty::Text,
            RowField::Budget | RowField::Executed => Ty::Number(UnitTy::of(money)),
            RowField::Rate => Ty::Number(UnitTy::Percent),
            RowField::Points | RowField::SelfScore => Ty::Number(UnitTy::Plain),
        }
    }
}

impl ParentField {
    pub fn ty(self, money: &Unit) -> Ty {
        match self {
            ParentField::Name => Ty::Text,
            ParentField::Budget | ParentField::Executed => Ty::Number(UnitTy::of(money)),
            ParentField::Rows => Ty::Number(UnitTy::Plain),
        }
    }
}

impl SectionField {
    pub fn ty(self) -> Ty {
        match self {
            SectionField::Name => Ty::Text,
            _ => Ty::Number(UnitTy::Plain),
        }
    }
}

impl ReportField {
    pub fn ty(self) -> Ty {
        match self {
            ReportField::Unit | ReportField::Kind | ReportField::Project | ReportField::Grade => {
                Ty::Text
            }
            _ => Ty::Number(UnitTy::Plain),
        }
    }
}

impl PolicyField {
    pub fn ty(self) -> Ty {
        match self {
            PolicyField::Name => Ty::Text,
            PolicyField::FullMarks => Ty::Number(UnitTy::Plain),
        }
    }
}

/// The name a check binds for each domain.
pub fn binding(domain: Domain) -> &'static str {
    match domain {
        Domain::Indicator => "indicator",
        Domain::BudgetRow => "row",
        Domain::BudgetParent => "parent",
        Domain::Section => "section",
    }
}
