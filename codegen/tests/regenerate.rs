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
        .parent()
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
            // errcodes-build's staging and old folders, and the temporary files the README
            // and manifest are written through.
            if name.contains(".new-") || name.contains(".old-") || name.ends_with(".codegen-tmp") {
                found.push(name);
            }
        }
    }
    found
}

/// Adds a vendor to the checkout `root` the way catalog/README.md says: the catalogue file
/// (from a good fixture, its id replaced by `id`, every source marked unofficial) and the
/// table of its source in `tests/fixtures/sources/`, one row per value.
fn add_vendor(root: &Path, fixture: &str, id: &str) {
    let yaml = fs::read_to_string(workspace().join("tests/fixtures/good").join(fixture)).unwrap();
    let first = yaml.lines().next().unwrap().to_owned();
    let mut out = String::new();
    let mut values = Vec::new();
    for line in yaml.replacen(&first, &format!("id: {id}"), 1).lines() {
        out.push_str(line);
        out.push('\n');
        if line.starts_with("    url: ") {
            out.push_str("    official: false\n");
        }
        if let Some(v) = line.trim_start().strip_prefix("- value: ") {
            values.push(v.trim().trim_matches('"').to_owned());
        }
    }
    fs::write(root.join(format!("catalog/{id}.yaml")), out).unwrap();
    let rows: String = values.iter().map(|v| format!("~{v}\n")).collect();
    fs::write(
        root.join(format!("tests/fixtures/sources/{id}.txt")),
        format!("# source: https://example.com/{id} (read 2026-12-06)\n\n[{id}]\n{rows}"),
    )
    .unwrap();
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

    // The test holds the runs' lock (on the catalogue folder) while it starts them, so all
    // eight are alive at once and each must say it is waiting (proof that they overlapped and
    // did not run one by one).
    let lock = fs::File::open(dir.path().join("catalog")).unwrap();
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
            if line.contains("waiting for another run") {
                break;
            }
        }
        assert!(
            line.contains("waiting for another run"),
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

/// Whether a run's staging (`.NAME.new-<run>`), backup (`.NAME.old-<run>`) or temporary
/// README or manifest (`.NAME.….codegen-tmp`) is on disk: a run is between its first write and
/// its last rename.
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
        name.starts_with('.')
            && (name.contains(".new-") || name.contains(".old-") || name.ends_with(".codegen-tmp"))
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
fn a_new_vendor_is_its_file_its_table_and_one_run() {
    let dir = scratch();
    let root = dir.path();
    add_vendor(root, "signed_i32/acme.yaml", "acme");
    // Without its source's table the run refuses, naming each value and where to add it.
    fs::rename(
        root.join("tests/fixtures/sources/acme.txt"),
        root.join("acme.txt"),
    )
    .unwrap();
    let before = tree(root);
    let out = run(root, &[]);
    assert_eq!(out.status.code(), Some(1));
    let said = text(&out.stderr);
    assert!(
        said.contains("catalog/acme.yaml:16:12: no table in tests/fixtures/sources/ has a `[acme]` section to confirm `-12`"),
        "{said}"
    );
    assert_eq!(tree(root), before, "nothing was written");
    fs::rename(
        root.join("acme.txt"),
        root.join("tests/fixtures/sources/acme.txt"),
    )
    .unwrap();
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
fn files_that_look_like_leftovers_are_left_alone() {
    let dir = scratch();
    let root = dir.path();
    // A backup made by hand, drafts, and folders named like a killed run's staging: none
    // holds a run's marker, so none is the generator's to remove.
    let mine = [
        (".docs.old/README.md", "my backup"),
        ("errcodes/.Cargo.toml.new", "a draft"),
        (".README.md.new", "a draft"),
        ("errcodes/src/.generated.new/wip.rs", "work in progress"),
        ("errcodes/src/.generated.old", "mine"),
        (
            "errcodes/src/.generated.new-1-2/wip.rs",
            "named like staging",
        ),
        (
            "errcodes/src/.generated.old-1-2/keep.rs",
            "named like a backup",
        ),
    ];
    for (path, content) in mine {
        let path = root.join(path);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, content).unwrap();
    }
    edit(
        &root.join("catalog/nuki.yaml"),
        "description: ",
        "description: (edited) ",
    );
    for args in [&[][..], &[][..], &["--check"][..]] {
        let out = run(root, args);
        assert!(out.status.success(), "{args:?}: {}", text(&out.stderr));
        if args.is_empty() {
            // Those beside an output folder look like leftovers: each is named.
            let said = text(&out.stderr);
            for name in [
                ".docs.old",
                ".generated.new",
                ".generated.old",
                ".generated.new-1-2",
                ".generated.old-1-2",
            ] {
                assert!(said.contains(&format!("{name} alone")), "{name}: {said}");
            }
        }
    }
    for (path, content) in mine {
        assert_eq!(
            fs::read_to_string(root.join(path)).unwrap(),
            content,
            "{path}"
        );
    }
}

/// The markers of the README table and the manifest features count only as whole lines:
/// hand-written text that quotes them is kept byte for byte, and a file with a marker line
/// twice is refused, naming the lines, with nothing written.
#[test]
fn a_quoted_marker_is_kept_and_a_doubled_one_refused() {
    let dir = scratch();
    let root = dir.path();
    let (readme, manifest) = (root.join("README.md"), root.join("errcodes/Cargo.toml"));
    let note = format!(
        "Maintainers: the table below starts at `{}`; leave it alone.\n\n",
        codegen::README_BEGIN
    );
    let original = fs::read_to_string(&readme).unwrap();
    fs::write(&readme, format!("{note}{original}")).unwrap();
    let toml = fs::read_to_string(&manifest).unwrap();
    let comment = format!(
        "# the section between \"{}\" and its end is generated\n",
        codegen::FEATURES_BEGIN
    );
    fs::write(&manifest, format!("{comment}{toml}")).unwrap();
    edit(&root.join("catalog/nuki.yaml"), "title: ", "title: Edited ");
    let out = run(root, &[]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let readme_now = fs::read_to_string(&readme).unwrap();
    assert!(readme_now.starts_with(&note), "the note is kept");
    assert_eq!(
        readme_now.len(),
        note.len() + original.len() + 7,
        "only the title changed"
    );
    assert!(fs::read_to_string(&manifest).unwrap().starts_with(&comment));
    assert_loads(root);
    assert_fresh(root);

    // The begin line twice: refused, naming both lines, nothing written.
    let twice = format!("{}\n{readme_now}", codegen::README_BEGIN);
    fs::write(&readme, &twice).unwrap();
    edit(&root.join("catalog/nuki.yaml"), "title: Edited ", "title: ");
    let before = tree(root);
    let out = run(root, &[]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stdout));
    let said = text(&out.stderr);
    assert!(said.contains("2 times (lines 1, "), "{said}");
    assert_eq!(tree(root), before, "nothing was written");
}

/// The lock a run holds is on the folder around the generated code, so deleting files
/// (`git clean -fX`, which removes ignored lock files) cannot let a second writer in: a run
/// started while the lock is held waits, whatever is deleted meanwhile.
#[cfg(unix)]
#[test]
fn a_run_waits_for_the_lock_whatever_is_deleted() {
    let dir = scratch();
    let root = dir.path();
    let held = fs::File::open(root.join("errcodes/src")).unwrap();
    held.lock().unwrap();
    edit(
        &root.join("catalog/nuki.yaml"),
        "description: ",
        "description: (edited) ",
    );
    let before = tree(&root.join("errcodes/src/generated"));
    let mut child = codegen(root, &[])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Wait until the run says it waits (it validates and renders first).
    let mut stderr = std::io::BufReader::new(child.stderr.take().unwrap());
    let mut said = String::new();
    std::io::BufRead::read_line(&mut stderr, &mut said).unwrap();
    assert!(said.contains("waiting for another run"), "{said}");
    // Whatever a clean of ignored files would remove beside the output.
    for entry in fs::read_dir(root.join("errcodes/src")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "lock") {
            fs::remove_file(path).unwrap();
        }
    }
    std::thread::sleep(std::time::Duration::from_millis(300));
    assert_eq!(
        tree(&root.join("errcodes/src/generated")),
        before,
        "nothing is written while another run holds the lock"
    );
    assert!(
        child.try_wait().unwrap().is_none(),
        "the run is still waiting"
    );
    held.unlock().unwrap();
    let mut rest = String::new();
    std::io::Read::read_to_string(&mut stderr, &mut rest).unwrap();
    assert!(child.wait().unwrap().success(), "{rest}");
    assert_fresh(root);
}

/// `git` in `dir` (see [`git`]).
fn git_in(dir: &Path, args: &[&str]) -> Output {
    git()
        .args(["-c", "init.defaultBranch=main"])
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

fn git_ok(dir: &Path, args: &[&str]) {
    let out = git_in(dir, args);
    assert!(out.status.success(), "git {args:?}: {}", text(&out.stderr));
}

/// Two branches that each add a vendor, merged: the generated code, the error index, the
/// README table and the manifest section all conflict. Once the manifest (the one file cargo
/// must parse to run anything) is taken from either side, one regenerate repairs every other
/// file, conflict markers included, because the generator does not compile the code it
/// repairs.
#[test]
fn a_merge_of_two_new_vendors_is_repaired_by_one_run() {
    let dir = scratch();
    let root = dir.path();
    git_ok(root, &["init", "-q"]);
    git_ok(root, &["add", "-A"]);
    git_ok(root, &["commit", "-qm", "base"]);
    // Ids that sort after every other, so both branches add their lines at the same places.
    for (branch, from, id) in [
        ("a", "signed_i32/acme.yaml", "zacme"),
        ("b", "string_key/sdk.yaml", "zsdk"),
    ] {
        git_ok(root, &["checkout", "-q", "-b", branch, "main"]);
        add_vendor(root, from, id);
        let out = run(root, &[]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        git_ok(root, &["add", "-A"]);
        git_ok(root, &["commit", "-qm", branch]);
    }
    let merge = git_in(root, &["merge", "-q", "a"]);
    assert!(!merge.status.success(), "the two branches conflict");
    let conflicted = text(&git_in(root, &["diff", "--name-only", "--diff-filter=U"]).stdout);
    for file in [
        "errcodes/src/generated/mod.rs",
        "README.md",
        "errcodes/Cargo.toml",
    ] {
        assert!(conflicted.contains(file), "{file} conflicts: {conflicted}");
    }
    // The manifest: cargo must parse it before anything runs, so a side is taken (this one
    // lacks the other branch's feature, which the run adds back).
    git_ok(root, &["checkout", "--ours", "errcodes/Cargo.toml"]);
    let out = run(root, &[]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_fresh(root);
    assert_loads(root);
    let marker = "<<<<<<<".as_bytes();
    for (path, bytes) in tree(root) {
        if path.starts_with("errcodes") || path.starts_with("docs") || path == "README.md" {
            assert!(
                !bytes.windows(marker.len()).any(|w| w == marker),
                "{path} still holds a conflict marker"
            );
        }
    }
    let manifest = fs::read_to_string(root.join("errcodes/Cargo.toml")).unwrap();
    assert!(manifest.contains("\nzacme = []\n") && manifest.contains("\nzsdk = []\n"));
    let modules = fs::read_to_string(root.join("errcodes/src/generated/mod.rs")).unwrap();
    assert!(
        modules.contains("pub mod zacme") && modules.contains("pub mod zsdk"),
        "{modules}"
    );
}

/// The regenerate command does not depend on the runtime it writes into, so a broken
/// generated file cannot stop it from building.
#[test]
fn the_regenerate_command_does_not_build_the_runtime() {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let out = Command::new(cargo)
        .args([
            "tree",
            "-p",
            "codegen",
            "-e",
            "normal,build",
            "--prefix",
            "none",
            "--offline",
        ])
        .current_dir(workspace())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    let tree = text(&out.stdout);
    assert!(tree.contains("errcodes-build v"), "{tree}");
    assert!(
        !tree.lines().any(|l| l.starts_with("errcodes v")),
        "codegen depends on the errcodes runtime:\n{tree}"
    );
}
