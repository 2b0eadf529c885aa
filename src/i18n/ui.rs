//! Words of the scorecard and the command line.

use super::Lang;
use crate::t;

/// The fixed words of the human scorecard and the command line, in one language.
#[derive(Clone, Copy, Debug)]
pub struct Ui(pub Lang);

impl Ui {
    pub fn indicator(self) -> String {
        t!(self.0, "指标", "indicator")
    }
    pub fn points(self) -> String {
        t!(self.0, "分值", "points")
    }
    pub fn score(self) -> String {
        t!(self.0, "得分", "score")
    }
    pub fn lost(self) -> String {
        t!(self.0, "失分", "lost")
    }
    pub fn execution(self) -> String {
        t!(self.0, "预算执行", "budget execution")
    }
    pub fn subtotal(self) -> String {
        t!(self.0, "小计", "subtotal")
    }
    pub fn not_scored(self) -> String {
        t!(self.0, "未计分", "not scored")
    }
    pub fn expected_points(self, expected: &str) -> String {
        t!(self.0, "（应为 {expected} 分）", " (expected {expected})")
    }
    pub fn totals(self, raw: &str, max: &str, full: &str, rescaled: bool) -> String {
        if rescaled {
            t!(
                self.0,
                "原始得分 {raw}，分值合计 {max}，按百分制折算（满分 {full}）",
                "raw score {raw} of {max} points, rescaled to {full}"
            )
        } else {
            t!(
                self.0,
                "得分 {raw}，分值合计 {max}",
                "score {raw} of {max} points"
            )
        }
    }
    pub fn total_and_grade(self, total: &str, grade: &str) -> String {
        t!(
            self.0,
            "总分 {total}    等级 {grade}",
            "total {total}    grade {grade}"
        )
    }
    pub fn lost_heading(self, n: usize) -> String {
        t!(self.0, "失分说明（{n} 项）", "points lost ({n})")
    }
    pub fn findings_heading(
        self,
        n: usize,
        errors: usize,
        warnings: usize,
        infos: usize,
    ) -> String {
        t!(
            self.0,
            "复核发现（{n} 项：错误 {errors}，警告 {warnings}，提示 {infos}）",
            "findings ({n}: {errors} errors, {warnings} warnings, {infos} notes)"
        )
    }
    pub fn no_findings(self) -> String {
        t!(self.0, "复核发现：无", "findings: none")
    }
    pub fn severity(self, severity: crate::syntax::ast::Severity) -> String {
        use crate::syntax::ast::Severity::*;
        match severity {
            Error => t!(self.0, "错误", "error"),
            Warning => t!(self.0, "警告", "warning"),
            Info => t!(self.0, "提示", "note"),
        }
    }
    pub fn lost_message(self, name: &str, lost: &str, points: &str, score: &str) -> String {
        t!(
            self.0,
            "{name}：失 {lost} 分（分值 {points}，得 {score} 分）",
            "{name}: lost {lost} of {points} (scored {score})"
        )
    }
    pub fn empty(self) -> String {
        t!(self.0, "（空）", "(empty)")
    }
    pub fn scored_here(self) -> String {
        t!(self.0, "按此规则计分", "scored by this rule")
    }
    pub fn derived_here(self) -> String {
        t!(self.0, "实际值在此复算", "the actual is computed here")
    }
    /// `目标 `100%`（单位填报 `=100%`）；实际 `85.50…%`（复算；单位填报 `100%`）`.
    pub fn target_actual(
        self,
        target: &str,
        target_written: Option<&str>,
        actual: &str,
        derived: bool,
        actual_written: Option<&str>,
    ) -> String {
        let target_note = match target_written {
            Some(w) => t!(self.0, "（单位填报 `{w}`）", " (the unit wrote `{w}`)"),
            None => String::new(),
        };
        let actual_note = match (derived, actual_written) {
            (true, Some(w)) => t!(
                self.0,
                "（复算；单位填报 `{w}`）",
                " (derived; the unit wrote `{w}`)"
            ),
            (true, None) => t!(self.0, "（复算）", " (derived)"),
            _ => String::new(),
        };
        let quote = |v: &str| {
            if v.starts_with('（') || v.starts_with('(') || v == "—" {
                v.to_string()
            } else {
                format!("`{v}`")
            }
        };
        let (target, actual) = (quote(target), quote(actual));
        t!(
            self.0,
            "目标 {target}{target_note}；实际 {actual}{actual_note}",
            "target {target}{target_note}; actual {actual}{actual_note}"
        )
    }
    pub fn derivation(self, working: &str) -> String {
        t!(self.0, "复算实际值：{working}", "derived actual: {working}")
    }
    pub fn method(self, method: &str) -> String {
        t!(self.0, "计分方法：{method}", "method: {method}")
    }
    pub fn cannot_read(self, path: &str, error: &str) -> String {
        t!(
            self.0,
            "无法读取 {path}：{error}",
            "cannot read {path}: {error}"
        )
    }
    pub fn rule_file_errors(self, path: &str, n: usize) -> String {
        t!(
            self.0,
            "规则文件 {path} 有 {n} 处错误，未评分",
            "the rule file {path} has {n} errors; nothing was scored"
        )
    }
    pub fn report_failed(self, path: &str) -> String {
        t!(
            self.0,
            "报告 {path} 无法读取，未评分",
            "the report {path} could not be read; nothing was scored"
        )
    }
    pub fn judgements_failed(self, path: &str) -> String {
        t!(
            self.0,
            "审核判定文件 {path} 不能适用，未评分",
            "the judgements in {path} cannot apply; nothing was scored"
        )
    }
    pub fn overflow(self, what: &str) -> String {
        t!(
            self.0,
            "{what} 超出精确小数的范围，无法评分",
            "{what} is beyond exact decimals; the report cannot be scored"
        )
    }
}
