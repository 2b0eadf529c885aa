//! Tables are found by their header rows, never by position: a header is a row whose cells
//! name the columns of a budget table or of an indicator table, in any order, with or
//! without a unit in brackets (`全年预算数（万元）`) or a line break inside a cell.

use super::sheet::Row;

/// What a column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Role {
    // the indicator table
    Level1,
    Level2,
    Name,
    /// 一级权重 / 二级权重: the form's weights of a heading; no field of report.json.
    Weight,
    /// 指标性质 (`≥`, `≤`, `＝`): merged into the target.
    Nature,
    /// 度量单位 / 计量单位: merged into the target and the actual.
    Measure,
    Target,
    Actual,
    Points,
    Reason,
    SelfScore,
    // the budget table
    Item,
    /// 年初预算数: no field of report.json.
    Initial,
    Budget,
    Executed,
    Rate,
    // either
    /// 序号, a row label column (绩效指标): no field of report.json.
    Ignored,
}

impl Role {
    /// Whether a cell of this column is a decimal.
    pub fn is_number(self) -> bool {
        matches!(
            self,
            Role::Weight
                | Role::Points
                | Role::SelfScore
                | Role::Initial
                | Role::Budget
                | Role::Executed
                | Role::Rate
        )
    }

    /// Whether the column has no field in report.json (its cells are reported, not kept).
    pub fn has_no_field(self) -> bool {
        matches!(self, Role::Weight | Role::Initial | Role::Ignored)
    }
}

/// Which table a header row heads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TableKind {
    Budget,
    Indicators,
}

/// A recognised header row: its table and, per column, the role and the header as written.
#[derive(Clone, Debug)]
pub struct Header {
    pub kind: TableKind,
    pub row: usize,
    pub columns: Vec<Column>,
}

#[derive(Clone, Debug)]
pub struct Column {
    /// `None`: a header this importer does not know.
    pub role: Option<Role>,
    pub written: String,
}

impl Header {
    /// The index of the first column with this role.
    pub fn find(&self, role: Role) -> Option<usize> {
        self.columns.iter().position(|c| c.role == Some(role))
    }

    /// The header as written of the first column with this role, or the role's usual name.
    pub fn written(&self, role: Role) -> String {
        self.find(role)
            .map(|i| self.columns[i].written.clone())
            .unwrap_or_default()
    }
}

/// A header cell without spaces, line breaks, full-width brackets or a trailing unit in
/// brackets: `全年预算数（万元）` → `全年预算数`.
pub fn normalize(cell: &str) -> String {
    let plain: String = cell
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '（' => '(',
            '）' => ')',
            '：' => ':',
            c => c,
        })
        .collect();
    match plain.find('(') {
        Some(i) if i > 0 && plain.ends_with(')') => plain[..i].to_string(),
        _ => plain,
    }
}

/// The role a header cell names in an indicator table.
fn indicator_role(h: &str) -> Option<Role> {
    Some(match h {
        "一级指标" => Role::Level1,
        "二级指标" => Role::Level2,
        "三级指标" | "指标名称" => Role::Name,
        "一级权重" | "二级权重" | "一级指标权重" | "二级指标权重" => {
            Role::Weight
        }
        "指标性质" => Role::Nature,
        "度量单位" | "计量单位" => Role::Measure,
        "年度指标值" | "年度目标值" | "指标值" | "目标值" | "预期指标值" | "年初目标值" => {
            Role::Target
        }
        "全年完成值" | "实际完成值" | "全年实际值" | "实际值" | "完成值" | "全年实际完成值" => {
            Role::Actual
        }
        "分值" | "指标分值" => Role::Points,
        "原因分析" | "偏差原因分析及改进措施" | "偏差原因分析" | "未完成原因分析" => {
            Role::Reason
        }
        "自评分" | "得分" | "自评得分" => Role::SelfScore,
        "序号" | "绩效指标" => Role::Ignored,
        _ => return None,
    })
}

/// The role a header cell names in a budget table.
fn budget_role(h: &str) -> Option<Role> {
    Some(match h {
        "内容" | "项目" | "项目资金" | "资金来源" | "预算资金" | "资金" => {
            Role::Item
        }
        "年初预算数" => Role::Initial,
        "全年预算数" | "调整后预算数" | "预算数" => Role::Budget,
        "全年执行数" | "执行数" | "实际执行数" => Role::Executed,
        "分值" => Role::Points,
        "执行率" | "预算执行率" => Role::Rate,
        "得分" | "自评分" => Role::SelfScore,
        "序号" => Role::Ignored,
        _ => return None,
    })
}

/// The table a row heads, if it is a header row: an indicator table names at least its
/// 三级指标, 年度指标值 and 全年完成值 columns; a budget table its 全年预算数 and 全年执行数.
pub fn recognise(row: &Row) -> Option<Header> {
    let cells: Vec<String> = row.cells.iter().map(|c| normalize(c)).collect();
    for (kind, role, required) in [
        (
            TableKind::Indicators,
            indicator_role as fn(&str) -> Option<Role>,
            &[Role::Name, Role::Target, Role::Actual][..],
        ),
        (
            TableKind::Budget,
            budget_role,
            &[Role::Budget, Role::Executed][..],
        ),
    ] {
        let roles: Vec<Option<Role>> = cells.iter().map(|c| role(c)).collect();
        if required.iter().all(|r| roles.contains(&Some(*r))) {
            let mut columns: Vec<Column> = roles
                .iter()
                .zip(&row.cells)
                .map(|(role, written)| Column {
                    role: *role,
                    written: written.trim().to_string(),
                })
                .collect();
            // A budget table's label column is often headed by nothing, or by the table's
            // own name (预算执行情况): the first column, when it names nothing else.
            if kind == TableKind::Budget && !roles.contains(&Some(Role::Item)) {
                if let Some(first) = columns.first_mut().filter(|c| c.role.is_none()) {
                    first.role = Some(Role::Item);
                }
            }
            while columns
                .last()
                .is_some_and(|c| c.role.is_none() && c.written.is_empty())
            {
                columns.pop();
            }
            return Some(Header {
                kind,
                row: row.number,
                columns,
            });
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(cells: &[&str]) -> Row {
        Row {
            number: 1,
            cells: cells.iter().map(|c| c.to_string()).collect(),
            tabular: true,
        }
    }

    #[test]
    fn headers_are_recognised_by_their_words_in_any_order() {
        let h = recognise(&row(&["内容", "全年预算数", "全年执行数", "执行率"])).unwrap();
        assert_eq!(h.kind, TableKind::Budget);
        assert_eq!(h.find(Role::Rate), Some(3));
        let h = recognise(&row(&[
            "",
            "年初预算数",
            "全年预算数（万元）",
            "全年执行数",
            "分值",
            "执行率",
            "得分",
        ]))
        .unwrap();
        assert_eq!(h.find(Role::Item), Some(0));
        assert_eq!(h.find(Role::Budget), Some(2));
        let h = recognise(&row(&["三级指标", "实际\n完成值", "年度指标值", "分值"])).unwrap();
        assert_eq!(h.kind, TableKind::Indicators);
        assert_eq!(h.find(Role::Actual), Some(1));
        assert!(recognise(&row(&["一、部门概况", "3"])).is_none());
    }
}
