//! A fast path for the common forms of a value, in front of the grammar.
//!
//! pest reads a cell in about 2 µs (pitfalls.md §7), which made value parsing the larger
//! part of scoring a report. Most cells take one of a few forms: a word (`完整`, `达成`,
//! `较及时`), a quantity with a sign or a comparison in words, a number and a unit
//! (`>=14次`, `≥90%`, `100 个`, `95%以上`, `不低于90%`), a period (`2季度`, `10月14日`,
//! `2021年6月底前`, `上半年`), or a blank. This reads exactly those, by hand, without
//! backtracking, mostly by bytes (the characters that decide a form are told by their first
//! bytes; a unit or a word is taken whole), and answers `None` for anything else — a
//! measured value beside a claim, a minus sign, white space other than the ASCII space
//! around the value, an error, a character it does not know — which then goes to the
//! grammar.
//!
//! The grammar (`value_text` in grammar/perfrules.pest) stays the definition: whatever this
//! answers must be what the grammar answers. Each rule below names the grammar rule it
//! follows, and tests/value_fast_path.rs checks both agree on every string of examples/,
//! tests/values.rs and a generated corpus, plus strings built to sit on every boundary.
//! When in doubt, this answers `None`.

mod number;
mod period;
mod scan;

use super::{AsWritten, Comparison, Quantity, ShortStr, Unit, Value, ValueKind};
use scan::{literal, spaces};

/// The value, when the text is in a form read here; `None` sends it to the grammar.
pub fn read(text: &str) -> Option<Value<'_>> {
    // A text beyond the value limit is not read, by the grammar or here.
    if super::lower::too_long(text).is_some() {
        return None;
    }
    read_or(text, Some, |_| None)
}

/// `found` of the value when the text is in a form read here, else `other` of the text
/// (the grammar's reading, in [`super::parse`]). Both answers are made here, in the
/// caller's own result, rather than as an `Option` the caller unwraps and wraps again:
/// a value is 80 bytes, and every cell of a report is read. The text is within the value
/// limit: the callers ([`read`], [`super::parse`]) refuse a longer one first. The value
/// borrows its text from `text`.
#[inline]
pub fn read_or<'t, R>(
    text: &'t str,
    found: impl FnOnce(Value<'t>) -> R,
    other: impl FnOnce(&'t str) -> R,
) -> R {
    // Only ASCII spaces around the value (`value_space`) are dropped here; a value that
    // begins or ends with any other white space, such as a newline, goes to the grammar,
    // which trims it its own way. Inside a value, other white space is part of a word (as
    // in the grammar) or a character no other form here reads.
    let trimmed = trim_spaces(text);
    let spaced = trimmed
        .chars()
        .next()
        .is_some_and(|first| other_space(first) || super::ends_in(trimmed, other_space));
    if spaced {
        return other(text);
    }
    // The grammar reads the text as given, spaces and all.
    read_trimmed_or(trimmed, found, |_| other(text))
}

/// [`read_or`] of a text with no white space around it (as `str::trim` leaves it), which
/// need not be looked for: every cell of a report is trimmed before it is read.
#[inline]
pub fn read_trimmed_or<'t, R>(
    text: &'t str,
    found: impl FnOnce(Value<'t>) -> R,
    other: impl FnOnce(&'t str) -> R,
) -> R {
    let kind = match text.as_bytes() {
        [] => Some(ValueKind::Blank),
        // The usual quantity's first byte (`95%`, `14次`): told without decoding the
        // character and asking which of the forms it begins.
        [b'0'..=b'9', ..] => numeral(text),
        _ => text.chars().next().and_then(|first| kind(text, first)),
    };
    match kind {
        Some(kind) => found(Value {
            text: AsWritten::Borrowed(text),
            kind,
        }),
        None => other(text),
    }
}

/// `value` = `blank | period_value | quantity | word`, chosen by the first character: each
/// form can only begin with some characters, so the first tells which forms to try. A
/// word is the text as written, kept.
///
/// Inlined into its one caller: out of line, the form came back through memory and was
/// copied into the value as soon as it was stored.
#[inline]
fn kind(text: &str, first: char) -> Option<ValueKind> {
    let word = || ValueKind::Word(ShortStr::new(text));
    match first {
        '/' | '／' | '-' | '－' | '—' | '–' => blank(text),
        // An ASCII digit was told by its byte before the character was decoded
        // ([`read_trimmed_or`]); a full-width one comes here.
        '０'..='９' => numeral(text),
        '>' | '≥' | '≧' | '＞' | '<' | '≤' | '≦' | '＜' | '=' | '＝' | '﹦' => {
            let (comparison, len) = sign(text.as_bytes())?;
            quantity(Some(comparison), after_spaces(text, len))
        }
        // The first character of a period written without digits: a period, else a word.
        '第' | '一' | '二' | '三' | '四' | '上' | '下' | '年' | '全' => {
            match period::period(text) {
                Some(found) => whole_period(text, found),
                None => Some(word()),
            }
        }
        // The first character of a comparison in words: a quantity, else a word.
        '不' | '至' | '最' | '高' | '超' | '大' | '多' | '低' | '少' | '小' => {
            match comparison_words(text.as_bytes()) {
                Some((comparison, len)) => quantity(Some(comparison), after_spaces(text, len)),
                None => Some(word()),
            }
        }
        // Not a sign, a digit, a blank or the start of a period or comparison: the grammar's
        // `word` takes the whole text.
        _ => Some(word()),
    }
}

/// A text that begins with a digit: a period (`2季度`, `2021年6月底前`), else a quantity.
fn numeral(text: &str) -> Option<ValueKind> {
    match period::may_begin(text.as_bytes())
        .then(|| period::period(text))
        .flatten()
    {
        Some(found) => whole_period(text, found),
        None => quantity(None, text),
    }
}

/// The period, when it is the whole text and one the lowering accepts; anything after it
/// (which the grammar may read as a quantity, a word or an error) goes to the grammar.
fn whole_period(text: &str, found: period::Found) -> Option<ValueKind> {
    if found.len != text.len() {
        return None;
    }
    found.period.map(ValueKind::Period)
}

/// The text without the ASCII spaces around it.
fn trim_spaces(text: &str) -> &str {
    // Most texts have none: told by their first and last bytes.
    if text.as_bytes().first() != Some(&b' ') && text.as_bytes().last() != Some(&b' ') {
        return text;
    }
    let rest = after_spaces(text, 0);
    let end = rest.len() - rest.bytes().rev().take_while(|&b| b == b' ').count();
    // INVARIANT: the spaces are ASCII, so `end` is a character boundary.
    rest.get(..end).unwrap_or_default()
}

/// The text from `at` on, after the ASCII spaces there.
fn after_spaces(text: &str, at: usize) -> &str {
    // INVARIANT: `at` is a character boundary and the spaces are ASCII.
    text.get(spaces(text.as_bytes(), at)..).unwrap_or_default()
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

/// `blank`: only `/ ／ - － — –`.
fn blank(text: &str) -> Option<ValueKind> {
    text.chars()
        .all(|c| matches!(c, '/' | '／' | '-' | '－' | '—' | '–'))
        .then_some(ValueKind::Blank)
}

/// `at_least_sign | at_most_sign | more_sign | less_sign | equal_sign` at the start: the
/// comparison and its length. The grammar tries them in that order and the first that
/// matches wins (a PEG choice): `>=` before `>`, `=>` and `=<` before `=`.
fn sign(t: &[u8]) -> Option<(Comparison, usize)> {
    use Comparison::*;
    let equals = |at: usize| literal(t, at, "=").or_else(|| literal(t, at, "＝"));
    Some(match t {
        [b'>', ..] => equals(1).map_or((More, 1), |end| (AtLeast, end)),
        [b'<', ..] => equals(1).map_or((Less, 1), |end| (AtMost, end)),
        [b'=', b'>', ..] => (AtLeast, 2),
        [b'=', b'<', ..] => (AtMost, 2),
        [b'=', b'=', ..] => (Equal, 2),
        [b'=', ..] => (Equal, 1),
        _ if t.starts_with("＞".as_bytes()) => {
            let len = "＞".len();
            equals(len).map_or((More, len), |end| (AtLeast, end))
        }
        _ if t.starts_with("＜".as_bytes()) => {
            let len = "＜".len();
            equals(len).map_or((Less, len), |end| (AtMost, end))
        }
        _ => {
            const ONE: &[(&str, Comparison)] = &[
                ("≥", AtLeast),
                ("≧", AtLeast),
                ("≤", AtMost),
                ("≦", AtMost),
                ("＝", Equal),
                ("﹦", Equal),
            ];
            ONE.iter()
                .find_map(|(s, c)| literal(t, 0, s).map(|end| (*c, end)))?
        }
    })
}

/// `at_least_words | at_most_words | more_words | less_words` at the start, in the
/// grammar's order: the comparison and its length.
fn comparison_words(t: &[u8]) -> Option<(Comparison, usize)> {
    use Comparison::*;
    const WORDS: &[(&str, Comparison)] = &[
        ("不低于", AtLeast),
        ("不少于", AtLeast),
        ("不小于", AtLeast),
        ("至少", AtLeast),
        ("不高于", AtMost),
        ("不超过", AtMost),
        ("不多于", AtMost),
        ("不大于", AtMost),
        ("至多", AtMost),
        ("最多", AtMost),
        ("高于", More),
        ("超过", More),
        ("大于", More),
        ("多于", More),
        ("低于", Less),
        ("少于", Less),
        ("小于", Less),
    ];
    WORDS
        .iter()
        .find_map(|(s, c)| literal(t, 0, s).map(|end| (*c, end)))
}

/// `suffix_comparison` at `at`: `及以上 | 以上` or `及以下 | 以下 | 以内 | 内`; the
/// comparison and where it ends.
fn suffix(t: &[u8], at: usize) -> Option<(Comparison, usize)> {
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
        .find_map(|(s, c)| literal(t, at, s).map(|end| (*c, end)))
}

/// A character of a unit read here: a CJK ideograph or an ASCII letter (both `LETTER` in
/// the grammar). Any other character the grammar's `unit_char` allows (`²`, `·`, `/`,
/// other scripts) sends the text to the grammar.
fn is_unit_char(c: char) -> bool {
    c.is_ascii_alphabetic() || ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// `quantity` after its comparison (if any) and the spaces after it: a number, a percent
/// or a unit, and a suffix; the whole text must be read.
fn quantity(prefix: Option<Comparison>, text: &str) -> Option<ValueKind> {
    let t = text.as_bytes();
    let number = number::number(text)?;
    let mut at = number.len;
    let mut unit = UnitText::None;
    // `(value_space* ~ percent | unit_after)?`
    let spaced = spaces(t, at);
    if let Some(end) = percent(t, spaced) {
        unit = UnitText::Percent;
        at = end;
    } else {
        // `unit_after`: after spaces only a unit that does not begin with ASCII.
        let start = if spaced > at && t.get(spaced).is_some_and(|b| !b.is_ascii()) {
            spaced
        } else {
            at
        };
        let end = unit_end(text, start)?;
        if end > start {
            unit = UnitText::Named(text.get(start..end)?);
            at = end;
        }
    }
    // `(value_space* ~ suffix_comparison)?`, when anything is left
    let mut comparison = prefix;
    if let Some((c, end)) = (at < t.len()).then(|| suffix(t, spaces(t, at))).flatten() {
        if comparison.is_some() {
            // Two comparisons: an error the grammar words.
            return None;
        }
        comparison = Some(c);
        at = end;
    }
    // `value_space* ~ EOI`
    if spaces(t, at) != t.len() {
        return None;
    }
    Some(ValueKind::Quantity(Quantity {
        comparison,
        number: number.value,
        unit: match unit {
            UnitText::None => Unit::None,
            UnitText::Percent => Unit::Percent,
            UnitText::Named(name) => Unit::Named(name.into()),
        },
        measured: None,
    }))
}

/// A quantity's unit as its text has it, made a [`Unit`] in the value once the whole text
/// is read: made where it is found, a named unit (24 bytes) was copied from one place to
/// the next on its way into the value.
enum UnitText<'t> {
    None,
    Percent,
    Named(&'t str),
}

/// `percent` at `at`: `%`, `％` or `百分比`; where it ends.
fn percent(t: &[u8], at: usize) -> Option<usize> {
    match t.get(at..)? {
        [b'%', ..] => Some(at + 1),
        // `％` begins with EF, `百` with E7.
        [0xef | 0xe7, ..] => literal(t, at, "％").or_else(|| literal(t, at, "百分比")),
        _ => None,
    }
}

/// Where `unit` ends, from `start` (`start` for none): unit characters, stopping before a
/// suffix comparison that is followed by spaces and the end or by a character that is not
/// a unit character. `None` for a character the grammar may read otherwise.
fn unit_end(text: &str, start: usize) -> Option<usize> {
    let t = text.as_bytes();
    let mut at = start;
    while let Some(rest) = t.get(at..) {
        if let Some(len) = plain_unit_char(rest) {
            at += len;
            continue;
        }
        let Some(c) = text.get(at..).and_then(|rest| rest.chars().next()) else {
            break;
        };
        // Only `及`, `以` and `内` begin a suffix.
        if matches!(c, '及' | '以' | '内') {
            if let Some((_, end)) = suffix(t, at) {
                let after = spaces(t, end);
                let ends = match text.get(after..).and_then(|rest| rest.chars().next()) {
                    None => true,
                    Some(n) => !is_unit_char(n) && !may_be_unit_char(n),
                };
                if ends {
                    break;
                }
            }
        }
        if is_unit_char(c) {
            at += c.len_utf8();
        } else if may_be_unit_char(c) {
            return None;
        } else {
            break;
        }
    }
    Some(at)
}

/// The length of the unit character that begins `rest`, when its bytes tell it is one and
/// begins no suffix: an ASCII letter, or an ideograph (U+4E00..=U+9FFF: `E4 B8`..`E9 BF`)
/// other than `以` (`E4 BB A5`), `及` (`E5 8F 8A`) and `内` (`E5 86 85`). `None` for any
/// other character, which [`unit_end`] decodes and looks at closer.
fn plain_unit_char(rest: &[u8]) -> Option<usize> {
    match rest {
        [b, ..] if b.is_ascii_alphabetic() => Some(1),
        [0xe4, 0xbb, 0xa5, ..] | [0xe5, 0x8f, 0x8a, ..] | [0xe5, 0x86, 0x85, ..] => None,
        [0xe4, 0xb8..=0xbf, _, ..] | [0xe5..=0xe9, _, _, ..] => Some(3),
        _ => None,
    }
}

/// A character that is not read here but that the grammar might take into a unit: any
/// non-ASCII character other than a few known not to be letters, and `/`.
fn may_be_unit_char(c: char) -> bool {
    c == '/' || (!c.is_ascii() && !matches!(c, '%' | '％' | '（' | '）' | '，' | '。' | '、'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_unit_character_told_by_its_bytes_is_one_that_begins_no_suffix() {
        for c in (0..=0x1_0000).filter_map(char::from_u32) {
            let mut text = c.to_string();
            text.push('次');
            let told = plain_unit_char(text.as_bytes());
            let expected = is_unit_char(c) && !matches!(c, '及' | '以' | '内');
            assert_eq!(told.is_some(), expected, "{:x}", c as u32);
            if told.is_some() {
                assert_eq!(told, Some(c.len_utf8()), "{:x}", c as u32);
            }
        }
        assert_eq!("％".as_bytes()[0], 0xef);
        assert_eq!("百".as_bytes()[0], 0xe7);
    }
}
