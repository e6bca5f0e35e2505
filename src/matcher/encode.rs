//! The binary form of a built [`Matcher`], for the compiled gazetteer cache:
//! the vocabulary's table, the trie's nodes and edges and the candidates as
//! flat arrays. Decoding checks every index the scan follows, so a damaged
//! file cannot make a scan read out of bounds or loop.

use super::words::{Entry, Vocabulary};
use super::*;
use crate::codec::{Bin, Corrupt, Decoded, Decoder, Encoder};

impl Bin for Word {
    const MIN_SIZE: usize = 8;
    fn encode(&self, e: &mut Encoder) {
        e.u32(self.id);
        e.u32(self.root_child);
    }
    fn decode(d: &mut Decoder<'_>) -> Decoded<Word> {
        Ok(Word {
            id: d.u32()?,
            root_child: d.u32()?,
        })
    }
}

impl Bin for Entry {
    const MIN_SIZE: usize = 24;
    fn encode(&self, e: &mut Encoder) {
        e.u64(self.head);
        e.u32(self.len);
        e.u32(self.start);
        self.word.encode(e);
    }
    fn decode(d: &mut Decoder<'_>) -> Decoded<Entry> {
        Ok(Entry {
            head: d.u64()?,
            len: d.u32()?,
            start: d.u32()?,
            word: Word::decode(d)?,
        })
    }
}

impl Bin for Node {
    const MIN_SIZE: usize = 9;
    fn encode(&self, e: &mut Encoder) {
        e.u32(self.first);
        e.u32(self.end);
        self.has_children.encode(e);
    }
    fn decode(d: &mut Decoder<'_>) -> Decoded<Node> {
        Ok(Node {
            first: d.u32()?,
            end: d.u32()?,
            has_children: bool::decode(d)?,
        })
    }
}

/// Bytes as one run, not byte by byte.
fn encode_bytes(bytes: &[u8], e: &mut Encoder) {
    e.bytes(bytes);
}

impl Matcher {
    /// Writes the matcher's tables; its context is the gazetteer's, written
    /// with the gazetteer.
    pub(crate) fn encode(&self, e: &mut Encoder) {
        let v = &self.vocabulary;
        v.table.encode(e);
        v.shift.encode(e);
        v.entries.encode(e);
        encode_bytes(&v.tails, e);
        self.edges.encode(e);
        self.nodes.encode(e);
        self.candidates.encode(e);
        self.name_count.encode(e);
        encode_bytes(&self.roles, e);
    }

    /// Reads what [`Matcher::encode`] wrote, for `gazetteer`.
    pub(crate) fn decode(d: &mut Decoder<'_>, gazetteer: &Gazetteer) -> Decoded<Matcher> {
        let vocabulary = Vocabulary {
            table: Bin::decode(d)?,
            shift: Bin::decode(d)?,
            entries: Bin::decode(d)?,
            tails: d.bytes()?.to_vec(),
            filter: Default::default(),
        }
        .filtered();
        let matcher = Matcher {
            vocabulary,
            edges: Bin::decode(d)?,
            nodes: Bin::decode(d)?,
            candidates: Bin::decode(d)?,
            name_count: Bin::decode(d)?,
            context: gazetteer.shared_context(),
            roles: d.bytes()?.to_vec(),
        };
        matcher
            .check(gazetteer.entities().len())
            .map(|()| matcher)
            .map_err(Corrupt::new)
    }

    /// Checks every index a scan follows.
    fn check(&self, entities: usize) -> Result<(), &'static str> {
        let v = &self.vocabulary;
        let size = v.table.len();
        if size < 16 || !size.is_power_of_two() || v.shift != 64 - size.trailing_zeros() {
            return Err("the word table has a wrong size");
        }
        if !v.table.iter().any(|&(tag, _)| tag == 0) {
            return Err("the word table is full");
        }
        let nodes = self.nodes.len();
        let node_ok = |n: NodeId| n == NO_NODE || (n as usize) < nodes;
        if v.table
            .iter()
            .any(|&(tag, i)| tag != 0 && i as usize >= v.entries.len())
            || v.entries.iter().any(|e| {
                (e.len > 8 && e.start as usize + e.len as usize - 8 > v.tails.len())
                    || !node_ok(e.word.root_child)
            })
            || self.edges.values().any(|&n| n as usize >= nodes)
            || nodes == 0
        {
            return Err("a word or an edge of the name trie points nowhere");
        }
        let candidates = self.candidates.len();
        if self
            .nodes
            .iter()
            .any(|n| n.first > n.end || n.end as usize > candidates)
            || self
                .candidates
                .iter()
                .any(|c| c.entity as usize >= entities)
            || self.roles.len() != entities
        {
            return Err("a name of the trie points at no candidate or entity");
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_decoded_matcher_finds_what_the_built_one_finds() {
        let g = Gazetteer::builtin().unwrap();
        let built = Matcher::new(&g).unwrap();
        let mut e = Encoder::default();
        built.encode(&mut e);
        let mut d = Decoder::new(&e.buf);
        let back = Matcher::decode(&mut d, &g).unwrap();
        assert!(d.at_end());
        let text = "Iraq's prime minister met Hezbollah and the PMF in Baghdad; \
                    Assad's regime and HTS fought near Idlib province.";
        let options = MatchOptions::default();
        assert_eq!(back.find(text, options), built.find(text, options));
        assert!(!built.find(text, options).is_empty());
        // A damaged index is refused, not followed.
        let mut bad = back.clone();
        bad.nodes[0].end = u32::MAX;
        assert!(bad.check(g.entities().len()).is_err());
    }
}
