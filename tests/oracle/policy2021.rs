//! policy-2021.md, scored in plain Rust: the 13 fixed input-management indicators (§2), every
//! other indicator by the form of its target (§3), the total rescaled to 100 and the grade
//! (§1). Written from the spec alone; where the spec is silent the choice is said here.

use super::score::{self, Actual, Form};
use super::value::{self, Cell, Unit};
use super::{Card, Key};
use rust_decimal::Decimal;
use serde_json::Value;

/// How a fixed indicator is scored (§2).
enum Fixed {
    Word(&'static str),
    /// executed ÷ budget of the total row, as a percentage; points × min(rate ÷ 100%, 1)
    BudgetRate,
    /// each percentage point above `limit`% deducts `per` (counted exactly), floor 0
    DeductAbove {
        limit: u32,
        per: &'static str,
    },
    /// proportional to 100%
    Proportional100,
}

/// §2's table, in its order: name, points, scoring.
pub const FIXED: &[(&str, u32)] = &[
    ("预算编制完整性", 3),
    ("预算编制准确性", 3),
    ("绩效目标管理", 3),
    ("预算完成率", 3),
    ("公用经费控制率", 2),
    ("“三公经费”控制率", 2),
    ("结转结余率", 2),
    ("公务卡及现金管理合规性", 2),
    ("绩效目标明确合理性", 2),
    ("预决算信息公开及时准确率", 2),
    ("财政监督管理制度有效性", 2),
    ("政府采购合规性", 2),
    ("资产管理制度健全性", 2),
];

fn scoring(name: &str) -> Fixed {
    match name {
        "预算编制完整性" => Fixed::Word("完整"),
        "预算编制准确性" => Fixed::Word("准确"),
        "绩效目标管理" => Fixed::Word("合规"),
        "预算完成率" => Fixed::BudgetRate,
        "公用经费控制率" | "“三公经费”控制率" => Fixed::DeductAbove {
            limit: 100,
            per: "0.2",
        },
        "结转结余率" => Fixed::DeductAbove {
            limit: 5,
            per: "0.4",
        },
        "公务卡及现金管理合规性" => Fixed::Word("合规"),
        "绩效目标明确合理性" => Fixed::Word("明确合理"),
        "预决算信息公开及时准确率" => Fixed::Proportional100,
        "财政监督管理制度有效性" => Fixed::Word("有效"),
        "政府采购合规性" => Fixed::Word("合规"),
        _ => Fixed::Word("健全"), // 资产管理制度健全性
    }
}

/// The level-1 headings whose rows are the unit's own indicators (rules/2021.pr's sections;
/// the spec names them in §3's examples of 产出 and 效果 indicators).
pub const OWN_SECTIONS: &[&str] = &["产出指标", "效果指标", "效益指标", "满意度指标"];

/// A name as the policy matches it: without spaces and quotation marks (README: "names
/// ignore spaces, quotation marks and full width").
pub fn name_key(name: &str) -> String {
    name.chars()
        .filter(|c| !c.is_whitespace() && !"\"'“”‘’「」『』＂＇".contains(*c))
        .collect()
}

/// The total row: the one budget row without a parent (§2); none when there is not exactly
/// one (the spec's "the row with no parent" names one).
pub fn total_row(report: &Value) -> Option<&Value> {
    let rows: Vec<&Value> = report["budget"]
        .as_array()
        .map(|rows| {
            rows.iter()
                .filter(|r| r["parent"].as_str().is_none_or(|p| p.trim().is_empty()))
                .collect()
        })
        .unwrap_or_default();
    (rows.len() == 1).then(|| rows[0])
}

/// A figure of the report: a JSON string or number, read exactly.
pub fn amount(v: &Value) -> Option<Decimal> {
    match v {
        Value::String(s) => value::figure(s),
        Value::Number(n) => value::figure(&n.to_string()),
        _ => None,
    }
}

/// §2 预算完成率: points × min(executed ÷ budget, 1), of the total row; none when the
/// budget is 0 or there is no one total row.
fn budget_rate_score(report: &Value, w: Decimal) -> Option<Decimal> {
    let row = total_row(report)?;
    let (budget, executed) = (amount(&row["budget"])?, amount(&row["executed"])?);
    score::ratio_of_full(executed, budget, w)
}

fn fixed_score(name: &str, w: Decimal, actual: &Actual, report: &Value) -> Decimal {
    match scoring(name) {
        Fixed::Word(target) => score::qualitative(target, actual, w),
        Fixed::BudgetRate => budget_rate_score(report, w).unwrap_or(Decimal::ZERO),
        Fixed::DeductAbove { limit, per } => match actual {
            Actual::Number(b, unit) if *unit == Unit::Bare || *unit == Unit::Percent => {
                let above = *b - Decimal::from(limit);
                if above <= Decimal::ZERO {
                    w
                } else {
                    (w - per.parse::<Decimal>().unwrap_or_default() * above).max(Decimal::ZERO)
                }
            }
            _ => Decimal::ZERO,
        },
        Fixed::Proportional100 => match actual {
            Actual::Number(b, unit) if *unit == Unit::Bare || *unit == Unit::Percent => {
                score::at_least(Decimal::ONE_HUNDRED, *b, w)
            }
            _ => Decimal::ZERO,
        },
    }
}

/// §3: an indicator of the unit's own, by the form of its target.
pub fn own_score(target: Cell, actual: &Actual, w: Decimal, money: bool, reverse: bool) -> Decimal {
    if matches!(actual, Actual::Nothing | Actual::Unreadable) {
        return Decimal::ZERO;
    }
    let Some(form) = score::form(target) else {
        return Decimal::ZERO;
    };
    let numbers = |a: Decimal, ua: &Unit| match actual {
        Actual::Number(b, ub) => score::same_unit((a, ua), (*b, ub), money),
        _ => None,
    };
    match form {
        // §3.1 of both policies. policy-2021 says "with A = 0, any B ≥ 0 scores w" and leaves
        // a B below 0 (w × B ÷ 0 has no value); policy-project says A = 0 → w, and so does
        // this oracle for both.
        Form::AtLeast(a, ua) => match numbers(a, &ua) {
            Some((a, b)) => score::at_least(a, b, w),
            None => Decimal::ZERO,
        },
        Form::AtMost(a, ua) => match numbers(a, &ua) {
            Some((a, b)) if reverse => {
                // policy-project §3.2: B ≤ A → w; otherwise w × A ÷ B
                if b <= a {
                    w
                } else {
                    w * a / b
                }
            }
            Some((a, b)) => {
                // policy-2021 §3.2: B ≤ A → w; A < B < 2A → w × (1 − (B − A) ÷ A); B ≥ 2A → 0
                if b <= a {
                    w
                } else if a.is_zero() || b >= a + a {
                    Decimal::ZERO
                } else {
                    // = w × (2A − B) ÷ A, the one division last
                    w * (a + a - b) / a
                }
            }
            None => Decimal::ZERO,
        },
        Form::Deadline(end) => score::deadline(end, actual, w),
        Form::Word(target) => score::qualitative(&target, actual, w),
    }
}

/// Scores a report (JSON) by policy-2021.
pub fn score(report: &Value) -> Card {
    let year = report["year"].as_i64().unwrap_or(2021) as i32;
    let rows = report["indicators"].as_array().cloned().unwrap_or_default();
    let mut card = Card::default();
    let mut fixed_seen = vec![false; FIXED.len()];
    for (i, row) in rows.iter().enumerate() {
        let name = row["name"].as_str().unwrap_or_default();
        let cell = |field: &str| value::read(row[field].as_str(), year);
        let actual = score::actual(cell("actual"));
        if let Some(f) = FIXED
            .iter()
            .position(|(n, _)| name_key(n) == name_key(name))
        {
            // §2: points and target fixed by the policy; a second row of it is not scored
            if fixed_seen[f] {
                continue;
            }
            fixed_seen[f] = true;
            let (fixed, points) = FIXED[f];
            let w = Decimal::from(points);
            let exact = fixed_score(fixed, w, &actual, report);
            card.push(Key::Fixed(fixed), Some(w), Some(score::keep(exact, w)));
            continue;
        }
        let level1 = row["level1"].as_str().unwrap_or_default();
        if !OWN_SECTIONS.contains(&level1) {
            continue; // no rule scores it: not in the totals
        }
        // §1: the points the unit declared; none → not scored (an error names it)
        let w = match amount(&row["points"]) {
            Some(w) if w >= Decimal::ZERO => w,
            _ => {
                card.push(Key::Row(i), None, None);
                continue;
            }
        };
        let exact = own_score(cell("target"), &actual, w, false, false);
        card.push(Key::Row(i), Some(w), Some(score::keep(exact, w)));
    }
    // a fixed indicator without a row: nothing written, so nothing done (§3.5) — except
    // 预算完成率, whose actual comes from the budget table
    for (f, (name, points)) in FIXED.iter().enumerate() {
        if !fixed_seen[f] {
            let w = Decimal::from(*points);
            let exact = fixed_score(name, w, &Actual::Nothing, report);
            card.push(Key::Fixed(name), Some(w), Some(score::keep(exact, w)));
        }
    }
    // §1: raw total, maximum, rescaled to 100 unless the maximum is 100, grade
    let hundred = Decimal::ONE_HUNDRED;
    card.total = if card.max == hundred || card.max.is_zero() {
        card.raw
    } else {
        score::round2(card.raw * hundred / card.max)
    };
    card.grade = score::grade(card.total);
    card
}
