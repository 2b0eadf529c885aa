//! Random valid reports for each policy, from a seed: every form of target (at least, equal,
//! at most, deadlines, words, blanks, none), values written the messy ways units write them
//! (full width, spaces, thousands separators, suffixes, claimed bounds, units that do not
//! match, not-done words), budget tables with and without a total row, total rows of zero.

use super::policy2021::{FIXED, OWN_SECTIONS};
use super::score::{ACHIEVED, NOT_DONE};
use serde_json::{json, Value};

/// SplitMix64: small, fast, and the same sequence everywhere for a seed.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// 0 ≤ n < `bound`.
    pub fn below(&mut self, bound: u64) -> u64 {
        self.next() % bound.max(1)
    }

    /// True `percent` times in a hundred.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }

    /// One of some words.
    pub fn word(&mut self, items: &[&'static str]) -> &'static str {
        items[self.below(items.len() as u64) as usize]
    }

    /// A decimal from 0 to `max` with up to `places` places, as digits (`12.5`, `0.07`).
    pub fn decimal(&mut self, max: u64, places: u32) -> String {
        let places = self.below(places as u64 + 1) as u32;
        let scale = 10u64.pow(places);
        let n = self.below(max * scale + 1);
        if places == 0 {
            n.to_string()
        } else {
            format!(
                "{}.{:0width$}",
                n / scale,
                n % scale,
                width = places as usize
            )
        }
    }
}

/// Full-width digits, point and percent sign.
fn full_width(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '0'..='9' => char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap_or(c),
            '.' => '．',
            '%' => '％',
            _ => c,
        })
        .collect()
}

/// `1234567.8` → `1,234,567.8`.
fn thousands(s: &str) -> String {
    let (int, frac) = s.split_once('.').map_or((s, None), |(i, f)| (i, Some(f)));
    let mut out = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

/// A number as a unit writes it: sometimes with thousands separators, sometimes in full width.
fn messy(rng: &mut Rng, n: &str) -> String {
    let n = if n.len() > 4 && !n.contains('.') && rng.chance(30) {
        thousands(n)
    } else {
        n.to_string()
    };
    if rng.chance(8) {
        full_width(&n)
    } else {
        n
    }
}

/// `n` with its unit: `85%`, `85 %`, `85百分比`, `14次`, `100 个`, `14`.
fn with_unit(rng: &mut Rng, n: &str, unit: &str) -> String {
    let n = messy(rng, n);
    match unit {
        "%" if rng.chance(5) => format!("{n}百分比"),
        "%" if rng.chance(5) => format!("{n}％"),
        "%" if rng.chance(5) => format!("{n} %"),
        u if !u.is_empty() && !u.is_ascii() && rng.chance(10) => format!("{n} {u}"),
        u => format!("{n}{u}"),
    }
}

const AT_LEAST: &[&str] = &[">=", "≥", "≧", ">", "＞＝", "不低于"];
const EQUAL: &[&str] = &["=", "＝", "﹦", "", "", ""];
const AT_MOST: &[&str] = &["<=", "≤", "≦", "<", "不超过"];

const PARTLY: &[&str] = &[
    "较好",
    "较完整",
    "基本完成",
    "基本合规",
    "部分完成",
    "部分达成",
];
const NOT_ACHIEVED: &[&str] = &["未达到", "未达成", "不完整", "不合格", "无", "否"];
const UNKNOWN: &[&str] = &["良好", "一般", "优秀", "按计划推进", "有效提升"];
const BLANK: &[&str] = &["", " ", "/", "-", "—", "／"];

/// A qualitative actual for a word target.
fn word_actual(rng: &mut Rng, target: &str) -> Option<String> {
    Some(match rng.below(10) {
        0 | 1 => target.to_string(),
        2 | 3 => rng.pick(ACHIEVED).to_string(),
        4 | 5 => rng.pick(PARTLY).to_string(),
        6 => rng.pick(NOT_ACHIEVED).to_string(),
        7 => rng.pick(UNKNOWN).to_string(),
        8 => rng.pick(NOT_DONE).to_string(),
        _ => return blank(rng),
    })
}

fn blank(rng: &mut Rng) -> Option<String> {
    rng.chance(70).then(|| rng.pick(BLANK).to_string())
}

/// Periods of the report's year (or none) that a target or actual names.
fn period(rng: &mut Rng, year: i64) -> String {
    let q = ["一", "二", "三", "四"];
    match rng.below(12) {
        0 => format!("{}季度", 1 + rng.below(4)),
        1 => format!("第{}季度", rng.pick(&q)),
        2 => format!("{}月", 1 + rng.below(12)),
        3 => format!("{}月底", 1 + rng.below(12)),
        4 => format!("{year}年{}月底前", 1 + rng.below(12)),
        5 => format!("{year}年{}月{}日", 1 + rng.below(12), 1 + rng.below(28)),
        6 => format!("{year}-{:02}-{:02}", 1 + rng.below(12), 1 + rng.below(28)),
        7 => rng.pick(&["上半年", "下半年", "年底"]).to_string(),
        8 => format!("{}年{}月", year + rng.below(2) as i64, 1 + rng.below(12)),
        9 => format!("{}月{}日", 1 + rng.below(12), 1 + rng.below(28)),
        10 => format!("{}年{}月", year - 1, 1 + rng.below(12)),
        _ => format!("第{}季度", 1 + rng.below(4)),
    }
}

/// A unit for a numeric indicator: percent, a count, sometimes money (`money`: the policy
/// converts 元, 万元, 亿元).
fn unit(rng: &mut Rng, money: bool) -> &'static str {
    let units: &[&'static str] = if money {
        &[
            "%", "%", "次", "个", "人", "人次", "", "元", "万元", "亿元", "场", "天",
        ]
    } else {
        &["%", "%", "次", "个", "人", "人次", "", "场", "份", "篇"]
    };
    rng.word(units)
}

/// Another unit of the same kind (人 ↔ 人次, money ↔ money), or the same.
fn sibling(rng: &mut Rng, unit: &'static str, money: bool) -> &'static str {
    match unit {
        "人" if rng.chance(30) => "人次",
        "人次" if rng.chance(30) => "人",
        "元" | "万元" | "亿元" if money && rng.chance(50) => rng.word(&["元", "万元", "亿元"]),
        "" => rng.word(&["", "%", "次"]),
        _ if rng.chance(15) => "",
        u => u,
    }
}

/// A numeric target and its actual, in the form `ops` writes.
fn numeric(
    rng: &mut Rng,
    ops: &[&str],
    money: bool,
    suffix: &str,
) -> (Option<String>, Option<String>) {
    let u = unit(rng, money);
    let a = if rng.chance(6) {
        "0".to_string()
    } else {
        rng.decimal(if u == "%" { 100 } else { 500 }, 2)
    };
    let op = rng.pick(ops);
    let target = if !suffix.is_empty() && u == "%" && rng.chance(15) {
        format!("{}%{suffix}", messy(rng, &a))
    } else {
        format!("{op}{}", with_unit(rng, &a, u))
    };
    // the actual: around the target mostly, anything now and then
    let b = match rng.below(10) {
        0 => a.clone(),
        1 => "0".to_string(),
        2 if rng.chance(20) => format!("-{}", rng.decimal(50, 1)),
        _ => rng.decimal(if u == "%" { 150 } else { 800 }, 2),
    };
    let actual = match rng.below(20) {
        0 => format!(
            "{}{}",
            rng.pick(&[">=", ">", "≥", "<=", "="]),
            with_unit(rng, &b, u)
        ),
        1 => rng.pick(NOT_DONE).to_string(),
        2 => rng.pick(ACHIEVED).to_string(),
        3 => return (Some(target), blank(rng)),
        4 => {
            let other = *rng.pick(&["%", "次", "个", "天"]);
            with_unit(rng, &b, other)
        }
        _ => {
            let unit = sibling(rng, u, money);
            with_unit(rng, &b, unit)
        }
    };
    (Some(target), Some(actual))
}

/// A target of any form and an actual for it.
fn target_and_actual(rng: &mut Rng, year: i64, money: bool) -> (Option<String>, Option<String>) {
    match rng.below(20) {
        0..=5 => numeric(rng, AT_LEAST, money, "以上"),
        6..=8 => numeric(rng, EQUAL, money, ""),
        9..=12 => numeric(rng, AT_MOST, money, "以内"),
        13..=15 => {
            let target = period(rng, year);
            let actual = match rng.below(10) {
                0 => rng.pick(&["按期完成", "已完成"]).to_string(),
                1 => rng.pick(NOT_DONE).to_string(),
                2 => return (Some(target), blank(rng)),
                _ => period(rng, year),
            };
            (Some(target), Some(actual))
        }
        16..=18 => {
            let target = rng
                .pick(&[
                    "完整",
                    "合规",
                    "有效提升",
                    "按期运维",
                    "契合",
                    "准确",
                    "明显改善",
                ])
                .to_string();
            let actual = word_actual(rng, &target);
            (Some(target), actual)
        }
        _ => {
            let (_, actual) = numeric(rng, AT_LEAST, money, "");
            (blank(rng), actual)
        }
    }
}

/// A diligent unit's actual: `good` times in a hundred, the target reached exactly — the
/// target's own figure (without its comparison), period or word — so that reports reach
/// every grade, and totals near the thresholds.
fn diligent(
    rng: &mut Rng,
    good: u64,
    (target, actual): (Option<String>, Option<String>),
) -> (Option<String>, Option<String>) {
    let Some(t) = target.as_deref().filter(|_| rng.chance(good)) else {
        return (target, actual);
    };
    let mut met = t.trim();
    for op in AT_LEAST
        .iter()
        .chain(EQUAL)
        .chain(AT_MOST)
        .filter(|o| !o.is_empty())
    {
        if let Some(rest) = met.strip_prefix(op) {
            met = rest;
            break;
        }
    }
    let met = met
        .trim_end_matches("以上")
        .trim_end_matches("以内")
        .to_string();
    (target, Some(met))
}

/// Points as units declare them: whole, with one or two places, zero, as a JSON number, or
/// missing.
fn points(rng: &mut Rng) -> Option<Value> {
    match rng.below(20) {
        0 => None,
        1 => Some(json!("0")),
        2 | 3 => Some(json!(rng.decimal(10, 2))),
        4 => Some(Value::Number(serde_json::Number::from_string_unchecked(
            rng.decimal(15, 1),
        ))),
        _ => Some(json!((1 + rng.below(10)).to_string())),
    }
}

/// A figure of the budget table as a JSON string (thousands separators sometimes) or number.
fn figure(rng: &mut Rng, digits: &str) -> Value {
    match rng.below(10) {
        0 => Value::Number(serde_json::Number::from_string_unchecked(
            digits.to_string(),
        )),
        1 if !digits.contains('.') => json!(thousands(digits)),
        _ => json!(digits),
    }
}

fn indicator(
    level1: &str,
    name: &str,
    points: Option<Value>,
    (target, actual): (Option<String>, Option<String>),
    rng: &mut Rng,
) -> Value {
    let mut row = json!({ "level1": level1, "name": name });
    if rng.chance(70) {
        row["level2"] = json!(rng.pick(&["数量指标", "质量指标", "时效指标", "成本指标", ""]));
    }
    if let Some(p) = points {
        row["points"] = p;
    }
    if let Some(t) = target {
        row["target"] = json!(t);
    }
    if let Some(a) = actual {
        row["actual"] = json!(a);
    }
    if rng.chance(40) {
        row["reason"] = json!("原因已在报告中说明");
    }
    if rng.chance(40) {
        row["self_score"] = json!(rng.decimal(10, 2));
    }
    row
}

/// A report for policy-2021 (部门整体支出).
pub fn report_2021(rng: &mut Rng) -> Value {
    let year = if rng.chance(90) {
        2021
    } else {
        *rng.pick(&[2020, 2022])
    };
    let good = *rng.pick(&[0, 40, 70, 90, 97]);
    let mut rows = Vec::new();
    for (name, _) in FIXED {
        if !rng.chance(88) {
            continue;
        }
        let written_name = match *name {
            "“三公经费”控制率" => {
                rng.pick(&["“三公经费”控制率", "\"三公经费\"控制率", "三公经费控制率"])
            }
            n => n,
        };
        let pair = fixed_values(rng, name);
        let pair = diligent(rng, good, pair);
        rows.push(indicator(
            "投入管理指标",
            written_name,
            points(rng),
            pair,
            rng,
        ));
    }
    for i in 0..rng.below(22) {
        let level1 = rng.pick(OWN_SECTIONS);
        let pair = target_and_actual(rng, year, false);
        let pair = diligent(rng, good, pair);
        rows.push(indicator(
            level1,
            &format!("自设指标{i}"),
            points(rng),
            pair,
            rng,
        ));
    }
    // the unit's rows, in an order of its own
    if rng.chance(30) {
        let k = rng.below(rows.len() as u64 + 1) as usize;
        let len = rows.len();
        rows.rotate_left(k.min(len));
    }
    let mut report = json!({
        "unit": format!("生成单位{}", rng.below(1000)),
        "year": year,
        "kind": "部门整体支出",
        "indicators": rows,
    });
    if let Some(budget) = budget(rng, "部门整体预算总额", &["资金来源", "资金结构"])
    {
        report["budget"] = budget;
    }
    report
}

/// Targets and actuals for a fixed indicator of policy-2021 §2 (its own target as written
/// sometimes, another now and then: the policy's replaces it).
fn fixed_values(rng: &mut Rng, name: &str) -> (Option<String>, Option<String>) {
    let percent = |rng: &mut Rng, around: u64| -> String {
        let n = match rng.below(10) {
            0 => around.to_string(),
            1 => rng.decimal(around * 3 / 2 + 2, 2),
            _ => {
                // near the target: from 80% of it to a half above
                let whole = around.saturating_sub(around / 5) + rng.below(around / 2 + 3);
                format!("{whole}.{}", rng.below(100))
            }
        };
        match rng.below(12) {
            0 => n.to_string(),
            1 => format!("={n}%"),
            2 => format!("<={n}%"),
            3 => full_width(&format!("{n}%")),
            4 => format!("{n}次"),
            5 => rng.pick(NOT_DONE).to_string(),
            6 => String::new(),
            _ => format!("{n}%"),
        }
    };
    let (target, actual) = match name {
        "公用经费控制率" | "“三公经费”控制率" => ("<=100%", percent(rng, 100)),
        "结转结余率" => ("<=5%", percent(rng, 5)),
        "预决算信息公开及时准确率" | "预算完成率" => ("100%", percent(rng, 100)),
        n => {
            let word = match n {
                "预算编制完整性" => "完整",
                "预算编制准确性" => "准确",
                "绩效目标明确合理性" => "明确合理",
                "财政监督管理制度有效性" => "有效",
                "资产管理制度健全性" => "健全",
                _ => "合规",
            };
            let actual = word_actual(rng, word).unwrap_or_default();
            (word, actual)
        }
    };
    let target = match rng.below(10) {
        0 => None,
        1 => Some(rng.pick(&["完成", ">=90%", "<=5%", "合规"]).to_string()),
        _ => Some(target.to_string()),
    };
    (
        target,
        (!actual.is_empty() || rng.chance(50)).then_some(actual),
    )
}

/// A budget and an amount executed whose ratio does not end in decimals (÷ 3, ÷ 7) while
/// the score it gives does, exactly on a midpoint: 3 × 5090 ÷ 6000 = 2.545 (policy-2021's
/// 预算完成率 of 3 points), 10 × 3 ÷ 7… for the execution row. Rounding the quotient
/// before multiplying by the points lands on the wrong side of the midpoint.
fn awkward_ratio(rng: &mut Rng) -> (String, String) {
    let m = 1 + rng.below(50);
    match rng.below(3) {
        0 => {
            // a score s = x.xx5 of 3 points: executed = budget × s ÷ 3, budget = 6000 × m
            let s_thousandths = 10 * rng.below(300) + 5;
            ((6000 * m).to_string(), (2 * m * s_thousandths).to_string())
        }
        1 => {
            // thirds and sevenths of a round budget
            let d = *rng.pick(&[3u64, 6, 7, 9, 12, 21]);
            let b = d * 1000 * m;
            (b.to_string(), (rng.below(b + 1)).to_string())
        }
        _ => {
            let b = 3 * (1 + rng.below(9_999));
            (
                format!("{}.{:02}", b / 100, b % 100),
                rng.decimal(b / 100 + 1, 2),
            )
        }
    }
}

/// A budget table: a total row named `total`, rows under `headings`; sometimes none, two
/// totals, a total row of zero.
fn budget(rng: &mut Rng, total: &str, headings: &[&str]) -> Option<Value> {
    if rng.chance(8) {
        return None;
    }
    let (budget, executed) = if rng.chance(15) {
        awkward_ratio(rng)
    } else {
        let budget = match rng.below(12) {
            0 => "0".to_string(),
            _ => rng.decimal(50_000_000, 2),
        };
        let executed = match rng.below(12) {
            0 => "0".to_string(),
            1 => budget.clone(),
            _ => rng.decimal(60_000_000, 2),
        };
        (budget, executed)
    };
    let mut rows = vec![json!({
        "item": total,
        "budget": figure(rng, &budget),
        "executed": figure(rng, &executed),
    })];
    if rng.chance(50) {
        rows[0]["rate"] = json!(rng.decimal(120, 2));
    }
    if rng.chance(5) {
        rows[0]["parent"] = json!("");
    }
    for i in 0..rng.below(5) {
        let parent = if headings.is_empty() {
            total.to_string()
        } else {
            rng.pick(headings).to_string()
        };
        let b = rng.decimal(20_000_000, 2);
        let e = rng.decimal(20_000_000, 2);
        rows.push(json!({
            "item": format!("分项{i}"),
            "parent": parent,
            "budget": figure(rng, &b),
            "executed": figure(rng, &e),
        }));
    }
    if rng.chance(4) {
        rows.push(json!({"item": "另一合计", "budget": "1", "executed": "1"}));
    }
    Some(Value::Array(rows))
}

/// A report for policy-project (项目支出).
pub fn report_project(rng: &mut Rng) -> Value {
    let year = 2020 + rng.below(6) as i64 - i64::from(rng.chance(5));
    let good = *rng.pick(&[0, 40, 70, 90, 97]);
    let mut rows = Vec::new();
    for i in 0..rng.below(24) {
        let level1 = rng.pick(super::project::SECTIONS);
        let pair = target_and_actual(rng, year, true);
        let pair = diligent(rng, good, pair);
        rows.push(indicator(
            level1,
            &format!("项目指标{i}"),
            points(rng),
            pair,
            rng,
        ));
    }
    let mut report = json!({
        "unit": format!("生成单位{}", rng.below(1000)),
        "year": year,
        "kind": if rng.chance(95) { "项目支出" } else { "部门整体支出" },
        "project": "生成项目",
        "indicators": rows,
    });
    let total = *rng.pick(&["年度资金总额", "总额"]);
    let mut budget = budget(rng, total, &[]);
    if let Some(Value::Array(rows)) = budget.as_mut() {
        // the total row carries the execution row's 分值 and 得分 on project forms
        rows[0]["points"] = json!("10");
        if rng.chance(50) {
            rows[0]["self_score"] = json!(rng.decimal(10, 2));
        }
        // a total row of zero over rows that carry money (§2), or zero everywhere
        match rng.below(10) {
            0 => {
                rows[0]["budget"] = json!("0");
                rows[0]["executed"] = json!("0");
            }
            1 => {
                for row in rows.iter_mut() {
                    row["budget"] = json!("0");
                    row["executed"] = json!("0");
                }
            }
            _ => {}
        }
    }
    if let Some(b) = budget {
        report["budget"] = b;
    }
    report
}
