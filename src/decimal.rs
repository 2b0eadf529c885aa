//! Exact decimal numbers for everything that is scored.
//!
//! [`Dec`] wraps `rust_decimal::Decimal` and offers only checked arithmetic: overflow and
//! division by zero are values ([`ArithError`]) that the caller turns into a diagnostic at
//! the operator, never a panic (pitfalls.md §4). Rounding takes an explicit mode, because
//! `round_dp` alone is banker's rounding and 四舍五入 is half away from zero (pitfalls.md §2).

use rust_decimal::{Decimal, RoundingStrategy};
use std::fmt;
use std::str::FromStr;

/// An exact decimal: up to 28 significant digits, about ±7.9 × 10²⁸.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Dec(Decimal);

/// Why an operation has no exact result.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArithError {
    /// The result is larger than a decimal can hold.
    Overflow,
    /// A division by zero.
    DivisionByZero,
}

/// How a figure is rounded to a number of decimal places.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RoundMode {
    /// 四舍五入: half away from zero (2.625 → 2.63).
    HalfUp,
    /// Banker's rounding: half to even (2.625 → 2.62).
    HalfEven,
    /// Towards zero (2.629 → 2.62).
    Down,
    /// Away from zero (2.621 → 2.63).
    Up,
}

impl RoundMode {
    fn strategy(self) -> RoundingStrategy {
        match self {
            RoundMode::HalfUp => RoundingStrategy::MidpointAwayFromZero,
            RoundMode::HalfEven => RoundingStrategy::MidpointNearestEven,
            RoundMode::Down => RoundingStrategy::ToZero,
            RoundMode::Up => RoundingStrategy::AwayFromZero,
        }
    }

    /// The keyword of the rule language.
    pub fn keyword(self) -> &'static str {
        match self {
            RoundMode::HalfUp => "half_up",
            RoundMode::HalfEven => "half_even",
            RoundMode::Down => "down",
            RoundMode::Up => "up",
        }
    }
}

/// Why a written number is not a decimal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecimalTextError {
    /// Not a number at all (`"abc"`, `"1.2.3"`).
    NotANumber,
    /// More than 28 significant digits or larger than a decimal can hold.
    OutOfRange,
}

impl Dec {
    pub const ZERO: Dec = Dec(Decimal::ZERO);
    pub const ONE: Dec = Dec(Decimal::ONE);
    pub const HUNDRED: Dec = Dec(Decimal::ONE_HUNDRED);

    pub fn from_int(n: i64) -> Dec {
        Dec(Decimal::from(n))
    }

    pub fn checked_add(self, other: Dec) -> Result<Dec, ArithError> {
        self.0
            .checked_add(other.0)
            .map(Dec)
            .ok_or(ArithError::Overflow)
    }

    pub fn checked_sub(self, other: Dec) -> Result<Dec, ArithError> {
        self.0
            .checked_sub(other.0)
            .map(Dec)
            .ok_or(ArithError::Overflow)
    }

    pub fn checked_mul(self, other: Dec) -> Result<Dec, ArithError> {
        self.0
            .checked_mul(other.0)
            .map(Dec)
            .ok_or(ArithError::Overflow)
    }

    pub fn checked_div(self, other: Dec) -> Result<Dec, ArithError> {
        if other.0.is_zero() {
            return Err(ArithError::DivisionByZero);
        }
        self.0
            .checked_div(other.0)
            .map(Dec)
            .ok_or(ArithError::Overflow)
    }

    /// A hundredth of this (`x ÷ 100`, for percent): the same value as dividing, found by
    /// moving the decimal point where the scale allows (division is far slower). The places
    /// may differ from the quotient's; callers normalize.
    pub fn hundredth(self) -> Result<Dec, ArithError> {
        let scale = self.0.scale() + 2;
        let mut moved = self.0;
        if scale <= 28 && moved.set_scale(scale).is_ok() {
            return Ok(Dec(moved));
        }
        self.checked_div(Dec::HUNDRED)
    }

    /// The sum of many, stopping at the first overflow.
    pub fn sum<I: IntoIterator<Item = Dec>>(items: I) -> Result<Dec, ArithError> {
        items.into_iter().try_fold(Dec::ZERO, Dec::checked_add)
    }

    /// Rounds to `places` decimals (at most 28) with an explicit mode.
    pub fn round(self, places: u32, mode: RoundMode) -> Dec {
        Dec(self
            .0
            .round_dp_with_strategy(places.min(28), mode.strategy()))
    }

    /// Rounds a whole number of steps down (floor) or up (ceiling).
    pub fn floor(self) -> Dec {
        Dec(self.0.floor())
    }

    pub fn ceil(self) -> Dec {
        Dec(self.0.ceil())
    }

    /// Without trailing zeros (`45.1700` → `45.17`): for products and quotients, whose
    /// places are an artefact of the arithmetic, not something anyone wrote.
    pub fn normalized(self) -> Dec {
        Dec(self.0.normalize())
    }

    pub fn abs(self) -> Dec {
        Dec(self.0.abs())
    }

    pub fn min(self, other: Dec) -> Dec {
        if other < self {
            other
        } else {
            self
        }
    }

    pub fn max(self, other: Dec) -> Dec {
        if other > self {
            other
        } else {
            self
        }
    }

    /// Clamps into `[low, high]` (assumes `low <= high`).
    pub fn clamp_to(self, low: Dec, high: Dec) -> Dec {
        self.max(low).min(high)
    }

    pub fn is_zero(self) -> bool {
        self.0.is_zero()
    }

    pub fn is_negative(self) -> bool {
        self.0.is_sign_negative() && !self.0.is_zero()
    }

    /// Decimal places as written or computed (`2.50` has 2).
    pub fn scale(self) -> u32 {
        self.0.scale()
    }

    /// Whether this is a whole number.
    pub fn is_integer(self) -> bool {
        self.0.fract().is_zero()
    }

    /// The digits and the places: `12.50` is `(1250, 2)` (for packing a figure into bytes).
    pub fn to_parts(self) -> (i128, u32) {
        (self.0.mantissa(), self.0.scale())
    }

    /// The inverse of [`Dec::to_parts`]; `None` for parts no decimal has.
    pub fn from_parts(mantissa: i128, scale: u32) -> Option<Dec> {
        Decimal::try_from_i128_with_scale(mantissa, scale)
            .ok()
            .map(Dec)
    }

    /// As a whole number, when it is one and fits.
    pub fn to_i64(self) -> Option<i64> {
        if !self.is_integer() {
            return None;
        }
        i64::try_from(self.0.mantissa() / 10i128.pow(self.0.scale())).ok()
    }

    /// Reads a decimal written by a person: surrounding spaces, thousands separators
    /// (`215,457.6`, `１０，５００`), full-width digits and points are allowed; nothing is
    /// rounded (pitfalls.md §3, §6).
    pub fn parse_written(text: &str) -> Result<Dec, DecimalTextError> {
        // Most figures are already plain (`7255205.14`, `-3`): read them without copying.
        if is_plain(text) {
            return Dec::parse_plain(text);
        }
        let mut plain = String::with_capacity(text.len());
        let mut digits_since_separator: Option<usize> = None;
        let mut seen_point = false;
        let mut seen_digit = false;
        for c in text.trim_matches(|c: char| c.is_whitespace()).chars() {
            match normalize_digit(c) {
                Some(d) => {
                    plain.push(d);
                    seen_digit = true;
                    if let Some(n) = digits_since_separator.as_mut() {
                        *n += 1;
                    }
                }
                None => match c {
                    ',' | '，' if seen_digit && !seen_point => {
                        if digits_since_separator.is_some_and(|n| n != 3) {
                            return Err(DecimalTextError::NotANumber);
                        }
                        digits_since_separator = Some(0);
                    }
                    '.' | '．' if !seen_point && seen_digit => {
                        if digits_since_separator.is_some_and(|n| n != 3) {
                            return Err(DecimalTextError::NotANumber);
                        }
                        digits_since_separator = None;
                        seen_point = true;
                        plain.push('.');
                    }
                    '-' | '－' | '+' if plain.is_empty() => {
                        plain.push(if c == '+' { '+' } else { '-' })
                    }
                    _ => return Err(DecimalTextError::NotANumber),
                },
            }
        }
        if !seen_digit || plain.ends_with('.') || digits_since_separator.is_some_and(|n| n != 3) {
            return Err(DecimalTextError::NotANumber);
        }
        Dec::parse_plain(&plain)
    }

    /// Reads a plain ASCII decimal (`-12.50`), exactly.
    pub fn parse_plain(text: &str) -> Result<Dec, DecimalTextError> {
        match Decimal::from_str_exact(text) {
            Ok(d) => Ok(Dec(d)),
            Err(_)
                if text
                    .bytes()
                    .all(|b| b.is_ascii_digit() || b == b'.' || b == b'-' || b == b'+') =>
            {
                Err(DecimalTextError::OutOfRange)
            }
            Err(_) => Err(DecimalTextError::NotANumber),
        }
    }

    /// The figure for an explanation: as written or computed when it is short (`97.80` keeps
    /// its places), otherwise cut to four significant digits (at least two decimals) and
    /// marked `…` (`0.5714…`, `85.50…`).
    pub fn approx(self) -> String {
        if self.0.scale() <= 6 {
            return self.to_string_keep_scale();
        }
        let n = self.0.normalize();
        if n.scale() <= 6 {
            return Dec(n).to_string();
        }
        let abs = n.abs();
        let decimals = if abs >= Decimal::ONE {
            let int_digits = abs.trunc().to_string().len() as u32;
            4u32.saturating_sub(int_digits).max(2)
        } else {
            // position of the first significant digit after the point
            let mut first = 1u32;
            let mut probe = abs * Decimal::TEN;
            while probe < Decimal::ONE && first < 28 {
                probe *= Decimal::TEN;
                first += 1;
            }
            (first + 3).max(2)
        };
        if decimals >= n.scale() {
            return Dec(n).to_string();
        }
        format!(
            "{}…",
            Dec(n.trunc_with_scale(decimals)).to_string_keep_scale()
        )
    }

    /// Shows the number with its scale (`85.50`), as a rounded figure is shown.
    pub fn to_string_keep_scale(self) -> String {
        if self.0.is_zero() {
            return Decimal::new(0, self.0.scale()).to_string();
        }
        self.0.to_string()
    }

    /// Shows the number with exactly `places` decimals (`3` → `3.00`).
    pub fn to_string_places(self, places: u32) -> String {
        let mut d = self.0;
        if d.scale() < places {
            d.rescale(places);
        }
        Dec(d).to_string_keep_scale()
    }

    pub fn inner(self) -> Decimal {
        self.0
    }
}

/// An exact quotient `num ÷ den`, kept apart from its decimal when the decimal would have to
/// be rounded (`5090 ÷ 6000 = 0.848333…`, cut at 28 digits). A score computed from such a
/// figure divides once, last, so that "computed exactly, then rounded once" holds: 3 ×
/// 5090 ÷ 6000 is 2.545, which 四舍五入 makes 2.55, where 3 × 0.8483333…33 is 2.5449…9 and
/// would make 2.54.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ratio {
    pub num: Dec,
    /// Never zero.
    pub den: Dec,
}

impl Ratio {
    /// A decimal as a ratio over 1.
    pub fn whole(value: Dec) -> Ratio {
        Ratio {
            num: value,
            den: Dec::ONE,
        }
    }

    /// `num ÷ den`, refusing a zero denominator.
    pub fn of(num: Dec, den: Dec) -> Result<Ratio, ArithError> {
        if den.is_zero() {
            return Err(ArithError::DivisionByZero);
        }
        Ok(Ratio { num, den })
    }

    /// The decimal: the one division, rounded at 28 significant digits when it must be.
    pub fn value(self) -> Result<Dec, ArithError> {
        self.num.checked_div(self.den)
    }

    /// Whether the decimal is exact: the reduced quotient has no prime factor in its
    /// denominator but 2 and 5 (the powers of ten of the scales have no other), and the
    /// decimal multiplied back gives the numerator. Multiplying back alone is not enough:
    /// 111930 ÷ 126000 = 0.88833…3, and 0.88833…3 × 126000 rounds back to 111930.
    pub fn ends(self) -> bool {
        let (n, d) = (
            self.num.0.mantissa().unsigned_abs(),
            self.den.0.mantissa().unsigned_abs(),
        );
        if d == 0 {
            return false;
        }
        let mut rest = d / gcd(n, d);
        while rest % 2 == 0 {
            rest /= 2;
        }
        while rest % 5 == 0 {
            rest /= 5;
        }
        rest == 1
            && self
                .value()
                .and_then(|v| v.checked_mul(self.den))
                .is_ok_and(|back| back == self.num)
    }

    pub fn checked_mul(self, other: Ratio) -> Result<Ratio, ArithError> {
        Ratio::of(
            self.num.checked_mul(other.num)?,
            self.den.checked_mul(other.den)?,
        )
    }

    pub fn checked_div(self, other: Ratio) -> Result<Ratio, ArithError> {
        Ratio::of(
            self.num.checked_mul(other.den)?,
            self.den.checked_mul(other.num)?,
        )
    }

    pub fn checked_add(self, other: Ratio) -> Result<Ratio, ArithError> {
        if self.den == other.den {
            return Ratio::of(self.num.checked_add(other.num)?, self.den);
        }
        Ratio::of(
            self.num
                .checked_mul(other.den)?
                .checked_add(other.num.checked_mul(self.den)?)?,
            self.den.checked_mul(other.den)?,
        )
    }

    pub fn negated(self) -> Ratio {
        Ratio {
            num: Dec::ZERO.checked_sub(self.num).unwrap_or(self.num),
            den: self.den,
        }
    }

    pub fn checked_sub(self, other: Ratio) -> Result<Ratio, ArithError> {
        self.checked_add(other.negated())
    }
}

/// Greatest common divisor (Euclid); gcd(0, d) = d. Once both fit in 64 bits (most figures
/// from the start) it goes on in 64 bits, where a remainder is one instruction, not a call.
fn gcd(mut a: u128, mut b: u128) -> u128 {
    while b != 0 {
        if let (Ok(x), Ok(y)) = (u64::try_from(a), u64::try_from(b)) {
            return u128::from(gcd64(x, y));
        }
        (a, b) = (b, a % b);
    }
    a
}

fn gcd64(mut a: u64, mut b: u64) -> u64 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

fn normalize_digit(c: char) -> Option<char> {
    match c {
        '0'..='9' => Some(c),
        '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32),
        _ => None,
    }
}

/// Shows the number without trailing zeros (`2.50` → `2.5`, `-0` → `0`).
/// `-`? digits (`.` digits)?: a text [`Dec::parse_written`] reads as it stands.
fn is_plain(text: &str) -> bool {
    let bytes = text.as_bytes();
    let digits = bytes.strip_prefix(b"-").unwrap_or(bytes);
    let (whole, places) = match digits.iter().position(|&b| b == b'.') {
        Some(at) => (&digits[..at], Some(&digits[at + 1..])),
        None => (digits, None),
    };
    let all_digits = |d: &[u8]| !d.is_empty() && d.iter().all(u8::is_ascii_digit);
    all_digits(whole) && places.is_none_or(all_digits)
}

/// Digits in plain decimal notation with the point after the first `point` of them: zeros
/// are added before (`point` ≤ 0) or after (`point` beyond the digits) as needed.
/// `("15", 3)` → `150`, `("15", 1)` → `1.5`, `("15", -1)` → `0.015`. What a number written
/// with an exponent (a JSON `1.5e2`, a spreadsheet's stored double) is, written out.
pub fn place_point(negative: bool, digits: &str, point: i64) -> String {
    let mut plain = String::with_capacity(digits.len() + point.unsigned_abs() as usize + 3);
    if negative {
        plain.push('-');
    }
    if point <= 0 {
        plain.push_str("0.");
        plain.extend(std::iter::repeat_n('0', point.unsigned_abs() as usize));
        plain.push_str(digits);
    } else if point as usize >= digits.len() {
        plain.push_str(digits);
        plain.extend(std::iter::repeat_n('0', point as usize - digits.len()));
    } else {
        let (whole, fraction) = digits.split_at(point as usize);
        plain.push_str(whole);
        plain.push('.');
        plain.push_str(fraction);
    }
    plain
}

impl fmt::Display for Dec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_zero() {
            return f.write_str("0");
        }
        fmt::Display::fmt(&self.0.normalize(), f)
    }
}

impl fmt::Debug for Dec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl FromStr for Dec {
    type Err = DecimalTextError;
    fn from_str(s: &str) -> Result<Dec, DecimalTextError> {
        Dec::parse_plain(s)
    }
}

impl From<Decimal> for Dec {
    fn from(d: Decimal) -> Dec {
        Dec(d)
    }
}

impl serde::Serialize for Dec {
    /// Every decimal in our JSON output is a string, exact.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gcd_goes_on_in_64_bits_with_the_same_answer() {
        let euclid = |mut a: u128, mut b: u128| {
            while b != 0 {
                (a, b) = (b, a % b);
            }
            a
        };
        let big = (1u128 << 96) - 1;
        let pairs = [
            (0, 7),
            (7, 0),
            (111_930, 126_000),
            (u128::from(u64::MAX), 3),
            (big, 3 * 5 * 7 * 11),
            (big, big / 3),
            (1 << 90, 1 << 70),
            (
                79_228_162_514_264_337_593_543_950_335,
                18_446_744_073_709_551_617,
            ),
        ];
        for (a, b) in pairs {
            assert_eq!(gcd(a, b), euclid(a, b), "gcd({a}, {b})");
        }
    }

    #[test]
    fn the_point_is_placed_with_the_zeros_it_needs() {
        assert_eq!(place_point(false, "15", 3), "150");
        assert_eq!(place_point(false, "15", 2), "15");
        assert_eq!(place_point(false, "15", 1), "1.5");
        assert_eq!(place_point(false, "15", 0), "0.15");
        assert_eq!(place_point(true, "15", -1), "-0.015");
    }

    fn d(s: &str) -> Dec {
        Dec::parse_plain(s).unwrap()
    }

    #[test]
    fn a_hundredth_is_the_quotient_by_a_hundred() {
        for x in [
            "0",
            "1",
            "130",
            "14",
            "-7.5",
            "85.5",
            "0.0001",
            "1820",
            "123456789.123456789",
            "0.00000000000000000000000001",
            "79228162514264337593543950335",
            "-0.0000000000000000000000000015",
        ] {
            let (moved, divided) = (
                d(x).hundredth().unwrap(),
                d(x).checked_div(Dec::HUNDRED).unwrap(),
            );
            assert_eq!(moved, divided, "{x}");
            assert_eq!(
                format!("{:?}", moved.normalized()),
                format!("{:?}", divided.normalized()),
                "{x}"
            );
        }
    }

    #[test]
    fn half_up_is_away_from_zero_and_half_even_is_bankers() {
        // pitfalls.md §2: 3 × 70 ÷ 80 = 2.625
        assert_eq!(d("2.625").round(2, RoundMode::HalfUp).to_string(), "2.63");
        assert_eq!(d("2.625").round(2, RoundMode::HalfEven).to_string(), "2.62");
        assert_eq!(d("2.565").round(2, RoundMode::HalfUp).to_string(), "2.57");
        assert_eq!(d("0.125").round(2, RoundMode::HalfUp).to_string(), "0.13");
        assert_eq!(d("2.629").round(2, RoundMode::Down).to_string(), "2.62");
        assert_eq!(d("2.621").round(2, RoundMode::Up).to_string(), "2.63");
        assert_eq!(d("-2.625").round(2, RoundMode::HalfUp).to_string(), "-2.63");
    }

    #[test]
    fn written_numbers_keep_every_digit() {
        assert_eq!(Dec::parse_written("215,457.6").unwrap(), d("215457.6"));
        assert_eq!(Dec::parse_written(" 7255205.14 ").unwrap(), d("7255205.14"));
        assert_eq!(Dec::parse_written("１０，５００").unwrap(), d("10500"));
        assert_eq!(Dec::parse_written("１００．５").unwrap(), d("100.5"));
        assert_eq!(
            Dec::parse_written("1,234,567.891").unwrap(),
            d("1234567.891")
        );
        assert_eq!(Dec::parse_written("-3").unwrap(), d("-3"));
        assert_eq!(
            Dec::parse_written("12345678901234567890.12")
                .unwrap()
                .to_string(),
            "12345678901234567890.12"
        );
    }

    #[test]
    fn malformed_numbers_are_errors_not_zero() {
        for bad in [
            "",
            "abc",
            "1.2.3",
            "1,23",
            "12,3456",
            "1.",
            ".5",
            "1,000.5,0",
            "5%",
            "--1",
        ] {
            assert_eq!(
                Dec::parse_written(bad),
                Err(DecimalTextError::NotANumber),
                "{bad:?}"
            );
        }
        assert_eq!(
            Dec::parse_written("1e30"),
            Err(DecimalTextError::NotANumber)
        );
        assert_eq!(
            Dec::parse_written("100000000000000000000000000000"),
            Err(DecimalTextError::OutOfRange)
        );
    }

    #[test]
    fn checked_arithmetic_reports_overflow_and_division_by_zero() {
        let max = Dec(Decimal::MAX);
        assert_eq!(max.checked_mul(Dec::from_int(2)), Err(ArithError::Overflow));
        assert_eq!(max.checked_add(Dec::ONE), Err(ArithError::Overflow));
        assert_eq!(
            Dec::ONE.checked_div(Dec::ZERO),
            Err(ArithError::DivisionByZero)
        );
        // pitfalls.md §5: division keeps 28 significant digits
        let q = d("4")
            .checked_div(d("14"))
            .unwrap()
            .checked_mul(d("2"))
            .unwrap();
        assert_eq!(q.to_string(), "0.5714285714285714285714285714");
    }

    #[test]
    fn a_ratio_divides_once_last() {
        // 3 × 5090 ÷ 6000 = 2.545 exactly; through the rounded quotient it is 2.5449…9
        let rate = Ratio::of(d("5090"), d("6000")).unwrap();
        assert!(!rate.ends());
        let score = rate
            .checked_mul(Ratio::whole(d("3")))
            .unwrap()
            .value()
            .unwrap();
        assert_eq!(score.to_string(), "2.545");
        assert_eq!(score.round(2, RoundMode::HalfUp).to_string(), "2.55");
        let rounded_first = rate.value().unwrap().checked_mul(d("3")).unwrap();
        assert_eq!(
            rounded_first.round(2, RoundMode::HalfUp).to_string(),
            "2.54"
        );
        // 1 ÷ 3 + 1 ÷ 6 = 1 ÷ 2
        let half = Ratio::of(d("1"), d("3"))
            .unwrap()
            .checked_add(Ratio::of(d("1"), d("6")).unwrap())
            .unwrap();
        assert_eq!(half.value().unwrap().to_string(), "0.5");
        assert!(half.ends());
        assert_eq!(
            Ratio::of(d("1"), Dec::ZERO),
            Err(ArithError::DivisionByZero)
        );
        // multiplied back, 0.88833…3 × 126000 rounds to 111930: it does not end all the same
        assert!(!Ratio::of(d("111930"), d("126000")).unwrap().ends());
        assert!(Ratio::of(d("111930"), d("125000")).unwrap().ends());
        assert!(Ratio::of(d("0.3"), d("0.75")).unwrap().ends());
        assert!(Ratio::of(Dec::ZERO, d("7")).unwrap().ends());
        assert_eq!(
            Ratio::whole(d("2")).checked_div(Ratio::whole(Dec::ZERO)),
            Err(ArithError::DivisionByZero)
        );
    }

    #[test]
    fn approximations_are_marked() {
        let q = d("4")
            .checked_mul(d("2"))
            .unwrap()
            .checked_div(d("14"))
            .unwrap();
        assert_eq!(q.approx(), "0.5714…");
        let rate = d("7255205.14")
            .checked_div(d("8485146"))
            .unwrap()
            .checked_mul(Dec::HUNDRED)
            .unwrap();
        assert_eq!(rate.approx(), "85.50…");
        assert_eq!(d("0.43").approx(), "0.43");
        assert_eq!(d("7255205.14").approx(), "7255205.14");
        assert_eq!(d("0.00012345678").approx(), "0.0001234…");
    }

    #[test]
    fn display_has_no_trailing_zeros_but_rounded_figures_can_keep_their_places() {
        assert_eq!(d("2.50").to_string(), "2.5");
        assert_eq!(d("-0").to_string(), "0");
        assert_eq!(d("3").to_string_places(2), "3.00");
        assert_eq!(d("85.5").to_string_places(2), "85.50");
    }
}
