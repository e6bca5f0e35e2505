//! Merges gazetteer sources into one [`Gazetteer`]: resolves facts, normalizes
//! every name, generates spelling variants and records what looks wrong.

use std::collections::BTreeMap;

use rustc_hash::FxHashMap as HashMap;

use super::{
    Candidate, Entity, EntityIndex, EntityType, Fact, Gazetteer, MentionKind, Problem, Severity,
    curated, fnv1a, tsv, variants, words,
};
use crate::date::Date;
use crate::error::Location;
use crate::graph::kind::EdgeKind;
use crate::normalize::normalize;

/// A fact whose edge type may still depend on its target's type.
#[derive(Debug, Clone)]
pub(super) struct PendingFact {
    pub kind: Option<EdgeKind>,
    pub role: bool,
    pub target: String,
    pub title: Option<String>,
    pub from: Option<Date>,
    pub to: Option<Date>,
    pub location: Location,
}

/// Collects entities from several sources; [`GazetteerBuilder::finish`] makes the
/// gazetteer. A later source may replace an entity of an earlier one by defining
/// the same id; within one source, a repeated id is an error.
#[derive(Debug, Default)]
pub struct GazetteerBuilder {
    entities: Vec<Entity>,
    pending: Vec<Vec<PendingFact>>,
    by_id: HashMap<String, (EntityIndex, usize)>,
    source: usize,
    problems: Vec<Problem>,
    sources: Vec<String>,
    fingerprint: u64,
    /// Per bulk file: names shared by several ids, names skipped as common words.
    bulk_counts: BTreeMap<String, (usize, usize)>,
}

impl GazetteerBuilder {
    /// An empty builder.
    pub fn new() -> GazetteerBuilder {
        GazetteerBuilder {
            fingerprint: 0xcbf2_9ce4_8422_2325,
            ..GazetteerBuilder::default()
        }
    }

    /// Starts a new source (one `-g` argument): ids it defines replace those of
    /// earlier sources.
    pub fn begin_source(&mut self) {
        self.source += 1;
    }

    /// Adds a curated TOML file.
    pub fn add_toml(&mut self, file: &str, text: &str) -> crate::Result<()> {
        self.note_file(file, text.as_bytes());
        curated::add_toml(self, file, text)
    }

    /// Adds a bulk TSV list (`id<TAB>type<TAB>name`, header first).
    pub fn add_tsv(&mut self, file: &str, text: &str) -> crate::Result<()> {
        self.note_file(file, text.as_bytes());
        tsv::add_tsv(self, file, text)
    }

    fn note_file(&mut self, file: &str, bytes: &[u8]) {
        self.sources.push(file.to_string());
        self.fingerprint = fnv1a(self.fingerprint, file.as_bytes());
        self.fingerprint = fnv1a(self.fingerprint, bytes);
    }

    pub(super) fn entity_index(&self, id: &str) -> Option<EntityIndex> {
        self.by_id.get(id).map(|&(i, _)| i)
    }

    pub(super) fn entity(&self, index: EntityIndex) -> &Entity {
        &self.entities[index as usize]
    }

    pub(super) fn entity_mut(&mut self, index: EntityIndex) -> &mut Entity {
        &mut self.entities[index as usize]
    }

    pub(super) fn add_entity(&mut self, entity: Entity, facts: Vec<PendingFact>) {
        match self.by_id.get(&entity.id).copied() {
            Some((index, source)) if source == self.source => {
                let first = &self.entities[index as usize].location;
                self.problems.push(Problem {
                    location: entity.location.clone(),
                    severity: Severity::Error,
                    message: format!(
                        "duplicate id '{}' (first defined at {first}); this one is ignored",
                        entity.id
                    ),
                });
            }
            Some((index, _)) => {
                let old = &self.entities[index as usize].location;
                self.problems.push(Problem {
                    location: entity.location.clone(),
                    severity: Severity::Warning,
                    message: format!("'{}' replaces the entity defined at {old}", entity.id),
                });
                self.by_id.insert(entity.id.clone(), (index, self.source));
                self.entities[index as usize] = entity;
                self.pending[index as usize] = facts;
            }
            None => {
                let index = self.entities.len() as EntityIndex;
                self.by_id.insert(entity.id.clone(), (index, self.source));
                self.entities.push(entity);
                self.pending.push(facts);
            }
        }
    }

    /// Resolves facts, builds the name index and returns the gazetteer.
    pub fn finish(mut self) -> Gazetteer {
        self.resolve_facts();
        let names = self.index_names();
        for (file, (shared, common)) in std::mem::take(&mut self.bulk_counts) {
            self.bulk_summary(&file, shared, common);
        }
        self.problems.sort();
        let by_id = self.by_id.into_iter().map(|(id, (i, _))| (id, i)).collect();
        Gazetteer {
            entities: self.entities,
            by_id,
            names,
            problems: self.problems,
            sources: self.sources,
            fingerprint: self.fingerprint,
        }
    }

    fn bulk_summary(&mut self, file: &str, shared: usize, common: usize) {
        let location = Location::line(file, 0);
        if shared > 0 {
            self.problems.push(Problem {
                location: location.clone(),
                severity: Severity::Warning,
                message: format!(
                    "{shared} names belong to several ids; each goes to the id loaded first"
                ),
            });
        }
        if common > 0 {
            self.problems.push(Problem {
                location,
                severity: Severity::Warning,
                message: format!("{common} names are common or generic words (such as 'March', 'Corp', 'The Bank') and are not matched"),
            });
        }
    }

    fn resolve_facts(&mut self) {
        for (index, pending) in std::mem::take(&mut self.pending).into_iter().enumerate() {
            for p in pending {
                let Some(&(target, _)) = self.by_id.get(&p.target) else {
                    self.problems.push(Problem {
                        location: p.location,
                        severity: Severity::Error,
                        message: format!("'{}' is not the id of any entity", p.target),
                    });
                    continue;
                };
                let target_type = self.entities[target as usize].kind;
                let kind = p.kind.unwrap_or(match (p.role, target_type) {
                    (true, EntityType::Place) => EdgeKind::HoldsOffice,
                    (true, _) => EdgeKind::Leads,
                    (false, _) => EdgeKind::MemberOf,
                });
                self.entities[index].facts.push(Fact {
                    kind,
                    target: p.target,
                    title: p.title,
                    from: p.from,
                    to: p.to,
                    location: p.location,
                });
            }
        }
    }

    /// Normalizes every name into the lookup table. Names written in the files
    /// come first, in load order; generated variants only fill names nobody wrote.
    fn index_names(&mut self) -> HashMap<String, Vec<Candidate>> {
        let mut table: HashMap<String, Vec<Candidate>> = HashMap::default();
        let mut written_by: HashMap<String, (EntityIndex, u32)> = HashMap::default();
        let mut generated: Vec<(EntityIndex, String, u32)> = Vec::new();
        for (index, entity) in self.entities.iter().enumerate() {
            let index = index as EntityIndex;
            for name in &entity.names {
                let key = normalize(&name.text).into_text();
                // Made only for a problem: most names have none.
                let location = || Location::line(&entity.location.file, name.line);
                if key.trim().is_empty() {
                    self.problems.push(problem(
                        location(),
                        Severity::Error,
                        format!("name {:?} has no letters or digits", name.text),
                    ));
                    continue;
                }
                let common = is_single_common_word(&key);
                if !entity.curated && is_generic_bulk_name(&key, name.kind) {
                    bulk_count(&mut self.bulk_counts, &entity.location.file).1 += 1;
                    continue;
                }
                if entity.curated && common && name.kind != MentionKind::Acronym {
                    self.problems.push(problem(
                        location(),
                        Severity::Warning,
                        format!(
                            "name {:?} is a common English word and will match ordinary text",
                            name.text
                        ),
                    ));
                }
                let candidate = Candidate {
                    entity: index,
                    kind: name.kind,
                    generated: false,
                    common_word: common,
                    capitalized: !entity.curated
                        && name.kind == MentionKind::Name
                        && name.text.chars().next().is_some_and(char::is_uppercase),
                    surname: !entity.curated
                        && entity.kind == EntityType::Person
                        && name.kind == MentionKind::Name
                        && !key.trim().contains(' '),
                };
                let slot = table.entry(key.clone()).or_default();
                if slot.iter().any(|c| c.entity == index) {
                    continue;
                }
                if let Some(first) = slot.first().map(|c| c.entity) {
                    let other = &self.entities[first as usize];
                    let shared_on_purpose = name.ambiguous
                        && other
                            .names
                            .iter()
                            .any(|n| n.ambiguous && normalize(&n.text).as_str() == key);
                    let same_name_other_case = slot.iter().all(|c| {
                        (c.kind == MentionKind::Acronym) != (name.kind == MentionKind::Acronym)
                    });
                    if !entity.curated {
                        bulk_count(&mut self.bulk_counts, &entity.location.file).0 += 1;
                        continue;
                    } else if shared_on_purpose {
                        self.problems.push(problem(
                            location(),
                            Severity::Warning,
                            format!(
                                "name {:?} is shared with '{}' ({}); mentions go to '{}'",
                                name.text, other.id, other.location, other.id
                            ),
                        ));
                    } else if same_name_other_case {
                        // "IS" (acronym) and "Is" (a name) are told apart by case.
                    } else {
                        self.problems.push(problem(location(), Severity::Error, format!(
                            "name {:?} of '{}' is already a name of '{}' ({}); mark it `ambiguous` on both if that is intended",
                            name.text, entity.id, other.id, other.location)));
                        continue;
                    }
                }
                slot.push(candidate);
                written_by.insert(key, (index, name.line));
            }
            if entity.curated && entity.kind != EntityType::Place {
                for name in entity.names.iter().filter(|n| n.kind == MentionKind::Name) {
                    for v in variants(normalize(&name.text).as_str()) {
                        generated.push((index, v, name.line));
                    }
                }
            }
        }
        self.add_generated(&mut table, &written_by, generated);
        table
    }

    fn add_generated(
        &mut self,
        table: &mut HashMap<String, Vec<Candidate>>,
        written_by: &HashMap<String, (EntityIndex, u32)>,
        generated: Vec<(EntityIndex, String, u32)>,
    ) {
        let mut generated_by: HashMap<String, EntityIndex> = HashMap::default();
        for (index, key, line) in generated {
            let entity = &self.entities[index as usize];
            let location = Location::line(&entity.location.file, line);
            if let Some(&(owner, _)) = written_by.get(&key) {
                if owner != index {
                    let other = &self.entities[owner as usize];
                    self.problems.push(problem(location, Severity::Warning, format!(
                        "generated variant '{}' of '{}' is a name of '{}' ({}); the variant is dropped",
                        key.trim(), entity.id, other.id, other.location)));
                }
                continue;
            }
            match generated_by.get(&key) {
                Some(&owner) if owner == index => continue,
                Some(&owner) => {
                    let other = &self.entities[owner as usize];
                    self.problems.push(problem(location, Severity::Warning, format!(
                        "generated variant '{}' of '{}' is also a variant of '{}'; it stays with '{}'",
                        key.trim(), entity.id, other.id, other.id)));
                    continue;
                }
                None => {}
            }
            generated_by.insert(key.clone(), index);
            table.entry(key.clone()).or_default().push(Candidate {
                entity: index,
                kind: MentionKind::Name,
                generated: true,
                common_word: is_single_common_word(&key),
                capitalized: false,
                surname: false,
            });
        }
    }
}

/// The (shared, common-word) counts of one bulk file, without copying its
/// name for every row counted.
fn bulk_count<'a>(
    counts: &'a mut BTreeMap<String, (usize, usize)>,
    file: &str,
) -> &'a mut (usize, usize) {
    if !counts.contains_key(file) {
        counts.insert(file.to_string(), (0, 0));
    }
    counts.get_mut(file).expect("inserted above")
}

fn problem(location: Location, severity: Severity, message: String) -> Problem {
    Problem {
        location,
        severity,
        message,
    }
}

/// True for a normalized key of one word that is a common English word.
fn is_single_common_word(key: &str) -> bool {
    let word = key.trim();
    !word.contains(' ') && words::is_common_word(word)
}

/// True for a bulk list's name that names nobody on its own: one generic
/// word, with or without "the" before it (" corp ", " the bank "). An
/// acronym ("US", "IS") is told apart from the word by its capitals, so only
/// the company designators ("PLC", "SA") are generic in capitals too.
fn is_generic_bulk_name(key: &str, kind: MentionKind) -> bool {
    let word = key.trim();
    let word = word.strip_prefix("the ").unwrap_or(word);
    if word.contains(' ') {
        return false;
    }
    match kind {
        MentionKind::Acronym => words::is_company_designator(word),
        _ => words::is_generic_word(word),
    }
}

#[cfg(test)]
mod tests {
    use crate::gazetteer::{Gazetteer, Severity};

    fn problems(text: &str) -> Vec<String> {
        Gazetteer::from_toml_str("t.toml", text)
            .unwrap()
            .problems()
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn shared_alias_is_an_error_unless_marked_ambiguous() {
        let two = |amb_a: &str, amb_b: &str| {
            format!(
                "[[entity]]\nid = \"a\"\nname = \"Hama\"\ntype = \"place\"\n{amb_a}\n\
                 [[entity]]\nid = \"b\"\nname = \"Hama Governorate\"\ntype = \"place\"\naliases = [\"Hama\"]\n{amb_b}\n"
            )
        };
        let p = problems(&two("", ""));
        assert_eq!(p.len(), 1, "{p:?}");
        assert!(
            p[0].contains("t.toml:10: error") && p[0].contains("already a name of 'a'"),
            "{p:?}"
        );
        let p = problems(&two("ambiguous = [\"Hama\"]", "ambiguous = [\"Hama\"]"));
        assert_eq!(p.len(), 1, "{p:?}");
        assert!(p[0].contains("warning"), "{p:?}");
    }

    #[test]
    fn generated_variant_colliding_with_a_name_is_reported_not_merged() {
        let text = "[[entity]]\nid = \"a\"\nname = \"Ahmed al-Sharaa\"\ntype = \"person\"\n\
                    [[entity]]\nid = \"b\"\nname = \"Ahmad Sharaa\"\ntype = \"person\"\n";
        let g = Gazetteer::from_toml_str("t.toml", text).unwrap();
        let b = g.entity_by_id("b").unwrap();
        assert_eq!(g.lookup("Ahmad Sharaa")[0].entity, b);
        assert_eq!(g.lookup("Ahmad Sharaa").len(), 1);
        assert!(g.problems().iter().any(|p| {
            p.severity == Severity::Warning
                && p.message
                    .contains("generated variant 'ahmad sharaa' of 'a' is a name of 'b'")
        }));
        assert_eq!(
            g.lookup("Ahmed el-Sharaa")[0].entity,
            g.entity_by_id("a").unwrap()
        );
    }

    #[test]
    fn duplicate_ids_and_unknown_references_are_errors_with_lines() {
        let text = "[[entity]]\nid = \"a\"\nname = \"A\"\ntype = \"group\"\ncountry = \"nowhere\"\n\
                    [[entity]]\nid = \"a\"\nname = \"Other\"\ntype = \"group\"\n";
        let p = problems(text);
        assert!(
            p.iter()
                .any(|m| m.starts_with("t.toml:6: error: duplicate id 'a'")),
            "{p:?}"
        );
        assert!(
            !p.iter().any(|m| m.contains("nowhere")),
            "country of a group is an attribute: {p:?}"
        );
        let text = "[[entity]]\nid = \"a\"\nname = \"A\"\ntype = \"person\"\nroles = [{ of = \"nowhere\" }]\n";
        let p = problems(text);
        assert!(
            p.iter()
                .any(|m| m.starts_with("t.toml:5: error: 'nowhere' is not the id")),
            "{p:?}"
        );
    }

    #[test]
    fn common_words_are_flagged_in_curated_files() {
        let text =
            "[[entity]]\nid = \"a\"\nname = \"Front\"\ntype = \"group\"\naliases = [\"US\"]\n";
        let p = problems(text);
        assert_eq!(p.len(), 1, "{p:?}");
        assert!(
            p[0].contains("'Front'") || p[0].contains("\"Front\""),
            "{p:?}"
        );
    }
}
