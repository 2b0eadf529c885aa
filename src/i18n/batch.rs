//! Words of a batch run: the summary, the CSV headers, the progress bar and the closing line.

use super::{Lang, Ui};
use crate::t;

impl Ui {
    pub fn summary_heading(self, policy: &str, file: &str) -> String {
        t!(
            self.0,
            "汇总 · {policy} · {file}",
            "summary · {policy} · {file}"
        )
    }
    pub fn summary_counts(self, reports: usize, scored: usize, failed: usize) -> String {
        t!(
            self.0,
            "报告 {reports} 份：已评分 {scored} 份，未能评分 {failed} 份",
            "{reports} reports: {scored} scored, {failed} could not be scored"
        )
    }
    pub fn rank(self) -> String {
        t!(self.0, "排名", "rank")
    }
    pub fn unit(self) -> String {
        t!(self.0, "单位", "unit")
    }
    pub fn total(self) -> String {
        t!(self.0, "总分", "total")
    }
    pub fn grade(self) -> String {
        t!(self.0, "等级", "grade")
    }
    pub fn self_total(self) -> String {
        t!(self.0, "自评总分", "self total")
    }
    pub fn difference(self) -> String {
        t!(self.0, "差额", "difference")
    }
    pub fn errors(self) -> String {
        t!(self.0, "错误", "errors")
    }
    pub fn warnings(self) -> String {
        t!(self.0, "警告", "warnings")
    }
    pub fn infos(self) -> String {
        t!(self.0, "提示", "infos")
    }
    pub fn source(self) -> String {
        t!(self.0, "来源", "source")
    }
    pub fn grade_distribution(self) -> String {
        t!(self.0, "等级分布", "grades")
    }
    pub fn grade_count(self, count: usize, share: &str) -> String {
        t!(self.0, "{count} 份（{share}%）", "{count} ({share}%)")
    }
    pub fn largest_gaps(self, n: usize) -> String {
        t!(
            self.0,
            "自评总分与复核总分相差最大的报告（前 {n} 份，差额 = 自评 − 复核）",
            "largest gaps between self-declared and re-checked totals (top {n}; difference = self − re-checked)"
        )
    }
    pub fn no_gaps(self) -> String {
        t!(
            self.0,
            "（没有报告的自评总分与复核总分不同）",
            "(no self-declared total differs from the re-checked one)"
        )
    }
    pub fn failures_heading(self, n: usize) -> String {
        t!(self.0, "未能评分（{n} 份）", "could not be scored ({n})")
    }
    /// The heading above one report's scorecard in a batch.
    pub fn report_heading(self, name: &str) -> String {
        t!(self.0, "══ {name} ══", "══ {name} ══")
    }
    /// The closing line on stderr when some reports of a batch failed.
    pub fn batch_failed(self, failed: usize, reports: usize) -> String {
        t!(
            self.0,
            "{reports} 份报告中有 {failed} 份未能评分，其余已评分",
            "{failed} of {reports} reports could not be scored; the others were scored"
        )
    }
    pub fn batch_empty(self) -> String {
        t!(
            self.0,
            "没有找到报告（文件夹中的报告须以 .json 结尾）",
            "no reports found (reports in a folder must end in .json)"
        )
    }
    pub fn internal_error(self, message: &str) -> String {
        t!(
            self.0,
            "评分时出现内部错误：{message}（这是 perfrules 的缺陷，请报告）",
            "internal error while scoring: {message} (a bug in perfrules; please report it)"
        )
    }
    pub fn stdin_twice(self) -> String {
        t!(
            self.0,
            "`-`（标准输入）只能给出一次",
            "`-` (standard input) may be given only once"
        )
    }
    pub fn judgements_need_report(self) -> String {
        t!(
            self.0,
            "评分多份报告时，审核判定文件须写明所适用的报告（\"report\": {{ \"unit\", \"year\" }}）",
            "when scoring several reports, a judgements file must name its report (\"report\": {{ \"unit\", \"year\" }})"
        )
    }
    pub fn judgements_unused(self, path: &str) -> String {
        t!(
            self.0,
            "审核判定文件 {path} 所指的报告不在本次评分之中，判定未使用",
            "the report the judgements in {path} are for is not among the reports scored; they were not used"
        )
    }
    pub fn progress_message(self) -> String {
        t!(self.0, "评分", "scoring")
    }
    /// `--per indicator` without `--format csv`.
    pub fn per_needs_csv(self) -> String {
        t!(
            self.0,
            "--per indicator 只用于 --format csv",
            "--per indicator goes with --format csv only"
        )
    }
    pub fn one_report_format(self) -> String {
        t!(
            self.0,
            "--format markdown 和 html 只用于一份报告；多份报告请用 human、json、csv 或 xlsx",
            "--format markdown and html take one report; for many, use human, json, csv or xlsx"
        )
    }
    pub fn status_scored(self) -> String {
        t!(self.0, "已评分", "scored")
    }
    pub fn status_failed(self) -> String {
        t!(self.0, "未能评分", "failed")
    }
}

/// The columns of `--format csv`: one row per report.
pub fn csv_report_columns(lang: Lang) -> [String; 13] {
    [
        t!(lang, "来源", "source"),
        t!(lang, "状态", "status"),
        t!(lang, "单位", "unit"),
        t!(lang, "年度", "year"),
        t!(lang, "项目", "project"),
        t!(lang, "总分", "total"),
        t!(lang, "等级", "grade"),
        t!(lang, "自评总分", "self_total"),
        t!(lang, "差额", "difference"),
        t!(lang, "错误", "errors"),
        t!(lang, "警告", "warnings"),
        t!(lang, "提示", "infos"),
        t!(lang, "问题", "problem"),
    ]
}

/// The columns of `--format csv --per indicator`: one row per indicator.
pub fn csv_indicator_columns(lang: Lang) -> [String; 16] {
    [
        t!(lang, "来源", "source"),
        t!(lang, "状态", "status"),
        t!(lang, "单位", "unit"),
        t!(lang, "项目", "project"),
        t!(lang, "一级指标", "section"),
        t!(lang, "二级指标", "group"),
        t!(lang, "三级指标", "indicator"),
        t!(lang, "分值", "points"),
        t!(lang, "得分", "score"),
        t!(lang, "失分", "lost"),
        t!(lang, "自评分", "self_score"),
        t!(lang, "差额", "difference"),
        t!(lang, "年度指标值", "target"),
        t!(lang, "实际完成值", "actual"),
        t!(lang, "计分方法", "method"),
        t!(lang, "问题", "problem"),
    ]
}
