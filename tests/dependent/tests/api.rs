//! The acceptance list of issue 11, as a dependent sees it.

use core::error::Error;

use errcodes::{Action, CatalogCode, ParseErrorKind, http, knox, nuki};
use errcodes_dependent::{LockError, check_report, check_webhook, describe};

#[test]
fn discriminants_are_wire_values() {
    assert_eq!(nuki::Code::PErrorMaxUser as u8, 0x13);
    assert_eq!(nuki::Code::ErrorUnknown as u8, 0xFF);
    assert_eq!(http::Code::NotFound as u16, 404);
    assert_eq!(knox::tag::Code::ResourceInvalidParam as u32, 4_000_000);
    assert_eq!(size_of::<nuki::Code>(), 1);
    assert_eq!(size_of::<Option<nuki::Code>>(), 1);
}

#[test]
fn try_from_and_from() {
    assert_eq!(nuki::Code::try_from(0x13_u8), Ok(nuki::Code::PErrorMaxUser));
    assert_eq!(u8::from(nuki::Code::PErrorMaxUser), 0x13);
    assert_eq!(u16::from(http::Code::NotFound), 404);
    assert_eq!(http::Code::try_from(404_u16), Ok(http::Code::NotFound));
    assert_eq!(u32::from(knox::tag::Code::AuthorizationFail), 40_100_000);

    let err = nuki::Code::try_from(0x01_u8).unwrap_err();
    assert_eq!(err.kind(), ParseErrorKind::Unknown);
    assert_eq!(err.to_string(), "`nuki` has no code 0x01");
    let err = http::Code::try_from(299_u16).unwrap_err();
    assert_eq!(err.to_string(), "`http` has no code 299");
}

#[test]
fn one_lookup_shape() -> Result<(), errcodes::ParseError> {
    let max_user = nuki::Code::PErrorMaxUser;
    assert_eq!(nuki::from_value(0x13), Some(max_user));
    assert_eq!(nuki::from_wire("13")?, max_user);
    assert_eq!(nuki::from_wire("0x13")?, max_user);
    assert_eq!(nuki::from_wire("0xFF")?, nuki::Code::ErrorUnknown);
    assert_eq!(nuki::from_name("P_ERROR_MAX_USER"), Some(max_user));
    assert_eq!(nuki::from_byte(0x13), Some(max_user));
    assert_eq!(nuki::from_hex("13")?, max_user);

    assert_eq!(http::from_value(404), Some(http::Code::NotFound));
    assert_eq!(http::from_wire("404")?, http::Code::NotFound);
    assert_eq!(http::from_name("Not Found"), Some(http::Code::NotFound));
    assert_eq!(http::from_status(404), Some(http::Code::NotFound));

    let invalid = knox::tag::Code::ResourceInvalidParam;
    assert_eq!(knox::tag::from_value(4_000_000), Some(invalid));
    assert_eq!(knox::tag::from_wire("4000000")?, invalid);
    assert_eq!(
        knox::tag::from_name("RESOURCE_INVALID_PARAM"),
        Some(invalid)
    );
    assert_eq!(knox::tag::from_decimal("4000000")?, invalid);
    assert_eq!(knox::tag::from_value(1), None);

    // const lookups
    const BUSY: Option<nuki::Code> = nuki::from_value(0x45);
    assert_eq!(BUSY.map(|c| c.action()), Some(Action::Retry));
    Ok(())
}

#[test]
fn generic_over_catalogues() {
    assert_eq!(describe::<nuki::Code>("ff"), Some(("ERROR_UNKNOWN", 0xFF)));
    assert_eq!(
        describe::<http::Code>("Not Found"),
        Some(("Not Found", 404))
    );
    assert_eq!(
        describe::<knox::tag::Code>("4000000").map(|d| d.1),
        Some(4_000_000)
    );
    assert_eq!(
        <nuki::Code as CatalogCode>::from_value(0x13),
        Some(nuki::Code::PErrorMaxUser)
    );
}

#[test]
fn errors_chain_through_core_error() {
    let err = check_report(&[0x12, 0x00, 0x13, 0x00]).unwrap_err();
    assert!(matches!(err, LockError::Device(nuki::Code::PErrorMaxUser)));
    let source = err.source().expect("the code is the source");
    // A code's Display is one line, its wire value and name (its Debug names the catalogue).
    assert_eq!(source.to_string(), "0x13 P_ERROR_MAX_USER");

    let err = check_webhook("zz").unwrap_err();
    assert_eq!(
        err.source().map(|s| s.to_string()).as_deref(),
        Some("`nuki` expects a hex byte like `ff` or `0xFF`; `zz` is not one")
    );

    // Success codes are errors too (the type implements it; the value says success).
    let ok: &dyn Error = &http::Code::Ok;
    assert_eq!(http::Code::Ok.action(), Action::Nothing);
    assert!(ok.source().is_none());

    let unknown = errcodes::lookup("acme::lock", "1").unwrap_err();
    assert_eq!(unknown.kind(), ParseErrorKind::UnknownCatalog);
    assert!(unknown.to_string().contains("`acme::lock`"), "{unknown}");
}

#[test]
fn serde_round_trip() -> Result<(), Box<dyn Error>> {
    let code = nuki::Code::PErrorMaxUser;
    let json = serde_json::to_string(&code)?;
    assert_eq!(json, r#""P_ERROR_MAX_USER""#);
    assert_eq!(serde_json::from_str::<nuki::Code>(&json)?, code);
    // Also from wire text, an alias, or the number.
    assert_eq!(serde_json::from_str::<nuki::Code>(r#""13""#)?, code);
    assert_eq!(serde_json::from_str::<nuki::Code>("19")?, code);
    assert_eq!(
        serde_json::from_str::<nuki::Code>(r#""K_ERROR_LOW_VOLTAGE""#)?,
        nuki::Code::KErrorMotorLowVoltage
    );
    assert!(serde_json::from_str::<nuki::Code>(r#""NOPE""#).is_err());
    assert!(serde_json::from_str::<nuki::Code>("1").is_err());

    // Compact formats carry the wire value.
    let mut buf = [0u8; 16];
    let bytes = postcard::to_slice(&code, &mut buf)?;
    assert_eq!(bytes, [0x13]);
    assert_eq!(postcard::from_bytes::<nuki::Code>(bytes)?, code);

    assert_eq!(serde_json::to_string(&Action::Nothing)?, r#""none""#);
    assert_eq!(serde_json::from_str::<Action>(r#""retry""#)?, Action::Retry);

    let entry = serde_json::to_value(code.entry())?;
    assert_eq!(entry["wire"], "0x13");
    assert_eq!(entry["value"], 19);
    assert_eq!(entry["action"], "fix_request");
    assert_eq!(entry["source"]["official"], true);
    assert_eq!(entry["sources"][0]["id"], entry["source"]["id"]);
    assert_eq!(entry["single_unofficial_source"], false);
    Ok(())
}

/// Issue 22: lookups give an `Entry` by value and its lists are iterators, so a dependent
/// keeps an entry in its own types, sends it to another thread and walks the lists with
/// iterator adapters, without borrowing from the crate's statics.
#[test]
fn entries_and_their_lists_are_values() {
    struct Report {
        entry: errcodes::Entry,
    }
    let report = Report {
        entry: errcodes::lookup("nuki", "13").unwrap(),
    };
    let entry = std::thread::spawn(move || report.entry).join().unwrap();
    assert_eq!(entry, nuki::Code::PErrorMaxUser.entry());
    assert_eq!(errcodes::Entry::from(nuki::Code::PErrorMaxUser), entry);

    let first_two: Vec<&str> = entry.sources().take(2).map(|s| s.id()).collect();
    assert_eq!(first_two.len(), 2);
    assert_eq!(entry.sources().next(), Some(entry.source()));
    assert_eq!(entry.sources().rev().count(), entry.sources().len());

    let nuki = errcodes::catalog("nuki").unwrap();
    let wires: Vec<&str> = nuki.entries().map(|e| e.wire()).collect();
    assert_eq!(wires.len(), nuki::Code::ALL.len());
    assert_eq!(nuki.entries().nth(1).map(|e| e.wire()), Some(wires[1]));
    assert!(nuki.sources().any(|s| s == entry.source()));

    let recording = errcodes::lookup("nuki", "48").unwrap();
    let devices: Vec<(&str, &str)> = recording
        .device_names()
        .map(|d| (d.name(), d.device()))
        .collect();
    assert!(devices.contains(&("K_ERROR_RECORDING_TIMEOUT", "Opener")));
    assert!(recording.aliases().any(|a| a == "K_ERROR_RECORDING_TIMEOUT"));
    assert!(format!("{:?}", recording.device_names()).contains("Opener"));
    assert!(recording.causes().is_empty());
}
