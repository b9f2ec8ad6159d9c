//! Every code in the three seed documents (copied verbatim into `fixtures/seeds/`) is found by
//! its wire value and by its name.

use errcodes::{knox, nuki, tapkey};

fn seed(name: &str) -> String {
    let path = format!("{}/fixtures/seeds/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn nuki_table_codes_are_found_by_byte_hex_and_name() {
    let text = seed("nuki-web-api-error-codes.txt");
    let mut found = 0;
    for line in text.lines().filter(|l| l.starts_with("0x")) {
        let (hex, rest) = line[2..].split_at(2);
        let code = nuki::from_hex(hex).unwrap_or_else(|e| panic!("{line}: {e}"));
        assert_eq!(
            nuki::from_byte(u8::from_str_radix(hex, 16).unwrap()),
            Some(code)
        );
        assert!(
            rest.starts_with(code.name()),
            "{line}: catalogued as {}",
            code.name()
        );
        assert_eq!(nuki::from_name(code.name()), Some(code));
        found += 1;
    }
    assert_eq!(found, 44, "the seed table lists 44 codes");
    // The webhook example sends lowercase hex without 0x.
    assert!(text.contains("\"errorCode\": \"ff\""));
    assert_eq!(nuki::from_hex("ff").unwrap().name(), "ERROR_UNKNOWN");
}

#[test]
fn knox_tag_codes_and_statuses_are_found() {
    let text = seed("knox-tag-error-codes.txt");
    let mut codes = 0;
    let mut statuses = 0;
    for line in text.lines() {
        let mut words = line.split(' ');
        let (Some(first), Some(second)) = (words.next(), words.next()) else {
            continue;
        };
        if first.len() >= 7 && first.bytes().all(|b| b.is_ascii_digit()) {
            let code = knox::tag::from_decimal(first).unwrap_or_else(|e| panic!("{line}: {e}"));
            assert_eq!(code.name(), second, "{line}");
            assert_eq!(knox::tag::from_name(second), Some(code));
            codes += 1;
        } else if first.len() == 3 && first.bytes().all(|b| b.is_ascii_digit()) {
            let status =
                knox::tag::http::from_decimal(first).unwrap_or_else(|e| panic!("{line}: {e}"));
            assert!(
                line.starts_with(&format!("{first} {} ", status.name())),
                "{line}"
            );
            assert_eq!(knox::tag::http::from_name(status.name()), Some(status));
            statuses += 1;
        }
    }
    assert_eq!((codes, statuses), (6, 8));
}

#[test]
fn tapkey_statuses_are_found() {
    let text = seed("tapkey-response-codes.txt");
    let mut found = 0;
    for line in text.lines() {
        let words: Vec<&str> = line.split(' ').collect();
        let (name, status) = match words.as_slice() {
            [status, rest @ ..] if status.len() == 3 && status.parse::<u16>().is_ok() => {
                (rest.join(" "), *status)
            }
            [name, status, ..] if status.len() == 3 && status.parse::<u16>().is_ok() => {
                ((*name).to_owned(), *status)
            }
            _ => continue,
        };
        let code = tapkey::from_decimal(status).unwrap_or_else(|e| panic!("{line}: {e}"));
        assert_eq!(code.name(), name, "{line}");
        assert_eq!(tapkey::from_name(&name), Some(code));
        found += 1;
    }
    assert_eq!(found, 8, "200, 204 and the six error statuses");
}
