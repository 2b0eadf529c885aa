//! Every limit of src/limits.rs, at its value and one beyond: at the limit the input is read
//! (and scored, where it can be), beyond it there is a diagnostic with the limit's code —
//! never a crash. The 10,000-deep expressions of issue 7 run on a thread with a small
//! stack, to show that no nesting reaches the stack whatever the thread.

mod common;
use common::*;
use perfrules::check::CheckError;
use perfrules::eval::evaluate;
use perfrules::i18n::Lang;
use perfrules::limits::*;
use perfrules::output::{diagnostic, Style};
use perfrules::report::{Report, ReportErrorKind};
use perfrules::source::Sources;
use perfrules::syntax::{self, Nesting, SyntaxError};

/// Parses a rule file, returning its syntax errors.
fn syntax_errors(text: &str) -> Vec<SyntaxError> {
    let mut sources = Sources::new();
    let id = sources.add("limits.pr", text);
    syntax::parse(id, text).err().unwrap_or_default()
}

/// Runs `f` on a thread with a 512 KiB stack: a quarter of a test thread's, an eighth of
/// what the binary's main thread has.
fn on_small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(512 * 1024)
        .spawn(f)
        .expect("a thread")
        .join()
        .expect("no panic, no overflow")
}

/// A rule file whose execution-like indicator derives its actual from `expr`.
fn derived(expr: &str) -> String {
    format!(
        "{HEADER}\nsection \"产出指标\" {{\n  indicator \"预算完成率\" points 3 target 100% {{\n    actual = {expr}\n    score proportional\n  }}\n}}\n"
    )
}

/// A rule file with one check whose `require` is `expr`.
fn requiring(expr: &str) -> String {
    format!(
        "{HEADER}\nsection \"产出指标\" {{ any indicator }}\ncheck deep \"深\" {{\n  require {expr}\n  else warning \"不成立\"\n}}\n"
    )
}

fn code_of(errors: &[SyntaxError]) -> Vec<&'static str> {
    errors.iter().map(SyntaxError::code).collect()
}

// ── rule files ───────────────────────────────────────────────────────────────────────────

#[test]
fn a_rule_file_of_the_largest_size_is_read_and_one_byte_more_is_refused() {
    let base = requiring("true");
    let pad = MAX_RULE_FILE_BYTES - base.len() - 1;
    let at_limit = format!("{base}#{}", "x".repeat(pad));
    assert_eq!(at_limit.len(), MAX_RULE_FILE_BYTES);
    assert!(syntax_errors(&at_limit).is_empty());
    let beyond = format!("{at_limit}x");
    let errors = syntax_errors(&beyond);
    assert_eq!(code_of(&errors), ["perfrules::parse::file_too_large"]);
    assert!(matches!(
        errors[0],
        SyntaxError::FileTooLarge { size: Some(s), limit, .. } if s == MAX_RULE_FILE_BYTES as u64 + 1 && limit == MAX_RULE_FILE_BYTES
    ));
}

#[test]
fn brackets_nest_up_to_the_limit_and_no_further() {
    // The check's own `{` is one level.
    let nested = |n: usize| requiring(&format!("{}true{}", "(".repeat(n), ")".repeat(n)));
    assert!(syntax_errors(&nested(MAX_NESTING - 1)).is_empty());
    let errors = syntax_errors(&nested(MAX_NESTING));
    assert_eq!(code_of(&errors), ["perfrules::parse::too_deep"]);
    assert!(matches!(
        errors[0],
        SyntaxError::TooDeep {
            nesting: Nesting::Brackets,
            ..
        }
    ));
}

#[test]
fn an_expression_at_the_depth_limit_checks_and_scores_on_a_small_stack() {
    // `- - … - 100%` with n signs is n + 1 deep.
    let rules = derived(&format!("{}100%", "- ".repeat(MAX_EXPR_DEPTH - 1)));
    let score = on_small_stack(move || {
        let policy = policy(&rules);
        let report = report(&one_row("预算完成率", "3", "100%", "100%"));
        let card = evaluate(&policy, &report).expect("scored");
        card.indicators[0].score.map(|s| s.to_string())
    });
    // an odd number of minus signs: −100% of a 100% target is 0 points (w × B ÷ A < 0 → 0)
    assert_eq!(MAX_EXPR_DEPTH % 2, 0);
    assert_eq!(score.as_deref(), Some("0"));
    let beyond = derived(&format!("{}100%", "- ".repeat(MAX_EXPR_DEPTH)));
    let errors = syntax_errors(&beyond);
    assert_eq!(code_of(&errors), ["perfrules::parse::too_deep"]);
    assert!(matches!(
        errors[0],
        SyntaxError::TooDeep {
            nesting: Nesting::Expression,
            limit: MAX_EXPR_DEPTH,
            ..
        }
    ));
}

#[test]
fn every_operator_counts_towards_the_depth() {
    // `a + a + … + a` with n operators is n + 1 deep
    let sum = |n: usize| derived(&format!("100%{}", " + 0%".repeat(n)));
    assert!(syntax_errors(&sum(MAX_EXPR_DEPTH - 1)).is_empty());
    assert_eq!(
        code_of(&syntax_errors(&sum(MAX_EXPR_DEPTH))),
        ["perfrules::parse::too_deep"]
    );
    // `not not … true` with n `not`s is n + 1 deep
    let nots = |n: usize| requiring(&format!("{}true", "not ".repeat(n)));
    assert!(syntax_errors(&nots(MAX_EXPR_DEPTH - 1)).is_empty());
    assert_eq!(
        code_of(&syntax_errors(&nots(MAX_EXPR_DEPTH))),
        ["perfrules::parse::too_deep"]
    );
    // each `if … else` adds two: the `if`, and the expression after `else`
    let ifs = |n: usize| derived(&format!("{}100%", "if true then 100% else ".repeat(n)));
    assert!(syntax_errors(&ifs((MAX_EXPR_DEPTH - 1) / 2)).is_empty());
    assert_eq!(
        code_of(&syntax_errors(&ifs(MAX_EXPR_DEPTH / 2))),
        ["perfrules::parse::too_deep"]
    );
}

/// Issue 7: "a 10,000-deep nested expression ends in a diagnostic, not a crash", in every
/// form nesting takes — with brackets and without.
#[test]
fn ten_thousand_deep_expressions_end_in_a_diagnostic_on_a_small_stack() {
    const N: usize = 10_000;
    let forms: Vec<(&str, String)> = vec![
        ("brackets", derived(&format!("{}100%{}", "(".repeat(N), ")".repeat(N)))),
        ("calls", derived(&format!("{}100%{}", "abs(".repeat(N), ")".repeat(N)))),
        ("not", requiring(&format!("{}true", "not ".repeat(N)))),
        ("minus", derived(&format!("{}100%", "- ".repeat(N)))),
        ("minus signs", derived(&format!("{}100%", "-".repeat(N)))),
        ("else if", derived(&format!("{}100%", "if true then 100% else ".repeat(N)))),
        (
            "if in the condition",
            derived(&format!(
                "{}true{} then 100% else 100%",
                "if ".repeat(N),
                " then true else true".repeat(N - 1)
            )),
        ),
        ("a long sum", derived(&format!("100%{}", " + 0%".repeat(N * 10)))),
        (
            "in a message",
            format!(
                "{HEADER}\nsection \"产出指标\" {{ any indicator }}\ncheck deep \"深\" {{\n  require true\n  else warning \"{{{}true{}}}\"\n}}\n",
                "(".repeat(N),
                ")".repeat(N)
            ),
        ),
    ];
    for (form, text) in forms {
        let errors = on_small_stack(move || syntax_errors(&text));
        assert_eq!(
            code_of(&errors),
            ["perfrules::parse::too_deep"],
            "{form}: {errors:?}"
        );
    }
}

#[test]
fn a_rule_file_names_at_most_the_limit_of_indicators() {
    let named = |n: usize| {
        let mut text = format!("{HEADER}\nsection \"产出指标\" {{\n");
        for i in 0..n {
            text.push_str(&format!("  indicator \"指标{i}\" points 1 target >=1次\n"));
        }
        text.push_str("}\ndefault { at_least: proportional }\n");
        text
    };
    let at_limit = named(MAX_INDICATORS);
    assert!(at_limit.len() <= MAX_RULE_FILE_BYTES);
    try_policy("limits.pr", &at_limit, Lang::Zh).expect("the limit is allowed");
    let beyond = named(MAX_INDICATORS + 1);
    let err = try_policy("limits.pr", &beyond, Lang::Zh).expect_err("one more is refused");
    assert!(
        err.contains("perfrules::check::too_many_indicators"),
        "{err}"
    );
    assert_eq!(
        err.matches("perfrules::").count(),
        1,
        "one error, not one per indicator"
    );
}

#[test]
fn a_unit_conversion_beyond_exact_decimals_is_its_own_error() {
    // a second units block: 1 兆分 = 10¹⁶ × 10¹⁷ 分, beyond 28 digits
    let text = format!(
        "{HEADER}\nunits {{ 分 万分 = 10000000000000000 分  兆分 = 100000000000000000 万分 }}\n"
    );
    let mut sources = Sources::new();
    let id = sources.add("limits.pr", text.as_str());
    let file = syntax::parse(id, &text).expect("parses");
    let errors = perfrules::check::check(sources, id, &file).expect_err("refused");
    assert!(
        errors
            .iter()
            .any(|e| matches!(e, CheckError::ConversionOutOfRange { unit, .. } if unit == "兆分")),
        "{errors:?}"
    );
    assert!(!errors
        .iter()
        .any(|e| matches!(e, CheckError::ConversionCycle { .. })));
}

// ── reports ──────────────────────────────────────────────────────────────────────────────

fn one_row(name: &str, points: &str, target: &str, actual: &str) -> String {
    format!(
        r#"{{"unit": "测试单位", "year": 2021, "indicators": [
            {{"level1": "产出指标", "name": "{name}", "points": "{points}", "target": "{target}", "actual": "{actual}"}}
        ]}}"#
    )
}

fn report_error(text: &str) -> perfrules::report::ReportError {
    Report::from_json(text).expect_err("refused")
}

#[test]
fn a_report_of_the_largest_size_is_read_and_one_byte_more_is_refused() {
    let base = one_row("测试指标", "2", ">=1次", "1次");
    let at_limit = format!("{base}{}", " ".repeat(MAX_REPORT_BYTES - base.len()));
    assert_eq!(at_limit.len(), MAX_REPORT_BYTES);
    Report::from_json(&at_limit).expect("the limit is allowed");
    let e = report_error(&format!("{at_limit} "));
    assert_eq!(e.code(), "perfrules::report::too_large");
}

#[test]
fn json_nests_up_to_the_limit_and_no_further() {
    // The report's own object is one level; `kind` is text, so any array there is refused,
    // for its type at the limit and for its depth beyond.
    let nested = |n: usize| {
        format!(
            r#"{{"unit": "x", "year": 2021, "indicators": [], "kind": {}{}}}"#,
            "[".repeat(n),
            "]".repeat(n)
        )
    };
    assert_eq!(
        report_error(&nested(MAX_JSON_DEPTH - 1)).code(),
        "perfrules::report::wrong_type"
    );
    let e = report_error(&nested(MAX_JSON_DEPTH));
    assert_eq!(e.code(), "perfrules::report::too_deep");
    assert_eq!(
        e.kind,
        ReportErrorKind::TooDeep {
            limit: MAX_JSON_DEPTH
        }
    );
    // A 100,000-deep document is refused the same way, on a small stack: serde_json gives
    // up at 128 levels, and the depth is then measured to say why.
    let deep = nested(100_000);
    let e = on_small_stack(move || report_error(&deep));
    assert_eq!(e.code(), "perfrules::report::too_deep");
}

fn rows(n: usize) -> String {
    let row = r#"{"level1": "产出指标", "name": "指标", "points": "1", "target": ">=1次", "actual": "1次"}"#;
    vec![row; n].join(",")
}

#[test]
fn the_indicator_table_holds_up_to_the_limit_of_rows() {
    let at_limit = format!(
        r#"{{"unit": "x", "year": 2021, "indicators": [{}]}}"#,
        rows(MAX_INDICATORS)
    );
    let report = Report::from_json(&at_limit).expect("the limit is allowed");
    assert_eq!(report.indicators.len(), MAX_INDICATORS);
    let beyond = format!(
        r#"{{"unit": "x", "year": 2021, "indicators": [{}]}}"#,
        rows(MAX_INDICATORS + 1)
    );
    let e = report_error(&beyond);
    assert_eq!(e.code(), "perfrules::report::too_many_rows");
    assert_eq!(e.path, "indicators");
}

#[test]
fn the_budget_table_holds_up_to_the_limit_of_rows() {
    let budget = |n: usize| {
        let row = r#"{"item": "财政拨款", "parent": "资金来源", "budget": "1", "executed": "1"}"#;
        format!(
            r#"{{"unit": "x", "year": 2021, "indicators": [], "budget": [{}]}}"#,
            vec![row; n].join(",")
        )
    };
    let report = Report::from_json(&budget(MAX_BUDGET_ROWS)).expect("the limit is allowed");
    assert_eq!(report.budget.len(), MAX_BUDGET_ROWS);
    let e = report_error(&budget(MAX_BUDGET_ROWS + 1));
    assert_eq!(e.code(), "perfrules::report::too_many_rows");
    assert_eq!(e.path, "budget");
}

#[test]
fn values_and_texts_are_counted_in_characters_up_to_their_limits() {
    let value = |n: usize| one_row("测试指标", "2", ">=1次", &"完".repeat(n));
    Report::from_json(&value(MAX_VALUE_CHARS)).expect("the limit is allowed");
    let e = report_error(&value(MAX_VALUE_CHARS + 1));
    assert_eq!(e.code(), "perfrules::report::text_too_long");
    assert_eq!(e.path, "indicators[0].actual");
    assert_eq!(
        e.kind,
        ReportErrorKind::TextTooLong {
            chars: MAX_VALUE_CHARS + 1,
            limit: MAX_VALUE_CHARS
        }
    );
    let name = |n: usize| one_row(&"名".repeat(n), "2", ">=1次", "1次");
    Report::from_json(&name(MAX_TEXT_CHARS)).expect("the limit is allowed");
    let e = report_error(&name(MAX_TEXT_CHARS + 1));
    assert_eq!(e.code(), "perfrules::report::text_too_long");
    assert_eq!(e.path, "indicators[0].name");
    // the value grammar keeps the same limit for values that do not come through a report
    let long = "完".repeat(MAX_VALUE_CHARS + 1);
    assert!(matches!(
        perfrules::value::parse(&long).map_err(|e| e.kind),
        Err(perfrules::value::ValueErrorKind::TooLong { .. })
    ));
    assert!(perfrules::value::parse(&long[3..]).is_ok());
}

/// Issue 7: "a 200 MB report ends in a diagnostic". The library refuses it from its length;
/// the command line from the file's size, before reading it (tests/cli.rs).
#[test]
fn a_200_mb_report_ends_in_a_diagnostic() {
    let text = format!("{{\"unit\": \"{}\"}}", "x".repeat(200 << 20));
    let e = report_error(&text);
    assert_eq!(e.code(), "perfrules::report::too_large");
}

// ── decimals ─────────────────────────────────────────────────────────────────────────────

/// Issue 7: "a 1e30 figure ends in a diagnostic", on every path a figure takes.
#[test]
fn a_figure_of_1e30_ends_in_a_diagnostic_on_every_path() {
    // a JSON number, and the same written out in a string
    let points = |p: &str| {
        format!(
            r#"{{"unit": "x", "year": 2021, "indicators": [{{"level1": "产出指标", "name": "甲", "points": {p}}}]}}"#
        )
    };
    for p in [
        "1e30",
        "1E+30",
        "-1e30",
        "1000000000000000000000000000000",
        "\"1000000000000000000000000000000\"",
        "1e-30",
        "\"0.00000000000000000000000000001\"",
    ] {
        assert_eq!(
            report_error(&points(p)).code(),
            "perfrules::report::decimal_out_of_range",
            "{p}"
        );
    }
    // as text the report writes "1e30" is not a number at all
    assert_eq!(
        report_error(&points("\"1e30\"")).code(),
        "perfrules::report::bad_decimal"
    );
    // a rule file's literal
    let rules = format!("{HEADER}\nsection \"产出指标\" {{ indicator \"甲\" points 1000000000000000000000000000000 target >=1次 }}");
    assert_eq!(
        code_of(&syntax_errors(&rules)),
        ["perfrules::parse::number_out_of_range"]
    );
    let rules = format!("{HEADER}\nsection \"产出指标\" {{ indicator \"甲\" points 1 target >=1000000000000000000000000000000次 }}");
    assert_eq!(
        code_of(&syntax_errors(&rules)),
        ["perfrules::parse::bad_value"]
    );
    // a target or actual in a report: the indicator is not scored, with an error finding
    let card = score_one(
        "proportional",
        "2",
        ">=1000000000000000000000000000000次",
        "1次",
    );
    assert_eq!(the_score(&card), "0");
    assert!(card
        .findings
        .iter()
        .any(|f| f.code == "perfrules::eval::unreadable_value"));
}

/// Figures at the edge of exact decimals, through every method and operator: each ends in a
/// finding with a code (or, for a total, `perfrules::eval::overflow`), never a panic.
#[test]
fn arithmetic_beyond_exact_decimals_is_a_finding_at_every_operator() {
    let big = "70000000000000000000000000000";
    let small = "0.0000000000000000000000000001";
    let methods = [
        "proportional",
        "reverse_ratio",
        "reverse_linear",
        "all_or_nothing",
        "deduct 0.2 per 1% above target",
        "deduct 70000000000000000000000000000 per 0.0000000000000000000000000001% above target",
        "deduct 1 per 1次 below target, partial up",
        "bands { actual >= 90%: 5  actual < 90%: 60% of points }",
    ];
    let figures = [
        (big, format!(">={big}%"), format!("{small}%")),
        (big, format!("<={small}%"), format!("{big}%")),
        (big, format!("<=-{big}%"), format!("{big}%")),
        ("2", format!(">={small}%"), format!("-{big}%")),
        (small, format!("<={big}次"), format!("{big}万元")),
        (big, "=0%".to_string(), format!("-{big}%")),
    ];
    for method in methods {
        for (points, target, actual) in &figures {
            let rules = format!(
                "{HEADER}\nsection \"产出指标\" {{ any indicator {{ score {method} }} }}\ndefault {{ deadline: all_or_nothing  word: qualitative }}"
            );
            let Ok(policy) = try_policy("limits.pr", &rules, Lang::Zh) else {
                continue; // a method that does not fit every form (bands on counts)
            };
            let report = report(&one_row("测试指标", points, target, actual));
            match evaluate(&policy, &report) {
                Ok(card) => {
                    let s = &card.indicators[0];
                    if let (Some(score), Some(w)) = (s.score, s.points) {
                        assert!(
                            score >= perfrules::decimal::Dec::ZERO
                                && score <= w.max(perfrules::decimal::Dec::ZERO),
                            "{method} {target} {actual}: {score}"
                        );
                    }
                }
                Err(e) => assert!(
                    matches!(e, perfrules::eval::EvalError::Overflow { .. }),
                    "{method} {target} {actual}: {e:?}"
                ),
            }
        }
    }
    // derived actuals: overflow at `*`, `+`, `-`, `/` and in `round`
    for expr in [
        "budget.total.budget / budget.total.executed * budget.total.budget / budget.total.executed * 1%",
        "(budget.total.budget + budget.total.budget) / budget.total.executed * 1%",
        "(0元 - budget.total.budget - budget.total.budget) / budget.total.executed * 1%",
        "budget.total.budget / 0.0000000000000000000000000001元 * 1%",
        "round(budget.total.budget / budget.total.executed * 10, 2) * 1%",
        "-budget.total.budget / budget.total.executed * 2 * 1%",
    ] {
        let rules = derived(expr);
        let Ok(policy) = try_policy("limits.pr", &rules, Lang::Zh) else {
            panic!(
                "{expr}: {}",
                try_policy("limits.pr", &rules, Lang::Zh)
                    .err()
                    .unwrap_or_default()
            );
        };
        let report = report(&format!(
            r#"{{"unit": "x", "year": 2021, "budget": [{{"item": "总额", "budget": "{big}", "executed": "1"}}],
               "indicators": [{{"level1": "产出指标", "name": "预算完成率", "target": "100%", "actual": "100%"}}]}}"#
        ));
        let card = evaluate(&policy, &report).expect("scored");
        assert_eq!(the_score(&card), "0", "{expr}");
        assert!(
            card.findings
                .iter()
                .any(|f| f.code == "perfrules::eval::arithmetic"),
            "{expr}: {:?}",
            card.findings.iter().map(|f| &f.code).collect::<Vec<_>>()
        );
    }
}

// ── the diagnostics themselves ───────────────────────────────────────────────────────────

/// The diagnostics of limits too large for a fixture file, rendered in both languages.
#[test]
fn limit_diagnostics_read_well() {
    let render_syntax = |text: &str, lang| {
        let mut sources = Sources::new();
        let id = sources.add("limits.pr", text);
        syntax::parse(id, text)
            .err()
            .unwrap_or_default()
            .iter()
            .map(|e| diagnostic::syntax(e, &sources, lang).render(&Style::plain(lang)))
            .collect::<String>()
    };
    let big = format!(
        "{}\n#{}",
        requiring("true"),
        "x".repeat(MAX_RULE_FILE_BYTES)
    );
    // deep enough for the measure, not for pest's stack guard (where that fires depends on
    // the compiler's frame sizes)
    let deep = derived(&format!("{}100%", "if true then 100% else ".repeat(100)));
    let render_report = |text: &str, lang| {
        let e = report_error(text);
        diagnostic::report(&e, "limits.json", text, lang).render(&Style::plain(lang))
    };
    let many = format!(
        r#"{{"unit": "x", "year": 2021, "indicators": [{}]}}"#,
        rows(MAX_INDICATORS + 1)
    );
    let minified_long =
        one_row("测试指标", "2", ">=1次", &"完".repeat(MAX_VALUE_CHARS + 1)).replace('\n', "");
    let both =
        |f: &dyn Fn(Lang) -> String| format!("{}\n---- en ----\n{}", f(Lang::Zh), f(Lang::En));
    insta::assert_snapshot!("limits__file_too_large", both(&|l| render_syntax(&big, l)));
    insta::assert_snapshot!(
        "limits__too_deep_else_if",
        both(&|l| render_syntax(&deep, l))
    );
    insta::assert_snapshot!("limits__too_many_rows", both(&|l| render_report(&many, l)));
    insta::assert_snapshot!(
        "limits__text_too_long_on_one_line",
        both(&|l| render_report(&minified_long, l))
    );
}

// ── checks and their findings ────────────────────────────────────────────────────────────

fn with_checks(n: usize) -> String {
    let mut text = format!("{HEADER}\nsection \"产出指标\" {{ any indicator }}\ndefault {{ at_least: proportional }}\n");
    for i in 0..n {
        text.push_str(&format!(
            "check c{i} \"总是不成立\" {{\n  for each indicator\n  require false\n  else info \"第 {i} 条\"\n}}\n"
        ));
    }
    text
}

#[test]
fn a_rule_file_holds_at_most_the_limit_of_checks() {
    try_policy("limits.pr", &with_checks(MAX_CHECKS), Lang::Zh).expect("the limit is allowed");
    let err = try_policy("limits.pr", &with_checks(MAX_CHECKS + 1), Lang::Zh).expect_err("refused");
    assert!(err.contains("perfrules::check::too_many_checks"), "{err}");
    assert_eq!(err.matches("perfrules::").count(), 1);
}

/// 2 checks that never hold over 6,000 rows raise 12,000 findings: the first 10,000 are
/// kept, the other 2,000 counted in one error finding; the scores are those of a report
/// without checks.
#[test]
fn findings_beyond_the_limit_are_counted_not_kept() {
    let policy = policy(&with_checks(2));
    let report = report(&format!(
        r#"{{"unit": "x", "year": 2021, "indicators": [{}]}}"#,
        vec![r#"{"level1": "产出指标", "name": "指标", "points": "1", "target": ">=2次", "actual": "1次"}"#; 6_000].join(",")
    ));
    let card = evaluate(&policy, &report).expect("scored");
    let raised = card
        .findings
        .iter()
        .filter(|f| f.code.starts_with("rules::"))
        .count();
    assert_eq!(raised, MAX_FINDINGS);
    let over: Vec<_> = card
        .findings
        .iter()
        .filter(|f| f.code == "perfrules::eval::too_many_findings")
        .collect();
    assert_eq!(over.len(), 1);
    assert!(matches!(
        over[0].message,
        perfrules::scorecard::FindingMessage::Engine(
            perfrules::scorecard::EngineFinding::TooManyFindings {
                limit: MAX_FINDINGS,
                more: 2_000
            }
        )
    ));
    // 6,000 rows at 1 ÷ 2 × 1 = 0.5 each
    assert_eq!(card.raw_total.to_string(), "3000");
    // at the limit exactly, no such finding
    let report = report_at(MAX_FINDINGS / 2);
    let card = evaluate(&policy, &report).expect("scored");
    assert!(!card
        .findings
        .iter()
        .any(|f| f.code == "perfrules::eval::too_many_findings"));
}

fn report_at(rows: usize) -> Report {
    report(&format!(
        r#"{{"unit": "x", "year": 2021, "indicators": [{}]}}"#,
        vec![r#"{"level1": "产出指标", "name": "指标", "points": "1", "target": ">=2次", "actual": "1次"}"#; rows].join(",")
    ))
}
