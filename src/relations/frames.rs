//! How each form of pattern finds its actors in a sentence: the subject and
//! object of a verb (and the by-phrase of a passive), the agent and patient
//! of an event noun, the actor joined to a participle, the two ends of a
//! title, the pair around a reciprocal trigger; and the built-in rules that
//! read where places lie. Each finding is a [`Hit`].

use super::Hit;
use super::lexicon::{self, WordClass};
use super::patterns::{Form, Pattern, Slot, Trigger};
use super::sentence::{Sentence, Token};
use crate::gazetteer::{EntityType, MentionKind};
use crate::graph::EdgeKind;

/// How far (in tokens) a subject or object may stand from its verb.
const REACH: usize = 14;

/// Runs a pattern whose trigger was found at tokens `[i, j)`.
pub fn apply(s: &Sentence, p: &Pattern, t: &Trigger, i: usize, j: usize, hits: &mut Vec<Hit>) {
    // "the arms-to-Iran scandal": a trigger hyphenated into a compound with
    // the actor after it names a thing, it states no relation.
    if j > i + 1 && s.joined(j - 1) && s.joined(j) && s.actor_at(j).is_some() {
        return;
    }
    // "push back the SDF", "cut back aid to": "back" is the particle of
    // another verb, not the verb that means support.
    if s.is(i, &["back"]) && i > 0 && s.word(i - 1).is_some_and(lexicon::takes_back) {
        return;
    }
    match p.form {
        Form::Verb => verb(s, p, t, i, j, hits),
        Form::Noun => noun(s, p, t, i, j, hits),
        Form::Adjective => adjective(s, p, t, i, j, hits),
        Form::Title => {} // read phrase by phrase, in `titles`
        Form::ActorFirst | Form::ActorLast => legacy(s, p, t, i, j, hits),
        Form::PairAfter | Form::PairBefore | Form::Adjacent => pair(s, p, t, i, j, hits),
    }
}

/// True when a word just before the trigger denies it ("did not meet",
/// "denied attacking", "refused to meet").
fn denied(s: &Sentence, i: usize) -> bool {
    let from = i.saturating_sub(4);
    (from..i).rev().any(|k| match s.tokens[k] {
        Token::Word(w) => lexicon::denies(w),
        Token::Actor(_) => false,
    }) && !(from..i).any(|k| s.is_boundary(k))
}

/// The subject of the verb at `i`: the actor just before it (past
/// auxiliaries, adverbs, and an apposition or relative clause between
/// commas), else the first core noun phrase of its clause; the antecedent
/// when the clause is a relative clause. Returns head tokens, coordinated
/// ones included.
pub fn subject(s: &Sentence, i: usize) -> Vec<usize> {
    let mut k = i;
    // Past fillers and negations.
    while k > 0 {
        match s.tokens[k - 1] {
            Token::Word(w)
                if lexicon::is_filler(w)
                    || lexicon::class(w) == WordClass::Negation
                    // "Iran meanwhile reported".
                    || (k < i + 1 && matches!(w, "meanwhile" | "however" | "thus")) =>
            {
                k -= 1
            }
            _ => break,
        }
    }
    if k == 0 {
        return Vec::new();
    }
    let apposed = (k == i && s.word(i).is_some_and(|w| w.ends_with("ed")))
        .then(|| apposition_head(s, i))
        .flatten();
    match s.tokens[k - 1] {
        Token::Actor(_) => {
            let head = k - 1;
            if !governed(s, head) && s.can_fill(head) {
                // The head of its phrase: "Iraqi Prime Minister Sudani met".
                return s.conjuncts(head);
            }
            // "factions of the Turkish-backed Syrian National Army had
            // taken": the units of an actor act for it.
            let mut start = s.phrase_start(head);
            // Past "the Turkish-backed".
            while start > 0
                && head - start < 5
                && (s.is(start - 1, &["the"])
                    || s.actor_at(start - 1).is_some()
                    || (s.joined(start - 1) && s.word(start - 1).is_some()))
            {
                start -= 1;
            }
            if start >= 2
                && s.is(start - 1, &["of"])
                && s.word(start - 2).is_some_and(|w| {
                    matches!(
                        w,
                        "factions" | "units" | "elements" | "brigades" | "battalions"
                    ) || (lexicon::is_state_noun(w) && w.ends_with('s'))
                })
                && s.governing_preposition(start - 2).is_none()
                && s.can_fill(head)
            {
                let before = start - 2;
                // The units open their phrase: not "the arrival of troops of".
                let opens = before == 0
                    || s.is(before - 1, &["the", ",", "that"])
                    || s.word(before - 1).is_some_and(|w| {
                        lexicon::is_modifier(w)
                            || matches!(
                                lexicon::class(w),
                                WordClass::Conjunction
                                    | WordClass::Coordinator
                                    | WordClass::Reporting
                            )
                    });
                if opens {
                    return vec![head];
                }
            }
        }
        Token::Word(w) if lexicon::class(w) == WordClass::Relative || w == "that" => {
            return antecedent(s, k - 1);
        }
        Token::Word(",") => {
            // ", the Turkish president, met" / ", which is backed by Iran, attacked"
            if let Some(open) = parenthetical_start(s, k - 1) {
                // "Syria's de facto leader, Ahmad al-Sharaa, visited": a
                // common noun before the commas, the name between them.
                let named = s.actor_at(open + 1).filter(|_| {
                    open + 2 == k - 1
                        && s.kind(open + 1) == Some(EntityType::Person)
                        && s.word(open - 1).is_some_and(lexicon::is_title_word)
                });
                if named.is_some() {
                    return s.conjuncts(open + 1);
                }
                // "the official, who did not want to be named, told":
                // nobody the gazetteer knows.
                if unnamed_before(s, open) {
                    return Vec::new();
                }
                let before = subject(s, open);
                if !before.is_empty() {
                    return before;
                }
            }
            // "Fidan visited Damascus, accusing the SDF": a participle after
            // a comma belongs to the clause's subject, not to the object
            // the comma follows; when that object is all there is, nobody.
            if s.word(i).is_some_and(|w| w.ends_with("ing"))
                && k >= 2
                && s.actor_at(k - 2).is_some()
                && !(k >= 3 && s.is(k - 3, &["the"]))
            {
                let start = clause_start(s, k - 1);
                let core = first_core(s, start, k - 1);
                // "Shultz, travelling to China": the subject itself.
                let subject_itself = core.first().is_some_and(|&h| s.phrase_start(h) == start);
                if !subject_itself && core.first().is_none_or(|&h| h + 1 >= k - 1) {
                    return Vec::new();
                }
                return core;
            }
        }
        Token::Word("it" | "they") => return speaker(s, k - 1),
        Token::Word("he" | "she") => return sole_person(s, k - 1),
        // "criticised Israel for attacking Syria", "accused Iran of
        // attacking": the one blamed does the deed of the gerund.
        Token::Word("for" | "of")
            if k >= 2
                && k == i
                && s.word(i).is_some_and(|w| w.ends_with("ing"))
                && s.actor_at(k - 2).is_some()
                && s.can_fill(k - 2) =>
        {
            return s.conjuncts(k - 2);
        }
        // "some of them threatened", "those who": people this sentence
        // does not name.
        Token::Word("them" | "those" | "these") => return Vec::new(),
        Token::Word("to") if k >= 2 => {
            // "asked France to stop", "offered its warships to escort": the
            // object before the infinitive is its subject; "Reagan's
            // decision to protect": the owner of the noun.
            let before = k - 2;
            if s.actor_at(before).is_some()
                && s.can_fill(before)
                && s.governing_preposition(before).is_none()
            {
                return s.conjuncts(before);
            }
            // "some of them threatened to target": the threat's subject.
            if before > 0
                && s.is(before - 1, &["them", "those", "these"])
                && s.word(before).is_some_and(|w| lexicon::intent(w).is_some())
            {
                return Vec::new();
            }
            if s.word(before).is_some_and(lexicon::is_state_noun) {
                let own = subject(s, k - 1);
                if !own.is_empty() {
                    return own;
                }
            } else if s
                .word(before)
                .is_some_and(|w| unnamed_plural(w) && !w.ends_with("ss"))
                && !(before >= 1 && s.is(before - 1, &["s"]))
            {
                // "pleaded with party members to back Reagan", "urged Arab
                // countries to support Iraq": unnamed people before the
                // infinitive are its subject.
                return Vec::new();
            } else if before >= 2
                && s.word(before)
                    .is_some_and(|w| lexicon::class(w) == WordClass::Other)
                && s.is(before - 1, &["s"])
                && s.actor_at(before - 2).is_some()
            {
                return vec![before - 2];
            }
        }
        Token::Word("and" | "but") => {
            // "IRNA said the Iranian troops seized ... and breached": the
            // verb shares the subject that opens its own clause; "Iran said
            // ..., and warned the U.S.": else that of the first clause.
            let start = clause_start(s, k - 1);
            let local = first_core(s, start, k - 1);
            if local
                .first()
                .is_some_and(|&h| start > 0 && s.phrase_start(h) == start)
            {
                return local;
            }
            return first_core(s, 0, k - 1);
        }
        // "..., Shiratori told Reuters": a name the gazetteer does not know;
        // "a Senate Iran committee aide told Reuters": an unnamed person.
        Token::Word(w)
            if s.unknown_name(k - 1)
                || lexicon::is_person_noun(w)
                // "told reporters Akiman came": a capitalized word right
                // before the verb, inside the sentence, that looks like an
                // adjective of a people but is no actor is a name.
                || (k >= 2
                    && s.capital(k - 1)
                    && base_word(w)
                    && w.ends_with("an")
                    && lexicon::class(w) == WordClass::Other
                    && !lexicon::is_title_word(w)
                    && !lexicon::is_state_noun(w)
                    // "the only Asian member": an adjective after all.
                    && !s.word(k - 2).is_some_and(|x| {
                        lexicon::is_modifier(x) || matches!(x, "only" | "first" | "last")
                    })) =>
        {
            // "Mossad Director David Barnea and CIA Director William Burns
            // met": the named member of a list whose last member is unknown.
            if s.unknown_name(k - 1) {
                return known_before_unknown(s, k - 1);
            }
            return Vec::new();
        }
        // "Kataib Hezbollah, an Iraqi militia allied with Iran": a participle
        // right after an apposition qualifies it, and so the name before.
        Token::Word(_) if apposed.is_some() => {
            return apposed.map_or_else(Vec::new, |x| s.conjuncts(x));
        }
        Token::Word(w)
            if lexicon::is_state_noun(w)
                || lexicon::is_event_modifier(w)
                || lexicon::is_attack_noun(w)
                || lexicon::is_weapon_noun(w) =>
        {
            // "Israeli jets bombed", "U.S. naval forces destroyed", "Hezbollah
            // fighters attacked", "its troops repelled", "an Israeli drone
            // strike killed".
            let mut m = k - 1;
            while m > 0 && k - m <= 4 {
                match s.tokens[m - 1] {
                    Token::Actor(_) => {
                        let owner = m - 1;
                        if !governed(s, owner) {
                            return s.conjuncts(owner);
                        }
                        break;
                    }
                    Token::Word("its" | "their") => return speaker(s, m - 1),
                    // "Kuwait, whose shipping has come under attack".
                    Token::Word("whose") => return antecedent(s, m - 1),
                    Token::Word("s") => m -= 1,
                    // "the officials told Reuters": nobody named.
                    Token::Word("the") if s.word(k - 1).is_some_and(unnamed_plural) => {
                        return Vec::new();
                    }
                    Token::Word(w)
                        if lexicon::is_state_noun(w) || lexicon::is_event_modifier(w) =>
                    {
                        m -= 1
                    }
                    _ => break,
                }
            }
        }
        // "witnesses told Shafaq News", "officials said": an unnamed noun
        // right before the verb is its subject.
        Token::Word(w) if unnamed_plural(w) => {
            return Vec::new();
        }
        _ => {}
    }
    // "an industry ministry spokesman told", "the Ministry official told":
    // a phrase of common nouns after an article, no actor in it, names
    // nobody the gazetteer knows.
    if s.word(k - 1).is_some_and(|w| {
        lexicon::is_title_word(w) || lexicon::is_person_noun(w) || lexicon::is_state_noun(w)
    }) && article_before(s, k - 1, 5, false).is_some()
    {
        return Vec::new();
    }
    let start = clause_start(s, i);
    // "Jon Rosenbaum, assistant U.S. trade representative, told": a clause
    // that opens with a full name the gazetteer does not know.
    if s.name_like(start) && s.name_like(start + 1) && s.is(start + 2, &[","]) {
        return Vec::new();
    }
    let core = first_core(s, start, i);
    if core.is_empty() && s.is(start, &["it", "they"]) {
        // "Iran said it had achieved ... victories against Iraq".
        return speaker(s, start);
    }
    core
}

/// The name an indefinite apposition ending right before `at` stands for:
/// "Kataib Hezbollah, an Iraqi militia [allied with]", "Hezbollah, a
/// Lebanese group [backed by]".
fn apposition_head(s: &Sentence, at: usize) -> Option<usize> {
    let noun = at.checked_sub(1)?;
    if s.word(noun)
        .is_none_or(|w| lexicon::class(w) != WordClass::Other || lexicon::is_state_noun(w))
    {
        return None;
    }
    let mut m = noun;
    while m > 0 && noun - m < 4 {
        match s.tokens[m - 1] {
            Token::Word("a" | "an") => break,
            Token::Actor(a) if s.actor(a).mention == MentionKind::Demonym => m -= 1,
            Token::Word(w) if lexicon::is_modifier(w) || lexicon::class(w) == WordClass::Other => {
                m -= 1
            }
            _ => return None,
        }
    }
    if m < 3 || !s.is(m - 1, &["a", "an"]) || !s.is(m - 2, &[","]) {
        return None;
    }
    let x = m - 3;
    (s.actor_at(x).is_some() && s.can_fill(x) && s.governing_preposition(x).is_none()).then_some(x)
}

/// The known members before "and" of a subject whose last member is a name
/// the gazetteer does not know, ending at `last`: "Mossad Director David
/// Barnea and CIA Director William Burns". Nobody when the list is not
/// the clause's subject.
fn known_before_unknown(s: &Sentence, last: usize) -> Vec<usize> {
    let mut m = last;
    while m > 0
        && last - m < 6
        && ((s.capital(m - 1)
            && s.word(m - 1)
                .is_some_and(|w| lexicon::class(w) == WordClass::Other))
            || (s.actor_at(m - 1).is_some() && s.kind(m - 1) != Some(EntityType::Person)))
    {
        m -= 1;
    }
    if m == 0 || !s.is(m - 1, &["and"]) || s.actor_at(m.saturating_sub(2)).is_none() {
        return Vec::new();
    }
    let start = clause_start(s, m - 1);
    let mut core = first_core(s, start, m - 1);
    if core
        .first()
        .is_some_and(|&h| s.phrase_start(h) <= start + 1)
        && core.contains(&(m - 2))
    {
        // Not the body of the unknown's title ("CIA Director").
        core.retain(|&h| h < m);
        core
    } else {
        Vec::new()
    }
}

/// True when the phrase that ends right before token `at` names someone the
/// gazetteer does not know: an unknown name ("..., Shiratori"), a person
/// noun ("a committee aide"), or a bare noun of office or people after an
/// article ("the official", "the officials").
fn unnamed_before(s: &Sentence, at: usize) -> bool {
    let Some(k) = at.checked_sub(1) else {
        return false;
    };
    let Some(w) = s.word(k) else {
        return false;
    };
    s.unknown_name(k)
        || lexicon::is_person_noun(w)
        || (k > 0
            && s.is(k - 1, &["the", "a", "an", "one"])
            && (unnamed_plural(w) || matches!(w, "official" | "diplomat" | "source")))
}

/// True when a preposition governs the phrase of the actor at `k`, right
/// before a verb: "after", "before", "since", "until" there open a clause
/// ("after U.S. naval forces destroyed"), so they govern nothing.
fn governed(s: &Sentence, k: usize) -> bool {
    s.governing_preposition(k)
        .is_some_and(|p| !matches!(p, "after" | "before" | "since" | "until" | "till"))
}

/// A plural common noun that names nobody: "witnesses", "officials",
/// "members".
fn unnamed_plural(w: &str) -> bool {
    lexicon::class(w) == WordClass::Other
        && w.len() > 3
        && w.ends_with('s')
        && w.bytes().all(|b| b.is_ascii_lowercase())
        && !lexicon::is_filler(w)
}

/// Who "it", "they", "its forces" stand for, in a clause that reports what
/// someone said: the one who said it ("Iraq said its troops repelled…").
fn speaker(s: &Sentence, pronoun: usize) -> Vec<usize> {
    speaker_of(s, pronoun, false)
}

/// The speaker of the clause at `pronoun` when it is a person (`person`)
/// or when it is not.
fn speaker_of(s: &Sentence, pronoun: usize, person: bool) -> Vec<usize> {
    let Some(r) = clause_verb(s, pronoun) else {
        return Vec::new();
    };
    if s.word(r)
        .is_some_and(|w| lexicon::class(w) == WordClass::Reporting)
    {
        let said = subject(s, r);
        if said.len() == 1 && (s.kind(said[0]) == Some(EntityType::Person)) == person {
            return said;
        }
    }
    Vec::new()
}

/// The word that the clause of token `at` is the complement of: the one
/// before the clause, past "that" ("said that", "warned").
fn clause_verb(s: &Sentence, at: usize) -> Option<usize> {
    let start = clause_start(s, at);
    let mut r = start.checked_sub(1)?;
    if s.is(r, &["that"]) && r > 0 {
        r -= 1;
    }
    Some(r)
}

/// Who "he" or "she" at `pronoun` stands for: the one person the sentence
/// names before it as the subject of a clause ("Aqazadeh arrived in Riyadh,
/// where he met Nazer").
fn sole_person(s: &Sentence, pronoun: usize) -> Vec<usize> {
    let mut people = (0..pronoun)
        .filter(|&k| s.kind(k) == Some(EntityType::Person) && s.governing_preposition(k).is_none());
    let Some(first) = people.next() else {
        return Vec::new();
    };
    let same = people.all(|k| s.actor_at(k) == s.actor_at(first));
    let subject = first_core(s, 0, pronoun);
    if same && subject.len() == 1 && s.actor_at(subject[0]) == s.actor_at(first) {
        return subject;
    }
    Vec::new()
}

/// Who "its" or "their" at `pronoun` stands for: the subject of its clause
/// ("Iran reaffirmed its backing for"), or the one who says what the clause
/// reports ("Iran reported victories in its war with Iraq"); a state or a
/// group, never a person.
fn possessor(s: &Sentence, pronoun: usize) -> Vec<usize> {
    owner_of_pronoun(s, pronoun, false)
}

/// The person "his" or "her" at `pronoun` refers to, by the same reading
/// as [`possessor`]: "Aoun said his talks with Assad went well".
fn personal_possessor(s: &Sentence, pronoun: usize) -> Vec<usize> {
    owner_of_pronoun(s, pronoun, true)
}

fn owner_of_pronoun(s: &Sentence, pronoun: usize, person: bool) -> Vec<usize> {
    let start = clause_start(s, pronoun);
    let mut own = first_core(s, start, pronoun);
    // Only the subject that opens the clause: "asked France to stop selling
    // weapons to Iraq, its enemy" is not France's enemy.
    let opens = |h: usize| {
        (start..s.phrase_start(h))
            .all(|k| s.is(k, &[","]) || s.word(k).is_some_and(lexicon::is_filler))
    };
    if !own.first().is_some_and(|&h| opens(h)) {
        own = Vec::new();
    }
    if own.is_empty() {
        own = speaker_of(s, pronoun, person);
    }
    if own.len() == 1 && (s.kind(own[0]) == Some(EntityType::Person)) == person {
        return own;
    }
    Vec::new()
}

/// The object of the verb at `i` in an object relative clause, whose
/// subject is `agents`: the antecedent of "which" right before the
/// subject's phrase ("the Natanz plant, which Israel struck", "the Arak
/// reactor, which Israeli aircraft bombed"); the actor of a thing ("the
/// Natanz plant") stands for it. Not "that", which more often opens what
/// is said ("sentiment that Japan was fighting"); and only when the verb
/// follows its subject with no preposition between ("which Denmark
/// approached for support" is no support).
fn object_relative(s: &Sentence, agents: &[usize], i: usize) -> Vec<usize> {
    let Some(&h) = agents.first() else {
        return Vec::new();
    };
    let start = s.phrase_start(h);
    if start == 0 || !s.is(start - 1, &["which"]) || h >= i {
        return Vec::new();
    }
    if (h + 1..i).any(|k| {
        s.is(
            k,
            &["for", "of", "in", "on", "at", "with", "by", "from", ","],
        ) || s.actor_at(k).is_some()
    }) {
        return Vec::new();
    }
    let r = start - 1;
    let named = antecedent(s, r);
    if !named.is_empty() {
        return named.into_iter().filter(|a| !agents.contains(a)).collect();
    }
    let mut k = r;
    if k > 0 && s.is(k - 1, &[","]) {
        k -= 1;
    }
    let mut m = k;
    while m > 0
        && k - m < 3
        && s.word(m - 1).is_some_and(|w| {
            lexicon::class(w) == WordClass::Other
                && w.chars().next().is_some_and(char::is_alphanumeric)
        })
    {
        m -= 1;
    }
    if m < k && m > 0 && s.actor_at(m - 1).is_some() && !agents.contains(&(m - 1)) {
        return vec![m - 1];
    }
    Vec::new()
}

/// The antecedent of the relative pronoun at `r`: the phrase just before it
/// (past a comma).
fn antecedent(s: &Sentence, r: usize) -> Vec<usize> {
    let mut k = r;
    if k > 0 && s.is(k - 1, &[","]) {
        k -= 1;
    }
    if k > 0 && s.actor_at(k - 1).is_some() && s.can_fill(k - 1) {
        return s.conjuncts(k - 1);
    }
    // "The GCC, an economic and military alliance which has supported
    // Iraq": the apposition's noun stands for the actor before it.
    let noun = |w: &str| lexicon::class(w) == WordClass::Other || lexicon::is_modifier(w);
    if k > 0
        && !s.is_boundary(k - 1)
        && s.word(k - 1)
            .is_some_and(|w| w != "," && (noun(w) || w == "and"))
        && let Some(article) = article_before(s, k - 1, 5, true)
        && article >= 2
        && s.is(article - 1, &[","])
        && s.actor_at(article - 2).is_some()
        && s.can_fill(article - 2)
    {
        return vec![article - 2];
    }
    Vec::new()
}

/// The article ("a", "an", "the") that opens the phrase of a noun at token
/// `head`, past at most `reach` common nouns and modifiers, no actor among
/// them ("the Ministry official", "an economic and military alliance" when
/// `and` may stand in it).
fn article_before(s: &Sentence, head: usize, reach: usize, and: bool) -> Option<usize> {
    let mut m = head;
    while m > 0 && head - m < reach {
        match s.tokens[m - 1] {
            Token::Word("the" | "a" | "an") => return Some(m - 1),
            Token::Word(w)
                if (lexicon::class(w) == WordClass::Other
                    || lexicon::is_modifier(w)
                    || (and && w == "and"))
                    && !s.is_boundary(m - 1)
                    && w != "," =>
            {
                m -= 1
            }
            _ => return None,
        }
    }
    None
}

/// When the comma at `close` closes an apposition or a relative clause
/// (", the Turkish president," / ", which is backed by Iran,"), the index of
/// the comma that opens it.
fn parenthetical_start(s: &Sentence, close: usize) -> Option<usize> {
    let mut k = close;
    while k > 0 {
        k -= 1;
        match s.tokens[k] {
            Token::Word(",") => {
                let first = s.tokens.get(k + 1)?;
                let opens = match first {
                    Token::Word(w) => {
                        lexicon::class(w) == WordClass::Relative || lexicon::is_modifier(w)
                    }
                    Token::Actor(_) => true,
                };
                let has_verb = (k + 1..close).any(|m| {
                    s.word(m).is_some_and(|w| {
                        matches!(
                            lexicon::class(w),
                            WordClass::Reporting | WordClass::Conjunction
                        )
                    })
                });
                return (opens && !has_verb && k > 0).then_some(k);
            }
            Token::Word(w) if lexicon::ends_clause(w) => return None,
            _ if close - k > 20 => return None,
            _ => {}
        }
    }
    None
}

/// The start of the clause the token at `i` stands in.
pub fn clause_start(s: &Sentence, i: usize) -> usize {
    let mut k = i;
    while k > 0 {
        let t = k - 1;
        if s.is_boundary(t) {
            return k;
        }
        k -= 1;
    }
    0
}

/// The first actor of `[from, to)` that heads a core noun phrase (not in a
/// prepositional phrase, not inside an apposition), with its conjuncts.
fn first_core(s: &Sentence, from: usize, to: usize) -> Vec<usize> {
    let mut k = from;
    while k < to {
        if s.actor_at(k).is_some() {
            let start = s.phrase_start(k);
            let in_pp = s.governing_preposition(k).is_some();
            let head = s.head_from(start.max(from));
            match head {
                Some(h) if h < to && !in_pp => return titled(s, h, to),
                _ => {}
            }
            // Past this phrase.
            while k < to && (s.actor_at(k).is_some() || s.word(k).is_some_and(lexicon::is_modifier))
            {
                k += 1;
            }
            continue;
        }
        k += 1;
    }
    Vec::new()
}

/// The subject whose phrase starts with the actor at `head`, before the verb
/// at `to`: the actor, or the person a title after it names ("U.S. Energy
/// Secretary John Herrington"); nobody when that person is unknown
/// ("Interior Ministry spokesman Nouruddin al-Baba blamed"): the body is not
/// the one who acts.
fn titled(s: &Sentence, head: usize, to: usize) -> Vec<usize> {
    let mut last_title = None;
    let mut m = head + 1;
    while m < to && m - head <= 7 {
        if s.actor_at(m).is_some() {
            if last_title.is_some() && s.kind(m) == Some(EntityType::Person) {
                return s.conjuncts(m);
            }
            break;
        }
        let Some(w) = s.word(m) else { break };
        // "US deputy special envoy for the Middle East Morgan Ortagus",
        // "Special Envoy for Syria Tom Barrack": the title's domain.
        if w == "for" && last_title == Some(m - 1) {
            let mut n = m + 1;
            if s.is(n, &["the"]) {
                n += 1;
            }
            if s.actor_at(n).is_some() && s.kind(n) != Some(EntityType::Person) {
                last_title = Some(n);
                m = n + 1;
                continue;
            }
        }
        // "U.S. Secretary of State George Shultz".
        let of = w == "of" && last_title == Some(m - 1);
        if !of && (lexicon::class(w) != WordClass::Other || lexicon::is_filler(w) || w == ",") {
            break;
        }
        if last_title.is_some() && s.unknown_name(m) && !lexicon::is_title_word(w) {
            // "U.K. Corporate Affairs Minister Michael Howard presented".
            return Vec::new();
        }
        if lexicon::is_title_word(w)
            || (m >= 2 && last_title == Some(m - 2) && s.is(m - 1, &["of"]))
        {
            last_title = Some(m);
        }
        m += 1;
    }
    // Words of a name the gazetteer does not know between the title and
    // the verb.
    match last_title {
        Some(t) if m == to && t + 1 < to => Vec::new(),
        _ => s.conjuncts(head),
    }
}

/// The object of a verb whose trigger ends at `j`: the first core noun
/// phrase after it (or the phrase right after the trigger's own
/// preposition), before the clause ends; and a venue, a place in an "in" or
/// "at" phrase on the way.
pub fn object(s: &Sentence, p: &Pattern, t: &Trigger, j: usize) -> (Vec<usize>, Option<usize>) {
    let mut venue = None;
    let own_preposition = t.ends_with_preposition();
    // An attack, a support or an opposition on a thing of an actor is on the
    // actor: "seized Iraq's fortifications", "bombed Palestinian targets".
    let owners = matches!(
        p.kind,
        EdgeKind::Attacks | EdgeKind::Supports | EdgeKind::Opposes
    );
    let mut k = j;
    let end = (j + REACH).min(s.len());
    while k < end {
        // "attacked two naval targets -- Baghdad's term for tankers": what
        // stands after a dash is an aside.
        if s.dash_before(k) {
            break;
        }
        match s.tokens[k] {
            Token::Actor(_) => {
                let start = s.phrase_start(k);
                let mut preposition = if start < j {
                    None
                } else {
                    s.governing_preposition(k)
                };
                // "one of Iraq's strongest fortifications": "of" after a
                // quantifier is no preposition of place.
                if preposition == Some("of")
                    && start >= 2
                    && s.word(start - 2)
                        .is_some_and(|w| lexicon::class(w) == WordClass::Determiner)
                {
                    preposition = None;
                }
                // "attacked the entrance of the Syrian army's headquarters",
                // "struck the offices of Hamas": a thing of the actor right
                // after the verb is the actor's.
                let thing_of = owners
                    && !own_preposition
                    && preposition == Some("of")
                    && start >= 2
                    && s.is(start - 1, &["of"])
                    && start - 1 > j
                    && start - 1 - j <= 3
                    && (j..start - 1).all(|m| {
                        s.word(m).is_some_and(|w| {
                            matches!(w, "the" | "a" | "an")
                                || (lexicon::class(w) == WordClass::Other
                                    && !lexicon::is_direction(w)
                                    && !lexicon::is_participle(w))
                        })
                    });
                let direct = preposition.is_none() || (own_preposition && start == j) || thing_of;
                let head = s.head_from(start.max(j)).or_else(|| {
                    if owners && direct {
                        s.owner_from(start.max(j))
                    } else {
                        None
                    }
                });
                let Some(head) = head else {
                    k += 1;
                    continue;
                };
                // "attacked Japan's fiscal policy" is words, not force: an
                // attack on an actor's policy or plan attacks no one.
                if matches!(p.kind, EdgeKind::Attacks | EdgeKind::Supports)
                    && direct
                    && owns_idea(s, head)
                {
                    return (Vec::new(), venue);
                }
                // "told a Pentagon news conference": the actor names where
                // the words were said, not who heard them.
                if (s.is(head + 1, &["news", "press"])
                    && s.is(head + 2, &["conference", "briefing"]))
                    || s.is(head + 1, &["briefing", "rally"])
                {
                    k = head + 1;
                    continue;
                }
                // "defends Iran-deal", "the Iran-Contra affair": an actor
                // joined by a hyphen to the word after it qualifies that word.
                if s.joined(head + 1) && s.word(head + 1).is_some_and(base_word) {
                    k = head + 1;
                    continue;
                }
                if direct {
                    // "the Iraqi port of Basra": the place it names.
                    let head = named_place(s, head).unwrap_or(head);
                    return (s.conjuncts(head), venue);
                }
                if matches!(preposition, Some("in" | "at"))
                    && s.kind(head) == Some(EntityType::Place)
                    && venue.is_none()
                {
                    venue = Some(head);
                }
                k = head + 1;
            }
            Token::Word(w) => {
                let in_number = w == ","
                    && k > 0
                    && s.word(k - 1)
                        .is_some_and(|x| x.bytes().all(|b| b.is_ascii_digit()))
                    && s.word(k + 1)
                        .is_some_and(|x| x.bytes().all(|b| b.is_ascii_digit()));
                if in_number {
                    k += 1;
                    continue;
                }
                // "backs armed groups such as Kataib Hezbollah": the example
                // names the object.
                if w == "such" && s.is(k + 1, &["as"]) && s.actor_at(k + 2).is_some() {
                    let Some(h) = s.head_from(k + 2) else { break };
                    return (s.conjuncts(h), venue);
                }
                // "attacked a supertanker and four Iranian oil sites": a
                // second thing after "and" may be an actor's.
                let noun_phrase_next = s.word(k + 1).is_some_and(|x| {
                    matches!(
                        x,
                        "a" | "an" | "the" | "two" | "three" | "four" | "five" | "several"
                    ) || x.bytes().all(|b| b.is_ascii_digit())
                });
                if w == "and" && p.kind == EdgeKind::Attacks && noun_phrase_next {
                    k += 1;
                    continue;
                }
                if s.is_boundary(k) || w == "," || w == "and" {
                    break;
                }
                // "criticised the agency for failing to condemn Israeli
                // attacks": the reason given is no object.
                if matches!(w, "for" | "over")
                    && s.word(k + 1)
                        .is_some_and(|x| x.len() > 4 && x.ends_with("ing"))
                {
                    break;
                }
                // "Iran said U.S. forces attacked two of its oil platforms":
                // the thing of the one who reports it.
                if owners && w == "its" {
                    let mut m = k + 1;
                    while s.word(m).is_some_and(|x| {
                        !s.is_boundary(m)
                            && (lexicon::class(x) == WordClass::Other || lexicon::is_modifier(x))
                    }) {
                        m += 1;
                    }
                    // "its OPEC quota", "its Gulf War enemy Iraq": an actor
                    // in the phrase is read as usual.
                    if m > k + 1 && s.actor_at(m).is_none() {
                        let owner = speaker(s, k);
                        if owner.iter().all(|&h| s.kind(h) == Some(EntityType::Place)) {
                            return (owner, venue);
                        }
                    }
                }
                // "condemned the attack by Israel", "criticised remarks by
                // Iranian officials": a thing done or said by someone is
                // said against or for its doer, as "condemned Israel's
                // attack" is.
                if matches!(p.kind, EdgeKind::Opposes | EdgeKind::Supports)
                    && lexicon::class(w) == WordClass::Other
                    && s.is(k + 1, &["by"])
                    && let Some(h) = s.head_from(k + 2)
                {
                    return (s.conjuncts(h), venue);
                }
                // "told the Kurdish broadcaster Rudaw": the outlet's name
                // after the noun of its kind.
                if lexicon::is_outlet_noun(w)
                    && s.actor_at(k + 1).is_some()
                    && let Some(h) = s.head_from(k + 1)
                {
                    return (s.conjuncts(h), venue);
                }
                let other = lexicon::class(w) == WordClass::Other
                    && !lexicon::is_filler(w)
                    && !lexicon::is_event_modifier(w)
                    && !lexicon::is_direction(w);
                // "visited the northern city of Mosul".
                if lexicon::is_place_noun(w)
                    && let Some(place) = named_place(s, k.saturating_sub(1))
                    && place > k
                {
                    return (s.conjuncts(place), venue);
                }
                // "defeated an attempt to cut U.S. aid": an attack on an
                // idea is on no one.
                if other && p.kind == EdgeKind::Attacks && lexicon::is_idea(w) {
                    break;
                }
                if other {
                    // The object is a thing: "told reporters", "helped shoot
                    // down", unless it is the thing of an actor: "the
                    // positions of Hezbollah".
                    // "depots of the Radwan Force", "depots belonging to it".
                    let of = if s.is(k + 1, &["belonging"]) && s.is(k + 2, &["to"]) {
                        k + 2
                    } else {
                        k + 1
                    };
                    let at = if s.is(of + 1, &["the"]) {
                        of + 2
                    } else {
                        of + 1
                    };
                    // "supports the current course of Federal Reserve
                    // policy": an idea, not the actor.
                    if matches!(p.kind, EdgeKind::Supports | EdgeKind::Attacks)
                        && lexicon::is_idea(w)
                    {
                        break;
                    }
                    if (of > k + 1 || s.is(of, &["of"])) && s.actor_at(at).is_some() {
                        let head = s
                            .head_from(at)
                            .or_else(|| owners.then(|| s.owner_from(at)).flatten());
                        // "his handling of the Iran arms scandal": an actor
                        // that qualifies the noun after it owns nothing.
                        let qualifies = |h: usize| {
                            s.actor_at(h)
                                .is_some_and(|a| s.actor(a).mention != MentionKind::Demonym)
                                && s.word(h + 1).is_some_and(|x| {
                                    lexicon::class(x) == WordClass::Other
                                        && !lexicon::is_state_noun(x)
                                        && !lexicon::is_filler(x)
                                        && x.chars().next().is_some_and(char::is_alphanumeric)
                                })
                        };
                        if owners && let Some(h) = head.filter(|&h| !qualifies(h)) {
                            return (s.conjuncts(h), venue);
                        }
                    }
                    if !owners {
                        break;
                    }
                }
                k += 1;
            }
        }
    }
    (Vec::new(), venue)
}

/// True when the actor at `head` owns an idea rather than a thing: "Japan's
/// fiscal policy", "Iraq's peace plan", "the U.S. proposal".
fn owns_idea(s: &Sentence, head: usize) -> bool {
    let mut k = head + 1;
    if s.is(k, &["s"]) {
        k += 1;
    }
    (k..(k + 5).min(s.len()))
        .map_while(|m| s.word(m).filter(|&w| lexicon::class(w) == WordClass::Other))
        .any(lexicon::is_idea)
}

/// A plain lower-case word (not a number or a mark).
fn base_word(word: &str) -> bool {
    !word.is_empty() && word.bytes().all(|b| b.is_ascii_lowercase())
}

/// The place named after the token at `at` by place nouns and "of": "the
/// Iraqi port of Basra", "the northern city of Mosul".
fn named_place(s: &Sentence, at: usize) -> Option<usize> {
    let mut m = at + 1;
    // "Iraq's second city of Basra".
    if s.is(m, &["s"]) {
        m += 1;
        while m < s.len()
            && m - at <= 4
            && s.word(m).is_some_and(|w| {
                !lexicon::is_place_noun(w)
                    && (lexicon::is_modifier(w)
                        || lexicon::is_direction(w)
                        || matches!(
                            w,
                            "second" | "third" | "largest" | "biggest" | "main" | "major"
                        ))
            })
        {
            m += 1;
        }
    }
    let nouns = m;
    while m < s.len() && m - at <= 5 && s.word(m).is_some_and(lexicon::is_place_noun) {
        m += 1;
    }
    if m == nouns || !s.is(m, &["of"]) {
        return None;
    }
    let place = s.head_from(m + 1)?;
    (s.kind(place) == Some(EntityType::Place) && s.phrase_start(place) == m + 1).then_some(place)
}

/// A place in an "in" or "at" phrase of the clause of the verb at `i`, before
/// or after it ("In Erbil, Pezeshkian held talks", "held talks in Amman
/// with"): where the event happened.
fn venue_of(s: &Sentence, i: usize) -> Option<usize> {
    let start = clause_start(s, i);
    let mut end = i;
    while end < s.len() && !s.is_boundary(end) {
        end += 1;
    }
    (start..end).find(|&k| {
        in_place_phrase(s, k) && s.head_from(s.phrase_start(k)) == Some(k) && !posted(s, k)
    })
}

/// True when the actor at token `k` is a place in an "in" or "at" phrase:
/// where something happens.
fn in_place_phrase(s: &Sentence, k: usize) -> bool {
    s.kind(k) == Some(EntityType::Place) && matches!(s.governing_preposition(k), Some("in" | "at"))
}

/// True when the place at token `k` names where someone is posted, not
/// where an event happens: "Turkey's ambassador in Athens", "the UN envoy
/// at Geneva".
fn posted(s: &Sentence, k: usize) -> bool {
    let mut m = s.phrase_start(k);
    while m > 0 && s.word(m - 1).is_some_and(lexicon::is_direction) {
        m -= 1;
    }
    m >= 2
        && s.word(m - 2).is_some_and(|w| {
            matches!(
                w,
                "ambassador"
                    | "ambassadors"
                    | "envoy"
                    | "envoys"
                    | "embassy"
                    | "consul"
                    | "correspondent"
                    | "representative"
                    | "representatives"
                    | "bureau"
                    | "office"
                    | "mission"
            )
        })
}

/// The agent in a by-phrase after `j` ("was attacked by Israel").
fn by_agent(s: &Sentence, j: usize) -> Vec<usize> {
    let mut k = j;
    let end = (j + 8).min(s.len());
    while k < end {
        if s.is_boundary(k) {
            return Vec::new();
        }
        // "the attack on a Kuwaiti ship and comments by American
        // officials": a by-phrase after another noun is that noun's.
        if k > j && s.is(k, &["and", "or"]) && s.word(k + 1).is_some() {
            return Vec::new();
        }
        if s.is(k, &["by"]) {
            let mut head = s.head_from(k + 1);
            if head.is_none() {
                // "by three divisions of Iranian Revolutionary Guards": the
                // units of an actor are the actor's.
                let mut m = k + 1;
                let mut unit = false;
                while m < s.len() && m - k <= 5 {
                    match s.word(m) {
                        Some(w) if lexicon::is_state_noun(w) => unit = true,
                        Some(w) if lexicon::is_filler(w) || lexicon::is_modifier(w) => {}
                        _ => break,
                    }
                    m += 1;
                }
                if unit && s.is(m, &["of"]) {
                    let at = if s.is(m + 1, &["the"]) { m + 2 } else { m + 1 };
                    head = s.head_from(at);
                }
            }
            return head.map_or_else(Vec::new, |h| s.conjuncts(h));
        }
        k += 1;
    }
    Vec::new()
}

/// True when a modal of possibility stands before the verb at `i`, past
/// auxiliaries and adverbs: "could hit", "would not have attacked".
fn hypothetical(s: &Sentence, i: usize) -> bool {
    let mut k = i;
    while k > 0 && i - k < 4 {
        match s.word(k - 1) {
            Some("could" | "would" | "might" | "may" | "should") => return true,
            Some(w) if lexicon::is_filler(w) => k -= 1,
            _ => return false,
        }
    }
    false
}

/// True when the verb at `i` is passive: a form of "be" just before it, or a
/// participle followed by "by" ("soldiers captured by Hezbollah").
fn passive(s: &Sentence, i: usize, j: usize) -> bool {
    // "was struck", "had been fired at".
    let participle = (i..j).any(|k| s.word(k).is_some_and(lexicon::is_participle));
    if !participle {
        return false;
    }
    let mut k = i;
    while k > 0 {
        match s.word(k - 1) {
            Some(w) if lexicon::is_be(w) => return true,
            Some(w) if lexicon::is_filler(w) || lexicon::class(w) == WordClass::Negation => k -= 1,
            _ => break,
        }
    }
    s.is(j, &["by"])
}

fn verb(s: &Sentence, p: &Pattern, t: &Trigger, i: usize, j: usize, hits: &mut Vec<Hit>) {
    if denied(s, i) {
        return;
    }
    // "the armed faction", "the Iran-backed Hezbollah": a participle that
    // qualifies a noun, not a verb.
    let determiner = |k: usize| s.is(k, &["the", "a", "an", "its", "their", "his", "her", "s"]);
    let qualifies = i > 0
        && (determiner(i - 1)
            // "Palestinian targets", "Iranian attacks": a noun after a demonym.
            || s.actor_at(i - 1).is_some_and(|a| s.actor(a).mention == MentionKind::Demonym)
            // "the Iran-backed Hezbollah", but not "the United States
            // warned Iran": only a participle joined by a hyphen.
            || s.joined(i)
            // "The U.S. attack represents", "an Arab fund to assist": a bare
            // trigger after a determiner and one qualifier is a noun.
            || (i > 1
                && s.is(i - 2, &["the", "a", "an"])
                && s.actor_at(i - 1).is_some_and(|a| s.actor(a).mention != MentionKind::Demonym)
                && s.word(i).is_some_and(base_form)
                && s.word(j).is_some_and(|w| !matches!(lexicon::class(w), WordClass::Determiner))
));
    if qualifies {
        return;
    }
    // "threatened to attack Kuwait", "vowed to strike": a threat opposes;
    // "plans to attack" is an intent, no relation.
    let intent = if p.kind == EdgeKind::Attacks {
        intent_before(s, i)
    } else {
        None
    };
    if intent == Some(false) {
        return;
    }
    // "could hit the Senate", "would strike": a hypothetical attack. Under
    // a warning it is a threat, and the one who warns opposes the target:
    // "Halevi warned that Hezbollah members would be struck".
    let mut warner = None;
    if p.kind == EdgeKind::Attacks && hypothetical(s, i) {
        let who = warned_by(s, i);
        if who.is_empty() {
            return;
        }
        warner = Some(who);
    }
    // "threatened to block Japanese firms" opposes Japan, but "threatened
    // to follow Brazil" does not oppose Brazil.
    if p.kind == EdgeKind::Opposes
        && s.is(j, &["to"])
        && lexicon::intent(&t.text) == Some(true)
        && s.is(j + 1, &["follow", "emulate", "join", "copy", "imitate"])
    {
        return;
    }
    // "nominate a member of the coalition", "sent a unit of": a noun
    // trigger is a membership only after a copula, a comma or "as" ("is
    // a member of", "Sudani, a member of", "became part of").
    if p.kind == EdgeKind::MemberOf
        && t.words()
            .first()
            .is_some_and(|w| matches!(w.as_str(), "a" | "an" | "member" | "part"))
        && !copula_before(s, i)
    {
        return;
    }
    // "The U.S. and Britain were joined by West Germany in voting no":
    // joined in a deed, not a member.
    if p.kind == EdgeKind::MemberOf && t.text.starts_with("join") && s.is(j, &["by"]) {
        return;
    }
    let from = hits.len();
    // "is allied with", "is aligned with": a state, not a passive.
    let state = p.kind == EdgeKind::AlliedWith && !s.is(j, &["by"]);
    let (agents, patients, venue) = if !state && passive(s, i, j) {
        let agents = by_agent(s, j);
        let be = i > 0 && s.word(i - 1).is_some_and(lexicon::is_be);
        let patients = if !be && s.is(j, &["by"]) {
            // A reduced relative: the phrase just before the participle,
            // or before its comma ("Hezbollah, backed by Iran, remains").
            if i > 0 && s.actor_at(i - 1).is_some() && s.can_fill(i - 1) {
                vec![i - 1]
            } else if let Some(x) = apposition_head(s, i) {
                // "Hezbollah, a Lebanese group backed by Iran".
                s.conjuncts(x)
            } else if i > 1
                && s.is(i - 1, &[","])
                && s.actor_at(i - 2).is_some()
                && s.can_fill(i - 2)
                && s.governing_preposition(i - 2).is_none()
            {
                s.conjuncts(i - 2)
            } else {
                Vec::new()
            }
        } else {
            let subject = subject(s, i);
            if subject.is_empty() && p.kind == EdgeKind::Attacks {
                thing_of_before(s, i)
            } else {
                subject
            }
        };
        (agents, patients, None)
    } else {
        let (mut objects, venue) = object(s, p, t, j);
        // "helped shoot down Iranian missiles", "help counteract a U.S.
        // recession": the help is with a deed, whose object it is.
        if p.kind == EdgeKind::Supports
            && t.text.starts_with("help")
            && s.word(j).is_some_and(|w| {
                lexicon::class(w) == WordClass::Other
                    && !lexicon::is_modifier(w)
                    && !lexicon::is_filler(w)
                    && w.bytes().all(|b| b.is_ascii_lowercase())
            })
        {
            objects.clear();
        }
        if matches!(p.kind, EdgeKind::Supports | EdgeKind::Opposes) && trade(s, p, j, &objects) {
            objects.clear();
        }
        // "such a dismantling would mainly hit West German farmers".
        if p.kind == EdgeKind::Attacks
            && t.text.starts_with("hit")
            && objects.iter().max().is_some_and(|&last| {
                (j..(last + 4).min(s.len()))
                    .take_while(|&k| k <= last || !s.is_boundary(k))
                    .any(|k| s.word(k).is_some_and(lexicon::is_economic_victim))
            })
        {
            objects.clear();
        }
        // "welcomed US strikes on Islamic State": a deed of the actor is
        // no one met or spoken to.
        // Nor is a thing of the actor met: "Israel welcomed the U.S.
        // action", "Argentina has met IMF requirements". (After "told" or
        // "urged" a clause may follow with no "that": "told Reuters output
        // is running".)
        if matches!(p.kind, EdgeKind::Meets | EdgeKind::Communicates) {
            objects.retain(|&h| {
                !s.word(h + 1).is_some_and(|w| {
                    lexicon::is_attack_noun(w)
                        || (p.kind == EdgeKind::Meets
                            && !t.ends_with_preposition()
                            && !s.capital(h + 1)
                            && base_word(w)
                            && lexicon::class(w) == WordClass::Other
                            && !lexicon::is_filler(w)
                            && !matches!(
                                w,
                                "that"
                                    | "yesterday"
                                    | "today"
                                    | "tonight"
                                    | "tomorrow"
                                    | "earlier"
                                    | "later"
                                    | "last"
                                    | "this"
                                    | "about"
                                    | "he"
                                    | "she"
                                    | "it"
                                    | "they"
                                    | "we"
                                    | "its"
                                    | "his"
                                    | "her"
                                    | "their"
                                    | "how"
                                    | "what"
                                    | "why"
                                    | "when"
                                    | "where"
                                    | "whether"
                            )
                            && !lexicon::is_state_noun(w)
                            && !lexicon::is_title_word(w)
                            && !lexicon::is_person_noun(w))
                })
            });
        }
        // "The United States joined Israel in launching strikes": joined
        // in a deed, not as a member.
        if p.kind == EdgeKind::MemberOf
            && t.text.starts_with("join")
            && objects
                .iter()
                .any(|&h| s.is(h + 1, &["in"]) && s.word(h + 2).is_some_and(|w| w.ends_with("ing")))
        {
            objects.clear();
        }
        // "captured the town of Tabqah from the SDF": taken from an actor.
        if p.kind == EdgeKind::Attacks
            && t.text.split(' ').next().is_some_and(lexicon::is_taking)
            && let Some(from) = taken_from(s, j)
        {
            objects.extend(from);
        }
        let agents = subject(s, i);
        if objects.is_empty() {
            objects = object_relative(s, &agents, i);
        }
        (agents, objects, venue.or_else(|| venue_of(s, i)))
    };
    let (agents, patients) = if p.reverse {
        (patients, agents)
    } else {
        (agents, patients)
    };
    if let Some(who) = warner {
        // "Iran warned that Iraq would attack Kuwait" is no threat of
        // Iran's: only an act with no doer named, or the warner's own.
        if agents
            .iter()
            .any(|&a| s.actor_at(a) != who.first().and_then(|&w| s.actor_at(w)))
        {
            return;
        }
        emit(s, p, t, &who, &patients, None, hits);
        as_threat(&mut hits[from..], &format!("warned ... {}", t.text));
        return;
    }
    emit(s, p, t, &agents, &patients, venue, hits);
    if intent == Some(true) {
        let threat = s.word(i - 2).unwrap_or_default();
        as_threat(&mut hits[from..], &format!("{threat} to {}", t.text));
    }
}

/// True when the noun phrase at `i` follows a copula, a comma or "as",
/// past its determiners and qualifiers: "is a member of", "Ecuador, itself
/// a member of", "Indonesia, the only Asian member of", "became part of".
fn copula_before(s: &Sentence, i: usize) -> bool {
    let mut k = i;
    while k > 0 && i - k <= 4 {
        match s.tokens[k - 1] {
            Token::Word(w)
                if lexicon::is_be(w)
                    || matches!(
                        w,
                        "," | "as"
                            | "became"
                            | "becomes"
                            | "become"
                            | "remains"
                            | "remained"
                            | "remain"
                    ) =>
            {
                return true;
            }
            Token::Word(w)
                if lexicon::is_filler(w)
                    || lexicon::is_modifier(w)
                    || matches!(
                        w,
                        "itself" | "only" | "founding" | "full" | "key" | "leading"
                    ) =>
            {
                k -= 1
            }
            // "the only Asian member of OPEC".
            Token::Actor(a) if s.actor(a).mention == MentionKind::Demonym => k -= 1,
            Token::Word(w) if s.capital(k - 1) && w.ends_with("an") => k -= 1,
            _ => return false,
        }
    }
    false
}

/// The subject of a copula right before the noun at `i`, past its article
/// and fillers: "Abbas is also president of", "Fidan was the head of".
fn copula_subject(s: &Sentence, i: usize) -> Vec<usize> {
    let mut k = i;
    while k > 0 && i - k <= 3 {
        match s.word(k - 1) {
            Some(w) if lexicon::is_be(w) || matches!(w, "became" | "becomes" | "remains") => {
                // Not a passive's auxiliary, nor "being".
                if matches!(w, "being" | "get" | "got" | "gets") {
                    return Vec::new();
                }
                return subject(s, k - 1);
            }
            Some(w) if lexicon::is_filler(w) || matches!(w, "the" | "a" | "an") => k -= 1,
            _ => return Vec::new(),
        }
    }
    Vec::new()
}

/// Whether the act at `v` is intended, not done: `Some(true)` after a word
/// of threat and "to" ("threatened to attack", "vowed to carry out"),
/// `Some(false)` after one of plan or wish ("plans to strike"), `None`
/// otherwise.
fn intent_before(s: &Sentence, v: usize) -> Option<bool> {
    (v >= 2 && s.is(v - 1, &["to"]))
        .then(|| s.word(v - 2).and_then(lexicon::intent))
        .flatten()
}

/// Who warns of the act at `i`: the subject of a verb of warning that the
/// clause of `i` is the complement of ("Halevi warned that ... would be
/// struck", "Tehran threatened it would hit").
fn warned_by(s: &Sentence, i: usize) -> Vec<usize> {
    let Some(r) = clause_verb(s, i) else {
        return Vec::new();
    };
    if s.is(
        r,
        &[
            "warned",
            "warns",
            "warning",
            "threatened",
            "threatens",
            "cautioned",
        ],
    ) {
        subject(s, r)
    } else {
        Vec::new()
    }
}

/// A threatened attack opposes its target: the hits become `opposes`,
/// with the threat's words as their trigger.
fn as_threat(hits: &mut [Hit], trigger: &str) {
    for hit in hits {
        hit.kind = EdgeKind::Opposes;
        hit.trigger = trigger.to_string();
    }
}

/// True when the object of a verb of support or opposition ending at `j`
/// is a trade in goods: a word of trade between the verb and the end of the
/// object's phrase, or right after it.
fn trade(s: &Sentence, p: &Pattern, j: usize, objects: &[usize]) -> bool {
    let trade = if p.kind == EdgeKind::Opposes {
        lexicon::is_goods
    } else {
        lexicon::is_commerce
    };
    let Some(&last) = objects.iter().max() else {
        return false;
    };
    // The object's phrase, and what stays in it after the name: "South
    // Africa with about 30 pct of its crude imports".
    let mut end = last + 1;
    while end < s.len()
        && end - last <= 8
        && s.word(end).is_some_and(|w| {
            trade(w)
                || lexicon::is_modifier(w)
                || matches!(w, "s" | "of" | "with" | "about" | "its" | "their" | "crude")
                || w.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        })
    {
        end += 1;
    }
    (j..end).any(|k| s.word(k).is_some_and(trade))
}

/// The actors in a "from" phrase of the clause after token `j`, before the
/// clause ends: whom a place or a thing was taken from.
fn taken_from(s: &Sentence, j: usize) -> Option<Vec<usize>> {
    let end = (j + REACH).min(s.len());
    let mut k = j;
    while k < end && !s.is_boundary(k) && !s.is(k, &[";"]) {
        if s.actor_at(k).is_some()
            && s.governing_preposition(k) == Some("from")
            && s.can_fill(k)
            && s.kind(k) != Some(EntityType::Place)
        {
            let head = s.head_from(s.phrase_start(k))?;
            return Some(s.conjuncts(head));
        }
        k += 1;
    }
    None
}

/// The actor whose thing is the subject of the passive verb at `i`: "two
/// vehicles of the PKK were hit by Turkish drones" hit the PKK.
fn thing_of_before(s: &Sentence, i: usize) -> Vec<usize> {
    let mut k = i;
    while k > 0
        && s.word(k - 1)
            .is_some_and(|w| lexicon::is_be(w) || lexicon::is_filler(w))
    {
        k -= 1;
    }
    if k == i {
        return Vec::new();
    }
    // "of the PKK in Sulaymaniyah province were hit": past where it was.
    let mut m = k;
    while m > 0 && s.word(m - 1).is_some_and(lexicon::is_place_noun) {
        m -= 1;
    }
    if m > 0
        && s.kind(m - 1) == Some(EntityType::Place)
        && matches!(s.governing_preposition(m - 1), Some("in" | "near" | "at"))
    {
        k = s.phrase_start(m - 1);
        while s.word(k - 1).is_some_and(lexicon::is_direction) {
            k -= 1;
        }
        k -= 1;
    }
    if k == 0 || s.actor_at(k - 1).is_none() || !s.can_fill(k - 1) {
        return Vec::new();
    }
    let start = s.phrase_start(k - 1);
    let of = if s.is(start.saturating_sub(1), &["the"]) {
        start.saturating_sub(2)
    } else {
        start.saturating_sub(1)
    };
    let thing = of.checked_sub(1).and_then(|t| s.word(t));
    if of > 0
        && s.is(of, &["of"])
        && thing.is_some_and(|w| lexicon::class(w) == WordClass::Other && !lexicon::is_idea(w))
    {
        vec![k - 1]
    } else {
        Vec::new()
    }
}

/// True for a verb's bare form, which can also be a noun ("attack", "fund",
/// "back"), unlike "attacked", "backs" or "funding".
fn base_form(word: &str) -> bool {
    word.len() > 2
        && word.bytes().all(|b| b.is_ascii_lowercase())
        && !word.ends_with("ed")
        && !word.ends_with('s')
        && !word.ends_with("ing")
        // Past forms without "-ed": "The IDF struck depots of Hezbollah"
        // ("hit" and "shot" are nouns too, but seldom after "the NAME").
        && !matches!(
            word,
            "struck"
                | "hit"
                | "shot"
                | "fought"
                | "overran"
                | "sank"
                | "took"
                | "retook"
                | "met"
                | "told"
                | "sold"
                | "led"
                | "held"
                | "won"
                | "drove"
                | "blew"
                | "threw"
                | "swept"
                | "stood"
                | "sent"
                | "gave"
                | "brought"
                | "beat"
        )
}

fn noun(s: &Sentence, p: &Pattern, t: &Trigger, i: usize, j: usize, hits: &mut Vec<Hit>) {
    if denied(s, i) {
        return;
    }
    // "the Iran-Iraq war on Kuwait's doorstep": a noun named by the pair
    // joined before it is theirs; the pair rule reads it, and what follows
    // is no target.
    if i >= 2 && s.actor_at(i - 1).is_some() && s.joined(i - 1) && s.actor_at(i - 2).is_some() {
        return;
    }
    // "offers talks with North Korea", "proposed a meeting with": a
    // proposal, not a meeting.
    if p.kind == EdgeKind::Meets
        && (i.saturating_sub(3)..i).any(|k| s.word(k).is_some_and(lexicon::proposes))
    {
        return;
    }
    let owners = matches!(p.kind, EdgeKind::Attacks | EdgeKind::Supports);
    // "support for the U.S. position": an idea of an actor is not the actor.
    if p.kind == EdgeKind::Supports
        && t.ends_with_preposition()
        && s.head_from(j).is_some_and(|h| owns_idea(s, h))
    {
        return;
    }
    let patients = if t.ends_with_preposition() {
        s.head_from(j)
            .or_else(|| owners.then(|| s.owner_from(j)).flatten())
            .map(|h| named_place(s, h).unwrap_or(h))
            .map_or_else(Vec::new, |h| s.conjuncts(h))
    } else {
        Vec::new()
    };
    let mut patients = patients;
    // "head of the US delegation", "head of the defence ministry political
    // department": a part is led, not the whole it belongs to.
    if matches!(p.kind, EdgeKind::Leads | EdgeKind::MemberOf) {
        const PARTS: &[&str] = &[
            "delegation",
            "team",
            "negotiators",
            "side",
            "department",
            "office",
            "bureau",
            "branch",
            "wing",
            "unit",
            "section",
            "directorate",
        ];
        patients.retain(|&h| {
            !(s.is(h + 1, PARTS)
                || (s
                    .word(h + 1)
                    .is_some_and(|w| lexicon::class(w) == WordClass::Other)
                    && s.is(h + 2, PARTS)))
        });
    }
    if patients.is_empty() && owners && t.ends_with_preposition() {
        // "an assault on the fronts of three Iraqi divisions".
        let mut k = j;
        while k < s.len()
            && k - j < 3
            && s.word(k)
                .is_some_and(|w| lexicon::class(w) == WordClass::Other || lexicon::is_modifier(w))
        {
            k += 1;
        }
        if k > j && s.is(k, &["of"]) {
            patients = s
                .owner_from(k + 1)
                .map_or_else(Vec::new, |h| s.conjuncts(h));
        }
    }
    if patients.is_empty() && !t.ends_with_preposition() {
        // "an Iranian missile attack last Friday on a U.S.-flagged tanker".
        let mut k = j;
        // "on" is a filler of dates ("on Friday"), else the target's
        // preposition ("an attack last Friday on a Kuwaiti ship").
        while k < s.len()
            && k - j < 4
            && s.word(k).is_some_and(lexicon::is_filler)
            && (!s.is(k, &["on"]) || s.word(k + 1).is_some_and(lexicon::is_weekday))
        {
            k += 1;
        }
        // "an Iranian offensive launched in January towards Basra", "a
        // major offensive, codenamed Karbala-5, towards": past the
        // participle, its time and the code name.
        if p.kind == EdgeKind::Attacks {
            let towards = ["towards", "toward", "into", "against", "on"];
            let mut m = k;
            while m < s.len() && m - j < 8 && !s.is(m, &towards) {
                match s.word(m) {
                    Some("codenamed" | "dubbed") => m += 2,
                    Some(w)
                        if lexicon::is_filler(w)
                            || w.bytes().all(|b| b.is_ascii_digit())
                            || matches!(
                                w,
                                "launched" | "mounted" | "begun" | "started" | "in" | ","
                            ) =>
                    {
                        m += 1
                    }
                    _ => break,
                }
            }
            if s.is(m, &towards) {
                k = m;
            }
        }
        // "the strikes by the United States on Islamic State": past the
        // doer (read below) to the target.
        if s.is(k, &["by"])
            && let Some(h) = s.head_from(k + 1)
        {
            k = s.conjuncts(h).last().map_or(h, |&m| m) + 1;
            while s.word(k).is_some_and(lexicon::is_state_noun) {
                k += 1;
            }
        }
        if s.is(k, &["on", "against", "towards", "toward", "into"]) {
            patients = s
                .head_from(k + 1)
                .or_else(|| owners.then(|| s.owner_from(k + 1)).flatten())
                .map(|h| named_place(s, h).unwrap_or(h))
                .map_or_else(Vec::new, |h| s.conjuncts(h));
        }
    }
    if patients.is_empty() && p.kind == EdgeKind::Attacks {
        // "Iraq repelled an Iranian attack", "came under Iranian attack",
        // "crushed an Iranian attack on a mountain peak": aimed at the
        // subject of the verb before it.
        patients = defended(s, i);
    }
    // "Nasrallah died in the Israeli strike on south Beirut": the dead were
    // its target too, whoever the pattern's target may be.
    let mut victims = Vec::new();
    if p.kind == EdgeKind::Attacks && !p.reverse {
        victims = killed_in(s, i, j);
        victims.retain(|v| !patients.contains(v));
    }
    let mut agents = modifier_agent(s, i);
    if agents.is_empty() {
        let after = patients.last().filter(|&&h| h > i).map_or(j, |&h| h + 1);
        agents = by_agent(s, after);
        // "the offensive by Israel on Hamas": the doer before the target.
        if agents.is_empty() && s.is(j, &["by"]) {
            agents = by_agent(s, j);
        }
    }
    // The verb of "could launch an attack", "threatened to carry out
    // strikes": its mood is the event's.
    let mut light_verb = None;
    if agents.is_empty() {
        (agents, light_verb) = light_verb_agent(s, i);
    }
    let mut threat = None;
    // "European powers may reimpose sanctions on Iran", "urged the U.S. to
    // impose sanctions against Japan", "vetoed a resolution to impose
    // sanctions", "if Washington imposes sanctions": a measure possible,
    // asked for, refused or conditional is none; "Reagan's decision to
    // impose sanctions" is taken.
    if p.kind == EdgeKind::Opposes
        && let Some(v) = light_verb
    {
        let infinitive = v >= 2
            && s.is(v - 1, &["to"])
            && !s.is(
                v - 2,
                &["decision", "decided", "agreed", "voted", "moved", "began"],
            );
        let start = clause_start(s, v);
        let conditional = start > 0 && s.is(start - 1, &["if", "unless", "whether"]);
        if hypothetical(s, v) || infinitive || conditional {
            return;
        }
    }
    if p.kind == EdgeKind::Attacks
        && let Some(v) = light_verb
    {
        // As for the verb itself: a hypothetical attack or a planned one is
        // none; a threatened one opposes.
        if hypothetical(s, v) {
            return;
        }
        match intent_before(s, v) {
            Some(false) => return,
            Some(true) => {
                // "threatened to carry out strikes on".
                let mut words = vec![s.word(v - 2).unwrap_or_default(), "to"];
                words
                    .extend((v..i).map_while(|k| s.word(k).filter(|&w| lexicon::is_light_verb(w))));
                threat = Some(words.join(" "));
            }
            None => {}
        }
    }
    if agents.is_empty() {
        agents = pp_agent(s, i);
    }
    // "Abbas is also president of the Palestinian Authority": the
    // copula's subject holds the office.
    if agents.is_empty() && matches!(p.kind, EdgeKind::Leads | EdgeKind::AlliedWith) {
        agents = copula_subject(s, i);
    }
    // Only after an opening prepositional phrase, or a title the name
    // after the comma stands in apposition to ("The head of the defence
    // ministry's department, Abdul Jabbar Muhsen, told"); not across a
    // verb ("The head of the US delegation was ..., Steve Witkoff").
    let opening = s
        .word(0)
        .is_some_and(|w| lexicon::class(w) == WordClass::Preposition)
        || (j..s.len()).take_while(|&k| !s.is(k, &[","])).all(|k| {
            s.word(k).is_none_or(|w| {
                !lexicon::is_be(w)
                    && !matches!(
                        lexicon::class(w),
                        WordClass::Auxiliary | WordClass::Reporting
                    )
            })
        });
    // "The head of X, Name, told": a title that opens the sentence, not
    // one after a name ("Abbas, president of the PA, met Sisi").
    let opening = opening && (0..i).all(|k| s.actor_at(k).is_none() && !s.is(k, &[","]));
    if agents.is_empty() && i <= 2 && opening {
        // "After talks with Aoun, Mikati said": the sentence's subject, the
        // phrase right after the comma; "In an interview with Reuters,
        // Eyskens said ... the U.S." names nobody the gazetteer knows.
        let comma = (j..s.len()).find(|&k| s.is(k, &[","]));
        agents = comma
            .map(|c| first_core(s, c + 1, s.len()))
            .unwrap_or_default()
            .into_iter()
            .filter(|&a| comma.is_some_and(|c| s.phrase_start(a) <= c + 2))
            .filter(|a| !patients.contains(a))
            .take(1)
            .collect();
    }
    let (agents, patients) = if p.reverse {
        (patients, agents)
    } else {
        (agents, patients)
    };
    let from = hits.len();
    emit(s, p, t, &agents, &patients, None, hits);
    if !victims.is_empty() && !agents.is_empty() {
        let mut q = p.clone();
        q.b.push(Slot::Person);
        emit(s, &q, t, &agents, &victims, None, hits);
    }
    if let Some(threat) = threat {
        as_threat(&mut hits[from..], &format!("{threat} {}", t.text));
    }
}

/// The subject of the clause when the event noun at `i` sits in a
/// prepositional phrase after its verb ("Sudani emphasized during a call
/// with Erdogan", "Fahd said in an interview with Reuters").
fn pp_agent(s: &Sentence, i: usize) -> Vec<usize> {
    let mut k = i;
    while k > 0 && i - k <= 4 {
        match s.tokens[k - 1] {
            Token::Word(
                "during" | "in" | "at" | "after" | "before" | "following" | "via" | "by",
            ) => {
                // "Tindemans said after talks with King Hussein": the
                // subject of the verb the phrase follows.
                if k >= 2
                    && s.word(k - 2)
                        .is_some_and(|w| lexicon::class(w) == WordClass::Reporting)
                {
                    return subject(s, k - 2);
                }
                return subject(s, k - 1);
            }
            // "flew to Ankara for talks with Erdogan", "arrived for talks
            // with": a journey's purpose; not "called for talks with".
            Token::Word("for") if k >= 2 && journey_before(s, k - 1) => {
                return subject(s, k - 1);
            }
            Token::Word(w) if lexicon::is_event_modifier(w) || lexicon::is_filler(w) => k -= 1,
            _ => return Vec::new(),
        }
    }
    Vec::new()
}

/// True when a journey ends right before token `at`: a place after "to"
/// or "in" ("flew to Ankara"), or a verb or noun of travel ("arrived",
/// "a one-day visit").
fn journey_before(s: &Sentence, at: usize) -> bool {
    let Some(k) = at.checked_sub(1) else {
        return false;
    };
    if s.kind(k) == Some(EntityType::Place) {
        return matches!(s.governing_preposition(k), Some("to" | "in"));
    }
    s.word(k).is_some_and(|w| {
        matches!(
            w,
            "arrived"
                | "arrives"
                | "arrive"
                | "visit"
                | "trip"
                | "flew"
                | "travelled"
                | "traveled"
                | "went"
                | "came"
                | "returned"
        )
    })
}

/// The subject of a verb of defence before the event noun at `i` ("Iraq
/// repelled an overnight Iranian attack").
fn defended(s: &Sentence, i: usize) -> Vec<usize> {
    let mut k = i;
    while k > 0 && i - k <= 5 {
        match s.tokens[k - 1] {
            Token::Word(w) if lexicon::is_defence_verb(w) => {
                let mut v = k - 1;
                if w == "under" && v > 0 && s.is(v - 1, &["came", "come", "comes", "coming"]) {
                    v -= 1;
                }
                return subject(s, v);
            }
            Token::Word(w) if lexicon::is_event_modifier(w) || lexicon::is_filler(w) => k -= 1,
            Token::Actor(a) if s.actor(a).mention == MentionKind::Demonym => k -= 1,
            _ => return Vec::new(),
        }
    }
    Vec::new()
}

/// Those killed in the attack whose noun is at `i` (its phrase ending at
/// `j`): "Shukr was killed in an Israeli strike", "Nasrallah died in the
/// Israeli strike", "Among those killed in the Israeli strikes were
/// Salami and Bagheri".
fn killed_in(s: &Sentence, i: usize, j: usize) -> Vec<usize> {
    let mut k = i;
    while k > 0 && i - k <= 5 {
        match s.tokens[k - 1] {
            Token::Word("in") => break,
            Token::Word(w)
                if lexicon::is_event_modifier(w)
                    || lexicon::class(w) == WordClass::Determiner
                    || w == "s" =>
            {
                k -= 1
            }
            Token::Actor(a) if s.actor(a).mention == MentionKind::Demonym || s.is(k, &["s"]) => {
                k -= 1
            }
            _ => return Vec::new(),
        }
    }
    if k < 2 || !s.is(k - 1, &["in"]) {
        return Vec::new();
    }
    let v = k - 2;
    if !s.is(
        v,
        &[
            "killed", "died", "wounded", "injured", "dead", "martyred", "slain",
        ],
    ) {
        return Vec::new();
    }
    if v > 0 && s.is(v - 1, &["those"]) {
        // "Among those killed in ... were X and Y".
        let end = (j..s.len()).find(|&m| s.is_boundary(m)).unwrap_or(s.len());
        return match (j..end).find(|&m| s.word(m).is_some_and(lexicon::is_be)) {
            // The people named, not the bodies their titles name ("IRGC
            // commander-in-chief Hossein Salami").
            Some(be) => (be + 1..end)
                .filter(|&m| s.kind(m) == Some(EntityType::Person))
                .collect(),
            None => Vec::new(),
        };
    }
    subject(s, v)
}

/// The actor that owns or qualifies an event noun: "Israel's strikes",
/// "Israeli strikes", "the US drone strike".
fn modifier_agent(s: &Sentence, i: usize) -> Vec<usize> {
    let mut k = i;
    while k > 0 && i - k <= 4 {
        match s.tokens[k - 1] {
            Token::Actor(a) => {
                let actor = s.actor(a);
                // "the Syrian leader's visit": the leader's, not Syria's.
                let titled = s.word(k).is_some_and(lexicon::is_title_word);
                if titled {
                    return Vec::new();
                }
                if actor.mention == MentionKind::Demonym || s.can_fill(k - 1) || s.is(k, &["s"]) {
                    return vec![k - 1];
                }
                return Vec::new();
            }
            Token::Word("s") => k -= 1,
            // "reaffirmed its backing for", "in its war with Iraq".
            Token::Word("its" | "their") => return possessor(s, k - 1),
            // "briefed Aoun on his talks with Resnick".
            Token::Word("his" | "her") => return personal_possessor(s, k - 1),
            Token::Word(w) if lexicon::is_event_modifier(w) && !lexicon::is_light_verb(w) => k -= 1,
            // "Hamas' unprecedented attack": after an owner's possessive,
            // any word before the noun qualifies it.
            Token::Word(w)
                if lexicon::class(w) == WordClass::Other
                    && w.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
                    && ((k >= 3 && s.is(k - 2, &["s"]) && s.actor_at(k - 3).is_some())
                        || (k >= 2 && s.actor_at(k - 2).is_some() && s.apostrophe(k - 2))) =>
            {
                k -= 1
            }
            _ => return Vec::new(),
        }
    }
    Vec::new()
}

/// The subject of a light verb before an event noun ("Israel carried out
/// strikes on", "Iran launched an offensive against"), and where the verb
/// is.
fn light_verb_agent(s: &Sentence, i: usize) -> (Vec<usize>, Option<usize>) {
    let mut k = i;
    while k > 0 && i - k <= 4 {
        match s.word(k - 1) {
            Some(w) if lexicon::is_light_verb(w) => {
                let mut v = k - 1;
                // "carried out": the verb before its particle.
                while v > 0 && s.word(v - 1).is_some_and(lexicon::is_light_verb) {
                    v -= 1;
                }
                return (subject(s, v), Some(v));
            }
            Some(w) if lexicon::is_modifier(w) || lexicon::class(w) == WordClass::Other => k -= 1,
            _ => return (Vec::new(), None),
        }
    }
    (Vec::new(), None)
}

/// "Iran-backed Hezbollah": the actor joined to the participle acts on the
/// phrase the participle qualifies.
fn adjective(s: &Sentence, p: &Pattern, t: &Trigger, i: usize, j: usize, hits: &mut Vec<Hit>) {
    if i == 0 || s.actor_at(i - 1).is_none() {
        return;
    }
    let agents = vec![i - 1];
    let mut k = j;
    while k < s.len() && k - j < 3 && s.actor_at(k).is_none() {
        if !s.word(k).is_some_and(lexicon::is_modifier) {
            // "Iran-backed militias such as the PMF", "Iran-backed groups,
            // including Kataib Hezbollah": the examples are the ones. The
            // list may follow the noun or a modifier that is a noun
            // ("militias").
            let list = if s.is(k, &["as"]) && s.is(k - 1, &["such"]) {
                k - 1
            } else if s.is(k, &[",", "such", "including", "like"]) {
                k
            } else {
                k + 1
            };
            let Some(first) = first_example(s, list) else {
                return;
            };
            k = first;
            break;
        }
        k += 1;
    }
    // Only the phrase it qualifies and those after it: "between Israel
    // and the Iran-backed Hezbollah" says nothing of Israel.
    // And only that phrase: "the U.S.-allied SDF and the PKK" says nothing
    // of the PKK.
    let patients: Vec<usize> = s.head_from(k).into_iter().collect();
    let (agents, patients) = if p.reverse {
        (patients, agents)
    } else {
        (agents, patients)
    };
    emit(s, p, t, &agents, &patients, None, hits);
}

/// The first actor of a list of examples that starts at token `at` (", such
/// as the PMF", "including Kataib Hezbollah", "like ...").
fn first_example(s: &Sentence, at: usize) -> Option<usize> {
    let mut m = at;
    if s.is(m, &[","]) {
        m += 1;
    }
    if s.is(m, &["such"]) && s.is(m + 1, &["as"]) {
        m += 2;
    } else if s.is(m, &["including", "like"]) {
        m += 1;
    } else {
        return None;
    }
    if s.is(m, &["the"]) {
        m += 1;
    }
    s.actor_at(m).map(|_| m)
}

/// The legacy forms: the nearest fitting actors within `gap` words.
fn legacy(s: &Sentence, p: &Pattern, t: &Trigger, i: usize, j: usize, hits: &mut Vec<Hit>) {
    // Not past "and" or the clause's start: in "the commission named to
    // investigate arms sales to Iran and led by Tower" the phrase led is the
    // one before the conjunction, not Iran.
    let before = |admit: &dyn Fn(usize) -> bool| {
        (i.saturating_sub(p.gap + 1)..i)
            .rev()
            .take_while(|&k| !s.is(k, &["and"]) && !s.is_boundary(k))
            .find(|&k| s.actor_at(k).is_some() && s.can_fill(k) && admit(k))
    };
    let after = |admit: &dyn Fn(usize) -> bool| {
        (j..(j + p.gap + 1).min(s.len()))
            .find(|&k| s.actor_at(k).is_some() && s.can_fill(k) && admit(k))
    };
    // "negotiations in Damascus led by Abdi": a place in an "in" or "at"
    // phrase is where, never who.
    let venue = |k: usize| {
        in_place_phrase(s, k) && !matches!(p.kind, EdgeKind::Visits | EdgeKind::LocatedIn)
    };
    let fits_a = |k: usize| p.admits_a(s.actor(s.actor_at(k).expect("an actor"))) && !venue(k);
    let fits_b = |k: usize| p.admits_b(s.actor(s.actor_at(k).expect("an actor"))) && !venue(k);
    let pair = match p.form {
        Form::ActorFirst => before(&fits_a).zip(after(&fits_b)),
        // "headed by Senate Majority Leader Robert Dole": the person the
        // title names, not the body before it.
        _ => after(&|_| true)
            .and_then(|k| titled(s, k, s.len()).first().copied())
            .filter(|&k| fits_a(k))
            .zip(before(&fits_b)),
    };
    // "Iran was led by Foreign Minister Araghchi": a minister or an envoy
    // leads a delegation, not the state.
    let subordinate = |a: usize| {
        (j..a).any(|k| {
            s.is(
                k,
                &["envoy", "ambassador", "spokesman", "negotiator", "deputy"],
            ) || (s.is(k, &["minister"]) && !(k > 0 && s.is(k - 1, &["prime"])))
        })
    };
    if let Some((a, b)) = pair {
        if p.kind == EdgeKind::Leads && a > j && subordinate(a) {
            return;
        }
        emit(s, p, t, &[a], &[b], None, hits);
    }
}

/// Reciprocal triggers: "talks between A and B", "A and B met", "the Iran-Iraq
/// war". A directed type is emitted both ways.
fn pair(s: &Sentence, p: &Pattern, t: &Trigger, i: usize, j: usize, hits: &mut Vec<Hit>) {
    if denied(s, i) {
        return;
    }
    // "the threatened trade war between the United States and Japan": a
    // war of trade, prices or words is no fighting.
    if p.kind == EdgeKind::Attacks
        && i > 0
        && s.is(
            i - 1,
            &["trade", "price", "tariff", "currency", "propaganda"],
        )
    {
        return;
    }
    // "talks ... between": the words a trigger skips stay in one clause.
    if (i..j).any(|k| s.is_boundary(k) || s.is(k, &[","])) {
        return;
    }
    let members: Vec<usize> = match p.form {
        Form::PairAfter => {
            let Some(first) = (j..(j + p.gap + 1).min(s.len()))
                .find(|&k| s.actor_at(k).is_some() && s.can_fill(k))
            else {
                return;
            };
            // "between US envoy Steve Witkoff and ...": the phrase's head.
            let head = if t.text.ends_with("between") {
                s.head_from(first).filter(|&h| h >= first).unwrap_or(first)
            } else {
                first
            };
            s.conjuncts(head)
        }
        Form::PairBefore => {
            let mut k = i;
            while k > 0 && s.word(k - 1).is_some_and(lexicon::is_filler) {
                k -= 1;
            }
            if k > 0 && s.word(k - 1).is_some_and(|w| matches!(w, "which" | "who")) {
                // "Iran and Iraq, which have been at war".
                antecedent(s, k - 1)
            } else if k == 0 || s.actor_at(k - 1).is_none() || !s.can_fill(k - 1) {
                return;
            } else {
                s.conjuncts(k - 1)
            }
        }
        _ => {
            // "A B T": two actors right before the trigger.
            if i < 2 || s.actor_at(i - 1).is_none() || s.actor_at(i - 2).is_none() {
                return;
            }
            vec![i - 2, i - 1]
        }
    };
    if members.len() < 2 {
        return;
    }
    // "Sudani and Sharaa met in Doha": the place is the venue.
    let venue = if p.kind == EdgeKind::Meets {
        venue_of(s, i).filter(|v| !members.contains(v))
    } else {
        None
    };
    let from = hits.len();
    for (n, &a) in members.iter().enumerate() {
        for &b in &members[n + 1..] {
            emit(s, p, t, &[a], &[b], venue, hits);
            if p.kind.is_directed() {
                emit(s, p, t, &[b], &[a], venue, hits);
            }
        }
    }
    // "Britain and Japan clashed over access to the Tokyo exchange": a
    // clash over an issue is one of words.
    let mut k = j;
    while s.word(k).is_some_and(lexicon::is_filler) {
        k += 1;
    }
    if p.kind == EdgeKind::Attacks && t.text.starts_with("clash") && s.is(k, &["over"]) {
        for hit in &mut hits[from..] {
            hit.kind = EdgeKind::Opposes;
        }
    }
}

/// Every agent with every patient, where the pattern admits them.
fn emit(
    s: &Sentence,
    p: &Pattern,
    t: &Trigger,
    agents: &[usize],
    patients: &[usize],
    venue: Option<usize>,
    hits: &mut Vec<Hit>,
) {
    for &a in agents {
        for &b in patients {
            let (Some(x), Some(y)) = (s.actor_at(a), s.actor_at(b)) else {
                continue;
            };
            if x == y || !p.admits_a(s.actor(x)) || !p.admits_b(s.actor(y)) {
                continue;
            }
            // A capital that stands for its government goes nowhere:
            // "had left Tehran ... and would arrive in London".
            if p.kind == EdgeKind::Visits && s.actor(x).seat {
                continue;
            }
            if inside_a_name(s, a) || inside_a_name(s, b) || s.negated(a) || s.negated(b) {
                continue;
            }
            // "aid to the Nicaraguan rebels": a demonym before the state's
            // foes is not the state ("Latin American opposition to" is the
            // event noun itself).
            let insurgents = |k: usize, actor: usize| {
                s.actor(actor).mention == MentionKind::Demonym
                    && s.word(k + 1).is_some_and(lexicon::is_insurgent_noun)
                    && !(s.is(k + 1, &["opposition"]) && s.is(k + 2, &["to"]))
            };
            if insurgents(a, x) || insurgents(b, y) {
                continue;
            }
            hits.push(Hit {
                source: x,
                target: y,
                kind: p.kind,
                trigger: t.text.clone(),
                rule: p.id.clone(),
                venue: venue.and_then(|v| s.actor_at(v)),
            });
            if p.both {
                hits.push(Hit {
                    source: y,
                    target: x,
                    kind: p.kind,
                    trigger: t.text.clone(),
                    rule: p.id.clone(),
                    venue: venue.and_then(|v| s.actor_at(v)),
                });
            }
        }
    }
}

/// True when the place at token `k` only qualifies a noun or is part of a
/// name the gazetteer does not know: a city after "a" ("a New York
/// Republican") or next to such a name ("the New York Stock Exchange",
/// "marketing manager Deogracias Madrid"); a state between two such words
/// ("Esso Malaysia Bhd, a unit of Exxon").
fn inside_a_name(s: &Sentence, k: usize) -> bool {
    let Some(z) = s
        .actor_at(k)
        .filter(|&z| s.actor(z).kind == EntityType::Place)
    else {
        return false;
    };
    let after = s.unknown_name(k + 1);
    // "Amoco Canada is a unit of Amoco Corp": a state right after a
    // company's name is the name of its branch there.
    // ("Non-OPEC Egypt" is Egypt.)
    if s.actor(z).state && k > 0 && s.kind(k - 1) == Some(EntityType::Group) && !s.joined(k - 1) {
        return true;
    }
    if s.actor(z).state {
        s.actor(z).mention != MentionKind::Demonym
            && k > 0
            && s.name_like(k - 1)
            && (after || s.is(k + 1, &[","]))
    } else {
        (k > 0 && (s.is(k - 1, &["a", "an"]) || s.unknown_name(k - 1))) || after
    }
}

/// Titles between a person and the body or state they are a title of:
/// "Iraqi Prime Minister Sudani", "Hezbollah's senior commander Ali",
/// "Sudani, the prime minister of Iraq,", "the leader of HTS, Jolani",
/// "President Assad of Syria".
/// `vocabulary` holds the words of the titles the patterns know ("war
/// enemy"); the modifiers of the lexicon may stand among them.
pub fn titles(
    s: &Sentence,
    titles: &[(&Pattern, &Trigger)],
    vocabulary: &rustc_hash::FxHashSet<String>,
    hits: &mut Vec<Hit>,
) {
    let title_word = |w: &str| {
        (lexicon::is_modifier(w)
            || vocabulary.contains(w)
            || lexicon::is_honorific(w)
            || matches!(w, "in" | "of" | "arms" | "staff"))
            && w != "the"
            && w != "a"
            && w != "an"
    };
    // "Trump's Middle East envoy Witkoff": the place after a person's
    // possessive is what the office is for, not whose.
    let for_place = |owner: usize| {
        owner >= 2
            && s.is(owner - 1, &["s"])
            && s.kind(owner - 2) == Some(EntityType::Person)
            && s.kind(owner) == Some(EntityType::Place)
    };
    for p_tok in 0..s.len() {
        if s.actor_at(p_tok).is_none() {
            continue;
        }
        // [X]['s] TITLE P, and the list after it: "OPEC members Gabon,
        // Algeria and Libya".
        let mut k = p_tok;
        while k > 0
            && (s.word(k - 1).is_some_and(title_word)
                // "Lt. Gen. Eyal Zamir": an abbreviated form of address.
                || (k > 1
                    && s.is(k - 1, &["."])
                    && s.word(k - 2).is_some_and(lexicon::is_honorific)))
            && !s.is(k - 1, &["its", "their", "his", "her"])
        {
            k -= 1;
        }
        // A title starts with a title word, not with "of" or "in".
        while k < p_tok && s.is(k, &["of", "in"]) {
            k += 1;
        }
        let words: Vec<&str> = (k..p_tok)
            .filter_map(|m| s.word(m))
            .filter(|&w| w != ".")
            .collect();
        // "Nicaraguan rebel leader Calero": the title is of a group against
        // the state, not of the state.
        let against = words.iter().any(|w| {
            matches!(
                *w,
                "rebel"
                    | "rebels"
                    | "opposition"
                    | "guerrilla"
                    | "insurgent"
                    | "dissident"
                    | "exiled"
            )
        });
        if against {
            continue;
        }
        if k > 0 && !words.is_empty() {
            let mut owner = k - 1;
            // "Iran's Gulf War enemy Iraq": a name before "war" names the war.
            if s.is(k, &["war"]) && owner > 0 && s.actor_at(owner).is_some() {
                owner -= 1;
            }
            if s.is(owner, &["s"]) && owner > 0 {
                owner -= 1;
            }
            // "Tehran blamed its Gulf War enemy Iraq".
            let owner = if s.is(owner, &["its", "their"]) {
                possessor(s, owner).first().copied().unwrap_or(owner)
            } else if s.is(owner, &["whose"]) {
                // "Fatah, whose leader Mahmoud Abbas".
                antecedent(s, owner).last().copied().unwrap_or(owner)
            } else {
                owner
            };
            if s.actor_at(owner).is_some()
                && !for_place(owner)
                && s.governing_preposition(owner).is_none_or(|p| p != "of")
            {
                // Only bare names share the title: "his Russian counterpart
                // Lavrov" has a title of its own.
                for holder in s.conjuncts(p_tok) {
                    // "... Nakasone and President Reagan": not bare.
                    let titled = holder > 0
                        && s.word(holder - 1)
                            .is_some_and(|w| vocabulary.contains(w) || lexicon::is_title_word(w));
                    let bare = !titled
                        && (s.phrase_start(holder) == holder
                            || (s.phrase_start(holder) + 1 == holder
                                && s.is(holder - 1, &["the"])));
                    // A singular title has one holder: "Japanese prime minister
                    // Nakasone and President Reagan"; a plural one names the
                    // list ("OPEC members Gabon, Algeria and Libya").
                    let plural = words
                        .last()
                        .is_some_and(|w| w.ends_with('s') && !w.ends_with("ss"));
                    if holder == p_tok || (holder > p_tok && bare && plural) {
                        title_hit(s, titles, &words, holder, owner, hits);
                    }
                }
            }
        }
        // TITLE P of X: "President Assad of Syria".
        if !words.is_empty()
            && s.is(p_tok + 1, &["of"])
            && let Some(owner) = s.head_from(p_tok + 2)
        {
            title_hit(s, titles, &words, p_tok, owner, hits);
        }
        // TITLE of X[,] P: "Prime Minister of Iraq Mohammed al-Sudani".
        // X['s] TITLE, P: "Kuwait's Oil Minister, Sheikh Ali al-Sabah".
        // A form of address may stand before P: "the speaker of the
        // Iranian Parliament, Hojatoleslam Akbar Hashemi Rafsanjani".
        let mut before = p_tok;
        while before > 0 && s.word(before - 1).is_some_and(lexicon::is_honorific) {
            before -= 1;
        }
        if before > 0 && s.is(before - 1, &[","]) {
            before -= 1;
            let mut t0 = before;
            while t0 > 0 && s.word(t0 - 1).is_some_and(title_word) {
                t0 -= 1;
            }
            let words: Vec<&str> = (t0..before).filter_map(|m| s.word(m)).collect();
            if t0 > 0 && !words.is_empty() {
                let mut owner = t0 - 1;
                if s.is(owner, &["s"]) && owner > 0 {
                    owner -= 1;
                }
                if s.actor_at(owner).is_some() && !for_place(owner) {
                    title_hit(s, titles, &words, p_tok, owner, hits);
                }
            }
        }
        if before > 0 && s.actor_at(before - 1).is_some() {
            let owner = before - 1;
            let start = s.phrase_start(owner);
            if start >= 2 && s.is(start - 1, &["of"]) {
                let mut t0 = start - 1;
                while t0 > 0 && s.word(t0 - 1).is_some_and(title_word) {
                    t0 -= 1;
                }
                let words: Vec<&str> = (t0..start - 1).filter_map(|m| s.word(m)).collect();
                if !words.is_empty() {
                    title_hit(s, titles, &words, p_tok, owner, hits);
                }
            }
        }
        // P, [who is [also]] [the] [X['s]] TITLE [of X],
        if s.is(p_tok + 1, &[","]) {
            let mut m = p_tok + 2;
            if s.is(m, &["who"]) && s.word(m + 1).is_some_and(lexicon::is_be) {
                m += 2;
                while s.is(m, &["also", "now", "still", "then"]) {
                    m += 1;
                }
            }
            let mut owner = None;
            if s.is(m, &["its", "their"]) {
                // "Iran, its enemy in the Gulf war".
                owner = possessor(s, m).first().copied();
            }
            if s.is(m, &["the", "a", "an", "its", "his", "her", "their"]) {
                m += 1;
            }
            // "Karam, a former Lebanese ambassador to Washington".
            let mut q = m;
            while s.word(q).is_some_and(|w| {
                matches!(
                    w,
                    "former" | "then" | "current" | "new" | "late" | "veteran" | "outgoing"
                )
            }) {
                q += 1;
            }
            if q > m && s.actor_at(q).is_some() {
                m = q;
            }
            if s.actor_at(m).is_some() {
                owner = Some(m);
                m += 1;
                if s.is(m, &["s"]) {
                    m += 1;
                }
            }
            let from = m;
            while m < s.len() && s.word(m).is_some_and(title_word) {
                m += 1;
            }
            // "Berri, Syria's intelligence chief in Lebanon Brigadier Kanaan
            // and ...": a list, the title is the next person's.
            let next_person = (m..(m + 6).min(s.len()))
                .take_while(|&x| !s.is(x, &[","]) && !s.is_boundary(x))
                .any(|x| s.kind(x) == Some(EntityType::Person));
            if next_person {
                continue;
            }
            // "Iraq's enemy in the Gulf war": the title ends before "in".
            while m > from && s.is(m - 1, &["in", "of"]) {
                m -= 1;
            }
            let words: Vec<&str> = (from..m).filter_map(|x| s.word(x)).collect();
            if s.is(m, &["of"]) {
                owner = s.head_from(m + 1).or(owner);
            }
            if let Some(owner) = owner
                && !words.is_empty()
            {
                title_hit(s, titles, &words, p_tok, owner, hits);
            }
        }
    }
}

/// Leaders by possession: "Masoud Barzani's Kurdistan Democratic Party",
/// "the Taqaddum Party of former speaker Mohammed al-Halbousi".
pub fn leaders(s: &Sentence, hits: &mut Vec<Hit>) {
    let person = |k: usize| s.kind(k) == Some(EntityType::Person);
    let group = |k: usize| s.kind(k) == Some(EntityType::Group);
    for k in 0..s.len() {
        // "Reagan's CIA man", "Trump's Pentagon pick": the possessive owns
        // the person after the group, not the group.
        let owns_person = s.word(k + 3).is_some_and(|w| {
            lexicon::is_title_word(w)
                || matches!(
                    w,
                    "man" | "men" | "woman" | "nominee" | "pick" | "choice" | "appointee"
                )
        });
        if person(k) && s.is(k + 1, &["s"]) && group(k + 2) && !owns_person {
            push_leader(s, k, k + 2, "builtin:possessive-leader", hits);
        }
        // "Hezbollah's Radwan Force": a group's own unit or body is a member
        // of it. (A state's group is not: "Lebanon's Hezbollah".)
        if group(k) && s.is(k + 1, &["s"]) && group(k + 2) {
            let rule = "builtin:possessive-member";
            push_link(s, (k + 2, k), EdgeKind::MemberOf, "'s", rule, hits);
        }
        // "Uri Resnick of Israel's National Security Council": a person of a
        // group is its member.
        if person(k) && s.is(k + 1, &["of"]) {
            let mut m = k + 2;
            if s.is(m, &["the"]) {
                m += 1;
            }
            if let Some(h) = s.head_from(m)
                && group(h)
                && s.phrase_start(h) <= m
            {
                push_link(
                    s,
                    (k, h),
                    EdgeKind::MemberOf,
                    "of",
                    "builtin:person-of",
                    hits,
                );
            }
        }
        // "the Taqaddum Party of", "the Asaib Ahl al-Haq movement of".
        let of = if s.is(k + 1, &["of"]) {
            k + 1
        } else if s.word(k + 1).is_some_and(lexicon::is_group_noun) && s.is(k + 2, &["of"]) {
            k + 2
        } else {
            0
        };
        if group(k) && of > k {
            let mut m = of + 1;
            while m < s.len()
                && m - k <= 6
                && s.word(m)
                    .is_some_and(|w| lexicon::is_modifier(w) && !matches!(w, "the" | "a" | "an"))
            {
                m += 1;
            }
            if person(m) {
                push_leader(s, m, k, "builtin:of-leader", hits);
            }
        }
    }
}

fn push_leader(s: &Sentence, person: usize, group: usize, rule: &str, hits: &mut Vec<Hit>) {
    push_link(s, (person, group), EdgeKind::Leads, "'s", rule, hits);
}

/// A relation of a built-in rule between the actors at the tokens `(from,
/// to)`, when both are actors and not the same one.
fn push_link(
    s: &Sentence,
    (from, to): (usize, usize),
    kind: EdgeKind,
    trigger: &str,
    rule: &str,
    hits: &mut Vec<Hit>,
) {
    let (Some(x), Some(y)) = (s.actor_at(from), s.actor_at(to)) else {
        return;
    };
    if x != y {
        hits.push(Hit {
            source: x,
            target: y,
            kind,
            trigger: trigger.to_string(),
            rule: rule.to_string(),
            venue: None,
        });
    }
}

/// The longest title among the end of `words` that a pattern knows, for the
/// person at `person` and the owner at `owner`.
fn title_hit(
    s: &Sentence,
    titles: &[(&Pattern, &Trigger)],
    words: &[&str],
    person: usize,
    owner: usize,
    hits: &mut Vec<Hit>,
) {
    // "UAE President Sheikh Zaid": a form of address is no part of the title.
    let mut words = words;
    while let Some((last, rest)) = words.split_last()
        && lexicon::is_honorific(last)
    {
        words = rest;
    }
    for start in 0..words.len() {
        let tail = &words[start..];
        for (p, t) in titles {
            let w = t.words();
            if w.len() == tail.len() && w.iter().zip(tail).all(|(a, b)| a == b) {
                let (Some(x), Some(y)) = (s.actor_at(person), s.actor_at(owner)) else {
                    return;
                };
                if x != y && p.admits_a(s.actor(x)) && p.admits_b(s.actor(y)) {
                    hits.push(Hit {
                        source: x,
                        target: y,
                        kind: p.kind,
                        trigger: t.text.clone(),
                        rule: p.id.clone(),
                        venue: None,
                    });
                    if p.both {
                        hits.push(Hit {
                            source: y,
                            target: x,
                            kind: p.kind,
                            trigger: t.text.clone(),
                            rule: p.id.clone(),
                            venue: None,
                        });
                    }
                    return;
                }
            }
        }
    }
}

/// Where a person spoke abroad is a place visited: "Trump announced in
/// Riyadh", "Tindemans told reporters in Amman". Only a person whose
/// country the gazetteer knows, in a place of another country: "Reagan said
/// in Washington" is at home.
pub fn speech_venues(s: &Sentence, hits: &mut Vec<Hit>) {
    for i in 0..s.len() {
        let Some(verb) = s.word(i) else { continue };
        if !matches!(
            verb,
            "said"
                | "says"
                | "told"
                | "tells"
                | "announced"
                | "announces"
                | "declared"
                | "stated"
                | "stressed"
                | "warned"
                | "added"
                | "spoke"
                | "insisted"
                | "urged"
        ) {
            continue;
        }
        // "told reporters in Amman", "told a news conference in Baghdad".
        let mut k = i + 1;
        if s.is(k, &["reporters", "journalists"]) {
            k += 1;
        } else if s.is(k, &["a"]) && s.is(k + 1, &["news", "press"]) && s.is(k + 2, &["conference"])
        {
            k += 3;
        }
        if !s.is(k, &["in"]) {
            continue;
        }
        let Some(place) = s.actor_at(k + 1).filter(|&z| {
            s.actor(z).kind == EntityType::Place && s.actor(z).mention != MentionKind::Demonym
        }) else {
            continue;
        };
        // The place ends its phrase: "said in Riyadh's view" is no venue.
        if s.is(k + 2, &["s"]) {
            continue;
        }
        let Some(there) = s.actor(place).country else {
            continue;
        };
        for h in subject(s, i) {
            let Some(who) = s.actor_at(h) else { continue };
            let person = s.actor(who);
            if person.kind != EntityType::Person || person.country.is_none_or(|c| c == there) {
                continue;
            }
            hits.push(Hit {
                source: who,
                target: place,
                kind: EdgeKind::Visits,
                trigger: format!("{verb} in"),
                rule: "builtin:speech-venue".to_string(),
                venue: None,
            });
        }
    }
}

/// Whom a state or leader sends to a place visits it: "Ankara sent its
/// intelligence chief Ibrahim Kalin and Foreign Minister Hakan Fidan to
/// Damascus". The people named between the verb and "to".
pub fn envoys(s: &Sentence, hits: &mut Vec<Hit>) {
    for i in 0..s.len() {
        if !s.is(
            i,
            &[
                "sent",
                "sends",
                "send",
                "dispatched",
                "dispatches",
                "dispatch",
            ],
        ) {
            continue;
        }
        let mut sent = Vec::new();
        let end = (i + REACH).min(s.len());
        for k in i + 1..end {
            if s.is_boundary(k) {
                break;
            }
            if s.is(k, &["to"]) {
                let Some(place) = s.actor_at(k + 1).filter(|&z| {
                    s.actor(z).kind == EntityType::Place
                        && s.actor(z).mention != MentionKind::Demonym
                }) else {
                    break;
                };
                if s.is(k + 2, &["s"]) {
                    break;
                }
                for &who in &sent {
                    hits.push(Hit {
                        source: who,
                        target: place,
                        kind: EdgeKind::Visits,
                        trigger: format!("{} to", s.word(i).unwrap_or_default()),
                        rule: "builtin:sent-to".to_string(),
                        venue: None,
                    });
                }
                break;
            }
            if let Some(a) = s.actor_at(k)
                && s.actor(a).kind == EntityType::Person
            {
                sent.push(a);
            }
        }
    }
}

/// Where places lie, from how the text writes them: "Iran's Kharg Island",
/// "Aleppo, Syria", "Aleppo in northern Syria", "the Haj Omran area of
/// northern Iraq", "the Lebanese port town of Sidon".
pub fn places(s: &Sentence, hits: &mut Vec<Hit>) {
    let push = |child: usize, parent: usize, rule: &str, hits: &mut Vec<Hit>| {
        let (Some(c), Some(p)) = (s.rank(child), s.rank(parent)) else {
            return;
        };
        let (Some(x), Some(y)) = (s.actor_at(child), s.actor_at(parent)) else {
            return;
        };
        // The parent is broader, and a division or a state; or a city or
        // town that holds a quarter or a camp ("Aleppo's Sheikh Maqsoud").
        use crate::gazetteer::PlaceLevel as L;
        let quarter = matches!(s.actor(x).level, Some(L::Neighbourhood | L::Camp))
            && matches!(s.actor(y).level, Some(L::City | L::Town));
        if !quarter && (p >= c || p > 3) {
            return;
        }
        if s.actor(x).mention == MentionKind::Demonym {
            return;
        }
        // The gazetteer knows better: "Russia's Hmeimim air base" is in Syria.
        match (s.actor(x).country, s.actor(y).country) {
            (Some(home), Some(state)) if p == 0 && home != state => return,
            (None, _) if s.actor(x).level == Some(crate::gazetteer::PlaceLevel::Site) => return,
            _ => {}
        }
        hits.push(Hit {
            source: x,
            target: y,
            kind: EdgeKind::LocatedIn,
            trigger: rule.to_string(),
            rule: format!("builtin:{rule}"),
            venue: None,
        });
    };
    for k in 0..s.len() {
        if s.kind(k) != Some(EntityType::Place) {
            continue;
        }
        // P1's P2; a base or site only where the gazetteer puts it in P1
        // ("Iran's Kharg Island", but not "Russia's Hmeimim air base": the
        // checks are `push`'s).
        if s.is(k + 1, &["s"]) && s.kind(k + 2) == Some(EntityType::Place) {
            push(k + 2, k, "possessive", hits);
        }
        // P1's [second|southern] city of P2: "Iraq's second city of Basra".
        if s.is(k + 1, &["s"])
            && s.rank(k).is_some_and(|r| r <= 1)
            && let Some(place) = named_place(s, k)
        {
            push(place, k, "place-noun", hits);
        }
        // P2, P1 (not a list of places, and P1 ends its phrase: "In
        // Washington, U.S. Defence Secretary..." is no address)
        if s.is(k + 1, &[","]) && s.kind(k + 2) == Some(EntityType::Place) {
            let list = s.is(k + 3, &[",", "and"])
                || (k >= 2 && s.is(k - 1, &[","]) && s.kind(k - 2) == Some(EntityType::Place));
            let ends = match s.tokens.get(k + 3) {
                None => true,
                Some(Token::Actor(_)) => false,
                Some(Token::Word(w)) => {
                    !lexicon::is_modifier(w) && lexicon::class(w) != WordClass::Other
                        || *w == "s"
                        || !w.chars().next().is_some_and(char::is_alphanumeric)
                }
            };
            if !list && ends {
                push(k, k + 2, "comma", hits);
            }
        }
        // P2 [area|town...] in|of [direction] P1
        let mut m = k + 1;
        while m < s.len() && m - k <= 3 && s.word(m).is_some_and(lexicon::is_place_noun) {
            m += 1;
        }
        if s.is(m, &["in", "of"]) {
            let mut n = m + 1;
            if s.is(n, &["the"]) {
                n += 1;
            }
            let directed = s.word(n).is_some_and(lexicon::is_direction);
            while s.word(n).is_some_and(lexicon::is_direction) {
                n += 1;
            }
            // "the Red Sea port of Djibouti": a sea names where the port
            // lies, it lies in nothing.
            let water = s
                .actor_at(k)
                .is_some_and(|a| s.actor(a).level == Some(crate::gazetteer::PlaceLevel::Water));
            if s.kind(n) == Some(EntityType::Place)
                && (directed || m > k + 1 || s.is(m, &["in"]))
                && !water
            {
                push(k, n, "in", hits);
            }
        }
        // [the] DEMONYM [direction] place-noun ... of P2: "the south Lebanese port town of Sidon"
        if s.actor_at(k)
            .is_some_and(|a| s.actor(a).mention == MentionKind::Demonym)
        {
            let mut m = k + 1;
            while m < s.len()
                && m - k <= 4
                && s.word(m)
                    .is_some_and(|w| lexicon::is_place_noun(w) || lexicon::is_direction(w))
            {
                m += 1;
            }
            if m > k + 1 && s.is(m, &["of"]) && s.kind(m + 1) == Some(EntityType::Place) {
                let (Some(x), Some(y)) = (s.actor_at(m + 1), s.actor_at(k)) else {
                    continue;
                };
                if s.rank(m + 1).is_some_and(|r| r > 0) {
                    hits.push(Hit {
                        source: x,
                        target: y,
                        kind: EdgeKind::LocatedIn,
                        trigger: "place noun of".to_string(),
                        rule: "builtin:place-noun".to_string(),
                        venue: None,
                    });
                }
            }
        }
    }
}
