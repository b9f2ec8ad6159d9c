//! The run-wide limits that bound the generator's memory (README, "Limits"), tested with the
//! built binary just past each limit. What a run at the limits costs is measured, not tested:
//! `benches/limits.sh` and BENCHMARKS.md ("Memory at the limits").

use std::fmt::Write as _;
use std::fs;
use std::path::Path;
use std::process::Command;

/// A catalogue file `id` of `n` decimal `u32` codes starting at `first`.
fn synthetic(dir: &Path, id: &str, first: usize, n: usize) {
    let mut yaml = format!(
        "id: {id}\ntitle: Synthetic\nkey: u32\nwire: decimal\nsources:\n  - id: S\n    \
         title: Synthetic\n    url: https://example.com/\nentries:\n"
    );
    for v in first..first + n {
        let _ = write!(
            yaml,
            "  - value: {v}\n    name: E_{v}\n    description: Code {v}.\n    action: retry\n    source: S\n"
        );
    }
    fs::write(dir.join(format!("{id}.yaml")), yaml).unwrap();
}

fn codegen(catalog: &Path, out: &Path) -> (Option<i32>, String) {
    let run = Command::new(env!("CARGO_BIN_EXE_codegen"))
        .arg("--catalog")
        .arg(catalog)
        .arg("--out")
        .arg(out)
        .output()
        .unwrap();
    (
        run.status.code(),
        String::from_utf8_lossy(&run.stderr).into_owned(),
    )
}

#[test]
fn one_entry_past_the_run_wide_limit_is_refused_and_nothing_is_written() {
    let scratch = tempfile::tempdir().unwrap();
    let (catalog, out) = (scratch.path().join("catalog"), scratch.path().join("out"));
    fs::create_dir(&catalog).unwrap();
    let half = errcodes_build::MAX_ENTRIES / 2;
    synthetic(&catalog, "a", 0, half);
    synthetic(&catalog, "b", half, errcodes_build::MAX_ENTRIES - half + 1);
    let (code, said) = codegen(&catalog, &out);
    assert_eq!(code, Some(1), "{said}");
    let expected = format!(
        "catalog/b.yaml:10: with this file the catalogue holds {} entries; one run accepts at most {}",
        errcodes_build::MAX_ENTRIES + 1,
        errcodes_build::MAX_ENTRIES
    );
    assert!(said.contains(&expected), "{said}");
    assert!(!out.exists());
}

#[test]
fn files_past_the_run_wide_size_are_refused_by_what_is_read() {
    let scratch = tempfile::tempdir().unwrap();
    let (catalog, out) = (scratch.path().join("catalog"), scratch.path().join("out"));
    fs::create_dir(&catalog).unwrap();
    let half = usize::try_from(errcodes_build::MAX_TOTAL_BYTES / 2).unwrap();
    for name in ["a.yaml", "b.yaml"] {
        // Each file is within the per-file limit; together they are one byte over.
        let mut text = vec![b'#'; half];
        text[half - 1] = b'\n';
        fs::write(catalog.join(name), text).unwrap();
    }
    fs::write(catalog.join("c.yaml"), "#\n").unwrap();
    let (code, said) = codegen(&catalog, &out);
    assert_eq!(code, Some(1), "{said}");
    let total = errcodes_build::MAX_TOTAL_BYTES;
    assert!(
        said.contains(&format!(
            "catalog/c.yaml: with this file the catalogue files hold more than {total} bytes \
             together"
        )),
        "{said}"
    );
    assert!(!out.exists());
}

/// Limits hold on what is read, not on what metadata claims: a catalogue file that is a link
/// to an endless file of length 0 (`/proc/self/pagemap`), or to a device, is refused at once,
/// and so is an output file linked to `/dev/zero` in `--check`.
#[cfg(target_os = "linux")]
#[test]
fn links_to_endless_files_are_refused_not_read() {
    let scratch = tempfile::tempdir().unwrap();
    let (catalog, out) = (scratch.path().join("catalog"), scratch.path().join("out"));
    fs::create_dir(&catalog).unwrap();
    std::os::unix::fs::symlink("/proc/self/pagemap", catalog.join("a.yaml")).unwrap();
    std::os::unix::fs::symlink("/dev/zero", catalog.join("b.yaml")).unwrap();
    let (code, said) = codegen(&catalog, &out);
    assert_eq!(code, Some(1), "{said}");
    assert!(
        said.contains("catalog/b.yaml: is not a regular file"),
        "{said}"
    );
    assert!(said.contains("catalog/a.yaml: "), "{said}");
    assert!(!out.exists());

    // A good catalogue, generated once; then a generated file replaced by a link to /dev/zero.
    fs::remove_file(catalog.join("a.yaml")).unwrap();
    fs::remove_file(catalog.join("b.yaml")).unwrap();
    synthetic(&catalog, "small", 0, 3);
    assert_eq!(codegen(&catalog, &out).0, Some(0));
    fs::remove_file(out.join("small.rs")).unwrap();
    std::os::unix::fs::symlink("/dev/zero", out.join("small.rs")).unwrap();
    let check = Command::new(env!("CARGO_BIN_EXE_codegen"))
        .args(["--check", "--catalog"])
        .arg(&catalog)
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&check.stderr);
    assert_eq!(check.status.code(), Some(1), "{said}");
    assert!(said.contains("small.rs: stale"), "{said}");
}
