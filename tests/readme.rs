//! The README's catalogue table lists every catalogue with its entry count.

#[test]
fn readme_lists_every_catalogue_with_its_count() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../README.md");
    let readme = std::fs::read_to_string(path).unwrap();
    let start = readme
        .find("| module | title | entries |")
        .expect("README has the catalogue table");
    let end = readme[start..]
        .find("<!-- end catalogues -->")
        .expect("table end marker")
        + start;
    let mut expected = String::from("| module | title | entries |\n|---|---|---:|\n");
    for c in errcodes::catalogs() {
        expected.push_str(&format!(
            "| `{}` | {} | {} |\n",
            c.id(),
            c.title(),
            c.entries().len()
        ));
    }
    assert_eq!(
        readme[start..end],
        expected,
        "update the README table to:\n{expected}"
    );
}
