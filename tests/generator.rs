//! Snapshots of the generator on small fixture catalogues, one per construct.
//!
//! Each fixture folder under `fixtures/good/` is a whole catalogue folder; every file it
//! produces is snapshotted. Review changes with `cargo insta review`.

use std::path::Path;

fn snapshot_fixture(name: &str) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/good")
        .join(name);
    let generated = codegen::generate(&dir).unwrap_or_else(|problems| {
        panic!("{name} is valid: {problems:?}");
    });
    for (path, content) in &generated.generated.files {
        let snapshot = format!("{name}__{}", path.replace(['/', '.'], "_"));
        insta::assert_snapshot!(snapshot, content);
    }
    insta::assert_snapshot!(format!("{name}__features"), generated.features);
}

#[test]
fn byte_key_written_as_hex() {
    snapshot_fixture("byte_hex");
}

#[test]
fn http_status_key_with_ident_override_and_deprecation() {
    snapshot_fixture("http_status");
}

#[test]
fn sparse_u32_key_gets_a_perfect_hash() {
    snapshot_fixture("sparse_u32");
}

#[test]
fn signed_key_with_extreme_values() {
    snapshot_fixture("signed_i32");
}

#[test]
fn string_key() {
    snapshot_fixture("string_key");
}

#[test]
fn nested_catalogues_and_parents_without_files() {
    snapshot_fixture("nested");
}

#[test]
fn one_code_with_several_causes() {
    snapshot_fixture("causes");
}
