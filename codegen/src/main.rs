//! `cargo run -p codegen [-- --check] [--catalog DIR] [--out DIR] [--docs DIR] [--manifest FILE]`

#![forbid(unsafe_code)]

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use codegen::{COMMAND, Drift, Failure, Mode, Outputs};

const USAGE: &str = "usage: codegen [--check] [--catalog DIR] [--out DIR] [--docs DIR] [--manifest FILE]

Validates every catalogue file, then regenerates the errcodes tables, the error index and the
runtime crate's catalogue features. Nothing is written if any catalogue file is invalid.
  --check          compare only; exit 1 if anything committed differs
  --catalog DIR    catalogue folder (default: <workspace>/catalog)
  --out DIR        generated code folder (default: <workspace>/errcodes/src/generated)
  --docs DIR       error index folder (default: <workspace>/docs)
  --manifest FILE  manifest whose catalogue features are kept (default: <workspace>/errcodes/Cargo.toml)
With --catalog or --out, the docs and manifest are only written when named explicitly.";

struct Args {
    mode: Mode,
    catalog: PathBuf,
    outputs: Outputs,
}

fn args() -> Result<Args, String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("codegen sits in the workspace");
    let defaults = Outputs::workspace(root);
    let (mut catalog, mut code, mut docs, mut manifest) = (None, None, None, None);
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
            "-h" | "--help" => return Err(String::new()),
            other => return Err(format!("unknown argument `{other}`")),
        }
    }
    // A run against another catalogue or output must not touch the workspace's own docs or
    // manifest unless asked to.
    let elsewhere = catalog.is_some() || code.is_some();
    let outputs = Outputs {
        code: code.unwrap_or(defaults.code),
        docs: docs.or(if elsewhere { None } else { defaults.docs }),
        manifest: manifest.or(if elsewhere { None } else { defaults.manifest }),
    };
    Ok(Args {
        mode,
        catalog: catalog.unwrap_or_else(|| root.join("catalog")),
        outputs,
    })
}

/// `path` relative to the current folder when it lies below it.
fn shown(path: &Path) -> String {
    let cwd = std::env::current_dir().unwrap_or_default();
    path.strip_prefix(&cwd)
        .unwrap_or(path)
        .display()
        .to_string()
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
    let out = shown(&args.outputs.code);
    match codegen::run(&args.catalog, &args.outputs, args.mode) {
        Ok(report) => {
            let g = &report.generated;
            let entries: usize = g.catalogs.iter().map(|(_, n)| n).sum();
            let summary = format!("{} catalogues, {entries} entries", g.catalogs.len());
            if report.drift.is_empty() {
                println!("codegen: {out} and the other outputs are up to date ({summary})");
            } else {
                println!(
                    "codegen: updated {} file(s) ({summary})",
                    report.drift.len()
                );
            }
            ExitCode::SUCCESS
        }
        Err(Failure::Invalid(problems)) => {
            for p in &problems {
                eprintln!("{p}");
            }
            eprintln!(
                "codegen: {} problem(s) in the catalogue; nothing was written",
                problems.len()
            );
            ExitCode::FAILURE
        }
        Err(Failure::Stale(drift)) => {
            for d in &drift {
                match d {
                    Drift::Stale(p) => eprintln!(
                        "{}: stale (differs from what the catalogue produces)",
                        shown(Path::new(p))
                    ),
                    Drift::Missing(p) => {
                        eprintln!("{}: missing (a catalogue produces it)", shown(Path::new(p)))
                    }
                    Drift::Extra(p) => {
                        eprintln!("{}: extra (no catalogue produces it)", shown(Path::new(p)))
                    }
                }
            }
            eprintln!(
                "codegen: generated files are out of date; run `{COMMAND}` and commit the result"
            );
            ExitCode::FAILURE
        }
        Err(Failure::Io(e)) => {
            eprintln!("codegen: {e}; what was there before was kept");
            ExitCode::from(2)
        }
    }
}
