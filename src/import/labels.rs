//! Row labels of the budget table as the report contract names them: the form's list
//! numbering (`1、`, `（1）`, `(2) `, `一、`) and its `其中：` (“of which”) are layout,
//! not the item's name, and a trailing `(元)` names the column's unit, not the item
//! (examples/README.md). Any other bracketed text is kept as written.

/// `（1）财政拨款` → `财政拨款`; `部门整体预算总额(元)` → `部门整体预算总额`.
pub fn budget_item(label: &str) -> String {
    let mut rest = label.trim();
    loop {
        let before = rest;
        rest = strip_numbering(rest).trim_start();
        for of_which in ["其中：", "其中:", "其中"] {
            if let Some(r) = rest.strip_prefix(of_which) {
                rest = r.trim_start();
            }
        }
        if rest == before {
            break;
        }
    }
    let rest = rest.trim_end();
    for yuan in ["(元)", "（元）"] {
        if let Some(r) = rest.strip_suffix(yuan) {
            return r.trim_end().to_string();
        }
    }
    rest.to_string()
}

fn is_numeral(c: char) -> bool {
    c.is_ascii_digit() || "一二三四五六七八九十０１２３４５６７８９".contains(c)
}

/// Strips one list number: `1、` `1.` `一、` `（1）` `(1)` `(一)`.
fn strip_numbering(s: &str) -> &str {
    let open = s.strip_prefix('（').or_else(|| s.strip_prefix('('));
    if let Some(inner) = open {
        let digits = inner.trim_start().chars().take_while(|c| is_numeral(*c));
        let len: usize = digits.map(char::len_utf8).sum();
        let after = inner.trim_start()[len..].trim_start();
        if len > 0 {
            if let Some(r) = after.strip_prefix('）').or_else(|| after.strip_prefix(')')) {
                return r;
            }
        }
        return s;
    }
    let len: usize = s
        .chars()
        .take_while(|c| is_numeral(*c))
        .map(char::len_utf8)
        .sum();
    if len > 0 {
        let after = &s[len..];
        for mark in ['、', '.', '．'] {
            if let Some(r) = after.strip_prefix(mark) {
                // `1.5万元` is a figure, not a list number.
                if !r.starts_with(|c: char| c.is_ascii_digit()) {
                    return r;
                }
            }
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::budget_item;

    #[test]
    fn numbering_of_which_and_the_yuan_unit_are_not_the_name() {
        assert_eq!(budget_item("部门整体预算总额(元)"), "部门整体预算总额");
        assert_eq!(budget_item("1、资金来源"), "资金来源");
        assert_eq!(budget_item("（1）财政拨款"), "财政拨款");
        assert_eq!(budget_item("(2) 项目支出"), "项目支出");
        assert_eq!(budget_item("其中：当年财政拨款"), "当年财政拨款");
        assert_eq!(budget_item("二、上年结转资金"), "上年结转资金");
        assert_eq!(budget_item("年度资金总额（万元）"), "年度资金总额（万元）");
        assert_eq!(budget_item("（财政拨款）"), "（财政拨款）");
    }
}
