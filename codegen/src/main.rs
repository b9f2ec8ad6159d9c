//! `cargo run -p codegen [-- --check] [--catalog DIR] [--out DIR] [--docs DIR] [--manifest FILE]`

#![forbid(unsafe_code)]

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use codegen::{Mode, Outputs};
use errcodes_build::Failure;

const USAGE: &str = "usage: codegen [--check] [--catalog DIR] [--out DIR] [--docs DIR] [--manifest FILE] [--readme FILE]

Validates every catalogue file, then regenerates the errcodes tables, the error index, the
runtime crate's catalogue features and the README's catalogue table. Nothing is written if any
catalogue file is invalid. The checkout is the one `cargo run` was started in (or, for the
binary run directly, the nearest folder above the current one holding catalog/ and errcodes/).
  --check          compare only; exit 1 if anything committed differs
  --catalog DIR    catalogue folder (default: <checkout>/catalog)
  --out DIR        generated code folder (default: <checkout>/errcodes/src/generated)
  --docs DIR       error index folder (default: <checkout>/docs)
  --manifest FILE  manifest whose catalogue features are kept (default: <checkout>/errcodes/Cargo.toml)
  --readme FILE    README whose catalogue table is kept (default: <checkout>/README.md)
With --catalog or --out, the docs, manifest and README are only written when named explicitly.";

struct Args {
    mode: Mode,
    catalog: PathBuf,
    outputs: Outputs,
    /// The checkout, for messages.
    root: Option<PathBuf>,
    /// Whether `--out` named the code folder (messages then name it, not the checkout).
    code_given: bool,
}

/// Whether `dir` is an errcodes checkout.
fn is_checkout(dir: &Path) -> bool {
    dir.join("catalog").is_dir() && dir.join("errcodes/Cargo.toml").is_file()
}

/// The checkout to regenerate, found at run time (never where the binary was compiled: one
/// target folder may serve several checkouts). `cargo run` says which package it started;
/// otherwise the nearest checkout above the current folder.
fn checkout() -> Result<PathBuf, String> {
    let cwd =
        std::env::current_dir().map_err(|e| format!("cannot read the current folder: {e}"))?;
    let started = std::env::var_os("CARGO_MANIFEST_DIR").and_then(|package| {
        Path::new(&package)
            .ancestors()
            .find(|d| is_checkout(d))
            .map(Path::to_path_buf)
    });
    let root = started
        .or_else(|| {
            cwd.ancestors()
                .find(|d| is_checkout(d))
                .map(Path::to_path_buf)
        })
        .ok_or_else(|| {
            format!(
                "{} is not inside an errcodes checkout (no folder above it holds catalog/ and \
                 errcodes/Cargo.toml); run it there, or give --catalog and --out",
                cwd.display()
            )
        })?;
    // Paths below the current folder are shown relative to it.
    Ok(root
        .strip_prefix(&cwd)
        .map_or(root.clone(), Path::to_path_buf))
}

fn args() -> Result<Args, String> {
    let (mut catalog, mut code, mut docs, mut manifest, mut readme) =
        (None, None, None, None, None);
    let mut mode = Mode::Write;
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        let mut value = |what: &str| {
            it.next()
                .map(PathBuf::from)
                .ok_or(format!("{arg} needs a {what}"))
        };
        match arg.as_str() {
            "--check" => mode = Mode::Check,
            "--catalog" => catalog = Some(value("folder")?),
            "--out" => code = Some(value("folder")?),
            "--docs" => docs = Some(value("folder")?),
            "--manifest" => manifest = Some(value("file")?),
            "--readme" => readme = Some(value("file")?),
            "-h" | "--help" => return Err(String::new()),
            other => return Err(format!("unknown argument `{other}`")),
        }
    }
    // A run against another catalogue or output must not touch the checkout's own docs,
    // manifest or README unless asked to (and needs no checkout when both are given).
    let elsewhere = catalog.is_some() || code.is_some();
    let code_given = code.is_some();
    let root = match (&catalog, &code) {
        (Some(_), Some(_)) => checkout().ok(),
        _ => Some(checkout()?),
    };
    let defaults = root.as_deref().map(Outputs::workspace);
    let default = |pick: fn(Outputs) -> Option<PathBuf>| {
        if elsewhere {
            None
        } else {
            defaults.clone().and_then(pick)
        }
    };
    let outputs = Outputs {
        docs: docs.or_else(|| default(|o| o.docs)),
        manifest: manifest.or_else(|| default(|o| o.manifest)),
        readme: readme.or_else(|| default(|o| o.readme)),
        // The repository's own rules apply to its own catalogue only.
        fixtures: default(|o| o.fixtures),
        code: match code {
            Some(code) => code,
            None => defaults.clone().map(|o| o.code).ok_or("--out is needed")?,
        },
    };
    Ok(Args {
        mode,
        catalog: match catalog {
            Some(c) => c,
            None => root
                .as_deref()
                .map(|r| r.join("catalog"))
                .ok_or("--catalog is needed")?,
        },
        outputs,
        root,
        code_given,
    })
}

fn main() -> ExitCode {
    let args = match args() {
        Ok(args) => args,
        Err(reason) => {
            if !reason.is_empty() {
                eprintln!("codegen: {reason}");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let place = match &args.root {
        _ if args.code_given => args.outputs.code.display().to_string(),
        Some(root) if root.as_os_str().is_empty() => "this checkout".to_owned(),
        Some(root) => format!("the checkout {}", root.display()),
        None => args.outputs.code.display().to_string(),
    };
    let result = codegen::run(&args.catalog, &args.outputs, args.mode);
    match result {
        Ok(report) => {
            for path in &report.left_alone {
                eprintln!(
                    "codegen: note: left {} alone: it looks like a leftover of a killed run, but \
                     no run of the generator provably wrote it",
                    path.display()
                );
            }
            let g = &report.own.generated;
            let entries: usize = g.catalogs.iter().map(|c| c.entries).sum();
            let summary = format!("{} catalogues, {entries} entries", g.catalogs.len());
            if report.drift.is_empty() {
                println!("codegen: {place} is up to date ({summary})");
            } else {
                println!(
                    "codegen: updated {} file(s) in {place} ({summary})",
                    report.drift.len()
                );
            }
            ExitCode::SUCCESS
        }
        Err(failure) => {
            let text = failure.to_string();
            let (detail, last) = text.rsplit_once('\n').unwrap_or(("", &text));
            if !detail.is_empty() {
                eprintln!("{detail}");
            }
            eprintln!("codegen: {place}: {last}");
            match failure {
                Failure::Invalid(_) | Failure::Stale(..) => ExitCode::FAILURE,
                _ => ExitCode::from(2),
            }
        }
    }
}
