//! Vendor response bodies: the seeds' examples, unknown codes, malformed input, next steps,
//! lossless round trips and the size limit (the properties over generated input are in
//! body_properties.rs).

use errcodes::response::{
    BodyErrorKind, BridgeOutcome, BridgeResponse, KnoxTagError, LockOutcome, MAX_BODY_BYTES,
    NukiWebResult, TapkeyError, WireCode,
};
use errcodes::{Action, knox, nuki, tapkey};
use serde_json::json;

/// The webhook body exactly as the Nuki seed document prints it.
const NUKI_SEED_BODY: &str = r#"{
"detail": [
{
"smartlockId": 123456789,
"success": false,
"errorCode": "ff",
"id": "68b142..........a584f104"
}
],
"type": "AuthCreation",
"requestId": "68b142..........a584f103",
"success": false
}"#;

/// The 400 example of the Knox seed document.
const KNOX_SEED_BODY: &str = r#"{
    "result": 400,
    "code": "4000000",
    "message": "RESOURCE_INVALID_PARAM",
    "data": "The specified request parameters are not valid."
}"#;

#[test]
fn seed_nuki_webhook_parses_into_the_documented_code() {
    let seed = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fixtures/seeds/nuki-web-api-error-codes.txt"
    ))
    .unwrap();
    assert!(seed.contains(NUKI_SEED_BODY), "the body is the seed's");
    let result = NukiWebResult::from_json(NUKI_SEED_BODY.as_bytes()).unwrap();
    assert!(!result.success);
    assert_eq!(result.kind.as_deref(), Some("AuthCreation"));
    let lock = &result.detail[0];
    assert_eq!(lock.smartlock_id, Some(123456789));
    assert_eq!(
        lock.outcome(),
        LockOutcome::Failed(nuki::Code::ErrorUnknown)
    );
    assert_eq!(lock.next_step(), Action::Retry);
    // One line: the code's Display is its wire value and name.
    assert_eq!(lock.to_string(), "smart lock 123456789: 0xFF ERROR_UNKNOWN");
    assert_eq!(result.to_json(), NUKI_SEED_BODY, "whitespace and all");
}

#[test]
fn every_lock_of_a_webhook_is_read_in_order() {
    let body = r#"{"detail": [ {"smartlockId":1,"success":true} ,
        {"smartlockId":2,"success":false,"errorCode":"ff"},{"smartlockId":3,"success":false,"errorCode":"7A","id":"x"} ],"success":false}"#;
    let result = NukiWebResult::from_json(body.as_bytes()).unwrap();
    let read: Vec<(Option<u64>, LockOutcome<'_>)> = result
        .detail
        .iter()
        .map(|lock| (lock.smartlock_id, lock.outcome()))
        .collect();
    assert_eq!(
        read,
        [
            (Some(1), LockOutcome::Succeeded),
            (Some(2), LockOutcome::Failed(nuki::Code::ErrorUnknown)),
            (Some(3), LockOutcome::FailedUnknown(Some("7A"))),
        ]
    );
    assert_eq!(result.failures().count(), 2);
    assert_eq!(result.to_json(), body);
    // Edited: `detail` is written anew (each lock as sent but for what changed), `success`
    // in its place.
    let mut edited = result.clone();
    edited.detail.remove(0);
    edited.detail[0].success = true;
    edited.success = true;
    assert_eq!(
        edited.to_json(),
        r#"{"detail": [{"smartlockId":2,"success":true,"errorCode":"ff"},{"smartlockId":3,"success":false,"errorCode":"7A","id":"x"}],"success":true}"#
    );
}

#[test]
fn a_null_code_is_no_code() {
    let body = r#"{"detail":[{"smartlockId":1,"success":false,"errorCode":null}],"success":false}"#;
    let result = NukiWebResult::from_json(body.as_bytes()).unwrap();
    assert_eq!(result.detail[0].error_code, None);
    assert_eq!(result.detail[0].outcome(), LockOutcome::FailedUnknown(None));
    assert_eq!(result.to_json(), body);
    // Knox's `code` is required: null is refused as null, not as a wrong type.
    let err = KnoxTagError::from_json(br#"{"result":400,"code":null}"#).unwrap_err();
    assert_eq!(
        (err.kind(), err.message()),
        (BodyErrorKind::Shape, "`code`: is null")
    );
}

#[test]
fn seed_knox_body_parses_into_the_documented_code() {
    let err = KnoxTagError::from_json(KNOX_SEED_BODY.as_bytes()).unwrap();
    assert_eq!(err.code.code(), Some(knox::tag::Code::ResourceInvalidParam));
    assert_eq!(err.result, Some(400));
    assert_eq!(err.status_mismatch(), None);
    assert_eq!(err.next_step(), Action::FixRequest);
    assert_eq!(err.to_json(), KNOX_SEED_BODY);
}

#[test]
fn knox_status_disagreement_is_kept_and_reported() {
    let body = br#"{"result":500,"code":"4040000","message":"RESOURCE_NOT_FOUND"}"#;
    let err = KnoxTagError::from_json(body).unwrap();
    let mismatch = err.status_mismatch().unwrap();
    assert_eq!((mismatch.result, mismatch.catalogued), (500, 404));
    assert!(err.to_string().contains("the catalogue gives HTTP 404"));
}

#[test]
fn tapkey_expired_token_means_refresh() {
    let body = br#"{"ErrorCode":"SomethingNew","ErrorMessage":"token expired","UserErrorMessage":"Bitte neu anmelden"}"#;
    let err = TapkeyError::from_response(401, body).unwrap();
    assert_eq!(err.code(), Some(tapkey::Code::Unauthorized));
    assert_eq!(
        err.error_code(),
        Some("SomethingNew"),
        "open ErrorCode strings are kept"
    );
    assert_eq!(err.next_step(), Action::RefreshCredentials);
    assert_eq!(err.body_json().as_bytes(), body);
    let null = TapkeyError::from_response(401, br#"{"ErrorCode":null}"#).unwrap();
    assert_eq!(
        null.error_code(),
        None,
        "`null` is no code, not a malformed body"
    );
    assert_eq!(null.body_json(), r#"{"ErrorCode":null}"#);
    let empty = TapkeyError::from_response(500, b"").unwrap();
    assert_eq!(empty.body().error_code, None);
    assert_eq!(empty.body_json(), "{}");
    assert_eq!(
        empty.to_string(),
        format!(
            "Tapkey 500 InternalServerError: {}",
            tapkey::Code::InternalServerError.description()
        )
    );
}

#[test]
fn bridge_success_false_on_200_means_offline() {
    let offline = BridgeResponse::from_response(200, br#"{"success": false}"#).unwrap();
    assert_eq!(offline.outcome(), BridgeOutcome::DeviceOffline);
    assert_eq!(offline.next_step(), Action::Retry);
    assert_eq!(offline.body_json(), r#"{"success": false}"#);
    let ok = BridgeResponse::from_response(200, br#"{"success": true, "batteryCritical": false}"#)
        .unwrap();
    assert_eq!(ok.outcome(), BridgeOutcome::Succeeded);
    assert_eq!(
        ok.body_json(),
        r#"{"success": true, "batteryCritical": false}"#
    );
    // `null` is no answer either way, not a malformed body.
    let null = BridgeResponse::from_response(200, br#"{"success":null}"#).unwrap();
    assert_eq!(null.body().success, None);
    assert_eq!(null.outcome(), BridgeOutcome::Succeeded);
    assert_eq!(null.body_json(), r#"{"success":null}"#);
    let unauthorized =
        BridgeResponse::from_response(401, br#"{"error":"invalid api token"}"#).unwrap();
    assert_eq!(
        unauthorized.outcome(),
        BridgeOutcome::Status(401, nuki::bridge::from_status(401))
    );
    assert!(unauthorized.to_string().ends_with("[invalid api token]"));
    let unknown = BridgeResponse::from_response(418, b"").unwrap();
    assert_eq!(unknown.outcome(), BridgeOutcome::Status(418, None));
}

#[test]
fn unseen_codes_round_trip_unchanged() {
    let body = r#"{"detail":[{"smartlockId":1,"success":false,"errorCode":"7A","id":"x","newField":[1,2]}],"type":"SomethingNew","requestId":"r","success":false,"also":{"kept":true}}"#;
    let result = NukiWebResult::from_json(body.as_bytes()).unwrap();
    assert_eq!(
        result.detail[0].outcome(),
        LockOutcome::FailedUnknown(Some("7A"))
    );
    assert_eq!(result.detail[0].next_step(), Action::ContactVendor);
    assert_eq!(result.to_json(), body);
    let code = result.detail[0].error_code.as_ref().unwrap();
    assert_eq!(format!("{code:?}"), r#"Unknown("7A")"#);
    let known = WireCode::<nuki::Code>::parse("ff").unwrap();
    assert_eq!(
        format!("{known:?}"),
        format!("{:?}", nuki::Code::ErrorUnknown)
    );

    let knox_body =
        r#"{"result":409,"code":"4090001","message":"TAG_EXISTS","data":"d","extra":1}"#;
    let err = KnoxTagError::from_json(knox_body.as_bytes()).unwrap();
    assert_eq!(err.code.code(), None);
    assert_eq!(err.code.raw(), "4090001");
    assert_eq!(
        err.next_step(),
        Action::FixRequest,
        "from the Tag API's own status table"
    );
    assert_eq!(err.to_json(), knox_body);
}

/// Each finding of the hostile tester (issue 13), compared with the original bytes.
#[test]
fn undocumented_content_comes_back_exactly_as_sent() {
    let cases = [
        r#"{"result":400,"code":"4000000","n":123456789012345678901234567890}"#,
        r#"{"result":400,"code":"4000000","n":-0,"m":1E2,"f":1.50}"#,
        r#"{"result":400,"code":"4000000","dup":1,"dup":2,"dup":{"a":[]}}"#,
        r#"{"zeta":1,"result":400,"alpha":2,"code":"4000000","mid":3}"#,
        r#"{"result":400,"code":"4000000","big":1e400,"small":-1e-400}"#,
        r#"{"result":400,"code":"4000000","lone":"\ud800","esc":"\u00e9\/\n"}"#,
        r#"{"result":400,"code":"4000000","\u0074race":"key escapes kept"}"#,
        "{ \"result\" :\t400 ,\n\"code\": \"4000000\" , \"x\" : [ 1 , 2 ] }\n",
    ];
    for body in cases {
        let err =
            KnoxTagError::from_json(body.as_bytes()).unwrap_or_else(|e| panic!("{body}: {e}"));
        assert_eq!(err.code.code(), Some(knox::tag::Code::ResourceInvalidParam));
        assert_eq!(err.to_json(), body);
    }
    let dup = KnoxTagError::from_json(cases[2].as_bytes()).unwrap();
    let dups: Vec<_> = dup.extra.iter().collect();
    assert_eq!(dups, [("dup", "1"), ("dup", "2"), ("dup", r#"{"a":[]}"#)]);
    let escaped = KnoxTagError::from_json(cases[6].as_bytes()).unwrap();
    assert_eq!(escaped.extra.get("trace"), Some(r#""key escapes kept""#));

    // The same, inside a Nuki lock result, a Tapkey body and a Bridge body.
    let nuki = r#"{"a":1E2,"detail":[{"x":-0,"smartlockId":1,"x":"\ud800","success":false,"errorCode":"ff"}],"success":false,"b":1e400}"#;
    assert_eq!(
        NukiWebResult::from_json(nuki.as_bytes()).unwrap().to_json(),
        nuki
    );
    let tapkey = r#"{"Z":1E2,"ErrorCode":"X","Z":123456789012345678901234567890}"#;
    let parsed = TapkeyError::from_response(401, tapkey.as_bytes()).unwrap();
    assert_eq!(parsed.body_json(), tapkey);
    let bridge = r#"{"batteryCritical":false,"success":false,"n":-0.0e-0}"#;
    let parsed = BridgeResponse::from_response(200, bridge.as_bytes()).unwrap();
    assert_eq!(parsed.body_json(), bridge);
}

#[test]
fn edited_fields_are_written_in_place_and_the_rest_as_sent() {
    let body =
        r#"{"x":1E2, "result":400 ,"code":"4000000","message":"RESOURCE_INVALID_PARAM","y":-0}"#;
    let mut err = KnoxTagError::from_json(body.as_bytes()).unwrap();
    err.result = Some(401);
    err.message = None;
    err.data = Some("new \"text\"".to_owned());
    assert_eq!(
        err.to_json(),
        r#"{"x":1E2, "result":401 ,"code":"4000000","y":-0,"data":"new \"text\""}"#
    );
    let built = KnoxTagError::new(400, WireCode::parse("4000000").unwrap());
    assert_eq!(built.to_json(), r#"{"result":400,"code":"4000000"}"#);
}

#[test]
fn numeric_codes_are_the_same_code() {
    let knox = KnoxTagError::from_json(br#"{"result":400,"code":4000000}"#).unwrap();
    assert_eq!(
        knox.code.code(),
        Some(knox::tag::Code::ResourceInvalidParam)
    );
    assert!(knox.code.is_number());
    let knox_text = KnoxTagError::from_json(br#"{"result":400,"code":"4000000"}"#).unwrap();
    assert!(!knox_text.code.is_number());
    assert_eq!(knox.to_json(), r#"{"result":400,"code":4000000}"#);
    let knox_unknown = KnoxTagError::from_json(br#"{"result":409,"code":4090001}"#).unwrap();
    assert_eq!(
        (knox_unknown.code.code(), knox_unknown.code.raw()),
        (None, "4090001")
    );

    // A JSON number is a value: 255 is the byte 0xFF, the string "ff".
    let nuki = |code: &str| {
        let body = format!(
            r#"{{"detail":[{{"smartlockId":1,"success":false,"errorCode":{code}}}],"success":false}}"#
        );
        let result = NukiWebResult::from_json(body.as_bytes()).unwrap();
        assert_eq!(result.to_json(), body);
        result.detail[0].error_code.clone().unwrap()
    };
    assert_eq!(nuki("255").code(), nuki(r#""ff""#).code());
    assert_eq!(nuki("19").code(), Some(nuki::Code::PErrorMaxUser));
    assert_eq!(nuki("19").raw(), "19");
    assert_eq!(nuki("122").code(), None, "0x7A is not catalogued; kept");
    // Its value decides, whatever the spelling: never read as hex text. `0e0` is zero (as
    // hex text it would be 0xE0), `1E2` a hundred, `1.9e1` nineteen.
    assert!(
        nuki::from_hex("e0").is_ok(),
        "the misreading this guards against"
    );
    for (raw, value) in [
        ("0e0", 0),
        ("0E0", 0),
        ("-0", 0),
        ("1E2", 100),
        ("1.9e1", 19),
        ("2550e-1", 255),
    ] {
        let code = nuki(raw);
        assert_eq!(code.raw(), raw);
        assert_eq!(code.code(), nuki::from_byte(value), "{raw}");
    }
    assert_eq!(nuki("1.9e1").code(), Some(nuki::Code::PErrorMaxUser));
    // Not a whole number, or none a byte can hold: an unknown code, kept as sent.
    for raw in [
        "256",
        "-1",
        "1.5",
        "1e400",
        "123456789012345678901234567890",
    ] {
        let code = nuki(raw);
        assert_eq!((code.code(), code.raw()), (None, raw), "{raw}");
    }
    assert_eq!(
        KnoxTagError::from_json(br#"{"result":400,"code":4e6}"#)
            .unwrap()
            .code
            .code(),
        Some(knox::tag::Code::ResourceInvalidParam)
    );

    let tapkey = TapkeyError::from_response(401, br#"{"ErrorCode":42}"#).unwrap();
    assert_eq!(tapkey.error_code(), Some("42"));
    assert_eq!(tapkey.body_json(), r#"{"ErrorCode":42}"#);
}

#[test]
fn garbage_outside_the_fields_that_matter_degrades_gracefully() {
    // Wrong types in text fields read as absent and are kept as sent.
    let body = r#"{"detail":[{"smartlockId":123456789012345678901234567890,"success":false,"errorCode":"13","id":7}],"type":["x"],"requestId":{"a":1},"success":false}"#;
    let result = NukiWebResult::from_json(body.as_bytes()).unwrap();
    let lock = &result.detail[0];
    assert_eq!((lock.smartlock_id, lock.id.as_deref()), (None, None));
    assert_eq!(
        lock.outcome(),
        LockOutcome::Failed(nuki::Code::PErrorMaxUser)
    );
    assert!(
        lock.to_string()
            .starts_with("smart lock 123456789012345678901234567890: 0x13 P_ERROR_MAX_USER"),
        "{lock}"
    );
    assert_eq!(
        (result.kind.as_deref(), result.request_id.as_deref()),
        (None, None)
    );
    assert_eq!(result.to_json(), body);

    let knox =
        KnoxTagError::from_json(br#"{"result":400,"code":"4000000","message":5,"data":"\ud800x"}"#)
            .unwrap();
    assert_eq!(knox.message, None);
    assert_eq!(knox.data.as_deref(), Some("\u{fffd}x"));
    let tapkey =
        TapkeyError::from_response(401, br#"{"ErrorMessage":false,"ErrorDetails":null}"#).unwrap();
    assert_eq!(tapkey.body().error_message, None);
    assert_eq!(
        tapkey.body_json(),
        r#"{"ErrorMessage":false,"ErrorDetails":null}"#
    );
}

#[test]
fn a_knox_result_that_is_no_status_is_a_note_not_an_error() {
    for (body, raw) in [
        (
            &br#"{"result":"bad","code":"4000000"}"#[..],
            Some(r#""bad""#),
        ),
        (br#"{"result":70000,"code":"4000000"}"#, Some("70000")),
        (br#"{"result":null,"code":"4000000"}"#, Some("null")),
        (
            br#"{"result":{"x":1},"code":"4000000"}"#,
            Some(r#"{"x":1}"#),
        ),
        (
            br#"{"code":"4000000","message":"RESOURCE_INVALID_PARAM"}"#,
            None,
        ),
    ] {
        let err = KnoxTagError::from_json(body).unwrap();
        assert_eq!(err.result, None);
        assert_eq!(err.sent_result(), raw);
        assert_eq!(err.code.code(), Some(knox::tag::Code::ResourceInvalidParam));
        assert_eq!(err.next_step(), Action::FixRequest);
        assert_eq!(err.status_mismatch(), None);
        assert_eq!(err.to_json().as_bytes(), body);
        assert!(err.to_string().contains("no HTTP status"), "{err}");
    }
    assert_eq!(
        KnoxTagError::from_json(br#"{"result":4E2,"code":"4000000"}"#)
            .unwrap()
            .result,
        Some(400)
    );
    let unknown = KnoxTagError::from_json(br#"{"result":"x","code":"4990000"}"#).unwrap();
    assert_eq!(unknown.next_step(), Action::ContactVendor);
}

#[test]
fn malformed_bodies_give_clear_errors() {
    use BodyErrorKind::{Shape, Syntax, Truncated};
    let cases: [(&[u8], BodyErrorKind, &str); 12] = [
        (br#"{"detail":[],"success":"no"}"#, Shape, "`success`: expected true or false at line 1 column 24"),
        (br#"{"detail":[{"smartlockId":1,"success":false,"errorCode":"zz"}],"success":false}"#, Shape, "`errorCode`: `nuki` expects a hex byte"),
        (br#"{"detail":[{"smartlockId":1,"success":false,"errorCode":"1ff"}],"success":false}"#, Shape, "`errorCode`: "),
        (br#"{"detail":[{"smartlockId":1,"success":false,"errorCode":true}],"success":false}"#, Shape, "expected the code as a string or a number, found a boolean"),
        (br#"{"detail":[{"smartlockId":1,"success":false,"errorCode":"ff","errorCode":"13"}],"success":false}"#, Shape, "`errorCode` appears twice"),
        (br#"{"detail":{},"success":false}"#, Shape, "`detail`: expected an array of smart lock results, found an object"),
        (br#"{"detail":[1],"success":false}"#, Shape, "expected each `detail` element as a JSON object"),
        (br#"{"detail":[{"smartlock"#, Truncated, "the body ends early"),
        (b"\xff\xfe{}", Syntax, "the body is not UTF-8 text at line 1 column 1"),
        (br#"{"success":false}"#, Shape, "missing field `detail`"),
        (b"{\"detail\":[],\n \"success\":false,}", Syntax, "expected a member name in double quotes at line 2 column 18"),
        (b"", Truncated, "the body is empty"),
    ];
    for (body, kind, expected) in cases {
        let err = NukiWebResult::from_json(body).unwrap_err();
        let message = err.to_string();
        assert!(
            message.starts_with("invalid Nuki Web API result: "),
            "{message}"
        );
        assert!(message.contains(expected), "{message} lacks {expected}");
        assert_eq!(err.kind(), kind, "{message}");
    }
    let truncated = KnoxTagError::from_json(br#"{"result":400,"code":"40"#).unwrap_err();
    assert!(truncated.is_truncated());
    let hex_in_knox = KnoxTagError::from_json(br#"{"result":400,"code":"0x40"}"#).unwrap_err();
    assert!(hex_in_knox.to_string().contains("decimal"), "{hex_in_knox}");
    let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
    let deep = KnoxTagError::from_json(
        format!(r#"{{"result":400,"code":"4000000","x":{deep}}}"#).as_bytes(),
    )
    .unwrap_err();
    assert_eq!(deep.kind(), BodyErrorKind::TooDeep);
    assert!(TapkeyError::from_response(400, b"[1,2]").is_err());
    assert!(BridgeResponse::from_response(200, b"<html>").is_err());
    assert!(BridgeResponse::from_response(200, br#"{"success":"false"}"#).is_err());
}

#[test]
fn every_catalogued_code_reports_its_catalogue_next_step() {
    for code in nuki::Code::ALL {
        let body = json!({"detail": [{"smartlockId": 1, "success": false, "errorCode": format!("{:02x}", code.value())}], "success": false});
        let result = NukiWebResult::from_json(body.to_string().as_bytes()).unwrap();
        assert_eq!(result.detail[0].next_step(), code.action(), "{code:?}");
    }
    for code in knox::tag::Code::ALL {
        let body = json!({"result": code.http_status().unwrap(), "code": code.wire()});
        let err = KnoxTagError::from_json(body.to_string().as_bytes()).unwrap();
        assert_eq!(err.next_step(), code.action(), "{code:?}");
        assert_eq!(err.status_mismatch(), None);
    }
    for code in tapkey::Code::ALL {
        let err = TapkeyError::from_response(code.value(), b"{}").unwrap();
        assert_eq!(err.next_step(), code.action(), "{code:?}");
    }
    for code in nuki::bridge::Code::ALL {
        let response = BridgeResponse::from_response(code.value(), b"{}").unwrap();
        assert_eq!(response.next_step(), code.action(), "{code:?}");
    }
}

/// A Knox body of exactly `len` bytes, mostly one undocumented string.
fn knox_body_of(len: usize) -> Vec<u8> {
    let head = br#"{"result":400,"code":"4000000","pad":""#;
    let mut body = head.to_vec();
    body.resize(len - 2, b'a');
    body.extend_from_slice(b"\"}");
    body
}

#[test]
fn the_size_limit_is_checked_before_parsing() {
    let at_limit = knox_body_of(MAX_BODY_BYTES);
    let parsed = KnoxTagError::from_json(&at_limit).unwrap();
    assert_eq!(parsed.to_json().as_bytes(), at_limit);

    // 100 MB of valid JSON: refused for its size, before any of it is read.
    let huge = knox_body_of(100_000_000);
    let err = KnoxTagError::from_json(&huge).unwrap_err();
    assert_eq!(err.kind(), BodyErrorKind::TooLarge);
    assert_eq!(
        err.to_string(),
        "invalid Knox Tag API error object: the body is 100000000 bytes; bodies are limited to 1048576 bytes (1 MiB)"
    );
    assert_eq!((err.line(), err.column()), (0, 0));
    // Not JSON at all past the limit, from the first byte: still the size, not a syntax
    // error, so the length is looked at before the text. (How fast the 1 MiB body parses
    // is a benchmark's business, not this test's.)
    let mut not_json = vec![0xFF; MAX_BODY_BYTES + 1];
    not_json[0] = b'x';
    for err in [
        KnoxTagError::from_json(&not_json).unwrap_err(),
        NukiWebResult::from_json(&not_json).unwrap_err(),
        TapkeyError::from_response(401, &not_json).unwrap_err(),
        BridgeResponse::from_response(200, &not_json).unwrap_err(),
    ] {
        assert_eq!(err.kind(), BodyErrorKind::TooLarge, "{err}");
    }

    let one_over = knox_body_of(MAX_BODY_BYTES + 1);
    for err in [
        KnoxTagError::from_json(&one_over).unwrap_err(),
        NukiWebResult::from_json(&one_over).unwrap_err(),
        TapkeyError::from_response(401, &one_over).unwrap_err(),
        BridgeResponse::from_response(200, &one_over).unwrap_err(),
    ] {
        assert_eq!(err.kind(), BodyErrorKind::TooLarge, "{err}");
    }
    let spaces = vec![b' '; MAX_BODY_BYTES + 1];
    assert_eq!(
        TapkeyError::from_response(401, &spaces).unwrap_err().kind(),
        BodyErrorKind::TooLarge
    );
}
/// The one rule for names people type: exact first, else any ASCII case when it picks one
/// entry; `parse`, `FromStr`, `Catalog::lookup`, serde and `Action::from_name` agree, and
/// `from_name` stays the exact lookup.
#[test]
fn names_are_read_in_any_case_everywhere_text_is_read() {
    use errcodes::http;
    assert_eq!(http::parse("not found"), Ok(http::Code::NotFound));
    assert_eq!("NOT FOUND".parse::<http::Code>(), Ok(http::Code::NotFound));
    assert_eq!(http::from_name("not found"), None);
    assert_eq!(
        nuki::parse("p_error_max_user"),
        Ok(nuki::Code::PErrorMaxUser)
    );
    assert_eq!(
        errcodes::lookup("nuki", "P_Error_Max_User").map(|e| e.wire()),
        Ok("0x13")
    );
    let from_json: nuki::Code = serde_json::from_str(r#""p_error_max_user""#).unwrap();
    assert_eq!(from_json, nuki::Code::PErrorMaxUser);
    let action: Action = serde_json::from_str(r#""NONE""#).unwrap();
    assert_eq!(action, Action::Nothing);
    assert_eq!(
        serde_json::to_string(&Action::Nothing).unwrap(),
        r#""none""#
    );
    let err = nuki::parse("no_such_name").unwrap_err();
    assert_eq!(err.to_string(), "`nuki` has no code or name `no_such_name`");
    assert_eq!(err.input(), Some("no_such_name"));
}
