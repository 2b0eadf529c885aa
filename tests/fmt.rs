//! `perfrules fmt`: on every rule file and every fixture that parses, formatting twice
//! changes nothing more than formatting once, the formatted file parses to the same syntax
//! tree, and every comment is still there, in its order.

use perfrules::fmt::format;
use perfrules::source::SourceId;
use perfrules::syntax::parse;
use std::path::Path;
use std::process::Command;

fn rule_files(dir: &Path, out: &mut Vec<String>) {
    for entry in std::fs::read_dir(dir).unwrap().filter_map(Result::ok) {
        let path = entry.path();
        if path.is_dir() {
            rule_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "pr") {
            out.push(path.to_string_lossy().into_owned());
        }
    }
}

fn comments(text: &str) -> Vec<String> {
    // the comments as the formatter's own scanner does not see them: every `#…` line end
    // outside strings, found by a plain walk
    let mut out = Vec::new();
    let mut in_string = false;
    let mut escaped = false;
    let mut chars = text.char_indices();
    while let Some((i, c)) = chars.next() {
        if in_string {
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
        } else if c == '"' {
            in_string = true;
        } else if c == '#' {
            let end = text[i..].find('\n').map_or(text.len(), |n| i + n);
            out.push(text[i..end].trim_end().to_string());
            for (j, _) in chars.by_ref() {
                if j + 1 >= end {
                    break;
                }
            }
        }
    }
    out
}

#[test]
fn formatting_is_idempotent_keeps_comments_and_never_changes_meaning() {
    let mut files = Vec::new();
    rule_files(Path::new("rules"), &mut files);
    rule_files(Path::new("tests/fixtures"), &mut files);
    files.sort();
    let mut formatted_some = 0;
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        let Ok(tree) = parse(SourceId(0), &text) else {
            assert!(
                format(&text).is_err(),
                "{path}: fmt must refuse what does not parse"
            );
            continue;
        };
        let once = format(&text).unwrap_or_else(|e| panic!("{path}: {e:?}"));
        let twice = format(&once).unwrap_or_else(|e| panic!("{path} formatted: {e:?}"));
        assert_eq!(once, twice, "{path}: fmt is not idempotent");
        let again = parse(SourceId(0), &once).unwrap_or_else(|e| panic!("{path}: {e:?}\n{once}"));
        assert_eq!(
            again, tree,
            "{path}: formatting changed the syntax tree\n{once}"
        );
        assert_eq!(
            comments(&once),
            comments(&text),
            "{path}: comments moved or lost"
        );
        formatted_some += 1;
    }
    assert!(formatted_some > 40);
}

#[test]
fn every_rule_file_is_formatted() {
    let mut files = Vec::new();
    rule_files(Path::new("rules"), &mut files);
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(
            format(&text).unwrap(),
            text,
            "{path}: run `perfrules fmt {path}`"
        );
    }
}

#[test]
fn one_layout_whatever_the_spacing() {
    let messy = "policy \"示例\"{year 2021 full_marks 100\n grades{优>=90,差}}\n\n\n\nunits{次 份   人~人次 warning}\n# 产出\nsection \"产出指标\" points 30{\n\n  indicator \"培训次数\" points 2 target >=14次 {score proportional}  # 按比例\n  any indicator\n}\ncheck x \"标题\" { when (1+2)*3>4 and not true  require indicator.score×2==1 else warning \"甲{indicator.score}乙\" }\n";
    let expected = "policy \"示例\" {
  year 2021
  full_marks 100
  grades { 优 >= 90, 差 }
}

units {
  次 份
  人 ~ 人次 warning
}
# 产出
section \"产出指标\" points 30 {
  indicator \"培训次数\" points 2 target >=14次 { score proportional }   # 按比例
  any indicator
}
check x \"标题\" {
  when (1 + 2) * 3 > 4 and not true
  require indicator.score * 2 == 1
  else warning \"甲{indicator.score}乙\"
}
";
    let formatted = format(messy).unwrap();
    assert_eq!(formatted, expected);
}

/// Found by fuzzing: a lone carriage return ends a comment for the grammar (pest's NEWLINE),
/// so what follows it is code; fmt took it into the comment and wrote the code twice.
#[test]
fn a_lone_carriage_return_ends_a_comment() {
    let text = "# 说明\rpolicy \"示例\" { year 2021 }\r# 末尾\r";
    let expected = "# 说明\npolicy \"示例\" {\n  year 2021\n}\n# 末尾\n";
    assert_eq!(format(text).unwrap(), expected);
}

#[test]
fn fmt_check_exits_3_with_a_diff_and_0_on_formatted_files() {
    let bin = env!("CARGO_BIN_EXE_perfrules");
    let ok = Command::new(bin)
        .args(["fmt", "--check", "rules/2021.pr", "rules/2022.pr"])
        .output()
        .unwrap();
    assert_eq!(ok.status.code(), Some(0));
    assert!(ok.stdout.is_empty());
    let dir = std::env::temp_dir().join(format!("perfrules-fmt-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("messy.pr");
    std::fs::write(
        &file,
        "policy \"示例\"{year 2021 full_marks 100 grades{优>=90,差}}\n",
    )
    .unwrap();
    let file = file.to_string_lossy().into_owned();
    let check = Command::new(bin)
        .args(["fmt", "--check", &file])
        .output()
        .unwrap();
    assert_eq!(check.status.code(), Some(3));
    let diff = String::from_utf8_lossy(&check.stdout);
    assert!(diff.contains("+  grades { 优 >= 90, 差 }"), "{diff}");
    let write = Command::new(bin).args(["fmt", &file]).output().unwrap();
    assert_eq!(write.status.code(), Some(0));
    let again = Command::new(bin)
        .args(["fmt", "--check", &file])
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(0));
    std::fs::remove_dir_all(dir).ok();
}
