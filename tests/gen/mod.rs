//! proptest strategies for the property tests: rule files (settings, a method for each form of
//! target, named indicators, an execution item) and reports (rows with every form of target,
//! messy values, units, claimed bounds, blanks; budget tables). Every generated rule file
//! checks — a file that does not is a bug of the generator, and the tests say so.
#![allow(dead_code)]

use proptest::prelude::*;

/// A decimal as a report writes it: `0`–`n` with up to `places` places (`12.5`, `0.07`).
pub fn decimal(n: u32, places: u32) -> impl Strategy<Value = String> {
    (0..=n * 100, 0..=places).prop_map(|(v, p)| {
        let scaled = v / 10u32.pow(2 - p.min(2));
        let s = format!("{scaled}");
        if p == 0 {
            s
        } else {
            let p = p.min(2) as usize;
            let s = format!("{:0>width$}", s, width = p + 1);
            let (whole, frac) = s.split_at(s.len() - p);
            format!("{whole}.{frac}")
        }
    })
}

/// Full-width digits and signs, as units sometimes type them.
pub fn full_width(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '0'..='9' => char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap_or(c),
            '%' => '％',
            '.' => '．',
            _ => c,
        })
        .collect()
}

fn maybe_full_width(s: impl Strategy<Value = String>) -> impl Strategy<Value = String> {
    (s, prop::bool::weighted(0.15)).prop_map(|(s, fw)| if fw { full_width(&s) } else { s })
}

const AT_LEAST: &[&str] = &[">=", "≥", ">", "不低于", "＞＝", "≧"];
const EQUAL: &[&str] = &["=", "", "＝", "﹦"];
const AT_MOST: &[&str] = &["<=", "≤", "<", "不超过", "≦"];
const UNITS: &[&str] = &["%", "次", "", "个", "人次", "万元"];
const PERIODS: &[&str] = &[
    "1季度",
    "2季度",
    "第四季度",
    "11月",
    "12月底",
    "2021年12月底前",
    "2021年6月30日",
    "2021-09-30",
    "上半年",
    "年底",
    "2022年3月",
];
const WORDS: &[&str] = &[
    "完整",
    "合规",
    "完成",
    "达成",
    "有效提升",
    "较完整",
    "基本完成",
    "部分完成",
    "未完成",
    "未开展",
    "无",
    "否",
    "较好",
    "提升",
    "良好",
];
const BLANKS: &[&str] = &["", " ", "/", "-", "—"];

fn pick(options: &'static [&'static str]) -> impl Strategy<Value = String> {
    prop::sample::select(options).prop_map(str::to_string)
}

/// A numeric value: an optional comparison, a number, a unit, with spaces and full width
/// now and then; `以上`/`以内` written after the number too.
pub fn quantity(ops: &'static [&'static str]) -> impl Strategy<Value = String> {
    let plain = (
        pick(ops),
        decimal(150, 2),
        pick(UNITS),
        prop::bool::weighted(0.1),
    )
        .prop_map(|(op, n, u, space)| format!("{op}{}{n}{u}", if space { " " } else { "" }));
    maybe_full_width(plain)
}

/// A target in any form a report writes one, or none.
pub fn target() -> impl Strategy<Value = Option<String>> {
    prop_oneof![
        4 => quantity(AT_LEAST).prop_map(Some),
        2 => quantity(EQUAL).prop_map(Some),
        3 => quantity(AT_MOST).prop_map(Some),
        1 => (decimal(100, 1), pick(&["以上", "以内"])).prop_map(|(n, s)| Some(format!("{n}%{s}"))),
        2 => pick(PERIODS).prop_map(Some),
        2 => pick(&["完整", "合规", "有效提升", "按期运维"]).prop_map(Some),
        1 => pick(BLANKS).prop_map(Some),
        1 => Just(None),
    ]
}

/// An actual in any form a report writes one: a measurement, a claimed bound, a word, a
/// period, a blank, or none.
pub fn actual() -> impl Strategy<Value = Option<String>> {
    prop_oneof![
        6 => maybe_full_width((decimal(150, 2), pick(UNITS)).prop_map(|(n, u)| format!("{n}{u}"))).prop_map(Some),
        1 => quantity(&[">=", ">", "<=", "≥", "="]).prop_map(Some),
        2 => pick(PERIODS).prop_map(Some),
        3 => pick(WORDS).prop_map(Some),
        1 => pick(BLANKS).prop_map(Some),
        1 => Just(None),
        1 => "[a-z一二三]{0,6}".prop_map(Some),
    ]
}

/// Points as units declare them: mostly whole, sometimes with places (`2.5`, `3.75`), now
/// and then more places than scores are rounded to (`2.345`), zero, or none.
pub fn points() -> impl Strategy<Value = Option<String>> {
    prop_oneof![
        6 => (1u32..=20).prop_map(|n| Some(n.to_string())),
        2 => decimal(20, 2).prop_map(Some),
        1 => pick(&["0", "2.345", "0.001", "7.125", "33.333"]).prop_map(Some),
        1 => Just(None),
    ]
}

/// One row of the indicator table, as JSON.
pub fn row(index: usize) -> impl Strategy<Value = serde_json::Value> {
    (
        pick(&["产出指标", "效益指标", "效果指标", "满意度指标", "其他指标"]),
        prop::option::weighted(0.5, pick(&["数量指标", "质量指标", "时效指标"])),
        points(),
        target(),
        actual(),
        prop::option::weighted(0.3, Just("原因已说明".to_string())),
        prop::option::weighted(0.3, decimal(20, 2)),
    )
        .prop_map(
            move |(level1, level2, points, target, actual, reason, self_score)| {
                let mut row = serde_json::json!({
                    "level1": level1,
                    "name": format!("指标{index}"),
                });
                let set = |row: &mut serde_json::Value, key: &str, v: Option<String>| {
                    if let Some(v) = v {
                        row[key] = serde_json::Value::String(v);
                    }
                };
                set(&mut row, "level2", level2);
                set(&mut row, "points", points);
                set(&mut row, "target", target);
                set(&mut row, "actual", actual);
                set(&mut row, "reason", reason);
                set(&mut row, "self_score", self_score);
                row
            },
        )
}

/// A budget table: a total row and rows under one heading, or nothing.
pub fn budget() -> impl Strategy<Value = Vec<serde_json::Value>> {
    prop_oneof![
        1 => Just(Vec::new()),
        3 => (decimal(100_000, 2), decimal(100_000, 2), 0usize..3).prop_map(|(b, e, under)| {
            let mut rows = vec![serde_json::json!({"item": "预算总额", "budget": b, "executed": e})];
            for i in 0..under {
                rows.push(serde_json::json!({"item": format!("分项{i}"), "parent": "资金来源", "budget": b, "executed": e, "rate": "100"}));
            }
            rows
        }),
    ]
}

/// A report of 0–12 rows, and a budget table.
pub fn report() -> impl Strategy<Value = String> {
    (0usize..12)
        .prop_flat_map(|n| {
            let rows: Vec<_> = (0..n).map(row).collect();
            (rows, budget(), prop::option::weighted(0.2, decimal(100, 2)))
        })
        .prop_map(|(rows, budget, self_total)| {
            let mut report = serde_json::json!({
                "unit": "生成单位",
                "year": 2021,
                "kind": "部门整体支出",
                "budget": budget,
                "indicators": rows,
            });
            if let Some(t) = self_total {
                report["self_total"] = serde_json::Value::String(t);
            }
            report.to_string()
        })
}

// ── rule files ───────────────────────────────────────────────────────────────────────────

/// `partial exact|up|down` and `floor F`, each sometimes.
fn deduct_options() -> impl Strategy<Value = String> {
    (
        prop::option::of(pick(&["exact", "up", "down"])),
        prop::option::of(pick(&["0", "0.5", "1"])),
    )
        .prop_map(|(partial, floor)| {
            let mut s = String::new();
            if let Some(p) = partial {
                s.push_str(&format!(", partial {p}"));
            }
            if let Some(f) = floor {
                s.push_str(&format!(", floor {f}"));
            }
            s
        })
}

/// Bands that never score a higher actual lower (`ascending`) or a lower actual lower
/// (descending), in percent.
pub fn bands(ascending: bool) -> impl Strategy<Value = String> {
    (
        prop::collection::btree_set(1u32..100, 1..4),
        prop::collection::vec(0u32..=100, 4),
    )
        .prop_map(move |(cuts, mut shares)| {
            let cuts: Vec<u32> = cuts.into_iter().collect();
            shares.truncate(cuts.len() + 1);
            shares.sort_unstable();
            if !ascending {
                shares.reverse();
            }
            let mut out = String::from("bands {");
            for (i, share) in shares.iter().enumerate() {
                let range = if i == 0 {
                    format!("actual < {}%", cuts[0])
                } else if i == cuts.len() {
                    format!("actual >= {}%", cuts[i - 1])
                } else {
                    format!("{}% <= actual < {}%", cuts[i - 1], cuts[i])
                };
                out.push_str(&format!("  {range}: {share}% of points"));
            }
            out.push_str(" }");
            out
        })
}

/// A method for targets a unit should reach or pass (`>=`, `=`).
pub fn at_least_method() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => Just("proportional".to_string()),
        1 => Just("all_or_nothing".to_string()),
        2 => (pick(&["0.2", "0.5", "1"]), pick(&["1%", "5%", "0.5%"]), deduct_options())
            .prop_map(|(d, s, o)| format!("deduct {d} per {s} below target{o}")),
        1 => bands(true),
    ]
}

/// A method for targets a unit should stay under (`<=`).
pub fn at_most_method() -> impl Strategy<Value = String> {
    prop_oneof![
        2 => Just("reverse_linear".to_string()),
        2 => Just("reverse_ratio".to_string()),
        1 => Just("all_or_nothing".to_string()),
        2 => (pick(&["0.2", "0.4", "1"]), pick(&["1%", "2%"]), deduct_options())
            .prop_map(|(d, s, o)| format!("deduct {d} per {s} above target{o}")),
        1 => bands(false),
    ]
}

/// What a generated policy holds, to decide which properties apply.
#[derive(Clone, Debug)]
pub struct GenPolicy {
    pub text: String,
    pub at_least: String,
    pub at_most: String,
    pub equal: String,
}

/// A whole rule file: header settings, units, actuals, a vocabulary, defaults for every
/// form, sections of `any indicator`, sometimes named indicators and an execution item, and
/// checks.
pub fn policy() -> impl Strategy<Value = GenPolicy> {
    (
        (
            prop::bool::ANY,
            0u32..=4,
            pick(&["half_up", "half_even", "down", "up"]),
            prop::option::of((0u32..=3, pick(&["half_up", "down"]))),
            pick(&["as_bound", "zero"]),
            prop::bool::ANY,
        ),
        (
            at_least_method(),
            at_least_method(),
            at_most_method(),
            prop_oneof![
                Just("all_or_nothing".to_string()),
                pick(&["0.5", "1"]).prop_map(|d| format!("deduct {d} per 1 month late")),
            ],
            (0u32..=3, 0u32..=2),
        ),
        (prop::bool::ANY, prop::bool::ANY, prop::bool::ANY),
    )
        .prop_map(
            |(
                (rescale, places, mode, total_round, claimed, empty_not_done),
                (at_least, equal, at_most, deadline, (partly, partly_band)),
                (named, execution, checks),
            )| {
                let mut t = String::new();
                t.push_str("policy \"生成的规则\" {\n  year 2021\n  full_marks 100\n");
                if rescale {
                    t.push_str("  rescale\n");
                }
                t.push_str(&format!("  round indicator {places} {mode}\n"));
                if let Some((p, m)) = total_round {
                    t.push_str(&format!("  round total {p} {m}\n"));
                }
                t.push_str("  grades { 优 >= 90, 良 >= 80, 中 >= 60, 差 }\n}\n");
                t.push_str("units { 次 个 人 人次 元 万元 = 10000 元  人 ~ 人次 warning }\n");
                t.push_str(&format!(
                    "actuals {{ not_done \"未开展\" \"未完成\"{}  claimed_bound {claimed} }}\n",
                    if empty_not_done { " empty" } else { "" }
                ));
                let partly_share = ["50%", "60%", "70%", "40%"][partly as usize];
                let partly = match partly_band {
                    0 => partly_share.to_string(),
                    _ => format!("[40%, 80%) default {partly_share}"),
                };
                t.push_str(&format!(
                    "vocabulary {{\n  achieved 100%: same_as_target, \"完成\", \"达成\", \"合规\", \"完整\"\n  partly {partly}: prefix \"较\", prefix \"基本\", prefix \"部分\"\n  not_achieved 0%: prefix \"未\", \"无\", \"否\"\n}}\n"
                ));
                t.push_str(&format!(
                    "default {{\n  at_least: {at_least}\n  equal: {equal}\n  at_most: {at_most}\n  deadline: {deadline}\n  word: qualitative\n}}\n"
                ));
                if named {
                    t.push_str("section \"投入管理指标\" {\n  indicator \"预算完成率\" points 3 target 100% {\n    actual = budget.total.executed / budget.total.budget * 100%\n    score proportional\n  }\n  indicator \"政府采购合规性\" points 2 target \"合规\"\n  indicator \"结转结余率\" points 2 target <= 5% { score deduct 0.4 per 1% above target, partial exact }\n}\n");
                }
                if execution {
                    t.push_str("execution \"预算执行率\" points 10 target 100% {\n  actual = if budget.total.budget == 0 then 0% else budget.total.executed / budget.total.budget * 100%\n  score proportional\n}\n");
                }
                t.push_str("section \"产出指标\" { any indicator }\nsection \"效益指标\" alias \"效果指标\" { any indicator }\nsection \"满意度指标\" { any indicator }\n");
                if checks {
                    t.push_str("check self_score \"自评分与复核得分不一致\" {\n  for each indicator\n  when present(indicator.self_score) and present(indicator.score)\n  require indicator.self_score == indicator.score\n  else warning \"自评分 {indicator.self_score}，复核得分 {indicator.score}\"\n    en \"self-score {indicator.self_score}, re-checked score {indicator.score}\"\n}\ncheck lost \"失分未说明原因\" {\n  for each indicator\n  when present(indicator.score) and indicator.score < indicator.points\n  require present(indicator.reason)\n  else info \"得分 {indicator.score} 低于分值 {indicator.points}\"\n}\n");
                }
                GenPolicy {
                    text: t,
                    at_least,
                    at_most,
                    equal,
                }
            },
        )
}

// ── expressions, for the syntax alone ────────────────────────────────────────────────────

/// An expression as someone might write it: any operator in any width (`×`, `÷`, `≠`, `≤`),
/// unary `not` and `-` stacked, brackets where they are needed and where they are not,
/// calls, lists, `if … then … else …` anywhere, literals with units, strings with escapes,
/// paths with keys. It need not type-check: it is for the parser and `fmt`.
pub fn expr_text() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        pick(&["0", "1", "2.50", "100%", "14次", "0.2", "85.5%", "1万元"]),
        pick(&["true", "false"]),
        pick(&[
            "indicator.score",
            "indicator.points",
            "budget.total.executed",
            "budget[\"财政拨款\"].rate",
            "row.rate",
            "report.max_points",
            "sections[\"满意度指标\"].indicators",
        ]),
        pick(&["\"at_least\"", "\"a\\\"b\"", "\"完整\"", "\"{x}\""]),
    ];
    leaf.prop_recursive(6, 48, 3, |inner| {
        let op = pick(&[
            "or", "and", "in", "==", "!=", "≠", "<", "<=", "≤", ">", ">=", "≥", "+", "-", "*",
            "×", "/", "÷",
        ]);
        prop_oneof![
            3 => (inner.clone(), op, inner.clone()).prop_map(|(l, o, r)| format!("{l} {o} {r}")),
            2 => inner.clone().prop_map(|e| format!("({e})")),
            1 => inner.clone().prop_map(|e| format!("not {e}")),
            1 => inner.clone().prop_map(|e| format!("-{e}")),
            1 => inner.clone().prop_map(|e| format!("- {e}")),
            1 => (pick(&["min", "max", "round", "abs", "present", "round_like"]), prop::collection::vec(inner.clone(), 1..3))
                .prop_map(|(f, args)| format!("{f}({})", args.join(", "))),
            1 => prop::collection::vec(inner.clone(), 2..4).prop_map(|items| format!("({})", items.join(", "))),
            1 => (inner.clone(), inner.clone(), inner.clone())
                .prop_map(|(c, a, b)| format!("if {c} then {a} else {b}")),
        ]
    })
}

// ── cells, for the value reader alone ────────────────────────────────────────────────────

/// A cell made of the pieces values are made of — digits in both widths, signs and
/// comparisons, separators, points, units, percent signs, period words, suffixes, spaces —
/// in any order: for the fast path of the value reader against the grammar.
pub fn cell_text() -> impl Strategy<Value = String> {
    let piece = pick(&[
        "0",
        "1",
        "2",
        "5",
        "9",
        "12",
        "100",
        "１",
        "０",
        "２",
        ".",
        "．",
        ",",
        "，",
        "-",
        "－",
        "+",
        ">=",
        ">",
        "<=",
        "<",
        "=",
        "==",
        "≥",
        "≤",
        "≧",
        "≦",
        "＞",
        "＜",
        "＝",
        "﹦",
        "＞＝",
        "=>",
        "不低于",
        "不超过",
        "至少",
        "超过",
        "低于",
        "%",
        "％",
        "百分比",
        "次",
        "人次",
        "万元",
        "个",
        "年",
        "月",
        "日",
        "号",
        "季度",
        "第",
        "四",
        "底",
        "末",
        "份",
        "前",
        "之前",
        "以上",
        "以内",
        "内",
        "上半年",
        "年底",
        " ",
        "\u{3000}",
        "\u{a0}",
        "/",
        "—",
        "完成",
        "较",
        "未",
        "²",
        "·",
        "km",
        "e",
        "（",
        "）",
        "实际",
    ]);
    prop::collection::vec(piece, 0..8).prop_map(|pieces| pieces.concat())
}
