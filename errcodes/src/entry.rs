//! The catalogue record every generated code points at.

use core::fmt;

use crate::Action;

/// A code's wire value, whatever the catalogue's key kind.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Value {
    /// A byte, an HTTP status or another unsigned integer.
    Unsigned(u64),
    /// A signed integer.
    Signed(i64),
    /// A string code, kept exactly as sent.
    Text(&'static str),
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Unsigned(v) => write!(f, "{v}"),
            Value::Signed(v) => write!(f, "{v}"),
            Value::Text(v) => f.write_str(v),
        }
    }
}

/// A document a catalogue's facts come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Source {
    pub(crate) id: &'static str,
    pub(crate) title: &'static str,
    pub(crate) url: &'static str,
    pub(crate) official: bool,
}

impl Source {
    /// Short id that entries cite (`W`, `seed`, …).
    pub const fn id(&self) -> &'static str {
        self.id
    }
    /// Title of the document.
    pub const fn title(&self) -> &'static str {
        self.title
    }
    /// Where the document lives.
    pub const fn url(&self) -> &'static str {
        self.url
    }
    /// Whether the vendor itself publishes the document (not a third-party library).
    pub const fn is_official(&self) -> bool {
        self.official
    }
}

/// A name that one device type uses for a code (an Opener's name for a Smart Lock byte).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DeviceName {
    pub(crate) name: &'static str,
    pub(crate) device: &'static str,
}

impl DeviceName {
    /// The name, also listed among the entry's aliases.
    pub const fn name(&self) -> &'static str {
        self.name
    }
    /// The device type that uses it (`Opener`, `Smart Lock`).
    pub const fn device(&self) -> &'static str {
        self.device
    }
}

/// One of several documented reasons behind a single code (Tapkey's three kinds of 401).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Cause {
    pub(crate) name: &'static str,
    pub(crate) description: &'static str,
    pub(crate) remediation: Option<&'static str>,
    pub(crate) action: Action,
}

impl Cause {
    /// Short name of the cause.
    pub const fn name(&self) -> &'static str {
        self.name
    }
    /// What happened.
    pub const fn description(&self) -> &'static str {
        self.description
    }
    /// What the vendor recommends, where it says.
    pub const fn remediation(&self) -> Option<&'static str> {
        self.remediation
    }
    /// What a client should do next for this cause.
    pub const fn action(&self) -> Action {
        self.action
    }
}

/// The common record of one catalogued code, the same shape for every catalogue.
///
/// Tools use it to work across catalogues without per-vendor code; typed code uses the
/// per-catalogue enums (for example [`crate::nuki::Code`]), whose accessors read this record.
///
/// ```
/// let entry = errcodes::lookup("nuki", "ff")?;
/// assert_eq!(entry.name(), "ERROR_UNKNOWN");
/// assert_eq!(entry.wire(), "0xFF");
/// assert_eq!(entry.catalog(), "nuki");
/// # Ok::<(), errcodes::ParseError>(())
/// ```
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Entry {
    pub(crate) catalog: &'static str,
    pub(crate) value: Value,
    pub(crate) wire: &'static str,
    pub(crate) name: &'static str,
    pub(crate) aliases: &'static [&'static str],
    pub(crate) description: &'static str,
    pub(crate) remediation: Option<&'static str>,
    pub(crate) http_status: Option<u16>,
    pub(crate) action: Action,
    pub(crate) source: &'static Source,
    pub(crate) sources: &'static [&'static Source],
    pub(crate) device_names: &'static [DeviceName],
    pub(crate) causes: &'static [Cause],
    pub(crate) deprecated: bool,
    pub(crate) uncertain: Option<&'static str>,
}

impl Entry {
    /// Id of the catalogue the entry belongs to (`nuki`, `knox::tag`, …).
    pub const fn catalog(&self) -> &'static str {
        self.catalog
    }
    /// The wire value.
    pub const fn value(&self) -> Value {
        self.value
    }
    /// The wire value as the vendor documents it (`0x13`, `404`, `4000000`).
    pub const fn wire(&self) -> &'static str {
        self.wire
    }
    /// The spec name, verbatim (`P_ERROR_MAX_USER`, `Not Found`).
    pub const fn name(&self) -> &'static str {
        self.name
    }
    /// Other names the code is known by (older spellings, device-specific names).
    pub const fn aliases(&self) -> &'static [&'static str] {
        self.aliases
    }
    /// What the code means.
    pub const fn description(&self) -> &'static str {
        self.description
    }
    /// What the vendor recommends, where a source says.
    pub const fn remediation(&self) -> Option<&'static str> {
        self.remediation
    }
    /// The HTTP status that carries this code, where one applies.
    pub const fn http_status(&self) -> Option<u16> {
        self.http_status
    }
    /// What a client should do next.
    pub const fn action(&self) -> Action {
        self.action
    }
    /// The document the entry comes from (the first one it cites).
    pub const fn source(&self) -> &'static Source {
        self.source
    }
    /// Every document the entry cites, the first one first.
    pub const fn sources(&self) -> &'static [&'static Source] {
        self.sources
    }
    /// The aliases that only one device type uses, with that device.
    pub const fn device_names(&self) -> &'static [DeviceName] {
        self.device_names
    }
    /// The device type an alias applies to, when it is device-specific.
    pub fn device_of(&self, alias: &str) -> Option<&'static str> {
        self.device_names
            .iter()
            .find(|d| d.name == alias)
            .map(|d| d.device)
    }
    /// Whether the entry rests on a single source that the vendor does not publish itself.
    /// Derived from the sources, so it cannot disagree with them.
    pub const fn single_unofficial_source(&self) -> bool {
        matches!(self.sources, [only] if !only.official)
    }
    /// Documented distinct causes behind this one code, if any.
    pub const fn causes(&self) -> &'static [Cause] {
        self.causes
    }
    /// Whether the vendor retired the code.
    pub const fn is_deprecated(&self) -> bool {
        self.deprecated
    }
    /// Why the entry is uncertain (single or disagreeing sources), if it is.
    pub const fn uncertain(&self) -> Option<&'static str> {
        self.uncertain
    }
}

impl fmt::Display for Entry {
    /// `0x13 P_ERROR_MAX_USER: <description>`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}: {}", self.wire, self.name, self.description)
    }
}
