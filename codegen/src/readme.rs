//! The README's catalogue table: one row per catalogue, between two marker lines.

use std::fmt::Write as _;

use errcodes_build::CatalogSummary;

/// The first line of the table's section.
pub const BEGIN: &str = "<!-- @generated catalogues: begin (cargo run -p codegen; DO NOT EDIT) -->";
/// The last line of the table's section.
pub const END: &str = "<!-- @generated catalogues: end -->";

/// The table, its marker lines included.
pub(crate) fn table(catalogs: &[CatalogSummary]) -> String {
    let mut sorted: Vec<&CatalogSummary> = catalogs.iter().collect();
    sorted.sort_by(|a, b| a.id.cmp(&b.id));
    let mut out = format!("{BEGIN}\n| module | title | entries |\n|---|---|---:|\n");
    for c in sorted {
        let _ = writeln!(out, "| `{}` | {} | {} |", c.id, cell(&c.title), c.entries);
    }
    out.push_str(END);
    out
}

/// Catalogue text as a table cell: one line, with every character that can open inline markup
/// backslash-escaped (code, emphasis, links, HTML, entities, cell breaks), so a title becomes
/// no markup at all.
fn cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in word.chars() {
            if "\\`*_[]<>|!~&".contains(c) {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_title_becomes_no_markup() {
        assert_eq!(
            super::cell("a | <b> [x](y)\n  *z*"),
            r"a \| \<b\> \[x\](y) \*z\*"
        );
    }
}
