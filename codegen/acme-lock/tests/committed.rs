//! Committed-output mode: `src/committed/` and `docs/` must be what `catalog/` produces.
//! While they are stale this fails, naming the command that regenerates them.

use std::path::Path;

#[test]
fn committed_output_is_fresh() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    // The same settings as examples/regenerate.rs.
    let builder = errcodes_build::Builder::new()
        .catalog_dir(root.join("catalog"))
        .doc_path("acme_lock::committed")
        .docs_dir(root.join("docs"))
        .command("cargo run -p acme-lock --example regenerate");
    if let Err(failure) = builder.check(root.join("src/committed")) {
        panic!("{failure}");
    }
}
