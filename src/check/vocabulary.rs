//! Vocabularies of qualitative actuals, and the `actuals` block.

use super::error::{CheckError, ShareProblem};
use super::policy::{NotDone, ShareRule, VocabularyRule, WordClassRule};
use super::Checker;
use crate::decimal::Dec;
use crate::interval::{End, Interval};
use crate::source::{Span, Spanned};
use crate::syntax::ast::{ActualsSetting, ClaimedMode, Item, RuleFile, Share, WordPattern};
use std::collections::HashMap;

impl Checker {
    pub(super) fn vocabularies(&mut self, file: &RuleFile) -> Vec<VocabularyRule> {
        let mut seen: HashMap<Option<String>, Span> = HashMap::new();
        let mut rules = Vec::new();
        for item in &file.items {
            let Item::Vocabulary(v) = item else { continue };
            let name = v.name.as_ref().map(|n| n.node.clone());
            let span = v.name.as_ref().map_or(v.span, |n| n.span);
            if let Some(first) = seen.insert(name.clone(), span) {
                self.errors.push(CheckError::DuplicateVocabulary {
                    span,
                    first,
                    name: name.clone(),
                });
            }
            let mut classes: Vec<WordClassRule> = Vec::new();
            for class in &v.classes {
                if let Some(first) = classes.iter().find(|c| c.class == class.class.node) {
                    self.errors.push(CheckError::DuplicateWordClass {
                        span: class.class.span,
                        first: first.span,
                        class: class.class.node.keyword(),
                    });
                }
                let share = self.share(&class.share);
                classes.push(WordClassRule {
                    class: class.class.node,
                    share,
                    patterns: class.patterns.clone(),
                    span: class.span,
                });
            }
            let mut exact = super::names::NameIndex::default();
            for (i, class) in classes.iter().enumerate() {
                for pattern in &class.patterns {
                    if let WordPattern::Exact(word) = &pattern.node {
                        exact.entry(word.clone()).or_insert(i);
                    }
                }
            }
            let same_as_target = classes.iter().position(|c| {
                c.patterns
                    .iter()
                    .any(|p| p.node == WordPattern::SameAsTarget)
            });
            let mut prefixes: Vec<(String, usize)> = classes
                .iter()
                .enumerate()
                .flat_map(|(i, c)| {
                    c.patterns.iter().filter_map(move |p| match &p.node {
                        WordPattern::Prefix(prefix) => Some((prefix.clone(), i)),
                        _ => None,
                    })
                })
                .collect();
            // Longest first; a stable sort of the reversed list keeps the last written first
            // among prefixes as long.
            prefixes.reverse();
            prefixes.sort_by_key(|(prefix, _)| std::cmp::Reverse(prefix.chars().count()));
            rules.push(VocabularyRule {
                name,
                classes,
                exact,
                same_as_target,
                prefixes,
                span: v.span,
            });
        }
        rules
    }

    fn share(&mut self, share: &Share) -> ShareRule {
        let in_range = |d: Dec| d >= Dec::ZERO && d <= Dec::HUNDRED;
        match share {
            Share::Fixed(s) => {
                if !in_range(s.node) {
                    self.errors.push(CheckError::BadShare {
                        span: s.span,
                        problem: ShareProblem::OutOfRange,
                    });
                }
                ShareRule::fixed(s.node)
            }
            Share::Band {
                low,
                high,
                default,
                span,
            } => {
                let band = Interval::new(
                    Some(End::new(low.value.node, low.inclusive)),
                    Some(End::new(high.value.node, high.inclusive)),
                );
                let rule = ShareRule {
                    band,
                    default: default.node,
                };
                for end in [&low.value, &high.value, default] {
                    if !in_range(end.node) {
                        self.errors.push(CheckError::BadShare {
                            span: end.span,
                            problem: ShareProblem::OutOfRange,
                        });
                    }
                }
                if low.value.node > high.value.node {
                    self.errors.push(CheckError::BadShare {
                        span: *span,
                        problem: ShareProblem::Reversed,
                    });
                } else if !rule.band.contains(rule.default) {
                    self.errors.push(CheckError::BadShare {
                        span: default.span,
                        problem: ShareProblem::DefaultOutside,
                    });
                }
                rule
            }
        }
    }

    /// `actuals { not_done … claimed_bound … }`; a claimed bound counts as its bound unless
    /// the policy says otherwise.
    pub(super) fn actuals(
        &mut self,
        file: &RuleFile,
        header_span: Span,
    ) -> (NotDone, Spanned<ClaimedMode>) {
        let mut not_done = NotDone::default();
        let mut claimed: Option<Spanned<ClaimedMode>> = None;
        for item in &file.items {
            let Item::Actuals(block) = item else { continue };
            for setting in &block.settings {
                match setting {
                    ActualsSetting::NotDone { words, empty, span } => {
                        if let Some(first) = not_done.span {
                            self.errors.push(CheckError::DuplicateActualsSetting {
                                span: *span,
                                first,
                                setting: "not_done",
                            });
                            continue;
                        }
                        not_done = NotDone {
                            words: words.iter().map(|w| w.node.clone()).collect(),
                            empty: empty.is_some(),
                            span: Some(*span),
                        };
                    }
                    ActualsSetting::ClaimedBound(mode) => {
                        if let Some(first) = &claimed {
                            self.errors.push(CheckError::DuplicateActualsSetting {
                                span: mode.span,
                                first: first.span,
                                setting: "claimed_bound",
                            });
                            continue;
                        }
                        claimed = Some(*mode);
                    }
                }
            }
        }
        (
            not_done,
            claimed.unwrap_or(Spanned::new(ClaimedMode::AsBound, header_span)),
        )
    }
}
