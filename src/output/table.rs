//! Columns aligned by display width, so that Chinese names line up.

use unicode_width::UnicodeWidthStr;

/// Pads `text` to `width` display columns, on the right (`left == true`) or on the left.
pub fn pad(text: &str, width: usize, left: bool) -> String {
    let fill = " ".repeat(width.saturating_sub(text.width()));
    if left {
        format!("{text}{fill}")
    } else {
        format!("{fill}{text}")
    }
}

pub fn width(text: &str) -> usize {
    text.width()
}
