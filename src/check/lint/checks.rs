//! Checks that never fire (or always do), messages that quote a name the policy does not
//! have, and Chinese and English messages that quote different figures.

use super::{Lint, LintKind};
use crate::check::names;
use crate::fmt::expr;
use crate::syntax::ast::{
    Check, Expr, ExprKind, Item, Message, MessagePart, RuleFile, StructureItem, WordPattern,
};

pub fn checks(file: &RuleFile, out: &mut Vec<Lint>) {
    let known = known_names(file);
    for item in &file.items {
        let Item::Check(check) = item else { continue };
        constant(check, out);
        quoted(&check.message, &known, out);
        if let Some(en) = &check.message_en {
            quoted(en, &known, out);
            figures(&check.message, en, out);
        }
    }
}

/// A condition that reads nothing of the report is the same for every indicator or row.
fn constant(check: &Check, out: &mut Vec<Lint>) {
    for (clause, e) in [("when", &check.when), ("require", &check.require)] {
        if let Some(e) = e {
            if !reads(e) {
                out.push(Lint::new(LintKind::ConstantCondition { clause }, e.span));
            }
        }
    }
}

fn reads(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Path(_) => true,
        ExprKind::Literal(_) | ExprKind::Text(_) | ExprKind::Bool(_) => false,
        ExprKind::Call { args, .. } | ExprKind::List(args) => args.iter().any(reads),
        ExprKind::Unary(_, x) => reads(x),
        ExprKind::Binary(_, l, r) => reads(l) || reads(r),
        ExprKind::If(c, a, b) => reads(c) || reads(a) || reads(b),
    }
}

/// Names a message may quote: indicators, sections and groups with their aliases, and the
/// words of the vocabularies.
fn known_names(file: &RuleFile) -> Vec<String> {
    fn structure(items: &[StructureItem], out: &mut Vec<String>) {
        for item in items {
            match item {
                StructureItem::Indicator(i) => out.extend(
                    std::iter::once(&i.name)
                        .chain(&i.aliases)
                        .map(|n| n.node.clone()),
                ),
                StructureItem::Group(g) => {
                    out.extend(
                        std::iter::once(&g.name)
                            .chain(&g.aliases)
                            .map(|n| n.node.clone()),
                    );
                    structure(&g.items, out);
                }
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    for item in &file.items {
        match item {
            Item::Section(s) => {
                out.extend(
                    std::iter::once(&s.name)
                        .chain(&s.aliases)
                        .map(|n| n.node.clone()),
                );
                structure(&s.items, &mut out);
            }
            Item::Vocabulary(v) => {
                for class in &v.classes {
                    for p in &class.patterns {
                        if let WordPattern::Exact(w) | WordPattern::Prefix(w) = &p.node {
                            out.push(w.clone());
                        }
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// Text in “…”, 「…」 or 『…』 inside one stretch of a message's text (a quoted `{figure}`
/// is not a name written in the rule file).
fn quoted(message: &Message, known: &[String], out: &mut Vec<Lint>) {
    let keys: Vec<String> = known.iter().map(|k| names::key(k)).collect();
    for part in &message.parts {
        let MessagePart::Text(text) = part else {
            continue;
        };
        for (open, close) in [('“', '”'), ('「', '」'), ('『', '』')] {
            let mut rest = text.as_str();
            while let Some(start) = rest.find(open) {
                let after = &rest[start + open.len_utf8()..];
                let Some(end) = after.find(close) else { break };
                let name = &after[..end];
                if !name.is_empty() && !keys.contains(&names::key(name)) {
                    out.push(Lint::new(
                        LintKind::MessageNamesUnknown {
                            name: name.to_string(),
                            suggestion: names::closest(name, known.iter().map(String::as_str)),
                        },
                        message.span,
                    ));
                }
                rest = &after[end + close.len_utf8()..];
            }
        }
    }
}

/// The figures a message quotes, as written canonically, sorted.
fn quotes(message: &Message) -> Vec<String> {
    let mut out: Vec<String> = message
        .parts
        .iter()
        .filter_map(|p| match p {
            MessagePart::Expr(e) => Some(expr::expr(e)),
            MessagePart::Text(_) => None,
        })
        .collect();
    out.sort();
    out
}

fn figures(zh: &Message, en: &Message, out: &mut Vec<Lint>) {
    let set = |m: &Message| {
        let mut v = quotes(m);
        v.dedup();
        v
    };
    let (a, b) = (set(zh), set(en));
    let only = |from: &[String], other: &[String]| -> Vec<String> {
        from.iter()
            .filter(|x| !other.contains(x))
            .map(|x| format!("{{{x}}}"))
            .collect()
    };
    let (only_zh, only_en) = (only(&a, &b), only(&b, &a));
    if only_zh.is_empty() && only_en.is_empty() {
        return;
    }
    out.push(Lint::new(
        LintKind::MessagesDiffer { only_zh, only_en },
        en.span,
    ));
}
