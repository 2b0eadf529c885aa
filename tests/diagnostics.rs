//! Every diagnostic, from a fixture named after it:
//! tests/fixtures/{parse,check,lint,extends,report,eval,judgement}.
//! Each test checks that the fixture raises the diagnostic its name says (a name may add a
//! suffix: `unknown_name_function` raises `unknown_name`), then snapshots the rendered
//! diagnostic, without colour at 100 columns, in Chinese and in English.

mod common;
use common::*;
use perfrules::eval::evaluate;
use perfrules::i18n::Lang;
use perfrules::output::{diagnostic, human, lost, Style};
use perfrules::report::Report;
use std::path::Path;

/// Fixture files of a folder, sorted, with their names.
fn fixtures(folder: &str, extension: Option<&str>) -> Vec<(String, std::path::PathBuf)> {
    let dir = Path::new("tests/fixtures").join(folder);
    let mut found: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| match extension {
            Some(ext) => p.extension().is_some_and(|e| e == ext),
            None => p.is_dir(),
        })
        .map(|p| {
            (
                p.file_stem()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .into_owned(),
                p,
            )
        })
        .collect();
    found.sort();
    assert!(!found.is_empty(), "no fixtures in {}", dir.display());
    found
}

/// Whether a code (`perfrules::check::unknown_name`) is the one a fixture's name promises.
fn named_by(fixture: &str, code: &str) -> bool {
    let tail = code.rsplit("::").next().unwrap_or(code);
    fixture == tail || fixture.starts_with(&format!("{tail}_"))
}

fn both_languages(render: impl Fn(Lang) -> String) -> String {
    format!("{}\n---- en ----\n{}", render(Lang::Zh), render(Lang::En))
}

#[test]
fn every_parse_error_has_a_fixture_a_code_a_label_and_a_snapshot() {
    for (name, path) in fixtures("parse", Some("pr")) {
        let text = read(&path.to_string_lossy());
        let file_name = format!("fixtures/parse/{name}.pr");
        let err = try_policy(&file_name, &text, Lang::Zh).expect_err(&name);
        let code = err
            .lines()
            .find(|l| l.contains("perfrules::"))
            .unwrap_or_default()
            .trim()
            .to_string();
        assert!(named_by(&name, &code), "{name} raised {code}");
        assert!(
            err.contains('╭'),
            "{name}: the diagnostic shows the rule file"
        );
        insta::assert_snapshot!(
            format!("parse__{name}"),
            both_languages(|lang| try_policy(&file_name, &text, lang)
                .err()
                .unwrap_or_default())
        );
    }
}

#[test]
fn every_check_error_has_a_fixture_a_code_a_label_and_a_snapshot() {
    for (name, path) in fixtures("check", Some("pr")) {
        let text = read(&path.to_string_lossy());
        let file_name = format!("fixtures/check/{name}.pr");
        let err = try_policy(&file_name, &text, Lang::Zh).expect_err(&name);
        let code = err
            .lines()
            .find(|l| l.contains("perfrules::"))
            .unwrap_or_default()
            .trim()
            .to_string();
        assert!(named_by(&name, &code), "{name} raised {code} first");
        insta::assert_snapshot!(
            format!("check__{name}"),
            both_languages(|lang| try_policy(&file_name, &text, lang)
                .err()
                .unwrap_or_default())
        );
    }
}

#[test]
fn every_report_error_names_its_json_path_and_has_a_snapshot() {
    for (name, path) in fixtures("report", Some("json")) {
        let text = read(&path.to_string_lossy());
        let err = Report::from_json(&text).expect_err(&name);
        assert!(named_by(&name, err.code()), "{name} raised {}", err.code());
        let file_name = format!("fixtures/report/{name}.json");
        let render =
            |lang| diagnostic::report(&err, &file_name, &text, lang).render(&Style::plain(lang));
        insta::assert_snapshot!(format!("report__{name}"), both_languages(render));
    }
}

#[test]
fn every_eval_finding_has_a_fixture_and_a_snapshot() {
    let base = read("tests/fixtures/eval/base.pr");
    for (name, path) in fixtures("eval", None) {
        let rules_path = path.join("rules.pr");
        let rules = if rules_path.exists() {
            read(&rules_path.to_string_lossy())
        } else {
            base.clone()
        };
        let policy =
            try_policy("rules.pr", &rules, Lang::Zh).unwrap_or_else(|e| panic!("{name}:\n{e}"));
        let report = Report::from_json(&read(&path.join("report.json").to_string_lossy()))
            .unwrap_or_else(|e| panic!("{name}: {e:?}"));
        let card = evaluate(&policy, &report).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        assert!(
            card.findings.iter().any(|f| named_by(&name, &f.code)),
            "{name}: findings are {:?}",
            card.findings.iter().map(|f| &f.code).collect::<Vec<_>>()
        );
        let render = |lang| {
            let style = Style::plain(lang);
            let lost: String = card
                .indicators
                .iter()
                .filter_map(|s| lost::lost_points(s, &policy, lang))
                .map(|d| d.render(&style))
                .collect();
            format!(
                "total {} · raw {} of {}\n{lost}{}",
                card.total,
                card.raw_total,
                card.max_points,
                human::findings(&card, &policy, &style)
            )
        };
        insta::assert_snapshot!(format!("eval__{name}"), both_languages(render));
    }
}

#[test]
fn every_refused_judgement_names_its_band_or_reason_and_has_a_snapshot() {
    use perfrules::eval::{evaluate_judged, EvalError};
    use perfrules::judgement::Judgements;
    let policy = try_policy(
        "rules/2022-project.pr",
        &read("rules/2022-project.pr"),
        Lang::Zh,
    )
    .unwrap();
    let report = Report::from_json(&read("tests/fixtures/project/synthetic-messy.json")).unwrap();
    for (name, path) in fixtures("judgement", Some("json")) {
        let text = read(&path.to_string_lossy());
        let judgements = Judgements::from_json(&text).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        let Err(EvalError::Judgements(errors)) = evaluate_judged(&policy, &report, &judgements)
        else {
            panic!("{name}: the judgements were accepted");
        };
        let file_name = format!("fixtures/judgement/{name}.json");
        let render = |lang| {
            errors
                .iter()
                .map(|e| {
                    diagnostic::judgement(e, &file_name, &text, lang).render(&Style::plain(lang))
                })
                .collect::<String>()
        };
        let rendered = render(Lang::Zh);
        let code = rendered
            .lines()
            .find(|l| l.contains("perfrules::"))
            .unwrap_or_default()
            .trim()
            .to_string();
        assert!(named_by(&name, &code), "{name} raised {code}");
        insta::assert_snapshot!(format!("judgement__{name}"), both_languages(render));
    }
}

/// Every error and warning `perfrules check` gives for a rule file, rendered.
fn check_output(name: &str, text: &str, lang: Lang) -> (Vec<String>, String) {
    let style = Style::plain(lang);
    match perfrules::extends::load_text(name, text) {
        Err(failed) => (
            failed
                .errors
                .iter()
                .map(|e| code_of_load(e).to_string())
                .collect(),
            failed
                .errors
                .iter()
                .map(|e| diagnostic::load(e, &failed.sources, lang).render(&style))
                .collect(),
        ),
        Ok(loaded) => {
            let sources = loaded.sources.clone();
            let (_, problems) =
                perfrules::check::analyse(loaded.sources, loaded.main, &loaded.file, loaded.lints);
            (
                problems.iter().map(|p| p.code().to_string()).collect(),
                problems
                    .iter()
                    .map(|p| diagnostic::check(p, &sources, lang).render(&style))
                    .collect(),
            )
        }
    }
}

fn code_of_load(e: &perfrules::extends::LoadError) -> &'static str {
    match e {
        perfrules::extends::LoadError::Syntax(e) => e.code(),
        perfrules::extends::LoadError::Extends(e) => e.code(),
    }
}

#[test]
fn every_lint_has_a_fixture_that_raises_it_first_and_a_snapshot() {
    for (name, path) in fixtures("lint", Some("pr")) {
        let text = read(&path.to_string_lossy());
        let file_name = format!("fixtures/lint/{name}.pr");
        let (codes, _) = check_output(&file_name, &text, Lang::Zh);
        let first = codes.first().cloned().unwrap_or_default();
        assert!(named_by(&name, &first), "{name} raised {codes:?}");
        insta::assert_snapshot!(
            format!("lint__{name}"),
            both_languages(|lang| check_output(&file_name, &text, lang).1)
        );
    }
}

#[test]
fn rule_files_and_the_example_fixtures_raise_no_lint() {
    for path in std::fs::read_dir("rules").unwrap().filter_map(Result::ok) {
        let path = path.path().to_string_lossy().into_owned();
        if path.ends_with(".pr") {
            let (codes, text) = check_output(&path, &read(&path), Lang::Zh);
            assert!(codes.is_empty(), "{path}:\n{text}");
        }
    }
}

#[test]
fn every_extends_error_has_a_fixture_folder_and_a_snapshot() {
    for (name, dir) in fixtures("extends", None) {
        let main = dir.join("main.pr");
        let text = read(&main.to_string_lossy());
        // as the command line names it: relative to the crate, forward slashes
        let file_name = format!("tests/fixtures/extends/{name}/main.pr");
        let (codes, _) = check_output(&file_name, &text, Lang::Zh);
        let first = codes.first().cloned().unwrap_or_default();
        assert!(named_by(&name, &first), "{name} raised {codes:?}");
        insta::assert_snapshot!(
            format!("extends__{name}"),
            both_languages(|lang| check_output(&file_name, &text, lang).1)
        );
    }
}
