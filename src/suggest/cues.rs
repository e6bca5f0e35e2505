//! The words around a name that tell what it names: "province", "district",
//! "camp" for places; "brigade", "council", "ministry" for groups; a title
//! ("minister", "commander", "sheikh") before a person. Also the words that
//! look like names but never are: months, days, sentence openers, titles on
//! their own, generic acronyms, and the markers of bylines and photo credits.
//! Every word is normalized (lower case, no accents).

use crate::gazetteer::EntityType;

/// Words that make a place of the name they end or follow ("Sinjar
/// District", "the al-Hol camp", "the village of Tal Tamr").
const PLACE_WORDS: &[&str] = &[
    "airport",
    "area",
    "base",
    "camp",
    "canal",
    "cave",
    "city",
    "crossing",
    "dam",
    "district",
    "governorate",
    "island",
    "mountain",
    "mountains",
    "neighborhood",
    "neighbourhood",
    "palace",
    "peninsula",
    "plain",
    "port",
    "prison",
    "province",
    "quarter",
    "region",
    "river",
    "subdistrict",
    "town",
    "valley",
    "village",
];

/// Words that make a group of the name they end or begin ("Badr
/// Organization", "Ministry of Oil", "the Shammar tribe").
const GROUP_WORDS: &[&str] = &[
    "administration",
    "agency",
    "alliance",
    "army",
    "assembly",
    "association",
    "authority",
    "banco",
    "bancorp",
    "bank",
    "banque",
    "battalion",
    "battalions",
    "bloc",
    "board",
    "brigade",
    "brigades",
    "bureau",
    "cabinet",
    "chamber",
    "club",
    "coalition",
    "command",
    "commission",
    "committee",
    "company",
    "congress",
    "corp",
    "corporation",
    "corps",
    "council",
    "court",
    "current",
    "department",
    "directorate",
    "division",
    "exchange",
    "faction",
    "federation",
    "force",
    "forces",
    "foundation",
    "front",
    "fund",
    "gathering",
    "group",
    "guard",
    "guards",
    "inc",
    "institute",
    "institution",
    "league",
    "ltd",
    "militia",
    "ministry",
    "movement",
    "network",
    "newspaper",
    "office",
    "organisation",
    "organization",
    "parliament",
    "party",
    "plc",
    "regiment",
    "service",
    "services",
    "society",
    "tribe",
    "tribunal",
    "union",
    "unit",
    "units",
    "university",
    "workers",
];

/// Titles and roles that come before a person's name ("Prime Minister
/// Mohammed Shia al-Sudani", "commander Abu Fadak", "MP Mustafa Sanad").
/// Alone they name nobody.
const TITLES: &[&str] = &[
    "adviser",
    "advisor",
    "ambassador",
    "analyst",
    "archbishop",
    "ayatollah",
    "brig",
    "brigadier",
    "candidate",
    "captain",
    "chairman",
    "chairwoman",
    "chancellor",
    "chief",
    "cleric",
    "col",
    "colonel",
    "commander",
    "dr",
    "economist",
    "emir",
    "envoy",
    "executive",
    "gen",
    "general",
    "governor",
    "imam",
    "judge",
    "king",
    "lawmaker",
    "leader",
    "lieutenant",
    "lt",
    "maj",
    "manager",
    "mayor",
    "minister",
    "mp",
    "mr",
    "mrs",
    "ms",
    "mullah",
    "officer",
    "patriarch",
    "premier",
    "president",
    "prime",
    "prince",
    "princess",
    "professor",
    "queen",
    "rep",
    "representative",
    "sayyed",
    "sayyid",
    "secretary",
    "sen",
    "senator",
    "sgt",
    "shaikh",
    "sheikh",
    "speaker",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "sultan",
    "vice",
];

/// What ministries and offices are in charge of ("Minister of Water
/// Resources X", "Foreign Affairs Minister X"), beyond the common words.
const PORTFOLIO_WORDS: &[&str] = &[
    "administrative",
    "affairs",
    "agriculture",
    "commerce",
    "communications",
    "culture",
    "defence",
    "defense",
    "development",
    "displaced",
    "displacement",
    "economy",
    "education",
    "electricity",
    "energy",
    "environment",
    "finance",
    "foreign",
    "health",
    "higher",
    "housing",
    "industry",
    "information",
    "interior",
    "justice",
    "labor",
    "labour",
    "migration",
    "municipalities",
    "natural",
    "oil",
    "planning",
    "public",
    "reconstruction",
    "religious",
    "resources",
    "security",
    "sports",
    "strategic",
    "tourism",
    "trade",
    "transport",
    "transportation",
    "works",
    "youth",
];

/// Lower-case words that join the words of a name: Arabic, Kurdish and
/// Turkish particles.
const NAME_JOINERS: &[&str] = &["abu", "al", "bin", "bint", "el", "ibn"];

/// Lower-case words that join the words of the name of a body ("Securities
/// and Exchange Commission", "Ministry of Oil", "Commission on Good
/// Government").
const BODY_JOINERS: &[&str] = &["and", "for", "of", "on"];

/// Months and days: capitalized, never names of actors.
const CALENDAR: &[&str] = &[
    "apr",
    "april",
    "aug",
    "august",
    "dec",
    "december",
    "feb",
    "february",
    "fri",
    "friday",
    "jan",
    "january",
    "jul",
    "july",
    "jun",
    "june",
    "mar",
    "march",
    "may",
    "mon",
    "monday",
    "nov",
    "november",
    "oct",
    "october",
    "sat",
    "saturday",
    "sep",
    "sept",
    "september",
    "sun",
    "sunday",
    "thu",
    "thursday",
    "tue",
    "tuesday",
    "wed",
    "wednesday",
];

/// Words a sentence opens with that are not names, beyond the common words.
const OPENERS: &[&str] = &[
    "according",
    "additionally",
    "although",
    "among",
    "another",
    "asked",
    "because",
    "besides",
    "despite",
    "during",
    "earlier",
    "following",
    "furthermore",
    "however",
    "including",
    "instead",
    "last",
    "later",
    "meanwhile",
    "moreover",
    "nevertheless",
    "overall",
    "separately",
    "since",
    "such",
    "thus",
    "unlike",
    "whether",
    "yesterday",
];

/// Articles, pronouns, prepositions and conjunctions: capitalized only
/// where they open a sentence.
const FUNCTION_WORDS: &[&str] = &[
    "a", "an", "and", "as", "at", "but", "by", "for", "from", "he", "her", "his", "if", "in", "it",
    "its", "of", "on", "or", "our", "she", "so", "that", "the", "their", "these", "they", "this",
    "those", "to", "we", "when", "while", "with",
];

/// Acronyms of things, not actors.
const GENERIC_ACRONYMS: &[&str] = &[
    "ad", "am", "bc", "bpd", "ceo", "cfo", "coo", "cts", "dlrs", "dna", "eps", "est", "eta", "faq",
    "gdp", "gmt", "gnp", "hq", "id", "ied", "ieds", "it", "kg", "km", "mln", "mp", "mph", "ngo",
    "ngos", "ok", "pc", "pcs", "pct", "pdf", "pm", "pr", "qtr", "rpg", "shr", "tv", "uav", "uavs",
    "usd", "utc", "vip", "vs",
];

/// Words that end the names of things, not actors: programs, laws, rates,
/// currencies, diseases ("Export Enhancement Program", "London Interbank
/// Offered Rate", "N.Z. Dlrs"), and the newswire's abbreviations of them
/// ("Qtly div", "Shr").
const THING_WORDS: &[&str] = &[
    "accord",
    "act",
    "agreement",
    "average",
    "avg",
    "bill",
    "bills",
    "bonds",
    "certificates",
    "chapter",
    "conference",
    "contract",
    "contracts",
    "crisis",
    "cts",
    "day",
    "deficit",
    "dinars",
    "disease",
    "div",
    "dlr",
    "dlrs",
    "doctrine",
    "dollars",
    "ecu",
    "ecus",
    "election",
    "elections",
    "forum",
    "francs",
    "futures",
    "index",
    "initiative",
    "lira",
    "lire",
    "marks",
    "mths",
    "notes",
    "oper",
    "pesos",
    "plan",
    "policy",
    "pounds",
    "price",
    "prices",
    "program",
    "programme",
    "project",
    "qtly",
    "rate",
    "rates",
    "reform",
    "report",
    "resolution",
    "revs",
    "riyals",
    "round",
    "rupees",
    "shr",
    "stg",
    "summit",
    "survey",
    "syndrome",
    "tax",
    "treaty",
    "virus",
    "war",
];

/// Lower-case phrases that mark a byline or a photo credit: the names on
/// such a line are the press's, not the story's.
const CREDIT_MARKERS: &[&str] = &[
    "additional reporting",
    "compiled by",
    "copyright",
    "editing by",
    "getty images",
    "image:",
    "original source:",
    "photo by",
    "photo:",
    "photograph:",
    "photographs:",
    "picture:",
    "reporting by",
    "source:",
    "writing by",
];

fn has(list: &[&str], word: &str) -> bool {
    list.binary_search(&word).is_ok()
}

/// A place cue word ("district").
pub fn is_place_word(word: &str) -> bool {
    has(PLACE_WORDS, word)
}

/// A group cue word ("brigade").
pub fn is_group_word(word: &str) -> bool {
    has(GROUP_WORDS, word) || crate::gazetteer::is_company_designator(word)
}

/// A title or role ("minister").
pub fn is_title(word: &str) -> bool {
    has(TITLES, word)
}

/// A word that ends the name of a thing ("program", "rate", "dlrs").
pub fn is_thing_word(word: &str) -> bool {
    has(THING_WORDS, word)
}

/// A word of a portfolio ("affairs", "water", "resources"): what a
/// minister is in charge of.
pub fn is_portfolio_word(word: &str) -> bool {
    has(PORTFOLIO_WORDS, word) || crate::gazetteer::is_common_word(word)
}

/// A particle inside a person's name ("al", "bin").
pub fn is_name_joiner(word: &str) -> bool {
    has(NAME_JOINERS, word)
}

/// "and", "for", "of": inside the name of a body only.
pub fn is_body_joiner(word: &str) -> bool {
    has(BODY_JOINERS, word)
}

/// A month or a day.
pub fn is_calendar(word: &str) -> bool {
    has(CALENDAR, word)
}

/// A word that opens sentences without being a name.
pub fn is_opener(word: &str) -> bool {
    has(OPENERS, word) || crate::gazetteer::is_common_word(word)
}

/// An article, pronoun, preposition or conjunction ("an", "in", "but").
pub fn is_function_word(word: &str) -> bool {
    has(FUNCTION_WORDS, word)
}

/// An acronym of a thing ("GDP", "CEO").
pub fn is_generic_acronym(word: &str) -> bool {
    has(GENERIC_ACRONYMS, word) || crate::gazetteer::is_company_designator(word)
}

/// True when a line, lower-cased, is a byline or a photo credit.
pub fn is_credit_line(lower: &str) -> bool {
    CREDIT_MARKERS.iter().any(|m| lower.contains(m))
}

/// The type a word of a name says, if any: place, group, or (a title) person.
pub fn type_of_word(word: &str) -> Option<EntityType> {
    if is_place_word(word) {
        Some(EntityType::Place)
    } else if is_group_word(word) {
        Some(EntityType::Group)
    } else if is_title(word) {
        Some(EntityType::Person)
    } else {
        None
    }
}

/// How sure a cue is: a word that is part of the name or right beside it
/// counts more than a preposition before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Strength {
    /// "in X", a given name the gazetteer knows.
    Weak = 1,
    /// "X District", "commander X", "the X tribe".
    Strong = 3,
}

/// Votes for the type of a name, added up over its occurrences.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TypeVotes {
    /// Person, group, place.
    votes: [u32; 3],
    /// Whether each type has had a strong cue.
    strong: [bool; 3],
}

impl TypeVotes {
    /// One more vote.
    pub fn add(&mut self, kind: EntityType, strength: Strength) {
        self.votes[index(kind)] += strength as u32;
        self.strong[index(kind)] |= strength == Strength::Strong;
    }

    /// Adds another tally.
    pub fn merge(&mut self, other: &TypeVotes) {
        for (a, b) in self.votes.iter_mut().zip(other.votes) {
            *a += b;
        }
        for (a, b) in self.strong.iter_mut().zip(other.strong) {
            *a |= b;
        }
    }

    /// The type with most votes, when a strong cue is among them and they
    /// are twice those of any other type; and the votes it has. Weak cues
    /// alone, however many, guess nothing.
    pub fn guess(&self) -> Option<(EntityType, u32)> {
        let kinds = [EntityType::Person, EntityType::Group, EntityType::Place];
        let mut ranked: Vec<(u32, EntityType)> = kinds
            .into_iter()
            .map(|k| (self.votes[index(k)], k))
            .collect();
        ranked.sort_by_key(|r| std::cmp::Reverse(r.0));
        let (best, kind) = ranked[0];
        (self.strong[index(kind)] && best >= 2 * ranked[1].0).then_some((kind, best))
    }
}

fn index(kind: EntityType) -> usize {
    match kind {
        EntityType::Person => 0,
        EntityType::Group => 1,
        EntityType::Place => 2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_sorted_lower_case_and_normalized() {
        for list in [
            PLACE_WORDS,
            GROUP_WORDS,
            PORTFOLIO_WORDS,
            TITLES,
            NAME_JOINERS,
            BODY_JOINERS,
            CALENDAR,
            OPENERS,
            FUNCTION_WORDS,
            GENERIC_ACRONYMS,
            THING_WORDS,
        ] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
            for w in list {
                assert_eq!(crate::normalize::normalize(w).as_str(), format!(" {w} "));
            }
        }
    }

    #[test]
    fn words_say_types_and_votes_pick_the_leader() {
        assert_eq!(type_of_word("governorate"), Some(EntityType::Place));
        assert_eq!(type_of_word("brigades"), Some(EntityType::Group));
        assert_eq!(type_of_word("sheikh"), Some(EntityType::Person));
        assert_eq!(type_of_word("baghdad"), None);
        let mut v = TypeVotes::default();
        assert_eq!(v.guess(), None);
        v.add(EntityType::Place, Strength::Weak);
        v.add(EntityType::Group, Strength::Weak);
        assert_eq!(v.guess(), None, "a tie says nothing");
        v.add(EntityType::Group, Strength::Weak);
        v.add(EntityType::Group, Strength::Weak);
        assert_eq!(v.guess(), None, "weak cues alone say nothing");
        v.add(EntityType::Group, Strength::Strong);
        assert_eq!(v.guess(), Some((EntityType::Group, 6)));
        v.add(EntityType::Place, Strength::Strong);
        v.add(EntityType::Place, Strength::Weak);
        assert_eq!(v.guess(), None, "6 against 5 is no lead");
        assert!(is_credit_line("reporting by jane doe; editing by john roe"));
        assert!(!is_credit_line("he said the reporting was fair"));
    }
}
