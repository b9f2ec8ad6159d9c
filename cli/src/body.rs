//! `errcodes body`: read a vendor response body, recognise its vendor from its shape, and
//! explain every code in it.
//!
//! The parsing is `errcodes::response`'s: lossless, within `MAX_BODY_BYTES`, tolerant of odd
//! values outside the fields that matter. This module only picks the parser and prints.

use std::fmt::Write as _;
use std::io::{Read, Write};

use clap::ValueEnum;
use errcodes::response::{
    BodyError, BodyErrorKind, BridgeOutcome, BridgeResponse, KnoxTagError, LockOutcome,
    MAX_BODY_BYTES, NukiWebResult, TapkeyError, WireCode,
};
use errcodes::{Action, CatalogCode, Entry};
use serde_json::{Value as Json, json};

use crate::Failure;
use crate::show::{self, Style};

/// The body shapes `errcodes body` knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Vendor {
    /// Nuki Web API webhook or result: `{detail: [{smartlockId, success, errorCode}], success}`.
    #[value(alias = "nuki-web-api")]
    Nuki,
    /// Samsung Knox Tag API error object: `{result, code, message, data}`.
    #[value(alias = "knox-tag")]
    Knox,
    /// Tapkey error body: `{ErrorCode, ErrorMessage, ErrorDetails, UserErrorMessage}`.
    Tapkey,
    /// Nuki Bridge HTTP API response: `{"success": false}` (on HTTP 200: device offline).
    #[value(alias = "nuki-bridge")]
    Bridge,
}

impl Vendor {
    fn shape(self) -> &'static str {
        match self {
            Vendor::Nuki => "Nuki Web API result",
            Vendor::Knox => "Knox Tag API error object",
            Vendor::Tapkey => "Tapkey error body",
            Vendor::Bridge => "Nuki Bridge response",
        }
    }
}

/// The shapes, for the message when none fits.
const KNOWN_SHAPES: &str = "a Nuki Web API result (`detail` with `errorCode`), a Knox error \
     object (`result`, `code`, `message`, `data`), a Tapkey error body (`ErrorCode`, \
     `ErrorMessage`, …) or a Nuki Bridge response (`success`)";

/// Reads FILE, or standard input for `-` or no FILE, up to the size limit.
pub fn read(file: Option<&str>) -> Result<Vec<u8>, Failure> {
    let limit = MAX_BODY_BYTES as u64;
    let too_large = |len: String| {
        Failure::Usage(format!(
            "the body is {len} bytes; bodies are limited to {MAX_BODY_BYTES} bytes (1 MiB)"
        ))
    };
    let mut bytes = Vec::new();
    let result = match file {
        None | Some("-") => std::io::stdin()
            .lock()
            .take(limit + 1)
            .read_to_end(&mut bytes),
        Some(path) => {
            let open = std::fs::File::open(path)
                .map_err(|e| Failure::Usage(format!("cannot read {path}: {e}")))?;
            // Checked before reading: a 10 GB file is refused without being read.
            if let Ok(meta) = open.metadata()
                && meta.is_file()
                && meta.len() > limit
            {
                return Err(too_large(meta.len().to_string()));
            }
            open.take(limit + 1).read_to_end(&mut bytes)
        }
    };
    result.map_err(|e| {
        Failure::Usage(format!(
            "cannot read {}: {e}",
            file.filter(|f| *f != "-").unwrap_or("standard input")
        ))
    })?;
    if bytes.len() as u64 > limit {
        return Err(too_large(format!("more than {MAX_BODY_BYTES}")));
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(Failure::Usage("the body is empty".into()));
    }
    Ok(bytes)
}

/// Which vendor's shape the body has: its top-level member names decide.
fn detect(bytes: &[u8]) -> Result<Vendor, Failure> {
    // The Tapkey reader takes any JSON object, so it tells JSON from not-JSON and lists
    // the member names (its own four as fields, the rest in `extra`).
    let any = TapkeyError::from_response(0, bytes).map_err(|e| unreadable(&e))?;
    let body = any.body();
    let has = |name: &str| body.extra.get(name).is_some();
    if has("detail") {
        Ok(Vendor::Nuki)
    } else if has("code") && (has("result") || has("message") || has("data")) {
        Ok(Vendor::Knox)
    } else if body.error_code.is_some()
        || body.error_message.is_some()
        || body.error_details.is_some()
        || body.user_error_message.is_some()
    {
        Ok(Vendor::Tapkey)
    } else if has("success") {
        Ok(Vendor::Bridge)
    } else {
        Err(Failure::NotFound(format!(
            "the body is JSON but of no known vendor shape; `errcodes body` knows {KNOWN_SHAPES}; \
             `--vendor` picks one"
        )))
    }
}

/// A body that could not be read: not JSON (exit 2) or JSON of the wrong shape (exit 1).
fn unreadable(e: &BodyError) -> Failure {
    match e.kind() {
        BodyErrorKind::Shape => Failure::NotFound(e.to_string()),
        BodyErrorKind::TooLarge => Failure::Usage(e.message().to_owned()),
        _ => Failure::Usage(format!(
            "the body is not JSON: {}{}",
            e.message(),
            if e.line() > 0 {
                format!(" at line {} column {}", e.line(), e.column())
            } else {
                String::new()
            }
        )),
    }
}

/// One code of the body, with what it concerns.
struct Item {
    /// `smart lock 123456789 (id …)`, or the response as a whole.
    entity: String,
    entity_json: Json,
    outcome: &'static str,
    /// The member the code came in, and the code as sent.
    code: Option<Sent>,
    entry: Option<Entry>,
    /// `None` when it cannot be known (a Tapkey body without its HTTP status).
    action: Option<Action>,
    /// Extra lines: causes, mismatches, how the code was read.
    notes: Vec<String>,
}

struct Sent {
    field: &'static str,
    raw: String,
    number: bool,
    catalog: &'static str,
    /// How the text was read, when that is not obvious (`hex 0x13`).
    read_as: Option<String>,
}

fn sent<C: CatalogCode>(field: &'static str, code: &WireCode<C>) -> Sent {
    let catalog = C::catalog();
    let raw = code.raw();
    let read_as = if code.is_number() {
        // A JSON number is a value, whatever its spelling: 19 and 1.9e1 are the byte 0x13.
        Some(match code.code() {
            Some(c) if catalog.wire_format() == errcodes::WireFormat::Hex => {
                format!(
                    "a JSON number, value {} = {}",
                    c.entry().value(),
                    c.entry().wire()
                )
            }
            Some(_) => return plain(field, raw, true, catalog.id()),
            None => "a JSON number; no code of the catalogue has its value".to_owned(),
        })
    } else if catalog.wire_format() != errcodes::WireFormat::Hex
        || raw.starts_with("0x")
        || raw.starts_with("0X")
    {
        None
    } else {
        // Webhooks send hex without `0x`: `13` is 0x13, not thirteen.
        u64::from_str_radix(raw, 16)
            .ok()
            .map(|v| format!("hex 0x{v:02X}, the form Nuki webhooks send"))
    };
    Sent {
        read_as,
        ..plain(field, raw, code.is_number(), catalog.id())
    }
}

fn plain(field: &'static str, raw: &str, number: bool, catalog: &'static str) -> Sent {
    Sent {
        field,
        raw: raw.to_owned(),
        number,
        catalog,
        read_as: None,
    }
}

/// Reads the body as `vendor` (or the one its shape says) and writes the explanation to
/// `out`, one item at a time: memory stays within a small multiple of the body's size however
/// many items it holds. Every failure to read the body is found before anything is written.
pub fn run(
    bytes: &[u8],
    vendor: Option<Vendor>,
    status: Option<u16>,
    as_json: bool,
    style: Style,
    out: &mut dyn Write,
) -> Result<std::io::Result<()>, Failure> {
    let vendor = match vendor {
        Some(v) => v,
        None => detect(bytes)?,
    };
    // Body text: exact in JSON, made visible for a terminal in text.
    let clean: Clean = if as_json { str::to_owned } else { safe };
    let (header, status_used, items) = match vendor {
        Vendor::Nuki => nuki(bytes, clean)?,
        Vendor::Knox => knox(bytes, status, clean)?,
        Vendor::Tapkey => tapkey(bytes, status, clean)?,
        Vendor::Bridge => bridge(bytes, status, clean)?,
    };
    Ok(if as_json {
        write_json(out, vendor, &header, status_used, &items)
    } else {
        write_text(out, &header, &items, style)
    })
}

fn write_text(
    out: &mut dyn Write,
    header: &str,
    items: &[Item],
    style: Style,
) -> std::io::Result<()> {
    writeln!(out, "{}", style.bold(header))?;
    let mut text = String::new();
    for item in items {
        text.clear();
        text.push('\n');
        item_text(&mut text, item, style);
        out.write_all(text.as_bytes())?;
    }
    Ok(())
}

/// The documented object, pretty-printed as `serde_json` would print it whole, but with one
/// item's JSON alive at a time.
fn write_json(
    out: &mut dyn Write,
    vendor: Vendor,
    header: &str,
    status: Option<u16>,
    items: &[Item],
) -> std::io::Result<()> {
    // Keys in serde_json's order (sorted): `items` comes first.
    out.write_all(b"{\n  \"items\": [")?;
    for (i, item) in items.iter().enumerate() {
        out.write_all(if i == 0 { b"\n" } else { b",\n" })?;
        let text = serde_json::to_string_pretty(&item_json(item)).map_err(std::io::Error::other)?;
        for (n, line) in text.lines().enumerate() {
            if n > 0 {
                out.write_all(b"\n")?;
            }
            write!(out, "    {line}")?;
        }
    }
    out.write_all(if items.is_empty() {
        b"],\n"
    } else {
        b"\n  ],\n"
    })?;
    let rest = show::json_text(&json!({
        "vendor": vendor.to_possible_value().map(|v| v.get_name().to_owned()),
        "shape": vendor.shape(),
        "status": status,
        "summary": header,
    }));
    // `{\n  "shape": …\n}\n` without its opening brace.
    out.write_all(&rest.as_bytes()[2..])
}

/// What one vendor's reader makes of a body: its shape's name, the HTTP status it is read
/// under, and an item per code.
type BodyRead = (String, Option<u16>, Vec<Item>);

/// How body text is put into the output.
type Clean = fn(&str) -> String;

/// Body text for a text line: controls and bidi overrides made visible.
fn safe(text: &str) -> String {
    show::printable(text).into_owned()
}

fn nuki(bytes: &[u8], safe: Clean) -> Result<BodyRead, Failure> {
    let result = NukiWebResult::from_json(bytes).map_err(|e| unreadable(&e))?;
    let failed = result.failures().count();
    let mut header = format!(
        "Nuki Web API result: {} of {} smart lock{} failed",
        failed,
        result.detail.len(),
        if result.detail.len() == 1 { "" } else { "s" }
    );
    if let Some(kind) = &result.kind {
        let _ = write!(header, "; request type {}", safe(kind));
    }
    if let Some(id) = &result.request_id {
        let _ = write!(header, ", request id {}", safe(id));
    }
    let _ = write!(header, "; overall success {}", result.success);
    let items = result
        .detail
        .iter()
        .map(|lock| {
            let id = lock
                .smartlock_id
                .map(|n| n.to_string())
                .or_else(|| lock.extra.get("smartlockId").map(safe));
            let mut entity = format!("smart lock {}", id.as_deref().unwrap_or("(no smartlockId)"));
            if let Some(eid) = &lock.id {
                let _ = write!(entity, " (id {})", safe(eid));
            }
            let (outcome, entry) = match lock.outcome() {
                LockOutcome::Succeeded => ("succeeded", None),
                LockOutcome::Failed(code) => ("failed", Some(code.entry())),
                _ => ("failed", None),
            };
            Item {
                entity,
                entity_json: json!({"smartlockId": lock.smartlock_id, "id": lock.id}),
                outcome,
                code: lock.error_code.as_ref().map(|c| sent("errorCode", c)),
                entry,
                action: Some(lock.next_step()),
                notes: Vec::new(),
            }
        })
        .collect();
    Ok((header, None, items))
}

fn knox(bytes: &[u8], status: Option<u16>, safe: Clean) -> Result<BodyRead, Failure> {
    let err = KnoxTagError::from_json(bytes).map_err(|e| unreadable(&e))?;
    let mut notes = Vec::new();
    if let Some(m) = err.status_mismatch() {
        notes.push(format!(
            "the body's result is HTTP {}, the catalogue gives HTTP {} for this code",
            m.result, m.catalogued
        ));
    }
    match (err.result, err.sent_result()) {
        (None, Some(raw)) => notes.push(format!(
            "the body's result is not an HTTP status (100-999): {}",
            safe(raw)
        )),
        (None, None) => notes.push("the body has no result (HTTP status)".to_owned()),
        _ => {}
    }
    if let (Some(s), Some(result)) = (status, err.result)
        && s != result
    {
        notes.push(format!(
            "--status {s} differs from the body's result {result}"
        ));
    }
    let entry = err.code.code().map(|c| c.entry());
    if entry.is_none()
        && let Some(m) = &err.message
    {
        notes.push(format!("the body names it {}", safe(m)));
    }
    let item = Item {
        entity: "the request".into(),
        entity_json: Json::Null,
        outcome: "failed",
        code: Some(sent("code", &err.code)),
        entry,
        action: Some(err.next_step()),
        notes,
    };
    let status_used = err.result.or(status);
    let mut header = match status_used {
        Some(s) => format!("Knox Tag API error object: HTTP {s}"),
        None => "Knox Tag API error object: HTTP status not known".to_owned(),
    };
    if let Some(data) = &err.data {
        let _ = write!(header, ": {}", safe(data));
    }
    Ok((header, status_used, vec![item]))
}

fn tapkey(bytes: &[u8], status: Option<u16>, safe: Clean) -> Result<BodyRead, Failure> {
    let err = TapkeyError::from_response(status.unwrap_or(0), bytes).map_err(|e| unreadable(&e))?;
    let body = err.body();
    if body.error_code.is_none()
        && body.error_message.is_none()
        && body.error_details.is_none()
        && body.user_error_message.is_none()
        && !bytes.iter().all(u8::is_ascii_whitespace)
    {
        return Err(not_the_shape(
            Vendor::Tapkey,
            "none of `ErrorCode`, `ErrorMessage`, `ErrorDetails`, `UserErrorMessage` holds text",
        ));
    }
    let mut header = match status {
        Some(s) => format!("Tapkey error body: HTTP {s}"),
        None => "Tapkey error body: HTTP status not given (--status N); Tapkey's meaning \
                 depends on it"
            .to_owned(),
    };
    for (label, value) in [
        ("ErrorMessage", &body.error_message),
        ("ErrorDetails", &body.error_details),
        ("UserErrorMessage", &body.user_error_message),
    ] {
        if let Some(v) = value {
            let _ = write!(header, "\n  {label}: {}", safe(v));
        }
    }
    let mut notes = Vec::new();
    let code = body.error_code.as_ref().map(|raw| {
        notes.push(
            "ErrorCode unknown: Tapkey does not publish its ErrorCode values; shown as sent"
                .to_owned(),
        );
        // Tapkey's catalogue is of HTTP statuses; no catalogue holds ErrorCode values.
        plain("ErrorCode", raw, false, "")
    });
    let item = Item {
        entity: "the request".into(),
        entity_json: Json::Null,
        outcome: "failed",
        code,
        entry: err.code().map(|c| c.entry()),
        action: status.map(|_| err.next_step()),
        notes,
    };
    Ok((header, status, vec![item]))
}

/// `--vendor X` on JSON that is not X's: exit 1, as for a body of no known shape.
fn not_the_shape(vendor: Vendor, why: &str) -> Failure {
    Failure::NotFound(format!(
        "the body is JSON but not a {}: {why}; `errcodes body` without --vendor recognises {KNOWN_SHAPES}",
        vendor.shape()
    ))
}

fn bridge(bytes: &[u8], status: Option<u16>, safe: Clean) -> Result<BodyRead, Failure> {
    // Without --status, read it as the 200 a Bridge sends `success` with, and say so.
    let response =
        BridgeResponse::from_response(status.unwrap_or(200), bytes).map_err(|e| unreadable(&e))?;
    let body = response.body();
    if body.success.is_none() && body.error.is_none() && !bytes.iter().all(u8::is_ascii_whitespace)
    {
        return Err(not_the_shape(
            Vendor::Bridge,
            "it has neither `success` nor `error`",
        ));
    }
    let (entity, outcome, entry, note) = match response.outcome() {
        BridgeOutcome::Succeeded => ("the device", "succeeded", None, None),
        BridgeOutcome::DeviceOffline => (
            "the device",
            "failed",
            None,
            Some(
                "HTTP 200 with success false: the smart lock or opener is offline (batteries \
                  out, out of range)",
            ),
        ),
        BridgeOutcome::Status(_, Some(code)) => ("the request", "failed", Some(code.entry()), None),
        _ => (
            "the request",
            "failed",
            None,
            Some("the Bridge catalogue does not list this status"),
        ),
    };
    let mut header = match status {
        Some(s) => format!("Nuki Bridge response: HTTP {s}"),
        None => "Nuki Bridge response: HTTP status not given (--status N); read as HTTP 200, \
                 the status a Bridge sends `success` with"
            .to_owned(),
    };
    if let Some(error) = &body.error {
        let _ = write!(header, ": {}", safe(error));
    }
    let item = Item {
        entity: entity.into(),
        entity_json: Json::Null,
        outcome,
        code: None,
        entry,
        action: Some(response.next_step()),
        notes: note.map(str::to_owned).into_iter().collect(),
    };
    Ok((header, status, vec![item]))
}

fn item_text(out: &mut String, item: &Item, s: Style) {
    let _ = writeln!(out, "{}: {}", s.bold(&item.entity), item.outcome);
    let field = |out: &mut String, label: &str, value: &str| {
        let _ = writeln!(out, "  {} {value}", s.dim(&format!("{label:<12}")));
    };
    if let Some(code) = &item.code {
        let raw = show::printable(&code.raw);
        let mut text = if code.number {
            raw.into_owned()
        } else {
            format!("\"{raw}\"")
        };
        if let Some(how) = &code.read_as {
            let _ = write!(text, " (read as {how})");
        }
        field(out, code.field, &s.wire(&text));
    }
    match (item.entry, &item.code) {
        (Some(e), _) => {
            field(
                out,
                "name",
                &format!("{} {} ({})", s.bold(e.name()), e.wire(), e.catalog()),
            );
            field(out, "description", e.description());
            if let Some(fix) = e.remediation() {
                field(out, "remediation", fix);
            }
        }
        (None, Some(code)) if !code.catalog.is_empty() => field(
            out,
            "name",
            &s.warn(&format!(
                "unknown: not catalogued in `{}`; shown as sent",
                code.catalog
            )),
        ),
        _ => {}
    }
    let next = match item.action {
        Some(a) => format!("{} ({})", a.as_str(), a.advice()),
        None => "unknown without the HTTP status; give it with --status N".to_owned(),
    };
    field(out, "next step", &next);
    for note in &item.notes {
        field(out, "note", note);
    }
    if let Some(e) = item.entry {
        for cause in e.causes() {
            let _ = writeln!(out, "  - {}: {}", s.bold(cause.name()), cause.description());
            if let Some(fix) = cause.remediation() {
                let _ = writeln!(out, "    {} {fix}", s.dim("what to do:"));
            }
            let _ = writeln!(
                out,
                "    {} {} ({})",
                s.dim("next step:"),
                cause.action().as_str(),
                cause.action().advice()
            );
        }
    }
}

fn item_json(item: &Item) -> Json {
    json!({
        "entity": item.entity_json,
        "outcome": item.outcome,
        "code": item.code.as_ref().map(|c| json!({
            "field": c.field,
            // Exact: a number is a JSON number only when its text is a plain integer (`19`);
            // `1E2` or `1.5` would change spelling, so they come as the text sent.
            "sent": if c.number { sent_number(&c.raw) } else { json!(c.raw) },
            "catalog": (!c.catalog.is_empty()).then_some(c.catalog),
            "read_as": c.read_as,
        })),
        "known": item.entry.is_some(),
        "entry": item.entry.as_ref().map(show::entry_json),
        "action": item.action.map(Action::as_str),
        "advice": item.action.map(Action::advice),
        "notes": item.notes,
    })
}

/// A code sent as a JSON number, for `--json`: the number when its text is a plain integer
/// serde_json writes back the same, otherwise the text exactly as sent.
fn sent_number(raw: &str) -> Json {
    let plain = |n: serde_json::Number| (n.to_string() == raw).then_some(Json::Number(n));
    raw.parse::<u64>()
        .ok()
        .map(serde_json::Number::from)
        .or_else(|| raw.parse::<i64>().ok().map(serde_json::Number::from))
        .and_then(plain)
        .unwrap_or_else(|| json!(raw))
}
