//! Extraction: the mentions of gazetteer entities in one document, each with its
//! exact byte span, sentence and paragraph.

use serde::Serialize;

use crate::corpus::Document;
use crate::gazetteer::{EntityIndex, Gazetteer, MentionKind};
use crate::matcher::{MatchOptions, Matcher};
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
    pub fn extract(&self, doc: &Document) -> Extraction {
        self.extract_normalized(doc, &normalize(&doc.text))
    }

    /// The mentions of one document whose text is already normalized
    /// (`normalized` is `normalize(&doc.text)`), for a caller that reads the
    /// normalized words too.
    pub fn extract_normalized(&self, doc: &Document, normalized: &Normalized) -> Extraction {
        let segments = segment(&doc.text);
        let mut found = Vec::new();
        let options = MatchOptions {
            demonyms: self.options.demonyms,
        };
        self.matcher
            .find_normalized(&doc.text, normalized, options, &mut found);
        let fingerprint = {
            use std::hash::Hasher;
            let mut h = rustc_hash::FxHasher::default();
            h.write(normalized.as_str().as_bytes());
            h.finish()
        };
        let mentions = found
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
            .collect();
        Extraction {
            mentions,
            segments,
            fingerprint,
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
