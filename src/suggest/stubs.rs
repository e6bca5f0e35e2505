//! Suggestions as ready-to-review gazetteer stubs: one `[[entity]]` table per
//! new name, its evidence in comments above it; probable aliases of known
//! entities as comments saying which entity to add them to.

use std::collections::BTreeSet;
use std::io::{self, Write};

use super::{Suggestion, Suggestions};
use crate::gazetteer::{EntityType, slug};

/// Writes the stubs. Ids are the names' slugs (`-2`, `-3` … where two would
/// be one); a name whose type no cue gave is written as a group, with a
/// comment saying so. The file loads as it is (`-g stubs.toml`).
pub fn write_toml(out: &mut dyn Write, suggestions: &Suggestions) -> io::Result<()> {
    writeln!(
        out,
        "# Names that {} document(s) use and the gazetteer does not know.\n\
         # Review each: fix the type, add aliases, delete what is no actor.\n",
        suggestions.documents
    )?;
    let mut ids = BTreeSet::new();
    for s in &suggestions.new {
        write_stub(out, s, &mut ids)?;
    }
    if !suggestions.aliases.is_empty() {
        writeln!(
            out,
            "# Probably aliases of known entities: add them to their `aliases`."
        )?;
    }
    for s in &suggestions.aliases {
        let Some(alias) = &s.alias_of else { continue };
        writeln!(
            out,
            "# {} ({} document(s)): {} of '{}' ({}); e.g. {}: {}",
            toml_string(&s.name),
            s.docs,
            alias.reason.describe(),
            alias.id,
            alias.name,
            s.example.doc,
            one_line(&s.example.sentence),
        )?;
    }
    Ok(())
}

fn write_stub(out: &mut dyn Write, s: &Suggestion, ids: &mut BTreeSet<String>) -> io::Result<()> {
    let base = match slug(&s.name) {
        b if b.is_empty() => "name".to_string(),
        b => b,
    };
    let mut id = base.clone();
    let mut n = 1;
    while !ids.insert(id.clone()) {
        n += 1;
        id = format!("{base}-{n}");
    }
    writeln!(out, "# {} document(s), {} mention(s)", s.docs, s.mentions)?;
    writeln!(
        out,
        "# e.g. {}: {}",
        s.example.doc,
        one_line(&s.example.sentence)
    )?;
    writeln!(out, "[[entity]]")?;
    writeln!(out, "id = {}", toml_string(&id))?;
    writeln!(out, "name = {}", toml_string(&s.name))?;
    match s.kind {
        Some(kind) => writeln!(out, "type = \"{kind}\"")?,
        None => writeln!(
            out,
            "type = \"{}\"  # no cue for the type: check",
            EntityType::Group
        )?,
    }
    let aliases: Vec<String> = s
        .acronym
        .iter()
        .chain(&s.short_forms)
        .map(|a| toml_string(a))
        .collect();
    if !aliases.is_empty() {
        writeln!(out, "aliases = [{}]", aliases.join(", "))?;
    }
    writeln!(out)
}

/// A TOML basic string.
fn toml_string(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// At most 200 characters of a sentence, for a comment line.
fn one_line(sentence: &str) -> String {
    let flat: String = sentence
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    match flat.char_indices().nth(200) {
        Some((i, _)) => format!("{}…", &flat[..i]),
        None => flat,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::Gazetteer;
    use crate::suggest::{Alias, AliasReason, Example};

    fn suggestion(name: &str, kind: Option<EntityType>, acronym: Option<&str>) -> Suggestion {
        Suggestion {
            name: name.to_string(),
            kind,
            docs: 3,
            mentions: 4,
            acronym: acronym.map(String::from),
            short_forms: Vec::new(),
            example: Example {
                doc: "d1".to_string(),
                sentence: format!("He said \"{name}\" met.\nAgain."),
            },
            alias_of: None,
            score: 3.0,
        }
    }

    #[test]
    fn stubs_load_as_a_gazetteer() {
        let mut alias = suggestion("Fayyadh", Some(EntityType::Person), None);
        alias.alias_of = Some(Alias {
            id: "falih-al-fayyadh".to_string(),
            name: "Falih al-Fayyadh".to_string(),
            reason: AliasReason::ShortForm,
        });
        let suggestions = Suggestions {
            documents: 9,
            new: vec![
                suggestion(
                    "Independent High Electoral Commission",
                    Some(EntityType::Group),
                    Some("IHEC"),
                ),
                suggestion("Tal \"Tamr\"", None, None),
                suggestion("Tal Tamr", Some(EntityType::Place), None),
            ],
            aliases: vec![alias],
        };
        let mut out = Vec::new();
        write_toml(&mut out, &suggestions).unwrap();
        let text = String::from_utf8(out).unwrap();
        let g = Gazetteer::from_toml_str("stubs.toml", &text).unwrap();
        let ids: Vec<&str> = g.entities().iter().map(|e| e.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "independent-high-electoral-commission",
                "tal-tamr",
                "tal-tamr-2"
            ]
        );
        assert_eq!(g.lookup("IHEC")[0].entity, 0);
        assert_eq!(g.entity(1).name, "Tal \"Tamr\"");
        assert!(text.contains("# no cue for the type: check"), "{text}");
        assert!(
            text.contains("the surname of this person of 'falih-al-fayyadh'"),
            "{text}"
        );
        assert!(
            text.contains("# e.g. d1: He said \"Tal Tamr\" met. Again."),
            "{text}"
        );
    }
}
