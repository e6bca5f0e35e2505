//! Partial graphs: what one shard of a corpus contributes, in a file that
//! `merge` combines with others into the graph a single `build` of the whole
//! corpus writes, byte for byte.
//!
//! A partial keeps, for each distinct document (by [`super::merge::copy_key`]),
//! its id, date and counts (actors with their mentions, scope units and
//! surface forms; edges with their observations, triggers and rules), and for each
//! edge its first N evidence candidates. Merging replays those counts into a
//! [`GraphBuilder`], the same steps `build` takes for a document, so a build
//! is a partial of everything, finished. Counts stay per document because a
//! document found in two shards must count once: the merge keeps the copy
//! with the smallest id, as `build` does.
//!
//! Why N candidates per edge suffice: a candidate left out of a shard's first
//! N has N before it from that shard, each either kept by the merge or the
//! copy of a document kept elsewhere with a smaller id, whose candidate sorts
//! earlier still; so it is never among the first N of the whole.
//!
//! The file is JSON Lines, one object per line, in this order:
//!
//! ```text
//! {"partial":{"format":2,"tool":"actorgraph","version":…,"gazetteer":…,"inputs":[…],"options":{…},"duplicates":N}}
//! {"nodes":["actor-id",…]}
//! {"forms":["surface form",…]}
//! {"triggers":["trigger or rule",…]}
//! {"edges":[[source,target,"type",directed],…]}              (indexes into nodes)
//! {"doc":[copy,id,date,bytes,mentions,scopes,[[node,mentions,scopes,[[form,count],…]],…],[[edge,strong,weak,[trigger,…],[rule,…]],…]]}
//! {"evidence":[edge,[[copy,doc,date,sentence,start,end,snippet],…]]}
//! {"end":documents}
//! ```

use std::io::{BufRead, Write};

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use serde::{Deserialize, Serialize};

use super::analyze::{DocumentGraph, EdgeKey};
use super::merge::{Arrival, Candidate, options_json};
use super::{BuildOptions, GraphBuilder};
use crate::corpus::Document;
use crate::date::Date;
use crate::gazetteer::{EntityIndex, Gazetteer};
use crate::graph::EdgeKind;

/// Version of the partial file format.
pub const FORMAT: u32 = 3;

/// The first line of a partial graph file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PartialHeader {
    /// [`FORMAT`].
    pub format: u32,
    /// `actorgraph`.
    pub tool: String,
    /// Version of the tool that wrote it.
    pub version: String,
    /// Fingerprint of the gazetteer files.
    pub gazetteer: String,
    /// Inputs of the documents it holds.
    pub inputs: Vec<String>,
    /// Options that shape the graph (as in a graph's header).
    pub options: serde_json::Map<String, serde_json::Value>,
    /// Copies passed over within the shard.
    pub duplicates: u64,
}

impl PartialHeader {
    /// The build options the partial was made with.
    pub fn build_options(&self) -> Result<BuildOptions, String> {
        let o = &self.options;
        let number = |name: &str| {
            o.get(name)
                .and_then(|v| v.as_f64())
                .ok_or_else(|| format!("option {name} is missing"))
        };
        let scope = o
            .get("scope")
            .and_then(|v| v.as_str())
            .ok_or("option scope is missing")?
            .parse()?;
        Ok(BuildOptions {
            scope,
            demonyms: o
                .get("demonyms")
                .and_then(|v| v.as_bool())
                .ok_or("option demonyms is missing")?,
            demonym_weight: number("demonym_weight")?,
            evidence: number("evidence")? as usize,
            min_weight: number("min_weight")?,
            undated: None,
            min_count: number("min_count")?,
        })
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum Line {
    Partial(PartialHeader),
    Nodes(Vec<String>),
    Forms(Vec<String>),
    Triggers(Vec<String>),
    Edges(Vec<(u32, u32, EdgeKind, bool)>),
    Doc(DocLine),
    Evidence(u32, Vec<CandidateLine>),
    End(u64),
}

/// An actor of a document: node, mentions, scope units, forms (form, count).
type EntityLine = (u32, u64, u64, Vec<(u32, u64)>);
/// An edge of a document: edge, strong and weak observations, triggers,
/// rules (the last two index the one table of strings, `triggers`).
type EdgeLine = (u32, u64, u64, Vec<u32>, Vec<u32>);
type DocLine = (
    u64,
    String,
    Option<Date>,
    u64,
    u64,
    u64,
    Vec<EntityLine>,
    Vec<EdgeLine>,
);
type CandidateLine = (u64, String, Option<Date>, u32, usize, usize, String);
/// An actor of a kept document: entity, mentions, scope units, forms.
type EntityCounts = (EntityIndex, u64, u64, Vec<(u32, u64)>);
/// An edge of a kept document: key, strong and weak observations, triggers,
/// rules.
type EdgeCounts = (EdgeKey, u64, u64, Vec<u32>, Vec<u32>);
/// [`EntityLine`], borrowed for writing.
type EntityOut<'a> = (u32, u64, u64, &'a [(u32, u64)]);
/// [`EdgeLine`], borrowed for writing.
type EdgeOut<'a> = (u32, u64, u64, &'a [u32], &'a [u32]);
/// [`CandidateLine`], borrowed for writing.
type CandidateOut<'a> = (u64, &'a str, Option<Date>, u32, usize, usize, &'a str);

/// The counts of one kept document, for the partial file.
struct DocRecord {
    copy: u64,
    id: String,
    date: Option<Date>,
    bytes: u64,
    mentions: u64,
    scopes: u64,
    entities: Vec<EntityCounts>,
    edges: Vec<EdgeCounts>,
}

/// Interned strings.
#[derive(Default)]
struct Table {
    index: HashMap<String, u32>,
    list: Vec<String>,
}

impl Table {
    fn intern(&mut self, s: &str) -> u32 {
        if let Some(&i) = self.index.get(s) {
            return i;
        }
        let i = self.list.len() as u32;
        self.index.insert(s.to_owned(), i);
        self.list.push(s.to_owned());
        i
    }
}

/// Keeps the counts of every document a builder keeps, to write a partial.
#[derive(Default)]
pub(super) struct Recorder {
    forms: Table,
    triggers: Table,
    docs: Vec<DocRecord>,
    by_copy: HashMap<u64, usize>,
}

impl Recorder {
    /// A kept copy's id changed.
    pub fn rename(&mut self, copy: u64, id: &str) {
        if let Some(&i) = self.by_copy.get(&copy) {
            self.docs[i].id = id.to_owned();
        }
    }

    /// A new document, from the text.
    pub fn document(&mut self, copy: u64, doc: &Document, graph: &DocumentGraph) {
        let entities = graph
            .entities
            .iter()
            .map(|t| {
                let forms = t
                    .forms
                    .iter()
                    .map(|&(s, e, n)| (self.forms.intern(&doc.text[s..e]), n))
                    .collect();
                (t.entity, t.mentions, t.scopes, forms)
            })
            .collect();
        let edges = graph
            .edges
            .iter()
            .map(|(key, seen)| {
                let triggers = seen.triggers.iter().map(|t| self.triggers.intern(t));
                let triggers = triggers.collect();
                let rules = seen.rules.iter().map(|r| self.triggers.intern(r)).collect();
                (*key, seen.strong as u64, seen.weak as u64, triggers, rules)
            })
            .collect();
        self.push(DocRecord {
            copy,
            id: doc.id.clone(),
            date: graph.date,
            bytes: graph.bytes as u64,
            mentions: graph.mentions as u64,
            scopes: graph.scopes,
            entities,
            edges,
        });
    }

    fn push(&mut self, record: DocRecord) {
        self.by_copy.insert(record.copy, self.docs.len());
        self.docs.push(record);
    }
}

/// Shapes a read error as `FILE:LINE: message`.
fn bad(file: &str, line: usize, message: impl std::fmt::Display) -> crate::Error {
    crate::Error::Invalid(format!("{file}:{line}: {message}"))
}

impl<'g> GraphBuilder<'g> {
    /// An empty builder that also keeps what each document contributes, so
    /// that [`GraphBuilder::write_partial`] can write it.
    pub fn recording(gazetteer: &'g Gazetteer, options: &BuildOptions) -> GraphBuilder<'g> {
        let mut builder = GraphBuilder::new(gazetteer, options);
        builder.record = Some(Recorder::default());
        builder
    }

    /// Writes what has been added as a partial graph (the builder must have
    /// been made by [`GraphBuilder::recording`]). `inputs` name the documents'
    /// sources.
    pub fn write_partial(&self, inputs: &[String], w: &mut dyn Write) -> std::io::Result<()> {
        let Some(record) = &self.record else {
            return Err(std::io::Error::other(
                "this builder keeps no documents to write a partial graph from",
            ));
        };
        let header = PartialHeader {
            format: FORMAT,
            tool: "actorgraph".into(),
            version: env!("CARGO_PKG_VERSION").into(),
            gazetteer: self.gazetteer.fingerprint(),
            inputs: sorted(inputs.iter().cloned()),
            options: options_json(&self.options),
            duplicates: self.stats.duplicates,
        };
        line(w, "partial", &header)?;
        let mut nodes: Vec<EntityIndex> = self.nodes.keys().copied().collect();
        nodes.sort_unstable();
        let node_at: HashMap<EntityIndex, u32> = nodes
            .iter()
            .enumerate()
            .map(|(i, &e)| (e, i as u32))
            .collect();
        let ids: Vec<&str> = nodes
            .iter()
            .map(|&e| self.gazetteer.entity(e).id.as_str())
            .collect();
        line(w, "nodes", &ids)?;
        line(w, "forms", &record.forms.list)?;
        line(w, "triggers", &record.triggers.list)?;
        let mut edges: Vec<EdgeKey> = self.edges.keys().copied().collect();
        edges.sort_unstable();
        let edge_at: HashMap<EdgeKey, u32> = edges
            .iter()
            .enumerate()
            .map(|(i, &k)| (k, i as u32))
            .collect();
        let table: Vec<(u32, u32, EdgeKind, bool)> = edges
            .iter()
            .map(|&(s, t, kind, directed)| (node_at[&s], node_at[&t], kind, directed))
            .collect();
        line(w, "edges", &table)?;
        let mut order: Vec<&DocRecord> = record.docs.iter().collect();
        order.sort_by(|a, b| (a.copy, &a.id).cmp(&(b.copy, &b.id)));
        for d in &order {
            let entities: Vec<EntityOut> = d
                .entities
                .iter()
                .map(|(e, m, s, f)| (node_at[e], *m, *s, f.as_slice()))
                .collect();
            let edges: Vec<EdgeOut> = d
                .edges
                .iter()
                .map(|(k, s, wk, t, r)| (edge_at[k], *s, *wk, t.as_slice(), r.as_slice()))
                .collect();
            let doc = (
                d.copy, &d.id, d.date, d.bytes, d.mentions, d.scopes, entities, edges,
            );
            line(w, "doc", &doc)?;
        }
        for (i, key) in edges.iter().enumerate() {
            let evidence = &self.edges[key].evidence;
            if evidence.is_empty() {
                continue;
            }
            let list: Vec<CandidateOut> = evidence
                .iter()
                .map(|c| {
                    (
                        c.copy,
                        c.doc.as_str(),
                        c.date,
                        c.sentence,
                        c.start,
                        c.end,
                        c.snippet.as_str(),
                    )
                })
                .collect();
            line(w, "evidence", &(i, list))?;
        }
        line(w, "end", &order.len())?;
        Ok(())
    }

    /// Adds a partial graph read from `reader` (named `file` in messages):
    /// the same as adding its documents. Returns its header.
    pub fn read_partial(
        &mut self,
        file: &str,
        reader: impl BufRead,
    ) -> crate::Result<PartialHeader> {
        let mut header: Option<PartialHeader> = None;
        let mut nodes: Vec<EntityIndex> = Vec::new();
        let mut forms: Vec<String> = Vec::new();
        let mut triggers: Vec<String> = Vec::new();
        let mut edges: Vec<EdgeKey> = Vec::new();
        let mut accepted: HashSet<u64> = HashSet::default();
        let mut docs = 0u64;
        let mut ended = false;
        for (n, text) in reader.lines().enumerate() {
            let n = n + 1;
            let text = text.map_err(|e| bad(file, n, e))?;
            if text.trim().is_empty() {
                continue;
            }
            if ended {
                return Err(bad(file, n, "text after the end line"));
            }
            let parsed: Line = serde_json::from_str(&text).map_err(|e| {
                bad(
                    file,
                    n,
                    format!("not a line of a partial graph (made by `build --partial`): {e}"),
                )
            })?;
            if header.is_none() && !matches!(parsed, Line::Partial(_)) {
                return Err(bad(
                    file,
                    n,
                    "a partial graph opens with its header line (made by `build --partial`)",
                ));
            }
            match parsed {
                Line::Partial(h) => {
                    if header.is_some() {
                        return Err(bad(file, n, "a second header line"));
                    }
                    self.check_header(&h).map_err(|e| bad(file, n, e))?;
                    self.stats.duplicates += h.duplicates;
                    header = Some(h);
                }
                Line::Nodes(ids) => {
                    nodes = ids
                        .iter()
                        .map(|id| {
                            self.gazetteer.entity_by_id(id).ok_or_else(|| {
                                bad(file, n, format!("actor '{id}' is not in the gazetteer"))
                            })
                        })
                        .collect::<crate::Result<_>>()?;
                }
                Line::Forms(list) => forms = list,
                Line::Triggers(list) => triggers = list,
                Line::Edges(list) => {
                    edges = list
                        .into_iter()
                        .map(|(s, t, kind, directed)| {
                            match (nodes.get(s as usize), nodes.get(t as usize)) {
                                (Some(&s), Some(&t)) => Ok((s, t, kind, directed)),
                                _ => Err(bad(file, n, "an edge names a node that is not listed")),
                            }
                        })
                        .collect::<crate::Result<_>>()?;
                }
                Line::Doc(doc) => {
                    docs += 1;
                    self.replay(&doc, &nodes, &forms, &triggers, &edges, &mut accepted)
                        .map_err(|e| bad(file, n, e))?;
                }
                Line::Evidence(edge, list) => {
                    let key = *edges
                        .get(edge as usize)
                        .ok_or_else(|| bad(file, n, "evidence of an edge that is not listed"))?;
                    for (copy, doc, date, sentence, start, end, snippet) in list {
                        if !accepted.contains(&copy) {
                            continue;
                        }
                        let candidate = Candidate {
                            date,
                            doc,
                            copy,
                            start,
                            end,
                            sentence,
                            snippet,
                        };
                        self.insert(key, candidate);
                    }
                }
                Line::End(count) => {
                    if count != docs {
                        return Err(bad(
                            file,
                            n,
                            format!("the end line counts {count} documents, the file holds {docs}"),
                        ));
                    }
                    ended = true;
                }
            }
        }
        if !ended {
            return Err(crate::Error::Invalid(format!(
                "{file}: the partial graph is cut short (no end line)"
            )));
        }
        header.ok_or_else(|| crate::Error::Invalid(format!("{file}: empty partial graph")))
    }

    fn check_header(&self, h: &PartialHeader) -> Result<(), String> {
        if h.format != FORMAT || h.tool != "actorgraph" {
            return Err(format!(
                "partial graph format {} of {}, this is format {FORMAT} of actorgraph",
                h.format, h.tool
            ));
        }
        let fingerprint = self.gazetteer.fingerprint();
        if h.gazetteer != fingerprint {
            return Err(format!(
                "made with another gazetteer (fingerprint {}, the one loaded is {fingerprint}); give the same --gazetteer files",
                h.gazetteer
            ));
        }
        let options = options_json(&self.options);
        if h.options != options {
            return Err(format!(
                "made with other options ({}) than these ({})",
                serde_json::Value::Object(h.options.clone()),
                serde_json::Value::Object(options)
            ));
        }
        Ok(())
    }

    /// Adds one document line of a partial, as [`GraphBuilder::add`] adds a
    /// document.
    fn replay(
        &mut self,
        doc: &DocLine,
        nodes: &[EntityIndex],
        forms: &[String],
        triggers: &[String],
        edges: &[EdgeKey],
        accepted: &mut HashSet<u64>,
    ) -> Result<(), String> {
        let (copy, id, date, bytes, mentions, scopes, entities, doc_edges) = doc;
        let (copy, date) = (*copy, *date);
        let edge = |i: u32| {
            edges
                .get(i as usize)
                .copied()
                .ok_or("a document names an edge that is not listed")
        };
        let keys: Vec<EdgeKey> = doc_edges
            .iter()
            .map(|e| edge(e.0))
            .collect::<Result<_, _>>()?;
        for (_, _, _, f) in entities {
            if f.iter().any(|&(form, _)| form as usize >= forms.len()) {
                return Err("a document names a form that is not listed".into());
            }
        }
        for (_, _, _, t, r) in doc_edges {
            if t.iter().chain(r).any(|&i| i as usize >= triggers.len()) {
                return Err("a document names a trigger that is not listed".into());
            }
        }
        let entity_keys: Vec<EntityIndex> = entities
            .iter()
            .map(|e| nodes.get(e.0 as usize).copied())
            .collect::<Option<_>>()
            .ok_or("a document names a node that is not listed")?;
        match self.arrive(copy, id) {
            Arrival::Copy => return Ok(()),
            Arrival::Replaces(old) => {
                if let Some(r) = &mut self.record {
                    r.rename(copy, id);
                }
                self.forget_evidence(keys.iter(), copy, &old);
            }
            Arrival::New => {
                self.count_document(*bytes, *mentions, *scopes);
                for ((_, m, s, f), &entity) in entities.iter().zip(&entity_keys) {
                    let f = f
                        .iter()
                        .map(|&(form, c)| (forms[form as usize].as_str(), c));
                    self.count_entity(entity, date, *m, *s, f);
                }
                for ((_, strong, weak, t, r), &key) in doc_edges.iter().zip(&keys) {
                    let t = t.iter().map(|&i| triggers[i as usize].as_str());
                    let r = r.iter().map(|&i| triggers[i as usize].as_str());
                    self.count_edge(key, date, *strong, *weak, t, r);
                }
                if let Some(r) = &mut self.record {
                    let entities = entities
                        .iter()
                        .zip(&entity_keys)
                        .map(|((_, m, s, f), &e)| {
                            let f = f
                                .iter()
                                .map(|&(form, c)| (r.forms.intern(&forms[form as usize]), c))
                                .collect();
                            (e, *m, *s, f)
                        })
                        .collect();
                    let edges = doc_edges
                        .iter()
                        .zip(&keys)
                        .map(|((_, strong, weak, t, rules), &k)| {
                            let mut intern = |list: &Vec<u32>| {
                                list.iter()
                                    .map(|&i| r.triggers.intern(&triggers[i as usize]))
                                    .collect()
                            };
                            let t = intern(t);
                            let rules = intern(rules);
                            (k, *strong, *weak, t, rules)
                        })
                        .collect();
                    r.push(DocRecord {
                        copy,
                        id: id.clone(),
                        date,
                        bytes: *bytes,
                        mentions: *mentions,
                        scopes: *scopes,
                        entities,
                        edges,
                    });
                }
            }
        }
        accepted.insert(copy);
        Ok(())
    }
}

/// Sorted, without repeats: the order inputs are recorded in, so that any
/// split of the same inputs records the same list.
pub fn sorted(inputs: impl Iterator<Item = String>) -> Vec<String> {
    let mut v: Vec<String> = inputs.collect();
    v.sort();
    v.dedup();
    v
}

fn line(w: &mut dyn Write, name: &str, value: &impl Serialize) -> std::io::Result<()> {
    write!(w, "{{\"{name}\":")?;
    serde_json::to_writer(&mut *w, value)?;
    w.write_all(b"}\n")
}
