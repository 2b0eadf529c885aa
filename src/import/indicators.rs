//! The indicator table. Each row is one of:
//!
//! - an **indicator**: it has a 三级指标. Blank 一级指标/二级指标 cells are merged cells and
//!   are carried down from the rows above; a new 一级指标 starts a new block, so its
//!   二级指标 is not carried over from the block before.
//! - a **heading**: 一级指标 and/or 二级指标 and nothing else (the seed's line 107: a
//!   level-1 heading beside an economic-benefit heading). A 二级指标 written on a row
//!   without an indicator heads nothing: these forms write a heading's text on the row of
//!   its first indicator, so a heading alone on its row is an empty category (the form's
//!   “（如有）”, if any). Its text is not carried down, and the rows after it with a blank
//!   二级指标 get none — reported, not guessed.
//! - a **continuation**: only free text (原因分析, a wrapped 三级指标 …), continuing the
//!   same cells of the indicator above; joined with nothing in between (with a space
//!   between two Latin letters or digits).
//! - the **total** (总分 / 合计): its 得分 is the unit's `self_total`.
//!
//! Anything else cannot be placed and is a warning with its row and text.

use super::align::place;
use super::budget::figure;
use super::columns::LeftOut;
use super::draft::DraftIndicator;
use super::headers::{Header, Role};
use super::note::{Note, NoteKind, Place};
use super::table::TableRow;

/// What the indicator table gives.
#[derive(Debug, Default)]
pub struct IndicatorTable {
    pub indicators: Vec<DraftIndicator>,
    pub self_total: Option<String>,
}

/// Labels of a total row.
const TOTAL_LABELS: [&str; 6] = ["总分", "合计", "总计", "自评总分", "总得分", "自评得分"];

/// Columns a continuation line may continue.
const CONTINUED: [Role; 4] = [Role::Name, Role::Target, Role::Actual, Role::Reason];

struct Reader<'h> {
    header: &'h Header,
    sheet: Option<String>,
    notes: Vec<Note>,
    out: IndicatorTable,
    level1: Option<(String, usize)>,
    level2: Option<(String, usize)>,
    /// An empty 二级指标 heading above the current rows.
    empty_heading: Option<(String, usize)>,
    /// Indicators with no 二级指标, waiting to be reported together.
    absent: Vec<(usize, String)>,
    absent_heading: Option<(String, usize)>,
    /// The row number of the last indicator, while a continuation may follow it.
    last: Option<usize>,
    merged: usize,
    by_content: Vec<usize>,
    left_out: LeftOut,
}

pub fn read(
    header: &Header,
    rows: &[TableRow<'_>],
    sheet: Option<&str>,
    notes: &mut Vec<Note>,
) -> IndicatorTable {
    let mut r = Reader {
        header,
        sheet: sheet.map(str::to_string),
        notes: Vec::new(),
        out: IndicatorTable::default(),
        level1: None,
        level2: None,
        empty_heading: None,
        absent: Vec::new(),
        absent_heading: None,
        last: None,
        merged: 0,
        by_content: Vec::new(),
        left_out: LeftOut::default(),
    };
    for t in rows {
        r.row(t);
    }
    r.flush_absent();
    if header.find(Role::Points).is_none() && !r.out.indicators.is_empty() {
        r.notes.push(Note {
            place: Some(r.place(header.row)),
            kind: NoteKind::NoPointsColumn {
                rows: r.out.indicators.len(),
            },
        });
    }
    if r.merged > 0 {
        r.notes.push(Note {
            place: None,
            kind: NoteKind::Merged { rows: r.merged },
        });
    }
    if !r.by_content.is_empty() {
        let rows = std::mem::take(&mut r.by_content);
        r.notes.push(Note {
            place: None,
            kind: NoteKind::PlacedByContent { rows },
        });
    }
    let left_out = std::mem::take(&mut r.left_out);
    left_out.report(header, sheet, &mut r.notes);
    notes.append(&mut r.notes);
    r.out
}

impl Reader<'_> {
    fn place(&self, row: usize) -> Place {
        Place {
            sheet: self.sheet.clone(),
            row,
        }
    }

    fn note(&mut self, row: usize, kind: NoteKind) {
        let place = Some(self.place(row));
        self.notes.push(Note { place, kind });
    }

    fn row(&mut self, t: &TableRow<'_>) {
        let number = t.row.number;
        let placed = match place(self.header, t.row) {
            Ok(p) => p,
            Err(e) => {
                self.note(
                    number,
                    NoteKind::Ambiguous {
                        text: t.row.text(),
                        cells: e.cells,
                        columns: e.columns,
                    },
                );
                self.last = None;
                return;
            }
        };
        if placed.by_content {
            self.by_content.push(number);
        }
        if !placed.beyond.is_empty() {
            let text = placed.beyond.join(" | ");
            self.note(number, NoteKind::BeyondHeader { text });
            if placed.cells.iter().all(Option::is_none) {
                self.last = None;
                return;
            }
        }
        self.left_out.count(self.header, &placed);
        let h = self.header;
        let text = |role: Role| placed.get(h.find(role)).map(str::to_string);
        let at = Some(self.place(number));
        let mut notes = Vec::new();
        let points = figure(h, &placed, Role::Points, &mut notes, &at);
        let self_score = figure(h, &placed, Role::SelfScore, &mut notes, &at);
        self.notes.append(&mut notes);
        let (l1, l2, name) = (text(Role::Level1), text(Role::Level2), text(Role::Name));
        let (target, actual, reason) = (text(Role::Target), text(Role::Actual), text(Role::Reason));

        let is_total = |s: &Option<String>| {
            s.as_deref()
                .is_some_and(|s| TOTAL_LABELS.contains(&super::headers::normalize(s).as_str()))
        };
        let labels_total = placed.cells.iter().any(is_total);
        if labels_total && (name.is_none() || is_total(&name)) {
            self.out.self_total = self_score;
            self.note(number, NoteKind::TotalRow { text: t.row.text() });
            self.last = None;
            return;
        }
        // A row holding nothing but a 三级指标 right under an indicator is its wrapped name.
        let only_name = placed.cells.iter().flatten().count() == 1;
        if let Some(name) = name.filter(|_| !(only_name && self.last.is_some())) {
            self.indicator(
                t, name, l1, l2, points, self_score, target, actual, reason, &placed,
            );
            return;
        }
        let has_values = target.is_some()
            || actual.is_some()
            || reason.is_some()
            || points.is_some()
            || self_score.is_some();
        if (l1.is_some() || l2.is_some()) && !has_values {
            self.heading(number, l1, l2, t.row.text());
        } else if self.continues(&placed) && self.last.is_some() {
            self.continuation(number, &placed);
        } else {
            self.note(number, NoteKind::Unplaced { text: t.row.text() });
            self.last = None;
        }
    }

    /// Whether a row holds only free text a continuation may carry.
    fn continues(&self, placed: &super::align::Placed) -> bool {
        let free: Vec<Option<usize>> = CONTINUED.iter().map(|r| self.header.find(*r)).collect();
        let mut any = false;
        for (i, cell) in placed.cells.iter().enumerate() {
            if cell.is_some() {
                if !free.contains(&Some(i)) {
                    return false;
                }
                any = true;
            }
        }
        any
    }

    #[allow(clippy::too_many_arguments)]
    fn indicator(
        &mut self,
        t: &TableRow<'_>,
        name: String,
        l1: Option<String>,
        l2: Option<String>,
        points: Option<String>,
        self_score: Option<String>,
        target: Option<String>,
        actual: Option<String>,
        reason: Option<String>,
        placed: &super::align::Placed,
    ) {
        let number = t.row.number;
        let mut carried = Vec::new();
        if let Some(l1) = l1 {
            self.level1 = Some((l1, number));
            self.level2 = None;
            self.empty_heading = None;
        } else if let Some((text, row)) = &self.level1 {
            carried.push((self.header.written(Role::Level1), text.clone(), *row));
        }
        if let Some(l2) = l2 {
            self.flush_absent();
            self.level2 = Some((l2, number));
            self.empty_heading = None;
        } else if let Some((text, row)) = &self.level2 {
            carried.push((self.header.written(Role::Level2), text.clone(), *row));
        } else if self.header.find(Role::Level2).is_some() {
            if self.absent.is_empty() {
                self.absent_heading = self.empty_heading.clone();
            }
            self.absent.push((number, name.clone()));
        }
        if t.after_break && !carried.is_empty() {
            self.note(number, NoteKind::CarriedAcrossBreak { labels: carried });
        }
        let level1 = match &self.level1 {
            Some((l1, _)) => l1.clone(),
            None => {
                self.note(number, NoteKind::NoLevel1 { name: name.clone() });
                String::new()
            }
        };
        if self.header.find(Role::Points).is_some() && points.is_none() {
            self.note(number, NoteKind::NoPoints { name: name.clone() });
        }
        let nature = placed.get(self.header.find(Role::Nature));
        let measure = placed.get(self.header.find(Role::Measure));
        let (target, actual) = self.merge(number, &name, nature, measure, target, actual);
        self.out.indicators.push(DraftIndicator {
            level1,
            level2: self.level2.as_ref().map(|(l2, _)| l2.clone()),
            name,
            points,
            target,
            actual,
            reason,
            self_score,
        });
        self.last = Some(number);
    }

    /// 指标性质 and 度量单位 merged into the target (and the unit into the actual), as
    /// written: `≥` + `14` + `次` → `≥14次`. A value with a sign or unit of its own keeps it.
    fn merge(
        &mut self,
        number: usize,
        name: &str,
        nature: Option<&str>,
        measure: Option<&str>,
        target: Option<String>,
        actual: Option<String>,
    ) -> (Option<String>, Option<String>) {
        let ends_in_digit = |v: &str| {
            v.chars()
                .last()
                .is_some_and(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
        };
        let with_unit = |v: Option<String>| match (v, measure) {
            (Some(v), Some(m)) if ends_in_digit(&v) => Some(format!("{v}{m}")),
            (v, _) => v,
        };
        let mut target = with_unit(target);
        let actual = with_unit(actual);
        if let Some(nature) = nature {
            let is_sign = nature.chars().all(|c| "≥≤=＝><＞＜≧≦﹦".contains(c));
            let has_sign = target
                .as_deref()
                .and_then(|t| t.chars().next())
                .is_some_and(|c| "≥≤=＝><＞＜≧≦﹦".contains(c));
            if is_sign && !has_sign {
                target = target.map(|t| format!("{nature}{t}"));
            } else if !is_sign && !has_sign {
                self.note(
                    number,
                    NoteKind::NatureNotSign {
                        nature: nature.to_string(),
                        name: name.to_string(),
                    },
                );
            }
        }
        if nature.is_some() || measure.is_some() {
            self.merged += 1;
        }
        (target, actual)
    }

    fn heading(&mut self, number: usize, l1: Option<String>, l2: Option<String>, text: String) {
        self.flush_absent();
        if let Some(l1) = l1 {
            self.level1 = Some((l1, number));
            self.level2 = None;
            self.empty_heading = None;
        }
        if let Some(l2) = l2 {
            self.level2 = None;
            self.empty_heading = Some((l2, number));
        }
        self.note(number, NoteKind::EmptyHeading { text });
        self.last = None;
    }

    fn continuation(&mut self, number: usize, placed: &super::align::Placed) {
        let Some(into) = self.last else { return };
        let place = Some(self.place(number));
        let header = self.header;
        let Some(indicator) = self.out.indicators.last_mut() else {
            return;
        };
        for role in CONTINUED {
            let Some(more) = placed.get(header.find(role)) else {
                continue;
            };
            let field = match role {
                Role::Name => Some(&mut indicator.name),
                Role::Target => indicator.target.as_mut(),
                Role::Actual => indicator.actual.as_mut(),
                _ => indicator.reason.as_mut(),
            };
            let kind = match field {
                Some(text) if !text.is_empty() => {
                    join(text, more);
                    NoteKind::Continued {
                        column: header.written(role),
                        into,
                    }
                }
                _ => NoteKind::Orphan {
                    text: more.to_string(),
                },
            };
            self.notes.push(Note {
                place: place.clone(),
                kind,
            });
        }
    }

    /// Reports the indicators waiting without a 二级指标.
    fn flush_absent(&mut self) {
        if self.absent.is_empty() {
            return;
        }
        let absent = std::mem::take(&mut self.absent);
        let first = absent[0].0;
        let last_row = absent[absent.len() - 1].0;
        let heading = self.absent_heading.take();
        let names = absent.into_iter().map(|(_, n)| n).collect();
        self.note(
            first,
            NoteKind::Level2Absent {
                names,
                last_row,
                heading,
            },
        );
    }
}

/// Joins a cell's continuation: nothing in between, except a space between two Latin
/// letters or digits.
fn join(text: &mut String, more: &str) {
    let latin = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    if latin(text.chars().last()) && latin(more.chars().next()) {
        text.push(' ');
    }
    text.push_str(more);
}
