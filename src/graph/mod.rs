//! The knowledge graph: one node per actor, typed edges that keep their weight,
//! dates and evidence. Every exporter and query reads this model; `build` makes
//! it, [`store`] writes and reads it as node-link JSON.
//!
//! Nodes are sorted by id and edges by (source, target, type, direction), so
//! output is stable whatever order the corpus was read in. One pair of actors
//! may hold several edges of different types (a multigraph); `co_mention` is
//! kept alongside typed relations.

pub mod association;
pub mod backbone;
pub mod build;
pub mod index;
pub mod kind;
pub mod stats;
pub mod store;
pub mod view;

use rustc_hash::FxHashMap as HashMap;

use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::gazetteer::EntityType;
pub use association::Association;
pub use kind::EdgeKind;

/// Index of a node in [`Graph::nodes`].
pub type NodeIndex = u32;

/// An actor in the graph.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Node {
    /// Gazetteer id.
    pub id: String,
    /// Canonical name.
    pub label: String,
    /// Person, group or place.
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// Mentions in the corpus.
    pub mentions: u64,
    /// Documents that mention it.
    pub docs: u64,
    /// Scope units (sentences by default; see the header's `scope` option)
    /// that mention it: the actor's count in the association measures. 0 in
    /// files made before it was counted.
    #[serde(default)]
    pub scopes: u64,
    /// Date of the first document that mentions it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first: Option<Date>,
    /// Date of the last document that mentions it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last: Option<Date>,
    /// The surface forms seen, most frequent first (bounded).
    #[serde(default)]
    pub aliases: Vec<SurfaceForm>,
}

/// A way an actor was written in the corpus, and how often.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SurfaceForm {
    /// The text as written.
    pub text: String,
    /// How many mentions used it.
    pub count: u64,
}

/// A typed link between two actors.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Edge {
    /// Source node (the actor that acts, for directed types).
    pub source: NodeIndex,
    /// Target node.
    pub target: NodeIndex,
    /// What the edge says.
    pub kind: EdgeKind,
    /// True when the source acts on the target (meets, attacks, leads, …).
    pub directed: bool,
    /// Distinct scope units (sentences by default) that attest it; demonym-only
    /// links count less. Gazetteer facts weigh 1.
    pub weight: f64,
    /// Distinct documents that attest it (0 for a gazetteer fact).
    pub docs: u64,
    /// First date (of a document, or a fact's `from`).
    pub first: Option<Date>,
    /// Last date (of a document, or a fact's `to`); `None` for a fact that still holds.
    pub last: Option<Date>,
    /// Trigger words of typed relations, most frequent first (bounded).
    pub triggers: Vec<String>,
    /// Why a typed edge exists: the patterns that found it in the text (a
    /// pattern's `id`, `relations.toml:LINE`, or `builtin:NAME`) and the
    /// gazetteer's facts (`gazetteer:FILE:LINE`), most frequent first
    /// (bounded); empty for a co-mention.
    #[serde(default)]
    pub rules: Vec<String>,
    /// The evidence: up to N sentences (or gazetteer lines), earliest first.
    pub evidence: Vec<Evidence>,
    /// How much more often than chance the two actors are named together
    /// ([`association`]): on `co_mention` edges seen at least the minimum
    /// count of times, `None` elsewhere.
    #[serde(flatten, default, skip_serializing_if = "Option::is_none")]
    pub association: Option<Association>,
    /// The disparity filter's significance of the pair ([`backbone`]): the
    /// smaller, the more the link stands out among its ends' links. Every
    /// edge of a pair has the pair's value; `None` in files made without it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alpha: Option<f64>,
}

impl Edge {
    /// An edge of `kind` from `source` to `target` that one document
    /// attests with `weight`, and nothing more known: no dates, triggers,
    /// rules, evidence or measures; directed as its kind is. Set the rest
    /// with struct update syntax (`Edge { first, ..Edge::new(…) }`).
    pub fn new(source: NodeIndex, target: NodeIndex, kind: EdgeKind, weight: f64) -> Edge {
        Edge {
            source,
            target,
            kind,
            directed: kind.is_directed(),
            weight,
            docs: 1,
            first: None,
            last: None,
            triggers: Vec::new(),
            rules: Vec::new(),
            evidence: Vec::new(),
            association: None,
            alpha: None,
        }
    }
}

/// Where an edge is attested.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    /// Document id, or `gazetteer:<file>:<line>` for a fact.
    pub doc: String,
    /// Sentence index within the document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sentence: Option<u32>,
    /// Byte offset of the sentence in the document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<usize>,
    /// One past the last byte of the sentence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<usize>,
    /// The sentence (trimmed around the mentions when long), or the fact.
    pub snippet: String,
}

/// What a graph file says about how it was made. Every field may be missing
/// from a file made elsewhere (networkx writes `"graph": {}`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Header {
    /// `actorgraph`.
    pub tool: String,
    /// Version of the tool that built it.
    pub version: String,
    /// Fingerprint of the gazetteer files.
    pub gazetteer: String,
    /// Inputs, sorted (the shards of one corpus merged record the same).
    pub inputs: Vec<String>,
    /// Options that shape the graph, as `name: value`.
    pub options: serde_json::Map<String, serde_json::Value>,
    /// Counts: documents, duplicates, mentions, nodes, edges.
    pub counts: serde_json::Map<String, serde_json::Value>,
    /// Creation time, only with `--timestamp`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created: Option<String>,
}

/// The graph: nodes sorted by id, edges sorted by (source, target, type, direction).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Graph {
    /// How it was made.
    pub header: Header,
    nodes: Vec<Node>,
    edges: Vec<Edge>,
    by_id: HashMap<String, NodeIndex>,
}

impl Graph {
    /// A graph from nodes and edges whose `source`/`target` index `nodes`.
    /// Sorts both and remaps the edges, so any input order gives one graph.
    pub fn new(header: Header, mut nodes: Vec<Node>, mut edges: Vec<Edge>) -> Graph {
        let mut order: Vec<usize> = (0..nodes.len()).collect();
        order.sort_by(|&a, &b| nodes[a].id.cmp(&nodes[b].id));
        let mut new_index = vec![0 as NodeIndex; nodes.len()];
        for (new, &old) in order.iter().enumerate() {
            new_index[old] = new as NodeIndex;
        }
        let mut slots: Vec<Option<Node>> = nodes.drain(..).map(Some).collect();
        let nodes: Vec<Node> = order
            .iter()
            .map(|&old| slots[old].take().expect("each node once"))
            .collect();
        for e in &mut edges {
            e.source = new_index[e.source as usize];
            e.target = new_index[e.target as usize];
            // An undirected edge is written from the smaller id to the larger.
            if !e.directed && e.source > e.target {
                std::mem::swap(&mut e.source, &mut e.target);
            }
        }
        edges.sort_by(|a, b| {
            (a.source, a.target, a.kind, a.directed).cmp(&(b.source, b.target, b.kind, b.directed))
        });
        let by_id = nodes
            .iter()
            .enumerate()
            .map(|(i, n)| (n.id.clone(), i as NodeIndex))
            .collect();
        Graph {
            header,
            nodes,
            edges,
            by_id,
        }
    }

    /// Nodes, sorted by id.
    pub fn nodes(&self) -> &[Node] {
        &self.nodes
    }

    /// Edges, sorted by (source, target, type, direction).
    pub fn edges(&self) -> &[Edge] {
        &self.edges
    }

    /// The node at an index.
    pub fn node(&self, index: NodeIndex) -> &Node {
        &self.nodes[index as usize]
    }

    /// The index of the node with this id.
    pub fn node_by_id(&self, id: &str) -> Option<NodeIndex> {
        self.by_id.get(id).copied()
    }

    /// The edges, to fill in derived values ([`association::annotate`],
    /// [`backbone::annotate`]); ends, types and order must not change.
    pub(crate) fn edges_mut(&mut self) -> &mut [Edge] {
        &mut self.edges
    }

    /// Scope units in the corpus (the header's `counts.scopes`), if the file says.
    pub fn scopes(&self) -> Option<u64> {
        self.header.counts.get("scopes").and_then(|v| v.as_u64())
    }

    /// The id every export gives edge `index`: `e0`, `e1`, … (unique, stable).
    pub fn edge_id(index: usize) -> String {
        format!("e{index}")
    }

    /// The subgraph of the nodes for which `keep_node` holds and the edges
    /// between them for which `keep_edge` holds.
    pub fn filter(
        &self,
        mut keep_node: impl FnMut(&Node) -> bool,
        mut keep_edge: impl FnMut(&Edge) -> bool,
    ) -> Graph {
        let keep: Vec<bool> = self.nodes.iter().map(&mut keep_node).collect();
        let mut new_index = vec![NodeIndex::MAX; self.nodes.len()];
        let mut nodes = Vec::new();
        for (i, node) in self.nodes.iter().enumerate() {
            if keep[i] {
                new_index[i] = nodes.len() as NodeIndex;
                nodes.push(node.clone());
            }
        }
        let edges = self
            .edges
            .iter()
            .filter(|e| keep[e.source as usize] && keep[e.target as usize] && keep_edge(e))
            .map(|e| Edge {
                source: new_index[e.source as usize],
                target: new_index[e.target as usize],
                ..e.clone()
            })
            .collect();
        Graph::new(self.header.clone(), nodes, edges)
    }

    /// The graph as a petgraph graph whose weights index [`Graph::nodes`] and
    /// [`Graph::edges`], for petgraph's algorithms. Undirected: direction is a
    /// property of the edge, and connection questions ignore it.
    pub fn to_petgraph(&self) -> petgraph::graph::UnGraph<NodeIndex, usize> {
        let mut g = petgraph::graph::UnGraph::with_capacity(self.nodes.len(), self.edges.len());
        for i in 0..self.nodes.len() {
            g.add_node(i as NodeIndex);
        }
        for (i, e) in self.edges.iter().enumerate() {
            g.add_edge(
                petgraph::graph::NodeIndex::new(e.source as usize),
                petgraph::graph::NodeIndex::new(e.target as usize),
                i,
            );
        }
        g
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A small graph for tests of exporters and queries: three actors, four
    /// edges, two of them between one pair; the corpus has 10 sentences, so
    /// the co-mentions of weight 1 and 2 carry association measures, and
    /// every edge its backbone significance.
    pub fn sample() -> Graph {
        let node = |id: &str, label: &str, kind| Node {
            id: id.into(),
            label: label.into(),
            kind,
            mentions: 3,
            docs: 2,
            scopes: 3,
            first: "2024-11-30".parse().ok(),
            last: "2024-12-03".parse().ok(),
            aliases: vec![SurfaceForm {
                text: label.into(),
                count: 3,
            }],
        };
        let edge = |s, t, kind: EdgeKind, weight| Edge {
            first: "2024-12-01".parse().ok(),
            last: "2024-12-01".parse().ok(),
            evidence: vec![Evidence {
                doc: "d1".into(),
                sentence: Some(0),
                start: Some(0),
                end: Some(10),
                snippet: "Rashid met al-Araji.".into(),
            }],
            ..Edge::new(s, t, kind, weight)
        };
        let mut header = Header::default();
        header
            .counts
            .insert("scopes".into(), serde_json::Value::from(10));
        let mut graph = Graph::new(
            header,
            vec![
                node("syria", "Syria", EntityType::Place),
                node("rashid", "Abdul Latif Jamal Rashid", EntityType::Person),
                node("araji", "Qasim al-Araji", EntityType::Person),
            ],
            vec![
                edge(1, 2, EdgeKind::CoMention, 2.0),
                Edge {
                    triggers: vec!["met".into()],
                    rules: vec!["supports-verb".into(), "gazetteer:people.toml:7".into()],
                    ..edge(1, 2, EdgeKind::Supports, 1.0)
                },
                edge(2, 0, EdgeKind::CoMention, 0.5),
                edge(1, 0, EdgeKind::CoMention, 1.0),
            ],
        );
        association::annotate(&mut graph, 1.0);
        backbone::annotate(&mut graph);
        graph
    }

    /// A hub (a place) linked by co-mentions of weight 1 to `leaves` people,
    /// each of whom is also linked to a person of its own, and by weight 20
    /// to the group `strong`.
    pub fn star(leaves: usize) -> Graph {
        let node = |id: String, kind| Node {
            id: id.clone(),
            label: id,
            kind,
            mentions: 1,
            docs: 1,
            scopes: 1,
            first: None,
            last: None,
            aliases: vec![],
        };
        let mut nodes = vec![
            node("hub".into(), EntityType::Place),
            node("strong".into(), EntityType::Group),
        ];
        let mut edges = Vec::new();
        let edge = |s: usize, t: usize, weight| {
            Edge::new(s as NodeIndex, t as NodeIndex, EdgeKind::CoMention, weight)
        };
        edges.push(edge(0, 1, 20.0));
        for i in 0..leaves {
            nodes.push(node(format!("leaf{i}"), EntityType::Person));
            nodes.push(node(format!("other{i}"), EntityType::Person));
            edges.push(edge(0, nodes.len() - 2, 1.0));
            edges.push(edge(nodes.len() - 2, nodes.len() - 1, 1.0));
        }
        Graph::new(Header::default(), nodes, edges)
    }

    #[test]
    fn new_sorts_nodes_and_remaps_edges() {
        let g = sample();
        let ids: Vec<&str> = g.nodes().iter().map(|n| n.id.as_str()).collect();
        assert_eq!(ids, ["araji", "rashid", "syria"]);
        let pairs: Vec<(&str, &str, EdgeKind)> = g
            .edges()
            .iter()
            .map(|e| {
                (
                    g.node(e.source).id.as_str(),
                    g.node(e.target).id.as_str(),
                    e.kind,
                )
            })
            .collect();
        assert_eq!(
            pairs,
            [
                ("araji", "rashid", EdgeKind::CoMention),
                ("araji", "syria", EdgeKind::CoMention),
                ("rashid", "araji", EdgeKind::Supports),
                ("rashid", "syria", EdgeKind::CoMention),
            ]
        );
        assert_eq!(g.node_by_id("syria"), Some(2));
    }

    #[test]
    fn filter_keeps_edges_between_kept_nodes() {
        let g = sample().filter(|n| n.kind == EntityType::Person, |_| true);
        assert_eq!(g.nodes().len(), 2);
        assert_eq!(g.edges().len(), 2);
        let g = sample().filter(|_| true, |e| e.kind != EdgeKind::CoMention);
        assert_eq!(g.edges().len(), 1);
        assert_eq!(sample().to_petgraph().edge_count(), 4);
    }
}
