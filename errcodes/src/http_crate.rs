//! Feature `http-crate`: conversions between the `http` crate's `StatusCode` and the `http`
//! catalogue's `Code`.

use http1::StatusCode;

use crate::ParseError;
use crate::http::Code;

/// Every catalogued status is in `100..=999`, the range `StatusCode` accepts.
impl From<Code> for StatusCode {
    fn from(code: Code) -> StatusCode {
        // `from_u16` only rejects values outside 100..=999, which the catalogue's validator
        // (key `http_status`) never lets in; 500 is a fallback nothing reaches.
        StatusCode::from_u16(code as u16).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
    }
}

/// The registered status with this code; the error names the status when it is not registered.
///
/// ```
/// # extern crate http1 as http; // errcodes' own name for it, so the example reads as yours
/// use errcodes::http::Code;
/// use http::StatusCode; // the `http` crate
///
/// assert_eq!(StatusCode::from(Code::NotFound), StatusCode::NOT_FOUND);
/// assert_eq!(Code::try_from(StatusCode::TOO_MANY_REQUESTS)?, Code::TooManyRequests);
/// assert_eq!(Code::ServiceUnavailable, StatusCode::SERVICE_UNAVAILABLE);
/// assert!(Code::try_from(StatusCode::from_u16(599)?).is_err()); // not registered
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "http-crate")))]
impl TryFrom<StatusCode> for Code {
    type Error = ParseError;
    fn try_from(status: StatusCode) -> Result<Code, ParseError> {
        Code::try_from(status.as_u16())
    }
}

/// Compares the status numbers.
impl PartialEq<StatusCode> for Code {
    fn eq(&self, status: &StatusCode) -> bool {
        *self as u16 == status.as_u16()
    }
}

/// Compares the status numbers.
impl PartialEq<Code> for StatusCode {
    fn eq(&self, code: &Code) -> bool {
        self.as_u16() == *code as u16
    }
}
