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

    /// The typed relations of one text, as "type source target" with the
    /// entities' ids.
    fn typed(text: &str) -> Vec<String> {
        use crate::corpus::Document;
        use crate::gazetteer::Gazetteer;
        use crate::relations::Relations;
        let gazetteer = Gazetteer::builtin().unwrap();
        let relations = Relations::builtin().unwrap();
        let options = BuildOptions::default();
        let analyzer = Analyzer::new(&gazetteer, &relations, &options).unwrap();
        let doc = Document {
            date: Some("1987-06-01".into()),
            ..Document::new("d", text)
        };
        let mut out: Vec<String> = analyzer
            .analyze(&doc)
            .typed_relations()
            .iter()
            .map(|r| {
                let id = |e| gazetteer.entity(e).id.clone();
                format!("{} {} {}", r.kind.as_str(), id(r.source), id(r.target))
            })
            .collect();
        out.sort();
        out
    }

    /// Asserts that the typed relations of `text` include every one of
    /// `has` ("type source-id target-id") and none that starts with one of
    /// `lacks`.
    fn gives(text: &str, has: &[&str], lacks: &[&str]) {
        let found = typed(text);
        for want in has {
            assert!(
                found.iter().any(|r| r == want),
                "{text}: no {want} in {found:?}"
            );
        }
        for bad in lacks {
            assert!(
                !found.iter().any(|r| r.starts_with(bad)),
                "{text}: {bad} in {found:?}"
            );
        }
    }

    #[test]
    fn a_state_is_no_party_to_relations_with_its_own() {
        // The state only qualifies the committee, or is the president's own
        // people: no relation of the United States with its own.
        for text in [
            "The U.S. House Agriculture Committee urged the Reagan administration to act.",
            "President Reagan told the American people that mistakes were made.",
            "Senator Dole pleaded with members to help U.S. farmers and back Reagan.",
        ] {
            let found = typed(text);
            assert!(
                !found
                    .iter()
                    .any(|r| r.split(' ').skip(1).any(|end| end == "united-states")),
                "{text}: {found:?}"
            );
        }
        // Against another state, or between a state and its own rebels, a
        // relation stands.
        gives(
            "President Reagan warned Iran against attacking Kuwait.",
            &["opposes ronald-reagan iran"],
            &[],
        );
        gives(
            "Iraq attacked the Kurdistan Democratic Party near Arbil.",
            &["attacks iraq kurdistan-democratic-party"],
            &[],
        );
        // A state's word to its own press is said to someone.
        gives(
            "An Israeli official told The Jerusalem Post that the strike failed.",
            &["communicates israel jerusalem-post"],
            &[],
        );
        // A capital marked as the seat of its government acts as its state
        // (but goes nowhere).
        gives(
            "Baghdad said its forces had routed the Iranians.",
            &["attacks baghdad iran"],
            &[],
        );
        gives(
            "The four had left Tehran and would arrive in London tomorrow.",
            &[],
            &["visits tehran"],
        );
    }

    #[test]
    fn a_person_who_speaks_or_is_sent_abroad_visits() {
        gives(
            "Trump announced in Riyadh that the sanctions would go.",
            &["visits donald-trump riyadh"],
            &[],
        );
        // At home, no visit.
        gives(
            "Reagan said in Washington that Iran was to blame.",
            &[],
            &["visits"],
        );
        gives(
            "Ankara sent Foreign Minister Hakan Fidan to Damascus.",
            &["visits hakan-fidan damascus"],
            &[],
        );
        gives("Iran sent troops to Syria.", &[], &["visits"]);
        // Those who meet in a place abroad visit it.
        gives(
            "Sudani and Sharaa met in Doha.",
            &[
                "visits mohammed-shia-al-sudani doha",
                "visits ahmed-al-sharaa doha",
            ],
            &[],
        );
    }

    #[test]
    fn a_site_lies_in_its_possessor_where_the_gazetteer_agrees() {
        gives(
            "Iraq said it attacked Iran's Sirri Island.",
            &["located_in sirri-island iran"],
            &[],
        );
        gives(
            "Drones hit Russia's Hmeimim air base in Syria.",
            &[],
            &["located_in hmeimim-air-base russia"],
        );
    }

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
