//! What the importer tells the user about a source: warnings for what it could not place
//! (`--strict` makes them errors), and notes for what it did that a reader should know
//! (a cell continued, a label carried down across a page break) or what the report lacks
//! (no 分值, no 二级指标). Plain data; src/i18n words it.

/// Where in the source: a worksheet (for workbooks) and a 1-based row or line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Place {
    pub sheet: Option<String>,
    pub row: usize,
}

/// One thing the importer tells.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Note {
    pub place: Option<Place>,
    pub kind: NoteKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NoteKind {
    // ---- warnings: input that could not be placed ----
    /// A row inside a table that is no indicator, heading, continuation or total.
    Unplaced { text: String },
    /// A row with fewer cells than the header whose cells fit more than one way.
    Ambiguous {
        text: String,
        cells: usize,
        columns: usize,
    },
    /// A cell of a number column that is not a number.
    BadNumber { column: String, text: String },
    /// A column the importer does not know, with something in it.
    UnknownColumn { header: String, cells: usize },
    /// Cells beyond the header's last column.
    BeyondHeader { text: String },
    /// An indicator before any 一级指标.
    NoLevel1 { name: String },
    /// A 指标性质 that is not a comparison sign (`正向`, `定性`): not merged.
    NatureNotSign { nature: String, name: String },
    /// A budget row without its 全年预算数 or 全年执行数.
    MissingFigure { item: String, column: String },
    /// A continuation line with no cell above it to continue.
    Orphan { text: String },

    // ---- notes: what was done, or what the report lacks ----
    /// A column with no field in report.json; its cells are not imported.
    ColumnNotImported { header: String, cells: usize },
    /// The indicator table has no 分值 column.
    NoPointsColumn { rows: usize },
    /// An indicator whose 分值 cell is blank.
    NoPoints { name: String },
    /// Indicators with a blank 二级指标 and none to carry down; `heading` is an empty
    /// heading row just above them (its text and row).
    Level2Absent {
        names: Vec<String>,
        last_row: usize,
        heading: Option<(String, usize)>,
    },
    /// The first row after a page break: its blank heading cells were carried down
    /// (per cell: the column's header, the text carried, the row it came from).
    CarriedAcrossBreak {
        labels: Vec<(String, String, usize)>,
    },
    /// A line that continues the cell above it.
    Continued { column: String, into: usize },
    /// Rows with fewer cells than the header, placed by what their cells hold.
    PlacedByContent { rows: Vec<usize> },
    /// The header repeated (at a page break).
    RepeatedHeader,
    /// A line that is only a page number.
    PageNumber { text: String },
    /// The unit's name continued on the next line.
    UnitContinued { text: String },
    /// A heading of the budget or indicator table with no indicator of its own.
    EmptyHeading { text: String },
    /// The total row (总分) of the indicator table.
    TotalRow { text: String },
    /// Rows whose 指标性质 or 度量单位 was merged into the target and actual.
    Merged { rows: usize },
    /// No budget table was found.
    NoBudgetTable,
    /// No kind (部门整体支出 / 项目支出) could be read from the title.
    NoKind,
}

impl NoteKind {
    /// Whether this is a warning: something of the source that did not make it into the
    /// report as written.
    pub fn is_warning(&self) -> bool {
        use NoteKind::*;
        matches!(
            self,
            Unplaced { .. }
                | Ambiguous { .. }
                | BadNumber { .. }
                | UnknownColumn { .. }
                | BeyondHeader { .. }
                | NoLevel1 { .. }
                | NatureNotSign { .. }
                | MissingFigure { .. }
                | Orphan { .. }
        )
    }

    /// The code: `perfrules::import::<name>`.
    pub fn code(&self) -> &'static str {
        use NoteKind::*;
        match self {
            Unplaced { .. } => "perfrules::import::unplaced",
            Ambiguous { .. } => "perfrules::import::ambiguous_row",
            BadNumber { .. } => "perfrules::import::bad_number",
            UnknownColumn { .. } => "perfrules::import::unknown_column",
            BeyondHeader { .. } => "perfrules::import::beyond_header",
            NoLevel1 { .. } => "perfrules::import::no_level1",
            NatureNotSign { .. } => "perfrules::import::nature_not_sign",
            MissingFigure { .. } => "perfrules::import::missing_figure",
            Orphan { .. } => "perfrules::import::orphan_line",
            ColumnNotImported { .. } => "perfrules::import::column_not_imported",
            NoPointsColumn { .. } => "perfrules::import::no_points_column",
            NoPoints { .. } => "perfrules::import::no_points",
            Level2Absent { .. } => "perfrules::import::no_level2",
            CarriedAcrossBreak { .. } => "perfrules::import::carried_across_break",
            Continued { .. } => "perfrules::import::continued",
            PlacedByContent { .. } => "perfrules::import::placed_by_content",
            RepeatedHeader => "perfrules::import::repeated_header",
            PageNumber { .. } => "perfrules::import::page_number",
            UnitContinued { .. } => "perfrules::import::unit_continued",
            EmptyHeading { .. } => "perfrules::import::empty_heading",
            TotalRow { .. } => "perfrules::import::total_row",
            Merged { .. } => "perfrules::import::merged_unit",
            NoBudgetTable => "perfrules::import::no_budget_table",
            NoKind => "perfrules::import::no_kind",
        }
    }
}
