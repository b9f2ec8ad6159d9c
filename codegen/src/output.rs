//! Comparing the outputs with what the catalogue produces, and replacing them without ever
//! losing a file: only generated files are replaced, every output is staged before any is
//! swapped in, and concurrent runs take turns.

use std::collections::BTreeMap;
use std::fs;
use std::io::{self, Read as _};
use std::path::{Path, PathBuf};

/// What the first line of every generated file contains; a file without it is not ours.
pub const GENERATED_MARK: &str = "@generated";

/// How an output differs from what the catalogue produces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Drift {
    /// The file exists but its content differs.
    Stale(String),
    /// The catalogue produces the file but it does not exist.
    Missing(String),
    /// A generated file that no catalogue produces any more.
    Extra(String),
    /// A file (or folder, or link) in an output folder that the generator did not write: no
    /// catalogue produces it and it has no `@generated` first line. The generator refuses to
    /// replace a folder holding one.
    Foreign(String),
}

impl Drift {
    /// The same difference with the path given under `dir` (`generated/nuki.rs`).
    pub fn under(self, dir: &Path) -> Drift {
        let join = |p: String| dir.join(p).display().to_string();
        match self {
            Drift::Stale(p) => Drift::Stale(join(p)),
            Drift::Missing(p) => Drift::Missing(join(p)),
            Drift::Extra(p) => Drift::Extra(join(p)),
            Drift::Foreign(p) => Drift::Foreign(join(p)),
        }
    }

    /// The path concerned.
    pub fn path(&self) -> &str {
        match self {
            Drift::Stale(p) | Drift::Missing(p) | Drift::Extra(p) | Drift::Foreign(p) => p,
        }
    }
}

/// `text` with CRLF line ends read as LF: a checkout with `core.autocrlf` is not stale.
pub(crate) fn same_text(on_disk: &[u8], wanted: &str) -> bool {
    on_disk == wanted.as_bytes()
        || (on_disk.contains(&b'\r')
            && String::from_utf8_lossy(on_disk).replace("\r\n", "\n") == wanted)
}

/// Every difference between `dir` and `files`, sorted by path.
pub fn compare(dir: &Path, files: &BTreeMap<String, String>) -> io::Result<Vec<Drift>> {
    let mut drift = Vec::new();
    for (path, content) in files {
        match fs::read(dir.join(path)) {
            Ok(old) if same_text(&old, content) => {}
            Ok(_) => drift.push(Drift::Stale(path.clone())),
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                drift.push(Drift::Missing(path.clone()));
            }
            Err(e) => return Err(e),
        }
    }
    // A file at a path the catalogue produces is replaced whatever it holds (a hand edit
    // of a generated file is undone, as its header says); any other file must be generated.
    for (path, generated) in existing(dir)? {
        if files.contains_key(&path) {
            continue;
        }
        drift.push(if generated {
            Drift::Extra(path)
        } else {
            Drift::Foreign(path)
        });
    }
    drift.sort_by(|a, b| a.path().cmp(b.path()));
    Ok(drift)
}

/// Everything under `dir` (none when it does not exist), as `/`-separated paths relative to it,
/// each with whether it is a generated file. Folders are walked, not listed; an empty folder,
/// a link or anything else that is not a regular file counts as not generated.
fn existing(dir: &Path) -> io::Result<Vec<(String, bool)>> {
    let mut found = Vec::new();
    let mut stack = match fs::symlink_metadata(dir) {
        Ok(meta) if meta.is_dir() => vec![dir.to_path_buf()],
        Ok(_) => return Ok(vec![(String::new(), false)]),
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(found),
        Err(e) => return Err(e),
    };
    while let Some(folder) = stack.pop() {
        let mut empty = true;
        for entry in fs::read_dir(&folder)? {
            empty = false;
            let entry = entry?;
            let path = entry.path();
            let kind = entry.file_type()?;
            if kind.is_dir() {
                stack.push(path);
            } else {
                found.push((relative(dir, &path), kind.is_file() && is_generated(&path)?));
            }
        }
        if empty && folder != dir {
            found.push((relative(dir, &folder) + "/", false));
        }
    }
    Ok(found)
}

fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).expect("walked from root");
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Whether the file's first line carries [`GENERATED_MARK`].
fn is_generated(path: &Path) -> io::Result<bool> {
    let mut head = Vec::with_capacity(256);
    fs::File::open(path)?.take(256).read_to_end(&mut head)?;
    let first = head.split(|b| *b == b'\n').next().unwrap_or_default();
    Ok(first
        .windows(GENERATED_MARK.len())
        .any(|w| w == GENERATED_MARK.as_bytes()))
}

/// The file-system writes the generator makes. Tests substitute one that fails on the n-th
/// call to check that a failure or crash at any point loses nothing.
pub trait Disk {
    /// Creates `path` (and missing parent folders below the output's parent) with `bytes`,
    /// flushed to disk.
    fn write(&mut self, path: &Path, bytes: &[u8]) -> io::Result<()>;
    /// Renames a file or folder.
    fn rename(&mut self, from: &Path, to: &Path) -> io::Result<()>;
    /// Removes a folder and everything in it.
    fn remove_dir_all(&mut self, path: &Path) -> io::Result<()>;
    /// Removes a file.
    fn remove_file(&mut self, path: &Path) -> io::Result<()> {
        fs::remove_file(path)
    }
}

/// The real file system.
#[derive(Debug, Default, Clone, Copy)]
pub struct RealDisk;

impl Disk for RealDisk {
    fn write(&mut self, path: &Path, bytes: &[u8]) -> io::Result<()> {
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        let file = fs::File::create(path)?;
        io::Write::write_all(&mut &file, bytes)?;
        file.sync_all()
    }

    fn rename(&mut self, from: &Path, to: &Path) -> io::Result<()> {
        fs::rename(from, to)
    }

    fn remove_dir_all(&mut self, path: &Path) -> io::Result<()> {
        fs::remove_dir_all(path)
    }
}

/// One output the generator keeps: a folder it owns whole, or a marked section of a file.
#[derive(Debug, Clone)]
pub enum Target {
    /// A folder holding exactly `files` (relative path → content), every one generated.
    Folder {
        /// The folder.
        dir: PathBuf,
        /// Its files.
        files: BTreeMap<String, String>,
    },
    /// The lines from `begin` to `end` (inclusive) of `file`, replaced by `section`, which
    /// starts with `begin` and ends with `end`.
    Section {
        /// The file (`errcodes/Cargo.toml`, `README.md`).
        file: PathBuf,
        /// The first line of the section.
        begin: &'static str,
        /// The last line of the section.
        end: &'static str,
        /// The section's new text.
        section: String,
    },
}

impl Target {
    /// The folder or file.
    pub fn path(&self) -> &Path {
        match self {
            Target::Folder { dir, .. } => dir,
            Target::Section { file, .. } => file,
        }
    }
}

/// A target with what is on disk now.
#[derive(Debug)]
pub(crate) struct Planned {
    pub target: Target,
    /// How it differs (paths under the target).
    pub drift: Vec<Drift>,
    /// For a section: the whole file's new text, when it differs.
    pub new_text: Option<String>,
}

/// Compares `target` with the disk.
pub(crate) fn plan(target: Target) -> io::Result<Planned> {
    match &target {
        Target::Folder { dir, files } => {
            let drift = compare(dir, files)?
                .into_iter()
                .map(|d| d.under(dir))
                .collect();
            Ok(Planned {
                target,
                drift,
                new_text: None,
            })
        }
        Target::Section {
            file,
            begin,
            end,
            section,
        } => {
            let old = fs::read(file)?;
            let old = String::from_utf8(old).map_err(|_| invalid(file, "is not UTF-8 text"))?;
            let new = splice(&old, begin, end, section)
                .map_err(|why| invalid(file, &format!("{why}; put the two marker lines back")))?;
            let stale = !same_text(old.as_bytes(), &new.replace("\r\n", "\n"));
            Ok(Planned {
                drift: if stale {
                    vec![Drift::Stale(file.display().to_string())]
                } else {
                    Vec::new()
                },
                new_text: stale.then_some(new),
                target,
            })
        }
    }
}

fn invalid(path: &Path, why: &str) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidData,
        format!("{}: {why}", path.display()),
    )
}

/// `text` with the lines from `begin` to `end` replaced by `section`, or why it cannot be.
pub(crate) fn splice(text: &str, begin: &str, end: &str, section: &str) -> Result<String, String> {
    let at = |marker: &str, from: usize| {
        text[from..]
            .find(marker)
            .map(|i| i + from)
            .ok_or_else(|| format!("has no line `{marker}`"))
    };
    let start = at(begin, 0)?;
    let stop = at(end, start)? + end.len();
    if text[stop..].contains(begin) {
        return Err(format!("has the line `{begin}` twice"));
    }
    Ok(format!("{}{section}{}", &text[..start], &text[stop..]))
}

/// Why writing the outputs stopped, and what had been replaced by then.
#[derive(Debug)]
pub struct WriteFailure {
    /// What went wrong, naming the path.
    pub error: io::Error,
    /// The outputs already replaced (they hold the new content).
    pub replaced: Vec<PathBuf>,
    /// The outputs left exactly as they were.
    pub kept: Vec<PathBuf>,
}

/// Replaces every changed target: first stages all of them beside their outputs
/// (`.generated.new/`, `.Cargo.toml.new`), then swaps each into place. A failure while
/// staging (a full disk, a read-only folder) replaces nothing; a failure while swapping is
/// reported with what was and was not replaced. [`recover`] undoes what a crash leaves.
pub(crate) fn install(disk: &mut dyn Disk, planned: &[Planned]) -> Result<(), WriteFailure> {
    let changed: Vec<&Planned> = planned.iter().filter(|p| !p.drift.is_empty()).collect();
    let all: Vec<PathBuf> = changed
        .iter()
        .map(|p| p.target.path().to_path_buf())
        .collect();
    let nothing_replaced = |error| WriteFailure {
        error,
        replaced: Vec::new(),
        kept: all.clone(),
    };
    for (n, p) in changed.iter().enumerate() {
        if let Err(e) = stage(disk, p) {
            for staged in &changed[..=n] {
                unstage(disk, &staged.target);
            }
            return Err(nothing_replaced(e));
        }
    }
    for (n, p) in changed.iter().enumerate() {
        if let Err(error) = swap(disk, &p.target) {
            for later in &changed[n + 1..] {
                unstage(disk, &later.target);
            }
            return Err(WriteFailure {
                error,
                replaced: all[..n].to_vec(),
                kept: all[n..].to_vec(),
            });
        }
    }
    Ok(())
}

fn stage(disk: &mut dyn Disk, p: &Planned) -> io::Result<()> {
    let named = |path: &Path, e: io::Error| {
        io::Error::new(e.kind(), format!("writing {}: {e}", path.display()))
    };
    match &p.target {
        Target::Folder { dir, files } => {
            check_parent(dir)?;
            let staging = sibling(dir, "new");
            for (path, content) in files {
                let path = staging.join(path);
                disk.write(&path, content.as_bytes())
                    .map_err(|e| named(&path, e))?;
            }
            Ok(())
        }
        Target::Section { file, .. } => {
            let staging = sibling(file, "new");
            let text = p.new_text.as_deref().unwrap_or_default();
            disk.write(&staging, text.as_bytes())
                .map_err(|e| named(&staging, e))
        }
    }
}

/// Removes what [`stage`] wrote for `target`, best effort (recovery removes the rest).
fn unstage(disk: &mut dyn Disk, target: &Target) {
    let staging = sibling(target.path(), "new");
    let _ = match target {
        Target::Folder { .. } => disk.remove_dir_all(&staging),
        Target::Section { .. } => disk.remove_file(&staging),
    };
}

/// Moves a staged target into place.
fn swap(disk: &mut dyn Disk, target: &Target) -> io::Result<()> {
    let (path, staging) = (target.path(), sibling(target.path(), "new"));
    let named =
        |e: io::Error| io::Error::new(e.kind(), format!("replacing {}: {e}", path.display()));
    match target {
        Target::Section { .. } => disk.rename(&staging, path).map_err(named),
        Target::Folder { dir, .. } => {
            let backup = sibling(dir, "old");
            if dir.exists() {
                disk.rename(dir, &backup).map_err(named)?;
            }
            if let Err(e) = disk.rename(&staging, dir) {
                let _ = disk.rename(&backup, dir);
                return Err(named(e));
            }
            // The new folder is in place: the target is replaced even if the old one cannot
            // be removed now ([`recover`] removes it on the next run).
            if backup.exists() {
                let _ = disk.remove_dir_all(&backup);
            }
            Ok(())
        }
    }
}

fn check_parent(dir: &Path) -> io::Result<()> {
    let parent = dir
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    if parent.is_dir() {
        Ok(())
    } else {
        let msg = format!("the folder {} does not exist", parent.display());
        Err(io::Error::new(io::ErrorKind::NotFound, msg))
    }
}

/// Replaces one file by writing a sibling and renaming it over the file.
pub fn replace_file(path: &Path, content: &str) -> io::Result<()> {
    let staging = sibling(path, "new");
    RealDisk.write(&staging, content.as_bytes())?;
    fs::rename(&staging, path).inspect_err(|_| {
        let _ = fs::remove_file(&staging);
    })
}

/// Replaces `dir` with exactly `files`, all or nothing, on the real file system.
///
/// # Errors
/// As [`replace_dir_on`].
pub fn replace_dir(dir: &Path, files: &BTreeMap<String, String>) -> io::Result<()> {
    replace_dir_on(&mut RealDisk, dir, files)
}

/// Replaces `dir` with exactly `files`, all or nothing.
///
/// The files are written to a sibling folder first; only when all are on disk is the old
/// folder moved aside and the new one renamed into place. A failure before that leaves `dir`
/// untouched; a crash between the two renames leaves the old folder beside it, which
/// [`recover`] (run first by every regenerate) puts back.
///
/// # Errors
/// `dir`'s parent does not exist; `dir` holds a file the generator did not write (one whose
/// first line lacks `@generated`), which is never deleted; or a write failed.
pub fn replace_dir_on(
    disk: &mut dyn Disk,
    dir: &Path,
    files: &BTreeMap<String, String>,
) -> io::Result<()> {
    check_parent(dir)?;
    recover(dir)?;
    let foreign: Vec<String> = compare(dir, files)?
        .into_iter()
        .filter(|d| matches!(d, Drift::Foreign(_)))
        .map(|d| d.under(dir).path().to_owned())
        .collect();
    if !foreign.is_empty() {
        return Err(foreign_error(&foreign));
    }
    let planned = Planned {
        target: Target::Folder {
            dir: dir.to_path_buf(),
            files: files.clone(),
        },
        drift: vec![Drift::Stale(String::new())],
        new_text: None,
    };
    install(disk, std::slice::from_ref(&planned)).map_err(|f| f.error)
}

/// The error for output folders holding files the generator did not write.
pub(crate) fn foreign_error(paths: &[String]) -> io::Error {
    io::Error::new(
        io::ErrorKind::AlreadyExists,
        format!(
            "{} not written by the generator (no `{GENERATED_MARK}` first line) and would be \
             lost; move it out of the output folder, or choose another output folder",
            paths.join(", ")
        ),
    )
}

/// Finishes or undoes an interrupted replacement of the folder or file `path`: puts a folder
/// moved aside back (or drops it when its replacement is in place) and removes a staged
/// folder or file. A leftover of the wrong kind (a file where a folder was staged, a link) is
/// not something the generator wrote: it is named in the error, and nothing is removed.
///
/// # Errors
/// Such a leftover, or a failed rename or removal.
pub fn recover(path: &Path) -> io::Result<()> {
    let (staging, backup) = (sibling(path, "new"), sibling(path, "old"));
    let folder = !fs::symlink_metadata(path).is_ok_and(|m| m.is_file());
    let expected = |leftover: &Path, dir: bool| -> io::Result<bool> {
        match fs::symlink_metadata(leftover) {
            Ok(m) if m.is_dir() == dir && !m.is_symlink() => Ok(true),
            Ok(m) => {
                let what = if m.is_symlink() {
                    "a symbolic link"
                } else if m.is_dir() {
                    "a folder"
                } else {
                    "a file"
                };
                let msg = format!(
                    "{} is {what}, not the {} the generator stages there; move it away and run again",
                    leftover.display(),
                    if dir { "folder" } else { "file" }
                );
                Err(io::Error::new(io::ErrorKind::AlreadyExists, msg))
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(false),
            Err(e) => Err(e),
        }
    };
    if folder && expected(&backup, true)? {
        if path.exists() {
            fs::remove_dir_all(&backup)?;
        } else {
            fs::rename(&backup, path)?;
        }
    }
    if expected(&staging, folder)? {
        if folder {
            fs::remove_dir_all(&staging)?;
        } else {
            fs::remove_file(&staging)?;
        }
    }
    Ok(())
}

/// `.generated.new` beside `generated`, `.Cargo.toml.new` beside `Cargo.toml`.
fn sibling(path: &Path, what: &str) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!(".{name}.{what}"))
}

/// Holds the lock that serialises runs writing one code folder; released when dropped.
#[derive(Debug)]
pub struct RunLock {
    _file: Option<fs::File>,
}

/// Takes the advisory lock for runs writing `code_dir` (the file `.NAME.lock` beside it),
/// waiting for another run to finish first, after saying so on stderr. A run that only
/// compares and cannot create the lock file (a read-only checkout) goes ahead without it.
///
/// # Errors
/// The lock file cannot be created or locked (for a writing run).
pub fn lock(code_dir: &Path, writing: bool) -> io::Result<RunLock> {
    let path = sibling(code_dir, "lock");
    let file = match fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
    {
        Ok(file) => file,
        Err(_) if !writing => return Ok(RunLock { _file: None }),
        Err(e) => {
            let msg = format!("cannot create the lock file {}: {e}", path.display());
            return Err(io::Error::new(e.kind(), msg));
        }
    };
    match file.try_lock() {
        Ok(()) => {}
        Err(fs::TryLockError::WouldBlock) => {
            eprintln!(
                "codegen: waiting for another run to finish (it holds {})",
                path.display()
            );
            file.lock()?;
        }
        Err(fs::TryLockError::Error(e)) => return Err(e),
    }
    Ok(RunLock { _file: Some(file) })
}
