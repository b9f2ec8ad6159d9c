//! `codegen::ROOT_NAMES` (the ids no catalogue of errcodes' own may start with) is
//! exactly what the runtime's `lib.rs` declares or imports at its root, its dependencies,
//! `core`, `alloc` and `std`: a new root item the list misses fails here, before a catalogue can shadow it.

fn use_names(tree: &syn::UseTree, names: &mut Vec<String>) {
    match tree {
        syn::UseTree::Path(p) => use_names(&p.tree, names),
        syn::UseTree::Name(n) => names.push(n.ident.to_string()),
        syn::UseTree::Rename(r) => names.push(r.rename.to_string()),
        syn::UseTree::Group(g) => g.items.iter().for_each(|t| use_names(t, names)),
        syn::UseTree::Glob(_) => {}
    }
}

#[test]
fn root_names_are_what_lib_rs_declares() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../errcodes/src/lib.rs");
    let file = syn::parse_file(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut names: Vec<String> = ["core", "alloc", "std"].map(str::to_owned).to_vec();
    for item in &file.items {
        let ident = match item {
            syn::Item::Mod(m) => Some(&m.ident),
            syn::Item::Fn(f) => Some(&f.sig.ident),
            syn::Item::Struct(s) => Some(&s.ident),
            syn::Item::Enum(e) => Some(&e.ident),
            syn::Item::Trait(t) => Some(&t.ident),
            syn::Item::Type(t) => Some(&t.ident),
            syn::Item::Const(c) => Some(&c.ident),
            syn::Item::Static(s) => Some(&s.ident),
            syn::Item::Macro(m) => m.ident.as_ref(),
            syn::Item::ExternCrate(c) => Some(c.rename.as_ref().map_or(&c.ident, |r| &r.1)),
            syn::Item::Use(u) => {
                use_names(&u.tree, &mut names);
                None
            }
            _ => None,
        };
        names.extend(ident.map(ToString::to_string));
    }
    // Exported macros live at the root too.
    let macros = concat!(env!("CARGO_MANIFEST_DIR"), "/../errcodes/src/code_impl.rs");
    let macros = syn::parse_file(&std::fs::read_to_string(macros).unwrap()).unwrap();
    for item in &macros.items {
        if let syn::Item::Macro(m) = item
            && m.attrs.iter().any(|a| a.path().is_ident("macro_export"))
        {
            names.extend(m.ident.as_ref().map(ToString::to_string));
        }
    }
    // The runtime's dependencies are crate names in scope at its root.
    let manifest = concat!(env!("CARGO_MANIFEST_DIR"), "/../errcodes/Cargo.toml");
    let manifest = std::fs::read_to_string(manifest).unwrap();
    let deps = manifest
        .split("\n[dependencies]\n")
        .nth(1)
        .unwrap_or_default()
        .split("\n[")
        .next()
        .unwrap_or_default();
    names.extend(
        deps.lines()
            .filter_map(|l| l.split_once(" = "))
            .map(|(name, _)| name.trim().replace('-', "_"))
            .filter(|name| !name.starts_with('#')),
    );
    names.sort();
    names.dedup();
    let mut listed: Vec<String> = codegen::ROOT_NAMES
        .iter()
        .map(|n| (*n).to_owned())
        .collect();
    listed.sort();
    let missing: Vec<&String> = names.iter().filter(|n| !listed.contains(n)).collect();
    assert!(missing.is_empty(), "add to ROOT_NAMES: {missing:?}");
    let extra: Vec<&String> = listed.iter().filter(|n| !names.contains(n)).collect();
    assert!(extra.is_empty(), "no longer at the root: {extra:?}");
}
