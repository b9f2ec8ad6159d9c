//! This repository's regenerate command, `cargo run -p codegen`, as a library for its tests.
//!
//! errcodes' own catalogues go through the published generator ([`errcodes_build::Builder`])
//! like anyone's; this package adds what only this repository keeps in step: the runtime
//! manifest's catalogue features and the README's catalogue table (marked sections of
//! hand-written files), and the names errcodes' root already takes. It does not depend on the
//! errcodes runtime, so it runs, and repairs the generated code, when that code does not
//! compile.

#![forbid(unsafe_code)]

mod features;
mod policy;
mod readme;
mod section;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use errcodes_build::{Builder, Diagnostic, Drift, Failure, Generated};

pub use features::{ALL as ALL_CATALOGUES, BEGIN as FEATURES_BEGIN, END as FEATURES_END};
pub use policy::UNCONFIRMED;
pub use readme::{BEGIN as README_BEGIN, END as README_END};

/// The command that regenerates errcodes' committed outputs.
pub const COMMAND: &str = "cargo run -p codegen";

/// Every name `errcodes` declares or imports at its root, its dependencies, and the crates
/// `core`, `alloc` and `std`: no catalogue module of errcodes' own may take one (it would be
/// shadowed or clash). `tests/reserved_names.rs` checks this list against `errcodes/src/lib.rs`.
pub const ROOT_NAMES: &[&str] = &[
    "Absent",
    "Action",
    "Aliases",
    "Catalog",
    "CatalogCode",
    "Cause",
    "Causes",
    "DeviceName",
    "DeviceNames",
    "Entries",
    "Entry",
    "KeyKind",
    "ParseError",
    "ParseErrorKind",
    "Source",
    "Sources",
    "Value",
    "WireFormat",
    "WireKey",
    "__code_defmt",
    "__code_v1",
    "__code_serde",
    "__private",
    "__texts_v1",
    "action",
    "alloc",
    "catalog",
    "catalog_in",
    "catalogs",
    "code_impl",
    "core",
    "defmt",
    "defmt_impl",
    "entry",
    "error",
    "generated",
    "hash",
    "http1",
    "http_crate",
    "kind",
    "list",
    "lookup",
    "lookup_in",
    "readme",
    "response",
    "scan",
    "serde",
    "serde_impl",
    "std",
    "support",
    "table",
    "wire",
];

/// errcodes' own settings: the runtime is `crate`, each catalogue is a Cargo feature, doc
/// examples use `errcodes::…`, and ids may not take a name the runtime's root already has.
pub fn own_builder(catalog_dir: &Path) -> Builder {
    Builder::new()
        .catalog_dir(catalog_dir)
        .runtime_path("crate")
        .doc_path("errcodes")
        .command(COMMAND)
        .feature_gates(true)
        .reserved_names(ROOT_NAMES.iter().copied())
}

/// Whether [`run`] writes its outputs or only compares them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Replace each output that differs.
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
    /// The README whose catalogue table is kept in step, if any.
    pub readme: Option<PathBuf>,
    /// The independent source tables every entry must be confirmed by (this repository's
    /// rule, see `policy.rs`), if the rule applies.
    pub fixtures: Option<PathBuf>,
}

impl Outputs {
    /// Only the code folder.
    pub fn code(dir: &Path) -> Outputs {
        Outputs {
            code: dir.to_path_buf(),
            docs: None,
            manifest: None,
            readme: None,
            fixtures: None,
        }
    }

    /// The checkout's own outputs: `errcodes/src/generated`, `docs`, `errcodes/Cargo.toml`
    /// and `README.md` under `root`.
    pub fn workspace(root: &Path) -> Outputs {
        Outputs {
            code: root.join("errcodes/src/generated"),
            docs: Some(root.join("docs")),
            manifest: Some(root.join("errcodes/Cargo.toml")),
            readme: Some(root.join("README.md")),
            fixtures: Some(root.join("tests/fixtures/sources")),
        }
    }
}

/// Everything a run produces, in memory.
#[derive(Debug, Clone)]
pub struct Own {
    /// The code and the error index, from errcodes-build.
    pub generated: Generated,
    /// The manifest's catalogue-feature section (its marker lines included).
    pub features: String,
    /// The README's catalogue table (its marker lines included).
    pub readme: String,
}

/// What [`run`] found or did.
#[derive(Debug)]
pub struct Report {
    /// What the catalogue produces.
    pub own: Own,
    /// How the outputs differed before the run (empty: up to date).
    pub drift: Vec<Drift>,
    /// What looked like a killed run's leftovers beside an output but was not provably the
    /// generator's: left alone.
    pub left_alone: Vec<PathBuf>,
}

/// Validates `catalog_dir` with errcodes' own settings and renders every output in memory.
///
/// # Errors
/// Every problem found, as `path:line:col: message`.
pub fn generate(catalog_dir: &Path) -> Result<Own, Vec<Diagnostic>> {
    generate_with(&own_builder(catalog_dir).reserved_features([features::ALL]))
}

fn generate_with(builder: &Builder) -> Result<Own, Vec<Diagnostic>> {
    let generated = builder.generate()?;
    Ok(Own {
        features: features::section(&generated.catalogs),
        readme: readme::table(&generated.catalogs),
        generated,
    })
}

/// A marked section of a file, planned: the file's new text when it differs.
struct Section {
    file: PathBuf,
    new_text: Option<String>,
}

/// Validates `catalog_dir`, then compares each output with what it produces and, in
/// [`Mode::Write`], replaces those that differ. Nothing is written unless every catalogue
/// file is valid, meets this repository's rules (with [`Outputs::fixtures`]), no catalogue takes a feature the manifest defines by hand, both marked
/// sections are found unambiguously, the new manifest loads, and no output folder holds a file
/// the generator did not write. Runs on the same catalogue folder take turns.
///
/// # Errors
/// See [`Failure`].
pub fn run(catalog_dir: &Path, outputs: &Outputs, mode: Mode) -> Result<Report, Failure> {
    let _turn = take_turn(catalog_dir)?;
    let manifest_text = match &outputs.manifest {
        Some(manifest) => Some(read_text(manifest)?),
        None => None,
    };
    let mut fixed = manifest_text
        .as_deref()
        .map(features::fixed)
        .unwrap_or_default();
    fixed.push(features::ALL.to_owned());
    let builder = own_builder(catalog_dir).reserved_features(fixed);
    let own = generate_with(&builder).map_err(Failure::Invalid)?;
    if let Some(fixtures) = &outputs.fixtures {
        let problems = policy::check(catalog_dir, &own.generated.catalogs, fixtures);
        if !problems.is_empty() {
            return Err(Failure::Invalid(problems));
        }
    }
    let mut sections = Vec::new();
    if let (Some(manifest), Some(text)) = (&outputs.manifest, &manifest_text) {
        let planned = plan(
            manifest,
            text,
            (features::BEGIN, features::END),
            &own.features,
        )?;
        if let Some(new) = &planned.new_text {
            let shown = manifest.display().to_string();
            let problems: Vec<Diagnostic> = features::check(new)
                .into_iter()
                .map(|(line, why)| Diagnostic::at(&shown, line, 0, why))
                .collect();
            if !problems.is_empty() {
                return Err(Failure::Invalid(problems));
            }
        }
        sections.push(planned);
    }
    if let Some(file) = &outputs.readme {
        let text = read_text(file)?;
        sections.push(plan(
            file,
            &text,
            (readme::BEGIN, readme::END),
            &own.readme,
        )?);
    }
    let mut builder = builder;
    if let Some(docs) = &outputs.docs {
        builder = builder.docs_dir(docs);
    }
    let section_drift: Vec<Drift> = sections
        .iter()
        .filter(|s| s.new_text.is_some())
        .map(|s| Drift::Stale(s.file.display().to_string()))
        .collect();
    // What was generated above is what is compared or written: nothing is rendered twice.
    let generated = own.generated.clone();
    let (mut drift, left_alone) = match mode {
        Mode::Check => match builder.check_generated(generated, &outputs.code) {
            Ok(report) => (report.drift, Vec::new()),
            Err(Failure::Stale(found, _)) => (found, Vec::new()),
            Err(other) => return Err(other),
        },
        Mode::Write => {
            let report = builder.write_generated(generated, &outputs.code)?;
            (report.drift, report.left_alone)
        }
    };
    drift.extend(section_drift);
    if mode == Mode::Check && !drift.is_empty() {
        return Err(Failure::Stale(drift, format!("run `{COMMAND}`")));
    }
    if mode == Mode::Write {
        for s in &sections {
            if let Some(text) = &s.new_text {
                replace_file(&s.file, text).map_err(|e| io_failure(&s.file, e))?;
            }
        }
    }
    Ok(Report {
        own,
        drift,
        left_alone,
    })
}

/// Serialises runs on one catalogue folder: a lock on the folder itself, which a clean of
/// ignored files cannot remove (the section writes happen outside errcodes-build's own lock).
fn take_turn(catalog_dir: &Path) -> Result<Option<fs::File>, Failure> {
    let Ok(dir) = fs::File::open(catalog_dir) else {
        return Ok(None); // the catalogue is read next and its problem reported then
    };
    match dir.try_lock() {
        Ok(()) => {}
        Err(fs::TryLockError::WouldBlock) => {
            eprintln!(
                "codegen: waiting for another run on {} to finish",
                catalog_dir.display()
            );
            dir.lock().map_err(|e| io_failure(catalog_dir, e))?;
        }
        Err(fs::TryLockError::Error(_)) => return Ok(None),
    }
    Ok(Some(dir))
}

/// Hand-written files are read whole, but never more than this (a README is some KB).
const MAX_SECTION_FILE: u64 = 8 << 20;

/// A hand-written file holding a section: a regular UTF-8 file of at most 8 MiB.
fn read_text(path: &Path) -> Result<String, Failure> {
    use io::Read as _;
    let fail = |why: &str| io_failure(path, io::Error::new(io::ErrorKind::InvalidData, why));
    let file = fs::File::open(path).map_err(|e| io_failure(path, e))?;
    if !file.metadata().map_err(|e| io_failure(path, e))?.is_file() {
        return Err(fail("is not a regular file"));
    }
    let mut bytes = Vec::new();
    file.take(MAX_SECTION_FILE + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| io_failure(path, e))?;
    if bytes.len() as u64 > MAX_SECTION_FILE {
        return Err(fail("is larger than 8 MiB"));
    }
    String::from_utf8(bytes).map_err(|_| fail("is not UTF-8 text"))
}

fn plan(
    file: &Path,
    text: &str,
    (begin, end): (&str, &str),
    section: &str,
) -> Result<Section, Failure> {
    let new = section::splice(text, begin, end, section).map_err(|why| {
        let why = format!("{why}; nothing was written");
        io_failure(file, io::Error::new(io::ErrorKind::InvalidData, why))
    })?;
    let same = text == new || text.replace("\r\n", "\n") == new.replace("\r\n", "\n");
    Ok(Section {
        file: file.to_path_buf(),
        new_text: (!same).then_some(new),
    })
}

/// Writes a uniquely named temporary file beside `path` and renames it over `path`; the
/// temporary file is removed if anything fails before the rename.
fn replace_file(path: &Path, text: &str) -> io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let mut tmp = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".codegen-tmp")
        .tempfile_in(dir)?;
    io::Write::write_all(&mut tmp, text.as_bytes())?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

fn io_failure(path: &Path, err: io::Error) -> Failure {
    Failure::Io(io::Error::new(
        err.kind(),
        format!("{}: {err}", path.display()),
    ))
}
