//! End to end: runs the built `errcodes` binary and checks its output, JSON and exit codes.

use std::process::Command;

use serde_json::Value as Json;

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn errcodes(args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_errcodes"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs");
    Run {
        code: out.status.code().expect("exited"),
        stdout: String::from_utf8(out.stdout).expect("UTF-8 stdout"),
        stderr: String::from_utf8(out.stderr).expect("UTF-8 stderr"),
    }
}

/// Runs a command that must succeed and returns its stdout.
fn found(args: &[&str]) -> String {
    let run = errcodes(args);
    assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
    assert_eq!(run.stderr, "", "{args:?}");
    run.stdout
}

/// Runs a `--json` command that must succeed and parses its stdout.
fn json(args: &[&str]) -> Json {
    let mut all = args.to_vec();
    all.push("--json");
    serde_json::from_str(&found(&all)).unwrap_or_else(|e| panic!("{args:?}: {e}"))
}

/// Runs a command that must fail with `code`; returns its one-line reason.
fn fails(code: i32, args: &[&str]) -> String {
    let run = errcodes(args);
    assert_eq!(run.code, code, "{args:?}: {}{}", run.stdout, run.stderr);
    assert_eq!(run.stdout, "", "{args:?}: nothing on stdout on failure");
    assert!(
        !run.stderr.trim().is_empty(),
        "{args:?}: a reason on stderr"
    );
    run.stderr
}

/// Our own failures are one line, prefixed with the command name.
fn one_line(reason: &str) -> &str {
    assert_eq!(reason.lines().count(), 1, "one line: {reason:?}");
    assert!(reason.starts_with("errcodes: "), "{reason:?}");
    reason.trim_end()
}

const ENTRY_FIELDS: [&str; 17] = [
    "action",
    "advice",
    "aliases",
    "catalog",
    "causes",
    "deprecated",
    "description",
    "device_names",
    "http_status",
    "name",
    "remediation",
    "single_unofficial_source",
    "source",
    "sources",
    "uncertain",
    "value",
    "wire",
];

/// The documented entry object: exactly these fields, each of its type.
fn check_entry_shape(e: &Json) {
    // `explain`'s object may add `note` (how the text was read: `13` as hex 0x13).
    let keys: Vec<&str> = e
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .filter(|k| *k != "note")
        .collect();
    assert!(e.get("note").is_none_or(Json::is_string), "{e}");
    assert_eq!(keys, ENTRY_FIELDS, "{e}");
    for field in ["catalog", "wire", "name", "description", "action", "advice"] {
        assert!(e[field].is_string(), "{field} in {e}");
    }
    assert!(e["value"].is_u64() || e["value"].is_i64() || e["value"].is_string());
    assert!(e["aliases"].as_array().unwrap().iter().all(Json::is_string));
    assert!(e["remediation"].is_string() || e["remediation"].is_null());
    assert!(e["http_status"].is_u64() || e["http_status"].is_null());
    assert!(e["uncertain"].is_string() || e["uncertain"].is_null());
    assert!(e["deprecated"].is_boolean());
    assert!(e["single_unofficial_source"].is_boolean());
    assert!(!e["sources"].as_array().unwrap().is_empty());
    assert_eq!(e["sources"][0], e["source"]);
    for d in e["device_names"].as_array().unwrap() {
        assert!(d["name"].is_string() && d["device"].is_string(), "{d}");
    }
    for cause in e["causes"].as_array().unwrap() {
        let keys: Vec<&str> = cause
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(
            keys,
            ["action", "advice", "description", "name", "remediation"]
        );
    }
    let source: Vec<&str> = e["source"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(source, ["id", "official", "title", "url"]);
}

#[test]
fn explain_accepts_every_form_a_seed_code_arrives_in() {
    let cases: [(&[&str], &str, &str); 9] = [
        (&["nuki", "0x13"], "P_ERROR_MAX_USER", "0x13"),
        (&["nuki", "13"], "P_ERROR_MAX_USER", "0x13"),
        (&["nuki", "ff"], "ERROR_UNKNOWN", "0xFF"),
        (&["nuki", "FF"], "ERROR_UNKNOWN", "0xFF"),
        (&["nuki", "P_ERROR_MAX_USER"], "P_ERROR_MAX_USER", "0x13"),
        (
            &["knox-tag", "4000000"],
            "RESOURCE_INVALID_PARAM",
            "4000000",
        ),
        (
            &["knox::tag", "4000000"],
            "RESOURCE_INVALID_PARAM",
            "4000000",
        ),
        (&["tapkey", "401"], "Unauthorized", "401"),
        (&["http", "503"], "Service Unavailable", "503"),
    ];
    for (args, name, wire) in cases {
        let text = found(&[&["explain"], args].concat());
        let entry = errcodes::catalog(args[0]).unwrap().lookup(args[1]).unwrap();
        assert!(
            text.starts_with(&format!("{name} {wire} (")),
            "{args:?}:\n{text}"
        );
        assert!(text.contains(entry.description()), "{args:?}");
        assert!(text.contains(entry.source().title()), "{args:?}");
        assert!(text.contains(entry.source().url()), "{args:?}");
        let step = format!("{} ({})", entry.action().as_str(), entry.action().advice());
        assert!(text.contains(&step), "{args:?}: next step {step}");
        if let Some(fix) = entry.remediation() {
            assert!(text.contains(fix), "{args:?}: remediation");
        }
        if let Some(status) = entry.http_status() {
            assert!(text.contains(&format!("HTTP status  {status}")), "{args:?}");
        }

        let j = json(&[&["explain"], args].concat());
        check_entry_shape(&j);
        assert_eq!(
            (j["name"].as_str(), j["wire"].as_str()),
            (Some(name), Some(wire))
        );
    }
}

#[test]
fn explain_shows_remediation_status_causes_and_markers() {
    let nuki = found(&["explain", "nuki", "0x13"]);
    assert!(nuki.contains("remediation  The limit is 200 device authorizations"));
    assert!(nuki.contains("next step    fix_request (fix the request before sending it again)"));
    let knox = found(&["explain", "knox-tag", "4000000"]);
    assert!(knox.contains("HTTP status  400"), "{knox}");
    let tapkey = found(&["explain", "tapkey", "401"]);
    for cause in ["ExpiredToken", "InvalidToken", "MissingScopes"] {
        assert!(tapkey.contains(&format!("- {cause}: ")), "{tapkey}");
    }
    let uncertain = found(&["explain", "nuki", "0x50"]);
    assert!(uncertain.lines().nth(1).unwrap().starts_with("UNCERTAIN: "));
    let deprecated = found(&["explain", "http", "510"]);
    assert!(deprecated.contains("DEPRECATED"), "{deprecated}");
    let alias = found(&["explain", "nuki", "k_error_opener_not_calibrated"]);
    assert!(
        alias.starts_with("K_ERROR_NOT_CALIBRATED 0x47 (nuki)"),
        "{alias}"
    );
    assert!(
        alias.contains(
            "aliases      K_ERROR_SL_NOT_CALIBRATED (Smart Lock only), \
             K_ERROR_OPENER_NOT_CALIBRATED (Opener only)"
        ),
        "{alias}"
    );
    assert!(
        uncertain.contains("SINGLE UNOFFICIAL SOURCE"),
        "{uncertain}"
    );
    let http = found(&["explain", "http", "not found"]);
    assert!(http.starts_with("Not Found 404 (http)"), "{http}");
    assert!(!found(&["explain", "knox.tag", "4000000"]).is_empty());
}

#[test]
fn explain_json_has_the_documented_shape() {
    let j = json(&["explain", "nuki", "0x13"]);
    check_entry_shape(&j);
    assert_eq!(j["catalog"], "nuki");
    assert_eq!(j["wire"], "0x13");
    assert_eq!(j["value"], 0x13);
    assert_eq!(j["name"], "P_ERROR_MAX_USER");
    assert_eq!(j["aliases"], serde_json::json!([]));
    assert_eq!(j["action"], "fix_request");
    assert_eq!(j["advice"], "fix the request before sending it again");
    assert!(j["remediation"].as_str().unwrap().contains("200"));
    assert_eq!(j["http_status"], Json::Null);
    assert_eq!(j["causes"], serde_json::json!([]));
    assert_eq!(j["deprecated"], false);
    assert_eq!(j["uncertain"], Json::Null);
    assert_eq!(j["source"]["id"], "W");
    assert_eq!(
        j["source"]["url"],
        "https://docs.nuki.io/guide/endpoints/error-codes/"
    );
    assert_eq!(j["sources"].as_array().unwrap().len(), 7);
    assert_eq!(j["single_unofficial_source"], false);
    let opener = json(&["explain", "nuki", "0x48"]);
    assert_eq!(
        opener["device_names"],
        serde_json::json!([{"name": "K_ERROR_RECORDING_TIMEOUT", "device": "Opener"}])
    );

    let knox = json(&["explain", "knox-tag", "4000000"]);
    assert_eq!(
        (knox["value"].as_u64(), knox["http_status"].as_u64()),
        (Some(4_000_000), Some(400))
    );
    assert_eq!(knox["catalog"], "knox::tag");

    let tapkey = json(&["explain", "tapkey", "401"]);
    let causes = tapkey["causes"].as_array().unwrap();
    assert_eq!(causes.len(), 3);
    assert_eq!(causes[0]["name"], "ExpiredToken");
    assert_eq!(causes[0]["action"], "refresh_credentials");
    assert_eq!(
        causes[1]["advice"],
        "fix the request before sending it again"
    );

    assert!(json(&["explain", "nuki", "0x50"])["uncertain"].is_string());
    assert_eq!(json(&["explain", "http", "510"])["deprecated"], true);
    assert_eq!(json(&["explain", "http", "503"])["action"], "retry");
    let text = json(&["explain", "samsung-account", "AUT_1803"]);
    assert_eq!(text["value"], "AUT_1803");
}

#[test]
fn lookup_finds_the_code_in_every_catalogue() {
    let text = found(&["lookup", "0x13"]);
    assert!(text.starts_with("nuki 0x13 P_ERROR_MAX_USER\n"), "{text}");

    let hits = json(&["lookup", "404"]);
    let hits = hits.as_array().unwrap();
    let catalogs: Vec<&str> = hits
        .iter()
        .map(|e| e["catalog"].as_str().unwrap())
        .collect();
    for expected in ["http", "knox::tag::http", "nuki::web_api", "tapkey"] {
        assert!(catalogs.contains(&expected), "{catalogs:?}");
    }
    let mut sorted = catalogs.clone();
    sorted.sort_unstable();
    assert_eq!(catalogs, sorted, "catalogue order");
    for e in hits {
        check_entry_shape(e);
        assert_eq!(e["wire"], "404");
    }
    let by_name = json(&["lookup", "P_ERROR_MAX_USER"]);
    assert_eq!(by_name.as_array().unwrap().len(), 1);
    assert_eq!(by_name[0]["wire"], "0x13");
}

/// exact name < name prefix < name contains < description contains < every word somewhere
fn rank(e: &Json, needle: &str) -> u8 {
    let names = std::iter::once(&e["name"])
        .chain(e["aliases"].as_array().unwrap())
        .map(|n| n.as_str().unwrap().to_lowercase());
    let best = names
        .map(|n| {
            if n == needle {
                0
            } else if n.starts_with(needle) {
                1
            } else if n.contains(needle) {
                2
            } else {
                3
            }
        })
        .min()
        .unwrap();
    let description = e["description"].as_str().unwrap().to_lowercase();
    if best == 3 && !description.contains(needle) {
        let words: Vec<&str> = needle.split_whitespace().collect();
        let text = format!(
            "{} {description}",
            e["name"].as_str().unwrap().to_lowercase()
        );
        let aliases = e["aliases"].to_string().to_lowercase();
        assert!(words.len() > 1, "{e}");
        assert!(
            words
                .iter()
                .all(|w| text.contains(w) || aliases.contains(w)),
            "{e}"
        );
        return 4;
    }
    best
}

#[test]
fn search_ranks_names_before_descriptions() {
    for needle in ["unauthorized", "pin", "timeout", "not found"] {
        let hits = json(&["search", &needle.to_uppercase()]);
        let hits = hits.as_array().unwrap();
        assert!(!hits.is_empty(), "{needle}");
        let keys: Vec<(u8, String, String)> = hits
            .iter()
            .map(|e| {
                check_entry_shape(e);
                let value = match &e["value"] {
                    Json::String(s) => s.clone(),
                    n => format!("{:020}", n.as_i64().unwrap()),
                };
                (
                    rank(e, needle),
                    e["catalog"].as_str().unwrap().to_owned(),
                    value,
                )
            })
            .collect();
        let mut sorted = keys.clone();
        sorted.sort();
        assert_eq!(
            keys, sorted,
            "{needle}: ranked, then by catalogue and value"
        );
    }
    let ranks = |needle: &str| -> Vec<u8> {
        let hits = json(&["search", needle]);
        hits.as_array()
            .unwrap()
            .iter()
            .map(|e| rank(e, needle))
            .collect()
    };
    assert_eq!(ranks("unauthorized"), [0, 0, 0, 0, 0, 0, 1, 2]);
    assert_eq!(ranks("busy"), [0, 2, 3]);
    assert_eq!(json(&["search", "unauthorized"])[0]["catalog"], "http");

    let text = found(&["search", "pin"]);
    assert!(text.contains("nuki 0x21 K_ERROR_BAD_PIN\n"), "{text}");
}

#[test]
fn list_shows_catalogues_and_entries() {
    let text = found(&["list"]);
    for c in errcodes::catalogs() {
        assert!(
            text.contains(c.slug()) && text.contains(c.title()),
            "{}",
            c.id()
        );
    }
    let all = json(&["list"]);
    let all = all.as_array().unwrap();
    assert_eq!(all.len(), errcodes::catalogs().len());
    for (j, c) in all.iter().zip(errcodes::catalogs()) {
        let keys: Vec<&str> = j.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(keys, ["count", "id", "slug", "sources", "title"]);
        assert_eq!(j["id"], c.id());
        assert_eq!(j["slug"], c.slug());
        assert_eq!(j["count"], c.entries().len());
    }

    let nuki = found(&["list", "nuki"]);
    assert!(
        nuki.starts_with("nuki Nuki device error codes: 45 entries\n"),
        "{nuki}"
    );
    assert!(nuki.contains("0x13 P_ERROR_MAX_USER"), "{nuki}");
    let knox = json(&["list", "knox-tag"]);
    assert_eq!(knox["id"], "knox::tag");
    let entries = knox["entries"].as_array().unwrap();
    assert_eq!(entries.len(), knox["count"].as_u64().unwrap() as usize);
    entries.iter().for_each(check_entry_shape);
    assert_eq!(entries[0]["wire"], "4000000");
}

#[test]
fn json_goes_anywhere_and_colour_only_on_a_terminal() {
    let before: Json = serde_json::from_str(&found(&["--json", "explain", "http", "503"])).unwrap();
    assert_eq!(before, json(&["explain", "http", "503"]));
    // Piped stdout is not a terminal: no ANSI codes even with NO_COLOR unset.
    let out = Command::new(env!("CARGO_BIN_EXE_errcodes"))
        .args(["explain", "tapkey", "401"])
        .env_remove("NO_COLOR")
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(!out.stdout.contains(&0x1b), "no escape codes when piped");
}

#[test]
fn misses_exit_1_with_a_reason_and_close_matches() {
    let reason = fails(1, &["explain", "nuki", "P_ERROR_MAX_USR"]);
    assert!(
        one_line(&reason).ends_with("did you mean P_ERROR_MAX_USER (0x13)?"),
        "{reason}"
    );
    let reason = fails(1, &["explain", "nuki", "P_ERROR_MAX_USR", "--json"]);
    assert!(reason.contains("P_ERROR_MAX_USER"), "{reason}");

    let reason = fails(1, &["explain", "nukk", "13"]);
    assert!(one_line(&reason).contains("did you mean nuki?"), "{reason}");
    let reason = fails(1, &["explain", "knox-tg", "4000000"]);
    assert!(one_line(&reason).contains("knox-tag"), "{reason}");

    let reason = fails(1, &["explain", "nuki", "0x14"]);
    assert!(one_line(&reason).contains("has no code 0x14"), "{reason}");
    let reason = fails(1, &["explain", "nuki", "zz"]);
    one_line(&reason);
    let reason = fails(1, &["explain", "http", "P_ERROR_MAX_USER"]);
    assert!(
        one_line(&reason).contains("errcodes explain nuki P_ERROR_MAX_USER"),
        "{reason}"
    );

    let reason = fails(1, &["lookup", "P_ERROR_MAX_USR"]);
    assert!(
        one_line(&reason).contains("P_ERROR_MAX_USER (nuki 0x13)"),
        "{reason}"
    );
    let reason = fails(1, &["lookup", "0x9999", "--json"]);
    one_line(&reason);
    let reason = fails(1, &["search", "no such words anywhere"]);
    one_line(&reason);
    let reason = fails(1, &["list", "knox"]);
    one_line(&reason);
}

#[test]
fn usage_errors_exit_2() {
    let no_command = fails(2, &[]);
    assert!(no_command.contains("Usage: errcodes"), "{no_command}");
    for args in [
        &["bogus"][..],
        &["explain", "nuki"],
        &["explain", "nuki", "13", "extra"],
        &["lookup"],
        &["list", "--jsn"],
    ] {
        let reason = fails(2, args);
        assert!(reason.starts_with("error: "), "{args:?}: {reason}");
    }
    let reason = fails(2, &["search", "  "]);
    assert_eq!(one_line(&reason), "errcodes: the search text is empty");
    let reason = fails(2, &["explain", "nuki", ""]);
    assert_eq!(one_line(&reason), "errcodes: the code is empty");

    let help = found(&["--help"]);
    for command in ["explain", "lookup", "search", "list", "--json"] {
        assert!(help.contains(command), "{help}");
    }
}

/// Runs the binary with `input` on standard input.
fn errcodes_with_stdin(args: &[&str], input: &[u8]) -> Run {
    use std::io::Write as _;
    let mut child = Command::new(env!("CARGO_BIN_EXE_errcodes"))
        .args(args)
        .env("NO_COLOR", "1")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_vec();
    // A writer thread: the command may stop reading early (the size limit).
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    Run {
        code: out.status.code().expect("exited"),
        stdout: String::from_utf8(out.stdout).expect("UTF-8 stdout"),
        stderr: String::from_utf8(out.stderr).expect("UTF-8 stderr"),
    }
}

fn body_file(name: &str) -> String {
    format!("{}/tests/bodies/{name}", env!("CARGO_MANIFEST_DIR"))
}

/// The webhook example of the Nuki seed document, cut out of the seed as it is.
fn seed_webhook() -> String {
    let seed = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/fixtures/seeds/nuki-web-api-error-codes.txt"
    ))
    .unwrap();
    let start = seed.find("{\n\"detail\"").expect("the seed's webhook");
    let end = start + seed[start..].find("\n}\nError Code").expect("its end") + 2;
    seed[start..end].to_owned()
}

#[test]
fn body_explains_the_seed_webhook_from_a_file_and_from_stdin() {
    let webhook = seed_webhook();
    let dir = tempdir();
    let file = dir.join("webhook.json");
    std::fs::write(&file, &webhook).unwrap();
    let from_file = found(&["body", file.to_str().unwrap()]);
    for input in [&["body"][..], &["body", "-"]] {
        let run = errcodes_with_stdin(input, webhook.as_bytes());
        assert_eq!((run.code, run.stderr.as_str()), (0, ""), "{input:?}");
        assert_eq!(run.stdout, from_file, "{input:?}: stdin reads the same");
    }
    let expected = "\
Nuki Web API result: 1 of 1 smart lock failed; request type AuthCreation, request id 68b142..........a584f103; overall success false

smart lock 123456789 (id 68b142..........a584f104): failed
  errorCode    \"ff\" (read as hex 0xFF, the form Nuki webhooks send)
  name         ERROR_UNKNOWN 0xFF (nuki)
";
    assert!(from_file.starts_with(expected), "{from_file}");
    let entry = errcodes::nuki::Code::ErrorUnknown.entry();
    assert!(from_file.contains(&format!("  description  {}\n", entry.description())));
    assert!(from_file.contains(&format!(
        "  remediation  {}\n",
        entry.remediation().unwrap()
    )));
    assert!(from_file.ends_with("  next step    retry (retry later with backoff)\n"));

    let j = json(&["body", file.to_str().unwrap()]);
    assert_eq!(j["vendor"], "nuki");
    assert_eq!(j["status"], Json::Null);
    let item = &j["items"][0];
    assert_eq!(item["entity"]["smartlockId"], 123456789);
    assert_eq!(item["entity"]["id"], "68b142..........a584f104");
    assert_eq!(item["outcome"], "failed");
    assert_eq!(item["code"]["sent"], "ff");
    assert_eq!(item["known"], true);
    assert_eq!(item["action"], "retry");
    check_entry_shape(&item["entry"]);
    assert_eq!(item["entry"]["name"], "ERROR_UNKNOWN");
}

#[test]
fn body_shows_successes_unknown_codes_and_hex_readings_in_a_mixed_webhook() {
    let text = found(&["body", &body_file("nuki-mixed.json")]);
    assert!(
        text.starts_with("Nuki Web API result: 2 of 3 smart locks failed; request type AuthCreation, request id r1; overall success false\n"),
        "{text}"
    );
    let blocks: Vec<&str> = text.split("\n\n").collect();
    assert_eq!(blocks.len(), 4, "{text}");
    assert_eq!(
        blocks[1],
        "smart lock 111111111 (id a1): succeeded\n  next step    none (nothing to do)"
    );
    assert!(blocks[2].starts_with("smart lock 222222222 (id a2): failed\n  errorCode    \"13\" (read as hex 0x13, the form Nuki webhooks send)\n  name         P_ERROR_MAX_USER 0x13 (nuki)\n"), "{}", blocks[2]);
    assert_eq!(
        blocks[3],
        "smart lock 333333333 (id a3): failed\n  errorCode    \"7a\" (read as hex 0x7A, the form Nuki webhooks send)\n  name         unknown: not catalogued in `nuki`; shown as sent\n  next step    contact_vendor (contact the vendor)\n"
    );
    let j = json(&["body", &body_file("nuki-mixed.json")]);
    let outcomes: Vec<&str> = j["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["outcome"].as_str().unwrap())
        .collect();
    assert_eq!(outcomes, ["succeeded", "failed", "failed"]);
    assert_eq!(j["items"][0]["code"], Json::Null);
    assert_eq!(j["items"][2]["known"], false);
    assert_eq!(j["items"][2]["entry"], Json::Null);
    assert_eq!(j["items"][2]["code"]["sent"], "7a");
}

#[test]
fn body_explains_knox_tapkey_and_bridge_bodies() {
    let knox = found(&["body", &body_file("knox-400.json")]);
    assert!(knox.starts_with("Knox Tag API error object: HTTP 400: The specified request parameters are not valid.\n\nthe request: failed\n  code         \"4000000\"\n  name         RESOURCE_INVALID_PARAM 4000000 (knox::tag)\n"), "{knox}");
    assert!(
        knox.contains("  next step    fix_request (fix the request before sending it again)\n")
    );

    // Tapkey: the meaning is the status's; the ErrorCode nobody catalogued is kept and marked.
    let tapkey = found(&["body", &body_file("tapkey-401.json"), "--status", "401"]);
    assert!(tapkey.starts_with("Tapkey error body: HTTP 401\n  ErrorMessage: The access token has expired.\n  UserErrorMessage: Bitte erneut anmelden.\n\nthe request: failed\n  ErrorCode    \"SomethingNobodyCatalogued\"\n  name         Unauthorized 401 (tapkey)\n"), "{tapkey}");
    assert!(tapkey.contains("  note         ErrorCode unknown: Tapkey does not publish its ErrorCode values; shown as sent\n"));
    let unauthorized = errcodes::tapkey::Code::Unauthorized.entry();
    for cause in unauthorized.causes() {
        assert!(
            tapkey.contains(&format!("  - {}: {}\n", cause.name(), cause.description())),
            "{}",
            cause.name()
        );
        assert!(tapkey.contains(&format!(
            "    what to do: {}\n",
            cause.remediation().unwrap()
        )));
    }
    let j = json(&["body", &body_file("tapkey-401.json"), "--status", "401"]);
    assert_eq!(
        (j["vendor"].as_str(), j["status"].as_u64()),
        (Some("tapkey"), Some(401))
    );
    assert_eq!(j["items"][0]["code"]["sent"], "SomethingNobodyCatalogued");
    assert_eq!(
        j["items"][0]["entry"]["causes"].as_array().unwrap().len(),
        3
    );
    assert_eq!(j["items"][0]["action"], "refresh_credentials");
    let no_status = found(&["body", &body_file("tapkey-401.json")]);
    assert!(
        no_status.contains("next step    unknown without the HTTP status; give it with --status N"),
        "{no_status}"
    );

    let bridge = found(&["body", &body_file("bridge-offline.json"), "--status", "200"]);
    assert_eq!(
        bridge,
        "Nuki Bridge response: HTTP 200\n\nthe device: failed\n  next step    retry (retry later with backoff)\n  note         HTTP 200 with success false: the smart lock or opener is offline (batteries out, out of range)\n"
    );
    let busy = found(&["body", &body_file("bridge-offline.json"), "--status", "503"]);
    assert!(busy.contains("name         "), "{busy}");
    assert!(busy.contains("next step    retry"), "{busy}");
}

#[test]
fn body_accepts_numeric_codes_as_the_same_code() {
    let as_string = errcodes_with_stdin(&["body", "--json"], br#"{"result":400,"code":"4000000"}"#);
    let as_number = errcodes_with_stdin(&["body", "--json"], br#"{"result":400,"code":4000000}"#);
    assert_eq!(
        (as_string.code, as_number.code),
        (0, 0),
        "{}",
        as_number.stderr
    );
    let (s, n): (Json, Json) = (
        serde_json::from_str(&as_string.stdout).unwrap(),
        serde_json::from_str(&as_number.stdout).unwrap(),
    );
    assert_eq!(s["items"][0]["entry"], n["items"][0]["entry"]);
    assert_eq!(n["items"][0]["code"]["sent"], 4000000);
    assert_eq!(n["items"][0]["entry"]["name"], "RESOURCE_INVALID_PARAM");

    let nuki = errcodes_with_stdin(
        &["body"],
        br#"{"detail":[{"smartlockId":1,"success":false,"errorCode":255}],"success":false}"#,
    );
    assert_eq!(nuki.code, 0, "{}", nuki.stderr);
    assert!(nuki.stdout.contains("  errorCode    255 (read as a JSON number, value 255 = 0xFF)\n  name         ERROR_UNKNOWN 0xFF (nuki)\n"), "{}", nuki.stdout);
}

#[test]
fn body_of_no_vendor_shape_exits_1_and_names_the_shapes() {
    for body in [&br#"{"hello": "world"}"#[..], b"[1, 2, 3]", b"42"] {
        let run = errcodes_with_stdin(&["body"], body);
        assert_eq!(run.code, 1, "{}", run.stderr);
        assert_eq!(run.stdout, "");
        let reason = one_line(&run.stderr);
        if body.starts_with(b"{") {
            for shape in [
                "Nuki Web API result",
                "Knox error object",
                "Tapkey error body",
                "Nuki Bridge response",
                "--vendor",
            ] {
                assert!(reason.contains(shape), "{reason}");
            }
        } else {
            assert!(reason.contains("as a JSON object"), "{reason}");
        }
    }
    // A known shape whose code cannot be read: exit 1, with where.
    let run = errcodes_with_stdin(
        &["body"],
        br#"{"detail":[{"smartlockId":1,"success":false,"errorCode":"zz"}],"success":false}"#,
    );
    assert_eq!(run.code, 1);
    assert!(
        one_line(&run.stderr).contains("`errorCode`: `nuki` expects a hex byte"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("at line 1 column 57"), "{}", run.stderr);
    // --vendor forces a shape.
    let run = errcodes_with_stdin(&["body", "--vendor", "knox"], br#"{"detail":[]}"#);
    assert_eq!(run.code, 1);
    assert_eq!(
        one_line(&run.stderr),
        "errcodes: invalid Knox Tag API error object: missing field `code` at line 1 column 1"
    );
}

#[test]
fn broken_json_exits_2_with_line_and_column() {
    let cases: [(&[u8], &str); 4] = [
        (
            b"{\"detail\": [\n  {\"smartlockId\": 1,,}\n]}",
            "errcodes: the body is not JSON: expected a member name in double quotes at line 2 column 21",
        ),
        (
            b"{\"result\": 400, \"code\": \"40",
            "errcodes: the body is not JSON: the body ends early at line 1 column 28",
        ),
        (
            b"<html>502 Bad Gateway</html>",
            "errcodes: the body is not JSON: expected a JSON value at line 1 column 1",
        ),
        (b"  \n ", "errcodes: the body is empty"),
    ];
    for (body, expected) in cases {
        let run = errcodes_with_stdin(&["body"], body);
        assert_eq!((run.code, run.stdout.as_str()), (2, ""), "{expected}");
        assert_eq!(one_line(&run.stderr), expected);
    }
    let reason = fails(2, &["body", "/no/such/file.json"]);
    assert!(
        one_line(&reason).starts_with("errcodes: cannot read /no/such/file.json: "),
        "{reason}"
    );
    let reason = fails(2, &["body", "--vendor", "acme", "-"]);
    assert!(reason.contains("invalid value 'acme'"), "{reason}");
}

#[test]
fn body_larger_than_the_limit_is_refused_without_reading_it_all() {
    let limit = errcodes::response::MAX_BODY_BYTES;
    // 100 MB offered on standard input: the command stops reading after the limit, so the
    // pipe closes once about the limit (plus what the pipe buffers) has been taken.
    let mut child = Command::new(env!("CARGO_BIN_EXE_errcodes"))
        .arg("body")
        .env("NO_COLOR", "1")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        use std::io::Write as _;
        let chunk = [b' '; 64 * 1024];
        let mut taken = 0usize;
        while taken < 100_000_000 && stdin.write_all(&chunk).is_ok() {
            taken += chunk.len();
        }
        taken
    });
    let out = child.wait_with_output().unwrap();
    let taken = writer.join().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        one_line(&String::from_utf8_lossy(&out.stderr)),
        format!(
            "errcodes: the body is more than {limit} bytes; bodies are limited to {limit} bytes (1 MiB)"
        )
    );
    assert!(taken < 4 * limit, "the command took {taken} bytes of input");
    // A file is refused by its size, before it is read.
    let dir = tempdir();
    let file = dir.join("big.json");
    std::fs::write(&file, vec![b' '; limit + 1]).unwrap();
    let reason = fails(2, &["body", file.to_str().unwrap()]);
    assert_eq!(
        one_line(&reason),
        format!(
            "errcodes: the body is {} bytes; bodies are limited to {limit} bytes (1 MiB)",
            limit + 1
        )
    );
}

#[test]
fn explain_answers_a_namespace_with_its_catalogues() {
    let text = found(&["explain", "knox", "4000000"]);
    let knox: Vec<_> = errcodes::catalogs()
        .iter()
        .filter(|c| c.id().starts_with("knox::"))
        .collect();
    let having = knox.iter().filter(|c| c.lookup("4000000").is_ok()).count();
    assert!(
        having > 1,
        "the test needs a code several knox catalogues hold"
    );
    let head = format!(
        "`knox` is a namespace of {} catalogues; {having} of them have `4000000`",
        knox.len()
    );
    assert!(text.starts_with(&head), "{text}");
    assert!(
        text.contains("knox::tag 4000000 RESOURCE_INVALID_PARAM\n"),
        "{text}"
    );
    let hits = json(&["explain", "knox", "4000000"]);
    let catalogs: Vec<&str> = hits
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["catalog"].as_str().unwrap())
        .collect();
    assert!(
        catalogs.contains(&"knox::tag") && catalogs.iter().all(|c| c.starts_with("knox::")),
        "{catalogs:?}"
    );
    let reason = fails(1, &["explain", "knox", "999"]);
    assert!(
        one_line(&reason).contains("`knox` is a namespace, not a catalogue"),
        "{reason}"
    );
    assert!(reason.contains("knox-tag"), "{reason}");
}

#[test]
fn explain_says_when_a_nuki_number_is_read_as_hex() {
    let text = found(&["explain", "nuki", "13"]);
    assert_eq!(
        text.lines().nth(1),
        Some(
            "note: `13` is read as hex 0x13: `nuki` writes its codes in hex (decimal 13 would be 0x0D)"
        )
    );
    for unambiguous in [
        &["explain", "nuki", "0x13"][..],
        &["explain", "nuki", "ff"],
        &["explain", "http", "404"],
    ] {
        assert!(
            !found(unambiguous).contains("read as hex"),
            "{unambiguous:?}"
        );
    }
}

#[test]
fn search_takes_every_word_counts_and_limits() {
    let text = found(&["search", "not", "found"]);
    let first = text.lines().next().unwrap();
    let total: usize = first.split(' ').next().unwrap().parse().unwrap();
    assert!(total > 10, "{first}");
    assert_eq!(
        first,
        format!("{total} entries match `not found`; the first 10 (--limit N, 0 for all)")
    );
    assert_eq!(text.lines().count(), 1 + 2 * 10);
    let all = found(&["search", "not", "found", "--limit", "0"]);
    assert_eq!(all.lines().count(), 1 + 2 * total);
    assert_eq!(
        json(&["search", "not", "found", "--limit", "3"])
            .as_array()
            .unwrap()
            .len(),
        3
    );
    let one = found(&["search", "bad", "pin"]);
    assert_eq!(one.lines().next(), Some("1 entry matches `bad pin`"));
    let reason = fails(1, &["search", "not", "connected"]);
    assert_eq!(
        one_line(&reason),
        "errcodes: no entry's name or description contains `not connected`"
    );
}

#[test]
fn write_failures_exit_non_zero_but_a_closed_pipe_does_not() {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_errcodes"))
        .args(["search", "e"])
        .stdout(full)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "errcodes: cannot write the output: No space left on device (os error 28)\n"
    );
    // A reader that goes away early (`| head -1`) is not an error.
    let mut child = Command::new(env!("CARGO_BIN_EXE_errcodes"))
        .args(["list", "http"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

#[test]
fn completions_and_man_page_come_from_the_argument_definition() {
    let bash = found(&["completions", "bash"]);
    assert!(
        bash.contains("complete -F _errcodes") && bash.contains("--vendor"),
        "{bash}"
    );
    let zsh = found(&["completions", "zsh"]);
    assert!(
        zsh.starts_with("#compdef errcodes") && zsh.contains("body"),
        "{zsh}"
    );
    let fish = found(&["completions", "fish"]);
    assert!(
        fish.contains("complete -c errcodes") && fish.contains("limit"),
        "{fish}"
    );
    let man = found(&["man"]);
    assert!(
        man.starts_with(".ie \\n(.g .ds Aq \\(aq") || man.contains(".TH errcodes"),
        "{man}"
    );
    for word in ["body", "explain", "search", "completions", "\\-\\-color"] {
        assert!(man.contains(word), "{word} in the man page");
    }
    fails(2, &["completions", "powershell-ish"]);
}

#[test]
fn colour_follows_the_flag_and_the_environment() {
    let run = |args: &[&str], env: &[(&str, &str)]| {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_errcodes"));
        cmd.args(args)
            .env_remove("NO_COLOR")
            .env_remove("CLICOLOR_FORCE")
            .env_remove("CLICOLOR");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let out = cmd.output().unwrap();
        assert!(out.status.success());
        out.stdout.contains(&0x1b)
    };
    let args = ["explain", "nuki", "13"];
    assert!(!run(&args, &[]), "piped: no colour");
    assert!(run(&[&args[..], &["--color", "always"]].concat(), &[]));
    assert!(run(&args, &[("CLICOLOR_FORCE", "1")]));
    assert!(!run(&args, &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]));
    assert!(!run(
        &[&args[..], &["--color", "never"]].concat(),
        &[("CLICOLOR_FORCE", "1")]
    ));
    assert!(run(
        &[&args[..], &["--color", "always"]].concat(),
        &[("NO_COLOR", "1"), ("TERM", "dumb")]
    ));
}

/// A scratch folder removed when dropped.
struct TempDir(std::path::PathBuf);

impl TempDir {
    fn join(&self, name: &str) -> std::path::PathBuf {
        self.0.join(name)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn tempdir() -> TempDir {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "errcodes-cli-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ));
    std::fs::create_dir_all(&dir).unwrap();
    TempDir(dir)
}

/// A catalogue folder of the workspace's test fixtures, copied into `dir/name` (`id` replaced
/// when given), returned as a command-line argument.
fn catalog_folder(dir: &TempDir, name: &str, fixture: &str, id: Option<&str>) -> String {
    let from = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures");
    let to = dir.join(name);
    std::fs::create_dir_all(&to).unwrap();
    for file in std::fs::read_dir(from.join(fixture)).unwrap() {
        let file = file.unwrap().path();
        let mut text = std::fs::read_to_string(&file).unwrap();
        if let Some(id) = id {
            let first = text.lines().next().unwrap().to_owned();
            assert!(first.starts_with("id: "), "{first}");
            text = text.replacen(&first, &format!("id: {id}"), 1);
        }
        std::fs::write(to.join(file.file_name().unwrap()), text).unwrap();
    }
    to.display().to_string()
}

#[test]
fn a_catalog_folder_is_served_in_every_command_beside_the_built_in_ones() {
    let dir = tempdir();
    let acme = catalog_folder(&dir, "vendor", "good/signed_i32", None);
    fn with<'a>(acme: &'a str, args: &[&'a str]) -> Vec<&'a str> {
        [&["--catalog", acme], args].concat()
    }

    // Not built in: only served with --catalog.
    fails(1, &["explain", "acme", "-12"]);

    let text = found(&with(&acme, &["explain", "acme", "-12"]));
    assert!(text.starts_with("E_TIMEOUT -12 (acme)\n"), "{text}");
    assert!(
        text.contains("catalogue    acme — Signed integer codes"),
        "{text}"
    );
    assert!(text.contains("next step    retry"), "{text}");
    // The flag is global: after the subcommand too; names in any case, as for built-ins.
    let e = json(&["explain", "acme", "e_bad_pin", "--catalog", &acme]);
    check_entry_shape(&e);
    assert_eq!(
        (e["catalog"].as_str(), e["value"].as_i64()),
        (Some("acme"), Some(7))
    );
    let e = json(&with(&acme, &["explain", "acme", "-2147483648"]));
    assert_eq!(e["value"].as_i64(), Some(i64::from(i32::MIN)));
    let reason = fails(1, &with(&acme, &["explain", "acme", "-13"]));
    assert!(
        one_line(&reason).contains("`acme` has no code -13"),
        "{reason}"
    );
    let reason = fails(1, &with(&acme, &["explain", "acme", "-2147483649"]));
    assert!(one_line(&reason).contains("out of range"), "{reason}");

    // lookup and search cover the loaded catalogue and the built-in ones together.
    let hits = json(&with(&acme, &["lookup", "7"]));
    let catalogs: Vec<&str> = hits
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["catalog"].as_str().unwrap())
        .collect();
    assert!(
        catalogs.contains(&"acme") && catalogs.contains(&"nuki::completion"),
        "{catalogs:?}"
    );
    assert!(found(&with(&acme, &["lookup", "-12"])).starts_with("acme -12 E_TIMEOUT\n"));
    let hits = json(&with(&acme, &["search", "did", "not", "answer"]));
    assert_eq!(hits[0]["name"], "E_TIMEOUT", "{hits}");

    // list: the catalogue in the table, sorted by id, and its entries.
    let table = found(&with(&acme, &["list"]));
    let first = table.lines().next().unwrap();
    assert!(
        first.starts_with("acme ") && first.contains(" 4  Signed integer codes"),
        "{table}"
    );
    let list = json(&with(&acme, &["list"]));
    let ids: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids.len(), json(&["list"]).as_array().unwrap().len() + 1);
    assert!(ids.is_sorted() && ids.contains(&"nuki"), "{ids:?}");
    let one = json(&with(&acme, &["list", "acme"]));
    assert_eq!(one["count"], 4);
    let wires: Vec<&str> = one["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["wire"].as_str().unwrap())
        .collect();
    assert_eq!(wires, ["-2147483648", "-12", "0", "7"]);
    one["entries"]
        .as_array()
        .unwrap()
        .iter()
        .for_each(check_entry_shape);
}

#[test]
fn catalog_folders_add_up_and_an_id_served_already_is_refused() {
    let dir = tempdir();
    let acme = catalog_folder(&dir, "acme", "good/signed_i32", None);
    let sdk = catalog_folder(&dir, "sdk", "good/string_key", None);
    let both = ["--catalog", &acme, "--catalog", &sdk];
    let list = json(&[&both[..], &["list"]].concat());
    let ids: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert!(ids.contains(&"acme") && ids.contains(&"sdk"), "{ids:?}");
    let e = json(&[&both[..], &["explain", "sdk", "Ok"]].concat());
    assert_eq!(
        (e["catalog"].as_str(), e["value"].as_str()),
        (Some("sdk"), Some("Ok"))
    );
    assert_eq!(
        json(&[&both[..], &["explain", "acme", "0"]].concat())["name"],
        "OK"
    );

    // The same folder twice: its id is served already by the first.
    let run = errcodes(&["--catalog", &acme, "--catalog", &acme, "list"]);
    assert_eq!((run.code, run.stdout.as_str()), (2, ""));
    assert!(
        run.stderr
            .starts_with(&format!("{acme}/acme.yaml:1: catalogue id `acme`")),
        "{}",
        run.stderr
    );

    // A built-in id (`nuki`) and a built-in slug (`nuki_bridge` is `nuki-bridge`).
    for (name, id, taken) in [
        ("clash", "nuki", "`nuki`"),
        ("slug", "nuki_bridge", "`nuki::bridge`"),
    ] {
        let folder = catalog_folder(&dir, name, "good/signed_i32", Some(id));
        let run = errcodes(&["--catalog", &folder, "explain", "nuki", "ff"]);
        assert_eq!((run.code, run.stdout.as_str()), (2, ""), "{id}");
        let lines: Vec<&str> = run.stderr.lines().collect();
        assert_eq!(lines.len(), 2, "{}", run.stderr);
        assert!(
            lines[0].starts_with(&format!("{folder}/acme.yaml:1: catalogue id `{id}`")),
            "{}",
            lines[0]
        );
        assert!(
            lines[0].contains(taken) && lines[0].contains("another id"),
            "{}",
            lines[0]
        );
        assert!(
            lines[1].starts_with("errcodes: 1 problem(s)"),
            "{}",
            lines[1]
        );
    }
}

#[test]
fn a_bad_catalog_folder_lists_every_problem_with_its_place_and_exits_2() {
    let dir = tempdir();
    let bad = catalog_folder(&dir, "bad", "bad/many_problems", None);
    let run = errcodes(&["--catalog", &bad, "lookup", "ff", "--json"]);
    assert_eq!((run.code, run.stdout.as_str()), (2, ""));
    let lines: Vec<&str> = run.stderr.lines().collect();
    let (summary, problems) = lines.split_last().unwrap();
    assert!(problems.len() >= 3, "{}", run.stderr);
    for p in problems {
        let place = p
            .strip_prefix(&format!("{bad}/nuki.yaml:"))
            .unwrap_or_else(|| panic!("{p}"));
        let (line, rest) = place.split_once(':').unwrap();
        let (col, message) = rest.split_once(": ").unwrap();
        assert!(
            line.parse::<usize>().unwrap() > 0 && col.parse::<usize>().unwrap() > 0,
            "{p}"
        );
        assert!(!message.is_empty(), "{p}");
    }
    assert_eq!(
        *summary,
        format!(
            "errcodes: {} problem(s) in the --catalog folder(s); nothing was looked up",
            problems.len()
        )
    );

    // A folder that is not there, beside a good one: named, exit 2.
    let good = catalog_folder(&dir, "good", "good/signed_i32", None);
    let missing = dir.join("no-such-folder").display().to_string();
    let run = errcodes(&["--catalog", &good, "--catalog", &missing, "list"]);
    assert_eq!((run.code, run.stdout.as_str()), (2, ""));
    assert!(
        run.stderr
            .starts_with(&format!("{missing}: cannot read the catalogue folder")),
        "{}",
        run.stderr
    );
}

#[test]
fn explain_says_why_a_reserved_value_is_not_a_code() {
    for status in ["418", "306"] {
        let reason = fails(1, &["explain", "http", status]);
        let line = one_line(&reason);
        assert!(
            line.starts_with(&format!(
                "errcodes: `http` has no code `{status}`: Not a status"
            )),
            "{line}"
        );
        assert!(line.contains("IANA") && line.contains("RFC 9110"), "{line}");
    }
    // An unknown value the catalogue records nothing about still says only that.
    let reason = fails(1, &["explain", "http", "499"]);
    assert!(one_line(&reason).contains("has no code 499;"), "{reason}");
}

/// A source is a public URL or repository@commit: no product text cites a folder of the
/// workspace the catalogues were written in (`shared/…`), in text, `--json`, rustdoc or docs.
#[test]
fn no_product_output_cites_a_private_folder() {
    let mut outputs = vec![found(&["list"]), found(&["list", "--json"])];
    for c in errcodes::catalogs() {
        outputs.push(found(&["list", c.slug(), "--json"]));
        for e in c.entries() {
            outputs.push(found(&["explain", c.slug(), e.wire()]));
        }
    }
    for out in &outputs {
        assert!(!out.contains("shared/"), "{out}");
    }
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/..");
    for dir in ["errcodes/src/generated", "docs"] {
        let mut stack = vec![std::path::Path::new(root).join(dir)];
        while let Some(path) = stack.pop() {
            if path.is_dir() {
                stack.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
            } else {
                let text = std::fs::read_to_string(&path).unwrap();
                assert!(!text.contains("shared/"), "{}", path.display());
            }
        }
    }
}

/// Every text line the command prints from a body shows control characters and bidi
/// overrides as `\u{..}`; `--json` keeps the text exact.
#[test]
fn body_text_never_sends_controls_to_the_terminal() {
    let hostile = "\u{1b}[2J\u{1b}]0;title\u{7}\u{1b}]52;c;aGk=\u{9c}x\r\nfake: line\u{202e}txt\u{2066}\u{85}";
    let text = serde_json::to_string(hostile).unwrap();
    let bodies = [
        (
            vec!["body", "--status", "401"],
            format!(
                r#"{{"ErrorCode":{text},"ErrorMessage":{text},"ErrorDetails":{text},"UserErrorMessage":{text}}}"#
            ),
        ),
        (
            vec!["body"],
            format!(
                r#"{{"detail":[{{"smartlockId":{text},"success":false,"errorCode":"ff","id":{text}}}],"type":{text},"requestId":{text},"success":false}}"#
            ),
        ),
        (
            vec!["body"],
            format!(r#"{{"result":{text},"code":"4990000","message":{text},"data":{text}}}"#),
        ),
        (
            vec!["body", "--status", "401"],
            format!(r#"{{"success":false,"error":{text}}}"#),
        ),
    ];
    for (args, body) in &bodies {
        for colour in ["never", "always"] {
            let mut args = args.clone();
            args.extend(["--color", colour]);
            let run = errcodes_with_stdin(&args, body.as_bytes());
            assert_eq!(run.code, 0, "{body}: {}", run.stderr);
            let plain: String = if colour == "never" {
                run.stdout.clone()
            } else {
                // Our own styling is the only escape sequence: `ESC[` + digits + `m`.
                let mut out = String::new();
                let mut rest = run.stdout.as_str();
                while let Some(i) = rest.find('\u{1b}') {
                    out.push_str(&rest[..i]);
                    let after = &rest[i + 2..];
                    assert!(rest[i..].starts_with("\u{1b}["), "{rest}");
                    let end = after.find('m').expect("an SGR sequence");
                    assert!(
                        after[..end]
                            .bytes()
                            .all(|b| b.is_ascii_digit() || b == b';'),
                        "{after}"
                    );
                    rest = &after[end + 1..];
                }
                out + rest
            };
            for c in plain.chars() {
                assert!(
                    c == '\n'
                        || !(c.is_control()
                            || ('\u{202a}'..='\u{202e}').contains(&c)
                            || ('\u{2066}'..='\u{2069}').contains(&c)),
                    "{c:?} reached the terminal: {plain}"
                );
            }
            assert!(plain.contains("\\u{1b}[2J\\u{1b}]0;title\\u{7}"), "{plain}");
            assert!(
                !plain.lines().any(|l| l.starts_with("fake: line")),
                "{plain}"
            );
        }
        let json = errcodes_with_stdin(&[args.as_slice(), &["--json"]].concat(), body.as_bytes());
        assert_eq!(json.code, 0);
        assert!(
            json.stdout.contains(&text[1..text.len() - 1]) || json.stdout.contains("\\u001b[2J"),
            "{}",
            json.stdout
        );
    }
    // --json is exact: the body's text comes back decoded as sent.
    let run = errcodes_with_stdin(
        &["body", "--status", "401", "--json"],
        bodies[0].1.as_bytes(),
    );
    let j: Json = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(j["items"][0]["code"]["sent"], hostile);
    assert!(j["summary"].as_str().unwrap().contains(hostile));
}

/// A JSON number is read by its value, exponent forms included, never as hex text.
#[test]
fn body_reads_json_numbers_by_value() {
    let webhook = |code: &str| {
        format!(
            r#"{{"detail":[{{"smartlockId":1,"success":false,"errorCode":{code}}}],"success":false}}"#
        )
    };
    // `0e0` as hex text would be 0xE0, a catalogued code: the misreading this guards against.
    assert!(errcodes::nuki::from_hex("e0").is_ok());
    for zero in ["0", "0e0", "0E0", "-0", "0.0e5"] {
        let j: Json = serde_json::from_str(
            &errcodes_with_stdin(&["body", "--json"], webhook(zero).as_bytes()).stdout,
        )
        .unwrap();
        assert_eq!(j["items"][0]["known"], false, "{zero}: {j}");
        assert_eq!(j["items"][0]["action"], "contact_vendor", "{zero}");
        assert_eq!(
            j["items"][0]["code"]["sent"].to_string().trim_matches('"'),
            zero
        );
    }
    for (nineteen, sent) in [
        ("19", Json::from(19)),
        ("1.9e1", Json::from("1.9e1")),
        ("190E-1", Json::from("190E-1")),
    ] {
        let run = errcodes_with_stdin(&["body", "--json"], webhook(nineteen).as_bytes());
        let j: Json = serde_json::from_str(&run.stdout).unwrap();
        assert_eq!(
            j["items"][0]["entry"]["name"], "P_ERROR_MAX_USER",
            "{nineteen}"
        );
        assert_eq!(j["items"][0]["code"]["sent"], sent);
    }
    for odd in ["1E2", "1.5", "-1", "256", "1e400"] {
        let run = errcodes_with_stdin(&["body"], webhook(odd).as_bytes());
        assert_eq!(run.code, 0, "{odd}: {}", run.stderr);
        assert!(
            run.stdout
                .contains(&format!("  errorCode    {odd} (read as a JSON number")),
            "{}",
            run.stdout
        );
        assert!(
            run.stdout
                .contains("unknown: not catalogued in `nuki`; shown as sent"),
            "{}",
            run.stdout
        );
    }
    let knox = errcodes_with_stdin(&["body", "--json"], br#"{"result":4E2,"code":4e6}"#);
    let j: Json = serde_json::from_str(&knox.stdout).unwrap();
    assert_eq!(
        (
            j["status"].as_u64(),
            j["items"][0]["entry"]["name"].as_str()
        ),
        (Some(400), Some("RESOURCE_INVALID_PARAM"))
    );
}

/// Only the code decides whether a Knox object can be read; an odd `result` is a note.
#[test]
fn body_explains_a_knox_code_whatever_its_result() {
    for (result, note) in [
        (
            r#""bad""#,
            r#"the body's result is not an HTTP status (100-999): "bad""#,
        ),
        (
            "70000",
            "the body's result is not an HTTP status (100-999): 70000",
        ),
        (
            "null",
            "the body's result is not an HTTP status (100-999): null",
        ),
    ] {
        let body = format!(r#"{{"result":{result},"code":"4000000"}}"#);
        let run = errcodes_with_stdin(&["body"], body.as_bytes());
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert!(
            run.stdout
                .starts_with("Knox Tag API error object: HTTP status not known\n"),
            "{}",
            run.stdout
        );
        assert!(
            run.stdout
                .contains("  name         RESOURCE_INVALID_PARAM 4000000 (knox::tag)\n")
        );
        assert!(
            run.stdout.contains(&format!("  note         {note}\n")),
            "{}",
            run.stdout
        );
        let j: Json =
            serde_json::from_str(&errcodes_with_stdin(&["body", "--json"], body.as_bytes()).stdout)
                .unwrap();
        assert_eq!(
            (j["status"].clone(), j["items"][0]["action"].clone()),
            (Json::Null, Json::from("fix_request"))
        );
    }
    let reason = one_line(&errcodes_with_stdin(&["body"], br#"{"result":400,"code":true}"#).stderr)
        .to_owned();
    assert!(reason.contains("`code`"), "{reason}");
}

#[test]
fn bridge_bodies_say_what_the_status_was_and_what_failed() {
    let offline = br#"{"success":false}"#;
    let run = errcodes_with_stdin(&["body"], offline);
    assert!(
        run.stdout.starts_with(
            "Nuki Bridge response: HTTP status not given (--status N); read as HTTP 200"
        ),
        "{}",
        run.stdout
    );
    assert!(!run.stdout.starts_with("Nuki Bridge response: HTTP 200"));
    let j: Json =
        serde_json::from_str(&errcodes_with_stdin(&["body", "--json"], offline).stdout).unwrap();
    assert_eq!(j["status"], Json::Null);
    let given = errcodes_with_stdin(&["body", "--status", "200"], offline);
    assert!(
        given
            .stdout
            .starts_with("Nuki Bridge response: HTTP 200\n\nthe device: failed\n"),
        "{}",
        given.stdout
    );
    let unauthorized = errcodes_with_stdin(
        &["body", "--status", "401"],
        br#"{"success":false,"error":"invalid token"}"#,
    );
    assert!(
        unauthorized.stdout.contains("\nthe request: failed\n"),
        "{}",
        unauthorized.stdout
    );
    assert!(
        !unauthorized.stdout.contains("the device"),
        "{}",
        unauthorized.stdout
    );
    assert!(
        unauthorized
            .stdout
            .contains("Unauthorized 401 (nuki::bridge)"),
        "{}",
        unauthorized.stdout
    );

    // --vendor on JSON that is not that vendor's: exit 1 with why, as with no known shape.
    for (vendor, body) in [
        ("tapkey", &br#"{"hello":"world"}"#[..]),
        ("bridge", br#"{"hello":"world"}"#),
    ] {
        let run = errcodes_with_stdin(&["body", "--vendor", vendor], body);
        assert_eq!((run.code, run.stdout.as_str()), (1, ""), "{vendor}");
        assert!(
            one_line(&run.stderr).contains("the body is JSON but not a"),
            "{}",
            run.stderr
        );
    }
}

/// Hex and decimal, both ways: `13` found as hex says what decimal would be, and `19`, no
/// code as hex, says which code decimal 19 is; in text and in `--json`, for a team's own
/// hex catalogue as for Nuki's, in that catalogue's own words.
#[test]
fn hex_and_decimal_readings_are_explained_both_ways() {
    let hint = "a hex catalogue reads `19` as hex, but decimal 19 is 0x13 P_ERROR_MAX_USER in `nuki` (`errcodes explain nuki 0x13`)";
    for args in [
        &["explain", "nuki", "19"][..],
        &["explain", "nuki", "19", "--json"],
        &["lookup", "19"],
        &["lookup", "19", "--json"],
    ] {
        let reason = fails(1, args);
        assert!(one_line(&reason).ends_with(hint), "{args:?}: {reason}");
    }
    let j = json(&["explain", "nuki", "13"]);
    assert_eq!(j["wire"], "0x13");
    assert_eq!(
        j["note"],
        "`13` is read as hex 0x13: `nuki` writes its codes in hex (decimal 13 would be 0x0D)"
    );
    assert!(json(&["explain", "nuki", "0x13"]).get("note").is_none());

    let dir = tempdir();
    let own = catalog_folder(&dir, "team", "good/byte_hex", Some("acme::lock"));
    let text = found(&["explain", "acme-lock", "12", "--catalog", &own]);
    let note = "note: `12` is read as hex 0x12: `acme::lock` writes its codes in hex (decimal 12 would be 0x0C)";
    assert_eq!(text.lines().nth(1), Some(note), "{text}");
    assert!(!text.contains("Nuki"), "{text}");
    let j = json(&["explain", "acme-lock", "12", "--catalog", &own]);
    assert_eq!(j["note"].as_str(), note.strip_prefix("note: "));
    // Decimal 18 is 0x12 in the team's catalogue.
    let reason = fails(1, &["explain", "acme-lock", "18", "--catalog", &own]);
    assert!(
        reason.contains("decimal 18 is 0x12 P_ERROR_BAD_PARAMETER in `acme::lock`"),
        "{reason}"
    );
}

/// Every page the main page names can be printed, and says what it is.
#[test]
fn every_man_page_the_index_names_exists() {
    let index = found(&["man"]);
    let pages: Vec<&str> = index
        .split("errcodes\\-")
        .skip(1)
        .filter_map(|rest| rest.split_once("(1)").map(|(name, _)| name))
        .collect();
    assert!(
        pages.len() >= 7 && pages.contains(&"body") && pages.contains(&"man"),
        "{pages:?}"
    );
    for page in &pages {
        let text = found(&["man", page]);
        assert!(
            text.contains(&format!(".TH errcodes-{page} 1")),
            "{page}: {text}"
        );
    }
    let body = found(&["man", "body"]);
    assert!(body.contains("\\-\\-vendor") && body.contains("\\-\\-status"));
    assert!(!body.contains("\\-\\-catalog"), "body takes no --catalog");
    assert!(!found(&["man", "man"]).contains("\\-\\-json"));
    assert!(fails(2, &["man", "nope"]).contains("a page exists for body"));

    // Help lists what applies, and what it lists is accepted.
    assert!(!found(&["body", "--help"]).contains("--catalog"));
    for command in ["man", "completions"] {
        let help = found(&[command, "--help"]);
        assert!(
            !help.contains("--json") && !help.contains("--color"),
            "{help}"
        );
    }
    assert!(found(&["explain", "--help"]).contains("--catalog"));
    for refused in [
        &["body", "--catalog", "x"][..],
        &["--catalog", "x", "body"],
        &["man", "--json"],
        &["--json", "man"],
        &["--color", "never", "completions", "bash"],
    ] {
        fails(2, refused);
    }
}

/// A 1 MiB body of ~30,000 items, in text and in `--json`: memory stays bounded (the JSON
/// tree of the whole answer once took 744 MB for it); peak resident memory is measured with
/// `/usr/bin/time -v` where it is installed.
#[test]
fn a_one_mib_body_of_many_items_stays_within_bounded_memory() {
    let item = r#"{"success":false,"errorCode":"ff"}"#;
    let n = (errcodes::response::MAX_BODY_BYTES - 40) / (item.len() + 1);
    let body = format!(
        r#"{{"detail":[{}],"success":false}}"#,
        vec![item; n].join(",")
    );
    assert!(body.len() <= errcodes::response::MAX_BODY_BYTES);
    let dir = tempdir();
    let file = dir.join("many.json");
    std::fs::write(&file, &body).unwrap();
    let file = file.to_str().unwrap();
    for args in [&["body", file][..], &["body", file, "--json"]] {
        let time = std::path::Path::new("/usr/bin/time");
        if !time.exists() {
            let run = errcodes(args);
            assert_eq!(run.code, 0);
            continue;
        }
        let out = Command::new(time)
            .arg("-v")
            .arg(env!("CARGO_BIN_EXE_errcodes"))
            .args(args)
            .env("NO_COLOR", "1")
            .stdout(std::process::Stdio::null())
            .output()
            .unwrap();
        assert!(out.status.success(), "{args:?}");
        let report = String::from_utf8_lossy(&out.stderr);
        let kb: u64 = report
            .lines()
            .find_map(|l| {
                l.trim()
                    .strip_prefix("Maximum resident set size (kbytes): ")
            })
            .expect("time -v reports the peak")
            .parse()
            .unwrap();
        eprintln!("{args:?}: peak {kb} kB for {n} items");
        assert!(kb < 128 * 1024, "{args:?}: peak {kb} kB");
    }
}
