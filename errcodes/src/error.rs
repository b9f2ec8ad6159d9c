//! The error every parser of this crate returns.

use core::fmt;

use crate::{Value, WireFormat};

/// Why a text could not be turned into a code.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ParseErrorKind {
    /// The text was empty.
    Empty,
    /// The text is not written in the catalogue's wire form (bad hex digit, sign, space…).
    InvalidSyntax,
    /// The number is well formed but does not fit the catalogue's key kind.
    OutOfRange,
    /// The text is a valid wire value or name, but no entry has it.
    Unknown,
    /// No catalogue has that id.
    UnknownCatalog,
}

/// A text that is not a known code of a catalogue, and why.
///
/// ```
/// use errcodes::{nuki, ParseErrorKind};
///
/// let err = nuki::from_hex("zz").unwrap_err();
/// assert_eq!(err.kind(), ParseErrorKind::InvalidSyntax);
/// assert_eq!(err.to_string(), "`nuki` expects a hex byte like `ff` or `0xFF`; the text is not one");
///
/// let err = nuki::from_hex("0x01").unwrap_err();
/// assert_eq!(err.kind(), ParseErrorKind::Unknown);
/// assert_eq!(err.to_string(), "`nuki` has no code 0x01");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ParseError {
    kind: ParseErrorKind,
    catalog: &'static str,
    wire: WireFormat,
    value: Option<Value>,
}

impl ParseError {
    pub(crate) const fn new(kind: ParseErrorKind, catalog: &'static str, wire: WireFormat) -> Self {
        ParseError {
            kind,
            catalog,
            wire,
            value: None,
        }
    }

    pub(crate) const fn unknown_value(
        catalog: &'static str,
        wire: WireFormat,
        value: Value,
    ) -> Self {
        ParseError {
            kind: ParseErrorKind::Unknown,
            catalog,
            wire,
            value: Some(value),
        }
    }

    /// Why parsing failed.
    pub const fn kind(&self) -> ParseErrorKind {
        self.kind
    }

    /// The catalogue the text was looked up in (empty for [`ParseErrorKind::UnknownCatalog`]).
    pub const fn catalog(&self) -> &'static str {
        self.catalog
    }

    /// The well-formed wire value that no entry has, for [`ParseErrorKind::Unknown`].
    pub const fn value(&self) -> Option<Value> {
        self.value
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (catalog, expected) = (self.catalog, self.wire.expected());
        match self.kind {
            ParseErrorKind::Empty => write!(f, "`{catalog}` expects {expected}; the text is empty"),
            ParseErrorKind::InvalidSyntax => {
                write!(f, "`{catalog}` expects {expected}; the text is not one")
            }
            ParseErrorKind::OutOfRange => {
                write!(
                    f,
                    "`{catalog}` expects {expected}; the number is out of range"
                )
            }
            ParseErrorKind::Unknown => match self.value {
                Some(Value::Unsigned(v)) if self.wire == WireFormat::Hex => {
                    write!(f, "`{catalog}` has no code 0x{v:02X}")
                }
                Some(v) => write!(f, "`{catalog}` has no code {v}"),
                None => write!(f, "`{catalog}` has no code or name like that"),
            },
            ParseErrorKind::UnknownCatalog => {
                f.write_str("no catalogue has that id (see `errcodes::catalogs()`)")
            }
        }
    }
}

#[cfg(feature = "std")]
impl std::error::Error for ParseError {}
