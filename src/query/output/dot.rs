//! Answers as Graphviz DOT: a route (with one ring of neighbours on request)
//! or an ego network, the route's actors and hops drawn emphasized.
//!
//! A plain writer for query answers; every string is quoted and escaped
//! (`\` and `"` escaped, line breaks as `\n`), so names and snippets in any
//! script are safe.

use std::collections::HashSet;
use std::io::{self, Write};

use super::number;
use crate::gazetteer::EntityType;
use crate::graph::{Edge, Graph, NodeIndex};
use crate::query::filter::EdgeFilter;
use crate::query::network::Network;
use crate::query::search::Path;

/// What to draw emphasized, by index in the drawn graph.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Emphasis {
    /// Actors.
    pub nodes: HashSet<NodeIndex>,
    /// Edges.
    pub edges: HashSet<usize>,
}

/// The subgraph to draw for some routes: their actors and hops, and with
/// `context` every admitted edge from a route's actor to a neighbour
/// outside the routes. O(V + E).
pub fn path_diagram(
    graph: &Graph,
    paths: &[Path],
    filter: &EdgeFilter,
    context: bool,
) -> (Graph, Emphasis) {
    let on_route: HashSet<NodeIndex> = paths.iter().flat_map(|p| p.nodes.iter().copied()).collect();
    let hops: HashSet<usize> = paths.iter().flat_map(|p| p.edges.iter().copied()).collect();
    let mut keep = on_route.clone();
    if context {
        let net = Network::new(graph, filter);
        for &v in &on_route {
            keep.extend(net.neighbors(v));
        }
    }
    // Graph::filter hands `keep_edge` the original edges and renumbers the
    // nodes afterwards, so an edge is known by its ends' ids and its type.
    let key = |g: &Graph, e: &Edge| {
        let (s, t) = (g.node(e.source).id.clone(), g.node(e.target).id.clone());
        (s, t, e.kind, e.directed)
    };
    let hop_keys: HashSet<_> = hops
        .iter()
        .map(|&h| key(graph, &graph.edges()[h]))
        .collect();
    let ring_edge = |e: &Edge| {
        context
            && filter.admits(e)
            && e.source != e.target
            && (on_route.contains(&e.source) != on_route.contains(&e.target))
    };
    let keep_edge = |e: &Edge| ring_edge(e) || hop_keys.contains(&key(graph, e));
    let keep_node =
        |n: &crate::graph::Node| graph.node_by_id(&n.id).is_some_and(|v| keep.contains(&v));
    let drawn = graph.filter(keep_node, keep_edge);
    let emphasis = Emphasis {
        nodes: on_route
            .iter()
            .filter_map(|&v| drawn.node_by_id(&graph.node(v).id))
            .collect(),
        edges: (0..drawn.edges().len())
            .filter(|&i| hop_keys.contains(&key(&drawn, &drawn.edges()[i])))
            .collect(),
    };
    (drawn, emphasis)
}

/// Writes a graph as a DOT digraph: undirected edges are drawn without
/// arrowheads, each edge labelled with its type and weight.
pub fn write_dot(graph: &Graph, emphasis: &Emphasis, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "digraph actorgraph {{")?;
    writeln!(out, "  graph [rankdir=LR, overlap=false];")?;
    writeln!(
        out,
        "  node [fontname=\"Helvetica\", style=filled, fillcolor=\"#ffffff\"];"
    )?;
    writeln!(out, "  edge [fontname=\"Helvetica\", fontsize=10];")?;
    for (i, n) in graph.nodes().iter().enumerate() {
        let shape = match n.kind {
            EntityType::Person => "ellipse",
            EntityType::Group => "box",
            EntityType::Place => "house",
        };
        let fill = if emphasis.nodes.contains(&(i as NodeIndex)) {
            ", fillcolor=\"#ffe9a8\", penwidth=2"
        } else {
            ""
        };
        writeln!(
            out,
            "  {} [label={}, shape={shape}{fill}];",
            quote(&n.id),
            quote(&n.label)
        )?;
    }
    for (i, e) in graph.edges().iter().enumerate() {
        let label = format!("{} ({})", e.kind, number(e.weight));
        let dir = if e.directed { "" } else { ", dir=none" };
        let emphasized = if emphasis.edges.contains(&i) {
            ", color=\"#c0392b\", penwidth=2.5"
        } else {
            ", color=\"#7f8c8d\""
        };
        writeln!(
            out,
            "  {} -> {} [label={}{dir}{emphasized}];",
            quote(&graph.node(e.source).id),
            quote(&graph.node(e.target).id),
            quote(&label)
        )?;
    }
    writeln!(out, "}}")
}

/// A DOT quoted string: `"` and `\` escaped, line breaks written as `\n`.
fn quote(s: &str) -> String {
    let mut q = String::with_capacity(s.len() + 2);
    q.push('"');
    for c in s.chars() {
        match c {
            '"' => q.push_str("\\\""),
            '\\' => q.push_str("\\\\"),
            '\n' => q.push_str("\\n"),
            '\r' => {}
            c => q.push(c),
        }
    }
    q.push('"');
    q
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::tests::sample;
    use crate::query::path::{PathQuery, find_paths};

    #[test]
    fn quoting_escapes_what_dot_reads_specially() {
        let table = [
            ("plain", r#""plain""#),
            (r#"say "hi""#, r#""say \"hi\"""#),
            (r"back\slash", r#""back\\slash""#),
            ("two\nlines\r", r#""two\nlines""#),
            ("<b>&amp;</b>", r#""<b>&amp;</b>""#),
            ("أحمد الشرع 🕊", "\"أحمد الشرع 🕊\""),
            ("ends with \\", r#""ends with \\""#),
        ];
        for (input, want) in table {
            assert_eq!(quote(input), want, "{input:?}");
        }
    }

    #[test]
    fn a_route_is_drawn_with_its_hops_emphasized() {
        let g = sample();
        let q = PathQuery {
            from: 0,
            to: 2,
            k: 1,
            avoid: vec![],
            ..PathQuery::default()
        };
        let paths = find_paths(&g, &q).unwrap();
        let (drawn, emphasis) = path_diagram(&g, &paths, &q.filter, false);
        assert_eq!(drawn.nodes().len(), 2);
        assert_eq!(drawn.edges().len(), 1);
        assert_eq!(emphasis.edges.len(), 1);
        let (drawn, emphasis) = path_diagram(&g, &paths, &q.filter, true);
        assert_eq!(drawn.nodes().len(), 3);
        // araji–syria on the route; rashid's three edges to the route's ends as context.
        assert_eq!(drawn.edges().len(), 4);
        assert_eq!((emphasis.nodes.len(), emphasis.edges.len()), (2, 1));
        let mut out = Vec::new();
        write_dot(&drawn, &emphasis, &mut out).unwrap();
        let dot = String::from_utf8(out).unwrap();
        assert!(dot.starts_with("digraph actorgraph {\n"), "{dot}");
        assert!(
            dot.contains("\"rashid\" -> \"araji\" [label=\"supports (1)\", color=\"#7f8c8d\"];"),
            "{dot}"
        );
        assert!(dot.contains("\"araji\" -> \"syria\" [label=\"co_mention (0.5)\", dir=none, color=\"#c0392b\", penwidth=2.5];"), "{dot}");
        assert!(dot.trim_end().ends_with('}'));
    }
}
