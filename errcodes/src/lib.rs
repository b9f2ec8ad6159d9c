//! Typed, documented vendor error codes with branch-free lookups.
//!
//! Every catalogue in the workspace's `catalog/` folder is a module here: [`http`] (the IANA
//! registry), [`nuki`] (device error bytes, with the Web API, Bridge API and lock-action
//! catalogues beneath it), [`tapkey`], [`knox`] (Samsung Knox Tag API and its siblings) and
//! [`samsung`]. Each module has a `Code` enum of its known codes, lookups by wire value and by
//! spec name, and a [`Catalog`] for tools that work across catalogues.
//!
//! ```
//! use errcodes::{nuki, Action};
//!
//! let code = nuki::from_hex("13").unwrap();       // webhooks send lowercase hex, no 0x
//! assert_eq!(code, nuki::Code::PErrorMaxUser);
//! assert_eq!(code.name(), "P_ERROR_MAX_USER");
//! assert_eq!(nuki::from_byte(0x13), Some(code));   // BLE sends the byte
//! assert_eq!(code.action(), Action::FixRequest);
//!
//! // One entry point for tools: catalogue id + wire text -> common record.
//! let entry = errcodes::lookup("knox::tag", "4000000").unwrap();
//! assert_eq!(entry.name(), "RESOURCE_INVALID_PARAM");
//! assert_eq!(entry.http_status(), Some(400));
//! ```
//!
//! The tables are generated from the catalogue by the workspace's `codegen` tool and
//! committed, so this crate has no dependencies (without `serde`) and compiles no proc macros.
//!
//! # Features
//! - `std` (default): `std::error::Error` for the error types. Without it the crate is `no_std`.
//! - `response`: `errcodes::response`, typed vendor error bodies (Tapkey, Knox, Nuki) with a
//!   next step, read losslessly within a size limit. Needs `alloc`; enables `serde`.
//! - `serde`: serde support (for now `Serialize`/`Deserialize` of `response::WireCode`).
//! - `all-catalogues` (default): every catalogue. Each catalogue also has its own feature,
//!   named like its slug (`nuki`, `nuki-bridge`, `knox-tag`, `http`…), so a dependent can
//!   compile only what it uses with `default-features = false`.
#![no_std]
#![forbid(unsafe_code)]
#![cfg_attr(docsrs, feature(doc_cfg))]
// Pedantic lints reviewed for the public API. Not adopted: `must_use` on every accessor
// (noise; the lookups that matter carry it).
#![warn(clippy::pedantic)]
#![allow(clippy::must_use_candidate)]
// The runtime promises Rust 1.85 (`rust-version`); clippy checks no newer std API slips in.
#![warn(clippy::incompatible_msrv)]
// With only some catalogue features on, helpers that serve the others go unused.
#![cfg_attr(not(feature = "all-catalogues"), allow(unused))]

#[cfg(feature = "response")]
extern crate alloc;
#[cfg(feature = "std")]
extern crate std;

mod action;
mod catalog;
mod code_impl;
mod entry;
mod error;
mod hash;
mod kind;
#[rustfmt::skip]
#[allow(clippy::all, clippy::pedantic, missing_docs)]
mod generated;
#[cfg(feature = "http-crate")]
mod http_crate;
#[cfg(feature = "response")]
#[cfg_attr(docsrs, doc(cfg(feature = "response")))]
pub mod response;
#[cfg(feature = "serde")]
mod serde_impl;
/// Feature `defmt`. (Not in `action.rs`, which codegen also compiles.)
#[cfg(feature = "defmt")]
mod defmt_impl {
    /// The catalogue spelling (`retry`), as [`Action::as_str`](crate::Action::as_str) gives it.
    impl defmt::Format for crate::Action {
        fn format(&self, f: defmt::Formatter<'_>) {
            defmt::Format::format(self.as_str(), f);
        }
    }
}
mod wire;

pub use action::Action;
pub use catalog::{Catalog, CatalogCode, WireKey};
pub use entry::{Cause, DeviceName, Entry, Source, Value};
pub use error::{ParseError, ParseErrorKind};
pub use generated::*;
pub use kind::{KeyKind, WireFormat};

/// What generated code calls; not part of the public API (no semver promise).
#[doc(hidden)]
pub mod __private {
    pub use crate::catalog::lookup_with;
    #[cfg(feature = "serde")]
    pub use crate::serde_impl::{deserialize_code, serialize_code};
    #[cfg(feature = "defmt")]
    pub use defmt;
    #[cfg(feature = "serde")]
    pub use serde;

    /// The error for a well-formed value no entry has.
    pub const fn unknown_value(
        catalog: &'static str,
        wire: crate::WireFormat,
        value: crate::Value,
    ) -> crate::ParseError {
        crate::ParseError::unknown_value(catalog, wire, value)
    }
}

/// Every catalogue, sorted by id.
///
/// ```
/// let ids: Vec<&str> = errcodes::catalogs().iter().map(|c| c.id()).collect();
/// assert!(ids.contains(&"nuki::bridge"));
/// ```
pub fn catalogs() -> &'static [&'static Catalog] {
    generated::CATALOGS
}

/// The catalogue with this id (`knox::tag`) or command-line slug (`knox-tag`).
pub fn catalog(id: &str) -> Option<&'static Catalog> {
    catalogs()
        .iter()
        .copied()
        .find(|c| c.id() == id || c.slug() == id)
}

/// Looks up `text` (a wire value in the catalogue's form, or a spec name) in catalogue `id`.
///
/// # Errors
/// [`ParseErrorKind::UnknownCatalog`] when no catalogue has that id; otherwise as
/// [`Catalog::lookup`].
///
/// ```
/// let entry = errcodes::lookup("nuki", "ff").unwrap();
/// assert_eq!(entry.name(), "ERROR_UNKNOWN");
/// assert_eq!(errcodes::lookup("http", "Not Found").unwrap().wire(), "404");
/// assert!(errcodes::lookup("no-such-catalogue", "1").is_err());
/// ```
pub fn lookup(id: &str, text: &str) -> Result<&'static Entry, ParseError> {
    let catalog = catalog(id).ok_or_else(|| ParseError::unknown_catalog(id))?;
    catalog.lookup(text)
}
