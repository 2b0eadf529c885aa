//! Columns whose cells do not become fields of report.json: the form's weights, 年初预算数,
//! 序号 (noted), and headers this importer does not know (warned) — counted per column so
//! the user hears of every cell left out.

use super::align::Placed;
use super::headers::Header;
use super::note::{Note, NoteKind, Place};

/// Non-blank cells per column of a table that were not imported.
#[derive(Default)]
pub struct LeftOut {
    counts: Vec<usize>,
}

impl LeftOut {
    /// Counts the non-blank cells of a placed row that sit in such columns.
    pub fn count(&mut self, header: &Header, placed: &Placed) {
        self.counts.resize(header.columns.len(), 0);
        for (i, column) in header.columns.iter().enumerate() {
            let left_out = column.role.is_none_or(|r| r.has_no_field());
            if left_out && placed.cells.get(i).is_some_and(Option::is_some) {
                self.counts[i] += 1;
            }
        }
    }

    /// One note (a known column without a field) or warning (an unknown column) per
    /// column that held something.
    pub fn report(self, header: &Header, sheet: Option<&str>, notes: &mut Vec<Note>) {
        for (column, cells) in header.columns.iter().zip(self.counts) {
            if cells == 0 {
                continue;
            }
            let header_text = column.written.clone();
            let kind = match column.role {
                None => NoteKind::UnknownColumn {
                    header: header_text,
                    cells,
                },
                Some(_) => NoteKind::ColumnNotImported {
                    header: header_text,
                    cells,
                },
            };
            notes.push(Note {
                place: Some(Place {
                    sheet: sheet.map(str::to_string),
                    row: header.row,
                }),
                kind,
            });
        }
    }
}
