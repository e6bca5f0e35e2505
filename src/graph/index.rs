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
//! carry a checksum too, and decoding checks every node index, so a damaged
//! index is ignored as well: the JSON is then parsed as without one.

use std::fs;
use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

use super::store::mapped::FileBytes;
use super::{Association, Edge, EdgeKind, Evidence, Graph, Header, Node, SurfaceForm};
use crate::codec::{Bin, Corrupt, Decoded, Decoder, Encoder, checksum, decode_enum, encode_enum};
use crate::error::Error;
use crate::gazetteer::EntityType;

/// What the index file's name adds to the graph file's.
pub const INDEX_SUFFIX: &str = ".idx";

/// The first bytes of an index.
const MAGIC: &[u8; 8] = b"AGGRIDX\0";

/// The number of this format; a change of any encoded type bumps it.
const FORMAT: u32 = 2;

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
        let mut file = fs::File::open(path)?;
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

const ENTITY_TYPES: [EntityType; 3] = [EntityType::Person, EntityType::Group, EntityType::Place];

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

impl Bin for Association {
    fn encode(&self, e: &mut Encoder) {
        self.npmi.encode(e);
        self.assoc.encode(e);
        self.jaccard.encode(e);
        self.llr.encode(e);
    }
    fn decode(d: &mut Decoder<'_>) -> Decoded<Association> {
        Ok(Association {
            npmi: Bin::decode(d)?,
            assoc: Bin::decode(d)?,
            jaccard: Bin::decode(d)?,
            llr: Bin::decode(d)?,
        })
    }
}

/// The header as its JSON text: it is small, and its option and count maps
/// hold any JSON value.
fn encode_header(header: &Header, e: &mut Encoder) {
    let text = serde_json::to_string(header).unwrap_or_default();
    text.encode(e);
}

fn decode_header(d: &mut Decoder<'_>) -> Decoded<Header> {
    serde_json::from_str(d.str()?).map_err(|_| Corrupt::new("the header is not JSON"))
}

/// An edge without its evidence, which the index keeps apart.
struct LeanEdge<'a>(&'a Edge);

impl LeanEdge<'_> {
    fn encode(&self, e: &mut Encoder) {
        let edge = self.0;
        edge.source.encode(e);
        edge.target.encode(e);
        encode_enum(e, &edge.kind, &EdgeKind::ALL);
        edge.directed.encode(e);
        edge.weight.encode(e);
        edge.docs.encode(e);
        edge.first.encode(e);
        edge.last.encode(e);
        edge.triggers.encode(e);
        edge.rules.encode(e);
        edge.association.encode(e);
        edge.alpha.encode(e);
    }

    fn decode(d: &mut Decoder<'_>) -> Decoded<Edge> {
        Ok(Edge {
            source: Bin::decode(d)?,
            target: Bin::decode(d)?,
            kind: decode_enum(d, &EdgeKind::ALL, "edge type")?,
            directed: Bin::decode(d)?,
            weight: Bin::decode(d)?,
            docs: Bin::decode(d)?,
            first: Bin::decode(d)?,
            last: Bin::decode(d)?,
            triggers: Bin::decode(d)?,
            rules: Bin::decode(d)?,
            evidence: Vec::new(),
            association: Bin::decode(d)?,
            alpha: Bin::decode(d)?,
        })
    }
}

/// The evidence of a graph loaded from its index without it, read edge by
/// edge when an answer shows the edge.
pub struct EvidenceOnDemand {
    bytes: FileBytes,
    /// Where each edge's `(start, end, checksum)` is in `bytes`.
    table: usize,
    /// Where the evidence lists start in `bytes`.
    blob: usize,
    edges: usize,
}

impl EvidenceOnDemand {
    /// The evidence of edge `i`, checked against its checksum.
    fn read(&self, i: usize) -> Decoded<Vec<Evidence>> {
        if i >= self.edges {
            return Err(Corrupt::new("no such edge"));
        }
        let mut d = Decoder::new(&self.bytes[self.table + 24 * i..]);
        let (start, end, sum) = (d.u64()?, d.u64()?, d.u64()?);
        let blob = &self.bytes[self.blob..];
        let (Ok(start), Ok(end)) = (usize::try_from(start), usize::try_from(end)) else {
            return Err(Corrupt::new("evidence out of range"));
        };
        let bytes = blob
            .get(start..end)
            .ok_or_else(|| Corrupt::new("evidence out of range"))?;
        if checksum(bytes)[0] != sum {
            return Err(Corrupt::new("damaged evidence"));
        }
        let mut d = Decoder::new(bytes);
        let evidence = Vec::<Evidence>::decode(&mut d)?;
        if !d.at_end() {
            return Err(Corrupt::new("damaged evidence"));
        }
        Ok(evidence)
    }
}

impl Graph {
    /// Writes the index of this graph beside `json`, the graph file it was
    /// just written to (or read from), stamped with that file as it is now.
    ///
    /// The index holds the header, the nodes and the edges without their
    /// evidence (covered by one checksum), then a table of where each edge's
    /// evidence is, with its own checksum, and the evidence itself: a query
    /// reads only the evidence of the edges it shows.
    pub fn write_index(&self, json: &Path) -> crate::Result<PathBuf> {
        let stamp = Stamp::of(json).map_err(|e| Error::io(json, e))?;
        let mut lean = Encoder::default();
        encode_header(&self.header, &mut lean);
        self.nodes.encode(&mut lean);
        lean.len(self.edges.len());
        for edge in &self.edges {
            LeanEdge(edge).encode(&mut lean);
        }
        let mut blob = Encoder::default();
        for edge in &self.edges {
            let start = blob.buf.len();
            edge.evidence.encode(&mut blob);
            lean.len(start);
            lean.len(blob.buf.len());
            lean.u64(checksum(&blob.buf[start..])[0]);
        }
        let mut head = Encoder::default();
        head.buf.extend_from_slice(MAGIC);
        head.u32(FORMAT);
        stamp.encode(&mut head);
        head.len(lean.buf.len());
        head.len(blob.buf.len());
        let sum = checksum(&lean.buf);
        head.u64(sum[0]);
        head.u64(sum[1]);
        let path = index_path(json);
        crate::export::write_atomic(&path, |out| {
            out.write_all(&head.buf)?;
            out.write_all(&lean.buf)?;
            out.write_all(&blob.buf)
        })?;
        Ok(path)
    }

    /// The graph of `json` from its index, evidence included, when there is
    /// an index that matches it and is whole; `None` otherwise (the JSON
    /// must then be parsed).
    pub fn from_index(json: &Path) -> Option<Graph> {
        let (mut graph, evidence) = Graph::from_index_lean(json)?;
        for (i, edge) in graph.edges.iter_mut().enumerate() {
            edge.evidence = evidence.read(i).ok()?;
        }
        Some(graph)
    }

    /// The same without the evidence (every edge's list is empty), and where
    /// to read it with [`Graph::fill_evidence`].
    pub fn from_index_lean(json: &Path) -> Option<(Graph, EvidenceOnDemand)> {
        let file = fs::File::open(index_path(json)).ok()?;
        let bytes = FileBytes::of(file).ok()?;
        let stamp = Stamp::of(json).ok()?;
        decode_index(bytes, stamp).ok()
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
                edge.evidence = source.read(i).map_err(|Corrupt(why)| {
                    Error::Invalid(format!("the graph index is damaged: {why}"))
                })?;
            }
        }
        Ok(())
    }
}

/// Decodes an index whose JSON is now `stamp`, leaving the evidence in it.
fn decode_index(bytes: FileBytes, stamp: Stamp) -> Decoded<(Graph, EvidenceOnDemand)> {
    let mut d = Decoder::new(&bytes);
    if d.take(8)? != MAGIC || d.u32()? != FORMAT {
        return Err(Corrupt::new("not an index of this format"));
    }
    if Stamp::decode(&mut d)? != stamp {
        return Err(Corrupt::new("the graph file changed"));
    }
    let too_long = |_| Corrupt::new("too long");
    let lean_len = usize::try_from(d.u64()?).map_err(too_long)?;
    let blob_len = usize::try_from(d.u64()?).map_err(too_long)?;
    let sum = [d.u64()?, d.u64()?];
    let lean_at = d.position();
    let lean = d.take(lean_len)?;
    d.take(blob_len)?;
    if !d.at_end() || checksum(lean) != sum {
        return Err(Corrupt::new("damaged"));
    }
    let mut d = Decoder::new(lean);
    let header = decode_header(&mut d)?;
    let nodes: Vec<Node> = Bin::decode(&mut d)?;
    let count = d.len(16)?;
    let mut edges = Vec::with_capacity(count);
    for _ in 0..count {
        edges.push(LeanEdge::decode(&mut d)?);
    }
    let table = lean_at + d.position();
    d.take(24 * count)?;
    let nodes_count = nodes.len() as u64;
    if !d.at_end()
        || edges
            .iter()
            .any(|e| u64::from(e.source) >= nodes_count || u64::from(e.target) >= nodes_count)
    {
        return Err(Corrupt::new("an edge names no node"));
    }
    let by_id = nodes
        .iter()
        .enumerate()
        .map(|(i, n)| (n.id.clone(), i as super::NodeIndex))
        .collect();
    let blob = lean_at + lean_len;
    let graph = Graph {
        header,
        nodes,
        edges,
        by_id,
    };
    let evidence = EvidenceOnDemand {
        bytes,
        table,
        blob,
        edges: count,
    };
    Ok((graph, evidence))
}

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
    fn a_damaged_index_is_ignored() {
        let tmp = tempfile::tempdir().unwrap();
        let (json, _) = written(tmp.path());
        let index = index_path(&json);
        let good = fs::read(&index).unwrap();
        for at in (0..good.len()).step_by(good.len() / 50 + 1) {
            let mut bad = good.clone();
            bad[at] ^= 0x04;
            fs::write(&index, &bad).unwrap();
            assert!(Graph::from_index(&json).is_none(), "flip at {at}");
            fs::write(&index, &good[..at]).unwrap();
            assert!(Graph::from_index(&json).is_none(), "cut at {at}");
        }
        fs::write(&index, &good).unwrap();
        assert!(Graph::from_index(&json).is_some());
    }
}
