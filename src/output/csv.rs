//! `--format csv`: the batch as a spreadsheet, one row per report (or, with
//! `--per indicator`, one row per indicator), in input order so that rows are written as
//! reports are scored and memory stays flat (sort in the spreadsheet).
//!
//! Written for Excel as well as for programs (RFC 4180):
//! - UTF-8 with a byte order mark: without it Excel reads a CSV in the system's code page
//!   and Chinese text comes out garbled; with it Excel, LibreOffice and Python's
//!   `encoding="utf-8-sig"` read it right.
//! - CRLF line ends; a field holding a comma, a quote, a CR or LF is quoted, quotes doubled.
//! - text that Excel would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or a CR,
//!   such as the target `=100%`) is written with a leading `'`, the usual guard against CSV
//!   formula injection; Excel then shows it as text. Figures are plain decimals and are
//!   never guarded (`-0.5` stays a number).
//! - decimals exactly as scored, as the JSON result writes them (`96.72`, `30`), never
//!   through binary floating point.

use crate::decimal::Dec;
use crate::i18n::{self, Lang, Ui};
use crate::scorecard::{IndicatorScore, Scorecard};
use crate::syntax::ast::Severity;

/// The byte order mark that opens the file.
pub const BOM: &str = "\u{feff}";

/// A row of fields, written as they are added.
struct Row(String);

impl Row {
    fn new() -> Row {
        Row(String::new())
    }

    fn sep(&mut self) {
        if !self.0.is_empty() {
            self.0.push(',');
        }
    }

    /// A text field: guarded against formulas, quoted when needed. An empty field for none.
    fn text(&mut self, text: Option<&str>) -> &mut Row {
        self.sep();
        let Some(text) = text else {
            return self;
        };
        let guard = text.starts_with(['=', '+', '-', '@', '\t', '\r']);
        let quote = guard || text.contains([',', '"', '\r', '\n']);
        if quote {
            self.0.push('"');
        }
        if guard {
            self.0.push('\'');
        }
        for c in text.chars() {
            if c == '"' {
                self.0.push('"');
            }
            self.0.push(c);
        }
        if quote {
            self.0.push('"');
        }
        self
    }

    /// A figure: digits, a point and a sign only, so never quoted or guarded.
    fn number(&mut self, d: Option<Dec>) -> &mut Row {
        self.sep();
        if let Some(d) = d {
            self.0.push_str(&d.to_string());
        }
        self
    }

    fn count(&mut self, n: usize) -> &mut Row {
        self.sep();
        self.0.push_str(&n.to_string());
        self
    }

    fn end(&mut self) -> String {
        self.0.push_str("\r\n");
        std::mem::take(&mut self.0)
    }
}

fn header(columns: &[String]) -> String {
    let mut row = Row::new();
    for c in columns {
        row.text(Some(c));
    }
    row.end()
}

/// The first line of `--format csv` (after the [`BOM`]).
pub fn report_header(lang: Lang) -> String {
    header(&i18n::csv_report_columns(lang))
}

/// The first line of `--format csv --per indicator` (after the [`BOM`]).
pub fn indicator_header(lang: Lang) -> String {
    header(&i18n::csv_indicator_columns(lang))
}

fn count(card: &Scorecard, severity: Severity) -> usize {
    card.findings
        .iter()
        .filter(|f| f.severity == severity)
        .count()
}

/// One scored report.
pub fn report_row(source: &str, card: &Scorecard, lang: Lang) -> String {
    let difference = card.self_total.and_then(|s| s.checked_sub(card.total).ok());
    Row::new()
        .text(Some(source))
        .text(Some(&Ui(lang).status_scored()))
        .text(Some(&card.report.unit))
        .count(usize::try_from(card.report.year).unwrap_or(0))
        .text(card.report.project.as_deref())
        .number(Some(card.total))
        .text(Some(&card.grade))
        .number(card.self_total)
        .number(difference)
        .count(count(card, Severity::Error))
        .count(count(card, Severity::Warning))
        .count(count(card, Severity::Info))
        .text(None)
        .end()
}

/// A report that could not be scored: its source, the status and the problem.
pub fn report_failure(source: &str, problem: &str, lang: Lang) -> String {
    let mut row = Row::new();
    row.text(Some(source)).text(Some(&Ui(lang).status_failed()));
    for _ in 0..10 {
        row.text(None);
    }
    row.text(Some(problem)).end()
}

/// Every indicator of a scored report (the execution item first, when the policy scores it).
pub fn indicator_rows(source: &str, card: &Scorecard, lang: Lang) -> String {
    let ui = Ui(lang);
    let mut out = String::new();
    let execution = ui.execution();
    let rows = card
        .execution
        .iter()
        .map(|s| (s, Some(execution.as_str())))
        .chain(card.indicators.iter().map(|s| (s, s.section.as_deref())));
    for (s, section) in rows {
        out.push_str(&indicator_row(source, card, s, section, lang));
    }
    out
}

fn indicator_row(
    source: &str,
    card: &Scorecard,
    s: &IndicatorScore,
    section: Option<&str>,
    lang: Lang,
) -> String {
    let difference = s
        .self_score
        .zip(s.score)
        .and_then(|(own, score)| own.checked_sub(score).ok());
    let method = s.method.map(|m| i18n::method_name(m, lang));
    Row::new()
        .text(Some(source))
        .text(Some(&Ui(lang).status_scored()))
        .text(Some(&card.report.unit))
        .text(card.report.project.as_deref())
        .text(section)
        .text(s.group.as_deref())
        .text(Some(&s.name))
        .number(s.points)
        .number(s.score)
        .number(s.lost)
        .number(s.self_score)
        .number(difference)
        .text(s.target.as_deref())
        .text(s.actual())
        .text(method.as_deref())
        .text(None)
        .end()
}

/// A report that could not be scored, in the per-indicator table.
pub fn indicator_failure(source: &str, problem: &str, lang: Lang) -> String {
    let mut row = Row::new();
    row.text(Some(source)).text(Some(&Ui(lang).status_failed()));
    for _ in 0..13 {
        row.text(None);
    }
    row.text(Some(problem)).end()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(text: &str) -> String {
        let mut row = Row::new();
        row.text(Some(text));
        row.0
    }

    #[test]
    fn fields_are_quoted_only_when_needed_and_quotes_are_doubled() {
        assert_eq!(field("上海市闵行区"), "上海市闵行区");
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("说\"好\""), "\"说\"\"好\"\"\"");
        assert_eq!(field("两行\n文字"), "\"两行\n文字\"");
    }

    #[test]
    fn text_excel_would_run_as_a_formula_is_guarded() {
        assert_eq!(field("=100%"), "\"'=100%\"");
        assert_eq!(field("-"), "\"'-\"");
        assert_eq!(field("@SUM(A1)"), "\"'@SUM(A1)\"");
        assert_eq!(field(">=14次"), ">=14次");
    }

    #[test]
    fn figures_are_plain_and_keep_their_places() {
        let mut row = Row::new();
        row.number(Dec::parse_plain("-0.50").ok())
            .number(None)
            .count(3);
        assert_eq!(row.end(), "-0.5,,3\r\n");
    }
}
