//! Lowering: one function per grammar rule, named after the rule, from pest pairs to the
//! syntax tree. Lowering collects every problem it finds rather than stopping at the first.

mod actuals;
mod checks;
mod expr;
mod extends;
mod header;
mod methods;
mod structure;
mod units;
mod vocabulary;

use super::ast::{Item, RuleFile};
use super::error::{Nesting, SyntaxError};
use super::grammar::{Grammar, Rule};
use crate::decimal::{Dec, DecimalTextError};
use crate::limits::{MAX_NESTING, MAX_RULE_FILE_BYTES};
use crate::source::{SourceId, Span, Spanned};
use pest::iterators::Pair;
use pest::Parser;

/// Parses a rule file into its syntax tree, or every problem found in it. A file larger
/// than [`MAX_RULE_FILE_BYTES`] or with brackets nested deeper than [`MAX_NESTING`] is
/// refused before pest sees it; an expression deeper than
/// [`crate::limits::MAX_EXPR_DEPTH`] is refused before it is lowered. So no input can
/// exhaust the stack here, in the checker or in the evaluator, which all recurse over
/// expressions.
pub fn parse(source: SourceId, text: &str) -> Result<RuleFile, Vec<SyntaxError>> {
    if text.len() > MAX_RULE_FILE_BYTES {
        return Err(vec![SyntaxError::FileTooLarge {
            span: Span::new(source, 0, 0),
            size: Some(text.len() as u64),
            limit: MAX_RULE_FILE_BYTES,
        }]);
    }
    if let Some(span) = too_deep(source, text) {
        return Err(vec![SyntaxError::TooDeep {
            span,
            limit: MAX_NESTING,
            nesting: Nesting::Brackets,
        }]);
    }
    let mut pairs =
        Grammar::parse(Rule::file, text).map_err(|e| vec![unexpected(source, text, e)])?;
    let mut lower = Lower {
        source,
        errors: Vec::new(),
        in_expr: false,
    };
    let (extends, items) = match pairs.next() {
        Some(file) => lower.file(file),
        None => (None, Vec::new()),
    };
    if lower.errors.is_empty() {
        Ok(RuleFile { extends, items })
    } else {
        lower.errors.sort_by_key(|e| e.span().key());
        Err(lower.errors)
    }
}

/// The first opening bracket past the nesting limit, outside strings and comments.
fn too_deep(source: SourceId, text: &str) -> Option<Span> {
    brackets(text).too_deep.map(|i| Span::new(source, i, i + 1))
}

/// What a scan of the brackets outside strings and comments finds.
struct Brackets {
    /// The first opening bracket past [`MAX_NESTING`].
    too_deep: Option<usize>,
    /// Opening brackets still open at the end, outermost first.
    open: Vec<(usize, char)>,
}

fn brackets(text: &str) -> Brackets {
    let mut open: Vec<(usize, char)> = Vec::new();
    let mut too_deep = None;
    let mut in_string = false;
    let mut in_comment = false;
    let mut escaped = false;
    for (i, c) in text.char_indices() {
        if in_comment {
            in_comment = c != '\n';
            continue;
        }
        if in_string {
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '#' => in_comment = true,
            '"' => in_string = true,
            '(' | '[' | '{' => {
                open.push((i, c));
                if open.len() > MAX_NESTING && too_deep.is_none() {
                    too_deep = Some(i);
                }
            }
            ')' | ']' | '}' => {
                open.pop();
            }
            _ => {}
        }
    }
    Brackets { too_deep, open }
}

fn unexpected(source: SourceId, text: &str, e: pest::error::Error<Rule>) -> SyntaxError {
    let start = match e.location {
        pest::error::InputLocation::Pos(p) => p,
        pest::error::InputLocation::Span((s, _)) => s,
    };
    let found: String = text
        .get(start..)
        .unwrap_or("")
        .chars()
        .take_while(|c| !c.is_whitespace())
        .take(24)
        .collect();
    let end = start
        + found.len().max(
            text.get(start..)
                .and_then(|r| r.chars().next())
                .map_or(0, char::len_utf8),
        );
    let expected = match e.variant {
        pest::error::ErrorVariant::ParsingError { positives, .. } => positives,
        // pest stops at its own limits ("stack limit reached", "call limit reached") rather
        // than overflow the stack: the only way to reach them is nesting.
        pest::error::ErrorVariant::CustomError { .. } => {
            return SyntaxError::TooDeep {
                span: Span::new(source, start, end.min(text.len())),
                limit: crate::limits::MAX_EXPR_DEPTH,
                nesting: Nesting::Parser,
            }
        }
    };
    // The file ends inside a block: point at the block that was never closed.
    if found.is_empty() {
        if let Some(&(at, bracket)) = brackets(text).open.last() {
            return SyntaxError::Unclosed {
                span: Span::new(source, at, at + bracket.len_utf8()),
                bracket,
            };
        }
    }
    SyntaxError::Unexpected {
        span: Span::new(source, start, end.min(text.len())),
        expected,
        found,
    }
}

/// The state of lowering one file.
pub(super) struct Lower {
    source: SourceId,
    errors: Vec<SyntaxError>,
    /// Whether an expression is being lowered (its depth has been measured already).
    in_expr: bool,
}

impl Lower {
    fn span(&self, pair: &Pair<'_, Rule>) -> Span {
        let s = pair.as_span();
        Span::new(self.source, s.start(), s.end())
    }

    fn file(&mut self, file: Pair<'_, Rule>) -> (Option<Spanned<String>>, Vec<Item>) {
        let mut extends = None;
        let mut items = Vec::new();
        for item in file.into_inner() {
            if item.as_rule() == Rule::extends {
                extends = Some(self.first_string(item));
            } else if let Some(item) = self.item(item) {
                items.push(item);
            }
        }
        (extends, items)
    }

    fn item(&mut self, item: Pair<'_, Rule>) -> Option<Item> {
        Some(match item.as_rule() {
            Rule::policy => Item::Policy(self.policy(item)),
            Rule::units => Item::Units(self.units(item)),
            Rule::vocabulary => Item::Vocabulary(self.vocabulary(item)),
            Rule::actuals => Item::Actuals(self.actuals(item)),
            Rule::defaults => Item::Defaults(self.defaults(item)),
            Rule::execution => Item::Execution(Box::new(self.indicator(item))),
            Rule::section => Item::Section(self.section(item)),
            Rule::check => Item::Check(Box::new(self.check(item))),
            Rule::override_item => Item::Override(Box::new(self.override_item(item)?)),
            Rule::remove_item => Item::Remove(self.remove_item(item)?),
            _ => return None, // EOI
        })
    }

    /// A `string`: its unescaped content.
    fn string(&mut self, pair: Pair<'_, Rule>) -> Spanned<String> {
        let span = self.span(&pair);
        let inner = pair.into_inner().next();
        let (raw, start) = match &inner {
            Some(p) => (p.as_str(), p.as_span().start()),
            None => ("", span.start as usize),
        };
        Spanned::new(self.unescape(raw, start), span)
    }

    /// Resolves `\"`, `\\`, `\n`, `\t`, `\{`, `\}`; anything else is an error.
    fn unescape(&mut self, raw: &str, start: usize) -> String {
        if !raw.contains('\\') {
            return raw.to_string();
        }
        let mut out = String::with_capacity(raw.len());
        let mut chars = raw.char_indices();
        while let Some((i, c)) = chars.next() {
            if c != '\\' {
                out.push(c);
                continue;
            }
            match chars.next() {
                Some((_, '"')) => out.push('"'),
                Some((_, '\\')) => out.push('\\'),
                Some((_, 'n')) => out.push('\n'),
                Some((_, 't')) => out.push('\t'),
                Some((_, '{')) => out.push('{'),
                Some((_, '}')) => out.push('}'),
                Some((j, other)) => self.errors.push(SyntaxError::BadEscape {
                    span: Span::new(self.source, start + i, start + j + other.len_utf8()),
                    escape: format!("\\{other}"),
                }),
                None => {}
            }
        }
        out
    }

    /// A `decimal`, `number` or other pair whose text is a decimal.
    fn decimal(&mut self, pair: Pair<'_, Rule>) -> Spanned<Dec> {
        let span = self.span(&pair);
        let value = match Dec::parse_written(pair.as_str()) {
            Ok(d) => d,
            Err(DecimalTextError::OutOfRange | DecimalTextError::NotANumber) => {
                self.errors.push(SyntaxError::NumberOutOfRange {
                    span,
                    text: pair.as_str().to_string(),
                });
                Dec::ZERO
            }
        };
        Spanned::new(value, span)
    }

    /// A `label` or `string` used as a name.
    fn name(&mut self, pair: Pair<'_, Rule>) -> Spanned<String> {
        match pair.as_rule() {
            Rule::string => self.string(pair),
            _ => Spanned::new(pair.as_str().to_string(), self.span(&pair)),
        }
    }
}
