//! Branch-free lookup tables over 64-bit keys: a dense table when the keys are close
//! together, a hash-and-displace perfect hash when they are sparse (Knox's 4000000 …
//! 50000000, and the keys of names). The probing functions are the runtime's own
//! (`errcodes/src/hash.rs`, included here as `crate::hash`).

use crate::hash::{self, Shape};

/// Dense tables are used up to this many slots.
const DENSE_MAX_SLOTS: u64 = 1024;
/// Displacements tried per bucket before the table grows.
const MAX_DISPLACEMENT: u32 = 1 << 16;

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Layout {
    /// `slots[dense_slot(key, min, len - 1)]`; with `min == 0` and 256 slots for bytes,
    /// every key has its own slot.
    Dense { min: u64, slots: Vec<Option<usize>> },
    /// `slots[hashed_slot(key, &disps, shape)]`.
    Hash {
        shape: Shape,
        disps: Vec<u32>,
        slots: Vec<Option<usize>>,
    },
}

impl Layout {
    pub fn slots(&self) -> &[Option<usize>] {
        match self {
            Layout::Dense { slots, .. } | Layout::Hash { slots, .. } => slots,
        }
    }

    /// The slot `key` probes.
    #[cfg(test)]
    pub fn slot(&self, key: u64) -> usize {
        match self {
            Layout::Dense { min, slots } => hash::dense_slot(key, *min, slots.len() as u64 - 1),
            Layout::Hash { shape, disps, .. } => hash::hashed_slot(key, disps, *shape),
        }
    }
}

/// A table in which the slot of `keys[i]` holds `Some(i)`. Keys must be distinct.
pub(crate) fn build(keys: &[u64]) -> Layout {
    let (min, max) = (
        keys.iter().min().copied().unwrap_or(0),
        keys.iter().max().copied().unwrap_or(0),
    );
    let span = max.wrapping_sub(min);
    if span < DENSE_MAX_SLOTS {
        let mask = (span + 1).next_power_of_two() - 1;
        let mut slots = vec![None; mask as usize + 1];
        for (i, k) in keys.iter().enumerate() {
            slots[hash::dense_slot(*k, min, mask)] = Some(i);
        }
        return Layout::Dense { min, slots };
    }
    // Up to 64 keys, one bucket in a table of 4-16 slots per key: its displacement is a
    // constant the compiler folds, so a probe is two multiplies and one load.
    let sparse = (4 * keys.len()).next_power_of_two().trailing_zeros().max(1);
    let single =
        (keys.len() <= 64).then(|| (sparse..sparse + 3).find_map(|bits| try_hash(keys, bits, 0)));
    // Otherwise four keys per bucket at load factor <= 1/2 almost always place at the first
    // size (65536 displacements each); each retry doubles the table.
    let first = (2 * keys.len()).next_power_of_two().trailing_zeros().max(1);
    let buckets = (keys.len() / 4).max(1).next_power_of_two().trailing_zeros();
    single
        .flatten()
        .or_else(|| (first..first + 8).find_map(|bits| try_hash(keys, bits, buckets)))
        .expect("distinct keys place in a perfect hash within 8 doublings")
}

/// The byte layout: all 256 values have a slot, so a lookup needs no compare.
pub(crate) fn full_byte(keys: &[u64]) -> Layout {
    let mut slots = vec![None; 256];
    for (i, k) in keys.iter().enumerate() {
        slots[*k as usize] = Some(i);
    }
    Layout::Dense { min: 0, slots }
}

/// The 64-bit keys of `texts` and whether they needed the full-text hash, or `None` when
/// even full-text keys collide (two texts of one catalogue with the same 64-bit hash).
pub(crate) fn text_keys<'a>(
    texts: impl Iterator<Item = &'a str> + Clone,
) -> Option<(bool, Vec<u64>)> {
    [false, true].into_iter().find_map(|full| {
        let keys: Vec<u64> = texts
            .clone()
            .map(|t| hash::text_key(t.as_bytes(), full))
            .collect();
        let mut sorted = keys.clone();
        sorted.sort_unstable();
        sorted.dedup();
        (sorted.len() == keys.len()).then_some((full, keys))
    })
}

fn try_hash(keys: &[u64], slot_bits: u32, bucket_bits: u32) -> Option<Layout> {
    let shape = Shape {
        bucket_shift: 64 - bucket_bits.max(1),
        bucket_mask: (1u64 << bucket_bits) - 1,
        slot_shift: 64 - slot_bits,
    };
    let mut buckets: Vec<Vec<usize>> = vec![Vec::new(); 1 << bucket_bits];
    for (i, k) in keys.iter().enumerate() {
        buckets[hash::bucket(*k, shape)].push(i);
    }
    let mut order: Vec<usize> = (0..buckets.len()).collect();
    order.sort_by_key(|b| (std::cmp::Reverse(buckets[*b].len()), *b));
    let mut disps = vec![0u32; buckets.len()];
    let mut slots: Vec<Option<usize>> = vec![None; 1 << slot_bits];
    let mut wanted = Vec::new();
    for b in order.into_iter().take_while(|b| !buckets[*b].is_empty()) {
        let found = (0..MAX_DISPLACEMENT).find(|d| {
            wanted.clear();
            for &i in &buckets[b] {
                let s = hash::displaced_slot(keys[i], *d, shape);
                if slots[s].is_some() || wanted.contains(&s) {
                    return false;
                }
                wanted.push(s);
            }
            true
        })?;
        disps[b] = found;
        for (&i, &s) in buckets[b].iter().zip(&wanted) {
            slots[s] = Some(i);
        }
    }
    Some(Layout::Hash {
        shape,
        disps,
        slots,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_perfect(keys: &[u64]) -> Layout {
        let layout = build(keys);
        for (i, &k) in keys.iter().enumerate() {
            assert_eq!(layout.slots()[layout.slot(k)], Some(i), "key {k}");
        }
        layout
    }

    #[test]
    fn close_keys_get_a_dense_table() {
        let layout = assert_perfect(&[100, 404, 511, 999]);
        assert!(matches!(layout, Layout::Dense { min: 100, ref slots } if slots.len() == 1024));
    }

    #[test]
    fn sparse_and_signed_keys_get_a_perfect_hash() {
        let knox = [
            4000000, 4000001, 40100000, 40300000, 4040000, 50000000, 20100000,
        ];
        assert!(matches!(assert_perfect(&knox), Layout::Hash { .. }));
        let signed: Vec<u64> = [-5i64, i64::MIN, 7, 1 << 40]
            .iter()
            .map(|v| *v as u64)
            .collect();
        assert_perfect(&signed);
        let many: Vec<u64> = (0..20_000u64)
            .map(|i| i.wrapping_mul(0x1234_5678_9ABC_DEF1))
            .collect();
        assert_perfect(&many);
    }

    #[test]
    fn text_keys_fall_back_to_the_full_hash_when_samples_collide() {
        let distinct = ["P_ERROR_MAX_USER", "K_ERROR_BAD_PIN", "Ok"];
        assert_eq!(
            text_keys(distinct.into_iter()).map(|(full, _)| full),
            Some(false)
        );
        // Same length, same first and last 8 bytes: only the middle differs.
        let alike = ["ABCDEFGH_1_STUVWXYZ", "ABCDEFGH_2_STUVWXYZ"];
        assert_eq!(
            text_keys(alike.into_iter()).map(|(full, _)| full),
            Some(true)
        );
    }
}
