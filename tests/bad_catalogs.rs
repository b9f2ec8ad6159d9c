//! Every catalogue under `fixtures/bad/` is rejected with messages that name the file, the line
//! and the mistake, and a rejected run leaves the output folder exactly as it was.
//!
//! Each case folder is a whole catalogue folder with one kind of mistake (`many_problems` and
//! `two_files` show that all problems are reported together). Two cases cannot be committed
//! and are made at run time: a file over the size limit and a symlink loop.
//!
//! The messages are snapshots (`snapshots/bad_catalogs__<case>.snap`); review changes with
//! `cargo insta review`, or regenerate with `INSTA_UPDATE=always` and read every diff.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

/// Cases whose problem concerns a whole file, so their messages carry no line number.
const WHOLE_FILE: &[&str] = &[
    "dir_yaml",
    "empty",
    "only_comments",
    "too_large",
    "symlink_loop",
];
/// Cases whose problem concerns the folder itself, so their messages name no file.
const WHOLE_FOLDER: &[&str] = &["no_yaml_files"];

/// What a failed run must leave untouched: two files at the top and a nested one.
const SENTINELS: &[(&str, &str)] = &[
    ("mod.rs", "// sentinel: committed mod.rs\n"),
    ("nuki.rs", "// sentinel: committed nuki.rs\n"),
    ("nested/deep.rs", "// sentinel: a nested file\n"),
];

#[test]
fn bad_catalogues_are_rejected_with_located_messages_and_nothing_is_written() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/bad");
    let mut cases: Vec<(String, PathBuf)> = fs::read_dir(&fixtures)
        .expect("tests/fixtures/bad exists")
        .map(|e| e.expect("listing fixtures").path())
        .filter(|p| p.is_dir())
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), p))
        .collect();
    cases.sort();
    assert!(cases.len() >= 45, "only {} committed cases", cases.len());

    let made = tempfile::tempdir().expect("temp dir");
    cases.push(("too_large".to_owned(), too_large(made.path())));
    #[cfg(unix)]
    cases.push(("symlink_loop".to_owned(), symlink_loop(made.path())));

    for (name, dir) in &cases {
        check_case(name, dir);
    }
}

fn check_case(name: &str, dir: &Path) {
    let work = tempfile::tempdir().expect("temp dir");
    let out = work.path().join("generated");
    for (path, content) in SENTINELS {
        let target = out.join(path);
        fs::create_dir_all(target.parent().unwrap()).unwrap();
        fs::write(target, content).unwrap();
    }
    let before = tree(&out);

    let problems = match codegen::run(dir, &codegen::Outputs::code(&out), codegen::Mode::Write) {
        Err(errcodes_build::Failure::Invalid(problems)) => problems,
        Err(other) => panic!("{name}: expected validation problems, got {other:?}"),
        Ok(report) => panic!(
            "{name}: the bad catalogue was accepted: {:?}",
            report.own.generated.catalogs
        ),
    };

    assert!(!problems.is_empty(), "{name}: no problems reported");
    for p in &problems {
        let names_file = p.path.starts_with(&format!("{name}/")) && p.path.len() > name.len() + 1;
        assert!(
            names_file || (WHOLE_FOLDER.contains(&name) && p.path == name),
            "{name}: message does not name a file of the case: {p}"
        );
        assert!(
            p.line > 0 || WHOLE_FILE.contains(&name) || WHOLE_FOLDER.contains(&name),
            "{name}: message has no line number: {p}"
        );
        assert!(!p.message.trim().is_empty(), "{name}: empty message: {p}");
    }
    let messages: Vec<String> = problems.iter().map(ToString::to_string).collect();
    insta::assert_snapshot!(name, messages.join("\n"));

    assert_eq!(tree(&out), before, "{name}: the output folder changed");
    // The run's lock file stays (removing a lock file would race with the next run).
    let beside: Vec<String> = fs::read_dir(work.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name != ".generated.lock")
        .collect();
    assert_eq!(
        beside,
        ["generated"],
        "{name}: files left beside the output folder"
    );
}

/// Every file under `dir`, by relative path, with its bytes.
fn tree(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, found: &mut BTreeMap<PathBuf, Vec<u8>>) {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(root, &path, found);
            } else {
                let rel = path.strip_prefix(root).unwrap().to_owned();
                found.insert(rel, fs::read(&path).unwrap());
            }
        }
    }
    let mut found = BTreeMap::new();
    walk(dir, dir, &mut found);
    found
}

/// A 50 MB file (over the 32 MiB limit): a valid header followed by one long comment.
fn too_large(parent: &Path) -> PathBuf {
    let dir = parent.join("too_large");
    fs::create_dir(&dir).unwrap();
    let mut text = b"id: nuki\ntitle: Nuki device error codes\nkey: byte\nwire: hex\n# ".to_vec();
    text.resize(50_000_000, b'x');
    text.push(b'\n');
    fs::write(dir.join("nuki.yaml"), text).unwrap();
    dir
}

/// `a.yaml -> b.yaml -> a.yaml`.
#[cfg(unix)]
fn symlink_loop(parent: &Path) -> PathBuf {
    let dir = parent.join("symlink_loop");
    fs::create_dir(&dir).unwrap();
    std::os::unix::fs::symlink("b.yaml", dir.join("a.yaml")).unwrap();
    std::os::unix::fs::symlink("a.yaml", dir.join("b.yaml")).unwrap();
    dir
}
