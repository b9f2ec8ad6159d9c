//! Typed error-code modules from catalogue YAML files, for crates that use the `errcodes`
//! runtime: the generator behind errcodes' own catalogues, for any crate's own.
//!
//! A catalogue file lists a vendor's codes (wire value, spec name, description,
//! remediation, HTTP status, next step, sources); its schema is errcodes' `catalog/README.md`.
//! Every file of a folder is validated before anything is written, and every problem of
//! every file is reported as `path:line:col: message`.
//!
//! - [`Builder`]: generate from `build.rs` ([`Builder::compile`], writing
//!   `$OUT_DIR/catalogs.rs`), or into committed files ([`Builder::write_to`], with
//!   [`Builder::check`] for a test that fails while they are stale). Each module has the API
//!   of a built-in errcodes catalogue (`Code`, `from_value`, `from_wire`, `from_name`,
//!   `CATALOG`), and `CATALOGS` joins errcodes' cross-catalogue lookups
//!   (`errcodes::lookup_in`).
//! - `load_catalogs` (feature `runtime`): the same validation at run time, giving
//!   `errcodes::Catalog`s that answer every lookup without compiling anything
//!   (`errcodes --catalog DIR`).
//!
//! ```no_run
//! // build.rs
//! errcodes_build::Builder::new().catalog_dir("catalog").compile()?;
//! # Ok::<(), errcodes_build::Failure>(())
//! ```
//!
//! The generator never links the code it generates: it shares no crate with the `errcodes`
//! runtime (unless feature `runtime` is on), so it can always regenerate output that no longer
//! compiles, conflict markers included.
//!
//! Limits (see the constants) bound a run's memory to about 2.1 GB.

#![forbid(unsafe_code)]

mod builder;
mod diag;
mod docs;
#[cfg(feature = "runtime")]
mod dynamic;
mod emit;
mod features;
mod ident;
mod index;
mod load;
mod markdown;
mod model;
mod output;
mod run;
mod schema;
mod settings;
mod tables;
mod validate;
mod vocab;
#[cfg(test)]
mod write_tests;

pub use builder::Builder;
pub use diag::Diagnostic;
#[cfg(feature = "runtime")]
pub use dynamic::{load_catalogs, load_catalogs_beside};
pub use load::{MAX_ALIASES, MAX_DEPTH, MAX_FILE_BYTES, MAX_FILES, MAX_NODES, MAX_TOTAL_BYTES};
pub use output::{Drift, GENERATED_MARK, WriteFailure};
pub use run::{CatalogSummary, Failure, Generated, Report};
pub use validate::{MAX_ENTRIES, MAX_NAME_LEN, MAX_TEXT_LEN};

/// The hash functions the generated tables are probed with: the runtime's own definition,
/// kept as a copy here so that the generator never needs the runtime (tests prove the two
/// agree).
use vocab::hash;
