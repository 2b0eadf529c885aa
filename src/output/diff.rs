//! `perfrules diff` as text and as JSON.

use super::table::{pad, width};
use super::Style;
use crate::check::Policy;
use crate::decimal::Dec;
use crate::diff::{Cause, PolicyDiff, ReportDiff, RuleRef};
use crate::i18n::DiffWords;
use serde::Serialize;

fn score(s: Option<Dec>, words: DiffWords) -> String {
    s.map_or_else(|| words.not_scored(), |d| d.to_string_places(2))
}

fn signed(d: Dec) -> String {
    if d.is_negative() {
        format!("−{}", d.abs().to_string_places(2))
    } else {
        format!("+{}", d.to_string_places(2))
    }
}

/// The diff for people: per report the indicators that move, each with the rule before and
/// after; totals and grades; a closing summary.
pub fn human(diff: &PolicyDiff, old: &Policy, new: &Policy, style: &Style) -> String {
    let words = DiffWords(style.lang);
    let mut out = String::new();
    out.push_str(&words.heading(old.file_name(), new.file_name()));
    out.push_str("\n\n");
    for report in &diff.reports {
        report_text(report, words, &mut out);
        out.push('\n');
    }
    out.push_str(&words.summary(
        diff.reports.len(),
        diff.changed_reports(),
        diff.changed_indicators(),
        diff.changed_grades(),
    ));
    out.push('\n');
    out
}

fn report_text(report: &ReportDiff, words: DiffWords, out: &mut String) {
    out.push_str(&format!(
        "{} · {} · {}\n",
        report.file, report.unit, report.year
    ));
    for outside in &report.outside {
        let years = outside
            .years
            .map_or_else(|| words.any_year(), |(f, t)| words.years(f, t));
        let kind = outside
            .kind
            .as_deref()
            .map_or_else(String::new, |k| words.kind(k));
        out.push_str(&format!(
            "  {}\n",
            words.outside(&outside.file, &years, &kind, report.year)
        ));
    }
    if report.indicators.is_empty() {
        out.push_str(&format!("  {}\n", words.no_change()));
    } else {
        let [name, scores, change] = words.columns();
        let name_width = report
            .indicators
            .iter()
            .map(|i| width(&i.name))
            .chain([width(&name)])
            .max()
            .unwrap_or(0)
            + 4;
        out.push_str(&format!(
            "  {}{}  {}\n",
            pad(&name, name_width, true),
            pad(&scores, 18, false),
            pad(&change, 8, false)
        ));
        for i in &report.indicators {
            let moved = format!(
                "{} → {}",
                score(i.score.before, words),
                score(i.score.after, words)
            );
            let delta = i.delta.map_or_else(String::new, signed);
            out.push_str(&format!(
                "  {}{}  {}\n",
                pad(&i.name, name_width, true),
                pad(&moved, 18, false),
                pad(&delta, 8, false)
            ));
            for cause in &i.causes {
                match cause {
                    Cause::Rule => {
                        rule_line(&words.was(), &i.rule.before, out);
                        rule_line(&words.now(), &i.rule.after, out);
                    }
                    Cause::Target(t) => out.push_str(&format!(
                        "      {}\n",
                        words.target(
                            t.before.as_deref().unwrap_or("—"),
                            t.after.as_deref().unwrap_or("—")
                        )
                    )),
                    Cause::Points(p) => out.push_str(&format!(
                        "      {}\n",
                        words.points(
                            &p.before.map_or("—".into(), |d| d.to_string()),
                            &p.after.map_or("—".into(), |d| d.to_string())
                        )
                    )),
                    Cause::Elsewhere => {
                        out.push_str(&format!("      {}\n", words.elsewhere()));
                        rule_line(&words.now(), &i.rule.after, out);
                    }
                }
            }
        }
    }
    out.push_str(&format!(
        "  {}\n",
        words.totals(
            &format!("{} → {}", report.raw_total.before, report.raw_total.after),
            &format!("{} → {}", report.max_points.before, report.max_points.after),
        )
    ));
    out.push_str(&format!(
        "  {}\n",
        words.total_and_grade(
            &format!(
                "{} → {}",
                report.total.before.to_string_places(2),
                report.total.after.to_string_places(2)
            ),
            &format!("{} → {}", report.grade.before, report.grade.after),
        )
    ));
}

fn rule_line(label: &str, rule: &RuleRef, out: &mut String) {
    out.push_str(&format!(
        "      {label}  {}  {}\n",
        rule.location(),
        rule.text
    ));
}

#[derive(Serialize)]
struct DiffView<'a> {
    perfrules: &'static str,
    format: u32,
    old: PolicyView<'a>,
    new: PolicyView<'a>,
    reports: Vec<ReportView<'a>>,
    summary: SummaryView,
}

#[derive(Serialize)]
struct PolicyView<'a> {
    name: &'a str,
    file: &'a str,
    sha256: &'a str,
}

#[derive(Serialize)]
struct ChangeView<T> {
    before: T,
    after: T,
}

#[derive(Serialize)]
struct OutsideView<'a> {
    policy: &'static str,
    file: &'a str,
    years: Option<[i32; 2]>,
    kind: Option<&'a str>,
}

#[derive(Serialize)]
struct ReportView<'a> {
    file: &'a str,
    unit: &'a str,
    year: i32,
    outside: Vec<OutsideView<'a>>,
    total: ChangeView<Dec>,
    grade: ChangeView<&'a str>,
    raw_total: ChangeView<Dec>,
    max_points: ChangeView<Dec>,
    indicators: Vec<IndicatorView<'a>>,
}

#[derive(Serialize)]
struct IndicatorView<'a> {
    name: &'a str,
    section: Option<&'a str>,
    score: ChangeView<Option<Dec>>,
    change: Option<Dec>,
    causes: Vec<CauseView<'a>>,
    rule: ChangeView<RuleView<'a>>,
}

#[derive(Serialize)]
struct RuleView<'a> {
    file: &'a str,
    line: usize,
    column: usize,
    text: &'a str,
}

#[derive(Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
enum CauseView<'a> {
    Rule,
    Target {
        before: Option<&'a str>,
        after: Option<&'a str>,
    },
    Points {
        before: Option<Dec>,
        after: Option<Dec>,
    },
    Elsewhere,
}

#[derive(Serialize)]
struct SummaryView {
    reports: usize,
    reports_changed: usize,
    indicators_changed: usize,
    grades_changed: usize,
}

fn rule_view(r: &RuleRef) -> RuleView<'_> {
    RuleView {
        file: &r.file,
        line: r.line,
        column: r.column,
        text: &r.text,
    }
}

/// The diff as data: every decimal an exact string, fields in this order (README).
pub fn json(diff: &PolicyDiff, old: &Policy, new: &Policy) -> String {
    fn policy(p: &Policy) -> PolicyView<'_> {
        PolicyView {
            name: p.name(),
            file: p.file_name(),
            sha256: p.sha256(),
        }
    }
    let view = DiffView {
        perfrules: env!("CARGO_PKG_VERSION"),
        format: super::json::FORMAT,
        old: policy(old),
        new: policy(new),
        reports: diff
            .reports
            .iter()
            .map(|r| ReportView {
                file: &r.file,
                unit: &r.unit,
                year: r.year,
                outside: r
                    .outside
                    .iter()
                    .map(|o| OutsideView {
                        policy: if o.new { "new" } else { "old" },
                        file: &o.file,
                        years: o.years.map(|(f, t)| [f, t]),
                        kind: o.kind.as_deref(),
                    })
                    .collect(),
                total: ChangeView {
                    before: r.total.before,
                    after: r.total.after,
                },
                grade: ChangeView {
                    before: &r.grade.before,
                    after: &r.grade.after,
                },
                raw_total: ChangeView {
                    before: r.raw_total.before,
                    after: r.raw_total.after,
                },
                max_points: ChangeView {
                    before: r.max_points.before,
                    after: r.max_points.after,
                },
                indicators: r
                    .indicators
                    .iter()
                    .map(|i| IndicatorView {
                        name: &i.name,
                        section: i.section.as_deref(),
                        score: ChangeView {
                            before: i.score.before,
                            after: i.score.after,
                        },
                        change: i.delta,
                        causes: i
                            .causes
                            .iter()
                            .map(|c| match c {
                                Cause::Rule => CauseView::Rule,
                                Cause::Target(t) => CauseView::Target {
                                    before: t.before.as_deref(),
                                    after: t.after.as_deref(),
                                },
                                Cause::Points(p) => CauseView::Points {
                                    before: p.before,
                                    after: p.after,
                                },
                                Cause::Elsewhere => CauseView::Elsewhere,
                            })
                            .collect(),
                        rule: ChangeView {
                            before: rule_view(&i.rule.before),
                            after: rule_view(&i.rule.after),
                        },
                    })
                    .collect(),
            })
            .collect(),
        summary: SummaryView {
            reports: diff.reports.len(),
            reports_changed: diff.changed_reports(),
            indicators_changed: diff.changed_indicators(),
            grades_changed: diff.changed_grades(),
        },
    };
    // INVARIANT: the view holds strings, numbers and decimals only; it always serializes.
    serde_json::to_string_pretty(&view).unwrap_or_default()
}
