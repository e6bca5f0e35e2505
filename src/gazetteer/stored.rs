//! The entity table and the index of entities by id, either built in memory
//! (a gazetteer loaded from its files) or read in place from a mapped
//! compiled cache: there each entity is a record at an offset the table of
//! offsets gives, decoded the first time it is asked for and kept, so that
//! loading a list of a million entities decodes none of them, and a run
//! decodes only the entities its documents mention.
//!
//! ```text
//! count u64   offsets (count + 1) × u64   records length u64   records
//! slots u64   slots × u32 (entity index + 1, 0 for an empty slot)
//! ```
//!
//! Offsets count from the start of the records. The id index is an
//! open-addressing table keyed by [`id_hash`]; a slot's id is read from its
//! entity's record (a record starts with the id), without decoding it.

use std::sync::{Arc, LazyLock, OnceLock};

use rustc_hash::FxHashMap as HashMap;

use super::{Entity, EntityIndex, EntityType, fnv1a};
use crate::codec::{Bin, Blob, Corrupt, Decoded, Decoder, Encoder, u32_at, u64_at};
use crate::error::Location;

/// The entities of a gazetteer and its index of ids.
#[derive(Debug, Clone)]
pub(super) enum Entities {
    /// Built from the gazetteer's files.
    Owned {
        list: Vec<Entity>,
        by_id: HashMap<String, EntityIndex>,
    },
    /// Read in place from a compiled cache.
    Stored(Arc<Stored>),
}

impl Default for Entities {
    fn default() -> Entities {
        Entities::Owned {
            list: Vec::new(),
            by_id: HashMap::default(),
        }
    }
}

/// The tables of [`Entities::Stored`].
#[derive(Debug)]
pub(super) struct Stored {
    count: usize,
    offsets: Blob,
    records: Blob,
    slots: Blob,
    /// Each entity once decoded; empty cells take 16 bytes an entity.
    decoded: Box<[OnceLock<Box<Entity>>]>,
    /// Every entity, for the commands that read them all.
    all: OnceLock<Vec<Entity>>,
}

/// The hash of an entity id in the index of ids.
fn id_hash(id: &str) -> u64 {
    fnv1a(0xcbf2_9ce4_8422_2325, id.as_bytes()).wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

/// What a record that does not decode reads as. The cache's checksum
/// makes that a damaged file that passed it, which should never be; an
/// empty entity then is better than a panic in the middle of a run.
static UNREADABLE: LazyLock<Entity> = LazyLock::new(|| Entity {
    id: String::new(),
    name: String::new(),
    kind: EntityType::Place,
    names: Vec::new(),
    description: None,
    country: None,
    wikidata: None,
    facts: Vec::new(),
    level: None,
    from: None,
    to: None,
    successor: None,
    checked: None,
    seat: false,
    location: Location {
        file: String::new(),
        line: 0,
        column: 0,
    },
    curated: false,
});

impl Entities {
    /// Entities built in memory.
    pub(super) fn owned(list: Vec<Entity>, by_id: HashMap<String, EntityIndex>) -> Entities {
        Entities::Owned { list, by_id }
    }

    /// Number of entities.
    pub(super) fn len(&self) -> usize {
        match self {
            Entities::Owned { list, .. } => list.len(),
            Entities::Stored(s) => s.count,
        }
    }

    /// Every entity, decoded (all at once, the first time, when stored).
    pub(super) fn all(&self) -> &[Entity] {
        match self {
            Entities::Owned { list, .. } => list,
            Entities::Stored(s) => s
                .all
                .get_or_init(|| (0..s.count).map(|i| s.decode(i)).collect()),
        }
    }

    /// The entity at `index`; panics past the end, as a slice does.
    pub(super) fn get(&self, index: EntityIndex) -> &Entity {
        match self {
            Entities::Owned { list, .. } => &list[index as usize],
            Entities::Stored(s) => {
                s.decoded[index as usize].get_or_init(|| Box::new(s.decode(index as usize)))
            }
        }
    }

    /// The index of the entity with id `id`.
    pub(super) fn by_id(&self, id: &str) -> Option<EntityIndex> {
        match self {
            Entities::Owned { by_id, .. } => by_id.get(id).copied(),
            Entities::Stored(s) => s.by_id(id),
        }
    }

    /// Writes the table and the index of ids (see the module documentation).
    pub(super) fn encode(&self, e: &mut Encoder) {
        let list = self.all();
        let mut records = Encoder::default();
        let mut offsets = Vec::with_capacity(list.len() + 1);
        for entity in list {
            offsets.push(records.buf.len() as u64);
            entity.encode(&mut records);
        }
        offsets.push(records.buf.len() as u64);
        e.len(list.len());
        for offset in offsets {
            e.u64(offset);
        }
        e.bytes(&records.buf);
        let size = (2 * list.len()).max(16).next_power_of_two();
        let mut slots = vec![0u32; size];
        for (index, entity) in list.iter().enumerate() {
            let mut slot = (id_hash(&entity.id) >> (64 - size.trailing_zeros())) as usize;
            while slots[slot] != 0 {
                slot = (slot + 1) & (size - 1);
            }
            slots[slot] = index as u32 + 1;
        }
        e.len(size);
        for slot in slots {
            e.u32(slot);
        }
    }

    /// Reads what [`Entities::encode`] wrote, from `d`, a decoder of
    /// `file`'s bytes: only the sizes of the tables, which must fit.
    pub(super) fn decode(d: &mut Decoder<'_>, file: &Blob) -> Decoded<Entities> {
        let count = d.len(8)?;
        if count >= u32::MAX as usize {
            return Err(Corrupt::new("too many entities"));
        }
        let at = d.position();
        d.take((count + 1) * 8)?;
        let offsets = file.part(at, (count + 1) * 8)?;
        let records = file.next_bytes(d)?;
        let size = d.len(4)?;
        if size < 16 || !size.is_power_of_two() || size <= count {
            return Err(Corrupt::new("the index of entity ids has a wrong size"));
        }
        let at = d.position();
        d.take(size * 4)?;
        let slots = file.part(at, size * 4)?;
        let last = u64_at(offsets.bytes(), count * 8);
        if last != records.bytes().len() as u64 || u64_at(offsets.bytes(), 0) != 0 {
            return Err(Corrupt::new("the entity table's offsets do not span it"));
        }
        Ok(Entities::Stored(Arc::new(Stored {
            count,
            offsets,
            records,
            slots,
            decoded: (0..count).map(|_| OnceLock::new()).collect(),
            all: OnceLock::new(),
        })))
    }
}

impl Stored {
    /// The bytes of entity `index`'s record, if its offsets are in order.
    fn record(&self, index: usize) -> Option<&[u8]> {
        let offsets = self.offsets.bytes();
        let start = usize::try_from(u64_at(offsets, index * 8)).ok()?;
        let end = usize::try_from(u64_at(offsets, index * 8 + 8)).ok()?;
        self.records.bytes().get(start..end)
    }

    fn decode(&self, index: usize) -> Entity {
        let entity = self.record(index).and_then(|bytes| {
            let mut d = Decoder::new(bytes);
            Entity::decode(&mut d).ok().filter(|_| d.at_end())
        });
        entity.unwrap_or_else(|| UNREADABLE.clone())
    }

    /// The id of entity `index`, read from its record.
    fn id(&self, index: usize) -> Option<&str> {
        Decoder::new(self.record(index)?).str().ok()
    }

    fn by_id(&self, id: &str) -> Option<EntityIndex> {
        let slots = self.slots.bytes();
        let size = slots.len() / 4;
        let mut slot = (id_hash(id) >> (64 - size.trailing_zeros())) as usize;
        // A whole turn at most: a damaged table may have no empty slot.
        for _ in 0..size {
            let entity = u32_at(slots, slot * 4);
            if entity == 0 {
                return None;
            }
            let index = entity as usize - 1;
            if index < self.count && self.id(index) == Some(id) {
                return Some(index as EntityIndex);
            }
            slot = (slot + 1) & (size - 1);
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::Gazetteer;

    #[test]
    fn stored_entities_are_the_built_ones() {
        let g = Gazetteer::builtin().unwrap();
        let built = &g.entities;
        let mut e = Encoder::default();
        built.encode(&mut e);
        let file = Blob::owned(e.buf.clone());
        let mut d = Decoder::new(file.bytes());
        let stored = Entities::decode(&mut d, &file).unwrap();
        assert!(d.at_end());
        assert_eq!(stored.len(), built.len());
        for (i, entity) in built.all().iter().enumerate() {
            assert_eq!(stored.get(i as EntityIndex), entity);
            assert_eq!(stored.by_id(&entity.id), Some(i as EntityIndex));
        }
        assert_eq!(stored.all(), built.all());
        assert_eq!(stored.by_id("no-such-entity"), None);
        // A record that does not decode reads as the unreadable entity.
        let Entities::Stored(s) = &stored else {
            panic!("stored")
        };
        let broken = Stored {
            count: s.count,
            offsets: s.offsets.clone(),
            records: s.records.part(0, 3).unwrap(),
            slots: s.slots.clone(),
            decoded: (0..s.count).map(|_| OnceLock::new()).collect(),
            all: OnceLock::new(),
        };
        assert_eq!(broken.decode(0).id, "");
        assert_eq!(broken.by_id(&built.all()[0].id), None);
        // Sizes that do not fit are refused.
        for cut in [0, 8, 100, e.buf.len() - 1] {
            let file = Blob::owned(e.buf[..cut].to_vec());
            assert!(Entities::decode(&mut Decoder::new(file.bytes()), &file).is_err());
        }
    }
}
