//! Lines and comments. The printer makes the lines of a file, each with the source offset
//! of what it prints; comments, which the syntax tree does not hold, are then put back by
//! their offsets:
//!
//! - a comment on a line of its own goes before the first printed line that starts after
//!   it, indented as that line (one step deeper before a closing `}`);
//! - a comment after code goes at the end of the printed line in effect where it was
//!   written; a second one for the same line goes on its own line just above it;
//! - a blank line is kept (one, however many there were) where the source has one before
//!   a line or comment, except just inside `{` and before `}`;
//! - trailing comments on consecutive lines line up: at column 36, or three spaces after
//!   the longest line of the run when that is further right.

use unicode_width::UnicodeWidthStr;

/// Indentation of one level.
pub const INDENT: &str = "  ";
/// The width lines are filled to (lists of units and words).
pub const WIDTH: usize = 100;
/// Where trailing comments line up, at the least (0-based column).
const COMMENT_COLUMN: usize = 35;

/// A printed line.
#[derive(Clone, Debug)]
pub struct Line {
    pub indent: usize,
    pub text: String,
    /// Source offset of what the line prints first.
    pub start: usize,
    /// A `}` line: comments just before it belong inside the block.
    pub closing: bool,
}

/// A comment of the source.
#[derive(Clone, Debug)]
pub struct Comment {
    pub start: usize,
    pub text: String,
    /// Nothing but spaces before it on its line.
    pub own_line: bool,
}

/// Every comment of a rule file, outside strings.
pub fn comments(text: &str) -> Vec<Comment> {
    let mut out = Vec::new();
    let mut in_string = false;
    let mut escaped = false;
    let mut line_start = 0;
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if in_string {
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                (false, '\n' | '\r') => line_start = i + 1,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_string = true,
            '\n' | '\r' => line_start = i + 1,
            '#' => {
                // to the end of the line as the grammar sees it (pest's NEWLINE): a lone
                // carriage return ends a comment too, and what follows it is code
                let end = text[i..].find(['\n', '\r']).map_or(text.len(), |n| i + n);
                let own_line = text[line_start..i].trim().is_empty();
                out.push(Comment {
                    start: i,
                    text: text[i..end].trim_end().to_string(),
                    own_line,
                });
                while iter.peek().is_some_and(|(j, _)| *j < end) {
                    iter.next();
                }
            }
            _ => {}
        }
    }
    out
}

/// Whether a comment lies inside a byte range.
pub fn any_within(comments: &[Comment], start: usize, end: usize) -> bool {
    comments.iter().any(|c| c.start > start && c.start < end)
}

/// One line of output before alignment.
struct Out {
    indent: usize,
    code: String,
    trailing: Option<String>,
    blank_before: bool,
}

/// The source line (0-based) of an offset.
fn line_of(text: &str, offset: usize) -> usize {
    text.get(..offset.min(text.len()))
        .map_or(0, |t| t.matches('\n').count())
}

fn blank_line_above(text: &str, offset: usize) -> bool {
    let line = line_of(text, offset);
    line > 0
        && text
            .lines()
            .nth(line - 1)
            .is_some_and(|l| l.trim().is_empty())
}

/// Weaves the comments into the printed lines and lays the file out.
pub fn render(lines: &[Line], comments: &[Comment], text: &str) -> String {
    // which printed line each comment goes with
    let mut before: Vec<Vec<&Comment>> = vec![Vec::new(); lines.len() + 1];
    let mut after: Vec<Vec<&Comment>> = vec![Vec::new(); lines.len()];
    for c in comments {
        let next = lines.iter().position(|l| l.start > c.start);
        if c.own_line {
            before[next.unwrap_or(lines.len())].push(c);
        } else {
            match next.unwrap_or(lines.len()).checked_sub(1) {
                Some(i) => after[i].push(c),
                None => before[0].push(c),
            }
        }
    }
    let mut out: Vec<Out> = Vec::new();
    // (source line, whether it opened a block) of the last element written
    let mut last: Option<(usize, bool)> = None;
    let push = |out: &mut Vec<Out>,
                indent: usize,
                code: String,
                trailing: Option<String>,
                start: usize,
                opens: bool,
                closing: bool,
                last: &mut Option<(usize, bool)>| {
        let line = line_of(text, start);
        let blank = match *last {
            None => false,
            Some((prev_line, prev_opens)) => {
                !prev_opens && !closing && prev_line != line && blank_line_above(text, start)
            }
        };
        out.push(Out {
            indent,
            code,
            trailing,
            blank_before: blank,
        });
        *last = Some((line, opens));
    };
    for (i, line) in lines.iter().enumerate() {
        let inner = line.indent + usize::from(line.closing);
        for c in &before[i] {
            push(
                &mut out,
                inner,
                c.text.clone(),
                None,
                c.start,
                false,
                false,
                &mut last,
            );
        }
        let mut trailing = after[i].clone();
        let last_trailing = trailing.pop();
        for c in trailing {
            // a second comment for one line goes just above it
            push(
                &mut out,
                line.indent,
                c.text.clone(),
                None,
                c.start,
                false,
                false,
                &mut last,
            );
        }
        push(
            &mut out,
            line.indent,
            line.text.clone(),
            last_trailing.map(|c| c.text.clone()),
            line.start,
            line.text.ends_with('{'),
            line.closing,
            &mut last,
        );
    }
    for c in &before[lines.len()] {
        push(
            &mut out,
            0,
            c.text.clone(),
            None,
            c.start,
            false,
            false,
            &mut last,
        );
    }
    align(&out)
}

fn align(lines: &[Out]) -> String {
    let width = |l: &Out| INDENT.len() * l.indent + l.code.width();
    let mut column = vec![0; lines.len()];
    let mut i = 0;
    while i < lines.len() {
        if lines[i].trailing.is_none() {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < lines.len() && lines[j].trailing.is_some() && (j == i || !lines[j].blank_before) {
            j += 1;
        }
        let longest = lines[i..j].iter().map(width).max().unwrap_or(0);
        let at = COMMENT_COLUMN.max(longest + 3);
        column[i..j].iter_mut().for_each(|c| *c = at);
        i = j;
    }
    let mut text = String::new();
    for (l, at) in lines.iter().zip(column) {
        if l.blank_before {
            text.push('\n');
        }
        let mut line = format!("{}{}", INDENT.repeat(l.indent), l.code);
        if let Some(comment) = &l.trailing {
            let pad = at.saturating_sub(line.width()).max(1);
            line.push_str(&" ".repeat(pad));
            line.push_str(comment);
        }
        text.push_str(line.trim_end());
        text.push('\n');
    }
    text
}
