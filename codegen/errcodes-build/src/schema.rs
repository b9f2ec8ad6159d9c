//! The YAML shape of a catalogue file, read from the [`yaml`](crate::yaml) tree (see
//! `catalog/README.md`).
//!
//! Every value the validator may complain about is `Spanned`, so its message can point at the
//! exact line and column. Enumerated fields stay strings here: the validator names the
//! allowed values when one is wrong.
//!
//! A missing or unknown field is recorded (in `problems`) and reading goes on: one run
//! reports every such mistake of a file, with the others the validator finds. A value of the
//! wrong shape (a list where text belongs) stops reading that file.

use crate::diag::Pos;
use crate::yaml::{Error, Kind, Node};

/// A value and where it was written.
#[derive(Debug)]
pub(crate) struct Spanned<T> {
    pub value: T,
    pub at: Pos,
}

/// A schema type read from a YAML node.
pub(crate) trait FromNode: Sized {
    fn from_node(node: &Node) -> Result<Self, Error>;
}

fn get<T: FromNode>(node: &Node) -> Result<T, Error> {
    T::from_node(node)
}

impl<T: FromNode> FromNode for Spanned<T> {
    fn from_node(node: &Node) -> Result<Self, Error> {
        Ok(Spanned {
            value: T::from_node(node)?,
            at: node.at,
        })
    }
}

/// Null (`~`, `null` or nothing) is `None`.
impl<T: FromNode> FromNode for Option<T> {
    fn from_node(node: &Node) -> Result<Self, Error> {
        match &node.kind {
            Kind::Scalar(s) if s.is_null() => Ok(None),
            _ => T::from_node(node).map(Some),
        }
    }
}

impl<T: FromNode> FromNode for Vec<T> {
    fn from_node(node: &Node) -> Result<Self, Error> {
        match &node.kind {
            Kind::Seq(items) => items.iter().map(T::from_node).collect(),
            _ => Err(Error::new(
                node.at,
                "expected a list here (`- item` lines or `[a, b]`)",
            )),
        }
    }
}

/// The text of a scalar that is not null, whether written as text or as a number.
fn scalar(node: &Node) -> Result<&crate::yaml::Scalar, Error> {
    match &node.kind {
        Kind::Scalar(s) if s.is_null() => {
            Err(Error::new(node.at, "the value is missing (empty or null)"))
        }
        Kind::Scalar(s) => Ok(s),
        _ => Err(not_a_scalar(node)),
    }
}

fn not_a_scalar(node: &Node) -> Error {
    Error::new(
        node.at,
        "expected a single value here, not a list or mapping",
    )
}

impl FromNode for String {
    fn from_node(node: &Node) -> Result<Self, Error> {
        let s = scalar(node)?;
        match s.tag.as_deref() {
            None | Some("str") => Ok(s.text.clone()),
            Some(tag) => Err(Error::new(
                node.at,
                format!("expected text here, not a value tagged `!!{tag}`"),
            )),
        }
    }
}

impl FromNode for bool {
    fn from_node(node: &Node) -> Result<Self, Error> {
        let Kind::Scalar(s) = &node.kind else {
            return Err(not_a_scalar(node));
        };
        let text = match s.tag.as_deref() {
            None | Some("bool") => s.text.as_str(),
            Some(_) => "",
        };
        match text {
            "true" | "True" | "TRUE" => Ok(true),
            "false" | "False" | "FALSE" => Ok(false),
            _ => Err(Error::new(node.at, "expected `true` or `false`")),
        }
    }
}

impl FromNode for i64 {
    fn from_node(node: &Node) -> Result<Self, Error> {
        let s = scalar(node)?;
        let number = match s.tag.as_deref() {
            None | Some("int") => integer(&s.text),
            Some(_) => None,
        };
        number.ok_or_else(|| Error::new(node.at, "expected a whole number"))
    }
}

/// A YAML integer: an optional sign, then decimal digits or `0x`, `0o` or `0b` and digits,
/// with `_` between digits allowed. A decimal with a leading zero (`0404`) is refused: YAML
/// 1.1 reads it as octal, so its meaning depends on the reader.
fn integer(text: &str) -> Option<i64> {
    let (negative, rest) = match text.as_bytes().first()? {
        b'-' => (true, &text[1..]),
        b'+' => (false, &text[1..]),
        _ => (false, text),
    };
    let (radix, digits) = match rest.get(..2) {
        Some("0x" | "0X") => (16, &rest[2..]),
        Some("0o" | "0O") => (8, &rest[2..]),
        Some("0b" | "0B") => (2, &rest[2..]),
        _ => (10, rest),
    };
    let digits: String = digits.chars().filter(|c| *c != '_').collect();
    let leading_zero = radix == 10 && digits.len() > 1 && digits.starts_with('0');
    if leading_zero || digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
        return None;
    }
    let magnitude = i128::from_str_radix(&digits, radix).ok()?;
    i64::try_from(if negative { -magnitude } else { magnitude }).ok()
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
/// key is recorded and its value skipped. Returns the problems, with where the mapping starts
/// (its first key) and what it is, for reporting missing fields.
fn read_map<'w>(
    node: &Node,
    what: &'w str,
    known: &[&str],
    mut field: impl FnMut(&str, &Node) -> Result<(), Error>,
) -> Result<Read<'w>, Error> {
    let Kind::Map(pairs) = &node.kind else {
        return Err(Error::new(
            node.at,
            "expected a mapping here (`key: value` lines)",
        ));
    };
    let mut problems = Vec::new();
    let mut start = None;
    for (key, value) in pairs {
        let key: Spanned<String> = get(key)?;
        let at = key.at;
        start.get_or_insert(at);
        if known.contains(&key.value.as_str()) {
            field(&key.value, value)?;
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
        }
    }
    Ok(Read {
        problems,
        at: start.unwrap_or_default(),
        what,
    })
}

/// A mapping read by [`read_map`]: its problems so far, where it starts and what it is.
struct Read<'w> {
    problems: Problems,
    at: Pos,
    what: &'w str,
}

impl Read<'_> {
    /// Records a missing required field.
    fn require<T>(&mut self, value: &Option<T>, field: &str) {
        if value.is_none() {
            let message = format!("missing required field `{field}` in {}", self.what);
            self.problems.push((self.at, message));
        }
    }
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

/// Implements [`FromNode`] for a mapping type through [`read_map`].
macro_rules! mapping {
    ($ty:ident, |$map:ident| $body:expr) => {
        impl FromNode for $ty {
            fn from_node($map: &Node) -> Result<$ty, Error> {
                $body
            }
        }
    };
}

mapping!(File, |map| {
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
    let mut read = read_map(map, "the catalogue", &known, |k, m| {
        match k {
            "id" => id = Some(get(m)?),
            "title" => title = Some(get(m)?),
            "description" => description = get(m)?,
            "key" => key = Some(get(m)?),
            "wire" => wire = Some(get(m)?),
            "sources" => sources = Some(get(m)?),
            "absent" => absent = get(m)?,
            _ => entries = Some(get(m)?),
        }
        Ok(())
    })?;
    read.require(&id, "id");
    read.require(&title, "title");
    read.require(&key, "key");
    read.require(&wire, "wire");
    read.require(&sources, "sources");
    read.require(&entries, "entries");
    Ok(File {
        id,
        title,
        description,
        key,
        wire,
        sources,
        entries,
        absent,
        problems: read.problems,
    })
});

mapping!(Absent, |map| {
    let (mut value, mut reason) = (None, None);
    let mut read = read_map(map, "an absent value", &["value", "reason"], |k, m| {
        match k {
            "value" => value = Some(get(m)?),
            _ => reason = Some(get(m)?),
        }
        Ok(())
    })?;
    read.require(&value, "value");
    read.require(&reason, "reason");
    Ok(Absent {
        value,
        reason,
        problems: read.problems,
    })
});

mapping!(Source, |map| {
    let (mut id, mut title, mut url, mut official) = (None, None, None, None);
    let known = ["id", "title", "url", "official"];
    let mut read = read_map(map, "a source", &known, |k, m| {
        match k {
            "id" => id = Some(get(m)?),
            "title" => title = Some(get(m)?),
            "official" => official = Some(get(m)?),
            _ => url = Some(get(m)?),
        }
        Ok(())
    })?;
    read.require(&id, "id");
    read.require(&title, "title");
    read.require(&url, "url");
    Ok(Source {
        id,
        title,
        url,
        official,
        problems: read.problems,
    })
});

mapping!(Entry, |map| {
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
    let mut read = read_map(map, "an entry", &known, |k, m| {
        match k {
            "value" => e.value = Some(get(m)?),
            "name" => e.name = Some(get(m)?),
            "description" => e.description = Some(get(m)?),
            "remediation" => e.remediation = get(m)?,
            "http" => e.http = get(m)?,
            "action" => e.action = Some(get(m)?),
            "source" => e.source = Some(get(m)?),
            "aliases" => e.aliases = get(m)?,
            "device_names" => e.device_names = get(m)?,
            "ident" => e.ident = get(m)?,
            "deprecated" => e.deprecated = get(m)?,
            "uncertain" => e.uncertain = get(m)?,
            _ => e.causes = get(m)?,
        }
        Ok(())
    })?;
    read.require(&e.value, "value");
    read.require(&e.name, "name");
    read.require(&e.description, "description");
    read.require(&e.action, "action");
    read.require(&e.source, "source");
    e.problems = read.problems;
    Ok(e)
});

/// `source: W` or `source: [W, P]`.
#[derive(Debug)]
pub(crate) enum SourceRef {
    One(String),
    Many(Vec<String>),
}

impl FromNode for SourceRef {
    fn from_node(node: &Node) -> Result<SourceRef, Error> {
        match &node.kind {
            Kind::Seq(_) => get(node).map(SourceRef::Many),
            Kind::Scalar(s) if !s.is_null() => get(node).map(SourceRef::One),
            _ => Err(Error::new(
                node.at,
                "expected a source id or a list of source ids",
            )),
        }
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

mapping!(DeviceName, |map| {
    let (mut name, mut device) = (None, None);
    let known = ["name", "device"];
    let mut read = read_map(map, "a device name", &known, |k, m| {
        match k {
            "name" => name = Some(get(m)?),
            _ => device = Some(get(m)?),
        }
        Ok(())
    })?;
    read.require(&name, "name");
    read.require(&device, "device");
    Ok(DeviceName {
        name,
        device,
        problems: read.problems,
    })
});

mapping!(Cause, |map| {
    let (mut name, mut description, mut remediation, mut action) = (None, None, None, None);
    let known = ["name", "description", "remediation", "action"];
    let mut read = read_map(map, "a cause", &known, |k, m| {
        match k {
            "name" => name = Some(get(m)?),
            "description" => description = Some(get(m)?),
            "remediation" => remediation = get(m)?,
            _ => action = Some(get(m)?),
        }
        Ok(())
    })?;
    read.require(&name, "name");
    read.require(&description, "description");
    read.require(&action, "action");
    Ok(Cause {
        name,
        description,
        remediation,
        action,
        problems: read.problems,
    })
});

#[cfg(test)]
mod tests {
    use super::{FromNode, Spanned, close, integer};
    use crate::yaml;

    /// `text` read as `T`, or the error as `line:col: message`.
    fn read<T: FromNode>(text: &str) -> Result<T, String> {
        let root =
            yaml::parse(text).map_err(|e| format!("{}:{}: {}", e.at.line, e.at.col, e.message))?;
        T::from_node(&root).map_err(|e| format!("{}:{}: {}", e.at.line, e.at.col, e.message))
    }

    #[test]
    fn integers_in_every_yaml_form() {
        for (text, want) in [
            ("404", Some(404)),
            ("+404", Some(404)),
            ("-12", Some(-12)),
            ("-0", Some(0)),
            ("0", Some(0)),
            ("4_04", Some(404)),
            ("0x1F4", Some(500)),
            ("-0x10", Some(-16)),
            ("0o17", Some(15)),
            ("0b101", Some(5)),
            ("9223372036854775807", Some(i64::MAX)),
            ("-9223372036854775808", Some(i64::MIN)),
            ("9223372036854775808", None),
            ("0404", None),
            ("404.0", None),
            ("1e3", None),
            ("0x", None),
            ("", None),
            ("-", None),
            ("0xG", None),
            ("Unauthorized", None),
        ] {
            assert_eq!(integer(text), want, "{text:?}");
        }
    }

    #[test]
    fn scalars_are_read_by_what_the_field_wants() {
        assert_eq!(read::<String>("404").unwrap(), "404");
        assert_eq!(read::<String>("'~'").unwrap(), "~");
        assert_eq!(read::<String>("''").unwrap(), "");
        assert_eq!(read::<String>("!!str 5").unwrap(), "5");
        assert_eq!(read::<String>("!local x").unwrap(), "x");
        assert_eq!(read::<i64>("\"404\"").unwrap(), 404);
        assert_eq!(read::<i64>("!!int 404").unwrap(), 404);
        assert!(read::<bool>("TRUE").unwrap());
        assert!(!read::<bool>("'false'").unwrap());
        for null in ["~", "null", "NULL", "Null", "!!null x"] {
            assert_eq!(read::<Option<String>>(null).unwrap(), None, "{null}");
            let missing = read::<String>(null).unwrap_err();
            assert!(
                missing.ends_with("the value is missing (empty or null)"),
                "{missing}"
            );
        }
        assert_eq!(
            read::<String>("!!int 5").unwrap_err(),
            "1:7: expected text here, not a value tagged `!!int`"
        );
        assert_eq!(
            read::<i64>("!!str 5").unwrap_err(),
            "1:7: expected a whole number"
        );
        assert_eq!(
            read::<bool>("yes").unwrap_err(),
            "1:1: expected `true` or `false`"
        );
        assert_eq!(
            read::<bool>("[true]").unwrap_err(),
            "1:1: expected a single value here, not a list or mapping"
        );
        assert_eq!(
            read::<Vec<String>>("~").unwrap_err(),
            "1:1: expected a list here (`- item` lines or `[a, b]`)"
        );
    }

    #[test]
    fn an_alias_copies_its_anchor_and_is_placed_where_it_stands() {
        let text = "a: &x [one, two]\nb: *x\n";
        let root = yaml::parse(text).unwrap();
        let yaml::Kind::Map(pairs) = &root.kind else {
            panic!("a mapping")
        };
        let yaml::Kind::Seq(copy) = &pairs[1].1.kind else {
            panic!("a list")
        };
        assert_eq!(copy.len(), 2);
        assert!(copy.iter().all(|n| (n.at.line, n.at.col) == (2, 4)));
        let list: Vec<Spanned<String>> = super::get(&pairs[1].1).unwrap();
        assert_eq!(list[1].value, "two");
    }

    #[test]
    fn merge_keys_fill_in_what_the_mapping_does_not_say() {
        let text = "base: &b {name: A, action: retry}\nentry:\n  <<: *b\n  name: B\n";
        let root = yaml::parse(text).unwrap();
        let yaml::Kind::Map(pairs) = &root.kind else {
            panic!("a mapping")
        };
        let yaml::Kind::Map(entry) = &pairs[1].1.kind else {
            panic!("a mapping")
        };
        let fields: Vec<(String, String, usize)> = entry
            .iter()
            .map(|(k, v)| {
                let (key, value) = (super::get(k).unwrap(), super::get(v).unwrap());
                (key, value, v.at.line)
            })
            .collect();
        assert_eq!(
            fields,
            [
                ("name".into(), "B".into(), 4),
                ("action".into(), "retry".into(), 3)
            ]
        );
        let twice = "a: 1\nb: 2\na: 3\n";
        assert_eq!(
            yaml::parse(twice).unwrap_err().message,
            "`a` is given twice in this mapping; keep one"
        );
        let bad = "a: {<<: 1}\n";
        assert!(
            yaml::parse(bad)
                .unwrap_err()
                .message
                .starts_with("a merge key")
        );
    }

    /// An alias must name a node that is complete: before it, and not around it.
    #[test]
    fn an_alias_cannot_name_an_unfinished_node() {
        for text in ["a: *x\nb: &x 1\n", "a: &x [1, *x]\n", "a: &x {b: *x}\n"] {
            let e = yaml::parse(text).unwrap_err();
            assert!(
                e.message
                    .starts_with("this alias (`*name`) names no anchor"),
                "{text}: {}",
                e.message
            );
        }
    }

    /// One node past the limit is refused, where it stands; the limit itself is accepted.
    #[test]
    fn a_file_holds_at_most_max_nodes_nodes() {
        let items = |n: usize| format!("[{}]", "1,".repeat(n));
        // The list itself is a node.
        assert!(yaml::parse(&items(yaml::MAX_NODES - 1)).is_ok());
        let e = yaml::parse(&items(yaml::MAX_NODES)).unwrap_err();
        assert_eq!((e.at.line, e.at.col), (1, 2 * yaml::MAX_NODES));
        assert!(
            e.message.starts_with("more than 1000000 YAML nodes"),
            "{}",
            e.message
        );
    }

    /// Anchors keep a copy of what they mark: nested anchors around a large list would keep
    /// one copy per anchor, so what anchors hold is bounded like what aliases copy.
    #[test]
    fn anchors_cannot_hold_copies_of_a_large_file() {
        let list = format!("[{}]", vec!["1"; 4_000].join(", "));
        let one = format!("a: &x {list}\n");
        assert!(yaml::parse(&one).is_ok());
        let nested = format!("a: &x [&y [&z {list}]]\n");
        let e = yaml::parse(&nested).unwrap_err();
        assert_eq!((e.at.line, e.at.col), (1, 7), "{}", e.message);
        assert!(e.message.contains("expand too far"), "{}", e.message);
    }

    #[test]
    fn aliases_cannot_nest_past_the_depth_limit() {
        // Depth 14 anchored at depth 2 is fine; copied under 3 more levels it would be 17.
        let deep = format!("a: &x {}1{}\n", "[".repeat(14), "]".repeat(14));
        assert!(yaml::parse(&deep).is_ok());
        let copied = format!("{deep}b: [[[*x]]]\n");
        let e = yaml::parse(&copied).unwrap_err();
        assert_eq!((e.at.line, e.at.col), (2, 7), "{}", e.message);
        assert!(
            e.message.starts_with("nested more than 16 levels"),
            "{}",
            e.message
        );
    }

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
