//! Every entry of every catalogue survives wire value → entry → name → entry, through the
//! cross-catalogue entry point and through the typed modules.

use errcodes::{Action, ParseErrorKind, Value, WireFormat, catalogs, http, knox, nuki, tapkey};

#[test]
fn every_entry_round_trips_through_the_common_entry_point() {
    let mut seen = 0;
    for catalog in catalogs() {
        assert_eq!(
            errcodes::catalog(catalog.id()).map(|c| c.id()),
            Some(catalog.id())
        );
        assert_eq!(
            errcodes::catalog(catalog.slug()).map(|c| c.id()),
            Some(catalog.id())
        );
        assert!(
            !catalog.entries().is_empty(),
            "{} has entries",
            catalog.id()
        );
        for entry in catalog.entries() {
            let by_wire = catalog.parse_wire(entry.wire()).unwrap();
            assert_eq!(by_wire, entry, "{}: wire {}", catalog.id(), entry.wire());
            let by_name = catalog.find_name(by_wire.name()).unwrap();
            assert_eq!(by_name, entry, "{}: name {}", catalog.id(), entry.name());
            assert_eq!(errcodes::lookup(catalog.slug(), entry.name()), Ok(entry));
            for alias in entry.aliases() {
                assert_eq!(catalog.find_name(alias), Some(entry), "alias {alias}");
            }
            if catalog.wire_format() == WireFormat::Hex {
                let bare = entry.wire().trim_start_matches("0x").to_lowercase();
                assert_eq!(catalog.parse_wire(&bare), Ok(entry), "webhook form {bare}");
            }
            assert_eq!(entry.catalog(), catalog.id());
            assert_eq!(
                Action::from_name(entry.action().as_str()),
                Some(entry.action())
            );
            assert!(!entry.description().trim().is_empty());
            assert!(catalog.sources().any(|s| s == entry.source()));
            seen += 1;
        }
        let values: Vec<Value> = catalog.entries().map(|e| e.value()).collect();
        assert!(
            values.windows(2).all(|w| w[0] < w[1]),
            "{} sorted, unique",
            catalog.id()
        );
    }
    assert!(seen > 200, "all catalogues are served ({seen} entries)");
}

#[test]
fn typed_nuki_codes_round_trip_and_every_other_byte_is_unknown() {
    for code in nuki::Code::ALL {
        assert_eq!(nuki::from_byte(code.value()), Some(code));
        assert_eq!(nuki::from_name(code.name()), Some(code));
        assert_eq!(code.wire().parse::<nuki::Code>(), Ok(code));
        assert_eq!(code.name().parse::<nuki::Code>(), Ok(code));
        assert_eq!(format!("{code:?}"), format!("nuki::Code({})", code.wire()));
        assert_eq!(code.to_string(), format!("{} {}", code.wire(), code.name()));
        assert_eq!(
            code.entry().to_string(),
            format!("{} {}: {}", code.wire(), code.name(), code.description())
        );
    }
    let known = (0..=255u8)
        .filter(|b| nuki::from_byte(*b).is_some())
        .count();
    assert_eq!(known, nuki::Code::ALL.len());
    for b in 0..=255u8 {
        if let Some(code) = nuki::from_byte(b) {
            assert_eq!(code.value(), b);
        } else {
            let err = nuki::from_hex(&format!("{b:02x}")).unwrap_err();
            assert_eq!(err.kind(), ParseErrorKind::Unknown);
            let text = format!("{b:02x}");
            // Text that looks decimal is repeated: decimal 14 would be 0x0E, not 0x14.
            let expected = if text.parse::<u8>().is_ok_and(|decimal| decimal != b) {
                format!("`nuki` has no code 0x{b:02X} (read as hex from `{text}`)")
            } else {
                format!("`nuki` has no code 0x{b:02X}")
            };
            assert_eq!(err.to_string(), expected);
        }
    }
}

#[test]
fn prefix_keeps_pairing_and_keyturner_parameter_errors_apart() {
    let pairing = nuki::from_byte(0x12).unwrap();
    let keyturner = nuki::from_byte(0x23).unwrap();
    assert_eq!(pairing, nuki::Code::PErrorBadParameter);
    assert_eq!(keyturner, nuki::Code::KErrorBadParameter);
    assert_eq!(nuki::from_name("P_ERROR_BAD_PARAMETER"), Some(pairing));
    assert_eq!(nuki::from_name("K_ERROR_BAD_PARAMETER"), Some(keyturner));
}

#[test]
fn every_u16_status_maps_to_its_own_entry_or_none() {
    let mut known = 0;
    for status in 0..=u16::MAX {
        if let Some(code) = http::from_status(status) {
            assert_eq!(code.value(), status);
            assert_eq!(code.http_status(), Some(status));
            known += 1;
        }
    }
    assert_eq!(known, http::Code::ALL.len());
    assert_eq!(http::from_status(404).map(|c| c.name()), Some("Not Found"));
    assert_eq!(
        http::from_status(418),
        None,
        "418 is reserved, not assigned"
    );
    assert_eq!(
        http::from_decimal("1000").unwrap_err().kind(),
        ParseErrorKind::OutOfRange
    );
}

#[test]
fn retryable_http_statuses_are_exactly_the_documented_set() {
    let retryable: Vec<u16> = http::Code::ALL
        .iter()
        .filter(|c| c.action().is_retryable())
        .map(|c| c.value())
        .collect();
    assert_eq!(retryable, [408, 429, 500, 502, 503, 504]);
}

#[test]
fn sparse_knox_codes_hit_exactly_and_miss_their_neighbours_and_every_997th_value() {
    let values: Vec<u32> = knox::tag::Code::ALL.iter().map(|c| c.value()).collect();
    for code in knox::tag::Code::ALL {
        assert_eq!(knox::tag::from_value(code.value()), Some(code));
        assert_eq!(knox::tag::from_decimal(code.wire()), Ok(code));
    }
    // Every value within 64 of a code, and each code with one bit flipped: the perfect
    // hash's buckets hold other values, and only the exact one may hit.
    let near = values.iter().flat_map(|&v| {
        (1..=64)
            .flat_map(move |d| [v.wrapping_sub(d), v.wrapping_add(d)])
            .chain((0..32).map(move |bit| v ^ (1 << bit)))
    });
    // A sample of the rest of the range (every 997th value), and the extremes.
    let sample = (0..u32::MAX).step_by(997).chain([0, 1, u32::MAX]);
    for v in near.chain(sample) {
        match knox::tag::from_value(v) {
            Some(code) => assert!(code.value() == v && values.contains(&v), "{v} hit {code:?}"),
            None => assert!(!values.contains(&v), "{v} is a code but was missed"),
        }
    }
}

#[test]
fn knox_http_status_comes_from_the_catalogue_not_the_digit_count() {
    let seven = knox::tag::from_decimal("4000000").unwrap();
    let eight = knox::tag::from_decimal("40100000").unwrap();
    assert_eq!(
        (seven.http_status(), eight.http_status()),
        (Some(400), Some(401))
    );
    assert_eq!(
        knox::tag::from_decimal("4040000").unwrap().http_status(),
        Some(404)
    );
}

#[test]
fn string_codes_are_kept_exactly() {
    let code = tapkey::command_result::from_value("WrongLockMode").unwrap();
    assert_eq!(code.value(), "WrongLockMode");
    assert_eq!(tapkey::command_result::from_value("wronglockmode"), None);
    let err = errcodes::lookup("tapkey::command_result", "NotACode").unwrap_err();
    assert_eq!(err.kind(), ParseErrorKind::Unknown);
}

#[test]
fn tapkey_401_lists_its_three_causes() {
    let unauthorized = tapkey::from_status(401).unwrap();
    assert_eq!(unauthorized.action(), Action::RefreshCredentials);
    let mut causes = unauthorized.entry().causes();
    assert_eq!(causes.len(), 3);
    assert!(
        causes
            .clone()
            .any(|c| c.action() == Action::RefreshCredentials)
    );
    assert!(causes.all(|c| c.remediation().is_some()));
}

#[test]
fn bad_text_gets_a_reason_not_a_panic() {
    for (text, kind) in [
        ("", ParseErrorKind::Empty),
        ("0x", ParseErrorKind::InvalidSyntax),
        ("0x1FF", ParseErrorKind::OutOfRange),
        ("g1", ParseErrorKind::InvalidSyntax),
        ("-1", ParseErrorKind::InvalidSyntax),
        ("ff ", ParseErrorKind::InvalidSyntax),
    ] {
        assert_eq!(
            nuki::from_hex(text).map_err(|e| e.kind()),
            Err(kind),
            "{text:?}"
        );
    }
    assert_eq!(
        nuki::parse("zz").unwrap_err().kind(),
        ParseErrorKind::Unknown
    );
    assert_eq!(
        errcodes::lookup("nope", "1").unwrap_err().kind(),
        ParseErrorKind::UnknownCatalog
    );
}
