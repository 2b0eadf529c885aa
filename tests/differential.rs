//! perfrules against an independent scorer (tests/oracle), on generated reports: for every
//! report, every indicator's score, the execution score, the raw total, the maximum, the
//! total and the grade must agree exactly. A disagreement prints the report as JSON and both
//! figures, and its seed.
//!
//! `cargo test` compares 2,000 reports per policy; `PERFRULES_ORACLE_REPORTS=100000`
//! (scripts/full-checks.sh) the full size. `PERFRULES_ORACLE_SEED` moves the seeds.

mod common;
mod oracle;

use oracle::generate::Rng;
use oracle::{Card, Key};
use perfrules::check::Policy;
use perfrules::eval::evaluate;
use perfrules::report::Report;
use perfrules::scorecard::Scorecard;
use rust_decimal::Decimal;
use serde_json::Value;

fn reports() -> u64 {
    std::env::var("PERFRULES_ORACLE_REPORTS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(2_000)
}

fn first_seed() -> u64 {
    std::env::var("PERFRULES_ORACLE_SEED")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

/// One figure that differs.
struct Difference {
    what: String,
    perfrules: String,
    oracle: String,
}

fn show(d: Option<Decimal>) -> String {
    d.map_or_else(|| "not scored".to_string(), |d| d.normalize().to_string())
}

/// Where perfrules' scorecard and the oracle's differ.
fn differences(card: &Scorecard, oracle: &Card, fixed: &[(&'static str, u32)]) -> Vec<Difference> {
    let mut out = Vec::new();
    let mut differ = |what: String, p: String, o: String| {
        if p != o {
            out.push(Difference {
                what,
                perfrules: p,
                oracle: o,
            });
        }
    };
    let key_of = |s: &perfrules::scorecard::IndicatorScore| match fixed
        .iter()
        .find(|(name, _)| *name == s.name)
    {
        Some((name, _)) => Key::Fixed(name),
        None => Key::Row(s.row.unwrap_or(usize::MAX)),
    };
    let mut theirs: Vec<(Key, Option<Decimal>)> = card
        .indicators
        .iter()
        .map(|s| (key_of(s), s.score.map(|d| d.inner())))
        .collect();
    theirs.sort_by(|a, b| a.0.cmp(&b.0));
    let mut ours: Vec<(Key, Option<Decimal>)> = oracle
        .indicators
        .iter()
        .map(|(k, _, s)| (k.clone(), *s))
        .collect();
    ours.sort_by(|a, b| a.0.cmp(&b.0));
    let keys =
        |v: &[(Key, Option<Decimal>)]| v.iter().map(|(k, _)| format!("{k:?}")).collect::<Vec<_>>();
    differ(
        "indicators".into(),
        keys(&theirs).join(" "),
        keys(&ours).join(" "),
    );
    for ((key, p), (_, o)) in theirs.iter().zip(&ours) {
        differ(format!("score of {key:?}"), show(*p), show(*o));
    }
    differ(
        "execution".into(),
        show(
            card.execution
                .as_ref()
                .and_then(|e| e.score.map(|d| d.inner())),
        ),
        show(oracle.execution),
    );
    differ(
        "raw total".into(),
        show(Some(card.raw_total.inner())),
        show(Some(oracle.raw)),
    );
    differ(
        "max points".into(),
        show(Some(card.max_points.inner())),
        show(Some(oracle.max)),
    );
    differ(
        "total".into(),
        show(Some(card.total.inner())),
        show(Some(oracle.total)),
    );
    differ(
        "grade".into(),
        card.grade.to_string(),
        oracle.grade.to_string(),
    );
    out
}

/// Scores `count` generated reports by `rules` and by the oracle; panics with the first
/// disagreements (up to five reports).
fn compare(
    rules: &str,
    generate: fn(&mut Rng) -> Value,
    oracle: fn(&Value) -> Card,
    fixed: &[(&'static str, u32)],
    count: u64,
) -> u64 {
    let policy: Policy = common::policy(&common::read(rules));
    let mut failures = Vec::new();
    let mut seen = Seen::default();
    let first = first_seed();
    for seed in first..first + count {
        let mut rng = Rng::new(seed);
        let value = generate(&mut rng);
        let json = value.to_string();
        let report = Report::from_json(&json).unwrap_or_else(|e| {
            panic!("seed {seed}: a generated report does not read: {e:?}\n{json}")
        });
        let card = evaluate(&policy, &report)
            .unwrap_or_else(|e| panic!("seed {seed}: not scored: {e:?}\n{json}"));
        let expected = oracle(&value);
        seen.add(&expected);
        let found = differences(&card, &expected, fixed);
        if !found.is_empty() {
            let lines: Vec<String> = found
                .iter()
                .map(|d| {
                    // the row itself, and what perfrules made of it
                    let row = d
                        .what
                        .strip_prefix("score of Row(")
                        .and_then(|r| r.strip_suffix(')'))
                        .and_then(|r| r.parse::<usize>().ok());
                    let detail = row.map_or_else(String::new, |i| {
                        let working = card
                            .indicators
                            .iter()
                            .find(|s| s.row == Some(i))
                            .map(|s| format!("{:?} {:?}", s.method, s.working))
                            .unwrap_or_default();
                        format!(
                            "\n    row {}\n    perfrules: {working}",
                            value["indicators"][i]
                        )
                    });
                    format!(
                        "  {}: perfrules {}, oracle {}{detail}",
                        d.what, d.perfrules, d.oracle
                    )
                })
                .collect();
            failures.push(format!(
                "seed {seed} ({rules}):\n{}\n  report: {}",
                lines.join("\n"),
                serde_json::to_string_pretty(&value).unwrap_or(json)
            ));
            if failures.len() == 5 {
                break;
            }
        }
    }
    assert!(
        failures.is_empty(),
        "perfrules and the oracle disagree:\n\n{}",
        failures.join("\n\n")
    );
    eprintln!("{rules}: {seen:?}");
    // the generator reaches every outcome, or the comparison says little
    assert!(
        seen.full > 0 && seen.partial > 0 && seen.zero > 0 && seen.not_scored > 0,
        "{seen:?}"
    );
    assert!(
        seen.grades.iter().all(|&n| n > 0) || count < 500,
        "{seen:?}"
    );
    count
}

/// What the compared reports held: indicators scored in full, in part, 0, not at all, and
/// the grades — to show the comparison is not of trivial cases.
#[derive(Debug, Default)]
struct Seen {
    indicators: u64,
    full: u64,
    partial: u64,
    zero: u64,
    not_scored: u64,
    /// 优, 良, 中, 差
    grades: [u64; 4],
}

impl Seen {
    fn add(&mut self, card: &Card) {
        for (_, points, score) in &card.indicators {
            self.indicators += 1;
            match (points, score) {
                (Some(w), Some(s)) if s == w => self.full += 1,
                (Some(_), Some(s)) if s.is_zero() => self.zero += 1,
                (Some(_), Some(_)) => self.partial += 1,
                _ => self.not_scored += 1,
            }
        }
        let g = ["优", "良", "中", "差"]
            .iter()
            .position(|g| *g == card.grade);
        if let Some(g) = g {
            self.grades[g] += 1;
        }
    }
}

#[test]
fn policy_2021_agrees_with_the_oracle() {
    let n = compare(
        "rules/2021.pr",
        oracle::generate::report_2021,
        oracle::policy2021::score,
        oracle::policy2021::FIXED,
        reports(),
    );
    eprintln!("policy-2021: {n} reports compared");
}

#[test]
fn policy_project_agrees_with_the_oracle() {
    let n = compare(
        "rules/2022-project.pr",
        oracle::generate::report_project,
        oracle::project::score,
        &[],
        reports(),
    );
    eprintln!("policy-project: {n} reports compared");
}
