//! Scorecards as a workbook an auditor hands back: sheet 1 the unit's indicator table —
//! the unit's own figures (target, actual, reason, self-score as written) beside the
//! points, the re-checked score, the points lost and the explanation; sheet 2 the
//! findings; sheet 3 the summary, one row per report. It takes a list of scorecards, so
//! one report or a batch is written the same way (with one, the summary has one row).
//!
//! Set up to print: A4 landscape, one page wide, the header row repeated on every page and
//! frozen on screen, column widths for Chinese text, long text wrapped.
//!
//! Figures: a spreadsheet stores numbers as binary doubles. A figure is written as a
//! number only when that double reads back as the same decimal (every 2-place score and
//! any budget figure of up to 15 significant digits does); otherwise it is written as
//! text, exactly. No figure is computed here.

use super::human::message;
use crate::check::Policy;
use crate::decimal::Dec;
use crate::i18n::{self, Lang, Sheet, Ui};
use crate::scorecard::Scorecard;
use crate::syntax::ast::Severity;
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};

/// A4 in the spreadsheet's numbering of paper sizes.
const A4: u8 = 9;

/// The workbook's bytes, or the writer's reason for failing.
pub fn render(cards: &[(&Scorecard, &Policy)], lang: Lang) -> Result<Vec<u8>, String> {
    build(cards, lang).map_err(|e| e.to_string())
}

struct Formats {
    header: Format,
    text: Format,
    number: Format,
    bold: Format,
    title: Format,
}

fn formats() -> Formats {
    let base = Format::new()
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_border(FormatBorder::Thin);
    Formats {
        header: base
            .clone()
            .set_bold()
            .set_background_color(0xD9E1F2)
            .set_align(FormatAlign::Center),
        number: base.clone().set_align(FormatAlign::Right),
        bold: base.clone().set_bold(),
        text: base,
        title: Format::new().set_bold().set_font_size(14),
    }
}

fn build(cards: &[(&Scorecard, &Policy)], lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let words = Sheet(lang);
    let f = formats();
    let mut workbook = Workbook::new();
    let ws = workbook.add_worksheet();
    ws.set_name(words.scorecard_sheet())?;
    indicators_sheet(ws, cards, lang, &f)?;
    let ws = workbook.add_worksheet();
    ws.set_name(words.findings_sheet())?;
    findings_sheet(ws, cards, lang, &f)?;
    let ws = workbook.add_worksheet();
    ws.set_name(words.summary_sheet())?;
    summary_sheet(ws, cards, lang, &f)?;
    workbook.save_to_buffer()
}

/// A4 landscape, one page wide, rows 0..=header repeated, frozen under the header.
fn print_setup(ws: &mut Worksheet, header_row: u32, widths: &[u16]) -> Result<(), XlsxError> {
    ws.set_paper_size(A4);
    ws.set_landscape();
    ws.set_print_fit_to_pages(1, 0);
    ws.set_repeat_rows(header_row, header_row)?;
    ws.set_freeze_panes(header_row + 1, 0)?;
    ws.set_print_gridlines(false);
    for (c, w) in widths.iter().enumerate() {
        ws.set_column_width(c as u16, f64::from(*w))?;
    }
    Ok(())
}

/// A figure: a number cell when its double reads back as the same decimal, else text.
fn figure(ws: &mut Worksheet, r: u32, c: u16, d: Option<Dec>, f: &Format) -> Result<(), XlsxError> {
    let Some(d) = d else {
        ws.write_blank(r, c, f)?;
        return Ok(());
    };
    let text = d.to_string();
    let exact = text
        .parse::<f64>()
        .ok()
        .filter(|x| Dec::parse_plain(&x.to_string()).is_ok_and(|back| back == d));
    match exact {
        Some(x) => ws.write_number_with_format(r, c, x, f)?,
        None => ws.write_string_with_format(r, c, &text, f)?,
    };
    Ok(())
}

fn text(ws: &mut Worksheet, r: u32, c: u16, s: &str, f: &Format) -> Result<(), XlsxError> {
    ws.write_string_with_format(r, c, s, f)?;
    Ok(())
}

fn identity(card: &Scorecard) -> String {
    let mut subject = vec![card.report.unit.to_string(), card.report.year.to_string()];
    subject.extend(card.report.kind.as_deref().map(str::to_string));
    subject.extend(card.report.project.as_deref().map(str::to_string));
    subject.join(" · ")
}

fn indicators_sheet(
    ws: &mut Worksheet,
    cards: &[(&Scorecard, &Policy)],
    lang: Lang,
    f: &Formats,
) -> Result<(), XlsxError> {
    let (ui, words) = (Ui(lang), Sheet(lang));
    let title = match cards {
        [(card, _)] => format!("{} — {}", words.scorecard_title(), identity(card)),
        _ => words.scorecard_title(),
    };
    ws.write_string_with_format(0, 0, &title, &f.title)?;
    let header = [
        words.unit(),
        words.section(),
        words.group(),
        words.indicator(),
        words.target(),
        words.actual(),
        words.reason(),
        words.self_score(),
        words.points(),
        words.score(),
        words.lost(),
        words.explanation(),
    ];
    let h = 2;
    for (c, name) in header.iter().enumerate() {
        text(ws, h, c as u16, name, &f.header)?;
    }
    print_setup(ws, h, &[16, 12, 14, 26, 14, 14, 24, 8, 7, 9, 7, 44])?;
    let mut r = h + 1;
    for (card, _) in cards {
        for s in card.execution.iter().chain(&card.indicators) {
            let explanation = i18n::working(s, lang, false).0;
            let cells = [
                &card.report.unit,
                s.section.as_deref().unwrap_or(""),
                s.group.as_deref().unwrap_or(""),
                &s.name,
                s.target_written
                    .as_deref()
                    .or(s.target.as_deref())
                    .unwrap_or(""),
                s.actual_written.as_deref().or(s.actual()).unwrap_or(""),
                s.reason.as_deref().unwrap_or(""),
            ];
            for (c, value) in cells.iter().enumerate() {
                text(ws, r, c as u16, value, &f.text)?;
            }
            figure(ws, r, 7, s.self_score, &f.number)?;
            figure(ws, r, 8, s.points, &f.number)?;
            match s.score {
                Some(_) => figure(ws, r, 9, s.score, &f.number)?,
                None => text(ws, r, 9, &ui.not_scored(), &f.bold)?,
            }
            figure(ws, r, 10, s.lost, &f.number)?;
            text(ws, r, 11, &explanation, &f.text)?;
            r += 1;
        }
        for section in &card.sections {
            text(ws, r, 0, &card.report.unit, &f.bold)?;
            text(ws, r, 1, &section.name, &f.bold)?;
            text(ws, r, 3, &ui.subtotal(), &f.bold)?;
            figure(ws, r, 8, Some(section.points), &f.number)?;
            figure(ws, r, 9, Some(section.score), &f.number)?;
            figure(ws, r, 10, Some(section.lost), &f.number)?;
            r += 1;
        }
        text(ws, r, 0, &card.report.unit, &f.bold)?;
        text(ws, r, 3, &words.total(), &f.bold)?;
        figure(ws, r, 8, Some(card.max_points), &f.number)?;
        figure(ws, r, 9, Some(card.total), &f.number)?;
        let totals = ui.totals(
            &card.raw_total.to_string(),
            &card.max_points.to_string(),
            &card.full_marks.to_string(),
            card.rescaled,
        );
        let unscored = card
            .indicators
            .iter()
            .filter(|i| i.points.is_none())
            .count();
        let mut line = format!(
            "{} · {totals}",
            ui.total_and_grade(&card.total.to_string(), &card.grade)
        );
        if unscored > 0 {
            line = format!("{line}\n{}", i18n::not_scored_note(unscored, lang));
        }
        text(ws, r, 11, &line, &f.bold)?;
        r += 2;
    }
    Ok(())
}

fn findings_sheet(
    ws: &mut Worksheet,
    cards: &[(&Scorecard, &Policy)],
    lang: Lang,
    f: &Formats,
) -> Result<(), XlsxError> {
    let (ui, words) = (Ui(lang), Sheet(lang));
    let header = [
        words.unit(),
        words.severity(),
        words.subject(),
        words.message(),
        words.code(),
        words.rule(),
    ];
    for (c, name) in header.iter().enumerate() {
        text(ws, 0, c as u16, name, &f.header)?;
    }
    print_setup(ws, 0, &[16, 7, 26, 60, 30, 18])?;
    let mut r = 1;
    for (card, policy) in cards {
        for finding in &card.findings {
            let subject = finding
                .subject
                .indicator
                .as_ref()
                .or(finding.subject.budget_row.as_ref())
                .or(finding.subject.section.as_ref())
                .cloned()
                .unwrap_or_default();
            let place = finding
                .rule
                .map(|span| policy.sources().location(span))
                .unwrap_or_default();
            let cells = [
                card.report.unit.to_string(),
                ui.severity(finding.severity),
                subject.to_string(),
                message(&finding.message, policy, lang),
                finding.code.to_string(),
                place,
            ];
            for (c, value) in cells.iter().enumerate() {
                text(ws, r, c as u16, value, &f.text)?;
            }
            r += 1;
        }
    }
    Ok(())
}

fn summary_sheet(
    ws: &mut Worksheet,
    cards: &[(&Scorecard, &Policy)],
    lang: Lang,
    f: &Formats,
) -> Result<(), XlsxError> {
    let words = Sheet(lang);
    let header = [
        words.unit(),
        words.year(),
        words.kind(),
        words.project(),
        words.policy(),
        words.total(),
        words.grade(),
        words.raw_total(),
        words.max_points(),
        words.self_total(),
        words.difference(),
        words.errors(),
        words.warnings(),
        words.notes(),
        words.unscored(),
    ];
    for (c, name) in header.iter().enumerate() {
        text(ws, 0, c as u16, name, &f.header)?;
    }
    print_setup(ws, 0, &[24, 7, 12, 18, 20, 8, 6, 9, 9, 10, 10, 6, 6, 6, 9])?;
    for (k, (card, _)) in cards.iter().enumerate() {
        let r = k as u32 + 1;
        text(ws, r, 0, &card.report.unit, &f.text)?;
        ws.write_number_with_format(r, 1, f64::from(card.report.year), &f.number)?;
        text(ws, r, 2, card.report.kind.as_deref().unwrap_or(""), &f.text)?;
        text(
            ws,
            r,
            3,
            card.report.project.as_deref().unwrap_or(""),
            &f.text,
        )?;
        text(ws, r, 4, &card.policy.name, &f.text)?;
        figure(ws, r, 5, Some(card.total), &f.number)?;
        text(ws, r, 6, &card.grade, &f.text)?;
        figure(ws, r, 7, Some(card.raw_total), &f.number)?;
        figure(ws, r, 8, Some(card.max_points), &f.number)?;
        figure(ws, r, 9, card.self_total, &f.number)?;
        let difference = card.self_total.and_then(|s| s.checked_sub(card.total).ok());
        figure(ws, r, 10, difference, &f.number)?;
        let count = |sev: Severity| card.findings.iter().filter(|x| x.severity == sev).count();
        for (c, n) in [
            (11, count(Severity::Error)),
            (12, count(Severity::Warning)),
            (13, count(Severity::Info)),
            (
                14,
                card.indicators
                    .iter()
                    .filter(|i| i.points.is_none())
                    .count(),
            ),
        ] {
            ws.write_number_with_format(r, c, n as f64, &f.number)?;
        }
    }
    Ok(())
}
