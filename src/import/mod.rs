//! Reports in: the tables units actually file — text extracted from a Word or PDF
//! document, workbooks (`.xlsx`, `.xls`, `.ods`) and CSV laid out like the form — read into
//! the report.json contract. Tables are found by their header rows, never by position;
//! both the 部门整体支出 layout (the seed) and the 项目支出 layout are read. Whatever cannot
//! be placed is a warning with its row and text ([`note`]); what the source lacks (分值 the
//! form has no column for, a 二级指标 lost in extraction) is left absent and said.
//!
//! The pipeline: a source becomes [`sheet::Sheet`]s (one file per source kind), header rows
//! are recognised ([`headers`]), each table's rows are found ([`table`]), placed under the
//! columns ([`align`]) and read ([`budget`], [`indicators`]); the title gives unit, year and
//! kind ([`meta`]). The result is a [`draft::Draft`], checked by reading it back as a
//! [`Report`].

pub mod align;
pub mod budget;
pub mod columns;
pub mod csv;
pub mod draft;
pub mod headers;
pub mod indicators;
pub mod labels;
pub mod meta;
pub mod note;
pub mod numbers;
pub mod sheet;
pub mod table;
pub mod text;
pub mod workbook;

pub use draft::Draft;
pub use note::{Note, NoteKind, Place};

use crate::report::{Report, ReportError};
use headers::{recognise, TableKind};
use sheet::{Row, Sheet};
use std::path::Path;

/// What an import gives: the report and everything the user should hear about.
#[derive(Debug)]
pub struct Imported {
    pub draft: Draft,
    /// The draft, read back through the contract.
    pub report: Report,
    pub notes: Vec<Note>,
}

impl Imported {
    pub fn warnings(&self) -> usize {
        self.notes.iter().filter(|n| n.kind.is_warning()).count()
    }
}

/// What the command line may supply where the source says nothing (or says it wrongly).
#[derive(Clone, Debug, Default)]
pub struct Given {
    pub unit: Option<String>,
    pub year: Option<i32>,
    pub kind: Option<String>,
    pub project: Option<String>,
}

/// Why nothing could be imported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    /// The file cannot be read (`error` as the system says it).
    Read { error: String },
    /// The file's name does not say which kind of source it is.
    UnknownFormat { extension: String },
    /// The workbook cannot be opened (as calamine says it).
    Workbook { error: String },
    /// A CSV cell's quotes never close.
    UnclosedQuote { row: usize },
    /// No header row of an indicator table.
    NoIndicatorTable,
    /// The source names no year, and none was given.
    NoYear,
    /// The source names no unit, and none was given.
    NoUnit,
    /// The draft does not read back as a report: a bug of the importer.
    Contract(ReportError),
}

impl ImportError {
    pub fn code(&self) -> &'static str {
        match self {
            ImportError::Read { .. } => "perfrules::io::read",
            ImportError::UnknownFormat { .. } => "perfrules::import::unknown_format",
            ImportError::Workbook { .. } => "perfrules::import::workbook",
            ImportError::UnclosedQuote { .. } => "perfrules::import::unclosed_quote",
            ImportError::NoIndicatorTable => "perfrules::import::no_indicator_table",
            ImportError::NoYear => "perfrules::import::no_year",
            ImportError::NoUnit => "perfrules::import::no_unit",
            ImportError::Contract(_) => "perfrules::import::contract",
        }
    }
}

/// The kinds of source, by file extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SourceKind {
    Text,
    Csv,
    Workbook,
}

impl SourceKind {
    /// `.txt` `.text` `.tsv`: extracted text; `.csv`; `.xlsx` `.xlsm` `.xlsb` `.xls` `.ods`.
    pub fn of(path: &Path) -> Result<SourceKind, ImportError> {
        let extension = path
            .extension()
            .map(|e| e.to_string_lossy().to_lowercase())
            .unwrap_or_default();
        match extension.as_str() {
            "txt" | "text" | "tsv" => Ok(SourceKind::Text),
            "csv" => Ok(SourceKind::Csv),
            "xlsx" | "xlsm" | "xlsb" | "xls" | "ods" => Ok(SourceKind::Workbook),
            _ => Err(ImportError::UnknownFormat { extension }),
        }
    }
}

/// Imports a file.
pub fn import_file(path: &Path, given: &Given) -> Result<Imported, ImportError> {
    let read_text = || {
        let bytes = std::fs::read(path).map_err(|e| ImportError::Read {
            error: e.to_string(),
        })?;
        String::from_utf8(bytes).map_err(|e| ImportError::Read {
            error: e.to_string(),
        })
    };
    let sheets = match SourceKind::of(path)? {
        SourceKind::Text => vec![text::read(&read_text()?)],
        SourceKind::Csv => {
            vec![csv::read(&read_text()?).map_err(|e| ImportError::UnclosedQuote { row: e.row })?]
        }
        SourceKind::Workbook => {
            workbook::read(path).map_err(|error| ImportError::Workbook { error })?
        }
    };
    import_sheets(&sheets, given)
}

/// Imports sheets already read.
pub fn import_sheets(sheets: &[Sheet], given: &Given) -> Result<Imported, ImportError> {
    let mut notes = Vec::new();
    let mut budget = None;
    let mut indicators = None;
    let mut outside: Vec<(Option<&str>, Vec<&Row>)> = Vec::new();
    for sheet in sheets {
        let name = sheet.name.as_deref();
        let mut rest = Vec::new();
        let mut i = 0;
        while i < sheet.rows.len() {
            let row = &sheet.rows[i];
            let Some(header) = recognise(row) else {
                rest.push(row);
                i += 1;
                continue;
            };
            let (rows, end) = table::extent(sheet, i, &header, &mut notes);
            match header.kind {
                TableKind::Budget if budget.is_none() => {
                    budget = Some(budget::read(&header, &rows, name, &mut notes));
                }
                TableKind::Indicators if indicators.is_none() => {
                    indicators = Some(indicators::read(&header, &rows, name, &mut notes));
                }
                _ => notes.push(Note {
                    place: Some(Place {
                        sheet: name.map(str::to_string),
                        row: row.number,
                    }),
                    kind: NoteKind::Unplaced { text: row.text() },
                }),
            }
            i = end;
        }
        outside.push((name, rest));
    }
    let mut found = meta::Meta::default();
    for (name, rows) in &outside {
        let m = meta::read(rows, *name, &mut notes);
        found.unit = found.unit.or(m.unit);
        found.year = found.year.or(m.year);
        found.kind = found.kind.or(m.kind);
        found.project = found.project.or(m.project);
    }
    let table = indicators.ok_or(ImportError::NoIndicatorTable)?;
    if budget.is_none() {
        notes.push(Note {
            place: None,
            kind: NoteKind::NoBudgetTable,
        });
    }
    let kind = given.kind.clone().or(found.kind);
    if kind.is_none() {
        notes.push(Note {
            place: None,
            kind: NoteKind::NoKind,
        });
    }
    let draft = Draft {
        unit: given
            .unit
            .clone()
            .or(found.unit)
            .ok_or(ImportError::NoUnit)?,
        year: given.year.or(found.year).ok_or(ImportError::NoYear)?,
        kind,
        project: given.project.clone().or(found.project),
        budget: budget.unwrap_or_default(),
        indicators: table.indicators,
        self_total: table.self_total,
    };
    let report = Report::from_json(&draft.to_json()).map_err(ImportError::Contract)?;
    // In the order of the source: by sheet, then row; notes about the whole file last.
    let sheet_index = |place: &Option<Place>| {
        place.as_ref().map(|p| {
            let sheet = sheets.iter().position(|s| s.name == p.sheet).unwrap_or(0);
            (sheet, p.row)
        })
    };
    notes.sort_by_key(|n| (n.place.is_none(), sheet_index(&n.place)));
    Ok(Imported {
        draft,
        report,
        notes,
    })
}
