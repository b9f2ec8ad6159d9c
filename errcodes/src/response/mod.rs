//! Vendor error responses as the APIs send them, parsed into typed codes and a next step.
//!
//! Available with the `response` feature. Every body type reads the vendor's JSON and writes
//! it back with `to_json`/`body_json`:
//!
//! - **Lossless.** Members nobody has documented are kept in [`Extra`] as raw JSON text,
//!   exactly as sent: numbers are never converted (`1E2`, `-0`, a 30-digit integer), strings
//!   never decoded, duplicate keys all kept, and every member stays where it was. A code
//!   nobody has catalogued is kept as sent (see [`WireCode`]). A documented field that is
//!   unchanged is written back as it was sent too, and so is all whitespace, so an unchanged
//!   body comes back byte for byte, pretty-printed or compact. A field you change is written
//!   in its member's place, as compact JSON.
//! - **Bounded.** A body longer than [`MAX_BODY_BYTES`] (1 MiB) is refused before anything
//!   is parsed, nesting is limited to [`MAX_DEPTH`], and the work is linear in the length.
//! - **Tolerant where it does not matter.** Only the fields that decide the meaning are
//!   checked: the code, Tapkey's and the Bridge's `success`, Nuki's `detail`. Anything else
//!   that is odd (`1e400`, a lone `\ud800`, a number where text was documented, a Knox
//!   `result` that is no HTTP status) is kept and does not fail the body.
//! - **A JSON number is a number.** Codes sent as JSON numbers are read by their value
//!   (`"code": 4000000`, `"errorCode": 19` is Nuki's 0x13, `0e0` is zero), never as text; a
//!   number that is not a whole number a code can have is an unknown code, kept as sent.
//!
//! | vendor | type | input |
//! |---|---|---|
//! | Tapkey | [`TapkeyError`] | HTTP status + `{ErrorCode, ErrorMessage, ErrorDetails, UserErrorMessage}` |
//! | Knox Tag API | [`KnoxTagError`] | `{result, code, message, data}` |
//! | Nuki Web API | [`NukiWebResult`] | `{detail: [{smartlockId, success, errorCode, id}], type, requestId, success}` |
//! | Nuki Bridge | [`BridgeResponse`] | HTTP status + `{"success": …}` |

mod body_error;
mod json;
mod knox;
mod nuki;
mod tapkey;
mod wire_code;

pub use body_error::{BodyError, BodyErrorKind};
pub use json::{MAX_BODY_BYTES, MAX_DEPTH};
pub use knox::{KnoxTagError, StatusMismatch};
pub use nuki::{
    BridgeBody, BridgeOutcome, BridgeResponse, LockOutcome, NukiLockResult, NukiWebResult,
};
pub use tapkey::{TapkeyError, TapkeyErrorBody};
pub use wire_code::WireCode;

use alloc::boxed::Box;
use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;
use core::ops::Range;

use crate::{Action, http};
use json::{Body, RawMember, decode_string};

/// The next step for an HTTP status that no vendor catalogue lists: the IANA catalogue's
/// action when the status is registered, otherwise by class (4xx: fix the request; 5xx and
/// anything else: contact the vendor; 1xx–3xx: nothing).
pub fn status_next_step(status: u16) -> Action {
    match http::from_status(status) {
        Some(code) => code.action(),
        None => match status {
            100..=399 => Action::Nothing,
            400..=499 => Action::FixRequest,
            _ => Action::ContactVendor,
        },
    }
}

/// The members of a body's JSON object that no documented field matched, exactly as sent.
///
/// Keys and values are raw JSON text; order and duplicates are kept. The type also remembers
/// where the documented fields stood and the whitespace around every member, so `to_json`
/// writes an unchanged body back byte for byte.
///
/// ```
/// use errcodes::response::KnoxTagError;
///
/// let body = br#"{"result":400,"trace":1E2,"code":"4000000","trace":-0,"big":123456789012345678901234567890}"#;
/// let err = KnoxTagError::from_json(body)?;
/// let extra: Vec<(&str, &str)> = err.extra.iter().collect();
/// assert_eq!(extra, [("trace", "1E2"), ("trace", "-0"), ("big", "123456789012345678901234567890")]);
/// assert_eq!(err.extra.get("trace"), Some("1E2"));
/// assert_eq!(err.to_json().as_bytes(), body);
/// # Ok::<(), errcodes::response::BodyError>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Extra {
    members: Vec<Member>,
    /// Whitespace before and after the whole body (top level only).
    outer: [Box<str>; 2],
    /// Whitespace inside `{ }` when there is no member.
    inner: Box<str>,
}

/// One member as sent: whitespace, key, colon, value, whitespace.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Member {
    full: Box<str>,
    key: Range<u32>,
    value: Range<u32>,
    /// `Some(i)`: this member was documented field `i` of the body type.
    field: Option<u8>,
}

impl Member {
    fn key(&self) -> &str {
        &self.full[self.key.start as usize..self.key.end as usize]
    }
    fn value(&self) -> &str {
        &self.full[self.value.start as usize..self.value.end as usize]
    }
    /// Everything before the value (whitespace, key, colon).
    fn head(&self) -> &str {
        &self.full[..self.value.start as usize]
    }
    /// The whitespace after the value.
    fn tail(&self) -> &str {
        &self.full[self.value.end as usize..]
    }
}

impl Extra {
    /// The number of undocumented members.
    pub fn len(&self) -> usize {
        self.undocumented().count()
    }

    /// Whether there is no undocumented member.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Each undocumented member in the order sent: the key as written between its quotes
    /// (escapes not decoded) and the value as raw JSON text.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.undocumented().map(|m| {
            let key = m.key();
            (&key[1..key.len() - 1], m.value())
        })
    }

    /// The raw JSON value of the first undocumented member named `name` (escapes in the
    /// sent key are decoded before comparing).
    pub fn get(&self, name: &str) -> Option<&str> {
        self.undocumented()
            .find(|m| decode_string(m.key(), false).as_deref() == Some(name))
            .map(Member::value)
    }

    fn undocumented(&self) -> impl Iterator<Item = &Member> {
        self.members.iter().filter(|m| m.field.is_none())
    }

    /// The raw value documented field `i` was sent with.
    fn sent(&self, i: u8) -> Option<&str> {
        self.members
            .iter()
            .find(|m| m.field == Some(i))
            .map(Member::value)
    }
}

/// A body type's documented fields, for writing them back in place.
trait Fields {
    /// The documented member names, in documented order.
    const NAMES: &'static [&'static str];
    /// Writes field `i` into `w`; `sent` is the member it arrived in, if any.
    fn write_field(&self, i: u8, sent: Option<&Member>, w: &mut Writer);
    /// The members kept for the round trip.
    fn extra(&self) -> &Extra;

    /// Every member in the order received (undocumented ones, and documented ones whose
    /// value is unchanged, exactly as sent), then documented fields that were set but not
    /// received, in documented order.
    fn write(&self, w: &mut Writer) {
        let extra = self.extra();
        w.out.push_str(&extra.outer[0]);
        w.out.push('{');
        let start = w.out.len();
        let mut seen = 0u32;
        for m in &extra.members {
            match m.field {
                None => w.member(m, None),
                Some(i) => {
                    seen |= 1 << i;
                    self.write_field(i, Some(m), w);
                }
            }
        }
        for i in 0..Self::NAMES.len() {
            if seen & (1 << i) == 0 {
                #[allow(clippy::cast_possible_truncation)] // a handful of fields
                self.write_field(i as u8, None, w);
            }
        }
        if w.out.len() == start {
            w.out.push_str(&extra.inner);
        }
        w.out.push('}');
        w.out.push_str(&extra.outer[1]);
    }

    fn to_json_string(&self) -> String {
        let mut w = Writer { out: String::new() };
        self.write(&mut w);
        w.out
    }
}

/// JSON output.
struct Writer {
    out: String,
}

impl Writer {
    /// Writes `m`, with `value` in place of its value when given.
    fn member(&mut self, m: &Member, value: Option<&str>) {
        self.comma();
        match value {
            None => self.out.push_str(&m.full),
            Some(v) => {
                self.out.push_str(m.head());
                self.out.push_str(v);
                self.out.push_str(m.tail());
            }
        }
    }

    fn comma(&mut self) {
        if !self.out.ends_with('{') {
            self.out.push(',');
        }
    }

    /// Writes documented field `name`: as sent when `decode(sent value)` still equals the
    /// current value, otherwise `encode(current)` in its place; nothing when that is `None`.
    fn field<T: PartialEq>(
        &mut self,
        name: &str,
        sent: Option<&Member>,
        current: &T,
        decode: impl Fn(&str) -> T,
        encode: impl Fn(&T) -> Option<String>,
    ) {
        if let Some(m) = sent.filter(|m| decode(m.value()) == *current) {
            self.member(m, None);
        } else if let Some(value) = encode(current) {
            if let Some(m) = sent {
                self.member(m, Some(&value));
            } else {
                self.comma();
                json::write_string(&mut self.out, name);
                self.out.push(':');
                self.out.push_str(&value);
            }
        }
    }
}

/// An object's members split into documented fields (by index into `names`) and the rest.
struct Split<'a, const N: usize> {
    fields: [Option<RawMember<'a>>; N],
    extra: Extra,
}

/// Reads the object at `at` of `body`, matching keys against `names`.
///
/// # Errors
/// A `Shape` error when the value there is not an object or a documented key appears twice.
fn split<'a, const N: usize>(
    body: &Body<'a>,
    at: usize,
    what: &str,
    names: &[&str; N],
) -> Result<Split<'a, N>, BodyError> {
    let object = body.members(at).ok_or_else(|| {
        body.error_at(
            BodyErrorKind::Shape,
            at,
            format!("expected {what} as a JSON object"),
        )
    })?;
    let mut fields: [Option<RawMember<'a>>; N] = [const { None }; N];
    let mut members = Vec::with_capacity(object.members.len());
    for m in object.members {
        let name = m.name();
        let field = name
            .as_deref()
            .and_then(|n| names.iter().position(|d| *d == n));
        // Offsets within one member of a body of at most MAX_BODY_BYTES fit a u32.
        #[allow(clippy::cast_possible_truncation)]
        members.push(Member {
            full: m.full.into(),
            key: m.key.start as u32..m.key.end as u32,
            value: m.value.start as u32..m.value.end as u32,
            field: field.map(|i| i as u8),
        });
        if let Some(i) = field {
            if fields[i].is_some() {
                return Err(body.error_at(
                    BodyErrorKind::Shape,
                    m.at,
                    format!(
                        "`{}` appears twice; which one is meant is unclear",
                        names[i]
                    ),
                ));
            }
            fields[i] = Some(m);
        }
    }
    let outer = if at == body.start() {
        let (before, after) = body.outer();
        [before.into(), after.into()]
    } else {
        Default::default()
    };
    Ok(Split {
        fields,
        extra: Extra {
            members,
            outer,
            inner: object.inner.into(),
        },
    })
}

/// A documented text field, read leniently: a string (a lone surrogate becomes U+FFFD);
/// `null` or any other type reads as absent, and the raw text is kept all the same.
fn text(raw: &str) -> Option<String> {
    raw.starts_with('"')
        .then(|| decode_string(raw, true))
        .flatten()
}

// The shape `Writer::field` takes: `encode(&current)` for a field of type `Option<String>`.
#[allow(clippy::ref_option)]
fn encode_text(value: &Option<String>) -> Option<String> {
    value.as_ref().map(|t| {
        let mut out = String::new();
        json::write_string(&mut out, t);
        out
    })
}

#[allow(clippy::unnecessary_wraps)] // the shape `Writer::field` takes
fn encode_display<T: ToString>(value: &T) -> Option<String> {
    Some(value.to_string())
}

/// A required or optional boolean that matters.
fn boolean(raw: &str) -> Option<bool> {
    match raw {
        "true" => Some(true),
        "false" => Some(false),
        _ => None,
    }
}

/// A JSON number whose value is a whole number that fits `T` (`400`, `4E2`, `400.0`).
fn integer<T: TryFrom<i128>>(raw: &str) -> Option<T> {
    json::json_integer(raw)
        .ok()
        .flatten()
        .and_then(|v| T::try_from(v).ok())
}

/// A `Shape` error at the member's value.
fn field_error(body: &Body<'_>, m: &RawMember<'_>, name: &str, problem: &str) -> BodyError {
    body.error_at(BodyErrorKind::Shape, m.at, format!("`{name}`: {problem}"))
}

/// A `Shape` error for a required field that is missing.
fn missing(body: &Body<'_>, at: usize, name: &str) -> BodyError {
    body.error_at(BodyErrorKind::Shape, at, format!("missing field `{name}`"))
}

/// What kind of JSON value `raw` is, for messages.
fn json_kind(raw: &str) -> &'static str {
    match raw.as_bytes().first() {
        Some(b'"') => "a string",
        Some(b'{') => "an object",
        Some(b'[') => "an array",
        Some(b't' | b'f') => "a boolean",
        Some(b'n') => "null",
        _ => "a number",
    }
}
