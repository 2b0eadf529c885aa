//! From the value grammar's parse tree to a [`Value`].

use super::period::{is_day, is_month, is_quarter, Period, PeriodSpan, QUARTER_NUMERALS};
use super::{AsWritten, Comparison, Measured, Quantity, Unit, Value, ValueKind};
use crate::decimal::{Dec, DecimalTextError};
use crate::syntax::grammar::{Grammar, Rule};
use pest::iterators::Pair;
use pest::Parser;

/// Why a value could not be read. Offsets are bytes into the text that was parsed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValueError {
    pub kind: ValueErrorKind,
    pub start: usize,
    pub end: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValueErrorKind {
    /// The text is not a value: it starts like a number or comparison and then is not one
    /// (`>=abc`, `100%完成`).
    Unreadable,
    /// A number with more than 28 significant digits, or too large.
    NumberOutOfRange,
    /// `13月`, `0月`
    NotAMonth(u32),
    /// `2月30日`
    NotADay { month: u32, day: u32 },
    /// `5季度`
    NotAQuarter(u32),
    /// A comparison both before and after the number: `>=95%以上`.
    TwoComparisons,
    /// Longer than [`crate::limits::MAX_VALUE_CHARS`] characters.
    TooLong { chars: usize, limit: usize },
}

/// A text longer than [`crate::limits::MAX_VALUE_CHARS`] characters: not read, by the grammar
/// or the fast path.
pub fn too_long(text: &str) -> Option<ValueError> {
    let limit = crate::limits::MAX_VALUE_CHARS;
    if text.len() <= limit {
        return None; // bytes bound characters from above
    }
    let chars = text.chars().count();
    (chars > limit).then_some(ValueError {
        kind: ValueErrorKind::TooLong { chars, limit },
        start: 0,
        end: text.len(),
    })
}

/// Reads a cell by the grammar alone: the definition of what a value is
/// ([`super::parse`] puts a fast path in front of it). A text longer than
/// [`crate::limits::MAX_VALUE_CHARS`] characters is not read.
pub fn parse_by_grammar(text: &str) -> Result<Value<'static>, ValueError> {
    if let Some(e) = too_long(text) {
        return Err(e);
    }
    // The value is what is left without the white space around it: that is the text it
    // keeps (`Value::text`, which `fmt` writes back), so it is also the text read. A cell
    // that begins with a line break, `"\n>=14次"`, is the quantity >=14次.
    let trimmed = text.trim_matches(|c: char| c.is_whitespace());
    if trimmed.is_empty() {
        return Ok(Value::blank(trimmed));
    }
    let lead = text.len() - text.trim_start_matches(|c: char| c.is_whitespace()).len();
    let mut pairs = Grammar::parse(Rule::value_text, trimmed).map_err(|e| {
        let start = lead
            + match e.location {
                pest::error::InputLocation::Pos(p) => p,
                pest::error::InputLocation::Span((s, _)) => s,
            };
        ValueError {
            kind: ValueErrorKind::Unreadable,
            start,
            end: next_char_end(text, start),
        }
    })?;
    // INVARIANT: `value_text` matched, so it has exactly one `value` child before EOI.
    let inner = pairs
        .next()
        .and_then(|p| p.into_inner().find(|p| p.as_rule() != Rule::EOI))
        .ok_or(ValueError {
            kind: ValueErrorKind::Unreadable,
            start: 0,
            end: text.len(),
        })?;
    let kind = value_from_pair(inner, 0).map_err(|mut e| {
        e.start += lead;
        e.end += lead;
        e
    })?;
    Ok(Value {
        text: AsWritten::Kept(trimmed.into()),
        kind,
    })
}

fn next_char_end(text: &str, start: usize) -> usize {
    text.get(start..)
        .and_then(|rest| rest.chars().next())
        .map_or(start, |c| start + c.len_utf8())
}

/// Lowers `blank`, `word`, `quantity` or `period_value` (or a `bare_value` of a rule file).
/// `base` is subtracted from pair positions, so error offsets are relative to the value.
pub fn value_from_pair(pair: Pair<'_, Rule>, base: usize) -> Result<ValueKind, ValueError> {
    match pair.as_rule() {
        Rule::bare_value => match pair.clone().into_inner().next() {
            Some(inner) => value_from_pair(inner, base),
            None => Err(error_at(&pair, base, ValueErrorKind::Unreadable)),
        },
        Rule::blank => Ok(ValueKind::Blank),
        Rule::word => Ok(ValueKind::Word(
            pair.as_str()
                .trim_matches(|c: char| c.is_whitespace())
                .into(),
        )),
        Rule::quantity => quantity(pair, base).map(ValueKind::Quantity),
        Rule::period_value => period_value(pair, base).map(ValueKind::Period),
        _ => Err(error_at(&pair, base, ValueErrorKind::Unreadable)),
    }
}

fn error_at(pair: &Pair<'_, Rule>, base: usize, kind: ValueErrorKind) -> ValueError {
    let span = pair.as_span();
    ValueError {
        kind,
        start: span.start().saturating_sub(base),
        end: span.end().saturating_sub(base),
    }
}

fn quantity(pair: Pair<'_, Rule>, base: usize) -> Result<Quantity, ValueError> {
    let mut comparison = None;
    let mut number = Dec::ZERO;
    let mut unit = Unit::None;
    let mut measured = None;
    for part in pair.into_inner() {
        let found = match part.as_rule() {
            Rule::measured => {
                measured = Some(measured_figure(part.clone(), base)?);
                None
            }
            Rule::at_least_sign | Rule::at_least_words | Rule::at_least_suffix => {
                Some(Comparison::AtLeast)
            }
            Rule::at_most_sign | Rule::at_most_words | Rule::at_most_suffix => {
                Some(Comparison::AtMost)
            }
            Rule::more_sign | Rule::more_words => Some(Comparison::More),
            Rule::less_sign | Rule::less_words => Some(Comparison::Less),
            Rule::equal_sign => Some(Comparison::Equal),
            Rule::number => {
                number = Dec::parse_written(part.as_str()).map_err(|e| {
                    error_at(
                        &part,
                        base,
                        match e {
                            DecimalTextError::OutOfRange => ValueErrorKind::NumberOutOfRange,
                            DecimalTextError::NotANumber => ValueErrorKind::Unreadable,
                        },
                    )
                })?;
                None
            }
            Rule::percent => {
                unit = Unit::Percent;
                None
            }
            Rule::unit => {
                unit = Unit::Named(part.as_str().into());
                None
            }
            _ => None,
        };
        if let Some(found) = found {
            if comparison.is_some() {
                return Err(error_at(&part, base, ValueErrorKind::TwoComparisons));
            }
            comparison = Some(found);
        }
    }
    // A measured value without a unit is in the claim's unit: `>=85%（92）`.
    let measured = measured.map(|m: Measured| {
        Box::new(Measured {
            unit: if m.unit == Unit::None {
                unit.clone()
            } else {
                m.unit
            },
            number: m.number,
        })
    });
    Ok(Quantity {
        comparison,
        number,
        unit,
        measured,
    })
}

/// The `measured_figure` inside a `measured`: `92%` of `（实际92%）`.
fn measured_figure(pair: Pair<'_, Rule>, base: usize) -> Result<Measured, ValueError> {
    let mut measured = Measured {
        number: Dec::ZERO,
        unit: Unit::None,
    };
    let figure = pair
        .into_inner()
        .find(|p| p.as_rule() == Rule::measured_figure);
    for part in figure.into_iter().flat_map(|f| f.into_inner()) {
        match part.as_rule() {
            Rule::number => {
                measured.number = Dec::parse_written(part.as_str()).map_err(|e| {
                    error_at(
                        &part,
                        base,
                        match e {
                            DecimalTextError::OutOfRange => ValueErrorKind::NumberOutOfRange,
                            DecimalTextError::NotANumber => ValueErrorKind::Unreadable,
                        },
                    )
                })?
            }
            Rule::percent => measured.unit = Unit::Percent,
            Rule::unit => measured.unit = Unit::Named(part.as_str().into()),
            _ => {}
        }
    }
    Ok(measured)
}

fn period_value(pair: Pair<'_, Rule>, base: usize) -> Result<Period, ValueError> {
    let mut span = None;
    let mut by = false;
    for part in pair.into_inner() {
        match part.as_rule() {
            Rule::by_suffix => by = true,
            _ => span = Some(period_span(part, base)?),
        }
    }
    match span {
        Some(span) => Ok(Period { span, by }),
        None => Err(ValueError {
            kind: ValueErrorKind::Unreadable,
            start: 0,
            end: 0,
        }),
    }
}

fn period_span(pair: Pair<'_, Rule>, base: usize) -> Result<PeriodSpan, ValueError> {
    let rule = pair.as_rule();
    let text = pair.as_str();
    let mut year = None;
    let mut month = None;
    let mut day = None;
    let mut quarter = None;
    for part in pair.clone().into_inner() {
        match part.as_rule() {
            Rule::year4 => year = Some(small_number(&part) as i32),
            Rule::month_number => {
                let m = small_number(&part);
                if !is_month(m) {
                    return Err(error_at(&part, base, ValueErrorKind::NotAMonth(m)));
                }
                month = Some(m);
            }
            Rule::day_number => day = Some((small_number(&part), part)),
            Rule::quarter_number => quarter = Some((small_number(&part), part)),
            Rule::quarter_numeral => {
                let q = QUARTER_NUMERALS
                    .iter()
                    .position(|n| *n == part.as_str())
                    .map_or(4, |i| i as u32 + 1);
                quarter = Some((q, part));
            }
            _ => {}
        }
    }
    let month_or_err = || month.ok_or_else(|| error_at(&pair, base, ValueErrorKind::Unreadable));
    Ok(match rule {
        Rule::full_date | Rule::iso_date | Rule::month_day => {
            let m = month_or_err()?;
            let (d, part) = day.ok_or_else(|| error_at(&pair, base, ValueErrorKind::Unreadable))?;
            if !is_day(year, m, d) {
                return Err(error_at(
                    &part,
                    base,
                    ValueErrorKind::NotADay { month: m, day: d },
                ));
            }
            PeriodSpan::Day {
                year,
                month: m,
                day: d,
            }
        }
        Rule::year_month | Rule::month => PeriodSpan::Month {
            year,
            month: month_or_err()?,
        },
        Rule::quarter => {
            let (q, part) =
                quarter.ok_or_else(|| error_at(&pair, base, ValueErrorKind::Unreadable))?;
            if !is_quarter(q) {
                return Err(error_at(&part, base, ValueErrorKind::NotAQuarter(q)));
            }
            PeriodSpan::Quarter {
                year: None,
                quarter: q,
            }
        }
        Rule::half_year => PeriodSpan::Half {
            year: None,
            first: text.starts_with('上'),
        },
        Rule::year_end => PeriodSpan::Year { year: None },
        Rule::year_only => PeriodSpan::Year { year },
        _ => return Err(error_at(&pair, base, ValueErrorKind::Unreadable)),
    })
}

/// A number of one to four digits, ASCII or full-width, that the grammar matched.
fn small_number(pair: &Pair<'_, Rule>) -> u32 {
    pair.as_str().chars().fold(0u32, |n, c| {
        let d = match c {
            '0'..='9' => c as u32 - '0' as u32,
            '０'..='９' => c as u32 - '０' as u32,
            _ => 0,
        };
        n.saturating_mul(10).saturating_add(d)
    })
}
