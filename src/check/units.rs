//! The policy's units: which exist, which convert exactly into which (万元 = 10000 元), and
//! which are scored as comparable (人 ~ 人次). Percent and bare numbers are part of the
//! value grammar and need no declaration.

use super::error::CheckError;
use super::names::{self, KeyHasher};
use crate::decimal::Dec;
use crate::source::{Span, Spanned};
use crate::syntax::ast::{Severity, UnitStatement, Units};
use crate::value::{ShortStr, Unit};
use std::collections::HashMap;
use std::hash::BuildHasherDefault;

/// The units a policy declares.
#[derive(Clone, Debug, Default)]
pub struct UnitTable {
    /// Each declared unit → (the unit it is ultimately a multiple of, the factor). Looked up
    /// by a unit's own ShortStr where there is one: keys then compare as bytes, without
    /// reading either as text.
    roots: HashMap<ShortStr, (ShortStr, Dec), BuildHasherDefault<KeyHasher>>,
    declared: Vec<String>,
    /// Pairs scored as comparable (a few: searched in order, without copying the names).
    compatible: Vec<(ShortStr, ShortStr, Severity, Span)>,
}

/// How the units of two figures relate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Relation {
    /// The same unit, or one side is a bare number and takes the other's unit.
    Same,
    /// Convertible: multiply the second figure by this to express it in the first's unit.
    Convert(Dec),
    /// Different units the policy scores as comparable, with a finding of this severity.
    Compatible(Severity, Span),
    /// Units that cannot be compared (`次` and `%`).
    Mismatch,
}

impl UnitTable {
    /// Whether a unit is declared (percent and bare numbers always are).
    pub fn knows(&self, unit: &Unit) -> bool {
        match unit {
            Unit::None | Unit::Percent => true,
            Unit::Named(name) => self.roots.contains_key(name),
        }
    }

    pub fn declared(&self) -> impl Iterator<Item = &str> {
        self.declared.iter().map(String::as_str)
    }

    /// How `b` relates to `a`. The same unit (most figures compared or added) is told
    /// where it is asked; named units that differ are looked up.
    #[inline]
    pub fn relate(&self, a: &Unit, b: &Unit) -> Relation {
        match (a, b) {
            (Unit::None, _) | (_, Unit::None) => Relation::Same,
            (Unit::Percent, Unit::Percent) => Relation::Same,
            (Unit::Named(x), Unit::Named(y)) if x == y => Relation::Same,
            _ => self.relate_apart(a, b),
        }
    }

    /// [`UnitTable::relate`] of units that are not the same.
    #[inline(never)]
    fn relate_apart(&self, a: &Unit, b: &Unit) -> Relation {
        match (a, b) {
            (Unit::Named(x), Unit::Named(y)) => {
                let (rx, ry) = (self.roots.get(x), self.roots.get(y));
                if let (Some((rx, fx)), Some((ry, fy))) = (rx, ry) {
                    if rx == ry {
                        if let Ok(f) = fy.checked_div(*fx) {
                            return Relation::Convert(f);
                        }
                    }
                }
                let find = |x: &ShortStr, y: &ShortStr| {
                    self.compatible.iter().find(|(a, b, ..)| a == x && b == y)
                };
                let pair = find(x, y).or_else(|| find(y, x));
                match pair {
                    Some((_, _, severity, span)) => Relation::Compatible(*severity, *span),
                    None => Relation::Mismatch,
                }
            }
            _ => Relation::Mismatch,
        }
    }

    /// Reads a `units` block (or several) into a table; `implicit` units (the budget's
    /// money unit) are declared without being written.
    pub fn build(blocks: &[&Units], implicit: &[&str], errors: &mut Vec<CheckError>) -> UnitTable {
        let mut table = UnitTable::default();
        let mut first_seen: HashMap<String, Span> = HashMap::new();
        let mut conversions: Vec<(Spanned<String>, Dec, Spanned<String>)> = Vec::new();
        let mut pairs = Vec::new();
        let mut declare =
            |name: &Spanned<String>, table: &mut UnitTable, errors: &mut Vec<CheckError>| {
                if let Some(first) = first_seen.get(&name.node) {
                    errors.push(CheckError::DuplicateUnit {
                        span: name.span,
                        first: *first,
                        unit: name.node.clone(),
                    });
                    return;
                }
                first_seen.insert(name.node.clone(), name.span);
                table.declared.push(name.node.clone());
                let unit = ShortStr::from(&name.node);
                table.roots.insert(unit.clone(), (unit, Dec::ONE));
            };
        for block in blocks {
            for statement in &block.statements {
                match statement {
                    UnitStatement::Declare(name) => declare(name, &mut table, errors),
                    UnitStatement::Convert {
                        unit, factor, base, ..
                    } => {
                        declare(unit, &mut table, errors);
                        conversions.push((unit.clone(), factor.node, base.clone()));
                    }
                    UnitStatement::Compatible {
                        a,
                        b,
                        severity,
                        span,
                    } => pairs.push((a.clone(), b.clone(), severity.node, *span)),
                }
            }
        }
        for unit in implicit {
            if !table.roots.contains_key(*unit) {
                table.declared.push((*unit).to_string());
                table
                    .roots
                    .insert(ShortStr::from(*unit), (ShortStr::from(*unit), Dec::ONE));
            }
        }
        table.resolve_conversions(&conversions, errors);
        for (a, b, severity, span) in pairs {
            for side in [&a, &b] {
                table.require_declared(side, errors);
            }
            let (a, b) = (ShortStr::from(a.node), ShortStr::from(b.node));
            match table.compatible.iter_mut().find(|p| p.0 == a && p.1 == b) {
                Some(pair) => (pair.2, pair.3) = (severity, span),
                None => table.compatible.push((a, b, severity, span)),
            }
        }
        table
    }

    /// Follows `万元 = 10000 元`, `亿元 = 10000 万元` to each unit's root, refusing cycles
    /// and bases that are not declared.
    fn resolve_conversions(
        &mut self,
        conversions: &[(Spanned<String>, Dec, Spanned<String>)],
        errors: &mut Vec<CheckError>,
    ) {
        let direct: HashMap<&str, (&Spanned<String>, Dec)> = conversions
            .iter()
            .map(|(u, f, b)| (u.node.as_str(), (b, *f)))
            .collect();
        let mut in_reported_cycle: Vec<String> = Vec::new();
        for (unit, _, base) in conversions {
            if in_reported_cycle.contains(&unit.node) {
                continue;
            }
            if !self.roots.contains_key(base.node.as_str()) {
                self.require_declared(base, errors);
                continue;
            }
            let mut factor = Dec::ONE;
            let mut current = unit.node.as_str();
            let mut steps = 0;
            while let Some((next, f)) = direct.get(current) {
                match factor.checked_mul(*f) {
                    Ok(product) => factor = product,
                    Err(_) => {
                        errors.push(CheckError::ConversionOutOfRange {
                            span: unit.span,
                            unit: unit.node.clone(),
                        });
                        break;
                    }
                }
                current = next.node.as_str();
                steps += 1;
                if current == unit.node || steps > direct.len() {
                    errors.push(CheckError::ConversionCycle {
                        span: unit.span,
                        unit: unit.node.clone(),
                    });
                    // every unit on the cycle is part of this one problem
                    let mut member = unit.node.as_str();
                    for _ in 0..=direct.len() {
                        in_reported_cycle.push(member.to_string());
                        match direct.get(member) {
                            Some((next, _)) if next.node != unit.node => {
                                member = next.node.as_str()
                            }
                            _ => break,
                        }
                    }
                    break;
                }
            }
            self.roots.insert(
                ShortStr::from(&unit.node),
                (ShortStr::from(current), factor),
            );
        }
    }

    /// An error unless `unit` is declared, suggesting the nearest declared unit.
    pub fn require_declared(&self, unit: &Spanned<String>, errors: &mut Vec<CheckError>) {
        if !self.roots.contains_key(unit.node.as_str()) {
            let suggestion = names::closest(&unit.node, self.declared());
            errors.push(CheckError::UnknownUnit {
                span: unit.span,
                unit: unit.node.clone(),
                suggestion,
            });
        }
    }
}
