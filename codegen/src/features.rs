//! One Cargo feature per catalogue, so a dependent compiles only the catalogues it uses: the
//! marked section of `errcodes/Cargo.toml`'s `[features]` table that this command keeps in
//! step with the `#[cfg(feature = "…")]` errcodes-build puts on every generated module.

use errcodes_build::CatalogSummary;

use crate::section;

/// First line of the section the generator owns.
pub const BEGIN: &str =
    "# @generated catalogue features: begin (cargo run -p codegen; DO NOT EDIT)";
/// Last line of that section.
pub const END: &str = "# @generated catalogue features: end";
/// The feature that turns every catalogue on (part of `default`).
pub const ALL: &str = "all-catalogues";

/// The feature lines: `all-catalogues`, then one per catalogue, each enabling the nearest
/// enclosing catalogue (whose module contains it).
pub(crate) fn section(catalogs: &[CatalogSummary]) -> String {
    let mut ids: Vec<&CatalogSummary> = catalogs.iter().collect();
    ids.sort_by(|a, b| a.id.cmp(&b.id));
    let all: String = ids
        .iter()
        .map(|c| format!("    \"{}\",\n", c.slug))
        .collect();
    let mut out = format!("{BEGIN}\n{ALL} = [\n{all}]\n");
    for c in &ids {
        let parent =
            c.id.rmatch_indices("::")
                .map(|(at, _)| &c.id[..at])
                .find_map(|p| ids.iter().find(|o| o.id == p));
        let implied = parent
            .map(|p| format!("\"{}\"", p.slug))
            .unwrap_or_default();
        out.push_str(&format!("{} = [{implied}]\n", c.slug));
    }
    out.push_str(END);
    out
}

/// The features `manifest` defines outside its generated section (`std`, `serde`,
/// `default`…): no catalogue may take one of their names.
pub(crate) fn fixed(manifest: &str) -> Vec<String> {
    let outside = match section::locate(manifest, BEGIN, END) {
        Ok(at) => format!("{}{}", &manifest[..at.start], &manifest[at.end..]),
        Err(_) => manifest.to_owned(), // the markers are reported when the section is planned
    };
    let Ok(table) = outside.parse::<toml::Table>() else {
        return Vec::new(); // the whole manifest is checked, and reported, by `check`
    };
    let features = table.get("features").and_then(toml::Value::as_table);
    features
        .map(|f| f.keys().cloned().collect())
        .unwrap_or_default()
}

/// Checks that the manifest text about to be written is one cargo can load: valid TOML
/// (no key twice), and every feature a feature enables exists. Returns each problem with
/// its 1-based line.
pub(crate) fn check(manifest: &str) -> Vec<(usize, String)> {
    let table = match manifest.parse::<toml::Table>() {
        Ok(table) => table,
        Err(e) => {
            let line = e
                .span()
                .map_or(0, |s| manifest[..s.start].matches('\n').count() + 1);
            let why = e.message().trim_end().to_owned();
            return vec![(line, format!("would not be valid TOML: {why}"))];
        }
    };
    let Some(features) = table.get("features").and_then(toml::Value::as_table) else {
        return Vec::new();
    };
    let optional_deps = ["dependencies", "build-dependencies"]
        .iter()
        .filter_map(|t| table.get(*t).and_then(toml::Value::as_table))
        .flat_map(|deps| deps.iter())
        .filter(|(_, d)| d.get("optional").and_then(toml::Value::as_bool) == Some(true))
        .map(|(name, _)| name.as_str())
        .collect::<Vec<_>>();
    let mut problems = Vec::new();
    for (name, enables) in features {
        for enabled in enables.as_array().into_iter().flatten() {
            let Some(enabled) = enabled.as_str() else {
                continue;
            };
            // `dep:x` and `x/feature` name dependencies, which cargo checks itself.
            if enabled.contains(':') || enabled.contains('/') {
                continue;
            }
            if !features.contains_key(enabled) && !optional_deps.contains(&enabled) {
                let line = manifest
                    .lines()
                    .position(|l| l.trim_start().starts_with(&format!("{name} =")))
                    .map_or(0, |n| n + 1);
                problems.push((
                    line,
                    format!(
                        "feature `{name}` enables `{enabled}`, which would no longer exist: \
                         a catalogue it needs is gone. Restore that catalogue, or remove \
                         `{enabled}` from `{name}` first"
                    ),
                ));
            }
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_features_are_those_outside_the_section() {
        let manifest =
            format!("[features]\ndefault = [\"std\"]\nstd = []\n{BEGIN}\nnuki = []\n{END}\n");
        assert_eq!(fixed(&manifest), ["default", "std"]);
    }

    #[test]
    fn a_manifest_cargo_cannot_load_is_caught() {
        let twice = "[features]\nnuki = []\nnuki = []\n";
        assert_eq!(check(twice)[0].0, 3);
        let dangling = "[features]\nserde = [\"dep:serde\", \"tapkey\"]\n[dependencies]\nserde = { version = \"1\", optional = true }\n";
        let problems = check(dangling);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].0, 2);
        assert!(problems[0].1.contains("`tapkey`"), "{problems:?}");
        let fine = "[features]\nserde = [\"dep:serde\", \"nuki\"]\nnuki = []\n";
        assert!(check(fine).is_empty());
    }
}
