//! `period ~ by_suffix?` of the grammar, read by hand: `2季度`, `11月`, `2021年12月底前`,
//! `10月14日`, `上半年`, `年底`.
//!
//! `period` is a PEG choice, `full_date | iso_date | year_month | month_day | quarter |
//! month | half_year | year_end | year_only`: the first form that matches at the start of
//! the text is the period, whatever follows. Here the run of digits at the start and what
//! follows it tell which forms can match, and those are read in the grammar's order, the
//! parts they share (`year4 ~ "年"`, `month_number ~ "月"`) once. What the lowering checks
//! (a month 1–12, a day of that month, a quarter 1–4) is checked here too; a period that
//! fails a check is an error the grammar words, so it is answered as such and the caller
//! sends the text to the grammar.

use super::scan::{digits, first_of, literal, run};
use crate::value::period::{is_day, is_month, is_quarter, Period, PeriodSpan, QUARTER_NUMERALS};

/// What [`period`] found at the start of a text.
pub struct Found {
    /// The period, or `None` when it is one the lowering refuses (`13月`, `2月30日`).
    pub period: Option<Period>,
    /// Bytes read, the `前` of `…前` included.
    pub len: usize,
}

/// `period ~ by_suffix?` at the start of the text; `None` when no form of period matches
/// there (the grammar then goes on to a quantity or a word).
pub fn period(text: &str) -> Option<Found> {
    let t = text.as_bytes();
    let (span, end) = forms(t)?;
    // `by_suffix`: `之前 | 以前 | 前`.
    let by = first_of(t, end, &["之前", "以前", "前"]);
    Some(Found {
        period: span.map(|span| Period {
            span,
            by: by.is_some(),
        }),
        len: by.unwrap_or(end),
    })
}

/// Whether a period may begin a text that begins with a digit, told by what follows its
/// ASCII digits: every period written with digits goes on after them with `年`, `月`,
/// `季度`, a full-width digit or separator (`EF` first), or, after four, with the ASCII
/// separator of an `iso_date`. Most quantities go on otherwise (`95%`, `14次`, `100`) and
/// are no period: [`period`] need not be asked.
pub fn may_begin(t: &[u8]) -> bool {
    let mut digits = 0;
    while t.get(digits).is_some_and(u8::is_ascii_digit) {
        digits += 1;
    }
    // `年` (E5 B9 B4), `月` (E6 9C 88), the `季` of `季度` (E5 AD A3), or a full-width
    // digit or separator (EF first).
    match t.get(digits..).unwrap_or_default() {
        [b'-' | b'/' | b'.', ..] => digits == 4,
        [0xe5, 0xb9, 0xb4, ..] | [0xe6, 0x9c, 0x88, ..] | [0xe5, 0xad, 0xa3, ..] | [0xef, ..] => {
            true
        }
        _ => false,
    }
}

/// A form's period (`None` when the lowering refuses it) and where the form ends.
type Form = Option<(Option<PeriodSpan>, usize)>;

/// `period`, by the run of digits at the start: four and `年` (`full_date`, `year_month`,
/// `year_only`) or a date separator (`iso_date`); one or two and `月` (`month_day`,
/// `month`; `digit{1,2}` takes both); one and `季度` (`quarter`); none (`第2季度`, `二季度`,
/// `上半年`, `年底`). Any other run matches no form: `year4` would be followed by a fifth
/// digit, `month_number` by a third.
fn forms(t: &[u8]) -> Form {
    let (number, count, at) = run(t, 0, 5);
    match count {
        0 => quarter(t).or_else(|| half_year(t)).or_else(|| year_end(t)),
        4 => match literal(t, at, "年") {
            Some(at) => dated(t, number, at),
            None => iso_date(t, number, at),
        },
        1 | 2 => match literal(t, at, "月") {
            Some(at) => in_month(t, None, number, at),
            None if count == 1 => quarter(t),
            None => None,
        },
        _ => None,
    }
}

/// After `year4 ~ "年"`: `full_date` or `year_month` (which share `month_number ~ "月"`),
/// else `year_only` (`year4 ~ "年" ~ ("底" | "末" | "内")?`, which always matches there).
fn dated(t: &[u8], year: u32, at: usize) -> Form {
    let month = digits(t, at, 1, 2).and_then(|(month, end)| Some((month, literal(t, end, "月")?)));
    match month {
        Some((month, at)) => in_month(t, Some(year), month, at),
        None => {
            let end = first_of(t, at, &["底", "末", "内"]).unwrap_or(at);
            let year = Some(year_of(year));
            Some((Some(PeriodSpan::Year { year }), end))
        }
    }
}

/// After `month_number ~ "月"` (and the year before it, if written): `day_number ~ ("日" |
/// "号")` for a day (`full_date`, `month_day`), else the month with its `month_end?`
/// (`底 | 末 | 份`; `year_month`, `month`).
fn in_month(t: &[u8], year: Option<u32>, month: u32, at: usize) -> Form {
    let day_ =
        digits(t, at, 1, 2).and_then(|(day_, end)| Some((day_, first_of(t, end, &["日", "号"])?)));
    Some(match day_ {
        Some((day_, end)) => (day(year, month, day_), end),
        None => {
            let end = first_of(t, at, &["底", "末", "份"]).unwrap_or(at);
            let span = is_month(month).then(|| PeriodSpan::Month {
                year: year.map(year_of),
                month,
            });
            (span, end)
        }
    })
}

/// After `year4`: the rest of `iso_date`, `date_separator ~ month_number ~ date_separator ~
/// day_number`.
fn iso_date(t: &[u8], year: u32, at: usize) -> Form {
    let at = separator(t, at)?;
    let (month, at) = digits(t, at, 1, 2)?;
    let at = separator(t, at)?;
    let (day_, at) = digits(t, at, 1, 2)?;
    Some((day(Some(year), month, day_), at))
}

/// `date_separator` at `at`: `- / . － ／ ．`; where it ends.
fn separator(t: &[u8], at: usize) -> Option<usize> {
    first_of(t, at, &["-", "/", ".", "－", "／", "．"])
}

/// `quarter`: `"第"? ~ (quarter_number | quarter_numeral) ~ "季度" ~ ("末" | "底")?`.
fn quarter(t: &[u8]) -> Form {
    let at = literal(t, 0, "第").unwrap_or(0);
    let (quarter, at) = digits(t, at, 1, 1).or_else(|| {
        QUARTER_NUMERALS
            .iter()
            .zip(1..)
            .find_map(|(numeral, q)| literal(t, at, numeral).map(|end| (q, end)))
    })?;
    let at = literal(t, at, "季度")?;
    let at = first_of(t, at, &["末", "底"]).unwrap_or(at);
    let span = is_quarter(quarter).then_some(PeriodSpan::Quarter {
        year: None,
        quarter,
    });
    Some((span, at))
}

/// `half_year`: `上半年 | 下半年`.
fn half_year(t: &[u8]) -> Form {
    let first = literal(t, 0, "上半年").map(|at| (true, at));
    let (first, at) = first.or_else(|| literal(t, 0, "下半年").map(|at| (false, at)))?;
    Some((Some(PeriodSpan::Half { year: None, first }), at))
}

/// `year_end`: `年底 | 年末 | 年内 | 全年`.
fn year_end(t: &[u8]) -> Form {
    let at = first_of(t, 0, &["年底", "年末", "年内", "全年"])?;
    Some((Some(PeriodSpan::Year { year: None }), at))
}

/// A day, when it is one of its month's ([`is_day`], as the lowering checks it).
fn day(year: Option<u32>, month: u32, day: u32) -> Option<PeriodSpan> {
    let year = year.map(year_of);
    is_day(year, month, day).then_some(PeriodSpan::Day { year, month, day })
}

/// A year of four digits (at most 9999) as the lowering keeps it.
fn year_of(year: u32) -> i32 {
    i32::try_from(year).unwrap_or(i32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bytes_that_may_follow_a_period_s_digits_are_its_characters() {
        assert_eq!("年".as_bytes(), [0xe5, 0xb9, 0xb4]);
        assert_eq!("月".as_bytes(), [0xe6, 0x9c, 0x88]);
        assert_eq!("季".as_bytes(), [0xe5, 0xad, 0xa3]);
        for c in "０１２３４５６７８９－／．".chars() {
            assert_eq!(c.to_string().as_bytes()[0], 0xef);
        }
        for text in [
            "2季度",
            "11月",
            "2021年",
            "2021-3-5",
            "2021/3/5",
            "2021.3.5",
            "２季度",
        ] {
            assert!(may_begin(text.as_bytes()), "{text}");
        }
        for text in ["95%", "14次", "100", "3.5", "12-3", "1,000", "14 次"] {
            assert!(!may_begin(text.as_bytes()), "{text}");
        }
    }
}
