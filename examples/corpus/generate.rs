//! Generated reports in the report.json contract, for tests and benchmarks: seeded and
//! reproducible (the same seed and index give the same report, byte for byte, on any
//! machine), realistic in size (40–70 indicators, like the 闵行区 seed's 52), and messy the
//! way real tables are (shared/domain.md): every form of target, full-width signs and
//! digits, units written out, claimed bounds, 人 against 人次, blanks, words no vocabulary
//! holds, points that do not sum to 100, totals that do not add up, rates written wrong,
//! thousands separators, decimals as JSON numbers.
//!
//! Used by `cargo run --release --example corpus`, by benches/ and by tests/ (through
//! `#[path]`), so it depends on nothing but std.

#![allow(dead_code)]

/// A small seeded generator (SplitMix64): enough for test data, no crate needed.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// The generator of one report: reports can be made in any order, or in parallel.
    pub fn for_report(seed: u64, index: u64) -> Rng {
        let mut r = Rng(seed ^ 0x9e37_79b9_7f4a_7c15_u64.wrapping_mul(index.wrapping_add(1)));
        r.next();
        r
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: u64) -> u64 {
        if n == 0 {
            0
        } else {
            self.next() % n
        }
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.below(hi - lo + 1)
    }

    /// True `percent` times in a hundred.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len() as u64) as usize]
    }
}

/// Which policy's reports to make.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// 部门整体支出, scored by rules/2021.pr.
    Department2021,
    /// 项目支出, scored by rules/2022-project.pr.
    Project,
}

/// The report `index` of the corpus `seed`, as one line of JSON.
pub fn report(seed: u64, index: u64, kind: Kind) -> String {
    let mut rng = Rng::for_report(seed, index);
    match kind {
        Kind::Department2021 => department(&mut rng),
        Kind::Project => project(&mut rng),
    }
}

// ── JSON, written by hand (fast, and byte-for-byte stable) ──────────────────────────────

struct Obj {
    out: String,
    first: bool,
}

impl Obj {
    fn new() -> Obj {
        Obj {
            out: String::from("{"),
            first: true,
        }
    }
    fn key(&mut self, k: &str) {
        if !self.first {
            self.out.push_str(", ");
        }
        self.first = false;
        string(&mut self.out, k);
        self.out.push_str(": ");
    }
    fn str(&mut self, k: &str, v: &str) -> &mut Obj {
        self.key(k);
        string(&mut self.out, v);
        self
    }
    /// A number written as a JSON number (read exactly: arbitrary_precision).
    fn raw(&mut self, k: &str, v: &str) -> &mut Obj {
        self.key(k);
        self.out.push_str(v);
        self
    }
    fn int(&mut self, k: &str, v: i64) -> &mut Obj {
        self.key(k);
        self.out.push_str(&v.to_string());
        self
    }
    /// A decimal as units write them: mostly a string, sometimes a JSON number.
    fn dec(&mut self, rng: &mut Rng, k: &str, v: &str) -> &mut Obj {
        if rng.chance(15) && !v.contains(',') {
            self.raw(k, v)
        } else {
            self.str(k, v)
        }
    }
    fn done(mut self) -> String {
        self.out.push('}');
        self.out
    }
}

fn string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

fn array(items: &[String]) -> String {
    format!("[{}]", items.join(", "))
}

// ── figures ─────────────────────────────────────────────────────────────────────────────

/// Cents as a decimal text: `725520514` → `7255205.14` (or `7,255,205.14`).
fn money(cents: u64, separators: bool) -> String {
    let whole = (cents / 100).to_string();
    let frac = cents % 100;
    let whole = if separators {
        let mut out = String::new();
        for (i, c) in whole.chars().enumerate() {
            if i > 0 && (whole.len() - i).is_multiple_of(3) {
                out.push(',');
            }
            out.push(c);
        }
        out
    } else {
        whole
    };
    match frac {
        0 => whole,
        f if f % 10 == 0 => format!("{whole}.{}", f / 10),
        f => format!("{whole}.{f:02}"),
    }
}

/// executed ÷ budget × 100 rounded half up to 2 places, as text (`85.50`).
fn rate(executed: u64, budget: u64) -> String {
    if budget == 0 {
        return "0".to_string();
    }
    let basis = (executed as u128) * 1_000_000 / budget as u128; // percent × 10⁴
    let hundredths = (basis + 50) / 100;
    format!("{}.{:02}", hundredths / 100, hundredths % 100)
}

fn full_width(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '0'..='9' => char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap_or(c),
            '%' => '％',
            '=' => '＝',
            '.' => '．',
            c => c,
        })
        .collect()
}

// ── indicators ──────────────────────────────────────────────────────────────────────────

const COUNT_UNITS: &[&str] = &["次", "份", "个", "场", "项", "篇", "期", "件", "课时", "户"];
const WORD_TARGETS: &[&str] = &[
    "完整",
    "有效提升",
    "按期运维",
    "契合",
    "明显改善",
    "及时",
    "规范",
    "逐步提高",
    "达到预期",
];
const ACHIEVED: &[&str] = &["达成", "已达成", "完成", "已完成", "有效", "合格", "达到"];
const PARTLY: &[&str] = &["较及时", "基本达标", "基本完成", "部分完成", "较好"];
const NOT_ACHIEVED: &[&str] = &["未完成", "未达标", "不及时", "无", "否"];
const UNKNOWN_WORDS: &[&str] = &["良好", "一般", "稳步推进", "持续优化"];
const OUTPUT_NAMES: &[&str] = &[
    "培训完成次数",
    "宣传活动场次",
    "信息报送份数",
    "督查检查次数",
    "走访调研户数",
    "课题研究篇数",
    "志愿服务项目数",
    "简报编印期数",
    "会议召开次数",
    "设备维护次数",
    "档案整理件数",
    "平台运维完成率",
    "项目验收合格率",
    "资金拨付及时率",
    "工作完成及时性",
    "任务完成率",
    "覆盖率",
    "问题整改率",
    "服务对象人数",
    "受益人次",
];
const EFFECT_NAMES: &[&str] = &[
    "社会治理水平",
    "群众获得感",
    "工作效能提升",
    "制度建设完善程度",
    "服务质量改善",
    "信息公开透明度",
    "长效管理机制",
    "社会效益",
    "可持续影响",
    "环境改善程度",
];
const SATISFACTION_NAMES: &[&str] = &[
    "服务对象满意度",
    "群众满意度",
    "社会公众满意度",
    "参训人员满意度",
];
const REASONS: &[&str] = &[
    "因疫情原因，根据区财政局要求，调减预算，实际完成内容均按照调减后预算标准执行。",
    "受政策调整影响，部分工作延至次年开展。",
    "实际需求超出预期，超额完成。",
    "统计口径调整，按新口径填报。",
];

/// One indicator's target and actual as a unit writes them, and whether it met the target.
fn target_and_actual(rng: &mut Rng, year: u64) -> (String, String) {
    match rng.below(100) {
        // at least, counted: ">=14次" / "4次"
        0..=29 => {
            let unit = rng.pick(COUNT_UNITS);
            let a = rng.range(2, 60);
            let sign = rng.pick(&[">=", "≥", "≧", "不低于", ">", "＞＝", ""]);
            let target = if rng.chance(10) {
                format!("{a}{unit}以上")
            } else if rng.chance(10) {
                format!("{sign}{a} {unit}")
            } else {
                format!("{sign}{a}{unit}")
            };
            let b = match rng.below(10) {
                0..=5 => a + rng.below(a / 2 + 1),
                6 => a * 2,
                _ => rng.below(a),
            };
            (target, actual_quantity(rng, b.to_string(), unit))
        }
        // at least, people: "1,000人次" / "1600人" (人 ~ 人次)
        30..=34 => {
            let a = rng.range(1, 20) * 500;
            let target = if a >= 1000 && rng.chance(50) {
                format!(">={},{:03}人次", a / 1000, a % 1000)
            } else {
                format!(">={a}人次")
            };
            let b = a + rng.below(a) - a / 4;
            let unit = if rng.chance(30) { "人" } else { "人次" };
            (target, format!("{b}{unit}"))
        }
        // percentages: "≥90%", "=100%", "100%", "＝１００％", "≥100百分比", "95%以上"
        35..=59 => {
            let (target, a) = match rng.below(8) {
                0 => ("=100%".to_string(), 100),
                1 => ("100%".to_string(), 100),
                2 => (full_width("=100%"), 100),
                3 => ("≥100百分比".to_string(), 100),
                4 => {
                    let a = rng.range(80, 99);
                    (format!("{a}%以上"), a)
                }
                5 => {
                    let a = rng.range(80, 99);
                    (format!("不低于{a}%"), a)
                }
                _ => {
                    let a = rng.range(60, 100);
                    (format!("{}{a}%", rng.pick(&["≥", ">=", "≧"])), a)
                }
            };
            let b = if rng.chance(70) {
                a
            } else {
                rng.range(a.saturating_sub(30), 100)
            };
            let actual = match rng.below(20) {
                0 => format!(">={b}%"),
                1 => format!("={b}%"),
                2 => full_width(&format!("{b}%")),
                3 => format!("{b}.{}%", rng.below(10)),
                _ => format!("{b}%"),
            };
            (target, actual)
        }
        // at most: "<=5%", "≤3%", "5%以内", "<2次"
        60..=66 => {
            let a = rng.range(1, 10);
            let target = match rng.below(4) {
                0 => format!("<={a}%"),
                1 => format!("≤{a}%"),
                2 => format!("{a}%以内"),
                _ => format!("<{a}次"),
            };
            let unit = if target.ends_with('次') { "次" } else { "%" };
            let b = rng.below(a * 2 + 2);
            (target, format!("{b}{unit}"))
        }
        // deadlines: "2季度", "第四季度", "11月", "2021年12月底前", "2021年6月30日", "年底", "上半年"
        67..=79 => {
            let target = match rng.below(7) {
                0 => format!("{}季度", rng.range(1, 4)),
                1 => (rng.pick(&["第一季度", "第二季度", "第三季度", "第四季度"])).to_string(),
                2 => format!("{}月", rng.range(3, 12)),
                3 => format!("{year}年{}月底前", rng.range(6, 12)),
                4 => format!("{year}年6月30日"),
                5 => "年底".to_string(),
                _ => "上半年".to_string(),
            };
            let actual = match rng.below(6) {
                0 => format!("{}月", rng.range(1, 12)),
                1 => format!("{}季度", rng.range(1, 4)),
                2 => format!("{year}年{}月", rng.range(1, 12)),
                3 => format!("{year}-{:02}-{:02}", rng.range(1, 12), rng.range(1, 28)),
                4 => "年底".to_string(),
                _ => format!("{}月{}日", rng.range(1, 12), rng.range(1, 28)),
            };
            (target, actual)
        }
        // words: "完整" / "达成", "较及时", "未完成", a word no vocabulary has
        _ => {
            let target = (rng.pick(WORD_TARGETS)).to_string();
            let actual = match rng.below(20) {
                0..=7 => target.clone(),
                8..=12 => (rng.pick(ACHIEVED)).to_string(),
                13..=15 => (rng.pick(PARTLY)).to_string(),
                16..=17 => (rng.pick(NOT_ACHIEVED)).to_string(),
                _ => (rng.pick(UNKNOWN_WORDS)).to_string(),
            };
            (target, actual)
        }
    }
}

/// A counted actual, sometimes not done, blank or claimed.
fn actual_quantity(rng: &mut Rng, b: String, unit: &str) -> String {
    match rng.below(40) {
        0 => "未开展".to_string(),
        1 => String::new(),
        2 => "/".to_string(),
        3 => format!(">={b}{unit}"),
        4 => format!("{b} {unit}"),
        _ => format!("{b}{unit}"),
    }
}

/// The unit's own indicators, with points that sum to `budget_points` most of the time.
fn own_indicators(
    rng: &mut Rng,
    count: usize,
    sections: &[(&str, &[&str], u64)],
    year: u64,
) -> Vec<String> {
    let mut out = Vec::with_capacity(count);
    let total_weight: u64 = sections.iter().map(|s| s.2).sum();
    let off = rng.chance(20); // points that do not add up (weights summing to 83, …)
    let mut n = 0;
    for (k, (level1, names, points)) in sections.iter().enumerate() {
        let here = if k + 1 == sections.len() {
            count - n
        } else {
            (count as u64 * points / total_weight).max(1) as usize
        };
        n += here;
        // Points in hundredths, spread over the section's indicators.
        let mut left = points * 100 + if off { rng.below(300) } else { 0 };
        let groups = ["数量指标", "质量指标", "时效指标", "成本指标"];
        for i in 0..here {
            let share = if i + 1 == here {
                left
            } else {
                let even = left / (here - i) as u64;
                (even / 50 * 50).max(50)
            };
            left = left.saturating_sub(share);
            let name = format!(
                "{}{}",
                rng.pick(names),
                if i >= names.len() {
                    format!("（{}）", i + 1)
                } else {
                    String::new()
                }
            );
            let (target, actual) = target_and_actual(rng, year);
            let mut o = Obj::new();
            o.str("level1", level1);
            if !level1.starts_with('满') {
                o.str("level2", rng.pick(&groups));
            }
            o.str("name", &name);
            let points_text = money(share, false);
            o.dec(rng, "points", &points_text);
            o.str("target", &target).str("actual", &actual);
            if rng.chance(25) {
                o.str("reason", rng.pick(REASONS));
            }
            if rng.chance(85) {
                let own = if rng.chance(80) {
                    points_text
                } else {
                    money(share * rng.below(100) / 100, false)
                };
                o.dec(rng, "self_score", &own);
            }
            out.push(o.done());
        }
    }
    out
}

const DISTRICTS: &[&str] = &[
    "闵行区",
    "浦东新区",
    "徐汇区",
    "长宁区",
    "普陀区",
    "静安区",
    "虹口区",
    "杨浦区",
    "宝山区",
    "嘉定区",
];
const DEPARTMENTS: &[&str] = &[
    "地区工作办公室",
    "教育局",
    "卫生健康委员会",
    "民政局",
    "司法局",
    "文化和旅游局",
    "生态环境局",
    "市场监督管理局",
    "城市管理行政执法局",
    "退役军人事务局",
    "体育局",
    "档案馆",
];

/// The 13 indicators policy-2021 fixes (§2), with what units typically write.
const FIXED_2021: &[(&str, &str, &str, &[&str])] = &[
    (
        "预算编审管理",
        "预算编制完整性",
        "完整",
        &["完整", "基本完整"],
    ),
    (
        "预算编审管理",
        "预算编制准确性",
        "准确",
        &["准确", "较准确"],
    ),
    ("预算编审管理", "绩效目标管理", "合规", &["合规"]),
    (
        "预算执行管理",
        "预算完成率",
        "100%",
        &["85.50%", "100%", "92%"],
    ),
    (
        "预算执行管理",
        "公用经费控制率",
        "<=100%",
        &["98.5%", "100%", "103.2%", "100.5%"],
    ),
    (
        "预算执行管理",
        "“三公经费”控制率",
        "≤100%",
        &["76%", "100%", "112%"],
    ),
    (
        "部门结转结余资金管理",
        "结转结余率",
        "<=5%",
        &["4.8%", "6.2%", "12%", "3%"],
    ),
    (
        "国库管理",
        "公务卡及现金管理合规性",
        "合规",
        &["合规", "基本合规"],
    ),
    (
        "预算绩效管理",
        "绩效目标明确合理性",
        "明确合理",
        &["明确合理", "较合理"],
    ),
    (
        "预决算信息公开管理",
        "预决算信息公开及时准确率",
        "100%",
        &["100%", "95%"],
    ),
    ("财政监督管理", "财政监督管理制度有效性", "有效", &["有效"]),
    (
        "政府采购管理",
        "政府采购合规性",
        "合规",
        &["合规", "未发现问题"],
    ),
    (
        "资产管理",
        "资产管理制度健全性",
        "健全",
        &["健全", "较健全"],
    ),
];

fn department(rng: &mut Rng) -> String {
    let year = 2021;
    let unit = format!(
        "上海市{}{}{}",
        rng.pick(DISTRICTS),
        rng.pick(DEPARTMENTS),
        if rng.chance(30) { "（汇总）" } else { "" }
    );
    let budget_cents = rng.range(100_000, 50_000_000) * 100 + rng.below(100);
    let executed_cents = budget_cents * rng.range(60, 100) / 100 + rng.below(100);
    let seps = rng.chance(20);
    let mut rows = Vec::new();
    let total_rate = rate(executed_cents, budget_cents);
    let mut total = Obj::new();
    total
        .str("item", "部门整体预算总额")
        .dec(rng, "budget", &money(budget_cents, seps))
        .dec(rng, "executed", &money(executed_cents, seps))
        .str("rate", &total_rate);
    rows.push(total.done());
    // 资金来源: 财政拨款 + 其他资金; 资金结构: 基本支出 + 项目支出 (sometimes off by a little).
    let split = |rng: &mut Rng, a: &str, b: &str, parent: &str, rows: &mut Vec<String>| {
        let share = rng.range(40, 100);
        let b1 = budget_cents * share / 100;
        let e1 = executed_cents * share / 100;
        let (b2, mut e2) = (budget_cents - b1, executed_cents - e1);
        if rng.chance(10) {
            e2 += rng.range(1, 10_000);
        }
        for (item, bb, ee) in [(a, b1, e1), (b, b2, e2)] {
            let mut o = Obj::new();
            let written_rate = if rng.chance(8) {
                rate(ee + 100, bb)
            } else {
                rate(ee, bb)
            };
            o.str("item", item)
                .str("parent", parent)
                .dec(rng, "budget", &money(bb, seps))
                .dec(rng, "executed", &money(ee, seps))
                .str("rate", &written_rate);
            rows.push(o.done());
        }
    };
    split(rng, "财政拨款", "其他资金", "资金来源", &mut rows);
    split(rng, "基本支出", "项目支出", "资金结构", &mut rows);

    let count = rng.range(40, 70) as usize;
    let mut indicators = Vec::with_capacity(count);
    for (group, name, target, actuals) in FIXED_2021 {
        let mut o = Obj::new();
        o.str("level1", "投入管理指标")
            .str("level2", group)
            .str("name", name);
        if rng.chance(50) {
            o.str(
                "points",
                if name.contains("预算编") || name.contains("目标管理") || name.contains("完成率")
                {
                    "3"
                } else {
                    "2"
                },
            );
        }
        let written = if rng.chance(10) { "≥90%" } else { target };
        o.str("target", written).str("actual", rng.pick(actuals));
        if rng.chance(20) {
            o.str("reason", rng.pick(REASONS));
        }
        indicators.push(o.done());
    }
    let sections: [(&str, &[&str], u64); 3] = [
        ("产出指标", OUTPUT_NAMES, 40),
        (
            if rng.chance(50) {
                "效果指标"
            } else {
                "效益指标"
            },
            EFFECT_NAMES,
            20,
        ),
        ("满意度指标", SATISFACTION_NAMES, 10),
    ];
    indicators.extend(own_indicators(
        rng,
        count - FIXED_2021.len(),
        &sections,
        year,
    ));
    let mut o = Obj::new();
    o.str("unit", &unit).int("year", year as i64);
    if rng.chance(95) {
        o.str("kind", "部门整体支出");
    }
    o.raw("budget", &array(&rows))
        .raw("indicators", &array(&indicators));
    if rng.chance(70) {
        let own = format!("{}.{:02}", rng.range(80, 99), rng.below(100));
        o.dec(rng, "self_total", &own);
    }
    o.done()
}

const PROJECTS: &[&str] = &[
    "社区文化活动经费",
    "老旧小区综合治理",
    "中小学校舍维修",
    "基层医疗设备购置",
    "河道整治及养护",
    "公共体育设施运维",
    "信息化平台建设",
    "困难群众帮扶资金",
];

fn project(rng: &mut Rng) -> String {
    let year = rng.range(2020, 2024);
    let unit = format!("{}{}", rng.pick(DISTRICTS), rng.pick(DEPARTMENTS));
    // 万元 with up to 4 places, as project forms write them.
    let budget = rng.range(10, 5_000) * 100 + rng.below(100);
    let executed = budget * rng.range(40, 100) / 100;
    let mut rows = Vec::new();
    let mut total = Obj::new();
    let written_rate = rate(executed, budget);
    total
        .str("item", "年度资金总额")
        .dec(rng, "budget", &money(budget, false))
        .dec(rng, "executed", &money(executed, false))
        .str("rate", &written_rate)
        .str("points", "10");
    if rng.chance(80) {
        let own = rate(executed, budget * 10);
        total.str("self_score", &own);
    }
    rows.push(total.done());
    let carried = if rng.chance(30) { budget / 5 } else { 0 };
    for (item, b, e) in [
        (
            "当年财政拨款",
            budget - carried,
            executed - executed.min(carried),
        ),
        ("上年结转资金", carried, executed.min(carried)),
        ("其他资金", 0, 0),
    ] {
        let mut o = Obj::new();
        o.str("item", item)
            .str("parent", "年度资金总额")
            .dec(rng, "budget", &money(b, false))
            .dec(rng, "executed", &money(e, false));
        rows.push(o.done());
    }
    let count = rng.range(40, 70) as usize;
    let sections: [(&str, &[&str], u64); 3] = [
        ("产出指标", OUTPUT_NAMES, 50),
        ("效益指标", EFFECT_NAMES, 30),
        ("满意度指标", SATISFACTION_NAMES, 10),
    ];
    let indicators = own_indicators(rng, count, &sections, year);
    let mut o = Obj::new();
    o.str("unit", &unit)
        .int("year", year as i64)
        .str("kind", "项目支出")
        .str("project", &format!("{year}年{}", rng.pick(PROJECTS)))
        .raw("budget", &array(&rows))
        .raw("indicators", &array(&indicators));
    if rng.chance(70) {
        let own = format!("{}.{:02}", rng.range(75, 99), rng.below(100));
        o.dec(rng, "self_total", &own);
    }
    o.done()
}
