//! Reading a target or actual, from language.md ("Values") and the policies' words, without
//! perfrules' grammar: a blank, a number with its comparison and unit, a period's last day,
//! or a word.

use rust_decimal::Decimal;
use std::str::FromStr;

/// The comparison written with a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    /// No sign: a bare number, an equal target.
    None,
    Eq,
    Ge,
    Gt,
    Le,
    Lt,
}

/// A number's unit: none (it takes the other side's), percent, or a named one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unit {
    Bare,
    Percent,
    Named(String),
}

/// What a cell says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cell {
    Blank,
    Number {
        op: Op,
        n: Decimal,
        unit: Unit,
    },
    /// The last day of the period, as (year, month, day).
    Period((i32, u32, u32)),
    Word(String),
    /// Text that starts like a number or sign and is not one.
    Unreadable,
}

const BLANKS: &[&str] = &["/", "／", "-", "－", "—", "——", "–"];

fn digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

/// `1,234.5`, `１００`, `-3`: the number at the start of `s` and what follows it.
fn number(s: &str) -> Option<(Decimal, &str)> {
    let mut plain = String::new();
    let mut rest = s;
    if let Some(r) = rest.strip_prefix('-').or_else(|| rest.strip_prefix('－')) {
        plain.push('-');
        rest = r;
    }
    let mut seen = false;
    let mut point = false;
    let mut chars = rest.char_indices().peekable();
    let mut end = rest.len();
    while let Some((i, c)) = chars.next() {
        if let Some(d) = digit(c) {
            plain.push(char::from_digit(d, 10)?);
            seen = true;
            continue;
        }
        let next_is_digit = chars.peek().is_some_and(|(_, n)| digit(*n).is_some());
        match c {
            ',' | '，' if seen && !point && next_is_digit => {}
            '.' | '．' if seen && !point && next_is_digit => {
                plain.push('.');
                point = true;
            }
            _ => {
                end = i;
                break;
            }
        }
    }
    if !seen {
        return None;
    }
    Some((Decimal::from_str_exact(&plain).ok()?, &rest[end..]))
}

/// The operator written before a number.
fn prefix_op(s: &str) -> (Op, &str) {
    for (token, op) in [
        ("＞＝", Op::Ge),
        (">=", Op::Ge),
        ("≥", Op::Ge),
        ("≧", Op::Ge),
        ("不低于", Op::Ge),
        ("不少于", Op::Ge),
        ("<=", Op::Le),
        ("≤", Op::Le),
        ("≦", Op::Le),
        ("不超过", Op::Le),
        ("不高于", Op::Le),
        ("==", Op::Eq),
        ("=", Op::Eq),
        ("＝", Op::Eq),
        ("﹦", Op::Eq),
        (">", Op::Gt),
        ("＞", Op::Gt),
        ("<", Op::Lt),
        ("＜", Op::Lt),
    ] {
        if let Some(rest) = s.strip_prefix(token) {
            return (op, rest.trim_start());
        }
    }
    (Op::None, s)
}

/// Days in a month of the Gregorian calendar.
pub fn days_in(year: i32, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn month_end(year: i32, month: u32) -> (i32, u32, u32) {
    (year, month, days_in(year, month))
}

fn small(s: &str) -> Option<u32> {
    let n: String = s
        .chars()
        .map(|c| digit(c).map_or('x', |d| char::from_digit(d, 10).unwrap_or('x')))
        .collect();
    n.parse().ok()
}

/// A period's last day: `2季度`, `第四季度`, `11月`, `12月底`, `2021年12月底前`, `2021年6月30日`,
/// `2021-09-30`, `上半年`, `年底`, `2022年3月`; a period without a year is in `year`.
fn period(s: &str, year: i32) -> Option<(i32, u32, u32)> {
    let s = ["之前", "以前", "前"]
        .iter()
        .find_map(|b| s.strip_suffix(b))
        .unwrap_or(s);
    match s {
        "上半年" => return Some(month_end(year, 6)),
        "下半年" | "年底" | "年末" | "年内" | "全年" => {
            return Some(month_end(year, 12))
        }
        _ => {}
    }
    if let Some(q) = s.strip_suffix("季度") {
        let q = q.strip_prefix('第').unwrap_or(q);
        let n = match q {
            "一" => 1,
            "二" => 2,
            "三" => 3,
            "四" => 4,
            other => small(other)?,
        };
        return (1..=4).contains(&n).then(|| month_end(year, n * 3));
    }
    if let Some(parts) = iso(s) {
        return Some(parts);
    }
    let (y, rest) = match s.split_once('年') {
        Some((y, rest)) if y.chars().count() == 4 => (small(y)? as i32, rest),
        Some(_) => return None, // `3年` is three years, a quantity
        None => (year, s),
    };
    if s.contains('年') && ["", "底", "末", "内"].contains(&rest) {
        return Some(month_end(y, 12));
    }
    let (m, rest) = rest.split_once('月')?;
    let m = small(m)?;
    if !(1..=12).contains(&m) {
        return None;
    }
    match rest {
        "" | "底" | "末" | "份" => Some(month_end(y, m)),
        day => {
            let d = day.strip_suffix('日').or_else(|| day.strip_suffix('号'))?;
            let d = small(d)?;
            (1..=days_in(y, m)).contains(&d).then_some((y, m, d))
        }
    }
}

/// `2021-09-30`, `2021/9/30`, `2021.09.30`.
fn iso(s: &str) -> Option<(i32, u32, u32)> {
    let parts: Vec<&str> = s.split(['-', '/', '.']).collect();
    if parts.len() != 3 || parts[0].len() != 4 {
        return None;
    }
    let (y, m, d) = (small(parts[0])? as i32, small(parts[1])?, small(parts[2])?);
    ((1..=12).contains(&m) && (1..=days_in(y, m)).contains(&d)).then_some((y, m, d))
}

/// A cell of a report, read in the report's `year`.
pub fn read(text: Option<&str>, year: i32) -> Cell {
    let Some(text) = text else { return Cell::Blank };
    let s = text.trim_matches(|c: char| c.is_whitespace());
    if s.is_empty() || BLANKS.contains(&s) {
        return Cell::Blank;
    }
    if let Some(end) = period(s, year) {
        return Cell::Period(end);
    }
    let (op, rest) = prefix_op(s);
    let Some((n, rest)) = number(rest) else {
        return if op == Op::None && !s.starts_with(|c: char| digit(c).is_some()) {
            Cell::Word(s.to_string())
        } else {
            Cell::Unreadable
        };
    };
    let rest = rest.trim_start();
    // `95%以上`, `5%以内`
    let (rest, op) = match (rest.strip_suffix("以上"), rest.strip_suffix("以内")) {
        (Some(r), _) if op == Op::None => (r, Op::Ge),
        (_, Some(r)) if op == Op::None => (r, Op::Le),
        _ => (rest, op),
    };
    let unit = match rest.trim() {
        "" => Unit::Bare,
        "%" | "％" | "百分比" => Unit::Percent,
        named if named.chars().all(|c| c.is_alphabetic()) => Unit::Named(named.to_string()),
        _ => return Cell::Unreadable,
    };
    Cell::Number { op, n, unit }
}

/// A decimal from a report's figure as written (`"215,457.6"`, `"85.50"`).
pub fn figure(text: &str) -> Option<Decimal> {
    let plain: String = text.trim().chars().filter(|c| *c != ',').collect();
    Decimal::from_str(&plain).ok()
}
