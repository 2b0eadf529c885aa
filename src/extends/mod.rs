//! Year over year: a rule file may begin with `extends "2021.pr"` and then say only what
//! changed (`override …`, `remove …`, new blocks). Reading such a file reads the chain of
//! files it extends, each into its own source (so every span points into the file it was
//! written in), and merges them into one syntax tree for the checker ([`merge`]).
//!
//! Paths are read relative to the extending file and must stay inside its folder: no
//! absolute paths, no `..`, and no link that leads out of it. A chain that comes back to a
//! file already read is an error (`perfrules::extends::cycle`).

mod error;
pub mod merge;
mod path;

pub use error::{ExtendsError, Thing};

use crate::source::{SourceId, Sources};
use crate::syntax::ast::RuleFile;
use crate::syntax::SyntaxError;
use std::path::{Path, PathBuf};

/// A rule file and the files it extends, read and merged.
#[derive(Debug)]
pub struct Loaded {
    /// The texts of the chain: the file itself first (id 0), then what it extends.
    pub sources: Sources,
    /// The file itself.
    pub main: SourceId,
    /// The merged syntax tree, ready for [`crate::check::check_with`].
    pub file: RuleFile,
    /// What merging found worth a warning (a year no later than the extended file's).
    pub lints: Vec<crate::check::lint::Lint>,
}

/// Why a chain of rule files could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    Syntax(SyntaxError),
    Extends(ExtendsError),
}

/// What went wrong, with the texts read so far (to show the problems in).
#[derive(Debug)]
pub struct Failed {
    pub sources: Sources,
    pub errors: Vec<LoadError>,
}

/// Reads a rule file's text and every file it extends; `name` is the file's path, from
/// which `extends` paths are resolved.
pub fn load_text(name: &str, text: &str) -> Result<Loaded, Box<Failed>> {
    let mut sources = Sources::new();
    let main = sources.add(name, text);
    let fail = |sources: Sources, errors: Vec<LoadError>| Box::new(Failed { sources, errors });
    let file = match crate::syntax::parse(main, text) {
        Ok(file) => file,
        Err(errors) => return Err(fail(sources, syntax(errors))),
    };
    let mut chain = vec![(main, file)];
    let mut read: Vec<PathBuf> = path::canonical(Path::new(name)).into_iter().collect();
    let mut dir = Path::new(name)
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default();
    while let Some(extends) = chain.last().and_then(|(_, f)| f.extends.clone()) {
        if chain.len() == crate::limits::MAX_EXTENDS_CHAIN {
            let error = ExtendsError::ChainTooLong {
                span: extends.span,
                limit: crate::limits::MAX_EXTENDS_CHAIN,
            };
            return Err(fail(sources, vec![LoadError::Extends(error)]));
        }
        let found = match path::resolve(&dir, &extends, &read) {
            Ok(found) => found,
            Err(e) => return Err(fail(sources, vec![LoadError::Extends(*e)])),
        };
        // The real path, just checked to be inside the folder: a link swapped since is not
        // followed out of it.
        let limit = crate::limits::MAX_RULE_FILE_BYTES;
        let text = match crate::limits::read_file(&found.canonical, limit) {
            Ok(text) => text,
            Err(crate::limits::ReadError::TooLarge(size)) => {
                let error = SyntaxError::FileTooLarge {
                    span: extends.span,
                    size,
                    limit,
                };
                return Err(fail(sources, vec![LoadError::Syntax(error)]));
            }
            Err(crate::limits::ReadError::Io(e)) => {
                let error = ExtendsError::NotFound {
                    span: extends.span,
                    path: extends.node.clone(),
                    reason: e.to_string(),
                };
                return Err(fail(sources, vec![LoadError::Extends(error)]));
            }
        };
        let id = sources.add(found.path.display().to_string(), text.as_str());
        match crate::syntax::parse(id, &text) {
            Ok(file) => chain.push((id, file)),
            Err(errors) => return Err(fail(sources, syntax(errors))),
        }
        read.push(found.canonical);
        dir = found
            .path
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_default();
    }
    let mut errors = Vec::new();
    let mut lints = Vec::new();
    let mut files = chain.into_iter().rev();
    let Some((_, root)) = files.next() else {
        return Err(fail(sources, Vec::new()));
    };
    let mut merged = merge::root(root, &mut errors);
    for (id, file) in files {
        merged = merge::merge(merged, file, id, &mut errors, &mut lints);
    }
    if errors.is_empty() {
        Ok(Loaded {
            sources,
            main,
            file: merged,
            lints,
        })
    } else {
        errors.sort_by_key(|e| e.span().key());
        Err(fail(
            sources,
            errors.into_iter().map(LoadError::Extends).collect(),
        ))
    }
}

fn syntax(errors: Vec<SyntaxError>) -> Vec<LoadError> {
    errors.into_iter().map(LoadError::Syntax).collect()
}
