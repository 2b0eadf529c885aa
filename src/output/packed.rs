//! The summary's rows packed into bytes, so that a run of a million reports keeps about
//! 30 bytes per report (not a struct of ~100 bytes plus its strings).
//!
//! A row is written as varints (LEB128; signed numbers zigzagged): the total first (it is
//! what the ranking reads), then the self-declared total, the year, the unit and grade (ids
//! into a table where each name is kept once), the findings by severity, the source (a line
//! of standard input as its number, a file name as its bytes) and the project. Rows go into
//! blocks of fixed size, never split across two, so no vector ever doubles past its need.

use crate::decimal::Dec;
use std::borrow::Cow;

/// Bytes per block.
const BLOCK: usize = 1 << 20;

/// What one row holds, borrowed for writing it.
pub struct RowIn<'a> {
    pub total: Dec,
    pub self_total: Option<Dec>,
    pub year: i32,
    pub unit: u32,
    pub grade: u32,
    pub findings: [u32; 3],
    /// A line of standard input, or a file's name.
    pub source: Source<'a>,
    pub project: Option<&'a str>,
}

/// Where a report came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source<'a> {
    Line(u64),
    Name(Cow<'a, str>),
}

/// A row read back.
pub type RowOut<'a> = RowIn<'a>;

/// Rows in input order.
#[derive(Clone, Debug, Default)]
pub struct Packed {
    blocks: Vec<Vec<u8>>,
    /// Where each row starts: block × BLOCK + offset.
    starts: Vec<u64>,
}

impl Packed {
    pub fn len(&self) -> usize {
        self.starts.len()
    }

    pub fn push(&mut self, row: &RowIn<'_>) {
        let mut bytes = Vec::with_capacity(64);
        dec(&mut bytes, row.total);
        match row.self_total {
            Some(d) => {
                bytes.push(1);
                dec(&mut bytes, d);
            }
            None => bytes.push(0),
        }
        uint(&mut bytes, zigzag(i128::from(row.year)));
        uint(&mut bytes, u128::from(row.unit));
        uint(&mut bytes, u128::from(row.grade));
        for n in row.findings {
            uint(&mut bytes, u128::from(n));
        }
        match &row.source {
            Source::Line(n) => {
                bytes.push(0);
                uint(&mut bytes, u128::from(*n));
            }
            Source::Name(name) => {
                bytes.push(1);
                text(&mut bytes, name);
            }
        }
        match row.project {
            Some(p) => {
                bytes.push(1);
                text(&mut bytes, p);
            }
            None => bytes.push(0),
        }
        let fits = self
            .blocks
            .last()
            .is_some_and(|b| b.len() + bytes.len() <= BLOCK);
        if !fits {
            self.blocks.push(Vec::with_capacity(BLOCK.max(bytes.len())));
        }
        let k = self.blocks.len() - 1;
        if let Some(block) = self.blocks.last_mut() {
            self.starts.push((k * BLOCK + block.len()) as u64);
            block.extend_from_slice(&bytes);
        }
    }

    fn bytes(&self, i: usize) -> &[u8] {
        let Some(&start) = self.starts.get(i) else {
            return &[];
        };
        let (k, at) = ((start as usize) / BLOCK, (start as usize) % BLOCK);
        self.blocks.get(k).and_then(|b| b.get(at..)).unwrap_or(&[])
    }

    /// The total of row `i` alone (what the ranking sorts by).
    pub fn total(&self, i: usize) -> Option<Dec> {
        let mut r = Reader(self.bytes(i));
        r.dec()
    }

    /// Row `i`, read back.
    pub fn get(&self, i: usize) -> Option<RowOut<'_>> {
        let mut r = Reader(self.bytes(i));
        let total = r.dec()?;
        let self_total = match r.byte()? {
            1 => Some(r.dec()?),
            _ => None,
        };
        let year = i32::try_from(unzigzag(r.uint()?)).ok()?;
        let unit = u32::try_from(r.uint()?).ok()?;
        let grade = u32::try_from(r.uint()?).ok()?;
        let mut findings = [0u32; 3];
        for f in &mut findings {
            *f = u32::try_from(r.uint()?).ok()?;
        }
        let source = match r.byte()? {
            0 => Source::Line(u64::try_from(r.uint()?).ok()?),
            _ => Source::Name(Cow::Borrowed(r.text()?)),
        };
        let project = match r.byte()? {
            1 => Some(r.text()?),
            _ => None,
        };
        Some(RowIn {
            total,
            self_total,
            year,
            unit,
            grade,
            findings,
            source,
            project,
        })
    }
}

fn uint(out: &mut Vec<u8>, mut n: u128) {
    loop {
        let low = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            out.push(low);
            return;
        }
        out.push(low | 0x80);
    }
}

fn zigzag(n: i128) -> u128 {
    ((n << 1) ^ (n >> 127)) as u128
}

fn unzigzag(n: u128) -> i128 {
    ((n >> 1) as i128) ^ -((n & 1) as i128)
}

fn dec(out: &mut Vec<u8>, d: Dec) {
    let (mantissa, scale) = d.to_parts();
    out.push(scale as u8);
    uint(out, zigzag(mantissa));
}

fn text(out: &mut Vec<u8>, s: &str) {
    uint(out, s.len() as u128);
    out.extend_from_slice(s.as_bytes());
}

struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn byte(&mut self) -> Option<u8> {
        let (&b, rest) = self.0.split_first()?;
        self.0 = rest;
        Some(b)
    }

    fn uint(&mut self) -> Option<u128> {
        let mut n = 0u128;
        for shift in (0..128).step_by(7) {
            let b = self.byte()?;
            n |= u128::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Some(n);
            }
        }
        None
    }

    fn dec(&mut self) -> Option<Dec> {
        let scale = u32::from(self.byte()?);
        Dec::from_parts(unzigzag(self.uint()?), scale)
    }

    fn text(&mut self) -> Option<&'a str> {
        let len = usize::try_from(self.uint()?).ok()?;
        let bytes = self.0.get(..len)?;
        self.0 = &self.0[len..];
        std::str::from_utf8(bytes).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Dec {
        Dec::parse_plain(s).unwrap()
    }

    #[test]
    fn rows_read_back_as_written() {
        let mut packed = Packed::default();
        let rows = [
            RowIn {
                total: d("96.72"),
                self_total: Some(d("-0.5")),
                year: 2021,
                unit: 3,
                grade: 0,
                findings: [0, 16, 70000],
                source: Source::Line(1_000_000),
                project: None,
            },
            RowIn {
                total: d("79228162514264337593543950335"),
                self_total: None,
                year: -1,
                unit: u32::MAX,
                grade: 7,
                findings: [1, 2, 3],
                source: Source::Name(Cow::Borrowed("区/闵行/a.json")),
                project: Some("社区文化活动经费"),
            },
        ];
        for _ in 0..20_000 {
            for row in &rows {
                packed.push(row);
            }
        }
        assert_eq!(packed.len(), 40_000);
        for (i, want) in [0, 1, 39_998, 39_999].into_iter().zip([0, 1, 0, 1]) {
            let got = packed.get(i).unwrap();
            let want = &rows[want];
            assert_eq!(got.total, want.total);
            assert_eq!(
                got.total.to_string_keep_scale(),
                want.total.to_string_keep_scale()
            );
            assert_eq!(got.self_total, want.self_total);
            assert_eq!(
                (got.year, got.unit, got.grade, got.findings),
                (want.year, want.unit, want.grade, want.findings)
            );
            assert_eq!(got.source, want.source);
            assert_eq!(got.project, want.project);
            assert_eq!(packed.total(i), Some(want.total));
        }
        assert!(packed.blocks.len() > 1, "rows spread over blocks");
        assert!(packed.get(40_000).is_none());
    }
}
