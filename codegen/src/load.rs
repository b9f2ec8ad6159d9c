//! Finding catalogue files and reading them into the schema, within explicit limits.

use std::fs;
use std::path::{Path, PathBuf};

use serde_saphyr::options::DuplicateKeyPolicy;

use crate::diag::Diagnostic;
use crate::schema;

/// Largest catalogue file read (a 100k-entry catalogue is about 20 MiB).
pub const MAX_FILE_BYTES: u64 = 32 << 20;
/// Deepest nesting accepted; a catalogue needs 5 levels.
pub const MAX_DEPTH: usize = 16;
/// Most YAML aliases (`*name`) per file; catalogues do not need any, this leaves room.
pub const MAX_ALIASES: usize = 64;
/// Most files in the catalogue folder.
pub const MAX_FILES: usize = 1_000;

/// The `*.yaml` / `*.yml` files of `dir`, sorted, or why they cannot be listed.
pub(crate) fn catalog_files(dir: &Path, shown: &str) -> Result<Vec<PathBuf>, Diagnostic> {
    let fail = |what: String| Diagnostic::file(shown, what);
    let listing =
        fs::read_dir(dir).map_err(|e| fail(format!("cannot read the catalogue folder: {e}")))?;
    let mut files = Vec::new();
    for entry in listing {
        let path = entry
            .map_err(|e| fail(format!("cannot read the catalogue folder: {e}")))?
            .path();
        if matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("yaml" | "yml")
        ) {
            files.push(path);
        }
    }
    if files.len() > MAX_FILES {
        return Err(fail(format!(
            "{} catalogue files; at most {MAX_FILES} are read",
            files.len()
        )));
    }
    files.sort();
    Ok(files)
}

/// Reads and parses one file. `shown` is the path used in messages.
pub(crate) fn parse(path: &Path, shown: &str) -> Result<schema::File, Diagnostic> {
    let fail = |what: String| Diagnostic::file(shown, what);
    let meta = fs::metadata(path).map_err(|e| fail(format!("cannot read the file: {e}")))?;
    if !meta.is_file() {
        return Err(fail("is not a regular file".to_owned()));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(fail(format!(
            "is {} bytes; catalogue files are limited to {MAX_FILE_BYTES} bytes (32 MiB)",
            meta.len()
        )));
    }
    let bytes = fs::read(path).map_err(|e| fail(format!("cannot read the file: {e}")))?;
    let text = std::str::from_utf8(&bytes).map_err(|e| {
        let (line, col) = line_col(&bytes[..e.valid_up_to()]);
        Diagnostic::at(
            shown,
            line,
            col,
            "invalid UTF-8; catalogue files must be UTF-8 text",
        )
    })?;
    if text.trim().is_empty() {
        return Err(fail(
            "is empty; a catalogue needs id, title, key, wire, sources and entries".to_owned(),
        ));
    }
    serde_saphyr::from_str_with_options(text, options()).map_err(|e| {
        let (line, col) = e
            .location()
            .map_or((0, 0), |l| (l.line() as usize, l.column() as usize));
        Diagnostic::at(shown, line, col, yaml_message(&e))
    })
}

fn options() -> serde_saphyr::Options {
    let mut budget = serde_saphyr::Budget::default();
    budget.max_depth = MAX_DEPTH;
    budget.max_aliases = MAX_ALIASES;
    budget.max_documents = 1;
    let mut options = serde_saphyr::Options::default();
    options.budget = Some(budget);
    options.duplicate_keys = DuplicateKeyPolicy::Error;
    options.strict_booleans = true;
    options
}

/// serde-saphyr's message without its own location suffix or snippet (we print `path:line:col`).
fn yaml_message(e: &serde_saphyr::Error) -> String {
    let full = e.without_snippet().to_string();
    let first = full.lines().next().unwrap_or("invalid YAML").trim();
    match first.rfind(" at line ") {
        Some(at) => first[..at].to_owned(),
        None => first.to_owned(),
    }
}

fn line_col(prefix: &[u8]) -> (usize, usize) {
    let line = prefix.iter().filter(|b| **b == b'\n').count() + 1;
    let col = prefix.iter().rev().take_while(|b| **b != b'\n').count() + 1;
    (line, col)
}
