//! Extraction: the mentions of gazetteer entities in one document, each with its
//! exact byte span, sentence and paragraph, resolved on the document's date.

use serde::Serialize;

use crate::corpus::Document;
use crate::date::Date;
use crate::docdate::document_date;
use crate::gazetteer::{EntityIndex, Gazetteer, Holding, MentionKind};
use crate::matcher::{Match, MatchOptions, Matcher, ResolveDate, Via};
use crate::normalize::{Normalized, normalize};
use crate::segment::{Segments, segment};

/// Options for extraction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExtractOptions {
    /// Match demonyms ("Iraqi") as weak mentions of their place.
    pub demonyms: bool,
    /// The day to resolve a document without a date on (it has no JSONL
    /// `date` and no dateline); `None`: today, in UTC, when the extractor
    /// is made.
    pub undated: Option<Date>,
}

impl Default for ExtractOptions {
    fn default() -> ExtractOptions {
        ExtractOptions {
            demonyms: true,
            undated: None,
        }
    }
}

/// Today in UTC, from the system clock.
pub fn today() -> Date {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    Date::from_unix_days(i64::try_from(secs / 86_400).unwrap_or(0))
        .unwrap_or_else(|| Date::new(1970, 1, 1).expect("a valid date"))
}

/// One mention of an entity in a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    /// The entity.
    pub entity: EntityIndex,
    /// Name, acronym, demonym, title or reference.
    pub kind: MentionKind,
    /// First byte in the document text.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// 0-based sentence index within the document.
    pub sentence: u32,
    /// 0-based paragraph index within the document.
    pub paragraph: u32,
    /// How it was resolved, when more than its name decided (a title, a
    /// date, a leader, a province).
    pub via: Option<Via>,
}

/// What extraction finds in one document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Extraction {
    /// Mentions in document order.
    pub mentions: Vec<Mention>,
    /// The document's sentences and paragraphs.
    pub segments: Segments,
    /// A hash of the text's words: identical documents (syndicated copies,
    /// whatever their white space) have the same one.
    pub fingerprint: u64,
}

/// About how many bytes of a long document are matched at a time.
pub const CHUNK: usize = 1 << 20;

/// `[start, end)` ranges that cover the text, each about [`CHUNK`] bytes and
/// cut where a sentence begins; one range for a text shorter than that.
fn chunks(text: &str, segments: &Segments) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    while text.len() - start > 2 * CHUNK {
        let after = segments
            .sentences
            .partition_point(|s| s.start < start + CHUNK);
        let Some(cut) = segments.sentences.get(after).map(|s| s.start) else {
            break;
        };
        out.push((start, cut));
        start = cut;
    }
    out.push((start, text.len()));
    out
}

/// Matches as mentions, each with its sentence and paragraph.
fn mentions(found: Vec<Match>, segments: &Segments) -> Vec<Mention> {
    found
        .into_iter()
        .map(|m| {
            let sentence = segments.sentence_at(m.start);
            let paragraph = segments
                .sentences
                .get(sentence as usize)
                .map_or(0, |s| s.paragraph);
            Mention {
                entity: m.entity,
                kind: m.kind,
                start: m.start,
                end: m.end,
                sentence,
                paragraph,
                via: m.via,
            }
        })
        .collect()
}

/// Finds mentions. Holds the matcher, built once; share one extractor between
/// threads by reference.
#[derive(Debug)]
pub struct Extractor<'g> {
    gazetteer: &'g Gazetteer,
    matcher: std::sync::Arc<Matcher>,
    options: ExtractOptions,
    /// The day undated documents are resolved on.
    undated: Date,
}

impl<'g> Extractor<'g> {
    /// The extractor of a gazetteer, with its matcher (built now, unless it
    /// came compiled from the cache).
    pub fn new(gazetteer: &'g Gazetteer, options: ExtractOptions) -> crate::Result<Extractor<'g>> {
        Ok(Extractor {
            gazetteer,
            matcher: gazetteer.matcher()?,
            options,
            undated: options.undated.unwrap_or_else(today).first_day(),
        })
    }

    /// The gazetteer.
    pub fn gazetteer(&self) -> &'g Gazetteer {
        self.gazetteer
    }

    /// The mentions of one document, resolved on its date: its JSONL `date`,
    /// else a date in its first lines, else the day for undated documents
    /// (today, unless [`ExtractOptions::undated`] says otherwise). The date
    /// is looked for only when a mention needs it.
    ///
    /// A long document is matched a chunk of [`CHUNK`] bytes or so at a time,
    /// cut where a sentence begins, so that its normalized copy never costs
    /// more than a chunk: a 200 MB document once needed four times its size.
    pub fn extract(&self, doc: &Document) -> Extraction {
        let date = std::cell::OnceCell::new();
        self.extract_with(doc, &|| *date.get_or_init(|| self.date_of(doc)))
    }

    /// The day `doc` is resolved on: its own date, or the undated day.
    fn date_of(&self, doc: &Document) -> Option<ResolveDate> {
        self.resolve_on(document_date(doc.date.as_deref(), &doc.text))
    }

    /// The same, for a document whose date (`None`: it has none) is known.
    pub fn extract_on(&self, doc: &Document, date: Option<Date>) -> Extraction {
        let on = self.resolve_on(date);
        self.extract_with(doc, &|| on)
    }

    /// The day a document of date `date` is resolved on.
    fn resolve_on(&self, date: Option<Date>) -> Option<ResolveDate> {
        Some(match date {
            Some(date) => ResolveDate {
                date,
                assumed: false,
            },
            None => ResolveDate {
                date: self.undated,
                assumed: true,
            },
        })
    }

    fn extract_with(&self, doc: &Document, date: &dyn Fn() -> Option<ResolveDate>) -> Extraction {
        let segments = segment(&doc.text);
        let mut found = Vec::new();
        let mut chunk_matches = Vec::new();
        for (start, end) in chunks(&doc.text, &segments) {
            let text = &doc.text[start..end];
            let normalized = normalize(text);
            chunk_matches.clear();
            self.matcher.find_on(
                text,
                &normalized,
                self.match_options(),
                date,
                &mut chunk_matches,
            );
            found.extend(chunk_matches.iter().map(|m| Match {
                start: m.start + start,
                end: m.end + start,
                ..*m
            }));
        }
        Extraction {
            mentions: mentions(found, &segments),
            segments,
            fingerprint: fingerprint(doc),
        }
    }

    /// The mentions of one document whose text is already normalized
    /// (`normalized` is `normalize(&doc.text)`), for a caller that reads the
    /// normalized words too. The whole text is matched at once.
    pub fn extract_normalized(&self, doc: &Document, normalized: &Normalized) -> Extraction {
        let segments = segment(&doc.text);
        let mut found = Vec::new();
        let date = std::cell::OnceCell::new();
        let date = || *date.get_or_init(|| self.date_of(doc));
        self.matcher.find_on(
            &doc.text,
            normalized,
            self.match_options(),
            &date,
            &mut found,
        );
        Extraction {
            mentions: mentions(found, &segments),
            segments,
            fingerprint: fingerprint(doc),
        }
    }

    fn match_options(&self) -> MatchOptions {
        MatchOptions {
            demonyms: self.options.demonyms,
            date: None,
            context: true,
        }
    }

    /// A mention as the `extract` command prints it.
    pub fn record<'a>(&self, doc: &'a Document, mention: &Mention) -> MentionRecord<'a>
    where
        'g: 'a,
    {
        let entity = self.gazetteer.entity(mention.entity);
        MentionRecord {
            doc: &doc.id,
            entity: &entity.id,
            name: &entity.name,
            kind_of_entity: entity.kind.as_str(),
            kind: mention.kind.as_str(),
            text: &doc.text[mention.start..mention.end],
            start: mention.start,
            end: mention.end,
            sentence: mention.sentence,
            paragraph: mention.paragraph,
            via: mention.via.map(|via| self.via_record(doc, via)),
        }
    }

    /// How a mention was resolved, as `extract` prints it.
    fn via_record<'a>(&self, doc: &'a Document, via: Via) -> ViaRecord<'a>
    where
        'g: 'a,
    {
        let g = self.gazetteer;
        let empty = ViaRecord {
            rule: "",
            title: None,
            office: None,
            role: None,
            of: None,
            person: None,
            date: None,
            undated: None,
        };
        let dated = |on: ResolveDate| (Some(on.date.to_string()), Some(on.assumed));
        match via {
            Via::Title {
                office,
                of,
                title,
                on,
            } => {
                let context = g.context();
                let role = match context.holder(of, office, on.date) {
                    Holding::One(term) => Some(term.title.as_str()),
                    _ => None,
                };
                let (date, undated) = dated(on);
                ViaRecord {
                    rule: "title",
                    title: doc.text.get(title.0 as usize..title.1 as usize),
                    office: Some(context.office_name(office)),
                    role,
                    of: Some(&g.entity(of).id),
                    date,
                    undated,
                    ..empty
                }
            }
            Via::Date { on } => {
                let (date, undated) = dated(on);
                ViaRecord {
                    rule: "date",
                    date,
                    undated,
                    ..empty
                }
            }
            Via::Leader { person, on } => {
                let (date, undated) = dated(on);
                ViaRecord {
                    rule: "leader",
                    person: Some(&g.entity(person).id),
                    date,
                    undated,
                    ..empty
                }
            }
            Via::Governorate => ViaRecord {
                rule: "governorate",
                ..empty
            },
            Via::City => ViaRecord {
                rule: "city",
                ..empty
            },
            Via::Glued => ViaRecord {
                rule: "glued",
                ..empty
            },
            Via::Country { country, on } => {
                let (date, undated) = on.map_or((None, None), dated);
                ViaRecord {
                    rule: "country",
                    of: Some(&g.entity(country).id),
                    date,
                    undated,
                    ..empty
                }
            }
        }
    }
}

/// How a mention was resolved: the `via` object of `extract`'s output.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct ViaRecord<'a> {
    /// `title` (the holder of an office on the date), `date` (a name several
    /// entities bear in turn), `leader` (the group a person leads, from
    /// "Assad's regime"), `governorate` (a place's name as its governorate),
    /// `city` (a governorate's name as its city), `glued` (a name glued to
    /// the text where a space was lost) or `country` (a local name, "the
    /// Interior Ministry", given to the entity of the country the text is
    /// about).
    pub rule: &'static str,
    /// The title's words as the text writes them ("top diplomat").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<&'a str>,
    /// The office the title names ("Foreign Minister").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub office: Option<&'a str>,
    /// The holder's role as the gazetteer writes it ("Acting Foreign Minister").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<&'a str>,
    /// The id of the place or group whose office it is; for `country`, the
    /// country's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub of: Option<&'a str>,
    /// The id of the leader a `leader` mention is named after.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub person: Option<&'a str>,
    /// The day the mention was resolved on.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// True when the document has no date and `date` stands in for it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub undated: Option<bool>,
}

impl ViaRecord<'_> {
    /// One line for the TSV output: `title: Foreign Minister of iran (top
    /// diplomat) on 2024-12-01`.
    pub fn summary(&self) -> String {
        let mut s = String::from(self.rule);
        if let (Some(office), Some(of)) = (self.office, self.of) {
            s += &format!(": {office} of {of}");
        }
        if let Some(title) = self.title {
            s += &format!(" ({title})");
        }
        if let Some(person) = self.person {
            s += &format!(": led by {person}");
        }
        if let ("country", Some(of)) = (self.rule, self.of) {
            s += &format!(": {of}");
        }
        if let Some(date) = &self.date {
            s += &format!(" on {date}");
            if self.undated == Some(true) {
                s += " (undated)";
            }
        }
        s
    }
}

/// One line of `actorgraph extract` output.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct MentionRecord<'a> {
    /// Document id.
    pub doc: &'a str,
    /// Entity id.
    pub entity: &'a str,
    /// Canonical name.
    pub name: &'a str,
    /// person, group or place.
    #[serde(rename = "type")]
    pub kind_of_entity: &'static str,
    /// name, acronym, demonym, title or reference.
    pub kind: &'static str,
    /// The original text of the mention.
    pub text: &'a str,
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Sentence index.
    pub sentence: u32,
    /// Paragraph index.
    pub paragraph: u32,
    /// How it was resolved, when more than its name decided.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub via: Option<ViaRecord<'a>>,
}

/// What makes two documents copies of one (with the date): their words,
/// whatever the white space between them (a syndicated copy with other line
/// breaks is a copy). Copies that differ in case or spelling are two
/// documents: their mentions are the same but the spellings a graph counts
/// are not, and keeping one or the other would make the graph depend on the
/// order the copies come in.
fn fingerprint(doc: &Document) -> u64 {
    let mut h = rustc_hash::FxHasher::default();
    for word in words(&doc.text) {
        std::hash::Hasher::write(&mut h, word);
        std::hash::Hasher::write_u8(&mut h, b' ');
    }
    std::hash::Hasher::finish(&h)
}

/// The words of `text` as [`str::split_whitespace`] cuts them, read a byte
/// at a time where the text is ASCII: decoding every character to ask
/// whether it is white space took a twentieth of a build's analysis.
fn words(text: &str) -> impl Iterator<Item = &[u8]> {
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        let mut start = None;
        while at < bytes.len() {
            let b = bytes[at];
            // White space and its length in bytes, or the length of a
            // character that is not.
            let (space, len) = if b < 0x80 {
                (matches!(b, b'\t'..=b'\r' | b' '), 1)
            } else {
                let c = text[at..].chars().next().unwrap_or(' ');
                (c.is_whitespace(), c.len_utf8())
            };
            if space {
                if let Some(s) = start {
                    let word = &bytes[s..at];
                    at += len;
                    return Some(word);
                }
            } else if start.is_none() {
                start = Some(at);
            }
            at += len;
        }
        start.map(|s| &bytes[s..])
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn cut(text: &str) -> Vec<&[u8]> {
        text.split_whitespace().map(str::as_bytes).collect()
    }

    #[test]
    fn words_are_cut_where_split_whitespace_cuts_them() {
        for text in [
            "",
            " ",
            "one",
            "  two  words ",
            "tab\there\r\nand\x0bvertical\x0cfeed",
            "no\u{a0}break\u{2003}em\u{3000}ideographic\u{85}next",
            "not\u{1c}white\u{200b}space",
            "Baghdad \u{628}\u{63a}\u{62f}\u{627}\u{62f} caf\u{e9}\u{2009}",
        ] {
            assert_eq!(words(text).collect::<Vec<_>>(), cut(text), "{text:?}");
        }
    }

    proptest! {
        #[test]
        fn words_match_split_whitespace(text in "[a-z \t\n\u{a0}\u{85}\u{2000}-\u{200b}\u{3000}\u{1c}\u{e9}\u{628}]{0,40}") {
            prop_assert_eq!(words(&text).collect::<Vec<_>>(), cut(&text));
        }
    }
}
