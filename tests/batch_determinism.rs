//! A batch's output is byte-identical whatever the number of threads (issue 7): generated
//! rule files and folders of generated reports (one broken now and then), scored with
//! 1, 2, 3 and 8 threads, in JSON, in CSV per indicator and as a summary.

mod gen;

use proptest::prelude::*;
use std::process::Command;

fn run(args: &[&str]) -> Vec<u8> {
    let out = Command::new(env!("CARGO_BIN_EXE_perfrules"))
        .args(args)
        .output()
        .expect("the binary runs");
    assert!(
        matches!(out.status.code(), Some(0 | 1 | 3)),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

proptest! {
    #![proptest_config(proptest::test_runner::Config {
        // each case runs the binary 16 times: PROPTEST_CASES=20000 makes 101 cases
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).map_or(8, |n: u32| n / 200 + 1),
        failure_persistence: None,
        ..Default::default()
    })]

    #[test]
    fn the_output_is_the_same_whatever_the_threads(
        p in gen::policy(),
        reports in prop::collection::vec(gen::report(), 1..24),
        broken in prop::option::of(0usize..24),
    ) {
        let dir = std::env::temp_dir().join(format!("perfrules-threads-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("reports/sub")).unwrap();
        let rules = dir.join("rules.pr");
        std::fs::write(&rules, &p.text).unwrap();
        for (i, report) in reports.iter().enumerate() {
            let sub = if i % 3 == 0 { "reports/sub" } else { "reports" };
            let text = if broken == Some(i) { "{\"unit\": " } else { report.as_str() };
            std::fs::write(dir.join(sub).join(format!("{i:02}.json")), text).unwrap();
        }
        let (rules, folder) = (rules.display().to_string(), dir.join("reports").display().to_string());
        for format in [
            vec!["--format", "json"],
            vec!["--format", "csv", "--per", "indicator"],
            vec!["--summary", "--format", "json"],
            vec!["--format", "human", "--lang", "en"],
        ] {
            let mut outputs = Vec::new();
            for jobs in ["1", "2", "3", "8"] {
                let mut args = vec!["eval", rules.as_str(), folder.as_str(), "-j", jobs, "--quiet"];
                args.extend(format.iter().copied());
                outputs.push(run(&args));
            }
            prop_assert!(
                outputs.windows(2).all(|w| w[0] == w[1]),
                "{format:?} differs between thread counts"
            );
        }
        std::fs::remove_dir_all(&dir).ok();
    }
}
