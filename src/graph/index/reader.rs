//! A graph index read in place: the file is mapped, checked once when it is
//! opened (its stamp, its checksum, every size, offset, node index and tag;
//! the route network and the evidence when they are first read),
//! and then each node, edge or adjacency list is decoded from the mapped
//! bytes when a query asks for it. Nothing is copied out in bulk: a query
//! that walks a million edges reads their fixed-width records where they
//! lie, and one that shows a dozen edges decodes a dozen.

use std::borrow::Cow;
use std::ops::Range;
use std::path::Path;
use std::sync::OnceLock;

use super::layout::*;
use super::{ENTITY_TYPES, FORMAT, MAGIC, PREAMBLE, Stamp, index_path};
use crate::codec::{Bin, Corrupt, Decoded, Decoder, checksum};
use crate::date::Date;
use crate::gazetteer::EntityType;
use crate::graph::store::mapped::FileBytes;
use crate::graph::view::{GraphView, LeanEdge, StoredRoutes};
use crate::graph::{Association, Edge, EdgeKind, Evidence, Graph, Header, Node, NodeIndex};

/// A graph index, mapped and checked, read in place.
pub struct GraphIndex {
    bytes: FileBytes,
    at: [Range<usize>; SECTIONS],
    nodes: usize,
    edges: usize,
    header: Header,
    /// The checksum of the route network's sections, and whether they
    /// match it, once a query has asked.
    routes_sum: [u64; 2],
    routes_whole: OnceLock<bool>,
}

impl GraphIndex {
    /// The index of the graph file `json`, when there is one that matches
    /// the file as it is now and is whole; `None` otherwise.
    pub fn open(json: &Path) -> Option<GraphIndex> {
        GraphIndex::try_open(json).ok()
    }

    /// The same, saying why not: `Err(None)` when there is no index beside
    /// `json`, `Err(Some(why))` when there is one that is not used: another
    /// format (an older actorgraph wrote it), a graph file changed since, or
    /// damage.
    pub fn try_open(json: &Path) -> Result<GraphIndex, Option<String>> {
        let file = std::fs::File::open(index_path(json)).map_err(|_| None)?;
        let bytes = FileBytes::of(file).map_err(|e| Some(e.to_string()))?;
        let stamp = Stamp::of(json).map_err(|e| Some(e.to_string()))?;
        GraphIndex::check(bytes, stamp).map_err(|Corrupt(why)| Some(why))
    }

    /// Checks an index's preamble, checksum and every record once, so that
    /// reads after it stay in bounds and decode.
    fn check(bytes: FileBytes, stamp: Stamp) -> Decoded<GraphIndex> {
        let mut d = Decoder::new(&bytes);
        if d.take(8)? != MAGIC || d.u32()? != FORMAT {
            return Err(Corrupt::new("not an index of this format"));
        }
        if Stamp::decode(&mut d)? != stamp {
            return Err(Corrupt::new("the graph file changed"));
        }
        let size = |x: u64| usize::try_from(x).map_err(|_| Corrupt::new("too long"));
        let (nodes, edges) = (size(d.u64()?)?, size(d.u64()?)?);
        if nodes > u32::MAX as usize || edges > u32::MAX as usize {
            return Err(Corrupt::new("too many nodes or edges"));
        }
        let mut at: [Range<usize>; SECTIONS] = Default::default();
        let mut next = PREAMBLE;
        for range in &mut at {
            let (start, len) = (size(d.u64()?)?, size(d.u64()?)?);
            let end = start.checked_add(len).filter(|_| start == next);
            *range = start..end.ok_or_else(|| Corrupt::new("the sections do not follow"))?;
            next = range.end;
        }
        let sum_at = d.position();
        if checksum(&bytes[..sum_at])[0] != d.u64()? {
            return Err(Corrupt::new("damaged preamble"));
        }
        let lean_sum = [d.u64()?, d.u64()?];
        let routes_sum = [d.u64()?, d.u64()?];
        if next != bytes.len() {
            return Err(Corrupt::new("truncated or extended"));
        }
        let fixed = [
            (NODES, nodes * NODE_REC),
            (ENDS, edges * ENDS_REC),
            (EDGES, edges * EDGE_REC),
            (ADJ_OFFSETS, (nodes + 1) * 8),
            (EVIDENCE_TABLE, edges * EVIDENCE_REC),
        ];
        if fixed.iter().any(|&(s, len)| at[s].len() != len)
            || !at[ADJACENCY].len().is_multiple_of(4)
        {
            return Err(Corrupt::new("a table has the wrong size"));
        }
        if checksum(&bytes[at[HEADER].start..at[EVIDENCE_TABLE].end]) != lean_sum {
            return Err(Corrupt::new("damaged"));
        }
        let header = serde_json::from_slice(&bytes[at[HEADER].clone()])
            .map_err(|_| Corrupt::new("the header is not JSON"))?;
        let index = GraphIndex {
            bytes,
            at,
            nodes,
            edges,
            header,
            routes_sum,
            routes_whole: OnceLock::new(),
        };
        index.check_records()?;
        Ok(index)
    }

    /// Every offset, node index, tag and date of the fixed-width tables.
    fn check_records(&self) -> Decoded<()> {
        let bad = |what: &str| Err(Corrupt::new(format!("{what} out of range")));
        let blob = self.section(NODE_BLOB).len() as u64;
        for rec in self.section(NODES).chunks_exact(NODE_REC) {
            let (start, end) = (u64_at(rec, 0), u64_at(rec, 8));
            if start > end || end > blob || usize::from(rec[24]) >= ENTITY_TYPES.len() {
                return bad("a node");
            }
            date_at(&rec[25..33])?;
            date_at(&rec[33..41])?;
        }
        let n = self.nodes as u32;
        if (self.section(ENDS).chunks_exact(4)).any(|end| u32_at(end, 0) >= n) {
            return bad("an edge's end");
        }
        let words = self.section(WORDS).len() as u64;
        for rec in self.section(EDGES).chunks_exact(EDGE_REC) {
            let (start, end) = (u64_at(rec, 75), u64_at(rec, 83));
            if usize::from(rec[0]) >= EdgeKind::ALL.len()
                || rec[1] > 1
                || start > end
                || end > words
            {
                return bad("an edge");
            }
            date_at(&rec[19..27])?;
            date_at(&rec[27..35])?;
        }
        let offsets = self.section(ADJ_OFFSETS);
        let ids = (self.section(ADJACENCY).len() / 4) as u64;
        let mut last = 0;
        for v in 0..=self.nodes {
            let at = u64_at(offsets, 8 * v);
            if at < last || at > ids || (v == 0 && at != 0) || (v == self.nodes && at != ids) {
                return bad("an adjacency list");
            }
            last = at;
        }
        let m = self.edges as u32;
        if (self.section(ADJACENCY).chunks_exact(4)).any(|i| u32_at(i, 0) >= m) {
            return bad("an adjacent edge");
        }
        Ok(())
    }

    fn section(&self, s: usize) -> &[u8] {
        &self.bytes[self.at[s].clone()]
    }

    /// The fixed-width record `i` of section `s`.
    fn record(&self, s: usize, width: usize, i: usize) -> &[u8] {
        let bytes = self.section(s);
        bytes.get(i * width..(i + 1) * width).unwrap_or(&[])
    }

    /// The encoded node `v`.
    fn node_bytes(&self, v: NodeIndex) -> Decoded<&[u8]> {
        let rec = self.record(NODES, NODE_REC, v as usize);
        let range = u64_at(rec, 0) as usize..u64_at(rec, 8) as usize;
        self.section(NODE_BLOB)
            .get(range)
            .ok_or_else(|| Corrupt::new("no such node"))
    }

    /// Node `v`, decoded.
    pub(crate) fn node(&self, v: NodeIndex) -> Decoded<Node> {
        let mut d = Decoder::new(self.node_bytes(v)?);
        Node::decode(&mut d)
    }

    /// The id of node `v`, read in place (it is the first field of a node).
    fn node_id(&self, v: NodeIndex) -> Decoded<&str> {
        Decoder::new(self.node_bytes(v)?).str()
    }

    /// The node with this id: a binary search of the ids, which are sorted.
    pub fn node_by_id(&self, id: &str) -> Option<NodeIndex> {
        let (mut lo, mut hi) = (0, self.nodes);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            match self.node_id(mid as NodeIndex).ok()?.cmp(id) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return Some(mid as NodeIndex),
            }
        }
        None
    }

    /// Edge `i` with its words, without its evidence.
    pub(crate) fn edge(&self, i: usize) -> Decoded<Edge> {
        let lean = self.lean(i);
        let rec = self.record(EDGES, EDGE_REC, i);
        let words = self
            .section(WORDS)
            .get(u64_at(rec, 75) as usize..u64_at(rec, 83) as usize)
            .ok_or_else(|| Corrupt::new("no such edge"))?;
        let mut d = Decoder::new(words);
        let (triggers, rules) = (Bin::decode(&mut d)?, Bin::decode(&mut d)?);
        let flags = rec.get(2).copied().unwrap_or(0);
        let association = (flags & HAS_ASSOCIATION != 0).then(|| Association {
            npmi: f64_at(rec, 35),
            assoc: f64_at(rec, 43),
            jaccard: f64_at(rec, 51),
            llr: f64_at(rec, 59),
        });
        Ok(Edge {
            source: lean.source,
            target: lean.target,
            kind: lean.kind,
            directed: lean.directed,
            weight: lean.weight,
            docs: lean.docs,
            first: lean.first,
            last: lean.last,
            triggers,
            rules,
            evidence: Vec::new(),
            association,
            alpha: (flags & HAS_ALPHA != 0).then(|| f64_at(rec, 67)),
        })
    }

    /// The evidence of edge `i`, checked against its own checksum.
    pub(crate) fn evidence(&self, i: usize) -> Decoded<Vec<Evidence>> {
        if i >= self.edges {
            return Err(Corrupt::new("no such edge"));
        }
        let rec = self.record(EVIDENCE_TABLE, EVIDENCE_REC, i);
        let (start, end, sum) = (u64_at(rec, 0), u64_at(rec, 8), u64_at(rec, 16));
        let (Ok(start), Ok(end)) = (usize::try_from(start), usize::try_from(end)) else {
            return Err(Corrupt::new("evidence out of range"));
        };
        let bytes = self
            .section(EVIDENCE)
            .get(start..end)
            .ok_or_else(|| Corrupt::new("evidence out of range"))?;
        if checksum(bytes)[0] != sum {
            return Err(Corrupt::new("damaged evidence"));
        }
        let mut d = Decoder::new(bytes);
        let evidence = Vec::<Evidence>::decode(&mut d)?;
        if !d.at_end() {
            return Err(Corrupt::new("damaged evidence"));
        }
        Ok(evidence)
    }

    /// The size of the evidence section, which (like the route network) is
    /// checked only when it is read.
    #[cfg(test)]
    pub(super) fn evidence_bytes(&self) -> usize {
        self.at[EVIDENCE].len()
    }

    /// Where the route network lies in the file.
    #[cfg(test)]
    pub(super) fn routes_bytes(&self) -> Range<usize> {
        self.at[ROUTE_OFFSETS].start..self.at[ROUTE_LINKS].end
    }

    /// The edges of node `v` (either end), ascending.
    pub fn incident(&self, v: NodeIndex) -> impl Iterator<Item = usize> + '_ {
        let offsets = self.section(ADJ_OFFSETS);
        let (start, end) = (
            u64_at(offsets, 8 * v as usize) as usize,
            u64_at(offsets, 8 * (v as usize + 1)) as usize,
        );
        let ids = self.section(ADJACENCY).get(4 * start..4 * end);
        ids.unwrap_or(&[])
            .chunks_exact(4)
            .map(|i| u32_at(i, 0) as usize)
    }

    /// The whole graph, with the evidence or without it.
    pub fn to_graph(&self, with_evidence: bool) -> crate::Result<Graph> {
        self.whole(with_evidence).map_err(super::damaged)
    }

    pub(super) fn whole(&self, with_evidence: bool) -> Decoded<Graph> {
        let nodes = (0..self.nodes as NodeIndex)
            .map(|v| self.node(v))
            .collect::<Decoded<Vec<Node>>>()?;
        let mut edges = Vec::with_capacity(self.edges);
        for i in 0..self.edges {
            let mut edge = self.edge(i)?;
            if with_evidence {
                edge.evidence = self.evidence(i)?;
            }
            edges.push(edge);
        }
        let by_id = nodes
            .iter()
            .enumerate()
            .map(|(i, n)| (n.id.clone(), i as NodeIndex))
            .collect();
        Ok(Graph {
            header: self.header.clone(),
            nodes,
            edges,
            by_id,
        })
    }

    /// Every node and no edge: what resolving a name needs.
    pub fn nodes_only(&self) -> crate::Result<Graph> {
        let nodes = (0..self.nodes as NodeIndex)
            .map(|v| self.node(v))
            .collect::<Decoded<Vec<Node>>>()
            .map_err(super::damaged)?;
        Ok(Graph::new(self.header.clone(), nodes, Vec::new()))
    }

    /// The subgraph of `nodes` (ascending) and the edges between them for
    /// which `keep` holds, as [`Graph::filter`] makes it from the whole
    /// graph; with the evidence of the edges for which `evidence` holds (by
    /// index in the whole graph). Also gives, for each edge of the
    /// subgraph, its index in the whole graph.
    pub fn subgraph(
        &self,
        nodes: &[NodeIndex],
        keep: impl FnMut(&Edge) -> bool,
        evidence: impl Fn(usize) -> bool,
    ) -> crate::Result<(Graph, Vec<usize>)> {
        self.part(nodes, keep, evidence).map_err(super::damaged)
    }

    fn part(
        &self,
        nodes: &[NodeIndex],
        mut keep: impl FnMut(&Edge) -> bool,
        evidence: impl Fn(usize) -> bool,
    ) -> Decoded<(Graph, Vec<usize>)> {
        let new_index = |v: NodeIndex| nodes.binary_search(&v).ok();
        let mut ids: Vec<usize> = nodes
            .iter()
            .flat_map(|&v| self.incident(v))
            .filter(|&i| {
                let e = self.lean(i);
                new_index(e.source).is_some() && new_index(e.target).is_some()
            })
            .collect();
        ids.sort_unstable();
        ids.dedup();
        let mut kept = Vec::with_capacity(ids.len());
        let mut edges = Vec::with_capacity(ids.len());
        for i in ids {
            let mut edge = self.edge(i)?;
            if !keep(&edge) {
                continue;
            }
            if evidence(i) {
                edge.evidence = self.evidence(i)?;
            }
            let remap = |v| new_index(v).map(|x| x as NodeIndex).unwrap_or_default();
            edge.source = remap(edge.source);
            edge.target = remap(edge.target);
            edges.push(edge);
            kept.push(i);
        }
        let nodes = nodes
            .iter()
            .map(|&v| self.node(v))
            .collect::<Decoded<Vec<Node>>>()?;
        Ok((Graph::new(self.header.clone(), nodes, edges), kept))
    }
}

impl GraphView for GraphIndex {
    fn header(&self) -> &Header {
        &self.header
    }
    fn node_count(&self) -> usize {
        self.nodes
    }
    fn edge_count(&self) -> usize {
        self.edges
    }
    fn lean(&self, i: usize) -> LeanEdge {
        let ends = self.record(ENDS, ENDS_REC, i);
        let rec = self.record(EDGES, EDGE_REC, i);
        // Tags and dates were checked when the index was opened.
        let date = |at: usize| checked_date_at(rec, at);
        let tag = rec.first().map_or(0, |&t| usize::from(t));
        LeanEdge {
            source: u32_at(ends, 0),
            target: u32_at(ends, 4),
            kind: EdgeKind::ALL
                .get(tag)
                .copied()
                .unwrap_or(EdgeKind::CoMention),
            directed: rec.get(1) == Some(&1),
            weight: f64_at(rec, 3),
            docs: u64_at(rec, 11),
            first: date(19),
            last: date(27),
            npmi: (rec.get(2).is_some_and(|f| f & HAS_ASSOCIATION != 0)).then(|| f64_at(rec, 35)),
        }
    }
    fn ends(&self, i: usize) -> (NodeIndex, NodeIndex) {
        let ends = self.record(ENDS, ENDS_REC, i);
        (u32_at(ends, 0), u32_at(ends, 4))
    }
    fn edge_kind(&self, i: usize) -> EdgeKind {
        let tag = self.record(EDGES, EDGE_REC, i).first();
        let tag = tag.map_or(0, |&t| usize::from(t));
        EdgeKind::ALL
            .get(tag)
            .copied()
            .unwrap_or(EdgeKind::CoMention)
    }
    fn node_at(&self, v: NodeIndex) -> Cow<'_, Node> {
        // The checksum was checked at open, so a node decodes unless the
        // file was written wrong; should one not, it reads as an unnamed
        // node rather than stopping the answer.
        Cow::Owned(self.node(v).unwrap_or_else(|_| Node {
            id: String::new(),
            label: String::new(),
            kind: self.node_kind(v),
            mentions: 0,
            docs: 0,
            scopes: 0,
            first: None,
            last: None,
            aliases: Vec::new(),
        }))
    }
    fn node_kind(&self, v: NodeIndex) -> EntityType {
        let rec = self.record(NODES, NODE_REC, v as usize);
        let tag = rec.get(24).map_or(0, |&t| usize::from(t));
        ENTITY_TYPES.get(tag).copied().unwrap_or(EntityType::Place)
    }
    fn node_scopes(&self, v: NodeIndex) -> u64 {
        u64_at(self.record(NODES, NODE_REC, v as usize), 16)
    }
    fn node_dates(&self, v: NodeIndex) -> (Option<Date>, Option<Date>) {
        let rec = self.record(NODES, NODE_REC, v as usize);
        (checked_date_at(rec, 25), checked_date_at(rec, 33))
    }
    fn stored_routes(&self) -> Option<StoredRoutes<'_>> {
        // Checked against their checksum when first asked for; their
        // records are checked by `Network::stored`.
        let bytes = &self.bytes[self.at[ROUTE_OFFSETS].start..self.at[ROUTE_LINKS].end];
        let whole = *self
            .routes_whole
            .get_or_init(|| checksum(bytes) == self.routes_sum);
        whole.then(|| StoredRoutes {
            offsets: self.section(ROUTE_OFFSETS),
            links: self.section(ROUTE_LINKS),
        })
    }
}
