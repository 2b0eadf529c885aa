//! Messages for what the checker refuses.

use super::{did_you_mean, form_name, Lang};
use crate::check::{CheckError, NameKind, NameSpace, ShareProblem, TypeHint};
use crate::t;

pub fn check_error(e: &CheckError, lang: Lang) -> String {
    use CheckError::*;
    match e {
        Lint(lint) => super::lint::lint_message(lint, lang),
        Unresolved { .. } => t!(
            lang,
            "`extends`、`override` 与 `remove` 只在从文件读入规则时处理",
            "`extends`, `override` and `remove` are resolved only when a rule file is read from its folder"
        ),
        NoPolicy { .. } => t!(
            lang,
            "规则文件没有 `policy \"…\" {{ … }}` 头",
            "the rule file has no `policy \"…\" {{ … }}` header"
        ),
        DuplicatePolicy { .. } => t!(
            lang,
            "规则文件有第二个 policy 头",
            "the rule file has a second policy header"
        ),
        DuplicateSetting { setting, .. } => {
            t!(lang, "`{setting}` 写了两次", "`{setting}` is set twice")
        }
        MissingSetting { setting, .. } => t!(
            lang,
            "policy 头缺少 `{setting}`",
            "the policy header has no `{setting}`"
        ),
        YearsReversed { .. } => t!(lang, "适用年度的起止颠倒", "the years run backwards"),
        GradesNotDescending {
            grade, previous, ..
        } => {
            t!(
                lang,
                "等级“{grade}”的分数线不低于前一个等级“{previous}”",
                "grade “{grade}” starts no lower than the grade before it, “{previous}”"
            )
        }
        GradeWithoutThreshold { grade, .. } => t!(
            lang,
            "等级“{grade}”没有分数线，但它不是最后一个等级",
            "grade “{grade}” has no threshold but is not the last grade"
        ),
        LastGradeHasThreshold { grade, .. } => t!(
            lang,
            "最后一个等级“{grade}”不应有分数线",
            "the last grade, “{grade}”, should have no threshold"
        ),
        DuplicateGrade { grade, .. } => t!(
            lang,
            "等级“{grade}”写了两次",
            "grade “{grade}” is written twice"
        ),
        DuplicateUnit { unit, .. } => t!(
            lang,
            "单位“{unit}”声明了两次",
            "unit “{unit}” is declared twice"
        ),
        UnknownUnit { unit, .. } => t!(
            lang,
            "单位“{unit}”没有在 units 中声明",
            "unit “{unit}” is not declared in `units`"
        ),
        ConversionCycle { unit, .. } => t!(
            lang,
            "单位“{unit}”的换算绕回了自身",
            "the conversions of unit “{unit}” go round in a circle"
        ),
        DuplicateVocabulary { name: Some(n), .. } => t!(
            lang,
            "词表“{n}”定义了两次",
            "vocabulary “{n}” is defined twice"
        ),
        DuplicateVocabulary { name: None, .. } => t!(
            lang,
            "有两个未命名的词表",
            "there are two unnamed vocabularies"
        ),
        DuplicateWordClass { class, .. } => t!(
            lang,
            "词表中 `{class}` 写了两次",
            "`{class}` appears twice in the vocabulary"
        ),
        BadShare {
            problem: ShareProblem::OutOfRange,
            ..
        } => t!(
            lang,
            "比例应在 0% 到 100% 之间",
            "a share must lie between 0% and 100%"
        ),
        BadShare {
            problem: ShareProblem::Reversed,
            ..
        } => t!(
            lang,
            "分档的下限高于上限",
            "the band's low end is above its high end"
        ),
        BadShare {
            problem: ShareProblem::DefaultOutside,
            ..
        } => t!(
            lang,
            "默认比例不在分档之内",
            "the default share lies outside its band"
        ),
        UnknownVocabulary { name: Some(n), .. } => t!(
            lang,
            "没有名为“{n}”的词表",
            "there is no vocabulary named “{n}”"
        ),
        UnknownVocabulary { name: None, .. } => t!(
            lang,
            "qualitative 需要一个未命名的 vocabulary 块",
            "`qualitative` needs an unnamed vocabulary block"
        ),
        DuplicateActualsSetting { setting, .. } => {
            t!(lang, "`{setting}` 写了两次", "`{setting}` is set twice")
        }
        DuplicateName { name, what, .. } => {
            let what = name_kind(*what, lang);
            t!(
                lang,
                "{what}“{name}”与前面的名称或别名重复",
                "{what} “{name}” repeats a name or alias used before"
            )
        }
        DuplicateOpenRule { .. } => t!(
            lang,
            "同一处写了两个 `any indicator`",
            "`any indicator` appears twice in one place"
        ),
        MethodDoesNotFit { method, form, .. } => {
            let form = form_name(*form, lang);
            t!(
                lang,
                "`{method}` 不能为{form}目标计分",
                "`{method}` cannot score a target of the form {form}"
            )
        }
        StepNotPositive { .. } => t!(
            lang,
            "扣分的步长必须大于 0",
            "a deduction's step must be more than 0"
        ),
        UnitsDoNotMatch { left, right, .. } => t!(
            lang,
            "单位“{right}”不能与“{left}”比较",
            "unit “{right}” cannot be compared with “{left}”"
        ),
        EmptyBand { .. } => t!(
            lang,
            "这个分档是空的：没有实际值能落在其中",
            "this band is empty: no actual can fall in it"
        ),
        UnknownName {
            name,
            kind: NameSpace::Field,
            ..
        } if name.is_empty() => t!(lang, "这里缺少字段名", "a field name is missing here"),
        UnknownName { name, kind, .. } => match kind {
            NameSpace::Field => t!(lang, "没有字段 `{name}`", "there is no field `{name}`"),
            NameSpace::Root => t!(
                lang,
                "不认识名称 `{name}`",
                "`{name}` is not a name this expression can read"
            ),
            NameSpace::Function => t!(lang, "没有函数 `{name}`", "there is no function `{name}`"),
        },
        NotBoundHere { name, context, .. } => match *context {
            "derived" => t!(
                lang,
                "复算实际值时不能读取 `{name}`",
                "a derived actual cannot read `{name}`"
            ),
            "report" => t!(
                lang,
                "这个检查没有 `for each`，不能读取 `{name}`",
                "this check has no `for each`, so it cannot read `{name}`"
            ),
            other => t!(
                lang,
                "这里绑定的是 `{other}`，不能读取 `{name}`",
                "this check binds `{other}`, not `{name}`"
            ),
        },
        WrongArity {
            function,
            expected,
            found,
            ..
        } => {
            t!(
                lang,
                "`{function}` 需要 {expected} 个参数，这里有 {found} 个",
                "`{function}` takes {expected} arguments, not {found}"
            )
        }
        TypeMismatch {
            operator,
            left,
            right,
            ..
        } if right.is_empty() => {
            let left = type_name(left, lang);
            t!(
                lang,
                "`{operator}` 不能用于{left}",
                "`{operator}` cannot be applied to {left}"
            )
        }
        TypeMismatch {
            operator,
            left,
            right,
            ..
        } => {
            let (left, right) = (type_name(left, lang), type_name(right, lang));
            t!(
                lang,
                "`{operator}` 不能连接{left}与{right}",
                "`{operator}` cannot combine {left} with {right}"
            )
        }
        NotACondition { found, .. } => {
            let found = type_name(found, lang);
            t!(
                lang,
                "这里需要一个条件（真或假），却是{found}",
                "a condition (true or false) is needed here, not {found}"
            )
        }
        UnknownIndicator { name, .. } => t!(
            lang,
            "规则没有名为“{name}”的指标",
            "the policy has no indicator named “{name}”"
        ),
        DerivedCycle { names, .. } => {
            let chain = names.join(" → ");
            t!(
                lang,
                "复算实际值相互引用：{chain}",
                "derived actuals read each other: {chain}"
            )
        }
        DerivedUnit { target, actual, .. } if actual.is_empty() => {
            t!(
                lang,
                "复算的实际值是没有单位的比值，目标却是“{target}”",
                "the derived actual is a plain ratio but the target is in “{target}”"
            )
        }
        DerivedUnit { target, actual, .. } => t!(
            lang,
            "复算的实际值单位“{actual}”不能与目标“{target}”比较",
            "the derived actual's unit “{actual}” cannot be compared with the target's “{target}”"
        ),
        DuplicateCheck { id, .. } => t!(
            lang,
            "检查 `{id}` 写了两次",
            "check `{id}` is written twice"
        ),
        BadArgument {
            function,
            problem: "places",
            ..
        } => t!(
            lang,
            "`{function}` 的小数位数应为 0 到 28 的整数",
            "the places of `{function}` must be a whole number from 0 to 28"
        ),
        BadArgument { function, .. } => {
            t!(
                lang,
                "`{function}` 的舍入方式应为 \"half_up\"、\"half_even\"、\"down\" 或 \"up\"",
                "the mode of `{function}` must be \"half_up\", \"half_even\", \"down\" or \"up\""
            )
        }
        NoMethod { form, .. } => {
            let form = form_name(*form, lang);
            t!(
                lang,
                "没有为{form}目标指定计分方法",
                "no method scores a target of the form {form}"
            )
        }
        ExecutionIncomplete { missing, .. } => match *missing {
            "points" => t!(
                lang,
                "execution 需要固定分值（points …）",
                "execution needs fixed points (points …)"
            ),
            "target" => t!(
                lang,
                "execution 需要固定目标（target …）",
                "execution needs a fixed target (target …)"
            ),
            _ => t!(
                lang,
                "execution 需要复算的实际值（actual = …）",
                "execution needs a derived actual (actual = …)"
            ),
        },
        DuplicateExecution { .. } => t!(
            lang,
            "规则文件有第二个 execution 块",
            "the rule file has a second execution block"
        ),
        UnknownSection { name, .. } => t!(
            lang,
            "规则没有名为“{name}”的一级指标",
            "the policy has no section named “{name}”"
        ),
        NoExecution { .. } => t!(
            lang,
            "规则没有 execution 块，不能读取 `execution`",
            "the policy has no execution block, so `execution` cannot be read"
        ),
        TooManyIndicators { limit, .. } => t!(
            lang,
            "规则文件列出的指标超过 {limit} 个",
            "the rule file names more than {limit} indicators"
        ),
        TooManyChecks { limit, .. } => t!(
            lang,
            "规则文件的检查超过 {limit} 个",
            "the rule file holds more than {limit} checks"
        ),
        ConversionOutOfRange { unit, .. } => t!(
            lang,
            "`{unit}` 换算到基本单位的倍数超出精确小数的范围",
            "the factor converting `{unit}` to its base unit is beyond exact decimals"
        ),
    }
}

pub fn check_label(e: &CheckError, lang: Lang) -> String {
    use CheckError::*;
    match e {
        Lint(lint) => super::lint::lint_label(lint, lang),
        UnknownName { .. }
        | UnknownIndicator { .. }
        | UnknownUnit { .. }
        | UnknownVocabulary { .. }
        | UnknownSection { .. } => t!(lang, "未知", "not known"),
        TypeMismatch { .. } | NotACondition { .. } | DerivedUnit { .. } => {
            t!(lang, "类型不符", "wrong type")
        }
        MethodDoesNotFit { .. } => t!(lang, "方法与目标不符", "method and target do not fit"),
        NoMethod { .. } => t!(lang, "没有计分方法", "no method"),
        e if e.first().is_some() => t!(lang, "重复", "repeated"),
        _ => t!(lang, "这里", "here"),
    }
}

pub fn check_help(e: &CheckError, lang: Lang) -> Option<String> {
    use CheckError::*;
    match e {
        Lint(lint) => Some(super::lint::lint_help(lint, lang)),
        Unresolved { .. } => Some(t!(
            lang,
            "用 `perfrules::extends::load_text` 读入规则文件",
            "read the rule file with `perfrules::extends::load_text`"
        )),
        UnknownName { suggestion: Some(s), .. }
        | UnknownIndicator { suggestion: Some(s), .. }
        | UnknownUnit { suggestion: Some(s), .. }
        | UnknownVocabulary { suggestion: Some(s), .. }
        | UnknownSection { suggestion: Some(s), .. } => Some(did_you_mean(lang, s)),
        UnknownUnit { unit, .. } => Some(t!(lang, "在 units {{ … }} 中加上 {unit}", "add {unit} to units {{ … }}")),
        TypeMismatch { hint: Some(TypeHint::MultiplyByHundredPercent), .. } => Some(t!(
            lang,
            "百分比不能与普通比值比较：把比值乘以 `100%`，如 `a / b * 100%`",
            "a percentage cannot be compared with a plain ratio: multiply the ratio by `100%`, as in `a / b * 100%`"
        )),
        DerivedUnit { .. } => Some(t!(lang, "把比值乘以 `100%` 得到百分比", "multiply a ratio by `100%` to get a percentage")),
        NoMethod { .. } => Some(t!(lang, "在 default {{ … }} 中为这种目标指定方法，或给指标写 `score …`", "name a method for this form in default {{ … }}, or give the indicator `score …`")),
        MethodDoesNotFit { .. } => Some(t!(
            lang,
            "数值目标用 proportional、reverse_ratio、reverse_linear、deduct、bands；时限目标用 all_or_nothing 或 deduct … late；文字目标用 qualitative",
            "numeric targets take proportional, reverse_ratio, reverse_linear, deduct or bands; deadlines all_or_nothing or deduct … late; words qualitative"
        )),
        GradesNotDescending { .. } | GradeWithoutThreshold { .. } | LastGradeHasThreshold { .. } => {
            Some(t!(lang, "等级从高到低写，最后一个不写分数线：`grades {{ 优 >= 90, 良 >= 80, 中 >= 60, 差 }}`", "write grades highest first, the last without a threshold: `grades {{ 优 >= 90, 良 >= 80, 中 >= 60, 差 }}`"))
        }
        MissingSetting { setting: "grades", .. } => Some(t!(lang, "如 `grades {{ 优 >= 90, 良 >= 80, 中 >= 60, 差 }}`", "for example `grades {{ 优 >= 90, 良 >= 80, 中 >= 60, 差 }}`")),
        MissingSetting { setting: "full_marks", .. } => Some(t!(lang, "如 `full_marks 100`", "for example `full_marks 100`")),
        NotBoundHere { .. } => Some(t!(
            lang,
            "`for each indicator` 绑定 indicator，`for each budget row` 绑定 row，`for each budget parent` 绑定 parent，`for each section` 绑定 section",
            "`for each indicator` binds indicator, `for each budget row` binds row, `for each budget parent` binds parent, `for each section` binds section"
        )),
        DerivedCycle { .. } => Some(t!(lang, "让其中一个实际值直接取自报告或预算执行表", "let one of them read the report or the budget table instead")),
        _ => None,
    }
}

fn name_kind(kind: NameKind, lang: Lang) -> String {
    match kind {
        NameKind::Section => t!(lang, "一级指标", "section"),
        NameKind::Group => t!(lang, "二级指标", "group"),
        NameKind::Indicator => t!(lang, "指标", "indicator"),
    }
}

/// A type as the checker describes it (`percent`, `unit:元`), in words.
fn type_name(ty: &str, lang: Lang) -> String {
    match ty {
        "number" => t!(lang, "数", "a number"),
        "plain" => t!(lang, "无单位的比值", "a plain ratio"),
        "percent" => t!(lang, "百分比", "a percentage"),
        "bool" => t!(lang, "条件", "a condition"),
        "text" => t!(lang, "文字", "text"),
        "value" => t!(lang, "目标或实际值", "a target or actual"),
        "list" => t!(lang, "列表", "a list"),
        other => {
            let unit = other.strip_prefix("unit:").unwrap_or(other);
            t!(lang, "以“{unit}”计的数", "a figure in “{unit}”")
        }
    }
}
