//! Catalogues loaded at run time: the same loader and validator as generation, turned into
//! `errcodes::Catalog`s that answer every cross-catalogue query (`errcodes --catalog DIR`).

use std::path::Path;

use errcodes::__private::{self as rt, EntryParts, ScanParts};

use crate::Diagnostic;
use crate::model::{self, KeyKindExt, Value};

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

/// The runtime catalogue of a validated one, with the fields generated code would give it.
/// A validated value as the runtime holds it.
fn runtime_value(c: &model::Catalog, value: &Value) -> errcodes::Value {
    match value {
        Value::Int(v) if c.key.is_signed() => errcodes::Value::Signed(
            i64::try_from(*v).expect("validated: the value fits its key kind"),
        ),
        Value::Int(v) => errcodes::Value::Unsigned(
            u64::try_from(*v).expect("validated: the value fits its key kind"),
        ),
        Value::Text(t) => errcodes::Value::Text(leak(t)),
    }
}

fn build(c: &model::Catalog) -> &'static errcodes::Catalog {
    let id = leak(&c.id_path());
    let sources: &'static [errcodes::Source] = leak_all(
        c.sources
            .iter()
            .map(|s| rt::source(leak(&s.id), leak(&s.title), leak(&s.url), s.official))
            .collect(),
    );
    let entries = c.entries.iter().map(|e| {
        let value = runtime_value(c, &e.value);
        rt::entry(EntryParts {
            catalog: id,
            value,
            wire: leak(&e.wire),
            name: leak(&e.name),
            aliases: leak_all(e.aliases.iter().map(|a| leak(a)).collect()),
            description: leak(&e.description),
            remediation: e.remediation.as_deref().map(leak),
            http_status: e.http,
            action: rt_action(e.action),
            source: &sources[e.source],
            sources: leak_all(e.all_sources().map(|i| &sources[i]).collect()),
            device_names: leak_all(
                e.device_names
                    .iter()
                    .map(|(name, device)| rt::device_name(leak(name), leak(device)))
                    .collect(),
            ),
            causes: leak_all(
                e.causes
                    .iter()
                    .map(|k| {
                        let fix = k.remediation.as_deref().map(leak);
                        rt::cause(
                            leak(&k.name),
                            leak(&k.description),
                            fix,
                            rt_action(k.action),
                        )
                    })
                    .collect(),
            ),
            deprecated: e.deprecated,
            uncertain: e.uncertain.as_deref().map(leak),
        })
    });
    Box::leak(Box::new(rt::scan_catalog(ScanParts {
        id,
        slug: leak(&crate::features::slug(&c.id)),
        title: leak(&c.title),
        key: rt_same(
            errcodes::KeyKind::ALL,
            errcodes::KeyKind::as_str,
            c.key.as_str(),
        ),
        wire: rt_same(
            errcodes::WireFormat::ALL,
            errcodes::WireFormat::as_str,
            c.wire.as_str(),
        ),
        sources,
        entries: leak_all(entries.collect()),
        absent: leak_all(
            c.absent
                .iter()
                .map(|(v, wire, reason)| rt::absent(runtime_value(c, v), leak(wire), leak(reason)))
                .collect(),
        ),
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
