//! `perfrules fmt`: one canonical layout of a rule file.
pub mod expr;
