//! The colours of actor and edge types, shared by the diagrams and Gephi's
//! `viz:color`, so an actor looks the same in every tool.
//!
//! Colours follow Tableau 10 and the d3 category palette: distinct for readers
//! with common colour-vision deficiencies, and readable on white.

use crate::gazetteer::EntityType;
use crate::graph::EdgeKind;

/// A colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// `#rrggbb`.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// `#rrggbbaa`, with `alpha` from 0 (clear) to 255 (opaque).
    pub fn hex_alpha(self, alpha: u8) -> String {
        format!("{}{alpha:02x}", self.hex())
    }
}

/// The strong colour of an actor type: outlines, Gephi's node colour.
pub fn entity(kind: EntityType) -> Rgb {
    match kind {
        EntityType::Person => Rgb(0x4e, 0x79, 0xa7),
        EntityType::Group => Rgb(0xf2, 0x8e, 0x2b),
        EntityType::Place => Rgb(0x59, 0xa1, 0x4f),
    }
}

/// The light fill of an actor type in diagrams, dark text readable on it.
pub fn entity_fill(kind: EntityType) -> Rgb {
    match kind {
        EntityType::Person => Rgb(0xd4, 0xe2, 0xf0),
        EntityType::Group => Rgb(0xfc, 0xe0, 0xc2),
        EntityType::Place => Rgb(0xd8, 0xec, 0xd4),
    }
}

/// The colour of an edge type. `co_mention`, the weak and common link, is a
/// light grey, so typed relations stand out.
pub fn edge(kind: EdgeKind) -> Rgb {
    match kind {
        EdgeKind::CoMention => Rgb(0xa0, 0xa0, 0xa0),
        EdgeKind::Meets => Rgb(0x1f, 0x77, 0xb4),
        EdgeKind::Visits => Rgb(0x39, 0x3b, 0x79),
        EdgeKind::Communicates => Rgb(0x17, 0xa2, 0xb8),
        EdgeKind::Supports => Rgb(0x2c, 0xa0, 0x2c),
        EdgeKind::Opposes => Rgb(0xff, 0x7f, 0x0e),
        EdgeKind::Attacks => Rgb(0xd6, 0x27, 0x28),
        EdgeKind::Leads => Rgb(0x94, 0x67, 0xbd),
        EdgeKind::MemberOf => Rgb(0x8c, 0x56, 0x4b),
        EdgeKind::LocatedIn => Rgb(0x6b, 0x6b, 0x6b),
        EdgeKind::HoldsOffice => Rgb(0xe3, 0x77, 0xc2),
        EdgeKind::AlliedWith => Rgb(0x8a, 0x8b, 0x16),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_edge_type_has_its_own_colour() {
        let mut colours: Vec<String> = EdgeKind::ALL.iter().map(|&k| edge(k).hex()).collect();
        colours.sort();
        colours.dedup();
        assert_eq!(colours.len(), EdgeKind::ALL.len());
        assert_eq!(Rgb(0, 0x80, 0xff).hex_alpha(0x40), "#0080ff40");
    }
}
