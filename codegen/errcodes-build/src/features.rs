//! One Cargo feature per catalogue, so a dependent compiles only the catalogues it uses.
//!
//! With [`crate::Builder::feature_gates`], every generated module gets a
//! `#[cfg(feature = "…")]` named like its catalogue's slug; the crate that includes the code
//! defines those features (errcodes keeps them in its manifest with `cargo run -p codegen`).

use std::collections::BTreeMap;

use proc_macro2::TokenStream;
use quote::quote;

use crate::model::Catalog;

/// The feature (and command-line) name of a catalogue: `knox::tag` → `knox-tag`.
pub(crate) fn slug(id: &[String]) -> String {
    id.join("-").replace('_', "-")
}

/// The cfg predicate under which module `module` exists: its own feature when it is a
/// catalogue, otherwise any feature of a catalogue below it.
pub(crate) fn module_cfg(
    module: &[String],
    by_id: &BTreeMap<Vec<String>, &Catalog>,
) -> TokenStream {
    if by_id.contains_key(module) {
        let feature = slug(module);
        return quote!(feature = #feature);
    }
    let below = by_id
        .keys()
        .filter(|id| id.starts_with(module))
        .map(|id| slug(id));
    quote!(any(#(feature = #below),*))
}
