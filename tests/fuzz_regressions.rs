//! Every input a fuzzer found (tests/fixtures/fuzz/<target>/), replayed through the fuzz
//! targets' own harness (fuzz/harness.rs) in `cargo test`, without nightly: what once
//! crashed, hung or broke a property must not again.

#[path = "../fuzz/harness.rs"]
mod harness;

fn replay(target: &str, run: fn(&[u8])) -> usize {
    let dir = std::path::Path::new("tests/fixtures/fuzz").join(target);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return 0;
    };
    let mut inputs: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    inputs.sort();
    for input in &inputs {
        let data = std::fs::read(input).unwrap_or_else(|e| panic!("{}: {e}", input.display()));
        // on a small stack, as the fuzzers' inputs are small and a deep one must not need more
        let name = input.display().to_string();
        let started = std::time::Instant::now();
        std::thread::Builder::new()
            .stack_size(1 << 20)
            .spawn(move || run(&data))
            .expect("a thread")
            .join()
            .unwrap_or_else(|_| panic!("{name} fails again"));
        // what once hung must not take long again (generous: a debug build, a busy machine)
        let took = started.elapsed();
        assert!(took.as_secs() < 5, "{name} takes {took:?}");
    }
    inputs.len()
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
