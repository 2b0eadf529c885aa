//! Messages for a report that cannot be read.

use super::Lang;
use crate::report::{ReportError, ReportErrorKind};
use crate::t;

/// The message, and help where there is some.
pub fn report_error(e: &ReportError, lang: Lang) -> (String, Option<String>) {
    let at = if e.path.is_empty() {
        String::new()
    } else {
        format!("`{}`", e.path)
    };
    match &e.kind {
        ReportErrorKind::Syntax { message } => {
            let message = json_syntax(message, lang);
            (
                t!(
                    lang,
                    "报告不是有效的 JSON：{message}",
                    "the report is not valid JSON: {message}"
                ),
                None,
            )
        }
        ReportErrorKind::UnknownField { field, expected } => {
            let list = expected
                .iter()
                .map(|f| format!("`{f}`"))
                .collect::<Vec<_>>()
                .join(", ");
            let suggestion =
                crate::check::names::closest(field, expected.iter().map(String::as_str));
            let help = match suggestion {
                Some(s) => super::did_you_mean(lang, &s),
                None => t!(
                    lang,
                    "这里可用的字段：{list}",
                    "fields allowed here: {list}"
                ),
            };
            (
                t!(
                    lang,
                    "{at}：报告格式中没有字段 `{field}`",
                    "{at}: the report format has no field `{field}`"
                ),
                Some(help),
            )
        }
        ReportErrorKind::MissingField { field } if at.is_empty() => (
            t!(
                lang,
                "报告缺少字段 `{field}`",
                "the report has no field `{field}`"
            ),
            None,
        ),
        ReportErrorKind::MissingField { field } => (
            t!(
                lang,
                "{at} 缺少字段 `{field}`",
                "{at} has no field `{field}`"
            ),
            None,
        ),
        ReportErrorKind::BadDecimal { text } => (
            t!(
                lang,
                "{at}：`{text}` 不是数字",
                "{at}: `{text}` is not a number"
            ),
            Some(t!(
                lang,
                "写成 \"7255205.14\" 或 \"215,457.6\" 这样的数字",
                "write a number such as \"7255205.14\" or \"215,457.6\""
            )),
        ),
        ReportErrorKind::DecimalOutOfRange { text } => (
            t!(
                lang,
                "{at}：`{text}` 超出精确小数的范围（最多 28 位有效数字，约 7.9 × 10²⁸）",
                "{at}: `{text}` is beyond exact decimals (28 significant digits, about 7.9 × 10²⁸)"
            ),
            None,
        ),
        ReportErrorKind::TooLarge { size, limit } => {
            let limit = super::bytes(*limit as u64, lang);
            let message = match size {
                Some(size) => {
                    let size = super::bytes(*size, lang);
                    t!(
                        lang,
                        "文件有 {size}，超过上限 {limit}，未读取",
                        "the file is {size}, more than the limit of {limit}; it was not read"
                    )
                }
                None => t!(
                    lang,
                    "文件超过上限 {limit}，未读取",
                    "the file is larger than the limit of {limit}; it was not read"
                ),
            };
            (
                message,
                Some(t!(
                    lang,
                    "一份报告通常只有几十 KB；请检查是否选错了文件",
                    "a report is usually tens of KB: check that this is the right file"
                )),
            )
        }
        ReportErrorKind::TooDeep { limit } => (
            t!(
                lang,
                "数组和对象嵌套超过 {limit} 层",
                "arrays and objects nest more than {limit} deep"
            ),
            Some(t!(
                lang,
                "报告格式只有三层：报告、指标表、一行指标",
                "the report format has three levels: the report, a table, a row"
            )),
        ),
        ReportErrorKind::TooManyRows { limit } => (
            t!(
                lang,
                "{at}：超过 {limit} 行",
                "{at}: more than {limit} rows"
            ),
            None,
        ),
        ReportErrorKind::TextTooLong { chars, limit } => {
            let (values, texts) = (
                crate::limits::MAX_VALUE_CHARS,
                crate::limits::MAX_TEXT_CHARS,
            );
            (
            t!(
                lang,
                "{at}：文字有 {chars} 个字符，超过上限 {limit}",
                "{at}: the text is {chars} characters long, more than the limit of {limit}"
            ),
            Some(t!(
                lang,
                "目标值和实际值最多 {values} 个字符，其他文字最多 {texts} 个字符；过长的单元格多半是列错位",
                "targets and actuals have at most {values} characters, other texts {texts}; a cell this long is usually a shifted column"
            )),
        )
        }
        ReportErrorKind::WrongType { found, expected } => {
            let (found, expected) = (json_kind(found, lang), json_kind(expected, lang));
            (
                t!(
                    lang,
                    "{at}：应为{expected}，报告中是{found}",
                    "{at}: expected {expected}, found {found}"
                ),
                None,
            )
        }
    }
}

/// serde's name of a JSON value (`i32`, `a string`, `string "2021年"`, `integer `5``), in words.
fn json_kind(serde: &str, lang: Lang) -> String {
    let quoted = serde
        .split_once(' ')
        .map(|(_, rest)| rest.trim_matches('`'))
        .unwrap_or("");
    let word = serde.trim_start_matches("a ").trim_start_matches("an ");
    let head = word.split([' ', '`']).next().unwrap_or(word);
    let kind = match head {
        "i8" | "i16" | "i32" | "i64" | "u8" | "u16" | "u32" | "u64" | "usize" | "integer" => {
            t!(lang, "整数", "a whole number")
        }
        "string" => t!(lang, "文字", "text"),
        "sequence" => t!(lang, "列表", "a list"),
        "map" | "struct" => t!(lang, "对象", "an object"),
        "boolean" => t!(lang, "真假值", "true or false"),
        "null" | "unit" => t!(lang, "null", "null"),
        "floating" | "decimal," | "number" => t!(lang, "数字", "a number"),
        _ if serde.starts_with("a decimal") => t!(lang, "数字", "a number"),
        _ => return serde.to_string(),
    };
    if quoted.is_empty()
        || head == "sequence"
        || head == "map"
        || head == "struct"
        || serde.starts_with("a ")
    {
        kind
    } else {
        format!("{kind} {quoted}")
    }
}

/// serde_json's syntax messages, in words (the common ones; others as serde words them).
fn json_syntax(serde: &str, lang: Lang) -> String {
    match serde {
        "trailing comma" => t!(lang, "多余的逗号", "a trailing comma"),
        "expected value" => t!(lang, "此处应有一个值", "a value is expected here"),
        "expected `:`" => t!(lang, "此处应为 `:`", "`:` is expected here"),
        "expected `,` or `}`" => t!(lang, "此处应为 `,` 或 `}}`", "`,` or `}}` is expected here"),
        "expected `,` or `]`" => t!(lang, "此处应为 `,` 或 `]`", "`,` or `]` is expected here"),
        "key must be a string" => t!(
            lang,
            "对象的键必须是带引号的字符串",
            "an object's key must be a quoted string"
        ),
        "trailing characters" => t!(
            lang,
            "JSON 结束后还有多余的内容",
            "there is more text after the JSON"
        ),
        "invalid escape" => t!(
            lang,
            "字符串中有无效的转义",
            "an invalid escape in a string"
        ),
        "invalid number" => t!(lang, "无效的数字", "an invalid number"),
        "recursion limit exceeded" => t!(lang, "嵌套太深", "nested too deeply"),
        s if s.starts_with("EOF while parsing") => {
            t!(lang, "文件意外结束", "the file ends unexpectedly")
        }
        s if s.starts_with("control character") => t!(
            lang,
            "字符串中有控制字符",
            "a control character in a string"
        ),
        other => other.to_string(),
    }
}
