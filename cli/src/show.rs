//! What the command prints: text for people, JSON for scripts.
//!
//! The JSON shape is documented in `cli/README.md` ("`--json`") and
//! checked by `cli/tests/cli.rs`; change all three together.

use std::borrow::Cow;
use std::fmt::Write as _;

use errcodes::{Action, Catalog, Entry, Source};
use serde_json::{Value as Json, json};

/// Styling through anstyle, on when anstream's colour choice for stdout says so: `--color`,
/// then `NO_COLOR`, `CLICOLOR_FORCE`, `CLICOLOR`, `TERM=dumb` and whether stdout is a
/// terminal, as the ecosystem's crates read them.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    on: bool,
}

impl Style {
    /// Call after `anstream::ColorChoice::write_global`.
    pub fn detect() -> Style {
        let choice = anstream::AutoStream::choice(&std::io::stdout());
        Style {
            on: choice != anstream::ColorChoice::Never,
        }
    }

    fn paint(self, style: anstyle::Style, text: &str) -> String {
        if self.on {
            format!("{}{text}{}", style.render(), style.render_reset())
        } else {
            text.to_owned()
        }
    }
    pub(crate) fn bold(self, text: &str) -> String {
        self.paint(anstyle::Style::new().bold(), text)
    }
    pub(crate) fn dim(self, text: &str) -> String {
        self.paint(anstyle::Style::new().dimmed(), text)
    }
    pub(crate) fn warn(self, text: &str) -> String {
        self.paint(anstyle::AnsiColor::Yellow.on_default(), text)
    }
    pub(crate) fn wire(self, text: &str) -> String {
        self.paint(anstyle::AnsiColor::Cyan.on_default(), text)
    }
}

/// Text from outside (a response body) made safe to print on a terminal: control characters
/// (C0, DEL, C1: `ESC`, `\r`, `\n`, OSC's `\u{9d}`…), bidi overrides and isolates, and the
/// Unicode line and paragraph separators are shown as `\u{1b}`, never sent to the terminal.
/// Everything else is kept as it is. `--json` output does not go through this: it is exact.
pub fn printable(text: &str) -> Cow<'_, str> {
    fn escaped(c: char) -> bool {
        c.is_control()
            || matches!(c, '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}'
                | '\u{2066}'..='\u{2069}' | '\u{2028}' | '\u{2029}')
    }
    if !text.chars().any(escaped) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if escaped(c) {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// `fix_request (fix the request before sending it again)`
fn next_step(action: Action) -> String {
    format!("{} ({})", action.as_str(), action.advice())
}

/// Everything known about one entry (`errcodes explain`).
pub fn explain(e: &Entry, s: Style) -> String {
    let mut out = String::new();
    let catalog = crate::find::by_id(e.catalog());
    let _ = writeln!(
        out,
        "{} {} {}",
        s.bold(e.name()),
        s.wire(e.wire()),
        s.dim(&format!("({})", e.catalog()))
    );
    if e.is_deprecated() {
        let _ = writeln!(
            out,
            "{}",
            s.warn("DEPRECATED: the vendor retired this code")
        );
    }
    if let Some(why) = e.uncertain() {
        let _ = writeln!(out, "{}", s.warn(&format!("UNCERTAIN: {why}")));
    }
    if e.single_unofficial_source() {
        let _ = writeln!(
            out,
            "{}",
            s.warn("SINGLE UNOFFICIAL SOURCE: no document of the vendor confirms this entry")
        );
    }
    let _ = writeln!(out, "\n{}\n", e.description());
    let field = |out: &mut String, label: &str, value: &str| {
        let _ = writeln!(out, "  {} {value}", s.dim(&format!("{label:<12}")));
    };
    field(&mut out, "wire value", e.wire());
    if let Some(c) = catalog {
        field(
            &mut out,
            "catalogue",
            &format!("{} — {}", c.id(), c.title()),
        );
    }
    if let Some(fix) = e.remediation() {
        field(&mut out, "remediation", fix);
    }
    field(&mut out, "next step", &next_step(e.action()));
    if let Some(status) = e.http_status() {
        field(&mut out, "HTTP status", &status.to_string());
    }
    if !e.aliases().is_empty() {
        field(&mut out, "aliases", &aliases_line(e));
    }
    for (i, src) in e.sources().enumerate() {
        let label = if i == 0 { "source" } else { "" };
        field(&mut out, label, &source_line(&src));
    }
    if !e.causes().is_empty() {
        let _ = writeln!(out, "\n  {}", s.dim("causes"));
        for cause in e.causes() {
            let _ = writeln!(out, "  - {}: {}", s.bold(cause.name()), cause.description());
            if let Some(fix) = cause.remediation() {
                let _ = writeln!(out, "    {} {fix}", s.dim("remediation:"));
            }
            let _ = writeln!(
                out,
                "    {} {}",
                s.dim("next step:"),
                next_step(cause.action())
            );
        }
    }
    out
}

fn source_line(src: &Source) -> String {
    let unofficial = if src.is_official() {
        ""
    } else {
        " (unofficial)"
    };
    format!("{} <{}>{unofficial}", src.title(), src.url())
}

/// `A, B (Opener only)`: each alias, with the device it applies to when it is device-specific.
fn aliases_line(e: &Entry) -> String {
    let shown: Vec<String> = e
        .aliases()
        .map(|a| match e.device_of(a) {
            Some(device) => format!("{a} ({device} only)"),
            None => a.to_owned(),
        })
        .collect();
    shown.join(", ")
}

/// One entry per two lines, for `lookup` and `search`.
pub fn entries(list: &[Entry], s: Style) -> String {
    let mut out = String::new();
    for e in list {
        let mut line = format!("{} {} {}", e.catalog(), s.wire(e.wire()), s.bold(e.name()));
        if e.is_deprecated() {
            line.push_str(&s.warn(" [deprecated]"));
        }
        if e.uncertain().is_some() {
            line.push_str(&s.warn(" [uncertain]"));
        }
        if e.single_unofficial_source() {
            line.push_str(&s.warn(" [single unofficial source]"));
        }
        let _ = writeln!(out, "{line}\n    {}", e.description());
    }
    out
}

/// Every catalogue with its entry count and title (`errcodes list`).
pub fn catalog_table(list: &[&Catalog], s: Style) -> String {
    let width = list.iter().map(|c| c.slug().len()).max().unwrap_or(0);
    let mut out = String::new();
    for c in list {
        let _ = writeln!(
            out,
            "{} {:>4}  {}  {}",
            s.bold(&format!("{:<width$}", c.slug())),
            c.entries().len(),
            c.title(),
            s.dim(&format!("({})", c.id())),
        );
    }
    out
}

/// One catalogue's entries, one per line (`errcodes list CATALOGUE`).
pub fn catalog_entries(c: &Catalog, s: Style) -> String {
    let mut out = format!(
        "{} {}: {} entries\n",
        s.bold(c.id()),
        c.title(),
        c.entries().len()
    );
    let wire = c.entries().map(|e| e.wire().len()).max().unwrap_or(0);
    let name = c.entries().map(|e| e.name().len()).max().unwrap_or(0);
    for e in c.entries() {
        let mut marks = String::new();
        if e.is_deprecated() {
            marks.push_str(" [deprecated]");
        }
        if e.uncertain().is_some() {
            marks.push_str(" [uncertain]");
        }
        if e.single_unofficial_source() {
            marks.push_str(" [single unofficial source]");
        }
        let _ = writeln!(
            out,
            "  {} {} {}{}",
            s.wire(&format!("{:<wire$}", e.wire())),
            s.bold(&format!("{:<name$}", e.name())),
            e.description(),
            s.warn(&marks)
        );
    }
    out
}

/// The documented JSON object of one entry: errcodes' own `Serialize` for `Entry` (feature
/// `serde`), so the command and the library cannot drift apart.
pub fn entry_json(e: &Entry) -> Json {
    serde_json::to_value(e).expect("an entry serializes to JSON")
}

fn source_json(s: &Source) -> Json {
    serde_json::to_value(s).expect("a source serializes to JSON")
}

/// The JSON object of one catalogue; with `with_entries`, its entries too.
pub fn catalog_json(c: &Catalog, with_entries: bool) -> Json {
    let mut object = json!({
        "id": c.id(),
        "slug": c.slug(),
        "title": c.title(),
        "count": c.entries().len(),
        "sources": c.sources().map(|s| source_json(&s)).collect::<Vec<_>>(),
    });
    if with_entries {
        object["entries"] = c.entries().map(|e| entry_json(&e)).collect();
    }
    object
}

/// Pretty JSON with a final newline.
pub fn json_text(value: &Json) -> String {
    let mut text = serde_json::to_string_pretty(value).expect("JSON values always serialize");
    text.push('\n');
    text
}
