//! Samsung Knox Tag API error objects: `{result, code, message, data}`.

use alloc::string::String;
use core::fmt;

use super::json::Body;
use super::{
    BodyError, Extra, Fields, Member, WireCode, Writer, encode_text, field_error, integer, missing,
    split, status_next_step, text,
};
use crate::{Action, knox::tag};

/// The Tag API's error object.
///
/// `code` is a numeric string (7 or 8 digits, mixed) or a JSON number; a code the catalogue
/// lacks is kept. The HTTP status comes from `result`, never from the code's width. Only the
/// code decides whether the body can be read: a `result` that is missing or not an HTTP
/// status is `None` (and kept as sent, see [`KnoxTagError::sent_result`]), and the code is
/// explained all the same.
///
/// ```
/// use errcodes::{Action, knox, response::KnoxTagError};
///
/// let body = br#"{"result":400,"code":"4000000","message":"RESOURCE_INVALID_PARAM","data":"The specified request parameters are not valid."}"#;
/// let err = KnoxTagError::from_json(body)?;
/// assert_eq!(err.code.code(), Some(knox::tag::Code::ResourceInvalidParam));
/// assert_eq!(err.next_step(), Action::FixRequest);
/// assert_eq!(err.status_mismatch(), None);
/// assert_eq!(err.to_json().as_bytes(), body);
///
/// let number = KnoxTagError::from_json(br#"{"result":400,"code":4000000}"#)?;
/// assert_eq!(number.code.code(), err.code.code());
///
/// let odd = br#"{"result":"bad","code":"4000000"}"#;
/// let err = KnoxTagError::from_json(odd)?;
/// assert_eq!((err.result, err.sent_result()), (None, Some(r#""bad""#)));
/// assert_eq!(err.next_step(), Action::FixRequest);
/// assert_eq!(err.to_json().as_bytes(), odd);
///
/// let pretty = "{\n  \"result\": 400,\n  \"code\": \"4000000\"\n}\n";
/// assert_eq!(KnoxTagError::from_json(pretty.as_bytes())?.to_json(), pretty);
/// # Ok::<(), errcodes::response::BodyError>(())
/// ```
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq)]
pub struct KnoxTagError {
    /// The HTTP status, as the body states it; `None` when `result` is missing or is not a
    /// number from 100 to 999 (its text is kept: [`KnoxTagError::sent_result`]).
    pub result: Option<u16>,
    /// The application code, as sent.
    pub code: WireCode<tag::Code>,
    /// The error's name (`RESOURCE_INVALID_PARAM`).
    pub message: Option<String>,
    /// Detail text.
    pub data: Option<String>,
    /// Members Knox does not document, kept for the round trip.
    pub extra: Extra,
}

/// `result` and the catalogued code's HTTP status disagree; both are kept.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StatusMismatch {
    /// The status in the body's `result`.
    pub result: u16,
    /// The status the catalogue gives for the code.
    pub catalogued: u16,
}

const NAMES: [&str; 4] = ["result", "code", "message", "data"];
const RESULT: u8 = 0;
const CODE: u8 = 1;
const MESSAGE: u8 = 2;
const DATA: u8 = 3;

impl Fields for KnoxTagError {
    const NAMES: &'static [&'static str] = &NAMES;

    fn write_field(&self, i: u8, sent: Option<&Member>, w: &mut Writer) {
        let key = NAMES[usize::from(i)];
        match i {
            RESULT => w.field(key, sent, &self.result, http_status, |r| {
                r.map(|r| alloc::format!("{r}"))
            }),
            CODE => w.field(
                key,
                sent,
                &Some(self.code.clone()),
                |r| WireCode::from_json_value(r).ok().flatten(),
                |c| c.as_ref().map(WireCode::to_json_value),
            ),
            MESSAGE => w.field(key, sent, &self.message, text, encode_text),
            DATA => w.field(key, sent, &self.data, text, encode_text),
            _ => {}
        }
    }

    fn extra(&self) -> &Extra {
        &self.extra
    }
}

/// `result`: a JSON number whose value is an HTTP status (100-999).
fn http_status(raw: &str) -> Option<u16> {
    integer::<u16>(raw).filter(|s| (100..=999).contains(s))
}

impl KnoxTagError {
    /// An error object with these documented fields and nothing else.
    pub fn new(result: u16, code: WireCode<tag::Code>) -> Self {
        KnoxTagError {
            result: Some(result),
            code,
            message: None,
            data: None,
            extra: Extra::default(),
        }
    }

    /// Parses the JSON error object.
    ///
    /// # Errors
    /// A [`BodyError`] when the body is larger than [`MAX_BODY_BYTES`](super::MAX_BODY_BYTES),
    /// not JSON, not an object, lacks `code`, or has a `code` that is neither a string of
    /// decimal digits nor a number. Anything else odd (a `result` that is no HTTP status
    /// included) is kept and does not fail the body.
    pub fn from_json(body: &[u8]) -> Result<Self, BodyError> {
        let body = Body::new("Knox Tag API error object", body)?;
        let at = body.start();
        let split = split(&body, at, "the error object", &NAMES)?;
        let [result, code, message, data] = split.fields;
        let code_member = code.as_ref().ok_or_else(|| missing(&body, at, "code"))?;
        let code = WireCode::from_json_value(code_member.value())
            .map_err(|e| field_error(&body, code_member, "code", &e))?
            .ok_or_else(|| field_error(&body, code_member, "code", "is null"))?;
        Ok(KnoxTagError {
            result: result.and_then(|m| http_status(m.value())),
            code,
            message: message.and_then(|m| text(m.value())),
            data: data.and_then(|m| text(m.value())),
            extra: split.extra,
        })
    }

    /// The body as JSON: exactly as sent, whitespace included, while nothing was changed;
    /// a field you changed is written compactly in its member's place, the rest as sent.
    pub fn to_json(&self) -> String {
        self.to_json_string()
    }

    /// The `result` member exactly as sent (raw JSON text), when the body had one; for an
    /// object made with [`KnoxTagError::new`], `None`.
    pub fn sent_result(&self) -> Option<&str> {
        self.extra.sent(RESULT)
    }

    /// `Some` when `result` and the catalogue's HTTP status for `code` differ.
    pub fn status_mismatch(&self) -> Option<StatusMismatch> {
        let catalogued = self.code.code()?.http_status()?;
        let result = self.result?;
        (catalogued != result).then_some(StatusMismatch { result, catalogued })
    }

    /// What to do next: the code's action; for an uncatalogued code, the status's, and
    /// without a status, [`Action::ContactVendor`].
    pub fn next_step(&self) -> Action {
        match (self.code.code(), self.result) {
            (Some(code), _) => code.action(),
            (None, Some(result)) => tag::http::from_status(result)
                .map_or_else(|| status_next_step(result), tag::http::Code::action),
            (None, None) => Action::ContactVendor,
        }
    }
}

/// `Knox Tag API 4000000 RESOURCE_INVALID_PARAM (HTTP 400)`
impl fmt::Display for KnoxTagError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let status = match self.result {
            Some(result) => alloc::format!("HTTP {result}"),
            None => "no HTTP status in `result`".into(),
        };
        if let Some(code) = self.code.code() {
            write!(f, "Knox Tag API {code} ({status})")?;
        } else {
            let name = self.message.as_deref().unwrap_or("unnamed");
            let raw = self.code.raw();
            write!(f, "Knox Tag API {raw} {name} (not catalogued, {status})")?;
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

impl core::error::Error for KnoxTagError {}
