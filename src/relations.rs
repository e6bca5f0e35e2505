//! Typed relations from text: curated trigger patterns (`gazetteer/relations.toml`)
//! that say how two actors of one sentence are linked: meets, communicates,
//! supports, opposes, attacks, leads, member_of, located_in. The file documents
//! its own format; patterns are data, so a user adds one by editing it.

use rustc_hash::FxHashMap as HashMap;

use serde::Deserialize;
use toml::Spanned;

use crate::error::{Error, Location, line_column};
use crate::gazetteer::{EntityType, MentionKind};
use crate::graph::kind::EdgeKind;
use crate::normalize::{Normalized, normalize};

/// The bundled patterns.
pub const BUILTIN: &str = include_str!("../gazetteer/relations.toml");

/// Words an actor may stand from the trigger, unless the pattern says `gap`.
const DEFAULT_GAP: usize = 4;

/// Words a `...` in a trigger may stand for.
const INNER_GAP: usize = 12;

/// Where the two actors stand around the trigger.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    /// "A T B", "A met B": A acts on B.
    ActorFirst,
    /// "B T A", "HTS leader Jolani": the actor after the trigger acts on the one before.
    ActorLast,
    /// "T A and B", "a call between A and B": no direction.
    PairAfter,
    /// "A and B T", "A and B spoke": no direction.
    PairBefore,
}

#[derive(Debug, Clone)]
struct Pattern {
    kind: EdgeKind,
    form: Form,
    /// Trigger words, split where the trigger has `...`.
    triggers: Vec<(String, Vec<Vec<String>>)>,
    gap: usize,
    a: Option<EntityType>,
    b: Option<EntityType>,
}

/// An actor of a sentence, as relation matching sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Actor {
    /// Byte range in the sentence text.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Person, group or place.
    pub kind: EntityType,
    /// Name, acronym or demonym (demonyms never fill a slot).
    pub mention: MentionKind,
}

/// A typed relation found in a sentence between two of its actors (indexes into
/// the slice given to [`Relations::find`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RelationHit {
    /// The actor that acts (or the first, for undirected forms).
    pub source: usize,
    /// The actor acted on.
    pub target: usize,
    /// Edge type.
    pub kind: EdgeKind,
    /// False for forms that do not say who acts.
    pub directed: bool,
    /// The trigger as the pattern file writes it.
    pub trigger: String,
}

/// A set of trigger patterns.
#[derive(Debug, Clone, Default)]
pub struct Relations {
    patterns: Vec<Pattern>,
    by_first_word: HashMap<String, Vec<(usize, usize)>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    pattern: Vec<Spanned<RawPattern>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPattern {
    #[serde(rename = "type")]
    kind: String,
    triggers: Vec<String>,
    form: Option<String>,
    gap: Option<usize>,
    a: Option<String>,
    b: Option<String>,
}

impl Relations {
    /// The bundled patterns.
    pub fn builtin() -> crate::Result<Relations> {
        Relations::from_toml_str("builtin:relations.toml", BUILTIN)
    }

    /// Patterns from a relations file's text; `file` names it in errors.
    pub fn from_toml_str(file: &str, text: &str) -> crate::Result<Relations> {
        let at = |offset: usize| {
            let (line, column) = line_column(text, offset);
            Location {
                file: file.to_string(),
                line,
                column,
            }
        };
        let parsed: File = toml::from_str(text).map_err(|e| {
            Error::parse(
                at(e.span().map_or(0, |s| s.start)),
                e.message().trim_end().to_string(),
            )
        })?;
        let mut relations = Relations::default();
        for raw in parsed.pattern {
            let location = at(raw.span().start);
            let pattern = convert(raw.into_inner()).map_err(|m| Error::parse(location, m))?;
            relations.add(pattern);
        }
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
        for (t, (_, parts)) in pattern.triggers.iter().enumerate() {
            self.by_first_word
                .entry(parts[0][0].clone())
                .or_default()
                .push((index, t));
        }
        self.patterns.push(pattern);
    }

    /// The relations between the actors of one sentence.
    ///
    /// ```
    /// use actorgraph::relations::{Actor, Relations};
    /// use actorgraph::gazetteer::{EntityType, MentionKind};
    /// let r = Relations::builtin().unwrap();
    /// let s = "Rashid met, on Sunday, with Qasim al-Araji.";
    /// let actor = |start, end| Actor { start, end, kind: EntityType::Person, mention: MentionKind::Name };
    /// let hits = r.find(s, &[actor(0, 6), actor(28, 42)]);
    /// assert_eq!(hits[0].kind.as_str(), "meets");
    /// assert_eq!((hits[0].source, hits[0].target), (0, 1));
    /// ```
    pub fn find(&self, sentence: &str, actors: &[Actor]) -> Vec<RelationHit> {
        let normalized = normalize(sentence);
        let tokens = tokenize(&normalized, actors);
        let mut hits: Vec<RelationHit> = Vec::new();
        for (i, token) in tokens.iter().enumerate() {
            let Token::Word(word) = token else { continue };
            let Some(candidates) = self.by_first_word.get(*word) else {
                continue;
            };
            // The longest trigger that matches here wins: "led by" over "led".
            let matched: Vec<(usize, usize, usize, usize)> = candidates
                .iter()
                .filter_map(|&(p, t)| {
                    let parts = &self.patterns[p].triggers[t].1;
                    let end = match_trigger(&tokens, i, parts)?;
                    Some((p, t, end, parts.iter().map(Vec::len).sum::<usize>()))
                })
                .collect();
            let longest = matched.iter().map(|m| m.3).max().unwrap_or(0);
            for &(p, t, end, _) in matched.iter().filter(|m| m.3 == longest) {
                let pattern = &self.patterns[p];
                let trigger = &pattern.triggers[t].0;
                let Some((source, target)) = pattern.slots(&tokens, actors, i, end) else {
                    continue;
                };
                let hit = RelationHit {
                    source,
                    target,
                    kind: pattern.kind,
                    directed: pattern.kind.is_directed()
                        && matches!(pattern.form, Form::ActorFirst | Form::ActorLast),
                    trigger: trigger.clone(),
                };
                if !hits
                    .iter()
                    .any(|h| h.source == hit.source && h.target == hit.target && h.kind == hit.kind)
                {
                    hits.push(hit);
                }
            }
        }
        hits
    }
}

fn convert(raw: RawPattern) -> Result<Pattern, String> {
    let kind: EdgeKind = raw
        .kind
        .parse()
        .map_err(|e: crate::graph::kind::UnknownEdgeKind| e.to_string())?;
    if kind == EdgeKind::CoMention {
        return Err(
            "co_mention is every pair's link already; a pattern gives a typed relation".into(),
        );
    }
    let form = match raw.form.as_deref() {
        None | Some("A T B") => Form::ActorFirst,
        Some("B T A") => Form::ActorLast,
        Some("T A and B") => Form::PairAfter,
        Some("A and B T") => Form::PairBefore,
        Some(other) => {
            return Err(format!(
                "unknown form '{other}' (expected \"A T B\", \"B T A\", \"T A and B\" or \"A and B T\")"
            ));
        }
    };
    let entity_type = |t: Option<String>| t.map(|t| t.parse::<EntityType>()).transpose();
    let mut triggers = Vec::new();
    for text in raw.triggers {
        let parts: Vec<Vec<String>> = text
            .split("...")
            .map(|part| {
                normalize(part)
                    .as_str()
                    .split_whitespace()
                    .map(String::from)
                    .collect::<Vec<_>>()
            })
            .collect();
        if parts.iter().any(Vec::is_empty) {
            return Err(format!("trigger '{text}' has an empty part"));
        }
        triggers.push((text, parts));
    }
    Ok(Pattern {
        kind,
        form,
        triggers,
        gap: raw.gap.unwrap_or(DEFAULT_GAP),
        a: entity_type(raw.a)?,
        b: entity_type(raw.b)?,
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Token<'a> {
    Word(&'a str),
    Actor(usize),
}

/// Normalized words of the sentence, with each actor's words collapsed into one token.
fn tokenize<'n>(normalized: &'n Normalized, actors: &[Actor]) -> Vec<Token<'n>> {
    let text = normalized.as_str();
    let mut origins = normalized.cursor();
    let mut tokens = Vec::new();
    let mut at = 1;
    // Actors come in text order: the one a word may fall in only moves forward.
    let mut next_actor = 0;
    for word in text[1..].split(' ').filter(|w| !w.is_empty()) {
        let origin = origins.origin(at);
        at += word.len() + 1;
        while next_actor < actors.len() && actors[next_actor].end <= origin {
            next_actor += 1;
        }
        let inside = actors
            .get(next_actor)
            .is_some_and(|a| a.start <= origin && origin < a.end);
        match inside.then_some(next_actor) {
            Some(actor) => {
                if tokens.last() != Some(&Token::Actor(actor)) {
                    tokens.push(Token::Actor(actor));
                }
            }
            None => tokens.push(Token::Word(word)),
        }
    }
    tokens
}

/// Matches trigger parts from token `i`; returns one past the last trigger token.
fn match_trigger(tokens: &[Token], i: usize, parts: &[Vec<String>]) -> Option<usize> {
    let mut at = i;
    for (n, part) in parts.iter().enumerate() {
        let limit = if n == 0 {
            at
        } else {
            (at + INNER_GAP).min(tokens.len())
        };
        at = (at..=limit).find(|&s| words_at(tokens, s, part))? + part.len();
    }
    Some(at)
}

fn words_at(tokens: &[Token], at: usize, words: &[String]) -> bool {
    words
        .iter()
        .enumerate()
        .all(|(k, w)| matches!(tokens.get(at + k), Some(Token::Word(t)) if *t == w))
}

impl Pattern {
    /// The (source, target) actors around a trigger at `[start, end)`.
    fn slots(
        &self,
        tokens: &[Token],
        actors: &[Actor],
        start: usize,
        end: usize,
    ) -> Option<(usize, usize)> {
        let fits = |actor: usize, want: Option<EntityType>| {
            let a = &actors[actor];
            a.mention != MentionKind::Demonym && want.is_none_or(|t| t == a.kind)
        };
        let (a, b) = (|x| fits(x, self.a), |x| fits(x, self.b));
        let pair = match self.form {
            Form::ActorFirst => (
                before(tokens, start, self.gap, &a)?,
                after(tokens, actors, end, self.gap, &b)?,
            ),
            Form::ActorLast => {
                let b_actor = before(tokens, start, self.gap, &b)?;
                (after(tokens, actors, end, self.gap, &a)?, b_actor)
            }
            Form::PairAfter => {
                let first = after(tokens, actors, end, self.gap, &a)?;
                let and = position_of(tokens, first, |t| t == Token::Word("and"))?;
                (first, after(tokens, actors, and + 1, self.gap, &b)?)
            }
            Form::PairBefore => {
                let second = before(tokens, start, self.gap, &b)?;
                let at = tokens.iter().position(|&t| t == Token::Actor(second))?;
                let and = (at > 0 && tokens[at - 1] == Token::Word("and")).then(|| at - 1)?;
                (before(tokens, and, 0, &a)?, second)
            }
        };
        (pair.0 != pair.1).then_some(pair)
    }
}

/// The nearest fitting actor that ends before token `at`, at most `gap` tokens away.
fn before(tokens: &[Token], at: usize, gap: usize, fits: &dyn Fn(usize) -> bool) -> Option<usize> {
    (at.saturating_sub(gap + 1)..at)
        .rev()
        .find_map(|i| match tokens[i] {
            Token::Actor(x) if fits(x) => Some(x),
            _ => None,
        })
}

/// The nearest fitting actor from token `at`, at most `gap` tokens away; a group
/// or place followed within three words by a person is that person's title.
fn after(
    tokens: &[Token],
    actors: &[Actor],
    at: usize,
    gap: usize,
    fits: &dyn Fn(usize) -> bool,
) -> Option<usize> {
    let end = (at + gap + 1).min(tokens.len());
    let (i, x) = (at..end).find_map(|i| match tokens[i] {
        Token::Actor(x) if fits(x) => Some((i, x)),
        _ => None,
    })?;
    if actors[x].kind == EntityType::Person {
        return Some(x);
    }
    let titled = tokens[i + 1..tokens.len().min(i + 5)]
        .iter()
        .find_map(|t| match *t {
            Token::Actor(p) if actors[p].kind == EntityType::Person && fits(p) => Some(p),
            _ => None,
        });
    Some(titled.unwrap_or(x))
}

/// Index of the first token after the actor `after_actor` that satisfies `want`, within 1 token.
fn position_of(
    tokens: &[Token],
    after_actor: usize,
    want: impl Fn(Token) -> bool,
) -> Option<usize> {
    let at = tokens
        .iter()
        .position(|&t| t == Token::Actor(after_actor))?;
    (at + 1..tokens.len().min(at + 2)).find(|&i| want(tokens[i]))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Actors are written in brackets with a type letter: "[P:Rashid] met [P:Araji]".
    fn find(text: &str) -> Vec<String> {
        let mut sentence = String::new();
        let mut actors = Vec::new();
        let mut rest = text;
        while let Some(open) = rest.find('[') {
            sentence.push_str(&rest[..open]);
            let close = rest[open..].find(']').unwrap() + open;
            let (kind, name) = rest[open + 1..close].split_once(':').unwrap();
            let (kind, mention) = match kind {
                "P" => (EntityType::Person, MentionKind::Name),
                "G" => (EntityType::Group, MentionKind::Name),
                "L" => (EntityType::Place, MentionKind::Name),
                _ => (EntityType::Place, MentionKind::Demonym),
            };
            actors.push(Actor {
                start: sentence.len(),
                end: sentence.len() + name.len(),
                kind,
                mention,
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
                &["communicates al-Sudani -- Erdogan"],
            ),
            (
                "[D:Iraqi] Prime Minister [P:al-Sudani] on Saturday talked with [D:Syrian] President [P:Bashar al-Assad], whose forces",
                &["communicates al-Sudani -- Bashar al-Assad"],
            ),
            (
                "[P:Erdogan] discussed the renewed outbreak of conflict in [L:Syria] with [D:Russian] President [P:Putin] by phone",
                &["communicates Erdogan -- Putin"],
            ),
            (
                "during a phone call between [D:Iranian] Foreign Minister [P:Abbas Araghchi] and his [D:Russian] counterpart [P:Sergey Lavrov].",
                &["communicates Abbas Araghchi -- Sergey Lavrov"],
            ),
            (
                "[P:Araghchi] also discussed the developments in [L:Syria] with [L:Turkey]’s Foreign Minister [P:Hakan Fidan].",
                &["communicates Araghchi -- Hakan Fidan"],
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
                "villages around [L:Aleppo] in northern [L:Syria], Tuesday",
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
        for (text, want) in table {
            assert_eq!(find(text), *want, "in {text:?}");
        }
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
