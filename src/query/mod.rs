//! Queries on a graph: how two actors are linked and what text says so
//! (`path`), an actor's ego network (`neighbors`), and rankings (`top`).
//!
//! Names resolve through the one normalization extraction uses
//! ([`resolve`]); routes are searched over a [`network::Network`], the graph
//! seen as undirected with one link per linked pair; answers explain
//! themselves hop by hop ([`explain()`]) and are written as text, JSON or DOT
//! ([`output`]).
//!
//! ```
//! use actorgraph::graph::Graph;
//! use actorgraph::query::{PathQuery, Resolver, explain, find_paths};
//!
//! let json = r#"{"nodes": [
//!     {"id": "ahmed-al-sharaa", "label": "Ahmed al-Sharaa", "type": "person", "mentions": 2, "docs": 1},
//!     {"id": "hayat-tahrir-al-sham", "label": "Hayat Tahrir al-Sham", "type": "group", "mentions": 1, "docs": 1},
//!     {"id": "syria", "label": "Syria", "type": "place", "mentions": 4, "docs": 1}],
//!   "edges": [
//!     {"source": "ahmed-al-sharaa", "target": "hayat-tahrir-al-sham", "type": "leads", "directed": true, "weight": 1,
//!      "evidence": [{"doc": "d1", "snippet": "HTS leader Ahmed al-Sharaa spoke."}]},
//!     {"source": "hayat-tahrir-al-sham", "target": "syria", "type": "co_mention", "directed": false, "weight": 3,
//!      "evidence": [{"doc": "d2", "snippet": "HTS fighters advanced across Syria."}]}]}"#;
//! let graph = Graph::read_json("g.json", json.as_bytes()).unwrap();
//! let resolver = Resolver::new(&graph, None);
//! let from = resolver.resolve("AHMED AL SHARAA").unwrap();
//! let to = resolver.resolve("syria").unwrap();
//! let query = PathQuery { from, to, k: 1, ..PathQuery::default() };
//! let paths = find_paths(&graph, &query).unwrap();
//! let answer = explain(&graph, &query.filter, (from, to, query.metric), &paths);
//! let first_hop = &answer.paths[0].steps[0];
//! assert_eq!(first_hop.kind.as_str(), "leads");
//! assert_eq!(first_hop.evidence.as_ref().unwrap().doc, "d1");
//! ```

pub mod betweenness;
pub mod explain;
pub mod filter;
pub mod neighbors;
pub mod network;
pub mod output;
pub mod pagerank;
pub mod path;
pub mod rank;
pub mod resolve;
pub mod search;
pub mod specificity;
pub mod yen;

#[cfg(test)]
mod proptests;

pub use betweenness::Sampling;
pub use explain::{PathAnswer, explain, explain_in_index, explain_named};
pub use filter::{EdgeFilter, Facts};
pub use neighbors::{Ego, ego, ego_in_index};
pub use path::{PathQuery, find_paths};
pub use rank::{Centrality, Ranking, rank};
pub use resolve::{ResolveError, Resolver};
pub use search::{Metric, Path};
