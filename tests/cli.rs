//! Golden tests of the binary, run as a user runs it: exit codes, what goes to stdout and
//! what to stderr, colour only when asked.

use std::process::{Command, Output};

fn perfrules(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_perfrules"))
        .args(args)
        .env_remove("NO_COLOR")
        .output()
        .expect("the binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[track_caller]
fn exits(output: &Output, code: i32) {
    assert_eq!(
        output.status.code(),
        Some(code),
        "stdout:\n{}\nstderr:\n{}",
        text(&output.stdout),
        text(&output.stderr)
    );
}

const RULES: &str = "rules/2021.pr";
const EXAMPLE: &str = "examples/minhang-2021.json";

#[test]
fn a_scored_report_exits_0_and_prints_the_scorecard_on_stdout() {
    let out = perfrules(&["eval", RULES, EXAMPLE]);
    exits(&out, 0);
    let stdout = text(&out.stdout);
    assert!(stdout.contains("总分 96.72    等级 优"), "{stdout}");
    assert!(stdout.contains("失分说明（4 项）"));
    assert!(text(&out.stderr).is_empty());
    assert!(!stdout.contains('\u{1b}'), "no colour when piped");
}

#[test]
fn json_and_english_output() {
    let out = perfrules(&["eval", RULES, EXAMPLE, "--format", "json"]);
    exits(&out, 0);
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).expect("stdout is JSON");
    assert_eq!(value["total"], "96.72");
    assert_eq!(value["grade"], "优");
    let out = perfrules(&["eval", RULES, EXAMPLE, "--lang", "en"]);
    exits(&out, 0);
    assert!(text(&out.stdout).contains("total 96.72    grade 优"));
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let out = perfrules(&["eval", RULES, EXAMPLE, "--color", "always"]);
    exits(&out, 0);
    assert!(text(&out.stdout).contains('\u{1b}'));
    let out = Command::new(env!("CARGO_BIN_EXE_perfrules"))
        .args(["eval", RULES, EXAMPLE, "--color", "auto"])
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(!text(&out.stdout).contains('\u{1b}'));
}

#[test]
fn fail_on_turns_findings_into_exit_3() {
    // the example has 16 warnings and no errors
    exits(
        &perfrules(&["eval", RULES, EXAMPLE, "--fail-on", "warning"]),
        3,
    );
    exits(
        &perfrules(&["eval", RULES, EXAMPLE, "--fail-on", "error"]),
        0,
    );
}

#[test]
fn a_rule_file_that_does_not_parse_or_check_exits_1_with_its_diagnostics_on_stderr() {
    let out = perfrules(&["eval", "tests/fixtures/parse/unexpected.pr", EXAMPLE]);
    exits(&out, 1);
    assert!(out.stdout.is_empty());
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("perfrules::parse::unexpected") && stderr.contains("未评分"),
        "{stderr}"
    );
    let out = perfrules(&["eval", "tests/fixtures/check/unknown_name.pr", EXAMPLE]);
    exits(&out, 1);
    assert!(text(&out.stderr).contains("perfrules::check::unknown_name"));
}

#[test]
fn a_report_that_does_not_read_exits_1() {
    let out = perfrules(&["eval", RULES, "tests/fixtures/report/malformed_json.json"]);
    exits(&out, 1);
    assert!(text(&out.stderr).contains("perfrules::report::malformed_json"));
    let out = perfrules(&["eval", RULES, "tests/fixtures/report/unknown_field.json"]);
    exits(&out, 1);
    assert!(text(&out.stderr).contains("indicators[1].socre"));
}

#[test]
fn a_missing_file_exits_1() {
    let out = perfrules(&["eval", RULES, "no/such/report.json"]);
    exits(&out, 1);
    assert!(text(&out.stderr).contains("perfrules::io::read"));
    exits(&perfrules(&["eval", "no/such/rules.pr", EXAMPLE]), 1);
}

#[test]
fn totals_too_large_for_a_decimal_exit_1_with_a_code() {
    let out = perfrules(&[
        "eval",
        "tests/fixtures/eval/base.pr",
        "tests/fixtures/cli/total_overflow.json",
    ]);
    exits(&out, 1);
    assert!(
        text(&out.stderr).contains("perfrules::eval::overflow"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn usage_errors_exit_2_and_help_exits_0() {
    exits(&perfrules(&[]), 2);
    exits(&perfrules(&["eval", RULES]), 2);
    exits(&perfrules(&["eval", RULES, EXAMPLE, "--format", "xml"]), 2);
    exits(&perfrules(&["eval", RULES, EXAMPLE, "--no-such-flag"]), 2);
    exits(&perfrules(&["--help"]), 0);
    exits(&perfrules(&["--version"]), 0);
}

#[test]
fn judgements_apply_inside_their_band_and_a_refused_file_exits_1() {
    let report = "tests/fixtures/project/synthetic-messy.json";
    let dir = std::env::temp_dir().join(format!("perfrules-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let inside = dir.join("inside.json");
    std::fs::write(&inside, r#"{"judgements": [{"indicator": "资金拨付及时性", "score": "5", "note": "第四批资金晚 10 天"}]}"#).unwrap();
    let out = perfrules(&[
        "eval",
        "rules/2022-project.pr",
        report,
        "--judgements",
        inside.to_str().unwrap(),
    ]);
    exits(&out, 0);
    // 65.66 with the default 4.2; judged 5: 66.46
    assert!(
        text(&out.stdout).contains("总分 66.46"),
        "{}",
        text(&out.stdout)
    );
    let out = perfrules(&[
        "eval",
        "rules/2022-project.pr",
        report,
        "--judgements",
        "tests/fixtures/judgement/outside_band.json",
    ]);
    exits(&out, 1);
    assert!(out.stdout.is_empty());
    assert!(
        text(&out.stderr).contains("perfrules::judgement::outside_band")
            && text(&out.stderr).contains("[4.2, 5.6)")
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn perfrules_test_passes_the_shipped_cases_and_shows_expected_against_got() {
    let out = perfrules(&["test"]);
    exits(&out, 0);
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("5 项通过，0 项失败（5 passed, 0 failed）"),
        "{stdout}"
    );
    let en = perfrules(&["test", "rules", "--lang", "en"]);
    assert!(text(&en.stdout).ends_with("5 passed, 0 failed\n"));

    let dir = std::env::temp_dir().join(format!("perfrules-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy("rules/2021.pr", dir.join("2021.pr")).unwrap();
    let report = std::fs::canonicalize(EXAMPLE).unwrap();
    let case = format!(
        r#"{{"rules": "2021.pr", "cases": [{{"name": "错的期望", "report": "{}", "total": "96.71", "indicators": {{"预算完成率": {{"score": "2.57"}}, "不存在的指标": {{"lost": "1"}}}}}}]}}"#,
        report.display()
    );
    std::fs::write(dir.join("wrong.test.json"), case).unwrap();
    let out = perfrules(&["test", &dir.to_string_lossy(), "--lang", "en"]);
    exits(&out, 3);
    let stdout = text(&out.stdout);
    assert!(stdout.contains("FAILED  错的期望"), "{stdout}");
    assert!(
        stdout.contains("total: expected 96.71, got 96.72"),
        "{stdout}"
    );
    assert!(
        stdout.contains(
            "points lost by “不存在的指标”: expected 1, got not in the scorecard, or not scored"
        ),
        "{stdout}"
    );
    assert!(stdout.ends_with("0 passed, 1 failed\n"));
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn check_is_silent_on_the_rule_files_and_says_which_problems_it_found() {
    let out = perfrules(&["check", "rules/2021.pr", "rules/2022.pr"]);
    exits(&out, 0);
    assert!(out.stdout.is_empty() && out.stderr.is_empty());
    let warned = perfrules(&["check", "tests/fixtures/lint/band_gap.pr"]);
    exits(&warned, 3);
    let refused = perfrules(&["check", "tests/fixtures/lint/band_overlap.pr"]);
    exits(&refused, 1);
    assert!(text(&refused.stderr).contains("perfrules::lint::band_overlap"));
    let refused = perfrules(&["check", "tests/fixtures/check/duplicate_name.pr"]);
    exits(&refused, 1);
}

/// Issue 7: a 200 MB report (and an oversized rule file) end in a diagnostic from the file's
/// size, before it is read: exit 1, the limit's code, nothing on stdout, little memory.
#[test]
fn oversized_files_are_refused_before_they_are_read() {
    let dir = std::env::temp_dir().join(format!("perfrules-cli-limits-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let report = dir.join("200mb.json");
    // sparse: 200 MB of size on disk costs nothing
    std::fs::File::create(&report)
        .unwrap()
        .set_len(200 << 20)
        .unwrap();
    let out = perfrules(&["eval", RULES, &report.to_string_lossy(), "--lang", "en"]);
    exits(&out, 1);
    assert!(out.stdout.is_empty());
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("perfrules::report::too_large")
            && stderr.contains("the file is 200 MiB, more than the limit of 16"),
        "{stderr}"
    );
    let rules = dir.join("2mb.pr");
    std::fs::File::create(&rules)
        .unwrap()
        .set_len(2 << 20)
        .unwrap();
    let out = perfrules(&["eval", &rules.to_string_lossy(), EXAMPLE]);
    exits(&out, 1);
    assert!(text(&out.stderr).contains("perfrules::parse::file_too_large"));
    std::fs::remove_dir_all(&dir).ok();
}
