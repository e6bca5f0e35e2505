//! The library's error type: what went wrong, and in which file and line.

use std::fmt;
use std::io;
use std::path::PathBuf;

/// A place in an input file, for messages: `people.toml:12:5`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Location {
    /// The file as the user named it (or `builtin:people.toml`).
    pub file: String,
    /// 1-based line, 0 when unknown.
    pub line: u32,
    /// 1-based column, 0 when unknown.
    pub column: u32,
}

impl Location {
    /// A location at a line of a file.
    pub fn line(file: impl Into<String>, line: u32) -> Location {
        Location {
            file: file.into(),
            line,
            column: 0,
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.file)?;
        if self.line > 0 {
            write!(f, ":{}", self.line)?;
        }
        if self.column > 0 {
            write!(f, ":{}", self.column)?;
        }
        Ok(())
    }
}

/// Everything that can stop a library operation.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A file or directory could not be read or written.
    #[error("{}: {}", path.display(), io_message(error))]
    Io {
        /// The path involved.
        path: PathBuf,
        /// The operating system's error (its message is part of this error's).
        error: io::Error,
    },
    /// An input file is malformed: a gazetteer, a relations file, a graph.
    #[error("{location}: {message}")]
    Parse {
        /// Where.
        location: Location,
        /// What is wrong and, where it helps, what to do.
        message: String,
    },
    /// A request that cannot be carried out: an unknown actor, a bad option.
    #[error("{0}")]
    Invalid(String),
}

impl Error {
    /// An I/O error on a path.
    pub fn io(path: impl Into<PathBuf>, error: io::Error) -> Error {
        Error::Io {
            path: path.into(),
            error,
        }
    }

    /// A parse error at a location.
    pub fn parse(location: Location, message: impl Into<String>) -> Error {
        Error::Parse {
            location,
            message: message.into(),
        }
    }
}

/// "No such file or directory", without the "(os error 2)" that means nothing to a reader.
fn io_message(error: &io::Error) -> String {
    let message = error.to_string();
    match message.find(" (os error") {
        Some(i) => message[..i].to_string(),
        None => message,
    }
}

/// The library's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Line (1-based) and column (1-based, in characters) of a byte offset.
pub fn line_column(text: &str, offset: usize) -> (u32, u32) {
    let offset = offset.min(text.len());
    let before = &text[..floor_char_boundary(text, offset)];
    let line = before.bytes().filter(|&b| b == b'\n').count() as u32 + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() as u32 + 1;
    (line, column)
}

/// Line numbers of many offsets into one text: the line starts are found once,
/// then each lookup is a binary search (a gazetteer file asks for thousands).
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// Indexes the line starts of `text`.
    pub fn new(text: &str) -> LineIndex {
        let starts = std::iter::once(0)
            .chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1))
            .collect();
        LineIndex { starts }
    }

    /// The 1-based line that holds byte `offset`.
    pub fn line(&self, offset: usize) -> u32 {
        self.starts.partition_point(|&s| s <= offset) as u32
    }
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_of_offsets() {
        let text = "ab\ncdé\nf";
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, 3), (2, 1));
        assert_eq!(line_column(text, 7), (2, 4));
        assert_eq!(line_column(text, 100), (3, 2));
    }

    #[test]
    fn line_index_agrees_with_line_column() {
        let text = "ab\ncdé\n\nf";
        let index = LineIndex::new(text);
        for offset in 0..=text.len() {
            assert_eq!(index.line(offset), line_column(text, offset).0, "{offset}");
        }
    }

    #[test]
    fn messages_name_the_place() {
        let e = Error::parse(Location::line("people.toml", 12), "missing field `name`");
        assert_eq!(e.to_string(), "people.toml:12: missing field `name`");
    }
}
