//! `errcodes`: explain, look up, search and list the catalogued vendor error codes.
//!
//! Exit status: 0 found, 1 not found, 2 usage error; every failure prints one line on
//! stderr, with close matches when there are any. With `--json`, stdout carries the
//! documented JSON shape on success and nothing on failure.

#![forbid(unsafe_code)]

mod find;
mod show;

use std::io::Write;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use errcodes::{Entry, ParseErrorKind};

use show::Style;

/// Explain vendor error codes (HTTP, Nuki, Tapkey, Samsung Knox) from the errcodes catalogue.
#[derive(Debug, Parser)]
#[command(name = "errcodes", version, propagate_version = true)]
struct Cli {
    /// Print JSON for scripts instead of text.
    #[arg(long, global = true)]
    json: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Everything known about one code of one catalogue.
    ///
    /// Examples: `explain nuki 0x13`, `explain nuki ff`, `explain nuki P_ERROR_MAX_USER`,
    /// `explain knox-tag 4000000`, `explain http 503`.
    Explain {
        /// Catalogue id (`knox::tag`) or slug (`knox-tag`); see `errcodes list`.
        #[arg(value_name = "CATALOGUE")]
        catalog: String,
        /// The code as it arrived: wire value (`0x13`, `ff`, `4000000`) or name.
        #[arg(allow_hyphen_values = true)]
        code: String,
    },
    /// The code in every catalogue that has that wire value or name.
    Lookup {
        /// Wire value (`0x13`, `404`) or name.
        #[arg(allow_hyphen_values = true)]
        code: String,
    },
    /// Entries whose name, alias or description contains TEXT (any case), best first.
    Search {
        /// Text to look for.
        #[arg(allow_hyphen_values = true)]
        text: String,
    },
    /// Every catalogue with its entry count, or the entries of one catalogue.
    List {
        /// Catalogue id (`knox::tag`) or slug (`knox-tag`).
        #[arg(value_name = "CATALOGUE")]
        catalog: Option<String>,
    },
}

/// Why a command printed nothing.
enum Failure {
    /// Exit 1: nothing matched.
    NotFound(String),
    /// Exit 2: the arguments cannot be served.
    Usage(String),
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            // Help and version go to stdout with 0; usage errors to stderr with 2.
            let _ = err.print();
            return ExitCode::from(if err.use_stderr() { 2 } else { 0 });
        }
    };
    match run(&cli) {
        Ok(text) => {
            // A closed pipe (`errcodes list nuki | head -1`) is not an error worth reporting.
            let _ = std::io::stdout().lock().write_all(text.as_bytes());
            ExitCode::SUCCESS
        }
        Err(Failure::NotFound(reason)) => {
            eprintln!("errcodes: {reason}");
            ExitCode::from(1)
        }
        Err(Failure::Usage(reason)) => {
            eprintln!("errcodes: {reason}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: &Cli) -> Result<String, Failure> {
    let style = Style::detect();
    match &cli.command {
        Command::Explain { catalog, code } => {
            let entry = explain(catalog, code)?;
            Ok(if cli.json {
                show::json_text(&show::entry_json(entry))
            } else {
                show::explain(entry, style)
            })
        }
        Command::Lookup { code } => {
            nonempty(code, "code")?;
            let found = find::everywhere(code);
            if found.is_empty() {
                return Err(Failure::NotFound(format!(
                    "no catalogue has a code or name `{}`{}",
                    code.trim(),
                    hint(&close_names(code))
                )));
            }
            Ok(entries(&found, cli.json, style))
        }
        Command::Search { text } => {
            nonempty(text, "search text")?;
            let found = find::search(text);
            if found.is_empty() {
                return Err(Failure::NotFound(format!(
                    "no entry's name or description contains `{}`{}",
                    text.trim(),
                    hint(&close_names(text))
                )));
            }
            Ok(entries(&found, cli.json, style))
        }
        Command::List { catalog: None } => {
            let all: Vec<_> = find::catalogs().collect();
            Ok(if cli.json {
                let list: Vec<_> = all.iter().map(|c| show::catalog_json(c, false)).collect();
                show::json_text(&list.into())
            } else {
                show::catalog_table(&all, style)
            })
        }
        Command::List {
            catalog: Some(name),
        } => {
            let c = catalog(name)?;
            Ok(if cli.json {
                show::json_text(&show::catalog_json(c, true))
            } else {
                show::catalog_entries(c, style)
            })
        }
    }
}

fn nonempty(text: &str, what: &str) -> Result<(), Failure> {
    if text.trim().is_empty() {
        return Err(Failure::Usage(format!("the {what} is empty")));
    }
    Ok(())
}

fn entries(found: &[&Entry], json: bool, style: Style) -> String {
    if json {
        let list: Vec<_> = found.iter().map(|e| show::entry_json(e)).collect();
        show::json_text(&list.into())
    } else {
        show::entries(found, style)
    }
}

fn catalog(name: &str) -> Result<&'static errcodes::Catalog, Failure> {
    find::catalog(name).ok_or_else(|| {
        let close = find::close_catalogs(name);
        let hint = if close.is_empty() {
            "; `errcodes list` shows them all".to_owned()
        } else {
            hint(&close)
        };
        Failure::NotFound(format!("no catalogue `{}`{hint}", name.trim()))
    })
}

fn explain(catalog_name: &str, code: &str) -> Result<&'static Entry, Failure> {
    let catalog = catalog(catalog_name)?;
    nonempty(code, "code")?;
    find::entry(catalog, code).map_err(|err| {
        let code = code.trim();
        // The crate's own reason names the catalogue and what it expects.
        let reason = match err.kind() {
            ParseErrorKind::Unknown if err.value().is_none() => {
                format!("`{}` has no code or name `{code}`", catalog.id())
            }
            _ => err.to_string(),
        };
        let close: Vec<String> = find::close(code, catalog.entries().iter().flat_map(find::names))
            .into_iter()
            .filter_map(|name| {
                let e = catalog.find_name(name)?;
                Some(format!("{name} ({})", e.wire()))
            })
            .collect();
        let elsewhere: Vec<String> = find::everywhere(code)
            .iter()
            .map(|e| format!("`errcodes explain {} {code}`", slug(e)))
            .collect();
        let hint = if !close.is_empty() {
            hint(&close)
        } else if !elsewhere.is_empty() {
            format!("; found elsewhere: {}", elsewhere.join(", "))
        } else {
            format!("; `errcodes list {}` shows its codes", catalog.slug())
        };
        Failure::NotFound(format!("{reason}{hint}"))
    })
}

/// The slug of an entry's catalogue, for a command line.
fn slug(e: &Entry) -> &'static str {
    errcodes::catalog(e.catalog()).map_or(e.catalog(), |c| c.slug())
}

/// Names of any catalogue near `text`, with the catalogue each belongs to.
fn close_names(text: &str) -> Vec<String> {
    let all: Vec<(&str, &Entry)> = find::catalogs()
        .flat_map(|c| c.entries())
        .flat_map(|e| find::names(e).map(move |n| (n, e)))
        .collect();
    let close = find::close(text, all.iter().map(|(n, _)| *n));
    close
        .into_iter()
        .map(|name| {
            let (_, e) = all.iter().find(|(n, _)| *n == name).expect("a candidate");
            format!("{name} ({} {})", slug(e), e.wire())
        })
        .collect()
}

/// `; did you mean a, b or c?`, or nothing.
fn hint(close: &[impl AsRef<str>]) -> String {
    let close: Vec<&str> = close.iter().map(AsRef::as_ref).collect();
    match close.as_slice() {
        [] => String::new(),
        [one] => format!("; did you mean {one}?"),
        [rest @ .., last] => format!("; did you mean {} or {last}?", rest.join(", ")),
    }
}
