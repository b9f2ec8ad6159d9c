//! Writes synthetic catalogues for the scaling measurements (`benches/scale.sh`): ENTRIES
//! entries with sparse random `u32` values (decimal wire) and names of 19 characters
//! (`ERR_KQZMVBTA_000042`), in FILES files of equal size (default 1): `synth.yaml`
//! (`id: synth`), then `synth2.yaml` (`id: synth2`) and so on. Never written into `catalog/`.
//!
//! Codegen accepts at most `errcodes_build::MAX_ENTRIES` (50,000) entries per run, and
//! `errcodes_build::MAX_TOTAL_BYTES` (32 MiB) of catalogue files.
//!
//! `cargo run --release -p errcodes-benches --bin synth-catalog -- 10000 /tmp/scale/catalog [FILES] [DESC_BYTES]`
//!
//! DESC_BYTES (default 0) pads every description to about that many bytes of words, for the
//! memory measurement at the byte limit (`benches/limits.sh`).

use std::collections::HashSet;
use std::fmt::Write;
use std::process::ExitCode;

#[path = "common.rs"]
mod common;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let number = |i: usize| args.get(i).map(|n| n.parse::<usize>().ok());
    let (Some(Some(n)), Some(dir), Some(files), Some(pad)) = (
        number(0),
        args.get(1),
        number(2).unwrap_or(Some(1)),
        number(3).unwrap_or(Some(0)),
    ) else {
        eprintln!("usage: synth-catalog ENTRIES DIR [FILES] [DESC_BYTES]");
        return ExitCode::from(2);
    };
    if n == 0 || n > 1_000_000 || files == 0 || files > n {
        eprintln!("synth-catalog: need 1 <= FILES <= ENTRIES <= 1000000");
        return ExitCode::from(2);
    }
    let mut rng = common::Rng::new(n as u64);
    let mut seen = HashSet::new();
    for f in 0..files {
        let id = if f == 0 {
            "synth".to_string()
        } else {
            format!("synth{}", f + 1)
        };
        let range = (f * n / files)..((f + 1) * n / files);
        let yaml = catalog(&id, range, &mut rng, &mut seen, pad);
        let path = std::path::Path::new(dir).join(format!("{id}.yaml"));
        if let Err(err) = std::fs::create_dir_all(dir).and_then(|()| std::fs::write(&path, yaml)) {
            eprintln!("synth-catalog: {}: {err}", path.display());
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}

/// One file: entries `range` of the whole set; `seen` keeps values distinct across files.
fn catalog(
    id: &str,
    range: std::ops::Range<usize>,
    rng: &mut common::Rng,
    seen: &mut HashSet<u32>,
    pad: usize,
) -> String {
    let n = range.len();
    let mut out = format!(
        "# Synthetic catalogue for benches/scale.sh ({n} entries); not a real vendor.\n\
         id: {id}\n\
         title: Synthetic catalogue with {n} entries\n\
         key: u32\n\
         wire: decimal\n\
         sources:\n  \
           - id: synth\n    \
             title: benches/src/synth_catalog.rs\n    \
             url: https://example.invalid/synth\n\
         entries:\n"
    );
    for i in range {
        let value = loop {
            let v = rng.next_u64() as u32;
            if seen.insert(v) {
                break v;
            }
        };
        // 8 random capitals, then the index: unique names and unique UpperCamelCase idents.
        let word: String = (0..8)
            .map(|_| char::from(b'A' + rng.below(26) as u8))
            .collect();
        let mut description = format!("Synthetic code {i}.");
        while description.len() < pad {
            description.push_str(" padding");
        }
        writeln!(
            out,
            "  - value: {value}\n    name: ERR_{word}_{i:06}\n    description: {description}\n    action: fix_request\n    source: synth"
        )
        .unwrap_or_default();
    }
    out
}
