//! Committed-output mode: regenerates `src/committed/` (and the error index `docs/`) from
//! `catalog/`. `tests/committed.rs` fails while they are stale, naming this command.
//!
//! ```sh
//! cargo run -p acme-lock --example regenerate
//! ```

use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    // The same settings as tests/committed.rs: the check compares with exactly this.
    let builder = errcodes_build::Builder::new()
        .catalog_dir(root.join("catalog"))
        .doc_path("acme_lock::committed")
        .docs_dir(root.join("docs"))
        .command("cargo run -p acme-lock --example regenerate");
    match builder.write_to(root.join("src/committed")) {
        Ok(report) if report.drift.is_empty() => {
            println!("src/committed/ and docs/ were up to date");
            ExitCode::SUCCESS
        }
        Ok(report) => {
            println!("regenerated {} file(s)", report.drift.len());
            ExitCode::SUCCESS
        }
        Err(failure) => {
            eprintln!("{failure}");
            ExitCode::FAILURE
        }
    }
}
