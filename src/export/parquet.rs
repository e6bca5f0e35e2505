//! Apache Parquet: `nodes.parquet`, `edges.parquet` and `evidence.parquet`,
//! with the arrow and parquet crates (no compression codec compiled in: the
//! files are written uncompressed, which every reader takes).
//!
//! The column order is what graph engines expect: `id` first in the node
//! table, `src` and `dst` (actor ids) first in the edge table, as Spark
//! GraphFrames, DuckDB's graph queries and the embedded graph databases
//! (Kùzu, LadybugDB) read them.
//!
//! - `nodes.parquet`: id, label, type, mentions, docs, scopes, first, last,
//!   aliases (a list of strings, most frequent first).
//! - `edges.parquet`: src, dst, id (`e0`, `e1`, … as every export), type,
//!   directed, weight, docs, first, last, triggers (a list), npmi, assoc,
//!   jaccard, llr, alpha, rules (a list: why a typed edge exists).
//! - `evidence.parquet`: edge (the edge id), src, dst, type, rank (0 for the
//!   earliest), doc, sentence, start, end, snippet.
//!
//! Counts are 64-bit signed integers (Spark has no unsigned types); dates
//! are strings as in the graph (`2024`, `2024-12`, `2024-12-08`); a value
//! the graph lacks is null.

use std::io::{self, Write};
use std::sync::Arc;

use arrow_array::builder::{ListBuilder, StringBuilder};
use arrow_array::{
    ArrayRef, BooleanArray, Float64Array, Int64Array, RecordBatch, StringArray, UInt32Array,
};
use arrow_schema::{DataType, Field, Schema};
use parquet::arrow::ArrowWriter;

use super::Exporter;
use crate::date::Date;
use crate::graph::{Edge, Graph};

/// Writes `nodes.parquet`.
#[derive(Debug, Clone, Copy, Default)]
pub struct NodeTable;

/// Writes `edges.parquet`.
#[derive(Debug, Clone, Copy, Default)]
pub struct EdgeTable;

/// Writes `evidence.parquet`.
#[derive(Debug, Clone, Copy, Default)]
pub struct EvidenceTable;

fn column(name: &str, kind: DataType, nullable: bool) -> Field {
    Field::new(name, kind, nullable)
}

fn list() -> DataType {
    DataType::List(Arc::new(Field::new("item", DataType::Utf8, true)))
}

fn strings<'a>(values: impl Iterator<Item = &'a str>) -> ArrayRef {
    Arc::new(StringArray::from_iter_values(values))
}

fn dates(values: impl Iterator<Item = Option<Date>>) -> ArrayRef {
    Arc::new(StringArray::from_iter(
        values.map(|d| d.map(|d| d.to_string())),
    ))
}

fn ints(values: impl Iterator<Item = u64>) -> ArrayRef {
    Arc::new(Int64Array::from_iter_values(values.map(|v| v as i64)))
}

fn floats(values: impl Iterator<Item = Option<f64>>) -> ArrayRef {
    Arc::new(Float64Array::from_iter(values))
}

fn lists<'a>(rows: impl Iterator<Item = Vec<&'a str>>) -> ArrayRef {
    let mut b = ListBuilder::new(StringBuilder::new());
    for row in rows {
        for s in row {
            b.values().append_value(s);
        }
        b.append(true);
    }
    Arc::new(b.finish())
}

/// Writes one table as a Parquet file to `out`.
fn write(out: &mut dyn Write, fields: Vec<Field>, columns: Vec<ArrayRef>) -> io::Result<()> {
    let schema = Arc::new(Schema::new(fields));
    let batch = RecordBatch::try_new(schema.clone(), columns).map_err(io::Error::other)?;
    // The writer wants a `Send` sink: the file is made in memory, then copied.
    let mut buffer = Vec::new();
    let mut writer = ArrowWriter::try_new(&mut buffer, schema, None).map_err(io::Error::other)?;
    writer.write(&batch).map_err(io::Error::other)?;
    writer.close().map_err(io::Error::other)?;
    out.write_all(&buffer)
}

impl Exporter for NodeTable {
    fn write(&self, graph: &Graph, out: &mut dyn Write) -> io::Result<()> {
        let n = graph.nodes();
        write(
            out,
            vec![
                column("id", DataType::Utf8, false),
                column("label", DataType::Utf8, false),
                column("type", DataType::Utf8, false),
                column("mentions", DataType::Int64, false),
                column("docs", DataType::Int64, false),
                column("scopes", DataType::Int64, false),
                column("first", DataType::Utf8, true),
                column("last", DataType::Utf8, true),
                column("aliases", list(), false),
            ],
            vec![
                strings(n.iter().map(|n| n.id.as_str())),
                strings(n.iter().map(|n| n.label.as_str())),
                strings(n.iter().map(|n| n.kind.as_str())),
                ints(n.iter().map(|n| n.mentions)),
                ints(n.iter().map(|n| n.docs)),
                ints(n.iter().map(|n| n.scopes)),
                dates(n.iter().map(|n| n.first)),
                dates(n.iter().map(|n| n.last)),
                lists(
                    n.iter()
                        .map(|n| n.aliases.iter().map(|a| a.text.as_str()).collect()),
                ),
            ],
        )
    }
}

impl Exporter for EdgeTable {
    fn write(&self, graph: &Graph, out: &mut dyn Write) -> io::Result<()> {
        let e = graph.edges();
        let ids: Vec<String> = (0..e.len()).map(Graph::edge_id).collect();
        let measure = |f: fn(&crate::graph::Association) -> f64| {
            floats(e.iter().map(move |e| e.association.as_ref().map(f)))
        };
        write(
            out,
            vec![
                column("src", DataType::Utf8, false),
                column("dst", DataType::Utf8, false),
                column("id", DataType::Utf8, false),
                column("type", DataType::Utf8, false),
                column("directed", DataType::Boolean, false),
                column("weight", DataType::Float64, false),
                column("docs", DataType::Int64, false),
                column("first", DataType::Utf8, true),
                column("last", DataType::Utf8, true),
                column("triggers", list(), false),
                column("npmi", DataType::Float64, true),
                column("assoc", DataType::Float64, true),
                column("jaccard", DataType::Float64, true),
                column("llr", DataType::Float64, true),
                column("alpha", DataType::Float64, true),
                column("rules", list(), false),
            ],
            vec![
                strings(e.iter().map(|e| graph.node(e.source).id.as_str())),
                strings(e.iter().map(|e| graph.node(e.target).id.as_str())),
                strings(ids.iter().map(String::as_str)),
                strings(e.iter().map(|e| e.kind.as_str())),
                Arc::new(BooleanArray::from_iter(e.iter().map(|e| Some(e.directed)))),
                floats(e.iter().map(|e| Some(e.weight))),
                ints(e.iter().map(|e| e.docs)),
                dates(e.iter().map(|e| e.first)),
                dates(e.iter().map(|e| e.last)),
                lists(
                    e.iter()
                        .map(|e| e.triggers.iter().map(String::as_str).collect()),
                ),
                measure(|a| a.npmi),
                measure(|a| a.assoc),
                measure(|a| a.jaccard),
                measure(|a| a.llr),
                floats(e.iter().map(|e| e.alpha)),
                lists(
                    e.iter()
                        .map(|e| e.rules.iter().map(String::as_str).collect()),
                ),
            ],
        )
    }
}

impl Exporter for EvidenceTable {
    fn write(&self, graph: &Graph, out: &mut dyn Write) -> io::Result<()> {
        let rows: Vec<(usize, &Edge, usize, &crate::graph::Evidence)> = graph
            .edges()
            .iter()
            .enumerate()
            .flat_map(|(i, e)| {
                e.evidence
                    .iter()
                    .enumerate()
                    .map(move |(r, v)| (i, e, r, v))
            })
            .collect();
        let ids: Vec<String> = rows.iter().map(|r| Graph::edge_id(r.0)).collect();
        let offset = |f: fn(&crate::graph::Evidence) -> Option<usize>| -> ArrayRef {
            Arc::new(Int64Array::from_iter(
                rows.iter().map(|r| f(r.3).map(|v| v as i64)),
            ))
        };
        write(
            out,
            vec![
                column("edge", DataType::Utf8, false),
                column("src", DataType::Utf8, false),
                column("dst", DataType::Utf8, false),
                column("type", DataType::Utf8, false),
                column("rank", DataType::UInt32, false),
                column("doc", DataType::Utf8, false),
                column("sentence", DataType::Int64, true),
                column("start", DataType::Int64, true),
                column("end", DataType::Int64, true),
                column("snippet", DataType::Utf8, false),
            ],
            vec![
                strings(ids.iter().map(String::as_str)),
                strings(rows.iter().map(|r| graph.node(r.1.source).id.as_str())),
                strings(rows.iter().map(|r| graph.node(r.1.target).id.as_str())),
                strings(rows.iter().map(|r| r.1.kind.as_str())),
                Arc::new(UInt32Array::from_iter_values(
                    rows.iter().map(|r| r.2 as u32),
                )),
                strings(rows.iter().map(|r| r.3.doc.as_str())),
                offset(|v| v.sentence.map(|s| s as usize)),
                offset(|v| v.start),
                offset(|v| v.end),
                strings(rows.iter().map(|r| r.3.snippet.as_str())),
            ],
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::tests::sample;
    use parquet::file::reader::{FileReader, SerializedFileReader};

    fn read(exporter: &dyn Exporter) -> SerializedFileReader<std::fs::File> {
        let mut file = tempfile::tempfile().unwrap();
        exporter.write(&sample(), &mut file).unwrap();
        SerializedFileReader::new(file).unwrap()
    }

    fn columns(r: &SerializedFileReader<std::fs::File>) -> Vec<String> {
        let schema = r.metadata().file_metadata().schema_descr();
        (0..schema.num_columns())
            .map(|i| schema.column(i).path().parts()[0].clone())
            .collect()
    }

    #[test]
    fn tables_hold_every_row_with_ids_first() {
        let nodes = read(&NodeTable);
        assert_eq!(nodes.metadata().file_metadata().num_rows(), 3);
        assert_eq!(columns(&nodes)[0], "id");
        let edges = read(&EdgeTable);
        assert_eq!(edges.metadata().file_metadata().num_rows(), 4);
        assert_eq!(columns(&edges)[..3], ["src", "dst", "id"]);
        let evidence = read(&EvidenceTable);
        assert_eq!(evidence.metadata().file_metadata().num_rows(), 4);
        assert_eq!(columns(&evidence)[0], "edge");
    }
}
