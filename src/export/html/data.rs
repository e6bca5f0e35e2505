//! What the viewer page reads: the shown part of the graph as one JSON object,
//! in columns (one array per attribute) so that 50,000 links do not repeat
//! 50,000 times every key, written so that it can sit inside a `<script>`
//! element whatever the names and snippets hold.
//!
//! ```text
//! {"format": "actorgraph-viewer", "version": 1,
//!  "header": {…the graph file's header…},
//!  "shown": {"actors": 150, "links": 400, "of_actors": 648, "of_links": 2100,
//!            "evidence_per_link": 3},
//!  "actor_types": [{"name": "person", "colour": "#4e79a7"}, …],
//!  "link_types": [{"name": "co_mention", "directed": false, "colour": "#a0a0a0"}, …],
//!  "documents": [{"id": "doc-1", "date": "2024-12-08"}, …],
//!  "routes": {"by": "specificity", "through": ["person", "group"],
//!             "facts": "attested-period", "period": ["2024-11-30", "2024-12-08"] or null},
//!  "nodes": {"id": […], "label": […], "type": [index into actor_types], "mentions": […],
//!            "docs": […], "first": [date or null], "last": […], "aliases": [[[text, count], …]],
//!            "keys": [[normalized name, …]], "x": […], "y": […], "strength": […],
//!            "attributes": {"name": [value or null per actor], …}},
//!  "edges": {"source": [node index], "target": […], "type": [index into link_types],
//!            "directed": [bool], "weight": […], "docs": […], "first": […], "last": […],
//!            "triggers": [[word, …]], "rules": [[rule, …]], "evidence": [[[document index, sentence or null, snippet], …]],
//!            "specificity": [0 … 1], "outside_period": [bool],
//!            "attributes": {"name": [value or null per link], …}}}
//! ```
//!
//! `routes` says how the page finds a route, which is how `actorgraph path`
//! finds it by default: by specificity ([`crate::query::specificity`], each
//! link's value in `specificity`), through the actor types listed, without
//! the gazetteer facts whose dates lie outside the corpus's period
//! (`outside_period`). Specificity is computed on the links shown; it is the
//! graph's unless the page leaves out a pair's co-mention.
//!
//! `keys` are each actor's names normalized as the command line normalizes
//! them ([`crate::normalize`]), with the gazetteer's spelling variants, so the
//! page's search finds what `path` would. `attributes` holds every field of
//! the model that the columns above do not (for links: association measures,
//! a backbone `alpha`, the rule that typed a link, …; for actors, a
//! `description`): the page lists them, and filters on `alpha` when it is
//! there. A document's `date` is known when a
//! link attested by that document alone carries it.

use std::collections::{BTreeMap, HashMap};
use std::io::{self, Write};

use serde::Serialize;
use serde_json::Value;
use serde_json::ser::Formatter;

use super::layout;
use crate::date::Date;
use crate::gazetteer::{EntityType, variants};
use crate::graph::{EdgeKind, Graph, Header, Node};
use crate::normalize::normalize;
use crate::query::filter::{EdgeFilter, Facts, corpus_period};
use crate::query::path::THROUGH;
use crate::query::specificity;

use super::super::palette;

/// Evidence sentences kept per link: the page shows them all, and more would
/// grow a file of 50,000 links by megabytes.
pub const EVIDENCE_PER_LINK: usize = 3;

/// The node fields that the columns carry (as the graph file names them); any
/// other field of [`Node`] goes to `attributes`.
const NODE_COLUMNS: [&str; 8] = [
    "id", "label", "type", "mentions", "docs", "first", "last", "aliases",
];

/// The edge fields that the columns carry; any other field of [`crate::graph::Edge`] goes
/// to `attributes`.
const EDGE_COLUMNS: [&str; 11] = [
    "source", "target", "kind", "directed", "weight", "docs", "first", "last", "triggers", "rules",
    "evidence",
];

/// The page's data.
#[derive(Serialize)]
pub struct PageData<'g> {
    format: &'static str,
    version: u32,
    header: &'g Header,
    shown: Shown,
    actor_types: Vec<ActorType>,
    link_types: Vec<LinkType>,
    documents: Vec<Document>,
    routes: Routes,
    nodes: Nodes<'g>,
    edges: Edges<'g>,
}

/// How the page finds routes: as `actorgraph path` does by default.
#[derive(Serialize)]
struct Routes {
    by: &'static str,
    through: Vec<&'static str>,
    facts: &'static str,
    period: Option<(Date, Date)>,
}

#[derive(Serialize)]
struct Shown {
    actors: usize,
    links: usize,
    of_actors: usize,
    of_links: usize,
    evidence_per_link: usize,
}

#[derive(Serialize)]
struct ActorType {
    name: &'static str,
    colour: String,
}

#[derive(Serialize)]
struct LinkType {
    name: &'static str,
    directed: bool,
    colour: String,
}

#[derive(Serialize)]
struct Document {
    id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<Date>,
}

#[derive(Serialize, Default)]
struct Nodes<'g> {
    id: Vec<&'g str>,
    label: Vec<&'g str>,
    #[serde(rename = "type")]
    kind: Vec<usize>,
    mentions: Vec<u64>,
    docs: Vec<u64>,
    first: Vec<Option<Date>>,
    last: Vec<Option<Date>>,
    aliases: Vec<Vec<(&'g str, u64)>>,
    keys: Vec<Vec<String>>,
    x: Vec<f64>,
    y: Vec<f64>,
    strength: Vec<f64>,
    attributes: BTreeMap<String, Vec<Value>>,
}

#[derive(Serialize, Default)]
struct Edges<'g> {
    source: Vec<u32>,
    target: Vec<u32>,
    #[serde(rename = "type")]
    kind: Vec<usize>,
    directed: Vec<bool>,
    weight: Vec<f64>,
    docs: Vec<u64>,
    first: Vec<Option<Date>>,
    last: Vec<Option<Date>>,
    triggers: Vec<&'g [String]>,
    rules: Vec<&'g [String]>,
    evidence: Vec<Vec<(usize, Option<u32>, &'g str)>>,
    specificity: Vec<f64>,
    outside_period: Vec<bool>,
    attributes: BTreeMap<String, Vec<Value>>,
}

const ACTOR_TYPES: [EntityType; 3] = [EntityType::Person, EntityType::Group, EntityType::Place];

impl<'g> PageData<'g> {
    /// The data of `shown`, a selection of `whole`.
    pub fn new(shown: &'g Graph, whole: &Graph) -> PageData<'g> {
        let documents = Documents::of(shown);
        let positions = layout::positions(shown);
        let period = corpus_period(whole);
        let facts = EdgeFilter {
            facts: Facts::AttestedPeriod,
            period,
            ..EdgeFilter::default()
        };
        PageData {
            format: "actorgraph-viewer",
            version: 1,
            header: &shown.header,
            shown: Shown {
                actors: shown.nodes().len(),
                links: shown.edges().len(),
                of_actors: whole.nodes().len(),
                of_links: whole.edges().len(),
                evidence_per_link: EVIDENCE_PER_LINK,
            },
            actor_types: ACTOR_TYPES
                .iter()
                .map(|&kind| ActorType {
                    name: kind.as_str(),
                    colour: palette::entity(kind).hex(),
                })
                .collect(),
            link_types: EdgeKind::ALL
                .iter()
                .map(|&kind| LinkType {
                    name: kind.as_str(),
                    directed: kind.is_directed(),
                    colour: palette::edge(kind).hex(),
                })
                .collect(),
            nodes: nodes(shown, &positions),
            edges: edges(shown, &documents, &facts),
            documents: documents.list,
            routes: Routes {
                by: "specificity",
                through: THROUGH.iter().map(|t| t.as_str()).collect(),
                facts: Facts::AttestedPeriod.as_str(),
                period,
            },
        }
    }

    /// Writes the data as JSON that is safe inside a `<script>` element.
    pub fn write(&self, out: &mut dyn Write) -> io::Result<()> {
        let mut ser = serde_json::Serializer::with_formatter(out, ScriptSafe);
        self.serialize(&mut ser).map_err(io::Error::other)
    }
}

fn nodes<'g>(graph: &'g Graph, positions: &[[f64; 2]]) -> Nodes<'g> {
    let mut strength = vec![0.0; graph.nodes().len()];
    for e in graph.edges() {
        strength[e.source as usize] += e.weight;
        strength[e.target as usize] += e.weight;
    }
    let mut nodes = Nodes::default();
    for (i, node) in graph.nodes().iter().enumerate() {
        nodes.id.push(&node.id);
        nodes.label.push(&node.label);
        nodes.kind.push(actor_type_index(node.kind));
        nodes.mentions.push(node.mentions);
        nodes.docs.push(node.docs);
        nodes.first.push(node.first);
        nodes.last.push(node.last);
        nodes.aliases.push(
            node.aliases
                .iter()
                .map(|a| (a.text.as_str(), a.count))
                .collect(),
        );
        nodes.keys.push(search_keys(node));
        let [x, y] = positions[i];
        nodes.x.push(x);
        nodes.y.push(y);
        nodes.strength.push(strength[i]);
        for (name, value) in other_fields(node, &NODE_COLUMNS) {
            let column = nodes.attributes.entry(name);
            column.or_insert_with(|| vec![Value::Null; graph.nodes().len()])[i] = value;
        }
    }
    nodes
}

fn actor_type_index(kind: EntityType) -> usize {
    ACTOR_TYPES
        .iter()
        .position(|&k| k == kind)
        .expect("every actor type is listed")
}

/// The normalized names an actor is found by, as the query resolver makes
/// them: id, label and surface forms, with their spelling variants; trimmed,
/// sorted, without repeats.
fn search_keys(node: &Node) -> Vec<String> {
    let names = [node.id.as_str(), node.label.as_str()]
        .into_iter()
        .chain(node.aliases.iter().map(|a| a.text.as_str()));
    let mut keys = Vec::new();
    for name in names {
        let key = normalize(name).into_text();
        keys.extend(variants(&key).into_iter().map(|v| v.trim().to_string()));
        keys.push(key.trim().to_string());
    }
    keys.retain(|k| !k.is_empty());
    keys.sort();
    keys.dedup();
    keys
}

fn edges<'g>(graph: &'g Graph, documents: &Documents, facts: &EdgeFilter) -> Edges<'g> {
    let mut edges = Edges {
        specificity: specificity::all(graph),
        ..Edges::default()
    };
    let n = graph.edges().len();
    for (i, e) in graph.edges().iter().enumerate() {
        edges.source.push(e.source);
        edges.target.push(e.target);
        edges.kind.push(
            EdgeKind::ALL
                .iter()
                .position(|&k| k == e.kind)
                .expect("every edge type is listed"),
        );
        edges.directed.push(e.directed);
        edges.weight.push(e.weight);
        edges.docs.push(e.docs);
        edges.first.push(e.first);
        edges.last.push(e.last);
        edges.triggers.push(&e.triggers);
        edges.rules.push(&e.rules);
        edges.outside_period.push(!facts.admits(e));
        edges.evidence.push(
            e.evidence
                .iter()
                .take(EVIDENCE_PER_LINK)
                .map(|ev| {
                    (
                        documents.index[ev.doc.as_str()],
                        ev.sentence,
                        ev.snippet.as_str(),
                    )
                })
                .collect(),
        );
        for (name, value) in other_fields(e, &EDGE_COLUMNS) {
            let column = edges
                .attributes
                .entry(name)
                .or_insert_with(|| vec![Value::Null; n]);
            column[i] = value;
        }
    }
    edges
}

/// The fields of an actor or a link that no column carries, as serde names
/// them: what the model gains later shows in the page without a change here.
fn other_fields(item: &impl Serialize, columns: &[&str]) -> Vec<(String, Value)> {
    match serde_json::to_value(item) {
        Ok(Value::Object(fields)) => fields
            .into_iter()
            .filter(|(name, value)| !columns.contains(&name.as_str()) && !value.is_null())
            .collect(),
        _ => Vec::new(),
    }
}

/// The documents the kept evidence cites, in order of first citation, with
/// their dates where the graph tells them.
struct Documents<'g> {
    list: Vec<Document>,
    index: HashMap<&'g str, usize>,
}

impl<'g> Documents<'g> {
    fn of(graph: &'g Graph) -> Documents<'g> {
        let mut documents = Documents {
            list: Vec::new(),
            index: HashMap::new(),
        };
        for e in graph.edges() {
            for ev in e.evidence.iter().take(EVIDENCE_PER_LINK) {
                let next = documents.list.len();
                let i = *documents.index.entry(ev.doc.as_str()).or_insert(next);
                if i == next {
                    documents.list.push(Document {
                        id: ev.doc.clone(),
                        date: None,
                    });
                }
                // A link attested by one document alone is dated by it; a
                // gazetteer fact's dates are the fact's, not a document's.
                let single = e.docs == 1 && e.first.is_some() && e.first == e.last;
                if single && !ev.doc.starts_with("gazetteer:") {
                    documents.list[i]
                        .date
                        .get_or_insert(e.first.expect("checked"));
                }
            }
        }
        documents
    }
}

/// JSON that cannot end or confuse a `<script>` element: `<`, `>` and `&`
/// are written as `\u003c`, `\u003e`, `\u0026`, so no `</script>` or `<!--`
/// can appear; U+2028 and U+2029, which older JavaScript parsers take for
/// line ends, as `\u2028` and `\u2029`. JSON readers read the same strings.
struct ScriptSafe;

impl Formatter for ScriptSafe {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let mut start = 0;
        for (i, c) in fragment.char_indices() {
            let escaped = match c {
                '<' => "\\u003c",
                '>' => "\\u003e",
                '&' => "\\u0026",
                '\u{2028}' => "\\u2028",
                '\u{2029}' => "\\u2029",
                _ => continue,
            };
            writer.write_all(&fragment.as_bytes()[start..i])?;
            writer.write_all(escaped.as_bytes())?;
            start = i + c.len_utf8();
        }
        writer.write_all(&fragment.as_bytes()[start..])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::tests::sample;

    fn json(graph: &Graph) -> String {
        let mut buf = Vec::new();
        PageData::new(graph, graph).write(&mut buf).unwrap();
        String::from_utf8(buf).unwrap()
    }

    #[test]
    fn markup_and_line_separators_are_escaped() {
        let mut buf = Vec::new();
        let text = "</script><!-- a & b > c \u{2028}\u{2029} \"q\" 🚀";
        let mut ser = serde_json::Serializer::with_formatter(&mut buf, ScriptSafe);
        text.serialize(&mut ser).unwrap();
        let out = String::from_utf8(buf).unwrap();
        assert_eq!(
            out,
            r#""\u003c/script\u003e\u003c!-- a \u0026 b \u003e c \u2028\u2029 \"q\" 🚀""#
        );
        assert_eq!(serde_json::from_str::<String>(&out).unwrap(), text);
    }

    #[test]
    fn columns_hold_every_actor_and_link() {
        let g = sample();
        let data: Value = serde_json::from_str(&json(&g)).unwrap();
        assert_eq!(
            data["nodes"]["id"],
            serde_json::json!(["araji", "rashid", "syria"])
        );
        assert_eq!(data["nodes"]["type"], serde_json::json!([0, 0, 2]));
        assert_eq!(data["edges"]["source"].as_array().unwrap().len(), 4);
        assert_eq!(
            data["edges"]["weight"],
            serde_json::json!([2.0, 0.5, 1.0, 1.0])
        );
        assert_eq!(data["link_types"][4]["name"], "supports");
        assert_eq!(
            data["edges"]["type"][2], 4,
            "the third link is rashid supports araji"
        );
        assert_eq!(
            data["documents"],
            serde_json::json!([{"id": "d1", "date": "2024-12-01"}])
        );
        assert_eq!(
            data["edges"]["evidence"][0],
            serde_json::json!([[0, 0, "Rashid met al-Araji."]])
        );
        // The association measures and the backbone's alpha are attributes:
        // the page lists them, and filters on alpha.
        let attributes = &data["edges"]["attributes"];
        assert_eq!(
            attributes["alpha"],
            serde_json::json!([0.2, 0.666667, 0.2, 0.333333])
        );
        assert_eq!(
            attributes["npmi"],
            serde_json::json!([0.496141, null, null, 0.0457575])
        );
        let names: Vec<&String> = attributes.as_object().unwrap().keys().collect();
        assert_eq!(names, ["alpha", "assoc", "jaccard", "llr", "npmi"]);
        // Counts the columns do not carry are attributes, listed by the page.
        assert_eq!(
            data["nodes"]["attributes"],
            serde_json::json!({"scopes": [3, 3, 3]})
        );
        assert_eq!(data["shown"]["of_links"], 4);
    }

    #[test]
    fn fields_the_columns_lack_become_attributes() {
        let edge = serde_json::json!({"source": 0, "kind": "meets", "alpha": 0.01, "rule": "r1", "npmi": null});
        let extra = other_fields(&edge, &EDGE_COLUMNS);
        assert_eq!(
            extra,
            [
                ("alpha".to_string(), serde_json::json!(0.01)),
                ("rule".to_string(), serde_json::json!("r1"))
            ]
        );
        let node = serde_json::json!({"id": "x", "type": "person", "description": "A minister"});
        assert_eq!(other_fields(&node, &NODE_COLUMNS).len(), 1);
    }

    #[test]
    fn keys_are_the_normalized_names_and_variants() {
        let g = sample();
        let keys = search_keys(g.node(0));
        assert!(keys.contains(&"araji".to_string()), "{keys:?}");
        assert!(keys.contains(&"qasim al araji".to_string()), "{keys:?}");
        assert!(keys.iter().all(|k| k == k.trim() && k == &k.to_lowercase()));
    }

    #[test]
    fn evidence_is_capped_and_documents_are_shared() {
        let g = sample();
        let mut edges = g.edges().to_vec();
        let ev = edges[0].evidence[0].clone();
        edges[0].evidence = vec![ev; EVIDENCE_PER_LINK + 2];
        edges[0].docs = 2;
        let g = Graph::new(g.header.clone(), g.nodes().to_vec(), edges);
        let data: Value = serde_json::from_str(&json(&g)).unwrap();
        let kept = data["edges"]["evidence"][0].as_array().unwrap().len();
        assert_eq!(kept, EVIDENCE_PER_LINK);
        assert_eq!(data["documents"].as_array().unwrap().len(), 1);
    }
}
