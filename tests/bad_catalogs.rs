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

/// One `#[test]` per committed case folder, named after it, so one failing case does not
/// hide the others. A new case is a folder under `fixtures/bad/` plus its name here;
/// `every_case_folder_has_its_test` fails until the name is added.
macro_rules! committed_cases {
    ($($case:ident,)*) => {
        const COMMITTED: &[&str] = &[$(stringify!($case)),*];
        $(
            #[test]
            fn $case() {
                let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
                    .join("fixtures/bad")
                    .join(stringify!($case));
                check_case(stringify!($case), &dir);
            }
        )*
    };
}

committed_cases! {
    absent_wrong,
    alias_bomb,
    byte_negative,
    byte_string_wire,
    byte_too_large,
    case_only_names,
    cause_action,
    deep_nesting,
    deprecated_maybe,
    desc_blank,
    desc_empty,
    dir_yaml,
    dup_id,
    dup_key,
    dup_name,
    dup_source_id,
    dup_value,
    dup_value_case,
    dup_value_string,
    empty,
    hex_bad_digits,
    hex_in_decimal,
    hex_negative,
    hex_no_prefix,
    http_1000,
    http_42,
    http_99,
    http_in_status,
    http_text,
    i16_too_small,
    id_dash,
    id_keyword,
    id_reserved,
    id_runtime_module,
    id_trailing,
    id_upper,
    ident_collision,
    ident_self,
    ident_shadows_code_item,
    invisible_name,
    many_mistakes,
    many_problems,
    missing_action,
    missing_cause_action,
    missing_desc,
    missing_entries,
    missing_id,
    missing_key,
    missing_name,
    missing_source,
    missing_source_url,
    missing_sources,
    missing_title,
    missing_value,
    missing_wire,
    name_backtick,
    name_control,
    name_digit,
    name_empty,
    name_is_alias,
    name_multiline,
    name_non_ascii,
    name_reads_as_wire,
    name_self,
    no_entries,
    no_yaml_files,
    non_utf8,
    only_comments,
    signed_hex,
    slug_clash,
    sources_empty,
    sources_string,
    string_hex,
    syntax,
    tab_indent,
    text_limits,
    title_list,
    too_many_aliases,
    two_documents,
    two_files,
    u16_too_large,
    u32_too_large,
    unclosed_quote,
    unknown_action,
    unknown_entry_field,
    unknown_file_field,
    unknown_key,
    unknown_source,
    unknown_source_field,
    unknown_wire,
    url_hostile,
    value_null,
}

#[test]
fn every_case_folder_has_its_test() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/bad");
    let mut folders: Vec<String> = fs::read_dir(&fixtures)
        .expect("tests/fixtures/bad exists")
        .map(|e| e.expect("listing fixtures").path())
        .filter(|p| p.is_dir())
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    folders.sort();
    let mut listed: Vec<String> = COMMITTED.iter().map(|&n| n.to_owned()).collect();
    listed.sort();
    assert_eq!(
        folders, listed,
        "each folder under tests/fixtures/bad/ needs its name in committed_cases! (and each \
         name its folder)"
    );
}

/// Over the 32 MiB limit; made at run time (50 MB is not committed).
#[test]
fn too_large() {
    let made = tempfile::tempdir().expect("temp dir");
    check_case("too_large", &make_too_large(made.path()));
}

/// A symlink loop; made at run time (not every checkout keeps symlinks).
#[cfg(unix)]
#[test]
fn symlink_loop() {
    let made = tempfile::tempdir().expect("temp dir");
    check_case("symlink_loop", &make_symlink_loop(made.path()));
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
    let messages: Vec<String> = problems.iter().map(|p| redact_os(&p.to_string())).collect();
    insta::assert_snapshot!(name, messages.join("\n"));

    assert_eq!(tree(&out), before, "{name}: the output folder changed");
    // On Unix the run locks the parent folder itself; elsewhere its lock file
    // (`.generated.lock`) stays, since removing a lock file would race with the next run.
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

/// The operating system's own words for an I/O error (`Too many levels of symbolic links (os
/// error 40)` on Linux; the number and the text differ elsewhere) become `[OS error]`.
fn redact_os(message: &str) -> String {
    match message.find(" (os error ") {
        Some(at) => {
            let start = message[..at].rfind(": ").map_or(0, |i| i + 2);
            format!("{}[OS error]", &message[..start])
        }
        None => message.to_owned(),
    }
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
fn make_too_large(parent: &Path) -> PathBuf {
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
fn make_symlink_loop(parent: &Path) -> PathBuf {
    let dir = parent.join("symlink_loop");
    fs::create_dir(&dir).unwrap();
    std::os::unix::fs::symlink("b.yaml", dir.join("a.yaml")).unwrap();
    std::os::unix::fs::symlink("a.yaml", dir.join("b.yaml")).unwrap();
    dir
}
