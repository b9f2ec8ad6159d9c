//! Turns validated catalogues into the Rust files of `errcodes/src/generated/`.

use std::collections::{BTreeMap, BTreeSet};

use proc_macro2::{Group, TokenStream, TokenTree};
use quote::{format_ident, quote};

use crate::features;
use crate::markdown::{code, md};
use crate::model::{Action, Catalog, Entry, KeyKind, KeyKindExt, Value, WireFormat, WireFormatExt};
use crate::rows::Rows;
use crate::settings::Settings;
use crate::tables;
use crate::tokens::{index_type, lit, value_literal, variant};

/// One generated module: its path, the file it comes from, and its items.
struct Module {
    path: Vec<String>,
    origin: String,
    body: TokenStream,
}

/// Every module the catalogues make, parents before children.
fn modules(catalogs: &[Catalog], every_file: &str, s: &Settings) -> Vec<Module> {
    let by_id: BTreeMap<Vec<String>, &Catalog> =
        catalogs.iter().map(|c| (c.id.clone(), c)).collect();
    let mut paths: BTreeSet<Vec<String>> = BTreeSet::new();
    for id in by_id.keys() {
        for len in 1..=id.len() {
            paths.insert(id[..len].to_vec());
        }
    }
    paths
        .into_iter()
        .map(|path| {
            let (origin, body) = match by_id.get(&path) {
                Some(catalog) => (catalog.path.clone(), catalog_module(catalog, s)),
                None => (every_file.to_owned(), parent_module(&path, &by_id)),
            };
            Module { path, origin, body }
        })
        .collect()
}

/// Renders the generated folder: `mod.rs` and one file per module, keyed by path relative
/// to the folder. Committed output, read by people: pretty-printed (feature `format`).
pub(crate) fn render(
    catalogs: &[Catalog],
    dir_name: &str,
    s: &Settings,
) -> BTreeMap<String, String> {
    let every_file = format!("the files in {dir_name}/");
    let by_id: BTreeMap<Vec<String>, &Catalog> =
        catalogs.iter().map(|c| (c.id.clone(), c)).collect();
    let modules = modules(catalogs, &every_file, s);
    let mut files = BTreeMap::new();
    for module in &modules {
        let children = children(&modules, &module.path)
            .map(|child| module_decl(&child.path, &by_id, s, quote!(;)));
        let body = &module.body;
        let path = format!("{}.rs", module.path.join("/"));
        let tokens = quote!(#body #(#children)*);
        files.insert(path, finish(&module.origin, tokens, s, COMMITTED));
    }
    let top = children(&modules, &[]).map(|m| module_decl(&m.path, &by_id, s, quote!(;)));
    let root = root_items(&by_id, s);
    files.insert(
        "mod.rs".to_owned(),
        finish(&every_file, quote!(#(#top)* #root), s, COMMITTED),
    );
    files
}

/// Renders every module into one file, nested inline (for `include!` from `OUT_DIR`). Read by
/// the compiler only, so never formatted: the same text whichever features are on.
pub(crate) fn render_single(catalogs: &[Catalog], dir_name: &str, s: &Settings) -> String {
    let every_file = format!("the files in {dir_name}/");
    let by_id: BTreeMap<Vec<String>, &Catalog> =
        catalogs.iter().map(|c| (c.id.clone(), c)).collect();
    let modules = modules(catalogs, &every_file, s);
    fn nested(
        modules: &[Module],
        module: &[String],
        by_id: &BTreeMap<Vec<String>, &Catalog>,
        s: &Settings,
    ) -> Vec<TokenStream> {
        children(modules, module)
            .map(|child| {
                let inner = nested(modules, &child.path, by_id, s);
                let body = &child.body;
                module_decl(&child.path, by_id, s, quote!({ #body #(#inner)* }))
            })
            .collect()
    }
    let top = nested(&modules, &[], &by_id, s);
    let root = root_items(&by_id, s);
    finish(&every_file, quote!(#(#top)* #root), s, plain)
}

/// The direct children of `module` (the top-level modules for `[]`).
fn children<'a>(modules: &'a [Module], module: &'a [String]) -> impl Iterator<Item = &'a Module> {
    modules
        .iter()
        .filter(move |m| m.path.len() == module.len() + 1 && m.path.starts_with(module))
}

/// How committed output is printed. Without feature `format`, nothing public reaches
/// [`render`]: `write_to`, `check` and `generate` are not compiled.
#[cfg(feature = "format")]
const COMMITTED: fn(TokenStream) -> String = pretty;
#[cfg(not(feature = "format"))]
const COMMITTED: fn(TokenStream) -> String = plain;

/// Prints generated code as tokens, one line: for the compiler (build.rs mode).
fn plain(tokens: TokenStream) -> String {
    tokens.to_string()
}

/// Parses and pretty-prints generated code: for the people who review committed output.
#[cfg(feature = "format")]
fn pretty(tokens: TokenStream) -> String {
    // The tokens are the emitter's own, so they parse; were they ever not to, the text is
    // written unformatted and the compiler names the problem in the dependent's build.
    match syn::parse2::<syn::File>(tokens.clone()) {
        Ok(file) => prettyplease::unparse(&file),
        Err(_) => plain(tokens),
    }
}

/// Prints (with `print`) and heads generated code, its runtime paths pointing at
/// [`Settings::runtime`].
fn finish(
    origin: &str,
    tokens: TokenStream,
    s: &Settings,
    print: fn(TokenStream) -> String,
) -> String {
    let text = print(with_runtime(tokens, &s.runtime_tokens()));
    let by = s
        .command
        .as_ref()
        .map_or_else(|| "errcodes-build".to_owned(), |c| format!("`{c}`"));
    format!("// @generated by {by} from {origin}. DO NOT EDIT.\n{text}")
}

/// The emitters write the runtime's paths as `crate::…` (true inside errcodes itself);
/// this puts `runtime` (`::errcodes`) in place of every `crate` followed by `::`. Strings
/// (docs) are literals and are not touched, nor is `pub(crate)`.
fn with_runtime(tokens: TokenStream, runtime: &TokenStream) -> TokenStream {
    let mut out = Vec::new();
    let mut iter = tokens.into_iter().peekable();
    while let Some(tree) = iter.next() {
        match tree {
            TokenTree::Ident(ref ident) if ident == "crate" => {
                let path_follows =
                    matches!(iter.peek(), Some(TokenTree::Punct(p)) if p.as_char() == ':');
                if path_follows {
                    out.extend(runtime.clone());
                } else {
                    out.push(tree);
                }
            }
            TokenTree::Group(group) => {
                let mut inner =
                    Group::new(group.delimiter(), with_runtime(group.stream(), runtime));
                inner.set_span(group.span());
                out.push(TokenTree::Group(inner));
            }
            other => out.push(other),
        }
    }
    out.into_iter().collect()
}

fn root_items(by_id: &BTreeMap<Vec<String>, &Catalog>, s: &Settings) -> TokenStream {
    let paths = by_id.keys().map(|id| {
        let segments = id.iter().map(|s| format_ident!("{s}"));
        let cfg = s.features.then(|| {
            let cfg = features::module_cfg(id, by_id);
            quote!(#[cfg(#cfg)])
        });
        quote!(#cfg &#(#segments)::*::CATALOG)
    });
    let vis = if s.catalogs_pub {
        quote!(pub)
    } else {
        quote!(pub(crate))
    };
    let doc = if s.features {
        " Every catalogue compiled in (one Cargo feature each), sorted by id."
    } else {
        " Every catalogue generated here, sorted by id: for the cross-catalogue lookups."
    };
    quote! {
        #[doc = #doc]
        #vis static CATALOGS: &[&crate::Catalog] = &[#(#paths),*];
    }
}

/// `#[cfg(feature = "nuki-bridge")] pub mod bridge;`, or with a `{ … }` body.
fn module_decl(
    module: &[String],
    by_id: &BTreeMap<Vec<String>, &Catalog>,
    s: &Settings,
    body: TokenStream,
) -> TokenStream {
    let name = format_ident!("{}", module[module.len() - 1]);
    let cfg = s.features.then(|| {
        let cfg = features::module_cfg(module, by_id);
        quote!(#[cfg(#cfg)])
    });
    quote!(#cfg pub mod #name #body)
}

fn parent_module(module: &[String], by_id: &BTreeMap<Vec<String>, &Catalog>) -> TokenStream {
    let mut lines = vec![
        format!("Catalogues under `{}`:", module.join("::")),
        String::new(),
    ];
    for (id, catalog) in by_id
        .iter()
        .filter(|(id, _)| id.len() > module.len() && id.starts_with(module))
    {
        // Relative, so the link holds wherever the modules are included.
        lines.push(format!(
            "- [`{}`](self::{}): {}",
            id.join("::"),
            id[module.len()..].join("::"),
            md(&catalog.title)
        ));
    }
    inner_docs(&lines)
}

fn catalog_module(c: &Catalog, s: &Settings) -> TokenStream {
    let id = c.id_path();
    let n = c.entries.len();
    let text = c.key == KeyKind::Text;
    let key_ty: TokenStream = c.key.rust_type().parse().expect("key types parse");
    // Integer codes are their wire values (`PErrorMaxUser = 0x13`, `#[repr(u8)]`), so `as u8`
    // gives the byte a C port expects; string codes are indices into the tables.
    let repr = if text {
        index_type(n)
    } else {
        format_ident!("{}", c.key.rust_type())
    };
    // In row order (entries are sorted by value): `from_name` reads `Code::ALL[row]`.
    let variants: Vec<_> = c
        .entries
        .iter()
        .map(|e| format_ident!("{}", e.ident))
        .collect();
    let discriminants = c.entries.iter().map(|e| match &e.value {
        Value::Text(_) => quote!(),
        Value::Int(_) => {
            let v = discriminant(c, &e.value);
            quote!(= #v)
        }
    });
    let variant_docs = c.entries.iter().map(|e| variant_doc(c, e));
    let deprecated = c.entries.iter().map(|e| {
        e.deprecated
            .then(|| quote!(#[deprecated = "the vendor retired this code"]))
    });
    let aliases = c.entries.iter().map(|e| {
        let names = std::iter::once(&e.name)
            .chain(&e.aliases)
            .filter(|n| **n != e.ident);
        quote!(#(#[doc(alias = #names)])*)
    });
    let sources = c.sources.iter().map(|s| {
        let (sid, title, url, official) = (&s.id, &s.title, &s.url, s.official);
        quote!(crate::__private::v1::source(#sid, #title, #url, #official))
    });
    let source_count = lit(c.sources.len());
    let absent = c.absent.iter().map(|(value, wire, reason)| {
        let value = runtime_value(c, value);
        quote!(crate::__private::v1::absent(#value, #wire, #reason))
    });
    let columns = columns(c);
    // `Value` spells the absent values only.
    let use_value = (!c.absent.is_empty()).then(|| {
        quote!(
            use crate::Value;
        )
    });
    let module_docs = module_docs(c, s);
    let lookups = tables::lookups(c);
    let names = tables::name_lookup(c);
    let key_kind = variant(c.key);
    let wire = variant(c.wire);
    let slug = features::slug(&c.id);
    let title = &c.title;
    let enum_doc = format!(" A code of the `{id}` catalogue: {}.", md(&c.title));
    let repr_doc = if text {
        " Codes are strings on the wire; `value()` gives the string."
    } else {
        " Each variant's discriminant is its wire value, so `code as KEY` is the value the vendor\n sends (also `KEY::from(code)` and `Code::try_from(value)`)."
    };
    let repr_doc = repr_doc.replace("KEY", c.key.rust_type());
    let repr_doc = repr_doc.split('\n');
    let key_arg = if text {
        quote!(text)
    } else {
        let signedness = if c.key.is_signed() {
            format_ident!("Signed")
        } else {
            format_ident!("Unsigned")
        };
        quote!(int #key_ty, #signedness)
    };
    let n = lit(n);
    quote! {
        #module_docs
        // Retired codes are still catalogued; every `…Parts` literal ends with `..EMPTY` so
        // that fields added to the contract later have defaults, even where none is missing.
        #![allow(deprecated, clippy::needless_update)]

        use crate::{Action, Catalog, KeyKind, ParseError, Source, WireFormat};
        #use_value

        const ID: &str = #id;

        #[doc = #enum_doc]
        ///
        /// Look codes up with the module's functions; every accessor reads the code's row of
        /// the catalogue, which [`Code::entry`] gives as the common record.
        #(#[doc = #repr_doc])*
        #[non_exhaustive]
        #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[repr(#repr)]
        pub enum Code {
            #(#variant_docs #aliases #deprecated #variants #discriminants,)*
        }

        impl Code {
            /// Every code of the catalogue, sorted by wire value.
            pub const ALL: [Code; #n] = [#(Code::#variants),*];
        }

        crate::__private::v1::code!(Code, #key_arg, #wire);

        #lookups

        /// This catalogue, for tools that work across catalogues.
        pub static CATALOG: Catalog = crate::__private::v1::catalog(crate::__private::v1::CatalogParts {
            id: ID,
            slug: #slug,
            title: #title,
            key: KeyKind::#key_kind,
            wire: WireFormat::#wire,
            sources: &SOURCES,
            table: &TABLE,
            absent: &[#(#absent),*],
            by_wire: Some(|text| from_wire(text).map(Code::entry)),
            by_name: Some(|name| from_name(name).map(Code::entry)),
            ..crate::__private::v1::CatalogParts::EMPTY
        });

        static SOURCES: [Source; #source_count] = [#(#sources),*];

        #columns

        #names
    }
}

/// A variant's discriminant: the wire value, in hex for hex catalogues (`0x13`).
fn discriminant(c: &Catalog, value: &Value) -> TokenStream {
    match (value, c.wire) {
        (Value::Int(v), WireFormat::Hex) if *v >= 0 => {
            format!("0x{v:02X}").parse().expect("hex literals parse")
        }
        (
            Value::Int(_) | Value::Text(_),
            WireFormat::Hex | WireFormat::Decimal | WireFormat::Text,
        ) => value_literal(value),
    }
}

/// A value as the runtime's `Value`.
fn runtime_value(c: &Catalog, value: &Value) -> TokenStream {
    match value {
        Value::Int(_) if c.key.is_signed() => {
            let v = value_literal(value);
            quote!(Value::Signed(#v))
        }
        Value::Int(_) => {
            let v = value_literal(value);
            quote!(Value::Unsigned(#v))
        }
        Value::Text(t) => quote!(Value::Text(#t)),
    }
}

/// The entries column by column (`TABLE`, and the columns `code!` reads by name), from the
/// mapping run-time loading uses too ([`Rows`]).
fn columns(c: &Catalog) -> TokenStream {
    let rows = Rows::of(c);
    let key_kind = variant(c.key);
    let values = rows.values.iter().map(|v| match v {
        Value::Int(_) if c.key.is_signed() => {
            let v = value_literal(v);
            quote!(crate::__private::v1::signed(#v))
        }
        _ => value_literal(v),
    });
    let texts = |column: &[&str]| {
        // A column of nothing but `""` (no entry has the optional field) is stored empty.
        let column = if column.iter().all(|t| t.is_empty()) {
            &[][..]
        } else {
            column
        };
        quote!(crate::__private::v1::texts!(#(#column),*))
    };
    let (wires, names, descriptions) = (
        texts(&rows.wires),
        texts(&rows.names),
        texts(&rows.descriptions),
    );
    let (remediations, uncertain) = (texts(&rows.remediations), texts(&rows.uncertain));
    let http: &[u16] = if rows.http_statuses.iter().all(|h| *h == 0) {
        &[]
    } else {
        &rows.http_statuses
    };
    let http_count = lit(http.len());
    let actions = rows.actions.iter().map(|a| action(*a));
    let action_count = lit(rows.actions.len());
    let deprecated: &[bool] = if rows.deprecated.contains(&true) {
        &rows.deprecated
    } else {
        &[]
    };
    let extra_of = rows.extra_of.iter().map(|i| lit(usize::from(*i)));
    let extras = rows.extras.iter().map(|x| {
        let source = lit(x.source());
        let sources = x.sources.iter().map(|i| lit(*i));
        let aliases = x.aliases;
        let device_names = x
            .device_names
            .iter()
            .map(|(n, d)| quote!(crate::__private::v1::device_name(#n, #d)));
        let causes = x.causes.iter().map(|k| {
            let (name, description) = (&k.name, &k.description);
            let remediation = option(k.remediation.as_ref().map(|r| quote!(#r)));
            let action = action(k.action);
            quote!(crate::__private::v1::cause(#name, #description, #remediation, #action))
        });
        quote! {
            crate::__private::v1::extra(crate::__private::v1::ExtraParts {
                source: &SOURCES[#source],
                sources: &[#(&SOURCES[#sources]),*],
                aliases: &[#(#aliases),*],
                device_names: &[#(#device_names),*],
                causes: &[#(#causes),*],
                ..crate::__private::v1::ExtraParts::EMPTY
            })
        }
    });
    quote! {
        static TABLE: crate::__private::v1::Table = crate::__private::v1::table(crate::__private::v1::TableParts {
            id: ID,
            key: KeyKind::#key_kind,
            values: &[#(#values),*],
            wires: &WIRE_TEXTS,
            names: &NAME_TEXTS,
            descriptions: &DESCRIPTION_TEXTS,
            remediations: &REMEDIATION_TEXTS,
            uncertain: &UNCERTAIN_TEXTS,
            http_statuses: &HTTP_STATUSES,
            actions: &ACTIONS,
            deprecated: &[#(#deprecated),*],
            extra_of: &[#(#extra_of),*],
            extras: &[#(#extras),*],
            ..crate::__private::v1::TableParts::EMPTY
        });

        static WIRE_TEXTS: crate::__private::v1::Texts = #wires;
        static NAME_TEXTS: crate::__private::v1::Texts = #names;
        static DESCRIPTION_TEXTS: crate::__private::v1::Texts = #descriptions;
        static REMEDIATION_TEXTS: crate::__private::v1::Texts = #remediations;
        static UNCERTAIN_TEXTS: crate::__private::v1::Texts = #uncertain;
        static HTTP_STATUSES: [u16; #http_count] = [#(#http),*];
        static ACTIONS: [Action; #action_count] = [#(#actions),*];
    }
}

fn option(value: Option<TokenStream>) -> TokenStream {
    match value {
        Some(v) => quote!(Some(#v)),
        None => quote!(None),
    }
}

fn action(action: Action) -> TokenStream {
    let variant = variant(action);
    quote!(Action::#variant)
}

fn module_docs(c: &Catalog, s: &Settings) -> TokenStream {
    let id = c.id_path();
    let mut lines = vec![md(&c.title), String::new()];
    if let Some(d) = &c.description {
        lines.extend(md(d).lines().map(str::to_owned));
        lines.push(String::new());
    }
    lines.push(format!(
        "{} codes, keyed by {} written as {} on the wire. Generated from `{}`.",
        c.entries.len(),
        KeyKindExt::phrase(c.key),
        WireFormatExt::phrase(c.wire),
        c.path
    ));
    let path = s
        .doc_path
        .as_ref()
        .map_or_else(|| id.clone(), |root| format!("{root}::{id}"));
    let m = c.id.last().map_or("", String::as_str);
    // Validation keeps at least one entry, and the example is of the first.
    let Some(first) = c.entries.first() else {
        return quote!(#(#[doc = #lines])*);
    };
    // Wire text as the vendor sends it, then the same code by value and by name.
    let mut example = vec![
        format!("use {path};"),
        String::new(),
        format!("let code = {m}::from_wire({:?})?;", first.wire),
        format!("assert_eq!(code.name(), {:?});", first.name),
        format!("assert_eq!({m}::from_name({:?}), Some(code));", first.name),
    ];
    match &first.value {
        Value::Text(t) => example.push(format!("assert_eq!({m}::from_value({t:?}), Some(code));")),
        Value::Int(_) => {
            let (ty, v) = (c.key.rust_type(), discriminant(c, &first.value));
            example.extend([
                format!("assert_eq!({m}::from_value({v}), Some(code));"),
                format!("assert_eq!(code as {ty}, {v}); // the discriminant is the wire value"),
                format!("assert_eq!({m}::Code::try_from({v}_{ty}), Ok(code));"),
            ]);
        }
    }
    example.extend([
        format!(
            "assert_eq!({:?}.parse::<{m}::Code>(), Ok(code));",
            first.wire
        ),
        format!("# Ok::<(), {}::ParseError>(())", s.runtime_name()),
    ]);
    // Without the modules' path the example cannot be compiled as a doctest.
    let fence = if s.doc_path.is_some() {
        "```"
    } else {
        "```ignore"
    };
    lines.extend([String::new(), fence.to_owned()]);
    lines.extend(example);
    lines.extend([
        "```".to_owned(),
        String::new(),
        "# Sources".to_owned(),
        String::new(),
    ]);
    lines.extend(c.sources.iter().map(|s| {
        let unofficial = if s.official { "" } else { " (unofficial)" };
        format!("- `{}`: [{}](<{}>){unofficial}", s.id, md(&s.title), s.url)
    }));
    inner_docs(&lines)
}

fn variant_doc(c: &Catalog, e: &Entry) -> TokenStream {
    let mut lines = vec![
        format!("{} **{}**", code(&e.wire), md(&e.name)),
        String::new(),
    ];
    lines.extend(md(&e.description).lines().map(str::to_owned));
    if let Some(u) = &e.uncertain {
        lines.extend([String::new(), format!("**Uncertain:** {}", md(u))]);
    }
    lines.push(String::new());
    lines.extend(crate::docs::facts(c, e));
    let lines = lines.iter().map(|l| {
        if l.is_empty() {
            String::new()
        } else {
            format!(" {l}")
        }
    });
    quote!(#(#[doc = #lines])*)
}

fn inner_docs(lines: &[String]) -> TokenStream {
    let lines = lines.iter().map(|l| {
        if l.is_empty() {
            String::new()
        } else {
            format!(" {l}")
        }
    });
    quote!(#(#![doc = #lines])*)
}
