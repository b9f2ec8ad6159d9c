//! Every catalogue agrees with the independent tables in `fixtures/sources/` (issue 12), or the
//! disagreement is listed below with its reason. See `catalog/AUDIT.md` for the audit itself.
//!
//! A fixture file holds the facts of one source: a header of `# ` lines naming it (repository
//! and commit, or URL and date), then `[catalogue]` sections of rows:
//!
//! - `0x47 K_ERROR_SL_NOT_CALIBRATED @Smart Lock`: on that device the byte has that name (the
//!   entry's device name for it, else its main name);
//! - `0x10 P_ERROR_NOT_PAIRING`: the name is the entry's name or one of its aliases;
//! - `~429 Too many failed attempts` or `~401`: only the code must be catalogued (the text is
//!   prose or a per-operation response text, not a name);
//! - a trailing `http=401` (or `http=-`, none) checks the HTTP status that carries the code.
//!
//! `# compare: loose` in the header compares ignoring case and `_` (CamelCase spellings).
//!
//! Claim rows pin facts that live in prose (issue 19), so a corrected sentence cannot be
//! edited back unnoticed:
//!
//! - `+423 | DELETE /account/user`: the entry's text (description, remediation, `uncertain`,
//!   causes, and the titles and URLs of the sources it cites) contains the text;
//! - `!0x45 | retries up to three times`: it does not;
//! - value `*` checks the catalogue's YAML file as a whole (module description, comments).

use std::collections::BTreeSet;

use errcodes::Entry;

/// Rows that contradict the catalogue on purpose: (fixture file, row as written, reason).
/// A listed row that no longer disagrees fails the test, so the list cannot go stale.
const EXCEPTIONS: &[(&str, &str, &str)] = &[
    (
        "nukibleesp32.txt",
        "0x47 K_ERROR_NOT_CALIBRATED @Opener",
        "NukiBleEsp32's Opener header copies the Smart Lock names; the catalogue follows go-nuki, \
         which names 0x47 per device type",
    ),
    (
        "nukibleesp32.txt",
        "0x48 K_ERROR_MOTOR_POSITION_LIMIT @Opener",
        "as 0x47: go-nuki names 0x48 K_ERROR_RECORDING_TIMEOUT on the Opener",
    ),
    (
        "nukibleesp32.txt",
        "0x49 K_ERROR_MOTOR_LOW_VOLTAGE @Opener",
        "as 0x47: go-nuki names 0x49 K_ERROR_LOW_VOLTAGE on the Opener",
    ),
    (
        "nukibleesp32.txt",
        "0x47 K_ERROR_NOT_CALIBRATED @Smart Lock",
        "the catalogue records go-nuki's Smart Lock spelling K_ERROR_SL_NOT_CALIBRATED as the \
         Smart Lock name; Nuki's table, pyNukiBT and this header use the main name \
         K_ERROR_NOT_CALIBRATED, which the entry keeps",
    ),
    (
        "iana-http-status-registry.txt",
        "306 (Unused)",
        "reserved, not an assigned status: catalog/README.md leaves it out on purpose",
    ),
    (
        "iana-http-status-registry.txt",
        "418 (Unused)",
        "reserved, not an assigned status: catalog/README.md leaves it out on purpose",
    ),
];

/// Catalogue entries no fixture confirms, with why: the regenerate command's own list.
const UNCONFIRMED: &[(&str, &str, &str)] = codegen::UNCONFIRMED;

struct Row<'a> {
    file: &'a str,
    text: &'a str,
    catalog: &'a str,
    code_only: bool,
    value: &'a str,
    name: &'a str,
    device: Option<&'a str>,
    /// `Some(None)`: the code has no HTTP status of its own.
    http: Option<Option<u16>>,
    loose: bool,
}

fn fixtures() -> Vec<(String, String)> {
    let dir = format!("{}/fixtures/sources", env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .map(|f| f.expect("readable dir").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&p).expect("readable fixture"))
        })
        .collect()
}

fn rows<'a>(file: &'a str, text: &'a str) -> Vec<Row<'a>> {
    assert!(
        text.lines()
            .any(|l| l.starts_with("# source: ") && (l.contains('@') || l.contains("http"))),
        "{file}: the header must name the source (repo@commit or URL)"
    );
    let loose = text.lines().any(|l| l.trim() == "# compare: loose");
    let mut catalog = None;
    let mut out = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') || line.starts_with(['+', '!']) {
            continue;
        }
        if let Some(id) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            catalog = Some(id);
            continue;
        }
        let catalog = catalog.unwrap_or_else(|| panic!("{file}: `{line}` before any [catalogue]"));
        let (code_only, rest) = match line.strip_prefix('~') {
            Some(r) => (true, r),
            None => (false, line),
        };
        let (rest, http) = match rest.rsplit_once(" http=") {
            Some((r, "-")) => (r, Some(None)),
            Some((r, h)) => (r, Some(Some(h.parse().expect("http status")))),
            None => (rest, None),
        };
        let (rest, device) = match rest.split_once(" @") {
            Some((r, d)) => (r, Some(d)),
            None => (rest, None),
        };
        let (value, name) = rest.split_once(' ').unwrap_or((rest, ""));
        out.push(Row {
            file,
            text: line,
            catalog,
            code_only,
            value,
            name,
            device,
            http,
            loose,
        });
    }
    out
}

fn norm(s: &str, loose: bool) -> String {
    if loose {
        s.chars()
            .filter(|c| *c != '_')
            .flat_map(char::to_lowercase)
            .collect()
    } else {
        s.to_owned()
    }
}

/// The entry a row is about, or why the row fails.
fn check(row: &Row) -> Result<Entry, String> {
    let catalog =
        errcodes::catalog(row.catalog).ok_or_else(|| format!("no catalogue `{}`", row.catalog))?;
    let entry = catalog
        .entries()
        .find(|e| norm(e.wire(), row.loose) == norm(row.value, row.loose))
        .ok_or_else(|| format!("`{}` has no code {}", row.catalog, row.value))?;
    if !row.code_only {
        let want = norm(row.name, row.loose);
        let ok = match row.device {
            Some(device) => {
                let on_device = entry
                    .device_names()
                    .find(|d| d.device() == device)
                    .map_or(entry.name(), |d| d.name());
                norm(on_device, row.loose) == want
            }
            None => std::iter::once(entry.name())
                .chain(entry.aliases())
                .any(|n| norm(n, row.loose) == want),
        };
        if !ok {
            return Err(format!(
                "{} is `{}` (aliases {:?}, device names {:?}), the source says `{}`{}",
                entry.wire(),
                entry.name(),
                entry.aliases(),
                entry
                    .device_names()
                    .map(|d| (d.name(), d.device()))
                    .collect::<Vec<_>>(),
                row.name,
                row.device
                    .map(|d| format!(" on the {d}"))
                    .unwrap_or_default()
            ));
        }
    }
    if let Some(http) = row.http
        && entry.http_status() != http
    {
        return Err(format!(
            "{} carries HTTP {:?}, the source says {http:?}",
            entry.wire(),
            entry.http_status()
        ));
    }
    Ok(entry)
}

/// A claim row: `(file, row, catalogue, value, must contain?, text)`.
type Claim<'a> = (&'a str, &'a str, &'a str, &'a str, bool, &'a str);

/// The claim rows of a fixture, which `rows` skips.
fn claims<'a>(file: &'a str, text: &'a str) -> Vec<Claim<'a>> {
    let mut catalog = None;
    let mut out = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        if let Some(id) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            catalog = Some(id);
            continue;
        }
        let (wanted, rest) = match line.chars().next() {
            Some('+') => (true, &line[1..]),
            Some('!') => (false, &line[1..]),
            _ => continue,
        };
        let (value, said) = rest
            .split_once(" | ")
            .unwrap_or_else(|| panic!("{file}: claim `{line}` needs `value | text`"));
        let catalog = catalog.unwrap_or_else(|| panic!("{file}: `{line}` before any [catalogue]"));
        out.push((file, line, catalog, value.trim(), wanted, said.trim()));
    }
    out
}

/// Every piece of prose a reader sees for an entry, with the sources it cites.
fn entry_text(entry: &Entry) -> String {
    let mut text = vec![entry.description().to_owned()];
    text.extend(entry.remediation().map(str::to_owned));
    text.extend(entry.uncertain().map(str::to_owned));
    for cause in entry.causes() {
        text.push(cause.description().to_owned());
        text.extend(cause.remediation().map(str::to_owned));
    }
    for source in entry.sources() {
        text.push(source.title().to_owned());
        text.push(source.url().to_owned());
    }
    text.join("\n")
}

fn catalogue_file(id: &str) -> String {
    let path = format!(
        "{}/../catalog/{}.yaml",
        env!("CARGO_MANIFEST_DIR"),
        id.replace("::", ".")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Why a claim row does not hold, if it does not. Whitespace runs compare as one space, so
/// the YAML's line folding does not matter.
fn check_claim(claim: &Claim) -> Result<(), String> {
    let (_, _, catalog, value, wanted, said) = *claim;
    let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let text = if value == "*" {
        // Comment lines count as prose: drop their `#` so a sentence may wrap.
        catalogue_file(catalog)
            .lines()
            .map(|l| l.trim_start().trim_start_matches('#'))
            .collect::<Vec<_>>()
            .join("\n")
    } else {
        let cat = errcodes::catalog(catalog).ok_or_else(|| format!("no catalogue `{catalog}`"))?;
        let entry = cat
            .entries()
            .find(|e| e.wire() == value)
            .ok_or_else(|| format!("`{catalog}` has no code {value}"))?;
        entry_text(&entry)
    };
    let has = squash(&text).contains(&squash(said));
    match (wanted, has) {
        (true, false) => Err(format!("{catalog} {value} no longer says `{said}`")),
        (false, true) => Err(format!("{catalog} {value} says `{said}` again")),
        _ => Ok(()),
    }
}

#[test]
fn corrected_prose_stays_corrected() {
    let mut failures = Vec::new();
    let mut count = 0;
    for (file, text) in &fixtures() {
        for claim in claims(file, text) {
            count += 1;
            if let Err(why) = check_claim(&claim) {
                failures.push(format!("{}: `{}`: {why}", claim.0, claim.1));
            }
        }
    }
    assert!(count > 0, "the claim rows are missing");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_catalogue_agrees_with_the_independent_sources() {
    let files = fixtures();
    assert!(files.len() >= 20, "the fixture tables are missing");
    let mut failures = Vec::new();
    let mut used_exceptions = BTreeSet::new();
    let mut confirmed: BTreeSet<(&str, &str)> = BTreeSet::new();
    for (file, text) in &files {
        for row in rows(file, text) {
            let excepted = EXCEPTIONS
                .iter()
                .position(|(f, r, _)| *f == row.file && *r == row.text);
            match (check(&row), excepted) {
                (Ok(entry), None) => {
                    confirmed.insert((entry.catalog(), entry.wire()));
                }
                (Ok(_), Some(_)) => failures.push(format!(
                    "{}: `{}` agrees now; remove it from EXCEPTIONS",
                    row.file, row.text
                )),
                (Err(_), Some(i)) => {
                    used_exceptions.insert(i);
                }
                (Err(why), None) => failures.push(format!("{}: `{}`: {why}", row.file, row.text)),
            }
        }
    }
    for (i, (file, row, _)) in EXCEPTIONS.iter().enumerate() {
        if !used_exceptions.contains(&i) {
            failures.push(format!(
                "EXCEPTIONS lists `{row}` of {file}, which no fixture has"
            ));
        }
    }
    for catalog in errcodes::catalogs() {
        for e in catalog.entries() {
            let listed = UNCONFIRMED
                .iter()
                .any(|(c, w, _)| *c == catalog.id() && (*w == "*" || *w == e.wire()));
            let seen = confirmed.contains(&(catalog.id(), e.wire()));
            if !seen && !listed {
                failures.push(format!(
                    "{} {} {}: no fixture confirms it; add the source's table or list it in \
                     UNCONFIRMED with the reason",
                    catalog.id(),
                    e.wire(),
                    e.name()
                ));
            }
            if seen
                && listed
                && !UNCONFIRMED
                    .iter()
                    .any(|(c, w, _)| *c == catalog.id() && *w == "*")
            {
                failures.push(format!(
                    "{} {} is confirmed now; remove it from UNCONFIRMED",
                    catalog.id(),
                    e.wire()
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The single-unofficial-source marker is derived from `official:`, so every source of every
/// catalogue must say which it is; a source that left it out would count as official.
#[test]
fn every_catalogue_source_says_whether_it_is_official() {
    let dir = format!("{}/../catalog", env!("CARGO_MANIFEST_DIR"));
    for file in std::fs::read_dir(&dir).unwrap() {
        let path = file.unwrap().path();
        if path.extension().is_none_or(|e| e != "yaml") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let sources = text
            .split("\nentries:")
            .next()
            .and_then(|head| head.split("\nsources:").nth(1))
            .unwrap_or_else(|| panic!("{}: no sources", path.display()));
        let ids = sources.matches("\n  - id: ").count();
        let flags = sources.matches("\n    official: ").count();
        assert_eq!(
            ids,
            flags,
            "{}: a source without `official:`",
            path.display()
        );
    }
}

/// Product text cites the vendor's URL or a repository at a commit, never a folder that only
/// exists beside this checkout (`shared/`, the research notes).
#[test]
fn no_catalogue_cites_a_folder_outside_the_repository() {
    let dir = format!("{}/../catalog", env!("CARGO_MANIFEST_DIR"));
    for file in std::fs::read_dir(&dir).unwrap() {
        let path = file.unwrap().path();
        if path.extension().is_none_or(|e| e != "yaml") && !path.ends_with("AUDIT.md") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(
            !text.contains("shared/"),
            "{}: cites `shared/`; cite the public URL",
            path.display()
        );
    }
}

#[test]
fn markers_show_where_the_sources_are_weak() {
    let only_go_nuki = errcodes::lookup("nuki", "50").unwrap();
    assert!(only_go_nuki.single_unofficial_source());
    let seven_sources = errcodes::lookup("nuki", "13").unwrap();
    assert!(!seven_sources.single_unofficial_source());
    assert_eq!(seven_sources.sources().len(), 7);
    // Nuki's own Bluetooth specification (Smart Lock API V2.1) is cited as official.
    let ble = seven_sources.sources().nth(1).expect("a second source");
    assert!(ble.is_official() && ble.title().contains("Smart Lock API V2.1"));
    let byte = errcodes::lookup("nuki", "48").unwrap();
    assert_eq!(byte.device_of("K_ERROR_RECORDING_TIMEOUT"), Some("Opener"));
    assert_eq!(byte.device_of("K_ERROR_MOTOR_POSITION_LIMIT"), None);
    let official = errcodes::lookup("knox::tag", "4000000").unwrap();
    assert!(official.source().is_official());
}
