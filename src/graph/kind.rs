//! The vocabulary of edge types: the one place that says what a link between two
//! actors can mean.
//!
//! | type | direction | from |
//! |---|---|---|
//! | `co_mention` | undirected | two actors named in one scope (sentence by default) |
//! | `meets` | undirected | text: met, held talks with, received, talks between |
//! | `visits` | actor → place | text: visited, arrived in, will visit, travelled to |
//! | `communicates` | undirected | text: phone call, spoke with, told, discussed … with |
//! | `supports` | source backs target | text (backs, supports, stands by, X-backed); gazetteer |
//! | `opposes` | source against target | text: condemned, denounced, warned, accused; gazetteer |
//! | `attacks` | source attacks target | text: attacked, struck, targeted, seized, captured, fought |
//! | `leads` | leader → group | text ("HTS leader X", "who leads"); gazetteer roles |
//! | `member_of` | member → group | text; gazetteer affiliations |
//! | `located_in` | place → enclosing place | text; gazetteer `country`, `located_in` |
//! | `holds_office` | person → country | gazetteer roles whose `of` is a place |
//! | `allied_with` | undirected | text; gazetteer |
//!
//! Meeting and speaking are mutual: who called whom does not make two links,
//! so `meets`, `communicates`, `allied_with` and `co_mention` are undirected
//! whatever the sentence's order, and one pair holds at most one edge of each
//! type. The other types have a source and a target; `A attacks B` and `B
//! attacks A` are two edges.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// What an edge says about two actors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EdgeKind {
    /// Named together within one scope; the weakest, most common link.
    CoMention,
    /// Met in person.
    Meets,
    /// Went to a place.
    Visits,
    /// Spoke, wrote or phoned.
    Communicates,
    /// Backs, supports, stands by.
    Supports,
    /// Condemns, denounces, warns, accuses.
    Opposes,
    /// Attacks, strikes, seizes, fights.
    Attacks,
    /// Leads a group.
    Leads,
    /// Belongs to a group.
    MemberOf,
    /// Lies within a place.
    LocatedIn,
    /// Holds an office of a country.
    HoldsOffice,
    /// Allied with.
    AlliedWith,
}

impl EdgeKind {
    /// Every edge type, in a stable order.
    pub const ALL: [EdgeKind; 12] = [
        EdgeKind::CoMention,
        EdgeKind::Meets,
        EdgeKind::Visits,
        EdgeKind::Communicates,
        EdgeKind::Supports,
        EdgeKind::Opposes,
        EdgeKind::Attacks,
        EdgeKind::Leads,
        EdgeKind::MemberOf,
        EdgeKind::LocatedIn,
        EdgeKind::HoldsOffice,
        EdgeKind::AlliedWith,
    ];

    /// The types a gazetteer fact may name: standing relations, not events a
    /// text reports (a fact cannot say that one actor attacks another).
    pub const FACTS: [EdgeKind; 7] = [
        EdgeKind::Leads,
        EdgeKind::MemberOf,
        EdgeKind::HoldsOffice,
        EdgeKind::LocatedIn,
        EdgeKind::Supports,
        EdgeKind::Opposes,
        EdgeKind::AlliedWith,
    ];

    /// True for the types a gazetteer fact may name (see [`EdgeKind::FACTS`]).
    pub fn is_fact(self) -> bool {
        EdgeKind::FACTS.contains(&self)
    }

    /// The name used in files and on the command line: `co_mention`, `meets`, ….
    pub fn as_str(self) -> &'static str {
        match self {
            EdgeKind::CoMention => "co_mention",
            EdgeKind::Meets => "meets",
            EdgeKind::Visits => "visits",
            EdgeKind::Communicates => "communicates",
            EdgeKind::Supports => "supports",
            EdgeKind::Opposes => "opposes",
            EdgeKind::Attacks => "attacks",
            EdgeKind::Leads => "leads",
            EdgeKind::MemberOf => "member_of",
            EdgeKind::LocatedIn => "located_in",
            EdgeKind::HoldsOffice => "holds_office",
            EdgeKind::AlliedWith => "allied_with",
        }
    }

    /// True for types whose edges have a source and a target; false for the
    /// mutual ones (`co_mention`, `meets`, `communicates`, `allied_with`).
    pub fn is_directed(self) -> bool {
        !matches!(
            self,
            EdgeKind::CoMention | EdgeKind::Meets | EdgeKind::Communicates | EdgeKind::AlliedWith
        )
    }
}

impl fmt::Display for EdgeKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Error for a name that is not an edge type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownEdgeKind(pub String);

impl fmt::Display for UnknownEdgeKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let known: Vec<&str> = EdgeKind::ALL.iter().map(|k| k.as_str()).collect();
        write!(
            f,
            "unknown edge type '{}' (known: {})",
            self.0,
            known.join(", ")
        )
    }
}

impl std::error::Error for UnknownEdgeKind {}

impl FromStr for EdgeKind {
    type Err = UnknownEdgeKind;

    fn from_str(s: &str) -> Result<EdgeKind, UnknownEdgeKind> {
        EdgeKind::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| UnknownEdgeKind(s.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for kind in EdgeKind::ALL {
            assert_eq!(kind.as_str().parse::<EdgeKind>(), Ok(kind));
            let json = serde_json::to_string(&kind).unwrap();
            assert_eq!(json, format!("\"{}\"", kind.as_str()));
        }
        assert!("meet".parse::<EdgeKind>().is_err());
    }

    #[test]
    fn facts_are_standing_relations_not_events() {
        assert!(EdgeKind::Leads.is_fact() && EdgeKind::AlliedWith.is_fact());
        for event in [
            EdgeKind::CoMention,
            EdgeKind::Meets,
            EdgeKind::Communicates,
            EdgeKind::Attacks,
        ] {
            assert!(!event.is_fact(), "{event}");
        }
    }
}
