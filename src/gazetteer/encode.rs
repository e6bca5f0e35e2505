//! The binary form of a loaded gazetteer, for its compiled cache
//! ([`super::cache`]): entities, names, problems and the context tables,
//! field by field, so that loading the cache gives back exactly what loading
//! the files gave.

use std::sync::Arc;

use super::context::{Government, Leadership, Led};
use super::countries::Countries;
use super::names::Names;
use super::stored::Entities;
use super::{
    Candidate, Context, Entity, EntityType, Fact, FactOrigin, Gazetteer, MentionKind, Name,
    PlaceLevel, Problem, Severity, Term,
};
use crate::codec::{Bin, Blob, Corrupt, Decoded, Decoder, Encoder, decode_enum, encode_enum};
use crate::graph::kind::EdgeKind;

const ENTITY_TYPES: [EntityType; 3] = [EntityType::Person, EntityType::Group, EntityType::Place];
const MENTION_KINDS: [MentionKind; 5] = [
    MentionKind::Name,
    MentionKind::Acronym,
    MentionKind::Demonym,
    MentionKind::Title,
    MentionKind::Reference,
];
const ORIGINS: [FactOrigin; 3] = [
    FactOrigin::Role,
    FactOrigin::Affiliation,
    FactOrigin::Containment,
];
const SEVERITIES: [Severity; 2] = [Severity::Warning, Severity::Error];

macro_rules! enum_bin {
    ($t:ty, $all:expr, $what:literal) => {
        impl Bin for $t {
            fn encode(&self, e: &mut Encoder) {
                encode_enum(e, self, &$all);
            }
            fn decode(d: &mut Decoder<'_>) -> Decoded<$t> {
                decode_enum(d, &$all, $what)
            }
        }
    };
}

enum_bin!(EntityType, ENTITY_TYPES, "entity type");
enum_bin!(MentionKind, MENTION_KINDS, "mention kind");
enum_bin!(FactOrigin, ORIGINS, "fact origin");
enum_bin!(Severity, SEVERITIES, "severity");
enum_bin!(PlaceLevel, PlaceLevel::ALL, "place level");
enum_bin!(EdgeKind, EdgeKind::ALL, "edge type");

/// Encodes or decodes the listed fields of a struct, in order.
macro_rules! struct_bin {
    ($t:ident { $($field:ident),* $(,)? }) => {
        impl Bin for $t {
            fn encode(&self, e: &mut Encoder) {
                $( self.$field.encode(e); )*
            }
            fn decode(d: &mut Decoder<'_>) -> Decoded<$t> {
                Ok($t { $( $field: Bin::decode(d)?, )* })
            }
        }
    };
}

struct_bin!(Entity {
    id,
    name,
    kind,
    names,
    description,
    country,
    wikidata,
    facts,
    level,
    from,
    to,
    successor,
    checked,
    seat,
    location,
    curated,
});
struct_bin!(Name {
    text,
    kind,
    ambiguous,
    line,
    from,
    to,
    title_case,
    local,
});
struct_bin!(Fact {
    kind,
    target,
    title,
    from,
    to,
    shared,
    origin,
    location,
});
struct_bin!(Problem {
    location,
    severity,
    message,
});
struct_bin!(Candidate {
    entity,
    kind,
    generated,
    common_word,
    capitalized,
    bulk_surname,
    from,
    to,
    title_case,
    surname,
    local,
});
struct_bin!(Term {
    person,
    title,
    from,
    to,
});
struct_bin!(Leadership { led, from, to });
struct_bin!(Government { group, from, to });
struct_bin!(Context {
    titles,
    title_starts,
    title_ends,
    held,
    longest_title,
    office_names,
    terms,
    with_offices,
    qualifiers,
    not_the_holder,
    before_surnames,
    followers,
    leaders,
    governments,
    governorate_named,
    city_named,
    own_words,
    countries,
});
struct_bin!(Countries {
    parent,
    states,
    local,
});

impl Bin for Led {
    fn encode(&self, e: &mut Encoder) {
        let (tag, index) = match self {
            Led::Group(i) => (0, i),
            Led::State(i) => (1, i),
        };
        e.u8(tag);
        e.u32(*index);
    }
    fn decode(d: &mut Decoder<'_>) -> Decoded<Led> {
        match (d.u8()?, d.u32()?) {
            (0, i) => Ok(Led::Group(i)),
            (1, i) => Ok(Led::State(i)),
            (tag, _) => Err(Corrupt::new(format!("unknown leadership {tag}"))),
        }
    }
}

impl Gazetteer {
    /// Writes every table of the gazetteer.
    pub(super) fn encode(&self, e: &mut Encoder) {
        self.entities.encode(e);
        // Length-prefixed, so that a load can keep it undecoded.
        let mut names = Encoder::default();
        self.names.encode(&mut names);
        e.bytes(&names.buf);
        self.problems.encode(e);
        self.sources.encode(e);
        self.fingerprint.encode(e);
        self.context.as_ref().encode(e);
    }

    /// Reads what [`Gazetteer::encode`] wrote from `d`, a decoder of
    /// `file`'s bytes. The entities and the names stay where they are in
    /// `file`, decoded when they are asked for (see `stored.rs` and
    /// `names.rs`); only the sizes of their tables are checked now.
    pub(super) fn decode(d: &mut Decoder<'_>, file: &Blob) -> Decoded<Gazetteer> {
        let entities = Entities::decode(d, file)?;
        let count = entities.len();
        Ok(Gazetteer {
            // Extraction and `build` never look a name up.
            names: Names::encoded(file.next_bytes(d)?, count)?,
            problems: Bin::decode(d)?,
            sources: Bin::decode(d)?,
            fingerprint: Bin::decode(d)?,
            context: Arc::new(Context::decode(d)?),
            entities,
            ..Gazetteer::default()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_gazetteer_comes_back_whole() {
        let g = Gazetteer::builtin().unwrap();
        let mut e = Encoder::default();
        g.encode(&mut e);
        let file = Blob::owned(e.buf);
        let mut d = Decoder::new(file.bytes());
        let back = Gazetteer::decode(&mut d, &file).unwrap();
        assert!(d.at_end());
        assert_eq!(back.entities(), g.entities());
        for (i, entity) in g.entities().iter().enumerate() {
            assert_eq!(back.entity_by_id(&entity.id), Some(i as u32));
        }
        assert_eq!(back.names.map(), g.names.map());
        assert_eq!(back.name_count(), g.name_count());
        assert_eq!(back.problems, g.problems);
        assert_eq!(back.sources, g.sources);
        assert_eq!(back.fingerprint(), g.fingerprint());
        assert_eq!(*back.context, *g.context);
        // Local names and where entities belong come back too.
        let local = back.lookup("Interior Ministry");
        assert!(
            local.len() > 2 && local.iter().all(|c| c.local),
            "{local:?}"
        );
        assert!(
            back.entities()
                .iter()
                .any(|e| e.names.iter().any(|n| n.local))
        );
        let syria = back.entity_by_id("syria").unwrap();
        assert!(back.context.countries().of_local(local[0].entity).is_some());
        assert!(back.context.countries().is_state(syria));
    }
}
