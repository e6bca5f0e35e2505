//! The candidate names of one document: runs of capitalized words that the
//! gazetteer did not match (with the particles of Arabic names inside them,
//! and "of", "for", "and" inside the names of bodies), acronyms with the
//! expansion the text gives them, and the cues around each that guess its
//! type. Headlines set in capitals, bylines and photo credits are passed over.
//!
//! The text is read through the project's normalization (see `tokens`): a
//! candidate's key is its normalized words, so it compares with gazetteer
//! names directly.

use super::cues::{self, Strength, TypeVotes};
use super::tokens::{Shape, Token, WordCase, tokenize};
use crate::extract::Extraction;
use crate::gazetteer::{
    EntityIndex, EntityType, Gazetteer, MentionKind, is_demonym_word, is_generic_word,
};
use crate::normalize::Normalized;

/// One place a candidate name is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Occurrence {
    /// Normalized words, single spaces between them: `"falih al fayyadh"`.
    pub key: String,
    /// As written, white space collapsed.
    pub text: String,
    /// The acronym the text gives it in brackets, as written.
    pub acronym: Option<String>,
    /// For an acronym: the known entity whose name it abbreviates here.
    pub acronym_of: Option<EntityIndex>,
    /// True for a lone acronym.
    pub is_acronym: bool,
    /// What the words around it say about its type.
    pub votes: TypeVotes,
    /// True when its first word opens the sentence (its capital proves
    /// nothing).
    pub initial: bool,
    /// How many of its first words are a name the gazetteer knows ("U.S."
    /// of "U.S. Agriculture Department"): without them it may be a name
    /// the corpus also uses alone.
    pub known_prefix: usize,
    /// Index of its sentence.
    pub sentence: u32,
}

/// A run of tokens that may be a name, with what is known about it.
#[derive(Debug, Clone)]
struct Span {
    first: usize,
    last: usize,
    votes: TypeVotes,
    acronym: Option<String>,
}

/// The candidates of one document.
pub(super) fn candidates(
    text: &str,
    normalized: &Normalized,
    extraction: &Extraction,
    gazetteer: &Gazetteer,
    given_names: &rustc_hash::FxHashSet<String>,
    case: &mut WordCase,
) -> Vec<Occurrence> {
    let tokens = tokenize(text, normalized, extraction);
    for t in &tokens {
        if t.skipped || t.shape == Shape::Other {
            continue;
        }
        match t.shape {
            Shape::Lower => case.count(t.word, true),
            Shape::Capitalized if !t.opens => case.count(t.word, false),
            _ => {}
        }
    }
    let reader = Reader {
        text,
        tokens: &tokens,
        extraction,
        gazetteer,
        given_names,
    };
    let mut spans = reader.spans();
    let mut out = Vec::new();
    let acronyms = reader.acronyms(&mut spans, &mut out);
    for span in &spans {
        if let Some(o) = reader.occurrence(span) {
            out.push(o);
        }
    }
    out.extend(acronyms);
    out
}

struct Reader<'a, 'n> {
    text: &'a str,
    tokens: &'a [Token<'n>],
    extraction: &'a Extraction,
    gazetteer: &'a Gazetteer,
    given_names: &'a rustc_hash::FxHashSet<String>,
}

impl Reader<'_, '_> {
    /// True when only white space or a hyphen separates tokens `a` and `a + 1`.
    fn joined(&self, a: usize) -> bool {
        let (x, y) = (&self.tokens[a], &self.tokens[a + 1]);
        // A name the gazetteer matched is one piece ("Moody's", "U.S.").
        if x.known.is_some() && x.known == y.known {
            return true;
        }
        x.sentence == y.sentence
            && self.text[x.end..y.start]
                .chars()
                .all(|c| c.is_whitespace() || c == '-' || c == '\u{2010}' || c == '\u{2011}')
    }

    /// True when token `i` may be a word of a run: a name word, an initial
    /// with its full stop, or a capitalized name the gazetteer knows
    /// ("Basra" of "Basra Oil Company").
    fn in_run(&self, i: usize) -> bool {
        let t = &self.tokens[i];
        t.is_name_word()
            || (t.is_initial() && self.tokens.get(i + 1).is_some_and(|n| n.word == "."))
            || self.is_known_capital(i)
            || (t.shape == Shape::Capitals && t.known.is_none() && !t.skipped)
    }

    /// True when token `i` is in a name the gazetteer matched, written with
    /// a capital ("Moody's", "U.S.", "al-Muhammadawi").
    fn is_known_capital(&self, i: usize) -> bool {
        let t = &self.tokens[i];
        let Some(m) = t.known.filter(|_| !t.skipped) else {
            return false;
        };
        let m = &self.extraction.mentions[m];
        self.text[m.start..m.end].chars().any(char::is_uppercase)
    }

    /// True when token `i` is in a known place, or a demonym ("Basra",
    /// "Iraqi").
    fn is_known_place(&self, i: usize) -> bool {
        self.tokens[i].known.is_some_and(|m| {
            let m = &self.extraction.mentions[m];
            m.kind == MentionKind::Demonym
                || self.gazetteer.entity(m.entity).kind == EntityType::Place
        })
    }

    /// True when token `i` is in the name of a known person.
    fn is_known_person(&self, i: usize) -> bool {
        self.tokens[i].known.is_some_and(|m| {
            let m = &self.extraction.mentions[m];
            self.gazetteer.entity(m.entity).kind == EntityType::Person
        })
    }

    /// True when token `i` is a word of a body's name ("Council", "Corp").
    fn is_body_word(&self, i: usize) -> bool {
        let t = &self.tokens[i];
        t.known.is_none() && t.shape == Shape::Capitalized && cues::is_group_word(t.word)
    }

    /// The runs of capitalized words of the text, split and trimmed into
    /// spans. A run that names a body keeps the known names in it ("First
    /// Boston Corp", "Iraqi Oil Ministry"); any other run is cut at them.
    fn spans(&self) -> Vec<Span> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < self.tokens.len() {
            if !self.in_run(i) {
                i += 1;
                continue;
            }
            let first = i;
            let mut last = i;
            let mut j = i;
            while j + 1 < self.tokens.len() && self.continues(j) {
                j += 1;
                if self.in_run(j) && self.tokens[j].word != "." {
                    last = j;
                }
            }
            let body = (first..=last).any(|k| self.is_body_word(k));
            if body {
                self.split(first, last, true, &mut out);
            } else {
                // Places and demonyms qualify the name beside them ("Iraqi
                // Hayan Abdul-Ghani"); another known name in a run is a
                // word of a longer one ("Howard Baker").
                let mut start = first;
                for k in first..=last + 1 {
                    if k > last || self.is_known_place(k) {
                        if k > start {
                            self.split(start, k - 1, false, &mut out);
                        }
                        start = k + 1;
                    }
                }
            }
            i = last + 1;
        }
        out
    }

    /// True when the run that reached token `j` goes on to `j + 1`: a word
    /// of a run, a particle before one ("al", "of"), or the full stop of an
    /// initial.
    fn continues(&self, j: usize) -> bool {
        let (here, next) = (&self.tokens[j], &self.tokens[j + 1]);
        if !self.joined(j) {
            return false;
        }
        if here.known.is_some() && here.known == next.known {
            return self.is_known_capital(j + 1);
        }
        if next.word == "." {
            return here.is_initial() && j + 2 < self.tokens.len() && self.in_run(j + 2);
        }
        if here.word == "." {
            return self.in_run(j + 1);
        }
        if self.in_run(j + 1) {
            return true;
        }
        let joiner = next.shape == Shape::Lower
            && (cues::is_name_joiner(next.word) || cues::is_body_joiner(next.word));
        joiner && j + 2 < self.tokens.len() && self.joined(j + 1) && self.in_run(j + 2)
    }

    /// Splits a run at titles ("Defence Minister X": the portfolio before a
    /// title, and "of State" after one, are no names) and, outside the
    /// names of bodies, at "and", "of" and "for"; pushes the pieces. A
    /// title that opens the name of a body is a word of it ("General
    /// Motors Corp").
    fn split(&self, first: usize, last: usize, body: bool, out: &mut Vec<Span>) {
        let mut start = first;
        let mut votes = TypeVotes::default();
        let mut k = first;
        while k <= last {
            let t = &self.tokens[k];
            let title = t.known.is_none()
                && matches!(t.shape, Shape::Capitalized | Shape::Capitals)
                && cues::is_title(t.word)
                && !(body && k == first);
            // In a body's name, "and" joins two names when the first is
            // whole ("First Boston Corp and Kidder"), and is a word of the
            // name otherwise ("Securities and Exchange Commission").
            let and_ends_body = body && t.word == "and" && k > first && self.is_body_word(k - 1);
            // Nor does a body take in the person after "of" ("the National
            // Coalition of Iyad Allawi").
            let of_person = k < last && self.is_known_person(k + 1);
            let joiner = t.shape == Shape::Lower
                && cues::is_body_joiner(t.word)
                && (!body || and_ends_body || of_person);
            if !(title || joiner) {
                k += 1;
                continue;
            }
            // "Oil Minister", "Administrative Development Minister": a word
            // or two before a title, no body's name among them.
            let portfolio = title
                && !(start..k).any(|j| self.is_body_word(j))
                && ((1..=2).contains(&(k - start))
                    || (start..k).all(|j| cues::is_portfolio_word(self.tokens[j].word)));
            if k > start && !portfolio {
                self.push(start, k - 1, votes, out);
            }
            votes = TypeVotes::default();
            start = k + 1;
            if title {
                votes.add(EntityType::Person, Strength::Strong);
                // "Secretary of State George Shultz", "Minister of Water
                // Resources Aoun Diab": the portfolio after "of" is its
                // first word and the generic or portfolio words after it.
                let of = self
                    .tokens
                    .get(k + 1)
                    .is_some_and(|n| matches!(n.word, "of" | "for"));
                if of && k + 3 <= last {
                    start = k + 3;
                    while start < last && cues::is_portfolio_word(self.tokens[start].word) {
                        start += 1;
                    }
                }
            }
            k = start.max(k + 1);
        }
        if start <= last {
            self.push(start, last, votes, out);
        }
    }

    /// Trims a span and pushes it with the cues around it: particles and
    /// full stops do not end a span, "The" does not start one.
    fn push(&self, mut first: usize, mut last: usize, mut votes: TypeVotes, out: &mut Vec<Span>) {
        let starts = |k: usize| {
            let t = &self.tokens[k];
            t.is_name_word()
                || t.is_initial()
                || self.is_known_capital(k)
                || (t.shape == Shape::Capitals && t.known.is_none() && !t.skipped)
        };
        while first <= last && !starts(first) {
            first += 1;
        }
        while last > first && !(self.tokens[last].is_name_word() || self.is_known_capital(last)) {
            last -= 1;
        }
        if first > last {
            return;
        }
        // "The", or "An" opening a sentence, opens no name; whether another
        // opening word is one of its name is for the corpus to say (`rank`).
        let t = &self.tokens[first];
        let function_word = t.word == "the" || (t.opens && cues::is_function_word(t.word));
        if first < last && t.known.is_none() && function_word {
            first += 1;
            while first < last && !starts(first) {
                first += 1;
            }
        }
        // A people's name ends no name ("Armed Bedouin fighters").
        while last > first && is_demonym_word(self.tokens[last].word) {
            last -= 1;
            while last > first && !self.tokens[last].is_name_word() {
                last -= 1;
            }
        }
        // A span of known names, initials and acronyms only is no new name
        // (a lone acronym is read as one), nor is a known name with generic
        // words beside it ("pro-Kurdish DEM Party").
        let own_words = || {
            (first..=last)
                .map(|k| &self.tokens[k])
                .filter(|t| t.is_name_word())
        };
        let has_known = (first..=last).any(|k| self.tokens[k].known.is_some());
        let body = (first..=last).any(|k| self.is_body_word(k));
        if own_words().next().is_none()
            || (has_known && !body && own_words().all(|t| is_generic_word(t.word)))
        {
            return;
        }
        self.cue(first, last, &mut votes);
        out.push(Span {
            first,
            last,
            votes,
            acronym: None,
        });
    }

    /// Adds the votes of the words in and around a span.
    fn cue(&self, first: usize, last: usize, votes: &mut TypeVotes) {
        let tokens = self.tokens;
        let strong = Strength::Strong;
        if cues::is_place_word(tokens[last].word) {
            votes.add(EntityType::Place, strong);
        } else if (first..=last).any(|k| self.is_body_word(k)) {
            votes.add(EntityType::Group, strong);
        }
        // Right after: "the Shammar tribe", "Sinjar district".
        let next = tokens
            .get(last + 1)
            .filter(|t| t.shape == Shape::Lower && self.joined(last));
        let kind = next.and_then(|t| cues::type_of_word(t.word));
        if let Some(kind) = kind.filter(|&k| k != EntityType::Person) {
            votes.add(kind, strong);
        }
        // Right before: "commander X", "the village of X", "in X".
        let before = |k: usize| first.checked_sub(k).map(|i| &tokens[i]);
        if let Some(prev) = before(1).filter(|t| t.sentence == tokens[first].sentence) {
            if cues::is_title(prev.word) {
                votes.add(EntityType::Person, strong);
            } else if prev.word == "of"
                && before(2).is_some_and(|t| cues::is_place_word(t.word) && t.shape == Shape::Lower)
            {
                votes.add(EntityType::Place, strong);
            } else if matches!(prev.word, "near" | "outside") {
                votes.add(EntityType::Place, Strength::Weak);
            }
        }
        if self.dateline(first, last) {
            votes.add(EntityType::Place, strong);
        }
        let words = &tokens[first..=last];
        if words.len() > 1 && self.given_names.contains(words[0].word) {
            votes.add(EntityType::Person, Strength::Weak);
        }
        if words
            .iter()
            .any(|t| matches!(t.word, "bin" | "ibn" | "bint"))
        {
            votes.add(EntityType::Person, Strength::Weak);
        }
    }

    /// "TIKRIT, Iraq, March 3 -", "MOSUL (Reuters) -": a place opening a line.
    fn dateline(&self, first: usize, last: usize) -> bool {
        let start = self.tokens[first].start;
        let paragraphs = &self.extraction.segments.paragraphs;
        // Opening one of the first paragraphs (a headline may come first).
        if !paragraphs.iter().take(3).any(|p| p.0 == start) {
            return false;
        }
        let after = self.text[self.tokens[last].end..].trim_start();
        let agency = ["(Reuters)", "(AFP)", "(AP)"]
            .iter()
            .any(|a| after.starts_with(a));
        let comma = after.strip_prefix(',').is_some_and(|rest| {
            rest.trim_start()
                .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        });
        agency || comma
    }

    /// The acronyms of the text. One in brackets right after a span whose
    /// initials it matches ("Independent High Electoral Commission (IHEC)")
    /// is that span's, and so is a span in brackets right after one; an
    /// acronym in brackets after a known name is flagged as that entity's.
    fn acronyms(&self, spans: &mut [Span], out: &mut Vec<Occurrence>) -> Vec<Occurrence> {
        let mut found = Vec::new();
        let tokens = self.tokens;
        let capitals =
            |t: &Token<'_>| t.shape == Shape::Capitals && t.known.is_none() && !t.skipped;
        let mut k = 0;
        while k < tokens.len() {
            let t = &tokens[k];
            let letters = t.word.chars().filter(|c| c.is_alphabetic()).count();
            let in_name = spans.iter().any(|s| s.first <= k && k <= s.last);
            if !capitals(t)
                || in_name
                || !(2..=8).contains(&letters)
                || cues::is_generic_acronym(t.word)
                || (k > 0 && tokens[k - 1].word == "<")
            {
                k += 1;
                continue;
            }
            // A place in capitals opening a dateline: "ABU DHABI, March 3".
            let mut end = k;
            while end + 1 < tokens.len() && capitals(&tokens[end + 1]) && self.joined(end) {
                end += 1;
            }
            if self.dateline(k, end) {
                let span = Span {
                    first: k,
                    last: end,
                    votes: dateline_votes(),
                    acronym: None,
                };
                out.extend(self.occurrence(&span));
                k = end + 1;
                continue;
            }
            self.acronym(k, spans, &mut found);
            k += 1;
        }
        found
    }

    /// The acronym at token `k`, and the expansion the text gives it.
    fn acronym(&self, k: usize, spans: &mut [Span], found: &mut Vec<Occurrence>) {
        let tokens = self.tokens;
        let t = &tokens[k];
        {
            let written = &self.text[t.start..t.end];
            let bracketed = k > 0
                && tokens[k - 1].word == "("
                && tokens.get(k + 1).is_some_and(|n| n.word == ")");
            let mut acronym_of = None;
            if bracketed && k >= 2 {
                let before = k - 2;
                if let Some(span) = spans.iter_mut().find(|s| s.last == before)
                    && initials_match(written, &tokens[span.first..=span.last])
                {
                    span.acronym = Some(written.to_string());
                } else if let Some(m) = tokens[before].known {
                    let m = &self.extraction.mentions[m];
                    let name = &self.text[m.start..m.end];
                    if m.kind == MentionKind::Name
                        && initials_of(name).eq_ignore_ascii_case(written)
                    {
                        acronym_of = Some(m.entity);
                    }
                }
            }
            // "IHEC (Independent High Electoral Commission)".
            if tokens.get(k + 1).is_some_and(|n| n.word == "(")
                && let Some(span) = spans.iter_mut().find(|s| s.first == k + 2)
                && tokens.get(span.last + 1).is_some_and(|n| n.word == ")")
                && initials_match(written, &tokens[span.first..=span.last])
            {
                span.acronym = Some(written.to_string());
            }
            found.push(Occurrence {
                key: t.word.to_string(),
                text: written.to_string(),
                acronym: None,
                acronym_of,
                is_acronym: true,
                votes: TypeVotes::default(),
                initial: false,
                known_prefix: 0,
                sentence: t.sentence,
            });
        }
    }

    /// The occurrence a span makes, unless it is one word that names nothing.
    fn occurrence(&self, span: &Span) -> Option<Occurrence> {
        let words = &self.tokens[span.first..=span.last];
        if words.len() == 1 && is_generic_word(words[0].word) {
            return None;
        }
        let key: Vec<&str> = words.iter().map(|t| t.word).collect();
        // A person's name before the rest is no qualifier to drop: "Aoun
        // Diab" is not "Diab" of the Aoun.
        let known_prefix = if self.is_known_person(span.first) {
            0
        } else {
            words.iter().take_while(|t| t.known.is_some()).count()
        };
        let written = &self.text[words[0].start..words[words.len() - 1].end];
        Some(Occurrence {
            key: key.join(" "),
            text: written.split_whitespace().collect::<Vec<_>>().join(" "),
            acronym: span.acronym.clone(),
            acronym_of: None,
            is_acronym: false,
            votes: span.votes,
            initial: words[0].opens,
            known_prefix: if known_prefix < words.len() {
                known_prefix
            } else {
                0
            },
            sentence: words[0].sentence,
        })
    }
}

fn dateline_votes() -> TypeVotes {
    let mut v = TypeVotes::default();
    v.add(EntityType::Place, Strength::Strong);
    v
}

/// The capitals that start the words of a name ("Popular Mobilization
/// Forces" → "PMF").
fn initials_of(name: &str) -> String {
    name.split(|c: char| c.is_whitespace() || c == '-')
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .collect()
}

/// True when an acronym abbreviates the words of a span: the initials of its
/// capitalized words, or of all its words, in order; or, loosely, when it
/// starts with the first initial and its letters appear among the span's
/// capitals in order ("KRG" for "Kurdistan Regional Government").
fn initials_match(acronym: &str, words: &[Token<'_>]) -> bool {
    let acronym: String = acronym
        .chars()
        .filter(|c| c.is_alphabetic())
        .collect::<String>()
        .to_lowercase();
    let capitalized: String = words
        .iter()
        .filter(|t| t.shape != Shape::Lower && t.word != ".")
        .filter_map(|t| t.word.chars().next())
        .collect();
    let all: String = words
        .iter()
        .filter(|t| t.word != ".")
        .filter_map(|t| t.word.chars().next())
        .collect();
    if acronym == capitalized || acronym == all {
        return true;
    }
    let mut letters = capitalized.chars();
    acronym.chars().next() == capitalized.chars().next()
        && acronym.len() >= 2
        && acronym.chars().all(|a| letters.any(|c| c == a))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Document;
    use crate::extract::{ExtractOptions, Extractor};

    const GAZETTEER: &str = r#"
        [[entity]]
        id = "iraq"
        name = "Iraq"
        type = "place"
        demonyms = ["Iraqi"]

        [[entity]]
        id = "basra"
        name = "Basra"
        type = "place"

        [[entity]]
        id = "baghdad"
        name = "Baghdad"
        type = "place"

        [[entity]]
        id = "sudani"
        name = "Mohammed Shia al-Sudani"
        type = "person"
        aliases = ["al-Sudani"]

        [[entity]]
        id = "basra-party"
        name = "Basra Party"
        type = "group"

        [[entity]]
        id = "moodys"
        name = "Moody's"
        type = "group"

        [[entity]]
        id = "hts"
        name = "Hayat Tahrir al-Sham"
        type = "group"
        aliases = ["HTS"]
    "#;

    /// (key, guessed type, acronym) of every candidate of a text.
    fn found(text: &str) -> Vec<(String, Option<EntityType>, Option<String>)> {
        let g = Gazetteer::from_toml_str("t.toml", GAZETTEER).unwrap();
        let extractor = Extractor::new(&g, ExtractOptions::default()).unwrap();
        let doc = Document::new("d", text);
        let normalized = crate::normalize::normalize(text);
        let extraction = extractor.extract_normalized(&doc, &normalized);
        let given = rustc_hash::FxHashSet::default();
        let mut case = WordCase::default();
        candidates(text, &normalized, &extraction, &g, &given, &mut case)
            .into_iter()
            .map(|o| (o.key, o.votes.guess().map(|(k, _)| k), o.acronym))
            .collect()
    }

    fn keys(text: &str) -> Vec<String> {
        found(text).into_iter().map(|(k, _, _)| k).collect()
    }

    #[test]
    fn candidate_table() {
        let table: &[(&str, &[&str])] = &[
            // Names with particles; titles before them are cues, not words.
            (
                "Prime Minister Adil Abdul-Mahdi spoke.",
                &["adil abdul mahdi"],
            ),
            (
                "Defence Minister Thabet al-Abbasi spoke.",
                &["thabet al abbasi"],
            ),
            ("Secretary of State George Shultz left.", &["george shultz"]),
            (
                "The Minister of Water Resources Aoun Diab said so.",
                &["aoun diab"],
            ),
            (
                "Foreign Affairs Minister Fuad Hussein spoke.",
                &["fuad hussein"],
            ),
            ("He met commander Abu Fadak there.", &["abu fadak"]),
            // "of", "for", "and" inside bodies only.
            (
                "The Securities and Exchange Commission ruled.",
                &["securities and exchange commission"],
            ),
            ("Talks in Jordan and Egypt went on.", &["jordan", "egypt"]),
            (
                "First Boston Corp and Kidder led it.",
                &["first boston corp", "kidder"],
            ),
            // A body named after a known place, or a known company.
            ("The Basra Oil Company signed.", &["basra oil company"]),
            (
                "Moody's Investors Service Inc said so.",
                &["moody s investors service inc"],
            ),
            (
                "An Iraqi Oil Ministry official spoke.",
                &["iraqi oil ministry"],
            ),
            (
                "Lawmakers of the pro-Kurdish Basra Party came.",
                &["lawmakers"],
            ),
            // A known surname in a longer name ("al-Sudani" is known).
            ("General Qais al-Sudani spoke.", &["qais al sudani"]),
            // Known names and demonyms alone are not candidates.
            ("Iraqi forces entered Basra.", &[]),
            // Initials.
            ("J.P. Morgan said so.", &["j . p . morgan"]),
            // Months, days, headlines in capitals, credits, sign-offs.
            ("On Monday in March they met.", &[]),
            ("HTS FIGHTERS ENTER TOWN\nThey did.", &[]),
            ("Reporting by Jane Doe; Editing by John Roe", &[]),
            ("It ended there.\nReuter", &[]),
            // A sentence's opening word stays for the rank to judge.
            (
                "Yesterday Hassan Nasrallah spoke.",
                &["yesterday hassan nasrallah"],
            ),
            ("The Shammar tribe met.", &["shammar"]),
        ];
        for (text, want) in table {
            assert_eq!(keys(text), *want, "in {text:?}");
        }
    }

    #[test]
    fn cues_guess_types_and_acronyms_find_expansions() {
        let table: &[(&str, &str, Option<EntityType>)] = &[
            (
                "Fighters entered the village of Tal Tamr.",
                "tal tamr",
                Some(EntityType::Place),
            ),
            (
                "Troops left the Sinjar district.",
                "sinjar",
                Some(EntityType::Place),
            ),
            ("The Shammar tribe met.", "shammar", Some(EntityType::Group)),
            (
                "The Nineveh Operations Command said so.",
                "nineveh operations command",
                Some(EntityType::Group),
            ),
            (
                "spokesman Yahya Rasool said so.",
                "yahya rasool",
                Some(EntityType::Person),
            ),
            (
                "TIKRIT, Iraq, March 3 - It rained.",
                "tikrit",
                Some(EntityType::Place),
            ),
            ("Ali Hassan said so.", "ali hassan", None),
        ];
        for (text, key, kind) in table {
            let got = found(text);
            let hit = got.iter().find(|(k, _, _)| k == key);
            assert_eq!(hit.map(|h| h.1), Some(*kind), "{key} in {text:?}: {got:?}");
        }
        let got = found("The Independent High Electoral Commission (IHEC) met; IHEC said so.");
        assert_eq!(
            got,
            [
                (
                    "independent high electoral commission".to_string(),
                    Some(EntityType::Group),
                    Some("IHEC".to_string())
                ),
                ("ihec".to_string(), None, None),
                ("ihec".to_string(), None, None),
            ]
        );
        let got = found("The KRG (Kurdistan Regional Government) said so.");
        assert_eq!(got[0].2.as_deref(), Some("KRG"), "{got:?}");
        assert_eq!(
            keys("Revenue rose to 5 bln dlrs (GDP) last year."),
            ["revenue"]
        );
    }

    #[test]
    fn word_case_counts_lower_case_and_inner_capitals() {
        let g = Gazetteer::from_toml_str("t.toml", GAZETTEER).unwrap();
        let extractor = Extractor::new(&g, ExtractOptions::default()).unwrap();
        let mut case = WordCase::default();
        let given = rustc_hash::FxHashSet::default();
        for text in [
            "Market rose. The market fell, and the market rose.",
            "He saw Rania there.",
        ] {
            let doc = Document::new("d", text);
            let normalized = crate::normalize::normalize(text);
            let extraction = extractor.extract_normalized(&doc, &normalized);
            candidates(text, &normalized, &extraction, &g, &given, &mut case);
        }
        assert!(case.mostly_lower("market"));
        assert!(!case.mostly_lower("rania"));
        assert!(!case.mostly_lower("unseen"));
    }
}
