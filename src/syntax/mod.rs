//! Reading a rule file: pest parses grammar/perfrules.pest, and [`lower`] turns the parse
//! tree into the spanned syntax tree of [`ast`].

pub mod ast;
mod error;
pub mod grammar;
mod lower;

pub use crate::limits::MAX_NESTING;
pub use error::{Nesting, SyntaxError};
pub use lower::parse;
