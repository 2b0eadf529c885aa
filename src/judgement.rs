//! Auditor judgements: a JSON file in which an auditor sets, per indicator, a score and a
//! note. A judgement applies only to a qualitative indicator, only inside the band of its
//! word's class (10号文: achieved [80%, 100%], partly [60%, 80%), not achieved [0, 60%)), and
//! only to the indicator it names; anything else refuses the whole file (see
//! crate::eval::judge).
//!
//! ```json
//! {
//!   "report": { "unit": "某单位", "year": 2022 },
//!   "judgements": [
//!     { "indicator": "服务及时性", "score": "5", "note": "第四批晚 10 天拨付" }
//!   ]
//! }
//! ```
//!
//! `report` is optional; when given, the file applies only to the report of that unit and
//! year. `score` is a decimal (string or number), `note` is required: a judgement is always
//! explained.

use crate::report::{read_json, Amount, ReportError};
use serde::Deserialize;

/// A judgements file.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Judgements {
    #[serde(default)]
    pub report: Option<JudgedReport>,
    #[serde(deserialize_with = "crate::report::indicator_rows")]
    pub judgements: Vec<Judgement>,
    /// Where each judgement's indicator name is written in the file (byte range of the
    /// quoted name), for diagnostics.
    #[serde(skip)]
    pub spans: Vec<(usize, usize)>,
}

/// The report a judgements file is for.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JudgedReport {
    #[serde(deserialize_with = "crate::report::text")]
    pub unit: String,
    pub year: i32,
}

/// One judgement.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Judgement {
    /// The indicator's name, as the policy or the report writes it.
    #[serde(deserialize_with = "crate::report::text")]
    pub indicator: String,
    /// The score the auditor sets.
    pub score: Amount,
    /// Why: shown in the explanation.
    #[serde(deserialize_with = "crate::report::text")]
    pub note: String,
}

impl Judgements {
    /// Reads a judgements file.
    pub fn from_json(text: &str) -> Result<Judgements, ReportError> {
        let mut judgements: Judgements = read_json(text)?;
        let mut from = 0;
        judgements.spans = judgements
            .judgements
            .iter()
            .map(|j| {
                let quoted = serde_json::to_string(&j.indicator).unwrap_or_default();
                match text.get(from..).and_then(|rest| rest.find(&quoted)) {
                    Some(i) => {
                        from += i + quoted.len();
                        (from - quoted.len(), from)
                    }
                    None => (0, 0),
                }
            })
            .collect();
        Ok(judgements)
    }
}
