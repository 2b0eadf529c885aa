//! `perfrules eval RULES PATH…` over many reports: every report found is read, scored and
//! rendered on all cores (crate::batch), printed in input order, and gathered into the
//! summary.
//!
//! With exactly one report file and `--format human|json` and no `--summary`, the command is
//! the single-report one (super::eval), unchanged. Otherwise:
//! - human: each scorecard under a `══ file ══` heading, then the summary;
//! - json: JSON Lines, one `{"source", "result"}` (or `{"source", "error"}`) per report,
//!   then one `{"summary": …}` line;
//! - csv: a UTF-8 CSV with BOM, one row per report (`--per indicator`: per indicator), in
//!   input order, and nothing else;
//! - `--summary`: only the summary (human, or one JSON document; CSV is already one);
//! - xlsx (with `-o`): the workbook of crate::output::xlsx over every scorecard, with its
//!   batch summary sheet. It needs every scorecard at once, so its memory grows with the
//!   number of reports (use CSV for a province); markdown and HTML take one report.
//!
//! `-o FILE` writes the output to a file, atomically (super::write), instead of stdout.
//!
//! A report that cannot be read or scored gets its diagnostic on stderr (named by its file,
//! or `-:LINE`), a line in the summary's failures, and the run goes on. Exit code: 1 when any
//! report (or the rule file) could not be read or scored, else 3 when any report has
//! findings at or above `--fail-on`, else 0.

use super::progress::Progress;
use super::{stderr_is_terminal, stdout_is_terminal, EvalArgs, Exit, FailOn, Format, Per};
use crate::batch::{ordered_map, Input, Inputs, Item, Panicked};
use crate::check::{names, Policy};
use crate::eval::{evaluate, evaluate_judged, EvalError};
use crate::i18n::{Lang, Ui};
use crate::judgement::Judgements;
use crate::limits::ReadError;
use crate::output::summary::{Failure, ReportRow, Summary};
use crate::output::{csv, diagnostic, human, json, summary, Diag, Style};
use crate::report::Report;
use crate::syntax::ast::Severity;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The report of a single-report run, when the command is one (module doc).
pub(super) fn single_report(args: &EvalArgs) -> Option<PathBuf> {
    let one_file = match args.reports.as_slice() {
        [path] => Input::from_arg(path).is_file().then(|| path.clone()),
        _ => None,
    };
    let single_format = !matches!(args.format, Format::Csv);
    one_file.filter(|_| single_format && !args.summary && args.per == Per::Report)
}

/// What the run needs to score one report, shared by every worker.
struct Context<'a> {
    policy: &'a Policy,
    lang: Lang,
    format: Format,
    per: Per,
    only_summary: bool,
    /// The auditor's judgements, with the file's name and text (for diagnostics).
    judgements: Option<(&'a Judgements, String, String)>,
    threshold: Option<Severity>,
    err_style: Style,
    out_style: Style,
}

/// One report, done: what to print, and what the summary keeps.
struct Outcome {
    output: String,
    diagnostics: String,
    scored: Option<ReportRow>,
    /// The scorecard itself, only for xlsx (which writes every scorecard at the end).
    card: Option<crate::scorecard::Scorecard<'static>>,
    failure: Option<Failure>,
    findings_hit: bool,
    judged: bool,
}

pub(super) fn run(args: &EvalArgs) -> Exit {
    let lang = args.lang;
    let ui = Ui(lang);
    let out_style = Style {
        lang,
        color: args.color.enabled(stdout_is_terminal()),
        width: 100,
    };
    let err_style = Style {
        lang,
        color: args.color.enabled(stderr_is_terminal()),
        width: 100,
    };
    if args.per == Per::Indicator && !matches!(args.format, Format::Csv) {
        eprintln!("{}", ui.per_needs_csv());
        return Exit::Usage;
    }
    if matches!(args.format, Format::Markdown | Format::Html) {
        eprintln!("{}", ui.one_report_format());
        return Exit::Usage;
    }
    if matches!(args.format, Format::Xlsx) && args.output.is_none() {
        eprintln!("{}", crate::i18n::xlsx_needs_output(lang));
        return Exit::Usage;
    }
    if args.reports.iter().filter(|p| p.as_os_str() == "-").count() > 1 {
        eprintln!("{}", ui.stdin_twice());
        return Exit::Usage;
    }
    let policy = match super::load::policy(&args.rules, lang) {
        Ok(policy) => policy,
        Err(diags) => {
            for d in &diags {
                eprint!("{}", d.render(&err_style));
            }
            let rules = args.rules.display().to_string();
            eprintln!("{}", ui.rule_file_errors(&rules, diags.len()));
            return Exit::Input;
        }
    };
    let loaded = match &args.judgements {
        Some(path) => match super::load::judgements(path, lang) {
            Ok((j, _)) if j.report.is_none() => {
                eprintln!("{}", ui.judgements_need_report());
                return Exit::Usage;
            }
            Ok((j, text)) => Some((j, path.display().to_string(), text)),
            Err(diag) => {
                eprint!("{}", diag.render(&err_style));
                eprintln!("{}", ui.judgements_failed(&path.display().to_string()));
                return Exit::Input;
            }
        },
        None => None,
    };
    let context = Context {
        policy: &policy,
        lang,
        format: args.format,
        per: args.per,
        only_summary: args.summary,
        judgements: loaded.as_ref().map(|(j, n, t)| (j, n.clone(), t.clone())),
        threshold: match args.fail_on {
            Some(FailOn::Error) => Some(Severity::Error),
            Some(FailOn::Warning) => Some(Severity::Warning),
            None => None,
        },
        err_style,
        out_style,
    };
    let workers = args.jobs.map_or_else(
        || std::thread::available_parallelism().map_or(1, |n| n.get()),
        usize::from,
    );
    let inputs: Vec<Input> = args.reports.iter().map(|p| Input::from_arg(p)).collect();
    let items = Inputs::new(inputs, std::io::BufReader::new(std::io::stdin()));
    let keep_summary = matches!(args.format, Format::Human | Format::Json);
    let to_file = match (&args.output, args.format) {
        (Some(path), Format::Human | Format::Json | Format::Csv) => {
            match super::write::Atomic::create(path) {
                Ok(file) => Some(file),
                Err(e) => {
                    let path = path.display().to_string();
                    eprintln!("{}", crate::i18n::cannot_write(&path, &e.to_string(), lang));
                    return Exit::Input;
                }
            }
        }
        _ => None,
    };
    let stdout = std::io::stdout();
    let mut file = None;
    let mut out: Box<dyn Write> = match to_file {
        Some(atomic) => Box::new(file.insert(atomic)),
        None => Box::new(std::io::BufWriter::new(stdout.lock())),
    };
    let mut cards: Vec<crate::scorecard::Scorecard> = Vec::new();
    let mut write_failed = false;
    let mut put = |out: &mut Box<dyn Write + '_>, text: &str| {
        if !write_failed && out.write_all(text.as_bytes()).is_err() {
            // A closed pipe (`| head`): stop writing, keep scoring for the exit code.
            write_failed = true;
        }
    };
    if matches!(args.format, Format::Csv) {
        let header = match args.per {
            Per::Report => csv::report_header(lang),
            Per::Indicator => csv::indicator_header(lang),
        };
        put(&mut out, &format!("{}{header}", csv::BOM));
    }
    let mut progress = Progress::new(!args.quiet && stderr_is_terminal(), ui);
    let mut summary = Summary::new();
    let (mut reports, mut failed, mut hit, mut judged) = (0usize, 0usize, false, false);
    ordered_map(
        items,
        workers,
        |item| score(item, &context),
        |done: Result<Outcome, Panicked>| {
            let outcome = done
                .unwrap_or_else(|p| internal(&p, reports, &format!("#{}", reports + 1), &context));
            reports += 1;
            put(&mut out, &outcome.output);
            if !outcome.diagnostics.is_empty() {
                let _ = out.flush();
                progress.eprint(&outcome.diagnostics);
            }
            hit |= outcome.findings_hit;
            judged |= outcome.judged;
            cards.extend(outcome.card);
            if let Some(row) = outcome.scored.filter(|_| keep_summary) {
                summary.add(row);
            }
            if let Some(failure) = outcome.failure {
                failed += 1;
                if keep_summary {
                    summary.fail(failure);
                }
            }
            progress.inc();
        },
    );
    progress.finish();
    if reports == 0 {
        eprintln!("{}", ui.batch_empty());
        return Exit::Input;
    }
    let written = match args.format {
        Format::Human => summary::write(&mut out, &summary, &policy, &out_style),
        Format::Json if args.summary => summary::write_json(&mut out, &summary, &policy),
        Format::Json => summary::write_json_line(&mut out, &summary, &policy),
        _ => Ok(()),
    };
    // A closed pipe (`| head`) is not a failure of the run; a file that cannot be written is.
    let flushed = written.and_then(|_| out.flush());
    drop(out);
    let saved = match (file, args.format) {
        (Some(atomic), _) => Some(flushed.and_then(|_| atomic.commit())),
        (None, Format::Xlsx) => {
            let list: Vec<_> = cards.iter().map(|c| (c, &policy)).collect();
            let path = args.output.clone().unwrap_or_default();
            Some(
                crate::output::xlsx::render(&list, lang)
                    .map_err(std::io::Error::other)
                    .and_then(|bytes| super::write::atomically(&path, &bytes)),
            )
        }
        _ => None,
    };
    if let Some(Err(e)) = saved {
        let path = args.output.as_ref().map(|p| p.display().to_string());
        eprintln!(
            "{}",
            crate::i18n::cannot_write(&path.unwrap_or_default(), &e.to_string(), lang)
        );
        return Exit::Input;
    }
    if let (Some((_, name, _)), false) = (&context.judgements, judged) {
        eprintln!("{}", ui.judgements_unused(name));
    }
    if failed > 0 {
        eprintln!("{}", ui.batch_failed(failed, reports));
        Exit::Input
    } else if hit {
        Exit::Findings
    } else {
        Exit::Scored
    }
}

/// Reads, scores and renders one report (on a worker thread). A panic while scoring (a bug)
/// becomes this report's failure, named by its file.
fn score(item: Item, cx: &Context<'_>) -> Outcome {
    let (index, name) = (item.index, item.name.clone());
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| score_item(item, cx))).unwrap_or_else(
        |payload| {
            let message = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            internal(&Panicked(message), index, &name, cx)
        },
    )
}

fn score_item(item: Item, cx: &Context<'_>) -> Outcome {
    let name = item.name;
    let text = match item.text {
        Ok(text) => text,
        Err(ReadError::Io(e)) => {
            let diag = super::load::read_error(Path::new(&name), &e, cx.lang);
            return failure(item.index, &name, vec![*diag], cx);
        }
        Err(ReadError::TooLarge(size)) => {
            let diag = super::load::report_too_large(&name, size, cx.lang);
            return failure(item.index, &name, vec![*diag], cx);
        }
    };
    let report = match Report::from_json(&text) {
        Ok(report) => report,
        Err(e) => {
            let diag = match item.line {
                Some(line) => line_diagnostic(&e, line, &text, cx.lang),
                None => diagnostic::report(&e, &name, &text, cx.lang),
            };
            return failure(item.index, &name, vec![diag], cx);
        }
    };
    let judgements = cx
        .judgements
        .as_ref()
        .filter(|(j, _, _)| applies(j, &report));
    let scored = match judgements {
        Some((j, _, _)) => evaluate_judged(cx.policy, &report, j),
        None => evaluate(cx.policy, &report),
    };
    let card = match scored {
        Ok(card) => card,
        Err(EvalError::Judgements(errors)) => {
            let (file, text) = judgements.map_or(("", ""), |(_, n, t)| (n.as_str(), t.as_str()));
            let diags = errors
                .iter()
                .map(|e| diagnostic::judgement(e, file, text, cx.lang))
                .collect();
            return failure(item.index, &name, diags, cx);
        }
        Err(EvalError::Overflow { what }) => {
            let diag = plain_diag("perfrules::eval::overflow", Ui(cx.lang).overflow(what));
            return failure(item.index, &name, vec![diag], cx);
        }
    };
    let output = match (cx.format, cx.per) {
        (Format::Csv, Per::Report) => csv::report_row(&name, &card, cx.lang),
        (Format::Csv, Per::Indicator) => csv::indicator_rows(&name, &card, cx.lang),
        _ if cx.only_summary => String::new(),
        (Format::Human, _) => format!(
            "{}\n\n{}\n",
            Ui(cx.lang).report_heading(&name),
            human::render(&card, cx.policy, &cx.out_style)
        ),
        (Format::Json, _) => format!("{}\n", json::render_line(&name, &card, cx.policy, cx.lang)),
        _ => String::new(),
    };
    Outcome {
        output,
        diagnostics: String::new(),
        findings_hit: cx
            .threshold
            .is_some_and(|severity| card.count_at_least(severity) > 0),
        scored: Some(ReportRow::new(item.index, &name, &card)),
        card: matches!(cx.format, Format::Xlsx).then(|| card.into_owned()),
        failure: None,
        judged: judgements.is_some(),
    }
}

/// The diagnostic of a JSON Lines report, placed in standard input (`-:LINE:COLUMN`, the
/// line numbered as in the stream): the line is read again after as many newlines as lines
/// before it (JSON allows leading whitespace), so every offset lands where it is in the
/// stream. Only a failing line pays for this.
fn line_diagnostic(e: &crate::report::ReportError, line: usize, text: &str, lang: Lang) -> Diag {
    let mut padded = "\n".repeat(line.saturating_sub(1));
    padded.push_str(text);
    match Report::from_json(&padded) {
        Err(again) => diagnostic::report(&again, "-", &padded, lang),
        Ok(_) => diagnostic::report(e, &format!("-:{line}"), text, lang),
    }
}

/// Whether a judgements file is for this report (the batch requires files that name one).
fn applies(judgements: &Judgements, report: &Report) -> bool {
    judgements
        .report
        .as_ref()
        .is_some_and(|r| r.year == report.year && names::key(&r.unit) == names::key(&report.unit))
}

fn plain_diag(code: &str, message: String) -> Diag {
    Diag {
        code: code.to_string(),
        severity: miette::Severity::Error,
        message,
        help: None,
        labels: Vec::new(),
        source: None,
    }
}

/// A report that could not be scored: its diagnostics for stderr, its line in the output.
fn failure(index: usize, name: &str, diags: Vec<Diag>, cx: &Context<'_>) -> Outcome {
    let diagnostics: String = diags.iter().map(|d| d.render(&cx.err_style)).collect();
    let (code, message) = diags
        .first()
        .map(|d| (d.code.clone(), d.message.clone()))
        .unwrap_or_default();
    let output = match (cx.format, cx.per) {
        (Format::Csv, Per::Report) => {
            csv::report_failure(name, &format!("{code}: {message}"), cx.lang)
        }
        (Format::Csv, Per::Indicator) => {
            csv::indicator_failure(name, &format!("{code}: {message}"), cx.lang)
        }
        (Format::Json, _) if !cx.only_summary => {
            format!("{}\n", json::render_failure_line(name, &code, &message))
        }
        _ => String::new(),
    };
    Outcome {
        output,
        diagnostics,
        scored: None,
        card: None,
        failure: Some(Failure {
            index,
            source: name.to_string(),
            code,
            message,
        }),
        findings_hit: false,
        judged: false,
    }
}

/// A report whose scoring panicked (a bug): reported like any failure, the run goes on.
fn internal(panicked: &Panicked, index: usize, name: &str, cx: &Context<'_>) -> Outcome {
    let diag = plain_diag(
        "perfrules::internal",
        Ui(cx.lang).internal_error(&panicked.0),
    );
    failure(index, name, vec![diag], cx)
}
