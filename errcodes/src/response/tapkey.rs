//! Tapkey Web API errors: an HTTP status plus an optional JSON body.

use alloc::string::String;
use core::fmt;

use super::json::Body;
use super::{
    BodyError, Extra, Fields, Member, Writer, encode_text, field_error, json_kind, split,
    status_next_step, text,
};
use crate::{Action, tapkey};

/// The JSON body Tapkey sends with an error. Every field may be missing.
///
/// `error_code` is an open string: Tapkey's list of `ErrorCode` values is not public, so any
/// value is kept exactly as sent (a JSON number as its digits).
#[non_exhaustive]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TapkeyErrorBody {
    /// Tapkey's code for well-known error situations, when it assigns one.
    pub error_code: Option<String>,
    /// Short English description, for troubleshooting (not for end users).
    pub error_message: Option<String>,
    /// Longer English description, for troubleshooting.
    pub error_details: Option<String>,
    /// A message for end users, localized per the request's `Accept-Language`.
    pub user_error_message: Option<String>,
    /// Members Tapkey does not document, kept for the round trip.
    pub extra: Extra,
}

const NAMES: [&str; 4] = [
    "ErrorCode",
    "ErrorMessage",
    "ErrorDetails",
    "UserErrorMessage",
];

/// `ErrorCode`: a string, or a number read as its digits; `null` is absent.
fn error_code(raw: &str) -> Result<Option<String>, String> {
    match raw.as_bytes().first() {
        Some(b'"') => Ok(text(raw)),
        Some(b'-' | b'0'..=b'9') => Ok(Some(raw.into())),
        Some(b'n') => Ok(None),
        _ => Err(alloc::format!(
            "expected a string or a number, found {}",
            json_kind(raw)
        )),
    }
}

impl Fields for TapkeyErrorBody {
    const NAMES: &'static [&'static str] = &NAMES;

    fn write_field(&self, i: u8, sent: Option<&Member>, w: &mut Writer) {
        let key = NAMES[usize::from(i)];
        let field = match i {
            0 => &self.error_code,
            1 => &self.error_message,
            2 => &self.error_details,
            _ => &self.user_error_message,
        };
        if i == 0 {
            // A number stays a number while it is unchanged.
            w.field(
                key,
                sent,
                field,
                |r| error_code(r).ok().flatten(),
                encode_text,
            );
        } else {
            w.field(key, sent, field, text, encode_text);
        }
    }

    fn extra(&self) -> &Extra {
        &self.extra
    }
}

impl TapkeyErrorBody {
    /// A body with this `ErrorCode` and `ErrorMessage` and nothing else.
    pub fn new(error_code: Option<String>, error_message: Option<String>) -> Self {
        TapkeyErrorBody {
            error_code,
            error_message,
            ..TapkeyErrorBody::default()
        }
    }
}

/// A Tapkey error response: the HTTP status and the body.
///
/// ```
/// use errcodes::{Action, response::TapkeyError, tapkey};
///
/// let err = TapkeyError::from_response(401, br#"{"ErrorMessage": "token expired"}"#)?;
/// assert_eq!(err.code(), Some(tapkey::Code::Unauthorized));
/// assert_eq!(err.next_step(), Action::RefreshCredentials);
/// assert_eq!(err.to_string(), "Tapkey 401 Unauthorized: token expired");
/// # Ok::<(), errcodes::response::BodyError>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct TapkeyError {
    status: u16,
    body: TapkeyErrorBody,
}

impl TapkeyError {
    /// A response from its parts.
    pub fn new(status: u16, body: TapkeyErrorBody) -> Self {
        TapkeyError { status, body }
    }

    /// Reads a response; an empty body is allowed (every field missing).
    ///
    /// # Errors
    /// A [`BodyError`] when a non-empty body is larger than
    /// [`MAX_BODY_BYTES`](super::MAX_BODY_BYTES), not JSON, not an object, or has an
    /// `ErrorCode` that is neither a string nor a number. The other fields are text; any
    /// other value there reads as absent and is kept as sent.
    pub fn from_response(status: u16, body: &[u8]) -> Result<Self, BodyError> {
        if body.len() <= super::MAX_BODY_BYTES && body.iter().all(u8::is_ascii_whitespace) {
            return Ok(TapkeyError {
                status,
                body: TapkeyErrorBody::default(),
            });
        }
        let body = Body::new("Tapkey error body", body)?;
        let at = body.start();
        let split = split(&body, at, "the error body", &NAMES)?;
        let [code, message, details, user] = split.fields;
        let error_code = match &code {
            None => None,
            Some(m) => error_code(m.value()).map_err(|e| field_error(&body, m, "ErrorCode", &e))?,
        };
        Ok(TapkeyError {
            status,
            body: TapkeyErrorBody {
                error_code,
                error_message: message.and_then(|m| text(m.value())),
                error_details: details.and_then(|m| text(m.value())),
                user_error_message: user.and_then(|m| text(m.value())),
                extra: split.extra,
            },
        })
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

    /// The body as JSON, members where they were, unchanged ones exactly as sent (empty
    /// body: `{}`).
    pub fn body_json(&self) -> String {
        self.body.to_json_string()
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

impl core::error::Error for TapkeyError {}
