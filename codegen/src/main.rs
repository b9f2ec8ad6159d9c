//! `cargo run -p codegen [-- --check] [--catalog DIR] [--out DIR] [--docs DIR]`

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use codegen::{COMMAND, Drift, Failure, Mode};

const USAGE: &str = "usage: codegen [--check] [--catalog DIR] [--out DIR] [--docs DIR]

Validates every catalogue file and regenerates the errcodes tables and the error index.
  --check        compare only; exit 1 if the committed files differ
  --catalog DIR  catalogue folder (default: <workspace>/catalog)
  --out DIR      generated folder (default: <workspace>/errcodes/src/generated)
  --docs DIR     error index folder (default: <workspace>/docs, but only when neither
                 --catalog nor --out is given: a scratch run leaves the committed docs alone)";

struct Args {
    mode: Mode,
    catalog: PathBuf,
    out: PathBuf,
    /// `None`: the docs are not rendered.
    docs: Option<PathBuf>,
}

fn args() -> Result<Args, String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("codegen sits in the workspace");
    let mut args = Args {
        mode: Mode::Write,
        catalog: root.join("catalog"),
        out: root.join("errcodes/src/generated"),
        docs: None,
    };
    let mut elsewhere = false;
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--check" => args.mode = Mode::Check,
            "--catalog" => {
                args.catalog = it.next().ok_or("--catalog needs a folder")?.into();
                elsewhere = true;
            }
            "--out" => {
                args.out = it.next().ok_or("--out needs a folder")?.into();
                elsewhere = true;
            }
            "--docs" => args.docs = Some(it.next().ok_or("--docs needs a folder")?.into()),
            "-h" | "--help" => return Err(String::new()),
            other => return Err(format!("unknown argument `{other}`")),
        }
    }
    if args.docs.is_none() && !elsewhere {
        args.docs = Some(root.join("docs"));
    }
    Ok(args)
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
    let out = shown(&args.out);
    let docs = args.docs.as_deref().map(shown).unwrap_or_default();
    let result = match &args.docs {
        Some(dir) => codegen::run_with_docs(&args.catalog, &args.out, dir, args.mode),
        None => codegen::run(&args.catalog, &args.out, args.mode),
    };
    let folders = if docs.is_empty() {
        out.clone()
    } else {
        format!("{out} and {docs}")
    };
    match result {
        Ok(report) => {
            let entries: usize = report.generated.catalogs.iter().map(|(_, n)| n).sum();
            let mut summary = format!(
                "{} catalogues, {entries} entries, {} files",
                report.generated.catalogs.len(),
                report.generated.files.len(),
            );
            if !docs.is_empty() {
                summary.push_str(&format!(", {} pages", report.generated.docs.len()));
            }
            let changed = report.drift.len() + report.docs_drift.len();
            if changed == 0 {
                let are = if docs.is_empty() { "is" } else { "are" };
                println!("codegen: {folders} {are} up to date ({summary})");
            } else {
                println!("codegen: wrote {folders} ({summary}; {changed} changed)");
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
        Err(Failure::Stale {
            code,
            docs: docs_drift,
        }) => {
            for (dir, drift) in [(&out, code), (&docs, docs_drift)] {
                for d in drift {
                    match d {
                        Drift::Stale(p) => {
                            eprintln!("{dir}/{p}: stale (differs from what the catalogue produces)")
                        }
                        Drift::Missing(p) => {
                            eprintln!("{dir}/{p}: missing (a catalogue produces it)")
                        }
                        Drift::Extra(p) => eprintln!("{dir}/{p}: extra (no catalogue produces it)"),
                    }
                }
            }
            eprintln!(
                "codegen: generated files are out of date; run `{COMMAND}` and commit the result"
            );
            ExitCode::FAILURE
        }
        Err(Failure::Io(e)) => {
            eprintln!("codegen: cannot update {e}; that folder was left as it was");
            ExitCode::from(2)
        }
    }
}
