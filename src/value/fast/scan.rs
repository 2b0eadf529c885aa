//! The pieces the fast path reads, at a byte offset into a text: a digit in either width, a
//! run of digits, a literal. Offsets only ever move over whole characters, so every offset
//! handed back is a character boundary.

/// `digit` (`0`–`9` or `０`–`９`) at `at`: its value and its length in bytes.
pub fn digit(text: &[u8], at: usize) -> Option<(u32, usize)> {
    let b = *text.get(at)?;
    if b.is_ascii_digit() {
        return Some((u32::from(b - b'0'), 1));
    }
    // U+FF10 ..= U+FF19, FULLWIDTH DIGIT ZERO ..= NINE
    match (b, text.get(at + 1..at + 3)?) {
        (0xef, [0xbc, d @ 0x90..=0x99]) => Some((u32::from(d - 0x90), 3)),
        _ => None,
    }
}

/// `digit{min,max}` at `at` (as many as there are, up to `max`, as a PEG reads it): the
/// number they write and where they end; `None` for fewer than `min`.
pub fn digits(text: &[u8], at: usize, min: usize, max: usize) -> Option<(u32, usize)> {
    let (n, count, end) = run(text, at, max);
    (count >= min).then_some((n, end))
}

/// The digits at `at`, up to `max` of them: the number they write, how many there are and
/// where they end.
pub fn run(text: &[u8], at: usize, max: usize) -> (u32, usize, usize) {
    let (mut n, mut end, mut count) = (0u32, at, 0);
    while count < max {
        let Some((d, len)) = digit(text, end) else {
            break;
        };
        n = n.saturating_mul(10).saturating_add(d);
        end += len;
        count += 1;
    }
    (n, count, end)
}

/// The offset after `literal`, when the text has it at `at`.
pub fn literal(text: &[u8], at: usize, literal: &str) -> Option<usize> {
    text.get(at..)?
        .starts_with(literal.as_bytes())
        .then_some(at + literal.len())
}

/// The first of `literals` the text has at `at` (a PEG choice), and the offset after it.
pub fn first_of(text: &[u8], at: usize, literals: &[&str]) -> Option<usize> {
    literals.iter().find_map(|l| literal(text, at, l))
}

/// The offset after the ASCII spaces at `at`.
#[inline]
pub fn spaces(text: &[u8], at: usize) -> usize {
    // Most values have none where they are looked for (after a number, a unit or a sign, at
    // the end): told by the next byte, without counting a run.
    if text.get(at) != Some(&b' ') {
        return at;
    }
    at + text
        .get(at..)
        .unwrap_or_default()
        .iter()
        .take_while(|&&b| b == b' ')
        .count()
}
