//! The regenerate loop as users run it: the built `codegen` binary in scratch copies of this
//! checkout, started several times at once, killed, pointed at the wrong folder, run after a
//! catalogue is deleted, from another checkout, and in a CRLF checkout. Whatever happens, no
//! file is lost and the checkout stays one cargo can load.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_codegen");

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .nth(2)
        .unwrap()
        .to_path_buf()
}

/// `git` as the tests run it: without the user's or the system's configuration.
fn git() -> Command {
    let mut cmd = Command::new("git");
    cmd.env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .args(["-c", "user.name=t", "-c", "user.email=t@example.com"])
        .args(["-c", "commit.gpgsign=false"]);
    cmd
}

/// A copy of this checkout's tracked files (as they are in the work tree) in a temp folder;
/// files git does not track (a developer's scratch files) are left out.
fn scratch() -> tempfile::TempDir {
    let root = workspace();
    let dir = tempfile::tempdir().unwrap();
    let listed = git()
        .args(["ls-files", "-z", "--cached"])
        .current_dir(&root)
        .output()
        .unwrap();
    assert!(listed.status.success(), "git ls-files failed");
    for rel in listed.stdout.split(|b| *b == 0).filter(|p| !p.is_empty()) {
        let rel = Path::new(std::str::from_utf8(rel).unwrap());
        let (from, to) = (root.join(rel), dir.path().join(rel));
        if from.is_file() {
            fs::create_dir_all(to.parent().unwrap()).unwrap();
            fs::copy(&from, &to).unwrap();
        }
    }
    dir
}

/// The built binary, run in `dir` as a user runs it there (not through `cargo run`).
fn codegen(dir: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::new(BIN);
    cmd.args(args)
        .current_dir(dir)
        .env_remove("CARGO_MANIFEST_DIR");
    cmd
}

fn run(dir: &Path, args: &[&str]) -> Output {
    codegen(dir, args).output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Every file below `dir` (the checkout's outputs and catalogue), relative path → bytes.
fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut found = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            let rel = path
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            if rel == "target" || rel.ends_with(".lock") && !rel.ends_with("Cargo.lock") {
                continue;
            }
            if path.is_dir() {
                stack.push(path);
            } else {
                found.insert(rel, fs::read(&path).unwrap());
            }
        }
    }
    found
}

/// Replaces `from` by `to` in one file.
fn edit(path: &Path, from: &str, to: &str) {
    let old = fs::read_to_string(path).unwrap();
    assert!(old.contains(from), "{} has no {from:?}", path.display());
    fs::write(path, old.replacen(from, to, 1)).unwrap();
}

fn assert_fresh(dir: &Path) {
    let out = run(dir, &["--check"]);
    assert!(
        out.status.success(),
        "--check failed:\n{}",
        text(&out.stderr)
    );
}

/// `cargo metadata` loads the workspace (every manifest parses and every feature resolves).
fn assert_loads(dir: &Path) {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let out = Command::new(cargo)
        .args([
            "metadata",
            "--offline",
            "--no-deps",
            "--format-version",
            "1",
            "-q",
        ])
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "cargo cannot load the workspace:\n{}",
        text(&out.stderr)
    );
}

fn leftovers(dir: &Path) -> Vec<String> {
    let mut found = Vec::new();
    for parent in [
        dir.to_path_buf(),
        dir.join("errcodes"),
        dir.join("errcodes/src"),
    ] {
        for entry in fs::read_dir(parent).unwrap() {
            let name = entry.unwrap().file_name().to_string_lossy().into_owned();
            if name.ends_with(".new") || name.ends_with(".old") {
                found.push(name);
            }
        }
    }
    found
}

const NUKI_FF: &str = "The lock reported an error without saying which.";

#[test]
fn eight_runs_waiting_on_one_lock_take_turns_and_lose_nothing() {
    let dir = scratch();
    let nuki = dir.path().join("catalog/nuki.yaml");
    let old = fs::read_to_string(&nuki).unwrap();
    let ff = old.lines().position(|l| l.contains("value: 0xFF")).unwrap();
    let description = old.lines().nth(ff + 2).unwrap().to_owned();
    assert!(
        description.trim_start().starts_with("description:"),
        "{description}"
    );
    edit(&nuki, &description, &format!("    description: {NUKI_FF}"));

    // The test holds the runs' lock while it starts them, so all eight are alive at once and
    // each must say it is waiting (proof that they overlapped and did not run one by one).
    let lock = fs::File::create(dir.path().join("errcodes/src/.generated.lock")).unwrap();
    lock.lock().unwrap();
    let mut children: Vec<_> = (0..8)
        .map(|_| {
            codegen(dir.path(), &[])
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let mut said = Vec::new();
    for child in &mut children {
        // Read each run's stderr up to its "waiting" line (or its end, when it did not wait).
        let mut stderr = std::io::BufReader::new(child.stderr.take().unwrap());
        let mut line = String::new();
        while std::io::BufRead::read_line(&mut stderr, &mut line).unwrap() > 0 {
            if line.contains("waiting for another run to finish") {
                break;
            }
        }
        assert!(
            line.contains("waiting for another run to finish"),
            "a run did not wait for the lock the test held: {line:?}"
        );
        said.push(stderr);
    }
    lock.unlock().unwrap();
    for (child, mut stderr) in children.into_iter().zip(said) {
        let mut rest = String::new();
        std::io::Read::read_to_string(&mut stderr, &mut rest).unwrap();
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "a run failed:\n{rest}");
    }
    assert_fresh(dir.path());
    assert!(
        leftovers(dir.path()).is_empty(),
        "{:?}",
        leftovers(dir.path())
    );
    let page = fs::read_to_string(dir.path().join("docs/nuki.md")).unwrap();
    assert!(page.contains(NUKI_FF));
    for page in ["README.md", "http.md", "nuki.md", "knox-tag.md"] {
        assert!(
            dir.path().join("docs").join(page).is_file(),
            "docs/{page} is gone"
        );
    }
}

/// Whether a run's staging (`.NAME.new`) or backup (`.NAME.old`) is on disk: a run is
/// between its first write and its last rename.
fn mid_write(dir: &Path) -> bool {
    [
        dir.join("errcodes/src"),
        dir.join("errcodes"),
        dir.to_path_buf(),
    ]
    .iter()
    .flat_map(|d| fs::read_dir(d).unwrap())
    .any(|e| {
        let name = e.unwrap().file_name().to_string_lossy().into_owned();
        name.starts_with('.') && (name.ends_with(".new") || name.ends_with(".old"))
    })
}

#[test]
fn a_run_killed_mid_write_is_finished_or_undone_by_the_next() {
    let dir = scratch();
    let nuki = dir.path().join("catalog/nuki.yaml");
    let original = fs::read_to_string(&nuki).unwrap();
    let first = original
        .lines()
        .find(|l| l.contains("description:"))
        .unwrap();
    // Each run is killed (SIGKILL: no chance to clean up) as soon as its staging is seen on
    // disk; the kills that left staging behind are the ones that landed mid-write.
    let mut landed = 0;
    for n in 0..40u64 {
        if landed == 6 {
            break;
        }
        let numbered = first.replacen("description: ", &format!("description: ({n}) "), 1);
        fs::write(&nuki, original.replacen(first, &numbered, 1)).unwrap();
        let mut child = codegen(dir.path(), &[])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        while !mid_write(dir.path()) && child.try_wait().unwrap().is_none() {
            std::hint::spin_loop();
        }
        let _ = child.kill();
        let _ = child.wait();
        if mid_write(dir.path()) {
            landed += 1;
        }
        let out = run(dir.path(), &[]);
        assert!(
            out.status.success(),
            "after a kill at {n}: {}",
            text(&out.stderr)
        );
        assert_fresh(dir.path());
        assert!(
            leftovers(dir.path()).is_empty(),
            "{:?}",
            leftovers(dir.path())
        );
        assert!(
            fs::read_to_string(dir.path().join("docs/nuki.md"))
                .unwrap()
                .contains(&format!("({n}) ")),
            "run {n}'s edit is not in the docs after the next run"
        );
    }
    assert!(landed > 0, "no kill landed while a run was writing");
}

#[test]
fn files_it_did_not_write_are_never_deleted() {
    let dir = scratch();
    let root = dir.path();
    fs::write(root.join("docs/NOTES.md"), "my notes\n").unwrap();
    edit(
        &root.join("catalog/http.yaml"),
        "description:",
        "description: Edited.",
    );
    let before = tree(root);

    let out = run(root, &[]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("docs/NOTES.md"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(tree(root), before, "nothing was written");

    // A typo in --out: the runtime's own sources are not generated files.
    fs::write(root.join("errcodes/src/wip.rs"), "// work in progress\n").unwrap();
    let before = tree(root);
    let out = run(root, &["--out", "errcodes/src"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    let said = text(&out.stderr);
    assert!(said.contains("lib.rs") && said.contains("wip.rs"), "{said}");
    assert_eq!(tree(root), before, "nothing was written");

    // --docs pointed at a folder of one's own.
    fs::create_dir(root.join("mine")).unwrap();
    fs::write(root.join("mine/plan.md"), "plan\n").unwrap();
    let out = run(root, &["--docs", "mine"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert_eq!(
        fs::read_to_string(root.join("mine/plan.md")).unwrap(),
        "plan\n"
    );
}

#[test]
fn catalogues_sharing_a_slug_or_a_fixed_feature_are_refused() {
    let dir = scratch();
    let root = dir.path();
    let before = tree(root);
    for (file, id) in [
        ("nuki_bridge.yaml", "nuki_bridge"),
        ("knox.tag_http.yaml", "knox::tag_http"),
        ("all.catalogues.yaml", "all::catalogues"),
        ("std.yaml", "std"),
    ] {
        let bridge = fs::read_to_string(root.join("catalog/nuki.bridge.yaml")).unwrap();
        let path = root.join("catalog").join(file);
        fs::write(
            &path,
            bridge.replace("id: nuki::bridge", &format!("id: {id}")),
        )
        .unwrap();
        let out = run(root, &[]);
        let said = text(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{id}: {said}");
        assert!(said.contains(&format!("catalog/{file}:")), "{id}: {said}");
        fs::remove_file(&path).unwrap();
        assert_eq!(tree(root), before, "{id}: nothing was written");
        assert_loads(root);
    }
}

#[test]
fn deleting_any_catalogue_leaves_a_workspace_cargo_loads() {
    let dir = scratch();
    let root = dir.path();
    let before = tree(root);
    let mut files: Vec<PathBuf> = fs::read_dir(root.join("catalog"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    files.sort();
    let mut refused = Vec::new();
    for file in &files {
        let kept = fs::read(file).unwrap();
        fs::remove_file(file).unwrap();
        let out = run(root, &[]);
        if out.status.success() {
            assert_loads(root);
        } else {
            // Refused: the manifest names it, and nothing was written.
            let said = text(&out.stderr);
            assert!(
                said.contains("errcodes/Cargo.toml:"),
                "{}: {said}",
                file.display()
            );
            let mut expected = before.clone();
            expected.remove(
                &file
                    .strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned(),
            );
            assert_eq!(
                tree(root),
                expected,
                "{}: nothing was written",
                file.display()
            );
            refused.push(file.file_name().unwrap().to_string_lossy().into_owned());
        }
        fs::write(file, kept).unwrap();
        let out = run(root, &[]);
        assert!(out.status.success(), "restoring: {}", text(&out.stderr));
        assert_eq!(
            tree(root),
            before,
            "restoring {} restores everything",
            file.display()
        );
    }
    // The response module's feature needs these four; every other catalogue can go.
    refused.sort();
    assert!(
        !refused.is_empty() && refused.len() < files.len(),
        "{refused:?}"
    );
}

#[test]
fn the_checkout_is_the_one_it_runs_in() {
    let (a, b) = (scratch(), scratch());
    edit(
        &b.path().join("catalog/http.yaml"),
        "description:",
        "description: Only in B.",
    );
    let a_before = tree(a.path());

    // The binary compiled in this workspace, run from inside checkout B's docs folder.
    let out = run(&b.path().join("docs"), &[]);
    let said = text(&out.stdout);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        said.contains(&b.path().display().to_string()),
        "names the checkout: {said}"
    );
    assert!(
        fs::read_to_string(b.path().join("docs/http.md"))
            .unwrap()
            .contains("Only in B.")
    );
    assert_eq!(tree(a.path()), a_before);

    // `cargo run` in checkout A says so through CARGO_MANIFEST_DIR, wherever the binary lives.
    edit(
        &a.path().join("catalog/http.yaml"),
        "description:",
        "description: Only in A.",
    );
    let out = Command::new(BIN)
        .current_dir(b.path())
        .env("CARGO_MANIFEST_DIR", a.path().join("codegen"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        fs::read_to_string(a.path().join("docs/http.md"))
            .unwrap()
            .contains("Only in A.")
    );

    // Outside any checkout it says so, and writes nothing.
    let nowhere = tempfile::tempdir().unwrap();
    let out = run(nowhere.path(), &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("not inside an errcodes checkout"));
    assert_eq!(fs::read_dir(nowhere.path()).unwrap().count(), 0);
}

#[test]
fn a_new_vendor_is_one_file_and_one_run() {
    let dir = scratch();
    let root = dir.path();
    let acme = workspace().join("tests/fixtures/good/signed_i32/acme.yaml");
    fs::copy(acme, root.join("catalog/acme.yaml")).unwrap();
    let out = run(root, &[]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_fresh(root);
    assert_loads(root);
    let readme = fs::read_to_string(root.join("README.md")).unwrap();
    assert!(
        readme.contains("| `acme` | Signed integer codes | 4 |"),
        "README table row"
    );
    let manifest = fs::read_to_string(root.join("errcodes/Cargo.toml")).unwrap();
    assert!(manifest.contains("\nacme = []\n") && manifest.contains("    \"acme\",\n"));
    assert!(
        root.join("docs/acme.md").is_file()
            && root.join("errcodes/src/generated/acme.rs").is_file()
    );
}

#[test]
fn a_crlf_checkout_is_not_stale() {
    let dir = scratch();
    let root = dir.path();
    let mut converted = 0;
    for (rel, bytes) in tree(root) {
        let text_file = [".rs", ".md", ".yaml", ".toml"]
            .iter()
            .any(|e| rel.ends_with(e));
        let utf8 = String::from_utf8(bytes).ok();
        if let Some(lf) = utf8.filter(|t| text_file && !t.contains('\r')) {
            let crlf = lf.replace('\n', "\r\n");
            fs::write(root.join(&rel), crlf).unwrap();
            converted += 1;
        }
    }
    assert!(converted > 100, "{converted}");
    assert_fresh(root);
    let before = tree(root);
    let out = run(root, &[]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("up to date"),
        "{}",
        text(&out.stdout)
    );
    assert_eq!(tree(root), before, "a CRLF checkout is left as it is");
}

#[test]
fn a_clone_with_autocrlf_gets_lf_files() {
    let dir = scratch();
    let git = |dir: &Path, args: &[&str]| {
        let out = git().args(args).current_dir(dir).output().unwrap();
        assert!(out.status.success(), "git {args:?}: {}", text(&out.stderr));
    };
    git(dir.path(), &["init", "-q"]);
    git(dir.path(), &["add", "-A"]);
    git(dir.path(), &["commit", "-q", "-m", "scratch"]);
    let clone = tempfile::tempdir().unwrap();
    let target = clone.path().join("c");
    git(
        clone.path(),
        &[
            "-c",
            "core.autocrlf=true",
            "clone",
            "-q",
            &dir.path().display().to_string(),
            "c",
        ],
    );
    let page = fs::read(target.join("docs/nuki.md")).unwrap();
    assert!(!page.contains(&b'\r'), ".gitattributes keeps LF");
    assert_fresh(&target);
}

#[test]
fn leftovers_of_the_wrong_kind_are_named_and_stale_staging_is_cleaned() {
    let dir = scratch();
    let root = dir.path();
    // A staged manifest from a killed run is removed by recovery.
    fs::write(root.join("errcodes/.Cargo.toml.new"), "half written").unwrap();
    let out = run(root, &[]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(!root.join("errcodes/.Cargo.toml.new").exists());

    // Something that is not the folder codegen stages is named, and left alone.
    let old = root.join("errcodes/src/.generated.old");
    fs::write(&old, "mine").unwrap();
    let out = run(root, &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains(".generated.old is a file"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(fs::read_to_string(&old).unwrap(), "mine");
    fs::remove_file(&old).unwrap();
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink("/nowhere", &old).unwrap();
        let out = run(root, &[]);
        assert_eq!(out.status.code(), Some(2));
        let said = text(&out.stderr);
        assert!(said.contains(".generated.old is a symbolic link"), "{said}");
        assert!(fs::symlink_metadata(&old).is_ok());
    }
}
