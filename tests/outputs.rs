//! Scorecards out: the workbook read back with calamine, cell by cell; the Markdown; files
//! written by the binary with -o. Figures are the example's, worked out by hand in issue 2:
//! 社会治理培训完成次数 4 ÷ 14 × 2 = 0.5714… → 0.57, so 1.43 lost; total 96.72, grade 优,
//! raw 99.14 of 102.5.

mod common;
use calamine::{open_workbook_auto, Data, Reader};
use common::*;
use perfrules::eval::evaluate;
use perfrules::i18n::Lang;
use perfrules::output::{markdown, xlsx};
use std::path::Path;
use std::process::Command;

fn example() -> (
    perfrules::scorecard::Scorecard<'static>,
    perfrules::check::Policy,
) {
    let policy = policy(&read("rules/2021.pr"));
    let report = report(&read("examples/minhang-2021.json"));
    let card = evaluate(&policy, &report).unwrap().into_owned();
    (card, policy)
}

fn cell(range: &calamine::Range<Data>, r: usize, c: usize) -> String {
    match range.get((r, c)) {
        Some(Data::String(s)) => s.clone(),
        Some(Data::Float(f)) => f.to_string(),
        Some(Data::Int(i)) => i.to_string(),
        Some(Data::Empty) | None => String::new(),
        Some(other) => format!("{other:?}"),
    }
}

/// The row whose cell in column `c` is `text`.
fn row_of(range: &calamine::Range<Data>, c: usize, text: &str) -> usize {
    (0..range.height())
        .find(|r| cell(range, *r, c) == text)
        .unwrap_or_else(|| panic!("no row with `{text}` in column {c}"))
}

#[test]
fn the_workbook_reads_back_with_the_figures_beside_the_units_own() {
    let (card, policy) = example();
    let bytes = xlsx::render(&[(&card, &policy)], Lang::Zh).unwrap();
    let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join("minhang-2021-scorecard.xlsx");
    std::fs::write(&path, bytes).unwrap();
    let mut book = open_workbook_auto(&path).unwrap();
    assert_eq!(book.sheet_names(), ["评分表", "复核发现", "汇总"]);

    let sheet = book.worksheet_range("评分表").unwrap();
    // Header on the third row (index 2), frozen and repeated on every printed page.
    let header: Vec<String> = (0..12).map(|c| cell(&sheet, 2, c)).collect();
    assert_eq!(
        header,
        [
            "单位",
            "一级指标",
            "二级指标",
            "三级指标",
            "年度指标值（填报）",
            "全年完成值（填报）",
            "原因分析（填报）",
            "自评分",
            "分值",
            "复核得分",
            "失分",
            "计分说明"
        ]
    );
    let r = row_of(&sheet, 3, "社会治理培训完成次数");
    let row: Vec<String> = (0..11).map(|c| cell(&sheet, r, c)).collect();
    assert_eq!(
        row,
        [
            "上海市闵行区地区工作办公室（汇总）",
            "产出指标",
            "数量指标",
            "社会治理培训完成次数",
            ">=14次",
            "4次",
            "因疫情原因，根据区财政局要求，调减预算，实际完成内容均按照调减后预算标准执行。",
            "1",
            "2",
            "0.57",
            "1.43"
        ]
    );
    assert!(cell(&sheet, r, 11).contains("4次 ÷ 14次 × 2 = 0.5714… → 0.57"));
    // 预算完成率: 7255205.14 ÷ 8485146 × 3 = 2.565… → 2.57.
    let r = row_of(&sheet, 3, "预算完成率");
    assert_eq!(
        (cell(&sheet, r, 9), cell(&sheet, r, 10)),
        ("2.57".into(), "0.43".into())
    );
    let r = row_of(&sheet, 3, "总分");
    assert_eq!(
        (cell(&sheet, r, 8), cell(&sheet, r, 9)),
        ("102.5".into(), "96.72".into())
    );

    let findings = book.worksheet_range("复核发现").unwrap();
    assert_eq!(findings.height(), 1 + card.findings.len());
    assert_eq!(cell(&findings, 0, 4), "代码");

    let summary = book.worksheet_range("汇总").unwrap();
    assert_eq!(summary.height(), 2);
    let row: Vec<String> = [0, 1, 5, 6, 7, 8, 11, 12, 14]
        .iter()
        .map(|c| cell(&summary, 1, *c))
        .collect();
    assert_eq!(
        row,
        [
            "上海市闵行区地区工作办公室（汇总）",
            "2021",
            "96.72",
            "优",
            "99.14",
            "102.5",
            "0",
            "16",
            "0"
        ]
    );
}

#[test]
fn a_batch_of_scorecards_writes_one_summary_row_each() {
    let (card, policy) = example();
    let bytes = xlsx::render(&[(&card, &policy), (&card, &policy)], Lang::En).unwrap();
    let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join("batch-scorecard.xlsx");
    std::fs::write(&path, bytes).unwrap();
    let mut book = open_workbook_auto(&path).unwrap();
    assert_eq!(book.sheet_names(), ["Scorecard", "Findings", "Summary"]);
    let summary = book.worksheet_range("Summary").unwrap();
    assert_eq!(summary.height(), 3);
    assert_eq!(cell(&summary, 2, 5), "96.72");
    let findings = book.worksheet_range("Findings").unwrap();
    assert_eq!(findings.height(), 1 + 2 * card.findings.len());
}

#[test]
fn markdown_pastes_into_a_memo() {
    let (card, policy) = example();
    let md = markdown::render(&card, &policy, Lang::Zh);
    assert!(md.contains("**总分 96.72    等级 优**"), "{md}");
    assert!(md.contains("| 产出指标 | 社会治理培训完成次数 | 2.00 | 0.57 | 1.43 | 未达到目标，按比例计分：4次 ÷ 14次 × 2 = 0.5714… → 0.57 |"), "{md}");
    assert!(md.contains("### 失分说明（4 项）"));
    assert!(md.contains("### 复核发现（16 项：错误 0，警告 16，提示 0）"));
    let md = markdown::render(&card, &policy, Lang::En);
    assert!(md.contains("**total 96.72    grade 优**"));
}

fn perfrules(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_perfrules"))
        .args(args)
        .output()
        .expect("the binary runs")
}

#[test]
fn output_files_are_written_whole_and_xlsx_needs_one() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("eval-output");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let target = dir.join("card.xlsx");
    std::fs::write(&target, "an older file").unwrap();
    let target_s = target.to_string_lossy().into_owned();
    let rules = "rules/2021.pr";
    let example = "examples/minhang-2021.json";
    let out = perfrules(&["eval", rules, example, "--format", "xlsx", "-o", &target_s]);
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
    assert!(
        open_workbook_auto(&target).is_ok(),
        "replaced by a complete workbook"
    );
    // Only the target is left: the temporary file was renamed into place.
    let names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name())
        .collect();
    assert_eq!(names, [std::ffi::OsString::from("card.xlsx")]);
    // xlsx to a terminal makes no sense: a usage error.
    let out = perfrules(&["eval", rules, example, "--format", "xlsx"]);
    assert_eq!(out.status.code(), Some(2));
    // A directory that does not exist: exit 1, nothing written.
    let missing = dir.join("no/such/card.html").to_string_lossy().into_owned();
    let out = perfrules(&["eval", rules, example, "--format", "html", "-o", &missing]);
    assert_eq!(out.status.code(), Some(1));
    // Markdown and JSON go to stdout without -o, to the file with it.
    let out = perfrules(&["eval", rules, example, "--format", "markdown"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("**总分 96.72    等级 优**"));
    let json = dir.join("card.json").to_string_lossy().into_owned();
    let out = perfrules(&["eval", rules, example, "--format", "json", "-o", &json]);
    assert!(out.stdout.is_empty() && out.status.success());
    let value: serde_json::Value = serde_json::from_str(&read(&json)).unwrap();
    assert_eq!(value["total"], "96.72");
}

#[test]
fn import_then_eval_as_a_user_runs_them() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("import-cli");
    std::fs::create_dir_all(&dir).unwrap();
    let r = dir.join("r.json").to_string_lossy().into_owned();
    let out = perfrules(&["import", "tests/fixtures/import/minhang-2021.txt", "-o", &r]);
    assert_eq!(out.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("导入 52 项指标、5 行预算；0 个警告"),
        "{stderr}"
    );
    assert!(
        stderr.contains("perfrules::import::no_points_column"),
        "{stderr}"
    );
    let out = perfrules(&["eval", "rules/2021.pr", &r]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("注意：39 项指标没有分值"), "{stdout}");
    assert!(
        stdout.contains("社会治理培训完成次数：规则和报告都没有给出分值，未计分"),
        "{stdout}"
    );
    // --strict refuses a source with warnings and writes nothing.
    let strict = dir.join("strict.json");
    let s = strict.to_string_lossy().into_owned();
    let out = perfrules(&[
        "import",
        "tests/fixtures/import/broken.txt",
        "--strict",
        "-o",
        &s,
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(!strict.exists());
    // Without -o the report goes to stdout.
    let out = perfrules(&["import", "tests/fixtures/import/project-2022.csv"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("\"project\": \"社区养老服务补贴项目\""));
}
