//! What the checker refuses in a rule file. Each variant is data; the catalog
//! (crate::i18n) words it and crate::output renders it as a diagnostic.

use crate::source::Span;
use crate::value::TargetForm;

/// One problem the checker found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CheckError {
    /// The file has no `policy "…" { … }` header.
    NoPolicy { span: Span },
    /// A second `policy` header: `policy "a" { … }  policy "b" { … }`.
    DuplicatePolicy { span: Span, first: Span },
    /// `full_marks 100 … full_marks 100`.
    DuplicateSetting {
        span: Span,
        first: Span,
        setting: &'static str,
    },
    /// A header without `full_marks` or `grades`.
    MissingSetting { span: Span, setting: &'static str },
    /// `years 2024..2020`.
    YearsReversed { span: Span },
    /// `grades { 优 >= 80, 良 >= 90, 差 }`: thresholds must fall.
    GradesNotDescending {
        span: Span,
        grade: String,
        previous: String,
    },
    /// `grades { 优, 良 >= 80, 差 }`: only the last grade may lack a threshold.
    GradeWithoutThreshold { span: Span, grade: String },
    /// `grades { 优 >= 90, 差 >= 0 }`: the last grade takes every lower total.
    LastGradeHasThreshold { span: Span, grade: String },
    /// The same grade twice.
    DuplicateGrade {
        span: Span,
        first: Span,
        grade: String,
    },
    /// `units { 次 次 }`.
    DuplicateUnit {
        span: Span,
        first: Span,
        unit: String,
    },
    /// A unit the `units` block does not declare: `target >= 14 次次`.
    UnknownUnit {
        span: Span,
        unit: String,
        suggestion: Option<String>,
    },
    /// `万元 = 10000 亿元  亿元 = 0.0001 万元`.
    ConversionCycle { span: Span, unit: String },
    /// Two vocabularies with the same name (or two unnamed ones).
    DuplicateVocabulary {
        span: Span,
        first: Span,
        name: Option<String>,
    },
    /// `achieved 100%: … achieved 80%: …` in one vocabulary.
    DuplicateWordClass {
        span: Span,
        first: Span,
        class: &'static str,
    },
    /// A share outside 0–100%, a band whose ends are reversed, or a default outside its band.
    BadShare { span: Span, problem: ShareProblem },
    /// `qualitative 满意` when no vocabulary has that name.
    UnknownVocabulary {
        span: Span,
        name: Option<String>,
        suggestion: Option<String>,
    },
    /// Two `actuals { not_done … }` or `claimed_bound` settings.
    DuplicateActualsSetting {
        span: Span,
        first: Span,
        setting: &'static str,
    },
    /// Two sections, groups or indicators with the same name or alias.
    DuplicateName {
        span: Span,
        first: Span,
        name: String,
        what: NameKind,
    },
    /// `any indicator` twice in one section or group.
    DuplicateOpenRule { span: Span, first: Span },
    /// A method that cannot score a target of this form: `target "完整" { score proportional }`.
    MethodDoesNotFit {
        span: Span,
        method: &'static str,
        form: TargetForm,
    },
    /// `deduct 0.2 per 0% above target`.
    StepNotPositive { span: Span },
    /// Units that cannot be compared: `deduct 0.2 per 1次 above target` on a `<= 5%` target.
    UnitsDoNotMatch {
        span: Span,
        left: String,
        right: String,
    },
    /// `bands { }` whose ends use different units, or a band that is empty (`90% <= actual < 80%`).
    EmptyBand { span: Span },
    /// A name that no field, binding or function has: `indicator.sefl_score`.
    UnknownName {
        span: Span,
        name: String,
        kind: NameSpace,
        suggestion: Option<String>,
    },
    /// A binding used where it is not bound: `row.rate` in a check over indicators.
    NotBoundHere {
        span: Span,
        name: String,
        context: &'static str,
    },
    /// `round(x)`.
    WrongArity {
        span: Span,
        function: String,
        expected: &'static str,
        found: usize,
    },
    /// `indicator.reason + 1`, `row.rate == row.executed / row.budget`.
    TypeMismatch {
        span: Span,
        operator: String,
        left: String,
        right: String,
        hint: Option<TypeHint>,
    },
    /// `when indicator.score` (a number where a condition is needed).
    NotACondition { span: Span, found: String },
    /// `indicator["任务完成率"]` names an indicator the policy does not have.
    UnknownIndicator {
        span: Span,
        name: String,
        suggestion: Option<String>,
    },
    /// Derived actuals that read each other.
    DerivedCycle { span: Span, names: Vec<String> },
    /// A derived actual whose unit cannot be compared with the indicator's target.
    DerivedUnit {
        span: Span,
        target: String,
        actual: String,
    },
    /// Two checks with the same id.
    DuplicateCheck { span: Span, first: Span, id: String },
    /// `round(x, 2, "nearest")`.
    BadArgument {
        span: Span,
        function: String,
        problem: &'static str,
    },
    /// An indicator whose fixed target has no method: `target 2季度` with no `deadline:` default.
    NoMethod { span: Span, form: TargetForm },
    /// `execution "预算执行率" { … }` without fixed points, a fixed target or `actual = …`.
    ExecutionIncomplete { span: Span, missing: &'static str },
    /// A second `execution` block.
    DuplicateExecution { span: Span, first: Span },
    /// `sections["满意度"]` names a section the policy does not have.
    UnknownSection {
        span: Span,
        name: String,
        suggestion: Option<String>,
    },
    /// `execution.score` in a policy without an `execution` block.
    NoExecution { span: Span },
    /// `extends`, `override` or `remove` in a syntax tree that was not read with
    /// [`crate::extends::load_text`], which resolves them.
    Unresolved { span: Span },
    /// A finding of the static analyses ([`super::lint`]): an error or a warning.
    Lint(super::lint::Lint),
    /// More named indicators than [`crate::limits::MAX_INDICATORS`]: at the first beyond.
    TooManyIndicators { span: Span, limit: usize },
    /// More checks than [`crate::limits::MAX_CHECKS`]: at the first beyond.
    TooManyChecks { span: Span, limit: usize },
    /// `万元 = 10000000000000000000 元  亿元 = 10000000000000 万元`: a conversion whose
    /// factor to its base unit is beyond exact decimals.
    ConversionOutOfRange { span: Span, unit: String },
}

/// What kind of name was duplicated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameKind {
    Section,
    Group,
    Indicator,
}

/// Which kind of name was not found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameSpace {
    /// `indicator.sefl_score`: a field.
    Field,
    /// `indicatr.score`: what a path starts with.
    Root,
    /// `rnd(x, 2)`: a function.
    Function,
}

/// What is wrong with a share.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShareProblem {
    OutOfRange,
    Reversed,
    DefaultOutside,
}

/// A fix the checker can suggest for a type mismatch.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TypeHint {
    /// A percentage compared with a plain ratio: multiply by `100%`.
    MultiplyByHundredPercent,
}

impl CheckError {
    pub fn span(&self) -> Span {
        use CheckError::*;
        match self {
            NoPolicy { span }
            | DuplicatePolicy { span, .. }
            | DuplicateSetting { span, .. }
            | MissingSetting { span, .. }
            | YearsReversed { span }
            | GradesNotDescending { span, .. }
            | GradeWithoutThreshold { span, .. }
            | LastGradeHasThreshold { span, .. }
            | DuplicateGrade { span, .. }
            | DuplicateUnit { span, .. }
            | UnknownUnit { span, .. }
            | ConversionCycle { span, .. }
            | DuplicateVocabulary { span, .. }
            | DuplicateWordClass { span, .. }
            | BadShare { span, .. }
            | UnknownVocabulary { span, .. }
            | DuplicateActualsSetting { span, .. }
            | DuplicateName { span, .. }
            | DuplicateOpenRule { span, .. }
            | MethodDoesNotFit { span, .. }
            | StepNotPositive { span }
            | UnitsDoNotMatch { span, .. }
            | EmptyBand { span }
            | UnknownName { span, .. }
            | NotBoundHere { span, .. }
            | WrongArity { span, .. }
            | TypeMismatch { span, .. }
            | NotACondition { span, .. }
            | UnknownIndicator { span, .. }
            | DerivedCycle { span, .. }
            | DerivedUnit { span, .. }
            | DuplicateCheck { span, .. }
            | BadArgument { span, .. }
            | NoMethod { span, .. }
            | ExecutionIncomplete { span, .. }
            | DuplicateExecution { span, .. }
            | UnknownSection { span, .. }
            | NoExecution { span }
            | Unresolved { span }
            | TooManyIndicators { span, .. }
            | TooManyChecks { span, .. }
            | ConversionOutOfRange { span, .. } => *span,
            Lint(lint) => lint.span(),
        }
    }

    /// How serious it is: everything the checker refuses is an error; the static analyses
    /// also warn.
    pub fn severity(&self) -> crate::syntax::ast::Severity {
        match self {
            CheckError::Lint(lint) => lint.severity(),
            _ => crate::syntax::ast::Severity::Error,
        }
    }

    /// Where the thing this duplicates was first written, for a second label.
    pub fn first(&self) -> Option<Span> {
        use CheckError::*;
        match self {
            DuplicatePolicy { first, .. }
            | DuplicateSetting { first, .. }
            | DuplicateGrade { first, .. }
            | DuplicateUnit { first, .. }
            | DuplicateVocabulary { first, .. }
            | DuplicateWordClass { first, .. }
            | DuplicateActualsSetting { first, .. }
            | DuplicateName { first, .. }
            | DuplicateOpenRule { first, .. }
            | DuplicateCheck { first, .. }
            | DuplicateExecution { first, .. } => Some(*first),
            _ => None,
        }
    }

    /// The diagnostic code: `perfrules::check::<name>`.
    pub fn code(&self) -> &'static str {
        use CheckError::*;
        match self {
            NoPolicy { .. } => "perfrules::check::no_policy",
            DuplicatePolicy { .. } => "perfrules::check::duplicate_policy",
            DuplicateSetting { .. } => "perfrules::check::duplicate_setting",
            MissingSetting { .. } => "perfrules::check::missing_setting",
            YearsReversed { .. } => "perfrules::check::years_reversed",
            GradesNotDescending { .. } => "perfrules::check::grades_not_descending",
            GradeWithoutThreshold { .. } => "perfrules::check::grade_without_threshold",
            LastGradeHasThreshold { .. } => "perfrules::check::last_grade_has_threshold",
            DuplicateGrade { .. } => "perfrules::check::duplicate_grade",
            DuplicateUnit { .. } => "perfrules::check::duplicate_unit",
            UnknownUnit { .. } => "perfrules::check::unknown_unit",
            ConversionCycle { .. } => "perfrules::check::conversion_cycle",
            DuplicateVocabulary { .. } => "perfrules::check::duplicate_vocabulary",
            DuplicateWordClass { .. } => "perfrules::check::duplicate_word_class",
            BadShare { .. } => "perfrules::check::bad_share",
            UnknownVocabulary { .. } => "perfrules::check::unknown_vocabulary",
            DuplicateActualsSetting { .. } => "perfrules::check::duplicate_actuals_setting",
            DuplicateName { .. } => "perfrules::check::duplicate_name",
            DuplicateOpenRule { .. } => "perfrules::check::duplicate_any_indicator",
            MethodDoesNotFit { .. } => "perfrules::check::method_does_not_fit",
            StepNotPositive { .. } => "perfrules::check::step_not_positive",
            UnitsDoNotMatch { .. } => "perfrules::check::units_do_not_match",
            EmptyBand { .. } => "perfrules::check::empty_band",
            UnknownName { .. } => "perfrules::check::unknown_name",
            NotBoundHere { .. } => "perfrules::check::not_bound_here",
            WrongArity { .. } => "perfrules::check::wrong_arity",
            TypeMismatch { .. } => "perfrules::check::type_mismatch",
            NotACondition { .. } => "perfrules::check::not_a_condition",
            UnknownIndicator { .. } => "perfrules::check::unknown_indicator",
            DerivedCycle { .. } => "perfrules::check::derived_cycle",
            DerivedUnit { .. } => "perfrules::check::derived_unit",
            DuplicateCheck { .. } => "perfrules::check::duplicate_check",
            BadArgument { .. } => "perfrules::check::bad_argument",
            NoMethod { .. } => "perfrules::check::no_method",
            ExecutionIncomplete { .. } => "perfrules::check::execution_incomplete",
            DuplicateExecution { .. } => "perfrules::check::duplicate_execution",
            UnknownSection { .. } => "perfrules::check::unknown_section",
            NoExecution { .. } => "perfrules::check::no_execution",
            Unresolved { .. } => "perfrules::check::unresolved",
            Lint(lint) => lint.code(),
            TooManyIndicators { .. } => "perfrules::check::too_many_indicators",
            TooManyChecks { .. } => "perfrules::check::too_many_checks",
            ConversionOutOfRange { .. } => "perfrules::check::conversion_out_of_range",
        }
    }
}
