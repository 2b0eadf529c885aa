//! Who filed the report, for which year, of which kind: read from the rows outside the
//! tables — the title (`部门（单位）整体支出预算绩效自评报告`, `（2021 年度）`) and labelled
//! cells (`部门（单位）名称：…`, `项目名称 | …`).

use super::note::{Note, NoteKind, Place};
use super::sheet::Row;

/// What the rows outside the tables say about the report.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Meta {
    pub unit: Option<String>,
    pub year: Option<i32>,
    pub kind: Option<String>,
    pub project: Option<String>,
}

/// Labels of the unit's name, most specific first: a project form names both the
/// department in charge (主管部门) and the unit that carried the project out (实施单位);
/// the report is the latter's.
const UNIT_LABELS: [&str; 6] = [
    "部门(单位)名称",
    "单位名称",
    "部门名称",
    "实施单位",
    "预算单位",
    "主管部门",
];
const PROJECT_LABELS: [&str; 1] = ["项目名称"];

/// Reads the metadata from rows outside the tables, in order.
pub fn read(rows: &[&Row], sheet: Option<&str>, notes: &mut Vec<Note>) -> Meta {
    let mut meta = Meta::default();
    let mut unit: Option<(usize, String)> = None;
    for (k, row) in rows.iter().enumerate() {
        let text = row.text();
        if meta.year.is_none() {
            meta.year = year(&text);
        }
        if meta.kind.is_none() && text.contains("自评") {
            meta.kind = kind(&text);
        }
        if meta.project.is_none() {
            meta.project = labelled(row, &PROJECT_LABELS).map(|(_, v)| v);
        }
        if let Some((rank, value)) = labelled(row, &UNIT_LABELS) {
            if unit.as_ref().is_none_or(|(best, _)| rank < *best) {
                let mut value = value;
                // A name wrapped onto the next line of extracted text.
                if !row.tabular {
                    if let Some(next) = rows.get(k + 1).filter(|n| continues(row, n)) {
                        let more = next.text();
                        value.push_str(&more);
                        notes.push(Note {
                            place: Some(Place {
                                sheet: sheet.map(str::to_string),
                                row: next.number,
                            }),
                            kind: NoteKind::UnitContinued { text: more },
                        });
                    }
                }
                unit = Some((rank, value));
            }
        }
    }
    meta.unit = unit.map(|(_, v)| v);
    meta
}

/// Whether `next` is the wrapped rest of the line `row`: the very next line, prose, and no
/// label of its own.
fn continues(row: &Row, next: &Row) -> bool {
    next.number == row.number + 1
        && !next.tabular
        && !next.is_blank()
        && !next.text().contains(['：', ':'])
}

/// `（2021 年度）` → 2021: four digits followed by 年度.
fn year(text: &str) -> Option<i32> {
    let chars: Vec<char> = text.chars().collect();
    for i in 0..chars.len() {
        if i + 4 <= chars.len()
            && chars[i..i + 4].iter().all(|c| c.is_ascii_digit())
            && (i == 0 || !chars[i - 1].is_ascii_digit())
        {
            let rest: String = chars[i + 4..]
                .iter()
                .filter(|c| !c.is_whitespace())
                .collect();
            if rest.starts_with("年度") {
                return chars[i..i + 4].iter().collect::<String>().parse().ok();
            }
        }
    }
    None
}

/// The kind a title names.
fn kind(title: &str) -> Option<String> {
    if title.contains("项目支出") {
        Some("项目支出".to_string())
    } else if title.contains("整体支出") {
        Some("部门整体支出".to_string())
    } else {
        None
    }
}

/// The value of the first label of `labels` the row carries, with the label's rank:
/// `label：value` in one cell, or `label` and the value in the next non-blank cell.
fn labelled(row: &Row, labels: &[&str]) -> Option<(usize, String)> {
    let cells: Vec<&str> = row
        .cells
        .iter()
        .map(|c| c.trim())
        .filter(|c| !c.is_empty())
        .collect();
    let plain = |cell: &str| -> String {
        cell.chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| match c {
                '（' => '(',
                '）' => ')',
                '：' => ':',
                c => c,
            })
            .collect()
    };
    for (rank, label) in labels.iter().enumerate() {
        for (i, cell) in cells.iter().enumerate() {
            let plain = plain(cell);
            let Some(rest) = plain.strip_prefix(label) else {
                continue;
            };
            let value = match rest.strip_prefix(':') {
                Some(v) if !v.is_empty() => value_after_label(cell),
                _ if rest.is_empty() || rest == ":" => {
                    cells.get(i + 1).map(|v| v.to_string()).unwrap_or_default()
                }
                _ => continue,
            };
            if !value.is_empty() {
                return Some((rank, value));
            }
        }
    }
    None
}

/// The text after the first colon of a cell, as written.
fn value_after_label(cell: &str) -> String {
    cell.split_once(['：', ':'])
        .map(|(_, v)| v.trim().to_string())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::text;

    #[test]
    fn the_seed_title_gives_unit_year_and_kind() {
        let sheet = text::read(
            "部门（单位）整体支出预算绩效自评报告\n（2021 年度）\n\n部门（单位）名称：上海市某区某\n办公室（汇总）\n\n目录",
        );
        let rows: Vec<&Row> = sheet.rows.iter().collect();
        let mut notes = Vec::new();
        let meta = read(&rows, None, &mut notes);
        assert_eq!(meta.unit.as_deref(), Some("上海市某区某办公室（汇总）"));
        assert_eq!(meta.year, Some(2021));
        assert_eq!(meta.kind.as_deref(), Some("部门整体支出"));
        assert_eq!(notes.len(), 1);
    }

    #[test]
    fn a_project_form_labels_cells() {
        let sheet = text::read(
            "2022年度项目支出绩效自评表\n项目名称\t社区服务项目\t\t\n主管部门\t某区民政局\t实施单位\t某街道办事处",
        );
        let rows: Vec<&Row> = sheet.rows.iter().collect();
        let meta = read(&rows, None, &mut Vec::new());
        assert_eq!(meta.project.as_deref(), Some("社区服务项目"));
        assert_eq!(meta.unit.as_deref(), Some("某街道办事处"));
        assert_eq!(meta.year, Some(2022));
        assert_eq!(meta.kind.as_deref(), Some("项目支出"));
    }
}
