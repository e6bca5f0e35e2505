//! Neo4j's bulk import: `neo4j-nodes.csv` and `neo4j-relationships.csv`,
//! with the header rows `neo4j-admin database import full` reads, written
//! with the csv crate (fields quoted with `"`, a quote inside doubled).
//!
//! Nodes: `id:ID(Actor)`, `:LABEL` (`Actor` and the type: `Actor;Person`,
//! `Actor;Group`, `Actor;Place`), `name`, `type`, `mentions:long`,
//! `docs:long`, `scopes:long`, `first`, `last`, `aliases:string[]`.
//!
//! Relationships: `:START_ID(Actor)`, `:END_ID(Actor)`, `:TYPE` (the edge
//! type in capitals, as Neo4j names relationship types: `CO_MENTION`,
//! `MEETS`, …), `id` (`e0`, `e1`, … as every export), `directed:boolean`
//! (Neo4j stores every relationship with a direction; false for the mutual
//! types, whose start is the smaller id), `weight:double`, `docs:long`,
//! `first`, `last`, `triggers:string[]`, `evidence`, `evidence_doc`,
//! `npmi:double`, `assoc:double`, `jaccard:double`, `llr:double`,
//! `alpha:double`, `rules:string[]` (why a typed edge exists).
//!
//! Array elements are separated by U+001F (the unit separator), which no
//! name holds (one that did would have it replaced by U+FFFD), so an alias
//! with a `;` stays whole; aliases may hold line breaks. Hence the import
//! command:
//!
//! ```text
//! neo4j-admin database import full neo4j \
//!     --nodes=neo4j-nodes.csv --relationships=neo4j-relationships.csv \
//!     --array-delimiter=U+001F --multiline-fields=true
//! ```
//!
//! A value the graph lacks is an empty field, which the import leaves out.

use std::io::{self, Write};

use super::Exporter;
use crate::date::Date;
use crate::graph::Graph;

/// Separates the elements of an array property.
pub const ARRAY_DELIMITER: char = '\u{1f}';

/// Writes `neo4j-nodes.csv`.
#[derive(Debug, Clone, Copy, Default)]
pub struct NodeFile;

/// Writes `neo4j-relationships.csv`.
#[derive(Debug, Clone, Copy, Default)]
pub struct RelationshipFile;

/// The node file's header row.
pub const NODE_HEADER: [&str; 10] = [
    "id:ID(Actor)",
    ":LABEL",
    "name",
    "type",
    "mentions:long",
    "docs:long",
    "scopes:long",
    "first",
    "last",
    "aliases:string[]",
];

/// The relationship file's header row.
pub const RELATIONSHIP_HEADER: [&str; 18] = [
    ":START_ID(Actor)",
    ":END_ID(Actor)",
    ":TYPE",
    "id",
    "directed:boolean",
    "weight:double",
    "docs:long",
    "first",
    "last",
    "triggers:string[]",
    "evidence",
    "evidence_doc",
    "npmi:double",
    "assoc:double",
    "jaccard:double",
    "llr:double",
    "alpha:double",
    "rules:string[]",
];

fn array<'a>(items: impl Iterator<Item = &'a str>) -> String {
    let items: Vec<String> = items
        .map(|s| s.replace(ARRAY_DELIMITER, "\u{fffd}"))
        .collect();
    items.join(&ARRAY_DELIMITER.to_string())
}

fn date(d: Option<Date>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

fn number(v: Option<f64>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

/// `Person` for `person`.
fn label(kind: &str) -> String {
    let mut c = kind.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

impl Exporter for NodeFile {
    fn write(&self, graph: &Graph, out: &mut dyn Write) -> io::Result<()> {
        let mut w = ::csv::Writer::from_writer(out);
        w.write_record(NODE_HEADER)?;
        for n in graph.nodes() {
            w.write_record([
                n.id.as_str(),
                &format!("Actor;{}", label(n.kind.as_str())),
                &n.label,
                n.kind.as_str(),
                &n.mentions.to_string(),
                &n.docs.to_string(),
                &n.scopes.to_string(),
                &date(n.first),
                &date(n.last),
                &array(n.aliases.iter().map(|a| a.text.as_str())),
            ])?;
        }
        w.flush()
    }
}

impl Exporter for RelationshipFile {
    fn write(&self, graph: &Graph, out: &mut dyn Write) -> io::Result<()> {
        let mut w = ::csv::Writer::from_writer(out);
        w.write_record(RELATIONSHIP_HEADER)?;
        for (i, e) in graph.edges().iter().enumerate() {
            let a = e.association.as_ref();
            let evidence = e.evidence.first();
            w.write_record([
                graph.node(e.source).id.as_str(),
                graph.node(e.target).id.as_str(),
                &e.kind.as_str().to_uppercase(),
                &Graph::edge_id(i),
                if e.directed { "true" } else { "false" },
                &e.weight.to_string(),
                &e.docs.to_string(),
                &date(e.first),
                &date(e.last),
                &array(e.triggers.iter().map(String::as_str)),
                evidence.map_or("", |v| v.snippet.as_str()),
                evidence.map_or("", |v| v.doc.as_str()),
                &number(a.map(|a| a.npmi)),
                &number(a.map(|a| a.assoc)),
                &number(a.map(|a| a.jaccard)),
                &number(a.map(|a| a.llr)),
                &number(e.alpha),
                &array(e.rules.iter().map(String::as_str)),
            ])?;
        }
        w.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::tests::sample;
    use crate::graph::{Node, SurfaceForm};

    fn text(exporter: &dyn Exporter, graph: &Graph) -> String {
        let mut out = Vec::new();
        exporter.write(graph, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn golden_files_of_the_sample_graph() {
        let g = sample();
        insta::assert_snapshot!("neo4j_nodes", text(&NodeFile, &g));
        insta::assert_snapshot!("neo4j_relationships", text(&RelationshipFile, &g));
    }

    #[test]
    fn quotes_separators_and_line_breaks_survive() {
        let node = Node {
            id: "x".into(),
            label: "The \"Front\", North".into(),
            kind: crate::gazetteer::EntityType::Group,
            mentions: 1,
            docs: 1,
            scopes: 1,
            first: None,
            last: None,
            aliases: ["a;b", "New\nYork", "odd\u{1f}one"]
                .iter()
                .map(|t| SurfaceForm {
                    text: t.to_string(),
                    count: 1,
                })
                .collect(),
        };
        let g = Graph::new(Default::default(), vec![node], vec![]);
        let out = text(&NodeFile, &g);
        let mut rows = ::csv::Reader::from_reader(out.as_bytes());
        let row = rows.records().next().unwrap().unwrap();
        assert_eq!(&row[1], "Actor;Group");
        assert_eq!(&row[2], "The \"Front\", North");
        assert_eq!(
            row[9].split(ARRAY_DELIMITER).collect::<Vec<_>>(),
            ["a;b", "New\nYork", "odd\u{fffd}one"]
        );
        assert!(out.contains("\"The \"\"Front\"\", North\""), "{out}");
    }
}
