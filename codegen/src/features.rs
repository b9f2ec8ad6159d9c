//! One Cargo feature per catalogue, so a dependent compiles only the catalogues it uses.
//!
//! The generator owns a marked section of `errcodes/Cargo.toml`'s `[features]` table and
//! puts a matching `#[cfg(feature = "…")]` on every generated module.

use std::collections::BTreeMap;

use proc_macro2::TokenStream;
use quote::quote;

use crate::model::Catalog;

/// First line of the section the generator owns.
pub const BEGIN: &str =
    "# @generated catalogue features: begin (cargo run -p codegen; DO NOT EDIT)";
/// Last line of that section.
pub const END: &str = "# @generated catalogue features: end";
/// The feature that turns every catalogue on (part of `default`).
pub const ALL: &str = "all-catalogues";

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

/// The feature lines: `all-catalogues`, then one per catalogue, each enabling the nearest
/// enclosing catalogue (whose module contains it).
pub(crate) fn section(catalogs: &[Catalog]) -> String {
    let mut ids: Vec<&Vec<String>> = catalogs.iter().map(|c| &c.id).collect();
    ids.sort();
    let quoted = |id: &Vec<String>| format!("\"{}\"", slug(id));
    let all: String = ids
        .iter()
        .map(|id| format!("    {},\n", quoted(id)))
        .collect();
    let mut out = format!("{BEGIN}\n{ALL} = [\n{all}]\n");
    for id in &ids {
        let parent = (1..id.len())
            .rev()
            .map(|n| id[..n].to_vec())
            .find(|p| ids.contains(&p));
        let implied = parent.map(|p| quoted(&p)).unwrap_or_default();
        out.push_str(&format!("{} = [{implied}]\n", slug(id)));
    }
    out.push_str(END);
    out
}

/// `manifest` with its generated section replaced by `section`, or why it cannot be.
pub(crate) fn splice(manifest: &str, section: &str) -> Result<String, String> {
    let begin = manifest
        .find(BEGIN)
        .ok_or_else(|| format!("has no line `{BEGIN}`"))?;
    let end = manifest[begin..]
        .find(END)
        .ok_or_else(|| format!("has no line `{END}`"))?
        + begin;
    Ok(format!(
        "{}{section}{}",
        &manifest[..begin],
        &manifest[end + END.len()..]
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splice_replaces_only_the_marked_section() {
        let manifest = format!("[features]\nstd = []\n{BEGIN}\nold = []\n{END}\n\n[lints]\n");
        let spliced = splice(&manifest, &format!("{BEGIN}\nnew = []\n{END}")).unwrap();
        assert_eq!(
            spliced,
            format!("[features]\nstd = []\n{BEGIN}\nnew = []\n{END}\n\n[lints]\n")
        );
        assert!(
            splice("[features]\n", "x")
                .unwrap_err()
                .contains("has no line")
        );
    }
}
