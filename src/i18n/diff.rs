//! Words of `perfrules diff`.

use super::Lang;
use crate::t;

/// The fixed words of a diff, in one language.
#[derive(Clone, Copy, Debug)]
pub struct DiffWords(pub Lang);

impl DiffWords {
    pub fn heading(self, old: &str, new: &str) -> String {
        t!(
            self.0,
            "规则修订对得分的影响：{old} → {new}",
            "what the policy change does: {old} → {new}"
        )
    }
    pub fn outside(self, file: &str, years: &str, kind: &str, year: i32) -> String {
        t!(
            self.0,
            "说明：{file} 适用于{years}{kind}，本报告为 {year} 年；仍按它评分以作比较",
            "note: {file} applies to {years}{kind}; this report is of {year}; scored by it anyway, to compare"
        )
    }
    pub fn years(self, from: i32, to: i32) -> String {
        if from == to {
            t!(self.0, " {from} 年", "{from}")
        } else {
            t!(self.0, " {from}–{to} 年", "{from}–{to}")
        }
    }
    pub fn any_year(self) -> String {
        t!(self.0, "任何年度", "any year")
    }
    pub fn kind(self, kind: &str) -> String {
        t!(self.0, "的“{kind}”报告", " “{kind}” reports")
    }
    pub fn columns(self) -> [String; 3] {
        [
            t!(self.0, "得分有变化的指标", "indicators whose score moves"),
            t!(self.0, "原得分 → 新得分", "before → after"),
            t!(self.0, "变化", "change"),
        ]
    }
    pub fn no_change(self) -> String {
        t!(self.0, "没有指标的得分变化", "no indicator's score moves")
    }
    pub fn was(self) -> String {
        t!(self.0, "原规则", "was")
    }
    pub fn now(self) -> String {
        t!(self.0, "新规则", "now")
    }
    pub fn target(self, before: &str, after: &str) -> String {
        t!(
            self.0,
            "目标值 {before} → {after}",
            "target {before} → {after}"
        )
    }
    pub fn points(self, before: &str, after: &str) -> String {
        t!(
            self.0,
            "分值 {before} → {after}",
            "points {before} → {after}"
        )
    }
    pub fn elsewhere(self) -> String {
        t!(
            self.0,
            "规则本身未变：变化来自它引用的内容（词表、单位、取整、复算）",
            "the same rule: what it reads changed (a vocabulary, units, rounding, a derived actual)"
        )
    }
    pub fn not_scored(self) -> String {
        t!(self.0, "未计分", "not scored")
    }
    pub fn totals(self, raw: &str, max: &str) -> String {
        t!(
            self.0,
            "原始得分 {raw}（分值合计 {max}）",
            "raw score {raw} (of {max} points)"
        )
    }
    pub fn total_and_grade(self, total: &str, grade: &str) -> String {
        t!(
            self.0,
            "总分 {total}    等级 {grade}",
            "total {total}    grade {grade}"
        )
    }
    pub fn summary(
        self,
        reports: usize,
        changed: usize,
        indicators: usize,
        grades: usize,
    ) -> String {
        t!(
            self.0,
            "合计：{reports} 份报告，{changed} 份得分有变化，{indicators} 项指标得分变化，{grades} 份等级变化",
            "in all: {reports} reports, {changed} with a changed score, {indicators} indicator scores changed, {grades} grades changed"
        )
    }
}
