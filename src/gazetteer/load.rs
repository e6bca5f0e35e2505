//! Where gazetteers come from: the curated files embedded in the binary, or files
//! and directories named with `-g`.

use std::fs;
use std::path::{Path, PathBuf};

use super::builder::GazetteerBuilder;
use super::titles::{self, TITLES_FILE};
use crate::error::Error;

/// One gazetteer source, as given to one `-g`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// The curated gazetteer bundled in the binary.
    Builtin,
    /// A `.toml` or `.tsv` file, or a directory of them.
    Path(PathBuf),
}

impl Source {
    /// `builtin` is the bundled gazetteer; anything else is a path.
    pub fn parse(arg: &str) -> Source {
        if arg == "builtin" {
            Source::Builtin
        } else {
            Source::Path(PathBuf::from(arg))
        }
    }
}

/// The curated files, embedded at build time.
pub(crate) static BUILTIN: &[(&str, &str)] = &[
    ("places.toml", include_str!("../../gazetteer/places.toml")),
    ("groups.toml", include_str!("../../gazetteer/groups.toml")),
    ("people.toml", include_str!("../../gazetteer/people.toml")),
    ("iraq.toml", include_str!("../../gazetteer/iraq.toml")),
    ("iran.toml", include_str!("../../gazetteer/iran.toml")),
    ("history.toml", include_str!("../../gazetteer/history.toml")),
    ("syria.toml", include_str!("../../gazetteer/syria.toml")),
    ("lebanon.toml", include_str!("../../gazetteer/lebanon.toml")),
    ("israel.toml", include_str!("../../gazetteer/israel.toml")),
    ("turkiye.toml", include_str!("../../gazetteer/turkiye.toml")),
    ("media.toml", include_str!("../../gazetteer/media.toml")),
    ("gulf.toml", include_str!("../../gazetteer/gulf.toml")),
    ("world.toml", include_str!("../../gazetteer/world.toml")),
];

/// Names of files in a gazetteer directory that hold something other than
/// entities: relation patterns (read by the graph stage) and title words.
pub(crate) const NOT_ENTITIES: &[&str] = &["relations.toml", TITLES_FILE];

pub(super) fn add_source(builder: &mut GazetteerBuilder, source: &Source) -> crate::Result<()> {
    builder.begin_source();
    match source {
        Source::Builtin => {
            for (name, text) in BUILTIN {
                builder.add_toml(&format!("builtin:{name}"), text)?;
            }
            builder.add_titles(&format!("builtin:{TITLES_FILE}"), titles::BUILTIN)
        }
        Source::Path(path) => add_path(builder, path),
    }
}

fn add_path(builder: &mut GazetteerBuilder, path: &Path) -> crate::Result<()> {
    for file in files_of(path)? {
        add_file(builder, &file)?;
    }
    Ok(())
}

/// The files a path given to `-g` stands for, in the order they are read: the
/// file itself, or a directory's `.toml` and `.tsv` files by name and its
/// title file last.
pub(super) fn files_of(path: &Path) -> crate::Result<Vec<PathBuf>> {
    let meta = fs::metadata(path).map_err(|e| Error::io(path, e))?;
    if !meta.is_dir() {
        return Ok(vec![path.to_path_buf()]);
    }
    let mut files: Vec<PathBuf> = fs::read_dir(path)
        .map_err(|e| Error::io(path, e))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            p.is_file()
                && (name.ends_with(".toml") || name.ends_with(".tsv"))
                && !NOT_ENTITIES.contains(&name)
        })
        .collect();
    files.sort();
    let titles = path.join(TITLES_FILE);
    if titles.is_file() {
        files.push(titles);
    }
    if files.is_empty() {
        return Err(Error::Invalid(format!(
            "{}: no .toml or .tsv gazetteer files in this directory",
            path.display()
        )));
    }
    Ok(files)
}

fn add_file(builder: &mut GazetteerBuilder, path: &Path) -> crate::Result<()> {
    let bytes = fs::read(path).map_err(|e| Error::io(path, e))?;
    let name = path.display().to_string();
    let text = String::from_utf8(bytes).map_err(|e| {
        let (line, column) = crate::error::line_column(
            &String::from_utf8_lossy(e.as_bytes()),
            e.utf8_error().valid_up_to(),
        );
        Error::parse(
            crate::error::Location {
                file: name.clone(),
                line,
                column,
            },
            "not valid UTF-8; save the file as UTF-8",
        )
    })?;
    if path.file_name().and_then(|n| n.to_str()) == Some(TITLES_FILE) {
        return builder.add_titles(&name, &text);
    }
    match path.extension().and_then(|e| e.to_str()) {
        Some("tsv") => builder.add_tsv(&name, &text),
        Some("toml") => builder.add_toml(&name, &text),
        _ => Err(Error::Invalid(format!(
            "{name}: a gazetteer file is .toml (curated) or .tsv (bulk list)"
        ))),
    }
}
