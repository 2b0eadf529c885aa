//! The catalog: every sentence perfrules shows a user, in Chinese (the default) and English.
//! Each message is a function over its figures, so both languages take the same figures and
//! the compiler checks them.

mod batch;
mod check;
mod commands;
mod diff;
mod eval;
mod extends;
mod import;
mod lint;
mod output;
mod report;
mod syntax;
mod ui;

pub use batch::{csv_indicator_columns, csv_report_columns};
pub use check::{check_error, check_help, check_label};
pub use commands::Words;
pub use diff::DiffWords;
pub use eval::{
    achievement, engine_finding, form_name, judgement_error, method_name, problem, working,
};
pub use extends::{extends_error, extends_help, extends_label};
pub use import::{import_error, import_note, import_place};
pub use lint::{lint_help, lint_label, lint_message, lint_related_label};
pub use output::*;
pub use report::report_error;
pub use syntax::{expected, syntax_error, syntax_help, syntax_label};
pub use ui::Ui;

/// The language of user-facing text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Hash, clap::ValueEnum)]
pub enum Lang {
    /// 中文
    #[default]
    Zh,
    /// English
    En,
}

/// `t!(lang, "中文 {x}", "English {x}")`: the sentence in the chosen language.
#[macro_export]
macro_rules! t {
    ($lang:expr, $zh:literal, $en:literal) => {
        match $lang {
            $crate::i18n::Lang::Zh => format!($zh),
            $crate::i18n::Lang::En => format!($en),
        }
    };
}

/// "did you mean `x`?"
pub fn did_you_mean(lang: Lang, suggestion: &str) -> String {
    t!(
        lang,
        "你是不是指 `{suggestion}`？",
        "did you mean `{suggestion}`?"
    )
}

/// A size in bytes, exactly: `16 MiB` when it is a whole number of MiB or KiB, otherwise
/// every byte (`16,777,217 字节`, `16,777,217 bytes`).
pub fn bytes(n: u64, lang: Lang) -> String {
    for (unit, name) in [(1u64 << 20, "MiB"), (1 << 10, "KiB")] {
        if n >= unit && n.is_multiple_of(unit) {
            return format!("{} {name}", n / unit);
        }
    }
    let digits = n.to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    t!(lang, "{grouped} 字节", "{grouped} bytes")
}
