//! A table's extent: the rows from its header to its end, without what is not part of it —
//! blank lines and page numbers where a page broke, the header repeated on the next page.
//! Text extracted from a document ends a table at the first line of prose; a workbook or
//! CSV at its first blank row. Either ends it at the next table's header.

use super::headers::{normalize, recognise, Header};
use super::note::{Note, NoteKind, Place};
use super::sheet::{Breaks, Row, Sheet};

/// A row of a table, and whether a page broke just before it.
#[derive(Clone, Copy, Debug)]
pub struct TableRow<'a> {
    pub row: &'a Row,
    pub after_break: bool,
}

/// The rows of the table whose header is at `start`, and the index of the first row after
/// the table.
pub fn extent<'a>(
    sheet: &'a Sheet,
    start: usize,
    header: &Header,
    notes: &mut Vec<Note>,
) -> (Vec<TableRow<'a>>, usize) {
    let place = |row: &Row| {
        Some(Place {
            sheet: sheet.name.clone(),
            row: row.number,
        })
    };
    let written: Vec<String> = header
        .columns
        .iter()
        .map(|c| normalize(&c.written))
        .collect();
    let mut rows = Vec::new();
    let mut after_break = false;
    let mut i = start + 1;
    while let Some(row) = sheet.rows.get(i) {
        if let Some(other) = recognise(row) {
            let again: Vec<String> = other
                .columns
                .iter()
                .map(|c| normalize(&c.written))
                .collect();
            if other.kind == header.kind && again == written {
                notes.push(Note {
                    place: place(row),
                    kind: NoteKind::RepeatedHeader,
                });
                after_break = true;
                i += 1;
                continue;
            }
            break;
        }
        if row.is_blank() {
            if sheet.breaks == Breaks::BlankRowEnds {
                break;
            }
            after_break = true;
        } else if !row.tabular {
            if !is_page_number(&row.text()) {
                break;
            }
            notes.push(Note {
                place: place(row),
                kind: NoteKind::PageNumber { text: row.text() },
            });
            after_break = true;
        } else {
            rows.push(TableRow { row, after_break });
            after_break = false;
        }
        i += 1;
    }
    (rows, i)
}

/// `3`, `- 3 -`, `— 3 —`, `第 3 页`, `3 / 10`, `第3页 共10页`: a page number on a line of its own.
fn is_page_number(text: &str) -> bool {
    let plain: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '—' | '–' | '/' | '第' | '页' | '共'))
        .collect();
    !plain.is_empty() && plain.len() <= 8 && plain.chars().all(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    #[test]
    fn page_numbers_are_recognised() {
        for text in ["3", "- 3 -", "第 3 页", "3 / 10", "第3页 共10页"] {
            assert!(super::is_page_number(text), "{text}");
        }
        for text in ["二、绩效", "2021年度", ""] {
            assert!(!super::is_page_number(text), "{text}");
        }
    }
}
