//! Local names: "the Interior Ministry" is Syria's in a story about Syria
//! and Lebanon's in one about Lebanon. Once a text is read, each local name
//! found in it goes to the candidate of the country the text is about, or
//! to nobody when the text does not say (precision first).
//!
//! Every other mention votes for a country: the nearest of the candidates'
//! countries that it lies in or belongs to (a town through its
//! governorate, a person or group through its `country`, a title through
//! the place whose office it is; Erbil votes for the Kurdistan Region
//! before Iraq when both are candidates), else, as a rival, for the state
//! it lies in. The name then goes to:
//!
//! 1. the country of a mention right before it ("Syria's Interior
//!    Ministry", "the Lebanese Health Ministry"), if it is a candidate's;
//!    if that mention votes for a rival, or the word before is a people's
//!    that the gazetteer does not know ("the Cuban foreign ministry"), to
//!    nobody;
//! 2. else the candidate with the most votes, when it has at least one and
//!    at least twice as many as any other country, candidate or rival;
//! 3. else the country of the nearest mention before the name in its
//!    sentence that votes ("In Beirut, the Interior Ministry said"), if it
//!    is a candidate's;
//! 4. else the country of the text's first mention that votes (the
//!    headline's, the dateline's or the lead's), if it is a candidate's;
//! 5. else nobody.
//!
//! Among the candidates of the chosen country, the document's date chooses
//! as it does for any name borne in turn.

use super::{Match, MatchOptions, Matcher, NodeId, Via, by_date, context::Scan};
use crate::gazetteer::{Candidate, Countries, EntityIndex, is_demonym_word};
use crate::segment::{Segments, segment};

/// What a mention says about the country of a local name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Vote {
    /// For a candidate's country.
    For(EntityIndex),
    /// For a state that is none of the candidates' countries, nor contains one.
    Rival(EntityIndex),
    /// Nothing.
    Abstain,
}

/// A mention that may vote: where it is and what it stands for (a title,
/// for the place whose office it is).
#[derive(Debug, Clone, Copy)]
struct Voter {
    start: usize,
    end: usize,
    subject: EntityIndex,
}

impl Matcher {
    /// Gives each local name found by `scan` in `out[base..]` to the entity
    /// of the text's country, or drops it (see the module documentation).
    pub(super) fn resolve_local(
        &self,
        scan: &mut Scan<'_>,
        text: &str,
        options: MatchOptions,
        base: usize,
        out: &mut Vec<Match>,
    ) {
        let locals = std::mem::take(&mut scan.locals);
        if locals.is_empty() {
            return;
        }
        let is_local = |m: &Match| locals.iter().any(|&(s, e, _)| (s, e) == (m.start, m.end));
        let voters: Vec<Voter> = out[base..]
            .iter()
            .filter(|m| !is_local(m))
            .map(|m| Voter {
                start: m.start,
                end: m.end,
                subject: match m.via {
                    Some(Via::Title { of, .. }) => of,
                    _ => m.entity,
                },
            })
            .collect();
        let mut sentences: Option<Segments> = None;
        let mut dropped = Vec::new();
        for &(start, end, node) in &locals {
            let Some(i) = out[base..]
                .iter()
                .position(|m| (m.start, m.end) == (start, end))
                .map(|p| base + p)
            else {
                continue;
            };
            match self.local_entity(node, out[i], text, options, scan, &voters, &mut sentences) {
                Some((entity, via)) => {
                    out[i].entity = entity;
                    out[i].via = Some(via);
                }
                None => dropped.push((start, end)),
            }
        }
        if !dropped.is_empty() {
            let mut i = 0;
            out.retain(|m| {
                let keep = i < base || !dropped.contains(&(m.start, m.end));
                i += 1;
                keep
            });
        }
    }

    /// The entity and [`Via`] of the local name `found`, whose candidates
    /// are at `node`, if the text says which country it is about.
    #[allow(clippy::too_many_arguments)]
    fn local_entity(
        &self,
        node: NodeId,
        found: Match,
        text: &str,
        options: MatchOptions,
        scan: &mut Scan<'_>,
        voters: &[Voter],
        sentences: &mut Option<Segments>,
    ) -> Option<(EntityIndex, Via)> {
        let countries = self.context.countries();
        let candidates = self.tables.candidates(self.tables.node(node));
        let mut end = || found.end;
        let accepted: Vec<(&Candidate, EntityIndex)> = candidates
            .iter()
            .filter(|c| c.local && self.accepts(c, text, found.start, &mut end, options))
            .filter_map(|c| Some((c, countries.of_local(c.entity)?)))
            .collect();
        let mut choices: Vec<EntityIndex> = accepted.iter().map(|&(_, k)| k).collect();
        choices.sort_unstable();
        choices.dedup();
        let vote = |v: &Voter| vote(countries, &choices, v.subject);
        let country = choose_country(&choices, voters, found.start, text, &vote, sentences)?;
        let of_country: Vec<&Candidate> = accepted
            .iter()
            .filter(|&&(_, k)| k == country)
            .map(|&(c, _)| c)
            .collect();
        let (first, rest) = of_country.split_first()?;
        let in_turn = rest.iter().any(|c| c.entity != first.entity);
        let (chosen, on) = match in_turn.then(|| scan.date()).flatten() {
            Some(on) => {
                let (chosen, via) = by_date(first, rest, on);
                (chosen, via.map(|_| on))
            }
            None => (*first, None),
        };
        Some((chosen.entity, Via::Country { country, on }))
    }
}

/// What the mention of `subject` votes for among the countries `choices`.
fn vote(countries: &Countries, choices: &[EntityIndex], subject: EntityIndex) -> Vote {
    let mut state = None;
    for place in countries.chain(subject) {
        if choices.contains(&place) {
            return Vote::For(place);
        }
        if countries.is_state(place) {
            state = Some(place);
        }
    }
    match state {
        // A state that holds a candidate's country (Iraq, for the Kurdistan
        // Region) is no rival of it.
        Some(s) if !choices.iter().any(|&k| countries.lies_in(k, s)) => Vote::Rival(s),
        _ => Vote::Abstain,
    }
}

/// The country of the local name at `start` among `choices`, by the votes
/// of `voters` (see the module documentation); `sentences` are the text's,
/// segmented the first time a close race needs them.
fn choose_country(
    choices: &[EntityIndex],
    voters: &[Voter],
    start: usize,
    text: &str,
    vote: &dyn Fn(&Voter) -> Vote,
    sentences: &mut Option<Segments>,
) -> Option<EntityIndex> {
    if choices.is_empty() {
        return None;
    }
    let before = voters.partition_point(|v| v.start < start);
    // 1. Right before the name: "Syria's", "the Lebanese".
    let adjacent = before
        .checked_sub(1)
        .map(|i| &voters[i])
        .filter(|v| v.end <= start && qualifies(&text[v.end..start]));
    match adjacent.map(vote) {
        Some(Vote::For(k)) => return Some(k),
        Some(Vote::Rival(_)) => return None,
        Some(Vote::Abstain) => {}
        // A people the gazetteer does not know: "the Cuban foreign ministry".
        None if people_before(text, start) => return None,
        None => {}
    }
    // 2. The clear leader of the whole text.
    let mut tally: Vec<(EntityIndex, u32, bool)> = choices.iter().map(|&k| (k, 0, true)).collect();
    for v in voters {
        let (place, candidate) = match vote(v) {
            Vote::For(k) => (k, true),
            Vote::Rival(s) => (s, false),
            Vote::Abstain => continue,
        };
        match tally.iter_mut().find(|t| t.0 == place) {
            Some(t) => t.1 += 1,
            None => tally.push((place, 1, candidate)),
        }
    }
    tally.sort_by_key(|&(k, n, _)| (std::cmp::Reverse(n), k));
    let (leader, most, candidate) = tally[0];
    let next = tally.get(1).map_or(0, |t| t.1);
    if candidate && most >= 1 && most >= 2 * next {
        return Some(leader);
    }
    // 3. The nearest vote before the name in its sentence ("In Beirut, the
    // Interior Ministry said").
    let segments = sentences.get_or_insert_with(|| segment(text));
    let sentence = segments.sentence_at(start);
    let decided = |v: &Voter| match vote(v) {
        Vote::For(k) => Some(Some(k)),
        Vote::Rival(_) => Some(None),
        Vote::Abstain => None,
    };
    if let Some(k) = voters[..before]
        .iter()
        .rev()
        .take_while(|v| segments.sentence_at(v.start) == sentence)
        .find_map(decided)
    {
        return k;
    }
    // 4. The first vote of the text: the headline's, the dateline's or the
    // lead's country is what a story is about ("KUWAIT REJECTS IRANIAN
    // SPY BOAT CHARGES" names Iran more often than Kuwait).
    voters.iter().find_map(decided).flatten()
}

/// True when the word right before `start` names a people ("Cuban",
/// "Tunisian"; see [`is_demonym_word`]).
fn people_before(text: &str, start: usize) -> bool {
    let before = text[..start].trim_end();
    let word_start = before.rfind(|c: char| !c.is_alphabetic()).map_or(0, |i| {
        i + before[i..].chars().next().map_or(1, char::len_utf8)
    });
    let word = &before[word_start..];
    !word.is_empty() && before.len() < start && is_demonym_word(&word.to_lowercase())
}

/// True when the text between a mention and a name makes the mention
/// qualify the name: a space ("the Syrian Interior Ministry") or a
/// possessive ("Syria's Interior Ministry").
fn qualifies(between: &str) -> bool {
    let rest = between
        .strip_prefix("'s")
        .or_else(|| between.strip_prefix("\u{2019}s"))
        .unwrap_or(between);
    !rest.is_empty() && rest.chars().all(char::is_whitespace)
}

#[cfg(test)]
mod tests {
    use crate::corpus::Document;
    use crate::extract::{ExtractOptions, Extractor};
    use crate::gazetteer::Gazetteer;

    /// Two states with ministries that share local names, a third state
    /// that has none, and the Kurdistan Region inside one of them.
    const GAZETTEER: &str = r#"
[[entity]]
id = "syria"
name = "Syria"
type = "place"
level = "country"
demonyms = ["Syrian"]

[[entity]]
id = "damascus"
name = "Damascus"
type = "place"
level = "city"
country = "syria"

[[entity]]
id = "lebanon"
name = "Lebanon"
type = "place"
level = "country"
demonyms = ["Lebanese"]

[[entity]]
id = "beirut"
name = "Beirut"
type = "place"
level = "city"
country = "lebanon"

[[entity]]
id = "france"
name = "France"
type = "place"
level = "country"

[[entity]]
id = "iraq"
name = "Iraq"
type = "place"
level = "country"

[[entity]]
id = "baghdad"
name = "Baghdad"
type = "place"
level = "city"
country = "iraq"

[[entity]]
id = "kurdistan-region"
name = "Kurdistan Region"
type = "place"
level = "region"
located_in = "iraq"
country = "iraq"

[[entity]]
id = "erbil"
name = "Erbil"
type = "place"
level = "city"
located_in = "kurdistan-region"
country = "iraq"

[[entity]]
id = "anas-khattab"
name = "Anas Khattab"
type = "person"
country = "syria"

[[entity]]
id = "moi-syria"
name = "Syrian Interior Ministry"
type = "group"
local_aliases = ["Interior Ministry", { name = "Central Bank", case = "title" }]
country = "syria"
from = "2024-12-08"

[[entity]]
id = "moi-lebanon"
name = "Lebanese Interior Ministry"
type = "group"
local_aliases = ["Interior Ministry"]
country = "lebanon"

[[entity]]
id = "moi-iraq"
name = "Iraqi Interior Ministry"
type = "group"
local_aliases = ["Ministry of Interior"]
country = "iraq"

[[entity]]
id = "moi-krg"
name = "KRG Interior Ministry"
type = "group"
local_aliases = ["Ministry of Interior"]
country = "kurdistan-region"

[[entity]]
id = "old-moi-syria"
name = "Old Syrian Interior Ministry"
type = "group"
local_aliases = [{ name = "Interior Ministry", to = "2024-12-08" }]
country = "syria"
to = "2024-12-08"
"#;

    /// The entity each local name of `text` (dated `date`) goes to, as
    /// `name=entity`, in order.
    fn local(g: &Gazetteer, date: Option<&str>, text: &str) -> Vec<String> {
        let extractor = Extractor::new(g, ExtractOptions::default()).unwrap();
        let mut doc = Document::new("d", text);
        doc.date = date.map(String::from);
        extractor
            .extract(&doc)
            .mentions
            .iter()
            .filter(|m| matches!(m.via, Some(crate::matcher::Via::Country { .. })))
            .map(|m| format!("{}={}", &text[m.start..m.end], g.entity(m.entity).id))
            .collect()
    }

    #[test]
    fn a_local_name_goes_to_the_country_the_text_is_about() {
        let g = Gazetteer::from_toml_str("t.toml", GAZETTEER).unwrap();
        let d = Some("2025-06-01");
        let table: &[(Option<&str>, &str, &[&str])] = &[
            // A story about Syria, one about Lebanon.
            (
                d,
                "In Damascus, the Interior Ministry said on Monday.",
                &["Interior Ministry=moi-syria"],
            ),
            (
                d,
                "Beirut, Lebanon. The Interior Ministry said so.",
                &["Interior Ministry=moi-lebanon"],
            ),
            // Syria's people and the demonym vote for it too.
            (
                d,
                "Anas Khattab spoke. Syrian police agreed. The Interior Ministry denied it.",
                &["Interior Ministry=moi-syria"],
            ),
            // Both named, one clearly ahead (3 votes to 1).
            (
                d,
                "Syria and Damascus. Later, Lebanon. Then Anas Khattab. The Interior Ministry said.",
                &["Interior Ministry=moi-syria"],
            ),
            // No candidate's country is named: no mention.
            (d, "The Interior Ministry said on Monday.", &[]),
            (d, "In France, the Interior Ministry said.", &[]),
            // Named right before the name: its country, even against the count.
            (
                d,
                "Syria, Damascus, Anas Khattab. Lebanon's Interior Ministry said.",
                &["Interior Ministry=moi-lebanon"],
            ),
            (
                d,
                "Beirut, Lebanon, Lebanon. The Syrian Central Bank said.",
                &["Central Bank=moi-syria"],
            ),
            (d, "Syria, Damascus. France's Interior Ministry said.", &[]),
            // A people the gazetteer does not know, right before it.
            (d, "In Damascus the Cuban Interior Ministry said.", &[]),
            (
                d,
                "In Beirut the Syrian Central Bank said.",
                &["Central Bank=moi-syria"],
            ),
            // A close race: the nearest vote before it, in its sentence or the one before.
            (
                d,
                "Syria, Damascus and Lebanon talked. In Beirut the Interior Ministry said.",
                &["Interior Ministry=moi-lebanon"],
            ),
            (
                d,
                "Lebanon, Beirut and Syria talked. In Damascus the Interior Ministry said.",
                &["Interior Ministry=moi-syria"],
            ),
            // Else the first country of the text, the one of its headline or lead.
            (
                d,
                "Syria and Lebanon talked. It rained. The Interior Ministry said.",
                &["Interior Ministry=moi-syria"],
            ),
            (
                d,
                "France, Syria and Lebanon talked. It rained. The Interior Ministry said.",
                &[],
            ),
            // The Kurdistan Region before Iraq, which holds it.
            (
                d,
                "In Erbil, the Ministry of Interior said.",
                &["Ministry of Interior=moi-krg"],
            ),
            (
                d,
                "In Baghdad, the Ministry of Interior said.",
                &["Ministry of Interior=moi-iraq"],
            ),
            (
                d,
                "Iraq, Baghdad and the Kurdistan Region. Erbil's Ministry of Interior said.",
                &["Ministry of Interior=moi-krg"],
            ),
            // Title case: "the central bank" is plain text.
            (
                d,
                "In Damascus the central bank and the Central Bank.",
                &["Central Bank=moi-syria"],
            ),
            // One country's entities that bear it in turn: the date chooses.
            (
                Some("2024-06-01"),
                "In Damascus, the Interior Ministry said.",
                &["Interior Ministry=old-moi-syria"],
            ),
        ];
        for &(date, text, want) in table {
            assert_eq!(local(&g, date, text), want, "{text:?}");
        }
    }

    #[test]
    fn extract_says_the_country_that_chose() {
        let g = Gazetteer::from_toml_str("t.toml", GAZETTEER).unwrap();
        let extractor = Extractor::new(&g, ExtractOptions::default()).unwrap();
        let mut doc = Document::new("d", "In Damascus, the Interior Ministry said.");
        doc.date = Some("2024-06-01".into());
        let found = extractor.extract(&doc);
        let m = found.mentions.iter().find(|m| m.via.is_some()).unwrap();
        let json = serde_json::to_value(extractor.record(&doc, m)).unwrap();
        assert_eq!(json["entity"], "old-moi-syria");
        assert_eq!(json["via"]["rule"], "country");
        assert_eq!(json["via"]["of"], "syria");
        assert_eq!(json["via"]["date"], "2024-06-01");
        let mut doc = Document::new("d", "In Beirut, the Interior Ministry said.");
        doc.date = Some("2025-06-01".into());
        let found = extractor.extract(&doc);
        let json = serde_json::to_value(extractor.record(&doc, &found.mentions[1])).unwrap();
        assert_eq!(json["via"]["rule"], "country");
        assert_eq!(json["via"]["of"], "lebanon");
        assert!(json["via"].get("date").is_none(), "{json}");
    }

    #[test]
    fn without_context_a_local_name_is_no_mention() {
        let g = Gazetteer::from_toml_str("t.toml", GAZETTEER).unwrap();
        let m = g.matcher().unwrap();
        let options = crate::matcher::MatchOptions {
            context: false,
            ..Default::default()
        };
        let found = m.find("Damascus: the Interior Ministry", options);
        assert_eq!(found.len(), 1, "{found:?}");
    }
}
