//! The validated catalogue: what the emitter turns into Rust.

/// The kind of wire key of a catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum KeyKind {
    Byte,
    HttpStatus,
    U16,
    U32,
    U64,
    I16,
    I32,
    I64,
    Text,
}

impl KeyKind {
    pub const NAMES: &'static str = "byte, http_status, u16, u32, u64, i16, i32, i64, string";

    pub fn parse(s: &str) -> Option<KeyKind> {
        Some(match s {
            "byte" => KeyKind::Byte,
            "http_status" => KeyKind::HttpStatus,
            "u16" => KeyKind::U16,
            "u32" => KeyKind::U32,
            "u64" => KeyKind::U64,
            "i16" => KeyKind::I16,
            "i32" => KeyKind::I32,
            "i64" => KeyKind::I64,
            "string" => KeyKind::Text,
            _ => return None,
        })
    }

    /// The inclusive range of values, for integer keys.
    pub fn range(self) -> Option<(i128, i128)> {
        Some(match self {
            KeyKind::Byte => (0, u8::MAX.into()),
            KeyKind::HttpStatus => (100, 999),
            KeyKind::U16 => (0, u16::MAX.into()),
            KeyKind::U32 => (0, u32::MAX.into()),
            KeyKind::U64 => (0, u64::MAX.into()),
            KeyKind::I16 => (i16::MIN.into(), i16::MAX.into()),
            KeyKind::I32 => (i32::MIN.into(), i32::MAX.into()),
            KeyKind::I64 => (i64::MIN.into(), i64::MAX.into()),
            KeyKind::Text => return None,
        })
    }

    pub fn is_signed(self) -> bool {
        matches!(self, KeyKind::I16 | KeyKind::I32 | KeyKind::I64)
    }

    /// The Rust type of a wire value.
    pub fn rust_type(self) -> &'static str {
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

    /// The runtime `errcodes::KeyKind` variant.
    pub fn runtime_variant(self) -> &'static str {
        match self {
            KeyKind::Byte => "Byte",
            KeyKind::HttpStatus => "HttpStatus",
            KeyKind::U16 => "U16",
            KeyKind::U32 => "U32",
            KeyKind::U64 => "U64",
            KeyKind::I16 => "I16",
            KeyKind::I32 => "I32",
            KeyKind::I64 => "I64",
            KeyKind::Text => "Text",
        }
    }

    /// The module function that looks a code up by its wire value.
    pub fn lookup_fn(self) -> &'static str {
        match self {
            KeyKind::Byte => "from_byte",
            KeyKind::HttpStatus => "from_status",
            _ => "from_code",
        }
    }
}

/// How wire values are written as text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum WireFormat {
    Hex,
    Decimal,
    Text,
}

impl WireFormat {
    pub const NAMES: &'static str = "hex, decimal, string";

    pub fn parse(s: &str) -> Option<WireFormat> {
        Some(match s {
            "hex" => WireFormat::Hex,
            "decimal" => WireFormat::Decimal,
            "string" => WireFormat::Text,
            _ => return None,
        })
    }

    pub fn runtime_variant(self) -> &'static str {
        match self {
            WireFormat::Hex => "Hex",
            WireFormat::Decimal => "Decimal",
            WireFormat::Text => "Text",
        }
    }

    /// The module function that parses wire text.
    pub fn parse_fn(self) -> &'static str {
        match self {
            WireFormat::Hex => "from_hex",
            WireFormat::Decimal => "from_decimal",
            WireFormat::Text => "from_code",
        }
    }
}

/// The catalogue spellings of `errcodes::Action`, with the runtime variant names.
pub(crate) const ACTIONS: &[(&str, &str)] = &[
    ("none", "None"),
    ("retry", "Retry"),
    ("refresh_credentials", "RefreshCredentials"),
    ("fix_request", "FixRequest"),
    ("check_device", "CheckDevice"),
    ("contact_vendor", "ContactVendor"),
];

/// `errcodes::Action::advice()` for each of `ACTIONS`, in the same order, for `docs/`
/// (tests/freshness.rs checks the generated docs against the runtime wording).
pub(crate) const ADVICE: [&str; 6] = [
    "nothing to do",
    "retry later with backoff",
    "refresh the credentials, then retry",
    "fix the request before sending it again",
    "check the device",
    "contact the vendor",
];

const _: () = assert!(ADVICE.len() == ACTIONS.len());

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
    /// Index into `ACTIONS`.
    pub action: usize,
    /// Index into the catalogue's sources.
    pub source: usize,
    pub aliases: Vec<String>,
    pub deprecated: bool,
    pub uncertain: Option<String>,
    pub causes: Vec<Cause>,
}

#[derive(Debug, Clone)]
pub(crate) struct Cause {
    pub name: String,
    pub description: String,
    pub remediation: Option<String>,
    pub action: usize,
}
