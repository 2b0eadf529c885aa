//! The scoring methods. Each takes the target A, the actual B and the points w, and gives
//! the working and the exact score (before it is kept in [0, w] and rounded).

mod bands;
mod deadline;
mod deduct;
mod qualitative;
mod ratio;

pub use bands::bands;
pub use deadline::{deadline_all_or_nothing, deadline_deduct};
pub use deduct::deduct;
pub use qualitative::{classify, judged_unknown, qualitative};
pub use ratio::{all_or_nothing, proportional, reverse_linear, reverse_ratio};

use crate::decimal::{ArithError, Dec};
use crate::scorecard::{CalcError, Problem, Working};

/// What a method computed.
pub struct Computed {
    pub working: Working,
    pub exact: Dec,
}

impl Computed {
    pub fn new(working: Working, exact: Dec) -> Computed {
        Computed { working, exact }
    }
}

/// Arithmetic that overflowed (or divided by zero) is a problem of the indicator, shown in
/// its explanation with the figures of `shown`, never a panic or a silent zero. The figures
/// are written out only when it fails.
pub fn arith(shown: impl Fn() -> String) -> impl Fn(ArithError) -> Problem {
    move |e| Problem::Arithmetic {
        shown: shown(),
        error: calc_error(e),
    }
}

pub fn calc_error(e: ArithError) -> CalcError {
    match e {
        ArithError::Overflow => CalcError::Overflow,
        ArithError::DivisionByZero => CalcError::DivisionByZero,
    }
}
