//! Messages for `extends`, `override` and `remove`.

use super::{did_you_mean, Lang};
use crate::extends::{ExtendsError, Thing};
use crate::t;

fn thing(what: Thing, name: &str, lang: Lang) -> String {
    let keyword = what.keyword();
    if name.is_empty() && what == Thing::Vocabulary {
        return t!(lang, "未命名的词表", "the unnamed vocabulary");
    }
    match (what, lang) {
        (Thing::Check, _) => t!(lang, "检查 `{name}`", "check `{name}`"),
        (Thing::Default, _) => t!(lang, "默认方法 `{name}`", "default `{name}`"),
        (_, Lang::En) => format!("{keyword} “{name}”"),
        (Thing::Indicator, Lang::Zh) => format!("指标“{name}”"),
        (Thing::Group, Lang::Zh) => format!("二级指标“{name}”"),
        (Thing::Section, Lang::Zh) => format!("一级指标“{name}”"),
        (Thing::Vocabulary, Lang::Zh) => format!("词表“{name}”"),
    }
}

pub fn extends_error(e: &ExtendsError, lang: Lang) -> String {
    use ExtendsError::*;
    match e {
        NotFound { path, reason, .. } => t!(
            lang,
            "无法读取所继承的规则文件 `{path}`：{reason}",
            "cannot read the extended rule file `{path}`: {reason}"
        ),
        Outside { path, .. } => t!(
            lang,
            "`{path}` 不在本文件所在的文件夹内",
            "`{path}` is not inside this file's folder"
        ),
        Cycle { chain, .. } => {
            let chain = chain.join(" → ");
            t!(
                lang,
                "规则文件的继承绕回了自身：{chain}",
                "the rule files extend each other in a circle: {chain}"
            )
        }
        ChainTooLong { limit, .. } => t!(
            lang,
            "继承链超过 {limit} 个文件",
            "the chain of extended files is longer than {limit}"
        ),
        NothingToOverride { what, name, .. } => {
            let thing = thing(*what, name, lang);
            t!(
                lang,
                "没有可以覆盖的{thing}",
                "there is no {thing} to override"
            )
        }
        NothingToRemove { what, name, .. } => {
            let thing = thing(*what, name, lang);
            t!(
                lang,
                "没有可以删除的{thing}",
                "there is no {thing} to remove"
            )
        }
        AmbiguousGroup { name, sections, .. } => {
            let sections = match lang {
                Lang::Zh => sections.join("”、“"),
                Lang::En => sections.join("”, “"),
            };
            t!(
                lang,
                "二级指标“{name}”在多个一级指标中出现：“{sections}”",
                "group “{name}” stands in several sections: “{sections}”"
            )
        }
    }
}

pub fn extends_label(e: &ExtendsError, lang: Lang) -> String {
    use ExtendsError::*;
    match e {
        NotFound { .. } => t!(lang, "读不到", "cannot be read"),
        Outside { .. } => t!(lang, "文件夹之外", "outside the folder"),
        Cycle { .. } => t!(lang, "绕回", "goes round"),
        ChainTooLong { .. } => t!(lang, "过长", "too long"),
        NothingToOverride { .. } | NothingToRemove { .. } => t!(lang, "不存在", "does not exist"),
        AmbiguousGroup { .. } => t!(lang, "不明确", "ambiguous"),
    }
}

pub fn extends_help(e: &ExtendsError, lang: Lang) -> Option<String> {
    use ExtendsError::*;
    Some(match e {
        NotFound { .. } => t!(
            lang,
            "路径相对于本文件所在的文件夹，如 `extends \"2021.pr\"`",
            "the path is relative to this file's folder, as in `extends \"2021.pr\"`"
        ),
        Outside { .. } => t!(
            lang,
            "只能继承本文件夹及其子文件夹中的文件：不能用绝对路径或 `..`",
            "only files in this folder or below it can be extended: no absolute path, no `..`"
        ),
        Cycle { .. } => t!(
            lang,
            "每个文件只能继承更早的规则",
            "each file can extend only an earlier policy"
        ),
        ChainTooLong { .. } => t!(
            lang,
            "把较早几年的规则合并成一个文件，再继承它",
            "merge the earlier years into one file and extend that"
        ),
        NothingToOverride {
            suggestion: Some(s),
            ..
        }
        | NothingToRemove {
            suggestion: Some(s),
            ..
        } => did_you_mean(lang, s),
        NothingToOverride { extends: false, .. } | NothingToRemove { extends: false, .. } => t!(
            lang,
            "本文件没有 `extends`：override 与 remove 只能修改所继承的规则",
            "this file extends nothing: `override` and `remove` change only what an extended file says"
        ),
        NothingToOverride { .. } => t!(
            lang,
            "新增的内容直接写出即可，不用 override",
            "to add something new, write it without `override`"
        ),
        NothingToRemove { .. } => return None,
        AmbiguousGroup { .. } => t!(
            lang,
            "改用 `remove indicator` 逐项删除，或先给二级指标改名",
            "remove its indicators one by one with `remove indicator`"
        ),
    })
}
