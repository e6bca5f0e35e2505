//! `actorgraph gazetteer check` and the bundled gazetteer's facts in time:
//! offices hand over, armies and governments succeed each other, and the
//! names they share resolve by date; with `--corpus`, the names that look
//! generic on real newswire.

use std::fs;

use actorgraph::date::Date;
use actorgraph::gazetteer::Gazetteer;

use super::harness::{arg, code, ok, root};

#[test]
fn the_bundled_gazetteer_passes_its_own_check() {
    let out = ok(&["gazetteer", "check"]);
    let last = out.lines().last().unwrap();
    assert!(last.contains(" 0 error(s)"), "{out}");
    let entities: usize = last.split(' ').next().unwrap().parse().unwrap();
    assert!(entities >= 2000, "{last}");
    // The only warnings allowed are names shared on purpose: "Halbousi"
    // (Mohammed, and Haibat, Speaker from 2025-12-29), "George Bush" (the
    // two presidents), "Ashrafieh" (quarters of Aleppo and Beirut).
    for line in out.lines().filter(|l| l.contains(": warning: ")) {
        let shared = [
            "Halbousi",
            "Halbusi",
            "George Bush",
            "Ashrafieh",
            "Ashrafiyeh",
        ];
        assert!(shared.iter().any(|n| line.contains(n)), "{line}");
        assert!(line.contains("is shared with"), "{line}");
    }
}

#[test]
fn gazetteer_check_reports_errors_with_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("g.toml");
    fs::write(&file, "[[entity]]\nid = \"a\"\nname = \"Hama\"\ntype = \"place\"\n\n[[entity]]\nid = \"b\"\nname = \"Hama\"\ntype = \"group\"\n").unwrap();
    let (status, out, _) = code(&["gazetteer", "check", "-g", arg(&file)]);
    assert_eq!(status, 2);
    assert!(
        out.contains("g.toml:8: error: name \"Hama\" of 'b' is already a name of 'a'"),
        "{out}"
    );
}

#[test]
fn gazetteer_check_validates_the_titles_file() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("g.toml"),
        "[[entity]]\nid = \"iran\"\nname = \"Iran\"\ntype = \"place\"\n",
    )
    .unwrap();
    let titles = dir.path().join("titles.toml");
    fs::write(
        &titles,
        "qualifiers = [\"interim\", \"de facto\"]\n\n[[title]]\ntitles = [\"Premier\"]\n\n\
         [[title]]\ntitles = [\"Prime Minister\", \"premier\"]\n",
    )
    .unwrap();
    let (status, out, _) = code(&["gazetteer", "check", "-g", arg(dir.path())]);
    assert_eq!(status, 2, "{out}");
    assert!(
        out.contains("titles.toml:1: error: \"de facto\" is more than one word"),
        "{out}"
    );
    assert!(
        out.contains("titles.toml:7: error: title \"premier\" already names another office"),
        "{out}"
    );
    // A syntax error stops the load with its line.
    fs::write(&titles, "[[title]]\nnames = [\"x\"]\n").unwrap();
    let (status, _, err) = code(&["gazetteer", "check", "-g", arg(dir.path())]);
    assert_eq!(status, 2);
    assert!(err.contains("titles.toml:2"), "{err}");
}

#[test]
fn gazetteer_check_stale_is_a_report_that_exits_0() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("g.toml");
    // A far-future check date is never stale; no check date always is; the
    // duplicate id is an error that a report does not turn into exit 2.
    fs::write(
        &file,
        "[[entity]]\nid = \"x\"\nname = \"Xland\"\ntype = \"group\"\n\n\
         [[entity]]\nid = \"a\"\nname = \"Abu A\"\ntype = \"person\"\nchecked = \"9999\"\naffiliations = [{ of = \"x\" }]\n\n\
         [[entity]]\nid = \"b\"\nname = \"Abu B\"\ntype = \"person\"\nroles = [{ title = \"Emir\", of = \"x\", from = \"2020\" }]\n\n\
         [[entity]]\nid = \"b\"\nname = \"Abu C\"\ntype = \"person\"\n",
    )
    .unwrap();
    let (status, out, _) = code(&["gazetteer", "check", "--stale", "30", "-g", arg(&file)]);
    assert_eq!(status, 0, "{out}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    assert!(
        lines[0].ends_with("g.toml:17: b: Emir of x since 2020; never checked"),
        "{out}"
    );
    assert!(
        lines[1].starts_with(
            "1 of 2 open-ended roles and affiliations (1 entities) were not checked since "
        ) && lines[1].contains("(30 days before "),
        "{out}"
    );
}

fn date(s: &str) -> Date {
    s.parse().unwrap()
}

/// The id the name stands for on a day: its first candidate valid then.
fn named_on(g: &Gazetteer, name: &str, day: &str) -> Option<String> {
    g.lookup(name)
        .iter()
        .find(|c| c.valid_on(Some(date(day))))
        .map(|c| g.entity(c.entity).id.clone())
}

/// Who holds an office (a role's title and `of`) on a day.
fn holder(g: &Gazetteer, title: &str, of: &str, day: &str) -> Vec<String> {
    let day = date(day);
    g.entities()
        .iter()
        .filter(|e| {
            e.facts.iter().any(|f| {
                f.title.as_deref() == Some(title)
                    && f.target == of
                    && f.from.is_none_or(|from| from <= day)
                    && f.to.is_none_or(|to| day < to)
            })
        })
        .map(|e| e.id.clone())
        .collect()
}

#[test]
fn shared_names_resolve_to_the_entity_of_the_day() {
    let g = Gazetteer::builtin().unwrap();
    let table = [
        ("Syrian army", "2024-11-30", Some("syrian-arab-army")),
        ("Syrian army", "2025-06-01", Some("syrian-army")),
        (
            "Syrian government",
            "2024-11-30",
            Some("government-of-syria"),
        ),
        (
            "Syrian government",
            "2025-01-15",
            Some("syrian-caretaker-government"),
        ),
        (
            "new Syrian government",
            "2025-03-09",
            Some("syrian-caretaker-government"),
        ),
        (
            "new Syrian government",
            "2025-04-01",
            Some("syrian-transitional-government"),
        ),
        // A title, not a name: the holder of the office of the day (see
        // `it::context`).
        ("Syrian President", "2024-11-30", None),
        ("Sharaa", "2026-02-01", Some("ahmed-al-sharaa")),
        ("Jolani", "2020-01-01", Some("ahmed-al-sharaa")),
        ("Assad", "2026-02-01", Some("bashar-al-assad")),
        ("Halbousi", "2026-02-01", Some("mohammed-al-halbousi")),
        (
            "Haibat al-Halbousi",
            "2026-02-01",
            Some("haibat-al-halbousi"),
        ),
    ];
    for (name, day, want) in table {
        assert_eq!(named_on(&g, name, day).as_deref(), want, "{name} on {day}");
    }
}

#[test]
fn offices_hand_over_on_the_day_the_news_gives() {
    let g = Gazetteer::builtin().unwrap();
    let table = [
        (
            "President",
            "iraq",
            "2026-04-10",
            "abdul-latif-jamal-rashid",
        ),
        ("President", "iraq", "2026-04-11", "nizar-amedi"),
        (
            "Prime Minister",
            "iraq",
            "2026-05-13",
            "mohammed-shia-al-sudani",
        ),
        ("Prime Minister", "iraq", "2026-05-14", "ali-al-zaidi"),
        (
            "Speaker",
            "council-of-representatives-of-iraq",
            "2025-12-28",
            "mahmoud-al-mashhadani",
        ),
        (
            "Speaker",
            "council-of-representatives-of-iraq",
            "2025-12-29",
            "haibat-al-halbousi",
        ),
        ("Supreme Leader", "iran", "2026-02-27", "ali-khamenei"),
        ("Supreme Leader", "iran", "2026-03-09", "mojtaba-khamenei"),
        (
            "Leader",
            "hayat-tahrir-al-sham",
            "2017-06-01",
            "abu-jaber-al-sheikh",
        ),
        (
            "Leader",
            "hayat-tahrir-al-sham",
            "2017-10-01",
            "ahmed-al-sharaa",
        ),
        ("President", "syria", "2024-12-07", "bashar-al-assad"),
        ("President", "syria", "2025-01-29", "ahmed-al-sharaa"),
    ];
    for (title, of, day, want) in table {
        assert_eq!(
            holder(&g, title, of, day),
            [want],
            "{title} of {of} on {day}"
        );
    }
    assert!(holder(&g, "Supreme Leader", "iran", "2026-03-01").is_empty());
    assert!(holder(&g, "Defence Minister", "iraq", "2026-04-01").is_empty());
}

#[test]
fn ended_bodies_name_their_successors() {
    let g = Gazetteer::builtin().unwrap();
    let chain = |first: &str| {
        let mut ids = vec![first.to_string()];
        while let Some(next) = g
            .entity(g.entity_by_id(ids.last().unwrap()).unwrap())
            .successor
            .clone()
        {
            ids.push(next);
        }
        ids
    };
    assert_eq!(
        chain("government-of-syria"),
        [
            "government-of-syria",
            "syrian-caretaker-government",
            "syrian-transitional-government"
        ]
    );
    assert_eq!(
        chain("syrian-arab-army"),
        ["syrian-arab-army", "syrian-army"]
    );
    assert_eq!(
        chain("sudani-government"),
        ["sudani-government", "zaidi-government"]
    );
    for (id, end) in [
        ("hurras-al-din", "2025-01-28"),
        ("kurdistan-workers-party", "2025-05-12"),
        ("unami", "2025-12-31"),
        ("hayat-tahrir-al-sham", "2025-01-29"),
    ] {
        let e = g.entity(g.entity_by_id(id).unwrap());
        assert_eq!(e.to, Some(date(end)), "{id}");
    }
}

/// On the Reuters slice with its bulk entries: "U.S." matches in about a
/// fifth of the stories, and the company list's "Income" is mostly the word
/// "income". The generic single words of the list are counted, not matched.
#[test]
fn corpus_report_lists_names_by_share_and_by_lower_case_use() {
    let data = root().join("tests/data");
    let (names, corpus) = (
        data.join("gazetteer-news-subset.tsv"),
        data.join("reuters-first-2000.jsonl"),
    );
    let out = ok(&[
        "gazetteer",
        "check",
        "-g",
        arg(&names),
        "--corpus",
        arg(&corpus),
        "--max-share",
        "0.05",
    ]);
    assert!(out.contains("names are common or generic words"), "{out}");
    let rows: Vec<Vec<&str>> = out
        .lines()
        .skip_while(|l| !l.starts_with("docs\tshare"))
        .skip(1)
        .map(|l| l.split('\t').collect())
        .collect();
    let us = rows
        .iter()
        .find(|r| r[6] == "U.S.")
        .expect("U.S. is listed");
    assert_eq!((us[4], us[5]), ("share", "wn:08355791"));
    let docs: usize = us[0].parse().unwrap();
    assert!((300..500).contains(&docs), "{us:?}");
    let income = rows
        .iter()
        .find(|r| r[6] == "Income")
        .expect("Income is listed");
    assert_eq!(income[4], "word");
    let (matched, lower): (usize, usize) = (income[0].parse().unwrap(), income[3].parse().unwrap());
    assert!(lower > matched, "{income:?}");
    assert!(
        rows.iter().all(|r| r[6] != "Corp" && r[6] != "Ltd"),
        "generic words are not matched"
    );
}

#[test]
fn corpus_report_needs_a_share_between_0_and_1() {
    let (status, _, stderr) = code(&[
        "gazetteer",
        "check",
        "--corpus",
        "seeds/",
        "--max-share",
        "5",
    ]);
    assert_eq!(status, 2);
    assert!(stderr.contains("not a share between 0 and 1"), "{stderr}");
}
