//! Fuzz target bodies for errcodes, as plain functions of the input bytes.
//!
//! Each `fuzz_targets/<name>.rs` is a one-line libFuzzer entry point calling the function of
//! the same name here, so another driver (a replay loop, a stable-only mutator) can call the
//! same bodies. Every function panics only when an invariant is broken: a parser that panics,
//! or one whose answer disagrees with an independent reading of the input.

use std::fmt::Write as _;

use errcodes::response::{BridgeResponse, KnoxTagError, NukiWebResult, TapkeyError};
use errcodes::{Catalog, Entry, KeyKind, ParseError, ParseErrorKind, Value, WireFormat};

/// Arbitrary bytes as wire text: every runtime text parser, checked against an oracle.
///
/// For each catalogue: `parse_wire` must agree with an independent parse of the text in the
/// catalogue's wire form plus a linear scan of its entries (this checks the byte tables, the
/// perfect hash and the range checks); `find_name` must agree with a linear scan of names and
/// aliases; `lookup` must be "wire, then name"; a found entry must be found again from its own
/// documented wire value and name. The crate-level `lookup` and the typed parsers must agree
/// with the catalogue forms.
pub fn wire_text(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for &catalog in errcodes::catalogs() {
        check_catalog(catalog, text);
    }
    // The text as a catalogue id too.
    let by_id = errcodes::lookup(text, text);
    match errcodes::catalog(text) {
        Some(catalog) => assert_eq!(by_id, catalog.lookup(text)),
        None => {
            let err = by_id.expect_err("no catalogue has this id");
            assert_eq!(err.kind(), ParseErrorKind::UnknownCatalog);
            let known = errcodes::catalogs()
                .iter()
                .any(|c| c.id() == text || c.slug() == text);
            assert!(!known, "catalog({text:?}) missed a catalogue");
        }
    }
    show(&by_id);
    check_typed(text);
}

/// One catalogue against one text.
fn check_catalog(catalog: &'static Catalog, text: &str) {
    let wire = catalog.parse_wire(text);
    show(&wire);
    let expected = expected_wire(catalog, text);
    match (&wire, &expected) {
        (Ok(got), Some(Ok(want))) => assert!(
            got == want,
            "{}: parse_wire({text:?}) gave {} but the entry with that value is {}",
            catalog.id(),
            got.name(),
            want.name()
        ),
        (Err(got), Some(Err((kind, value)))) => {
            assert_eq!(got.kind(), *kind, "{}: parse_wire({text:?})", catalog.id());
            if *kind == ParseErrorKind::Unknown && catalog.wire_format() != WireFormat::Text {
                assert_eq!(
                    got.value(),
                    *value,
                    "{}: parse_wire({text:?})",
                    catalog.id()
                );
            }
        }
        (_, None) => {} // a key kind this oracle does not know (non_exhaustive)
        _ => panic!(
            "{}: parse_wire({text:?}) = {wire:?}, expected {expected:?}",
            catalog.id()
        ),
    }
    match wire {
        Ok(entry) => {
            check_entry(catalog, &entry);
            if catalog.wire_format() == WireFormat::Hex {
                // Hex digits and the `0x` prefix are accepted in either case.
                assert_eq!(catalog.parse_wire(&text.to_ascii_lowercase()), wire);
                assert_eq!(catalog.parse_wire(&text.to_ascii_uppercase()), wire);
            }
        }
        Err(err) => {
            assert_eq!(err.catalog(), catalog.id());
            assert_ne!(err.kind(), ParseErrorKind::UnknownCatalog);
            assert_eq!(
                err.kind() == ParseErrorKind::Empty,
                text.is_empty(),
                "{}: parse_wire({text:?}) = {err:?}",
                catalog.id()
            );
        }
    }

    let name = catalog.find_name(text);
    let scanned = catalog
        .entries()
        .find(|e| e.name() == text || e.aliases().any(|a| a == text));
    match (name, scanned) {
        (Some(got), Some(want)) => assert!(
            got == want,
            "{}: find_name({text:?}) gave {}, the scan {}",
            catalog.id(),
            got.name(),
            want.name()
        ),
        (None, None) => {}
        _ => panic!(
            "{}: find_name({text:?}) = {:?}, a scan of names and aliases finds {:?}",
            catalog.id(),
            name.as_ref().map(Entry::name),
            scanned.as_ref().map(Entry::name)
        ),
    }
    if let Some(entry) = name {
        check_entry(catalog, &entry);
    }

    let looked_up = catalog.lookup(text);
    show(&looked_up);
    // Lookups read wire text first, then a name exactly or in any ASCII case when that picks
    // one entry (`find_name_any_case`, itself checked against a scan below).
    let any_case = catalog.find_name_any_case(text);
    let scanned_any_case = {
        let lower = text.to_ascii_lowercase();
        let mut hits = catalog.entries().filter(|e| {
            std::iter::once(e.name())
                .chain(e.aliases())
                .any(|n| n.to_ascii_lowercase() == lower)
        });
        match (hits.next(), hits.next()) {
            (Some(one), None) => Some(one),
            _ => None,
        }
    };
    assert!(
        name.is_some() || any_case == scanned_any_case,
        "{}: find_name_any_case({text:?}) = {:?}, a scan finds {:?}",
        catalog.id(),
        any_case.as_ref().map(Entry::name),
        scanned_any_case.as_ref().map(Entry::name)
    );
    let rule = match (wire, name.or(any_case)) {
        (Ok(entry), _) | (Err(_), Some(entry)) => Ok(entry),
        (Err(err), None) if err.kind() == ParseErrorKind::InvalidSyntax => {
            Err(ParseErrorKind::Unknown)
        }
        (Err(err), None) => Err(err.kind()),
    };
    match (&looked_up, rule) {
        (Ok(got), Ok(want)) => assert_eq!(*got, want),
        (Err(got), Err(kind)) => {
            assert_eq!(got.kind(), kind);
            assert_eq!(got.catalog(), catalog.id());
        }
        _ => panic!(
            "{}: lookup({text:?}) = {looked_up:?}, but parse_wire = {wire:?}, find_name = {:?}",
            catalog.id(),
            name.as_ref().map(Entry::name)
        ),
    }
    assert_eq!(errcodes::lookup(catalog.id(), text), looked_up);
    assert_eq!(errcodes::lookup(catalog.slug(), text), looked_up);
}

/// An entry found in `catalog` belongs to it and is found again from its own wire and name.
fn check_entry(catalog: &'static Catalog, entry: &Entry) {
    assert_eq!(entry.catalog(), catalog.id());
    assert!(
        catalog.entries().any(|e| e == *entry),
        "{}: {} is not one of the catalogue's entries",
        catalog.id(),
        entry.name()
    );
    let again = catalog.parse_wire(entry.wire());
    assert_eq!(
        again.as_ref(),
        Ok(entry),
        "{}: parse_wire({:?}) does not give {} back",
        catalog.id(),
        entry.wire(),
        entry.name()
    );
    let named = catalog.find_name(entry.name());
    assert_eq!(named.as_ref(), Some(entry), "{}", entry.name());
    let mut out = String::new();
    let _ = write!(out, "{entry} {entry:?}");
}

/// What `parse_wire` must answer, read independently of the crate: `None` for a key kind
/// this oracle does not know.
#[allow(clippy::type_complexity)]
fn expected_wire(
    catalog: &'static Catalog,
    text: &str,
) -> Option<Result<Entry, (ParseErrorKind, Option<Value>)>> {
    let mut entries = catalog.entries();
    if catalog.wire_format() == WireFormat::Text || catalog.key() == KeyKind::Text {
        let found = entries.find(|e| matches!(e.value(), Value::Text(v) if v == text));
        return Some(match found {
            Some(entry) => Ok(entry),
            None if text.is_empty() => Err((ParseErrorKind::Empty, None)),
            None => Err((ParseErrorKind::Unknown, None)),
        });
    }
    let (lo, hi): (i128, i128) = match catalog.key() {
        KeyKind::Byte => (0, 0xFF),
        KeyKind::HttpStatus => (100, 999),
        KeyKind::U16 => (0, u16::MAX.into()),
        KeyKind::U32 => (0, u32::MAX.into()),
        KeyKind::U64 => (0, u64::MAX.into()),
        KeyKind::I16 => (i16::MIN.into(), i16::MAX.into()),
        KeyKind::I32 => (i32::MIN.into(), i32::MAX.into()),
        KeyKind::I64 => (i64::MIN.into(), i64::MAX.into()),
        _ => return None,
    };
    let hex = match catalog.wire_format() {
        WireFormat::Hex => true,
        WireFormat::Decimal => false,
        _ => return None,
    };
    if text.is_empty() {
        return Some(Err((ParseErrorKind::Empty, None)));
    }
    let (negative, rest) = match text.strip_prefix('-') {
        Some(rest) if lo < 0 && !hex => (true, rest),
        _ => (false, text),
    };
    let digits = if hex {
        rest.strip_prefix("0x")
            .or_else(|| rest.strip_prefix("0X"))
            .unwrap_or(rest)
    } else {
        rest
    };
    let is_digit = |b: u8| {
        if hex {
            b.is_ascii_hexdigit()
        } else {
            b.is_ascii_digit()
        }
    };
    if digits.is_empty() || !digits.bytes().all(is_digit) {
        return Some(Err((ParseErrorKind::InvalidSyntax, None)));
    }
    let radix: u32 = if hex { 16 } else { 10 };
    // Checked accumulation: anything past i128 is out of range for every key kind.
    let mut magnitude: i128 = 0;
    for b in digits.bytes() {
        let digit = i128::from(char::from(b).to_digit(radix).expect("checked above"));
        match magnitude
            .checked_mul(radix.into())
            .and_then(|m| m.checked_add(digit))
        {
            Some(m) => magnitude = m,
            None => return Some(Err((ParseErrorKind::OutOfRange, None))),
        }
    }
    let value = if negative { -magnitude } else { magnitude };
    if value < lo || value > hi {
        return Some(Err((ParseErrorKind::OutOfRange, None)));
    }
    let found = entries.find(|e| match e.value() {
        Value::Unsigned(v) => i128::from(v) == value,
        Value::Signed(v) => i128::from(v) == value,
        _ => false,
    });
    Some(match found {
        Some(entry) => Ok(entry),
        None => {
            let reported = if lo < 0 {
                Value::Signed(i64::try_from(value).expect("within the key kind"))
            } else {
                Value::Unsigned(u64::try_from(value).expect("within the key kind"))
            };
            Err((ParseErrorKind::Unknown, Some(reported)))
        }
    })
}

/// The typed parsers agree with the catalogue forms.
fn check_typed(text: &str) {
    use errcodes::{http, knox, nuki};

    let hex = nuki::from_hex(text);
    assert_eq!(
        hex.map(nuki::Code::entry),
        nuki::CATALOG.parse_wire(text),
        "nuki::from_hex({text:?})"
    );
    if let Ok(code) = hex {
        assert_eq!(nuki::from_byte(code.value()), Some(code));
        assert_eq!(nuki::from_hex(code.wire()), Ok(code));
        assert_eq!(nuki::from_name(code.name()), Some(code));
    }
    let parsed = nuki::parse(text);
    assert_eq!(parsed.map(nuki::Code::entry), nuki::CATALOG.lookup(text));
    assert_eq!(text.parse::<nuki::Code>(), parsed);
    show(&parsed);

    let status = text.parse::<http::Code>();
    assert_eq!(status, http::parse(text));
    assert_eq!(status.map(http::Code::entry), http::CATALOG.lookup(text));
    let decimal = http::from_decimal(text);
    assert_eq!(
        decimal.map(http::Code::entry),
        http::CATALOG.parse_wire(text)
    );
    if let Ok(code) = decimal {
        assert_eq!(http::from_status(code.value()), Some(code));
    }
    show(&status);

    let tag = knox::tag::from_decimal(text);
    assert_eq!(
        tag.map(knox::tag::Code::entry),
        knox::tag::CATALOG.parse_wire(text),
        "knox::tag::from_decimal({text:?})"
    );
    if let Ok(code) = tag {
        assert_eq!(knox::tag::from_value(code.value()), Some(code));
    }
    assert_eq!(
        text.parse::<knox::tag::Code>().map(knox::tag::Code::entry),
        knox::tag::CATALOG.lookup(text)
    );
    show(&tag);
}

/// Formats a parse result both ways, so `Display` and `Debug` run on every outcome.
fn show<T: std::fmt::Debug>(result: &Result<T, ParseError>) {
    let mut out = String::new();
    let _ = write!(out, "{result:?}");
    if let Err(err) = result {
        let _ = write!(out, "{err}");
        assert!(!err.to_string().is_empty());
    }
}

/// Arbitrary bytes as a vendor response body: every body parser; whatever parses must
/// serialize, parse again to an equal value and serialize to the same JSON.
///
/// The HTTP status for Tapkey and the Nuki Bridge is 200 and one taken from the input's last
/// two bytes (the status does not change how a body is read, only what it means).
pub fn response_bodies(data: &[u8]) {
    // The parsers read JSON grammar without converting numbers or strings, so `1e400` and a
    // lone `\ud800` parse where serde_json's value tree refuses them: the check is the
    // lossless round trip instead of "serde_json agrees".
    let blank = data.iter().all(u8::is_ascii_whitespace);

    match NukiWebResult::from_json(data) {
        Ok(first) => {
            let json = first.to_json();
            assert_eq!(
                json.as_bytes(),
                data,
                "a Nuki result comes back byte for byte"
            );
            let again = NukiWebResult::from_json(json.as_bytes())
                .unwrap_or_else(|e| panic!("re-parsing {json}: {e}"));
            assert_eq!(
                first, again,
                "Nuki result changed in the round trip via {json}"
            );
            assert_eq!(again.to_json(), json);
            let mut out = String::new();
            for lock in &first.detail {
                let _ = write!(out, "{lock} {:?} {:?}", lock.outcome(), lock.next_step());
            }
            let _ = first.failures().count();
        }
        Err(err) => body_error(&err),
    }

    match KnoxTagError::from_json(data) {
        Ok(first) => {
            let json = first.to_json();
            assert_eq!(
                json.as_bytes(),
                data,
                "a Knox error comes back byte for byte"
            );
            let again = KnoxTagError::from_json(json.as_bytes())
                .unwrap_or_else(|e| panic!("re-parsing {json}: {e}"));
            assert_eq!(
                first, again,
                "Knox error changed in the round trip via {json}"
            );
            assert_eq!(again.to_json(), json);
            let mut out = String::new();
            let _ = write!(
                out,
                "{first} {:?} {:?} {:?}",
                first.next_step(),
                first.status_mismatch(),
                first.code
            );
        }
        Err(err) => body_error(&err),
    }

    let tail = match data {
        [.., a, b] => u16::from_be_bytes([*a, *b]),
        _ => 0,
    };
    for status in [200, tail] {
        match TapkeyError::from_response(status, data) {
            Ok(first) => {
                assert_eq!(first.status(), status);
                let json = first.body_json();
                assert!(
                    blank || json.as_bytes() == data,
                    "a Tapkey body comes back byte for byte"
                );
                let again = TapkeyError::from_response(status, json.as_bytes())
                    .unwrap_or_else(|e| panic!("re-parsing {json}: {e}"));
                assert_eq!(
                    first, again,
                    "Tapkey error changed in the round trip via {json}"
                );
                assert_eq!(again.body_json(), json);
                let mut out = String::new();
                let _ = write!(
                    out,
                    "{first} {:?} {:?} {:?}",
                    first.code(),
                    first.error_code(),
                    first.next_step()
                );
            }
            Err(err) => body_error(&err),
        }

        match BridgeResponse::from_response(status, data) {
            Ok(first) => {
                assert_eq!(first.status(), status);
                let json = first.body_json();
                assert!(
                    blank || json.as_bytes() == data,
                    "a Bridge body comes back byte for byte"
                );
                let again = BridgeResponse::from_response(status, json.as_bytes())
                    .unwrap_or_else(|e| panic!("re-parsing {json}: {e}"));
                assert_eq!(
                    first, again,
                    "Bridge response changed in the round trip via {json}"
                );
                assert_eq!(again.body_json(), json);
                let mut out = String::new();
                let _ = write!(out, "{first} {:?} {:?}", first.outcome(), first.next_step());
            }
            Err(err) => body_error(&err),
        }
    }
}

/// A body error formats, and places itself inside the input where it gives a place.
fn body_error(err: &errcodes::response::BodyError) {
    let shown = err.to_string();
    assert!(!shown.is_empty());
    assert!(!err.body().is_empty());
    let _ = (
        err.line(),
        err.column(),
        err.is_truncated(),
        err.kind(),
        format!("{err:?}"),
    );
}

/// Arbitrary bytes as one catalogue file: the generator validates and renders it, or reports
/// problems. It must not panic; every problem names the file, and a success has one catalogue.
pub fn catalog_yaml(data: &[u8]) {
    // The generator reads folders: one per process, holding just this file.
    static DIR: std::sync::OnceLock<std::path::PathBuf> = std::sync::OnceLock::new();
    let dir = DIR.get_or_init(|| {
        let dir = std::env::temp_dir()
            .join(format!("errcodes-fuzz-{}", std::process::id()))
            .join("catalog");
        std::fs::create_dir_all(&dir).expect("a scratch folder for the fuzzed file");
        dir
    });
    std::fs::write(dir.join("fuzz.yaml"), data).expect("the fuzzed file is written");
    match errcodes_build::Builder::new().catalog_dir(dir).generate() {
        Ok(generated) => {
            assert_eq!(generated.catalogs.len(), 1, "one file, one catalogue");
            assert!(!generated.files.is_empty());
            assert!(!generated.docs.is_empty());
        }
        Err(problems) => {
            assert!(!problems.is_empty(), "an error with no problem in it");
            for problem in &problems {
                assert_eq!(problem.path, "catalog/fuzz.yaml");
                assert!(!problem.message.trim().is_empty(), "{problem:?}");
                assert!(problem.to_string().starts_with("catalog/fuzz.yaml"));
            }
            assert!(problems.is_sorted(), "problems are reported sorted");
        }
    }
}
