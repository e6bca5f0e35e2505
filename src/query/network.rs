//! The walkable view of a graph under a filter: for every actor, its
//! neighbours, each reached through the one best edge of the pair, and which
//! actors a route may pass through.
//!
//! A pair of actors can hold several edges (a `meets` and a `co_mention`); a
//! route goes from actor to actor, so each pair becomes one link carried by its
//! best admitted edge: for routes by specificity the most specific
//! ([`super::specificity`]), otherwise the strongest; then the heavier, a
//! typed relation over `co_mention`, and the first edge in file order.
//! Direction is ignored for connectivity; the explanation shows it.
//! Self-loops are dropped.
//!
//! A network is built for the question asked, or read where it lies from
//! the graph's index, which stores the one that `path` asks by default
//! ([`Network::encode`] writes it when the index is written,
//! [`Network::stored`] checks and reads it).

use std::ops::Range;

use super::filter::EdgeFilter;
use super::search::Metric;
use super::specificity;
use crate::gazetteer::EntityType;
use crate::graph::view::GraphView;
use crate::graph::{EdgeKind, NodeIndex};

/// A step from one actor to a neighbour, as [`Network::links`] gives it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Link {
    /// The neighbour.
    pub neighbor: NodeIndex,
    /// Index in [`crate::graph::Graph::edges`] of the edge that carries the step.
    pub edge: usize,
    /// That edge's weight.
    pub weight: f64,
    /// That edge's specificity, for routes by specificity (0 otherwise).
    pub specificity: f64,
}

/// A link as the network keeps it: the neighbour and the edge, 32 bits
/// each; the edge's weight and specificity are looked up by edge. (An
/// index is 32-bit; a graph of four billion edges would not fit in memory.)
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct Step {
    neighbor: NodeIndex,
    edge: u32,
}

/// Adjacency lists in one flat array (compressed sparse rows), each sorted by
/// neighbour: built for the question asked, or the network that `path`
/// walks by default as the graph's index stores it, read where it lies.
///
/// Built, eight bytes per link and eight per edge for its weight (and eight
/// more for its specificity when routing by it): for a million edges, about
/// 24 MB where a copy of the weight in each link took 64. Stored, 24 bytes
/// per link ([`Network::encode`]), in the mapped file: nothing to build or
/// to zero.
#[derive(Debug, Clone)]
pub struct Network<'a> {
    rows: Rows<'a>,
    /// Which actors a route may pass through; empty: every actor.
    passable: Vec<bool>,
}

/// Where a network's links are.
#[derive(Debug, Clone)]
enum Rows<'a> {
    /// Built in memory.
    Built {
        offsets: Vec<usize>,
        steps: Vec<Step>,
        /// Each edge's weight, by index in the graph's edges.
        weight: Vec<f64>,
        /// Each edge's specificity; empty: 0 for every edge.
        specificity: Vec<f64>,
    },
    /// Stored in the graph's index, checked by [`Network::stored`].
    Stored {
        /// Per node and one more, u64: where its links begin.
        offsets: &'a [u8],
        /// Per link: neighbour u32, edge u32, weight f64, specificity f64.
        links: &'a [u8],
    },
}

/// Bytes of a stored link.
const LINK_REC: usize = 24;

impl<'a> Network<'a> {
    /// The network of the edges that `filter` admits, each pair carried by
    /// its strongest edge.
    ///
    /// O(V + E log d) time, where d is the largest degree; O(V + E) memory.
    pub fn new(graph: &(impl GraphView + ?Sized), filter: &EdgeFilter) -> Network<'a> {
        Network::for_metric(graph, filter, Metric::Hops)
    }

    /// The network that routes by `metric` walk: for
    /// [`Metric::Specificity`], links carry their specificity and each pair
    /// its most specific edge (O(E log E) more, to find each typed edge's
    /// co-mention).
    pub fn for_metric(
        graph: &(impl GraphView + ?Sized),
        filter: &EdgeFilter,
        metric: Metric,
    ) -> Network<'a> {
        let mut specificity = match metric {
            Metric::Specificity => Some(specificity::Pass::new(graph)),
            Metric::Hops | Metric::Strength => None,
        };
        let n = graph.node_count();
        let m = graph.edge_count();
        // Each edge record is read once, to admit and count it, keep its
        // weight and work out its specificity; its ends are read again to
        // place it. (Reserved whole: growing a vector copies megabytes into
        // fresh pages.)
        let mut admitted = vec![0u64; m.div_ceil(64)];
        let mut weight = Vec::with_capacity(m);
        let mut count = vec![0usize; n + 1];
        for i in 0..m {
            let e = graph.lean(i);
            weight.push(e.weight);
            if let Some(pass) = &mut specificity {
                pass.add(i, &e);
            }
            if e.source != e.target && filter.admits_lean(&e) {
                admitted[i / 64] |= 1 << (i % 64);
                count[e.source as usize + 1] += 1;
                count[e.target as usize + 1] += 1;
            }
        }
        // Finished before the links are made: its working tables are freed
        // first, and the links then reuse their pages rather than fault in
        // fresh ones (the kernel zeroing them was a fifth of a query).
        let specificity = specificity.map_or_else(Vec::new, |pass| pass.finish(graph));
        for v in 0..n {
            count[v + 1] += count[v];
        }
        let mut fill = count.clone();
        let mut steps = vec![Step::default(); count[n]];
        let admitted = admitted.iter().enumerate().flat_map(|(word, &bits)| {
            (0..64)
                .filter(move |b| bits & (1 << b) != 0)
                .map(move |b| (word * 64 + b) as u32)
        });
        for edge in admitted {
            let (source, target) = graph.ends(edge as usize);
            for (a, b) in [(source, target), (target, source)] {
                steps[fill[a as usize]] = Step { neighbor: b, edge };
                fill[a as usize] += 1;
            }
        }
        let (offsets, steps) = collapse_pairs(graph, steps, &count, &weight, &specificity);
        Network {
            rows: Rows::Built {
                offsets,
                steps,
                weight,
                specificity,
            },
            passable: Vec::new(),
        }
    }

    /// The network stored in `graph` ([`GraphView::stored_routes`]), read
    /// where it lies, once its tables are checked: sizes, offsets, each
    /// link's neighbour and edge in range and each row sorted by
    /// neighbour, so that every later read stays in bounds and every
    /// search finds what it looks for. `None` when the graph stores none,
    /// or one that fails the check. O(V + E).
    pub fn stored(graph: &'a (impl GraphView + ?Sized)) -> Option<Network<'a>> {
        let tables = graph.stored_routes()?;
        let (offsets, links) = (tables.offsets, tables.links);
        let (n, m) = (graph.node_count(), graph.edge_count());
        if offsets.len() != 8 * (n + 1) || !links.len().is_multiple_of(LINK_REC) {
            return None;
        }
        let count = links.len() / LINK_REC;
        let mut start = 0;
        for v in 0..n {
            let end = offset_at(offsets, v + 1);
            if offset_at(offsets, v) != start || end < start || end > count {
                return None;
            }
            let mut last = None;
            for i in start..end {
                let (neighbor, edge) =
                    (u32_at(links, i * LINK_REC), u32_at(links, i * LINK_REC + 4));
                if neighbor as usize >= n || edge as usize >= m || last >= Some(neighbor) {
                    return None;
                }
                last = Some(neighbor);
            }
            start = end;
        }
        (start == count).then_some(Network {
            rows: Rows::Stored { offsets, links },
            passable: Vec::new(),
        })
    }

    /// Writes this network's links as [`Network::stored`] reads them:
    /// each node's offset (u64, and one past the last), then each link's
    /// neighbour (u32), edge (u32), weight and specificity (f64), all
    /// little-endian. Which actors a route passes through is not written.
    pub fn encode(&self, offsets: &mut Vec<u8>, links: &mut Vec<u8>) {
        let n = self.node_count();
        offsets.reserve_exact(8 * (n + 1));
        links.reserve_exact(LINK_REC * 2 * self.pair_count());
        offsets.extend_from_slice(&0u64.to_le_bytes());
        for v in 0..n as NodeIndex {
            for link in self.links(v) {
                links.extend_from_slice(&link.neighbor.to_le_bytes());
                links.extend_from_slice(&(link.edge as u32).to_le_bytes());
                links.extend_from_slice(&link.weight.to_le_bytes());
                links.extend_from_slice(&link.specificity.to_le_bytes());
            }
            offsets.extend_from_slice(&((links.len() / LINK_REC) as u64).to_le_bytes());
        }
    }

    /// True when the links are read from the graph's index.
    pub fn is_stored(&self) -> bool {
        matches!(self.rows, Rows::Stored { .. })
    }

    /// The same network, with routes passing only through actors of these
    /// types (they may still start or end anywhere); `None` lets them pass
    /// through every actor. O(V).
    pub fn through(
        mut self,
        graph: &(impl GraphView + ?Sized),
        types: Option<&[EntityType]>,
    ) -> Network<'a> {
        self.passable = match types {
            Some(types) => (0..graph.node_count() as NodeIndex)
                .map(|v| types.contains(&graph.node_kind(v)))
                .collect(),
            None => Vec::new(),
        };
        self
    }

    /// True when a route may pass through this actor.
    pub fn passes(&self, node: NodeIndex) -> bool {
        self.passable.get(node as usize).copied().unwrap_or(true)
    }

    /// Number of actors.
    pub fn node_count(&self) -> usize {
        match &self.rows {
            Rows::Built { offsets, .. } => offsets.len().saturating_sub(1),
            Rows::Stored { offsets, .. } => (offsets.len() / 8).saturating_sub(1),
        }
    }

    /// Number of linked pairs.
    pub fn pair_count(&self) -> usize {
        match &self.rows {
            Rows::Built { steps, .. } => steps.len() / 2,
            Rows::Stored { links, .. } => links.len() / LINK_REC / 2,
        }
    }

    /// Where an actor's links lie among all links.
    fn row(&self, node: NodeIndex) -> Range<usize> {
        let v = node as usize;
        match &self.rows {
            Rows::Built { offsets, .. } => match (offsets.get(v), offsets.get(v + 1)) {
                (Some(&start), Some(&end)) => start..end,
                _ => 0..0,
            },
            Rows::Stored { offsets, .. } => offset_at(offsets, v)..offset_at(offsets, v + 1),
        }
    }

    /// Link `i` of all links, with its edge's weight and specificity.
    fn link_at(&self, i: usize) -> Link {
        match &self.rows {
            Rows::Built {
                steps,
                weight,
                specificity,
                ..
            } => {
                let step = steps.get(i).copied().unwrap_or_default();
                full(step, weight, specificity)
            }
            Rows::Stored { links, .. } => {
                let at = i * LINK_REC;
                Link {
                    neighbor: u32_at(links, at),
                    edge: u32_at(links, at + 4) as usize,
                    weight: f64_at(links, at + 8),
                    specificity: f64_at(links, at + 16),
                }
            }
        }
    }

    /// The neighbour of link `i`.
    fn neighbor_at(&self, i: usize) -> NodeIndex {
        match &self.rows {
            Rows::Built { steps, .. } => steps.get(i).map_or(0, |s| s.neighbor),
            Rows::Stored { links, .. } => u32_at(links, i * LINK_REC),
        }
    }

    /// The links of an actor, sorted by neighbour.
    pub fn links(&self, node: NodeIndex) -> impl ExactSizeIterator<Item = Link> + '_ {
        self.row(node).map(|i| self.link_at(i))
    }

    /// The neighbours of an actor, ascending, without looking up weights.
    pub fn neighbors(&self, node: NodeIndex) -> impl ExactSizeIterator<Item = NodeIndex> + '_ {
        self.row(node).map(|i| self.neighbor_at(i))
    }

    /// The link between two actors, if they are linked. O(log d).
    pub fn link(&self, a: NodeIndex, b: NodeIndex) -> Option<Link> {
        let row = self.row(a);
        let (mut lo, mut hi) = (row.start, row.end);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            match self.neighbor_at(mid).cmp(&b) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return Some(self.link_at(mid)),
            }
        }
        None
    }
}

/// Sorts each actor's links by neighbour and keeps the best link of each
/// pair: the rows' offsets and the kept links.
fn collapse_pairs(
    graph: &(impl GraphView + ?Sized),
    mut steps: Vec<Step>,
    count: &[usize],
    weight: &[f64],
    specificity: &[f64],
) -> (Vec<usize>, Vec<Step>) {
    let mut offsets = Vec::with_capacity(count.len());
    offsets.push(0);
    let mut write = 0;
    for v in 0..count.len() - 1 {
        let row = &mut steps[count[v]..count[v + 1]];
        // A row was filled in edge order: the actor's edges as source
        // (by target, since edges are sorted by their ends) amid its
        // edges as target (by source), so it is a few sorted runs,
        // which the stable sort finds and merges in linear time. The
        // order is total (the edge breaks ties), so stable or not
        // gives the same row.
        row.sort_by(|a, b| {
            a.neighbor.cmp(&b.neighbor).then_with(|| {
                let (la, lb) = (full(*a, weight, specificity), full(*b, weight, specificity));
                best_first(&la, &lb, graph.edge_kind(la.edge), graph.edge_kind(lb.edge))
            })
        });
        let mut last: Option<NodeIndex> = None;
        for read in count[v]..count[v + 1] {
            let step = steps[read];
            if last != Some(step.neighbor) {
                steps[write] = step;
                write += 1;
                last = Some(step.neighbor);
            }
        }
        offsets.push(write);
    }
    steps.truncate(write);
    (offsets, steps)
}

/// A kept step with its edge's weight and specificity.
fn full(step: Step, weight: &[f64], specificity: &[f64]) -> Link {
    let edge = step.edge as usize;
    Link {
        neighbor: step.neighbor,
        edge,
        weight: weight.get(edge).copied().unwrap_or(0.0),
        specificity: specificity.get(edge).copied().unwrap_or(0.0),
    }
}

/// The little-endian u64 at node `v`'s place in stored offsets, as an
/// index (past the end: 0; a stored network is checked when it is opened).
fn offset_at(offsets: &[u8], v: usize) -> usize {
    offsets
        .get(8 * v..8 * v + 8)
        .and_then(|b| b.try_into().ok())
        .map_or(0, u64::from_le_bytes) as usize
}

/// The little-endian u32 at `at`, or 0 past the end.
fn u32_at(bytes: &[u8], at: usize) -> u32 {
    bytes
        .get(at..at + 4)
        .and_then(|b| b.try_into().ok())
        .map_or(0, u32::from_le_bytes)
}

/// The little-endian f64 at `at`, or 0 past the end.
fn f64_at(bytes: &[u8], at: usize) -> f64 {
    bytes
        .get(at..at + 8)
        .and_then(|b| b.try_into().ok())
        .map_or(0.0, f64::from_le_bytes)
}

/// Orders two links of one pair, the better first: more specific (all are 0
/// unless the network routes by specificity), heavier, then a typed
/// relation, then the earlier in the file.
/// (A link's weight is its edge's.)
fn best_first(la: &Link, lb: &Link, a: EdgeKind, b: EdgeKind) -> std::cmp::Ordering {
    lb.specificity
        .total_cmp(&la.specificity)
        .then_with(|| lb.weight.total_cmp(&la.weight))
        .then_with(|| (a == EdgeKind::CoMention).cmp(&(b == EdgeKind::CoMention)))
        .then_with(|| la.edge.cmp(&lb.edge))
}

/// A graph in memory that stores a route network as an index does, for
/// tests of [`Network::stored`] and of the queries that read one.
#[cfg(test)]
pub(crate) struct WithRoutes<'g> {
    pub graph: &'g crate::graph::Graph,
    pub offsets: Vec<u8>,
    pub links: Vec<u8>,
}

#[cfg(test)]
impl<'g> WithRoutes<'g> {
    /// `graph` storing `net`'s links.
    pub(crate) fn new(graph: &'g crate::graph::Graph, net: &Network) -> WithRoutes<'g> {
        let (mut offsets, mut links) = (Vec::new(), Vec::new());
        net.encode(&mut offsets, &mut links);
        WithRoutes {
            graph,
            offsets,
            links,
        }
    }
}

#[cfg(test)]
impl GraphView for WithRoutes<'_> {
    fn header(&self) -> &crate::graph::Header {
        self.graph.header()
    }
    fn node_count(&self) -> usize {
        self.graph.node_count()
    }
    fn edge_count(&self) -> usize {
        self.graph.edge_count()
    }
    fn lean(&self, i: usize) -> crate::graph::view::LeanEdge {
        self.graph.lean(i)
    }
    fn node_at(&self, v: NodeIndex) -> std::borrow::Cow<'_, crate::graph::Node> {
        self.graph.node_at(v)
    }
    fn node_kind(&self, v: NodeIndex) -> EntityType {
        self.graph.node_kind(v)
    }
    fn node_scopes(&self, v: NodeIndex) -> u64 {
        self.graph.node_scopes(v)
    }
    fn node_dates(&self, v: NodeIndex) -> (Option<crate::date::Date>, Option<crate::date::Date>) {
        self.graph.node_dates(v)
    }
    fn stored_routes(&self) -> Option<crate::graph::view::StoredRoutes<'_>> {
        Some(crate::graph::view::StoredRoutes {
            offsets: &self.offsets,
            links: &self.links,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::Graph;
    use crate::graph::tests::sample;

    #[test]
    fn one_link_per_pair_carried_by_the_best_edge() {
        let g = sample();
        let net = Network::new(&g, &EdgeFilter::default());
        assert_eq!(net.node_count(), 3);
        assert_eq!(net.pair_count(), 3);
        let (araji, rashid) = (
            g.node_by_id("araji").unwrap(),
            g.node_by_id("rashid").unwrap(),
        );
        let link = net.link(araji, rashid).unwrap();
        assert_eq!(g.edges()[link.edge].kind, EdgeKind::CoMention);
        assert_eq!(link.weight, 2.0);
        assert_eq!(net.link(rashid, araji).unwrap().edge, link.edge);
        let neighbours: Vec<NodeIndex> = net.links(araji).map(|l| l.neighbor).collect();
        assert_eq!(neighbours, [1, 2]);
    }

    #[test]
    fn the_filter_shapes_the_links() {
        let g = sample();
        let filter = EdgeFilter {
            exclude: vec![EdgeKind::CoMention],
            ..EdgeFilter::default()
        };
        let net = Network::new(&g, &filter);
        assert_eq!(net.pair_count(), 1);
        let link = net.link(0, 1).unwrap();
        assert_eq!(g.edges()[link.edge].kind, EdgeKind::Supports);
        assert_eq!(net.links(2).len(), 0);
    }

    #[test]
    fn ties_prefer_a_typed_relation() {
        let mut g = sample();
        let mut edges = g.edges().to_vec();
        edges[0].weight = 1.0; // co_mention araji–rashid, now as heavy as `meets`
        g = Graph::new(g.header.clone(), g.nodes().to_vec(), edges);
        let net = Network::new(&g, &EdgeFilter::default());
        assert_eq!(
            g.edges()[net.link(0, 1).unwrap().edge].kind,
            EdgeKind::Supports
        );
    }

    /// Every link of `a` and `b`, and the link of every pair, compared.
    fn same_links(a: &Network, b: &Network) {
        assert_eq!(a.node_count(), b.node_count());
        assert_eq!(a.pair_count(), b.pair_count());
        let n = a.node_count() as NodeIndex;
        for v in 0..n {
            assert_eq!(
                a.links(v).collect::<Vec<_>>(),
                b.links(v).collect::<Vec<_>>()
            );
            assert!(a.neighbors(v).eq(b.neighbors(v)));
            for w in 0..n {
                assert_eq!(a.link(v, w), b.link(v, w), "{v}-{w}");
            }
        }
    }

    #[test]
    fn a_stored_network_reads_as_the_one_built() {
        let g = sample();
        for metric in [Metric::Specificity, Metric::Hops] {
            let built = Network::for_metric(&g, &EdgeFilter::default(), metric);
            assert!(!built.is_stored());
            let view = WithRoutes::new(&g, &built);
            assert_eq!(view.offsets.len(), 8 * 4);
            assert_eq!(view.links.len(), LINK_REC * 2 * built.pair_count());
            let stored = Network::stored(&view).unwrap();
            assert!(stored.is_stored());
            same_links(&built, &stored);
        }
        assert!(
            Network::stored(&g).is_none(),
            "a graph in memory stores none"
        );
    }

    #[test]
    fn a_stored_network_that_fails_its_check_is_refused() {
        let g = sample();
        let built = Network::for_metric(&g, &EdgeFilter::default(), Metric::Specificity);
        let good = WithRoutes::new(&g, &built);
        let damaged = |change: &dyn Fn(&mut WithRoutes)| {
            let mut view = WithRoutes::new(&g, &built);
            change(&mut view);
            Network::stored(&view).is_none()
        };
        let put_u32 = |bytes: &mut Vec<u8>, at: usize, x: u32| {
            bytes[at..at + 4].copy_from_slice(&x.to_le_bytes());
        };
        // Node 0 links to 1 and 2: the first two links.
        assert_eq!(
            Network::stored(&good)
                .unwrap()
                .neighbors(0)
                .collect::<Vec<_>>(),
            [1, 2]
        );
        assert!(damaged(&|v| v.offsets.truncate(8 * 3)));
        assert!(damaged(&|v| {
            v.links.pop();
        }));
        assert!(damaged(&|v| v.links.truncate(v.links.len() - LINK_REC)));
        assert!(damaged(&|v| put_u32(&mut v.links, 0, 3)), "no node 3");
        assert!(damaged(&|v| put_u32(&mut v.links, 4, 4)), "no edge 4");
        assert!(
            damaged(&|v| put_u32(&mut v.links, 0, 2)),
            "a row not ascending"
        );
        assert!(damaged(&|v| v.offsets[16] = 1), "offsets not ascending");
        assert!(damaged(&|v| v.offsets[0] = 1), "a first row not at 0");
    }
}
