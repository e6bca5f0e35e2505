//! `neighbors`: an actor's ego network, the actors within a number of hops and
//! the edges between them, as a [`Graph`] that any exporter can write; its
//! actors listed most specifically tied first ([`Order::Association`]) or
//! most heavily ([`Order::Weight`]).

use serde::Serialize;

use super::explain::{Actor, Direction, direction};
use super::filter::EdgeFilter;
use super::network::Network;
use super::specificity;
use rustc_hash::FxHashMap as HashMap;

use crate::graph::index::GraphIndex;
use crate::graph::view::GraphView;
use crate::graph::{EdgeKind, Graph, NodeIndex};

/// How `neighbors` orders the actors of one ring.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Order {
    /// The most specific tie first ([`specificity`]: the pair's NPMI, and
    /// stated relations), then the heaviest: the actors named with the
    /// center far more often than chance come before those every article
    /// names.
    #[default]
    Association,
    /// The heaviest ties first (the sum of their weights).
    Weight,
}

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
    /// How specific the tie is ([`specificity`]).
    pub specificity: f64,
    /// The pair's NPMI, when the graph has the counts and a co-mention.
    pub npmi: Option<f64>,
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
            for neighbor in net.neighbors(v) {
                if hops[neighbor as usize] == u32::MAX {
                    hops[neighbor as usize] = d;
                    next.push(neighbor);
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

/// [`ego`] in a graph read in place from its index: walks the adjacency
/// lists of the actors reached, and decodes only them and the edges between
/// them (with their evidence when `evidence` is true).
pub fn ego_in_index(
    index: &GraphIndex,
    center: NodeIndex,
    depth: u32,
    filter: &EdgeFilter,
    evidence: bool,
) -> crate::Result<Ego> {
    let mut hops: HashMap<NodeIndex, u32> = HashMap::default();
    hops.insert(center, 0);
    let mut frontier = vec![center];
    for d in 1..=depth {
        let mut next = Vec::new();
        for &v in &frontier {
            for i in index.incident(v) {
                let e = index.lean(i);
                if e.source == e.target || !filter.admits_lean(&e) {
                    continue;
                }
                let other = if e.source == v { e.target } else { e.source };
                hops.entry(other).or_insert_with(|| {
                    next.push(other);
                    d
                });
            }
        }
        frontier = next;
    }
    let mut reached: Vec<NodeIndex> = hops.keys().copied().collect();
    reached.sort_unstable();
    let keep = |e: &crate::graph::Edge| e.source != e.target && filter.admits(e);
    let (graph, _) = index.subgraph(&reached, keep, |_| evidence)?;
    Ok(Ego {
        graph,
        center: reached.binary_search(&center).unwrap_or_default() as NodeIndex,
        depth: reached.iter().map(|v| hops[v]).collect(),
    })
}

impl Ego {
    /// Every actor but the center, nearest first, then by `order` its ties
    /// to the ring before, then by id. O(V + E log E).
    pub fn neighbors(&self, order: Order) -> Vec<Neighbor> {
        let g = &self.graph;
        let specific = specificity::all(g);
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
                ties: self.ties(v, &incident[v as usize], &specific, order),
            })
            .collect();
        let strength = |n: &Neighbor| n.ties.iter().map(|t| t.weight).sum::<f64>();
        let specific = |n: &Neighbor| n.ties.iter().map(|t| t.specificity).fold(0.0, f64::max);
        list.sort_by(|a, b| {
            let by_order = match order {
                Order::Association => specific(b).total_cmp(&specific(a)),
                Order::Weight => std::cmp::Ordering::Equal,
            };
            a.depth
                .cmp(&b.depth)
                .then(by_order)
                .then_with(|| strength(b).total_cmp(&strength(a)))
                .then_with(|| a.actor.id.cmp(&b.actor.id))
        });
        list
    }

    /// The edges among `incident` (the edges of `v`) that lead one ring
    /// inwards, the first by `order`.
    fn ties(&self, v: NodeIndex, incident: &[usize], specific: &[f64], order: Order) -> Vec<Tie> {
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
                    specificity: specific[i],
                    npmi: specificity::of_edge(g, i).npmi,
                })
            })
            .collect();
        // Stable: equal values keep the file order of the edges.
        ties.sort_by(|a, b| match order {
            Order::Association => b
                .specificity
                .total_cmp(&a.specificity)
                .then_with(|| b.weight.total_cmp(&a.weight)),
            Order::Weight => b.weight.total_cmp(&a.weight),
        });
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
        let list = e.neighbors(Order::Weight);
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
        let syria = &e.neighbors(Order::Weight)[1];
        assert_eq!((syria.actor.id.as_str(), syria.depth), ("syria", 2));
        assert_eq!(syria.ties[0].to.id, "rashid");
        assert_eq!(ego(&g, araji, 0, &heavy).graph.nodes().len(), 1);
    }

    #[test]
    fn association_puts_the_specific_tie_before_the_heavy_one() {
        // In 200 sentences: the center in 10; a hub in 100, named with the
        // center 5 times (as often as chance: npmi 0); a minor actor in 3,
        // all of them with the center (npmi ln 20 / ln(200/3) = 0.71).
        use crate::gazetteer::EntityType;
        use crate::graph::{Edge, Header, Node};
        let node = |id: &str, scopes| Node {
            id: id.into(),
            label: id.into(),
            kind: EntityType::Person,
            mentions: scopes,
            docs: 1,
            scopes,
            first: None,
            last: None,
            aliases: vec![],
        };
        let edge = |t: u32, weight| Edge::new(0, t, EdgeKind::CoMention, weight);
        let mut header = Header::default();
        header.counts.insert("scopes".into(), 200.into());
        let g = Graph::new(
            header,
            vec![node("a-center", 10), node("b-hub", 100), node("c-minor", 3)],
            vec![edge(1, 5.0), edge(2, 3.0)],
        );
        let e = ego(&g, 0, 1, &EdgeFilter::default());
        let ids =
            |order| -> Vec<String> { e.neighbors(order).into_iter().map(|n| n.actor.id).collect() };
        assert_eq!(ids(Order::Weight), ["b-hub", "c-minor"]);
        assert_eq!(ids(Order::Association), ["c-minor", "b-hub"]);
        let minor = &e.neighbors(Order::Association)[0].ties[0];
        let npmi = 20f64.ln() / (200.0f64 / 3.0).ln();
        assert!((minor.npmi.unwrap() - npmi).abs() < 1e-12);
        assert!((minor.specificity - npmi).abs() < 1e-12);
    }
}
