//! Typed error-code modules from catalogue YAML files, for crates that use the `errcodes`
//! runtime: the generator behind errcodes' own catalogues, for any crate's own.
//!
//! A catalogue file lists a vendor's codes (wire value, spec name, description,
//! remediation, HTTP status, next step, sources); its schema is errcodes' `catalog/README.md`.
//! Every file of a folder is validated before anything is written, and every problem of
//! every file is reported as `path:line:col: message`.
//!
//! - [`Builder`]: generate from `build.rs` ([`Builder::compile`], writing
//!   `$OUT_DIR/catalogs.rs`), or into committed files ([`Builder::write_to`], with
//!   [`Builder::check`] for a test that fails while they are stale). Each module has the API
//!   of a built-in errcodes catalogue (`Code`, `from_value`, `from_wire`, `from_name`,
//!   `CATALOG`), and `CATALOGS` joins errcodes' cross-catalogue lookups
//!   (`errcodes::lookup_in`).
//! - [`load_catalogs`]: the same validation at run time, giving `errcodes::Catalog`s that
//!   answer every lookup without compiling anything (`errcodes --catalog DIR`).
//!
//! ```no_run
//! // build.rs
//! errcodes_build::Builder::new().catalog_dir("catalog").compile()?;
//! # Ok::<(), errcodes_build::Failure>(())
//! ```
//!
//! Within errcodes' own repository, `cargo run -p codegen` (the package in `codegen/cli`)
//! regenerates errcodes' tables, error index, feature list and README table through
//! [`own_builder`]; [`run`] and [`run_on`] are that regenerate as functions, for its tests.
//!
//! Limits (see the constants) bound a run's memory to about 2.1 GB.

#![forbid(unsafe_code)]

mod builder;
mod diag;
mod docs;
mod dynamic;
mod emit;
mod features;
mod ident;
mod index;
mod load;
mod markdown;
mod model;
mod output;
mod schema;
mod settings;
mod tables;
mod validate;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use settings::Settings;

pub use builder::Builder;
pub use diag::Diagnostic;
pub use dynamic::{load_catalogs, load_catalogs_beside};
pub use emit::COMMAND;
pub use load::{MAX_ALIASES, MAX_DEPTH, MAX_FILE_BYTES, MAX_FILES, MAX_NODES, MAX_TOTAL_BYTES};
pub use output::{
    Disk, Drift, GENERATED_MARK, RealDisk, RunLock, Target, WriteFailure, compare, lock, recover,
    replace_dir, replace_dir_on, replace_file,
};
pub use validate::{MAX_ENTRIES, MAX_NAME_LEN, MAX_TEXT_LEN};

/// The runtime's vocabulary, shared rather than repeated: the hash functions the generated
/// tables are probed with (`errcodes::__private`), through the runtime crate itself.
mod hash {
    pub(crate) use errcodes::__private::{Shape, bucket, dense_slot, multiplied_slot, text_key};
    #[cfg(test)]
    pub(crate) use errcodes::__private::{sorted_slot, sorted_text_slot};
}

/// What the catalogue folder produces.
#[derive(Debug, Clone)]
pub struct Generated {
    /// File contents keyed by path relative to the generated folder (`nuki.rs`, `mod.rs`).
    pub files: BTreeMap<String, String>,
    /// Markdown pages keyed by path relative to the docs folder (`README.md`, `nuki.md`).
    pub docs: BTreeMap<String, String>,
    /// The runtime manifest's catalogue-feature section (its marker lines included).
    pub features: String,
    /// The README's catalogue table (its marker lines included).
    pub readme: String,
    /// Each catalogue's id and entry count, sorted by id.
    pub catalogs: Vec<(String, usize)>,
}

/// Validates every file of `catalog_dir` and renders errcodes' own outputs in memory.
///
/// All problems of all files are returned together, sorted by file and line; nothing is
/// written in any case. (A dependent's catalogues: [`Builder`].)
///
/// # Errors
/// Every problem found, as `path:line:col: message`.
pub fn generate(catalog_dir: &Path) -> Result<Generated, Vec<Diagnostic>> {
    own_builder(catalog_dir).generate()
}

/// errcodes' own settings, through the public [`Builder`]: the runtime is `crate`, each
/// catalogue is a Cargo feature, doc examples use `errcodes::…`, and ids may not take a name
/// the runtime's root already has. What `cargo run -p codegen` runs.
pub fn own_builder(catalog_dir: &Path) -> Builder {
    Builder::new()
        .catalog_dir(catalog_dir)
        .runtime_path("crate")
        .doc_path("errcodes")
        .command(COMMAND)
        .feature_gates(true)
        .reserved_names(errcodes::__private::ROOT_NAMES.iter().copied())
}

/// Validates every file of `catalog_dir`: the catalogues, and the folder's name for
/// messages. Catalogues whose Cargo feature would take one of `fixed_features` (the runtime
/// manifest's own features) are refused.
pub(crate) fn validate_dir(
    catalog_dir: &Path,
    settings: &Settings,
    fixed_features: &[String],
) -> Result<(Vec<model::Catalog>, String), Vec<Diagnostic>> {
    let (dir_name, catalogs) = validate_files(catalog_dir, settings, fixed_features)?;
    Ok((catalogs.into_iter().map(|(c, _)| c).collect(), dir_name))
}

/// Validated catalogues, each with the line of its `id`.
type Validated = Vec<(model::Catalog, usize)>;

/// The folder's name and its validated catalogues, each with the line of its `id`, as a
/// dependent's builder validates them: what [`load_catalogs`] builds runtime catalogues from.
pub(crate) fn validated(
    catalog_dir: &Path,
    fixed_features: &[String],
) -> Result<(String, Validated), Vec<Diagnostic>> {
    validate_files(catalog_dir, &Settings::dependent(), fixed_features)
}

/// Reads and validates every `*.yaml` file of `catalog_dir` together.
fn validate_files(
    catalog_dir: &Path,
    settings: &Settings,
    fixed_features: &[String],
) -> Result<(String, Validated), Vec<Diagnostic>> {
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
        let parsed = load::parse(path, &shown).map_err(|d| vec![d]);
        (shown, parsed)
    });
    let catalogs = assemble(parsed, settings, fixed_features)?;
    Ok((dir_name, catalogs))
}

/// Validates and renders one catalogue file given as bytes: what [`generate`] does for a
/// folder `catalog/` holding just that file. For fuzzing and for tools that check a file
/// before saving it.
///
/// # Errors
/// Every problem found, as `path:line:col: message`.
pub fn generate_one(file_name: &str, bytes: &[u8]) -> Result<Generated, Vec<Diagnostic>> {
    let shown = format!("catalog/{file_name}");
    let parsed = load::parse_bytes(bytes, &shown).map_err(|d| vec![d]);
    let builder = own_builder(Path::new("catalog"));
    let settings = builder.settings();
    let catalogs = assemble(std::iter::once((shown, parsed)), settings, &[])?;
    let catalogs: Vec<model::Catalog> = catalogs.into_iter().map(|(c, _)| c).collect();
    Ok(render(&catalogs, "catalog", settings))
}

/// Every output of validated catalogues, in memory.
fn render(catalogs: &[model::Catalog], dir_name: &str, settings: &Settings) -> Generated {
    let mut summary: Vec<(String, usize)> = catalogs
        .iter()
        .map(|c| (c.id_path(), c.entries.len()))
        .collect();
    summary.sort();
    Generated {
        features: features::section(catalogs),
        readme: docs::readme_table(catalogs),
        files: emit::render(catalogs, dir_name, settings),
        docs: docs::render(catalogs, dir_name, settings),
        catalogs: summary,
    }
}

/// Validates parsed files together (ids, slugs and features are unique across them).
fn assemble(
    parsed: impl Iterator<Item = (String, Result<schema::File, Vec<Diagnostic>>)>,
    settings: &Settings,
    fixed_features: &[String],
) -> Result<Validated, Vec<Diagnostic>> {
    let reserved = &settings.reserved;
    let mut problems = Vec::new();
    let mut catalogs = Vec::new();
    let mut total = 0;
    for (shown, parsed) in parsed {
        let parsed = match parsed {
            Ok(parsed) => parsed,
            Err(found) => {
                problems.extend(found);
                continue;
            }
        };
        let listed = parsed.entries.as_ref().map_or(0, |e| e.value.len());
        if total <= MAX_ENTRIES && total + listed > MAX_ENTRIES {
            let line = parsed.entries.as_ref().map_or(0, |e| schema::pos(e).line);
            let msg = format!(
                "with this file the catalogue holds {} entries; one run accepts at most \
                 {MAX_ENTRIES} (split the catalogue and generate the parts separately)",
                total + listed
            );
            problems.push(Diagnostic::at(&shown, line, 0, msg));
        }
        total += listed;
        if total > MAX_ENTRIES {
            continue; // the memory a run may take is spent; validating more adds nothing
        }
        let id_line = parsed.id.as_ref().map_or(0, |id| schema::pos(id).line);
        let mut sink = diag::Sink::new(&shown);
        if let Some(catalog) = validate::catalog(parsed, reserved, &mut sink) {
            catalogs.push((catalog, id_line));
        }
        problems.extend(sink.found);
    }
    problems.extend(clashes(&catalogs, fixed_features));
    if !problems.is_empty() {
        problems.sort();
        return Err(problems);
    }
    Ok(catalogs)
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
    /// The README whose catalogue table is kept in step, if any.
    pub readme: Option<PathBuf>,
}

impl Outputs {
    /// Only the code folder.
    pub fn code(dir: &Path) -> Outputs {
        Outputs {
            code: dir.to_path_buf(),
            docs: None,
            manifest: None,
            readme: None,
        }
    }

    /// The workspace's own outputs: `errcodes/src/generated`, `docs`, `errcodes/Cargo.toml`
    /// and `README.md` under `root`.
    pub fn workspace(root: &Path) -> Outputs {
        Outputs {
            code: root.join("errcodes/src/generated"),
            docs: Some(root.join("docs")),
            manifest: Some(root.join("errcodes/Cargo.toml")),
            readme: Some(root.join("README.md")),
        }
    }

    /// Every output as a target, in the order they are replaced: the docs, the README, the
    /// manifest, then the code.
    fn targets(&self, g: &Generated) -> Vec<Target> {
        let folder = |dir: &PathBuf, files: &BTreeMap<String, String>| Target::Folder {
            dir: dir.clone(),
            files: files.clone(),
        };
        let section = |file: &PathBuf, (begin, end), text: &String| Target::Section {
            file: file.clone(),
            begin,
            end,
            section: text.clone(),
        };
        let mut targets: Vec<Target> = Vec::new();
        targets.extend(self.docs.iter().map(|d| folder(d, &g.docs)));
        targets.extend(
            self.readme
                .iter()
                .map(|f| section(f, docs::README_MARKERS, &g.readme)),
        );
        targets.extend(
            self.manifest
                .iter()
                .map(|f| section(f, (features::BEGIN, features::END), &g.features)),
        );
        targets.push(folder(&self.code, &g.files));
        targets
    }
}

/// Why [`run`] failed.
pub enum Failure {
    /// The catalogue has problems (or would leave the manifest unloadable); nothing was written.
    Invalid(Vec<Diagnostic>),
    /// [`Mode::Check`]: the committed outputs differ from what the catalogue produces; the
    /// second field says how to fix it (`run \`cargo run -p codegen\``).
    Stale(Vec<Drift>, String),
    /// An output folder holds files the generator did not write (named); nothing was written.
    Foreign(Vec<String>),
    /// Reading the outputs, or taking the lock, failed; nothing was written.
    Io(std::io::Error),
    /// Writing failed: what was replaced and what was kept is listed.
    Write(WriteFailure),
}

/// The same text as `Display` (every problem as `path:line:col: message`), so that a build
/// script's `compile().unwrap()` or `fn main() -> Result<(), Failure>` shows the problems as
/// they are meant to be read rather than as nested structs. Match the variants for the data.
impl std::fmt::Debug for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Display::fmt(self, f)
    }
}

impl std::error::Error for Failure {}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let list = |paths: &[PathBuf]| {
            paths
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        };
        match self {
            Failure::Invalid(problems) => {
                for p in problems {
                    writeln!(f, "{p}")?;
                }
                write!(
                    f,
                    "{} problem(s) in the catalogue; nothing was written",
                    problems.len()
                )
            }
            Failure::Stale(drift, fix) => {
                for d in drift {
                    let why = match d {
                        Drift::Stale(_) => "stale (differs from what the catalogue produces)",
                        Drift::Missing(_) => "missing (a catalogue produces it)",
                        Drift::Extra(_) => "extra (no catalogue produces it)",
                        Drift::Foreign(_) => "not generated (no `@generated` first line)",
                    };
                    writeln!(f, "{}: {why}", d.path())?;
                }
                write!(
                    f,
                    "generated files are out of date; {fix} and commit the result"
                )
            }
            Failure::Foreign(paths) => {
                write!(f, "{}; nothing was written", output::foreign_error(paths))
            }
            Failure::Io(e) => write!(f, "{e}; nothing was written"),
            Failure::Write(w) if w.replaced.is_empty() => {
                write!(f, "{}; nothing was replaced", w.error)
            }
            Failure::Write(w) => write!(
                f,
                "{}. Replaced: {}. Not replaced (as before): {}. Run again once fixed.",
                w.error,
                list(&w.replaced),
                list(&w.kept)
            ),
        }
    }
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
/// [`Mode::Write`], replaces those that differ. Nothing is written unless every catalogue
/// file is valid, the new manifest loads, and no output folder holds a file the generator
/// did not write. Runs writing the same code folder take turns (see [`lock`]).
///
/// # Errors
/// See [`Failure`].
/// This is errcodes' own regenerate (`cargo run -p codegen`): generated code inside the
/// runtime crate, one Cargo feature per catalogue. A dependent uses [`Builder`].
///
/// # Errors
/// See [`Failure`].
pub fn run(catalog_dir: &Path, outputs: &Outputs, mode: Mode) -> Result<Report, Failure> {
    run_on(&mut RealDisk, catalog_dir, outputs, mode)
}

/// [`run`] through `disk`, so that tests can fail any write.
///
/// # Errors
/// See [`Failure`].
pub fn run_on(
    disk: &mut dyn Disk,
    catalog_dir: &Path,
    outputs: &Outputs,
    mode: Mode,
) -> Result<Report, Failure> {
    let builder = own_builder(catalog_dir);
    execute(disk, catalog_dir, outputs, builder.settings(), mode)
}

/// Validates, compares and (in [`Mode::Write`]) replaces the outputs, with `settings`.
pub(crate) fn execute(
    disk: &mut dyn Disk,
    catalog_dir: &Path,
    outputs: &Outputs,
    settings: &Settings,
    mode: Mode,
) -> Result<Report, Failure> {
    let _lock = lock(&outputs.code, mode == Mode::Write).map_err(Failure::Io)?;
    let fixed = match &outputs.manifest {
        Some(path) => {
            let text = std::fs::read_to_string(path).map_err(|e| io_failure(path, e))?;
            features::fixed(&text)
        }
        None => Vec::new(),
    };
    let (catalogs, dir_name) =
        validate_dir(catalog_dir, settings, &fixed).map_err(Failure::Invalid)?;
    let generated = render(&catalogs, &dir_name, settings);
    let mut planned = Vec::new();
    for target in outputs.targets(&generated) {
        if mode == Mode::Write {
            recover(target.path()).map_err(|e| io_failure(target.path(), e))?;
        }
        let path = target.path().to_path_buf();
        planned.push(output::plan(target).map_err(|e| io_failure(&path, e))?);
    }
    if let Some(manifest) = &outputs.manifest {
        check_manifest(manifest, &planned)?;
    }
    let drift: Vec<Drift> = planned.iter().flat_map(|p| p.drift.clone()).collect();
    let foreign: Vec<String> = drift
        .iter()
        .filter(|d| matches!(d, Drift::Foreign(_)))
        .map(|d| d.path().to_owned())
        .collect();
    match mode {
        Mode::Check if !drift.is_empty() => return Err(Failure::Stale(drift, settings.fix())),
        Mode::Check => {}
        Mode::Write if !foreign.is_empty() => return Err(Failure::Foreign(foreign)),
        Mode::Write => output::install(disk, &planned).map_err(Failure::Write)?,
    }
    Ok(Report { generated, drift })
}

/// The manifest text about to be written must load in cargo.
fn check_manifest(path: &Path, planned: &[output::Planned]) -> Result<(), Failure> {
    let Some(text) = planned
        .iter()
        .find(|p| p.target.path() == path)
        .and_then(|p| p.new_text.as_deref())
    else {
        return Ok(());
    };
    let shown = path.display().to_string();
    let problems: Vec<Diagnostic> = features::check(text)
        .into_iter()
        .map(|(line, why)| Diagnostic::at(&shown, line, 0, why))
        .collect();
    if problems.is_empty() {
        Ok(())
    } else {
        Err(Failure::Invalid(problems))
    }
}

/// An I/O error that names the output it happened in.
fn io_failure(path: &Path, err: std::io::Error) -> Failure {
    Failure::Io(std::io::Error::new(
        err.kind(),
        format!("{}: {err}", path.display()),
    ))
}

/// Ids, slugs (page and feature names) and features must be unique across catalogues and
/// must not take a name the runtime manifest already defines.
fn clashes(catalogs: &[(model::Catalog, usize)], fixed_features: &[String]) -> Vec<Diagnostic> {
    let mut first_id: HashMap<&[String], &str> = HashMap::new();
    let mut first_slug: HashMap<String, (&str, String)> = HashMap::new();
    let mut problems = Vec::new();
    for (c, line) in catalogs {
        let slug = features::slug(&c.id);
        let problem = if let Some(other) = first_id.insert(&c.id, &c.path) {
            format!(
                "catalogue id `{}` is already claimed by {other}; ids must be unique",
                c.id_path()
            )
        } else if let Some((other, other_id)) = first_slug.get(&slug) {
            format!(
                "catalogue id `{}` has the slug `{slug}` (its docs page and Cargo feature), \
                 like `{other_id}` in {other}; choose an id whose slug differs",
                c.id_path()
            )
        } else if slug == features::ALL || fixed_features.contains(&slug) {
            format!(
                "catalogue id `{}` would be the Cargo feature `{slug}`, which the runtime \
                 manifest already defines; choose another id",
                c.id_path()
            )
        } else {
            first_slug.insert(slug, (&c.path, c.id_path()));
            continue;
        };
        problems.push(Diagnostic::at(&c.path, *line, 0, problem));
    }
    problems
}
