//! Branch-free integer lookup tables: a dense table when the values are close together, a
//! hash-and-displace perfect hash when they are sparse (Knox's 4000000 … 50000000).
//!
//! The emitter turns the chosen layout into the lookup code; the formulas here and there must
//! agree, which the round-trip tests check for every entry of every catalogue.

/// First multiplier: spreads the key over all 64 bits (2^64 / golden ratio, odd).
pub(crate) const K1: u64 = 0x9E37_79B9_7F4A_7C15;
/// Second multiplier, applied after the displacement (odd).
pub(crate) const K2: u64 = 0xD6E8_FEB8_6659_FD93;
/// Dense tables are used up to this many slots.
const DENSE_MAX_SLOTS: u64 = 1024;
/// Displacements tried per bucket before the table grows.
const MAX_DISPLACEMENT: u32 = 1 << 16;

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Layout {
    /// `slots[(key - min) & mask]`; with `min == 0` and 256 slots for bytes, every key has its own slot.
    Dense { min: u64, slots: Vec<Option<usize>> },
    /// `h = key * K1; d = disps[(h >> bucket_shift) & bucket_mask]; slots[((h ^ d) * K2) >> slot_shift]`.
    Hash {
        bucket_shift: u32,
        bucket_mask: u64,
        slot_shift: u32,
        disps: Vec<u32>,
        slots: Vec<Option<usize>>,
    },
}

/// Keys as `u64` (signed keys sign-extended); the slot of key `i` holds `Some(i)`.
pub(crate) fn build(keys: &[u64]) -> Layout {
    let (min, max) = (
        keys.iter().min().copied().unwrap_or(0),
        keys.iter().max().copied().unwrap_or(0),
    );
    let span = max.wrapping_sub(min);
    if span < DENSE_MAX_SLOTS {
        let len = (span + 1).next_power_of_two() as usize;
        let mut slots = vec![None; len];
        for (i, k) in keys.iter().enumerate() {
            slots[dense_slot(*k, min, len)] = Some(i);
        }
        return Layout::Dense { min, slots };
    }
    // Distinct keys almost always place at the first size (load factor <= 1/2, four keys
    // per bucket, 65536 displacements each); each retry doubles the table.
    let first = (2 * keys.len()).next_power_of_two().trailing_zeros().max(1);
    (first..first + 8)
        .find_map(|slot_bits| try_hash(keys, slot_bits))
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

pub(crate) fn dense_slot(key: u64, min: u64, len: usize) -> usize {
    (key.wrapping_sub(min) & (len as u64 - 1)) as usize
}

/// The bucket of a key: the top bits of `key * K1`.
pub(crate) fn bucket(key: u64, bucket_shift: u32, bucket_mask: u64) -> usize {
    ((key.wrapping_mul(K1) >> bucket_shift) & bucket_mask) as usize
}

/// The slot of a key under its bucket's displacement `d`.
pub(crate) fn hash_slot(key: u64, d: u32, slot_shift: u32) -> usize {
    ((key.wrapping_mul(K1) ^ u64::from(d)).wrapping_mul(K2) >> slot_shift) as usize
}

fn try_hash(keys: &[u64], slot_bits: u32) -> Option<Layout> {
    let bucket_bits = (keys.len() / 4).max(1).next_power_of_two().trailing_zeros();
    let (bucket_shift, bucket_mask) = (64 - bucket_bits.max(1), (1u64 << bucket_bits) - 1);
    let slot_shift = 64 - slot_bits;
    let mut buckets: Vec<Vec<usize>> = vec![Vec::new(); 1 << bucket_bits];
    for (i, k) in keys.iter().enumerate() {
        buckets[bucket(*k, bucket_shift, bucket_mask)].push(i);
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
                let s = hash_slot(keys[i], *d, slot_shift);
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
        bucket_shift,
        bucket_mask,
        slot_shift,
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
            let slot = match &layout {
                Layout::Dense { min, slots } => slots[dense_slot(k, *min, slots.len())],
                Layout::Hash {
                    bucket_shift,
                    bucket_mask,
                    slot_shift,
                    disps,
                    slots,
                } => {
                    slots[hash_slot(
                        k,
                        disps[bucket(k, *bucket_shift, *bucket_mask)],
                        *slot_shift,
                    )]
                }
            };
            assert_eq!(slot, Some(i), "key {k}");
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
}
