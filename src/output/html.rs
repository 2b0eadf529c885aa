//! The scorecard as one self-contained web page: no script, font, image or style sheet
//! from anywhere else — the styles are in the page. It shows the policy and report, the
//! total and grade, a bar per section (一级指标) of points kept and lost, every indicator
//! with its explanation, the lost points explained and the findings. It prints on A4:
//! page margins set, table rows kept whole, the header row repeated, bars printed in
//! colour.

use super::cells::{cells, places, Cells};
use super::human::message;
use crate::check::Policy;
use crate::decimal::{Dec, RoundMode};
use crate::i18n::{self, Lang, Sheet, Ui};
use crate::scorecard::{IndicatorScore, Scorecard, SectionScore};
use crate::syntax::ast::Severity;
use std::fmt::Write;

const STYLE: &str = r#"
@page { size: A4; margin: 14mm 12mm; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "SimSun", sans-serif;
       font-size: 10.5pt; color: #1a1a1a; margin: 0 auto; max-width: 190mm; padding: 8mm 0; line-height: 1.45; }
h1 { font-size: 16pt; margin: 0 0 2mm; }
h2 { font-size: 12.5pt; margin: 7mm 0 2mm; border-bottom: 1px solid #999; padding-bottom: 1mm; }
.subject { color: #444; margin-bottom: 4mm; }
.total { font-size: 14pt; font-weight: bold; }
.unscored { color: #b00020; font-weight: bold; }
.bars { margin: 2mm 0; }
.bar-row { display: flex; align-items: center; gap: 3mm; margin: 1.5mm 0; break-inside: avoid; }
.bar-label { width: 70mm; flex: none; }
.bar { flex: 1; height: 5mm; background: #eee; display: flex; border: 1px solid #bbb; }
.kept { background: #2e7d32; height: 100%; }
.lostbar { background: #c62828; height: 100%; }
.bar, .kept, .lostbar { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
table { border-collapse: collapse; width: 100%; font-size: 9pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 1px solid #aaa; padding: 1mm 1.5mm; vertical-align: top; text-align: left; }
th { background: #e3e8f2; }
td.num { text-align: right; white-space: nowrap; }
tr.subtotal td { font-weight: bold; background: #f4f4f4; }
.lost { color: #b00020; }
ul.lost-list li { margin-bottom: 1.5mm; break-inside: avoid; }
.sev-error { color: #b00020; font-weight: bold; }
.sev-warning { color: #a65e00; font-weight: bold; }
footer { margin-top: 6mm; color: #777; font-size: 8pt; }
"#;

/// Escapes text for HTML.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// `part ÷ whole × 100`, to one place, for a bar's width; 0 when whole is 0.
fn percent(part: Dec, whole: Dec) -> String {
    part.checked_mul(Dec::HUNDRED)
        .and_then(|x| x.checked_div(whole))
        .map(|x| {
            x.clamp_to(Dec::ZERO, Dec::HUNDRED)
                .round(1, RoundMode::HalfUp)
        })
        .map_or_else(|_| "0".to_string(), |x| x.to_string())
}

pub fn render(card: &Scorecard, policy: &Policy, lang: Lang) -> String {
    let (ui, words) = (Ui(lang), Sheet(lang));
    let places = places(policy);
    let figure = |d: Dec| d.to_string_places(places);
    let mut subject = vec![card.report.unit.to_string(), card.report.year.to_string()];
    subject.extend(card.report.kind.as_deref().map(str::to_string));
    subject.extend(card.report.project.as_deref().map(str::to_string));
    let html_lang = match lang {
        Lang::Zh => "zh-CN",
        Lang::En => "en",
    };
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{html_lang}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        esc(&format!("{} — {}", words.scorecard_title(), card.report.unit))
    );
    let _ = writeln!(out, "<h1>{}</h1>", esc(&words.scorecard_title()));
    let _ = writeln!(
        out,
        "<div class=\"subject\">{}<br>{} · {}</div>",
        esc(&subject.join(" · ")),
        esc(&card.policy.name),
        esc(&card.policy.file)
    );
    let _ = writeln!(
        out,
        "<div class=\"total\" id=\"total\">{}</div>\n<div>{}</div>",
        esc(&ui.total_and_grade(&card.total.to_string(), &card.grade)),
        esc(&ui.totals(
            &card.raw_total.to_string(),
            &card.max_points.to_string(),
            &card.full_marks.to_string(),
            card.rescaled
        ))
    );
    let unscored = card.unscored();
    if unscored > 0 {
        let _ = writeln!(
            out,
            "<p class=\"unscored\">{}</p>",
            esc(&i18n::not_scored_note(unscored, lang))
        );
    }

    let _ = writeln!(
        out,
        "<h2>{}</h2>\n<div class=\"bars\">",
        esc(&words.bars_heading())
    );
    // The execution row's bar first, when the policy scores it.
    let execution = card.execution.iter().filter_map(|s| {
        Some(SectionScore {
            name: s.name.clone(),
            indicators: 1,
            points: s.points?,
            score: s.score?,
            lost: s.lost?,
            expected_points: None,
        })
    });
    let bars: Vec<SectionScore> = execution.chain(card.sections.iter().cloned()).collect();
    for section in &bars {
        if section.points.is_zero() {
            let _ = writeln!(
                out,
                "<div class=\"bar-row\"><div class=\"bar-label\">{}</div><div class=\"bar\"></div></div>",
                esc(&words.section_unscored(&section.name))
            );
            continue;
        }
        let label = words.section_bar(
            &section.name,
            &figure(section.score),
            &figure(section.lost),
            &figure(section.points),
        );
        let _ = writeln!(
            out,
            "<div class=\"bar-row\"><div class=\"bar-label\">{}</div><div class=\"bar\" title=\"{}\"><div class=\"kept\" style=\"width:{}%\"></div><div class=\"lostbar\" style=\"width:{}%\"></div></div></div>",
            esc(&label),
            esc(&label),
            percent(section.score, section.points),
            percent(section.lost, section.points)
        );
    }
    out.push_str("</div>\n");

    let _ = writeln!(
        out,
        "<h2>{}</h2>\n<table id=\"indicators\">\n<thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>",
        esc(&words.indicators_heading()),
        esc(&words.indicator()),
        esc(&words.target()),
        esc(&words.actual()),
        esc(&words.self_score()),
        esc(&words.points()),
        esc(&words.score()),
        esc(&words.lost()),
        esc(&words.explanation())
    );
    // The scored budget execution row, for policies that score it, comes first.
    let execution = card.execution.iter().map(|s| (None, vec![s]));
    let sections = card.sections.iter().map(|section| {
        let rows: Vec<&IndicatorScore> = card
            .indicators
            .iter()
            .filter(|i| i.section.as_deref() == Some(section.name.as_ref()))
            .collect();
        (Some(section), rows)
    });
    let groups: Vec<(Option<&SectionScore>, Vec<&IndicatorScore>)> =
        execution.chain(sections).collect();
    for (section, rows) in groups {
        if rows.is_empty() {
            continue;
        }
        for s in rows {
            let Cells {
                points,
                score,
                lost,
            } = cells(s, places, ui);
            let _ = writeln!(
                out,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num lost\">{}</td><td>{}</td></tr>",
                esc(&s.name),
                esc(s.target_written.as_deref().or(s.target.as_deref()).unwrap_or("")),
                esc(s.actual_written.as_deref().or(s.actual()).unwrap_or("")),
                s.self_score.map(|d| d.to_string()).unwrap_or_default(),
                points,
                esc(&score),
                lost,
                esc(&i18n::working(s, lang, false).0)
            );
        }
        let Some(section) = section else { continue };
        let _ = writeln!(
            out,
            "<tr class=\"subtotal\"><td>{} {}</td><td></td><td></td><td></td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num lost\">{}</td><td></td></tr>",
            esc(&section.name),
            esc(&ui.subtotal()),
            figure(section.points),
            figure(section.score),
            figure(section.lost)
        );
    }
    out.push_str("</tbody>\n</table>\n");

    let lost: Vec<_> = card
        .execution
        .iter()
        .chain(&card.indicators)
        .filter(|s| s.lost.is_some_and(|l| !l.is_zero()))
        .collect();
    if !lost.is_empty() {
        let _ = writeln!(
            out,
            "<h2>{}</h2>\n<ul class=\"lost-list\">",
            esc(&ui.lost_heading(lost.len()))
        );
        for s in lost {
            let headline = ui.lost_message(
                &s.name,
                &s.lost.unwrap_or(Dec::ZERO).to_string(),
                &s.points.unwrap_or(Dec::ZERO).to_string(),
                &s.score.unwrap_or(Dec::ZERO).to_string(),
            );
            let _ = writeln!(
                out,
                "<li><strong>{}</strong><br>{}</li>",
                esc(&headline),
                esc(&i18n::working(s, lang, false).0)
            );
        }
        out.push_str("</ul>\n");
    }

    let count = |sev| card.findings.iter().filter(|f| f.severity == sev).count();
    if card.findings.is_empty() {
        let _ = writeln!(out, "<h2>{}</h2>", esc(&ui.no_findings()));
    } else {
        let _ = writeln!(
            out,
            "<h2>{}</h2>\n<table id=\"findings\">\n<thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>",
            esc(&ui.findings_heading(
                card.findings.len(),
                count(Severity::Error),
                count(Severity::Warning),
                count(Severity::Info)
            )),
            esc(&words.severity()),
            esc(&words.subject()),
            esc(&words.message()),
            esc(&words.code())
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
            let class = match f.severity {
                Severity::Error => "sev-error",
                Severity::Warning => "sev-warning",
                Severity::Info => "sev-info",
            };
            let place = f
                .rule
                .map(|span| format!(" · {}", policy.sources().location(span)))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "<tr><td class=\"{class}\">{}</td><td>{}</td><td>{}</td><td><code>{}</code>{}</td></tr>",
                esc(&ui.severity(f.severity)),
                esc(&subject),
                esc(&message(&f.message, policy, lang)),
                esc(&f.code),
                esc(&place)
            );
        }
        out.push_str("</tbody>\n</table>\n");
    }
    let _ = writeln!(
        out,
        "<footer>{}</footer>\n</body>\n</html>",
        esc(&words.generated(env!("CARGO_PKG_VERSION")))
    );
    out
}
