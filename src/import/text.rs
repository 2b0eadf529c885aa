//! Table text as extracted from a Word or PDF document: one line per row, cells separated by
//! tabs, merged cells left blank. Lines without a tab are prose.

use super::sheet::{Breaks, Row, Sheet};

/// Reads extracted text into one sheet. A byte-order mark and `\r` line ends are allowed.
pub fn read(text: &str) -> Sheet {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let rows = text
        .lines()
        .enumerate()
        .map(|(i, line)| Row {
            number: i + 1,
            cells: line.split('\t').map(|c| c.trim().to_string()).collect(),
            tabular: line.contains('\t'),
        })
        .collect();
    Sheet {
        name: None,
        rows,
        breaks: Breaks::PageBreaks,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn cells_are_split_at_tabs_and_blank_cells_are_kept() {
        let sheet = super::read("标题\n\t\t名称\t=100%\r\n");
        assert_eq!(sheet.rows.len(), 2);
        assert!(!sheet.rows[0].tabular);
        assert_eq!(sheet.rows[1].cells, ["", "", "名称", "=100%"]);
        assert_eq!(sheet.rows[1].number, 2);
    }
}
