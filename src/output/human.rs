//! The scorecard for a person: per section a table of indicator, points, score and points
//! lost; section subtotals; the total and grade; a diagnostic for each indicator that lost
//! points; then the findings.

use super::lost::lost_points;
use super::style::Style;
use super::table::{pad, width};
use crate::check::Policy;
use crate::decimal::Dec;
use crate::i18n::{self, Ui};
use crate::scorecard::{FindingMessage, Scorecard};
use crate::syntax::ast::Severity;
use owo_colors::OwoColorize;
use std::fmt::Write;

/// Renders a scorecard.
pub fn render(card: &Scorecard, policy: &Policy, style: &Style) -> String {
    let ui = Ui(style.lang);
    let places = policy.round_indicator.map_or(2, |r| r.places);
    let figure = |d: Dec| d.to_string_places(places);
    let paint = |text: String, f: fn(&str) -> String| if style.color { f(&text) } else { text };
    let mut out = String::new();

    let title = format!("{} · {}", card.policy.name, card.policy.file);
    let mut subject = vec![card.report.unit.clone(), card.report.year.to_string()];
    subject.extend(card.report.kind.clone());
    subject.extend(card.report.project.clone());
    let _ = writeln!(out, "{}", paint(title, |t| t.bold().to_string()));
    let _ = writeln!(out, "{}\n", subject.join(" · "));

    let name_width = card
        .indicators
        .iter()
        .map(|i| width(&i.name) + 2)
        .chain([width(&ui.indicator()), 24])
        .max()
        .unwrap_or(24);
    let num = 9;
    for (k, section) in card.sections.iter().enumerate() {
        let rows: Vec<_> = card
            .indicators
            .iter()
            .filter(|i| i.section == section.name)
            .collect();
        if rows.is_empty() {
            continue;
        }
        let _ = writeln!(
            out,
            "{}{}{}{}",
            paint(pad(&section.name, name_width, true), |t| t
                .bold()
                .to_string()),
            pad(&ui.points(), num, false),
            pad(&ui.score(), num, false),
            pad(&ui.lost(), num, false)
        );
        for row in rows {
            let (score, lost) = match (row.score, row.lost) {
                (Some(s), Some(l)) => (
                    figure(s),
                    if l.is_zero() {
                        String::new()
                    } else {
                        figure(l)
                    },
                ),
                _ => (ui.not_scored(), String::new()),
            };
            let points = row.points.map_or_else(|| "—".to_string(), figure);
            let lost_cell = pad(&lost, num, false);
            let lost_cell = if lost.is_empty() {
                lost_cell
            } else {
                paint(lost_cell, |t| t.red().to_string())
            };
            let _ = writeln!(
                out,
                "{}{}{}{}",
                pad(&format!("  {}", row.name), name_width, true),
                pad(&points, num, false),
                pad(&score, num, false),
                lost_cell
            );
        }
        let expected = section
            .expected_points
            .filter(|e| *e != section.points)
            .map(|e| ui.expected_points(&e.to_string()))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "{}{}{}{}{}",
            pad(&format!("  {}", ui.subtotal()), name_width, true),
            pad(&figure(section.points), num, false),
            pad(&figure(section.score), num, false),
            pad(
                &if section.lost.is_zero() {
                    String::new()
                } else {
                    figure(section.lost)
                },
                num,
                false
            ),
            expected
        );
        if k + 1 < card.sections.len() {
            out.push('\n');
        }
    }
    out.push('\n');
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
    let _ = writeln!(
        out,
        "{}\n",
        paint(
            ui.total_and_grade(&card.total.to_string(), &card.grade),
            |t| t.bold().to_string()
        )
    );

    let lost: Vec<_> = card
        .indicators
        .iter()
        .filter_map(|s| lost_points(s, policy, style.lang))
        .collect();
    if !lost.is_empty() {
        let _ = writeln!(
            out,
            "{}\n",
            paint(ui.lost_heading(lost.len()), |t| t.bold().to_string())
        );
        for diag in &lost {
            out.push_str(&diag.render(style));
            out.push('\n');
        }
    }
    out.push_str(&findings(card, policy, style));
    out
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
        let message = message(&f.message, style.lang);
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

/// A finding's words in the chosen language.
pub fn message(message: &FindingMessage, lang: i18n::Lang) -> String {
    match message {
        FindingMessage::Check { zh, en, .. } => match lang {
            i18n::Lang::Zh => zh.clone(),
            i18n::Lang::En => en.clone().unwrap_or_else(|| zh.clone()),
        },
        FindingMessage::Engine(e) => i18n::engine_finding(e, lang),
    }
}
