//! The error every parser of this crate returns.

use core::fmt;

use crate::{Value, WireFormat};

/// Why a text could not be turned into a code.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ParseErrorKind {
    /// The text was empty.
    Empty,
    /// The text is not written in the catalogue's wire form (bad hex digit, sign, space…).
    InvalidSyntax,
    /// The number is well formed but does not fit the catalogue's key kind.
    OutOfRange,
    /// The text is a valid wire value or name, but no entry has it.
    Unknown,
    /// No catalogue has that id.
    UnknownCatalog,
}

/// A text that is not a known code of a catalogue, and why.
///
/// Like [`std::num::ParseIntError`] and [`std::io::Error`], it has a short `Debug` (the kind,
/// the catalogue, and the text or value, for logs and failed assertions) and a one-line
/// `Display` for people that repeats the text it was given (its first 32 bytes; longer text
/// ends in `…`), so the message stands on its own.
///
/// ```
/// use errcodes::{nuki, ParseErrorKind};
///
/// let err = nuki::from_hex("zz").unwrap_err();
/// assert_eq!(err.kind(), ParseErrorKind::InvalidSyntax);
/// assert_eq!(err.input(), Some("zz"));
/// assert_eq!(err.to_string(), "`nuki` expects a hex byte like `ff` or `0xFF`; `zz` is not one");
/// assert_eq!(format!("{err:?}"), r#"ParseError { kind: InvalidSyntax, catalog: "nuki", input: "zz" }"#);
///
/// let err = nuki::from_hex("0x01").unwrap_err();
/// assert_eq!(err.kind(), ParseErrorKind::Unknown);
/// assert_eq!(err.to_string(), "`nuki` has no code 0x01");
/// let err = nuki::from_hex("19").unwrap_err(); // decimal 19 would be 0x13
/// assert_eq!(err.to_string(), "`nuki` has no code 0x19 (read as hex from `19`)");
/// let err = nuki::parse("NO_SUCH_NAME").unwrap_err();
/// assert_eq!(err.to_string(), "`nuki` has no code or name `NO_SUCH_NAME`");
/// // Control characters in the text are shown, not sent to a terminal or log.
/// let err = nuki::parse("\u{1b}[2J").unwrap_err();
/// assert_eq!(err.to_string(), "`nuki` has no code or name `\\u{1b}[2J`");
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct ParseError {
    kind: ParseErrorKind,
    catalog: &'static str,
    wire: WireFormat,
    value: Option<Value>,
    /// The text that was parsed (for [`ParseErrorKind::UnknownCatalog`], the id asked for):
    /// kept inline (no allocation, and the error stays `'static` and `Copy`), cut to
    /// [`ASKED_MAX`] bytes.
    asked: Asked,
}

/// How much of an unknown catalogue id an error keeps (longer ids end in `…` when shown).
const ASKED_MAX: usize = 32;

/// The first [`ASKED_MAX`] bytes of the text asked for, cut at a character boundary.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct Asked {
    bytes: [u8; ASKED_MAX],
    len: u8,
    cut: bool,
}

impl Asked {
    const NONE: Asked = Asked {
        bytes: [0; ASKED_MAX],
        len: 0,
        cut: false,
    };

    fn is_some(&self) -> bool {
        self.len > 0 || self.cut
    }

    fn new(id: &str) -> Asked {
        let mut end = id.len().min(ASKED_MAX);
        while !id.is_char_boundary(end) {
            end -= 1;
        }
        let mut bytes = [0; ASKED_MAX];
        bytes[..end].copy_from_slice(&id.as_bytes()[..end]);
        Asked {
            bytes,
            #[allow(clippy::cast_possible_truncation)] // end <= ASKED_MAX < 256
            len: end as u8,
            cut: end < id.len(),
        }
    }

    fn as_str(&self) -> &str {
        // Cut at a character boundary of a `&str`, so always valid; "" is unreachable.
        core::str::from_utf8(&self.bytes[..usize::from(self.len)]).unwrap_or("")
    }
}

impl ParseError {
    pub(crate) const fn new(kind: ParseErrorKind, catalog: &'static str, wire: WireFormat) -> Self {
        ParseError {
            kind,
            catalog,
            wire,
            value: None,
            asked: Asked::NONE,
        }
    }

    /// The same error, holding the text that was parsed (kept when one is held already).
    pub(crate) fn with_input(mut self, text: &str) -> Self {
        if !self.asked.is_some() {
            self.asked = Asked::new(text);
        }
        self
    }

    /// No catalogue has the id `asked`.
    pub(crate) fn unknown_catalog(asked: &str) -> Self {
        ParseError {
            asked: Asked::new(asked),
            ..ParseError::new(ParseErrorKind::UnknownCatalog, "", WireFormat::Text)
        }
    }

    pub(crate) const fn unknown_value(
        catalog: &'static str,
        wire: WireFormat,
        value: Value,
    ) -> Self {
        ParseError {
            kind: ParseErrorKind::Unknown,
            catalog,
            wire,
            value: Some(value),
            asked: Asked::NONE,
        }
    }

    /// Why parsing failed.
    pub const fn kind(&self) -> ParseErrorKind {
        self.kind
    }

    /// The catalogue the text was looked up in; for [`ParseErrorKind::UnknownCatalog`], the id
    /// that was asked for (its first 32 bytes, cut at a character boundary).
    ///
    /// ```
    /// let err = errcodes::lookup("acme::lock", "1").unwrap_err();
    /// assert_eq!(err.catalog(), "acme::lock");
    /// assert_eq!(err.to_string(), "no catalogue has the id `acme::lock` (see `errcodes::catalogs()`)");
    /// ```
    pub fn catalog(&self) -> &str {
        match self.kind {
            ParseErrorKind::UnknownCatalog => self.asked.as_str(),
            _ => self.catalog,
        }
    }

    /// The text that was parsed, when the error was made from text (not for
    /// [`ParseErrorKind::Empty`], nor for a `TryFrom` of a number): its first 32 bytes, cut
    /// at a character boundary.
    pub fn input(&self) -> Option<&str> {
        self.asked.is_some().then(|| self.asked.as_str())
    }

    /// The well-formed wire value that no entry has, for [`ParseErrorKind::Unknown`].
    pub const fn value(&self) -> Option<Value> {
        self.value
    }
}

/// `ParseError { kind: InvalidSyntax, catalog: "nuki", input: "zz" }`: the kind, the
/// catalogue, and the value or text when there is one (the wire format is implied by the
/// catalogue, and the text buffer is shown as the text it holds).
#[allow(clippy::missing_fields_in_debug)]
impl fmt::Debug for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut d = f.debug_struct("ParseError");
        d.field("kind", &self.kind);
        if self.kind != ParseErrorKind::UnknownCatalog {
            d.field("catalog", &self.catalog);
        }
        if let Some(value) = &self.value {
            d.field("value", value);
        }
        if let Some(input) = self.input() {
            d.field("input", &input);
        }
        d.finish()
    }
}

/// One line that repeats the text: "`nuki` expects a hex byte like `ff` or `0xFF`; `zz` is
/// not one".
impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (catalog, expected) = (self.catalog, self.wire.expected());
        let ellipsis = if self.asked.cut { "…" } else { "" };
        let input = self.input().map(|t| (Visible(t), ellipsis));
        match self.kind {
            ParseErrorKind::Empty => write!(f, "`{catalog}` expects {expected}; the text is empty"),
            ParseErrorKind::InvalidSyntax => match input {
                Some((t, e)) => write!(f, "`{catalog}` expects {expected}; `{t}{e}` is not one"),
                None => write!(f, "`{catalog}` expects {expected}; the text is not one"),
            },
            ParseErrorKind::OutOfRange => match input {
                Some((t, e)) => write!(
                    f,
                    "`{catalog}` expects {expected}; `{t}{e}` is out of range"
                ),
                None => write!(
                    f,
                    "`{catalog}` expects {expected}; the number is out of range"
                ),
            },
            ParseErrorKind::Unknown => {
                let shown = match self.value {
                    Some(Value::Unsigned(v)) if self.wire == WireFormat::Hex => {
                        write!(f, "`{catalog}` has no code 0x{v:02X}")?;
                        Shown::Hex(v)
                    }
                    Some(v) => {
                        write!(f, "`{catalog}` has no code {v}")?;
                        Shown::Value(v)
                    }
                    None => {
                        return match input {
                            Some((t, e)) => {
                                write!(f, "`{catalog}` has no code or name `{t}{e}`")
                            }
                            None => write!(f, "`{catalog}` has no code or name like that"),
                        };
                    }
                };
                // The text, when it was written otherwise than the value is shown (`1`, not
                // `0x01`).
                match input {
                    Some((t, e)) if !shown.is(t.0) => match shown {
                        Shown::Hex(_) => write!(f, " (read as hex from `{t}{e}`)"),
                        Shown::Value(_) => write!(f, " (read from `{t}{e}`)"),
                    },
                    _ => Ok(()),
                }
            }
            ParseErrorKind::UnknownCatalog => {
                write!(
                    f,
                    "no catalogue has the id `{}{ellipsis}` (see `errcodes::catalogs()`)",
                    Visible(self.asked.as_str())
                )
            }
        }
    }
}

/// Text from the input, with control characters and bidi overrides written as `\u{1b}`:
/// the text may come from an untrusted body, and the message from a log line or terminal.
struct Visible<'a>(&'a str);

impl fmt::Display for Visible<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for c in self.0.chars() {
            if c.is_control()
                || matches!(c, '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}'
                    | '\u{2066}'..='\u{2069}' | '\u{2028}' | '\u{2029}')
            {
                write!(f, "{}", c.escape_unicode())?;
            } else {
                fmt::Write::write_char(f, c)?;
            }
        }
        Ok(())
    }
}

/// How the value of an unknown code was shown, to tell whether the text said the same.
enum Shown {
    Hex(u64),
    Value(Value),
}

impl Shown {
    /// Whether `text` is the value as shown (`0x01`, `404`), so repeating it adds nothing.
    fn is(&self, text: &str) -> bool {
        match self {
            // Hex text in any spelling (`7a`, `0x7A`) says what `0x7A` says; decimal-looking
            // text (`19`) read as hex does not: decimal 19 would be 0x13.
            Shown::Hex(v) => !(text.bytes().all(|b| b.is_ascii_digit()) && text.parse() != Ok(*v)),
            Shown::Value(Value::Unsigned(v)) => {
                !text.starts_with(['+', '0']) && text.parse::<u64>() == Ok(*v)
                    || text == "0" && *v == 0
            }
            Shown::Value(Value::Signed(v)) => {
                !text.starts_with('+') && text.parse::<i64>() == Ok(*v)
            }
            Shown::Value(Value::Text(t)) => *t == text,
        }
    }
}

/// Always implemented (`core::error::Error`, Rust 1.81), also without `std`.
impl core::error::Error for ParseError {}
