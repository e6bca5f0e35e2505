//! GraphML, written with quick-xml: every `<key>` declares `attr.name`,
//! `attr.type` and `for`, and every edge has its id, so parallel edges stay
//! apart. Read by yEd, igraph, networkx and Gephi.
//!
//! The graph's edges are undirected by default, and a directed link
//! (attacks, leads, …) says `directed="true"` on its `<edge>`, so yEd, Gephi
//! and graphology read a mixed graph with arrows. Every edge also carries
//! `directed`, `from` and `to` as data, because igraph keeps one direction
//! for a whole graph and does not keep which end of an undirected edge came
//! first. networkx's `read_graphml` refuses a mixed file:
//! [`Directions::Undirected`] writes every edge undirected for it. GraphML
//! has no date type: `first` and `last` are ISO dates as strings.
//! Each edge's id is also its `key` attribute, as in graph.json, because
//! igraph 1.0 fills its own edge `id` attribute with vertex ids instead.

use std::io::{self, Write};

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};

use super::{Directions, Exporter, text};
use crate::graph::{Edge, Graph, Node};

const NS: &str = "http://graphml.graphdrawing.org/xmlns";
const SCHEMA: &str =
    "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd";

/// A declared attribute: key id, what it is for, name, type.
struct Key(&'static str, &'static str, &'static str, &'static str);

const KEYS: [Key; 31] = [
    Key("d0", "graph", "tool", "string"),
    Key("d1", "graph", "version", "string"),
    Key("d2", "graph", "gazetteer", "string"),
    Key("d3", "node", "label", "string"),
    Key("d4", "node", "type", "string"),
    Key("d5", "node", "mentions", "long"),
    Key("d6", "node", "docs", "long"),
    Key("d7", "node", "aliases", "string"),
    Key("d8", "node", "first", "string"),
    Key("d9", "node", "last", "string"),
    Key("d10", "edge", "type", "string"),
    Key("d11", "edge", "directed", "boolean"),
    Key("d12", "edge", "weight", "double"),
    Key("d13", "edge", "docs", "long"),
    Key("d14", "edge", "first", "string"),
    Key("d15", "edge", "last", "string"),
    Key("d16", "edge", "trigger", "string"),
    Key("d17", "edge", "evidence", "string"),
    Key("d18", "edge", "evidence_doc", "string"),
    Key("d19", "edge", "key", "string"),
    Key("d20", "edge", "from", "string"),
    Key("d21", "edge", "to", "string"),
    Key("d22", "node", "scopes", "long"),
    Key("d23", "edge", "npmi", "double"),
    Key("d24", "edge", "assoc", "double"),
    Key("d25", "edge", "jaccard", "double"),
    Key("d26", "edge", "llr", "double"),
    Key("d27", "edge", "alpha", "double"),
    Key("d28", "graph", "scope", "string"),
    Key("d29", "graph", "scopes", "long"),
    Key("d30", "edge", "rules", "string"),
];

/// Writes GraphML.
#[derive(Debug, Clone, Copy, Default)]
pub struct Graphml {
    /// How a directed link is written.
    pub directions: Directions,
}

impl Exporter for Graphml {
    fn write(&self, graph: &Graph, out: &mut dyn Write) -> io::Result<()> {
        let mut w = Writer::new_with_indent(out, b' ', 2);
        w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
        w.create_element("graphml")
            .with_attributes([
                ("xmlns", NS),
                ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
                ("xsi:schemaLocation", SCHEMA),
            ])
            .write_inner_content(|w| {
                for Key(id, scope, name, kind) in &KEYS {
                    w.create_element("key")
                        .with_attributes([
                            ("id", *id),
                            ("for", *scope),
                            ("attr.name", *name),
                            ("attr.type", *kind),
                        ])
                        .write_empty()?;
                }
                write_graph(w, graph, self.directions == Directions::Mixed)
            })?;
        w.into_inner().write_all(b"\n")
    }
}

fn write_graph<W: Write>(w: &mut Writer<W>, graph: &Graph, mixed: bool) -> io::Result<()> {
    let header = &graph.header;
    let mut values = Vec::new();
    for (key, value) in [
        ("d0", &header.tool),
        ("d1", &header.version),
        ("d2", &header.gazetteer),
    ] {
        if !value.is_empty() {
            values.push((key, value.clone()));
        }
    }
    // What a scope unit is and how many the corpus has: with each node's
    // `scopes` and each co-mention's weight, the counts of the association
    // measures.
    if let Some(scope) = header.options.get("scope").and_then(|v| v.as_str()) {
        values.push(("d28", scope.to_string()));
    }
    values.extend(graph.scopes().map(|n| ("d29", n.to_string())));
    w.create_element("graph")
        .with_attributes([("id", "actors"), ("edgedefault", "undirected")])
        .write_inner_content(|w| {
            write_data(w, &values)?;
            for node in graph.nodes() {
                write_node(w, node)?;
            }
            for (i, edge) in graph.edges().iter().enumerate() {
                write_edge(w, graph, i, edge, mixed)?;
            }
            Ok(())
        })?;
    Ok(())
}

fn write_node<W: Write>(w: &mut Writer<W>, node: &Node) -> io::Result<()> {
    let mut values = vec![
        ("d3", node.label.clone()),
        ("d4", node.kind.as_str().to_string()),
        ("d5", node.mentions.to_string()),
        ("d6", node.docs.to_string()),
        ("d7", text::aliases(node)),
    ];
    values.extend(node.first.map(|d| ("d8", d.to_string())));
    values.extend(node.last.map(|d| ("d9", d.to_string())));
    values.push(("d22", node.scopes.to_string()));
    w.create_element("node")
        .with_attribute(("id", text::xml_safe(&node.id)))
        .write_inner_content(|w| write_data(w, &values))?;
    Ok(())
}

fn write_edge<W: Write>(
    w: &mut Writer<W>,
    graph: &Graph,
    index: usize,
    edge: &Edge,
    mixed: bool,
) -> io::Result<()> {
    let mut values = vec![
        ("d10", edge.kind.as_str().to_string()),
        ("d11", edge.directed.to_string()),
        ("d12", text::number(edge.weight)),
        ("d13", edge.docs.to_string()),
    ];
    values.extend(edge.first.map(|d| ("d14", d.to_string())));
    values.extend(edge.last.map(|d| ("d15", d.to_string())));
    values.extend(text::trigger(edge).map(|t| ("d16", t.to_string())));
    values.extend(text::rules(edge).map(|r| ("d30", r)));
    if let Some(evidence) = text::evidence(edge) {
        values.push(("d17", evidence.snippet.clone()));
        values.push(("d18", evidence.doc.clone()));
    }
    let id = Graph::edge_id(index);
    let (source, target) = (&graph.node(edge.source).id, &graph.node(edge.target).id);
    values.push(("d19", id.clone()));
    values.push(("d20", source.clone()));
    values.push(("d21", target.clone()));
    if let Some(m) = &edge.association {
        values.push(("d23", text::number(m.npmi)));
        values.push(("d24", text::number(m.assoc)));
        values.push(("d25", text::number(m.jaccard)));
        values.push(("d26", text::number(m.llr)));
    }
    values.extend(edge.alpha.map(|a| ("d27", text::number(a))));
    w.create_element("edge")
        .with_attributes([
            ("id", id.as_str().into()),
            ("source", text::xml_safe(source)),
            ("target", text::xml_safe(target)),
        ])
        .with_attributes((mixed && edge.directed).then_some(("directed", "true")))
        .write_inner_content(|w| write_data(w, &values))?;
    Ok(())
}

fn write_data<W: Write>(w: &mut Writer<W>, values: &[(&str, String)]) -> io::Result<()> {
    for (key, value) in values {
        w.create_element("data")
            .with_attribute(("key", *key))
            .write_text_content(BytesText::new(&text::xml_safe(value)))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::tests::sample;

    fn graphml(graph: &Graph) -> String {
        let mut buf = Vec::new();
        Graphml::default().write(graph, &mut buf).unwrap();
        String::from_utf8(buf).unwrap()
    }

    #[test]
    fn directed_links_are_directed_edges_unless_asked_otherwise() {
        let text = graphml(&sample());
        assert_eq!(text.matches(r#"directed="true""#).count(), 1, "{text}");
        let mut buf = Vec::new();
        Graphml {
            directions: Directions::Undirected,
        }
        .write(&sample(), &mut buf)
        .unwrap();
        assert!(
            !String::from_utf8(buf)
                .unwrap()
                .contains(r#"directed="true""#)
        );
    }

    #[test]
    fn snapshot_of_the_sample_graph() {
        insta::assert_snapshot!(graphml(&sample()));
    }

    #[test]
    fn every_key_is_declared_once_and_used_keys_are_declared() {
        let text = graphml(&sample());
        for key in &KEYS {
            let declaration = format!(r#"<key id="{}" for="{}""#, key.0, key.1);
            assert_eq!(text.matches(&declaration).count(), 1, "{declaration}");
        }
        for used in text.split(r#"<data key=""#).skip(1) {
            let id = &used[..used.find('"').unwrap()];
            assert!(KEYS.iter().any(|k| k.0 == id), "{id} is not declared");
        }
    }

    #[test]
    fn text_content_keeps_line_breaks_and_escapes_markup() {
        let g = sample();
        let mut nodes = g.nodes().to_vec();
        nodes[0].label = "a <b> & c\r\nd\u{0}".into();
        let text = graphml(&Graph::new(g.header.clone(), nodes, g.edges().to_vec()));
        assert!(
            text.contains("<data key=\"d3\">a &lt;b&gt; &amp; c&#13;\nd\u{FFFD}</data>"),
            "{text}"
        );
    }
}
