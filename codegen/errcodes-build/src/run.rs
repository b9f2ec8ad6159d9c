//! One run of the generator: load and validate every file of a folder, render every output in
//! memory, then compare the outputs on disk with it or replace them.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use crate::diag::{self, Diagnostic};
use crate::output::{self, Disk, Drift, Target, WriteFailure};
use crate::settings::Settings;
use crate::validate::MAX_ENTRIES;
use crate::{docs, emit, features, load, model, schema, validate};

/// What a catalogue folder produces, in memory.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Generated {
    /// File contents keyed by path relative to the generated folder (`nuki.rs`, `mod.rs`).
    pub files: BTreeMap<String, String>,
    /// Markdown pages keyed by path relative to the docs folder (`README.md`, `nuki.md`).
    pub docs: BTreeMap<String, String>,
    /// Every catalogue, sorted by id.
    pub catalogs: Vec<CatalogSummary>,
}

/// One catalogue of a [`Generated`] folder.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct CatalogSummary {
    /// The module path (`knox::tag`).
    pub id: String,
    /// The slug: its docs page and, with [`Builder::feature_gates`](crate::Builder::feature_gates),
    /// its Cargo feature (`knox-tag`).
    pub slug: String,
    /// The one-line title.
    pub title: String,
    /// How many codes it has.
    pub entries: usize,
    /// The file it came from, as messages show it (`catalog/knox.tag.yaml`).
    pub file: String,
    /// The line of its `id` in that file (1-based).
    pub line: usize,
}

/// Why a run failed.
#[non_exhaustive]
pub enum Failure {
    /// The catalogue has problems; nothing was written.
    Invalid(Vec<Diagnostic>),
    /// [`Builder::check`](crate::Builder::check): the committed outputs differ from what the
    /// catalogue produces; the second field says how to fix it (`run \`cargo run -p codegen\``).
    Stale(Vec<Drift>, String),
    /// An output folder holds files the generator did not write (named); nothing was written.
    Foreign(Vec<String>),
    /// The settings, reading the outputs, or taking the lock failed; nothing was written.
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
                    writeln!(f, "{}: {}", d.path(), d.why())?;
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

/// What [`Builder::write_to`](crate::Builder::write_to) or
/// [`Builder::check`](crate::Builder::check) found or did.
#[derive(Debug)]
#[non_exhaustive]
pub struct Report {
    /// What the catalogue produces.
    pub generated: Generated,
    /// How the outputs differed before the run (empty: up to date). Paths include the output
    /// folder (`src/codes/lock.rs`).
    pub drift: Vec<Drift>,
    /// Files or folders beside an output that look like a killed run's leftovers
    /// (`.codes.new`, `.docs.old`) but that no run provably wrote: left alone, named here.
    pub left_alone: Vec<PathBuf>,
}

/// Compare only, or replace what differs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    Write,
    Check,
}

/// The folders a run keeps: the code and, if set, the error index.
#[derive(Debug, Clone)]
pub(crate) struct Outputs {
    pub code: PathBuf,
    pub docs: Option<PathBuf>,
}

/// Validated catalogues, each with the line of its `id`.
pub(crate) type Validated = Vec<(model::Catalog, usize)>;

/// The folder's name (for messages) and its validated catalogues.
pub(crate) fn validated(
    catalog_dir: &Path,
    settings: &Settings,
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
    // Every byte read counts against the run's limit, whatever the files' metadata said. A
    // file over its own limit is reported as such and not counted; past the run's limit,
    // nothing more is read.
    let mut budget = load::MAX_TOTAL_BYTES;
    let mut parsed = Vec::new();
    for (path, name) in &files {
        let shown = format!("{dir_name}/{name}");
        let (read, result) = load::parse(path, &shown, budget);
        let over_total = read > budget && budget < load::MAX_FILE_BYTES;
        if read <= budget {
            budget -= read;
        }
        parsed.push((shown, result.map_err(|d| vec![d])));
        if over_total {
            break;
        }
    }
    let catalogs = assemble(parsed.into_iter(), settings)?;
    Ok((dir_name, catalogs))
}

/// Every output of validated catalogues, in memory.
pub(crate) fn render(catalogs: &Validated, dir_name: &str, settings: &Settings) -> Generated {
    let mut summary: Vec<CatalogSummary> = catalogs
        .iter()
        .map(|(c, line)| CatalogSummary {
            id: c.id_path(),
            slug: features::slug(&c.id),
            title: c.title.clone(),
            entries: c.entries.len(),
            file: c.path.clone(),
            line: *line,
        })
        .collect();
    summary.sort_by(|a, b| a.id.cmp(&b.id));
    let catalogs: Vec<model::Catalog> = catalogs.iter().map(|(c, _)| c.clone()).collect();
    Generated {
        files: emit::render(&catalogs, dir_name, settings),
        docs: docs::render(&catalogs, dir_name, settings),
        catalogs: summary,
    }
}

/// Validates parsed files together (ids and slugs are unique across them).
fn assemble(
    parsed: impl Iterator<Item = (String, Result<schema::File, Vec<Diagnostic>>)>,
    settings: &Settings,
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
            let line = parsed.entries.as_ref().map_or(0, |e| e.at.line);
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
        let id_line = parsed.id.as_ref().map_or(0, |id| id.at.line);
        let mut sink = diag::Sink::new(&shown);
        if let Some(catalog) = validate::catalog(parsed, reserved, &mut sink) {
            catalogs.push((catalog, id_line));
        }
        problems.extend(sink.found);
    }
    problems.extend(clashes(&catalogs, &settings.reserved_features));
    if !problems.is_empty() {
        problems.sort();
        return Err(problems);
    }
    Ok(catalogs)
}

/// Validates, compares and (in [`Mode::Write`]) replaces the outputs, with `settings`.
pub(crate) fn execute(
    disk: &mut dyn Disk,
    catalog_dir: &Path,
    outputs: &Outputs,
    settings: &Settings,
    mode: Mode,
) -> Result<Report, Failure> {
    let _lock = take_outputs(outputs, mode)?;
    let (dir_name, catalogs) = validated(catalog_dir, settings).map_err(Failure::Invalid)?;
    let generated = render(&catalogs, &dir_name, settings);
    install_generated(disk, generated, outputs, settings, mode)
}

/// Checks that the outputs are two folders and takes the lock of runs writing them.
pub(crate) fn take_outputs(outputs: &Outputs, mode: Mode) -> Result<output::RunLock, Failure> {
    if outputs
        .docs
        .as_deref()
        .is_some_and(|d| output::same_place(d, &outputs.code))
    {
        return Err(Failure::Io(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            format!(
                "docs_dir and the code folder are both {}; give the error index a folder of \
                 its own",
                outputs.code.display()
            ),
        )));
    }
    output::lock(&outputs.code, mode == Mode::Write).map_err(Failure::Io)
}

/// Compares the outputs with `generated` and, in [`Mode::Write`], replaces those that differ.
/// The caller holds the lock ([`take_outputs`]).
pub(crate) fn install_generated(
    disk: &mut dyn Disk,
    generated: Generated,
    outputs: &Outputs,
    settings: &Settings,
    mode: Mode,
) -> Result<Report, Failure> {
    let mut targets = Vec::new();
    if let Some(docs) = &outputs.docs {
        targets.push(Target::new(docs, &generated.docs));
    }
    targets.push(Target::new(&outputs.code, &generated.files));
    let mut planned = Vec::new();
    let mut left_alone = Vec::new();
    for target in targets {
        if mode == Mode::Write {
            let kept = output::recover(&target.dir).map_err(|e| io_failure(&target.dir, e))?;
            left_alone.extend(kept);
        }
        let dir = target.dir.clone();
        planned.push(output::plan(target).map_err(|e| io_failure(&dir, e))?);
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
    Ok(Report {
        generated,
        drift,
        left_alone,
    })
}

/// An I/O error that names the output it happened in.
pub(crate) fn io_failure(path: &Path, err: std::io::Error) -> Failure {
    Failure::Io(std::io::Error::new(
        err.kind(),
        format!("{}: {err}", path.display()),
    ))
}

/// Ids and slugs (page and feature names) must be unique across catalogues, and no slug may
/// take a feature the crate defines itself.
fn clashes(catalogs: &Validated, reserved_features: &[String]) -> Vec<Diagnostic> {
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
        } else if reserved_features.contains(&slug) {
            format!(
                "catalogue id `{}` would be the Cargo feature `{slug}`, which the manifest \
                 already defines; choose another id",
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
