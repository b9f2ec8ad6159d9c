//! Lookup tables over 64-bit keys: a dense table when the keys are close together, a
//! hash-and-multiply perfect hash when they are sparse (Knox's 4000000 … 50000000, and the
//! keys of names), and a sorted table as the last resort, which every set of distinct keys
//! has. Building is total: no set of distinct keys, however chosen, fails or panics. The
//! probing functions are the runtime's own (`errcodes/src/hash.rs`, included here as
//! `crate::hash`).

use crate::hash::{self, Shape};

/// Dense tables are used up to this many slots.
const DENSE_MAX_SLOTS: u64 = 1024;
/// Multipliers tried per bucket before the table grows.
const MAX_TRIES: u64 = 1 << 16;

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Layout {
    /// `slots[dense_slot(key, min, len - 1)]`; with `min == 0` and 256 slots for bytes,
    /// every key has its own slot.
    Dense { min: u64, slots: Vec<Option<usize>> },
    /// `slots[multiplied_slot(key, &multipliers, shape)]`.
    Hash {
        shape: Shape,
        multipliers: Vec<u64>,
        slots: Vec<Option<usize>>,
    },
    /// `slots[sorted_slot(key, &keys)]`, `keys` ascending: what keys get when no perfect hash
    /// was found within the sizes tried (no known set of distinct keys needs it).
    Sorted {
        keys: Vec<u64>,
        slots: Vec<Option<usize>>,
    },
    /// `slots[sorted_text_slot(text, &texts)]`, `texts` ascending: what texts get when even
    /// their full-text keys collide.
    SortedText {
        texts: Vec<String>,
        slots: Vec<Option<usize>>,
    },
}

impl Layout {
    pub fn slots(&self) -> &[Option<usize>] {
        match self {
            Layout::Dense { slots, .. }
            | Layout::Hash { slots, .. }
            | Layout::Sorted { slots, .. }
            | Layout::SortedText { slots, .. } => slots,
        }
    }

    /// The slot `key` probes (a text layout's key is the text's full key).
    #[cfg(test)]
    pub fn slot(&self, key: u64) -> usize {
        match self {
            Layout::Dense { min, slots } => hash::dense_slot(key, *min, slots.len() as u64 - 1),
            Layout::Hash {
                shape, multipliers, ..
            } => hash::multiplied_slot(key, multipliers, *shape),
            Layout::Sorted { keys, .. } => hash::sorted_slot(key, keys),
            Layout::SortedText { .. } => unreachable!("text layouts are probed by text"),
        }
    }
}

/// A table in which the slot of `keys[i]` holds `Some(i)`, for any distinct keys.
pub(crate) fn build(keys: &[u64]) -> Layout {
    dense(keys)
        .or_else(|| perfect_hash(keys))
        .unwrap_or_else(|| sorted(keys))
}

fn dense(keys: &[u64]) -> Option<Layout> {
    let (min, max) = (
        keys.iter().min().copied().unwrap_or(0),
        keys.iter().max().copied().unwrap_or(0),
    );
    let span = max.wrapping_sub(min);
    if span >= DENSE_MAX_SLOTS {
        return None;
    }
    let mask = (span + 1).next_power_of_two() - 1;
    let mut slots = vec![None; mask as usize + 1];
    for (i, k) in keys.iter().enumerate() {
        // Masked below the table's length.
        if let Some(slot) = slots.get_mut(hash::dense_slot(*k, min, mask)) {
            *slot = Some(i);
        }
    }
    Some(Layout::Dense { min, slots })
}

fn perfect_hash(keys: &[u64]) -> Option<Layout> {
    // Up to 64 keys, one bucket in a table of 4-16 slots per key: its multiplier is a
    // constant the compiler folds, so a probe is one multiply and one load.
    let sparse = (4 * keys.len()).next_power_of_two().trailing_zeros().max(1);
    let single = (keys.len() <= 64)
        .then(|| (sparse..sparse + 3).find_map(|bits| try_hash(keys, bits, 0)))
        .flatten();
    // Otherwise four keys per bucket at load factor <= 1/2 almost always place at the first
    // size (65536 multipliers each); each retry doubles the table.
    let first = (2 * keys.len()).next_power_of_two().trailing_zeros().max(1);
    let buckets = (keys.len() / 4).max(1).next_power_of_two().trailing_zeros();
    single.or_else(|| (first..first + 8).find_map(|bits| try_hash(keys, bits, buckets)))
}

/// The last resort: keys ascending, each slot its key's index.
fn sorted(keys: &[u64]) -> Layout {
    let mut order: Vec<usize> = (0..keys.len()).collect();
    order.sort_by_key(|i| keys.get(*i));
    Layout::Sorted {
        keys: order.iter().filter_map(|i| keys.get(*i).copied()).collect(),
        slots: order.into_iter().map(Some).collect(),
    }
}

/// The byte layout: all 256 values have a slot, so a lookup needs no compare. Keys above 255
/// (which validation rejects for byte catalogues) get a general table instead.
pub(crate) fn full_byte(keys: &[u64]) -> Layout {
    if keys.iter().any(|k| *k > 255) {
        return build(keys);
    }
    let mut slots = vec![None; 256];
    for (i, k) in keys.iter().enumerate() {
        if let Some(slot) = slots.get_mut(*k as usize) {
            *slot = Some(i);
        }
    }
    Layout::Dense { min: 0, slots }
}

/// How a text table is probed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TextKey {
    /// `text_key(text, false)`: length and first and last 8 bytes.
    Sampled,
    /// `text_key(text, true)`: every byte, when two texts share their sampled key.
    Full,
    /// The text itself, in a [`Layout::SortedText`]: when two texts share even their full key.
    Text,
}

/// The table of distinct `texts` (the slot of `texts[i]` holds `Some(i)`), and how it is
/// probed: by the sampled key when the texts' sampled keys are distinct, else by the full key
/// when those are, else (two texts with one full 64-bit hash, which can be constructed on
/// purpose) by the texts themselves.
pub(crate) fn text_layout<'a>(texts: impl Iterator<Item = &'a str> + Clone) -> (TextKey, Layout) {
    for (probe, full) in [(TextKey::Sampled, false), (TextKey::Full, true)] {
        let keys: Vec<u64> = texts
            .clone()
            .map(|t| hash::text_key(t.as_bytes(), full))
            .collect();
        let mut sorted = keys.clone();
        sorted.sort_unstable();
        sorted.dedup();
        if sorted.len() == keys.len() {
            return (probe, build(&keys));
        }
    }
    let texts: Vec<&str> = texts.collect();
    let mut order: Vec<usize> = (0..texts.len()).collect();
    order.sort_by_key(|i| texts.get(*i).map(|t| t.as_bytes()));
    let layout = Layout::SortedText {
        texts: order
            .iter()
            .filter_map(|i| texts.get(*i).map(|t| (*t).to_owned()))
            .collect(),
        slots: order.into_iter().map(Some).collect(),
    };
    (TextKey::Text, layout)
}

/// The multiplier of try `n`: odd, its bits spread over all 64 (splitmix64 of `n + 1`).
fn multiplier(n: u64) -> u64 {
    let mut z = (n + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    (z ^ (z >> 31)) | 1
}

fn try_hash(keys: &[u64], slot_bits: u32, bucket_bits: u32) -> Option<Layout> {
    let shape = Shape {
        bucket_shift: 64 - bucket_bits.max(1),
        bucket_mask: (1u64 << bucket_bits) - 1,
        slot_shift: 64 - slot_bits,
    };
    let mut buckets: Vec<Vec<(usize, u64)>> = vec![Vec::new(); 1 << bucket_bits];
    for (i, k) in keys.iter().enumerate() {
        buckets.get_mut(hash::bucket(*k, shape))?.push((i, *k));
    }
    let mut order: Vec<&Vec<(usize, u64)>> = buckets.iter().collect();
    let mut multipliers = vec![1u64; buckets.len()];
    order.sort_by_key(|b| std::cmp::Reverse(b.len()));
    let mut slots: Vec<Option<usize>> = vec![None; 1 << slot_bits];
    let mut wanted = Vec::new();
    for bucket in order.into_iter().take_while(|b| !b.is_empty()) {
        let b = hash::bucket(bucket.first()?.1, shape);
        let m = (0..MAX_TRIES).map(multiplier).find(|m| {
            wanted.clear();
            bucket.iter().all(|&(_, k)| {
                let s = hash::multiplied_slot(k, &[*m], single(shape));
                let free = matches!(slots.get(s), Some(None)) && !wanted.contains(&s);
                wanted.push(s);
                free
            })
        })?;
        *multipliers.get_mut(b)? = m;
        for (&(i, _), &s) in bucket.iter().zip(&wanted) {
            *slots.get_mut(s)? = Some(i);
        }
    }
    Some(Layout::Hash {
        shape,
        multipliers,
        slots,
    })
}

/// `shape` with one bucket: probes one bucket's keys with that bucket's multiplier.
fn single(shape: Shape) -> Shape {
    Shape {
        bucket_shift: 63,
        bucket_mask: 0,
        ..shape
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Every key is found in its own slot, and no other key's.
    fn assert_perfect(keys: &[u64]) -> Layout {
        let layout = build(keys);
        for (i, &k) in keys.iter().enumerate() {
            assert_eq!(layout.slots()[layout.slot(k)], Some(i), "key {k}");
        }
        layout
    }

    fn assert_texts_found(texts: &[&str]) -> TextKey {
        let (probed, layout) = text_layout(texts.iter().copied());
        for (i, t) in texts.iter().enumerate() {
            let slot = match (&layout, probed) {
                (Layout::SortedText { texts, .. }, TextKey::Text) => {
                    let sorted: Vec<&str> = texts.iter().map(String::as_str).collect();
                    hash::sorted_text_slot(t.as_bytes(), &sorted)
                }
                (_, TextKey::Sampled | TextKey::Full) => {
                    layout.slot(hash::text_key(t.as_bytes(), probed == TextKey::Full))
                }
                _ => panic!("{probed:?} with {layout:?}"),
            };
            assert_eq!(layout.slots()[slot], Some(i), "text {t:?}");
        }
        probed
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
        assert!(matches!(assert_perfect(&many), Layout::Hash { .. }));
    }

    /// Issue 16: 4000000 and 4000000 + 655841166 * 2^16 mix (times `K1`) to values that agree
    /// in their low 16 bits and whose difference times `K2` is about 2^30, so the old
    /// displacements (XORed into the low 16 bits before the `K2` multiply) left them in one
    /// slot of every table size, and `build` panicked.
    #[test]
    fn keys_no_displacement_separated_get_a_perfect_hash() {
        let keys = [4_000_000, 42_981_210_654_976, 4_000_001 << 20];
        assert!(matches!(assert_perfect(&keys), Layout::Hash { .. }));
    }

    #[test]
    fn the_sorted_last_resort_finds_every_key() {
        let keys = [u64::MAX, 0, 7, 1 << 63, 42_981_210_654_976, 4_000_000];
        let layout = sorted(&keys);
        for (i, &k) in keys.iter().enumerate() {
            assert_eq!(layout.slots()[layout.slot(k)], Some(i));
        }
        // A key that is not there still reads a slot in range.
        for miss in [1, 8, u64::MAX - 1] {
            assert!(layout.slot(miss) < keys.len());
        }
        assert_eq!(hash::sorted_slot(5, &[]), 0);
        assert_eq!(hash::sorted_text_slot(b"x", &[]), 0);
    }

    #[test]
    fn byte_tables_have_every_byte_and_take_no_key_above_255() {
        assert!(
            matches!(full_byte(&[0, 255, 16]), Layout::Dense { min: 0, ref slots } if slots.len() == 256)
        );
        assert!(
            !matches!(full_byte(&[0, 256]), Layout::Dense { ref slots, .. } if slots.len() == 256)
        );
    }

    #[test]
    fn text_keys_fall_back_to_the_full_hash_when_samples_collide() {
        let distinct = ["P_ERROR_MAX_USER", "K_ERROR_BAD_PIN", "Ok"];
        assert_eq!(assert_texts_found(&distinct), TextKey::Sampled);
        // Same length, same first and last 8 bytes: only the middle differs.
        let alike = ["ABCDEFGH_1_STUVWXYZ", "ABCDEFGH_2_STUVWXYZ"];
        assert_eq!(assert_texts_found(&alike), TextKey::Full);
    }

    /// Two names with one sampled and one full 64-bit key, built (not found by chance): the
    /// full key folds 8-byte words as `h = (rotl(h, 23) ^ word) * K1`, so after two different
    /// third words a chosen fourth word brings both states together, and the last word is the
    /// same. Validation used to refuse such a catalogue; now its texts are searched.
    const FULL_KEY_TWINS: [&str; 2] = [
        "ERROR_K_MIDDLE_ATAIL_AAA_COLLIDE",
        "ERROR_K_MIDDLECBTG6L_AAA_COLLIDE",
    ];

    #[test]
    fn texts_whose_full_keys_collide_get_a_sorted_text_table() {
        let [a, b] = FULL_KEY_TWINS;
        assert_eq!(
            hash::text_key(a.as_bytes(), true),
            hash::text_key(b.as_bytes(), true)
        );
        assert_eq!(assert_texts_found(&[a, b, "Ok", "ERROR"]), TextKey::Text);
    }

    /// Adversarial near-collisions of a base key: one bit flipped, high bits only, low bits
    /// only, multiples of large powers of two, and keys whose mixed values (times `K1`) differ
    /// by a multiple of `step` (in one bucket, apart only above the low bits).
    fn near(base: u64, kind: u8, i: u64, step: u64) -> u64 {
        match kind % 6 {
            0 => base ^ (1 << (i % 64)),
            1 => base ^ (i << 40),
            2 => base ^ (i & 0xFFFF),
            3 => i << (32 + base % 32),
            4 => base.wrapping_add(i.wrapping_mul(step)),
            _ => base.wrapping_add(i.wrapping_mul(42_981_206_654_976)),
        }
    }

    fn distinct(mut keys: Vec<u64>) -> Vec<u64> {
        let mut seen = std::collections::HashSet::new();
        keys.retain(|k| seen.insert(*k));
        keys
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn any_distinct_keys_get_a_table(
            keys in proptest::collection::vec(any::<u64>(), 1..3000),
        ) {
            assert_perfect(&distinct(keys));
        }

        #[test]
        fn adversarial_near_collisions_get_a_table(
            base in any::<u64>(),
            kinds in proptest::collection::vec(any::<u8>(), 1..4),
            len in 2..2500u64,
            step in any::<u64>(),
        ) {
            let keys: Vec<u64> = kinds
                .iter()
                .flat_map(|&kind| (0..len).map(move |i| near(base, kind, i, step << 16)))
                .collect();
            assert_perfect(&distinct(keys));
        }

        #[test]
        fn texts_sharing_length_and_ends_get_a_table(
            middles in proptest::collection::btree_set("[A-Z0-9_]{1,12}", 1..400),
            extra in proptest::collection::vec("[ -~]{0,40}", 0..50),
            twins in any::<bool>(),
        ) {
            // Same first and last 8 bytes and length within each length: sampled keys collide.
            let mut texts: Vec<String> = middles
                .iter()
                .map(|m| format!("ERROR_K_{m:_<12}_SUFFIX_"))
                .chain(extra)
                .chain(FULL_KEY_TWINS.iter().filter(|_| twins).map(|t| (*t).to_owned()))
                .collect();
            let mut seen = std::collections::HashSet::new();
            texts.retain(|t| seen.insert(t.clone()));
            let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
            assert_texts_found(&refs);
        }
    }
}
