//! The rules this repository applies to its own catalogue beyond errcodes-build's, checked by
//! the regenerate command before it writes anything, so that adding a vendor fails there, with
//! the place and what to add, rather than later in `tests/sources.rs`:
//!
//! - every source says `official: true` or `official: false` (the single-unofficial-source
//!   marker is derived from it, and a source left unmarked would count as the vendor's own);
//! - every entry is confirmed by a row of an independent table in `tests/fixtures/sources/`
//!   (one file per source, a `[catalogue]` section per catalogue), or listed in
//!   [`UNCONFIRMED`] with the reason. `tests/sources.rs` then checks each row's name, device
//!   and HTTP status against the entry.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

use errcodes_build::{CatalogSummary, Diagnostic};
use serde::Deserialize;
use serde_saphyr::Spanned;

/// Catalogue entries no fixture confirms: (catalogue, wire value or `*` for all, reason).
/// `tests/sources.rs` fails when a listed entry is confirmed after all.
pub const UNCONFIRMED: &[(&str, &str, &str)] = &[
    (
        "samsung::account",
        "AUT_1803",
        "only a public issue thread (TA2k/ioBroker.smartthings#52) shows it; no table lists it",
    ),
    (
        "tapkey::command_result",
        "UnknownTagType",
        "no source we could read spells this name; the entry is marked uncertain",
    ),
];

#[derive(Deserialize)]
struct Head {
    #[serde(default)]
    sources: Vec<Source>,
    #[serde(default)]
    entries: Vec<Entry>,
}

#[derive(Deserialize)]
struct Source {
    id: Spanned<String>,
    official: Option<bool>,
}

#[derive(Deserialize)]
struct Entry {
    value: Spanned<String>,
}

/// Every problem of every catalogue under this repository's rules.
pub(crate) fn check(
    catalog_dir: &Path,
    catalogs: &[CatalogSummary],
    fixtures: &Path,
) -> Vec<Diagnostic> {
    let confirmed = match confirmed_values(fixtures) {
        Ok(rows) => rows,
        Err(why) => return vec![Diagnostic::file(&fixtures.display().to_string(), why)],
    };
    let mut problems = Vec::new();
    for c in catalogs {
        let name = c.file.rsplit('/').next().unwrap_or(&c.file);
        let Ok(text) = fs::read_to_string(catalog_dir.join(name)) else {
            continue; // the generator read it a moment ago; a race is reported by its next run
        };
        let Ok(head) = serde_saphyr::from_str::<Head>(&text) else {
            continue; // the generator validated this file: nothing here can fail
        };
        for s in &head.sources {
            if s.official.is_none() {
                let why = format!(
                    "source `{}` does not say `official: true` or `official: false`; this \
                     repository requires it (an unmarked source counts as the vendor's own)",
                    s.id.value
                );
                problems.push(at(&c.file, &s.id, why));
            }
        }
        let rows = confirmed.get(c.id.as_str());
        for e in &head.entries {
            let value = e.value.value.trim();
            let listed = UNCONFIRMED
                .iter()
                .any(|(id, v, _)| *id == c.id && (*v == "*" || same_value(v, value)));
            if listed || rows.is_some_and(|r| r.iter().any(|row| same_value(row, value))) {
                continue;
            }
            let why = match rows {
                None => format!(
                    "no table in tests/fixtures/sources/ has a `[{}]` section to confirm `{value}`; \
                     add the source's table there (see catalog/README.md, \"Adding a code or a \
                     vendor\")",
                    c.id
                ),
                Some(_) => format!(
                    "no row of a `[{}]` table in tests/fixtures/sources/ confirms `{value}`; add \
                     it to the table of the source it comes from, or list it in UNCONFIRMED \
                     (codegen/src/policy.rs) with the reason",
                    c.id
                ),
            };
            problems.push(at(&c.file, &e.value, why));
        }
    }
    problems
}

fn at<T>(file: &str, s: &Spanned<T>, why: String) -> Diagnostic {
    Diagnostic::at(
        file,
        s.referenced.line() as usize,
        s.referenced.column() as usize,
        why,
    )
}

/// Two spellings of one wire value: equal ignoring ASCII case and a `0x` prefix.
fn same_value(a: &str, b: &str) -> bool {
    let bare = |s: &str| {
        let s = s.trim().to_ascii_lowercase();
        s.strip_prefix("0x").map(str::to_owned).unwrap_or(s)
    };
    bare(a) == bare(b)
}

/// The values each catalogue's fixture rows name (`0x13 P_ERROR_MAX_USER` → `0x13`; claim
/// rows, `+…` and `!…`, confirm nothing).
fn confirmed_values(dir: &Path) -> Result<BTreeMap<String, BTreeSet<String>>, String> {
    let listing = fs::read_dir(dir).map_err(|e| format!("cannot read the fixture tables: {e}"))?;
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for entry in listing {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.extension().is_none_or(|e| e != "txt") {
            continue;
        }
        let text = fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let mut section = None;
        for line in text.lines().map(str::trim) {
            if line.is_empty() || line.starts_with(['#', '+', '!']) {
                continue;
            }
            if let Some(id) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                section = Some(id.to_owned());
                continue;
            }
            if let Some(id) = &section {
                let row = line.strip_prefix('~').unwrap_or(line);
                let value = row.split(' ').next().unwrap_or(row);
                out.entry(id.clone()).or_default().insert(value.to_owned());
            }
        }
    }
    Ok(out)
}
