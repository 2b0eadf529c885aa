//! Placing a row's cells under the header's columns. Text extracted from a document loses
//! a tab here and there (a merged cell that spans rows may leave no cell at all), so a row
//! can hold fewer cells than the header has columns. Such a row is placed by what its cells
//! hold: every way of leaving out the missing columns is tried, and a way is possible only
//! if each number column (分值, 权重, 自评分, 全年预算数 …) gets a number or nothing. When
//! every possible way puts the same text under the same columns, that is the row; when
//! the possible ways disagree, or none is possible, the row cannot be placed and is
//! reported — never guessed.

use super::headers::Header;
use super::numbers::number_cell;
use super::sheet::Row;

/// Beyond this many missing cells, only the reading that leaves out the last columns is
/// tried (a row that simply ends early).
const MAX_MISSING: usize = 3;

/// A row placed under the header: one optional (non-blank) cell per column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Placed {
    pub cells: Vec<Option<String>>,
    /// The row had fewer cells than the header and was placed by what its cells hold.
    pub by_content: bool,
    /// Non-blank cells beyond the header's last column.
    pub beyond: Vec<String>,
}

impl Placed {
    pub fn get(&self, column: Option<usize>) -> Option<&str> {
        column
            .and_then(|i| self.cells.get(i))
            .and_then(|c| c.as_deref())
    }
}

/// Why a row could not be placed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unplaceable {
    pub cells: usize,
    pub columns: usize,
}

pub fn place(header: &Header, row: &Row) -> Result<Placed, Unplaceable> {
    let m = header.columns.len();
    let cells: Vec<Option<String>> = row
        .cells
        .iter()
        .map(|c| Some(c.trim().to_string()).filter(|c| !c.is_empty()))
        .collect();
    if cells.len() >= m {
        let beyond = cells[m..].iter().flatten().cloned().collect();
        return Ok(Placed {
            cells: cells[..m].to_vec(),
            by_content: false,
            beyond,
        });
    }
    let missing = m - cells.len();
    let ways: Vec<Vec<usize>> = if missing <= MAX_MISSING {
        combinations(m, missing)
    } else {
        vec![(cells.len()..m).collect()]
    };
    let mut found: Option<Vec<Option<String>>> = None;
    for skip in ways {
        let columns = (0..m).filter(|i| !skip.contains(i));
        let mut placed = vec![None; m];
        for (cell, column) in cells.iter().zip(columns) {
            placed[column] = cell.clone();
        }
        if !fits(header, &placed) {
            continue;
        }
        match &found {
            Some(earlier) if *earlier != placed => {
                return Err(Unplaceable {
                    cells: cells.len(),
                    columns: m,
                })
            }
            _ => found = Some(placed),
        }
    }
    found
        .map(|cells| Placed {
            cells,
            by_content: true,
            beyond: Vec::new(),
        })
        .ok_or(Unplaceable {
            cells: cells.len(),
            columns: m,
        })
}

/// Whether every number column holds a number or nothing.
fn fits(header: &Header, placed: &[Option<String>]) -> bool {
    header
        .columns
        .iter()
        .zip(placed)
        .all(|(column, cell)| match (column.role, cell) {
            (Some(role), Some(text)) if role.is_number() => number_cell(role, text).is_some(),
            _ => true,
        })
}

/// Every set of `k` indices out of `0..n`, in increasing order.
fn combinations(n: usize, k: usize) -> Vec<Vec<usize>> {
    fn go(start: usize, n: usize, k: usize, current: &mut Vec<usize>, out: &mut Vec<Vec<usize>>) {
        if current.len() == k {
            out.push(current.clone());
            return;
        }
        for i in start..n {
            current.push(i);
            go(i + 1, n, k, current, out);
            current.pop();
        }
    }
    let mut out = Vec::new();
    go(0, n, k, &mut Vec::new(), &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::headers::recognise;

    fn row(text: &str) -> Row {
        Row {
            number: 1,
            cells: text.split('\t').map(str::to_string).collect(),
            tabular: true,
        }
    }

    fn header() -> Header {
        recognise(&row(
            "一级指标\t一级权重\t二级指标\t二级权重\t三级指标\t年度指标值\t全年完成值\t原因分析\t自评分",
        ))
        .unwrap()
    }

    fn texts(p: &Placed) -> Vec<&str> {
        p.cells.iter().map(|c| c.as_deref().unwrap_or("")).collect()
    }

    #[test]
    fn a_row_one_cell_short_is_placed_by_what_its_cells_hold() {
        // The heading text cannot sit in a weight column: it is the 二级指标.
        let p = place(&header(), &row("A\tB\t\tname\t>=1场\t0\twhy\t0")).unwrap();
        assert!(p.by_content);
        assert_eq!(
            texts(&p),
            ["A", "", "B", "", "name", ">=1场", "0", "why", "0"]
        );
        let p = place(&header(), &row("\tB\t\tname\t<=5%\t3%\t\t2")).unwrap();
        assert_eq!(texts(&p), ["", "", "B", "", "name", "<=5%", "3%", "", "2"]);
    }

    #[test]
    fn a_row_that_fits_two_ways_is_not_placed() {
        // Without its reason cell, `2` could be the reason or the self-score.
        let err = place(&header(), &row("\t\t\t\tname\t=100%\t100%\t2")).unwrap_err();
        assert_eq!(
            err,
            Unplaceable {
                cells: 8,
                columns: 9
            }
        );
    }

    #[test]
    fn a_full_row_is_taken_as_it_stands() {
        let p = place(&header(), &row("\t\t\t\tname\t=1本\t1本\t\t1\t\textra")).unwrap();
        assert!(!p.by_content);
        assert_eq!(p.beyond, ["extra"]);
    }
}
