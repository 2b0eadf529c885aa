//! Years and grades that make no sense: a policy for no year in particular, a yearly file
//! that applies no later than the one it extends, a grade no total can reach.

use super::{Lint, LintKind};
use crate::source::Span;
use crate::syntax::ast::{Item, RuleFile, Setting};

pub fn header(file: &RuleFile, out: &mut Vec<Lint>) {
    let Some(policy) = file.items.iter().find_map(|i| match i {
        Item::Policy(p) => Some(p),
        _ => None,
    }) else {
        return;
    };
    let settings = || policy.settings.iter().map(|s| &s.node);
    if !settings().any(|s| matches!(s, Setting::Years { .. })) {
        out.push(Lint::new(LintKind::NoYears, policy.name.span));
    }
    let full = settings().find_map(|s| match s {
        Setting::FullMarks(m) => Some(m.node),
        _ => None,
    });
    let grades = settings().find_map(|s| match s {
        Setting::Grades(g) => Some(g),
        _ => None,
    });
    if let (Some(full), Some(grades)) = (full, grades) {
        for grade in grades {
            if let Some(min) = grade.min.filter(|m| m.node > full) {
                out.push(Lint::new(
                    LintKind::GradeUnreachable {
                        grade: grade.name.node.clone(),
                        min: min.node,
                        full,
                    },
                    min.span,
                ));
            }
        }
    }
}

/// The years of a header, `(from, to)`, and where they are written.
pub fn years(settings: &[crate::source::Spanned<Setting>]) -> Option<((i32, i32), Span)> {
    settings.iter().find_map(|s| match &s.node {
        Setting::Years { from, to } => Some((
            (from.node, to.as_ref().map_or(from.node, |t| t.node)),
            s.span,
        )),
        _ => None,
    })
}

/// A file that extends last year's should apply to later years: `year 2022` over `year 2021`.
pub fn year_not_after_extended(
    extended: Option<((i32, i32), Span)>,
    extending: Option<((i32, i32), Span)>,
) -> Option<Lint> {
    let ((_, last), _) = extended?;
    let ((first, _), span) = extending?;
    (first <= last).then(|| {
        Lint::new(
            LintKind::YearNotAfterExtended {
                year: first,
                extended: last,
            },
            span,
        )
    })
}
