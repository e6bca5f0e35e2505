//! Where every entity belongs, for the names that stand for one entity per
//! country ("the Interior Ministry"): the place each entity lies in or
//! belongs to, the places that are states, and the country of each entity
//! that has local names. The matcher reads a text's mentions through it to
//! tell which country the text is about.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::{Entity, EntityIndex, EntityType, FactOrigin, PlaceLevel};

/// The most places a chain of `located_in` goes up: deeper chains are
/// cycles, which `gazetteer check` reports.
const DEEPEST: usize = 16;

/// See the module documentation.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Countries {
    /// An entity → the place it lies in (a place's `located_in`, else its
    /// country) or belongs to (any other entity's `country`).
    pub(super) parent: HashMap<EntityIndex, EntityIndex>,
    /// The places whose level is `country`.
    pub(super) states: HashSet<EntityIndex>,
    /// An entity with local names → its country.
    pub(super) local: HashMap<EntityIndex, EntityIndex>,
}

impl Countries {
    /// The places of `entities`, whose ids are `by_id`.
    pub(super) fn new(entities: &[Entity], by_id: &HashMap<String, EntityIndex>) -> Countries {
        let mut countries = Countries::default();
        for (index, entity) in entities.iter().enumerate() {
            let index = index as EntityIndex;
            if entity.kind == EntityType::Place && entity.level == Some(PlaceLevel::Country) {
                countries.states.insert(index);
            }
            let country = entity.country.as_ref().and_then(|c| by_id.get(c)).copied();
            let parent = entity
                .facts
                .iter()
                .find(|f| f.origin == FactOrigin::Containment)
                .and_then(|f| by_id.get(&f.target).copied())
                .or(country);
            if let Some(parent) = parent.filter(|&p| p != index) {
                countries.parent.insert(index, parent);
            }
            if let Some(country) = country
                && entity.names.iter().any(|n| n.local)
            {
                countries.local.insert(index, country);
            }
        }
        countries
    }

    /// `entity`, then the places it lies in or belongs to, nearest first:
    /// a town, its district, its governorate, its region, its country.
    pub fn chain(&self, entity: EntityIndex) -> impl Iterator<Item = EntityIndex> + '_ {
        std::iter::successors(Some(entity), |e| self.parent.get(e).copied()).take(DEEPEST)
    }

    /// The country of an entity that has local names.
    pub fn of_local(&self, entity: EntityIndex) -> Option<EntityIndex> {
        self.local.get(&entity).copied()
    }

    /// True for a place whose level is `country`.
    pub fn is_state(&self, place: EntityIndex) -> bool {
        self.states.contains(&place)
    }

    /// True when `place` is `within` or lies in it, directly or through
    /// others.
    pub fn lies_in(&self, place: EntityIndex, within: EntityIndex) -> bool {
        self.chain(place).any(|p| p == within)
    }
}

#[cfg(test)]
mod tests {
    use crate::gazetteer::Gazetteer;

    #[test]
    fn chains_run_from_an_entity_up_to_its_state() {
        let g = Gazetteer::builtin().unwrap();
        let c = g.context().countries();
        let id = |s: &str| g.entity_by_id(s).unwrap();
        let chain: Vec<&str> = c
            .chain(id("erbil-governorate"))
            .map(|e| g.entity(e).id.as_str())
            .collect();
        assert_eq!(chain, ["erbil-governorate", "kurdistan-region", "iraq"]);
        assert!(c.is_state(id("iraq")));
        assert!(!c.is_state(id("kurdistan-region")));
        assert!(c.lies_in(id("kurdistan-region"), id("iraq")));
        assert!(!c.lies_in(id("iraq"), id("kurdistan-region")));
        let person: Vec<String> = c
            .chain(id("ahmed-al-sharaa"))
            .map(|e| g.entity(e).id.clone())
            .collect();
        assert_eq!(person, ["ahmed-al-sharaa", "syria"]);
    }
}
