//! Reading the graph file: the nodes first, then each edge resolved to its
//! nodes, checked and kept as soon as it is parsed, so that a million edges
//! never sit in memory twice (the parsed record and the graph's edge). A
//! file whose edges come before its nodes (JSON objects have no order) is
//! read all the same, its edges kept as parsed until the nodes are known.

use std::borrow::Cow;
use std::cell::RefCell;
use std::fmt;

use rustc_hash::FxHashMap;
use serde::Deserialize;
use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};

use crate::date::Date;
use crate::error::{Error, Location};
use crate::graph::{Association, Edge, EdgeKind, Evidence, Graph, Header, Node};

// Endpoints borrow from the file's bytes: two allocations fewer per edge.
#[derive(Deserialize)]
struct EdgeIn<'a> {
    #[serde(borrow)]
    source: Cow<'a, str>,
    #[serde(borrow)]
    target: Cow<'a, str>,
    #[serde(rename = "type")]
    kind: EdgeKind,
    directed: bool,
    weight: f64,
    #[serde(default)]
    docs: u64,
    #[serde(default)]
    first: Option<Date>,
    #[serde(default)]
    last: Option<Date>,
    #[serde(default)]
    triggers: Vec<String>,
    #[serde(default)]
    rules: Vec<String>,
    #[serde(default)]
    evidence: Vec<Evidence>,
    #[serde(default)]
    npmi: Option<f64>,
    #[serde(default)]
    assoc: Option<f64>,
    #[serde(default)]
    jaccard: Option<f64>,
    #[serde(default)]
    llr: Option<f64>,
    #[serde(default)]
    alpha: Option<f64>,
}

/// The fields of a graph file that are read; others are passed over.
const FIELDS: &[&str] = &["graph", "nodes", "edges", "links"];

/// Node ids to indices.
type Index = FxHashMap<Box<str>, u32>;

/// Parses a graph file held in memory; `name` is used in error messages.
pub(super) fn parse(name: &str, bytes: &[u8]) -> crate::Result<Graph> {
    // What is wrong with the file's content (not its syntax), told in our
    // words rather than serde's; the parse stops at the first.
    let problem = RefCell::new(None);
    let mut json = serde_json::Deserializer::from_slice(bytes);
    let visitor = FileVisitor { problem: &problem };
    let result = de::Deserializer::deserialize_struct(&mut json, "graph", FIELDS, visitor)
        // Characters after the object are an error too.
        .and_then(|graph| json.end().map(|()| graph));
    match (result, problem.into_inner()) {
        (_, Some(message)) => Err(Error::parse(Location::line(name, 0), message)),
        (Ok(graph), None) => Ok(graph),
        (Err(e), None) => Err(Error::parse(
            Location {
                file: name.to_string(),
                line: e.line() as u32,
                column: e.column() as u32,
            },
            format!("not an actorgraph graph file: {e}"),
        )),
    }
}

struct FileVisitor<'p> {
    problem: &'p RefCell<Option<String>>,
}

impl FileVisitor<'_> {
    /// Records what is wrong and stops the parse.
    fn fail<E: de::Error>(&self, message: String) -> E {
        *self.problem.borrow_mut() = Some(message);
        E::custom("invalid graph file")
    }
}

impl<'de> Visitor<'de> for FileVisitor<'_> {
    type Value = Graph;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a node-link graph: an object with nodes and edges")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Graph, A::Error> {
        let mut header: Option<Header> = None;
        let mut nodes: Option<(Vec<Node>, Index)> = None;
        let mut edges: Option<Vec<Edge>> = None;
        let mut early: Option<Vec<EdgeIn<'de>>> = None;
        while let Some(key) = map.next_key::<Cow<'de, str>>()? {
            match key.as_ref() {
                "graph" => header = Some(map.next_value()?),
                "nodes" => {
                    let list: Vec<Node> = map.next_value()?;
                    let index = index(&list).map_err(|m| self.fail(m))?;
                    nodes = Some((list, index));
                }
                "edges" | "links" => match &nodes {
                    Some((_, index)) => {
                        edges = Some(map.next_value_seed(EdgesSeed { index, file: &self })?)
                    }
                    None => early = Some(map.next_value()?),
                },
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        let Some((nodes, index)) = nodes else {
            return Err(de::Error::missing_field("nodes"));
        };
        let edges = match (edges, early) {
            (Some(edges), _) => edges,
            (None, Some(early)) => early
                .into_iter()
                .enumerate()
                .map(|(i, e)| edge(i, e, &index))
                .collect::<Result<_, _>>()
                .map_err(|m| self.fail(m))?,
            (None, None) => return Err(de::Error::missing_field("edges")),
        };
        drop(index);
        Ok(Graph::new(header.unwrap_or_default(), nodes, edges))
    }
}

/// The nodes' index, or what is wrong: two nodes with one id.
fn index(nodes: &[Node]) -> Result<Index, String> {
    let mut index = Index::default();
    index.reserve(nodes.len());
    for (i, n) in nodes.iter().enumerate() {
        if let Some(first) = index.insert(n.id.as_str().into(), i as u32) {
            return Err(format!(
                "node {i} has the id '{}' of node {first}: every node needs its own id",
                n.id
            ));
        }
    }
    Ok(index)
}

/// The edge a record stands for, or what is wrong with it.
fn edge(i: usize, e: EdgeIn, index: &Index) -> Result<Edge, String> {
    let find = |id: &str| {
        index
            .get(id)
            .copied()
            .ok_or_else(|| format!("edge {i} names node '{id}', which the file does not list"))
    };
    if !(e.weight > 0.0 && e.weight.is_finite()) {
        return Err(format!(
            "edge {i} ({} - {}) has the weight {}: a weight is a positive number",
            e.source, e.target, e.weight
        ));
    }
    // A measure alone, without the other three, is not ours: dropped.
    let association = match (e.npmi, e.assoc, e.jaccard, e.llr) {
        (Some(npmi), Some(assoc), Some(jaccard), Some(llr)) => Some(Association {
            npmi,
            assoc,
            jaccard,
            llr,
        }),
        _ => None,
    };
    Ok(Edge {
        source: find(&e.source)?,
        target: find(&e.target)?,
        kind: e.kind,
        directed: e.directed,
        weight: e.weight,
        docs: e.docs,
        first: e.first,
        last: e.last,
        triggers: e.triggers,
        rules: e.rules,
        evidence: e.evidence,
        association,
        alpha: e.alpha,
    })
}

/// Parses the edge list into edges, one record at a time.
struct EdgesSeed<'i, 'f, 'p> {
    index: &'i Index,
    file: &'f FileVisitor<'p>,
}

impl<'de> DeserializeSeed<'de> for EdgesSeed<'_, '_, '_> {
    type Value = Vec<Edge>;

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Vec<Edge>, D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for EdgesSeed<'_, '_, '_> {
    type Value = Vec<Edge>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list of edges")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<Edge>, A::Error> {
        let mut edges = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        while let Some(record) = seq.next_element::<EdgeIn<'de>>()? {
            let e = edge(edges.len(), record, self.index).map_err(|m| self.file.fail(m))?;
            edges.push(e);
        }
        Ok(edges)
    }
}

#[cfg(test)]
mod tests {
    use crate::graph::Graph;
    use crate::graph::tests::sample;

    fn read(text: &str) -> crate::Result<Graph> {
        Graph::read_json("g.json", text.as_bytes())
    }

    #[test]
    fn edges_before_nodes_and_links_read_the_same() {
        let mut buf = Vec::new();
        sample().write_json(&mut buf).unwrap();
        let v: serde_json::Value = serde_json::from_slice(&buf).unwrap();
        // Edges first, under networkx's older name.
        let turned = format!(
            r#"{{"links": {}, "graph": {}, "nodes": {}}}"#,
            v["edges"], v["graph"], v["nodes"]
        );
        assert_eq!(read(&turned).unwrap(), sample());
        let bad = format!(
            r#"{{"edges": [{{"source": "x", "target": "syria", "type": "meets", "directed": false, "weight": 1}}], "nodes": {}}}"#,
            v["nodes"]
        );
        let err = read(&bad).unwrap_err().to_string();
        assert!(err.starts_with("g.json: edge 0 names node 'x'"), "{err}");
    }

    #[test]
    fn missing_parts_and_trailing_text_are_refused() {
        for (text, want) in [
            (r#"{"edges": []}"#, "missing field `nodes`"),
            (r#"{"nodes": []}"#, "missing field `edges`"),
            (r#"{"nodes": [], "edges": []} x"#, "trailing characters"),
            (r#"[1]"#, "not an actorgraph graph file"),
        ] {
            let err = read(text).unwrap_err().to_string();
            assert!(err.contains(want), "{text}: {err}");
        }
        assert!(read(r#"{"nodes": [], "edges": [], "other": {"a": [1]}}"#).is_ok());
    }
}
