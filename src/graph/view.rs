//! What routes and rankings read of a graph, whether it was loaded whole or
//! is read in place from its index ([`super::index::GraphIndex`]): counts,
//! each edge without its words and evidence ([`LeanEdge`]), and a node's
//! type, counts and dates. Queries written against [`GraphView`] answer the
//! same from either, so the index spares a query the decoding of a million
//! edges it only walks.

use std::borrow::Cow;

use super::{Edge, EdgeKind, Graph, Header, Node, NodeIndex};
use crate::date::Date;
use crate::gazetteer::EntityType;

/// An edge as a route or a ranking sees it: its ends, type, counts, dates
/// and the pair's NPMI where the file keeps it; not its trigger words, rules
/// or evidence.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LeanEdge {
    /// Source node.
    pub source: NodeIndex,
    /// Target node.
    pub target: NodeIndex,
    /// What the edge says.
    pub kind: EdgeKind,
    /// True when the source acts on the target.
    pub directed: bool,
    /// Weight.
    pub weight: f64,
    /// Documents (0 for a gazetteer fact).
    pub docs: u64,
    /// First date.
    pub first: Option<Date>,
    /// Last date.
    pub last: Option<Date>,
    /// The edge's own NPMI ([`Edge::association`]), when it has one.
    pub npmi: Option<f64>,
}

impl LeanEdge {
    /// The lean part of a whole edge.
    pub fn of(e: &Edge) -> LeanEdge {
        LeanEdge {
            source: e.source,
            target: e.target,
            kind: e.kind,
            directed: e.directed,
            weight: e.weight,
            docs: e.docs,
            first: e.first,
            last: e.last,
            npmi: e.association.as_ref().map(|a| a.npmi),
        }
    }
}

/// A graph as queries read it: nodes `0..node_count()` sorted by id, edges
/// `0..edge_count()` sorted by (source, target, type, direction), as in
/// [`Graph`].
pub trait GraphView {
    /// How the graph was made.
    fn header(&self) -> &Header;
    /// Number of nodes.
    fn node_count(&self) -> usize;
    /// Number of edges.
    fn edge_count(&self) -> usize;
    /// Edge `i` without its words and evidence; `i < edge_count()`.
    fn lean(&self, i: usize) -> LeanEdge;
    /// The ends (source, target) of edge `i` alone.
    fn ends(&self, i: usize) -> (NodeIndex, NodeIndex) {
        let e = self.lean(i);
        (e.source, e.target)
    }
    /// The type of edge `i` alone.
    fn edge_kind(&self, i: usize) -> EdgeKind {
        self.lean(i).kind
    }
    /// The whole node `v` (decoded, for a graph read in place).
    fn node_at(&self, v: NodeIndex) -> Cow<'_, Node>;
    /// Its type.
    fn node_kind(&self, v: NodeIndex) -> EntityType;
    /// The scope units that mention it.
    fn node_scopes(&self, v: NodeIndex) -> u64;
    /// The dates of its first and last documents.
    fn node_dates(&self, v: NodeIndex) -> (Option<Date>, Option<Date>);

    /// The scope units of the corpus, when the header counts them.
    fn scopes(&self) -> Option<u64> {
        self.header().counts.get("scopes").and_then(|v| v.as_u64())
    }

    /// The route network that `path` walks by default, when the graph
    /// stores one made in advance (its index does); `None` for a graph in
    /// memory, whose network is built when it is asked for.
    fn stored_routes(&self) -> Option<StoredRoutes<'_>> {
        None
    }
}

/// The tables of a stored route network, as bytes: what they hold and how
/// they are checked is [`crate::query::network`]'s to say, which both
/// writes and reads them.
#[derive(Debug, Clone, Copy)]
pub struct StoredRoutes<'a> {
    /// Where each node's links begin, and one more.
    pub offsets: &'a [u8],
    /// The links, node after node.
    pub links: &'a [u8],
}

impl GraphView for Graph {
    fn header(&self) -> &Header {
        &self.header
    }
    fn node_count(&self) -> usize {
        self.nodes.len()
    }
    fn edge_count(&self) -> usize {
        self.edges.len()
    }
    fn lean(&self, i: usize) -> LeanEdge {
        LeanEdge::of(&self.edges[i])
    }
    fn ends(&self, i: usize) -> (NodeIndex, NodeIndex) {
        (self.edges[i].source, self.edges[i].target)
    }
    fn edge_kind(&self, i: usize) -> EdgeKind {
        self.edges[i].kind
    }
    fn node_at(&self, v: NodeIndex) -> Cow<'_, Node> {
        Cow::Borrowed(&self.nodes[v as usize])
    }
    fn node_kind(&self, v: NodeIndex) -> EntityType {
        self.nodes[v as usize].kind
    }
    fn node_scopes(&self, v: NodeIndex) -> u64 {
        self.nodes[v as usize].scopes
    }
    fn node_dates(&self, v: NodeIndex) -> (Option<Date>, Option<Date>) {
        let n = &self.nodes[v as usize];
        (n.first, n.last)
    }
}
