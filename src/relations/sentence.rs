//! A sentence as relation matching reads it: normalized words with each
//! actor's words folded into one token, the noun phrase each actor heads,
//! its role (subject or object, or inside a prepositional phrase), the
//! clause it stands in, and the actors coordinated with it.

use super::Actor;
use super::lexicon::{self, WordClass};
use crate::gazetteer::{EntityType, MentionKind, PlaceLevel};
use crate::normalize::Normalized;

/// A word of the sentence, or one of its actors.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Token<'a> {
    /// A normalized word (punctuation marks are words of their own).
    Word(&'a str),
    /// An actor, by its index in the actors given.
    Actor(usize),
}

/// The tokens of one sentence and its actors.
pub struct Sentence<'a> {
    pub tokens: Vec<Token<'a>>,
    pub actors: &'a [Actor],
    /// For each token: the original text joins it to the token before with a
    /// hyphen ("Iran-backed", "anti-Baghdad").
    pub hyphenated: Vec<bool>,
    /// For each token: a word written with a capital in a sentence that is
    /// not a headline (most of whose words start with capitals).
    capitalized: Vec<bool>,
    /// For each token: a dash stands between it and the token before
    /// ("two naval targets -- Baghdad's usual term for tankers").
    dashed: Vec<bool>,
    /// For each token: an actor written with a bare possessive apostrophe
    /// ("Hamas' attack").
    apostrophe: Vec<bool>,
}

impl<'a> Sentence<'a> {
    /// Normalized words, with each actor's words collapsed into one token.
    pub fn new(original: &str, normalized: &'a Normalized, actors: &'a [Actor]) -> Sentence<'a> {
        let text = normalized.as_str();
        let mut hyphenated = Vec::new();
        let mut capitalized = Vec::new();
        let mut dashed = Vec::new();
        let mut apostrophe = Vec::new();
        let mut last_origin = 0;
        let mut dash = |origin: usize| {
            let between = original.get(last_origin..origin).unwrap_or("");
            last_origin = origin;
            between.contains("--") || between.contains('—') || between.contains(" - ")
        };
        let upper = |origin: usize| {
            original
                .get(origin..)
                .and_then(|rest| rest.chars().next())
                .is_some_and(char::is_uppercase)
        };
        // "Iran-Iraq", and "Iran- Iraq" where a line broke after the hyphen
        // (a dash has space on both sides: "Iran - Iraq").
        let joined = |origin: usize| {
            let before = &original[..origin.min(original.len())];
            before
                .trim_end_matches([' ', '\t', '\r', '\n'])
                .strip_suffix('-')
                .is_some_and(|rest| rest.ends_with(|c: char| !c.is_whitespace()))
        };
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
            if inside {
                if tokens.last() != Some(&Token::Actor(next_actor)) {
                    tokens.push(Token::Actor(next_actor));
                    hyphenated.push(joined(actors[next_actor].start));
                    capitalized.push(false);
                    dashed.push(dash(actors[next_actor].start));
                    apostrophe.push(
                        original
                            .get(actors[next_actor].end..)
                            .is_some_and(|rest| rest.starts_with(['\'', '’'])),
                    );
                }
            } else {
                tokens.push(Token::Word(word));
                hyphenated.push(original.is_char_boundary(origin) && joined(origin));
                capitalized.push(original.is_char_boundary(origin) && upper(origin));
                dashed.push(dash(origin));
                apostrophe.push(false);
            }
        }
        // A headline capitalizes its words: none of them tells a name.
        let words = tokens
            .iter()
            .filter(|t| matches!(t, Token::Word(w) if w.bytes().all(|b| b.is_ascii_lowercase())))
            .count();
        let capitals = capitalized.iter().filter(|&&c| c).count();
        if capitals * 2 > words {
            capitalized.iter_mut().for_each(|c| *c = false);
        }
        Sentence {
            tokens,
            actors,
            hyphenated,
            capitalized,
            dashed,
            apostrophe,
        }
    }

    /// True when the actor at token `i` is written with a bare possessive
    /// apostrophe: "Hamas' attack".
    pub fn apostrophe(&self, i: usize) -> bool {
        self.apostrophe.get(i).copied().unwrap_or(false)
    }

    /// True when the word at `i` looks like a name the gazetteer does not
    /// know: written with a capital, not first in its sentence, and no
    /// title, form of address or word of the lexicon ("Shiratori told
    /// Reuters").
    pub fn unknown_name(&self, i: usize) -> bool {
        i > 0 && (self.name_like(i) || self.surname(i))
    }

    /// True when the word at token `i` starts with a capital letter.
    pub fn capital(&self, i: usize) -> bool {
        self.capitalized.get(i).copied().unwrap_or(false)
    }

    /// True when token `i` ends a name of two capitalized words whose last
    /// looks like an adjective of a people: "Rami Hamdan", "Ali Sultan".
    fn surname(&self, i: usize) -> bool {
        i > 0
            && self.name_like(i - 1)
            && self.capital(i)
            && self.word(i).is_some_and(|w| {
                adjective_of_people(w)
                    && lexicon::class(w) == WordClass::Other
                    && !lexicon::is_title_word(w)
                    && !lexicon::is_state_noun(w)
                    && !lexicon::is_modifier(w)
            })
    }

    /// The same, first in its sentence too, where every word has a capital.
    pub fn name_like(&self, i: usize) -> bool {
        self.capital(i)
            && self.word(i).is_some_and(|w| {
                lexicon::class(w) == WordClass::Other
                    && !lexicon::is_title_word(w)
                    && !lexicon::is_honorific(w)
                    && !lexicon::is_filler(w)
                    && !lexicon::is_state_noun(w)
                    && !lexicon::is_modifier(w)
                    && !adjective_of_people(w)
            })
    }

    /// True when a dash stands between token `i` and the token before it.
    pub fn dash_before(&self, i: usize) -> bool {
        self.dashed.get(i).copied().unwrap_or(false)
    }

    /// True when token `i` is joined by a hyphen to the token before it.
    pub fn joined(&self, i: usize) -> bool {
        self.hyphenated.get(i).copied().unwrap_or(false)
    }

    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    /// The word at `i`, if it is a word.
    pub fn word(&self, i: usize) -> Option<&'a str> {
        match self.tokens.get(i) {
            Some(Token::Word(w)) => Some(w),
            _ => None,
        }
    }

    /// The actor at `i`, if it is an actor.
    pub fn actor_at(&self, i: usize) -> Option<usize> {
        match self.tokens.get(i) {
            Some(Token::Actor(a)) => Some(*a),
            _ => None,
        }
    }

    pub fn actor(&self, index: usize) -> &Actor {
        &self.actors[index]
    }

    /// True when the word at `i` is one of `words`.
    pub fn is(&self, i: usize, words: &[&str]) -> bool {
        self.word(i).is_some_and(|w| words.contains(&w))
    }

    /// True when token `i` may stand inside a noun phrase before its head:
    /// a determiner, a title or modifier word, another actor, a possessive.
    fn in_phrase(&self, i: usize) -> bool {
        match self.tokens[i] {
            Token::Actor(_) => true,
            Token::Word(w) => lexicon::is_modifier(w) || w == "s",
        }
    }

    /// The first token of the noun phrase the actor at token `i` stands in.
    pub fn phrase_start(&self, i: usize) -> usize {
        let mut k = i;
        while k > 0 && self.in_phrase(k - 1) {
            // A possessive's actor belongs to the phrase; a bare earlier
            // actor does too ("Iraqi Prime Minister Sudani").
            k -= 1;
        }
        k
    }

    /// The preposition that governs the phrase of the actor at token `i`, if
    /// any: "in" for "in northern Syria".
    pub fn governing_preposition(&self, i: usize) -> Option<&'a str> {
        let start = self.phrase_start(i);
        let mut k = start;
        // "in northern Syria", "east of the town of X": directions and place
        // words between the preposition and the phrase.
        while k > 0 {
            let w = self.word(k - 1)?;
            if lexicon::class(w) == WordClass::Preposition {
                return Some(w);
            }
            if lexicon::is_direction(w) {
                k -= 1;
                continue;
            }
            return None;
        }
        None
    }

    /// True when the actor at token `i` is the object of a prefix: "non-NATO
    /// ally", "anti-Baghdad rebels", "pro-Iran militias". The phrase's head
    /// is someone else.
    pub fn negated(&self, i: usize) -> bool {
        i > 0 && self.joined(i) && self.is(i - 1, &["non", "anti", "pro"])
    }

    /// True when the actor at token `i` is joined by a hyphen to a word that
    /// makes it no participant of the clause: "non-NATO ally" (the actor is
    /// negated), "Iran-backed militias", "US-led coalition" (the actor is the
    /// agent of a participle that qualifies the phrase's real head, which
    /// the gazetteer may not know).
    pub fn negated_or_qualifying(&self, i: usize) -> bool {
        let negated = self.negated(i);
        let qualifying = self.joined(i + 1)
            && self.word(i + 1).is_some_and(|w| {
                (w.len() > 3 && w.ends_with("ed")) || matches!(w, "led" | "run" | "held")
            });
        negated || qualifying
    }

    /// True when the actor at token `i` can fill a slot: a name or acronym,
    /// or a demonym that stands for its state ("Iraqi warplanes", "the
    /// Iranians"), but not one that only qualifies a title or a thing
    /// ("the Iraqi prime minister", "Syrian opposition").
    pub fn can_fill(&self, i: usize) -> bool {
        let Some(a) = self.actor_at(i) else {
            return false;
        };
        if self.negated_or_qualifying(i) {
            return false;
        }
        if self.actor(a).mention != MentionKind::Demonym {
            return true;
        }
        match self.tokens.get(i + 1) {
            None => true,
            Some(Token::Actor(_)) => false,
            Some(Token::Word(w)) => {
                lexicon::is_state_noun(w)
                    || !w.chars().next().is_some_and(char::is_alphanumeric)
                    || matches!(
                        lexicon::class(w),
                        WordClass::Auxiliary
                            | WordClass::Preposition
                            | WordClass::Reporting
                            | WordClass::Coordinator
                            | WordClass::Conjunction
                            | WordClass::Relative
                    )
            }
        }
    }

    /// The head of the noun phrase that starts at or contains token `i`: the
    /// last actor of the run of phrase tokens from `i`, a person after a
    /// title preferred ("Iraqi Prime Minister Sudani" → Sudani); `None` when
    /// the phrase's head is a thing an actor only owns ("Trump's decision").
    /// Returns the head's token index.
    pub fn head_from(&self, i: usize) -> Option<usize> {
        let mut last = None;
        let mut k = i;
        while k < self.len() && self.in_phrase(k) {
            if self.actor_at(k).is_some() {
                last = Some(k);
            }
            k += 1;
        }
        // "its Gulf war enemy Iraq", "Iran's arch-enemy Iraq", "the Kurdish
        // broadcaster Rudaw": after a noun of relation or of an outlet the
        // name is the head; what went before qualifies it.
        let names_next = |w: &str| lexicon::is_relational_noun(w) || lexicon::is_outlet_noun(w);
        let mut n = k;
        if self
            .word(n)
            .is_some_and(|w| lexicon::class(w) == WordClass::Other)
            && !self.word(n).is_some_and(names_next)
            && self.word(n + 1).is_some_and(names_next)
        {
            n += 1;
        }
        if n > i && self.word(n).is_some_and(names_next) && self.actor_at(n + 1).is_some() {
            return self.head_from(n + 1);
        }
        let head = last?;
        // "Trump's decision", "Britain's Prince Charles": the phrase goes on
        // past the possessive to a thing or a person the gazetteer lacks.
        // "Iran's forces", "Iraq's leaders" stand for the state or group.
        if self.is(head + 1, &["s"])
            && let Some(Token::Word(w)) = self.tokens.get(head + 2)
            && !(lexicon::is_state_noun(w) && self.kind(head) != Some(EntityType::Person))
        {
            return None;
        }
        self.can_fill(head).then_some(head)
    }

    /// The actors coordinated with the head at token `head` ("Iran, Iraq and
    /// Syria"), itself included, as token indexes in text order. A list
    /// needs "and" or "or" before its last member: "Syria, the US" is no list.
    pub fn conjuncts(&self, head: usize) -> Vec<usize> {
        // Members to the right, each with whether "and"/"or" led to it.
        let mut right: Vec<(usize, bool)> = Vec::new();
        let mut k = self.after_member(head);
        loop {
            let mut j = k;
            let mut coordinated = false;
            while self.is(j, &[",", "and", "or"]) {
                coordinated |= self.is(j, &["and", "or"]);
                j += 1;
            }
            if j == k {
                break;
            }
            let Some(next) = self.head_from(j) else { break };
            if next - j > 3 {
                break;
            }
            right.push((next, coordinated));
            if coordinated {
                break;
            }
            k = self.after_member(next);
        }
        let mut out = vec![head];
        if right.last().is_some_and(|&(_, c)| c) {
            out.extend(right.iter().map(|&(n, _)| n));
            return out;
        }
        // To the left: the head may be the last member, after "and".
        let mut start = self.phrase_start(head);
        let mut coordinated = false;
        loop {
            let mut j = start;
            let mut here = false;
            while j > 0 && self.is(j - 1, &[",", "and", "or"]) {
                here |= self.is(j - 1, &["and", "or"]);
                j -= 1;
            }
            // "Syrian troops and Hezbollah": the member's noun may follow it.
            let member = j.checked_sub(1).map(|m| {
                if m > 0 && self.word(m).is_some_and(lexicon::is_state_noun) {
                    m - 1
                } else {
                    m
                }
            });
            let Some(m) =
                member.filter(|&m| j != start && self.actor_at(m).is_some() && self.can_fill(m))
            else {
                break;
            };
            // Only the separator right before the head may be "and".
            if here && coordinated {
                break;
            }
            if !here && !coordinated {
                break;
            }
            coordinated |= here;
            out.insert(0, m);
            start = self.phrase_start(m);
        }
        out
    }

    /// The token after the member of a list at `k`, past its noun: "Syrian
    /// troops", "Amal militiamen" ("Syrian troops and Hezbollah").
    fn after_member(&self, k: usize) -> usize {
        if self.word(k + 1).is_some_and(lexicon::is_state_noun) {
            k + 2
        } else {
            k + 1
        }
    }

    /// For an actor that owns or qualifies a thing ("Iraq's fortifications",
    /// "Iranian oil platforms", "Iraqi brigades"), the actor: the patient of
    /// an attack on the thing.
    pub fn owner_from(&self, i: usize) -> Option<usize> {
        let mut last = None;
        let mut thing = false;
        let mut k = i;
        while k < self.len()
            && (self.in_phrase(k)
                || self
                    .word(k)
                    .is_some_and(|w| !self.is_boundary(k) && lexicon::class(w) == WordClass::Other))
        {
            if self.actor_at(k).is_some() && !self.negated_or_qualifying(k) {
                // "the Saudi Arabian supertanker Arabian Sea": a name after
                // the thing is the thing's own, not its owner; but after
                // "Iran's war enemy" the name is the one the noun is said of.
                if last.is_some()
                    && thing
                    && !self.word(k - 1).is_some_and(lexicon::is_relational_noun)
                {
                    break;
                }
                last = Some(k);
                thing = false;
            } else if last.is_some() && !self.in_phrase(k) {
                thing = true;
            }
            if k - i > 5 {
                break;
            }
            k += 1;
        }
        last
    }

    /// The type of the actor at token `i`.
    pub fn kind(&self, i: usize) -> Option<EntityType> {
        self.actor_at(i).map(|a| self.actor(a).kind)
    }

    /// How broad a place is: a country 0, a region 1, a governorate 2, a
    /// district 3, a subdistrict 4, anything smaller 5; `None` for a person
    /// or group.
    pub fn rank(&self, i: usize) -> Option<u8> {
        let a = self.actor(self.actor_at(i)?);
        if a.kind != EntityType::Place {
            return None;
        }
        if a.mention == MentionKind::Demonym || a.state {
            return Some(0);
        }
        Some(match a.level {
            Some(PlaceLevel::Country) => 0,
            Some(PlaceLevel::Region) => 1,
            Some(PlaceLevel::Governorate) => 2,
            Some(PlaceLevel::District) => 3,
            Some(PlaceLevel::Subdistrict) => 4,
            _ => 5,
        })
    }

    /// True when the token at `i` ends a clause for argument search.
    pub fn is_boundary(&self, i: usize) -> bool {
        match self.tokens[i] {
            Token::Actor(_) => false,
            Token::Word(w) => {
                lexicon::ends_clause(w)
                    || matches!(
                        lexicon::class(w),
                        WordClass::Reporting | WordClass::Conjunction | WordClass::Relative
                    )
                    || matches!(w, "that" | "after" | "before" | "until")
            }
        }
    }
}

/// Capitalized adjectives of peoples, regions and faiths ("the only Asian
/// member", "Western diplomats"), which are no names.
fn adjective_of_people(w: &str) -> bool {
    ["an", "ese", "ish", "ic"]
        .iter()
        .any(|end| w.ends_with(end))
        || matches!(
            w,
            "western"
                | "eastern"
                | "northern"
                | "southern"
                | "arab"
                | "moslem"
                | "muslim"
                | "shiite"
                | "shi'ite"
                | "sunni"
                | "druze"
        )
}
