//! errcodes' lookups side by side with `phf::Map` (phf_codegen), a generated `match`, std
//! `HashMap`, the `http` crate and, for names, a "sampled" perfect-hash prototype.
//!
//! The `errcodes` rows call the crate's public lookups, i.e. its codegen-generated tables (for
//! names: the sampled key through a hash-and-multiply table, `errcodes/src/hash.rs`). The
//! `custom_phf` and `sampled` rows are the prototypes those tables were designed from, kept as
//! references; the `sorted` rows are the generator's last-resort layout (issue 16).
//!
//! One sample is one pass over 65,536 keys drawn at random (fixed seed) from the hit set or the
//! miss set; every key goes through `black_box` and every result is folded into an
//! accumulator. `chain` makes the next key's index depend on the previous result (latency).
//! Run: `cargo bench -p errcodes-benches` (`benches/run.sh` for the pinned 3-run report).

use std::collections::HashMap;
use std::hint::black_box;
use std::sync::LazyLock;

use divan::Bencher;
use errcodes::{http as status, knox::tag, nuki};

#[path = "../src/common.rs"]
mod common;

/// `build.rs` output: `*_PHF`, `*_match`, `*_CUSTOM`, `*_NAME_PHF`, `*_name_match`,
/// `*_NAME_SAMPLED`.
#[allow(clippy::all, missing_docs)]
mod tables {
    include!(concat!(env!("OUT_DIR"), "/tables.rs"));
}

/// Keys per stream.
const N: usize = 1 << 16;

fn main() {
    divan::Divan::default()
        .sample_count(100)
        .sample_size(1)
        .config_with_args()
        .main();
}

/// The name-lookup prototype: `slots[top bits of sampled_hash]` is an index into `keys`,
/// then one full compare. Empty slots point at key 0.
pub struct Sampled<V: 'static, const S: usize> {
    seed: u64,
    slots: [u8; S],
    keys: &'static [(&'static str, V)],
}

impl<V: Copy, const S: usize> Sampled<V, S> {
    #[inline]
    fn get(&self, name: &str) -> Option<V> {
        let h = common::sampled_hash(name.as_bytes(), self.seed);
        let (key, value) = self.keys[usize::from(self.slots[(h >> (64 - S.ilog2())) as usize])];
        (key == name).then_some(value)
    }
}

/// The branch-free integer prototype: `slots[top bits of int_hash]` is an index into `keys`;
/// empty slots point at key 0, so a miss is a compare that fails, not a branch on "empty".
pub struct Custom<K: 'static, V: 'static, const S: usize> {
    seed: u64,
    slots: [u8; S],
    keys: &'static [(K, V)],
}

impl<K: Copy + Into<u64> + PartialEq, V: Copy, const S: usize> Custom<K, V, S> {
    #[inline]
    fn get(&self, key: K) -> Option<V> {
        let h = common::int_hash(key.into(), self.seed);
        let (k, value) = self.keys[usize::from(self.slots[(h >> (64 - S.ilog2())) as usize])];
        (k == key).then_some(value)
    }
}

/// A random stream of hits and one of misses.
struct Streams<K: 'static> {
    hit: Box<[K; N]>,
    miss: Box<[K; N]>,
}

fn draw<K: Copy>(pool: &[K], seed: u64) -> Box<[K; N]> {
    let mut rng = common::Rng::new(seed);
    let keys: Box<[K]> = (0..N).map(|_| pool[rng.below(pool.len())]).collect();
    keys.try_into().unwrap_or_else(|_| unreachable!())
}

fn streams<K: Copy + PartialEq>(hits: &[K], misses: impl IntoIterator<Item = K>) -> Streams<K> {
    let misses: Vec<K> = misses.into_iter().filter(|k| !hits.contains(k)).collect();
    Streams {
        hit: draw(hits, 1),
        miss: draw(&misses, 2),
    }
}

static NUKI: LazyLock<Streams<u8>> = LazyLock::new(|| {
    let hits: Vec<u8> = nuki::Code::ALL.iter().map(|c| c.value()).collect();
    streams(&hits, 0..=255)
});

static HTTP: LazyLock<Streams<u16>> = LazyLock::new(|| {
    let hits: Vec<u16> = status::Code::ALL.iter().map(|c| c.value()).collect();
    streams(&hits, 100..=999)
});

/// Knox misses: half random 32-bit values, half near misses (a hit ± 1..=16).
static KNOX: LazyLock<Streams<u32>> = LazyLock::new(|| {
    let hits: Vec<u32> = tag::Code::ALL.iter().map(|c| c.value()).collect();
    let mut rng = common::Rng::new(3);
    let near = hits
        .iter()
        .flat_map(|&v| (1..=16).flat_map(move |d| [v.wrapping_add(d), v.wrapping_sub(d)]));
    let random: Vec<u32> = (0..near.clone().count())
        .map(|_| rng.next_u64() as u32)
        .collect();
    streams(&hits, near.chain(random))
});

/// Name misses: a third near misses (same length, last character changed), a third the name
/// in the wrong case, a third names of other catalogues.
fn name_streams(catalog: &str, hits: Vec<&'static str>) -> Streams<&'static str> {
    let near = hits.iter().map(|n| {
        let mut s = n[..n.len() - 1].to_string();
        s.push(if n.ends_with('X') { 'Y' } else { 'X' });
        s
    });
    let case = hits.iter().map(|n| {
        let lower = n.to_ascii_lowercase();
        if lower == *n {
            n.to_ascii_uppercase()
        } else {
            lower
        }
    });
    let others: Vec<String> = (errcodes::catalogs().iter())
        .filter(|c| c.id() != catalog)
        .flat_map(|c| c.entries().map(|e| e.name().to_string()))
        .filter(|n| !hits.contains(&n.as_str()))
        .take(hits.len())
        .collect();
    let misses: Vec<&'static str> = near.chain(case).chain(others).map(|s| &*s.leak()).collect();
    streams(&hits, misses)
}

fn names<C: Copy>(all: &[C], entry: impl Fn(C) -> errcodes::Entry) -> Vec<&'static str> {
    (all.iter().map(|c| entry(*c)))
        .flat_map(name_keys)
        .collect()
}

static NUKI_NAMES: LazyLock<Streams<&'static str>> =
    LazyLock::new(|| name_streams("nuki", names(&nuki::Code::ALL, nuki::Code::entry)));

static HTTP_NAMES: LazyLock<Streams<&'static str>> =
    LazyLock::new(|| name_streams("http", names(&status::Code::ALL, status::Code::entry)));

/// Throughput: independent lookups over the whole stream.
#[inline(always)]
fn independent<K: Copy + Sync>(b: Bencher, keys: &[K; N], lookup: impl Fn(K) -> usize + Sync) {
    b.bench(|| {
        let mut acc = 0usize;
        for &k in keys {
            acc = acc.wrapping_add(lookup(black_box(k)));
        }
        acc
    });
}

/// Latency: the next key's index depends on the previous result. The dependency goes through
/// `r & zero` with an opaque `zero`, so the walk stays the stream's random order: letting `r`
/// pick the next key would make the key sequence a function of the branch history, which the
/// branch predictor learns (branchy lookups then look faster on the chain than on `hit`).
#[inline(always)]
fn dependent<K: Copy + Sync>(b: Bencher, keys: &[K; N], lookup: impl Fn(K) -> usize + Sync) {
    let zero = black_box(0usize);
    b.bench(|| {
        let (mut acc, mut i) = (0usize, 0usize);
        for _ in 0..N {
            let r = lookup(black_box(keys[i]));
            acc = acc.wrapping_add(r);
            i = (i + 1 + (r & zero)) % N;
        }
        acc
    });
}

/// One module per approach with three benches: `hit`, `miss` and `chain` (hits, dependent).
/// Each lookup folds its result into a `usize` (code index + 1, or the reason's length).
macro_rules! group {
    ($group:ident, $streams:ident, { $($approach:ident: $lookup:expr,)* }) => {
        mod $group {
            use super::*;
            $(mod $approach {
                use super::*;
                #[divan::bench]
                fn hit(b: Bencher) {
                    independent(b, &$streams.hit, $lookup);
                }
                #[divan::bench]
                fn miss(b: Bencher) {
                    independent(b, &$streams.miss, $lookup);
                }
                #[divan::bench]
                fn chain(b: Bencher) {
                    dependent(b, &$streams.hit, $lookup);
                }
            })*
        }
    };
}

fn hash_map<K: std::hash::Hash + Eq, C: Copy>(
    all: &[C],
    keys: impl Fn(C) -> Vec<K>,
) -> HashMap<K, C> {
    all.iter()
        .flat_map(|c| keys(*c).into_iter().map(|k| (k, *c)))
        .collect()
}

/// The generator's last-resort layouts (issue 16; no real catalogue needs them), built as
/// `errcodes-build` builds them: the keys ascending, each with its code, probed by the
/// runtime's `sorted_slot` / `sorted_text_slot`, then one compare.
fn sorted_table<K: Ord + Copy, C: Copy>(all: &[C], keys: impl Fn(C) -> Vec<K>) -> (Vec<K>, Vec<C>) {
    let mut pairs: Vec<(K, C)> = all
        .iter()
        .flat_map(|c| keys(*c).into_iter().map(move |k| (k, *c)))
        .collect();
    pairs.sort_by_key(|p| p.0);
    pairs.into_iter().unzip()
}

/// `one_table` (BENCHMARKS.md, "After `Entry` by value"): the footprint lever that keeps one
/// dense table of row numbers (`INDEX`, which the accessors need anyway) instead of it and
/// `BY_VALUE`: value -> row + 1 (`u8`), then `Code::ALL[row]`, a second dependent load.
fn rows_table<C: Copy>(all: &[C], value: impl Fn(C) -> usize) -> Vec<u8> {
    let mut rows = vec![0; all.iter().map(|c| value(*c)).max().map_or(0, |m| m + 1)];
    for (row, c) in all.iter().enumerate() {
        rows[value(*c)] = u8::try_from(row + 1).expect("fewer than 255 codes");
    }
    rows
}

#[inline(always)]
fn row_then_all<C: Copy>(rows: &[u8], all: &[C], value: usize) -> Option<C> {
    let row = usize::from(*rows.get(value)?);
    all.get(row.wrapping_sub(1)).copied()
}

// `floor` does no lookup (the key itself is the result): the harness' own cost per key, which
// matters most on `chain` (stream load + black_box round trip + the index update).
group!(nuki_byte, NUKI, {
    floor: usize::from,
    errcodes: |k| nuki::from_byte(k).map_or(0, |c| c as usize + 1),
    phf: |k| tables::NUKI_PHF.get(&k).map_or(0, |c| *c as usize + 1),
    matches: |k| tables::nuki_match(k).map_or(0, |c| c as usize + 1),
    hashmap: {
        let map = hash_map(&nuki::Code::ALL, |c| vec![c.value()]);
        move |k| map.get(&k).map_or(0, |c| *c as usize + 1)
    },
    one_table: {
        let rows = rows_table(&nuki::Code::ALL, |c| usize::from(c.value()));
        move |k: u8| row_then_all(&rows, &nuki::Code::ALL, usize::from(k)).map_or(0, |c| c as usize + 1)
    },
});

group!(http_status, HTTP, {
    floor: usize::from,
    errcodes: |k| status::from_status(k).map_or(0, |c| c as usize + 1),
    errcodes_reason: |k| status::from_status(k).map_or(0, |c| c.name().len()),
    http_crate: |k| {
        let reason = http::StatusCode::from_u16(k).ok().and_then(|s| s.canonical_reason());
        reason.map_or(0, str::len)
    },
    custom_phf: |k| tables::HTTP_CUSTOM.get(k).map_or(0, |c| c as usize + 1),
    phf: |k| tables::HTTP_PHF.get(&k).map_or(0, |c| *c as usize + 1),
    matches: |k| tables::http_match(k).map_or(0, |c| c as usize + 1),
    hashmap: {
        let map = hash_map(&status::Code::ALL, |c| vec![c.value()]);
        move |k| map.get(&k).map_or(0, |c| *c as usize + 1)
    },
    one_table: {
        let rows = rows_table(&status::Code::ALL, |c| usize::from(c.value()));
        move |k: u16| row_then_all(&rows, &status::Code::ALL, usize::from(k)).map_or(0, |c| c as usize + 1)
    },
});

group!(knox_u32, KNOX, {
    floor: |k| k as usize,
    errcodes: |k| tag::from_value(k).map_or(0, |c| c as usize + 1),
    custom_phf: |k| tables::KNOX_CUSTOM.get(k).map_or(0, |c| c as usize + 1),
    sorted: {
        let (keys, codes) = sorted_table(&tag::Code::ALL, |c| vec![u64::from(c.value())]);
        move |k| {
            let c = codes[::errcodes::__private::v1::sorted_slot(u64::from(k), &keys)];
            if c.value() == k { c as usize + 1 } else { 0 }
        }
    },
    phf: |k| tables::KNOX_PHF.get(&k).map_or(0, |c| *c as usize + 1),
    matches: |k| tables::knox_match(k).map_or(0, |c| c as usize + 1),
    hashmap: {
        let map = hash_map(&tag::Code::ALL, |c| vec![c.value()]);
        move |k| map.get(&k).map_or(0, |c| *c as usize + 1)
    },
});

fn name_keys(e: errcodes::Entry) -> Vec<&'static str> {
    std::iter::once(e.name()).chain(e.aliases()).collect()
}

group!(nuki_name, NUKI_NAMES, {
    floor: str::len,
    errcodes: |k: &str| nuki::from_name(k).map_or(0, |c| c as usize + 1),
    phf: |k: &str| tables::NUKI_NAME_PHF.get(k).map_or(0, |c| *c as usize + 1),
    matches: |k: &str| tables::nuki_name_match(k).map_or(0, |c| c as usize + 1),
    hashmap: {
        let map = hash_map(&nuki::Code::ALL, |c| name_keys(c.entry()));
        move |k: &str| map.get(k).map_or(0, |c| *c as usize + 1)
    },
    sampled: |k: &str| tables::NUKI_NAME_SAMPLED.get(k).map_or(0, |c| c as usize + 1),
    sorted: {
        let (keys, codes) = sorted_table(&nuki::Code::ALL, |c| name_keys(c.entry()));
        move |k: &str| {
            let i = ::errcodes::__private::v1::sorted_text_slot(k.as_bytes(), &keys);
            if keys[i] == k { codes[i] as usize + 1 } else { 0 }
        }
    },
});

group!(http_name, HTTP_NAMES, {
    floor: str::len,
    errcodes: |k: &str| status::from_name(k).map_or(0, |c| c as usize + 1),
    phf: |k: &str| tables::HTTP_NAME_PHF.get(k).map_or(0, |c| *c as usize + 1),
    matches: |k: &str| tables::http_name_match(k).map_or(0, |c| c as usize + 1),
    hashmap: {
        let map = hash_map(&status::Code::ALL, |c| name_keys(c.entry()));
        move |k: &str| map.get(k).map_or(0, |c| *c as usize + 1)
    },
    sampled: |k: &str| tables::HTTP_NAME_SAMPLED.get(k).map_or(0, |c| c as usize + 1),
    sorted: {
        let (keys, codes) = sorted_table(&status::Code::ALL, |c| name_keys(c.entry()));
        move |k: &str| {
            let i = ::errcodes::__private::v1::sorted_text_slot(k.as_bytes(), &keys);
            if keys[i] == k { codes[i] as usize + 1 } else { 0 }
        }
    },
});
