//! Helpers shared by the integration tests: read a rule file and a report the way the
//! command line does, and render diagnostics without colour at a fixed width.
#![allow(dead_code)]

use perfrules::check::{check_with, Policy};
use perfrules::eval::evaluate;
use perfrules::i18n::Lang;
use perfrules::output::{diagnostic, Style};
use perfrules::report::Report;
use perfrules::scorecard::Scorecard;

/// Parses and checks a rule file (and the files it extends, `name` being its path), or
/// renders every diagnostic.
pub fn try_policy(name: &str, text: &str, lang: Lang) -> Result<Policy, String> {
    let style = Style::plain(lang);
    let loaded = perfrules::extends::load_text(name, text).map_err(|failed| {
        failed
            .errors
            .iter()
            .map(|e| diagnostic::load(e, &failed.sources, lang).render(&style))
            .collect::<String>()
    })?;
    let kept = loaded.sources.clone();
    check_with(loaded.sources, loaded.main, &loaded.file, loaded.lints).map_err(|errors| {
        errors
            .iter()
            .map(|e| diagnostic::check(e, &kept, lang).render(&style))
            .collect()
    })
}

#[track_caller]
pub fn policy(text: &str) -> Policy {
    try_policy("test.pr", text, Lang::Zh)
        .unwrap_or_else(|e| panic!("the rule file does not check:\n{e}"))
}

#[track_caller]
pub fn report(json: &str) -> Report {
    Report::from_json(json).unwrap_or_else(|e| panic!("the report does not read: {e:?}"))
}

#[track_caller]
pub fn score(rules: &str, report_json: &str) -> Scorecard<'static> {
    let (policy, report) = (policy(rules), report(report_json));
    evaluate(&policy, &report)
        .expect("the report is scored")
        .into_owned()
}

pub fn read(path: &str) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// A minimal policy header and defaults, for tests that write only the part they test.
pub const HEADER: &str = r#"
policy "测试" {
  year 2021
  full_marks 100
  round indicator 2 half_up
  grades { 优 >= 90, 良 >= 80, 中 >= 60, 差 }
}
units { 次 份 个 人 人次 场 万元 = 10000 元  人 ~ 人次 warning }
actuals { not_done "未开展" empty  claimed_bound as_bound }
vocabulary {
  achieved 100%: same_as_target, "完成"
  partly 60%: prefix "较", prefix "基本"
  not_achieved 0%: prefix "未"
}
"#;

/// A report with one indicator under `产出指标`.
pub fn one_indicator(points: &str, target: &str, actual: &str) -> String {
    format!(
        r#"{{"unit": "测试单位", "year": 2021, "indicators": [
            {{"level1": "产出指标", "name": "测试指标", "points": "{points}", "target": "{target}", "actual": "{actual}"}}
        ]}}"#
    )
}

/// Scores one indicator under `产出指标` by `method` (as a default for every numeric form).
pub fn score_one(method: &str, points: &str, target: &str, actual: &str) -> Scorecard<'static> {
    let rules = format!(
        "{HEADER}\nsection \"产出指标\" {{ any indicator {{ score {method} }} }}\ndefault {{ deadline: all_or_nothing  word: qualitative }}"
    );
    score(&rules, &one_indicator(points, target, actual))
}

/// The one indicator's score, as text.
pub fn the_score(card: &Scorecard) -> String {
    card.indicators[0]
        .score
        .map(|s| s.to_string())
        .unwrap_or_else(|| "not scored".into())
}
