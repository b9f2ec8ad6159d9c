//! Adding a vendor is a YAML file plus one regenerate: no Rust edit.
//!
//! Copies the errcodes crate and the catalogue into a scratch folder, adds a catalogue with
//! signed integer codes, regenerates, and runs a test against the result with cargo.

use std::path::Path;
use std::process::Command;
use std::{fs, io};

fn copy_tree(from: &Path, to: &Path, skip: &str) -> io::Result<()> {
    fs::create_dir_all(to)?;
    for entry in fs::read_dir(from)? {
        let path = entry?.path();
        let name = path.file_name().unwrap();
        if name == skip {
            continue;
        }
        if path.is_dir() {
            copy_tree(&path, &to.join(name), skip)?;
        } else {
            fs::copy(&path, to.join(name))?;
        }
    }
    Ok(())
}

/// errcodes' manifest, standalone: workspace-inherited keys written out.
fn standalone_manifest(root: &Path) -> String {
    let manifest = fs::read_to_string(root.join("errcodes/Cargo.toml")).unwrap();
    let manifest = manifest
        .replace("edition.workspace = true", "edition = \"2024\"")
        .replace("[lints]\nworkspace = true\n", "");
    let inherited = |line: &str| line.contains(".workspace = true");
    let kept: Vec<&str> = manifest.lines().filter(|l| !inherited(l)).collect();
    format!("{}\n\n[workspace]\n", kept.join("\n"))
}

const USES_THE_NEW_VENDOR: &str = r#"
use errcodes::{acme, Action, ParseErrorKind};

/// Catalogues nested under names the std library uses: generated code and `v1::code!` use
/// absolute paths (`::core::fmt`), so a child module called `core` or `std` shadows nothing.
#[test]
fn nested_ids_named_like_std_crates() {
    let code = acme::core::from_byte(0x13).unwrap();
    assert_eq!(code as u8, 0x13);
    assert_eq!(format!("{code:?}"), "acme::core::Code(0x13)");
    assert_eq!(acme::std::from_wire("2").unwrap().name(), "E_STD");
    let err: &dyn core::error::Error = &code;
    assert!(err.to_string().starts_with("0x13 E_CORE"));
}

#[test]
fn served() {
    let timeout = acme::from_value(-12).unwrap();
    assert_eq!(timeout.name(), "E_TIMEOUT");
    assert_eq!(timeout.action(), Action::Retry);
    assert_eq!(acme::from_decimal("-2147483648").unwrap().name(), "E_MIN");
    assert_eq!(acme::from_name("E_BAD_PIN").map(|c| c.value()), Some(7));
    assert_eq!(acme::from_value(-13), None);
    assert_eq!(acme::from_decimal("-2147483649").unwrap_err().kind(), ParseErrorKind::OutOfRange);
    assert_eq!(errcodes::lookup("acme", "-12").unwrap().name(), "E_TIMEOUT");
    assert!(errcodes::lookup("nuki", "ff").is_ok(), "the other catalogues are still served");
}
"#;

/// A one-entry catalogue.
fn nested(id: &str, key: &str, wire: &str, value: &str, name: &str) -> String {
    format!(
        "id: {id}\ntitle: Nested\nkey: {key}\nwire: {wire}\nsources:\n  - id: s\n    title: S\n    \
         url: https://example.com/s\nentries:\n  - value: {value}\n    name: {name}\n    \
         description: A code.\n    action: retry\n    source: s\n"
    )
}

#[test]
fn a_new_yaml_file_with_signed_codes_is_served_without_rust_edits() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    let scratch = tempfile::tempdir().unwrap();
    let (krate, catalog) = (
        scratch.path().join("errcodes"),
        scratch.path().join("catalog"),
    );
    copy_tree(&root.join("errcodes"), &krate, "generated").unwrap();
    fs::write(krate.join("Cargo.toml"), standalone_manifest(root)).unwrap();
    fs::copy(root.join("Cargo.lock"), krate.join("Cargo.lock")).unwrap();
    copy_tree(&root.join("catalog"), &catalog, "").unwrap();
    let acme = root.join("tests/fixtures/good/signed_i32/acme.yaml");
    fs::copy(acme, catalog.join("acme.yaml")).unwrap();
    fs::write(
        catalog.join("acme_core.yaml"),
        nested("acme::core", "byte", "hex", "0x13", "E_CORE"),
    )
    .unwrap();
    fs::write(
        catalog.join("acme_std.yaml"),
        nested("acme::std", "u16", "decimal", "2", "E_STD"),
    )
    .unwrap();

    let outputs = codegen::Outputs {
        code: krate.join("src/generated"),
        docs: None,
        manifest: Some(krate.join("Cargo.toml")),
        readme: None,
        fixtures: None,
    };
    let report = codegen::run(&catalog, &outputs, codegen::Mode::Write)
        .unwrap_or_else(|f| panic!("regenerate failed: {f:?}"));
    assert!(
        report
            .own
            .generated
            .catalogs
            .iter()
            .any(|c| c.id == "acme" && c.entries == 4)
    );

    fs::create_dir_all(krate.join("tests")).unwrap();
    fs::write(krate.join("tests/acme.rs"), USES_THE_NEW_VENDOR).unwrap();
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let out = Command::new(cargo)
        .args(["test", "--offline", "--quiet", "--test", "acme"])
        .current_dir(&krate)
        .env("CARGO_TARGET_DIR", scratch.path().join("target"))
        .env_remove("RUSTFLAGS")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "cargo test in the regenerated crate failed:\n{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Catalogue prose can hold anything: after regenerating, no text became a doctest (each
/// would fail), a broken doc link or HTML, and the docs page keeps every row and anchor.
#[test]
fn hostile_catalogue_text_never_becomes_code_links_or_html() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    let scratch = tempfile::tempdir().unwrap();
    let (krate, catalog, docs) = (
        scratch.path().join("errcodes"),
        scratch.path().join("catalog"),
        scratch.path().join("docs"),
    );
    copy_tree(&root.join("errcodes"), &krate, "generated").unwrap();
    fs::write(krate.join("Cargo.toml"), standalone_manifest(root)).unwrap();
    fs::copy(root.join("Cargo.lock"), krate.join("Cargo.lock")).unwrap();
    copy_tree(&root.join("catalog"), &catalog, "").unwrap();
    let hostile = root.join("tests/fixtures/good/hostile_text/hostile.yaml");
    fs::copy(hostile, catalog.join("hostile.yaml")).unwrap();
    let outputs = codegen::Outputs {
        code: krate.join("src/generated"),
        docs: Some(docs.clone()),
        manifest: Some(krate.join("Cargo.toml")),
        readme: None,
        fixtures: None,
    };
    codegen::run(&catalog, &outputs, codegen::Mode::Write)
        .unwrap_or_else(|f| panic!("regenerate failed: {f:?}"));

    let page = fs::read_to_string(docs.join("hostile.md")).unwrap();
    for injected in [
        "](https://evil",
        "<script>",
        "<b>",
        "\n```",
        "\n    assert",
        "\n# heading",
    ] {
        assert!(
            !page.contains(injected),
            "docs/hostile.md holds {injected:?}:\n{page}"
        );
    }
    let row = "| [`A\\|B C`](#A%7CB%20C) | Name \\| with \\*stars\\* and";
    assert!(page.contains(row), "the table row keeps its cells:\n{page}");
    assert!(page.contains("<a id=\"A|B C\"></a>"), "{page}");

    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let run = |args: &[&str]| {
        let out = Command::new(&cargo)
            .args(args)
            .current_dir(&krate)
            .env("CARGO_TARGET_DIR", scratch.path().join("target"))
            .env("RUSTDOCFLAGS", "-D warnings")
            .env_remove("RUSTFLAGS")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "cargo {args:?} in the regenerated crate failed:\n{}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    };
    run(&[
        "test",
        "--offline",
        "--quiet",
        "--doc",
        "--features",
        "hostile",
        "hostile",
    ]);
    run(&["doc", "--offline", "--quiet", "--no-deps"]);
}

/// The generated-code contract (issue 11): a catalogue module written by codegen compiles in
/// another crate once `crate::` names errcodes, because it builds its statics through
/// `errcodes::__private::v1` and gets the rest from its `code!` macro. This is what a
/// generator for other crates (errcodes-build) will rely on.
#[test]
fn generated_code_compiles_outside_errcodes() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    let scratch = tempfile::tempdir().unwrap();
    let generated = codegen::generate(&root.join("tests/fixtures/good/signed_i32")).unwrap();
    let module = generated.generated.files["acme.rs"].replace("crate::", "::errcodes::");
    fs::create_dir_all(scratch.path().join("src")).unwrap();
    fs::write(scratch.path().join("src/acme.rs"), module).unwrap();
    let manifest = format!(
        "[package]\nname = \"elsewhere\"\nversion = \"0.0.0\"\nedition = \"2024\"\n\n\
         [dependencies]\nerrcodes = {{ path = {:?}, default-features = false }}\n\n[workspace]\n",
        root.join("errcodes")
    );
    fs::write(scratch.path().join("Cargo.toml"), manifest).unwrap();
    fs::write(
        scratch.path().join("src/main.rs"),
        r#"
#[allow(dead_code, missing_docs)]
mod acme;

fn main() {
    let code = acme::from_value(-12).expect("E_TIMEOUT");
    assert_eq!(code as i32, -12);
    assert_eq!(i32::from(code), -12);
    assert_eq!(format!("{code:?}"), "acme::Code(-12)");
    assert_eq!(acme::CATALOG.lookup("E_BAD_PIN").map(|e| e.wire()), Ok("7"));
    let err: &dyn core::error::Error = &code;
    assert!(err.to_string().starts_with("-12 E_TIMEOUT"));
}
"#,
    )
    .unwrap();
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let out = Command::new(cargo)
        .args(["run", "--offline", "--quiet"])
        .current_dir(scratch.path())
        .env("CARGO_TARGET_DIR", scratch.path().join("target"))
        .env_remove("RUSTFLAGS")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "the generated module did not build or run outside errcodes:\n{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}
