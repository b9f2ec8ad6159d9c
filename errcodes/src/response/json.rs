//! A lossless JSON reader for vendor bodies: spans of raw text, not a value tree.
//!
//! The body parsers need a handful of documented fields; everything else must come back
//! exactly as sent. So this reader validates the whole body against RFC 8259's grammar and
//! hands out the raw text of each object member (key and value). Only the documented fields
//! are ever decoded. Numbers are never converted (`1e400` and a 30-digit integer are just
//! text), strings are never decoded unless a documented field needs them (a lone `\ud800`
//! is grammatical JSON and stays as sent), and duplicate keys are all kept, in order.
//!
//! Work and memory are linear in the body's length; nesting is limited to [`MAX_DEPTH`].

use alloc::string::String;
use alloc::vec::Vec;
use core::ops::Range;

use super::BodyError;
use super::body_error::BodyErrorKind;

/// The deepest nesting of arrays and objects a body may have (`serde_json`'s own limit).
pub const MAX_DEPTH: usize = 128;

/// The largest body the parsers read, in bytes: 1 MiB. Checked before anything is parsed.
///
/// Vendor error bodies are well under a kilobyte; a Nuki webhook carries about 100 bytes per
/// smart lock, so 1 MiB holds about ten thousand locks.
pub const MAX_BODY_BYTES: usize = 1 << 20;

/// JSON's insignificant whitespace.
const WS: [char; 4] = [' ', '\t', '\n', '\r'];

/// One member of an object, as raw text: the whitespace before the key, the key, the
/// colon, the value and the whitespace after it (everything between `{` or `,` and the next
/// `,` or `}`), so that writing the members back reproduces the object exactly.
#[derive(Debug, Clone)]
pub(crate) struct RawMember<'a> {
    /// The whole member, whitespace included.
    pub full: &'a str,
    /// Where the key (with its quotes) is in `full`.
    pub key: Range<usize>,
    /// Where the value is in `full`.
    pub value: Range<usize>,
    /// Byte offset of the value in the body.
    pub at: usize,
}

impl<'a> RawMember<'a> {
    /// The key with its quotes, exactly as sent.
    pub fn key(&self) -> &'a str {
        &self.full[self.key.clone()]
    }

    /// The value, exactly as sent.
    pub fn value(&self) -> &'a str {
        &self.full[self.value.clone()]
    }

    /// The key decoded, or `None` when it holds a lone surrogate.
    pub fn name(&self) -> Option<String> {
        decode_string(self.key(), false)
    }
}

/// An object's members and the whitespace that is not part of any member.
pub(crate) struct RawObject<'a> {
    pub members: Vec<RawMember<'a>>,
    /// Whitespace inside `{ }` when there is no member.
    pub inner: &'a str,
}

/// A body read as one JSON object.
#[derive(Debug)]
pub(crate) struct Body<'a> {
    pub what: &'static str,
    pub text: &'a str,
}

impl<'a> Body<'a> {
    /// Checks the size limit, UTF-8 and the grammar of the whole body.
    pub fn new(what: &'static str, bytes: &'a [u8]) -> Result<Self, BodyError> {
        if bytes.len() > MAX_BODY_BYTES {
            return Err(BodyError::too_large(what, bytes.len()));
        }
        let text = match core::str::from_utf8(bytes) {
            Ok(text) => text,
            Err(e) => {
                let body = Body {
                    what,
                    text: core::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default(),
                };
                return Err(body.error_at(
                    BodyErrorKind::Syntax,
                    e.valid_up_to(),
                    "the body is not UTF-8 text",
                ));
            }
        };
        let body = Body { what, text };
        let mut s = Scanner {
            text: text.as_bytes(),
            pos: 0,
            depth: 0,
        };
        s.ws();
        if s.pos == s.text.len() {
            return Err(body.error_at(BodyErrorKind::Truncated, s.pos, "the body is empty"));
        }
        s.value().map_err(|e| body.scan_error(&e))?;
        s.ws();
        if s.pos != s.text.len() {
            return Err(body.error_at(
                BodyErrorKind::Syntax,
                s.pos,
                "trailing characters after the JSON value",
            ));
        }
        Ok(body)
    }

    /// The members of the object that starts at byte `at`, or `None` when the value there
    /// is not an object.
    pub fn members(&self, at: usize) -> Option<RawObject<'a>> {
        let bytes = self.text.as_bytes();
        if bytes.get(at) != Some(&b'{') {
            return None;
        }
        let mut s = self.scanner(at + 1);
        let mut members = Vec::new();
        s.ws();
        if s.peek() == Some(b'}') {
            return Some(RawObject {
                members,
                inner: &self.text[at + 1..s.pos],
            });
        }
        let mut start = at + 1;
        loop {
            s.ws();
            let key_start = s.pos;
            s.string().ok()?;
            let key_end = s.pos;
            s.ws();
            s.pos += 1; // ':'
            s.ws();
            let value_start = s.pos;
            s.value().ok()?;
            let value_end = s.pos;
            s.ws();
            members.push(RawMember {
                full: &self.text[start..s.pos],
                key: key_start - start..key_end - start,
                value: value_start - start..value_end - start,
                at: value_start,
            });
            match s.bump() {
                Some(b',') => start = s.pos,
                _ => return Some(RawObject { members, inner: "" }),
            }
        }
    }

    /// The elements (raw text and offset) of the array that starts at byte `at`.
    pub fn elements(&self, at: usize) -> Option<Vec<(&'a str, usize)>> {
        if self.text.as_bytes().get(at) != Some(&b'[') {
            return None;
        }
        let mut s = self.scanner(at + 1);
        let mut out = Vec::new();
        s.ws();
        if s.peek() == Some(b']') {
            return Some(out);
        }
        loop {
            s.ws();
            let start = s.pos;
            s.value().ok()?;
            out.push((&self.text[start..s.pos], start));
            s.ws();
            match s.bump() {
                Some(b',') => {}
                _ => return Some(out),
            }
        }
    }

    /// Byte offset of the top-level value.
    pub fn start(&self) -> usize {
        self.text.len() - self.text.trim_start_matches(WS).len()
    }

    /// The whitespace before and after the top-level value.
    pub fn outer(&self) -> (&'a str, &'a str) {
        let text = self.text;
        (
            &text[..self.start()],
            &text[text.trim_end_matches(WS).len()..],
        )
    }

    fn scanner(&self, pos: usize) -> Scanner<'a> {
        Scanner {
            text: self.text.as_bytes(),
            pos,
            depth: 0,
        }
    }

    fn scan_error(&self, e: &ScanError) -> BodyError {
        let (kind, message) = match e.problem {
            Problem::Eof => (BodyErrorKind::Truncated, "the body ends early"),
            Problem::TooDeep => (
                BodyErrorKind::TooDeep,
                "arrays and objects are nested more than 128 deep",
            ),
            Problem::Expected(what) => (BodyErrorKind::Syntax, what),
        };
        self.error_at(kind, e.at, message)
    }

    /// An error at byte offset `at`, with its 1-based line and column (in characters).
    pub fn error_at(
        &self,
        kind: BodyErrorKind,
        at: usize,
        message: impl Into<String>,
    ) -> BodyError {
        let at = at.min(self.text.len());
        let mut cut = at;
        while !self.text.is_char_boundary(cut) {
            cut -= 1;
        }
        let before = &self.text[..cut];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count() + 1;
        BodyError::new(self.what, kind, line, column, message.into())
    }
}

#[derive(Debug)]
enum Problem {
    Eof,
    TooDeep,
    Expected(&'static str),
}

#[derive(Debug)]
struct ScanError {
    at: usize,
    problem: Problem,
}

struct Scanner<'a> {
    text: &'a [u8],
    pos: usize,
    depth: usize,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.get(self.pos).copied()
    }

    fn bump(&mut self) -> Option<u8> {
        let b = self.peek()?;
        self.pos += 1;
        Some(b)
    }

    fn ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    fn fail<T>(&self, what: &'static str) -> Result<T, ScanError> {
        Err(ScanError {
            at: self.pos,
            problem: if self.pos >= self.text.len() {
                Problem::Eof
            } else {
                Problem::Expected(what)
            },
        })
    }

    fn expect(&mut self, byte: u8, what: &'static str) -> Result<(), ScanError> {
        if self.peek() == Some(byte) {
            self.pos += 1;
            Ok(())
        } else {
            self.fail(what)
        }
    }

    fn value(&mut self) -> Result<(), ScanError> {
        match self.peek() {
            Some(b'{') => self.nested(Self::object),
            Some(b'[') => self.nested(Self::array),
            Some(b'"') => self.string(),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b't') => self.literal(b"true"),
            Some(b'f') => self.literal(b"false"),
            Some(b'n') => self.literal(b"null"),
            _ => self.fail("expected a JSON value"),
        }
    }

    fn nested(&mut self, inner: fn(&mut Self) -> Result<(), ScanError>) -> Result<(), ScanError> {
        if self.depth == MAX_DEPTH {
            return Err(ScanError {
                at: self.pos,
                problem: Problem::TooDeep,
            });
        }
        self.depth += 1;
        let result = inner(self);
        self.depth -= 1;
        result
    }

    fn object(&mut self) -> Result<(), ScanError> {
        self.pos += 1;
        self.ws();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(());
        }
        loop {
            self.ws();
            if self.peek() != Some(b'"') {
                return self.fail("expected a member name in double quotes");
            }
            self.string()?;
            self.ws();
            self.expect(b':', "expected `:` after a member name")?;
            self.ws();
            self.value()?;
            self.ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(());
                }
                _ => return self.fail("expected `,` or `}` after an object member"),
            }
        }
    }

    fn array(&mut self) -> Result<(), ScanError> {
        self.pos += 1;
        self.ws();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(());
        }
        loop {
            self.ws();
            self.value()?;
            self.ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(());
                }
                _ => return self.fail("expected `,` or `]` after an array element"),
            }
        }
    }

    fn string(&mut self) -> Result<(), ScanError> {
        self.expect(b'"', "expected a string")?;
        loop {
            match self.bump() {
                None => return self.fail(""),
                Some(b'"') => return Ok(()),
                Some(b'\\') => match self.bump() {
                    Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => {}
                    Some(b'u') => {
                        for _ in 0..4 {
                            match self.peek() {
                                Some(b) if b.is_ascii_hexdigit() => self.pos += 1,
                                _ => return self.fail("expected four hex digits after `\\u`"),
                            }
                        }
                    }
                    None => return self.fail(""),
                    Some(_) => {
                        self.pos -= 1;
                        return self.fail("invalid escape in a string");
                    }
                },
                Some(0..=0x1f) => {
                    self.pos -= 1;
                    return self.fail("control character in a string (escape it)");
                }
                Some(_) => {}
            }
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.pos;
        while let Some(b'0'..=b'9') = self.peek() {
            self.pos += 1;
        }
        self.pos - start
    }

    fn number(&mut self) -> Result<(), ScanError> {
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        match self.peek() {
            Some(b'0') => self.pos += 1,
            Some(b'1'..=b'9') => {
                self.digits();
            }
            _ => return self.fail("expected a digit"),
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if self.digits() == 0 {
                return self.fail("expected a digit after the decimal point");
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.pos += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.pos += 1;
            }
            if self.digits() == 0 {
                return self.fail("expected a digit in the exponent");
            }
        }
        Ok(())
    }

    fn literal(&mut self, word: &'static [u8]) -> Result<(), ScanError> {
        let start = self.pos;
        for &b in word {
            match self.peek() {
                Some(c) if c == b => self.pos += 1,
                None => return self.fail(""),
                Some(_) => {
                    // Point at the word, not at the letter that differs.
                    self.pos = start;
                    return self.fail("expected a JSON value");
                }
            }
        }
        Ok(())
    }
}

/// Decodes a raw JSON string (with its quotes). A lone surrogate gives `None`, or U+FFFD
/// when `lossy`. The text must have passed the scanner.
pub(crate) fn decode_string(raw: &str, lossy: bool) -> Option<String> {
    let inner = raw.strip_prefix('"')?.strip_suffix('"')?;
    if !inner.contains('\\') {
        return Some(inner.into());
    }
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    let hex4 = |chars: &mut core::str::Chars<'_>| -> Option<u32> {
        let digits = chars.as_str().get(..4)?;
        let v = u32::from_str_radix(digits, 16).ok()?;
        for _ in 0..4 {
            chars.next();
        }
        Some(v)
    };
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let decoded = match chars.next()? {
            'b' => '\u{8}',
            'f' => '\u{c}',
            'n' => '\n',
            'r' => '\r',
            't' => '\t',
            'u' => {
                let first = hex4(&mut chars)?;
                let c = if (0xD800..0xDC00).contains(&first) && chars.as_str().starts_with("\\u") {
                    let mut ahead = chars.clone();
                    ahead.next();
                    ahead.next();
                    match hex4(&mut ahead) {
                        Some(second @ 0xDC00..0xE000) => {
                            chars = ahead;
                            char::from_u32(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))
                        }
                        _ => None,
                    }
                } else {
                    char::from_u32(first)
                };
                match (c, lossy) {
                    (Some(c), _) => c,
                    (None, true) => char::REPLACEMENT_CHARACTER,
                    (None, false) => return None,
                }
            }
            other => other, // `"`, `\`, `/`
        };
        out.push(decoded);
    }
    Some(out)
}

/// The value of a JSON number when it is a whole number that fits an `i128`: `Ok(None)` for a
/// fraction or a number too large, `Err` for text that is not a JSON number. Exact: the
/// digits are never converted to floating point, and `1e999999999` costs no more than `1`.
pub(crate) fn json_integer(raw: &str) -> Result<Option<i128>, ()> {
    let (negative, rest) = match raw.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, raw),
    };
    let (mantissa, exponent) = match rest.find(['e', 'E']) {
        Some(i) => (&rest[..i], Some(&rest[i + 1..])),
        None => (rest, None),
    };
    let (int, frac) = match mantissa.split_once('.') {
        Some((int, frac)) => (int, Some(frac)),
        None => (mantissa, None),
    };
    let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    let exponent_ok = exponent.is_none_or(|e| digits(e.strip_prefix(['+', '-']).unwrap_or(e)));
    if !digits(int)
        || (int.len() > 1 && int.starts_with('0'))
        || frac.is_some_and(|f| !digits(f))
        || !exponent_ok
    {
        return Err(());
    }
    let frac = frac.unwrap_or("");
    // The significant digits, and the power of ten they are multiplied by.
    let all = [int, frac].concat();
    let significant = all.trim_start_matches('0');
    if significant.is_empty() {
        return Ok(Some(0));
    }
    let trimmed = significant.trim_end_matches('0');
    let zeros = significant.len() - trimmed.len();
    // An exponent beyond any i64 is far out of range either way; saturate it.
    let exponent: i64 = match exponent {
        None => 0,
        Some(e) => {
            let negative_exp = e.starts_with('-');
            let e = e.trim_start_matches(['+', '-']);
            let magnitude = e.parse::<i64>().unwrap_or(i64::MAX / 4).min(i64::MAX / 4);
            if negative_exp { -magnitude } else { magnitude }
        }
    };
    #[allow(clippy::cast_possible_wrap)] // at most MAX_BODY_BYTES digits
    let power = exponent - frac.len() as i64 + zeros as i64;
    if power < 0 {
        return Ok(None); // a fraction: significant digits remain after the point
    }
    #[allow(clippy::cast_possible_wrap)]
    if trimmed.len() as i64 + power > 39 {
        return Ok(None); // beyond i128
    }
    let mut value: i128 = match trimmed.parse() {
        Ok(v) => v,
        Err(_) => return Ok(None),
    };
    for _ in 0..power {
        value = match value.checked_mul(10) {
            Some(v) => v,
            None => return Ok(None),
        };
    }
    Ok(Some(if negative { -value } else { value }))
}

/// Writes `text` as a JSON string.
pub(crate) fn write_string(out: &mut String, text: &str) {
    use core::fmt::Write as _;
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(text: &str) -> bool {
        Body::new("test", text.as_bytes()).is_ok()
    }

    #[test]
    fn grammar() {
        for good in [
            "{}",
            " [ ] ",
            "{\"a\":1e400,\"b\":-0,\"c\":\"\\ud800\",\"a\":[true,false,null]}",
            "123456789012345678901234567890",
            "\"\\u00e9\\/\"",
        ] {
            assert!(ok(good), "{good}");
        }
        for bad in [
            "",
            "{",
            "{\"a\"}",
            "{\"a\":}",
            "[1,]",
            "01",
            "1.",
            "1e",
            "-",
            "\"\\x\"",
            "\"\t\"",
            "{} {}",
            "tru",
            "{a:1}",
            "[1 2]",
            "\"\\u12g4\"",
        ] {
            assert!(!ok(bad), "{bad:?}");
        }
        let deep = "[".repeat(MAX_DEPTH + 1) + &"]".repeat(MAX_DEPTH + 1);
        assert!(!ok(&deep));
        let deep = "[".repeat(MAX_DEPTH) + &"]".repeat(MAX_DEPTH);
        assert!(ok(&deep));
        // The limit is on depth, not on how many arrays and objects there are.
        let wide = alloc::format!("[{}{{}}]", "[[[]]],{\"a\":{}},[],".repeat(MAX_DEPTH));
        assert!(ok(&wide));
    }

    #[test]
    fn members_are_raw_in_order_with_duplicates() {
        let text = "{ \"a\" : 1E2 , \"a\":{\"x\": [1, 2]},\"\\u0062\":\"\\ud800\" }";
        let body = Body::new("test", text.as_bytes()).unwrap();
        let members = body.members(body.start()).unwrap().members;
        let pairs: Vec<(&str, &str)> = members.iter().map(|m| (m.key(), m.value())).collect();
        assert_eq!(
            pairs,
            [
                ("\"a\"", "1E2"),
                ("\"a\"", "{\"x\": [1, 2]}"),
                ("\"\\u0062\"", "\"\\ud800\"")
            ]
        );
        assert_eq!(members[2].name().as_deref(), Some("b"));
        let full: Vec<&str> = members.iter().map(|m| m.full).collect();
        assert_eq!(
            full,
            [
                " \"a\" : 1E2 ",
                " \"a\":{\"x\": [1, 2]}",
                "\"\\u0062\":\"\\ud800\" "
            ]
        );
        assert_eq!(decode_string(members[2].value(), false), None);
        assert_eq!(
            decode_string(members[2].value(), true).as_deref(),
            Some("\u{fffd}")
        );
        assert_eq!(
            decode_string("\"\\ud83d\\ude00\\n\"", false).as_deref(),
            Some("😀\n")
        );
    }

    #[test]
    fn only_a_high_then_a_low_escape_make_a_pair() {
        for (raw, lossless, lossy) in [
            (r#""\u0041\u00e9""#, Some("Aé"), "Aé"),
            (r#""\ud83d\ude00""#, Some("😀"), "😀"),
            (r#""\ud83dABde00""#, None, "\u{fffd}ABde00"),
            (r#""\ud83d\u0041""#, None, "\u{fffd}A"),
            (r#""\ude00\ud83d""#, None, "\u{fffd}\u{fffd}"),
        ] {
            assert_eq!(decode_string(raw, false).as_deref(), lossless, "{raw}");
            assert_eq!(decode_string(raw, true).as_deref(), Some(lossy), "{raw}");
        }
    }

    #[test]
    fn strings_round_trip() {
        for text in ["plain", "quote \" and \\ and \u{1} and é 😀", ""] {
            let mut out = String::new();
            write_string(&mut out, text);
            assert!(ok(&out), "{out:?} is a JSON string");
            assert_eq!(decode_string(&out, false).as_deref(), Some(text));
        }
        let mut out = String::new();
        write_string(&mut out, "\u{0}\u{8}\u{c}\n\r\t\u{1f} \u{7f}");
        assert_eq!(out, "\"\\u0000\\b\\f\\n\\r\\t\\u001f \u{7f}\"");
    }

    #[test]
    fn errors_have_line_and_column() {
        let err = Body::new("test", b"{\n  \"a\": tru\n}").unwrap_err();
        assert_eq!((err.line(), err.column()), (2, 8));
        let err = Body::new("test", b"{\"a\":").unwrap_err();
        assert!(err.is_truncated());
        // A bad escape or a raw control character: at that character, not after it.
        for (text, column, message) in [
            ("{\"a\":\"b\\x\"}", 9, "invalid escape in a string"),
            (
                "{\"a\":\"b\tc\"}",
                8,
                "control character in a string (escape it)",
            ),
        ] {
            let err = Body::new("test", text.as_bytes()).unwrap_err();
            assert_eq!(
                (err.kind(), err.line(), err.column(), err.message()),
                (BodyErrorKind::Syntax, 1, column, message),
                "{text:?}"
            );
        }
    }

    #[test]
    fn an_offset_inside_a_character_points_at_that_character() {
        // `é` is bytes 2..4, `😀` bytes 8..12 (on line 2, after `"`).
        let body = Body::new("test", "[\"é\",\n\"😀x\"]".as_bytes()).unwrap();
        let at = |offset| {
            let err = body.error_at(BodyErrorKind::Shape, offset, "x");
            (err.line(), err.column())
        };
        assert_eq!(at(2), (1, 3));
        assert_eq!(at(3), (1, 3));
        assert_eq!(at(4), (1, 4));
        assert_eq!(at(9), (2, 2));
        assert_eq!(at(11), (2, 2));
        assert_eq!(at(12), (2, 3));
        assert_eq!(at(999), (2, 6), "past the end: the end");
    }

    #[test]
    fn json_numbers_by_value() {
        for (raw, value) in [
            ("0", Some(0)),
            ("-0", Some(0)),
            ("0e0", Some(0)),
            ("0.000E-99999999999999999999", Some(0)),
            ("1E2", Some(100)),
            ("1e+2", Some(100)),
            ("100.0", Some(100)),
            ("1.9E1", Some(19)),
            ("2550e-1", Some(255)),
            ("-1", Some(-1)),
            ("1.5", None),
            ("1e-1", None),
            ("1e400", None),
            ("1e99999999999999999999", None),
            ("123456789012345678901234567890123456789012", None),
            // 39 digits: the most an i128 holds.
            ("1e38", Some(10i128.pow(38))),
            (
                "17014118346046923173168730371588410572.7e1",
                Some(i128::MAX),
            ),
            ("170141183460469231731687303715884105728", None),
            ("1e39", None),
        ] {
            assert_eq!(json_integer(raw), Ok(value), "{raw}");
        }
        for bad in [
            "", "-", "01", "1.", ".5", "1e", "1e+", "ff", "0x13", "1 ", "+1", "--1",
        ] {
            assert_eq!(json_integer(bad), Err(()), "{bad:?}");
        }
    }
}
