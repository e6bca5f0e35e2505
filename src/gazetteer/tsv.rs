//! Reads bulk gazetteer lists: `id<TAB>type<TAB>name`, one alias a row, a header
//! line first. Rows with the same id form one entity; its first row names it.

use super::builder::GazetteerBuilder;
use super::{Entity, EntityIndex, EntityType, MentionKind, Name, is_acronym, name_fault};
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
        let (id, kind, name) =
            split_row(line).map_err(|m| Error::parse(Location::line(file, number), m))?;
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
        if let Some(fault) = name_fault(name) {
            let counts = builder.bulk(file);
            counts.unmatchable += 1;
            counts.first_unmatchable.get_or_insert((number, fault));
            continue;
        }
        let name = Name {
            text: name.to_string(),
            kind: if is_acronym(name) {
                MentionKind::Acronym
            } else {
                MentionKind::Name
            },
            ambiguous: false,
            line: number,
            from: None,
            to: None,
            title_case: false,
            local: false,
        };
        // Rows of one entity usually follow each other: look the id up only
        // when it changes.
        if let Some((last_id, index)) = &last
            && last_id == id
        {
            add_name(builder, file, *index, kind, name);
            continue;
        }
        let index = builder
            .entity_index(id)
            .filter(|&i| !builder.entity(i).curated && builder.entity(i).location.file == file);
        match index {
            Some(index) => add_name(builder, file, index, kind, name),
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
                        level: None,
                        from: None,
                        to: None,
                        successor: None,
                        checked: None,
                        seat: false,
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

/// Adds a further row's name to the entity its id already made; a row that
/// gives the id another type keeps the first type and is counted.
fn add_name(
    builder: &mut GazetteerBuilder,
    file: &str,
    index: EntityIndex,
    kind: EntityType,
    name: Name,
) {
    let entity = builder.entity(index);
    if entity.kind != kind {
        let first = format!(
            "'{}' is a {} since line {}, not a {kind}",
            entity.id, entity.kind, entity.location.line
        );
        let counts = builder.bulk(file);
        counts.retyped += 1;
        counts.first_retyped.get_or_insert((name.line, first));
    }
    builder.entity_mut(index).names.push(name);
}

/// The id, type and name of a row, or what is wrong with it.
fn split_row(line: &str) -> Result<(&str, &str, &str), String> {
    let cols: Vec<&str> = line.splitn(4, '\t').collect();
    if cols.len() != 3 {
        return Err(format!(
            "expected three tab-separated columns (id, type, name), found {}{}",
            if cols.len() > 3 { "more than " } else { "" },
            cols.len().min(3)
        ));
    }
    for (col, what) in cols
        .iter()
        .zip(["id (column 1)", "type (column 2)", "name (column 3)"])
    {
        if col.trim().is_empty() {
            return Err(format!("the {what} is empty"));
        }
    }
    Ok((cols[0], cols[1], cols[2].trim()))
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
            g.problems().iter().any(|p| p.message
                == "1 names are common or generic words (such as \"March\") and are not matched"),
            "{:?}",
            g.problems()
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

    fn problems(text: &str) -> (crate::gazetteer::Gazetteer, Vec<String>) {
        let mut b = GazetteerBuilder::new();
        b.add_tsv("list.tsv", text).unwrap();
        let g = b.finish();
        let p = g.problems().iter().map(ToString::to_string).collect();
        (g, p)
    }

    #[test]
    fn common_words_are_named_from_the_file_itself() {
        let (_, p) = problems(
            "id\ttype\tname\ngn:1\tplace\tNice\ngn:2\tplace\tBay\ngn:2\tplace\tNice\ngn:4\tplace\tHope\ngn:5\tplace\tGold\n",
        );
        assert_eq!(
            p,
            [
                "list.tsv: warning: 5 names are common or generic words (such as \"Nice\", \"Bay\", \"Hope\") and are not matched"
            ]
        );
    }

    #[test]
    fn rows_whose_name_cannot_be_matched_are_skipped_and_counted() {
        let long = vec!["word"; 20_000].join(" ");
        let text = format!(
            "id\ttype\tname\ngn:1\tplace\tAleppo\ngn:1\tplace\t...\ngn:2\tplace\t\u{ab}\u{bb}\ngn:2\tplace\tHalab\ngn:3\tplace\t{long}\n"
        );
        let (g, p) = problems(&text);
        assert_eq!(
            p,
            [
                "list.tsv:3: warning: 3 rows skipped: their name cannot be matched (the first, here: name \"...\" has no letter or digit)"
            ]
        );
        assert!(g.lookup("...").is_empty() && g.lookup("\u{ab}\u{bb}").is_empty());
        assert_eq!(g.entity(g.lookup("Halab")[0].entity).name, "Halab");
        assert!(g.entity_by_id("gn:3").is_none());
    }

    #[test]
    fn an_id_given_a_second_type_keeps_its_first_and_is_counted() {
        let (g, p) = problems(
            "id\ttype\tname\ngn:1\tplace\tAleppo\ngn:1\tgroup\tHalab\ngn:2\tgroup\tNATO\ngn:1\tperson\tHaleb\n",
        );
        assert_eq!(
            p,
            [
                "list.tsv:3: warning: 2 rows give their id another type than its first row; each id keeps its first type (the first, here: 'gn:1' is a place since line 2, not a group)"
            ]
        );
        let aleppo = g.entity(g.entity_by_id("gn:1").unwrap());
        assert_eq!(aleppo.kind, crate::gazetteer::EntityType::Place);
        assert_eq!(aleppo.names.len(), 3);
    }

    #[test]
    fn malformed_rows_name_their_line() {
        for (text, want) in [
            ("name\tid\n", "list.tsv:1: a bulk gazetteer starts"),
            (
                "id\ttype\tname\ngn:1\tplace\n",
                "list.tsv:2: expected three tab-separated columns (id, type, name), found 2",
            ),
            (
                "id\ttype\tname\ngn:1\tplace\tA\tB\n",
                "list.tsv:2: expected three tab-separated columns (id, type, name), found more than 3",
            ),
            (
                "id\ttype\tname\n\tplace\tA\n",
                "list.tsv:2: the id (column 1) is empty",
            ),
            (
                "id\ttype\tname\ngn:1\t\tA\n",
                "list.tsv:2: the type (column 2) is empty",
            ),
            (
                "id\ttype\tname\ngn:1\tplace\t \n",
                "list.tsv:2: the name (column 3) is empty",
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
