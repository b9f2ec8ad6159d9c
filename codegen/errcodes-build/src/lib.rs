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
//! - Feature `format` (on by default): committed output ([`Builder::write_to`],
//!   [`Builder::check`], [`Builder::generate`]) is pretty-printed with syn and prettyplease.
//!   [`Builder::compile`] never formats, so a build-dependency can be
//!   `default-features = false` and compile neither.
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
// Without feature `format`, committed output (`write_to`, `check`, `generate`) is not
// public: the code only it reaches is compiled but unused (`allow(dead_code)` below).
// The docs link those methods, which exist with the feature (docs.rs builds the defaults).
#![cfg_attr(not(feature = "format"), allow(rustdoc::broken_intra_doc_links))]

mod builder;
mod diag;
mod docs;
#[cfg(feature = "runtime")]
mod dynamic;
#[cfg_attr(not(feature = "format"), allow(dead_code))]
mod emit;
mod features;
mod ident;
mod layout;
mod load;
mod markdown;
mod model;
#[cfg_attr(not(feature = "format"), allow(dead_code))]
mod output;
mod rows;
#[cfg_attr(not(feature = "format"), allow(dead_code))]
mod run;
mod schema;
#[cfg_attr(not(feature = "format"), allow(dead_code))]
mod settings;
mod tables;
mod tokens;
mod validate;
mod vocab;
#[cfg(test)]
mod write_tests;
mod yaml;

pub use builder::Builder;
pub use diag::Diagnostic;
#[cfg(feature = "runtime")]
pub use dynamic::{load_catalogs, load_catalogs_beside};
pub use load::{MAX_FILE_BYTES, MAX_FILES, MAX_TOTAL_BYTES};
pub use output::{Drift, GENERATED_MARK, WriteFailure};
pub use run::{CatalogSummary, Failure, Generated, Report};
pub use validate::{MAX_ENTRIES, MAX_NAME_LEN, MAX_TEXT_LEN};
pub use yaml::{MAX_ALIASES, MAX_DEPTH, MAX_NODES};

/// The hash functions the generated tables are probed with: the runtime's own definition,
/// kept as a copy here so that the generator never needs the runtime (tests prove the two
/// agree).
use vocab::hash;
