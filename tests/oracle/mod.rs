//! A differential oracle: policy-2021 and policy-project scored in plain Rust, written from
//! ../shared/spec/ without the rule language or any of perfrules' code — only rust_decimal
//! and serde_json — and a generator of valid random reports for each policy.
//! tests/differential.rs compares it with `perfrules eval` (the library) on every
//! indicator's score, the execution score, the total and the grade.
//!
//! The oracle reads the report's JSON itself; where the specs are silent, each choice is
//! written where it is made. Points are generated with at most two places, so that every
//! score is rounded exactly as the specs say (a score capped at points with more places is
//! a question the property tests ask).
#![allow(dead_code)]

pub mod generate;
pub mod policy2021;
pub mod project;
pub mod score;
pub mod value;
pub mod words;

use rust_decimal::Decimal;

/// Which indicator a score belongs to: a policy's fixed indicator by name, or a report row.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Key {
    Fixed(&'static str),
    Row(usize),
}

/// What the oracle makes of a report.
#[derive(Clone, Debug, Default)]
pub struct Card {
    /// Each indicator: its key, its points and its score (`None`: not scored).
    pub indicators: Vec<(Key, Option<Decimal>, Option<Decimal>)>,
    /// The execution row's score (policy-project).
    pub execution: Option<Decimal>,
    pub raw: Decimal,
    pub max: Decimal,
    pub total: Decimal,
    pub grade: &'static str,
}

impl Card {
    /// Adds an indicator; scored ones count in the raw total and the maximum.
    pub fn push(&mut self, key: Key, points: Option<Decimal>, score: Option<Decimal>) {
        if let (Some(w), Some(s)) = (points, score) {
            self.raw += s;
            self.max += w;
        }
        self.indicators.push((key, points, score));
    }
}
