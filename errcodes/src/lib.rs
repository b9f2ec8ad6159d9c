//! Typed, documented vendor error codes with branch-free lookups.
//!
//! Every catalogue in the workspace's `catalog/` folder is a module here: [`http`] (the IANA
//! registry), [`nuki`] (device error bytes, with the Web API, Bridge API and lock-action
//! catalogues beneath it), [`tapkey`], [`knox`] (Samsung Knox Tag API and its siblings) and
//! [`samsung`]. Each module has a `Code` enum of its known codes, the same lookups, and a
//! [`Catalog`] for tools that work across catalogues.
//!
//! ```
//! use errcodes::{nuki, Action};
//!
//! let code = nuki::from_wire("13")?;              // webhooks send lowercase hex, no 0x
//! assert_eq!(code, nuki::Code::PErrorMaxUser);
//! assert_eq!(code as u8, 0x13);                    // the discriminant is the wire value
//! assert_eq!(code.name(), "P_ERROR_MAX_USER");
//! assert_eq!(nuki::from_byte(0x13), Some(code));   // BLE sends the byte
//! assert_eq!(code.action(), Action::FixRequest);
//!
//! // One entry point for tools: catalogue id + wire text -> common record.
//! let entry = errcodes::lookup("knox::tag", "4000000")?;
//! assert_eq!(entry.name(), "RESOURCE_INVALID_PARAM");
//! assert_eq!(entry.http_status(), Some(400));
//! # Ok::<(), errcodes::ParseError>(())
//! ```
//!
//! # One lookup shape
//!
//! Every catalogue module, whatever its key, has:
//!
//! | function | takes | gives |
//! |---|---|---|
//! | `from_value` (`const` for integer keys) | the key: `u8`, `u16`, `u32`, `i32`…, or `&str` | `Option<Code>` |
//! | `from_wire` | the text as the vendor sends it (`"13"`, `"0xFF"`, `"4000000"`, the string) | `Result<Code, ParseError>` |
//! | `from_name` | the spec name or an alias, exactly as written | `Option<Code>` |
//! | `parse`, `str::parse` | wire text, else a name | `Result<Code, ParseError>` |
//!
//! plus the vendor's own words for the same lookups: `nuki::from_byte`, `http::from_status`,
//! `from_hex` for hex catalogues and `from_decimal` for decimal ones. Integer codes convert
//! both ways with the standard traits: `u8::from(code)`, `nuki::Code::try_from(0x13_u8)`, and
//! `code as u8` (each variant's discriminant is its wire value). The same lookups are
//! available generically through [`CatalogCode`]. (`from_value` of a string catalogue is not
//! `const`: its hash and compare read byte slices with library functions that are not `const`
//! on Rust 1.86.)
//!
//! Codes and [`ParseError`] implement [`core::error::Error`] with or without `std`.
//!
//! The tables are generated from the catalogue by the workspace's `codegen` tool and
//! committed, so this crate has no dependencies by default and compiles no proc macros.
//!
//! # Features
//! - `all-catalogues` (default): every catalogue. Each catalogue also has its own feature,
//!   named like its slug (`nuki`, `nuki-bridge`, `knox-tag`, `http`…), so a dependent can
//!   compile only what it uses with `default-features = false`.
//! - `std` (default): std support in the optional dependencies. errcodes itself is `no_std`
//!   and needs no allocator either way.
//! - `serde`: `Serialize`/`Deserialize` for every `Code` (as its spec name in JSON-like
//!   formats, as its wire value in compact ones) and [`Action`], `Serialize` for [`Entry`];
//!   no `std`, no `alloc`, no proc macro. The format is described on [`CatalogCode`]'s page
//!   under "serde".
//! - `response`: `errcodes::response`, typed vendor error bodies (Tapkey, Knox, Nuki) with a
//!   next step, read losslessly within a size limit. Needs `alloc`; enables `serde`.
//! - `defmt`: `defmt::Format` for every `Code` (its spec name) and [`Action`].
//! - `http-crate`: `From<http::Code> for http::StatusCode`, `TryFrom<StatusCode>` and
//!   comparisons, for the `http` crate 1.x (named for the crate: `http` is the catalogue).
//!
//! # Stability
//!
//! Adding codes, catalogues or `Action`s is a minor release: the enums are
//! `#[non_exhaustive]`. Renaming or removing a code is a major release. See `CHANGELOG.md`.
#![no_std]
#![forbid(unsafe_code)]
#![cfg_attr(docsrs, feature(doc_cfg))]
// Pedantic lints reviewed for the public API. Not adopted: `must_use` on every accessor
// (noise; the lookups that matter carry it).
#![warn(clippy::pedantic)]
#![allow(clippy::must_use_candidate)]
// The runtime promises Rust 1.86 (`rust-version`); clippy checks no newer std API slips in.
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
mod list;
#[rustfmt::skip]
#[allow(clippy::all, clippy::pedantic, missing_docs)]
mod generated;
#[cfg(feature = "http-crate")]
mod http_crate;
#[cfg(feature = "response")]
#[cfg_attr(docsrs, doc(cfg(feature = "response")))]
pub mod response;
mod scan;
#[cfg(feature = "serde")]
mod serde_impl;
mod table;
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
pub use catalog::{Absent, Catalog, CatalogCode, WireKey};
pub use entry::{Cause, DeviceName, Entry, Source, Value};
pub use error::{ParseError, ParseErrorKind};
pub use generated::*;
pub use kind::{KeyKind, WireFormat};
pub use list::{Aliases, Causes, DeviceNames, Entries, Sources};

mod support;

#[doc(hidden)]
pub mod __private {
    //! The contract between generated code and the runtime: see `support.rs`.
    pub use crate::support::v1;
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
    catalog_in(catalogs(), id)
}

/// Looks up `text` (a wire value in the catalogue's form, or a spec name) in catalogue `id`.
///
/// # Errors
/// [`ParseErrorKind::UnknownCatalog`] when no catalogue has that id; otherwise as
/// [`Catalog::lookup`].
///
/// ```
/// let entry = errcodes::lookup("nuki", "ff")?;
/// assert_eq!(entry.name(), "ERROR_UNKNOWN");
/// assert_eq!(errcodes::lookup("http", "Not Found")?.wire(), "404");
/// assert!(errcodes::lookup("no-such-catalogue", "1").is_err());
/// # Ok::<(), errcodes::ParseError>(())
/// ```
pub fn lookup(id: &str, text: &str) -> Result<Entry, ParseError> {
    lookup_in(catalogs(), id, text)
}

/// [`catalog`] over the catalogues a program serves: errcodes' own together with, for
/// example, a dependent's generated catalogues or ones built at run time (the `errcodes
/// --catalog DIR` command). The first with this id or slug wins.
///
/// ```
/// use errcodes::Catalog;
///
/// // errcodes' catalogues followed by a program's own (here two built-in ones stand in).
/// let mine: &[&Catalog] = &[&errcodes::nuki::CATALOG, &errcodes::http::CATALOG];
/// let served: Vec<&Catalog> = errcodes::catalogs().iter().chain(mine).copied().collect();
///
/// let knox = errcodes::catalog_in(&served, "knox-tag").ok_or("no knox-tag")?;
/// assert_eq!(knox.id(), "knox::tag");
/// assert!(errcodes::catalog_in(mine, "knox::tag").is_none());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn catalog_in<'a>(catalogs: &[&'a Catalog], id: &str) -> Option<&'a Catalog> {
    catalogs
        .iter()
        .copied()
        .find(|c| c.id() == id || c.slug() == id)
}

/// [`lookup`] over the catalogues a program serves (see [`catalog_in`]), so that a
/// dependent's catalogues and errcodes' own answer the same queries.
///
/// # Errors
/// [`ParseErrorKind::UnknownCatalog`] when none of `catalogs` has that id or slug;
/// otherwise as [`Catalog::lookup`].
///
/// ```
/// use errcodes::{Catalog, ParseErrorKind};
///
/// let served: &[&Catalog] = &[&errcodes::nuki::CATALOG, &errcodes::http::CATALOG];
/// assert_eq!(errcodes::lookup_in(served, "nuki", "ff")?.name(), "ERROR_UNKNOWN");
/// assert_eq!(errcodes::lookup_in(served, "http", "Not Found")?.wire(), "404");
///
/// let err = errcodes::lookup_in(served, "tapkey", "401").unwrap_err();
/// assert_eq!(err.kind(), ParseErrorKind::UnknownCatalog);
/// # Ok::<(), errcodes::ParseError>(())
/// ```
pub fn lookup_in(catalogs: &[&Catalog], id: &str, text: &str) -> Result<Entry, ParseError> {
    let catalog = catalog_in(catalogs, id).ok_or_else(|| ParseError::unknown_catalog(id))?;
    catalog.lookup(text)
}

// The crate README's examples run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
mod readme {}
