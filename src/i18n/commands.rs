//! Words of `perfrules check`, `fmt` and `test`.

use super::Lang;
use crate::t;

/// The closing lines of the authoring commands, in one language.
#[derive(Clone, Copy, Debug)]
pub struct Words(pub Lang);

impl Words {
    /// After `check` found problems in a file.
    pub fn checked(self, path: &str, errors: usize, warnings: usize) -> String {
        t!(
            self.0,
            "{path}：错误 {errors} 处，警告 {warnings} 处",
            "{path}: {errors} errors, {warnings} warnings"
        )
    }
    /// `fmt` rewrote a file.
    pub fn formatted(self, path: &str) -> String {
        t!(self.0, "已排版 {path}", "formatted {path}")
    }
    /// `fmt --check`: files not laid out canonically.
    pub fn not_formatted(self, n: usize) -> String {
        t!(
            self.0,
            "{n} 个文件未按统一格式排版：运行 `perfrules fmt` 改写",
            "{n} files are not formatted: run `perfrules fmt` to rewrite them"
        )
    }
    pub fn cannot_write(self, path: &str, reason: &str) -> String {
        t!(
            self.0,
            "无法写入 {path}：{reason}",
            "cannot write {path}: {reason}"
        )
    }
    /// `fmt` cannot format a file that does not parse.
    pub fn cannot_format(self, path: &str) -> String {
        t!(
            self.0,
            "{path} 有语法错误，未排版",
            "{path} has syntax errors; it was not formatted"
        )
    }
    /// `test`: the closing line.
    pub fn tally(self, passed: usize, failed: usize) -> String {
        t!(
            self.0,
            "{passed} 项通过，{failed} 项失败（{passed} passed, {failed} failed）",
            "{passed} passed, {failed} failed"
        )
    }
    pub fn no_tests(self, dir: &str) -> String {
        t!(
            self.0,
            "{dir} 中没有测试用例文件（*.test.json）",
            "no test files (*.test.json) in {dir}"
        )
    }
    pub fn passed(self) -> String {
        t!(self.0, "通过", "ok")
    }
    pub fn failed(self) -> String {
        t!(self.0, "失败", "FAILED")
    }
    /// One expectation that did not hold.
    pub fn expected_got(self, what: &str, expected: &str, got: &str) -> String {
        t!(
            self.0,
            "{what}：期望 {expected}，实际 {got}",
            "{what}: expected {expected}, got {got}"
        )
    }
    pub fn total(self) -> String {
        t!(self.0, "总分", "total")
    }
    pub fn raw_total(self) -> String {
        t!(self.0, "原始得分", "raw total")
    }
    pub fn max_points(self) -> String {
        t!(self.0, "分值合计", "points")
    }
    pub fn grade(self) -> String {
        t!(self.0, "等级", "grade")
    }
    pub fn score_of(self, name: &str) -> String {
        t!(self.0, "“{name}”得分", "score of “{name}”")
    }
    pub fn lost_of(self, name: &str) -> String {
        t!(self.0, "“{name}”失分", "points lost by “{name}”")
    }
    pub fn no_such_indicator(self) -> String {
        t!(
            self.0,
            "报告中没有这一指标，或它未计分",
            "not in the scorecard, or not scored"
        )
    }
    pub fn not_scored(self) -> String {
        t!(self.0, "未计分", "not scored")
    }
    /// A test case that could not be run.
    pub fn case_error(self, reason: &str) -> String {
        t!(self.0, "无法运行：{reason}", "could not run: {reason}")
    }
    pub fn bad_test_file(self, path: &str, reason: &str) -> String {
        t!(
            self.0,
            "测试文件 {path} 无法读取：{reason}",
            "the test file {path} cannot be read: {reason}"
        )
    }
    pub fn rules_outside(self, path: &str) -> String {
        t!(
            self.0,
            "测试文件所指的规则文件 `{path}` 不在测试文件所在的文件夹内",
            "the rule file `{path}` is not inside the test file's folder"
        )
    }
    pub fn unreadable_report(self, path: &str, reason: &str) -> String {
        t!(
            self.0,
            "报告 {path} 无法读取：{reason}",
            "the report {path} cannot be read: {reason}"
        )
    }
    pub fn bad_report(self, code: &str) -> String {
        t!(
            self.0,
            "报告不符合 report.json 格式（{code}）；用 `perfrules eval` 查看详情",
            "the report does not follow report.json ({code}); `perfrules eval` shows where"
        )
    }
    pub fn overflow(self) -> String {
        t!(
            self.0,
            "总分超出小数范围",
            "a total is too large for a decimal"
        )
    }
    pub fn expects_nothing(self) -> String {
        t!(
            self.0,
            "用例没有写任何期望（total、grade、raw_total、max_points 或 indicators）",
            "the case expects nothing (total, grade, raw_total, max_points or indicators)"
        )
    }
}
