//! policy-project.md, scored in plain Rust: the budget execution row (§2), every indicator
//! by the form of its target with the reverse formula A ÷ B (§3), the total not rescaled
//! and the grade (§1). Written from the spec alone; where it is silent the choice is said.

use super::policy2021::{amount, name_key, own_score, total_row};
use super::score;
use super::value;
use super::{Card, Key};
use rust_decimal::Decimal;
use serde_json::Value;

/// The level-1 headings of a project table (§1: 产出指标, 效益指标 — 效果指标 on some forms —
/// and 满意度指标).
pub const SECTIONS: &[&str] = &["产出指标", "效益指标", "效果指标", "满意度指标"];

/// §2: the execution score, 10 × min(rate, 1), or none when the rate cannot be computed.
fn execution_score(report: &Value) -> Option<Decimal> {
    let ten = Decimal::TEN;
    let total = total_row(report)?;
    let (budget, executed) = (amount(&total["budget"])?, amount(&total["executed"])?);
    if budget.is_zero() && executed.is_zero() {
        // the rows under the total row, when they carry money
        let item = name_key(total["item"].as_str().unwrap_or_default());
        let under: Vec<&Value> = report["budget"]
            .as_array()?
            .iter()
            .filter(|r| r["parent"].as_str().is_some_and(|p| name_key(p) == item))
            .collect();
        let sum = |field: &str| -> Option<Decimal> {
            under
                .iter()
                .map(|r| amount(&r[field]))
                .try_fold(Decimal::ZERO, |acc, x| acc.checked_add(x?))
        };
        let (budget, executed) = (sum("budget")?, sum("executed")?);
        // a budget of zero everywhere: the rate cannot be computed, the score is 0
        return score::ratio_of_full(executed, budget, ten);
    }
    // a total row of budget 0 that executed money: ÷ 0 has no value (the spec does not
    // say otherwise), 0
    score::ratio_of_full(executed, budget, ten)
}

/// Scores a report (JSON) by policy-project.
pub fn score(report: &Value) -> Card {
    let year = report["year"].as_i64().unwrap_or(2022) as i32;
    let mut card = Card::default();
    // §2: 10 × min(rate, 1)
    let ten = Decimal::TEN;
    let exact = execution_score(report).unwrap_or(Decimal::ZERO);
    let execution = score::keep(exact, ten);
    card.execution = Some(execution);
    card.raw += execution;
    card.max += ten;
    let rows = report["indicators"].as_array().cloned().unwrap_or_default();
    for (i, row) in rows.iter().enumerate() {
        let level1 = row["level1"].as_str().unwrap_or_default();
        if !SECTIONS.contains(&level1) {
            continue;
        }
        // §1: the points the unit declared; none → not scored
        let w = match amount(&row["points"]) {
            Some(w) if w >= Decimal::ZERO => w,
            _ => {
                card.push(Key::Row(i), None, None);
                continue;
            }
        };
        let cell = |field: &str| value::read(row[field].as_str(), year);
        // §3.5: an empty or missing target or actual scores 0 (a not-done word too, §3.4
        // "as policy-2021")
        let actual = score::actual(cell("actual"));
        let exact = own_score(cell("target"), &actual, w, true, true);
        card.push(Key::Row(i), Some(w), Some(score::keep(exact, w)));
    }
    // §1: the total is not rescaled
    card.total = card.raw;
    card.grade = score::grade(card.total);
    card
}
