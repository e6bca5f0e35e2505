//! `actorgraph gazetteer check`: the lint, and with `--corpus` the names that
//! look generic on real newswire.

use super::harness::{arg, code, ok, root};

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
