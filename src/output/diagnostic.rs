//! One diagnostic type for every phase: what the syntax reader, the checker and the report
//! reader refuse, and every lost point. Errors stay data in their phases; this is where
//! they meet the catalog's words and miette's rendering.

use super::style::Style;
use crate::check::CheckError;
use crate::i18n::{self, Lang};
use crate::report::ReportError;
use crate::source::{Sources, Span};
use crate::syntax::SyntaxError;
use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError,
    MietteSpanContents, Severity, SourceCode,
};
use std::fmt;
use std::sync::Arc;

/// A rendered-ready diagnostic: a code, one line of message, labels over one source, help.
#[derive(Debug)]
pub struct Diag {
    pub code: String,
    pub severity: Severity,
    pub message: String,
    pub help: Option<String>,
    pub labels: Vec<LabeledSpan>,
    pub source: Option<CharColumns>,
}

impl fmt::Display for Diag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Diag {}

/// A named source whose columns count characters, as an editor does, not bytes as miette
/// does: `rules/2021.pr:25:18`, the same place [`Sources::location`] names in findings.
#[derive(Debug)]
pub struct CharColumns {
    pub name: String,
    pub text: Arc<str>,
}

impl CharColumns {
    pub fn name(&self) -> &str {
        &self.name
    }
}

/// The longest line shown whole, in bytes. A longer one (a minified report, a generated
/// rule file) is shown as a window around the label: the diagnostic stays readable, and
/// miette never meets a column too wide to format.
const MAX_SHOWN_LINE: usize = 240;

impl SourceCode for CharColumns {
    fn read_span<'a>(
        &'a self,
        span: &miette::SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn miette::SpanContents<'a> + 'a>, MietteError> {
        let inner = self
            .text
            .read_span(span, context_lines_before, context_lines_after)?;
        let long_line = std::str::from_utf8(inner.data())
            .map_or(true, |data| data.lines().any(|l| l.len() > MAX_SHOWN_LINE));
        if long_line {
            return Ok(Box::new(self.window(span)));
        }
        let column = if context_lines_before == 0 {
            self.column_of(span.offset())
        } else {
            inner.column()
        };
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            inner.data(),
            *inner.span(),
            inner.line(),
            column,
            inner.line_count(),
        )))
    }
}

impl CharColumns {
    /// Characters from the start of the line to `offset`.
    fn column_of(&self, offset: usize) -> usize {
        let before = self.text.get(..offset).unwrap_or("");
        before
            .rsplit('\n')
            .next()
            .map_or(0, |line| line.chars().count())
    }

    /// At most [`MAX_SHOWN_LINE`] bytes of the span's line, from a little before the span.
    fn window(&self, span: &miette::SourceSpan) -> MietteSpanContents<'_> {
        let text: &str = &self.text;
        let mut offset = span.offset().min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
        let mut start = offset.saturating_sub(MAX_SHOWN_LINE / 4).max(line_start);
        while !text.is_char_boundary(start) {
            start += 1;
        }
        let mut end = (start + MAX_SHOWN_LINE).min(line_end).max(offset);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let line = text[..start].matches('\n').count();
        MietteSpanContents::new_named(
            self.name.clone(),
            &text.as_bytes()[start..end],
            (start, end - start).into(),
            line,
            self.column_of(start),
            1,
        )
    }
}

impl Diagnostic for Diag {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(&self.code))
    }
    fn severity(&self) -> Option<Severity> {
        Some(self.severity)
    }
    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }
    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.source.as_ref().map(|s| s as &dyn SourceCode)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        if self.labels.is_empty() {
            None
        } else {
            Some(Box::new(self.labels.iter().cloned()))
        }
    }
}

impl Diag {
    /// A diagnostic over the source a span points into; labels in other sources are dropped.
    pub fn over(
        sources: &Sources,
        primary: Span,
        code: &str,
        severity: Severity,
        message: String,
    ) -> Diag {
        let source = sources.get(primary.source).map(|f| CharColumns {
            name: f.name.clone(),
            text: f.text.clone(),
        });
        Diag {
            code: code.to_string(),
            severity,
            message,
            help: None,
            labels: Vec::new(),
            source,
        }
    }

    pub fn label(mut self, sources: &Sources, span: Span, text: String, primary: bool) -> Diag {
        let same_source = self
            .source
            .as_ref()
            .is_some_and(|s| sources.get(span.source).is_some_and(|f| f.name == s.name()));
        if same_source {
            let label = if primary {
                LabeledSpan::new_primary_with_span(Some(text), span)
            } else {
                LabeledSpan::new_with_span(Some(text), span)
            };
            self.labels.push(label);
        }
        self
    }

    pub fn help(mut self, help: Option<String>) -> Diag {
        self.help = help;
        self
    }

    /// Renders with miette: colour as the style says, fixed width.
    pub fn render(&self, style: &Style) -> String {
        let theme = if style.color {
            GraphicalTheme::unicode()
        } else {
            GraphicalTheme::unicode_nocolor()
        };
        let handler = GraphicalReportHandler::new_themed(theme)
            .with_width(style.width)
            .with_links(false);
        let mut out = String::new();
        if handler.render_report(&mut out, self).is_err() {
            out = format!("{}: {}\n", self.code, self.message);
        }
        out
    }
}

pub fn syntax(e: &SyntaxError, sources: &Sources, lang: Lang) -> Diag {
    Diag::over(
        sources,
        e.span(),
        e.code(),
        Severity::Error,
        i18n::syntax_error(e, lang),
    )
    .label(sources, e.span(), i18n::syntax_label(e, lang), true)
    .help(i18n::syntax_help(e, lang))
}

pub fn check(e: &CheckError, sources: &Sources, lang: Lang) -> Diag {
    let severity = match e.severity() {
        crate::syntax::ast::Severity::Error => Severity::Error,
        crate::syntax::ast::Severity::Warning => Severity::Warning,
        crate::syntax::ast::Severity::Info => Severity::Advice,
    };
    let mut diag = Diag::over(
        sources,
        e.span(),
        e.code(),
        severity,
        i18n::check_error(e, lang),
    )
    .label(sources, e.span(), i18n::check_label(e, lang), true);
    let mut help = i18n::check_help(e, lang);
    let second = match e {
        CheckError::Lint(lint) => lint
            .related
            .map(|span| (span, i18n::lint_related_label(lint, lang))),
        _ => e
            .first()
            .map(|span| (span, crate::t!(lang, "第一次在这里", "first here"))),
    };
    if let Some((span, text)) = second {
        if span.source == e.span().source {
            diag = diag.label(sources, span, text, false);
        } else {
            // in another file of the chain: say where
            let at = sources.location(span);
            let line = format!("{text}: {at}");
            help = Some(match help {
                Some(h) => format!("{h}\n{line}"),
                None => line,
            });
        }
    }
    diag.help(help)
}

/// A problem of reading a chain of rule files: a syntax error in any of them, or one of
/// `extends`, `override`, `remove`.
pub fn load(e: &crate::extends::LoadError, sources: &Sources, lang: Lang) -> Diag {
    match e {
        crate::extends::LoadError::Syntax(e) => syntax(e, sources, lang),
        crate::extends::LoadError::Extends(e) => Diag::over(
            sources,
            e.span(),
            e.code(),
            Severity::Error,
            i18n::extends_error(e, lang),
        )
        .label(sources, e.span(), i18n::extends_label(e, lang), true)
        .help(i18n::extends_help(e, lang)),
    }
}

/// A report that cannot be read, over the report's text.
pub fn report(e: &ReportError, name: &str, text: &str, lang: Lang) -> Diag {
    let (message, help) = i18n::report_error(e, lang);
    let mut sources = Sources::new();
    let id = sources.add(name, text);
    let (start, end) = token(text, e.offset);
    let span = Span::new(id, start, end);
    Diag::over(&sources, span, e.code(), Severity::Error, message)
        .label(&sources, span, crate::t!(lang, "这里", "here"), true)
        .help(help)
}

/// The JSON token an error offset falls on: serde reports the end of a string (its closing
/// quote) or a position inside a number; the label should cover the whole string or number.
fn token(text: &str, offset: usize) -> (usize, usize) {
    let bytes = text.as_bytes();
    let one_char = |at: usize| {
        text.get(at..)
            .and_then(|r| r.chars().next())
            .map_or(at, |c| at + c.len_utf8())
    };
    if bytes.get(offset) == Some(&b'"') {
        let mut start = offset;
        while start > 0 {
            start -= 1;
            if bytes[start] == b'"' && (start == 0 || bytes[start - 1] != b'\\') {
                return (start, offset + 1);
            }
        }
    }
    let is_number = |b: u8| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'+' | b'-');
    if bytes.get(offset).is_some_and(|b| is_number(*b))
        || (offset > 0 && bytes.get(offset - 1).is_some_and(|b| is_number(*b)))
    {
        let mut start = offset.min(bytes.len());
        while start > 0 && is_number(bytes[start - 1]) {
            start -= 1;
        }
        let mut end = offset.min(bytes.len());
        while end < bytes.len() && is_number(bytes[end]) {
            end += 1;
        }
        if end > start {
            return (start, end);
        }
    }
    (offset, one_char(offset))
}

/// A refused judgement, over the judgements file: at the judgement's indicator name.
pub fn judgement(
    e: &crate::eval::judge::JudgementError,
    name: &str,
    text: &str,
    lang: Lang,
) -> Diag {
    use crate::eval::judge::JudgementErrorKind::*;
    let code = match e.kind {
        OtherReport { .. } => "perfrules::judgement::other_report",
        Duplicate { .. } => "perfrules::judgement::duplicate",
        UnknownIndicator { .. } => "perfrules::judgement::unknown_indicator",
        NotBanded { .. } => "perfrules::judgement::not_banded",
        OutsideBand { .. } => "perfrules::judgement::outside_band",
    };
    let (message, help) = i18n::judgement_error(&e.kind, lang);
    let mut sources = Sources::new();
    let id = sources.add(name, text);
    let span = Span::new(id, e.span.0, e.span.1);
    Diag::over(&sources, span, code, Severity::Error, message)
        .label(&sources, span, crate::t!(lang, "这里", "here"), true)
        .help(help)
}
