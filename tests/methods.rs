//! One test per scoring method, through the whole pipeline (rule file → check → report →
//! score), with figures worked out by hand in the comments.

mod common;
use common::*;

#[test]
fn proportional_is_b_over_a_times_points_capped_at_points() {
    // 4 ÷ 14 × 2 = 0.571428… → 0.57 (四舍五入 to 2 places)
    assert_eq!(
        the_score(&score_one("proportional", "2", ">=14次", "4次")),
        "0.57"
    );
    // 6 ÷ 5 > 1: capped at the points, no bonus
    assert_eq!(
        the_score(&score_one("proportional", "2", "=5个", "6个")),
        "2"
    );
    // 80% ÷ 90% × 5 = 4.444… → 4.44
    assert_eq!(
        the_score(&score_one("proportional", "5", ">=90%", "80%")),
        "4.44"
    );
    // 3 × 70 ÷ 80 = 2.625 → 2.63 (half away from zero, not banker's 2.62)
    assert_eq!(
        the_score(&score_one("proportional", "3", ">=80次", "70次")),
        "2.63"
    );
    // a bare actual takes the target's unit: 0 ÷ 1 × 1 = 0
    assert_eq!(
        the_score(&score_one("proportional", "1", ">=1场", "0")),
        "0"
    );
    // units convert exactly: 52万元 of 50万元 meets the target; 480000元 is 48万元: 48 ÷ 50 × 10 = 9.6
    assert_eq!(
        the_score(&score_one("proportional", "10", ">=50万元", "520000元")),
        "10"
    );
    assert_eq!(
        the_score(&score_one("proportional", "10", ">=50万元", "480000元")),
        "9.6"
    );
}

#[test]
fn reverse_ratio_is_a_over_b_times_points() {
    // <= 5%, actual 8%: 5 ÷ 8 × 4 = 2.5
    assert_eq!(
        the_score(&score_one("reverse_ratio", "4", "<=5%", "8%")),
        "2.5"
    );
    // <= 5%, actual 6%: 5 ÷ 6 × 2 = 1.666… → 1.67
    assert_eq!(
        the_score(&score_one("reverse_ratio", "2", "<=5%", "6%")),
        "1.67"
    );
    assert_eq!(
        the_score(&score_one("reverse_ratio", "2", "<=5%", "5%")),
        "2"
    );
}

#[test]
fn reverse_linear_loses_in_proportion_to_the_excess_and_is_zero_at_twice_the_target() {
    // <= 5%, actual 6%: (1 − (6 − 5) ÷ 5) × 2 = 1.6
    assert_eq!(
        the_score(&score_one("reverse_linear", "2", "<=5%", "6%")),
        "1.6"
    );
    // actual 7.5%: (1 − 2.5 ÷ 5) × 2 = 1
    assert_eq!(
        the_score(&score_one("reverse_linear", "2", "<=5%", "7.5%")),
        "1"
    );
    assert_eq!(
        the_score(&score_one("reverse_linear", "2", "<=5%", "10%")),
        "0"
    );
    assert_eq!(
        the_score(&score_one("reverse_linear", "2", "<=5%", "12%")),
        "0"
    );
    // A = 0: any B > 0 scores 0 (policy-2021 §3.2), and B = 0 meets it
    assert_eq!(
        the_score(&score_one("reverse_linear", "2", "<=0%", "0.5%")),
        "0"
    );
    assert_eq!(
        the_score(&score_one("reverse_linear", "2", "<=0%", "0%")),
        "2"
    );
}

#[test]
fn deduct_counts_partial_steps_as_the_rule_file_says() {
    // 每超过一个百分点扣 0.2 分: 100.5% → 0.5 points over → 0.1 off (policy-2021 §2)
    assert_eq!(
        the_score(&score_one(
            "deduct 0.2 per 1% above target, partial exact",
            "2",
            "<=100%",
            "100.5%"
        )),
        "1.9"
    );
    // counted as a whole step: 0.2 off
    assert_eq!(
        the_score(&score_one(
            "deduct 0.2 per 1% above target, partial up",
            "2",
            "<=100%",
            "100.5%"
        )),
        "1.8"
    );
    // a partial step does not count
    assert_eq!(
        the_score(&score_one(
            "deduct 0.2 per 1% above target, partial down",
            "2",
            "<=100%",
            "100.5%"
        )),
        "2"
    );
    // 结转结余率 ≤ 5%, 0.4 per point: 7.25% → 2.25 points → 0.9 off → 1.1
    assert_eq!(
        the_score(&score_one(
            "deduct 0.4 per 1% above target, partial exact",
            "2",
            "<=5%",
            "7.25%"
        )),
        "1.1"
    );
    // 扣完为止: 30 points over at 0.2 → floor 0
    assert_eq!(
        the_score(&score_one(
            "deduct 0.2 per 1% above target",
            "2",
            "<=100%",
            "130%"
        )),
        "0"
    );
    // below a literal threshold: 1 per 次 below 10次; 7次 → 3 off from 5 → 2
    assert_eq!(
        the_score(&score_one(
            "deduct 1 per 1次 below 10次",
            "5",
            ">=10次",
            "7次"
        )),
        "2"
    );
    // a floor above zero: never below 1
    assert_eq!(
        the_score(&score_one(
            "deduct 1 per 1次 below 10次, floor 1",
            "5",
            ">=10次",
            "2次"
        )),
        "1"
    );
}

#[test]
fn bands_score_the_band_the_actual_falls_in_with_explicit_ends() {
    let bands = "bands { actual >= 90%: 5  80% <= actual < 90%: 4  60% <= actual < 80%: 60% of points  actual < 60%: 0 }";
    assert_eq!(the_score(&score_one(bands, "5", ">=90%", "95%")), "5");
    assert_eq!(the_score(&score_one(bands, "5", ">=90%", "90%")), "5");
    assert_eq!(the_score(&score_one(bands, "5", ">=90%", "89.99%")), "4");
    assert_eq!(the_score(&score_one(bands, "5", ">=90%", "80%")), "4");
    // 5 × 60% = 3
    assert_eq!(the_score(&score_one(bands, "5", ">=90%", "60%")), "3");
    assert_eq!(the_score(&score_one(bands, "5", ">=90%", "59.9%")), "0");
}

#[test]
fn qualitative_scores_the_share_of_the_word_s_class() {
    let rules = format!(
        "{HEADER}\nsection \"产出指标\" {{ any indicator }}\ndefault {{ word: qualitative }}"
    );
    let one =
        |target: &str, actual: &str| the_score(&score(&rules, &one_indicator("5", target, actual)));
    assert_eq!(
        one("有效提升", "有效提升"),
        "5",
        "the actual says what the target says"
    );
    assert_eq!(one("合规", "完成"), "5", "an achieved word");
    // 较及时: partly, 5 × 60% = 3
    assert_eq!(one("及时", "较及时"), "3");
    assert_eq!(one("达标", "基本达标"), "3");
    assert_eq!(one("合规", "未达标"), "0");
}

#[test]
fn deadlines_are_met_by_ending_no_later_than_the_target() {
    let rules = format!("{HEADER}\nsection \"产出指标\" {{ any indicator }}\ndefault {{ deadline: all_or_nothing }}");
    let one =
        |target: &str, actual: &str| the_score(&score(&rules, &one_indicator("1", target, actual)));
    // "11月" is November of the report's year, not eleven months
    assert_eq!(one("11月", "10月"), "1");
    assert_eq!(one("11月", "11月"), "1");
    assert_eq!(one("11月", "12月"), "0");
    assert_eq!(one("4季度", "2021年12月底"), "1");
    assert_eq!(one("2021年12月底前", "2021年12月底前"), "1");
    assert_eq!(one("2季度", "7月"), "0");
    assert_eq!(one("2021年6月30日", "2021-06-30"), "1");
    // deduct per month late: 0.5 per month, 3 months late → 1 − 1.5 → 0; 1 month → 0.5
    let late = format!("{HEADER}\nsection \"产出指标\" {{ any indicator }}\ndefault {{ deadline: deduct 0.5 per 1 month late }}");
    let one_late =
        |target: &str, actual: &str| the_score(&score(&late, &one_indicator("1", target, actual)));
    assert_eq!(one_late("9月", "10月"), "0.5");
    assert_eq!(one_late("9月", "12月"), "0");
    assert_eq!(one_late("9月", "9月"), "1");
}

#[test]
fn all_or_nothing_gives_full_points_only_when_the_target_is_met() {
    assert_eq!(
        the_score(&score_one("all_or_nothing", "2", ">=14次", "13次")),
        "0"
    );
    assert_eq!(
        the_score(&score_one("all_or_nothing", "2", ">=14次", "14次")),
        "2"
    );
    assert_eq!(
        the_score(&score_one("all_or_nothing", "2", ">14次", "14次")),
        "0"
    );
    assert_eq!(
        the_score(&score_one("all_or_nothing", "2", "<=5%", "5%")),
        "2"
    );
    assert_eq!(
        the_score(&score_one("all_or_nothing", "2", "<5%", "5%")),
        "0"
    );
}

#[test]
fn not_done_scores_zero_on_any_target_and_claimed_bounds_count_as_their_bound() {
    assert_eq!(
        the_score(&score_one("proportional", "2", ">=14次", "未开展")),
        "0"
    );
    assert_eq!(
        the_score(&score_one("proportional", "2", ">=14次", "")),
        "0"
    );
    // ">=85%" counts as 85%: 85 ÷ 90 × 3 = 2.833… → 2.83
    assert_eq!(
        the_score(&score_one("proportional", "3", ">=90%", ">=85%")),
        "2.83"
    );
    let zero = HEADER.replace("claimed_bound as_bound", "claimed_bound zero");
    let rules = format!(
        "{zero}\nsection \"产出指标\" {{ any indicator }}\ndefault {{ at_least: proportional }}"
    );
    assert_eq!(
        the_score(&score(&rules, &one_indicator("3", ">=85%", ">=85%"))),
        "0"
    );
}

#[test]
fn derived_actuals_are_computed_from_the_budget_table() {
    let rules = format!(
        "{HEADER}\nsection \"投入管理指标\" {{ indicator \"预算完成率\" points 3 target 100% {{ actual = budget.total.executed / budget.total.budget * 100%  score proportional }} }}"
    );
    let report = r#"{"unit": "u", "year": 2021,
        "budget": [{"item": "合计", "budget": "8485146", "executed": "7255205.14"}],
        "indicators": [{"level1": "投入管理指标", "name": "预算完成率", "target": "=100%", "actual": "100%"}]}"#;
    let card = score(&rules, report);
    // 7255205.14 ÷ 8485146 = 0.855047767…; × 3 = 2.5651… → 2.57
    assert_eq!(the_score(&card), "2.57");
    assert_eq!(card.indicators[0].actual(), Some("85.50…%"));
}

/// Found by tests/properties.rs: scores rounded to whole numbers, 0.5 points, the target met —
/// 0.5 rounded half up is 1, above the points. The score is never above the points: where
/// rounding would pass them, it is the points themselves.
#[test]
fn rounding_never_lifts_a_score_above_its_points() {
    let rules = |round: &str| {
        format!(
            "{}\nsection \"产出指标\" {{ any indicator {{ score proportional }} }}",
            HEADER.replace("round indicator 2 half_up", round)
        )
    };
    let whole = rules("round indicator 0 half_up");
    let card = score(&whole, &one_indicator("0.5", ">=10次", "10次"));
    assert_eq!(the_score(&card), "0.5");
    assert_eq!(
        card.indicators[0].lost.map(|l| l.to_string()).as_deref(),
        Some("0")
    );
    // below the target the rounding stands: 9 ÷ 10 × 0.5 = 0.45 → 0
    assert_eq!(
        the_score(&score(&whole, &one_indicator("0.5", ">=10次", "9次"))),
        "0"
    );
    // points with three places, scores to two: 2.345 met is 2.345, not 2.35
    let two = rules("round indicator 2 half_up");
    assert_eq!(
        the_score(&score(&two, &one_indicator("2.345", ">=10次", "10次"))),
        "2.345"
    );
    // rounding up: 0.001 of 0.5 points rounds up to 1, kept at 0.5
    let up = rules("round indicator 0 up");
    assert_eq!(
        the_score(&score(&up, &one_indicator("0.5", ">=1000次", "2次"))),
        "0.5"
    );
}

/// Points below zero are no points: not scored, not in the totals, an error finding.
#[test]
fn negative_points_are_not_scored() {
    let card = score_one("proportional", "-2", ">=10次", "10次");
    assert_eq!(the_score(&card), "not scored");
    assert_eq!(card.max_points.to_string(), "0");
    assert!(card
        .findings
        .iter()
        .any(|f| f.code == "perfrules::eval::negative_points"));
}

/// Found by the differential oracle (tests/differential.rs): a derived actual whose quotient
/// does not end in decimals was rounded at 28 digits before the points multiplied it.
/// 预算完成率 of 3 points, budget 6000, executed 5090: 3 × 5090 ÷ 6000 = 2.545 exactly,
/// 四舍五入 2.55 — perfrules said 2.54 (3 × 84.8333…33% ÷ 100% = 2.5449…9).
#[test]
fn a_derived_actual_is_scored_exactly_when_its_quotient_does_not_end() {
    let rules = format!(
        "{HEADER}\nsection \"投入管理指标\" {{\n  indicator \"预算完成率\" points 3 target 100% {{\n    actual = budget.total.executed / budget.total.budget * 100%\n    score proportional\n  }}\n}}"
    );
    let report = |budget: &str, executed: &str| {
        format!(
            r#"{{"unit": "x", "year": 2021, "budget": [{{"item": "合计", "budget": "{budget}", "executed": "{executed}"}}], "indicators": []}}"#
        )
    };
    let card = score(&rules, &report("6000", "5090"));
    assert_eq!(the_score(&card), "2.55");
    assert_eq!(
        card.indicators[0].exact.map(|e| e.to_string()).as_deref(),
        Some("2.545")
    );
    // 3 × 1 ÷ 24 = 0.125 → 0.13; 3 × 7 ÷ 12 = 1.75; 3 × 2 ÷ 3 = 2
    assert_eq!(the_score(&score(&rules, &report("24", "1"))), "0.13");
    assert_eq!(the_score(&score(&rules, &report("12", "7"))), "1.75");
    assert_eq!(the_score(&score(&rules, &report("3", "2"))), "2");
}

/// The same through a reverse method and a deduction: the one division comes last.
#[test]
fn methods_divide_once_last() {
    // reverse_linear on a derived actual of 50 ÷ 6 = 8.333…%, target <= 5%, 3 points:
    // 3 × (10 − 25 ÷ 3) ÷ 5 = 1 exactly
    let rules = format!(
        "{HEADER}\nsection \"投入管理指标\" {{\n  indicator \"结转结余率\" points 3 target <= 5% {{\n    actual = budget.total.executed / budget.total.budget * 100%\n    score reverse_linear\n  }}\n}}"
    );
    let report = r#"{"unit": "x", "year": 2021, "budget": [{"item": "合计", "budget": "600", "executed": "50"}], "indicators": []}"#;
    let card = score(&rules, report);
    assert_eq!(
        card.indicators[0].exact.map(|e| e.to_string()).as_deref(),
        Some("1")
    );
    // deduct 1 per 3% above 5%, counted exactly, actual 6%: 2 − 1 × 1 ÷ 3 = 1.666… → 1.67,
    // and at 5.5%: 2 − 0.5 ÷ 3 = 1.8333… → 1.83; at 9.5%: 2 − 4.5 ÷ 3 = 0.5
    let card = score_one(
        "deduct 1 per 3% above target, partial exact",
        "2",
        "<=5%",
        "9.5%",
    );
    assert_eq!(
        card.indicators[0].exact.map(|e| e.to_string()).as_deref(),
        Some("0.5")
    );
    assert_eq!(
        the_score(&score_one(
            "deduct 1 per 3% above target, partial exact",
            "2",
            "<=5%",
            "6%"
        )),
        "1.67"
    );
}
