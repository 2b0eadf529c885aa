//! The report an import produces, in the report.json contract's field order, every value
//! a string as written (decimals too, so `85.50` stays `85.50`). It is checked by reading
//! it back with [`crate::report::Report::from_json`] before anyone sees it.

use serde::Serialize;

#[derive(Clone, Debug, Default, Serialize, PartialEq, Eq)]
pub struct Draft {
    pub unit: String,
    pub year: i32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub project: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub budget: Vec<DraftBudgetRow>,
    pub indicators: Vec<DraftIndicator>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub self_total: Option<String>,
}

#[derive(Clone, Debug, Default, Serialize, PartialEq, Eq)]
pub struct DraftBudgetRow {
    pub item: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    pub budget: String,
    pub executed: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rate: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub points: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub self_score: Option<String>,
}

#[derive(Clone, Debug, Default, Serialize, PartialEq, Eq)]
pub struct DraftIndicator {
    pub level1: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level2: Option<String>,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub points: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub actual: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub self_score: Option<String>,
}

impl Draft {
    /// The report.json text, pretty-printed, with a final line break.
    pub fn to_json(&self) -> String {
        // INVARIANT: the draft holds only strings, integers and lists of them.
        let mut text = serde_json::to_string_pretty(self).unwrap_or_default();
        text.push('\n');
        text
    }
}
