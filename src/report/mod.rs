//! The report.json contract (shared/spec/report-format.md): one unit's self-evaluation,
//! every figure read exactly and every value kept as written. Unknown fields are errors
//! with their JSON path; so is a decimal that does not parse.

mod amount;
mod bounded;
mod error;

pub use amount::Amount;
pub use bounded::{indicator_rows, optional_text, text};

/// The JSON Schema of report.json (`perfrules schema report`). Tests keep it in step with the
/// types below: every example is valid under both, unknown and missing fields are refused by
/// both.
pub const SCHEMA: &str = include_str!("report.schema.json");
pub use error::{ReportError, ReportErrorKind};

use serde::Deserialize;

/// One unit's self-evaluation for one year.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Report {
    /// 部门（单位）名称
    #[serde(deserialize_with = "bounded::text")]
    pub unit: String,
    /// The year evaluated; periods without a year ("11月") are read in it.
    pub year: i32,
    /// "部门整体支出" or "项目支出".
    #[serde(default, deserialize_with = "bounded::optional_text")]
    pub kind: Option<String>,
    /// 项目名称, for 项目支出 reports.
    #[serde(default, deserialize_with = "bounded::optional_text")]
    pub project: Option<String>,
    /// The budget execution table, in the order written.
    #[serde(default, deserialize_with = "bounded::budget_rows")]
    pub budget: Vec<BudgetRow>,
    /// The indicator table, in the order written.
    #[serde(deserialize_with = "bounded::indicator_rows")]
    pub indicators: Vec<IndicatorRow>,
    /// 总分 / 自评得分 as the unit wrote it.
    #[serde(default)]
    pub self_total: Option<Amount>,
}

/// A row of the budget execution table.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct BudgetRow {
    /// 部门整体预算总额 / 财政拨款 / 基本支出 …
    #[serde(deserialize_with = "bounded::text")]
    pub item: String,
    /// The heading the row stands under (资金来源, 资金结构); the total row has none.
    #[serde(default, deserialize_with = "bounded::optional_text")]
    pub parent: Option<String>,
    /// 全年预算数
    pub budget: Amount,
    /// 全年执行数
    pub executed: Amount,
    /// 执行率 as written, in percent (85.50 means 85.50%).
    #[serde(default)]
    pub rate: Option<Amount>,
    /// 分值 where the form scores the execution row.
    #[serde(default)]
    pub points: Option<Amount>,
    /// 得分 the unit gave the execution row.
    #[serde(default)]
    pub self_score: Option<Amount>,
}

/// A row of the indicator table.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct IndicatorRow {
    /// 一级指标
    #[serde(deserialize_with = "bounded::text")]
    pub level1: String,
    /// 二级指标, where the form has one.
    #[serde(default, deserialize_with = "bounded::optional_text")]
    pub level2: Option<String>,
    /// 三级指标, as written.
    #[serde(deserialize_with = "bounded::text")]
    pub name: String,
    /// 分值 the unit declared.
    #[serde(default)]
    pub points: Option<Amount>,
    /// 年度指标值, as written.
    #[serde(default, deserialize_with = "bounded::optional_value")]
    pub target: Option<String>,
    /// 全年完成值 / 实际完成值, as written.
    #[serde(default, deserialize_with = "bounded::optional_value")]
    pub actual: Option<String>,
    /// 原因分析 / 偏差原因分析及改进措施.
    #[serde(default, deserialize_with = "bounded::optional_text")]
    pub reason: Option<String>,
    /// 自评分 / 得分, the unit's own score.
    #[serde(default)]
    pub self_score: Option<Amount>,
}

impl Report {
    /// Reads a report from JSON text. Errors carry the JSON path and the byte offset.
    pub fn from_json(text: &str) -> Result<Report, ReportError> {
        read_json(text)
    }
}

/// Reads one of perfrules' JSON inputs (a report, a judgements file) exactly: decimals digit
/// for digit, unknown fields refused, errors with the JSON path and byte offset. An input
/// larger than [`crate::limits::MAX_REPORT_BYTES`] is refused before it is parsed; one
/// nested deeper than [`crate::limits::MAX_JSON_DEPTH`] is refused as too deep.
///
/// The JSON path costs about 40% of the reading, and only a failing input needs it, so the
/// text is read by serde_json alone first; only when that fails is it read again, tracking
/// the path, for the diagnostic. Both readings accept and refuse exactly the same texts.
///
/// Nesting is measured only when that first reading fails. The inputs are typed to the
/// last field (unknown fields refused, no free-form JSON), so one that reads is as deep as
/// its types — three levels — and one nested deeper than the limit never reads; serde_json
/// stops at 128 levels on its own, so the first reading cannot exhaust the stack. The
/// measure, a pass over every byte, was a seventh of the cost of scoring a report.
pub fn read_json<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, ReportError> {
    // A byte-order mark (as Windows tools write UTF-8) is not part of the JSON; offsets in
    // errors still count from the start of the file.
    if let Some(rest) = text.strip_prefix('\u{feff}') {
        return read_json(rest).map_err(|mut e| {
            e.offset += '\u{feff}'.len_utf8();
            e
        });
    }
    if text.len() > crate::limits::MAX_REPORT_BYTES {
        return Err(ReportError::too_large(Some(text.len() as u64)));
    }
    if let Ok(value) = serde_json::from_str(text) {
        return Ok(value);
    }
    if let Some(offset) = bounded::too_deep(text) {
        return Err(ReportError {
            kind: ReportErrorKind::TooDeep {
                limit: crate::limits::MAX_JSON_DEPTH,
            },
            path: String::new(),
            offset,
        });
    }
    let mut de = serde_json::Deserializer::from_str(text);
    let value: T =
        serde_path_to_error::deserialize(&mut de).map_err(|e| ReportError::from_serde(text, e))?;
    de.end()
        .map_err(|e| ReportError::from_serde_plain(text, e))?;
    Ok(value)
}

impl IndicatorRow {
    /// Whether the reason cell says something (not blank).
    pub fn has_reason(&self) -> bool {
        self.reason
            .as_deref()
            .is_some_and(|r| !crate::value::is_blank_text(r))
    }
}
