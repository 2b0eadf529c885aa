//! The policy lives in rules/, not in src/: no indicator, group or section name of any rule
//! file appears anywhere under src/ (code, comments or text), and no fractional figure or
//! percentage of a rule file (a deduction, a threshold) appears in the code of src/ — that is,
//! outside comments, string literals (examples in messages) and test modules.

mod common;
use common::read;

fn sources() -> Vec<(String, String)> {
    fn walk(dir: &std::path::Path, out: &mut Vec<(String, String)>) {
        for entry in std::fs::read_dir(dir).unwrap().filter_map(Result::ok) {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let name = path.to_string_lossy().into_owned();
                out.push((name.clone(), read(&name)));
            }
        }
    }
    let mut out = Vec::new();
    walk(std::path::Path::new("src"), &mut out);
    out
}

fn rule_files() -> Vec<String> {
    std::fs::read_dir("rules")
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "pr"))
        .map(|p| read(&p.to_string_lossy()))
        .collect()
}

/// `"…"` strings after `indicator`, `section`, `group` and `alias`, outside comments.
fn names(rules: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in rules.lines() {
        let code = line.split('#').next().unwrap_or("");
        for keyword in ["indicator \"", "section \"", "group \"", "alias \""] {
            let mut rest = code;
            while let Some(i) = rest.find(keyword) {
                rest = &rest[i + keyword.len()..];
                if let Some(end) = rest.find('"') {
                    out.push(rest[..end].to_string());
                }
            }
        }
    }
    out
}

/// Figures with a fraction (`0.2`) and percentages other than 100% (`5%`, `130%`).
fn figures(rules: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in rules.lines() {
        let code = line.split('#').next().unwrap_or("");
        let chars: Vec<char> = code.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            if chars[i].is_ascii_digit()
                && (i == 0 || !(chars[i - 1].is_ascii_alphanumeric() || chars[i - 1] == '.'))
            {
                let start = i;
                while i < chars.len() && (chars[i].is_ascii_digit() || chars[i] == '.') {
                    i += 1;
                }
                let number: String = chars[start..i].iter().collect();
                let percent = chars.get(i) == Some(&'%');
                if number.contains('.') || (percent && number != "100") {
                    out.push(if percent {
                        format!("{number}%")
                    } else {
                        number
                    });
                }
            } else {
                i += 1;
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

#[test]
fn no_name_of_a_policy_appears_in_src() {
    let sources = sources();
    let mut leaks = Vec::new();
    for rules in rule_files() {
        for name in names(&rules) {
            for (path, text) in &sources {
                if text.contains(&name) {
                    leaks.push(format!("{name} in {path}"));
                }
            }
        }
    }
    assert!(leaks.is_empty(), "policy names in src/: {leaks:#?}");
}

#[test]
fn no_figure_of_a_policy_appears_in_src_outside_tests() {
    let sources = sources();
    let mut leaks = Vec::new();
    for rules in rule_files() {
        for figure in figures(&rules) {
            for (path, text) in &sources {
                let code = code_only(text.split("#[cfg(test)]").next().unwrap_or(text));
                let code = code.as_str();
                let hit = code.match_indices(&figure).any(|(i, _)| {
                    let before = code[..i].chars().next_back();
                    let after = code[i + figure.len()..].chars().next();
                    !before.is_some_and(|c| c.is_ascii_digit() || c == '.')
                        && !after.is_some_and(|c| c.is_ascii_digit())
                });
                if hit {
                    leaks.push(format!("{figure} in {path}"));
                }
            }
        }
    }
    assert!(leaks.is_empty(), "policy figures in src/: {leaks:#?}");
}

/// Rust source without comments and without the contents of string literals.
fn code_only(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'/') => {
                for c in chars.by_ref() {
                    if c == '\n' {
                        out.push('\n');
                        break;
                    }
                }
            }
            '"' => {
                out.push('"');
                let mut escaped = false;
                for c in chars.by_ref() {
                    match (escaped, c) {
                        (true, _) => escaped = false,
                        (false, '\\') => escaped = true,
                        (false, '"') => break,
                        _ => {}
                    }
                }
                out.push('"');
            }
            _ => out.push(c),
        }
    }
    out
}

#[test]
fn the_scanners_find_what_a_rule_file_holds() {
    let sample = "section \"甲\" {\n  indicator \"乙\" alias \"丙\" points 2 target <= 5% { score deduct 0.2 per 1% above target }  # \"丁\" 0.9\n}";
    assert_eq!(names(sample), ["甲", "乙", "丙"]);
    assert_eq!(figures(sample), ["0.2", "1%", "5%"]);
    assert_eq!(
        code_only("let x = dec(\"0.2\"); // 0.4\nlet y = 0.5;"),
        "let x = dec(\"\"); \nlet y = 0.5;"
    );
}
