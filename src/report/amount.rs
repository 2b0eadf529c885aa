//! A decimal field of a report: a JSON string ("7255205.14", "215,457.6") or a JSON number
//! (7255205.14), read exactly either way (serde_json's `arbitrary_precision` hands numbers
//! over as their digits; pitfalls.md §1).

use crate::decimal::{Dec, DecimalTextError};
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::Deserialize;
use std::fmt;

/// A decimal as a report writes it: the value and the text it was read from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Amount {
    pub value: Dec,
    pub text: String,
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
                text: text.to_string(),
            }),
            Err(DecimalTextError::OutOfRange) => Err(E::custom(format!("{OUT_OF_RANGE}{text}"))),
            Err(DecimalTextError::NotANumber) => Err(E::custom(format!("{BAD_DECIMAL}{text}"))),
        }
    }
}

/// A JSON number in exponent form (`1.5e3`), exactly, or out of range.
fn scientific(text: &str) -> Result<Dec, DecimalTextError> {
    let (mantissa, exponent) = text
        .split_once(['e', 'E'])
        .ok_or(DecimalTextError::NotANumber)?;
    let exponent: i32 = exponent
        .trim_start_matches('+')
        .parse()
        .map_err(|_| DecimalTextError::NotANumber)?;
    let mut value = Dec::parse_plain(mantissa)?;
    let ten = Dec::from_int(10);
    for _ in 0..exponent.unsigned_abs().min(64) {
        value = if exponent > 0 {
            value.checked_mul(ten)
        } else {
            value.checked_div(ten)
        }
        .map_err(|_| DecimalTextError::OutOfRange)?;
    }
    if exponent.unsigned_abs() > 64 {
        return Err(DecimalTextError::OutOfRange);
    }
    Ok(value)
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
        match map.next_key::<String>()? {
            Some(key) if key == NUMBER_TOKEN => {
                let digits: String = map.next_value()?;
                Amount::read(&digits, true)
            }
            _ => Err(de::Error::invalid_type(de::Unexpected::Map, &self)),
        }
    }
}
