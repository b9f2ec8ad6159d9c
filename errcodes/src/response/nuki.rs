//! Nuki: Web API asynchronous results (webhooks) and Bridge HTTP API responses.

use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;

use serde::{Deserialize, Serialize};

use super::{BodyError, Extra, WireCode, from_json, status_next_step, to_json};
use crate::{Action, nuki};

/// The body of an API-triggered Nuki Web API webhook: one result per smart lock.
///
/// ```
/// use errcodes::{Action, nuki, response::{LockOutcome, NukiWebResult}};
///
/// let body = br#"{"detail":[{"smartlockId":123456789,"success":false,"errorCode":"ff","id":"68b142a584f104"}],"type":"AuthCreation","requestId":"68b142a584f103","success":false}"#;
/// let result = NukiWebResult::from_json(body).unwrap();
/// let lock = &result.detail[0];
/// assert_eq!(lock.outcome(), LockOutcome::Failed(nuki::Code::ErrorUnknown));
/// assert_eq!(lock.next_step(), Action::Retry); // 0xFF: the lock is most likely offline
/// assert_eq!(result.to_json(), std::str::from_utf8(body).unwrap());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NukiWebResult {
    /// One entry per smart lock the request touched.
    pub detail: Vec<NukiLockResult>,
    /// The kind of request (`AuthCreation`).
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// The id of the request this result answers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
    /// Whether every smart lock succeeded.
    pub success: bool,
    /// Fields Nuki does not document, kept for the round trip.
    #[serde(flatten)]
    pub extra: Extra,
}

/// One smart lock's result inside a [`NukiWebResult`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NukiLockResult {
    /// The smart lock.
    pub smartlock_id: u64,
    /// Whether the operation succeeded on this lock.
    pub success: bool,
    /// The device error, lowercase hex without `0x` (`"ff"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_code: Option<WireCode<nuki::Code>>,
    /// The id of the entity the operation was about.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Fields Nuki does not document, kept for the round trip.
    #[serde(flatten)]
    pub extra: Extra,
}

/// What happened on one smart lock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LockOutcome<'a> {
    /// The operation succeeded.
    Succeeded,
    /// It failed with a catalogued device error.
    Failed(nuki::Code),
    /// It failed with a code the catalogue lacks (kept as sent), or with no code at all.
    FailedUnknown(Option<&'a str>),
}

impl NukiWebResult {
    /// Parses the webhook body.
    ///
    /// # Errors
    /// A [`BodyError`] when the body is not JSON, lacks `detail` or `success`, has a field of
    /// the wrong type, or an `errorCode` that is not hex.
    pub fn from_json(body: &[u8]) -> Result<Self, BodyError> {
        from_json("Nuki Web API result", body)
    }

    /// The body as compact JSON.
    pub fn to_json(&self) -> String {
        to_json(self)
    }

    /// The locks that did not succeed.
    pub fn failures(&self) -> impl Iterator<Item = &NukiLockResult> {
        self.detail
            .iter()
            .filter(|d| d.outcome() != LockOutcome::Succeeded)
    }
}

impl NukiLockResult {
    /// The typed outcome.
    pub fn outcome(&self) -> LockOutcome<'_> {
        match (&self.error_code, self.success) {
            (_, true) => LockOutcome::Succeeded,
            (Some(code), false) => code.code().map_or(
                LockOutcome::FailedUnknown(Some(code.raw())),
                LockOutcome::Failed,
            ),
            (None, false) => LockOutcome::FailedUnknown(None),
        }
    }

    /// What to do next on this lock: the device error's action; an uncatalogued failure
    /// goes to the vendor.
    pub fn next_step(&self) -> Action {
        match self.outcome() {
            LockOutcome::Succeeded => Action::None,
            LockOutcome::Failed(code) => code.action(),
            LockOutcome::FailedUnknown(_) => Action::ContactVendor,
        }
    }
}

/// `smart lock 123: 0xFF ERROR_UNKNOWN: …`
impl fmt::Display for NukiLockResult {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "smart lock {}: ", self.smartlock_id)?;
        match (&self.error_code, self.success) {
            (_, true) => f.write_str("succeeded"),
            (Some(code), false) => write!(f, "{code}"),
            (None, false) => f.write_str("failed without an error code"),
        }
    }
}

#[cfg(feature = "std")]
impl std::error::Error for NukiLockResult {}

/// The JSON body of a Bridge HTTP API response (`/lockAction`, `/lock`, …).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct BridgeBody {
    /// `false` on HTTP 200 means the device is offline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub success: Option<bool>,
    /// The Bridge's error text (`"invalid api token"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// Other fields (`batteryCritical`, …), kept for the round trip.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A Bridge HTTP API response: status and body.
///
/// ```
/// use errcodes::{Action, response::{BridgeOutcome, BridgeResponse}};
///
/// let offline = BridgeResponse::from_response(200, br#"{"success": false}"#).unwrap();
/// assert_eq!(offline.outcome(), BridgeOutcome::DeviceOffline);
/// assert_eq!(offline.next_step(), Action::Retry);
///
/// let busy = BridgeResponse::from_response(503, b"").unwrap();
/// assert_eq!(busy.next_step(), Action::Retry);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct BridgeResponse {
    status: u16,
    body: BridgeBody,
}

/// What a Bridge response means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BridgeOutcome {
    /// HTTP 200 with `"success": true` (or no `success` field).
    Succeeded,
    /// HTTP 200 with `"success": false`: the device is offline (batteries out, out of range).
    DeviceOffline,
    /// Another status; `Some` when the Bridge catalogue documents it.
    Status(u16, Option<nuki::bridge::Code>),
}

impl BridgeResponse {
    /// Reads a response; an empty body is allowed.
    ///
    /// # Errors
    /// A [`BodyError`] when a non-empty body is not a JSON object of the documented shape.
    pub fn from_response(status: u16, body: &[u8]) -> Result<Self, BodyError> {
        let body = if body.iter().all(u8::is_ascii_whitespace) {
            BridgeBody::default()
        } else {
            from_json("Nuki Bridge response body", body)?
        };
        Ok(BridgeResponse { status, body })
    }

    /// The HTTP status.
    pub fn status(&self) -> u16 {
        self.status
    }

    /// The body.
    pub fn body(&self) -> &BridgeBody {
        &self.body
    }

    /// The body as compact JSON.
    pub fn body_json(&self) -> String {
        to_json(&self.body)
    }

    /// The typed outcome.
    pub fn outcome(&self) -> BridgeOutcome {
        match (self.status, self.body.success) {
            (200, Some(false)) => BridgeOutcome::DeviceOffline,
            (200, _) => BridgeOutcome::Succeeded,
            (status, _) => BridgeOutcome::Status(status, nuki::bridge::from_status(status)),
        }
    }

    /// What to do next: retry an offline device (then check its batteries), otherwise the
    /// Bridge catalogue's action for the status (503: the Bridge is busy, retry).
    pub fn next_step(&self) -> Action {
        match self.outcome() {
            BridgeOutcome::Succeeded => Action::None,
            BridgeOutcome::DeviceOffline => Action::Retry,
            BridgeOutcome::Status(_, Some(code)) => code.action(),
            BridgeOutcome::Status(status, None) => status_next_step(status),
        }
    }
}

/// `Nuki Bridge: device offline`, `Nuki Bridge 503 Service Unavailable: …`
impl fmt::Display for BridgeResponse {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.outcome() {
            BridgeOutcome::Succeeded => f.write_str("Nuki Bridge: succeeded"),
            BridgeOutcome::DeviceOffline => {
                f.write_str("Nuki Bridge: device offline (HTTP 200, success false)")
            }
            BridgeOutcome::Status(_, Some(code)) => write!(f, "Nuki Bridge {code}"),
            BridgeOutcome::Status(status, None) => {
                write!(f, "Nuki Bridge HTTP {status} (not catalogued)")
            }
        }?;
        match &self.body.error {
            Some(error) => write!(f, " [{error}]"),
            None => Ok(()),
        }
    }
}

#[cfg(feature = "std")]
impl std::error::Error for BridgeResponse {}
