//! The sections of a graph index and their fixed-width records: what lies
//! where, so that a reader finds node `v` or edge `i` at a computed offset in
//! the mapped file and decodes only that record.
//!
//! ```text
//! MAGIC  FORMAT u32  stamp (48)  nodes u64  edges u64
//! SECTIONS × (offset u64, length u64)  preamble checksum u64  lean checksum 2 × u64
//! route checksum 2 × u64
//! header   the header's JSON text
//! nodes    per node: its bytes in `node blob` (start, end), scopes, type, first, last
//! node blob  each node, encoded whole (its id first)
//! ends     per edge: source u32, target u32
//! edges    per edge: type, direction, flags, weight, docs, first, last,
//!          association (4 × f64), alpha, its words in `words` (start, end)
//! words    per edge: its trigger words and rules
//! adjacency offsets   per node and one more: where its edges start in `adjacency`
//! adjacency  per node: the indices (u32) of its edges, ascending
//! evidence table  per edge: its evidence in `evidence` (start, end, checksum)
//! route offsets  per node and one more: where its links start in `route links`
//! route links    per node: the links of the route network that `path`
//!                walks by default (neighbour, edge, weight, specificity),
//!                by neighbour; written and checked by `query::network`
//! evidence   per edge: its evidence list
//! ```
//!
//! Sections follow each other without gaps, in this order, to the end of
//! the file. The lean checksum covers the sections from the header to the
//! evidence table, and is checked when the index is opened; the route
//! network has a checksum of its own, checked when a query first reads it
//! (the queries that do not, pay nothing for it); the evidence is checked
//! edge by edge when it is read.

use crate::codec::{Corrupt, Decoded};
use crate::date::Date;

/// The sections, in file order.
pub(super) const HEADER: usize = 0;
pub(super) const NODES: usize = 1;
pub(super) const NODE_BLOB: usize = 2;
pub(super) const ENDS: usize = 3;
pub(super) const EDGES: usize = 4;
pub(super) const WORDS: usize = 5;
pub(super) const ADJ_OFFSETS: usize = 6;
pub(super) const ADJACENCY: usize = 7;
pub(super) const EVIDENCE_TABLE: usize = 8;
pub(super) const ROUTE_OFFSETS: usize = 9;
pub(super) const ROUTE_LINKS: usize = 10;
pub(super) const EVIDENCE: usize = 11;
pub(super) const SECTIONS: usize = 12;

/// Bytes of one node record, of one edge's ends, of one edge record, of one
/// evidence table entry.
pub(super) const NODE_REC: usize = 41;
pub(super) const ENDS_REC: usize = 8;
pub(super) const EDGE_REC: usize = 91;
pub(super) const EVIDENCE_REC: usize = 24;

/// Flags of an edge record.
pub(super) const HAS_ASSOCIATION: u8 = 1;
pub(super) const HAS_ALPHA: u8 = 2;

pub(super) use crate::codec::put_date;

/// The date written by [`put_date`] in `bytes` (eight bytes).
pub(super) fn date_at(bytes: &[u8]) -> Decoded<Option<Date>> {
    match bytes.first() {
        Some(0) => Ok(None),
        Some(1) if bytes.len() >= 8 => {
            let year = i32::from_le_bytes([bytes[1], bytes[2], bytes[3], bytes[4]]);
            Date::new(year, bytes[5], bytes[6])
                .map(Some)
                .ok_or_else(|| Corrupt::new("a date is out of range"))
        }
        _ => Err(Corrupt::new("a date is damaged")),
    }
}

/// The date at `at` in `bytes`, read without checking its range: for the
/// records that [`date_at`] checked when the index was opened.
pub(super) fn checked_date_at(bytes: &[u8], at: usize) -> Option<Date> {
    let b = bytes.get(at..at + 8)?;
    (b[0] == 1).then(|| {
        let year = i32::from_le_bytes([b[1], b[2], b[3], b[4]]);
        Date::from_checked_parts(year, b[5], b[6])
    })
}

/// The little-endian u64 at `at` in `bytes`, or 0 past the end (callers
/// check sizes once, when the index is opened).
pub(super) fn u64_at(bytes: &[u8], at: usize) -> u64 {
    bytes
        .get(at..at + 8)
        .and_then(|b| b.try_into().ok())
        .map_or(0, u64::from_le_bytes)
}

/// The little-endian u32 at `at`, or 0 past the end.
pub(super) fn u32_at(bytes: &[u8], at: usize) -> u32 {
    bytes
        .get(at..at + 4)
        .and_then(|b| b.try_into().ok())
        .map_or(0, u32::from_le_bytes)
}

/// The f64 at `at`, or 0 past the end.
pub(super) fn f64_at(bytes: &[u8], at: usize) -> f64 {
    f64::from_bits(u64_at(bytes, at))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_come_back_and_damage_is_refused() {
        for date in [None, Date::new(2024, 0, 0), Date::new(1999, 12, 31)] {
            let mut out = Vec::new();
            put_date(&mut out, date);
            assert_eq!(out.len(), 8);
            assert_eq!(date_at(&out).unwrap(), date);
        }
        assert!(date_at(&[2, 0, 0, 0, 0, 0, 0, 0]).is_err());
        assert!(date_at(&[1, 0xe8, 0x07, 0, 0, 13, 1, 0]).is_err());
        assert_eq!(u64_at(&[1, 2, 3], 0), 0);
    }
}
