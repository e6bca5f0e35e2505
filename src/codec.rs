//! The compact binary encoding of the files actorgraph writes for itself
//! (the compiled gazetteer cache, the graph index): little-endian numbers,
//! length-prefixed strings and lists, read back with every length and tag
//! checked, so a damaged file is an error, never a panic. A fast checksum
//! tells a damaged file from a good one before it is decoded.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasher, Hash};

use crate::date::Date;
use crate::error::Location;

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
    const K: [u64; 4] = [
        0x9e37_79b9_7f4a_7c15,
        0xc2b2_ae3d_27d4_eb4f,
        0x1656_67b1_9e37_79f9,
        0x85eb_ca77_c2b2_ae63,
    ];
    let mut lanes = K;
    let mut blocks = bytes.chunks_exact(32);
    for block in &mut blocks {
        for (i, lane) in lanes.iter_mut().enumerate() {
            let word = u64::from_le_bytes(block[i * 8..i * 8 + 8].try_into().unwrap_or([0; 8]));
            *lane = (*lane ^ word).wrapping_mul(K[i]).rotate_left(29);
        }
    }
    let mut tail = [0u8; 32];
    let rest = blocks.remainder();
    tail[..rest.len()].copy_from_slice(rest);
    for (i, lane) in lanes.iter_mut().enumerate() {
        let word = u64::from_le_bytes(tail[i * 8..i * 8 + 8].try_into().unwrap_or([0; 8]));
        *lane = (*lane ^ word ^ bytes.len() as u64)
            .wrapping_mul(K[i])
            .rotate_left(29);
    }
    let mix = |a: u64, b: u64| {
        let x = (a ^ b.rotate_left(17)).wrapping_mul(K[3]);
        x ^ (x >> 31)
    };
    [
        mix(mix(lanes[0], lanes[1]), mix(lanes[2], lanes[3])),
        mix(mix(lanes[3], lanes[2]), mix(lanes[1], lanes[0]) ^ K[0]),
    ]
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
}
