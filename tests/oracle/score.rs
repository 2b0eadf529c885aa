//! What both policies share (policy-2021.md §1, §3; policy-project.md §1, §3): rounding, the
//! units rule, reading an actual, the words of qualitative indicators, deadlines.

use super::value::{Cell, Op, Unit};
use rust_decimal::{Decimal, RoundingStrategy};

pub use super::words::{ACHIEVED, NOT_DONE};

/// 四舍五入 to 2 places: half away from zero.
pub fn round2(x: Decimal) -> Decimal {
    x.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

/// An exact score kept in [0, w] and rounded once; never above the points (a score is
/// rounded, but the policy gives no bonus: where rounding would pass the points, they are
/// the score).
pub fn keep(exact: Decimal, w: Decimal) -> Decimal {
    round2(exact.max(Decimal::ZERO).min(w)).min(w)
}

/// Grade on the total (§1 of both): 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差 below.
pub fn grade(total: Decimal) -> &'static str {
    if total >= Decimal::from(90) {
        "优"
    } else if total >= Decimal::from(80) {
        "良"
    } else if total >= Decimal::from(60) {
        "中"
    } else {
        "差"
    }
}

/// What an actual is, before a method reads it.
pub enum Actual {
    /// A blank or a not-done word: 0 on any target.
    Nothing,
    Number(Decimal, Unit),
    Period((i32, u32, u32)),
    Word(String),
    Unreadable,
}

/// §3.5 and §3.6: not done and blanks score nothing; a claimed bound counts as its bound.
pub fn actual(cell: Cell) -> Actual {
    match cell {
        Cell::Blank => Actual::Nothing,
        Cell::Word(w) if NOT_DONE.contains(&w.as_str()) => Actual::Nothing,
        Cell::Word(w) => Actual::Word(w),
        // `=100%` is a measurement; `>=85%` a claim that counts as 85% (as_bound)
        Cell::Number { n, unit, .. } => Actual::Number(n, unit),
        Cell::Period(end) => Actual::Period(end),
        Cell::Unreadable => Actual::Unreadable,
    }
}

/// The form of a target (§3): at least (and equal), at most, deadline, word.
pub enum Form {
    AtLeast(Decimal, Unit),
    AtMost(Decimal, Unit),
    Deadline((i32, u32, u32)),
    Word(String),
}

pub fn form(target: Cell) -> Option<Form> {
    Some(match target {
        Cell::Number { op, n, unit } => match op {
            Op::None | Op::Eq | Op::Ge | Op::Gt => Form::AtLeast(n, unit),
            Op::Le | Op::Lt => Form::AtMost(n, unit),
        },
        Cell::Period(end) => Form::Deadline(end),
        Cell::Word(w) => Form::Word(w),
        Cell::Blank | Cell::Unreadable => return None,
    })
}

/// §3.7: A and B in one unit. A bare number takes the other side's unit; 人 and 人次 are
/// comparable; with `money`, 元 / 万元 / 亿元 convert exactly (policy-project §3.6). Any
/// other pair of units does not compare.
pub fn same_unit(
    a: (Decimal, &Unit),
    b: (Decimal, &Unit),
    money: bool,
) -> Option<(Decimal, Decimal)> {
    let factor = |u: &str| match u {
        "元" => Some(Decimal::ONE),
        "万元" => Some(Decimal::from(10_000)),
        "亿元" => Some(Decimal::from(100_000_000)),
        _ => None,
    };
    match (a.1, b.1) {
        (Unit::Bare, _) | (_, Unit::Bare) => Some((a.0, b.0)),
        (Unit::Percent, Unit::Percent) => Some((a.0, b.0)),
        (Unit::Named(x), Unit::Named(y)) if x == y => Some((a.0, b.0)),
        (Unit::Named(x), Unit::Named(y))
            if (x == "人" && y == "人次") || (x == "人次" && y == "人") =>
        {
            Some((a.0, b.0))
        }
        (Unit::Named(x), Unit::Named(y)) if money => {
            let (fx, fy) = (factor(x)?, factor(y)?);
            Some((a.0.checked_mul(fx)?, b.0.checked_mul(fy)?))
        }
        _ => None,
    }
}

/// §3.4: the share of points a word scores — achieved 100%, partly achieved 60%, not
/// achieved 0 — or `None` for a word the vocabulary does not hold.
pub fn word_share(word: &str, target: &str) -> Option<Decimal> {
    let plain = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    if plain(word) == plain(target) || ACHIEVED.contains(&word) {
        return Some(Decimal::ONE_HUNDRED);
    }
    if ["较", "基本", "部分"].iter().any(|p| word.starts_with(p)) {
        return Some(Decimal::from(60));
    }
    if ["未", "不"].iter().any(|p| word.starts_with(p)) || word == "无" || word == "否" {
        return Some(Decimal::ZERO);
    }
    None
}

/// w × share ÷ 100.
pub fn share_of(w: Decimal, share: Decimal) -> Decimal {
    w * share / Decimal::ONE_HUNDRED
}

/// §3.3: met when the actual period ends no later than the target's.
pub fn deadline(target: (i32, u32, u32), actual: &Actual, w: Decimal) -> Decimal {
    match actual {
        Actual::Period(end) if *end <= target => w,
        _ => Decimal::ZERO,
    }
}

/// §3.4 for a word target: the word's share, 0 for anything else.
pub fn qualitative(target: &str, actual: &Actual, w: Decimal) -> Decimal {
    match actual {
        Actual::Word(word) => word_share(word, target).map_or(Decimal::ZERO, |s| share_of(w, s)),
        _ => Decimal::ZERO,
    }
}

/// §3.1 (both policies): B ≥ A → w; otherwise w × B ÷ A; a target of 0 is met. "Computed
/// exactly": the one division comes last, so that a quotient that does not end (B ÷ A of
/// 264.67 and 372.4) is not rounded before w multiplies it.
pub fn at_least(a: Decimal, b: Decimal, w: Decimal) -> Decimal {
    if b >= a || a.is_zero() {
        w
    } else {
        w * b / a
    }
}

/// w × n ÷ d when n ÷ d < 1, else w: a ratio of two figures scored against 100% (policy-2021
/// §2's 预算完成率, policy-project §2's 预算执行率), with the one division last.
pub fn ratio_of_full(n: Decimal, d: Decimal, w: Decimal) -> Option<Decimal> {
    if d.is_zero() {
        return None;
    }
    let at_least_one = if d > Decimal::ZERO { n >= d } else { n <= d };
    Some(if at_least_one {
        w
    } else {
        w.checked_mul(n)?.checked_div(d)?
    })
}
