//! The walkable view of a graph under a filter: for every actor, its
//! neighbours, each reached through the one best edge of the pair.
//!
//! A pair of actors can hold several edges (a `meets` and a `co_mention`); a
//! route goes from actor to actor, so each pair becomes one link carried by its
//! strongest admitted edge (ties: a typed relation over `co_mention`, then the
//! first edge in file order). Direction is ignored for connectivity; the
//! explanation shows it. Self-loops are dropped.

use super::filter::EdgeFilter;
use crate::graph::{Edge, EdgeKind, Graph, NodeIndex};

/// A step from one actor to a neighbour.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Link {
    /// The neighbour.
    pub neighbor: NodeIndex,
    /// Index in [`Graph::edges`] of the edge that carries the step.
    pub edge: usize,
    /// That edge's weight.
    pub weight: f64,
}

/// Adjacency lists in one flat array (compressed sparse rows), each sorted by
/// neighbour.
#[derive(Debug, Clone, Default)]
pub struct Network {
    offsets: Vec<usize>,
    links: Vec<Link>,
}

impl Network {
    /// The network of the edges that `filter` admits.
    ///
    /// O(V + E log d) time, where d is the largest degree; O(V + E) memory.
    pub fn new(graph: &Graph, filter: &EdgeFilter) -> Network {
        let n = graph.nodes().len();
        let admitted: Vec<usize> = (0..graph.edges().len())
            .filter(|&i| {
                let e = &graph.edges()[i];
                e.source != e.target && filter.admits(e)
            })
            .collect();
        let mut count = vec![0usize; n + 1];
        for &i in &admitted {
            let e = &graph.edges()[i];
            count[e.source as usize + 1] += 1;
            count[e.target as usize + 1] += 1;
        }
        for v in 0..n {
            count[v + 1] += count[v];
        }
        let mut fill = count.clone();
        let empty = Link {
            neighbor: 0,
            edge: 0,
            weight: 0.0,
        };
        let mut links = vec![empty; count[n]];
        for &i in &admitted {
            let e = &graph.edges()[i];
            for (a, b) in [(e.source, e.target), (e.target, e.source)] {
                links[fill[a as usize]] = Link {
                    neighbor: b,
                    edge: i,
                    weight: e.weight,
                };
                fill[a as usize] += 1;
            }
        }
        collapse_pairs(graph.edges(), &count, links)
    }

    /// Number of actors.
    pub fn node_count(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }

    /// Number of linked pairs.
    pub fn pair_count(&self) -> usize {
        self.links.len() / 2
    }

    /// The links of an actor, sorted by neighbour.
    pub fn links(&self, node: NodeIndex) -> &[Link] {
        let v = node as usize;
        &self.links[self.offsets[v]..self.offsets[v + 1]]
    }

    /// The link between two actors, if they are linked. O(log d).
    pub fn link(&self, a: NodeIndex, b: NodeIndex) -> Option<&Link> {
        let links = self.links(a);
        links
            .binary_search_by_key(&b, |l| l.neighbor)
            .ok()
            .map(|i| &links[i])
    }
}

/// Sorts each actor's links by neighbour and keeps the best link of each pair.
fn collapse_pairs(edges: &[Edge], count: &[usize], mut links: Vec<Link>) -> Network {
    let mut offsets = Vec::with_capacity(count.len());
    offsets.push(0);
    let mut write = 0;
    for v in 0..count.len() - 1 {
        let row = &mut links[count[v]..count[v + 1]];
        row.sort_unstable_by(|a, b| {
            a.neighbor
                .cmp(&b.neighbor)
                .then_with(|| best_first(&edges[a.edge], &edges[b.edge], a.edge, b.edge))
        });
        let mut last: Option<NodeIndex> = None;
        for read in count[v]..count[v + 1] {
            let link = links[read];
            if last != Some(link.neighbor) {
                links[write] = link;
                write += 1;
                last = Some(link.neighbor);
            }
        }
        offsets.push(write);
    }
    links.truncate(write);
    Network { offsets, links }
}

/// Orders two edges of one pair, the better first: heavier, then a typed
/// relation, then the earlier in the file.
fn best_first(a: &Edge, b: &Edge, ia: usize, ib: usize) -> std::cmp::Ordering {
    b.weight
        .total_cmp(&a.weight)
        .then_with(|| (a.kind == EdgeKind::CoMention).cmp(&(b.kind == EdgeKind::CoMention)))
        .then_with(|| ia.cmp(&ib))
}

#[cfg(test)]
mod tests {
    use super::*;
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
        let neighbours: Vec<NodeIndex> = net.links(araji).iter().map(|l| l.neighbor).collect();
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
        assert!(net.links(2).is_empty());
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
