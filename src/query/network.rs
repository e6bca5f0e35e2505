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
/// neighbour.
///
/// Eight bytes per link and eight per edge for its weight (and eight more
/// for its specificity when routing by it): for a million edges, about
/// 24 MB where a copy of the weight in each link took 64.
#[derive(Debug, Clone, Default)]
pub struct Network {
    offsets: Vec<usize>,
    steps: Vec<Step>,
    /// Each edge's weight, by index in the graph's edges.
    weight: Vec<f64>,
    /// Each edge's specificity; empty: 0 for every edge.
    specificity: Vec<f64>,
    /// Which actors a route may pass through; empty: every actor.
    passable: Vec<bool>,
}

impl Network {
    /// The network of the edges that `filter` admits, each pair carried by
    /// its strongest edge.
    ///
    /// O(V + E log d) time, where d is the largest degree; O(V + E) memory.
    pub fn new(graph: &(impl GraphView + ?Sized), filter: &EdgeFilter) -> Network {
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
    ) -> Network {
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
        let mut net = Network {
            offsets: Vec::new(),
            steps,
            weight,
            specificity,
            passable: Vec::new(),
        };
        net.collapse_pairs(graph, &count);
        net
    }

    /// Sorts each actor's links by neighbour and keeps the best link of
    /// each pair.
    fn collapse_pairs(&mut self, graph: &(impl GraphView + ?Sized), count: &[usize]) {
        let mut offsets = Vec::with_capacity(count.len());
        offsets.push(0);
        let mut steps = std::mem::take(&mut self.steps);
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
                    let (la, lb) = (self.full(*a), self.full(*b));
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
        self.steps = steps;
        self.offsets = offsets;
    }

    /// A kept step with its edge's weight and specificity.
    fn full(&self, step: Step) -> Link {
        let edge = step.edge as usize;
        Link {
            neighbor: step.neighbor,
            edge,
            weight: self.weight.get(edge).copied().unwrap_or(0.0),
            specificity: self.specificity.get(edge).copied().unwrap_or(0.0),
        }
    }

    /// The same network, with routes passing only through actors of these
    /// types (they may still start or end anywhere); `None` lets them pass
    /// through every actor. O(V).
    pub fn through(
        mut self,
        graph: &(impl GraphView + ?Sized),
        types: Option<&[EntityType]>,
    ) -> Network {
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
        self.offsets.len().saturating_sub(1)
    }

    /// Number of linked pairs.
    pub fn pair_count(&self) -> usize {
        self.steps.len() / 2
    }

    fn steps(&self, node: NodeIndex) -> &[Step] {
        let v = node as usize;
        &self.steps[self.offsets[v]..self.offsets[v + 1]]
    }

    /// The links of an actor, sorted by neighbour.
    pub fn links(&self, node: NodeIndex) -> impl ExactSizeIterator<Item = Link> + '_ {
        self.steps(node).iter().map(|&s| self.full(s))
    }

    /// The neighbours of an actor, ascending, without looking up weights.
    pub fn neighbors(&self, node: NodeIndex) -> impl ExactSizeIterator<Item = NodeIndex> + '_ {
        self.steps(node).iter().map(|s| s.neighbor)
    }

    /// The link between two actors, if they are linked. O(log d).
    pub fn link(&self, a: NodeIndex, b: NodeIndex) -> Option<Link> {
        let steps = self.steps(a);
        steps
            .binary_search_by_key(&b, |s| s.neighbor)
            .ok()
            .map(|i| self.full(steps[i]))
    }
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
}
