//! Adding up scores and points exactly as adding decimals one by one does, in whole
//! numbers: the sums of sections and totals.

use crate::decimal::{ArithError, Dec, POWERS_OF_TEN};
use std::cmp::Ordering;

/// A sum of decimals, the same decimal as adding them one by one to zero with
/// [`Dec::checked_add`], found in whole numbers: the digits of the terms at the finest scale
/// yet seen, added as one integer (an add of decimals unpacks, aligns and repacks both).
///
/// `checked_add` of two decimals is their exact sum at the finer of their scales whenever
/// that fits; a zero adds nothing, and a zero sum plus a term is the term itself (its scale
/// and sign). So the sum of terms that are not negative, while it fits, is the exact sum of
/// those that are not zero at the finest of their scales, or the last term when all are
/// zero. The first term this cannot add so (a negative one, or a sum that no longer fits)
/// is added, with all after it, by `checked_add` itself to the sum so far.
#[derive(Clone, Copy)]
pub struct Sum {
    /// The digits of the terms that are not zero, at `scale`; none yet while 0.
    digits: u128,
    scale: u32,
    /// The sum while no term is anything but zero: zero, or the last zero added.
    zero: Dec,
    /// Added one by one from the first term the digits could not take.
    slow: Option<Result<Dec, ArithError>>,
}

impl Sum {
    pub fn new() -> Sum {
        Sum {
            digits: 0,
            scale: 0,
            zero: Dec::ZERO,
            slow: None,
        }
    }

    #[inline]
    pub fn add(&mut self, term: Dec) {
        if self.slow.is_none() && self.with(term).is_some() {
            return;
        }
        self.add_one_by_one(term);
    }

    /// Adds a term with `checked_add`, from the first the digits could not take on.
    #[cold]
    #[inline(never)]
    fn add_one_by_one(&mut self, term: Dec) {
        let sum = match self.slow {
            None => self.value(),
            Some(slow) => slow,
        };
        self.slow = Some(sum.and_then(|sum| sum.checked_add(term)));
    }

    /// Adds a term to the digits, or `None` (and no change) when they cannot take it.
    #[inline]
    fn with(&mut self, term: Dec) -> Option<()> {
        let (digits, scale, negative) = term.unsigned_parts();
        if negative && digits != 0 {
            return None;
        }
        if digits == 0 {
            if self.digits == 0 {
                self.zero = term;
            }
            return Some(());
        }
        if self.digits == 0 {
            (self.digits, self.scale) = (digits, scale);
            return Some(());
        }
        let (sum, finer) = match self.scale.cmp(&scale) {
            Ordering::Equal => (self.digits.checked_add(digits)?, scale),
            Ordering::Less => (
                up(self.digits, scale - self.scale)?.checked_add(digits)?,
                scale,
            ),
            Ordering::Greater => (
                up(digits, self.scale - scale)?.checked_add(self.digits)?,
                self.scale,
            ),
        };
        // Beyond a decimal's 96 bits `checked_add` rounds or fails: it adds this term.
        if sum >> 96 != 0 {
            return None;
        }
        (self.digits, self.scale) = (sum, finer);
        Some(())
    }

    pub fn value(&self) -> Result<Dec, ArithError> {
        match self.slow {
            Some(slow) => slow,
            None if self.digits == 0 => Ok(self.zero),
            // INVARIANT: the digits fit in 96 bits (checked as they are added).
            None => i128::try_from(self.digits)
                .ok()
                .and_then(|digits| Dec::from_parts(digits, self.scale))
                .ok_or(ArithError::Overflow),
        }
    }
}

/// `digits × 10^places`, when both fit in 64 bits (the product then fits in 128); else
/// `None`, and the sum is left to `checked_add`.
fn up(digits: u128, places: u32) -> Option<u128> {
    let digits = u64::try_from(digits).ok()?;
    let power = u64::try_from(*POWERS_OF_TEN.get(places as usize)?).ok()?;
    Some(u128::from(digits) * u128::from(power))
}

#[cfg(test)]
mod tests {
    use super::Sum;
    use crate::decimal::Dec;

    /// What adding one by one to zero gives, digits and scale and sign.
    fn one_by_one(terms: &[Dec]) -> Result<(i128, u32, bool), crate::decimal::ArithError> {
        let sum = Dec::sum(terms.iter().copied())?;
        let (digits, scale) = sum.to_parts();
        Ok((digits, scale, sum.inner().is_sign_negative()))
    }

    fn summed(terms: &[Dec]) -> Result<(i128, u32, bool), crate::decimal::ArithError> {
        let mut sum = Sum::new();
        for t in terms {
            sum.add(*t);
        }
        let sum = sum.value()?;
        let (digits, scale) = sum.to_parts();
        Ok((digits, scale, sum.inner().is_sign_negative()))
    }

    #[test]
    fn a_sum_is_what_adding_one_by_one_gives_scale_and_sign_too() {
        let big = Dec::from_parts((1 << 96) - 1, 0).unwrap();
        let big_fine = Dec::from_parts((1 << 96) - 1, 28).unwrap();
        let mut pool: Vec<Dec> = [
            "0",
            "0.00",
            "0.0",
            "-0.00",
            "5",
            "2.5",
            "4.17",
            "0.01",
            "100",
            "1.000",
            "3.333333",
            "0.0000000000000000000000000001",
            "-1",
            "-0.5",
            "7255205.14",
            "18446744073709551616",
            "79228162514264337593543950334",
        ]
        .iter()
        .map(|t| t.parse().unwrap())
        .collect();
        pool.extend([big, big_fine, Dec::from_parts(0, 5).unwrap()]);
        // Every sequence of up to four terms from the pool.
        let n = pool.len();
        let mut seen = 0;
        for len in 0..=4u32 {
            for code in 0..n.pow(len) {
                let mut c = code;
                let terms: Vec<Dec> = (0..len)
                    .map(|_| {
                        let t = pool[c % n];
                        c /= n;
                        t
                    })
                    .collect();
                assert_eq!(summed(&terms), one_by_one(&terms), "{terms:?}");
                seen += 1;
            }
        }
        assert!(seen > 10_000);
    }
}
