//! Reads bulk gazetteer lists: `id<TAB>type<TAB>name`, one alias a row, a header
//! line first. Rows with the same id form one entity; its first row names it.

use super::builder::GazetteerBuilder;
use super::{Entity, EntityIndex, EntityType, MentionKind, Name, is_acronym};
use crate::error::{Error, Location};

pub(super) fn add_tsv(builder: &mut GazetteerBuilder, file: &str, text: &str) -> crate::Result<()> {
    let mut lines = text.lines().enumerate();
    let header_ok = lines.next().is_some_and(|(_, h)| {
        h.trim_end_matches('\r')
            .split('\t')
            .take(3)
            .eq(["id", "type", "name"])
    });
    if !header_ok {
        return Err(Error::parse(
            Location::line(file, 1),
            "a bulk gazetteer starts with the header line 'id<TAB>type<TAB>name'",
        ));
    }
    let mut last: Option<(String, EntityIndex)> = None;
    for (i, line) in lines {
        let number = i as u32 + 1;
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            continue;
        }
        let (id, kind, name) = split_row(line).ok_or_else(|| {
            Error::parse(
                Location::line(file, number),
                "expected three tab-separated columns: id, type, name",
            )
        })?;
        let kind: EntityType = kind.parse().map_err(|m: String| {
            Error::parse(
                Location {
                    file: file.to_string(),
                    line: number,
                    column: id.chars().count() as u32 + 2,
                },
                m,
            )
        })?;
        let name = Name {
            text: name.to_string(),
            kind: if is_acronym(name) {
                MentionKind::Acronym
            } else {
                MentionKind::Name
            },
            ambiguous: false,
            line: number,
        };
        // Rows of one entity usually follow each other: look the id up only
        // when it changes.
        if let Some((last_id, index)) = &last
            && last_id == id
        {
            builder.entity_mut(*index).names.push(name);
            continue;
        }
        let index = builder
            .entity_index(id)
            .filter(|&i| !builder.entity(i).curated && builder.entity(i).location.file == file);
        match index {
            Some(index) => builder.entity_mut(index).names.push(name),
            None => {
                builder.add_entity(
                    Entity {
                        id: id.to_string(),
                        name: name.text.clone(),
                        kind,
                        names: vec![name],
                        description: None,
                        country: None,
                        wikidata: None,
                        facts: Vec::new(),
                        location: Location::line(file, number),
                        curated: false,
                    },
                    Vec::new(),
                );
            }
        }
        last = builder.entity_index(id).map(|i| (id.to_string(), i));
    }
    Ok(())
}

fn split_row(line: &str) -> Option<(&str, &str, &str)> {
    let mut cols = line.splitn(3, '\t');
    let id = cols.next().filter(|s| !s.is_empty())?;
    let kind = cols.next()?;
    let name = cols
        .next()
        .filter(|s| !s.trim().is_empty() && !s.contains('\t'))?;
    Some((id, kind, name.trim()))
}

#[cfg(test)]
mod tests {
    use crate::gazetteer::{GazetteerBuilder, MentionKind};

    #[test]
    fn rows_with_one_id_form_one_entity() {
        let mut b = GazetteerBuilder::new();
        b.add_tsv("list.tsv", "id\ttype\tname\ngn:1\tplace\tAleppo\ngn:1\tplace\tHalab\ngn:2\tgroup\tNATO\ngn:3\tplace\tMarch\n")
            .unwrap();
        let g = b.finish();
        assert_eq!(g.entities().len(), 3);
        let aleppo = g.entity_by_id("gn:1").unwrap();
        assert_eq!(g.lookup("halab")[0].entity, aleppo);
        assert_eq!(g.entity(aleppo).name, "Aleppo");
        assert_eq!(g.lookup("NATO")[0].kind, MentionKind::Acronym);
        assert!(
            g.lookup("march").is_empty(),
            "common words in bulk lists are not matched"
        );
        assert!(
            g.problems()
                .iter()
                .any(|p| p.message.contains("1 names are common or generic words"))
        );
    }

    /// A bulk name that is one generic word, alone or after "the", is not
    /// matched; longer names that hold such words are.
    #[test]
    fn generic_single_words_of_bulk_lists_are_not_matched() {
        let table = [
            ("Corp", false),
            ("LTD", false),
            ("PLC", false),
            ("NATO", true),
            ("International", false),
            ("American", false),
            ("Net", false),
            ("General", false),
            ("John", false),
            ("The Bank", false),
            ("Sales", false),
            ("Texaco Corp", true),
            ("General Motors", true),
            ("Japan", true),
            ("Reagan", true),
            ("The Hague", true),
            ("Bank of Japan", true),
        ];
        let mut tsv = String::from("id\ttype\tname\n");
        for (i, (name, _)) in table.iter().enumerate() {
            tsv += &format!("x:{i}\tgroup\t{name}\n");
        }
        let mut b = GazetteerBuilder::new();
        b.add_tsv("list.tsv", &tsv).unwrap();
        let g = b.finish();
        for (name, matched) in table {
            assert_eq!(!g.lookup(name).is_empty(), matched, "{name}");
        }
        let skipped = table.iter().filter(|(_, m)| !m).count();
        let message = format!("{skipped} names are common or generic words");
        assert!(
            g.problems().iter().any(|p| p.message.contains(&message)),
            "{:?}",
            g.problems()
        );
    }

    #[test]
    fn malformed_rows_name_their_line() {
        for (text, want) in [
            ("name\tid\n", "list.tsv:1: a bulk gazetteer starts"),
            (
                "id\ttype\tname\ngn:1\tplace\n",
                "list.tsv:2: expected three",
            ),
            (
                "id\ttype\tname\ngn:1\tplace\tA\ngn:2\tcity\tB\n",
                "list.tsv:3:6: unknown entity type 'city'",
            ),
        ] {
            let err = GazetteerBuilder::new()
                .add_tsv("list.tsv", text)
                .unwrap_err();
            assert!(err.to_string().starts_with(want), "{err}");
        }
    }
}
