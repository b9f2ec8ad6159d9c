//! README promises that had no test noticing when they broke (issue 21's audit): a hand-written
//! file in the docs folder stops `Builder::compile` and `Builder::write_to`, and nesting past
//! `MAX_DEPTH` is reported as too deep (not as a shape error further on).

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

fn good(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/good")
        .join(name)
}

/// Every file below `dir`, relative path → bytes.
fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut found = BTreeMap::new();
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
                    .into_owned();
                found.insert(rel, fs::read(&path).unwrap());
            }
        }
    }
    found
}

#[test]
fn compile_refuses_a_docs_folder_holding_a_hand_written_file_and_keeps_it() {
    let scratch = tempfile::tempdir().unwrap();
    // A build script writes only below its output folder, the error index included.
    let out = scratch.path().join("out");
    let docs = out.join("docs");
    fs::create_dir_all(&out).unwrap();
    let builder = errcodes_build::Builder::new()
        .catalog_dir(good("byte_hex"))
        .out_dir(&out)
        .docs_dir(&docs);

    // First the pages are written; a second run over its own pages is fine.
    builder.compile().unwrap();
    let pages = tree(&docs);
    assert!(!pages.is_empty(), "no pages were written");
    builder.compile().unwrap();
    assert_eq!(tree(&docs), pages);

    // Then someone keeps notes in the folder: the run refuses, naming the file, and the
    // folder is exactly as it was (notes included).
    fs::write(docs.join("NOTES.md"), "my notes, not generated\n").unwrap();
    let before = tree(&docs);
    let err = builder
        .compile()
        .expect_err("a hand-written file was in the docs folder");
    let shown = err.to_string();
    assert!(
        shown.contains("NOTES.md"),
        "the refusal does not name the file: {shown}"
    );
    assert_eq!(tree(&docs), before, "the docs folder changed");
}

#[test]
fn write_to_refuses_a_folder_holding_a_hand_written_file_and_keeps_it() {
    let scratch = tempfile::tempdir().unwrap();
    let dir = scratch.path().join("codes");
    let builder = errcodes_build::Builder::new().catalog_dir(good("byte_hex"));
    builder.write_to(&dir).unwrap();
    let generated = tree(&dir);
    assert!(!generated.is_empty());

    // A hand-written file, and one that merely mentions the generated mark.
    fs::write(dir.join("mine.rs"), "// written by hand\n").unwrap();
    fs::write(dir.join("notes.rs"), "// notes on the @generated files\n").unwrap();
    let before = tree(&dir);
    let err = builder
        .write_to(&dir)
        .expect_err("mine.rs is not generated");
    let shown = err.to_string();
    assert!(
        shown.contains("mine.rs") && shown.contains("notes.rs"),
        "{shown}"
    );
    assert_eq!(tree(&dir), before, "the folder changed");
}

/// A catalogue whose first entry has an unknown field `notes` nested `levels` lists deep: root
/// mapping, `entries` list and entry mapping are three levels, so the lists start at four. An
/// unknown field's value is skipped whatever its shape, so the parser goes down every list;
/// a known field would stop at the first list where it expects text.
fn nested_notes(levels: usize) -> String {
    let open = "[".repeat(levels);
    let close = "]".repeat(levels);
    format!(
        "id: nuki\ntitle: Nuki codes\nkey: byte\nwire: hex\nsources:\n  - id: W\n    title: Web API\n    \
         url: https://example.com/\nentries:\n  - value: 0x10\n    name: P_ERROR\n    \
         description: Pairing failed.\n    action: retry\n    source: W\n    notes: {open}W{close}\n"
    )
}

fn problems(text: &str) -> Vec<String> {
    let scratch = tempfile::tempdir().unwrap();
    fs::write(scratch.path().join("deep.yaml"), text).unwrap();
    match errcodes_build::Builder::new()
        .catalog_dir(scratch.path())
        .generate()
    {
        Ok(_) => panic!("accepted:\n{text}"),
        Err(problems) => problems.iter().map(ToString::to_string).collect(),
    }
}

#[test]
fn nesting_one_level_past_max_depth_is_reported_as_too_deep() {
    let depth = errcodes_build::MAX_DEPTH;
    let too_deep = format!("nested more than {depth} levels deep");
    // Exactly at the limit: some other problem (`notes` is no field), not the depth.
    let at = problems(&nested_notes(depth - 3));
    assert!(at.iter().all(|p| !p.contains(&too_deep)), "{at:?}");
    // One level more: the depth message, alone, at the list that went past the limit.
    let past = problems(&nested_notes(depth - 2));
    assert_eq!(past.len(), 1, "{past:?}");
    assert!(past[0].contains(&too_deep), "{past:?}");
    // Far past it (what an attacker sends): the same message.
    let far = problems(&nested_notes(10_000));
    assert_eq!(far.len(), 1, "{far:?}");
    assert!(far[0].contains(&too_deep), "{far:?}");
}

/// A build script's `cargo:` lines are one per line, so a catalogue file whose name holds a
/// newline could add a directive of its own (`cargo:rustc-env=…`) to a dependent's build:
/// such a name, and such a catalogue folder, are refused with a message, and nothing is
/// generated.
#[cfg(unix)]
#[test]
fn file_names_that_would_inject_cargo_directives_are_refused() {
    let scratch = tempfile::tempdir().unwrap();
    let (catalog, out) = (scratch.path().join("catalog"), scratch.path().join("out"));
    fs::create_dir_all(&catalog).unwrap();
    fs::create_dir_all(&out).unwrap();
    fs::copy(
        good("byte_hex").join("lock.yaml"),
        catalog.join("lock.yaml"),
    )
    .unwrap();
    fs::copy(
        good("byte_hex").join("lock.yaml"),
        catalog.join("x\ncargo:rustc-env=INJECTED=1\n.yaml"),
    )
    .unwrap();
    let err = errcodes_build::Builder::new()
        .catalog_dir(&catalog)
        .out_dir(&out)
        .compile()
        .expect_err("a file name with newlines was accepted");
    assert!(err.to_string().contains("control characters"), "{err}");
    assert!(!out.join("catalogs.rs").exists());

    let odd_folder = scratch.path().join("cat\nalog");
    fs::create_dir_all(&odd_folder).unwrap();
    fs::copy(
        good("byte_hex").join("lock.yaml"),
        odd_folder.join("lock.yaml"),
    )
    .unwrap();
    let err = errcodes_build::Builder::new()
        .catalog_dir(&odd_folder)
        .out_dir(&out)
        .compile()
        .expect_err("a folder name with a newline was accepted");
    assert!(err.to_string().contains("cargo cannot be told"), "{err}");
    assert!(!out.join("catalogs.rs").exists());
}

/// Hex wire texts as the vendor writes them: a byte always has two digits (`0x0A`), a wider
/// key as many as its value needs (`0xA`). (Mutation pass G found no test of the second.)
#[test]
fn hex_wire_texts_pad_bytes_only() {
    for (key, wire) in [("byte", "0x0A"), ("u16", "0xA")] {
        let yaml = format!(
            "id: w\ntitle: W\nkey: {key}\nwire: hex\nsources:\n  - id: o\n    title: O\n    \
             url: https://example.com/o\nentries:\n  - value: 0xA\n    name: TEN\n    \
             description: Ten.\n    action: none\n    source: o\n"
        );
        let scratch = tempfile::tempdir().unwrap();
        fs::write(scratch.path().join("w.yaml"), yaml).unwrap();
        let generated = errcodes_build::Builder::new()
            .catalog_dir(scratch.path())
            .generate()
            .unwrap();
        let flat: String = generated.files["w.rs"].split_whitespace().collect();
        assert!(
            flat.contains(&format!("texts!(\"{wire}\")")),
            "{key}: {flat}"
        );
    }
}

/// `compile` writes the code a build script includes, over what an earlier build left there,
/// and nothing beside it. (Mutation pass H: no test read the file.)
#[test]
fn compile_replaces_the_code_an_earlier_build_left() {
    let scratch = tempfile::tempdir().unwrap();
    let out = scratch.path().join("out");
    fs::create_dir_all(&out).unwrap();
    fs::write(out.join("catalogs.rs"), "// left by an earlier build\n").unwrap();
    let path = errcodes_build::Builder::new()
        .catalog_dir(good("byte_hex"))
        .out_dir(&out)
        .compile()
        .unwrap();
    assert_eq!(path, out.join("catalogs.rs"));
    let code = fs::read_to_string(&path).unwrap();
    assert!(code.starts_with("// @generated"), "{code}");
    assert!(code.contains("ERROR_UNKNOWN"), "{code}");
    assert_eq!(tree(&out).len(), 1, "{:?}", tree(&out).keys());
}
