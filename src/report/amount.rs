//! A decimal field of a report: a JSON string ("7255205.14", "215,457.6") or a JSON number
//! (7255205.14), read exactly either way (serde_json's `arbitrary_precision` hands numbers
//! over as their digits; pitfalls.md §1).

use crate::decimal::{Dec, DecimalTextError};
use crate::value::ShortStr;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::Deserialize;
use std::fmt;

/// A decimal as a report writes it: the value and the text it was read from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Amount {
    pub value: Dec,
    pub text: ShortStr,
}

/// serde_json's marker key for a number kept as its digits.
const NUMBER_TOKEN: &str = "$serde_json::private::Number";

/// Marks our own error in serde's message so that [`super::ReportError`] can classify it.
pub(super) const BAD_DECIMAL: &str = "\u{1}bad-decimal\u{1}";
pub(super) const OUT_OF_RANGE: &str = "\u{1}out-of-range\u{1}";

impl Amount {
    fn read<E: de::Error>(text: &str, number: bool) -> Result<Amount, E> {
        let parsed = if number && text.contains(['e', 'E']) {
            scientific(text)
        } else if number {
            Dec::parse_plain(text)
        } else {
            Dec::parse_written(text)
        };
        match parsed {
            Ok(value) => Ok(Amount {
                value,
                text: text.into(),
            }),
            Err(DecimalTextError::OutOfRange) => Err(E::custom(format!("{OUT_OF_RANGE}{text}"))),
            Err(DecimalTextError::NotANumber) => Err(E::custom(format!("{BAD_DECIMAL}{text}"))),
        }
    }
}

/// A JSON number in exponent form (`1.5e3`, `25E-2`), exactly: the decimal point is moved
/// in the digits as written, never through arithmetic that could round (`1.5e-28` would
/// round to `2e-28`, `1e-30` to `0`). Beyond 28 significant digits or places it is out of
/// range, as written without an exponent.
fn scientific(text: &str) -> Result<Dec, DecimalTextError> {
    let (mantissa, exponent) = text
        .split_once(['e', 'E'])
        .ok_or(DecimalTextError::NotANumber)?;
    let exponent = exponent.strip_prefix('+').unwrap_or(exponent);
    let (negative, digits) = match mantissa.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, mantissa),
    };
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let exponent_digits = exponent.strip_prefix('-').unwrap_or(exponent);
    if int.is_empty()
        || !all_digits(int)
        || !all_digits(frac)
        || exponent_digits.is_empty()
        || !all_digits(exponent_digits)
    {
        return Err(DecimalTextError::NotANumber);
    }
    let digits: String = [int, frac].concat();
    let Some(first) = digits.find(|c| c != '0') else {
        return Ok(Dec::ZERO); // 0e999 is 0
    };
    // An exponent this large moves the first significant digit beyond any decimal.
    let exponent: i64 = match exponent.parse() {
        Ok(e) if (-64..=64).contains(&e) => e,
        _ => return Err(DecimalTextError::OutOfRange),
    };
    // Where the point falls, counted from the start of `digits`.
    let point = int.len() as i64 + exponent;
    if point - (first as i64) > 40 || point < -40 {
        return Err(DecimalTextError::OutOfRange);
    }
    let mut plain = crate::decimal::place_point(negative, &digits, point);
    // Zeros after the last significant place say nothing when the exponent moved the point.
    if plain.contains('.') {
        let kept = plain.trim_end_matches('0').trim_end_matches('.').len();
        plain.truncate(kept);
    }
    Dec::parse_plain(&plain)
}

impl<'de> Deserialize<'de> for Amount {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Amount, D::Error> {
        deserializer.deserialize_any(AmountVisitor)
    }
}

struct AmountVisitor;

impl<'de> Visitor<'de> for AmountVisitor {
    type Value = Amount;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a decimal, as a string or a number")
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<Amount, E> {
        Amount::read(s, false)
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Amount, E> {
        Amount::read(&v.to_string(), true)
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Amount, E> {
        Amount::read(&v.to_string(), true)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Amount, A::Error> {
        match map.next_key::<NumberKey>()? {
            Some(NumberKey(true)) => {
                let digits: String = map.next_value()?;
                Amount::read(&digits, true)
            }
            _ => Err(de::Error::invalid_type(de::Unexpected::Map, &self)),
        }
    }
}

/// Whether a map's key is serde_json's marker for a number kept as its digits: compared
/// where serde_json hands it over, not copied into a `String` for every JSON number.
struct NumberKey(bool);

impl<'de> Deserialize<'de> for NumberKey {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<NumberKey, D::Error> {
        deserializer.deserialize_str(NumberKeyVisitor)
    }
}

struct NumberKeyVisitor;

impl Visitor<'_> for NumberKeyVisitor {
    type Value = NumberKey;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<NumberKey, E> {
        Ok(NumberKey(key == NUMBER_TOKEN))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sci(text: &str) -> Result<String, DecimalTextError> {
        scientific(text).map(|d| d.to_string())
    }

    #[test]
    fn exponents_move_the_point_without_rounding() {
        assert_eq!(sci("1.5e3"), Ok("1500".into()));
        assert_eq!(sci("25E-2"), Ok("0.25".into()));
        assert_eq!(sci("-7.25e+1"), Ok("-72.5".into()));
        assert_eq!(sci("1.5e-28"), Err(DecimalTextError::OutOfRange));
        assert_eq!(sci("1e-28"), Ok("0.0000000000000000000000000001".into()));
        assert_eq!(sci("1e-30"), Err(DecimalTextError::OutOfRange));
        assert_eq!(sci("1e30"), Err(DecimalTextError::OutOfRange));
        assert_eq!(sci("7.9e28"), Ok("79000000000000000000000000000".into()));
        assert_eq!(sci("8e28"), Err(DecimalTextError::OutOfRange));
        assert_eq!(sci("7.9e27"), Ok("7900000000000000000000000000".into()));
        assert_eq!(sci("0e999"), Ok("0".into()));
        assert_eq!(
            sci("1e99999999999999999999"),
            Err(DecimalTextError::OutOfRange)
        );
        assert_eq!(sci("1.000e-25"), Ok("0.0000000000000000000000001".into()));
    }
}
