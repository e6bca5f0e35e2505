//! Reads curated TOML gazetteer files: `[[entity]]` tables with names and facts.

use serde::Deserialize;
use toml::Spanned;

use super::builder::{GazetteerBuilder, PendingFact};
use super::{Entity, EntityType, MentionKind, Name, is_acronym};
use crate::date::Date;
use crate::error::{Error, LineIndex, Location, line_column};
use crate::graph::kind::EdgeKind;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    entity: Vec<Spanned<RawEntity>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntity {
    id: Spanned<String>,
    name: Spanned<String>,
    #[serde(rename = "type")]
    kind: Spanned<String>,
    #[serde(default)]
    aliases: Vec<Spanned<String>>,
    #[serde(default)]
    ambiguous: Vec<Spanned<String>>,
    #[serde(default)]
    demonyms: Vec<Spanned<String>>,
    description: Option<String>,
    country: Option<Spanned<String>>,
    located_in: Option<Spanned<String>>,
    wikidata: Option<Spanned<String>>,
    #[serde(default)]
    roles: Vec<Spanned<RawFact>>,
    #[serde(default)]
    affiliations: Vec<Spanned<RawFact>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFact {
    of: String,
    title: Option<String>,
    from: Option<Date>,
    to: Option<Date>,
    edge: Option<String>,
}

/// Parses one curated file into the builder. A syntax or schema error stops the
/// load with its file, line and column; problems of meaning are recorded.
pub(super) fn add_toml(
    builder: &mut GazetteerBuilder,
    file: &str,
    text: &str,
) -> crate::Result<()> {
    let parsed: File = toml::from_str(text).map_err(|e| {
        let (line, column) = e.span().map_or((0, 0), |s| line_column(text, s.start));
        Error::parse(
            Location {
                file: file.to_string(),
                line,
                column,
            },
            e.message().trim_end().to_string(),
        )
    })?;
    let index = LineIndex::new(text);
    let line = |offset: usize| index.line(offset);
    for raw in parsed.entity {
        let at = line(raw.span().start);
        let raw = raw.into_inner();
        let (entity, facts) = convert(raw, file, at, &line)?;
        builder.add_entity(entity, facts);
    }
    Ok(())
}

fn convert(
    raw: RawEntity,
    file: &str,
    at: u32,
    line: &dyn Fn(usize) -> u32,
) -> crate::Result<(Entity, Vec<PendingFact>)> {
    let located = |span: std::ops::Range<usize>| Location::line(file, line(span.start));
    let kind: EntityType = raw
        .kind
        .get_ref()
        .parse()
        .map_err(|m| Error::parse(located(raw.kind.span()), m))?;
    let id = raw.id.get_ref().clone();
    if !is_slug(&id) {
        return Err(Error::parse(
            located(raw.id.span()),
            format!("id '{id}' is not a slug: use lower-case letters, digits and single '-'"),
        ));
    }
    if let Some(q) = &raw.wikidata
        && !is_wikidata_id(q.get_ref())
    {
        return Err(Error::parse(
            located(q.span()),
            format!("wikidata '{}' is not a Q-id such as Q7747", q.get_ref()),
        ));
    }
    if kind != EntityType::Place && (!raw.demonyms.is_empty() || raw.located_in.is_some()) {
        return Err(Error::parse(
            Location::line(file, at),
            format!("'{id}' is a {kind}: only places have demonyms and located_in"),
        ));
    }

    let name_of = |s: &Spanned<String>, kind: MentionKind, ambiguous: bool| Name {
        text: s.get_ref().clone(),
        kind: if kind == MentionKind::Name && is_acronym(s.get_ref()) {
            MentionKind::Acronym
        } else {
            kind
        },
        ambiguous,
        line: line(s.span().start),
    };
    let shared: Vec<&str> = raw.ambiguous.iter().map(|s| s.get_ref().as_str()).collect();
    let mut names = vec![name_of(
        &raw.name,
        MentionKind::Name,
        shared.contains(&raw.name.get_ref().as_str()),
    )];
    for alias in &raw.aliases {
        names.push(name_of(
            alias,
            MentionKind::Name,
            shared.contains(&alias.get_ref().as_str()),
        ));
    }
    for alias in &raw.ambiguous {
        if !names.iter().any(|n| &n.text == alias.get_ref()) {
            names.push(name_of(alias, MentionKind::Name, true));
        }
    }
    for demonym in &raw.demonyms {
        names.push(name_of(demonym, MentionKind::Demonym, false));
    }

    let mut facts = Vec::new();
    let place_parent = raw.located_in.as_ref().or(raw.country.as_ref());
    if kind == EntityType::Place
        && let Some(parent) = place_parent
    {
        facts.push(PendingFact {
            kind: Some(EdgeKind::LocatedIn),
            role: false,
            target: parent.get_ref().clone(),
            title: None,
            from: None,
            to: None,
            location: located(parent.span()),
        });
    }
    for (list, role) in [(&raw.roles, true), (&raw.affiliations, false)] {
        for fact in list {
            let location = located(fact.span());
            let f = fact.get_ref();
            let edge = match &f.edge {
                Some(e) => Some(
                    e.parse::<EdgeKind>()
                        .map_err(|e| Error::parse(location.clone(), e.to_string()))?,
                ),
                None if role => None,
                None => Some(EdgeKind::MemberOf),
            };
            if let (Some(from), Some(to)) = (f.from, f.to)
                && to < from
            {
                return Err(Error::parse(
                    location,
                    format!("'to' ({to}) is before 'from' ({from})"),
                ));
            }
            facts.push(PendingFact {
                kind: edge,
                role,
                target: f.of.clone(),
                title: f.title.clone(),
                from: f.from,
                to: f.to,
                location,
            });
        }
    }

    let entity = Entity {
        id,
        name: raw.name.into_inner(),
        kind,
        names,
        description: raw.description,
        country: raw.country.map(Spanned::into_inner),
        wikidata: raw.wikidata.map(Spanned::into_inner),
        facts: Vec::new(),
        location: Location::line(file, at),
        curated: true,
    };
    Ok((entity, facts))
}

/// The id a curator would give a name: its normalized words, Latin letters
/// and digits only, joined by `-` ("Hay’at Tahrir al-Sham" is
/// `hayat-tahrir-al-sham`, "Türkiye" is `turkiye`). Empty for a name with
/// no such letters.
pub fn slug(name: &str) -> String {
    let normalized = crate::normalize::normalize(name);
    let parts: Vec<&str> = normalized
        .as_str()
        .split(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit()))
        .filter(|p| !p.is_empty())
        .collect();
    parts.join("-")
}

/// `a-z`, `0-9` and single inner `-`.
pub(super) fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

fn is_wikidata_id(q: &str) -> bool {
    q.len() > 1 && q.starts_with('Q') && q[1..].bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use crate::error::Error;
    use crate::gazetteer::{Gazetteer, MentionKind};
    use crate::graph::kind::EdgeKind;

    #[test]
    fn slugs_are_ids() {
        for (name, want) in [
            ("Hay’at Tahrir al-Sham", "hayat-tahrir-al-sham"),
            ("Türkiye", "turkiye"),
            (
                "Independent High Electoral Commission (IHEC)",
                "independent-high-electoral-commission-ihec",
            ),
            ("حزب", ""),
        ] {
            assert_eq!(super::slug(name), want);
            assert!(want.is_empty() || super::is_slug(want));
        }
    }

    fn load(text: &str) -> crate::Result<Gazetteer> {
        Gazetteer::from_toml_str("test.toml", text)
    }

    #[test]
    fn reads_names_kinds_and_facts() {
        let g = load(
            r#"
[[entity]]
id = "syria"
name = "Syria"
type = "place"
demonyms = ["Syrian"]

[[entity]]
id = "hayat-tahrir-al-sham"
name = "Hayat Tahrir al-Sham"
type = "group"
aliases = ["HTS"]
country = "syria"

[[entity]]
id = "ahmed-al-sharaa"
name = "Ahmed al-Sharaa"
type = "person"
aliases = ["Abu Mohammad al-Jolani"]
roles = [
  { title = "Leader", of = "hayat-tahrir-al-sham", from = "2017-01-28", to = "2025-01-29" },
  { title = "President", of = "syria", from = "2025-01-29" },
]
"#,
        )
        .unwrap();
        let hts = g.entity(g.entity_by_id("hayat-tahrir-al-sham").unwrap());
        assert_eq!(hts.names[1].kind, MentionKind::Acronym);
        let syria = g.entity(g.entity_by_id("syria").unwrap());
        assert_eq!(syria.names[1].kind, MentionKind::Demonym);
        let sharaa = g.entity(g.entity_by_id("ahmed-al-sharaa").unwrap());
        let kinds: Vec<EdgeKind> = sharaa.facts.iter().map(|f| f.kind).collect();
        assert_eq!(kinds, [EdgeKind::Leads, EdgeKind::HoldsOffice]);
        assert_eq!(sharaa.facts[0].location.to_string(), "test.toml:21");
        assert_eq!(sharaa.facts[0].to.unwrap().to_string(), "2025-01-29");
    }

    #[test]
    fn malformed_files_name_line_and_column() {
        let table = [
            (
                "[[entity]]\nid = \"x\"\nname = \"X\"\ntype = \"thing\"\n",
                "test.toml:4",
                "unknown entity type",
            ),
            (
                "[[entity]]\nid = \"x\"\ntype = \"place\"\n",
                "test.toml:1",
                "missing field `name`",
            ),
            (
                "[[entity]]\nid = \"X Y\"\nname = \"X\"\ntype = \"place\"\n",
                "test.toml:2",
                "not a slug",
            ),
            (
                "[[entity]]\nid = \"x\"\nname = \"X\"\ntype = \"place\"\nnmae = 1\n",
                "test.toml:5",
                "unknown field",
            ),
            ("[[entity]\n", "test.toml:1", ""),
            (
                "[[entity]]\nid = \"x\"\nname = \"X\"\ntype = \"person\"\nroles = [{ of = \"y\", edge = \"likes\" }]\n",
                "test.toml:5",
                "unknown edge type 'likes'",
            ),
            (
                "[[entity]]\nid = \"x\"\nname = \"X\"\ntype = \"person\"\nroles = [{ of = \"y\", from = \"2024-13\" }]\n",
                "test.toml:5",
                "not a date",
            ),
        ];
        for (text, at, message) in table {
            match load(text) {
                Err(Error::Parse {
                    location,
                    message: m,
                }) => {
                    assert!(location.to_string().starts_with(at), "{text:?}: {location}");
                    assert!(m.contains(message), "{text:?}: {m}");
                }
                other => panic!("{text:?}: expected a parse error, got {other:?}"),
            }
        }
    }
}
