//! The checked policy: the only form of a rule file the evaluator accepts. Only
//! [`crate::check::check`] builds one; every name in it is resolved, every method fits its
//! target, every expression is typed.

use super::expr::CExpr;
use super::fields::IndicatorField;
use super::names::NameIndex;
use super::units::UnitTable;
use crate::decimal::{Dec, RoundMode};
use crate::interval::Interval;
use crate::source::{Sources, Span, Spanned};
use crate::syntax::ast::{Achievement, ClaimedMode, Domain, Partial, Severity};
use crate::value::{TargetForm, Unit, Value};

/// Index of an indicator the policy names, in [`Policy::indicators`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct IndicatorId(pub usize);
/// Index of a section, in [`Policy::sections`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SectionId(pub usize);
/// Index of a group, in [`Policy::groups`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct GroupId(pub usize);
/// Index of a vocabulary, in [`Policy::vocabularies`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct VocabularyId(pub usize);

/// A checked policy.
#[derive(Clone, Debug)]
pub struct Policy {
    pub(crate) sources: Sources,
    /// SHA-256 of the rule file's text, hex: the policy's identity in results.
    pub(crate) sha256: String,
    pub(crate) name: Spanned<String>,
    pub(crate) years: Option<Spanned<(i32, i32)>>,
    pub(crate) kind: Option<Spanned<String>>,
    pub(crate) full_marks: Spanned<Dec>,
    pub(crate) rescale: Option<Span>,
    pub(crate) budget_unit: Unit,
    pub(crate) round_indicator: Option<Rounding>,
    pub(crate) round_total: Option<Rounding>,
    pub(crate) grades: Vec<GradeRule>,
    pub(crate) units: UnitTable,
    pub(crate) vocabularies: Vec<VocabularyRule>,
    pub(crate) not_done: NotDone,
    pub(crate) claimed: Spanned<ClaimedMode>,
    pub(crate) sections: Vec<SectionRule>,
    pub(crate) groups: Vec<GroupRule>,
    pub(crate) indicators: Vec<IndicatorRule>,
    pub(crate) open: Vec<OpenRule>,
    /// The scored budget execution row, when the policy scores it.
    pub(crate) execution: Option<ExecutionRule>,
    pub(crate) checks: Vec<CheckRule>,
    /// Named indicators with a derived actual, in an order where each comes after those its
    /// expression reads.
    pub(crate) derived_order: Vec<IndicatorId>,
    /// Name keys ([`crate::check::names::key`]) of indicators and their aliases, and the
    /// names as the policy spells them where that is not their key: a name is looked up as
    /// it is written first, and keyed only if that misses.
    pub(crate) indicator_index: NameIndex<IndicatorId>,
    /// The characters the names of `indicator_index` begin with, to tell most names that
    /// are not in it without looking them up.
    pub(crate) indicator_starts: super::names::Starts,
    /// Name keys of sections and their aliases.
    pub(crate) section_index: NameIndex<SectionId>,
    /// What the static analyses warn of (crate::check::lint).
    pub(crate) warnings: Vec<super::lint::Lint>,
}

impl Policy {
    /// The policy's name, as its header writes it.
    pub fn name(&self) -> &str {
        &self.name.node
    }

    /// The rule file as the user named it.
    pub fn file_name(&self) -> &str {
        self.sources
            .get(crate::source::SourceId(0))
            .map_or("", |f| f.name.as_str())
    }

    /// SHA-256 of the rule file's text.
    pub fn sha256(&self) -> &str {
        &self.sha256
    }

    /// The rule files the policy was read from.
    pub fn sources(&self) -> &Sources {
        &self.sources
    }

    /// The static analyses' warnings: the policy scores, but an auditor should look.
    pub fn warnings(&self) -> &[super::lint::Lint] {
        &self.warnings
    }

    pub fn full_marks(&self) -> Dec {
        self.full_marks.node
    }

    pub fn years(&self) -> Option<(i32, i32)> {
        self.years.as_ref().map(|y| y.node)
    }

    pub fn kind(&self) -> Option<&str> {
        self.kind.as_ref().map(|k| k.node.as_str())
    }
}

/// Rounding of one figure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rounding {
    pub places: u32,
    pub mode: RoundMode,
    pub span: Span,
}

impl Rounding {
    /// The value rounded; one with no more places than that (most scores: the points
    /// themselves) is itself. That is [`Dec::round`]'s own first test, made here in line
    /// too: rounding is a call, and most scores need none (inlining `Dec::round` itself grew
    /// its other callers more than it saved).
    pub fn apply(self, value: Dec) -> Dec {
        if value.scale() <= self.places {
            return value;
        }
        value.round(self.places, self.mode)
    }
}

/// `优 >= 90`; the last grade has no threshold.
#[derive(Clone, Debug)]
pub struct GradeRule {
    pub name: String,
    pub min: Option<Dec>,
    pub span: Span,
}

/// Actuals that score 0 whatever the target.
#[derive(Clone, Debug, Default)]
pub struct NotDone {
    pub words: Vec<String>,
    pub empty: bool,
    pub span: Option<Span>,
}

/// A vocabulary of qualitative actuals.
#[derive(Clone, Debug)]
pub struct VocabularyRule {
    pub name: Option<String>,
    pub classes: Vec<WordClassRule>,
    /// Each exact word (`"达成"`) with the first class that holds it: a qualitative actual
    /// is classed by one look-up, not compared with every word of every class.
    pub exact: super::names::NameIndex<usize>,
    /// The first class that holds `same_as_target`, if any does.
    pub same_as_target: Option<usize>,
    /// Every prefix with the class that holds it, longest first (in characters), and among
    /// prefixes as long, the one written last first: the first that starts a word is the
    /// one the word is classed by.
    pub prefixes: Vec<(String, usize)>,
    pub span: Span,
}

/// A class of words and the share of points it scores.
#[derive(Clone, Debug)]
pub struct WordClassRule {
    pub class: Achievement,
    pub share: ShareRule,
    pub patterns: Vec<Spanned<crate::syntax::ast::WordPattern>>,
    pub span: Span,
}

/// The share of points a class scores, in percent: a fixed share, or a band an auditor may
/// judge inside, with the share it scores without a judgement.
#[derive(Clone, Copy, Debug)]
pub struct ShareRule {
    /// The shares (in percent) an auditor may judge inside.
    pub band: Interval,
    /// The share scored without a judgement.
    pub default: Dec,
}

impl ShareRule {
    pub fn fixed(share: Dec) -> ShareRule {
        ShareRule {
            band: Interval::point(share),
            default: share,
        }
    }
}

/// A level-1 indicator (一级指标).
#[derive(Clone, Debug)]
pub struct SectionRule {
    pub name: String,
    pub aliases: Vec<String>,
    pub expected_points: Option<Dec>,
    pub methods: MethodTable,
    /// `any indicator` directly in the section.
    pub open: Option<usize>,
    /// Name keys of the section's groups and their aliases.
    pub group_index: NameIndex<GroupId>,
    pub span: Span,
}

/// A level-2 indicator (二级指标).
#[derive(Clone, Debug)]
pub struct GroupRule {
    pub name: String,
    pub section: SectionId,
    pub expected_points: Option<Dec>,
    pub methods: MethodTable,
    pub open: Option<usize>,
    pub span: Span,
}

/// A level-3 indicator the policy names.
#[derive(Clone, Debug)]
pub struct IndicatorRule {
    pub name: Spanned<String>,
    pub aliases: Vec<String>,
    pub section: SectionId,
    pub group: Option<GroupId>,
    pub points: Option<Spanned<Dec>>,
    pub target: Option<Spanned<Value<'static>>>,
    pub actual: Option<Derived>,
    /// This indicator's method table: its own `score`, else the defaults that apply.
    pub methods: MethodTable,
    pub span: Span,
}

/// `execution "预算执行率" points 10 target 100% { actual = … }`: scored from the budget
/// table, not from a row of the indicator table.
#[derive(Clone, Debug)]
pub struct ExecutionRule {
    pub name: Spanned<String>,
    pub points: Spanned<Dec>,
    pub target: Spanned<Value<'static>>,
    pub actual: Option<Derived>,
    pub methods: MethodTable,
    pub span: Span,
}

/// `any indicator`: report rows under a section or group.
#[derive(Clone, Debug)]
pub struct OpenRule {
    pub section: SectionId,
    pub group: Option<GroupId>,
    pub actual: Option<Derived>,
    pub methods: MethodTable,
    pub span: Span,
}

/// `actual = …`.
#[derive(Clone, Debug)]
pub struct Derived {
    pub expr: CExpr,
    pub span: Span,
}

/// The method for each form of target at one place of the policy, most specific first
/// already resolved: an indicator's own `score` fills every form.
#[derive(Clone, Debug, Default)]
pub struct MethodTable {
    by_form: [Option<ScoringRule>; 5],
}

impl MethodTable {
    /// A table with no method for any form.
    pub const EMPTY: MethodTable = MethodTable {
        by_form: [None, None, None, None, None],
    };

    pub fn get(&self, form: TargetForm) -> Option<&ScoringRule> {
        self.by_form[form as usize].as_ref()
    }

    pub fn set(&mut self, form: TargetForm, rule: ScoringRule) {
        self.by_form[form as usize] = Some(rule);
    }

    /// This table, with `outer`'s entries where this one has none.
    pub fn or(&self, outer: &MethodTable) -> MethodTable {
        let mut merged = self.clone();
        for (slot, outer) in merged.by_form.iter_mut().zip(&outer.by_form) {
            if slot.is_none() {
                slot.clone_from(outer);
            }
        }
        merged
    }
}

/// A method and where the rule file chose it.
#[derive(Clone, Debug)]
pub struct ScoringRule {
    pub method: Method,
    /// The `score …` or `form: …` text that chose it.
    pub span: Span,
    /// Whether it is the indicator's own `score` or a default.
    pub explicit: bool,
}

/// A checked scoring method.
#[derive(Clone, Debug)]
pub enum Method {
    AllOrNothing,
    Proportional,
    ReverseRatio,
    ReverseLinear,
    Deduct(DeductRule),
    Bands(Vec<BandRule>),
    Qualitative(VocabularyId),
}

impl Method {
    /// The keyword of the rule language.
    pub fn keyword(&self) -> &'static str {
        match self {
            Method::AllOrNothing => "all_or_nothing",
            Method::Proportional => "proportional",
            Method::ReverseRatio => "reverse_ratio",
            Method::ReverseLinear => "reverse_linear",
            Method::Deduct(_) => "deduct",
            Method::Bands(_) => "bands",
            Method::Qualitative(_) => "qualitative",
        }
    }
}

/// `deduct D per S above|below T | late`.
#[derive(Clone, Debug)]
pub struct DeductRule {
    pub amount: Dec,
    pub step: Dec,
    pub step_unit: Unit,
    pub from: DeductFrom,
    pub partial: Partial,
    pub floor: Dec,
}

/// Where deduction steps are counted from.
#[derive(Clone, Debug)]
pub enum DeductFrom {
    /// Steps above the threshold (the target when `None`).
    Above(Option<(Dec, Unit)>),
    Below(Option<(Dec, Unit)>),
    /// Months late.
    Late,
}

/// A band of actuals and what it scores.
#[derive(Clone, Debug)]
pub struct BandRule {
    pub lower: Option<(Dec, Unit, bool)>,
    pub upper: Option<(Dec, Unit, bool)>,
    pub award: crate::syntax::ast::Award,
    pub span: Span,
}

/// A check of §4 kind: a finding raised where a condition fails.
#[derive(Clone, Debug)]
pub struct CheckRule {
    pub id: String,
    /// `rules::<id>`: the code of its findings.
    pub code: String,
    pub title: String,
    pub domain: Option<Domain>,
    pub when: Option<CExpr>,
    /// `when`, as the conjuncts of its chain of `and`s in the order they are evaluated
    /// (empty without a `when`).
    pub when_conjuncts: Vec<Conjunct>,
    pub require: Option<CExpr>,
    /// `require`, the same way.
    pub require_conjuncts: Vec<Conjunct>,
    pub severity: Severity,
    pub message: Vec<MessagePiece>,
    pub message_en: Option<Vec<MessagePiece>>,
    /// The expressions its messages show, each once: the English message mostly shows the
    /// same figures as the Chinese one, and an expression written the same way in both (by
    /// its text in the rule file) is one figure.
    pub figures: Vec<CExpr>,
    pub span: Span,
}

/// A conjunct of a check's condition. Over indicators, one that reads only the checked
/// indicator's own fields is kept as a guard, answered by reading the fields without
/// evaluating an expression (most checks over indicators begin with such a guard, and it fails
/// for most indicators); over budget rows, one that reads a field of the checked row alone or
/// against a number, the same way.
#[derive(Clone, Debug)]
pub enum Conjunct {
    /// `present(indicator.f)`.
    Present(IndicatorField),
    /// `indicator.f` (a truth field), or `not indicator.f` when the flag is false.
    Is(IndicatorField, bool),
    /// `indicator.f in ("a", "b")`, a text field against texts.
    OneOf(IndicatorField, Vec<String>),
    /// `indicator.form in ("at_least", "equal")`: for each form (`TargetForm as usize`),
    /// whether its keyword is among the texts; read without comparing text.
    FormIn([bool; TargetForm::ALL.len()]),
    /// `indicator.f < indicator.g` (or another comparison), between plain numbers.
    Compare(crate::syntax::ast::BinaryOp, IndicatorField, IndicatorField),
    /// `indicator.f == indicator.g` (or `!=`, when the flag is false) between fields of any
    /// kind (`indicator.target_written == indicator.target`).
    Equal(bool, IndicatorField, IndicatorField),
    /// `indicator.f >= indicator.g * 130%` (or `<`, `<=`, `>`): a figure against another
    /// times a number, read without evaluating the expression.
    Scaled(
        crate::syntax::ast::BinaryOp,
        IndicatorField,
        IndicatorField,
        crate::decimal::Dec,
        crate::value::Unit,
    ),
    /// `present(row.f)`, over budget rows: whether the checked row gives the field.
    RowPresent(super::fields::RowField),
    /// `row.f != 0` (or another comparison), over budget rows: a field of the checked row
    /// against a number.
    RowAgainst(
        crate::syntax::ast::BinaryOp,
        super::fields::RowField,
        crate::decimal::Dec,
        crate::value::Unit,
    ),
    Expr(CExpr),
}

/// Text or a figure of a check's message.
#[derive(Clone, Debug)]
pub enum MessagePiece {
    Text(String),
    /// The figure of [`CheckRule::figures`] at this index.
    Figure(usize),
}
