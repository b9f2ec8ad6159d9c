//! Body round trips over generated input that the parsers really accept: vendor-shaped bodies
//! (Nuki Web API, Knox Tag, Tapkey, Nuki Bridge) and arbitrary JSON, with whitespace in every
//! position JSON allows it (inside empty objects and arrays too) and numbers in every JSON
//! form. Each property counts how many inputs each parser accepted and fails when a parser
//! accepted too few, so an assertion that never runs cannot pass. Arbitrary bytes never panic a
//! parser, and vendor bodies with undocumented members anywhere read their documented fields.

use errcodes::response::{BridgeOutcome, BridgeResponse, KnoxTagError, NukiWebResult, TapkeyError};
use errcodes::{knox, nuki, tapkey};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

/// Whitespace JSON allows between tokens: none, or a few of the four characters.
fn ws() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => Just(String::new()),
        2 => "[ \t\r\n]{1,3}",
    ]
}

/// A JSON number in each of its forms: sign, zero, integer, fraction, exponent (either case,
/// either sign), long and out of `f64` range.
fn json_number() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("0".to_owned()),
        Just("-0".to_owned()),
        Just("-0.0e-0".to_owned()),
        Just("1E400".to_owned()),
        "-?(0|[1-9][0-9]{0,30})(\\.[0-9]{1,4})?([eE][+-]?[0-9]{1,4})?",
    ]
}

/// A JSON string: plain, with every escape, lone surrogates, non-ASCII.
fn json_string() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[a-zA-Z0-9 ]{0,6}",
        Just("\\ud800".to_owned()),
        Just("\\u00E9\\/\\\\\\\"\\b\\f\\n\\r\\t".to_owned()),
        Just("é😀".to_owned()),
    ];
    prop::collection::vec(piece, 0..3).prop_map(|p| format!("\"{}\"", p.concat()))
}

/// `open`, the items separated by commas with whitespace around each, `close`; an empty
/// container still gets whitespace inside (`{ }`, `[\n]`).
fn container(open: char, items: Vec<String>, inside: String, close: char) -> String {
    if items.is_empty() {
        format!("{open}{inside}{close}")
    } else {
        format!("{open}{}{close}", items.join(","))
    }
}

/// One member `ws "key" ws : ws value ws`.
fn member(key: &str, value: &str, w: &[String; 4]) -> String {
    format!("{}{key}{}:{}{value}{}", w[0], w[1], w[2], w[3])
}

fn four_ws() -> impl Strategy<Value = [String; 4]> {
    [ws(), ws(), ws(), ws()]
}

/// Any JSON value, whitespace anywhere inside it.
fn json_value() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        Just("null".to_owned()),
        Just("true".to_owned()),
        Just("false".to_owned()),
        json_number(),
        json_string(),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            (
                prop::collection::vec((ws(), inner.clone(), ws()), 0..4),
                ws()
            )
                .prop_map(|(items, inside)| {
                    let items = items.into_iter().map(|(a, v, b)| a + &v + &b).collect();
                    container('[', items, inside, ']')
                }),
            (
                prop::collection::vec((json_string(), inner, four_ws()), 0..4),
                ws()
            )
                .prop_map(|(members, inside)| {
                    let members = members.iter().map(|(k, v, w)| member(k, v, w)).collect();
                    container('{', members, inside, '}')
                }),
        ]
    })
}

/// A vendor-shaped object: the `documented` members (key, value) and undocumented ones with
/// any value, in an order `order` picks, whitespace in every position.
fn shaped(documented: Vec<(&'static str, String)>) -> impl Strategy<Value = String> {
    let n = documented.len();
    (
        prop::collection::vec(four_ws(), n),
        prop::collection::vec((json_string(), json_value(), four_ws()), 0..3),
        Just(documented),
        any::<prop::sample::Index>(),
        ws(),
    )
        .prop_map(|(spaces, extra, documented, at, inside)| {
            let mut members: Vec<String> = documented
                .iter()
                .zip(&spaces)
                .map(|((k, v), w)| member(&format!("\"{k}\""), v, w))
                .collect();
            for (i, (k, v, w)) in extra.iter().enumerate() {
                let pos = (at.index(members.len() + 1) + i) % (members.len() + 1);
                members.insert(pos, member(k, v, w));
            }
            container('{', members, inside, '}')
        })
}

/// A Nuki lock result object (`detail` element).
fn nuki_lock() -> impl Strategy<Value = String> {
    ("[0-9a-fA-F]{1,2}", any::<u64>(), any::<bool>()).prop_flat_map(|(code, id, ok)| {
        shaped(vec![
            ("smartlockId", id.to_string()),
            ("success", ok.to_string()),
            ("errorCode", format!("\"{code}\"")),
        ])
    })
}

fn nuki_body() -> impl Strategy<Value = String> {
    (
        prop::collection::vec((ws(), nuki_lock(), ws()), 0..3),
        ws(),
        any::<bool>(),
    )
        .prop_map(|(locks, inside, ok)| {
            let locks = locks.into_iter().map(|(a, l, b)| a + &l + &b).collect();
            (container('[', locks, inside, ']'), ok)
        })
        .prop_flat_map(|(detail, ok)| shaped(vec![("detail", detail), ("success", ok.to_string())]))
}

fn knox_body() -> impl Strategy<Value = String> {
    (1_000_000u32..99_999_999, any::<bool>(), 100u16..600).prop_flat_map(|(code, quoted, st)| {
        let code = if quoted {
            format!("\"{code}\"")
        } else {
            code.to_string()
        };
        shaped(vec![("result", st.to_string()), ("code", code)])
    })
}

fn tapkey_body() -> impl Strategy<Value = String> {
    "[A-Za-z]{0,8}".prop_flat_map(|code| shaped(vec![("ErrorCode", format!("\"{code}\""))]))
}

fn bridge_body() -> impl Strategy<Value = String> {
    any::<bool>().prop_flat_map(|ok| shaped(vec![("success", ok.to_string())]))
}

/// Any body: vendor-shaped ones of each vendor, and any JSON value; whitespace around it.
fn body() -> impl Strategy<Value = String> {
    (
        ws(),
        prop_oneof![
            nuki_body(),
            knox_body(),
            tapkey_body(),
            bridge_body(),
            json_value(),
        ],
        ws(),
    )
        .prop_map(|(a, b, c)| a + &b + &c)
}

/// How many inputs each parser accepted (every accepted one came back byte for byte).
#[derive(Default, Debug)]
struct Accepted {
    nuki: u32,
    knox: u32,
    tapkey: u32,
    bridge: u32,
}

/// Every parser on `text`: whatever parses is written back byte for byte, and reads back to
/// an equal value.
fn round_trips(text: &str, accepted: &mut Accepted) -> Result<(), TestCaseError> {
    let bytes = text.as_bytes();
    if let Ok(parsed) = NukiWebResult::from_json(bytes) {
        prop_assert_eq!(parsed.to_json(), text);
        prop_assert_eq!(NukiWebResult::from_json(bytes).unwrap(), parsed);
        accepted.nuki += 1;
    }
    if let Ok(parsed) = KnoxTagError::from_json(bytes) {
        prop_assert_eq!(parsed.to_json(), text);
        accepted.knox += 1;
    }
    if let Ok(parsed) = TapkeyError::from_response(401, bytes) {
        prop_assert_eq!(parsed.body_json(), text);
        accepted.tapkey += 1;
    }
    if let Ok(parsed) = BridgeResponse::from_response(200, bytes) {
        prop_assert_eq!(parsed.body_json(), text);
        accepted.bridge += 1;
    }
    Ok(())
}

#[test]
fn every_body_a_parser_accepts_comes_back_byte_for_byte() {
    const CASES: u32 = 600;
    let accepted = std::cell::RefCell::new(Accepted::default());
    let config = Config {
        cases: CASES,
        failure_persistence: None,
        ..Config::default()
    };
    TestRunner::new(config)
        .run(&body(), |text| {
            round_trips(&text, &mut accepted.borrow_mut())
        })
        .unwrap();
    let a = accepted.into_inner();
    // A fifth of the inputs is shaped for each vendor; most of those must be accepted.
    let least = CASES / 10;
    assert!(
        a.nuki >= least && a.knox >= least && a.tapkey >= least && a.bridge >= least,
        "too few bodies parsed, so the round-trip assertions hardly ran: {a:?}"
    );
}

/// The shapes the generator makes rarely, written out: whitespace inside every empty object
/// and array, around the body, and around every token.
#[test]
fn whitespace_inside_empty_objects_and_arrays_is_kept() {
    let nuki = [
        "{ \"detail\" : [ ] , \"success\" : false }",
        "{\"detail\":[{\"success\":false,\"n\":{ }}],\"success\":false}",
        "{\"detail\":[\n{\n\t\"success\" : true\n}\n],\"success\":true,\"x\":{ },\"y\":[ ]}",
        " \r\n{\"success\":false,\"detail\":[]}\t",
    ];
    for text in nuki {
        let parsed =
            NukiWebResult::from_json(text.as_bytes()).unwrap_or_else(|e| panic!("{text:?}: {e}"));
        assert_eq!(parsed.to_json(), text);
    }
    let knox = "{ \"result\":400 ,\"code\" : \"4000000\", \"data\": { },\"z\":[\t]}";
    assert_eq!(
        KnoxTagError::from_json(knox.as_bytes()).unwrap().to_json(),
        knox
    );
    for text in [
        "{ }",
        "{\n\t}",
        " {\r\n} ",
        "{\"ErrorCode\":\"X\",\"a\":{  }}",
    ] {
        let tapkey = TapkeyError::from_response(401, text.as_bytes())
            .unwrap_or_else(|e| panic!("{text:?}: {e}"));
        assert_eq!(tapkey.body_json(), text);
        let bridge = BridgeResponse::from_response(503, text.as_bytes())
            .unwrap_or_else(|e| panic!("{text:?}: {e}"));
        assert_eq!(bridge.body_json(), text);
    }
}

/// Undocumented members: keys that may repeat, any values.
fn extra_members() -> impl Strategy<Value = Vec<String>> {
    let key = prop_oneof![
        Just("\"x\"".to_owned()),
        Just("\"note\"".to_owned()),
        Just("\"\\u0078\"".to_owned()),
        json_string(),
    ];
    prop::collection::vec((ws(), key, ws(), ws(), json_value(), ws()), 0..4).prop_map(|m| {
        m.into_iter()
            .map(|(a, k, b, c, v, d)| format!("{a}{k}{b}:{c}{v}{d}"))
            .collect()
    })
}

/// An object of `documented` members and `extra` ones, interleaved by `order`.
fn object(documented: Vec<String>, extra: Vec<String>, order: &[bool]) -> String {
    let (mut d, mut e) = (documented.into_iter(), extra.into_iter());
    let mut members = Vec::new();
    for &take_extra in order {
        let next = if take_extra {
            e.next().or_else(|| d.next())
        } else {
            d.next().or_else(|| e.next())
        };
        members.extend(next);
    }
    members.extend(d);
    members.extend(e);
    format!("{{{}}}", members.join(","))
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

    /// Vendor-shaped bodies with arbitrary undocumented members anywhere: they parse, the
    /// documented fields read right, and the body comes back byte for byte.
    #[test]
    fn vendor_bodies_with_unknown_content_round_trip_byte_for_byte(
        locks in prop::collection::vec(
            ("[0-9a-f]{1,2}", any::<u64>(), any::<bool>(), extra_members(), prop::collection::vec(any::<bool>(), 0..8)),
            0..4,
        ),
        extra in extra_members(),
        order in prop::collection::vec(any::<bool>(), 0..8),
        knox_code in 1_000_000u32..99_999_999,
        as_number in any::<bool>(),
        pad in ws(),
    ) {
        let lock_text: Vec<String> = locks.iter().map(|(code, id, ok, extra, order)| {
            object(
                vec![
                    format!(r#""smartlockId":{id}"#),
                    format!(r#""success":{ok}"#),
                    format!(r#""errorCode":"{code}""#),
                ],
                extra.clone(),
                order,
            )
        }).collect();
        let nuki = format!("{pad}{}{pad}", object(
            vec![format!(r#""detail":[{}]"#, lock_text.join(",")), r#""success":false"#.to_owned()],
            extra.clone(),
            &order,
        ));
        let parsed = NukiWebResult::from_json(nuki.as_bytes()).unwrap();
        prop_assert_eq!(parsed.to_json(), nuki.clone());
        for (lock, (code, id, ok, _, _)) in parsed.detail.iter().zip(&locks) {
            prop_assert_eq!(lock.smartlock_id, Some(*id));
            prop_assert_eq!(lock.success, *ok);
            let code_read = lock.error_code.as_ref().unwrap();
            prop_assert_eq!(code_read.raw(), code.as_str());
            prop_assert_eq!(code_read.code(), nuki::from_hex(code).ok());
        }

        let code = if as_number { knox_code.to_string() } else { format!("\"{knox_code}\"") };
        let knox = object(vec![r#""result":400"#.to_owned(), format!(r#""code":{code}"#)], extra.clone(), &order);
        let parsed = KnoxTagError::from_json(knox.as_bytes()).unwrap();
        prop_assert_eq!(parsed.to_json(), knox.clone());
        prop_assert_eq!(parsed.code.raw(), knox_code.to_string());
        prop_assert_eq!(parsed.code.code(), knox::tag::from_decimal(&knox_code.to_string()).ok());

        let tapkey = object(vec![r#""ErrorCode":"X""#.to_owned()], extra.clone(), &order);
        let parsed = TapkeyError::from_response(401, tapkey.as_bytes()).unwrap();
        prop_assert_eq!(parsed.body_json(), tapkey);
        prop_assert_eq!(parsed.error_code(), Some("X"));

        let bridge = object(vec![r#""success":false"#.to_owned()], extra, &order);
        let parsed = BridgeResponse::from_response(200, bridge.as_bytes()).unwrap();
        prop_assert_eq!(parsed.body_json(), bridge);
        prop_assert_eq!(parsed.outcome(), BridgeOutcome::DeviceOffline);
    }
}
