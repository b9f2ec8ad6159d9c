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

/// Replaces `dir` with exactly `files`, all or nothing.
///
/// The files are written to a sibling folder first; only when all are on disk is the old
/// folder moved aside and the new one renamed into place. A failure before that leaves `dir`
/// untouched; a crash between the two renames leaves the old folder beside it, which the next
/// run puts back before doing anything else.
pub fn replace_dir(dir: &Path, files: &BTreeMap<String, String>) -> io::Result<()> {
    let (staging, backup) = (sibling(dir, "new"), sibling(dir, "old"));
    recover(dir)?;
    if staging.exists() {
        fs::remove_dir_all(&staging)?;
    }
    let written = write_tree(&staging, files);
    if let Err(e) = written {
        let _ = fs::remove_dir_all(&staging);
        return Err(e);
    }
    if dir.exists() {
        fs::rename(dir, &backup)?;
    }
    if let Err(e) = fs::rename(&staging, dir) {
        let _ = fs::rename(&backup, dir);
        return Err(e);
    }
    if backup.exists() {
        fs::remove_dir_all(&backup)?;
    }
    Ok(())
}

/// Puts back a folder moved aside by an interrupted [`replace_dir`].
pub fn recover(dir: &Path) -> io::Result<()> {
    let backup = sibling(dir, "old");
    if backup.exists() {
        if dir.exists() {
            fs::remove_dir_all(&backup)?;
        } else {
            fs::rename(&backup, dir)?;
        }
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

fn write_tree(root: &Path, files: &BTreeMap<String, String>) -> io::Result<()> {
    for (path, content) in files {
        let target = root.join(path);
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent)?;
        }
        let file = fs::File::create(&target)?;
        io::Write::write_all(&mut &file, content.as_bytes())?;
        file.sync_all()?;
    }
    Ok(())
}
