//! Where `extends "…"` leads: a relative path of plain folder and file names, resolved
//! against the extending file's folder, that stays inside that folder even through links.

use super::error::ExtendsError;
use crate::source::Spanned;
use std::path::{Component, Path, PathBuf};

/// A file to read next.
pub struct Found {
    /// As the user would write it: the extending file's folder joined with the path.
    pub path: PathBuf,
    /// The real path, to recognise a file read twice.
    pub canonical: PathBuf,
}

pub fn canonical(path: &Path) -> Option<PathBuf> {
    std::fs::canonicalize(path).ok()
}

/// Resolves `extends` written in a file of folder `dir`; `read` holds the real paths of the
/// files read so far (the chain), for cycles.
pub fn resolve(
    dir: &Path,
    extends: &Spanned<String>,
    read: &[PathBuf],
) -> Result<Found, Box<ExtendsError>> {
    let written = Path::new(&extends.node);
    let outside = || {
        Box::new(ExtendsError::Outside {
            span: extends.span,
            path: extends.node.clone(),
        })
    };
    let plain = !extends.node.is_empty()
        && written
            .components()
            .all(|c| matches!(c, Component::Normal(_) | Component::CurDir));
    if !plain {
        return Err(outside());
    }
    let path = dir.join(written);
    let canonical = std::fs::canonicalize(&path).map_err(|e| {
        Box::new(ExtendsError::NotFound {
            span: extends.span,
            path: extends.node.clone(),
            reason: e.to_string(),
        })
    })?;
    let folder = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let inside = std::fs::canonicalize(folder).is_ok_and(|d| canonical.starts_with(d));
    if !inside {
        return Err(outside());
    }
    if read.contains(&canonical) {
        let mut chain: Vec<String> = read
            .iter()
            .map(|p| {
                p.file_name()
                    .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
            })
            .collect();
        chain.push(extends.node.clone());
        return Err(Box::new(ExtendsError::Cycle {
            span: extends.span,
            chain,
        }));
    }
    Ok(Found { path, canonical })
}
