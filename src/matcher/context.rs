//! The rules of context: what the words around a name found by the trie make
//! of it. A title after a place or group names the office holder of the
//! document's date ("Iraq's prime minister"); a leader's name before
//! "regime" also mentions what the leader leads; "provinces" turns every
//! member of a coordination into its governorate, "the city of" a
//! governorate's name into its city; a surname alias does not match after
//! somebody else's given name.
//!
//! The rules read the normalized text around a name (words are separated by
//! single spaces), so each costs a look at a word or two, and only for the
//! names whose entity has offices, leads something or shares its name with
//! a governorate.

use super::{FoundName, Match, MatchOptions, Matcher, ResolveDate, Via};
use crate::gazetteer::{
    Candidate, EntityIndex, EntityType, Gazetteer, Holding, MentionKind, OfficeId, PlaceLevel,
};
use crate::normalize::{OriginCursor, normalize};

/// An entity that is a person: a title before its name gives way to it.
const PERSON: u8 = 1;
/// A place or group with offices, or a city whose governorate has them: a
/// title may follow its name.
const OFFICES: u8 = 2;
/// A person who leads or heads something: "<name>'s regime".
const LEADS: u8 = 4;
/// A governorate, or a place that shares its name with one.
const PROVINCE: u8 = 8;

/// What each entity of a gazetteer may do in context, one byte each.
pub(super) fn roles(gazetteer: &Gazetteer) -> Vec<u8> {
    let ctx = gazetteer.context();
    gazetteer
        .entities()
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let i = i as EntityIndex;
            let mut roles = 0;
            if e.kind == EntityType::Person {
                roles |= PERSON;
            }
            let governorate = ctx.governorate_named(i);
            if ctx.has_offices(i) || governorate.is_some_and(|g| ctx.has_offices(g)) {
                roles |= OFFICES;
            }
            if ctx.leads_anything(i) {
                roles |= LEADS;
            }
            if governorate.is_some()
                || ctx.city_named(i).is_some()
                || e.level == Some(PlaceLevel::Governorate)
            {
                roles |= PROVINCE;
            }
            roles
        })
        .collect()
}

/// What a scan remembers between names for the rules of context.
pub(super) struct Scan<'d> {
    /// Where this scan's matches start in `out`.
    first: usize,
    /// The normalized range of the last match.
    last: Option<(usize, usize)>,
    /// The places that share a name with a governorate, with their index
    /// in the output and their normalized range, for coordinations.
    places: Vec<(usize, (usize, usize))>,
    /// A title waiting for the next name: a person right after it ("Iraq's
    /// foreign minister Fuad Hussein") is what it names, and then the title
    /// is no mention of its own.
    pending: Option<Pending>,
    /// The end of the last governorate of a list introduced by "the
    /// provinces of": the next name, coordinated, is a governorate too.
    province_list: Option<usize>,
    /// True when the last match is a person.
    last_person: bool,
    /// The day to resolve on, asked for when first needed.
    date: &'d dyn Fn() -> Option<ResolveDate>,
    known_date: Option<Option<ResolveDate>>,
    /// The mentions that depend on the date (titles, names borne in turn,
    /// leaders' groups), so that they can be resolved again on another.
    dated: Vec<Dated>,
    /// The trie node of the last name the date decided, for its entry in
    /// `dated`.
    pub(super) decided_at: Option<super::NodeId>,
    /// Titles the text gives a person ("Iranian Foreign Minister Ali Akbar
    /// Velayati"): the office's owner, the office and the person. They date
    /// a document that has no date.
    pub(super) anchors: Vec<(EntityIndex, OfficeId, EntityIndex)>,
    /// The trie node of the last name found if it is a local name, until
    /// the name is recorded in `locals`.
    pub(super) local_at: Option<super::NodeId>,
    /// The local names found: their span in the text and trie node, to be
    /// given to an entity once the text is read.
    pub(super) locals: Vec<(usize, usize, super::NodeId)>,
}

/// A mention that depends on the date, at `index` of the output.
struct Dated {
    index: usize,
    /// True when `index` holds the mention (else nothing stands there, and
    /// what the date resolves to goes before the mention at `index`).
    present: bool,
    what: DatedKind,
}

enum DatedKind {
    /// A title: `title` as resolved (its entity to be replaced), and the
    /// place it falls back to when nobody holds the office.
    Title { title: Match, place: Option<Match> },
    /// A name borne in turn: the node of its candidates.
    Name { node: super::NodeId, found: Match },
    /// A leader's group: the word after the leader's name.
    Leader { person: EntityIndex, found: Match },
}

/// A title found after or before a place or group, waiting for the name
/// after it.
struct Pending {
    /// The mention of the office holder, if one person holds it on the date.
    title: Option<Match>,
    /// The same, whoever holds the office: its entity is to be decided.
    template: Match,
    /// Where the title is in the normalized text.
    span: (usize, usize),
    /// The name the title was found with, a mention again when the title
    /// gives way to a person's name or names nobody; `None` for a demonym
    /// that is no mention by itself.
    place: Option<(Match, (usize, usize))>,
    owner: EntityIndex,
    office: OfficeId,
}

impl<'d> Scan<'d> {
    pub(super) fn new(first: usize, date: &'d dyn Fn() -> Option<ResolveDate>) -> Scan<'d> {
        Scan {
            first,
            last: None,
            places: Vec::new(),
            pending: None,
            province_list: None,
            last_person: false,
            date,
            known_date: None,
            dated: Vec::new(),
            decided_at: None,
            anchors: Vec::new(),
            local_at: None,
            locals: Vec::new(),
        }
    }

    /// Where this scan's matches start in the output.
    pub(super) fn first_match(&self) -> usize {
        self.first
    }

    /// The day to resolve on, found the first time it is asked for.
    pub(super) fn date(&mut self) -> Option<ResolveDate> {
        let date = self.date;
        *self.known_date.get_or_insert_with(date)
    }

    fn push(&mut self, out: &mut Vec<Match>, found: Match, span: (usize, usize), roles: u8) {
        if matches!(found.via, Some(Via::Date { .. }))
            && let Some(node) = self.decided_at.take()
        {
            self.dated.push(Dated {
                index: out.len(),
                present: true,
                what: DatedKind::Name { node, found },
            });
        }
        if roles & PROVINCE != 0 {
            self.places.push((out.len(), span));
        }
        out.push(found);
        self.last = Some(span);
        self.last_person = roles & PERSON != 0;
    }

    /// Forgets what depended on the date, once resolved again.
    pub(super) fn forget_dates(&mut self) {
        self.dated.clear();
    }

    /// True when a mention depends on the date.
    pub(super) fn depends_on_the_date(&self) -> bool {
        !self.dated.is_empty()
    }

    /// Records a waiting title, now that the name at normalized `from` (of
    /// `person`, when it is one) follows it, or the text ends (`None`).
    fn settle(
        &mut self,
        next: Option<(usize, Option<EntityIndex>)>,
        hay: &str,
        out: &mut Vec<Match>,
    ) {
        let Some(p) = self.pending.take() else {
            return;
        };
        let named =
            next.and_then(|(from, person)| person.filter(|_| is_apposition(&hay[p.span.1..from])));
        if let Some(person) = named {
            self.anchors.push((p.owner, p.office, person));
        }
        if named.is_none() {
            self.dated.push(Dated {
                index: out.len(),
                present: p.title.is_some() || p.place.is_some(),
                what: DatedKind::Title {
                    title: p.template,
                    place: p.place.map(|(m, _)| m),
                },
            });
        }
        match p.title {
            Some(title) if named.is_none() => self.push(out, title, p.span, PERSON),
            _ => {
                if let Some((place, span)) = p.place {
                    self.push(out, place, span, 0);
                }
            }
        }
    }

    /// The day the scan resolved on, if it was asked for.
    pub(super) fn resolved_on(&self) -> Option<ResolveDate> {
        self.known_date.flatten()
    }

    /// Records what is left at the end of the text.
    pub(super) fn finish(&mut self, hay: &str, out: &mut Vec<Match>) {
        self.settle(None, hay, out);
    }

    /// The normalized end of the last match, if this scan made one.
    fn last_end(&self) -> Option<usize> {
        self.last.map(|s| s.1)
    }

    /// True when a person's name and a comma (and perhaps "the", or "who
    /// is") stand right before normalized `from`: a title there describes
    /// that person ("Fuad Hussein, Iraq's foreign minister", "Falih
    /// al-Fayyadh, the chairman of the PMF", "Rilwanu Lukman, who is also
    /// Nigerian Oil Minister"), whoever holds the office.
    fn after_a_person(&self, hay: &str, from: usize) -> bool {
        self.last_person
            && self
                .last_end()
                .is_some_and(|end| end <= from && describes(&hay[end..from]))
    }
}

/// True when normalized text between a person's name and a title makes the
/// title an apposition of the name: a comma, then perhaps "who is" (or
/// "was"), "also" and "the".
fn describes(between: &str) -> bool {
    let Some(rest) = between.strip_prefix(" , ") else {
        return false;
    };
    let mut words = rest.split_whitespace().peekable();
    if words.next_if_eq(&"who").is_some() && words.next_if(|w| matches!(*w, "is" | "was")).is_none()
    {
        return false;
    }
    words.next_if_eq(&"also");
    words.next_if_eq(&"the");
    words.next().is_none()
}

/// A span in a text of at most 4 GiB (a document is far smaller).
fn span32((start, end): (usize, usize)) -> (u32, u32) {
    let cut = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    (cut(start), cut(end))
}

/// True when the text between two names joins them as one: nothing but a
/// space, or a comma ("Iraq's foreign minister, Fuad Hussein"), and forms of
/// address ("Omani Foreign Minister Sayyid Badr Al Busaidi").
fn is_apposition(between: &str) -> bool {
    let rest = between.strip_prefix(" , ").unwrap_or(between);
    rest.split(' ')
        .filter(|w| !w.is_empty())
        .all(crate::relations::lexicon::is_honorific)
        && (rest.starts_with(' ') || rest.is_empty())
}

/// True when the text between two names coordinates them: "and", a comma,
/// or both.
fn is_coordination(between: &str) -> bool {
    matches!(between, " and " | " , " | " , and " | " & ")
}

/// The words of normalized `hay` from byte `at` on, each with where it starts.
fn words_after(hay: &str, at: usize) -> impl Iterator<Item = (usize, &str)> {
    hay[at..]
        .split(' ')
        .scan(at, |pos, w| {
            let start = *pos;
            *pos += w.len() + 1;
            Some((start, w))
        })
        .filter(|(_, w)| !w.is_empty())
}

/// The words of normalized `hay` before byte `at`, nearest first, each with
/// where it starts.
fn words_before(hay: &str, at: usize) -> impl Iterator<Item = (usize, &str)> {
    hay[..at]
        .rsplit(' ')
        .scan(at, |pos, w| {
            let start = pos.saturating_sub(w.len());
            *pos = start.saturating_sub(1);
            Some((start, w))
        })
        .filter(|(_, w)| !w.is_empty())
}

impl Matcher {
    /// The day an undated document should have been read on, when its
    /// titles say (see [`crate::gazetteer::Context::date_of_titles`]) and
    /// differ from the day it was: its mentions are then read again.
    pub(super) fn date_of_titles(&self, scan: &Scan<'_>) -> Option<ResolveDate> {
        let on = scan.resolved_on()?;
        if !on.assumed || !scan.depends_on_the_date() || scan.anchors.is_empty() {
            return None;
        }
        let date = self.context.date_of_titles(&scan.anchors, on.date)?;
        (date != on.date).then_some(ResolveDate {
            date,
            assumed: true,
        })
    }

    /// A title's mention on `on`: its office holder of that day, if one.
    fn title_on(&self, template: Match, on: ResolveDate) -> Option<Match> {
        let Some(Via::Title {
            office, of, title, ..
        }) = template.via
        else {
            return None;
        };
        match self.context.holder(of, office, on.date) {
            Holding::One(term) => Some(Match {
                entity: term.person,
                via: Some(Via::Title {
                    office,
                    of,
                    title,
                    on,
                }),
                ..template
            }),
            Holding::Nobody | Holding::Several => None,
        }
    }

    /// Resolves again, on `on`, the mentions of this scan that depend on
    /// the date; the rest of `out` stays as it is.
    pub(super) fn redate(
        &self,
        scan: &Scan<'_>,
        text: &str,
        options: MatchOptions,
        on: ResolveDate,
        out: &mut Vec<Match>,
    ) {
        let tail = out.split_off(scan.first);
        let mut dated = scan.dated.iter().peekable();
        for i in 0..=tail.len() {
            while let Some(d) = dated.next_if(|d| d.index == i) {
                if let Some(m) = self.dated_on(d, text, options, on) {
                    out.push(m);
                }
                if d.present {
                    // The mention at `i` was this one: resolved again above.
                    continue;
                }
            }
            let replaced = scan.dated.iter().any(|d| d.index == i && d.present);
            if let Some(&m) = tail.get(i)
                && !replaced
            {
                out.push(m);
            }
        }
    }

    /// What a mention that depends on the date resolves to on `on`.
    fn dated_on(
        &self,
        dated: &Dated,
        text: &str,
        options: MatchOptions,
        on: ResolveDate,
    ) -> Option<Match> {
        match dated.what {
            DatedKind::Title { title, place } => self.title_on(title, on).or(place),
            DatedKind::Leader { person, found } => {
                let group = self.context.led_by(person, on.date)?;
                Some(Match {
                    entity: group,
                    via: Some(Via::Leader { person, on }),
                    ..found
                })
            }
            DatedKind::Name { node, found } => {
                let (chosen, via) = self.by_date_at(node, found, text, options, on)?;
                Some(Match {
                    entity: chosen,
                    via,
                    ..found
                })
            }
        }
    }

    fn roles_of(&self, entity: EntityIndex) -> u8 {
        self.tables.role(entity)
    }

    /// Records `found`, the name `name`, with what its context makes of it;
    /// returns where in the normalized text the next name may start (past
    /// the words a title or a leader's group took).
    #[allow(clippy::too_many_arguments)]
    #[inline(always)]
    pub(super) fn in_context(
        &self,
        scan: &mut Scan<'_>,
        found: Match,
        name: FoundName<'_>,
        hay: &str,
        origins: &mut OriginCursor<'_>,
        options: MatchOptions,
        out: &mut Vec<Match>,
    ) -> usize {
        // A local name's entity is not known yet: nothing around it counts.
        let roles = match scan.local_at.take() {
            Some(node) => {
                scan.locals.push((found.start, found.end, node));
                0
            }
            None => self.roles_of(found.entity),
        };
        let plain = found.kind != MentionKind::Demonym || options.demonyms;
        if roles == 0 && scan.pending.is_none() && scan.province_list.is_none() {
            // Most names: nothing around them can change them.
            if plain {
                scan.push(out, found, (name.from, name.to), 0);
            }
            return name.to;
        }
        self.in_context_of(scan, found, roles, name, hay, origins, options, out)
    }

    /// [`Matcher::in_context`] for the names whose context may change them.
    #[allow(clippy::too_many_arguments)]
    #[inline(never)]
    fn in_context_of(
        &self,
        scan: &mut Scan<'_>,
        mut found: Match,
        roles: u8,
        name: FoundName<'_>,
        hay: &str,
        origins: &mut OriginCursor<'_>,
        options: MatchOptions,
        out: &mut Vec<Match>,
    ) -> usize {
        let span = (name.from, name.to);
        let plain = found.kind != MentionKind::Demonym || options.demonyms;
        let person = roles & PERSON != 0;
        scan.settle(Some((name.from, person.then_some(found.entity))), hay, out);
        if roles & OFFICES != 0 {
            let place = plain.then_some((found, span));
            let title = self
                .title_after(scan, found, name, hay, origins, place)
                .or_else(|| self.title_before(scan, found, name, hay, origins, place));
            if let Some(title) = title {
                let end = title.span.1;
                scan.pending = Some(title);
                return end;
            }
        }
        if !plain {
            return name.to;
        }
        if person && let Some(anchor) = self.bare_title(found.entity, name, hay) {
            scan.anchors.push(anchor);
        }
        if roles & PROVINCE != 0 || scan.province_list.is_some() {
            self.as_governorate(scan, &mut found, name, hay, out);
        }
        scan.push(out, found, span, roles);
        if roles & LEADS != 0 {
            return self.led_group(scan, found.entity, name, hay, origins, out);
        }
        name.to
    }

    /// A title right before a person's name without its place ("President
    /// Bashar al-Assad", "Prime Minister Mohammed Shia al-Sudani"), of an
    /// office the person has held: it dates an undated document.
    fn bare_title(
        &self,
        person: EntityIndex,
        name: FoundName<'_>,
        hay: &str,
    ) -> Option<(EntityIndex, OfficeId, EntityIndex)> {
        let ctx = &*self.context;
        let mut before = words_before(hay, name.from);
        let (_, last) = before.next()?;
        if !ctx.may_end_title(last) {
            return None;
        }
        let mut words = vec![last];
        words.extend(before.take(ctx.longest_title()).map(|(_, w)| w));
        (1..=words.len().min(ctx.longest_title()))
            .rev()
            .find_map(|n| {
                if words.get(n).is_some_and(|w| ctx.is_not_the_holder(w)) {
                    return None;
                }
                let key: Vec<&str> = words[..n].iter().rev().copied().collect();
                let office = ctx.title(&key.join(" "))?;
                Some((ctx.held_by(person, office)?, office, person))
            })
    }

    /// The office that `found` (a place or group with offices, or a city
    /// whose governorate has them) is followed by: "Iraq's prime minister",
    /// "the Iraqi interim president", "Basra governor". Returns the title
    /// mention and its normalized end, if a single person holds the office
    /// on the date and nothing says the title names somebody else.
    fn title_after(
        &self,
        scan: &mut Scan<'_>,
        found: Match,
        name: FoundName<'_>,
        hay: &str,
        origins: &mut OriginCursor<'_>,
        place: Option<(Match, (usize, usize))>,
    ) -> Option<Pending> {
        let of = self.office_owner(found)?;
        let ctx = &*self.context;
        let mut words = words_after(hay, name.to).peekable();
        if found.kind != MentionKind::Demonym && words.peek().is_some_and(|&(_, w)| w == "s") {
            words.next();
        }
        // Most places are followed by no title: one look at the next word
        // tells, before the words are gathered.
        let &(_, next) = words.peek()?;
        if !ctx.may_start_title(next) && !ctx.is_qualifier(next) {
            return None;
        }
        let ahead: Vec<(usize, &str)> = words.take(ctx.longest_title() + 2).collect();
        let mut i = 0;
        let (office, n) = loop {
            let (_, word) = *ahead.get(i)?;
            if let Some(found) = ctx.title_at(ahead[i..].iter().map(|&(_, w)| w)) {
                break found;
            }
            if i < 2 && ctx.is_qualifier(word) {
                i += 1;
                continue;
            }
            return None;
        };
        let mut back = words_before(hay, name.from);
        let before = back.next();
        // "a senior Hezbollah commander": one word between.
        let two_back = back
            .next()
            .filter(|_| before.is_some_and(|(_, w)| w != "the" && w != "s"));
        if before.is_some_and(|(_, w)| ctx.is_not_the_holder(w))
            || two_back.is_some_and(|(_, w)| ctx.is_not_the_holder(w))
            || ahead[..i].iter().any(|&(_, w)| ctx.is_not_the_holder(w))
            || scan.after_a_person(hay, name.from)
        {
            return None;
        }
        let (last_start, last) = ahead[i + n - 1];
        let end = last_start + last.len();
        let words = (ahead[i].0, end);
        self.pending_title(
            scan,
            name,
            origins,
            (name.from, end),
            words,
            of,
            office,
            place,
        )
    }

    /// A title at normalized `span`, its words at `words`, naming the holder
    /// of `office` of `of` on the date if there is one.
    #[allow(clippy::too_many_arguments)]
    fn pending_title(
        &self,
        scan: &mut Scan<'_>,
        name: FoundName<'_>,
        origins: &mut OriginCursor<'_>,
        span: (usize, usize),
        words: (usize, usize),
        of: EntityIndex,
        office: OfficeId,
        place: Option<(Match, (usize, usize))>,
    ) -> Option<Pending> {
        let (start, end) = origins.original_span(name.text, span.0, span.1);
        // A title does not run on across a paragraph ("U.S.\n\nForeign
        // Minister" joins a headline to the next block).
        let between = &name.text[start..end];
        if between.contains("\n\n") || between.contains("\r\n\r\n") {
            return None;
        }
        let title = span32(origins.original_span(name.text, words.0, words.1));
        let on = scan.date()?;
        let template = Match {
            entity: of,
            kind: MentionKind::Title,
            start,
            end,
            via: Some(Via::Title {
                office,
                of,
                title,
                on,
            }),
        };
        Some(Pending {
            title: self.title_on(template, on),
            template,
            span,
            place,
            owner: of,
            office,
        })
    }

    /// The office before `found`: "Prime Minister of Iraq", "the interim
    /// president of Syria". Returns the title mention and where it starts in
    /// the normalized text.
    fn title_before(
        &self,
        scan: &mut Scan<'_>,
        found: Match,
        name: FoundName<'_>,
        hay: &str,
        origins: &mut OriginCursor<'_>,
        place: Option<(Match, (usize, usize))>,
    ) -> Option<Pending> {
        let of = self.office_owner(found)?;
        if found.kind == MentionKind::Demonym {
            return None;
        }
        let ctx = &*self.context;
        let mut before = words_before(hay, name.from);
        let (_, word) = before.next()?;
        let word = if word == "the" {
            before.next()?.1
        } else {
            word
        };
        if word != "of" {
            return None;
        }
        let words: Vec<(usize, &str)> = before.take(ctx.longest_title() + 1).collect();
        let (office, n) = (1..=words.len().min(ctx.longest_title()))
            .rev()
            .find_map(|n| {
                let key: Vec<&str> = words[..n].iter().rev().map(|&(_, w)| w).collect();
                ctx.title(&key.join(" ")).map(|o| (o, n))
            })?;
        let mut from = words[n - 1].0;
        let title_end = words[0].0 + words[0].1.len();
        match words.get(n) {
            Some(&(_, w)) if ctx.is_not_the_holder(w) => return None,
            Some(&(at, w)) if ctx.is_qualifier(w) => {
                if words_before(hay, at)
                    .next()
                    .is_some_and(|(_, w)| ctx.is_not_the_holder(w))
                {
                    return None;
                }
                from = at;
            }
            _ => {}
        }
        if scan.last_end().is_some_and(|end| end > from) || scan.after_a_person(hay, from) {
            return None;
        }
        let words = (words[n - 1].0, title_end);
        self.pending_title(
            scan,
            name,
            origins,
            (from, name.to),
            words,
            of,
            office,
            place,
        )
    }

    /// The entity whose offices a title after `found` names: the entity, or
    /// for a city, the governorate of the same name ("Basra governor").
    fn office_owner(&self, found: Match) -> Option<EntityIndex> {
        let ctx = &*self.context;
        if matches!(found.kind, MentionKind::Title | MentionKind::Reference) {
            return None;
        }
        if ctx.has_offices(found.entity) {
            return Some(found.entity);
        }
        ctx.governorate_named(found.entity)
            .filter(|&g| ctx.has_offices(g))
    }

    /// "Assad's regime", "Assad loyalists": after a person who leads or
    /// heads something, a word of `followers` also mentions what the person
    /// leads on the date (see [`crate::gazetteer::Context::led_by`]).
    /// Returns where the next name may start.
    fn led_group(
        &self,
        scan: &mut Scan<'_>,
        person: EntityIndex,
        name: FoundName<'_>,
        hay: &str,
        origins: &mut OriginCursor<'_>,
        out: &mut Vec<Match>,
    ) -> usize {
        let ctx = &*self.context;
        if !ctx.leads_anything(person) {
            return name.to;
        }
        let mut words = words_after(hay, name.to).peekable();
        if words.peek().is_some_and(|&(_, w)| w == "s") {
            words.next();
        }
        let Some(mut next) = words.next() else {
            return name.to;
        };
        if ctx.is_qualifier(next.1) || ctx.is_not_the_holder(next.1) {
            let Some(w) = words.next() else {
                return name.to;
            };
            next = w;
        }
        let (at, word) = next;
        if !ctx.is_follower(word) {
            return name.to;
        }
        let Some(on) = scan.date() else {
            return name.to;
        };
        let end = at + word.len();
        let (start, stop) = origins.original_span(name.text, at, end);
        let mention = Match {
            entity: person,
            kind: MentionKind::Reference,
            start,
            end: stop,
            via: Some(Via::Leader { person, on }),
        };
        let group = ctx.led_by(person, on.date);
        scan.dated.push(Dated {
            index: out.len(),
            present: group.is_some(),
            what: DatedKind::Leader {
                person,
                found: mention,
            },
        });
        let Some(group) = group else {
            return name.to;
        };
        scan.push(
            out,
            Match {
                entity: group,
                ..mention
            },
            (at, end),
            0,
        );
        end
    }

    /// "Latakia and Tartus provinces", "the governorates of Latakia and
    /// Tartus", "the city of Latakia": the members of a coordination with a
    /// word for provinces are governorates; a governorate's name after "the
    /// city of" is its city.
    fn as_governorate(
        &self,
        scan: &mut Scan<'_>,
        found: &mut Match,
        name: FoundName<'_>,
        hay: &str,
        out: &mut [Match],
    ) {
        let ctx = &*self.context;
        let words = &hay[name.from..name.to];
        if words.ends_with(" provinces") || words.ends_with(" governorates") {
            // Back through the names coordinated before this one.
            let mut from = name.from;
            let mut next = out.len();
            for &(index, (start, end)) in scan.places.iter().rev() {
                // Only the names right before, each joined to the next.
                if index + 1 != next || end > from || !is_coordination(&hay[end..from]) {
                    break;
                }
                next = index;
                let m = &mut out[index];
                match ctx.governorate_named(m.entity) {
                    Some(g) => {
                        m.entity = g;
                        m.via = Some(Via::Governorate);
                    }
                    None if ctx.city_named(m.entity).is_some() => {}
                    None => break,
                }
                from = start;
            }
            scan.province_list = None;
            return;
        }
        if words.starts_with("provinces of ") || words.starts_with("governorates of ") {
            scan.province_list = Some(name.to);
            return;
        }
        if let Some(end) = scan.province_list.take()
            && end <= name.from
            && is_coordination(&hay[end..name.from])
            && let Some(g) = ctx.governorate_named(found.entity)
        {
            found.entity = g;
            found.via = Some(Via::Governorate);
            scan.province_list = Some(name.to);
            return;
        }
        if let Some(city) = ctx.city_named(found.entity) {
            let mut before = words_before(hay, name.from);
            let of = before.next().is_some_and(|(_, w)| w == "of");
            if of
                && before
                    .next()
                    .is_some_and(|(_, w)| matches!(w, "city" | "town"))
            {
                found.entity = city;
                found.via = Some(Via::City);
            }
        }
    }

    /// False when a surname alias stands right after a capitalized word that
    /// may be somebody else's given name: not a common word, an honorific,
    /// a title's word, a demonym, one of the person's own names, or a name
    /// of the gazetteer ("Qais al-Muhammadawi" is not Abu Fadak
    /// al-Mohammadawi; "President Erdogan", "Bashar Assad", "Iraq's Sudani"
    /// and "Sharaa said" are as they were).
    pub(super) fn surname_fits(&self, c: &Candidate, text: &str, start: usize) -> bool {
        let Some(word) = word_before(text, start) else {
            return true;
        };
        if !word.starts_with(char::is_uppercase) || word.chars().count() < 2 {
            return true;
        }
        let key = normalize(word);
        let key = key.as_str().trim();
        if key.contains(' ') || crate::gazetteer::is_common_word(key) {
            return true;
        }
        self.context.may_precede_surname(c.entity, key) || self.is_a_name(key)
    }

    /// True when a normalized word is a whole name of the gazetteer.
    fn is_a_name(&self, word: &str) -> bool {
        let (hash, head) = super::words::word_hash(word.as_bytes());
        let found = self.vocabulary.get(hash, head, word.as_bytes());
        found.root_child != super::NO_NODE && self.tables.node(found.root_child).ends_a_name()
    }
}

/// The word right before byte `start` of `text`, across one run of spaces
/// and over Arabic articles ("Qais al-" before "Muhammadawi"), if it is made
/// of letters only.
fn word_before(text: &str, start: usize) -> Option<&str> {
    let mut end = start;
    loop {
        let before = &text[..end];
        let trimmed = before.trim_end_matches([' ', '-', '\u{a0}']);
        if trimmed.len() == before.len() {
            return None;
        }
        let from = trimmed
            .char_indices()
            .rev()
            .take_while(|&(_, c)| c.is_alphabetic())
            .last()
            .map(|(i, _)| i)?;
        let word = &trimmed[from..];
        let boundary = trimmed[..from].chars().next_back();
        if boundary.is_some_and(|c| c.is_alphanumeric() || c == '\'' || c == '’') {
            return None;
        }
        if matches!(
            word.to_lowercase().as_str(),
            "al" | "el" | "ad" | "an" | "ar" | "as" | "ash" | "at" | "az"
        ) {
            end = from;
            continue;
        }
        return Some(word);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_around_a_position() {
        let hay = " iraq s prime minister said ";
        let after: Vec<_> = words_after(hay, 5).collect();
        assert_eq!(after[0], (6, "s"));
        assert_eq!(after[2], (14, "minister"));
        let before: Vec<_> = words_before(hay, 14).collect();
        assert_eq!(before, [(8, "prime"), (6, "s"), (1, "iraq")]);
    }

    #[test]
    fn the_word_before_a_surname() {
        let table = [
            ("Qais al-Muhammadawi", 5, Some("Qais")),
            ("Qais al-Muhammadawi", 8, Some("Qais")),
            ("President Erdogan", 10, Some("President")),
            ("Iraq's Sudani", 7, None),
            ("(Sharaa", 1, None),
            ("Sharaa", 0, None),
            ("said Sharaa", 5, Some("said")),
            ("trAl-Araji", 5, Some("trAl")),
        ];
        for (text, at, want) in table {
            assert_eq!(word_before(text, at), want, "{text:?} at {at}");
        }
    }
}
