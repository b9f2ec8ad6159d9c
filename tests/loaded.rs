//! Catalogues loaded at run time (`errcodes_build::load_catalogs`, behind `errcodes --catalog DIR`)
//! are the catalogues generation would compile: the same records, the same answers, and the
//! same problems for a bad file.

use std::path::{Path, PathBuf};

use errcodes::{Catalog, KeyKind, ParseErrorKind, Value, WireFormat};

fn fixture(dir: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(dir)
}

fn load(dir: &Path) -> Vec<&'static Catalog> {
    errcodes_build::load_catalogs(dir).unwrap_or_else(|problems| {
        panic!("{}: {problems:#?}", dir.display());
    })
}

/// Loading the workspace's own `catalog/` gives every built-in catalogue again, field for
/// field and entry for entry, and every name and wire text finds the same entry in both.
#[test]
fn the_real_catalogue_loaded_at_run_time_equals_the_generated_one() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let loaded = load(&root.join("catalog"));
    let builtin = errcodes::catalogs();
    assert_eq!(loaded.len(), builtin.len());
    for (l, b) in loaded.iter().zip(builtin) {
        assert_eq!(
            (l.id(), l.slug(), l.title(), l.key(), l.wire_format()),
            (b.id(), b.slug(), b.title(), b.key(), b.wire_format())
        );
        let sources = |c: &Catalog| c.sources().collect::<Vec<_>>();
        assert_eq!(sources(l), sources(b), "{}", b.id());
        let entries = |c: &Catalog| c.entries().collect::<Vec<_>>();
        assert_eq!(entries(l), entries(b), "{}", b.id());
        for e in b.entries() {
            let texts = [e.wire(), e.name()].into_iter().chain(e.aliases());
            for text in texts {
                assert_eq!(l.lookup(text), b.lookup(text), "{} {text}", b.id());
            }
        }
    }
}

#[test]
fn signed_string_hex_and_nested_fixtures_answer_their_lookups() {
    let acme = load(&fixture("good/signed_i32"));
    let [acme] = acme.as_slice() else {
        panic!("one catalogue")
    };
    assert_eq!(
        (acme.key(), acme.wire_format()),
        (KeyKind::I32, WireFormat::Decimal)
    );
    assert_eq!(acme.lookup("-12").map(|e| e.name()), Ok("E_TIMEOUT"));
    assert_eq!(
        acme.lookup("-2147483648").map(|e| e.value()),
        Ok(Value::Signed(i64::from(i32::MIN)))
    );
    assert_eq!(acme.lookup("E_BAD_PIN").map(|e| e.wire()), Ok("7"));
    assert_eq!(
        acme.lookup("-2147483649").map_err(|e| e.kind()),
        Err(ParseErrorKind::OutOfRange)
    );
    assert_eq!(
        acme.lookup("-13").unwrap_err().value(),
        Some(Value::Signed(-13))
    );

    let sdk = load(&fixture("good/string_key"));
    let sdk = sdk[0];
    assert_eq!(sdk.key(), KeyKind::Text);
    for e in sdk.entries() {
        assert_eq!(sdk.parse_wire(e.wire()), Ok(e));
        assert_eq!(sdk.find_name(e.name()), Some(e));
        for alias in e.aliases() {
            assert_eq!(sdk.find_name(alias), Some(e), "{alias}");
        }
    }
    assert_eq!(
        sdk.parse_wire("").map_err(|e| e.kind()),
        Err(ParseErrorKind::Empty)
    );

    let lock = load(&fixture("good/byte_hex"));
    let lock = lock[0];
    assert_eq!(lock.wire_format(), WireFormat::Hex);
    let first = lock.entries().next().expect("an entry");
    let Value::Unsigned(v) = first.value() else {
        panic!("a byte")
    };
    for text in [format!("{v:x}"), format!("0x{v:02X}"), format!("{v:02X}")] {
        assert_eq!(lock.parse_wire(&text), Ok(first), "{text}");
    }
    assert_eq!(
        lock.parse_wire("100").map_err(|e| e.kind()),
        Err(ParseErrorKind::OutOfRange)
    );

    let nested = load(&fixture("good/nested"));
    let ids: Vec<&str> = nested.iter().map(|c| c.id()).collect();
    assert_eq!(ids, ["other::deep::thing", "vendor", "vendor::bridge"]);
    let served: Vec<&Catalog> = errcodes::catalogs()
        .iter()
        .chain(&nested)
        .copied()
        .collect();
    let bridge = errcodes::catalog_in(&served, "vendor-bridge").expect("by slug");
    assert_eq!(bridge.id(), "vendor::bridge");
    let e = bridge.entries().next().expect("an entry");
    assert_eq!(
        errcodes::lookup_in(&served, "vendor::bridge", e.name()),
        Ok(e)
    );
    assert_eq!(
        errcodes::lookup_in(&served, "nuki", "ff").map(|e| e.name()),
        Ok("ERROR_UNKNOWN")
    );
}

/// A bad folder gives generation's problems, every one, with paths under the folder as given.
#[test]
fn a_bad_folder_reports_what_generation_reports_under_its_own_path() {
    for case in ["many_problems", "two_files", "no_yaml_files"] {
        let dir = fixture("bad").join(case);
        let loaded = errcodes_build::load_catalogs(&dir).expect_err(case);
        let generated = codegen::generate(&dir).expect_err(case);
        assert_eq!(loaded.len(), generated.len(), "{case}");
        for (l, g) in loaded.iter().zip(&generated) {
            assert_eq!((l.line, l.col, &l.message), (g.line, g.col, &g.message));
            let file = g.path.strip_prefix(case).expect("under the folder's name");
            let expected = format!("{}{file}", dir.display());
            assert_eq!(l.path, expected, "{case}");
        }
    }
    let many = errcodes_build::load_catalogs(&fixture("bad/many_problems")).unwrap_err();
    assert!(
        many.len() >= 3 && many.iter().all(|d| d.line > 0),
        "{many:#?}"
    );
}

#[test]
fn a_catalogue_whose_id_or_slug_is_served_already_is_refused_at_its_id() {
    let dir = fixture("good/signed_i32");
    let acme = load(&dir);
    let problems = errcodes_build::load_catalogs_beside(&dir, &acme).unwrap_err();
    assert_eq!(problems.len(), 1);
    let p = &problems[0];
    assert_eq!(p.path, dir.join("acme.yaml").display().to_string());
    assert_eq!(p.line, 1);
    assert!(
        p.message.contains("`acme`") && p.message.contains("another id"),
        "{p}"
    );

    // `nuki_bridge` is not an id errcodes has, but its slug is built-in `nuki::bridge`'s.
    let built_in: Vec<&Catalog> = errcodes::catalogs().to_vec();
    assert!(errcodes_build::load_catalogs_beside(&dir, &built_in).is_ok());
    let tmp = tempfile::tempdir().unwrap();
    let yaml = std::fs::read_to_string(dir.join("acme.yaml")).unwrap();
    let yaml = yaml.replacen("id: acme", "id: nuki_bridge", 1);
    std::fs::write(tmp.path().join("bridge.yaml"), yaml).unwrap();
    let problems = errcodes_build::load_catalogs_beside(tmp.path(), &built_in).unwrap_err();
    assert_eq!(problems.len(), 1, "{problems:#?}");
    let message = problems[0].to_string();
    assert!(
        message.contains("bridge.yaml:1: catalogue id `nuki_bridge` (slug `nuki-bridge`)"),
        "{message}"
    );
    assert!(message.contains("`nuki::bridge`"), "{message}");
}
