//! Default methods that no indicator is ever scored by: every indicator under them has its
//! own method or a nearer default for that form, or none can have a target of that form.

use super::{Lint, LintKind, NeverApplies};
use crate::check::methods::fits;
use crate::source::{Span, Spanned};
use crate::syntax::ast::{Defaults, Item, Method, RuleFile, StructureItem};
use crate::value::{TargetForm, Value};
use std::collections::HashSet;

/// The default entries of one place (file, section or group): form and the span of the entry.
type Level = Vec<(TargetForm, Span)>;

/// What the walk learns: entries some indicator is scored by, and entries some indicator
/// could have been scored by (had nothing nearer taken it).
#[derive(Default)]
struct Uses {
    used: HashSet<(u16, u32)>,
    reachable: HashSet<(u16, u32)>,
}

fn key(span: Span) -> (u16, u32) {
    (span.source.0, span.start)
}

fn level(defaults: &[&Defaults]) -> Level {
    defaults
        .iter()
        .flat_map(|d| d.methods.iter())
        .map(|m| (m.form.node, m.form.span))
        .collect()
}

pub fn defaults(file: &RuleFile, out: &mut Vec<Lint>) {
    let top: Vec<&Defaults> = file
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Defaults(d) => Some(d),
            _ => None,
        })
        .collect();
    let mut chain = vec![level(&top)];
    let mut uses = Uses::default();
    for item in &file.items {
        match item {
            Item::Section(s) => walk(&s.items, &mut chain, &mut uses),
            // the budget execution row takes the file-wide defaults
            Item::Execution(e) => {
                place(e.body.score.as_ref(), e.target.as_ref(), &chain, &mut uses)
            }
            _ => {}
        }
    }
    let mut all: Vec<(TargetForm, Span)> = chain.remove(0);
    collect(file, &mut all);
    for (form, span) in all {
        if !uses.used.contains(&key(span)) {
            let why = if uses.reachable.contains(&key(span)) {
                NeverApplies::Shadowed
            } else {
                NeverApplies::NoSuchTarget
            };
            out.push(Lint::new(LintKind::DefaultNeverApplies { form, why }, span));
        }
    }
}

/// Every nested default entry.
fn collect(file: &RuleFile, all: &mut Vec<(TargetForm, Span)>) {
    fn nested(items: &[StructureItem], all: &mut Vec<(TargetForm, Span)>) {
        for item in items {
            match item {
                StructureItem::Defaults(d) => {
                    all.extend(d.methods.iter().map(|m| (m.form.node, m.form.span)))
                }
                StructureItem::Group(g) => nested(&g.items, all),
                _ => {}
            }
        }
    }
    for item in &file.items {
        if let Item::Section(s) = item {
            nested(&s.items, all);
        }
    }
}

fn walk(items: &[StructureItem], chain: &mut Vec<Level>, uses: &mut Uses) {
    let here: Vec<&Defaults> = items
        .iter()
        .filter_map(|i| match i {
            StructureItem::Defaults(d) => Some(d),
            _ => None,
        })
        .collect();
    chain.push(level(&here));
    for item in items {
        match item {
            StructureItem::Group(g) => walk(&g.items, chain, uses),
            StructureItem::Indicator(i) => {
                place(i.body.score.as_ref(), i.target.as_ref(), chain, uses)
            }
            StructureItem::AnyIndicator(a) => place(a.body.score.as_ref(), None, chain, uses),
            StructureItem::Defaults(_) => {}
        }
    }
    chain.pop();
}

/// One indicator (or `any indicator`): for each form its target can take, the default that
/// scores it, unless its own method does.
fn place(
    score: Option<&Spanned<Method>>,
    target: Option<&Spanned<Value>>,
    chain: &[Level],
    uses: &mut Uses,
) {
    let forms: Vec<TargetForm> = match target.map(|t| t.node.target_form()) {
        Some(Some(form)) => vec![form],
        Some(None) => Vec::new(),
        None => TargetForm::ALL.to_vec(),
    };
    for form in forms {
        let own = score.is_some_and(|s| fits(&s.node, form));
        let mut nearest = true;
        for level in chain.iter().rev() {
            for (f, span) in level {
                if *f == form {
                    uses.reachable.insert(key(*span));
                    if nearest && !own {
                        uses.used.insert(key(*span));
                    }
                }
            }
            if level.iter().any(|(f, _)| *f == form) {
                nearest = false;
            }
        }
    }
}
