//! Merging a file into the file it extends. The extended file's items are kept in their
//! order; the extending file's are applied in theirs:
//!
//! - its `policy` header: the name, and each setting written, replace the extended ones;
//! - its `actuals` block: each setting written (`not_done`, `claimed_bound`) replaces the
//!   extended one;
//! - a `section` whose name (or alias) the extended file has reopens that section: aliases
//!   are added, `points` replaces, and what it holds is added (a `group` of a known name
//!   reopens that group in turn);
//! - `override indicator "…"`: what the override writes (aliases, points, target, the
//!   derived actual, the method) replaces what the indicator said; the rest is kept;
//! - `override check id …` replaces the check; `override vocabulary …` replaces each word
//!   class it writes; `override default { … }` replaces each form's file-wide method;
//! - `remove …` drops an indicator, group, section, check, vocabulary or default form;
//! - everything else (units, vocabularies, defaults, checks) is added, and the checker
//!   refuses what is then written twice, as in one file.
//!
//! An override or remove of something the extended files do not have is an error that
//! names it, with the nearest name there is.

use super::error::{ExtendsError, Thing};
use crate::check::header::setting_key;
use crate::check::lint::{year_not_after_extended, years, Lint};
use crate::check::names;
use crate::source::{SourceId, Spanned};
use crate::syntax::ast::{
    Actuals, ActualsSetting, Item, Overridden, PolicyHeader, Remove, Removed, RuleFile, Structure,
    StructureItem,
};

/// Strips the `override` and `remove` items of a file that extends nothing: each is an
/// error, since there is nothing for it to change.
pub fn root(mut file: RuleFile, errors: &mut Vec<ExtendsError>) -> RuleFile {
    let empty = RuleFile {
        extends: None,
        items: Vec::new(),
    };
    let items = std::mem::take(&mut file.items);
    let mut merged = empty;
    for item in items {
        match item {
            Item::Override(o) => apply_override(&mut merged, *o, errors, false),
            Item::Remove(r) => apply_remove(&mut merged, r, errors, false),
            other => merged.items.push(other),
        }
    }
    merged
}

/// `child` applied to `parent` (already merged with what it extends).
pub fn merge(
    parent: RuleFile,
    child: RuleFile,
    child_source: SourceId,
    errors: &mut Vec<ExtendsError>,
    lints: &mut Vec<Lint>,
) -> RuleFile {
    let mut merged = parent;
    merged.extends = None;
    for item in child.items {
        match item {
            Item::Policy(header) => merge_header(&mut merged, header, lints),
            Item::Actuals(actuals) => merge_actuals(&mut merged, actuals),
            Item::Section(section) => {
                let existing = merged.items.iter_mut().find_map(|i| match i {
                    Item::Section(s)
                        if s.span.source != child_source && same_structure(s, &section) =>
                    {
                        Some(s)
                    }
                    _ => None,
                });
                match existing {
                    Some(s) => reopen(s, section, child_source),
                    None => merged.items.push(Item::Section(section)),
                }
            }
            Item::Override(o) => apply_override(&mut merged, *o, errors, true),
            Item::Remove(r) => apply_remove(&mut merged, r, errors, true),
            other => merged.items.push(other),
        }
    }
    merged
}

fn merge_header(merged: &mut RuleFile, header: PolicyHeader, lints: &mut Vec<Lint>) {
    let Some(existing) = merged.items.iter_mut().find_map(|i| match i {
        Item::Policy(p) => Some(p),
        _ => None,
    }) else {
        merged.items.insert(0, Item::Policy(header));
        return;
    };
    lints.extend(year_not_after_extended(
        years(&existing.settings),
        years(&header.settings),
    ));
    existing.name = header.name;
    let mut replaced: Vec<&'static str> = Vec::new();
    for setting in header.settings {
        let key = setting_key(&setting.node);
        let slot = existing
            .settings
            .iter_mut()
            .find(|s| setting_key(&s.node) == key);
        match slot {
            // a second setting of one key in the extending file stays a duplicate
            Some(slot) if !replaced.contains(&key) => *slot = setting,
            _ => existing.settings.push(setting),
        }
        replaced.push(key);
    }
}

fn merge_actuals(merged: &mut RuleFile, actuals: Actuals) {
    for setting in &actuals.settings {
        let same_kind =
            |s: &ActualsSetting| std::mem::discriminant(s) == std::mem::discriminant(setting);
        for item in merged.items.iter_mut() {
            if let Item::Actuals(block) = item {
                block.settings.retain(|s| !same_kind(s));
            }
        }
    }
    merged.items.push(Item::Actuals(actuals));
}

fn same_structure(a: &Structure, b: &Structure) -> bool {
    let keys = |s: &Structure| -> Vec<String> {
        std::iter::once(&s.name)
            .chain(&s.aliases)
            .map(|n| names::key(&n.node))
            .collect()
    };
    let (a, b) = (keys(a), keys(b));
    a.iter().any(|k| b.contains(k))
}

/// A section or group of the extended file written again: its new aliases, points and
/// contents are added to it.
fn reopen(existing: &mut Structure, mut added: Structure, child_source: SourceId) {
    let known: Vec<String> = std::iter::once(&existing.name)
        .chain(&existing.aliases)
        .map(|n| names::key(&n.node))
        .collect();
    added
        .aliases
        .retain(|a| !known.contains(&names::key(&a.node)));
    existing.aliases.extend(added.aliases);
    if added.expected_points.is_some() {
        existing.expected_points = added.expected_points;
    }
    for item in added.items {
        match item {
            StructureItem::Group(group) => {
                let found = existing.items.iter_mut().find_map(|i| match i {
                    StructureItem::Group(g)
                        if g.span.source != child_source && same_structure(g, &group) =>
                    {
                        Some(g)
                    }
                    _ => None,
                });
                match found {
                    Some(g) => reopen(g, group, child_source),
                    None => existing.items.push(StructureItem::Group(group)),
                }
            }
            other => existing.items.push(other),
        }
    }
}

/// Every indicator of the file, mutable, with the section (and group) it stands in.
fn indicators_mut(items: &mut [Item]) -> Vec<&mut crate::syntax::ast::Indicator> {
    fn walk<'a>(
        items: &'a mut [StructureItem],
        out: &mut Vec<&'a mut crate::syntax::ast::Indicator>,
    ) {
        for item in items {
            match item {
                StructureItem::Indicator(i) => out.push(i),
                StructureItem::Group(g) => walk(&mut g.items, out),
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    for item in items {
        if let Item::Section(s) = item {
            walk(&mut s.items, &mut out);
        }
    }
    out
}

fn indicator_names(file: &RuleFile) -> Vec<String> {
    fn walk(items: &[StructureItem], out: &mut Vec<String>) {
        for item in items {
            match item {
                StructureItem::Indicator(i) => out.push(i.name.node.clone()),
                StructureItem::Group(g) => walk(&g.items, out),
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    for item in &file.items {
        if let Item::Section(s) = item {
            walk(&s.items, &mut out);
        }
    }
    out
}

fn is_named(name: &Spanned<String>, aliases: &[Spanned<String>], wanted: &str) -> bool {
    let wanted = names::key(wanted);
    std::iter::once(name)
        .chain(aliases)
        .any(|n| names::key(&n.node) == wanted)
}

/// What to say when an override or remove finds nothing.
struct Missing<'a> {
    errors: &'a mut Vec<ExtendsError>,
    extends: bool,
    removing: bool,
}

impl Missing<'_> {
    fn report(
        &mut self,
        span: crate::source::Span,
        what: Thing,
        name: &str,
        candidates: Vec<String>,
    ) {
        let suggestion = names::closest(name, candidates.iter().map(String::as_str));
        let (name, extends) = (name.to_string(), self.extends);
        self.errors.push(if self.removing {
            ExtendsError::NothingToRemove {
                span,
                what,
                name,
                suggestion,
                extends,
            }
        } else {
            ExtendsError::NothingToOverride {
                span,
                what,
                name,
                suggestion,
                extends,
            }
        });
    }
}

fn apply_override(
    merged: &mut RuleFile,
    change: crate::syntax::ast::Override,
    errors: &mut Vec<ExtendsError>,
    extends: bool,
) {
    let mut missing = Missing {
        errors,
        extends,
        removing: false,
    };
    match change.what {
        Overridden::Indicator(new) => {
            let candidates = indicator_names(merged);
            let found = indicators_mut(&mut merged.items)
                .into_iter()
                .find(|i| is_named(&i.name, &i.aliases, &new.name.node));
            let Some(old) = found else {
                missing.report(new.name.span, Thing::Indicator, &new.name.node, candidates);
                return;
            };
            if !new.aliases.is_empty() {
                old.aliases = new.aliases;
            }
            if new.points.is_some() {
                old.points = new.points;
            }
            if new.target.is_some() {
                old.target = new.target;
            }
            if new.body.actual.is_some() {
                old.body.actual = new.body.actual;
            }
            if new.body.score.is_some() {
                old.body.score = new.body.score;
            }
        }
        Overridden::Check(new) => {
            let ids = check_ids(merged);
            let found = merged.items.iter_mut().find_map(|i| match i {
                Item::Check(c) if c.id.node == new.id.node => Some(c),
                _ => None,
            });
            match found {
                Some(old) => **old = new,
                None => missing.report(new.id.span, Thing::Check, &new.id.node, ids),
            }
        }
        Overridden::Vocabulary(new) => {
            let wanted = new.name.as_ref().map(|n| n.node.clone());
            let names = vocabulary_names(merged);
            let found = merged.items.iter_mut().find_map(|i| match i {
                Item::Vocabulary(v) if v.name.as_ref().map(|n| &n.node) == wanted.as_ref() => {
                    Some(v)
                }
                _ => None,
            });
            let Some(old) = found else {
                let span = new.name.as_ref().map_or(change.span, |n| n.span);
                missing.report(span, Thing::Vocabulary, &wanted.unwrap_or_default(), names);
                return;
            };
            for class in new.classes {
                match old
                    .classes
                    .iter_mut()
                    .find(|c| c.class.node == class.class.node)
                {
                    Some(slot) => *slot = class,
                    None => old.classes.push(class),
                }
            }
        }
        Overridden::Defaults(new) => {
            for entry in new.methods {
                let found = merged.items.iter_mut().find_map(|i| match i {
                    Item::Defaults(d) => d
                        .methods
                        .iter_mut()
                        .find(|m| m.form.node == entry.form.node),
                    _ => None,
                });
                match found {
                    Some(slot) => *slot = entry,
                    None => {
                        let forms = default_forms(merged);
                        missing.report(
                            entry.form.span,
                            Thing::Default,
                            entry.form.node.keyword(),
                            forms,
                        );
                    }
                }
            }
        }
    }
}

fn apply_remove(
    merged: &mut RuleFile,
    change: Remove,
    errors: &mut Vec<ExtendsError>,
    extends: bool,
) {
    let mut missing = Missing {
        errors,
        extends,
        removing: true,
    };
    match change.what {
        Removed::Indicator(name) => {
            let candidates = indicator_names(merged);
            if !remove_indicator(&mut merged.items, &name.node) {
                missing.report(name.span, Thing::Indicator, &name.node, candidates);
            }
        }
        Removed::Section(name) => {
            let before = merged.items.len();
            let candidates = section_names(merged);
            merged.items.retain(
                |i| !matches!(i, Item::Section(s) if is_named(&s.name, &s.aliases, &name.node)),
            );
            if merged.items.len() == before {
                missing.report(name.span, Thing::Section, &name.node, candidates);
            }
        }
        Removed::Group(name) => {
            let holding: Vec<String> = merged
                .items
                .iter()
                .filter_map(|i| match i {
                    Item::Section(s)
                        if s.items.iter().any(|g| {
                            matches!(g, StructureItem::Group(g) if is_named(&g.name, &g.aliases, &name.node))
                        }) =>
                    {
                        Some(s.name.node.clone())
                    }
                    _ => None,
                })
                .collect();
            match holding.len() {
                0 => {
                    let candidates = group_names(merged);
                    missing.report(name.span, Thing::Group, &name.node, candidates);
                }
                1 => {
                    for item in merged.items.iter_mut() {
                        if let Item::Section(s) = item {
                            s.items.retain(|g| {
                                !matches!(g, StructureItem::Group(g) if is_named(&g.name, &g.aliases, &name.node))
                            });
                        }
                    }
                }
                _ => missing.errors.push(ExtendsError::AmbiguousGroup {
                    span: name.span,
                    name: name.node.clone(),
                    sections: holding,
                }),
            }
        }
        Removed::Check(id) => {
            let ids = check_ids(merged);
            let before = merged.items.len();
            merged
                .items
                .retain(|i| !matches!(i, Item::Check(c) if c.id.node == id.node));
            if merged.items.len() == before {
                missing.report(id.span, Thing::Check, &id.node, ids);
            }
        }
        Removed::Vocabulary(name) => {
            let wanted = name.as_ref().map(|n| n.node.clone());
            let names = vocabulary_names(merged);
            let before = merged.items.len();
            merged.items.retain(|i| {
                !matches!(i, Item::Vocabulary(v) if v.name.as_ref().map(|n| &n.node) == wanted.as_ref())
            });
            if merged.items.len() == before {
                let span = name.as_ref().map_or(change.span, |n| n.span);
                missing.report(span, Thing::Vocabulary, &wanted.unwrap_or_default(), names);
            }
        }
        Removed::Default(form) => {
            let mut found = false;
            for item in merged.items.iter_mut() {
                if let Item::Defaults(d) = item {
                    let before = d.methods.len();
                    d.methods.retain(|m| m.form.node != form.node);
                    found |= d.methods.len() != before;
                }
            }
            if !found {
                let forms = default_forms(merged);
                missing.report(form.span, Thing::Default, form.node.keyword(), forms);
            }
        }
    }
}

fn remove_indicator(items: &mut [Item], wanted: &str) -> bool {
    fn walk(items: &mut Vec<StructureItem>, wanted: &str) -> bool {
        let before = items.len();
        items.retain(
            |i| !matches!(i, StructureItem::Indicator(x) if is_named(&x.name, &x.aliases, wanted)),
        );
        let mut found = items.len() != before;
        for item in items.iter_mut() {
            if let StructureItem::Group(g) = item {
                found |= walk(&mut g.items, wanted);
            }
        }
        found
    }
    let mut found = false;
    for item in items {
        if let Item::Section(s) = item {
            found |= walk(&mut s.items, wanted);
        }
    }
    found
}

fn check_ids(file: &RuleFile) -> Vec<String> {
    file.items
        .iter()
        .filter_map(|i| match i {
            Item::Check(c) => Some(c.id.node.clone()),
            _ => None,
        })
        .collect()
}

fn vocabulary_names(file: &RuleFile) -> Vec<String> {
    file.items
        .iter()
        .filter_map(|i| match i {
            Item::Vocabulary(v) => v.name.as_ref().map(|n| n.node.clone()),
            _ => None,
        })
        .collect()
}

fn section_names(file: &RuleFile) -> Vec<String> {
    file.items
        .iter()
        .filter_map(|i| match i {
            Item::Section(s) => Some(s.name.node.clone()),
            _ => None,
        })
        .collect()
}

fn group_names(file: &RuleFile) -> Vec<String> {
    let mut out = Vec::new();
    for item in &file.items {
        if let Item::Section(s) = item {
            for g in &s.items {
                if let StructureItem::Group(g) = g {
                    out.push(g.name.node.clone());
                }
            }
        }
    }
    out
}

fn default_forms(file: &RuleFile) -> Vec<String> {
    let mut out = Vec::new();
    for item in &file.items {
        if let Item::Defaults(d) = item {
            out.extend(d.methods.iter().map(|m| m.form.node.keyword().to_string()));
        }
    }
    out
}
