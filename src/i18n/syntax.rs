//! Messages for errors of reading a rule file.

use super::Lang;
use crate::syntax::grammar::Rule;
use crate::syntax::{Nesting, SyntaxError};
use crate::t;
use crate::value::ValueErrorKind;

pub fn syntax_error(e: &SyntaxError, lang: Lang) -> String {
    match e {
        SyntaxError::Unexpected {
            expected: exp,
            found,
            ..
        } => {
            let wanted = expected(exp, lang);
            match (found.is_empty(), wanted.is_empty()) {
                (true, false) => t!(
                    lang,
                    "文件在此结束，但还需要{wanted}",
                    "the file ends here, but {wanted} is expected"
                ),
                (false, false) => t!(
                    lang,
                    "此处应为{wanted}，却是 `{found}`",
                    "expected {wanted}, found `{found}`"
                ),
                (true, true) => t!(lang, "文件意外结束", "the file ends unexpectedly"),
                (false, true) => t!(
                    lang,
                    "无法理解 `{found}`",
                    "`{found}` is not understood here"
                ),
            }
        }
        SyntaxError::Value { kind, text, .. } => value_error(kind, text, lang),
        SyntaxError::NumberOutOfRange { text, .. } => {
            t!(
                lang,
                "数字 `{text}` 超出精确小数的范围（最多 28 位有效数字）",
                "the number `{text}` is beyond exact decimals (28 significant digits at most)"
            )
        }
        SyntaxError::BadEscape { escape, .. } => t!(
            lang,
            "字符串中不能使用转义 `{escape}`",
            "`{escape}` is not an escape a string may use"
        ),
        SyntaxError::TooManyPlaces { places, .. } => t!(
            lang,
            "小数位数 `{places}` 太多（最多 28 位）",
            "`{places}` decimal places is too many (28 at most)"
        ),
        SyntaxError::BadYear { text, .. } => {
            t!(lang, "`{text}` 不是年份", "`{text}` is not a year")
        }
        SyntaxError::TooDeep {
            limit,
            nesting: Nesting::Brackets,
            ..
        } => t!(
            lang,
            "括号嵌套超过 {limit} 层",
            "brackets nest more than {limit} deep"
        ),
        SyntaxError::TooDeep {
            limit,
            nesting: Nesting::Expression,
            ..
        } => t!(
            lang,
            "表达式超过 {limit} 层（每个运算符、not、负号、括号、函数、列表、if 各算一层）",
            "the expression is more than {limit} levels deep (each operator, `not`, minus sign, bracket, function, list and `if` is a level)"
        ),
        SyntaxError::TooDeep {
            nesting: Nesting::Parser,
            ..
        } => t!(
            lang,
            "表达式嵌套过深，无法读取",
            "the expression nests too deeply to be read"
        ),
        SyntaxError::FileTooLarge { size, limit, .. } => {
            let limit = super::bytes(*limit as u64, lang);
            match size {
                Some(size) => {
                    let size = super::bytes(*size, lang);
                    t!(
                        lang,
                        "规则文件有 {size}，超过上限 {limit}",
                        "the rule file is {size}, more than the limit of {limit}"
                    )
                }
                None => t!(
                    lang,
                    "规则文件超过上限 {limit}",
                    "the rule file is larger than the limit of {limit}"
                ),
            }
        }
        SyntaxError::Unclosed { bracket, .. } => t!(
            lang,
            "`{bracket}` 没有闭合，文件就结束了",
            "`{bracket}` is never closed: the file ends first"
        ),
    }
}

pub fn syntax_label(e: &SyntaxError, lang: Lang) -> String {
    match e {
        SyntaxError::Unexpected { .. } => t!(lang, "这里", "here"),
        SyntaxError::TooDeep { .. } => t!(lang, "嵌套过深", "too deep"),
        SyntaxError::FileTooLarge { .. } => t!(lang, "这个文件", "this file"),
        SyntaxError::Unclosed { .. } => t!(
            lang,
            "从这里开始的块没有结束",
            "the block that starts here never ends"
        ),
        _ => t!(lang, "这里", "here"),
    }
}

pub fn syntax_help(e: &SyntaxError, lang: Lang) -> Option<String> {
    Some(match e {
        SyntaxError::Unexpected { expected, .. } if expected.contains(&Rule::item) || expected.contains(&Rule::EOI) => t!(
            lang,
            "规则文件由 policy、units、vocabulary、actuals、default、section、check 等块组成",
            "a rule file is made of policy, units, vocabulary, actuals, default, section and check blocks"
        ),
        SyntaxError::Unexpected { expected, .. } if expected.contains(&Rule::decimal) => {
            t!(lang, "数字用阿拉伯数字书写，如 `3` 或 `0.5`", "write numbers in digits, such as `3` or `0.5`")
        }
        SyntaxError::Value { .. } => {
            t!(lang, "目标值的写法如 `>= 14次`、`100%`、`<= 5%`、`2季度`、`2021年12月底前`、`\"完整\"`", "targets are written like `>= 14次`, `100%`, `<= 5%`, `2季度`, `2021年12月底前`, `\"完整\"`")
        }
        SyntaxError::BadEscape { .. } => t!(lang, "可用的转义：\\\" \\\\ \\n \\t \\{{ \\}}", "escapes: \\\" \\\\ \\n \\t \\{{ \\}}"),
        SyntaxError::TooDeep { .. } => t!(lang, "把表达式拆成几个检查或几步计算", "split the expression into several checks or steps"),
        SyntaxError::FileTooLarge { .. } => t!(lang, "规则文件是一年的评分政策，通常只有几十 KB；请检查是否选错了文件", "a rule file holds one year's policy, usually tens of KB: check that this is the right file"),
        SyntaxError::Unclosed { bracket, .. } => {
            let close = match bracket {
                '(' => ')',
                '[' => ']',
                _ => '}',
            };
            t!(lang, "在块的末尾加上 `{close}`", "add `{close}` where the block ends")
        }
        _ => return None,
    })
}

/// Why a cell or target is not a value.
pub fn value_error(kind: &ValueErrorKind, text: &str, lang: Lang) -> String {
    match kind {
        ValueErrorKind::Unreadable => t!(
            lang,
            "无法读取值 `{text}`",
            "cannot read the value `{text}`"
        ),
        ValueErrorKind::NumberOutOfRange => t!(
            lang,
            "`{text}` 中的数字超出精确小数的范围",
            "the number in `{text}` is beyond exact decimals"
        ),
        ValueErrorKind::NotAMonth(m) => t!(
            lang,
            "`{text}`：没有 {m} 月",
            "`{text}`: there is no month {m}"
        ),
        ValueErrorKind::NotADay { month, day } => t!(
            lang,
            "`{text}`：{month} 月没有 {day} 日",
            "`{text}`: month {month} has no day {day}"
        ),
        ValueErrorKind::NotAQuarter(q) => t!(
            lang,
            "`{text}`：没有第 {q} 季度",
            "`{text}`: there is no quarter {q}"
        ),
        ValueErrorKind::TooLong { chars, limit } => t!(
            lang,
            "值有 {chars} 个字符，超过上限 {limit}",
            "the value is {chars} characters long, more than the limit of {limit}"
        ),
        ValueErrorKind::TwoComparisons => t!(
            lang,
            "`{text}` 写了两个比较符号",
            "`{text}` has two comparisons"
        ),
    }
}

/// What the grammar expected, in a user's words: at most four kinds, operators as one.
pub fn expected(rules: &[Rule], lang: Lang) -> String {
    let mut words: Vec<String> = Vec::new();
    for rule in rules {
        let Some(word) = rule_word(*rule, lang) else {
            continue;
        };
        if !words.contains(&word) {
            words.push(word);
        }
    }
    words.truncate(4);
    let or = t!(lang, "；或", "; or ");
    words.join(&or)
}

fn rule_word(rule: Rule, lang: Lang) -> Option<String> {
    use Rule::*;
    Some(match rule {
        EOI => t!(lang, "文件结尾", "the end of the file"),
        item | policy | units | vocabulary | actuals | defaults | section | check => t!(
            lang,
            "一个块（policy、section、check……）",
            "a block (policy, section, check …)"
        ),
        string | string_inner => t!(
            lang,
            "带引号的名称，如 `\"任务完成率\"`",
            "a quoted name such as `\"任务完成率\"`"
        ),
        decimal | int => t!(lang, "一个数字", "a number"),
        label => t!(lang, "一个名称", "a name"),
        ident => t!(
            lang,
            "一个标识符，如 `self_score`",
            "an identifier such as `self_score`"
        ),
        severity => t!(
            lang,
            "`error`、`warning`、`info`",
            "`error`, `warning`, `info`"
        ),
        policy_setting | years | kind | full_marks | rescale | budget_unit | rounding | grades => {
            t!(
                lang,
                "一项设置（year、kind、full_marks、rescale、round、grades）",
                "a setting (year, kind, full_marks, rescale, round, grades)"
            )
        }
        round_at => t!(lang, "`indicator`、`total`", "`indicator`, `total`"),
        round_mode => t!(
            lang,
            "舍入方式（half_up、half_even、down、up）",
            "a rounding mode (half_up, half_even, down, up)"
        ),
        grade => t!(
            lang,
            "一个等级，如 `优 >= 90`",
            "a grade such as `优 >= 90`"
        ),
        unit_statement | unit_declaration | unit_conversion | unit_compatible => {
            t!(lang, "一个单位", "a unit")
        }
        word_class | word_class_name => t!(
            lang,
            "`achieved`、`partly`、`not_achieved`",
            "`achieved`, `partly`, `not_achieved`"
        ),
        share | share_band | percent_literal => {
            t!(lang, "一个百分比，如 `60%`", "a percentage such as `60%`")
        }
        word_pattern | same_as_target | word_prefix => t!(
            lang,
            "一个词、`prefix \"…\"`、`same_as_target`",
            "a word, `prefix \"…\"`, `same_as_target`"
        ),
        not_done | claimed_bound | empty_actual => t!(
            lang,
            "`not_done`、`claimed_bound`",
            "`not_done`, `claimed_bound`"
        ),
        claimed_mode => t!(lang, "`as_bound`、`zero`", "`as_bound`, `zero`"),
        default_method | target_form => t!(
            lang,
            "目标形式（at_least、equal、at_most、deadline、word）",
            "a target form (at_least, equal, at_most, deadline, word)"
        ),
        method | all_or_nothing | proportional | reverse_ratio | reverse_linear | deduct
        | bands | qualitative => {
            t!(
                lang,
                "计分方法（proportional、reverse_linear、deduct……）",
                "a scoring method (proportional, reverse_linear, deduct …)"
            )
        }
        deduct_step | quantity_literal => t!(lang, "带单位的数，如 `1%`", "a figure such as `1%`"),
        deduct_from | deduct_direction | deduct_late => {
            t!(lang, "`above`、`below`、`late`", "`above`, `below`, `late`")
        }
        threshold | threshold_target => t!(lang, "`target`、一个数", "`target`, a figure"),
        deduct_option | deduct_partial | deduct_floor => {
            t!(lang, "`partial …`、`floor …`", "`partial …`, `floor …`")
        }
        partial_mode => t!(lang, "`exact`、`up`、`down`", "`exact`, `up`, `down`"),
        band | band_range | band_between | band_side => t!(
            lang,
            "一个分档，如 `actual >= 90%: 5`",
            "a band such as `actual >= 90%: 5`"
        ),
        band_award | band_share => t!(lang, "分数、`60% of points`", "points, `60% of points`"),
        structure_head | alias | expected_points => {
            t!(lang, "`alias`、`points`、`{{`", "`alias`, `points`, `{{`")
        }
        section_item | group_item | group | indicator | any_indicator => t!(
            lang,
            "`group`、`indicator`、`any indicator`、`default`",
            "`group`, `indicator`, `any indicator`, `default`"
        ),
        indicator_head | fixed_points | fixed_target => t!(
            lang,
            "`points`、`target`、`alias`、`{{`",
            "`points`, `target`, `alias`, `{{`"
        ),
        indicator_body | indicator_setting | derived_actual | score => {
            t!(lang, "`actual = …`、`score …`", "`actual = …`, `score …`")
        }
        bare_value | value | quantity | period_value | period => t!(
            lang,
            "目标值，如 `>= 14次`、`100%`",
            "a target such as `>= 14次`, `100%`"
        ),
        check_domain | domain => t!(lang, "`for each …`", "`for each …`"),
        check_when => t!(lang, "`when …`", "`when …`"),
        check_require => t!(lang, "`require … else`", "`require … else`"),
        check_raise => t!(
            lang,
            "发现的级别和消息，如 `warning \"…\"`",
            "a severity and message such as `warning \"…\"`"
        ),
        message | message_text | interpolation => t!(lang, "消息文本", "message text"),
        expr | bracketed | call | path | boolean | path_step => {
            t!(lang, "一个表达式", "an expression")
        }
        op_not | op_neg | op_or | op_and | op_in | op_eq | op_ne | op_le | op_ge | op_lt
        | op_gt | op_add | op_sub | op_mul | op_div => {
            t!(lang, "一个运算符", "an operator")
        }
        percent => t!(lang, "`%`", "`%`"),
        _ => return None,
    })
}
