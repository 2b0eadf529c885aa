//! Output files are written atomically: the bytes go to a temporary file in the same
//! directory (so the rename never crosses file systems), are flushed to disk, and the
//! temporary file is renamed over the target. An existing file is only ever replaced by a
//! complete one; on any failure the temporary file is removed and the target is untouched.

use std::io::Write;
use std::path::{Path, PathBuf};

/// Writes `bytes` to `path` atomically.
pub fn atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let temporary = temporary_beside(path);
    let result = (|| {
        let mut file = std::fs::File::create(&temporary)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        drop(file);
        std::fs::rename(&temporary, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    result
}

/// A file written as it is made (a batch streams its output) and put in place, whole, by
/// [`Atomic::commit`]; dropped uncommitted, its temporary file is removed and the target is
/// untouched.
pub struct Atomic {
    file: Option<std::io::BufWriter<std::fs::File>>,
    temporary: PathBuf,
    path: PathBuf,
}

impl Atomic {
    pub fn create(path: &Path) -> std::io::Result<Atomic> {
        let temporary = temporary_beside(path);
        let file = std::fs::File::create(&temporary)?;
        Ok(Atomic {
            file: Some(std::io::BufWriter::new(file)),
            temporary,
            path: path.to_path_buf(),
        })
    }

    /// Flushes, syncs and renames the file over the target.
    pub fn commit(mut self) -> std::io::Result<()> {
        let result = match self.file.take() {
            Some(file) => file
                .into_inner()
                .map_err(|e| e.into_error())
                .and_then(|f| f.sync_all())
                .and_then(|_| std::fs::rename(&self.temporary, &self.path)),
            None => Ok(()),
        };
        if result.is_err() {
            let _ = std::fs::remove_file(&self.temporary);
        }
        result
    }
}

impl Write for Atomic {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match &mut self.file {
            Some(f) => f.write(buf),
            None => Ok(0),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match &mut self.file {
            Some(f) => f.flush(),
            None => Ok(()),
        }
    }
}

impl Drop for Atomic {
    fn drop(&mut self) {
        if self.file.take().is_some() {
            let _ = std::fs::remove_file(&self.temporary);
        }
    }
}

/// `dir/.name.perfrules-<pid>.tmp`: hidden, beside the target, unique to this process.
fn temporary_beside(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "output".to_string());
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty());
    let temporary = format!(".{name}.perfrules-{}.tmp", std::process::id());
    match dir {
        Some(dir) => dir.join(temporary),
        None => PathBuf::from(temporary),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_replaced_whole_and_no_temporary_file_is_left() {
        let dir = std::env::temp_dir().join(format!("perfrules-write-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let target = dir.join("out.json");
        std::fs::write(&target, "old").unwrap();
        atomically(&target, b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "new");
        let left: Vec<_> = std::fs::read_dir(&dir).unwrap().collect();
        assert_eq!(left.len(), 1);
        // A target in a directory that does not exist: an error, nothing written.
        assert!(atomically(&dir.join("no/such/dir/out.json"), b"x").is_err());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
