//! The hash functions behind the generated lookup tables.
//!
//! One definition serves both sides: the generator (`errcodes-build`) builds the tables with
//! these functions, and the generated code probes with them (through `errcodes::__private`).
//! The generator keeps a byte-for-byte copy of this file (its `src/vocab/hash.rs`, checked by
//! its tests) so that it never depends on the runtime it generates code for. Every function
//! is total: no input panics.

// Slots and buckets are masked or shifted below the table size before the cast to `usize`.
#![allow(clippy::cast_possible_truncation)]

/// Spreads a key over 64 bits before bucketing (2^64 / golden ratio, odd).
pub const K1: u64 = 0x9E37_79B9_7F4A_7C15;
/// Seeds and mixes the text hash (odd).
pub const K2: u64 = 0xD6E8_FEB8_6659_FD93;

/// The shape of a hash-and-multiply table; its multipliers live beside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shape {
    /// The bucket is the key's mixed bits from here up …
    pub bucket_shift: u32,
    /// … masked to the bucket count.
    pub bucket_mask: u64,
    /// The slot is the multiplied key's bits from here up (the table has `2^(64 - shift)` slots).
    pub slot_shift: u32,
}

/// The slot of `key` in a dense table of `mask + 1` slots whose first slot is value `min`.
#[inline]
pub const fn dense_slot(key: u64, min: u64, mask: u64) -> usize {
    (key.wrapping_sub(min) & mask) as usize
}

/// The bucket of `key` in a hash-and-multiply table.
///
/// Shifts wrap (a shift of 64 or more is taken modulo 64), so no shape panics.
#[inline]
pub const fn bucket(key: u64, shape: Shape) -> usize {
    (key.wrapping_mul(K1).wrapping_shr(shape.bucket_shift) & shape.bucket_mask) as usize
}

/// The slot of `key` in a hash-and-multiply table: the mixed key's bucket picks a 64-bit
/// multiplier, and the slot is the top bits of the mixed key times it. One multiply, one
/// multiplier load, one multiply, no branch.
///
/// Unlike an XOR-ed displacement (what pre-release output used), the multiplier reaches
/// every bit: for two distinct mixed keys and an odd multiplier drawn at random, the chance
/// that they share one of `2^s` slots is at most `2^(1 - s)` (multiply-shift hashing),
/// whatever bits they differ in, so the generator finds a multiplier for any bucket of a few
/// keys. A bucket past the end of `multipliers` reads multiplier 1.
#[inline]
pub const fn multiplied_slot(key: u64, multipliers: &[u64], shape: Shape) -> usize {
    let m = at(multipliers, bucket(key, shape), 1);
    (key.wrapping_mul(K1)
        .wrapping_mul(m)
        .wrapping_shr(shape.slot_shift)) as usize
}

/// `items[i]`, or `default` past the end (a generated table's bucket is always in range, so
/// the compiler drops the check). The runtime's columns read through it too.
#[inline]
pub(crate) const fn at<T: Copy>(items: &[T], i: usize, default: T) -> T {
    if i < items.len() { items[i] } else { default }
}

/// The position of `key` in `sorted` (ascending, distinct): the generator's last-resort
/// layout, which every set of distinct keys has. A key not in `sorted` gets some position
/// below `sorted.len()` (0 when it is empty); the caller compares. A binary search of
/// `log2(len)` steps, their count set by the length alone; LLVM compiles each step's
/// comparison to a branch (BENCHMARKS.md, "Perfect-hash fallback"), which is acceptable for a
/// layout no known key set needs.
#[inline]
pub const fn sorted_slot(key: u64, sorted: &[u64]) -> usize {
    let (mut base, mut len) = (0, sorted.len());
    while len > 1 {
        let half = len / 2;
        // `base + half < base + len <= sorted.len()`: always in range.
        if sorted[base + half] <= key {
            base += half;
        }
        len -= half;
    }
    base
}

/// [`sorted_slot`] over texts compared by their bytes: the generator's last-resort layout for
/// names and string codes, for when even two full-text keys ([`text_key`]) of one catalogue
/// are equal.
#[inline]
pub fn sorted_text_slot(text: &[u8], sorted: &[&str]) -> usize {
    let (mut base, mut len) = (0, sorted.len());
    while len > 1 {
        let half = len / 2;
        if sorted[base + half].as_bytes() <= text {
            base += half;
        }
        len -= half;
    }
    base
}

/// The 64-bit key of a name or string code.
///
/// `Sampled` reads only the length and the first and last 8 bytes (two loads, whatever the
/// length); `Full` reads every byte and is what the generator falls back to when two texts of
/// one catalogue share their sampled key.
#[inline]
pub fn text_key(text: &[u8], full: bool) -> u64 {
    let len = text.len() as u64;
    if full {
        text.chunks(8).fold(len.wrapping_mul(K2), |h, chunk| {
            (h.rotate_left(23) ^ word(chunk)).wrapping_mul(K1)
        })
    } else {
        let (first, last) = ends(text);
        (first.wrapping_mul(K1) ^ last).rotate_left(29) ^ len
    }
}

/// The first and last 8 bytes as little-endian words (the whole text, zero-padded, if shorter).
#[inline]
fn ends(text: &[u8]) -> (u64, u64) {
    if let (Some(first), Some(last)) = (text.first_chunk::<8>(), text.last_chunk::<8>()) {
        (u64::from_le_bytes(*first), u64::from_le_bytes(*last))
    } else {
        let w = word(text);
        (w, w)
    }
}

/// Up to 8 bytes as a little-endian word, zero-padded.
#[inline]
fn word(bytes: &[u8]) -> u64 {
    let mut w = [0u8; 8];
    let n = bytes.len().min(8);
    w[..n].copy_from_slice(&bytes[..n]);
    u64::from_le_bytes(w)
}
