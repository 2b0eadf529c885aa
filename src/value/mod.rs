//! Values as units write them: targets and actuals (`>=14次`, `=100%`, `2季度`, `完整`).
//!
//! One grammar (`value_text` and `bare_value` in grammar/perfrules.pest) reads both the
//! cells of a report and the targets of a rule file; [`parse`] reads a cell and
//! [`lower::value`] turns a parsed pair into a [`Value`]. Every value has the text it was
//! read from, for messages: a report's cell lends its own ([`AsWritten`]).

mod fast;
mod lower;
mod period;
mod short;
mod written;

pub use lower::{parse_by_grammar, value_from_pair, ValueError, ValueErrorKind};
pub use period::{days_in_month, Date, Period, PeriodSpan};
pub use short::ShortStr;
pub use written::AsWritten;

use crate::decimal::Dec;
use std::fmt;

/// Reads a cell of a report (or a quoted target of a rule file). Surrounding spaces are
/// ignored; an empty cell is [`ValueKind::Blank`]. The common forms are read by a fast path
/// that agrees with the grammar on every string it reads ([`fast`]); everything else, and
/// every error, by the grammar ([`parse_by_grammar`]).
///
/// What the fast path leaves to the grammar (a measured value beside a claim, `>=85%（92%）`;
/// a negative number; a text that is not a value) may repeat from report to report, so the
/// grammar's answer for each such text is kept in a small cache per thread ([`remembered`]):
/// the same function of the same text, read once.
pub fn parse(text: &str) -> Result<Value<'static>, ValueError> {
    if let Some(e) = lower::too_long(text) {
        return Err(e);
    }
    fast::read_or(text, |v| Ok(v.into_kept()), remembered)
}

/// [`parse`] of a cell already trimmed ([`Trimmed`]), its answer made by `found` (a value)
/// or `failed` (why the text is none) in the caller's own result. The fast path need not
/// look for white space around the text, which every cell of a report would otherwise be
/// searched for twice (trimmed, then read); and a value is 80 bytes: a result converted
/// after the call (an error mapped, a value wrapped) is copied out of the one the call
/// wrote while that is still being written, which costs more than reading most cells.
/// The value borrows the cell's text.
#[inline]
pub fn parse_trimmed_or<'t, R>(
    text: Trimmed<'t>,
    found: impl Fn(Value<'t>) -> R + Copy,
    failed: impl FnOnce(ValueError) -> R,
) -> R {
    let text = text.0;
    if let Some(e) = lower::too_long(text) {
        return failed(e);
    }
    fast::read_trimmed_or(text, found, |text| match remembered(text) {
        Ok(value) => found(value),
        Err(e) => failed(e),
    })
}

/// Whether a text says nothing: empty, or white space only (what `str::trim` leaves empty),
/// told from its first characters: a name, group or reason is almost never blank, and its
/// first character says so without trimming both ends.
pub fn is_blank_text(text: &str) -> bool {
    match text.as_bytes() {
        [] => true,
        [first, ..] if begins_no_space(*first) => false,
        _ => text.chars().all(char::is_whitespace),
    }
}

/// Whether a text's first byte tells that it begins with no white space: an ASCII byte
/// above the space, or the first byte of a character from U+4000 on (white space ends at
/// U+3000). Any other first byte is decoded.
fn begins_no_space(b: u8) -> bool {
    (b > b' ' && b.is_ascii()) || b >= 0xe4
}

/// A cell without the white space around it, as `str::trim` leaves it: the text a cell's
/// value keeps ([`Value::text`]), and the only text [`parse_trimmed_or`] reads.
#[derive(Clone, Copy, Debug)]
pub struct Trimmed<'a>(&'a str);

impl<'a> Trimmed<'a> {
    /// The cell trimmed. The usual cell neither begins nor ends with white space, which
    /// its first bytes and last character tell without the trimming machinery.
    pub fn new(text: &'a str) -> Trimmed<'a> {
        // White space below U+4000 is U+0085, U+00A0, U+1680, U+2000..=U+200A, U+2028,
        // U+2029, U+202F, U+205F and U+3000: a character from U+2080 to U+2FFF (`E2`, then
        // `82` or above: `≥`, `≤`) or from U+3040 to U+3FFF (`E3`, then `81` or above) begins
        // none either, nor does one from U+4000 on (`E4` and above: CJK, full-width forms).
        let starts = match text.as_bytes() {
            [first, ..] if begins_no_space(*first) => true,
            [0xe2, 0x82..=0xff, ..] | [0xe3, 0x81..=0xff, ..] => true,
            _ => false,
        };
        if starts && !ends_in(text, char::is_whitespace) {
            Trimmed(text)
        } else {
            Trimmed(text.trim())
        }
    }

    pub fn as_str(self) -> &'a str {
        self.0
    }
}

/// Whether the text's last character is one `space` names, told by its bytes where that is
/// quick: an ASCII byte, or a three-byte character from U+4000 on (a lead byte from 0xe4
/// three bytes from the end), which no white space is (it ends at U+3000); else decoded.
fn ends_in(text: &str, space: impl Fn(char) -> bool) -> bool {
    match text.as_bytes() {
        [.., b] if b.is_ascii() => space(char::from(*b)),
        [.., 0xe4..=0xef, _, _] => false,
        _ => text.chars().next_back().is_some_and(space),
    }
}

/// How many texts the grammar's cache keeps per thread before it starts over.
const REMEMBERED: usize = 4096;

thread_local! {
    static GRAMMAR_CACHE: std::cell::RefCell<std::collections::HashMap<Box<str>, Result<Value<'static>, ValueError>>> =
        std::cell::RefCell::new(std::collections::HashMap::new());
}

/// [`parse_by_grammar`], remembering its answers (bounded: the cache is emptied when full).
fn remembered(text: &str) -> Result<Value<'static>, ValueError> {
    let known = GRAMMAR_CACHE.with(|cache| cache.borrow().get(text).cloned());
    if let Some(answer) = known {
        return answer;
    }
    let answer = parse_by_grammar(text);
    GRAMMAR_CACHE.with(|cache| {
        let mut cache = cache.borrow_mut();
        if cache.len() >= REMEMBERED {
            cache.clear();
        }
        cache.insert(text.into(), answer.clone());
    });
    answer
}

/// The fast path alone: the value when the text is in a form it reads (for tests that
/// prove it agrees with the grammar).
#[doc(hidden)]
pub fn parse_fast(text: &str) -> Option<Value<'_>> {
    fast::read(text)
}

/// A target or actual: what was written, and what it says. A report's cell is read into a
/// value that borrows its text (`'t`); a rule file keeps its own (`Value<'static>`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Value<'t> {
    /// The text as written, for messages (`＝１００％`).
    pub text: AsWritten<'t>,
    pub kind: ValueKind,
}

/// What a value says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ValueKind {
    /// An empty cell, `/`, `-`, `—`.
    Blank,
    /// A number, with an optional comparison and unit: `>= 14次`, `100%`, `9000份`.
    Quantity(Quantity),
    /// A period of the report's year or a date: `2季度`, `11月`, `2021年12月底前`.
    Period(Period),
    /// A word: `完整`, `有效提升`, `未开展`.
    Word(ShortStr),
}

/// `>= 14次`: a comparison, a number and a unit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quantity {
    /// The comparison written before or after the number, if any.
    pub comparison: Option<Comparison>,
    pub number: Dec,
    pub unit: Unit,
    /// The measured value written beside a claimed bound: the 92% of `>=85%（92%）`.
    /// Boxed: most values have none, and values sit in every indicator of the tree.
    pub measured: Option<Box<Measured>>,
}

/// A measured value written beside a claim (`（92%）`, `，实际92%`), in the claim's unit
/// when it writes none.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Measured {
    pub number: Dec,
    pub unit: Unit,
}

impl Quantity {
    /// The figure an actual is scored by: the measured value when one is written beside
    /// the claim (`>=85%（92%）` reads 92%), else the number (`>=85%` reads 85%).
    pub fn reading(&self) -> (Dec, &Unit) {
        match &self.measured {
            Some(m) => (m.number, &m.unit),
            None => (self.number, &self.unit),
        }
    }
}

/// A comparison written with a number: `>=`, `≥`, `不低于`, `以上` …
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Comparison {
    /// `>=`, `≥`, `≧`, `不低于`, `以上`
    AtLeast,
    /// `>`, `＞`, `超过`
    More,
    /// `=`, `＝`, `﹦`
    Equal,
    /// `<=`, `≤`, `≦`, `不超过`, `以内`
    AtMost,
    /// `<`, `＜`, `低于`
    Less,
}

impl Comparison {
    pub fn symbol(self) -> &'static str {
        match self {
            Comparison::AtLeast => "≥",
            Comparison::More => ">",
            Comparison::Equal => "=",
            Comparison::AtMost => "≤",
            Comparison::Less => "<",
        }
    }
}

/// The unit of a quantity. Percent is part of the grammar (`%`, `％`, `百分比`); other units
/// are whatever letters follow the number, and the rule file's `units` block says which
/// exist and how they convert.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Unit {
    /// A bare number (`0`, `43.2`): it takes the other side's unit when compared.
    None,
    Percent,
    Named(ShortStr),
}

impl Unit {
    /// The unit as a figure shows it after its number: nothing for a bare number.
    pub fn as_str(&self) -> &str {
        match self {
            Unit::None => "",
            Unit::Percent => "%",
            Unit::Named(name) => name,
        }
    }
}

impl fmt::Display for Unit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The form of a target, which chooses its default scoring method.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TargetForm {
    /// `>= 14次`, `> 80%`
    AtLeast,
    /// `= 100%` or a bare `100%`
    Equal,
    /// `<= 5%`, `< 3%`
    AtMost,
    /// `2季度`, `2021年12月底前`
    Deadline,
    /// `完整`, `有效提升`
    Word,
}

impl TargetForm {
    pub const ALL: [TargetForm; 5] = [
        TargetForm::AtLeast,
        TargetForm::Equal,
        TargetForm::AtMost,
        TargetForm::Deadline,
        TargetForm::Word,
    ];

    /// The keyword of the rule language (`at_least`).
    pub fn keyword(self) -> &'static str {
        match self {
            TargetForm::AtLeast => "at_least",
            TargetForm::Equal => "equal",
            TargetForm::AtMost => "at_most",
            TargetForm::Deadline => "deadline",
            TargetForm::Word => "word",
        }
    }
}

impl Value<'static> {
    pub fn blank(text: impl Into<ShortStr>) -> Value<'static> {
        Value {
            text: AsWritten::Kept(text.into()),
            kind: ValueKind::Blank,
        }
    }
}

impl<'t> Value<'t> {
    /// The value with its text kept, borrowing nothing.
    pub fn into_kept(self) -> Value<'static> {
        Value {
            text: self.text.into_kept(),
            kind: self.kind,
        }
    }

    /// The form of this value read as a target; `None` for a blank.
    pub fn target_form(&self) -> Option<TargetForm> {
        match &self.kind {
            ValueKind::Blank => None,
            ValueKind::Quantity(q) => Some(match q.comparison {
                Some(Comparison::AtLeast | Comparison::More) => TargetForm::AtLeast,
                None | Some(Comparison::Equal) => TargetForm::Equal,
                Some(Comparison::AtMost | Comparison::Less) => TargetForm::AtMost,
            }),
            ValueKind::Period(_) => Some(TargetForm::Deadline),
            ValueKind::Word(_) => Some(TargetForm::Word),
        }
    }

    pub fn quantity(&self) -> Option<&Quantity> {
        match &self.kind {
            ValueKind::Quantity(q) => Some(q),
            _ => None,
        }
    }

    pub fn is_blank(&self) -> bool {
        matches!(self.kind, ValueKind::Blank)
    }

    /// Whether an actual is a claim rather than a measurement: written with `>=`, `>`,
    /// `<=` or `<` (">=85%") and no measured value beside it. `=100%` is a measurement
    /// written with a sign; `>=85%（92%）` is a claim that gives its measurement.
    pub fn is_claimed_bound(&self) -> bool {
        self.quantity().is_some_and(|q| {
            q.measured.is_none()
                && matches!(
                    q.comparison,
                    Some(
                        Comparison::AtLeast
                            | Comparison::More
                            | Comparison::AtMost
                            | Comparison::Less
                    )
                )
        })
    }

    /// Whether two targets say the same thing: the same form, number and unit, or the same
    /// word or period. `=100%` and `100%` are the same; `=100%` and `<=100%` are not.
    pub fn same_target_as(&self, other: &Value<'_>) -> bool {
        match (&self.kind, &other.kind) {
            (ValueKind::Quantity(a), ValueKind::Quantity(b)) => {
                let op = |q: &Quantity| q.comparison.unwrap_or(Comparison::Equal);
                op(a) == op(b) && a.number == b.number && a.unit == b.unit
            }
            (ValueKind::Period(a), ValueKind::Period(b)) => a == b,
            (ValueKind::Word(a), ValueKind::Word(b)) => a == b,
            (ValueKind::Blank, ValueKind::Blank) => true,
            _ => false,
        }
    }
}

impl fmt::Display for Value<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

#[cfg(test)]
mod tests {
    use super::{is_blank_text, Trimmed};

    fn trimmed(text: &str) -> &str {
        Trimmed::new(text).as_str()
    }

    #[test]
    fn a_cell_is_trimmed_and_told_blank_as_str_trim_would() {
        for c in (0..=0x1_0000).filter_map(char::from_u32) {
            for text in [
                format!("{c}"),
                format!("{c}完整"),
                format!("完整{c}"),
                format!("{c}a{c}"),
                format!(" {c}"),
            ] {
                assert_eq!(trimmed(&text), text.trim(), "{:x}", c as u32);
                assert_eq!(
                    is_blank_text(&text),
                    text.trim().is_empty(),
                    "{:x}",
                    c as u32
                );
            }
        }
        assert_eq!(trimmed(""), "");
        assert!(is_blank_text(""));
    }
}
