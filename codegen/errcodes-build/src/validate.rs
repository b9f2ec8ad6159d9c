//! Turns a parsed catalogue file into the validated model, reporting every problem it finds.

use std::collections::HashMap;
use std::collections::hash_map::Entry::{Occupied, Vacant};

use crate::diag::{Pos, Sink};
use crate::ident;
use crate::model::{
    Action, Catalog, Cause, Entry, KeyKind, KeyKindExt, Source, Value, WireFormat, WireFormatExt,
    spellings,
};
use crate::schema::{self, Spanned};
use crate::vocab;

/// Longest name, alias, ident or string value.
pub const MAX_NAME_LEN: usize = 200;
/// Longest description, remediation or other prose field.
pub const MAX_TEXT_LEN: usize = 4_000;
/// Most entries in all catalogue files of one run together: the generator's memory grows by
/// about 37 KB an entry, so this keeps a run under 2 GB (BENCHMARKS.md, "Memory at the
/// limits"); the real catalogue has a few hundred.
pub const MAX_ENTRIES: usize = 50_000;
// Checked across files when they are assembled (lib.rs), before any is validated.

/// Validates one file. Returns `None` when `sink` received a problem.
pub(crate) fn catalog(file: schema::File, reserved: &[String], sink: &mut Sink) -> Option<Catalog> {
    let before = sink.found.len();
    report(&file.problems, sink);
    let id = file
        .id
        .as_ref()
        .and_then(|id| module_path(id, reserved, sink));
    let title = file
        .title
        .as_ref()
        .and_then(|t| text(t, "title", MAX_NAME_LEN, sink));
    let description = file
        .description
        .as_ref()
        .and_then(|d| text(d, "description", MAX_TEXT_LEN, sink));
    let key = file.key.as_ref().and_then(|k| {
        let found = KeyKind::parse(&k.value);
        if found.is_none() {
            let msg = format!(
                "unknown key kind `{}`; expected one of: {}",
                k.value,
                spellings(&KeyKind::ALL, KeyKind::as_str)
            );
            sink.at(k.at, msg);
        }
        found
    });
    let wire = file.wire.as_ref().and_then(|w| {
        let found = WireFormat::parse(&w.value);
        if found.is_none() {
            let msg = format!(
                "unknown wire format `{}`; expected one of: {}",
                w.value,
                spellings(&WireFormat::ALL, WireFormat::as_str)
            );
            sink.at(w.at, msg);
        }
        found.map(|found| (found, w))
    });
    let fits = match (key, wire) {
        (Some(key), Some((wire, at))) => key_and_wire_fit(key, wire, at, sink),
        _ => false,
    };
    let sources = file
        .sources
        .as_ref()
        .map(|list| sources(list, sink))
        .unwrap_or_default();
    let listed = file.entries.as_ref();
    if let Some(list) = listed.filter(|l| l.value.is_empty()) {
        sink.at(
            list.at,
            "the catalogue has no entries; add at least one under `entries:`",
        );
    }
    // Entry values cannot be read without a usable key kind and wire format.
    let (Some(key), Some((wire, _)), true, Some(listed)) = (key, wire, fits, listed) else {
        return None;
    };
    let file_kind = Kind {
        key,
        wire,
        key_name: file.key.as_ref().map_or("", |k| k.value.as_str()),
        sources: file
            .sources
            .iter()
            .flat_map(|s| &s.value)
            .filter_map(|s| s.id.as_ref())
            .map(|id| id.value.as_str())
            .collect(),
    };
    let mut entries = entries(&listed.value, &file_kind, sink);
    entries.sort_by(|a, b| a.value.cmp(&b.value));
    let absent = absent(&file.absent, &entries, &file_kind, sink);
    // Any distinct names and string values get lookup tables (`layout::text_layout`, down to
    // a sorted table when two share even their full 64-bit key): nothing to check here.
    (sink.found.len() == before).then(|| Catalog {
        path: sink.path.to_owned(),
        id: id.unwrap_or_default(),
        title: title.unwrap_or_default(),
        description,
        key,
        wire,
        sources,
        entries,
        absent,
    })
}

/// The values the file says are not codes: well-formed, unique, no entry's value, each
/// with a reason.
fn absent(
    list: &[schema::Absent],
    entries: &[Entry],
    kind: &Kind,
    sink: &mut Sink,
) -> Vec<(Value, String, String)> {
    let mut out: Vec<(Value, String, String)> = Vec::new();
    for a in list {
        report(&a.problems, sink);
        let reason = a
            .reason
            .as_ref()
            .and_then(|r| text(r, "reason", MAX_TEXT_LEN, sink));
        let Some((at, value)) = a
            .value
            .as_ref()
            .and_then(|v| self::value(v, kind, sink).map(|value| (v, value)))
        else {
            continue;
        };
        if let Some(e) = entries.iter().find(|e| e.value == value) {
            let msg = format!(
                "`{}` is the value of the entry `{}`; a value is either a code or absent",
                at.value.trim(),
                e.name
            );
            sink.at(at.at, msg);
        } else if out.iter().any(|(v, _, _)| *v == value) {
            sink.at(
                at.at,
                format!("`{}` is listed twice under `absent`", at.value.trim()),
            );
        } else if let Some(reason) = reason {
            out.push((
                value.clone(),
                wire_text(&value, kind.key, kind.wire),
                reason,
            ));
        }
    }
    out.sort();
    out
}

fn module_path(id: &Spanned<String>, reserved: &[String], sink: &mut Sink) -> Option<Vec<String>> {
    let segments: Vec<String> = id.value.split("::").map(str::to_owned).collect();
    let problems: Vec<String> = segments
        .iter()
        .filter_map(|s| {
            if s.is_empty() {
                Some("it has an empty segment; join snake_case names with single `::`".to_owned())
            } else {
                ident::module_problem(s)
            }
        })
        .collect();
    if let Some(problem) = problems.first() {
        let msg = format!(
            "catalogue id `{}` is not a module path: {problem}",
            id.value
        );
        sink.at(id.at, msg);
        return None;
    }
    if let Some(reserved) = reserved.iter().find(|r| segments.first() == Some(*r)) {
        sink.at(id.at, format!("catalogue id `{}` starts with `{reserved}`, a name errcodes already uses; choose another", id.value));
        return None;
    }
    Some(segments)
}

/// Whether `key` and `wire` go together; reports at `at` when they do not.
fn key_and_wire_fit(key: KeyKind, wire: WireFormat, at: &Spanned<String>, sink: &mut Sink) -> bool {
    let problem = match (key, wire) {
        (KeyKind::Text, WireFormat::Text) => return true,
        (KeyKind::Text, WireFormat::Hex | WireFormat::Decimal) => {
            "`key: string` needs `wire: string`"
        }
        (_, WireFormat::Text) => "`wire: string` needs `key: string`",
        (k, WireFormat::Hex) if k.is_signed() => "`wire: hex` needs an unsigned key kind",
        (_, WireFormat::Hex | WireFormat::Decimal) => return true,
    };
    sink.at(at.at, problem);
    false
}

/// A required, non-blank, single-purpose text without control characters (newlines allowed).
fn text(s: &Spanned<String>, field: &str, max: usize, sink: &mut Sink) -> Option<String> {
    let value = s.value.trim();
    let control = value
        .chars()
        .find(|c| (c.is_control() && *c != '\n') || is_bidi_control(*c));
    let problem = if value.is_empty() && s.value.is_empty() {
        format!("`{field}` is empty")
    } else if value.is_empty() {
        format!("`{field}` is blank (only whitespace)")
    } else if value.chars().count() > max {
        format!("`{field}` is longer than {max} characters")
    } else if let Some(c) = control {
        format!(
            "`{field}` contains the control character U+{:04X}; remove it",
            u32::from(c)
        )
    } else {
        return Some(value.to_owned());
    };
    sink.at(s.at, problem);
    None
}

/// A name-like field: `text` on one line, without backticks (docs quote names in code spans)
/// and without invisible characters (two names must not look alike yet differ).
fn name(s: &Spanned<String>, field: &str, sink: &mut Sink) -> Option<String> {
    let value = text(s, field, MAX_NAME_LEN, sink)?;
    let invisible = value.chars().find(|c| is_invisible(*c));
    let problem = if value.contains('\n') {
        "must be a single line".to_owned()
    } else if value.contains('`') {
        "must not contain backticks (docs quote names in code spans)".to_owned()
    } else if let Some(c) = invisible {
        format!(
            "contains the invisible character U+{:04X}; names may hold visible characters and plain spaces only",
            u32::from(c)
        )
    } else {
        return Some(value);
    };
    sink.at(s.at, format!("`{field}` {value:?} {problem}"));
    None
}

/// Characters that reorder the text around them (the "Trojan Source" controls).
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Whitespace other than a plain space, and Unicode's default-ignorable code points
/// (zero-width spaces and joiners, soft hyphen, variation selectors, tags…): nothing a
/// reader sees, so nothing a name may hold.
fn is_invisible(c: char) -> bool {
    (c.is_whitespace() && c != ' ')
        || is_bidi_control(c)
        || matches!(c,
            '\u{00AD}' | '\u{034F}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}'
            | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200D}' | '\u{2060}'..='\u{206F}'
            | '\u{3164}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}' | '\u{FFA0}'
            | '\u{FFF0}'..='\u{FFF8}' | '\u{1BCA0}'..='\u{1BCA3}' | '\u{1D173}'..='\u{1D17A}'
            | '\u{E0000}'..='\u{E0FFF}')
}

/// A source URL: `http(s)://` and nothing that could end a Markdown link early.
fn url(s: &Spanned<String>, sink: &mut Sink) -> Option<String> {
    let value = name(s, "url", sink)?;
    let bad = value
        .chars()
        .find(|c| c.is_whitespace() || matches!(c, '<' | '>' | '"' | '\\' | '`'));
    let problem = if !(value.starts_with("https://") || value.starts_with("http://")) {
        "must start with https:// (or http://)".to_owned()
    } else if let Some(c) = bad {
        format!("must not contain {c:?}; percent-encode it")
    } else {
        return Some(value);
    };
    sink.at(s.at, format!("`url` {value:?} {problem}"));
    None
}

fn action(s: &Spanned<String>, sink: &mut Sink) -> Option<Action> {
    let found = Action::from_name(&s.value);
    if found.is_none() {
        let allowed = spellings(&Action::ALL, Action::as_str);
        sink.at(
            s.at,
            format!("unknown action `{}`; expected one of: {allowed}", s.value),
        );
    }
    found
}

fn sources(list: &Spanned<Vec<schema::Source>>, sink: &mut Sink) -> Vec<Source> {
    if list.value.is_empty() {
        sink.at(
            list.at,
            "`sources` is empty; name the document the codes come from",
        );
    }
    let mut seen: HashMap<&str, usize> = HashMap::new();
    let mut out = Vec::new();
    for s in &list.value {
        report(&s.problems, sink);
        if let Some(id) = &s.id
            && let Some(line) = seen.insert(&id.value, id.at.line)
        {
            sink.at(
                id.at,
                format!("source id `{}` is already used at line {line}", id.value),
            );
        }
        let (id, title, url) = (
            s.id.as_ref().and_then(|id| name(id, "id", sink)),
            s.title
                .as_ref()
                .and_then(|t| text(t, "title", MAX_NAME_LEN, sink)),
            s.url.as_ref().and_then(|u| url(u, sink)),
        );
        let official = s.official.as_ref().is_none_or(|o| o.value);
        if let (Some(id), Some(title), Some(url)) = (id, title, url) {
            out.push(Source {
                id,
                title,
                url,
                official,
            });
        }
    }
    out
}

/// What the entries of one file are checked against.
struct Kind<'a> {
    key: KeyKind,
    wire: WireFormat,
    /// `key` as the file spells it, for messages.
    key_name: &'a str,
    /// The ids of the file's sources, in order.
    sources: Vec<&'a str>,
}

/// Where each value, name and identifier was first seen, to report duplicates.
#[derive(Default)]
struct Seen<'a> {
    /// Value -> (entry name, line, value as written).
    values: HashMap<Value, (&'a str, usize, &'a str)>,
    /// Lowercased name or alias -> (line, whether it was an alias, the name as written, the
    /// line of its entry's name).
    names: HashMap<String, (usize, bool, &'a str, usize)>,
    idents: HashMap<String, (&'a str, usize)>,
}

fn entries(list: &[Spanned<schema::Entry>], kind: &Kind, sink: &mut Sink) -> Vec<Entry> {
    let mut seen = Seen::default();
    let entries: Vec<Entry> = list
        .iter()
        .enumerate()
        .filter_map(|(n, e)| entry(n, &e.value, kind, &mut seen, sink))
        .collect();
    hidden_names(list, &entries, kind, sink);
    entries
}

/// Lookups read text as a wire value first and as a name only when no code has that value,
/// so a name or alias that reads as another entry's wire value (`E1` beside 0xE1 in a hex
/// catalogue) could never be found by name: refused at the name.
fn hidden_names(list: &[Spanned<schema::Entry>], entries: &[Entry], kind: &Kind, sink: &mut Sink) {
    let wire_value = |text: &str| -> Option<Value> {
        match kind.key.range() {
            Some((lo, hi)) => vocab::read_wire(text, kind.wire, lo, hi).map(Value::Int),
            None => Some(Value::Text(text.to_owned())),
        }
    };
    let owner_of = |value: &Value| entries.iter().find(|e| &e.value == value);
    for e in list {
        let e = &e.value;
        let own = e.name.as_ref().and_then(|n| {
            entries
                .iter()
                .find(|built| built.name == n.value.trim())
                .map(|built| &built.value)
        });
        let names = e
            .name
            .iter()
            .chain(&e.aliases)
            .chain(e.device_names.iter().filter_map(|d| d.name.as_ref()));
        for n in names {
            let text = n.value.trim();
            let Some(other) = wire_value(text).and_then(|v| owner_of(&v)) else {
                continue;
            };
            if Some(&other.value) == own {
                continue;
            }
            sink.at(
                n.at,
                format!(
                    "`{text}` reads as the wire value of `{}` ({}), so a lookup of `{text}` \
                     finds that code and never this name; rename it",
                    other.name, other.wire
                ),
            );
        }
    }
}

fn entry<'a>(
    index: usize,
    e: &'a schema::Entry,
    kind: &Kind,
    seen: &mut Seen<'a>,
    sink: &mut Sink,
) -> Option<Entry> {
    let before = sink.found.len();
    report(&e.problems, sink);
    let name = e.name.as_ref().and_then(|n| self::name(n, "name", sink));
    let value = e.value.as_ref().and_then(|v| self::value(v, kind, sink));
    let written = e.value.as_ref().map_or("", |v| v.value.trim());
    let spelled_name = e.name.as_ref().map_or("", |n| n.value.as_str());
    let first = value.as_ref().zip(e.value.as_ref()).and_then(|(v, at)| {
        first_seen(
            &mut seen.values,
            v.clone(),
            (spelled_name, at.at.line, written),
        )
    });
    if let Some(((other, line, as_written), at)) = first.zip(e.value.as_ref()) {
        let spelled = if as_written == written {
            String::new()
        } else {
            format!(" as `{as_written}`")
        };
        let msg = format!(
            "duplicate value `{written}`: `{other}` at line {line} already has it{spelled}"
        );
        sink.at(at.at, msg);
    }
    let aliases = e
        .aliases
        .iter()
        .chain(e.device_names.iter().filter_map(|d| d.name.as_ref()))
        .map(|a| (a, true));
    for (n, is_alias) in e.name.iter().map(|n| (n, false)).chain(aliases) {
        let key = n.value.trim();
        if key.is_empty() {
            continue;
        }
        let here = (n.at.line, is_alias, key, index);
        // Lookups by name ignore case, so names must differ in more than case.
        let found = first_seen(&mut seen.names, key.to_lowercase(), here);
        // One entry may spell a name in two cases (`Bad Parameter`, `Bad parameter`): both
        // lead to the same code, so no lookup is ambiguous.
        let same_entry = found.is_some_and(|(_, _, first, entry)| first != key && entry == here.3);
        if let Some((line, was_alias, first, _)) = found.filter(|_| !same_entry) {
            let same = if first == key {
                String::new()
            } else {
                format!(" as `{first}` (the errcodes command looks names up ignoring case)")
            };
            let (what, first) = (
                if is_alias { "alias" } else { "name" },
                if was_alias {
                    "an alias"
                } else {
                    "the name of the entry"
                },
            );
            let msg = format!(
                "{what} `{key}` is already {first} at line {line}{same}; names and aliases must be unique in the file"
            );
            sink.at(n.at, msg);
        }
    }
    let mut aliases: Vec<String> = e
        .aliases
        .iter()
        .filter_map(|a| self::name(a, "alias", sink))
        .collect();
    let device_names: Vec<(String, String)> = e
        .device_names
        .iter()
        .filter_map(|d| {
            report(&d.problems, sink);
            let name = d
                .name
                .as_ref()
                .and_then(|n| self::name(n, "device name", sink));
            let device = d
                .device
                .as_ref()
                .and_then(|v| self::name(v, "device", sink));
            Some((name?, device?))
        })
        .collect();
    aliases.extend(device_names.iter().map(|(n, _)| n.clone()));
    let ident = ident_for(e, seen, sink);
    let description = e
        .description
        .as_ref()
        .and_then(|d| text(d, "description", MAX_TEXT_LEN, sink));
    let remediation = e
        .remediation
        .as_ref()
        .and_then(|r| text(r, "remediation", MAX_TEXT_LEN, sink));
    let http = http(e.http.as_ref(), kind.key, sink);
    let action = e.action.as_ref().and_then(|a| action(a, sink));
    let mut indexes = Vec::new();
    if let Some(given) = &e.source {
        let cited = given.value.ids();
        if cited.is_empty() {
            sink.at(
                given.at,
                "`source` is an empty list; cite at least one source",
            );
        }
        for id in &cited {
            let found = kind.sources.iter().position(|s| s == id);
            // With no sources at all, `sources` itself was reported.
            if found.is_none() && !kind.sources.is_empty() {
                let msg = format!(
                    "unknown source `{id}`; the file's sources are: {}",
                    kind.sources.join(", ")
                );
                sink.at(given.at, msg);
            }
            if let Some(i) = found {
                if indexes.contains(&i) {
                    sink.at(given.at, format!("source `{id}` is cited twice"));
                }
                indexes.push(i);
            }
        }
    }
    let source = indexes.first().copied();
    let more_sources = indexes.get(1..).unwrap_or_default().to_vec();
    let uncertain = e
        .uncertain
        .as_ref()
        .and_then(|u| text(u, "uncertain", MAX_TEXT_LEN, sink));
    let causes: Vec<Cause> = e.causes.iter().filter_map(|c| cause(c, sink)).collect();
    if sink.found.len() != before {
        return None;
    }
    let value = value?;
    // In a status catalogue the value is the HTTP status.
    let http = match (&value, kind.key) {
        (Value::Int(v), KeyKind::HttpStatus) => u16::try_from(*v).ok(),
        _ => http,
    };
    Some(Entry {
        wire: wire_text(&value, kind.key, kind.wire),
        value,
        name: name?,
        ident: ident?,
        description: description?,
        remediation,
        http,
        action: action?,
        source: source?,
        more_sources,
        aliases,
        device_names,
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
    let spelled = e.name.as_ref().map_or("", |n| n.value.as_str());
    let (ident, at) = match (&e.ident, &e.name) {
        (Some(given), _) => (given.value.clone(), given.at),
        (None, Some(name)) => (ident::variant_for(&name.value), name.at),
        (None, None) => return None, // already reported as a missing name
    };
    if spelled.trim().is_empty() && e.ident.is_none() {
        return None; // already reported as an empty name
    }
    if let Some(problem) = ident::variant_problem(&ident)
        .or_else(|| ident.is_empty().then(|| "it is empty".to_owned()))
    {
        let (origin, fix) = match e.ident {
            Some(_) => ("`ident`".to_owned(), "choose another UpperCamelCase name"),
            None => (
                format!("the Rust name for `{spelled}`"),
                "set `ident:` to an UpperCamelCase name like `MaxUser`",
            ),
        };
        sink.at(at, format!("{origin} is unusable: {problem}; {fix}"));
        return None;
    }
    let first = first_seen(&mut seen.idents, ident.clone(), (spelled, at.line));
    // The same name twice is reported as a duplicate name, not as a collision.
    if let Some((other, line)) =
        first.filter(|(other, _)| other.trim().to_lowercase() != spelled.trim().to_lowercase())
    {
        let msg = format!(
            "Rust identifier `{ident}` for `{spelled}` collides with `{other}` at line {line}; set `ident:` on one of them"
        );
        sink.at(at, msg);
        return None;
    }
    Some(ident)
}

fn value(s: &Spanned<String>, kind: &Kind, sink: &mut Sink) -> Option<Value> {
    let raw = s.value.trim();
    let Some((lo, hi)) = kind.key.range() else {
        return name(s, "value", sink).map(Value::Text);
    };
    let (sign, unsigned) = raw.strip_prefix('-').map_or((1, raw), |rest| (-1, rest));
    let magnitude = match kind.wire {
        WireFormat::Hex => match hex_digits(unsigned) {
            Some(digits) => u128::from_str_radix(digits, 16).ok(),
            None if unsigned.starts_with("0x") || unsigned.starts_with("0X") => {
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
            if unsigned.is_empty() || !unsigned.chars().all(|c| c.is_ascii_digit()) {
                let hint = hex_digits(unsigned)
                    .and_then(|d| i128::from_str_radix(d, 16).ok())
                    .map(|v| format!("; the file has `wire: decimal`, so write `{}`", sign * v))
                    .unwrap_or_default();
                return fail(
                    sink,
                    s,
                    format!("value `{raw}` is not a decimal integer{hint}"),
                );
            }
            unsigned.parse::<u128>().ok()
        }
    };
    match magnitude.and_then(|m| i128::try_from(m).ok()) {
        Some(v) if (lo..=hi).contains(&(sign * v)) => Some(Value::Int(sign * v)),
        _ => fail(
            sink,
            s,
            format!(
                "value `{raw}` is out of range for `key: {}` ({lo}..={hi})",
                kind.key_name
            ),
        ),
    }
}

/// The digits of a `0x`-prefixed hex number, if `s` is one.
fn hex_digits(s: &str) -> Option<&str> {
    let digits = s.strip_prefix("0x").or_else(|| s.strip_prefix("0X"))?;
    (!digits.is_empty() && digits.chars().all(|c| c.is_ascii_hexdigit())).then_some(digits)
}

fn fail<T>(sink: &mut Sink, s: &Spanned<String>, message: String) -> Option<T> {
    fail_at(sink, s.at, message)
}

fn http(h: Option<&Spanned<i64>>, key: KeyKind, sink: &mut Sink) -> Option<u16> {
    let h = h?;
    if key == KeyKind::HttpStatus {
        sink.at(
            h.at,
            "`http` is not allowed with `key: http_status`: the value is the status; remove it",
        );
        return None;
    }
    match u16::try_from(h.value) {
        Ok(status) if (100..=999).contains(&status) => Some(status),
        _ => fail_at(
            sink,
            h.at,
            format!("`http` {} is not an HTTP status (100..=999)", h.value),
        ),
    }
}

/// Reports the mistakes found while reading the file.
fn report(problems: &schema::Problems, sink: &mut Sink) {
    for (at, problem) in problems {
        sink.at(*at, problem.clone());
    }
}

fn fail_at<T>(sink: &mut Sink, at: Pos, message: String) -> Option<T> {
    sink.at(at, message);
    None
}

fn cause(c: &schema::Cause, sink: &mut Sink) -> Option<Cause> {
    report(&c.problems, sink);
    let name = c.name.as_ref().and_then(|n| self::name(n, "name", sink));
    let description = c
        .description
        .as_ref()
        .and_then(|d| text(d, "description", MAX_TEXT_LEN, sink));
    let remediation = c
        .remediation
        .as_ref()
        .and_then(|r| text(r, "remediation", MAX_TEXT_LEN, sink));
    let action = c.action.as_ref().and_then(|a| action(a, sink));
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
