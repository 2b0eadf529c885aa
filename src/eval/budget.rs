//! The budget execution table as the evaluator reads it: the total row and the headings
//! rows stand under.

use super::expr::Val;
use super::quantity::{Num, NumError};
use crate::check::fields::{BudgetGroup, ParentField};
use crate::check::names;
use crate::decimal::Dec;
use crate::report::{BudgetRow, Report};
use crate::value::Unit;

/// Where the total row and each heading's rows are.
#[derive(Clone, Debug, Default)]
pub struct BudgetView<'r> {
    /// The row with no parent, when there is exactly one.
    pub total: Option<usize>,
    /// How many rows have no parent (0 or 1 is expected).
    pub rows_without_parent: usize,
    /// Each heading, in the order first written, with the rows under it.
    pub parents: Vec<(&'r str, Vec<usize>)>,
}

impl<'r> BudgetView<'r> {
    pub fn new(report: &'r Report) -> BudgetView<'r> {
        let mut view = BudgetView::default();
        let mut first_without_parent = None;
        for (i, row) in report.budget.iter().enumerate() {
            match parent_of(row) {
                None => {
                    view.rows_without_parent += 1;
                    first_without_parent.get_or_insert(i);
                }
                Some(parent) => match view.parents.iter_mut().find(|(p, _)| *p == parent) {
                    Some((_, rows)) => rows.push(i),
                    None => view.parents.push((parent, vec![i])),
                },
            }
        }
        if view.rows_without_parent == 1 {
            view.total = first_without_parent;
        }
        view
    }

    /// The row whose item is `item` (by name key).
    pub fn find<'x>(&self, report: &'x Report, item: &str) -> Option<&'x BudgetRow> {
        let key = names::key(item);
        report.budget.iter().find(|r| names::key(&r.item) == key)
    }

    /// The heading and the rows under it, for `budget.total.under`, `budget["x"].under` and
    /// `budget.under["heading"]`. A row or heading with nothing under it has no rows.
    pub fn under(&self, report: &Report, group: &BudgetGroup) -> Option<(String, Vec<usize>)> {
        let heading = match group {
            BudgetGroup::Total => report.budget.get(self.total?)?.item.clone(),
            BudgetGroup::Item(item) => self.find(report, item)?.item.clone(),
            BudgetGroup::Heading(heading) => heading.clone(),
        };
        let key = names::key(&heading);
        let rows = self
            .parents
            .iter()
            .find(|(p, _)| names::key(p) == key)
            .map(|(_, rows)| rows.clone())
            .unwrap_or_default();
        Some((heading, rows))
    }
}

/// A field of a heading: its name, or the sums of the rows under it (in the budget's money).
pub fn group_field<'n>(
    report: &Report,
    name: std::borrow::Cow<'n, str>,
    rows: &[usize],
    field: ParentField,
    money: &Unit,
) -> Result<Val<'n>, NumError> {
    let sum = |pick: fn(&BudgetRow) -> Dec| -> Result<Val<'n>, NumError> {
        let total = Dec::sum(rows.iter().filter_map(|&i| report.budget.get(i)).map(pick))?;
        Ok(Val::Num(Num::new(total, money.clone())))
    };
    match field {
        ParentField::Name => Ok(Val::Text(name)),
        ParentField::Budget => sum(|r| r.budget.value),
        ParentField::Executed => sum(|r| r.executed.value),
        ParentField::Rows => Ok(Val::Num(Num::plain(Dec::from_int(rows.len() as i64)))),
    }
}

fn parent_of(row: &BudgetRow) -> Option<&str> {
    row.parent
        .as_deref()
        .map(str::trim)
        .filter(|p| !p.is_empty())
}
