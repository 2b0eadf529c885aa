//! `perfrules eval RULES REPORT`.

use super::{stderr_is_terminal, stdout_is_terminal, EvalArgs, Exit, FailOn, Format};
use crate::eval::{evaluate, EvalError};
use crate::i18n::Ui;
use crate::output::{human, json, Diag, Style};
use crate::syntax::ast::Severity;

pub(super) fn run(args: &EvalArgs) -> Exit {
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
    let report = match super::load::report(&args.report, args.lang) {
        Ok(report) => report,
        Err(diag) => {
            print_errors(&[*diag], &err_style);
            eprintln!("{}", ui.report_failed(&args.report.display().to_string()));
            return Exit::Input;
        }
    };
    let card = match evaluate(&policy, &report) {
        Ok(card) => card,
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
    match args.format {
        Format::Human => print!("{}", human::render(&card, &policy, &out_style)),
        Format::Json => println!("{}", json::render(&card, &policy, args.lang)),
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

fn print_errors(diags: &[Diag], style: &Style) {
    for diag in diags {
        eprint!("{}", diag.render(style));
    }
}
