//! Policy test cases an auditor writes: `*.test.json` files kept next to the rule files,
//! run by `perfrules test [DIR]`. A test file names one rule file and holds cases; each
//! case gives a report (a path, or a small report written inline) and what the policy must
//! make of it — total, grade, raw total, points, and per indicator a score or points lost.
//!
//! ```json
//! {
//!   "rules": "2021.pr",
//!   "cases": [
//!     {
//!       "name": "结余率超出 1 个百分点",
//!       "note": "6% 超出 5% 一个百分点：2 − 0.4 × 1 = 1.6",
//!       "report": "../examples/some-unit.json",
//!       "total": "96.72",
//!       "grade": "优",
//!       "indicators": { "任务完成率": { "score": "2.57" }, "培训次数": { "lost": "1.43" } }
//!     }
//!   ]
//! }
//! ```
//!
//! Paths are relative to the test file (a report may be anywhere, `..` included; the rule
//! file follows the rules of `extends`: inside the test file's folder). Figures are exact
//! decimals, written as strings (or as JSON numbers, read digit for digit); `2.5` and
//! `2.50` are the same figure. Unknown fields are errors, so a misspelt expectation is
//! never silently skipped.

use crate::check::Policy;
use crate::decimal::Dec;
use crate::eval::evaluate;
use crate::report::Report;
use crate::scorecard::Scorecard;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

/// A test file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TestFile {
    /// The rule file, relative to the test file.
    pub rules: String,
    pub cases: Vec<Case>,
}

/// One case.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    pub name: String,
    /// How the expected figures were worked out, for the next auditor (not read).
    #[serde(default)]
    pub note: Option<String>,
    /// A path relative to the test file, or a report written inline.
    pub report: serde_json::Value,
    #[serde(default)]
    pub total: Option<Figure>,
    #[serde(default)]
    pub grade: Option<String>,
    #[serde(default)]
    pub raw_total: Option<Figure>,
    #[serde(default)]
    pub max_points: Option<Figure>,
    #[serde(default)]
    pub indicators: BTreeMap<String, Expected>,
}

/// What one indicator must score.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Expected {
    #[serde(default)]
    pub score: Option<Figure>,
    #[serde(default)]
    pub lost: Option<Figure>,
}

/// An exact figure, as a string or a JSON number.
#[derive(Debug, Clone)]
pub struct Figure(pub Dec);

impl<'de> Deserialize<'de> for Figure {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Figure, D::Error> {
        let value = serde_json::Value::deserialize(d)?;
        let text = match &value {
            serde_json::Value::String(s) => s.clone(),
            serde_json::Value::Number(n) => n.to_string(),
            _ => return Err(serde::de::Error::custom("a figure: \"2.57\" or 2.57")),
        };
        Dec::parse_written(&text)
            .map(Figure)
            .map_err(|_| serde::de::Error::custom(format!("not an exact decimal: {text}")))
    }
}

/// What a case checks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Check {
    Total,
    RawTotal,
    MaxPoints,
    Grade,
    Score(String),
    Lost(String),
}

/// An expectation that did not hold: what was expected, what the policy gave (`None`:
/// the indicator is not in the scorecard, or not scored).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mismatch {
    pub check: Check,
    pub expected: String,
    pub got: Option<String>,
}

/// Why a case could not be run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CaseError {
    /// The report file cannot be read.
    Unreadable { path: String, reason: String },
    /// The report does not follow the report.json contract (its diagnostic code and message).
    BadReport { code: &'static str, detail: String },
    /// A total too large for a decimal.
    Overflow,
    /// The case checks nothing.
    ExpectsNothing,
}

/// The outcome of one case.
#[derive(Clone, Debug)]
pub struct Outcome {
    pub name: String,
    pub result: Result<Vec<Mismatch>, CaseError>,
}

impl Outcome {
    pub fn passed(&self) -> bool {
        matches!(&self.result, Ok(m) if m.is_empty())
    }
}

/// Reads a test file.
pub fn read(text: &str) -> Result<TestFile, String> {
    serde_json::from_str(text).map_err(|e| e.to_string())
}

/// Runs every case of a test file whose policy is `policy`; `dir` is the test file's folder.
pub fn run(file: &TestFile, policy: &Policy, dir: &Path) -> Vec<Outcome> {
    file.cases
        .iter()
        .map(|case| Outcome {
            name: case.name.clone(),
            result: run_case(case, policy, dir),
        })
        .collect()
}

fn run_case(case: &Case, policy: &Policy, dir: &Path) -> Result<Vec<Mismatch>, CaseError> {
    let expects = case.total.is_some()
        || case.grade.is_some()
        || case.raw_total.is_some()
        || case.max_points.is_some()
        || case
            .indicators
            .values()
            .any(|e| e.score.is_some() || e.lost.is_some());
    if !expects {
        return Err(CaseError::ExpectsNothing);
    }
    let text = match &case.report {
        serde_json::Value::String(path) => {
            let path = dir.join(path);
            crate::limits::read_file(&path, crate::limits::MAX_REPORT_BYTES).map_err(|e| {
                CaseError::Unreadable {
                    path: path.display().to_string(),
                    reason: match e {
                        crate::limits::ReadError::Io(e) => e.to_string(),
                        crate::limits::ReadError::TooLarge(_) => {
                            crate::report::ReportError::too_large(None)
                                .code()
                                .to_string()
                        }
                    },
                }
            })?
        }
        inline => inline.to_string(),
    };
    let report = Report::from_json(&text).map_err(|e| CaseError::BadReport {
        code: e.code(),
        detail: format!("{e:?}"),
    })?;
    let card = evaluate(policy, &report).map_err(|_| CaseError::Overflow)?;
    Ok(compare(case, &card))
}

fn compare(case: &Case, card: &Scorecard) -> Vec<Mismatch> {
    let mut out = Vec::new();
    let mut figure = |check: Check, expected: &Option<Figure>, got: Option<Dec>| {
        if let Some(Figure(e)) = expected {
            if got != Some(*e) {
                out.push(Mismatch {
                    check,
                    expected: e.to_string(),
                    got: got.map(|g| g.to_string()),
                });
            }
        }
    };
    figure(Check::Total, &case.total, Some(card.total));
    figure(Check::RawTotal, &case.raw_total, Some(card.raw_total));
    figure(Check::MaxPoints, &case.max_points, Some(card.max_points));
    for (name, expected) in &case.indicators {
        let scored = card
            .indicators
            .iter()
            .find(|s| crate::check::names::key(&s.name) == crate::check::names::key(name));
        figure(
            Check::Score(name.clone()),
            &expected.score,
            scored.and_then(|s| s.score),
        );
        figure(
            Check::Lost(name.clone()),
            &expected.lost,
            scored.and_then(|s| s.lost),
        );
    }
    if let Some(grade) = &case.grade {
        if *grade != card.grade {
            out.push(Mismatch {
                check: Check::Grade,
                expected: grade.clone(),
                got: Some(card.grade.to_string()),
            });
        }
    }
    out
}
