//! The READMEs: the top one stays a short start page whose catalogue table (kept by codegen)
//! lists what the runtime serves, and every relative link of the hand-written documents
//! leads to a file. (Their Rust examples are doctests: see `lib.rs`.)

use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn read(path: &str) -> String {
    std::fs::read_to_string(root().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn readme_lists_every_catalogue_with_its_count() {
    let readme = read("README.md");
    let start = readme
        .find("| module | title | entries |")
        .expect("README has the catalogue table");
    // The table's rows: every line starting with `|` after the header and its rule.
    let rows: Vec<&str> = readme[start..]
        .lines()
        .skip(2)
        .take_while(|line| line.starts_with('|'))
        .collect();
    let catalogs = errcodes::catalogs();
    assert_eq!(
        rows.len(),
        catalogs.len(),
        "one row per catalogue: {rows:?}"
    );
    for (row, c) in rows.iter().zip(catalogs) {
        let (id, count) = (
            format!("| `{}` |", c.id()),
            format!("| {} |", c.entries().len()),
        );
        assert!(
            row.starts_with(&id) && row.ends_with(&count),
            "{row} for {}",
            c.id()
        );
    }
}

#[test]
fn readme_has_each_marker_line_once() {
    // The generator finds its section by the marker text: a second copy would be taken for it.
    let readme = read("README.md");
    let markers: Vec<&str> = readme
        .lines()
        .filter(|line| line.contains("@generated catalogues:"))
        .collect();
    assert_eq!(markers.len(), 2, "{markers:?}");
    assert!(
        markers
            .iter()
            .all(|m| m.starts_with("<!--") && m.ends_with("-->"))
    );
}

#[test]
fn readme_is_a_short_start_page() {
    let readme = read("README.md");
    assert!(
        readme.len() <= 12 * 1024,
        "README.md is {} bytes; at most 12 KiB: move detail to cli/README.md, CONTRIBUTING.md \
         or the crate READMEs",
        readme.len()
    );
    // CI and newcomers run these two exactly as written.
    for command in [
        "cargo test --workspace",
        "cargo run -q -p errcodes-cli -- explain",
    ] {
        assert!(readme.contains(command), "README.md names `{command}`");
    }
}

#[test]
fn relative_links_lead_to_files() {
    let documents = [
        "README.md",
        "CONTRIBUTING.md",
        "cli/README.md",
        "catalog/README.md",
        "errcodes/README.md",
        "codegen/errcodes-build/README.md",
    ];
    let mut broken = Vec::new();
    for doc in documents {
        let text = read(doc);
        let dir = root().join(doc).parent().unwrap().to_path_buf();
        for (i, _) in text.match_indices("](") {
            let rest = &text[i + 2..];
            let target = &rest[..rest.find(')').unwrap_or(rest.len())];
            if target.contains("://") || target.starts_with('#') || target.starts_with("mailto:") {
                continue;
            }
            let file = target.split('#').next().unwrap();
            // crates.io shows the published crates' READMEs without the repository around them.
            if doc.starts_with("errcodes/") || doc.starts_with("codegen/") {
                broken.push(format!(
                    "{doc}: {target} (a relative link on a crates.io page)"
                ));
            } else if !dir.join(file).exists() {
                broken.push(format!("{doc}: {target}"));
            }
        }
    }
    assert!(broken.is_empty(), "links to nothing: {broken:?}");
}
