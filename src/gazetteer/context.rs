//! What the words around a name can tell, resolved on a date: who holds an
//! office ("Iran's foreign minister" on 2024-12-01), what a person leads
//! ("Assad's regime"), which governorate a city's name also names ("Idlib
//! province"), and which words may stand before a surname. Built once from
//! the entities and the title words; the matcher asks it.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::countries::Countries;
use super::titles::TitleWords;
use super::{Candidate, Entity, EntityIndex, EntityType, FactOrigin, MentionKind, PlaceLevel};
use crate::date::Date;
use crate::graph::kind::EdgeKind;
use crate::normalize::normalize;

/// Number of an office: one title, or several that [`TitleWords`] makes one.
pub type OfficeId = u32;

/// One person's term in an office of one entity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// The holder.
    pub person: EntityIndex,
    /// The role's title as the gazetteer writes it ("Foreign Minister").
    pub title: String,
    /// Since when; `None`: always.
    pub from: Option<Date>,
    /// Until when (not included); `None`: still.
    pub to: Option<Date>,
}

impl Term {
    fn covers(&self, date: Date) -> bool {
        covers(self.from, self.to, date)
    }
}

/// True when `[from, to)` holds `date` (`None`: open on that side).
fn covers(from: Option<Date>, to: Option<Date>, date: Date) -> bool {
    from.is_none_or(|f| f <= date) && to.is_none_or(|t| date < t)
}

/// Who holds an office on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Holding<'a> {
    /// Exactly one person: the title names them.
    One(&'a Term),
    /// Nobody the gazetteer knows of.
    Nobody,
    /// Several people at once (a shared office, or the gazetteer's terms overlap).
    Several,
}

/// What a person leads: a group, or the state whose government they head.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Led {
    Group(EntityIndex),
    /// The place whose government the person heads.
    State(EntityIndex),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Leadership {
    pub(super) led: Led,
    pub(super) from: Option<Date>,
    pub(super) to: Option<Date>,
}

/// A name of a government with the days it stands for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Government {
    pub(super) group: EntityIndex,
    pub(super) from: Option<Date>,
    pub(super) to: Option<Date>,
}

/// The title of a role without the qualifiers that do not change the office:
/// "Acting Foreign Minister" holds the office of "Foreign Minister".
fn office_key(title: &str, qualifiers: &HashSet<String>) -> String {
    let normalized = normalize(title);
    let mut words: Vec<&str> = normalized.as_str().split_whitespace().collect();
    while words.len() > 1 && qualifiers.contains(words[0]) {
        words.remove(0);
    }
    words.join(" ")
}

/// What the words around a name can tell. See the module documentation.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Context {
    /// Every title, normalized ("top diplomat"), and its office.
    pub(super) titles: HashMap<String, OfficeId>,
    /// The first word of every title, for a quick refusal.
    pub(super) title_starts: HashSet<String>,
    /// The last word of every title, for a quick refusal.
    pub(super) title_ends: HashSet<String>,
    /// The offices each person has held: (owner, office).
    pub(super) held: HashMap<EntityIndex, Vec<(EntityIndex, OfficeId)>>,
    /// The most words a title has.
    pub(super) longest_title: usize,
    /// Each office's name for people: its first title.
    pub(super) office_names: Vec<String>,
    /// The terms of each office of each entity, in load order.
    pub(super) terms: HashMap<(EntityIndex, OfficeId), Vec<Term>>,
    /// Entities that have offices: a title after their name may name a holder.
    pub(super) with_offices: HashSet<EntityIndex>,
    pub(super) qualifiers: HashSet<String>,
    pub(super) not_the_holder: HashSet<String>,
    /// Words that may stand before a surname: honorifics, the words of
    /// titles, qualifiers, and demonyms.
    pub(super) before_surnames: HashSet<String>,
    pub(super) followers: HashSet<String>,
    /// What each person leads or heads, with the dates.
    pub(super) leaders: HashMap<EntityIndex, Vec<Leadership>>,
    /// The groups named "the <demonym> government" of each place, with dates.
    pub(super) governments: HashMap<EntityIndex, Vec<Government>>,
    /// A place whose name is also a governorate's ("Idlib") → that governorate.
    pub(super) governorate_named: HashMap<EntityIndex, EntityIndex>,
    /// A governorate → the city or town of the same name.
    pub(super) city_named: HashMap<EntityIndex, EntityIndex>,
    /// The words of every name of each person who has a surname alias.
    pub(super) own_words: HashMap<EntityIndex, HashSet<String>>,
    /// Where entities belong, for local names.
    pub(super) countries: Countries,
}

impl Context {
    /// Builds the context of a gazetteer's entities, whose normalized names
    /// are `names`.
    pub(super) fn new(
        entities: &[Entity],
        by_id: &HashMap<String, EntityIndex>,
        names: &HashMap<String, Vec<Candidate>>,
        words: &TitleWords,
    ) -> Context {
        let set = |list: &[super::titles::TitleWord]| -> HashSet<String> {
            list.iter().map(|w| w.key.clone()).collect()
        };
        let mut context = Context {
            qualifiers: set(&words.qualifiers),
            not_the_holder: set(&words.not_the_holder),
            followers: set(&words.followers),
            ..Context::default()
        };
        for office in &words.offices {
            let id = context.office_names.len() as OfficeId;
            context.office_names.push(office[0].text.clone());
            for title in office {
                context.titles.entry(title.key.clone()).or_insert(id);
            }
        }
        let heads: HashSet<String> = words
            .heads
            .iter()
            .map(|h| office_key(&h.text, &context.qualifiers))
            .collect();
        for (index, entity) in entities.iter().enumerate() {
            context.add_roles(index as EntityIndex, entity, entities, by_id, &heads);
        }
        for title in context.titles.keys() {
            let mut split = title.split(' ');
            if let Some(first) = split.next() {
                context.title_starts.insert(first.to_string());
            }
            if let Some(last) = title.split(' ').next_back() {
                context.title_ends.insert(last.to_string());
            }
            context.longest_title = context.longest_title.max(title.split(' ').count());
        }
        context.before_surnames = set(&words.honorifics);
        let title_words: Vec<String> = context
            .titles
            .keys()
            .flat_map(|t| t.split(' ').map(String::from))
            .collect();
        context.before_surnames.extend(title_words);
        context
            .before_surnames
            .extend(context.qualifiers.iter().cloned());
        context.add_names(entities, names);
        context.add_governments(entities, names);
        context.countries = Countries::new(entities, by_id);
        context
    }

    /// Where entities belong: what tells the country a text is about, for
    /// its local names.
    pub fn countries(&self) -> &Countries {
        &self.countries
    }

    /// The offices an entity holds and the groups it leads.
    fn add_roles(
        &mut self,
        index: EntityIndex,
        entity: &Entity,
        entities: &[Entity],
        by_id: &HashMap<String, EntityIndex>,
        heads: &HashSet<String>,
    ) {
        if entity.kind != EntityType::Person {
            return;
        }
        for fact in entity.facts.iter().filter(|f| f.origin == FactOrigin::Role) {
            let Some(&of) = by_id.get(&fact.target) else {
                continue;
            };
            if let Some(title) = &fact.title {
                let key = office_key(title, &self.qualifiers);
                if key.is_empty() {
                    continue;
                }
                let next = self.office_names.len() as OfficeId;
                let office = *self.titles.entry(key.clone()).or_insert(next);
                if office == next {
                    self.office_names.push(title.clone());
                }
                let held = self.held.entry(index).or_default();
                if !held.contains(&(of, office)) {
                    held.push((of, office));
                }
                self.terms.entry((of, office)).or_default().push(Term {
                    person: index,
                    title: title.clone(),
                    from: fact.from,
                    to: fact.to,
                });
                self.with_offices.insert(of);
                let target = &entities[of as usize];
                if heads.contains(&key) && target.kind == EntityType::Place {
                    self.leaders.entry(index).or_default().push(Leadership {
                        led: Led::State(of),
                        from: fact.from,
                        to: fact.to,
                    });
                }
            }
            if fact.kind == EdgeKind::Leads && entities[of as usize].kind == EntityType::Group {
                self.leaders.entry(index).or_default().push(Leadership {
                    led: Led::Group(of),
                    from: fact.from,
                    to: fact.to,
                });
            }
        }
    }

    /// The words before surnames and the governorates' namesakes, from the
    /// names table.
    fn add_names(&mut self, entities: &[Entity], names: &HashMap<String, Vec<Candidate>>) {
        let with_surname: HashSet<EntityIndex> = names
            .values()
            .flatten()
            .filter(|c| c.surname)
            .map(|c| c.entity)
            .collect();
        for (key, candidates) in names {
            for c in candidates {
                if c.kind == MentionKind::Demonym {
                    self.before_surnames.insert(key.trim().to_string());
                }
                if with_surname.contains(&c.entity) {
                    let words = key.split_whitespace().map(String::from);
                    self.own_words.entry(c.entity).or_default().extend(words);
                }
            }
        }
        for (index, entity) in entities.iter().enumerate() {
            if entity.level != Some(PlaceLevel::Governorate) {
                continue;
            }
            let governorate = index as EntityIndex;
            for base in governorate_bases(entity) {
                let Some(candidates) = names.get(&format!(" {base} ")) else {
                    continue;
                };
                for c in candidates.iter().filter(|c| c.entity != governorate) {
                    let namesake = &entities[c.entity as usize];
                    if namesake.kind != EntityType::Place
                        || namesake.level == Some(PlaceLevel::Governorate)
                    {
                        continue;
                    }
                    self.governorate_named
                        .entry(c.entity)
                        .or_insert(governorate);
                    if matches!(
                        namesake.level,
                        None | Some(PlaceLevel::City) | Some(PlaceLevel::Town)
                    ) {
                        self.city_named.entry(governorate).or_insert(c.entity);
                    }
                }
            }
        }
    }

    /// The government of each state that someone heads: the groups that
    /// "the <demonym> government" and "the government of <name>" name.
    fn add_governments(&mut self, entities: &[Entity], names: &HashMap<String, Vec<Candidate>>) {
        let states: HashSet<EntityIndex> = self
            .leaders
            .values()
            .flatten()
            .filter_map(|l| match l.led {
                Led::State(p) => Some(p),
                Led::Group(_) => None,
            })
            .collect();
        for state in states {
            let place = &entities[state as usize];
            let mut forms = Vec::new();
            for name in &place.names {
                let key = normalize(&name.text).into_text();
                let key = key.trim();
                match name.kind {
                    MentionKind::Demonym => forms.push(format!(" {key} government ")),
                    MentionKind::Name => {
                        forms.push(format!(" government of {key} "));
                        forms.push(format!(" {key} government "));
                    }
                    _ => {}
                }
            }
            let mut found: Vec<Government> = Vec::new();
            for form in forms {
                for c in names.get(&form).map_or(&[][..], Vec::as_slice) {
                    if entities[c.entity as usize].kind == EntityType::Group
                        && !found.iter().any(|g| g.group == c.entity)
                    {
                        found.push(Government {
                            group: c.entity,
                            from: c.from,
                            to: c.to,
                        });
                    }
                }
            }
            if !found.is_empty() {
                self.governments.insert(state, found);
            }
        }
    }

    /// True when a title after this entity's name may name someone.
    pub fn has_offices(&self, entity: EntityIndex) -> bool {
        self.with_offices.contains(&entity)
    }

    /// The office of the longest title that `words` start with, and how many
    /// words it takes.
    pub fn title_at<'w>(
        &self,
        words: impl IntoIterator<Item = &'w str>,
    ) -> Option<(OfficeId, usize)> {
        let mut words = words.into_iter();
        let first = words.next()?;
        if !self.title_starts.contains(first) {
            return None;
        }
        let mut key = first.to_string();
        let mut best = self.titles.get(&key).map(|&o| (o, 1));
        for (n, word) in words.take(self.longest_title.saturating_sub(1)).enumerate() {
            key.push(' ');
            key.push_str(word);
            if let Some(&o) = self.titles.get(&key) {
                best = Some((o, n + 2));
            }
        }
        best
    }

    /// True when a title ends with this word.
    pub fn may_end_title(&self, word: &str) -> bool {
        self.title_ends.contains(word)
    }

    /// The owner of the office `office` that `person` has held, if any
    /// ("President" → Syria for Bashar al-Assad).
    pub fn held_by(&self, person: EntityIndex, office: OfficeId) -> Option<EntityIndex> {
        self.held
            .get(&person)?
            .iter()
            .find(|&&(_, o)| o == office)
            .map(|&(of, _)| of)
    }

    /// True when a title begins with this word.
    pub fn may_start_title(&self, word: &str) -> bool {
        self.title_starts.contains(word)
    }

    /// The most words a title has.
    pub fn longest_title(&self) -> usize {
        self.longest_title
    }

    /// The office a whole title names ("prime minister").
    pub fn title(&self, title: &str) -> Option<OfficeId> {
        self.titles.get(title).copied()
    }

    /// The name of an office for people: its first title ("Foreign Minister").
    pub fn office_name(&self, office: OfficeId) -> &str {
        &self.office_names[office as usize]
    }

    /// Who holds `office` of `of` on `date`.
    pub fn holder(&self, of: EntityIndex, office: OfficeId, date: Date) -> Holding<'_> {
        let terms = self.terms.get(&(of, office)).map_or(&[][..], Vec::as_slice);
        let mut found: Option<&Term> = None;
        for term in terms.iter().filter(|t| t.covers(date)) {
            match found {
                Some(f) if f.person != term.person => return Holding::Several,
                Some(_) => {}
                None => found = Some(term),
            }
        }
        found.map_or(Holding::Nobody, Holding::One)
    }

    /// The day nearest `reference`, and not after it if it can be, on which
    /// every person of `titled` held the office the text gives them
    /// (`(owner, office, person)`): the date of a document without one whose
    /// text says "Iranian Foreign Minister Ali Akbar Velayati". `None` when
    /// no title names a person the gazetteer knows in that office, or no day
    /// fits them all.
    pub fn date_of_titles(
        &self,
        titled: &[(EntityIndex, OfficeId, EntityIndex)],
        reference: Date,
    ) -> Option<Date> {
        let terms: Vec<Vec<(Option<Date>, Option<Date>)>> = titled
            .iter()
            .map(|&(of, office, person)| {
                self.terms(of, office)
                    .iter()
                    .filter(|t| t.person == person)
                    .map(|t| (t.from, t.to))
                    .collect::<Vec<_>>()
            })
            .filter(|t| !t.is_empty())
            .collect();
        if terms.is_empty() {
            return None;
        }
        let fits = |day: Date| {
            terms
                .iter()
                .all(|ts| ts.iter().any(|&(from, to)| covers(from, to, day)))
        };
        // The answer is the reference itself or the first or last day of a term.
        let mut days = vec![reference];
        for &(from, to) in terms.iter().flatten() {
            days.extend(from.map(Date::first_day));
            days.extend(to.and_then(|t| Date::from_unix_days(t.first_day().unix_days() - 1)));
        }
        let fitting = days.into_iter().filter(|&d| fits(d));
        let (before, after): (Vec<Date>, Vec<Date>) = fitting.partition(|&d| d <= reference);
        before.into_iter().max().or_else(|| after.into_iter().min())
    }

    /// Every term of `office` of `of`.
    pub fn terms(&self, of: EntityIndex, office: OfficeId) -> &[Term] {
        self.terms.get(&(of, office)).map_or(&[][..], Vec::as_slice)
    }

    /// True for a word that may qualify a title without changing its office.
    pub fn is_qualifier(&self, word: &str) -> bool {
        self.qualifiers.contains(word)
    }

    /// True for a word that makes a title name someone else than its holder.
    pub fn is_not_the_holder(&self, word: &str) -> bool {
        self.not_the_holder.contains(word)
    }

    /// True for a word that may follow a leader's name ("regime").
    pub fn is_follower(&self, word: &str) -> bool {
        self.followers.contains(word)
    }

    /// True when this person leads or heads anything.
    pub fn leads_anything(&self, person: EntityIndex) -> bool {
        self.leaders.contains_key(&person)
    }

    /// What "<person>'s regime" names on `date`: the government of the state
    /// the person heads that day, else the group the person leads; if
    /// neither, the same on the last day the person held such an office
    /// ("Assad's regime" after his fall is still his government).
    pub fn led_by(&self, person: EntityIndex, date: Date) -> Option<EntityIndex> {
        let leads = self.leaders.get(&person)?;
        let state_first = |l: &&Leadership| matches!(l.led, Led::Group(_));
        let mut current: Vec<&Leadership> = leads
            .iter()
            .filter(|l| covers(l.from, l.to, date))
            .collect();
        current.sort_by_key(state_first);
        let (lead, on) = match current.first() {
            Some(l) => (*l, date),
            None => {
                // The latest term that ended by the date, on its last day.
                let ended = leads
                    .iter()
                    .filter_map(|l| Some((l, l.to?)))
                    .filter(|&(_, to)| to <= date)
                    .max_by_key(|&(l, to)| (to, !matches!(l.led, Led::Group(_))))?;
                let last = Date::from_unix_days(ended.1.first_day().unix_days() - 1)?;
                (ended.0, last)
            }
        };
        match lead.led {
            Led::Group(g) => Some(g),
            Led::State(p) => {
                let governments = self.governments.get(&p)?;
                governments
                    .iter()
                    .find(|g| covers(g.from, g.to, on))
                    .or_else(|| {
                        governments
                            .iter()
                            .min_by_key(|g| distance(g.from, g.to, on))
                    })
                    .map(|g| g.group)
            }
        }
    }

    /// The governorate that a place's name also names ("Idlib" the city →
    /// Idlib Governorate), if any.
    pub fn governorate_named(&self, place: EntityIndex) -> Option<EntityIndex> {
        self.governorate_named.get(&place).copied()
    }

    /// The city or town that a governorate's name also names, if any.
    pub fn city_named(&self, governorate: EntityIndex) -> Option<EntityIndex> {
        self.city_named.get(&governorate).copied()
    }

    /// True when `word` (normalized) may stand right before a surname of
    /// `person` without being somebody else's given name.
    pub fn may_precede_surname(&self, person: EntityIndex, word: &str) -> bool {
        self.before_surnames.contains(word)
            || self
                .own_words
                .get(&person)
                .is_some_and(|own| own.contains(word))
    }
}

/// How many days `date` lies outside `[from, to)`: 0 inside.
pub fn distance(from: Option<Date>, to: Option<Date>, date: Date) -> i64 {
    let day = date.first_day().unix_days();
    if let Some(f) = from
        && date < f
    {
        return f.first_day().unix_days() - day;
    }
    if let Some(t) = to
        && date >= t
    {
        return day - t.first_day().unix_days() + 1;
    }
    0
}

/// The names of a governorate without "governorate" or "province":
/// "Idlib Governorate", "Idleb province" → "idlib", "idleb". A name without
/// either word ("Nineveh") is a base as it is.
pub(super) fn governorate_bases(entity: &Entity) -> Vec<String> {
    let mut bases: Vec<String> = Vec::new();
    for name in entity.names.iter().filter(|n| n.kind == MentionKind::Name) {
        let key = normalize(&name.text).into_text();
        let words: Vec<&str> = key.split_whitespace().collect();
        let base = match words.as_slice() {
            [rest @ .., "governorate" | "province"] if !rest.is_empty() => rest.join(" "),
            ["governorate" | "province", "of", rest @ ..] if !rest.is_empty() => rest.join(" "),
            [.., "countryside" | "region" | "governorates" | "provinces"] => continue,
            _ => words.join(" "),
        };
        if !bases.contains(&base) {
            bases.push(base);
        }
    }
    bases
}

#[cfg(test)]
mod tests {
    use crate::gazetteer::{Gazetteer, Holding};

    const GAZETTEER: &str = r#"
[[entity]]
id = "iran"
name = "Iran"
type = "place"
demonyms = ["Iranian"]

[[entity]]
id = "amir-abdollahian"
name = "Hossein Amir-Abdollahian"
type = "person"
roles = [{ title = "Foreign Minister", of = "iran", from = "2021-08-25", to = "2024-05-19" }]

[[entity]]
id = "bagheri"
name = "Ali Bagheri Kani"
type = "person"
roles = [{ title = "Acting Foreign Minister", of = "iran", from = "2024-05-20", to = "2024-08-21" }]

[[entity]]
id = "araghchi"
name = "Abbas Araghchi"
type = "person"
roles = [{ title = "Minister of Foreign Affairs", of = "iran", from = "2024-08-21" }]

[[entity]]
id = "deputy-a"
name = "Deputy A"
type = "person"
roles = [{ title = "Deputy Foreign Minister", of = "iran", shared = true }]

[[entity]]
id = "deputy-b"
name = "Deputy B"
type = "person"
roles = [{ title = "Deputy Foreign Minister", of = "iran", shared = true }]
"#;

    #[test]
    fn an_office_has_one_holder_a_day_or_none() {
        let g = Gazetteer::from_toml_str("t.toml", GAZETTEER).unwrap();
        let c = g.context();
        let iran = g.entity_by_id("iran").unwrap();
        let fm = c.title("top diplomat").unwrap();
        assert_eq!(c.title("foreign minister"), Some(fm));
        let holder = |date: &str| match c.holder(iran, fm, date.parse().unwrap()) {
            Holding::One(t) => g.entity(t.person).id.clone(),
            other => format!("{other:?}"),
        };
        assert_eq!(holder("2024-04-10"), "amir-abdollahian");
        assert_eq!(holder("2024-05-19"), "Nobody");
        assert_eq!(holder("2024-06-01"), "bagheri");
        assert_eq!(holder("2024-12-01"), "araghchi");
        assert_eq!(holder("2020-01-01"), "Nobody");
        let deputy = c.title("deputy foreign minister").unwrap();
        assert_ne!(deputy, fm);
        assert_eq!(
            c.holder(iran, deputy, "2024-12-01".parse().unwrap()),
            Holding::Several
        );
        let words = ["foreign", "minister", "said"];
        assert_eq!(c.title_at(words), Some((fm, 2)));
        assert_eq!(c.title_at(["foreign", "ministers"]), None);
    }
}
