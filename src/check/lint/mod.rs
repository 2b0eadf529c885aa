//! Static analyses beyond what the checker refuses: mistakes an auditor makes when writing
//! or revising a policy and no report shows until a unit complains — points that do not
//! sum to what the policy declares, bands with gaps or overlaps, defaults, vocabularies and
//! words that never apply, deductions that cannot reach their floor, checks that never fire
//! or whose message quotes a name the policy does not have, years that do not follow.
//!
//! Each finding is a [`Lint`] with a code (`perfrules::lint::<name>`), a span, and a
//! severity: a policy whose bands overlap or leave an end unclear is refused (an error, as
//! the checker's own), every other finding is a warning that `perfrules check` shows and
//! `perfrules eval` prints on stderr without refusing the policy. The analyses read the
//! merged syntax tree (so they also run where the checker found errors) and are written one
//! idea to a file.

mod bands;
mod checks;
mod defaults;
mod points;
mod vocabulary;
mod years;

use crate::decimal::Dec;
use crate::source::Span;
use crate::syntax::ast::{RuleFile, Severity};
use crate::value::TargetForm;

pub use years::{year_not_after_extended, years};

/// One finding of the static analyses.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lint {
    pub kind: LintKind,
    pub span: Span,
    /// A second place worth showing: the band it overlaps, the word that shadows it.
    pub related: Option<Span>,
}

/// What was found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LintKind {
    /// `section "…" points 30` over indicators whose fixed points sum to 28 (or to more
    /// than 30, when the report adds indicators of its own).
    PointsDoNotSum {
        level: Level,
        name: String,
        expected: Dec,
        sum: Dec,
        open: bool,
    },
    /// Actuals between two bands (or below or above all of them) fall in no band.
    BandGap { gap: String },
    /// Two bands both take some actuals; the first written would decide silently.
    BandOverlap { overlap: String },
    /// Two bands meet at an end that both include, or that neither does: `80% <= actual
    /// <= 90%` and `actual >= 90%`.
    BandEndUnclear { end: String, both: bool },
    /// A default method no indicator of its place can be scored by.
    DefaultNeverApplies { form: TargetForm, why: NeverApplies },
    /// A vocabulary no `qualitative` method chooses.
    VocabularyNeverUsed { name: Option<String> },
    /// A word of a vocabulary that never decides a class.
    WordShadowed { word: String, by: ShadowedBy },
    /// `deduct 0.01 per 1% below target` on 3 points: even an actual of 0 loses less than
    /// the points, so the floor (扣完为止) is never reached.
    DeductionNeverReachesFloor { most: Dec, lowest: Dec },
    /// One step deducts more than the indicator's points.
    DeductionStepExceedsPoints { amount: Dec, points: Dec },
    /// A `when` or `require` that reads nothing of the report: the check fires always or never.
    ConstantCondition { clause: &'static str },
    /// A check's message quotes “a name” the policy does not have.
    MessageNamesUnknown {
        name: String,
        suggestion: Option<String>,
    },
    /// The Chinese and English messages of a check quote different figures.
    MessagesDiffer {
        only_zh: Vec<String>,
        only_en: Vec<String>,
    },
    /// The policy header says no `year`: it would apply to a report of any year.
    NoYears,
    /// A file that extends last year's applies to a year no later than the file it extends.
    YearNotAfterExtended { year: i32, extended: i32 },
    /// A grade whose threshold is above full marks: no total reaches it.
    GradeUnreachable { grade: String, min: Dec, full: Dec },
}

/// A section, a group, or the policy as a whole.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    Policy,
    Section,
    Group,
}

/// Why a default never applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NeverApplies {
    /// Every indicator under it has its own method or a nearer default for the form.
    Shadowed,
    /// No indicator under it can have a target of this form.
    NoSuchTarget,
}

/// What takes a word's place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShadowedBy {
    /// The same word, earlier in the vocabulary (class keyword).
    Earlier(&'static str),
    /// The same prefix in a later class, which wins.
    LaterPrefix(&'static str),
    /// A `not_done` word: it scores 0 before the vocabulary is read.
    NotDone,
}

impl Lint {
    pub fn new(kind: LintKind, span: Span) -> Lint {
        Lint {
            kind,
            span,
            related: None,
        }
    }

    pub fn related(mut self, span: Span) -> Lint {
        self.related = Some(span);
        self
    }

    pub fn span(&self) -> Span {
        self.span
    }

    pub fn severity(&self) -> Severity {
        match self.kind {
            LintKind::BandOverlap { .. } | LintKind::BandEndUnclear { .. } => Severity::Error,
            _ => Severity::Warning,
        }
    }

    /// `perfrules::lint::<name>`.
    pub fn code(&self) -> &'static str {
        use LintKind::*;
        match self.kind {
            PointsDoNotSum { .. } => "perfrules::lint::points_do_not_sum",
            BandGap { .. } => "perfrules::lint::band_gap",
            BandOverlap { .. } => "perfrules::lint::band_overlap",
            BandEndUnclear { .. } => "perfrules::lint::band_end_unclear",
            DefaultNeverApplies { .. } => "perfrules::lint::default_never_applies",
            VocabularyNeverUsed { .. } => "perfrules::lint::vocabulary_never_used",
            WordShadowed { .. } => "perfrules::lint::word_shadowed",
            DeductionNeverReachesFloor { .. } => "perfrules::lint::deduction_never_reaches_floor",
            DeductionStepExceedsPoints { .. } => "perfrules::lint::deduction_step_exceeds_points",
            ConstantCondition { .. } => "perfrules::lint::constant_condition",
            MessageNamesUnknown { .. } => "perfrules::lint::message_names_unknown",
            MessagesDiffer { .. } => "perfrules::lint::messages_differ",
            NoYears => "perfrules::lint::no_years",
            YearNotAfterExtended { .. } => "perfrules::lint::year_not_after_extended",
            GradeUnreachable { .. } => "perfrules::lint::grade_unreachable",
        }
    }
}

/// Every analysis over a (merged) rule file, in no particular order.
pub fn lint(file: &RuleFile) -> Vec<Lint> {
    let mut out = Vec::new();
    points::points(file, &mut out);
    bands::bands(file, &mut out);
    defaults::defaults(file, &mut out);
    vocabulary::vocabularies(file, &mut out);
    points::deductions(file, &mut out);
    checks::checks(file, &mut out);
    years::header(file, &mut out);
    out
}

/// Every method the file writes: file-wide and nested defaults, indicators' own `score`.
pub(super) fn methods(file: &RuleFile) -> Vec<&crate::source::Spanned<crate::syntax::ast::Method>> {
    use crate::syntax::ast::{Item, StructureItem};
    fn structure<'a>(
        items: &'a [StructureItem],
        out: &mut Vec<&'a crate::source::Spanned<crate::syntax::ast::Method>>,
    ) {
        for item in items {
            match item {
                StructureItem::Defaults(d) => out.extend(d.methods.iter().map(|m| &m.method)),
                StructureItem::Group(g) => structure(&g.items, out),
                StructureItem::Indicator(i) => out.extend(&i.body.score),
                StructureItem::AnyIndicator(a) => out.extend(&a.body.score),
            }
        }
    }
    let mut out = Vec::new();
    for item in &file.items {
        match item {
            Item::Defaults(d) => out.extend(d.methods.iter().map(|m| &m.method)),
            Item::Section(s) => structure(&s.items, &mut out),
            Item::Execution(e) => out.extend(&e.body.score),
            _ => {}
        }
    }
    out
}
