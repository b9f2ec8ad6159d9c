//! The generator is one way through (issue 17, part 4): no two of errcodes-build's files
//! import each other, so load → validate → render → output has no loop back
//! (`codegen/ARCHITECTURE.md`).

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

/// The modules each file of `dir` names through `crate::…` (`use crate::{a, b}` included).
fn imports(dir: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let files: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "rs"))
        .collect();
    let modules: BTreeSet<String> = files
        .iter()
        .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
        .chain(
            fs::read_dir(dir)
                .unwrap()
                .map(|e| e.unwrap().path())
                .filter(|p| p.is_dir())
                .map(|p| p.file_name().unwrap().to_string_lossy().into_owned()),
        )
        .collect();
    let mut out = BTreeMap::new();
    for file in &files {
        let name = file.file_stem().unwrap().to_string_lossy().into_owned();
        let text = fs::read_to_string(file).unwrap();
        let mut named = BTreeSet::new();
        for (i, _) in text.match_indices("crate::") {
            let rest = &text[i + "crate::".len()..];
            let group = match rest.strip_prefix('{') {
                Some(inner) => &inner[..inner.find('}').unwrap_or(inner.len())],
                None => rest,
            };
            let words = group.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'));
            let first_only = !rest.starts_with('{');
            for word in
                words
                    .filter(|w| !w.is_empty())
                    .take(if first_only { 1 } else { usize::MAX })
            {
                if modules.contains(word) && word != name {
                    named.insert(word.to_owned());
                }
            }
        }
        out.insert(name, named);
    }
    out
}

#[test]
fn no_two_files_of_errcodes_build_import_each_other() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../codegen/errcodes-build/src");
    let graph = imports(&dir);
    assert!(
        graph["emit"].contains("tables"),
        "the reader finds imports: {graph:?}"
    );
    let mut loops = Vec::new();
    for (a, named) in &graph {
        for b in named {
            if a < b
                && graph.get(b).is_some_and(|n| n.contains(a))
                && !a.ends_with("tests")
                && !b.ends_with("tests")
            {
                loops.push(format!("{a} <-> {b}"));
            }
        }
    }
    assert!(loops.is_empty(), "files that import each other: {loops:?}");
}
