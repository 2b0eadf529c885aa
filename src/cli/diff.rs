//! `perfrules diff OLD NEW REPORT…`.

use super::{stderr_is_terminal, stdout_is_terminal, DiffArgs, DiffFormat, Exit};
use crate::diff::{self, PolicyDiff};
use crate::i18n::Ui;
use crate::output::{self, Style};

pub(super) fn run(args: &DiffArgs) -> Exit {
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
    let mut policies = Vec::new();
    for path in [&args.old, &args.new] {
        match super::load::policy(path, args.lang) {
            Ok(policy) => policies.push(policy),
            Err(diags) => {
                super::eval::print_errors(&diags, &err_style);
                eprintln!(
                    "{}",
                    ui.rule_file_errors(&path.display().to_string(), diags.len())
                );
                return Exit::Input;
            }
        }
    }
    let (old, new) = (&policies[0], &policies[1]);
    let mut diff = PolicyDiff {
        reports: Vec::new(),
    };
    for path in &args.reports {
        let name = path.display().to_string();
        let report = match super::load::report(path, args.lang) {
            Ok(report) => report,
            Err(d) => {
                super::eval::print_errors(&[*d], &err_style);
                eprintln!("{}", ui.report_failed(&name));
                return Exit::Input;
            }
        };
        match diff::report(old, new, &report, &name) {
            Ok(d) => diff.reports.push(d),
            Err(crate::eval::EvalError::Overflow { what }) => {
                eprintln!("perfrules::eval::overflow: {}", ui.overflow(what));
                return Exit::Input;
            }
            // diff passes no judgements, so none can be refused
            Err(e) => {
                eprintln!("{e:?}");
                return Exit::Input;
            }
        }
    }
    match args.format {
        DiffFormat::Human => print!("{}", output::diff::human(&diff, old, new, &out_style)),
        DiffFormat::Json => println!("{}", output::diff::json(&diff, old, new)),
    }
    if diff.any_change() {
        Exit::Findings
    } else {
        Exit::Scored
    }
}
