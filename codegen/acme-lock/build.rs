//! Build-time mode: `catalog/*.yaml` becomes `$OUT_DIR/catalogs.rs`, included by `src/lib.rs`.
//! Cargo runs this again whenever a file in `catalog/` changes, is added or is removed.

fn main() {
    let built = errcodes_build::Builder::new()
        .catalog_dir("catalog")
        // The modules are included at the crate root: their doc examples run as doctests.
        .doc_path("acme_lock")
        .compile();
    if let Err(failure) = built {
        // Every problem as `catalog/lock.yaml:12:5: message`, then a summary line.
        eprintln!("{failure}");
        std::process::exit(1);
    }
}
