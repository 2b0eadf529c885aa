//! Messages of the static analyses (`perfrules::lint::*`).

use super::{did_you_mean, form_name, Lang};
use crate::check::lint::{Level, Lint, LintKind, NeverApplies, ShadowedBy};
use crate::t;

pub fn lint_message(lint: &Lint, lang: Lang) -> String {
    use LintKind::*;
    match &lint.kind {
        PointsDoNotSum {
            level: Level::Policy,
            expected,
            sum,
            ..
        } => t!(
            lang,
            "各一级指标的分值合计 {sum}，不等于满分 {expected}",
            "the sections' points sum to {sum}, not the full marks of {expected}"
        ),
        PointsDoNotSum {
            level,
            name,
            expected,
            sum,
            open,
        } => {
            let what = match (level, lang) {
                (Level::Group, Lang::Zh) => "二级指标",
                (Level::Group, Lang::En) => "group",
                (_, Lang::Zh) => "一级指标",
                (_, Lang::En) => "section",
            };
            if *open {
                t!(
                    lang,
                    "{what}“{name}”应为 {expected} 分，但本规则固定的分值已合计 {sum}",
                    "{what} “{name}” should have {expected} points, but the points this policy fixes already sum to {sum}"
                )
            } else {
                t!(
                    lang,
                    "{what}“{name}”应为 {expected} 分，其下指标的分值合计 {sum}",
                    "{what} “{name}” should have {expected} points, but its indicators' points sum to {sum}"
                )
            }
        }
        BandGap { gap } => t!(
            lang,
            "实际值 B 满足 {gap} 时不落在任何一档",
            "actuals with {gap} fall in no band"
        ),
        BandOverlap { overlap } => t!(
            lang,
            "两档都包含实际值 {overlap}",
            "two bands both take actuals of {overlap}"
        ),
        BandEndUnclear { end, both: true } => t!(
            lang,
            "分档端点 {end} 同时属于相邻两档",
            "the end {end} belongs to both neighbouring bands"
        ),
        BandEndUnclear { end, both: false } => t!(
            lang,
            "分档端点 {end} 不属于相邻任何一档",
            "the end {end} belongs to neither neighbouring band"
        ),
        DefaultNeverApplies { form, .. } => {
            let form = form_name(*form, lang);
            t!(
                lang,
                "{form}目标的默认计分方法从不适用",
                "the default method for {form} targets never applies"
            )
        }
        VocabularyNeverUsed { name: Some(n) } => t!(
            lang,
            "词表“{n}”没有被任何 qualitative 方法选用",
            "no `qualitative` method chooses vocabulary “{n}”"
        ),
        VocabularyNeverUsed { name: None } => t!(
            lang,
            "未命名的词表没有被任何 qualitative 方法选用",
            "no `qualitative` method chooses the unnamed vocabulary"
        ),
        WordShadowed { word, .. } => t!(
            lang,
            "词表中的 `{word}` 从不起作用",
            "`{word}` in the vocabulary never decides a class"
        ),
        DeductionNeverReachesFloor { most, lowest } => t!(
            lang,
            "扣分最多扣 {most} 分，得分不会低于 {lowest}，扣不完",
            "at most {most} can be deducted, so the score never falls below {lowest}"
        ),
        DeductionStepExceedsPoints { amount, points } => t!(
            lang,
            "每档扣 {amount} 分，超过该指标的分值 {points}",
            "one step deducts {amount}, more than the indicator's {points} points"
        ),
        ConstantCondition { clause } => t!(
            lang,
            "`{clause}` 条件不读取报告中的任何数据",
            "the `{clause}` condition reads nothing of the report"
        ),
        MessageNamesUnknown { name, .. } => t!(
            lang,
            "提示信息引用了“{name}”，本规则没有这个名称",
            "the message quotes “{name}”, a name this policy does not have"
        ),
        MessagesDiffer { .. } => t!(
            lang,
            "中文与英文提示引用的数据不同",
            "the Chinese and English messages quote different figures"
        ),
        NoYears => t!(
            lang,
            "policy 头没有写适用年度",
            "the policy header names no year"
        ),
        YearNotAfterExtended { year, extended } => t!(
            lang,
            "本文件适用于 {year} 年，不晚于所继承规则的 {extended} 年",
            "this file applies from {year}, no later than the {extended} of the file it extends"
        ),
        GradeUnreachable { grade, min, full } => t!(
            lang,
            "等级“{grade}”的分数线 {min} 高于满分 {full}，没有总分能达到",
            "grade “{grade}” starts at {min}, above the full marks of {full}: no total reaches it"
        ),
    }
}

pub fn lint_label(lint: &Lint, lang: Lang) -> String {
    use LintKind::*;
    match &lint.kind {
        PointsDoNotSum { .. } => t!(lang, "分值不符", "points do not sum"),
        BandGap { .. } => t!(lang, "此处有空档", "gap here"),
        BandOverlap { .. } | BandEndUnclear { .. } => {
            t!(lang, "与相邻一档冲突", "clashes with its neighbour")
        }
        DefaultNeverApplies { .. } | VocabularyNeverUsed { .. } | WordShadowed { .. } => {
            t!(lang, "从不适用", "never applies")
        }
        DeductionNeverReachesFloor { .. } | DeductionStepExceedsPoints { .. } => {
            t!(lang, "扣分", "deduction")
        }
        ConstantCondition { .. } => t!(lang, "条件恒定", "always the same"),
        MessageNamesUnknown { .. } => t!(lang, "未知名称", "unknown name"),
        MessagesDiffer { .. } => t!(lang, "与中文不一致", "differs from the Chinese"),
        NoYears | YearNotAfterExtended { .. } => t!(lang, "年度", "year"),
        GradeUnreachable { .. } => t!(lang, "达不到", "unreachable"),
    }
}

/// The second label of a lint, over the place it relates to.
pub fn lint_related_label(lint: &Lint, lang: Lang) -> String {
    use LintKind::*;
    match &lint.kind {
        WordShadowed { .. } => t!(lang, "起作用的是这里", "this one decides"),
        _ => t!(lang, "相邻的一档", "the neighbouring band"),
    }
}

pub fn lint_help(lint: &Lint, lang: Lang) -> String {
    use LintKind::*;
    match &lint.kind {
        PointsDoNotSum { .. } => t!(
            lang,
            "改正分值，或改正声明的 `points`",
            "correct the indicators' points or the declared `points`"
        ),
        BandGap { .. } => t!(
            lang,
            "落在空档的实际值无法计分（perfrules::eval::no_band）：补上这一档，或调整相邻档的端点",
            "an actual in the gap cannot be scored (perfrules::eval::no_band): add a band for it or move the neighbouring ends"
        ),
        BandOverlap { .. } => t!(
            lang,
            "重叠部分由先写的一档计分；让每个实际值只属于一档",
            "the band written first would score the overlap: make every actual belong to one band"
        ),
        BandEndUnclear { both: true, .. } => t!(
            lang,
            "端点只能属于一档：把其中一档的 `<=` 改为 `<`（政策文字如“80%（含）–90%”要写明 90% 归哪一档）",
            "an end belongs to one band: change one `<=` to `<` (a policy's “80%(含)–90%” must say which band 90% is in)"
        ),
        BandEndUnclear { both: false, .. } => t!(
            lang,
            "端点本身不落在任何一档：把其中一档的 `<` 改为 `<=`",
            "the end itself falls in no band: change one `<` to `<=`"
        ),
        DefaultNeverApplies {
            why: NeverApplies::Shadowed,
            ..
        } => t!(
            lang,
            "其下每个指标都有自己的 `score` 或更近的默认方法；删去这一条，或删去遮盖它的设定",
            "every indicator under it has its own `score` or a nearer default: remove this entry or the one that hides it"
        ),
        DefaultNeverApplies {
            why: NeverApplies::NoSuchTarget,
            ..
        } => t!(
            lang,
            "其下没有指标的目标是这种写法；删去这一条",
            "no indicator under it has a target of this form: remove this entry"
        ),
        VocabularyNeverUsed { .. } => t!(
            lang,
            "用 `qualitative 名称` 选用它，或删去它",
            "choose it with `qualitative name`, or remove it"
        ),
        WordShadowed {
            by: ShadowedBy::Earlier(class),
            ..
        } => t!(
            lang,
            "同一个词已写在前面的 `{class}` 中，按先写的归类；删去重复的一处",
            "the same word is written earlier, in `{class}`, which decides: remove one of them"
        ),
        WordShadowed {
            by: ShadowedBy::LaterPrefix(class),
            ..
        } => t!(
            lang,
            "同一前缀又写在后面的 `{class}` 中，按后写的归类；删去重复的一处",
            "the same prefix is written again later, in `{class}`, which decides: remove one of them"
        ),
        WordShadowed {
            by: ShadowedBy::NotDone,
            ..
        } => t!(
            lang,
            "actuals 的 not_done 已把这个词计为未开展（0 分），词表不会再读到它",
            "`not_done` in `actuals` scores this word 0 before the vocabulary is read"
        ),
        DeductionNeverReachesFloor { .. } => t!(
            lang,
            "实际值最低为 0：加大每档扣分，或确认“扣完为止”确实达不到",
            "an actual cannot go below 0: deduct more per step, or make sure the floor is meant to be out of reach"
        ),
        DeductionStepExceedsPoints { .. } => t!(
            lang,
            "差一档即失全部分值；检查扣分数与分值是否写反",
            "one step loses every point: check that the deduction and the points are not swapped"
        ),
        ConstantCondition { clause } => t!(
            lang,
            "`{clause}` 对每个对象结果都一样，这条检查要么总是提示，要么从不提示",
            "`{clause}` comes out the same for everything the check runs over: it always fires or never does"
        ),
        MessageNamesUnknown {
            suggestion: Some(s),
            ..
        } => did_you_mean(lang, s),
        MessageNamesUnknown { .. } => t!(
            lang,
            "引号中的名称应是本规则的指标、一级或二级指标、或词表中的词",
            "a quoted name should be an indicator, section, group or vocabulary word of this policy"
        ),
        MessagesDiffer { only_zh, only_en } => {
            let zh = only_zh.join(" ");
            let en = only_en.join(" ");
            let parts = [
                (!zh.is_empty()).then(|| t!(lang, "只在中文中：{zh}", "only in the Chinese: {zh}")),
                (!en.is_empty()).then(|| t!(lang, "只在英文中：{en}", "only in the English: {en}")),
            ];
            let sep = t!(lang, "；", "; ");
            parts.into_iter().flatten().collect::<Vec<_>>().join(&sep)
        }
        NoYears => t!(
            lang,
            "写上 `year 2021` 或 `years 2020..2024`，否则任何年度的报告都按它评分且不提示",
            "write `year 2021` or `years 2020..2024`; otherwise reports of any year are scored by it without a word"
        ),
        YearNotAfterExtended { .. } => t!(
            lang,
            "逐年修订的规则应适用于更晚的年度：改正 `year`",
            "a policy revised year over year should apply to a later year: correct `year`"
        ),
        GradeUnreachable { .. } => t!(
            lang,
            "降低分数线，或改正 full_marks",
            "lower the threshold or correct `full_marks`"
        ),
    }
}
