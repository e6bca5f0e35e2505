//! From a name the user typed to an actor of the graph, through the same
//! normalization as extraction: "Jolani", "al-Julani" and "Ahmed al-Sharaa"
//! are one actor, and "turkiye" finds Türkiye.
//!
//! A name is tried, in order, as:
//! 1. a node id, exactly (`ahmed-al-sharaa`);
//! 2. a normalized name of a node: its id, label and the surface forms the
//!    corpus used, the names the gazetteer gives its entity, and their
//!    generated spelling variants; and the gazetteer's own lookup, whose
//!    entity must be a node of the graph;
//! 3. the last words of a person's name, a surname ("Sudani"), when no name
//!    matched whole.
//!
//! More than one actor is an [`ResolveError::Ambiguous`] error; none is an
//! [`ResolveError::Unknown`] error that lists the closest names by edit
//! distance over normalized names.

use std::collections::{BTreeSet, HashMap};
use std::fmt;
use std::sync::OnceLock;

use crate::gazetteer::{EntityType, Gazetteer, variants};
use crate::graph::{Graph, NodeIndex};
use crate::normalize::normalize;

/// At most this many suggestions for an unknown name.
pub const MAX_SUGGESTIONS: usize = 5;

/// An actor as a message names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Named {
    /// The name that matched (for suggestions), or the label.
    pub text: String,
    /// Node id.
    pub id: String,
    /// Canonical name.
    pub label: String,
    /// Person, group or place.
    pub kind: EntityType,
}

impl fmt::Display for Named {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.text == self.label {
            write!(f, "{} ({}, {})", self.text, self.id, self.kind)
        } else {
            write!(
                f,
                "{} ({}, {}, {})",
                self.text, self.label, self.id, self.kind
            )
        }
    }
}

/// Why a name does not stand for exactly one actor.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ResolveError {
    /// No actor goes by this name.
    #[error("no actor called '{name}' in this graph; {}", suggest(.suggestions))]
    Unknown {
        /// The name as typed.
        name: String,
        /// The closest names, closest first.
        suggestions: Vec<Named>,
    },
    /// Several actors go by this name.
    #[error("'{name}' may be any of: {}; name one by its id", list(.candidates))]
    Ambiguous {
        /// The name as typed.
        name: String,
        /// The actors, by id.
        candidates: Vec<Named>,
    },
    /// The gazetteer knows the name, but the graph has no such actor.
    #[error("'{name}' is {} in the gazetteer, but not an actor of this graph (never linked in its corpus)", .entity)]
    NotInGraph {
        /// The name as typed.
        name: String,
        /// The gazetteer's entity.
        entity: Named,
    },
}

fn list(named: &[Named]) -> String {
    named
        .iter()
        .map(|n| n.to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

fn suggest(named: &[Named]) -> String {
    if named.is_empty() {
        "no name is close; `actorgraph top GRAPH` lists the best-linked actors".to_string()
    } else {
        format!("did you mean: {}?", list(named))
    }
}

impl From<ResolveError> for crate::Error {
    fn from(e: ResolveError) -> crate::Error {
        crate::Error::Invalid(e.to_string())
    }
}

/// Every normalized name of the graph's actors.
#[derive(Debug, Default)]
struct NameIndex {
    /// Normalized name (with variants) → actors, sorted.
    by_name: HashMap<String, Vec<NodeIndex>>,
    /// Names as written, normalized and trimmed, for suggestions.
    written: Vec<(String, String, NodeIndex)>,
}

/// Resolves names to the actors of one graph. The name index is built on the
/// first name that is not a node id: O(V · a) for a aliases per actor.
pub struct Resolver<'a> {
    graph: &'a Graph,
    gazetteer: Option<&'a Gazetteer>,
    index: OnceLock<NameIndex>,
}

impl<'a> Resolver<'a> {
    /// A resolver over a graph's actors and, if given, a gazetteer's names.
    pub fn new(graph: &'a Graph, gazetteer: Option<&'a Gazetteer>) -> Resolver<'a> {
        Resolver {
            graph,
            gazetteer,
            index: OnceLock::new(),
        }
    }

    /// The one actor a name stands for.
    pub fn resolve(&self, name: &str) -> Result<NodeIndex, ResolveError> {
        if let Some(v) = self.graph.node_by_id(name) {
            return Ok(v);
        }
        let key = normalize(name).as_str().to_string();
        let mut found: BTreeSet<NodeIndex> = BTreeSet::new();
        if let Some(nodes) = self.index().by_name.get(&key) {
            found.extend(nodes);
        }
        let known = self.gazetteer_matches(name, &mut found);
        if found.is_empty() {
            found = self.surnames(&key);
        }
        match found.len() {
            1 => Ok(*found.first().expect("one")),
            0 => Err(match known {
                Some(entity) => ResolveError::NotInGraph {
                    name: name.to_string(),
                    entity,
                },
                None => ResolveError::Unknown {
                    name: name.to_string(),
                    suggestions: self.suggestions(&key),
                },
            }),
            _ => Err(ResolveError::Ambiguous {
                name: name.to_string(),
                candidates: found.iter().map(|&v| self.named(v, None)).collect(),
            }),
        }
    }

    /// Adds the graph's actors among the gazetteer's candidates for `name`;
    /// returns the first candidate entity, for a message when none is an actor.
    fn gazetteer_matches(&self, name: &str, found: &mut BTreeSet<NodeIndex>) -> Option<Named> {
        let gazetteer = self.gazetteer?;
        let mut first = None;
        for c in gazetteer.lookup(name) {
            let entity = gazetteer.entity(c.entity);
            match self.graph.node_by_id(&entity.id) {
                Some(v) => {
                    found.insert(v);
                }
                None => {
                    first.get_or_insert_with(|| Named {
                        text: entity.name.clone(),
                        id: entity.id.clone(),
                        label: entity.name.clone(),
                        kind: entity.kind,
                    });
                }
            }
        }
        first
    }

    /// Persons one of whose names ends with the words of `key`.
    fn surnames(&self, key: &str) -> BTreeSet<NodeIndex> {
        if key.trim().is_empty() {
            return BTreeSet::new();
        }
        self.index()
            .by_name
            .iter()
            .filter(|(name, _)| name.len() > key.len() && name.ends_with(key))
            .flat_map(|(_, nodes)| nodes.iter().copied())
            .filter(|&v| self.graph.node(v).kind == EntityType::Person)
            .collect()
    }

    /// The closest written names by edit distance, one per actor, within
    /// a third of the name's length (at least 2 edits).
    fn suggestions(&self, key: &str) -> Vec<Named> {
        let key = key.trim();
        let limit = (key.chars().count() / 3).max(2);
        let mut scored: Vec<(usize, &str, NodeIndex)> = self
            .index()
            .written
            .iter()
            .filter_map(|(norm, text, v)| {
                let d = edit_distance(key, norm, limit)?;
                Some((d, text.as_str(), *v))
            })
            .collect();
        scored.sort();
        let mut seen = BTreeSet::new();
        scored
            .into_iter()
            .filter(|&(_, _, v)| seen.insert(v))
            .take(MAX_SUGGESTIONS)
            .map(|(_, text, v)| self.named(v, Some(text)))
            .collect()
    }

    fn named(&self, v: NodeIndex, text: Option<&str>) -> Named {
        let node = self.graph.node(v);
        Named {
            text: text.unwrap_or(&node.label).to_string(),
            id: node.id.clone(),
            label: node.label.clone(),
            kind: node.kind,
        }
    }

    fn index(&self) -> &NameIndex {
        self.index
            .get_or_init(|| build_index(self.graph, self.gazetteer))
    }
}

fn build_index(graph: &Graph, gazetteer: Option<&Gazetteer>) -> NameIndex {
    let mut index = NameIndex::default();
    for (i, node) in graph.nodes().iter().enumerate() {
        let v = i as NodeIndex;
        let mut names: Vec<&str> = vec![&node.id, &node.label];
        names.extend(node.aliases.iter().map(|a| a.text.as_str()));
        let entity = gazetteer.and_then(|g| Some(g.entity(g.entity_by_id(&node.id)?)));
        if let Some(entity) = entity {
            names.extend(entity.names.iter().map(|n| n.text.as_str()));
        }
        for text in names {
            let key = normalize(text).as_str().to_string();
            for variant in variants(&key) {
                index.by_name.entry(variant).or_default().push(v);
            }
            index
                .written
                .push((key.trim().to_string(), text.to_string(), v));
            index.by_name.entry(key).or_default().push(v);
        }
    }
    for nodes in index.by_name.values_mut() {
        nodes.sort_unstable();
        nodes.dedup();
    }
    index.written.sort();
    index.written.dedup();
    index
}

/// Levenshtein distance over characters, or `None` when it exceeds `limit`.
/// O(|a| · |b|) time, O(|b|) memory.
pub fn edit_distance(a: &str, b: &str, limit: usize) -> Option<usize> {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > limit {
        return None;
    }
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        let mut smallest = row[0];
        for (j, cb) in b.iter().enumerate() {
            let substitution = diagonal + usize::from(ca != cb);
            diagonal = row[j + 1];
            row[j + 1] = substitution.min(row[j] + 1).min(row[j + 1] + 1);
            smallest = smallest.min(row[j + 1]);
        }
        if smallest > limit {
            return None;
        }
    }
    Some(row[b.len()]).filter(|&d| d <= limit)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{Header, Node, SurfaceForm};

    fn node(id: &str, label: &str, kind: EntityType, seen: &[&str]) -> Node {
        Node {
            id: id.into(),
            label: label.into(),
            kind,
            mentions: 1,
            docs: 1,
            scopes: 1,
            first: None,
            last: None,
            aliases: seen
                .iter()
                .map(|s| SurfaceForm {
                    text: s.to_string(),
                    count: 1,
                })
                .collect(),
        }
    }

    fn graph() -> Graph {
        let nodes = vec![
            node(
                "ahmed-al-sharaa",
                "Ahmed al-Sharaa",
                EntityType::Person,
                &["al-Sharaa"],
            ),
            node("turkiye", "Türkiye", EntityType::Place, &[]),
            node(
                "mohammed-shia-al-sudani",
                "Mohammed Shia' al-Sudani",
                EntityType::Person,
                &[],
            ),
            node("ali-al-sudani", "Ali al-Sudani", EntityType::Person, &[]),
            node("sudan", "Sudan", EntityType::Place, &[]),
        ];
        Graph::new(Header::default(), nodes, vec![])
    }

    fn gazetteer() -> Gazetteer {
        Gazetteer::from_toml_str(
            "people.toml",
            r#"
            [[entity]]
            id = "ahmed-al-sharaa"
            name = "Ahmed al-Sharaa"
            type = "person"
            aliases = ["Abu Mohammad al-Jolani", "al-Jolani", "Jolani"]

            [[entity]]
            id = "vladimir-putin"
            name = "Vladimir Putin"
            type = "person"
            aliases = ["Putin"]
            "#,
        )
        .unwrap()
    }

    #[test]
    fn names_resolve_through_normalization_and_variants() {
        let (g, gaz) = (graph(), gazetteer());
        let r = Resolver::new(&g, Some(&gaz));
        let sharaa = g.node_by_id("ahmed-al-sharaa").unwrap();
        let table = [
            "ahmed-al-sharaa",
            "Ahmed al-Sharaa",
            "AHMAD AL SHARAA",
            "al-Sharaa",
            "Jolani",
            "al-Julani",
            "Abu Muhammad al-Golani",
            "Sharaa",
        ];
        for name in table {
            assert_eq!(r.resolve(name), Ok(sharaa), "{name}");
        }
        let turkiye = g.node_by_id("turkiye").unwrap();
        assert_eq!(r.resolve("turkiye"), Ok(turkiye));
        assert_eq!(r.resolve("TÜRKİYE"), Ok(turkiye));
        assert_eq!(r.resolve("Sudan"), Ok(g.node_by_id("sudan").unwrap()));
    }

    #[test]
    fn without_a_gazetteer_only_the_graph_names_count() {
        let g = graph();
        let r = Resolver::new(&g, None);
        assert_eq!(r.resolve("al-Sharaa"), Ok(0));
        assert!(matches!(
            r.resolve("Jolani"),
            Err(ResolveError::Unknown { .. })
        ));
    }

    #[test]
    fn a_shared_surname_is_ambiguous() {
        let (g, gaz) = (graph(), gazetteer());
        let err = Resolver::new(&g, Some(&gaz))
            .resolve("al-Sudani")
            .unwrap_err();
        let ResolveError::Ambiguous { candidates, .. } = &err else {
            panic!("{err}");
        };
        let ids: Vec<&str> = candidates.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["ali-al-sudani", "mohammed-shia-al-sudani"]);
        assert_eq!(
            err.to_string(),
            "'al-Sudani' may be any of: Ali al-Sudani (ali-al-sudani, person), \
             Mohammed Shia' al-Sudani (mohammed-shia-al-sudani, person); name one by its id"
        );
    }

    #[test]
    fn misspelt_names_get_suggestions() {
        let (g, gaz) = (graph(), gazetteer());
        let r = Resolver::new(&g, Some(&gaz));
        let err = r.resolve("Jolany").unwrap_err();
        let ResolveError::Unknown { suggestions, .. } = &err else {
            panic!("{err}");
        };
        assert_eq!(suggestions[0].id, "ahmed-al-sharaa");
        assert_eq!(suggestions[0].text, "Jolani");
        assert!(
            err.to_string()
                .contains("did you mean: Jolani (Ahmed al-Sharaa, ahmed-al-sharaa, person)"),
            "{err}"
        );
        let err = r.resolve("Turkey").unwrap_err();
        assert!(
            err.to_string().contains("Türkiye (turkiye, place)"),
            "{err}"
        );
        let err = r.resolve("Zzyzx Qqq").unwrap_err();
        assert!(err.to_string().contains("no name is close"), "{err}");
    }

    #[test]
    fn gazetteer_entities_outside_the_graph_are_named() {
        let (g, gaz) = (graph(), gazetteer());
        let err = Resolver::new(&g, Some(&gaz)).resolve("Putin").unwrap_err();
        assert!(matches!(err, ResolveError::NotInGraph { .. }));
        assert!(
            err.to_string()
                .contains("Vladimir Putin (vladimir-putin, person) in the gazetteer"),
            "{err}"
        );
    }

    #[test]
    fn edit_distance_table() {
        let table = [
            ("jolani", "jolani", Some(0)),
            ("jolany", "jolani", Some(1)),
            ("erdgan", "erdogan", Some(1)),
            ("kitten", "sitting", Some(3)),
            ("turkey", "turkiye", Some(2)),
            ("a", "abcdef", None),
            ("", "ab", Some(2)),
        ];
        for (a, b, want) in table {
            assert_eq!(edit_distance(a, b, 3), want, "{a} {b}");
            assert_eq!(edit_distance(b, a, 3), want, "{b} {a}");
        }
    }
}
