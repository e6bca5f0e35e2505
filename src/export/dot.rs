//! DOT for Graphviz, built with graphviz-rust's model and printed with its
//! printer one statement at a time, so the file streams.
//!
//! The diagram is meant to be read: actors are filled shapes by type (people
//! ellipses, groups rounded boxes, places hexagons) with their names, sized by
//! mentions; `co_mention` links are thin light-grey lines, typed relations bold,
//! coloured and labelled, directed ones with arrows; line width grows with
//! weight; tooltips (in SVG) give counts, dates and the evidence; a legend
//! explains the colours. Small graphs are laid out by `neato`, large ones by
//! `sfdp`, both with overlap removal. The diagram shows a [`Selection`] of the
//! graph, by default the strongest [`Selection::DIAGRAM_NODES`] actors.

use std::io::{self, Write};

use graphviz_rust::dot_structures::{
    Attribute, Edge as DotEdge, EdgeTy, Graph as DotGraph, GraphAttributes, Id, Node as DotNode,
    NodeId, Stmt, Vertex,
};
use graphviz_rust::printer::{DotPrinter, PrinterContext};

use super::text::{REPLACEMENT, is_forbidden_in_xml};
use super::{Exporter, Selection, palette};
use crate::gazetteer::EntityType;
use crate::graph::{Edge, EdgeKind, Graph, Node};

mod legend;

/// Above this many actors, `sfdp` lays the diagram out instead of `neato`.
const SFDP_NODES: usize = 100;
/// Above this many typed edges, their labels are left out (colours and the
/// legend still tell the types apart).
const MAX_EDGE_LABELS: usize = 150;
/// Names longer than this are wrapped over lines.
const WRAP_AT: usize = 20;
const FONT: &str = "Helvetica,Arial,sans-serif";

/// Writes a styled DOT diagram of a selection of the graph (by default its
/// backbone's strongest actors).
#[derive(Debug, Clone, PartialEq)]
pub struct Dot {
    selection: Selection,
}

impl Default for Dot {
    /// [`Selection::diagram`]: the backbone's strongest
    /// [`Selection::DIAGRAM_NODES`] actors.
    fn default() -> Dot {
        Dot::new(Selection::diagram())
    }
}

impl Dot {
    /// A diagram of `selection` of the graph.
    pub fn new(selection: Selection) -> Dot {
        Dot { selection }
    }
}

impl Exporter for Dot {
    fn write(&self, graph: &Graph, out: &mut dyn Write) -> io::Result<()> {
        let shown = self.selection.apply(graph);
        let mut ctx = PrinterContext::default();
        // Printing the empty graph opens it and puts the printer in digraph mode.
        let shell = DotGraph::DiGraph {
            id: Id::Plain("actors".into()),
            strict: false,
            stmts: vec![],
        }
        .print(&mut ctx);
        writeln!(
            out,
            "{}",
            shell.lines().next().unwrap_or("digraph actors {")
        )?;
        let typed = shown
            .edges()
            .iter()
            .filter(|e| e.kind != EdgeKind::CoMention);
        let edge_labels = typed.count() <= MAX_EDGE_LABELS;
        let mut stmts = defaults(&shown, graph, self.selection.backbone).into_iter();
        stmts.try_for_each(|s| write_stmt(out, &mut ctx, &s))?;
        for node in shown.nodes() {
            write_stmt(out, &mut ctx, &node_stmt(node))?;
        }
        for edge in shown.edges() {
            write_stmt(out, &mut ctx, &edge_stmt(&shown, edge, edge_labels))?;
        }
        out.write_all(b"}\n")
    }
}

fn write_stmt(out: &mut dyn Write, ctx: &mut PrinterContext, stmt: &Stmt) -> io::Result<()> {
    writeln!(out, "{}", stmt.print(ctx))
}

/// Graph, node and edge defaults: layout, fonts, the legend.
fn defaults(shown: &Graph, whole: &Graph, backbone: Option<f64>) -> Vec<Stmt> {
    let mut graph = vec![
        attr("fontname", quoted(FONT)),
        attr("fontsize", plain("13")),
        attr("bgcolor", quoted("white")),
        attr("pad", quoted("0.4")),
        attr("outputorder", plain("edgesfirst")),
        attr("labelloc", plain("b")),
        attr("labeljust", plain("l")),
        attr("label", Id::Html(legend::html(shown, whole, backbone))),
    ];
    graph.extend(layout(shown.nodes().len()));
    let node = vec![
        attr("fontname", quoted(FONT)),
        attr("style", quoted("filled")),
        attr("margin", quoted("0.12,0.06")),
        attr("penwidth", plain("1.2")),
    ];
    let edge = vec![
        attr("fontname", quoted(FONT)),
        attr("fontsize", plain("9")),
        attr("arrowsize", plain("0.7")),
    ];
    vec![
        Stmt::GAttribute(GraphAttributes::Graph(graph)),
        Stmt::GAttribute(GraphAttributes::Node(node)),
        Stmt::GAttribute(GraphAttributes::Edge(edge)),
    ]
}

/// The engine and its settings: `neato` with curved edges routed around the
/// actors for small graphs; `sfdp` with straight edges for large ones, where
/// routing would take long and add nothing. Both remove node overlaps.
fn layout(nodes: usize) -> Vec<Attribute> {
    if nodes <= SFDP_NODES {
        vec![
            attr("layout", plain("neato")),
            attr("overlap", plain("false")),
            attr("splines", plain("true")),
            attr("sep", quoted("+14")),
            attr("esep", quoted("+6")),
        ]
    } else {
        vec![
            attr("layout", plain("sfdp")),
            attr("overlap", plain("prism")),
            attr("overlap_scaling", plain("2")),
            attr("splines", plain("false")),
            attr("sep", quoted("+6")),
        ]
    }
}

fn node_stmt(node: &Node) -> Stmt {
    let (shape, style) = match node.kind {
        EntityType::Person => ("ellipse", "filled"),
        EntityType::Group => ("box", "rounded,filled"),
        EntityType::Place => ("hexagon", "filled"),
    };
    let size = 10.0 + 1.5 * (1.0 + node.mentions as f64).ln();
    let attributes = vec![
        attr("label", esc_string(&wrap(&node.label))),
        attr("shape", plain(shape)),
        attr("style", quoted(style)),
        attr("fillcolor", quoted(&palette::entity_fill(node.kind).hex())),
        attr("color", quoted(&palette::entity(node.kind).hex())),
        attr("fontsize", plain(&format!("{:.1}", size.min(20.0)))),
        attr("tooltip", esc_string(&node_tooltip(node))),
    ];
    Stmt::Node(DotNode::new(NodeId(name(&node.id), None), attributes))
}

fn node_tooltip(node: &Node) -> String {
    let mut tip = format!(
        "{} ({}, {}): {} mentions in {} documents",
        node.label, node.kind, node.id, node.mentions, node.docs
    );
    if let (Some(first), Some(last)) = (node.first, node.last) {
        tip.push_str(&format!(", {first} to {last}"));
    }
    tip
}

fn edge_stmt(graph: &Graph, edge: &Edge, labels: bool) -> Stmt {
    let mut attributes = edge_style(edge);
    if labels && edge.kind != EdgeKind::CoMention {
        let colour = palette::edge(edge.kind).hex();
        attributes.push(attr("label", esc_string(edge.kind.as_str())));
        attributes.push(attr("fontcolor", quoted(&colour)));
    }
    attributes.push(attr("tooltip", esc_string(&edge_tooltip(graph, edge))));
    let (source, target) = (graph.node(edge.source), graph.node(edge.target));
    Stmt::Edge(DotEdge {
        ty: EdgeTy::Pair(
            Vertex::N(NodeId(name(&source.id), None)),
            Vertex::N(NodeId(name(&target.id), None)),
        ),
        attributes,
    })
}

/// `co_mention` light grey and thin, typed relations bold in their colour,
/// wider with weight; arrows only on directed edges.
fn edge_style(edge: &Edge) -> Vec<Attribute> {
    let colour = palette::edge(edge.kind);
    let weight = (1.0 + edge.weight.max(0.0)).ln();
    let mut style = if edge.kind == EdgeKind::CoMention {
        let width = (0.5 + 0.5 * weight).min(2.5);
        vec![
            attr("color", quoted(&colour.hex_alpha(0x90))),
            attr("penwidth", plain(&format!("{width:.2}"))),
        ]
    } else {
        let line = match edge.kind {
            EdgeKind::LocatedIn => "bold,dashed",
            _ => "bold",
        };
        let width = (1.5 + weight).min(6.0);
        vec![
            attr("color", quoted(&colour.hex())),
            attr("style", quoted(line)),
            attr("penwidth", plain(&format!("{width:.2}"))),
        ]
    };
    if !edge.directed {
        style.push(attr("dir", plain("none")));
    }
    style
}

/// "Abdul Latif Jamal Rashid meets Qasim al-Araji: weight 1, 1 document,
/// 2024-12-01" and the earliest evidence on the next line.
fn edge_tooltip(graph: &Graph, edge: &Edge) -> String {
    let (source, target) = (graph.node(edge.source), graph.node(edge.target));
    let mut tip = match edge.kind {
        EdgeKind::CoMention => format!("{} and {}, named together", source.label, target.label),
        kind => format!("{} {kind} {}", source.label, target.label),
    };
    let documents = if edge.docs == 1 {
        "document"
    } else {
        "documents"
    };
    let weight = super::text::number(edge.weight);
    tip.push_str(&format!(": weight {weight}, {} {documents}", edge.docs));
    if let Some(first) = edge.first {
        tip.push_str(&format!(", {first}"));
    }
    if let Some(evidence) = edge.evidence.first() {
        tip.push_str(&format!("\n{}: {}", evidence.doc, evidence.snippet));
    }
    tip
}

/// Long names over lines of about [`WRAP_AT`] characters, broken at spaces.
fn wrap(label: &str) -> String {
    if label.chars().count() <= WRAP_AT || label.contains('\n') {
        return label.to_string();
    }
    let mut lines: Vec<String> = Vec::new();
    for word in label.split(' ') {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= WRAP_AT => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines.join("\n")
}

fn attr(key: &str, value: Id) -> Attribute {
    Attribute(Id::Plain(key.into()), value)
}

fn plain(value: &str) -> Id {
    Id::Plain(value.into())
}

fn quoted(value: &str) -> Id {
    Id::Escaped(quote(value, false))
}

/// A node name. Graphviz keeps backslashes in names as they are written, so
/// only quotes need escaping.
fn name(id: &str) -> Id {
    Id::Escaped(quote(id, false))
}

/// A text attribute (label, tooltip): an escString, where Graphviz reads `\\`
/// as a backslash, `\n` as a line break and `&amp;`, `&#65;` as the
/// characters they name (so `&` is written `&amp;`). Carriage returns (CR,
/// CRLF) become line breaks too, and characters XML forbids become U+FFFD,
/// since Graphviz copies them into SVG.
fn esc_string(text: &str) -> Id {
    let text = text
        .replace('&', "&amp;")
        .replace("\r\n", "\n")
        .replace('\r', "\n");
    Id::Escaped(quote(&text, true))
}

/// `text` as a DOT quoted string. Graphviz's scanner reads `\"` as a quote and
/// a backslash before a line break as a line continuation, and keeps every
/// other backslash; so a backslash that ends the text (which would escape the
/// closing quote) or comes before a line break is followed by an escaped line
/// break, which the scanner drops.
fn quote(text: &str, esc_string: bool) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' if esc_string => out.push_str("\\\\"),
            '\n' if esc_string => out.push_str("\\n"),
            c if is_forbidden_in_xml(c) => out.push(REPLACEMENT),
            c => out.push(c),
        }
        if c == '\\' && matches!(chars.peek(), None | Some('\n')) {
            out.push_str("\\\n");
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::tests::sample;

    /// The diagram of every link (without the backbone), to see each style.
    fn dot(graph: &Graph) -> String {
        let mut buf = Vec::new();
        let every_link = Selection {
            backbone: None,
            ..Selection::diagram()
        };
        Dot::new(every_link).write(graph, &mut buf).unwrap();
        String::from_utf8(buf).unwrap()
    }

    #[test]
    fn the_default_diagram_draws_the_backbone() {
        // alpha: araji–rashid 0.2 (two edges), rashid–syria 0.33, araji–syria 0.67.
        let mut buf = Vec::new();
        Dot::default().write(&sample(), &mut buf).unwrap();
        let text = String::from_utf8(buf).unwrap();
        assert_eq!(text.matches("\" -> \"").count(), 2, "{text}");
        assert!(
            text.contains("backbone at alpha 0.3: 2 of 3 actors, 2 of 4 links"),
            "{text}"
        );
    }

    #[test]
    fn snapshot_of_the_sample_graph() {
        insta::assert_snapshot!(dot(&sample()));
    }

    #[test]
    fn styles_follow_types() {
        let text = dot(&sample());
        assert!(text.starts_with("digraph actors {\n  graph["));
        assert!(
            text.contains(r#""araji"[label="Qasim al-Araji" shape=ellipse"#),
            "{text}"
        );
        let meets = text
            .lines()
            .find(|l| l.contains("label=\"supports\""))
            .unwrap();
        assert!(meets.starts_with(r#"  "rashid" -> "araji" ["#), "{meets}");
        assert!(meets.contains("style=\"bold\"") && !meets.contains("dir=none"));
        let co = text
            .lines()
            .find(|l| l.starts_with(r#"  "araji" -> "syria""#))
            .unwrap();
        assert!(co.contains("dir=none") && co.contains("#a0a0a090"), "{co}");
        assert!(text.ends_with("}\n"));
    }

    #[test]
    fn quoting_survives_graphviz_scanner() {
        assert_eq!(quote(r#"a "b" c"#, false), r#""a \"b\" c""#);
        assert_eq!(quote(r"a\b", false), r#""a\b""#);
        assert_eq!(quote("a\\", false), "\"a\\\\\n\"");
        assert_eq!(quote("a\\", true), "\"a\\\\\\\n\"");
        assert_eq!(quote("x\\y\nz\t\u{1}", true), "\"x\\\\y\\nz\t\u{FFFD}\"");
        assert_eq!(esc_string("a\r\nb\rc").to_string(), "esc \"a\\nb\\nc\"");
        assert_eq!(esc_string("A&amp;B").to_string(), "esc \"A&amp;amp;B\"");
    }

    #[test]
    fn long_names_wrap_at_spaces() {
        assert_eq!(wrap("Qasim al-Araji"), "Qasim al-Araji");
        assert_eq!(
            wrap("Abdul Latif Jamal Rashid"),
            "Abdul Latif Jamal\nRashid"
        );
        assert_eq!(
            wrap("Hay'at Tahrir al-Sham (HTS)"),
            "Hay'at Tahrir\nal-Sham (HTS)"
        );
    }

    #[test]
    fn large_graphs_use_sfdp() {
        let as_text = |attrs: Vec<Attribute>| format!("{attrs:?}");
        assert!(as_text(layout(10)).contains("neato"));
        assert!(as_text(layout(1000)).contains("sfdp"));
    }
}
