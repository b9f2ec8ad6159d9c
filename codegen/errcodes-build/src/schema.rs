//! The YAML shape of a catalogue file, as serde reads it (see `catalog/README.md`).
//!
//! Every value the validator may complain about is `Spanned`, so its message can point at the
//! exact line and column. Enumerated fields stay strings here: the validator names the
//! allowed values when one is wrong, which serde's own message would not.
//!
//! Mappings are read by hand rather than by `#[derive(Deserialize)]`, so that a missing or
//! unknown field is recorded (in `problems`) and reading goes on: one run reports every such
//! mistake of a file, with the others the validator finds. A value of the wrong shape (a list
//! where text belongs) still stops reading that file.

use std::fmt;

use serde::de::{Deserialize, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
pub(crate) use serde_saphyr::Spanned;

use crate::diag::Pos;

pub(crate) fn pos<T>(s: &Spanned<T>) -> Pos {
    Pos {
        line: s.referenced.line() as usize,
        col: s.referenced.column() as usize,
    }
}

/// Mistakes found while reading a mapping: where, and what.
pub(crate) type Problems = Vec<(Pos, String)>;

#[derive(Debug)]
pub(crate) struct File {
    pub id: Option<Spanned<String>>,
    pub title: Option<Spanned<String>>,
    pub description: Option<Spanned<String>>,
    pub key: Option<Spanned<String>>,
    pub wire: Option<Spanned<String>>,
    pub sources: Option<Spanned<Vec<Source>>>,
    pub entries: Option<Spanned<Vec<Spanned<Entry>>>>,
    /// Values the vendor documents as not codes (reserved, unused), with why.
    pub absent: Vec<Absent>,
    pub problems: Problems,
}

#[derive(Debug)]
pub(crate) struct Absent {
    pub value: Option<Spanned<String>>,
    pub reason: Option<Spanned<String>>,
    pub problems: Problems,
}

#[derive(Debug)]
pub(crate) struct Source {
    pub id: Option<Spanned<String>>,
    pub title: Option<Spanned<String>>,
    pub url: Option<Spanned<String>>,
    /// Whether the vendor itself publishes the document; a client library is `false`.
    pub official: Option<Spanned<bool>>,
    pub problems: Problems,
}

#[derive(Debug)]
pub(crate) struct Entry {
    /// Kept as written (`0x13`, `404`, `-12`, `Ok`) and parsed by the validator per key kind.
    pub value: Option<Spanned<String>>,
    pub name: Option<Spanned<String>>,
    pub description: Option<Spanned<String>>,
    pub remediation: Option<Spanned<String>>,
    pub http: Option<Spanned<i64>>,
    pub action: Option<Spanned<String>>,
    pub source: Option<Spanned<SourceRef>>,
    pub aliases: Vec<Spanned<String>>,
    /// Names one device type uses for this code (an Opener's name for a Smart Lock byte).
    pub device_names: Vec<DeviceName>,
    pub ident: Option<Spanned<String>>,
    pub deprecated: bool,
    pub uncertain: Option<Spanned<String>>,
    pub causes: Vec<Cause>,
    pub problems: Problems,
}

#[derive(Debug)]
pub(crate) struct Cause {
    pub name: Option<Spanned<String>>,
    pub description: Option<Spanned<String>>,
    pub remediation: Option<Spanned<String>>,
    pub action: Option<Spanned<String>>,
    pub problems: Problems,
}

/// Reads the keys of one mapping: `field` reads the value of each key in `known`; an unknown
/// key is recorded and its value skipped. Returns the problems and where the mapping starts
/// (its first key), for reporting missing fields.
fn read_map<'de, A: MapAccess<'de>>(
    mut map: A,
    what: &str,
    known: &[&str],
    mut field: impl FnMut(&str, &mut A) -> Result<(), A::Error>,
) -> Result<(Problems, Pos), A::Error> {
    let mut problems = Vec::new();
    let mut start = None;
    while let Some(key) = map.next_key::<Spanned<String>>()? {
        let at = pos(&key);
        start.get_or_insert(at);
        if known.contains(&key.value.as_str()) {
            field(&key.value, &mut map)?;
        } else {
            let hint = known
                .iter()
                .find(|k| close(k, &key.value))
                .map(|k| format!("did you mean `{k}`? "))
                .unwrap_or_default();
            let msg = format!(
                "unknown field `{}` in {what}; {hint}the fields are: {}",
                key.value,
                known.join(", ")
            );
            problems.push((at, msg));
            map.next_value::<IgnoredAny>()?;
        }
    }
    Ok((problems, start.unwrap_or_default()))
}

/// Whether `b` is `a` with one letter changed, added, dropped or two swapped.
fn close(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    if long.len() - short.len() > 1 || a == b {
        return a == b;
    }
    let prefix = short
        .iter()
        .zip(long.iter())
        .take_while(|(x, y)| x == y)
        .count();
    if short.len() == long.len() {
        let swapped = prefix + 1 < short.len()
            && short[prefix] == long[prefix + 1]
            && short[prefix + 1] == long[prefix]
            && short[prefix + 2..] == long[prefix + 2..];
        swapped || short[prefix + 1..] == long[prefix + 1..]
    } else {
        short[prefix..] == long[prefix + 1..]
    }
}

/// Records a missing required field.
fn require<T>(value: &Option<T>, field: &str, what: &str, at: Pos, problems: &mut Problems) {
    if value.is_none() {
        problems.push((at, format!("missing required field `{field}` in {what}")));
    }
}

/// Implements `Deserialize` for a mapping type through [`read_map`].
macro_rules! mapping {
    ($ty:ident, $expecting:literal, |$map:ident| $body:expr) => {
        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<$ty, D::Error> {
                struct V;
                impl<'de> Visitor<'de> for V {
                    type Value = $ty;
                    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                        f.write_str($expecting)
                    }
                    fn visit_map<A: MapAccess<'de>>(self, $map: A) -> Result<$ty, A::Error> {
                        $body
                    }
                }
                d.deserialize_map(V)
            }
        }
    };
}

mapping!(
    File,
    "a catalogue (a mapping of id, title, key, wire, sources and entries)",
    |map| {
        let (mut id, mut title, mut description, mut key, mut wire, mut sources, mut entries) =
            (None, None, None, None, None, None, None);
        let mut absent = Vec::new();
        let known = [
            "id",
            "title",
            "description",
            "key",
            "wire",
            "sources",
            "entries",
            "absent",
        ];
        let (mut problems, at) = read_map(map, "the catalogue", &known, |k, m| {
            match k {
                "id" => id = Some(m.next_value()?),
                "title" => title = Some(m.next_value()?),
                "description" => description = m.next_value()?,
                "key" => key = Some(m.next_value()?),
                "wire" => wire = Some(m.next_value()?),
                "sources" => sources = Some(m.next_value()?),
                "absent" => absent = m.next_value()?,
                _ => entries = Some(m.next_value()?),
            }
            Ok(())
        })?;
        let what = "the catalogue";
        require(&id, "id", what, at, &mut problems);
        require(&title, "title", what, at, &mut problems);
        require(&key, "key", what, at, &mut problems);
        require(&wire, "wire", what, at, &mut problems);
        require(&sources, "sources", what, at, &mut problems);
        require(&entries, "entries", what, at, &mut problems);
        Ok(File {
            id,
            title,
            description,
            key,
            wire,
            sources,
            entries,
            absent,
            problems,
        })
    }
);

mapping!(
    Absent,
    "a value that is not a code (a mapping of value and reason)",
    |map| {
        let (mut value, mut reason) = (None, None);
        let (mut problems, at) = read_map(map, "an absent value", &["value", "reason"], |k, m| {
            match k {
                "value" => value = Some(m.next_value()?),
                _ => reason = Some(m.next_value()?),
            }
            Ok(())
        })?;
        require(&value, "value", "an absent value", at, &mut problems);
        require(&reason, "reason", "an absent value", at, &mut problems);
        Ok(Absent {
            value,
            reason,
            problems,
        })
    }
);

mapping!(
    Source,
    "a source (a mapping of id, title, url and official)",
    |map| {
        let (mut id, mut title, mut url, mut official) = (None, None, None, None);
        let known = ["id", "title", "url", "official"];
        let (mut problems, at) = read_map(map, "a source", &known, |k, m| {
            match k {
                "id" => id = Some(m.next_value()?),
                "title" => title = Some(m.next_value()?),
                "official" => official = Some(m.next_value()?),
                _ => url = Some(m.next_value()?),
            }
            Ok(())
        })?;
        require(&id, "id", "a source", at, &mut problems);
        require(&title, "title", "a source", at, &mut problems);
        require(&url, "url", "a source", at, &mut problems);
        Ok(Source {
            id,
            title,
            url,
            official,
            problems,
        })
    }
);

mapping!(
    Entry,
    "an entry (a mapping of value, name, description, action, source…)",
    |map| {
        let mut e = Entry {
            value: None,
            name: None,
            description: None,
            remediation: None,
            http: None,
            action: None,
            source: None,
            aliases: Vec::new(),
            device_names: Vec::new(),
            ident: None,
            deprecated: false,
            uncertain: None,
            causes: Vec::new(),
            problems: Vec::new(),
        };
        let known = [
            "value",
            "name",
            "description",
            "remediation",
            "http",
            "action",
            "source",
            "aliases",
            "device_names",
            "ident",
            "deprecated",
            "uncertain",
            "causes",
        ];
        let (mut problems, at) = read_map(map, "an entry", &known, |k, m| {
            match k {
                "value" => e.value = Some(m.next_value()?),
                "name" => e.name = Some(m.next_value()?),
                "description" => e.description = Some(m.next_value()?),
                "remediation" => e.remediation = m.next_value()?,
                "http" => e.http = m.next_value()?,
                "action" => e.action = Some(m.next_value()?),
                "source" => e.source = Some(m.next_value()?),
                "aliases" => e.aliases = m.next_value()?,
                "device_names" => e.device_names = m.next_value()?,
                "ident" => e.ident = m.next_value()?,
                "deprecated" => e.deprecated = m.next_value()?,
                "uncertain" => e.uncertain = m.next_value()?,
                _ => e.causes = m.next_value()?,
            }
            Ok(())
        })?;
        let what = "an entry";
        require(&e.value, "value", what, at, &mut problems);
        require(&e.name, "name", what, at, &mut problems);
        require(&e.description, "description", what, at, &mut problems);
        require(&e.action, "action", what, at, &mut problems);
        require(&e.source, "source", what, at, &mut problems);
        e.problems = problems;
        Ok(e)
    }
);

/// `source: W` or `source: [W, P]`.
#[derive(Debug)]
pub(crate) enum SourceRef {
    One(String),
    Many(Vec<String>),
}

/// By hand rather than `#[serde(untagged)]`: no proc macro in the build (BENCHMARKS.md,
/// "What each errcodes-build mode costs"), and a message that says what was expected.
impl<'de> Deserialize<'de> for SourceRef {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<SourceRef, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = SourceRef;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a source id or a list of source ids")
            }
            fn visit_str<E: serde::de::Error>(self, id: &str) -> Result<SourceRef, E> {
                Ok(SourceRef::One(id.to_owned()))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<SourceRef, A::Error> {
                let mut ids = Vec::new();
                while let Some(id) = seq.next_element()? {
                    ids.push(id);
                }
                Ok(SourceRef::Many(ids))
            }
        }
        d.deserialize_any(V)
    }
}

impl SourceRef {
    pub fn ids(&self) -> Vec<&str> {
        match self {
            SourceRef::One(s) => vec![s.as_str()],
            SourceRef::Many(v) => v.iter().map(String::as_str).collect(),
        }
    }
}

/// A name that one device type uses: `{name, device}`.
#[derive(Debug)]
pub(crate) struct DeviceName {
    pub name: Option<Spanned<String>>,
    pub device: Option<Spanned<String>>,
    pub problems: Problems,
}

mapping!(
    DeviceName,
    "a device name (a mapping of name and device)",
    |map| {
        let (mut name, mut device) = (None, None);
        let known = ["name", "device"];
        let (mut problems, at) = read_map(map, "a device name", &known, |k, m| {
            match k {
                "name" => name = Some(m.next_value()?),
                _ => device = Some(m.next_value()?),
            }
            Ok(())
        })?;
        require(&name, "name", "a device name", at, &mut problems);
        require(&device, "device", "a device name", at, &mut problems);
        Ok(DeviceName {
            name,
            device,
            problems,
        })
    }
);

mapping!(
    Cause,
    "a cause (a mapping of name, description, remediation and action)",
    |map| {
        let (mut name, mut description, mut remediation, mut action) = (None, None, None, None);
        let known = ["name", "description", "remediation", "action"];
        let (mut problems, at) = read_map(map, "a cause", &known, |k, m| {
            match k {
                "name" => name = Some(m.next_value()?),
                "description" => description = Some(m.next_value()?),
                "remediation" => remediation = m.next_value()?,
                _ => action = Some(m.next_value()?),
            }
            Ok(())
        })?;
        require(&name, "name", "a cause", at, &mut problems);
        require(&description, "description", "a cause", at, &mut problems);
        require(&action, "action", "a cause", at, &mut problems);
        Ok(Cause {
            name,
            description,
            remediation,
            action,
            problems,
        })
    }
);

#[cfg(test)]
mod tests {
    use super::close;

    #[test]
    fn close_names_are_one_edit_apart() {
        assert!(close("description", "descriptin"));
        assert!(close("description", "descirption"));
        assert!(close("source", "sourse"));
        assert!(close("value", "values"));
        assert!(!close("value", "name"));
        assert!(!close("id", "url"));
    }
}
