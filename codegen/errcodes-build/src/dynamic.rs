//! Catalogues loaded at run time: the same loader and validator as generation, turned into
//! `errcodes::Catalog`s that answer every cross-catalogue query (`errcodes --catalog DIR`).

use std::path::Path;

use errcodes::__private::v1;

use crate::Diagnostic;
use crate::model::{self, KeyKindExt, Value};
use crate::rows::{self, Rows};

/// Reads and validates every `*.yaml` file of `dir` exactly as generation does (same limits,
/// same messages), and builds a runtime catalogue from each, sorted by id.
///
/// The catalogues answer every lookup ([`errcodes::Catalog::lookup`],
/// [`errcodes::lookup_in`], …) by scanning their entries, so nothing is compiled.
///
/// Memory: each catalogue's strings and tables are leaked (`String::leak`, `Box::leak`) to
/// give the `&'static` data `errcodes::Catalog` holds. That suits a command-line tool that
/// loads a folder once per run; a long-running program that reloads should not call this in
/// a loop.
///
/// # Errors
/// Every problem of every file, as `path:line:col: message`, with paths under `dir` as given
/// (`vendor/acme.yaml`, `/tmp/x/acme.yaml`); nothing is leaked then.
pub fn load_catalogs(dir: &Path) -> Result<Vec<&'static errcodes::Catalog>, Vec<Diagnostic>> {
    load_catalogs_beside(dir, &[])
}

/// [`load_catalogs`], also refusing a catalogue whose id or slug one of `served` already
/// has (errcodes' own catalogues, catalogues loaded before): a program that looks codes up
/// by id over all of them would otherwise answer from only one.
///
/// # Errors
/// As [`load_catalogs`]; a clash is reported at the file's `id` line.
pub fn load_catalogs_beside(
    dir: &Path,
    served: &[&errcodes::Catalog],
) -> Result<Vec<&'static errcodes::Catalog>, Vec<Diagnostic>> {
    let shown_in = |mut d: Diagnostic| {
        d.path = shown(dir, &d.path);
        d
    };
    let (_, catalogs) = crate::run::validated(dir, &crate::settings::Settings::dependent())
        .map_err(|found| found.into_iter().map(shown_in).collect::<Vec<_>>())?;
    let clashes: Vec<Diagnostic> = catalogs
        .iter()
        .filter_map(|(c, line)| {
            let (id, slug) = (c.id_path(), crate::features::slug(&c.id));
            let other = served.iter().find(|s| {
                [s.id(), s.slug()]
                    .iter()
                    .any(|name| *name == id || *name == slug)
            })?;
            let message = format!(
                "catalogue id `{id}` (slug `{slug}`) is already taken by the catalogue `{}` \
                 ({}) served beside it; give this catalogue another id",
                other.id(),
                other.title()
            );
            Some(shown_in(Diagnostic::at(&c.path, *line, 0, message)))
        })
        .collect();
    if !clashes.is_empty() {
        return Err(clashes);
    }
    let mut built: Vec<&'static errcodes::Catalog> =
        catalogs.iter().map(|(c, _)| build(c)).collect();
    built.sort_by_key(|c| c.id());
    Ok(built)
}

/// A message path (`folder/acme.yaml`, the form the generator prints) as under `dir`.
fn shown(dir: &Path, path: &str) -> String {
    let folder = dir.file_name().map(|n| n.to_string_lossy().into_owned());
    let file = folder
        .as_deref()
        .and_then(|folder| path.strip_prefix(folder))
        .and_then(|rest| rest.strip_prefix('/'));
    match file {
        Some(file) => dir.join(file).display().to_string(),
        None if folder.as_deref() == Some(path) => dir.display().to_string(),
        None => path.to_owned(),
    }
}

fn leak(text: &str) -> &'static str {
    text.to_owned().leak()
}

fn leak_all<T>(items: Vec<T>) -> &'static [T] {
    Box::leak(items.into_boxed_slice())
}

/// A validated value as the runtime holds it.
fn runtime_value(c: &model::Catalog, value: &Value) -> errcodes::Value {
    match value {
        Value::Int(_) if c.key.is_signed() => {
            errcodes::Value::Signed(rows::value_bits(value).cast_signed())
        }
        Value::Int(_) => errcodes::Value::Unsigned(rows::value_bits(value)),
        Value::Text(t) => errcodes::Value::Text(leak(t)),
    }
}

/// One text column: the texts end to end, leaked, and where each starts and ends.
fn texts(column: &[&str]) -> &'static v1::Texts {
    let mut bounds = Vec::with_capacity(column.len() + 1);
    bounds.push(0);
    let mut text = String::new();
    for t in column {
        text.push_str(t);
        // Within MAX_TOTAL_BYTES (32 MiB) of catalogue text; saturating keeps it total.
        bounds.push(u32::try_from(text.len()).unwrap_or(u32::MAX));
    }
    Box::leak(Box::new(v1::Texts::new(leak(&text), leak_all(bounds))))
}

/// The runtime catalogue of a validated one, with the columns generated code would give it
/// ([`Rows`], the same mapping), found by scanning its entries.
fn build(c: &model::Catalog) -> &'static errcodes::Catalog {
    let id = leak(&c.id_path());
    let key = rt_same(
        errcodes::KeyKind::ALL,
        errcodes::KeyKind::as_str,
        c.key.as_str(),
    );
    let sources: &'static [errcodes::Source] = leak_all(
        c.sources
            .iter()
            .map(|s| v1::source(leak(&s.id), leak(&s.title), leak(&s.url), s.official))
            .collect(),
    );
    let rows = Rows::of(c);
    let extras = rows
        .extras
        .iter()
        .map(|x| {
            let cited = |i: usize| sources.get(i).unwrap_or(v1::ExtraParts::EMPTY.source);
            v1::extra(v1::ExtraParts {
                source: cited(x.source()),
                sources: leak_all(x.sources.iter().map(|i| cited(*i)).collect()),
                aliases: leak_all(x.aliases.iter().map(|a| leak(a)).collect()),
                device_names: leak_all(
                    x.device_names
                        .iter()
                        .map(|(name, device)| v1::device_name(leak(name), leak(device)))
                        .collect(),
                ),
                causes: leak_all(
                    x.causes
                        .iter()
                        .map(|k| {
                            let fix = k.remediation.as_deref().map(leak);
                            v1::cause(
                                leak(&k.name),
                                leak(&k.description),
                                fix,
                                rt_action(k.action),
                            )
                        })
                        .collect(),
                ),
            })
        })
        .collect();
    let table: &'static v1::Table = Box::leak(Box::new(v1::table(v1::TableParts {
        id,
        key,
        values: leak_all(rows.values.iter().map(|v| rows::value_bits(v)).collect()),
        wires: texts(&rows.wires),
        names: texts(&rows.names),
        descriptions: texts(&rows.descriptions),
        remediations: texts(&rows.remediations),
        uncertain: texts(&rows.uncertain),
        http_statuses: leak_all(rows.http_statuses.clone()),
        actions: leak_all(rows.actions.iter().map(|a| rt_action(*a)).collect()),
        deprecated: leak_all(rows.deprecated.clone()),
        extra_of: leak_all(rows.extra_of.clone()),
        extras: leak_all(extras),
    })));
    Box::leak(Box::new(v1::catalog(v1::CatalogParts {
        id,
        slug: leak(&crate::features::slug(&c.id)),
        title: leak(&c.title),
        key,
        wire: rt_same(
            errcodes::WireFormat::ALL,
            errcodes::WireFormat::as_str,
            c.wire.as_str(),
        ),
        sources,
        table,
        entries: &[],
        absent: leak_all(
            c.absent
                .iter()
                .map(|(v, wire, reason)| v1::absent(runtime_value(c, v), leak(wire), leak(reason)))
                .collect(),
        ),
        by_wire: None,
        by_name: None,
    })))
}

/// The runtime's value spelled `name` (the vocabulary tests prove each spelling of the
/// generator's copy exists in the runtime).
fn rt_same<T: Copy, const N: usize>(all: [T; N], as_str: fn(T) -> &'static str, name: &str) -> T {
    all.into_iter()
        .find(|t| as_str(*t) == name)
        .expect("the generator's vocabulary is the runtime's (src/vocab tests)")
}

fn rt_action(a: crate::model::Action) -> errcodes::Action {
    rt_same(errcodes::Action::ALL, errcodes::Action::as_str, a.as_str())
}
