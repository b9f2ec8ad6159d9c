//! Generates the baselines the benches compare errcodes against, from errcodes' own keys:
//! `phf::Map`s (phf_codegen), `match` functions, and the "sampled" perfect-hash prototype for
//! names. Output: `$OUT_DIR/tables.rs`, included by `benches/lookups.rs`.

use std::fmt::Write;

use errcodes::{http, knox::tag, nuki};

#[path = "src/common.rs"]
mod common;

/// One catalogue's keys: `(value, names and aliases)` per code, in `Code::ALL` order.
struct Keys {
    prefix: &'static str,
    code: &'static str,
    key: &'static str,
    values: Vec<u64>,
    /// The `phf::Map` literal from value to code, built with the native key type.
    value_phf: String,
    names: Vec<(String, usize)>,
}

macro_rules! keys {
    ($prefix:literal, $module:ident, $path:literal, $key:literal) => {{
        let all = $module::Code::ALL;
        Keys {
            prefix: $prefix,
            code: $path,
            key: $key,
            values: all.iter().map(|c| u64::from(c.value())).collect(),
            value_phf: {
                let mut map = phf_codegen::Map::new();
                for (i, c) in all.iter().enumerate() {
                    map.entry(c.value(), format!("{}::ALL[{i}]", $path));
                }
                map.build().to_string()
            },
            names: all
                .iter()
                .enumerate()
                .flat_map(|(i, c)| {
                    std::iter::once(c.name())
                        .chain(c.entry().aliases())
                        .map(move |n| (n.to_string(), i))
                })
                .collect(),
        }
    }};
}

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=src/common.rs");
    let mut out = String::new();
    let catalogs = [
        keys!("NUKI", nuki, "errcodes::nuki::Code", "u8"),
        keys!("HTTP", http, "errcodes::http::Code", "u16"),
        keys!("KNOX", tag, "errcodes::knox::tag::Code", "u32"),
    ];
    for k in &catalogs {
        value_phf(&mut out, k);
        value_match(&mut out, k);
    }
    for k in &catalogs[1..] {
        value_custom(&mut out, k);
    }
    for k in &catalogs[..2] {
        name_phf(&mut out, k);
        name_match(&mut out, k);
        name_sampled(&mut out, k);
    }
    let path = std::path::Path::new(&std::env::var("OUT_DIR").unwrap()).join("tables.rs");
    std::fs::write(path, out).unwrap();
}

fn value_phf(out: &mut String, k: &Keys) {
    writeln!(
        out,
        "pub static {}_PHF: ::phf::Map<{}, {}> = {};",
        k.prefix, k.key, k.code, k.value_phf
    )
    .unwrap();
}

fn value_match(out: &mut String, k: &Keys) {
    writeln!(
        out,
        "pub fn {}_match(v: {}) -> Option<{}> {{ match v {{",
        k.prefix.to_lowercase(),
        k.key,
        k.code
    )
    .unwrap();
    for (i, v) in k.values.iter().enumerate() {
        writeln!(out, "    {v} => Some({}::ALL[{i}]),", k.code).unwrap();
    }
    writeln!(out, "    _ => None,\n}} }}").unwrap();
}

fn name_phf(out: &mut String, k: &Keys) {
    let mut map = phf_codegen::Map::new();
    for (name, i) in &k.names {
        map.entry(name.as_str(), format!("{}::ALL[{i}]", k.code));
    }
    writeln!(
        out,
        "pub static {}_NAME_PHF: ::phf::Map<&'static str, {}> = {};",
        k.prefix,
        k.code,
        map.build()
    )
    .unwrap();
}

fn name_match(out: &mut String, k: &Keys) {
    writeln!(
        out,
        "pub fn {}_name_match(v: &str) -> Option<{}> {{ match v {{",
        k.prefix.to_lowercase(),
        k.code
    )
    .unwrap();
    for (name, i) in &k.names {
        writeln!(out, "    {name:?} => Some({}::ALL[{i}]),", k.code).unwrap();
    }
    writeln!(out, "    _ => None,\n}} }}").unwrap();
}

/// A branch-free multiply-shift perfect hash for integer keys (the "custom PHF" of
/// perf-anchors.md): `slots[top bits of (key ^ seed) * K]` is an index into `keys`, empty slots
/// point at key 0, then one compare.
fn value_custom(out: &mut String, k: &Keys) {
    let n = k.values.len();
    let mut rng = common::Rng::new(0x5EED);
    for bits in (2 * n).next_power_of_two().trailing_zeros()..16 {
        let size = 1usize << bits;
        for _ in 0..1_000_000 {
            let seed = rng.next_u64();
            let mut slots = vec![None; size];
            let perfect = k.values.iter().enumerate().all(|(j, v)| {
                let slot = (common::int_hash(*v, seed) >> (64 - bits)) as usize;
                slots[slot].replace(j).is_none()
            });
            if perfect {
                let slots: Vec<usize> = slots.iter().map(|s| s.unwrap_or(0)).collect();
                let keys: Vec<String> = (k.values.iter().enumerate())
                    .map(|(i, v)| format!("({v}, {}::ALL[{i}])", k.code))
                    .collect();
                writeln!(
                    out,
                    "pub static {}_CUSTOM: super::Custom<{}, {}, {size}> = super::Custom {{ \
                     seed: {seed:#x}, slots: {slots:?}, keys: &[{}] }};",
                    k.prefix,
                    k.key,
                    k.code,
                    keys.join(", ")
                )
                .unwrap();
                return;
            }
        }
    }
    panic!("no perfect integer hash for {}", k.prefix);
}

/// Searches a seed under which every name gets its own slot of a `2^bits` table, starting at
/// the smallest table with at least twice as many slots as names.
fn name_sampled(out: &mut String, k: &Keys) {
    let n = k.names.len();
    let mut rng = common::Rng::new(0x5EED);
    for bits in (2 * n).next_power_of_two().trailing_zeros()..16 {
        let size = 1usize << bits;
        for _ in 0..1_000_000 {
            let seed = rng.next_u64();
            let mut slots = vec![None; size];
            let perfect = k.names.iter().enumerate().all(|(j, (name, _))| {
                let slot = (common::sampled_hash(name.as_bytes(), seed) >> (64 - bits)) as usize;
                slots[slot].replace(j).is_none()
            });
            if perfect {
                // Empty slots point at key 0: the lookup compares and misses without a branch.
                let slots: Vec<usize> = slots.iter().map(|s| s.unwrap_or(0)).collect();
                let keys: Vec<String> = (k.names.iter())
                    .map(|(name, i)| format!("({name:?}, {}::ALL[{i}])", k.code))
                    .collect();
                writeln!(
                    out,
                    "pub static {}_NAME_SAMPLED: super::Sampled<{}, {size}> = super::Sampled {{ \
                     seed: {seed:#x}, slots: {slots:?}, keys: &[{}] }};",
                    k.prefix,
                    k.code,
                    keys.join(", ")
                )
                .unwrap();
                return;
            }
        }
    }
    panic!("no perfect sampled hash for {}", k.prefix);
}
