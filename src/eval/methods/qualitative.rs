//! Qualitative actuals: a word is classed achieved / partly / not achieved by the
//! vocabulary, and scores the default share of its class.

use super::{arith, Computed};
use crate::check::names;
use crate::check::policy::{VocabularyRule, WordClassRule};
use crate::decimal::Dec;
use crate::scorecard::{Judged, Problem, Working};
use crate::syntax::ast::WordPattern;
use crate::value::ShortStr;

/// The class of `word` against `target`: the actual written as the target is (when the
/// class holds `same_as_target`), then an exact word, then the longest matching prefix.
pub fn classify<'v>(
    vocabulary: &'v VocabularyRule,
    word: &str,
    target: &str,
) -> Option<(&'v WordClassRule, bool)> {
    let same = names::same(word, target);
    let holds = |c: &&WordClassRule, p: &dyn Fn(&WordPattern) -> bool| {
        c.patterns.iter().any(|x| p(&x.node))
    };
    if same {
        if let Some(c) = vocabulary
            .classes
            .iter()
            .find(|c| holds(c, &|p| *p == WordPattern::SameAsTarget))
        {
            return Some((c, true));
        }
    }
    if let Some(c) = vocabulary
        .exact
        .get(word)
        .and_then(|&i| vocabulary.classes.get(i))
    {
        return Some((c, false));
    }
    vocabulary
        .classes
        .iter()
        .flat_map(|c| {
            c.patterns.iter().filter_map(move |p| match &p.node {
                WordPattern::Prefix(prefix) if word.starts_with(prefix.as_str()) => {
                    Some((prefix.chars().count(), c))
                }
                _ => None,
            })
        })
        .max_by_key(|(len, _)| *len)
        .map(|(_, c)| (c, false))
}

/// w × the class's default share, or the auditor's judgement inside the class's band
/// (already checked against it).
pub fn qualitative(
    class: &WordClassRule,
    same_as_target: bool,
    word: &ShortStr,
    w: Dec,
    judged: Option<Judged>,
) -> Result<Computed, Problem> {
    let share = class.share.default;
    let exact = match &judged {
        Some(j) => j.score,
        None => w
            .percent(share)
            .map_err(arith(|| format!("{w} × {share}%")))?,
    };
    let working = Working::Qualitative {
        word: word.clone(),
        class: class.class,
        share,
        w,
        same_as_target,
        judged: judged.map(Box::new),
    };
    Ok(Computed::new(working, exact))
}

/// A word no class holds, scored by the auditor's judgement.
pub fn judged_unknown(word: &ShortStr, judged: Judged) -> Computed {
    let score = judged.score;
    Computed::new(
        Working::JudgedUnknown {
            word: word.clone(),
            judged: Box::new(judged),
        },
        score,
    )
}
