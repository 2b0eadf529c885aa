//! The scorecard for a person: per section a table of indicator, points, score and points
//! lost; section subtotals; the total and grade; a diagnostic for each indicator that lost
//! points; then the findings.

use super::cells::{cells, places, Cells};
use super::lost::lost_points;
use super::style::Style;
use super::table::{pad, width};
use crate::check::policy::MessagePiece;
use crate::check::Policy;
use crate::decimal::Dec;
use crate::i18n::{self, Ui};
use crate::scorecard::{FindingMessage, IndicatorScore, Scorecard, SectionScore};
use crate::syntax::ast::Severity;
use owo_colors::OwoColorize;
use std::fmt::Write;

/// Renders a scorecard.
pub fn render(card: &Scorecard, policy: &Policy, style: &Style) -> String {
    let mut out = String::new();
    let table = Table::new(card, policy, style);
    header(&mut out, card, style);
    // One table for the execution item, one per section with indicators; a blank line after each.
    if let Some(execution) = &card.execution {
        table.heading(&mut out, &Ui(style.lang).execution());
        table.row(&mut out, execution);
        out.push('\n');
    }
    for section in card.sections.iter().filter(|s| s.indicators > 0) {
        table.heading(&mut out, &section.name);
        for row in card
            .indicators
            .iter()
            .filter(|i| i.section.as_deref() == Some(section.name.as_ref()))
        {
            table.row(&mut out, row);
        }
        table.subtotal(&mut out, section);
        out.push('\n');
    }
    totals(&mut out, card, style);
    lost(&mut out, card, policy, style);
    out.push_str(&findings(card, policy, style));
    out
}

fn paint(style: &Style, text: String, f: fn(&str) -> String) -> String {
    if style.color {
        f(&text)
    } else {
        text
    }
}

/// The policy, the rule file and the report scored.
fn header(out: &mut String, card: &Scorecard, style: &Style) {
    let title = format!("{} · {}", card.policy.name, card.policy.file);
    let mut subject = vec![card.report.unit.to_string(), card.report.year.to_string()];
    subject.extend(card.report.kind.as_deref().map(str::to_string));
    subject.extend(card.report.project.as_deref().map(str::to_string));
    let _ = writeln!(out, "{}", paint(style, title, |t| t.bold().to_string()));
    let _ = writeln!(out, "{}\n", subject.join(" · "));
}

/// Columns of indicator, points, score and points lost, aligned by display width.
struct Table<'s> {
    style: &'s Style,
    ui: Ui,
    places: u32,
    name_width: usize,
}

const FIGURE_WIDTH: usize = 9;

impl<'s> Table<'s> {
    fn new(card: &Scorecard, policy: &Policy, style: &'s Style) -> Table<'s> {
        let ui = Ui(style.lang);
        let names = card
            .indicators
            .iter()
            .chain(&card.execution)
            .map(|i| width(&i.name) + 2);
        let name_width = names
            .chain([width(&ui.indicator()), 24])
            .max()
            .unwrap_or(24);
        let places = places(policy);
        Table {
            style,
            ui,
            places,
            name_width,
        }
    }

    fn figure(&self, d: Dec) -> String {
        d.to_string_places(self.places)
    }

    fn line(&self, out: &mut String, name: String, cells: [String; 3], tail: &str) {
        let [points, score, lost] = cells;
        let lost_cell = pad(&lost, FIGURE_WIDTH, false);
        let lost_cell = if lost.is_empty() {
            lost_cell
        } else {
            paint(self.style, lost_cell, |t| t.red().to_string())
        };
        let _ = writeln!(
            out,
            "{}{}{}{}{}",
            pad(&name, self.name_width, true),
            pad(&points, FIGURE_WIDTH, false),
            pad(&score, FIGURE_WIDTH, false),
            lost_cell,
            tail
        );
    }

    fn heading(&self, out: &mut String, title: &str) {
        let ui = self.ui;
        let _ = writeln!(
            out,
            "{}{}{}{}",
            paint(self.style, pad(title, self.name_width, true), |t| t
                .bold()
                .to_string()),
            pad(&ui.points(), FIGURE_WIDTH, false),
            pad(&ui.score(), FIGURE_WIDTH, false),
            pad(&ui.lost(), FIGURE_WIDTH, false)
        );
    }

    fn row(&self, out: &mut String, row: &IndicatorScore) {
        let Cells {
            points,
            score,
            lost,
        } = cells(row, self.places, self.ui);
        self.line(out, format!("  {}", row.name), [points, score, lost], "");
    }

    fn subtotal(&self, out: &mut String, section: &SectionScore) {
        let expected = section
            .expected_points
            .filter(|e| *e != section.points)
            .map(|e| self.ui.expected_points(&e.to_string()))
            .unwrap_or_default();
        let lost = if section.lost.is_zero() {
            String::new()
        } else {
            self.figure(section.lost)
        };
        let cells = [
            self.figure(section.points),
            self.figure(section.score),
            lost,
        ];
        self.line(out, format!("  {}", self.ui.subtotal()), cells, &expected);
    }
}

/// The raw score, the total and the grade.
fn totals(out: &mut String, card: &Scorecard, style: &Style) {
    let ui = Ui(style.lang);
    let _ = writeln!(
        out,
        "{}",
        ui.totals(
            &card.raw_total.to_string(),
            &card.max_points.to_string(),
            &card.full_marks.to_string(),
            card.rescaled
        )
    );
    let total = ui.total_and_grade(&card.total.to_string(), &card.grade);
    let _ = writeln!(out, "{}", paint(style, total, |t| t.bold().to_string()));
    let unscored = card.unscored();
    if unscored > 0 {
        let note = i18n::not_scored_note(unscored, style.lang);
        let _ = writeln!(
            out,
            "{}",
            paint(style, note, |t| t.red().bold().to_string())
        );
    }
    out.push('\n');
}

/// One diagnostic per indicator (and the execution item) that lost points.
fn lost(out: &mut String, card: &Scorecard, policy: &Policy, style: &Style) {
    let lost: Vec<_> = card
        .execution
        .iter()
        .chain(&card.indicators)
        .filter_map(|s| lost_points(s, policy, style.lang))
        .collect();
    if lost.is_empty() {
        return;
    }
    let heading = Ui(style.lang).lost_heading(lost.len());
    let _ = writeln!(out, "{}\n", paint(style, heading, |t| t.bold().to_string()));
    for diag in &lost {
        out.push_str(&diag.render(style));
        out.push('\n');
    }
}

/// The findings, one per line: severity, subject, message, code and the rule's place.
pub fn findings(card: &Scorecard, policy: &Policy, style: &Style) -> String {
    let ui = Ui(style.lang);
    let count = |s: Severity| card.findings.iter().filter(|f| f.severity == s).count();
    let mut out = String::new();
    if card.findings.is_empty() {
        let _ = writeln!(out, "{}", ui.no_findings());
        return out;
    }
    let heading = ui.findings_heading(
        card.findings.len(),
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Info),
    );
    let _ = writeln!(
        out,
        "{}\n",
        if style.color {
            heading.bold().to_string()
        } else {
            heading
        }
    );
    for f in &card.findings {
        let severity = ui.severity(f.severity);
        let severity = if style.color {
            match f.severity {
                Severity::Error => severity.red().bold().to_string(),
                Severity::Warning => severity.yellow().bold().to_string(),
                Severity::Info => severity.cyan().to_string(),
            }
        } else {
            severity
        };
        let subject = f
            .subject
            .indicator
            .as_ref()
            .or(f.subject.budget_row.as_ref())
            .or(f.subject.section.as_ref());
        let subject = subject
            .map(|s| crate::t!(style.lang, "{s}：", "{s}: "))
            .unwrap_or_default();
        let message = message(&f.message, policy, style.lang);
        let place = f
            .rule
            .map(|span| policy.sources().location(span))
            .unwrap_or_default();
        let tail = if place.is_empty() {
            format!("[{}]", f.code)
        } else {
            format!("[{} · {}]", f.code, place)
        };
        let tail = if style.color {
            tail.dimmed().to_string()
        } else {
            tail
        };
        let _ = writeln!(out, "  {severity} {subject}{message}  {tail}");
    }
    out
}

/// A finding's words in the chosen language: a check's message (its English one when there
/// is one and English is asked for) with the figures it kept filled in, or the catalog's words
/// for an engine finding.
pub fn message(message: &FindingMessage, policy: &Policy, lang: i18n::Lang) -> String {
    match message {
        FindingMessage::Check { check, figures } => {
            let Some(check) = policy.checks.get(*check) else {
                return String::new();
            };
            let pieces = match (lang, &check.message_en) {
                (i18n::Lang::En, Some(en)) => en,
                _ => &check.message,
            };
            let mut out = String::new();
            for piece in pieces {
                match piece {
                    MessagePiece::Text(t) => out.push_str(t),
                    MessagePiece::Figure(i) => {
                        if let Some(figure) = figures.get(*i) {
                            let _ = write!(out, "{figure}");
                        }
                    }
                }
            }
            out
        }
        FindingMessage::Engine(e) => i18n::engine_finding(e, lang),
    }
}
