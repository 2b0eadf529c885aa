#![forbid(unsafe_code)]
//! perfrules scores Chinese budget performance self-evaluations (预算绩效自评) by a policy
//! written in its own rule language, with exact decimals and an explanation for every
//! point lost.

pub mod decimal;
pub mod source;
pub mod syntax;
pub mod value;
pub mod check;
pub mod report;
pub mod scorecard;
pub mod eval;
