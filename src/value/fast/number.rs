//! `number` of the grammar without a sign, read by hand and valued in the same pass:
//! digits in either width, groups of three after a separator, a point and digits.

use super::scan::digit;
use crate::decimal::Dec;

/// Most digits valued here; a longer number is valued by [`Dec::parse_written`], which
/// knows when it is beyond a decimal (and a `u64` holds any 19 digits).
const DIGITS: u32 = 19;

/// The number at the start of the text. `None` when the text does
/// not start with a digit (a minus sign is left to the grammar), when the groups are
/// irregular (`12,34`, `1,0000`), a point has no digits after it (`5.`), or the number is
/// beyond a decimal.
///
/// Inlined into its caller: out of line, the number came back through memory and was
/// loaded 16 bytes at a time as soon as it was stored, once for every quantity read.
#[inline]
pub fn number(text: &str) -> Option<Number> {
    let t = text.as_bytes();
    let mut digits = Digits::default();
    // ASCII digits, the usual number's, a byte at a time; then any in either width.
    let mut at = 0;
    while let Some(d) = t.get(at).filter(|b| b.is_ascii_digit()) {
        digits.add(u32::from(d - b'0'));
        at += 1;
    }
    // What follows the digits says whether anything of a number may: a full-width digit
    // or separator (`EF` first), a separator or a point. Most numbers end there.
    if !matches!(t.get(at), Some(b',' | b'.' | 0xef)) {
        return (at > 0).then(|| value(text, digits, 0, at)).flatten();
    }
    while let Some((d, len)) = digit(t, at) {
        digits.add(d);
        at += len;
    }
    if digits.count == 0 {
        return None;
    }
    // A separator must be followed by exactly three digits and then no digit; anything
    // else is left to the grammar.
    while let Some(len) = separator(t, at) {
        at += len;
        for _ in 0..3 {
            let (d, len) = digit(t, at)?;
            digits.add(d);
            at += len;
        }
        if digit(t, at).is_some() {
            return None;
        }
    }
    let mut places = 0;
    if let Some(len) = point(t, at) {
        at += len;
        while let Some((d, len)) = digit(t, at) {
            digits.add(d);
            at += len;
            places += 1;
        }
        if places == 0 {
            return None;
        }
    }
    value(text, digits, places, at)
}

/// The number of `at` bytes read, its digits and places known.
fn value(text: &str, digits: Digits, places: u32, at: usize) -> Option<Number> {
    let value = if digits.count <= DIGITS {
        Dec::from_digits(digits.value, places)?
    } else {
        Dec::parse_written(text.get(..at)?).ok()?
    };
    Some(Number { value, len: at })
}

/// A number read at the start of a text.
pub struct Number {
    pub value: Dec,
    /// Its length in bytes.
    pub len: usize,
}

/// The digits read so far: what they write (while there are at most [`DIGITS`]) and how
/// many.
#[derive(Default)]
struct Digits {
    value: u64,
    count: u32,
}

impl Digits {
    fn add(&mut self, digit: u32) {
        self.value = self.value.wrapping_mul(10).wrapping_add(u64::from(digit));
        self.count += 1;
    }
}

/// `thousands_separator` (`,` or `，`) at `at`: its length.
fn separator(t: &[u8], at: usize) -> Option<usize> {
    match t.get(at..)? {
        [b',', ..] => Some(1),
        [0xef, 0xbc, 0x8c, ..] => Some(3), // U+FF0C FULLWIDTH COMMA
        _ => None,
    }
}

/// `decimal_point` (`.` or `．`) at `at`: its length.
fn point(t: &[u8], at: usize) -> Option<usize> {
    match t.get(at..)? {
        [b'.', ..] => Some(1),
        [0xef, 0xbc, 0x8e, ..] => Some(3), // U+FF0E FULLWIDTH FULL STOP
        _ => None,
    }
}
