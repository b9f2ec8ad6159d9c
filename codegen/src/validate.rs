//! Turns a parsed catalogue file into the validated model, reporting every problem it finds.

use std::collections::HashMap;
use std::collections::hash_map::Entry::{Occupied, Vacant};

use crate::diag::{Pos, Sink};
use crate::ident;
use crate::model::{ACTIONS, Catalog, Cause, Entry, KeyKind, Source, Value, WireFormat};
use crate::schema::{self, S, pos};

/// Longest name, alias, ident or string value.
pub const MAX_NAME_LEN: usize = 200;
/// Longest description, remediation or other prose field.
pub const MAX_TEXT_LEN: usize = 4_000;

/// Validates one file. Returns `None` when `sink` received a problem.
pub(crate) fn catalog(file: schema::File, sink: &mut Sink) -> Option<Catalog> {
    let before = sink.found.len();
    let id = module_path(&file.id, sink);
    let title = text(&file.title, "title", MAX_NAME_LEN, sink);
    let description = file
        .description
        .as_ref()
        .and_then(|d| text(d, "description", MAX_TEXT_LEN, sink));
    let key = KeyKind::parse(&file.key.value);
    if key.is_none() {
        let msg = format!(
            "unknown key kind `{}`; expected one of: {}",
            file.key.value,
            KeyKind::NAMES
        );
        sink.at(pos(&file.key), msg);
    }
    let wire = WireFormat::parse(&file.wire.value);
    if wire.is_none() {
        let msg = format!(
            "unknown wire format `{}`; expected one of: {}",
            file.wire.value,
            WireFormat::NAMES
        );
        sink.at(pos(&file.wire), msg);
    }
    if let (Some(key), Some(wire)) = (key, wire) {
        check_key_and_wire(key, wire, &file.wire, sink);
    }
    let sources = sources(&file.sources, sink);
    if file.entries.value.is_empty() {
        sink.at(
            pos(&file.entries),
            "the catalogue has no entries; add at least one under `entries:`",
        );
    }
    let (Some(key), Some(wire)) = (key, wire) else {
        return None;
    };
    let mut entries = entries(&file.entries.value, key, wire, &sources, sink);
    entries.sort_by(|a, b| a.value.cmp(&b.value));
    (sink.found.len() == before).then(|| Catalog {
        path: sink.path.to_owned(),
        id: id.unwrap_or_default(),
        title: title.unwrap_or_default(),
        description,
        key,
        wire,
        sources,
        entries,
    })
}

fn module_path(id: &S<String>, sink: &mut Sink) -> Option<Vec<String>> {
    let segments: Vec<String> = id.value.split("::").map(str::to_owned).collect();
    let problems: Vec<String> = segments
        .iter()
        .filter_map(|s| ident::module_problem(s))
        .collect();
    if let Some(problem) = problems.first() {
        let msg = format!(
            "catalogue id `{}` is not a module path: {problem}",
            id.value
        );
        sink.at(pos(id), msg);
        return None;
    }
    if let Some(reserved) = crate::RESERVED_ROOT_MODULES
        .iter()
        .find(|r| **r == segments[0])
    {
        sink.at(pos(id), format!("catalogue id `{}` starts with `{reserved}`, a name errcodes already uses; choose another", id.value));
        return None;
    }
    Some(segments)
}

fn check_key_and_wire(key: KeyKind, wire: WireFormat, at: &S<String>, sink: &mut Sink) {
    let problem = match (key, wire) {
        (KeyKind::Text, WireFormat::Text) => return,
        (KeyKind::Text, _) => "`key: string` needs `wire: string`",
        (_, WireFormat::Text) => "`wire: string` needs `key: string`",
        (k, WireFormat::Hex) if k.is_signed() => "`wire: hex` needs an unsigned key kind",
        _ => return,
    };
    sink.at(pos(at), problem);
}

/// A required, non-blank, single-purpose text without control characters (newlines allowed).
fn text(s: &S<String>, field: &str, max: usize, sink: &mut Sink) -> Option<String> {
    let value = s.value.trim();
    let problem = if value.is_empty() {
        format!("`{field}` is empty; write what it means in a sentence")
    } else if value.chars().count() > max {
        format!("`{field}` is longer than {max} characters")
    } else if value.chars().any(|c| c.is_control() && c != '\n') {
        format!("`{field}` contains a control character")
    } else {
        return Some(value.to_owned());
    };
    sink.at(pos(s), problem);
    None
}

/// A name-like field: `text` on one line, without backticks (docs quote names in code spans).
fn name(s: &S<String>, field: &str, sink: &mut Sink) -> Option<String> {
    let value = text(s, field, MAX_NAME_LEN, sink)?;
    if value.contains(['\n', '`']) {
        sink.at(
            pos(s),
            format!(
                "`{field}` `{}` must be one line without backticks",
                value.escape_debug()
            ),
        );
        return None;
    }
    Some(value)
}

fn action(s: &S<String>, sink: &mut Sink) -> Option<usize> {
    let found = ACTIONS
        .iter()
        .position(|(spelling, _)| *spelling == s.value);
    if found.is_none() {
        let allowed: Vec<&str> = ACTIONS.iter().map(|(spelling, _)| *spelling).collect();
        let msg = format!(
            "unknown action `{}`; expected one of: {}",
            s.value,
            allowed.join(", ")
        );
        sink.at(pos(s), msg);
    }
    found
}

fn sources(list: &S<Vec<schema::Source>>, sink: &mut Sink) -> Vec<Source> {
    if list.value.is_empty() {
        sink.at(
            pos(list),
            "`sources` is empty; name the document the codes come from",
        );
    }
    let mut seen: HashMap<&str, usize> = HashMap::new();
    let mut out = Vec::new();
    for s in &list.value {
        if let Some(line) = seen.insert(&s.id.value, pos(&s.id).line) {
            sink.at(
                pos(&s.id),
                format!("source id `{}` is already used at line {line}", s.id.value),
            );
        }
        let (id, title, url) = (
            name(&s.id, "id", sink),
            text(&s.title, "title", MAX_NAME_LEN, sink),
            name(&s.url, "url", sink),
        );
        if let (Some(id), Some(title), Some(url)) = (id, title, url) {
            out.push(Source { id, title, url });
        }
    }
    out
}

/// Where each value, name and identifier was first seen, to report duplicates.
#[derive(Default)]
struct Seen<'a> {
    values: HashMap<Value, (&'a str, usize)>,
    names: HashMap<String, usize>,
    idents: HashMap<String, (&'a str, usize)>,
}

fn entries(
    list: &[S<schema::Entry>],
    key: KeyKind,
    wire: WireFormat,
    sources: &[Source],
    sink: &mut Sink,
) -> Vec<Entry> {
    let mut seen = Seen::default();
    list.iter()
        .filter_map(|e| entry(&e.value, key, wire, sources, &mut seen, sink))
        .collect()
}

fn entry<'a>(
    e: &'a schema::Entry,
    key: KeyKind,
    wire: WireFormat,
    sources: &[Source],
    seen: &mut Seen<'a>,
    sink: &mut Sink,
) -> Option<Entry> {
    let before = sink.found.len();
    let name = name(&e.name, "name", sink);
    let value = value(&e.value, key, wire, sink);
    let first = value.as_ref().and_then(|v| {
        first_seen(
            &mut seen.values,
            v.clone(),
            (&e.name.value, pos(&e.value).line),
        )
    });
    if let Some((other, line)) = first {
        let msg = format!(
            "duplicate value `{}`: `{other}` at line {line} already has it",
            e.value.value
        );
        sink.at(pos(&e.value), msg);
    }
    for n in std::iter::once(&e.name).chain(&e.aliases) {
        let key = n.value.trim();
        if key.is_empty() {
            continue;
        }
        if let Some(line) = first_seen(&mut seen.names, key.to_owned(), pos(n).line) {
            sink.at(
                pos(n),
                format!("duplicate name `{key}`: already used at line {line}"),
            );
        }
    }
    let aliases: Vec<String> = e
        .aliases
        .iter()
        .filter_map(|a| self::name(a, "alias", sink))
        .collect();
    let ident = ident_for(e, seen, sink);
    let description = text(&e.description, "description", MAX_TEXT_LEN, sink);
    let remediation = e
        .remediation
        .as_ref()
        .and_then(|r| text(r, "remediation", MAX_TEXT_LEN, sink));
    let http = http(e.http.as_ref(), key, sink);
    let action = action(&e.action, sink);
    let source = sources.iter().position(|s| s.id == e.source.value);
    if source.is_none() {
        let known: Vec<&str> = sources.iter().map(|s| s.id.as_str()).collect();
        let msg = format!(
            "unknown source `{}`; the file's sources are: {}",
            e.source.value,
            known.join(", ")
        );
        sink.at(pos(&e.source), msg);
    }
    let uncertain = e
        .uncertain
        .as_ref()
        .and_then(|u| text(u, "uncertain", MAX_TEXT_LEN, sink));
    let causes: Vec<Cause> = e.causes.iter().filter_map(|c| cause(c, sink)).collect();
    if sink.found.len() != before {
        return None;
    }
    let value = value?;
    Some(Entry {
        wire: wire_text(&value, key, wire),
        value,
        name: name?,
        ident: ident?,
        description: description?,
        remediation,
        http,
        action: action?,
        source: source?,
        aliases,
        deprecated: e.deprecated,
        uncertain,
        causes,
    })
}

/// The value recorded for `key` before, if any; otherwise records `value` and returns `None`.
fn first_seen<K: std::hash::Hash + Eq, V: Copy>(
    map: &mut HashMap<K, V>,
    key: K,
    value: V,
) -> Option<V> {
    match map.entry(key) {
        Occupied(first) => Some(*first.get()),
        Vacant(slot) => {
            slot.insert(value);
            None
        }
    }
}

fn ident_for<'a>(e: &'a schema::Entry, seen: &mut Seen<'a>, sink: &mut Sink) -> Option<String> {
    let (ident, at) = match &e.ident {
        Some(given) => (given.value.clone(), pos(given)),
        None => (ident::variant_for(&e.name.value), pos(&e.name)),
    };
    if e.name.value.trim().is_empty() && e.ident.is_none() {
        return None; // already reported as an empty name
    }
    if let Some(problem) = ident::variant_problem(&ident)
        .or_else(|| ident.is_empty().then(|| "it is empty".to_owned()))
    {
        let origin = if e.ident.is_some() {
            "`ident`".to_owned()
        } else {
            format!("the Rust name for `{}`", e.name.value)
        };
        sink.at(at, format!("{origin} is unusable: {problem}; set `ident:` to an UpperCamelCase name like `MaxUser`"));
        return None;
    }
    if let Some((other, line)) =
        first_seen(&mut seen.idents, ident.clone(), (&e.name.value, at.line))
    {
        let msg = format!(
            "Rust identifier `{ident}` for `{}` collides with `{other}` at line {line}; set `ident:` on one of them",
            e.name.value
        );
        sink.at(at, msg);
        return None;
    }
    Some(ident)
}

fn value(s: &S<String>, key: KeyKind, wire: WireFormat, sink: &mut Sink) -> Option<Value> {
    let raw = s.value.trim();
    let Some((lo, hi)) = key.range() else {
        return name(s, "value", sink).map(Value::Text);
    };
    let parsed = match wire {
        WireFormat::Hex => match raw.strip_prefix("0x").or_else(|| raw.strip_prefix("0X")) {
            Some(digits) if !digits.is_empty() && digits.chars().all(|c| c.is_ascii_hexdigit()) => {
                u128::from_str_radix(digits, 16)
                    .ok()
                    .and_then(|v| i128::try_from(v).ok())
            }
            Some(_) => {
                return fail(
                    sink,
                    s,
                    format!("bad hex value `{raw}`: use 0x followed by hex digits, like 0x1F"),
                );
            }
            None => {
                return fail(
                    sink,
                    s,
                    format!(
                        "value `{raw}` is not hex: write hex values with a 0x prefix, like 0x13"
                    ),
                );
            }
        },
        WireFormat::Decimal | WireFormat::Text => {
            let digits = raw.strip_prefix('-').unwrap_or(raw);
            if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
                return fail(sink, s, format!("value `{raw}` is not a decimal integer"));
            }
            raw.parse::<i128>().ok()
        }
    };
    match parsed {
        Some(v) if (lo..=hi).contains(&v) => Some(Value::Int(v)),
        _ => fail(
            sink,
            s,
            format!("value `{raw}` is out of range for key kind {key:?} ({lo}..={hi})"),
        ),
    }
}

fn fail<T>(sink: &mut Sink, s: &S<String>, message: String) -> Option<T> {
    fail_at(sink, pos(s), message)
}

fn http(h: Option<&S<i64>>, key: KeyKind, sink: &mut Sink) -> Option<u16> {
    let h = h?;
    if key == KeyKind::HttpStatus {
        sink.at(
            pos(h),
            "`http` is not allowed with `key: http_status`: the value is the status; remove it",
        );
        return None;
    }
    match u16::try_from(h.value) {
        Ok(status) if (100..=999).contains(&status) => Some(status),
        _ => fail_at(
            sink,
            pos(h),
            format!("`http` {} is not an HTTP status (100..=999)", h.value),
        ),
    }
}

fn fail_at<T>(sink: &mut Sink, at: Pos, message: String) -> Option<T> {
    sink.at(at, message);
    None
}

fn cause(c: &schema::Cause, sink: &mut Sink) -> Option<Cause> {
    let name = name(&c.name, "name", sink);
    let description = text(&c.description, "description", MAX_TEXT_LEN, sink);
    let remediation = c
        .remediation
        .as_ref()
        .and_then(|r| text(r, "remediation", MAX_TEXT_LEN, sink));
    let action = action(&c.action, sink);
    Some(Cause {
        name: name?,
        description: description?,
        remediation,
        action: action?,
    })
}

/// The value as the vendor documents it: `0x13` for hex bytes, decimal otherwise.
fn wire_text(value: &Value, key: KeyKind, wire: WireFormat) -> String {
    match (value, wire) {
        (Value::Int(v), WireFormat::Hex) if key == KeyKind::Byte => format!("0x{v:02X}"),
        (Value::Int(v), WireFormat::Hex) => format!("0x{v:X}"),
        (Value::Int(v), _) => v.to_string(),
        (Value::Text(t), _) => t.clone(),
    }
}
