//! `codegen --check` as CI runs it: exit 0 when the committed output is fresh, 1 when it is
//! stale (and nothing written), 2 when the run itself cannot happen. CI's freshness step rests
//! on that exit status alone.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_codegen");

fn codegen(dir: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .env_remove("CARGO_MANIFEST_DIR")
        .output()
        .unwrap()
}

fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, fs::read(&p).unwrap())
        })
        .collect()
}

#[test]
fn check_exits_1_when_stale_0_when_fresh_and_writes_nothing() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let scratch = tempfile::tempdir().unwrap();
    let (catalog, out) = (scratch.path().join("catalog"), scratch.path().join("out"));
    fs::create_dir(&catalog).unwrap();
    for name in ["http.yaml", "nuki.yaml"] {
        fs::copy(repo.join("catalog").join(name), catalog.join(name)).unwrap();
    }
    let args = ["--catalog", "catalog", "--out", "out"];
    let check = ["--check", "--catalog", "catalog", "--out", "out"];

    let written = codegen(scratch.path(), &args);
    assert_eq!(written.status.code(), Some(0), "{written:?}");
    let fresh = codegen(scratch.path(), &check);
    assert_eq!(fresh.status.code(), Some(0), "a fresh output: {fresh:?}");

    // A description edited in the catalogue: the committed output is stale.
    let nuki = catalog.join("nuki.yaml");
    let text = fs::read_to_string(&nuki).unwrap();
    let at = text.find("description: ").unwrap() + "description: ".len();
    fs::write(&nuki, format!("{}Edited. {}", &text[..at], &text[at..])).unwrap();
    let before = files(&out);
    let stale = codegen(scratch.path(), &check);
    let stderr = String::from_utf8_lossy(&stale.stderr);
    assert_eq!(stale.status.code(), Some(1), "a stale output: {stderr}");
    assert!(
        stderr.contains("nuki.rs"),
        "the stale file is not named: {stderr}"
    );
    assert_eq!(files(&out), before, "--check wrote to the output");

    // A missing output file is stale too.
    fs::remove_file(out.join("http.rs")).unwrap();
    assert_eq!(codegen(scratch.path(), &check).status.code(), Some(1));

    // An invalid catalogue: 1 as well (the checked-in output cannot be fresh).
    fs::write(catalog.join("bad.yaml"), "id: bad\n").unwrap();
    assert_eq!(codegen(scratch.path(), &check).status.code(), Some(1));
    fs::remove_file(catalog.join("bad.yaml")).unwrap();

    // A run that cannot happen at all (a mistyped option): 2, not "stale".
    let mistyped = ["--check", "--catalogue", "catalog", "--out", "out"];
    assert_eq!(codegen(scratch.path(), &mistyped).status.code(), Some(2));

    // Regenerated, it is fresh again.
    assert_eq!(codegen(scratch.path(), &args).status.code(), Some(0));
    assert_eq!(codegen(scratch.path(), &check).status.code(), Some(0));
}
