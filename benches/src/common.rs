//! Shared by `build.rs`, the benches and the tools: a fixed-seed random generator and the
//! "sampled" name hash of the perfect-hash prototype.
#![allow(dead_code)] // each includer uses a different part

/// xorshift64*: tiny, deterministic, good enough to draw keys.
pub struct Rng(u64);

impl Rng {
    /// A generator; the same seed always gives the same sequence.
    pub fn new(seed: u64) -> Self {
        Rng(seed | 1)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (((self.next_u64() >> 32) * n as u64) >> 32) as usize
    }
}

/// The first and the last 8 bytes of `s` as little-endian words (zero-padded below 8 bytes).
/// For names of at most 16 bytes the pair and the length identify the name.
#[inline(always)]
pub fn ends(s: &[u8]) -> (u64, u64) {
    let n = s.len();
    if n >= 8 {
        let first: [u8; 8] = s[..8].try_into().unwrap_or_default();
        let last: [u8; 8] = s[n - 8..].try_into().unwrap_or_default();
        (u64::from_le_bytes(first), u64::from_le_bytes(last))
    } else {
        let mut buf = [0u8; 8];
        buf[..n].copy_from_slice(s);
        let word = u64::from_le_bytes(buf);
        (word, word)
    }
}

/// The "sampled" hash (gperf-style): only the length and the first and last 8 bytes, two
/// multiplies. The slot is the top bits of the result.
#[inline(always)]
pub fn sampled_hash(s: &[u8], seed: u64) -> u64 {
    let (first, last) = ends(s);
    ((first ^ seed).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ last ^ s.len() as u64)
        .wrapping_mul(0xD6E8_FEB8_6659_FD93)
}

/// The integer hash of the branch-free prototype: one xor, one multiply; the slot is the top
/// bits of the result.
#[inline(always)]
pub fn int_hash(key: u64, seed: u64) -> u64 {
    (key ^ seed).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}
