#![forbid(unsafe_code)]
//! perfrules scores Chinese budget performance self-evaluations (预算绩效自评) by a policy
//! written in its own rule language, with exact decimals and an explanation for every
//! point lost.
//!
//! The pipeline, one module each: grammar/perfrules.pest → [`syntax`] (pest, lowered to a
//! spanned syntax tree) → [`check`] (static analysis; the only way to build a
//! [`check::Policy`]) → [`eval`] (scores a [`report::Report`]) → [`scorecard`] (the result,
//! as data) → [`output`] (diagnostics, the human scorecard, JSON; words from [`i18n`]) →
//! [`cli`] (the only part that prints). [`limits`] bounds every input.
//!
//! ```
//! use perfrules::{check, eval, report::Report, source::Sources, syntax};
//!
//! let rules = r#"
//!     policy "示例" {
//!       year 2021
//!       full_marks 100
//!       round indicator 2 half_up
//!       grades { 优 >= 90, 良 >= 80, 中 >= 60, 差 }
//!     }
//!     units { 次 }
//!     default { at_least: proportional }
//!     section "任务指标" { any indicator }
//! "#;
//! let mut sources = Sources::new();
//! let id = sources.add("示例.pr", rules);
//! let file = syntax::parse(id, rules).expect("the rule file parses");
//! let policy = check::check(sources, id, &file).expect("the rule file checks");
//!
//! let report = Report::from_json(r#"{"unit": "某单位", "year": 2021, "indicators": [
//!     {"level1": "任务指标", "name": "培训次数", "points": "2", "target": ">=14次", "actual": "4次"}
//! ]}"#).expect("the report reads");
//! let card = eval::evaluate(&policy, &report).expect("the report is scored");
//!
//! // 4 ÷ 14 × 2 = 0.5714… → 0.57
//! assert_eq!(card.indicators[0].score.map(|s| s.to_string()).as_deref(), Some("0.57"));
//! assert_eq!(card.raw_total.to_string(), "0.57");
//! ```

pub mod batch;
pub mod cases;
pub mod check;
pub mod cli;
pub mod decimal;
pub mod diff;
pub mod eval;
pub mod extends;
pub mod fmt;
pub mod i18n;
pub mod import;
pub mod interval;
pub mod judgement;
pub mod limits;
pub mod output;
pub mod report;
pub mod scorecard;
pub mod source;
pub mod syntax;
pub mod value;
