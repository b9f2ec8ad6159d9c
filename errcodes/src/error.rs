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
    /// The id asked for, for [`ParseErrorKind::UnknownCatalog`]: kept inline (no allocation,
    /// and the error stays `'static` and `Copy`), cut to [`ASKED_MAX`] bytes.
    asked: Asked,
}

/// How much of an unknown catalogue id an error keeps (longer ids end in `…` when shown).
const ASKED_MAX: usize = 32;

/// The first [`ASKED_MAX`] bytes of the id asked for, cut at a character boundary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct Asked {
    bytes: [u8; ASKED_MAX],
    len: u8,
    cut: bool,
}

impl Asked {
    const NONE: Asked = Asked {
        bytes: [0; ASKED_MAX],
        len: 0,
        cut: false,
    };

    fn new(id: &str) -> Asked {
        let mut end = id.len().min(ASKED_MAX);
        while !id.is_char_boundary(end) {
            end -= 1;
        }
        let mut bytes = [0; ASKED_MAX];
        bytes[..end].copy_from_slice(&id.as_bytes()[..end]);
        Asked {
            bytes,
            #[allow(clippy::cast_possible_truncation)] // end <= ASKED_MAX < 256
            len: end as u8,
            cut: end < id.len(),
        }
    }

    fn as_str(&self) -> &str {
        // Cut at a character boundary of a `&str`, so always valid; "" is unreachable.
        core::str::from_utf8(&self.bytes[..usize::from(self.len)]).unwrap_or("")
    }
}

impl ParseError {
    pub(crate) const fn new(kind: ParseErrorKind, catalog: &'static str, wire: WireFormat) -> Self {
        ParseError {
            kind,
            catalog,
            wire,
            value: None,
            asked: Asked::NONE,
        }
    }

    /// No catalogue has the id `asked`.
    pub(crate) fn unknown_catalog(asked: &str) -> Self {
        ParseError {
            asked: Asked::new(asked),
            ..ParseError::new(ParseErrorKind::UnknownCatalog, "", WireFormat::Text)
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
            asked: Asked::NONE,
        }
    }

    /// Why parsing failed.
    pub const fn kind(&self) -> ParseErrorKind {
        self.kind
    }

    /// The catalogue the text was looked up in; for [`ParseErrorKind::UnknownCatalog`], the id
    /// that was asked for (its first 32 bytes, cut at a character boundary).
    ///
    /// ```
    /// let err = errcodes::lookup("acme::lock", "1").unwrap_err();
    /// assert_eq!(err.catalog(), "acme::lock");
    /// assert_eq!(err.to_string(), "no catalogue has the id `acme::lock` (see `errcodes::catalogs()`)");
    /// ```
    pub fn catalog(&self) -> &str {
        match self.kind {
            ParseErrorKind::UnknownCatalog => self.asked.as_str(),
            _ => self.catalog,
        }
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
                let ellipsis = if self.asked.cut { "…" } else { "" };
                write!(
                    f,
                    "no catalogue has the id `{}{ellipsis}` (see `errcodes::catalogs()`)",
                    self.asked.as_str()
                )
            }
        }
    }
}

/// Always implemented (`core::error::Error`, Rust 1.81), also without `std`.
impl core::error::Error for ParseError {}
