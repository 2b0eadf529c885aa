//! A value's text as written: borrowed from the text the value was read from (a report's
//! cell), or kept with the value (a rule file's target, the grammar's remembered answers).
//!
//! Every cell of a report is read as a value, and the scorecard borrows from the report
//! anyway: a cell's value borrows its text too, and a [`ShortStr`] is made of it only where
//! a working or a finding shows it (README, "Performance", eleventh round).

use super::ShortStr;
use std::fmt;
use std::ops::Deref;

/// A value's text as written; equal as the `str` it is.
#[derive(Clone)]
pub enum AsWritten<'t> {
    /// The text the value was read from, borrowed.
    Borrowed(&'t str),
    /// The text, kept with the value.
    Kept(ShortStr),
}

impl<'t> AsWritten<'t> {
    pub fn as_str(&self) -> &str {
        match self {
            AsWritten::Borrowed(text) => text,
            AsWritten::Kept(text) => text.as_str(),
        }
    }

    /// The text as a [`ShortStr`] of its own, as a working or a finding keeps it.
    pub fn to_short(&self) -> ShortStr {
        match self {
            AsWritten::Borrowed(text) => ShortStr::new(text),
            AsWritten::Kept(text) => text.clone(),
        }
    }

    /// The text kept, borrowing nothing.
    pub fn into_kept(self) -> AsWritten<'static> {
        match self {
            AsWritten::Borrowed(text) => AsWritten::Kept(ShortStr::new(text)),
            AsWritten::Kept(text) => AsWritten::Kept(text),
        }
    }
}

impl Deref for AsWritten<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl<'t> From<&'t str> for AsWritten<'t> {
    fn from(text: &'t str) -> Self {
        AsWritten::Borrowed(text)
    }
}

impl PartialEq for AsWritten<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for AsWritten<'_> {}

impl PartialEq<&str> for AsWritten<'_> {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl fmt::Display for AsWritten<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.as_str(), f)
    }
}

impl fmt::Debug for AsWritten<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_borrowed_or_kept_is_the_same_text() {
        let cell = String::from("≥14次");
        let borrowed = AsWritten::Borrowed(&cell);
        let kept = AsWritten::Kept(ShortStr::from("≥14次"));
        assert_eq!(borrowed, kept);
        assert_eq!(borrowed.as_str(), "≥14次");
        assert_eq!(borrowed.to_short(), ShortStr::from("≥14次"));
        assert_eq!(borrowed.clone().into_kept(), kept);
        assert!(matches!(borrowed.into_kept(), AsWritten::Kept(_)));
        assert_ne!(kept, AsWritten::Borrowed("≥15次"));
        assert_eq!(format!("{kept}|{kept:?}"), "≥14次|\"≥14次\"");
    }
}
