//! Many reports in one run (`perfrules eval RULES PATH…`), run as a user runs it: input
//! order whatever the number of threads, one broken report isolated, the summary's figures,
//! the CSV columns. Every figure is worked out by hand from tests/fixtures/batch/rules.pr,
//! where a report's total is its actual: one indicator of 100 points, `>=100次`, scored
//! 100 × B ÷ 100.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const RULES: &str = "tests/fixtures/batch/rules.pr";

fn perfrules(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_perfrules"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut input = child.stdin.take().expect("stdin");
    input.write_all(stdin.as_bytes()).expect("stdin is written");
    drop(input);
    child.wait_with_output().expect("the binary ends")
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

/// A report whose total is `actual` (and which declares `self_total`, if given).
fn report(unit: &str, actual: u32, self_total: Option<&str>) -> String {
    let own = self_total.map_or(String::new(), |s| format!(r#", "self_total": "{s}""#));
    format!(
        r#"{{"unit": "{unit}", "year": 2021, "indicators": [{{"level1": "产出指标", "name": "培训次数", "points": "100", "target": ">=100次", "actual": "{actual}次"}}]{own}}}"#
    )
}

/// A fresh folder under the system's temp dir.
fn folder(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("perfrules-batch-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp folder");
    dir
}

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().expect("parent")).expect("folder");
    std::fs::write(path, text).expect("file is written");
}

/// a 95 (self 98: +3, one warning), b 70 (self 90: +20, one warning), bad.json unreadable,
/// c 85 (no self total), sub/d 95 (ties with a).
fn district(name: &str) -> PathBuf {
    let dir = folder(name);
    write(&dir.join("a.json"), &report("甲单位", 95, Some("98")));
    write(&dir.join("b.json"), &report("乙单位", 70, Some("90")));
    write(
        &dir.join("bad.json"),
        r#"{"unit": "坏单位", "year": 2021, "indicators": [}"#,
    );
    write(&dir.join("c.json"), &report("丙单位", 85, None));
    write(&dir.join("sub/d.json"), &report("丁单位", 95, None));
    write(&dir.join("notes.txt"), "not a report");
    dir
}

fn json_lines(out: &Output) -> Vec<serde_json::Value> {
    text(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("every line is JSON"))
        .collect()
}

#[test]
fn a_folder_is_scored_in_name_order_whatever_the_threads_and_a_broken_report_is_isolated() {
    let dir = district("district1");
    let d = dir.display().to_string();
    let mut outputs = Vec::new();
    for jobs in ["1", "2", "4"] {
        let out = perfrules(&["eval", RULES, &d, "--format", "json", "-j", jobs], "");
        exits(&out, 1);
        let lines = json_lines(&out);
        let sources: Vec<String> = lines
            .iter()
            .filter_map(|l| l["source"].as_str())
            .map(|s| s.strip_prefix(&d).unwrap_or(s).to_string())
            .collect();
        assert_eq!(
            sources,
            ["/a.json", "/b.json", "/bad.json", "/c.json", "/sub/d.json"]
        );
        let totals: Vec<&str> = lines
            .iter()
            .filter_map(|l| l["result"]["total"].as_str())
            .collect();
        assert_eq!(totals, ["95", "70", "85", "95"]);
        assert_eq!(
            lines[2]["error"]["code"],
            "perfrules::report::malformed_json"
        );
        let stderr = text(&out.stderr);
        assert!(stderr.contains("bad.json"), "{stderr}");
        assert!(stderr.contains("5 份报告中有 1 份未能评分"), "{stderr}");
        outputs.push(out.stdout);
    }
    assert!(
        outputs.windows(2).all(|w| w[0] == w[1]),
        "same output for 1, 2 and 4 threads"
    );
}

#[test]
fn the_summary_ranks_by_total_counts_grades_and_finds_the_largest_gaps() {
    let dir = district("district2");
    let d = dir.display().to_string();
    let out = perfrules(&["eval", RULES, &d, "--summary", "--format", "json"], "");
    exits(&out, 1);
    let s: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON document");
    assert_eq!(
        (
            s["reports"].as_u64(),
            s["scored"].as_u64(),
            s["failed"].as_u64()
        ),
        (Some(5), Some(4), Some(1))
    );
    let ranking: Vec<(u64, &str, &str, &str)> = s["ranking"]
        .as_array()
        .expect("ranking")
        .iter()
        .map(|r| {
            (
                r["rank"].as_u64().unwrap_or(0),
                r["unit"].as_str().unwrap_or(""),
                r["total"].as_str().unwrap_or(""),
                r["grade"].as_str().unwrap_or(""),
            )
        })
        .collect();
    // a and d tie at 95 and share rank 1 in input order; c is third, b fourth.
    assert_eq!(
        ranking,
        [
            (1, "甲单位", "95", "优"),
            (1, "丁单位", "95", "优"),
            (3, "丙单位", "85", "良"),
            (4, "乙单位", "70", "中")
        ]
    );
    let a = &s["ranking"][0];
    assert_eq!(
        (a["self_total"].as_str(), a["difference"].as_str()),
        (Some("98"), Some("3"))
    );
    assert_eq!(
        (
            a["errors"].as_u64(),
            a["warnings"].as_u64(),
            a["infos"].as_u64()
        ),
        (Some(0), Some(1), Some(0))
    );
    assert_eq!(s["ranking"][1]["difference"], serde_json::Value::Null);
    let grades: Vec<(&str, u64)> = s["grades"]
        .as_array()
        .expect("grades")
        .iter()
        .map(|g| {
            (
                g["grade"].as_str().unwrap_or(""),
                g["reports"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    assert_eq!(grades, [("优", 2), ("良", 1), ("中", 1), ("差", 0)]);
    let gaps: Vec<(&str, &str)> = s["largest_gaps"]
        .as_array()
        .expect("gaps")
        .iter()
        .map(|g| {
            (
                g["unit"].as_str().unwrap_or(""),
                g["difference"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(gaps, [("乙单位", "20"), ("甲单位", "3")]);
    assert!(s["failures"][0]["source"]
        .as_str()
        .is_some_and(|f| f.ends_with("bad.json")));
}

#[test]
fn the_human_summary_follows_the_scorecards_or_stands_alone() {
    let dir = district("district3");
    let d = dir.display().to_string();
    let out = perfrules(&["eval", RULES, &d, "--lang", "en"], "");
    exits(&out, 1);
    let stdout = text(&out.stdout);
    assert_eq!(
        stdout.matches("══ ").count(),
        4,
        "one heading per scored report"
    );
    assert!(
        stdout.contains("5 reports: 4 scored, 1 could not be scored"),
        "{stdout}"
    );
    assert!(stdout.contains("2 (50.0%)"), "优: 2 of 4: {stdout}");
    assert!(stdout.contains("+20"), "{stdout}");
    let alone = perfrules(&["eval", RULES, &d, "--lang", "en", "--summary"], "");
    let alone = text(&alone.stdout);
    assert!(!alone.contains("══ "));
    assert!(
        stdout.ends_with(&alone),
        "the summary is the same, alone or after the scorecards"
    );
}

#[test]
fn csv_has_a_bom_a_header_and_one_row_per_report_in_input_order() {
    let dir = district("district4");
    let d = dir.display().to_string();
    let out = perfrules(&["eval", RULES, &d, "--format", "csv", "--lang", "en"], "");
    exits(&out, 1);
    let stdout = text(&out.stdout);
    assert!(stdout.starts_with('\u{feff}'));
    let lines: Vec<&str> = stdout
        .trim_start_matches('\u{feff}')
        .split("\r\n")
        .collect();
    assert_eq!(
        lines[0],
        "source,status,unit,year,project,total,grade,self_total,difference,errors,warnings,infos,problem"
    );
    assert_eq!(
        lines[1],
        format!("{d}/a.json,scored,甲单位,2021,,95,优,98,3,0,1,0,")
    );
    assert_eq!(
        lines[2],
        format!("{d}/b.json,scored,乙单位,2021,,70,中,90,20,0,1,0,")
    );
    assert!(lines[3].starts_with(&format!(
        "{d}/bad.json,failed,,,,,,,,,,,perfrules::report::malformed_json: "
    )));
    assert_eq!(
        lines[4],
        format!("{d}/c.json,scored,丙单位,2021,,85,良,,,0,0,0,")
    );
    assert_eq!(
        lines[5],
        format!("{d}/sub/d.json,scored,丁单位,2021,,95,优,,,0,0,0,")
    );
    assert_eq!(lines[6], "", "the last row ends with CRLF");
    assert_eq!(lines.len(), 7);
}

#[test]
fn csv_per_indicator_has_one_row_per_indicator_with_chinese_headers() {
    let dir = folder("per-indicator");
    let two = r#"{"unit": "甲单位", "year": 2021, "indicators": [
        {"level1": "产出指标", "level2": "数量指标", "name": "培训次数", "points": "60", "target": ">=100次", "actual": "50次", "self_score": "60"},
        {"level1": "产出指标", "level2": "数量指标", "name": "宣传, “专栏”", "points": "40", "target": "=100次", "actual": "100次"}
    ]}"#;
    write(&dir.join("a.json"), two);
    let d = dir.display().to_string();
    let out = perfrules(
        &["eval", RULES, &d, "--format", "csv", "--per", "indicator"],
        "",
    );
    exits(&out, 0);
    let stdout = text(&out.stdout);
    let lines: Vec<&str> = stdout
        .trim_start_matches('\u{feff}')
        .split("\r\n")
        .collect();
    assert_eq!(
        lines[0],
        "来源,状态,单位,项目,一级指标,二级指标,三级指标,分值,得分,失分,自评分,差额,年度指标值,实际完成值,计分方法,问题"
    );
    // 60 × 50 ÷ 100 = 30, so 30 lost and self-score 60 is 30 above; the `=100次` target is
    // guarded against Excel formulas, and a name with a comma is quoted.
    assert_eq!(
        lines[1],
        format!("{d}/a.json,已评分,甲单位,,产出指标,数量指标,培训次数,60,30,30,60,30,>=100次,50次,按比例计分,")
    );
    assert_eq!(
        lines[2],
        format!("{d}/a.json,已评分,甲单位,,产出指标,数量指标,\"宣传, “专栏”\",40,40,0,,,\"'=100次\",100次,按比例计分,")
    );
}

#[test]
fn json_lines_on_stdin_name_a_broken_line_by_its_number() {
    let input = format!(
        "{}\n\n{{\"unit\": \"坏\"}}\n{}\n",
        report("甲单位", 95, None),
        report("乙单位", 70, None)
    );
    let out = perfrules(&["eval", RULES, "-", "--format", "json"], &input);
    exits(&out, 1);
    let lines = json_lines(&out);
    let sources: Vec<&str> = lines.iter().filter_map(|l| l["source"].as_str()).collect();
    assert_eq!(sources, ["-:1", "-:3", "-:4"]);
    assert_eq!(
        lines[1]["error"]["code"],
        "perfrules::report::missing_field"
    );
    assert_eq!(lines[3]["summary"]["scored"], 2);
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("[-:3:"),
        "the diagnostic points at line 3 of stdin: {stderr}"
    );
}

#[test]
fn one_malformed_report_among_a_thousand_is_named_and_the_other_999_are_scored() {
    let dir = folder("thousand");
    for i in 0..1000 {
        let path = dir.join(format!("r{i:04}.json"));
        if i == 617 {
            write(
                &path,
                r#"{"unit": "坏单位", "year": "二〇二一", "indicators": []}"#,
            );
        } else {
            write(&path, &report(&format!("单位{i}"), 50 + i % 50, None));
        }
    }
    let d = dir.display().to_string();
    let out = perfrules(&["eval", RULES, &d, "--summary", "--format", "json"], "");
    exits(&out, 1);
    let s: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(
        (s["scored"].as_u64(), s["failed"].as_u64()),
        (Some(999), Some(1))
    );
    assert_eq!(
        s["failures"][0]["source"].as_str(),
        Some(format!("{d}/r0617.json").as_str())
    );
    assert!(text(&out.stderr).contains("r0617.json"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn exit_codes_of_a_batch() {
    let dir = folder("clean");
    write(&dir.join("a.json"), &report("甲单位", 95, Some("98")));
    write(&dir.join("b.json"), &report("乙单位", 70, None));
    let d = dir.display().to_string();
    // All scored: 0; with a warning and --fail-on warning: 3.
    exits(&perfrules(&["eval", RULES, &d, "--summary"], ""), 0);
    exits(
        &perfrules(
            &["eval", RULES, &d, "--summary", "--fail-on", "warning"],
            "",
        ),
        3,
    );
    // --per indicator needs CSV; `-` twice is refused; an empty folder scores nothing.
    exits(
        &perfrules(&["eval", RULES, &d, "--per", "indicator"], ""),
        2,
    );
    exits(&perfrules(&["eval", RULES, "-", "-"], ""), 2);
    let empty = folder("empty");
    let out = perfrules(&["eval", RULES, &empty.display().to_string()], "");
    exits(&out, 1);
    assert!(text(&out.stderr).contains("没有找到报告"));
}

#[test]
fn judgements_in_a_batch_must_name_their_report_and_say_when_none_matched() {
    let dir = folder("judged");
    write(&dir.join("a.json"), &report("甲单位", 95, None));
    write(&dir.join("b.json"), &report("乙单位", 70, None));
    let d = dir.display().to_string();
    let summary_with = |judgements: &std::path::Path| {
        let judgements = judgements.display().to_string();
        perfrules(
            &["eval", RULES, &d, "--summary", "--judgements", &judgements],
            "",
        )
    };
    let unnamed = dir.join("unnamed.judgements");
    write(&unnamed, r#"{"judgements": []}"#);
    let out = summary_with(&unnamed);
    exits(&out, 2);
    assert!(text(&out.stderr).contains("须写明所适用的报告"));
    let other = dir.join("other.judgements");
    write(
        &other,
        r#"{"report": {"unit": "丙单位", "year": 2021}, "judgements": []}"#,
    );
    let out = summary_with(&other);
    exits(&out, 0);
    assert!(
        text(&out.stderr).contains("判定未使用"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn output_goes_to_a_file_with_o_and_markdown_takes_one_report() {
    let dir = district("to-file");
    let d = dir.display().to_string();
    let target =
        std::env::temp_dir().join(format!("perfrules-batch-{}-out.csv", std::process::id()));
    let out = perfrules(
        &[
            "eval",
            RULES,
            &d,
            "--format",
            "csv",
            "-o",
            &target.display().to_string(),
        ],
        "",
    );
    exits(&out, 1);
    assert!(out.stdout.is_empty());
    let written = std::fs::read_to_string(&target).expect("the CSV is written");
    assert!(written.starts_with('\u{feff}'));
    assert_eq!(written.matches("\r\n").count(), 6, "a header and five rows");
    let _ = std::fs::remove_file(&target);
    exits(
        &perfrules(&["eval", RULES, &d, "--format", "markdown"], ""),
        2,
    );
}

#[test]
fn no_progress_bar_when_stderr_is_not_a_terminal() {
    let dir = district("district5");
    let out = perfrules(
        &["eval", RULES, &dir.display().to_string(), "--summary"],
        "",
    );
    let stderr = text(&out.stderr);
    assert!(
        !stderr.contains('\u{1b}') && !stderr.contains('\r'),
        "{stderr:?}"
    );
}

/// Issue 7's limits in a batch: a 200 MB report in a folder is refused from its size and a
/// 17 MB line of standard input is read no further than the limit — each a failure with the
/// limit's code, the others scored, nothing held in memory beyond the limit.
#[test]
fn reports_beyond_the_size_limit_are_refused_one_by_one() {
    let dir = folder("limits");
    write(&dir.join("a.json"), &report("甲单位", 95, None));
    std::fs::File::create(dir.join("b.json"))
        .expect("created")
        .set_len(200 << 20)
        .expect("sparse");
    write(&dir.join("c.json"), &report("丙单位", 85, None));
    let d = dir.display().to_string();
    let out = perfrules(&["eval", RULES, &d, "--format", "json", "--lang", "en"], "");
    exits(&out, 1);
    let lines = json_lines(&out);
    assert_eq!(lines[1]["error"]["code"], "perfrules::report::too_large");
    let totals: Vec<&str> = lines
        .iter()
        .filter_map(|l| l["result"]["total"].as_str())
        .collect();
    assert_eq!(totals, ["95", "85"]);
    assert!(text(&out.stderr).contains("the file is 200 MiB"));

    let long = format!("{{\"unit\": \"{}\"}}", "x".repeat(17 << 20));
    let input = format!("{long}\n{}\n", report("乙单位", 70, None));
    let out = perfrules(&["eval", RULES, "-", "--format", "json"], &input);
    exits(&out, 1);
    let lines = json_lines(&out);
    let sources: Vec<&str> = lines.iter().filter_map(|l| l["source"].as_str()).collect();
    assert_eq!(sources, ["-:1", "-:2"]);
    assert_eq!(lines[0]["error"]["code"], "perfrules::report::too_large");
    assert_eq!(lines[1]["result"]["total"], "70");
    std::fs::remove_dir_all(dir).ok();
}
