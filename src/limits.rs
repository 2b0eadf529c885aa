//! Hard limits on what perfrules reads, in one place. Every input is bounded before it is
//! parsed or scored, so that no rule file, report or judgements file can exhaust the stack,
//! memory or time: beyond a limit there is a diagnostic with a code, never a crash.
//! README.md ("Limits and security") lists them with their codes; tests/limits.rs tries each
//! at and beyond its value.
//!
//! The library applies them ([`crate::syntax::parse`], [`crate::report::Report::from_json`],
//! [`crate::value::parse`]); the command line also refuses an oversized file before reading
//! it into memory.

/// The largest rule file, in bytes: 1 MiB (rules/2021.pr is about 10 KB).
/// Code `perfrules::parse::file_too_large`.
pub const MAX_RULE_FILE_BYTES: usize = 1 << 20;

/// The most files in a chain of `extends` (the file itself included): rules/2022.pr
/// extending rules/2021.pr is 2. Code `perfrules::extends::chain_too_long`.
pub const MAX_EXTENDS_CHAIN: usize = 32;

/// How deeply brackets — `(`, `[`, `{` — may nest in a rule file, counted outside strings
/// and comments before the file is parsed. Code `perfrules::parse::too_deep`.
pub const MAX_NESTING: usize = 64;

/// How deep one expression of a rule file may be: each pair of brackets, each operator
/// (`+`, `and`, `==` …), each unary `not` or `-` is one level, and a function call, a list
/// or an `if` one more: `a + b + c` is 3 deep, `not not x` is 3, `(x)` is 2. (The deepest
/// expression of the rule files in rules/ is 8 deep.) Code `perfrules::parse::too_deep`.
pub const MAX_EXPR_DEPTH: usize = 64;

/// The largest report or judgements file, in bytes: 16 MiB (a real report is tens of KB).
/// Code `perfrules::report::too_large`.
pub const MAX_REPORT_BYTES: usize = 16 << 20;

/// How deeply JSON arrays and objects may nest in a report or judgements file (the report
/// contract needs 3). Code `perfrules::report::too_deep`.
pub const MAX_JSON_DEPTH: usize = 32;

/// The most rows of a report's indicator table, and the most indicators a rule file may
/// name. Codes `perfrules::report::too_many_rows`, `perfrules::check::too_many_indicators`.
pub const MAX_INDICATORS: usize = 10_000;

/// The most rows of a report's budget table. Code `perfrules::report::too_many_rows`.
pub const MAX_BUDGET_ROWS: usize = 10_000;

/// The most checks a rule file may hold. Code `perfrules::check::too_many_checks`.
pub const MAX_CHECKS: usize = 1_000;

/// The most findings the checks of a rule file raise on one report. Beyond it they are
/// counted, not kept, and an error finding says how many more there were
/// (`perfrules::eval::too_many_findings`): 1,000 checks over 10,000 rows could otherwise
/// raise ten million findings and exhaust memory. Findings never change a score.
pub const MAX_FINDINGS: usize = 10_000;

/// The longest target or actual (a value the value grammar reads), in characters, in a
/// report or a rule file. Codes `perfrules::report::text_too_long`,
/// `perfrules::parse::bad_value`.
pub const MAX_VALUE_CHARS: usize = 1_000;

/// The longest other text of a report (a name, a reason, the unit), in characters.
/// Code `perfrules::report::text_too_long`.
pub const MAX_TEXT_CHARS: usize = 10_000;

/// Decimals are exact with at most 28 significant digits, below about 7.9 × 10²⁸ in
/// magnitude and with at most 28 places (rust_decimal's range). A number beyond them in a
/// report's figure is `perfrules::report::decimal_out_of_range`; in a rule file
/// `perfrules::parse::number_out_of_range` (`perfrules::parse::bad_value` in a target); in
/// a report's target or actual `perfrules::eval::unreadable_value`;
/// an operation whose result is beyond them is `perfrules::eval::arithmetic` (an
/// indicator), `perfrules::eval::check_incomplete` (a check) or `perfrules::eval::overflow`
/// (a total). Never rounded away silently.
pub const MAX_DECIMAL_DIGITS: u32 = 28;

/// Why a file was not read by [`read_file`].
#[derive(Debug)]
pub enum ReadError {
    /// Larger than the limit: its size in bytes, when known before reading.
    TooLarge(Option<u64>),
    Io(std::io::Error),
}

/// A file's text, if it holds at most `limit` bytes. A larger file is refused from its size
/// before it is read; a file whose size is not known in advance (a pipe) is read up to one
/// byte past the limit, never further.
pub fn read_file(path: &std::path::Path, limit: usize) -> Result<String, ReadError> {
    use std::io::Read;
    let file = std::fs::File::open(path).map_err(ReadError::Io)?;
    let size = file.metadata().map_err(ReadError::Io)?.len();
    if size > limit as u64 {
        return Err(ReadError::TooLarge(Some(size)));
    }
    let mut bytes = Vec::with_capacity(size as usize);
    file.take(limit as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() > limit {
        return Err(ReadError::TooLarge(None));
    }
    String::from_utf8(bytes)
        .map_err(|_| ReadError::Io(std::io::Error::from(std::io::ErrorKind::InvalidData)))
}
