//! The table of normalized names and their candidates: built when the
//! gazetteer is loaded from its files, or kept encoded when it comes from the
//! compiled cache and decoded on first use. Extraction and `build` never
//! look a name up (the matcher has its own trie), so they never pay for it.

use std::sync::OnceLock;

use rustc_hash::FxHashMap as HashMap;

use super::Candidate;
use crate::codec::{Bin, Blob, Decoder, Encoder};

/// Normalized name → candidates.
pub(super) type NameMap = HashMap<String, Vec<Candidate>>;

/// The names of a gazetteer, decoded at most once.
#[derive(Debug, Clone, Default)]
pub(super) struct Names {
    map: OnceLock<NameMap>,
    /// The encoded table, when it is not decoded yet, and the number of
    /// entities its candidates may point at.
    encoded: Option<(Blob, usize)>,
    count: usize,
}

impl Names {
    /// Names already built.
    pub(super) fn built(map: NameMap) -> Names {
        let count = map.len();
        Names {
            map: OnceLock::from(map),
            encoded: None,
            count,
        }
    }

    /// Names encoded by [`Names::encode`], for `entities` entities: only
    /// the number of names is read now.
    pub(super) fn encoded(bytes: Blob, entities: usize) -> crate::codec::Decoded<Names> {
        let count = Decoder::new(bytes.bytes()).len(1)?;
        Ok(Names {
            map: OnceLock::new(),
            encoded: Some((bytes, entities)),
            count,
        })
    }

    /// The table, decoded on first use. Its bytes passed the cache's
    /// checksum; should they still not decode, the table is empty rather
    /// than wrong.
    pub(super) fn map(&self) -> &NameMap {
        self.map.get_or_init(|| {
            let Some((bytes, entities)) = &self.encoded else {
                return NameMap::default();
            };
            let mut d = Decoder::new(bytes.bytes());
            match NameMap::decode(&mut d) {
                Ok(map)
                    if d.at_end()
                        && map
                            .values()
                            .all(|c| c.iter().all(|c| (c.entity as usize) < *entities)) =>
                {
                    map
                }
                _ => NameMap::default(),
            }
        })
    }

    /// Number of names.
    pub(super) fn len(&self) -> usize {
        self.count
    }

    /// The encoded table.
    pub(super) fn encode(&self, e: &mut Encoder) {
        match (&self.encoded, self.map.get()) {
            (_, Some(map)) => map.encode(e),
            (Some((bytes, _)), None) => e.buf.extend_from_slice(bytes.bytes()),
            (None, None) => NameMap::default().encode(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::Gazetteer;

    #[test]
    fn encoded_names_decode_on_first_use_or_stay_empty() {
        let g = Gazetteer::builtin().unwrap();
        let mut e = Encoder::default();
        g.names.encode(&mut e);
        let names = Names::encoded(Blob::owned(e.buf.clone()), g.entity_count()).unwrap();
        assert_eq!(names.len(), g.name_count());
        assert!(names.map.get().is_none(), "not decoded yet");
        assert_eq!(names.map(), g.names.map());
        // Candidates that point past the entities are not trusted.
        let few = Names::encoded(Blob::owned(e.buf.clone()), 1).unwrap();
        assert!(few.map().is_empty());
        let cut = Names::encoded(
            Blob::owned(e.buf[..e.buf.len() - 3].to_vec()),
            g.entity_count(),
        )
        .unwrap();
        assert!(cut.map().is_empty());
    }
}
