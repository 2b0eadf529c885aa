//! Vocabularies no method chooses, and words that never decide a class: a word written
//! twice (the first class wins), a prefix written twice (the last class wins), a word that
//! `not_done` already scores 0.

use super::{Lint, LintKind, ShadowedBy};
use crate::source::Span;
use crate::syntax::ast::{ActualsSetting, Item, Method, RuleFile, WordPattern};

pub fn vocabularies(file: &RuleFile, out: &mut Vec<Lint>) {
    let chosen: Vec<Option<String>> = super::methods(file)
        .into_iter()
        .filter_map(|m| match &m.node {
            Method::Qualitative(name) => Some(name.as_ref().map(|n| n.node.clone())),
            _ => None,
        })
        .collect();
    let not_done: Vec<(String, Span)> = file
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Actuals(a) => Some(a),
            _ => None,
        })
        .flat_map(|a| &a.settings)
        .filter_map(|s| match s {
            ActualsSetting::NotDone { words, .. } => Some(words),
            _ => None,
        })
        .flatten()
        .map(|w| (w.node.clone(), w.span))
        .collect();
    for item in &file.items {
        let Item::Vocabulary(v) = item else { continue };
        let name = v.name.as_ref().map(|n| n.node.clone());
        if !chosen.contains(&name) {
            let span = v.name.as_ref().map_or(v.span, |n| n.span);
            out.push(Lint::new(LintKind::VocabularyNeverUsed { name }, span));
        }
        let mut words: Vec<(&str, Span, &'static str)> = Vec::new();
        let mut same: Option<(Span, &'static str)> = None;
        let mut prefixes: Vec<(&str, Span, &'static str)> = Vec::new();
        for class in &v.classes {
            let keyword = class.class.node.keyword();
            for pattern in &class.patterns {
                match &pattern.node {
                    WordPattern::Exact(word) => {
                        if let Some((_, first, by)) = words.iter().find(|(w, _, _)| w == word) {
                            out.push(
                                Lint::new(
                                    LintKind::WordShadowed {
                                        word: word.clone(),
                                        by: ShadowedBy::Earlier(by),
                                    },
                                    pattern.span,
                                )
                                .related(*first),
                            );
                        } else if let Some((_, at)) = not_done.iter().find(|(w, _)| w == word) {
                            out.push(
                                Lint::new(
                                    LintKind::WordShadowed {
                                        word: word.clone(),
                                        by: ShadowedBy::NotDone,
                                    },
                                    pattern.span,
                                )
                                .related(*at),
                            );
                        } else {
                            words.push((word, pattern.span, keyword));
                        }
                    }
                    WordPattern::SameAsTarget => match same {
                        Some((first, by)) => out.push(
                            Lint::new(
                                LintKind::WordShadowed {
                                    word: "same_as_target".into(),
                                    by: ShadowedBy::Earlier(by),
                                },
                                pattern.span,
                            )
                            .related(first),
                        ),
                        None => same = Some((pattern.span, keyword)),
                    },
                    WordPattern::Prefix(prefix) => {
                        // of two equal prefixes the later one decides
                        if let Some(i) = prefixes.iter().position(|(p, _, _)| p == prefix) {
                            let (_, earlier, _) = prefixes.remove(i);
                            out.push(
                                Lint::new(
                                    LintKind::WordShadowed {
                                        word: format!("prefix \"{prefix}\""),
                                        by: ShadowedBy::LaterPrefix(keyword),
                                    },
                                    earlier,
                                )
                                .related(pattern.span),
                            );
                        }
                        prefixes.push((prefix, pattern.span, keyword));
                    }
                }
            }
        }
    }
}
