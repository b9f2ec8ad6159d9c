//! Committed-output mode from nothing (issue 16 item 9): a new crate outside the workspace
//! follows errcodes-build's README to the letter (its dependency lines, its regenerate example
//! and its check test, read out of the README itself), starting with no generated files.
//! The first run creates them, the module is declared, and the crate's tests, the generated
//! doctests and the freshness check pass; an edited catalogue makes the check fail with the
//! command to run, and running it makes the check pass again.
//!
//! Shares the persistent target folder of `build_script.rs` (`target/tmp/outside-crate`), so
//! errcodes-build's dependencies are compiled once for both.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

/// The code block of `readme` that starts with `first_line`.
fn block<'a>(readme: &'a str, first_line: &str) -> &'a str {
    let start = readme
        .find(&format!("\n{first_line}"))
        .unwrap_or_else(|| panic!("the README has no block starting {first_line:?}"));
    let rest = &readme[start + 1..];
    &rest[..rest.find("\n```").expect("the block ends")]
}

fn cargo(krate: &Path, args: &[&str]) -> Output {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    Command::new(cargo)
        .args(args)
        .arg("--offline")
        .current_dir(krate)
        .env(
            "CARGO_TARGET_DIR",
            Path::new(env!("CARGO_TARGET_TMPDIR")).join("outside-crate/target"),
        )
        .env_remove("RUSTFLAGS")
        .env_remove("CARGO_BUILD_RUSTFLAGS")
        .output()
        .unwrap()
}

fn ok(out: &Output, what: &str) {
    assert!(
        out.status.success(),
        "{what} failed:\n{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_new_crate_follows_the_readme_from_no_generated_files() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    let readme = fs::read_to_string(root.join("codegen/errcodes-build/README.md")).unwrap();
    // Always at the same place, laid anew each run, so its build output in the persistent
    // target folder is replaced rather than piled up (as build_script.rs does).
    let krate = Path::new(env!("CARGO_TARGET_TMPDIR")).join("outside-crate/my-crate");
    if krate.exists() {
        fs::remove_dir_all(&krate).unwrap();
    }
    fs::create_dir_all(krate.join("catalog")).unwrap();
    fs::create_dir_all(krate.join("examples")).unwrap();
    fs::create_dir_all(krate.join("tests")).unwrap();
    fs::create_dir_all(krate.join("src")).unwrap();
    fs::copy(
        root.join("codegen/acme-lock/catalog/lock.yaml"),
        krate.join("catalog/lock.yaml"),
    )
    .unwrap();

    // The README's dependency lines, with its `../errcodes` checkout pointed at this one.
    let deps = block(&readme, "# Cargo.toml\n[dependencies]").replace(
        "path = \"../errcodes/",
        &format!("path = \"{}/", root.display()),
    );
    fs::write(
        krate.join("Cargo.toml"),
        format!(
            "[package]\nname = \"my-crate\"\nversion = \"0.1.0\"\nedition = \"2024\"\n\n{}\n\n[workspace]\n",
            deps.trim_start_matches("# Cargo.toml\n")
        ),
    )
    .unwrap();
    fs::copy(root.join("Cargo.lock"), krate.join("Cargo.lock")).unwrap();
    let example = block(&readme, "// examples/regenerate.rs");
    fs::write(krate.join("examples/regenerate.rs"), example).unwrap();
    fs::write(krate.join("src/lib.rs"), "//! My crate.\n").unwrap();

    // First run: no module yet, so the example builds and creates src/codes/.
    ok(
        &cargo(&krate, &["run", "--example", "regenerate"]),
        "the first run",
    );
    assert!(krate.join("src/codes/mod.rs").is_file());

    // Declare the module as the README says, and add its check test (with the same builder).
    let declare = block(&readme, "// src/lib.rs");
    fs::write(
        krate.join("src/lib.rs"),
        format!("//! My crate.\n{declare}\n"),
    )
    .unwrap();
    let builder = &example[..example.find("fn main()").unwrap()];
    let check = block(&readme, "// tests/codes.rs");
    fs::write(
        krate.join("tests/codes.rs"),
        format!("{builder}\n{check}\n"),
    )
    .unwrap();
    ok(&cargo(&krate, &["test", "--quiet"]), "the crate's tests");

    // An edited catalogue: the check fails naming the command; running it fixes it.
    let yaml = fs::read_to_string(krate.join("catalog/lock.yaml")).unwrap();
    fs::write(
        krate.join("catalog/lock.yaml"),
        yaml.replacen("title: ", "title: Edited ", 1),
    )
    .unwrap();
    let stale = cargo(&krate, &["test", "--quiet", "--test", "codes"]);
    assert!(!stale.status.success());
    let said = String::from_utf8_lossy(&stale.stdout);
    assert!(
        said.contains("run `cargo run --example regenerate`"),
        "{said}"
    );
    ok(
        &cargo(&krate, &["run", "--example", "regenerate"]),
        "the second run",
    );
    ok(
        &cargo(&krate, &["test", "--quiet", "--test", "codes"]),
        "the check",
    );
}
