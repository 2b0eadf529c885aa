//! Matching names as units write them, and "did you mean …" for names that almost match.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// The policy's names by their keys: indicators, sections and groups, looked up for every
/// row of every report.
pub type NameIndex<V> = HashMap<String, V, BuildHasherDefault<KeyHasher>>;

/// A hasher for the keys of a [`NameIndex`]: eight bytes at a step (the multiply-rotate of
/// rustc's FxHash), several times cheaper than the default SipHash on names of a few dozen
/// bytes. The keys are the policy's own names, so there is no untrusted key to defend
/// against; a report's name is only ever looked up.
#[derive(Clone, Copy, Default)]
pub struct KeyHasher(u64);

impl KeyHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

impl Hasher for KeyHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        // The last one to seven bytes, read as whole words where they overlap (four and
        // four, or the first, middle and last byte) rather than copied into a word of
        // zeros: a copy of a few bytes is a call, and the word read back right after it
        // waits for the copy's stores. Any fixed function of the bytes serves: the index is
        // built and looked up with this hasher, and `str` adds its length's end marker.
        let rest = chunks.remainder();
        let word = match (rest.first_chunk::<4>(), rest.last_chunk::<4>()) {
            (Some(first), Some(last)) => {
                u64::from(u32::from_le_bytes(*first)) | u64::from(u32::from_le_bytes(*last)) << 32
            }
            _ => match *rest {
                [] => return,
                [a] => u64::from(a),
                [a, b] => u64::from(a) | u64::from(b) << 8,
                [a, b, c, ..] => u64::from(a) | u64::from(b) << 8 | u64::from(c) << 16,
            },
        };
        self.add(word);
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// The characters that begin the names of an index, for a name that begins with an
/// ideograph ([`is_ideograph_start`]): such a character is its own key, so the name and its
/// key both begin with it, and a name whose first character begins no name of the index is
/// in it neither as written nor by its key. Most rows of a report name an indicator of
/// their own, looked up and keyed for nothing; this tells most of them apart at once.
///
/// A set of 256 bits, one for the first three bytes of each name of the index: characters
/// that share a bit with one that begins a name are looked up, as before.
#[derive(Clone, Copy, Debug, Default)]
pub struct Starts([u64; 4]);

impl Starts {
    /// The first characters of `names` (every name of an index).
    pub fn of<'a>(names: impl IntoIterator<Item = &'a str>) -> Starts {
        let mut starts = Starts::default();
        for name in names {
            if let Some(bit) = start_bit(name.as_bytes()) {
                if let Some(word) = starts.0.get_mut(bit / 64) {
                    *word |= 1 << (bit % 64);
                }
            }
        }
        starts
    }

    /// Whether `name` may be in the index, as written or by its key: `false` only for a
    /// name that begins with an ideograph which begins no name of the index.
    #[inline]
    pub fn may_hold(&self, name: &str) -> bool {
        let bytes = name.as_bytes();
        if !bytes.first().is_some_and(|&b| is_ideograph_start(b)) {
            return true;
        }
        start_bit(bytes)
            .and_then(|bit| self.0.get(bit / 64).map(|word| word >> (bit % 64) & 1 != 0))
            .unwrap_or(true)
    }
}

/// The bit of [`Starts`] for a name's first three bytes (`None` for a shorter name).
#[inline]
fn start_bit(name: &[u8]) -> Option<usize> {
    let &[a, b, c, ..] = name else {
        return None;
    };
    let word = u32::from(a) | u32::from(b) << 8 | u32::from(c) << 16;
    // The top byte of a multiplicative hash: the three bytes mixed into 0..=255.
    Some((word.wrapping_mul(0x9e37_79b9) >> 24) as usize)
}

/// The key a name is matched by: spaces and quotation marks are dropped and full-width
/// letters, digits and brackets read as their ASCII forms, so that `“会议培训”费用率`,
/// `"会议培训"费用率` and `会议培训费用率` match, and `（汇总）` matches `(汇总)`. Nothing else
/// is loosened: a different character is a different name.
pub fn key(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    key_into(name, &mut out);
    out
}

/// [`key`], written into `out` (cleared first): for matching many names with one buffer.
/// Most characters of a name are their own key (a CJK name has nothing to drop or fold),
/// so the runs between the ones that change are copied whole rather than a character at a
/// time.
pub fn key_into(name: &str, out: &mut String) {
    out.clear();
    write_key(name, 0, out);
}

/// The name's [`key`]: the name itself when it is its own key (most names), else written
/// into `buffer`. For looking a name up without writing out a key that is the name.
pub fn key_in<'a>(name: &'a str, buffer: &'a mut String) -> &'a str {
    if changed_key(name, buffer) {
        buffer
    } else {
        name
    }
}

/// Whether the name's [`key`] differs from the name; if it does, the key is written into
/// `buffer` (cleared first). For a name already looked up as it is spelled: only a key that
/// differs is worth a second look.
pub fn changed_key(name: &str, buffer: &mut String) -> bool {
    let mut at = own_prefix(name.as_bytes());
    while let Some(own) = own_key_len(name, at) {
        match own {
            Ok(len) => at += len,
            Err(_) => {
                buffer.clear();
                // A key is never longer than its name (see `write_key`).
                buffer.reserve(name.len());
                // INVARIANT: `at` is a character boundary (see `own_key_len`).
                buffer.push_str(name.get(..at).unwrap_or_default());
                // After the first character a key changes, a name found changed usually
                // has a few characters left (`（１）`): keyed a character at a time, which
                // costs less than telling runs apart for so few.
                buffer.extend(key_chars(name.get(at..).unwrap_or_default()));
                return true;
            }
        }
    }
    false
}

/// Appends the key of `name` to `out`, knowing that its first `from` bytes (a character
/// boundary) are their own key.
fn write_key(name: &str, from: usize, out: &mut String) {
    // A key is never longer than its name (a character is dropped, kept, or replaced by
    // a shorter one): room made once, rather than grown as the pieces come.
    out.reserve(name.len());
    let mut run = 0;
    let mut at = from;
    while let Some(own) = own_key_len(name, at) {
        match own {
            Ok(len) => at += len,
            Err(Changed { key, len }) => {
                // INVARIANT: `run` and `at` are character boundaries (see `own_key_len`).
                if run < at {
                    out.push_str(name.get(run..at).unwrap_or_default());
                }
                if let Some(k) = key {
                    out.push(k);
                }
                at += len;
                run = at;
            }
        }
    }
    if run < name.len() {
        out.push_str(name.get(run..).unwrap_or_default());
    }
}

/// How many bytes at the start of a name are their own key, told by the first byte of each
/// character alone: a run of ideographs ([`is_ideograph_start`]), lower-case ASCII letters
/// and digits, the whole of most names. It stops at the first character that needs a closer
/// look ([`own_key_len`]), always at a character boundary.
fn own_prefix(name: &[u8]) -> usize {
    let mut at = 0;
    while let Some(&b) = name.get(at) {
        at += match b {
            0xe4..=0xee => 3,
            b'a'..=b'z' | b'0'..=b'9' => 1,
            _ => break,
        };
    }
    at
}

/// A character the key drops or changes: what the key has for it, and its length in bytes.
struct Changed {
    key: Option<char>,
    len: usize,
}

/// The character at `at` (a character boundary): `Ok` with its length when it is its own
/// key, else what the key has for it; `None` at the end. Told by bytes where that
/// suffices: an ASCII character by its byte, an ideograph by its first byte
/// ([`is_ideograph_start`]); any other character is decoded and asked [`key_char`].
#[inline]
fn own_key_len(name: &str, at: usize) -> Option<Result<usize, Changed>> {
    let b = *name.as_bytes().get(at)?;
    if is_ideograph_start(b) {
        return Some(Ok(3));
    }
    if b.is_ascii() {
        let changed = b.is_ascii_whitespace()
            || b == 0x0b
            || b == b'"'
            || b == b'\''
            || b.is_ascii_uppercase();
        return Some(if changed {
            Err(Changed {
                key: key_char(char::from(b)),
                len: 1,
            })
        } else {
            Ok(1)
        });
    }
    let c = name.get(at..)?.chars().next()?;
    let key = key_char(c);
    Some(if key == Some(c) {
        Ok(c.len_utf8())
    } else {
        Err(Changed {
            key,
            len: c.len_utf8(),
        })
    })
}

/// The characters of a name's [`key`].
fn key_chars(name: &str) -> impl Iterator<Item = char> + '_ {
    name.chars().filter_map(key_char)
}

/// The first byte (`E4`–`EE`) of a CJK ideograph or another character between U+4000 and
/// U+EFFF, three bytes long: neither a space, a quotation mark nor a full-width form (all
/// below U+3001 or from U+FF01), so its own key. Most characters of a name are; telling
/// them first saves decoding them and the tests of [`key_char`].
fn is_ideograph_start(b: u8) -> bool {
    (0xe4..=0xee).contains(&b)
}

/// A character's part of a [`key`]: none for a space or a quotation mark, the ASCII form of a
/// full-width one, lower case.
fn key_char(c: char) -> Option<char> {
    if is_space(c) || is_quote(c) {
        return None;
    }
    let c = match c {
        '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
        _ => c,
    };
    Some(c.to_ascii_lowercase())
}

/// Whether two names have the same [`key`], without writing either key out. The whole
/// characters both begin with are the same keys; from there, two names that go on with
/// different ideographs, or one with an ideograph and the other with nothing (a word against
/// another: `基本达成`, `达成`), differ without their keys compared character by character.
pub fn same(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let mut at = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
    while !(a.is_char_boundary(at) && b.is_char_boundary(at)) {
        at -= 1;
    }
    let (a, b) = (&a[at..], &b[at..]);
    // Nothing left, or an ideograph: the next character of the key is known without decoding.
    let told = |s: &str| s.as_bytes().first().is_none_or(|&b| is_ideograph_start(b));
    !(told(a) && told(b)) && same_keys(a, b)
}

/// Whether two names have the same [`key`], compared character by character (out of line:
/// most names [`same`] compares are told apart before).
#[inline(never)]
fn same_keys(a: &str, b: &str) -> bool {
    key_chars(a).eq(key_chars(b))
}

/// The key a level-1 or level-2 heading is matched by: [`key`], after dropping a weight the
/// form writes into the heading (`任务指标(50分)`, `成效指标（30分）` → `任务指标`, `成效指标`).
/// Only a trailing bracket holding a number and 分 is dropped; any other bracket is part of
/// the name.
pub fn heading_key(name: &str) -> String {
    key(heading_name(name))
}

/// The name a heading is matched by, before its [`key`]: the heading trimmed, without a
/// trailing weight (see [`heading_key`]).
pub fn heading_name(name: &str) -> &str {
    let trimmed = name.trim();
    // A weight is a trailing bracket: most headings have none, told by their last character.
    if !trimmed.ends_with([')', '）']) {
        return trimmed;
    }
    let without = ['(', '（'].iter().find_map(|&open| {
        let at = trimmed.rfind(open)?;
        let inner = trimmed[at + open.len_utf8()..]
            .strip_suffix([')', '）'])?
            .trim();
        let number = inner.strip_suffix('分')?.trim();
        let is_number = !number.is_empty()
            && number
                .chars()
                .all(|c| c.is_ascii_digit() || c == '.' || ('０'..='９').contains(&c));
        is_number.then(|| &trimmed[..at])
    });
    without.unwrap_or(trimmed)
}

/// `char::is_whitespace`, without looking up the Unicode table for CJK text: nothing above
/// U+3000 is white space.
fn is_space(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_whitespace() || c == '\u{b}'
    } else {
        c <= '\u{3000}' && c.is_whitespace()
    }
}

fn is_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '”' | '‘' | '’' | '「' | '」' | '『' | '』' | '＂' | '＇'
    )
}

/// Names longer than this many characters get no "did you mean".
const LONGEST_SUGGESTED: usize = 200;

/// The candidate nearest to `query` by edit distance over characters, when it is near
/// enough to be a likely misspelling: one edit for names of one or two characters, then
/// two edits, or two in five for long names (`任务执行率` → `任务完成率`, `rnd` → `round`).
pub fn closest<'a, I>(query: &str, candidates: I) -> Option<String>
where
    I: IntoIterator<Item = &'a str>,
{
    // A name this long is not a misspelling anyone types; comparing it would cost its
    // length times each candidate's.
    if query.len() > 4 * LONGEST_SUGGESTED {
        return None;
    }
    let query: Vec<char> = query.chars().collect();
    if query.len() > LONGEST_SUGGESTED {
        return None;
    }
    let limit = if query.len() <= 2 {
        1
    } else {
        (query.len() * 2 / 5).max(2)
    };
    candidates
        .into_iter()
        .filter_map(|c| {
            // The distance is at least the difference in length.
            if c.len() > 4 * (query.len() + limit) {
                return None;
            }
            let chars: Vec<char> = c.chars().collect();
            if chars.len().abs_diff(query.len()) > limit {
                return None;
            }
            let d = distance(&query, &chars);
            (d <= limit && d > 0).then_some((d, c))
        })
        .min_by_key(|(d, c)| (*d, c.chars().count()))
        .map(|(_, c)| c.to_string())
}

/// Levenshtein distance over characters.
fn distance(a: &[char], b: &[char]) -> usize {
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        current[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != cb);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_or_key_in_the_index_is_one_its_starts_may_hold() {
        let policy = [
            "图书借阅完整性",
            "“车辆运维”控制率",
            "会议培训费用率（汇总）",
            "Ａ类项目完成率",
            "pm2.5达标率",
            "次",
        ];
        let mut index = Vec::new();
        for name in policy {
            index.push(name.to_string());
            index.push(key(name));
        }
        let starts = Starts::of(index.iter().map(String::as_str));
        // Every name the index holds, as written or by its key, and names keyed to them.
        for name in policy.iter().copied().chain([
            "车辆运维控制率",
            "\"车辆运维\"控制率",
            "会议培训费用率(汇总)",
            "a类项目完成率",
            "PM2.5达标率",
        ]) {
            assert!(starts.may_hold(name), "{name}");
            assert!(starts.may_hold(&key(name)), "{name}");
        }
        // A name beginning with an ideograph that begins no name of the index is told
        // apart for most ideographs (a few share a bit with 图, 车, 会 or 次).
        let told = ('\u{4e00}'..='\u{9fff}')
            .filter(|c| !starts.may_hold(&format!("{c}完成率")))
            .count();
        assert!(told > 0x5200 * 9 / 10, "{told}");
        for name in policy {
            let first = name.chars().next().unwrap();
            assert!(starts.may_hold(&format!("{first}")) || first.len_utf8() != 3);
        }
        // Names that do not begin with an ideograph are always looked up.
        for name in ["", "a", "“", "（１）", "Ａ"] {
            assert!(starts.may_hold(name), "{name}");
        }
    }

    #[test]
    fn names_are_the_same_as_their_keys_are() {
        let names = [
            "达成",
            "基本达成",
            "达成率",
            "达 成",
            "“达成”",
            "达成 ",
            "达",
            "",
            " ",
            "ＡＢ",
            "ab",
            "AB达成",
            "ａｂ达成",
            "完成",
            "已完成",
            "未完成",
            "达成A",
            "达成ａ",
            "é达成",
            "e达成",
        ];
        for a in names {
            for b in names {
                assert_eq!(same(a, b), key(a) == key(b), "{a} {b}");
            }
        }
    }

    #[test]
    fn keys_ignore_quotes_spaces_and_width() {
        assert_eq!(key("“会议培训”费用率"), key("会议培训费用率"));
        assert_eq!(key("\"会议培训\"费用率"), key("会议培训费用率"));
        assert_eq!(
            key("上海市闵行区地区工作办公室（汇总）"),
            key("上海市闵行区地区工作办公室(汇总)")
        );
        assert_eq!(key(" 任务完成率 "), key("任务完成率"));
        assert_ne!(key("任务执行率"), key("任务完成率"));
    }

    #[test]
    fn a_key_is_its_characters_keys() {
        // Every character a key drops or changes, between and around runs kept whole.
        let changed: Vec<char> = (0..=0x1_0000)
            .filter_map(char::from_u32)
            .filter(|&c| key_char(c) != Some(c))
            .collect();
        assert!(changed
            .iter()
            .all(|&c| !is_ideograph_start(c.to_string().as_bytes()[0])));
        for c in ['\u{4000}', '\u{efff}'] {
            assert!(is_ideograph_start(c.to_string().as_bytes()[0]));
            assert_eq!(c.len_utf8(), 3);
        }
        for c in changed {
            let name = format!("{c}会议A{c}{c}Ｂ费用 率{c}");
            let by_char: String = name.chars().filter_map(key_char).collect();
            assert_eq!(key(&name), by_char, "{:x}", c as u32);
            assert_eq!(key_in(&name, &mut String::new()), by_char, "{:x}", c as u32);
        }
        // A name that is its own key is its key, whatever it is written in.
        let kept: String = (0..=0x1_0000)
            .filter_map(char::from_u32)
            .filter(|&c| key_char(c) == Some(c))
            .collect();
        assert_eq!(key(&kept), kept);
        let mut buffer = String::new();
        assert!(std::ptr::eq(key_in(&kept, &mut buffer), kept.as_str()));
        assert!(buffer.is_empty());
    }

    #[test]
    fn white_space_is_the_unicode_white_space() {
        for c in (0..=0x3100).filter_map(char::from_u32) {
            assert_eq!(is_space(c), c.is_whitespace(), "{:x}", c as u32);
        }
    }

    #[test]
    fn headings_drop_a_written_weight_and_nothing_else() {
        assert_eq!(heading_key("任务指标(50分)"), key("任务指标"));
        assert_eq!(heading_key("成效指标（30分）"), key("成效指标"));
        assert_eq!(heading_key("评价指标(10.5分)"), key("评价指标"));
        assert_eq!(heading_key("任务指标(成本)"), key("任务指标(成本)"));
        assert_eq!(heading_key("任务指标（分）"), key("任务指标（分）"));
        assert_eq!(heading_key("任务指标"), key("任务指标"));
    }

    #[test]
    fn near_names_are_suggested_and_far_ones_are_not() {
        let names = ["任务完成率", "资金结余率", "办公经费控制率"];
        assert_eq!(closest("任务执行率", names).as_deref(), Some("任务完成率"));
        assert_eq!(
            closest("办公经费控制", names).as_deref(),
            Some("办公经费控制率")
        );
        assert_eq!(closest("群众满意度", names), None);
        assert_eq!(
            closest("rnd", ["min", "max", "round", "abs", "present"]).as_deref(),
            Some("round")
        );
        assert_eq!(closest("次次", ["次", "份", "人次"]).as_deref(), Some("次"));
        assert_eq!(
            closest("任务完成率", names),
            None,
            "an exact name is not a suggestion"
        );
        assert_eq!(
            closest("sefl_score", ["self_score", "score"]).as_deref(),
            Some("self_score")
        );
    }
}
