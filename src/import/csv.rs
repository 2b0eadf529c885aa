//! CSV laid out like the form (RFC 4180: cells in double quotes may hold commas, quotes
//! doubled, and line breaks). Row numbers are the CSV's records, counted from 1 — a quoted
//! line break does not start a new row.

use super::sheet::{Breaks, Row, Sheet};

/// Why a CSV file cannot be read: a quoted cell that never closes (the record it starts).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnclosedQuote {
    pub row: usize,
}

/// Reads CSV text into one sheet. A byte-order mark (as Excel writes) is skipped.
pub fn read(text: &str) -> Result<Sheet, UnclosedQuote> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut rows = Vec::new();
    let mut cells = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    let mut started = false;
    while let Some(c) = chars.next() {
        started = true;
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') if cell.trim().is_empty() => {
                cell.clear();
                quoted = true;
            }
            (false, ',') => cells.push(std::mem::take(&mut cell)),
            (false, '\r') if chars.peek() == Some(&'\n') => {}
            (false, '\n') | (false, '\r') => {
                cells.push(std::mem::take(&mut cell));
                rows.push(row(rows.len() + 1, std::mem::take(&mut cells)));
                started = false;
            }
            (false, c) => cell.push(c),
        }
    }
    if quoted {
        return Err(UnclosedQuote {
            row: rows.len() + 1,
        });
    }
    if started {
        cells.push(cell);
        rows.push(row(rows.len() + 1, cells));
    }
    Ok(Sheet {
        name: None,
        rows,
        breaks: Breaks::BlankRowEnds,
    })
}

fn row(number: usize, cells: Vec<String>) -> Row {
    Row {
        number,
        cells: cells.into_iter().map(|c| c.trim().to_string()).collect(),
        tabular: true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_cells_hold_commas_quotes_and_line_breaks() {
        let sheet = read("a,\"b,c\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",x\n").unwrap();
        assert_eq!(sheet.rows.len(), 2);
        assert_eq!(sheet.rows[0].cells, ["a", "b,c", "say \"hi\""]);
        assert_eq!(sheet.rows[1].cells, ["two\nlines", "x"]);
        assert_eq!(sheet.rows[1].number, 2);
    }

    #[test]
    fn an_unclosed_quote_names_its_row() {
        assert_eq!(read("a\n\"b,c\n").unwrap_err(), UnclosedQuote { row: 2 });
    }
}
