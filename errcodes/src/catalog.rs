//! Catalogue metadata and the lookup every catalogue shares.

use core::fmt;

use crate::{Entry, KeyKind, ParseError, ParseErrorKind, Source, WireFormat};

/// One catalogue: its metadata, its entries and lookups by wire text or name.
///
/// Every generated module exposes its catalogue as `CATALOG`; [`crate::catalogs`] lists them.
///
/// ```
/// let knox = errcodes::catalog("knox::tag").unwrap();
/// let entry = knox.lookup("40100000").unwrap();
/// assert_eq!(entry.name(), "AUTHORIZATION_FAIL");
/// assert_eq!(entry.http_status(), Some(401));
/// ```
pub struct Catalog {
    pub(crate) id: &'static str,
    pub(crate) slug: &'static str,
    pub(crate) title: &'static str,
    pub(crate) key: KeyKind,
    pub(crate) wire: WireFormat,
    pub(crate) sources: &'static [Source],
    pub(crate) entries: &'static [Entry],
    pub(crate) by_wire: fn(&str) -> Result<&'static Entry, ParseError>,
    pub(crate) by_name: fn(&str) -> Option<&'static Entry>,
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
    pub const fn sources(&self) -> &'static [Source] {
        self.sources
    }
    /// Every entry, sorted by wire value.
    pub const fn entries(&self) -> &'static [Entry] {
        self.entries
    }

    /// Looks up a wire value written in the catalogue's wire form (`ff`, `404`).
    ///
    /// # Errors
    /// Why `text` is not a known wire value: empty, not in the wire form, out of range for
    /// the key kind, or well formed but not catalogued ([`ParseErrorKind::Unknown`]).
    pub fn parse_wire(&self, text: &str) -> Result<&'static Entry, ParseError> {
        (self.by_wire)(text)
    }

    /// Looks up a spec name or alias, exactly as written.
    pub fn find_name(&self, name: &str) -> Option<&'static Entry> {
        (self.by_name)(name)
    }

    /// Looks up `text` as a wire value, then as a name: what a tool does with user input.
    ///
    /// # Errors
    /// As [`Catalog::parse_wire`], except that text that is neither wire text nor a name is
    /// [`ParseErrorKind::Unknown`].
    pub fn lookup(&self, text: &str) -> Result<&'static Entry, ParseError> {
        lookup_with(text, self.by_wire, self.by_name, self.id, self.wire)
    }
}

impl fmt::Debug for Catalog {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Catalog")
            .field("id", &self.id)
            .field("key", &self.key)
            .field("wire", &self.wire)
            .field("entries", &self.entries.len())
            .finish_non_exhaustive()
    }
}

/// What every generated `Code` enum offers, for code that is generic over catalogues.
///
/// ```
/// use errcodes::{CatalogCode, nuki};
///
/// fn describe<C: CatalogCode>(wire: &str) -> String {
///     match C::parse_wire(wire) {
///         Ok(code) => format!("{}: {}", C::catalog().id(), code.entry().name()),
///         Err(err) => err.to_string(),
///     }
/// }
/// assert_eq!(describe::<nuki::Code>("ff"), "nuki: ERROR_UNKNOWN");
/// ```
pub trait CatalogCode: Copy + Eq + core::hash::Hash + fmt::Debug + fmt::Display + 'static {
    /// The catalogue the code belongs to.
    fn catalog() -> &'static Catalog;
    /// The code's record.
    fn entry(self) -> &'static Entry;
    /// Parses wire text in the catalogue's wire form (not names).
    ///
    /// # Errors
    /// As [`Catalog::parse_wire`].
    fn parse_wire(text: &str) -> Result<Self, ParseError>;
}

/// Wire text first, then a name: the one rule behind [`Catalog::lookup`] and each module's
/// `parse`. A text that is neither well-formed wire text nor a name is reported as unknown.
pub(crate) fn lookup_with<T>(
    text: &str,
    by_wire: impl FnOnce(&str) -> Result<T, ParseError>,
    by_name: impl FnOnce(&str) -> Option<T>,
    catalog: &'static str,
    wire: WireFormat,
) -> Result<T, ParseError> {
    by_wire(text).or_else(|err| {
        by_name(text).ok_or(match err.kind() {
            ParseErrorKind::InvalidSyntax => {
                ParseError::new(ParseErrorKind::Unknown, catalog, wire)
            }
            _ => err,
        })
    })
}
