//! Exact decimal numbers for everything that is scored.
//!
//! [`Dec`] wraps `rust_decimal::Decimal` and offers only checked arithmetic: overflow and
//! division by zero are values ([`ArithError`]) that the caller turns into a diagnostic at
//! the operator, never a panic (pitfalls.md §4). Rounding takes an explicit mode, because
//! `round_dp` alone is banker's rounding and 四舍五入 is half away from zero (pitfalls.md §2).

use rust_decimal::{Decimal, RoundingStrategy};
use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::str::FromStr;

/// An exact decimal: up to 28 significant digits, about ±7.9 × 10²⁸. Equal and ordered by
/// value (`2.50` equals `2.5`), as `Decimal` is.
#[derive(Clone, Copy, Default)]
pub struct Dec(Decimal);

/// 10⁰ … 10²⁸, for bringing two figures to one scale.
pub(crate) const POWERS_OF_TEN: [i128; 29] = {
    let mut powers = [1i128; 29];
    let mut i = 1;
    while i < 29 {
        powers[i] = powers[i - 1] * 10;
        i += 1;
    }
    powers
};

impl Ord for Dec {
    /// By value. Figures compared mostly have the same places, or a few more or less
    /// (`85.5%` against `90%`): their digits, brought to one scale as whole numbers of 128
    /// bits, compare directly. Only when that overflows does `Decimal`'s general comparison
    /// decide.
    #[inline]
    fn cmp(&self, other: &Dec) -> Ordering {
        let (a, b) = (self.0, other.0);
        let (sa, sb) = (a.scale(), b.scale());
        let (ma, mb) = (a.mantissa(), b.mantissa());
        let aligned = match sa.cmp(&sb) {
            Ordering::Equal => Some((ma, mb)),
            Ordering::Less => POWERS_OF_TEN
                .get((sb - sa) as usize)
                .and_then(|p| ma.checked_mul(*p))
                .map(|ma| (ma, mb)),
            Ordering::Greater => POWERS_OF_TEN
                .get((sa - sb) as usize)
                .and_then(|p| mb.checked_mul(*p))
                .map(|mb| (ma, mb)),
        };
        match aligned {
            Some((ma, mb)) => ma.cmp(&mb),
            None => a.cmp(&b),
        }
    }
}

impl PartialOrd for Dec {
    #[inline]
    fn partial_cmp(&self, other: &Dec) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for Dec {
    fn eq(&self, other: &Dec) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Dec {}

impl Hash for Dec {
    /// As `Decimal` hashes: by value, so that equal figures hash alike.
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.0.hash(state)
    }
}

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

    #[inline]
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

    /// `share`% of this: `self × share ÷ 100`, exactly as those two operations give it. A
    /// share of exactly `100` gives this figure itself, when its digits times 100 still fit
    /// a decimal (the product is then exact, and so is the quotient, at this figure's
    /// scale), and one of `0` gives `0`, without the division.
    pub fn percent(self, share: Dec) -> Result<Dec, ArithError> {
        /// The largest digits that can be multiplied by 100 exactly: (2⁹⁶ − 1) ÷ 100.
        const HUNDREDFOLD_FITS: u128 = ((1 << 96) - 1) / 100;
        let hundred = share.0.scale() == 0 && share.0.mantissa() == 100;
        if hundred && self.0.mantissa().unsigned_abs() <= HUNDREDFOLD_FITS {
            return Ok(if self.is_zero() { Dec::ZERO } else { self });
        }
        if share.is_zero() {
            return Ok(Dec::ZERO);
        }
        self.checked_mul(share).and_then(Dec::hundredth)
    }

    /// A hundredth of this (`x ÷ 100`, for percent): the very quotient `Decimal`'s division
    /// gives (its digits and places), told from the digits where they fit 64 bits: digits
    /// ending in `00` lose them at these places; any others, divided with a remainder, are
    /// taken nine places further and seven are taken back (by 10⁴, 10² and 10): the same
    /// digits two places further. Where division would go otherwise (past 28 places, or its
    /// 10⁸ step on digits with 25 factors of 2), it divides. Division was most of a
    /// percent's cost.
    pub fn hundredth(self) -> Result<Dec, ArithError> {
        let parts = self.0.unpack();
        if parts.hi == 0 {
            let digits = u64::from(parts.mid) << 32 | u64::from(parts.lo);
            let moved = if digits == 0 {
                return Ok(Dec::ZERO);
            } else if digits % 100 == 0 {
                Some((digits / 100, parts.scale))
            } else if parts.scale <= 19 && digits.trailing_zeros() < 25 {
                Some((digits, parts.scale + 2))
            } else {
                None
            };
            if let Some((digits, scale)) = moved {
                // At most 28 places: from at most 19, two more; or as they were.
                let (lo, mid) = (digits as u32, (digits >> 32) as u32);
                return Ok(Dec(Decimal::from_parts(lo, mid, 0, parts.negative, scale)));
            }
        }
        self.checked_div(Dec::HUNDRED)
    }

    /// The sum of many, stopping at the first overflow.
    pub fn sum<I: IntoIterator<Item = Dec>>(items: I) -> Result<Dec, ArithError> {
        items.into_iter().try_fold(Dec::ZERO, Dec::checked_add)
    }

    /// Rounds to `places` decimals (at most 28) with an explicit mode.
    ///
    /// A figure with no more than `places` decimals (a score that is the points themselves)
    /// is itself, as `Decimal`'s rounding gives it back, without a call.
    pub fn round(self, places: u32, mode: RoundMode) -> Dec {
        let places = places.min(28);
        if self.0.scale() <= places {
            return self;
        }
        self.round_whole(places, mode)
            .unwrap_or_else(|| Dec(self.0.round_dp_with_strategy(places, mode.strategy())))
    }

    /// A figure above zero with more than `places` decimals (a score computed to 28 places,
    /// rounded to 2), rounded as whole numbers: its digits divided by the power of ten of the
    /// places dropped, the quotient raised by one where the remainder says so. The result is
    /// `Decimal`'s rounding, bit for bit (the same digits at `places`), in one division of
    /// 128-bit numbers where `Decimal` divides and multiplies back 96-bit numbers in steps.
    /// `None` for every other figure.
    fn round_whole(self, places: u32, mode: RoundMode) -> Option<Dec> {
        let (digits, scale) = (self.0.mantissa(), self.0.scale());
        if digits <= 0 || scale <= places {
            return None;
        }
        let digits = digits.unsigned_abs();
        let power = POWERS_OF_TEN.get((scale - places) as usize)?.unsigned_abs();
        let (quotient, rest) = (digits / power, digits % power);
        // the power is 10 or more, so its half is exact
        let half = power / 2;
        let up = match mode {
            RoundMode::HalfUp => rest >= half,
            RoundMode::HalfEven => rest > half || (rest == half && quotient % 2 == 1),
            RoundMode::Down => false,
            RoundMode::Up => rest != 0,
        };
        let rounded = i128::try_from(quotient + u128::from(up)).ok()?;
        Decimal::try_from_i128_with_scale(rounded, places)
            .ok()
            .map(Dec)
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

    /// Whether two decimals are the same one, digits, places and sign alike (`2.50` is not
    /// `2.5`, though they are equal), told from their parts without bringing them to one
    /// scale. The parts as they are kept (`unpack`): the bytes (`serialize`) are put
    /// together one at a time.
    #[inline]
    pub fn identical(self, other: Dec) -> bool {
        self.0.unpack() == other.0.unpack()
    }

    /// The digits and the places: `12.50` is `(1250, 2)` (for packing a figure into bytes).
    pub fn to_parts(self) -> (i128, u32) {
        (self.0.mantissa(), self.0.scale())
    }

    /// The digits without their sign, the places, and whether the sign is negative: `-12.50`
    /// is `(1250, 2, true)`. [`Dec::to_parts`] without negating the digits, for a sum of many
    /// decimals in whole numbers (crate::eval::totals), which takes only those not negative.
    pub fn unsigned_parts(self) -> (u128, u32, bool) {
        let bytes = self.0.serialize();
        let word = |at: usize| {
            let mut w = [0; 4];
            w.copy_from_slice(bytes.get(at..at + 4).unwrap_or(&[0; 4]));
            u128::from(u32::from_le_bytes(w))
        };
        let digits = word(4) | word(8) << 32 | word(12) << 64;
        (digits, self.0.scale(), self.0.is_sign_negative())
    }

    /// The inverse of [`Dec::to_parts`]; `None` for parts no decimal has.
    pub fn from_parts(mantissa: i128, scale: u32) -> Option<Dec> {
        Decimal::try_from_i128_with_scale(mantissa, scale)
            .ok()
            .map(Dec)
    }

    /// The digits read and the places among them, as [`Dec::parse_plain`] reads them
    /// (`(1250, 2)` is `12.50`, places kept): for a reader that has valued the digits
    /// itself. `None` beyond 28 places.
    pub fn from_digits(digits: u64, places: u32) -> Option<Dec> {
        from_u64(false, digits, places)
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
        // Most figures are already plain (`7255205.14`, `-3`): read them without copying,
        // and most of those valued as they are scanned.
        if let Some(d) = short_plain(text) {
            return Ok(d);
        }
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
        if let Some(d) = short_plain(text) {
            return Ok(d);
        }
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
        let mut shown = String::new();
        self.approx_into(&mut shown);
        shown
    }

    /// [`Dec::approx`], appended to `out`: a working is written figure by figure into one
    /// text, without a text of its own for each.
    pub fn approx_into(self, out: &mut String) {
        if self.0.scale() <= 6 {
            return self.keep_scale_into(out);
        }
        let n = self.0.normalize();
        if n.scale() <= 6 {
            return Dec(n).keep_scale_into(out);
        }
        // Counted from the digits: `n` is `mantissa × 10^-scale`, its mantissa `digits` long.
        let digits = digit_count(n.mantissa().unsigned_abs());
        let decimals = if digits > n.scale() {
            // At least one: the digits before the point.
            let int_digits = digits - n.scale();
            4u32.saturating_sub(int_digits).max(2)
        } else {
            // The position of the first significant digit after the point.
            let first = (n.scale() - digits + 1).min(28);
            (first + 3).max(2)
        };
        if decimals >= n.scale() {
            return Dec(n).keep_scale_into(out);
        }
        Dec(n.trunc_with_scale(decimals)).keep_scale_into(out);
        out.push('…');
    }

    /// Shows the number with its scale (`85.50`), as a rounded figure is shown: its digits,
    /// with the point placed by the scale (written out here: `Decimal`'s own formatting
    /// takes several times as long).
    pub fn to_string_keep_scale(self) -> String {
        let mut text = String::new();
        self.keep_scale_into(&mut text);
        text
    }

    /// [`Dec::to_string_keep_scale`], appended to `out`.
    pub fn keep_scale_into(self, out: &mut String) {
        let digits = self.0.mantissa().unsigned_abs();
        let mut buffer = [b'0'; MAX_DIGITS];
        let raw = digits_text(digits, &mut buffer);
        let scale = self.0.scale() as usize;
        out.reserve(raw.len() + scale + 3);
        if self.0.is_sign_negative() && digits != 0 {
            out.push('-');
        }
        match raw.len().checked_sub(scale) {
            _ if scale == 0 => out.push_str(raw),
            Some(whole) if whole > 0 => {
                let (whole, fraction) = raw.split_at(whole);
                out.push_str(whole);
                out.push('.');
                out.push_str(fraction);
            }
            _ => {
                out.push_str("0.");
                out.extend(std::iter::repeat_n('0', scale - raw.len()));
                out.push_str(raw);
            }
        }
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
        while rest.is_multiple_of(2) {
            rest /= 2;
        }
        while rest.is_multiple_of(5) {
            rest /= 5;
        }
        rest == 1
            && self
                .value()
                .and_then(|v| v.checked_mul(self.den))
                .is_ok_and(|back| back == self.num)
    }

    pub fn checked_mul(self, other: Ratio) -> Result<Ratio, ArithError> {
        Ratio::of(product(self.num, other.num)?, product(self.den, other.den)?)
    }

    pub fn checked_div(self, other: Ratio) -> Result<Ratio, ArithError> {
        Ratio::of(product(self.num, other.den)?, product(self.den, other.num)?)
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

/// `a × b` of a ratio's figures, most of which are over 1 ([`Ratio::whole`]): a factor of
/// exactly 1 (digits 1, no places) gives the other figure, as `Decimal`'s product does (the
/// same digits and places; a zero is `Dec::ZERO`), without multiplying.
fn product(a: Dec, b: Dec) -> Result<Dec, ArithError> {
    let one = |x: Dec| x.to_parts() == (1, 0);
    let kept = |x: Dec| if x.is_zero() { Dec::ZERO } else { x };
    if one(b) {
        Ok(kept(a))
    } else if one(a) {
        Ok(kept(b))
    } else {
        a.checked_mul(b)
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

/// The most decimal digits a decimal's digits have: 2⁹⁶ − 1 is 29 digits long.
const MAX_DIGITS: usize = 29;

/// A decimal's digits (at most 96 bits) written in decimal, in `buffer`: as `u128`'s own
/// formatting writes them, without a formatter or a text of their own.
fn digits_text(digits: u128, buffer: &mut [u8; MAX_DIGITS]) -> &str {
    // Nineteen digits at a time, in 64 bits: the low ones, then the rest (at most ten).
    const NINETEEN: u128 = 10_000_000_000_000_000_000;
    let mut start = MAX_DIGITS;
    let mut write = |mut part: u64, at_least: usize| {
        let end = start;
        while part > 0 || end - start < at_least {
            let Some(slot) = start.checked_sub(1).and_then(|at| buffer.get_mut(at)) else {
                break;
            };
            // INVARIANT: a remainder of 10 is below 10: one ASCII digit.
            *slot = b'0' + (part % 10) as u8;
            part /= 10;
            start -= 1;
        }
    };
    // INVARIANT: both parts fit in 64 bits: the low one is below 10¹⁹, and the high one is
    // below 2⁹⁶ ÷ 10¹⁹ (some 7.9 × 10⁹).
    let (high, low) = ((digits / NINETEEN) as u64, (digits % NINETEEN) as u64);
    if high == 0 {
        write(low, 1);
    } else {
        write(low, 19);
        write(high, 1);
    }
    std::str::from_utf8(buffer.get(start..).unwrap_or_default()).unwrap_or_default()
}

/// How many decimal digits a number has (1 for 0).
fn digit_count(n: u128) -> u32 {
    n.checked_ilog10().map_or(1, |l| l + 1)
}

/// `digits × 10^-places`, negative when asked (a zero is never negative); `None` beyond 28
/// places.
fn from_u64(negative: bool, digits: u64, places: u32) -> Option<Dec> {
    // INVARIANT: the casts split the u64 into its low and high 32 bits.
    let (lo, mid) = (digits as u32, (digits >> 32) as u32);
    (places <= Decimal::MAX_SCALE).then(|| Dec(Decimal::from_parts(lo, mid, 0, negative, places)))
}

/// A plain decimal, `-`? digits (`.` digits)?, of at most 19 digits, valued in one pass,
/// exactly as `Decimal::from_str_exact` reads it (the places as written); `None` for any
/// other text, which the callers read as before. `-0` is left to them too (the parser
/// keeps its sign).
fn short_plain(text: &str) -> Option<Dec> {
    let bytes = text.as_bytes();
    let (negative, digits) = match bytes.split_first()? {
        (b'-', rest) => (true, rest),
        _ => (false, bytes),
    };
    let (mut value, mut count, mut places) = (0u64, 0u32, None::<u32>);
    for &b in digits {
        match b {
            b'0'..=b'9' => {
                value = value.wrapping_mul(10).wrapping_add(u64::from(b - b'0'));
                count += 1;
                if let Some(p) = places.as_mut() {
                    *p += 1;
                }
            }
            b'.' if places.is_none() && count > 0 => places = Some(0),
            _ => return None,
        }
    }
    // A u64 holds any 19 digits.
    if count == 0 || count > 19 || places == Some(0) || (negative && value == 0) {
        return None;
    }
    from_u64(negative, value, places.unwrap_or(0))
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
    fn digits_are_written_as_u128_writes_them() {
        let mut values: Vec<u128> = vec![0, 1, 9, 10, 99, 100, 4294967295, 4294967296];
        for power in 0..=28u32 {
            let p = 10u128.pow(power);
            values.extend([p - 1, p, p + 1, 7 * p + 3]);
        }
        values.extend([
            u128::from(u64::MAX),
            u128::from(u64::MAX) + 1,
            (1 << 96) - 1,
        ]);
        // A spread of 96-bit values, every digit count.
        let mut x: u128 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..2000 {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            values.push((x >> 32) >> (x % 96));
        }
        for v in values {
            let mut buffer = [b'0'; MAX_DIGITS];
            assert_eq!(digits_text(v, &mut buffer), v.to_string(), "{v}");
        }
    }

    #[test]
    fn unsigned_parts_are_the_digits_places_and_sign_as_written() {
        let parts = |t: &str| t.parse::<Dec>().unwrap().unsigned_parts();
        assert_eq!(parts("-12.50"), (1250, 2, true));
        assert_eq!(parts("12.50"), (1250, 2, false));
        assert_eq!(parts("-0.01"), (1, 2, true));
        assert_eq!(parts("0.0000000000000000000000000001"), (1, 28, false));
        // The three words of the digits, each in its place: 2^64 + 2^32 + 1.
        assert_eq!(
            parts("18446744078004518913"),
            ((1 << 64) + (1 << 32) + 1, 0, false)
        );
        assert_eq!(
            parts("79228162514264337593543950335"),
            ((1 << 96) - 1, 0, false)
        );
    }

    #[test]
    fn approx_counts_digits_as_the_text_would() {
        let mut values = Vec::new();
        for num in [
            1i64, 2, 3, 7, 10, 99, 100, 999, 1000, 5090, 7255205, 123456789,
        ] {
            for den in [1i64, 3, 6, 7, 11, 13, 600, 6000, 7000, 8485146, 99999999] {
                for sign in [1, -1] {
                    let q = Dec::from_int(sign * num).checked_div(Dec::from_int(den));
                    values.push(q.unwrap());
                }
            }
        }
        for text in [
            "0",
            "0.0000001",
            "0.00000012345678",
            "1.0000001",
            "-0.000000000000000000000000001",
            "9999.9999999",
            "10000.0000001",
            "0.99999999",
            "123456789012345678.1234567",
            "1.00000000",
            "85.500000000",
        ] {
            values.push(d(text));
        }
        for v in values {
            assert_eq!(v.approx(), approx_by_decimal(v), "{v:?}");
        }
    }

    #[test]
    fn a_short_plain_number_is_valued_as_the_decimal_parser_values_it() {
        let mut texts = vec![
            "0",
            "-0",
            "00",
            "0.0",
            "-0.00",
            "7",
            "-7",
            "007",
            "0.5",
            "-0.05",
            "12.50",
            "7255205.14",
            "1.",
            ".5",
            "-",
            "",
            "1.2.3",
            "+1",
            "1e3",
            "１",
            "1,000",
            "9999999999999999999",
            "99999999999999999999",
            "-9999999999999999999",
            "0.0000000000000000001",
            "1234567890.123456789",
            "18446744073709551615",
        ];
        let built: Vec<String> = (0..2000u64)
            .map(|i| {
                let digits = (i * 7919 % 1_000_003)
                    .to_string()
                    .repeat(1 + (i % 4) as usize);
                let at = (i as usize * 31) % (digits.len() + 1);
                let sign = if i % 3 == 0 { "-" } else { "" };
                if i % 2 == 0 {
                    format!(
                        "{sign}{}.{}",
                        &digits[..at.max(1).min(digits.len())],
                        &digits[at.max(1).min(digits.len())..]
                    )
                } else {
                    format!("{sign}{digits}")
                }
            })
            .collect();
        texts.extend(built.iter().map(String::as_str));
        for text in texts {
            let by_parser = Decimal::from_str_exact(text).ok();
            if let Some(d) = short_plain(text) {
                let parsed = by_parser.unwrap_or_else(|| panic!("{text:?} is not a decimal"));
                assert_eq!(d.0.serialize(), parsed.serialize(), "{text:?}");
            }
        }
    }

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
    fn identical_decimals_agree_in_digits_places_and_sign() {
        assert!(d("2.50").identical(d("2.50")));
        assert!(!d("2.50").identical(d("2.5")));
        assert_eq!(d("2.50"), d("2.5"));
        assert!(!d("3").identical(d("-3")));
        assert!(!d("0").identical(d("0.00")));
    }

    #[test]
    fn a_hundredth_is_the_very_quotient_of_division() {
        let mut xs: Vec<Dec> = Vec::new();
        for digits in (0..=2_000_i64).chain([
            99_999,
            100_000,
            123_450,
            1 << 40,
            (1 << 40) + 10,
            3 << 24,
            3 << 25,
            5 << 30,
            i64::MAX,
            -1,
            -10,
            -100,
            -1234,
        ]) {
            for scale in [0, 1, 2, 5, 18, 19, 20, 25, 26, 27, 28] {
                xs.push(Dec(Decimal::new(digits, scale)));
            }
        }
        xs.push(Dec(Decimal::MAX));
        xs.push(Dec(Decimal::MIN));
        xs.push(Dec(Decimal::from_parts(0, 0, 0, true, 3)));
        for x in xs {
            let quotient = x.checked_div(Dec::HUNDRED).unwrap();
            assert!(x.hundredth().unwrap().identical(quotient), "{x:?}");
        }
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
    fn figures_compare_by_value_whatever_their_places() {
        let texts = [
            "0",
            "-0",
            "0.00",
            "1",
            "1.0",
            "-1",
            "2.5",
            "2.50",
            "-2.5",
            "85.5",
            "90",
            "0.855",
            "100",
            "99.999999999",
            "0.0000000000000000000000000001",
            "-0.0000000000000000000000000001",
            "79228162514264337593543950335",
            "-79228162514264337593543950335",
            "7922816251426433759354395033.5",
            "1.0000000000000000000000000000",
            "0.5714285714285714285714285714",
            "12345678901234567890.12",
            "3",
            "3.000001",
        ];
        let figures: Vec<Dec> = texts.iter().map(|t| d(t)).collect();
        for a in &figures {
            for b in &figures {
                assert_eq!(a.cmp(b), a.0.cmp(&b.0), "{a:?} against {b:?}");
                assert_eq!(a == b, a.0 == b.0, "{a:?} against {b:?}");
            }
        }
        assert_eq!(d("2.50"), d("2.5"));
        assert_eq!(d("-0"), Dec::ZERO);
        assert!(d("-0.0000000000000000000000000001") < Dec::ZERO);
    }

    #[test]
    fn rounding_is_decimal_s_own_bit_for_bit() {
        let figures = [
            "0",
            "0.000",
            "-0.005",
            "2.625",
            "2.635",
            "2.62500000001",
            "-2.625",
            "0.125",
            "0.5714285714285714285714285714",
            "2.8200000220467696025695541318",
            "2.5449999999999999999999999999",
            "2.545",
            "0.0000000000000000000000000001",
            "79228162514264337593543950335",
            "7922816251426433759354395033.5",
            "0.0000000000000000000000000005",
            "99.995",
            "99.994999",
            "1.5",
            "2.5",
            "0.05",
            "12345678901234567890.125",
            "3.00",
            "3",
            "0.995",
        ];
        for text in figures {
            let x = d(text);
            for places in [0, 1, 2, 3, 4, 10, 27, 28, 30] {
                for mode in [
                    RoundMode::HalfUp,
                    RoundMode::HalfEven,
                    RoundMode::Down,
                    RoundMode::Up,
                ] {
                    let ours = x.round(places, mode).0;
                    let theirs = x.0.round_dp_with_strategy(places.min(28), mode.strategy());
                    assert_eq!(
                        (ours.mantissa(), ours.scale(), ours.is_sign_negative()),
                        (theirs.mantissa(), theirs.scale(), theirs.is_sign_negative()),
                        "{text} to {places} places, {mode:?}"
                    );
                }
            }
        }
    }

    /// The figure for an explanation as it was made with `Decimal`'s formatting.
    fn approx_by_decimal(x: Dec) -> String {
        let keep = |d: Decimal| {
            if d.is_zero() {
                Decimal::new(0, d.scale()).to_string()
            } else {
                d.to_string()
            }
        };
        if x.0.scale() <= 6 {
            return keep(x.0);
        }
        let n = x.0.normalize();
        if n.scale() <= 6 {
            return Dec(n).to_string();
        }
        let abs = n.abs();
        let decimals = if abs >= Decimal::ONE {
            let int_digits = abs.trunc().to_string().len() as u32;
            4u32.saturating_sub(int_digits).max(2)
        } else {
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
        format!("{}…", keep(n.trunc_with_scale(decimals)))
    }

    #[test]
    fn figures_are_written_as_decimal_writes_them() {
        let mut figures: Vec<String> = [
            "0",
            "-0",
            "0.00",
            "-0.00",
            "1",
            "-1",
            "2.50",
            "-2.50",
            "0.05",
            "-0.05",
            "85.50",
            "100",
            "0.0000000000000000000000000001",
            "-0.0000000000000000000000000001",
            "79228162514264337593543950335",
            "-79228162514264337593543950335",
            "7922816251426433759354395033.5",
            "0.5714285714285714285714285714",
            "94.00000022046769602569554131",
            "7255205.14",
            "0.00012345678",
            "12.3456789",
            "1234.56789",
            "12345.6789012",
            "0.9999999",
            "9.9999999",
            "-0.0001234567",
            "1.0000000",
            "10.0000001",
            "0.1000000",
            "18446744073709551616.5",
            "18446744073709551615",
            "18446744073709551616",
            "-12.3456789",
            "-1234.56789",
        ]
        .iter()
        .map(|t| t.to_string())
        .collect();
        for computed in [
            d("4")
                .checked_mul(d("2"))
                .unwrap()
                .checked_div(d("14"))
                .unwrap(),
            d("7255205.14")
                .checked_div(d("8485146"))
                .unwrap()
                .checked_mul(Dec::HUNDRED)
                .unwrap(),
            d("5090").checked_div(d("6000")).unwrap(),
        ] {
            figures.push(format!("{computed:?}"));
        }
        for text in &figures {
            let x = d(text);
            let keep = |d: Decimal| {
                if d.is_zero() {
                    Decimal::new(0, d.scale()).to_string()
                } else {
                    d.to_string()
                }
            };
            assert_eq!(x.to_string_keep_scale(), keep(x.0), "{text}");
            assert_eq!(x.approx(), approx_by_decimal(x), "{text}");
            for places in [0, 1, 2, 5] {
                let mut r = x.0;
                if r.scale() < places {
                    r.rescale(places);
                }
                assert_eq!(x.to_string_places(places), keep(r), "{text} to {places}");
            }
        }
    }

    #[test]
    fn a_share_of_a_hundred_or_none_is_the_product_and_quotient_bit_for_bit() {
        let figures = [
            "0",
            "-0",
            "0.00",
            "3",
            "2.5",
            "2.50",
            "-2.5",
            "0.0000000000000000000000000001",
            "79228162514264337593543950335",
            "7922816251426433759354395033.5",
            "10",
            "7",
        ];
        for x in figures {
            for share in ["100", "0", "0.0", "-0", "60", "100.0", "85.5"] {
                let (x, share) = (d(x), d(share));
                let slow = x
                    .checked_mul(share)
                    .and_then(|p| p.checked_div(Dec::HUNDRED));
                let bits = |r: Result<Dec, ArithError>| {
                    r.map(|v| (v.0.mantissa(), v.0.scale(), v.0.is_sign_negative()))
                };
                assert_eq!(bits(x.percent(share)), bits(slow), "{x:?} × {share:?}%");
            }
        }
    }

    #[test]
    fn display_has_no_trailing_zeros_but_rounded_figures_can_keep_their_places() {
        assert_eq!(d("2.50").to_string(), "2.5");
        assert_eq!(d("-0").to_string(), "0");
        assert_eq!(d("3").to_string_places(2), "3.00");
        assert_eq!(d("85.5").to_string_places(2), "85.50");
    }

    #[test]
    fn a_product_by_one_is_decimal_s_product_bit_for_bit() {
        let bits = |x: Result<Dec, ArithError>| x.map(|x| x.0.serialize());
        for x in [
            "0",
            "0.00",
            "-0",
            "1",
            "1.0",
            "-1",
            "7",
            "0.5",
            "-3.25",
            "12345.678",
        ] {
            for y in ["1", "1.0", "1.00", "-1", "2", "0", "0.000"] {
                let (x, y) = (d(x), d(y));
                assert_eq!(bits(product(x, y)), bits(x.checked_mul(y)), "{x} × {y}");
                assert_eq!(bits(product(y, x)), bits(y.checked_mul(x)), "{y} × {x}");
            }
        }
    }
}
