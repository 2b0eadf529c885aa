//! How output is rendered: language, colour, width.

use crate::i18n::Lang;

/// Rendering choices: colour only on a terminal (never with `NO_COLOR` or when piped),
/// a fixed width for diagnostics.
#[derive(Clone, Copy, Debug)]
pub struct Style {
    pub lang: Lang,
    pub color: bool,
    pub width: usize,
}

impl Style {
    /// No colour, 100 columns: what tests and pipes get.
    pub fn plain(lang: Lang) -> Style {
        Style {
            lang,
            color: false,
            width: 100,
        }
    }
}
