//! Lookup timing against a scratch errcodes generated from a synthetic catalogue; copied into
//! a throwaway crate by `benches/scale.sh` (not part of the workspace build).
//!
//! The same method as `benches/lookups.rs`, as a plain loop: 65,536 keys drawn at random (fixed
//! seed) from the hits or the misses, `black_box` on each key, results folded into an
//! accumulator; the figure is the median of 101 passes, in ns per lookup.

use std::collections::HashSet;
use std::hint::black_box;
use std::time::Instant;

use errcodes::synth::{self, Code};

mod common;

const N: usize = 1 << 16;
const PASSES: usize = 101;

fn draw<K: Copy>(pool: &[K], seed: u64) -> Vec<K> {
    let mut rng = common::Rng::new(seed);
    (0..N).map(|_| pool[rng.below(pool.len())]).collect()
}

/// Median ns per lookup over `PASSES` passes of independent lookups.
fn independent<K: Copy>(keys: &[K], lookup: impl Fn(K) -> usize) -> f64 {
    let mut passes: Vec<f64> = (0..PASSES)
        .map(|_| {
            let start = Instant::now();
            let mut acc = 0usize;
            for &k in keys {
                acc = acc.wrapping_add(lookup(black_box(k)));
            }
            black_box(acc);
            start.elapsed().as_nanos() as f64 / N as f64
        })
        .collect();
    passes.sort_by(f64::total_cmp);
    passes[PASSES / 2]
}

/// Median ns per lookup when the next key's index depends on the previous result.
fn dependent<K: Copy>(keys: &[K], lookup: impl Fn(K) -> usize) -> f64 {
    let zero = black_box(0usize);
    let mut passes: Vec<f64> = (0..PASSES)
        .map(|_| {
            let start = Instant::now();
            let (mut acc, mut i) = (0usize, 0usize);
            for _ in 0..N {
                let r = lookup(black_box(keys[i]));
                acc = acc.wrapping_add(r);
                i = (i + 1 + (r & zero)) % N;
            }
            black_box(acc);
            start.elapsed().as_nanos() as f64 / N as f64
        })
        .collect();
    passes.sort_by(f64::total_cmp);
    passes[PASSES / 2]
}

fn main() {
    let values: Vec<u32> = Code::ALL.iter().map(|c| c.value()).collect();
    let set: HashSet<u32> = values.iter().copied().collect();
    let mut rng = common::Rng::new(7);
    let misses: Vec<u32> = std::iter::from_fn(|| Some(rng.next_u64() as u32))
        .filter(|v| !set.contains(v))
        .take(values.len().max(1024))
        .collect();
    let names: Vec<&str> = Code::ALL.iter().map(|c| c.name()).collect();
    let near: Vec<String> = names
        .iter()
        .map(|n| format!("{}X", &n[..n.len() - 1]))
        .collect();
    let near: Vec<&str> = near.iter().map(String::as_str).collect();

    let by_value = |k: u32| synth::from_value(k).map_or(0, |c| c as usize + 1);
    let by_name = |k: &str| synth::from_name(k).map_or(0, |c| c as usize + 1);
    let (hits, misses) = (draw(&values, 1), draw(&misses, 2));
    let (name_hits, name_misses) = (draw(&names, 3), draw(&near, 4));
    println!(
        "entries={} value_hit={:.2} value_miss={:.2} value_chain={:.2} name_hit={:.2} name_miss={:.2}",
        values.len(),
        independent(&hits, by_value),
        independent(&misses, by_value),
        dependent(&hits, by_value),
        independent(&name_hits, by_name),
        independent(&name_misses, by_name),
    );
}
