//! Tapkey Web API errors: an HTTP status plus an optional JSON body.

use alloc::string::String;
use core::fmt;

use serde::{Deserialize, Serialize};

use super::{BodyError, Extra, from_json, status_next_step, to_json};
use crate::{Action, tapkey};

/// The JSON body Tapkey sends with an error. Every field may be missing.
///
/// `error_code` is an open string: Tapkey's list of `ErrorCode` values is not public, so any
/// value is kept exactly as sent.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct TapkeyErrorBody {
    /// Tapkey's code for well-known error situations, when it assigns one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_code: Option<String>,
    /// Short English description, for troubleshooting (not for end users).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_message: Option<String>,
    /// Longer English description, for troubleshooting.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_details: Option<String>,
    /// A message for end users, localized per the request's `Accept-Language`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_error_message: Option<String>,
    /// Fields Tapkey does not document, kept for the round trip.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A Tapkey error response: the HTTP status and the body.
///
/// ```
/// use errcodes::{Action, response::TapkeyError, tapkey};
///
/// let err = TapkeyError::from_response(401, br#"{"ErrorMessage": "token expired"}"#).unwrap();
/// assert_eq!(err.code(), Some(tapkey::Code::Unauthorized));
/// assert_eq!(err.next_step(), Action::RefreshCredentials);
/// assert_eq!(err.to_string(), "Tapkey 401 Unauthorized: token expired");
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct TapkeyError {
    status: u16,
    body: TapkeyErrorBody,
}

impl TapkeyError {
    /// Reads a response; an empty body is allowed (every field missing).
    ///
    /// # Errors
    /// A [`BodyError`] when a non-empty body is not a JSON object with string fields.
    pub fn from_response(status: u16, body: &[u8]) -> Result<Self, BodyError> {
        let body = if body.iter().all(u8::is_ascii_whitespace) {
            TapkeyErrorBody::default()
        } else {
            from_json("Tapkey error body", body)?
        };
        Ok(TapkeyError { status, body })
    }

    /// The HTTP status.
    pub fn status(&self) -> u16 {
        self.status
    }

    /// The catalogued status, if Tapkey documents it.
    pub fn code(&self) -> Option<tapkey::Code> {
        tapkey::from_status(self.status)
    }

    /// The body.
    pub fn body(&self) -> &TapkeyErrorBody {
        &self.body
    }

    /// Tapkey's `ErrorCode`, exactly as sent.
    pub fn error_code(&self) -> Option<&str> {
        self.body.error_code.as_deref()
    }

    /// What to do next: the catalogue's action for the status (401: refresh the token).
    pub fn next_step(&self) -> Action {
        self.code()
            .map_or_else(|| status_next_step(self.status), tapkey::Code::action)
    }

    /// The body as compact JSON.
    pub fn body_json(&self) -> String {
        to_json(&self.body)
    }
}

/// `Tapkey 401 Unauthorized: <ErrorMessage or description> [ErrorCode]`
impl fmt::Display for TapkeyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = self.code().map_or("(not catalogued)", tapkey::Code::name);
        let message = match (&self.body.error_message, self.code()) {
            (Some(m), _) => m.as_str(),
            (None, Some(code)) => code.description(),
            (None, None) => "no message",
        };
        write!(f, "Tapkey {} {name}: {message}", self.status)?;
        match &self.body.error_code {
            Some(code) => write!(f, " [{code}]"),
            None => Ok(()),
        }
    }
}

#[cfg(feature = "std")]
impl std::error::Error for TapkeyError {}
