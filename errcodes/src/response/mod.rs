//! Vendor error responses as the APIs send them, parsed into typed codes and a next step.
//!
//! Available with the `serde` feature. Every body type deserializes from and serializes back
//! to the vendor's JSON; fields nobody has documented are kept in `extra`, and a code nobody
//! has catalogued is kept as sent (see [`WireCode`]), so a parsed body round-trips. The one
//! normalisation: `null` in an optional field reads as absent and is not written back.
//!
//! | vendor | type | input |
//! |---|---|---|
//! | Tapkey | [`TapkeyError`] | HTTP status + `{ErrorCode, ErrorMessage, ErrorDetails, UserErrorMessage}` |
//! | Knox Tag API | [`KnoxTagError`] | `{result, code, message, data}` |
//! | Nuki Web API | [`NukiWebResult`] | `{detail: [{smartlockId, success, errorCode, id}], type, requestId, success}` |
//! | Nuki Bridge | [`BridgeResponse`] | HTTP status + `{"success": …}` |

mod body_error;
mod knox;
mod nuki;
mod tapkey;
mod wire_code;

pub use body_error::BodyError;
pub use knox::{KnoxTagError, StatusMismatch};
pub use nuki::{
    BridgeBody, BridgeOutcome, BridgeResponse, LockOutcome, NukiLockResult, NukiWebResult,
};
pub use tapkey::{TapkeyError, TapkeyErrorBody};
pub use wire_code::WireCode;

use crate::{Action, http};

/// Fields of a body that no documented field matched, kept for the round trip.
pub type Extra = serde_json::Map<alloc::string::String, serde_json::Value>;

/// The next step for an HTTP status that no vendor catalogue lists: the IANA catalogue's
/// action when the status is registered, otherwise by class (4xx: fix the request; 5xx and
/// anything else: contact the vendor; 1xx–3xx: nothing).
pub fn status_next_step(status: u16) -> Action {
    match http::from_status(status) {
        Some(code) => code.action(),
        None => match status {
            100..=399 => Action::None,
            400..=499 => Action::FixRequest,
            _ => Action::ContactVendor,
        },
    }
}

/// Parses JSON `bytes` into `T`, naming `what` in the error.
fn from_json<T: serde::de::DeserializeOwned>(
    what: &'static str,
    bytes: &[u8],
) -> Result<T, BodyError> {
    serde_json::from_slice(bytes).map_err(|e| BodyError::json(what, e))
}

/// Serializes `value` as compact JSON.
fn to_json<T: serde::Serialize>(value: &T) -> alloc::string::String {
    serde_json::to_string(value).expect("bodies serialize: string keys, no non-finite floats")
}
