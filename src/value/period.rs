//! Periods and dates of a deadline: `2季度`, `11月`, `2021年12月底前`, `2021-06-30`.
//!
//! A period without a year (`11月`, `2季度`, `年底`) is read in the report's year. A
//! deadline is met when the actual period ends no later than the target period.

use std::cmp::Ordering;

/// A day of the calendar.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    /// Months from `self` to `later` (0 when in the same month; negative when earlier).
    pub fn months_until(self, later: Date) -> i64 {
        (later.year as i64 - self.year as i64) * 12 + later.month as i64 - self.month as i64
    }
}

/// A period as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Period {
    pub span: PeriodSpan,
    /// Written with `前`/`之前`/`以前`: "by then". It ends where the period ends either way.
    pub by: bool,
}

/// The stretch of time a period names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PeriodSpan {
    /// `2021年6月30日`, `2021-06-30`, `12月31日`
    Day {
        year: Option<i32>,
        month: u32,
        day: u32,
    },
    /// `11月`, `2021年12月底`
    Month { year: Option<i32>, month: u32 },
    /// `2季度`, `第四季度`
    Quarter { year: Option<i32>, quarter: u32 },
    /// `上半年` (first) or `下半年`
    Half { year: Option<i32>, first: bool },
    /// `年底`, `2021年`, `2021年底`
    Year { year: Option<i32> },
}

impl Period {
    /// The last day of the period, reading a period without a year in `report_year`.
    pub fn end(&self, report_year: i32) -> Date {
        let y = |year: Option<i32>| year.unwrap_or(report_year);
        match self.span {
            PeriodSpan::Day { year, month, day } => Date {
                year: y(year),
                month,
                day,
            },
            PeriodSpan::Month { year, month } => month_end(y(year), month),
            PeriodSpan::Quarter { year, quarter } => month_end(y(year), quarter * 3),
            PeriodSpan::Half { year, first } => month_end(y(year), if first { 6 } else { 12 }),
            PeriodSpan::Year { year } => month_end(y(year), 12),
        }
    }

    /// Whether `self` (an actual) ends no later than `target`.
    pub fn ends_by(&self, target: &Period, report_year: i32) -> bool {
        self.end(report_year).cmp(&target.end(report_year)) != Ordering::Greater
    }
}

fn month_end(year: i32, month: u32) -> Date {
    Date {
        year,
        month,
        day: days_in_month(year, month),
    }
}

/// Days in a month of the Gregorian calendar (0 for a month that does not exist).
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

/// The quarters written in numerals (`二季度`), first to fourth.
pub const QUARTER_NUMERALS: [&str; 4] = ["一", "二", "三", "四"];

/// A month number that names a month (`13月` does not).
pub fn is_month(month: u32) -> bool {
    (1..=12).contains(&month)
}

/// A quarter number that names a quarter (`5季度` does not).
pub fn is_quarter(quarter: u32) -> bool {
    (1..=4).contains(&quarter)
}

/// A day of its month (`2月30日` is not). A date written without a year is checked against a
/// leap year: `2月29日` stands, whatever year the report is read in.
pub fn is_day(year: Option<i32>, month: u32, day: u32) -> bool {
    is_month(month) && day != 0 && day <= days_in_month(year.unwrap_or(2000), month)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(span: PeriodSpan) -> Period {
        Period { span, by: false }
    }

    #[test]
    fn relative_periods_are_read_in_the_report_year() {
        assert_eq!(
            p(PeriodSpan::Month {
                year: None,
                month: 11
            })
            .end(2021),
            Date {
                year: 2021,
                month: 11,
                day: 30
            }
        );
        assert_eq!(
            p(PeriodSpan::Quarter {
                year: None,
                quarter: 2
            })
            .end(2021),
            Date {
                year: 2021,
                month: 6,
                day: 30
            }
        );
        assert_eq!(
            p(PeriodSpan::Half {
                year: None,
                first: false
            })
            .end(2020),
            Date {
                year: 2020,
                month: 12,
                day: 31
            }
        );
        assert_eq!(
            p(PeriodSpan::Month {
                year: None,
                month: 2
            })
            .end(2024),
            Date {
                year: 2024,
                month: 2,
                day: 29
            }
        );
        assert_eq!(
            p(PeriodSpan::Month {
                year: None,
                month: 2
            })
            .end(2100),
            Date {
                year: 2100,
                month: 2,
                day: 28
            }
        );
    }

    #[test]
    fn a_deadline_is_met_when_the_actual_ends_no_later() {
        let nov = p(PeriodSpan::Month {
            year: None,
            month: 11,
        });
        let oct = p(PeriodSpan::Month {
            year: None,
            month: 10,
        });
        let q4 = p(PeriodSpan::Quarter {
            year: None,
            quarter: 4,
        });
        assert!(oct.ends_by(&nov, 2021));
        assert!(nov.ends_by(&nov, 2021));
        assert!(!q4.ends_by(&nov, 2021));
        let dec_2021 = p(PeriodSpan::Month {
            year: Some(2021),
            month: 12,
        });
        assert!(q4.ends_by(&dec_2021, 2021));
        assert!(!q4.ends_by(&dec_2021, 2022));
    }
}
