//! The snapshot workflow: every rule file in rules/ scores every example in examples/ that
//! it applies to (same kind, year in range), and every rule file that extends another is
//! compared with it (`perfrules diff`) on every example the extended one applies to. Each
//! result is an insta snapshot in tests/snapshots/, so a policy edit shows up as a snapshot
//! difference to review and accept (README, "Changing a policy").

mod common;
use common::*;
use perfrules::check::Policy;
use perfrules::eval::evaluate;
use perfrules::i18n::Lang;
use perfrules::output::{self, human, Style};
use perfrules::report::Report;

fn files(dir: &str, ext: &str) -> Vec<String> {
    let mut found: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    found.sort();
    found
}

fn applies(policy: &Policy, report: &Report) -> bool {
    policy
        .years()
        .is_none_or(|(from, to)| (from..=to).contains(&report.year))
        && policy
            .kind()
            .is_none_or(|k| report.kind.as_deref() == Some(k))
}

/// `rules/2021.pr` → `2021`, `examples/minhang-2021.json` → `minhang-2021`.
fn stem(path: &str) -> String {
    std::path::Path::new(path)
        .file_stem()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned()
}

/// The file a rule file extends, read from its first line.
fn extended(path: &str, text: &str) -> Option<String> {
    let first = text
        .lines()
        .find(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))?;
    let name = first
        .trim()
        .strip_prefix("extends ")?
        .trim()
        .trim_matches('"');
    let dir = std::path::Path::new(path).parent()?;
    Some(dir.join(name).to_string_lossy().into_owned())
}

#[test]
fn every_policy_on_every_example_it_applies_to() {
    let examples: Vec<(String, Report)> = files("examples", "json")
        .into_iter()
        .map(|p| {
            let report = Report::from_json(&read(&p)).unwrap_or_else(|e| panic!("{p}: {e:?}"));
            (p, report)
        })
        .collect();
    let style = Style::plain(Lang::Zh);
    let mut snapshots = 0;
    for rules in files("rules", "pr") {
        let text = read(&rules);
        let policy = try_policy(&rules, &text, Lang::Zh).unwrap_or_else(|e| panic!("{e}"));
        for (path, report) in examples.iter().filter(|(_, r)| applies(&policy, r)) {
            let card = evaluate(&policy, report).unwrap();
            insta::assert_snapshot!(
                format!("policy__{}__{}", stem(&rules), stem(path)),
                human::render(&card, &policy, &style)
            );
            snapshots += 1;
        }
        let Some(parent) = extended(&rules, &text) else {
            continue;
        };
        let old = try_policy(&parent, &read(&parent), Lang::Zh).unwrap_or_else(|e| panic!("{e}"));
        let mut diff = perfrules::diff::PolicyDiff {
            reports: Vec::new(),
        };
        for (path, report) in examples.iter().filter(|(_, r)| applies(&old, r)) {
            diff.reports
                .push(perfrules::diff::report(&old, &policy, report, path).unwrap());
        }
        if !diff.reports.is_empty() {
            insta::assert_snapshot!(
                format!("diff__{}__{}", stem(&parent), stem(&rules)),
                output::diff::human(&diff, &old, &policy, &style)
            );
            snapshots += 1;
        }
    }
    assert!(snapshots >= 2, "no policy scored an example");
}
