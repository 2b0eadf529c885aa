//! Qualitative actuals: a word is classed achieved / partly / not achieved by the
//! vocabulary, and scores the default share of its class.

use super::{arith, Computed};
use crate::check::names;
use crate::check::policy::{VocabularyRule, WordClassRule};
use crate::decimal::Dec;
use crate::scorecard::{Judged, Problem, Working};
use crate::value::ShortStr;

/// The class of `word` against `target`: the actual written as the target is (when a
/// class holds `same_as_target`), then an exact word, then the longest matching prefix (the
/// last written of those as long). The vocabulary has them indexed ([`VocabularyRule`]).
#[inline]
pub fn classify<'v>(
    vocabulary: &'v VocabularyRule,
    word: &str,
    target: &str,
) -> Option<(&'v WordClassRule, bool)> {
    let class = |i: usize| vocabulary.classes.get(i);
    if let Some(i) = vocabulary.same_as_target {
        if names::same(word, target) {
            return class(i).map(|c| (c, true));
        }
    }
    let i = match vocabulary.exact.get(word) {
        Some(&i) => i,
        None => vocabulary
            .prefixes
            .iter()
            .find(|(prefix, _)| word.starts_with(prefix.as_str()))
            .map(|&(_, i)| i)?,
    };
    class(i).map(|c| (c, false))
}

/// w × the class's default share, or the auditor's judgement inside the class's band
/// (already checked against it).
#[inline]
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

#[cfg(test)]
mod tests {
    use super::classify;
    use crate::source::Sources;

    #[test]
    fn a_word_two_classes_hold_is_the_first_class_s_and_prefixes_come_after_words_longest_first() {
        let text = r#"
policy "测试" {
  year 2021
  full_marks 100
  grades { 优 >= 90, 差 }
}
vocabulary {
  partly 60%: "完成", prefix "较", prefix "未"
  achieved 100%: same_as_target, "完成", "较好"
  not_achieved 0%: prefix "未", prefix "较差"
}
section "甲" { any indicator }
default { word: qualitative }
"#;
        let mut sources = Sources::new();
        let id = sources.add("test.pr", text);
        let file = crate::syntax::parse(id, text).expect("parses");
        let policy = crate::check::check(sources, id, &file).expect("checks");
        let vocabulary = &policy.vocabularies[0];
        let class = |word: &str, target: &str| {
            classify(vocabulary, word, target).map(|(c, same)| (c.class.keyword(), same))
        };
        assert_eq!(class("完成", "其他"), Some(("partly", false)));
        assert_eq!(class("较好", "其他"), Some(("achieved", false)));
        assert_eq!(class("较少", "其他"), Some(("partly", false)));
        // the longest prefix; of prefixes as long, the one written last
        assert_eq!(class("较差", "其他"), Some(("not_achieved", false)));
        assert_eq!(class("未完成", "其他"), Some(("not_achieved", false)));
        assert_eq!(class("完成", "完成"), Some(("achieved", true)));
        assert_eq!(class("良好", "其他"), None);
    }
}
