//! `perfrules test [DIR]`: runs every `*.test.json` under DIR (crate::cases), prints each
//! case, expected against got for each failure, and a closing `N passed, N failed` line.
//! Exit 0 when every case passes, 3 when one fails, 1 when a test file or its rule file
//! cannot be read.

use super::{stderr_is_terminal, stdout_is_terminal, Exit, TestArgs};
use crate::cases::{self, CaseError, Check, Outcome};
use crate::i18n::Words;
use crate::output::Style;
use owo_colors::OwoColorize;
use std::path::{Component, Path, PathBuf};

pub(super) fn run(args: &TestArgs) -> Exit {
    let color = args.color.enabled(stdout_is_terminal());
    let err_style = Style {
        lang: args.lang,
        color: args.color.enabled(stderr_is_terminal()),
        width: 100,
    };
    let words = Words(args.lang);
    let mut files = Vec::new();
    find(&args.dir, &mut files);
    files.sort();
    if files.is_empty() {
        eprintln!("{}", words.no_tests(&args.dir.display().to_string()));
        return Exit::Input;
    }
    let (mut passed, mut failed, mut broken) = (0, 0, false);
    for path in files {
        let name = path.display().to_string();
        let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
        let file = match super::load::read(&path, args.lang)
            .map_err(|d| d.message)
            .and_then(|text| cases::read(&text))
        {
            Ok(file) => file,
            Err(reason) => {
                eprintln!("{}", words.bad_test_file(&name, &reason));
                broken = true;
                continue;
            }
        };
        let plain = Path::new(&file.rules)
            .components()
            .all(|c| matches!(c, Component::Normal(_) | Component::CurDir));
        if !plain || file.rules.is_empty() {
            eprintln!("{}", words.rules_outside(&file.rules));
            broken = true;
            continue;
        }
        let rules = dir.join(&file.rules);
        let policy = match super::load::policy(&rules, args.lang) {
            Ok(policy) => policy,
            Err(diags) => {
                super::eval::print_errors(&diags, &err_style);
                broken = true;
                continue;
            }
        };
        println!("{name} ({})", rules.display());
        for outcome in cases::run(&file, &policy, &dir) {
            print_outcome(&outcome, words, color);
            if outcome.passed() {
                passed += 1;
            } else {
                failed += 1;
            }
        }
    }
    println!("{}", words.tally(passed, failed));
    if broken {
        Exit::Input
    } else if failed > 0 {
        Exit::Findings
    } else {
        Exit::Scored
    }
}

fn find(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let path = entry.path();
        if path.is_dir() {
            find(&path, out);
        } else if path.to_string_lossy().ends_with(".test.json") {
            out.push(path);
        }
    }
}

fn print_outcome(outcome: &Outcome, words: Words, color: bool) {
    let mark = if outcome.passed() {
        words.passed()
    } else {
        words.failed()
    };
    let mark = match (color, outcome.passed()) {
        (true, true) => mark.green().to_string(),
        (true, false) => mark.red().to_string(),
        _ => mark,
    };
    println!("  {mark}  {}", outcome.name);
    match &outcome.result {
        Ok(mismatches) => {
            for m in mismatches {
                let what = match &m.check {
                    Check::Total => words.total(),
                    Check::RawTotal => words.raw_total(),
                    Check::MaxPoints => words.max_points(),
                    Check::Grade => words.grade(),
                    Check::Score(n) => words.score_of(n),
                    Check::Lost(n) => words.lost_of(n),
                };
                let got = m.got.clone().unwrap_or_else(|| match &m.check {
                    Check::Score(_) | Check::Lost(_) => words.no_such_indicator(),
                    _ => words.not_scored(),
                });
                println!("        {}", words.expected_got(&what, &m.expected, &got));
            }
        }
        Err(e) => {
            let reason = match e {
                CaseError::Unreadable { path, reason } => words.unreadable_report(path, reason),
                CaseError::BadReport { code, .. } => words.bad_report(code),
                CaseError::Overflow => words.overflow(),
                CaseError::ExpectsNothing => words.expects_nothing(),
            };
            println!("        {}", words.case_error(&reason));
        }
    }
}
