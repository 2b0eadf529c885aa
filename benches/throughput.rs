//! Reports per second per core, side by side, on one generated corpus of seed-sized
//! reports (policy-2021, 40–70 indicators each; examples/corpus/generate.rs):
//!
//! - `floor`: serde_json reading each report into perfrules' report types, nothing else;
//! - `perfrules`: read (`Report::from_json`) + score (`eval::evaluate`), building the
//!   scorecard with every explanation's data, no rendering;
//! - `perfrules+json`: the same, then rendered as the batch's JSON line;
//! - `handwritten`: serde_json read + a hand-written scorer of policy-2021 with the same
//!   decimals (benches/handwritten): the limit for an interpreter.
//!
//! One core: criterion runs each on this thread. `benches/run.py` turns criterion's
//! estimates into the README's table.

#[path = "../examples/corpus/generate.rs"]
mod generate;
mod handwritten;

/// The allocator the `perfrules` binary uses (src/main.rs): measured as it runs.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use perfrules::check::Policy;
use perfrules::i18n::Lang;
use perfrules::output::json;
use perfrules::report::Report;
use perfrules::source::Sources;
use std::hint::black_box;

/// Reports per iteration.
const REPORTS: u64 = 200;
const SEED: u64 = 1;

fn policy() -> Policy {
    let text = std::fs::read_to_string("rules/2021.pr").expect("rules/2021.pr");
    let mut sources = Sources::new();
    let id = sources.add("rules/2021.pr", text.as_str());
    let file = perfrules::syntax::parse(id, &text).expect("rules/2021.pr parses");
    perfrules::check::check(sources, id, &file).expect("rules/2021.pr checks")
}

fn corpus() -> Vec<String> {
    (0..REPORTS)
        .map(|i| generate::report(SEED, i, generate::Kind::Department2021))
        .collect()
}

/// How often the hand-written scorer and perfrules agree on this corpus (printed, so that
/// the limit is known to compute the same thing).
fn agreement(policy: &Policy, corpus: &[String]) {
    let (mut totals, mut scores, mut indicators) = (0, 0, 0);
    for text in corpus {
        let report = Report::from_json(text).expect("generated reports read");
        let card = perfrules::eval::evaluate(policy, &report).expect("scored");
        let hand = handwritten::score(&report);
        totals += usize::from(card.total == hand.total);
        for s in &card.indicators {
            indicators += 1;
            let same = hand
                .indicators
                .iter()
                .any(|h| h.name == s.name && h.score == s.score);
            scores += usize::from(same);
        }
    }
    eprintln!(
        "handwritten agrees with perfrules on {totals} of {} totals and {scores} of {indicators} indicator scores",
        corpus.len()
    );
}

fn throughput(c: &mut Criterion) {
    let policy = policy();
    let corpus = corpus();
    agreement(&policy, &corpus);
    let mut group = c.benchmark_group("policy-2021");
    group.throughput(Throughput::Elements(REPORTS));
    group.bench_function("floor", |b| {
        b.iter(|| {
            for text in &corpus {
                black_box(serde_json::from_str::<Report>(text).ok());
            }
        })
    });
    group.bench_function("perfrules", |b| {
        b.iter(|| {
            for text in &corpus {
                if let Ok(report) = Report::from_json(text) {
                    black_box(perfrules::eval::evaluate(&policy, &report).ok());
                }
            }
        })
    });
    group.bench_function("perfrules+json", |b| {
        b.iter(|| {
            for text in &corpus {
                let Ok(report) = Report::from_json(text) else {
                    continue;
                };
                if let Ok(card) = perfrules::eval::evaluate(&policy, &report) {
                    black_box(json::render_line("-:1", &card, &policy, Lang::Zh));
                }
            }
        })
    });
    group.bench_function("handwritten", |b| {
        b.iter(|| {
            for text in &corpus {
                if let Ok(report) = serde_json::from_str::<Report>(text) {
                    black_box(handwritten::score(&report));
                }
            }
        })
    });
    group.finish();
}

criterion_group!(benches, throughput);
criterion_main!(benches);
