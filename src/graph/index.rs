//! The graph index: a compact binary copy of a graph file, written beside it
//! (`graph.json` → `graph.json.idx`) by `build` and by `export -f index`, and
//! loaded by the commands that read a graph instead of parsing the JSON.
//! The JSON stays the file to share; the index is only ever a faster way to
//! read it, and can be deleted at any time.
//!
//! An index is used only while it matches the JSON beside it: it records the
//! JSON's size, modification time (nanoseconds) and inode, and a checksum of
//! its first and last 64 KiB; a JSON file rewritten, edited or truncated
//! since fails one of these, and the index is ignored. The index's own bytes
//! carry a checksum too, checked with every size, offset and node index when
//! it is opened, so a damaged index is ignored as well: the JSON is then
//! parsed as without one.
//!
//! The index is read in place ([`GraphIndex`]): its tables are fixed-width
//! records at computed offsets (see `layout.rs`), so `path`, `neighbors` and
//! `top` walk the edges where they lie in the mapped file and decode whole
//! only the nodes and edges an answer shows. It also stores the route
//! network of `path`'s default question, made when the index is written
//! ([`crate::query::path::default_network`]), so that question reads its
//! links where they lie instead of building them from a million edges.

mod layout;
mod reader;

pub use reader::GraphIndex;

use std::fs;
use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

use self::layout::*;
use super::{EdgeKind, Evidence, Graph, Node, SurfaceForm};
use crate::codec::{Bin, Corrupt, Decoded, Decoder, Encoder, checksum, decode_enum, encode_enum};
use crate::error::Error;
use crate::gazetteer::EntityType;

/// What the index file's name adds to the graph file's.
pub const INDEX_SUFFIX: &str = ".idx";

/// The first bytes of an index.
const MAGIC: &[u8; 8] = b"AGGRIDX\0";

/// The number of this format; a change of any encoded type bumps it.
const FORMAT: u32 = 4;

/// How much of each end of the JSON the stamp reads.
const END_BYTES: u64 = 64 * 1024;

/// The index file of a graph file.
pub fn index_path(graph: &Path) -> PathBuf {
    let mut name = graph.as_os_str().to_owned();
    name.push(INDEX_SUFFIX);
    PathBuf::from(name)
}

/// What identifies one version of a graph file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stamp {
    len: u64,
    modified: u128,
    inode: u64,
    ends: [u64; 2],
}

impl Stamp {
    fn of(path: &Path) -> std::io::Result<Stamp> {
        Stamp::of_file(&fs::File::open(path)?)
    }

    /// The stamp of an open file: the same as its path's once it is there
    /// (a rename keeps the inode, the size and the modification time).
    fn of_file(file: &fs::File) -> std::io::Result<Stamp> {
        let mut file = file;
        let meta = file.metadata()?;
        let len = meta.len();
        let modified = meta
            .modified()?
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        #[cfg(unix)]
        let inode = std::os::unix::fs::MetadataExt::ino(&meta);
        #[cfg(not(unix))]
        let inode = 0;
        let mut ends = Vec::with_capacity(2 * END_BYTES as usize);
        file.seek(SeekFrom::Start(0))?;
        (&mut file).take(END_BYTES).read_to_end(&mut ends)?;
        if len > END_BYTES {
            file.seek(SeekFrom::Start(
                len.saturating_sub(END_BYTES).max(END_BYTES),
            ))?;
            file.take(END_BYTES).read_to_end(&mut ends)?;
        }
        Ok(Stamp {
            len,
            modified,
            inode,
            ends: checksum(&ends),
        })
    }

    fn encode(&self, e: &mut Encoder) {
        e.u64(self.len);
        e.u64(self.modified as u64);
        e.u64((self.modified >> 64) as u64);
        e.u64(self.inode);
        e.u64(self.ends[0]);
        e.u64(self.ends[1]);
    }

    fn decode(d: &mut Decoder<'_>) -> Decoded<Stamp> {
        let len = d.u64()?;
        let modified = u128::from(d.u64()?) | (u128::from(d.u64()?) << 64);
        Ok(Stamp {
            len,
            modified,
            inode: d.u64()?,
            ends: [d.u64()?, d.u64()?],
        })
    }
}

pub(super) const ENTITY_TYPES: [EntityType; 3] =
    [EntityType::Person, EntityType::Group, EntityType::Place];

impl Bin for SurfaceForm {
    fn encode(&self, e: &mut Encoder) {
        self.text.encode(e);
        self.count.encode(e);
    }
    fn decode(d: &mut Decoder<'_>) -> Decoded<SurfaceForm> {
        Ok(SurfaceForm {
            text: Bin::decode(d)?,
            count: Bin::decode(d)?,
        })
    }
}

impl Bin for Node {
    fn encode(&self, e: &mut Encoder) {
        self.id.encode(e);
        self.label.encode(e);
        encode_enum(e, &self.kind, &ENTITY_TYPES);
        self.mentions.encode(e);
        self.docs.encode(e);
        self.scopes.encode(e);
        self.first.encode(e);
        self.last.encode(e);
        self.aliases.encode(e);
    }
    fn decode(d: &mut Decoder<'_>) -> Decoded<Node> {
        Ok(Node {
            id: Bin::decode(d)?,
            label: Bin::decode(d)?,
            kind: decode_enum(d, &ENTITY_TYPES, "entity type")?,
            mentions: Bin::decode(d)?,
            docs: Bin::decode(d)?,
            scopes: Bin::decode(d)?,
            first: Bin::decode(d)?,
            last: Bin::decode(d)?,
            aliases: Bin::decode(d)?,
        })
    }
}

impl Bin for Evidence {
    fn encode(&self, e: &mut Encoder) {
        self.doc.encode(e);
        self.sentence.encode(e);
        self.start.encode(e);
        self.end.encode(e);
        self.snippet.encode(e);
    }
    fn decode(d: &mut Decoder<'_>) -> Decoded<Evidence> {
        Ok(Evidence {
            doc: Bin::decode(d)?,
            sentence: Bin::decode(d)?,
            start: Bin::decode(d)?,
            end: Bin::decode(d)?,
            snippet: Bin::decode(d)?,
        })
    }
}

/// The encoded sections of a graph's index, in file order.
fn sections(graph: &Graph) -> Vec<Vec<u8>> {
    let mut out = vec![Vec::new(); SECTIONS];
    out[HEADER] = serde_json::to_string(&graph.header)
        .unwrap_or_default()
        .into_bytes();
    // Each section made at its final size, or about (the blobs, from the
    // strings they hold), so that none is copied as it grows: a build
    // writes the index of a fresh graph, and every page a copy touches is
    // a fresh one to zero.
    let (n, m) = (graph.nodes.len(), graph.edges.len());
    out[NODES].reserve_exact(n * NODE_REC);
    out[ENDS].reserve_exact(m * ENDS_REC);
    out[EDGES].reserve_exact(m * EDGE_REC);
    out[EVIDENCE_TABLE].reserve_exact(m * EVIDENCE_REC);
    let strings = |list: &[String]| list.iter().map(|t| t.len() + 16).sum::<usize>();
    out[NODE_BLOB].reserve(
        graph
            .nodes
            .iter()
            .map(|v| 64 + v.id.len() + v.label.len() + v.aliases.len() * 24)
            .sum::<usize>()
            + graph
                .nodes
                .iter()
                .flat_map(|v| &v.aliases)
                .map(|a| a.text.len())
                .sum::<usize>(),
    );
    out[WORDS].reserve(
        graph
            .edges
            .iter()
            .map(|e| 16 + strings(&e.triggers) + strings(&e.rules))
            .sum(),
    );
    out[EVIDENCE].reserve(
        graph
            .edges
            .iter()
            .flat_map(|e| &e.evidence)
            .map(|x| 64 + x.doc.len() + x.snippet.len())
            .sum(),
    );
    let mut blob = Encoder::default();
    for node in &graph.nodes {
        let start = out[NODE_BLOB].len() as u64;
        blob.buf = std::mem::take(&mut out[NODE_BLOB]);
        node.encode(&mut blob);
        out[NODE_BLOB] = std::mem::take(&mut blob.buf);
        let end = out[NODE_BLOB].len() as u64;
        let rec = &mut out[NODES];
        rec.extend_from_slice(&start.to_le_bytes());
        rec.extend_from_slice(&end.to_le_bytes());
        rec.extend_from_slice(&node.scopes.to_le_bytes());
        rec.push(kind_tag(&ENTITY_TYPES, &node.kind));
        put_date(rec, node.first);
        put_date(rec, node.last);
    }
    for edge in &graph.edges {
        out[ENDS].extend_from_slice(&edge.source.to_le_bytes());
        out[ENDS].extend_from_slice(&edge.target.to_le_bytes());
        let mut words = Encoder::default();
        edge.triggers.encode(&mut words);
        edge.rules.encode(&mut words);
        let start = out[WORDS].len() as u64;
        out[WORDS].extend_from_slice(&words.buf);
        let rec = &mut out[EDGES];
        let flags = u8::from(edge.association.is_some()) * HAS_ASSOCIATION
            + u8::from(edge.alpha.is_some()) * HAS_ALPHA;
        rec.extend_from_slice(&[
            kind_tag(&EdgeKind::ALL, &edge.kind),
            u8::from(edge.directed),
            flags,
        ]);
        rec.extend_from_slice(&edge.weight.to_le_bytes());
        rec.extend_from_slice(&edge.docs.to_le_bytes());
        put_date(rec, edge.first);
        put_date(rec, edge.last);
        let a = edge
            .association
            .map_or([0.0; 4], |a| [a.npmi, a.assoc, a.jaccard, a.llr]);
        for x in a.into_iter().chain([edge.alpha.unwrap_or(0.0)]) {
            rec.extend_from_slice(&x.to_le_bytes());
        }
        rec.extend_from_slice(&start.to_le_bytes());
        rec.extend_from_slice(&(start + words.buf.len() as u64).to_le_bytes());
        let start = out[EVIDENCE].len();
        blob.buf = std::mem::take(&mut out[EVIDENCE]);
        edge.evidence.encode(&mut blob);
        out[EVIDENCE] = std::mem::take(&mut blob.buf);
        let sum = checksum(&out[EVIDENCE][start..])[0];
        let end = out[EVIDENCE].len() as u64;
        let table = &mut out[EVIDENCE_TABLE];
        table.extend_from_slice(&(start as u64).to_le_bytes());
        table.extend_from_slice(&end.to_le_bytes());
        table.extend_from_slice(&sum.to_le_bytes());
    }
    // Each node's edges, ascending: counted, then placed.
    let n = graph.nodes.len();
    let mut starts = vec![0u64; n + 1];
    for e in &graph.edges {
        starts[e.source as usize + 1] += 1;
        if e.target != e.source {
            starts[e.target as usize + 1] += 1;
        }
    }
    for v in 0..n {
        starts[v + 1] += starts[v];
    }
    let mut adjacency = vec![0u32; starts[n] as usize];
    let mut fill = starts.clone();
    for (i, e) in graph.edges.iter().enumerate() {
        for v in [e.source, e.target]
            .into_iter()
            .take(1 + usize::from(e.target != e.source))
        {
            adjacency[fill[v as usize] as usize] = i as u32;
            fill[v as usize] += 1;
        }
    }
    out[ADJ_OFFSETS] = Vec::with_capacity(starts.len() * 8);
    out[ADJ_OFFSETS].extend(starts.iter().flat_map(|s| s.to_le_bytes()));
    out[ADJACENCY] = Vec::with_capacity(adjacency.len() * 4);
    out[ADJACENCY].extend(adjacency.iter().flat_map(|i| i.to_le_bytes()));
    // The network `path` walks by default, made once here rather than by
    // every query (it was most of one), by the code that makes it for a
    // query, so that the two cannot differ.
    let (mut offsets, mut links) = (Vec::new(), Vec::new());
    crate::query::path::default_network(graph).encode(&mut offsets, &mut links);
    out[ROUTE_OFFSETS] = offsets;
    out[ROUTE_LINKS] = links;
    out
}

/// The position of `value` in `all`, as one byte.
fn kind_tag<T: PartialEq>(all: &[T], value: &T) -> u8 {
    all.iter().position(|v| v == value).unwrap_or(0) as u8
}

/// Bytes before the first section.
pub(super) const PREAMBLE: usize = 8 + 4 + 48 + 16 + 16 * SECTIONS + 8 + 16 + 16;

impl Graph {
    /// Writes the index of this graph beside `json`, the graph file it was
    /// just written to (or read from), stamped with that file as it is now.
    /// See `layout.rs` for what it holds.
    pub fn write_index(&self, json: &Path) -> crate::Result<PathBuf> {
        let stamp = Stamp::of(json).map_err(|e| Error::io(json, e))?;
        let path = index_path(json);
        crate::export::write_atomic(&path, |out| self.index_body().write(&stamp, out))?;
        Ok(path)
    }

    /// The index's content but for its stamp of the graph file, which can
    /// be encoded while the graph file is being written.
    pub fn index_body(&self) -> IndexBody {
        let sections = sections(self);
        let mut lean = Vec::with_capacity(sections[..EVIDENCE].iter().map(Vec::len).sum());
        for section in &sections[..EVIDENCE] {
            lean.extend_from_slice(section);
        }
        // The route network, which only `path` reads, has a checksum of
        // its own, so that the other queries do not check it (layout.rs).
        const _: () = assert!(ROUTE_OFFSETS == EVIDENCE_TABLE + 1 && ROUTE_LINKS + 1 == EVIDENCE);
        let routes_at = sections[..ROUTE_OFFSETS].iter().map(Vec::len).sum();
        let lean_sum = checksum(&lean[..routes_at]);
        let routes_sum = checksum(&lean[routes_at..]);
        let lens = sections.iter().map(Vec::len).collect();
        // The evidence is the last section (layout.rs).
        const _: () = assert!(EVIDENCE == SECTIONS - 1);
        let evidence = sections.into_iter().nth(EVIDENCE).unwrap_or_default();
        IndexBody {
            nodes: self.nodes.len(),
            edges: self.edges.len(),
            lens,
            lean,
            lean_sum,
            routes_sum,
            evidence,
        }
    }

    /// The graph of `json` from its index, evidence included, when there is
    /// an index that matches it and is whole; `None` otherwise (the JSON
    /// must then be parsed).
    pub fn from_index(json: &Path) -> Option<Graph> {
        GraphIndex::open(json)?.whole(true).ok()
    }

    /// The same without the evidence (every edge's list is empty), and where
    /// to read it with [`Graph::fill_evidence`].
    pub fn from_index_lean(json: &Path) -> Option<(Graph, EvidenceOnDemand)> {
        let index = GraphIndex::open(json)?;
        let graph = index.whole(false).ok()?;
        Some((graph, EvidenceOnDemand(index)))
    }

    /// Loads a graph file for an answer that shows the evidence of a few
    /// edges at most: from its index without the evidence when one matches
    /// (then [`Graph::fill_evidence`] reads the edges' evidence), else the
    /// whole graph from the JSON, evidence included.
    pub fn load_lean(path: &str) -> crate::Result<(Graph, Option<EvidenceOnDemand>)> {
        if path != "-"
            && let Some((graph, evidence)) = Graph::from_index_lean(Path::new(path))
        {
            return Ok((graph, Some(evidence)));
        }
        Ok((Graph::load(path)?, None))
    }

    /// Reads the evidence of `edges` from the index the graph was loaded
    /// from (nothing to do for a graph loaded whole).
    pub fn fill_evidence(
        &mut self,
        source: Option<&EvidenceOnDemand>,
        edges: impl IntoIterator<Item = usize>,
    ) -> crate::Result<()> {
        let Some(source) = source else {
            return Ok(());
        };
        for i in edges {
            if let Some(edge) = self.edges.get_mut(i)
                && edge.evidence.is_empty()
            {
                edge.evidence = source.0.evidence(i).map_err(damaged)?;
            }
        }
        Ok(())
    }
}

/// An index without its stamp ([`Graph::index_body`]).
pub struct IndexBody {
    nodes: usize,
    edges: usize,
    /// The length of each section.
    lens: Vec<usize>,
    /// The sections before the evidence, one after the other.
    lean: Vec<u8>,
    /// The checksum of the sections before the route network.
    lean_sum: [u64; 2],
    /// The checksum of the route network's sections.
    routes_sum: [u64; 2],
    evidence: Vec<u8>,
}

impl IndexBody {
    /// Stages the index of the graph file just staged as `json` (its
    /// content written, not yet renamed into place), stamped with that file:
    /// commit it after the graph file, so that an index is never in place
    /// before the file it describes.
    pub fn stage(&self, json: &Path, written: &fs::File) -> crate::Result<crate::export::Staged> {
        let stamp = Stamp::of_file(written).map_err(|e| Error::io(json, e))?;
        crate::export::stage(&index_path(json), |out| self.write(&stamp, out))
    }

    fn write(&self, stamp: &Stamp, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        let mut head = Encoder::default();
        head.buf.extend_from_slice(MAGIC);
        head.u32(FORMAT);
        stamp.encode(&mut head);
        head.len(self.nodes);
        head.len(self.edges);
        let mut at = PREAMBLE;
        for &len in &self.lens {
            head.len(at);
            head.len(len);
            at += len;
        }
        let sum = checksum(&head.buf)[0];
        head.u64(sum);
        head.u64(self.lean_sum[0]);
        head.u64(self.lean_sum[1]);
        head.u64(self.routes_sum[0]);
        head.u64(self.routes_sum[1]);
        debug_assert_eq!(head.buf.len(), PREAMBLE);
        out.write_all(&head.buf)?;
        out.write_all(&self.lean)?;
        out.write_all(&self.evidence)
    }
}

/// The error of an index found damaged while it is read.
pub(crate) fn damaged(Corrupt(why): Corrupt) -> Error {
    Error::Invalid(format!("the graph index is damaged: {why}"))
}

/// The evidence of a graph loaded from its index without it, read edge by
/// edge when an answer shows the edge.
pub struct EvidenceOnDemand(GraphIndex);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::tests::sample;

    fn written(dir: &Path) -> (PathBuf, Graph) {
        let g = sample();
        let json = dir.join("g.json");
        let mut buf = Vec::new();
        g.write_json(&mut buf).unwrap();
        fs::write(&json, &buf).unwrap();
        g.write_index(&json).unwrap();
        (json, g)
    }

    #[test]
    fn an_index_gives_back_the_graph() {
        let tmp = tempfile::tempdir().unwrap();
        let (json, g) = written(tmp.path());
        assert_eq!(Graph::from_index(&json).unwrap(), g);
        assert_eq!(Graph::load(json.to_str().unwrap()).unwrap(), g);
    }

    #[test]
    fn the_index_read_in_place_is_the_graph() {
        use crate::graph::view::{GraphView, LeanEdge};
        let tmp = tempfile::tempdir().unwrap();
        let (json, g) = written(tmp.path());
        let index = GraphIndex::open(&json).unwrap();
        assert_eq!(index.header(), &g.header);
        assert_eq!(index.node_count(), g.nodes().len());
        assert_eq!(index.edge_count(), g.edges().len());
        for (v, node) in g.nodes().iter().enumerate() {
            let v = v as crate::graph::NodeIndex;
            assert_eq!(index.node_at(v).as_ref(), node);
            assert_eq!(index.node_by_id(&node.id), Some(v));
            assert_eq!(index.node_kind(v), node.kind);
            assert_eq!(index.node_scopes(v), node.scopes);
            assert_eq!(index.node_dates(v), (node.first, node.last));
            let incident: Vec<usize> = index.incident(v).collect();
            let expected: Vec<usize> = (0..g.edges().len())
                .filter(|&i| g.edges()[i].source == v || g.edges()[i].target == v)
                .collect();
            assert_eq!(incident, expected);
        }
        assert_eq!(index.node_by_id("no-such-actor"), None);
        assert_eq!(index.node_by_id(""), None);
        for (i, edge) in g.edges().iter().enumerate() {
            assert_eq!(index.lean(i), LeanEdge::of(edge));
            assert_eq!(index.edge_kind(i), edge.kind);
            let mut whole = index.edge(i).unwrap();
            whole.evidence = index.evidence(i).unwrap();
            assert_eq!(&whole, edge);
        }
        assert!(index.evidence(g.edges().len()).is_err());
        // A part: the nodes kept and the edges between them, as `filter` makes it.
        let keep = [0, 2];
        let (part, ids) = index
            .subgraph(&keep, |e| e.kind != EdgeKind::Supports, |_| true)
            .unwrap();
        let expected = g.filter(
            |n| keep.contains(&g.node_by_id(&n.id).unwrap()),
            |e| e.kind != EdgeKind::Supports,
        );
        assert_eq!(part, expected);
        assert_eq!(ids.len(), part.edges().len());
        for (j, &i) in ids.iter().enumerate() {
            assert_eq!(g.edges()[i].kind, part.edges()[j].kind);
        }
    }

    #[test]
    fn an_index_of_another_json_is_ignored() {
        let tmp = tempfile::tempdir().unwrap();
        let (json, _) = written(tmp.path());
        let text = fs::read(&json).unwrap();
        // Edited in place, to the same size.
        let mut edited = text.clone();
        let at = edited.iter().position(|&b| b == b'1').unwrap();
        edited[at] = b'2';
        fs::OpenOptions::new()
            .write(true)
            .open(&json)
            .and_then(|mut f| std::io::Write::write_all(&mut f, &edited))
            .unwrap();
        assert!(Graph::from_index(&json).is_none());
        // Rewritten by a new file.
        fs::remove_file(&json).unwrap();
        fs::write(&json, &edited).unwrap();
        assert!(Graph::from_index(&json).is_none());
        // Truncated.
        let (json, _) = written(tmp.path());
        fs::OpenOptions::new()
            .write(true)
            .open(&json)
            .unwrap()
            .set_len(text.len() as u64 - 2)
            .unwrap();
        assert!(Graph::from_index(&json).is_none());
    }

    #[test]
    fn an_index_of_another_format_is_ignored() {
        let tmp = tempfile::tempdir().unwrap();
        let (json, _) = written(tmp.path());
        let index = index_path(&json);
        let good = fs::read(&index).unwrap();
        // Format 3 had no stored route network: its sections would be
        // misread as this format's, so it must never be opened.
        for format in [FORMAT - 1, FORMAT + 1] {
            let mut old = good.clone();
            old[8..12].copy_from_slice(&format.to_le_bytes());
            fs::write(&index, &old).unwrap();
            assert!(GraphIndex::open(&json).is_none(), "format {format}");
            assert!(Graph::from_index(&json).is_none(), "format {format}");
            assert!(Graph::load(json.to_str().unwrap()).is_ok());
        }
        fs::write(&index, &good).unwrap();
        assert!(GraphIndex::open(&json).is_some());
    }

    #[test]
    fn a_damaged_index_is_ignored() {
        use crate::graph::view::GraphView;
        let tmp = tempfile::tempdir().unwrap();
        let (json, g) = written(tmp.path());
        let index = index_path(&json);
        let good = fs::read(&index).unwrap();
        let evidence_len = GraphIndex::open(&json).unwrap().evidence_bytes();
        let routes = GraphIndex::open(&json).unwrap().routes_bytes();
        let in_routes = (routes.start..routes.end).step_by(routes.len() / 5 + 1);
        let flips = (0..good.len())
            .step_by(good.len() / 50 + 1)
            .chain(in_routes);
        for at in flips {
            let mut bad = good.clone();
            bad[at] ^= 0x04;
            fs::write(&index, &bad).unwrap();
            // Read in place, the route network and the evidence are left
            // to check when they are read: everything else is refused when
            // the index is opened. A damaged route network is not used
            // (the graph itself is whole).
            if routes.contains(&at) {
                let opened = GraphIndex::open(&json).expect("opens");
                assert!(opened.stored_routes().is_none(), "flip at {at}, routes");
                assert!(
                    opened.stored_routes().is_none(),
                    "flip at {at}, asked again"
                );
                assert_eq!(Graph::from_index(&json).as_ref(), Some(&g), "flip at {at}");
            } else {
                assert!(Graph::from_index(&json).is_none(), "flip at {at}");
                if at < good.len() - evidence_len {
                    assert!(GraphIndex::open(&json).is_none(), "flip at {at}, in place");
                }
            }
            fs::write(&index, &good[..at]).unwrap();
            assert!(Graph::from_index(&json).is_none(), "cut at {at}");
        }
        fs::write(&index, &good).unwrap();
        let opened = GraphIndex::open(&json).unwrap();
        assert!(opened.stored_routes().is_some());
        fs::write(&index, &good).unwrap();
        assert!(Graph::from_index(&json).is_some());
    }
}
