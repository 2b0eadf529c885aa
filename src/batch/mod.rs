//! Scoring many reports in one run: the inputs a command names, found in a fixed order and
//! read one at a time ([`input`]), and an ordered parallel map that scores them on every
//! core while keeping memory bounded ([`pipeline`]). Neither prints: the command line
//! decides what each outcome becomes.

pub mod input;
pub mod pipeline;

pub use input::{Input, Inputs, Item};
pub use pipeline::{ordered_map, Panicked};
