//! Typed relations from text: curated trigger patterns (`gazetteer/relations.toml`)
//! that say how two actors of one sentence are linked: meets, visits,
//! communicates, supports, opposes, attacks, leads, member_of, holds_office,
//! located_in, allied_with.
//!
//! Matching reads enough of the clause to get the roles right, without a
//! parser: the [`lexicon`] of English function words tells prepositions,
//! auxiliaries, negations, reporting verbs and clause openers apart; a
//! [`sentence`] groups each actor with the words of its noun phrase, knows
//! whether a phrase is a subject or object or sits in a prepositional phrase
//! (a venue: "met in Doha" is no meeting with Doha), and finds the actors
//! coordinated with it ("Iran, Iraq and Syria"); [`frames`] give each form
//! of pattern its reading (a verb's subject and object, the by-phrase of a
//! passive, the owner of an event noun, a title between a person and a
//! state or body) and read where places lie. Patterns are data, so a user
//! adds one by editing the file, which documents its own format.

mod frames;
pub(crate) mod lexicon;
mod patterns;
mod sentence;

use rustc_hash::FxHashMap as HashMap;

use crate::gazetteer::{EntityIndex, EntityType, MentionKind, PlaceLevel};
use crate::graph::kind::EdgeKind;
use crate::normalize::normalize;
use patterns::{Form, INNER_GAP, Pattern, Trigger};
use sentence::{Sentence, Token};

/// Words that say a talk was held at a distance: a meeting's trigger in a
/// sentence with one of them gives `communicates`.
const MEDIA: &[&str] = &[
    "phone",
    "telephone",
    "telephoned",
    "phoned",
    "call",
    "videoconference",
    "video",
    "mediator",
    "mediators",
    "intermediaries",
    "indirect",
    "mediated",
];

/// Written media: they make a meeting's talk a communication only when
/// they carry it ("by letter", "in a message").
const WRITTEN: &[&str] = &["letter", "telex", "cable", "message"];

/// The bundled patterns.
pub const BUILTIN: &str = include_str!("../../gazetteer/relations.toml");

/// An actor of a sentence, as relation matching sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Actor {
    /// Byte range in the sentence text.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Person, group or place.
    pub kind: EntityType,
    /// Name, acronym or demonym (a demonym fills a slot only where it stands
    /// for its state: "Iraqi warplanes", "the Iranians").
    pub mention: MentionKind,
    /// For a place: what kind of place.
    pub level: Option<PlaceLevel>,
    /// A place that acts as a state: a country or region (or a place of
    /// unknown level that has demonyms), or a seat of government.
    pub state: bool,
    /// A capital the gazetteer marks as the seat of its government (`seat =
    /// true`): it acts as its state ("Damascus said") but goes nowhere.
    pub seat: bool,
    /// The gazetteer entity, when the caller knows it.
    pub entity: Option<EntityIndex>,
    /// The entity of the country it belongs to, when the gazetteer says
    /// (a country's is itself): "Russia's Hmeimim air base" lies in Syria.
    pub country: Option<EntityIndex>,
}

impl Actor {
    /// An actor with no place level, a state when it is a place.
    pub fn new(start: usize, end: usize, kind: EntityType, mention: MentionKind) -> Actor {
        Actor {
            start,
            end,
            kind,
            mention,
            level: None,
            state: kind == EntityType::Place,
            seat: false,
            entity: None,
            country: None,
        }
    }
}

/// A typed relation found in a sentence between two of its actors (indexes into
/// the slice given to [`Relations::find`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RelationHit {
    /// The actor that acts (the first in text order, for the mutual types).
    pub source: usize,
    /// The actor acted on.
    pub target: usize,
    /// Edge type.
    pub kind: EdgeKind,
    /// False for the mutual types (meets, communicates, allied_with).
    pub directed: bool,
    /// The trigger as the pattern file writes it.
    pub trigger: String,
    /// The pattern that found it: its `id`, or `relations.toml:LINE`; a
    /// built-in rule is `builtin:NAME`.
    pub rule: String,
    /// A place the event happened at ("met ... in Doha"), never a participant.
    pub venue: Option<usize>,
}

/// What a frame finds, before it is checked and deduplicated.
#[derive(Debug, Clone)]
pub(crate) struct Hit {
    pub source: usize,
    pub target: usize,
    pub kind: EdgeKind,
    pub trigger: String,
    pub rule: String,
    pub venue: Option<usize>,
}

/// A set of trigger patterns.
#[derive(Debug, Clone, Default)]
pub struct Relations {
    patterns: Vec<Pattern>,
    /// (pattern, trigger) by the trigger's first word.
    by_first_word: HashMap<String, Vec<(usize, usize)>>,
    /// The title patterns' (pattern, trigger), longest titles first.
    titles: Vec<(usize, usize)>,
    /// Every word of a title trigger ("war", "enemy").
    title_words: rustc_hash::FxHashSet<String>,
}

impl Relations {
    /// The bundled patterns.
    pub fn builtin() -> crate::Result<Relations> {
        Relations::from_toml_str("builtin:relations.toml", BUILTIN)
    }

    /// Patterns from a relations file's text; `file` names it in errors.
    pub fn from_toml_str(file: &str, text: &str) -> crate::Result<Relations> {
        let mut relations = Relations::default();
        for pattern in patterns::parse(file, text)? {
            relations.add(pattern);
        }
        relations.titles.sort_by_key(|&(p, t)| {
            std::cmp::Reverse(relations.patterns[p].triggers[t].words().len())
        });
        Ok(relations)
    }

    /// Number of patterns.
    pub fn len(&self) -> usize {
        self.patterns.len()
    }

    /// True when there are no patterns.
    pub fn is_empty(&self) -> bool {
        self.patterns.is_empty()
    }

    fn add(&mut self, pattern: Pattern) {
        let index = self.patterns.len();
        for (t, trigger) in pattern.triggers.iter().enumerate() {
            if pattern.form == Form::Title {
                self.titles.push((index, t));
                self.title_words.extend(trigger.words().iter().cloned());
                continue;
            }
            self.by_first_word
                .entry(trigger.parts[0][0].clone())
                .or_default()
                .push((index, t));
        }
        self.patterns.push(pattern);
    }

    /// The relations between the actors of one sentence (`actors` in text
    /// order, their offsets into `sentence`).
    ///
    /// ```
    /// use actorgraph::relations::{Actor, Relations};
    /// use actorgraph::gazetteer::{EntityType, MentionKind};
    /// let r = Relations::builtin().unwrap();
    /// let s = "Rashid met, on Sunday, with Qasim al-Araji in Baghdad.";
    /// let actor = |start, end, kind| Actor::new(start, end, kind, MentionKind::Name);
    /// let actors = [
    ///     actor(0, 6, EntityType::Person),
    ///     actor(28, 42, EntityType::Person),
    ///     actor(46, 53, EntityType::Place),
    /// ];
    /// let hits = r.find(s, &actors);
    /// assert_eq!(hits[0].kind.as_str(), "meets");
    /// assert_eq!((hits[0].source, hits[0].target), (0, 1));
    /// assert_eq!(hits[0].venue, Some(2), "Baghdad is where they met");
    /// ```
    pub fn find(&self, sentence: &str, actors: &[Actor]) -> Vec<RelationHit> {
        let normalized = normalize(sentence);
        let s = Sentence::new(sentence, &normalized, actors);
        let mut hits: Vec<Hit> = Vec::new();
        for i in 0..s.len() {
            let Token::Word(word) = s.tokens[i] else {
                continue;
            };
            let Some(candidates) = self.by_first_word.get(word) else {
                continue;
            };
            // The longest trigger that matches here wins: "led by" over "led".
            let matched: Vec<(usize, usize, usize, usize)> = candidates
                .iter()
                .filter_map(|&(p, t)| {
                    let parts = &self.patterns[p].triggers[t].parts;
                    let end = match_trigger(&s, i, parts)?;
                    Some((p, t, end, parts.iter().map(Vec::len).sum::<usize>()))
                })
                .collect();
            let longest = matched.iter().map(|m| m.3).max().unwrap_or(0);
            for &(p, t, end, _) in matched.iter().filter(|m| m.3 == longest) {
                let pattern = &self.patterns[p];
                frames::apply(&s, pattern, &pattern.triggers[t], i, end, &mut hits);
            }
        }
        let titles: Vec<(&Pattern, &Trigger)> = self
            .titles
            .iter()
            .map(|&(p, t)| (&self.patterns[p], &self.patterns[p].triggers[t]))
            .collect();
        frames::titles(&s, &titles, &self.title_words, &mut hits);
        frames::leaders(&s, &mut hits);
        frames::places(&s, &mut hits);
        frames::speech_venues(&s, &mut hits);
        frames::envoys(&s, &mut hits);
        // Talks "by phone", "in a video call", "by letter" are a
        // communication, whatever the verb: a meeting is face to face.
        // (The words are read only when there is a meeting to retype.)
        let remote = hits.iter().any(|h| h.kind == EdgeKind::Meets)
            && s.tokens.iter().enumerate().any(|(k, t)| match t {
                // "by letter", "in a message": a written medium only where
                // it carries the talk; "met him for the reply to a
                // message", "handed him a letter" is still a meeting.
                Token::Word(w) if WRITTEN.contains(w) => {
                    s.is(k.wrapping_sub(1), &["by", "via", "through"])
                        || (s.is(k.wrapping_sub(1), &["a"]) && s.is(k.wrapping_sub(2), &["in"]))
                }
                // "the Egypt-mediated agreement": a deal brokered, not a
                // talk held through a mediator.
                Token::Word(w) => MEDIA.contains(w) && !s.joined(k),
                _ => false,
            });
        // "Araghchi also discussed ... with Fidan" after a phone call: the
        // talk goes on with an earlier one, and only `communicates` is true
        // whatever its medium was.
        let resumed = hits
            .iter()
            .any(|h| h.kind == EdgeKind::Meets && h.trigger.starts_with("discuss"))
            && s.tokens.windows(2).any(|w| {
                matches!(
                    w,
                    [Token::Word("also"), Token::Word("discussed" | "discusses")]
                )
            });
        let mut out: Vec<RelationHit> = Vec::new();
        for mut hit in hits {
            if hit.kind == EdgeKind::Meets
                && (remote || (resumed && hit.trigger.starts_with("discuss")))
            {
                hit.kind = EdgeKind::Communicates;
            }
            let directed = hit.kind.is_directed();
            let (source, target) = if directed {
                (hit.source, hit.target)
            } else {
                (hit.source.min(hit.target), hit.source.max(hit.target))
            };
            // A sea, a gulf or a river is where things happen, never a
            // party: "attacked platforms in the Gulf", "a tour of the Gulf"
            // is a visit at most.
            let water = |a: usize| actors[a].level == Some(PlaceLevel::Water);
            if (water(source) || water(target))
                && !matches!(hit.kind, EdgeKind::Visits | EdgeKind::LocatedIn)
            {
                continue;
            }
            if source == target
                || out
                    .iter()
                    .any(|h| h.source == source && h.target == target && h.kind == hit.kind)
            {
                continue;
            }
            out.push(RelationHit {
                source,
                target,
                kind: hit.kind,
                directed,
                trigger: hit.trigger,
                rule: hit.rule,
                venue: hit.venue,
            });
        }
        out
    }
}

/// Matches trigger parts from token `i`; returns one past the last trigger token.
fn match_trigger(s: &Sentence, i: usize, parts: &[Vec<String>]) -> Option<usize> {
    let mut at = i;
    for (n, part) in parts.iter().enumerate() {
        let limit = if n == 0 {
            at
        } else {
            (at + INNER_GAP).min(s.len())
        };
        at = (at..=limit).find(|&k| words_at(s, k, part))? + part.len();
    }
    Some(at)
}

fn words_at(s: &Sentence, at: usize, words: &[String]) -> bool {
    words
        .iter()
        .enumerate()
        .all(|(k, w)| matches!(s.tokens.get(at + k), Some(Token::Word(t)) if *t == w))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Actors are written in brackets with a type letter: "[P:Rashid] met
    /// [P:Araji]": P a person, G a group, L a country, C a city, D a demonym.
    fn find(text: &str) -> Vec<String> {
        let mut sentence = String::new();
        let mut actors = Vec::new();
        let mut rest = text;
        while let Some(open) = rest.find('[') {
            sentence.push_str(&rest[..open]);
            let close = rest[open..].find(']').unwrap() + open;
            let (kind, name) = rest[open + 1..close].split_once(':').unwrap();
            let (kind, mention, level) = match kind {
                "P" => (EntityType::Person, MentionKind::Name, None),
                "G" => (EntityType::Group, MentionKind::Name, None),
                "L" => (
                    EntityType::Place,
                    MentionKind::Name,
                    Some(PlaceLevel::Country),
                ),
                "C" => (EntityType::Place, MentionKind::Name, Some(PlaceLevel::City)),
                "N" => (
                    EntityType::Place,
                    MentionKind::Name,
                    Some(PlaceLevel::Neighbourhood),
                ),
                "W" => (
                    EntityType::Place,
                    MentionKind::Name,
                    Some(PlaceLevel::Water),
                ),
                _ => (
                    EntityType::Place,
                    MentionKind::Demonym,
                    Some(PlaceLevel::Country),
                ),
            };
            actors.push(Actor {
                start: sentence.len(),
                end: sentence.len() + name.len(),
                kind,
                mention,
                level,
                state: level == Some(PlaceLevel::Country),
                seat: false,
                entity: None,
                country: None,
            });
            sentence.push_str(name);
            rest = &rest[close + 1..];
        }
        sentence.push_str(rest);
        let names: Vec<&str> = actors.iter().map(|a| &sentence[a.start..a.end]).collect();
        Relations::builtin()
            .unwrap()
            .find(&sentence, &actors)
            .into_iter()
            .map(|h| {
                let arrow = if h.directed { "->" } else { "--" };
                format!("{} {} {arrow} {}", h.kind, names[h.source], names[h.target])
            })
            .collect()
    }

    #[test]
    fn seed_sentences_table() {
        let table: &[(&str, &[&str])] = &[
            (
                "[P:Rashid] met, on Sunday, with National Security Advisor [P:Qasim al-Araji] at [L:Baghdad]’s Presidential Palace",
                &["meets Rashid -- Qasim al-Araji"],
            ),
            (
                "Prime Minister [P:al-Sudani] emphasized during a recent call with [D:Turkish] President [P:Erdogan] that",
                &[
                    "communicates al-Sudani -- Erdogan",
                    "leads Erdogan -> Turkish",
                ],
            ),
            (
                "[D:Iraqi] Prime Minister [P:al-Sudani] on Saturday talked with [D:Syrian] President [P:Bashar al-Assad], whose forces",
                &[
                    "communicates al-Sudani -- Bashar al-Assad",
                    "leads al-Sudani -> Iraqi",
                    "leads Bashar al-Assad -> Syrian",
                ],
            ),
            (
                "[P:Erdogan] discussed the renewed outbreak of conflict in [L:Syria] with [D:Russian] President [P:Putin] by phone",
                &["communicates Erdogan -- Putin", "leads Putin -> Russian"],
            ),
            (
                "during a phone call between [D:Iranian] Foreign Minister [P:Abbas Araghchi] and his [D:Russian] counterpart [P:Sergey Lavrov].",
                &[
                    "communicates Abbas Araghchi -- Sergey Lavrov",
                    "holds_office Abbas Araghchi -> Iranian",
                ],
            ),
            (
                "[P:Araghchi] also discussed the developments in [L:Syria] with [L:Turkey]’s Foreign Minister [P:Hakan Fidan].",
                &[
                    "communicates Araghchi -- Hakan Fidan",
                    "holds_office Hakan Fidan -> Turkey",
                ],
            ),
            (
                "[G:HTS] leader [P:Abu Mohammad al-Jolani], in a video message",
                &["leads Abu Mohammad al-Jolani -> HTS"],
            ),
            (
                "[P:Erdogan] told [P:Putin] that [L:Türkiye] supports [L:Syria]'s territorial integrity",
                &["communicates Erdogan -- Putin", "supports Türkiye -> Syria"],
            ),
            (
                "[P:Erdogan] and [P:Putin] spoke as forces advanced",
                &["communicates Erdogan -- Putin"],
            ),
            (
                "villages around [C:Aleppo] in northern [L:Syria], Tuesday",
                &["located_in Aleppo -> Syria"],
            ),
            ("engagement by [L:Iraq] in [L:Syria]", &[]),
            ("[L:Türkiye], [L:Syria], [L:Jordan]", &[]),
            ("groups, led by the jihadist [G:HTS]", &[]),
            (
                "[G:Syrian rebel groups], led by the jihadist [G:HTS]",
                &["leads HTS -> Syrian rebel groups"],
            ),
            (
                "[P:Ahmed al-Sharaa], who led anti-regime forces to oust [P:Assad]",
                &[],
            ),
            (
                "[L:Iran]-backed [G:Hezbollah] fighters",
                &["supports Iran -> Hezbollah"],
            ),
            // Demonyms never fill a slot; far actors do not link.
            ("[D:Iraqi] officials met [D:Syrian] envoys", &[]),
            (
                "[P:Rashid] said the meeting was long and that at last in the end they met [P:Araji]",
                &[],
            ),
            (
                "[P:Rashid] met a delegation of the many many different provincial councils and [P:Araji]",
                &[],
            ),
        ];
        let mut wrong = Vec::new();
        for (text, want) in table {
            let got = find(text);
            if got != *want {
                wrong.push(format!("{text:?}\n    want {want:?}\n    got  {got:?}"));
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }

    /// The classes of error that patterns without clause structure made, and
    /// the shapes news writes relations in.
    #[test]
    fn clause_structure_table() {
        let table: &[(&str, &[&str])] = &[
            // An actor joined to a participle or negated by "non-" is no
            // participant: the militias are accused, not Iran.
            (
                "[L:Kurdistan] authorities accused [L:Iran]-backed militias of sabotage.",
                &[],
            ),
            ("[L:Qatar], a major non-[G:NATO] ally, hosts the base.", &[]),
            // An unnamed plural noun before the verb is its subject.
            (
                "Air defences downed a [G:PKK] drone, witnesses told [G:Shafaq News].",
                &[],
            ),
            (
                "[D:Israeli] strikes killed [P:Hassan Nasrallah].",
                &["attacks Israeli -> Hassan Nasrallah"],
            ),
            // A group's own unit; a group "movement of" its leader; a city's quarter.
            (
                "Jets hit depots of [G:Hezbollah]'s [G:Radwan Force].",
                &["member_of Radwan Force -> Hezbollah"],
            ),
            (
                "The [G:Asaib Ahl al-Haq] movement of [P:Qais al-Khazali] pressed on.",
                &["leads Qais al-Khazali -> Asaib Ahl al-Haq"],
            ),
            (
                "[P:Uri Resnick] of [L:Israel]'s [G:National Security Council] joined.",
                &["member_of Uri Resnick -> National Security Council"],
            ),
            ("the death of [P:Nasrallah] of [L:Lebanon]", &[]),
            // An example names the object.
            (
                "[L:Iran] backs armed groups such as [G:Kataib Hezbollah].",
                &["supports Iran -> Kataib Hezbollah"],
            ),
            ("[L:Iran] met groups such as [G:Kataib Hezbollah].", &[]),
            // An event noun's qualifier acts, inside a phrase as well.
            (
                "It came after an [D:Iranian] attack against [L:Kuwait].",
                &["attacks Iranian -> Kuwait"],
            ),
            // A subject the gazetteer does not know, before an aside or
            // after a fronted phrase, is nobody: not an actor further on.
            (
                "It cost [L:U.S.] dollars, the official, who asked not to be named, told [G:Reuters].",
                &[],
            ),
            (
                "Jon Rosenbaum, assistant [L:U.S.] trade envoy, told [G:Reuters].",
                &[],
            ),
            (
                "In an interview with [G:Reuters], Eyskens said the [L:U.S.] agreed.",
                &[],
            ),
            // A threatened or vowed attack opposes; a planned one states
            // nothing; a threat to follow an actor is no threat to it.
            (
                "[L:Iran] threatened to attack [L:Kuwait].",
                &["opposes Iran -> Kuwait"],
            ),
            ("[L:Iran] plans to attack [L:Kuwait].", &[]),
            (
                "[L:Argentina] threatened to follow [L:Brazil] into default.",
                &[],
            ),
            (
                "[L:Britain] threatened to block [D:Japanese] banks.",
                &["opposes Britain -> Japanese"],
            ),
            // A hypothetical blow, a clash over an issue.
            ("The debate could hit the [G:Senate] soon.", &[]),
            (
                "[L:Britain] and [L:Japan] clashed today over access.",
                &["opposes Britain -> Japan", "opposes Japan -> Britain"],
            ),
            // A proposal of talks, a company's branch, a sea's port, a
            // deed joined in: none of them a relation.
            ("[L:South Korea] offers talks with [L:North Korea].", &[]),
            ("[G:Amoco] [L:Canada] is a unit of [G:Amoco Corp].", &[]),
            (
                "A blast hit a cafe in the [W:Red Sea] port of [L:Djibouti].",
                &[],
            ),
            (
                "[L:Britain] was joined by [L:West Germany] in voting no.",
                &[],
            ),
            // Common nouns after an article, no actor among them.
            (
                "[L:India] sold cars, an industry ministry spokesman told [G:Reuters].",
                &[],
            ),
            (
                "The [D:Iranian] spokesman told [G:Reuters].",
                &["communicates Iranian -- Reuters"],
            ),
            // "after" before a clause opens it; "its" in the object is the
            // reporter's; an actor qualifying a noun owns nothing.
            (
                "Bush met him after [L:U.S.] naval forces destroyed an [D:Iranian] platform.",
                &["attacks U.S. -> Iranian"],
            ),
            (
                "[L:Iran] said [L:U.S.] forces attacked two of its oil platforms.",
                &["attacks U.S. -> Iran"],
            ),
            (
                "[L:Iraq] rejected its [G:OPEC] quota.",
                &["opposes Iraq -> OPEC"],
            ),
            (
                "The [G:Tower Commission] criticised his handling of the [L:Iran] arms scandal.",
                &[],
            ),
            // The units of an actor in a by-phrase are the actor's.
            (
                "[L:Iraq] repelled an attack by three divisions of [G:Revolutionary Guards].",
                &[
                    "attacks Iraq -> Revolutionary Guards",
                    "attacks Revolutionary Guards -> Iraq",
                ],
            ),
            // Talks after a verb of saying are its subject's; a departure
            // for a place is a visit.
            (
                "Peace is near, [P:Tindemans] said after talks with [P:King Hussein].",
                &["meets Tindemans -- King Hussein"],
            ),
            (
                "[P:Mustapha], who leaves for [C:Moscow] on Tuesday, spoke.",
                &["visits Mustapha -> Moscow"],
            ),
            // A member of a pair may have its noun after it; an outlet's
            // name after the noun of its kind is the object.
            (
                "Fighting broke out between [D:Syrian] troops and [G:Hezbollah] near the border.",
                &["attacks Syrian -> Hezbollah", "attacks Hezbollah -> Syrian"],
            ),
            (
                "Clashes erupted between [G:Amal] militiamen and [D:Palestinian] guerrillas.",
                &["attacks Amal -> Palestinian", "attacks Palestinian -> Amal"],
            ),
            (
                "[P:Sudani] told the [D:Kurdish] broadcaster [G:Rudaw] that the deal was done.",
                &["communicates Sudani -- Rudaw"],
            ),
            // A light verb's mood is its event noun's; a doer in a
            // by-phrase may come before the target.
            (
                "[P:Erdogan] will pay a visit to [C:Baghdad] in May.",
                &["visits Erdogan -> Baghdad"],
            ),
            ("[L:Iran] could launch an offensive against [L:Iraq].", &[]),
            (
                "[L:Iran] plans to launch an offensive against [L:Iraq].",
                &[],
            ),
            (
                "[L:Iran] threatened to carry out attacks on [L:Iraq].",
                &["opposes Iran -> Iraq"],
            ),
            (
                "The offensive by [L:Israel] on [G:Hamas] killed two.",
                &["attacks Israel -> Hamas"],
            ),
            (
                "[L:Turkey] condemned the attack by [L:Israel].",
                &["opposes Turkey -> Israel"],
            ),
            (
                "[P:Aoun] criticised recent remarks by [D:Iranian] officials.",
                &["opposes Aoun -> Iranian"],
            ),
            (
                "[L:Iraq] welcomed [L:US] strikes on [G:Islamic State].",
                &["attacks US -> Islamic State"],
            ),
            // Talks through mediators are no meeting; the words a trigger
            // skips stay in one clause; a pair's member is its phrase's head.
            (
                "[L:Oman] mediated indirect talks in [C:Muscat] between [L:US] envoy [P:Witkoff] and [P:Araghchi].",
                &[
                    "communicates Witkoff -- Araghchi",
                    "holds_office Witkoff -> US",
                ],
            ),
            (
                "Talks with [L:Iran] ended, but the row between [L:Iraq] and [L:Turkey] went on.",
                &["opposes Iraq -> Turkey", "opposes Turkey -> Iraq"],
            ),
            (
                "[P:Erdogan] spoke by phone with [P:Sudani].",
                &["communicates Erdogan -- Sudani"],
            ),
            // Discussing with someone is a meeting unless a medium carries
            // it ("also discussed" goes on with an earlier talk, whose
            // medium this sentence does not give); a written medium only
            // where it carries the talk.
            (
                "[P:Peres] discussed the peace process with [P:Mubarak] at a meeting.",
                &["meets Peres -- Mubarak"],
            ),
            (
                "[P:Peres] discussed the peace process with [P:Mubarak] by telephone.",
                &["communicates Peres -- Mubarak"],
            ),
            (
                "[P:Akiman] was due to meet [P:Papandreou] for the reply to a message.",
                &["meets Akiman -- Papandreou"],
            ),
            (
                "[P:Akiman] informed [P:Papandreou] in a message.",
                &["communicates Akiman -- Papandreou"],
            ),
            // Where an ambassador is posted is no venue.
            (
                "The ambassador in [C:Athens], [P:Akiman], met [P:Papandreou].",
                &["meets Akiman -- Papandreou"],
            ),
            // A by-phrase after "and" and another noun is that noun's.
            (
                "He spoke after the attack on a [D:Kuwaiti] ship and comments by [D:American] officials.",
                &[],
            ),
            // "his" is the person the clause opens with or the speaker;
            // "a former" before an apposition's owner; "aligned with".
            (
                "[P:Aoun] said his direct talks with [P:Assad] went well.",
                &["meets Aoun -- Assad"],
            ),
            (
                "[P:Karam], a former [D:Lebanese] ambassador, joined.",
                &["holds_office Karam -> Lebanese"],
            ),
            (
                "The [D:Iranian] delegation flew into [C:Muscat].",
                &["visits Iranian -> Muscat"],
            ),
            (
                "[P:Haidar] is aligned with [G:Hezbollah].",
                &["allied_with Haidar -- Hezbollah"],
            ),
            // A would-be attack under a warning is the warner's threat,
            // unless someone else is to do it.
            (
                "[P:Halevi] warned that [G:Hezbollah] would be struck.",
                &["opposes Halevi -> Hezbollah"],
            ),
            (
                "[L:Iran] warned that [L:Iraq] would attack [L:Kuwait].",
                &[],
            ),
            ("Analysts said [L:Iran] could attack [L:Kuwait].", &[]),
            // A pair at odds opposes both ways; a pair that discussed met.
            (
                "[L:Turkey] and [L:Greece] are at odds over the Aegean.",
                &["opposes Greece -> Turkey", "opposes Turkey -> Greece"],
            ),
            (
                "[P:Mohammed] and [P:Sharaa] discussed relations.",
                &["meets Mohammed -- Sharaa"],
            ),
            // "-allied" is an alliance, of the phrase it qualifies only; an
            // agreement is no alliance; a place after "in" is never led.
            (
                "[L:Turkey] does not tell the [L:U.S.]-allied [G:SDF] from the [G:PKK].",
                &["allied_with U.S. -- SDF"],
            ),
            ("An agreement between the [L:U.S.] and [L:Japan] held.", &[]),
            ("Negotiations in [C:Damascus] led by [P:Abdi] ended.", &[]),
            // Unnamed speakers: a two-word name the gazetteer lacks, "some
            // of them".
            (
                "[G:Hezbollah] lawmaker Rami Hamdan urged [C:Beirut] to act.",
                &[],
            ),
            (
                "In the [L:Israel]-[L:Iran] war, some of them threatened to target [L:U.S.] bases.",
                &["attacks Israel -> Iran", "attacks Iran -> Israel"],
            ),
            // A part is led, not its whole; a minister leads a
            // delegation, not the state; a person's envoy for a region
            // holds no office of it.
            (
                "The head of the [L:US] delegation was the envoy, [P:Witkoff], he said.",
                &[],
            ),
            (
                "The head of the [G:defence ministry] political department, [P:Muhsen], told us.",
                &[],
            ),
            (
                "The head of the [G:defence ministry], [P:Muhsen], told us.",
                &["leads Muhsen -> defence ministry"],
            ),
            ("[L:Iran] was led by Foreign Minister [P:Araghchi].", &[]),
            (
                "[L:Iraq] was led by Prime Minister [P:Sudani].",
                &["leads Sudani -> Iraq"],
            ),
            (
                "[P:Trump]'s [L:Middle East] envoy, [P:Witkoff], spoke.",
                &[],
            ),
            // Strikes "deep into" a place; a thing of an actor right after
            // the verb is the actor's, but not a direction "of" a place.
            (
                "[L:Israel] launched rare airstrikes deep into [C:Damascus].",
                &["attacks Israel -> Damascus"],
            ),
            (
                "The [G:IDF] attacked the entrance of the [G:Syrian army]'s headquarters.",
                &["attacks IDF -> Syrian army"],
            ),
            ("An [L:Iran] attack repulsed east of [C:Basra] failed.", &[]),
            // A noun trigger of membership needs a copula, a comma or
            // "as" before it; a participle between commas qualifies the
            // actors before them.
            (
                "The [G:Framework] will nominate a member of the [G:Dawa Party].",
                &[],
            ),
            (
                "[L:Indonesia], the only Asian member of [G:OPEC], was hit.",
                &["member_of Indonesia -> OPEC"],
            ),
            (
                "[L:Ecuador], itself a member of [G:OPEC], was hit.",
                &["member_of Ecuador -> OPEC"],
            ),
            (
                "[G:Hezbollah], backed by [L:Iran], remains armed.",
                &["supports Iran -> Hezbollah"],
            ),
            (
                "The head of its office in [C:London], accused by [L:U.S.] authorities, left.",
                &[],
            ),
            // A thing of an actor is not met; joining an actor in a deed
            // is no membership; fighter jets are their state's.
            ("[L:Israel] welcomed the [L:U.S.] action.", &[]),
            ("[L:Argentina] has met [G:IMF] requirements.", &[]),
            (
                "[P:Erdogan] received the [D:Iraqi] delegation.",
                &["meets Erdogan -- Iraqi"],
            ),
            (
                "The [L:United States] joined [L:Israel] in launching strikes.",
                &[],
            ),
            (
                "[D:Israeli] fighter jets targeted the [G:IRGC] headquarters.",
                &["attacks Israeli -> IRGC"],
            ),
            // An event noun's target past a participle, a time and a code
            // name.
            (
                "[L:Iran] launched a major offensive, codenamed Karbala-5, towards [C:Basra].",
                &["attacks Iran -> Basra"],
            ),
            (
                "A previous [D:Iranian] offensive launched in January towards [C:Basra] was halted.",
                &["attacks Iranian -> Basra"],
            ),
            // A deal mediated is no talk through a mediator; the reason
            // for a criticism is no object; failing to act is not acting.
            (
                "[P:Sisi] hailed the [L:Egypt]-mediated deal at his meeting with [P:Araghchi].",
                &["meets Sisi -- Araghchi"],
            ),
            (
                "[C:Tehran] criticised the agency for failing to condemn [D:Israeli] attacks.",
                &[],
            ),
            // The one blamed does the deed of the gerund.
            (
                "[L:Iran] criticised [L:Israel] for attacking [L:Syria].",
                &["opposes Iran -> Israel", "attacks Israel -> Syria"],
            ),
            // A one-word name the gazetteer lacks before the verb is its
            // subject, though it ends like an adjective of a people.
            ("[P:Ozal] told reporters Akiman came to [L:Turkey].", &[]),
            // "on" before a date is a filler, before a noun the target's.
            (
                "[L:Iran] carried out an attack last Friday on a [D:Kuwaiti] ship.",
                &["attacks Iran -> Kuwaiti"],
            ),
            // The attack or its weapon as a subject stands for its doer.
            (
                "An [D:Israeli] drone strike killed [P:Hossein Salami].",
                &["attacks Israeli -> Hossein Salami"],
            ),
            // Those killed in an attack were its targets.
            (
                "[P:Fuad Shukr] was killed in an [D:Israeli] strike on [C:Beirut].",
                &["attacks Israeli -> Beirut", "attacks Israeli -> Fuad Shukr"],
            ),
            (
                "Among those killed in the [D:Israeli] strikes were [G:IRGC] commander [P:Hossein Salami] and [P:Mohammad Bagheri].",
                &[
                    "attacks Israeli -> Hossein Salami",
                    "attacks Israeli -> Mohammad Bagheri",
                    "leads Hossein Salami -> IRGC",
                ],
            ),
            (
                "[L:Iraq] said 30 soldiers were killed in an [D:Iranian] attack.",
                &[],
            ),
            // A verb of giving carries the noun's doer; a measure asked
            // for, refused, conditional or possible is none.
            (
                "[L:Iran] supplied weapons to [G:Hezbollah] for years.",
                &["supports Iran -> Hezbollah"],
            ),
            (
                "[C:Washington] imposed sanctions on [G:Hamas].",
                &["opposes Washington -> Hamas"],
            ),
            (
                "They urged the [L:U.S.] to impose sanctions against [L:Japan].",
                &[],
            ),
            (
                "The [L:US] and [L:Britain] vetoed a resolution to impose sanctions against [L:South Africa].",
                &[],
            ),
            (
                "They may act if [C:Washington] imposes sanctions against [C:Tokyo].",
                &[],
            ),
            ("[L:France] may reimpose sanctions on [L:Iran].", &[]),
            (
                "[P:Reagan]'s decision to impose sanctions against [L:Japan] hurt stocks.",
                &["opposes Reagan -> Japan"],
            ),
            // A participle after an indefinite apposition qualifies it.
            (
                "[G:Kataib Hezbollah], an [D:Iraqi] militia allied with [L:Iran], claimed it.",
                &["allied_with Kataib Hezbollah -- Iran"],
            ),
            (
                "[G:Hezbollah], a [D:Lebanese] group backed by [L:Iran], fired rockets.",
                &["supports Iran -> Hezbollah"],
            ),
            // The domain of a title: "envoy for X Name".
            (
                "[L:US] envoy for [L:Syria] [P:Tom Barrack] met [P:Sharaa].",
                &["meets Tom Barrack -- Sharaa"],
            ),
            // Known members of a subject whose last member is unknown.
            (
                "[G:Mossad] Director [P:David Barnea] and [G:CIA] Director William Burns met with [D:Qatari] Prime Minister [P:Al Thani] for the first round of talks in two months.",
                &[
                    "leads David Barnea -> Mossad",
                    "meets David Barnea -- Al Thani",
                    "leads Al Thani -> Qatari",
                ],
            ),
            // After a bare possessive apostrophe any word qualifies the noun.
            (
                "It was sparked by [G:Hamas]' unprecedented attack on [L:Israel].",
                &["attacks Hamas -> Israel"],
            ),
            ("[G:Hezbollah] condemned attacks on [C:Gaza].", &[]),
            // "whose" before a title: the nearest antecedent's.
            (
                "[G:Hamas] and [G:Fatah], whose leader [P:Mahmoud Abbas] spoke, met.",
                &["leads Mahmoud Abbas -> Fatah"],
            ),
            // A title after a name is no opening title.
            (
                "[P:Abbas], president of the [G:PA], met [P:Sisi].",
                &["meets Abbas -- Sisi", "leads Abbas -> PA"],
            ),
            ("[L:Iraq] is an ally of [L:Iran].", &[]),
            (
                "[L:Indonesia], the only Asian member of [G:OPEC], was hit.",
                &["member_of Indonesia -> OPEC"],
            ),
            // The units of an actor act for it; "taken control of".
            (
                "He said that factions of the [L:Turkish]-backed [G:SNA] had taken control of [C:Manbij].",
                &["attacks SNA -> Manbij", "supports Turkish -> SNA"],
            ),
            (
                "The arrival of troops of the [G:Iraqi army] surprised [L:Iran].",
                &[],
            ),
            // A demonym before the state's foes is not the state.
            (
                "[L:US] aid to the [D:Nicaraguan] rebels grew, and [D:Syrian] rebels attacked [C:Aleppo].",
                &[],
            ),
            (
                "[D:Latin American] opposition to [L:U.S.] proposals grew.",
                &["opposes Latin American -> U.S."],
            ),
            // A hyphen a line break followed still joins a pair.
            (
                "Banks fear the [L:Iran]- [L:Iraq] war on [L:Kuwait]'s doorstep.",
                &[],
            ),
            // "Iraq's second city of Basra" says where Basra lies.
            (
                "[L:Iran] mounted an offensive towards [L:Iraq]'s second city of [C:Basra].",
                &["attacks Iran -> Basra", "located_in Basra -> Iraq"],
            ),
            // The antecedent of "which" is the object of a relative clause
            // with a subject of its own.
            (
                "The [C:Natanz] plant, which [L:Israel] struck in June, was damaged.",
                &["attacks Israel -> Natanz"],
            ),
            (
                "[G:Hezbollah], which [L:Iran] backs, denied it.",
                &["supports Iran -> Hezbollah"],
            ),
            (
                "The [G:European Commission], which [L:Denmark] approached for support, agreed.",
                &[],
            ),
            // A form of address between a title's apposition and the name.
            (
                "The speaker of the [G:Iranian Parliament], Hojatoleslam [P:Rafsanjani], warned the [L:U.S.]",
                &[
                    "leads Rafsanjani -> Iranian Parliament",
                    "opposes Rafsanjani -> U.S.",
                ],
            ),
            // Taking ground and downing aircraft are attacks.
            (
                "[D:Syrian] troops took the town of [C:Raqqa] from the [G:SDF].",
                &["attacks Syrian -> Raqqa", "attacks Syrian -> SDF"],
            ),
            (
                "[D:Turkish] air defences brought down a [G:PKK] drone.",
                &["attacks Turkish -> PKK"],
            ),
            // An actor after "anti-" or "pro-" is no party; a dispute
            // between two is opposition both ways, not fighting.
            ("Anti-[C:Baghdad] rebels support [L:Iran].", &[]),
            ("Pro-[L:Iran] militias attacked [L:US] forces.", &[]),
            (
                "The growing confrontation between [L:Iran] and the [L:United States] worried them.",
                &[
                    "opposes Iran -> United States",
                    "opposes United States -> Iran",
                ],
            ),
            // A relative clause after an apposition is the actor's.
            (
                "The [G:GCC], an economic and military alliance which has generally supported [L:Iraq], met.",
                &["supports GCC -> Iraq"],
            ),
            // A second object of an attack after "and".
            (
                "[D:Iraqi] warplanes attacked a supertanker and four [D:Iranian] oil sites.",
                &["attacks Iraqi -> Iranian"],
            ),
            (
                "[D:Iraqi] warplanes attacked a supertanker and [L:Iran] protested.",
                &[],
            ),
            // Where words were said is not who heard them.
            (
                "[P:Weinberger] told a [G:Pentagon] news conference the ships fired.",
                &[],
            ),
            (
                "[P:Ghani] told the [G:INA] news agency that crude moved.",
                &["communicates Ghani -- INA"],
            ),
            // A name after "war enemy" is the enemy, not the owner's thing.
            (
                "[L:Kuwait]'s backing for [L:Iran]'s war enemy [L:Iraq] grew.",
                &[
                    "supports Kuwait -> Iraq",
                    "attacks Iran -> Iraq",
                    "attacks Iraq -> Iran",
                ],
            ),
            (
                "[L:Iran]-backed militias such as the [G:PMF] fired rockets.",
                &["supports Iran -> PMF"],
            ),
            (
                "[L:Iran]-backed groups, including [G:Kataib Hezbollah], fired.",
                &["supports Iran -> Kataib Hezbollah"],
            ),
            (
                "[L:Israel] has vowed to stop [C:Damascus] from deploying troops.",
                &["opposes Israel -> Damascus"],
            ),
            // A thing of an actor, struck or hit, is the actor's; what is
            // taken "from" an actor is taken from it.
            (
                "The [G:IDF] struck depots of the [G:Radwan Force].",
                &["attacks IDF -> Radwan Force"],
            ),
            (
                "Two vehicles of the [G:PKK] in [C:Sulaymaniyah] province were hit by [D:Turkish] drones.",
                &["attacks Turkish -> PKK"],
            ),
            (
                "[D:Syrian] forces captured the town of Tabqah from the [G:SDF].",
                &["attacks Syrian -> SDF"],
            ),
            (
                "[L:Iran]'s nuclear agency denounced the [L:US] attack.",
                &["opposes Iran -> US"],
            ),
            (
                "[P:Erdogan] praised [P:Sudani]'s leadership.",
                &["supports Erdogan -> Sudani"],
            ),
            (
                "Its jets hit depots belonging to the [G:Radwan Force], [G:Hezbollah]'s elite unit.",
                &["member_of Radwan Force -> Hezbollah"],
            ),
            (
                "[G:UNIFIL], the [G:United Nations] peacekeeping mission in [L:Lebanon], saw it.",
                &["member_of UNIFIL -> United Nations"],
            ),
            (
                "The [G:IDF] hit depots belonging to the [G:Radwan Force].",
                &["attacks IDF -> Radwan Force"],
            ),
            // A capital may speak for its government; a city after "a"
            // qualifies a noun.
            (
                "[C:Washington] told [C:Tehran] that the strikes were limited.",
                &["communicates Washington -- Tehran"],
            ),
            (
                "Kemp, a [C:New York] Republican, urged [P:Reagan] to act.",
                &[],
            ),
            // A state before a title is not the one who acts; the named
            // holder is, or, when the gazetteer does not know the name,
            // nobody.
            (
                "[L:U.S.] Energy Secretary [P:John Herrington] arrived after a tour of the [L:Gulf].",
                &["visits John Herrington -> Gulf"],
            ),
            (
                "[G:Interior Ministry] spokesman Nouruddin al-Baba blamed the [G:Islamic State].",
                &[],
            ),
            (
                "The [G:Interior Ministry] spokesman blamed the [G:Islamic State].",
                &["opposes Interior Ministry -> Islamic State"],
            ),
            // Buying and selling goods is neither support nor opposition;
            // praise of a plan is no support of its owner.
            (
                "In 1984/85, the [L:U.S.] supplied 41 pct of record [L:Soviet] grain imports.",
                &[],
            ),
            (
                "[L:Pakistan] rejected offers for 6,000 tonnes of [D:Malaysian] palm oil.",
                &[],
            ),
            (
                "[L:South Korea] would retaliate against [L:U.S.] goods.",
                &["opposes South Korea -> U.S."],
            ),
            ("The [G:World Bank] praised [L:Argentina]'s plans.", &[]),
            (
                "[D:American] forces had helped shoot down [D:Iranian] missiles.",
                &[],
            ),
            (
                "The [D:West German] government expressed support for the [L:U.S.] position.",
                &[],
            ),
            (
                "[L:Iran] helped [G:Hezbollah] with weapons.",
                &["supports Iran -> Hezbollah"],
            ),
            (
                "[P:Baker] supports the current course of [G:Federal Reserve] policy.",
                &[],
            ),
            (
                "[D:Norwegian] tankers supplied [L:South Africa] with about 30 pct of its crude imports.",
                &[],
            ),
            (
                "[L:Norway] and [L:Egypt] agreed to help [G:OPEC] by restraining exports.",
                &["supports Norway -> OPEC", "supports Egypt -> OPEC"],
            ),
            // A war of trade is no fighting; a ruling is words; an aside
            // between dashes is no object.
            (
                "The threatened trade war between the [L:United States] and [L:Japan] looms.",
                &[],
            ),
            ("A [L:U.S.] group attacks [L:Canada]'s corn ruling.", &[]),
            ("[L:Japan] has also attacked [G:OECD] forecasts.", &[]),
            (
                "[P:Kohl] said a dismantling would mainly hit [D:West German] farmers.",
                &[],
            ),
            (
                "[D:Iraqi] jets hit [L:Iran]'s oil exports terminal.",
                &["attacks Iraqi -> Iran"],
            ),
            (
                "[L:Iraq] attacked two naval targets -- [C:Baghdad]'s term for tankers -- today.",
                &[],
            ),
            // Who speaks: nobody the gazetteer knows.
            (
                "This makes the [D:Japanese] people doubt him, Shiratori told [G:Reuters].",
                &[],
            ),
            (
                "A [G:Senate] [L:Iran] committee aide told [G:Reuters] so.",
                &[],
            ),
            (
                "It was pledged at the [C:Paris] accord, the officials told [G:Reuters].",
                &[],
            ),
            (
                "[L:Indonesia], the only Asian member of [G:OPEC], was hit.",
                &["member_of Indonesia -> OPEC"],
            ),
            // A city inside a name the gazetteer does not know.
            (
                "The [G:SEC] asked the [C:New York] Stock Exchange to act.",
                &[],
            ),
            (
                "Marketing manager Deogracias [C:Madrid] told [G:Reuters] so.",
                &[],
            ),
            (
                "A task force, headed by [G:Senate] Majority Leader [P:Robert Dole], met.",
                &[],
            ),
            (
                "[L:U.S.] Secretary of State [P:George Shultz] is likely to visit [C:Moscow].",
                &[
                    "visits George Shultz -> Moscow",
                    "holds_office George Shultz -> U.S.",
                ],
            ),
            (
                "During a visit to [C:Tokyo], [L:U.K.] Minister Michael Howard presented a plan.",
                &[],
            ),
            ("Esso [L:Malaysia] Bhd, a unit of [G:Exxon], gained.", &[]),
            // A journey's purpose: talks at its end.
            (
                "[P:Sudani] flew to [C:Ankara] for talks with [P:Erdogan].",
                &["visits Sudani -> Ankara", "meets Sudani -- Erdogan"],
            ),
            (
                "[G:Hezbollah] rejected calls for talks with [L:Israel].",
                &[],
            ),
            (
                "[D:Omani] Foreign Minister Sayyid [P:Badr Albusaidi] met [P:Rubio].",
                &[
                    "holds_office Badr Albusaidi -> Omani",
                    "meets Badr Albusaidi -- Rubio",
                ],
            ),
            (
                "[D:Israeli] army chief Lt. Gen. [P:Eyal Zamir] met [P:Rubio].",
                &[
                    "holds_office Eyal Zamir -> Israeli",
                    "meets Eyal Zamir -- Rubio",
                ],
            ),
            (
                "a truce for [C:Aleppo]'s [N:Sheikh Maqsoud] neighbourhood",
                &["located_in Sheikh Maqsoud -> Aleppo"],
            ),
            // A place after "in" is the venue, not a participant.
            (
                "[P:Sudani] and [P:Sharaa] met in [C:Doha] on Sunday.",
                &["meets Sudani -- Sharaa"],
            ),
            ("[P:Sharaa] met in [C:Doha] with officials.", &[]),
            // Other senses of a trigger.
            (
                "The offensive was met with heavy resistance from the [G:army].",
                &[],
            ),
            ("[L:Israel] welcomed [P:Trump]'s decision.", &[]),
            (
                "[G:Hezbollah] received support from [L:Iran] for years.",
                &["supports Iran -> Hezbollah"],
            ),
            // Passive voice and by-agents.
            ("Soldiers captured by [G:Hezbollah] were freed.", &[]),
            (
                "[L:Iran] was attacked by [L:Iraq].",
                &["attacks Iraq -> Iran"],
            ),
            (
                "Attacks on the power grid by [P:Assad] loyalists went on.",
                &[],
            ),
            // A location or a victim is no target.
            ("A commander of the [G:IRGC] was killed in [L:Syria].", &[]),
            (
                "[D:US] forces carried out strikes in central [L:Syria] targeting [G:ISIS].",
                &["attacks US -> ISIS"],
            ),
            // Reported speech.
            ("[P:Shaibani] warned that [L:Syria] faces sanctions.", &[]),
            (
                "[L:Iran] said [L:Iraq] attacked [L:Kuwait].",
                &["attacks Iraq -> Kuwait"],
            ),
            (
                "[L:Iraq] said its troops repelled an [D:Iranian] attack.",
                &["attacks Iranian -> Iraq", "attacks Iraq -> Iranian"],
            ),
            // A country is not its person, and a visit is no meeting.
            (
                "President [P:Assad] of [L:Syria] arrived in [C:Moscow].",
                &["visits Assad -> Moscow", "leads Assad -> Syria"],
            ),
            (
                "[P:Erdogan] will visit [C:Ankara].",
                &["visits Erdogan -> Ankara"],
            ),
            // Coordination, appositions, relative clauses, negation.
            (
                "[L:Iran], [L:Iraq] and [L:Syria] condemned [L:Israel].",
                &[
                    "opposes Iran -> Israel",
                    "opposes Iraq -> Israel",
                    "opposes Syria -> Israel",
                ],
            ),
            (
                "[P:Erdogan], the [D:Turkish] president, met [P:Putin] in [C:Sochi].",
                &["meets Erdogan -- Putin", "leads Erdogan -> Turkish"],
            ),
            (
                "[G:Hezbollah], which is backed by [L:Iran], attacked [L:Israel].",
                &["supports Iran -> Hezbollah", "attacks Hezbollah -> Israel"],
            ),
            ("[P:Erdogan] did not meet [P:Putin].", &[]),
            // A bare trigger after a determiner and a name is a noun; a
            // compound joined by hyphens names a thing.
            (
                "The [L:U.S.] attack represents a shift by the [G:Reagan administration].",
                &[],
            ),
            (
                "The [L:Soviets] back [L:Syria] with arms.",
                &["supports Soviets -> Syria"],
            ),
            (
                "[P:Reagan] defends [L:Iran]-deal but would not repeat it.",
                &[],
            ),
            ("[P:Shultz] was hurt by the arms-to-[L:Iran] scandal.", &[]),
            (
                "Prices fell as the [L:Iran]-[L:Iraq] war on [L:Kuwait]'s doorstep raged.",
                &[],
            ),
            // An attack on an actor's policy is words, not force.
            (
                "[L:United States] openly attacked [L:Japan]'s tight-fisted fiscal policy.",
                &[],
            ),
            (
                "[L:Iraq] attacked [L:Iran]'s oil terminal.",
                &["attacks Iraq -> Iran"],
            ),
            // "called on X to" is an appeal, not a visit.
            (
                "[L:China] called on the [L:United States] to remove curbs.",
                &["communicates China -- United States"],
            ),
            // The owner of a person after the group leads nothing.
            ("[P:Reagan]'s [G:CIA] man withdrew.", &[]),
            (
                "[P:Nasrallah]'s [G:Hezbollah] fought on.",
                &["leads Nasrallah -> Hezbollah"],
            ),
            // A participle after a comma belongs to the clause's subject;
            // a title before commas around a name is the name's.
            (
                "[P:Fidan] visited [C:Damascus], accusing the [G:SDF] of delays.",
                &["visits Fidan -> Damascus", "opposes Fidan -> SDF"],
            ),
            (
                "Talks began after [P:Fidan] visited [C:Damascus], accusing the [G:SDF].",
                &["visits Fidan -> Damascus"],
            ),
            (
                "[P:Shultz], travelling to [L:China] for a visit, declined to comment.",
                &["visits Shultz -> China"],
            ),
            (
                "[L:Syria]'s de facto leader, [P:Ahmad al-Sharaa], visited [C:Ankara].",
                &[
                    "leads Ahmad al-Sharaa -> Syria",
                    "visits Ahmad al-Sharaa -> Ankara",
                ],
            ),
            // "back" as the particle of another verb; a group joined to
            // "affiliated" is the one the other belongs to.
            ("[L:Turkey] is trying to push back the [G:SDF] forces.", &[]),
            (
                "The [G:SDF]-affiliated [G:Asayish] said so.",
                &["member_of Asayish -> SDF"],
            ),
            // A singular title has one holder; a rebel leader leads no state;
            // an attack on an attempt is on no one.
            (
                "[D:Japanese] prime minister [P:Nakasone] and President [P:Reagan] met.",
                &["leads Nakasone -> Japanese", "meets Nakasone -- Reagan"],
            ),
            ("[D:Nicaraguan] rebel leader [P:Adolfo Calero] spoke.", &[]),
            (
                "The [G:Senate] defeated an attempt to cut [L:U.S.] aid.",
                &[],
            ),
            // Unnamed people before an infinitive are its subject.
            (
                "[P:Dole] pleaded with fellow party members to back [P:Reagan].",
                &[],
            ),
            (
                "[P:Erdogan] urged [D:Arab] and [D:Muslim] countries to support [L:Syria].",
                &["communicates Erdogan -- Arab"],
            ),
            // A sea or a gulf is where things happen, not a party.
            (
                "[L:U.S.] naval forces attacked two of its oil platforms in the southern [W:Gulf].",
                &[],
            ),
            (
                "[P:Herrington] arrived after a tour of the [W:Gulf].",
                &["visits Herrington -> Gulf"],
            ),
            // Troops that enter a town take it; a person who enters visits.
            ("[D:Syrian] troops entered [C:Sweida] on Tuesday.", &[]),
            (
                "[P:Sharaa] entered [C:Damascus] in triumph.",
                &["visits Sharaa -> Damascus"],
            ),
            // A by-phrase after "and" leads the phrase before the conjunction.
            (
                "The commission, named to investigate arms sales to [L:Iran] and led by [P:John Tower], reported.",
                &[],
            ),
            // A determiner before the subject makes no qualifier of the
            // verb; only a hyphen does.
            (
                "The [L:United States] warned [L:Iran] again.",
                &["opposes United States -> Iran"],
            ),
            (
                "Fighting between [L:Israel] and the [L:Iran]-backed [G:Hezbollah] resumed.",
                &[
                    "attacks Israel -> Hezbollah",
                    "attacks Hezbollah -> Israel",
                    "supports Iran -> Hezbollah",
                ],
            ),
            // A coordinated verb shares the subject of its own clause.
            (
                "[G:IRNA] said the [D:Iranian] troops seized the town and breached [D:Iraqi] lines.",
                &["attacks Iranian -> Iraqi"],
            ),
            // The owner of an attacked thing, not the thing's own name; the
            // place a place noun names.
            (
                "[L:Iran] attacked the [D:Saudi Arabian] supertanker [C:Arabian Sea] off [L:Qatar].",
                &["attacks Iran -> Saudi Arabian"],
            ),
            (
                "[L:Iran] fired missiles at the [D:Iraqi] port of [C:Basra].",
                &["attacks Iran -> Basra", "located_in Basra -> Iraqi"],
            ),
            (
                "The missile had been fired at the [D:Iraqi] port of [C:Basra].",
                &["located_in Basra -> Iraqi"],
            ),
            (
                "[P:Saddam] visited the northern city of [C:Mosul].",
                &["visits Saddam -> Mosul"],
            ),
            // "its", "it", "he" and the infinitive's subject.
            (
                "[L:Tehran] has blamed its Gulf War enemy [L:Iraq].",
                &[
                    "attacks Iraq -> Tehran",
                    "attacks Tehran -> Iraq",
                    "opposes Tehran -> Iraq",
                ],
            ),
            (
                "[L:Iran] meanwhile reported victories in its war with [L:Iraq].",
                &["attacks Iran -> Iraq", "attacks Iraq -> Iran"],
            ),
            (
                "[L:Iran] said it had achieved important victories against [L:Iraq].",
                &["attacks Iran -> Iraq"],
            ),
            (
                "[P:Aqazadeh] stopped in [C:Riyadh], where he met [P:Nazer].",
                &["visits Aqazadeh -> Riyadh", "meets Aqazadeh -- Nazer"],
            ),
            ("[P:Aoun] and [P:Salam] said he met [P:Larijani].", &[]),
            (
                "The [L:United States] offered its warships to escort [D:Kuwaiti] tankers.",
                &["supports United States -> Kuwaiti"],
            ),
            // Attacks aimed at the one who repels them, or at a thing's owner.
            (
                "[L:Iraq] said its forces had crushed an [D:Iranian] attack on a mountain peak.",
                &["attacks Iranian -> Iraq", "attacks Iraq -> Iranian"],
            ),
            (
                "[L:Iran] launched an assault on the fronts of three [D:Iraqi] divisions.",
                &["attacks Iran -> Iraqi"],
            ),
            (
                "[L:Kuwait], whose shipping has come under repeated attack by [L:Iran], rejected the charges.",
                &["attacks Iran -> Kuwait"],
            ),
            (
                "Japan has good ties with [L:Iran] and [L:Iraq], which have been at war since 1980.",
                &["attacks Iran -> Iraq", "attacks Iraq -> Iran"],
            ),
            // Support received, membership listed, allies, negotiations.
            (
                "[L:Iran] has produced a missile with technological help from [L:China].",
                &["supports China -> Iran"],
            ),
            (
                "The [G:GCC] comprises [L:Bahrain], [L:Kuwait] and the [L:UAE].",
                &[
                    "member_of Bahrain -> GCC",
                    "member_of Kuwait -> GCC",
                    "member_of UAE -> GCC",
                ],
            ),
            (
                "[L:Iran]'s allies [G:Hamas] and [G:Hezbollah] were weakened.",
                &["allied_with Iran -- Hamas", "allied_with Iran -- Hezbollah"],
            ),
            (
                "[L:France] was continuing negotiations with [L:Iran].",
                &["meets France -- Iran"],
            ),
            (
                "[L:UAE] President Sheikh [P:Zaid] chaired the meeting.",
                &["leads Zaid -> UAE"],
            ),
            // Lifted sanctions and a capability state nothing; a title in a
            // list is the next person's.
            ("[L:Washington] would lift its sanctions on [L:Syria].", &[]),
            ("[L:Iran] built a missile capable of hitting [L:Iraq].", &[]),
            (
                "[P:Berri], [L:Syria]'s intelligence chief in [L:Lebanon] Brigadier [P:Kanaan] and [P:Hariri] attended.",
                &[],
            ),
            ("[P:Erdogan] denied meeting [P:Putin].", &[]),
            // Demonyms that stand for their state, event nouns, pairs.
            (
                "[D:Israeli] jets bombed [D:Palestinian] targets.",
                &["attacks Israeli -> Palestinian"],
            ),
            (
                "[L:Israel]'s strikes on [L:Iran] went on.",
                &["attacks Israel -> Iran"],
            ),
            (
                "Talks between [L:Iran] and [L:Oman] ended.",
                &["meets Iran -- Oman"],
            ),
            (
                "The [L:Iran] [L:Iraq] war ended in 1988.",
                &["attacks Iran -> Iraq", "attacks Iraq -> Iran"],
            ),
            (
                "[D:Iraqi] Prime Minister [P:Sudani] met [D:Syrian] President [P:Sharaa].",
                &[
                    "meets Sudani -- Sharaa",
                    "leads Sudani -> Iraqi",
                    "leads Sharaa -> Syrian",
                ],
            ),
        ];
        let mut wrong = Vec::new();
        for (text, want) in table {
            let mut got = find(text);
            let mut want: Vec<String> = want.iter().map(|s| s.to_string()).collect();
            got.sort();
            want.sort();
            if got != want {
                wrong.push(format!("{text:?}\n    want {want:?}\n    got  {got:?}"));
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }

    #[test]
    fn bad_patterns_name_file_and_line() {
        let err = Relations::from_toml_str(
            "r.toml",
            "[[pattern]]\ntype = \"likes\"\ntriggers = [\"likes\"]\n",
        )
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "r.toml:1:1: unknown edge type 'likes' (known: co_mention, meets, visits, communicates, supports, opposes, attacks, leads, member_of, located_in, holds_office, allied_with)"
        );
        let err = Relations::from_toml_str(
            "r.toml",
            "\n[[pattern]]\ntype = \"meets\"\nform = \"A B\"\ntriggers = [\"x\"]\n",
        )
        .unwrap_err();
        assert!(
            err.to_string()
                .starts_with("r.toml:2:1: unknown form 'A B'"),
            "{err}"
        );
        let err =
            Relations::from_toml_str("r.toml", "[[pattern]]\ntype = \"meets\"\n").unwrap_err();
        assert!(
            err.to_string().contains("missing field `triggers`"),
            "{err}"
        );
    }
}
