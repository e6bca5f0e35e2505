//! The binary form of a built [`Matcher`], for the compiled gazetteer cache:
//! the vocabulary's tables and the trie's (`words.rs`, `tables.rs`), which
//! are fixed-width records already and are read in place. Decoding checks
//! their sizes; every read of a record is bounded and every probe of a hash
//! table ends, so a damaged file cannot make a scan read out of bounds or
//! loop.

use super::*;
use crate::codec::{Bin, Blob, Decoded, Decoder, Encoder};

impl Matcher {
    /// Writes the matcher's tables; its context is the gazetteer's, written
    /// with the gazetteer.
    pub(crate) fn encode(&self, e: &mut Encoder) {
        self.vocabulary.encode(e);
        self.tables.encode(e);
        self.name_count.encode(e);
    }

    /// Reads what [`Matcher::encode`] wrote from `d`, a decoder of `file`'s
    /// bytes, for `gazetteer`: the tables stay in `file` (only their sizes
    /// are checked now, and every read of them is bounded).
    pub(crate) fn decode(
        d: &mut Decoder<'_>,
        file: &Blob,
        gazetteer: &Gazetteer,
    ) -> Decoded<Matcher> {
        Ok(Matcher {
            vocabulary: Vocabulary::decode(d, file)?,
            tables: Tables::decode(d, file, gazetteer.entity_count())?,
            name_count: Bin::decode(d)?,
            context: gazetteer.shared_context(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_decoded_matcher_finds_what_the_built_one_finds() {
        let g = Gazetteer::builtin().unwrap();
        let built = Matcher::new(&g).unwrap();
        let mut e = Encoder::default();
        built.encode(&mut e);
        let file = crate::codec::Blob::owned(e.buf.clone());
        let mut d = Decoder::new(file.bytes());
        let back = Matcher::decode(&mut d, &file, &g).unwrap();
        assert!(d.at_end());
        let text = "Iraq's prime minister met Hezbollah and the PMF in Baghdad; \
                    Assad's regime and HTS fought near Idlib province.";
        let options = MatchOptions::default();
        assert_eq!(back.find(text, options), built.find(text, options));
        assert!(!built.find(text, options).is_empty());
        // Damaged sizes are refused.
        let file = crate::codec::Blob::owned(e.buf[..e.buf.len() / 2].to_vec());
        assert!(Matcher::decode(&mut Decoder::new(file.bytes()), &file, &g).is_err());
    }
}
