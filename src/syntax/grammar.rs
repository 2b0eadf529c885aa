//! The pest parser generated from grammar/perfrules.pest.

#![allow(missing_docs)]

/// The rule language and value grammar.
#[derive(pest_derive::Parser)]
#[grammar = "../grammar/perfrules.pest"]
pub struct Grammar;
