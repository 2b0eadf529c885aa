//! Reading a target or actual for the hand-written scorer: the forms of
//! shared/spec/language.md "Values" and policy-2021.md §3, read by hand, independently of
//! perfrules' value grammar (so that a disagreement between the two shows up).

use perfrules::decimal::Dec;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cmp {
    AtLeast,
    More,
    Equal,
    AtMost,
    Less,
}

/// A period: its last day, given the report's year for periods written without one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Period {
    Day(Option<i32>, u32, u32),
    Month(Option<i32>, u32),
    Quarter(u32),
    Half(bool),
    Year(Option<i32>),
}

impl Period {
    pub fn end(self, year: i32) -> (i32, u32, u32) {
        let month_end = |y: i32, m: u32| (y, m, days_in_month(y, m));
        match self {
            Period::Day(y, m, d) => (y.unwrap_or(year), m, d),
            Period::Month(y, m) => month_end(y.unwrap_or(year), m),
            Period::Quarter(q) => month_end(year, q * 3),
            Period::Half(first) => month_end(year, if first { 6 } else { 12 }),
            Period::Year(y) => month_end(y.unwrap_or(year), 12),
        }
    }
}

fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value<'a> {
    Blank,
    /// comparison, number, unit ("" for none, "%" for percent)
    Qty(Option<Cmp>, Dec, &'a str),
    Period(Period),
    Word(&'a str),
    /// Not a value: starts like a number or sign and is not one.
    Bad,
}

fn digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

/// The spaces a value may have around its parts.
fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{3000}' | '\u{a0}')
}

/// Reads a cell. Each form is tried only when the cell's first character can begin it,
/// so a word like `完整` goes straight to the end.
pub fn read(text: &str) -> Value<'_> {
    // most cells have no spaces around them: looked at before trim's search
    let t = if text.starts_with(char::is_whitespace) || text.ends_with(char::is_whitespace) {
        text.trim()
    } else {
        text
    };
    let Some(first) = t.chars().next() else {
        return Value::Blank;
    };
    if t.chars()
        .all(|c| matches!(c, '/' | '／' | '-' | '－' | '—' | '–'))
    {
        return Value::Blank;
    }
    if may_start_period(first) {
        if let Some(p) = period(t) {
            return Value::Period(p);
        }
    }
    if let Some(q) = quantity(t, first) {
        return q;
    }
    if digit(first).is_some() || is_comparison_sign(first) {
        Value::Bad
    } else {
        Value::Word(t)
    }
}

fn is_comparison_sign(c: char) -> bool {
    matches!(
        c,
        '>' | '≥' | '≧' | '＞' | '<' | '≤' | '≦' | '＜' | '=' | '＝' | '﹦'
    )
}

/// The first characters of the periods below: a digit, a word period or a quarter.
fn may_start_period(c: char) -> bool {
    digit(c).is_some()
        || matches!(
            c,
            '上' | '下' | '年' | '全' | '第' | '一' | '二' | '三' | '四'
        )
}

/// Leading digits (at most `max`, ASCII or full-width): their value and byte length.
fn number_at(s: &str, max: usize) -> Option<(u32, usize)> {
    let bytes = s.as_bytes();
    let (mut n, mut len) = (0u32, 0);
    for _ in 0..max {
        match digit_at(bytes, len) {
            Some((d, width)) => {
                n = n * 10 + d;
                len += width;
            }
            None => break,
        }
    }
    (len > 0).then_some((n, len))
}

/// The digit at byte `at` (`0`–`9` or `０`–`９`): its value and byte length.
fn digit_at(bytes: &[u8], at: usize) -> Option<(u32, usize)> {
    match bytes.get(at..)? {
        [b @ b'0'..=b'9', ..] => Some((u32::from(b - b'0'), 1)),
        // U+FF10..U+FF19 in UTF-8
        [0xEF, 0xBC, b @ 0x90..=0x99, ..] => Some((u32::from(b - 0x90), 3)),
        _ => None,
    }
}

/// `t` after `prefix`, compared byte by byte in place: the tables' entries are short and
/// most differ from a text in their first byte, where a call to memcmp would cost more.
fn strip<'a>(t: &'a str, prefix: &str) -> Option<&'a str> {
    let starts = t.len() >= prefix.len() && t.bytes().zip(prefix.bytes()).all(|(a, b)| a == b);
    starts.then(|| &t[prefix.len()..])
}

fn year4(s: &str) -> Option<(i32, &str)> {
    let (n, len) = number_at(s, 4)?;
    (s[..len].chars().count() == 4).then(|| (n as i32, &s[len..]))
}

fn period(t: &str) -> Option<Period> {
    let (p, rest) = period_body(t)?;
    let rest = ["之前", "以前", "前"]
        .iter()
        .find_map(|b| strip(rest, b))
        .unwrap_or(rest);
    rest.trim_matches(is_space).is_empty().then_some(p)
}

fn period_body(t: &str) -> Option<(Period, &str)> {
    for (word, p) in [
        ("上半年", Period::Half(true)),
        ("下半年", Period::Half(false)),
        ("年底", Period::Year(None)),
        ("年末", Period::Year(None)),
        ("年内", Period::Year(None)),
        ("全年", Period::Year(None)),
    ] {
        if let Some(rest) = strip(t, word) {
            return Some((p, rest));
        }
    }
    if let Some((y, rest)) = year4(t) {
        if let Some(r) = rest.strip_prefix('年') {
            if let Some((m, len)) = number_at(r, 2) {
                let r = r[len..].strip_prefix('月')?;
                if let Some((d, len)) = number_at(r, 2) {
                    let r = r[len..].strip_prefix(['日', '号'])?;
                    return Some((Period::Day(Some(y), m, d), r));
                }
                let r = r.strip_prefix(['底', '末', '份']).unwrap_or(r);
                return Some((Period::Month(Some(y), m), r));
            }
            let r = r.strip_prefix(['底', '末', '内']).unwrap_or(r);
            return Some((Period::Year(Some(y)), r));
        }
        let sep = rest.chars().next().filter(|c| is_date_separator(*c))?;
        let r = &rest[sep.len_utf8()..];
        let (m, len) = number_at(r, 2)?;
        let r = &r[len..];
        let sep = r.chars().next().filter(|c| is_date_separator(*c))?;
        let (d, len) = number_at(&r[sep.len_utf8()..], 2)?;
        return Some((Period::Day(Some(y), m, d), &r[sep.len_utf8() + len..]));
    }
    let q = t.strip_prefix('第').unwrap_or(t);
    let mut chars = q.chars();
    let numeral = match chars.next() {
        Some('一') => Some(1),
        Some('二') => Some(2),
        Some('三') => Some(3),
        Some('四') => Some(4),
        _ => None,
    }
    .map(|n| (n, chars.as_str()));
    let quarter = numeral.or_else(|| {
        let (n, len) = number_at(q, 1)?;
        Some((n, &q[len..]))
    });
    if let Some((n, r)) = quarter {
        if let Some(r) = strip(r, "季度") {
            let r = r.strip_prefix(['末', '底']).unwrap_or(r);
            return Some((Period::Quarter(n), r));
        }
    }
    let (m, len) = number_at(t, 2)?;
    let r = t[len..].strip_prefix('月')?;
    if let Some((d, len)) = number_at(r, 2) {
        let r = r[len..].strip_prefix(['日', '号'])?;
        return Some((Period::Day(None, m, d), r));
    }
    let r = r.strip_prefix(['底', '末', '份']).unwrap_or(r);
    Some((Period::Month(None, m), r))
}

fn is_date_separator(c: char) -> bool {
    matches!(c, '-' | '/' | '.' | '－' | '／' | '．')
}

const PREFIXES: &[(&str, Cmp)] = &[
    (">=", Cmp::AtLeast),
    ("≥", Cmp::AtLeast),
    ("≧", Cmp::AtLeast),
    ("＞＝", Cmp::AtLeast),
    ("＞=", Cmp::AtLeast),
    (">＝", Cmp::AtLeast),
    ("=>", Cmp::AtLeast),
    ("<=", Cmp::AtMost),
    ("≤", Cmp::AtMost),
    ("≦", Cmp::AtMost),
    ("＜＝", Cmp::AtMost),
    ("＜=", Cmp::AtMost),
    ("<＝", Cmp::AtMost),
    ("=<", Cmp::AtMost),
    (">", Cmp::More),
    ("＞", Cmp::More),
    ("<", Cmp::Less),
    ("＜", Cmp::Less),
    ("==", Cmp::Equal),
    ("=", Cmp::Equal),
    ("＝", Cmp::Equal),
    ("﹦", Cmp::Equal),
    ("不低于", Cmp::AtLeast),
    ("不少于", Cmp::AtLeast),
    ("不小于", Cmp::AtLeast),
    ("至少", Cmp::AtLeast),
    ("不高于", Cmp::AtMost),
    ("不超过", Cmp::AtMost),
    ("不多于", Cmp::AtMost),
    ("不大于", Cmp::AtMost),
    ("至多", Cmp::AtMost),
    ("最多", Cmp::AtMost),
    ("高于", Cmp::More),
    ("超过", Cmp::More),
    ("大于", Cmp::More),
    ("多于", Cmp::More),
    ("低于", Cmp::Less),
    ("少于", Cmp::Less),
    ("小于", Cmp::Less),
];

const SUFFIXES: &[(&str, Cmp)] = &[
    ("及以上", Cmp::AtLeast),
    ("以上", Cmp::AtLeast),
    ("及以下", Cmp::AtMost),
    ("以下", Cmp::AtMost),
    ("以内", Cmp::AtMost),
    ("内", Cmp::AtMost),
];

/// Whether `t` can begin with a suffix of [`SUFFIXES`].
fn may_start_suffix(t: &str) -> bool {
    t.starts_with(['及', '以', '内'])
}

/// The suffix of [`SUFFIXES`] that `t` begins with.
fn suffix(t: &str) -> Option<&'static (&'static str, Cmp)> {
    if may_start_suffix(t) {
        SUFFIXES.iter().find(|(s, _)| strip(t, s).is_some())
    } else {
        None
    }
}

/// A character a prefix of [`PREFIXES`] can begin with.
fn may_start_prefix(c: char) -> bool {
    is_comparison_sign(c)
        || matches!(
            c,
            '不' | '至' | '最' | '高' | '超' | '大' | '多' | '低' | '少' | '小'
        )
}

/// A letter of a unit: a CJK ideograph (most units), or any alphabetic character.
fn is_letter(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}') || c.is_alphabetic()
}

/// One character of a number as the scan below sees it.
#[derive(Clone, Copy)]
enum NumChar {
    Digit(u8),
    Comma,
    Point,
}

/// The character of a number at byte `at`, if it is one, and its byte length.
fn num_char(bytes: &[u8], at: usize) -> Option<(NumChar, usize)> {
    match bytes.get(at..)? {
        [b @ b'0'..=b'9', ..] => Some((NumChar::Digit(b - b'0'), 1)),
        [b',', ..] => Some((NumChar::Comma, 1)),
        [b'.', ..] => Some((NumChar::Point, 1)),
        // U+FF10..U+FF19, '，' U+FF0C and '．' U+FF0E in UTF-8
        [0xEF, 0xBC, b @ 0x90..=0x99, ..] => Some((NumChar::Digit(b - 0x90), 3)),
        [0xEF, 0xBC, 0x8C, ..] => Some((NumChar::Comma, 3)),
        [0xEF, 0xBC, 0x8E, ..] => Some((NumChar::Point, 3)),
        _ => None,
    }
}

fn quantity(t: &str, first: char) -> Option<Value<'_>> {
    let prefix = if may_start_prefix(first) {
        PREFIXES.iter().find(|(p, _)| strip(t, p).is_some())
    } else {
        None
    };
    let (mut cmp, rest) = match prefix {
        Some((p, c)) => (Some(*c), t[p.len()..].trim_start_matches(is_space)),
        None => (None, t),
    };
    // the number: [-]digits(,ddd)*(.digits)?
    let bytes = rest.as_bytes();
    let mut at = if rest.starts_with('-') {
        1
    } else if rest.starts_with('－') {
        '－'.len_utf8()
    } else {
        0
    };
    let negative = at > 0;
    let mut end = 0;
    let mut digits = 0;
    let mut group: Option<usize> = None;
    let mut point = false;
    // the digits' value and how many follow the point, as they are scanned
    let (mut value, mut places) = (0u64, 0u32);
    while let Some((c, width)) = num_char(bytes, at) {
        match c {
            NumChar::Digit(d) => {
                value = value.wrapping_mul(10).wrapping_add(u64::from(d));
                places += u32::from(point);
                digits += 1;
                if let Some(g) = group.as_mut() {
                    *g += 1;
                }
                end = at + width;
            }
            NumChar::Comma if !point && digits > 0 && group.is_none_or(|g| g == 3) => {
                group = Some(0);
            }
            NumChar::Point if !point && digits > 0 && group.is_none_or(|g| g == 3) => {
                point = true;
                group = None;
            }
            _ => break,
        }
        at += width;
    }
    if digits == 0 || group.is_some_and(|g| g != 3) {
        return None;
    }
    // A negative number, or more digits than a u64 holds, goes to the decimal parser.
    let n = match Dec::from_digits(value, places) {
        Some(n) if !negative && digits <= 19 => n,
        _ => Dec::parse_written(&rest[..end]).ok()?,
    };
    let mut r = rest[end..].trim_start_matches(is_space);
    let unit;
    if let Some(p) = ["%", "％", "百分比"].iter().find(|p| strip(r, p).is_some()) {
        unit = "%";
        r = &r[p.len()..];
    } else {
        let mut len = 0;
        for c in r.chars() {
            let tail = &r[len..];
            if let Some((s, _)) = suffix(tail) {
                let after = tail[s.len()..].trim_start_matches(is_space);
                if after.chars().next().is_none_or(|n| !is_letter(n)) {
                    break;
                }
            }
            if is_letter(c) {
                len += c.len_utf8();
            } else {
                break;
            }
        }
        unit = &r[..len];
        r = &r[len..];
    }
    let r = r.trim_start_matches(is_space);
    let r = match suffix(r) {
        Some((s, c)) => {
            if cmp.is_some() {
                return Some(Value::Bad);
            }
            cmp = Some(*c);
            &r[s.len()..]
        }
        None => r,
    };
    r.trim_matches(is_space)
        .is_empty()
        .then_some(Value::Qty(cmp, n, unit))
}
