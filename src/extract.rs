//! Extraction: the mentions of gazetteer entities in one document, each with its
//! exact byte span, sentence and paragraph.

use serde::Serialize;

use crate::corpus::Document;
use crate::gazetteer::{EntityIndex, Gazetteer, MentionKind};
use crate::matcher::{Match, MatchOptions, Matcher};
use crate::normalize::{Normalized, normalize};
use crate::segment::{Segments, segment};

/// Options for extraction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExtractOptions {
    /// Match demonyms ("Iraqi") as weak mentions of their place.
    pub demonyms: bool,
}

impl Default for ExtractOptions {
    fn default() -> ExtractOptions {
        ExtractOptions { demonyms: true }
    }
}

/// One mention of an entity in a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    /// The entity.
    pub entity: EntityIndex,
    /// Name, acronym or demonym.
    pub kind: MentionKind,
    /// First byte in the document text.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// 0-based sentence index within the document.
    pub sentence: u32,
    /// 0-based paragraph index within the document.
    pub paragraph: u32,
}

/// What extraction finds in one document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Extraction {
    /// Mentions in document order.
    pub mentions: Vec<Mention>,
    /// The document's sentences and paragraphs.
    pub segments: Segments,
    /// A hash of the normalized text: identical documents (syndicated copies,
    /// whatever their white space or case) have the same one.
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
            }
        })
        .collect()
}

/// Finds mentions. Holds the matcher, built once; share one extractor between
/// threads by reference.
#[derive(Debug)]
pub struct Extractor<'g> {
    gazetteer: &'g Gazetteer,
    matcher: Matcher,
    options: ExtractOptions,
}

impl<'g> Extractor<'g> {
    /// Builds the matcher for a gazetteer.
    pub fn new(gazetteer: &'g Gazetteer, options: ExtractOptions) -> crate::Result<Extractor<'g>> {
        Ok(Extractor {
            gazetteer,
            matcher: Matcher::new(gazetteer)?,
            options,
        })
    }

    /// The gazetteer.
    pub fn gazetteer(&self) -> &'g Gazetteer {
        self.gazetteer
    }

    /// The mentions of one document.
    ///
    /// A long document is matched a chunk of [`CHUNK`] bytes or so at a time,
    /// cut where a sentence begins, so that its normalized copy never costs
    /// more than a chunk: a 200 MB document once needed four times its size.
    pub fn extract(&self, doc: &Document) -> Extraction {
        let segments = segment(&doc.text);
        let mut found = Vec::new();
        let mut fingerprint = rustc_hash::FxHasher::default();
        let mut chunk_matches = Vec::new();
        for (start, end) in chunks(&doc.text, &segments) {
            let text = &doc.text[start..end];
            let normalized = normalize(text);
            chunk_matches.clear();
            self.matcher.find_normalized(
                text,
                &normalized,
                self.match_options(),
                &mut chunk_matches,
            );
            found.extend(chunk_matches.iter().map(|m| Match {
                start: m.start + start,
                end: m.end + start,
                ..*m
            }));
            std::hash::Hasher::write(&mut fingerprint, normalized.as_str().as_bytes());
        }
        Extraction {
            mentions: mentions(found, &segments),
            segments,
            fingerprint: std::hash::Hasher::finish(&fingerprint),
        }
    }

    /// The mentions of one document whose text is already normalized
    /// (`normalized` is `normalize(&doc.text)`), for a caller that reads the
    /// normalized words too. The whole text is matched at once.
    pub fn extract_normalized(&self, doc: &Document, normalized: &Normalized) -> Extraction {
        let segments = segment(&doc.text);
        let mut found = Vec::new();
        self.matcher
            .find_normalized(&doc.text, normalized, self.match_options(), &mut found);
        let mut fingerprint = rustc_hash::FxHasher::default();
        std::hash::Hasher::write(&mut fingerprint, normalized.as_str().as_bytes());
        Extraction {
            mentions: mentions(found, &segments),
            segments,
            fingerprint: std::hash::Hasher::finish(&fingerprint),
        }
    }

    fn match_options(&self) -> MatchOptions {
        MatchOptions {
            demonyms: self.options.demonyms,
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
        }
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
    /// name, acronym or demonym.
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
}
