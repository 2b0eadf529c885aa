//! The policy header: name, years, kind, full marks, rescaling, rounding, grades.

use super::error::CheckError;
use super::policy::{GradeRule, Rounding};
use super::Checker;
use crate::decimal::Dec;
use crate::source::{Span, Spanned};
use crate::syntax::ast::{Item, RoundAt, RuleFile, Setting};
use crate::value::Unit;
use std::collections::HashMap;

/// The header's settings, checked.
pub(super) struct Header {
    pub name: Spanned<String>,
    pub years: Option<Spanned<(i32, i32)>>,
    pub kind: Option<Spanned<String>>,
    pub full_marks: Spanned<Dec>,
    pub rescale: Option<Span>,
    pub budget_unit: Unit,
    pub round_indicator: Option<Rounding>,
    pub round_total: Option<Rounding>,
    pub grades: Vec<GradeRule>,
}

impl Checker {
    pub(super) fn header(&mut self, file: &RuleFile) -> Option<Header> {
        let mut headers = file.items.iter().filter_map(|i| {
            if let Item::Policy(p) = i {
                Some(p)
            } else {
                None
            }
        });
        let Some(policy) = headers.next() else {
            self.errors.push(CheckError::NoPolicy {
                span: self.file_start(),
            });
            return None;
        };
        for extra in headers {
            self.errors.push(CheckError::DuplicatePolicy {
                span: extra.name.span,
                first: policy.name.span,
            });
        }
        let mut seen: HashMap<&'static str, Span> = HashMap::new();
        let mut header = Header {
            name: policy.name.clone(),
            years: None,
            kind: None,
            full_marks: Spanned::new(Dec::HUNDRED, policy.name.span),
            rescale: None,
            budget_unit: Unit::Named("元".into()),
            round_indicator: None,
            round_total: None,
            grades: Vec::new(),
        };
        let mut has_full_marks = false;
        for setting in &policy.settings {
            let key = setting_key(&setting.node);
            if let Some(first) = seen.insert(key, setting.span) {
                self.errors.push(CheckError::DuplicateSetting {
                    span: setting.span,
                    first,
                    setting: key,
                });
                continue;
            }
            match &setting.node {
                Setting::Years { from, to } => {
                    let to_year = to.as_ref().map_or(from.node, |t| t.node);
                    if to_year < from.node {
                        self.errors
                            .push(CheckError::YearsReversed { span: setting.span });
                    }
                    header.years = Some(Spanned::new((from.node, to_year), setting.span));
                }
                Setting::Kind(kind) => header.kind = Some(kind.clone()),
                Setting::FullMarks(marks) => {
                    has_full_marks = true;
                    header.full_marks = *marks;
                }
                Setting::Rescale => header.rescale = Some(setting.span),
                Setting::BudgetUnit(unit) => header.budget_unit = Unit::Named((&unit.node).into()),
                Setting::Round { at, places, mode } => {
                    let rounding = Some(Rounding {
                        places: places.node,
                        mode: mode.node,
                        span: setting.span,
                    });
                    match at.node {
                        RoundAt::Indicator => header.round_indicator = rounding,
                        RoundAt::Total => header.round_total = rounding,
                    }
                }
                Setting::Grades(grades) => header.grades = self.grades(grades),
            }
        }
        if !has_full_marks {
            self.errors.push(CheckError::MissingSetting {
                span: policy.name.span,
                setting: "full_marks",
            });
        }
        if header.grades.is_empty() {
            self.errors.push(CheckError::MissingSetting {
                span: policy.name.span,
                setting: "grades",
            });
        }
        Some(header)
    }

    fn grades(&mut self, grades: &[crate::syntax::ast::Grade]) -> Vec<GradeRule> {
        let mut names: HashMap<&str, Span> = HashMap::new();
        let mut previous: Option<(&str, Dec)> = None;
        for (i, grade) in grades.iter().enumerate() {
            let last = i + 1 == grades.len();
            if let Some(first) = names.insert(&grade.name.node, grade.name.span) {
                self.errors.push(CheckError::DuplicateGrade {
                    span: grade.name.span,
                    first,
                    grade: grade.name.node.clone(),
                });
            }
            match (&grade.min, last) {
                (Some(min), true) => self.errors.push(CheckError::LastGradeHasThreshold {
                    span: min.span,
                    grade: grade.name.node.clone(),
                }),
                (None, false) => self.errors.push(CheckError::GradeWithoutThreshold {
                    span: grade.span,
                    grade: grade.name.node.clone(),
                }),
                _ => {}
            }
            if let Some(min) = &grade.min {
                if let Some((prev_name, prev_min)) = previous {
                    if min.node >= prev_min {
                        self.errors.push(CheckError::GradesNotDescending {
                            span: min.span,
                            grade: grade.name.node.clone(),
                            previous: prev_name.to_string(),
                        });
                    }
                }
                previous = Some((&grade.name.node, min.node));
            }
        }
        grades
            .iter()
            .map(|g| GradeRule {
                name: g.name.node.clone(),
                min: g.min.map(|m| m.node),
                span: g.span,
            })
            .collect()
    }
}

pub(crate) fn setting_key(setting: &Setting) -> &'static str {
    match setting {
        Setting::Years { .. } => "year",
        Setting::Kind(_) => "kind",
        Setting::FullMarks(_) => "full_marks",
        Setting::Rescale => "rescale",
        Setting::BudgetUnit(_) => "budget_unit",
        Setting::Round { at, .. } => match at.node {
            RoundAt::Indicator => "round indicator",
            RoundAt::Total => "round total",
        },
        Setting::Grades(_) => "grades",
    }
}
