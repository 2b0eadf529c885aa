//! Reading the files a command names into a checked policy and a report, or diagnostics.

use crate::check::{self, Policy};
use crate::i18n::{Lang, Ui};
use crate::output::{diagnostic, Diag};
use crate::report::Report;
use miette::Severity;
use std::path::Path;

/// A file's text, or a diagnostic saying why it cannot be read.
pub fn read(path: &Path, lang: Lang) -> Result<String, Box<Diag>> {
    std::fs::read_to_string(path).map_err(|e| read_error(path, &e, lang))
}

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
    let text = read(path, lang).map_err(|d| vec![*d])?;
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
