//! The reports a batch names, in a fixed order, read one at a time.
//!
//! A path is a report file, a folder, or `-` (JSON Lines on standard input). Decisions:
//! - a folder is walked recursively; in it, only files whose name ends in `.json` (in any
//!   case) are reports, and names beginning with `.` (hidden files and folders) are passed
//!   over. A file named on the command line is a report whatever its name.
//! - order: paths in the order given; inside a folder, entries sorted by name (byte order),
//!   files and subfolders together, each subfolder walked where it sorts. The order never
//!   depends on the file system or the number of threads.
//! - `-`: one report per line; a line of only spaces is not a report (JSON Lines allows
//!   none, and a trailing newline makes one). A report is named `-:LINE`, its line number
//!   counted from 1.
//! - a file, folder or line that cannot be read is an [`Item`] whose text is an error: the
//!   run goes on with the next one. So is a file or line larger than
//!   [`crate::limits::MAX_REPORT_BYTES`]: a file is refused from its size, a line is read no
//!   further than the limit (the rest of it is passed over).
//!
//! Memory: one folder listing per level being walked, and one line or file at a time, each
//! at most [`crate::limits::MAX_REPORT_BYTES`].

use crate::limits::{read_file, ReadError, MAX_REPORT_BYTES};
use std::collections::VecDeque;
use std::io::BufRead;
use std::path::{Path, PathBuf};

/// A path as the command line gives it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    /// A report file or a folder of them.
    Path(PathBuf),
    /// `-`: JSON Lines on standard input.
    Stdin,
}

impl Input {
    pub fn from_arg(arg: &Path) -> Input {
        if arg.as_os_str() == "-" {
            Input::Stdin
        } else {
            Input::Path(arg.to_path_buf())
        }
    }

    /// Whether this is one report file (not a folder, not standard input).
    pub fn is_file(&self) -> bool {
        matches!(self, Input::Path(p) if !p.is_dir())
    }
}

/// One report to score: its place in the run, its name for messages, and its text.
#[derive(Debug)]
pub struct Item {
    /// 0-based position among the reports of the run.
    pub index: usize,
    /// The file's path as found, or `-:LINE`.
    pub name: String,
    /// For a line of standard input, its number (from 1).
    pub line: Option<usize>,
    /// The report's text, or why it could not be read.
    pub text: Result<String, ReadError>,
}

/// The reports of a list of inputs, lazily, in the order described in the module doc.
pub struct Inputs<R> {
    inputs: VecDeque<Input>,
    /// Folders being walked: for each level, the entries not yet visited, sorted.
    walking: Vec<VecDeque<PathBuf>>,
    stdin: Option<Lines<R>>,
    /// A source of JSON Lines for `-`, taken when `-` is reached.
    reader: Option<R>,
    next_index: usize,
}

struct Lines<R> {
    reader: R,
    line: usize,
}

impl<R: BufRead> Inputs<R> {
    /// The reports of `inputs`; `stdin` is read for `-`.
    pub fn new(inputs: Vec<Input>, stdin: R) -> Inputs<R> {
        Inputs {
            inputs: inputs.into(),
            walking: Vec::new(),
            stdin: None,
            reader: Some(stdin),
            next_index: 0,
        }
    }

    fn item(&mut self, name: String, text: Result<String, ReadError>) -> Item {
        let index = self.next_index;
        self.next_index += 1;
        Item {
            index,
            name,
            line: None,
            text,
        }
    }

    /// The next line of standard input that holds a report.
    fn next_line(&mut self) -> Option<Item> {
        let lines = self.stdin.as_mut()?;
        let mut bytes = Vec::new();
        loop {
            bytes.clear();
            lines.line += 1;
            let line = lines.line;
            let limit = MAX_REPORT_BYTES as u64 + 1;
            match std::io::Read::take(&mut lines.reader, limit).read_until(b'\n', &mut bytes) {
                Ok(0) => {
                    self.stdin = None;
                    return None;
                }
                Ok(_) if bytes.len() > MAX_REPORT_BYTES => {
                    // a line beyond the limit: the rest of it is passed over, not kept
                    if let Err(e) = skip_line(&mut lines.reader) {
                        self.stdin = None;
                        return Some(self.item(format!("-:{line}"), Err(ReadError::Io(e))));
                    }
                    let mut item = self.item(format!("-:{line}"), Err(ReadError::TooLarge(None)));
                    item.line = Some(line);
                    return Some(item);
                }
                Ok(_) => {
                    if bytes.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    let text = String::from_utf8(std::mem::take(&mut bytes)).map_err(|e| {
                        ReadError::Io(std::io::Error::new(
                            std::io::ErrorKind::InvalidData,
                            e.utf8_error(),
                        ))
                    });
                    let mut item = self.item(format!("-:{line}"), text);
                    item.line = Some(line);
                    return Some(item);
                }
                Err(e) => {
                    // A read error ends standard input: the stream cannot be trusted after it.
                    self.stdin = None;
                    return Some(self.item(format!("-:{line}"), Err(ReadError::Io(e))));
                }
            }
        }
    }

    /// The next report file of the folders being walked.
    fn next_in_folder(&mut self) -> Option<Item> {
        while let Some(level) = self.walking.last_mut() {
            let Some(path) = level.pop_front() else {
                self.walking.pop();
                continue;
            };
            if path.is_dir() {
                match listing(&path) {
                    Ok(entries) => self.walking.push(entries),
                    Err(e) => {
                        return Some(self.item(path.display().to_string(), Err(ReadError::Io(e))))
                    }
                }
            } else if is_report_name(&path) {
                let text = read_file(&path, MAX_REPORT_BYTES);
                return Some(self.item(path.display().to_string(), text));
            }
        }
        None
    }
}

impl<R: BufRead> Iterator for Inputs<R> {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        loop {
            if let Some(item) = self.next_line() {
                return Some(item);
            }
            if let Some(item) = self.next_in_folder() {
                return Some(item);
            }
            match self.inputs.pop_front()? {
                Input::Stdin => {
                    self.stdin = self.reader.take().map(|reader| Lines { reader, line: 0 });
                }
                Input::Path(path) if path.is_dir() => match listing(&path) {
                    Ok(entries) => self.walking.push(entries),
                    Err(e) => {
                        return Some(self.item(path.display().to_string(), Err(ReadError::Io(e))))
                    }
                },
                Input::Path(path) => {
                    let text = read_file(&path, MAX_REPORT_BYTES);
                    return Some(self.item(path.display().to_string(), text));
                }
            }
        }
    }
}

/// Reads to the end of the line without keeping it.
fn skip_line<R: BufRead>(reader: &mut R) -> std::io::Result<()> {
    loop {
        let buffer = reader.fill_buf()?;
        if buffer.is_empty() {
            return Ok(());
        }
        match buffer.iter().position(|&b| b == b'\n') {
            Some(at) => {
                reader.consume(at + 1);
                return Ok(());
            }
            None => {
                let n = buffer.len();
                reader.consume(n);
            }
        }
    }
}

/// A folder's entries worth visiting, sorted by name.
fn listing(dir: &Path) -> Result<VecDeque<PathBuf>, std::io::Error> {
    let mut entries = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        if !entry.file_name().as_encoded_bytes().starts_with(b".") {
            entries.push(entry.path());
        }
    }
    entries.sort_by(|a, b| {
        let name = |p: &PathBuf| p.file_name().map(|n| n.as_encoded_bytes().to_vec());
        name(a).cmp(&name(b))
    });
    Ok(entries.into())
}

fn is_report_name(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(inputs: Vec<Input>, stdin: &str) -> Vec<String> {
        Inputs::new(inputs, stdin.as_bytes())
            .map(|i| i.name)
            .collect()
    }

    #[test]
    fn json_lines_are_named_by_line_and_blank_lines_are_not_reports() {
        let got = names(vec![Input::Stdin], "{\"a\":1}\n\n  \n{\"b\":2}\n{\"c\":3}");
        assert_eq!(got, ["-:1", "-:4", "-:5"]);
    }

    #[test]
    fn a_folder_is_walked_recursively_in_name_order() {
        let dir = std::env::temp_dir().join(format!("perfrules-input-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        for f in [
            "b.json",
            "a/z.json",
            "a/y.JSON",
            "c.txt",
            ".hidden.json",
            "a10.json",
        ] {
            let path = dir.join(f);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, "{}").unwrap();
        }
        let got = names(vec![Input::Path(dir.clone())], "");
        let rel: Vec<String> = got
            .iter()
            .map(|n| {
                n.strip_prefix(&dir.display().to_string())
                    .unwrap()
                    .to_string()
            })
            .collect();
        assert_eq!(rel, ["/a/y.JSON", "/a/z.json", "/a10.json", "/b.json"]);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn an_unreadable_path_is_an_item_with_its_error_and_the_run_goes_on() {
        let items: Vec<Item> = Inputs::new(
            vec![Input::Path("/no/such/report.json".into()), Input::Stdin],
            "{}\n".as_bytes(),
        )
        .collect();
        assert_eq!(items.len(), 2);
        assert!(items[0].text.is_err());
        assert_eq!(items[1].name, "-:1");
        assert_eq!(items[1].index, 1);
    }
}
