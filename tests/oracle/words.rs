//! The spec's own words for achieved and not-done targets, as the two independent scorers of
//! policy-2021 read them: this oracle and the hand-written scorer of the benchmarks
//! (benches/handwritten, which includes this file). Spec data, written once; perfrules takes
//! its words from the rule files, never from here.

/// §3.4's words of an achieved target.
pub const ACHIEVED: &[&str] = &[
    "达成",
    "已达成",
    "达成预期指标",
    "达到",
    "完成",
    "已完成",
    "是",
    "有效",
    "合格",
    "合规",
    "完整",
    "准确",
    "健全",
    "契合",
];

/// The not-done words (§3.5 of policy-2021, §3.4 of policy-project's "as policy-2021").
pub const NOT_DONE: &[&str] = &["未开展", "未完成", "未召开"];
