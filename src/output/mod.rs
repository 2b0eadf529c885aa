//! Rendering: diagnostics (miette), the human scorecard, the JSON result, and the
//! scorecards auditors hand back (Markdown, xlsx, HTML).

pub mod cells;
pub mod csv;
pub mod diagnostic;
pub mod diff;
pub mod html;
pub mod human;
pub mod json;
pub mod lost;
pub mod markdown;
mod packed;
mod style;
pub mod summary;
mod table;
pub mod xlsx;

pub use diagnostic::Diag;
pub use style::Style;
