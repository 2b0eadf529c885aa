//! `perfrules fmt`: one canonical layout of a rule file, that keeps every comment where it
//! was and never changes what the file says. The file is parsed, printed from its syntax
//! tree ([`print`]) and its comments put back by position ([`layout`]). Formatting a
//! formatted file changes nothing, and the formatted file parses to the same syntax tree
//! (equality of trees ignores spans): both are tested on every rule file and fixture.
//!
//! What the layout keeps as written: the digits of numbers (`0.20` stays `0.20`), targets
//! (`<= 100%`, `"完整"`, quoted or not), the order of everything, and one blank line where
//! the author left one or more. What it decides: indentation (two spaces), spacing, one
//! setting per line, operators in their ASCII form (`*` for `×`), where lists of units and
//! words break, and where trailing comments line up.

pub mod expr;
mod layout;
mod print;

use crate::source::SourceId;
use crate::syntax::SyntaxError;

/// The canonical layout of a rule file's text, or why it cannot be read.
pub fn format(text: &str) -> Result<String, Vec<SyntaxError>> {
    let file = crate::syntax::parse(SourceId(0), text)?;
    let comments = layout::comments(text);
    let mut printer = print::Printer {
        text,
        comments: &comments,
        lines: Vec::new(),
    };
    printer.file(&file);
    Ok(layout::render(&printer.lines, &comments, text))
}
