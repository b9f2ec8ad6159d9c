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

const ENTRY_FIELDS: [&str; 14] = [
    "action",
    "advice",
    "aliases",
    "catalog",
    "causes",
    "deprecated",
    "description",
    "http_status",
    "name",
    "remediation",
    "source",
    "uncertain",
    "value",
    "wire",
];

/// The documented entry object: exactly these fields, each of its type.
fn check_entry_shape(e: &Json) {
    let keys: Vec<&str> = e.as_object().unwrap().keys().map(String::as_str).collect();
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
    assert_eq!(source, ["id", "title", "url"]);
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
        alias.contains("aliases      K_ERROR_SL_NOT_CALIBRATED, K_ERROR_OPENER_NOT_CALIBRATED")
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
    assert_eq!(ranks("unauthorized"), [0, 0, 0, 0, 0, 1, 2]);
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
