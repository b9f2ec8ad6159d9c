//! The generated modules used the way a user of the crate uses them: typed lookups, the
//! conversions, the cross-catalogue lookups and the next step.

use acme_lock::{CATALOGS, lock};
use errcodes::{Action, Catalog, ParseErrorKind, WireFormat};

#[test]
fn signed_codes_by_value_wire_text_and_name() {
    let timeout = lock::from_value(-12).expect("E_TIMEOUT is catalogued");
    assert_eq!(timeout, lock::Code::ETimeout);
    assert_eq!(timeout.name(), "E_TIMEOUT");
    assert_eq!(timeout.description(), "The lock did not answer in time.");
    assert_eq!(timeout.wire(), "-12");
    assert_eq!(lock::from_wire("-12"), Ok(timeout));
    assert_eq!(
        lock::from_decimal("-12"),
        Ok(timeout),
        "the vendor's spelling"
    );
    assert_eq!(lock::from_name("E_TIMEOUT"), Some(timeout));
    assert_eq!(
        lock::from_name("E_WRONG_PIN"),
        Some(lock::Code::EBadPin),
        "an alias"
    );
    assert_eq!("-7".parse::<lock::Code>(), Ok(lock::Code::EBadPin));

    // The extremes of i32 are ordinary codes.
    let internal = lock::from_wire("-2147483648").unwrap();
    assert_eq!(internal.name(), "E_INTERNAL");
    assert_eq!(internal as i32, i32::MIN);
}

#[test]
fn the_discriminant_is_the_wire_value() {
    assert_eq!(lock::Code::ETimeout as i32, -12);
    assert_eq!(i32::from(lock::Code::EBatteryLow), -40);
    assert_eq!(lock::Code::try_from(-101), Ok(lock::Code::ETokenExpired));
    assert_eq!(lock::Code::ETokenExpired.value(), -101);

    let unknown = lock::Code::try_from(-13).unwrap_err();
    assert_eq!(unknown.kind(), ParseErrorKind::Unknown);
    assert_eq!(lock::from_value(-13), None);
}

#[test]
fn bad_wire_text_says_why() {
    let kind = |text: &str| lock::from_wire(text).unwrap_err().kind();
    assert_eq!(kind(""), ParseErrorKind::Empty);
    assert_eq!(kind("ff"), ParseErrorKind::InvalidSyntax);
    assert_eq!(kind("-2147483649"), ParseErrorKind::OutOfRange);
    assert_eq!(kind("-13"), ParseErrorKind::Unknown);
}

#[test]
fn next_step_remediation_and_http_status() {
    let code = lock::from_value(-40).unwrap();
    assert_eq!(code.action(), Action::CheckDevice);
    assert_eq!(code.remediation(), Some("Replace the batteries."));
    let expired = lock::Code::ETokenExpired;
    assert_eq!(expired.action(), Action::RefreshCredentials);
    assert_eq!(expired.http_status(), Some(401));
    assert_eq!(lock::Code::Ok.action(), Action::Nothing);
}

#[test]
fn nested_catalogue_with_hex_codes() {
    let offline = lock::cloud::from_wire("0x0101").unwrap();
    assert_eq!(offline.name(), "LOCK_OFFLINE");
    assert_eq!(
        lock::cloud::from_hex("101"),
        Ok(offline),
        "as sent, without 0x"
    );
    assert_eq!(
        lock::cloud::from_value(0x0203).map(|c| c.http_status()),
        Some(Some(429))
    );
    assert_eq!(offline as u16, 0x0101);
    assert_eq!(lock::cloud::CATALOG.wire_format(), WireFormat::Hex);
}

#[test]
fn cross_catalogue_lookups_over_the_generated_catalogues() {
    let ids: Vec<&str> = CATALOGS.iter().map(|c| c.id()).collect();
    assert_eq!(ids, ["lock", "lock::cloud"]);

    let entry = errcodes::lookup_in(CATALOGS, "lock", "-12").unwrap();
    assert_eq!(entry.name(), "E_TIMEOUT");
    assert_eq!(entry.action(), Action::Retry);
    // By name, and by slug (`lock::cloud` -> `lock-cloud`).
    assert_eq!(
        errcodes::lookup_in(CATALOGS, "lock", "E_BUSY")
            .unwrap()
            .wire(),
        "-1"
    );
    let cloud = errcodes::catalog_in(CATALOGS, "lock-cloud").unwrap();
    assert_eq!(cloud.id(), "lock::cloud");
    assert_eq!(cloud.entries().len(), 2);

    let missing = errcodes::lookup_in(CATALOGS, "acme", "-12").unwrap_err();
    assert_eq!(missing.kind(), ParseErrorKind::UnknownCatalog);
}

#[test]
fn both_modes_generate_the_same_catalogue() {
    let committed: &[&Catalog] = acme_lock::committed::CATALOGS;
    assert_eq!(committed.len(), CATALOGS.len());
    for (built, kept) in CATALOGS.iter().zip(committed) {
        assert_eq!(built.id(), kept.id());
        let names = |c: &Catalog| c.entries().map(|e| e.name()).collect::<Vec<_>>();
        assert_eq!(names(built), names(kept));
    }
    let code = acme_lock::committed::lock::from_value(-12).unwrap();
    assert_eq!(code.name(), lock::Code::ETimeout.name());
}
