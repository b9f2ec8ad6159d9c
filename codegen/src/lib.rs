//! The errcodes generator: validates `catalog/*.yaml` and renders `errcodes/src/generated/`
//! and the browsable error index `docs/`.
//!
//! `cargo run -p codegen` regenerates; `cargo run -p codegen -- --check` only compares. The
//! library form exists so the workspace tests can run the generator on fixture catalogues.

#![forbid(unsafe_code)]

// Runtime definitions the generator shares rather than repeats: the next-step classes, the
// key kinds and wire formats (with their catalogue spellings) and the hash functions.
#[path = "../../errcodes/src/action.rs"]
#[allow(dead_code)]
mod action;
mod diag;
mod docs;
mod emit;
mod features;
#[path = "../../errcodes/src/hash.rs"]
#[allow(dead_code)] // the probing half is the runtime's
mod hash;
mod ident;
mod index;
#[path = "../../errcodes/src/kind.rs"]
#[allow(dead_code)]
mod kind;
mod load;
mod model;
mod output;
mod schema;
mod validate;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

pub use diag::Diagnostic;
pub use emit::COMMAND;
pub use load::{MAX_ALIASES, MAX_DEPTH, MAX_FILE_BYTES, MAX_FILES, MAX_NODES};
pub use output::{
    Disk, Drift, RealDisk, compare, recover, replace_dir, replace_dir_on, replace_file,
};
pub use validate::{MAX_ENTRIES, MAX_NAME_LEN, MAX_TEXT_LEN};

/// Top-level names `errcodes` already uses at its root; no catalogue id may start with one.
/// Also the Cargo features `std`, `serde`, `default` and `all-catalogues` and the `response`
/// module: a catalogue's feature is named after its id.
pub const RESERVED_ROOT_MODULES: &[&str] = &[
    "action",
    "alloc",
    "all_catalogues",
    "catalog",
    "code_impl",
    "core",
    "default",
    "entry",
    "error",
    "generated",
    "response",
    "serde",
    "std",
    "wire",
];

/// What the catalogue folder produces.
#[derive(Debug, Clone)]
pub struct Generated {
    /// File contents keyed by path relative to the generated folder (`nuki.rs`, `mod.rs`).
    pub files: BTreeMap<String, String>,
    /// Markdown pages keyed by path relative to the docs folder (`README.md`, `nuki.md`).
    pub docs: BTreeMap<String, String>,
    /// The runtime manifest's catalogue-feature section (between its marker lines).
    pub features: String,
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
        features: features::section(&catalogs),
        files: emit::render(&catalogs, dir_name),
        docs: docs::render(&catalogs, dir_name),
        catalogs: summary,
    })
}

/// Whether [`run`] writes its outputs or only compares them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Replace each output that differs (a folder all or nothing, a file by rename).
    Write,
    /// Compare only.
    Check,
}

/// Where [`run`] writes.
#[derive(Debug, Clone)]
pub struct Outputs {
    /// The generated code folder (`errcodes/src/generated`).
    pub code: PathBuf,
    /// The error index folder (`docs`), if it is kept.
    pub docs: Option<PathBuf>,
    /// The runtime crate's manifest whose catalogue features are kept in step, if any.
    pub manifest: Option<PathBuf>,
}

impl Outputs {
    /// Only the code folder.
    pub fn code(dir: &Path) -> Outputs {
        Outputs {
            code: dir.to_path_buf(),
            docs: None,
            manifest: None,
        }
    }

    /// The workspace's own outputs: `errcodes/src/generated`, `docs` and
    /// `errcodes/Cargo.toml` under `root`.
    pub fn workspace(root: &Path) -> Outputs {
        Outputs {
            code: root.join("errcodes/src/generated"),
            docs: Some(root.join("docs")),
            manifest: Some(root.join("errcodes/Cargo.toml")),
        }
    }
}

/// Why [`run`] failed.
#[derive(Debug)]
pub enum Failure {
    /// The catalogue has problems; nothing was written.
    Invalid(Vec<Diagnostic>),
    /// [`Mode::Check`]: the committed outputs differ from what the catalogue produces.
    Stale(Vec<Drift>),
    /// Reading or writing an output failed; the output named in the error was left as it was.
    Io(std::io::Error),
}

/// What [`run`] found or did.
#[derive(Debug)]
pub struct Report {
    /// What the catalogue produces.
    pub generated: Generated,
    /// How the outputs differed before the run (empty: up to date). Paths include the output
    /// folder (`errcodes/src/generated/nuki.rs`).
    pub drift: Vec<Drift>,
}

/// Validates `catalog_dir`, then compares each output with what it produces and, in
/// [`Mode::Write`], replaces those that differ: the docs folder, the manifest's feature
/// section, then the code folder. Nothing is written unless every catalogue file is valid.
pub fn run(catalog_dir: &Path, outputs: &Outputs, mode: Mode) -> Result<Report, Failure> {
    let generated = generate(catalog_dir).map_err(Failure::Invalid)?;
    let folders = outputs
        .docs
        .iter()
        .map(|d| (d, &generated.docs))
        .chain([(&outputs.code, &generated.files)]);
    let mut plan: Vec<(&Path, &BTreeMap<String, String>, Vec<Drift>)> = Vec::new();
    for (dir, files) in folders {
        if mode == Mode::Write {
            recover(dir).map_err(|e| io_failure(dir, e))?;
        }
        let drift = compare(dir, files).map_err(|e| io_failure(dir, e))?;
        plan.push((
            dir,
            files,
            drift.into_iter().map(|d| d.under(dir)).collect(),
        ));
    }
    let manifest = match &outputs.manifest {
        Some(path) => manifest_update(path, &generated.features)?,
        None => None,
    };
    let mut drift: Vec<Drift> = plan
        .iter()
        .flat_map(|(_, _, d)| d.iter().cloned())
        .collect();
    if let Some((path, _)) = &manifest {
        drift.push(Drift::Stale(path.display().to_string()));
    }
    match mode {
        Mode::Check if !drift.is_empty() => return Err(Failure::Stale(drift)),
        Mode::Check => {}
        Mode::Write => {
            let (code, docs) = plan
                .split_last()
                .expect("the code folder is always planned");
            for (dir, files, changed) in docs {
                if !changed.is_empty() {
                    replace_dir(dir, files).map_err(|e| io_failure(dir, e))?;
                }
            }
            if let Some((path, text)) = &manifest {
                replace_file(path, text).map_err(|e| io_failure(path, e))?;
            }
            if !code.2.is_empty() {
                replace_dir(code.0, code.1).map_err(|e| io_failure(code.0, e))?;
            }
        }
    }
    Ok(Report { generated, drift })
}

/// The manifest's new text when its feature section differs from `section`.
fn manifest_update(path: &Path, section: &str) -> Result<Option<(PathBuf, String)>, Failure> {
    let old = std::fs::read_to_string(path).map_err(|e| io_failure(path, e))?;
    let new = features::splice(&old, section).map_err(|why| {
        let msg = format!("{why}; put the two marker lines in its [features] table");
        io_failure(
            path,
            std::io::Error::new(std::io::ErrorKind::InvalidData, msg),
        )
    })?;
    Ok((new != old).then(|| (path.to_path_buf(), new)))
}

/// An I/O error that names the output it happened in.
fn io_failure(path: &Path, err: std::io::Error) -> Failure {
    Failure::Io(std::io::Error::new(
        err.kind(),
        format!("{}: {err}", path.display()),
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
