//! `errcodes`: explain vendor response bodies, and explain, look up, search and list the
//! catalogued vendor error codes.
//!
//! Exit status: 0 found, 1 not found, 2 usage or I/O error (including a failed write to
//! stdout, except a closed pipe); every failure prints one line on stderr, with close
//! matches when there are any. With `--json`, stdout carries the documented JSON shape on
//! success and nothing on failure. The one exception to one line: a `--catalog` folder with
//! bad files lists every problem as `path:line:col: message`, then a summary line (exit 2).

#![forbid(unsafe_code)]

mod body;
mod find;
mod show;

use std::io::Write;
use std::process::ExitCode;

use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};
use errcodes::{Entry, ParseErrorKind};

use show::Style;

/// Explain vendor error codes (HTTP, Nuki, Tapkey, Samsung Knox) from the errcodes catalogue.
#[derive(Debug, Parser)]
#[command(name = "errcodes", version, propagate_version = true)]
struct Cli {
    /// Print JSON for scripts instead of text (also after the command; not for
    /// `completions` and `man`).
    #[arg(long)]
    json: bool,
    /// When to colour the output (also after the command; not for `completions` and `man`):
    /// `auto` (the default: a terminal, unless `NO_COLOR` is set, `TERM=dumb` or
    /// `CLICOLOR=0`; `CLICOLOR_FORCE=1` forces it), `always` or `never`.
    #[arg(long, value_name = "WHEN")]
    color: Option<ColorWhen>,
    /// Also serve the catalogues in DIR's `*.yaml` files (also after the command; for
    /// `explain`, `lookup`, `search` and `list`).
    #[arg(long = "catalog", value_name = "DIR")]
    catalog_dirs: Vec<std::path::PathBuf>,
    #[command(subcommand)]
    command: Command,
}

/// `--json` and `--color`, for the commands that print explanations.
#[derive(Debug, Clone, Args)]
struct Output {
    /// Print JSON for scripts instead of text.
    #[arg(long)]
    json: bool,
    /// When to colour the output: `auto` (the default: a terminal, unless `NO_COLOR` is set,
    /// `TERM=dumb` or `CLICOLOR=0`; `CLICOLOR_FORCE=1` forces it), `always` or `never`.
    #[arg(long, value_name = "WHEN")]
    color: Option<ColorWhen>,
}

/// `--catalog DIR`, for the commands that look codes up.
#[derive(Debug, Clone, Args)]
struct Catalogs {
    /// Also serve the catalogues in DIR's `*.yaml` files, beside the built-in ones
    /// (repeatable). The files are checked as the generator checks `catalog/`: every problem
    /// is printed as `path:line:col: message` and the command exits 2. An id or slug that is
    /// already served is refused.
    #[arg(long = "catalog", value_name = "DIR")]
    dirs: Vec<std::path::PathBuf>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum ColorWhen {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Explain every code in a vendor response body (a webhook, an error object).
    ///
    /// Reads FILE, or standard input when FILE is `-` or absent (`pbpaste | errcodes body`).
    /// The vendor is recognised from the body's shape: Nuki Web API result (`detail` with
    /// `errorCode`), Knox error object (`result`, `code`), Tapkey error body (`ErrorCode`,
    /// `ErrorMessage`, …), Nuki Bridge response (`success`). Bodies are limited to
    /// 1 MiB (1048576 bytes). Exit 0: understood; 1: JSON of no known vendor shape, or a
    /// code that cannot be read; 2: not JSON, too large, unreadable, or a usage error.
    Body {
        /// The body's file; `-` or nothing for standard input.
        #[arg(value_name = "FILE")]
        file: Option<String>,
        /// Read the body as this vendor's instead of recognising its shape.
        #[arg(long, value_enum)]
        vendor: Option<body::Vendor>,
        /// The response's HTTP status: Tapkey's and the Bridge's meaning depend on it.
        /// Without it, a Bridge body is read as HTTP 200 and the output says so; a Knox
        /// object's own `result` is used.
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(100..=999))]
        status: Option<u16>,
        #[command(flatten)]
        output: Output,
    },
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
        #[command(flatten)]
        output: Output,
        #[command(flatten)]
        catalogs: Catalogs,
    },
    /// The code in every catalogue that has that wire value or name.
    Lookup {
        /// Wire value (`0x13`, `404`) or name.
        #[arg(allow_hyphen_values = true)]
        code: String,
        #[command(flatten)]
        output: Output,
        #[command(flatten)]
        catalogs: Catalogs,
    },
    /// Entries whose name, alias or description contains TEXT (any case), best first.
    ///
    /// Every word is part of the query: `errcodes search not connected`. Entries holding the
    /// words as a phrase come first, then those holding every word.
    Search {
        /// Text to look for.
        #[arg(required = true, num_args = 1..)]
        text: Vec<String>,
        /// Show at most N entries (0: all).
        #[arg(long, value_name = "N", default_value_t = 10)]
        limit: usize,
        #[command(flatten)]
        output: Output,
        #[command(flatten)]
        catalogs: Catalogs,
    },
    /// Every catalogue with its entry count, or the entries of one catalogue.
    List {
        /// Catalogue id (`knox::tag`) or slug (`knox-tag`).
        #[arg(value_name = "CATALOGUE")]
        catalog: Option<String>,
        #[command(flatten)]
        output: Output,
        #[command(flatten)]
        catalogs: Catalogs,
    },
    /// Print a shell completion script: `errcodes completions bash > /etc/bash_completion.d/errcodes`.
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print a manual page (roff): `errcodes man > errcodes.1`, `errcodes man body >
    /// errcodes-body.1`; one for the command and one for each command it lists.
    Man {
        /// The command whose page to print (`body`, `explain`, …); none for the main page.
        #[arg(value_name = "COMMAND")]
        command: Option<String>,
    },
}

/// What the command line asks for, whichever side of the command a flag was given on.
struct Settings {
    json: bool,
    color: ColorWhen,
    catalog_dirs: Vec<std::path::PathBuf>,
}

impl Cli {
    /// Merges the flags given before the command with those after it; a flag before a
    /// command it does not apply to is a usage error, as it is after it.
    fn settings(&self) -> Result<Settings, String> {
        let (output, catalogs) = match &self.command {
            Command::Body { output, .. } => (Some(output), None),
            Command::Explain {
                output, catalogs, ..
            }
            | Command::Lookup {
                output, catalogs, ..
            }
            | Command::Search {
                output, catalogs, ..
            }
            | Command::List {
                output, catalogs, ..
            } => (Some(output), Some(catalogs)),
            Command::Completions { .. } | Command::Man { .. } => (None, None),
        };
        let name = self.command_name();
        let refuse = |flag: &str| Err(format!("`{flag}` does not apply to `errcodes {name}`"));
        if output.is_none() && self.json {
            return refuse("--json");
        }
        if output.is_none() && self.color.is_some() {
            return refuse("--color");
        }
        if catalogs.is_none() && !self.catalog_dirs.is_empty() {
            return refuse("--catalog");
        }
        let mut catalog_dirs = self.catalog_dirs.clone();
        catalog_dirs.extend(catalogs.iter().flat_map(|c| c.dirs.iter().cloned()));
        Ok(Settings {
            json: self.json || output.is_some_and(|o| o.json),
            color: output
                .and_then(|o| o.color)
                .or(self.color)
                .unwrap_or(ColorWhen::Auto),
            catalog_dirs,
        })
    }

    fn command_name(&self) -> &'static str {
        match self.command {
            Command::Body { .. } => "body",
            Command::Explain { .. } => "explain",
            Command::Lookup { .. } => "lookup",
            Command::Search { .. } => "search",
            Command::List { .. } => "list",
            Command::Completions { .. } => "completions",
            Command::Man { .. } => "man",
        }
    }
}

/// Why a command printed nothing.
pub(crate) enum Failure {
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
    let settings = match cli.settings() {
        Ok(settings) => settings,
        Err(reason) => {
            eprintln!("errcodes: {reason}");
            return ExitCode::from(2);
        }
    };
    anstream::ColorChoice::write_global(match settings.color {
        ColorWhen::Auto => anstream::ColorChoice::Auto,
        ColorWhen::Always => anstream::ColorChoice::Always,
        ColorWhen::Never => anstream::ColorChoice::Never,
    });
    if let Err(problems) = load(&settings.catalog_dirs) {
        for problem in &problems {
            eprintln!("{}", show::printable(&problem.to_string()));
        }
        eprintln!(
            "errcodes: {} problem(s) in the --catalog folder(s); nothing was looked up",
            problems.len()
        );
        return ExitCode::from(2);
    }
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let written = match &cli.command {
        // Written as it is produced: a body of many items is never held as text whole.
        Command::Body {
            file,
            vendor,
            status,
            ..
        } => body::read(file.as_deref()).and_then(|bytes| {
            body::run(
                &bytes,
                *vendor,
                *status,
                settings.json,
                Style::detect(),
                &mut out,
            )
        }),
        _ => run(&cli, &settings).map(|text| out.write_all(text.as_bytes())),
    };
    match written {
        Ok(result) => match result.and_then(|()| out.flush()) {
            Ok(()) => ExitCode::SUCCESS,
            // A closed pipe (`errcodes list nuki | head -1`) is the reader's choice.
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
            // A full disk or `> /dev/full`: the output is lost, so say so.
            Err(e) => {
                eprintln!("errcodes: cannot write the output: {e}");
                ExitCode::from(2)
            }
        },
        // Reasons can quote what was typed or sent: never raw control characters.
        Err(Failure::NotFound(reason)) => {
            eprintln!("errcodes: {}", show::printable(&reason));
            ExitCode::from(1)
        }
        Err(Failure::Usage(reason)) => {
            eprintln!("errcodes: {}", show::printable(&reason));
            ExitCode::from(2)
        }
    }
}

/// Loads every `--catalog` folder (each checked against the catalogues served before it) and
/// serves them; on failure, every problem of every folder.
fn load(dirs: &[std::path::PathBuf]) -> Result<(), Vec<errcodes_build::Diagnostic>> {
    let mut loaded: Vec<&'static errcodes::Catalog> = Vec::new();
    let mut problems = Vec::new();
    for dir in dirs {
        let served: Vec<&errcodes::Catalog> = errcodes::catalogs()
            .iter()
            .chain(&loaded)
            .copied()
            .collect();
        match errcodes_build::load_catalogs_beside(dir, &served) {
            Ok(found) => loaded.extend(found),
            Err(found) => problems.extend(found),
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    find::serve(loaded);
    Ok(())
}

/// Every command but `body`: the whole answer as text.
fn run(cli: &Cli, settings: &Settings) -> Result<String, Failure> {
    let style = Style::detect();
    let json = settings.json;
    match &cli.command {
        Command::Body { .. } => Err(Failure::Usage("`body` is written as it is read".into())),
        Command::Explain { catalog, code, .. } => {
            if find::catalog(catalog).is_none() {
                let children = find::children(catalog);
                if !children.is_empty() {
                    return namespace(catalog, &children, code, json, style);
                }
            }
            let entry = explain(catalog, code)?;
            Ok(if json {
                // The entry object, with `note` when the text was read as hex.
                let mut object = show::entry_json(&entry);
                if let Some(note) = hex_note(&entry, code) {
                    object["note"] = note.trim_start_matches("note: ").into();
                }
                show::json_text(&object)
            } else {
                let text = show::explain(&entry, style);
                match hex_note(&entry, code) {
                    Some(note) => match text.split_once('\n') {
                        Some((first, rest)) => format!("{first}\n{}\n{rest}", style.dim(&note)),
                        None => text,
                    },
                    None => text,
                }
            })
        }
        Command::Lookup { code, .. } => {
            nonempty(code, "code")?;
            let found = find::everywhere(code);
            if found.is_empty() {
                return Err(Failure::NotFound(format!(
                    "no catalogue has a code or name `{}`{}{}",
                    code.trim(),
                    decimal_hint(code),
                    hint(&close_names(code))
                )));
            }
            Ok(entries(&found, json, style))
        }
        Command::Search { text, limit, .. } => {
            let text = text.join(" ");
            nonempty(&text, "search text")?;
            let found = find::search(&text);
            if found.is_empty() {
                return Err(Failure::NotFound(format!(
                    "no entry's name or description contains `{}`{}",
                    text.trim(),
                    hint(&close_names(&text))
                )));
            }
            let shown = if *limit == 0 {
                &found[..]
            } else {
                &found[..found.len().min(*limit)]
            };
            if json {
                return Ok(entries(shown, true, style));
            }
            let mut out = format!(
                "{} {} `{}`{}\n",
                found.len(),
                if found.len() == 1 {
                    "entry matches"
                } else {
                    "entries match"
                },
                text.trim(),
                if shown.len() < found.len() {
                    format!("; the first {} (--limit N, 0 for all)", shown.len())
                } else {
                    String::new()
                }
            );
            out.push_str(&entries(shown, false, style));
            Ok(out)
        }
        Command::List { catalog: None, .. } => {
            let all: Vec<_> = find::catalogs().collect();
            Ok(if json {
                let list: Vec<_> = all.iter().map(|c| show::catalog_json(c, false)).collect();
                show::json_text(&list.into())
            } else {
                show::catalog_table(&all, style)
            })
        }
        Command::List {
            catalog: Some(name),
            ..
        } => {
            let c = catalog(name)?;
            Ok(if json {
                show::json_text(&show::catalog_json(c, true))
            } else {
                show::catalog_entries(c, style)
            })
        }
        Command::Completions { shell } => {
            let mut out = Vec::new();
            clap_complete::generate(*shell, &mut Cli::command(), "errcodes", &mut out);
            String::from_utf8(out).map_err(|e| Failure::Usage(e.to_string()))
        }
        Command::Man { command } => man_page(command.as_deref()),
    }
}

/// The main page, or the page of one command the main page lists (`errcodes-body(1)`).
fn man_page(command: Option<&str>) -> Result<String, Failure> {
    let mut cli = Cli::command();
    cli.build();
    let page = match command {
        None => cli,
        Some(name) => {
            let names: Vec<&str> = cli.get_subcommands().map(|c| c.get_name()).collect();
            let Some(sub) = cli.find_subcommand(name) else {
                return Err(Failure::Usage(format!(
                    "no command `{name}`; a page exists for {}",
                    names.join(", ")
                )));
            };
            sub.clone()
        }
    };
    let mut out = Vec::new();
    clap_mangen::Man::new(page)
        .render(&mut out)
        .map_err(|e| Failure::Usage(e.to_string()))?;
    String::from_utf8(out).map_err(|e| Failure::Usage(e.to_string()))
}

/// `explain knox 4000000`: `knox` is a namespace; answer with its catalogues that hold the
/// code, or name them all.
fn namespace(
    name: &str,
    children: &[&'static errcodes::Catalog],
    code: &str,
    json: bool,
    style: Style,
) -> Result<String, Failure> {
    nonempty(code, "code")?;
    let found: Vec<Entry> = children
        .iter()
        .filter_map(|c| find::entry(c, code).ok())
        .collect();
    let ids: Vec<&str> = children.iter().map(|c| c.slug()).collect();
    if found.is_empty() {
        return Err(Failure::NotFound(format!(
            "`{}` is a namespace, not a catalogue, and none of its catalogues ({}) has a code \
             or name `{}`; `errcodes lookup {}` searches every catalogue",
            name.trim(),
            ids.join(", "),
            code.trim(),
            code.trim()
        )));
    }
    if json {
        return Ok(entries(&found, true, style));
    }
    let mut out = format!(
        "`{}` is a namespace of {} catalogues; {} of them {} `{}` (`errcodes explain {} {}` \
         for everything about one):\n",
        name.trim(),
        children.len(),
        found.len(),
        if found.len() == 1 { "has" } else { "have" },
        code.trim(),
        slug(&found[0]),
        code.trim(),
    );
    out.push_str(&show::entries(&found, style));
    Ok(out)
}

/// For a hex catalogue, text of decimal digits only (`13`) is ambiguous: say it was read as
/// hex, as that catalogue writes its codes, and what the decimal reading would be.
fn hex_note(entry: &Entry, text: &str) -> Option<String> {
    let text = text.trim();
    let catalog = find::by_id(entry.catalog())?;
    if !is_hex(catalog) || !decimal_digits(text) || entry.name() == text {
        return None;
    }
    let decimal = text
        .parse::<u64>()
        .map(|d| format!(" (decimal {d} would be 0x{d:02X})"))
        .unwrap_or_default();
    Some(format!(
        "note: `{text}` is read as hex {}: `{}` writes its codes in hex{decimal}",
        entry.wire(),
        catalog.id()
    ))
}

fn is_hex(catalog: &errcodes::Catalog) -> bool {
    catalog.wire_format() == errcodes::WireFormat::Hex
}

fn decimal_digits(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit())
}

/// The other way round: `19` read as hex has no code in a hex catalogue, but decimal 19 is
/// 0x13, which may; for a miss, the entry of each hex catalogue the decimal reading finds.
fn decimal_readings(text: &str) -> Vec<String> {
    let text = text.trim();
    let Some(value) = text.parse::<u64>().ok().filter(|_| decimal_digits(text)) else {
        return Vec::new();
    };
    find::catalogs()
        .filter(|c| is_hex(c))
        .filter_map(|c| {
            let e = c.lookup(&format!("0x{value:X}")).ok()?;
            Some(format!(
                "decimal {value} is {} {} in `{}` (`errcodes explain {} {}`)",
                e.wire(),
                e.name(),
                c.id(),
                c.slug(),
                e.wire()
            ))
        })
        .collect()
}

/// `; read as decimal: …`, or nothing.
fn decimal_hint(text: &str) -> String {
    let readings = decimal_readings(text);
    if readings.is_empty() {
        String::new()
    } else {
        format!(
            "; a hex catalogue reads `{}` as hex, but {}",
            text.trim(),
            readings.join(", ")
        )
    }
}

fn nonempty(text: &str, what: &str) -> Result<(), Failure> {
    if text.trim().is_empty() {
        return Err(Failure::Usage(format!("the {what} is empty")));
    }
    Ok(())
}

fn entries(found: &[Entry], json: bool, style: Style) -> String {
    if json {
        let list: Vec<_> = found.iter().map(show::entry_json).collect();
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

fn explain(catalog_name: &str, code: &str) -> Result<Entry, Failure> {
    let catalog = catalog(catalog_name)?;
    nonempty(code, "code")?;
    find::entry(catalog, code).map_err(|err| {
        let code = code.trim();
        // The crate's own reason names the catalogue and what it expects.
        // A value the catalogue records as not a code says why (http 418: IANA reserves it).
        if let Some(absent) = catalog.absent_for(code) {
            return Failure::NotFound(format!(
                "`{}` has no code `{code}`: {}",
                catalog.id(),
                absent.reason()
            ));
        }
        let reason = match err.kind() {
            ParseErrorKind::Unknown if err.value().is_none() => {
                format!("`{}` has no code or name `{code}`", catalog.id())
            }
            _ => err.to_string(),
        };
        let close: Vec<String> = find::close(code, catalog.entries().flat_map(find::names))
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
        let decimal = if is_hex(catalog) {
            decimal_hint(code)
        } else {
            String::new()
        };
        let hint = if !decimal.is_empty() {
            decimal
        } else if !close.is_empty() {
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
    find::by_id(e.catalog()).map_or(e.catalog(), |c| c.slug())
}

/// Names of any catalogue near `text`, with the catalogue each belongs to.
fn close_names(text: &str) -> Vec<String> {
    let all: Vec<(&str, Entry)> = find::catalogs()
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
