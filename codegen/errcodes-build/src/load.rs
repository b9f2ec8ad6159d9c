//! Finding catalogue files and reading them into the schema, within explicit limits.

use std::fs;
use std::path::{Path, PathBuf};

use crate::diag::Diagnostic;
use crate::schema::{self, FromNode as _};
use crate::yaml;

/// Largest catalogue file read (a 100k-entry catalogue is about 20 MiB).
pub const MAX_FILE_BYTES: u64 = 32 << 20;
/// Most bytes of all catalogue files of one run together. With [`crate::MAX_ENTRIES`] this
/// bounds a run's memory: about 2.5 GB at both limits (BENCHMARKS.md, "Memory at the limits").
pub const MAX_TOTAL_BYTES: u64 = 32 << 20;
/// Most files in the catalogue folder.
pub const MAX_FILES: usize = 1_000;

/// The `*.yaml` / `*.yml` files of `dir`, sorted, each with its name, or why they cannot be
/// listed. A name that is not UTF-8 or holds a control character (a newline would end a
/// build script's `cargo:` line early and start another) is refused, not skipped.
pub(crate) fn catalog_files(dir: &Path, shown: &str) -> Result<Vec<(PathBuf, String)>, Diagnostic> {
    let fail = |what: String| Diagnostic::file(shown, what);
    let listing =
        fs::read_dir(dir).map_err(|e| fail(format!("cannot read the catalogue folder: {e}")))?;
    let mut files = Vec::new();
    for entry in listing {
        let path = entry
            .map_err(|e| fail(format!("cannot read the catalogue folder: {e}")))?
            .path();
        let Some(ext) = path.extension() else {
            continue;
        };
        if !matches!(ext.to_str(), Some("yaml" | "yml")) {
            continue;
        }
        let raw = path.file_name().unwrap_or_default();
        let name = match raw.to_str() {
            Some(name) if !name.chars().any(char::is_control) => name.to_owned(),
            _ => {
                return Err(fail(format!(
                    "holds a catalogue file named {raw:?}: a file name must be UTF-8 text \
                     without control characters (newlines, tabs); rename it"
                )));
            }
        };
        files.push((path, name));
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

/// Reads one file through a bound: at most `limit` bytes, or `Ok(None)` when it holds more.
/// Only a regular file is read (what a link points to counts), so a link to a device or to
/// `/proc` is refused rather than read until memory runs out; and the bound holds whatever
/// the file's metadata claims.
pub(crate) fn read_bounded(path: &Path, limit: u64) -> std::io::Result<Option<Vec<u8>>> {
    use std::io::Read as _;
    let file = fs::File::open(path)?;
    if !file.metadata()?.is_file() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "is not a regular file",
        ));
    }
    let mut bytes = Vec::new();
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    Ok((bytes.len() as u64 <= limit).then_some(bytes))
}

/// Reads and parses one file, `budget` being the bytes of the run's [`MAX_TOTAL_BYTES`] still
/// unread; returns the bytes it read with the result. `shown` is the path used in messages.
pub(crate) fn parse(
    path: &Path,
    shown: &str,
    budget: u64,
) -> (u64, Result<schema::File, Diagnostic>) {
    let fail = |what: String| Diagnostic::file(shown, what);
    let limit = MAX_FILE_BYTES.min(budget);
    let bytes = match read_bounded(path, limit) {
        Ok(Some(bytes)) => bytes,
        Ok(None) if limit < MAX_FILE_BYTES => {
            return (
                limit + 1,
                Err(fail(format!(
                    "with this file the catalogue files hold more than {MAX_TOTAL_BYTES} bytes \
                     together; one run reads at most {MAX_TOTAL_BYTES} bytes (32 MiB)"
                ))),
            );
        }
        Ok(None) => {
            return (
                limit + 1,
                Err(fail(format!(
                    "is larger than {MAX_FILE_BYTES} bytes; catalogue files are limited to \
                     {MAX_FILE_BYTES} bytes (32 MiB)"
                ))),
            );
        }
        Err(e) if e.kind() == std::io::ErrorKind::InvalidInput => {
            return (0, Err(fail("is not a regular file".to_owned())));
        }
        Err(e) => return (0, Err(fail(format!("cannot read the file: {e}")))),
    };
    (bytes.len() as u64, parse_bytes(&bytes, shown))
}

/// Parses one file's content. `shown` is the path used in messages.
pub(crate) fn parse_bytes(bytes: &[u8], shown: &str) -> Result<schema::File, Diagnostic> {
    let fail = |what: String| Diagnostic::file(shown, what);
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(fail(format!(
            "is {} bytes; catalogue files are limited to {MAX_FILE_BYTES} bytes (32 MiB)",
            bytes.len()
        )));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let at = e.valid_up_to();
        let (line, col) = line_col(&bytes[..at]);
        let msg = format!(
            "byte 0x{:02X} is not UTF-8; save the file as UTF-8 text",
            bytes[at]
        );
        Diagnostic::at(shown, line, col, msg)
    })?;
    if text
        .lines()
        .all(|l| l.trim().is_empty() || l.trim().starts_with('#'))
    {
        return Err(fail(
            "is empty (nothing but blank lines and comments); a catalogue needs id, title, key, \
             wire, sources and entries"
                .to_owned(),
        ));
    }
    if let Some((line, col)) = tab_indent(text) {
        let msg = "tab in the indentation; YAML indents with spaces only";
        return Err(Diagnostic::at(shown, line, col, msg));
    }
    yaml::parse(text)
        .and_then(|root| schema::File::from_node(&root))
        .map_err(|e| Diagnostic::at(shown, e.at.line, e.at.col, e.message))
}

/// Where the first tab in a line's indentation is, if any (1-based line and column).
fn tab_indent(text: &str) -> Option<(usize, usize)> {
    text.lines().enumerate().find_map(|(n, line)| {
        let indent = &line[..line.len() - line.trim_start_matches([' ', '\t']).len()];
        indent.find('\t').map(|col| (n + 1, col + 1))
    })
}

fn line_col(prefix: &[u8]) -> (usize, usize) {
    let line = prefix.iter().filter(|b| **b == b'\n').count() + 1;
    let col = prefix.iter().rev().take_while(|b| **b != b'\n').count() + 1;
    (line, col)
}
