//! What each fuzz target does with its input, in one file: the fuzz targets
//! (fuzz/fuzz_targets/) call it, and so does tests/fuzz_regressions.rs, which replays every
//! input a fuzzer ever found (tests/fixtures/fuzz/<target>/) in `cargo test`, without
//! nightly. Nothing here may panic on any input, except to report a broken property.

#![allow(dead_code)] // each fuzz target uses one of these
use perfrules::check::Policy;
use perfrules::i18n::Lang;
use perfrules::output::{human, json, Style};
use perfrules::report::Report;
use perfrules::source::Sources;
use std::sync::OnceLock;

/// A rule file: parse, check, and when it checks, score the example reports by it and
/// render the result.
pub fn rules(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut sources = Sources::new();
    let id = sources.add("fuzz.pr", text);
    let Ok(file) = perfrules::syntax::parse(id, text) else {
        return;
    };
    let Ok(policy) = perfrules::check::check(sources, id, &file) else {
        return;
    };
    for report in reports() {
        score(&policy, report);
    }
}

/// A cell of a report: the value reader, whose fast path must answer as the grammar does
/// wherever it answers, and the decimal reader.
pub fn value(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let grammar = perfrules::value::parse_by_grammar(text);
    if let Some(fast) = perfrules::value::parse_fast(text) {
        assert_eq!(
            Ok(fast),
            grammar,
            "the fast path differs from the grammar on {text:?}"
        );
    }
    assert_eq!(
        perfrules::value::parse(text),
        grammar,
        "the reader differs on {text:?}"
    );
    if let Ok(value) = grammar {
        let _ = value.target_form();
        let _ = value.is_claimed_bound();
        let _ = value.same_target_as(&value);
        if let perfrules::value::ValueKind::Period(p) = &value.kind {
            for year in [i32::MIN, -1, 0, 2021, i32::MAX] {
                let _ = p.end(year);
                let _ = p.ends_by(p, year);
            }
        }
    }
    if let Ok(d) = perfrules::decimal::Dec::parse_written(text) {
        let _ = d.approx();
        let _ = d.to_i64();
        for places in [0, 2, 28, 29] {
            for mode in [
                perfrules::decimal::RoundMode::HalfUp,
                perfrules::decimal::RoundMode::HalfEven,
                perfrules::decimal::RoundMode::Down,
                perfrules::decimal::RoundMode::Up,
            ] {
                let _ = d.round(places, mode);
            }
        }
        let _ = d.checked_mul(d).and_then(|x| x.checked_div(d));
    }
}

/// A report's JSON: read it, and score it by every shipped rule file (rules/*.pr).
pub fn report(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(report) = Report::from_json(text) else {
        return;
    };
    for policy in policies() {
        score(policy, &report);
    }
}

/// Cells of a report, whatever they hold, in a report that always reads: the input's lines
/// fill, in turn, each row's level 1, name, points, target and actual (and the budget's
/// total row), and the report is scored by every shipped rule file. Where `report` fuzzes
/// JSON (most of which the reader refuses), this one goes straight to scoring.
pub fn cells(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let mut cells = text.split('\n');
    let mut next = || cells.next().map(str::to_string);
    let (budget, executed) = (next(), next());
    let mut rows = Vec::new();
    while rows.len() < 64 {
        let (Some(level1), Some(name)) = (next(), next()) else {
            break;
        };
        let mut row = serde_json::json!({ "level1": level1, "name": name });
        for field in ["points", "target", "actual", "self_score"] {
            if let Some(v) = next() {
                row[field] = serde_json::Value::String(v);
            }
        }
        rows.push(row);
    }
    let mut report = serde_json::json!({ "unit": "fuzz", "year": 2021, "indicators": rows });
    if let (Some(b), Some(e)) = (budget, executed) {
        report["budget"] = serde_json::json!([
            { "item": "合计", "budget": b, "executed": e },
            { "item": "分项", "parent": "合计", "budget": b, "executed": e }
        ]);
    }
    // a figure that does not read refuses the report; the rest is scored (and given as
    // JSON only: the other renderers are the report target's, and cost this one its speed)
    let Ok(report) = Report::from_json(&report.to_string()) else {
        return;
    };
    for policy in policies() {
        if let Ok(card) = perfrules::eval::evaluate(policy, &report) {
            let _ = json::render(&card, policy, Lang::En);
        }
    }
}

/// `perfrules fmt`: a rule file that parses formats to one that parses to the same syntax
/// tree, and formatting it again changes nothing.
pub fn fmt(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(before) = parse(text) else {
        assert!(
            perfrules::fmt::format(text).is_err(),
            "fmt formats what does not parse"
        );
        return;
    };
    let formatted = match perfrules::fmt::format(text) {
        Ok(f) => f,
        Err(e) => panic!("fmt refuses a file that parses: {e:?}"),
    };
    let after = match parse(&formatted) {
        Ok(after) => after,
        Err(e) => panic!("the formatted file does not parse: {e:?}\n{formatted}"),
    };
    assert!(
        before == after,
        "fmt changed the syntax tree:\n{text}\n----\n{formatted}"
    );
    let again = perfrules::fmt::format(&formatted).expect("formats again");
    assert_eq!(again, formatted, "fmt is not idempotent");
}

fn parse(
    text: &str,
) -> Result<perfrules::syntax::ast::RuleFile, Vec<perfrules::syntax::SyntaxError>> {
    let mut sources = Sources::new();
    let id = sources.add("fuzz.pr", text);
    perfrules::syntax::parse(id, text)
}

/// Scores and renders: every renderer must take whatever the evaluator gives.
fn score(policy: &Policy, report: &Report) {
    let Ok(card) = perfrules::eval::evaluate(policy, report) else {
        return;
    };
    let _ = json::render(&card, policy, Lang::En);
    let _ = human::render(&card, policy, &Style::plain(Lang::Zh));
    let _ = perfrules::output::markdown::render(&card, policy, Lang::En);
    let _ = perfrules::output::html::render(&card, policy, Lang::Zh);
    let _ = perfrules::output::csv::report_row("fuzz.json", &card, Lang::Zh);
    let _ = perfrules::output::csv::indicator_rows("fuzz.json", &card, Lang::En);
}

const RULES: &[(&str, &str)] = &[
    ("rules/2021.pr", include_str!("../rules/2021.pr")),
    (
        "rules/2022-project.pr",
        include_str!("../rules/2022-project.pr"),
    ),
];

/// The shipped rule files, checked once; rules/2022.pr through its `extends`.
fn policies() -> &'static [Policy] {
    static POLICIES: OnceLock<Vec<Policy>> = OnceLock::new();
    POLICIES.get_or_init(|| {
        let mut out: Vec<Policy> = RULES
            .iter()
            .map(|(name, text)| {
                let mut sources = Sources::new();
                let id = sources.add(*name, *text);
                let file = perfrules::syntax::parse(id, text).expect("a shipped rule file parses");
                perfrules::check::check(sources, id, &file).expect("a shipped rule file checks")
            })
            .collect();
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../rules/2022.pr");
        let path = if std::path::Path::new(path).exists() {
            path
        } else {
            "rules/2022.pr"
        };
        if let Ok(text) = std::fs::read_to_string(path) {
            let loaded = perfrules::extends::load_text(path, &text).expect("rules/2022.pr loads");
            out.push(
                perfrules::check::check_with(
                    loaded.sources,
                    loaded.main,
                    &loaded.file,
                    loaded.lints,
                )
                .expect("rules/2022.pr checks"),
            );
        }
        out
    })
}

/// The example reports, read once: what a fuzzed rule file scores.
fn reports() -> &'static [Report] {
    static REPORTS: OnceLock<Vec<Report>> = OnceLock::new();
    REPORTS.get_or_init(|| {
        [
            include_str!("../examples/minhang-2021.json"),
            include_str!("../examples/shanghai-2022-putuo.json"),
        ]
        .iter()
        .map(|text| Report::from_json(text).expect("an example reads"))
        .collect()
    })
}
