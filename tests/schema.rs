//! The JSON Schema of report.json (`perfrules schema report`) and the reader agree: every
//! example and fixture the reader accepts is valid under the schema, and what the reader
//! refuses for its shape (an unknown field, a missing one, a wrong type) the schema refuses.

mod common;
use common::read;
use perfrules::report::{Report, SCHEMA};

fn validator() -> jsonschema::Validator {
    let schema: serde_json::Value = serde_json::from_str(SCHEMA).expect("the schema is JSON");
    jsonschema::validator_for(&schema).expect("the schema is a valid JSON Schema")
}

fn json_files(dir: &str) -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    files.sort();
    files
}

#[test]
fn every_report_the_reader_accepts_is_valid_under_the_schema() {
    let validator = validator();
    let mut checked = 0;
    for dir in ["examples", "tests/fixtures/project", "tests/fixtures/cli"] {
        for path in json_files(dir) {
            let text = read(&path);
            assert!(Report::from_json(&text).is_ok(), "{path} reads");
            let value: serde_json::Value = serde_json::from_str(&text).unwrap();
            let errors: Vec<String> = validator
                .iter_errors(&value)
                .map(|e| e.to_string())
                .collect();
            assert!(errors.is_empty(), "{path}: {errors:?}");
            checked += 1;
        }
    }
    assert!(checked >= 7);
}

#[test]
fn what_the_reader_refuses_for_its_shape_the_schema_refuses() {
    let validator = validator();
    for fixture in ["unknown_field", "missing_field", "wrong_type"] {
        let path = format!("tests/fixtures/report/{fixture}.json");
        let text = read(&path);
        assert!(Report::from_json(&text).is_err(), "{path}");
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert!(!validator.is_valid(&value), "the schema accepts {path}");
    }
    // an unknown field at each level
    let base = r#"{"unit": "u", "year": 2021, "budget": [{"item": "合计", "budget": "1", "executed": "1"}], "indicators": [{"level1": "产出指标", "name": "甲"}]}"#;
    let mut value: serde_json::Value = serde_json::from_str(base).unwrap();
    assert!(validator.is_valid(&value) && Report::from_json(base).is_ok());
    for pointer in ["", "/budget/0", "/indicators/0"] {
        let mut extra = value.clone();
        extra
            .pointer_mut(pointer)
            .unwrap()
            .as_object_mut()
            .unwrap()
            .insert("备注".into(), "x".into());
        assert!(!validator.is_valid(&extra), "schema at {pointer:?}");
        assert!(
            Report::from_json(&extra.to_string()).is_err(),
            "reader at {pointer:?}"
        );
    }
    value["indicators"][0]
        .as_object_mut()
        .unwrap()
        .remove("name");
    assert!(!validator.is_valid(&value) && Report::from_json(&value.to_string()).is_err());
}

#[test]
fn the_schema_names_every_field_of_the_contract() {
    // the fields of shared/spec/report-format.md, by hand
    let schema: serde_json::Value = serde_json::from_str(SCHEMA).unwrap();
    let keys = |v: &serde_json::Value| {
        let mut k: Vec<String> = v["properties"]
            .as_object()
            .unwrap()
            .keys()
            .cloned()
            .collect();
        k.sort();
        k
    };
    assert_eq!(
        keys(&schema),
        [
            "budget",
            "indicators",
            "kind",
            "project",
            "self_total",
            "unit",
            "year"
        ]
    );
    assert_eq!(
        keys(&schema["$defs"]["budgetRow"]),
        [
            "budget",
            "executed",
            "item",
            "parent",
            "points",
            "rate",
            "self_score"
        ]
    );
    assert_eq!(
        keys(&schema["$defs"]["indicatorRow"]),
        [
            "actual",
            "level1",
            "level2",
            "name",
            "points",
            "reason",
            "self_score",
            "target"
        ]
    );
}

#[test]
fn perfrules_schema_report_prints_the_schema() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_perfrules"))
        .args(["schema", "report"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stdout), SCHEMA);
}

#[test]
fn a_report_that_starts_with_a_byte_order_mark_reads_as_without_it() {
    let text = read("examples/minhang-2021.json");
    let with_bom = format!("\u{feff}{text}");
    assert_eq!(
        Report::from_json(&with_bom).unwrap(),
        Report::from_json(&text).unwrap()
    );
    // an error's offset still points into the file as written
    let broken = "\u{feff}{\"unit\": 1}";
    let err = Report::from_json(broken).unwrap_err();
    assert_eq!(&broken[err.offset..err.offset + 1], "1");
}
