//! The error for a response body that cannot be read.

use alloc::string::String;
use core::fmt;

use super::MAX_BODY_BYTES;

/// Why a body could not be read.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BodyErrorKind {
    /// Longer than [`MAX_BODY_BYTES`](super::MAX_BODY_BYTES); nothing was parsed.
    TooLarge,
    /// Arrays and objects nested deeper than [`MAX_DEPTH`](super::MAX_DEPTH).
    TooDeep,
    /// Not JSON: a syntax error, or bytes that are not UTF-8.
    Syntax,
    /// The body ends early (a truncated response), or is empty where JSON is required.
    Truncated,
    /// Valid JSON, but a field that matters (the code, the status, `success`, `detail`) is
    /// missing, has the wrong type, appears twice, or holds a code that cannot be read.
    Shape,
}

/// A vendor body that cannot be read: too large, not JSON, truncated, or a field that
/// matters is missing or unreadable. Never a panic.
///
/// Fields that do not matter never cause one: undocumented members are kept as sent, and a
/// documented text field of the wrong type reads as absent (its raw text is still kept).
///
/// ```
/// use errcodes::response::{BodyErrorKind, NukiWebResult};
///
/// let err = NukiWebResult::from_json(br#"{"detail": [{"smartlockId": 1, "success": false, "errorCode": "zz"}], "success": false}"#)
///     .unwrap_err();
/// assert_eq!(err.kind(), BodyErrorKind::Shape);
/// assert!(err.to_string().starts_with("invalid Nuki Web API result: `errorCode`: "));
/// assert_eq!((err.line(), err.column()), (1, 63)); // the `"zz"`
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BodyError {
    what: &'static str,
    kind: BodyErrorKind,
    line: usize,
    column: usize,
    message: String,
}

impl BodyError {
    pub(crate) fn new(
        what: &'static str,
        kind: BodyErrorKind,
        line: usize,
        column: usize,
        message: String,
    ) -> Self {
        BodyError {
            what,
            kind,
            line,
            column,
            message,
        }
    }

    pub(crate) fn too_large(what: &'static str, len: usize) -> Self {
        let message = alloc::format!(
            "the body is {len} bytes; bodies are limited to {MAX_BODY_BYTES} bytes (1 MiB)"
        );
        BodyError::new(what, BodyErrorKind::TooLarge, 0, 0, message)
    }

    /// Which body was being read (`Nuki Web API result`).
    pub fn body(&self) -> &'static str {
        self.what
    }

    /// Why the body could not be read.
    pub fn kind(&self) -> BodyErrorKind {
        self.kind
    }

    /// The problem alone, without the body's name or the position.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// 1-based line of the problem in the body (0 when the whole body is at fault).
    pub fn line(&self) -> usize {
        self.line
    }

    /// 1-based column, in characters, of the problem in the body (0 when the whole body is
    /// at fault).
    pub fn column(&self) -> usize {
        self.column
    }

    /// Whether the body ended early (a truncated response).
    pub fn is_truncated(&self) -> bool {
        self.kind == BodyErrorKind::Truncated
    }

    /// Whether the body is JSON at all: `false` for syntax errors, truncation, and the size
    /// and depth limits.
    pub fn is_json(&self) -> bool {
        self.kind == BodyErrorKind::Shape
    }
}

/// `invalid Nuki Web API result: <problem> at line 1 column 64`
impl fmt::Display for BodyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid {}: {}", self.what, self.message)?;
        if self.line > 0 {
            write!(f, " at line {} column {}", self.line, self.column)?;
        }
        Ok(())
    }
}

impl core::error::Error for BodyError {}
