//! `errcodes body`: read a vendor response body, recognise its vendor from its shape, and
//! explain every code in it.
//!
//! The parsing is `errcodes::response`'s: lossless, within `MAX_BODY_BYTES`, tolerant of odd
//! values outside the fields that matter. This module only picks the parser and prints.

use std::fmt::Write as _;
use std::io::Read;

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
    entry: Option<&'static Entry>,
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
    let read_as = if catalog.wire_format() != errcodes::WireFormat::Hex {
        None
    } else if code.is_number() {
        // A JSON number is a value: 19 is the byte 0x13.
        let hex = raw
            .parse::<u64>()
            .map(|v| format!(" = 0x{v:02X}"))
            .unwrap_or_default();
        Some(format!("a JSON number, decimal {raw}{hex}"))
    } else if raw.starts_with("0x") || raw.starts_with("0X") {
        None
    } else {
        // Webhooks send hex without `0x`: `13` is 0x13, not thirteen.
        u64::from_str_radix(raw, 16)
            .ok()
            .map(|v| format!("hex 0x{v:02X}, the form Nuki webhooks send"))
    };
    Sent {
        field,
        raw: raw.to_owned(),
        number: code.is_number(),
        catalog: catalog.id(),
        read_as,
    }
}

/// Reads the body as `vendor` (or the one its shape says) and explains it.
pub fn run(
    bytes: &[u8],
    vendor: Option<Vendor>,
    status: Option<u16>,
    as_json: bool,
    style: Style,
) -> Result<String, Failure> {
    let vendor = match vendor {
        Some(v) => v,
        None => detect(bytes)?,
    };
    let (header, status_used, items) = match vendor {
        Vendor::Nuki => nuki(bytes)?,
        Vendor::Knox => knox(bytes, status)?,
        Vendor::Tapkey => tapkey(bytes, status)?,
        Vendor::Bridge => bridge(bytes, status.unwrap_or(200))?,
    };
    Ok(if as_json {
        let items: Vec<Json> = items.iter().map(item_json).collect();
        show::json_text(&json!({
            "vendor": vendor.to_possible_value().map(|v| v.get_name().to_owned()),
            "shape": vendor.shape(),
            "status": status_used,
            "summary": header,
            "items": items,
        }))
    } else {
        let mut out = format!("{}\n", style.bold(&header));
        for item in &items {
            out.push('\n');
            item_text(&mut out, item, style);
        }
        out
    })
}

type Read3 = (String, Option<u16>, Vec<Item>);

fn nuki(bytes: &[u8]) -> Result<Read3, Failure> {
    let result = NukiWebResult::from_json(bytes).map_err(|e| unreadable(&e))?;
    let failed = result.failures().count();
    let mut header = format!(
        "Nuki Web API result: {} of {} smart lock{} failed",
        failed,
        result.detail.len(),
        if result.detail.len() == 1 { "" } else { "s" }
    );
    if let Some(kind) = &result.kind {
        let _ = write!(header, "; request type {kind}");
    }
    if let Some(id) = &result.request_id {
        let _ = write!(header, ", request id {id}");
    }
    let _ = write!(header, "; overall success {}", result.success);
    let items = result
        .detail
        .iter()
        .map(|lock| {
            let id = lock
                .smartlock_id
                .map(|n| n.to_string())
                .or_else(|| lock.extra.get("smartlockId").map(str::to_owned));
            let mut entity = format!("smart lock {}", id.as_deref().unwrap_or("(no smartlockId)"));
            if let Some(eid) = &lock.id {
                let _ = write!(entity, " (id {eid})");
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

fn knox(bytes: &[u8], status: Option<u16>) -> Result<Read3, Failure> {
    let err = KnoxTagError::from_json(bytes).map_err(|e| unreadable(&e))?;
    let mut notes = Vec::new();
    if let Some(m) = err.status_mismatch() {
        notes.push(format!(
            "the body's result is HTTP {}, the catalogue gives HTTP {} for this code",
            m.result, m.catalogued
        ));
    }
    if let Some(s) = status.filter(|s| *s != err.result) {
        notes.push(format!(
            "--status {s} differs from the body's result {}",
            err.result
        ));
    }
    let entry = err.code.code().map(|c| c.entry());
    if entry.is_none()
        && let Some(m) = &err.message
    {
        notes.push(format!("the body names it {m}"));
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
    let mut header = format!("Knox Tag API error object: HTTP {}", err.result);
    if let Some(data) = &err.data {
        let _ = write!(header, ": {data}");
    }
    Ok((header, Some(err.result), vec![item]))
}

fn tapkey(bytes: &[u8], status: Option<u16>) -> Result<Read3, Failure> {
    let err = TapkeyError::from_response(status.unwrap_or(0), bytes).map_err(|e| unreadable(&e))?;
    let body = err.body();
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
            let _ = write!(header, "\n  {label}: {v}");
        }
    }
    let mut notes = Vec::new();
    let code = body.error_code.as_ref().map(|raw| {
        notes.push(
            "ErrorCode unknown: Tapkey does not publish its ErrorCode values; shown as sent"
                .to_owned(),
        );
        Sent {
            field: "ErrorCode",
            raw: raw.clone(),
            number: false,
            // Tapkey's catalogue is of HTTP statuses; no catalogue holds ErrorCode values.
            catalog: "",
            read_as: None,
        }
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

fn bridge(bytes: &[u8], status: u16) -> Result<Read3, Failure> {
    let response = BridgeResponse::from_response(status, bytes).map_err(|e| unreadable(&e))?;
    let (outcome, entry, note) = match response.outcome() {
        BridgeOutcome::Succeeded => ("succeeded", None, None),
        BridgeOutcome::DeviceOffline => (
            "failed",
            None,
            Some(
                "HTTP 200 with success false: the smart lock or opener is offline (batteries \
                  out, out of range)",
            ),
        ),
        BridgeOutcome::Status(_, Some(code)) => ("failed", Some(code.entry()), None),
        _ => (
            "failed",
            None,
            Some("the Bridge catalogue does not list this status"),
        ),
    };
    let mut header = format!("Nuki Bridge response: HTTP {status}");
    if let Some(error) = &response.body().error {
        let _ = write!(header, ": {error}");
    }
    let item = Item {
        entity: "the device".into(),
        entity_json: Json::Null,
        outcome,
        code: None,
        entry,
        action: Some(response.next_step()),
        notes: note.map(str::to_owned).into_iter().collect(),
    };
    Ok((header, Some(status), vec![item]))
}

fn item_text(out: &mut String, item: &Item, s: Style) {
    let _ = writeln!(out, "{}: {}", s.bold(&item.entity), item.outcome);
    let field = |out: &mut String, label: &str, value: &str| {
        let _ = writeln!(out, "  {} {value}", s.dim(&format!("{label:<12}")));
    };
    if let Some(code) = &item.code {
        let mut text = if code.number {
            code.raw.clone()
        } else {
            format!("\"{}\"", code.raw)
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
            "sent": if c.number { c.raw.parse::<serde_json::Number>().map_or_else(|_| json!(c.raw), Json::Number) } else { json!(c.raw) },
            "catalog": (!c.catalog.is_empty()).then_some(c.catalog),
            "read_as": c.read_as,
        })),
        "known": item.entry.is_some(),
        "entry": item.entry.map(show::entry_json),
        "action": item.action.map(Action::as_str),
        "advice": item.action.map(Action::advice),
        "notes": item.notes,
    })
}
