//! How specific a link is: the number between 0 and 1 that `path --by
//! specificity` (the default) and `neighbors` rank links by, so that a
//! meeting, or a co-mention of two actors that are named together far more
//! often than chance, beats a co-mention with a country every article names.
//!
//! | edge | specificity |
//! |---|---|
//! | `co_mention` seen at least the minimum count of times | the pair's NPMI, or 0 when negative |
//! | `co_mention` seen k times, fewer than the minimum m | NPMI⁺ · k / m: the same, discounted, since too few to trust |
//! | a typed relation (meets, leads, …) or a gazetteer fact | 1/2 + 1/2 · the pair's co-mention specificity (0 without one): a stated relation is specific in itself |
//! | any edge of a graph file without the counts | 0 for co-mentions, 1/2 for the others |
//!
//! NPMI is the edge's own where the file keeps it (rounded to six
//! significant digits), and otherwise computed from the counts the graph
//! keeps ([`crate::graph::association`]); the minimum count is the header's
//! `min_count` ([`MIN_COUNT`] when the file does not say).
//!
//! A step along a link of specificity s costs `2 − s`: every hop costs at
//! least 1, so a direct link always beats a route through someone else, and
//! a specific hop costs up to half of what an unspecific one does.

use crate::graph::association::{self, MIN_COUNT};
use crate::graph::view::{GraphView, LeanEdge};
use crate::graph::{Edge, EdgeKind, Graph, NodeIndex};

use super::explain::edges_between;

/// What ranked a link: its specificity, and the pair's NPMI and co-mention
/// count behind it.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Specificity {
    /// Between 0 and 1.
    pub value: f64,
    /// The pair's NPMI, when the graph has the counts and a co-mention.
    pub npmi: Option<f64>,
    /// The pair's co-mention count (weight), 0 without a co-mention.
    pub co_mentions: f64,
    /// The minimum count below which the NPMI is discounted.
    pub min_count: f64,
}

/// The minimum count the graph was built with.
pub fn min_count(graph: &(impl GraphView + ?Sized)) -> f64 {
    graph
        .header()
        .options
        .get("min_count")
        .and_then(|v| v.as_f64())
        .filter(|m| *m > 0.0)
        .unwrap_or(MIN_COUNT)
}

/// The pair's NPMI: the edge's own, or from the counts. O(1).
fn npmi(scopes: impl Fn(NodeIndex) -> u64, edge: &LeanEdge, total: Option<u64>) -> Option<f64> {
    if let Some(npmi) = edge.npmi {
        return Some(npmi);
    }
    let counts = association::Counts {
        both: edge.weight,
        first: scopes(edge.source) as f64,
        second: scopes(edge.target) as f64,
        total: total? as f64,
    };
    association::npmi_exact(counts)
}

/// The specificity of a co-mention edge (see the module's table).
fn of_co_mention(graph: &Graph, edge: &Edge, min_count: f64) -> Specificity {
    let scopes = |v: NodeIndex| graph.node(v).scopes;
    let npmi = npmi(scopes, &LeanEdge::of(edge), graph.scopes());
    let trust = (edge.weight / min_count).min(1.0);
    Specificity {
        value: npmi.map_or(0.0, |x| x.max(0.0) * trust),
        npmi,
        co_mentions: edge.weight,
        min_count,
    }
}

/// The specificity of one edge. O(log E) (a typed edge looks up its pair's
/// co-mention).
pub fn of_edge(graph: &Graph, index: usize) -> Specificity {
    let min_count = min_count(graph);
    let e = &graph.edges()[index];
    if e.kind == EdgeKind::CoMention {
        return of_co_mention(graph, e, min_count);
    }
    let pair = edges_between(graph, e.source, e.target)
        .map(|i| &graph.edges()[i])
        .find(|other| other.kind == EdgeKind::CoMention)
        .map(|co| of_co_mention(graph, co, min_count))
        .unwrap_or(Specificity {
            min_count,
            ..Specificity::default()
        });
    Specificity {
        value: 0.5 + 0.5 * pair.value,
        ..pair
    }
}

/// The specificity of every edge, by index in [`Graph::edges`]. O(E log E)
/// at worst: one pass over the edge records, then a look-up of each typed
/// edge's co-mention.
pub fn all(graph: &(impl GraphView + ?Sized)) -> Vec<f64> {
    let mut pass = Pass::new(graph);
    for i in 0..graph.edge_count() {
        pass.add(i, &graph.lean(i));
    }
    pass.finish(graph)
}

/// [`all`] fed one edge record at a time, so that a caller that reads the
/// records anyway (the route network) reads each of them once.
pub(crate) struct Pass {
    min_count: f64,
    total: Option<u64>,
    /// The nodes' counts in one small table, read for every co-mention.
    scopes: Vec<u64>,
    value: Vec<f64>,
    /// Each co-mention as (smaller end, larger end, edge), its value in
    /// `value`: in the order of the edges, which are sorted by (source,
    /// target, type), and a co-mention is written from its smaller end.
    co: Vec<(NodeIndex, NodeIndex, u32)>,
    /// The typed edges, which wait for the whole table of co-mentions.
    typed: Vec<u32>,
}

impl Pass {
    /// A pass over `graph`'s edges, to be given every edge in order.
    pub(crate) fn new(graph: &(impl GraphView + ?Sized)) -> Pass {
        let m = graph.edge_count();
        // Reserved whole: growing a vector copies megabytes into fresh
        // pages; pages never written cost nothing.
        Pass {
            min_count: min_count(graph),
            total: graph.scopes(),
            scopes: (0..graph.node_count() as NodeIndex)
                .map(|v| graph.node_scopes(v))
                .collect(),
            value: Vec::with_capacity(m),
            co: Vec::with_capacity(m),
            typed: Vec::with_capacity(m),
        }
    }

    /// Edge `i`, the next in order: a co-mention's value is final here.
    pub(crate) fn add(&mut self, i: usize, e: &LeanEdge) {
        debug_assert_eq!(i, self.value.len());
        if e.kind == EdgeKind::CoMention {
            let scopes = |v: NodeIndex| self.scopes.get(v as usize).copied().unwrap_or(0);
            let trust = (e.weight / self.min_count).min(1.0);
            let s = npmi(scopes, e, self.total).map_or(0.0, |x| x.max(0.0) * trust);
            self.co
                .push((e.source.min(e.target), e.source.max(e.target), i as u32));
            self.value.push(s);
        } else {
            self.typed.push(i as u32);
            self.value.push(0.0);
        }
    }

    /// Every edge's specificity, once each typed edge has found its pair's
    /// co-mention.
    pub(crate) fn finish(self, graph: &(impl GraphView + ?Sized)) -> Vec<f64> {
        let Pass {
            co,
            typed,
            mut value,
            ..
        } = self;
        // Where each node's co-mentions (as the smaller end) begin in `co`,
        // which is sorted by its ends.
        let starts = starts_by_node(graph.node_count(), co.iter().map(|c| c.0));
        // The first co-mention of the pair, should a file hold two,
        // searched among the co-mentions of the pair's smaller end only: a
        // few entries, where the whole list costs twenty cache misses.
        let find = |pair: (NodeIndex, NodeIndex), value: &[f64]| {
            let (from, to) = (starts[pair.0 as usize], starts[pair.0 as usize + 1]);
            let own = &co[from..to];
            let j = own.partition_point(|c| c.1 < pair.1);
            own.get(j)
                .filter(|c| (c.0, c.1) == pair)
                .map_or(0.0, |c| value[c.2 as usize])
        };
        // A typed edge whose smaller end is its source comes in the order of
        // `co`, so its search reads where the last one did. One whose
        // smaller end is its target would read `co` at random (a cache miss
        // or two each): those wait, and are searched in the order of that
        // end (a counting sort, which keeps the order of the edges within
        // it). Each search reads only co-mentions, so the order changes no
        // value.
        // (Reserved whole: pages never written cost nothing, where growing
        // copies into fresh ones.)
        let mut waiting: Vec<(NodeIndex, NodeIndex, u32)> = Vec::with_capacity(typed.len());
        for i in typed {
            let (source, target) = graph.ends(i as usize);
            if source <= target {
                value[i as usize] = 0.5 + 0.5 * find((source, target), &value);
            } else {
                waiting.push((target, source, i));
            }
        }
        let mut at = starts_by_node(graph.node_count(), waiting.iter().map(|w| w.0));
        let mut sorted = vec![(0, 0, 0); waiting.len()];
        for w in waiting {
            sorted[at[w.0 as usize]] = w;
            at[w.0 as usize] += 1;
        }
        for (small, large, i) in sorted {
            value[i as usize] = 0.5 + 0.5 * find((small, large), &value);
        }
        value
    }
}

/// Where each of `n` nodes' entries begin in a list ordered by node, given
/// each entry's node: `starts[v]..starts[v + 1]` are node `v`'s.
fn starts_by_node(n: usize, nodes: impl Iterator<Item = NodeIndex>) -> Vec<usize> {
    let mut starts = vec![0usize; n + 1];
    for v in nodes {
        starts[v as usize + 1] += 1;
    }
    for i in 1..starts.len() {
        starts[i] += starts[i - 1];
    }
    starts
}

/// The cost of a step along a link of specificity `s`: `2 − s`.
pub fn step_cost(s: f64) -> f64 {
    2.0 - s.clamp(0.0, 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::tests::sample;

    #[test]
    fn the_table_of_the_module_documentation() {
        // Sample: N 10, every actor in 3 sentences, min_count absent (2).
        // araji–rashid co-mention k 2: npmi = ln(2·10/9) / −ln(0.2).
        // araji–syria k 0.5: npmi = ln(0.5·10/9) / −ln(0.05) < 0: 0.
        // rashid–syria k 1: npmi = ln(10/9) / −ln(0.1) = 0.0457575, discounted by 1/2.
        // rashid supports araji: 1/2 + 1/2 · (araji–rashid).
        let g = sample();
        let s = all(&g);
        let npmi_ar = association::round((20.0f64 / 9.0).ln() / 5f64.ln());
        assert_eq!(s[0], npmi_ar);
        assert_eq!(s[1], 0.0);
        assert_eq!(s[2], 0.5 + 0.5 * npmi_ar);
        assert_eq!(s[3], 0.0457575 / 2.0);
        for (i, value) in s.iter().enumerate() {
            assert_eq!(of_edge(&g, i).value, *value, "edge {i}");
        }
        let typed = of_edge(&g, 2);
        assert_eq!((typed.npmi, typed.co_mentions), (Some(npmi_ar), 2.0));
        // Without the counts: 0 for co-mentions, 1/2 for the others.
        let g = sample();
        let edges = g
            .edges()
            .iter()
            .map(|e| Edge {
                association: None,
                ..e.clone()
            })
            .collect();
        let mut bare = Graph::new(g.header.clone(), g.nodes().to_vec(), edges);
        // Without the stored measures, the same from the counts (unrounded).
        for (x, y) in all(&bare).iter().zip(&s) {
            assert!((x - y).abs() < 1e-6, "{x} vs {y}");
        }
        bare.header.counts.clear();
        assert_eq!(all(&bare), [0.0, 0.0, 0.5, 0.0]);
        assert_eq!(step_cost(1.0), 1.0);
        assert_eq!(step_cost(0.0), 2.0);
    }
}
