//! Reads curated TOML gazetteer files: `[[entity]]` tables with names and facts.

use serde::Deserialize;
use toml::Spanned;

use super::builder::{GazetteerBuilder, PendingFact, Reference};
use super::{
    Entity, EntityType, MentionKind, Name, PlaceLevel, Problem, Severity, is_acronym, name_fault,
};
use crate::date::Date;
use crate::error::{Error, LineIndex, Location, line_column};
use crate::graph::kind::EdgeKind;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    /// When the file's facts were last checked against the news.
    checked: Option<Date>,
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
    /// A string, or `{ name, from, to }` for a name used only for a while.
    #[serde(default)]
    aliases: Vec<Spanned<toml::Value>>,
    /// Names of the entity only in a document about its `country` ("the
    /// Interior Ministry"); written as `aliases` are.
    #[serde(default)]
    local_aliases: Vec<Spanned<toml::Value>>,
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
    level: Option<Spanned<String>>,
    from: Option<Date>,
    to: Option<Date>,
    successor: Option<Spanned<String>>,
    checked: Option<Date>,
    /// A capital that stands for its country's government.
    #[serde(default)]
    seat: Option<Spanned<bool>>,
}

/// An alias written as a table: a name in use for a while.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DatedAlias {
    name: String,
    from: Option<Date>,
    to: Option<Date>,
    /// `title`: matched only where the text capitalizes it too; `any` (the
    /// default): in any case.
    case: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFact {
    of: String,
    title: Option<String>,
    from: Option<Date>,
    to: Option<Date>,
    edge: Option<String>,
    #[serde(default)]
    shared: bool,
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
    let mut problems = Vec::new();
    for raw in parsed.entity {
        let at = line(raw.span().start);
        let raw = raw.into_inner();
        let (mut entity, facts) = convert(raw, file, at, &line, &mut problems)?;
        entity.checked = entity.checked.or(parsed.checked);
        builder.add_entity(entity, facts);
    }
    for problem in problems {
        builder.report(problem);
    }
    Ok(())
}

fn convert(
    raw: RawEntity,
    file: &str,
    at: u32,
    line: &dyn Fn(usize) -> u32,
    problems: &mut Vec<Problem>,
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

    if let (Some(from), Some(to)) = (raw.from, raw.to)
        && to < from
    {
        return Err(Error::parse(
            Location::line(file, at),
            format!("'{id}' ends ('to' = {to}) before it begins ('from' = {from})"),
        ));
    }
    let level = match &raw.level {
        Some(l) if kind != EntityType::Place => {
            return Err(Error::parse(
                located(l.span()),
                format!("'{id}' is a {kind}: only places have a level"),
            ));
        }
        Some(l) => Some(
            l.get_ref()
                .parse::<PlaceLevel>()
                .map_err(|m| Error::parse(located(l.span()), m))?,
        ),
        None => None,
    };
    // A seat stands for the government of a country: a place that names one.
    let seat = match &raw.seat {
        Some(s) if *s.get_ref() && (kind != EntityType::Place || raw.country.is_none()) => {
            return Err(Error::parse(
                located(s.span()),
                format!(
                    "'{id}' has 'seat = true': only a place with a 'country' can stand for its government"
                ),
            ));
        }
        Some(s) => *s.get_ref(),
        None => false,
    };

    let name_of = |s: &Spanned<String>, kind: MentionKind, ambiguous: bool| Name {
        text: s.get_ref().clone(),
        kind: if kind == MentionKind::Name && is_acronym(s.get_ref()) {
            MentionKind::Acronym
        } else {
            kind
        },
        ambiguous,
        line: line(s.span().start),
        from: None,
        to: None,
        title_case: false,
        local: false,
    };
    let shared: Vec<&str> = raw.ambiguous.iter().map(|s| s.get_ref().as_str()).collect();
    let mut names = vec![name_of(
        &raw.name,
        MentionKind::Name,
        shared.contains(&raw.name.get_ref().as_str()),
    )];
    for alias in &raw.aliases {
        let parts = alias_parts(alias, &located)?;
        let mut name = name_of(
            &Spanned::new(alias.span(), parts.name),
            MentionKind::Name,
            false,
        );
        name.ambiguous = shared.contains(&name.text.as_str());
        name.from = parts.from;
        name.to = parts.to;
        name.title_case = parts.title_case;
        // The canonical name again, as a table: its dates or case apply to
        // the name itself.
        if name.text == names[0].text {
            names[0] = Name {
                line: names[0].line,
                ..name
            };
            continue;
        }
        names.push(name);
    }
    if let (Some(first), None) = (raw.local_aliases.first(), &raw.country) {
        // Without a country, nothing could ever choose the entity for them.
        problems.push(Problem {
            location: located(first.span()),
            severity: Severity::Error,
            message: format!(
                "'{id}' has local_aliases but no country: a local alias names the entity only in a document about its country; they are ignored"
            ),
        });
    } else {
        for alias in &raw.local_aliases {
            let parts = alias_parts(alias, &located)?;
            let mut name = name_of(
                &Spanned::new(alias.span(), parts.name),
                MentionKind::Name,
                false,
            );
            name.from = parts.from;
            name.to = parts.to;
            name.title_case = parts.title_case;
            name.local = true;
            names.push(name);
        }
    }
    for alias in &raw.ambiguous {
        if !names.iter().any(|n| &n.text == alias.get_ref()) {
            names.push(name_of(alias, MentionKind::Name, true));
        }
    }
    for demonym in &raw.demonyms {
        names.push(name_of(demonym, MentionKind::Demonym, false));
    }
    // A name that cannot be matched is reported and left out, before its
    // spelling variants are generated.
    names.retain(|name| match name_fault(&name.text) {
        Some(message) => {
            problems.push(Problem {
                location: Location::line(file, name.line),
                severity: Severity::Error,
                message,
            });
            false
        }
        None => true,
    });

    let mut facts = Vec::new();
    if let Some(parent) = &raw.located_in {
        facts.push(reference(Reference::LocatedIn, parent, &located));
    }
    if let Some(country) = &raw.country {
        // A place's country is where it lies, unless it says more precisely.
        let fact = kind == EntityType::Place && raw.located_in.is_none();
        facts.push(reference(Reference::Country { fact }, country, &located));
    }
    for (list, origin) in [
        (&raw.roles, Reference::Role),
        (&raw.affiliations, Reference::Affiliation),
    ] {
        for fact in list {
            let location = located(fact.span());
            let f = fact.get_ref();
            let edge = match &f.edge {
                Some(e) => Some(fact_kind(e).map_err(|m| Error::parse(location.clone(), m))?),
                None if origin == Reference::Role => None,
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
                reference: origin,
                target: f.of.clone(),
                title: f.title.clone(),
                from: f.from,
                to: f.to,
                shared: f.shared,
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
        level,
        from: raw.from,
        to: raw.to,
        successor: raw.successor.map(Spanned::into_inner),
        checked: raw.checked,
        seat,
        location: Location::line(file, at),
        curated: true,
    };
    Ok((entity, facts))
}

/// A reference to a place by `located_in` or `country`.
fn reference(
    reference: Reference,
    target: &Spanned<String>,
    located: &dyn Fn(std::ops::Range<usize>) -> Location,
) -> PendingFact {
    PendingFact {
        kind: Some(EdgeKind::LocatedIn),
        reference,
        target: target.get_ref().clone(),
        title: None,
        from: None,
        to: None,
        shared: false,
        location: located(target.span()),
    }
}

/// The edge type a fact names: one of [`EdgeKind::FACTS`].
fn fact_kind(name: &str) -> Result<EdgeKind, String> {
    let allowed = || {
        let names: Vec<&str> = EdgeKind::FACTS.iter().map(|k| k.as_str()).collect();
        names.join(", ")
    };
    match name.parse::<EdgeKind>() {
        Ok(kind) if kind.is_fact() => Ok(kind),
        Ok(kind) => Err(format!(
            "a fact cannot be '{kind}', which only a text can report; a fact's edge is one of: {}",
            allowed()
        )),
        Err(_) => Err(format!(
            "unknown edge type '{name}'; a fact's edge is one of: {}",
            allowed()
        )),
    }
}

/// An alias written as a string or as `{ name, from, to, case }`.
struct AliasParts {
    name: String,
    from: Option<Date>,
    to: Option<Date>,
    title_case: bool,
}

fn alias_parts(
    alias: &Spanned<toml::Value>,
    located: &dyn Fn(std::ops::Range<usize>) -> Location,
) -> crate::Result<AliasParts> {
    let fail = |message: String| Error::parse(located(alias.span()), message);
    match alias.get_ref() {
        toml::Value::String(s) => Ok(AliasParts {
            name: s.clone(),
            from: None,
            to: None,
            title_case: false,
        }),
        toml::Value::Table(t) => {
            let dated: DatedAlias = toml::Value::Table(t.clone())
                .try_into()
                .map_err(|e: toml::de::Error| fail(format!("alias: {}", e.message().trim_end())))?;
            if let (Some(from), Some(to)) = (dated.from, dated.to)
                && to < from
            {
                return Err(fail(format!(
                    "alias {:?}: 'to' ({to}) is before 'from' ({from})",
                    dated.name
                )));
            }
            let title_case = match dated.case.as_deref() {
                None | Some("any") => false,
                Some("title") => true,
                Some(other) => {
                    return Err(fail(format!(
                        "alias {:?}: case is \"title\" or \"any\", not {other:?}",
                        dated.name
                    )));
                }
            };
            Ok(AliasParts {
                name: dated.name,
                from: dated.from,
                to: dated.to,
                title_case,
            })
        }
        other => Err(fail(format!(
            "an alias is a string or {{ name = \"...\", from = \"...\", to = \"...\" }}, not {}",
            other.type_str()
        ))),
    }
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
  { title = "Leader", of = "hayat-tahrir-al-sham", from = "2017-10-01", to = "2025-01-29" },
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
    fn reads_lifetimes_levels_dated_aliases_and_checked_dates() {
        let g = load(
            r#"
checked = "2026-11-01"

[[entity]]
id = "syrian-arab-army"
name = "Syrian Arab Army"
type = "group"
aliases = ["SAA", { name = "the Syrian army", to = "2025-01-29" }]
to = "2025-01-29"
successor = "syrian-army"

[[entity]]
id = "syrian-army"
name = "Syrian Army"
type = "group"
aliases = [{ name = "the Syrian army", from = "2025-01-29" }]
from = "2025-01-29"
checked = "2026-11-30"

[[entity]]
id = "idlib-governorate"
name = "Idlib Governorate"
type = "place"
level = "governorate"
"#,
        )
        .unwrap();
        let old = g.entity(g.entity_by_id("syrian-arab-army").unwrap());
        assert_eq!(old.to.unwrap().to_string(), "2025-01-29");
        assert_eq!(old.successor.as_deref(), Some("syrian-army"));
        assert_eq!(old.checked.unwrap().to_string(), "2026-11-01");
        assert_eq!(old.names[1].kind, MentionKind::Acronym);
        let dated = &old.names[2];
        assert_eq!(
            (dated.text.as_str(), dated.from, dated.line),
            ("the Syrian army", None, 8)
        );
        assert_eq!(dated.to.unwrap().to_string(), "2025-01-29");
        let new = g.entity(g.entity_by_id("syrian-army").unwrap());
        assert_eq!(new.from.unwrap().to_string(), "2025-01-29");
        assert_eq!(new.checked.unwrap().to_string(), "2026-11-30");
        let idlib = g.entity(g.entity_by_id("idlib-governorate").unwrap());
        assert_eq!(idlib.level, Some(crate::gazetteer::PlaceLevel::Governorate));
        assert!(g.problems().is_empty(), "{:?}", g.problems());
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
                "unknown edge type 'likes'; a fact's edge is one of: leads, member_of, holds_office, located_in, supports, opposes, allied_with",
            ),
            (
                "[[entity]]\nid = \"x\"\nname = \"X\"\ntype = \"person\"\naffiliations = [{ of = \"y\", edge = \"attacks\" }]\n",
                "test.toml:5",
                "a fact cannot be 'attacks', which only a text can report; a fact's edge is one of: leads, member_of",
            ),
            (
                "[[entity]]\nid = \"x\"\nname = \"X\"\ntype = \"person\"\nroles = [{ of = \"y\", edge = \"co_mention\" }]\n",
                "test.toml:5",
                "a fact cannot be 'co_mention'",
            ),
            (
                "[[entity]]\nid = \"x\"\nname = \"X\"\ntype = \"person\"\nroles = [{ of = \"y\", from = \"2024-13\" }]\n",
                "test.toml:5",
                "not a date",
            ),
            (
                "[[entity]]\nid = \"x\"\nname = \"X\"\ntype = \"place\"\nlevel = \"hamlet\"\n",
                "test.toml:5",
                "unknown place level 'hamlet'",
            ),
            (
                "[[entity]]\nid = \"x\"\nname = \"X\"\ntype = \"group\"\nlevel = \"city\"\n",
                "test.toml:5",
                "only places have a level",
            ),
            (
                "[[entity]]\nid = \"x\"\nname = \"X\"\ntype = \"place\"\nlevel = \"city\"\nseat = true\n",
                "test.toml:6",
                "only a place with a 'country' can stand for its government",
            ),
            (
                "[[entity]]\nid = \"x\"\nname = \"X\"\ntype = \"group\"\nfrom = \"2025\"\nto = \"2024\"\n",
                "test.toml:1",
                "ends ('to' = 2024) before it begins",
            ),
            (
                "[[entity]]\nid = \"x\"\nname = \"X\"\ntype = \"group\"\naliases = [\n  { name = \"Y\", from = \"2025\", to = \"2024\" },\n]\n",
                "test.toml:6",
                "alias \"Y\": 'to' (2024) is before 'from'",
            ),
            (
                "[[entity]]\nid = \"x\"\nname = \"X\"\ntype = \"group\"\naliases = [{ nmae = \"Y\" }]\n",
                "test.toml:5",
                "alias: unknown field `nmae`",
            ),
            (
                "[[entity]]\nid = \"x\"\nname = \"X\"\ntype = \"group\"\naliases = [3]\n",
                "test.toml:5",
                "an alias is a string or",
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
