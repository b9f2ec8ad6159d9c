//! Catalogue metadata and the lookup every catalogue shares.

use core::fmt;

use crate::list::{Entries, SourceList, Sources};
use crate::table::Table;
use crate::{Entry, KeyKind, ParseError, ParseErrorKind, Source, Value, WireFormat};

/// One catalogue: its metadata, its entries and lookups by wire text or name.
///
/// Every generated module exposes its catalogue as `CATALOG`; [`crate::catalogs`] lists them.
/// A catalogue can also be built at run time from its entries alone (the `errcodes --catalog
/// DIR` command reads YAML files that way): it answers every lookup below the same way, by
/// scanning its entries instead of probing generated tables, and works with
/// [`crate::lookup_in`] and [`crate::catalog_in`] beside the built-in ones.
///
/// ```
/// let knox = errcodes::catalog("knox::tag").ok_or("no Knox Tag catalogue")?;
/// let entry = knox.lookup("40100000")?;
/// assert_eq!(entry.name(), "AUTHORIZATION_FAIL");
/// assert_eq!(entry.http_status(), Some(401));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct Catalog {
    pub(crate) id: &'static str,
    pub(crate) slug: &'static str,
    pub(crate) title: &'static str,
    pub(crate) key: KeyKind,
    pub(crate) wire: WireFormat,
    pub(crate) sources: &'static [Source],
    pub(crate) table: &'static Table,
    pub(crate) absent: &'static [Absent],
    pub(crate) lookups: Lookups,
}

/// A value the vendor's documents name but that is not a code (reserved, retired before it
/// was used), with why: HTTP 306 and 418 in the IANA registry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Absent {
    pub(crate) value: Value,
    pub(crate) wire: &'static str,
    pub(crate) reason: &'static str,
}

impl Absent {
    /// The value.
    pub const fn value(&self) -> Value {
        self.value
    }

    /// The value as the vendor writes it (`418`).
    pub const fn wire(&self) -> &'static str {
        self.wire
    }

    /// Why it is not a code, in the catalogue's words.
    pub const fn reason(&self) -> &'static str {
        self.reason
    }
}

/// How a catalogue finds a code.
#[derive(Clone, Copy)]
pub(crate) enum Lookups {
    /// Generated functions over perfect-hash tables (every built-in catalogue). Plain `fn`
    /// pointers, so they cannot hold a catalogue built at run time.
    Tables {
        by_wire: fn(&str) -> Result<Entry, ParseError>,
        by_name: fn(&str) -> Option<Entry>,
    },
    /// No tables: wire text is parsed by the catalogue's key kind and wire format and the
    /// entries are scanned (see `scan.rs`), for catalogues built at run time.
    Scan,
}

impl Catalog {
    /// The catalogue id, which is also its module path under `errcodes` (`knox::tag`).
    pub const fn id(&self) -> &'static str {
        self.id
    }
    /// The id in command-line form (`knox-tag`).
    pub const fn slug(&self) -> &'static str {
        self.slug
    }
    /// Human title.
    pub const fn title(&self) -> &'static str {
        self.title
    }
    /// The kind of wire key.
    pub const fn key(&self) -> KeyKind {
        self.key
    }
    /// How wire values are written.
    pub const fn wire_format(&self) -> WireFormat {
        self.wire
    }
    /// The documents the catalogue comes from.
    pub const fn sources(&self) -> Sources {
        Sources::new(SourceList::Catalog(self.sources))
    }
    /// Every entry, sorted by wire value.
    pub const fn entries(&self) -> Entries {
        Entries::new(self.table)
    }

    /// Values the vendor documents as not codes, with why (empty for most catalogues).
    pub const fn absent(&self) -> &'static [Absent] {
        self.absent
    }

    /// Why `text`, a well-formed wire value no entry has, is not a code, when the catalogue
    /// records it (`418` in `http`: reserved by IANA).
    ///
    /// ```
    /// let http = errcodes::catalog("http").ok_or("no http")?;
    /// let absent = http.absent_for("418").ok_or("418 is recorded")?;
    /// assert!(absent.reason().contains("IANA"));
    /// assert!(http.absent_for("404").is_none()); // a code
    /// # Ok::<(), &str>(())
    /// ```
    pub fn absent_for(&self, text: &str) -> Option<&'static Absent> {
        let value = self.parse_wire(text).err()?.value()?;
        self.absent.iter().find(|a| a.value == value)
    }

    /// Looks up a wire value written in the catalogue's wire form (`ff`, `404`).
    ///
    /// # Errors
    /// Why `text` is not a known wire value: empty, not in the wire form, out of range for
    /// the key kind, or well formed but not catalogued ([`ParseErrorKind::Unknown`]).
    pub fn parse_wire(&self, text: &str) -> Result<Entry, ParseError> {
        match self.lookups {
            Lookups::Tables { by_wire, .. } => by_wire(text),
            Lookups::Scan => crate::scan::by_wire(self, text),
        }
    }

    /// Looks up a spec name or alias, exactly as written.
    pub fn find_name(&self, name: &str) -> Option<Entry> {
        match self.lookups {
            Lookups::Tables { by_name, .. } => by_name(name),
            Lookups::Scan => crate::scan::by_name(self, name),
        }
    }

    /// Looks up a spec name or alias in any ASCII case: the exact spelling first, else the
    /// one entry with a name or alias equal to `name` ignoring ASCII case (`None` when
    /// several entries would match).
    ///
    /// This is the crate's one rule for names that people and other systems type: `parse`,
    /// `FromStr`, [`Catalog::lookup`], [`crate::lookup`], serde and the `errcodes` command
    /// all follow it. `from_name` and [`Catalog::find_name`] are the exact lookups under it.
    ///
    /// ```
    /// let http = errcodes::catalog_in(errcodes::catalogs(), "http").unwrap();
    /// assert_eq!(http.find_name_any_case("not found").map(|e| e.wire()), Some("404"));
    /// assert_eq!(http.find_name("not found"), None);
    /// assert_eq!("service unavailable".parse::<errcodes::http::Code>(), Ok(errcodes::http::Code::ServiceUnavailable));
    /// assert_eq!(errcodes::lookup("nuki", "p_error_max_user").map(|e| e.wire()), Ok("0x13"));
    /// ```
    pub fn find_name_any_case(&self, name: &str) -> Option<Entry> {
        self.find_name(name).or_else(|| {
            let mut hits = self.entries().filter(|e| {
                core::iter::once(e.name())
                    .chain(e.aliases())
                    .any(|n| n.eq_ignore_ascii_case(name))
            });
            match (hits.next(), hits.next()) {
                (Some(only), None) => Some(only),
                _ => None,
            }
        })
    }

    /// Looks up `text` as a wire value, then as a name: what a tool does with user input.
    ///
    /// # Errors
    /// As [`Catalog::parse_wire`], except that text that is neither wire text nor a name is
    /// [`ParseErrorKind::Unknown`].
    pub fn lookup(&self, text: &str) -> Result<Entry, ParseError> {
        lookup_with(
            text,
            |text| self.parse_wire(text),
            |name| self.find_name_any_case(name),
            self.id,
            self.wire,
        )
    }
}

impl fmt::Debug for Catalog {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Catalog")
            .field("id", &self.id)
            .field("key", &self.key)
            .field("wire", &self.wire)
            .field("entries", &self.table.rows())
            .finish_non_exhaustive()
    }
}

/// What every generated `Code` enum offers, for code that is generic over catalogues.
///
/// ```
/// use errcodes::{CatalogCode, nuki};
///
/// fn describe<C: CatalogCode>(wire: &str) -> String {
///     match C::from_wire(wire) {
///         Ok(code) => format!("{}: {}", C::catalog().id(), code.entry().name()),
///         Err(err) => err.to_string(),
///     }
/// }
/// assert_eq!(describe::<nuki::Code>("ff"), "nuki: ERROR_UNKNOWN");
/// ```
///
/// # An extension point, not sealed
///
/// Every `Code` that `codegen` writes implements this trait, and so will the code a future
/// `errcodes-build` generates into other crates, which is why it is not sealed. Implementing
/// it by hand is allowed; the contract is the documented behaviour of each method (`from_*`
/// agree with each other and with [`CatalogCode::entry`], `catalog().entries()` lists every
/// code). The required methods are the minimum a catalogue must answer; everything else has a
/// default built on them, and methods added later will have defaults too (a minor release).
///
/// # Formatting
///
/// As with `http::StatusCode` (Debug `404`, Display `404 Not Found`) and
/// `std::io::ErrorKind` (Debug `NotFound`): `{:?}` is short and names the catalogue, since
/// one value is a code of several (`http::Code(404)`, `tapkey::Code(404)`); `{}` is one
/// line, the wire value and the spec name; the long text is a method, each `Code`'s
/// `description()` (or `code.entry()`, whose Display is `<wire> <name>: <description>`).
///
/// ```
/// use errcodes::{http, nuki, CatalogCode};
///
/// assert_eq!(format!("{:?}", http::Code::NotFound), "http::Code(404)");
/// assert_eq!(format!("{:?}", nuki::Code::PErrorMaxUser), "nuki::Code(0x13)");
/// assert_eq!(http::Code::NotFound.to_string(), "404 Not Found");
/// assert_eq!(nuki::Code::PErrorMaxUser.to_string(), "0x13 P_ERROR_MAX_USER");
/// assert_eq!(
///     nuki::Code::PErrorMaxUser.description(),
///     "The lock already stores the most authorizations it can hold."
/// );
/// assert_eq!(
///     nuki::Code::PErrorMaxUser.entry().to_string(),
///     "0x13 P_ERROR_MAX_USER: The lock already stores the most authorizations it can hold."
/// );
/// ```
///
/// # serde
///
/// With the `serde` feature every `Code` implements `Serialize` and `Deserialize`, without
/// `std` or `alloc`:
/// - in human-readable formats (JSON, YAML, TOML…) a code is its spec name
///   (`"P_ERROR_MAX_USER"`, `"Not Found"`); it reads back from a string taken as wire text
///   first and then as a name or alias (`"0x13"`, `"13"`, `"P_ERROR_MAX_USER"`), or from a
///   number, the wire value (`19` is nuki's `0x13`);
/// - in compact formats (postcard, bincode…) a code is its wire value (an integer widened to
///   `u64`/`i64`, or the string of a string catalogue).
///
/// [`Action`](crate::Action) is its catalogue spelling (`"retry"`, `"none"`) everywhere, and
/// [`Entry`] serializes as the entry object the `errcodes --json` command documents.
///
/// # Codes are errors
///
/// Every `Code` implements [`core::error::Error`] (always, also without `std`), so a code can
/// be returned with `?` and wrapped with `thiserror`'s `#[from]`. That includes catalogues with
/// success codes (`http::Code::Ok`, Knox's `SUCCESS`): a Rust trait belongs to a type, not to
/// some of its values, and whether a particular code is a failure is the caller's call (see
/// [`CatalogCode::action`]; success codes have [`Action::Nothing`](crate::Action::Nothing)).
pub trait CatalogCode:
    Copy
    + Eq
    + Ord
    + core::hash::Hash
    + fmt::Debug
    + fmt::Display
    + core::error::Error
    + Send
    + Sync
    + 'static
{
    /// The wire value's type: `u8`, `u16`, `u32`, `u64`, `i16`, `i32`, `i64` or
    /// `&'static str`.
    type Key: WireKey;

    /// The catalogue the code belongs to.
    fn catalog() -> &'static Catalog;
    /// The code's record.
    fn entry(self) -> Entry;
    /// The wire value (for integer keys also the enum's discriminant).
    fn value(self) -> Self::Key;
    /// The code with this wire value.
    fn from_value(value: Self::Key) -> Option<Self>;
    /// Parses wire text as the vendor sends it (`13`, `0xFF`, `4000000`, the string itself);
    /// not names.
    ///
    /// # Errors
    /// As [`Catalog::parse_wire`].
    fn from_wire(text: &str) -> Result<Self, ParseError>;
    /// The code with this spec name or alias, exactly as written.
    fn from_name(name: &str) -> Option<Self>;

    /// Wire text first, then a spec name or alias in any ASCII case (when it picks one
    /// entry; see [`Catalog::find_name_any_case`]): what each module's `parse` and `FromStr`
    /// do, and what serde reads.
    ///
    /// # Errors
    /// As [`Catalog::lookup`].
    fn parse(text: &str) -> Result<Self, ParseError> {
        let catalog = Self::catalog();
        lookup_with(
            text,
            Self::from_wire,
            |name| {
                Self::from_name(name)
                    .or_else(|| Self::from_wire(catalog.find_name_any_case(name)?.wire()).ok())
            },
            catalog.id(),
            catalog.wire_format(),
        )
    }
    /// The spec name, verbatim.
    fn name(self) -> &'static str {
        self.entry().name()
    }
    /// The wire value as the vendor documents it.
    fn wire(self) -> &'static str {
        self.entry().wire()
    }
    /// What a client should do next.
    fn action(self) -> crate::Action {
        self.entry().action()
    }
}

/// The types a wire value can have: `u8`, `u16`, `u32`, `u64`, `i16`, `i32`, `i64` and
/// `&'static str`, one per [`KeyKind`]. Sealed: the set follows the catalogue schema.
pub trait WireKey: Copy + Eq + fmt::Debug + private::Sealed + 'static {
    /// The value as a [`Value`].
    fn to_value(self) -> Value;
    /// The key with this integer value, if the key is an integer type and `value` fits it.
    fn from_int(value: i128) -> Option<Self>;
}

mod private {
    pub trait Sealed {}
}

macro_rules! int_keys {
    ($($ty:ty => $variant:ident),*) => {$(
        impl private::Sealed for $ty {}
        impl WireKey for $ty {
            fn to_value(self) -> Value {
                Value::$variant(self.into())
            }
            fn from_int(value: i128) -> Option<Self> {
                <$ty>::try_from(value).ok()
            }
        }
    )*};
}

int_keys!(u8 => Unsigned, u16 => Unsigned, u32 => Unsigned, u64 => Unsigned,
    i16 => Signed, i32 => Signed, i64 => Signed);

impl private::Sealed for &'static str {}
impl WireKey for &'static str {
    fn to_value(self) -> Value {
        Value::Text(self)
    }
    fn from_int(_: i128) -> Option<Self> {
        None
    }
}

/// Wire text first, then a name: the one rule behind [`Catalog::lookup`] and each module's
/// `parse`. A text that is neither well-formed wire text nor a name is reported as unknown.
///
/// # Errors
/// `by_wire`'s error, or [`ParseErrorKind::Unknown`] for text that is not wire text either.
pub fn lookup_with<T>(
    text: &str,
    by_wire: impl FnOnce(&str) -> Result<T, ParseError>,
    by_name: impl FnOnce(&str) -> Option<T>,
    catalog: &'static str,
    wire: WireFormat,
) -> Result<T, ParseError> {
    by_wire(text).or_else(|err| {
        by_name(text).ok_or(match err.kind() {
            ParseErrorKind::InvalidSyntax => {
                ParseError::new(ParseErrorKind::Unknown, catalog, wire).with_input(text)
            }
            _ => err.with_input(text),
        })
    })
}
