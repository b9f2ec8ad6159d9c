//! A failed or interrupted regenerate leaves the generated folder all old or all new.
//!
//! `FailingDisk` fails the n-th file-system write (a full disk, a crash); for every n the
//! folder, after the recovery every regenerate runs first, must equal the old or the new set.

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::Path;

use errcodes_build::{Disk, RealDisk, recover, replace_dir, replace_dir_on};

fn files(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(p, c)| ((*p).to_owned(), format!("// @generated for the test\n{c}")))
        .collect()
}

fn old_set() -> BTreeMap<String, String> {
    files(&[
        ("mod.rs", "old mod"),
        ("nuki.rs", "old nuki"),
        ("nuki/bridge.rs", "old bridge"),
        ("gone.rs", "old only"),
    ])
}

fn new_set() -> BTreeMap<String, String> {
    files(&[
        ("mod.rs", "new mod"),
        ("nuki.rs", "new nuki"),
        ("nuki/bridge.rs", "new bridge"),
        ("knox/tag.rs", "new only"),
    ])
}

/// Every file under `dir`, relative path → content.
fn read_tree(dir: &Path) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let rel = path
                    .strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                out.insert(rel, fs::read_to_string(&path).unwrap());
            }
        }
    }
    out
}

/// The real disk, except that operation number `fail_at` and (for a crash) every later one fail.
struct FailingDisk {
    calls: usize,
    fail_at: usize,
    crash: bool,
}

impl FailingDisk {
    fn check(&mut self) -> io::Result<()> {
        self.calls += 1;
        let failed = self.calls - 1 == self.fail_at || (self.crash && self.calls > self.fail_at);
        if failed {
            Err(io::Error::new(
                io::ErrorKind::StorageFull,
                "simulated failure",
            ))
        } else {
            Ok(())
        }
    }
}

impl Disk for FailingDisk {
    fn write(&mut self, path: &Path, bytes: &[u8]) -> io::Result<()> {
        self.check()?;
        RealDisk.write(path, bytes)
    }
    fn rename(&mut self, from: &Path, to: &Path) -> io::Result<()> {
        self.check()?;
        RealDisk.rename(from, to)
    }
    fn remove_dir_all(&mut self, path: &Path) -> io::Result<()> {
        self.check()?;
        RealDisk.remove_dir_all(path)
    }
}

fn run_failing_at(fail_at: usize, crash: bool) -> (bool, BTreeMap<String, String>, Vec<String>) {
    let scratch = tempfile::tempdir().unwrap();
    let dir = scratch.path().join("generated");
    replace_dir(&dir, &old_set()).unwrap();
    let mut disk = FailingDisk {
        calls: 0,
        fail_at,
        crash,
    };
    let ok = replace_dir_on(&mut disk, &dir, &new_set()).is_ok();
    recover(&dir).unwrap();
    let leftovers: Vec<String> = fs::read_dir(scratch.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    (ok, read_tree(&dir), leftovers)
}

#[test]
fn every_single_failure_and_every_crash_point_leaves_all_old_or_all_new() {
    let (old, new) = (old_set(), new_set());
    let mut saw = (0, 0);
    for crash in [false, true] {
        for fail_at in 0..12 {
            let (ok, tree, leftovers) = run_failing_at(fail_at, crash);
            assert!(
                tree == old || tree == new,
                "fail_at {fail_at}, crash {crash}: a mix: {tree:?}"
            );
            assert_eq!(
                leftovers,
                ["generated"],
                "fail_at {fail_at}: nothing left beside the folder"
            );
            if ok {
                assert_eq!(tree, new, "a successful run installs the new set");
            }
            if tree == old { saw.0 += 1 } else { saw.1 += 1 }
        }
    }
    assert!(
        saw.0 > 0 && saw.1 > 0,
        "both outcomes were exercised: {saw:?}"
    );
}

#[test]
fn missing_or_unusable_output_parent_is_an_error_and_creates_nothing() {
    let scratch = tempfile::tempdir().unwrap();
    let missing = scratch.path().join("no/such/parent/generated");
    let err = replace_dir(&missing, &new_set()).unwrap_err();
    assert_eq!(err.kind(), io::ErrorKind::NotFound);
    assert!(!scratch.path().join("no").exists());

    let not_a_folder = scratch.path().join("file");
    fs::write(&not_a_folder, "x").unwrap();
    assert!(replace_dir(&not_a_folder.join("generated"), &new_set()).is_err());
    assert_eq!(fs::read_to_string(&not_a_folder).unwrap(), "x");
}

#[test]
fn a_missing_output_folder_is_created() {
    let scratch = tempfile::tempdir().unwrap();
    let dir = scratch.path().join("generated");
    replace_dir(&dir, &new_set()).unwrap();
    assert_eq!(read_tree(&dir), new_set());
}

/// The outputs of one run, read back: each folder's files, and each section file's text.
fn outputs_state(o: &errcodes_build::Outputs) -> BTreeMap<String, BTreeMap<String, String>> {
    let mut state = BTreeMap::new();
    for dir in [Some(&o.code), o.docs.as_ref()].into_iter().flatten() {
        let tree = if dir.exists() {
            read_tree(dir)
        } else {
            BTreeMap::new()
        };
        state.insert(dir.display().to_string(), tree);
    }
    for file in [o.manifest.as_ref(), o.readme.as_ref()]
        .into_iter()
        .flatten()
    {
        let text = fs::read_to_string(file).unwrap();
        state.insert(file.display().to_string(), files(&[("", &text)]));
    }
    state
}

/// A scratch folder with a catalogue, all four kinds of output, and a second catalogue that
/// changes every output.
fn two_catalogues(
    scratch: &Path,
) -> (
    errcodes_build::Outputs,
    std::path::PathBuf,
    std::path::PathBuf,
) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let good = root.join("fixtures/good");
    let (v1, v2) = (scratch.join("v1"), scratch.join("v2"));
    for (dir, names) in [
        (&v1, &["byte_hex/lock.yaml"][..]),
        (&v2, &["byte_hex/lock.yaml", "signed_i32/acme.yaml"][..]),
    ] {
        fs::create_dir_all(dir).unwrap();
        for name in names {
            fs::copy(
                good.join(name),
                dir.join(Path::new(name).file_name().unwrap()),
            )
            .unwrap();
        }
    }
    let lock = fs::read_to_string(v2.join("lock.yaml")).unwrap();
    fs::write(
        v2.join("lock.yaml"),
        lock.replacen("description: ", "description: Changed. ", 1),
    )
    .unwrap();
    let manifest = scratch.join("Cargo.toml");
    let readme = scratch.join("README.md");
    fs::write(
        &manifest,
        "[package]\nname = \"x\"\n\n[features]\ndefault = [\"all-catalogues\"]\n\
         # @generated catalogue features: begin (cargo run -p codegen; DO NOT EDIT)\n\
         # @generated catalogue features: end\n",
    )
    .unwrap();
    fs::write(
        &readme,
        "# x\n\n<!-- @generated catalogues: begin (cargo run -p codegen; DO NOT EDIT) -->\n\
         <!-- @generated catalogues: end -->\n",
    )
    .unwrap();
    let outputs = errcodes_build::Outputs {
        code: scratch.join("generated"),
        docs: Some(scratch.join("docs")),
        manifest: Some(manifest),
        readme: Some(readme),
    };
    errcodes_build::run(&v1, &outputs, errcodes_build::Mode::Write).unwrap();
    (outputs, v1, v2)
}

fn recover_all(o: &errcodes_build::Outputs) {
    for path in [
        Some(&o.code),
        o.docs.as_ref(),
        o.manifest.as_ref(),
        o.readme.as_ref(),
    ]
    .into_iter()
    .flatten()
    {
        recover(path).unwrap();
    }
}

#[test]
fn a_failure_at_any_write_of_a_whole_run_is_reported_exactly() {
    let scratch = tempfile::tempdir().unwrap();
    let (outputs, v1, v2) = two_catalogues(scratch.path());
    let old = outputs_state(&outputs);
    errcodes_build::run(&v2, &outputs, errcodes_build::Mode::Write).unwrap();
    let new = outputs_state(&outputs);
    assert!(old.keys().all(|k| old[k] != new[k]), "every output changes");

    // Every file-system operation of a whole run, failed in turn (and, for a crash, every
    // operation after it too).
    errcodes_build::run(&v1, &outputs, errcodes_build::Mode::Write).unwrap();
    let mut counting = FailingDisk {
        calls: 0,
        fail_at: usize::MAX,
        crash: false,
    };
    errcodes_build::run_on(&mut counting, &v2, &outputs, errcodes_build::Mode::Write).unwrap();
    let operations = counting.calls;
    assert!(operations > 10, "{operations}");
    let mut outcomes = BTreeMap::new();
    for crash in [false, true] {
        for fail_at in 0..operations {
            errcodes_build::run(&v1, &outputs, errcodes_build::Mode::Write).unwrap();
            let mut disk = FailingDisk {
                calls: 0,
                fail_at,
                crash,
            };
            let result =
                errcodes_build::run_on(&mut disk, &v2, &outputs, errcodes_build::Mode::Write);
            let (replaced, kept) = match result {
                Ok(_) => (old.keys().cloned().collect(), Vec::new()),
                Err(errcodes_build::Failure::Write(w)) => {
                    let shown = |p: &Vec<std::path::PathBuf>| -> Vec<String> {
                        p.iter().map(|p| p.display().to_string()).collect()
                    };
                    (shown(&w.replaced), shown(&w.kept))
                }
                Err(other) => panic!("fail_at {fail_at}: {other:?}"),
            };
            assert_eq!(
                replaced.len() + kept.len(),
                old.len(),
                "every output is accounted for"
            );
            recover_all(&outputs);
            let now = outputs_state(&outputs);
            for key in &replaced {
                assert_eq!(
                    now[key], new[key],
                    "fail_at {fail_at}, crash {crash}: {key} is new"
                );
            }
            for key in &kept {
                assert_eq!(
                    now[key], old[key],
                    "fail_at {fail_at}, crash {crash}: {key} is old"
                );
            }
            *outcomes.entry(replaced.len()).or_insert(0) += 1;
            errcodes_build::run(&v2, &outputs, errcodes_build::Mode::Write).unwrap();
            assert_eq!(
                outputs_state(&outputs),
                new,
                "the next run finishes the job"
            );
        }
    }
    // Nothing replaced (a failure while staging), some, and all were each seen.
    assert!(
        outcomes.contains_key(&0) && outcomes.contains_key(&old.len()),
        "{outcomes:?}"
    );
    assert!(
        outcomes.len() > 2,
        "a failure between two swaps was exercised: {outcomes:?}"
    );
}
