//! The error for a response body that cannot be read.

use core::fmt;

/// A vendor body that is not what the vendor documents: not JSON, truncated, wrong types,
/// numbers out of range, codes not in the wire form. Never a panic.
///
/// ```
/// use errcodes::response::NukiWebResult;
///
/// let err = NukiWebResult::from_json(br#"{"detail": [{"smartlockId": 1, "success": false, "errorCode": "zz"}], "success": false"#).unwrap_err();
/// assert!(err.to_string().starts_with("invalid Nuki Web API result: "));
/// ```
#[derive(Debug)]
pub struct BodyError {
    what: &'static str,
    source: serde_json::Error,
}

impl BodyError {
    pub(crate) fn json(what: &'static str, source: serde_json::Error) -> Self {
        BodyError { what, source }
    }

    /// Which body was being read (`Nuki Web API result`).
    pub fn body(&self) -> &'static str {
        self.what
    }

    /// 1-based line of the problem in the body (0 if unknown).
    pub fn line(&self) -> usize {
        self.source.line()
    }

    /// 1-based column of the problem in the body (0 if unknown).
    pub fn column(&self) -> usize {
        self.source.column()
    }

    /// Whether the body ended early (a truncated response).
    pub fn is_truncated(&self) -> bool {
        self.source.is_eof()
    }
}

impl fmt::Display for BodyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid {}: {}", self.what, self.source)
    }
}

#[cfg(feature = "std")]
impl std::error::Error for BodyError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.source)
    }
}
