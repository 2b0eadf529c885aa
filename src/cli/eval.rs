//! `perfrules eval RULES REPORT`: one report (many go through [`super::batch`]).

use super::{stderr_is_terminal, stdout_is_terminal, EvalArgs, Exit, FailOn, Format};
use crate::eval::{evaluate, evaluate_judged, EvalError};
use crate::i18n;
use crate::i18n::Ui;
use crate::output::{html, human, json, markdown, xlsx, Diag, Style};
use crate::syntax::ast::Severity;

pub(super) fn run(args: &EvalArgs, report: &std::path::Path) -> Exit {
    if matches!(args.format, Format::Xlsx) && args.output.is_none() {
        eprintln!("{}", i18n::xlsx_needs_output(args.lang));
        return Exit::Usage;
    }
    let out_style = Style {
        lang: args.lang,
        color: args.color.enabled(stdout_is_terminal()),
        width: 100,
    };
    let err_style = Style {
        lang: args.lang,
        color: args.color.enabled(stderr_is_terminal()),
        width: 100,
    };
    let ui = Ui(args.lang);
    let policy = match super::load::policy(&args.rules, args.lang) {
        Ok(policy) => policy,
        Err(diags) => {
            print_errors(&diags, &err_style);
            eprintln!(
                "{}",
                ui.rule_file_errors(&args.rules.display().to_string(), diags.len())
            );
            return Exit::Input;
        }
    };
    // The policy scores; what the static analyses warn of goes to stderr, for the auditor.
    for warning in policy.warnings() {
        let problem = crate::check::CheckError::Lint(warning.clone());
        let diag = crate::output::diagnostic::check(&problem, policy.sources(), args.lang);
        eprint!("{}", diag.render(&err_style));
    }
    let report_path = report;
    let report = match super::load::report(report_path, args.lang) {
        Ok(report) => report,
        Err(diag) => {
            print_errors(&[*diag], &err_style);
            eprintln!("{}", ui.report_failed(&report_path.display().to_string()));
            return Exit::Input;
        }
    };
    let judgements = match &args.judgements {
        Some(path) => match super::load::judgements(path, args.lang) {
            Ok(loaded) => Some(loaded),
            Err(diag) => {
                print_errors(&[*diag], &err_style);
                eprintln!("{}", ui.judgements_failed(&path.display().to_string()));
                return Exit::Input;
            }
        },
        None => None,
    };
    let scored = match &judgements {
        Some((j, _)) => evaluate_judged(&policy, &report, j),
        None => evaluate(&policy, &report),
    };
    let card = match scored {
        Ok(card) => card,
        Err(EvalError::Judgements(errors)) => {
            let (name, text) = match (&args.judgements, &judgements) {
                (Some(path), Some((_, text))) => (path.display().to_string(), text.as_str()),
                _ => (String::new(), ""),
            };
            let diags: Vec<Diag> = errors
                .iter()
                .map(|e| crate::output::diagnostic::judgement(e, &name, text, args.lang))
                .collect();
            print_errors(&diags, &err_style);
            eprintln!("{}", ui.judgements_failed(&name));
            return Exit::Input;
        }
        Err(EvalError::Overflow { what }) => {
            let diag = Diag {
                code: "perfrules::eval::overflow".to_string(),
                severity: miette::Severity::Error,
                message: ui.overflow(what),
                help: None,
                labels: Vec::new(),
                source: None,
            };
            print_errors(&[diag], &err_style);
            return Exit::Input;
        }
    };
    let to_file = args.output.is_some();
    let style = Style {
        color: out_style.color && !to_file,
        ..out_style
    };
    let bytes = match args.format {
        Format::Human => human::render(&card, &policy, &style).into_bytes(),
        Format::Json => format!("{}\n", json::render(&card, &policy, args.lang)).into_bytes(),
        Format::Markdown => markdown::render(&card, &policy, args.lang).into_bytes(),
        Format::Html => html::render(&card, &policy, args.lang).into_bytes(),
        Format::Xlsx => match xlsx::render(&[(&card, &policy)], args.lang) {
            Ok(bytes) => bytes,
            Err(e) => {
                let path = args.output.as_ref().map(|p| p.display().to_string());
                eprintln!(
                    "{}",
                    i18n::cannot_write(&path.unwrap_or_default(), &e, args.lang)
                );
                return Exit::Input;
            }
        },
        // INVARIANT: batch::single_report sends CSV to the batch.
        Format::Csv => Vec::new(),
    };
    match &args.output {
        Some(path) => {
            if let Err(e) = super::write::atomically(path, &bytes) {
                let path = path.display().to_string();
                eprintln!("{}", i18n::cannot_write(&path, &e.to_string(), args.lang));
                return Exit::Input;
            }
        }
        None => {
            use std::io::Write;
            let _ = std::io::stdout().write_all(&bytes);
        }
    }
    let threshold = match args.fail_on {
        Some(FailOn::Error) => Some(Severity::Error),
        Some(FailOn::Warning) => Some(Severity::Warning),
        None => None,
    };
    match threshold {
        Some(severity) if card.count_at_least(severity) > 0 => Exit::Findings,
        _ => Exit::Scored,
    }
}

pub(super) fn print_errors(diags: &[Diag], style: &Style) {
    for diag in diags {
        eprint!("{}", diag.render(style));
    }
}
