//! Exporters: the graph in the formats other tools read, one file per format
//! behind one trait, each streaming into a writer.
//!
//! | [`Format`] | file | for | written by |
//! |---|---|---|---|
//! | `dot` | `graph.dot` | Graphviz | [`dot`], with graphviz-rust's model and printer |
//! | `svg`, `png` | `graph.svg`, `graph.png` | people | [`render`]: the DOT, laid out by Graphviz |
//! | `json` | `graph.json` | networkx, d3, actorgraph | [`json`]: the node-link graph file |
//! | `gexf` | `graph.gexf` | Gephi, networkx, graphology | [`gexf`]: GEXF 1.3, with quick-xml |
//! | `graphml` | `graph.graphml` | yEd, igraph, networkx, Gephi | [`graphml`], with quick-xml |
//! | `csv` | `nodes.csv`, `edges.csv` | Gephi's spreadsheet import | [`csv`], with the csv crate |
//! | `html` | `graph.html` | people, in a browser | [`html`]: one self-contained page, drawn with WebGL (sigma.js) |
//! | `parquet` | `nodes.parquet`, `edges.parquet`, `evidence.parquet` | Spark (GraphFrames), DuckDB, Kùzu, LadybugDB, pandas | [`parquet`], with the arrow and parquet crates |
//! | `neo4j` | `neo4j-nodes.csv`, `neo4j-relationships.csv` | `neo4j-admin database import full` | [`neo4j`], with the csv crate |
//!
//! Diagrams (`dot`, `svg`, `png`) show a [`Selection`] of the graph, by default
//! its backbone at [`crate::graph::backbone::DIAGRAM_ALPHA`] and, of it, the
//! [`Selection::DIAGRAM_NODES`] strongest actors, so that a diagram of a real
//! corpus stays readable; the viewer (`html`) shows the
//! [`Selection::VIEWER_NODES`] strongest actors and at most
//! [`Selection::VIEWER_EDGES`] links; the data formats hold the whole graph.
//!
//! # One graph, the same values in every data format
//!
//! The data formats hold one node per actor (id = gazetteer id) and one edge
//! per graph edge, parallel edges included, each with the id
//! [`Graph::edge_id`] gives it. In GEXF and GraphML a directed link
//! (attacks, leads, visits, …) is a directed edge in a graph whose other
//! edges are undirected, which Gephi, yEd and graphology draw with arrows;
//! every edge also says `directed`, `from` and `to`, as the node-link JSON
//! does, because igraph keeps one direction per graph and does not keep which
//! end of an undirected edge came first. networkx refuses mixed graphs, so
//! [`Directions::Undirected`] (`export --undirected`) writes every edge
//! undirected for it. CSV, which Gephi reads per row, says `Directed` or
//! `Undirected` on each edge. One pair of actors holds at most one edge of a
//! type and direction (see [`crate::graph::kind`]), so no reader merges two.
//! Attributes:
//!
//! | node | value | edge | value |
//! |---|---|---|---|
//! | `label` | canonical name | `type` | edge type (`co_mention`, `meets`, …); GEXF's `kind` |
//! | `type` | `person`, `group`, `place` | `directed` | true when `from` acts on `to` |
//! | `mentions` | integer | `from`, `to` | the source and target ids (GEXF, GraphML) |
//! | `docs` | integer | `weight` | number |
//! | `first`, `last` | dates as in the graph (`2024`, `2024-12`, `2024-12-08`) | `docs`, `first`, `last` | as for nodes |
//! | `aliases` | the surface forms, most frequent first, as a JSON array of strings | `trigger` | the most frequent trigger word |
//! | `scopes` | integer: the scope units that name the actor | `evidence`, `evidence_doc` | the earliest evidence's snippet and document |
//! | | | `rules` | why a typed edge exists: the patterns (`relations.toml` ids, `builtin:NAME`) and facts (`gazetteer:FILE:LINE`) that found it, most frequent first, joined by `, ` |
//! | | | `key` | the edge id again (GraphML, for igraph) |
//! | | | `npmi`, `assoc`, `jaccard`, `llr` | a co-mention's association measures ([`crate::graph::association`]), numbers |
//! | | | `alpha` | the pair's backbone significance ([`crate::graph::backbone`]), a number |
//!
//! Parquet and Neo4j name the columns in lower case (`src`, `dst` and `id`
//! in Parquet, Neo4j's typed headers such as `weight:double`); Parquet keeps
//! `aliases` and `triggers` as lists, Neo4j as arrays, and Parquet writes
//! every evidence item in `evidence.parquet` (see each module).
//!
//! GraphML also says, for the graph, `scope` (what a scope unit is) and
//! `scopes` (how many the corpus has), so that the measures can be
//! recomputed from the file; CSV names the columns `Scopes`, `Npmi`,
//! `Assoc`, `Jaccard`, `Llr`, `Alpha` and `Rules`.
//!
//! A value the graph lacks (no date, no trigger, no evidence) is left out
//! rather than written empty. The JSON keeps everything, every evidence
//! included.
//!
//! # Text
//!
//! Names and snippets keep every character: quotes, `<`, `>`, `&`,
//! backslashes, newlines, tabs, emoji, Arabic script, right-to-left marks. The
//! formats' own escaping (the writers' job) carries them, with two documented
//! exceptions where a format cannot:
//!
//! - XML 1.0 (GEXF, GraphML, and the SVG Graphviz writes) forbids the control
//!   characters U+0001–U+001F other than tab, line feed and carriage return, and
//!   the non-characters U+FFFE and U+FFFF; they become U+FFFD (`�`).
//! - DOT labels and tooltips show a carriage return or CRLF as a line break,
//!   like a line feed, and the control characters above as U+FFFD. In SVG
//!   tooltips a tab reads as a space: Graphviz writes it raw into an XML
//!   attribute, where XML parsers normalize it.
//!
//! `aliases` is a JSON array, whose `` escapes carry control characters
//! through XML too.
//!
//! # Writing files
//!
//! [`write_atomic`] writes a file under a temporary name beside it and renames
//! it into place, so an interrupted run never leaves half a file where a good
//! one stood; [`write_formats`] writes several formats into a directory that way.
//!
//! ```
//! use actorgraph::export::{self, Format};
//! use actorgraph::graph::{Graph, Header};
//!
//! let graph = Graph::new(Header::default(), vec![], vec![]);
//! let dir = tempfile::tempdir().unwrap();
//! let written = export::write_formats(&graph, &[Format::Json, Format::Gexf], dir.path()).unwrap();
//! assert_eq!(written, [dir.path().join("graph.json"), dir.path().join("graph.gexf")]);
//! ```

mod atomic;
pub mod csv;
pub mod dot;
pub mod gexf;
pub mod graphml;
pub mod html;
pub mod json;
pub mod neo4j;
mod palette;
pub mod parquet;
pub mod render;
mod select;
mod text;

use std::fmt;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::str::FromStr;

pub use atomic::{Fill, Staged, remove_temporaries, stage, write_all_atomic, write_atomic};
pub use render::graphviz_available;
pub use select::Selection;

use crate::error::{Error, Result};
use crate::graph::Graph;

/// Writes a graph in one format.
pub trait Exporter {
    /// Writes `graph` to `out`, streaming. Errors are the writer's, or for
    /// rendered images Graphviz's (missing, or failing).
    fn write(&self, graph: &Graph, out: &mut dyn Write) -> io::Result<()>;
}

/// An output format of `export` and `build --format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Format {
    /// Graphviz DOT: a styled diagram, with a legend.
    Dot,
    /// The diagram as SVG, laid out by Graphviz.
    Svg,
    /// The diagram as PNG, laid out by Graphviz.
    Png,
    /// The node-link graph file (what `build` writes).
    Json,
    /// GEXF 1.3, Gephi's format.
    Gexf,
    /// GraphML.
    Graphml,
    /// Gephi's spreadsheet import: `nodes.csv` and `edges.csv`.
    Csv,
    /// One self-contained HTML page to explore the graph in a browser.
    Html,
    /// Apache Parquet: `nodes.parquet`, `edges.parquet`, `evidence.parquet`.
    Parquet,
    /// Neo4j's bulk import: `neo4j-nodes.csv`, `neo4j-relationships.csv`.
    Neo4j,
    /// The graph index beside the graph file (`GRAPH.idx`, see
    /// [`crate::graph::index`]): written by `export` and `build`, not by an
    /// exporter, since it is stamped with the graph file it indexes.
    Index,
}

impl Format {
    /// Every format.
    pub const ALL: [Format; 11] = [
        Format::Dot,
        Format::Svg,
        Format::Png,
        Format::Json,
        Format::Gexf,
        Format::Graphml,
        Format::Csv,
        Format::Html,
        Format::Parquet,
        Format::Neo4j,
        Format::Index,
    ];

    /// The name on the command line: `dot`, `svg`, `png`, `json`, `gexf`,
    /// `graphml`, `csv`, `html`, `parquet`, `neo4j`, `index`.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Dot => "dot",
            Format::Svg => "svg",
            Format::Png => "png",
            Format::Json => "json",
            Format::Gexf => "gexf",
            Format::Graphml => "graphml",
            Format::Csv => "csv",
            Format::Html => "html",
            Format::Parquet => "parquet",
            Format::Neo4j => "neo4j",
            Format::Index => "index",
        }
    }

    /// True for the diagrams (`dot`, `svg`, `png`), which show a [`Selection`].
    pub fn is_diagram(self) -> bool {
        matches!(self, Format::Dot | Format::Svg | Format::Png)
    }

    /// True for the formats that show a part of the graph and say how much
    /// (the diagrams and the viewer): they take the whole graph and their
    /// [`Selection`].
    pub fn selects_for_itself(self) -> bool {
        self.is_diagram() || self == Format::Html
    }

    /// The part of the graph a format shows unless told otherwise:
    /// [`Selection::diagram`] for diagrams, [`Selection::viewer`] for `html`,
    /// the whole graph for the data formats.
    pub fn default_selection(self) -> Selection {
        match self {
            _ if self.is_diagram() => Selection::diagram(),
            Format::Html => Selection::viewer(),
            _ => Selection::all(),
        }
    }

    /// True for the formats Graphviz renders (`svg`, `png`); see [`graphviz_available`].
    pub fn needs_graphviz(self) -> bool {
        matches!(self, Format::Svg | Format::Png)
    }

    /// True for the formats that write several files into a directory
    /// (`csv`, `parquet`, `neo4j`).
    pub fn writes_a_directory(self) -> bool {
        matches!(self, Format::Csv | Format::Parquet | Format::Neo4j)
    }

    /// True when the format is binary and has no business on a terminal
    /// (`png`, `parquet`).
    pub fn is_binary(self) -> bool {
        matches!(self, Format::Png | Format::Parquet)
    }

    /// The files the format writes, with their default names and exporters:
    /// one file for every format but `csv` and `neo4j`, which write two,
    /// `parquet`, which writes three, and `index`, which no exporter writes.
    /// Diagrams and
    /// the viewer show `selection` of the graph.
    pub fn outputs(self, selection: &Selection, directions: Directions) -> Vec<Output> {
        let one = |file_name, exporter: Box<dyn Exporter>| {
            vec![Output {
                file_name,
                exporter,
            }]
        };
        let dot = || dot::Dot::new(selection.clone());
        match self {
            Format::Dot => one("graph.dot", Box::new(dot())),
            Format::Svg => one("graph.svg", Box::new(render::Rendered::svg(dot()))),
            Format::Png => one("graph.png", Box::new(render::Rendered::png(dot()))),
            Format::Json => one("graph.json", Box::new(json::Json)),
            Format::Gexf => one("graph.gexf", Box::new(gexf::Gexf { directions })),
            Format::Graphml => one("graph.graphml", Box::new(graphml::Graphml { directions })),
            Format::Html => one("graph.html", Box::new(html::Html::new(selection.clone()))),
            Format::Index => Vec::new(),
            Format::Csv => vec![
                Output {
                    file_name: "nodes.csv",
                    exporter: Box::new(csv::NodeTable),
                },
                Output {
                    file_name: "edges.csv",
                    exporter: Box::new(csv::EdgeTable),
                },
            ],
            Format::Parquet => vec![
                Output {
                    file_name: "nodes.parquet",
                    exporter: Box::new(parquet::NodeTable),
                },
                Output {
                    file_name: "edges.parquet",
                    exporter: Box::new(parquet::EdgeTable),
                },
                Output {
                    file_name: "evidence.parquet",
                    exporter: Box::new(parquet::EvidenceTable),
                },
            ],
            Format::Neo4j => vec![
                Output {
                    file_name: "neo4j-nodes.csv",
                    exporter: Box::new(neo4j::NodeFile),
                },
                Output {
                    file_name: "neo4j-relationships.csv",
                    exporter: Box::new(neo4j::RelationshipFile),
                },
            ],
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Format {
    type Err = Error;

    fn from_str(s: &str) -> Result<Format> {
        Format::ALL
            .into_iter()
            .find(|f| f.as_str() == s)
            .ok_or_else(|| {
                let known: Vec<&str> = Format::ALL.iter().map(|f| f.as_str()).collect();
                Error::Invalid(format!(
                    "unknown format '{s}' (known: {})",
                    known.join(", ")
                ))
            })
    }
}

/// How GEXF and GraphML write a directed link.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Directions {
    /// A directed link is a directed edge in a graph whose other edges are
    /// undirected (GEXF's edge `type`, GraphML's edge `directed`): Gephi,
    /// yEd and graphology draw its arrow.
    #[default]
    Mixed,
    /// Every link is an undirected edge, and direction is in the `directed`,
    /// `from` and `to` attributes alone: for readers that refuse a graph
    /// that mixes the two (networkx's `read_gexf` and `read_graphml`).
    Undirected,
}

/// One file a format writes: its default name and the exporter that writes it.
pub struct Output {
    /// `graph.dot`, `nodes.csv`, ….
    pub file_name: &'static str,
    /// Writes the file's content.
    pub exporter: Box<dyn Exporter>,
}

/// Writes `graph` into `out_dir` (created if missing) in each format, under
/// the default names of [`Format::outputs`] (`graph.json`, `graph.svg`,
/// `nodes.csv` and `edges.csv`, …), each file atomically; diagrams and the
/// viewer show their [`Format::default_selection`]. Returns the paths
/// written, in order.
///
/// `svg` and `png` need Graphviz: check [`graphviz_available`] first to leave
/// them out quietly, or get an error that says how to install it. Files
/// written before an error stay; no file is left half written, and the files
/// of one format (csv's two) are replaced together or not at all.
pub fn write_formats(graph: &Graph, formats: &[Format], out_dir: &Path) -> Result<Vec<PathBuf>> {
    fs::create_dir_all(out_dir).map_err(|e| Error::io(out_dir, e))?;
    let mut written = Vec::new();
    for format in formats {
        let outputs = format.outputs(&format.default_selection(), Directions::default());
        written.extend(write_outputs(graph, &outputs, out_dir)?);
    }
    Ok(written)
}

/// Writes one format's files into `dir` under their default names, replacing
/// them together (see [`write_all_atomic`]); returns their paths.
pub fn write_outputs(graph: &Graph, outputs: &[Output], dir: &Path) -> Result<Vec<PathBuf>> {
    let files: Vec<(PathBuf, Fill)> = outputs
        .iter()
        .map(|output| {
            let fill: Fill = Box::new(move |out: &mut dyn Write| output.exporter.write(graph, out));
            (dir.join(output.file_name), fill)
        })
        .collect();
    let paths = files.iter().map(|(p, _)| p.clone()).collect();
    write_all_atomic(files)?;
    Ok(paths)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::tests::sample;

    #[test]
    fn format_names_round_trip() {
        for format in Format::ALL {
            assert_eq!(format.as_str().parse::<Format>().unwrap(), format);
        }
        let err = "pdf".parse::<Format>().unwrap_err().to_string();
        assert!(
            err.contains("unknown format 'pdf'") && err.contains("graphml"),
            "{err}"
        );
    }

    #[test]
    fn write_formats_names_the_files() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        let formats = [Format::Json, Format::Dot, Format::Csv];
        let written = write_formats(&sample(), &formats, &out).unwrap();
        let names: Vec<_> = written.iter().map(|p| p.file_name().unwrap()).collect();
        assert_eq!(names, ["graph.json", "graph.dot", "nodes.csv", "edges.csv"]);
        let json = fs::read(out.join("graph.json")).unwrap();
        assert_eq!(
            Graph::read_json("graph.json", json.as_slice()).unwrap(),
            sample()
        );
        let leftovers = fs::read_dir(&out).unwrap().count();
        assert_eq!(leftovers, 4, "no temporary files stay behind");
    }

    #[cfg(unix)]
    #[test]
    fn written_files_are_readable_by_others() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("graph.json");
        write_atomic(&path, |out| out.write_all(b"{}")).unwrap();
        let mode = fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o044, 0o044 & !umask(), "mode {mode:o}");
    }

    #[cfg(unix)]
    fn umask() -> u32 {
        // The umask of this process, read back from a file made with 0o666.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("probe");
        fs::write(&path, "").unwrap();
        use std::os::unix::fs::PermissionsExt;
        0o666 & !fs::metadata(&path).unwrap().permissions().mode()
    }
}
