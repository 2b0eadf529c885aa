//! The budget execution table as the evaluator reads it: the total row and the headings
//! rows stand under.

use crate::report::{BudgetRow, Report};

/// Where the total row and each heading's rows are.
#[derive(Clone, Debug, Default)]
pub struct BudgetView {
    /// The row with no parent, when there is exactly one.
    pub total: Option<usize>,
    /// How many rows have no parent (0 or 1 is expected).
    pub rows_without_parent: usize,
    /// Each heading, in the order first written, with the rows under it.
    pub parents: Vec<(String, Vec<usize>)>,
}

impl BudgetView {
    pub fn new(report: &Report) -> BudgetView {
        let mut view = BudgetView::default();
        let mut without_parent = Vec::new();
        for (i, row) in report.budget.iter().enumerate() {
            match parent_of(row) {
                None => without_parent.push(i),
                Some(parent) => match view.parents.iter_mut().find(|(p, _)| p == parent) {
                    Some((_, rows)) => rows.push(i),
                    None => view.parents.push((parent.to_string(), vec![i])),
                },
            }
        }
        view.rows_without_parent = without_parent.len();
        if without_parent.len() == 1 {
            view.total = without_parent.first().copied();
        }
        view
    }

    /// The row whose item is `item` (by name key).
    pub fn find<'r>(&self, report: &'r Report, item: &str) -> Option<&'r BudgetRow> {
        let key = crate::check::names::key(item);
        report
            .budget
            .iter()
            .find(|r| crate::check::names::key(&r.item) == key)
    }
}

fn parent_of(row: &BudgetRow) -> Option<&str> {
    row.parent
        .as_deref()
        .map(str::trim)
        .filter(|p| !p.is_empty())
}
