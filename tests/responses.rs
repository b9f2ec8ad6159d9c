//! Vendor response bodies: the seeds' examples, unknown codes, malformed input, next steps,
//! and properties over arbitrary input.

use errcodes::response::{
    BridgeOutcome, BridgeResponse, KnoxTagError, LockOutcome, NukiWebResult, TapkeyError,
};
use errcodes::{Action, knox, nuki, tapkey};
use proptest::prelude::*;
use serde_json::{Value, json};

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

fn same_json(a: &str, b: &str) -> bool {
    serde_json::from_str::<Value>(a).unwrap() == serde_json::from_str::<Value>(b).unwrap()
}

/// A body with its `null` members removed: `null` in an optional field reads as absent, which
/// is the one way a re-serialized body may differ from the one received.
fn without_nulls(value: Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.into_iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| (k, without_nulls(v)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.into_iter().map(without_nulls).collect()),
        other => other,
    }
}

fn reparsed(json: &str) -> Value {
    without_nulls(serde_json::from_str(json).unwrap())
}

#[test]
fn seed_nuki_webhook_parses_into_the_documented_code() {
    let result = NukiWebResult::from_json(NUKI_SEED_BODY.as_bytes()).unwrap();
    assert!(!result.success);
    assert_eq!(result.kind.as_deref(), Some("AuthCreation"));
    let lock = &result.detail[0];
    assert_eq!(lock.smartlock_id, 123456789);
    assert_eq!(
        lock.outcome(),
        LockOutcome::Failed(nuki::Code::ErrorUnknown)
    );
    assert_eq!(lock.next_step(), Action::Retry);
    assert!(
        lock.to_string()
            .starts_with("smart lock 123456789: 0xFF ERROR_UNKNOWN: ")
    );
    assert!(same_json(&result.to_json(), NUKI_SEED_BODY));
}

#[test]
fn seed_knox_body_parses_into_the_documented_code() {
    let err = KnoxTagError::from_json(KNOX_SEED_BODY.as_bytes()).unwrap();
    assert_eq!(err.code.code(), Some(knox::tag::Code::ResourceInvalidParam));
    assert_eq!(err.result, 400);
    assert_eq!(err.status_mismatch(), None);
    assert_eq!(err.next_step(), Action::FixRequest);
    assert!(same_json(&err.to_json(), KNOX_SEED_BODY));
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
    assert!(same_json(
        &err.body_json(),
        std::str::from_utf8(body).unwrap()
    ));
    let empty = TapkeyError::from_response(500, b"").unwrap();
    assert_eq!(empty.body().error_code, None);
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
    let ok = BridgeResponse::from_response(200, br#"{"success": true, "batteryCritical": false}"#)
        .unwrap();
    assert_eq!(ok.outcome(), BridgeOutcome::Succeeded);
    assert_eq!(
        ok.body_json(),
        r#"{"success":true,"batteryCritical":false}"#
    );
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
    assert!(same_json(&result.to_json(), body));

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
    assert!(same_json(&err.to_json(), knox_body));
}

#[test]
fn malformed_bodies_give_clear_errors() {
    let cases: [(&[u8], &str); 8] = [
        (br#"{"detail":[],"success":"no"}"#, "invalid type"),
        (br#"{"detail":[{"smartlockId":1,"success":false,"errorCode":"zz"}],"success":false"#, "not one"),
        (br#"{"detail":[{"smartlockId":1,"success":false,"errorCode":"1ff"}],"success":false}"#, "out of range"),
        (br#"{"detail":[{"smartlockId":123456789012345678901234567890,"success":true}],"success":true}"#, "expected u64"),
        (br#"{"detail":[{"smartlockId":1,"success":false,"errorCode":255}],"success":false}"#, "invalid type"),
        (br#"{"detail":[{"smartlock"#, "EOF"),
        (b"\xff\xfe{}", "expected value"),
        (br#"{"success":false}"#, "missing field `detail`"),
    ];
    for (body, expected) in cases {
        let err = NukiWebResult::from_json(body).unwrap_err();
        let message = err.to_string();
        assert!(
            message.starts_with("invalid Nuki Web API result: "),
            "{message}"
        );
        assert!(message.contains(expected), "{message} lacks {expected}");
    }
    let truncated = KnoxTagError::from_json(br#"{"result":400,"code":"40"#).unwrap_err();
    assert!(truncated.is_truncated());
    let hex_in_knox = KnoxTagError::from_json(br#"{"result":400,"code":"0x40"}"#).unwrap_err();
    assert!(hex_in_knox.to_string().contains("decimal"), "{hex_in_knox}");
    let huge_status = KnoxTagError::from_json(br#"{"result":70000,"code":"4000000"}"#).unwrap_err();
    assert!(huge_status.to_string().contains("70000"), "{huge_status}");
    assert!(TapkeyError::from_response(400, b"[1,2]").is_err());
    assert!(BridgeResponse::from_response(200, b"<html>").is_err());
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

/// JSON values of bounded size: what a hostile or confused server might send.
fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        "[0-9a-fA-FxX]{0,10}".prop_map(Value::from),
        ".{0,12}".prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 32, 6, |inner| {
        let keys = prop_oneof![
            Just("detail".to_owned()),
            Just("success".to_owned()),
            Just("errorCode".to_owned()),
            Just("smartlockId".to_owned()),
            Just("result".to_owned()),
            Just("code".to_owned()),
            Just("ErrorCode".to_owned()),
            Just("type".to_owned()),
            "[a-zA-Z]{1,8}".prop_map(String::from),
        ];
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map(keys, inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Bodies shaped like a Nuki result, with arbitrary codes and extra fields.
fn nuki_like() -> impl Strategy<Value = Value> {
    let lock = (
        "[0-9a-fA-F]{1,2}",
        any::<u64>(),
        any::<bool>(),
        prop::option::of(".{0,8}"),
    )
        .prop_map(|(code, id, ok, extra)| {
            let mut v = json!({"smartlockId": id, "success": ok, "errorCode": code, "id": "x"});
            if let Some(extra) = extra {
                v["note"] = Value::from(extra);
            }
            v
        });
    (prop::collection::vec(lock, 0..4), any::<bool>())
        .prop_map(|(detail, ok)| json!({"detail": detail, "success": ok, "type": "AuthCreation"}))
}

fn check_all_parsers(bytes: &[u8]) {
    let _ = NukiWebResult::from_json(bytes).map(|r| r.to_json());
    let _ = KnoxTagError::from_json(bytes).map(|r| r.to_string());
    let _ = TapkeyError::from_response(401, bytes).map(|r| r.to_string());
    let _ = BridgeResponse::from_response(200, bytes).map(|r| r.to_string());
    if let Ok(text) = std::str::from_utf8(bytes) {
        let _ = nuki::from_hex(text);
        let _ = nuki::parse(text);
        let _ = knox::tag::from_decimal(text);
        let _ = errcodes::lookup("http", text);
        let _ = text.parse::<tapkey::command_result::Code>();
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..256)) {
        check_all_parsers(&bytes);
    }

    #[test]
    fn arbitrary_json_never_panics_and_round_trips(value in any_json()) {
        let text = value.to_string();
        check_all_parsers(text.as_bytes());
        let expected = without_nulls(value);
        if let Ok(parsed) = NukiWebResult::from_json(text.as_bytes()) {
            prop_assert_eq!(reparsed(&parsed.to_json()), expected.clone());
        }
        if let Ok(parsed) = KnoxTagError::from_json(text.as_bytes()) {
            prop_assert_eq!(reparsed(&parsed.to_json()), expected.clone());
        }
        if let Ok(parsed) = TapkeyError::from_response(400, text.as_bytes()) {
            prop_assert_eq!(reparsed(&parsed.body_json()), expected.clone());
        }
        if let Ok(parsed) = BridgeResponse::from_response(200, text.as_bytes()) {
            prop_assert_eq!(reparsed(&parsed.body_json()), expected);
        }
    }

    #[test]
    fn nuki_shaped_bodies_round_trip(value in nuki_like()) {
        let parsed = NukiWebResult::from_json(value.to_string().as_bytes()).unwrap();
        prop_assert_eq!(serde_json::from_str::<Value>(&parsed.to_json()).unwrap(), value);
        for lock in &parsed.detail {
            let raw = lock.error_code.as_ref().unwrap();
            let expected = nuki::from_hex(raw.raw()).ok();
            prop_assert_eq!(raw.code(), expected);
        }
    }
}
