//! A failed or interrupted run leaves each output folder all old or all new, and recovery
//! leaves nothing beside it.
//!
//! `FailingDisk` fails the n-th file-system write (a full disk, a crash); for every n the
//! folders, after the recovery every run does first, must equal the old or the new set.

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::output::{Disk, RUN_MARKER, RealDisk, Token, marker_text, recover, replace_dir};
use crate::run::{Mode, Outputs, execute};
use crate::settings::Settings;
use crate::{Failure, Report};

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
    fn remove_file(&mut self, path: &Path) -> io::Result<()> {
        self.check()?;
        RealDisk.remove_file(path)
    }
}

fn run_failing_at(fail_at: usize, crash: bool) -> (bool, BTreeMap<String, String>, Vec<String>) {
    let scratch = tempfile::tempdir().unwrap();
    let dir = scratch.path().join("generated");
    replace_dir(&mut RealDisk, &dir, &old_set()).unwrap();
    let mut disk = FailingDisk {
        calls: 0,
        fail_at,
        crash,
    };
    let ok = replace_dir(&mut disk, &dir, &new_set()).is_ok();
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
    let err = replace_dir(&mut RealDisk, &missing, &new_set()).unwrap_err();
    assert_eq!(err.kind(), io::ErrorKind::NotFound);
    assert!(!scratch.path().join("no").exists());

    let not_a_folder = scratch.path().join("file");
    fs::write(&not_a_folder, "x").unwrap();
    assert!(replace_dir(&mut RealDisk, &not_a_folder.join("generated"), &new_set()).is_err());
    assert_eq!(fs::read_to_string(&not_a_folder).unwrap(), "x");
}

#[test]
fn a_missing_output_folder_is_created() {
    let scratch = tempfile::tempdir().unwrap();
    let dir = scratch.path().join("generated");
    replace_dir(&mut RealDisk, &dir, &new_set()).unwrap();
    assert_eq!(read_tree(&dir), new_set());
}

const LOCK: &str = "id: lock
title: Lock error bytes
key: byte
wire: hex
sources:
  - id: spec
    title: Lock spec
    url: https://example.com/lock
entries:
  - value: 0xFF
    name: ERROR_UNKNOWN
    description: Nothing else matched.
    action: retry
    source: spec
";

const ACME: &str = "id: acme
title: Acme codes
key: i32
wire: decimal
sources:
  - id: spec
    title: Acme spec
    url: https://example.com/acme
entries:
  - value: -12
    name: E_TIMEOUT
    description: The device did not answer.
    action: retry
    source: spec
";

/// The outputs of one run, read back: each folder's files.
fn outputs_state(o: &Outputs) -> BTreeMap<String, BTreeMap<String, String>> {
    let mut state = BTreeMap::new();
    for dir in [Some(&o.code), o.docs.as_ref()].into_iter().flatten() {
        let tree = if dir.exists() {
            read_tree(dir)
        } else {
            BTreeMap::new()
        };
        state.insert(dir.display().to_string(), tree);
    }
    state
}

fn run_on(disk: &mut dyn Disk, catalog: &Path, outputs: &Outputs) -> Result<Report, Failure> {
    execute(disk, catalog, outputs, &Settings::dependent(), Mode::Write)
}

/// A scratch folder with a catalogue, both kinds of output, and a second catalogue that
/// changes every output.
fn two_catalogues(scratch: &Path) -> (Outputs, PathBuf, PathBuf) {
    let (v1, v2) = (scratch.join("v1"), scratch.join("v2"));
    fs::create_dir_all(&v1).unwrap();
    fs::create_dir_all(&v2).unwrap();
    fs::write(v1.join("lock.yaml"), LOCK).unwrap();
    fs::write(
        v2.join("lock.yaml"),
        LOCK.replace("Nothing else", "Changed. Nothing else"),
    )
    .unwrap();
    fs::write(v2.join("acme.yaml"), ACME).unwrap();
    let outputs = Outputs {
        code: scratch.join("generated"),
        docs: Some(scratch.join("docs")),
    };
    run_on(&mut RealDisk, &v1, &outputs).unwrap();
    (outputs, v1, v2)
}

fn recover_all(o: &Outputs) {
    for path in [Some(&o.code), o.docs.as_ref()].into_iter().flatten() {
        recover(path).unwrap();
    }
}

/// Everything in the scratch folder but the catalogues and the outputs themselves.
fn leftovers(scratch: &Path) -> Vec<String> {
    fs::read_dir(scratch)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !["v1", "v2", "generated", "docs"].contains(&n.as_str()))
        .collect()
}

#[test]
fn a_failure_at_any_write_of_a_whole_run_is_reported_exactly() {
    let scratch = tempfile::tempdir().unwrap();
    let (outputs, v1, v2) = two_catalogues(scratch.path());
    let old = outputs_state(&outputs);
    run_on(&mut RealDisk, &v2, &outputs).unwrap();
    let new = outputs_state(&outputs);
    assert!(old.keys().all(|k| old[k] != new[k]), "every output changes");

    // Every file-system operation of a whole run, failed in turn (and, for a crash, every
    // operation after it too).
    run_on(&mut RealDisk, &v1, &outputs).unwrap();
    let mut counting = FailingDisk {
        calls: 0,
        fail_at: usize::MAX,
        crash: false,
    };
    run_on(&mut counting, &v2, &outputs).unwrap();
    let operations = counting.calls;
    assert!(operations > 10, "{operations}");
    let mut outcomes = BTreeMap::new();
    for crash in [false, true] {
        for fail_at in 0..operations {
            run_on(&mut RealDisk, &v1, &outputs).unwrap();
            let mut disk = FailingDisk {
                calls: 0,
                fail_at,
                crash,
            };
            let (replaced, kept) = match run_on(&mut disk, &v2, &outputs) {
                Ok(_) => (old.keys().cloned().collect(), Vec::new()),
                Err(Failure::Write(w)) => {
                    let shown = |p: &Vec<PathBuf>| -> Vec<String> {
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
            assert_eq!(
                leftovers(scratch.path()),
                Vec::<String>::new(),
                "fail_at {fail_at}, crash {crash}: recovery leaves nothing beside the outputs"
            );
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
            run_on(&mut RealDisk, &v2, &outputs).unwrap();
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

#[test]
fn recovery_removes_only_what_a_run_provably_wrote() {
    let scratch = tempfile::tempdir().unwrap();
    let (outputs, _, _) = two_catalogues(scratch.path());
    let s = scratch.path();
    // What users leave beside and in output folders: a backup, drafts, a folder named like an
    // old staging folder, with content of their own.
    for (path, text) in [
        (".docs.old/README.md", "my backup"),
        (".generated.new/mine.rs", "a draft"),
        (
            ".generated.new-123-456/mine.rs",
            "named like staging, no marker",
        ),
        (
            ".generated.old-123-456/keep.rs",
            "named like a backup, no marker",
        ),
        (".README.md.new", "a draft"),
    ] {
        let path = s.join(path);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }
    let before = leftovers(s);
    // Each look-alike beside an output is named, none removed.
    let named: Vec<String> = [&outputs.code, outputs.docs.as_ref().unwrap()]
        .into_iter()
        .flat_map(|dir| recover(dir).unwrap())
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        named,
        [
            ".generated.new",
            ".generated.new-123-456",
            ".generated.old-123-456",
            ".docs.old"
        ]
    );
    run_on(&mut RealDisk, &s.join("v1"), &outputs).unwrap();
    assert_eq!(leftovers(s), before, "nothing of the user's is removed");
    assert_eq!(
        fs::read_to_string(s.join(".generated.new-123-456/mine.rs")).unwrap(),
        "named like staging, no marker"
    );
}

#[test]
fn docs_in_the_code_folder_are_refused() {
    let scratch = tempfile::tempdir().unwrap();
    let (mut outputs, v1, _) = two_catalogues(scratch.path());
    outputs.docs = Some(outputs.code.clone());
    let before = outputs_state(&outputs);
    match run_on(&mut RealDisk, &v1, &outputs) {
        Err(Failure::Io(e)) => assert!(e.to_string().contains("folder of its own"), "{e}"),
        other => panic!("{other:?}"),
    }
    assert_eq!(outputs_state(&outputs), before);
}

#[test]
fn a_staging_folder_killed_before_its_marker_was_complete_is_removed() {
    let scratch = tempfile::tempdir().unwrap();
    let (outputs, _, _) = two_catalogues(scratch.path());
    let s = scratch.path();
    let token = Token("7-8".to_owned());
    let begun = marker_text(&token);
    // Empty, and holding only the first bytes of its marker: nothing in them to lose.
    fs::create_dir(s.join(".generated.new-7-8")).unwrap();
    fs::create_dir(s.join(".docs.new-7-8")).unwrap();
    fs::write(s.join(".docs.new-7-8").join(RUN_MARKER), &begun[..10]).unwrap();
    // The marker's beginning beside a file: not provably the generator's, kept.
    fs::create_dir(s.join(".generated.new-9-9")).unwrap();
    fs::write(s.join(".generated.new-9-9").join(RUN_MARKER), &begun[..10]).unwrap();
    fs::write(s.join(".generated.new-9-9/mine.rs"), "mine").unwrap();
    recover_all(&outputs);
    assert_eq!(leftovers(s), [".generated.new-9-9"]);
}

/// What `compare` reports for each kind of difference, and nothing for an output as written.
#[test]
fn compare_reports_exactly_what_differs() {
    use crate::output::{Drift, compare};
    let scratch = tempfile::tempdir().unwrap();
    let dir = scratch.path().join("generated");
    let wanted = new_set();
    replace_dir(&mut RealDisk, &dir, &wanted).unwrap();
    assert_eq!(compare(&dir, &wanted).unwrap(), Vec::<Drift>::new());

    fs::write(
        dir.join("nuki.rs"),
        "// @generated for the test\nedited by hand\n",
    )
    .unwrap();
    fs::remove_file(dir.join("mod.rs")).unwrap();
    fs::write(dir.join("gone.rs"), "// @generated for the test\nold\n").unwrap();
    fs::write(dir.join("notes.rs"), "// notes on the @generated files\n").unwrap();
    assert_eq!(
        compare(&dir, &wanted).unwrap(),
        [
            Drift::Extra("gone.rs".to_owned()),
            Drift::Missing("mod.rs".to_owned()),
            Drift::Foreign("notes.rs".to_owned()),
            Drift::Stale("nuki.rs".to_owned()),
        ]
    );
}

/// A checkout with CRLF line ends (`core.autocrlf`) is not stale, however many lines a file
/// has; a file longer than any CRLF form of the wanted text is stale without being read whole.
#[test]
fn crlf_files_are_the_same_text_and_longer_ones_are_stale() {
    use crate::output::{Drift, compare};
    let scratch = tempfile::tempdir().unwrap();
    let dir = scratch.path().join("generated");
    let text: String = std::iter::once("// @generated for the test\n".to_owned())
        .chain((0..200).map(|n| format!("line {n}\n")))
        .collect();
    let wanted = BTreeMap::from([("a.rs".to_owned(), text.clone())]);
    fs::create_dir(&dir).unwrap();
    fs::write(dir.join("a.rs"), text.replace('\n', "\r\n")).unwrap();
    assert_eq!(compare(&dir, &wanted).unwrap(), Vec::<Drift>::new());
    fs::write(dir.join("a.rs"), text.repeat(3)).unwrap();
    assert_eq!(
        compare(&dir, &wanted).unwrap(),
        [Drift::Stale("a.rs".to_owned())]
    );
    // CRLF ends do not make a changed text the same: one line edited, same length.
    let edited = text.replace("line 7\n", "line 8\n");
    fs::write(dir.join("a.rs"), edited.replace('\n', "\r\n")).unwrap();
    assert_eq!(
        compare(&dir, &wanted).unwrap(),
        [Drift::Stale("a.rs".to_owned())]
    );
}

/// A read that fails for another reason than a missing file is an error, not "missing": a
/// regular file where the output needs a folder.
#[test]
fn a_file_where_a_folder_is_needed_is_an_error_not_missing() {
    use crate::output::compare;
    let scratch = tempfile::tempdir().unwrap();
    let dir = scratch.path().join("generated");
    fs::create_dir(&dir).unwrap();
    fs::write(dir.join("nuki"), "// @generated for the test\n").unwrap();
    let wanted = files(&[("nuki/bridge.rs", "x")]);
    let err = compare(&dir, &wanted).unwrap_err();
    assert_ne!(err.kind(), io::ErrorKind::NotFound, "{err}");
}

/// The output folder's own kind: a regular file where the folder should be is a foreign
/// entry (never removed), a path through a file is an error, and a link inside the folder is
/// foreign even when it points at a generated file.
#[test]
fn odd_output_paths_are_foreign_or_errors_never_generated() {
    use crate::output::{Drift, compare};
    let scratch = tempfile::tempdir().unwrap();
    let wanted = files(&[("a.rs", "x")]);
    let file = scratch.path().join("file");
    fs::write(&file, "// @generated for the test\n").unwrap();
    // Nothing to write there yet: the file itself is foreign; something to write: an error.
    assert_eq!(
        compare(&file, &BTreeMap::new()).unwrap(),
        [Drift::Foreign(String::new())]
    );
    assert!(compare(&file, &wanted).is_err());
    assert!(compare(&file.join("generated"), &BTreeMap::new()).is_err());
    assert!(replace_dir(&mut RealDisk, &file, &wanted).is_err());
    assert_eq!(
        fs::read_to_string(&file).unwrap(),
        "// @generated for the test\n"
    );

    let dir = scratch.path().join("generated");
    replace_dir(&mut RealDisk, &dir, &wanted).unwrap();
    // An empty folder inside is someone's too (a generated folder is never empty).
    fs::create_dir(dir.join("mine")).unwrap();
    assert_eq!(
        compare(&dir, &wanted).unwrap(),
        [Drift::Foreign("mine/".to_owned())]
    );
    fs::remove_dir(dir.join("mine")).unwrap();
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(dir.join("a.rs"), dir.join("b.rs")).unwrap();
        assert_eq!(
            compare(&dir, &wanted).unwrap(),
            [Drift::Foreign("b.rs".to_owned())]
        );
    }
}

/// The docs folder named another way than the code folder is still the code folder: through
/// `..`, or through a link. (Mutation pass H: every earlier test spelled both alike.)
#[test]
fn docs_in_the_code_folder_are_refused_however_it_is_named() {
    let scratch = tempfile::tempdir().unwrap();
    let (mut outputs, v1, _) = two_catalogues(scratch.path());
    let code = outputs.code.clone();
    let mut spellings = vec![scratch.path().join("v1/../generated")];
    #[cfg(unix)]
    {
        let link = scratch.path().join("link");
        std::os::unix::fs::symlink(&code, &link).unwrap();
        spellings.push(link);
    }
    for docs in spellings {
        outputs.docs = Some(docs.clone());
        let before = outputs_state(&outputs);
        match run_on(&mut RealDisk, &v1, &outputs) {
            Err(Failure::Io(e)) => assert!(e.to_string().contains("folder of its own"), "{e}"),
            other => panic!("{}: {other:?}", docs.display()),
        }
        assert_eq!(outputs_state(&outputs), before, "{}", docs.display());
    }
}

/// What a check says about each kind of difference, one line per path, as people read it.
#[test]
fn a_stale_check_names_each_difference_and_what_it_is() {
    let scratch = tempfile::tempdir().unwrap();
    let (outputs, v1, _) = two_catalogues(scratch.path());
    let docs = outputs.docs.clone().unwrap();
    fs::write(docs.join("README.md"), "<!-- @generated, then edited -->\n").unwrap();
    fs::remove_file(outputs.code.join("mod.rs")).unwrap();
    fs::write(outputs.code.join("gone.rs"), "// @generated long ago\n").unwrap();
    fs::write(docs.join("notes.md"), "mine\n").unwrap();
    let failure = execute(
        &mut RealDisk,
        &v1,
        &outputs,
        &Settings::dependent(),
        Mode::Check,
    )
    .unwrap_err();
    let (docs, code) = (docs.display(), outputs.code.display());
    assert_eq!(
        failure.to_string(),
        format!(
            "{docs}/README.md: stale (differs from what the catalogue produces)\n\
             {docs}/notes.md: not generated (its first line is no `@generated` header)\n\
             {code}/gone.rs: extra (no catalogue produces it)\n\
             {code}/mod.rs: missing (a catalogue produces it)\n\
             generated files are out of date; regenerate them (errcodes-build's `write_to`) \
             and commit the result"
        )
    );
}

/// Runs that write take the lock on the folder around the output and fail, saying so, when
/// they cannot; a run that only compares goes ahead without it. Here the folder is missing:
/// a check reports every file missing, a write fails before anything is written.
#[test]
fn only_a_writing_run_needs_the_lock() {
    use crate::output::Drift;
    let scratch = tempfile::tempdir().unwrap();
    let catalog = scratch.path().join("v1");
    fs::create_dir(&catalog).unwrap();
    fs::write(catalog.join("lock.yaml"), LOCK).unwrap();
    let parent = scratch.path().join("no/such");
    let outputs = Outputs {
        code: parent.join("generated"),
        docs: None,
    };
    let settings = Settings::dependent();
    match execute(&mut RealDisk, &catalog, &outputs, &settings, Mode::Check) {
        Err(Failure::Stale(drift, _)) => {
            assert!(!drift.is_empty());
            assert!(
                drift.iter().all(|d| matches!(d, Drift::Missing(_))),
                "{drift:?}"
            );
        }
        other => panic!("{other:?}"),
    }
    match execute(&mut RealDisk, &catalog, &outputs, &settings, Mode::Write) {
        Err(Failure::Io(e)) => {
            let cannot = format!("cannot lock {}: ", parent.display());
            assert!(e.to_string().starts_with(&cannot), "{e}");
        }
        other => panic!("{other:?}"),
    }
    assert!(!scratch.path().join("no").exists());
}
