//! The summary of a batch: every report's total ranked, the grade distribution, the
//! reports whose self-declared total is furthest from the re-checked one, and the reports
//! that could not be scored. As a table for a person or as JSON.
//!
//! It keeps one small row per report (not its scorecard), so its memory grows with the
//! number of reports by about the size of a row; everything else of a report is dropped
//! once it is printed. Ranking: by total, highest first; equal totals share a rank
//! (1, 2, 2, 4) and keep input order. Difference = self-declared total − re-checked total,
//! so a positive difference is a self-score above the re-check.

use super::style::Style;
use super::table::{pad, width};
use crate::check::Policy;
use crate::decimal::{Dec, RoundMode};
use crate::i18n::Ui;
use crate::scorecard::Scorecard;
use crate::syntax::ast::Severity;
use serde::Serialize;
use std::fmt::Write;

/// How many reports the "largest gaps" list shows.
pub const GAPS: usize = 10;

/// One scored report, as the summary keeps it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReportRow {
    /// Position in the run (input order).
    pub index: usize,
    /// The file, or `-:LINE`.
    pub source: Box<str>,
    pub unit: Box<str>,
    pub year: i32,
    pub project: Option<Box<str>>,
    pub total: Dec,
    pub grade: Box<str>,
    pub self_total: Option<Dec>,
    pub errors: u32,
    pub warnings: u32,
    pub infos: u32,
}

impl ReportRow {
    pub fn new(index: usize, source: &str, card: &Scorecard) -> ReportRow {
        let count = |s: Severity| {
            let n = card.findings.iter().filter(|f| f.severity == s).count();
            u32::try_from(n).unwrap_or(u32::MAX)
        };
        ReportRow {
            index,
            source: source.into(),
            unit: card.report.unit.as_str().into(),
            year: card.report.year,
            project: card.report.project.as_deref().map(Into::into),
            total: card.total,
            grade: card.grade.as_str().into(),
            self_total: card.self_total,
            errors: count(Severity::Error),
            warnings: count(Severity::Warning),
            infos: count(Severity::Info),
        }
    }

    /// Self-declared total − re-checked total, when the report declares one.
    pub fn difference(&self) -> Option<Dec> {
        self.self_total.and_then(|s| s.checked_sub(self.total).ok())
    }
}

/// A report that could not be scored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Failure {
    pub index: usize,
    pub source: String,
    /// The diagnostic's code (`perfrules::report::syntax`).
    pub code: String,
    pub message: String,
}

/// The rows of a run, gathered as reports are scored.
#[derive(Clone, Debug, Default)]
pub struct Summary {
    rows: Vec<ReportRow>,
    failures: Vec<Failure>,
}

/// A grade and how many reports have it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GradeCount {
    pub grade: String,
    pub reports: usize,
}

impl Summary {
    pub fn new() -> Summary {
        Summary::default()
    }

    pub fn add(&mut self, row: ReportRow) {
        self.rows.push(row);
    }

    pub fn fail(&mut self, failure: Failure) {
        self.failures.push(failure);
    }

    pub fn reports(&self) -> usize {
        self.rows.len() + self.failures.len()
    }

    pub fn failures(&self) -> &[Failure] {
        &self.failures
    }

    /// Every scored report with its rank, highest total first.
    pub fn ranked(&self) -> Vec<(usize, &ReportRow)> {
        let mut rows: Vec<&ReportRow> = self.rows.iter().collect();
        rows.sort_by(|a, b| b.total.cmp(&a.total).then(a.index.cmp(&b.index)));
        let mut ranked = Vec::with_capacity(rows.len());
        for (i, row) in rows.iter().enumerate() {
            let rank = match ranked.last() {
                Some(&(rank, prev)) if rows_tie(prev, row) => rank,
                _ => i + 1,
            };
            ranked.push((rank, *row));
        }
        ranked
    }

    /// How many reports have each grade: the policy's grades in its order (those no report
    /// has, with 0), then any other grade a scorecard carries.
    pub fn grades(&self, policy: &Policy) -> Vec<GradeCount> {
        let mut counts: Vec<GradeCount> = policy
            .grades
            .iter()
            .map(|g| GradeCount {
                grade: g.name.clone(),
                reports: 0,
            })
            .collect();
        for row in &self.rows {
            match counts.iter_mut().find(|c| *c.grade == *row.grade) {
                Some(c) => c.reports += 1,
                None => counts.push(GradeCount {
                    grade: row.grade.to_string(),
                    reports: 1,
                }),
            }
        }
        counts
    }

    /// The reports with the largest |self total − total|, largest first (ties in input
    /// order), at most `n`; only reports that declare a self total.
    pub fn largest_gaps(&self, n: usize) -> Vec<&ReportRow> {
        let mut rows: Vec<(&ReportRow, Dec)> = self
            .rows
            .iter()
            .filter_map(|r| r.difference().map(|d| (r, d.abs())))
            .filter(|(_, d)| !d.is_zero())
            .collect();
        rows.sort_by(|(a, x), (b, y)| y.cmp(x).then(a.index.cmp(&b.index)));
        rows.into_iter().take(n).map(|(r, _)| r).collect()
    }
}

fn rows_tie(a: &ReportRow, b: &ReportRow) -> bool {
    a.total == b.total
}

/// A share in percent with one decimal, half up (`51.3`); exact decimals, never f64.
fn share(count: usize, of: usize) -> String {
    let (Ok(c), Ok(n)) = (i64::try_from(count), i64::try_from(of)) else {
        return String::new();
    };
    Dec::from_int(c)
        .checked_mul(Dec::HUNDRED)
        .and_then(|x| x.checked_div(Dec::from_int(n)))
        .map(|x| {
            let x = x.round(1, RoundMode::HalfUp);
            if x.scale() == 0 {
                format!("{x}.0")
            } else {
                x.to_string_keep_scale()
            }
        })
        .unwrap_or_default()
}

fn signed(d: Dec) -> String {
    if d.is_negative() || d.is_zero() {
        d.to_string()
    } else {
        format!("+{d}")
    }
}

/// The summary for a person.
pub fn render(summary: &Summary, policy: &Policy, style: &Style) -> String {
    let ui = Ui(style.lang);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}",
        ui.summary_heading(policy.name(), policy.file_name())
    );
    let scored = summary.rows.len();
    let _ = writeln!(
        out,
        "{}\n",
        ui.summary_counts(summary.reports(), scored, summary.failures.len())
    );
    ranking(&mut out, &summary.ranked(), style);
    let _ = writeln!(out, "\n{}", ui.grade_distribution());
    let grades = summary.grades(policy);
    let grade_width = grades.iter().map(|g| width(&g.grade)).max().unwrap_or(0);
    for g in &grades {
        let _ = writeln!(
            out,
            "  {}  {}",
            pad(&g.grade, grade_width, true),
            ui.grade_count(g.reports, &share(g.reports, scored))
        );
    }
    let _ = writeln!(out, "\n{}", ui.largest_gaps(GAPS));
    let gaps = summary.largest_gaps(GAPS);
    if gaps.is_empty() {
        let _ = writeln!(out, "  {}", ui.no_gaps());
    } else {
        let ranks: Vec<(usize, &ReportRow)> = gaps.into_iter().map(|r| (0, r)).collect();
        ranking(&mut out, &ranks, style);
    }
    if !summary.failures.is_empty() {
        let _ = writeln!(out, "\n{}", ui.failures_heading(summary.failures.len()));
        for f in &summary.failures {
            let _ = writeln!(out, "  {}  {}  {}", f.source, f.code, f.message);
        }
    }
    out
}

/// A table of report rows; rank 0 means "no rank column".
fn ranking(out: &mut String, rows: &[(usize, &ReportRow)], style: &Style) {
    let ui = Ui(style.lang);
    let with_rank = rows.iter().any(|(rank, _)| *rank > 0);
    let mut header = vec![
        ui.unit(),
        ui.total(),
        ui.grade(),
        ui.self_total(),
        ui.difference(),
        ui.errors(),
        ui.warnings(),
        ui.infos(),
        ui.source(),
    ];
    if with_rank {
        header.insert(0, ui.rank());
    }
    let mut lines: Vec<Vec<String>> = vec![header];
    for (rank, row) in rows {
        let name = match &row.project {
            Some(p) => format!("{} · {}", row.unit, p),
            None => row.unit.to_string(),
        };
        let mut cells = vec![
            name,
            row.total.to_string_keep_scale(),
            row.grade.to_string(),
            row.self_total
                .map_or_else(|| "—".to_string(), |s| s.to_string_keep_scale()),
            row.difference().map_or_else(|| "—".to_string(), signed),
            row.errors.to_string(),
            row.warnings.to_string(),
            row.infos.to_string(),
            row.source.to_string(),
        ];
        if with_rank {
            cells.insert(0, rank.to_string());
        }
        lines.push(cells);
    }
    let columns = lines.first().map_or(0, Vec::len);
    let widths: Vec<usize> = (0..columns)
        .map(|c| lines.iter().map(|l| width(&l[c])).max().unwrap_or(0))
        .collect();
    // Text columns (unit, grade, source) are left-aligned, figures right-aligned.
    let first_text = usize::from(with_rank);
    let left = |c: usize| c == first_text || c == first_text + 2 || c + 1 == columns;
    for line in &lines {
        let cells: Vec<String> = line
            .iter()
            .enumerate()
            .map(|(c, cell)| pad(cell, widths[c], left(c)))
            .collect();
        let _ = writeln!(out, "  {}", cells.join("  ").trim_end());
    }
}

#[derive(Serialize)]
struct JsonSummary<'a> {
    perfrules: &'static str,
    format: u32,
    policy: JsonPolicy<'a>,
    reports: usize,
    scored: usize,
    failed: usize,
    ranking: Vec<JsonRow<'a>>,
    grades: Vec<JsonGrade>,
    largest_gaps: Vec<JsonRow<'a>>,
    failures: Vec<JsonFailure<'a>>,
}

#[derive(Serialize)]
struct JsonPolicy<'a> {
    name: &'a str,
    file: &'a str,
    sha256: &'a str,
}

#[derive(Serialize)]
struct JsonRow<'a> {
    rank: Option<usize>,
    source: &'a str,
    unit: &'a str,
    year: i32,
    project: Option<&'a str>,
    total: Dec,
    grade: &'a str,
    self_total: Option<Dec>,
    difference: Option<Dec>,
    errors: u32,
    warnings: u32,
    infos: u32,
}

#[derive(Serialize)]
struct JsonGrade {
    grade: String,
    reports: usize,
}

#[derive(Serialize)]
struct JsonFailure<'a> {
    source: &'a str,
    code: &'a str,
    message: &'a str,
}

fn json_row(rank: Option<usize>, row: &ReportRow) -> JsonRow<'_> {
    JsonRow {
        rank,
        source: &row.source,
        unit: &row.unit,
        year: row.year,
        project: row.project.as_deref(),
        total: row.total,
        grade: &row.grade,
        self_total: row.self_total,
        difference: row.difference(),
        errors: row.errors,
        warnings: row.warnings,
        infos: row.infos,
    }
}

/// The summary as one JSON document (README, "The batch summary").
pub fn render_json(summary: &Summary, policy: &Policy) -> String {
    // INVARIANT: the view holds only strings, numbers, booleans and nulls.
    serde_json::to_string_pretty(&json_view(summary, policy)).unwrap_or_default()
}

/// The summary as the last line of a batch's JSON Lines: `{"summary": {…}}`.
pub fn render_json_line(summary: &Summary, policy: &Policy) -> String {
    #[derive(Serialize)]
    struct Line<'a> {
        summary: JsonSummary<'a>,
    }
    let line = Line {
        summary: json_view(summary, policy),
    };
    serde_json::to_string(&line).unwrap_or_default()
}

fn json_view<'a>(summary: &'a Summary, policy: &'a Policy) -> JsonSummary<'a> {
    let grades = summary.grades(policy);
    JsonSummary {
        perfrules: env!("CARGO_PKG_VERSION"),
        format: super::json::FORMAT,
        policy: JsonPolicy {
            name: policy.name(),
            file: policy.file_name(),
            sha256: policy.sha256(),
        },
        reports: summary.reports(),
        scored: summary.rows.len(),
        failed: summary.failures.len(),
        ranking: summary
            .ranked()
            .into_iter()
            .map(|(rank, row)| json_row(Some(rank), row))
            .collect(),
        grades: grades
            .into_iter()
            .map(|g| JsonGrade {
                grade: g.grade,
                reports: g.reports,
            })
            .collect(),
        largest_gaps: summary
            .largest_gaps(GAPS)
            .into_iter()
            .map(|row| json_row(None, row))
            .collect(),
        failures: summary
            .failures
            .iter()
            .map(|f| JsonFailure {
                source: &f.source,
                code: &f.code,
                message: &f.message,
            })
            .collect(),
    }
}
