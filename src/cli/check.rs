//! `perfrules check RULES…`: every error and warning of each rule file (and the files it
//! extends), sorted by position. Silent when there is nothing to say; exit 1 when a file has
//! errors, 3 when it has only warnings.

use super::{stderr_is_terminal, CheckArgs, Exit};
use crate::check::{analyse, CheckError};
use crate::i18n::Words;
use crate::output::{diagnostic, Style};
use crate::syntax::ast::Severity;

pub(super) fn run(args: &CheckArgs) -> Exit {
    let style = Style {
        lang: args.lang,
        color: args.color.enabled(stderr_is_terminal()),
        width: 100,
    };
    let words = Words(args.lang);
    let mut errors_seen = false;
    let mut warnings_seen = false;
    for path in &args.rules {
        let name = path.display().to_string();
        let loaded = match super::load::rule_file(path, args.lang) {
            Ok(loaded) => loaded,
            Err(diags) => {
                super::eval::print_errors(&diags, &style);
                eprintln!("{}", words.checked(&name, diags.len(), 0));
                errors_seen = true;
                continue;
            }
        };
        let sources = loaded.sources.clone();
        let (_, problems) = analyse(loaded.sources, loaded.main, &loaded.file, loaded.lints);
        if problems.is_empty() {
            continue;
        }
        let errors = count(&problems, Severity::Error);
        let warnings = problems.len() - errors;
        for problem in &problems {
            eprint!(
                "{}",
                diagnostic::check(problem, &sources, args.lang).render(&style)
            );
        }
        eprintln!("{}", words.checked(&name, errors, warnings));
        errors_seen |= errors > 0;
        warnings_seen |= warnings > 0;
    }
    if errors_seen {
        Exit::Input
    } else if warnings_seen {
        Exit::Findings
    } else {
        Exit::Scored
    }
}

fn count(problems: &[CheckError], severity: Severity) -> usize {
    problems.iter().filter(|p| p.severity() == severity).count()
}
