//! `cargo run -p codegen [-- --check] [--catalog DIR] [--out DIR]`

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use codegen::{COMMAND, Drift, Failure, Mode};

const USAGE: &str = "usage: codegen [--check] [--catalog DIR] [--out DIR]

Validates every catalogue file and regenerates the errcodes tables.
  --check        compare only; exit 1 if the committed files differ
  --catalog DIR  catalogue folder (default: <workspace>/catalog)
  --out DIR      generated folder (default: <workspace>/errcodes/src/generated)";

struct Args {
    mode: Mode,
    catalog: PathBuf,
    out: PathBuf,
}

fn args() -> Result<Args, String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("codegen sits in the workspace");
    let mut args = Args {
        mode: Mode::Write,
        catalog: root.join("catalog"),
        out: root.join("errcodes/src/generated"),
    };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--check" => args.mode = Mode::Check,
            "--catalog" => args.catalog = it.next().ok_or("--catalog needs a folder")?.into(),
            "--out" => args.out = it.next().ok_or("--out needs a folder")?.into(),
            "-h" | "--help" => return Err(String::new()),
            other => return Err(format!("unknown argument `{other}`")),
        }
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
    match codegen::run(&args.catalog, &args.out, args.mode) {
        Ok(report) => {
            let entries: usize = report.generated.catalogs.iter().map(|(_, n)| n).sum();
            let summary = format!(
                "{} catalogues, {entries} entries, {} files",
                report.generated.catalogs.len(),
                report.generated.files.len()
            );
            if report.drift.is_empty() {
                println!("codegen: {out} is up to date ({summary})");
            } else {
                println!(
                    "codegen: wrote {out} ({summary}; {} changed)",
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
                    Drift::Stale(p) => {
                        eprintln!("{out}/{p}: stale (differs from what the catalogue produces)")
                    }
                    Drift::Missing(p) => eprintln!("{out}/{p}: missing (a catalogue produces it)"),
                    Drift::Extra(p) => eprintln!("{out}/{p}: extra (no catalogue produces it)"),
                }
            }
            eprintln!(
                "codegen: generated code is out of date; run `{COMMAND}` and commit the result"
            );
            ExitCode::FAILURE
        }
        Err(Failure::Io(e)) => {
            eprintln!("codegen: cannot update {out}: {e}; the previous files were kept");
            ExitCode::from(2)
        }
    }
}
