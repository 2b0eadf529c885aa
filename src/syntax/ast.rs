//! The syntax tree of a rule file, as written. Every node carries its span; equality
//! ignores spans (see [`crate::source::Span`]), so tests compare structure.

use crate::decimal::{Dec, RoundMode};
use crate::source::{Span, Spanned};
use crate::value::{TargetForm, Value};

/// A whole rule file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuleFile {
    /// `extends "2021.pr"`: the file this one changes (see crate::extends).
    pub extends: Option<Spanned<String>>,
    pub items: Vec<Item>,
}

/// A top-level block.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Item {
    Policy(PolicyHeader),
    Units(Units),
    Vocabulary(Vocabulary),
    Actuals(Actuals),
    Defaults(Defaults),
    /// `execution "预算执行率" points 10 target 100% { … }`: the scored budget execution row.
    Execution(Box<Indicator>),
    Section(Structure),
    Check(Box<Check>),
    /// `override indicator "…" …`: only in a file that extends another.
    Override(Box<Override>),
    /// `remove indicator "…"`: only in a file that extends another.
    Remove(Remove),
}

/// `override …`: what is changed, written as it is written anywhere else.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Override {
    pub what: Overridden,
    pub span: Span,
}

/// What an `override` changes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Overridden {
    /// The indicator of that name: what the override says replaces what it said.
    Indicator(Indicator),
    /// The check of that id, replaced whole.
    Check(Check),
    /// The vocabulary of that name: each word class written replaces the class.
    Vocabulary(Vocabulary),
    /// The file-wide defaults: each form written replaces the form's method.
    Defaults(Defaults),
}

/// `remove …`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Remove {
    pub what: Removed,
    pub span: Span,
}

/// What a `remove` drops.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Removed {
    Indicator(Spanned<String>),
    Group(Spanned<String>),
    Section(Spanned<String>),
    Check(Spanned<String>),
    /// `remove vocabulary` (the unnamed one) or `remove vocabulary 满意度`.
    Vocabulary(Option<Spanned<String>>),
    /// `remove default at_least`.
    Default(Spanned<TargetForm>),
}

/// `policy "name" { … }`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PolicyHeader {
    pub name: Spanned<String>,
    pub settings: Vec<Spanned<Setting>>,
    pub span: Span,
}

/// A setting of the policy header.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Setting {
    /// `year 2021`, `years 2020..2024`
    Years {
        from: Spanned<i32>,
        to: Option<Spanned<i32>>,
    },
    /// `kind "部门整体支出"`
    Kind(Spanned<String>),
    /// `full_marks 100`
    FullMarks(Spanned<Dec>),
    /// `rescale`
    Rescale,
    /// `budget_unit 元`
    BudgetUnit(Spanned<String>),
    /// `round indicator 2 half_up`
    Round {
        at: Spanned<RoundAt>,
        places: Spanned<u32>,
        mode: Spanned<RoundMode>,
    },
    /// `grades { 优 >= 90, … }`
    Grades(Vec<Grade>),
}

/// Where a figure is rounded.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RoundAt {
    Indicator,
    Total,
}

/// `优 >= 90`, or the last grade `差`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Grade {
    pub name: Spanned<String>,
    pub min: Option<Spanned<Dec>>,
    pub span: Span,
}

/// `units { … }`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Units {
    pub statements: Vec<UnitStatement>,
    pub span: Span,
}

/// A statement of a units block.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UnitStatement {
    /// `人次`
    Declare(Spanned<String>),
    /// `万元 = 10000 元`
    Convert {
        unit: Spanned<String>,
        factor: Spanned<Dec>,
        base: Spanned<String>,
        span: Span,
    },
    /// `人 ~ 人次 warning`
    Compatible {
        a: Spanned<String>,
        b: Spanned<String>,
        severity: Spanned<Severity>,
        span: Span,
    },
}

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

/// `vocabulary [name] { … }`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Vocabulary {
    pub name: Option<Spanned<String>>,
    pub classes: Vec<WordClass>,
    pub span: Span,
}

/// `partly 60%: prefix "较", …`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WordClass {
    pub class: Spanned<Achievement>,
    pub share: Share,
    pub patterns: Vec<Spanned<WordPattern>>,
    pub span: Span,
}

/// The three classes of qualitative actuals (财预〔2020〕10号).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Achievement {
    Achieved,
    Partly,
    NotAchieved,
}

impl Achievement {
    pub fn keyword(self) -> &'static str {
        match self {
            Achievement::Achieved => "achieved",
            Achievement::Partly => "partly",
            Achievement::NotAchieved => "not_achieved",
        }
    }
}

/// The share of points a class of words scores, in percent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Share {
    /// `60%`
    Fixed(Spanned<Dec>),
    /// `[80%, 100%] default 100%`
    Band {
        low: Bound,
        high: Bound,
        default: Spanned<Dec>,
        span: Span,
    },
}

/// One end of a band: a figure and whether the band includes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bound {
    pub value: Spanned<Dec>,
    pub inclusive: bool,
}

/// What words a class holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WordPattern {
    /// The actual is written as the target is.
    SameAsTarget,
    /// `prefix "较"`
    Prefix(String),
    /// `"达成"`
    Exact(String),
}

/// `actuals { … }`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Actuals {
    pub settings: Vec<ActualsSetting>,
    pub span: Span,
}

/// A setting of an actuals block.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ActualsSetting {
    /// `not_done "未开展" "未完成" empty`
    NotDone {
        words: Vec<Spanned<String>>,
        empty: Option<Span>,
        span: Span,
    },
    /// `claimed_bound as_bound`
    ClaimedBound(Spanned<ClaimedMode>),
}

/// How an actual written as a bound (">=85%") is scored.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ClaimedMode {
    /// It counts as its bound (85%).
    AsBound,
    /// It scores 0.
    Zero,
}

/// `default { at_least: proportional … }`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Defaults {
    pub methods: Vec<DefaultMethod>,
    pub span: Span,
}

/// `at_most: reverse_linear`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DefaultMethod {
    pub form: Spanned<TargetForm>,
    pub method: Spanned<Method>,
}

/// How an indicator is scored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Method {
    AllOrNothing,
    Proportional,
    ReverseRatio,
    ReverseLinear,
    Deduct(Deduct),
    Bands(Vec<Band>),
    /// `qualitative` or `qualitative 满意度`
    Qualitative(Option<Spanned<String>>),
}

/// `deduct 0.2 per 1% above target, partial exact, floor 0`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Deduct {
    pub amount: Spanned<Dec>,
    pub step: Spanned<Literal>,
    pub from: DeductFrom,
    pub partial: Option<Spanned<Partial>>,
    pub floor: Option<Spanned<Dec>>,
}

/// Where deduction steps are counted from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DeductFrom {
    Above(Threshold),
    Below(Threshold),
    /// `late`: months from the target period's end to the actual's.
    Late(Span),
}

/// `target` or a literal such as `100%`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Threshold {
    Target(Span),
    Literal(Spanned<Literal>),
}

/// How a partial step counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Partial {
    /// 0.5 of a step deducts half.
    Exact,
    /// A partial step counts as a whole one.
    Up,
    /// A partial step does not count.
    Down,
}

/// `80% <= actual < 90%: 4`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Band {
    pub lower: Option<BandEnd>,
    pub upper: Option<BandEnd>,
    pub award: Spanned<Award>,
    pub span: Span,
}

/// One end of a band of actuals.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BandEnd {
    pub value: Spanned<Literal>,
    pub inclusive: bool,
}

/// What a band scores.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Award {
    Points(Dec),
    /// A share of the indicator's points, in percent.
    Share(Dec),
}

/// A number in a rule file, with its unit: `100%`, `14次`, `0.2`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Literal {
    pub number: Dec,
    pub unit: crate::value::Unit,
}

/// A section (一级指标) or group (二级指标).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Structure {
    pub name: Spanned<String>,
    pub aliases: Vec<Spanned<String>>,
    pub expected_points: Option<Spanned<Dec>>,
    pub items: Vec<StructureItem>,
    pub span: Span,
}

/// What a section or group holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StructureItem {
    Defaults(Defaults),
    Group(Structure),
    Indicator(Indicator),
    AnyIndicator(AnyIndicator),
}

/// `indicator "任务完成率" points 3 target 100% { … }`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Indicator {
    pub name: Spanned<String>,
    pub aliases: Vec<Spanned<String>>,
    pub points: Option<Spanned<Dec>>,
    pub target: Option<Spanned<Value<'static>>>,
    pub body: IndicatorBody,
    pub span: Span,
}

/// `any indicator { … }`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnyIndicator {
    pub body: IndicatorBody,
    pub span: Span,
}

/// The settings inside an indicator's braces.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct IndicatorBody {
    pub actual: Option<Expr>,
    pub score: Option<Spanned<Method>>,
}

/// `check id "title" { for each … when … require … else warning "…" }`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Check {
    pub id: Spanned<String>,
    pub title: Spanned<String>,
    pub domain: Option<Spanned<Domain>>,
    pub when: Option<Expr>,
    pub require: Option<Expr>,
    pub severity: Spanned<Severity>,
    pub message: Message,
    pub message_en: Option<Message>,
    pub span: Span,
}

/// What a check runs over.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Domain {
    Indicator,
    BudgetRow,
    BudgetParent,
    Section,
}

/// A message with `{…}` figures.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    pub parts: Vec<MessagePart>,
    pub span: Span,
}

/// Literal text or a quoted figure.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MessagePart {
    Text(String),
    Expr(Expr),
}

/// An expression.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExprKind {
    Literal(Literal),
    Text(String),
    Bool(bool),
    /// `budget.total.executed`
    Path(Vec<PathStep>),
    /// `round(x, 2)`
    Call {
        name: Spanned<String>,
        args: Vec<Expr>,
    },
    Unary(UnaryOp, Box<Expr>),
    Binary(BinaryOp, Box<Expr>, Box<Expr>),
    /// `("at_least", "equal")`
    List(Vec<Expr>),
    /// `if c then a else b`
    If(Box<Expr>, Box<Expr>, Box<Expr>),
}

/// A step of a path: `.executed` or `["财政拨款"]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PathStep {
    Field(Spanned<String>),
    Key(Spanned<String>),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UnaryOp {
    Not,
    Neg,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BinaryOp {
    Or,
    And,
    In,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    Add,
    Sub,
    Mul,
    Div,
}

impl BinaryOp {
    /// How tightly the operator binds, loosest first: `or`; `and`; comparisons and `in`;
    /// `+ -`; `* / × ÷` (the order of the Pratt parser in syntax::lower::expr).
    pub fn precedence(self) -> u8 {
        match self {
            BinaryOp::Or => 1,
            BinaryOp::And => 2,
            BinaryOp::In
            | BinaryOp::Eq
            | BinaryOp::Ne
            | BinaryOp::Lt
            | BinaryOp::Le
            | BinaryOp::Gt
            | BinaryOp::Ge => 4,
            BinaryOp::Add | BinaryOp::Sub => 5,
            BinaryOp::Mul | BinaryOp::Div => 6,
        }
    }

    /// `== != < <= > >=`: the operators that compare two values.
    pub fn is_comparison(self) -> bool {
        matches!(
            self,
            BinaryOp::Eq | BinaryOp::Ne | BinaryOp::Lt | BinaryOp::Le | BinaryOp::Gt | BinaryOp::Ge
        )
    }

    /// The operator as shown in explanations.
    pub fn symbol(self) -> &'static str {
        match self {
            BinaryOp::Or => "or",
            BinaryOp::And => "and",
            BinaryOp::In => "in",
            BinaryOp::Eq => "==",
            BinaryOp::Ne => "!=",
            BinaryOp::Lt => "<",
            BinaryOp::Le => "<=",
            BinaryOp::Gt => ">",
            BinaryOp::Ge => ">=",
            BinaryOp::Add => "+",
            BinaryOp::Sub => "−",
            BinaryOp::Mul => "×",
            BinaryOp::Div => "÷",
        }
    }
}
