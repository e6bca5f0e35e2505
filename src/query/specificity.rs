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
//! NPMI is recomputed from the counts the graph keeps, rounded as the file
//! keeps it ([`crate::graph::association`]), and the minimum count is the
//! header's `min_count` ([`MIN_COUNT`] when the file does not say).
//!
//! A step along a link of specificity s costs `2 − s`: every hop costs at
//! least 1, so a direct link always beats a route through someone else, and
//! a specific hop costs up to half of what an unspecific one does.

use crate::graph::association::{self, MIN_COUNT};
use crate::graph::{Edge, EdgeKind, Graph};

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
pub fn min_count(graph: &Graph) -> f64 {
    graph
        .header
        .options
        .get("min_count")
        .and_then(|v| v.as_f64())
        .filter(|m| *m > 0.0)
        .unwrap_or(MIN_COUNT)
}

/// The specificity of a co-mention edge (see the module's table).
fn of_co_mention(graph: &Graph, edge: &Edge, min_count: f64) -> Specificity {
    let npmi = association::counts(graph, edge)
        .and_then(association::measures)
        .map(|m| m.npmi);
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

/// The specificity of every edge, by index in [`Graph::edges`]. O(E log E).
pub fn all(graph: &Graph) -> Vec<f64> {
    let min_count = min_count(graph);
    let edges = graph.edges();
    // Co-mentions first, then the typed edges look theirs up: edges are
    // sorted by (source, target, type), and co_mention sorts first.
    let co: Vec<f64> = edges
        .iter()
        .map(|e| {
            if e.kind == EdgeKind::CoMention {
                of_co_mention(graph, e, min_count).value
            } else {
                0.0
            }
        })
        .collect();
    edges
        .iter()
        .enumerate()
        .map(|(i, e)| {
            if e.kind == EdgeKind::CoMention {
                return co[i];
            }
            let pair = edges_between(graph, e.source, e.target)
                .find(|&j| edges[j].kind == EdgeKind::CoMention)
                .map_or(0.0, |j| co[j]);
            0.5 + 0.5 * pair
        })
        .collect()
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
        let mut bare = sample();
        bare.header.counts.clear();
        assert_eq!(all(&bare), [0.0, 0.0, 0.5, 0.0]);
        assert_eq!(step_cost(1.0), 1.0);
        assert_eq!(step_cost(0.0), 2.0);
    }
}
