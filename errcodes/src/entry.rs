//! The catalogue record every generated code points at.

use core::fmt;
use core::hash::{Hash, Hasher};

use crate::Action;
use crate::hash::at;
use crate::list::{Aliases, Causes, DeviceNames, SourceList, Sources};
use crate::table::{self, Extra, Table};

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
/// per-catalogue enums (for example [`crate::nuki::Code`]), whose accessors read the same
/// data. An `Entry` is a small value (a catalogue's table and a row number, 16 bytes on
/// 64-bit targets) that lookups return by value: each accessor reads its field from the
/// catalogue's columns, and its lists ([`Entry::aliases`], [`Entry::sources`], …) are
/// iterators of values.
///
/// ```
/// let entry = errcodes::lookup("nuki", "ff")?;
/// assert_eq!(entry.name(), "ERROR_UNKNOWN");
/// assert_eq!(entry.wire(), "0xFF");
/// assert_eq!(entry.catalog(), "nuki");
/// # Ok::<(), errcodes::ParseError>(())
/// ```
#[derive(Clone, Copy)]
pub struct Entry {
    pub(crate) table: &'static Table,
    pub(crate) row: u32,
}

impl Entry {
    /// Row `row` of `table`.
    #[allow(clippy::cast_possible_truncation)] // tables have at most `u32::MAX` rows
    pub(crate) const fn at(table: &'static Table, row: usize) -> Entry {
        Entry {
            table,
            row: row as u32,
        }
    }
    const fn row(&self) -> usize {
        self.row as usize
    }
    const fn extra(&self) -> &'static Extra {
        self.table.extra(self.row())
    }
    /// Id of the catalogue the entry belongs to (`nuki`, `knox::tag`, …).
    pub const fn catalog(&self) -> &'static str {
        self.table.id
    }
    /// The wire value.
    pub const fn value(&self) -> Value {
        self.table.value(self.row())
    }
    /// The wire value as the vendor documents it (`0x13`, `404`, `4000000`).
    pub const fn wire(&self) -> &'static str {
        self.table.wires.get(self.row())
    }
    /// The spec name, verbatim (`P_ERROR_MAX_USER`, `Not Found`).
    pub const fn name(&self) -> &'static str {
        self.table.names.get(self.row())
    }
    /// Other names the code is known by (older spellings, device-specific names).
    pub const fn aliases(&self) -> Aliases {
        Aliases::new(self.extra().aliases)
    }
    /// What the code means.
    pub const fn description(&self) -> &'static str {
        self.table.descriptions.get(self.row())
    }
    /// What the vendor recommends, where a source says.
    pub const fn remediation(&self) -> Option<&'static str> {
        self.table.remediations.get_some(self.row())
    }
    /// The HTTP status that carries this code, where one applies.
    pub const fn http_status(&self) -> Option<u16> {
        table::http_status(self.table.http_statuses, self.row())
    }
    /// What a client should do next.
    pub const fn action(&self) -> Action {
        table::action(self.table.actions, self.row())
    }
    /// The document the entry comes from (the first one it cites).
    pub const fn source(&self) -> Source {
        *self.extra().source
    }
    /// Every document the entry cites, the first one first.
    pub const fn sources(&self) -> Sources {
        Sources::new(SourceList::Cited(self.extra().sources))
    }
    /// The aliases that only one device type uses, with that device.
    pub const fn device_names(&self) -> DeviceNames {
        DeviceNames::new(self.extra().device_names)
    }
    /// The device type an alias applies to, when it is device-specific.
    pub fn device_of(&self, alias: &str) -> Option<&'static str> {
        self.device_names()
            .find(|d| d.name == alias)
            .map(|d| d.device)
    }
    /// Whether the entry rests on a single source that the vendor does not publish itself.
    /// Derived from the sources, so it cannot disagree with them.
    pub const fn single_unofficial_source(&self) -> bool {
        matches!(self.extra().sources, [only] if !only.official)
    }
    /// Documented distinct causes behind this one code, if any.
    pub const fn causes(&self) -> Causes {
        Causes::new(self.extra().causes)
    }
    /// Whether the vendor retired the code.
    pub const fn is_deprecated(&self) -> bool {
        at(self.table.deprecated, self.row(), false)
    }
    /// Why the entry is uncertain (single or disagreeing sources), if it is.
    pub const fn uncertain(&self) -> Option<&'static str> {
        self.table.uncertain.get_some(self.row())
    }
}

/// Every field equal (the same row of the same table is, without reading the fields): an
/// entry loaded at run time equals its generated twin.
impl PartialEq for Entry {
    fn eq(&self, other: &Entry) -> bool {
        if core::ptr::eq(self.table, other.table) && self.row == other.row {
            return true;
        }
        self.catalog() == other.catalog()
            && self.value() == other.value()
            && self.wire() == other.wire()
            && self.name() == other.name()
            && self.aliases().eq(other.aliases())
            && self.description() == other.description()
            && self.remediation() == other.remediation()
            && self.http_status() == other.http_status()
            && self.action() == other.action()
            && self.source() == other.source()
            && self.sources().eq(other.sources())
            && self.device_names().eq(other.device_names())
            && self.causes().eq(other.causes())
            && self.is_deprecated() == other.is_deprecated()
            && self.uncertain() == other.uncertain()
    }
}

impl Eq for Entry {}

/// Hashes the catalogue, value and name: fields that equal entries share.
impl Hash for Entry {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.catalog().hash(state);
        self.value().hash(state);
        self.name().hash(state);
    }
}

/// Every field, by name, as a derived `Debug` would show the record.
impl fmt::Debug for Entry {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Entry")
            .field("catalog", &self.catalog())
            .field("value", &self.value())
            .field("wire", &self.wire())
            .field("name", &self.name())
            .field("aliases", &self.aliases())
            .field("description", &self.description())
            .field("remediation", &self.remediation())
            .field("http_status", &self.http_status())
            .field("action", &self.action())
            .field("source", &self.source())
            .field("sources", &self.sources())
            .field("device_names", &self.device_names())
            .field("causes", &self.causes())
            .field("deprecated", &self.is_deprecated())
            .field("uncertain", &self.uncertain())
            .finish()
    }
}

impl fmt::Display for Entry {
    /// `0x13 P_ERROR_MAX_USER: <description>`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}: {}", self.wire(), self.name(), self.description())
    }
}
