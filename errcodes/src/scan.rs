//! Lookups by scanning the entries, for catalogues built at run time (no generated tables).
//!
//! The wire text goes through the same parser the generated modules call (`parse_key`,
//! `found_text`) with the key kind's range, so a scanned catalogue accepts, rejects and
//! reports exactly what its generated twin would; the tests below hold them to that.

use crate::wire::{found_text, parse_key};
use crate::{Catalog, Entry, ParseError, Value};

/// An integer value as one comparable number.
fn int_of(value: Value) -> Option<i128> {
    match value {
        Value::Unsigned(v) => Some(v.into()),
        Value::Signed(v) => Some(v.into()),
        Value::Text(_) => None,
    }
}

/// [`Catalog::parse_wire`] for a catalogue without tables.
pub(crate) fn by_wire(c: &Catalog, text: &str) -> Result<Entry, ParseError> {
    let Some((lo, hi)) = c.key.range() else {
        let found = c
            .entries()
            .find(|e| matches!(e.value(), Value::Text(v) if v == text));
        return found_text(text, found, c.id);
    };
    parse_key(text, c.wire, lo, hi, c.id, |value| {
        c.entries().find(|e| int_of(e.value()) == Some(value))
    })
}

/// [`Catalog::find_name`] for a catalogue without tables: a spec name, else an alias.
pub(crate) fn by_name(c: &Catalog, name: &str) -> Option<Entry> {
    c.entries()
        .find(|e| e.name() == name)
        .or_else(|| c.entries().find(|e| e.aliases().any(|a| a == name)))
}

#[cfg(test)]
mod tests {
    extern crate std;
    use std::string::{String, ToString};
    use std::vec::Vec;

    use crate::__private::v1::{self, CatalogParts, ExtraParts, TableParts, Texts, source};
    use crate::{Action, Catalog, Entry, KeyKind, ParseErrorKind, Source, Value, WireFormat};

    static SOURCES: [Source; 1] = [source("sdk", "ACME SDK", "https://example.com", true)];
    static CITED: [&Source; 1] = [&SOURCES[0]];

    static WIRES: Texts = v1::texts!("-2147483648", "-12", "0", "7");
    static NAMES: Texts = v1::texts!("E_MIN", "E_TIMEOUT", "OK", "E_BAD_PIN");
    static TABLE: v1::Table = v1::table(TableParts {
        id: "acme",
        key: KeyKind::I32,
        values: &[
            v1::signed(-2_147_483_648),
            v1::signed(-12),
            v1::signed(0),
            v1::signed(7),
        ],
        wires: &WIRES,
        names: &NAMES,
        actions: &[Action::Retry; 4],
        extra_of: &[0, 0, 0, 1],
        extras: &[
            v1::extra(ExtraParts {
                source: &SOURCES[0],
                sources: &CITED,
                ..ExtraParts::EMPTY
            }),
            v1::extra(ExtraParts {
                source: &SOURCES[0],
                sources: &CITED,
                aliases: &["E_PIN", "OK_NOT"],
                ..ExtraParts::EMPTY
            }),
        ],
        ..TableParts::EMPTY
    });

    static ACME: Catalog = v1::catalog(CatalogParts {
        id: "acme",
        slug: "acme",
        title: "Signed codes",
        key: KeyKind::I32,
        wire: WireFormat::Decimal,
        sources: &SOURCES,
        table: &TABLE,
        ..CatalogParts::EMPTY
    });

    fn name(found: Result<Entry, crate::ParseError>) -> Result<&'static str, ParseErrorKind> {
        found.map(|e| e.name()).map_err(|e| e.kind())
    }

    #[test]
    fn signed_decimal_codes_and_their_range() {
        assert_eq!(name(ACME.parse_wire("-12")), Ok("E_TIMEOUT"));
        assert_eq!(name(ACME.parse_wire("-2147483648")), Ok("E_MIN"));
        assert_eq!(name(ACME.parse_wire("0")), Ok("OK"));
        assert_eq!(
            name(ACME.parse_wire("-2147483649")),
            Err(ParseErrorKind::OutOfRange)
        );
        assert_eq!(
            name(ACME.parse_wire("2147483648")),
            Err(ParseErrorKind::OutOfRange)
        );
        assert_eq!(
            name(ACME.parse_wire("+7")),
            Err(ParseErrorKind::InvalidSyntax)
        );
        assert_eq!(
            name(ACME.parse_wire("0x7")),
            Err(ParseErrorKind::InvalidSyntax)
        );
        assert_eq!(name(ACME.parse_wire("")), Err(ParseErrorKind::Empty));
        let unknown = ACME.parse_wire("-13").unwrap_err();
        assert_eq!(unknown.kind(), ParseErrorKind::Unknown);
        assert_eq!(unknown.value(), Some(Value::Signed(-13)));
        assert_eq!(unknown.to_string(), "`acme` has no code -13");
    }

    #[test]
    fn names_then_aliases_exactly_as_written() {
        assert_eq!(
            ACME.find_name("E_TIMEOUT").as_ref().map(Entry::wire),
            Some("-12")
        );
        assert_eq!(ACME.find_name("E_PIN").as_ref().map(Entry::wire), Some("7"));
        assert_eq!(ACME.find_name("e_timeout"), None);
        assert_eq!(ACME.find_name(""), None);
        assert_eq!(name(ACME.lookup("OK_NOT")), Ok("E_BAD_PIN"));
        assert_eq!(name(ACME.lookup("7")), Ok("E_BAD_PIN"));
        assert_eq!(name(ACME.lookup("nothing")), Err(ParseErrorKind::Unknown));
        assert_eq!(name(ACME.lookup("99")), Err(ParseErrorKind::Unknown));
    }

    #[test]
    fn a_scanned_catalogue_joins_the_cross_catalogue_queries() {
        let served = [&ACME];
        assert_eq!(
            crate::catalog_in(&served, "acme").map(Catalog::id),
            Some("acme")
        );
        assert_eq!(
            name(crate::lookup_in(&served, "acme", "-12")),
            Ok("E_TIMEOUT")
        );
        let err = crate::lookup_in(&served, "nuki", "ff").unwrap_err();
        assert_eq!(err.kind(), ParseErrorKind::UnknownCatalog);
        assert_eq!(err.catalog(), "nuki");
    }

    /// Every built-in catalogue rebuilt from its entries alone answers every probe exactly as
    /// its generated tables do: hex (`nuki`), decimal (`http`, `knox::tag`), string
    /// (`tapkey::command_result`), names and aliases, and every kind of bad text.
    #[cfg(feature = "all-catalogues")]
    #[test]
    fn scanned_twins_of_the_built_in_catalogues_answer_alike() {
        let ids: Vec<&str> = crate::catalogs().iter().map(|c| c.id()).collect();
        for needed in ["nuki", "http", "knox::tag", "tapkey::command_result"] {
            assert!(ids.contains(&needed), "{needed} is built in");
        }
        let mut probes_run = 0;
        for builtin in crate::catalogs() {
            let twin = v1::catalog(CatalogParts {
                id: builtin.id(),
                slug: builtin.slug(),
                title: builtin.title(),
                key: builtin.key(),
                wire: builtin.wire_format(),
                sources: builtin.sources,
                table: builtin.table,
                entries: &[],
                absent: builtin.absent(),
                by_wire: None,
                by_name: None,
            });
            let mut probes: Vec<String> = [
                "",
                " ",
                "-",
                "0",
                "0x",
                "0x0",
                "-1",
                "+1",
                "zz",
                "ff",
                "FF",
                "0xFF",
                "1000",
                "99999999999999999999999999999999999999999",
                "٣",
                "Not Found",
                "ok",
            ]
            .map(String::from)
            .to_vec();
            for e in builtin.entries() {
                probes.push(e.wire().into());
                probes.push(e.wire().to_lowercase());
                probes.push(e.wire().trim_start_matches("0x").into());
                probes.push(e.value().to_string());
                probes.push(std::format!("-{}", e.value()));
                probes.push(std::format!("{}0", e.value()));
                probes.push(e.name().into());
                probes.push(e.name().to_lowercase());
                probes.extend(e.aliases().map(String::from));
            }
            for p in &probes {
                let id = builtin.id();
                assert_eq!(twin.parse_wire(p), builtin.parse_wire(p), "{id} wire {p:?}");
                assert_eq!(twin.find_name(p), builtin.find_name(p), "{id} name {p:?}");
                assert_eq!(twin.lookup(p), builtin.lookup(p), "{id} lookup {p:?}");
                probes_run += 1;
            }
        }
        assert!(probes_run > 1000, "{probes_run} probes");
    }
}
