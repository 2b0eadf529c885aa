//! Year over year: measured values beside claimed bounds, and files that extend last year's.

mod common;
use common::*;
use perfrules::decimal::Dec;
use perfrules::i18n::Lang;
use perfrules::value::{parse, Unit};

#[test]
fn a_claimed_bound_may_give_its_measured_value() {
    for (text, number, unit) in [
        (">=85%（92%）", "92", Unit::Percent),
        (">=85% (92%)", "92", Unit::Percent),
        (">=85%（实际92%）", "92", Unit::Percent),
        (">=85%，实际92%", "92", Unit::Percent),
        (">=85%; 实测值：92.5%", "92.5", Unit::Percent),
        (">=85%（92）", "92", Unit::Percent), // no unit: the claim's
        (">=1份，实际3份", "3", Unit::Named("份".into())),
        ("≥1,000人（实际1,200人）", "1200", Unit::Named("人".into())),
    ] {
        let v = parse(text).unwrap_or_else(|e| panic!("{text}: {e:?}"));
        let q = v.quantity().unwrap();
        let (n, u) = q.reading();
        assert_eq!((n, u), (number.parse::<Dec>().unwrap(), &unit), "{text}");
        assert!(!v.is_claimed_bound(), "{text} gives its measurement");
    }
    assert!(parse(">=85%").unwrap().is_claimed_bound());
    assert_eq!(
        parse(">=85%").unwrap().quantity().unwrap().reading().0,
        Dec::from_int(85)
    );
}

const ZERO: &str = "claimed_bound zero";

fn scored(actual: &str) -> String {
    let rules = format!(
        "{}\nsection \"产出指标\" {{ any indicator {{ score proportional }} }}",
        HEADER.replace("claimed_bound as_bound", ZERO)
    );
    the_score(&score(&rules, &one_indicator("2", ">=90%", actual)))
}

#[test]
fn under_claimed_bound_zero_only_a_bare_claim_scores_0() {
    assert_eq!(scored(">=85%"), "0");
    // 2 × 85 ÷ 90 = 1.888… → 1.89: the measured value is scored, not the claim
    assert_eq!(scored(">=80%（85%）"), "1.89");
    assert_eq!(scored(">=80%，实际95%"), "2");
    assert_eq!(scored("85%"), "1.89");
}

fn write(dir: &std::path::Path, name: &str, text: &str) {
    std::fs::write(dir.join(name), text).unwrap();
}

fn temp(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("perfrules-yearly-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

const LAST_YEAR: &str = r#"
policy "年度规则" {
  year 2021
  full_marks 100
  round indicator 2 half_up
  grades { 优 >= 90, 良 >= 80, 中 >= 60, 差 }
}
units { 次 }
default {
  at_least: proportional
  at_most: reverse_linear
}
section "投入指标" {
  indicator "预算执行率" points 3 target 100% { score proportional }
  indicator "结余率" points 2 target <= 5% {
    score deduct 0.4 per 1% above target, partial exact
  }
}
section "产出指标" { any indicator }
check reason "失分未说明原因" {
  for each indicator
  when present(indicator.score) and indicator.score < indicator.points
  require present(indicator.reason)
  else warning "未说明原因"
}
"#;

#[test]
fn an_override_changes_only_what_it_writes_and_sections_reopen() {
    let dir = temp("override");
    write(&dir, "2021.pr", LAST_YEAR);
    let this_year = r#"extends "2021.pr"
policy "年度规则" { year 2022 }
override indicator "结余率" target <= 3%
section "产出指标" {
  indicator "培训次数" points 2 target >= 4次
}
remove check reason
"#;
    let path = dir.join("2022.pr");
    write(&dir, "2022.pr", this_year);
    let policy = try_policy(&path.to_string_lossy(), this_year, Lang::Zh).unwrap();
    assert_eq!(policy.years(), Some((2022, 2022)));
    let report = r#"{"unit": "单位", "year": 2022, "indicators": [
        {"level1": "投入指标", "name": "预算执行率", "target": "100%", "actual": "100%"},
        {"level1": "投入指标", "name": "结余率", "target": "<=3%", "actual": "4%"},
        {"level1": "产出指标", "name": "培训次数", "target": ">=4次", "actual": "2次"}
    ]}"#;
    let report = common::report(report);
    let card = perfrules::eval::evaluate(&policy, &report).unwrap();
    let by = |n: &str| {
        card.indicators
            .iter()
            .find(|s| s.name == n)
            .and_then(|s| s.score)
            .unwrap()
            .to_string()
    };
    // 4% is 1 point above the new 3% target: 2 − 0.4 × 1 = 1.6 (the deduction is kept)
    assert_eq!(by("结余率"), "1.6");
    // the added indicator, in the reopened section: 2 × 2 ÷ 4 = 1
    assert_eq!(by("培训次数"), "1");
    // the check is gone: no finding for the points lost without a reason
    assert!(card.findings.iter().all(|f| f.code != "rules::reason"));
    // the kept rule points into last year's file, the override into this year's
    let rule = card
        .indicators
        .iter()
        .find(|s| s.name == "结余率")
        .unwrap()
        .rule;
    let file = policy.sources().get(rule.source).unwrap();
    assert!(file.name.ends_with("2021.pr"), "{}", file.name);
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn a_year_no_later_than_the_extended_file_is_a_warning() {
    let dir = temp("year");
    write(&dir, "2021.pr", LAST_YEAR);
    let same_year = "extends \"2021.pr\"\npolicy \"年度规则\" { year 2021 }\n";
    let path = dir.join("again.pr");
    write(&dir, "again.pr", same_year);
    let policy = try_policy(&path.to_string_lossy(), same_year, Lang::Zh).unwrap();
    let codes: Vec<&str> = policy.warnings().iter().map(|w| w.code()).collect();
    assert_eq!(codes, ["perfrules::lint::year_not_after_extended"]);
    std::fs::remove_dir_all(dir).ok();
}
