//! `neighbors`: an actor's ego network, the actors within a number of hops and
//! the edges between them, as a [`Graph`] that any exporter can write.

use serde::Serialize;

use super::explain::{Actor, Direction, direction};
use super::filter::EdgeFilter;
use super::network::Network;
use crate::graph::{EdgeKind, Graph, NodeIndex};

/// The actors within `depth` hops of a center, and every admitted edge
/// between any two of them (as networkx's `ego_graph` does).
#[derive(Debug, Clone)]
pub struct Ego {
    /// The subgraph; its nodes are sorted by id like any graph's.
    pub graph: Graph,
    /// The center, as a node of `graph`.
    pub center: NodeIndex,
    /// Hops from the center of each node of `graph`.
    pub depth: Vec<u32>,
}

/// A link from an actor back towards the center.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Tie {
    /// The actor one hop closer to the center.
    pub to: Actor,
    /// Edge id within the ego network.
    pub edge: String,
    /// Type.
    #[serde(rename = "type")]
    pub kind: EdgeKind,
    /// Direction, seen from the listed actor.
    pub direction: Direction,
    /// Weight.
    pub weight: f64,
    /// Documents.
    pub docs: u64,
}

/// A neighbour, as `neighbors` lists it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Neighbor {
    /// The actor.
    #[serde(flatten)]
    pub actor: Actor,
    /// Hops from the center.
    pub depth: u32,
    /// Its edges to the actors one hop closer to the center, heaviest first.
    pub ties: Vec<Tie>,
}

/// The ego network of `center` up to `depth` hops over the edges that
/// `filter` admits. Breadth-first search: O(V + E log d).
pub fn ego(graph: &Graph, center: NodeIndex, depth: u32, filter: &EdgeFilter) -> Ego {
    let net = Network::new(graph, filter);
    let mut hops = vec![u32::MAX; graph.nodes().len()];
    hops[center as usize] = 0;
    let mut frontier = vec![center];
    for d in 1..=depth {
        let mut next = Vec::new();
        for &v in &frontier {
            for link in net.links(v) {
                if hops[link.neighbor as usize] == u32::MAX {
                    hops[link.neighbor as usize] = d;
                    next.push(link.neighbor);
                }
            }
        }
        frontier = next;
    }
    let reached = |id: &str| {
        graph
            .node_by_id(id)
            .is_some_and(|v| hops[v as usize] != u32::MAX)
    };
    let sub = graph.filter(
        |n| reached(&n.id),
        |e| e.source != e.target && filter.admits(e),
    );
    let depth = sub
        .nodes()
        .iter()
        .map(|n| hops[graph.node_by_id(&n.id).expect("a node of the graph") as usize])
        .collect();
    let center = sub
        .node_by_id(&graph.node(center).id)
        .expect("the center is kept");
    Ego {
        graph: sub,
        center,
        depth,
    }
}

impl Ego {
    /// Every actor but the center, nearest first, then the most heavily tied
    /// to the ring before, then by id. O(V + E).
    pub fn neighbors(&self) -> Vec<Neighbor> {
        let g = &self.graph;
        let mut incident = vec![Vec::new(); g.nodes().len()];
        for (i, e) in g.edges().iter().enumerate() {
            incident[e.source as usize].push(i);
            incident[e.target as usize].push(i);
        }
        let mut list: Vec<Neighbor> = (0..g.nodes().len() as NodeIndex)
            .filter(|&v| v != self.center)
            .map(|v| Neighbor {
                actor: Actor::of(g, v),
                depth: self.depth[v as usize],
                ties: self.ties(v, &incident[v as usize]),
            })
            .collect();
        let strength = |n: &Neighbor| n.ties.iter().map(|t| t.weight).sum::<f64>();
        list.sort_by(|a, b| {
            a.depth
                .cmp(&b.depth)
                .then_with(|| strength(b).total_cmp(&strength(a)))
                .then_with(|| a.actor.id.cmp(&b.actor.id))
        });
        list
    }

    /// The edges among `incident` (the edges of `v`) that lead one ring inwards.
    fn ties(&self, v: NodeIndex, incident: &[usize]) -> Vec<Tie> {
        let g = &self.graph;
        let closer = self.depth[v as usize].saturating_sub(1);
        let mut ties: Vec<Tie> = incident
            .iter()
            .map(|&i| (i, &g.edges()[i]))
            .filter_map(|(i, e)| {
                let other = if e.source == v { e.target } else { e.source };
                (self.depth[other as usize] == closer && other != v).then(|| Tie {
                    to: Actor::of(g, other),
                    edge: Graph::edge_id(i),
                    kind: e.kind,
                    direction: direction(e, v),
                    weight: e.weight,
                    docs: e.docs,
                })
            })
            .collect();
        // Stable: equal weights keep the file order of the edges.
        ties.sort_by(|a, b| b.weight.total_cmp(&a.weight));
        ties
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::tests::sample;

    #[test]
    fn depth_one_keeps_the_edges_between_neighbours() {
        let g = sample();
        let e = ego(
            &g,
            g.node_by_id("syria").unwrap(),
            1,
            &EdgeFilter::default(),
        );
        assert_eq!(e.graph.nodes().len(), 3);
        assert_eq!(e.graph.edges().len(), 4);
        let list = e.neighbors();
        let ids: Vec<&str> = list.iter().map(|n| n.actor.id.as_str()).collect();
        assert_eq!(ids, ["rashid", "araji"]);
        assert_eq!(list[0].ties.len(), 1);
        assert_eq!(list[0].ties[0].to.id, "syria");
    }

    #[test]
    fn filters_and_depth_bound_the_network() {
        let g = sample();
        let araji = g.node_by_id("araji").unwrap();
        let heavy = EdgeFilter {
            min_weight: Some(1.0),
            ..EdgeFilter::default()
        };
        let e = ego(&g, araji, 1, &heavy);
        let ids: Vec<&str> = e.graph.nodes().iter().map(|n| n.id.as_str()).collect();
        assert_eq!(ids, ["araji", "rashid"]);
        assert_eq!(e.graph.edges().len(), 2);
        let e = ego(&g, araji, 2, &heavy);
        assert_eq!(e.depth, [0, 1, 2]);
        let syria = &e.neighbors()[1];
        assert_eq!((syria.actor.id.as_str(), syria.depth), ("syria", 2));
        assert_eq!(syria.ties[0].to.id, "rashid");
        assert_eq!(ego(&g, araji, 0, &heavy).graph.nodes().len(), 1);
    }
}
