//! The graph stage: from documents to the knowledge graph.
//!
//! Building has two halves so that the expensive one can run on every core:
//! [`Analyzer::analyze`] turns one document into a [`DocumentGraph`] (mentions,
//! co-mentions, typed relations, evidence), independently of every other
//! document; [`GraphBuilder::add`] merges those, in steps that commute, so the
//! graph is the same whatever the number of threads, the order of the
//! documents, or the shards they were built in ([`GraphBuilder::write_partial`]
//! and [`GraphBuilder::read_partial`], the partial graphs `merge` combines).
//!
//! ```
//! use actorgraph::corpus::Document;
//! use actorgraph::gazetteer::Gazetteer;
//! use actorgraph::graph::build::{Analyzer, BuildOptions, GraphBuilder};
//! use actorgraph::relations::Relations;
//!
//! let gazetteer = Gazetteer::builtin().unwrap();
//! let relations = Relations::builtin().unwrap();
//! let options = BuildOptions::default();
//! let analyzer = Analyzer::new(&gazetteer, &relations, &options).unwrap();
//! let mut builder = GraphBuilder::new(&gazetteer, &options);
//! let doc = Document::new("d1", "Erdogan told Putin about Syria.");
//! builder.add(&doc, analyzer.analyze(&doc));
//! let graph = builder.finish(Default::default());
//! assert!(graph.edges().iter().any(|e| e.kind.as_str() == "communicates"));
//! ```

mod analyze;
mod merge;
mod partial;
mod pipeline;
mod scopes;
mod snippet;
pub mod timeline;

use std::fmt;
use std::str::FromStr;

pub use analyze::{Analyzer, DocumentGraph, TextRelation};
pub use merge::{BuildStats, GraphBuilder};
pub use partial::{FORMAT as PARTIAL_FORMAT, PartialHeader, sorted as sorted_inputs};
pub use pipeline::{Progress, Reading, build_corpus, build_read, worker_threads};

/// Which mentions are "mentioned together".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// One sentence (the default).
    Sentence,
    /// One paragraph.
    Paragraph,
    /// The whole document.
    Document,
    /// N consecutive sentences.
    Window(u32),
}

impl fmt::Display for Scope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Scope::Sentence => f.write_str("sentence"),
            Scope::Paragraph => f.write_str("paragraph"),
            Scope::Document => f.write_str("document"),
            Scope::Window(n) => write!(f, "window:{n}"),
        }
    }
}

impl FromStr for Scope {
    type Err = String;

    fn from_str(s: &str) -> Result<Scope, String> {
        match s {
            "sentence" => Ok(Scope::Sentence),
            "paragraph" => Ok(Scope::Paragraph),
            "document" => Ok(Scope::Document),
            _ => match s.strip_prefix("window:").map(str::parse::<u32>) {
                Some(Ok(n)) if n >= 1 => Ok(Scope::Window(n)),
                _ => Err(format!(
                    "unknown scope '{s}' (expected sentence, paragraph, document or window:N with N >= 1)"
                )),
            },
        }
    }
}

/// Options of the graph stage.
#[derive(Debug, Clone, PartialEq)]
pub struct BuildOptions {
    /// Co-mention scope.
    pub scope: Scope,
    /// Match demonyms at all.
    pub demonyms: bool,
    /// Weight of a co-mention in which one side is only a demonym.
    pub demonym_weight: f64,
    /// Evidence items kept per edge.
    pub evidence: usize,
    /// Edges lighter than this are dropped.
    pub min_weight: f64,
    /// The day undated documents are resolved on (`None`: today).
    pub undated: Option<crate::date::Date>,
    /// Co-mentions needed before a pair's association measures are computed
    /// ([`crate::graph::association::MIN_COUNT`]).
    pub min_count: f64,
}

impl Default for BuildOptions {
    fn default() -> BuildOptions {
        BuildOptions {
            scope: Scope::Sentence,
            demonyms: true,
            demonym_weight: 0.5,
            evidence: 3,
            min_weight: 0.0,
            undated: None,
            min_count: crate::graph::association::MIN_COUNT,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scopes_parse_and_print() {
        for s in ["sentence", "paragraph", "document", "window:3"] {
            assert_eq!(s.parse::<Scope>().unwrap().to_string(), s);
        }
        for bad in ["window:0", "window:x", "page"] {
            assert!(bad.parse::<Scope>().is_err(), "{bad}");
        }
    }
}
