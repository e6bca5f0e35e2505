//! Which part of the graph a diagram shows: the backbone, the strongest
//! actors and the edges worth drawing, so that a diagram of a whole corpus
//! stays readable.

use std::borrow::Cow;
use std::cmp::Ordering;
use std::collections::HashSet;

use crate::graph::{EdgeKind, Graph, backbone};

/// A part of the graph: edges of the backbone, of some types and weights,
/// then the strongest actors among those left.
#[derive(Debug, Clone, PartialEq)]
pub struct Selection {
    /// Keep only the edges whose backbone significance `alpha` is at most
    /// this ([`backbone`]; computed when the graph lacks it). `None` keeps
    /// every edge.
    pub backbone: Option<f64>,
    /// Keep at most this many actors, the strongest first: the highest total
    /// weight of their (kept) edges, then the most mentions, then by id. `None`
    /// keeps every actor.
    pub max_nodes: Option<usize>,
    /// Leave out edges whose weight is below this.
    pub min_weight: f64,
    /// Keep only edges of these types; `None` keeps all.
    pub types: Option<Vec<EdgeKind>>,
    /// Keep at most this many edges between the kept actors, the heaviest
    /// first (ties: the earlier in the graph's order). `None` keeps all.
    pub max_edges: Option<usize>,
}

impl Default for Selection {
    /// The whole graph.
    fn default() -> Selection {
        Selection {
            backbone: None,
            max_nodes: None,
            min_weight: 0.0,
            types: None,
            max_edges: None,
        }
    }
}

impl Selection {
    /// How many actors a diagram shows unless told otherwise: more turn a
    /// diagram into a hairball.
    pub const DIAGRAM_NODES: usize = 150;

    /// How many actors the HTML viewer shows unless told otherwise: WebGL
    /// draws more, but a page of more is slow to open and hard to read.
    pub const VIEWER_NODES: usize = 5_000;

    /// How many links the HTML viewer shows unless told otherwise.
    pub const VIEWER_EDGES: usize = 50_000;

    /// The whole graph.
    pub fn all() -> Selection {
        Selection::default()
    }

    /// What diagrams show by default: the backbone at
    /// [`backbone::DIAGRAM_ALPHA`], and its [`Selection::DIAGRAM_NODES`]
    /// strongest actors.
    pub fn diagram() -> Selection {
        Selection {
            backbone: Some(backbone::DIAGRAM_ALPHA),
            max_nodes: Some(Selection::DIAGRAM_NODES),
            ..Selection::default()
        }
    }

    /// What the HTML viewer shows by default: the [`Selection::VIEWER_NODES`]
    /// strongest actors and, among them, the [`Selection::VIEWER_EDGES`]
    /// heaviest links.
    pub fn viewer() -> Selection {
        Selection {
            max_nodes: Some(Selection::VIEWER_NODES),
            max_edges: Some(Selection::VIEWER_EDGES),
            ..Selection::default()
        }
    }

    /// True when edges are left out by backbone, type or weight.
    fn filters_edges(&self) -> bool {
        self.min_weight > 0.0 || self.types.is_some() || self.backbone.is_some_and(|a| a < 1.0)
    }

    /// The selected subgraph. When edges are left out by backbone, type or
    /// weight, actors left with no edge are left out too: they would only be
    /// in the diagram because of the filter.
    pub fn apply<'g>(&self, graph: &'g Graph) -> Cow<'g, Graph> {
        let mut graph = Cow::Borrowed(graph);
        if self.filters_edges() {
            // The backbone of the whole graph, before anything is cut: an
            // edge's significance depends on all of its ends' links.
            if self.backbone.is_some() && graph.edges().iter().any(|e| e.alpha.is_none()) {
                let mut annotated = graph.into_owned();
                backbone::annotate(&mut annotated);
                graph = Cow::Owned(annotated);
            }
            let edges = graph.filter(
                |_| true,
                |e| {
                    self.backbone
                        .is_none_or(|a| e.alpha.is_none_or(|alpha| alpha <= a))
                        && e.weight >= self.min_weight
                        && self.types.as_ref().is_none_or(|t| t.contains(&e.kind))
                },
            );
            let linked: HashSet<u32> = edges
                .edges()
                .iter()
                .flat_map(|e| [e.source, e.target])
                .collect();
            let ids: HashSet<String> = linked.iter().map(|&i| edges.node(i).id.clone()).collect();
            graph = Cow::Owned(edges.filter(|n| ids.contains(&n.id), |_| true));
        }
        if let Some(max) = self.max_nodes.filter(|&max| max < graph.nodes().len()) {
            let keep = strongest(&graph, max);
            graph = Cow::Owned(graph.filter(|n| keep.contains(&n.id), |_| true));
        }
        if let Some(max) = self.max_edges.filter(|&max| max < graph.edges().len()) {
            let keep = heaviest(&graph, max);
            let edges = graph
                .edges()
                .iter()
                .zip(keep)
                .filter(|&(_, keep)| keep)
                .map(|(e, _)| e.clone())
                .collect();
            let nodes = graph.nodes().to_vec();
            graph = Cow::Owned(Graph::new(graph.header.clone(), nodes, edges));
        }
        graph
    }
}

/// Which edges are among the `max` heaviest, by index in [`Graph::edges`].
fn heaviest(graph: &Graph, max: usize) -> Vec<bool> {
    let edges = graph.edges();
    let mut order: Vec<usize> = (0..edges.len()).collect();
    order.sort_by(|&a, &b| edges[b].weight.total_cmp(&edges[a].weight).then(a.cmp(&b)));
    let mut keep = vec![false; edges.len()];
    for &i in order.iter().take(max) {
        keep[i] = true;
    }
    keep
}

/// The ids of the `max` strongest actors.
fn strongest(graph: &Graph, max: usize) -> HashSet<String> {
    let mut strength = vec![0.0f64; graph.nodes().len()];
    for e in graph.edges() {
        strength[e.source as usize] += e.weight;
        strength[e.target as usize] += e.weight;
    }
    let mut order: Vec<usize> = (0..graph.nodes().len()).collect();
    let nodes = graph.nodes();
    order.sort_by(|&a, &b| {
        strength[b]
            .partial_cmp(&strength[a])
            .unwrap_or(Ordering::Equal)
            .then(nodes[b].mentions.cmp(&nodes[a].mentions))
            .then(nodes[a].id.cmp(&nodes[b].id))
    });
    order
        .into_iter()
        .take(max)
        .map(|i| nodes[i].id.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::tests::sample;

    fn ids(graph: &Graph) -> Vec<&str> {
        graph.nodes().iter().map(|n| n.id.as_str()).collect()
    }

    #[test]
    fn the_whole_graph_is_not_copied() {
        let g = sample();
        assert!(matches!(Selection::all().apply(&g), Cow::Borrowed(_)));
        let every_link = Selection {
            backbone: None,
            ..Selection::diagram()
        };
        assert!(matches!(every_link.apply(&g), Cow::Borrowed(_)));
    }

    #[test]
    fn the_backbone_keeps_significant_links_and_their_actors() {
        // alpha: araji–rashid 0.2 (two edges), rashid–syria 0.333333,
        // araji–syria 0.666667.
        let g = sample();
        let at = |alpha| Selection {
            backbone: Some(alpha),
            ..Selection::all()
        };
        let kept = at(0.2).apply(&g);
        assert_eq!(ids(&kept), ["araji", "rashid"]);
        assert_eq!(kept.edges().len(), 2);
        assert_eq!(at(0.5).apply(&g).edges().len(), 3);
        assert_eq!(at(1.0).apply(&g).edges().len(), 4);
        assert_eq!(Selection::diagram().apply(&g).edges().len(), 2);
        // A graph file without alpha: computed, the same.
        let mut bare = g.clone();
        let edges: Vec<_> = bare
            .edges()
            .iter()
            .map(|e| crate::graph::Edge {
                alpha: None,
                ..e.clone()
            })
            .collect();
        bare = Graph::new(bare.header.clone(), bare.nodes().to_vec(), edges);
        assert_eq!(ids(&at(0.2).apply(&bare)), ["araji", "rashid"]);
    }

    #[test]
    fn max_nodes_keeps_the_strongest_actors() {
        // Strengths: rashid 2 + 1 + 1 = 4, araji 2 + 1 + 0.5 = 3.5, syria 1.5.
        let g = sample();
        let two = Selection {
            max_nodes: Some(2),
            ..Selection::all()
        };
        let kept = two.apply(&g);
        assert_eq!(ids(&kept), ["araji", "rashid"]);
        assert_eq!(kept.edges().len(), 2);
        let one = Selection {
            max_nodes: Some(1),
            ..Selection::all()
        };
        assert_eq!(ids(&one.apply(&g)), ["rashid"]);
    }

    #[test]
    fn edge_filters_drop_the_actors_they_isolate() {
        let g = sample();
        let meets = Selection {
            types: Some(vec![EdgeKind::Supports]),
            ..Selection::all()
        };
        let kept = meets.apply(&g);
        assert_eq!(ids(&kept), ["araji", "rashid"]);
        assert_eq!(kept.edges().len(), 1);
        let heavy = Selection {
            min_weight: 1.0,
            ..Selection::all()
        };
        let kept = heavy.apply(&g);
        assert_eq!(kept.edges().len(), 3);
        assert_eq!(ids(&kept), ["araji", "rashid", "syria"]);
    }

    #[test]
    fn max_edges_keeps_the_heaviest_links_and_every_actor() {
        // Weights in the graph's order: 2 (araji–rashid), 0.5, 1 (meets), 1.
        let g = sample();
        let two = Selection {
            max_edges: Some(2),
            ..Selection::all()
        };
        let kept = two.apply(&g);
        assert_eq!(ids(&kept), ["araji", "rashid", "syria"]);
        let weights: Vec<(f64, EdgeKind)> =
            kept.edges().iter().map(|e| (e.weight, e.kind)).collect();
        assert_eq!(
            weights,
            [(2.0, EdgeKind::CoMention), (1.0, EdgeKind::Supports)]
        );
        assert_eq!(Selection::viewer().apply(&g).edges().len(), 4);
    }
}
