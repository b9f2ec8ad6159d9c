//! A code as it came over the wire: the exact text, and the catalogued code if there is one.

use alloc::format;
use alloc::string::{String, ToString};
use core::fmt;

use super::json::{decode_string, json_integer};
use crate::{CatalogCode, KeyKind, ParseError, ParseErrorKind, WireKey};

/// A code from a response body, kept exactly as sent.
///
/// Well-formed wire text (hex for Nuki, digits for Knox) always parses: a catalogued code
/// gives [`WireCode::code`], an uncatalogued one is kept as [`WireCode::raw`] and never lost.
/// Text that is not in the catalogue's wire form (`"zz"` for a hex catalogue) is an error.
///
/// Vendors also send codes as JSON numbers. A number means its value: `4000000` is the Knox
/// code `"4000000"`, and for a hex catalogue such as Nuki's, `255` is the byte 0xFF (the
/// string `"ff"`). [`WireCode::is_number`] tells which form arrived; either way the code is
/// written back in the form it came in.
///
/// ```
/// use errcodes::{nuki, response::WireCode};
///
/// let known = WireCode::<nuki::Code>::parse("ff")?;
/// assert_eq!(known.code(), Some(nuki::Code::ErrorUnknown));
/// let unseen = WireCode::<nuki::Code>::parse("7a")?;
/// assert_eq!((unseen.code(), unseen.raw()), (None, "7a"));
/// # Ok::<(), errcodes::ParseError>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct WireCode<C> {
    raw: String,
    number: bool,
    code: Option<C>,
}

/// `Ok(None)` for an uncatalogued code, `Err` for text that is not a code at all.
fn known<C: CatalogCode>(result: Result<C, ParseError>) -> Result<Option<C>, ParseError> {
    match result {
        Ok(code) => Ok(Some(code)),
        Err(e) if e.kind() == ParseErrorKind::Unknown => Ok(None),
        Err(e) => Err(e),
    }
}

impl<C: CatalogCode> WireCode<C> {
    /// Reads wire text, as a code sent as a JSON string.
    ///
    /// # Errors
    /// Only when `raw` is not in the catalogue's wire form (empty, bad digits, out of range);
    /// a well-formed code the catalogue lacks is kept, not an error.
    pub fn parse(raw: &str) -> Result<Self, ParseError> {
        Ok(WireCode {
            raw: raw.into(),
            number: false,
            code: known(C::from_wire(raw))?,
        })
    }

    /// Reads a code sent as a JSON number (its raw text: `4000000`, `255`, `1E2`, `0e0`).
    ///
    /// A number means its value, whatever its spelling: `1E2`, `100` and `100.0` are all a
    /// hundred, and `0e0` is zero. A hex catalogue's `19` is the byte 0x13, Knox's `4e6` is
    /// its code 4000000, and a string-keyed catalogue's `42` is its code `"42"`. A number that
    /// is not a whole number (`1.5`), or that no code of the catalogue's key can have (`-1`
    /// for a byte, `1e400`), is kept as an unknown code, exactly as sent; it is never read as
    /// text.
    ///
    /// ```
    /// use errcodes::{knox, nuki, response::WireCode};
    ///
    /// assert_eq!(WireCode::<nuki::Code>::parse_number("19")?.code(), Some(nuki::Code::PErrorMaxUser));
    /// assert_eq!(WireCode::<nuki::Code>::parse_number("1.9E1")?.code(), Some(nuki::Code::PErrorMaxUser));
    /// // Zero is no Nuki code, whichever way it is written; `1E2` (100) is none either.
    /// for raw in ["0", "0e0", "-0", "1E2", "1.5", "-1", "1e400"] {
    ///     let code = WireCode::<nuki::Code>::parse_number(raw)?;
    ///     assert_eq!((code.code(), code.raw()), (None, raw));
    /// }
    /// assert_eq!(
    ///     WireCode::<knox::tag::Code>::parse_number("4e6")?.code(),
    ///     Some(knox::tag::Code::ResourceInvalidParam)
    /// );
    /// assert!(WireCode::<nuki::Code>::parse_number("ff").is_err());
    /// # Ok::<(), errcodes::ParseError>(())
    /// ```
    ///
    /// # Errors
    /// Only when `raw` is not a JSON number (RFC 8259: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`).
    pub fn parse_number(raw: &str) -> Result<Self, ParseError> {
        let catalog = C::catalog();
        let value = json_integer(raw).map_err(|()| {
            ParseError::new(
                ParseErrorKind::InvalidSyntax,
                catalog.id(),
                catalog.wire_format(),
            )
        })?;
        let code = value.and_then(|v| match C::Key::from_int(v) {
            Some(key) => C::from_value(key),
            // A string-keyed catalogue whose codes are digits: the value's digits.
            None if catalog.key() == KeyKind::Text => C::from_wire(&format!("{v}")).ok(),
            None => None,
        });
        Ok(WireCode {
            raw: raw.into(),
            number: true,
            code,
        })
    }

    /// Reads a raw JSON value: a string or a number; `Ok(None)` for `null`.
    pub(crate) fn from_json_value(raw: &str) -> Result<Option<Self>, String> {
        match raw.as_bytes().first() {
            Some(b'"') => match decode_string(raw, false) {
                Some(text) => WireCode::parse(&text).map(Some).map_err(|e| e.to_string()),
                None => Err("the code is not text (a lone surrogate)".into()),
            },
            Some(b'-' | b'0'..=b'9') => WireCode::parse_number(raw)
                .map(Some)
                .map_err(|e| e.to_string()),
            Some(b'n') => Ok(None),
            _ => Err(format!(
                "expected the code as a string or a number, found {}",
                super::json_kind(raw)
            )),
        }
    }

    /// The catalogued code, if the catalogue has it.
    pub fn code(&self) -> Option<C> {
        self.code
    }

    /// The text exactly as sent (the digits of a number).
    pub fn raw(&self) -> &str {
        &self.raw
    }

    /// Whether the code arrived as a JSON number rather than a string.
    pub fn is_number(&self) -> bool {
        self.number
    }

    /// The code as a JSON value: a string, or the number as sent.
    pub(crate) fn to_json_value(&self) -> String {
        if self.number {
            self.raw.clone()
        } else {
            let mut out = String::new();
            super::json::write_string(&mut out, &self.raw);
            out
        }
    }
}

impl<C: CatalogCode> fmt::Debug for WireCode<C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.code {
            Some(code) => write!(f, "{code:?}"),
            None => write!(f, "Unknown({:?})", self.raw),
        }
    }
}

/// `0xFF ERROR_UNKNOWN` for a catalogued code, `7a (not catalogued in `nuki`)` otherwise.
impl<C: CatalogCode> fmt::Display for WireCode<C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.code {
            Some(code) => write!(f, "{code}"),
            None => write!(
                f,
                "{} (not catalogued in `{}`)",
                self.raw,
                C::catalog().id()
            ),
        }
    }
}

#[cfg(feature = "serde")]
impl<C> serde::Serialize for WireCode<C> {
    /// The code in the form it arrived: a string, or a number when it came as one (and fits
    /// 64 bits).
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.number {
            if let Ok(n) = self.raw.parse::<u64>() {
                return serializer.serialize_u64(n);
            }
            if let Ok(n) = self.raw.parse::<i64>() {
                return serializer.serialize_i64(n);
            }
        }
        serializer.serialize_str(&self.raw)
    }
}

#[cfg(feature = "serde")]
impl<'de, C: CatalogCode> serde::Deserialize<'de> for WireCode<C> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = String::deserialize(deserializer)?;
        WireCode::parse(&raw).map_err(serde::de::Error::custom)
    }
}
