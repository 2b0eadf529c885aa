//! The budget execution table (预算及执行情况 / 项目资金): one report.json budget row per
//! row with figures. The first such row is the total (部门整体预算总额 / 年度资金总额) and
//! has no parent; a row with a label and no figures is a heading (资金来源, 资金结构) and is
//! the parent of the rows under it; rows after the total with no heading above them
//! (其中：当年财政拨款 …) stand under the total.

use super::align::{place, Placed};
use super::columns::LeftOut;
use super::draft::DraftBudgetRow;
use super::headers::{Header, Role};
use super::labels::budget_item;
use super::note::{Note, NoteKind, Place};
use super::numbers::number_cell;
use super::table::TableRow;

pub fn read(
    header: &Header,
    rows: &[TableRow<'_>],
    sheet: Option<&str>,
    notes: &mut Vec<Note>,
) -> Vec<DraftBudgetRow> {
    let mut out: Vec<DraftBudgetRow> = Vec::new();
    let mut heading: Option<String> = None;
    let mut left_out = LeftOut::default();
    let mut by_content = Vec::new();
    for t in rows {
        let at = Some(Place {
            sheet: sheet.map(str::to_string),
            row: t.row.number,
        });
        let note = |kind| Note {
            place: at.clone(),
            kind,
        };
        let placed = match place(header, t.row) {
            Ok(p) => p,
            Err(e) => {
                notes.push(note(NoteKind::Ambiguous {
                    text: t.row.text(),
                    cells: e.cells,
                    columns: e.columns,
                }));
                continue;
            }
        };
        if placed.by_content {
            by_content.push(t.row.number);
        }
        if !placed.beyond.is_empty() {
            notes.push(note(NoteKind::BeyondHeader {
                text: placed.beyond.join(" | "),
            }));
            if placed.cells.iter().all(Option::is_none) {
                continue;
            }
        }
        left_out.count(header, &placed);
        let mut read = |role: Role| figure(header, &placed, role, notes, &at);
        let budget = read(Role::Budget);
        let executed = read(Role::Executed);
        let rate = read(Role::Rate);
        let points = read(Role::Points);
        let self_score = read(Role::SelfScore);
        let label = placed.get(header.find(Role::Item)).map(budget_item);
        let any_figure = [&budget, &executed, &rate, &points, &self_score]
            .iter()
            .any(|f| f.is_some())
            || placed.get(header.find(Role::Initial)).is_some();
        match (label, budget, executed) {
            (Some(label), None, None) if !any_figure => heading = Some(label),
            (Some(item), Some(budget), Some(executed)) => {
                let parent = if out.is_empty() {
                    None
                } else {
                    heading.clone().or_else(|| Some(out[0].item.clone()))
                };
                out.push(DraftBudgetRow {
                    item,
                    parent,
                    budget,
                    executed,
                    rate,
                    points,
                    self_score,
                });
            }
            (Some(item), budget, _) if any_figure => {
                let missing = if budget.is_none() {
                    Role::Budget
                } else {
                    Role::Executed
                };
                notes.push(note(NoteKind::MissingFigure {
                    item,
                    column: header.written(missing),
                }));
            }
            _ => notes.push(note(NoteKind::Unplaced { text: t.row.text() })),
        }
    }
    if !by_content.is_empty() {
        notes.push(Note {
            place: None,
            kind: NoteKind::PlacedByContent { rows: by_content },
        });
    }
    left_out.report(header, sheet, notes);
    out
}

/// A number cell as written, or a warning and nothing when it is not a number.
pub fn figure(
    header: &Header,
    placed: &Placed,
    role: Role,
    notes: &mut Vec<Note>,
    at: &Option<Place>,
) -> Option<String> {
    let text = placed.get(header.find(role))?;
    let number = number_cell(role, text);
    if number.is_none() {
        notes.push(Note {
            place: at.clone(),
            kind: NoteKind::BadNumber {
                column: header.written(role),
                text: text.to_string(),
            },
        });
    }
    number
}
