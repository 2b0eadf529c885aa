//! Words of the files perfrules writes: scorecards as Markdown, workbooks and web pages.

use super::Lang;
use crate::t;

pub fn cannot_write(path: &str, error: &str, lang: Lang) -> String {
    t!(
        lang,
        "无法写入 {path}：{error}（原有文件未改动）",
        "cannot write {path}: {error} (any existing file is untouched)"
    )
}

/// Under the total, when some indicators were not scored for want of points.
pub fn not_scored_note(n: usize, lang: Lang) -> String {
    t!(
        lang,
        "注意：{n} 项指标没有分值（规则和报告都未给出），未计分，不在总分内——逐项见下方 perfrules::eval::no_points",
        "note: {n} indicators have no points (neither the policy nor the report gives them) and are not scored; the total leaves them out — each is named below (perfrules::eval::no_points)"
    )
}
