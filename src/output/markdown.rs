//! The scorecard as Markdown, to paste into a memo: the identity of the policy and report,
//! one table of every indicator (section, points, score, lost, the explanation), the total
//! and grade, every lost point explained, then the findings.

use super::cells::{cells, places, Cells};
use super::human::message;
use crate::check::Policy;
use crate::decimal::Dec;
use crate::i18n::{self, Lang, Sheet, Ui};
use crate::scorecard::Scorecard;
use std::fmt::Write;

/// A table cell: no line breaks, `|` escaped.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace(['\n', '\r'], " ")
}

pub fn render(card: &Scorecard, policy: &Policy, lang: Lang) -> String {
    let (ui, words) = (Ui(lang), Sheet(lang));
    let places = places(policy);
    let figure = |d: Dec| d.to_string_places(places);
    let mut out = String::new();
    let _ = writeln!(out, "## {} · {}\n", card.policy.name, card.policy.file);
    let mut subject = vec![card.report.unit.to_string(), card.report.year.to_string()];
    subject.extend(card.report.kind.as_deref().map(str::to_string));
    subject.extend(card.report.project.as_deref().map(str::to_string));
    let _ = writeln!(out, "{}\n", subject.join(" · "));
    let _ = writeln!(
        out,
        "**{}**\n\n{}",
        ui.total_and_grade(&card.total.to_string(), &card.grade),
        ui.totals(
            &card.raw_total.to_string(),
            &card.max_points.to_string(),
            &card.full_marks.to_string(),
            card.rescaled
        )
    );
    let unscored = card.unscored();
    if unscored > 0 {
        let _ = writeln!(out, "\n**{}**", i18n::not_scored_note(unscored, lang));
    }
    out.push('\n');
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} | {} | {} |",
        words.section(),
        words.indicator(),
        words.points(),
        words.score(),
        words.lost(),
        words.explanation()
    );
    let _ = writeln!(out, "| --- | --- | ---: | ---: | ---: | --- |");
    // The scored budget execution row, for policies that score it: in no section.
    if let Some(s) = &card.execution {
        let Cells {
            points,
            score,
            lost,
        } = cells(s, places, ui);
        let _ = writeln!(
            out,
            "| | {} | {} | {} | {} | {} |",
            cell(&s.name),
            points,
            score,
            lost,
            cell(&i18n::working(s, lang, false).0)
        );
    }
    for section in &card.sections {
        let rows: Vec<_> = card
            .indicators
            .iter()
            .filter(|i| i.section.as_deref() == Some(section.name.as_ref()))
            .collect();
        if rows.is_empty() {
            continue;
        }
        for s in rows {
            let Cells {
                points,
                score,
                lost,
            } = cells(s, places, ui);
            let explanation = i18n::working(s, lang, false).0;
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} |",
                cell(&section.name),
                cell(&s.name),
                points,
                score,
                lost,
                cell(&explanation)
            );
        }
        let _ = writeln!(
            out,
            "| {} | **{}** | **{}** | **{}** | **{}** | |",
            cell(&section.name),
            ui.subtotal(),
            figure(section.points),
            figure(section.score),
            figure(section.lost)
        );
    }
    let lost: Vec<_> = card
        .execution
        .iter()
        .chain(&card.indicators)
        .filter(|s| s.lost.is_some_and(|l| !l.is_zero()))
        .collect();
    if !lost.is_empty() {
        let _ = writeln!(out, "\n### {}\n", ui.lost_heading(lost.len()));
        for s in lost {
            let (points, score, lost) = (
                s.points.unwrap_or(Dec::ZERO),
                s.score.unwrap_or(Dec::ZERO),
                s.lost.unwrap_or(Dec::ZERO),
            );
            let headline = ui.lost_message(
                &s.name,
                &lost.to_string(),
                &points.to_string(),
                &score.to_string(),
            );
            let shown = |v: Option<&str>| v.map_or("—".to_string(), str::to_string);
            let values = ui.target_actual(
                &shown(s.target.as_deref()),
                s.target_written.as_deref().filter(|_| s.target_differs),
                &shown(s.actual()),
                s.actual_derived,
                s.actual_written.as_deref().filter(|_| s.actual_derived),
            );
            let working = i18n::working(s, lang, false).0;
            let _ = writeln!(out, "- **{headline}** {values}. {working}");
        }
    }
    out.push('\n');
    if card.findings.is_empty() {
        let _ = writeln!(out, "{}", ui.no_findings());
        return out;
    }
    let count = |sev| card.findings.iter().filter(|f| f.severity == sev).count();
    use crate::syntax::ast::Severity;
    let _ = writeln!(
        out,
        "### {}\n",
        ui.findings_heading(
            card.findings.len(),
            count(Severity::Error),
            count(Severity::Warning),
            count(Severity::Info)
        )
    );
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} |\n| --- | --- | --- | --- |",
        words.severity(),
        words.subject(),
        words.message(),
        words.code()
    );
    for f in &card.findings {
        let subject = f
            .subject
            .indicator
            .as_ref()
            .or(f.subject.budget_row.as_ref())
            .or(f.subject.section.as_ref())
            .cloned()
            .unwrap_or_default();
        let place = f
            .rule
            .map(|span| format!(" · {}", policy.sources().location(span)))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "| {} | {} | {} | `{}`{} |",
            ui.severity(f.severity),
            cell(&subject),
            cell(&message(&f.message, policy, lang)),
            f.code,
            cell(&place)
        );
    }
    out
}
