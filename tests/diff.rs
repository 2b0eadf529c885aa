//! `perfrules diff`: what the 2022 policy does to the 2021 example, every figure worked out
//! by hand from the report and the two rule files (not read back from the output).

mod common;
use common::*;
use perfrules::decimal::Dec;
use perfrules::diff::{self, Cause};
use perfrules::i18n::Lang;
use perfrules::report::Report;
use std::process::Command;

fn d(s: &str) -> Dec {
    s.parse().unwrap()
}

fn minhang_under_both() -> diff::ReportDiff {
    let old = try_policy("rules/2021.pr", &read("rules/2021.pr"), Lang::Zh).unwrap();
    let new = try_policy("rules/2022.pr", &read("rules/2022.pr"), Lang::Zh).unwrap();
    let report = Report::from_json(&read("examples/minhang-2021.json")).unwrap();
    diff::report(&old, &new, &report, "examples/minhang-2021.json").unwrap()
}

#[test]
fn the_2022_changes_move_eight_indicators_of_the_2021_example() {
    let r = minhang_under_both();
    let moved: Vec<(&str, String, String)> = r
        .indicators
        .iter()
        .map(|i| {
            (
                i.name.as_str(),
                i.score.before.unwrap().to_string(),
                i.score.after.unwrap().to_string(),
            )
        })
        .collect();
    let expected = [
        // budget 8485146, executed 7255205.14: rate = 7255205.14 ÷ 8485146 × 100% =
        // 85.5047767…%. 2021: 3 × 0.855047767… = 2.565… → 2.57.
        // 2022: 100% − 85.5047767…% = 14.4952233 points below; × 0.1 = 1.44952233…;
        // 3 − 1.44952233… = 1.55047767… → 1.55
        ("预算完成率", "2.57", "1.55"),
        // the seven claimed bounds (">=1份", ">=1 次" twice, ">=85%" four times) scored their
        // bound as the target and took full points in 2021; in 2022 they give no measured
        // value and score 0
        ("课题调研报告完成数", "1", "0"),
        ("《闵行区社会建设报告》应用", "4", "0"),
        ("调研工作成果应用", "4", "0"),
        ("群众居民满意度", "3", "0"),
        ("《闵行区社会建设报告》使用单位满意度", "3", "0"),
        ("培训学员满意度", "2", "0"),
        ("区社会治理成员单位满意度", "2", "0"),
    ];
    let expected: Vec<(&str, String, String)> = expected
        .iter()
        .map(|(n, b, a)| (*n, b.to_string(), a.to_string()))
        .collect();
    assert_eq!(moved, expected);
    // 公用经费控制率 and “三公经费”控制率 are at 100%: nothing above, nothing deducted under
    // either rate; 结转结余率 is 3%: within 5% and within 3% alike. None of them moves.
    for name in ["公用经费控制率", "“三公经费”控制率", "结转结余率"] {
        assert!(r.indicators.iter().all(|i| i.name != name), "{name} moved");
    }
}

#[test]
fn totals_and_grade_before_and_after() {
    let r = minhang_under_both();
    // lost in 2022 beyond 2021: (2.57 − 1.55) + 1 + 4 + 4 + 3 + 3 + 2 + 2 = 1.02 + 19 = 20.02
    // raw: 99.14 − 20.02 = 79.12 of the same 102.5 points
    assert_eq!(r.raw_total.before, d("99.14"));
    assert_eq!(r.raw_total.after, d("79.12"));
    assert_eq!(r.max_points.after, d("102.5"));
    // rescaled: 79.12 × 100 ÷ 102.5 = 77.1902439… → 77.19, grade 中 (60 ≤ 77.19 < 80)
    assert_eq!(r.total.before, d("96.72"));
    assert_eq!(r.total.after, d("77.19"));
    assert_eq!(
        (r.grade.before.as_str(), r.grade.after.as_str()),
        ("优", "中")
    );
    // 预算完成率's change: 1.55 − 2.57
    assert_eq!(r.indicators[0].delta, Some(d("-1.02")));
}

#[test]
fn each_change_names_the_rule_that_caused_it() {
    let r = minhang_under_both();
    let budget = &r.indicators[0];
    assert_eq!(budget.causes, vec![Cause::Rule]);
    assert_eq!(budget.rule.before.location(), "rules/2021.pr:55:13");
    assert_eq!(budget.rule.before.text, "score proportional");
    assert_eq!(budget.rule.after.file, "rules/2022.pr");
    assert_eq!(
        budget.rule.after.text,
        "override indicator \"预算完成率\" { score deduct 0.1 per 1% below target, partial exact }"
    );
    for claimed in &r.indicators[1..] {
        assert_eq!(claimed.rule.after.file, "rules/2022.pr");
        assert!(
            claimed.rule.after.text.starts_with("claimed_bound zero"),
            "{}",
            claimed.rule.after.text
        );
        assert!(claimed
            .rule
            .before
            .text
            .starts_with("at_least: proportional"));
    }
    // the 2022 policy names 2022: the diff says it scored a 2021 report anyway
    assert_eq!(r.outside.len(), 1);
    assert!(r.outside[0].new);
    assert_eq!(r.outside[0].years, Some((2022, 2022)));
}

fn perfrules(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_perfrules"))
        .args(args)
        .output()
        .expect("the binary runs")
}

#[test]
fn the_command_exits_3_when_a_score_changes_and_0_when_none_does() {
    let out = perfrules(&[
        "diff",
        "rules/2021.pr",
        "rules/2022.pr",
        "examples/minhang-2021.json",
    ]);
    assert_eq!(out.status.code(), Some(3));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("总分 96.72 → 77.19    等级 优 → 中"),
        "{text}"
    );
    assert!(text.contains("预算完成率"));
    let same = perfrules(&[
        "diff",
        "rules/2021.pr",
        "rules/2021.pr",
        "examples/minhang-2021.json",
    ]);
    assert_eq!(same.status.code(), Some(0));
    let json = perfrules(&[
        "diff",
        "rules/2021.pr",
        "rules/2022.pr",
        "examples/minhang-2021.json",
        "--format",
        "json",
    ]);
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).expect("JSON");
    assert_eq!(value["reports"][0]["total"]["after"], "77.19");
    assert_eq!(
        value["reports"][0]["indicators"][0]["score"]["after"],
        "1.55"
    );
    assert_eq!(value["summary"]["indicators_changed"], 8);
}
