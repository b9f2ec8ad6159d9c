//! Comparing the generated folder with what the catalogue produces, and replacing it whole.

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// How the committed folder differs from what the catalogue produces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Drift {
    /// The file exists but its content differs.
    Stale(String),
    /// The catalogue produces the file but it does not exist.
    Missing(String),
    /// The file exists but no catalogue produces it.
    Extra(String),
}

/// Every difference between `dir` and `files`, sorted by path.
pub fn compare(dir: &Path, files: &BTreeMap<String, String>) -> io::Result<Vec<Drift>> {
    let mut drift = Vec::new();
    for (path, content) in files {
        match fs::read(dir.join(path)) {
            Ok(old) if old == content.as_bytes() => {}
            Ok(_) => drift.push(Drift::Stale(path.clone())),
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                drift.push(Drift::Missing(path.clone()))
            }
            Err(e) => return Err(e),
        }
    }
    if dir.exists() {
        for path in existing(dir, dir)? {
            if !files.contains_key(&path) {
                drift.push(Drift::Extra(path));
            }
        }
    }
    drift.sort_by(|a, b| path_of(a).cmp(path_of(b)));
    Ok(drift)
}

impl Drift {
    /// The same difference with the path given under `dir` (`generated/nuki.rs`).
    pub fn under(self, dir: &Path) -> Drift {
        let join = |p: String| dir.join(p).display().to_string();
        match self {
            Drift::Stale(p) => Drift::Stale(join(p)),
            Drift::Missing(p) => Drift::Missing(join(p)),
            Drift::Extra(p) => Drift::Extra(join(p)),
        }
    }
}

/// Replaces one file by writing a sibling and renaming it over the file.
pub fn replace_file(path: &Path, content: &str) -> io::Result<()> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let staging = path.with_file_name(format!(".{name}.new"));
    RealDisk.write(&staging, content.as_bytes())?;
    fs::rename(&staging, path).inspect_err(|_| {
        let _ = fs::remove_file(&staging);
    })
}

fn path_of(d: &Drift) -> &str {
    match d {
        Drift::Stale(p) | Drift::Missing(p) | Drift::Extra(p) => p,
    }
}

/// Files under `dir`, as `/`-separated paths relative to `root`.
fn existing(root: &Path, dir: &Path) -> io::Result<Vec<String>> {
    let mut found = Vec::new();
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            found.extend(existing(root, &path)?);
        } else {
            let rel = path.strip_prefix(root).expect("walked from root");
            found.push(
                rel.components()
                    .map(|c| c.as_os_str().to_string_lossy())
                    .collect::<Vec<_>>()
                    .join("/"),
            );
        }
    }
    Ok(found)
}

/// The file-system writes [`replace_dir_on`] makes. Tests substitute one that fails on
/// the n-th call to check that a failure or crash at any point loses nothing.
pub trait Disk {
    /// Creates `path` (and missing parent folders below the output's parent) with `bytes`,
    /// flushed to disk.
    fn write(&mut self, path: &Path, bytes: &[u8]) -> io::Result<()>;
    /// Renames a folder.
    fn rename(&mut self, from: &Path, to: &Path) -> io::Result<()>;
    /// Removes a folder and everything in it.
    fn remove_dir_all(&mut self, path: &Path) -> io::Result<()>;
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

/// Replaces `dir` with exactly `files`, all or nothing, on the real file system.
pub fn replace_dir(dir: &Path, files: &BTreeMap<String, String>) -> io::Result<()> {
    replace_dir_on(&mut RealDisk, dir, files)
}

/// Replaces `dir` with exactly `files`, all or nothing.
///
/// The files are written to a sibling folder first; only when all are on disk is the old
/// folder moved aside and the new one renamed into place. A failure before that leaves `dir`
/// untouched; a crash between the two renames leaves the old folder beside it, which
/// [`recover`] (run first by every regenerate) puts back. `dir`'s parent must exist.
pub fn replace_dir_on(
    disk: &mut dyn Disk,
    dir: &Path,
    files: &BTreeMap<String, String>,
) -> io::Result<()> {
    let parent = dir
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    if !parent.is_dir() {
        let msg = format!("the folder {} does not exist", parent.display());
        return Err(io::Error::new(io::ErrorKind::NotFound, msg));
    }
    recover(dir)?;
    let (staging, backup) = (sibling(dir, "new"), sibling(dir, "old"));
    for (path, content) in files {
        if let Err(e) = disk.write(&staging.join(path), content.as_bytes()) {
            let _ = disk.remove_dir_all(&staging);
            return Err(e);
        }
    }
    if dir.exists() {
        disk.rename(dir, &backup)?;
    }
    if let Err(e) = disk.rename(&staging, dir) {
        let _ = disk.rename(&backup, dir);
        return Err(e);
    }
    if backup.exists() {
        disk.remove_dir_all(&backup)?;
    }
    Ok(())
}

/// Finishes or undoes an interrupted [`replace_dir`]: puts a folder moved aside back (or
/// drops it when its replacement is in place) and removes a half-written staging folder.
pub fn recover(dir: &Path) -> io::Result<()> {
    let (staging, backup) = (sibling(dir, "new"), sibling(dir, "old"));
    if backup.exists() {
        if dir.exists() {
            fs::remove_dir_all(&backup)?;
        } else {
            fs::rename(&backup, dir)?;
        }
    }
    if staging.exists() {
        fs::remove_dir_all(&staging)?;
    }
    Ok(())
}

fn sibling(dir: &Path, what: &str) -> PathBuf {
    let name = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    dir.with_file_name(format!(".{name}.{what}"))
}
