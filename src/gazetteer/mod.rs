//! The gazetteer: the actors actorgraph knows, every name they go by, and the
//! facts the graph stage turns into edges. Loaded from curated TOML files and
//! bulk TSV lists (see `gazetteer/README.md` for the formats).
//!
//! ```
//! use actorgraph::gazetteer::Gazetteer;
//! let gazetteer = Gazetteer::from_toml_str("mine.toml", r#"
//!     [[entity]]
//!     id = "iraq"
//!     name = "Iraq"
//!     type = "place"
//!     demonyms = ["Iraqi"]
//! "#).unwrap();
//! let iraq = gazetteer.entity_by_id("iraq").unwrap();
//! assert_eq!(gazetteer.entity(iraq).name, "Iraq");
//! assert_eq!(gazetteer.lookup("IRAQ")[0].entity, iraq);
//! ```

mod builder;
mod bulk;
mod cache;
mod context;
mod countries;
mod curated;
mod encode;
mod lint;
mod load;
mod names;
mod stale;
mod stored;
mod titles;
mod tsv;
mod variants;
mod words;

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

pub use builder::GazetteerBuilder;
pub use cache::{CACHE_DIR_ENV, Cache, CacheUse};
pub use context::{Context, Holding, OfficeId, Term, distance};
pub use countries::Countries;
pub use curated::slug;
pub use load::Source;
pub use stale::{StaleFact, StaleReport};
pub use titles::{TITLES_FILE, TitleWord, TitleWords};
pub use variants::{skeleton, variants};
pub use words::{is_common_word, is_company_designator, is_demonym_word, is_generic_word};

use crate::date::Date;
use crate::error::Location;
use crate::graph::kind::EdgeKind;
use crate::matcher::Matcher;
use crate::normalize::normalize;

/// Index of an entity in its gazetteer.
pub type EntityIndex = u32;

/// What kind of actor an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityType {
    /// A person.
    Person,
    /// An organization, armed group, party, state body or news outlet.
    Group,
    /// A country, region, city, border crossing.
    Place,
}

impl EntityType {
    /// `person`, `group` or `place`.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Person => "person",
            EntityType::Group => "group",
            EntityType::Place => "place",
        }
    }
}

impl fmt::Display for EntityType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for EntityType {
    type Err = String;

    fn from_str(s: &str) -> Result<EntityType, String> {
        match s {
            "person" => Ok(EntityType::Person),
            "group" => Ok(EntityType::Group),
            "place" => Ok(EntityType::Place),
            _ => Err(format!(
                "unknown entity type '{s}' (expected person, group or place)"
            )),
        }
    }
}

/// How a name mentions its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MentionKind {
    /// A name or alias.
    Name,
    /// An all-capitals acronym (HTS, PMF), matched only in capitals.
    Acronym,
    /// A demonym of a place (Iraqi, Syrian), a weaker mention.
    Demonym,
    /// A title that names the holder of an office on the document's date
    /// ("the Iraqi prime minister", "Iran's top diplomat").
    Title,
    /// A group named through the person who leads it ("Assad's regime",
    /// "Assad loyalists"): the span is the word after the person's name.
    Reference,
}

impl MentionKind {
    /// `name`, `acronym`, `demonym`, `title` or `reference`.
    pub fn as_str(self) -> &'static str {
        match self {
            MentionKind::Name => "name",
            MentionKind::Acronym => "acronym",
            MentionKind::Demonym => "demonym",
            MentionKind::Title => "title",
            MentionKind::Reference => "reference",
        }
    }
}

/// What kind of place a place entity is; it tells "Idlib province" (the
/// governorate) from "the city of Idlib".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PlaceLevel {
    /// A sovereign state.
    Country,
    /// An autonomous or geographic region (Kurdistan Region, the Syrian coast).
    Region,
    /// A first-level division: governorate, province, muhafazah, il.
    Governorate,
    /// A second-level division: district, qada, mintaqa, ilçe.
    District,
    /// A third-level division: subdistrict, nahiya.
    Subdistrict,
    /// A city.
    City,
    /// A town.
    Town,
    /// A village.
    Village,
    /// A quarter of a city.
    Neighbourhood,
    /// A camp for refugees, the displaced or detainees.
    Camp,
    /// A border crossing.
    Crossing,
    /// A base, airport, dam, prison or other facility.
    Site,
    /// A sea, gulf, lake or river.
    Water,
    /// A named area that is no division: a desert, a plain, a mountain range.
    Area,
}

impl PlaceLevel {
    /// Every level, in the order above.
    pub const ALL: [PlaceLevel; 14] = [
        PlaceLevel::Country,
        PlaceLevel::Region,
        PlaceLevel::Governorate,
        PlaceLevel::District,
        PlaceLevel::Subdistrict,
        PlaceLevel::City,
        PlaceLevel::Town,
        PlaceLevel::Village,
        PlaceLevel::Neighbourhood,
        PlaceLevel::Camp,
        PlaceLevel::Crossing,
        PlaceLevel::Site,
        PlaceLevel::Water,
        PlaceLevel::Area,
    ];

    /// The name the gazetteer files use.
    pub fn as_str(self) -> &'static str {
        match self {
            PlaceLevel::Country => "country",
            PlaceLevel::Region => "region",
            PlaceLevel::Governorate => "governorate",
            PlaceLevel::District => "district",
            PlaceLevel::Subdistrict => "subdistrict",
            PlaceLevel::City => "city",
            PlaceLevel::Town => "town",
            PlaceLevel::Village => "village",
            PlaceLevel::Neighbourhood => "neighbourhood",
            PlaceLevel::Camp => "camp",
            PlaceLevel::Crossing => "crossing",
            PlaceLevel::Site => "site",
            PlaceLevel::Water => "water",
            PlaceLevel::Area => "area",
        }
    }
}

impl FromStr for PlaceLevel {
    type Err = String;

    fn from_str(s: &str) -> Result<PlaceLevel, String> {
        PlaceLevel::ALL
            .into_iter()
            .find(|l| l.as_str() == s)
            .ok_or_else(|| {
                let known: Vec<&str> = PlaceLevel::ALL.iter().map(|l| l.as_str()).collect();
                format!("unknown place level '{s}' (known: {})", known.join(", "))
            })
    }
}

/// One actor.
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    /// Stable slug (`ahmed-al-sharaa`) or bulk-list id (`gn:170063`).
    pub id: String,
    /// Canonical name.
    pub name: String,
    /// Person, group or place.
    pub kind: EntityType,
    /// Every name the entity is written as, the canonical name first.
    pub names: Vec<Name>,
    /// One-line description.
    pub description: Option<String>,
    /// Id of the entity's country.
    pub country: Option<String>,
    /// Wikidata Q-id.
    pub wikidata: Option<String>,
    /// Facts that become edges: roles, affiliations, where a place lies.
    pub facts: Vec<Fact>,
    /// For places: what kind of place.
    pub level: Option<PlaceLevel>,
    /// When the entity began to exist (a government formed, a group founded).
    pub from: Option<Date>,
    /// When it ended (dissolved, replaced); `None` while it exists.
    pub to: Option<Date>,
    /// Id of the entity that took its place when it ended (the army that
    /// replaced a dissolved one).
    pub successor: Option<String>,
    /// For a capital: it stands for the government of its `country` when it
    /// acts ("Damascus said", "Tehran's forces"), as the country does.
    pub seat: bool,
    /// When a curator last checked the entity's facts against the news (its
    /// own `checked`, else its file's).
    pub checked: Option<Date>,
    /// Where the entity is defined.
    pub location: Location,
    /// True when it comes from a curated file (variants are generated for it).
    pub curated: bool,
}

/// A name of an entity as the gazetteer writes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Name {
    /// The name as written.
    pub text: String,
    /// Name, acronym or demonym.
    pub kind: MentionKind,
    /// Shared with another entity on purpose.
    pub ambiguous: bool,
    /// Line where it is written.
    pub line: u32,
    /// Since when the press uses the name for this entity (a new title, a
    /// renamed body); `None` when always.
    pub from: Option<Date>,
    /// Until when; `None` while it is in use.
    pub to: Option<Date>,
    /// Matched only where the text capitalizes its words too (`case =
    /// "title"`): "Lebanese Forces" the party, not "Lebanese forces" the army.
    pub title_case: bool,
    /// A name of the entity only in a document about its country
    /// (`local_aliases`: "the Interior Ministry" in a story about Syria);
    /// several entities may bear it.
    pub local: bool,
}

/// A fact about an entity that the graph stage turns into an edge from the
/// entity to `target`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fact {
    /// The edge type.
    pub kind: EdgeKind,
    /// Id of the other entity.
    pub target: String,
    /// The title of a role ("Prime Minister").
    pub title: Option<String>,
    /// Since when.
    pub from: Option<Date>,
    /// Until when; `None` while it holds.
    pub to: Option<Date>,
    /// True for an office that several people hold at once (a deputy prime
    /// minister), so that `gazetteer check` does not report the overlap.
    pub shared: bool,
    /// Which field of the entity says it.
    pub origin: FactOrigin,
    /// Where it is written, for evidence (`gazetteer:people.toml:12`).
    pub location: Location,
}

/// Which field of an entity a fact comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FactOrigin {
    /// An entry of `roles`: an office or the leadership of a group.
    Role,
    /// An entry of `affiliations`.
    Affiliation,
    /// A place's `located_in`, or its `country` when it has no `located_in`.
    Containment,
}

/// A normalized name and the entity it may stand for; one name can have several
/// candidates (an acronym and an ordinary word, or an alias shared on purpose),
/// tried in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Candidate {
    /// The entity.
    pub entity: EntityIndex,
    /// How the name mentions it.
    pub kind: MentionKind,
    /// True for a generated spelling variant.
    pub generated: bool,
    /// True when the name is a common English word (case then matters in headlines).
    pub common_word: bool,
    /// True for a bulk-list name written with a capital: it matches only where
    /// the text capitalizes it too, so a list's "Company" or "Market" does not
    /// match the words "company" and "market".
    pub capitalized: bool,
    /// True for a bulk list's person name of one word, a surname ("Morgan"):
    /// right before another capitalized word it is a word of a longer name
    /// ("Morgan Stanley", "Ford Motor"), and is not matched there.
    pub bulk_surname: bool,
    /// The days the name stands for the entity: the name's own dates within
    /// the entity's lifetime (`None`: open on that side).
    pub from: Option<Date>,
    /// See `from`.
    pub to: Option<Date>,
    /// Matched only where the text capitalizes every word of four letters or
    /// more (see [`Name::title_case`]).
    pub title_case: bool,
    /// A person's surname alone ("al-Sharaa", "Assad"): not matched right
    /// after a capitalized given name that is none of the person's own
    /// ("Rifaat al-Assad" is somebody else).
    pub surname: bool,
    /// A name of the entity only in a document about its country (see
    /// [`Name::local`]): the matcher gives it to the candidate of the
    /// country the document is about, or to nobody.
    pub local: bool,
}

impl Candidate {
    /// True when the candidate may stand on `date` (half-open: a name that
    /// ends on a day is no longer used that day); an undated text accepts
    /// every candidate.
    pub fn valid_on(&self, date: Option<Date>) -> bool {
        let Some(date) = date else { return true };
        self.from.is_none_or(|f| f <= date) && self.to.is_none_or(|t| date < t)
    }
}

impl Entity {
    /// The days `name` stands for this entity: the name's dates within the
    /// entity's lifetime.
    pub fn name_period(&self, name: &Name) -> (Option<Date>, Option<Date>) {
        let later = |a: Option<Date>, b: Option<Date>| match (a, b) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (a, b) => a.or(b),
        };
        let earlier = |a: Option<Date>, b: Option<Date>| match (a, b) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        (later(self.from, name.from), earlier(self.to, name.to))
    }
}

/// How serious a problem found while loading a gazetteer is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Worth a look; the gazetteer still works as intended.
    Warning,
    /// The gazetteer does not say what its author meant.
    Error,
}

/// A problem found while loading a gazetteer, reported by `gazetteer check`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Problem {
    /// Where.
    pub location: Location,
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.severity {
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        write!(f, "{}: {level}: {}", self.location, self.message)
    }
}

/// A loaded gazetteer: entities, their names normalized for matching, and the
/// problems found on the way.
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    /// The entities and the index of their ids.
    entities: stored::Entities,
    names: names::Names,
    problems: Vec<Problem>,
    sources: Vec<String>,
    fingerprint: u64,
    context: std::sync::Arc<Context>,
    /// The name matcher, once built or loaded from the compiled cache.
    matcher: std::sync::OnceLock<std::sync::Arc<Matcher>>,
}

impl Gazetteer {
    /// The bundled, curated gazetteer.
    pub fn builtin() -> crate::Result<Gazetteer> {
        Gazetteer::load(&[Source::Builtin])
    }

    /// Loads and merges several sources in order.
    pub fn load(sources: &[Source]) -> crate::Result<Gazetteer> {
        let mut builder = GazetteerBuilder::new();
        for source in sources {
            load::add_source(&mut builder, source)?;
        }
        Ok(builder.finish())
    }

    /// A gazetteer from one curated TOML text (for tests and examples).
    pub fn from_toml_str(file: &str, text: &str) -> crate::Result<Gazetteer> {
        let mut builder = GazetteerBuilder::new();
        builder.add_toml(file, text)?;
        Ok(builder.finish())
    }

    /// All entities, in load order. A gazetteer from the compiled cache
    /// decodes them all the first time: [`Gazetteer::entity`] and
    /// [`Gazetteer::entity_count`] decode none but the one asked for.
    pub fn entities(&self) -> &[Entity] {
        self.entities.all()
    }

    /// Number of entities.
    pub fn entity_count(&self) -> usize {
        self.entities.len()
    }

    /// The entity at an index.
    pub fn entity(&self, index: EntityIndex) -> &Entity {
        self.entities.get(index)
    }

    /// The index of the entity with this id.
    pub fn entity_by_id(&self, id: &str) -> Option<EntityIndex> {
        self.entities.by_id(id)
    }

    /// The candidates for a name, after normalization ("turkiye" finds Türkiye).
    pub fn lookup(&self, name: &str) -> &[Candidate] {
        self.names
            .map()
            .get(normalize(name).as_str())
            .map_or(&[], Vec::as_slice)
    }

    /// Every normalized name with its candidates, in no particular order.
    pub fn names(&self) -> impl Iterator<Item = (&str, &[Candidate])> {
        self.names
            .map()
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_slice()))
    }

    /// Number of distinct normalized names.
    pub fn name_count(&self) -> usize {
        self.names.len()
    }

    /// What the words around names can tell: offices and their holders,
    /// leaders, governorates (see [`Context`]).
    pub fn context(&self) -> &Context {
        &self.context
    }

    /// The same, to share with a matcher.
    pub fn shared_context(&self) -> std::sync::Arc<Context> {
        std::sync::Arc::clone(&self.context)
    }

    /// Problems found while loading, sorted by file and line.
    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }

    /// The sources loaded, as named (`builtin:people.toml`, `my/list.tsv`).
    pub fn sources(&self) -> &[String] {
        &self.sources
    }

    /// The name matcher of these names: loaded with the gazetteer from its
    /// compiled cache, else built on first use and kept.
    pub fn matcher(&self) -> crate::Result<std::sync::Arc<Matcher>> {
        if let Some(matcher) = self.matcher.get() {
            return Ok(std::sync::Arc::clone(matcher));
        }
        let built = std::sync::Arc::new(Matcher::new(self)?);
        Ok(std::sync::Arc::clone(self.matcher.get_or_init(|| built)))
    }

    /// Keeps a matcher decoded from the compiled cache.
    fn set_matcher(&self, matcher: std::sync::Arc<Matcher>) {
        let _ = self.matcher.set(matcher);
    }

    /// A fingerprint of the loaded files' contents (FNV-1a, 64 bits), so a graph
    /// can say which gazetteer built it.
    pub fn fingerprint(&self) -> String {
        format!("{:016x}", self.fingerprint)
    }
}

/// FNV-1a, 64 bits: stable across Rust versions and platforms, unlike std's hasher.
pub(crate) fn fnv1a(mut hash: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x100_0000_01b3);
    }
    hash
}

/// The longest name, in bytes, a gazetteer may hold. The longest of the
/// bundled and benchmark gazetteers (1.1 million names) has 193 bytes; a
/// name of thousands of words is a mistake, and its spelling variants take
/// minutes to generate.
pub const MAX_NAME_BYTES: usize = 256;

/// The most words a name may have (words split at spaces and hyphens); the
/// longest real name in the gazetteers above has 26.
pub const MAX_NAME_WORDS: usize = 32;

/// Why a name cannot be matched, if it cannot: it has no letter or digit (a
/// name "..." would match punctuation in text), or it is longer than
/// [`MAX_NAME_BYTES`] or [`MAX_NAME_WORDS`].
pub fn name_fault(name: &str) -> Option<String> {
    if !name.chars().any(char::is_alphanumeric) {
        return Some(format!("name {name:?} has no letter or digit"));
    }
    if name.len() > MAX_NAME_BYTES {
        return Some(format!(
            "name {:?}... is {} bytes long; a name has at most {MAX_NAME_BYTES} bytes",
            first_chars(name, 40),
            name.len()
        ));
    }
    let words = name
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .count();
    (words > MAX_NAME_WORDS).then(|| {
        format!(
            "name {:?}... has {words} words; a name has at most {MAX_NAME_WORDS}",
            first_chars(name, 40)
        )
    })
}

fn first_chars(text: &str, n: usize) -> &str {
    text.char_indices().nth(n).map_or(text, |(i, _)| &text[..i])
}

/// True when the letters of a name are all capitals and there are at least two:
/// `HTS`, `U.S.`; such a name matches only in capitals.
pub fn is_acronym(name: &str) -> bool {
    let mut letters = 0;
    for c in name.chars() {
        if c.is_alphabetic() {
            if !c.is_uppercase() {
                return false;
            }
            letters += 1;
        }
    }
    letters >= 2
}
