//! Rendering: diagnostics (miette), the human scorecard, the JSON result.

pub mod diagnostic;
pub mod human;
pub mod json;
pub mod lost;
mod style;
mod table;

pub use diagnostic::Diag;
pub use style::Style;
