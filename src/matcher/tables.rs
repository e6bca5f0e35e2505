//! The trie's tables as fixed-width records in bytes: its edges (an
//! open-addressing table keyed by parent and word), its nodes, the
//! candidates of its names and each entity's roles. A built matcher writes
//! them into memory; a matcher from the compiled cache reads them where they
//! lie in the mapped file. Every read is bounded: a record past the end of a
//! damaged table reads as nothing (no edge, an empty node, no candidate),
//! never out of bounds.
//!
//! ```text
//! edge slot   key u64 (parent << 32 | word), child u32, 0 u32  (child 0: empty)
//! node        first u32, end u32, has_children u32
//! candidate   entity u32, kind u8, flags u8, 0 u16, from 8 bytes, to 8 bytes
//! ```

use std::ops::Deref;

use super::{Node, NodeId, WordId, edge_key};
use crate::codec::{Blob, Corrupt, Decoded, Decoder, Encoder, record, u32_at, u32_in, u64_in};
use crate::date::Date;
use crate::gazetteer::{Candidate, EntityIndex, MentionKind};

/// Bytes of an edge slot, a node, a candidate.
const EDGE: usize = 16;
const NODE: usize = 12;
const CANDIDATE: usize = 24;

/// Multiplier of the edge hash.
const EDGE_K: u64 = 0x9e37_79b9_7f4a_7c15;

const KINDS: [MentionKind; 5] = [
    MentionKind::Name,
    MentionKind::Acronym,
    MentionKind::Demonym,
    MentionKind::Title,
    MentionKind::Reference,
];

/// See the module documentation.
#[derive(Debug, Clone)]
pub(super) struct Tables {
    edges: Blob,
    /// Right shift that turns an edge's hash into a slot (its top bits).
    edge_shift: u32,
    nodes: Blob,
    candidates: Blob,
    roles: Blob,
}

/// The edges and nodes, borrowed for a walk.
#[derive(Clone, Copy)]
pub(super) struct Trie<'a> {
    edges: &'a [u8],
    edge_shift: u32,
    nodes: &'a [u8],
}

impl Trie<'_> {
    /// The node `id`; an empty one past the end.
    #[inline(always)]
    pub(super) fn node(&self, id: NodeId) -> Node {
        match record::<NODE>(self.nodes, id as usize) {
            Some(b) => Node {
                first: u32_in(b, 0),
                end: u32_in(b, 4),
                has_children: u32_in(b, 8) != 0,
            },
            None => Node::default(),
        }
    }

    /// The child of `node` along `word`.
    #[inline(always)]
    pub(super) fn child(&self, node: NodeId, word: WordId) -> Option<NodeId> {
        let key = edge_key(node, word);
        let slots = self.edges.len() / EDGE;
        let mut i = (key.wrapping_mul(EDGE_K) >> self.edge_shift) as usize;
        // A whole turn at most: a damaged table may have no empty slot.
        for _ in 0..slots {
            let slot = record::<EDGE>(self.edges, i)?;
            let child = u32_in(slot, 8);
            if child == 0 {
                return None;
            }
            if u64_in(slot, 0) == key {
                return Some(child);
            }
            i = (i + 1) & (slots - 1);
        }
        None
    }
}

/// The candidates of one name, decoded: most names have one or two.
pub(super) enum Candidates {
    Few([Candidate; 4], usize),
    Many(Vec<Candidate>),
}

impl Deref for Candidates {
    type Target = [Candidate];
    fn deref(&self) -> &[Candidate] {
        match self {
            Candidates::Few(list, n) => &list[..*n],
            Candidates::Many(list) => list,
        }
    }
}

/// Fills the unused places of [`Candidates::Few`].
const NO_CANDIDATE: Candidate = Candidate {
    entity: 0,
    kind: MentionKind::Name,
    generated: false,
    common_word: false,
    capitalized: false,
    bulk_surname: false,
    from: None,
    to: None,
    title_case: false,
    surname: false,
    local: false,
};

impl Tables {
    /// The tables of a trie just built.
    pub(super) fn new(
        edges: &rustc_hash::FxHashMap<u64, NodeId>,
        nodes: &[Node],
        candidates: &[Candidate],
        roles: Vec<u8>,
    ) -> Tables {
        let slots = (2 * edges.len()).max(16).next_power_of_two();
        let edge_shift = 64 - slots.trailing_zeros();
        let mut table = vec![0u8; slots * EDGE];
        // In key order, so that the same trie always writes the same table.
        let mut sorted: Vec<(u64, NodeId)> = edges.iter().map(|(&k, &v)| (k, v)).collect();
        sorted.sort_unstable();
        for (key, child) in sorted {
            let mut i = (key.wrapping_mul(EDGE_K) >> edge_shift) as usize;
            while u32_at(&table, i * EDGE + 8) != 0 {
                i = (i + 1) & (slots - 1);
            }
            table[i * EDGE..i * EDGE + 8].copy_from_slice(&key.to_le_bytes());
            table[i * EDGE + 8..i * EDGE + 12].copy_from_slice(&child.to_le_bytes());
        }
        let mut node_bytes = Vec::with_capacity(nodes.len() * NODE);
        for n in nodes {
            node_bytes.extend_from_slice(&n.first.to_le_bytes());
            node_bytes.extend_from_slice(&n.end.to_le_bytes());
            node_bytes.extend_from_slice(&u32::from(n.has_children).to_le_bytes());
        }
        let mut candidate_bytes = Vec::with_capacity(candidates.len() * CANDIDATE);
        for c in candidates {
            put_candidate(&mut candidate_bytes, c);
        }
        Tables {
            edges: Blob::owned(table),
            edge_shift,
            nodes: Blob::owned(node_bytes),
            candidates: Blob::owned(candidate_bytes),
            roles: Blob::owned(roles),
        }
    }

    /// The edges and nodes, for a walk.
    #[inline(always)]
    pub(super) fn trie(&self) -> Trie<'_> {
        Trie {
            edges: self.edges.bytes(),
            edge_shift: self.edge_shift,
            nodes: self.nodes.bytes(),
        }
    }

    /// The node `id`; an empty one past the end.
    pub(super) fn node(&self, id: NodeId) -> Node {
        self.trie().node(id)
    }

    /// The candidates of the name that ends at `node`, in order; those that
    /// name no entity of the gazetteer are left out.
    pub(super) fn candidates(&self, node: Node) -> Candidates {
        let bytes = self.candidates.bytes();
        let entities = self.roles.bytes().len();
        let mut out = Candidates::Few([NO_CANDIDATE; 4], 0);
        for i in node.first as usize..node.end as usize {
            let Some(b) = record::<CANDIDATE>(bytes, i) else {
                break;
            };
            let Some(c) = candidate_at(b).filter(|c| (c.entity as usize) < entities) else {
                continue;
            };
            match &mut out {
                Candidates::Few(few, n) if *n < few.len() => {
                    few[*n] = c;
                    *n += 1;
                }
                Candidates::Few(few, _) => {
                    let mut many = few.to_vec();
                    many.push(c);
                    out = Candidates::Many(many);
                }
                Candidates::Many(many) => many.push(c),
            }
        }
        out
    }

    /// What `entity` may do in context (`context::PERSON`, …).
    pub(super) fn role(&self, entity: EntityIndex) -> u8 {
        self.roles
            .bytes()
            .get(entity as usize)
            .copied()
            .unwrap_or(0)
    }

    /// Writes the tables.
    pub(super) fn encode(&self, e: &mut Encoder) {
        e.u32(self.edge_shift);
        e.bytes(self.edges.bytes());
        e.bytes(self.nodes.bytes());
        e.bytes(self.candidates.bytes());
        e.bytes(self.roles.bytes());
    }

    /// Reads what [`Tables::encode`] wrote from `d`, a decoder of `file`'s
    /// bytes, for a gazetteer of `entities` entities: the tables stay in
    /// `file`; their sizes are checked.
    pub(super) fn decode(d: &mut Decoder<'_>, file: &Blob, entities: usize) -> Decoded<Tables> {
        let edge_shift = d.u32()?;
        let edges = file.next_bytes(d)?;
        let nodes = file.next_bytes(d)?;
        let candidates = file.next_bytes(d)?;
        let roles = file.next_bytes(d)?;
        let slots = edges.bytes().len() / EDGE;
        if edges.bytes().len() % EDGE != 0
            || slots < 16
            || !slots.is_power_of_two()
            || edge_shift != 64 - slots.trailing_zeros()
        {
            return Err(Corrupt::new("the trie's edge table has a wrong size"));
        }
        if nodes.bytes().is_empty()
            || nodes.bytes().len() % NODE != 0
            || candidates.bytes().len() % CANDIDATE != 0
            || roles.bytes().len() != entities
        {
            return Err(Corrupt::new("a table of the name trie has a wrong size"));
        }
        Ok(Tables {
            edges,
            edge_shift,
            nodes,
            candidates,
            roles,
        })
    }
}

/// Appends a candidate's record.
fn put_candidate(out: &mut Vec<u8>, c: &Candidate) {
    out.extend_from_slice(&c.entity.to_le_bytes());
    out.push(KINDS.iter().position(|&k| k == c.kind).unwrap_or(0) as u8);
    let flags = [
        c.generated,
        c.common_word,
        c.capitalized,
        c.bulk_surname,
        c.title_case,
        c.surname,
        c.local,
    ];
    let bits = flags
        .iter()
        .enumerate()
        .fold(0u8, |acc, (i, &f)| acc | (u8::from(f) << i));
    out.extend_from_slice(&[bits, 0, 0]);
    for date in [c.from, c.to] {
        crate::codec::put_date(out, date);
    }
}

/// The candidate of a record, if it is one.
#[inline]
fn candidate_at(b: &[u8; CANDIDATE]) -> Option<Candidate> {
    let kind = *KINDS.get(usize::from(b[4]))?;
    let bits = b[5];
    let flag = |i: u8| bits & (1 << i) != 0;
    let date = |at: usize| -> Option<Option<Date>> {
        if b[at] == 0 {
            return Some(None);
        }
        let year = u32_in(b, at + 1) as i32;
        Date::new(year, b[at + 5], b[at + 6]).map(Some)
    };
    Some(Candidate {
        entity: u32_in(b, 0),
        kind,
        generated: flag(0),
        common_word: flag(1),
        capitalized: flag(2),
        bulk_surname: flag(3),
        title_case: flag(4),
        surname: flag(5),
        local: flag(6),
        from: date(8)?,
        to: date(16)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn candidates_come_back_and_damage_reads_as_nothing() {
        let c = Candidate {
            entity: 7,
            kind: MentionKind::Acronym,
            capitalized: true,
            local: true,
            from: Date::new(2011, 3, 0),
            to: Date::new(2024, 12, 8),
            ..NO_CANDIDATE
        };
        let mut out = Vec::new();
        put_candidate(&mut out, &c);
        assert_eq!(out.len(), CANDIDATE);
        let rec = record::<CANDIDATE>(&out, 0).unwrap();
        assert_eq!(candidate_at(rec), Some(c));
        let mut bad = *rec;
        bad[4] = 9;
        assert_eq!(candidate_at(&bad), None);
        bad[4] = 0;
        bad[16] = 1;
        bad[21] = 13;
        assert_eq!(candidate_at(&bad), None, "a month 13");
        assert_eq!(record::<CANDIDATE>(&out[..20], 0), None);
        // Six candidates of two entities: the one past the gazetteer's
        // entities is left out.
        let list: Vec<Candidate> = (0..6).map(|i| Candidate { entity: i % 3, ..c }).collect();
        let node = Node {
            first: 0,
            end: 6,
            has_children: false,
        };
        let tables = Tables::new(&Default::default(), &[node], &list, vec![0, 0]);
        let got = tables.candidates(node);
        assert_eq!(got.len(), 4);
        assert!(got.iter().all(|c| c.entity < 2));
        // A node whose range runs past the table reads what is there.
        let past = Node { end: 99, ..node };
        assert_eq!(tables.candidates(past).len(), 4);
        assert_eq!(tables.trie().node(5), Node::default());
        assert_eq!(tables.trie().child(0, 3), None);
    }
}
