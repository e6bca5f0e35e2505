//! From tallies to the ranked list: names opened only by a sentence's first
//! word lose that word, acronyms join their expansions, what names nothing
//! is dropped, known entities' aliases are set apart, and the rest is ranked
//! so that the first screen is worth curating.
//!
//! The score is the number of documents, the evidence a curator weighs
//! first, times how much the name looks like one: a cue for its type, more
//! than one word, an acronym the text expands count for it; a lone word with
//! no cue counts against it.

use std::cmp::Ordering;

use rustc_hash::FxHashMap;

use super::aliases::{self, AliasReason};
use super::cues;
use super::tally::{Tallies, Tally};
use super::tokens::WordCase;
use super::{Alias, SuggestOptions, Suggestion, Suggestions};
use crate::gazetteer::{Gazetteer, is_generic_word};

/// Turns the tallies into suggestions.
pub(super) fn rank(
    mut tallies: Tallies,
    case: &WordCase,
    gazetteer: &Gazetteer,
    documents: usize,
    options: &SuggestOptions,
) -> Suggestions {
    drop_openers(&mut tallies, case);
    join_acronyms(&mut tallies);
    join_short_forms(&mut tallies, case);
    join_known_prefixes(&mut tallies);
    let mut kept: Vec<(String, Tally)> = tallies
        .by_key
        .into_iter()
        .filter(|(key, t)| t.docs.len() >= options.min_docs && names_something(key, t, case))
        .collect();
    // Sorted now so that everything after is in a stable order.
    kept.sort_by(|a, b| a.0.cmp(&b.0));
    let keys: Vec<&str> = kept.iter().map(|(k, _)| k.as_str()).collect();
    let known = aliases::compare(gazetteer, &keys);
    let mut new = Vec::new();
    let mut aliases = Vec::new();
    for ((_, tally), known) in kept.into_iter().zip(known) {
        let alias_of = tally
            .acronym_of
            .map(|e| (e, AliasReason::Acronym))
            .or(known.alias_of);
        if known.part && alias_of.is_none() {
            continue;
        }
        let mut s = suggestion(tally);
        match alias_of {
            Some((entity, reason)) => {
                let e = gazetteer.entity(entity);
                s.alias_of = Some(Alias {
                    id: e.id.clone(),
                    name: e.name.clone(),
                    reason,
                });
                aliases.push(s);
            }
            None => new.push(s),
        }
    }
    for list in [&mut new, &mut aliases] {
        list.sort_by(by_score);
        if options.limit > 0 {
            list.truncate(options.limit);
        }
    }
    Suggestions {
        documents,
        new,
        aliases,
    }
}

fn by_score(a: &Suggestion, b: &Suggestion) -> Ordering {
    b.score
        .total_cmp(&a.score)
        .then(b.docs.cmp(&a.docs))
        .then(b.mentions.cmp(&a.mentions))
        .then_with(|| a.name.cmp(&b.name))
}

/// A name whose every occurrence opens a sentence with an ordinary word
/// ("Yesterday Hassan Nasrallah") is the name without that word.
fn drop_openers(tallies: &mut Tallies, case: &WordCase) {
    let openers: Vec<String> = tallies
        .by_key
        .iter()
        .filter(|(key, t)| {
            let first = key.split(' ').next().unwrap_or("");
            key.contains(' ')
                && t.only_initial()
                && !t.is_acronym
                && (cues::is_opener(first) || case.mostly_lower(first))
        })
        .map(|(key, _)| key.clone())
        .collect();
    for key in openers {
        let Some(mut tally) = tallies.by_key.remove(&key) else {
            continue;
        };
        let rest = key.split_once(' ').map_or("", |(_, r)| r).to_string();
        tally.text = drop_first_word(&tally.text);
        // Without its opener the name no longer opens the sentence.
        tally.initial = 0;
        match tallies.by_key.get_mut(&rest) {
            Some(t) => t.merge(tally),
            None => {
                tallies.by_key.insert(rest, tally);
            }
        }
    }
}

fn drop_first_word(text: &str) -> String {
    match text.find(|c: char| c.is_whitespace() || c == '-') {
        Some(i) => text[i..]
            .trim_start_matches(|c: char| c.is_whitespace() || c == '-')
            .to_string(),
        None => text.to_string(),
    }
}

/// A lone acronym that the text expands joins the expansion it is given
/// most: its documents and mentions are the expansion's.
fn join_acronyms(tallies: &mut Tallies) {
    let mut expansions: Vec<(String, String, usize)> = tallies
        .by_key
        .iter()
        .filter_map(|(key, t)| {
            let acronym = t.acronym()?;
            let a = crate::normalize::normalize(acronym)
                .as_str()
                .trim()
                .to_string();
            Some((a, key.clone(), t.docs.len()))
        })
        .collect();
    // The most documented expansion of each acronym takes it.
    expansions.sort_by(|a, b| a.0.cmp(&b.0).then(b.2.cmp(&a.2)).then(a.1.cmp(&b.1)));
    expansions.dedup_by(|b, a| a.0 == b.0);
    for (acronym, expansion, _) in expansions {
        let lone = tallies.by_key.get(&acronym).is_some_and(|t| t.is_acronym);
        if !lone {
            continue;
        }
        let Some(a) = tallies.by_key.remove(&acronym) else {
            continue;
        };
        if let Some(e) = tallies.by_key.get_mut(&expansion) {
            let mut a = a;
            a.acronyms.clear();
            e.absorb(a);
        }
    }
}

/// A one-word name that ends exactly one longer name ("Volcker" of "Paul
/// Volcker"), or starts one that only a company designator or a body's
/// word follows ("Texaco" of "Texaco Inc"), is that name's short form: it
/// joins it, unless another longer name has as many documents.
fn join_short_forms(tallies: &mut Tallies, case: &WordCase) {
    let mut longer: FxHashMap<&str, Vec<(&str, usize)>> = FxHashMap::default();
    for (key, t) in &tallies.by_key {
        let words: Vec<&str> = key.split(' ').collect();
        if words.len() < 2 {
            continue;
        }
        let last = words[words.len() - 1];
        longer.entry(last).or_default().push((key, t.docs.len()));
        if words[1..].iter().all(|w| cues::is_group_word(w)) {
            longer
                .entry(words[0])
                .or_default()
                .push((key, t.docs.len()));
        }
    }
    let mut joins: Vec<(String, String)> = Vec::new();
    for (key, t) in &tallies.by_key {
        if key.contains(' ') || !names_something(key, t, case) {
            continue;
        }
        let Some(forms) = longer.get(key.as_str()) else {
            continue;
        };
        let mut forms = forms.clone();
        forms.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        // A long form far rarer than the word is not what the word means
        // ("P. Reuter" and "Reuter").
        let leads = forms.len() == 1 || forms[0].1 > forms[1].1;
        if leads && 4 * forms[0].1 >= t.docs.len() {
            joins.push((key.clone(), forms[0].0.to_string()));
        }
    }
    joins.sort();
    for (short, long) in joins {
        let Some(mut t) = tallies.by_key.remove(&short) else {
            continue;
        };
        let Some(target) = tallies.by_key.get_mut(&long) else {
            tallies.by_key.insert(short, t);
            continue;
        };
        t.short_forms.push(t.text.clone());
        t.acronyms.clear();
        target.absorb(t);
    }
}

/// "U.S. Agriculture Department" and "Agriculture Department" are one
/// name when the corpus uses both, and the rest has a word of its own: the
/// name the corpus uses more is shown, the other is a short form.
fn join_known_prefixes(tallies: &mut Tallies) {
    let mut joins: Vec<(String, String)> = tallies
        .by_key
        .iter()
        .filter(|(_, t)| t.known_prefix > 0 && !t.is_acronym)
        .filter_map(|(key, t)| {
            let rest: Vec<&str> = key.split(' ').skip(t.known_prefix).collect();
            let own_word = rest
                .iter()
                .any(|w| !is_generic_word(w) && cues::type_of_word(w).is_none() && w.len() > 1);
            let rest = rest.join(" ");
            (own_word && tallies.by_key.contains_key(&rest)).then(|| (key.clone(), rest))
        })
        .collect();
    joins.sort();
    for (long, rest) in joins {
        let (Some(a), Some(b)) = (tallies.by_key.remove(&long), tallies.by_key.remove(&rest))
        else {
            continue;
        };
        let (mut main, mut other) = if a.docs.len() > b.docs.len() {
            (a, b)
        } else {
            (b, a)
        };
        other.short_forms.push(other.text.clone());
        other.acronyms.clear();
        main.known_prefix = 0;
        main.absorb(other);
        tallies.by_key.insert(rest, main);
    }
}

/// False for what names nothing: one word the corpus mostly writes in lower
/// case or that only ever opens sentences (unless a cue types it), a generic
/// word, titles and generic words only, an acronym of a thing.
fn names_something(key: &str, t: &Tally, case: &WordCase) -> bool {
    let words: Vec<&str> = key.split(' ').collect();
    let typed = t.votes.guess().is_some_and(|(_, v)| v >= 3);
    if t.is_acronym {
        return !cues::is_generic_acronym(key);
    }
    if words
        .iter()
        .all(|w| is_generic_word(w) || cues::is_title(w) || cues::is_calendar(w) || w.len() == 1)
    {
        return typed
            && words
                .iter()
                .any(|w| cues::is_group_word(w) || cues::is_place_word(w));
    }
    if words.last().is_some_and(|w| cues::is_thing_word(w)) {
        return false;
    }
    if words.len() == 1 {
        let word = words[0];
        if is_generic_word(word) || case.mostly_lower(word) || cues::type_of_word(word).is_some() {
            return false;
        }
        // Seen only opening sentences, a word needs a cue, and more than
        // one text ("Thirty fighters ...").
        if t.only_initial() && (!typed || t.docs.len() < 2) {
            return false;
        }
    }
    true
}

fn suggestion(t: Tally) -> Suggestion {
    let kind = t.votes.guess();
    let docs = t.docs.len();
    let words = t.text.split_whitespace().count();
    let mut weight = 1.0;
    if kind.is_some_and(|(_, v)| v >= 3) {
        weight += 0.5;
    }
    if words > 1 || t.acronym().is_some() {
        weight += 0.5;
    } else if kind.is_none() {
        weight -= 0.25;
    }
    Suggestion {
        name: t.text.clone(),
        kind: kind.map(|(k, _)| k),
        docs,
        mentions: t.mentions as usize,
        acronym: t.acronym().map(String::from),
        short_forms: t.short_forms.clone(),
        example: t.example,
        alias_of: None,
        score: docs as f64 * weight,
    }
}

#[cfg(test)]
mod tests {
    use crate::corpus::Document;
    use crate::extract::{ExtractOptions, Extractor};
    use crate::gazetteer::Gazetteer;
    use crate::suggest::{AliasReason, SuggestOptions, Suggester, Suggestions};

    const GAZETTEER: &str = r#"
        [[entity]]
        id = "falih-al-fayyadh"
        name = "Falih al-Fayyadh"
        type = "person"

        [[entity]]
        id = "qasim-al-araji"
        name = "Qasim al-Araji"
        type = "person"

        [[entity]]
        id = "baghdad"
        name = "Baghdad"
        type = "place"

        [[entity]]
        id = "us"
        name = "United States"
        type = "place"
        aliases = ["U.S."]
    "#;

    fn suggest(docs: &[&str], options: SuggestOptions) -> Suggestions {
        let g = Gazetteer::from_toml_str("t.toml", GAZETTEER).unwrap();
        let extractor = Extractor::new(&g, ExtractOptions::default()).unwrap();
        let mut s = Suggester::new(&extractor);
        for (i, text) in docs.iter().enumerate() {
            s.add(&Document::new(format!("d{i}"), *text));
        }
        s.finish(&options)
    }

    fn names(s: &Suggestions) -> Vec<(&str, usize)> {
        s.new.iter().map(|x| (x.name.as_str(), x.docs)).collect()
    }

    /// Each rule of the rank, with the documents that show it.
    #[test]
    fn rank_rules() {
        let docs = [
            // Opening words go; the name stays.
            "Yesterday Hassan Nasrallah spoke in Baghdad. The market rose.",
            "Hassan Nasrallah said so. Markets rose; the market fell.",
            // An acronym joins its expansion; a short form its name.
            "The Independent High Electoral Commission (IHEC) met Paul Volcker.",
            "IHEC said Volcker agreed, and the market agreed.",
            // A known place before a name the corpus also uses alone.
            "The U.S. Agriculture Department said so.",
            "The Agriculture Department said so too.",
            // A program is no actor; a word in lower case is a word.
            "The Export Enhancement Program and the Market grew.",
            "The Export Enhancement Program grew. Market talk.",
        ];
        let s = suggest(&docs, SuggestOptions::default());
        let got = names(&s);
        assert_eq!(
            got,
            [
                ("Independent High Electoral Commission", 2),
                ("Agriculture Department", 2),
                ("Hassan Nasrallah", 2),
                ("Paul Volcker", 2),
            ],
            "{:#?}",
            s.new
        );
        assert_eq!(s.new[0].acronym.as_deref(), Some("IHEC"));
        assert_eq!((s.new[0].mentions, s.new[0].score), (3, 4.0));
        assert_eq!(s.new[1].short_forms, ["U.S. Agriculture Department"]);
        assert_eq!(s.new[3].short_forms, ["Volcker"]);
        // The example is a sentence that the name does not open.
        assert_eq!(s.new[2].example.doc, "d1");
    }

    #[test]
    fn known_entities_written_another_way_are_aliases() {
        let docs = [
            "Faleh al-Fayyadh met them. Araji left.",
            "Faleh al-Fayyadh came back, and Araji spoke.",
        ];
        let s = suggest(&docs, SuggestOptions::default());
        let aliases: Vec<(&str, &str, AliasReason)> = s
            .aliases
            .iter()
            .map(|x| {
                let a = x.alias_of.as_ref().unwrap();
                (x.name.as_str(), a.id.as_str(), a.reason)
            })
            .collect();
        assert!(s.new.is_empty(), "{:?}", s.new);
        assert_eq!(
            aliases,
            [
                ("Faleh al-Fayyadh", "falih-al-fayyadh", AliasReason::Typo),
                ("Araji", "qasim-al-araji", AliasReason::ShortForm),
            ]
        );
    }

    #[test]
    fn min_docs_and_limit() {
        let docs = [
            "Ali Hassan met Omar Khalid and Zaid Nouri.",
            "Ali Hassan met Omar Khalid.",
            "Ali Hassan left.",
        ];
        let all = suggest(
            &docs,
            SuggestOptions {
                min_docs: 1,
                limit: 0,
            },
        );
        assert_eq!(
            names(&all),
            [("Ali Hassan", 3), ("Omar Khalid", 2), ("Zaid Nouri", 1)]
        );
        let two = suggest(
            &docs,
            SuggestOptions {
                min_docs: 2,
                limit: 0,
            },
        );
        assert_eq!(names(&two).len(), 2);
        let one = suggest(
            &docs,
            SuggestOptions {
                min_docs: 1,
                limit: 1,
            },
        );
        assert_eq!(names(&one), [("Ali Hassan", 3)]);
    }
}
