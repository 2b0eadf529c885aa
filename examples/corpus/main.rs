//! `cargo run --release --example corpus -- --seed 1 --count 1000 --policy 2021 > corpus.jsonl`
//!
//! Writes generated reports (examples/corpus/generate.rs) as JSON Lines on stdout, or one
//! file per report with `--dir DIR` (`DIR/0000001.json` …). `--policy 2021` makes
//! 部门整体支出 reports for rules/2021.pr, `--policy project` 项目支出 reports for
//! rules/2022-project.pr. The same seed and count give the same bytes.

mod generate;

use std::io::Write;

fn main() -> std::process::ExitCode {
    let mut seed = 1u64;
    let mut count = 1000u64;
    let mut kind = generate::Kind::Department2021;
    let mut dir: Option<std::path::PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let value = args.next();
        let parsed = match (arg.as_str(), value.as_deref()) {
            ("--seed", Some(v)) => v.parse().map(|v| seed = v).is_ok(),
            ("--count", Some(v)) => v.parse().map(|v| count = v).is_ok(),
            ("--policy", Some("2021")) => {
                kind = generate::Kind::Department2021;
                true
            }
            ("--policy", Some("project")) => {
                kind = generate::Kind::Project;
                true
            }
            ("--dir", Some(v)) => {
                dir = Some(v.into());
                true
            }
            _ => false,
        };
        if !parsed {
            eprintln!("usage: corpus [--seed N] [--count N] [--policy 2021|project] [--dir DIR]");
            return std::process::ExitCode::from(2);
        }
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for i in 0..count {
        let report = generate::report(seed, i, kind);
        let written = match &dir {
            Some(dir) => std::fs::create_dir_all(dir)
                .and_then(|_| std::fs::write(dir.join(format!("{:07}.json", i + 1)), report)),
            None => writeln!(out, "{report}"),
        };
        if let Err(e) = written {
            eprintln!("corpus: {e}");
            return std::process::ExitCode::from(1);
        }
    }
    let _ = out.flush();
    std::process::ExitCode::SUCCESS
}
