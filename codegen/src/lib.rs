//! The errcodes generator: validates `catalog/*.yaml` and renders `errcodes/src/generated/`.
//!
//! `cargo run -p codegen` regenerates; `cargo run -p codegen -- --check` only compares. The
//! library form exists so the workspace tests can run the generator on fixture catalogues.

mod diag;
mod emit;
mod ident;
mod index;
mod load;
mod model;
mod output;
mod schema;
mod validate;

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

pub use diag::Diagnostic;
pub use emit::COMMAND;
pub use load::{MAX_ALIASES, MAX_DEPTH, MAX_FILE_BYTES, MAX_FILES};
pub use output::{Drift, compare, recover, replace_dir};
pub use validate::{MAX_NAME_LEN, MAX_TEXT_LEN};

/// Top-level names `errcodes` already uses at its root; no catalogue id may start with one.
pub const RESERVED_ROOT_MODULES: &[&str] =
    &["action", "catalog", "entry", "error", "generated", "wire"];

/// What the catalogue folder produces.
#[derive(Debug, Clone)]
pub struct Generated {
    /// File contents keyed by path relative to the generated folder (`nuki.rs`, `mod.rs`).
    pub files: BTreeMap<String, String>,
    /// Each catalogue's id and entry count, sorted by id.
    pub catalogs: Vec<(String, usize)>,
}

/// Validates every file of `catalog_dir` and renders the generated folder in memory.
///
/// All problems of all files are returned together, sorted by file and line; nothing is
/// written in any case.
pub fn generate(catalog_dir: &Path) -> Result<Generated, Vec<Diagnostic>> {
    let dir_name = catalog_dir.file_name().map_or_else(
        || catalog_dir.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let files = load::catalog_files(catalog_dir, &dir_name).map_err(|d| vec![d])?;
    if files.is_empty() {
        return Err(vec![Diagnostic::file(
            &dir_name,
            "has no *.yaml catalogue files",
        )]);
    }
    let mut problems = Vec::new();
    let mut catalogs = Vec::new();
    for path in &files {
        let shown = format!(
            "{dir_name}/{}",
            path.file_name()
                .expect("listed files have names")
                .to_string_lossy()
        );
        let parsed = match load::parse(path, &shown) {
            Ok(parsed) => parsed,
            Err(problem) => {
                problems.push(problem);
                continue;
            }
        };
        let id_line = schema::pos(&parsed.id).line;
        let mut sink = diag::Sink::new(&shown);
        if let Some(catalog) = validate::catalog(parsed, &mut sink) {
            catalogs.push((catalog, id_line));
        }
        problems.extend(sink.found);
    }
    problems.extend(duplicate_ids(&catalogs));
    if !problems.is_empty() {
        problems.sort();
        return Err(problems);
    }
    let catalogs: Vec<model::Catalog> = catalogs.into_iter().map(|(c, _)| c).collect();
    let mut summary: Vec<(String, usize)> = catalogs
        .iter()
        .map(|c| (c.id_path(), c.entries.len()))
        .collect();
    summary.sort();
    Ok(Generated {
        files: emit::render(&catalogs, &dir_name),
        catalogs: summary,
    })
}

/// Whether [`run`] writes the generated folder or only compares it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Replace the generated folder when it differs (all or nothing).
    Write,
    /// Compare only.
    Check,
}

/// Why [`run`] failed.
#[derive(Debug)]
pub enum Failure {
    /// The catalogue has problems; nothing was written.
    Invalid(Vec<Diagnostic>),
    /// `--check`: the committed files differ from what the catalogue produces.
    Stale(Vec<Drift>),
    /// Reading or writing the generated folder failed; it was left as it was.
    Io(std::io::Error),
}

/// What [`run`] found or did.
#[derive(Debug)]
pub struct Report {
    /// What the catalogue produces.
    pub generated: Generated,
    /// How the folder differed before the run (empty: it was up to date).
    pub drift: Vec<Drift>,
}

/// Validates `catalog_dir`, then compares `out_dir` with the result and, in [`Mode::Write`],
/// replaces it when it differs. Nothing is written unless every file is valid.
pub fn run(catalog_dir: &Path, out_dir: &Path, mode: Mode) -> Result<Report, Failure> {
    let generated = generate(catalog_dir).map_err(Failure::Invalid)?;
    if mode == Mode::Write {
        recover(out_dir).map_err(Failure::Io)?;
    }
    let drift = compare(out_dir, &generated.files).map_err(Failure::Io)?;
    match mode {
        Mode::Check if !drift.is_empty() => return Err(Failure::Stale(drift)),
        Mode::Write if !drift.is_empty() => {
            replace_dir(out_dir, &generated.files).map_err(Failure::Io)?
        }
        _ => {}
    }
    Ok(Report { generated, drift })
}

fn duplicate_ids(catalogs: &[(model::Catalog, usize)]) -> Vec<Diagnostic> {
    let mut first: HashMap<&[String], &str> = HashMap::new();
    let mut problems = Vec::new();
    for (c, line) in catalogs {
        if let Some(other) = first.insert(&c.id, &c.path) {
            let msg = format!(
                "catalogue id `{}` is already claimed by {other}; ids must be unique",
                c.id_path()
            );
            problems.push(Diagnostic::at(&c.path, *line, 0, msg));
        }
    }
    problems
}
