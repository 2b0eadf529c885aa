//! Why a report could not be read: malformed JSON, an unknown or missing field, a value of
//! the wrong type, a decimal that does not parse. Each names the field's JSON path and
//! carries the byte offset where it was found.

use super::amount::{BAD_DECIMAL, OUT_OF_RANGE};
use super::bounded::{TOO_LONG, TOO_MANY};

/// A report that could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReportError {
    pub kind: ReportErrorKind,
    /// `indicators[13].self_score`; empty for the document as a whole.
    pub path: String,
    /// Byte offset in the report text.
    pub offset: usize,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReportErrorKind {
    /// The text is not JSON: `{"unit": "x",}`.
    Syntax { message: String },
    /// A field the contract does not have: `"socre": "1"`.
    UnknownField {
        field: String,
        expected: Vec<String>,
    },
    /// A required field is absent: no `"unit"`.
    MissingField { field: String },
    /// A decimal field that does not parse: `"self_score": "一分"`.
    BadDecimal { text: String },
    /// A decimal beyond 28 significant digits or about 7.9 × 10²⁸: `1e30`.
    DecimalOutOfRange { text: String },
    /// A value of the wrong type: `"year": "2021年"` (what was found, what was expected, in
    /// serde's words: `string "2021年"`, `i32`).
    WrongType { found: String, expected: String },
    /// The input is larger than [`crate::limits::MAX_REPORT_BYTES`]: its size, when known
    /// (a pipe is read only up to the limit).
    TooLarge { size: Option<u64>, limit: usize },
    /// Arrays and objects nest deeper than [`crate::limits::MAX_JSON_DEPTH`].
    TooDeep { limit: usize },
    /// A table with more rows than its limit ([`crate::limits::MAX_INDICATORS`],
    /// [`crate::limits::MAX_BUDGET_ROWS`]).
    TooManyRows { limit: usize },
    /// A text longer than its limit ([`crate::limits::MAX_VALUE_CHARS`] for a target or
    /// actual, [`crate::limits::MAX_TEXT_CHARS`] otherwise).
    TextTooLong { chars: usize, limit: usize },
}

impl ReportError {
    pub(super) fn from_serde(
        text: &str,
        e: serde_path_to_error::Error<serde_json::Error>,
    ) -> ReportError {
        let path = e.path().to_string();
        let path = if path == "." { String::new() } else { path };
        let inner = e.into_inner();
        let offset = offset_of(text, inner.line(), inner.column());
        let message = strip_position(&inner.to_string());
        let kind = if inner.is_syntax() || inner.is_eof() {
            ReportErrorKind::Syntax { message }
        } else if let Some(rest) = message.strip_prefix(BAD_DECIMAL) {
            ReportErrorKind::BadDecimal {
                text: rest.to_string(),
            }
        } else if let Some(rest) = message.strip_prefix(OUT_OF_RANGE) {
            ReportErrorKind::DecimalOutOfRange {
                text: rest.to_string(),
            }
        } else if let Some(rest) = message.strip_prefix(TOO_MANY) {
            ReportErrorKind::TooManyRows {
                limit: rest.parse().unwrap_or_default(),
            }
        } else if let Some(rest) = message.strip_prefix(TOO_LONG) {
            let (limit, chars) = rest.split_once('\u{1}').unwrap_or((rest, ""));
            ReportErrorKind::TextTooLong {
                chars: chars.parse().unwrap_or_default(),
                limit: limit.parse().unwrap_or_default(),
            }
        } else if let Some(rest) = message.strip_prefix("unknown field `") {
            let (field, expected) = rest.split_once('`').unwrap_or((rest, ""));
            ReportErrorKind::UnknownField {
                field: field.to_string(),
                expected: backticked(expected),
            }
        } else if let Some(rest) = message.strip_prefix("missing field `") {
            let field = rest.split('`').next().unwrap_or(rest);
            ReportErrorKind::MissingField {
                field: field.to_string(),
            }
        } else if let Some(rest) = message
            .strip_prefix("invalid type: ")
            .or_else(|| message.strip_prefix("invalid value: "))
        {
            let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
            ReportErrorKind::WrongType {
                found: found.to_string(),
                expected: expected.to_string(),
            }
        } else {
            ReportErrorKind::WrongType {
                found: message,
                expected: String::new(),
            }
        };
        ReportError { kind, path, offset }
    }

    /// An input of `size` bytes, beyond [`crate::limits::MAX_REPORT_BYTES`]; the command
    /// line says so before reading it.
    pub fn too_large(size: Option<u64>) -> ReportError {
        ReportError {
            kind: ReportErrorKind::TooLarge {
                size,
                limit: crate::limits::MAX_REPORT_BYTES,
            },
            path: String::new(),
            offset: 0,
        }
    }

    pub(super) fn from_serde_plain(text: &str, e: serde_json::Error) -> ReportError {
        let offset = offset_of(text, e.line(), e.column());
        ReportError {
            kind: ReportErrorKind::Syntax {
                message: strip_position(&e.to_string()),
            },
            path: String::new(),
            offset,
        }
    }

    /// The diagnostic code.
    pub fn code(&self) -> &'static str {
        match self.kind {
            ReportErrorKind::Syntax { .. } => "perfrules::report::malformed_json",
            ReportErrorKind::UnknownField { .. } => "perfrules::report::unknown_field",
            ReportErrorKind::MissingField { .. } => "perfrules::report::missing_field",
            ReportErrorKind::BadDecimal { .. } => "perfrules::report::bad_decimal",
            ReportErrorKind::DecimalOutOfRange { .. } => "perfrules::report::decimal_out_of_range",
            ReportErrorKind::WrongType { .. } => "perfrules::report::wrong_type",
            ReportErrorKind::TooLarge { .. } => "perfrules::report::too_large",
            ReportErrorKind::TooDeep { .. } => "perfrules::report::too_deep",
            ReportErrorKind::TooManyRows { .. } => "perfrules::report::too_many_rows",
            ReportErrorKind::TextTooLong { .. } => "perfrules::report::text_too_long",
        }
    }
}

/// serde_json appends " at line L column C"; we show the position as a label instead.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

fn backticked(text: &str) -> Vec<String> {
    text.split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}

/// The byte offset of a 1-based line and column (serde_json counts columns in bytes).
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    let mut offset = (line_start + column.saturating_sub(1)).min(text.len());
    while offset > 0 && !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}
