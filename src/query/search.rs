//! The best route between two actors: Dijkstra over a [`Network`], with the
//! cost of a step set by the [`Metric`], around blocked actors and links, and
//! optionally through a given actor.

use std::cmp::Ordering;
use std::collections::{BinaryHeap, HashSet};
use std::ops::Add;

use serde::Serialize;

use super::network::{Link, Network};
use super::specificity::step_cost;
use crate::graph::NodeIndex;

/// What "best" means for a route.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Metric {
    /// The most specific links ([`super::specificity`]): a step along a link
    /// of specificity s costs `(2 − s, −weight)`, compared in that order, so
    /// that a direct link beats any route through others, and among routes
    /// of as many hops a meeting or a strongly associated pair beats a
    /// co-mention with an actor every article names.
    #[default]
    Specificity,
    /// Fewest hops; among routes of as many hops, the greatest total weight.
    /// A step costs `(1, -weight)`, compared in that order.
    Hops,
    /// Least total `1 / weight`, so a well-attested link (weight 10) costs a
    /// tenth of a link seen once; among equal sums, the fewest hops. A step
    /// costs `(1 / weight, 1)`; links of weight 0 or less cannot be walked.
    Strength,
}

impl Metric {
    /// The cost of a step along a link, or `None` when it cannot be taken.
    pub fn step(self, link: &Link) -> Option<Cost> {
        let weight = link.weight;
        match self {
            Metric::Specificity => Some(Cost::new(step_cost(link.specificity), -weight)),
            Metric::Hops => Some(Cost::new(1.0, -weight)),
            Metric::Strength if weight > 0.0 && weight.is_finite() => {
                Some(Cost::new(1.0 / weight, 1.0))
            }
            Metric::Strength => None,
        }
    }

    /// `specificity`, `hops` or `strength`.
    pub fn as_str(self) -> &'static str {
        match self {
            Metric::Specificity => "specificity",
            Metric::Hops => "hops",
            Metric::Strength => "strength",
        }
    }
}

/// The cost of a route: compared on `primary`, then on `secondary`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Cost {
    /// The sum of `2 − specificity`, hops, or the sum of `1 / weight`.
    pub primary: f64,
    /// Minus the total weight, or hops.
    pub secondary: f64,
}

impl Cost {
    /// A cost from its two parts.
    pub fn new(primary: f64, secondary: f64) -> Cost {
        Cost { primary, secondary }
    }

    /// Total order: primary, then secondary.
    pub fn total_cmp(&self, other: &Cost) -> Ordering {
        self.primary
            .total_cmp(&other.primary)
            .then_with(|| self.secondary.total_cmp(&other.secondary))
    }
}

impl Add for Cost {
    type Output = Cost;
    fn add(self, other: Cost) -> Cost {
        Cost::new(
            self.primary + other.primary,
            self.secondary + other.secondary,
        )
    }
}

/// A route: actors in order, and for each hop the graph edge that carries it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Path {
    /// The actors, first to last.
    pub nodes: Vec<NodeIndex>,
    /// Index in [`crate::graph::Graph::edges`] of the edge of each hop.
    pub edges: Vec<usize>,
    /// What the route costs under its metric.
    pub cost: Cost,
}

impl Path {
    /// Number of hops.
    pub fn hops(&self) -> usize {
        self.edges.len()
    }

    /// The route's cost recomputed from its links, for a route put together
    /// from pieces. `None` when a hop is not a link of `net`.
    pub fn from_nodes(net: &Network, metric: Metric, nodes: Vec<NodeIndex>) -> Option<Path> {
        let mut cost = Cost::default();
        let mut edges = Vec::with_capacity(nodes.len().saturating_sub(1));
        for pair in nodes.windows(2) {
            let link = net.link(pair[0], pair[1])?;
            cost = cost + metric.step(&link)?;
            edges.push(link.edge);
        }
        Some(Path { nodes, edges, cost })
    }
}

/// Actors and links a search must not use.
#[derive(Debug, Clone, Default)]
pub struct Blocked {
    /// Actors never entered (an actor blocked at the start is still left).
    pub nodes: HashSet<NodeIndex>,
    /// Links never taken, in either direction; stored as (smaller, larger).
    pub links: HashSet<(NodeIndex, NodeIndex)>,
}

impl Blocked {
    /// Blocks the link between two actors.
    pub fn block_link(&mut self, a: NodeIndex, b: NodeIndex) {
        self.links.insert((a.min(b), a.max(b)));
    }

    fn allows(&self, a: NodeIndex, b: NodeIndex) -> bool {
        !self.nodes.contains(&b) && !self.links.contains(&(a.min(b), a.max(b)))
    }
}

#[derive(PartialEq)]
struct Queued(Cost, NodeIndex);

impl Eq for Queued {}

impl Ord for Queued {
    // Reversed, so that std's max-heap pops the cheapest, then the lowest index.
    fn cmp(&self, other: &Queued) -> Ordering {
        other
            .0
            .total_cmp(&self.0)
            .then_with(|| other.1.cmp(&self.1))
    }
}

impl PartialOrd for Queued {
    fn partial_cmp(&self, other: &Queued) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// The cheapest route from `from` to `to`, or `None`. Dijkstra with a binary
/// heap, stopping when `to` is settled: O((V + E) log V). Ties are broken by
/// actor index, so the answer is deterministic. Only actors the network lets
/// a route pass through ([`Network::passes`]) are entered, but for `to`.
pub fn shortest(
    net: &Network,
    metric: Metric,
    from: NodeIndex,
    to: NodeIndex,
    blocked: &Blocked,
) -> Option<Path> {
    let n = net.node_count();
    let mut best: Vec<Option<Cost>> = vec![None; n];
    let mut parent: Vec<(NodeIndex, usize)> = vec![(NodeIndex::MAX, 0); n];
    let mut done = vec![false; n];
    let mut heap = BinaryHeap::new();
    best[from as usize] = Some(Cost::default());
    heap.push(Queued(Cost::default(), from));
    while let Some(Queued(cost, v)) = heap.pop() {
        if std::mem::replace(&mut done[v as usize], true) {
            continue;
        }
        if v == to {
            return Some(unwind(&parent, from, to, cost));
        }
        for link in net.links(v) {
            let w = link.neighbor;
            if done[w as usize] || !blocked.allows(v, w) || (w != to && !net.passes(w)) {
                continue;
            }
            let Some(step) = metric.step(&link) else {
                continue;
            };
            let next = cost + step;
            if best[w as usize].is_none_or(|b| next.total_cmp(&b) == Ordering::Less) {
                best[w as usize] = Some(next);
                parent[w as usize] = (v, link.edge);
                heap.push(Queued(next, w));
            }
        }
    }
    None
}

fn unwind(parent: &[(NodeIndex, usize)], from: NodeIndex, to: NodeIndex, cost: Cost) -> Path {
    let mut nodes = vec![to];
    let mut edges = Vec::new();
    let mut v = to;
    while v != from {
        let (p, e) = parent[v as usize];
        nodes.push(p);
        edges.push(e);
        v = p;
    }
    nodes.reverse();
    edges.reverse();
    Path { nodes, edges, cost }
}

/// The best route from `from` to `to` that passes through `via`, if given.
///
/// With `via`, the route is the best of two joined routes: the best leg to
/// `via` then the best onward leg that does not revisit an actor, or the best
/// onward leg first and then the best leg to `via` around it. This is exact
/// when the best legs do not cross, which is the usual case; when both
/// orders are blocked by their first leg it can miss a route that exists
/// (the exact answer is a min-cost flow problem). Two or three Dijkstra runs.
pub fn route(
    net: &Network,
    metric: Metric,
    from: NodeIndex,
    to: NodeIndex,
    via: Option<NodeIndex>,
    blocked: &Blocked,
) -> Option<Path> {
    let Some(via) = via else {
        return shortest(net, metric, from, to, blocked);
    };
    let forward = joined(net, metric, (from, via, to), blocked, false);
    let backward = joined(net, metric, (from, via, to), blocked, true);
    match (forward, backward) {
        (Some(a), Some(b)) if b.cost.total_cmp(&a.cost) == Ordering::Less => Some(b),
        (Some(a), _) => Some(a),
        (None, b) => b,
    }
}

/// `from → via` joined to `via → to`; `onward_first` plans the second leg first.
fn joined(
    net: &Network,
    metric: Metric,
    (from, via, to): (NodeIndex, NodeIndex, NodeIndex),
    blocked: &Blocked,
    onward_first: bool,
) -> Option<Path> {
    let leg = |a, b, avoid: &[NodeIndex]| {
        let mut blocked = blocked.clone();
        blocked.nodes.extend(avoid.iter().filter(|&&v| v != via));
        shortest(net, metric, a, b, &blocked)
    };
    let (first, second) = if onward_first {
        let second = leg(via, to, &[from])?;
        (leg(from, via, &second.nodes)?, second)
    } else {
        let first = leg(from, via, &[to])?;
        let second = leg(via, to, &first.nodes)?;
        (first, second)
    };
    let mut nodes = first.nodes;
    nodes.extend_from_slice(&second.nodes[1..]);
    let mut edges = first.edges;
    edges.extend_from_slice(&second.edges);
    Some(Path {
        nodes,
        edges,
        cost: first.cost + second.cost,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::tests::sample;
    use crate::query::filter::EdgeFilter;

    #[test]
    fn hops_prefer_the_heavier_of_equal_routes() {
        let g = sample();
        let net = Network::new(&g, &EdgeFilter::default());
        let (araji, rashid, syria) = (0, 1, 2);
        let p = shortest(&net, Metric::Hops, araji, syria, &Blocked::default()).unwrap();
        assert_eq!(p.nodes, [araji, syria]);
        let mut blocked = Blocked::default();
        blocked.block_link(syria, araji);
        let p = shortest(&net, Metric::Hops, araji, syria, &blocked).unwrap();
        assert_eq!(p.nodes, [araji, rashid, syria]);
        assert_eq!(p.cost, Cost::new(2.0, -3.0));
        blocked.nodes.insert(rashid);
        assert!(shortest(&net, Metric::Hops, araji, syria, &blocked).is_none());
    }

    #[test]
    fn strength_prefers_well_attested_links() {
        let g = sample();
        let net = Network::new(&g, &EdgeFilter::default());
        // araji–syria weighs 0.5 (cost 2); araji–rashid–syria costs 1/2 + 1/1.
        let p = shortest(&net, Metric::Strength, 0, 2, &Blocked::default()).unwrap();
        assert_eq!(p.nodes, [0, 1, 2]);
        assert_eq!(p.cost, Cost::new(1.5, 2.0));
        assert_eq!(
            Path::from_nodes(&net, Metric::Strength, vec![0, 1, 2]),
            Some(p)
        );
    }

    #[test]
    fn via_passes_through_the_actor() {
        let g = sample();
        let net = Network::new(&g, &EdgeFilter::default());
        let p = route(&net, Metric::Hops, 0, 2, Some(1), &Blocked::default()).unwrap();
        assert_eq!(p.nodes, [0, 1, 2]);
        assert_eq!(p.edges.len(), 2);
        let mut blocked = Blocked::default();
        blocked.block_link(1, 2);
        assert!(route(&net, Metric::Hops, 0, 2, Some(1), &blocked).is_none());
    }
}
