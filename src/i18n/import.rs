//! Messages of `perfrules import`: what could not be placed, what was done, what the report
//! lacks, and why nothing could be imported.

use super::Lang;
use crate::import::{ImportError, Note, NoteKind, Place};
use crate::t;

/// `第 75 行` / `line 75`, with the worksheet for workbooks.
pub fn import_place(place: &Place, lang: Lang) -> String {
    let row = place.row;
    match &place.sheet {
        Some(sheet) => t!(
            lang,
            "工作表 {sheet} 第 {row} 行",
            "sheet {sheet} row {row}"
        ),
        None => t!(lang, "第 {row} 行", "line {row}"),
    }
}

/// Row numbers as ranges: `66、87–95、120` / `66, 87–95, 120`.
fn rows(rows: &[usize], lang: Lang) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while i < rows.len() {
        let mut j = i;
        while j + 1 < rows.len() && rows[j + 1] == rows[j] + 1 {
            j += 1;
        }
        parts.push(if i == j {
            rows[i].to_string()
        } else {
            format!("{}–{}", rows[i], rows[j])
        });
        i = j + 1;
    }
    parts.join(if lang == Lang::Zh { "、" } else { ", " })
}

fn names(names: &[String], lang: Lang) -> String {
    names
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(if lang == Lang::Zh { "、" } else { ", " })
}

/// The sentence of a note.
pub fn import_note(note: &Note, lang: Lang) -> String {
    use NoteKind::*;
    match &note.kind {
        Unplaced { text } => t!(lang, "无法归入表格，未导入：`{text}`", "cannot be placed in the table; not imported: `{text}`"),
        Ambiguous { text, cells, columns } => t!(
            lang,
            "此行只有 {cells} 个单元格而表头有 {columns} 列，单元格可有多种对应方式（或无一可行），未导入：`{text}`",
            "the row has {cells} cells for {columns} columns and they fit more than one way (or none); not imported: `{text}`"
        ),
        BadNumber { column, text } => t!(lang, "“{column}”列的 `{text}` 不是数字，未导入该单元格", "`{text}` in column “{column}” is not a number; the cell is not imported"),
        UnknownColumn { header, cells } => t!(
            lang,
            "不认识的列“{header}”有 {cells} 个非空单元格，未导入",
            "unknown column “{header}” holds {cells} non-blank cells; not imported"
        ),
        BeyondHeader { text } => t!(lang, "表头最后一列之后还有内容，未导入：`{text}`", "cells beyond the header's last column; not imported: `{text}`"),
        NoLevel1 { name } => t!(lang, "指标 `{name}` 之上没有一级指标，一级指标留空", "indicator `{name}` has no 一级指标 above it; level1 left empty"),
        NatureNotSign { nature, name } => t!(
            lang,
            "指标 `{name}` 的指标性质 `{nature}` 不是比较符号，未并入目标值（目标值没有自己的符号，方向可能丢失）",
            "指标性质 `{nature}` of `{name}` is not a comparison sign and was not merged into the target (the target has no sign of its own; its direction may be lost)"
        ),
        MissingFigure { item, column } => t!(lang, "预算行 `{item}` 缺少“{column}”，未导入", "budget row `{item}` has no “{column}”; not imported"),
        Orphan { text } => t!(lang, "续行 `{text}` 上方没有可接续的单元格，未导入", "continuation `{text}` has no cell above it to continue; not imported"),
        ColumnNotImported { header, cells } => t!(
            lang,
            "“{header}”列（{cells} 个非空单元格）在 report.json 中没有对应字段，未导入",
            "column “{header}” ({cells} non-blank cells) has no field in report.json; not imported"
        ),
        NoPointsColumn { rows } => t!(
            lang,
            "指标表没有“分值”列：{rows} 项指标都没有单位申报的分值；规则未规定分值的指标，eval 将逐项列出且不计分",
            "the indicator table has no 分值 column: none of its {rows} indicators has declared points; eval names each one whose points the policy does not fix, and does not score it"
        ),
        NoPoints { name } => t!(lang, "指标 `{name}` 的分值为空", "indicator `{name}` has no 分值"),
        Level2Absent { names: list, last_row, heading } => {
            let n = list.len();
            let list = names(list, lang);
            match heading {
                Some((text, row)) => t!(
                    lang,
                    "至第 {last_row} 行的 {n} 项指标二级指标为空：其上第 {row} 行的 `{text}` 是没有指标的空标题，不向下填充；二级指标留空（{list}）",
                    "{n} indicators up to line {last_row} have a blank 二级指标: `{text}` on line {row} above them is a heading with no indicator of its own and is not carried down; level2 left absent ({list})"
                ),
                None => t!(
                    lang,
                    "至第 {last_row} 行的 {n} 项指标二级指标为空，上方也无可填充的二级指标，留空（{list}）",
                    "{n} indicators up to line {last_row} have a blank 二级指标 and none above to carry down; level2 left absent ({list})"
                ),
            }
        }
        CarriedAcrossBreak { labels } => {
            let list = labels
                .iter()
                .map(|(column, text, row)| {
                    t!(lang, "{column} `{text}`（第 {row} 行）", "{column} `{text}` (line {row})")
                })
                .collect::<Vec<_>>()
                .join(if lang == Lang::Zh { "、" } else { ", " });
            t!(
                lang,
                "分页后的第一行：空白的合并单元格按上方填充为 {list}；分页处最易丢失标题，请核对",
                "first row after a page break: its blank merged cells are carried down as {list}; headings are most often lost at a page break, check it"
            )
        }
        Continued { column, into } => t!(lang, "接续第 {into} 行的“{column}”单元格", "continues the “{column}” cell of line {into}"),
        PlacedByContent { rows: list } => {
            let list = rows(list, lang);
            t!(
                lang,
                "第 {list} 行的单元格少于表头列数，已按单元格内容唯一确定其所在列",
                "lines {list} have fewer cells than the header; each was placed by what its cells hold, which fits one way only"
            )
        }
        RepeatedHeader => t!(lang, "分页后重复的表头，跳过", "the header repeated after a page break; skipped"),
        PageNumber { text } => t!(lang, "页码 `{text}`，跳过", "page number `{text}`; skipped"),
        UnitContinued { text } => t!(lang, "单位名称在此行续写：`{text}`", "the unit's name continues on this line: `{text}`"),
        EmptyHeading { text } => t!(lang, "没有指标的标题行：`{text}`", "a heading with no indicator: `{text}`"),
        TotalRow { text } => t!(lang, "总分行：`{text}`", "the total row: `{text}`"),
        Merged { rows } => t!(
            lang,
            "{rows} 行的指标性质/度量单位已按原文并入年度指标值和实际完成值",
            "指标性质/度量单位 merged into target and actual as written on {rows} rows"
        ),
        NoBudgetTable => t!(lang, "没有找到预算执行表（含“全年预算数”“全年执行数”的表头）", "no budget table found (a header with 全年预算数 and 全年执行数)"),
        NoKind => t!(
            lang,
            "标题未说明是部门整体支出还是项目支出，kind 留空（可用 --kind 指定）",
            "the title does not say 部门整体支出 or 项目支出; kind left absent (give it with --kind)"
        ),
    }
}

/// Why nothing was imported, and help.
pub fn import_error(e: &ImportError, lang: Lang) -> (String, Option<String>) {
    match e {
        ImportError::Read { error } => (t!(lang, "无法读取：{error}", "cannot read it: {error}"), None),
        ImportError::UnknownFormat { extension } => (
            t!(lang, "不认识的文件类型 `.{extension}`", "unknown kind of file `.{extension}`"),
            Some(t!(
                lang,
                "可导入：.txt（从文档提取的表格文本）、.csv、.xlsx、.xlsm、.xlsb、.xls、.ods",
                "importable: .txt (table text extracted from a document), .csv, .xlsx, .xlsm, .xlsb, .xls, .ods"
            )),
        ),
        ImportError::Workbook { error } => (t!(lang, "无法打开工作簿：{error}", "cannot open the workbook: {error}"), None),
        ImportError::UnclosedQuote { row } => (
            t!(lang, "CSV 第 {row} 行的引号没有闭合", "a quoted cell of CSV row {row} never closes"),
            None,
        ),
        ImportError::NoIndicatorTable => (
            t!(lang, "没有找到指标表的表头", "no header row of an indicator table found"),
            Some(t!(
                lang,
                "指标表的表头须含“三级指标”“年度指标值”和“全年完成值”（或“实际完成值”）",
                "an indicator table's header names 三级指标, 年度指标值 and 全年完成值 (or 实际完成值)"
            )),
        ),
        ImportError::NoYear => (
            t!(lang, "文件中没有写明年度", "the file names no year"),
            Some(t!(lang, "用 --year 2021 指定", "give it with --year 2021")),
        ),
        ImportError::NoUnit => (
            t!(lang, "文件中没有写明单位名称", "the file names no unit"),
            Some(t!(lang, "用 --unit \"单位名称\" 指定", "give it with --unit \"单位名称\"")),
        ),
        ImportError::Contract(e) => {
            let (message, _) = super::report_error(e, lang);
            (
                t!(lang, "导入结果不符合 report.json 格式（这是 perfrules 的缺陷）：{message}", "the import does not fit report.json (a bug of perfrules): {message}"),
                None,
            )
        }
    }
}
