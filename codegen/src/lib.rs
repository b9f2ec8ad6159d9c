//! The errcodes generator: validates `catalog/*.yaml` and renders `errcodes/src/generated/`
//! and the browsable error index `docs/`.
//!
//! `cargo run -p codegen` regenerates; `cargo run -p codegen -- --check` only compares. The
//! library form exists so the workspace tests can run the generator on fixture catalogues.

mod diag;
mod docs;
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
pub use output::{Disk, Drift, RealDisk, compare, recover, replace_dir, replace_dir_on};
pub use validate::{MAX_ENTRIES, MAX_NAME_LEN, MAX_TEXT_LEN};

/// Top-level names `errcodes` already uses at its root; no catalogue id may start with one.
pub const RESERVED_ROOT_MODULES: &[&str] =
    &["action", "catalog", "entry", "error", "generated", "wire"];

/// What the catalogue folder produces.
#[derive(Debug, Clone)]
pub struct Generated {
    /// File contents keyed by path relative to the generated folder (`nuki.rs`, `mod.rs`).
    pub files: BTreeMap<String, String>,
    /// Markdown pages keyed by path relative to the docs folder (`README.md`, `nuki.md`).
    pub docs: BTreeMap<String, String>,
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
    let parsed = files.iter().map(|path| {
        let name = path
            .file_name()
            .expect("listed files have names")
            .to_string_lossy();
        let shown = format!("{dir_name}/{name}");
        let parsed = load::parse(path, &shown);
        (shown, parsed)
    });
    assemble(&dir_name, parsed)
}

/// Validates and renders one catalogue file given as bytes: what [`generate`] does for a
/// folder `catalog/` holding just that file. For fuzzing and for tools that check a file
/// before saving it.
pub fn generate_one(file_name: &str, bytes: &[u8]) -> Result<Generated, Vec<Diagnostic>> {
    let shown = format!("catalog/{file_name}");
    let parsed = load::parse_bytes(bytes, &shown);
    assemble("catalog", std::iter::once((shown, parsed)))
}

/// Validates parsed files together (ids are unique across them) and renders them.
fn assemble(
    dir_name: &str,
    parsed: impl Iterator<Item = (String, Result<schema::File, Diagnostic>)>,
) -> Result<Generated, Vec<Diagnostic>> {
    let mut problems = Vec::new();
    let mut catalogs = Vec::new();
    for (shown, parsed) in parsed {
        let parsed = match parsed {
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
        files: emit::render(&catalogs, dir_name),
        docs: docs::render(&catalogs, dir_name),
        catalogs: summary,
    })
}

/// Whether [`run`] writes the generated folder or only compares it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Replace each folder that differs (all or nothing per folder).
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
    Stale {
        /// How the generated code folder differs.
        code: Vec<Drift>,
        /// How the docs folder differs (empty when it was not compared).
        docs: Vec<Drift>,
    },
    /// Reading or writing a folder failed; the folder named in the error was left as it was.
    Io(std::io::Error),
}

/// What [`run`] found or did.
#[derive(Debug)]
pub struct Report {
    /// What the catalogue produces.
    pub generated: Generated,
    /// How the generated code folder differed before the run (empty: it was up to date).
    pub drift: Vec<Drift>,
    /// How the docs folder differed before the run (empty when up to date or not compared).
    pub docs_drift: Vec<Drift>,
}

/// Validates `catalog_dir`, then compares `out_dir` with the generated code and, in
/// [`Mode::Write`], replaces it when it differs. Nothing is written unless every file is
/// valid. Leaves the docs alone: [`run_with_docs`] also renders them.
pub fn run(catalog_dir: &Path, out_dir: &Path, mode: Mode) -> Result<Report, Failure> {
    run_into(catalog_dir, out_dir, None, mode)
}

/// [`run`] for both folders: validates `catalog_dir`, then compares `out_dir` with the
/// generated code and `docs_dir` with the error index. In [`Mode::Write`] each folder that
/// differs is replaced whole (the docs first, then the code); nothing is written unless every
/// file is valid. In [`Mode::Check`] a difference in either folder is [`Failure::Stale`].
pub fn run_with_docs(
    catalog_dir: &Path,
    out_dir: &Path,
    docs_dir: &Path,
    mode: Mode,
) -> Result<Report, Failure> {
    run_into(catalog_dir, out_dir, Some(docs_dir), mode)
}

fn run_into(
    catalog_dir: &Path,
    out_dir: &Path,
    docs_dir: Option<&Path>,
    mode: Mode,
) -> Result<Report, Failure> {
    let generated = generate(catalog_dir).map_err(Failure::Invalid)?;
    let docs = docs_dir.map(|dir| (dir, &generated.docs));
    let targets = docs.into_iter().chain([(out_dir, &generated.files)]);
    let mut drifts = Vec::new();
    for (dir, files) in targets {
        if mode == Mode::Write {
            recover(dir).map_err(|e| io_failure(dir, e))?;
        }
        drifts.push(compare(dir, files).map_err(|e| io_failure(dir, e))?);
    }
    let drift = drifts.pop().expect("the code folder is compared");
    let docs_drift = drifts.pop().unwrap_or_default();
    match mode {
        Mode::Check if !drift.is_empty() || !docs_drift.is_empty() => {
            return Err(Failure::Stale {
                code: drift,
                docs: docs_drift,
            });
        }
        Mode::Write => {
            if let Some((dir, files)) = docs
                && !docs_drift.is_empty()
            {
                replace_dir(dir, files).map_err(|e| io_failure(dir, e))?;
            }
            if !drift.is_empty() {
                replace_dir(out_dir, &generated.files).map_err(|e| io_failure(out_dir, e))?;
            }
        }
        Mode::Check => {}
    }
    Ok(Report {
        generated,
        drift,
        docs_drift,
    })
}

/// An I/O error that names the folder it happened in.
fn io_failure(dir: &Path, err: std::io::Error) -> Failure {
    Failure::Io(std::io::Error::new(
        err.kind(),
        format!("{}: {err}", dir.display()),
    ))
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
