//! Points that do not sum to what a section, group or the policy declares, and deductions
//! that cannot reach their floor or take more than the points in one step.

use super::{Level, Lint, LintKind};
use crate::decimal::Dec;
use crate::syntax::ast::{
    DeductFrom, Indicator, Item, Method, Partial, RuleFile, Setting, Structure, StructureItem,
    Threshold,
};
use crate::value::ValueKind;

/// The fixed points under a structure, and whether the report can add points there (an
/// `any indicator`, or a named indicator whose points the report declares).
fn fixed_points(structure: &Structure) -> Option<(Dec, bool)> {
    let mut sum = Dec::ZERO;
    let mut open = false;
    for item in &structure.items {
        match item {
            StructureItem::Indicator(i) => match &i.points {
                Some(p) => sum = sum.checked_add(p.node).ok()?,
                None => open = true,
            },
            StructureItem::AnyIndicator(_) => open = true,
            StructureItem::Group(g) => {
                let (s, o) = fixed_points(g)?;
                sum = sum.checked_add(s).ok()?;
                open |= o;
            }
            StructureItem::Defaults(_) => {}
        }
    }
    Some((sum, open))
}

fn declared(structure: &Structure, level: Level, out: &mut Vec<Lint>) {
    if let (Some(expected), Some((sum, open))) =
        (&structure.expected_points, fixed_points(structure))
    {
        if (!open && sum != expected.node) || (open && sum > expected.node) {
            out.push(Lint::new(
                LintKind::PointsDoNotSum {
                    level,
                    name: structure.name.node.clone(),
                    expected: expected.node,
                    sum,
                    open,
                },
                expected.span,
            ));
        }
    }
}

pub fn points(file: &RuleFile, out: &mut Vec<Lint>) {
    let mut sections = Vec::new();
    for item in &file.items {
        if let Item::Section(section) = item {
            declared(section, Level::Section, out);
            for group in section.items.iter() {
                if let StructureItem::Group(g) = group {
                    declared(g, Level::Group, out);
                }
            }
            sections.push(section);
        }
    }
    // Every section declares its points: together they should make full marks.
    let full = file.items.iter().find_map(|i| match i {
        Item::Policy(p) => p.settings.iter().find_map(|s| match &s.node {
            Setting::FullMarks(m) => Some(*m),
            _ => None,
        }),
        _ => None,
    });
    // the budget execution row's fixed points count with the sections'
    let execution = file.items.iter().filter_map(|i| match i {
        Item::Execution(e) => Some(e.points.map(|p| p.node)),
        _ => None,
    });
    let all: Option<Vec<Dec>> = sections
        .iter()
        .map(|s| s.expected_points.map(|p| p.node))
        .chain(execution)
        .collect();
    if let (Some(full), Some(all), false) = (full, all, sections.is_empty()) {
        if let Ok(sum) = Dec::sum(all) {
            if sum != full.node {
                out.push(Lint::new(
                    LintKind::PointsDoNotSum {
                        level: Level::Policy,
                        name: String::new(),
                        expected: full.node,
                        sum,
                        open: false,
                    },
                    full.span,
                ));
            }
        }
    }
}

/// Named indicators with fixed points and their own `score deduct …`.
pub fn deductions(file: &RuleFile, out: &mut Vec<Lint>) {
    fn walk(items: &[StructureItem], out: &mut Vec<Lint>) {
        for item in items {
            match item {
                StructureItem::Indicator(i) => deduction(i, out),
                StructureItem::Group(g) => walk(&g.items, out),
                _ => {}
            }
        }
    }
    for item in &file.items {
        match item {
            Item::Section(s) => walk(&s.items, out),
            Item::Execution(e) => deduction(e, out),
            _ => {}
        }
    }
}

fn deduction(indicator: &Indicator, out: &mut Vec<Lint>) {
    let (Some(points), Some(score)) = (&indicator.points, &indicator.body.score) else {
        return;
    };
    let Method::Deduct(d) = &score.node else {
        return;
    };
    let w = points.node;
    if d.amount.node > w {
        out.push(Lint::new(
            LintKind::DeductionStepExceedsPoints {
                amount: d.amount.node,
                points: w,
            },
            d.amount.span,
        ));
        return;
    }
    // Below a threshold, an actual cannot go under 0: at most threshold ÷ step steps.
    let DeductFrom::Below(threshold) = &d.from else {
        return;
    };
    let threshold = match threshold {
        Threshold::Literal(l) => Some((l.node.number, l.node.unit.clone())),
        Threshold::Target(_) => indicator.target.as_ref().and_then(|t| match &t.node.kind {
            ValueKind::Quantity(q) => Some((q.number, q.unit.clone())),
            _ => None,
        }),
    };
    let Some((threshold, unit)) = threshold else {
        return;
    };
    if unit != d.step.node.unit || d.step.node.number <= Dec::ZERO {
        return;
    }
    let Ok(steps) = threshold.checked_div(d.step.node.number) else {
        return;
    };
    let steps = match d.partial.map(|p| p.node) {
        Some(Partial::Up) => steps.ceil(),
        Some(Partial::Down) => steps.floor(),
        _ => steps,
    };
    let floor = d.floor.map_or(Dec::ZERO, |f| f.node);
    let (Ok(most), Ok(room)) = (d.amount.node.checked_mul(steps), w.checked_sub(floor)) else {
        return;
    };
    if most < room {
        if let Ok(lowest) = w.checked_sub(most) {
            out.push(Lint::new(
                LintKind::DeductionNeverReachesFloor { most, lowest },
                score.span,
            ));
        }
    }
}
