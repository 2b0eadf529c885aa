//! Reading a JSON input within the limits of [`crate::limits`]: its size and nesting are
//! checked before serde sees it, and its tables and texts as they are read, so that an
//! oversized input ends in a diagnostic with the JSON path, never in memory exhaustion.

use crate::limits::{
    MAX_BUDGET_ROWS, MAX_INDICATORS, MAX_JSON_DEPTH, MAX_TEXT_CHARS, MAX_VALUE_CHARS,
};
use serde::de::{self, Deserializer, SeqAccess, Visitor};
use serde::Deserialize;
use std::cell::Cell;
use std::fmt;
use std::marker::PhantomData;

/// Marks our own errors in serde's message so that [`super::ReportError`] can classify them.
pub(super) const TOO_MANY: &str = "\u{1}too-many\u{1}";
pub(super) const TOO_LONG: &str = "\u{1}too-long\u{1}";

/// Where arrays and objects first nest deeper than [`MAX_JSON_DEPTH`]: the byte offset of
/// the bracket. Strings are skipped (with their escapes); the text need not be valid JSON.
pub fn too_deep(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for (i, b) in text.bytes().enumerate() {
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_JSON_DEPTH {
                    return Some(i);
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

/// A text of a report: at most [`MAX_TEXT_CHARS`] characters.
#[inline]
pub fn text<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: for<'a> From<&'a str>,
{
    let beyond = Cell::new(None);
    let text = d.deserialize_string(Bounded::new(MAX_TEXT_CHARS, &beyond));
    refused(&beyond)?;
    text
}

/// An optional text of a report: at most [`MAX_TEXT_CHARS`] characters.
#[inline]
pub fn optional_text<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: for<'a> From<&'a str>,
{
    let beyond = Cell::new(None);
    let text = d.deserialize_option(Optional(Bounded::new(MAX_TEXT_CHARS, &beyond)));
    refused(&beyond)?;
    text
}

/// A target or actual: at most [`MAX_VALUE_CHARS`] characters.
#[inline]
pub fn optional_value<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: for<'a> From<&'a str>,
{
    let beyond = Cell::new(None);
    let text = d.deserialize_option(Optional(Bounded::new(MAX_VALUE_CHARS, &beyond)));
    refused(&beyond)?;
    text
}

/// A text beyond its limit: its limit and its length in characters.
#[derive(Clone, Copy)]
struct TooLong {
    limit: usize,
    chars: usize,
}

/// The error for a text found beyond its limit, if one was.
///
/// It is raised only once serde_json has handed the string over, as when texts were read
/// as `String`s and measured after: serde_json places an error raised inside its reading
/// of a string at the string, one raised after it where it gives up the enclosing object
/// (past its closing brace), and a diagnostic's offset must not depend on how a text is
/// kept.
fn refused<E: de::Error>(beyond: &Cell<Option<TooLong>>) -> Result<(), E> {
    match beyond.get() {
        None => Ok(()),
        Some(too_long) => Err(too_long.error()),
    }
}

impl TooLong {
    #[cold]
    #[inline(never)]
    fn error<E: de::Error>(self) -> E {
        let TooLong { limit, chars } = self;
        E::custom(format!("{TOO_LONG}{limit}\u{1}{chars}"))
    }
}

/// A string of at most so many characters, measured on the text serde_json hands over
/// (borrowed from the input when it has no escapes) before it is kept: a short text kept
/// as a [`crate::value::ShortStr`] is never allocated. It refuses what `String` refuses,
/// in the same words; a text beyond the limit is kept empty and noted in `beyond`.
struct Bounded<'b, T> {
    limit: usize,
    beyond: &'b Cell<Option<TooLong>>,
    kept: PhantomData<T>,
}

impl<'b, T> Bounded<'b, T> {
    fn new(limit: usize, beyond: &'b Cell<Option<TooLong>>) -> Self {
        Bounded {
            limit,
            beyond,
            kept: PhantomData,
        }
    }
}

impl<T: for<'a> From<&'a str>> Visitor<'_> for Bounded<'_, T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<T, E> {
        // Bytes bound characters from above: most texts need no count.
        if s.len() > self.limit {
            let chars = s.chars().count();
            if chars > self.limit {
                let limit = self.limit;
                self.beyond.set(Some(TooLong { limit, chars }));
                return Ok(T::from(""));
            }
        }
        Ok(T::from(s))
    }
}

/// `Option`'s reading, with a [`Bounded`] text inside: `null` is `None`.
struct Optional<'b, T>(Bounded<'b, T>);

impl<'de, T: for<'a> From<&'a str>> Visitor<'de> for Optional<'_, T> {
    type Value = Option<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("option")
    }

    fn visit_none<E: de::Error>(self) -> Result<Option<T>, E> {
        Ok(None)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Option<T>, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Option<T>, D::Error> {
        d.deserialize_string(self.0).map(Some)
    }
}

/// The indicator table: at most [`MAX_INDICATORS`] rows.
pub fn indicator_rows<'de, D, T>(d: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    d.deserialize_seq(Rows(MAX_INDICATORS, 64, PhantomData))
}

/// The budget table: at most [`MAX_BUDGET_ROWS`] rows.
pub fn budget_rows<'de, D, T>(d: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    d.deserialize_seq(Rows(MAX_BUDGET_ROWS, 8, PhantomData))
}

/// A list read one element at a time, refused at the first element beyond the limit (the
/// first number). serde_json cannot tell a list's length before reading it, so room for
/// as many rows as a form's table usually has (the second) is made up front: a table grown
/// from nothing was copied five times over on its way to a few dozen rows.
struct Rows<T>(usize, usize, PhantomData<T>);

impl<'de, T: Deserialize<'de>> Visitor<'de> for Rows<T> {
    type Value = Vec<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a sequence")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
        let limit = self.0;
        let mut rows = Vec::with_capacity(seq.size_hint().unwrap_or(self.1).min(limit));
        while let Some(row) = seq.next_element()? {
            if rows.len() == limit {
                return Err(de::Error::custom(format!("{TOO_MANY}{limit}")));
            }
            rows.push(row);
        }
        Ok(rows)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nesting_is_counted_outside_strings() {
        let deep = "[".repeat(MAX_JSON_DEPTH + 1);
        assert_eq!(too_deep(&deep), Some(MAX_JSON_DEPTH));
        assert_eq!(too_deep(&"[".repeat(MAX_JSON_DEPTH)), None);
        let quoted = format!("{{\"a\": \"{}\\\"{}\"}}", "[".repeat(100), "{".repeat(100));
        assert_eq!(too_deep(&quoted), None);
        let closed = "[]".repeat(MAX_JSON_DEPTH + 1);
        assert_eq!(too_deep(&closed), None);
    }
}

#[cfg(test)]
mod offsets {
    use crate::report::{Report, ReportErrorKind};

    /// A text beyond its limit is refused where serde_json stood when it handed the
    /// string over and the row was given up: the brace after the row's last field, the
    /// string's closing quote before a comma. (Kept as it was when texts were read as
    /// `String`s and measured after.)
    #[test]
    fn a_text_too_long_is_placed_as_it_always_was() {
        let long = "完".repeat(1001);
        let last = format!(
            r#"{{"unit": "u", "year": 2021, "indicators": [{{"level1": "a", "name": "b", "actual": "{long}"}}]}}"#
        );
        let e = Report::from_json(&last).unwrap_err();
        assert!(matches!(
            e.kind,
            ReportErrorKind::TextTooLong {
                chars: 1001,
                limit: 1000
            }
        ));
        assert_eq!(e.path, "indicators[0].actual");
        assert_eq!(e.offset, last.find("}]").unwrap());
        let middle = format!(
            r#"{{"unit": "u", "year": 2021, "indicators": [{{"level1": "a", "actual": "{long}", "name": "b"}}]}}"#
        );
        let e = Report::from_json(&middle).unwrap_err();
        assert_eq!(e.offset, middle.find("\", \"name").unwrap());
        let short = last.replace(&long, &"完".repeat(1000));
        let report = Report::from_json(&short).unwrap();
        assert_eq!(
            report.indicators[0].actual.as_deref(),
            Some(&*"完".repeat(1000))
        );
    }
}
