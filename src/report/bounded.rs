//! Reading a JSON input within the limits of [`crate::limits`]: its size and nesting are
//! checked before serde sees it, and its tables and texts as they are read, so that an
//! oversized input ends in a diagnostic with the JSON path, never in memory exhaustion.

use crate::limits::{
    MAX_BUDGET_ROWS, MAX_INDICATORS, MAX_JSON_DEPTH, MAX_TEXT_CHARS, MAX_VALUE_CHARS,
};
use serde::de::{self, Deserializer, SeqAccess, Visitor};
use serde::Deserialize;
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
pub fn text<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    let s = String::deserialize(d)?;
    within(s, MAX_TEXT_CHARS)
}

/// An optional text of a report: at most [`MAX_TEXT_CHARS`] characters.
pub fn optional_text<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Option::<String>::deserialize(d)?
        .map(|s| within(s, MAX_TEXT_CHARS))
        .transpose()
}

/// A target or actual: at most [`MAX_VALUE_CHARS`] characters.
pub fn optional_value<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Option::<String>::deserialize(d)?
        .map(|s| within(s, MAX_VALUE_CHARS))
        .transpose()
}

fn within<E: de::Error>(s: String, limit: usize) -> Result<String, E> {
    // Bytes bound characters from above: most texts need no count.
    if s.len() > limit {
        let chars = s.chars().count();
        if chars > limit {
            return Err(E::custom(format!("{TOO_LONG}{limit}\u{1}{chars}")));
        }
    }
    Ok(s)
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
