//! GEXF 1.3, Gephi's own format, written with quick-xml: declared, typed
//! attributes, unique edge ids, the edge type as GEXF's `kind` (so Gephi keeps
//! parallel edges of different types), weights, `viz:color` by type and
//! `viz:size` by mentions, and the dates as start and end (whole days,
//! `timeformat="date"`) so Gephi's timeline works. A graph with no dates is
//! static.
//!
//! The file validates against the GEXF 1.3 RELAX NG grammar. The graph's
//! default edge type is undirected, and a directed link (attacks, leads, …)
//! is an edge of `type="directed"` from its source to its target, so Gephi
//! draws its arrow; every edge also says `directed`, `from` and `to` as
//! attributes. networkx's `read_gexf` refuses such a mixed file:
//! [`Directions::Undirected`] writes every edge undirected for it.
//!
//! Dates: GEXF 1.3 has no date type for attributes, so `first` and `last`
//! are strings at the precision the graph knows them (`2024`, `2024-12`,
//! `2024-12-08`); the typed dates are the elements' `start` and `end`, whole
//! days under the graph's `timeformat="date"`, which Gephi's timeline reads.

use std::io::{self, Write};

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};

use super::{Directions, Exporter, palette, text};
use crate::graph::{Edge, Graph, Node};

const NS: &str = "http://gexf.net/1.3";
const NS_VIZ: &str = "http://gexf.net/1.3/viz";

/// Declared node attributes: (id, title, type).
const NODE_ATTRIBUTES: [(&str, &str, &str); 7] = [
    ("0", "type", "string"),
    ("1", "mentions", "long"),
    ("2", "docs", "long"),
    ("3", "aliases", "string"),
    ("4", "first", "string"),
    ("5", "last", "string"),
    ("6", "scopes", "long"),
];

/// Declared edge attributes: (id, title, type).
const EDGE_ATTRIBUTES: [(&str, &str, &str); 17] = [
    ("0", "type", "string"),
    ("1", "directed", "boolean"),
    ("2", "weight", "double"),
    ("3", "docs", "long"),
    ("4", "first", "string"),
    ("5", "last", "string"),
    ("6", "trigger", "string"),
    ("7", "evidence", "string"),
    ("8", "evidence_doc", "string"),
    ("9", "from", "string"),
    ("10", "to", "string"),
    ("11", "npmi", "double"),
    ("12", "assoc", "double"),
    ("13", "jaccard", "double"),
    ("14", "llr", "double"),
    ("15", "alpha", "double"),
    ("16", "rules", "string"),
];

/// Writes GEXF 1.3.
#[derive(Debug, Clone, Copy, Default)]
pub struct Gexf {
    /// How a directed link is written.
    pub directions: Directions,
}

impl Exporter for Gexf {
    fn write(&self, graph: &Graph, out: &mut dyn Write) -> io::Result<()> {
        let mixed = self.directions == Directions::Mixed;
        let mut w = Writer::new_with_indent(out, b' ', 2);
        w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
        w.create_element("gexf")
            .with_attributes([("xmlns", NS), ("xmlns:viz", NS_VIZ), ("version", "1.3")])
            .write_inner_content(|w| {
                write_meta(w)?;
                write_graph(w, graph, mixed)
            })?;
        w.into_inner().write_all(b"\n")
    }
}

fn write_meta<W: Write>(w: &mut Writer<W>) -> io::Result<()> {
    let creator = format!("actorgraph {}", env!("CARGO_PKG_VERSION"));
    w.create_element("meta").write_inner_content(|w| {
        w.create_element("creator")
            .write_text_content(BytesText::new(&creator))?;
        w.create_element("description")
            .write_text_content(BytesText::new(
                "Actors named in news text and the links between them; each edge keeps its evidence.",
            ))?;
        Ok(())
    })?;
    Ok(())
}

fn write_graph<W: Write>(w: &mut Writer<W>, graph: &Graph, mixed: bool) -> io::Result<()> {
    let dated = graph
        .nodes()
        .iter()
        .any(|n| n.first.is_some() || n.last.is_some())
        || graph
            .edges()
            .iter()
            .any(|e| e.first.is_some() || e.last.is_some());
    let mut element = w
        .create_element("graph")
        .with_attribute(("defaultedgetype", "undirected"));
    element = if dated {
        element.with_attributes([("mode", "dynamic"), ("timeformat", "date")])
    } else {
        element.with_attribute(("mode", "static"))
    };
    element.write_inner_content(|w| {
        write_declarations(w, "node", &NODE_ATTRIBUTES)?;
        write_declarations(w, "edge", &EDGE_ATTRIBUTES)?;
        let count = graph.nodes().len().to_string();
        w.create_element("nodes")
            .with_attribute(("count", count.as_str()))
            .write_inner_content(|w| graph.nodes().iter().try_for_each(|n| write_node(w, n)))?;
        let count = graph.edges().len().to_string();
        w.create_element("edges")
            .with_attribute(("count", count.as_str()))
            .write_inner_content(|w| {
                graph
                    .edges()
                    .iter()
                    .enumerate()
                    .try_for_each(|(i, e)| write_edge(w, graph, i, e, mixed))
            })?;
        Ok(())
    })?;
    Ok(())
}

fn write_declarations<W: Write>(
    w: &mut Writer<W>,
    class: &str,
    attributes: &[(&str, &str, &str)],
) -> io::Result<()> {
    w.create_element("attributes")
        .with_attributes([("class", class), ("mode", "static")])
        .write_inner_content(|w| {
            for (id, title, kind) in attributes {
                w.create_element("attribute")
                    .with_attributes([("id", *id), ("title", *title), ("type", *kind)])
                    .write_empty()?;
            }
            Ok(())
        })?;
    Ok(())
}

fn write_node<W: Write>(w: &mut Writer<W>, node: &Node) -> io::Result<()> {
    let label = text::xml_safe(&node.label);
    let mut values = vec![
        ("0", node.kind.as_str().to_string()),
        ("1", node.mentions.to_string()),
        ("2", node.docs.to_string()),
        ("3", text::aliases(node)),
    ];
    values.extend(node.first.map(|d| ("4", d.to_string())));
    values.extend(node.last.map(|d| ("5", d.to_string())));
    values.push(("6", node.scopes.to_string()));
    let spell = spell(node.first, node.last);
    let colour = palette::entity(node.kind);
    let size = text::number(viz_size(node.mentions));
    w.create_element("node")
        .with_attributes([("id", text::xml_safe(&node.id)), ("label", label)])
        .with_attributes(spell.iter().map(|(k, v)| (*k, v.as_str())))
        .write_inner_content(|w| {
            write_values(w, &values)?;
            write_colour(w, colour)?;
            w.create_element("viz:size")
                .with_attribute(("value", size.as_str()))
                .write_empty()?;
            Ok(())
        })?;
    Ok(())
}

fn write_edge<W: Write>(
    w: &mut Writer<W>,
    graph: &Graph,
    index: usize,
    edge: &Edge,
    mixed: bool,
) -> io::Result<()> {
    let (source, target) = (&graph.node(edge.source).id, &graph.node(edge.target).id);
    let values = edge_values(edge, source, target);
    let kind = edge.kind.as_str();
    let id = Graph::edge_id(index);
    let weight = text::number(edge.weight);
    let spell = spell(edge.first, edge.last);
    w.create_element("edge")
        .with_attributes([
            ("id", id.as_str().into()),
            ("source", text::xml_safe(source)),
            ("target", text::xml_safe(target)),
            ("kind", kind.into()),
            ("label", kind.into()),
            ("weight", weight.as_str().into()),
        ])
        .with_attributes((mixed && edge.directed).then_some(("type", "directed")))
        .with_attributes(spell.iter().map(|(k, v)| (*k, v.as_str())))
        .write_inner_content(|w| {
            write_values(w, &values)?;
            write_colour(w, palette::edge(edge.kind))
        })?;
    Ok(())
}

/// The edge's values of [`EDGE_ATTRIBUTES`], leaving out what it lacks.
fn edge_values(edge: &Edge, source: &str, target: &str) -> Vec<(&'static str, String)> {
    let mut values = vec![
        ("0", edge.kind.as_str().to_string()),
        ("1", edge.directed.to_string()),
        ("2", text::number(edge.weight)),
        ("3", edge.docs.to_string()),
    ];
    values.extend(edge.first.map(|d| ("4", d.to_string())));
    values.extend(edge.last.map(|d| ("5", d.to_string())));
    values.extend(text::trigger(edge).map(|t| ("6", t.to_string())));
    values.extend(text::rules(edge).map(|r| ("16", r)));
    if let Some(evidence) = text::evidence(edge) {
        values.push(("7", evidence.snippet.clone()));
        values.push(("8", evidence.doc.clone()));
    }
    values.push(("9", source.to_string()));
    values.push(("10", target.to_string()));
    if let Some(m) = &edge.association {
        values.push(("11", text::number(m.npmi)));
        values.push(("12", text::number(m.assoc)));
        values.push(("13", text::number(m.jaccard)));
        values.push(("14", text::number(m.llr)));
    }
    values.extend(edge.alpha.map(|a| ("15", text::number(a))));
    values
}

fn write_values<W: Write>(w: &mut Writer<W>, values: &[(&str, String)]) -> io::Result<()> {
    w.create_element("attvalues").write_inner_content(|w| {
        for (id, value) in values {
            w.create_element("attvalue")
                .with_attributes([("for", (*id).into()), ("value", text::xml_safe(value))])
                .write_empty()?;
        }
        Ok(())
    })?;
    Ok(())
}

fn write_colour<W: Write>(w: &mut Writer<W>, colour: palette::Rgb) -> io::Result<()> {
    let [r, g, b] = [colour.0, colour.1, colour.2].map(|c| c.to_string());
    w.create_element("viz:color")
        .with_attributes([("r", r.as_str()), ("g", g.as_str()), ("b", b.as_str())])
        .write_empty()?;
    Ok(())
}

/// `start` and `end` attributes: the whole days the dates cover.
fn spell(
    first: Option<crate::date::Date>,
    last: Option<crate::date::Date>,
) -> Vec<(&'static str, String)> {
    let (start, end) = text::day_span(first, last);
    let mut attributes = Vec::new();
    attributes.extend(start.map(|d| ("start", d.to_string())));
    attributes.extend(end.map(|d| ("end", d.to_string())));
    attributes
}

/// Node size in Gephi: grows with the logarithm of mentions, so the most
/// mentioned actors stand out without dwarfing the rest.
fn viz_size(mentions: u64) -> f64 {
    let size = 5.0 + 5.0 * (1.0 + mentions as f64).ln();
    (size * 100.0).round() / 100.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::tests::sample;

    fn gexf(graph: &Graph) -> String {
        let mut buf = Vec::new();
        Gexf::default().write(graph, &mut buf).unwrap();
        String::from_utf8(buf).unwrap()
    }

    #[test]
    fn directed_links_are_directed_edges_unless_asked_otherwise() {
        let text = gexf(&sample());
        let edges: Vec<&str> = text.lines().filter(|l| l.contains("<edge ")).collect();
        let directed: Vec<&&str> = edges
            .iter()
            .filter(|l| l.contains(r#"type="directed""#))
            .collect();
        assert_eq!(directed.len(), 1, "{text}");
        assert!(
            directed[0].contains(r#"source="rashid" target="araji" kind="supports""#),
            "{text}"
        );
        let mut buf = Vec::new();
        Gexf {
            directions: Directions::Undirected,
        }
        .write(&sample(), &mut buf)
        .unwrap();
        assert!(
            !String::from_utf8(buf)
                .unwrap()
                .contains("type=\"directed\"")
        );
    }

    #[test]
    fn dates_are_whole_days_in_spells_and_as_written_in_attributes() {
        let g = sample();
        let mut edges = g.edges().to_vec();
        edges[0].first = "2024-12".parse().ok();
        edges[0].last = "2025".parse().ok();
        let text = gexf(&Graph::new(g.header.clone(), g.nodes().to_vec(), edges));
        assert!(
            text.contains(r#"mode="dynamic" timeformat="date""#),
            "{text}"
        );
        assert!(
            text.contains(r#"start="2024-12-01" end="2025-12-31""#),
            "{text}"
        );
        assert!(
            text.contains(r#"<attvalue for="4" value="2024-12"/>"#),
            "{text}"
        );
    }

    #[test]
    fn snapshot_of_the_sample_graph() {
        insta::assert_snapshot!(gexf(&sample()));
    }

    #[test]
    fn undated_graphs_are_static() {
        let g = sample();
        let mut nodes = g.nodes().to_vec();
        for n in &mut nodes {
            (n.first, n.last) = (None, None);
        }
        let mut edges = g.edges().to_vec();
        for e in &mut edges {
            (e.first, e.last) = (None, None);
        }
        let text = gexf(&Graph::new(g.header.clone(), nodes, edges));
        assert!(text.contains(r#"<graph defaultedgetype="undirected" mode="static">"#));
        assert!(!text.contains("start="));
    }

    #[test]
    fn text_is_escaped_and_forbidden_characters_replaced() {
        let g = sample();
        let mut nodes = g.nodes().to_vec();
        nodes[0].label = "a \"b\" <c> & d\ne\tf\u{1}g".into();
        let text = gexf(&Graph::new(g.header.clone(), nodes, g.edges().to_vec()));
        assert!(
            text.contains(r#"label="a &quot;b&quot; &lt;c&gt; &amp; d&#10;e&#9;f�g""#),
            "{text}"
        );
    }
}
