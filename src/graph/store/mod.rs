//! The graph file: node-link JSON that `networkx.node_link_graph(json.load(f))`
//! reads as it is (a MultiGraph; each edge's `key` is its id), with a `graph`
//! header saying how it was made.
//!
//! ```json
//! {"directed": false, "multigraph": true,
//!  "graph": {"tool": "actorgraph", "version": "…", "gazetteer": "…", …},
//!  "nodes": [{"id": "iraq", "label": "Iraq", "type": "place", "mentions": 12, …}],
//!  "edges": [{"source": "iraq", "target": "syria", "key": "e0", "type": "co_mention",
//!             "directed": false, "weight": 3.0, "docs": 2, "evidence": […], …}]}
//! ```
//!
//! A directed edge also says `"from"` and `"to"`: networkx reads the file as an
//! undirected MultiGraph, which may list an edge's ends in either order.
//!
//! The counts behind the association measures are in the file: the header's
//! `counts.scopes` (scope units in the corpus) and `options.scope` (what a
//! unit is), each node's `scopes` (units that mention it), and each
//! `co_mention` edge's `weight` (units that mention both). A co-mention seen
//! at least `options.min_count` times also says its `npmi`, `assoc`,
//! `jaccard` and `llr` ([`super::association`]), and every edge its backbone
//! significance `alpha` ([`super::backbone`]).

pub(crate) mod mapped;
mod read;

use std::io::{Read, Write};

use serde::Serialize;

use super::{EdgeKind, Evidence, Graph};
use crate::date::Date;
use crate::error::Error;

/// The graph file as one value: what [`Graph::write_json`] writes in parts.
#[cfg(test)]
#[derive(Serialize)]
struct FileOut<'a> {
    directed: bool,
    multigraph: bool,
    graph: &'a super::Header,
    nodes: &'a [super::Node],
    edges: Vec<EdgeOut<'a>>,
}

/// Items rendered per chunk, and chunks rendered at once before they are
/// written (about 2.5 MB of a build's edges; the same buffers serve every
/// window).
const CHUNK: usize = 512;
const WINDOW: usize = 8;

/// Writes `items` as a compact JSON array, each as `view` shows it, the
/// items rendered on every core (rayon's pool) a window of chunks at a
/// time.
fn write_array<'a, T: Sync, V: Serialize>(
    out: &mut dyn Write,
    items: &'a [T],
    view: impl Fn(usize, &'a T) -> V + Sync,
) -> std::io::Result<()> {
    use rayon::prelude::*;
    out.write_all(b"[")?;
    let mut buffers: Vec<Vec<u8>> = vec![Vec::new(); WINDOW.min(items.len().div_ceil(CHUNK))];
    for (w, window) in items.chunks(CHUNK * WINDOW).enumerate() {
        let first = w * CHUNK * WINDOW;
        buffers
            .par_iter_mut()
            .zip(window.par_chunks(CHUNK))
            .enumerate()
            .try_for_each(|(c, (buf, chunk))| -> std::io::Result<()> {
                buf.clear();
                for (j, item) in chunk.iter().enumerate() {
                    let i = first + c * CHUNK + j;
                    if i > 0 {
                        buf.push(b',');
                    }
                    serde_json::to_writer(&mut *buf, &view(i, item))?;
                }
                Ok(())
            })?;
        for buf in &buffers[..window.len().div_ceil(CHUNK)] {
            out.write_all(buf)?;
        }
    }
    out.write_all(b"]")
}

#[derive(Serialize)]
struct EdgeOut<'a> {
    source: &'a str,
    target: &'a str,
    key: String,
    #[serde(rename = "type")]
    kind: EdgeKind,
    directed: bool,
    /// For directed edges, the acting end again as an attribute: networkx
    /// reads the file as an undirected MultiGraph and may swap source and target.
    #[serde(skip_serializing_if = "Option::is_none")]
    from: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    to: Option<&'a str>,
    weight: f64,
    docs: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    first: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    last: Option<Date>,
    triggers: &'a [String],
    rules: &'a [String],
    evidence: &'a [Evidence],
    #[serde(skip_serializing_if = "Option::is_none")]
    npmi: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    assoc: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    jaccard: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    llr: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    alpha: Option<f64>,
}

impl Graph {
    /// Writes the graph as node-link JSON, streaming. Nodes and edges are
    /// rendered on every core, a window of chunks at a time, and written in
    /// order: the bytes are those of serializing [`FileOut`] whole, since
    /// the compact format joins an array's elements with a bare comma.
    pub fn write_json(&self, out: &mut dyn Write) -> std::io::Result<()> {
        out.write_all(br#"{"directed":false,"multigraph":true,"graph":"#)?;
        serde_json::to_writer(&mut *out, &self.header)?;
        out.write_all(br#","nodes":"#)?;
        write_array(out, self.nodes(), |_, node| node)?;
        out.write_all(br#","edges":"#)?;
        write_array(out, self.edges(), |i, e| self.edge_out(i, e))?;
        out.write_all(b"}\n")
    }

    /// An edge as the graph file shows it.
    fn edge_out<'a>(&'a self, i: usize, e: &'a super::Edge) -> EdgeOut<'a> {
        EdgeOut {
            source: &self.node(e.source).id,
            target: &self.node(e.target).id,
            key: Graph::edge_id(i),
            kind: e.kind,
            directed: e.directed,
            from: e.directed.then(|| self.node(e.source).id.as_str()),
            to: e.directed.then(|| self.node(e.target).id.as_str()),
            weight: e.weight,
            docs: e.docs,
            first: e.first,
            last: e.last,
            triggers: &e.triggers,
            rules: &e.rules,
            evidence: &e.evidence,
            npmi: e.association.map(|a| a.npmi),
            assoc: e.association.map(|a| a.assoc),
            jaccard: e.association.map(|a| a.jaccard),
            llr: e.association.map(|a| a.llr),
            alpha: e.alpha,
        }
    }

    /// Reads a graph file. `name` is used in error messages.
    pub fn read_json(name: &str, mut input: impl Read) -> crate::Result<Graph> {
        let mut bytes = Vec::new();
        input
            .read_to_end(&mut bytes)
            .map_err(|e| Error::io(name, e))?;
        Graph::from_json_slice(name, &bytes)
    }

    /// Reads a graph file held in memory. Parsing a slice is several times
    /// faster than parsing through `Read`, and lets strings borrow from it.
    pub fn from_json_slice(name: &str, bytes: &[u8]) -> crate::Result<Graph> {
        read::parse(name, bytes)
    }

    /// Reads a graph file from a path (`-` is standard input): from its
    /// index ([`super::index`]) when one beside it matches it, else by
    /// parsing the JSON.
    pub fn load(path: &str) -> crate::Result<Graph> {
        if path == "-" {
            return Graph::read_json("<stdin>", std::io::stdin().lock());
        }
        if let Some(graph) = Graph::from_index(std::path::Path::new(path)) {
            return Ok(graph);
        }
        let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
        let bytes = mapped::FileBytes::of(file).map_err(|e| Error::io(path, e))?;
        Graph::from_json_slice(path, &bytes)
    }
}

#[cfg(test)]
mod tests {
    use crate::graph::Graph;
    use crate::graph::tests::sample;

    #[test]
    fn json_round_trip_keeps_everything() {
        let g = sample();
        let mut buf = Vec::new();
        g.write_json(&mut buf).unwrap();
        let back = Graph::read_json("g.json", buf.as_slice()).unwrap();
        assert_eq!(back, g);
        let text = String::from_utf8(buf).unwrap();
        assert!(text.starts_with("{\"directed\":false,\"multigraph\":true,\"graph\":"));
        assert!(text.contains("\"key\":\"e0\""));
    }

    /// The graph file as one serialized value, as it was written before
    /// it was written in parts.
    fn whole(g: &Graph) -> Vec<u8> {
        let file = super::FileOut {
            directed: false,
            multigraph: true,
            graph: &g.header,
            nodes: g.nodes(),
            edges: g
                .edges()
                .iter()
                .enumerate()
                .map(|(i, e)| g.edge_out(i, e))
                .collect(),
        };
        let mut buf = serde_json::to_vec(&file).unwrap();
        buf.push(b'\n');
        buf
    }

    #[test]
    fn the_file_written_in_parts_is_the_file_serialized_whole() {
        use crate::graph::{Edge, EdgeKind, Evidence};
        let g = sample();
        let mut buf = Vec::new();
        g.write_json(&mut buf).unwrap();
        assert_eq!(
            String::from_utf8(buf).unwrap(),
            String::from_utf8(whole(&g)).unwrap()
        );
        // More edges than a window of chunks, and no edges at all.
        let nodes = g.nodes().to_vec();
        let kinds = [EdgeKind::CoMention, EdgeKind::Meets, EdgeKind::Supports];
        let edges: Vec<Edge> = (0..super::CHUNK * (super::WINDOW + 2) + 7)
            .map(|i| Edge {
                evidence: vec![Evidence {
                    doc: format!("d{i}"),
                    sentence: Some(i as u32),
                    start: None,
                    end: None,
                    snippet: format!("\"quoted\" {i}"),
                }],
                alpha: (i % 3 == 0).then_some(0.5),
                ..Edge::new(
                    (i % 3) as u32,
                    ((i + 1) % 3) as u32,
                    kinds[i % 3],
                    (i + 1) as f64 / 7.0,
                )
            })
            .collect();
        for edges in [edges, Vec::new()] {
            let big = Graph::new(g.header.clone(), nodes.clone(), edges);
            let mut buf = Vec::new();
            big.write_json(&mut buf).unwrap();
            assert!(buf == whole(&big), "{} edges", big.edges().len());
            let back = Graph::read_json("g.json", buf.as_slice()).unwrap();
            assert_eq!(back.edges().len(), big.edges().len());
        }
    }

    #[test]
    fn bad_files_name_line_and_column() {
        let err = Graph::read_json("g.json", "{\"nodes\": [}".as_bytes()).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("g.json:1:12: not an actorgraph graph file"),
            "{err}"
        );
        let err = Graph::read_json("g.json", r#"{"nodes": [], "edges": [{"source": "a", "target": "b", "type": "meets", "directed": true, "weight": 1}]}"#.as_bytes()).unwrap_err();
        assert!(err.to_string().contains("edge 0 names node 'a'"), "{err}");
    }

    #[test]
    fn files_that_lie_are_refused_naming_the_item() {
        let node = |id: &str| {
            format!(
                r#"{{"id": "{id}", "label": "{id}", "type": "place", "mentions": 1, "docs": 1}}"#
            )
        };
        let edge = |w: &str| {
            format!(
                r#"{{"source": "a", "target": "b", "type": "co_mention", "directed": false, "weight": {w}}}"#
            )
        };
        let file = |nodes: &[String], edges: &[String]| {
            format!(
                r#"{{"nodes": [{}], "edges": [{}]}}"#,
                nodes.join(","),
                edges.join(",")
            )
        };
        let table = [
            (
                file(&[node("a"), node("b"), node("a")], &[]),
                "g.json: node 2 has the id 'a' of node 0",
            ),
            (
                file(&[node("a"), node("b")], &[edge("1"), edge("-1")]),
                "g.json: edge 1 (a - b) has the weight -1",
            ),
            (
                file(&[node("a"), node("b")], &[edge("0")]),
                "g.json: edge 0 (a - b) has the weight 0",
            ),
        ];
        for (text, want) in table {
            let err = Graph::read_json("g.json", text.as_bytes())
                .unwrap_err()
                .to_string();
            assert!(err.starts_with(want), "{err}");
        }
        // networkx writes NaN and infinities as bare tokens, which are not
        // JSON: still refused.
        for w in ["NaN", "Infinity", "1e999"] {
            let text = file(&[node("a"), node("b")], &[edge(w)]);
            assert!(Graph::read_json("g.json", text.as_bytes()).is_err(), "{w}");
        }
    }
}
