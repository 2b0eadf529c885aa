//! Workbooks (`.xlsx`, `.xlsm`, `.xls`, `.ods`) laid out like the printed form, read with
//! calamine: every worksheet becomes a [`Sheet`], its rows numbered as the spreadsheet
//! numbers them. A merged cell holds its text in its top-left cell only, like the blank
//! merged cells of extracted text.
//!
//! Numbers: a workbook stores a number as a binary double and calamine hands it over as
//! one. It is turned into decimal text once, here, as a spreadsheet shows it in its General
//! format — at most 15 significant digits, so `7255205.14` stays `7255205.14` and the
//! binary artefact of a formula (`0.30000000000000004`) is not taken for the unit's
//! figure. From then on it is exact decimal text like any other cell. A number a cell
//! formats as a percentage is stored as a fraction (`0.855` for 85.5%); calamine does not
//! say how a cell is formatted, so such a cell is imported as stored.

use super::sheet::{Breaks, Row, Sheet};
use calamine::{open_workbook_auto, Data, Reader};
use std::path::Path;

/// Reads every worksheet, or says why the workbook cannot be opened.
pub fn read(path: &Path) -> Result<Vec<Sheet>, String> {
    let mut workbook = open_workbook_auto(path).map_err(|e| e.to_string())?;
    let mut sheets = Vec::new();
    for (name, range) in workbook.worksheets() {
        let (first_row, first_col) = range.start().unwrap_or((0, 0));
        let rows = range
            .rows()
            .enumerate()
            .map(|(i, cells)| Row {
                number: first_row as usize + i + 1,
                cells: std::iter::repeat_n(String::new(), first_col as usize)
                    .chain(cells.iter().map(cell_text))
                    .collect(),
                tabular: true,
            })
            .collect();
        sheets.push(Sheet {
            name: Some(name),
            rows,
            breaks: Breaks::BlankRowEnds,
        });
    }
    Ok(sheets)
}

/// A cell as text: strings trimmed, numbers as the spreadsheet shows them, dates as
/// `2021-12-31`, errors as the spreadsheet writes them (`#DIV/0!`).
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.trim().to_string(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => number_text(*f),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) if d.is_datetime() => date_text(d.as_f64()),
        Data::DateTime(d) => number_text(d.as_f64()),
        Data::DateTimeIso(s) => s.split('T').next().unwrap_or(s).to_string(),
        Data::DurationIso(s) => s.clone(),
        Data::Error(e) => e.to_string(),
    }
}

/// A stored double as plain decimal text with at most 15 significant digits, trailing
/// zeros dropped: what a spreadsheet shows in its General format.
pub fn number_text(f: f64) -> String {
    if !f.is_finite() {
        return String::new();
    }
    // `d.dddddddddddddde±x`: 15 significant digits, rounded by the formatter.
    let scientific = format!("{f:.14e}");
    let (mantissa, exponent) = scientific.split_once('e').unwrap_or((&scientific, "0"));
    let exponent: i64 = exponent.parse().unwrap_or(0);
    let negative = mantissa.starts_with('-');
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let digits = digits.trim_end_matches('0');
    if digits.is_empty() {
        return "0".to_string();
    }
    // The decimal point sits after `exponent + 1` digits.
    let point = exponent + 1;
    crate::decimal::place_point(negative, digits, point)
}

/// A spreadsheet date serial (1900 date system) as `yyyy-mm-dd`; a time of day is dropped.
/// Serials after 60 count from 1899-12-30, because the 1900 system counts a 29 February
/// 1900 that never was.
fn date_text(serial: f64) -> String {
    if !serial.is_finite() || !(1.0..3_000_000.0).contains(&serial) {
        return number_text(serial);
    }
    let days = serial.floor() as i64;
    let days = if days > 60 { days } else { days + 1 };
    let (y, m, d) = civil_from_days(days_from_civil(1899, 12, 30) + days);
    format!("{y:04}-{m:02}-{d:02}")
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of a count of days since 1970-01-01.
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (
        if m <= 2 {
            yoe + era * 400 + 1
        } else {
            yoe + era * 400
        },
        m,
        d,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_a_spreadsheet_shows_them() {
        assert_eq!(number_text(7255205.14), "7255205.14");
        assert_eq!(number_text(3.0), "3");
        assert_eq!(number_text(0.1 + 0.2), "0.3");
        assert_eq!(number_text(85.5), "85.5");
        assert_eq!(number_text(-0.05), "-0.05");
        assert_eq!(number_text(1200000.0), "1200000");
        assert_eq!(number_text(0.0), "0");
    }

    #[test]
    fn date_serials_read_as_dates() {
        // 44561 is 2021-12-31 in the 1900 date system; 1 is 1900-01-01.
        assert_eq!(date_text(44561.0), "2021-12-31");
        assert_eq!(date_text(44561.75), "2021-12-31");
        assert_eq!(date_text(1.0), "1900-01-01");
        assert_eq!(date_text(61.0), "1900-03-01");
    }
}
