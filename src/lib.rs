//! actorgraph turns news text into a knowledge graph of actors: the people,
//! groups and places a curated gazetteer names.
//!
//! The stages are modules with one job each, and data flows one way:
//! [`gazetteer`] → [`matcher`] → [`corpus`] / [`segment`] → [`extract`] → graph.
//!
//! ```
//! use actorgraph::corpus::Document;
//! use actorgraph::extract::{ExtractOptions, Extractor};
//! use actorgraph::gazetteer::Gazetteer;
//!
//! let gazetteer = Gazetteer::builtin().unwrap();
//! let extractor = Extractor::new(&gazetteer, ExtractOptions::default()).unwrap();
//! let doc = Document::new("d1", "Türkiye's Erdogan spoke with Putin. Iraqi forces are on alert.");
//! let found = extractor.extract(&doc);
//! let names: Vec<&str> = found.mentions.iter().map(|m| &doc.text[m.start..m.end]).collect();
//! assert_eq!(names[..2], ["Türkiye", "Erdogan"]);
//! assert_eq!(found.mentions.last().unwrap().sentence, 1);
//! ```

pub(crate) mod codec;
pub mod corpus;
pub mod date;
pub mod docdate;
pub mod error;
pub mod eval;
pub mod export;
pub mod extract;
pub mod gazetteer;
pub mod graph;
pub mod matcher;
pub mod normalize;
pub mod query;
pub mod relations;
pub mod segment;
pub mod suggest;
pub mod terminal;
pub mod usage;

pub use error::{Error, Result};
