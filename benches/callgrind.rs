//! One fixed workload per stage of benches/throughput.rs, run once, for
//! `valgrind --tool=callgrind`: instruction counts are repeatable on a busy machine, where
//! wall-clock time is not. benches/run.py prints instructions per report for each stage.
//!
//! `target/release/deps/callgrind-… STAGE [REPORTS] [PASSES]` with STAGE one of `floor`,
//! `perfrules`, `perfrules+json`, `handwritten`, `setup` (only reads the rule file and
//! makes the corpus: subtract it). PASSES (1 unless given) goes over the same corpus again,
//! for a time profile (`perf record`) long enough to sample.

#[path = "../examples/corpus/generate.rs"]
mod generate;
mod handwritten;

/// The allocator the `perfrules` binary uses (src/main.rs): measured as it runs.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use perfrules::i18n::Lang;
use perfrules::output::json;
use perfrules::report::Report;
use perfrules::source::Sources;
use std::hint::black_box;

fn main() {
    let mut args = std::env::args().skip(1);
    let stage = args.next().unwrap_or_default();
    let count: u64 = args.next().and_then(|n| n.parse().ok()).unwrap_or(100);
    let passes: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(1);
    let text = std::fs::read_to_string("rules/2021.pr").expect("rules/2021.pr");
    let mut sources = Sources::new();
    let id = sources.add("rules/2021.pr", text.as_str());
    let file = perfrules::syntax::parse(id, &text).expect("parses");
    let policy = perfrules::check::check(sources, id, &file).expect("checks");
    let corpus: Vec<String> = (0..count)
        .map(|i| generate::report(1, i, generate::Kind::Department2021))
        .collect();
    for text in std::iter::repeat_n(&corpus, passes).flatten() {
        match stage.as_str() {
            "floor" => {
                black_box(serde_json::from_str::<Report>(text).ok());
            }
            "perfrules" => {
                if let Ok(report) = Report::from_json(text) {
                    black_box(perfrules::eval::evaluate(&policy, &report).ok());
                }
            }
            "perfrules+json" => {
                if let Ok(report) = Report::from_json(text) {
                    if let Ok(card) = perfrules::eval::evaluate(&policy, &report) {
                        black_box(json::render_line("-:1", &card, &policy, Lang::Zh));
                    }
                }
            }
            "handwritten" => {
                if let Ok(report) = serde_json::from_str::<Report>(text) {
                    black_box(handwritten::score(&report));
                }
            }
            _ => {}
        }
    }
}
