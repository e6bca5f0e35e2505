//! The word trie against the reference automaton: on random gazetteers and
//! texts made of their words, on the seed articles with the curated
//! gazetteer, and on newswire with the bulk news gazetteer.

use std::fs;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};

use proptest::prelude::*;

use super::reference::Automaton;
use super::{MatchOptions, Matcher};
use crate::gazetteer::{Gazetteer, GazetteerBuilder, Source};

/// Words of the random names: prefixes of one another ("hama", "hamas"),
/// words that start several names, words with spelling variants ("abu",
/// "mohammad"), common words, punctuation words ("u.s."), a folded letter.
const NAME_WORDS: &[&str] = &[
    "al", "sham", "new", "york", "city", "hama", "hamas", "is", "abu", "mohammad", "jolani",
    "bank", "of", "the", "iraq", "delta", "town", "u.s.", "hay'at", "erdoğan", "x",
];

/// Everything else a random text holds besides the names' words.
const NOISE: &[&str] = &[
    "said", "and", "iraqis", "hamass", "newyork", ",", ".", "(", ")", "'s", "’s", "“", "”", "–",
    "2024", "al-", "U.S", "\n", "\u{200f}",
];

/// What goes between two tokens of a random text.
const SEPARATORS: &[&str] = &[" ", " ", " ", "", "-", "\n", ", ", "  ", "’"];

const TYPES: &[&str] = &["person", "group", "place"];

/// A word in lower case, capitalized or in capitals.
fn cased(word: &str, casing: u8) -> String {
    match casing % 3 {
        0 => word.to_lowercase(),
        1 => {
            let mut chars = word.chars();
            chars.next().map_or_else(String::new, |c| {
                c.to_uppercase().chain(chars).collect::<String>()
            })
        }
        _ => word.to_uppercase(),
    }
}

/// A name: (word, casing) pairs joined by a space or a hyphen.
type NameSpec = (Vec<(usize, u8)>, bool);

fn name(spec: &NameSpec) -> String {
    let joiner = if spec.1 { "-" } else { " " };
    let words: Vec<String> = spec
        .0
        .iter()
        .map(|&(w, casing)| cased(NAME_WORDS[w % NAME_WORDS.len()], casing))
        .collect();
    words.join(joiner)
}

fn name_spec() -> impl Strategy<Value = NameSpec> {
    (
        prop::collection::vec((0..NAME_WORDS.len(), 0..3u8), 1..4),
        any::<bool>(),
    )
}

/// A curated entity: type, names (the first is the main one), demonyms.
type EntitySpec = (usize, Vec<NameSpec>, Vec<NameSpec>);

/// A bulk row: id number, type, name.
type RowSpec = (u8, usize, NameSpec);

fn gazetteer(curated: &[EntitySpec], bulk: &[RowSpec]) -> Gazetteer {
    let mut toml = String::new();
    for (i, (kind, names, demonyms)) in curated.iter().enumerate() {
        let kind = TYPES[kind % TYPES.len()];
        let quoted = |specs: &[NameSpec]| {
            let names: Vec<String> = specs.iter().map(|s| format!("{:?}", name(s))).collect();
            names.join(", ")
        };
        toml += &format!(
            "[[entity]]\nid = \"e{i}\"\nname = {:?}\ntype = \"{kind}\"\naliases = [{}]\n",
            name(&names[0]),
            quoted(&names[1..]),
        );
        if kind == "place" {
            toml += &format!("demonyms = [{}]\n", quoted(demonyms));
        }
    }
    let mut tsv = String::from("id\ttype\tname\n");
    for (id, kind, spec) in bulk {
        tsv += &format!("b:{id}\t{}\t{}\n", TYPES[kind % TYPES.len()], name(spec));
    }
    let mut builder = GazetteerBuilder::new();
    builder.add_toml("random.toml", &toml).expect("valid TOML");
    builder.add_tsv("random.tsv", &tsv).expect("valid TSV");
    builder.finish()
}

/// A token of a random text: what (0 and 1: a whole name of the gazetteer,
/// 2: a word of the names, 3: noise), which one (modulo the choice), its
/// casing (3: a name as written) and the separator after it.
type TokenSpec = (u8, usize, u8, usize);

fn token() -> impl Strategy<Value = TokenSpec> {
    (0..4u8, any::<usize>(), 0..4u8, 0..SEPARATORS.len())
}

/// Every name the random gazetteer was written with, so that texts hold
/// whole names (and names cased against their rules) often.
fn written(curated: &[EntitySpec], bulk: &[RowSpec]) -> Vec<String> {
    let curated = curated
        .iter()
        .flat_map(|(_, names, demonyms)| names.iter().chain(demonyms));
    curated
        .chain(bulk.iter().map(|(_, _, spec)| spec))
        .map(name)
        .collect()
}

/// A text of tokens, each followed by its separator.
fn text(names: &[String], tokens: &[TokenSpec]) -> String {
    let mut out = String::new();
    for &(what, which, casing, separator) in tokens {
        let token = match what {
            0 | 1 if !names.is_empty() => {
                let name = &names[which % names.len()];
                if casing == 3 {
                    name.clone()
                } else {
                    cased(name, casing)
                }
            }
            0..=2 => cased(NAME_WORDS[which % NAME_WORDS.len()], casing),
            _ => cased(NOISE[which % NOISE.len()], casing),
        };
        out += &token;
        out += SEPARATORS[separator % SEPARATORS.len()];
    }
    out
}

/// Asserts that the trie and the automaton find the same mentions in every
/// text, with and without demonyms; returns how many they found.
fn assert_same<'a>(gazetteer: &Gazetteer, texts: impl IntoIterator<Item = &'a str>) -> usize {
    let trie = Matcher::new(gazetteer).expect("the trie builds");
    let automaton = Automaton::new(gazetteer);
    assert_eq!(trie.name_count(), gazetteer.name_count());
    let mut found = 0;
    for text in texts {
        for demonyms in [true, false] {
            // The automaton knows names only: the rules of context are off.
            let options = MatchOptions {
                demonyms,
                date: None,
                context: false,
            };
            let want = automaton.find(text, options);
            let got = trie.find(text, options);
            assert_eq!(got, want, "in {text:?} with {options:?}");
            found += got.len();
        }
    }
    found
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn trie_finds_what_the_automaton_finds(
        curated in prop::collection::vec(
            (0..3usize, prop::collection::vec(name_spec(), 1..4), prop::collection::vec(name_spec(), 0..2)),
            0..6,
        ),
        bulk in prop::collection::vec((0..6u8, 0..3usize, name_spec()), 0..10),
        texts in prop::collection::vec(prop::collection::vec(token(), 0..30), 1..6),
    ) {
        let gazetteer = gazetteer(&curated, &bulk);
        let names = written(&curated, &bulk);
        let texts: Vec<String> = texts.iter().map(|t| text(&names, t)).collect();
        assert_same(&gazetteer, texts.iter().map(String::as_str));
    }
}

/// The random texts do meet the random names: a run where nothing matched
/// would prove nothing.
#[test]
fn random_texts_contain_names() {
    let spec = |words: &[usize]| -> NameSpec { (words.iter().map(|&w| (w, 1)).collect(), false) };
    let g = gazetteer(
        &[
            (2, vec![spec(&[5]), spec(&[0, 1])], vec![]),
            (1, vec![spec(&[6])], vec![]),
        ],
        &[(0, 2, spec(&[2, 3, 4])), (1, 2, spec(&[2, 3]))],
    );
    let tokens: Vec<TokenSpec> = [5, 6, 2, 3, 4, 2, 3, 9, 0, 1]
        .iter()
        .map(|&t| (2, t, 1, 0))
        .collect();
    let found = assert_same(&g, [text(&[], &tokens).as_str()]);
    assert_eq!(found, 2 * 5, "Hama Hamas New York City New York Is Al Sham");
}

#[test]
fn same_as_the_automaton_on_the_seed_articles() {
    let g = Gazetteer::builtin().expect("builtin gazetteer");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut paths: Vec<PathBuf> = fs::read_dir(&dir)
        .expect("read seeds/")
        .map(|e| e.expect("a seed entry").path())
        .collect();
    paths.sort();
    let texts: Vec<String> = paths
        .iter()
        .map(|p| fs::read_to_string(p).expect("read a seed"))
        .collect();
    assert_eq!(texts.len(), 5);
    let found = assert_same(&g, texts.iter().map(String::as_str));
    assert!(found > 100, "only {found} mentions in the seeds");
}

/// The headline test reads its 80 bytes either side without building a
/// string; it must say what the old one said wherever the cut falls, in
/// the middle of a character too.
#[test]
fn headline_test_as_before_at_every_offset() {
    let texts = [
        "TÜRKİYE’S ERDOĞAN SAYS IS FIGHTERS “LOSE” GROUND NEAR ḤAMA — ÆØÅ ĲSSELMONDE IS IS IS",
        "Türkiye’s Erdoğan says IS fighters\nLOSE GROUND NEAR ḤAMA, IS SAYS\nand so on ÉÉÉ",
        "ÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀ IS ÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀ à",
        "IS 🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂 IS ĲĲĲĲĲĲĲĲĲĲĲĲĲĲĲĲĲĲĲĲĲĲĲĲĲĲĲĲĲĲĲĲĲĲĲĲĲĲĲĲ",
    ];
    let mut headlines = 0;
    for text in texts {
        let boundaries: Vec<usize> = (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .collect();
        for (k, &start) in boundaries.iter().enumerate() {
            for &end in &boundaries[k..boundaries.len().min(k + 4)] {
                let want = super::reference::in_capitals_line(text, start, end);
                assert_eq!(
                    super::in_capitals_line(text, start, end),
                    want,
                    "{text:?} {start}..{end}"
                );
                headlines += usize::from(want);
            }
        }
    }
    assert!(headlines > 100, "only {headlines} spans in a headline");
}

/// Stories of the Reuters corpus compared with the bulk news gazetteer;
/// about a second in a debug build, so not ignored.
const NEWS_STORIES: usize = 400;

/// Where the bulk gazetteer and the Reuters corpus are: the benchmark data
/// beside the repository (all 174k aliases), else the slice of both that
/// the repository keeps in tests/data where it has one (a clean checkout
/// in CI has no ../shared).
const NEWS_DATA: &[(&str, &str)] = &[
    (
        "../shared/bench/gazetteer-news.tsv",
        "../shared/bench/reuters21578.jsonl",
    ),
    (
        "tests/data/gazetteer-news-subset.tsv",
        "tests/data/reuters-first-2000.jsonl",
    ),
];

#[test]
fn same_as_the_automaton_on_newswire_with_the_news_gazetteer() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let found = NEWS_DATA
        .iter()
        .map(|(tsv, corpus)| (root.join(tsv), root.join(corpus)))
        .find(|(tsv, corpus)| tsv.is_file() && corpus.is_file());
    let Some((tsv, corpus)) = found else {
        eprintln!("skipped: no news gazetteer and Reuters corpus (../shared/bench)");
        return;
    };
    let g = Gazetteer::load(&[Source::Path(tsv)]).expect("load the news gazetteer");
    let file = fs::File::open(&corpus).expect("open the corpus");
    let texts: Vec<String> = BufReader::new(file)
        .lines()
        .take(NEWS_STORIES)
        .map(|line| {
            let line = line.expect("read a line");
            let story: serde_json::Value = serde_json::from_str(&line).expect("JSONL");
            story["text"].as_str().expect("a text field").to_string()
        })
        .collect();
    assert_eq!(texts.len(), NEWS_STORIES);
    let found = assert_same(&g, texts.iter().map(String::as_str));
    assert!(
        found > 1000,
        "only {found} mentions in {NEWS_STORIES} stories"
    );
}
