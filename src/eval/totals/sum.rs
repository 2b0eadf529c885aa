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
    /// The last zero added, while no term is anything but zero (the sum is zero while none
    /// is: [`Dec::ZERO`]).
    zero: Option<Dec>,
    /// Added one by one from the first term the digits could not take.
    slow: Option<Result<Dec, ArithError>>,
}

impl Sum {
    pub fn new() -> Sum {
        Sum {
            digits: 0,
            scale: 0,
            zero: None,
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
                self.zero = Some(term);
            }
            return Some(());
        }
        self.with_digits(digits, scale)
    }

    /// Adds digits that are not zero at `scale` to the digits, or `None` (and no change)
    /// when they cannot take them.
    #[inline]
    fn with_digits(&mut self, digits: u128, scale: u32) -> Option<()> {
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
            None if self.digits == 0 => Ok(self.zero.unwrap_or(Dec::ZERO)),
            // INVARIANT: the digits fit in 96 bits (checked as they are added).
            None => i128::try_from(self.digits)
                .ok()
                .and_then(|digits| Dec::from_parts(digits, self.scale))
                .ok_or(ArithError::Overflow),
        }
    }
}

/// The sum of the terms of `sums`, one sum after the other, as adding each of those terms
/// in turn to one sum gives, when it can be told from the digits alone: no sum has had to
/// add one by one, and their digits add up without doing so. Every term of each is not
/// negative (or zero), so the sum of them all is the exact sum of those that are not zero,
/// at the finest of their scales, whatever their order; the only term order decides is the
/// zero the sum is while every term is zero, the last zero of the last sum that has one.
pub fn merged<'s>(sums: impl IntoIterator<Item = &'s Sum>) -> Option<Sum> {
    let mut merged = Sum::new();
    for sum in sums {
        if sum.slow.is_some() {
            return None;
        }
        if let Some(zero) = sum.zero {
            merged.with(zero)?;
        }
        if sum.digits != 0 {
            merged.with_digits(sum.digits, sum.scale)?;
        }
    }
    Some(merged)
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

    /// Decimals from their texts.
    fn decimals(texts: &[&str]) -> Vec<Dec> {
        texts.iter().map(|t| t.parse().unwrap()).collect()
    }

    /// A sum's digits, places and sign: what must agree, not only its value.
    fn parts(sum: Dec) -> (i128, u32, bool) {
        let (digits, scale) = sum.to_parts();
        (digits, scale, sum.inner().is_sign_negative())
    }

    /// What adding one by one to zero gives, digits and scale and sign.
    fn one_by_one(terms: &[Dec]) -> Result<(i128, u32, bool), crate::decimal::ArithError> {
        Dec::sum(terms.iter().copied()).map(parts)
    }

    fn summed(terms: &[Dec]) -> Result<(i128, u32, bool), crate::decimal::ArithError> {
        let mut sum = Sum::new();
        for t in terms {
            sum.add(*t);
        }
        sum.value().map(parts)
    }

    /// Every sequence of up to `longest` terms from `pool`, the empty one first.
    fn sequences(pool: &[Dec], longest: u32) -> impl Iterator<Item = Vec<Dec>> + '_ {
        let n = pool.len();
        (0..=longest).flat_map(move |len| {
            (0..n.pow(len)).map(move |code| {
                let mut c = code;
                (0..len)
                    .map(|_| {
                        let t = pool[c % n];
                        c /= n;
                        t
                    })
                    .collect()
            })
        })
    }

    #[test]
    fn a_sum_is_what_adding_one_by_one_gives_scale_and_sign_too() {
        let big = Dec::from_parts((1 << 96) - 1, 0).unwrap();
        let big_fine = Dec::from_parts((1 << 96) - 1, 28).unwrap();
        let mut pool = decimals(&[
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
        ]);
        pool.extend([big, big_fine, Dec::from_parts(0, 5).unwrap()]);
        // Every sequence of up to four terms from the pool.
        let mut seen = 0;
        for terms in sequences(&pool, 4) {
            assert_eq!(summed(&terms), one_by_one(&terms), "{terms:?}");
            seen += 1;
        }
        assert!(seen > 10_000);
    }

    #[test]
    fn sums_merged_are_what_adding_their_terms_one_by_one_gives() {
        let pool = decimals(&[
            "0",
            "0.00",
            "-0.00",
            "5",
            "2.5",
            "4.17",
            "0.01",
            "1.000",
            "-1",
            "7255205.14",
            "18446744073709551616",
            "79228162514264337593543950334",
        ]);
        let mut merged_some = 0;
        // Every sequence of up to four terms, cut into sums at every place.
        for terms in sequences(&pool, 4) {
            for cuts in 0..1u32 << terms.len() {
                let mut sums = vec![Sum::new()];
                for (i, t) in terms.iter().enumerate() {
                    if cuts & 1 << i != 0 {
                        sums.push(Sum::new());
                    }
                    sums.last_mut().unwrap().add(*t);
                }
                let Some(merged) = super::merged(&sums) else {
                    continue;
                };
                merged_some += 1;
                let merged = merged.value().map(parts);
                assert_eq!(merged, one_by_one(&terms), "{terms:?} cut at {cuts:b}");
            }
        }
        assert!(merged_some > 50_000);
    }
}
