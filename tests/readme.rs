//! The README's catalogue table (kept by codegen) lists what the runtime serves.

#[test]
fn readme_lists_every_catalogue_with_its_count() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../README.md");
    let readme = std::fs::read_to_string(path).unwrap();
    let start = readme
        .find("| module | title | entries |")
        .expect("README has the catalogue table");
    let end = readme[start..]
        .find("<!-- @generated catalogues: end -->")
        .expect("table end marker")
        + start;
    let rows: Vec<&str> = readme[start..end].lines().skip(2).collect();
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
