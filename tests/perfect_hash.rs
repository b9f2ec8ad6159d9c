//! Issue 16: catalogues whose keys the old perfect-hash builder could not place (it panicked,
//! exit 101, in the regenerate command and in dependents' build scripts) or that validation
//! refused (two texts with one full-text key). The fixtures in `fixtures/perfect_hash/` were
//! found by brute force:
//!
//! - `nuki.yaml`: the real Nuki catalogue with one alias added;
//! - `wide.yaml`: three `u64` codes;
//! - `twins.yaml`: string codes and names whose sampled and full-text keys are equal.
//!
//! As a user would: the public `Builder` writes the modules into a scratch crate that depends
//! on errcodes by path, and that crate's program looks every value, wire text, name and alias
//! up, and some near misses. Its target folder persists under cargo's `CARGO_TARGET_TMPDIR`,
//! so only the first run compiles errcodes.

use std::fs;
use std::path::Path;
use std::process::Command;

const MAIN: &str = r#"
use errcodes::CatalogCode;

mod catalogs;

/// Every code is found by its value, its wire text, its name and each alias.
fn every_key_is_found<C: CatalogCode>(all: &[C]) -> usize {
    let mut found = 0;
    for &code in all {
        let entry = code.entry();
        assert_eq!(C::from_value(code.value()), Some(code), "{}", entry.wire());
        assert_eq!(C::from_wire(entry.wire()), Ok(code), "{}", entry.wire());
        assert_eq!(C::from_name(entry.name()), Some(code), "{}", entry.name());
        for alias in entry.aliases() {
            assert_eq!(C::from_name(alias), Some(code), "{alias}");
            found += 1;
        }
        found += 1;
    }
    found
}

fn main() {
    use catalogs::{nuki, twins, wide};
    let found = every_key_is_found(&nuki::Code::ALL)
        + every_key_is_found(&wide::Code::ALL)
        + every_key_is_found(&twins::Code::ALL);
    // The brute-forced alias is its entry's, and its neighbours are no one's.
    let alias = nuki::from_name("K_ERROR_CODE_ALREADY_EXhpt2nS40").expect("the added alias");
    assert_eq!(alias.name(), "K_ERROR_CODE_ALREADY_EXISTS");
    assert_eq!(nuki::from_name("K_ERROR_CODE_ALREADY_EXhpt2nS41"), None);
    for miss in [3_999_999, 4_000_001, 42_981_210_654_975, 42_981_210_654_977, 0, u64::MAX] {
        assert_eq!(wide::from_value(miss), None, "{miss}");
    }
    assert_eq!(twins::from_value("ERROR_K_MIDDLE_BTAIL_AAA_COLLIDE"), None);
    assert_eq!(twins::from_name("ERROR_K_MIDDLECBTG6L_AAA_COLLIDF"), None);
    println!("found {found}");
}
"#;

#[test]
fn catalogues_the_old_perfect_hash_could_not_place_are_generated_and_found() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    let krate = Path::new(env!("CARGO_TARGET_TMPDIR")).join("perfect-hash");
    let _ = fs::remove_dir_all(krate.join("src"));
    fs::create_dir_all(krate.join("src")).unwrap();
    errcodes_build::Builder::new()
        .catalog_dir(root.join("tests/fixtures/perfect_hash"))
        .write_to(krate.join("src/catalogs"))
        .unwrap_or_else(|e| panic!("the generator refused the fixtures:\n{e}"));
    let manifest = format!(
        "[package]\nname = \"perfect-hash\"\nversion = \"0.0.0\"\nedition = \"2024\"\n\n\
         [dependencies]\nerrcodes = {{ path = {:?}, default-features = false }}\n\n[workspace]\n",
        root.join("errcodes")
    );
    fs::write(krate.join("Cargo.toml"), manifest).unwrap();
    fs::write(krate.join("src/main.rs"), MAIN).unwrap();
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let out = Command::new(cargo)
        .args(["run", "--offline", "--quiet"])
        .current_dir(&krate)
        .env("CARGO_TARGET_DIR", krate.join("target"))
        .env_remove("RUSTFLAGS")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "the generated modules did not build, or a key was not found:\n{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // 45 Nuki codes with 4 device names and the added alias, 3 wide codes, 3 twins.
    assert_eq!(stdout.trim(), "found 56", "{stdout}");
}
