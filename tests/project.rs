//! rules/2022-project.pr (policy-project.md) on project tables: the provincial examples, the
//! execution row, auditor judgements, and a synthetic report of the messy cases no public
//! table we could reach contains. Every figure is worked out by hand in the comments.

mod common;
use common::*;
use perfrules::decimal::Dec;
use perfrules::eval::{evaluate, evaluate_judged, EvalError};
use perfrules::i18n::Lang;
use perfrules::judgement::Judgements;
use perfrules::scorecard::Scorecard;

fn project(report_path: &str) -> Scorecard<'static> {
    let policy = try_policy(
        "rules/2022-project.pr",
        &read("rules/2022-project.pr"),
        Lang::Zh,
    )
    .unwrap();
    let report = report(&read(report_path));
    evaluate(&policy, &report).unwrap().into_owned()
}

fn d(s: &str) -> Dec {
    s.parse().unwrap()
}

fn score_of(card: &Scorecard, name: &str) -> String {
    card.indicators
        .iter()
        .find(|s| s.name == name)
        .and_then(|s| s.score)
        .map(|s| s.to_string())
        .unwrap_or_default()
}

fn codes(card: &Scorecard) -> Vec<String> {
    let mut codes: Vec<String> = card.findings.iter().map(|f| f.code.to_string()).collect();
    codes.sort();
    codes
}

fn count(card: &Scorecard, code: &str) -> usize {
    card.findings.iter().filter(|f| f.code == code).count()
}

#[test]
fn a_budget_row_alone_scores_execution_and_warns_the_points_sum_to_10() {
    // 上海市普陀区 援滇 table, budget row only: 9,034 ÷ 20000.00 = 45.17%; 10 × 0.4517 = 4.517 → 4.52
    let card = project("tests/fixtures/project/shanghai-2022-yuandian-budget.json");
    let execution = card.execution.as_ref().unwrap();
    assert_eq!(execution.score, Some(d("4.52")));
    assert_eq!(execution.actual(), Some("45.17%"));
    assert_eq!(card.total, d("4.52"));
    assert_eq!(card.max_points, d("10"));
    assert!(!card.rescaled, "the project policy does not rescale");
    assert_eq!(card.grade, "差");
    // the unit's own 45.17% and 4.52 agree with the recomputed ones: the only finding is the sum
    assert_eq!(codes(&card), ["rules::points_sum"]);
}

#[test]
fn shanghai_putuo() {
    // 215,457.6 ÷ 250000.00 = 86.18304% → 10 × 0.8618304 = 8.618304 → 8.62 (the unit wrote 86.19% and 8.62)
    // indicators all met: 10 + 20 + 20 (及时 = 及时) + 30 + 10 (100% ≥ 90%) = 90; total 98.62 = the unit's 总分
    let card = project("examples/shanghai-2022-putuo.json");
    assert_eq!(card.execution.as_ref().unwrap().score, Some(d("8.62")));
    assert_eq!(card.raw_total, d("98.62"));
    assert_eq!(card.total, d("98.62"));
    assert_eq!(card.max_points, d("100"));
    assert_eq!(card.grade, "优");
    // the written 86.19% against 86.18% recomputed is the only finding
    assert_eq!(codes(&card), ["rules::execution_rate"]);
}

#[test]
fn sichuan_qingshen() {
    // 251.89 ÷ 251.89 = 100% → 10; both actuals empty: missing evidence, 0 each; total 10
    let card = project("examples/sichuan-2023-qingshen.json");
    assert_eq!(card.execution.as_ref().unwrap().score, Some(d("10")));
    assert_eq!(score_of(&card, "发放(缴纳)覆盖率"), "0");
    assert_eq!(score_of(&card, "足额保障率(参保率)"), "0");
    assert_eq!(card.total, d("10"));
    assert_eq!(card.grade, "差");
    assert_eq!(count(&card, "perfrules::eval::missing_actual"), 2);
    assert_eq!(count(&card, "rules::reason_for_lost_points"), 2);
    // 产出 60 against 50; no 满意度, so 效益 is expected at 40, not 30
    assert_eq!(count(&card, "rules::level1_weights"), 1);
    assert_eq!(count(&card, "rules::effect_weight_without_satisfaction"), 1);
    assert_eq!(card.findings.len(), 6);
}

#[test]
fn anhui_tangxi_zero_total_row() {
    // 年度资金总额 0 / 0 with 89.974 / 89.974 under it: the rate comes from the rows under it,
    // 100% → 10. Every indicator met: 8 + 8 + 8 + 8 + 8 (90 ≤ 90万元) + 10 + 10 + 10 + 10 = 80
    let card = project("examples/anhui-2022-tangxi-partial.json");
    let execution = card.execution.as_ref().unwrap();
    assert_eq!(execution.score, Some(d("10")));
    assert_eq!(execution.actual(), Some("100%"));
    assert_eq!(card.raw_total, d("90"));
    // level-1 headings written with their weight, "产出指标(50分)", are placed under 产出指标
    assert_eq!(
        card.sections
            .iter()
            .map(|s| s.indicators)
            .collect::<Vec<_>>(),
        [6, 3, 0]
    );
    assert_eq!(count(&card, "rules::total_row_zero"), 1);
    assert_eq!(
        count(&card, "rules::execution_rate"),
        1,
        "the unit wrote 0%"
    );
    assert_eq!(
        count(&card, "rules::execution_score"),
        1,
        "the unit wrote 0 for execution"
    );
    // the copy is cut before the satisfaction row: 90 points, and no 满意度 (see examples/README.md)
    assert_eq!(count(&card, "rules::points_sum"), 1);
    assert_eq!(count(&card, "rules::effect_weight_without_satisfaction"), 1);
    assert_eq!(card.findings.len(), 5);
}

#[test]
fn yunnan_malukeng() {
    // 31.69 ÷ 32.4 = 97.8086…% → 9.78086… → 9.78 (the unit wrote 97.80% and 9); every indicator met: 80
    let card = project("examples/yunnan-2023-malukeng-partial.json");
    assert_eq!(card.execution.as_ref().unwrap().score, Some(d("9.78")));
    assert_eq!(card.total, d("89.78"));
    assert_eq!(card.grade, "良");
    assert_eq!(count(&card, "rules::execution_rate"), 1);
    assert_eq!(count(&card, "rules::execution_score"), 1);
    assert_eq!(
        count(&card, "rules::budget_rate"),
        1,
        "当年财政拨款 also writes 97.80%"
    );
}

#[test]
fn the_messy_cases_of_real_tables() {
    let card = project("tests/fixtures/project/synthetic-messy.json");
    // execution: the total row is 0 / 0, the rows under it 1,200 / 1,000:
    // 1000 ÷ 1200 = 83.33…%; 10 × 0.8333… = 8.333… → 8.33
    assert_eq!(card.execution.as_ref().unwrap().score, Some(d("8.33")));
    let expected = [
        ("培训人次", "10"),          // ≧1,000人次 met by 1,200人次
        ("验收合格率", "9"), // ﹦１００％, ９０％: 90 ÷ 100 × 10 = 9 (the unit gave itself 10)
        ("群众投诉率", "3.13"), // ＜＝５％, 8%: reverse ratio 5 ÷ 8 × 5 = 3.125 → 3.13
        ("资金拨付及时性", "4.2"), // 较及时: partly, 7 × 60%
        ("项目成本", "8"),   // 480,000元 = 48万元 ≤ 50万元
        ("资金支付完成率100%", "0"), // no target: the 100% in the name is not evidence
        ("带动社会投资", "10"), // 12000万元 = 1.2亿元 ≥ 1.2亿元
        ("服务质量", "3"),   // 基本达标: partly, 5 × 60%
        ("长效机制", "0"),   // "/": no actual
        ("群众满意度", "10"), // ≧95% claimed, counts as 95% ≥ 90%
        ("学员满意度", "0"), // "-": no target
    ];
    for (name, score) in expected {
        assert_eq!(score_of(&card, name), score, "{name}");
    }
    // 8.33 + 10 + 9 + 3.13 + 4.2 + 8 + 0 + 10 + 3 + 0 + 10 + 0 = 65.66 of 10 + 80 = 90 points
    assert_eq!(card.raw_total, d("65.66"));
    assert_eq!(card.max_points, d("90"));
    assert_eq!(card.total, d("65.66"));
    assert_eq!(card.grade, "中");
    assert_eq!(count(&card, "rules::total_row_zero"), 1);
    assert_eq!(count(&card, "perfrules::eval::missing_target"), 2);
    assert_eq!(count(&card, "perfrules::eval::missing_actual"), 1);
    // self-scores: 10 vs 9, 5 vs 3.13, 5.6 vs 4.2, 5 vs 0, 5 vs 3 (长效机制 wrote 0, 学员满意度 none)
    assert_eq!(count(&card, "rules::self_score"), 5);
    // lost points without a reason: 验收合格率, 资金支付完成率100%, 服务质量, 长效机制, 学员满意度
    assert_eq!(count(&card, "rules::reason_for_lost_points"), 5);
    assert_eq!(count(&card, "rules::claimed_bound"), 1);
    // 产出 45 ≠ 50, 效益 20 ≠ 30, 满意度 15 ≠ 10; and 90 points in all
    assert_eq!(count(&card, "rules::level1_weights"), 3);
    assert_eq!(count(&card, "rules::points_sum"), 1);
    assert_eq!(card.findings.len(), 19, "{:#?}", codes(&card));
}

fn judged(score: &str) -> Result<Scorecard<'static>, EvalError> {
    let policy = try_policy(
        "rules/2022-project.pr",
        &read("rules/2022-project.pr"),
        Lang::Zh,
    )
    .unwrap();
    let report = report(&read("tests/fixtures/project/synthetic-messy.json"));
    let text = format!(
        r#"{{"judgements": [{{"indicator": "资金拨付及时性", "score": "{score}", "note": "第四批资金晚 10 天"}}]}}"#
    );
    evaluate_judged(&policy, &report, &Judgements::from_json(&text).unwrap())
        .map(Scorecard::into_owned)
}

#[test]
fn a_judgement_moves_a_partly_achieved_indicator_anywhere_in_its_band_and_no_further() {
    // 较及时 on 7 points is "partly": [60%, 80%) of 7 = [4.2, 5.6)
    for inside in ["4.2", "5", "5.59"] {
        let card = judged(inside).unwrap_or_else(|e| panic!("{inside}: {e:?}"));
        assert_eq!(score_of(&card, "资金拨付及时性"), inside);
        let s = card
            .indicators
            .iter()
            .find(|s| s.name == "资金拨付及时性")
            .unwrap();
        let (explanation, _) = perfrules::i18n::working(s, Lang::Zh, false);
        assert!(
            explanation.contains("第四批资金晚 10 天") && explanation.contains("[4.2, 5.6)"),
            "{explanation}"
        );
    }
    // 5 instead of 4.2 moves the total by 0.8: 65.66 → 66.46
    assert_eq!(judged("5").unwrap().total, d("66.46"));
    for outside in ["5.6", "6", "4.19", "0"] {
        match judged(outside) {
            Err(EvalError::Judgements(errors)) => {
                assert_eq!(errors.len(), 1, "{outside}");
                let (message, _) = perfrules::i18n::judgement_error(&errors[0].kind, Lang::Zh);
                assert!(message.contains("[4.2, 5.6)"), "{message}");
            }
            other => panic!("{outside} was accepted: {:?}", other.map(|c| c.total)),
        }
    }
}

#[test]
fn a_judgement_never_applies_to_what_it_does_not_name_or_to_a_figure() {
    let policy = try_policy(
        "rules/2022-project.pr",
        &read("rules/2022-project.pr"),
        Lang::Zh,
    )
    .unwrap();
    let report = report(&read("tests/fixtures/project/synthetic-messy.json"));
    let refuse =
        |text: &str| match evaluate_judged(&policy, &report, &Judgements::from_json(text).unwrap())
        {
            Err(EvalError::Judgements(errors)) => errors
                .into_iter()
                .map(|e| format!("{:?}", e.kind))
                .collect::<Vec<_>>(),
            Ok(_) => panic!("accepted: {text}"),
            Err(e) => panic!("{e:?}"),
        };
    // a figure-scored indicator is not judged by band
    assert!(
        refuse(r#"{"judgements": [{"indicator": "验收合格率", "score": "10", "note": "x"}]}"#)[0]
            .starts_with("NotBanded")
    );
    // a name the report does not have, with a suggestion
    let unknown =
        refuse(r#"{"judgements": [{"indicator": "资金拨付及时", "score": "5", "note": "x"}]}"#);
    assert!(
        unknown[0].contains("UnknownIndicator") && unknown[0].contains("资金拨付及时性"),
        "{unknown:?}"
    );
    // twice the same indicator
    assert!(refuse(r#"{"judgements": [{"indicator": "服务质量", "score": "3", "note": "x"}, {"indicator": "服务质量", "score": "3.5", "note": "y"}]}"#)[0].starts_with("Duplicate"));
    // for another report
    assert!(
        refuse(r#"{"report": {"unit": "别的单位", "year": 2022}, "judgements": []}"#)[0]
            .starts_with("OtherReport")
    );
    // 基本达标 on 5 points: partly [3, 4); 3.5 is inside
    let ok = evaluate_judged(
        &policy,
        &report,
        &Judgements::from_json(
            r#"{"judgements": [{"indicator": "服务质量", "score": "3.5", "note": "抽查合格"}]}"#,
        )
        .unwrap(),
    )
    .unwrap();
    assert_eq!(score_of(&ok, "服务质量"), "3.5");
}
