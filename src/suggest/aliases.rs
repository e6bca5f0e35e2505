//! Which candidate names are the gazetteer's own entities written another
//! way: the same name after normalization, a spelling variant by the Arabic
//! variant rules, a letter or two off a curated name, the surname of one
//! curated person, an acronym the text expands to a known name. Such a name is flagged as a
//! probable alias, not offered as a new actor. A candidate that is a part
//! of a longer known name ("Tahrir" of "Hayat Tahrir al-Sham") is neither.
//!
//! One pass over the gazetteer's names compares each with the candidates.

use rustc_hash::FxHashMap;

use crate::gazetteer::{EntityIndex, EntityType, Gazetteer, MentionKind, skeleton};

/// Why a name is probably an alias of a known entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AliasReason {
    /// It normalizes to one of the entity's names (the matcher's rules kept
    /// it from matching here).
    SameName,
    /// The text gives it in brackets after one of the entity's names.
    Acronym,
    /// A spelling of one of its names by the Arabic variant rules.
    Spelling,
    /// The last words of one known person's name.
    ShortForm,
    /// One or two letters off one of its names.
    Typo,
}

impl AliasReason {
    /// How a reader is told.
    pub fn describe(self) -> &'static str {
        match self {
            AliasReason::SameName => "same name after normalization",
            AliasReason::Acronym => "the text gives it as this entity's acronym",
            AliasReason::Spelling => "a spelling variant",
            AliasReason::ShortForm => "the surname of this person",
            AliasReason::Typo => "a letter or two off its name",
        }
    }
}

/// What the gazetteer says about one candidate.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Known {
    /// The entity it probably stands for, and why.
    pub alias_of: Option<(EntityIndex, AliasReason)>,
    /// True when it is a part of a longer known name, and no alias.
    pub part: bool,
}

/// A candidate as the comparison sees it.
struct Probe {
    words: Vec<String>,
    skeleton: String,
}

/// Compares every candidate key (normalized words, single spaces) with the
/// gazetteer's names.
pub(super) fn compare(gazetteer: &Gazetteer, keys: &[&str]) -> Vec<Known> {
    let probes: Vec<Probe> = keys
        .iter()
        .map(|k| Probe {
            words: k.split(' ').map(String::from).collect(),
            skeleton: skeleton(&format!(" {k} ")),
        })
        .collect();
    let mut known = vec![Known::default(); keys.len()];
    // Surnames: the people each candidate ends the name of.
    let mut surname_of: Vec<Option<Option<EntityIndex>>> = vec![None; keys.len()];
    let mut by_skeleton: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
    let mut by_first_word: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
    let mut blocks: FxHashMap<(String, usize), Vec<usize>> = FxHashMap::default();
    for (i, p) in probes.iter().enumerate() {
        by_skeleton.entry(p.skeleton.as_str()).or_default().push(i);
        by_first_word
            .entry(p.words[0].as_str())
            .or_default()
            .push(i);
        for key in block_keys(&p.skeleton) {
            blocks.entry(key).or_default().push(i);
        }
    }
    let mut flag = |i: usize, entity: EntityIndex, reason: AliasReason| {
        let slot = &mut known[i].alias_of;
        if slot.is_none_or(|(_, r)| reason < r) {
            *slot = Some((entity, reason));
        }
    };
    let mut parts: Vec<bool> = vec![false; keys.len()];
    for (name, candidates) in gazetteer.names() {
        let Some(c) = candidates.iter().find(|c| c.kind != MentionKind::Demonym) else {
            continue;
        };
        let entity = c.entity;
        let name_skeleton = skeleton(name);
        let words: Vec<&str> = name.split_whitespace().collect();
        // A short acronym the text writes in small letters is another word
        // ("Pa" of "PA", "Aa" of "AA"), not the acronym.
        let short_acronym = c.kind == MentionKind::Acronym && name.trim().len() <= 3;
        if let Some(hits) = by_skeleton.get(name_skeleton.as_str()) {
            for &i in hits {
                if short_acronym {
                    parts[i] = true;
                    continue;
                }
                let same = probes[i]
                    .words
                    .iter()
                    .map(String::as_str)
                    .eq(words.iter().copied());
                let reason = if same {
                    AliasReason::SameName
                } else {
                    AliasReason::Spelling
                };
                flag(i, entity, reason);
            }
        }
        // Parts of longer names, and surnames.
        for (at, word) in words.iter().enumerate() {
            let Some(hits) = by_first_word.get(word) else {
                continue;
            };
            for &i in hits {
                let p = &probes[i].words;
                let fits = p.len() < words.len()
                    && at + p.len() <= words.len()
                    && p.iter().zip(&words[at..]).all(|(a, b)| a == b);
                if !fits {
                    continue;
                }
                let e = gazetteer.entity(entity);
                let person = e.kind == EntityType::Person && e.curated;
                if person && at + p.len() == words.len() && c.kind == MentionKind::Name {
                    let slot = &mut surname_of[i];
                    *slot = match *slot {
                        None => Some(Some(entity)),
                        Some(Some(e)) if e == entity => Some(Some(e)),
                        // The surname of several people stands for none.
                        Some(_) => Some(None),
                    };
                } else {
                    parts[i] = true;
                }
            }
        }
        // A bulk list's hundred thousand names are a letter off from many
        // a word; only a curated name's near miss is worth a flag.
        if !gazetteer.entity(entity).curated {
            continue;
        }
        for key in block_keys(&name_skeleton) {
            let Some(hits) = blocks.get(&key) else {
                continue;
            };
            for &i in hits {
                if close(&probes[i].skeleton, &name_skeleton) {
                    flag(i, entity, AliasReason::Typo);
                }
            }
        }
    }
    for (i, k) in known.iter_mut().enumerate() {
        match surname_of[i] {
            Some(Some(person)) if k.alias_of.is_none() => {
                k.alias_of = Some((person, AliasReason::ShortForm));
            }
            Some(_) if k.alias_of.is_none() => k.part = true,
            _ => {}
        }
        k.part |= parts[i] && k.alias_of.is_none();
    }
    known
}

/// Where a name goes to be compared letter by letter: names of as many
/// words with the same first three letters of their first, or of their last
/// word. A typo in both places at once goes unnoticed.
fn block_keys(skeleton: &str) -> [(String, usize); 2] {
    let words: Vec<&str> = skeleton.split_whitespace().collect();
    let head = |w: Option<&&str>| w.map_or(String::new(), |w| w.chars().take(3).collect());
    [
        (format!("<{}", head(words.first())), words.len()),
        (format!(">{}", head(words.last())), words.len()),
    ]
}

/// True when two different skeletons of at least six letters are within one
/// edit (two for names longer than twelve).
fn close(a: &str, b: &str) -> bool {
    if a == b {
        return false;
    }
    let (la, lb) = (a.trim().chars().count(), b.trim().chars().count());
    if la.min(lb) < 6 || la.abs_diff(lb) > 2 {
        return false;
    }
    let limit = if la.max(lb) > 12 { 2 } else { 1 };
    edit_distance(a.trim(), b.trim(), limit) <= limit
}

/// Levenshtein distance, or `limit + 1` once it is sure to exceed `limit`.
fn edit_distance(a: &str, b: &str, limit: usize) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        let mut best = row[0];
        for (j, cb) in b.iter().enumerate() {
            let here = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != cb)).min(row[j] + 1).min(here + 1);
            prev = here;
            best = best.min(row[j + 1]);
        }
        if best > limit {
            return limit + 1;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    const GAZETTEER: &str = r#"
        [[entity]]
        id = "falih-al-fayyadh"
        name = "Falih al-Fayyadh"
        type = "person"

        [[entity]]
        id = "hts"
        name = "Hayat Tahrir al-Sham"
        type = "group"

        [[entity]]
        id = "hadi-al-amiri"
        name = "Hadi al-Amiri"
        type = "person"

        [[entity]]
        id = "ammar-al-amiri"
        name = "Ammar al-Amiri"
        type = "person"

        [[entity]]
        id = "nouri-maliki"
        name = "Nouri Maliki"
        type = "person"

        [[entity]]
        id = "qasim-al-araji"
        name = "Qasim al-Araji"
        type = "person"
    "#;

    #[test]
    fn flags_table() {
        let g = Gazetteer::from_toml_str("t.toml", GAZETTEER).unwrap();
        let id = |k: &Known| k.alias_of.map(|(e, r)| (g.entity(e).id.as_str(), r));
        type Row<'a> = (&'a str, Option<(&'a str, AliasReason)>, bool);
        let table: &[Row<'_>] = &[
            // A generated variant is a name already.
            (
                "falih fayyadh",
                Some(("falih-al-fayyadh", AliasReason::SameName)),
                false,
            ),
            (
                "nouri al maliki",
                Some(("nouri-maliki", AliasReason::Spelling)),
                false,
            ),
            (
                "fayyadh",
                Some(("falih-al-fayyadh", AliasReason::ShortForm)),
                false,
            ),
            (
                "al fayyadh",
                Some(("falih-al-fayyadh", AliasReason::ShortForm)),
                false,
            ),
            (
                "falih al fayadh",
                Some(("falih-al-fayyadh", AliasReason::Typo)),
                false,
            ),
            (
                "qassem al araji",
                Some(("qasim-al-araji", AliasReason::SameName)),
                false,
            ),
            ("tahrir", None, true),
            ("tahrir al sham", None, true),
            // The surname of two known people stands for neither.
            ("amiri", None, true),
            ("haider al abadi", None, false),
        ];
        let keys: Vec<&str> = table.iter().map(|t| t.0).collect();
        let known = compare(&g, &keys);
        for ((key, alias, part), k) in table.iter().zip(&known) {
            assert_eq!((id(k), k.part), (*alias, *part), "{key}");
        }
    }

    #[test]
    fn edit_distance_is_levenshtein_up_to_the_limit() {
        assert_eq!(edit_distance("fayyadh", "fayadh", 2), 1);
        assert_eq!(edit_distance("kitten", "sitting", 3), 3);
        assert_eq!(edit_distance("abcdef", "uvwxyz", 1), 2);
        assert!(close(" falih fayyadh ", " falih fayadh "));
        assert!(!close(" hama ", " hams "), "too short to tell");
    }
}
