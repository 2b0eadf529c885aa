//! `section "…" { group "…" { indicator "…" points 3 target 100% { … } any indicator } }`.

use super::Lower;
use crate::source::Spanned;
use crate::syntax::ast::{AnyIndicator, Indicator, IndicatorBody, Structure, StructureItem};
use crate::syntax::error::SyntaxError;
use crate::syntax::grammar::Rule;
use crate::value::{self, AsWritten, Value};
use pest::iterators::Pair;

impl Lower {
    /// A `section` or a `group`: the same shape at two levels.
    pub(super) fn section(&mut self, pair: Pair<'_, Rule>) -> Structure {
        let span = self.span(&pair);
        let mut inner = pair.into_inner();
        let name = match inner.next() {
            Some(p) => self.string(p),
            None => Spanned::new(String::new(), span),
        };
        let mut structure = Structure {
            name,
            aliases: Vec::new(),
            expected_points: None,
            items: Vec::new(),
            span,
        };
        for part in inner {
            match part.as_rule() {
                Rule::alias => structure.aliases.push(self.first_string(part)),
                Rule::expected_points => structure.expected_points = Some(self.first_decimal(part)),
                Rule::defaults => structure
                    .items
                    .push(StructureItem::Defaults(self.defaults(part))),
                Rule::group => structure
                    .items
                    .push(StructureItem::Group(self.section(part))),
                Rule::indicator => structure
                    .items
                    .push(StructureItem::Indicator(self.indicator(part))),
                Rule::any_indicator => structure
                    .items
                    .push(StructureItem::AnyIndicator(self.any_indicator(part))),
                _ => {}
            }
        }
        structure
    }

    /// An `indicator`, or the `execution` item (the same shape at the top level).
    pub(super) fn indicator(&mut self, pair: Pair<'_, Rule>) -> Indicator {
        let span = self.span(&pair);
        let mut inner = pair.into_inner();
        let name = match inner.next() {
            Some(p) => self.string(p),
            None => Spanned::new(String::new(), span),
        };
        let mut indicator = Indicator {
            name,
            aliases: Vec::new(),
            points: None,
            target: None,
            body: IndicatorBody::default(),
            span,
        };
        for part in inner {
            match part.as_rule() {
                Rule::alias => indicator.aliases.push(self.first_string(part)),
                Rule::fixed_points => indicator.points = Some(self.first_decimal(part)),
                Rule::fixed_target => indicator.target = self.fixed_target(part),
                Rule::indicator_body => indicator.body = self.indicator_body(part),
                _ => {}
            }
        }
        indicator
    }

    fn any_indicator(&mut self, pair: Pair<'_, Rule>) -> AnyIndicator {
        let span = self.span(&pair);
        let body = match pair.into_inner().next() {
            Some(p) => self.indicator_body(p),
            None => IndicatorBody::default(),
        };
        AnyIndicator { body, span }
    }

    fn indicator_body(&mut self, pair: Pair<'_, Rule>) -> IndicatorBody {
        let mut body = IndicatorBody::default();
        for part in pair.into_inner() {
            match part.as_rule() {
                Rule::derived_actual => {
                    body.actual = part.into_inner().next().map(|e| self.expr(e))
                }
                Rule::score => body.score = part.into_inner().next().map(|m| self.method(m)),
                _ => {}
            }
        }
        body
    }

    /// `target <= 100%` (the value grammar, inline) or `target "完整"` (the string's text,
    /// read by the same grammar as a report cell).
    fn fixed_target(&mut self, pair: Pair<'_, Rule>) -> Option<Spanned<Value<'static>>> {
        let part = pair.into_inner().next()?;
        let span = self.span(&part);
        if part.as_rule() == Rule::string {
            let content_start = span.start as usize + 1;
            let text = self.string(part).node;
            return match value::parse(&text) {
                Ok(v) => Some(Spanned::new(v, span)),
                Err(e) => {
                    let at = crate::source::Span::new(
                        self.source,
                        content_start + e.start,
                        content_start + e.end,
                    );
                    self.errors.push(SyntaxError::Value {
                        span: at,
                        kind: e.kind,
                        text,
                    });
                    None
                }
            };
        }
        let text = part.as_str().to_string();
        match value::value_from_pair(part, 0) {
            Ok(kind) => Some(Spanned::new(
                Value {
                    text: AsWritten::Kept(text.into()),
                    kind,
                },
                span,
            )),
            Err(e) => {
                let at = crate::source::Span::new(self.source, e.start, e.end);
                self.errors.push(SyntaxError::Value {
                    span: at,
                    kind: e.kind,
                    text,
                });
                None
            }
        }
    }
}
