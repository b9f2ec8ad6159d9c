//! The validated catalogue: what the emitter turns into Rust.

pub(crate) use crate::vocab::{Action, KeyKind, WireFormat};

/// The allowed spellings, for messages: `byte, http_status, …`.
pub(crate) fn spellings<T: Copy>(all: &[T], as_str: fn(T) -> &'static str) -> String {
    all.iter()
        .map(|t| as_str(*t))
        .collect::<Vec<_>>()
        .join(", ")
}

/// What the generator adds to the runtime's key kinds. Every `match` lists each kind, so a new
/// kind fails to compile here until it is handled.
pub(crate) trait KeyKindExt: Sized + Copy {
    /// The kind a catalogue spells `s`.
    fn parse(s: &str) -> Option<Self>;
    /// Whether values may be negative.
    fn is_signed(&self) -> bool;
    /// The Rust type of a wire value.
    fn rust_type(self) -> &'static str;
    /// The key as docs name it (`u8`, `&str`).
    fn phrase(self) -> &'static str {
        self.rust_type().trim_start_matches("&'static ")
    }
}

impl KeyKindExt for KeyKind {
    fn parse(s: &str) -> Option<KeyKind> {
        KeyKind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    fn is_signed(&self) -> bool {
        match self {
            KeyKind::I16 | KeyKind::I32 | KeyKind::I64 => true,
            KeyKind::Byte
            | KeyKind::HttpStatus
            | KeyKind::U16
            | KeyKind::U32
            | KeyKind::U64
            | KeyKind::Text => false,
        }
    }

    fn rust_type(self) -> &'static str {
        match self {
            KeyKind::Byte => "u8",
            KeyKind::HttpStatus | KeyKind::U16 => "u16",
            KeyKind::U32 => "u32",
            KeyKind::U64 => "u64",
            KeyKind::I16 => "i16",
            KeyKind::I32 => "i32",
            KeyKind::I64 => "i64",
            KeyKind::Text => "&'static str",
        }
    }
}

/// What the generator adds to the runtime's wire formats.
pub(crate) trait WireFormatExt: Sized {
    /// The format a catalogue spells `s`.
    fn parse(s: &str) -> Option<Self>;
    /// The vendor's name for the module function that parses wire text (`from_wire` is the
    /// name every catalogue shares).
    fn parse_fn(self) -> &'static str;
    /// How docs say values are written (`hex`, `decimal text`).
    fn phrase(self) -> &'static str;
}

impl WireFormatExt for WireFormat {
    fn parse(s: &str) -> Option<WireFormat> {
        WireFormat::ALL.into_iter().find(|w| w.as_str() == s)
    }

    fn phrase(self) -> &'static str {
        match self {
            WireFormat::Hex => "hex",
            WireFormat::Decimal => "decimal text",
            WireFormat::Text => "the string itself",
        }
    }

    fn parse_fn(self) -> &'static str {
        match self {
            WireFormat::Hex => "from_hex",
            WireFormat::Decimal => "from_decimal",
            WireFormat::Text => "from_wire",
        }
    }
}

/// A wire value.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Value {
    Int(i128),
    Text(String),
}

#[derive(Debug, Clone)]
pub(crate) struct Catalog {
    /// Where it came from, as shown in messages and headers (`catalog/nuki.yaml`).
    pub path: String,
    /// Module path segments (`["knox", "tag"]`).
    pub id: Vec<String>,
    pub title: String,
    pub description: Option<String>,
    pub key: KeyKind,
    pub wire: WireFormat,
    pub sources: Vec<Source>,
    /// Sorted by value.
    pub entries: Vec<Entry>,
    /// Values that are not codes: (value, wire text, reason), sorted by value.
    pub absent: Vec<(Value, String, String)>,
}

impl Entry {
    /// The indexes of every source the entry cites, the first one first.
    pub fn all_sources(&self) -> impl Iterator<Item = usize> + '_ {
        std::iter::once(self.source).chain(self.more_sources.iter().copied())
    }

    /// True when the entry rests on one source and that source is not the vendor's own.
    pub fn single_unofficial(&self, c: &Catalog) -> bool {
        self.more_sources.is_empty() && !c.sources[self.source].official
    }

    /// The device a name applies to, when it is a device-specific alias.
    pub fn device_of(&self, name: &str) -> Option<&str> {
        self.device_names
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, d)| d.as_str())
    }
}

impl Catalog {
    /// `knox::tag`
    pub fn id_path(&self) -> String {
        self.id.join("::")
    }
}

#[derive(Debug, Clone)]
pub(crate) struct Source {
    pub id: String,
    pub title: String,
    pub url: String,
    /// Published by the vendor itself (default), not by a third party.
    pub official: bool,
}

#[derive(Debug, Clone)]
pub(crate) struct Entry {
    pub value: Value,
    /// The value as the vendor documents it (`0x13`, `404`).
    pub wire: String,
    pub name: String,
    pub ident: String,
    pub description: String,
    pub remediation: Option<String>,
    /// The HTTP status that carries the code (the value itself in a status catalogue).
    pub http: Option<u16>,
    pub action: Action,
    /// Index into the catalogue's sources: the first one the entry cites.
    pub source: usize,
    /// Indexes of the further sources the entry cites, in order.
    pub more_sources: Vec<usize>,
    /// Every other name, device-specific ones included.
    pub aliases: Vec<String>,
    /// (name, device) for the aliases that one device type uses.
    pub device_names: Vec<(String, String)>,
    pub deprecated: bool,
    pub uncertain: Option<String>,
    pub causes: Vec<Cause>,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct Cause {
    pub name: String,
    pub description: String,
    pub remediation: Option<String>,
    pub action: Action,
}
