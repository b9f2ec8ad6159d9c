//! Samsung Knox Tag API error objects: `{result, code, message, data}`.

use alloc::string::String;
use core::fmt;

use serde::{Deserialize, Serialize};

use super::{BodyError, Extra, WireCode, from_json, status_next_step, to_json};
use crate::{Action, knox::tag};

/// The Tag API's error object.
///
/// `code` is a numeric string (7 or 8 digits, mixed); a code the catalogue lacks is kept.
/// The HTTP status comes from `result`, never from the code's width.
///
/// ```
/// use errcodes::{Action, knox, response::KnoxTagError};
///
/// let body = br#"{"result":400,"code":"4000000","message":"RESOURCE_INVALID_PARAM","data":"The specified request parameters are not valid."}"#;
/// let err = KnoxTagError::from_json(body).unwrap();
/// assert_eq!(err.code.code(), Some(knox::tag::Code::ResourceInvalidParam));
/// assert_eq!(err.next_step(), Action::FixRequest);
/// assert_eq!(err.status_mismatch(), None);
/// assert_eq!(err.to_json(), std::str::from_utf8(body).unwrap());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KnoxTagError {
    /// The HTTP status, as the body states it.
    pub result: u16,
    /// The application code, as sent.
    pub code: WireCode<tag::Code>,
    /// The error's name (`RESOURCE_INVALID_PARAM`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// Detail text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data: Option<String>,
    /// Fields Knox does not document, kept for the round trip.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `result` and the catalogued code's HTTP status disagree; both are kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StatusMismatch {
    /// The status in the body's `result`.
    pub result: u16,
    /// The status the catalogue gives for the code.
    pub catalogued: u16,
}

impl KnoxTagError {
    /// Parses the JSON error object.
    ///
    /// # Errors
    /// A [`BodyError`] when the body is not JSON, lacks `result` or `code`, has a field of
    /// the wrong type, or a `code` that is not decimal digits.
    pub fn from_json(body: &[u8]) -> Result<Self, BodyError> {
        from_json("Knox Tag API error object", body)
    }

    /// The body as compact JSON, fields in the documented order.
    pub fn to_json(&self) -> String {
        to_json(self)
    }

    /// `Some` when `result` and the catalogue's HTTP status for `code` differ.
    pub fn status_mismatch(&self) -> Option<StatusMismatch> {
        let catalogued = self.code.code()?.http_status()?;
        (catalogued != self.result).then_some(StatusMismatch {
            result: self.result,
            catalogued,
        })
    }

    /// What to do next: the code's action, or for an uncatalogued code, the status's.
    pub fn next_step(&self) -> Action {
        match self.code.code() {
            Some(code) => code.action(),
            None => tag::http::from_status(self.result)
                .map_or_else(|| status_next_step(self.result), tag::http::Code::action),
        }
    }
}

/// `Knox Tag API 4000000 RESOURCE_INVALID_PARAM: <description> (HTTP 400)`
impl fmt::Display for KnoxTagError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(code) = self.code.code() {
            write!(f, "Knox Tag API {code} (HTTP {})", self.result)?;
        } else {
            let name = self.message.as_deref().unwrap_or("unnamed");
            let raw = self.code.raw();
            write!(
                f,
                "Knox Tag API {raw} {name} (not catalogued, HTTP {})",
                self.result
            )?;
        }
        if let Some(m) = self.status_mismatch() {
            write!(
                f,
                "; the catalogue gives HTTP {} for this code",
                m.catalogued
            )?;
        }
        Ok(())
    }
}

#[cfg(feature = "std")]
impl std::error::Error for KnoxTagError {}
