//! Errors of reading a rule file: the grammar did not match, or a matched piece is not
//! valid (a month 13, a number too large for a decimal, a bad escape).

use crate::source::Span;
use crate::syntax::grammar::Rule;
use crate::value::ValueErrorKind;

/// One problem in the text of a rule file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SyntaxError {
    /// The grammar expected something else here.
    ///
    /// ```text
    /// indicator "任务完成率" points three
    ///                               ^^^^^ expected a number
    /// ```
    Unexpected {
        span: Span,
        expected: Vec<Rule>,
        found: String,
    },
    /// A target written in the rule file is not a value: `target 13月`.
    Value {
        span: Span,
        kind: ValueErrorKind,
        text: String,
    },
    /// A number with more than 28 significant digits or too large for a decimal.
    NumberOutOfRange { span: Span, text: String },
    /// A string escape other than `\"`, `\\`, `\n`, `\t`, `\{`, `\}`.
    BadEscape { span: Span, escape: String },
    /// `round indicator 29 half_up`: at most 28 decimal places.
    TooManyPlaces { span: Span, places: String },
    /// A year that is not a year: `year 20210`.
    BadYear { span: Span, text: String },
    /// Brackets or an expression nested deeper than the limit (crate::limits).
    ///
    /// ```text
    /// require ((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((true …
    ///                                                                   ^ too deep
    /// ```
    TooDeep {
        span: Span,
        limit: usize,
        nesting: Nesting,
    },
    /// A rule file larger than [`crate::limits::MAX_RULE_FILE_BYTES`]: its size, when known
    /// (a pipe is read only up to the limit).
    FileTooLarge {
        span: Span,
        size: Option<u64>,
        limit: usize,
    },
    /// The file ends inside a block: `section "任务指标" { any indicator` and no `}`.
    Unclosed { span: Span, bracket: char },
}

/// What nests too deeply.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Nesting {
    /// Brackets, counted before the file is parsed ([`crate::limits::MAX_NESTING`]).
    Brackets,
    /// One expression ([`crate::limits::MAX_EXPR_DEPTH`]).
    Expression,
    /// So deep that the parser stopped before running out of stack (an `if … else if …`
    /// chain thousands long).
    Parser,
}

impl SyntaxError {
    pub fn span(&self) -> Span {
        match self {
            SyntaxError::Unexpected { span, .. }
            | SyntaxError::Value { span, .. }
            | SyntaxError::NumberOutOfRange { span, .. }
            | SyntaxError::BadEscape { span, .. }
            | SyntaxError::TooManyPlaces { span, .. }
            | SyntaxError::BadYear { span, .. }
            | SyntaxError::TooDeep { span, .. }
            | SyntaxError::FileTooLarge { span, .. }
            | SyntaxError::Unclosed { span, .. } => *span,
        }
    }

    /// The diagnostic code (`perfrules::parse::unexpected`).
    pub fn code(&self) -> &'static str {
        match self {
            SyntaxError::Unexpected { .. } => "perfrules::parse::unexpected",
            SyntaxError::Value { .. } => "perfrules::parse::bad_value",
            SyntaxError::NumberOutOfRange { .. } => "perfrules::parse::number_out_of_range",
            SyntaxError::BadEscape { .. } => "perfrules::parse::bad_escape",
            SyntaxError::TooManyPlaces { .. } => "perfrules::parse::too_many_places",
            SyntaxError::BadYear { .. } => "perfrules::parse::bad_year",
            SyntaxError::TooDeep { .. } => "perfrules::parse::too_deep",
            SyntaxError::FileTooLarge { .. } => "perfrules::parse::file_too_large",
            SyntaxError::Unclosed { .. } => "perfrules::parse::unclosed",
        }
    }
}
