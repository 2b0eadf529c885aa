//! Properties of every score, on generated rule files and reports (tests/gen): each holds for
//! any policy and any report, not only for the ones written by hand.
//!
//! - every score lies in [0, points];
//! - the points lost add up exactly to `max_points − raw_total` (the execution item too), and
//!   the sections and the execution item add up to the raw total;
//! - moving an actual towards what its target asks never lowers the score (at least, equal,
//!   at most, bands, deductions, deadlines, qualitative words);
//! - the output is byte-identical however often it is produced;
//! - `perfrules fmt` is idempotent and keeps the meaning: the same syntax tree, the same
//!   scores.
//!
//! `cargo test` runs 256 cases per property (proptest's default); `PROPTEST_CASES=20000`
//! (scripts/full-checks.sh) runs them at full size.

mod common;
mod gen;

use gen::GenPolicy;
use perfrules::check::Policy;
use perfrules::decimal::Dec;
use perfrules::eval::evaluate;
use perfrules::i18n::Lang;
use perfrules::output::{human, json, markdown, Style};
use perfrules::report::Report;
use perfrules::scorecard::Scorecard;
use perfrules::source::Sources;
use proptest::prelude::*;
use proptest::test_runner::Config;

fn config() -> Config {
    Config {
        // Failures are kept as regression tests written out in this file, not in files
        // proptest would write beside it.
        failure_persistence: None,
        ..Config::default()
    }
}

/// The generated rule file, checked: a generated file that does not check is a bug of the
/// generator.
fn checked(p: &GenPolicy) -> Policy {
    common::try_policy("生成.pr", &p.text, Lang::Zh)
        .unwrap_or_else(|e| panic!("a generated rule file does not check:\n{e}\n{}", p.text))
}

fn read(report: &str) -> Report {
    Report::from_json(report).expect("a generated report reads")
}

fn scored<'a>(policy: &'a Policy, report: &'a Report) -> Option<Scorecard<'a>> {
    evaluate(policy, report).ok()
}

/// Every indicator and the execution item.
fn all<'c>(
    card: &'c Scorecard<'_>,
) -> impl Iterator<Item = &'c perfrules::scorecard::IndicatorScore<'c>> {
    card.indicators.iter().chain(card.execution.as_ref())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn every_score_lies_between_zero_and_its_points(p in gen::policy(), report in gen::report()) {
        let policy = checked(&p);
        let read = read(&report);
        let Some(card) = scored(&policy, &read) else { return Ok(()) };
        for s in all(&card) {
            if let (Some(score), Some(w)) = (s.score, s.points) {
                prop_assert!(w >= Dec::ZERO, "{}: points {w}", s.name);
                prop_assert!(score >= Dec::ZERO && score <= w, "{}: {score} of {w}\n{report}", s.name);
            }
        }
    }

    #[test]
    fn lost_points_add_up_to_max_minus_raw(p in gen::policy(), report in gen::report()) {
        let policy = checked(&p);
        let read = read(&report);
        let Some(card) = scored(&policy, &read) else { return Ok(()) };
        let lost = Dec::sum(all(&card).filter_map(|s| s.lost)).unwrap();
        let max_minus_raw = card.max_points.checked_sub(card.raw_total).unwrap();
        prop_assert_eq!(lost, max_minus_raw, "{}", report);
        // and every lost figure is points − score
        for s in all(&card) {
            if let (Some(w), Some(score)) = (s.points, s.score) {
                prop_assert_eq!(s.lost, Some(w.checked_sub(score).unwrap()));
            }
        }
        // the sections and the execution item make up the raw total
        let sections = Dec::sum(card.sections.iter().map(|s| s.score)).unwrap();
        let execution = card.execution.as_ref().and_then(|e| e.score).unwrap_or(Dec::ZERO);
        prop_assert_eq!(sections.checked_add(execution).unwrap(), card.raw_total);
    }

    #[test]
    fn output_is_byte_identical_every_time(p in gen::policy(), report in gen::report()) {
        let render = || {
            // everything anew: a fresh parse, check and read each time
            let policy = checked(&p);
            let read = read(&report);
            let Some(card) = scored(&policy, &read) else { return String::new() };
            let mut out = json::render(&card, &policy, Lang::En);
            out.push_str(&human::render(&card, &policy, &Style::plain(Lang::Zh)));
            out.push_str(&markdown::render(&card, &policy, Lang::Zh));
            out
        };
        let first = render();
        prop_assert_eq!(&first, &render());
        prop_assert_eq!(&first, &render());
    }

    #[test]
    fn fmt_is_idempotent_and_keeps_the_meaning(p in gen::policy(), report in gen::report()) {
        let formatted = perfrules::fmt::format(&p.text).expect("a generated rule file formats");
        prop_assert_eq!(perfrules::fmt::format(&formatted).expect("formats again"), formatted.clone());
        prop_assert_eq!(tree(&formatted), tree(&p.text));
        let before = checked(&p);
        let after = checked(&GenPolicy { text: formatted, ..p.clone() });
        let read = read(&report);
        let (a, b) = (scored(&before, &read), scored(&after, &read));
        prop_assert_eq!(a.as_ref().map(meaning), b.as_ref().map(meaning));
    }
}

proptest! {
    #![proptest_config(config())]

    /// `fmt` on expressions written any way at all (they need not type-check): whatever
    /// parses formats to text that parses to the same tree, and formatting again changes
    /// nothing. Where the text does not parse, `fmt` refuses it too.
    #[test]
    fn fmt_keeps_every_expression_s_tree(e in gen::expr_text(), m in gen::expr_text()) {
        let text = format!(
            "check c \"t\" {{\n  for each indicator\n  require {e}\n  else warning \"x {{{m}}} \\{{y}}\"\n}}\n"
        );
        let mut sources = Sources::new();
        let id = sources.add("x.pr", text.as_str());
        match perfrules::syntax::parse(id, &text) {
            Ok(parsed) => {
                let formatted = perfrules::fmt::format(&text)
                    .unwrap_or_else(|errors| panic!("{text}\nformats with errors: {errors:?}"));
                let again = tree_or(&formatted);
                prop_assert!(again.as_ref() == Some(&parsed), "{text}\nformatted:\n{formatted}");
                prop_assert_eq!(perfrules::fmt::format(&formatted).ok(), Some(formatted));
            }
            Err(_) => prop_assert!(perfrules::fmt::format(&text).is_err()),
        }
    }
}

proptest! {
    #![proptest_config(config())]

    /// The value reader's fast path answers as the grammar does, wherever it answers, on
    /// cells made of the pieces values are made of; and the reader as a whole (fast path,
    /// cache, grammar) is the grammar.
    #[test]
    fn the_fast_path_reads_every_cell_as_the_grammar_does(text in gen::cell_text()) {
        let grammar = perfrules::value::parse_by_grammar(&text);
        if let Some(fast) = perfrules::value::parse_fast(&text) {
            prop_assert_eq!(Ok(fast), grammar.clone(), "{:?}", text);
        }
        prop_assert_eq!(perfrules::value::parse(&text), grammar, "{:?}", text);
    }
}

fn tree_or(text: &str) -> Option<perfrules::syntax::ast::RuleFile> {
    let mut sources = Sources::new();
    let id = sources.add("x.pr", text);
    perfrules::syntax::parse(id, text).ok()
}

/// The syntax tree of a rule file (equality ignores spans).
fn tree(text: &str) -> perfrules::syntax::ast::RuleFile {
    let mut sources = Sources::new();
    let id = sources.add("x.pr", text);
    perfrules::syntax::parse(id, text).expect("parses")
}

/// What a scorecard says, without where the rule file says it (lines move when formatted).
fn meaning(card: &Scorecard) -> String {
    let mut out = format!(
        "{} {} {} {} {}\n",
        card.total, card.grade, card.raw_total, card.max_points, card.rescaled
    );
    for s in all(card) {
        out.push_str(&format!(
            "{} {:?} {:?} {:?} {:?} {:?} {:?}\n",
            s.name, s.points, s.score, s.lost, s.exact, s.method, s.form
        ));
    }
    for f in &card.findings {
        out.push_str(&format!(
            "{:?} {} {:?}\n",
            f.severity, f.code, f.subject.indicator
        ));
    }
    out
}

// ── moving towards the target ────────────────────────────────────────────────────────────

/// The score of one indicator, under `产出指标`, by `policy`.
fn one(policy: &Policy, points: &str, target: &str, actual: &str) -> Option<Dec> {
    let report = read(&common::one_indicator(points, target, actual));
    scored(policy, &report).and_then(|c| {
        c.indicators
            .iter()
            .find(|s| s.name == "测试指标")
            .and_then(|s| s.score)
    })
}

/// Two actuals `(worse, better)` for a target that asks for at least `a`: the better one is
/// never lower.
fn ordered(x: u32, y: u32) -> (u32, u32) {
    (x.min(y), x.max(y))
}

fn percent(hundredths: u32) -> String {
    format!(
        "{}%",
        Dec::from_int(hundredths as i64)
            .checked_div(Dec::HUNDRED)
            .unwrap()
    )
}

proptest! {
    #![proptest_config(config())]

    /// At least and equal: a higher actual never scores lower — proportional, all or
    /// nothing, a deduction below the target, ascending bands; `=` is not penalised for
    /// exceeding.
    #[test]
    fn a_higher_actual_never_scores_lower_on_an_at_least_target(
        p in gen::policy(),
        w in 1u32..20,
        a in 0u32..20_000,
        (worse, better) in (0u32..25_000, 0u32..25_000).prop_map(|(x, y)| ordered(x, y)),
        op in prop::sample::select(vec![">=", "=", "", ">"]),
    ) {
        let policy = checked(&p);
        let target = format!("{op}{}", percent(a));
        let low = one(&policy, &w.to_string(), &target, &percent(worse));
        let high = one(&policy, &w.to_string(), &target, &percent(better));
        prop_assert!(high >= low, "{target}: {} scores {low:?}, {} scores {high:?}\n{}", percent(worse), percent(better), p.text);
    }

    /// At most: a lower actual never scores lower — reverse linear, reverse ratio, all or
    /// nothing, a deduction above the target, descending bands.
    #[test]
    fn a_lower_actual_never_scores_lower_on_an_at_most_target(
        p in gen::policy(),
        w in 1u32..20,
        a in 0u32..20_000,
        (better, worse) in (0u32..25_000, 0u32..25_000).prop_map(|(x, y)| ordered(x, y)),
        op in prop::sample::select(vec!["<=", "<"]),
    ) {
        let policy = checked(&p);
        let target = format!("{op}{}", percent(a));
        let low = one(&policy, &w.to_string(), &target, &percent(worse));
        let high = one(&policy, &w.to_string(), &target, &percent(better));
        prop_assert!(high >= low, "{target}: {} scores {high:?}, {} scores {low:?}\n{}", percent(better), percent(worse), p.text);
    }

    /// Deadlines: an earlier period never scores lower.
    #[test]
    fn an_earlier_period_never_scores_lower(
        p in gen::policy(),
        target in 1u32..=12,
        (earlier, later) in (1u32..=12, 1u32..=12).prop_map(|(x, y)| ordered(x, y)),
    ) {
        let policy = checked(&p);
        let target = format!("{target}月");
        let late = one(&policy, "4", &target, &format!("{later}月"));
        let early = one(&policy, "4", &target, &format!("{earlier}月"));
        prop_assert!(early >= late);
    }

    /// Words: achieved ≥ partly achieved ≥ not achieved, and not done scores 0.
    #[test]
    fn a_better_word_never_scores_lower(p in gen::policy(), w in 1u32..20) {
        let policy = checked(&p);
        let w = w.to_string();
        let scores: Vec<_> = ["完整", "完成", "较完整", "基本完成", "未完成", "无"]
            .iter()
            .map(|a| one(&policy, &w, "完整", a))
            .collect();
        for pair in scores.windows(2) {
            prop_assert!(pair[0] >= pair[1], "{scores:?}\n{}", p.text);
        }
        prop_assert_eq!(one(&policy, &w, "完整", "未开展"), Some(Dec::ZERO));
    }
}
