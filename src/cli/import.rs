//! `perfrules import FILE [-o report.json] [--strict]`: a unit's tables in, report.json out.
//! Warnings (what could not be placed) and notes (what was done, what the report lacks) go
//! to stderr; the report to `-o FILE` (written atomically) or to stdout.

use super::{write, Exit, ImportArgs};
use crate::i18n::{self, Lang};
use crate::import::{import_file, Given, Imported, Note};
use crate::output::{Diag, Style};
use crate::t;
use miette::Severity;

pub(super) fn run(args: &ImportArgs) -> Exit {
    let lang = args.lang;
    let style = Style::plain(lang);
    let given = Given {
        unit: args.unit.clone(),
        year: args.year,
        kind: args.kind.clone(),
        project: args.project.clone(),
    };
    let file = args.file.display().to_string();
    let imported = match import_file(&args.file, &given) {
        Ok(imported) => imported,
        Err(e) => {
            let (message, help) = i18n::import_error(&e, lang);
            let diag = Diag {
                code: e.code().to_string(),
                severity: Severity::Error,
                message: format!("{file}: {message}"),
                help,
                labels: Vec::new(),
                source: None,
            };
            eprint!("{}", diag.render(&style));
            return Exit::Input;
        }
    };
    for note in &imported.notes {
        eprintln!("{}", line(note, args.strict, lang));
    }
    let warnings = imported.warnings();
    if args.strict && warnings > 0 {
        eprintln!(
            "{}",
            t!(
                lang,
                "{file}：--strict 下有 {warnings} 处无法归入的内容，未写出报告",
                "{file}: {warnings} things could not be placed and --strict is set; no report written"
            )
        );
        return Exit::Input;
    }
    let json = imported.draft.to_json();
    match &args.output {
        Some(path) => {
            if let Err(e) = write::atomically(path, json.as_bytes()) {
                let path = path.display().to_string();
                eprintln!("{}", i18n::cannot_write(&path, &e.to_string(), lang));
                return Exit::Input;
            }
        }
        None => print!("{json}"),
    }
    eprintln!("{}", summary(&imported, args.output.as_deref(), lang));
    Exit::Scored
}

/// `警告 第 77 行：… [perfrules::import::unplaced]`.
fn line(note: &Note, strict: bool, lang: Lang) -> String {
    let severity = match (note.kind.is_warning(), strict) {
        (true, true) => t!(lang, "错误", "error"),
        (true, false) => t!(lang, "警告", "warning"),
        (false, _) => t!(lang, "提示", "note"),
    };
    let place = note
        .place
        .as_ref()
        .map(|p| {
            let p = i18n::import_place(p, lang);
            t!(lang, "{p}：", "{p}: ")
        })
        .unwrap_or_default();
    let message = i18n::import_note(note, lang);
    format!("{severity} {place}{message}  [{}]", note.kind.code())
}

fn summary(imported: &Imported, output: Option<&std::path::Path>, lang: Lang) -> String {
    let indicators = imported.draft.indicators.len();
    let budget = imported.draft.budget.len();
    let warnings = imported.warnings();
    let notes = imported.notes.len() - warnings;
    let written = output
        .map(|p| {
            let p = p.display().to_string();
            t!(lang, "，已写入 {p}", "; written to {p}")
        })
        .unwrap_or_default();
    t!(
        lang,
        "导入 {indicators} 项指标、{budget} 行预算；{warnings} 个警告，{notes} 条提示{written}",
        "imported {indicators} indicators and {budget} budget rows; {warnings} warnings, {notes} notes{written}"
    )
}
