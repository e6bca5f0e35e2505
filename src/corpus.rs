//! Reads documents one at a time from files, directory trees, JSONL files and
//! standard input, so that a corpus is never held in memory. Problems with one
//! document become warnings; the rest of the corpus goes on.

use std::collections::VecDeque;
use std::fs::{self, File};
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::error::{Error, Location};

/// One news document.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Document {
    /// The file path relative to the input it was found under, or the JSONL `id`.
    pub id: String,
    /// The text.
    pub text: String,
    /// JSONL `title`.
    pub title: Option<String>,
    /// JSONL `date`, as written.
    pub date: Option<String>,
    /// JSONL `source`.
    pub source: Option<String>,
    /// JSONL `url`.
    pub url: Option<String>,
}

impl Document {
    /// A document with an id and a text.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Document {
        Document {
            id: id.into(),
            text: text.into(),
            ..Document::default()
        }
    }
}

/// Something wrong with one input, reported and passed over.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// The file, and the line for JSONL.
    pub location: Location,
    /// What is wrong.
    pub message: String,
    /// True when input was lost (a document skipped); false for a note such as
    /// lossy decoding, where the document is still read.
    pub skipped: bool,
}

/// What the corpus yields: a document, or a warning about an input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    /// A document to read.
    Document(Document),
    /// A problem with an input; a warning with `skipped` set means a document was lost.
    Warning(Warning),
}

/// An input as given on the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// Standard input: JSONL when it starts with `{`, else one text document.
    Stdin,
    /// A file or a directory.
    Path(PathBuf),
}

impl Input {
    /// `-` is standard input.
    pub fn parse(arg: &str) -> Input {
        if arg == "-" {
            Input::Stdin
        } else {
            Input::Path(PathBuf::from(arg))
        }
    }
}

/// What a directory entry is, for the walk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Child {
    Dir,
    /// A symbolic link to a directory: not followed, so no walk loops.
    LinkedDir,
    File,
    /// A FIFO, socket or device.
    Special,
}

/// How many bytes at the start of a text file are looked at for NUL bytes,
/// the sign of a binary file.
const BINARY_PROBE: usize = 8192;

enum Pending {
    /// An input that cannot be opened, with the reason.
    Missing(String),
    Stdin,
    Dir {
        path: PathBuf,
        root: PathBuf,
    },
    File {
        path: PathBuf,
        id: String,
    },
}

/// An iterator over the documents of several inputs, in a stable order
/// (directory entries sorted by name).
pub struct Corpus {
    pending: VecDeque<Pending>,
    jsonl: Option<JsonlReader>,
    ready: VecDeque<Item>,
    /// Files in directories that are not documents (neither .txt/.md nor .jsonl/.ndjson).
    pub ignored_files: usize,
}

impl Corpus {
    /// Opens the inputs. Problems with them (a path that does not exist, a
    /// file that cannot be read) are found out while reading, as warnings in
    /// their place, so that the other inputs are still read.
    pub fn open(inputs: &[Input]) -> crate::Result<Corpus> {
        let mut pending = VecDeque::new();
        for input in inputs {
            match input {
                Input::Stdin => pending.push_back(Pending::Stdin),
                Input::Path(path) => {
                    let meta = match fs::metadata(path) {
                        Ok(meta) => meta,
                        Err(e) => {
                            let e = Error::io(path, e);
                            pending.push_back(Pending::Missing(e.to_string()));
                            continue;
                        }
                    };
                    if meta.is_dir() {
                        pending.push_back(Pending::Dir {
                            path: path.clone(),
                            root: path.clone(),
                        });
                    } else {
                        let id = path.file_name().map_or_else(
                            || path.display().to_string(),
                            |n| n.to_string_lossy().into_owned(),
                        );
                        pending.push_back(Pending::File {
                            path: path.clone(),
                            id,
                        });
                    }
                }
            }
        }
        Ok(Corpus {
            pending,
            jsonl: None,
            ready: VecDeque::new(),
            ignored_files: 0,
        })
    }

    fn expand_dir(&mut self, path: &Path, root: &Path) -> Option<Item> {
        let entries = match fs::read_dir(path) {
            Ok(entries) => entries,
            Err(e) => {
                return Some(Item::Warning(warning(
                    path,
                    0,
                    format!("cannot read directory: {e}"),
                    true,
                )));
            }
        };
        let mut children: Vec<(PathBuf, Child)> = entries
            .filter_map(|e| e.ok())
            .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
            .filter_map(|e| {
                let ty = e.file_type().ok()?;
                // Symbolic links to directories are not followed: no loops.
                let kind = if ty.is_dir() {
                    Child::Dir
                } else if ty.is_symlink() {
                    match fs::metadata(e.path()) {
                        // A link to nowhere is reported when it is read.
                        Ok(m) if m.is_file() => Child::File,
                        Err(_) => Child::File,
                        Ok(m) if m.is_dir() => Child::LinkedDir,
                        Ok(_) => Child::Special,
                    }
                } else if ty.is_file() {
                    Child::File
                } else {
                    Child::Special
                };
                Some((e.path(), kind))
            })
            .collect();
        children.sort();
        let mut special = Vec::new();
        for (child, kind) in children.into_iter().rev() {
            match kind {
                Child::Special if is_document_file(&child) => {
                    special.push(child);
                    continue;
                }
                Child::Special | Child::LinkedDir => {
                    self.ignored_files += 1;
                    continue;
                }
                Child::Dir | Child::File => {}
            }
            let next = if kind == Child::Dir {
                Pending::Dir {
                    path: child,
                    root: root.to_path_buf(),
                }
            } else if is_document_file(&child) {
                let id = child
                    .strip_prefix(root)
                    .unwrap_or(&child)
                    .to_string_lossy()
                    .replace('\\', "/");
                Pending::File { path: child, id }
            } else {
                self.ignored_files += 1;
                continue;
            };
            self.pending.push_front(next);
        }
        // A FIFO or device found in a directory could block the run forever:
        // only one named on the command line is read.
        for path in special.into_iter().rev() {
            self.ready.push_back(Item::Warning(warning(
                &path,
                0,
                "not a regular file (a FIFO, socket or device); not read from a directory, name it on the command line to read it".into(),
                false,
            )));
        }
        None
    }

    fn open_file(&mut self, path: &Path, id: String) -> Option<Item> {
        if is_jsonl(path) {
            return match File::open(path) {
                Ok(f) => {
                    self.jsonl = Some(JsonlReader::new(
                        Box::new(BufReader::new(f)),
                        path.display().to_string(),
                    ));
                    None
                }
                Err(e) => Some(Item::Warning(warning(
                    path,
                    0,
                    format!("cannot open: {e}; skipped"),
                    true,
                ))),
            };
        }
        let bytes = match fs::read(path) {
            Ok(b) => b,
            Err(e) => {
                return Some(Item::Warning(warning(
                    path,
                    0,
                    format!("cannot read: {e}; skipped"),
                    true,
                )));
            }
        };
        text_document(&path.display().to_string(), id, bytes, &mut self.ready);
        None
    }

    fn open_stdin(&mut self) -> Option<Item> {
        let mut reader = BufReader::with_capacity(1 << 16, io::stdin());
        let first = loop {
            match reader.fill_buf() {
                Ok([]) => break None,
                Ok(buf) => {
                    let skip = buf.iter().take_while(|b| b.is_ascii_whitespace()).count();
                    if skip < buf.len() {
                        break Some(buf[skip]);
                    }
                    reader.consume(skip);
                }
                Err(e) => {
                    return Some(Item::Warning(warning(
                        Path::new("<stdin>"),
                        0,
                        format!("cannot read: {e}"),
                        true,
                    )));
                }
            }
        };
        if first == Some(b'{') {
            self.jsonl = Some(JsonlReader::new(Box::new(reader), "<stdin>".to_string()));
            return None;
        }
        let mut bytes = Vec::new();
        if let Err(e) = reader.read_to_end(&mut bytes) {
            return Some(Item::Warning(warning(
                Path::new("<stdin>"),
                0,
                format!("cannot read: {e}"),
                true,
            )));
        }
        text_document("<stdin>", "stdin".to_string(), bytes, &mut self.ready);
        None
    }
}

impl Iterator for Corpus {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        loop {
            if let Some(item) = self.ready.pop_front() {
                return Some(item);
            }
            if let Some(reader) = &mut self.jsonl {
                if !reader.next_items(&mut self.ready) {
                    self.jsonl = None;
                }
                continue;
            }
            let item = match self.pending.pop_front()? {
                Pending::Missing(message) => {
                    let (file, message) = message.split_once(": ").unwrap_or(("", &message));
                    Some(Item::Warning(warning(
                        Path::new(file),
                        0,
                        format!("{message}; skipped"),
                        true,
                    )))
                }
                Pending::Stdin => self.open_stdin(),
                Pending::Dir { path, root } => self.expand_dir(&path, &root),
                Pending::File { path, id } => self.open_file(&path, id),
            };
            if item.is_some() {
                return item;
            }
        }
    }
}

fn is_document_file(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("txt" | "md" | "jsonl" | "ndjson")
    )
}

fn is_jsonl(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("jsonl" | "ndjson")
    )
}

fn warning(path: &Path, line: u32, message: String, skipped: bool) -> Warning {
    Warning {
        location: Location::line(path.display().to_string(), line),
        message,
        skipped,
    }
}

/// The note for a text that is not valid UTF-8.
const NOT_UTF8: &str =
    "not valid UTF-8; each invalid byte is read as U+001A (SUBSTITUTE), so offsets stay the file's";

/// Text from bytes that are not all UTF-8: each byte of an invalid sequence
/// becomes U+001A SUBSTITUTE, one byte for one, so that every offset into the
/// text is the same offset into the file (U+FFFD, three bytes long, would
/// shift them). U+001A separates words, as a control character does.
pub fn decode_invalid(bytes: &[u8]) -> String {
    let mut text = String::with_capacity(bytes.len());
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        text.extend(std::iter::repeat_n('\u{1A}', chunk.invalid().len()));
    }
    text
}

/// A whole file as one document: binary files are skipped, invalid UTF-8 is
/// decoded byte for byte (see [`decode_invalid`]) with a note. Pushes what it
/// finds to `out`.
fn text_document(file: &str, id: String, bytes: Vec<u8>, out: &mut VecDeque<Item>) {
    let path = Path::new(file);
    if bytes[..bytes.len().min(BINARY_PROBE)].contains(&0) {
        out.push_back(Item::Warning(warning(
            path,
            0,
            "binary file (it holds NUL bytes); skipped".into(),
            true,
        )));
        return;
    }
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let text = decode_invalid(e.as_bytes());
            let (line, _) = crate::error::line_column(&text, at);
            out.push_back(Item::Warning(warning(path, line, NOT_UTF8.into(), false)));
            text
        }
    };
    if text.trim().is_empty() {
        out.push_back(Item::Warning(warning(
            path,
            0,
            "empty document: nothing to read".into(),
            false,
        )));
        return;
    }
    out.push_back(Item::Document(Document::new(id, text)));
}

#[derive(Deserialize)]
struct JsonlRecord {
    id: Option<serde_json::Value>,
    text: String,
    title: Option<String>,
    date: Option<String>,
    source: Option<String>,
    url: Option<String>,
}

struct JsonlReader {
    reader: Box<dyn BufRead + Send>,
    file: String,
    line: u32,
    buf: Vec<u8>,
    /// A hash of each id read so far, with its line: a file that repeats an
    /// id is worth a word (the documents' evidence would be confused).
    ids: rustc_hash::FxHashMap<u64, u32>,
}

impl JsonlReader {
    fn new(reader: Box<dyn BufRead + Send>, file: String) -> JsonlReader {
        JsonlReader {
            reader,
            file,
            line: 0,
            buf: Vec::new(),
            ids: rustc_hash::FxHashMap::default(),
        }
    }

    /// The line of an earlier document with this id, if any; remembers it.
    fn seen_id(&mut self, id: &str) -> Option<u32> {
        use std::hash::{BuildHasher, BuildHasherDefault};
        let hash = BuildHasherDefault::<rustc_hash::FxHasher>::default().hash_one(id);
        match self.ids.insert(hash, self.line) {
            Some(earlier) => {
                self.ids.insert(hash, earlier);
                Some(earlier)
            }
            None => None,
        }
    }

    fn parse(&self, bytes: &[u8]) -> Item {
        let record: JsonlRecord = match serde_json::from_slice(bytes) {
            Ok(r) => r,
            Err(e) => {
                let what = if e.is_data() {
                    "not a document object {\"id\", \"text\"}"
                } else {
                    "not valid JSON"
                };
                return Item::Warning(self.warn(format!("{what}: {e}; line skipped"), true));
            }
        };
        let id = match record.id {
            Some(serde_json::Value::String(s)) => s,
            Some(serde_json::Value::Number(n)) => n.to_string(),
            None => format!("{}:{}", self.file, self.line),
            Some(_) => {
                return Item::Warning(self.warn(
                    "\"id\" must be a string or a number; line skipped".into(),
                    true,
                ));
            }
        };
        Item::Document(Document {
            id,
            text: record.text,
            title: record.title,
            date: record.date,
            source: record.source,
            url: record.url,
        })
    }

    fn warn(&self, message: String, skipped: bool) -> Warning {
        warning(Path::new(&self.file), self.line, message, skipped)
    }
}

impl JsonlReader {
    /// The next document or warning; a line with invalid UTF-8 is repaired
    /// (replacement characters) and yields a note, then its document.
    fn next_items(&mut self, out: &mut VecDeque<Item>) -> bool {
        loop {
            self.buf.clear();
            self.line += 1;
            match self.reader.read_until(b'\n', &mut self.buf) {
                Ok(0) => return false,
                Ok(_) => {}
                Err(e) => {
                    out.push_back(Item::Warning(
                        self.warn(format!("cannot read: {e}; rest of file skipped"), true),
                    ));
                    return false;
                }
            }
            let mut line = self.buf.trim_ascii();
            if self.line == 1 {
                // A byte-order mark, as some editors write at the start of a file.
                line = line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(line);
            }
            if line.is_empty() {
                continue;
            }
            let item = match std::str::from_utf8(line) {
                Ok(_) => self.parse(line),
                Err(_) => {
                    out.push_back(Item::Warning(self.warn(NOT_UTF8.into(), false)));
                    self.parse(decode_invalid(line).as_bytes())
                }
            };
            if let Item::Document(doc) = &item
                && let Some(earlier) = self.seen_id(&doc.id)
            {
                out.push_back(Item::Warning(self.warn(
                    format!(
                        "document id '{}' was used before (line {earlier}); both documents are read",
                        doc.id
                    ),
                    false,
                )));
            }
            out.push_back(item);
            return true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn collect(inputs: &[Input]) -> (Vec<Document>, Vec<Warning>) {
        let mut docs = Vec::new();
        let mut warnings = Vec::new();
        for item in Corpus::open(inputs).unwrap() {
            match item {
                Item::Document(d) => docs.push(d),
                Item::Warning(w) => warnings.push(w),
            }
        }
        (docs, warnings)
    }

    #[test]
    fn directory_walk_is_sorted_and_ids_are_relative() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir(dir.path().join("sub")).unwrap();
        fs::write(dir.path().join("b.txt"), "B text").unwrap();
        fs::write(dir.path().join("a.md"), "A text").unwrap();
        fs::write(dir.path().join("sub/c.txt"), "C text").unwrap();
        fs::write(dir.path().join("image.png"), [0u8, 1, 2]).unwrap();
        fs::write(
            dir.path().join("d.jsonl"),
            "{\"id\":\"x1\",\"text\":\"X\"}\n{\"id\":7,\"text\":\"Y\",\"date\":\"2024-12-01\"}\n",
        )
        .unwrap();
        let (docs, warnings) = collect(&[Input::Path(dir.path().to_path_buf())]);
        let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["a.md", "b.txt", "x1", "7", "sub/c.txt"]);
        assert_eq!(docs[3].date.as_deref(), Some("2024-12-01"));
        assert!(warnings.is_empty(), "{warnings:?}");
    }

    #[test]
    fn bad_inputs_warn_with_file_and_line_and_the_rest_goes_on() {
        let dir = tempfile::tempdir().unwrap();
        let p = |n: &str| dir.path().join(n);
        fs::write(p("bin.txt"), b"abc\0def").unwrap();
        fs::write(p("empty.txt"), "  \n").unwrap();
        fs::write(p("latin1.txt"), b"Erdo\xf0an spoke").unwrap();
        fs::write(p("docs.jsonl"), "{\"id\":\"1\",\"text\":\"one\"}\n{\"id\":\"2\",\"text\":\n{\"id\":\"3\"}\n\n{\"id\":\"4\",\"text\":\"four\"}\n").unwrap();
        let (docs, warnings) = collect(&[Input::Path(dir.path().to_path_buf())]);
        let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["1", "4", "latin1.txt"]);
        // Invalid bytes are read one for one: offsets stay the file's.
        assert_eq!(docs[2].text, "Erdo\u{1A}an spoke");
        let w: Vec<String> = warnings
            .iter()
            .map(|w| format!("{}: {}", w.location, w.message))
            .collect();
        assert_eq!(w.len(), 5, "{w:?}");
        assert!(w[0].contains("bin.txt: binary file"), "{w:?}");
        assert!(w[1].contains("docs.jsonl:2: not valid JSON"), "{w:?}");
        assert!(
            w[2].contains("docs.jsonl:3: not a document object"),
            "{w:?}"
        );
        assert!(
            w[3].contains("empty.txt: empty document: nothing to read"),
            "{w:?}"
        );
        assert!(!warnings[3].skipped, "an empty file loses nothing");
        assert!(w[4].contains("latin1.txt:1: not valid UTF-8"), "{w:?}");
    }

    #[test]
    fn a_missing_path_is_reported_in_its_place_and_the_rest_is_read() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("a.txt"), "A text").unwrap();
        let (docs, warnings) = collect(&[
            Input::Path("no/such/file.txt".into()),
            Input::Path(dir.path().join("a.txt")),
        ]);
        assert_eq!(docs.len(), 1);
        assert_eq!(warnings.len(), 1);
        let w = &warnings[0];
        assert!(w.skipped);
        assert_eq!(w.location.to_string(), "no/such/file.txt");
        assert!(
            w.message.contains("No such file") && w.message.ends_with("; skipped"),
            "{w:?}"
        );
    }

    #[test]
    fn invalid_bytes_keep_every_offset() {
        let table: &[(&[u8], &str)] = &[
            (b"Iraq \xff Syria", "Iraq \u{1A} Syria"),
            (b"\xe2\x82 x", "\u{1A}\u{1A} x"),
            (b"ok \xf0\x9f\x98 \xc3\xa9", "ok \u{1A}\u{1A}\u{1A} \u{e9}"),
        ];
        for (bytes, text) in table {
            let decoded = decode_invalid(bytes);
            assert_eq!(decoded, *text);
            assert_eq!(decoded.len(), bytes.len());
        }
    }

    #[test]
    fn jsonl_with_a_byte_order_mark_and_repeated_ids() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("d.jsonl");
        let lines = "\u{FEFF}{\"id\":\"a\",\"text\":\"one\"}\n{\"id\":\"a\",\"text\":\"two\"}\n{\"id\":\"b\",\"text\":\"three\"}\n{\"id\":\"a\",\"text\":\"four\"}\n";
        fs::write(&path, lines).unwrap();
        let (docs, warnings) = collect(&[Input::Path(path)]);
        assert_eq!(docs.len(), 4, "the first document is read despite the mark");
        let w: Vec<String> = warnings
            .iter()
            .map(|w| format!("{}: {}", w.location, w.message))
            .collect();
        assert_eq!(w.len(), 2, "{w:?}");
        assert!(
            w[0].ends_with(
                "d.jsonl:2: document id 'a' was used before (line 1); both documents are read"
            ),
            "{w:?}"
        );
        assert!(
            w[1].contains("d.jsonl:4: document id 'a' was used before (line 1)"),
            "{w:?}"
        );
        assert!(warnings.iter().all(|w| !w.skipped));
    }

    #[cfg(unix)]
    #[test]
    fn special_files_in_a_directory_are_not_read() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("a.txt"), "A text").unwrap();
        let fifo = dir.path().join("news.txt");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|s| s.success()) {
            eprintln!("skipped: mkfifo is not available");
            return;
        }
        // Reading the FIFO would block this test forever.
        let (docs, warnings) = collect(&[Input::Path(dir.path().to_path_buf())]);
        assert_eq!(docs.len(), 1);
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(
            warnings[0].message.starts_with("not a regular file"),
            "{warnings:?}"
        );
        assert!(warnings[0].location.to_string().ends_with("news.txt"));
    }
}
