//! Sections, groups and indicators: names are unique, every named indicator has a method
//! for its target, and each place has its table of default methods.

use super::error::{CheckError, NameKind};
use super::methods::MethodScope;
use super::names;
use super::names::NameIndex;
use super::policy::{
    ExecutionRule, GroupId, GroupRule, IndicatorId, IndicatorRule, MethodTable, OpenRule, Policy,
    SectionId, SectionRule,
};
use super::Checker;
use crate::source::{Span, Spanned};
use crate::syntax::ast::{self, Defaults, Item, RuleFile, Structure, StructureItem};
use crate::value::{Unit, ValueKind};
use std::collections::HashMap;

/// An `actual = …` waiting for every indicator's name to be known.
pub(super) struct PendingDerived {
    pub owner: Owner,
    pub expr: ast::Expr,
    pub target_unit: Option<Unit>,
}

/// What a derived actual belongs to.
#[derive(Clone, Copy)]
pub(super) enum Owner {
    Indicator(IndicatorId),
    Open(usize),
    Execution,
}

/// The sections, groups and indicators being built.
#[derive(Default)]
struct Built {
    sections: Vec<SectionRule>,
    groups: Vec<GroupRule>,
    indicators: Vec<IndicatorRule>,
    open: Vec<OpenRule>,
    indicator_index: NameIndex<IndicatorId>,
    indicator_spans: HashMap<String, Span>,
    section_index: NameIndex<SectionId>,
    section_spans: HashMap<String, Span>,
    pending: Vec<PendingDerived>,
    /// Whether [`CheckError::TooManyIndicators`] was raised.
    too_many: bool,
}

impl Checker {
    pub(super) fn structure(
        &mut self,
        file: &RuleFile,
        policy: &mut Policy,
    ) -> Vec<PendingDerived> {
        let scope = MethodScope {
            units: &policy.units,
            vocabularies: &policy.vocabularies,
        };
        let file_defaults: Vec<&Defaults> = file
            .items
            .iter()
            .filter_map(|i| {
                if let Item::Defaults(d) = i {
                    Some(d)
                } else {
                    None
                }
            })
            .collect();
        let file_table = self.defaults_table(&file_defaults, &scope);
        let mut built = Built::default();
        for item in &file.items {
            if let Item::Section(section) = item {
                self.section(section, &file_table, &scope, &mut built);
            }
        }
        policy.sections = built.sections;
        policy.groups = built.groups;
        policy.indicators = built.indicators;
        policy.open = built.open;
        policy.indicator_index = built.indicator_index;
        policy.indicator_starts =
            super::names::Starts::of(policy.indicator_index.keys().map(String::as_str));
        policy.section_index = built.section_index;
        policy.execution = self.execution(file, &file_table, &scope, &mut built.pending);
        built.pending
    }

    fn section(
        &mut self,
        section: &Structure,
        file_table: &MethodTable,
        scope: &MethodScope<'_>,
        built: &mut Built,
    ) {
        let id = SectionId(built.sections.len());
        for name in std::iter::once(&section.name).chain(&section.aliases) {
            let key = names::key(&name.node);
            if let Some(first) = built.section_spans.get(&key) {
                self.errors.push(CheckError::DuplicateName {
                    span: name.span,
                    first: *first,
                    name: name.node.clone(),
                    what: NameKind::Section,
                });
            } else {
                built.section_spans.insert(key.clone(), name.span);
                built.section_index.insert(key, id);
            }
        }
        let table = self
            .defaults_table(&defaults_in(&section.items), scope)
            .or(file_table);
        built.sections.push(SectionRule {
            name: section.name.node.clone(),
            aliases: section.aliases.iter().map(|a| a.node.clone()).collect(),
            expected_points: section.expected_points.map(|p| p.node),
            methods: table.clone(),
            open: None,
            group_index: NameIndex::default(),
            span: section.span,
        });
        let mut group_spans: HashMap<String, Span> = HashMap::new();
        for item in &section.items {
            match item {
                StructureItem::Group(group) => {
                    self.group(group, id, &table, scope, built, &mut group_spans)
                }
                StructureItem::Indicator(indicator) => {
                    self.indicator(indicator, id, None, &table, scope, built)
                }
                StructureItem::AnyIndicator(any) => {
                    self.open_rule(any, id, None, &table, scope, built)
                }
                StructureItem::Defaults(_) => {}
            }
        }
    }

    fn group(
        &mut self,
        group: &Structure,
        section: SectionId,
        outer: &MethodTable,
        scope: &MethodScope<'_>,
        built: &mut Built,
        spans: &mut HashMap<String, Span>,
    ) {
        let id = GroupId(built.groups.len());
        for name in std::iter::once(&group.name).chain(&group.aliases) {
            let key = names::key(&name.node);
            if let Some(first) = spans.get(&key) {
                self.errors.push(CheckError::DuplicateName {
                    span: name.span,
                    first: *first,
                    name: name.node.clone(),
                    what: NameKind::Group,
                });
            } else {
                spans.insert(key.clone(), name.span);
                built.sections[section.0].group_index.insert(key, id);
            }
        }
        let table = self
            .defaults_table(&defaults_in(&group.items), scope)
            .or(outer);
        built.groups.push(GroupRule {
            name: group.name.node.clone(),
            section,
            expected_points: group.expected_points.map(|p| p.node),
            methods: table.clone(),
            open: None,
            span: group.span,
        });
        for item in &group.items {
            match item {
                StructureItem::Indicator(indicator) => {
                    self.indicator(indicator, section, Some(id), &table, scope, built)
                }
                StructureItem::AnyIndicator(any) => {
                    self.open_rule(any, section, Some(id), &table, scope, built)
                }
                StructureItem::Group(_) | StructureItem::Defaults(_) => {}
            }
        }
    }

    fn indicator(
        &mut self,
        indicator: &ast::Indicator,
        section: SectionId,
        group: Option<GroupId>,
        outer: &MethodTable,
        scope: &MethodScope<'_>,
        built: &mut Built,
    ) {
        let id = IndicatorId(built.indicators.len());
        if id.0 >= crate::limits::MAX_INDICATORS {
            if !built.too_many {
                built.too_many = true;
                self.errors.push(CheckError::TooManyIndicators {
                    span: indicator.name.span,
                    limit: crate::limits::MAX_INDICATORS,
                });
            }
            return;
        }
        for name in std::iter::once(&indicator.name).chain(&indicator.aliases) {
            let key = names::key(&name.node);
            if let Some(first) = built.indicator_spans.get(&key) {
                self.errors.push(CheckError::DuplicateName {
                    span: name.span,
                    first: *first,
                    name: name.node.clone(),
                    what: NameKind::Indicator,
                });
            } else {
                built.indicator_spans.insert(key.clone(), name.span);
                // Also as the policy spells it: a row writing the name so is found
                // without keying it. No other name's key can be this spelling (its key
                // would be this one's).
                if key != name.node {
                    built.indicator_index.insert(name.node.clone(), id);
                }
                built.indicator_index.insert(key, id);
            }
        }
        let target = indicator.target.as_ref();
        if let Some(Spanned { node: value, span }) = target {
            if let ValueKind::Quantity(q) = &value.kind {
                if let Unit::Named(unit) = &q.unit {
                    scope
                        .units
                        .require_declared(&Spanned::new(unit.to_string(), *span), &mut self.errors);
                }
            }
        }
        let own = match &indicator.body.score {
            Some(score) => self.explicit_table(score, target.map(|t| &t.node), scope),
            None => MethodTable::default(),
        };
        let methods = own.or(outer);
        if let Some(form) = target.and_then(|t| t.node.target_form()) {
            if methods.get(form).is_none()
                && !self
                    .errors
                    .iter()
                    .any(|e| matches!(e, CheckError::MethodDoesNotFit { .. }))
            {
                self.errors.push(CheckError::NoMethod {
                    span: indicator.name.span,
                    form,
                });
            }
        }
        if let Some(expr) = &indicator.body.actual {
            let target_unit = target
                .and_then(|t| t.node.quantity())
                .map(|q| q.unit.clone());
            built.pending.push(PendingDerived {
                owner: Owner::Indicator(id),
                expr: expr.clone(),
                target_unit,
            });
        }
        built.indicators.push(IndicatorRule {
            name: indicator.name.clone(),
            aliases: indicator.aliases.iter().map(|a| a.node.clone()).collect(),
            section,
            group,
            points: indicator.points,
            target: indicator.target.clone(),
            actual: None,
            methods,
            span: indicator.span,
        });
    }

    fn open_rule(
        &mut self,
        any: &ast::AnyIndicator,
        section: SectionId,
        group: Option<GroupId>,
        outer: &MethodTable,
        scope: &MethodScope<'_>,
        built: &mut Built,
    ) {
        let index = built.open.len();
        let slot = match group {
            Some(g) => &mut built.groups[g.0].open,
            None => &mut built.sections[section.0].open,
        };
        if let Some(first) = slot {
            let first_span = built.open[*first].span;
            self.errors.push(CheckError::DuplicateOpenRule {
                span: any.span,
                first: first_span,
            });
            return;
        }
        *slot = Some(index);
        let own = match &any.body.score {
            Some(score) => self.explicit_table(score, None, scope),
            None => MethodTable::default(),
        };
        if let Some(expr) = &any.body.actual {
            built.pending.push(PendingDerived {
                owner: Owner::Open(index),
                expr: expr.clone(),
                target_unit: None,
            });
        }
        built.open.push(OpenRule {
            section,
            group,
            actual: None,
            methods: own.or(outer),
            span: any.span,
        });
    }
}

impl Checker {
    /// The `execution` block: fixed points, a fixed target and a derived actual, scored by its
    /// own `score` or the file's defaults.
    fn execution(
        &mut self,
        file: &RuleFile,
        file_table: &MethodTable,
        scope: &MethodScope<'_>,
        pending: &mut Vec<PendingDerived>,
    ) -> Option<ExecutionRule> {
        let mut blocks = file.items.iter().filter_map(|i| {
            if let Item::Execution(e) = i {
                Some(e)
            } else {
                None
            }
        });
        let execution = blocks.next()?;
        for extra in blocks {
            self.errors.push(CheckError::DuplicateExecution {
                span: extra.name.span,
                first: execution.name.span,
            });
        }
        let missing = |what: &'static str| CheckError::ExecutionIncomplete {
            span: execution.name.span,
            missing: what,
        };
        let (Some(points), Some(target), Some(actual)) = (
            execution.points,
            execution.target.clone(),
            execution.body.actual.clone(),
        ) else {
            let what = if execution.points.is_none() {
                "points"
            } else if execution.target.is_none() {
                "target"
            } else {
                "actual"
            };
            self.errors.push(missing(what));
            return None;
        };
        let own = match &execution.body.score {
            Some(score) => self.explicit_table(score, Some(&target.node), scope),
            None => MethodTable::default(),
        };
        let methods = own.or(file_table);
        if let Some(form) = target.node.target_form() {
            if methods.get(form).is_none() {
                self.errors.push(CheckError::NoMethod {
                    span: execution.name.span,
                    form,
                });
            }
        }
        let target_unit = target.node.quantity().map(|q| q.unit.clone());
        pending.push(PendingDerived {
            owner: Owner::Execution,
            expr: actual,
            target_unit,
        });
        Some(ExecutionRule {
            name: execution.name.clone(),
            points,
            target,
            actual: None,
            methods,
            span: execution.span,
        })
    }
}

fn defaults_in(items: &[StructureItem]) -> Vec<&Defaults> {
    items
        .iter()
        .filter_map(|i| {
            if let StructureItem::Defaults(d) = i {
                Some(d)
            } else {
                None
            }
        })
        .collect()
}
