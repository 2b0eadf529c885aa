//! Cells of number columns: kept as written, checked with the report contract's own
//! decimal reader. The one liberty: a 执行率 written with its percent sign (`45.17%`) is
//! stored without it, since report.json's `rate` is in percent by definition.

use super::headers::Role;
use crate::decimal::Dec;

/// The text to store for a number cell, or `None` if it is not a number.
pub fn number_cell(role: Role, text: &str) -> Option<String> {
    let text = text.trim();
    let text = if role == Role::Rate {
        text.trim_end_matches(['%', '％']).trim_end()
    } else {
        text
    };
    Dec::parse_written(text).ok().map(|_| text.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_stay_as_written() {
        assert_eq!(
            number_cell(Role::Budget, "215,457.6").as_deref(),
            Some("215,457.6")
        );
        assert_eq!(number_cell(Role::Rate, "45.17%").as_deref(), Some("45.17"));
        assert_eq!(number_cell(Role::Rate, "85.50").as_deref(), Some("85.50"));
        assert_eq!(number_cell(Role::Points, "十分"), None);
        assert_eq!(number_cell(Role::SelfScore, "1O"), None);
    }
}
