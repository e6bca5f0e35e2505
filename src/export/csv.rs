//! Gephi's spreadsheet import: `nodes.csv` and `edges.csv`, written with the
//! csv crate (RFC 4180 quoting, so any text survives, control characters
//! included).
//!
//! `nodes.csv`: Id, Label, Type, Mentions, Docs, First, Last, Timeset, Aliases,
//! Scopes.
//! `edges.csv`: Source, Target, Type (`Directed` or `Undirected`, which Gephi
//! reads per row), Id, Kind (the edge type), Label (the edge type, for Gephi to
//! show), Weight, Docs, First, Last, Timeset, Trigger, Evidence, EvidenceDoc,
//! Npmi, Assoc, Jaccard, Llr (a co-mention's association measures) and Alpha
//! (the backbone significance).
//! Timesets are Gephi intervals of whole days, `<[2024-12-01, 2024-12-31]>`;
//! a value the graph lacks is an empty cell.

use std::io::{self, Write};

use super::{Exporter, text};
use crate::date::Date;
use crate::graph::Graph;

/// Writes `nodes.csv`.
#[derive(Debug, Clone, Copy, Default)]
pub struct NodeTable;

/// Writes `edges.csv`.
#[derive(Debug, Clone, Copy, Default)]
pub struct EdgeTable;

const NODE_COLUMNS: [&str; 10] = [
    "Id", "Label", "Type", "Mentions", "Docs", "First", "Last", "Timeset", "Aliases", "Scopes",
];

const EDGE_COLUMNS: [&str; 20] = [
    "Source",
    "Target",
    "Type",
    "Id",
    "Kind",
    "Label",
    "Weight",
    "Docs",
    "First",
    "Last",
    "Timeset",
    "Trigger",
    "Evidence",
    "EvidenceDoc",
    "Npmi",
    "Assoc",
    "Jaccard",
    "Llr",
    "Alpha",
    "Rules",
];

impl Exporter for NodeTable {
    fn write(&self, graph: &Graph, out: &mut dyn Write) -> io::Result<()> {
        let mut w = ::csv::Writer::from_writer(out);
        w.write_record(NODE_COLUMNS)?;
        for n in graph.nodes() {
            w.write_record([
                n.id.as_str(),
                &n.label,
                n.kind.as_str(),
                &n.mentions.to_string(),
                &n.docs.to_string(),
                &date(n.first),
                &date(n.last),
                &timeset(n.first, n.last),
                &text::aliases(n),
                &n.scopes.to_string(),
            ])?;
        }
        w.flush()
    }
}

impl Exporter for EdgeTable {
    fn write(&self, graph: &Graph, out: &mut dyn Write) -> io::Result<()> {
        let mut w = ::csv::Writer::from_writer(out);
        w.write_record(EDGE_COLUMNS)?;
        for (i, e) in graph.edges().iter().enumerate() {
            let evidence = text::evidence(e);
            let measure = |f: fn(&crate::graph::Association) -> f64| {
                e.association
                    .as_ref()
                    .map(|m| text::number(f(m)))
                    .unwrap_or_default()
            };
            w.write_record([
                graph.node(e.source).id.as_str(),
                &graph.node(e.target).id,
                if e.directed { "Directed" } else { "Undirected" },
                &Graph::edge_id(i),
                e.kind.as_str(),
                e.kind.as_str(),
                &text::number(e.weight),
                &e.docs.to_string(),
                &date(e.first),
                &date(e.last),
                &timeset(e.first, e.last),
                text::trigger(e).unwrap_or(""),
                evidence.map_or("", |ev| ev.snippet.as_str()),
                evidence.map_or("", |ev| ev.doc.as_str()),
                &measure(|m| m.npmi),
                &measure(|m| m.assoc),
                &measure(|m| m.jaccard),
                &measure(|m| m.llr),
                &e.alpha.map(text::number).unwrap_or_default(),
                &text::rules(e).unwrap_or_default(),
            ])?;
        }
        w.flush()
    }
}

fn date(d: Option<Date>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

/// Gephi's interval of the whole days from `first` to `last`; one date alone
/// stands for both ends.
fn timeset(first: Option<Date>, last: Option<Date>) -> String {
    let (start, end) = text::day_span(first.or(last), last.or(first));
    match (start, end) {
        (Some(start), Some(end)) => format!("<[{start}, {end}]>"),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::tests::sample;

    fn table(exporter: &dyn Exporter, graph: &Graph) -> String {
        let mut buf = Vec::new();
        exporter.write(graph, &mut buf).unwrap();
        String::from_utf8(buf).unwrap()
    }

    #[test]
    fn snapshot_of_the_sample_graph() {
        insta::assert_snapshot!("nodes", table(&NodeTable, &sample()));
        insta::assert_snapshot!("edges", table(&EdgeTable, &sample()));
    }

    #[test]
    fn fields_with_quotes_commas_and_newlines_are_quoted() {
        let g = sample();
        let mut nodes = g.nodes().to_vec();
        nodes[0].label = "a \"b\", c\nd\u{1}".into();
        let text = table(&NodeTable, &Graph::new(g.header.clone(), nodes, vec![]));
        assert!(
            text.contains("araji,\"a \"\"b\"\", c\nd\u{1}\",person,"),
            "{text}"
        );
    }

    #[test]
    fn timesets_are_whole_days() {
        let d = |s: &str| s.parse::<Date>().ok();
        assert_eq!(timeset(d("2024-12"), None), "<[2024-12-01, 2024-12-31]>");
        assert_eq!(
            timeset(d("2024"), d("2025-02")),
            "<[2024-01-01, 2025-02-28]>"
        );
        assert_eq!(timeset(None, None), "");
    }
}
