//! Every rule file and every example: each rule file checks; each example is scored by
//! every rule file that applies to it (same kind, year in range), every score lies in
//! [0, points] and the lost points add up exactly to `max_points − raw_total`. The 2021
//! example's figures are the ones worked out by hand in issue 2; its human and JSON output
//! are snapshots.

mod common;
use common::*;
use perfrules::check::Policy;
use perfrules::decimal::Dec;
use perfrules::eval::evaluate;
use perfrules::i18n::Lang;
use perfrules::output::{human, json, Style};
use perfrules::report::Report;

fn files(dir: &str, ext: &str) -> Vec<String> {
    let mut found: Vec<String> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    found.sort();
    found
}

fn rule_files() -> Vec<(String, Policy)> {
    files("rules", "pr")
        .into_iter()
        .map(|path| {
            let policy = try_policy(&path, &read(&path), Lang::Zh)
                .unwrap_or_else(|e| panic!("{path} does not check:\n{e}"));
            (path, policy)
        })
        .collect()
}

fn applies(policy: &Policy, report: &Report) -> bool {
    let year = policy
        .years()
        .is_none_or(|(from, to)| (from..=to).contains(&report.year));
    let kind = policy
        .kind()
        .is_none_or(|k| report.kind.as_deref() == Some(k));
    year && kind
}

#[test]
fn every_rule_file_checks_and_every_example_reads() {
    assert!(!rule_files().is_empty());
    for path in files("examples", "json") {
        Report::from_json(&read(&path)).unwrap_or_else(|e| panic!("{path}: {e:?}"));
    }
}

#[test]
fn every_example_loses_exactly_max_minus_raw_and_no_score_leaves_its_points() {
    let policies = rule_files();
    let mut scored = 0;
    for path in files("examples", "json") {
        let report = Report::from_json(&read(&path)).unwrap_or_else(|e| panic!("{path}: {e:?}"));
        for (rules, policy) in policies.iter().filter(|(_, p)| applies(p, &report)) {
            let card =
                evaluate(policy, &report).unwrap_or_else(|e| panic!("{rules} on {path}: {e:?}"));
            // the execution item's points and score are in the totals too
            let lost = Dec::sum(
                card.indicators
                    .iter()
                    .chain(&card.execution)
                    .filter_map(|s| s.lost),
            )
            .unwrap();
            assert_eq!(
                lost,
                card.max_points.checked_sub(card.raw_total).unwrap(),
                "{rules} on {path}"
            );
            for s in card.indicators.iter().chain(&card.execution) {
                if let (Some(points), Some(score)) = (s.points, s.score) {
                    assert!(
                        score >= Dec::ZERO && score <= points,
                        "{rules} on {path}: {} scores {score} of {points}",
                        s.name
                    );
                }
            }
            scored += 1;
        }
    }
    assert!(scored > 0, "no example was scored");
}

fn minhang() -> (Policy, Report) {
    let policy = try_policy("rules/2021.pr", &read("rules/2021.pr"), Lang::Zh).unwrap();
    (
        policy,
        Report::from_json(&read("examples/minhang-2021.json")).unwrap(),
    )
}

#[test]
fn the_2021_example_scores_the_figures_worked_out_by_hand() {
    let (policy, report) = minhang();
    let card = evaluate(&policy, &report).unwrap();
    let d = |s: &str| s.parse::<Dec>().unwrap();
    // 102.5 points: 30 fixed + the unit's 72.5; 3.36 lost; 99.14 × 100 ÷ 102.5 = 96.7219… → 96.72
    assert_eq!(card.max_points, d("102.5"));
    assert_eq!(card.raw_total, d("99.14"));
    assert_eq!(card.total, d("96.72"));
    assert!(card.rescaled);
    assert_eq!(card.grade, "优");
    let below: Vec<(&str, String, String)> = card
        .indicators
        .iter()
        .filter(|s| s.lost.is_some_and(|l| !l.is_zero()))
        .map(|s| {
            (
                s.name.as_ref(),
                s.score.unwrap().to_string(),
                s.points.unwrap().to_string(),
            )
        })
        .collect();
    let expected = [
        // 7255205.14 ÷ 8485146 = 85.50…%; 3 × 0.855047… = 2.565… → 2.57
        ("预算完成率", "2.57", "3"),
        // >=1场, actual 0: 0 ÷ 1 × 1 = 0
        ("创新社会治理加强社会建设推进会", "0", "1"),
        // >=14次, actual 4次: 4 ÷ 14 × 2 = 0.571… → 0.57
        ("社会治理培训完成次数", "0.57", "2"),
        // 2季度, actual 未开展: not done, 0
        ("推进会开展及时性", "0", "0.5"),
    ];
    let expected: Vec<(&str, String, String)> = expected
        .iter()
        .map(|(n, s, p)| (*n, s.to_string(), p.to_string()))
        .collect();
    assert_eq!(below, expected);
    let derived = card
        .indicators
        .iter()
        .find(|s| s.name == "预算完成率")
        .unwrap();
    assert_eq!(derived.actual(), Some("85.50…%"));
}

#[test]
fn the_2021_example_raises_the_findings_the_policy_asks_for() {
    let (policy, report) = minhang();
    let card = evaluate(&policy, &report).unwrap();
    let count = |code: &str| card.findings.iter().filter(|f| f.code == code).count();
    let about = |code: &str, indicator: &str| {
        card.findings
            .iter()
            .any(|f| f.code == code && f.subject.indicator.as_deref() == Some(indicator))
    };
    // self-scores that differ: 1 vs 0.57 and 3 vs 2.57
    assert_eq!(count("rules::self_score"), 2);
    assert!(
        about("rules::self_score", "社会治理培训完成次数")
            && about("rules::self_score", "预算完成率")
    );
    // the unit's written 100% against the derived 85.50…%
    assert!(about("rules::derived_actual", "预算完成率"));
    // the lost points of 预算完成率 have no reason; the others lost points with a reason
    assert_eq!(count("rules::reason_for_lost_points"), 1);
    assert!(about("rules::reason_for_lost_points", "预算完成率"));
    // 1600 ≥ 130% of 700 with no reason
    assert_eq!(count("rules::target_set_too_low"), 1);
    assert!(about("rules::target_set_too_low", "培训对象考试合格数"));
    // 人 against 人次
    assert!(about(
        "perfrules::eval::compatible_units",
        "培训对象考试合格数"
    ));
    // seven claimed bounds: >=1份, two >=1 次, four >=85%; "=100%" is not a claim
    assert_eq!(count("rules::claimed_bound"), 7);
    // the two control rates fixed at ≤ 100% that the unit wrote as "=100%"
    assert_eq!(count("rules::fixed_target"), 2);
    // the points sum to 102.5
    assert_eq!(count("rules::points_sum"), 1);
    // nothing else: the budget table adds up, every row is placed
    assert_eq!(
        card.findings.len(),
        16,
        "{:#?}",
        card.findings.iter().map(|f| &f.code).collect::<Vec<_>>()
    );
}

/// `examples/minhang-2021.json` + `rules/2021.pr` → `minhang-2021__2021`.
fn snapshot_name(example: &str, rules: &str) -> String {
    let stem = |p: &str| {
        std::path::Path::new(p)
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned()
    };
    format!("{}__{}", stem(example), stem(rules))
}

#[test]
fn every_example_human_and_json_output() {
    let policies = rule_files();
    for path in files("examples", "json") {
        let report = Report::from_json(&read(&path)).unwrap();
        for (rules, policy) in policies.iter().filter(|(_, p)| applies(p, &report)) {
            let card = evaluate(policy, &report).unwrap();
            let name = snapshot_name(&path, rules);
            insta::assert_snapshot!(
                format!("{name}__human_zh"),
                human::render(&card, policy, &Style::plain(Lang::Zh))
            );
            insta::assert_snapshot!(
                format!("{name}__human_en"),
                human::render(&card, policy, &Style::plain(Lang::En))
            );
            let text = json::render(&card, policy, Lang::Zh);
            let value: serde_json::Value = serde_json::from_str(&text).unwrap();
            assert_eq!(
                value["total"],
                card.total.to_string(),
                "every decimal is an exact string"
            );
            insta::assert_snapshot!(format!("{name}__json"), text);
        }
    }
}
