//! Nuki: Web API asynchronous results (webhooks) and Bridge HTTP API responses.

use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;

use super::json::Body;
use super::{
    BodyError, BodyErrorKind, Extra, Fields, Member, WireCode, Writer, boolean, encode_display,
    encode_text, field_error, integer, json_kind, missing, split, status_next_step, text,
};
use crate::{Action, nuki};

/// The body of an API-triggered Nuki Web API webhook: one result per smart lock.
///
/// ```
/// use errcodes::{Action, nuki, response::{LockOutcome, NukiWebResult}};
///
/// let body = br#"{"detail":[{"smartlockId":123456789,"success":false,"errorCode":"ff","id":"68b142a584f104"}],"type":"AuthCreation","requestId":"68b142a584f103","success":false}"#;
/// let result = NukiWebResult::from_json(body)?;
/// let lock = &result.detail[0];
/// assert_eq!(lock.outcome(), LockOutcome::Failed(nuki::Code::ErrorUnknown));
/// assert_eq!(lock.next_step(), Action::Retry); // 0xFF: the lock is most likely offline
/// assert_eq!(result.to_json().as_bytes(), body);
/// # Ok::<(), errcodes::response::BodyError>(())
/// ```
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq)]
pub struct NukiWebResult {
    /// One entry per smart lock the request touched.
    pub detail: Vec<NukiLockResult>,
    /// The kind of request (`AuthCreation`).
    pub kind: Option<String>,
    /// The id of the request this result answers.
    pub request_id: Option<String>,
    /// Whether every smart lock succeeded.
    pub success: bool,
    /// Members Nuki does not document, kept for the round trip.
    pub extra: Extra,
}

/// One smart lock's result inside a [`NukiWebResult`].
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq)]
pub struct NukiLockResult {
    /// The smart lock; `None` when absent or not an unsigned 64-bit integer (the text as
    /// sent is kept all the same, and shown by `Display`).
    pub smartlock_id: Option<u64>,
    /// Whether the operation succeeded on this lock.
    pub success: bool,
    /// The device error, lowercase hex without `0x` (`"ff"`), or a JSON number (its value).
    pub error_code: Option<WireCode<nuki::Code>>,
    /// The id of the entity the operation was about.
    pub id: Option<String>,
    /// Members Nuki does not document, kept for the round trip.
    pub extra: Extra,
}

/// What happened on one smart lock.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LockOutcome<'a> {
    /// The operation succeeded.
    Succeeded,
    /// It failed with a catalogued device error.
    Failed(nuki::Code),
    /// It failed with a code the catalogue lacks (kept as sent), or with no code at all.
    FailedUnknown(Option<&'a str>),
}

const WEB_NAMES: [&str; 4] = ["detail", "type", "requestId", "success"];
const LOCK_NAMES: [&str; 4] = ["smartlockId", "success", "errorCode", "id"];

impl Fields for NukiWebResult {
    const NAMES: &'static [&'static str] = &WEB_NAMES;

    fn write_field(&self, i: u8, sent: Option<&Member>, w: &mut Writer) {
        let key = WEB_NAMES[usize::from(i)];
        match i {
            0 => w.field(
                key,
                sent,
                &self.detail,
                |raw| decode_detail(raw).unwrap_or_default(),
                |detail| {
                    let mut out = String::from("[");
                    for (n, lock) in detail.iter().enumerate() {
                        if n > 0 {
                            out.push(',');
                        }
                        out.push_str(&lock.to_json());
                    }
                    out.push(']');
                    Some(out)
                },
            ),
            1 => w.field(key, sent, &self.kind, text, encode_text),
            2 => w.field(key, sent, &self.request_id, text, encode_text),
            3 => w.field(key, sent, &self.success, |r| r == "true", encode_display),
            _ => {}
        }
    }

    fn extra(&self) -> &Extra {
        &self.extra
    }
}

impl Fields for NukiLockResult {
    const NAMES: &'static [&'static str] = &LOCK_NAMES;

    fn write_field(&self, i: u8, sent: Option<&Member>, w: &mut Writer) {
        let key = LOCK_NAMES[usize::from(i)];
        match i {
            0 => w.field(key, sent, &self.smartlock_id, integer, |id| {
                id.map(|id| alloc::format!("{id}"))
            }),
            1 => w.field(key, sent, &self.success, |r| r == "true", encode_display),
            2 => w.field(
                key,
                sent,
                &self.error_code,
                |r| WireCode::from_json_value(r).ok().flatten(),
                |c| c.as_ref().map(WireCode::to_json_value),
            ),
            3 => w.field(key, sent, &self.id, text, encode_text),
            _ => {}
        }
    }

    fn extra(&self) -> &Extra {
        &self.extra
    }
}

/// The `detail` array of a body that already parsed once (for the round trip).
fn decode_detail(raw: &str) -> Option<Vec<NukiLockResult>> {
    let body = Body::new("detail", raw.as_bytes()).ok()?;
    read_detail(&body, 0, raw).ok()
}

/// Reads the array of lock results at `at`.
fn read_detail(body: &Body<'_>, at: usize, raw: &str) -> Result<Vec<NukiLockResult>, BodyError> {
    let elements = body.elements(at).ok_or_else(|| {
        body.error_at(
            BodyErrorKind::Shape,
            at,
            alloc::format!(
                "`detail`: expected an array of smart lock results, found {}",
                json_kind(raw)
            ),
        )
    })?;
    elements
        .into_iter()
        .map(|(_, at)| NukiLockResult::read(body, at))
        .collect()
}

impl NukiWebResult {
    /// A result with these documented fields and nothing else.
    pub fn new(detail: Vec<NukiLockResult>, success: bool) -> Self {
        NukiWebResult {
            detail,
            kind: None,
            request_id: None,
            success,
            extra: Extra::default(),
        }
    }

    /// Parses the webhook body.
    ///
    /// # Errors
    /// A [`BodyError`] when the body is larger than [`MAX_BODY_BYTES`](super::MAX_BODY_BYTES),
    /// not JSON, not an object, lacks `detail` or `success`, has a `success` that is not a
    /// boolean, a `detail` that is not an array of objects, or an `errorCode` that is not
    /// a hex byte (as a string) or a number up to 255. Other members may hold anything.
    pub fn from_json(body: &[u8]) -> Result<Self, BodyError> {
        let body = Body::new("Nuki Web API result", body)?;
        let at = body.start();
        let split = split(&body, at, "the result", &WEB_NAMES)?;
        let [detail, kind, request_id, success] = split.fields;
        let detail = detail.ok_or_else(|| missing(&body, at, "detail"))?;
        let success = success.ok_or_else(|| missing(&body, at, "success"))?;
        Ok(NukiWebResult {
            detail: read_detail(&body, detail.at, detail.value())?,
            kind: kind.and_then(|m| text(m.value())),
            request_id: request_id.and_then(|m| text(m.value())),
            success: boolean(success.value())
                .ok_or_else(|| field_error(&body, &success, "success", "expected true or false"))?,
            extra: split.extra,
        })
    }

    /// The body as JSON: exactly as sent, whitespace included, while nothing was changed;
    /// a field you changed is written compactly in its member's place, the rest as sent.
    pub fn to_json(&self) -> String {
        self.to_json_string()
    }

    /// The locks that did not succeed.
    pub fn failures(&self) -> impl Iterator<Item = &NukiLockResult> {
        self.detail
            .iter()
            .filter(|d| d.outcome() != LockOutcome::Succeeded)
    }
}

impl NukiLockResult {
    /// A lock result with these documented fields and nothing else.
    pub fn new(
        smartlock_id: Option<u64>,
        success: bool,
        error_code: Option<WireCode<nuki::Code>>,
    ) -> Self {
        NukiLockResult {
            smartlock_id,
            success,
            error_code,
            id: None,
            extra: Extra::default(),
        }
    }

    fn read(body: &Body<'_>, at: usize) -> Result<Self, BodyError> {
        let split = split(body, at, "each `detail` element", &LOCK_NAMES)?;
        let [smartlock_id, success, error_code, id] = split.fields;
        let success = success.ok_or_else(|| missing(body, at, "success"))?;
        let error_code = match &error_code {
            None => None,
            Some(m) => WireCode::from_json_value(m.value())
                .map_err(|e| field_error(body, m, "errorCode", &e))?,
        };
        Ok(NukiLockResult {
            smartlock_id: smartlock_id.and_then(|m| integer(m.value())),
            success: boolean(success.value())
                .ok_or_else(|| field_error(body, &success, "success", "expected true or false"))?,
            error_code,
            id: id.and_then(|m| text(m.value())),
            extra: split.extra,
        })
    }

    /// This lock's result as JSON: as sent, whitespace included, except for fields you
    /// changed (written compactly in their member's place).
    pub fn to_json(&self) -> String {
        self.to_json_string()
    }

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
            LockOutcome::Succeeded => Action::Nothing,
            LockOutcome::Failed(code) => code.action(),
            LockOutcome::FailedUnknown(_) => Action::ContactVendor,
        }
    }
}

/// `smart lock 123: 0xFF ERROR_UNKNOWN`
impl fmt::Display for NukiLockResult {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.smartlock_id, self.extra.sent(0)) {
            (Some(id), _) => write!(f, "smart lock {id}: ")?,
            (None, Some(raw)) => write!(f, "smart lock {raw}: ")?,
            (None, None) => f.write_str("smart lock (no smartlockId): ")?,
        }
        match (&self.error_code, self.success) {
            (_, true) => f.write_str("succeeded"),
            (Some(code), false) => write!(f, "{code}"),
            (None, false) => f.write_str("failed without an error code"),
        }
    }
}

impl core::error::Error for NukiLockResult {}

/// The JSON body of a Bridge HTTP API response (`/lockAction`, `/lock`, …).
#[non_exhaustive]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BridgeBody {
    /// `false` on HTTP 200 means the device is offline.
    pub success: Option<bool>,
    /// The Bridge's error text (`"invalid api token"`).
    pub error: Option<String>,
    /// Other members (`batteryCritical`, …), kept for the round trip.
    pub extra: Extra,
}

const BRIDGE_NAMES: [&str; 2] = ["success", "error"];

impl Fields for BridgeBody {
    const NAMES: &'static [&'static str] = &BRIDGE_NAMES;

    fn write_field(&self, i: u8, sent: Option<&Member>, w: &mut Writer) {
        let key = BRIDGE_NAMES[usize::from(i)];
        match i {
            0 => w.field(key, sent, &self.success, boolean, |s| {
                s.map(|s| alloc::format!("{s}"))
            }),
            1 => w.field(key, sent, &self.error, text, encode_text),
            _ => {}
        }
    }

    fn extra(&self) -> &Extra {
        &self.extra
    }
}

impl BridgeBody {
    /// A body with these documented fields and nothing else.
    pub fn new(success: Option<bool>, error: Option<String>) -> Self {
        BridgeBody {
            success,
            error,
            extra: Extra::default(),
        }
    }
}

/// A Bridge HTTP API response: status and body.
///
/// ```
/// use errcodes::{Action, response::{BridgeOutcome, BridgeResponse}};
///
/// let offline = BridgeResponse::from_response(200, br#"{"success": false}"#)?;
/// assert_eq!(offline.outcome(), BridgeOutcome::DeviceOffline);
/// assert_eq!(offline.next_step(), Action::Retry);
///
/// let busy = BridgeResponse::from_response(503, b"")?;
/// assert_eq!(busy.next_step(), Action::Retry);
/// # Ok::<(), errcodes::response::BodyError>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct BridgeResponse {
    status: u16,
    body: BridgeBody,
}

/// What a Bridge response means.
#[non_exhaustive]
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
    /// A response from its parts.
    pub fn new(status: u16, body: BridgeBody) -> Self {
        BridgeResponse { status, body }
    }

    /// Reads a response; an empty body is allowed.
    ///
    /// # Errors
    /// A [`BodyError`] when a non-empty body is larger than
    /// [`MAX_BODY_BYTES`](super::MAX_BODY_BYTES), not JSON, not an object, or has a
    /// `success` that is neither a boolean nor `null`.
    pub fn from_response(status: u16, body: &[u8]) -> Result<Self, BodyError> {
        let what = "Nuki Bridge response body";
        if body.len() <= super::MAX_BODY_BYTES && body.iter().all(u8::is_ascii_whitespace) {
            return Ok(BridgeResponse {
                status,
                body: BridgeBody::default(),
            });
        }
        let body = Body::new(what, body)?;
        let at = body.start();
        let split = split(&body, at, "the body", &BRIDGE_NAMES)?;
        let [success, error] = split.fields;
        let success = match &success {
            None => None,
            Some(m) if m.value() == "null" => None,
            Some(m) => Some(
                boolean(m.value())
                    .ok_or_else(|| field_error(&body, m, "success", "expected true or false"))?,
            ),
        };
        Ok(BridgeResponse {
            status,
            body: BridgeBody {
                success,
                error: error.and_then(|m| text(m.value())),
                extra: split.extra,
            },
        })
    }

    /// The HTTP status.
    pub fn status(&self) -> u16 {
        self.status
    }

    /// The body.
    pub fn body(&self) -> &BridgeBody {
        &self.body
    }

    /// The body as JSON: as sent, whitespace included, except for fields you changed
    /// (written compactly in their member's place); an empty body gives `{}`.
    pub fn body_json(&self) -> String {
        self.body.to_json_string()
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
            BridgeOutcome::Succeeded => Action::Nothing,
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

impl core::error::Error for BridgeResponse {}
