//! The summary of a batch: every report's total ranked, the grade distribution, the
//! reports whose self-declared total is furthest from the re-checked one, and the reports
//! that could not be scored. As a table for a person or as JSON.
//!
//! It keeps one small row per report (not its scorecard), so its memory grows with the
//! number of reports by about the size of a row; everything else of a report is dropped
//! once it is printed. Ranking: by total, highest first; equal totals share a rank
//! (1, 2, 2, 4) and keep input order. Difference = self-declared total − re-checked total,
//! so a positive difference is a self-score above the re-check.

use super::packed::{Packed, RowIn, Source};
use super::style::Style;
use super::table::{pad, width};
use crate::check::Policy;
use crate::decimal::{Dec, RoundMode};
use crate::i18n::Ui;
use crate::scorecard::Scorecard;
use crate::syntax::ast::Severity;
use serde::Serialize;

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
            unit: card.report.unit.as_ref().into(),
            year: card.report.year,
            project: card.report.project.as_deref().map(Into::into),
            total: card.total,
            grade: card.grade.as_ref().into(),
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

/// The rows of a run, gathered as reports are scored, packed into bytes
/// (super::packed): about 30 bytes a report, so that a million reports fit in well under
/// 100 MB. Units and grades are kept once each (a district has a few dozen units for
/// thousands of reports).
#[derive(Clone, Debug, Default)]
pub struct Summary {
    rows: Packed,
    failures: Vec<Failure>,
    /// Units and grades, each once.
    names: Vec<Box<str>>,
    name_ids: std::collections::HashMap<Box<str>, u32>,
}

/// A scored report as the summary shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowView<'a> {
    pub index: usize,
    pub source: std::borrow::Cow<'a, str>,
    pub unit: &'a str,
    pub year: i32,
    pub project: Option<&'a str>,
    pub total: Dec,
    pub grade: &'a str,
    pub self_total: Option<Dec>,
    pub errors: u32,
    pub warnings: u32,
    pub infos: u32,
}

impl RowView<'_> {
    /// Self-declared total − re-checked total, when the report declares one.
    pub fn difference(&self) -> Option<Dec> {
        self.self_total.and_then(|s| s.checked_sub(self.total).ok())
    }
}

/// A grade and how many reports have it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GradeCount {
    pub grade: String,
    pub reports: usize,
}

fn small(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl Summary {
    pub fn new() -> Summary {
        Summary::default()
    }

    fn name(&mut self, name: &str) -> u32 {
        if let Some(&id) = self.name_ids.get(name) {
            return id;
        }
        let id = small(self.names.len());
        self.names.push(name.into());
        self.name_ids.insert(name.into(), id);
        id
    }

    pub fn add(&mut self, row: ReportRow) {
        // A line of standard input (`-:LINE`) is kept as its number.
        let source = match row
            .source
            .strip_prefix("-:")
            .and_then(|n| n.parse::<u64>().ok())
        {
            Some(line) => Source::Line(line),
            None => Source::Name(std::borrow::Cow::Borrowed(&row.source)),
        };
        let packed = RowIn {
            total: row.total,
            self_total: row.self_total,
            year: row.year,
            unit: self.name(&row.unit),
            grade: self.name(&row.grade),
            findings: [row.errors, row.warnings, row.infos],
            source,
            project: row.project.as_deref(),
        };
        self.rows.push(&packed);
    }

    pub fn fail(&mut self, failure: Failure) {
        self.failures.push(failure);
    }

    fn scored(&self) -> usize {
        self.rows.len()
    }

    pub fn reports(&self) -> usize {
        self.scored() + self.failures.len()
    }

    pub fn failures(&self) -> &[Failure] {
        &self.failures
    }

    /// Row `k` (in input order among the scored reports), as shown.
    fn view(&self, k: usize) -> Option<RowView<'_>> {
        let row = self.rows.get(k)?;
        let name = |id: u32| self.names.get(id as usize).map_or("", |n| &**n);
        Some(RowView {
            index: k,
            source: match row.source {
                Source::Line(line) => std::borrow::Cow::Owned(format!("-:{line}")),
                Source::Name(name) => name,
            },
            unit: name(row.unit),
            year: row.year,
            project: row.project,
            total: row.total,
            grade: name(row.grade),
            self_total: row.self_total,
            errors: row.findings[0],
            warnings: row.findings[1],
            infos: row.findings[2],
        })
    }

    /// The scored reports' positions, highest total first (equal totals in input order):
    /// 4 bytes a report, so that the ranking is written one row at a time.
    pub fn order(&self) -> Vec<u32> {
        let mut order: Vec<u32> = (0..small(self.scored())).collect();
        // Totals are read from the packed rows as the sort compares them: no second copy of
        // every total (a million cached keys would be 40 MB at the end of a run).
        let total = |k: u32| self.rows.total(k as usize);
        order.sort_by(|&a, &b| total(b).cmp(&total(a)).then(a.cmp(&b)));
        order
    }

    /// Every scored report with its rank, in `order` (from [`Summary::order`]); equal totals
    /// share a rank (1, 2, 2, 4).
    pub fn ranked<'s>(
        &'s self,
        order: &'s [u32],
    ) -> impl Iterator<Item = (usize, RowView<'s>)> + Clone + 's {
        order
            .iter()
            .enumerate()
            .scan((0usize, None), move |(rank, last), (i, &k)| {
                let view = self.view(k as usize)?;
                if *last != Some(view.total) {
                    *rank = i + 1;
                    *last = Some(view.total);
                }
                Some((*rank, view))
            })
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
        for row in (0..self.scored()).filter_map(|k| self.rows.get(k)) {
            let grade = self.names.get(row.grade as usize).map_or("", |n| &**n);
            match counts.iter_mut().find(|c| c.grade == grade) {
                Some(c) => c.reports += 1,
                None => counts.push(GradeCount {
                    grade: grade.to_string(),
                    reports: 1,
                }),
            }
        }
        counts
    }

    /// The reports with the largest |self total − total|, largest first (ties in input
    /// order), at most `n`; only reports that declare a self total. Only the `n` kept so far
    /// are held while the rows are read, not a gap for every report (a million reports would
    /// hold 32 MB of them, and sorting them as much again).
    pub fn largest_gaps(&self, n: usize) -> Vec<RowView<'_>> {
        let mut kept: Vec<(usize, Dec)> = Vec::with_capacity(n + 1);
        for k in 0..self.scored() {
            let Some(r) = self.rows.get(k) else { continue };
            let Some(d) = r.self_total.and_then(|s| s.checked_sub(r.total).ok()) else {
                continue;
            };
            let d = d.abs();
            if d.is_zero() {
                continue;
            }
            // Rows come in input order, so a gap equal to one kept goes after it.
            let at = kept.partition_point(|(_, x)| *x >= d);
            if at < n {
                kept.insert(at, (k, d));
                kept.truncate(n);
            }
        }
        kept.into_iter().filter_map(|(k, _)| self.view(k)).collect()
    }
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

/// The summary for a person, written as it is made (a ranking of a million reports is
/// never held as text).
pub fn write(
    out: &mut dyn std::io::Write,
    summary: &Summary,
    policy: &Policy,
    style: &Style,
) -> std::io::Result<()> {
    let ui = Ui(style.lang);
    writeln!(
        out,
        "{}",
        ui.summary_heading(policy.name(), policy.file_name())
    )?;
    let scored = summary.scored();
    writeln!(
        out,
        "{}\n",
        ui.summary_counts(summary.reports(), scored, summary.failures.len())
    )?;
    let order = summary.order();
    ranking(out, summary.ranked(&order), true, style)?;
    writeln!(out, "\n{}", ui.grade_distribution())?;
    let grades = summary.grades(policy);
    let grade_width = grades.iter().map(|g| width(&g.grade)).max().unwrap_or(0);
    for g in &grades {
        writeln!(
            out,
            "  {}  {}",
            pad(&g.grade, grade_width, true),
            ui.grade_count(g.reports, &share(g.reports, scored))
        )?;
    }
    writeln!(out, "\n{}", ui.largest_gaps(GAPS))?;
    let gaps = summary.largest_gaps(GAPS);
    if gaps.is_empty() {
        writeln!(out, "  {}", ui.no_gaps())?;
    } else {
        ranking(out, gaps.into_iter().map(|r| (0, r)), false, style)?;
    }
    if !summary.failures.is_empty() {
        writeln!(out, "\n{}", ui.failures_heading(summary.failures.len()))?;
        for f in &summary.failures {
            writeln!(out, "  {}  {}  {}", f.source, f.code, f.message)?;
        }
    }
    Ok(())
}

/// The summary for a person, as text (for tests and small runs).
pub fn render(summary: &Summary, policy: &Policy, style: &Style) -> String {
    let mut out = Vec::new();
    let _ = write(&mut out, summary, policy, style);
    String::from_utf8_lossy(&out).into_owned()
}

/// The cells of one row of a ranking table.
fn cells(rank: Option<usize>, row: &RowView<'_>) -> Vec<String> {
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
    if let Some(rank) = rank {
        cells.insert(0, rank.to_string());
    }
    cells
}

/// A table of report rows, with a rank column or without; two passes over the rows (the
/// widths, then the lines), so that no table is held whole.
fn ranking<'s>(
    out: &mut dyn std::io::Write,
    rows: impl Iterator<Item = (usize, RowView<'s>)> + Clone,
    with_rank: bool,
    style: &Style,
) -> std::io::Result<()> {
    let ui = Ui(style.lang);
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
    let columns = header.len();
    let mut widths: Vec<usize> = header.iter().map(|h| width(h)).collect();
    for (rank, row) in rows.clone() {
        for (c, cell) in cells(with_rank.then_some(rank), &row).iter().enumerate() {
            if let Some(w) = widths.get_mut(c) {
                *w = (*w).max(width(cell));
            }
        }
    }
    // Text columns (unit, grade, source) are left-aligned, figures right-aligned.
    let first_text = usize::from(with_rank);
    let left = |c: usize| c == first_text || c == first_text + 2 || c + 1 == columns;
    let line = |out: &mut dyn std::io::Write, cells: &[String]| {
        let padded: Vec<String> = cells
            .iter()
            .enumerate()
            .map(|(c, cell)| pad(cell, widths.get(c).copied().unwrap_or(0), left(c)))
            .collect();
        writeln!(out, "  {}", padded.join("  ").trim_end())
    };
    line(out, &header)?;
    for (rank, row) in rows {
        line(out, &cells(with_rank.then_some(rank), &row))?;
    }
    Ok(())
}

#[derive(Serialize)]
struct JsonSummary<'a> {
    perfrules: &'static str,
    format: u32,
    policy: JsonPolicy<'a>,
    reports: usize,
    scored: usize,
    failed: usize,
    ranking: Ranking<'a>,
    grades: Vec<JsonGrade>,
    largest_gaps: Vec<JsonRow<'a>>,
    failures: Vec<JsonFailure<'a>>,
}

/// The ranking, serialized one row at a time.
struct Ranking<'a> {
    summary: &'a Summary,
    order: Vec<u32>,
}

impl Serialize for Ranking<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(
            self.summary
                .ranked(&self.order)
                .map(|(rank, row)| json_row(Some(rank), row)),
        )
    }
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
    source: std::borrow::Cow<'a, str>,
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

fn json_row<'a>(rank: Option<usize>, row: RowView<'a>) -> JsonRow<'a> {
    JsonRow {
        rank,
        difference: row.difference(),
        source: row.source,
        unit: row.unit,
        year: row.year,
        project: row.project,
        total: row.total,
        grade: row.grade,
        self_total: row.self_total,
        errors: row.errors,
        warnings: row.warnings,
        infos: row.infos,
    }
}

/// The summary as one JSON document (README, "Many reports at once"), written as it is made.
pub fn write_json(
    out: &mut dyn std::io::Write,
    summary: &Summary,
    policy: &Policy,
) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &json_view(summary, policy))?;
    writeln!(out)
}

/// The summary as the last line of a batch's JSON Lines: `{"summary": {…}}`.
pub fn write_json_line(
    out: &mut dyn std::io::Write,
    summary: &Summary,
    policy: &Policy,
) -> std::io::Result<()> {
    #[derive(Serialize)]
    struct Line<'a> {
        summary: JsonSummary<'a>,
    }
    let line = Line {
        summary: json_view(summary, policy),
    };
    serde_json::to_writer(&mut *out, &line)?;
    writeln!(out)
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
        scored: summary.scored(),
        failed: summary.failures.len(),
        ranking: Ranking {
            summary,
            order: summary.order(),
        },
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

#[cfg(test)]
mod tests {
    use super::*;

    fn row(index: usize, total: &str, self_total: Option<&str>) -> ReportRow {
        let d = |s: &str| Dec::parse_plain(s).expect("a decimal");
        ReportRow {
            index,
            source: format!("-:{}", index + 1).into(),
            unit: format!("单位{index}").into(),
            year: 2021,
            project: None,
            total: d(total),
            grade: "优".into(),
            self_total: self_total.map(d),
            errors: 0,
            warnings: 0,
            infos: 0,
        }
    }

    #[test]
    fn largest_gaps_keeps_the_n_largest_with_ties_in_input_order() {
        let mut s = Summary::new();
        // gaps, worked by hand: 5, none, 0 (not a gap), 7, 5, 2, 7 (below the total), 9
        let rows = [
            ("90", Some("95")),
            ("80", None),
            ("70", Some("70")),
            ("60", Some("67")),
            ("50", Some("55")),
            ("40", Some("42")),
            ("97", Some("90")),
            ("1", Some("10")),
        ];
        for (i, (total, own)) in rows.iter().enumerate() {
            s.add(row(i, total, *own));
        }
        let units = |n| -> Vec<String> {
            s.largest_gaps(n)
                .iter()
                .map(|r| r.unit.to_string())
                .collect()
        };
        // 9 (单位7), then the two 7s in input order (3, 6), then the two 5s (0, 4), then 2.
        assert_eq!(units(4), ["单位7", "单位3", "单位6", "单位0"]);
        assert_eq!(
            units(10),
            ["单位7", "单位3", "单位6", "单位0", "单位4", "单位5"]
        );
        assert!(units(0).is_empty());
    }
}
