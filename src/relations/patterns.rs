//! The patterns of `relations.toml`: which words signal which relation, in
//! which form, between which kinds of actor. The file documents its own
//! format; this reads it, with errors that name the file and line.

use serde::Deserialize;
use toml::Spanned;

use crate::error::{Error, Location, line_column};
use crate::gazetteer::{EntityType, MentionKind};
use crate::graph::kind::EdgeKind;
use crate::normalize::normalize;

use super::Actor;

/// Words an actor may stand from the trigger in the legacy forms, unless the
/// pattern says `gap`.
pub const DEFAULT_GAP: usize = 4;

/// Words a `...` in a trigger may stand for.
pub const INNER_GAP: usize = 12;

/// Where the actors stand around the trigger.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// A verb: its subject acts on its object ("Israel struck Iran"); in the
    /// passive the by-phrase acts on the subject ("Iran was struck by Israel").
    Verb,
    /// An event noun: "Israeli strikes on Iran", "Israel's strikes on Iran",
    /// "strikes on Iran by Israel", "Israel carried out strikes on Iran".
    Noun,
    /// A participle joined to its actor: "Iran-backed Hezbollah".
    Adjective,
    /// A title between a person and the actor it is a title of: "Iraqi Prime
    /// Minister Sudani", "Sudani, the prime minister of Iraq".
    Title,
    /// "A T B" (legacy): the nearest actors before and after.
    ActorFirst,
    /// "B T A" (legacy): "HTS leader Jolani" is Jolani leads HTS.
    ActorLast,
    /// "T A and B": "a phone call between A and B".
    PairAfter,
    /// "A and B T": "A and B spoke".
    PairBefore,
    /// "A B T": "the Iran-Iraq war" (both ways).
    Adjacent,
}

/// What kind of actor may fill a slot.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    Person,
    Group,
    /// Any place.
    Place,
    /// A country or region, or a demonym standing for one.
    State,
}

impl Slot {
    fn parse(s: &str) -> Result<Slot, String> {
        match s {
            "person" => Ok(Slot::Person),
            "group" => Ok(Slot::Group),
            "place" => Ok(Slot::Place),
            "state" => Ok(Slot::State),
            _ => Err(format!(
                "unknown actor kind '{s}' (expected person, group, place or state)"
            )),
        }
    }

    pub fn accepts(self, actor: &Actor) -> bool {
        match self {
            Slot::Person => actor.kind == EntityType::Person,
            Slot::Group => actor.kind == EntityType::Group,
            Slot::Place => actor.kind == EntityType::Place,
            Slot::State => {
                actor.kind == EntityType::Place
                    && (actor.state || actor.mention == MentionKind::Demonym)
            }
        }
    }
}

/// One trigger: as written, and its normalized words split at `...`.
#[derive(Debug, Clone)]
pub struct Trigger {
    pub text: String,
    pub parts: Vec<Vec<String>>,
}

impl Trigger {
    /// Its words, when it has no `...`.
    pub fn words(&self) -> &[String] {
        &self.parts[0]
    }

    /// The preposition it ends with ("met with", "arrived in"), if any.
    pub fn ends_with_preposition(&self) -> bool {
        let last = self.parts.last().and_then(|p| p.last());
        last.is_some_and(|w| super::lexicon::class(w) == super::lexicon::WordClass::Preposition)
    }
}

#[derive(Debug, Clone)]
pub struct Pattern {
    /// `id` from the file, or `file:line`.
    pub id: String,
    pub kind: EdgeKind,
    pub form: Form,
    pub triggers: Vec<Trigger>,
    pub gap: usize,
    /// Who may act; empty admits anyone but places that are no state.
    pub a: Vec<Slot>,
    /// Who may be acted on; empty admits anyone.
    pub b: Vec<Slot>,
    /// The subject is acted on and the object acts ("received support from").
    pub reverse: bool,
    /// The relation holds both ways ("war with": each attacks the other).
    pub both: bool,
}

impl Pattern {
    pub fn admits_a(&self, actor: &Actor) -> bool {
        if self.a.is_empty() {
            return actor.kind != EntityType::Place || Slot::State.accepts(actor);
        }
        self.a.iter().any(|s| s.accepts(actor))
    }

    pub fn admits_b(&self, actor: &Actor) -> bool {
        self.b.is_empty() || self.b.iter().any(|s| s.accepts(actor))
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    pattern: Vec<Spanned<RawPattern>>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Kinds {
    One(String),
    Many(Vec<String>),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPattern {
    id: Option<String>,
    #[serde(rename = "type")]
    kind: String,
    triggers: Vec<String>,
    form: Option<String>,
    gap: Option<usize>,
    a: Option<Kinds>,
    b: Option<Kinds>,
    #[serde(default)]
    reverse: bool,
    #[serde(default)]
    both: bool,
}

/// Parses a relations file.
pub fn parse(file: &str, text: &str) -> crate::Result<Vec<Pattern>> {
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
    let mut out = Vec::new();
    for raw in parsed.pattern {
        let location = at(raw.span().start);
        let default_id = format!("{}:{}", file.trim_start_matches("builtin:"), location.line);
        let pattern =
            convert(raw.into_inner(), default_id).map_err(|m| Error::parse(location, m))?;
        out.push(pattern);
    }
    Ok(out)
}

fn convert(raw: RawPattern, default_id: String) -> Result<Pattern, String> {
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
        Some("verb") => Form::Verb,
        Some("noun") => Form::Noun,
        Some("adjective") => Form::Adjective,
        Some("title") => Form::Title,
        None | Some("A T B") => Form::ActorFirst,
        Some("B T A") => Form::ActorLast,
        Some("T A and B") => Form::PairAfter,
        Some("A and B T") => Form::PairBefore,
        Some("A B T") => Form::Adjacent,
        Some(other) => {
            return Err(format!(
                "unknown form '{other}' (expected verb, noun, adjective, title, \"A T B\", \"B T A\", \"T A and B\", \"A and B T\" or \"A B T\")"
            ));
        }
    };
    let slots = |k: Option<Kinds>| -> Result<Vec<Slot>, String> {
        match k {
            None => Ok(Vec::new()),
            Some(Kinds::One(s)) => Ok(vec![Slot::parse(&s)?]),
            Some(Kinds::Many(v)) => v.iter().map(|s| Slot::parse(s)).collect(),
        }
    };
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
        triggers.push(Trigger { text, parts });
    }
    Ok(Pattern {
        id: raw.id.unwrap_or(default_id),
        kind,
        form,
        triggers,
        gap: raw.gap.unwrap_or(DEFAULT_GAP),
        a: slots(raw.a)?,
        b: slots(raw.b)?,
        reverse: raw.reverse,
        both: raw.both,
    })
}
