//! Reading the files a command names into a checked policy and a report, or diagnostics.

use crate::check::{self, Policy};
use crate::i18n::{Lang, Ui};
use crate::output::{diagnostic, Diag};
use crate::report::Report;
use miette::Severity;
use std::path::Path;

/// The diagnostic of a file that cannot be read.
pub fn read_error(path: &Path, e: &std::io::Error, lang: Lang) -> Box<Diag> {
    Box::new(Diag {
        code: "perfrules::io::read".to_string(),
        severity: Severity::Error,
        message: Ui(lang).cannot_read(&path.display().to_string(), &e.to_string()),
        help: None,
        labels: Vec::new(),
        source: None,
    })
}

/// Why a file was not read.
enum Unread {
    /// Larger than the limit: its size in bytes, when known before reading.
    TooLarge(Option<u64>),
    Io(Box<Diag>),
}

/// A file's text, if it holds at most `limit` bytes ([`crate::limits::read_file`]).
fn read_bounded(path: &Path, lang: Lang, limit: usize) -> Result<String, Unread> {
    crate::limits::read_file(path, limit).map_err(|e| match e {
        crate::limits::ReadError::TooLarge(size) => Unread::TooLarge(size),
        crate::limits::ReadError::Io(e) => Unread::Io(read_error(path, &e, lang)),
    })
}

/// A diagnostic without a source: the file was not read.
fn unread(code: &str, message: String, help: Option<String>) -> Diag {
    Diag {
        code: code.to_string(),
        severity: Severity::Error,
        message,
        help,
        labels: Vec::new(),
        source: None,
    }
}

/// Reads a JSON input (a report, a judgements file) within
/// [`crate::limits::MAX_REPORT_BYTES`].
pub fn read(path: &Path, lang: Lang) -> Result<String, Box<Diag>> {
    read_bounded(path, lang, crate::limits::MAX_REPORT_BYTES).map_err(|e| match e {
        Unread::Io(diag) => diag,
        Unread::TooLarge(size) => report_too_large(&path.display().to_string(), size, lang),
    })
}

/// The diagnostic of a report larger than [`crate::limits::MAX_REPORT_BYTES`], not read.
pub fn report_too_large(name: &str, size: Option<u64>, lang: Lang) -> Box<Diag> {
    let e = crate::report::ReportError::too_large(size);
    let (message, help) = crate::i18n::report_error(&e, lang);
    Box::new(unread(e.code(), format!("{name}: {message}"), help))
}

/// Reads a rule file within [`crate::limits::MAX_RULE_FILE_BYTES`].
pub fn read_rules(path: &Path, lang: Lang) -> Result<String, Box<Diag>> {
    let limit = crate::limits::MAX_RULE_FILE_BYTES;
    read_bounded(path, lang, limit).map_err(|e| match e {
        Unread::Io(diag) => diag,
        Unread::TooLarge(size) => {
            let e = crate::syntax::SyntaxError::FileTooLarge {
                span: crate::source::Span::new(crate::source::SourceId::default(), 0, 0),
                size,
                limit,
            };
            let message = crate::i18n::syntax_error(&e, lang);
            let message = format!("{}: {message}", path.display());
            let help = crate::i18n::syntax_help(&e, lang);
            Box::new(unread(e.code(), message, help))
        }
    })
}

/// Reads, parses and checks a rule file (and the files it extends); every problem as a
/// diagnostic.
pub fn policy(path: &Path, lang: Lang) -> Result<Policy, Vec<Diag>> {
    let loaded = rule_file(path, lang)?;
    let diags_sources = loaded.sources.clone();
    check::check_with(loaded.sources, loaded.main, &loaded.file, loaded.lints).map_err(|errors| {
        errors
            .iter()
            .map(|e| diagnostic::check(e, &diags_sources, lang))
            .collect()
    })
}

/// Reads and parses a rule file and the files it extends, merged.
pub fn rule_file(path: &Path, lang: Lang) -> Result<crate::extends::Loaded, Vec<Diag>> {
    let text = read_rules(path, lang).map_err(|d| vec![*d])?;
    crate::extends::load_text(&path.display().to_string(), &text).map_err(|failed| {
        failed
            .errors
            .iter()
            .map(|e| diagnostic::load(e, &failed.sources, lang))
            .collect()
    })
}

/// Reads a report.
pub fn report(path: &Path, lang: Lang) -> Result<Report, Box<Diag>> {
    let text = read(path, lang)?;
    Report::from_json(&text).map_err(|e| {
        Box::new(diagnostic::report(
            &e,
            &path.display().to_string(),
            &text,
            lang,
        ))
    })
}

/// Reads an auditor's judgements file: its judgements and its text (for diagnostics).
pub fn judgements(
    path: &Path,
    lang: Lang,
) -> Result<(crate::judgement::Judgements, String), Box<Diag>> {
    let text = read(path, lang)?;
    match crate::judgement::Judgements::from_json(&text) {
        Ok(judgements) => Ok((judgements, text)),
        Err(e) => Err(Box::new(diagnostic::report(
            &e,
            &path.display().to_string(),
            &text,
            lang,
        ))),
    }
}
