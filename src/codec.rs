//! The compact binary encoding of the files actorgraph writes for itself
//! (the compiled gazetteer cache, the graph index): little-endian numbers,
//! length-prefixed strings and lists, read back with every length and tag
//! checked, so a damaged file is an error, never a panic. A fast checksum
//! tells a damaged file from a good one before it is decoded.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasher, Hash};

use crate::date::Date;
use crate::error::Location;
use crate::graph::store::mapped::FileBytes;

/// Why bytes could not be decoded: the file is damaged or of another format.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Corrupt(pub String);

impl Corrupt {
    pub(crate) fn new(what: impl Into<String>) -> Corrupt {
        Corrupt(what.into())
    }
}

/// The result of decoding.
pub(crate) type Decoded<T> = Result<T, Corrupt>;

/// Bytes being written.
#[derive(Debug, Default)]
pub(crate) struct Encoder {
    pub(crate) buf: Vec<u8>,
}

impl Encoder {
    pub(crate) fn u8(&mut self, v: u8) {
        self.buf.push(v);
    }
    pub(crate) fn u32(&mut self, v: u32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    pub(crate) fn u64(&mut self, v: u64) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    pub(crate) fn len(&mut self, n: usize) {
        self.u64(n as u64);
    }
    pub(crate) fn bytes(&mut self, b: &[u8]) {
        self.len(b.len());
        self.buf.extend_from_slice(b);
    }
}

/// Bytes being read.
#[derive(Debug)]
pub(crate) struct Decoder<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Decoder<'a> {
    pub(crate) fn new(bytes: &'a [u8]) -> Decoder<'a> {
        Decoder { bytes, pos: 0 }
    }
    /// True when every byte was read.
    pub(crate) fn at_end(&self) -> bool {
        self.pos == self.bytes.len()
    }
    /// How many bytes were read.
    pub(crate) fn position(&self) -> usize {
        self.pos
    }
    pub(crate) fn take(&mut self, n: usize) -> Decoded<&'a [u8]> {
        let end = self
            .pos
            .checked_add(n)
            .filter(|&end| end <= self.bytes.len())
            .ok_or_else(|| Corrupt::new("the file ends too early"))?;
        let out = &self.bytes[self.pos..end];
        self.pos = end;
        Ok(out)
    }
    fn array<const N: usize>(&mut self) -> Decoded<[u8; N]> {
        let mut out = [0; N];
        out.copy_from_slice(self.take(N)?);
        Ok(out)
    }
    pub(crate) fn u8(&mut self) -> Decoded<u8> {
        Ok(self.array::<1>()?[0])
    }
    pub(crate) fn u32(&mut self) -> Decoded<u32> {
        Ok(u32::from_le_bytes(self.array()?))
    }
    pub(crate) fn u64(&mut self) -> Decoded<u64> {
        Ok(u64::from_le_bytes(self.array()?))
    }
    /// A count of items that each take at least `min_size` bytes: never more
    /// than the bytes left can hold, so a damaged count cannot ask for
    /// gigabytes.
    pub(crate) fn len(&mut self, min_size: usize) -> Decoded<usize> {
        let n = self.u64()?;
        let left = (self.bytes.len() - self.pos) as u64;
        if n.saturating_mul(min_size.max(1) as u64) > left {
            return Err(Corrupt::new("a length runs past the end of the file"));
        }
        Ok(n as usize)
    }
    pub(crate) fn bytes(&mut self) -> Decoded<&'a [u8]> {
        let n = self.len(1)?;
        self.take(n)
    }
    pub(crate) fn str(&mut self) -> Decoded<&'a str> {
        std::str::from_utf8(self.bytes()?).map_err(|_| Corrupt::new("a string is not UTF-8"))
    }
}

/// A value with a binary form.
pub(crate) trait Bin: Sized {
    /// The fewest bytes the value takes (to bound list lengths).
    const MIN_SIZE: usize = 1;
    fn encode(&self, e: &mut Encoder);
    fn decode(d: &mut Decoder<'_>) -> Decoded<Self>;
}

impl Bin for u8 {
    fn encode(&self, e: &mut Encoder) {
        e.u8(*self);
    }
    fn decode(d: &mut Decoder<'_>) -> Decoded<u8> {
        d.u8()
    }
}

impl Bin for u32 {
    const MIN_SIZE: usize = 4;
    fn encode(&self, e: &mut Encoder) {
        e.u32(*self);
    }
    fn decode(d: &mut Decoder<'_>) -> Decoded<u32> {
        d.u32()
    }
}

impl Bin for u64 {
    const MIN_SIZE: usize = 8;
    fn encode(&self, e: &mut Encoder) {
        e.u64(*self);
    }
    fn decode(d: &mut Decoder<'_>) -> Decoded<u64> {
        d.u64()
    }
}

impl Bin for usize {
    const MIN_SIZE: usize = 8;
    fn encode(&self, e: &mut Encoder) {
        e.u64(*self as u64);
    }
    fn decode(d: &mut Decoder<'_>) -> Decoded<usize> {
        usize::try_from(d.u64()?).map_err(|_| Corrupt::new("a number is too large"))
    }
}

impl Bin for f64 {
    const MIN_SIZE: usize = 8;
    fn encode(&self, e: &mut Encoder) {
        e.u64(self.to_bits());
    }
    fn decode(d: &mut Decoder<'_>) -> Decoded<f64> {
        Ok(f64::from_bits(d.u64()?))
    }
}

impl Bin for bool {
    fn encode(&self, e: &mut Encoder) {
        e.u8(u8::from(*self));
    }
    fn decode(d: &mut Decoder<'_>) -> Decoded<bool> {
        match d.u8()? {
            0 => Ok(false),
            1 => Ok(true),
            _ => Err(Corrupt::new("a flag is neither 0 nor 1")),
        }
    }
}

impl Bin for String {
    const MIN_SIZE: usize = 8;
    fn encode(&self, e: &mut Encoder) {
        e.bytes(self.as_bytes());
    }
    fn decode(d: &mut Decoder<'_>) -> Decoded<String> {
        d.str().map(str::to_owned)
    }
}

impl<T: Bin> Bin for Option<T> {
    fn encode(&self, e: &mut Encoder) {
        match self {
            None => e.u8(0),
            Some(v) => {
                e.u8(1);
                v.encode(e);
            }
        }
    }
    fn decode(d: &mut Decoder<'_>) -> Decoded<Option<T>> {
        match d.u8()? {
            0 => Ok(None),
            1 => T::decode(d).map(Some),
            _ => Err(Corrupt::new("an option's tag is neither 0 nor 1")),
        }
    }
}

impl<T: Bin> Bin for Vec<T> {
    const MIN_SIZE: usize = 8;
    fn encode(&self, e: &mut Encoder) {
        e.len(self.len());
        for v in self {
            v.encode(e);
        }
    }
    fn decode(d: &mut Decoder<'_>) -> Decoded<Vec<T>> {
        let n = d.len(T::MIN_SIZE)?;
        let mut out = Vec::with_capacity(n);
        for _ in 0..n {
            out.push(T::decode(d)?);
        }
        Ok(out)
    }
}

impl<A: Bin, B: Bin> Bin for (A, B) {
    const MIN_SIZE: usize = A::MIN_SIZE + B::MIN_SIZE;
    fn encode(&self, e: &mut Encoder) {
        self.0.encode(e);
        self.1.encode(e);
    }
    fn decode(d: &mut Decoder<'_>) -> Decoded<(A, B)> {
        Ok((A::decode(d)?, B::decode(d)?))
    }
}

impl<K: Bin + Eq + Hash, V: Bin, S: BuildHasher + Default> Bin for HashMap<K, V, S> {
    const MIN_SIZE: usize = 8;
    fn encode(&self, e: &mut Encoder) {
        e.len(self.len());
        for (k, v) in self {
            k.encode(e);
            v.encode(e);
        }
    }
    fn decode(d: &mut Decoder<'_>) -> Decoded<HashMap<K, V, S>> {
        let n = d.len(K::MIN_SIZE + V::MIN_SIZE)?;
        let mut out = HashMap::with_capacity_and_hasher(n, S::default());
        for _ in 0..n {
            let k = K::decode(d)?;
            out.insert(k, V::decode(d)?);
        }
        Ok(out)
    }
}

impl<K: Bin + Eq + Hash, S: BuildHasher + Default> Bin for HashSet<K, S> {
    const MIN_SIZE: usize = 8;
    fn encode(&self, e: &mut Encoder) {
        e.len(self.len());
        for k in self {
            k.encode(e);
        }
    }
    fn decode(d: &mut Decoder<'_>) -> Decoded<HashSet<K, S>> {
        let n = d.len(K::MIN_SIZE)?;
        let mut out = HashSet::with_capacity_and_hasher(n, S::default());
        for _ in 0..n {
            out.insert(K::decode(d)?);
        }
        Ok(out)
    }
}

impl Bin for Date {
    const MIN_SIZE: usize = 6;
    fn encode(&self, e: &mut Encoder) {
        let (year, month, day) = self.parts();
        e.u32(year as u32);
        e.u8(month);
        e.u8(day);
    }
    fn decode(d: &mut Decoder<'_>) -> Decoded<Date> {
        let year = d.u32()? as i32;
        let (month, day) = (d.u8()?, d.u8()?);
        Date::new(year, month, day).ok_or_else(|| Corrupt::new("a date is out of range"))
    }
}

impl Bin for Location {
    const MIN_SIZE: usize = 16;
    fn encode(&self, e: &mut Encoder) {
        self.file.encode(e);
        e.u32(self.line);
        e.u32(self.column);
    }
    fn decode(d: &mut Decoder<'_>) -> Decoded<Location> {
        Ok(Location {
            file: String::decode(d)?,
            line: d.u32()?,
            column: d.u32()?,
        })
    }
}

/// Encodes an enum as its position in `all`.
pub(crate) fn encode_enum<T: PartialEq>(e: &mut Encoder, value: &T, all: &[T]) {
    let i = all.iter().position(|v| v == value).unwrap_or(0);
    e.u8(i as u8);
}

/// Decodes an enum written by [`encode_enum`].
pub(crate) fn decode_enum<T: Copy>(d: &mut Decoder<'_>, all: &[T], what: &str) -> Decoded<T> {
    let i = d.u8()?;
    all.get(usize::from(i))
        .copied()
        .ok_or_else(|| Corrupt::new(format!("unknown {what} {i}")))
}

/// A 128-bit checksum of `bytes` (two 64-bit halves), fast enough to run
/// over a file of hundreds of megabytes on every start: four independent
/// multiply-rotate lanes over eight-byte words. It finds damage (a
/// truncation, a flipped byte), not forgery.
pub(crate) fn checksum(bytes: &[u8]) -> [u64; 2] {
    let mut sum = Checksum::default();
    sum.add(bytes);
    sum.finish()
}

const LANE_K: [u64; 4] = [
    0x9e37_79b9_7f4a_7c15,
    0xc2b2_ae3d_27d4_eb4f,
    0x1656_67b1_9e37_79f9,
    0x85eb_ca77_c2b2_ae63,
];

/// [`checksum`] of bytes that come piece by piece (a file read a block at
/// a time, so that checking it needs no buffer of its size): the same sum
/// as [`checksum`] of the pieces put together.
#[derive(Debug, Clone)]
pub(crate) struct Checksum {
    lanes: [u64; 4],
    /// Bytes of an unfinished 32-byte block.
    pending: [u8; 32],
    pending_len: usize,
    total: u64,
}

impl Default for Checksum {
    fn default() -> Checksum {
        Checksum {
            lanes: LANE_K,
            pending: [0; 32],
            pending_len: 0,
            total: 0,
        }
    }
}

impl Checksum {
    fn block(&mut self, block: &[u8]) {
        for (i, lane) in self.lanes.iter_mut().enumerate() {
            let word = u64::from_le_bytes(block[i * 8..i * 8 + 8].try_into().unwrap_or([0; 8]));
            *lane = (*lane ^ word).wrapping_mul(LANE_K[i]).rotate_left(29);
        }
    }

    /// Adds the next bytes.
    pub(crate) fn add(&mut self, mut bytes: &[u8]) {
        self.total += bytes.len() as u64;
        if self.pending_len > 0 {
            let take = (32 - self.pending_len).min(bytes.len());
            self.pending[self.pending_len..self.pending_len + take].copy_from_slice(&bytes[..take]);
            self.pending_len += take;
            bytes = &bytes[take..];
            if self.pending_len < 32 {
                return;
            }
            let block = self.pending;
            self.block(&block);
            self.pending_len = 0;
        }
        let mut blocks = bytes.chunks_exact(32);
        for block in &mut blocks {
            self.block(block);
        }
        let rest = blocks.remainder();
        self.pending[..rest.len()].copy_from_slice(rest);
        self.pending_len = rest.len();
    }

    /// The sum of every byte added.
    pub(crate) fn finish(mut self) -> [u64; 2] {
        let mut tail = [0u8; 32];
        tail[..self.pending_len].copy_from_slice(&self.pending[..self.pending_len]);
        let len = self.total;
        for (i, lane) in self.lanes.iter_mut().enumerate() {
            let word = u64::from_le_bytes(tail[i * 8..i * 8 + 8].try_into().unwrap_or([0; 8]));
            *lane = (*lane ^ word ^ len).wrapping_mul(LANE_K[i]).rotate_left(29);
        }
        let lanes = self.lanes;
        let mix = |a: u64, b: u64| {
            let x = (a ^ b.rotate_left(17)).wrapping_mul(LANE_K[3]);
            x ^ (x >> 31)
        };
        [
            mix(mix(lanes[0], lanes[1]), mix(lanes[2], lanes[3])),
            mix(mix(lanes[3], lanes[2]), mix(lanes[1], lanes[0]) ^ LANE_K[0]),
        ]
    }
}

/// Bytes shared with the file they lie in (a mapped compiled gazetteer), or
/// owned: a range of them, cheap to clone, readable from every thread.
#[derive(Clone)]
pub(crate) struct Blob {
    file: std::sync::Arc<FileBytes>,
    start: usize,
    end: usize,
}

impl Blob {
    /// All of `file`.
    pub(crate) fn new(file: FileBytes) -> Blob {
        let end = file.len();
        Blob {
            file: std::sync::Arc::new(file),
            start: 0,
            end,
        }
    }

    /// Owned bytes.
    pub(crate) fn owned(bytes: Vec<u8>) -> Blob {
        Blob::new(FileBytes::Read(bytes))
    }

    /// The bytes.
    pub(crate) fn bytes(&self) -> &[u8] {
        self.file.get(self.start..self.end).unwrap_or_default()
    }

    /// `len` bytes from `at` of these, if they are there.
    pub(crate) fn part(&self, at: usize, len: usize) -> Decoded<Blob> {
        let end = at
            .checked_add(len)
            .filter(|&end| end <= self.end - self.start)
            .ok_or_else(|| Corrupt::new("a table runs past the end of the file"))?;
        Ok(Blob {
            file: std::sync::Arc::clone(&self.file),
            start: self.start + at,
            end: self.start + end,
        })
    }

    /// The next length-prefixed run of bytes that `d` (a decoder of these
    /// bytes) reads, as a part of these.
    pub(crate) fn next_bytes(&self, d: &mut Decoder<'_>) -> Decoded<Blob> {
        let len = d.len(1)?;
        let at = d.position();
        d.take(len)?;
        self.part(at, len)
    }
}

impl std::fmt::Debug for Blob {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Blob({} bytes)", self.end - self.start)
    }
}

/// Appends a date, or its absence, in eight bytes: 1, the year (i32, little
/// endian), the month, the day and a zero; or eight zeros.
pub(crate) fn put_date(out: &mut Vec<u8>, date: Option<Date>) {
    match date {
        Some(d) => {
            let (year, month, day) = d.parts();
            out.push(1);
            out.extend_from_slice(&year.to_le_bytes());
            out.extend_from_slice(&[month, day, 0]);
        }
        None => out.extend_from_slice(&[0; 8]),
    }
}

/// Record `index` of a table of `N`-byte records, if the table holds it:
/// one bounds check, after which the record's fields are read at constant
/// offsets without more.
#[inline(always)]
pub(crate) fn record<const N: usize>(table: &[u8], index: usize) -> Option<&[u8; N]> {
    // Indices are u32 numbers and records a few bytes: the product cannot
    // wrap on a 64-bit machine, and would only read the wrong record if it
    // did, never out of bounds.
    table.get(index.wrapping_mul(N)..)?.first_chunk::<N>()
}

/// The little-endian u32 at `at` of a record (0 past its end).
#[inline(always)]
pub(crate) fn u32_in<const N: usize>(record: &[u8; N], at: usize) -> u32 {
    record
        .get(at..)
        .and_then(<[u8]>::first_chunk::<4>)
        .map_or(0, |b| u32::from_le_bytes(*b))
}

/// The little-endian u64 at `at` of a record (0 past its end).
#[inline(always)]
pub(crate) fn u64_in<const N: usize>(record: &[u8; N], at: usize) -> u64 {
    record
        .get(at..)
        .and_then(<[u8]>::first_chunk::<8>)
        .map_or(0, |b| u64::from_le_bytes(*b))
}

/// The little-endian u64 at `at` in `bytes`, or 0 past the end (readers of
/// fixed-width records check their sizes once, when the file is opened).
#[inline(always)]
pub(crate) fn u64_at(bytes: &[u8], at: usize) -> u64 {
    bytes
        .get(at..at + 8)
        .and_then(|b| b.try_into().ok())
        .map_or(0, u64::from_le_bytes)
}

/// The little-endian u32 at `at`, or 0 past the end.
#[inline(always)]
pub(crate) fn u32_at(bytes: &[u8], at: usize) -> u32 {
    bytes
        .get(at..at + 4)
        .and_then(|b| b.try_into().ok())
        .map_or(0, u32::from_le_bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip<T: Bin + PartialEq + std::fmt::Debug>(v: T) {
        let mut e = Encoder::default();
        v.encode(&mut e);
        let mut d = Decoder::new(&e.buf);
        assert_eq!(T::decode(&mut d).unwrap(), v);
        assert!(d.at_end());
        // Every truncation is an error, never a panic.
        for cut in 0..e.buf.len() {
            assert!(
                T::decode(&mut Decoder::new(&e.buf[..cut])).is_err(),
                "{cut}"
            );
        }
    }

    #[test]
    fn values_come_back_and_truncations_are_refused() {
        round_trip(vec![Some("Ḥalab".to_string()), None, Some(String::new())]);
        round_trip((7u32, -0.5f64));
        round_trip(Date::new(2024, 3, 0));
        round_trip(Location {
            file: "people.toml".into(),
            line: 3,
            column: 9,
        });
        let map: rustc_hash::FxHashMap<String, Vec<u32>> =
            [("a".to_string(), vec![1, 2]), ("b".to_string(), vec![])]
                .into_iter()
                .collect();
        round_trip(map);
    }

    #[test]
    fn a_huge_length_is_refused_without_allocating() {
        let mut e = Encoder::default();
        e.u64(u64::MAX / 2);
        assert!(Vec::<u64>::decode(&mut Decoder::new(&e.buf)).is_err());
        assert!(bool::decode(&mut Decoder::new(&[2])).is_err());
    }

    #[test]
    fn the_checksum_sees_each_flipped_byte_and_each_cut() {
        let bytes: Vec<u8> = (0..200u32).map(|i| (i * 7 % 251) as u8).collect();
        let sum = checksum(&bytes);
        for i in 0..bytes.len() {
            let mut bad = bytes.clone();
            bad[i] ^= 0x10;
            assert_ne!(checksum(&bad), sum, "{i}");
            assert_ne!(checksum(&bytes[..i]), sum, "{i}");
        }
    }

    #[test]
    fn the_checksum_of_pieces_is_the_checksum_of_the_whole() {
        let bytes: Vec<u8> = (0..300u32).map(|i| (i * 13 % 251) as u8).collect();
        for piece in [1, 5, 31, 32, 33, 64, 100, 300] {
            let mut sum = Checksum::default();
            for chunk in bytes.chunks(piece) {
                sum.add(chunk);
            }
            assert_eq!(sum.finish(), checksum(&bytes), "pieces of {piece}");
        }
        let blob = Blob::owned(bytes.clone());
        assert_eq!(blob.part(10, 5).unwrap().bytes(), &bytes[10..15]);
        assert!(blob.part(299, 2).is_err());
        assert!(blob.part(usize::MAX, 2).is_err());
    }
}
