//! Workspace-level tests live in this package's test targets; the library is empty.
//!
//! Its doctests are the Rust examples of the top README and of errcodes-build's README, so an
//! example there cannot drift from the API (errcodes' own README is a doctest of errcodes).

#![forbid(unsafe_code)]

#[cfg(doctest)]
#[doc = include_str!("../README.md")]
mod readme {}

#[cfg(doctest)]
#[doc = include_str!("../codegen/errcodes-build/README.md")]
mod codegen_readme {}
