//! The fast path of the value reader agrees with the grammar, which is the definition of a
//! value: on every string of tests/values.rs and examples/, on every target and actual of
//! a generated corpus of both policies, and on strings built to sit on the boundaries the
//! fast path draws (signs, separators, periods, units, suffixes, spaces). Wherever the fast
//! path answers, its answer must be exactly the grammar's.

#[path = "../examples/corpus/generate.rs"]
mod generate;

use perfrules::value::{parse, parse_by_grammar, parse_fast, parse_trimmed_or, Trimmed};

#[track_caller]
fn agrees(text: &str) -> bool {
    // A report's cell is trimmed, then read knowing it is.
    let cell = Trimmed::new(text);
    assert_eq!(
        parse_trimmed_or(cell, Ok, Err),
        parse(cell.as_str()),
        "{text:?} trimmed"
    );
    match parse_fast(text) {
        Some(fast) => {
            let grammar = parse_by_grammar(text);
            // Debug shows a number's places too (`12.50`), which equality does not compare.
            assert_eq!(
                format!("{:?}", Ok::<_, ()>(&fast)),
                format!("{:?}", grammar.as_ref().map_err(|_| ())),
                "fast path differs on {text:?}"
            );
            assert_eq!(Ok(fast), grammar, "fast path differs on {text:?}");
            true
        }
        None => {
            assert_eq!(parse(text), parse_by_grammar(text), "{text:?}");
            false
        }
    }
}

/// Every string literal of a Rust or JSON file.
fn literals(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '"' {
            continue;
        }
        let mut s = String::new();
        let mut escaped = false;
        for c in chars.by_ref() {
            match (escaped, c) {
                (false, '\\') => escaped = true,
                (false, '"') => break,
                (_, c) => {
                    escaped = false;
                    s.push(c);
                }
            }
        }
        out.push(s);
    }
    out
}

#[test]
fn on_every_string_of_the_value_tests_and_the_examples() {
    let mut texts = literals(&std::fs::read_to_string("tests/values.rs").expect("tests/values.rs"));
    for entry in std::fs::read_dir("examples").expect("examples/") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "json") {
            texts.extend(literals(&std::fs::read_to_string(&path).expect("example")));
        }
    }
    assert!(texts.len() > 500, "{} strings", texts.len());
    let fast = texts.iter().filter(|t| agrees(t)).count();
    assert!(fast > 0);
}

#[test]
fn on_every_target_and_actual_of_a_generated_corpus() {
    let (mut all, mut fast) = (0, 0);
    for kind in [generate::Kind::Department2021, generate::Kind::Project] {
        for i in 0..300 {
            let report: serde_json::Value =
                serde_json::from_str(&generate::report(7, i, kind)).expect("generated JSON");
            for row in report["indicators"].as_array().expect("indicators") {
                for field in ["target", "actual"] {
                    if let Some(text) = row[field].as_str() {
                        all += 1;
                        fast += usize::from(agrees(text));
                    }
                }
            }
        }
    }
    // The common forms take the fast path: that is the point of it.
    assert!(fast * 10 >= all * 7, "{fast} of {all} on the fast path");
}

#[test]
fn on_strings_built_on_every_boundary() {
    let signs = [
        "",
        ">=",
        "≥",
        "≧",
        "＞＝",
        "=>",
        "==",
        "=",
        "＝",
        "﹦",
        ">",
        "＜",
        "<=",
        "=<",
        "不低于",
        "至少",
        "+",
        "-",
        "－",
        " ",
        "> ",
    ];
    let numbers = [
        "0",
        "14",
        "1,000",
        "1，000",
        "1,0000",
        "12,34",
        "1,000,",
        "98.5",
        "98．5",
        "5.",
        "１００",
        "1000.5",
        "2021",
        "2021.06.30",
        "11",
        "2",
        "123",
        "-5",
        "99999999999999999999999999999",
    ];
    let spaces = ["", " ", "  "];
    let units = [
        "",
        "%",
        "％",
        "百分比",
        "次",
        "人次",
        "个工作日",
        "km",
        "Km2",
        "季度",
        "月",
        "月份",
        "年",
        "年底",
        "/天",
        "（次）",
        "²",
        "·次",
        "天内完成",
        "以",
        "万元",
        "ｍ",
        "次\u{200b}",
    ];
    let suffixes = [
        "",
        "以上",
        "及以上",
        "以内",
        "内",
        " 以下",
        "完成",
        " ",
        "以上完成",
    ];
    let mut n = 0;
    for s in signs {
        for num in numbers {
            for sp in spaces {
                for u in units {
                    for x in suffixes {
                        agrees(&format!("{s}{num}{sp}{u}{x}"));
                        n += 1;
                    }
                }
            }
        }
    }
    let others = [
        "",
        " ",
        "/",
        "／",
        "-",
        "－",
        "—",
        "——",
        "–",
        "/ /",
        "完整",
        " 完整 ",
        "按 标准运维",
        "达成",
        "较及时",
        "基本达标",
        "未开展",
        "不及时",
        "不低于",
        "高于往年",
        "第四季度",
        "二季度",
        "上半年",
        "上半年度工作",
        "年底",
        "全年",
        "全面完成",
        "+5%",
        ".5",
        "．5",
        "\n100%",
        "100%\t",
        "\u{3000}完整",
        "完整\u{a0}",
        "100\u{3000}个",
        "一般",
        "四季度",
        "12月31日",
        "2021年",
        "2021年12月底前",
        "11月份工作",
        "2季度x",
        "10月前",
        "=100%以上",
        "≥95%以上",
    ];
    for o in others {
        agrees(o);
    }
    assert!(n > 10_000);
}

#[test]
fn on_periods_and_comparisons_in_words_built_on_every_boundary() {
    let starts = [
        "",
        "第",
        "第第",
        "上",
        "下",
        "全",
        "年",
        "不低于",
        "不超过",
        "至少",
        "超过",
        "低于",
        "不",
        "高",
        "一",
        "二",
        "四",
        "五",
    ];
    let digits = [
        "",
        "0",
        "1",
        "2",
        "4",
        "5",
        "9",
        "00",
        "01",
        "02",
        "10",
        "12",
        "13",
        "29",
        "30",
        "31",
        "32",
        "99",
        "123",
        "２",
        "１２",
        "2021",
        "2020",
        "2100",
        "1900",
        "２０２１",
        "20211",
        "0000",
    ];
    let middles = [
        "", "年", "月", "日", "号", "季度", "季", "半年", "底", "末", "内", "份", "年底", "-", "/",
        ".", "－", "／", "．", "%", "次", " ", "\u{3000}", "一", "四", "，", "个",
    ];
    let ends = [
        "", "前", "之前", "以前", "以上", "内", "x", "1", "完成", " ", "，", "底",
    ];
    let mut n = 0;
    for s in starts {
        for d in digits {
            for m in middles {
                for e in ends {
                    agrees(&format!("{s}{d}{m}{e}"));
                    n += 1;
                }
            }
        }
    }
    for d in ["2021", "１２", "2", "31", "２０２１"] {
        for sep in ["年", "-", "/", "．", "月"] {
            for m in ["1", "2", "02", "６", "12", "13", "0"] {
                for m2 in ["月", "-", "/", "．", "日"] {
                    for day in ["", "1", "28", "29", "30", "31", "32", "0", "３０"] {
                        for e in ["", "日", "号", "前", "底前", "日前", "x", "份"] {
                            agrees(&format!("{d}{sep}{m}{m2}{day}{e}"));
                            n += 1;
                        }
                    }
                }
            }
        }
    }
    assert!(n > 50_000);
}
