//! A code as it came over the wire: the exact text, and the catalogued code if there is one.

use alloc::string::String;
use core::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer, de};

use crate::{CatalogCode, ParseErrorKind};

/// A code string from a response body, kept exactly as sent.
///
/// Well-formed wire text (hex for Nuki, digits for Knox) always parses: a catalogued code
/// gives [`WireCode::code`], an uncatalogued one is kept as [`WireCode::raw`] and never lost.
/// Serializing writes the raw text back unchanged. Text that is not in the catalogue's wire
/// form (`"zz"` for a hex catalogue) is a deserialization error.
///
/// ```
/// use errcodes::{nuki, response::WireCode};
///
/// let known: WireCode<nuki::Code> = serde_json::from_str(r#""ff""#).unwrap();
/// assert_eq!(known.code(), Some(nuki::Code::ErrorUnknown));
/// let unseen: WireCode<nuki::Code> = serde_json::from_str(r#""7a""#).unwrap();
/// assert_eq!((unseen.code(), unseen.raw()), (None, "7a"));
/// assert_eq!(serde_json::to_string(&unseen).unwrap(), r#""7a""#);
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct WireCode<C> {
    raw: String,
    code: Option<C>,
}

impl<C: CatalogCode> WireCode<C> {
    /// Reads wire text.
    ///
    /// # Errors
    /// Only when `raw` is not in the catalogue's wire form (empty, bad digits, out of range);
    /// a well-formed code the catalogue lacks is kept, not an error.
    pub fn parse(raw: &str) -> Result<Self, crate::ParseError> {
        let code = match C::parse_wire(raw) {
            Ok(code) => Some(code),
            Err(e) if e.kind() == ParseErrorKind::Unknown => None,
            Err(e) => return Err(e),
        };
        Ok(WireCode {
            raw: raw.into(),
            code,
        })
    }

    /// The catalogued code, if the catalogue has it.
    pub fn code(&self) -> Option<C> {
        self.code
    }

    /// The text exactly as sent.
    pub fn raw(&self) -> &str {
        &self.raw
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

/// `0xFF ERROR_UNKNOWN: …` for a catalogued code, `ff (not catalogued)` otherwise.
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

impl<C> Serialize for WireCode<C> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.raw)
    }
}

impl<'de, C: CatalogCode> Deserialize<'de> for WireCode<C> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = String::deserialize(deserializer)?;
        WireCode::parse(&raw).map_err(de::Error::custom)
    }
}
