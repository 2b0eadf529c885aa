//! `perfrules fmt [--check] FILE…`: rewrites each rule file in the canonical layout, or with
//! `--check` rewrites nothing and shows, as a unified diff, what formatting would change.

use super::{stderr_is_terminal, Exit, FmtArgs};
use crate::i18n::Words;
use crate::output::{diagnostic, Style};
use crate::source::Sources;

pub(super) fn run(args: &FmtArgs) -> Exit {
    let style = Style {
        lang: args.lang,
        color: args.color.enabled(stderr_is_terminal()),
        width: 100,
    };
    let words = Words(args.lang);
    let mut failed = false;
    let mut unformatted = 0;
    for path in &args.files {
        let name = path.display().to_string();
        let text = match super::load::read_rules(path, args.lang) {
            Ok(text) => text,
            Err(diag) => {
                super::eval::print_errors(&[*diag], &style);
                failed = true;
                continue;
            }
        };
        let formatted = match crate::fmt::format(&text) {
            Ok(formatted) => formatted,
            Err(errors) => {
                let mut sources = Sources::new();
                sources.add(name.clone(), text.as_str());
                for e in &errors {
                    eprint!(
                        "{}",
                        diagnostic::syntax(e, &sources, args.lang).render(&style)
                    );
                }
                eprintln!("{}", words.cannot_format(&name));
                failed = true;
                continue;
            }
        };
        if formatted == text {
            continue;
        }
        if args.check {
            unformatted += 1;
            let diff = similar::TextDiff::from_lines(&text, &formatted);
            print!(
                "{}",
                diff.unified_diff()
                    .context_radius(2)
                    .header(&name, &format!("{name} (perfrules fmt)"))
            );
        } else if let Err(e) = std::fs::write(path, &formatted) {
            eprintln!("{}", words.cannot_write(&name, &e.to_string()));
            failed = true;
        } else {
            eprintln!("{}", words.formatted(&name));
        }
    }
    if unformatted > 0 {
        eprintln!("{}", words.not_formatted(unformatted));
    }
    if failed {
        Exit::Input
    } else if unformatted > 0 {
        Exit::Findings
    } else {
        Exit::Scored
    }
}
