//! The fuzz targets' oracles in `cargo test`: every committed seed under `fuzz/seeds/`, then
//! generated inputs, through the same functions the libFuzzer targets call.
//!
//! The oracles are `fuzz/src/lib.rs`, compiled into this test as a module (the fuzz crate is
//! not a workspace member: it needs libFuzzer, and its own lock file). So `cargo test
//! --workspace` checks a lookup against a linear scan of the entries and every body parser's
//! byte-for-byte round trip, with no nightly compiler; `.ci/run` builds the fuzz crate itself.

#[path = "../fuzz/src/lib.rs"]
#[allow(dead_code, clippy::all)]
mod oracles;

use std::fs;
use std::path::PathBuf;

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

/// The committed seeds of one target, by file name; there must be some.
fn seeds(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../fuzz/seeds")
        .join(target);
    let mut found: Vec<(String, Vec<u8>)> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, fs::read(&p).unwrap())
        })
        .collect();
    found.sort();
    assert!(found.len() >= 8, "{target}: only {} seeds", found.len());
    found
}

/// Runs `oracle` on every seed, naming the seed that broke it.
fn replay(target: &str, oracle: fn(&[u8])) {
    for (name, bytes) in seeds(target) {
        let caught = std::panic::catch_unwind(|| oracle(&bytes));
        assert!(
            caught.is_ok(),
            "fuzz/seeds/{target}/{name} broke the oracle"
        );
    }
}

/// `cases` inputs from `strategy`, each through `oracle` (a failure is shrunk and shown).
fn generated(cases: u32, strategy: impl Strategy<Value = Vec<u8>>, oracle: fn(&[u8])) {
    let config = Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    };
    TestRunner::new(config)
        .run(&strategy, |bytes| {
            oracle(&bytes);
            Ok(())
        })
        .unwrap();
}

/// Small edits of a seed: a byte replaced, inserted or removed at some position.
fn mutated(seeds: Vec<(String, Vec<u8>)>) -> impl Strategy<Value = Vec<u8>> {
    let seeds: Vec<Vec<u8>> = seeds.into_iter().map(|(_, b)| b).collect();
    (
        prop::sample::select(seeds),
        prop::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0..3u8), 0..4),
    )
        .prop_map(|(mut bytes, edits)| {
            for (at, byte, how) in edits {
                let i = at.index(bytes.len() + 1);
                match how {
                    0 if i < bytes.len() => bytes[i] = byte,
                    1 => bytes.insert(i, byte),
                    _ if i < bytes.len() => {
                        bytes.remove(i);
                    }
                    _ => {}
                }
            }
            bytes
        })
}

#[test]
fn wire_text_oracle_holds_on_every_seed() {
    replay("wire_text", oracles::wire_text);
}

#[test]
fn response_bodies_oracle_holds_on_every_seed() {
    replay("response_bodies", oracles::response_bodies);
}

#[test]
fn catalog_yaml_oracle_holds_on_every_seed() {
    replay("catalog_yaml", oracles::catalog_yaml);
}

/// Wire texts near every catalogue's values: numbers in decimal and hex with and without
/// `0x`, signs, padding and case, every documented name, and edited seeds.
#[test]
fn wire_text_oracle_holds_on_generated_texts() {
    let names: Vec<String> = errcodes::catalogs()
        .iter()
        .flat_map(|c| c.entries().map(|e| e.name().to_owned()))
        .collect();
    let wires: Vec<String> = errcodes::catalogs()
        .iter()
        .flat_map(|c| c.entries().map(|e| e.wire().to_owned()))
        .collect();
    let number = (any::<i64>(), 0..6u8, any::<bool>()).prop_map(|(n, form, pad)| {
        let text = match form {
            0 => n.to_string(),
            1 => format!("{:x}", n.unsigned_abs()),
            2 => format!("0x{:X}", n.unsigned_abs() % 0x1_0000),
            3 => format!("{}", n.rem_euclid(1000)),
            4 => format!("+{}", n.unsigned_abs() % 100_000_000),
            _ => format!("{:02x}", n.unsigned_abs() % 256),
        };
        if pad { format!(" {text}") } else { text }
    });
    let strategy = prop_oneof![
        number.prop_map(String::into_bytes),
        (prop::sample::select(names), any::<bool>()).prop_map(|(n, lower)| if lower {
            n.to_ascii_lowercase().into_bytes()
        } else {
            n.into_bytes()
        }),
        prop::sample::select(wires).prop_map(String::into_bytes),
        mutated(seeds("wire_text")),
        prop::collection::vec(any::<u8>(), 0..12),
    ];
    generated(400, strategy, oracles::wire_text);
}

/// Edited body seeds (most still JSON, some vendor-shaped bodies with a changed byte).
#[test]
fn response_bodies_oracle_holds_on_generated_bodies() {
    generated(
        400,
        mutated(seeds("response_bodies")),
        oracles::response_bodies,
    );
}

/// Edited catalogue seeds: mostly rejected with located problems, never a panic.
#[test]
fn catalog_yaml_oracle_holds_on_generated_catalogues() {
    generated(60, mutated(seeds("catalog_yaml")), oracles::catalog_yaml);
}
