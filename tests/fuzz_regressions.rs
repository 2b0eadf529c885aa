//! Every input a fuzzer found (tests/fixtures/fuzz/<target>/), replayed through the fuzz
//! targets' own harness (fuzz/harness.rs) in `cargo test`, without nightly: what once
//! crashed, hung or broke a property must not again.

#[path = "../fuzz/harness.rs"]
mod harness;

use perfrules::limits::MAX_NESTING;
use perfrules::source::Sources;
use perfrules::syntax::{self, Nesting, SyntaxError};

/// The parser's work, counted rather than timed: beyond this many rule calls pest stops
/// ("call limit reached", which perfrules reports as `perfrules::parse::too_deep` with
/// [`Nesting::Parser`]). A 64 KiB input read once takes far fewer; the 2⁶⁰ readings of a
/// bracket that once hung take far more. Process-wide, so set here, where every input is
/// small, and not in the tests of large rule files.
const CALL_LIMIT: usize = 20_000_000;

fn limit_the_parser() {
    pest::set_call_limit(std::num::NonZeroUsize::new(CALL_LIMIT));
}

/// Parses `text` as a rule file and fails if the parser ran out of calls; whether it parsed.
fn parses_within_the_call_limit(name: &str, text: &str) -> bool {
    limit_the_parser();
    let mut sources = Sources::new();
    let id = sources.add("fuzz.pr", text);
    if let Err(errors) = syntax::parse(id, text) {
        let excess = errors.iter().any(|e| {
            matches!(
                e,
                SyntaxError::TooDeep {
                    nesting: Nesting::Parser,
                    ..
                }
            )
        });
        assert!(!excess, "{name}: the parser took over {CALL_LIMIT} calls");
        return false;
    }
    true
}

fn replay(target: &str, run: fn(&[u8])) -> usize {
    limit_the_parser();
    let dir = std::path::Path::new("tests/fixtures/fuzz").join(target);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return 0;
    };
    let mut inputs: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    inputs.sort();
    for input in &inputs {
        let data = std::fs::read(input).unwrap_or_else(|e| panic!("{}: {e}", input.display()));
        let name = input.display().to_string();
        // what once hung must be read with bounded work again
        if matches!(target, "rules" | "fmt") {
            if let Ok(text) = std::str::from_utf8(&data) {
                parses_within_the_call_limit(&name, text);
            }
        }
        // on a small stack, as the fuzzers' inputs are small and a deep one must not need more
        std::thread::Builder::new()
            .stack_size(1 << 20)
            .spawn(move || run(&data))
            .expect("a thread")
            .join()
            .unwrap_or_else(|_| panic!("{name} fails again"));
    }
    inputs.len()
}

/// Found by fuzzing (`rules`, `fmt`): a file that fails to parse inside 60 brackets took
/// forever — `(expr)` and `(a, b)` were two alternatives beginning with `(`, so each bracket
/// was read twice on the way back, 2⁶⁰ times in all. One rule reads both now.
#[test]
fn a_file_that_fails_inside_many_brackets_fails_with_bounded_work() {
    for inner in ["季度", ",default", "x y", "1 +"] {
        let text = format!(
            "policy \"深\" {{ year 2021 full_marks 100 }}\nsection \"产出指标\" {{ any indicator }}\ncheck deep \"深\" {{\n  require {}{inner}{}\n  else warning \"不成立\"\n}}\n",
            "(".repeat(MAX_NESTING - 1),
            ")".repeat(MAX_NESTING - 1)
        );
        assert!(!parses_within_the_call_limit(inner, &text), "{inner}");
    }
}

#[test]
fn rule_files_the_fuzzer_found() {
    replay("rules", harness::rules);
}

#[test]
fn values_the_fuzzer_found() {
    replay("value", harness::value);
}

#[test]
fn reports_the_fuzzer_found() {
    replay("report", harness::report);
}

#[test]
fn cells_the_fuzzer_found() {
    replay("cells", harness::cells);
}

#[test]
fn formatting_the_fuzzer_found() {
    replay("fmt", harness::fmt);
}

/// The seeds themselves run through every harness: the shipped rule files, the examples, the
/// fixtures — so that a harness that panics on a plain input fails here first.
#[test]
fn the_seeds_pass_every_harness() {
    for dir in [
        "rules",
        "examples",
        "tests/fixtures/parse",
        "tests/fixtures/check",
        "tests/fixtures/report",
    ] {
        for entry in std::fs::read_dir(dir).unwrap().filter_map(Result::ok) {
            let data = std::fs::read(entry.path()).unwrap_or_default();
            harness::rules(&data);
            harness::fmt(&data);
            harness::report(&data);
            harness::value(&data);
            harness::cells(&data);
        }
    }
}
