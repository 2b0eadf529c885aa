//! `extends` reads only files inside the directory tree of the file that names it, and never
//! goes round (issue 7, "the rule language stays safe to run"): an absolute path, a `..`, a
//! link to a file or a folder outside, a chain that comes back — each refused with its code,
//! before anything outside is read. Each case builds its folders in a temporary directory.

use perfrules::extends::{load_text, LoadError};
use std::path::{Path, PathBuf};

const BASE: &str = r#"policy "基础规则" {
  year 2021
  full_marks 100
  round indicator 2 half_up
  grades { 优 >= 90, 良 >= 80, 中 >= 60, 差 }
}
units { 次 }
default { at_least: proportional }
section "产出指标" { any indicator }
"#;

/// A fresh folder for one case: `<tmp>/perfrules-extends-<pid>-<case>/`, with `rules/` (the
/// folder of the extending file) and `outside/` beside it, each holding a valid `base.pr`.
fn case(name: &str) -> PathBuf {
    let root =
        std::env::temp_dir().join(format!("perfrules-extends-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    for dir in ["rules/sub", "outside"] {
        std::fs::create_dir_all(root.join(dir)).unwrap();
    }
    std::fs::write(root.join("outside/base.pr"), BASE).unwrap();
    std::fs::write(root.join("rules/base.pr"), BASE).unwrap();
    root
}

fn extending(path: &str, year: u32) -> String {
    format!("extends \"{path}\"\npolicy \"新规则\" {{ year {year} }}\n")
}

/// Loads `file` the way the command line does; the codes of what refused it.
fn load(file: &Path) -> Result<(), Vec<&'static str>> {
    let text = std::fs::read_to_string(file).unwrap();
    load_text(&file.display().to_string(), &text)
        .map(|_| ())
        .map_err(|failed| {
            failed
                .errors
                .iter()
                .map(|e| match e {
                    LoadError::Syntax(e) => e.code(),
                    LoadError::Extends(e) => e.code(),
                })
                .collect()
        })
}

fn write(root: &Path, name: &str, text: &str) -> PathBuf {
    let path = root.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn a_file_in_the_same_folder_or_below_is_read() {
    let root = case("inside");
    std::fs::write(root.join("rules/sub/base.pr"), BASE).unwrap();
    for path in ["base.pr", "./base.pr", "sub/base.pr", "sub/./base.pr"] {
        let main = write(&root, "rules/main.pr", &extending(path, 2022));
        assert_eq!(load(&main), Ok(()), "{path}");
    }
    std::fs::remove_dir_all(root).ok();
}

#[test]
fn an_absolute_path_is_outside_even_when_it_names_a_file_inside() {
    let root = case("absolute");
    let inside = root.join("rules/base.pr").canonicalize().unwrap();
    for path in [inside.display().to_string(), "/etc/passwd".to_string()] {
        let main = write(&root, "rules/main.pr", &extending(&path, 2022));
        assert_eq!(
            load(&main),
            Err(vec!["perfrules::extends::outside"]),
            "{path}"
        );
    }
    std::fs::remove_dir_all(root).ok();
}

#[test]
fn no_dot_dot_even_one_that_comes_back_inside() {
    let root = case("dotdot");
    for path in [
        "../outside/base.pr",
        "sub/../../outside/base.pr",
        "sub/../base.pr",
        "..",
        "",
    ] {
        let main = write(&root, "rules/main.pr", &extending(path, 2022));
        assert_eq!(
            load(&main),
            Err(vec!["perfrules::extends::outside"]),
            "{path:?}"
        );
    }
    // a file in a subfolder cannot climb back to its parent either: its tree is its folder
    let sub = write(&root, "rules/sub/main.pr", &extending("../base.pr", 2022));
    assert_eq!(load(&sub), Err(vec!["perfrules::extends::outside"]));
    std::fs::remove_dir_all(root).ok();
}

#[cfg(unix)]
#[test]
fn a_link_that_leads_out_is_outside_and_one_that_stays_in_is_followed() {
    use std::os::unix::fs::symlink;
    let root = case("links");
    // a link to a file outside
    symlink(root.join("outside/base.pr"), root.join("rules/link.pr")).unwrap();
    let main = write(&root, "rules/main.pr", &extending("link.pr", 2022));
    assert_eq!(load(&main), Err(vec!["perfrules::extends::outside"]));
    // a link to a folder outside, and a file through it
    symlink(root.join("outside"), root.join("rules/away")).unwrap();
    let main = write(&root, "rules/main.pr", &extending("away/base.pr", 2022));
    assert_eq!(load(&main), Err(vec!["perfrules::extends::outside"]));
    // a relative link that climbs out
    symlink("../../outside/base.pr", root.join("rules/sub/up.pr")).unwrap();
    let main = write(&root, "rules/main.pr", &extending("sub/up.pr", 2022));
    assert_eq!(load(&main), Err(vec!["perfrules::extends::outside"]));
    // a link that stays inside is an ordinary file
    symlink(root.join("rules/base.pr"), root.join("rules/sub/same.pr")).unwrap();
    let main = write(&root, "rules/main.pr", &extending("sub/same.pr", 2022));
    assert_eq!(load(&main), Ok(()));
    std::fs::remove_dir_all(root).ok();
}

#[test]
fn a_chain_that_comes_back_is_a_cycle() {
    let root = case("cycle");
    // a file that extends itself
    let main = write(&root, "rules/main.pr", &extending("main.pr", 2022));
    assert_eq!(load(&main), Err(vec!["perfrules::extends::cycle"]));
    // a → b → a, and a → sub/b → sub/c → sub/b
    write(&root, "rules/b.pr", &extending("main.pr", 2021));
    let main = write(&root, "rules/main.pr", &extending("b.pr", 2022));
    assert_eq!(load(&main), Err(vec!["perfrules::extends::cycle"]));
    write(&root, "rules/sub/b.pr", &extending("c.pr", 2021));
    write(&root, "rules/sub/c.pr", &extending("b.pr", 2020));
    let main = write(&root, "rules/main.pr", &extending("sub/b.pr", 2022));
    assert_eq!(load(&main), Err(vec!["perfrules::extends::cycle"]));
    std::fs::remove_dir_all(root).ok();
}

#[cfg(unix)]
#[test]
fn a_cycle_through_a_link_is_still_a_cycle() {
    use std::os::unix::fs::symlink;
    let root = case("cycle-link");
    symlink(root.join("rules/main.pr"), root.join("rules/alias.pr")).unwrap();
    let main = write(&root, "rules/main.pr", &extending("alias.pr", 2022));
    assert_eq!(load(&main), Err(vec!["perfrules::extends::cycle"]));
    std::fs::remove_dir_all(root).ok();
}

#[test]
fn a_chain_is_at_most_the_limit_of_files_long() {
    use perfrules::limits::MAX_EXTENDS_CHAIN;
    let root = case("chain");
    // rules/main.pr → sub/f1.pr → sub/sub/f2.pr … each one folder deeper, the last the base
    let chain = |n: usize| {
        let mut dir = root.join("rules");
        let mut first = None;
        for i in 1..n {
            let next = format!("sub{i}/f{i}.pr");
            let path = dir.join(format!("f{}.pr", i - 1));
            std::fs::create_dir_all(dir.join(format!("sub{i}"))).unwrap();
            std::fs::write(&path, extending(&next, 2000 + i as u32)).unwrap();
            first.get_or_insert(path);
            dir = dir.join(format!("sub{i}"));
        }
        std::fs::write(dir.join(format!("f{}.pr", n - 1)), BASE).unwrap();
        first.unwrap()
    };
    assert_eq!(load(&chain(MAX_EXTENDS_CHAIN)), Ok(()));
    std::fs::remove_dir_all(root.join("rules")).ok();
    std::fs::create_dir_all(root.join("rules")).unwrap();
    assert_eq!(
        load(&chain(MAX_EXTENDS_CHAIN + 1)),
        Err(vec!["perfrules::extends::chain_too_long"])
    );
    std::fs::remove_dir_all(root).ok();
}

#[test]
fn an_extended_file_too_large_is_not_read() {
    let root = case("large");
    let big = std::fs::File::create(root.join("rules/big.pr")).unwrap();
    big.set_len(perfrules::limits::MAX_RULE_FILE_BYTES as u64 + 1)
        .unwrap();
    let main = write(&root, "rules/main.pr", &extending("big.pr", 2022));
    assert_eq!(load(&main), Err(vec!["perfrules::parse::file_too_large"]));
    std::fs::remove_dir_all(root).ok();
}
