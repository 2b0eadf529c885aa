//! policy-2021 (shared/spec/policy-2021.md), scored by a hand-written Rust function: the
//! limit for an interpreter of the rule language, with the same exact decimals
//! (`perfrules::decimal::Dec`) and nothing else of perfrules — no rule file, no placement
//! tables, no evaluator, its own value reader. Benchmark code only; written straight from
//! the spec so that it can serve as a differential oracle (issue 7).
//!
//! It computes what perfrules computes for a report: every indicator's score (§1–§3), the
//! raw total, maximum, total and grade, and the findings of §4 with their codes (the
//! `check` ids of rules/2021.pr and perfrules' engine codes), but no explanations.

#![allow(dead_code)]

pub mod value;
#[path = "../../tests/oracle/words.rs"]
mod words;

use perfrules::decimal::{Dec, RoundMode};
use perfrules::report::{IndicatorRow, Report};
use value::{read, Cmp, Value};
use words::{ACHIEVED, NOT_DONE};

/// One indicator, scored (`score` is `None` when it has no points); its name as the
/// policy or the report writes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scored<'r> {
    pub name: &'r str,
    pub points: Option<Dec>,
    pub score: Option<Dec>,
}

/// A finding of §4: its code and what it is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding<'r> {
    pub code: &'static str,
    pub subject: &'r str,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Card<'r> {
    pub indicators: Vec<Scored<'r>>,
    pub raw: Dec,
    pub max: Dec,
    pub total: Dec,
    pub grade: &'static str,
    pub findings: Vec<Finding<'r>>,
}

/// How a fixed indicator (§2) is scored.
#[derive(Clone, Copy)]
enum Fixed {
    Word(&'static str),
    /// 预算完成率: executed ÷ budget of the total row, proportional to 100%.
    Completion,
    /// Each percentage point above `limit`% deducts `step_tenths` tenths of a point,
    /// floor 0.
    Deduct {
        limit: i64,
        step_tenths: u64,
    },
    /// Proportional to 100%.
    Percent,
}

const FIXED: [(&str, i64, Fixed); 13] = [
    ("预算编制完整性", 3, Fixed::Word("完整")),
    ("预算编制准确性", 3, Fixed::Word("准确")),
    ("绩效目标管理", 3, Fixed::Word("合规")),
    ("预算完成率", 3, Fixed::Completion),
    (
        "公用经费控制率",
        2,
        Fixed::Deduct {
            limit: 100,
            step_tenths: 2,
        },
    ),
    (
        "“三公经费”控制率",
        2,
        Fixed::Deduct {
            limit: 100,
            step_tenths: 2,
        },
    ),
    (
        "结转结余率",
        2,
        Fixed::Deduct {
            limit: 5,
            step_tenths: 4,
        },
    ),
    ("公务卡及现金管理合规性", 2, Fixed::Word("合规")),
    ("绩效目标明确合理性", 2, Fixed::Word("明确合理")),
    ("预决算信息公开及时准确率", 2, Fixed::Percent),
    ("财政监督管理制度有效性", 2, Fixed::Word("有效")),
    ("政府采购合规性", 2, Fixed::Word("合规")),
    ("资产管理制度健全性", 2, Fixed::Word("健全")),
];

const SECTIONS: [&str; 5] = [
    "投入管理指标",
    "产出指标",
    "效果指标",
    "效益指标",
    "满意度指标",
];
/// The units the policy declares, and `%`.
fn declared_unit(u: &str) -> bool {
    matches!(
        u,
        "%" | "次"
            | "份"
            | "个"
            | "人"
            | "人次"
            | "场"
            | "本"
            | "项"
            | "户"
            | "家"
            | "篇"
            | "期"
            | "批"
            | "天"
            | "件"
            | "套"
            | "台"
            | "名"
            | "所"
            | "条"
            | "册"
            | "课时"
    )
}

/// Names as units write them: no spaces or quotes, full-width letters as ASCII.
fn key(name: &str) -> String {
    let mut out = String::new();
    key_into(&mut out, name);
    out
}

/// [`key`] into a buffer the caller reuses: runs of characters that are their own key
/// are copied whole, and U+4000–U+9FFF (CJK ideographs: three bytes led by E4–E9) and
/// ASCII lower-case letters and digits, most of a name, are passed over without decoding.
fn key_into(out: &mut String, name: &str) {
    out.clear();
    let (mut run, mut at) = (0, 0);
    while let Some(&b) = name.as_bytes().get(at) {
        match b {
            0xe4..=0xe9 => at += 3,
            b'a'..=b'z' | b'0'..=b'9' => at += 1,
            _ => {
                let Some(c) = name.get(at..).and_then(|rest| rest.chars().next()) else {
                    break;
                };
                let k = key_char(c);
                if k != Some(c) {
                    out.push_str(&name[run..at]);
                    out.extend(k);
                    run = at + c.len_utf8();
                }
                at += c.len_utf8();
            }
        }
    }
    out.push_str(&name[run..]);
}

/// Whether two names have the same [`key`].
fn same_key(a: &str, b: &str) -> bool {
    a == b || key_chars(a).eq(key_chars(b))
}

fn key_chars(name: &str) -> impl Iterator<Item = char> + '_ {
    name.chars().filter_map(key_char)
}

/// A character of a name as its key has it: none for spaces and quotes.
fn key_char(c: char) -> Option<char> {
    match c {
        // CJK ideographs, most of a name: neither spaces, quotes nor full-width
        '\u{4e00}'..='\u{9fff}' => Some(c),
        '"' | '\'' | '“' | '”' | '‘' | '’' | '「' | '」' | '『' | '』' | '＂' | '＇' => {
            None
        }
        c if c.is_whitespace() => None,
        '\u{ff01}'..='\u{ff5e}' => {
            Some(char::from_u32(c as u32 - 0xfee0).map_or(c, |c| c.to_ascii_lowercase()))
        }
        c => Some(c.to_ascii_lowercase()),
    }
}

/// A level-1 heading without a weight written into it (`产出指标(50分)`), to be keyed.
fn heading(name: &str) -> &str {
    let t = name.trim();
    for open in ["(", "（"] {
        if let Some(at) = t.rfind(open) {
            let inner = t[at + open.len()..].trim_end_matches([')', '）']).trim();
            if let Some(n) = inner.strip_suffix('分') {
                let n = n.trim();
                if !n.is_empty()
                    && n.chars()
                        .all(|c| c.is_ascii_digit() || c == '.' || ('０'..='９').contains(&c))
                    && t.ends_with([')', '）'])
                {
                    return &t[..at];
                }
            }
        }
    }
    t
}

/// `n` tenths (`tenths(13)` is 1.3, one place as written).
fn tenths(n: u64) -> Dec {
    Dec::from_digits(n, 1).unwrap_or(Dec::ZERO)
}

fn round(x: Dec) -> Dec {
    x.round(2, RoundMode::HalfUp)
}

/// A number in the target's unit: a bare number takes the other's unit, 人 ~ 人次.
fn same_unit(a: &str, b: &str) -> Option<bool> {
    if a == b || a.is_empty() || b.is_empty() {
        Some(false)
    } else if (a == "人" && b == "人次") || (a == "人次" && b == "人") {
        Some(true)
    } else {
        None
    }
}

struct Scorer<'r> {
    report: &'r Report,
    findings: Vec<Finding<'r>>,
}

impl<'r> Scorer<'r> {
    fn find(&mut self, code: &'static str, subject: &'r str) {
        self.findings.push(Finding { code, subject });
    }
}

/// What an indicator was scored with, for the §4 checks.
struct Facts {
    /// at_least or equal
    at_least_or_equal: bool,
    /// (A, B) in one unit, for the 130% check
    figures: Option<(Dec, Dec)>,
}

pub fn score(report: &Report) -> Card<'_> {
    let mut s = Scorer {
        report,
        // usually fewer findings than indicators: one allocation
        findings: Vec::with_capacity(report.indicators.len()),
    };
    if report.year != 2021 {
        s.find("perfrules::eval::year_outside", "");
    }
    if !report
        .kind
        .as_deref()
        .is_some_and(|k| same_key(k, "部门整体支出"))
    {
        s.find("perfrules::eval::kind_outside", "");
    }
    let mut total_rows = report
        .budget
        .iter()
        .filter(|r| r.parent.as_deref().is_none_or(|p| p.trim().is_empty()));
    let total = match (total_rows.next(), total_rows.next()) {
        (Some(t), None) => Some(t),
        _ => None,
    };
    if !report.budget.is_empty() && total.is_none() {
        s.find("perfrules::eval::total_row", "");
    }

    // Placement (§2, §3): fixed names anywhere, other rows by their level 1. Keys of the
    // policy's names are made once per process, a row's name is keyed into one buffer, and
    // a heading's section is found once per run of rows.
    static KEYS: std::sync::OnceLock<(Vec<String>, Vec<String>)> = std::sync::OnceLock::new();
    let (fixed_keys, section_keys) = KEYS.get_or_init(|| {
        (
            FIXED.iter().map(|f| key(f.0)).collect(),
            SECTIONS.iter().map(|x| key(x)).collect(),
        )
    });
    let mut fixed_row: [Option<usize>; 13] = [None; 13];
    let mut open_rows: Vec<usize> = Vec::with_capacity(report.indicators.len());
    let mut k = String::new();
    // the last level 1 seen and its section's index in SECTIONS
    let mut last: Option<(&str, Option<usize>)> = None;
    for (i, row) in report.indicators.iter().enumerate() {
        let section = match last {
            Some((l, section)) if l == row.level1 => section,
            _ => {
                key_into(&mut k, heading(&row.level1));
                let section = section_keys.iter().position(|x| *x == k);
                last = Some((&row.level1, section));
                section
            }
        };
        key_into(&mut k, &row.name);
        if let Some(f) = fixed_keys.iter().position(|x| *x == k) {
            if fixed_row[f].is_some() {
                s.find("perfrules::eval::duplicate_row", &row.name);
                continue;
            }
            if section != Some(0) {
                s.find("perfrules::eval::misplaced_row", &row.name);
            }
            fixed_row[f] = Some(i);
            continue;
        }
        if section.is_some_and(|x| x > 0) {
            open_rows.push(i);
        } else {
            s.find("perfrules::eval::unmatched_row", &row.name);
        }
    }
    let mut indicators = Vec::with_capacity(report.indicators.len());
    let mut raw = Dec::ZERO;
    let mut max = Dec::ZERO;
    let add = |sc: &Scored, raw: &mut Dec, max: &mut Dec| {
        if let (Some(p), Some(v)) = (sc.points, sc.score) {
            *raw = raw.checked_add(v).unwrap_or(*raw);
            *max = max.checked_add(p).unwrap_or(*max);
        }
    };
    for (f, (name, points, how)) in FIXED.iter().enumerate() {
        let row = fixed_row[f].map(|i| &report.indicators[i]);
        if row.is_none() {
            s.find("perfrules::eval::missing_row", name);
        }
        let sc = s.fixed(name, Dec::from_int(*points), *how, row, total);
        add(&sc, &mut raw, &mut max);
        indicators.push(sc);
    }
    for &i in &open_rows {
        let row = &report.indicators[i];
        let sc = s.open(row);
        add(&sc, &mut raw, &mut max);
        indicators.push(sc);
    }

    // §1 total and grade.
    let hundred = Dec::HUNDRED;
    let total_score = if max != hundred && !max.is_zero() {
        round(
            raw.checked_mul(hundred)
                .and_then(|x| x.checked_div(max))
                .unwrap_or(Dec::ZERO),
        )
    } else {
        round(raw)
    };
    if max.is_zero() {
        s.find("perfrules::eval::nothing_to_score", "");
    }
    let grade = if total_score >= Dec::from_int(90) {
        "优"
    } else if total_score >= Dec::from_int(80) {
        "良"
    } else if total_score >= Dec::from_int(60) {
        "中"
    } else {
        "差"
    };
    // §4 budget table arithmetic.
    for row in &report.budget {
        if let Some(rate) = &row.rate {
            if !row.budget.value.is_zero() {
                let computed = row
                    .executed
                    .value
                    .checked_div(row.budget.value)
                    .and_then(|x| x.checked_mul(hundred))
                    .map(round);
                if computed != Ok(rate.value) {
                    s.find("rules::budget_rate", &row.item);
                }
            }
        }
    }
    if let Some(t) = total {
        let mut parents: Vec<(&str, Dec, Dec)> = Vec::new();
        for row in &report.budget {
            let Some(p) = row
                .parent
                .as_deref()
                .map(str::trim)
                .filter(|p| !p.is_empty())
            else {
                continue;
            };
            match parents.iter_mut().find(|x| x.0 == p) {
                Some(x) => {
                    x.1 = x.1.checked_add(row.budget.value).unwrap_or(x.1);
                    x.2 = x.2.checked_add(row.executed.value).unwrap_or(x.2);
                }
                None => parents.push((p, row.budget.value, row.executed.value)),
            }
        }
        for (p, b, e) in parents {
            if b != t.budget.value {
                s.find("rules::budget_rows_sum", p);
            }
            if e != t.executed.value {
                s.find("rules::executed_rows_sum", p);
            }
        }
    }
    if max != hundred {
        s.find("rules::points_sum", "");
    }
    if let Some(own) = &report.self_total {
        if own.value != total_score {
            s.find("perfrules::eval::self_total", "");
        }
    }
    Card {
        indicators,
        raw,
        max,
        total: total_score,
        grade,
        findings: s.findings,
    }
}

impl<'r> Scorer<'r> {
    fn fixed(
        &mut self,
        name: &'static str,
        w: Dec,
        how: Fixed,
        row: Option<&'r IndicatorRow>,
        total: Option<&perfrules::report::BudgetRow>,
    ) -> Scored<'r> {
        let exact = match how {
            Fixed::Completion => {
                // The actual is derived: executed ÷ budget × 100%.
                let rate = total.and_then(|t| {
                    t.executed
                        .value
                        .checked_div(t.budget.value)
                        .and_then(|x| x.checked_mul(Dec::HUNDRED))
                        .ok()
                });
                if let (Some(rate), Some(Value::Qty(c, n, "%"))) =
                    (rate, row.and_then(|r| r.actual.as_deref()).map(read))
                {
                    if !matches!(c, None | Some(Cmp::Equal)) || n != round(rate) {
                        self.find("rules::derived_actual", name);
                    }
                } else if rate.is_some()
                    && row
                        .and_then(|r| r.actual.as_deref())
                        .map(read)
                        .is_some_and(|v| v != Value::Blank)
                {
                    self.find("rules::derived_actual", name);
                }
                match rate {
                    Some(b) => {
                        let e = proportional(Dec::HUNDRED, b, w);
                        self.after_numeric(name, row, w, e, true, Some((Dec::HUNDRED, b)))
                    }
                    None => {
                        self.find("perfrules::eval::unscorable", name);
                        Dec::ZERO
                    }
                }
            }
            _ => {
                if let Some(written) = row.and_then(|r| r.target.as_deref()) {
                    let fixed_target = match how {
                        Fixed::Word(t) => Value::Word(t),
                        Fixed::Deduct { limit, .. } => {
                            Value::Qty(Some(Cmp::AtMost), Dec::from_int(limit), "%")
                        }
                        _ => Value::Qty(None, Dec::HUNDRED, "%"),
                    };
                    let same = match (read(written), &fixed_target) {
                        (Value::Blank, _) => true,
                        (Value::Qty(a, x, u), Value::Qty(b, y, v)) => {
                            a.unwrap_or(Cmp::Equal) == b.unwrap_or(Cmp::Equal) && x == *y && u == *v
                        }
                        (a, b) => a == *b,
                    };
                    if !same {
                        self.find("rules::fixed_target", name);
                    }
                }
                let Some(row) = row else {
                    return Scored {
                        name,
                        points: Some(w),
                        score: Some(Dec::ZERO),
                    };
                };
                match how {
                    Fixed::Word(t) => self.by_target(row, name, w, Value::Word(t)),
                    Fixed::Percent => {
                        self.by_target(row, name, w, Value::Qty(None, Dec::HUNDRED, "%"))
                    }
                    Fixed::Deduct { limit, step_tenths } => {
                        self.deduct(row, name, w, Dec::from_int(limit), tenths(step_tenths))
                    }
                    Fixed::Completion => Dec::ZERO,
                }
            }
        };
        let score = round(exact.clamp_to(Dec::ZERO, w));
        self.after_score(name, row, w, score);
        Scored {
            name,
            points: Some(w),
            score: Some(score),
        }
    }

    fn open(&mut self, row: &'r IndicatorRow) -> Scored<'r> {
        let Some(w) = row.points.as_ref().map(|p| p.value) else {
            self.find("perfrules::eval::no_points", &row.name);
            return Scored {
                name: &row.name,
                points: None,
                score: None,
            };
        };
        let exact = match row.target.as_deref().map(read) {
            None | Some(Value::Blank) => {
                self.not_scored_actual(row);
                self.find("perfrules::eval::unscorable", &row.name);
                Dec::ZERO
            }
            Some(Value::Bad) => {
                self.not_scored_actual(row);
                self.find("perfrules::eval::unscorable", &row.name);
                Dec::ZERO
            }
            Some(target) => self.by_target(row, &row.name, w, target),
        };
        let score = round(exact.clamp_to(Dec::ZERO, w));
        self.after_score(&row.name, Some(row), w, score);
        Scored {
            name: &row.name,
            points: Some(w),
            score: Some(score),
        }
    }

    /// The actual of an indicator not scored because of its target: only §3.6's claim
    /// finding still applies.
    fn not_scored_actual(&mut self, row: &'r IndicatorRow) {
        if let Some(Value::Qty(Some(c), ..)) = row.actual.as_deref().map(read) {
            if c != Cmp::Equal {
                self.find("rules::claimed_bound", &row.name);
            }
        }
    }

    /// §3: not done, then the target's form.
    fn by_target(&mut self, row: &IndicatorRow, name: &'r str, w: Dec, target: Value<'_>) -> Dec {
        let actual = row.actual.as_deref().map(read).unwrap_or(Value::Blank);
        match &actual {
            Value::Blank => return Dec::ZERO,
            Value::Word(a) if NOT_DONE.contains(a) => return Dec::ZERO,
            Value::Bad => {
                self.find("perfrules::eval::unscorable", name);
                return Dec::ZERO;
            }
            Value::Qty(Some(c), ..) if *c != Cmp::Equal => self.find("rules::claimed_bound", name),
            _ => {}
        }
        match (target, actual) {
            (Value::Qty(tc, a, tu), Value::Qty(_, b, bu)) => {
                if bu != tu && !bu.is_empty() && !tu.is_empty() {
                    if !declared_unit(tu) {
                        self.find("perfrules::eval::undeclared_unit", name);
                    }
                    if !declared_unit(bu) {
                        self.find("perfrules::eval::undeclared_unit", name);
                    }
                } else {
                    for u in [tu, bu] {
                        if !u.is_empty() && !declared_unit(u) {
                            self.find("perfrules::eval::undeclared_unit", name);
                            break;
                        }
                    }
                }
                match same_unit(tu, bu) {
                    None => {
                        self.find("perfrules::eval::unscorable", name);
                        return Dec::ZERO;
                    }
                    Some(true) => self.find("perfrules::eval::compatible_units", name),
                    Some(false) => {}
                }
                match tc {
                    Some(Cmp::AtMost | Cmp::Less) => {
                        // §3.2 reverse linear.
                        let e = if b <= a {
                            w
                        } else if a.is_zero() || b >= a.checked_mul(Dec::from_int(2)).unwrap_or(b) {
                            Dec::ZERO
                        } else {
                            let over = b
                                .checked_sub(a)
                                .and_then(|x| x.checked_div(a))
                                .unwrap_or(Dec::ONE);
                            w.checked_mul(Dec::ONE.checked_sub(over).unwrap_or(Dec::ZERO))
                                .unwrap_or(Dec::ZERO)
                        };
                        self.after_numeric(name, Some(row), w, e, false, None)
                    }
                    _ => {
                        let e = proportional(a, b, w);
                        self.after_numeric(name, Some(row), w, e, true, Some((a, b)))
                    }
                }
            }
            (Value::Period(a), Value::Period(b)) => {
                let y = self.report.year;
                if b.end(y) <= a.end(y) {
                    w
                } else {
                    Dec::ZERO
                }
            }
            (Value::Word(t), Value::Word(a)) => {
                // §3.4: achieved, partly (60%), not achieved, or an auditor's judgement.
                if same_key(a, t) || ACHIEVED.contains(&a) {
                    w
                } else if a.starts_with("较") || a.starts_with("基本") || a.starts_with("部分")
                {
                    w.checked_mul(tenths(6)).unwrap_or(Dec::ZERO)
                } else if a.starts_with('未') || a.starts_with('不') || a == "无" || a == "否" {
                    Dec::ZERO
                } else {
                    self.find("perfrules::eval::unknown_word", name);
                    Dec::ZERO
                }
            }
            _ => {
                self.find("perfrules::eval::unscorable", name);
                Dec::ZERO
            }
        }
    }

    /// Deduct `step` per percentage point above `limit`%, floor 0 (§2).
    fn deduct(&mut self, row: &IndicatorRow, name: &'r str, w: Dec, limit: Dec, step: Dec) -> Dec {
        let actual = row.actual.as_deref().map(read).unwrap_or(Value::Blank);
        match actual {
            Value::Blank => Dec::ZERO,
            Value::Word(a) if NOT_DONE.contains(&a) => Dec::ZERO,
            Value::Qty(c, b, "%" | "") => {
                if matches!(c, Some(Cmp::AtLeast | Cmp::More | Cmp::AtMost | Cmp::Less)) {
                    self.find("rules::claimed_bound", name);
                }
                if b <= limit {
                    w
                } else {
                    let over = b
                        .checked_sub(limit)
                        .and_then(|x| x.checked_mul(step))
                        .unwrap_or(w);
                    w.checked_sub(over).unwrap_or(Dec::ZERO)
                }
            }
            _ => {
                self.find("perfrules::eval::unscorable", name);
                Dec::ZERO
            }
        }
    }

    /// The 130% check of §4 on an at-least or equal target.
    fn after_numeric(
        &mut self,
        name: &'r str,
        row: Option<&IndicatorRow>,
        _w: Dec,
        e: Dec,
        at_least: bool,
        figures: Option<(Dec, Dec)>,
    ) -> Dec {
        if let (true, Some((a, b))) = (at_least, figures) {
            if b >= a.checked_mul(tenths(13)).unwrap_or(b)
                && !row.is_some_and(IndicatorRow::has_reason)
            {
                self.find("rules::target_set_too_low", name);
            }
        }
        e
    }

    /// §4 findings on every scored indicator: self-score and reason.
    fn after_score(&mut self, name: &'r str, row: Option<&IndicatorRow>, w: Dec, score: Dec) {
        if let Some(own) = row.and_then(|r| r.self_score.as_ref()) {
            if own.value != score {
                self.find("rules::self_score", name);
            }
        }
        if score < w && !row.is_some_and(IndicatorRow::has_reason) {
            self.find("rules::reason_for_lost_points", name);
        }
    }
}

/// §3.1: B ≥ A → w, else w × B ÷ A (A = 0: w).
fn proportional(a: Dec, b: Dec, w: Dec) -> Dec {
    if b >= a || a.is_zero() {
        w
    } else {
        w.checked_mul(b)
            .and_then(|x| x.checked_div(a))
            .unwrap_or(Dec::ZERO)
    }
}
