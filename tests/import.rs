//! `perfrules import`: the seed's extracted text gives examples/minhang-2021.json except
//! exactly the restorations examples/README.md documents; project tables import from CSV
//! and from a workbook and score by rules/2022-project.pr; broken sources are reported row by row, never guessed.

mod common;
use common::*;
use perfrules::eval::evaluate;
use perfrules::import::{import_file, Given, Imported, NoteKind};
use perfrules::report::Report;
use perfrules::scorecard::EngineFinding;
use perfrules::scorecard::FindingMessage;
use rust_xlsxwriter::Workbook;
use serde_json::Value;
use std::path::{Path, PathBuf};

const SEED: &str = "tests/fixtures/import/minhang-2021.txt";

fn import(path: impl AsRef<Path>) -> Imported {
    import_file(path.as_ref(), &Given::default())
        .unwrap_or_else(|e| panic!("{}: {e:?}", path.as_ref().display()))
}

fn warnings(imported: &Imported) -> Vec<(usize, &'static str)> {
    imported
        .notes
        .iter()
        .filter(|n| n.kind.is_warning())
        .map(|n| (n.place.as_ref().map_or(0, |p| p.row), n.kind.code()))
        .collect()
}

/// Every leaf of a JSON value with its path: `indicators[22].level2` → `"数量指标"`.
fn leaves(value: &Value, path: String, out: &mut Vec<(String, Value)>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                leaves(v, p, out);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                leaves(v, format!("{path}[{i}]"), out);
            }
        }
        leaf => out.push((path, leaf.clone())),
    }
}

#[test]
fn the_seed_imports_as_the_example_but_for_its_documented_restorations() {
    let imported = import(SEED);
    assert!(warnings(&imported).is_empty(), "{:#?}", imported.notes);
    let ours: Value = serde_json::from_str(&imported.draft.to_json()).unwrap();
    let example: Value = serde_json::from_str(&read("examples/minhang-2021.json")).unwrap();
    let (mut a, mut b) = (Vec::new(), Vec::new());
    leaves(&ours, String::new(), &mut a);
    leaves(&example, String::new(), &mut b);
    let a: std::collections::BTreeMap<_, _> = a.into_iter().collect();
    let b: std::collections::BTreeMap<_, _> = b.into_iter().collect();
    let mut differences = Vec::new();
    for key in a
        .keys()
        .chain(b.keys())
        .collect::<std::collections::BTreeSet<_>>()
    {
        if a.get(key) != b.get(key) {
            differences.push((key.clone(), a.get(key).cloned(), b.get(key).cloned()));
        }
    }

    // The restorations of examples/README.md, and nothing else:
    let mut expected = Vec::new();
    // 1. 质量指标: the nine rows 创新社会治理加强社会建设推进会主题契合度 … (indicators 22–30)
    //    have a blank 二级指标 in the seed; the importer carries 数量指标 down (and says so
    //    on line 87, the first row after the page break), the example restores 质量指标.
    for i in 22..=30 {
        expected.push((
            format!("indicators[{i}].level2"),
            Some(Value::from("数量指标")),
            Some(Value::from("质量指标")),
        ));
    }
    // 2. 满意度指标: the importer carries the first row's 满意度指标 down: no difference.
    // 3. 分值: the seed has no 分值 column; every 产出/效果/满意度 row (indicators 13–51)
    //    has its points restored in the example; the 13 投入管理 rows have none in either.
    let points = [
        "1", "2", "2", "1", "2", "1", "1", "1", "1", // 数量 13–21: 12
        "1", "1", "2", "1", "1", "1", "1", "1", "1", // 质量 22–30: 10
        "0.5", "1", "1", "0.5", "0.5", "0.5", "0.5", "0.5", "0.5", // 时效 31–39: 5.5
        "5", "5", "5", "4", "4", "4", "4", "4", // 效果 40–47: 35
        "3", "3", "2", "2", // 满意度 48–51: 10
    ];
    for (k, p) in points.iter().enumerate() {
        expected.push((
            format!("indicators[{}].points", 13 + k),
            None,
            Some(Value::from(*p)),
        ));
    }
    differences.sort_by(|x, y| x.0.cmp(&y.0));
    expected.sort_by(|x, y| x.0.cmp(&y.0));
    assert_eq!(differences, expected);

    // The draft reads back as the same report, every value as written.
    let report = Report::from_json(&imported.draft.to_json()).unwrap();
    assert_eq!(report, imported.report);
    assert_eq!(report.budget[0].rate.as_ref().unwrap().text, "85.50");
    assert_eq!(report.budget[4].executed.text, "3065511.3");
}

#[test]
fn the_seed_import_says_which_rows_lack_what() {
    let imported = import(SEED);
    let at = |code: &str| -> Vec<usize> {
        imported
            .notes
            .iter()
            .filter(|n| n.kind.code() == code)
            .map(|n| n.place.as_ref().map_or(0, |p| p.row))
            .collect()
    };
    // No 分值 column: said once, at the header (line 60), for all 52 indicators.
    assert_eq!(at("perfrules::import::no_points_column"), [60]);
    assert!(imported
        .notes
        .iter()
        .any(|n| n.kind == NoteKind::NoPointsColumn { rows: 52 }));
    // The 8 rows under the empty 经济效益 heading of line 107 have no 二级指标.
    let absent = imported
        .notes
        .iter()
        .find_map(|n| match &n.kind {
            NoteKind::Level2Absent {
                names,
                last_row,
                heading,
            } => Some((names.len(), *last_row, heading.clone())),
            _ => None,
        })
        .unwrap();
    assert_eq!(absent, (8, 116, Some(("经济效益指标".to_string(), 107))));
    // Page breaks before lines 66, 87, 109 and 120: what was carried across is said.
    assert_eq!(
        at("perfrules::import::carried_across_break"),
        [66, 87, 109, 120]
    );
    // The two 原因分析 cells split over two lines.
    assert_eq!(at("perfrules::import::continued"), [77, 98]);
    assert_eq!(at("perfrules::import::empty_heading"), [107, 117]);
}

#[test]
fn the_imported_seed_scores_only_what_has_points_and_names_every_indicator_without() {
    let imported = import(SEED);
    let policy = policy(&read("rules/2021.pr"));
    let card = evaluate(&policy, &imported.report).unwrap();
    // The 39 产出/效果/满意度 rows have no points: each is named by an error, none scored.
    let named: Vec<&str> = card
        .findings
        .iter()
        .filter(|f| matches!(f.message, FindingMessage::Engine(EngineFinding::NoPoints)))
        .filter_map(|f| f.subject.indicator.as_deref())
        .collect();
    let unscored: Vec<&str> = imported.report.indicators[13..]
        .iter()
        .map(|i| i.name.as_str())
        .collect();
    assert_eq!(named, unscored);
    assert_eq!(
        card.indicators.iter().filter(|i| i.score.is_some()).count(),
        13
    );
    // Only the 30 points of 投入管理指标 are in the total: 预算完成率 scores
    // 7255205.14 ÷ 8485146 × 3 = 2.565… → 2.57, the other twelve in full: 29.57 of 30.
    assert_eq!(card.max_points.to_string(), "30");
    assert_eq!(card.raw_total.to_string(), "29.57");
}

/// The project table of tests/fixtures/import/project-2022.csv, as a workbook: text cells
/// as text, figures as numbers, as a unit's spreadsheet would hold them.
fn project_workbook(path: &Path) {
    let csv = read("tests/fixtures/import/project-2022.csv");
    let sheet = perfrules::import::csv::read(&csv).unwrap();
    let mut workbook = Workbook::new();
    let ws = workbook.add_worksheet();
    ws.set_name("自评表").unwrap();
    for (r, row) in sheet.rows.iter().enumerate() {
        for (c, cell) in row.cells.iter().enumerate() {
            let (r, c) = (r as u32, c as u16);
            if cell.is_empty() {
                continue;
            }
            match cell.parse::<f64>() {
                Ok(number) => ws.write_number(r, c, number).map(|_| ()),
                Err(_) => ws.write_string(r, c, cell).map(|_| ()),
            }
            .unwrap();
        }
    }
    workbook.save(path).unwrap();
}

fn scratch(name: &str) -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join(name)
}

#[test]
fn a_project_table_imports_from_csv_and_from_a_workbook_alike() {
    let csv = import("tests/fixtures/import/project-2022.csv");
    assert!(warnings(&csv).is_empty(), "{:#?}", csv.notes);
    let d = &csv.draft;
    assert_eq!(
        (
            d.unit.as_str(),
            d.year,
            d.kind.as_deref(),
            d.project.as_deref()
        ),
        (
            "某街道办事处",
            2022,
            Some("项目支出"),
            Some("社区养老服务补贴项目")
        )
    );
    // The budget table: the total row, then the rows under it (其中： is not the name).
    let rows: Vec<_> = d
        .budget
        .iter()
        .map(|b| {
            (
                b.item.as_str(),
                b.parent.as_deref(),
                b.budget.as_str(),
                b.executed.as_str(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("年度资金总额", None, "20", "9.034"),
            ("当年财政拨款", Some("年度资金总额"), "20", "9.034"),
            ("上年结转资金", Some("年度资金总额"), "0", "0"),
            ("其他资金", Some("年度资金总额"), "0", "0"),
        ]
    );
    let total = &d.budget[0];
    assert_eq!(
        (
            total.rate.as_deref(),
            total.points.as_deref(),
            total.self_score.as_deref()
        ),
        (Some("45.17"), Some("10"), Some("4.52"))
    );
    // 指标性质 and 度量单位 merged into the target, the unit into the actual.
    let first = &d.indicators[0];
    assert_eq!(
        (
            first.target.as_deref(),
            first.actual.as_deref(),
            first.points.as_deref()
        ),
        (Some("≥500人"), Some("450人"), Some("20"))
    );
    assert_eq!(d.indicators[2].target.as_deref(), Some("≥95%"));
    assert_eq!(d.indicators[3].target.as_deref(), Some("2022年12月底前"));
    assert_eq!(d.indicators[4].level1, "效益指标");
    assert_eq!(d.self_total.as_deref(), Some("92.52"));
    assert_eq!(d.indicators.len(), 6);

    let path = scratch("project-2022.xlsx");
    project_workbook(&path);
    let xlsx = import(&path);
    assert!(warnings(&xlsx).is_empty(), "{:#?}", xlsx.notes);
    assert_eq!(xlsx.draft, csv.draft);
    let place = xlsx.notes[0].place.as_ref().unwrap();
    assert_eq!(place.sheet.as_deref(), Some("自评表"));
}

#[test]
fn an_imported_project_workbook_scores_by_the_project_policy() {
    // rules/2022-project.pr (policy-project.md), worked by hand: execution
    // 9.034 ÷ 20 × 10 = 4.517 → 4.52; 产出 450 ÷ 500 × 20 = 18, then 15 + 10 + 5 met;
    // 效益 有效提升 is its own target, 30; 满意度 92% ≥ 90%, 10. Total 4.52 + 88 = 92.52 of
    // 100 points, not rescaled: grade 优, and exactly the unit's own 总分, so no finding.
    let path = scratch("project-2022-score.xlsx");
    project_workbook(&path);
    let imported = import(&path);
    let policy = policy(&read("rules/2022-project.pr"));
    let card = evaluate(&policy, &imported.report).unwrap();
    let execution = card
        .execution
        .as_ref()
        .expect("the execution row is scored");
    assert_eq!(
        execution.score.map(|s| s.to_string()).as_deref(),
        Some("4.52")
    );
    let scores: Vec<String> = card
        .indicators
        .iter()
        .map(|i| i.score.map(|s| s.to_string()).unwrap_or_default())
        .collect();
    assert_eq!(scores, ["18", "15", "10", "5", "30", "10"]);
    assert_eq!(card.max_points.to_string(), "100");
    assert_eq!(card.total.to_string(), "92.52");
    assert_eq!(card.grade, "优");
    assert!(card.findings.is_empty(), "{:#?}", card.findings);
}

#[test]
fn a_broken_text_is_reported_row_by_row() {
    let imported = import("tests/fixtures/import/broken.txt");
    assert_eq!(
        warnings(&imported),
        [
            (6, "perfrules::import::bad_number"),     // 全年执行数 `九百`
            (6, "perfrules::import::missing_figure"), // so the total row has no 执行数
            (9, "perfrules::import::bad_number"),     // 自评分 `1O`
            (11, "perfrules::import::ambiguous_row"), // 6 cells that fit two ways
            (12, "perfrules::import::ambiguous_row"), // `（见附件）` alone
            (13, "perfrules::import::beyond_header"), // cells past the last column
        ]
    );
    let names: Vec<&str> = imported
        .draft
        .indicators
        .iter()
        .map(|i| i.name.as_str())
        .collect();
    assert_eq!(names, ["培训次数", "宣传次数"]);
    assert_eq!(imported.draft.indicators[0].self_score, None);
    assert!(imported.draft.budget.is_empty());
    assert!(imported
        .notes
        .iter()
        .any(|n| n.kind.code() == "perfrules::import::page_number"));
}

#[test]
fn a_broken_csv_names_its_unknown_column_and_bad_number() {
    let imported = import("tests/fixtures/import/project-broken.csv");
    assert_eq!(
        warnings(&imported),
        [
            (4, "perfrules::import::unknown_column"), // 备注, one cell
            (5, "perfrules::import::bad_number"),     // 分值 `二十`
        ]
    );
    assert_eq!(imported.draft.indicators[0].points, None);
    assert_eq!(imported.draft.indicators[1].points.as_deref(), Some("10"));
}

#[test]
fn no_indicator_header_no_import() {
    let e = import_file(
        Path::new("tests/fixtures/import/no_indicator_table.txt"),
        &Given::default(),
    )
    .unwrap_err();
    assert_eq!(e.code(), "perfrules::import::no_indicator_table");
    // A workbook without one, too.
    let path = scratch("no-header.xlsx");
    let mut workbook = Workbook::new();
    let ws = workbook.add_worksheet();
    ws.write_string(0, 0, "2022年度项目支出绩效自评表").unwrap();
    ws.write_string(1, 0, "三级指标").unwrap();
    ws.write_string(1, 1, "分值").unwrap();
    workbook.save(&path).unwrap();
    let e = import_file(&path, &Given::default()).unwrap_err();
    assert_eq!(e.code(), "perfrules::import::no_indicator_table");
    // And a file of no known kind.
    let e = import_file(Path::new("README.md"), &Given::default()).unwrap_err();
    assert_eq!(e.code(), "perfrules::import::unknown_format");
}

#[test]
fn a_workbook_cell_that_is_not_a_number_is_a_warning_with_its_sheet_and_row() {
    let path = scratch("bad-number.xlsx");
    let mut workbook = Workbook::new();
    let ws = workbook.add_worksheet();
    ws.set_name("表1").unwrap();
    let rows: [&[&str]; 4] = [
        &["2022年度项目支出绩效自评表"],
        &["实施单位", "某单位"],
        &[
            "一级指标",
            "三级指标",
            "年度指标值",
            "实际完成值",
            "分值",
            "得分",
        ],
        &["产出指标", "培训次数", "≥10次", "12次", "10分", "10"],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            ws.write_string(r as u32, c as u16, *cell).unwrap();
        }
    }
    workbook.save(&path).unwrap();
    let imported = import(&path);
    let bad = imported.notes.iter().find(|n| n.kind.is_warning()).unwrap();
    assert_eq!(
        bad.kind,
        NoteKind::BadNumber {
            column: "分值".into(),
            text: "10分".into()
        }
    );
    let place = bad.place.as_ref().unwrap();
    assert_eq!((place.sheet.as_deref(), place.row), (Some("表1"), 4));
}
