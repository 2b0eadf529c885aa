//! A fast path for the common forms of a value, in front of the grammar.
//!
//! pest reads a cell in about 2 µs (pitfalls.md §7), which made value parsing the larger
//! part of scoring a report. Most cells take one of a few forms: a word (`完整`, `达成`,
//! `较及时`), a quantity with a sign, a number and a unit (`>=14次`, `≥90%`, `100 个`,
//! `95%以上`), or a blank. This reads exactly those, by hand, without backtracking, and
//! answers `None` for anything else — a period, a comparison written in words, an error, a
//! character it does not know — which then goes to the grammar.
//!
//! The grammar (`value_text` in grammar/perfrules.pest) stays the definition: whatever this
//! answers must be what the grammar answers. Each rule below names the grammar rule it
//! follows, and tests/value_fast_path.rs checks both agree on every string of examples/,
//! tests/values.rs and a generated corpus, plus strings built to sit on every boundary.
//! When in doubt, this answers `None`.

use super::{Comparison, Quantity, Unit, Value, ValueKind};
use crate::decimal::Dec;

/// The value, when the text is in a form read here; `None` sends it to the grammar.
pub fn read(text: &str) -> Option<Value> {
    // A text beyond the value limit is not read, by the grammar or here.
    if super::lower::too_long(text).is_some() {
        return None;
    }
    // Only ASCII spaces around the value (`value_space`); any other white space, such as a
    // newline, goes to the grammar, which treats it its own way.
    if text.chars().any(other_space) {
        return None;
    }
    let trimmed = spaces_after(text);
    let end = trimmed.len() - trimmed.bytes().rev().take_while(|&b| b == b' ').count();
    // INVARIANT: the spaces are ASCII, so `end` is a character boundary.
    let trimmed = trimmed.get(..end).unwrap_or_default();
    let kind = if trimmed.is_empty() {
        ValueKind::Blank
    } else if let Some(kind) = blank(trimmed) {
        kind
    } else if let Some(kind) = word(trimmed) {
        kind
    } else {
        quantity(trimmed)?
    };
    Some(Value {
        text: trimmed.into(),
        kind,
    })
}

/// White space other than the ASCII space. A character above U+3000 is never white space
/// (U+3000 is the last), so CJK text is passed over without looking up the Unicode table.
fn other_space(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_whitespace() && c != ' ' || c == '\u{b}'
    } else {
        c <= '\u{3000}' && c.is_whitespace()
    }
}

/// The text after its leading ASCII spaces.
fn spaces_after(text: &str) -> &str {
    let start = text.bytes().take_while(|&b| b == b' ').count();
    // INVARIANT: the spaces are ASCII, so `start` is a character boundary.
    text.get(start..).unwrap_or_default()
}

/// `blank`: only `/ ／ - － — –`.
fn blank(text: &str) -> Option<ValueKind> {
    text.chars()
        .all(|c| matches!(c, '/' | '／' | '-' | '－' | '—' | '–'))
        .then_some(ValueKind::Blank)
}

/// `word`, when it cannot be anything before it in `value`: its first character is not a
/// sign or digit (the grammar's `word` lookahead), not a blank character or minus, and not
/// the first character of a period written without digits (`第四季度`, `二季度`, `上半年`,
/// `年底`, `全年`) or of a comparison in words (`不低于`, `至少`, `最多`, `高于`, `超过`,
/// `大于`, `多于`, `低于`, `少于`, `小于`).
fn word(text: &str) -> Option<ValueKind> {
    let first = text.chars().next()?;
    let excluded = is_digit(first)
        || matches!(
            first,
            '>' | '≥'
                | '≧'
                | '＞'
                | '<'
                | '≤'
                | '≦'
                | '＜'
                | '='
                | '＝'
                | '﹦'
                | '/'
                | '／'
                | '-'
                | '－'
                | '—'
                | '–'
        )
        || matches!(
            first,
            '第' | '一'
                | '二'
                | '三'
                | '四'
                | '上'
                | '下'
                | '年'
                | '全'
                | '不'
                | '至'
                | '最'
                | '高'
                | '超'
                | '大'
                | '多'
                | '低'
                | '少'
                | '小'
        );
    (!excluded).then(|| ValueKind::Word(text.into()))
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// `at_least_sign | at_most_sign | more_sign | less_sign | equal_sign`, in the grammar's
/// order (the first that matches wins, as in a PEG choice); `None` for no sign.
fn sign(text: &str) -> Option<(Comparison, usize)> {
    const SIGNS: &[(&str, Comparison)] = &[
        (">=", Comparison::AtLeast),
        ("≥", Comparison::AtLeast),
        ("≧", Comparison::AtLeast),
        ("＞＝", Comparison::AtLeast),
        ("＞=", Comparison::AtLeast),
        (">＝", Comparison::AtLeast),
        ("=>", Comparison::AtLeast),
        ("<=", Comparison::AtMost),
        ("≤", Comparison::AtMost),
        ("≦", Comparison::AtMost),
        ("＜＝", Comparison::AtMost),
        ("＜=", Comparison::AtMost),
        ("<＝", Comparison::AtMost),
        ("=<", Comparison::AtMost),
        (">", Comparison::More),
        ("＞", Comparison::More),
        ("<", Comparison::Less),
        ("＜", Comparison::Less),
        ("==", Comparison::Equal),
        ("=", Comparison::Equal),
        ("＝", Comparison::Equal),
        ("﹦", Comparison::Equal),
    ];
    SIGNS
        .iter()
        .find(|(s, _)| text.starts_with(s))
        .map(|(s, c)| (*c, s.len()))
}

/// `suffix_comparison`: `及以上 | 以上` or `及以下 | 以下 | 以内 | 内`.
fn suffix(text: &str) -> Option<(Comparison, usize)> {
    const SUFFIXES: &[(&str, Comparison)] = &[
        ("及以上", Comparison::AtLeast),
        ("以上", Comparison::AtLeast),
        ("及以下", Comparison::AtMost),
        ("以下", Comparison::AtMost),
        ("以内", Comparison::AtMost),
        ("内", Comparison::AtMost),
    ];
    SUFFIXES
        .iter()
        .find(|(s, _)| text.starts_with(s))
        .map(|(s, c)| (*c, s.len()))
}

/// A character of a unit read here: a CJK ideograph or an ASCII letter (both `LETTER` in
/// the grammar). Any other character the grammar's `unit_char` allows (`²`, `·`, `/`,
/// other scripts) sends the text to the grammar.
fn is_unit_char(c: char) -> bool {
    c.is_ascii_alphabetic() || ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// `quantity` with a sign or none, a number, a percent or a unit, and a suffix; the whole
/// text must be read.
fn quantity(text: &str) -> Option<ValueKind> {
    let (prefix, rest) = match sign(text) {
        Some((c, len)) => (Some(c), spaces_after(&text[len..])),
        None => (None, text),
    };
    let digits = number_len(rest)?;
    // A period comes before a quantity in `value`: leave anything that may be one (`2季度`,
    // `11月`, `2021年`, `2021-06-30`) to the grammar.
    if prefix.is_none() && may_be_period(rest) {
        return None;
    }
    let number = Dec::parse_written(&rest[..digits]).ok()?;
    let mut rest = &rest[digits..];
    let mut unit = Unit::None;
    // `(value_space* ~ percent | unit_after)?`
    let spaced = spaces_after(rest);
    if let Some(len) = percent(spaced) {
        unit = Unit::Percent;
        rest = &spaced[len..];
    } else {
        // `unit_after`: after spaces only a unit that does not begin with ASCII.
        let start = if spaced.len() < rest.len() {
            match spaced.chars().next() {
                Some(c) if !c.is_ascii() => spaced,
                _ => rest,
            }
        } else {
            rest
        };
        let len = unit_len(start)?;
        if len > 0 {
            unit = Unit::Named(start[..len].into());
            rest = &start[len..];
        }
    }
    // `(value_space* ~ suffix_comparison)?`
    let spaced = spaces_after(rest);
    let mut comparison = prefix;
    if let Some((c, len)) = suffix(spaced) {
        if comparison.is_some() {
            // Two comparisons: an error the grammar words.
            return None;
        }
        comparison = Some(c);
        rest = &spaced[len..];
    }
    // `value_space* ~ EOI`
    if !spaces_after(rest).is_empty() {
        return None;
    }
    Some(ValueKind::Quantity(Quantity {
        comparison,
        number,
        unit,
        measured: None,
    }))
}

/// The length in bytes of `number` at the start: digits, groups of three after a
/// separator, a point and digits. `None` when it does not start with a digit (a minus sign
/// is left to the grammar) or when the groups are irregular (`12,34`).
fn number_len(text: &str) -> Option<usize> {
    let mut chars = text.char_indices().peekable();
    let mut end = 0;
    let mut run = 0;
    while let Some(&(i, c)) = chars.peek() {
        if !is_digit(c) {
            break;
        }
        run += 1;
        end = i + c.len_utf8();
        chars.next();
    }
    if run == 0 {
        return None;
    }
    // Separators: a separator must be followed by exactly three digits and then no digit;
    // anything else is left to the grammar.
    while let Some(&(_, c)) = chars.peek() {
        if c != ',' && c != '，' {
            break;
        }
        chars.next();
        let mut group = 0;
        while let Some(&(i, d)) = chars.peek() {
            if !is_digit(d) {
                break;
            }
            group += 1;
            end = i + d.len_utf8();
            chars.next();
        }
        if group != 3 {
            return None;
        }
    }
    if let Some(&(_, c)) = chars.peek() {
        if c == '.' || c == '．' {
            chars.next();
            let mut places = 0;
            while let Some(&(i, d)) = chars.peek() {
                if !is_digit(d) {
                    break;
                }
                places += 1;
                end = i + d.len_utf8();
                chars.next();
            }
            if places == 0 {
                return None;
            }
        }
    }
    Some(end)
}

/// Whether the text may start a period (`period` in the grammar begins with a run of
/// digits followed by `年`, `月`, `季`, or a date separator after four digits).
fn may_be_period(text: &str) -> bool {
    let run = text.chars().take_while(|c| is_digit(*c)).count();
    let next = text.chars().nth(run);
    matches!(
        (run, next),
        (4, Some('年' | '-' | '/' | '.' | '－' | '／' | '．'))
            | (1 | 2, Some('月'))
            | (1, Some('季'))
    )
}

/// `percent`: `%`, `％` or `百分比`.
fn percent(text: &str) -> Option<usize> {
    ["%", "％", "百分比"]
        .iter()
        .find(|p| text.starts_with(**p))
        .map(|p| p.len())
}

/// The length of `unit` at the start (0 for none): unit characters, stopping before a
/// suffix comparison that is followed by spaces and the end or by a character that is not
/// a unit character. `None` for a character the grammar may read otherwise.
fn unit_len(text: &str) -> Option<usize> {
    let mut len = 0;
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if let Some((_, s)) = suffix(rest) {
            let after = spaces_after(&rest[s..]);
            let ends = match after.chars().next() {
                None => true,
                Some(n) => !is_unit_char(n) && !may_be_unit_char(n),
            };
            if ends {
                break;
            }
        }
        if is_unit_char(c) {
            len += c.len_utf8();
            rest = &rest[c.len_utf8()..];
        } else if may_be_unit_char(c) {
            return None;
        } else {
            break;
        }
    }
    Some(len)
}

/// A character that is not read here but that the grammar might take into a unit: any
/// non-ASCII character other than a few known not to be letters, and `/`.
fn may_be_unit_char(c: char) -> bool {
    c == '/' || (!c.is_ascii() && !matches!(c, '%' | '％' | '（' | '）' | '，' | '。' | '、'))
}
