//! Which rule scores each report row: an indicator the policy names (by name or alias), or
//! the `any indicator` of the row's section or group. Rows no rule matches, rules no row
//! matches, and rows matched twice are findings.

use crate::check::names;
use crate::check::policy::{IndicatorId, Policy, SectionId};
use crate::report::Report;
use crate::scorecard::{EngineFinding, Finding, FindingMessage, FindingSubject};
use crate::syntax::ast::Severity;
use std::borrow::Cow;

/// The rule an indicator is scored by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RuleRef {
    Named(IndicatorId),
    Open(usize),
    /// The policy's `execution` item, scored from the budget table.
    Execution,
}

/// One indicator to score: its rule and its report row (if any).
#[derive(Clone, Copy, Debug)]
pub struct Placement {
    pub rule: RuleRef,
    pub row: Option<usize>,
    /// None only for the execution item.
    pub section: Option<SectionId>,
}

/// Places every report row, then every named indicator without a row. The result is in
/// the policy's section order, report order within a section.
pub fn place<'a>(
    policy: &'a Policy,
    report: &'a Report,
    findings: &mut Vec<Finding<'a>>,
) -> Vec<Placement> {
    // Every row, and at most every named indicator again without a row.
    let mut placements: Vec<Placement> =
        Vec::with_capacity(report.indicators.len() + policy.indicators.len());
    let mut row_of: Vec<Option<usize>> = vec![None; policy.indicators.len()];
    // Rows come grouped under their headings: a heading's section is looked up once per run
    // of rows.
    let mut heading: Option<(&str, Option<SectionId>)> = None;
    let mut buffer = String::new();
    for (i, row) in report.indicators.iter().enumerate() {
        let section = match heading {
            Some((h, section)) if h == row.level1 => section,
            _ => {
                let key = names::key_in(names::heading_name(&row.level1), &mut buffer);
                let section = policy.section_index.get(key).copied();
                heading = Some((&row.level1, section));
                section
            }
        };
        // The name as written (the policy's own spelling or its key), else its key if that
        // differs; neither for a name whose first character begins no name of the index.
        let index = &policy.indicator_index;
        let named = policy
            .indicator_starts
            .may_hold(&row.name)
            .then(|| {
                index.get(row.name.as_str()).or_else(|| {
                    names::changed_key(&row.name, &mut buffer)
                        .then(|| index.get(buffer.as_str()))
                        .flatten()
                })
            })
            .flatten();
        if let Some(&id) = named {
            let rule = &policy.indicators[id.0];
            if let Some(first_row) = row_of[id.0] {
                findings.push(engine(
                    Severity::Error,
                    &row.name,
                    EngineFinding::DuplicateRow { first_row },
                ));
                continue;
            }
            row_of[id.0] = Some(i);
            if section != Some(rule.section) {
                let written = row.level1.clone();
                let policy_section = policy.sections[rule.section.0].name.clone();
                findings.push(engine(
                    Severity::Warning,
                    &row.name,
                    EngineFinding::MisplacedRow {
                        written,
                        policy: policy_section,
                    },
                ));
            }
            placements.push(Placement {
                rule: RuleRef::Named(id),
                row: Some(i),
                section: Some(rule.section),
            });
            continue;
        }
        let open = section.and_then(|s| {
            let section = &policy.sections[s.0];
            // A section without groups takes every row under it: no key of its level 2.
            let group = row
                .level2
                .as_deref()
                .filter(|_| !section.group_index.is_empty())
                .and_then(|g| {
                    let key = names::key_in(names::heading_name(g), &mut buffer);
                    section.group_index.get(key)
                });
            let open = group.and_then(|g| policy.groups[g.0].open).or(section.open);
            open.map(|o| (s, o))
        });
        match open {
            Some((section, o)) => placements.push(Placement {
                rule: RuleRef::Open(o),
                row: Some(i),
                section: Some(section),
            }),
            None => {
                let suggestion = suggest(policy, &row.name, &row.level1);
                let level1 = row.level1.clone();
                findings.push(engine(
                    Severity::Error,
                    &row.name,
                    EngineFinding::UnmatchedRow { level1, suggestion },
                ));
            }
        }
    }
    for (id, rule) in policy.indicators.iter().enumerate() {
        if row_of[id].is_none() {
            // A named indicator scores without a row only if the policy gives it everything.
            let needed = rule.points.is_none() || rule.target.is_none() || rule.actual.is_none();
            let severity = if needed {
                Severity::Error
            } else {
                Severity::Warning
            };
            findings.push(engine(
                severity,
                &rule.name.node,
                EngineFinding::MissingRow { needed },
            ));
            placements.push(Placement {
                rule: RuleRef::Named(IndicatorId(id)),
                row: None,
                section: Some(rule.section),
            });
        }
    }
    // Rows usually come in the policy's section order: told in one pass, which costs less
    // than the sort's own, setting up included.
    if !placements.is_sorted_by_key(Placement::order) {
        placements.sort_by_key(Placement::order);
    }
    placements
}

impl Placement {
    /// Where a placement goes: by section (none first), then its row in report order, then
    /// without a row (in the policy's order: the sort is stable). The order of
    /// `(section, row.is_none(), row)`, as one number: the sort compares it often, and a
    /// number is compared at once where the tuple's options are compared a part at a time.
    fn order(&self) -> u128 {
        // INVARIANT: indices of a vector are at most `isize::MAX`, so a section plus one
        // and a row fit in 64 bits, and a row is never `u64::MAX`.
        let section = self.section.map_or(0, |s| s.0 as u128 + 1);
        let row = self.row.map_or(u64::MAX, |r| r as u64);
        section << 64 | u128::from(row)
    }
}

/// "Did you mean …": a near indicator name, or a near section name for the row's level 1.
fn suggest(policy: &Policy, name: &str, level1: &str) -> Option<String> {
    let indicator_names = policy.indicators.iter().flat_map(|i| {
        std::iter::once(i.name.node.as_str()).chain(i.aliases.iter().map(String::as_str))
    });
    names::closest(name, indicator_names).or_else(|| {
        let sections = policy.sections.iter().flat_map(|s| {
            std::iter::once(s.name.as_str()).chain(s.aliases.iter().map(String::as_str))
        });
        names::closest(level1, sections)
    })
}

pub fn engine(severity: Severity, indicator: &str, finding: EngineFinding) -> Finding<'_> {
    Finding {
        severity,
        code: Cow::Borrowed(finding.code()),
        subject: FindingSubject {
            indicator: Some(Cow::Borrowed(indicator)),
            ..Default::default()
        },
        message: FindingMessage::Engine(finding),
        rule: None,
    }
}
