//! The common shape every source is read into before tables are found: rows of cells, each
//! row with the number a person would look up (a text line, a spreadsheet row).

/// One sheet of a source: a workbook's worksheet, or the whole of a text or CSV file.
#[derive(Clone, Debug, Default)]
pub struct Sheet {
    /// The worksheet's name; `None` for text and CSV.
    pub name: Option<String>,
    pub rows: Vec<Row>,
    /// How the source marks the end of a table (see [`Breaks`]).
    pub breaks: Breaks,
}

/// One row: its 1-based number in the source and its cells, as written (trimmed).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Row {
    pub number: usize,
    pub cells: Vec<String>,
    /// Text extracted from a document: whether the line held a tab at all. A line without
    /// one is prose (or page-break debris), never a table row.
    pub tabular: bool,
}

/// What a blank row means.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Breaks {
    /// Text extracted from a document: a blank line inside a table is a page break, and a
    /// table ends at the first line of prose.
    #[default]
    PageBreaks,
    /// A workbook or CSV: a blank row ends a table.
    BlankRowEnds,
}

impl Row {
    /// Whether every cell is blank.
    pub fn is_blank(&self) -> bool {
        self.cells.iter().all(|c| c.trim().is_empty())
    }

    /// The cell at `i`, or "".
    pub fn cell(&self, i: usize) -> &str {
        self.cells.get(i).map_or("", |c| c.as_str())
    }

    /// The row as a person reads it: its non-blank cells joined by " | ".
    pub fn text(&self) -> String {
        self.cells
            .iter()
            .map(|c| c.trim())
            .filter(|c| !c.is_empty())
            .collect::<Vec<_>>()
            .join(" | ")
    }

    /// The row's cells without its trailing blank ones.
    pub fn trimmed_len(&self) -> usize {
        self.cells
            .iter()
            .rposition(|c| !c.trim().is_empty())
            .map_or(0, |i| i + 1)
    }
}
