//! Build-time mode from outside the workspace (issue 10, "Done when"): a copy of the example
//! crate `codegen/acme-lock` (acme-lock, signed `i32` codes and a nested catalogue) in a
//! scratch folder, with its own `[workspace]` and absolute path dependencies on errcodes and
//! errcodes-build, built by cargo as a stranger's crate would be. Then: an edited
//! description, an added code and an added catalogue file each reach the next build (build.rs
//! ran again, through `cargo:rerun-if-changed`), an unrelated edit does not rerun it, and
//! bad catalogue files fail the build with every problem as `path:line:col: message`.
//!
//! The crate and its target folder persist (`target/tmp/outside-crate/{acme-lock,target}`,
//! the crate copied afresh each run to the same path), so only the first run compiles
//! errcodes-build and its dependencies: about 70 s on the shared 2-core development machine
//! (the crate's first `cargo build` 31 s, then `cargo test` 37 s, which compiles the
//! dev-dependency copy); a rerun takes about 7 s.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::Instant;
use std::{fs, io};

/// Copies `from` to `to`, leaving out build output and dot files (the generator's lock).
fn copy_tree(from: &Path, to: &Path) -> io::Result<()> {
    fs::create_dir_all(to)?;
    for entry in fs::read_dir(from)? {
        let path = entry?.path();
        let name = path.file_name().unwrap();
        if name == "target" || name.to_string_lossy().starts_with('.') {
            continue;
        }
        if path.is_dir() {
            copy_tree(&path, &to.join(name))?;
        } else {
            fs::copy(&path, to.join(name))?;
        }
    }
    Ok(())
}

/// The example's manifest as an outside crate has it: absolute path dependencies, no
/// workspace lints, its own workspace.
fn outside_manifest(root: &Path) -> String {
    let manifest = fs::read_to_string(root.join("codegen/acme-lock/Cargo.toml")).unwrap();
    let errcodes = format!("path = {:?}", root.join("errcodes").display().to_string());
    let build = format!(
        "path = {:?}",
        root.join("codegen/errcodes-build").display().to_string()
    );
    assert!(
        manifest.contains("path = \"../../errcodes\"")
            && manifest.contains("path = \"../errcodes-build\"")
    );
    let manifest = manifest
        .replace("path = \"../../errcodes\"", &errcodes)
        .replace("path = \"../errcodes-build\"", &build)
        .replace("[lints]\nworkspace = true\n", "");
    format!("{manifest}\n[workspace]\n")
}

/// Prints, for a given catalogue and wire text or name, what `errcodes::lookup_in` finds in
/// the catalogues build.rs generated.
const PROBE: &str = r#"
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match errcodes::lookup_in(acme_lock::CATALOGS, &args[0], &args[1]) {
        Ok(entry) => println!("{} {} | {} | {:?}", entry.wire(), entry.name(), entry.description(), entry.action()),
        Err(e) => println!("error: {e}"),
    }
}
"#;

struct Outside {
    krate: PathBuf,
    target: PathBuf,
}

impl Outside {
    fn cargo(&self, args: &[&str]) -> Output {
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
        Command::new(cargo)
            .args(args)
            .arg("--offline")
            .current_dir(&self.krate)
            .env("CARGO_TARGET_DIR", &self.target)
            .env_remove("RUSTFLAGS")
            .env_remove("CARGO_BUILD_RUSTFLAGS")
            .output()
            .unwrap()
    }

    /// `cargo run --example probe -- CATALOG TEXT`: its stdout, and whether build.rs ran.
    fn probe(&self, catalog: &str, text: &str) -> (String, bool) {
        let out = self.cargo(&["run", "-v", "--example", "probe", "--", catalog, text]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "the probe failed:\n{stderr}");
        let ran = stderr
            .lines()
            .any(|l| l.trim_start().starts_with("Running") && l.contains("build-script-build"));
        (String::from_utf8_lossy(&out.stdout).trim().to_owned(), ran)
    }

    fn edit(&self, file: &str, edit: impl FnOnce(String) -> String) {
        let path = self.krate.join(file);
        let text = fs::read_to_string(&path).unwrap();
        fs::write(&path, edit(text)).unwrap();
    }
}

fn lines(text: &str) -> usize {
    text.lines().count()
}

#[test]
fn an_outside_crate_gets_typed_modules_from_build_rs() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    // The crate always at the same place (laid anew each run), so its build output in the
    // persistent target folder is replaced, not added to: a crate at a new path each run
    // would be a new package to cargo, and its artifacts would pile up run after run.
    let place = Path::new(env!("CARGO_TARGET_TMPDIR")).join("outside-crate");
    let krate = place.join("acme-lock");
    if krate.exists() {
        fs::remove_dir_all(&krate).unwrap();
    }
    copy_tree(&root.join("codegen/acme-lock"), &krate).unwrap();
    fs::write(krate.join("Cargo.toml"), outside_manifest(root)).unwrap();
    // The workspace's lock file: the same versions, and no network needed.
    fs::copy(root.join("Cargo.lock"), krate.join("Cargo.lock")).unwrap();
    let outside = Outside {
        krate,
        target: place.join("target"),
    };

    // A user's first build, then the crate's own tests as they pass in the workspace: the
    // typed modules, the conversions, the generated modules' doctests, the committed check.
    let mut timings = String::new();
    for args in [&["build"][..], &["test", "--quiet"]] {
        let start = Instant::now();
        let out = outside.cargo(args);
        assert!(
            out.status.success(),
            "cargo {args:?} in the outside crate failed:\n{}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        writeln!(timings, "cargo {args:?}: {:.1?}", start.elapsed()).unwrap();
    }

    // A new example is not a catalogue file: it builds, but build.rs does not run again.
    fs::create_dir_all(outside.krate.join("examples")).unwrap();
    fs::write(outside.krate.join("examples/probe.rs"), PROBE).unwrap();
    let start = Instant::now();
    let (found, ran) = outside.probe("lock", "-12");
    assert_eq!(
        found,
        "-12 E_TIMEOUT | The lock did not answer in time. | Retry"
    );
    assert!(!ran, "build.rs ran again though no catalogue file changed");
    writeln!(
        timings,
        "build without a catalogue change: {:.1?}",
        start.elapsed()
    )
    .unwrap();

    // An edited description is in the next build.
    outside.edit("catalog/lock.yaml", |yaml| {
        yaml.replace(
            "The lock did not answer in time.",
            "The lock did not answer within 5 s.",
        )
    });
    let start = Instant::now();
    let (found, ran) = outside.probe("lock", "E_TIMEOUT");
    assert_eq!(
        found,
        "-12 E_TIMEOUT | The lock did not answer within 5 s. | Retry"
    );
    assert!(ran, "build.rs did not run again after a catalogue edit");
    writeln!(
        timings,
        "rebuild after a YAML edit: {:.1?}",
        start.elapsed()
    )
    .unwrap();

    // An added code is served, by value and by name.
    outside.edit("catalog/lock.yaml", |yaml| {
        yaml + "  - value: -55\n    name: E_JAMMED\n    description: The bolt is jammed.\n    \
                action: check_device\n    source: sdk\n"
    });
    assert_eq!(
        outside.probe("lock", "-55").0,
        "-55 E_JAMMED | The bolt is jammed. | CheckDevice"
    );
    assert_eq!(
        outside.probe("lock", "E_JAMMED").0.split(' ').next(),
        Some("-55")
    );

    // An added file (a new nested catalogue) is picked up: the folder itself is watched.
    fs::write(
        outside.krate.join("catalog/lock.keypad.yaml"),
        "id: lock::keypad\ntitle: Keypad codes\nkey: i16\nwire: decimal\nsources:\n  - id: kp\n    \
         title: Keypad manual\n    url: https://example.com/keypad\nentries:\n  - value: -3\n    \
         name: KP_LOCKED_OUT\n    description: Too many wrong PINs.\n    action: retry\n    source: kp\n",
    )
    .unwrap();
    assert_eq!(
        outside.probe("lock-keypad", "-3").0,
        "-3 KP_LOCKED_OUT | Too many wrong PINs. | Retry"
    );

    // Bad files fail the build, every problem as path:line:col: message, in every file.
    let lock_yaml = fs::read_to_string(outside.krate.join("catalog/lock.yaml")).unwrap();
    let typo_line = lines(&lock_yaml) + 4;
    outside.edit("catalog/lock.yaml", |yaml| {
        yaml + "  - value: -56\n    name: E_MOTOR\n    description: The motor stalled.\n    \
                action: retyr\n    source: sdk\n"
    });
    let cloud = fs::read_to_string(outside.krate.join("catalog/lock.cloud.yaml")).unwrap();
    let duplicate_line = lines(&cloud) + 1;
    outside.edit("catalog/lock.cloud.yaml", |yaml| {
        yaml + "  - value: 0x0101\n    name: LOCK_GONE\n    description: Twice.\n    \
                action: retry\n    source: api\n"
    });
    let start = Instant::now();
    let out = outside.cargo(&["build"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "a bad catalogue built:\n{stderr}");
    let expected = format!("catalog/lock.yaml:{typo_line}:13: unknown action `retyr`");
    assert!(stderr.contains(&expected), "no `{expected}` in:\n{stderr}");
    let expected = format!("catalog/lock.cloud.yaml:{duplicate_line}:");
    assert!(stderr.contains(&expected), "no `{expected}` in:\n{stderr}");
    assert!(stderr.contains("2 problem(s) in the catalogue"), "{stderr}");
    writeln!(timings, "failing build: {:.1?}", start.elapsed()).unwrap();

    // Fixed again, it builds again.
    outside.edit("catalog/lock.yaml", |yaml| {
        yaml.replace("action: retyr", "action: check_device")
    });
    outside.edit("catalog/lock.cloud.yaml", |yaml| {
        yaml.replace(
            "value: 0x0101\n    name: LOCK_GONE",
            "value: 0x0102\n    name: LOCK_GONE",
        )
    });
    assert_eq!(
        outside.probe("lock", "E_MOTOR").0,
        "-56 E_MOTOR | The motor stalled. | CheckDevice"
    );
    eprint!("{timings}");
}
